//! Importing whole files: the excerpts of `tests/fixtures/official/`, files that must be refused,
//! and the real files of `../shared/data/official/` with their counts.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

use super::*;
use crate::domain::Sex;
use crate::i18n::{Lang, Localize};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/official")
        .join(name)
}

fn candidates(path: &Path) -> Result<(FileInfo, Vec<CandidateRow>), ImportError> {
    let mut rows = Vec::new();
    let info = read_candidates(path, &mut |r| {
        rows.push(r);
        Ok(())
    })?;
    Ok((info, rows))
}

fn bureaux(path: &Path) -> Result<(FileInfo, Vec<BureauRow>), ImportError> {
    let mut rows = Vec::new();
    let info = read_bureaux(path, &mut |r| {
        rows.push(r);
        Ok(())
    })?;
    Ok((info, rows))
}

fn circs(rows: &[CandidateRow]) -> BTreeSet<String> {
    rows.iter()
        .map(|r| r.circonscription.code.as_str().to_owned())
        .collect()
}

fn of<'a>(rows: &'a [CandidateRow], circ: &str) -> Vec<&'a CandidateRow> {
    let mut v: Vec<_> = rows
        .iter()
        .filter(|r| r.circonscription.code.as_str() == circ)
        .collect();
    v.sort_by_key(|r| r.candidate.panel);
    v
}

/// Paris, 1st circonscription, législatives 2017 round 1, as in `domain.md`.
const PARIS_1_2017: [(u16, &str, Sex, &str); 22] = [
    (1, "LEVAVASSEUR Éric", Sex::M, "DVD"),
    (2, "QUINTERNET Bérangère", Sex::F, "DIV"),
    (3, "MAILLARD Sylvain", Sex::M, "REM"),
    (4, "DE NAZELLE Louis-Max", Sex::M, "DVD"),
    (5, "DE BAYSER Mathilde", Sex::F, "DIV"),
    (6, "MAZAHERI Micha", Sex::M, "DIV"),
    (7, "MUNIER Pascal", Sex::M, "ECO"),
    (8, "BALADI Vincent", Sex::M, "DVD"),
    (9, "GORDTS Nathalie", Sex::F, "DIV"),
    (10, "LE ROY Ronan", Sex::M, "DIV"),
    (11, "BOULINIER Laurence", Sex::F, "EXG"),
    (12, "VÉRON Pauline", Sex::F, "SOC"),
    (13, "VALLAUD Marc", Sex::M, "ECO"),
    (14, "BAYLE Sylvie", Sex::F, "COM"),
    (15, "BARIGANT Victoria", Sex::F, "ECO"),
    (16, "COEFFIER Guylaine", Sex::F, "FN"),
    (17, "DOR Jacques", Sex::M, "DIV"),
    (18, "DE GENOUILLAC Louis", Sex::M, "DVD"),
    (19, "COMOY Patrick", Sex::M, "FI"),
    (20, "DE CHAVAGNAC Ida", Sex::F, "DVD"),
    (21, "LEGARET Jean-François", Sex::M, "LR"),
    (22, "TAVERNIER Christophe", Sex::M, "DLF"),
];

fn assert_paris_1_2017(rows: &[CandidateRow]) {
    let paris: Vec<_> = of(rows, "7501")
        .iter()
        .map(|r| {
            (
                r.candidate.panel.get(),
                r.candidate.display_name(),
                r.candidate.sex,
                r.candidate.nuance.clone(),
            )
        })
        .collect();
    let expected: Vec<_> = PARIS_1_2017
        .iter()
        .map(|&(p, n, s, nu)| (p, n.to_owned(), s, nu.to_owned()))
        .collect();
    assert_eq!(paris, expected);
    let label = &of(rows, "7501")[0].circonscription.label;
    assert_eq!(label, "Paris, 1ère circonscription");
}

// ---------------------------------------------------------------- excerpts of the real files

