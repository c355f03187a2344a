//! `constat merge` end to end: order does not matter, twice is once, `--strict` is all or nothing,
//! folders are searched, disagreements are kept and listed.

use std::path::{Path, PathBuf};

use crate::util::{constat, events, init_db, report_json, run, stderr, stdout, tick};

fn observer(dir: &Path, name: &str, ticks: &[(&str, &str, &str)]) -> PathBuf {
    let sub = dir.join(name);
    std::fs::create_dir_all(&sub).unwrap();
    let db = sub.join("obs.db");
    run(
        constat(&db).args(["init", "--sample", "paris-1-2017", "--observer", name]),
        0,
    );
    for (panel, item, value) in ticks {
        tick(&db, panel, item, value, &[]);
    }
    let out = dir.join(format!("{name}.db"));
    run(constat(&db).args(["export", "db", "-o"]).arg(&out), 0);
    out
}

fn national(dir: &Path, name: &str) -> PathBuf {
    let db = dir.join(name);
    run(
        constat(&db).args([
            "init",
            "--election",
            "legislatives-2017",
            "--observer",
            "Coord",
        ]),
        0,
    );
    db
}

/// The rows of `constat report --conflicts --format csv`: (panel, item, observer's name, value).
fn conflicts(db: &Path) -> Vec<(String, String, String, String)> {
    let out = run(
        constat(db).args(["report", "--conflicts", "--format", "csv"]),
        0,
    );
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let mut rows: Vec<_> = reader
        .deserialize::<std::collections::HashMap<String, String>>()
        .map(|row| {
            let row = row.unwrap();
            let field = |k: &str| row[k].clone();
            (
                field("panel"),
                field("item"),
                field("observer_name"),
                field("value"),
            )
        })
        .collect();
    rows.sort();
    rows
}

fn merge(target: &Path, inputs: &[&Path]) -> String {
    let mut cmd = constat(target);
    cmd.args(["merge", "--into"]).arg(target).args(inputs);
    stdout(&run(&mut cmd, 0))
}

/// The target's content as its users see it: the report, the conflicts, and every event.
fn content(db: &Path) -> String {
    let csv = db.with_extension("events.csv");
    // Written again at each look: replaced (`--force`, the output guard of issue 15 point 7).
    run(
        constat(db)
            .args(["export", "csv", "--force", "-o"])
            .arg(&csv),
        0,
    );
    let mut rows: Vec<String> = std::fs::read_to_string(&csv)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect();
    rows.sort();
    stdout(&run(constat(db).args(["report", "--format", "json"]), 0))
        + &stdout(&run(
            constat(db).args(["report", "--conflicts", "--format", "csv"]),
            0,
        ))
        + &rows.join("\n")
}

#[test]
fn merging_in_any_order_gives_the_same_database_and_twice_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let a = observer(
        dir.path(),
        "marie",
        &[("1", "bureau", "present"), ("2", "foi", "absent")],
    );
    let b = observer(
        dir.path(),
        "jean",
        &[("1", "bureau", "absent"), ("3", "courrier", "present")],
    );
    let c = observer(dir.path(), "lea", &[("2", "foi", "present")]);
    let ab = national(dir.path(), "ab.db");
    merge(&ab, &[&a, &b, &c]);
    let ba = national(dir.path(), "ba.db");
    merge(&ba, &[&c, &b]);
    merge(&ba, &[&a]);
    assert_eq!(content(&ab), content(&ba));
    assert_eq!(events(&ab).len(), 5);
    let before = content(&ab);
    merge(&ab, &[&a, &b, &c]);
    assert_eq!(
        content(&ab),
        before,
        "merging the same files again changed the database"
    );
    assert_eq!(events(&ab).len(), 5);
    // Only the bureau's table: marie's and lea's envelopes differ, they do not contradict.
    let row = |who: &str, value: &str| {
        (
            "1".to_owned(),
            "bureau".to_owned(),
            who.to_owned(),
            value.to_owned(),
        )
    };
    assert_eq!(
        conflicts(&ab),
        [row("jean", "absent"), row("marie", "present")]
    );
}

