//! `constat ui`, `tick`, `envelope` and `non-receipt`: recording observations.

use super::{Context, record};
use crate::app::place::{bureau, bureau_or_current, bureaux_of, candidate, circonscription};
use crate::cli::{EnvelopeArgs, NonReceiptArgs, TickArgs};
use crate::domain::{EventBody, Item};
use crate::error::{Error, check_text};
use crate::storage::Store;

/// `constat ui`: the interface (`--plain`: the plain mode).
///
/// With no database at the path yet, the first-run form creates one (it never replaces a file).
pub fn ui(plain: bool, ctx: &mut Context<'_>) -> Result<(), Error> {
    let path = ctx.db_path()?;
    if plain {
        return crate::plain::run(Store::open(&path)?, ctx.lang, &mut *ctx.out);
    }
    if !path.exists() {
        let created = crate::tui::runtime::first_run(&path, ctx.lang)?;
        if !created {
            let line = (ctx.lang.setup().cancelled)(&path.display().to_string());
            ctx.say(&line);
        }
        return Ok(());
    }
    let store = Store::open(&path)?;
    crate::tui::run(store, ctx.lang)
}

fn note(raw: Option<&str>) -> Result<Option<String>, Error> {
    raw.map(|n| check_text("--note", n)).transpose()
}

/// `constat tick`.
pub fn tick(args: &TickArgs, ctx: &mut Context<'_>) -> Result<(), Error> {
    let mut store = ctx.open_store()?;
    let (circ, candidates) = circonscription(&store, &args.circonscription)?;
    let circ = circ.code;
    let panel = candidate(&candidates, &circ, &args.candidate)?;
    let item = Item::from(args.item);
    let bureau = bureau_or_current(&store, &circ, args.bureau.as_deref())?;
    if item == Item::Bureau && bureau.is_none() {
        return Err(Error::BureauRequired {
            known: bureaux_of(&store, &circ)?,
            circ: circ.to_string(),
        });
    }
    if item == Item::Bureau && args.envelope.is_some() {
        return Err(Error::EnvelopeOnBureau);
    }
    let body = EventBody::Tick {
        circonscription: circ,
        bureau,
        panel,
        item,
        mark: args.value.into(),
        note: note(args.note.as_deref())?,
        // The first envelope is recorded without a number, as the interface records it.
        envelope: args.envelope.filter(|n| *n > 1),
    };
    record(&mut store, body, ctx)
}

/// `constat envelope`.
pub fn envelope(args: &EnvelopeArgs, ctx: &mut Context<'_>) -> Result<(), Error> {
    let mut store = ctx.open_store()?;
    let circ = circonscription(&store, &args.circonscription)?.0.code;
    if args.voters == 0 {
        return Err(Error::NoVoters);
    }
    let body = EventBody::Envelope {
        bureau: bureau_or_current(&store, &circ, args.bureau.as_deref())?,
        circonscription: circ,
        voters: args.voters,
        received: args.received,
        note: note(args.note.as_deref())?,
        received_on: args.received_on,
    };
    record(&mut store, body, ctx)
}

/// `constat non-receipt`.
pub fn non_receipt(args: &NonReceiptArgs, ctx: &mut Context<'_>) -> Result<(), Error> {
    let mut store = ctx.open_store()?;
    let circ = circonscription(&store, &args.circonscription)?.0.code;
    let body = EventBody::NonReceipt {
        bureau: bureau(&store, &circ, &args.bureau)?,
        circonscription: circ,
        voter: args
            .voter
            .as_deref()
            .map(|v| check_text("--voter", v))
            .transpose()?,
        note: note(args.note.as_deref())?,
    };
    record(&mut store, body, ctx)
}
