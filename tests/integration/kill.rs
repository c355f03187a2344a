//! `kill -9` at any moment loses no acknowledged tick and never corrupts the file.
//!
//! The promise under test (see `src/storage/mod.rs`): once `constat tick` has printed
//! "enregistré : événement …" and exited successfully, the event is on disk, whatever happens to
//! the process a microsecond later. The tests kill real `constat` processes at many different
//! moments of their life (before the database is opened, during the transaction, during the
//! fsync, after the acknowledgement) and then read the file back with SQLite directly.
//!
//! Nothing here asserts on timing: delays only decide *where* the kill lands, and the checks hold
//! wherever it lands. The one thing checked about the spread is that the run saw both outcomes
//! (some ticks acknowledged, some killed), so that a run that tested nothing fails loudly.

use std::io::{BufRead, BufReader};
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use rusqlite::{Connection, OpenFlags, OptionalExtension};

use crate::util::{bin, constat, init_db, run, stderr, stdout};

/// The acknowledgement `constat tick` prints in French once the event is committed.
const ACK: &str = "enregistré : événement ";

/// SIGKILL's number.
const SIGKILL: i32 = 9;

/// The columns of the grid, by `--item` name.
const ITEMS: [&str; 3] = ["foi", "courrier", "bureau"];

/// Opens `db` read-only with plain SQLite: no constat code between the test and the file.
fn open_read_only(db: &Path) -> Connection {
    Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .unwrap_or_else(|e| panic!("opening {} read-only: {e}", db.display()))
}

/// Asserts `PRAGMA integrity_check` answers exactly "ok".
fn assert_integrity_ok(conn: &Connection) {
    let mut stmt = conn.prepare("PRAGMA integrity_check").unwrap();
    let rows: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(rows, vec!["ok".to_owned()], "integrity_check");
}

/// The number of events whose note starts with `prefix`.
fn count_notes(conn: &Connection, prefix: &str) -> usize {
    let n: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM event WHERE note LIKE ?1 || '%'",
            [prefix],
            |r| r.get(0),
        )
        .unwrap();
    usize::try_from(n).unwrap()
}

/// The largest number of events sharing one note starting with `prefix` (1 when none repeats).
fn max_copies_of_a_note(conn: &Connection, prefix: &str) -> usize {
    let n: i64 = conn
        .query_row(
            "SELECT COALESCE(MAX(c), 0) FROM
               (SELECT COUNT(*) AS c FROM event WHERE note LIKE ?1 || '%' GROUP BY note)",
            [prefix],
            |r| r.get(0),
        )
        .unwrap();
    usize::try_from(n).unwrap()
}

/// A tick command for iteration `i`, noted `note`: candidates 1 to 22 and the three columns in
/// turn, so that the kills land on different rows.
fn tick(db: &Path, i: usize, note: &str) -> Command {
    let mut c = constat(db);
    c.args([
        "tick",
        "--circonscription",
        "7501",
        "--bureau",
        "75056_0911",
        "--candidate",
        &(i % 22 + 1).to_string(),
        "--item",
        ITEMS[i % ITEMS.len()],
        "--value",
        "present",
        "--note",
        note,
    ]);
    c
}

/// Checks, black-box, that the file still works for constat: a new tick is saved and the report
/// reads every event.
fn assert_constat_still_works(db: &Path) {
    let out = run(&mut tick(db, 0, "after"), 0);
    assert!(stdout(&out).contains(ACK), "stdout: {}", stdout(&out));
    run(constat(db).args(["report", "--format", "json"]), 0);
}

