//! Outputs never destroy evidence (issue 15 point 7): every `-o` refuses the database in use
//! (however it is named), any database even with `--force`, and any existing file without it.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::util::{constat, init_db, run, tick};

fn digest(path: &Path) -> Vec<u8> {
    Sha256::digest(std::fs::read(path).unwrap()).to_vec()
}

/// Every command line that writes `-o PATH`, with the flags that come after the path.
fn writers() -> Vec<Vec<&'static str>> {
    let mut all: Vec<Vec<&str>> = ["text", "md", "json", "csv", "html"]
        .into_iter()
        .map(|f| vec!["report", "--format", f, "-o"])
        .collect();
    all.push(vec!["report", "--conflicts", "-o"]);
    all.push(vec!["report", "--conflicts", "--format", "csv", "-o"]);
    all.push(vec!["export", "csv", "-o"]);
    all.push(vec!["export", "db", "-o"]);
    all
}

fn db_with_events(dir: &Path) -> PathBuf {
    let db = init_db(dir);
    tick(&db, "1", "foi", "present", &[]);
    db
}

#[test]
fn no_output_overwrites_the_database_in_use_however_it_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_with_events(dir.path());
    let link = dir.path().join("link.db");
    std::os::unix::fs::symlink(&db, &link).unwrap();
    let hard = dir.path().join("hard-link");
    std::fs::hard_link(&db, &hard).unwrap();
    let before = digest(&db);
    let names = [db.clone(), dir.path().join(".").join("obs.db"), link, hard];
    for args in writers() {
        for name in &names {
            for force in [false, true] {
                let mut cmd = constat(&db);
                cmd.args(&args).arg(name);
                if force {
                    cmd.arg("--force");
                }
                run(&mut cmd, 1);
                assert_eq!(digest(&db), before, "{args:?} {name:?} --force {force}");
            }
        }
    }
    let mut cmd = constat(&db);
    run(cmd.args(["export", "evidence", "-o"]).arg(&db), 1);
    assert_eq!(digest(&db), before);
    run(constat(&db).arg("verify").arg(&db), 0);
}

#[test]
#[allow(clippy::disallowed_methods)] // a plain SQLite file, on purpose not constat's
fn another_database_is_never_overwritten_even_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_with_events(dir.path());
    let other_dir = dir.path().join("other");
    std::fs::create_dir(&other_dir).unwrap();
    let other = init_db(&other_dir);
    let foreign = dir.path().join("foreign.sqlite");
    rusqlite::Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE t (x); PRAGMA journal_mode = DELETE;")
        .unwrap();
    for target in [&other, &foreign] {
        let before = digest(target);
        for args in writers() {
            run(constat(&db).args(&args).arg(target).arg("--force"), 1);
            assert_eq!(&digest(target), &before, "{args:?} {target:?}");
        }
        run(
            constat(&db).args(["export", "evidence", "-o"]).arg(target),
            1,
        );
        assert_eq!(digest(target), before);
    }
}

#[test]
fn an_existing_file_is_replaced_only_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_with_events(dir.path());
    for args in writers() {
        let out = dir.path().join("out.file");
        std::fs::write(&out, "kept").unwrap();
        run(constat(&db).args(&args).arg(&out), 1);
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "kept", "{args:?}");
        run(constat(&db).args(&args).arg(&out).arg("--force"), 0);
        assert_ne!(std::fs::read(&out).unwrap(), b"kept", "{args:?}");
        std::fs::remove_file(&out).unwrap();
        // A new file needs no --force.
        run(constat(&db).args(&args).arg(&out), 0);
        std::fs::remove_file(&out).unwrap();
    }
    // An evidence folder is never written over a file.
    let file = dir.path().join("a-file");
    std::fs::write(&file, "kept").unwrap();
    run(
        constat(&db).args(["export", "evidence", "-o"]).arg(&file),
        1,
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "kept");
}

#[test]
fn a_device_is_still_written() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_with_events(dir.path());
    run(constat(&db).args(["report", "-o", "/dev/null"]), 0);
}

#[test]
fn plain_mode_s_export_is_guarded_too() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_with_events(dir.path());
    let before = digest(&db);
    let out = crate::util::piped(
        &db,
        &["--plain", "ui"],
        &format!("export {}\n", db.display()),
    );
    let said = crate::util::stdout(&out);
    assert!(said.contains("en cours d'utilisation"), "{said}");
    assert_eq!(digest(&db), before);
}
