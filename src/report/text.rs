//! The plain-text report: the record's table with x marks, the findings, each finding in detail,
//! the rates per département, and the evidence digest as the last line.

use std::io::{self, Write};

use super::{
    Report, bureau_line, departement_lines, detail_sections, digest_line, finding_sentences,
    symbol, title,
};
use crate::domain::Item;
use crate::domain::outside::escape;
use crate::i18n::Catalog;

pub(super) fn render(
    report: &Report<'_>,
    signer: Option<&crate::domain::fingerprint::ChainReference>,
    cat: &Catalog,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(out, "{}", title(report.election, cat))?;
    if report.records.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", super::no_record_line(report, cat))?;
    }
    for record in &report.records {
        writeln!(out)?;
        let c = &record.circonscription;
        writeln!(
            out,
            "{} {}{}{}",
            cat.circonscription,
            c.code,
            cat.list_sep,
            escape(&c.label)
        )?;
        for b in &record.bureaux {
            writeln!(
                out,
                "{}{}{}",
                cat.report_bureaux,
                cat.list_sep,
                escape(&bureau_line(b, cat))
            )?;
        }
        writeln!(out)?;
        let name_width = record
            .rows
            .iter()
            .map(|r| escape(&r.candidate.display_name()).chars().count())
            .chain([cat.col_candidate.chars().count()])
            .max()
            .unwrap_or(0);
        let leaflet =
            super::leaflet_column(crate::domain::law::Law::of(report.election.kind), true, cat);
        let cols = [leaflet.as_str(), cat.col_courrier, cat.col_bureau];
        let widths = cols.map(|c| c.chars().count());
        write!(
            out,
            "{:>3}  {:<name_width$}  {:<6}",
            cat.col_panel, cat.col_candidate, cat.col_nuance
        )?;
        for (col, w) in cols.iter().zip(widths) {
            write!(out, "  {col:<w$}")?;
        }
        writeln!(out)?;
        for row in &record.rows {
            let c = &row.candidate;
            let mut line = format!(
                "{:>3}  {:<name_width$}  {:<6}",
                c.panel,
                escape(&c.display_name()),
                escape(&c.nuance)
            );
            for (item, w) in Item::ALL.into_iter().zip(widths) {
                line.push_str(&format!("  {:<w$}", symbol(row.mark(item))));
            }
            writeln!(out, "{}", line.trim_end())?;
        }
        writeln!(out, "({})", cat.report_legend)?;
        writeln!(out)?;
        writeln!(out, "{}", cat.report_findings)?;
        let sentences = finding_sentences(
            record,
            crate::domain::law::Law::of(report.election.kind),
            cat,
        );
        if sentences.is_empty() {
            writeln!(out, "- {}", super::no_findings(record, cat))?;
        }
        for s in sentences {
            writeln!(out, "- {}", escape(&s))?;
        }
        let sections = detail_sections(
            record,
            crate::domain::law::Law::of(report.election.kind),
            cat,
        );
        if !sections.is_empty() {
            writeln!(out)?;
            writeln!(out, "{}", cat.report_details)?;
        }
        for section in sections {
            writeln!(out, "{}", section.title)?;
            for line in section.lines {
                writeln!(out, "- {}", escape(&line))?;
            }
        }
    }
    let departements = departement_lines(&report.departements(), cat);
    if !departements.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", cat.departements_title)?;
        writeln!(
            out,
            "{}",
            (cat.departements_intro)(crate::domain::stats::MIN_HOUSEHOLDS)
        )?;
        for line in departements {
            writeln!(out, "- {}", escape(&line))?;
        }
    }
    if let Some((title, lines)) = super::dispute_lines(report, cat.lang) {
        writeln!(out)?;
        writeln!(out, "{title}")?;
        for line in lines {
            writeln!(out, "- {}", escape(&line))?;
        }
    }
    writeln!(out)?;
    // The signer's key beside the digest, which stays the last line.
    if let Some(signer) = signer {
        writeln!(out, "{}", super::signer_line(signer, cat.lang))?;
    }
    writeln!(out, "{}", digest_line(report, cat))
}