#[test]
fn killing_the_cli_mid_tick_loses_no_acknowledged_tick() {
    const RUNS: usize = 40;
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());

    // Warm-up, not killed: it also measures how long one whole tick takes on this machine, so that
    // the kill delays below span "right after exec" to "well after the tick could have finished"
    // however fast or slow the machine is.
    let mut took = Vec::new();
    for w in 0..3 {
        let start = Instant::now();
        let out = run(&mut tick(&db, w, &format!("w{w}")), 0);
        took.push(start.elapsed());
        assert!(stdout(&out).contains(ACK), "stdout: {}", stdout(&out));
    }
    took.sort();
    let one_tick = took[1];
    // Delays are 0 to 15 steps, pseudo-random and deterministic in i; 15 steps ≈ 3 ticks.
    let step = one_tick / 5;

    let mut acknowledged: Vec<(usize, String)> = Vec::new();
    let mut killed = 0;
    for i in 0..RUNS {
        let note = format!("k{i}");
        let mut child = tick(&db, i, &note)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn constat tick");
        let steps = u32::try_from((i * 7919) % 16).unwrap();
        thread::sleep(step * steps);
        // SIGKILL. On a process that has already exited (not yet reaped) this does nothing.
        child.kill().expect("kill constat tick");
        let out = child.wait_with_output().expect("wait for constat tick");
        let text = stdout(&out);
        if out.status.success() {
            let id = text
                .lines()
                .find_map(|l| l.strip_prefix(ACK))
                .unwrap_or_else(|| panic!("run {i} exited 0 without acknowledging: {text:?}"))
                .trim()
                .to_owned();
            acknowledged.push((i, id));
        } else {
            // The only acceptable failure is our SIGKILL: a tick that fails on its own means a
            // previous kill left the file unusable.
            assert_eq!(
                out.status.signal(),
                Some(SIGKILL),
                "run {i} failed without being killed ({:?})\nstdout:\n{text}\nstderr:\n{}",
                out.status,
                stderr(&out)
            );
            killed += 1;
        }
    }
    eprintln!(
        "kill test: one tick ≈ {one_tick:?}, {} acknowledged, {killed} killed of {RUNS}",
        acknowledged.len()
    );

    // Both outcomes must have happened, or the run tested nothing.
    assert!(
        !acknowledged.is_empty(),
        "no tick survived its kill: the delays never let a tick finish (one tick ≈ {one_tick:?})"
    );
    assert!(
        killed > 0,
        "every tick finished before its kill: the delays never cut a tick short \
         (one tick ≈ {one_tick:?})"
    );

    let conn = open_read_only(&db);
    assert_integrity_ok(&conn);
    for (i, id) in &acknowledged {
        let note: Option<Option<String>> = conn
            .query_row("SELECT note FROM event WHERE id = ?1", [id], |r| r.get(0))
            .optional()
            .unwrap();
        assert_eq!(
            note,
            Some(Some(format!("k{i}"))),
            "acknowledged tick {i} (event {id}) is not in the file as acknowledged"
        );
    }
    let stored = count_notes(&conn, "k");
    assert!(
        stored >= acknowledged.len(),
        "{stored} ticks stored, {} acknowledged",
        acknowledged.len()
    );
    assert!(
        stored <= RUNS,
        "{stored} ticks stored from {RUNS} processes"
    );
    assert!(
        max_copies_of_a_note(&conn, "k") <= 1,
        "a killed tick was stored twice"
    );
    drop(conn);

    assert_constat_still_works(&db);
}

/// Kills a whole process group with `kill -9 -PGID` (no libc: the crate forbids unsafe code).
/// Bash's own `kill`, since the test needs bash anyway: a `kill` program (procps) is not on every
/// machine that has a Rust toolchain.
fn kill_group(pgid: u32) -> bool {
    Command::new("bash")
        .args(["-c", r#"kill -s KILL -- "-$1""#, "kill", &pgid.to_string()])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Kills the writer's process group even when the test fails half-way, so that no loop of
/// `constat tick` outlives the test.
struct GroupGuard(Option<Child>);

impl Drop for GroupGuard {
    fn drop(&mut self) {
        if let Some(mut child) = self.0.take() {
            kill_group(child.id());
            let _ = child.wait();
        }
    }
}

/// The shell loop: 200 ticks in a row, `ack I` printed after each one that exited successfully.
/// Arguments: `$1` the binary, `$2` the database.
const WRITER: &str = r#"
for ((i = 1; i <= 200; i++)); do
    "$1" --db "$2" tick --circonscription 7501 --bureau 75056_0911 \
        --candidate $(( i % 22 + 1 )) --item foi --value present --note "g$i" >/dev/null \
        && echo "ack $i"
done
echo done
"#;

#[test]
fn killing_a_long_lived_writer_loses_no_acknowledged_tick() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());

    let mut child = Command::new("bash")
        .arg("-c")
        .arg(WRITER)
        .arg("writer")
        .arg(bin())
        .arg(&db)
        .env("CONSTAT_KEY_DIR", crate::util::key_dir(&db))
        .env_remove("CONSTAT_DB")
        .env_remove("CONSTAT_LANG")
        .env("LANG", "fr_FR.UTF-8")
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .process_group(0)
        .spawn()
        .expect("spawn bash");
    let pgid = child.id();
    let out = child.stdout.take().expect("piped stdout");
    let mut guard = GroupGuard(Some(child));

    let (tx, rx) = mpsc::channel::<String>();
    let reader = thread::spawn(move || {
        for line in BufReader::new(out).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });

    // Wait for the first acknowledgement however slow the machine is, then let the loop run a
    // little so that the kill lands somewhere in its middle.
    let mut lines = Vec::new();
    match rx.recv_timeout(Duration::from_secs(120)) {
        Ok(line) => lines.push(line),
        Err(e) => panic!("the writer acknowledged nothing in 120 s: {e}"),
    }
    thread::sleep(Duration::from_millis(300));
    assert!(kill_group(pgid), "kill -9 -{pgid} failed");
    let mut bash = guard.0.take().expect("the writer");
    let status = bash.wait().expect("wait for bash");
    reader.join().expect("reader thread");
    lines.extend(rx.try_iter());

    let finished = lines.last().is_some_and(|l| l == "done");
    let acked: Vec<usize> = lines
        .iter()
        .filter_map(|l| l.strip_prefix("ack "))
        .map(|n| n.parse().unwrap_or_else(|_| panic!("bad line {n:?}")))
        .collect();
    eprintln!(
        "writer: {} acknowledged, {} (bash {status:?})",
        acked.len(),
        if finished {
            "finished before the kill"
        } else {
            "killed mid-loop"
        }
    );

    // The loop is sequential and nothing but the kill can stop a tick: the acknowledgements are
    // exactly 1..=n.
    let n = acked.len();
    assert_eq!(
        acked,
        (1..=n).collect::<Vec<_>>(),
        "a tick failed before the kill"
    );

    let conn = open_read_only(&db);
    assert_integrity_ok(&conn);
    for i in &acked {
        let found: i64 = conn
            .query_row(
                "SELECT COUNT(*) FROM event WHERE note = ?1",
                [format!("g{i}")],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(found, 1, "acknowledged tick g{i} is stored {found} times");
    }
    // At most the one tick in flight at the kill is stored without its acknowledgement.
    let stored = count_notes(&conn, "g");
    assert!(
        (n..=n + 1).contains(&stored),
        "{stored} ticks stored, {n} acknowledged"
    );
    drop(conn);

    assert_constat_still_works(&db);
}

/// Every file under `dir`, hidden ones and those of hidden folders included.
fn every_file(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            match e.file_type() {
                Ok(t) if t.is_dir() => stack.push(p),
                Ok(t) if t.is_file() => out.push(p),
                _ => {}
            }
        }
    }
    out
}

