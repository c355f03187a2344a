//! Candidates from a table, whatever its layout: one line per candidate (candidate lists, the
//! 2024 results, lists of list heads) or one line per circonscription with a block of columns per
//! candidate (results 2017 and 2022, see [`super::results_wide`]).
//!
//! Every field is checked: the circonscription is normalised ([`super::departement`]), the panel
//! number must be there (a file without one is refused: constat never invents panel numbers), the
//! sex must read `F` or `M` (or `Mme` / `M.`), the nuance may be empty (stored empty) but must
//! look like a code, names must hold no control character. The same circonscription and panel
//! twice is an error naming both lines.

use rustc_hash::FxHashMap;
use std::path::Path;

use super::aliases::{self, Header};
use super::departement::{self, CircError};
use super::results_wide::{self, Blocks, PersonColumns};
use super::table::{Row, RowSource};
use super::{CandidateRow, Column, Expected, Field, FileFormat, ImportError, ImportText};
use crate::domain::{Candidate, Circonscription, CirconscriptionCode, Panel, Sex};

/// What receives the rows.
pub(crate) type Sink<'s> = dyn FnMut(CandidateRow) -> Result<(), ImportError> + 's;

/// The kind of candidate table recognised from its header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TableKind {
    /// Results with a block of columns per candidate.
    ResultBlocks,
    /// The same, 2022 (its header has `Etat saisie`).
    ResultBlocks2022,
    /// Results with one line per candidate (2024, `NbVoix`).
    ResultLines,
    /// A list of list heads.
    ListHeads,
    /// The 2024 candidate list (`N° dépôt`).
    List2024,
    /// The 2024 round-2 candidate list: the same columns, but its département label is
    /// `Département` where round 1's is `Libellé département` (domain.md, the real files).
    List2024Round2,
    /// The 2022 candidate list (`N° candidat`).
    List2022,
    /// A list with the names of the ministry's XML feeds (`NomPsn`, `CivilitePsn`).
    ListXml,
    /// Another candidate list.
    List,
    /// The présidentielle's national list as the Conseil constitutionnel publishes it: no
    /// circonscription column, the panel order (`Ordre`) and the names (law.md §4.1).
    NationalList,
    /// Results by bureau of a national election whose every line carries the same candidates
    /// (the présidentielle): the national list out of them.
    NationalResultsByBureau,
}

impl TableKind {
    /// What the file is, to tell the user and to check it belongs to the database's election.
    pub(crate) fn format(self, workbook: bool) -> FileFormat {
        match (self, workbook) {
            (Self::ResultBlocks | Self::ResultBlocks2022, true) => FileFormat::Results2017Xlsx,
            (_, true) => FileFormat::ListXlsx,
            (Self::ResultBlocks, false) => FileFormat::ResultBlocks,
            (Self::ResultBlocks2022, false) => FileFormat::ResultBlocks2022,
            (Self::ResultLines, false) => FileFormat::ResultLines2024,
            (Self::ListHeads, false) => FileFormat::ListHeads,
            (Self::List2024, false) => FileFormat::List2024,
            (Self::List2024Round2, false) => FileFormat::List2024Round2,
            (Self::List2022, false) => FileFormat::List2022,
            (Self::ListXml, false) => FileFormat::ListXml,
            (Self::List | Self::NationalList, false) => FileFormat::List,
            (Self::NationalResultsByBureau, false) => FileFormat::ResultBlocks,
        }
    }
}

/// Where the circonscription of a line is read.
#[derive(Debug, Clone, Copy)]
struct CircColumns {
    dep: Option<usize>,
    dep_label: Option<usize>,
    /// `None`: a national list, every candidate in the single national circonscription.
    circ: Option<usize>,
    circ_label: Option<usize>,
}

/// The panel order's names in the Conseil constitutionnel's national list (when the file has no
/// `Numéro de panneau`).
const NATIONAL_ORDER: &[&str] = &[
    "Ordre",
    "Ordre de la liste",
    "Ordre du tirage au sort",
    "Numéro d'ordre",
    "N° d'ordre",
    "Rang",
];

