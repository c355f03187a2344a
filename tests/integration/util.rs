//! Helpers: a temporary folder, the `constat` binary with a fixed language, and the database's
//! events and JSON report to check what a command did.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The built `constat` binary.
pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_constat"))
}

/// The key folder of the test that owns `db`: `keys` in the test's own temporary folder (the
/// first folder of `db`'s path under the system's temporary folder), so that no test writes a
/// key into `$HOME` and tests never share keys. Set as `CONSTAT_KEY_DIR` for every command.
pub fn key_dir(db: &Path) -> PathBuf {
    let db = std::path::absolute(db).unwrap_or_else(|_| db.to_owned());
    let tmp = std::env::temp_dir();
    let tmp = tmp.canonicalize().unwrap_or(tmp);
    let db = db.parent().and_then(|p| p.canonicalize().ok()).map_or_else(
        || db.clone(),
        |p| p.join(db.file_name().unwrap_or_default()),
    );
    match db
        .strip_prefix(&tmp)
        .ok()
        .and_then(|rest| rest.components().next())
    {
        Some(first) => tmp.join(first).join("keys"),
        None => db
            .parent()
            .map_or_else(|| PathBuf::from("keys"), |p| p.join("keys")),
    }
}

/// `constat --db DB ARGS…` in French, with no inherited locale or database variables, and the
/// test's own key folder ([`key_dir`]).
pub fn constat(db: &Path) -> Command {
    let mut c = Command::new(bin());
    c.env("CONSTAT_KEY_DIR", key_dir(db))
        .env_remove("CONSTAT_DB")
        .env_remove("CONSTAT_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "fr_FR.UTF-8")
        .env("NO_COLOR", "1")
        .arg("--db")
        .arg(db);
    c
}

/// Runs and returns the output; panics with stderr when the exit status is not `expected`.
pub fn run(cmd: &mut Command, expected: i32) -> Output {
    let out = cmd.output().expect("run constat");
    assert_eq!(
        out.status.code(),
        Some(expected),
        "stdout:\n{}\nstderr:\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Records one cell of circonscription 7501 with `constat tick` (`extra`: more options, such as
/// `--note TEXT`), which must succeed.
pub fn tick(db: &Path, panel: &str, item: &str, value: &str, extra: &[&str]) {
    tick_expecting(db, panel, item, value, extra, 0);
}

/// [`tick`], which must end with exit status `expected` (1 for a refusal).
pub fn tick_expecting(
    db: &Path,
    panel: &str,
    item: &str,
    value: &str,
    extra: &[&str],
    expected: i32,
) -> Output {
    run(
        constat(db)
            .args([
                "tick",
                "--circonscription",
                "7501",
                "--candidate",
                panel,
                "--item",
                item,
                "--value",
                value,
            ])
            .args(extra),
        expected,
    )
}

/// A new database from the Paris sample, owned by "Test".
pub fn init_db(dir: &Path) -> PathBuf {
    let db = dir.join("obs.db");
    run(
        constat(&db).args(["init", "--sample", "paris-1-2017", "--observer", "Test"]),
        0,
    );
    db
}

/// Every event of the database in storage order, read with the library: what a behaviour test
/// checks, rather than the wording of an acknowledgement.
pub fn events(db: &Path) -> Vec<constat::domain::Event> {
    constat::storage::Store::open(db)
        .expect("open the database")
        .events()
        .expect("read its events")
}

/// How many events the database at `db` holds, read without writing anything; `None` while it
/// does not exist or is still being created by another process (a poll must not open it with
/// `Store::open`, which would run migrations beside the creator).
pub fn events_so_far(db: &Path) -> Option<i64> {
    let conn =
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .ok()?;
    conn.query_row("SELECT count(*) FROM event", [], |r| r.get(0))
        .ok()
}

/// `constat report --format json`, parsed.
pub fn report_json(db: &Path) -> serde_json::Value {
    let out = run(constat(db).args(["report", "--format", "json"]), 0);
    serde_json::from_slice(&out.stdout).expect("the JSON report")
}

/// Text of stdout.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Text of stderr.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// English words found in `text`, meant to be French: a French message must have none. Values
/// quoted « like this » are the file's data and are not looked at.
pub fn english_in(text: &str) -> Vec<&'static str> {
    let mut unquoted = String::new();
    let mut rest = text;
    while let Some((before, after)) = rest.split_once('«') {
        unquoted.push_str(before);
        rest = after.split_once('»').map_or("", |(_, after)| after);
    }
    unquoted.push_str(rest);
    let text = unquoted.as_str();
    const WORDS: &[&str] = &[
        "the", "is", "not", "does", "of", "expected", "has", "with", "missing", "file", "event",
        "line", "column", "found", "hint", "nothing", "was", "this", "another", "which", "cannot",
        "database", "damaged", "unknown", "imported", "broken", "differs", "listed",
    ];
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '_')
        .collect();
    WORDS
        .iter()
        .copied()
        .filter(|w| words.contains(w))
        .collect()
}

/// `constat --db DB ARGS…` with `input` piped to its standard input.
pub fn piped(db: &Path, args: &[&str], input: &str) -> Output {
    let mut child = constat(db)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "stdout:\n{}\nstderr:\n{}",
        stdout(&out),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}
