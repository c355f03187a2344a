//! `constat reference -o FILE`: the coordinator's reference file, handed out to observers who
//! create their database from it with `constat init --reference FILE`.

use super::Context;
use crate::app::database::write_reference;
use crate::cli::ReferenceArgs;
use crate::error::Error;
use crate::i18n::Message;

/// `constat reference`.
pub fn run(args: &ReferenceArgs, ctx: &mut Context<'_>) -> Result<(), Error> {
    let store = ctx.open_store()?;
    let summary = write_reference(&store, &args.output)?;
    let line = Message::new("reference-written")
        .arg("path", super::shown(&args.output))
        .arg("circs", summary.circonscriptions)
        .arg("candidates", summary.candidates)
        .arg("bureaux", summary.bureaux)
        .render(ctx.lang);
    ctx.say(&line);
    Ok(())
}
