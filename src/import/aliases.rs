//! Header names across years and publishers, mapped to one model.
//!
//! Names are compared after `normalize`: accents, case, spaces and punctuation do not count, so
//! `N°Panneau`, `N° panneau` and `n panneau` are one name. A field takes the first alias, in the
//! order below, that the header has; columns are never shared between two fields.
//!
//! | Field | Accepted header names (in order of preference) |
//! |---|---|
//! | département code | `Code département`, `Code du département`, `CodDpt`, `Code dpt`, `codeDepartement`, then `Département` / `Departement` **only when no other column gives the code** (the 2024 round-2 list uses `Département` for the *label*; the 2024 round-1 results use `Departement` for the code) |
//! | département label | `Libellé département`, `Libellé du département`, `LibDpt`, `Libellé dpt`, `Nom département`, `Département` |
//! | circonscription (full code or number) | `Code circonscription`, `Code de la circonscription`, `CodCirElec`, `Code circonscription législative`, `codeCirconscription`, `N° circonscription`, `Numéro de circonscription`, `Circonscription` |
//! | circonscription label | `Libellé circonscription`, `Libellé de la circonscription`, `LibCirElec`, `Nom circonscription` |
//! | panel number | `Numéro de panneau`, `N° panneau`, `N°Panneau`, `N° de panneau`, `Numéro panneau`, `NumPanneauCand`, `Panneau` |
//! | surname | `Nom du candidat`, `Nom candidat`, `Nom`, `NomPsn`, `Nom tête de liste`, `Nom de la tête de liste`, `Nom du candidat tête de liste` |
//! | given name | `Prénom du candidat`, `Prénom candidat`, `Prénom`, `PrenomPsn`, `Prénom tête de liste`, `Prénom de la tête de liste`, `Prénom du candidat tête de liste` |
//! | sex | `Sexe du candidat`, `Sexe candidat`, `Sexe`, `CivilitePsn` (`M.` / `Mme`), `Civilité`, `Sexe tête de liste`, `Sexe de la tête de liste`, `Civilité tête de liste` |
//! | nuance | `Code nuance`, `Code nuance du candidat`, `Nuance candidat`, `Nuance`, `CodNuaCand`, `Code nuance de la liste`, `Nuance liste`, `Nuance de la liste` |
//! | list label (recognised, not stored) | `Libellé de la liste`, `Libellé abrégé liste`, `Libellé étendu liste`, `Libellé liste`, `Nom de la liste`, `Liste` |
//! | votes (marks a results file) | `Voix`, `NbVoix`, `Nombre de voix` |
//!
//! The columns of the *remplaçant* (`Nom remplaçant`, …) match none of these: exact names only.
//! In results files with one block of columns per candidate (`N°Panneau;Sexe;Nom;Prénom;Nuance;
//! Voix;…`), the block's fields are looked up inside the first block only.
//!
//! Bureau tables have their own names, listed in the `bureaux` module.

use std::path::Path;

use super::table::Row;
use super::{Column, Expected, Field, ImportError, ImportText, Listing};

