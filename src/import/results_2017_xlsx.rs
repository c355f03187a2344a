//! The ministry's 2017 results workbook (`Leg_2017_Resultats_T1_c.xlsx`), sheet `Circo. leg. T1`:
//! a title, a blank row, the header on row 3, then one row per circonscription with 27 candidate
//! blocks. Read with `calamine`, which loads the sheet whole: the file is bounded by
//! [`super::MAX_WORKBOOK_BYTES`] instead of being streamed, and what its parts unpack to by
//! [`unpacked::LIMITS`], checked before `calamine` opens it. Cells are turned into text (numbers
//! without a fractional part lose their `.0`: département `1`, panel `3`) and read by the same
//! code as the CSV files.

use std::fmt::Write as _;
use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Range, Reader, Xlsx};

use super::aliases::{self, Header, normalize};
use super::candidates::{self, Sink};
use super::table::{Row, RowSource};
use super::unpacked;
use super::{FileInfo, ImportError, ImportText};

/// Rows searched for the header.
const HEADER_SEARCH_ROWS: usize = 20;

/// Reads the candidates of the workbook at `path`.
pub(crate) fn read(path: &Path, sink: &mut Sink<'_>) -> Result<FileInfo, ImportError> {
    // Read once, bounded in size and unpacked size; calamine reads these same bytes.
    let bytes = unpacked::read(path, super::MAX_WORKBOOK_BYTES, &unpacked::LIMITS)?;
    let opened: Result<Xlsx<_>, calamine::XlsxError> = Xlsx::new(Cursor::new(bytes));
    let mut workbook = opened.map_err(|e| {
        ImportError::file(path, ImportText::ReadableXlsx)
            .value(e.to_string())
            .hint(ImportText::NotAWorkbook)
    })?;
    let names = workbook.sheet_names();
    // The sheet of results by circonscription first, then the others in order.
    let mut order: Vec<&String> = names
        .iter()
        .filter(|n| normalize(n).starts_with("circo"))
        .collect();
    order.extend(names.iter().filter(|n| !normalize(n).starts_with("circo")));
    for name in order {
        // `calamine` overflows on some malformed cell references (found by fuzzing): in a build
        // with overflow checks that is a panic, which becomes this refusal.
        let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            workbook.worksheet_range(name).map_err(|e| e.to_string())
        }))
        .unwrap_or_else(|payload| {
            Err(payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_default())
        });
        let range = read.map_err(|e| {
            ImportError::file(
                path,
                ImportText::ReadableSheet {
                    name: name.to_string(),
                },
            )
            .value(e.to_string())
        })?;
        if let Some(result) = read_sheet(path, &range, sink) {
            let kind = result?;
            return Ok(FileInfo {
                format: kind.format(true),
                encoding: "xlsx",
                separator: None,
            });
        }
    }
    Err(ImportError::file(path, ImportText::SheetWithHeader)
        .value(ImportText::Sheets {
            sheets: names
                .iter()
                .map(|n| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(", "),
        })
        .hint(ImportText::NoCandidatesInWorkbook))
}

/// Reads the candidates of one sheet's cells; `None` when no header is found in its first rows.
pub(crate) fn read_sheet(
    path: &Path,
    range: &Range<Data>,
    sink: &mut Sink<'_>,
) -> Option<Result<candidates::TableKind, ImportError>> {
    let mut source = SheetSource::new(range)?;
    Some(candidates::read_table(&mut source, path, sink))
}

/// Rows of a sheet, converted to text one at a time.
struct SheetSource<'r> {
    rows: std::iter::Enumerate<calamine::Rows<'r, Data>>,
    /// The sheet row (from 0) of the range's first row.
    first_row: u64,
    header: Row,
}

impl<'r> SheetSource<'r> {
    /// Finds the header: the first row naming a circonscription column and a panel column.
    fn new(range: &'r Range<Data>) -> Option<Self> {
        let first_row = range.start().map_or(0, |(r, _)| u64::from(r));
        let mut source = Self {
            rows: range.rows().enumerate(),
            first_row,
            header: Row::default(),
        };
        let mut row = Row::default();
        for _ in 0..HEADER_SEARCH_ROWS {
            if !source.next_any(&mut row) {
                return None;
            }
            let header = Header::new(&row);
            if header.has(aliases::CIRCONSCRIPTION) && header.has(aliases::PANEL) {
                source.header = row;
                return Some(source);
            }
        }
        None
    }

    /// The next row, blank or not.
    fn next_any(&mut self, row: &mut Row) -> bool {
        let Some((i, cells)) = self.rows.next() else {
            return false;
        };
        row.clear(self.first_row + i as u64 + 1);
        for cell in cells {
            row.push_with(|s| cell_text(cell, s));
        }
        true
    }
}

impl RowSource for SheetSource<'_> {
    fn header(&self) -> &Row {
        &self.header
    }

    fn next_row(&mut self, row: &mut Row) -> Result<bool, ImportError> {
        while self.next_any(row) {
            if !row.is_blank() {
                return Ok(true);
            }
        }
        Ok(false)
    }
}

