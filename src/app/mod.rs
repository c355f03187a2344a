//! The application layer: what every front end (the commands, the full-screen interface, plain
//! mode) and the benches call, so that they cannot disagree. It opens and creates databases,
//! resolves places, stamps events with the clock and a new id, assembles reports and writes
//! evidence folders.
//!
//! The recording rules themselves (what a key, a typed line or a command records) are pure and
//! live in [`crate::domain::session`]; this layer gives them the store and the clock.

pub mod database;
pub mod evidence;
pub mod place;
pub mod pv;
pub mod report;

use chrono::{DateTime, Utc};

use crate::domain::{Event, EventBody, EventId};
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
