//! `constat verify` on databases: an intact chain passes; flipping one byte, deleting an event,
//! reordering, replaying another observer's event or forging the head is caught and named.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use crate::util::{constat, english_in, run, stdout, tick};

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
        let reason = out
            .lines()
            .find(|l| l.starts_with("ALTÉRÉ"))
            .and_then(|l| l.rsplit_once(" : "))
            .map(|(_, why)| why.to_owned())
            .unwrap_or_default();
        assert_eq!(
            english_in(&reason),
            Vec::<&str>::new(),
            "{what}: English in the French reason:\n{out}"
        );
        let english = stdout(&run(
            constat(&copy).args(["--lang", "en", "verify"]).arg(&copy),
            1,
        ));
        assert!(
            english.contains("BROKEN: marie") && english.contains("at position 2"),
            "{what}:\n{english}"
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
        out.contains("la signature de la tête de chaîne (position 4) n'est pas valide"),
        "{out}"
    );
    let english = stdout(&run(
        constat(&copy).args(["--lang", "en", "verify"]).arg(&copy),
        1,
    ));
    assert!(
        english.contains("the signature of the chain head (position 4) does not verify"),
        "{english}"
    );
    let _ = second;
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
    for name in [
        "MANIFEST",
        "events.csv",
        "observations.csv",
        "report.txt",
        "report.md",
        "report.csv",
        "report.json",
        "chain-digest.txt",
    ] {
        assert!(folder.join(name).is_file(), "{name} missing");
    }
    let observations = std::fs::read(folder.join("observations.csv")).unwrap();
    assert!(
        observations
            .starts_with(b"\xEF\xBB\xBFid,observer,time,place,candidate,item,value,note,hash")
    );
    let out = verify(&folder, 0);
    assert!(out.contains("intact : events.csv · marie"), "{out}");
    // The digest in the folder is the database's.
    let digest = std::fs::read_to_string(folder.join("chain-digest.txt")).unwrap();
    assert_eq!(digest.trim().len(), 64);
    let report = std::fs::read_to_string(folder.join("report.txt")).unwrap();
    assert!(
        report.contains(digest.trim()),
        "the report does not end with the digest"
    );

    // One byte of a report changed: the file is named.
    let copy = dir.path().join("copy1");
    std::fs::create_dir(&copy).unwrap();
    for e in std::fs::read_dir(&folder).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), copy.join(e.file_name())).unwrap();
    }
    let mut bytes = std::fs::read(copy.join("report.md")).unwrap();
    bytes[10] ^= 1;
    std::fs::write(copy.join("report.md"), bytes).unwrap();
    let out = verify(&copy, 1);
    assert!(
        out.contains("ALTÉRÉ : report.md : l'empreinte SHA-256 diffère de celle du MANIFEST"),
        "{out}"
    );
    let english = stdout(&run(
        constat(&db).args(["--lang", "en", "verify"]).arg(&copy),
        1,
    ));
    assert!(
        english.contains("BROKEN: report.md: SHA-256 differs from the MANIFEST"),
        "{english}"
    );

    // An event changed in events.csv and the MANIFEST recomputed: the chain still names it.
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
    let out = verify(&copy, 1);
    assert!(
        out.contains("ALTÉRÉ : events.csv · marie") && out.contains("position 1"),
        "{out}"
    );
    let line = out
        .lines()
        .find(|l| l.contains("ALTÉRÉ : events.csv"))
        .unwrap_or_default();
    let reason = line.rsplit_once(" : ").map_or("", |(_, why)| why);
    assert_eq!(english_in(reason), Vec::<&str>::new(), "{out}");

    // Exporting into a folder that holds files is refused.
    let out = run(
        constat(&db).args(["export", "evidence", "-o"]).arg(&folder),
        1,
    );
    assert!(crate::util::stderr(&out).contains("n'est pas vide"));
}
