//! `constat merge --watch INBOX`: files merged as they arrive, duplicates skipped by content,
//! bad files listed and never buried, temporary names left alone, a clean stop on SIGTERM; and
//! two folders standing for two machines, synced the way Syncthing does (a temporary name, then a
//! rename) and the way a plain `cp` does (in place, slowly), each file merged exactly once.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::util::{constat, events, run};

/// An observer's database with `ticks` bureau ticks, exported as a file ready to send.
pub fn observer_file(dir: &Path, name: &str, ticks: u16) -> std::path::PathBuf {
    let db = dir.join(format!("{name}-live.db"));
    run(
        constat(&db).args(["init", "--sample", "paris-1-2017", "--observer", name]),
        0,
    );
    for panel in 1..=ticks {
        crate::util::tick(&db, &panel.to_string(), "foi", "absent", &[]);
    }
    let out = dir.join(format!("{name}.db"));
    run(constat(&db).args(["export", "db", "-o"]).arg(&out), 0);
    out
}

/// Sends SIGNAL to the child, as a service manager (TERM) or Ctrl-C (INT) would.
pub fn signal(child: &Child, name: &str) {
    let sent = std::process::Command::new("kill")
        .arg(format!("-{name}"))
        .arg(child.id().to_string())
        .status()
        .expect("run kill");
    assert!(sent.success());
}

/// The watch's output lines, as they come.
pub fn lines_of(child: &mut Child) -> mpsc::Receiver<String> {
    let (tx, rx) = mpsc::channel();
    let stdout = child.stdout.take().expect("piped stdout");
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

/// Waits (at most 30 s) for a line containing `needle`; returns it.
pub fn wait_for(rx: &mpsc::Receiver<String>, needle: &str, log: &mut Vec<String>) -> String {
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if let Ok(line) = rx.recv_timeout(Duration::from_millis(100)) {
            log.push(line.clone());
            if line.contains(needle) {
                return line;
            }
        }
    }
    panic!("no line with {needle:?} in 30 s; got:\n{}", log.join("\n"));
}

