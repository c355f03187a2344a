//! The Markdown report: the same content as the text report, as a Markdown table.

use std::io::{self, Write};

use super::{
    Report, bureau_line, departement_lines, detail_sections, digest_line, finding_sentences,
    symbol, title,
};
use crate::domain::Item;
use crate::i18n::Catalog;

/// Escapes the characters that would break a Markdown table cell or start markup: control and
/// bidirectional characters are shown as escapes (a newline as `⏎`, see
/// [`crate::domain::outside::escape`]), HTML is kept as text.
pub(super) fn cell(s: &str) -> String {
    crate::domain::outside::escape(s)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('*', "\\*")
        .replace('_', "\\_")
}

pub(super) fn render(
    report: &Report<'_>,
    signer: Option<&crate::domain::fingerprint::ChainReference>,
    cat: &Catalog,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(out, "# {}", title(report.election, cat))?;
    if report.records.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", super::no_record_line(report, cat))?;
    }
    for record in &report.records {
        let c = &record.circonscription;
        writeln!(out)?;
        writeln!(
            out,
            "## {} {}{}{}",
            cat.circonscription,
            c.code,
            cat.list_sep,
            cell(&c.label)
        )?;
        writeln!(out)?;
        for b in &record.bureaux {
            writeln!(
                out,
                "{}{}{}  ",
                cat.report_bureaux,
                cat.list_sep,
                cell(&bureau_line(b, cat))
            )?;
        }
        if !record.bureaux.is_empty() {
            writeln!(out)?;
        }
        writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            cat.col_panel,
            cat.col_candidate,
            cat.col_nuance,
            super::leaflet_column(crate::domain::law::Law::of(report.election.kind), true, cat),
            cat.col_courrier,
            cat.col_bureau
        )?;
        writeln!(out, "|---:|---|---|:---:|:---:|:---:|")?;
        for row in &record.rows {
            let c = &row.candidate;
            let marks: Vec<&str> = Item::ALL.iter().map(|i| symbol(row.mark(*i))).collect();
            writeln!(
                out,
                "| {} | {} | {} | {} |",
                c.panel,
                cell(&c.display_name()),
                cell(&c.nuance),
                marks.join(" | ")
            )?;
        }
        writeln!(out)?;
        writeln!(out, "*{}*", cat.report_legend)?;
        writeln!(out)?;
        writeln!(out, "### {}", cat.report_findings)?;
        writeln!(out)?;
        let sentences = finding_sentences(
            record,
            crate::domain::law::Law::of(report.election.kind),
            cat,
        );
        if sentences.is_empty() {
            writeln!(out, "- {}", super::no_findings(record, cat))?;
        }
        for s in sentences {
            writeln!(out, "- {}", cell(&s))?;
        }
        let sections = detail_sections(
            record,
            crate::domain::law::Law::of(report.election.kind),
            cat,
        );
        if !sections.is_empty() {
            writeln!(out)?;
            writeln!(out, "### {}", cell(cat.report_details))?;
        }
        for section in sections {
            writeln!(out)?;
            writeln!(out, "#### {}", cell(&section.title))?;
            writeln!(out)?;
            for line in section.lines {
                writeln!(out, "- {}", cell(&line))?;
            }
        }
    }
    let departements = departement_lines(&report.departements(), cat);
    if !departements.is_empty() {
        writeln!(out)?;
        writeln!(out, "## {}", cell(cat.departements_title))?;
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            cell(&(cat.departements_intro)(
                crate::domain::stats::MIN_HOUSEHOLDS
            ))
        )?;
        writeln!(out)?;
        for line in departements {
            writeln!(out, "- {}", cell(&line))?;
        }
    }
    if let Some((title, lines)) = super::dispute_lines(report, cat.lang) {
        writeln!(out)?;
        writeln!(out, "## {}", cell(&title))?;
        writeln!(out)?;
        for line in lines {
            writeln!(out, "- {}", cell(&line))?;
        }
    }
    writeln!(out)?;
    // The signer's key beside the digest, which stays the last line.
    if let Some(signer) = signer {
        writeln!(out, "{}", cell(&super::signer_line(signer, cat.lang)))?;
        writeln!(out)?;
    }
    writeln!(out, "{}", cell(&digest_line(report, cat)))
}
