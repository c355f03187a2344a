//! The application layer: what every front end (the commands, the full-screen interface, plain
//! mode) and the benches call, so that they cannot disagree. It opens and creates databases,
//! resolves places, stamps events with the clock and a new id, assembles reports and writes
//! evidence folders.
//!
//! The recording rules themselves (what a key, a typed line or a command records) are pure and
//! live in [`crate::domain::session`]; this layer gives them the store and the clock.

pub mod coordination;
pub mod database;
pub mod evidence;
pub mod folder_check;
pub mod machines;
pub mod output;
pub mod photo_pick;
pub mod photos;
pub mod place;
pub mod pv;
pub mod report;

use chrono::{DateTime, Utc};

use crate::domain::event::Moment;
use crate::domain::legal_time::LegalZone;
use crate::domain::{BureauCode, CirconscriptionCode, Event, EventBody, EventId};
use crate::error::Error;
use crate::storage::{StorageError, Store};

/// A new event id: a UUID v7, time-ordered and globally unique.
pub fn new_event_id() -> EventId {
    EventId(uuid::Uuid::now_v7())
}

/// The time now: the one place where constat reads the clock to stamp what it records.
pub fn now() -> DateTime<Utc> {
    #[allow(clippy::disallowed_methods)] // the application layer is the edge where time enters
    Utc::now()
}

/// Appends one event stamped now with a new id; returns it once it is committed.
pub fn append(store: &mut Store, body: EventBody) -> Result<Event, StorageError> {
    store.append(new_event_id(), now(), body)
}

/// [`append`] of an observation seen at `seen_at` (see [`seen_at`]), `None` for now.
pub fn append_seen(
    store: &mut Store,
    body: EventBody,
    seen_at: Option<DateTime<Utc>>,
) -> Result<Event, StorageError> {
    store.append_seen(new_event_id(), now(), seen_at, body)
}

/// A typed "seen at" moment as UTC, read in the legal local time of the place (the bureau's,
/// else the circonscription's); a time alone is on the PLACE's own election day (the Saturday
/// where the kind votes a day earlier: the Antilles, Guyane, Saint-Pierre-et-Miquelon,
/// Polynésie, French abroad in the Americas; law.md §4.6). Refused: a time alone when the
/// election day is unknown, a local time that does not exist, a moment in the future.
pub fn seen_at_in(
    moment: Moment,
    election: &crate::domain::Election,
    circ: &CirconscriptionCode,
    bureau: Option<&BureauCode>,
    lang: crate::i18n::Lang,
) -> Result<DateTime<Utc>, Error> {
    let law = crate::domain::law::Law::of(election.kind);
    let day = election.date.map(|d| law.vote_day_at(d, circ, bureau));
    seen_at(moment, day, circ, bureau, lang)
}

/// [`seen_at_in`] with the place's own election day already known (`election_day`): a time
/// alone is on that day. Front ends give [`seen_at_in`] the election instead, so that a
/// Saturday vote is not read on the metropolitan Sunday.
pub fn seen_at(
    moment: Moment,
    election_day: Option<chrono::NaiveDate>,
    circ: &CirconscriptionCode,
    bureau: Option<&BureauCode>,
    lang: crate::i18n::Lang,
) -> Result<DateTime<Utc>, Error> {
    let zone = LegalZone::of_place(circ, bureau);
    let local = match moment {
        Moment::Instant(at) => return not_future(at, zone, lang),
        Moment::Local(local) => local,
        Moment::TimeOfElectionDay(time) => {
            election_day.ok_or(Error::SeenAtWithoutDay)?.and_time(time)
        }
    };
    let at = zone.to_utc(local).ok_or_else(|| {
        let cat = lang.catalog();
        Error::SeenAtNonexistent(format!(
            "{}, {}",
            (cat.pv.date)(local.date()),
            cat.clock(local)
        ))
    })?;
    not_future(at, zone, lang)
}

/// A few minutes' leeway for clocks that differ.
const FUTURE_LEEWAY_MINUTES: i64 = 5;

fn not_future(
    at: DateTime<Utc>,
    zone: LegalZone,
    lang: crate::i18n::Lang,
) -> Result<DateTime<Utc>, Error> {
    if at > now() + chrono::Duration::minutes(FUTURE_LEEWAY_MINUTES) {
        return Err(Error::SeenAtInFuture(lang.catalog().moment(at, zone)));
    }
    Ok(at)
}
