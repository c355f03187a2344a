//! `constat import` end to end on excerpts of the real official files: what the database holds
//! afterwards (read with the library, and its import log), what a re-import changes, and every
//! refusal leaving the database byte for byte as it was, said with the library's own error (file,
//! line, column, value, hint) in French. Printed lines are compared with the catalogue's text.

use std::path::{Path, PathBuf};

use constat::domain::{Bureau, BureauCode, Candidate, CirconscriptionCode, Referential};
use constat::i18n::{FR, Lang, Localize};
use constat::storage::Store;

use crate::util::{constat, english_in, run, stderr, stdout};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/official")
        .join(name)
}

fn election(dir: &Path, election: &str) -> PathBuf {
    election_round(dir, election, 1)
}

fn election_round(dir: &Path, election: &str, round: u8) -> PathBuf {
    let db = dir.join("nat.db");
    run(
        constat(&db)
            .args([
                "init",
                "--election",
                election,
                "--observer",
                "Coord",
                "--round",
            ])
            .arg(round.to_string()),
        0,
    );
    db
}

fn import(db: &Path, what: &str, file: &Path, code: i32) -> (String, String) {
    let out = run(constat(db).args(["import", what]).arg(file), code);
    (stdout(&out), stderr(&out))
}

/// The candidates, circonscriptions and bureaux the database offers, read with the library as
/// the report and the picker read them (withdrawn candidates are not offered).
fn referential(db: &Path) -> Referential {
    Store::open(db)
        .expect("open the database")
        .election_data()
        .expect("read its reference data")
        .referential
}

fn candidate(r: &Referential, circ: &str, panel: u16) -> Option<Candidate> {
    r.candidates_of(&CirconscriptionCode::parse(circ).unwrap())
        .iter()
        .find(|c| c.panel.get() == panel)
        .cloned()
}

fn candidate_count(r: &Referential) -> usize {
    r.candidates.values().map(Vec::len).sum()
}

fn bureau<'a>(r: &'a Referential, code: &str) -> Option<&'a Bureau> {
    r.bureaux.get(&BureauCode::parse(code).unwrap())
}

/// What the database recorded of an import (its `import_log`, which the library does not read
/// back): format, encoding, rows, added, changed, withdrawn.
#[derive(Debug, PartialEq, Eq)]
struct Logged {
    kind: String,
    format: String,
    encoding: String,
    rows: i64,
    added: i64,
    changed: i64,
    withdrawn: i64,
}

fn imports(db: &Path) -> Vec<Logged> {
    let conn = read_only(db);
    let mut stmt = conn
        .prepare(
            "SELECT kind, format, encoding, rows, added, changed, withdrawn FROM import_log ORDER BY id",
        )
        .unwrap();
    stmt.query_map([], |r| {
        Ok(Logged {
            kind: r.get(0)?,
            format: r.get(1)?,
            encoding: r.get(2)?,
            rows: r.get(3)?,
            added: r.get(4)?,
            changed: r.get(5)?,
            withdrawn: r.get(6)?,
        })
    })
    .unwrap()
    .map(Result::unwrap)
    .collect()
}

fn last_import(db: &Path) -> Logged {
    imports(db).pop().expect("an import was recorded")
}

/// Whether the database still holds a candidate, marked withdrawn or not (the library offers
/// the candidates not withdrawn only).
fn withdrawn_flag(db: &Path, circ: &str, panel: u16) -> Option<bool> {
    read_only(db)
        .query_row(
            "SELECT withdrawn FROM candidate WHERE circonscription = ?1 AND panel = ?2",
            rusqlite::params![circ, panel],
            |r| r.get(0),
        )
        .ok()
}

fn read_only(db: &Path) -> rusqlite::Connection {
    rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap()
}

