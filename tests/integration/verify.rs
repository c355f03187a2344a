//! `constat verify` on databases: an intact chain passes; flipping one byte, deleting an event,
//! reordering, replaying another observer's event or forging the head is caught (exit status 1)
//! and named: the library's verdict says which observer and which position, and the command
//! prints that verdict as the catalogue words it, in French without English.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use constat::app::evidence::{
    Broken, FolderProblem, Subject, Verdict, verify_database_file, verify_folder,
};
use constat::domain::chain::ChainBreak;
use constat::i18n::{EN, FR, Lang, Localize};
use constat::storage::ChainProblem;

use crate::util::{constat, english_in, run, stderr, stdout, tick};

const GUARDS: &str = "CREATE TRIGGER event_is_append_only_no_update BEFORE UPDATE ON event
BEGIN
    SELECT RAISE(ABORT, 'events are append-only: record a new event instead');
END;
CREATE TRIGGER event_is_append_only_no_delete BEFORE DELETE ON event
BEGIN
    SELECT RAISE(ABORT, 'events are append-only: record a retraction instead');
END;";

/// An observer database with four ticks, notes `n1` … `n4`.
fn observer(dir: &Path, name: &str) -> PathBuf {
    let db = dir.join(format!("{name}.db"));
    run(
        constat(&db).args(["init", "--sample", "paris-1-2017", "--observer", name]),
        0,
    );
    for n in 1..=4 {
        tick(
            &db,
            &n.to_string(),
            "bureau",
            "present",
            &["--note", &format!("n{n}")],
        );
    }
    db
}

/// Applies `sql` to a copy of `db` with the append-only guards set aside, then put back.
fn tampered(db: &Path, name: &str, sql: &str) -> PathBuf {
    let copy = db.with_file_name(name);
    run(constat(db).args(["export", "db", "-o"]).arg(&copy), 0);
    let conn = Connection::open_with_flags(&copy, OpenFlags::SQLITE_OPEN_READ_WRITE).unwrap();
    conn.execute_batch(
        "DROP TRIGGER event_is_append_only_no_update; DROP TRIGGER event_is_append_only_no_delete;
         PRAGMA foreign_keys = OFF;",
    )
    .unwrap();
    conn.execute_batch(sql).unwrap();
    conn.execute_batch(GUARDS).unwrap();
    copy
}

fn verify(path: &Path, code: i32) -> String {
    stdout(&run(constat(path).arg("verify").arg(path), code))
}

/// The line `constat verify` prints for `v` in `lang`, from the catalogue.
fn line_of(v: &Verdict, lang: Lang) -> String {
    let cat = if lang == Lang::Fr { &*FR } else { &*EN };
    let what = v.subject.text(lang);
    match &v.broken {
        None => (cat.verify_ok)(&what),
        Some(why) => (cat.verify_broken)(&what, &why.text(lang)),
    }
}

/// Checks that `constat verify` (French and English) exits 1 and prints every verdict of the
/// library for `path`; returns the French output.
fn prints_broken(path: &Path, verdicts: &[Verdict]) -> String {
    let out = verify(path, 1);
    let english = stdout(&run(
        constat(path).args(["--lang", "en", "verify"]).arg(path),
        1,
    ));
    for v in verdicts {
        assert!(out.contains(&line_of(v, Lang::Fr)), "{v:?}:\n{out}");
        assert!(english.contains(&line_of(v, Lang::En)), "{v:?}:\n{english}");
        if let Some(why) = &v.broken {
            let reason = why.text(Lang::Fr);
            assert_eq!(
                english_in(&reason),
                Vec::<&str>::new(),
                "English in the French reason:\n{out}"
            );
        }
    }
    out
}

fn observer_of(v: &Verdict) -> &str {
    match &v.subject {
        Subject::Chain { name, .. } | Subject::CsvChain { name, .. } => name,
        other => panic!("not a chain: {other:?}"),
    }
}

#[test]
fn an_intact_database_verifies() {
    let dir = tempfile::tempdir().unwrap();
    let db = observer(dir.path(), "marie");
    let verdicts = verify_database_file(&db).unwrap();
    assert_eq!(verdicts.len(), 1, "{verdicts:?}");
    assert!(
        matches!(
            &verdicts[0],
            Verdict {
                subject: Subject::Chain { name, events: 4, signed_up_to: Some(4), .. },
                broken: None,
            } if name == "marie"
        ),
        "{verdicts:?}"
    );
    let out = verify(&db, 0);
    assert!(out.contains(&line_of(&verdicts[0], Lang::Fr)), "{out}");
}

