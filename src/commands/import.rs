//! `constat import candidates|bureaux FILE`: official data into the database, in one transaction.

use super::Context;
use crate::cli::ImportCommand;
use crate::error::Error;
use crate::i18n::Localize;
use crate::import;
use crate::storage::ImportFailure;

fn failure(e: ImportFailure) -> Error {
    match e {
        ImportFailure::File(e) => Error::Import(e),
        ImportFailure::Storage(e) => Error::Storage(e),
    }
}

/// Says what the file was recognised as: format, encoding, separator.
fn say_recognised(ctx: &mut Context<'_>, file: &std::path::Path, info: &import::FileInfo) {
    let line = (ctx.lang.catalog().import_recognised)(
        &super::shown(file),
        &info.format.text(ctx.lang),
        info.encoding,
        info.separator,
    );
    ctx.say(&line);
}

/// `constat import`.
pub fn run(cmd: &ImportCommand, ctx: &mut Context<'_>) -> Result<(), Error> {
    let mut store = ctx.open_store()?;
    let now = crate::app::now();
    let cat = ctx.lang.catalog();
    match cmd {
        ImportCommand::Candidates {
            file,
            accept_renames,
        } => {
            let election = store.election()?;
            let summary = store
                .import_candidates(file, now, *accept_renames, &mut |sink| {
                    let mut scope = import::Scope::default();
                    let info = import::read_candidates(file, &mut |row| {
                        scope.note(row.candidate.circonscription.as_str());
                        sink(row)
                    })?;
                    // Refused after reading: the whole import is then rolled back.
                    import::check_election(file, info.format, &election)?;
                    import::check_round(file, info.format, &election)?;
                    import::check_scope(file, &scope, &election)?;
                    Ok(info)
                })
                .map_err(failure)?;
            say_recognised(ctx, file, &summary.info);
            ctx.say(&(cat.import_candidates_done)(
                summary.candidates,
                summary.circonscriptions,
                summary.added,
                summary.unchanged,
            ));
            for (before, after) in &summary.changed {
                ctx.say(&(cat.import_changed)(
                    after.circonscription.as_str(),
                    &after.panel.to_string(),
                    &format!(
                        "{} {} ({})",
                        before.display_name(),
                        before.sex.as_str(),
                        before.nuance
                    ),
                    &format!(
                        "{} {} ({})",
                        after.display_name(),
                        after.sex.as_str(),
                        after.nuance
                    ),
                ));
            }
            for c in &summary.withdrawn {
                ctx.say(&(cat.import_withdrawn)(
                    c.circonscription.as_str(),
                    &c.panel.to_string(),
                    &c.display_name(),
                ));
            }
            if summary.added == 0 && summary.changed.is_empty() && summary.withdrawn.is_empty() {
                ctx.say(cat.import_nothing_changed);
            }
        }
        ImportCommand::Bureaux { file } => {
            let summary = store
                .import_bureaux(file, now, &mut |sink| import::read_bureaux(file, sink))
                .map_err(failure)?;
            say_recognised(ctx, file, &summary.info);
            ctx.say(&(cat.import_bureaux_done)(
                summary.bureaux,
                summary.added,
                summary.changed,
                summary.unchanged,
            ));
            if summary.without_circonscription > 0 {
                ctx.say(&(cat.import_bureaux_without_circ)(
                    summary.without_circonscription,
                ));
            }
        }
    }
    Ok(())
}