/// The line saying what the file was recognised as, in French, as the catalogue words it.
fn recognised(file: &Path, logged: &Logged, separator: Option<char>) -> String {
    let format = constat::import::FileFormat::from_code(&logged.format)
        .unwrap_or_else(|| panic!("an unknown format in the import log: {}", logged.format));
    (FR.import_recognised)(
        &file.display().to_string(),
        &format.text(Lang::Fr),
        &logged.encoding,
        separator,
    )
}

#[test]
fn the_2024_list_imports_and_a_second_import_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = election_round(dir.path(), "legislatives-2024", 2);
    let file = fixture("candidatures-2024-t2-extrait.csv");
    let (out, _) = import(&db, "candidates", &file, 0);
    let logged = last_import(&db);
    assert_eq!(
        (logged.kind.as_str(), logged.encoding.as_str()),
        ("candidates", "UTF-8")
    );
    assert_eq!(
        (logged.rows, logged.added, logged.changed, logged.withdrawn),
        (12, 12, 0, 0)
    );
    assert!(
        out.contains(&recognised(&file, &logged, Some(';'))),
        "{out}"
    );
    let before = referential(&db);
    assert_eq!(candidate_count(&before), 12);
    let maitre = candidate(&before, "0101", 2).expect("0101 n° 2");
    assert_eq!(
        (maitre.surname.as_str(), maitre.given_name.as_str()),
        ("MAÎTRE", "Christophe")
    );
    assert_eq!(withdrawn_flag(&db, "0101", 2), Some(false));
    // Again: nothing added, changed or withdrawn, and the command says so.
    let (out, _) = import(&db, "candidates", &file, 0);
    let again = last_import(&db);
    assert_eq!(
        (again.rows, again.added, again.changed, again.withdrawn),
        (12, 0, 0, 0)
    );
    assert!(out.contains(FR.import_nothing_changed), "{out}");
    assert_eq!(referential(&db), before);
}

#[test]
fn a_renamed_or_withdrawn_candidate_is_shown_not_silently_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let db = election_round(dir.path(), "legislatives-2024", 2);
    let file = fixture("candidatures-2024-t2-extrait.csv");
    import(&db, "candidates", &file, 0);
    let before = referential(&db);
    let text = std::fs::read_to_string(&file).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    let renamed = lines[1].replace("MAÎTRE", "MAISTRE");
    lines[1] = &renamed;
    lines.remove(2); // BRETON Xavier is no longer listed
    let newer = dir.path().join("newer.csv");
    std::fs::write(&newer, lines.join("\r\n") + "\r\n").unwrap();
    let (out, _) = import(&db, "candidates", &newer, 0);
    let logged = last_import(&db);
    assert_eq!(
        (logged.rows, logged.added, logged.changed, logged.withdrawn),
        (11, 0, 1, 1)
    );
    // The change is applied: the new name is the one offered.
    let after = referential(&db);
    let renamed = candidate(&after, "0101", 2).expect("0101 n° 2");
    assert_eq!(renamed.surname, "MAISTRE");
    assert_eq!(
        (renamed.given_name.as_str(), renamed.nuance.as_str()),
        ("Christophe", "RN")
    );
    // The candidate no longer listed is kept, marked withdrawn, and no longer offered.
    let breton = candidate(&before, "0101", 3).expect("0101 n° 3 before");
    assert_eq!(breton.display_name(), "BRETON Xavier");
    assert_eq!(candidate(&after, "0101", 3), None);
    assert_eq!(
        withdrawn_flag(&db, "0101", 3),
        Some(true),
        "withdrawn candidates are kept, marked"
    );
    assert_eq!(candidate_count(&after), 11);
    // Both are shown, with the names before and after.
    let changed = (FR.import_changed)(
        "0101",
        "2",
        "MAÎTRE Christophe M (RN)",
        "MAISTRE Christophe M (RN)",
    );
    assert!(out.contains(&changed), "{out}");
    let withdrawn = (FR.import_withdrawn)("0101", "3", "BRETON Xavier");
    assert!(out.contains(&withdrawn), "{out}");
    assert!(!out.contains(FR.import_nothing_changed), "{out}");
}

