//! `constat report`: the record and its findings, to standard output or a file.

use std::io::Write;
use std::path::Path;

use super::{Context, circonscription};
use crate::cli::ReportArgs;
use crate::domain::{RecordState, build_record};
use crate::error::Error;
use crate::report::{Report, render};

/// `constat report`.
pub fn run(args: &ReportArgs, ctx: &mut Context<'_>) -> Result<(), Error> {
    let store = ctx.open_store()?;
    let data = store.election_data()?;
    let state = RecordState::fold(&store.events()?);
    let circs = match &args.circonscription {
        Some(raw) => vec![circonscription(&store, raw)?.0.code],
        None => state.observed_circonscriptions(),
    };
    let records = circs
        .iter()
        .filter_map(|c| build_record(&data.referential, &state, c))
        .collect();
    let report = Report {
        election: &data.election,
        records,
    };
    match &args.output {
        None => {
            // A closed pipe (`constat report | head`) is not an error.
            let _ = render(&report, args.format, ctx.lang, ctx.out);
            Ok(())
        }
        Some(path) => {
            let mut buf = Vec::new();
            render(&report, args.format, ctx.lang, &mut buf).map_err(|source| Error::Io {
                path: path.clone(),
                context: "writing the report",
                source,
            })?;
            write_atomically(path, &buf)?;
            let line = (ctx.lang.catalog().report_written)(&path.display().to_string());
            ctx.say(&line);
            Ok(())
        }
    }
}

/// Writes `bytes` to a temporary file beside `path`, syncs it, then renames it over `path`: a
/// reader sees the old file or the whole new one, never half of it.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let io = |source| Error::Io {
        path: path.to_owned(),
        context: "writing the report",
        source,
    };
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