#[test]
fn every_tampering_is_caught_and_named() {
    let dir = tempfile::tempdir().unwrap();
    let db = observer(dir.path(), "marie");
    let other = observer(dir.path(), "jean");
    let id_of = |db: &Path, seq: u32| -> String {
        Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap()
            .query_row("SELECT id FROM event WHERE seq = ?1", [seq], |r| r.get(0))
            .unwrap()
    };
    let second = id_of(&db, 2);
    let third = id_of(&db, 3);
    let replayed = {
        let conn = Connection::open_with_flags(&other, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
        let (id, hash): (String, String) = conn
            .query_row("SELECT id, hash FROM event WHERE seq = 2", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap();
        (id, hash)
    };
    // What was done, the file, the SQL, and the break expected at position 2.
    let cases: Vec<(&str, &str, String, ChainBreak)> = vec![
        (
            "one byte flipped in a note",
            "flip.db",
            "UPDATE event SET note = 'm2' WHERE seq = 2;".into(),
            ChainBreak::Mismatch {
                id: second.clone(),
                seq: 2,
            },
        ),
        (
            "an event deleted",
            "delete.db",
            "DELETE FROM event WHERE seq = 2;".into(),
            ChainBreak::Gap {
                expected: 2,
                found: 3,
            },
        ),
        (
            "two events reordered",
            "reorder.db",
            "UPDATE event SET seq = 100 WHERE seq = 2; UPDATE event SET seq = 2 WHERE seq = 3; UPDATE event SET seq = 3 WHERE seq = 100;".into(),
            ChainBreak::Mismatch {
                id: third.clone(),
                seq: 2,
            },
        ),
        (
            "an event replayed from another observer",
            "replay.db",
            format!(
                "UPDATE event SET id = '{}', hash = '{}', panel = 2, note = 'n2' WHERE seq = 2;",
                replayed.0, replayed.1
            ),
            ChainBreak::Mismatch {
                id: replayed.0.clone(),
                seq: 2,
            },
        ),
    ];
    for (what, name, sql, expected) in cases {
        let copy = tampered(&db, name, &sql);
        let verdicts = verify_database_file(&copy).unwrap();
        let broken: Vec<_> = verdicts.iter().filter(|v| v.broken.is_some()).collect();
        assert_eq!(broken.len(), 1, "{what}: {verdicts:?}");
        assert_eq!(observer_of(broken[0]), "marie", "{what}");
        assert_eq!(
            broken[0].broken,
            Some(Broken::Chain(ChainProblem::Break(expected))),
            "{what}"
        );
        let out = prints_broken(&copy, &verdicts);
        assert!(out.contains("marie") && out.contains('2'), "{what}:\n{out}");
    }
    // The head signature forged: named as such, with its position.
    let copy = tampered(
        &db,
        "forged.db",
        "UPDATE chain_head SET signature = printf('%0128d', 0);",
    );
    let verdicts = verify_database_file(&copy).unwrap();
    assert_eq!(
        verdicts.iter().map(|v| &v.broken).collect::<Vec<_>>(),
        [&Some(Broken::Chain(ChainProblem::BadHeadSignature {
            seq: 4
        }))],
        "{verdicts:?}"
    );
    let out = prints_broken(&copy, &verdicts);
    assert!(out.contains('4'), "{out}");
    // The original is untouched by all this.
    assert!(
        verify_database_file(&db)
            .unwrap()
            .iter()
            .all(|v| v.broken.is_none())
    );
}

#[test]
fn an_evidence_folder_verifies_and_names_the_altered_file_or_event() {
    use sha2::{Digest, Sha256};
    let dir = tempfile::tempdir().unwrap();
    let db = observer(dir.path(), "marie");
    let folder = dir.path().join("preuves");
    run(
        constat(&db).args(["export", "evidence", "-o"]).arg(&folder),
        0,
    );
    let names = [
        "MANIFEST",
        "events.csv",
        "observations.csv",
        "report.txt",
        "report.md",
        "report.csv",
        "report.json",
        "chain-digest.txt",
        "signatures.csv",
        "MANIFEST.sig",
    ];
    for name in names {
        assert!(folder.join(name).is_file(), "{name} missing");
    }
    let observations = std::fs::read(folder.join("observations.csv")).unwrap();
    assert!(
        observations
            .starts_with(b"\xEF\xBB\xBFid,observer,time,place,candidate,item,value,note,hash")
    );
    let verdicts = verify_folder(&folder).unwrap();
    assert!(verdicts.iter().all(|v| v.broken.is_none()), "{verdicts:?}");
    for name in &names[1..names.len() - 1] {
        assert!(
            verdicts
                .iter()
                .any(|v| v.subject == Subject::File((*name).into())),
            "{name} not checked: {verdicts:?}"
        );
    }
    let chains: Vec<_> = verdicts
        .iter()
        .filter(|v| matches!(v.subject, Subject::CsvChain { .. }))
        .collect();
    assert_eq!(chains.len(), 1, "{verdicts:?}");
    assert_eq!(observer_of(chains[0]), "marie");
    let out = verify(&folder, 0);
    for v in &verdicts {
        assert!(out.contains(&line_of(v, Lang::Fr)), "{v:?}:\n{out}");
    }
    // The digest in the folder is the database's.
    let digest = std::fs::read_to_string(folder.join("chain-digest.txt")).unwrap();
    assert_eq!(digest.trim().len(), 64);
    let store = constat::storage::Store::open(&db).unwrap();
    assert_eq!(
        store.chain_digest().unwrap().as_deref(),
        Some(digest.trim())
    );
    drop(store);
    let report = std::fs::read_to_string(folder.join("report.txt")).unwrap();
    assert!(
        report.contains(digest.trim()),
        "the report does not end with the digest"
    );

    // One byte of a report changed: the file is named, and only it.
    let copy = dir.path().join("copy1");
    std::fs::create_dir(&copy).unwrap();
    for e in std::fs::read_dir(&folder).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), copy.join(e.file_name())).unwrap();
    }
    let mut bytes = std::fs::read(copy.join("report.md")).unwrap();
    bytes[10] ^= 1;
    std::fs::write(copy.join("report.md"), bytes).unwrap();
    let verdicts = verify_folder(&copy).unwrap();
    let broken: Vec<_> = verdicts.iter().filter(|v| v.broken.is_some()).collect();
    assert_eq!(broken.len(), 1, "{verdicts:?}");
    assert_eq!(broken[0].subject, Subject::File("report.md".into()));
    assert!(
        matches!(
            broken[0].broken,
            Some(Broken::Folder(FolderProblem::DigestDiffers { .. }))
        ),
        "{verdicts:?}"
    );
    let out = prints_broken(&copy, &verdicts);
    assert!(out.contains("report.md"), "{out}");

    // An event changed in events.csv and the MANIFEST recomputed: the MANIFEST's signature no
    // longer verifies, and the chain still names the event.
    let events = std::fs::read_to_string(copy.join("events.csv")).unwrap();
    let forged = events.replacen(",bureau,present,", ",bureau,absent,", 1);
    assert_ne!(forged, events);
    std::fs::write(copy.join("events.csv"), &forged).unwrap();
    std::fs::write(
        copy.join("report.md"),
        std::fs::read(folder.join("report.md")).unwrap(),
    )
    .unwrap();
    let manifest: String = std::fs::read_to_string(copy.join("MANIFEST"))
        .unwrap()
        .lines()
        .map(|l| {
            let (_, name) = l.split_once("  ").unwrap();
            format!(
                "{}  {name}\n",
                hex::encode(Sha256::digest(std::fs::read(copy.join(name)).unwrap()))
            )
        })
        .collect();
    std::fs::write(copy.join("MANIFEST"), manifest).unwrap();
    let verdicts = verify_folder(&copy).unwrap();
    let broken: Vec<_> = verdicts.iter().filter(|v| v.broken.is_some()).collect();
    assert_eq!(broken.len(), 3, "{verdicts:?}");
    assert_eq!(
        broken[0].broken,
        Some(Broken::Folder(FolderProblem::SignatureInvalid))
    );
    // observations.csv still shows the event as it was.
    assert!(
        matches!(
            broken[1].broken,
            Some(Broken::Folder(FolderProblem::ObservationDiffers {
                line: 2,
                ..
            }))
        ),
        "{verdicts:?}"
    );
    let broken = &broken[2..];
    assert_eq!(observer_of(broken[0]), "marie");
    assert!(
        matches!(
            &broken[0].broken,
            Some(Broken::CsvChain(ChainBreak::Mismatch { seq: 1, .. }, _))
        ),
        "{verdicts:?}"
    );
    let out = prints_broken(&copy, &verdicts);
    assert!(out.contains("events.csv") && out.contains("marie"), "{out}");

    // Exporting into a folder that holds files is refused, and the folder is left as it was.
    let files = || -> Vec<(std::ffi::OsString, Vec<u8>)> {
        let mut files: Vec<_> = std::fs::read_dir(&folder)
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                (e.file_name(), std::fs::read(e.path()).unwrap())
            })
            .collect();
        files.sort();
        files
    };
    let before = files();
    let out = run(
        constat(&db).args(["export", "evidence", "-o"]).arg(&folder),
        1,
    );
    assert!(
        stderr(&out).contains(&folder.display().to_string()),
        "the folder is named: {}",
        stderr(&out)
    );
    assert!(files() == before, "the folder's files changed");
}