/// A list that renames or drops a candidate already observed (ticks are matched by panel
/// number) is refused, the database left as it was, unless `--accept-renames` says the official
/// list really changed (issue 13 point 8: a list of another election that no check recognises).
#[test]
fn renaming_an_observed_candidate_needs_accept_renames() {
    let dir = tempfile::tempdir().unwrap();
    let db = election_round(dir.path(), "legislatives-2024", 2);
    let file = fixture("candidatures-2024-t2-extrait.csv");
    import(&db, "candidates", &file, 0);
    run(
        constat(&db).args([
            "tick",
            "--circonscription",
            "0101",
            "--candidate",
            "2",
            "--item",
            "foi",
            "--value",
            "absent",
        ]),
        0,
    );
    let text = std::fs::read_to_string(&file).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    let renamed = lines[1].replace("MAÎTRE", "MAISTRE");
    lines[1] = &renamed;
    let newer = dir.path().join("newer.csv");
    std::fs::write(&newer, lines.join("\r\n") + "\r\n").unwrap();
    let imports_before = imports(&db).len();
    let (_, err) = import(&db, "candidates", &newer, 1);
    assert!(err.contains("--accept-renames"), "{err}");
    assert!(
        err.contains("MAÎTRE Christophe → MAISTRE Christophe"),
        "{err}"
    );
    let after = referential(&db);
    assert_eq!(candidate(&after, "0101", 2).unwrap().surname, "MAÎTRE");
    assert_eq!(imports(&db).len(), imports_before, "nothing logged");
    // The official list really changed: accepted, and said.
    let out = run(
        constat(&db)
            .args(["import", "candidates", "--accept-renames"])
            .arg(&newer),
        0,
    );
    assert!(stdout(&out).contains("MAISTRE"), "{}", stdout(&out));
    assert_eq!(
        candidate(&referential(&db), "0101", 2).unwrap().surname,
        "MAISTRE"
    );
}

#[test]
fn every_official_format_is_recognised() {
    // The file, its election, the encoding found, the separator found (none for a workbook).
    let cases: [(&str, &str, &str, Option<char>); 6] = [
        (
            "resultats-2024-t1-une-ligne-par-candidat-extrait.csv",
            "legislatives-2024",
            "CP850",
            Some(','),
        ),
        (
            "resultats-2022-t1-cirlg-extrait.csv",
            "legislatives-2022",
            "Windows-1252",
            Some(';'),
        ),
        (
            "candidats-2022-construit.txt",
            "legislatives-2022",
            "Windows-1252",
            Some('\t'),
        ),
        (
            "candidats-2024-communautaire-extrait.csv",
            "legislatives-2024",
            "UTF-8",
            Some(','),
        ),
        (
            "resultats-2017-mini.xlsx",
            "legislatives-2017",
            "xlsx",
            None,
        ),
        (
            "tetes-de-liste-construit.csv",
            "europeennes-2024",
            "Windows-1252",
            Some(';'),
        ),
    ];
    let mut formats = std::collections::BTreeSet::new();
    for (file, election_id, encoding, separator) in cases {
        let dir = tempfile::tempdir().unwrap();
        let db = election(dir.path(), election_id);
        let (out, err) = import(&db, "candidates", &fixture(file), 0);
        let logged = last_import(&db);
        assert_eq!(logged.encoding, encoding, "{file}: {out}{err}");
        assert!(
            logged.rows > 0 && logged.added == logged.rows,
            "{file}: {logged:?}"
        );
        let r = referential(&db);
        assert_eq!(candidate_count(&r) as i64, logged.rows, "{file}");
        assert!(
            r.candidates
                .keys()
                .all(|c| r.circonscriptions.contains_key(c)),
            "{file}: every candidate's circonscription is known"
        );
        assert!(
            out.contains(&recognised(&fixture(file), &logged, separator)),
            "{file}: {out}"
        );
        formats.insert(logged.format);
    }
    assert!(formats.len() >= 4, "told apart: {formats:?}");
    // Accents come out right whatever the encoding.
    let dir = tempfile::tempdir().unwrap();
    let db = election(dir.path(), "legislatives-2017");
    import(&db, "candidates", &fixture("resultats-2017-mini.xlsx"), 0);
    let r = referential(&db);
    let name = |panel| candidate(&r, "7501", panel).map(|c| (c.display_name(), c.nuance));
    assert_eq!(name(12), Some(("VÉRON Pauline".into(), "SOC".into())));
    assert_eq!(
        name(21),
        Some(("LEGARET Jean-François".into(), "LR".into()))
    );
    let report = stdout(&run(
        constat(&db).args(["report", "--circonscription", "7501", "--format", "csv"]),
        0,
    ));
    assert!(report.contains("7501,12,VÉRON Pauline,SOC"), "{report}");
    assert!(
        report.contains("7501,21,LEGARET Jean-François,LR"),
        "{report}"
    );
}

