//! `constat coordination --once` (issue 18 point 3): the national view printed by the real binary
//! over a database that observers' files were merged into, then again after one more merge.

use std::path::Path;

use crate::util::{constat, run, stdout};

fn observer(dir: &Path, name: &str) -> std::path::PathBuf {
    let db = dir.join(format!("{name}.db"));
    run(
        constat(&db).args(["init", "--sample", "paris-1-2017", "--observer", name]),
        0,
    );
    db
}

fn absent_at(db: &Path, panel: &str, bureau: &str, seen: &str) {
    run(
        constat(db).args([
            "tick",
            "--circonscription",
            "7501",
            "--candidate",
            panel,
            "--item",
            "bureau",
            "--value",
            "absent",
            "--bureau",
            bureau,
            "--seen-at",
            seen,
        ]),
        0,
    );
}

fn once(db: &Path) -> String {
    stdout(&run(
        constat(db).args(["--lang", "en", "coordination", "--once"]),
        0,
    ))
}

#[test]
fn once_prints_coverage_and_the_newest_absence_first_and_follows_new_merges() {
    let dir = tempfile::tempdir().unwrap();
    let national = observer(dir.path(), "national");
    let a = observer(dir.path(), "alice");
    let b = observer(dir.path(), "bruno");
    absent_at(&a, "3", "75056_0911", "2017-06-11 10:00");
    absent_at(&b, "5", "75056_0912", "2017-06-11 11:30");
    run(
        constat(&national)
            .arg("merge")
            .arg("--into")
            .arg(&national)
            .arg(&a),
        0,
    );
    let before = once(&national);
    assert!(before.contains("75056_0911"), "{before}");
    assert!(!before.contains("75056_0912"), "{before}");
    run(
        constat(&national)
            .arg("merge")
            .arg("--into")
            .arg(&national)
            .arg(&b),
        0,
    );
    let after = once(&national);
    // The newer absence (11 h 30 at 0912) comes before the older one.
    let (newer, older) = (after.find("75056_0912"), after.find("75056_0911"));
    assert!(
        newer.is_some() && older.is_some() && newer < older,
        "{after}"
    );
    // Coverage: one circonscription, two bureaux observed; two absences from the table.
    let dep = after
        .lines()
        .find(|l| l.trim_start().starts_with("75 "))
        .unwrap();
    assert!(dep.contains("1/1") && dep.contains(" 2/"), "{dep}");
    assert!(dep.trim_end().ends_with('2'), "{dep}");
    // The alias, in French.
    let fr = stdout(&run(constat(&national).args(["coord", "--once"]), 0));
    assert!(fr.contains("75056_0912"), "{fr}");
}

#[test]
fn a_missing_database_is_an_error_and_is_not_created() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("none.db");
    let out = constat(&db)
        .args(["coordination", "--once"])
        .output()
        .unwrap();
    assert_ne!(out.status.code(), Some(0));
    assert!(!db.exists());
}
