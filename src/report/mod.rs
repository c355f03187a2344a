//! Report rendering: the records of one or more circonscriptions as text, Markdown, CSV or JSON,
//! written to any writer.
//!
//! Rule: pure rendering. No file, database or clock here; the caller opens the output.

pub mod conflicts;
mod csv;

pub use csv::spreadsheet_safe;
mod json;
mod markdown;
mod text;

use std::io::{self, Write};

use crate::domain::record::{EnvelopeGap, Finding};
use crate::domain::{Candidate, CircRecord, Election, Mark};
use crate::i18n::{Catalog, Lang};

/// Output formats of `constat report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// The record as a table with its findings, as on the 2017 original.
    Text,
    /// One row per candidate and circonscription (columns in `docs/formats.md`).
    Csv,
    /// Markdown, for a web page or a message.
    Md,
    /// Machine-readable, with every finding.
    Json,
}

/// What a report shows.
pub struct Report<'a> {
    /// The election.
    pub election: &'a Election,
    /// One record per circonscription, in code order.
    pub records: Vec<CircRecord>,
    /// The digest of every observer's chain head, to write into the procès-verbal (None when
    /// the database has no event yet).
    pub digest: Option<String>,
}

/// Writes `report` in `format`. Text and Markdown are in `lang`; CSV and JSON use stable
/// identifiers whatever the language.
pub fn render(
    report: &Report<'_>,
    format: Format,
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    let cat = lang.catalog();
    match format {
        Format::Text => text::render(report, cat, out),
        Format::Md => markdown::render(report, cat, out),
        Format::Csv => csv::render(report, out),
        Format::Json => json::render(report, out),
    }
}

/// `Élections législatives 2017 — 1er tour`.
fn title(election: &Election, cat: &Catalog) -> String {
    format!(
        "{} {} — {}",
        (cat.election_kind)(election.kind),
        election.year,
        (cat.round)(election.round)
    )
}

/// The symbol of a mark in a printed table: `x` present, `-` absent, `?` not checked.
fn symbol(mark: Mark) -> &'static str {
    match mark {
        Mark::Present => "x",
        Mark::Absent => "-",
        Mark::Unchecked => "?",
    }
}

fn names(candidates: &[Candidate]) -> String {
    candidates
        .iter()
        .map(|c| format!("n° {} {} ({})", c.panel, c.display_name(), c.nuance))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The findings of a record as sentences, in order.
fn finding_sentences(record: &CircRecord, cat: &Catalog) -> Vec<String> {
    record
        .findings
        .iter()
        .map(|f| match f {
            Finding::Complete { candidates } => (cat.finding_complete)(candidates.len()),
            Finding::MissingFromEnvelope {
                gap,
                at_bureau,
                candidates,
            } => {
                let n = candidates.len();
                let what = match gap {
                    EnvelopeGap::Both => (cat.finding_missing_both)(n),
                    EnvelopeGap::Foi => (cat.finding_missing_foi)(n),
                    EnvelopeGap::Courrier => (cat.finding_missing_courrier)(n),
                };
                let bureau = match at_bureau {
                    Mark::Present => (cat.finding_at_bureau_present)(n),
                    Mark::Absent => (cat.finding_at_bureau_absent)(n),
                    Mark::Unchecked => cat.finding_at_bureau_unchecked.to_owned(),
                };
                format!("{what}{bureau}{}{}.", cat.list_sep, names(candidates))
            }
            Finding::MissingAtBureau { candidates } => format!(
                "{}{}{}.",
                (cat.finding_missing_at_bureau)(candidates.len()),
                cat.list_sep,
                names(candidates)
            ),
            Finding::Disputed { candidates } => format!(
                "{}{}{}.",
                (cat.finding_disputed)(candidates.len()),
                cat.list_sep,
                names(candidates)
            ),
            Finding::NotChecked { candidates } => format!(
                "{}{}{}.",
                (cat.finding_not_checked)(candidates.len()),
                cat.list_sep,
                names(candidates)
            ),
            Finding::Shortfall {
                voters,
                received,
                missing,
                households,
            } => {
                let mut s = (cat.finding_shortfall)(*voters, *received, *missing);
                if *households > 1 {
                    s.push_str(&(cat.finding_households)(*households));
                }
                s.push('.');
                s
            }
            Finding::NonReceipts { count, bureaux } => format!(
                "{}{}{}.",
                (cat.finding_non_receipts)(*count),
                cat.list_sep,
                bureaux
                    .iter()
                    .map(|b| format!("{} {b}", cat.bureau.to_lowercase()))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        })
        .collect()
}

/// A bureau as one line: code, label, address.
fn bureau_line(b: &crate::domain::Bureau) -> String {
    let mut s = format!("{} {}", b.code, b.label);
    if !b.address.is_empty() {
        s.push_str(", ");
        s.push_str(&b.address);
    }
    s
}

#[cfg(test)]
mod tests;
