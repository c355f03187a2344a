//! Results files with one line per circonscription and one block of columns per candidate
//! (`N°Panneau;Sexe;Nom;Prénom;Nuance;Voix;% Voix/Ins;% Voix/Exp;Sièges`, repeated).
//!
//! The 2017 workbook names every block in its header (27 blocks, empty ones at the end of a
//! line); the 2022 file names only the first and its lines are ragged (100 to 127 fields). Either
//! way the blocks are read by position: the first block's header gives each field's offset and
//! the block's width (up to the next `N°Panneau`, or to the header's end).

use super::aliases::{self, Header};
use super::table::Row;
use super::{Column, Field};

/// Where each field of a candidate is, as columns of the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PersonColumns {
    /// Panel number.
    pub(crate) panel: usize,
    /// Sex or civility.
    pub(crate) sex: usize,
    /// Surname.
    pub(crate) surname: usize,
    /// Given name.
    pub(crate) given: usize,
    /// Nuance, when the file has one.
    pub(crate) nuance: Option<usize>,
}

impl PersonColumns {
    /// The same fields `by` columns further right.
    pub(crate) fn shifted(self, by: usize) -> Self {
        Self {
            panel: self.panel + by,
            sex: self.sex + by,
            surname: self.surname + by,
            given: self.given + by,
            nuance: self.nuance.map(|n| n + by),
        }
    }
}

/// The layout of a results file's candidate blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Blocks {
    /// The first block's columns.
    pub(crate) first: PersonColumns,
    /// The first block's first column.
    pub(crate) start: usize,
    /// Columns per block.
    pub(crate) width: usize,
}

/// What is missing from a header that has candidate blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct MissingField {
    /// What the field is.
    pub(crate) what: Field,
    /// Its names.
    pub(crate) aliases: &'static [&'static str],
}

/// The blocks of `header`, if it is a results header with blocks: the panel column appears more
/// than once, or a `Voix` column follows it.
pub(crate) fn blocks(header: &Header) -> Option<Result<Blocks, MissingField>> {
    let panels = header.find_all(aliases::PANEL);
    let &start = panels.first()?;
    let repeated = panels.len() > 1;
    if !repeated
        && header
            .find_in(&["Voix"], start + 1..header.len(), &[])
            .is_none()
    {
        return None;
    }
    let width = match panels.get(1) {
        Some(&next) => next - start,
        None => header.len() - start,
    };
    let range = start..start + width;
    let find = |aliases: &'static [&'static str], what: Field| {
        header
            .find_in(aliases, range.clone(), &[start])
            .ok_or(MissingField { what, aliases })
    };
    Some((|| {
        Ok(Blocks {
            first: PersonColumns {
                panel: start,
                sex: find(aliases::SEX, Field::Sex)?,
                surname: find(aliases::SURNAME, Field::Surname)?,
                given: find(aliases::GIVEN_NAME, Field::GivenName)?,
                nuance: find(aliases::NUANCE, Field::Nuance).ok(),
            },
            start,
            width,
        })
    })())
}

impl Blocks {
    /// How many blocks `row` has room for (the last one possibly cut short).
    pub(crate) fn count(&self, row: &Row) -> usize {
        row.len().saturating_sub(self.start).div_ceil(self.width)
    }

    /// The columns of block `k` (from 0).
    pub(crate) fn block(&self, k: usize) -> PersonColumns {
        self.first.shifted(k * self.width)
    }

    /// Whether block `k` of `row` is empty (no candidate: the line has fewer than the most).
    pub(crate) fn is_empty(&self, row: &Row, k: usize) -> bool {
        let from = self.start + k * self.width;
        (from..from + self.width).all(|i| row.get(i).is_empty())
    }

    /// The name of a column of block `k`, for messages: `N°Panneau` in the first block,
    /// `N°Panneau (candidate 3 on the line)` after it.
    pub(crate) fn column_name(&self, header: &Header, column: usize, k: usize) -> Column {
        Column {
            candidate: (k > 0).then_some(k + 1),
            ..header.name(self.start + (column - self.start) % self.width)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Localize;

    fn header(names: &[&str]) -> Header {
        Header::new(&Row::from_fields(1, names))
    }

    const BLOCK: [&str; 9] = [
        "N°Panneau",
        "Sexe",
        "Nom",
        "Prénom",
        "Nuance",
        "Voix",
        "% Voix/Ins",
        "% Voix/Exp",
        "Sièges",
    ];

    #[test]
    fn a_header_naming_only_the_first_block_gives_offsets_and_width() {
        let mut names = vec![
            "Code du département",
            "Code de la circonscription",
            "Exprimés",
        ];
        names.extend(BLOCK);
        let b = blocks(&header(&names)).unwrap().unwrap();
        assert_eq!((b.start, b.width), (3, 9));
        assert_eq!(
            b.block(2),
            PersonColumns {
                panel: 21,
                sex: 22,
                surname: 23,
                given: 24,
                nuance: Some(25)
            }
        );
        let row = Row::from_fields(
            2,
            &["75", "1", "9", "1", "M", "A", "B", "X", "1", "", "", ""],
        );
        assert_eq!(b.count(&row), 1);
        let mut names2 = names.clone();
        names2.extend(BLOCK);
        let h2 = header(&names2);
        let b2 = blocks(&h2).unwrap().unwrap();
        assert_eq!((b2.start, b2.width), (3, 9));
        assert_eq!(
            b2.column_name(&h2, 12, 1).text(crate::i18n::Lang::En),
            "N°Panneau (candidate 2 on the line)"
        );
    }

    #[test]
    fn a_one_line_per_candidate_header_has_no_blocks() {
        let h = header(&[
            "CodCirElec",
            "NumPanneauCand",
            "NomPsn",
            "PrenomPsn",
            "CivilitePsn",
            "NbVoix",
        ]);
        assert_eq!(blocks(&h), None);
    }

    #[test]
    fn a_block_without_sex_is_reported() {
        let h = header(&[
            "Code de la circonscription",
            "N°Panneau",
            "Nom",
            "Prénom",
            "Voix",
        ]);
        assert_eq!(blocks(&h).unwrap().unwrap_err().what, Field::Sex);
    }
}
