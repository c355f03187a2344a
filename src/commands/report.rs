//! `constat report`: the record and its findings, to standard output or a file.

use std::io::Write;
use std::path::Path;

use super::{Context, circonscription};
use crate::cli::ReportArgs;
use crate::domain::record::build_record_with;
use crate::error::Error;
use crate::report::{Report, render};

/// `constat report`.
pub fn run(args: &ReportArgs, ctx: &mut Context<'_>) -> Result<(), Error> {
    let store = ctx.open_store()?;
    let data = store.election_data()?;
    let state = store.fold()?;
    let names = store.observers()?;
    if args.conflicts {
        let mut buf = Vec::new();
        crate::report::conflicts::render(
            &state.disagreements(),
            &data.referential,
            &names,
            args.format,
            ctx.lang.catalog(),
            &mut buf,
        )
        .map_err(|source| Error::Io {
            path: args.output.clone().unwrap_or_default(),
            context: "writing the report",
            source,
        })?;
        return output(args, ctx, &buf);
    }
    let circs = match &args.circonscription {
        Some(raw) => vec![circonscription(&store, raw)?.0.code],
        None => state.observed_circonscriptions(),
    };
    let records = circs
        .iter()
        .filter_map(|c| build_record_with(&data.referential, &state, c, &names))
        .collect();
    let report = Report {
        election: &data.election,
        records,
        digest: store.chain_digest()?,
    };
    let mut buf = Vec::new();
    render(&report, args.format, ctx.lang, &mut buf).map_err(|source| Error::Io {
        path: args.output.clone().unwrap_or_default(),
        context: "writing the report",
        source,
    })?;
    output(args, ctx, &buf)
}

/// Prints `bytes`, or writes them atomically to `-o FILE`.
fn output(args: &ReportArgs, ctx: &mut Context<'_>, bytes: &[u8]) -> Result<(), Error> {
    match &args.output {
        None => {
            // A closed pipe (`constat report | head`) is not an error.
            let _ = ctx.out.write_all(bytes);
            Ok(())
        }
        Some(path) => {
            write_atomically(path, bytes)?;
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
