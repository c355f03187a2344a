//! `constat export db|csv -o FILE`: what an observer sends to a coordinator.

use std::path::Path;

use super::Context;
use crate::app::evidence::evidence_folder;
use crate::app::report::write_atomically;
use crate::cli::ExportCommand;
use crate::error::Error;
use crate::export::events_csv;
use crate::storage::merge_election_label;

/// `constat export`.
pub fn run(cmd: &ExportCommand, ctx: &mut Context<'_>) -> Result<(), Error> {
    let store = ctx.open_store()?;
    let cat = ctx.lang.catalog();
    match cmd {
        ExportCommand::Db { output } => {
            if same_file(output, store.path()) {
                return Err(Error::ExportOverDatabase(output.clone()));
            }
            store.export_db(output)?;
            ctx.say(&(cat.exported)(&super::shown(output)));
        }
        ExportCommand::Evidence { output, semicolon } => {
            evidence_folder(&store, output, *semicolon, ctx.lang)?;
            ctx.say(&(cat.exported)(&super::shown(output)));
        }
        ExportCommand::Csv { output } => {
            let data = store.election_data()?;
            let names = store.observers()?;
            let events = store.events_with_hashes()?;
            // Every event's signature and each observer's signed statement (issue 15).
            let seals = store.observer_seals()?;
            let signatures = store.event_signatures()?;
            let mut buf = Vec::new();
            events_csv::write_signed(
                &mut buf,
                &merge_election_label(&data),
                &names,
                &events,
                &seals,
                &signatures,
            )
            .map_err(|e| Error::Io {
                path: output.clone(),
                context: crate::error::IoContext::WritingReport,
                source: std::io::Error::other(e.to_string()),
            })?;
            write_atomically(output, &buf)?;
            ctx.say(&(cat.exported)(&super::shown(output)));
        }
    }
    Ok(())
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