#[test]
fn the_2017_workbook_layout_reads_paris_1_exactly() {
    let (info, rows) = candidates(&fixture("resultats-2017-mini.xlsx")).unwrap();
    assert_eq!(
        (info.format, info.encoding, info.separator),
        (FileFormat::Results2017Xlsx, "xlsx", None)
    );
    assert_paris_1_2017(&rows);
    assert_eq!(circs(&rows), BTreeSet::from(["2A01".into(), "7501".into()]));
    assert_eq!(of(&rows, "2A01").len(), 11);
    // Sheet rows: header on row 3, 2A01 on row 4, 7501 on row 5.
    assert_eq!((rows[0].line, of(&rows, "7501")[0].line), (4, 5));
}

#[test]
fn the_2024_round_2_list_is_utf8_semicolons_with_unpadded_codes() {
    let (info, rows) = candidates(&fixture("candidatures-2024-t2-extrait.csv")).unwrap();
    assert_eq!(
        (info.format, info.encoding, info.separator),
        (FileFormat::List2024Round2, "UTF-8", Some(';'))
    );
    assert_eq!(
        circs(&rows),
        ["0101", "2A01", "7501", "97101", "ZX01", "ZZ01"]
            .map(String::from)
            .into()
    );
    let ain = of(&rows, "0101");
    assert_eq!(ain[0].candidate.display_name(), "MAÎTRE Christophe");
    assert_eq!(ain[0].circonscription.label, "Ain, 1ère circonscription");
    assert_eq!(rows[0].line, 2);
}

#[test]
fn the_2024_round_1_results_are_cp850_commas_and_keep_overseas_codes() {
    let (info, rows) = candidates(&fixture(
        "resultats-2024-t1-une-ligne-par-candidat-extrait.csv",
    ))
    .unwrap();
    assert_eq!(
        (info.format, info.encoding, info.separator),
        (FileFormat::ResultLines2024, "CP850", Some(','))
    );
    let first = &of(&rows, "0101")[0].candidate;
    assert_eq!(
        (first.display_name(), first.sex, first.nuance.as_str()),
        ("LAHY Éric".to_owned(), Sex::M, "EXG")
    );
    // `Departement` says `97`, `CodCirElec` says `97101`.
    assert!(!of(&rows, "97101").is_empty());
    assert!(!of(&rows, "98801").is_empty());
    assert!(
        rows.iter()
            .all(|r| !r.candidate.display_name().contains('‚'))
    );
    assert_eq!(
        of(&rows, "7501")[0].circonscription.label,
        "75, 1ère circonscription"
    );
}

#[test]
fn the_2022_results_are_latin1_with_ragged_blocks() {
    let (info, rows) = candidates(&fixture("resultats-2022-t1-cirlg-extrait.csv")).unwrap();
    assert_eq!(
        (info.format, info.encoding, info.separator),
        (FileFormat::ResultBlocks2022, "Windows-1252", Some(';'))
    );
    assert_eq!(
        circs(&rows),
        ["0101", "2A01", "7501", "ZA01", "ZZ01"]
            .map(String::from)
            .into()
    );
    let paris = of(&rows, "7501");
    assert_eq!(paris.len(), 12);
    assert_eq!(paris[0].candidate.display_name(), "DELWASSE Liliane");
    assert_eq!(paris[4].candidate.display_name(), "MAILLARD Sylvain");
    let zz = of(&rows, "ZZ01");
    assert_eq!(zz[4].candidate.display_name(), "RÉMINIAC Yann");
}

#[test]
fn the_community_list_is_utf8_commas() {
    let (info, rows) = candidates(&fixture("candidats-2024-communautaire-extrait.csv")).unwrap();
    assert_eq!(
        (info.format, info.encoding, info.separator),
        (FileFormat::ListXml, "UTF-8", Some(','))
    );
    assert_eq!(
        circs(&rows),
        ["0101", "7501", "97101", "ZZ01"].map(String::from).into()
    );
    assert_eq!(
        of(&rows, "7501")[0].circonscription.label,
        "Paris, 1ère circonscription"
    );
}