#[test]
fn bureaux_from_insee_then_etalab_are_completed_and_found() {
    let dir = tempfile::tempdir().unwrap();
    let db = election(dir.path(), "legislatives-2017");
    import(&db, "bureaux", &fixture("table-bv-reu-construit.csv"), 0);
    let insee = last_import(&db);
    assert_eq!(insee.kind, "bureaux");
    assert!(insee.added > 0, "{insee:?}");
    let r = referential(&db);
    let clauzel = bureau(&r, "75056_0911").expect("75056_0911 imported");
    assert_eq!(
        clauzel.circonscription, None,
        "INSEE's table gives no circonscription"
    );
    import(
        &db,
        "bureaux",
        &fixture("bureaux-circonscriptions-etalab-construit.csv"),
        0,
    );
    let etalab = last_import(&db);
    assert!(etalab.changed > 0, "completed or corrected: {etalab:?}");
    let r = referential(&db);
    let clauzel = bureau(&r, "75056_0911").unwrap();
    assert_eq!(
        clauzel
            .circonscription
            .as_ref()
            .map(CirconscriptionCode::as_str),
        Some("7501")
    );
    assert!(clauzel.address.starts_with("11 rue Clauzel"), "{clauzel:?}");
    let circ = CirconscriptionCode::parse("7501").unwrap();
    assert!(
        r.bureaux_of(&circ).any(|b| b.code == clauzel.code),
        "found in its circonscription"
    );
    import(
        &db,
        "bureaux",
        &fixture("metadata-bureaux-dep75-extrait.csv"),
        0,
    );
    let metadata = last_import(&db);
    assert_eq!(imports(&db).len(), 3);
    assert!(metadata.rows > 0, "{metadata:?}");
    assert!(
        referential(&db).bureaux.len() >= r.bureaux.len(),
        "an import of bureaux removes none"
    );
}

