//! The JSON report: the election, every circonscription's record with its findings (summary and
//! detailed, with counts and intervals), the rates per département, and the evidence digest.

use std::io::{self, Write};

use serde::Serialize;

use super::Report;
use crate::domain::findings::DepartementRates;
use crate::domain::{CircRecord, Election};

/// Bumped when the JSON shape changes incompatibly. 2: findings carry their cause, `details`
/// lists every finding with its observations, `departements` and `digest` were added, `disputed`
/// is only set for the bureau column. 3: `absent_from_table` with its periods replaces
/// `bureau_irregularity` (`docs/formats.md`).
pub const FORMAT_VERSION: u32 = 3;

#[derive(Serialize)]
struct Document<'a> {
    format_version: u32,
    election: &'a Election,
    circonscriptions: &'a [CircRecord],
    departements: Vec<DepartementRates>,
    digest: Option<&'a str>,
    /// The signer's key and chain reference (added without a version bump: absent before).
    #[serde(skip_serializing_if = "Option::is_none")]
    signer: Option<Signer>,
    /// The key disputes setting observations aside (added without a version bump: absent when
    /// there is none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    key_disputes: Vec<Dispute>,
}

/// A key dispute, as `docs/formats.md` writes it.
#[derive(Serialize)]
struct Dispute {
    observer: String,
    name: String,
    held_fingerprint: Option<String>,
    claimed_fingerprint: String,
    file: String,
    /// `open`, or `rejected` (settled against the key held: set aside for good).
    standing: &'static str,
}

impl Dispute {
    fn all(report: &Report<'_>) -> Vec<Self> {
        use crate::domain::key_dispute::Standing;
        report
            .disputes
            .iter()
            .filter_map(|d| {
                let standing = match d.standing() {
                    Standing::Open => "open",
                    Standing::HeldRejected => "rejected",
                    Standing::HeldKept => return None,
                };
                Some(Self {
                    observer: d.observer.to_string(),
                    name: d.name.clone(),
                    held_fingerprint: d.held.as_ref().map(ToString::to_string),
                    claimed_fingerprint: d.claimed.to_string(),
                    file: d.path.clone(),
                    standing,
                })
            })
            .collect()
    }
}

/// The signer's key fingerprint and chain reference, as `docs/formats.md` writes them.
#[derive(Serialize)]
struct Signer {
    fingerprint: String,
    seq: u64,
    hash_prefix: String,
    reference: String,
}

impl Signer {
    fn of(r: &crate::domain::fingerprint::ChainReference) -> Self {
        Self {
            fingerprint: r.fingerprint.to_string(),
            seq: r.seq,
            hash_prefix: r.hash_prefix.clone(),
            reference: r.to_string(),
        }
    }
}

/// What `serde_json::to_writer_pretty` writes for the document, the records rendered on as many
/// threads as there are cores (up to 8): a national report holds tens of megabytes of them.
///
/// The document is written without its records (`"circonscriptions": []`), then the records,
/// each rendered alone and indented two levels deeper, go between the brackets, separated as
/// serde_json's pretty printer separates array elements. Indenting after every line break is
/// exact: JSON strings hold no raw line break (serde_json writes `\n`).
pub(super) fn render(
    report: &Report<'_>,
    signer: Option<&crate::domain::fingerprint::ChainReference>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let doc = Document {
        format_version: FORMAT_VERSION,
        election: report.election,
        circonscriptions: &[],
        departements: report.departements(),
        digest: report.digest.as_deref(),
        signer: signer.map(Signer::of),
        key_disputes: Dispute::all(report),
    };
    let mut skeleton = Vec::new();
    serde_json::to_writer_pretty(&mut skeleton, &doc)?;
    // The first key at the first level named so (nested keys are indented further).
    const EMPTY: &[u8] = b"\n  \"circonscriptions\": []";
    let at = skeleton
        .windows(EMPTY.len())
        .position(|w| w == EMPTY)
        .map(|p| p + EMPTY.len() - 1);
    match at {
        _ if report.records.is_empty() => out.write_all(&skeleton)?,
        Some(at) => {
            out.write_all(&skeleton[..at])?;
            write_records(&report.records, out)?;
            out.write_all(b"\n  ")?;
            out.write_all(&skeleton[at..])?;
        }
        // Not found (it always is): the whole document at once.
        None => serde_json::to_writer_pretty(
            &mut *out,
            &Document {
                circonscriptions: &report.records,
                ..doc
            },
        )?,
    }
    writeln!(out)
}