#[test]
fn the_2022_list_format_is_tab_separated_latin1() {
    let (info, rows) = candidates(&fixture("candidats-2022-construit.txt")).unwrap();
    assert_eq!(
        (info.format, info.encoding, info.separator),
        (FileFormat::List2022, "Windows-1252", Some('\t'))
    );
    let got: Vec<_> = rows
        .iter()
        .map(|r| {
            (
                r.circonscription.code.as_str().to_owned(),
                r.candidate.panel.get(),
                r.candidate.display_name(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("7501".to_owned(), 5, "MAILLARD Sylvain".to_owned()),
            ("7501".to_owned(), 11, "LUQUET Thomas".to_owned()),
            ("2A01".to_owned(), 6, "SUSINI Angélique".to_owned()),
            ("ZZ01".to_owned(), 5, "RÉMINIAC Yann".to_owned()),
        ]
    );
}

#[test]
fn a_list_of_list_heads_reads_as_candidates() {
    let (info, rows) = candidates(&fixture("tetes-de-liste-construit.csv")).unwrap();
    assert_eq!(
        (info.format, info.encoding),
        (FileFormat::ListHeads, "Windows-1252")
    );
    assert_eq!(rows[1].candidate.display_name(), "CŒURDEROI François");
    assert_eq!(
        (rows[1].candidate.nuance.as_str(), rows[1].candidate.sex),
        ("LDIV", Sex::M)
    );
}

#[test]
fn the_paris_bureaux_of_2017_get_insee_keys_and_circonscriptions() {
    let (info, rows) = bureaux(&fixture("metadata-bureaux-dep75-extrait.csv")).unwrap();
    assert_eq!(
        (info.format, info.encoding, info.separator),
        (FileFormat::BureauxResults2017, "UTF-8", Some(';'))
    );
    let got: Vec<_> = rows
        .iter()
        .map(|r| {
            (
                r.code.as_str(),
                r.circonscription.as_ref().map(CirconscriptionCode::as_str),
                r.commune.as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("75056_0101", Some("7501"), "Paris"),
            ("75056_0901", Some("7501"), "Paris"),
            ("75056_0911", Some("7501"), "Paris"),
        ]
    );
}

#[test]
fn the_reu_table_gives_addresses_and_no_circonscription() {
    let (info, rows) = bureaux(&fixture("table-bv-reu-construit.csv")).unwrap();
    assert_eq!(
        (info.format, info.separator),
        (FileFormat::BureauxReu, Some(','))
    );
    assert_eq!(rows.len(), 5);
    assert_eq!(rows[0].code.as_str(), "75056_0911");
    assert_eq!(rows[0].address, "11 rue Clauzel, 75009 Paris");
    assert_eq!(rows[2].address, "");
    assert_eq!(rows[3].code.as_str(), "2A004_0001");
    assert_eq!(rows[3].label, "Salle des fêtes, mairie");
    assert!(rows.iter().all(|r| r.circonscription.is_none()));
}

#[test]
fn the_etalab_table_gives_circonscriptions() {
    let (info, rows) = bureaux(&fixture("bureaux-circonscriptions-etalab-construit.csv")).unwrap();
    assert_eq!(info.format, FileFormat::BureauxEtalab);
    let got: Vec<_> = rows
        .iter()
        .map(|r| {
            (
                r.code.as_str(),
                r.circonscription.as_ref().map(CirconscriptionCode::as_str),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("75056_0911", Some("7501")),
            ("2A004_0001", Some("2A01")),
            ("97302_0004", Some("ZC01")),
            ("01001_0001", Some("0101")),
        ]
    );
}

// ---------------------------------------------------------------- files that must be refused

fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    fs::write(&path, bytes).unwrap();
    path
}

/// Every part of `e` is in its message, said in its own words, in both languages: the file, the
/// line, the column, the value found, what was expected and the hint. (The parts themselves are
/// checked as values; the catalogue's wording of them is free to change.)
fn says_every_part(e: &ImportError) {
    for lang in [Lang::En, Lang::Fr] {
        let text = e.text(lang);
        let mut parts = vec![e.file.display().to_string(), e.expected.text(lang)];
        parts.extend(e.line.map(|l| l.to_string()));
        parts.extend(e.column.as_ref().map(|c| c.text(lang)));
        parts.extend(e.value.as_ref().map(|v| v.text(lang)));
        parts.extend(e.hint.as_ref().map(|h| h.text(lang)));
        for part in parts {
            assert!(text.contains(&part), "{lang:?}: `{part}` not in: {text}");
        }
    }
}

#[test]
fn an_empty_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "empty.csv", b"");
    let e = candidates(&path).unwrap_err();
    assert_eq!((e.file.as_path(), e.line), (path.as_path(), None));
    assert_eq!(
        e.value.as_deref(),
        Some(&Found::Said(ImportText::EmptyFile))
    );
    assert_eq!(*e.expected, Expected::Said(ImportText::HeaderAndRows));
    assert_eq!(e.hint.as_deref(), Some(&ImportText::DownloadFailed));
    says_every_part(&e);
    assert_eq!(bureaux(&path).unwrap_err(), e);
}

#[test]
fn a_header_only_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        &dir,
        "header.csv",
        "Code département;Département;Code circonscription;Numéro de panneau;Sexe du candidat;Nom du candidat;Prénom du candidat\r\n".as_bytes(),
    );
    let e = candidates(&path).unwrap_err();
    assert_eq!(e.line, Some(1));
    assert_eq!(
        e.value.as_deref(),
        Some(&Found::Said(ImportText::HeaderNoRows))
    );
    assert_eq!(
        *e.expected,
        Expected::Said(ImportText::CandidateAfterHeader)
    );
    assert_eq!(e.hint.as_deref(), Some(&ImportText::CutShort));
    says_every_part(&e);
}