#[test]
fn bad_files_are_refused_with_their_place_and_import_nothing() {
    use constat::import::{Expected, Field, ImportText};
    let dir = tempfile::tempdir().unwrap();
    let db = election_round(dir.path(), "legislatives-2024", 2);
    import(
        &db,
        "candidates",
        &fixture("candidatures-2024-t2-extrait.csv"),
        0,
    );
    let before = std::fs::read(&db).unwrap();
    let referential_before = referential(&db);
    let good = std::fs::read_to_string(fixture("candidatures-2024-t2-extrait.csv")).unwrap();
    let header = good.lines().next().unwrap().to_owned();
    let first = good.lines().nth(1).unwrap().to_owned();
    let write = |name: &str, bytes: &[u8]| {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    };
    let sparse = dir.path().join("huge.csv");
    std::fs::File::create(&sparse)
        .unwrap()
        .set_len(2 << 30)
        .unwrap();
    // Each file, what was expected instead, the line named (if any), and values the message
    // must show.
    type Case<'a> = (&'a str, PathBuf, ImportText, Option<u64>, Vec<&'a str>);
    let cases: Vec<Case<'_>> = vec![
        (
            "empty file",
            write("empty.csv", b""),
            ImportText::HeaderAndRows,
            None,
            vec![],
        ),
        (
            "binary file",
            write("photo.csv", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0"),
            ImportText::TextOrXlsx,
            None,
            vec!["PNG"],
        ),
        (
            "header only",
            write("header.csv", format!("{header}\n").as_bytes()),
            ImportText::CandidateAfterHeader,
            Some(1),
            vec![],
        ),
        (
            "2 GB file",
            sparse,
            ImportText::FileAtMost {
                mib: "1024.0".into(),
            },
            None,
            vec!["1024.0", "2147483648"],
        ),
        (
            "duplicate candidate",
            write(
                "dup.csv",
                format!("{header}\n{first}\n{first}\n").as_bytes(),
            ),
            ImportText::EachPanelOnce,
            Some(3),
            vec!["Numéro de panneau", "0101 n° 2"],
        ),
        (
            "unknown département",
            write(
                "dep.csv",
                format!(
                    "{header}\n{}\n",
                    first.replacen("1;Ain;101;", "96;Nulle part;9601;", 1)
                )
                .as_bytes(),
            ),
            ImportText::DepartementNotValue { value: "96".into() },
            Some(2),
            vec!["« 96 »"],
        ),
        (
            "a results-by-bureau file",
            write(
                "bureaux.csv",
                std::fs::read(fixture("metadata-bureaux-dep75-extrait.csv"))
                    .unwrap()
                    .as_slice(),
            ),
            ImportText::CandidateListOrResults,
            Some(1),
            vec!["constat import bureaux"],
        ),
    ];
    for (what, file, expected, line, values) in cases {
        // What the library finds wrong with the file: the command must say exactly that.
        let found = constat::import::read_candidates(&file, &mut |_| Ok(())).expect_err(what);
        assert_eq!(found.file, file, "{what}");
        assert_eq!(*found.expected, Expected::Said(expected), "{what}");
        assert_eq!(found.line, line, "{what}: {found}");
        let (_, err) = import(&db, "candidates", &file, 1);
        assert_eq!(
            std::fs::read(&db).unwrap(),
            before,
            "{what}: the database changed"
        );
        assert_eq!(referential(&db), referential_before, "{what}");
        let said = found.text(Lang::Fr);
        assert!(err.contains(&said), "{what}: expected `{said}` in: {err}");
        assert!(
            err.contains(&file.display().to_string()),
            "{what}: the file is not named: {err}"
        );
        if let Some(line) = line {
            assert!(err.contains(&line.to_string()), "{what}: no line: {err}");
        }
        for value in values {
            assert!(err.contains(value), "{what}: `{value}` not shown: {err}");
        }
        let without_file = err.replace(&file.display().to_string(), "");
        assert_eq!(
            english_in(&without_file),
            Vec::<&str>::new(),
            "{what}: English in the French message: {err}"
        );
        let out = run(
            constat(&db)
                .args(["--lang", "en", "import", "candidates"])
                .arg(&file),
            1,
        );
        let err = stderr(&out);
        assert!(
            err.contains(&found.text(Lang::En)),
            "{what}: expected `{found}` in: {err}"
        );
        assert_eq!(
            std::fs::read(&db).unwrap(),
            before,
            "{what}: the database changed"
        );
    }
    assert_eq!(imports(&db).len(), 1, "no refused import is logged");
    // A missing column names the field wanted, the names constat knows and the file's columns.
    let no_panel = write(
        "no-panel.csv",
        b"Code circonscription;Nom du candidat\n7501;DUPONT\n",
    );
    let found = constat::import::read_candidates(&no_panel, &mut |_| Ok(())).unwrap_err();
    assert!(
        matches!(
            &*found.expected,
            Expected::Column {
                what: Field::PanelNumber | Field::CandidatePanelNumber,
                ..
            }
        ),
        "{found:?}"
    );
    assert!(
        matches!(found.hint.as_deref(), Some(ImportText::FileColumns { .. })),
        "{found:?}"
    );
    let (_, err) = import(&db, "candidates", &no_panel, 1);
    assert!(err.contains(&found.text(Lang::Fr)), "{err}");
    for column in [
        "Code circonscription",
        "Nom du candidat",
        "Numéro de panneau",
    ] {
        assert!(err.contains(column), "`{column}` not named: {err}");
    }
    assert_eq!(
        english_in(&err.replace(&no_panel.display().to_string(), "")),
        Vec::<&str>::new(),
        "{err}"
    );
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

/// A candidate list of another election would map ticks by panel number to other candidates:
/// it is refused, and nothing of it is imported (issue 13, point 8).
#[test]
fn a_candidate_list_of_another_election_is_refused_and_nothing_is_imported() {
    let cases = [
        // The 2017 workbook into a 2024 database, a 2024 list into a 2017 one.
        ("resultats-2017-mini.xlsx", "legislatives-2024"),
        ("candidatures-2024-t2-extrait.csv", "legislatives-2017"),
        ("candidatures-2024-t2-extrait.csv", "presidentielle-2027"),
    ];
    for (file, election_id) in cases {
        let dir = tempfile::tempdir().unwrap();
        let db = election(dir.path(), election_id);
        let before = referential(&db);
        let (_, err) = import(&db, "candidates", &fixture(file), 1);
        assert_eq!(
            referential(&db),
            before,
            "{file} into {election_id}: nothing imported"
        );
        assert!(
            imports(&db).is_empty(),
            "{file} into {election_id}: no import logged"
        );
        // The election in words: `Élections législatives 2017`.
        let year = election_id.rsplit_once('-').unwrap().1;
        assert!(
            err.contains(&format!(" {year})")) && !err.contains(election_id),
            "{file}: names the database's election in words: {err}"
        );
    }
    // The same files into their own election import.
    let dir = tempfile::tempdir().unwrap();
    let db = election_round(dir.path(), "legislatives-2024", 2);
    import(
        &db,
        "candidates",
        &fixture("candidatures-2024-t2-extrait.csv"),
        0,
    );
}

/// The candidates and their panel numbers change from one round to the next: a file that says it
/// is of the other round (the 2024 round-2 list by its columns, any file by its name) is refused,
/// and nothing of it is imported (issue 13, point 8).
#[test]
fn a_candidate_file_of_the_other_round_is_refused_and_nothing_is_imported() {
    let dir = tempfile::tempdir().unwrap();
    let t1 = std::fs::read(fixture("resultats-2022-t1-cirlg-extrait.csv")).unwrap();
    let named_t2 = dir.path().join("resultats-2022-t2-cirlg.csv");
    let named_tour_2 = dir.path().join("legislatives-2022-tour-2-resultats.csv");
    let neutral = dir.path().join("resultats-2022-cirlg.csv");
    for p in [&named_t2, &named_tour_2, &neutral] {
        std::fs::write(p, &t1).unwrap();
    }
    let cases: [(&Path, &str, u8, bool); 5] = [
        (
            &fixture("candidatures-2024-t2-extrait.csv"),
            "legislatives-2024",
            1,
            false,
        ),
        (
            &fixture("resultats-2022-t1-cirlg-extrait.csv"),
            "legislatives-2022",
            2,
            false,
        ),
        (&named_t2, "legislatives-2022", 1, false),
        (&named_tour_2, "legislatives-2022", 1, false),
        // A name that says nothing is taken on trust.
        (&neutral, "legislatives-2022", 2, true),
    ];
    for (i, (file, election_id, round, imports_ok)) in cases.into_iter().enumerate() {
        let dir = tempfile::tempdir().unwrap();
        let db = election_round(dir.path(), election_id, round);
        let before = referential(&db);
        let (_, err) = import(&db, "candidates", file, if imports_ok { 0 } else { 1 });
        if imports_ok {
            assert!(!referential(&db).candidates.is_empty(), "case {i}");
            continue;
        }
        assert_eq!(referential(&db), before, "case {i}: nothing imported");
        assert!(imports(&db).is_empty(), "case {i}: no import logged");
        let other = if round == 1 { "2e tour" } else { "1er tour" };
        assert!(
            err.contains(other),
            "case {i}: names the file's round: {err}"
        );
    }
}

#[test]
fn a_bureaux_table_may_say_which_bureaux_vote_on_machines() {
    let dir = tempfile::tempdir().unwrap();
    let db = crate::util::init_db(dir.path());
    let file = dir.path().join("bureaux-machines.csv");
    std::fs::write(
        &file,
        "codeDepartement,codeCirconscription,codeCommune,nomCommune,numeroBureauVote,codeBureauVote,machine_a_voter\n\
         75,7501,75056,Paris,0911,75056_0911,non\n\
         75,7501,75056,Paris,0913,75056_0913,oui\n\
         75,7501,75056,Paris,0914,75056_0914,\n",
    )
    .unwrap();
    import(&db, "bureaux", &file, 0);
    let r = referential(&db);
    let machines = |n: &str| r.bureaux[&BureauCode::parse(n).unwrap()].voting_machines;
    assert!(!machines("75056_0911"));
    assert!(machines("75056_0913"));
    assert!(!machines("75056_0914"), "an empty cell says nothing");
    // A value that is neither yes nor no: refused with its line and column, nothing imported.
    std::fs::write(
        &file,
        "codeDepartement,codeCirconscription,codeCommune,nomCommune,numeroBureauVote,codeBureauVote,machine_a_voter\n\
         75,7501,75056,Paris,0914,75056_0914,peut-être\n",
    )
    .unwrap();
    let (_, err) = import(&db, "bureaux", &file, 1);
    assert!(
        err.contains("ligne 2") && err.contains("machine_a_voter"),
        "{err}"
    );
    assert!(!machines("75056_0914"));
}

/// A national list into a database of an election by circonscription, or a list by
/// circonscription into a présidentielle's, is refused and leaves the database as it was
/// (issue 14: ticks by panel number would land on other candidates).
#[test]
fn a_list_of_the_wrong_shape_for_the_election_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    // The Conseil constitutionnel's national list; a list by circonscription (Paris 1re).
    let national = dir.path().join("liste-nationale.csv");
    std::fs::write(
        &national,
        "Ordre;Civilité;Nom;Prénom\n1;Mme;ARTHAUD;Nathalie\n2;M.;ROUSSEL;Fabien\n",
    )
    .unwrap();
    let by_circ = dir.path().join("liste-circonscriptions.csv");
    std::fs::write(
        &by_circ,
        "Code du département;Code de la circonscription;Numéro de panneau;Sexe;Nom;Prénom\n75;01;1;F;DUPONT;Marie\n",
    )
    .unwrap();
    for (sample, file) in [
        ("paris-1-2017", &national),
        ("presidentielle-2022", &by_circ),
    ] {
        let db = dir.path().join(format!("{sample}.db"));
        run(
            constat(&db).args(["init", "--sample", sample, "--observer", "T"]),
            0,
        );
        let before = Store::open(&db).unwrap().election_data().unwrap();
        let out = run(constat(&db).args(["import", "candidates"]).arg(file), 1);
        assert!(
            stderr(&out).contains("rien n'a été importé"),
            "{}",
            stderr(&out)
        );
        let after = Store::open(&db).unwrap().election_data().unwrap();
        assert_eq!(before, after, "{sample}: nothing imported");
    }
    // The right shape for each still imports.
    let db = dir.path().join("presidentielle-2022.db");
    run(
        constat(&db).args(["import", "candidates"]).arg(&national),
        0,
    );
}
