//! `constat import` end to end on excerpts of the real official files: what it prints, what a
//! re-import shows, and every refusal (file, line, column, value, hint) leaving the database as it
//! was.

use std::path::{Path, PathBuf};

use crate::util::{constat, english_in, run, stderr, stdout};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/official")
        .join(name)
}

fn election(dir: &Path, election: &str) -> PathBuf {
    let db = dir.join("nat.db");
    run(
        constat(&db).args(["init", "--election", election, "--observer", "Coord"]),
        0,
    );
    db
}

fn import(db: &Path, what: &str, file: &Path, code: i32) -> (String, String) {
    let out = run(constat(db).args(["import", what]).arg(file), code);
    (stdout(&out), stderr(&out))
}

/// The database's candidates and bureaux as the report and the picker see them.
fn content(db: &Path) -> String {
    let conn =
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    let mut out = String::new();
    for sql in [
        "SELECT circonscription || ' ' || panel || ' ' || surname || ' ' || given_name || ' ' || withdrawn FROM candidate ORDER BY 1",
        "SELECT code || ' ' || IFNULL(circonscription, '-') || ' ' || address FROM bureau ORDER BY 1",
        "SELECT code || ' ' || label FROM circonscription ORDER BY 1",
    ] {
        let mut stmt = conn.prepare(sql).unwrap();
        for row in stmt.query_map([], |r| r.get::<_, String>(0)).unwrap() {
            out.push_str(&row.unwrap());
            out.push('\n');
        }
    }
    out
}

#[test]
fn the_2024_list_imports_and_a_second_import_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = election(dir.path(), "legislatives-2024");
    let file = fixture("candidatures-2024-t2-extrait.csv");
    let (out, _) = import(&db, "candidates", &file, 0);
    assert!(out.contains("encodage UTF-8, séparateur « ; »"), "{out}");
    assert!(out.contains("12 candidats dans"), "{out}");
    let before = content(&db);
    assert!(before.contains("0101 2 MAÎTRE Christophe 0"), "{before}");
    let (out, _) = import(&db, "candidates", &file, 0);
    assert!(out.contains("Rien n'a changé"), "{out}");
    assert_eq!(content(&db), before);
}

#[test]
fn a_renamed_or_withdrawn_candidate_is_shown_not_silently_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let db = election(dir.path(), "legislatives-2024");
    let file = fixture("candidatures-2024-t2-extrait.csv");
    import(&db, "candidates", &file, 0);
    let text = std::fs::read_to_string(&file).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    let renamed = lines[1].replace("MAÎTRE", "MAISTRE");
    lines[1] = &renamed;
    lines.remove(2); // BRETON Xavier is no longer listed
    let newer = dir.path().join("newer.csv");
    std::fs::write(&newer, lines.join("\r\n") + "\r\n").unwrap();
    let (out, _) = import(&db, "candidates", &newer, 0);
    assert!(
        out.contains("modifié : 0101 n° 2 : MAÎTRE Christophe M (RN) → MAISTRE Christophe M (RN)"),
        "{out}"
    );
    assert!(
        out.contains("retiré (absent du fichier, conservé comme retiré) : 0101 n° 3 BRETON Xavier"),
        "{out}"
    );
    assert!(
        content(&db).contains("0101 3 BRETON Xavier 1"),
        "withdrawn candidates are kept, marked"
    );
}