#[test]
fn an_unsigned_event_at_the_end_and_an_orphan_event_are_breaks() {
    let dir = tempfile::tempdir().unwrap();
    let db = observer(dir.path(), "marie");
    let copy = dir.path().join("appended.db");
    run(constat(&db).args(["export", "db", "-o"]).arg(&copy), 0);
    crate::merge::forge_append(&copy);
    let verdicts = verify_database_file(&copy).unwrap();
    assert_eq!(
        verdicts.iter().map(|v| &v.broken).collect::<Vec<_>>(),
        [&Some(Broken::Chain(ChainProblem::Unsigned {
            events: 5,
            signed: 4
        }))],
        "{verdicts:?}"
    );
    let out = prints_broken(&copy, &verdicts);
    assert!(
        out.contains("signés seulement jusqu'à la position 4"),
        "{out}"
    );

    // An event of an observer the file does not list: a break, not silence.
    let orphan = tampered(
        &db,
        "orphan.db",
        "INSERT INTO event (id, observer, seq, recorded_at, kind, circonscription, bureau, panel,
                            item, value, hash)
         SELECT '00000000-0000-0000-0000-00000000beef', '3b6804ab-0000-0000-0000-000000000000',
                1, recorded_at, kind, circonscription, bureau, panel, item, value, hash
         FROM event WHERE seq = 1;",
    );
    let verdicts = verify_database_file(&orphan).unwrap();
    assert!(
        verdicts
            .iter()
            .any(|v| v.broken == Some(Broken::Chain(ChainProblem::Orphan))),
        "{verdicts:?}"
    );
    prints_broken(&orphan, &verdicts);
}

