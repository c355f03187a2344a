//! Assembling a report: reading its inputs from the store (the fold, the reference data, the
//! observers' names, the chain digest), building the records of many circonscriptions on every
//! core, and writing the rendered report without ever leaving half a file. The `report` and `pv`
//! commands, the interface's summary and the benches all go through here.

use std::io::{self, Write};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::{DateTime, Utc};

use crate::domain::fingerprint::ChainReference;
use crate::domain::record::{Names, build_record_with};
use crate::domain::referential::ElectionData;
use crate::domain::{CircRecord, CirconscriptionCode, RecordState, Referential};
use crate::error::Error;
use crate::i18n::Lang;
use crate::report::{Coverage, Format, Report, ReportPhotos, render_html, render_signed};
use crate::storage::{StorageError, Store};

/// What a report is made of, read from the store by [`read_inputs`].
pub struct Inputs {
    /// The election and its reference data.
    pub data: ElectionData,
    /// The state folded from every event.
    pub state: RecordState,
    /// Every observer's name.
    pub names: Names,
    /// The digest of every observer's chain head (`None` when not asked for, or when the store
    /// holds no event).
    pub digest: Option<String>,
    /// The chain reference of the database's own observer (its key's fingerprint), printed
    /// beside the digest (`None` with no digest, before its first event, or without a key).
    pub signer: Option<ChainReference>,
    /// A read-only connection the HTML report reads the thumbnails of the photos it shows
    /// through (`None`: a placeholder for each).
    pub thumbnails: Option<Store>,
    /// The key disputes held (schema 12): the observers set aside from `state`.
    pub disputes: Vec<crate::domain::key_dispute::KeyDispute>,
}

/// Reads what a report needs: every event folded ([`Store::fold`], itself on two threads) while a
/// second, read-only connection ([`Store::reader`]) reads the reference data, the observers and,
/// with `digest`, the chain digest. A failure is the one reading them one after the other would
/// have met first (reference data, events, observers, digest). Should the second connection not
/// open, everything is read on `store`.
pub fn read_inputs(store: &Store, digest: bool) -> Result<Inputs, StorageError> {
    let side_reads = move |side: &Store| {
        (
            side.election_data(),
            side.observers(),
            if digest {
                side.chain_digest().and_then(|d| match d {
                    Some(d) => Ok((Some(d), side.chain_reference_of_local()?)),
                    None => Ok((None, None)),
                })
            } else {
                Ok((None, None))
            },
        )
    };
    let concurrently = store.reader().ok().and_then(|side| {
        std::thread::scope(|scope| {
            let helper = std::thread::Builder::new()
                .spawn_scoped(scope, move || side_reads(&side))
                .ok()?;
            let state = store.fold();
            let side = helper
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            Some((side, state))
        })
    });
    let ((data, names, digest), state) = match concurrently {
        Some(read) => read,
        // No second connection or no thread to be had: everything on `store`, in that order.
        None => {
            let data = store.election_data();
            let state = store.fold();
            let names = store.observers();
            let digest = if digest {
                store.chain_digest().and_then(|d| match d {
                    Some(d) => Ok((Some(d), store.chain_reference_of_local()?)),
                    None => Ok((None, None)),
                })
            } else {
                Ok((None, None))
            };
            ((data, names, digest), state)
        }
    };
    let data = data?;
    let state = state?;
    let (digest, signer) = digest?;
    Ok(Inputs {
        data,
        state,
        names: names?,
        digest,
        signer,
        thumbnails: store.reader().ok(),
        disputes: store.key_disputes()?,
    })
}

/// The photos an HTML report of `circs` shows, grouped ([`crate::report::html_photos::group`]):
/// at most [`crate::report::html_photos::PER_GROUP`] a group, and in a report of several
/// circonscriptions [`crate::report::html_photos::PER_CIRC_NATIONAL`] a circonscription; only
/// the thumbnails of those shown are read from `store` (none read: placeholders).
pub fn report_photos(
    state: &RecordState,
    names: &Names,
    circs: &[CirconscriptionCode],
    store: Option<&Store>,
) -> ReportPhotos {
    use crate::report::html_photos::{Held, PER_CIRC_NATIONAL, PER_GROUP, group};
    let wanted: std::collections::BTreeSet<&CirconscriptionCode> = circs.iter().collect();
    let per_circ = if circs.len() > 1 {
        PER_CIRC_NATIONAL
    } else {
        usize::MAX
    };
    let mut photos = group(
        state
            .photos()
            .filter(|f| wanted.contains(&f.circonscription)),
        PER_GROUP,
        per_circ,
        &|f| names.get(&f.observer).cloned().unwrap_or_default(),
    );
    if let Some(store) = store {
        for p in photos.groups.iter_mut().flat_map(|g| g.shown.iter_mut()) {
            // A thumbnail that cannot be read is a placeholder, not a failed report.
            if let Ok((thumbnail, bytes)) = store.photo_preview(&p.sha256) {
                p.held = Some(Held::of(thumbnail.is_some(), bytes));
                p.thumbnail = thumbnail;
            }
        }
    }
    photos
}

