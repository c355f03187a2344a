//! The forgery corpus of issue 15: every attack of the issue, built FROM GENUINE FILES by
//! `tests/forgery/forge.py` with nothing but the public format (docs/formats.md) and Python's
//! standard library. Each forged folder is reported by `verify` (exit 1) with its first break
//! named (asserted on the typed verdict of the library, not on wording); forged databases and
//! events CSV files are refused by `merge`.
//!
//! The by-hand check of docs/evidence.md (`tests/forgery/check_folder.py`) is run on genuine and
//! forged folders too: it must agree with `constat verify`.

use std::path::{Path, PathBuf};
use std::process::Command;

use constat::app::evidence::{
    Broken, FolderProblem, Subject, Verdict, verify_database_file, verify_folder,
};
use constat::app::folder_check::{PvDifference, SealProblem};
use constat::domain::fingerprint::ChainReference;
use constat::storage::ChainProblem;

use crate::util::{constat, events, run, stdout, tick};

fn script(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/forgery")
        .join(name)
}

/// `python3 tests/forgery/forge.py ARGS…`, which must succeed.
fn forge(args: &[&str]) {
    let out = Command::new("python3")
        .arg(script("forge.py"))
        .args(args)
        .output()
        .expect("python3 (needed by the forgery corpus)");
    assert!(
        out.status.success(),
        "forge.py {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The by-hand check's exit status on `folder`.
fn hand_check(folder: &Path) -> i32 {
    let out = Command::new("python3")
        .arg(script("check_folder.py"))
        .arg(folder)
        .output()
        .expect("python3");
    out.status.code().unwrap_or(-1)
}

/// The secret key a database holds (what a forger holding it, or having stolen it, signs with).
/// It lives in the observer's key file (`<key dir>/<observer id>.key`, third line), never in
/// the database.
fn secret_of(db: &Path) -> String {
    let id: String =
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap()
            .query_row("SELECT id FROM observer WHERE is_local = 1", [], |r| {
                r.get(0)
            })
            .unwrap();
    let file = crate::util::key_dir(db).join(format!("{id}.key"));
    let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    text.lines().nth(2).expect("the secret line").to_owned()
}

/// Genuine files: Marie's database (4 ticks), her own evidence folder, the coordinator's
/// database holding her chain (merged from her file, with her signed head) and the
/// coordinator's evidence folder, and the reference Marie wrote in her PV at position 4.
struct Genuine {
    dir: tempfile::TempDir,
    marie: PathBuf,
    marie_folder: PathBuf,
    coord: PathBuf,
    coord_folder: PathBuf,
    reference: ChainReference,
}

fn genuine() -> Genuine {
    let dir = tempfile::tempdir().unwrap();
    let marie = dir.path().join("marie.db");
    run(
        constat(&marie).args(["init", "--sample", "paris-1-2017", "--observer", "Marie"]),
        0,
    );
    for n in 1..=4 {
        tick(
            &marie,
            &n.to_string(),
            "bureau",
            if n == 2 { "absent" } else { "present" },
            &["--note", &format!("n{n}")],
        );
    }
    let marie_folder = dir.path().join("marie-preuves");
    run(
        constat(&marie)
            .args(["export", "evidence", "-o"])
            .arg(&marie_folder),
        0,
    );
    let coord = dir.path().join("coord.db");
    run(
        constat(&coord).args(["init", "--sample", "paris-1-2017", "--observer", "Coord"]),
        0,
    );
    run(
        constat(&coord)
            .args(["merge", "--into"])
            .arg(&coord)
            .arg(&marie),
        0,
    );
    let coord_folder = dir.path().join("coord-preuves");
    run(
        constat(&coord)
            .args(["export", "evidence", "-o"])
            .arg(&coord_folder),
        0,
    );
    let reference = {
        let conn = rusqlite::Connection::open_with_flags(
            &marie,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
        )
        .unwrap();
        let (hash, key): (String, String) = conn
            .query_row(
                "SELECT e.hash, o.public_key FROM event e JOIN observer o ON o.id = e.observer
                 WHERE e.seq = 4",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        let hash: [u8; 32] = hex::decode(hash).unwrap().try_into().unwrap();
        let key: [u8; 32] = hex::decode(key).unwrap().try_into().unwrap();
        ChainReference::new(4, &hash, &key)
    };
    Genuine {
        dir,
        marie,
        marie_folder,
        coord,
        coord_folder,
        reference,
    }
}

impl Genuine {
    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// A forged folder built from `from` by `attack`; `secret`: the forger's key.
    fn forged(&self, attack: &str, from: &Path, secret: Option<&str>, extra: &[&str]) -> PathBuf {
        let out = self.path(&format!(
            "forged-{attack}{}{}",
            if secret.is_some() { "-signed" } else { "" },
            extra.join("")
        ));
        let mut args = vec![
            attack,
            from.to_str().unwrap(),
            out.to_str().unwrap(),
            "--victim",
            "Marie",
        ];
        if let Some(s) = secret {
            args.extend(["--secret", s]);
        }
        args.extend(extra);
        forge(&args);
        out
    }

    /// A copy of `db` (made by `export db`) forged in place by `attack`.
    fn forged_db(&self, attack: &str, db: &Path) -> PathBuf {
        let copy = self.path(&format!("{attack}.db"));
        run(constat(db).args(["export", "db", "-o"]).arg(&copy), 0);
        forge(&[attack, copy.to_str().unwrap(), "--victim", "Marie"]);
        copy
    }

    /// Marie's events CSV (`export csv`), written once as `marie.csv`.
    fn marie_csv(&self) -> PathBuf {
        let csv = self.path("marie.csv");
        if !csv.exists() {
            run(
                constat(&self.marie).args(["export", "csv", "-o"]).arg(&csv),
                0,
            );
        }
        csv
    }

    /// Marie's events CSV forged by `attack` (a `csv-…` attack of forge.py) into `name`.
    fn forged_csv(&self, attack: &str, name: &str) -> PathBuf {
        let out = self.path(name);
        forge(&[
            attack,
            self.marie_csv().to_str().unwrap(),
            out.to_str().unwrap(),
            "--victim",
            "Marie",
        ]);
        out
    }

    /// A fresh coordinator database, to merge into.
    fn target(&self, name: &str) -> PathBuf {
        let t = self.path(name);
        run(
            constat(&t).args(["init", "--sample", "paris-1-2017", "--observer", "National"]),
            0,
        );
        t
    }
}

/// The first broken verdict of `verify_folder`, after checking that `constat verify` exits 1
/// and that the by-hand check refuses the folder too.
fn first_break(folder: &Path) -> Verdict {
    let first = constat_break(folder);
    assert_eq!(
        hand_check(folder),
        1,
        "the by-hand check accepts {folder:?}"
    );
    first
}

/// [`first_break`] for what only constat checks (the signed statements and per-event
/// signatures of `events.csv`; the by-hand script checks the MANIFEST, digests and chains).
fn constat_break(folder: &Path) -> Verdict {
    let verdicts = verify_folder(folder).unwrap();
    let first = verdicts
        .iter()
        .find(|v| v.broken.is_some())
        .cloned()
        .unwrap_or_else(|| panic!("{} verifies: {verdicts:?}", folder.display()));
    run(constat(folder).arg("verify").arg(folder), 1);
    first
}

/// `verify --pv REFERENCE PATH`'s difference, after checking that it exits 1.
fn pv_difference(reference: &ChainReference, path: &Path) -> PvDifference {
    run(
        constat(path)
            .args(["verify", "--pv", &reference.to_string()])
            .arg(path),
        1,
    );
    match constat::app::folder_check::check_reference(reference, path).unwrap() {
        Err(d) => d,
        Ok(m) => panic!("{path:?} matches the PV: {m:?}"),
    }
}

/// `merge --strict --into TARGET FILE` must refuse the file and leave the target's events as
/// they were.
fn merge_refuses(target: &Path, file: &Path) {
    let before = events(target);
    run(
        constat(target)
            .args(["merge", "--strict", "--into"])
            .arg(target)
            .arg(file),
        1,
    );
    assert_eq!(events(target), before, "{file:?} changed the target");
}

fn folder_problem(v: &Verdict) -> &FolderProblem {
    match &v.broken {
        Some(Broken::Folder(p)) => p,
        other => panic!("not a folder problem: {other:?} ({:?})", v.subject),
    }
}

#[test]
fn genuine_folders_verify_with_constat_and_by_hand_and_match_the_pv() {
    let g = genuine();
    for folder in [&g.marie_folder, &g.coord_folder] {
        let verdicts = verify_folder(folder).unwrap();
        assert!(verdicts.iter().all(|v| v.broken.is_none()), "{verdicts:?}");
        run(constat(folder).arg("verify").arg(folder), 0);
        assert_eq!(hand_check(folder), 0, "{folder:?}");
        let out = stdout(&run(
            constat(folder)
                .args(["verify", "--pv", &g.reference.to_string()])
                .arg(folder),
            0,
        ));
        assert!(out.contains("Marie"), "{out}");
    }
    // The reference also matches Marie's database, and still matches once she records more
    // (her file extends what her PV pinned).
    run(
        constat(&g.marie)
            .args(["verify", "--pv", &g.reference.to_string()])
            .arg(&g.marie),
        0,
    );
    tick(&g.marie, "5", "bureau", "present", &[]);
    let found = constat::app::folder_check::check_reference(&g.reference, &g.marie)
        .unwrap()
        .unwrap();
    assert_eq!((found.name.as_str(), found.events), ("Marie", 5));
    // A malformed reference is refused with exit 1, whatever the file.
    run(
        constat(&g.marie)
            .args(["verify", "--pv", "4 / 1a2b"])
            .arg(&g.marie),
        1,
    );
}

/// Demo-style data (the 2017 reference record, seen times: version-3 events) checks by hand too.
#[test]
fn the_by_hand_check_accepts_a_folder_of_demo_data() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    run(
        constat(&db)
            .args(["demo", "--record", "--plain"])
            .stdin(std::process::Stdio::null()),
        0,
    );
    run(
        constat(&db).args([
            "envelope",
            "--circonscription",
            "7501",
            "--voters",
            "3",
            "--received",
            "2",
            "--received-on",
            "2017-06-06",
            "--note",
            "=\"é\" l'enveloppe",
        ]),
        0,
    );
    let folder = dir.path().join("preuves");
    run(
        constat(&db).args(["export", "evidence", "-o"]).arg(&folder),
        0,
    );
    run(constat(&db).arg("verify").arg(&folder), 0);
    assert_eq!(hand_check(&folder), 0);
    // The script as docs/evidence.md prints it (not only the file) does the same.
    let doc =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/evidence.md"))
            .unwrap();
    let block = doc
        .split("```python\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("a python block in docs/evidence.md");
    assert_eq!(
        block,
        std::fs::read_to_string(script("check_folder.py")).unwrap(),
        "docs/evidence.md's script is not tests/forgery/check_folder.py"
    );
    let copy = dir.path().join("check_folder.py");
    std::fs::write(&copy, block).unwrap();
    let out = Command::new("python3")
        .arg(&copy)
        .arg(&folder)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("ALL INTACT"));
}

// ---- Evidence folders: edited, then the MANIFEST recomputed ----------------------------------

#[test]
fn an_edited_observations_csv_or_report_html_with_the_manifest_recomputed_is_refused() {
    let g = genuine();
    for attack in ["edit-observations", "edit-report-html"] {
        let forged = g.forged(attack, &g.coord_folder, None, &[]);
        let first = first_break(&forged);
        assert_eq!(
            folder_problem(&first),
            &FolderProblem::SignatureInvalid,
            "{attack}"
        );
        // Without recomputing the MANIFEST, the file itself is named.
        let copy = g.path(&format!("{attack}-plain"));
        forge(&[
            attack,
            g.coord_folder.to_str().unwrap(),
            copy.to_str().unwrap(),
        ]);
        std::fs::copy(g.coord_folder.join("MANIFEST"), copy.join("MANIFEST")).unwrap();
        let first = first_break(&copy);
        assert!(
            matches!(folder_problem(&first), FolderProblem::DigestDiffers { .. }),
            "{first:?}"
        );
        // Merge reads only events.csv: nothing of the forged file enters a target.
        if attack == "edit-observations" {
            // The exporter, who signs again: observations.csv no longer shows events.csv.
            let secret = secret_of(&g.coord);
            let signed = g.forged(attack, &g.coord_folder, Some(&secret), &[]);
            let verdicts = verify_folder(&signed).unwrap();
            let first = verdicts.iter().find(|v| v.broken.is_some()).unwrap();
            assert!(
                matches!(
                    folder_problem(first),
                    FolderProblem::ObservationDiffers {
                        column: "value",
                        ..
                    }
                ),
                "{first:?}"
            );
            run(constat(&signed).arg("verify").arg(&signed), 1);
        }
        let target = g.target(&format!("{attack}-target.db"));
        run(
            constat(&target)
                .args(["merge", "--into"])
                .arg(&target)
                .arg(&forged),
            0,
        );
        assert_eq!(events(&target), events(&g.marie));
    }
}

#[test]
fn a_rewritten_events_csv_with_its_chain_and_manifest_recomputed_is_refused() {
    let g = genuine();
    // By anyone: the MANIFEST's signature no longer verifies.
    let forged = g.forged("edit-events", &g.coord_folder, None, &[]);
    assert_eq!(
        folder_problem(&first_break(&forged)),
        &FolderProblem::SignatureInvalid
    );
    // By the exporter, who signs the MANIFEST again: Marie's signed head no longer matches.
    let secret = secret_of(&g.coord);
    let forged = g.forged("edit-events", &g.coord_folder, Some(&secret), &[]);
    assert_eq!(
        first_break(&forged).broken,
        Some(Broken::Seal(SealProblem::BadEventSignature { seq: 1 }))
    );
    assert_eq!(
        pv_difference(&g.reference, &forged),
        PvDifference::NotIntact(Box::new(first_break(&forged)))
    );
}

#[test]
fn an_event_appended_to_anothers_chain_in_a_folder_is_refused() {
    let g = genuine();
    let forged = g.forged("append", &g.coord_folder, None, &[]);
    assert_eq!(
        folder_problem(&first_break(&forged)),
        &FolderProblem::SignatureInvalid
    );
    let secret = secret_of(&g.coord);
    let forged = g.forged("append", &g.coord_folder, Some(&secret), &[]);
    assert_eq!(
        first_break(&forged).broken,
        Some(Broken::Seal(SealProblem::BadEventSignature { seq: 5 }))
    );
}

/// A chain signed only up to position M of its N events is a break: `verify` exits 1 and says
/// "N événements, signés jusqu'à la position M", for a database (an event appended after the
/// signed ones, raw SQLite) and for a folder (a row appended without a signature, the MANIFEST
/// re-signed by its exporter).
#[test]
fn a_chain_signed_only_up_to_an_earlier_position_is_a_break() {
    let g = genuine();
    let db = g.forged_db("db-append", &g.marie);
    let out = stdout(&run(constat(&db).arg("verify").arg(&db), 1));
    let verdicts = verify_database_file(&db).unwrap();
    assert_eq!(verdicts.len(), 1, "{verdicts:?}");
    assert!(
        matches!(
            verdicts[0].subject,
            Subject::Chain {
                events: 5,
                signed_up_to: Some(4),
                ..
            }
        ),
        "{verdicts:?}"
    );
    assert_eq!(
        verdicts[0].broken,
        Some(Broken::Chain(ChainProblem::Unsigned {
            events: 5,
            signed: 4
        }))
    );
    assert!(
        out.contains("5 événements, signés jusqu'à la position 4"),
        "{out}"
    );
    merge_refuses(&g.target("t1.db"), &db);

    let secret = secret_of(&g.coord);
    let folder = g.forged("append-unsigned", &g.coord_folder, Some(&secret), &[]);
    let first = first_break(&folder);
    assert_eq!(
        first.broken,
        Some(Broken::Seal(SealProblem::SignedUpTo {
            signed: 4,
            events: 5
        })),
        "{first:?}"
    );
    assert!(
        matches!(
            first.subject,
            Subject::CsvChain {
                events: 5,
                signed_up_to: Some(4),
                ..
            }
        ),
        "{first:?}"
    );
    let out = stdout(&run(constat(&folder).arg("verify").arg(&folder), 1));
    assert!(
        out.contains("5 événements, signés jusqu'à la position 4"),
        "{out}"
    );
    merge_refuses(&g.target("t2.db"), &folder.join("events.csv"));
}

#[test]
fn a_dropped_last_event_or_a_cut_end_with_its_head_dropped_is_refused() {
    let g = genuine();
    let forged = g.forged("drop-last", &g.coord_folder, None, &[]);
    assert_eq!(
        folder_problem(&first_break(&forged)),
        &FolderProblem::SignatureInvalid
    );
    let secret = secret_of(&g.coord);
    let forged = g.forged("drop-last", &g.coord_folder, Some(&secret), &[]);
    assert_eq!(
        first_break(&forged).broken,
        Some(Broken::Seal(SealProblem::HeadBeyondChain {
            signed: 4,
            events: 3
        }))
    );
    let forged = g.forged(
        "drop-last",
        &g.coord_folder,
        Some(&secret),
        &["--drop-head"],
    );
    assert_eq!(
        first_break(&forged).broken,
        Some(Broken::Seal(SealProblem::NotSigned { events: 3 }))
    );
    // The PV pins position 4: the cut chain is named as shorter, in a database too.
    let cut = g.forged_db("db-cut", &g.marie);
    assert_eq!(
        pv_difference(&g.reference, &cut),
        PvDifference::ChainShorter {
            name: "Marie".into(),
            events: 3
        }
    );
}

#[test]
fn orphan_events_in_a_folder_are_refused() {
    let g = genuine();
    let secret = secret_of(&g.coord);
    let forged = g.forged("orphan", &g.coord_folder, Some(&secret), &[]);
    let first = first_break(&forged);
    assert!(
        matches!(&first.subject, Subject::CsvChain { name, .. } if name == "fantôme"),
        "{first:?}"
    );
    assert_eq!(
        first.broken,
        Some(Broken::Seal(SealProblem::Orphan { events: 1 }))
    );
}

#[test]
fn an_empty_folder_or_one_with_an_empty_manifest_is_refused() {
    let g = genuine();
    let forged = g.forged("empty", &g.coord_folder, None, &[]);
    let verdicts = verify_folder(&forged).unwrap();
    let problems: Vec<&FolderProblem> = verdicts
        .iter()
        .filter(|v| v.broken.is_some())
        .map(folder_problem)
        .collect();
    assert_eq!(
        problems,
        [
            &FolderProblem::EmptyManifest,
            &FolderProblem::NoEventsCsv,
            &FolderProblem::PartMissing,
            &FolderProblem::PartMissing,
            &FolderProblem::SignaturesMissing,
            &FolderProblem::SignatureMissing
        ]
    );
    first_break(&forged);
    let empty = g.path("empty");
    std::fs::create_dir(&empty).unwrap();
    assert_eq!(
        folder_problem(&first_break(&empty)),
        &FolderProblem::EmptyFolder
    );
    // Merging them brings nothing.
    let target = g.target("empty-target.db");
    run(
        constat(&target)
            .args(["merge", "--into"])
            .arg(&target)
            .arg(&forged)
            .arg(&empty),
        0,
    );
    assert!(events(&target).is_empty());
}

#[test]
fn a_garbled_observer_name_in_a_folder_is_refused() {
    let g = genuine();
    let forged = g.forged("garble-name", &g.coord_folder, None, &[]);
    assert_eq!(
        folder_problem(&first_break(&forged)),
        &FolderProblem::SignatureInvalid
    );
}

#[test]
fn a_chain_re_signed_with_a_new_key_is_named_by_the_pv_reference() {
    let g = genuine();
    // The whole folder re-signed with a new key pair: consistent in itself, but the key is not
    // the one the PV pins.
    let forged = g.forged("new-key", &g.marie_folder, None, &[]);
    // (The forger here re-signs the head only; one who re-signs every row too makes a folder
    // that verifies in itself: either way the PV reference names the difference.)
    assert!(matches!(
        pv_difference(&g.reference, &forged),
        PvDifference::NoSuchKey | PvDifference::NotIntact(_)
    ));
    // The same in a database.
    let db = g.forged_db("db-new-key", &g.marie);
    assert_eq!(pv_difference(&g.reference, &db), PvDifference::NoSuchKey);
    // A coordinator who already holds Marie's genuine chain refuses the forged file.
    merge_refuses(&g.coord, &db);
}

/// Issue 15 point 6 in a folder: with Marie's stolen key, her last event dated before the one
/// before it, the chain and every signature made again: `verify DIR` names the position where
/// time goes back (a break, exit 1), as it does for a database.
#[test]
fn a_folder_whose_time_goes_back_along_a_chain_is_a_break() {
    let g = genuine();
    let secret = secret_of(&g.marie);
    let forged = g.forged("time-back", &g.marie_folder, Some(&secret), &[]);
    assert_eq!(
        constat_break(&forged).broken,
        Some(Broken::Chain(ChainProblem::TimeGoesBack { seq: 4 }))
    );
}

#[test]
fn a_chain_re_signed_with_a_stolen_key_is_named_by_the_pv_reference() {
    let g = genuine();
    let secret = secret_of(&g.marie);
    let forged = g.forged("stolen-key", &g.marie_folder, Some(&secret), &[]);
    // With the key, every signature can be made again: only what was written outside the
    // file (the PV) tells.
    // (The forger here re-signs the head only; one who re-signs every row too makes a folder
    // that verifies in itself: either way the PV reference names the difference.)
    assert!(
        matches!(
            pv_difference(&g.reference, &forged),
            PvDifference::HashDiffers { name, .. } if name == "Marie"
        ) || matches!(
            pv_difference(&g.reference, &forged),
            PvDifference::NotIntact(_)
        )
    );
}

#[test]
fn no_key_is_left_in_an_evidence_folder_or_an_exported_database() {
    let g = genuine();
    let secret = secret_of(&g.marie);
    let raw = hex::decode(&secret).unwrap();
    let copy = g.path("copy.db");
    run(constat(&g.marie).args(["export", "db", "-o"]).arg(&copy), 0);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&g.marie_folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.push(copy);
    for f in files {
        let bytes = std::fs::read(&f).unwrap();
        let lower = String::from_utf8_lossy(&bytes).to_lowercase();
        assert!(!lower.contains(&secret), "the key in hex in {f:?}");
        assert!(
            !bytes.windows(raw.len()).any(|w| w == raw.as_slice()),
            "the key in {f:?}"
        );
    }
    // A copy on another machine (no key file there) cannot sign a folder: refused, and
    // nothing written.
    let out = g.path("unsigned");
    let elsewhere = g.path("other-machine-keys");
    run(
        constat(&g.path("copy.db"))
            .env("CONSTAT_KEY_DIR", &elsewhere)
            .args(["export", "evidence", "-o"])
            .arg(&out),
        1,
    );
    assert!(!out.exists());
}

// ---- What only per-event signatures (branch `sign`) or the roster (branch `roster`) stop ----

#[test]
fn merge_and_verify_refuse_an_event_appended_to_anothers_chain() {
    let g = genuine();
    let db = g.forged_db("db-append", &g.marie);
    run(constat(&db).arg("verify").arg(&db), 1);
    merge_refuses(&g.target("t1.db"), &db);
    let folder = g.forged("append", &g.coord_folder, Some(&secret_of(&g.coord)), &[]);
    merge_refuses(&g.target("t2.db"), &folder.join("events.csv"));
}

#[test]
fn merge_refuses_a_rewritten_events_csv() {
    let g = genuine();
    let folder = g.forged("edit-events", &g.coord_folder, None, &[]);
    merge_refuses(&g.target("t.db"), &folder.join("events.csv"));
}

#[test]
fn a_cut_chain_is_an_earlier_genuine_state_that_only_the_pv_reference_tells_apart() {
    // Every event is signed, so a chain cut at its end is exactly what the observer's file was
    // one event earlier: nothing in the file can tell (docs/evidence.md). What the PV pins can.
    let g = genuine();
    let db = g.forged_db("db-cut", &g.marie);
    run(constat(&db).arg("verify").arg(&db), 0);
    pv_says_differs(&g, &db);
    // Merged into an empty target, it brings the signed prefix only, and the target is then
    // told apart from the PV in the same way.
    let folder = g.forged("drop-last", &g.coord_folder, None, &["--drop-head"]);
    let target = g.target("t.db");
    run(
        constat(&target)
            .args(["merge", "--strict", "--into"])
            .arg(&target)
            .arg(folder.join("events.csv")),
        0,
    );
    pv_says_differs(&g, &target);
}

/// `verify --pv` with the reference Marie wrote in her PV: exit 1 (her chain there is not the
/// state the PV pins).
fn pv_says_differs(g: &Genuine, path: &Path) {
    run(
        constat(path)
            .args(["verify", "--pv", &g.reference.to_string()])
            .arg(path),
        1,
    );
}

#[test]
fn merge_and_verify_refuse_orphan_events() {
    let g = genuine();
    let db = g.forged_db("db-orphan", &g.marie);
    run(constat(&db).arg("verify").arg(&db), 1);
    merge_refuses(&g.target("t1.db"), &db);
    let folder = g.forged("orphan", &g.coord_folder, None, &[]);
    merge_refuses(&g.target("t2.db"), &folder.join("events.csv"));
}

#[test]
fn merge_and_verify_refuse_a_garbled_observer_name() {
    let g = genuine();
    let db = g.forged_db("db-garble", &g.marie);
    merge_refuses(&g.target("t.db"), &db);
    // Re-signed by the exporter: only a signature over the name tells.
    let folder = g.forged(
        "garble-name",
        &g.coord_folder,
        Some(&secret_of(&g.coord)),
        &[],
    );
    assert_eq!(
        constat_break(&folder).broken,
        Some(Broken::Seal(SealProblem::BadStatement))
    );
}

/// A database whose own observer was stripped of their key, statement, head and signatures: constat
/// has always given a database's own observer a key, so `verify` names it as a break (exit 1)
/// rather than "intact, non signés", and `merge` refuses it without `--accept-unsigned`. An
/// observer merged from an unsigned CSV stays "non signés" without a break.
#[test]
fn a_database_whose_own_observer_was_stripped_of_their_key_is_a_break() {
    let g = genuine();
    let db = g.forged_db("db-strip-key", &g.marie);
    run(constat(&db).arg("verify").arg(&db), 1);
    let verdicts = verify_database_file(&db).unwrap();
    assert_eq!(
        verdicts.iter().map(|v| &v.broken).collect::<Vec<_>>(),
        [&Some(Broken::Chain(ChainProblem::LocalKeyMissing))],
        "{verdicts:?}"
    );
    merge_refuses(&g.target("t1.db"), &db);
    // The same chain held by a coordinator, taken unsigned from a CSV on their word: not a break.
    let unsigned = g.forged_csv("csv-unsigned", "unsigned.csv");
    let t = g.target("t2.db");
    run(
        constat(&t)
            .args(["merge", "--accept-unsigned", "--into"])
            .arg(&t)
            .arg(&unsigned),
        0,
    );
    run(constat(&t).arg("verify").arg(&t), 0);
}

/// A keyed observer whose signed statement (name, key, reference digest) was removed from the
/// file, their name garbled meanwhile and every event and signature left as they were: `verify`
/// reports it (database, folder re-signed by its exporter) and `merge` refuses it (database,
/// events CSV, folder's `events.csv`) into a target that did not know them.
#[test]
fn a_keyed_observer_stripped_of_their_signed_statement_is_refused() {
    let g = genuine();
    let db = g.forged_db("db-strip-statement", &g.marie);
    run(constat(&db).arg("verify").arg(&db), 1);
    let verdicts = verify_database_file(&db).unwrap();
    assert_eq!(
        verdicts.iter().map(|v| &v.broken).collect::<Vec<_>>(),
        [&Some(Broken::Chain(ChainProblem::StatementMissing))],
        "{verdicts:?}"
    );
    merge_refuses(&g.target("t1.db"), &db);

    let csv = g.marie_csv();
    let stripped = g.forged_csv("csv-strip-statement", "stripped.csv");
    merge_refuses(&g.target("t2.db"), &stripped);

    let folder = g.forged(
        "strip-statement",
        &g.coord_folder,
        Some(&secret_of(&g.coord)),
        &[],
    );
    assert_eq!(
        constat_break(&folder).broken,
        Some(Broken::Seal(SealProblem::StatementMissing))
    );
    merge_refuses(&g.target("t3.db"), &folder.join("events.csv"));

    // The genuine files still merge and verify.
    let target = g.target("t4.db");
    run(
        constat(&target)
            .args(["merge", "--strict", "--into"])
            .arg(&target)
            .arg(&csv)
            .arg(&g.coord),
        0,
    );
    run(constat(&target).arg("verify").arg(&target), 0);
}

#[test]
fn a_forged_copy_with_a_new_key_merged_first_does_not_lock_the_genuine_one_out() {
    let g = genuine();
    let db = g.forged_db("db-new-key", &g.marie);
    let target = g.target("t.db");
    merge_refuses(&target, &db);
    run(
        constat(&target)
            .args(["merge", "--into"])
            .arg(&target)
            .arg(&g.marie),
        0,
    );
}

#[test]
fn no_key_is_left_by_a_killed_export() {
    // Issue 15 point 3: kill `export db`, `export csv` and `export evidence` at random points
    // and scan every file left for the key; written with the key file of branch `sign`.
    let g = genuine();
    let secret = secret_of(&g.marie);
    for n in 0..200u64 {
        let out = g.path(&format!("killed-{n}.db"));
        let mut child = constat(&g.marie)
            .args(["export", "db", "-o"])
            .arg(&out)
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(n % 40));
        let _ = child.kill();
        let _ = child.wait();
        for e in std::fs::read_dir(g.dir.path()).unwrap() {
            let p = e.unwrap().path();
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            if p.is_file() && !name.starts_with("marie.db") && !name.starts_with("coord.db") {
                let text = String::from_utf8_lossy(&std::fs::read(&p).unwrap()).to_lowercase();
                assert!(!text.contains(&secret), "the key in {p:?}");
            }
        }
    }
}

/// The key a CSV's rows give Marie, as a fingerprint (the data a key conflict must name).
fn csv_key_of_marie(csv: &Path) -> Option<String> {
    let mut r = ::csv::Reader::from_path(csv).unwrap();
    let h = r.headers().unwrap().clone();
    let at = |name: &str| h.iter().position(|c| c == name).unwrap();
    let (name, key) = (at("observer_name"), at("public_key"));
    r.records()
        .map(Result::unwrap)
        .find(|row| &row[name] == "Marie")
        .and_then(|row| hex::decode(&row[key]).ok())
        .and_then(|k| <[u8; 32]>::try_from(k).ok())
        .map(|k| constat::domain::fingerprint::Fingerprint::of(&k).to_string())
}

/// Marie's events held in `db`.
fn marie_events(db: &Path) -> Vec<constat::domain::Event> {
    let marie = constat::storage::Store::open(db)
        .unwrap()
        .observers()
        .unwrap()
        .into_iter()
        .find(|(_, name)| name == "Marie")
        .map(|(id, _)| id);
    events(db)
        .into_iter()
        .filter(|e| Some(e.observer) == marie)
        .collect()
}

/// Issue 15 point 2 for events CSVs and across separate merges (`merge --watch` merges each
/// file as it arrives): an events CSV of Marie re-signed with a new key, or stripped of its key,
/// does not lock her genuine file out by arriving first, and is not taken after it. In one run
/// neither file is merged (a key conflict, both keys named), `--accept-key` settles it; across
/// runs the later file is refused as a key conflict naming both keys, the target unchanged
/// (refused files are listed, exit 0, as for any refusal without `--strict`). Stripped of its
/// key, a copy is refused whatever the order.
#[test]
fn a_csv_re_signed_with_a_new_key_or_stripped_of_it_is_a_key_conflict_whatever_the_order() {
    let g = genuine();
    let csv = g.marie_csv();
    let genuine_key = csv_key_of_marie(&csv).expect("a signed CSV");
    let merge = |target: &Path, files: &[&Path], extra: &[&str], code: i32| {
        let mut cmd = constat(target);
        cmd.args(["merge", "--into"]).arg(target).args(extra);
        for f in files {
            cmd.arg(f);
        }
        let out = run(&mut cmd, code);
        format!("{}{}", stdout(&out), String::from_utf8_lossy(&out.stderr))
    };
    // Re-signed with a new key: one run, both files, either order of names.
    let forged = g.forged_csv("csv-new-key", "a-forged.csv");
    let forged_key = csv_key_of_marie(&forged).expect("re-signed");
    assert_ne!(forged_key, genuine_key);
    let t = g.target("one-run.db");
    let said = merge(&t, &[&forged, &g.marie], &[], 0);
    assert!(marie_events(&t).is_empty(), "neither file merged: {said}");
    assert!(
        said.contains(&forged_key) && said.contains(&genuine_key),
        "{said}"
    );
    merge(&t, &[&forged, &g.marie], &["--accept-key", &genuine_key], 0);
    assert_eq!(marie_events(&t), marie_events(&g.marie));
    // Across runs, forged first: the genuine file is refused as a key conflict, not blamed.
    let t = g.target("forged-first.db");
    merge(&t, &[&forged], &[], 0);
    let before = events(&t);
    let said = merge(&t, &[&g.marie], &[], 0);
    assert_eq!(events(&t), before);
    assert!(
        said.contains(&forged_key) && said.contains(&genuine_key),
        "{said}"
    );
    // Across runs, genuine first: the forged one is refused, naming both keys.
    let t = g.target("genuine-first.db");
    merge(&t, &[&g.marie], &[], 0);
    let said = merge(&t, &[&forged], &[], 0);
    assert_eq!(marie_events(&t), marie_events(&g.marie));
    assert!(
        said.contains(&forged_key) && said.contains(&genuine_key),
        "{said}"
    );
    // Stripped of its key and signatures, forged first: refused (no key anywhere, nothing
    // proves who wrote it), so the genuine file then merges whole.
    let stripped = g.forged_csv("csv-unsigned", "stripped.csv");
    assert_eq!(csv_key_of_marie(&stripped), None);
    let t = g.target("stripped-first.db");
    let said = merge(&t, &[&stripped], &[], 0);
    assert!(
        marie_events(&t).is_empty(),
        "the stripped copy merged: {said}"
    );
    assert!(said.contains("--accept-unsigned"), "{said}");
    merge(&t, &[&g.marie], &[], 0);
    assert_eq!(marie_events(&t), marie_events(&g.marie));
}

/// Whose observations the findings of `db` rest on, by name (the state `report` and `pv`
/// fold), and the key disputes `report --format json` lists with their standing.
fn counted_and_disputes(db: &Path) -> (Vec<String>, Vec<(String, String)>) {
    let store = constat::storage::Store::open(db).unwrap();
    let names = store.observers().unwrap();
    let state = store.fold().unwrap();
    let mut counted: Vec<String> = state
        .observed_circonscriptions()
        .iter()
        .flat_map(|c| {
            state
                .cells_of(c)
                .map(|(_, o)| names.get(&o.observer).cloned().unwrap_or_default())
                .collect::<Vec<_>>()
        })
        .collect();
    counted.sort();
    counted.dedup();
    let out = run(constat(db).args(["report", "--format", "json"]), 0);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let disputes = json["key_disputes"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|d| {
                    (
                        d["claimed_fingerprint"].as_str().unwrap().to_owned(),
                        d["standing"].as_str().unwrap().to_owned(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    (counted, disputes)
}

/// Issue 15 point 2 across runs: two files claiming Marie with different keys are not merged
/// "whatever their order", even when the first was merged by an earlier run. The later file
/// opens a key dispute: nothing of it is merged, and Marie's observations already held are set
/// aside from the findings (said in the report) until the coordinator settles with
/// `--accept-key`, in a later run with or without files. Settled for the key held, they count
/// again and the other key stays refused; settled for the other key, the held ones stay aside
/// for good and the target (append-only) says to rebuild, which a fresh target does.
#[test]
fn a_copy_merged_first_with_another_key_is_set_aside_once_the_genuine_file_arrives() {
    let g = genuine();
    let csv = g.marie_csv();
    let genuine_key = csv_key_of_marie(&csv).expect("a signed CSV");
    let forged = g.forged_csv("csv-new-key", "forged.csv");
    let forged_key = csv_key_of_marie(&forged).expect("re-signed");
    let merge = |target: &Path, files: &[&Path], extra: &[&str]| {
        let mut cmd = constat(target);
        cmd.args(["merge", "--into"]).arg(target).args(extra);
        for f in files {
            cmd.arg(f);
        }
        stdout(&run(&mut cmd, 0))
    };
    let marie = || vec!["Marie".to_owned()];

    // Forged first, in a run of its own: counted, as nothing yet disputes it.
    let t = g.target("forged-first.db");
    merge(&t, &[&forged], &[]);
    assert_eq!(counted_and_disputes(&t), (marie(), vec![]));
    // The genuine file arrives: refused, and the forged observations set aside.
    let before = events(&t);
    let said = merge(&t, &[&g.marie], &[]);
    assert_eq!(events(&t), before, "{said}");
    assert_eq!(
        counted_and_disputes(&t),
        (vec![], vec![(genuine_key.clone(), "open".to_owned())]),
        "{said}"
    );
    let report = stdout(&run(constat(&t).arg("report"), 0));
    assert!(
        report.contains(&forged_key) && report.contains(&genuine_key),
        "{report}"
    );
    // Settled for the genuine key, with the file: the forged ones stay aside for good, the
    // genuine file is refused with what to do, and a fresh target takes it.
    let said = merge(&t, &[&g.marie], &["--accept-key", &genuine_key]);
    assert_eq!(events(&t), before, "{said}");
    assert_eq!(
        counted_and_disputes(&t),
        (vec![], vec![(genuine_key.clone(), "rejected".to_owned())]),
        "{said}"
    );
    let fresh = g.target("rebuilt.db");
    merge(
        &fresh,
        &[&forged, &g.marie],
        &["--accept-key", &genuine_key],
    );
    assert_eq!(marie_events(&fresh), marie_events(&g.marie));
    assert_eq!(counted_and_disputes(&fresh), (marie(), vec![]));

    // Genuine first; the forged copy arrives later: Marie set aside until settled.
    let t = g.target("genuine-first.db");
    merge(&t, &[&g.marie], &[]);
    merge(&t, &[&forged], &[]);
    assert_eq!(marie_events(&t), marie_events(&g.marie));
    assert_eq!(
        counted_and_disputes(&t),
        (vec![], vec![(forged_key.clone(), "open".to_owned())])
    );
    // Settled for the key held, in a run without files: counted again, listed no more, and
    // the forged copy stays refused.
    merge(&t, &[], &["--accept-key", &genuine_key]);
    assert_eq!(counted_and_disputes(&t), (marie(), vec![]));
    merge(&t, &[&forged], &[]);
    assert_eq!(marie_events(&t), marie_events(&g.marie));
    assert_eq!(counted_and_disputes(&t), (marie(), vec![]));

    // In one run, a file agreeing with the key held and a rival: neither merged, and the held
    // observations set aside too, as when they came one run apart.
    let t = g.target("held-and-both.db");
    merge(&t, &[&g.marie], &[]);
    merge(&t, &[&forged, &csv], &[]);
    assert_eq!(
        counted_and_disputes(&t),
        (vec![], vec![(forged_key.clone(), "open".to_owned())])
    );
}

/// Issue 15 point 4: a folder cut down to what still verifies — `observations.csv` and every
/// `report.*` removed, the MANIFEST recomputed over what is left — is incomplete, and said so
/// for each part, whoever signed its MANIFEST.
#[test]
fn a_folder_without_its_observations_and_reports_is_incomplete() {
    use sha2::Digest;
    let g = genuine();
    let cut = g.path("cut-folder");
    std::fs::create_dir(&cut).unwrap();
    let mut manifest = String::new();
    for entry in std::fs::read_dir(&g.marie_folder).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !path.is_file()
            || name == "observations.csv"
            || name.starts_with("report.")
            || name.starts_with("MANIFEST")
        {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        std::fs::write(cut.join(&name), &bytes).unwrap();
        manifest.push_str(&format!(
            "{}  {name}\n",
            hex::encode(sha2::Sha256::digest(&bytes))
        ));
    }
    std::fs::write(cut.join("MANIFEST"), manifest).unwrap();
    let missing: Vec<Subject> = verify_folder(&cut)
        .unwrap()
        .into_iter()
        .filter(|v| matches!(v.broken, Some(Broken::Folder(FolderProblem::PartMissing))))
        .map(|v| v.subject)
        .collect();
    assert_eq!(
        missing,
        [
            Subject::File("observations.csv".into()),
            Subject::File("report.html".into())
        ]
    );
    run(constat(&cut).arg("verify").arg(&cut), 1);
    // The genuine folder is complete.
    assert!(
        verify_folder(&g.marie_folder)
            .unwrap()
            .iter()
            .all(|v| v.broken.is_none())
    );
}

/// Issue 15 point 1: reference data edited in a signed file (a candidate renamed, without the
/// key) are caught: `verify` names the break, and `merge` does not take the edited rows into a
/// target that lacks reference data, whose next genuine files would otherwise be refused.
#[test]
#[allow(clippy::disallowed_methods)] // the forger edits the file behind constat's back
fn reference_rows_edited_after_their_observer_signed_them_are_caught() {
    let g = genuine();
    let forged = g.path("renamed.db");
    run(
        constat(&g.marie).args(["export", "db", "-o"]).arg(&forged),
        0,
    );
    let conn = rusqlite::Connection::open(&forged).unwrap();
    let changed = conn
        .execute("UPDATE candidate SET surname = 'FAUX' WHERE panel = 3", [])
        .unwrap();
    assert!(changed > 0);
    drop(conn);
    let checks = constat::storage::verify_database(&forged).unwrap();
    assert!(
        checks
            .iter()
            .any(|c| c.problem == Some(constat::storage::ChainProblem::ReferenceAltered)),
        "{checks:?}"
    );
    run(constat(&forged).arg("verify").arg(&forged), 1);
    // The genuine file verifies.
    assert!(
        constat::storage::verify_database(&g.marie)
            .unwrap()
            .iter()
            .all(|c| c.problem.is_none())
    );
    // A target with no reference data of its own takes nothing from the forged file.
    let target = g.path("empty.db");
    run(
        constat(&target).args([
            "init",
            "--election",
            "legislatives-2017",
            "--observer",
            "National",
        ]),
        0,
    );
    merge_refuses(&target, &forged);
    let names: Vec<String> = constat::storage::Store::open(&target)
        .unwrap()
        .election_data()
        .unwrap()
        .referential
        .candidates
        .values()
        .flatten()
        .map(|c| c.surname.clone())
        .collect();
    assert!(!names.contains(&"FAUX".to_owned()), "{names:?}");
    // The genuine file then merges.
    run(
        constat(&target)
            .args(["merge", "--strict", "--into"])
            .arg(&target)
            .arg(&g.marie),
        0,
    );
}

/// The fingerprint of the key `db` holds for Marie.
fn marie_fingerprint(db: &Path) -> String {
    let key: String =
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap()
            .query_row(
                "SELECT public_key FROM observer WHERE name = 'Marie'",
                [],
                |r| r.get(0),
            )
            .unwrap();
    let key: [u8; 32] = hex::decode(key).unwrap().try_into().unwrap();
    constat::domain::fingerprint::Fingerprint::of(&key).to_string()
}

/// Issue 15 point 3: `constat key new` gives Marie a new key pair, announced in her chain by a
/// key-change event her OLD key signs. Her next file then merges into a coordinator's database
/// that holds her old key (and is refused nothing), the new key taking over from that position;
/// both files verify, and her evidence folder verifies by hand too.
#[test]
fn a_key_rotation_signed_by_the_old_key_is_taken_by_merge_and_verify() {
    let g = genuine();
    let old = marie_fingerprint(&g.marie);
    assert_eq!(marie_fingerprint(&g.coord), old);
    let before = g.path("marie-before.db");
    run(
        constat(&g.marie).args(["export", "db", "-o"]).arg(&before),
        0,
    );
    let said = stdout(&run(constat(&g.marie).args(["key", "new"]), 0));
    let new = marie_fingerprint(&g.marie);
    assert_ne!(new, old);
    assert!(said.contains(&new) && said.contains(&old), "{said}");
    tick(&g.marie, "5", "bureau", "present", &[]);
    run(constat(&g.marie).arg("verify").arg(&g.marie), 0);
    let marie = marie_events(&g.marie);
    assert_eq!(marie.len(), 6);
    assert!(matches!(
        marie[4].body,
        constat::domain::EventBody::KeyChange { .. }
    ));
    // The coordinator who holds her old key takes the rotation, in a database and in a CSV.
    let csv = g.path("marie-rotated.csv");
    run(constat(&g.marie).args(["export", "csv", "-o"]).arg(&csv), 0);
    run(
        constat(&g.coord)
            .args(["merge", "--strict", "--into"])
            .arg(&g.coord)
            .arg(&g.marie),
        0,
    );
    assert_eq!(marie_events(&g.coord), marie);
    assert_eq!(marie_fingerprint(&g.coord), new);
    run(constat(&g.coord).arg("verify").arg(&g.coord), 0);
    let other = g.target("t-csv.db");
    run(
        constat(&other)
            .args(["merge", "--strict", "--into"])
            .arg(&other)
            .arg(g.coord_folder.join("events.csv")),
        0,
    );
    assert_eq!(marie_fingerprint(&other), old);
    run(
        constat(&other)
            .args(["merge", "--strict", "--into"])
            .arg(&other)
            .arg(&csv),
        0,
    );
    assert_eq!(marie_events(&other), marie);
    assert_eq!(marie_fingerprint(&other), new);
    // Her files from before and after the key change, in one run (no key conflict) or the newer
    // first (the older one is an earlier state of her chain, not a rival key).
    let t = g.target("both.db");
    run(
        constat(&t)
            .args(["merge", "--strict", "--into"])
            .arg(&t)
            .arg(&before)
            .arg(&g.marie),
        0,
    );
    assert_eq!(marie_events(&t), marie);
    let t = g.target("newer-first.db");
    for file in [&g.marie, &before] {
        run(
            constat(&t)
                .args(["merge", "--strict", "--into"])
                .arg(&t)
                .arg(file),
            0,
        );
    }
    assert_eq!(marie_events(&t), marie);
    assert_eq!(marie_fingerprint(&t), new);
    run(constat(&t).arg("verify").arg(&t), 0);
    // A coordinator with a roster that enrols her old key takes the new one from the key change.
    let t = g.target("rostered.db");
    run(constat(&t).args(["roster", "add", "Marie", &old]), 0);
    run(
        constat(&t)
            .args(["merge", "--strict", "--into"])
            .arg(&t)
            .arg(&g.marie),
        0,
    );
    assert_eq!(marie_fingerprint(&t), new);
    // Her evidence folder, rows signed by both keys, verifies with constat and by hand.
    let folder = g.path("marie-rotated-preuves");
    run(
        constat(&g.marie)
            .args(["export", "evidence", "-o"])
            .arg(&folder),
        0,
    );
    run(constat(&folder).arg("verify").arg(&folder), 0);
    assert_eq!(hand_check(&folder), 0);
    // The PV written before the key change, with the old key's fingerprint, still matches.
    for path in [&g.marie, &g.coord, &folder] {
        run(
            constat(path)
                .args(["verify", "--pv", &g.reference.to_string()])
                .arg(path),
            0,
        );
    }
}

/// A key change signed by its new key only is taken only with `merge --accept-key` of that key:
/// a forger's (who holds a key of their own, not Marie's) is refused without it, whatever the
/// file says, and `verify` names it; so is Marie's own after she lost her key (`key new
/// --lost`) until the coordinator, having checked her new fingerprint with her, accepts it.
#[test]
fn a_key_change_signed_by_a_new_key_only_needs_accept_key() {
    let g = genuine();
    let old = marie_fingerprint(&g.coord);
    let forged = g.forged_db("db-forged-key-change", &g.marie);
    let forger = marie_fingerprint(&forged);
    assert_ne!(forger, old);
    run(constat(&forged).arg("verify").arg(&forged), 1);
    let verdicts = verify_database_file(&forged).unwrap();
    assert!(
        matches!(
            verdicts[0].broken,
            Some(Broken::Chain(ChainProblem::KeyChangeUnproven {
                seq: 5,
                ..
            }))
        ),
        "{verdicts:?}"
    );
    merge_refuses(&g.coord, &forged);
    assert_eq!(marie_fingerprint(&g.coord), old);
    let rejection = constat::storage::Store::open(&g.coord)
        .unwrap()
        .merge_database(
            &forged,
            constat::storage::MergeOptions {
                now: constat::app::now(),
                strict: true,
                accept_unsigned: false,
            },
            &mut |_| {},
        )
        .unwrap_err();
    assert!(
        matches!(
            rejection,
            constat::storage::MergeRejection::KeyChangeNotAccepted { seq: 5, .. }
        ),
        "{rejection:?}"
    );
    // Into a database that never knew Marie: refused too, with or without a roster enrolling
    // her key.
    merge_refuses(&g.target("t1.db"), &forged);
    let rostered = g.target("t-roster.db");
    run(constat(&rostered).args(["roster", "add", "Marie", &old]), 0);
    merge_refuses(&rostered, &forged);
    // With the coordinator's word for the new key, taken.
    let target = g.target("t2.db");
    run(
        constat(&target)
            .args(["merge", "--strict", "--into"])
            .arg(&target)
            .arg(&g.marie),
        0,
    );
    run(
        constat(&target)
            .args(["merge", "--strict", "--accept-key", &forger, "--into"])
            .arg(&target)
            .arg(&forged),
        0,
    );
    assert_eq!(marie_fingerprint(&target), forger);

    // Marie's own key lost: the same, for her genuine new key.
    let id: String =
        rusqlite::Connection::open_with_flags(&g.marie, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap()
            .query_row("SELECT id FROM observer WHERE is_local = 1", [], |r| {
                r.get(0)
            })
            .unwrap();
    std::fs::remove_file(crate::util::key_dir(&g.marie).join(format!("{id}.key"))).unwrap();
    run(constat(&g.marie).args(["key", "new", "--lost"]), 0);
    let new = marie_fingerprint(&g.marie);
    tick(&g.marie, "5", "bureau", "present", &[]);
    run(constat(&g.marie).arg("verify").arg(&g.marie), 1);
    merge_refuses(&g.coord, &g.marie);
    run(
        constat(&g.coord)
            .args(["merge", "--strict", "--accept-key", &new, "--into"])
            .arg(&g.coord)
            .arg(&g.marie),
        0,
    );
    assert_eq!(marie_fingerprint(&g.coord), new);
    assert_eq!(marie_events(&g.coord).len(), 6);
    // Her next file needs no --accept-key any more.
    tick(&g.marie, "6", "bureau", "present", &[]);
    run(
        constat(&g.coord)
            .args(["merge", "--strict", "--into"])
            .arg(&g.coord)
            .arg(&g.marie),
        0,
    );
    assert_eq!(marie_events(&g.coord).len(), 7);
}