#[derive(Debug, Clone, Copy)]
enum Layout {
    OneLine(PersonColumns),
    Blocks(Blocks),
}

/// Bureau-table columns: a file with them is not a candidate list.
const BUREAU_MARKERS: &[&str] = &[
    "Code du b.vote",
    "Code BV",
    "Code bureau de vote",
    "numeroBureauVote",
    "codeBureauVote",
    "id_brut_miom",
    "id_brut_reu",
    "libelle_reu",
];

/// Reads every candidate of `src`, handing each to `sink`.
pub(crate) fn read_table(
    src: &mut dyn RowSource,
    path: &Path,
    sink: &mut Sink<'_>,
) -> Result<TableKind, ImportError> {
    let header = Header::new(src.header());
    let (layout, circ_cols) = resolve(path, &header)?;
    let kind = kind(&header, &layout, circ_cols);
    let by_bureau = kind == TableKind::NationalResultsByBureau;
    let mut reader = Reader {
        path,
        header: &header,
        seen: FxHashMap::default(),
        count: 0,
        national: FxHashMap::default(),
    };
    let mut row = Row::default();
    while src.next_row(&mut row)? {
        let circ = reader.circonscription(&row, circ_cols)?;
        match layout {
            Layout::OneLine(p) => {
                let candidate = reader.candidate(&row, &circ.code, p, None)?;
                reader.emit(&row, &circ, candidate, p, None, sink)?;
            }
            Layout::Blocks(blocks) => {
                let mut any = false;
                for k in 0..blocks.count(&row) {
                    if blocks.is_empty(&row, k) {
                        continue;
                    }
                    let p = blocks.block(k);
                    let candidate = reader.candidate(&row, &circ.code, p, Some((&blocks, k)))?;
                    // Results by bureau of the présidentielle: every line repeats the national
                    // list; a panel with another name on a later line is no national list.
                    if by_bureau {
                        let name = (candidate.surname.clone(), candidate.given_name.clone());
                        match reader.national.get(&candidate.panel.get()) {
                            Some(first) if *first == name => {
                                any = true;
                                continue;
                            }
                            Some(_) => {
                                return Err(ImportError::at(
                                    path,
                                    row.line(),
                                    ImportText::CandidateListOrResults,
                                )
                                .value(ImportText::ResultsByBureau)
                                .hint(ImportText::LooksLikeResultsByBureau));
                            }
                            None => {
                                reader.national.insert(candidate.panel.get(), name);
                            }
                        }
                    }
                    reader.emit(&row, &circ, candidate, p, Some((&blocks, k)), sink)?;
                    any = true;
                }
                if !any {
                    return Err(
                        ImportError::at(path, row.line(), ImportText::CandidateBlock)
                            .column(header.name(blocks.start))
                            .value(ImportText::Nothing),
                    );
                }
            }
        }
    }
    if reader.count == 0 {
        return Err(
            ImportError::at(path, header.line(), ImportText::CandidateAfterHeader)
                .value(ImportText::HeaderNoRows)
                .hint(ImportText::CutShort),
        );
    }
    Ok(kind)
}

fn kind(header: &Header, layout: &Layout, circ: CircColumns) -> TableKind {
    match layout {
        Layout::Blocks(_) if header.has(BUREAU_MARKERS) => TableKind::NationalResultsByBureau,
        Layout::OneLine(_) if circ.circ.is_none() => TableKind::NationalList,
        Layout::Blocks(_) if header.has(&["Etat saisie"]) => TableKind::ResultBlocks2022,
        Layout::Blocks(_) => TableKind::ResultBlocks,
        Layout::OneLine(_) if header.has(aliases::VOTES) => TableKind::ResultLines,
        Layout::OneLine(_)
            if header.has(aliases::LIST_HEAD_SURNAME) || header.has(aliases::LIST_LABEL) =>
        {
            TableKind::ListHeads
        }
        Layout::OneLine(_)
            if header.has(&["N° dépôt"])
                && header.has(&["Département"])
                && !header.has(&["Libellé département"]) =>
        {
            TableKind::List2024Round2
        }
        Layout::OneLine(_) if header.has(&["N° dépôt"]) => TableKind::List2024,
        Layout::OneLine(_) if header.has(&["N° candidat"]) => TableKind::List2022,
        Layout::OneLine(_) if header.has(&["NomPsn"]) => TableKind::ListXml,
        Layout::OneLine(_) => TableKind::List,
    }
}

