//! Evidence folders: everything a coordinator, a lawyer or a judge needs to check the record,
//! with a SHA-256 `MANIFEST`, written beside its final place and renamed when complete.

use std::io::Write;
use std::path::Path;

use clap::ValueEnum;
use sha2::{Digest, Sha256};

use crate::domain::RecordState;
use crate::domain::record::build_record_with;
use crate::error::Error;
use crate::export::events_csv;
use crate::report::{Format, Report, render};
use crate::storage::merge_election_label;

/// The manifest of an evidence folder: one `SHA256  FILE` line per file.
pub const MANIFEST: &str = "MANIFEST";
/// The events of an evidence folder, with every field and hash (what `verify` and `merge` read).
pub const EVENTS_CSV: &str = "events.csv";

/// Writes an evidence folder: `events.csv` (every field and hash, for `verify` and `merge`),
/// `observations.csv` (for people), the report in every format, `chain-digest.txt`, and
/// `MANIFEST` (`sha256sum` format: `sha256sum -c MANIFEST` checks it too). The folder is written
/// beside its final place and renamed when complete: never half-written.
pub fn evidence_folder(
    store: &crate::storage::Store,
    output: &Path,
    semicolon: bool,
    lang: crate::i18n::Lang,
) -> Result<(), Error> {
    let io = |path: &Path| {
        let path = path.to_owned();
        move |source| Error::Io {
            path: path.clone(),
            context: crate::error::IoContext::WritingReport,
            source,
        }
    };
    if output.exists()
        && std::fs::read_dir(output)
            .map_err(io(output))?
            .next()
            .is_some()
    {
        return Err(Error::EvidenceFolderNotEmpty(output.to_owned()));
    }
    let parent = match output.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => std::path::PathBuf::from("."),
    };
    let staging = tempfile::Builder::new()
        .prefix(".constat-evidence-")
        .tempdir_in(&parent)
        .map_err(io(&parent))?;
    let dir = staging.path();

    let data = store.election_data()?;
    let names = store.observers()?;
    let events = store.events_with_hashes()?;
    let digest = store.chain_digest()?;
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();

    let mut buf = Vec::new();
    events_csv::write(&mut buf, &merge_election_label(&data), &names, &events)
        .map_err(|e| io(output)(std::io::Error::other(e.to_string())))?;
    files.push((EVENTS_CSV.to_owned(), buf));

    let mut buf = Vec::new();
    crate::export::evidence::write_observations(
        &mut buf,
        &events,
        &names,
        &data.referential,
        if semicolon { b';' } else { b',' },
    )
    .map_err(|e| io(output)(std::io::Error::other(e.to_string())))?;
    files.push(("observations.csv".to_owned(), buf));

    let plain: Vec<crate::domain::Event> = events.iter().map(|(e, _)| e.clone()).collect();
    let state = RecordState::fold(&plain);
    let records: Vec<_> = state
        .observed_circonscriptions()
        .iter()
        .filter_map(|c| build_record_with(&data.referential, &state, c, &names))
        .collect();
    for format in Format::value_variants() {
        let report = Report {
            election: &data.election,
            records: records.clone(),
            digest: digest.clone(),
        };
        let mut buf = Vec::new();
        render(&report, *format, lang, &mut buf).map_err(io(output))?;
        let name = format
            .to_possible_value()
            .map_or_else(|| "report".to_owned(), |v| v.get_name().to_owned());
        let extension = if name == "text" {
            "txt".to_owned()
        } else {
            name
        };
        files.push((format!("report.{extension}"), buf));
    }
    if let Some(d) = &digest {
        files.push(("chain-digest.txt".to_owned(), format!("{d}\n").into_bytes()));
    }

    let mut manifest = String::new();
    for (name, bytes) in &files {
        let path = dir.join(name);
        let mut f = std::fs::File::create(&path).map_err(io(&path))?;
        f.write_all(bytes).map_err(io(&path))?;
        f.sync_all().map_err(io(&path))?;
        manifest.push_str(&format!("{}  {name}\n", hex::encode(Sha256::digest(bytes))));
    }
    let manifest_path = dir.join(MANIFEST);
    let mut f = std::fs::File::create(&manifest_path).map_err(io(&manifest_path))?;
    f.write_all(manifest.as_bytes())
        .map_err(io(&manifest_path))?;
    f.sync_all().map_err(io(&manifest_path))?;

    let staged = staging.keep();
    if output.exists() {
        std::fs::remove_dir(output).map_err(io(output))?;
    }
    std::fs::rename(&staged, output).map_err(io(output))?;
    if let Ok(d) = std::fs::File::open(&parent) {
        let _ = d.sync_all();
    }
    Ok(())
}
