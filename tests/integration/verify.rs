//! `constat verify` on databases: an intact chain passes; flipping one byte, deleting an event,
//! reordering, replaying another observer's event or forging the head is caught and named.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use crate::util::{constat, run, stdout};

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
        run(
            constat(&db).args([
                "tick",
                "--circonscription",
                "7501",
                "--candidate",
                &n.to_string(),
                "--item",
                "bureau",
                "--value",
                "present",
                "--note",
                &format!("n{n}"),
            ]),
            0,
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
        "DROP TRIGGER event_is_append_only_no_update; DROP TRIGGER event_is_append_only_no_delete;",
    )
    .unwrap();
    conn.execute_batch(sql).unwrap();
    conn.execute_batch(GUARDS).unwrap();
    copy
}

fn verify(path: &Path, code: i32) -> String {
    stdout(&run(constat(path).arg("verify").arg(path), code))
}

#[test]
fn an_intact_database_verifies() {
    let dir = tempfile::tempdir().unwrap();
    let db = observer(dir.path(), "marie");
    let out = verify(&db, 0);
    assert!(
        out.contains("intact : marie") && out.contains("4 événements, tête signée à la position 4"),
        "{out}"
    );
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
    let cases: Vec<(&str, String, String)> = vec![
        (
            "one byte flipped in a note",
            "flip.db".into(),
            "UPDATE event SET note = 'm2' WHERE seq = 2;".into(),
        ),
        ("an event deleted", "delete.db".into(), "DELETE FROM event WHERE seq = 2;".into()),
        (
            "two events reordered",
            "reorder.db".into(),
            "UPDATE event SET seq = 100 WHERE seq = 2; UPDATE event SET seq = 2 WHERE seq = 3; UPDATE event SET seq = 3 WHERE seq = 100;".into(),
        ),
        (
            "an event replayed from another observer",
            "replay.db".into(),
            {
                let conn = Connection::open_with_flags(&other, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
                let (id, hash): (String, String) = conn
                    .query_row("SELECT id, hash FROM event WHERE seq = 2", [], |r| Ok((r.get(0)?, r.get(1)?)))
                    .unwrap();
                format!(
                    "UPDATE event SET id = '{id}', hash = '{hash}', panel = 2, note = 'n2' WHERE seq = 2;"
                )
            },
        ),
    ];
    for (what, name, sql) in cases {
        let copy = tampered(&db, &name, &sql);
        let out = verify(&copy, 1);
        assert!(out.contains("ALTÉRÉ : marie"), "{what}:\n{out}");
        assert!(
            out.contains("position 2"),
            "{what}: the broken position is not named:\n{out}"
        );
    }
    // The head signature forged: named as such.
    let copy = tampered(
        &db,
        "forged.db",
        "UPDATE chain_head SET signature = printf('%0128d', 0);",
    );
    let out = verify(&copy, 1);
    assert!(
        out.contains("signature") && out.contains("ne vérifie pas")
            || out.contains("does not verify"),
        "{out}"
    );
    let _ = second;
}
