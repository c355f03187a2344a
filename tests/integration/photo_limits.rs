//! Issue 19: the merge's defensive limits on photos. A hostile observer file, forged with
//! rusqlite as a forger would (no test-only knob: both limits are cheap to exceed honestly), is
//! refused with the typed reason — [`MergeRejection::PhotoTooLarge`] for one photo's bytes over
//! [`MAX_PHOTO_BYTES`], [`MergeRejection::TooManyPhotos`] for more than [`MAX_PHOTOS_PER_FILE`]
//! photos — and the target is left exactly as it was, by the library and by `constat merge`.

use std::path::{Path, PathBuf};

use rusqlite::types::Value;
use rusqlite::{Connection, OpenFlags};

use constat::domain::MAX_PHOTO_BYTES;
use constat::storage::{MAX_PHOTOS_PER_FILE, MergeOptions, MergeRejection, Store};

use crate::util::{constat, init_db, run, tick};

const CIRC: &str = "7501";
const BUREAU: &str = "75056_0913";

fn rw(path: &Path) -> Connection {
    Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE).unwrap()
}

fn count(conn: &Connection, sql: &str) -> u64 {
    let n: i64 = conn.query_row(sql, [], |r| r.get(0)).unwrap();
    n.unsigned_abs()
}

/// Adds photo rows (one byte each, no event announcing them, as a forger would) to the file at
/// `path` until it holds `total`.
fn photo_rows_up_to(path: &Path, total: u64) {
    let conn = rw(path);
    let held = count(&conn, "SELECT count(*) FROM photo_blob");
    conn.execute_batch("BEGIN").unwrap();
    for i in held..total {
        conn.execute(
            "INSERT INTO photo_blob (sha256, size, bytes) VALUES (?1, 1, x'00')",
            [format!("{i:064x}")],
        )
        .unwrap();
    }
    conn.execute_batch("COMMIT").unwrap();
    assert_eq!(count(&conn, "SELECT count(*) FROM photo_blob"), total);
}

/// A clean observer file: two ticks and one photo (HEIC-shaped bytes) attached by `constat
/// photo`, exported with `constat export db`.
fn observer_file(dir: &Path, name: &str) -> PathBuf {
    let sub = dir.join(format!("{name}.d"));
    std::fs::create_dir_all(&sub).unwrap();
    let db = init_db(&sub);
    tick(&db, "1", "bureau", "absent", &[]);
    tick(&db, "2", "bureau", "present", &[]);
    let mut heic = 24u32.to_be_bytes().to_vec();
    heic.extend(b"ftypheic\0\0\0\0mif1heic");
    // Bytes of its own in each file (the target holds no copy of the hostile file's photo).
    heic.extend(name.bytes().cycle().take(64));
    let picture = sub.join("table.heic");
    std::fs::write(&picture, heic).unwrap();
    run(
        constat(&db)
            .args(["photo", "--circonscription", CIRC, "--bureau", BUREAU])
            .arg(&picture),
        0,
    );
    let out = dir.join(name);
    run(constat(&db).args(["export", "db", "-o"]).arg(&out), 0);
    out
}

/// Every row of every table of a database, table by table in name order, rows in rowid order
/// (`WITHOUT ROWID` tables in key order): what "unchanged" means.
fn dump(path: &Path) -> Vec<String> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let tables: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
             ORDER BY name",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut out = Vec::new();
    for table in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\"")).unwrap();
        let n = stmt.column_count();
        let mut rows: Vec<String> = stmt
            .query_map([], |r| {
                (0..n)
                    .map(|i| r.get::<_, Value>(i))
                    .collect::<Result<Vec<_>, _>>()
            })
            .unwrap()
            .map(|r| format!("{table}: {:?}", r.unwrap()))
            .collect();
        rows.sort();
        out.extend(rows);
    }
    out
}

/// The merge of `file` into `target` as `constat merge` runs it (not strict): its outcome.
fn merge(target: &Path, file: &Path) -> Result<u64, MergeRejection> {
    #[allow(clippy::disallowed_methods)] // like the commands, an edge where time enters
    let now = chrono::Utc::now();
    let options = MergeOptions {
        now,
        strict: false,
        accept_unsigned: false,
    };
    let mut store = Store::open(target).unwrap();
    store.begin_merge(options).unwrap();
    let outcome = store.merge_database(file, options, &mut |_| {});
    store.finish_merge(options, outcome.is_err()).unwrap();
    outcome.map(|o| o.new)
}

/// A target holding a first clean file, the hostile file, and the target's dump before.
fn setup(dir: &Path) -> (PathBuf, PathBuf) {
    let target_dir = dir.join("national.d");
    std::fs::create_dir_all(&target_dir).unwrap();
    let target = init_db(&target_dir);
    let seed = observer_file(dir, "seed.db");
    assert!(merge(&target, &seed).unwrap() > 0);
    (target, observer_file(dir, "hostile.db"))
}