/// Records rendered per thread at a time: the report's records are rendered by rounds of
/// `threads × ROUND` and written out after each, not all held at once (188 MiB at national
/// scale).
const ROUND: usize = 16;

/// Writes the records as array elements at the second level (each but the first preceded by a
/// comma), rendered on several threads.
fn write_records(records: &[CircRecord], out: &mut dyn Write) -> io::Result<()> {
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .clamp(1, 8);
    let render_part = |first: usize, part: &[CircRecord]| -> io::Result<Vec<u8>> {
        let mut out = Vec::new();
        let mut one = Vec::new();
        for (i, record) in part.iter().enumerate() {
            out.extend_from_slice(if first + i == 0 {
                b"\n    "
            } else {
                b",\n    "
            });
            one.clear();
            serde_json::to_writer_pretty(&mut one, record)?;
            for (j, line) in one.split(|b| *b == b'\n').enumerate() {
                if j > 0 {
                    out.extend_from_slice(b"\n    ");
                }
                out.extend_from_slice(line);
            }
        }
        Ok(out)
    };
    if threads == 1 {
        return out.write_all(&render_part(0, records)?);
    }
    for (round, window) in records.chunks(threads * ROUND).enumerate() {
        let first = round * threads * ROUND;
        let parts = std::thread::scope(|scope| {
            // A part whose thread cannot be had is rendered here.
            let helpers: Vec<_> = window
                .chunks(ROUND)
                .enumerate()
                .skip(1)
                .map(|(k, part)| {
                    let first = first + k * ROUND;
                    std::thread::Builder::new()
                        .spawn_scoped(scope, move || render_part(first, part))
                        .map_err(|_| (first, part))
                })
                .collect();
            let mut parts = vec![render_part(first, &window[..ROUND.min(window.len())])];
            parts.extend(helpers.into_iter().map(|helper| {
                match helper {
                    Ok(thread) => thread
                        .join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                    Err((first, part)) => render_part(first, part),
                }
            }));
            parts
        });
        for part in parts {
            out.write_all(&part?)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The records, as many as asked, of a report of the Paris sample.
    fn document_with(records: usize, digest: Option<&str>) -> (Vec<u8>, Vec<u8>) {
        // A signer beside a digest, none without.
        let signer =
            digest.map(|_| crate::domain::fingerprint::ChainReference::new(3, &[5; 32], &[6; 32]));
        let data = crate::sample::find("paris-1-2017")
            .unwrap()
            .election_data()
            .unwrap();
        let events: Vec<crate::domain::Event> = crate::sample::find("paris-1-2017")
            .unwrap()
            .record_events()
            .unwrap()
            .into_iter()
            .enumerate()
            .map(|(i, body)| crate::domain::Event {
                id: crate::domain::EventId(uuid::Uuid::from_u128(1 << 64 | i as u128)),
                observer: crate::domain::ObserverId(uuid::Uuid::from_u128(1)),
                seq: i as u64 + 1,
                recorded_at: chrono::DateTime::from_timestamp(1_497_160_000 + i as i64, 0).unwrap(),
                seen_at: None,
                body,
            })
            .collect();
        let state = crate::domain::RecordState::fold(&events);
        let circ = crate::domain::CirconscriptionCode::parse("7501").unwrap();
        let record = crate::domain::build_record(&data.referential, &state, &circ).unwrap();
        let report = Report {
            election: &data.election,
            records: vec![record; records],
            digest: digest.map(str::to_owned),
            disputes: Vec::new(),
        };
        let mut ours = Vec::new();
        render(&report, signer.as_ref(), &mut ours).unwrap();
        // What serde_json writes for the whole document at once.
        let doc = Document {
            format_version: FORMAT_VERSION,
            election: report.election,
            circonscriptions: &report.records,
            departements: report.departements(),
            digest: report.digest.as_deref(),
            signer: signer.as_ref().map(Signer::of),
            key_disputes: Dispute::all(&report),
        };
        let mut whole = serde_json::to_vec_pretty(&doc).unwrap();
        whole.push(b'\n');
        (ours, whole)
    }

    #[test]
    fn records_rendered_apart_and_indented_are_the_document_rendered_whole() {
        // None, one, fewer than a round, several rounds and a partial one.
        for (records, digest) in [(0, None), (1, Some("ab")), (2, None), (77, Some("cd"))] {
            let (ours, whole) = document_with(records, digest);
            assert!(ours == whole, "{records} records differ");
        }
    }
}
