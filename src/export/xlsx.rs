//! `constat export xlsx`: the observations and the findings as real sheets of one workbook
//! (issue 18 point 6), written with `rust_xlsxwriter`. Codes, ids and names are text cells (Ain's
//! `0101` stays `0101`, a note starting with `=` is never a formula); the `time` and
//! `recorded_at` columns are dates (UTC, `yyyy-mm-dd hh:mm:ss`); header rows are frozen and
//! filtered. The columns are those of `observations.csv` and of the report's CSV.

use chrono::{Datelike, Timelike};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use super::evidence::HEADER;

/// The sheets' names.
pub const OBSERVATIONS: &str = "observations";
/// The findings sheet: the report's CSV, one row per candidate and circonscription.
pub const FINDINGS: &str = "findings";

/// Columns of [`HEADER`] holding a date.
const DATE_COLUMNS: [usize; 2] = [2, 9];

/// The workbook's bytes: `observations` rows ([`super::evidence::observation_row`]) and the
/// findings table (`findings[0]` its header).
pub fn workbook(
    observations: &[[String; 10]],
    findings: &[Vec<String>],
) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("yyyy-mm-dd hh:mm:ss");
    let text = Format::new().set_num_format("@");
    {
        let sheet = book.add_worksheet();
        sheet.set_name(OBSERVATIONS)?;
        for (c, h) in HEADER.iter().enumerate() {
            sheet.write_string_with_format(0, col(c), *h, &bold)?;
        }
        for (r, row) in observations.iter().enumerate() {
            let r = row_num(r + 1);
            for (c, cell) in row.iter().enumerate() {
                match DATE_COLUMNS
                    .contains(&c)
                    .then(|| excel_date(cell))
                    .flatten()
                {
                    Some(d) => sheet.write_datetime_with_format(r, col(c), d, &date)?,
                    None => sheet.write_string_with_format(r, col(c), cell, &text)?,
                };
            }
        }
        finish(sheet, observations.len(), HEADER.len())?;
        for c in DATE_COLUMNS {
            sheet.set_column_width(col(c), 20)?;
        }
    }
    {
        let sheet = book.add_worksheet();
        sheet.set_name(FINDINGS)?;
        let width = findings.first().map_or(0, Vec::len);
        for (r, row) in findings.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let format = if r == 0 { &bold } else { &text };
                sheet.write_string_with_format(row_num(r), col(c), cell, format)?;
            }
        }
        finish(sheet, findings.len().saturating_sub(1), width)?;
    }
    book.save_to_buffer()
}

/// Frozen header row, a filter over the table, columns fitted.
fn finish(sheet: &mut Worksheet, rows: usize, cols: usize) -> Result<(), XlsxError> {
    sheet.set_freeze_panes(1, 0)?;
    if cols > 0 {
        sheet.autofilter(0, 0, row_num(rows), col(cols - 1))?;
    }
    sheet.autofit();
    Ok(())
}

fn col(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}

fn row_num(r: usize) -> u32 {
    u32::try_from(r).unwrap_or(u32::MAX)
}

/// An RFC 3339 time (`2017-06-11T08:00:00Z`) as an Excel date in UTC.
fn excel_date(cell: &str) -> Option<ExcelDateTime> {
    let t = chrono::DateTime::parse_from_rfc3339(cell).ok()?.to_utc();
    ExcelDateTime::from_ymd(
        u16::try_from(t.year()).ok()?,
        u8::try_from(t.month()).ok()?,
        u8::try_from(t.day()).ok()?,
    )
    .ok()?
    .and_hms(
        u16::try_from(t.hour()).ok()?,
        u8::try_from(t.minute()).ok()?,
        f64::from(t.second()),
    )
    .ok()
}
