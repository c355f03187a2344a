//! `constat export db|csv -o FILE`: what an observer sends to a coordinator.

use super::Context;
use crate::app::evidence::evidence_folder;
use crate::app::output::{Kind, guard};
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
        ExportCommand::Db {
            output,
            force,
            thumbnails,
        } => {
            guard(output, store.path(), Kind::File, *force)?;
            if *thumbnails {
                store.export_db_thumbnails(output)?;
            } else {
                store.export_db(output)?;
            }
            ctx.say(&(cat.exported)(&super::shown(output)));
        }
        ExportCommand::Evidence { output, semicolon } => {
            guard(output, store.path(), Kind::Folder, false)?;
            evidence_folder(&store, output, *semicolon, ctx.lang)?;
            ctx.say(&(cat.exported)(&super::shown(output)));
        }
        ExportCommand::Csv { output, force } => {
            guard(output, store.path(), Kind::File, *force)?;
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
        ExportCommand::Xlsx { output, force } => {
            guard(output, store.path(), Kind::File, *force)?;
            let buf = crate::app::evidence::xlsx_workbook(&store, output, ctx.lang)?;
            write_atomically(output, &buf)?;
            ctx.say(&(cat.exported)(&super::shown(output)));
        }
    }
    Ok(())
}