/// A name as compared: lower case ASCII letters and digits only (`N° panneau` → `npanneau`).
pub(crate) fn normalize(name: &str) -> String {
    let without_degree: String = name.chars().filter(|c| !matches!(c, '°' | 'º')).collect();
    deunicode::deunicode(&without_degree)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Département code.
pub(crate) const DEPARTEMENT_CODE: &[&str] = &[
    "Code département",
    "Code du département",
    "CodDpt",
    "Code dpt",
    "codeDepartement",
];
/// Département code, only when no column of [`DEPARTEMENT_CODE`] exists.
pub(crate) const DEPARTEMENT_CODE_FALLBACK: &[&str] = &["Département"];
/// Département label.
pub(crate) const DEPARTEMENT_LABEL: &[&str] = &[
    "Libellé département",
    "Libellé du département",
    "LibDpt",
    "Libellé dpt",
    "Nom département",
    "Département",
];
/// Circonscription, as a full code or a number within the département.
pub(crate) const CIRCONSCRIPTION: &[&str] = &[
    "Code circonscription",
    "Code de la circonscription",
    "CodCirElec",
    "Code circonscription législative",
    "codeCirconscription",
    "N° circonscription",
    "Numéro de circonscription",
    "Circonscription",
];
/// Circonscription label.
pub(crate) const CIRCONSCRIPTION_LABEL: &[&str] = &[
    "Libellé circonscription",
    "Libellé de la circonscription",
    "LibCirElec",
    "Nom circonscription",
];
/// Panel number.
pub(crate) const PANEL: &[&str] = &[
    "Numéro de panneau",
    "N° panneau",
    "N°Panneau",
    "N° de panneau",
    "Numéro panneau",
    "NumPanneauCand",
    "Panneau",
];
/// Surname (of the candidate or of the list's head).
pub(crate) const SURNAME: &[&str] = &[
    "Nom du candidat",
    "Nom candidat",
    "Nom",
    "NomPsn",
    "Nom tête de liste",
    "Nom de la tête de liste",
    "Nom du candidat tête de liste",
];
/// Given name.
pub(crate) const GIVEN_NAME: &[&str] = &[
    "Prénom du candidat",
    "Prénom candidat",
    "Prénom",
    "PrenomPsn",
    "Prénom tête de liste",
    "Prénom de la tête de liste",
    "Prénom du candidat tête de liste",
];
/// Sex, or civility (`M.` / `Mme`).
pub(crate) const SEX: &[&str] = &[
    "Sexe du candidat",
    "Sexe candidat",
    "Sexe",
    "CivilitePsn",
    "Civilité",
    "Sexe tête de liste",
    "Sexe de la tête de liste",
    "Civilité tête de liste",
];
/// Nuance code.
pub(crate) const NUANCE: &[&str] = &[
    "Code nuance",
    "Code nuance du candidat",
    "Nuance candidat",
    "Nuance",
    "CodNuaCand",
    "Code nuance de la liste",
    "Nuance liste",
    "Nuance de la liste",
];
/// List label: marks a file of list heads.
pub(crate) const LIST_LABEL: &[&str] = &[
    "Libellé de la liste",
    "Libellé abrégé liste",
    "Libellé étendu liste",
    "Libellé liste",
    "Nom de la liste",
    "Liste",
];
/// Votes: mark a results file.
pub(crate) const VOTES: &[&str] = &["Voix", "NbVoix", "Nombre de voix"];
/// Surname aliases that name a list's head.
pub(crate) const LIST_HEAD_SURNAME: &[&str] = &[
    "Nom tête de liste",
    "Nom de la tête de liste",
    "Nom du candidat tête de liste",
];

/// A header line: the names as written and as compared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Header {
    line: u64,
    names: Vec<String>,
    normalized: Vec<String>,
}

impl Header {
    /// The header of a file, from its header row.
    pub(crate) fn new(row: &Row) -> Self {
        let names: Vec<String> = row.fields().map(str::to_owned).collect();
        let normalized = names.iter().map(|n| normalize(n)).collect();
        Self {
            line: row.line(),
            names,
            normalized,
        }
    }

    /// The header's line (from 1).
    pub(crate) fn line(&self) -> u64 {
        self.line
    }

    /// Number of columns.
    pub(crate) fn len(&self) -> usize {
        self.names.len()
    }

    /// The name of column `i` as written (`column 12` past the header's end).
    pub(crate) fn name(&self, i: usize) -> Column {
        Column::new(i, self.names.get(i).map_or("", String::as_str))
    }

    /// The first column, in `range` and not in `taken`, named by the first alias the header has.
    pub(crate) fn find_in(
        &self,
        aliases: &[&str],
        range: std::ops::Range<usize>,
        taken: &[usize],
    ) -> Option<usize> {
        aliases.iter().find_map(|alias| {
            let alias = normalize(alias);
            (range.start..range.end.min(self.len()))
                .find(|&i| self.normalized[i] == alias && !taken.contains(&i))
        })
    }

    /// The first column named by the first alias the header has.
    pub(crate) fn find(&self, aliases: &[&str]) -> Option<usize> {
        self.find_in(aliases, 0..self.len(), &[])
    }

    /// Every column named by one of the aliases.
    pub(crate) fn find_all(&self, aliases: &[&str]) -> Vec<usize> {
        let aliases: Vec<String> = aliases.iter().map(|a| normalize(a)).collect();
        (0..self.len())
            .filter(|&i| aliases.contains(&self.normalized[i]))
            .collect()
    }

    /// Whether the header has a column of one of these names.
    pub(crate) fn has(&self, aliases: &[&str]) -> bool {
        self.find(aliases).is_some()
    }

    /// The header's columns, for a message: `` `A`, `B`, … `` (the first 40).
    pub(crate) fn listing(&self) -> Listing {
        let shown = self
            .names
            .iter()
            .take(40)
            .map(|n| format!("`{n}`"))
            .collect::<Vec<_>>()
            .join(", ");
        Listing {
            shown,
            total: self.names.len(),
            more: self.names.len() > 40,
        }
    }