#[test]
fn binary_files_are_not_text_files() {
    let dir = tempfile::tempdir().unwrap();
    let png = write(&dir, "photo.csv", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let e = candidates(&png).unwrap_err();
    assert_eq!(e.value.as_deref(), Some(&Found::NotText(Binary::Png)));
    assert_eq!(*e.expected, Expected::Said(ImportText::TextOrXlsx));
    assert_eq!(e.hint.as_deref(), Some(&ImportText::GiveAsPublished));
    says_every_part(&e);
    let nul = write(&dir, "nul.csv", b"Nom;Pr\0nom\n");
    let e = bureaux(&nul).unwrap_err();
    assert_eq!(
        e.value.as_deref(),
        Some(&Found::NotText(Binary::Byte { byte: 0, offset: 6 }))
    );
    // The byte and where it is are said.
    let said = e.value_en().unwrap();
    assert!(said.contains("0x00") && said.contains('6'), "{said}");
    says_every_part(&e);
}

#[test]
fn a_2_gib_file_is_refused_from_its_size_without_being_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.csv");
    let file = fs::File::create(&path).unwrap();
    file.set_len(2 << 30).unwrap(); // sparse: all NUL bytes, nothing on disk
    let start = Instant::now();
    let e = candidates(&path).unwrap_err();
    assert!(start.elapsed().as_millis() < 500, "{:?}", start.elapsed());
    assert_eq!(
        e.value.as_deref(),
        Some(&Found::Said(ImportText::FileOf {
            mib: "2048.0".into(),
            bytes: "2147483648".into()
        }))
    );
    assert_eq!(
        *e.expected,
        Expected::Said(ImportText::FileAtMost {
            mib: "1024.0".into()
        })
    );
    assert_eq!(e.hint.as_deref(), Some(&ImportText::WellUnder));
    says_every_part(&e);
}

