//! A table of machine bureaux for `constat machines --from FILE`: a bureau code column and a
//! yes/no column, in any encoding and separator the other tables are read in. A coordinator's
//! spreadsheet, or an official bureau table that carries such a column.
//!
//! | Field | Column names |
//! |---|---|
//! | bureau code, whole (`75056_0911`, `01001_1` re-padded) | `bureau`, `code_bureau`, `bureau_de_vote`, `codeBureauVote`, `id_brut_miom`, `code` |
//! | yes/no | those of the bureaux import: `machines`, `machine_a_voter`, `voting_machines`, … |
//!
//! An empty yes/no cell says nothing (the row is skipped); a bureau twice is an error naming both
//! lines.

use std::path::Path;

use rustc_hash::FxHashMap;

use super::aliases::Header;
use super::table::{Row, RowSource};
use super::{Column, ImportError, ImportText, departement, sniff, table};
use crate::domain::BureauCode;

/// Names of the bureau code column.
const CODE: &[&str] = &[
    "bureau",
    "code_bureau",
    "code bureau",
    "bureau_de_vote",
    "bureau de vote",
    "codeBureauVote",
    "id_brut_miom",
    "code",
];

/// One bureau of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MachinesRow {
    /// Its line, from 1 (the header's included).
    pub line: u64,
    /// The bureau.
    pub code: BureauCode,
    /// Whether it votes on machines.
    pub machines: bool,
    /// The code's column, for an error about the bureau.
    pub column: Column,
}

/// Reads every bureau of the table at `path`, handing each to `sink`.
pub fn read_machines(
    path: &Path,
    sink: &mut dyn FnMut(MachinesRow) -> Result<(), ImportError>,
) -> Result<(), ImportError> {
    match sniff::open(path)? {
        sniff::Opened::Workbook => Err(ImportError::file(path, ImportText::CsvFile)
            .value(ImportText::XlsxWorkbook)
            .hint(ImportText::BureauTablesAreCsv)),
        sniff::Opened::Text(text) => {
            let file = sniff::reopen(path, text)?;
            let mut source = table::CsvSource::new(path, file, text.encoding, text.separator)?;
            read_table(&mut source, path, sink)
        }
    }
}

pub(crate) fn read_table(
    src: &mut dyn RowSource,
    path: &Path,
    sink: &mut dyn FnMut(MachinesRow) -> Result<(), ImportError>,
) -> Result<(), ImportError> {
    let header = Header::new(src.header());
    let (Some(code_col), Some(yes_col)) =
        (header.find(CODE), header.find(super::bureaux::MACHINES))
    else {
        return Err(
            ImportError::at(path, header.line(), ImportText::MachinesTable)
                .value(ImportText::NoneOfTheirColumns)
                .hint(ImportText::FileColumns {
                    columns: header.listing(),
                }),
        );
    };
    let error = |row: &Row, column: usize, expected: ImportText| {
        ImportError::at(path, row.line(), expected)
            .column(header.name(column))
            .value(row.get(column))
    };
    let mut seen: FxHashMap<BureauCode, u64> = FxHashMap::default();
    let mut row = Row::default();
    let mut any = false;
    while src.next_row(&mut row)? {
        if row.is_blank() {
            continue;
        }
        let machines = match row.get(yes_col).to_lowercase().as_str() {
            "" => continue,
            "1" | "oui" | "o" | "yes" | "y" | "true" | "vrai" | "x" => true,
            "0" | "non" | "n" | "no" | "false" | "faux" => false,
            _ => return Err(error(&row, yes_col, ImportText::MachinesYesNo)),
        };
        let code = whole_code(row.get(code_col))
            .ok_or_else(|| error(&row, code_col, ImportText::BureauCodeWhole))?;
        if let Some(first) = seen.insert(code.clone(), row.line()) {
            return Err(error(&row, code_col, ImportText::EachBureauOnce).hint(
                ImportText::DuplicateBureau {
                    first: first.to_string(),
                    code: code.to_string(),
                    line: row.line().to_string(),
                },
            ));
        }
        any = true;
        sink(MachinesRow {
            line: row.line(),
            code,
            machines,
            column: header.name(code_col),
        })?;
    }
    if !any {
        return Err(
            ImportError::at(path, header.line(), ImportText::MachinesAfterHeader)
                .value(ImportText::HeaderNoRows),
        );
    }
    Ok(())
}

/// A code written whole (`75056_0911`; `1001_1` re-padded to `01001_0001`).
fn whole_code(raw: &str) -> Option<BureauCode> {
    let (commune, number) = raw.split_once('_')?;
    let code = format!(
        "{}_{}",
        departement::insee_code(commune)?,
        departement::bureau_number(number)?
    );
    BureauCode::parse(&code).ok()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn codes_are_re_padded_and_junk_refused() {
        assert_eq!(whole_code("75056_0911").unwrap().as_str(), "75056_0911");
        assert_eq!(whole_code("75056_911").unwrap().as_str(), "75056_0911");
        assert!(whole_code("75056").is_none());
        assert!(whole_code("x_y").is_none());
    }
}
