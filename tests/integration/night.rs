//! The coordinator's election night (issue 18, branch `night`): a database copied by hand is
//! refused as a copy, refused files are kept in the target for the coordination view, the xlsx
//! export, synced folders, and fifty observers end to end.

use std::path::{Path, PathBuf};

use crate::util::{constat, events, run, stdout, tick};

/// A national database of the Paris sample, owned by the coordinator.
fn national(dir: &Path) -> PathBuf {
    let db = dir.join("national.db");
    run(
        constat(&db).args([
            "init",
            "--sample",
            "paris-1-2017",
            "--observer",
            "Coordination",
        ]),
        0,
    );
    db
}

/// `constat merge --into TARGET FILES…` (exit 0: refusals are listed, not fatal).
fn merge(target: &Path, inputs: &[&Path]) -> String {
    stdout(&run(
        constat(target)
            .args(["merge", "--into"])
            .arg(target)
            .args(inputs),
        0,
    ))
}

/// The message ids of the refusals the target keeps (schema 0009, `refused_file`), by file name.
fn refusals(target: &Path) -> Vec<(String, String)> {
    let conn =
        rusqlite::Connection::open_with_flags(target, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    let mut stmt = conn
        .prepare("SELECT name, reason FROM refused_file ORDER BY name")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

/// Marie's database, copied by hand to `copy.db` after one tick; then each copy ticks once
/// more. Returns the two exports (original, copy) in the given `format` (`db` or `csv`).
fn original_and_copy(dir: &Path, format: &str) -> (PathBuf, PathBuf) {
    let marie = dir.join("marie.db");
    run(
        constat(&marie).args(["init", "--sample", "paris-1-2017", "--observer", "Marie"]),
        0,
    );
    tick(&marie, "1", "bureau", "absent", &[]);
    let copy = dir.join("copy.db");
    std::fs::copy(&marie, &copy).unwrap();
    tick(&marie, "2", "bureau", "absent", &[]);
    tick(&copy, "3", "bureau", "absent", &[]);
    tick(&copy, "4", "bureau", "absent", &[]);
    let out = |db: &Path, name: &str| {
        let file = dir.join(format!("{name}.{format}"));
        run(constat(db).args(["export", format, "-o"]).arg(&file), 0);
        file
    };
    (out(&marie, "sent-marie"), out(&copy, "sent-copy"))
}

#[test]
fn a_database_copied_by_hand_is_refused_as_a_copy_whichever_comes_first() {
    for format in ["db", "csv"] {
        for copy_first in [false, true] {
            let dir = tempfile::tempdir().unwrap();
            let (original, copy) = original_and_copy(dir.path(), format);
            let target = national(dir.path());
            let (first, second) = if copy_first {
                (&copy, &original)
            } else {
                (&original, &copy)
            };
            let out = merge(&target, &[first.as_path()]);
            let held = events(&target);
            let out2 = merge(&target, &[second.as_path()]);
            // The second file adds nothing: the target holds the first one's events only.
            assert_eq!(
                events(&target),
                held,
                "{format} {copy_first}: {out}\n{out2}"
            );
            assert_eq!(held.len(), if copy_first { 3 } else { 2 });
            let refused = refusals(&target);
            assert_eq!(
                refused,
                vec![(
                    second.file_name().unwrap().to_string_lossy().into_owned(),
                    "refusal-copied-database".to_owned()
                )],
                "{format} {copy_first}: {out2}"
            );
            // Said in French, with what to do.
            assert!(out2.contains("copie d'une autre base"), "{out2}");
            assert!(out2.contains("init --reference"), "{out2}");
        }
    }
}

#[test]
fn a_forked_chain_without_the_key_is_a_forgery_not_a_copy() {
    let dir = tempfile::tempdir().unwrap();
    let marie = dir.path().join("marie.db");
    run(
        constat(&marie).args(["init", "--sample", "paris-1-2017", "--observer", "Marie"]),
        0,
    );
    tick(&marie, "1", "bureau", "absent", &[]);
    let forged = dir.path().join("forged.db");
    std::fs::copy(&marie, &forged).unwrap();
    tick(&marie, "2", "bureau", "absent", &[]);
    // Position 2 written in the copy by hand, hashed as docs/formats.md says, unsigned.
    crate::merge::forge_append(&forged);
    let target = national(dir.path());
    merge(&target, &[marie.as_path()]);
    let out = merge(&target, &[forged.as_path()]);
    let refused = refusals(&target);
    assert_eq!(refused.len(), 1, "{out}");
    assert_eq!(refused[0].1, "refusal-unsigned", "{out}");
}

#[test]
fn refused_files_are_kept_in_the_target_and_shown_first_by_the_coordination_view() {
    let dir = tempfile::tempdir().unwrap();
    let (original, _) = original_and_copy(dir.path(), "db");
    let target = national(dir.path());
    // A truncated copy of the export: refused.
    let bytes = std::fs::read(&original).unwrap();
    let truncated = dir.path().join("truncated.db");
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();
    merge(&target, &[truncated.as_path(), original.as_path()]);
    let refused = refusals(&target);
    assert_eq!(refused.len(), 1);
    assert_eq!(refused[0].0, "truncated.db");
    let once = stdout(&run(constat(&target).args(["coordination", "--once"]), 0));
    let first = once.lines().position(|l| l.contains("truncated.db"));
    let files = once.lines().position(|l| l.contains("Fichiers reçus"));
    assert!(first.is_some() && first < files, "{once}");
    // The same file merged whole later (its content sent again) clears its refusal.
    std::fs::copy(&original, &truncated).unwrap();
    merge(&target, &[truncated.as_path()]);
    assert!(refusals(&target).is_empty());
}

#[test]
fn export_xlsx_writes_observations_and_findings_as_sheets_with_codes_as_text() {
    use calamine::{Data, Reader, Xlsx};
    let dir = tempfile::tempdir().unwrap();
    let (original, _) = original_and_copy(dir.path(), "db");
    let book = dir.path().join("night.xlsx");
    run(
        constat(&original).args(["export", "xlsx", "-o"]).arg(&book),
        0,
    );
    // The output guard: not replaced without --force.
    assert_ne!(
        constat(&original)
            .args(["export", "xlsx", "-o"])
            .arg(&book)
            .output()
            .unwrap()
            .status
            .code(),
        Some(0)
    );
    let mut xlsx: Xlsx<_> = calamine::open_workbook(&book).unwrap();
    assert_eq!(xlsx.sheet_names(), ["observations", "findings"]);
    let obs = xlsx.worksheet_range("observations").unwrap();
    let rows: Vec<_> = obs.rows().collect();
    assert_eq!(rows.len(), 1 + events(&original).len());
    assert_eq!(rows[0][3], Data::String("place".into()));
    assert!(matches!(rows[1][3], Data::String(_)), "{:?}", rows[1][3]);
    assert!(matches!(rows[1][2], Data::DateTime(_)), "{:?}", rows[1][2]);
    let findings = xlsx.worksheet_range("findings").unwrap();
    assert!(findings.rows().count() > 1);
}