#[test]
fn folders_are_searched_and_csv_exports_merge_like_databases() {
    let dir = tempfile::tempdir().unwrap();
    let inbox = dir.path().join("inbox");
    let late = inbox.join("late");
    std::fs::create_dir_all(&late).unwrap();
    let a = observer(dir.path(), "marie", &[("1", "bureau", "present")]);
    std::fs::rename(&a, inbox.join("marie.db")).unwrap();
    let sub = dir.path().join("jean-src");
    std::fs::create_dir_all(&sub).unwrap();
    let jean = init_db(&sub);
    run(
        constat(&jean).args([
            "tick",
            "--circonscription",
            "7501",
            "--candidate",
            "4",
            "--item",
            "foi",
            "--value",
            "absent",
        ]),
        0,
    );
    run(
        constat(&jean)
            .args(["export", "csv", "-o"])
            .arg(late.join("jean.csv")),
        0,
    );
    let target = national(dir.path(), "nat.db");
    merge(&target, &[&inbox]);
    // Both files found: marie's database in the folder, jean's CSV export in a subfolder.
    assert_eq!(events(&target).len(), 2);
    let rows = &report_json(&target)["circonscriptions"][0]["rows"];
    assert_eq!(rows[0]["marks"][2], "present", "marie's bureau tick");
    assert_eq!(rows[3]["marks"][0], "absent", "jean's profession de foi");
}

#[test]
fn strict_stops_at_the_first_bad_file_and_leaves_the_target_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let a = observer(dir.path(), "marie", &[("1", "bureau", "present")]);
    let bad = dir.path().join("zz-bad.db");
    std::fs::write(&bad, b"not a database").unwrap();
    let target = national(dir.path(), "nat.db");
    let before = content(&target);
    let mut cmd = constat(&target);
    cmd.args(["merge", "--strict", "--into"])
        .arg(&target)
        .arg(&a)
        .arg(&bad);
    let out = run(&mut cmd, 1);
    assert!(stderr(&out).contains("--strict"), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("pas d'en-tête SQLite"),
        "{}",
        stdout(&out)
    );
    assert_eq!(content(&target), before);
    assert!(events(&target).is_empty());
    // Without --strict the good file is merged and the bad one listed with its reason.
    let out = merge(&target, &[&a, &bad]);
    assert_eq!(events(&target).len(), 1);
    assert!(
        out.lines()
            .any(|l| l.contains("zz-bad.db") && l.contains("pas d'en-tête SQLite")),
        "{out}"
    );
}

#[test]
fn merge_warns_about_a_database_copied_with_its_wal() {
    let dir = tempfile::tempdir().unwrap();
    let a = observer(dir.path(), "marie", &[("1", "bureau", "present")]);
    std::fs::write(format!("{}-wal", a.display()), b"").unwrap();
    let target = national(dir.path(), "nat.db");
    let out = merge(&target, &[&a]);
    assert!(
        out.contains("-wal est à côté du fichier : il a été copié en cours d'utilisation"),
        "{out}"
    );
    // A warning, not a refusal: the file's tick is merged.
    assert_eq!(events(&target).len(), 1);
    let english = stdout(&run(
        constat(&target)
            .args(["--lang", "en", "merge", "--into"])
            .arg(&target)
            .arg(&a),
        0,
    ));
    assert!(english.contains("-wal is beside the file"), "{english}");
}

#[test]
fn export_refuses_to_overwrite_the_database_and_writes_devices_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    tick(&db, "1", "bureau", "present", &[]);
    let before = std::fs::read(&db).unwrap();
    let out = run(constat(&db).args(["export", "db", "-o"]).arg(&db), 1);
    assert!(
        stderr(&out).contains("est la base de données en cours d'utilisation"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read(&db).unwrap(),
        before,
        "the database was overwritten"
    );
    assert_eq!(events(&db).len(), 1);
    run(constat(&db).args(["report", "-o", "/dev/null"]), 0);
    run(constat(&db).args(["export", "csv", "-o", "/dev/null"]), 0);
    let meta = std::fs::metadata("/dev/null").unwrap();
    assert!(!meta.is_file(), "/dev/null was replaced by a file");
}

/// Appends to the database `db` (raw SQLite, as a forger with the public format would) a tick of
/// its observer after their last event, hashed as docs/formats.md says, without a signature.
pub fn forge_append(db: &Path) {
    let events = constat::storage::Store::open(db)
        .unwrap()
        .events_with_hashes()
        .unwrap();
    let (last, hash) = events.last().unwrap();
    let forged = constat::domain::Event {
        id: constat::domain::EventId(uuid::Uuid::from_u128(0xF0F0)),
        observer: last.observer,
        seq: last.seq + 1,
        recorded_at: last.recorded_at,
        seen_at: None,
        body: constat::domain::EventBody::Tick {
            circonscription: constat::domain::CirconscriptionCode::parse("7501").unwrap(),
            bureau: None,
            panel: constat::domain::Panel::new(1).unwrap(),
            item: constat::domain::Item::Foi,
            mark: constat::domain::Mark::Present,
            note: Some("erreur de ma part".into()),
            envelope: None,
        },
    };
    let new_hash = constat::domain::chain::link(hash, &forged);
    let conn =
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE)
            .unwrap();
    conn.execute(
        "INSERT INTO event (id, observer, seq, recorded_at, kind, circonscription, panel, item,
                            value, note, hash)
         VALUES (?1, ?2, ?3, ?4, 'tick', '7501', 1, 'foi', 'present', 'erreur de ma part', ?5)",
        rusqlite::params![
            forged.id.to_string(),
            forged.observer.to_string(),
            forged.seq as i64,
            forged
                .recorded_at
                .to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
            hex::encode(new_hash)
        ],
    )
    .unwrap();
}