/// The records of `circs` (a circonscription missing from the reference data is left out), in
/// the order of `circs`, built on as many threads as there are cores (up to 8).
pub fn build_records(
    referential: &Referential,
    state: &RecordState,
    circs: &[CirconscriptionCode],
    names: &Names,
) -> Vec<CircRecord> {
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(8)
        .min(circs.len());
    if threads <= 1 {
        return circs
            .iter()
            .filter_map(|c| build_record_with(referential, state, c, names))
            .collect();
    }
    // Each thread takes the next circonscription not yet taken; the records are put back in
    // order at the end.
    let next = AtomicUsize::new(0);
    let work = || {
        let mut built = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(c) = circs.get(i) else {
                return built;
            };
            if let Some(record) = build_record_with(referential, state, c, names) {
                built.push((i, record));
            }
        }
    };
    let mut built = std::thread::scope(|scope| {
        // A thread that cannot be had leaves its share to the others.
        let helpers: Vec<_> = (1..threads)
            .filter_map(|_| std::thread::Builder::new().spawn_scoped(scope, work).ok())
            .collect();
        let mut built = work();
        for helper in helpers {
            built.extend(
                helper
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            );
        }
        built
    });
    built.sort_unstable_by_key(|(i, _)| *i);
    built.into_iter().map(|(_, record)| record).collect()
}

/// What `constat report` writes: the records of `circs` built ([`build_records`]), then the
/// report rendered in `format` to `out`; `built` is called between the two (the bench times
/// them apart).
pub fn write_report(
    inputs: &Inputs,
    circs: &[CirconscriptionCode],
    format: Format,
    lang: Lang,
    out: &mut dyn Write,
    built: &mut dyn FnMut(),
) -> io::Result<()> {
    let records = build_records(
        &inputs.data.referential,
        &inputs.state,
        circs,
        &inputs.names,
    );
    built();
    let report = Report {
        election: &inputs.data.election,
        records,
        digest: inputs.digest.clone(),
        disputes: inputs.disputes.clone(),
    };
    if format == Format::Html {
        // The national page's coverage: the reference data's totals, the time of the data.
        let coverage = Coverage::of(&inputs.data.referential, latest(&inputs.state, circs));
        let photos = report_photos(
            &inputs.state,
            &inputs.names,
            circs,
            inputs.thumbnails.as_ref(),
        );
        return render_html(
            &report,
            Some(&coverage),
            inputs.signer.as_ref(),
            Some(&photos),
            lang,
            out,
        );
    }
    render_signed(&report, inputs.signer.as_ref(), format, lang, out)
}

/// The time of the data: the latest live observation (tick, envelope, non-receipt) of `circs`.
pub fn latest(state: &RecordState, circs: &[CirconscriptionCode]) -> Option<DateTime<Utc>> {
    circs
        .iter()
        .flat_map(|c| {
            state
                .cells_of(c)
                .map(|(_, o)| o.at)
                .chain(state.envelopes_of(c).map(|e| e.at))
                .chain(state.non_receipts_of(c).map(|n| n.at))
        })
        .max()
}

/// Writes `bytes` to a temporary file beside `path`, syncs it, then renames it over `path`: a
/// reader sees the old file or the whole new one, never half of it.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let io = |source| Error::Io {
        path: path.to_owned(),
        context: crate::error::IoContext::WritingReport,
        source,
    };
    // A device or a pipe (`-o /dev/stdout`) is written directly: renaming over it would replace it.
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        return std::fs::OpenOptions::new()
            .write(true)
            .open(path)
            .and_then(|mut f| f.write_all(bytes))
            .map_err(io);
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => std::path::PathBuf::from("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(&dir).map_err(io)?;
    tmp.write_all(bytes).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    tmp.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;
    use uuid::Uuid;

    use super::*;
    use crate::domain::{Event, EventId, ObserverId};
    use crate::sample;

    #[test]
    fn records_built_on_several_threads_come_in_the_order_asked_unknown_ones_left_out() {
        let data = sample::find("paris-1-2017")
            .unwrap()
            .election_data()
            .unwrap();
        let events: Vec<Event> = sample::find("paris-1-2017")
            .unwrap()
            .record_events()
            .unwrap()
            .into_iter()
            .enumerate()
            .map(|(i, body)| Event {
                id: EventId(Uuid::from_u128(1 << 64 | i as u128)),
                observer: ObserverId(Uuid::from_u128(1)),
                seq: i as u64 + 1,
                recorded_at: DateTime::from_timestamp(1_497_160_000 + i as i64, 0).unwrap(),
                seen_at: None,
                body,
            })
            .collect();
        let state = RecordState::fold(&events);
        let known = CirconscriptionCode::parse("7501").unwrap();
        let unknown = CirconscriptionCode::parse("7502").unwrap();
        // More circonscriptions than threads, known and unknown interleaved.
        let circs: Vec<CirconscriptionCode> = (0..40)
            .map(|i| if i % 3 == 1 { &unknown } else { &known }.clone())
            .collect();
        let names = Names::new();
        let sequential: Vec<CircRecord> = circs
            .iter()
            .filter_map(|c| build_record_with(&data.referential, &state, c, &names))
            .collect();
        assert_eq!(sequential.len(), 27);
        assert_eq!(
            build_records(&data.referential, &state, &circs, &names),
            sequential
        );
        assert!(build_records(&data.referential, &state, &[], &names).is_empty());
    }
}