/// Issue 18 point 6: in observations.csv the place is never a bare code, so that a spreadsheet
/// keeps it as text (`0101` would open as the number 101); the columns are unchanged.
#[test]
fn observations_csv_places_are_never_bare_codes() {
    let dir = tempfile::tempdir().unwrap();
    let db = observer(dir.path(), "marie");
    tick(&db, "1", "foi", "absent", &[]);
    tick(&db, "2", "courrier", "present", &["--envelope", "2"]);
    let folder = dir.path().join("preuves");
    run(
        constat(&db).args(["export", "evidence", "-o"]).arg(&folder),
        0,
    );
    let text = std::fs::read_to_string(folder.join("observations.csv")).unwrap();
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    assert_eq!(reader.headers().unwrap().get(3), Some("place"));
    let places: Vec<String> = reader
        .records()
        .map(|r| r.unwrap().get(3).unwrap().to_owned())
        .collect();
    assert_eq!(places.len(), 6);
    for place in &places {
        assert!(
            place.parse::<f64>().is_err() && place.contains(" / "),
            "a bare code: {place}"
        );
    }
    assert!(places[0].starts_with("7501 / 75056_"), "{places:?}");
    assert!(places[5].ends_with(" / envelope 2"), "{places:?}");
    run(constat(&db).arg("verify").arg(&folder), 0);
}
