//! The coordinator's election night (issue 18, branch `night`): a database copied by hand is
//! refused as a copy, refused files are kept in the target for the coordination view, the xlsx
//! export, and fifty observers end to end (made from a reference file, their files arriving in
//! an inbox under `merge --watch`; the coordination view in tmux is `#[ignore]`d). Synced
//! folders (two machines): `watch.rs`.

use std::path::{Path, PathBuf};

use crate::util::{constat, events, run, stdout, tick};

/// A national database of the Paris sample, owned by the coordinator.
fn national(dir: &Path) -> PathBuf {
    let db = dir.join("national.db");
    run(
        constat(&db).args([
            "init",
            "--sample",
            "paris-1-2017",
            "--observer",
            "Coordination",
        ]),
        0,
    );
    db
}

/// `constat merge --into TARGET FILES…` (exit 0: refusals are listed, not fatal).
fn merge(target: &Path, inputs: &[&Path]) -> String {
    stdout(&run(
        constat(target)
            .args(["merge", "--into"])
            .arg(target)
            .args(inputs),
        0,
    ))
}

/// The message ids of the refusals the target keeps (schema 0009, `refused_file`), by file name.
fn refusals(target: &Path) -> Vec<(String, String)> {
    let conn =
        rusqlite::Connection::open_with_flags(target, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    let mut stmt = conn
        .prepare("SELECT name, reason FROM refused_file ORDER BY name")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

/// Marie's database, copied by hand to `copy.db` after one tick; then each copy ticks once
/// more. Returns the two exports (original, copy) in the given `format` (`db` or `csv`).
fn original_and_copy(dir: &Path, format: &str) -> (PathBuf, PathBuf) {
    let marie = dir.join("marie.db");
    run(
        constat(&marie).args(["init", "--sample", "paris-1-2017", "--observer", "Marie"]),
        0,
    );
    tick(&marie, "1", "bureau", "absent", &[]);
    let copy = dir.join("copy.db");
    std::fs::copy(&marie, &copy).unwrap();
    tick(&marie, "2", "bureau", "absent", &[]);
    tick(&copy, "3", "bureau", "absent", &[]);
    tick(&copy, "4", "bureau", "absent", &[]);
    let out = |db: &Path, name: &str| {
        let file = dir.join(format!("{name}.{format}"));
        run(constat(db).args(["export", format, "-o"]).arg(&file), 0);
        file
    };
    (out(&marie, "sent-marie"), out(&copy, "sent-copy"))
}

#[test]
fn a_database_copied_by_hand_is_refused_as_a_copy_whichever_comes_first() {
    for format in ["db", "csv"] {
        for copy_first in [false, true] {
            let dir = tempfile::tempdir().unwrap();
            let (original, copy) = original_and_copy(dir.path(), format);
            let target = national(dir.path());
            let (first, second) = if copy_first {
                (&copy, &original)
            } else {
                (&original, &copy)
            };
            let out = merge(&target, &[first.as_path()]);
            let held = events(&target);
            let out2 = merge(&target, &[second.as_path()]);
            // The second file adds nothing: the target holds the first one's events only.
            assert_eq!(
                events(&target),
                held,
                "{format} {copy_first}: {out}\n{out2}"
            );
            assert_eq!(held.len(), if copy_first { 3 } else { 2 });
            let refused = refusals(&target);
            assert_eq!(
                refused,
                vec![(
                    second.file_name().unwrap().to_string_lossy().into_owned(),
                    "refusal-copied-database".to_owned()
                )],
                "{format} {copy_first}: {out2}"
            );
            // Said in French, with what to do.
            assert!(out2.contains("copie d'une autre base"), "{out2}");
            assert!(out2.contains("init --reference"), "{out2}");
        }
    }
}

#[test]
fn a_forked_chain_without_the_key_is_a_forgery_not_a_copy() {
    let dir = tempfile::tempdir().unwrap();
    let marie = dir.path().join("marie.db");
    run(
        constat(&marie).args(["init", "--sample", "paris-1-2017", "--observer", "Marie"]),
        0,
    );
    tick(&marie, "1", "bureau", "absent", &[]);
    let forged = dir.path().join("forged.db");
    std::fs::copy(&marie, &forged).unwrap();
    tick(&marie, "2", "bureau", "absent", &[]);
    // Position 2 written in the copy by hand, hashed as docs/formats.md says, unsigned.
    crate::merge::forge_append(&forged);
    let target = national(dir.path());
    merge(&target, &[marie.as_path()]);
    let out = merge(&target, &[forged.as_path()]);
    let refused = refusals(&target);
    assert_eq!(refused.len(), 1, "{out}");
    assert_eq!(refused[0].1, "refusal-unsigned", "{out}");
}

#[test]
fn refused_files_are_kept_in_the_target_and_shown_first_by_the_coordination_view() {
    let dir = tempfile::tempdir().unwrap();
    let (original, _) = original_and_copy(dir.path(), "db");
    let target = national(dir.path());
    // A truncated copy of the export: refused.
    let bytes = std::fs::read(&original).unwrap();
    let truncated = dir.path().join("truncated.db");
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();
    merge(&target, &[truncated.as_path(), original.as_path()]);
    let refused = refusals(&target);
    assert_eq!(refused.len(), 1);
    assert_eq!(refused[0].0, "truncated.db");
    let once = stdout(&run(constat(&target).args(["coordination", "--once"]), 0));
    let first = once.lines().position(|l| l.contains("truncated.db"));
    let files = once.lines().position(|l| l.contains("Fichiers reçus"));
    assert!(first.is_some() && first < files, "{once}");
    // The same file merged whole later (its content sent again) clears its refusal.
    std::fs::copy(&original, &truncated).unwrap();
    merge(&target, &[truncated.as_path()]);
    assert!(refusals(&target).is_empty());
}

#[test]
fn export_xlsx_writes_observations_and_findings_as_sheets_with_codes_as_text() {
    use calamine::{Data, Reader, Xlsx};
    let dir = tempfile::tempdir().unwrap();
    let (original, _) = original_and_copy(dir.path(), "db");
    let book = dir.path().join("night.xlsx");
    run(
        constat(&original).args(["export", "xlsx", "-o"]).arg(&book),
        0,
    );
    // The output guard: not replaced without --force.
    assert_ne!(
        constat(&original)
            .args(["export", "xlsx", "-o"])
            .arg(&book)
            .output()
            .unwrap()
            .status
            .code(),
        Some(0)
    );
    let mut xlsx: Xlsx<_> = calamine::open_workbook(&book).unwrap();
    assert_eq!(xlsx.sheet_names(), ["observations", "findings"]);
    let obs = xlsx.worksheet_range("observations").unwrap();
    let rows: Vec<_> = obs.rows().collect();
    assert_eq!(rows.len(), 1 + events(&original).len());
    assert_eq!(rows[0][3], Data::String("place".into()));
    assert!(matches!(rows[1][3], Data::String(_)), "{:?}", rows[1][3]);
    assert!(matches!(rows[1][2], Data::DateTime(_)), "{:?}", rows[1][2]);
    let findings = xlsx.worksheet_range("findings").unwrap();
    assert!(findings.rows().count() > 1);
}

// ---------------------------------------------------------------------------------------------
// Fifty observers end to end (issue 18, "what must hold", first bullet).

/// Observers of the night.
const OBSERVERS: usize = 50;
/// Bureaux they sit in: the first 20 of the sample's 23 (coverage 20/23).
const BUREAUX_USED: usize = 20;
/// The observer whose events CSV is sent re-saved by LibreOffice.
const CSV_OBSERVER: usize = 7;
/// The observer of which a truncated copy also arrives.
const TRUNCATED_OBSERVER: usize = 12;

/// The sample's bureau codes, in file order.
fn sample_bureaux() -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_data/paris-1-2017/bureaux.csv");
    let mut r = csv::Reader::from_path(path).unwrap();
    r.records().map(|rec| rec.unwrap()[0].to_owned()).collect()
}

fn name_of(i: usize) -> String {
    format!("Observateur {i:02}")
}

/// The file observer `i` sends (its name in the inbox).
fn sent_name(i: usize) -> String {
    if i == CSV_OBSERVER {
        format!("obs-{i:02} (LibreOffice).csv")
    } else {
        format!("obs-{i:02}.db")
    }
}

/// Observer `i`, created from the reference file by script, records through the CLI:
/// - the table of their bureau (`bureaux[i % 20]`): candidate 3's ballot absent for every tenth
///   observer (0, 20, 40 share one bureau, 10 and 30 another: two absences, no disagreement),
///   present for the others, during polling hours;
/// - for the first ten, candidate 5's profession de foi: absent from five envelopes, present in
///   five (a possible distribution failure);
/// - their household: 2 voters, 1 envelope received for every fifth observer, 2 otherwise
///   (10 missing out of 100);
///
/// and exports their file into `outbox` under [`sent_name`] (observer 7: an events CSV, saved
/// again by LibreOffice: every field quoted).
fn make_observer(i: usize, reference: &Path, bureaux: &[String], work: &Path, outbox: &Path) {
    let db = work.join(format!("obs-{i:02}-live.db"));
    let bureau = &bureaux[i % BUREAUX_USED];
    run(
        constat(&db)
            .args(["init", "--reference"])
            .arg(reference)
            .args(["--observer", &name_of(i), "--bureau", bureau]),
        0,
    );
    let table = if i.is_multiple_of(10) {
        "absent"
    } else {
        "present"
    };
    let seen = format!("2017-06-11 10:{i:02}");
    tick(
        &db,
        "3",
        "bureau",
        table,
        &["--bureau", bureau, "--seen-at", &seen],
    );
    if i < 10 {
        let foi = if i < 5 { "absent" } else { "present" };
        tick(&db, "5", "foi", foi, &["--seen-at", "2017-06-09 18:00"]);
    }
    let received = if i.is_multiple_of(5) { "1" } else { "2" };
    run(
        constat(&db).args([
            "envelope",
            "--circonscription",
            "7501",
            "--voters",
            "2",
            "--received",
            received,
        ]),
        0,
    );
    let out = outbox.join(sent_name(i));
    if i == CSV_OBSERVER {
        let csv = work.join(format!("obs-{i:02}.csv"));
        run(constat(&db).args(["export", "csv", "-o"]).arg(&csv), 0);
        resave_as_libreoffice(&csv, &out);
    } else {
        run(constat(&db).args(["export", "db", "-o"]).arg(&out), 0);
    }
}

/// `csv` opened in LibreOffice and saved again as CSV: the same cells, every field quoted.
fn resave_as_libreoffice(csv: &Path, out: &Path) {
    let mut r = csv::Reader::from_path(csv).unwrap();
    let mut w = csv::WriterBuilder::new()
        .quote_style(csv::QuoteStyle::Always)
        .from_path(out)
        .unwrap();
    w.write_record(r.headers().unwrap()).unwrap();
    for rec in r.records() {
        w.write_record(&rec.unwrap()).unwrap();
    }
    w.flush().unwrap();
}

/// What the night left: the national database, and the watch's output.
pub struct Night {
    pub dir: tempfile::TempDir,
    pub national: PathBuf,
    pub log: Vec<String>,
}

/// The whole night: a reference file written from the national database, fifty observers made
/// from it by script (four at a time), their files dropped into the inbox in five waves (team
/// subfolders, 0.3 s apart) while `merge --watch` runs, then two files sent twice (one under
/// another name, one into another team's folder) and a truncated copy of one; the watch stopped
/// with SIGTERM once every file was handled.
pub fn night() -> Night {
    use crate::watch::{lines_of, signal, start_watch};
    let dir = tempfile::tempdir().unwrap();
    let national = national(dir.path());
    let reference = dir.path().join("reference.db");
    run(
        constat(&national).args(["reference", "-o"]).arg(&reference),
        0,
    );
    let bureaux = sample_bureaux();
    assert_eq!(bureaux.len(), 23);
    let work = dir.path().join("observers");
    let outbox = dir.path().join("outbox");
    std::fs::create_dir(&work).unwrap();
    std::fs::create_dir(&outbox).unwrap();
    std::thread::scope(|s| {
        for t in 0..4 {
            let (reference, bureaux, work, outbox) = (&reference, &bureaux, &work, &outbox);
            s.spawn(move || {
                for i in (t..OBSERVERS).step_by(4) {
                    make_observer(i, reference, bureaux, work, outbox);
                }
            });
        }
    });

    let inbox = dir.path().join("inbox");
    std::fs::create_dir(&inbox).unwrap();
    let mut child = start_watch(&national, &inbox, "0.3");
    let rx = lines_of(&mut child);
    let mut log = Vec::new();
    crate::watch::wait_for(&rx, "Surveillance de", &mut log);
    for wave in 0..5 {
        let team = inbox.join(format!("equipe-{wave}"));
        std::fs::create_dir(&team).unwrap();
        for i in wave * 10..wave * 10 + 10 {
            std::fs::copy(outbox.join(sent_name(i)), team.join(sent_name(i))).unwrap();
        }
        std::thread::sleep(std::time::Duration::from_millis(300));
    }
    // The late ones arrive once the first sendings are in (so that the copy, not the
    // original, is the one said `déjà reçu`, whatever the scan's order under load).
    until(&rx, &mut log, |_| merged_count(&national) == OBSERVERS);
    // Sent twice: the same content under another name, and into another team's folder.
    std::fs::copy(outbox.join(sent_name(3)), inbox.join("obs-03 (1).db")).unwrap();
    std::fs::copy(
        outbox.join(sent_name(21)),
        inbox.join("equipe-0").join(sent_name(21)),
    )
    .unwrap();
    // Cut short (a mail attachment half downloaded).
    let whole = std::fs::read(outbox.join(sent_name(TRUNCATED_OBSERVER))).unwrap();
    std::fs::write(inbox.join("obs-12-coupe.db"), &whole[..whole.len() / 3]).unwrap();

    // Until every file is handled: 50 merged, 1 refused, the 2 duplicates said.
    until(&rx, &mut log, |log| {
        let duplicates = log.iter().filter(|l| l.contains("déjà reçu")).count();
        merged_count(&national) == OBSERVERS && refusals(&national).len() == 1 && duplicates == 2
    });
    signal(&child, "TERM");
    let status = child.wait().expect("the watch ends");
    crate::watch::wait_for(&rx, "Arrêt de la surveillance", &mut log);
    crate::watch::wait_for(&rx, "obs-12-coupe.db", &mut log);
    assert_eq!(status.code(), Some(0), "{}", log.join("\n"));
    Night { dir, national, log }
}

/// Reads the watch's lines into `log` until `done(log)` (60 s at most).
fn until(
    rx: &std::sync::mpsc::Receiver<String>,
    log: &mut Vec<String>,
    done: impl Fn(&[String]) -> bool,
) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    loop {
        while let Ok(line) = rx.try_recv() {
            log.push(line);
        }
        if done(log) {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the night did not end in 60 s:\n{}",
            log.join("\n")
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

/// Rows of `merged_file`.
fn merged_count(target: &Path) -> usize {
    crate::watch::merged_names(target).len()
}

/// The details of kind `finding` in the JSON report's circonscription `circ`.
fn details<'a>(circ: &'a serde_json::Value, finding: &str) -> Vec<&'a serde_json::Value> {
    circ["details"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["finding"] == finding)
        .collect()
}

#[test]
fn fifty_observers_made_from_a_reference_file_merge_as_their_files_arrive() {
    let started = std::time::Instant::now();
    let Night { dir, national, log } = night();
    let all = log.join("\n");

    // Each observer's file merged once; the duplicates and the truncated copy added nothing.
    let merged = crate::watch::merged_names(&national);
    assert_eq!(merged.len(), OBSERVERS, "{all}");
    for i in 0..OBSERVERS {
        assert!(
            merged.contains(&sent_name(i)),
            "{} merged:\n{all}",
            sent_name(i)
        );
    }
    let held = events(&national);
    assert_eq!(
        held.len(),
        2 * OBSERVERS + 10,
        "bureau ticks, envelopes, 10 foi ticks"
    );
    let observers: std::collections::BTreeSet<_> = held.iter().map(|e| e.observer).collect();
    assert_eq!(observers.len(), OBSERVERS, "fifty new identities");
    // The refusal, with its reason (message id); the duplicates said as such.
    let refused = refusals(&national);
    assert_eq!(refused.len(), 1);
    assert_eq!(refused[0].0, "obs-12-coupe.db");
    assert_eq!(refused[0].1, "refusal-damaged", "a truncated database");
    for dup in ["obs-03 (1).db", "equipe-0/obs-21.db"] {
        assert!(
            log.iter()
                .any(|l| l.contains(dup) && l.contains("déjà reçu")),
            "{dup}:\n{all}"
        );
    }

    // The findings, in the JSON report.
    let report = crate::util::report_json(&national);
    let circs = report["circonscriptions"].as_array().unwrap();
    assert_eq!(circs.len(), 1);
    let circ = &circs[0];
    assert_eq!(circ["bureaux"].as_array().unwrap().len(), BUREAUX_USED);
    assert_eq!(circ["households"].as_array().unwrap().len(), OBSERVERS);
    let bureaux = sample_bureaux();
    let absences = details(circ, "absent_from_table");
    let mut at: Vec<&str> = absences
        .iter()
        .map(|d| d["bureau"].as_str().unwrap())
        .collect();
    at.sort_unstable();
    assert_eq!(at, [bureaux[0].as_str(), bureaux[10].as_str()]);
    assert!(absences.iter().all(|d| d["candidate"]["panel"] == 3));
    // Observers 0, 20, 40 at the first bureau: three periods of absence.
    let first = absences
        .iter()
        .find(|d| d["bureau"] == bureaux[0].as_str())
        .unwrap();
    assert_eq!(first["periods"].as_array().unwrap().len(), 3);
    assert!(details(circ, "disagreement").is_empty());
    let failure = details(circ, "possible_distribution_failure");
    assert_eq!(failure.len(), 1, "{circ}");
    assert_eq!(failure[0]["candidate"]["panel"], 5);
    assert_eq!(failure[0]["absent"], 5);
    assert_eq!(failure[0]["present"], 5);
    assert!(details(circ, "seen_after_polls").is_empty());
    let dep = &report["departements"][0];
    assert_eq!(dep["departement"], "75");
    assert_eq!(dep["shortfall"]["count"], 10);
    assert_eq!(dep["shortfall"]["total"], 100);
    assert_eq!(dep["shortfall"]["households"], OBSERVERS);
    assert!(dep["shortfall"]["interval"].is_object(), "{dep}");

    // The coordination view, once: the refusal first, then coverage 1/1 and 20/23.
    let once = stdout(&run(
        constat(&national).args(["--lang", "en", "coordination", "--once"]),
        0,
    ));
    let refusal = once.lines().position(|l| l.contains("obs-12-coupe.db"));
    let files = once.lines().position(|l| l.contains("Files received"));
    assert!(refusal.is_some() && refusal < files, "{once}");
    let paris = once
        .lines()
        .find(|l| l.trim_start().starts_with("75 "))
        .unwrap();
    assert!(paris.contains("1/1"), "{paris}");
    assert!(paris.contains(&format!("{BUREAUX_USED}/23")), "{paris}");
    assert!(
        once.contains(&bureaux[10]),
        "latest absences listed:\n{once}"
    );
    drop(dir);
    eprintln!("fifty observers' night: {:?}", started.elapsed());
}

/// The coordination view in a real terminal (tmux) of `width`×`height`.
struct Screen {
    session: String,
}

impl Screen {
    fn open(db: &Path, width: u16, height: u16) -> Self {
        use std::process::Command;
        let found = Command::new("tmux").arg("-V").output();
        assert!(
            found.is_ok_and(|o| o.status.success()),
            "tmux is needed for this test: apt-get install -y tmux (.ci/run does)"
        );
        let session = format!("constat-night-{}-{width}", std::process::id());
        let cmd = format!(
            "LANG=fr_FR.UTF-8 NO_COLOR=1 CONSTAT_KEY_DIR='{}' {} --db '{}' coordination; echo FIN-$?; sleep 30",
            crate::util::key_dir(db).display(),
            crate::util::bin().display(),
            db.display()
        );
        let ok = Command::new("tmux")
            .args(["new-session", "-d", "-s", &session, "-x"])
            .arg(width.to_string())
            .arg("-y")
            .arg(height.to_string())
            .arg(&cmd)
            .status()
            .unwrap();
        assert!(ok.success());
        Self { session }
    }

    fn keys(&self, keys: &[&str]) {
        for k in keys {
            std::process::Command::new("tmux")
                .args(["send-keys", "-t", &self.session, k])
                .status()
                .unwrap();
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
    }

    fn text(&self) -> String {
        let out = std::process::Command::new("tmux")
            .args(["capture-pane", "-p", "-t", &self.session])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Waits (20 s at most) until the screen shows every one of `texts`.
    fn wait_for(&self, texts: &[&str]) -> String {
        let start = std::time::Instant::now();
        loop {
            let s = self.text();
            if texts.iter().all(|t| s.contains(t)) {
                return s;
            }
            assert!(
                start.elapsed() < std::time::Duration::from_secs(20),
                "never showed {texts:?}:\n{s}"
            );
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
    }
}

impl Drop for Screen {
    fn drop(&mut self) {
        let _ = std::process::Command::new("tmux")
            .args(["kill-session", "-t", &self.session])
            .status();
    }
}

#[test]
#[ignore = "needs tmux: apt-get install tmux"]
fn the_coordination_view_shows_the_night_at_80x24_and_follows_a_late_file() {
    let night = night();
    let national = &night.national;
    let bureaux = sample_bureaux();
    let screen = Screen::open(national, 80, 24);
    // The refusal above the rest, coverage, the files received.
    let s = screen.wait_for(&["obs-12-coupe.db", "20/23", "50"]);
    let refusal = s.lines().position(|l| l.contains("obs-12-coupe.db"));
    let received = s.lines().position(|l| l.contains("Fichiers reçus"));
    assert!(refusal.is_some() && refusal < received, "{s}");
    assert!(s.lines().any(|l| l.contains("75 Paris")), "{s}");

    // A late observer at a bureau nobody watched yet, merged while the view is open: shown
    // without a key pressed.
    let dir = night.dir.path();
    let late = dir.join("late-live.db");
    run(
        constat(&late)
            .args(["init", "--reference"])
            .arg(dir.join("reference.db"))
            .args(["--observer", "Retardataire", "--bureau", &bureaux[21]]),
        0,
    );
    tick(
        &late,
        "9",
        "bureau",
        "absent",
        &["--bureau", &bureaux[21], "--seen-at", "2017-06-11 17:30"],
    );
    let sent = dir.join("late.db");
    run(constat(&late).args(["export", "db", "-o"]).arg(&sent), 0);
    merge(national, &[sent.as_path()]);
    let s = screen.wait_for(&["21/23", &bureaux[21]]);
    assert!(!s.contains("coord-"), "a message id shown:\n{s}");

    // Down to the département, the circonscription, the late bureau; back up; quit.
    screen.keys(&["Enter"]);
    screen.wait_for(&["7501"]);
    screen.keys(&["Enter"]);
    screen.wait_for(&[&bureaux[0], &bureaux[10]]);
    screen.keys(&["Escape", "Escape"]);
    screen.wait_for(&["21/23", "Fichiers reçus"]);
    screen.keys(&["q"]);
    screen.wait_for(&["FIN-0"]);
}