#[test]
fn a_missing_column_lists_the_names_accepted_and_the_file_s_columns() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        &dir,
        "c.csv",
        b"Code circonscription;Numero de panneau;Nom;Genre\n7501;1;A;F\n",
    );
    let e = candidates(&path).unwrap_err();
    assert_eq!(e.line, Some(1));
    assert_eq!(e.column_en().as_deref(), Some("Prénom du candidat"));
    let Expected::Column { what, accepted } = &*e.expected else {
        panic!("{e:?}")
    };
    assert_eq!(*what, Field::CandidateGivenName);
    for name in [
        "Prénom du candidat",
        "Prénom candidat",
        "Prénom",
        "PrenomPsn",
    ] {
        assert!(accepted.contains(&format!("`{name}`")), "{accepted}");
    }
    assert!(
        matches!(e.hint.as_deref(), Some(ImportText::FileColumns { .. })),
        "{e:?}"
    );
    // The hint names the file's own columns, in both languages.
    for lang in [Lang::En, Lang::Fr] {
        let hint = e.hint.as_ref().unwrap().text(lang);
        for column in ["Code circonscription", "Numero de panneau", "Nom", "Genre"] {
            assert!(hint.contains(&format!("`{column}`")), "{hint}");
        }
    }
    says_every_part(&e);
}

#[test]
fn each_file_kind_sends_the_other_kind_to_its_import() {
    let e = candidates(&fixture("table-bv-reu-construit.csv")).unwrap_err();
    assert_eq!(
        e.hint.as_deref(),
        Some(&ImportText::LooksLikeBureauTable),
        "{e}"
    );
    says_every_part(&e);
    let e = candidates(&fixture("metadata-bureaux-dep75-extrait.csv")).unwrap_err();
    assert_eq!(
        e.hint.as_deref(),
        Some(&ImportText::LooksLikeBureauTable),
        "{e}"
    );
    let e = bureaux(&fixture("candidatures-2024-t2-extrait.csv")).unwrap_err();
    assert_eq!(
        e.hint.as_deref(),
        Some(&ImportText::LooksLikeCandidates),
        "{e}"
    );
    says_every_part(&e);
    // Each hint names the command to use instead.
    for (hint, command) in [
        (ImportText::LooksLikeBureauTable, "constat import bureaux"),
        (ImportText::LooksLikeCandidates, "constat import candidates"),
    ] {
        for lang in [Lang::En, Lang::Fr] {
            assert!(hint.text(lang).contains(command), "{lang:?}: {hint:?}");
        }
    }
    let e = bureaux(&fixture("resultats-2017-mini.xlsx")).unwrap_err();
    assert_eq!(
        e.value.as_deref(),
        Some(&Found::Said(ImportText::XlsxWorkbook))
    );
    assert_eq!(*e.expected, Expected::Said(ImportText::CsvFile));
    assert_eq!(
        e.hint.as_deref(),
        Some(&ImportText::BureauTablesAreCsv),
        "{e}"
    );
    says_every_part(&e);
}

#[test]
fn a_byte_order_mark_is_recognised_and_not_part_of_the_first_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        &dir,
        "bom.csv",
        "\u{feff}Code circonscription;Numéro de panneau;Sexe du candidat;Nom du candidat;Prénom du candidat\n7501;1;M;LEVAVASSEUR;Éric\n".as_bytes(),
    );
    let (info, rows) = candidates(&path).unwrap();
    assert_eq!(info.encoding, "UTF-8 (BOM)");
    assert_eq!(rows[0].candidate.display_name(), "LEVAVASSEUR Éric");
}

#[test]
fn accents_after_the_first_64_kib_still_decide_the_encoding() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = b"Code circonscription;Numero de panneau;Sexe;Nom;Prenom\n".to_vec();
    let mut n = 0;
    while bytes.len() < 100_000 {
        n += 1;
        bytes.extend_from_slice(
            format!("75{:02};{};M;NOM;Jean\n", n / 900 + 1, n % 900 + 1).as_bytes(),
        );
    }
    bytes.extend_from_slice(b"7599;1;F;V\xc9RON;Pauline\n");
    let path = write(&dir, "late.csv", &bytes);
    let (info, rows) = candidates(&path).unwrap();
    assert_eq!(info.encoding, "Windows-1252");
    assert_eq!(
        rows.last().unwrap().candidate.display_name(),
        "VÉRON Pauline"
    );
}

