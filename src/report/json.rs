//! The JSON report: the election, every circonscription's record with its findings (summary and
//! detailed, with counts and intervals), the rates per département, and the evidence digest.

use std::io::{self, Write};

use serde::Serialize;

use super::Report;
use crate::domain::findings::DepartementRates;
use crate::domain::{CircRecord, Election};

/// Bumped when the JSON shape changes incompatibly. 2: findings carry their cause, `details`
/// lists every finding with its observations, `departements` and `digest` were added, `disputed`
/// is only set for the bureau column.
pub const FORMAT_VERSION: u32 = 2;

#[derive(Serialize)]
struct Document<'a> {
    format_version: u32,
    election: &'a Election,
    circonscriptions: &'a [CircRecord],
    departements: Vec<DepartementRates>,
    digest: Option<&'a str>,
}

pub(super) fn render(report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    let doc = Document {
        format_version: FORMAT_VERSION,
        election: report.election,
        circonscriptions: &report.records,
        departements: report.departements(),
        digest: report.digest.as_deref(),
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}
