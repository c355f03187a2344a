//! `constat machines`: the observer's statement that a bureau votes on machines (or, with
//! `--off`, does not). A signed event like a tick: the fold decides from every observer's
//! statements ([`crate::domain::record::votes_on_machines`]). With `--from FILE`, every bureau of
//! a table, in one transaction ([`crate::app::machines::machines_from`]).

use super::{Context, record_seen};
use crate::app::machines::machines_from;
use crate::cli::MachinesArgs;
use crate::domain::{BureauCode, EventBody};
use crate::error::{Error, check_text};
use crate::i18n::Message;

/// `constat machines`.
pub fn run(args: &MachinesArgs, ctx: &mut Context<'_>) -> Result<(), Error> {
    let mut store = ctx.open_store()?;
    let note = args
        .note
        .as_deref()
        .map(|n| check_text("--note", n))
        .transpose()?;
    if let Some(file) = &args.from {
        let summary = machines_from(
            &mut store,
            file,
            note.as_deref(),
            args.seen.seen_at,
            ctx.lang,
        )?;
        let line = Message::new("machines-from-done")
            .arg("file", super::shown(file))
            .arg("on", summary.on)
            .arg("off", summary.off)
            .render(ctx.lang);
        ctx.say(&line);
        return Ok(());
    }
    // clap requires --bureau without --from.
    let raw = args.bureau.as_deref().unwrap_or_default();
    let code = BureauCode::parse(raw)?;
    let Some(circ) = store.bureau(&code)?.and_then(|b| b.circonscription) else {
        return Err(Error::NoSuchBureau(raw.to_owned()));
    };
    let body = EventBody::Machines {
        circonscription: circ,
        bureau: code,
        machines: !args.off,
        note,
    };
    record_seen(&mut store, body, args.seen.seen_at, ctx)
}