#[test]
fn an_event_appended_to_someone_elses_chain_without_signature_is_refused_whatever_the_order() {
    let dir = tempfile::tempdir().unwrap();
    let a = observer(dir.path(), "marie", &[("1", "bureau", "absent")]);
    let forged = dir.path().join("aa-forged.db");
    std::fs::copy(&a, &forged).unwrap();
    forge_append(&forged);
    let target = national(dir.path(), "nat.db");
    // The forged copy comes first (name order): refused; the genuine file merges after it.
    let out = merge(&target, &[&forged, &a]);
    let evs = events(&target);
    assert_eq!(evs.len(), 1, "{out}");
    assert!(evs.iter().all(|e| e.id.0 != uuid::Uuid::from_u128(0xF0F0)));
    assert!(
        out.lines().any(|l| l.contains("aa-forged.db")
            && l.contains("ne sont couvertes par aucune signature valide")),
        "{out}"
    );
    // And after it too.
    let out = merge(&target, &[&forged]);
    assert_eq!(events(&target).len(), 1, "{out}");
}

#[test]
fn a_signed_events_csv_carries_its_signatures_and_merges() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("marie");
    std::fs::create_dir_all(&sub).unwrap();
    let db = sub.join("obs.db");
    run(
        constat(&db).args(["init", "--sample", "paris-1-2017", "--observer", "Marie"]),
        0,
    );
    tick(&db, "1", "bureau", "present", &[]);
    tick(&db, "2", "foi", "absent", &[]);
    let csv_path = dir.path().join("marie.csv");
    run(constat(&db).args(["export", "csv", "-o"]).arg(&csv_path), 0);
    let text = std::fs::read_to_string(&csv_path).unwrap();
    let header = text.lines().next().unwrap();
    assert!(
        header.ends_with(",signature,public_key,reference_digest,observer_statement"),
        "{header}"
    );
    assert!(
        text.lines()
            .skip(1)
            .all(|l| l.split(',').nth(23).is_some_and(|s| s.len() == 128)),
        "{text}"
    );
    // A coordinator's file of the same sample (a CSV carries no candidate list).
    let target = dir.path().join("coord.db");
    run(
        constat(&target).args(["init", "--sample", "paris-1-2017", "--observer", "Coord"]),
        0,
    );
    let out = merge(&target, &[&csv_path]);
    assert_eq!(events(&target).len(), 2, "{out}");
    let verified = stdout(&run(constat(&target).arg("verify").arg(&target), 0));
    assert!(
        verified.contains("signés jusqu'à la position 2"),
        "{verified}"
    );
    // The same rows with the last row's signature blanked (the file gives its observer's key,
    // and nothing covers that row any more): refused, the target unchanged.
    let db2 = dir.path().join("other.db");
    run(
        constat(&db2).args(["init", "--sample", "paris-1-2017", "--observer", "Coord"]),
        0,
    );
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let last = lines.len() - 1;
    let mut cells: Vec<String> = lines[last].split(',').map(str::to_owned).collect();
    cells[23].clear();
    lines[last] = cells.join(",");
    let stripped = dir.path().join("stripped.csv");
    std::fs::write(&stripped, lines.join("\n") + "\n").unwrap();
    let out = merge(&db2, &[&stripped]);
    assert!(events(&db2).is_empty(), "{out}");
    assert!(out.contains("stripped.csv"), "{out}");
}

#[test]
fn without_its_key_file_an_observer_s_database_refuses_to_record_and_says_where_to_put_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    tick(&db, "1", "bureau", "present", &[]);
    let keys = crate::util::key_dir(&db);
    let moved = dir.path().join("saved-keys");
    std::fs::rename(&keys, &moved).unwrap();
    let out = crate::util::tick_expecting(&db, "2", "bureau", "present", &[], 1);
    assert!(
        stderr(&out).contains(&keys.display().to_string()),
        "{}",
        stderr(&out)
    );
    assert_eq!(events(&db).len(), 1);
    std::fs::rename(&moved, &keys).unwrap();
    tick(&db, "2", "bureau", "present", &[]);
    assert_eq!(events(&db).len(), 2);
}
