//! `constat machines`: the observer's statement that a bureau votes on machines (or, with
//! `--off`, does not). A signed event like a tick: the fold decides from every observer's
//! statements ([`crate::domain::record::votes_on_machines`]).

use super::{Context, record_seen};
use crate::cli::MachinesArgs;
use crate::domain::{BureauCode, EventBody};
use crate::error::{Error, check_text};

/// `constat machines`.
pub fn run(args: &MachinesArgs, ctx: &mut Context<'_>) -> Result<(), Error> {
    let mut store = ctx.open_store()?;
    let code = BureauCode::parse(&args.bureau)?;
    let Some(circ) = store.bureau(&code)?.and_then(|b| b.circonscription) else {
        return Err(Error::NoSuchBureau(args.bureau.clone()));
    };
    let note = args
        .note
        .as_deref()
        .map(|n| check_text("--note", n))
        .transpose()?;
    let body = EventBody::Machines {
        circonscription: circ,
        bureau: code,
        machines: !args.off,
        note,
    };
    record_seen(&mut store, body, args.seen.seen_at, ctx)
}