/// Finds the columns, or says which one is missing and what the file looks like instead.
fn resolve(path: &Path, header: &Header) -> Result<(Layout, CircColumns), ImportError> {
    // Results by bureau with a block of columns per candidate may be a présidentielle's, whose
    // every line carries the national list: read as such (a panel naming another candidate on a
    // later line refuses the file as results by bureau, see `read_table`).
    let by_bureau_blocks = header.has(BUREAU_MARKERS)
        && header.has(aliases::PANEL)
        && matches!(results_wide::blocks(header), Some(Ok(_)));
    if header.has(BUREAU_MARKERS) && !by_bureau_blocks {
        let e = ImportError::at(path, header.line(), ImportText::CandidateListOrResults);
        return Err(if header.has(aliases::PANEL) {
            e.value(ImportText::ResultsByBureau)
                .hint(ImportText::LooksLikeResultsByBureau)
        } else {
            e.value(ImportText::TableOfBureaux)
                .hint(ImportText::LooksLikeBureauTable)
        });
    }
    // No circonscription nor département column: the national list of the présidentielle, as
    // the Conseil constitutionnel publishes it (name, first name, panel order).
    let national = !header.has(aliases::CIRCONSCRIPTION)
        && !header.has(aliases::DEPARTEMENT_CODE)
        && !header.has(aliases::DEPARTEMENT_CODE_FALLBACK);
    let panel = header
        .find(aliases::PANEL)
        .or_else(|| national.then(|| header.find(NATIONAL_ORDER)).flatten());
    let Some(panel) = panel else {
        let e = header.missing(path, Field::PanelNumber, aliases::PANEL);
        return Err(
            if header.has(aliases::SURNAME) && header.has(aliases::SEX) {
                e.hint(ImportText::NoPanelNumbers {
                    columns: header.listing(),
                })
            } else {
                e
            },
        );
    };
    let (layout, fixed) = match results_wide::blocks(header) {
        Some(Ok(blocks)) => (Layout::Blocks(blocks), 0..blocks.start),
        Some(Err(missing)) => {
            return Err(header.missing(path, missing.what, missing.aliases));
        }
        None => {
            let all = 0..header.len();
            let find = |aliases: &'static [&'static str], what: Field| {
                header
                    .find_in(aliases, all.clone(), &[panel])
                    .ok_or_else(|| header.missing(path, what, aliases))
            };
            let person = PersonColumns {
                panel,
                surname: find(aliases::SURNAME, Field::CandidateSurname)?,
                given: find(aliases::GIVEN_NAME, Field::CandidateGivenName)?,
                sex: find(aliases::SEX, Field::CandidateSex)?,
                nuance: find(aliases::NUANCE, Field::Nuance).ok(),
            };
            (Layout::OneLine(person), all)
        }
    };
    if national || by_bureau_blocks {
        return Ok((
            layout,
            CircColumns {
                dep: None,
                dep_label: None,
                circ: None,
                circ_label: None,
            },
        ));
    }
    let dep = header
        .find_in(aliases::DEPARTEMENT_CODE, fixed.clone(), &[])
        .or_else(|| header.find_in(aliases::DEPARTEMENT_CODE_FALLBACK, fixed.clone(), &[]));
    let taken: Vec<usize> = dep.into_iter().collect();
    let circ = header
        .find_in(aliases::CIRCONSCRIPTION, fixed.clone(), &taken)
        .ok_or_else(|| header.missing(path, Field::Circonscription, aliases::CIRCONSCRIPTION))?;
    let circ_cols = CircColumns {
        dep,
        dep_label: header.find_in(aliases::DEPARTEMENT_LABEL, fixed.clone(), &taken),
        circ: Some(circ),
        circ_label: header.find_in(aliases::CIRCONSCRIPTION_LABEL, fixed, &[circ]),
    };
    Ok((layout, circ_cols))
}