#[test]
fn files_are_merged_as_they_arrive_and_the_watch_stops_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let outbox = dir.path().join("observers");
    std::fs::create_dir(&outbox).unwrap();
    let inbox = dir.path().join("inbox");
    std::fs::create_dir_all(inbox.join("late")).unwrap();
    let national = national_db(dir.path());
    let marie = observer_file(&outbox, "Marie", 2);
    let paul = observer_file(&outbox, "Paul", 3);

    let mut child = constat(&national)
        .args(["merge", "--into"])
        .arg(&national)
        .arg("--watch")
        .arg(&inbox)
        .args(["--settle", "0.5"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the watch");
    let rx = lines_of(&mut child);
    let mut log = Vec::new();
    wait_for(&rx, "Surveillance de", &mut log);

    // A file being written under a temporary name is left alone, then taken once renamed.
    let part = inbox.join("marie.db.part");
    std::fs::copy(&marie, &part).unwrap();
    std::thread::sleep(Duration::from_millis(1500));
    assert_eq!(events(&national).len(), 0, "a .part file is not merged");
    std::fs::rename(&part, inbox.join("marie.db")).unwrap();
    // The needle names the file exactly: "marie.db.part" must not match it. (A scan that listed
    // the folder before the rename used to say "non lu marie.db.part: introuvable", which this
    // wait took for marie.db's line: the flaky failure under load.)
    let line = wait_for(&rx, "marie.db :", &mut log);
    assert!(line.contains("fusionné"), "{line}");
    assert!(
        !log.iter().any(|l| l.contains("marie.db.part")),
        "nothing said about the temporary name:\n{}",
        log.join("\n")
    );
    assert_eq!(events(&national).len(), 2);

    // A file in a subfolder; the same content again under another name; a truncated file.
    std::fs::copy(&paul, inbox.join("late").join("paul.db")).unwrap();
    wait_for(&rx, "paul.db", &mut log);
    std::fs::copy(&marie, inbox.join("marie (copie).db")).unwrap();
    let dup = wait_for(&rx, "marie (copie).db", &mut log);
    assert!(dup.contains("déjà reçu"), "{dup}");
    let bytes = std::fs::read(&paul).unwrap();
    std::fs::write(inbox.join("tronque.db"), &bytes[..bytes.len() / 3]).unwrap();
    let refused = wait_for(&rx, "tronque.db", &mut log);
    assert!(refused.contains("REFUSÉ"), "{refused}");
    assert_eq!(events(&national).len(), 5, "nothing of the truncated file");

    // SIGTERM: a clean stop, exit 0, the refused file named again in the summary.
    signal(&child, "TERM");
    let status = child.wait().expect("the watch ends");
    let summary = wait_for(&rx, "Arrêt de la surveillance", &mut log);
    assert!(summary.contains("2 fichiers fusionnés"), "{summary}");
    wait_for(&rx, "tronque.db", &mut log);
    assert_eq!(status.code(), Some(0), "{}", log.join("\n"));
    assert_eq!(events(&national).len(), 5);
    // Each merged file's observers are kept with it: the coordination view's last file time of
    // each observer (issue 18 point 3).
    let carried: Vec<String> = {
        let conn = rusqlite::Connection::open_with_flags(
            &national,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
        )
        .unwrap();
        let mut stmt = conn
            .prepare(
                "SELECT o.name FROM merged_file_observer m JOIN observer o ON o.id = m.observer
                 ORDER BY o.name",
            )
            .unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    assert_eq!(carried, ["Marie", "Paul"]);

    // Started again over the same inbox: every file is known by its content, nothing is redone.
    let mut again = constat(&national)
        .args(["merge", "--into"])
        .arg(&national)
        .arg("--watch")
        .arg(&inbox)
        .args(["--settle", "0.2"])
        .stdout(Stdio::piped())
        .spawn()
        .expect("start the watch again");
    let rx = lines_of(&mut again);
    let mut log = Vec::new();
    wait_for(&rx, "paul.db", &mut log);
    signal(&again, "INT");
    assert_eq!(again.wait().unwrap().code(), Some(0));
    let all = log.join("\n");
    assert!(!all.contains("fusionné   "), "nothing merged twice:\n{all}");
}

#[test]
fn watching_something_that_is_not_a_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let national = dir.path().join("national.db");
    run(
        constat(&national).args(["init", "--sample", "paris-1-2017", "--observer", "C"]),
        0,
    );
    let out = run(
        constat(&national)
            .args(["merge", "--into"])
            .arg(&national)
            .arg("--watch")
            .arg(dir.path().join("nowhere")),
        1,
    );
    assert!(crate::util::stderr(&out).contains("nowhere"));
}

/// The watch of `inbox` into `national`, its output piped, waiting for files to settle
/// `settle` seconds.
pub fn start_watch(national: &Path, inbox: &Path, settle: &str) -> Child {
    constat(national)
        .args(["merge", "--into"])
        .arg(national)
        .arg("--watch")
        .arg(inbox)
        .args(["--settle", settle])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the watch")
}

/// The files the target lists as merged (`merged_file`), by name.
pub fn merged_names(target: &Path) -> Vec<String> {
    let conn =
        rusqlite::Connection::open_with_flags(target, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    let mut stmt = conn
        .prepare("SELECT name FROM merged_file ORDER BY name")
        .unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

/// `src`'s bytes written to `dest` in `chunks` pieces, `pause` apart, flushed each time: a copy
/// over a slow link or from a slow USB stick, seen half-written by the watch.
fn write_slowly(src: &Path, dest: &Path, chunks: usize, pause: Duration) {
    let bytes = std::fs::read(src).unwrap();
    let mut out = std::fs::File::create(dest).unwrap();
    for piece in bytes.chunks(bytes.len().div_ceil(chunks)) {
        out.write_all(piece).unwrap();
        out.sync_data().unwrap();
        std::thread::sleep(pause);
    }
}

/// What Syncthing does on the receiving machine: the file written under
/// `.syncthing.NAME.tmp` (slowly), its modification time set to the sender's, then renamed to
/// NAME in one step.
fn sync_like_syncthing(src: &Path, folder: &Path) {
    let name = src.file_name().unwrap().to_string_lossy().into_owned();
    let temp = folder.join(format!(".syncthing.{name}.tmp"));
    write_slowly(src, &temp, 4, Duration::from_millis(150));
    let sent = std::fs::metadata(src).unwrap().modified().unwrap();
    std::fs::File::options()
        .write(true)
        .open(&temp)
        .unwrap()
        .set_modified(sent)
        .unwrap();
    std::fs::rename(&temp, folder.join(name)).unwrap();
}

#[test]
fn two_folders_synced_as_syncthing_and_as_a_slow_copy_merge_each_file_exactly_once() {
    let dir = tempfile::tempdir().unwrap();
    // Machine A: the observers export there. Machine B: the coordinator's inbox.
    let machine_a = dir.path().join("machine-a");
    std::fs::create_dir(&machine_a).unwrap();
    let inbox = dir.path().join("machine-b-inbox");
    std::fs::create_dir_all(inbox.join("Observateurs")).unwrap();
    let national = national_db(dir.path());
    let marie = observer_file(&machine_a, "Marie", 2);
    let paul = observer_file(&machine_a, "Paul", 3);
    let lea = observer_file(&machine_a, "Lea", 4);

    // Settled = unchanged for 1.5 s: ten times the slow copy's pauses.
    let mut child = start_watch(&national, &inbox, "1.5");
    let rx = lines_of(&mut child);
    let mut log = Vec::new();
    wait_for(&rx, "Surveillance de", &mut log);

    // Syncthing: temporary hidden name, then a rename (into a subfolder, as a shared folder
    // per team would be).
    sync_like_syncthing(&marie, &inbox.join("Observateurs"));
    wait_for(&rx, "Marie.db :", &mut log);
    assert_eq!(events(&national).len(), 2);
    // A plain `cp` (or a file manager) writing the final name in place, slowly: never taken
    // half-written.
    write_slowly(&paul, &inbox.join("Paul.db"), 8, Duration::from_millis(150));
    wait_for(&rx, "Paul.db :", &mut log);
    assert_eq!(events(&national).len(), 5);
    // Syncthing again, for a file whose content was already merged under another name (the
    // observer sent it twice): known by its content.
    sync_like_syncthing(&lea, &inbox);
    wait_for(&rx, "Lea.db :", &mut log);
    let again = machine_a.join("Lea (2).db");
    std::fs::copy(&lea, &again).unwrap();
    sync_like_syncthing(&again, &inbox);
    let dup = wait_for(&rx, "Lea (2).db", &mut log);
    assert!(dup.contains("déjà reçu"), "{dup}");

    signal(&child, "TERM");
    let status = child.wait().expect("the watch ends");
    wait_for(&rx, "Arrêt de la surveillance", &mut log);
    assert_eq!(status.code(), Some(0), "{}", log.join("\n"));

    // Each file merged exactly once, none refused, the temporary names never named.
    assert_eq!(merged_names(&national), ["Lea.db", "Marie.db", "Paul.db"]);
    assert_eq!(events(&national).len(), 2 + 3 + 4);
    let all = log.join("\n");
    for name in ["Marie.db", "Paul.db", "Lea.db"] {
        let merged = log
            .iter()
            .filter(|l| l.contains(&format!("{name} :")) && l.contains("fusionné"))
            .count();
        assert_eq!(merged, 1, "{name} merged once:\n{all}");
    }
    assert!(!all.contains("REFUSÉ"), "nothing refused:\n{all}");
    assert!(
        !all.contains(".syncthing."),
        "temporary names unsaid:\n{all}"
    );
    assert!(!all.contains("non lu"), "{all}");
}

/// The coordinator's database, as `constat init --sample` makes it, in `dir`.
fn national_db(dir: &Path) -> std::path::PathBuf {
    let national = dir.join("national.db");
    run(
        constat(&national).args([
            "init",
            "--sample",
            "paris-1-2017",
            "--observer",
            "Coordination",
        ]),
        0,
    );
    national
}

/// Issue 18: a database that arrives complete (renamed into the inbox, as Syncthing, Nextcloud
/// and `mv` deliver it) is merged at once, without waiting for `--settle`; an events CSV, which
/// carries no size of its own, still waits for it.
#[test]
fn a_complete_database_renamed_in_is_merged_without_the_settle_time() {
    let dir = tempfile::tempdir().unwrap();
    let outbox = dir.path().join("observers");
    std::fs::create_dir(&outbox).unwrap();
    let inbox = dir.path().join("inbox");
    std::fs::create_dir(&inbox).unwrap();
    let national = national_db(dir.path());
    let marie = observer_file(&outbox, "Marie", 2);
    let paul = observer_file(&outbox, "Paul", 3);
    let csv = outbox.join("paul.csv");
    run(constat(&paul).args(["export", "csv", "-o"]).arg(&csv), 0);
    let mut child = start_watch(&national, &inbox, "30");
    let rx = lines_of(&mut child);
    let mut log = Vec::new();
    wait_for(&rx, "Surveillance de", &mut log);
    let start = Instant::now();
    std::fs::rename(&marie, inbox.join("marie.db")).unwrap();
    let line = wait_for(&rx, "marie.db :", &mut log);
    assert!(line.contains("fusionné"), "{line}");
    // Well within the 30 s settle (the bound leaves room for a loaded machine).
    assert!(
        start.elapsed() < Duration::from_secs(10),
        "{:?}",
        start.elapsed()
    );
    assert_eq!(events(&national).len(), 2);
    // The CSV is waited for: nothing of it after a few seconds.
    std::fs::rename(&csv, inbox.join("paul.csv")).unwrap();
    std::thread::sleep(Duration::from_secs(3));
    assert_eq!(
        events(&national).len(),
        2,
        "an events CSV is not taken before --settle"
    );
    signal(&child, "TERM");
    assert!(child.wait().unwrap().success());
}