#[test]
fn every_official_format_is_recognised() {
    let cases: [(&str, &str, &str); 6] = [
        (
            "resultats-2024-t1-une-ligne-par-candidat-extrait.csv",
            "legislatives-2024",
            "CP850",
        ),
        (
            "resultats-2022-t1-cirlg-extrait.csv",
            "legislatives-2022",
            "Windows-1252",
        ),
        (
            "candidats-2022-construit.txt",
            "legislatives-2022",
            "tabulation",
        ),
        (
            "candidats-2024-communautaire-extrait.csv",
            "legislatives-2024",
            "séparateur « , »",
        ),
        ("resultats-2017-mini.xlsx", "legislatives-2017", "xlsx"),
        (
            "tetes-de-liste-construit.csv",
            "europeennes-2024",
            "Windows-1252",
        ),
    ];
    for (file, election_id, expected) in cases {
        let dir = tempfile::tempdir().unwrap();
        let db = election(dir.path(), election_id);
        let (out, err) = import(&db, "candidates", &fixture(file), 0);
        assert!(out.contains(expected), "{file}: {out}{err}");
        assert!(out.contains("candidats dans"), "{file}: {out}");
    }
    // Accents come out right whatever the encoding.
    let dir = tempfile::tempdir().unwrap();
    let db = election(dir.path(), "legislatives-2017");
    import(&db, "candidates", &fixture("resultats-2017-mini.xlsx"), 0);
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
    let (out, _) = import(&db, "bureaux", &fixture("table-bv-reu-construit.csv"), 0);
    assert!(out.contains("sans circonscription connue"), "{out}");
    let (out, _) = import(
        &db,
        "bureaux",
        &fixture("bureaux-circonscriptions-etalab-construit.csv"),
        0,
    );
    assert!(out.contains("complétés ou corrigés"), "{out}");
    let content = content(&db);
    assert!(
        content.contains("75056_0911 7501 11 rue Clauzel"),
        "{content}"
    );
    let (out, _) = import(
        &db,
        "bureaux",
        &fixture("metadata-bureaux-dep75-extrait.csv"),
        0,
    );
    assert!(out.contains("bureaux"), "{out}");
}

#[test]
fn bad_files_are_refused_with_their_place_and_import_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = election(dir.path(), "legislatives-2024");
    import(
        &db,
        "candidates",
        &fixture("candidatures-2024-t2-extrait.csv"),
        0,
    );
    let before = content(&db);
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
    let cases: Vec<(&str, PathBuf, &str, &str)> = vec![
        ("empty file", write("empty.csv", b""), "vide", "empty"),
        (
            "binary file",
            write("photo.csv", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0"),
            "pas un fichier texte : une image PNG",
            "not a text file",
        ),
        (
            "header only",
            write("header.csv", format!("{header}\n").as_bytes()),
            "au moins un candidat après l'en-tête",
            "at least one candidate",
        ),
        (
            "2 GB file",
            sparse,
            "d'au plus 1024.0 Mio",
            "at most 1024.0 MiB",
        ),
        (
            "duplicate candidate",
            write(
                "dup.csv",
                format!("{header}\n{first}\n{first}\n").as_bytes(),
            ),
            "ligne 2",
            "line 2",
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
            "département (01–95, 2A, 2B, 971–988, ZA–ZZ) ; « 96 » n'en est pas un",
            "`96` is none",
        ),
        (
            "a results-by-bureau file",
            write(
                "bureaux.csv",
                std::fs::read(fixture("metadata-bureaux-dep75-extrait.csv"))
                    .unwrap()
                    .as_slice(),
            ),
            "cela ressemble à la table des bureaux",
            "this looks like the bureau table",
        ),
    ];
    for (what, file, fr, en) in cases {
        let (_, err) = import(&db, "candidates", &file, 1);
        assert!(
            err.contains(&file.display().to_string()),
            "{what}: the file is not named: {err}"
        );
        assert!(err.contains(fr), "{what}: expected `{fr}` in: {err}");
        assert!(err.contains("rien n'a été importé"), "{what}: {err}");
        let without_file = err.replace(&file.display().to_string(), "");
        assert_eq!(
            english_in(&without_file),
            Vec::<&str>::new(),
            "{what}: English in the French message: {err}"
        );
        assert_eq!(content(&db), before, "{what}: the database changed");
        let out = run(
            constat(&db)
                .args(["--lang", "en", "import", "candidates"])
                .arg(&file),
            1,
        );
        let err = stderr(&out);
        assert!(err.contains(en), "{what}: expected `{en}` in: {err}");
        assert!(err.contains("nothing was imported"), "{what}: {err}");
    }
    // A missing column names the columns constat knows.
    let no_panel = write(
        "no-panel.csv",
        b"Code circonscription;Nom du candidat\n7501;DUPONT\n",
    );
    let (_, err) = import(&db, "candidates", &no_panel, 1);
    assert!(
        err.contains("attendu : une colonne pour le numéro de panneau, nommée parmi"),
        "{err}"
    );
    assert!(
        err.contains("conseil : les colonnes du fichier sont"),
        "{err}"
    );
    assert_eq!(
        english_in(&err.replace(&no_panel.display().to_string(), "")),
        Vec::<&str>::new(),
        "{err}"
    );
}