    /// The error for a required column the header lacks: what it is, the names accepted and the
    /// columns the file has.
    pub(crate) fn missing(&self, path: &Path, what: Field, aliases: &[&str]) -> ImportError {
        let accepted = aliases
            .iter()
            .map(|a| format!("`{a}`"))
            .collect::<Vec<_>>()
            .join(", ");
        ImportError::at(path, self.line, Expected::Column { what, accepted })
            .column(aliases.first().copied().unwrap_or_default())
            .value(ImportText::NoSuchColumn)
            .hint(ImportText::FileColumns {
                columns: self.listing(),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(names: &[&str]) -> Header {
        Header::new(&Row::from_fields(1, names))
    }

    #[test]
    fn names_compare_without_accents_case_spaces_or_degree_signs() {
        assert_eq!(normalize("N°Panneau"), "npanneau");
        assert_eq!(normalize("N° panneau"), "npanneau");
        assert_eq!(normalize("Numéro de panneau"), "numerodepanneau");
        assert_eq!(normalize("Code du b.vote"), "codedubvote");
        assert_eq!(normalize("codeDepartement"), "codedepartement");
        assert_eq!(normalize("Code département"), "codedepartement");
        assert_eq!(normalize(" Prénom tête de liste "), "prenomtetedeliste");
    }

    #[test]
    fn every_year_s_panel_column_is_found() {
        for name in [
            "Numéro de panneau",
            "N° panneau",
            "N°Panneau",
            "NumPanneauCand",
        ] {
            let h = header(&["Code circonscription", name, "Nom"]);
            assert_eq!(h.find(PANEL), Some(1), "{name}");
        }
        assert_eq!(header(&["N° dépôt", "N° candidat"]).find(PANEL), None);
    }

    #[test]
    fn the_first_alias_wins_and_replacement_columns_never_match() {
        let h = header(&["Nom remplaçant", "Nom", "Nom du candidat"]);
        assert_eq!(h.find(SURNAME), Some(2));
        let h = header(&["Sexe remplaçant", "CivilitePsn"]);
        assert_eq!(h.find(SEX), Some(1));
    }

    #[test]
    fn departement_is_the_code_only_without_a_code_column() {
        // 2024 round 2: `Département` is the label.
        let h = header(&["Code département", "Département", "Code circonscription"]);
        assert_eq!(h.find(DEPARTEMENT_CODE), Some(0));
        assert_eq!(h.find_in(DEPARTEMENT_LABEL, 0..h.len(), &[0]), Some(1));
        // 2024 round-1 results: `Departement` is the code, and there is no label.
        let h = header(&["Departement", "CodCirElec"]);
        assert_eq!(h.find(DEPARTEMENT_CODE), None);
        assert_eq!(h.find(DEPARTEMENT_CODE_FALLBACK), Some(0));
        assert_eq!(h.find_in(DEPARTEMENT_LABEL, 0..h.len(), &[0]), None);
    }

    #[test]
    fn list_heads_map_to_the_candidate_fields() {
        let h = header(&[
            "Code circonscription",
            "N° Panneau",
            "Nuance liste",
            "Libellé abrégé liste",
            "Nom tête de liste",
            "Prénom tête de liste",
            "Sexe",
        ]);
        assert_eq!(h.find(PANEL), Some(1));
        assert_eq!(h.find(NUANCE), Some(2));
        assert_eq!(h.find(LIST_LABEL), Some(3));
        assert_eq!(h.find(SURNAME), Some(4));
        assert_eq!(h.find(GIVEN_NAME), Some(5));
        assert_eq!(h.find(SEX), Some(6));
        assert!(h.has(LIST_HEAD_SURNAME));
    }

    #[test]
    fn a_missing_column_lists_the_names_accepted_and_the_file_s_columns() {
        let h = header(&["Nom", "Prénom"]);
        let msg = h
            .missing(Path::new("f.csv"), Field::PanelNumber, PANEL)
            .to_string();
        assert!(msg.contains("`Numéro de panneau`, `N° panneau`"), "{msg}");
        assert!(
            msg.contains("the file's columns are `Nom`, `Prénom`"),
            "{msg}"
        );
        assert!(
            msg.starts_with("f.csv:1, column `Numéro de panneau`"),
            "{msg}"
        );
    }
}
