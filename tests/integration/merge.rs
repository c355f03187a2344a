//! `constat merge` end to end: order does not matter, twice is once, `--strict` is all or nothing,
//! folders are searched, disagreements are kept and listed.

use std::path::{Path, PathBuf};

use crate::util::{constat, init_db, run, stderr, stdout, tick};

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

fn merge(target: &Path, inputs: &[&Path]) -> String {
    let mut cmd = constat(target);
    cmd.args(["merge", "--into"]).arg(target).args(inputs);
    stdout(&run(&mut cmd, 0))
}

/// The target's content as its users see it: the report, the conflicts, and every event.
fn content(db: &Path) -> String {
    let csv = db.with_extension("events.csv");
    run(constat(db).args(["export", "csv", "-o"]).arg(&csv), 0);
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
    let again = merge(&ab, &[&a, &b, &c]);
    assert!(
        again.contains("0 événement nouveau, 5 déjà présents, 0 fichier refusé"),
        "{again}"
    );
    let conflicts = stdout(&run(constat(&ab).args(["report", "--conflicts"]), 0));
    assert!(
        conflicts.contains("1 case sur laquelle les observateurs se contredisent"),
        "only the bureau's table: marie's and lea's envelopes differ, they do not contradict: {conflicts}"
    );
    assert!(
        conflicts.contains("marie : présent") && conflicts.contains("jean : absent"),
        "{conflicts}"
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
    let out = merge(&target, &[&inbox]);
    assert!(out.contains("2 fichiers : 2 événements nouveaux"), "{out}");
    let report = stdout(&run(constat(&target).arg("report"), 0));
    assert!(report.contains("n° 4 DE NAZELLE"), "{report}");
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
    // Without --strict the good file is merged and the bad one listed.
    let out = merge(&target, &[&a, &bad]);
    assert!(
        out.contains("1 événement nouveau") && out.contains("1 fichier refusé"),
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
    let out = run(constat(&db).args(["export", "db", "-o"]).arg(&db), 1);
    assert!(
        stderr(&out).contains("est cette base elle-même"),
        "{}",
        stderr(&out)
    );
    run(constat(&db).args(["report", "-o", "/dev/null"]), 0);
    run(constat(&db).args(["export", "csv", "-o", "/dev/null"]), 0);
    let meta = std::fs::metadata("/dev/null").unwrap();
    assert!(!meta.is_file(), "/dev/null was replaced by a file");
}
