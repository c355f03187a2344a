//! `constat report`: the record and its findings, to standard output or a file.

use super::Context;
use crate::app::place::circonscription;
use crate::app::report::{read_inputs, write_atomically, write_report};
use crate::cli::ReportArgs;
use crate::error::Error;

/// `constat report`.
pub fn run(args: &ReportArgs, ctx: &mut Context<'_>) -> Result<(), Error> {
    let store = ctx.open_store()?;
    // Checked before anything is read or written: an output never destroys evidence.
    if let Some(path) = &args.output {
        crate::app::output::guard(
            path,
            store.path(),
            crate::app::output::Kind::File,
            args.force,
        )?;
    }
    let inputs = read_inputs(&store, !args.conflicts)?;
    if args.conflicts {
        let mut buf = Vec::new();
        crate::report::conflicts::render(
            &inputs.state.disagreements(),
            &crate::report::conflicts::machines_conflicts(&inputs.state),
            &inputs.data.referential,
            &inputs.names,
            args.format,
            ctx.lang.catalog(),
            &mut buf,
        )
        .map_err(|source| Error::Io {
            path: args.output.clone().unwrap_or_default(),
            context: crate::error::IoContext::WritingReport,
            source,
        })?;
        return output(args, ctx, &buf);
    }
    let circs = match &args.circonscription {
        Some(raw) => vec![circonscription(&store, raw)?.0.code],
        None => inputs.state.observed_circonscriptions(),
    };
    let mut buf = Vec::new();
    write_report(&inputs, &circs, args.format, ctx.lang, &mut buf, &mut || ()).map_err(
        |source| Error::Io {
            path: args.output.clone().unwrap_or_default(),
            context: crate::error::IoContext::WritingReport,
            source,
        },
    )?;
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
            let line = (ctx.lang.catalog().report_written)(&super::shown(path));
            ctx.say(&line);
            Ok(())
        }
    }
}