/// A circonscription's label: `Paris, 1ère circonscription`, or with the département code when
/// the file has no département label (`01, 1ère circonscription`).
fn label(dep_label: &str, circ_label: &str, code: &CirconscriptionCode) -> String {
    match (dep_label.is_empty(), circ_label.is_empty()) {
        (false, false) => format!("{dep_label}, {circ_label}"),
        (true, false) => format!("{}, {circ_label}", code.departement()),
        (false, true) => format!("{dep_label}, circonscription {}", code.number()),
        (true, true) => format!("Circonscription {code}"),
    }
}

struct Reader<'a> {
    path: &'a Path,
    header: &'a Header,
    seen: FxHashMap<(CirconscriptionCode, u16), u64>,
    count: u64,
    /// Results by bureau of the présidentielle: each panel's name, from its first line.
    national: FxHashMap<u16, (String, String)>,
}

type Block<'b> = Option<(&'b Blocks, usize)>;

impl Reader<'_> {
    fn column_name(&self, column: usize, block: Block<'_>) -> Column {
        match block {
            Some((blocks, k)) => blocks.column_name(self.header, column, k),
            None => self.header.name(column),
        }
    }

    fn error(
        &self,
        row: &Row,
        column: usize,
        block: Block<'_>,
        expected: impl Into<Expected>,
    ) -> ImportError {
        ImportError::at(self.path, row.line(), expected)
            .column(self.column_name(column, block))
            .value(row.get(column))
    }

    /// A text field, trimmed, without control characters (a sign of a wrong encoding).
    fn text(&self, row: &Row, column: usize, block: Block<'_>) -> Result<String, ImportError> {
        let value = row.get(column);
        if value.chars().any(|c| c.is_control() || c == '\u{FFFD}') {
            return Err(self
                .error(row, column, block, ImportText::TextWithoutControl)
                .value(value.escape_debug().to_string())
                .hint(ImportText::NoNameHolds));
        }
        Ok(value.to_owned())
    }

    fn circonscription(
        &self,
        row: &Row,
        cols: CircColumns,
    ) -> Result<Circonscription, ImportError> {
        let Some(circ_col) = cols.circ else {
            let (code, label) = crate::domain::law::NATIONAL_CIRCONSCRIPTION;
            return CirconscriptionCode::parse(code)
                .map(|code| Circonscription {
                    code,
                    label: label.to_owned(),
                })
                .map_err(|_| ImportError::at(self.path, row.line(), Field::Circonscription));
        };
        let dep = cols.dep.map(|i| row.get(i));
        let raw = row.get(circ_col);
        let code = departement::circonscription(dep, raw).map_err(|e| {
            let bare_number = raw.len() <= 2;
            let blame_dep = matches!(e, CircError::Mismatch { .. })
                || matches!(e, CircError::Departement(_)) && bare_number;
            let column = match cols.dep {
                Some(d) if blame_dep => d,
                _ => circ_col,
            };
            let err = self.error(row, column, None, e.expected());
            match e {
                CircError::NeedsDepartement => err.hint(ImportText::NeedsDepartementColumn {
                    names: aliases::DEPARTEMENT_CODE.join(", "),
                }),
                CircError::Mismatch { .. } => err.hint(ImportText::ColumnSays {
                    column: self.header.name(circ_col),
                    value: raw.to_owned(),
                }),
                _ => err,
            }
        })?;
        let dep_label = match cols.dep_label {
            Some(i) => self.text(row, i, None)?,
            None => String::new(),
        };
        let circ_label = match cols.circ_label {
            Some(i) => self.text(row, i, None)?,
            None => String::new(),
        };
        Ok(Circonscription {
            label: label(&dep_label, &circ_label, &code),
            code,
        })
    }

    fn candidate(
        &self,
        row: &Row,
        circ: &CirconscriptionCode,
        p: PersonColumns,
        block: Block<'_>,
    ) -> Result<Candidate, ImportError> {
        let panel_raw = row.get(p.panel);
        if panel_raw.is_empty() {
            return Err(self
                .error(row, p.panel, block, Field::CandidatePanelNumber)
                .value(ImportText::Nothing)
                .hint(ImportText::NoInventPanel));
        }
        let panel = Panel::parse(panel_raw)
            .map_err(|_| self.error(row, p.panel, block, ImportText::PanelNumber))?;
        let surname = self.text(row, p.surname, block)?;
        if surname.is_empty() {
            return Err(self
                .error(row, p.surname, block, Field::CandidateSurname)
                .value(ImportText::Nothing));
        }
        let given_name = self.text(row, p.given, block)?;
        let sex = Sex::parse(row.get(p.sex))
            .ok_or_else(|| self.error(row, p.sex, block, ImportText::SexFOrM))?;
        let nuance = match p.nuance {
            Some(i) => {
                let n = self.text(row, i, block)?;
                let code_like = n.len() <= 12
                    && n.chars()
                        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'));
                if !code_like {
                    return Err(self.error(row, i, block, ImportText::NuanceCode));
                }
                n
            }
            None => String::new(),
        };
        Ok(Candidate {
            circonscription: circ.clone(),
            panel,
            surname,
            given_name,
            sex,
            nuance,
        })
    }

    fn emit(
        &mut self,
        row: &Row,
        circ: &Circonscription,
        candidate: Candidate,
        p: PersonColumns,
        block: Block<'_>,
        sink: &mut Sink<'_>,
    ) -> Result<(), ImportError> {
        let line = row.line();
        let key = (candidate.circonscription.clone(), candidate.panel.get());
        if let Some(&first) = self.seen.get(&key) {
            return Err(self
                .error(row, p.panel, block, ImportText::EachPanelOnce)
                .value(format!("{} n° {}", circ.code, candidate.panel))
                .hint(ImportText::DuplicateCandidate {
                    at: first.to_string(),
                    panel: candidate.panel.get().to_string(),
                    circ: circ.code.to_string(),
                    first: first.to_string(),
                    line: line.to_string(),
                }));
        }
        self.seen.insert(key, line);
        self.count += 1;
        sink(CandidateRow {
            line,
            circonscription: circ.clone(),
            candidate,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rows given in memory.
    struct Rows(Vec<Row>, usize);

    impl RowSource for Rows {
        fn header(&self) -> &Row {
            &self.0[0]
        }
        fn next_row(&mut self, row: &mut Row) -> Result<bool, ImportError> {
            self.1 += 1;
            match self.0.get(self.1) {
                Some(r) => {
                    *row = r.clone();
                    Ok(true)
                }
                None => Ok(false),
            }
        }
    }

    fn table(lines: &[&str]) -> Rows {
        let rows = lines
            .iter()
            .enumerate()
            .map(|(i, l)| Row::from_fields(i as u64 + 1, &l.split(';').collect::<Vec<_>>()))
            .collect();
        Rows(rows, 0)
    }

    fn read(lines: &[&str]) -> Result<(TableKind, Vec<CandidateRow>), ImportError> {
        let mut out = Vec::new();
        let kind = read_table(&mut table(lines), Path::new("c.csv"), &mut |r| {
            out.push(r);
            Ok(())
        })?;
        Ok((kind, out))
    }

    const LIST_2024: &str = "Code département;Département;Code circonscription;Libellé circonscription;Numéro de panneau;N° dépôt;Sexe du candidat;Nom du candidat;Prénom du candidat;Code nuance";

    #[test]
    fn a_2024_list_line_becomes_a_candidate_in_its_circonscription() {
        let (kind, rows) = read(&[
            LIST_2024,
            "1;Ain;101;1ère circonscription;2;4;M;MAÎTRE;Christophe;RN",
        ])
        .unwrap();
        // This header is the round-2 list's (`Département`); round 1's says `Libellé département`.
        assert_eq!(kind, TableKind::List2024Round2);
        let round_1 = LIST_2024.replace(";Département;", ";Libellé département;");
        let (kind_1, _) = read(&[
            round_1.as_str(),
            "1;Ain;101;1ère circonscription;2;4;M;MAÎTRE;Christophe;RN",
        ])
        .unwrap();
        assert_eq!(kind_1, TableKind::List2024);
        let r = &rows[0];
        assert_eq!(r.line, 2);
        assert_eq!(r.circonscription.code.as_str(), "0101");
        assert_eq!(r.circonscription.label, "Ain, 1ère circonscription");
        assert_eq!(
            (
                r.candidate.panel.get(),
                r.candidate.display_name(),
                r.candidate.sex,
                r.candidate.nuance.as_str()
            ),
            (2, "MAÎTRE Christophe".to_owned(), Sex::M, "RN")
        );
    }

    #[test]
    fn list_heads_are_read_as_candidates() {
        let (kind, rows) = read(&[
            "Code circonscription;N° Panneau;Nuance liste;Libellé abrégé liste;Nom tête de liste;Prénom tête de liste;Sexe",
            "7501;3;LDVC;Paris Ensemble;DUPONT;Marie;F",
        ])
        .unwrap();
        assert_eq!(kind, TableKind::ListHeads);
        assert_eq!(rows[0].candidate.display_name(), "DUPONT Marie");
        assert_eq!(rows[0].candidate.nuance, "LDVC");
        assert_eq!(rows[0].circonscription.label, "Circonscription 7501");
    }

    #[test]
    fn an_empty_nuance_is_stored_empty_and_civility_gives_the_sex() {
        let (_, rows) = read(&[
            "CodCirElec;NumPanneauCand;NomPsn;PrenomPsn;CivilitePsn;CodNuaCand",
            "ZZ01;1;DURAND;Maëva;Mme;",
        ])
        .unwrap();
        assert_eq!(
            (rows[0].candidate.sex, rows[0].candidate.nuance.as_str()),
            (Sex::F, "")
        );
    }

    #[test]
    fn header_only_is_refused() {
        let e = read(&[LIST_2024]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "c.csv:1: found `a header and no rows`, expected at least one candidate after the header (hint: the file is probably cut short: download it again)"
        );
    }

    #[test]
    fn a_duplicate_names_both_lines() {
        let e = read(&[
            LIST_2024,
            "75;Paris;7501;1ère;3;1;M;MAILLARD;Sylvain;REM",
            "75;Paris;7502;2ème;3;1;F;X;Y;SOC",
            "75;Paris;7501;1ère;3;2;F;VÉRON;Pauline;SOC",
        ])
        .unwrap_err();
        assert_eq!(e.line, Some(4));
        assert_eq!(e.column_en().as_deref(), Some("Numéro de panneau"));
        let msg = e.to_string();
        assert!(msg.contains("found `7501 n° 3`"), "{msg}");
        assert!(msg.contains("lines 2 and 4"), "{msg}");
    }

    #[test]
    fn an_unknown_departement_is_refused_with_its_column() {
        for (dep, circ, column, value) in [
            ("00", "0001", "Code circonscription", "0001"),
            ("96", "9601", "Code circonscription", "9601"),
        ] {
            let line = format!("{dep};X;{circ};1ère;1;1;M;A;B;DIV");
            let e = read(&[LIST_2024, &line]).unwrap_err();
            assert_eq!(
                (e.line, e.column_en().as_deref(), e.value_en().as_deref()),
                (Some(2), Some(column), Some(value))
            );
            assert!(
                crate::i18n::Localize::text(&*e.expected, crate::i18n::Lang::En)
                    .contains("a département code"),
                "{e}"
            );
        }
        // A bare number with an unknown département: the département column is blamed.
        let e = read(&[
            "Code du département;Code de la circonscription;N° panneau;Sexe;Nom;Prénom",
            "96;1;1;M;A;B",
        ])
        .unwrap_err();
        assert_eq!(
            (e.column_en().as_deref(), e.value_en().as_deref()),
            (Some("Code du département"), Some("96"))
        );
    }

    #[test]
    fn a_bad_panel_number_and_a_bad_sex_are_refused() {
        let e = read(&[LIST_2024, "75;Paris;7501;1ère;0;1;M;A;B;DIV"]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "c.csv:2, column `Numéro de panneau`: found `0`, expected a panel number: a whole number from 1 to 999"
        );
        let e = read(&[LIST_2024, "75;Paris;7501;1ère;1;1;X;A;B;DIV"]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "c.csv:2, column `Sexe du candidat`: found `X`, expected the candidate's sex: `F` or `M` (also `Mme` or `M.`)"
        );
        let e = read(&[LIST_2024, "75;Paris;7501;1ère;;1;M;A;B;DIV"]).unwrap_err();
        assert!(
            e.to_string().contains("does not invent panel numbers"),
            "{e}"
        );
    }

    #[test]
    fn a_file_without_panel_numbers_says_so() {
        let e = read(&["Code du département;Sexe;Nom;Prénom;Voix", "75;M;A;B;3"]).unwrap_err();
        let msg = e.to_string();
        assert!(
            msg.contains("gives no panel numbers, and constat does not invent them"),
            "{msg}"
        );
    }

    #[test]
    fn a_bureau_table_or_results_by_bureau_are_recognised() {
        let e = read(&[
            "codeDepartement;codeCirconscription;codeCommune;numeroBureauVote;codeBureauVote",
            "973;ZC01;97302;0004;97302_0004",
        ])
        .unwrap_err();
        assert!(
            e.to_string()
                .contains("this looks like the bureau table, not the candidate list"),
            "{e}"
        );
        // Results by bureau of the législatives: panel 1 is another candidate in the next
        // circonscription (a présidentielle's would repeat the national list).
        let e = read(&[
            "Code du département;Code de la circonscription;Code de la commune;Code du b.vote;N°Panneau;Sexe;Nom;Prénom;Voix",
            "75;1;056;0101;1;M;A;B;3",
            "75;2;056;0201;1;F;C;D;3",
        ])
        .unwrap_err();
        assert!(
            e.to_string()
                .contains("this looks like the results by bureau"),
            "{e}"
        );
    }

    #[test]
    fn result_blocks_are_read_by_position_and_empty_blocks_skipped() {
        let (kind, rows) = read(&[
            "Code du département;Libellé du département;Code de la circonscription;Libellé de la circonscription;Etat saisie;N°Panneau;Sexe;Nom;Prénom;Nuance;Voix;% Voix/Ins;% Voix/Exp;Sièges",
            "75;Paris;01;1ère circonscription;Complet;3;F;BOULINIER;Laurence;DXG;216;0,26;0,46;;11;M;LUQUET;Thomas;NUP;12780;15,11;27,18;",
            "2A;Corse-du-Sud;1;1ère circonscription;Complet;12;F;LAINEZ;Claire;DXG;79;0,15;0,33;;;;;;;;;;",
        ])
        .unwrap();
        assert_eq!(kind, TableKind::ResultBlocks2022);
        let got: Vec<_> = rows
            .iter()
            .map(|r| {
                (
                    r.line,
                    r.circonscription.code.as_str().to_owned(),
                    r.candidate.panel.get(),
                    r.candidate.display_name(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (2, "7501".to_owned(), 3, "BOULINIER Laurence".to_owned()),
                (2, "7501".to_owned(), 11, "LUQUET Thomas".to_owned()),
                (3, "2A01".to_owned(), 12, "LAINEZ Claire".to_owned()),
            ]
        );
        assert_eq!(rows[0].circonscription.label, "Paris, 1ère circonscription");
    }

    #[test]
    fn a_block_without_panel_number_is_an_error_naming_the_block() {
        let e = read(&[
            "Code du département;Code de la circonscription;N°Panneau;Sexe;Nom;Prénom;Nuance;Voix",
            "75;1;1;M;A;B;DIV;3;;F;C;D;SOC;4",
        ])
        .unwrap_err();
        assert_eq!(
            e.column_en().as_deref(),
            Some("N°Panneau (candidate 2 on the line)")
        );
        assert!(
            e.to_string().contains("does not invent panel numbers"),
            "{e}"
        );
    }

    #[test]
    fn the_sink_s_error_comes_back_unchanged() {
        let mine = ImportError::at(Path::new("elsewhere"), 99, ImportText::DatabaseWrite);
        let copy = mine.clone();
        let e = read_table(
            &mut table(&[LIST_2024, "75;Paris;7501;1ère;1;1;M;A;B;DIV"]),
            Path::new("c.csv"),
            &mut |_| Err(copy.clone()),
        )
        .unwrap_err();
        assert_eq!(e, mine);
    }

    #[test]
    fn control_characters_in_a_name_are_refused() {
        let e = read(&[LIST_2024, "75;Paris;7501;1ère;1;1;M;Ren\u{82};B;DIV"]).unwrap_err();
        assert_eq!(e.column_en().as_deref(), Some("Nom du candidat"));
        assert!(e.to_string().contains("mix encodings"), "{e}");
    }

    #[test]
    fn the_presidentielle_national_list_needs_no_circonscription_column() {
        // The Conseil constitutionnel's list: panel order, civilité, name, first name.
        let (kind, rows) = read(&[
            "Ordre;Civilité;Nom;Prénom",
            "1;Mme;ARTHAUD;Nathalie",
            "3;M.;MACRON;Emmanuel",
            "12;M.;DUPONT-AIGNAN;Nicolas",
        ])
        .unwrap();
        assert_eq!(kind, TableKind::NationalList);
        assert_eq!(kind.format(false), FileFormat::List);
        let got: Vec<(&str, u16, String, Sex)> = rows
            .iter()
            .map(|r| {
                (
                    r.circonscription.code.as_str(),
                    r.candidate.panel.get(),
                    r.candidate.display_name(),
                    r.candidate.sex,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("FR01", 1, "ARTHAUD Nathalie".to_owned(), Sex::F),
                ("FR01", 3, "MACRON Emmanuel".to_owned(), Sex::M),
                ("FR01", 12, "DUPONT-AIGNAN Nicolas".to_owned(), Sex::M),
            ]
        );
        // "Numéro de panneau" is read too; a panel twice is still an error naming both lines.
        let e = read(&[
            "Numéro de panneau;Sexe;Nom;Prénom",
            "5;F;LE PEN;Marine",
            "5;M;ZEMMOUR;Éric",
        ])
        .unwrap_err();
        assert!(e.to_string().contains("FR01"), "{e}");
    }

    #[test]
    fn presidentielle_results_by_bureau_give_the_national_list_once() {
        let header = "Code du département;Libellé du département;Code de la circonscription;Code de la commune;Code du b.vote;Inscrits;N°Panneau;Sexe;Nom;Prénom;Voix;N°Panneau;Sexe;Nom;Prénom;Voix";
        let (kind, rows) = read(&[
            header,
            "75;Paris;01;056;0911;1000;1;F;ARTHAUD;Nathalie;3;2;M;ROUSSEL;Fabien;12",
            "69;Rhône;01;123;0101;900;1;F;ARTHAUD;Nathalie;5;2;M;ROUSSEL;Fabien;20",
        ])
        .unwrap();
        assert_eq!(kind, TableKind::NationalResultsByBureau);
        let got: Vec<(&str, u16)> = rows
            .iter()
            .map(|r| (r.circonscription.code.as_str(), r.candidate.panel.get()))
            .collect();
        assert_eq!(got, [("FR01", 1), ("FR01", 2)]);
    }
}