#[test]
fn the_sink_s_error_comes_back_unchanged() {
    let mine = ImportError::at(Path::new("db"), 7, super::ImportText::DatabaseWrite)
        .hint(super::ImportText::CutShort);
    let e = read_candidates(&fixture("candidatures-2024-t2-extrait.csv"), &mut |_| {
        Err(mine.clone())
    })
    .unwrap_err();
    assert_eq!(e, mine);
    let e = read_bureaux(&fixture("table-bv-reu-construit.csv"), &mut |_| {
        Err(mine.clone())
    })
    .unwrap_err();
    assert_eq!(e, mine);
}

// ---------------------------------------------------------------- the real files

/// The full official files live beside the project (`../shared/data/official`), not in a
/// user's clone: `cargo test` leaves this test out, said as ignored, and `.ci/run` runs it
/// with `--ignored`, where it fails when the files are missing (a test never skips silently;
/// the excerpts in `tests/fixtures/official` cover every format in `cargo test`).
#[test]
#[ignore = "needs ../shared/data/official (run by .ci/run)"]
fn official_files_import_with_the_right_counts() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/official");
    assert!(
        dir.is_dir(),
        "../shared/data/official not found beside the project: {}",
        dir.display()
    );
    let timed = |name: &str| {
        let start = Instant::now();
        let (info, rows) = candidates(&dir.join(name)).unwrap();
        eprintln!(
            "{name}: {} candidates, {} circonscriptions, {} / {} / {:?}, {:?}",
            rows.len(),
            circs(&rows).len(),
            info.format.code(),
            info.encoding,
            info.separator,
            start.elapsed()
        );
        (info, rows)
    };

    let (info, rows) = timed("Leg_2017_Resultats_T1_c.xlsx");
    assert_eq!(info.format, FileFormat::Results2017Xlsx);
    assert_eq!((circs(&rows).len(), rows.len()), (577, 7877));
    assert_paris_1_2017(&rows);

    let (_, rows) = timed("Leg_2017_Resultats_T1.xlsx");
    assert_eq!((circs(&rows).len(), rows.len()), (577, 7877));
    assert_paris_1_2017(&rows);

    let (info, rows) = timed("resultats-par-niveau-cirlg-t1-france-entiere.csv");
    assert_eq!((info.encoding, info.separator), ("Windows-1252", Some(';')));
    assert_eq!((circs(&rows).len(), rows.len()), (577, 6290));

    let (info, rows) =
        timed("legislatives-2024-candidatures-france-entiere-tour-2-2024-07-03-15h37.csv");
    assert_eq!((info.encoding, info.separator), ("UTF-8", Some(';')));
    // Round 2: 501 circonscriptions still had a vote to hold.
    assert_eq!((circs(&rows).len(), rows.len()), (501, 1094));

    let (info, rows) = timed("lg2024-resultats-circonscriptions-une-ligne-par-candidat2.csv");
    assert_eq!((info.encoding, info.separator), ("CP850", Some(',')));
    assert_eq!((circs(&rows).len(), rows.len()), (577, 4009));

    let (info, rows) = timed("community/candidats-legislatives-2024.csv");
    assert_eq!((info.encoding, info.separator), ("UTF-8", Some(',')));
    assert_eq!((circs(&rows).len(), rows.len()), (577, 4011));

    let start = Instant::now();
    let (info, rows) = bureaux(&dir.join("derived/metadata_bureaux_dep75.csv")).unwrap();
    eprintln!(
        "metadata_bureaux_dep75.csv: {} bureaux, {:?}",
        rows.len(),
        start.elapsed()
    );
    assert_eq!(info.format, FileFormat::BureauxResults2017);
    assert_eq!(rows.len(), 896);
    let paris_1: Vec<_> = rows
        .iter()
        .filter(|r| r.circonscription.as_ref().map(CirconscriptionCode::as_str) == Some("7501"))
        .collect();
    assert_eq!(paris_1.len(), 61);
    assert!(rows.iter().any(|r| r.code.as_str() == "75056_0911"));
}