/// The rows of `after` that `before` lacks, and the reverse.
fn changes(before: &[String], after: &[String]) -> (Vec<String>, Vec<String>) {
    let short = |r: &String| r.chars().take(300).collect::<String>();
    (
        after
            .iter()
            .filter(|r| !before.contains(r))
            .map(short)
            .collect(),
        before
            .iter()
            .filter(|r| !after.contains(r))
            .map(short)
            .collect(),
    )
}

/// Both ways of merging refuse `hostile` and leave `target` unchanged; the library's reason is
/// checked by `reason`, the reason `constat merge` keeps for the coordination view by `key`.
fn refused(target: &Path, hostile: &Path, reason: impl Fn(&MergeRejection) -> bool, key: &str) {
    let before = dump(target);
    match merge(target, hostile) {
        Err(e) => assert!(reason(&e), "refused for another reason: {e:?}"),
        Ok(new) => panic!("merged ({new} new events)"),
    }
    let (added, removed) = changes(&before, &dump(target));
    assert!(
        added.is_empty() && removed.is_empty(),
        "the library's refused merge changed the target: added {added:#?}, removed {removed:#?}"
    );
    // The real binary: the file is listed as refused (exit 0, as for every refused file) and
    // nothing of it lands; the one row written is the refusal itself (`refused_file`, which
    // the coordination view lists), with its reason's message key.
    run(
        constat(target)
            .args(["merge", "--into"])
            .arg(target)
            .arg(hostile),
        0,
    );
    let (added, removed) = changes(&before, &dump(target));
    assert!(removed.is_empty(), "`constat merge` removed {removed:#?}");
    assert_eq!(added.len(), 1, "`constat merge` added {added:#?}");
    assert!(
        added[0].starts_with("refused_file: ") && added[0].contains(&format!("Text(\"{key}\")")),
        "{added:#?}"
    );
}

#[test]
fn a_photo_over_the_size_limit_is_refused_and_the_target_is_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let (target, hostile) = setup(dir.path());
    // The forger swaps the announced photo's bytes for 1 byte more than the limit (zeros: the
    // file takes the room, not the test's memory).
    let over = i64::try_from(MAX_PHOTO_BYTES + 1).unwrap();
    let conn = rw(&hostile);
    let sha: String = conn
        .query_row("SELECT sha256 FROM photo_blob", [], |r| r.get(0))
        .unwrap();
    let changed = conn
        .execute(
            "UPDATE photo_blob SET bytes = zeroblob(?2), size = ?2 WHERE sha256 = ?1",
            rusqlite::params![sha, over],
        )
        .unwrap();
    assert_eq!(changed, 1);
    drop(conn);
    refused(
        &target,
        &hostile,
        |e| {
            matches!(e, MergeRejection::PhotoTooLarge { sha256, size }
            if *sha256 == sha && *size == MAX_PHOTO_BYTES + 1)
        },
        "refusal-photo-too-large",
    );
}

#[test]
fn a_photo_at_the_size_limit_is_not_refused_for_its_size() {
    // The boundary: exactly MAX_PHOTO_BYTES is within the limit; the forged bytes then no
    // longer hash to the event's hash, and that is the reason given.
    let dir = tempfile::tempdir().unwrap();
    let (target, hostile) = setup(dir.path());
    let at = i64::try_from(MAX_PHOTO_BYTES).unwrap();
    let conn = rw(&hostile);
    conn.execute(
        "UPDATE photo_blob SET bytes = zeroblob(?1), size = ?1",
        [at],
    )
    .unwrap();
    drop(conn);
    refused(
        &target,
        &hostile,
        |e| matches!(e, MergeRejection::PhotoMismatch { .. }),
        "refusal-photo-mismatch",
    );
}

#[test]
fn more_photos_than_the_limit_are_refused_and_the_target_is_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let (target, hostile) = setup(dir.path());
    // The forger adds photo rows (one byte each, no event announcing them) until the file holds
    // one more than the limit.
    photo_rows_up_to(&hostile, MAX_PHOTOS_PER_FILE + 1);
    refused(
        &target,
        &hostile,
        |e| matches!(e, MergeRejection::TooManyPhotos { count } if *count == MAX_PHOTOS_PER_FILE + 1),
        "refusal-too-many-photos",
    );
}

#[test]
fn as_many_photos_as_the_limit_are_not_refused_for_their_number() {
    // The boundary: exactly MAX_PHOTOS_PER_FILE rows pass the count; the rows no event announces
    // are left behind, and the file's own photo and events merge.
    let dir = tempfile::tempdir().unwrap();
    let (target, hostile) = setup(dir.path());
    photo_rows_up_to(&hostile, MAX_PHOTOS_PER_FILE);
    assert!(merge(&target, &hostile).unwrap() > 0);
    let photos = count(
        &rw(&target),
        "SELECT count(*) FROM photo_blob WHERE bytes IS NOT NULL",
    );
    // The seed's photo and the hostile file's own one; none of the unannounced rows.
    assert_eq!(photos, 2);
}
