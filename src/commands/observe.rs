//! `constat ui`, `tick`, `envelope` and `non-receipt`: recording observations, by the same rules
//! as the interface and plain mode ([`crate::domain::session`]).

use super::{Context, record_seen};
use crate::app::place::{bureau, bureau_or_current, bureaux_of, candidate, circonscription};
use crate::cli::{EnvelopeArgs, NonReceiptArgs, TickArgs};
use crate::domain::event::Moment;
use crate::domain::legal_time::LegalZone;
use crate::domain::session::{Implausible, NoteChange, Refusal, Sheet};
use crate::domain::{BureauCode, Candidate, CirconscriptionCode, EventBody, Item, RecordState};
use crate::error::{Error, check_text};
use crate::i18n::Message;
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
            let line = (ctx.lang.setup().cancelled)(&super::shown(&path));
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

/// The local observer's events of `circ`, folded: what the recording rules read.
fn own_state(store: &Store, circ: &CirconscriptionCode) -> Result<RecordState, Error> {
    let observer = store.local_observer()?;
    Ok(RecordState::fold(
        &store.events_of_observer(observer.id, circ)?,
    ))
}

/// Says a refusal of the recording rules as the command line's error.
fn refused(store: &Store, circ: &CirconscriptionCode, refusal: &Refusal) -> Result<Error, Error> {
    Ok(match refusal {
        Refusal::NoVoters => Error::NoVoters,
        Refusal::ArrivalWithoutEnvelope => Error::ArrivalWithoutEnvelope,
        Refusal::NoEnvelopeReceived => Error::NoEnvelopeReceived,
        Refusal::EnvelopeBeyond { number, limit } => Error::EnvelopeBeyondCount {
            number: *number,
            limit: *limit,
        },
        Refusal::EnvelopeZero => Error::EnvelopeBeyondCount {
            number: 0,
            limit: 1,
        },
        // A bureau cell or a non-receipt without a bureau; moves are not a command.
        _ => Error::BureauRequired {
            known: bureaux_of(store, circ)?,
            circ: circ.to_string(),
        },
    })
}

/// Records `body`, or says that the store already holds exactly this observation.
fn record_or_unchanged(
    store: &mut Store,
    body: Option<EventBody>,
    seen: Option<Moment>,
    ctx: &mut Context<'_>,
) -> Result<(), Error> {
    match body {
        Some(body) => record_seen(store, body, seen, ctx),
        None => {
            ctx.say(ctx.lang.catalog().already_recorded);
            Ok(())
        }
    }
}

/// The sheet of the local observer at `circ` and `bureau`, in envelope `envelope`.
fn sheet<'a>(
    store: &Store,
    state: &'a RecordState,
    circ: &'a CirconscriptionCode,
    candidates: &'a [Candidate],
    bureau: Option<&'a BureauCode>,
    envelope: u16,
) -> Result<Sheet<'a>, Error> {
    Ok(Sheet {
        state,
        observer: store.local_observer()?.id,
        circonscription: circ,
        candidates,
        bureau,
        envelope,
    })
}

/// `constat tick`.
pub fn tick(args: &TickArgs, ctx: &mut Context<'_>) -> Result<(), Error> {
    let mut store = ctx.open_store()?;
    let (circ, candidates) = circonscription(&store, &args.circonscription)?;
    let circ = circ.code;
    let panel = candidate(&candidates, &circ, &args.candidate)?;
    let item = Item::from(args.item);
    let bureau = bureau_or_current(&store, &circ, args.bureau.as_deref())?;
    if item == Item::Bureau && args.envelope.is_some() {
        return Err(Error::EnvelopeOnBureau);
    }
    let state = own_state(&store, &circ)?;
    let first = sheet(&store, &state, &circ, &candidates, bureau.as_ref(), 1)?;
    let envelope = match args.envelope {
        Some(n) => match first.check_envelope(n) {
            Ok(n) => n,
            Err(refusal) => return Err(refused(&store, &circ, &refusal)?),
        },
        None => 1,
    };
    let sheet = Sheet { envelope, ..first };
    let change = match note(args.note.as_deref())? {
        Some(n) => NoteChange::Replace(Some(n)),
        None => NoteChange::Keep,
    };
    let mark = args.value.into();
    let recheck = args.note.is_none() && sheet.is_recheck(panel, item, mark);
    let body = match sheet.tick(panel, item, mark, change) {
        Ok(body) => body,
        Err(refusal) => return Err(refused(&store, &circ, &refusal)?),
    };
    match body {
        // The same mark again at the bureau's table: a re-check, said as plain mode says it.
        Some(body) if recheck => {
            let seen = super::resolve_seen(&store, &body, args.seen.seen_at, ctx)?;
            let event = crate::app::append_seen(&mut store, body, seen)?;
            let local = LegalZone::of_place(&circ, bureau.as_ref()).local(event.seen());
            let line = Message::new("rechecked-event")
                .arg("time", crate::plain::text::clock_words(ctx.lang, local))
                .arg("id", event.id.to_string())
                .render(ctx.lang);
            ctx.say(&line);
            Ok(())
        }
        body => record_or_unchanged(&mut store, body, args.seen.seen_at, ctx),
    }
}

/// `constat envelope`: a new count keeps the day and the note recorded before unless given.
pub fn envelope(args: &EnvelopeArgs, ctx: &mut Context<'_>) -> Result<(), Error> {
    let mut store = ctx.open_store()?;
    let circ = circonscription(&store, &args.circonscription)?.0.code;
    let bureau = bureau_or_current(&store, &circ, args.bureau.as_deref())?;
    let state = own_state(&store, &circ)?;
    let sheet = sheet(&store, &state, &circ, &[], bureau.as_ref(), 1)?;
    match sheet.check_count(args.voters, args.received, args.confirm_more) {
        Ok(()) => {}
        Err(Implausible::TooManyVoters { max, .. }) => return Err(Error::TooManyVoters { max }),
        Err(Implausible::TooManyEnvelopes { max, .. }) => {
            return Err(Error::TooManyEnvelopes { max });
        }
        Err(Implausible::MoreThanVoters { voters, received }) => {
            return Err(Error::MoreEnvelopesThanVoters { voters, received });
        }
    }
    let body = sheet.envelope_record(
        args.voters,
        args.received,
        args.received_on.map(Some),
        note(args.note.as_deref())?.map(Some),
    );
    match body {
        Ok(body) => record_seen(&mut store, body, args.seen.seen_at, ctx),
        Err(refusal) => Err(refused(&store, &circ, &refusal)?),
    }
}

/// `constat non-receipt`.
pub fn non_receipt(args: &NonReceiptArgs, ctx: &mut Context<'_>) -> Result<(), Error> {
    let mut store = ctx.open_store()?;
    let circ = circonscription(&store, &args.circonscription)?.0.code;
    let bureau = bureau(&store, &circ, &args.bureau)?;
    let voter = args
        .voter
        .as_deref()
        .map(|v| check_text("--voter", v))
        .transpose()?;
    let state = RecordState::default();
    let sheet = sheet(&store, &state, &circ, &[], Some(&bureau), 1)?;
    // Your own household's unless another voter is named (law.md §2.10).
    let own = crate::domain::session::own_household(
        voter.as_deref(),
        &store.local_observer()?.name,
        args.household.map(|h| h == crate::cli::HouseholdArg::Own),
    );
    match sheet.non_receipt_of(voter, note(args.note.as_deref())?, own) {
        Ok(body) => record_seen(&mut store, body, args.seen.seen_at, ctx),
        Err(refusal) => Err(refused(&store, &circ, &refusal)?),
    }
}
