//! The CSV report: one row per candidate and circonscription. The columns are a contract
//! (`docs/formats.md`): `circonscription,panel,candidate,nuance,profession_de_foi,
//! bulletin_courrier,bulletin_bureau`, cells `present`, `absent` or `unchecked`.

use crate::domain::outside::without_bidi;
use std::io::{self, Write};

use super::Report;
use crate::domain::Item;

/// The header row, in order.
pub const HEADER: [&str; 7] = [
    "circonscription",
    "panel",
    "candidate",
    "nuance",
    "profession_de_foi",
    "bulletin_courrier",
    "bulletin_bureau",
];

/// Neutralises spreadsheet formula injection: a cell starting with `=`, `+`, `-`, `@`, tab or
/// carriage return gets a leading apostrophe, so spreadsheets show it as text.
pub fn spreadsheet_safe(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

pub(super) fn render(report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(HEADER)?;
    for record in &report.records {
        for row in &record.rows {
            let c = &row.candidate;
            let panel = c.panel.to_string();
            let name = without_bidi(&c.display_name()).into_owned();
            let nuance = without_bidi(&c.nuance);
            let mut fields = vec![
                spreadsheet_safe(c.circonscription.as_str()),
                spreadsheet_safe(&panel),
                spreadsheet_safe(&name),
                spreadsheet_safe(&nuance),
            ];
            fields.extend(Item::ALL.iter().map(|i| row.mark(*i).slug().into()));
            w.write_record(fields.iter().map(|f| f.as_ref()))?;
        }
    }
    w.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::spreadsheet_safe;

    #[test]
    fn formula_looking_cells_are_quoted_as_text() {
        assert_eq!(
            spreadsheet_safe("=cmd|' /C calc'!A0"),
            "'=cmd|' /C calc'!A0"
        );
        assert_eq!(spreadsheet_safe("@SUM(1)"), "'@SUM(1)");
        assert_eq!(spreadsheet_safe("-1"), "'-1");
        assert_eq!(
            spreadsheet_safe("DE NAZELLE Louis-Max"),
            "DE NAZELLE Louis-Max"
        );
    }
}