/// The files of `files` holding `secret`, raw or in hex (lower or upper case).
fn holding_the_key(files: &[std::path::PathBuf], secret: &[u8]) -> Vec<std::path::PathBuf> {
    let hex_lower: String = secret.iter().map(|b| format!("{b:02x}")).collect();
    let needles = [
        secret.to_vec(),
        hex_lower.clone().into_bytes(),
        hex_lower.to_uppercase().into_bytes(),
    ];
    files
        .iter()
        .filter(|f| {
            let bytes = std::fs::read(f).unwrap_or_default();
            needles
                .iter()
                .any(|n| bytes.windows(n.len()).any(|w| w == n.as_slice()))
        })
        .cloned()
        .collect()
}

/// Issue 15 point 3: the secret key is never in a file constat writes for sending, at any moment
/// of an export. `export db`, `export csv` and `export evidence` are killed at 200 moments
/// spread over their lives, and every file left in the output folder (hidden temporaries and
/// staging folders included) is scanned for the key, raw and in hex.
#[test]
fn killed_exports_never_leave_the_secret_key_in_the_output_folder() {
    const KILLS: usize = 200;
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    for i in 0..30 {
        run(&mut tick(&db, i, &format!("e{i}")), 0);
    }
    // The key, read from its key file: three lines, the secret in hex last.
    let keys = crate::util::key_dir(&db);
    let key_file = std::fs::read_dir(&keys)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "key"))
        .expect("the observer's key file");
    let text = std::fs::read_to_string(&key_file).unwrap();
    let hex_secret = text.lines().nth(2).unwrap();
    let secret: Vec<u8> = (0..32)
        .map(|i| u8::from_str_radix(&hex_secret[2 * i..2 * i + 2], 16).unwrap())
        .collect();
    // The scan finds the key where it is (it is not a scan that finds nothing).
    assert_eq!(
        holding_the_key(std::slice::from_ref(&key_file), &secret),
        vec![key_file]
    );

    let out = dir.path().join("usb");
    std::fs::create_dir(&out).unwrap();
    let export = |i: usize| {
        let mut c = constat(&db);
        match i % 3 {
            0 => c
                .args(["export", "db", "-o"])
                .arg(out.join(format!("copie-{i}.db"))),
            1 => c
                .args(["export", "csv", "-o"])
                .arg(out.join(format!("events-{i}.csv"))),
            _ => c
                .args(["export", "evidence", "-o"])
                .arg(out.join(format!("preuves-{i}"))),
        };
        c.stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        c
    };
    // How long one export of each kind takes here, so that the kills spread over their lives.
    let mut took = Duration::ZERO;
    for w in 0..3 {
        let start = Instant::now();
        let status = export(1000 + w).status().unwrap();
        assert!(status.success(), "warm-up export {w} failed");
        took = took.max(start.elapsed());
    }
    let step = took / 12;
    let (mut killed, mut finished) = (0, 0);
    for i in 0..KILLS {
        let mut child = export(i).spawn().expect("spawn constat export");
        let steps = u32::try_from((i * 7919) % 16).unwrap();
        thread::sleep(step * steps);
        child.kill().expect("kill constat export");
        let status = child.wait().expect("wait for constat export");
        if status.success() {
            finished += 1;
        } else {
            assert_eq!(
                status.signal(),
                Some(SIGKILL),
                "export {i} failed on its own"
            );
            killed += 1;
        }
    }
    eprintln!("export kills: one export ≤ {took:?}, {killed} killed, {finished} finished");
    assert!(
        killed > 0 && finished > 0,
        "{killed} killed, {finished} finished"
    );
    let files = every_file(&out);
    assert!(
        files.iter().any(|f| f
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'))),
        "no temporary left by a kill: the kills never cut an export short"
    );
    assert_eq!(
        holding_the_key(&files, &secret),
        Vec::<std::path::PathBuf>::new()
    );
}