/// A cell as text: `1` for the number 1.0, the string as is, nothing for an empty cell.
fn cell_text(cell: &Data, out: &mut String) {
    match cell {
        Data::Empty => {}
        Data::String(s) => out.push_str(s),
        // Writing to a String cannot fail.
        other => {
            let _ = write!(out, "{other}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Sex;
    use crate::import::CandidateRow;

    fn s(v: &str) -> Data {
        Data::String(v.to_owned())
    }

    fn f(v: f64) -> Data {
        Data::Float(v)
    }

    /// A sheet laid out like `Circo. leg. T1`: title, blank row, header on row 3, blocks.
    fn sheet(rows: Vec<Vec<Data>>) -> Range<Data> {
        let width = rows.iter().map(Vec::len).max().unwrap_or(0);
        let mut range = Range::new((0, 0), (rows.len() as u32 - 1, width as u32 - 1));
        for (r, row) in rows.into_iter().enumerate() {
            for (c, cell) in row.into_iter().enumerate() {
                range.set_value((r as u32, c as u32), cell);
            }
        }
        range
    }

    fn header() -> Vec<Data> {
        let mut h: Vec<Data> = [
            "Code du département",
            "Libellé du département",
            "Code de la circonscription",
            "Libellé de la circonscription",
            "Exprimés",
        ]
        .into_iter()
        .map(s)
        .collect();
        for _ in 0..3 {
            h.extend(
                [
                    "N°Panneau",
                    "Sexe",
                    "Nom",
                    "Prénom",
                    "Nuance",
                    "Voix",
                    "% Voix/Ins",
                    "% Voix/Exp",
                    "Sièges",
                ]
                .into_iter()
                .map(s),
            );
        }
        h
    }

    fn block(
        panel: f64,
        sex: &str,
        surname: &str,
        given: &str,
        nuance: &str,
        votes: f64,
    ) -> Vec<Data> {
        vec![
            f(panel),
            s(sex),
            s(surname),
            s(given),
            s(nuance),
            f(votes),
            f(0.0),
            f(0.0),
            Data::Empty,
        ]
    }

    fn read_rows(rows: Vec<Vec<Data>>) -> Result<Vec<CandidateRow>, ImportError> {
        let range = sheet(rows);
        let mut out = Vec::new();
        read_sheet(Path::new("w.xlsx"), &range, &mut |r| {
            out.push(r);
            Ok(())
        })
        .unwrap()?;
        Ok(out)
    }

    #[test]
    fn numeric_cells_read_as_unpadded_codes_and_blocks_by_position() {
        let mut paris = vec![
            f(75.0),
            s("Paris"),
            f(1.0),
            s("1ère circonscription"),
            f(47314.0),
        ];
        paris.extend(block(12.0, "F", "VÉRON", "Pauline", "SOC", 3705.0));
        paris.extend(block(3.0, "M", "MAILLARD", "Sylvain", "REM", 24037.0));
        paris.extend(vec![Data::Empty; 9]);
        let mut corse = vec![
            s("2A"),
            s("Corse-du-Sud"),
            f(1.0),
            s("1ère circonscription"),
            f(1.0),
        ];
        corse.extend(block(8.0, "F", "JAQUET", "Estelle", "EXG", 113.0));
        let rows = read_rows(vec![
            vec![s("Résultats par circonscriptions législatives")],
            vec![],
            header(),
            paris,
            corse,
        ])
        .unwrap();
        let got: Vec<_> = rows
            .iter()
            .map(|r| {
                (
                    r.line,
                    r.circonscription.code.as_str().to_owned(),
                    r.candidate.panel.get(),
                    r.candidate.display_name(),
                    r.candidate.sex,
                    r.candidate.nuance.clone(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    4,
                    "7501".into(),
                    12,
                    "VÉRON Pauline".into(),
                    Sex::F,
                    "SOC".into()
                ),
                (
                    4,
                    "7501".into(),
                    3,
                    "MAILLARD Sylvain".into(),
                    Sex::M,
                    "REM".into()
                ),
                (
                    5,
                    "2A01".into(),
                    8,
                    "JAQUET Estelle".into(),
                    Sex::F,
                    "EXG".into()
                ),
            ]
        );
        assert_eq!(rows[0].circonscription.label, "Paris, 1ère circonscription");
    }

    #[test]
    fn a_fractional_panel_number_is_refused_with_its_sheet_row() {
        let mut paris = vec![f(75.0), s("Paris"), f(1.0), s("1ère"), f(1.0)];
        paris.extend(block(1.5, "M", "A", "B", "DIV", 1.0));
        let e = read_rows(vec![vec![s("title")], vec![], header(), paris]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "w.xlsx:4, column `N°Panneau`: found `1.5`, expected a panel number: a whole number from 1 to 999"
        );
    }

    #[test]
    fn a_sheet_without_header_is_skipped() {
        let range = sheet(vec![vec![s("Résultats")], vec![s("a"), s("b")]]);
        assert!(read_sheet(Path::new("w.xlsx"), &range, &mut |_| Ok(())).is_none());
    }
}
