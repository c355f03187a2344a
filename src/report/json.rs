//! The JSON report: the election and every circonscription's record with its findings.

use std::io::{self, Write};

use serde::Serialize;

use super::Report;
use crate::domain::{CircRecord, Election};

/// Bumped when the JSON shape changes incompatibly.
const FORMAT_VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    format_version: u32,
    election: &'a Election,
    circonscriptions: &'a [CircRecord],
}

pub(super) fn render(report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    let doc = Document {
        format_version: FORMAT_VERSION,
        election: report.election,
        circonscriptions: &report.records,
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}
