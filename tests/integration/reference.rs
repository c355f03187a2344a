//! Reference files (issue 18 point 1): `constat reference -o FILE` writes the reference data
//! only, never over a file; `constat init --reference FILE` makes observers with their own
//! identity and key, and `--bureau` is checked and kept (or refused), never ignored.

use std::path::{Path, PathBuf};

use constat::domain::EventBody;

use crate::util::{constat, events, init_db, run, tick};

/// Rows of `table` in the SQLite file `db`, read directly (what the file really holds).
fn count(db: &Path, table: &str) -> i64 {
    let conn =
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    conn.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

/// The coordinator's database (the Paris sample, with one observation of its own) and the
/// reference file written from it.
fn reference(dir: &Path) -> (PathBuf, PathBuf) {
    let national = init_db(dir);
    tick(&national, "1", "foi", "absent", &["--bureau", "75056_0911"]);
    let file = dir.join("reference.db");
    run(constat(&national).args(["reference", "-o"]).arg(&file), 0);
    (national, file)
}

fn observer_from(reference: &Path, db: &Path, name: &str, bureau: &str) {
    run(
        constat(db)
            .args(["init", "--reference"])
            .arg(reference)
            .args(["--observer", name, "--bureau", bureau]),
        0,
    );
}

#[test]
fn a_reference_file_holds_the_reference_data_only_and_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let (national, file) = reference(dir.path());
    for table in ["event", "observer", "local_key", "setting"] {
        assert_eq!(count(&file, table), 0, "{table}");
    }
    assert_eq!(count(&file, "circonscription"), 1);
    assert_eq!(count(&file, "candidate"), count(&national, "candidate"));
    assert_eq!(count(&file, "bureau"), count(&national, "bureau"));
    // One self-contained file: nothing beside it.
    assert!(!dir.path().join("reference.db-wal").exists());
    let before = std::fs::read(&file).unwrap();
    run(constat(&national).args(["reference", "-o"]).arg(&file), 1);
    assert_eq!(std::fs::read(&file).unwrap(), before);
    // Nor over the database itself.
    run(
        constat(&national).args(["reference", "-o"]).arg(&national),
        1,
    );
    assert_eq!(events(&national).len(), 1);
}

#[test]
fn observers_made_from_a_reference_file_have_their_own_identity_key_and_bureau_and_merge() {
    let dir = tempfile::tempdir().unwrap();
    let (national, file) = reference(dir.path());
    let alice = dir.path().join("alice.db");
    let bob = dir.path().join("bob.db");
    observer_from(&file, &alice, "Alice", "75056_0911");
    observer_from(&file, &bob, "Bob", "75056_0913");
    let id = |db: &Path| {
        constat::storage::Store::open(db)
            .unwrap()
            .local_observer()
            .unwrap()
            .id
    };
    assert_ne!(id(&alice), id(&bob));
    assert_ne!(id(&alice), id(&national));
    let key = |db: &Path| -> String {
        rusqlite::Connection::open(db)
            .unwrap()
            .query_row(
                "SELECT public_key FROM observer WHERE is_local = 1",
                [],
                |r| r.get(0),
            )
            .unwrap()
    };
    assert_ne!(key(&alice), key(&bob));
    assert_ne!(key(&alice), key(&national));
    // The bureau given is the current one: a tick without --bureau is filed there.
    tick(&alice, "2", "courrier", "absent", &[]);
    tick(&bob, "3", "foi", "absent", &[]);
    let bureau_of = |db: &Path| match &events(db)[0].body {
        EventBody::Tick { bureau, .. } => bureau.as_ref().map(ToString::to_string),
        other => panic!("{other:?}"),
    };
    assert_eq!(bureau_of(&alice).as_deref(), Some("75056_0911"));
    assert_eq!(bureau_of(&bob).as_deref(), Some("75056_0913"));
    run(
        constat(&national)
            .args(["merge", "--into"])
            .arg(&national)
            .arg(&alice)
            .arg(&bob),
        0,
    );
    assert_eq!(events(&national).len(), 3);
}

#[test]
fn an_unknown_bureau_or_a_bad_reference_file_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (_, file) = reference(dir.path());
    let db = dir.path().join("obs.db2");
    run(
        constat(&db).args(["init", "--reference"]).arg(&file).args([
            "--observer",
            "Alice",
            "--bureau",
            "75056_9999",
        ]),
        1,
    );
    assert!(!db.exists());
    // Not a constat file at all.
    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, b"SQLite format 3\0 but not really").unwrap();
    run(
        constat(&db)
            .args(["init", "--reference"])
            .arg(&junk)
            .args(["--observer", "Alice"]),
        1,
    );
    assert!(!db.exists());
    // A reference file cannot be combined with a sample or an election.
    run(
        constat(&db)
            .args(["init", "--reference"])
            .arg(&file)
            .args(["--election", "legislatives-2024"]),
        2,
    );
    assert!(!db.exists());
}

#[test]
fn init_for_an_election_no_longer_ignores_bureau() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("obs.db");
    run(
        constat(&db).args([
            "init",
            "--election",
            "legislatives-2024",
            "--bureau",
            "75056_0911",
            "--observer",
            "Alice",
        ]),
        1,
    );
    assert!(!db.exists());
    // A sample's bureau is still checked and kept.
    run(
        constat(&db).args(["init", "--sample", "paris-1-2017", "--bureau", "75056_0915"]),
        0,
    );
    assert_eq!(
        constat::storage::Store::open(&db)
            .unwrap()
            .current_bureau()
            .unwrap()
            .map(|b| b.to_string())
            .as_deref(),
        Some("75056_0915")
    );
}
