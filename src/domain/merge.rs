//! Merging observers' logs: a union of events keyed by their ids. Pure.
//!
//! An event id names one event forever: the same id with other content is tampering or
//! corruption, never an update, and is refused. Each observer's series `(observer, seq)` holds one
//! event per position. Disagreeing observations are different events and are all kept.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};

use super::event::{Event, EventBody, EventId, ObserverId};
use crate::i18n::{Lang, Localize, Message};

/// Why two logs cannot be merged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MergeConflict {
    /// One id, two different events.
    SameIdOtherContent(EventId),
    /// Two events claim the same place in an observer's series.
    SameSeqOtherId {
        /// The observer.
        observer: ObserverId,
        /// The position.
        seq: u64,
        /// The event already held.
        ours: EventId,
        /// The incoming one.
        theirs: EventId,
    },
}

/// What to do with one incoming event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Not held yet: add it.
    New,
    /// Held already, identical: nothing to do.
    AlreadyPresent,
}

/// Classifies `incoming` given the event held under its id (if any) and the id held at its
/// `(observer, seq)` (if any).
pub fn classify(
    incoming: &Event,
    held_with_id: Option<&Event>,
    held_at_seq: Option<EventId>,
) -> Result<Verdict, MergeConflict> {
    match (held_with_id, held_at_seq) {
        (Some(held), _) if held == incoming => Ok(Verdict::AlreadyPresent),
        (Some(_), _) => Err(MergeConflict::SameIdOtherContent(incoming.id)),
        (None, Some(ours)) => Err(MergeConflict::SameSeqOtherId {
            observer: incoming.observer,
            seq: incoming.seq,
            ours,
            theirs: incoming.id,
        }),
        (None, None) => Ok(Verdict::New),
    }
}

/// The union of two logs, in (observer, seq) order. Fails on the first conflict.
pub fn union(a: &[Event], b: &[Event]) -> Result<Vec<Event>, MergeConflict> {
    let mut by_id: BTreeMap<EventId, &Event> = BTreeMap::new();
    let mut by_seq: BTreeMap<(ObserverId, u64), EventId> = BTreeMap::new();
    for e in a.iter().chain(b) {
        match classify(
            e,
            by_id.get(&e.id).copied(),
            by_seq.get(&(e.observer, e.seq)).copied(),
        )? {
            Verdict::AlreadyPresent => {}
            Verdict::New => {
                by_id.insert(e.id, e);
                by_seq.insert((e.observer, e.seq), e.id);
            }
        }
    }
    Ok(by_seq
        .values()
        .filter_map(|id| by_id.get(id).map(|e| (*e).clone()))
        .collect())
}

/// Why one event from another observer's file is not acceptable on its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EventProblem {
    /// Recorded more than a day after `now`: a wrong clock or a forgery.
    FromTheFuture {
        /// The event.
        id: EventId,
        /// Its date.
        at: DateTime<Utc>,
    },
    /// Recorded before 2000: not a constat event.
    TooOld {
        /// The event.
        id: EventId,
        /// Its date.
        at: DateTime<Utc>,
    },
    /// A text field too long to be a note or a name.
    TooLong {
        /// The event.
        id: EventId,
        /// Which field.
        field: &'static str,
        /// Its length.
        len: usize,
        /// The limit.
        max: usize,
    },
    /// An envelope number on a bureau tick, or outside 1 to [`super::event::MAX_ENVELOPE`].
    BadEnvelope {
        /// The event.
        id: EventId,
        /// The number given.
        number: u16,
    },
    /// A day of arrival outside [`super::event::ARRIVAL_YEARS`].
    BadDay {
        /// The event.
        id: EventId,
        /// The day given.
        day: chrono::NaiveDate,
    },
    /// A text field with control characters (NUL bytes and the like).
    ControlCharacters {
        /// The event.
        id: EventId,
        /// Which field.
        field: &'static str,
    },
    /// A key-change event whose keys are not two public keys (64 lowercase hex digits each).
    BadKeyChange {
        /// The event.
        id: EventId,
    },
}

impl Localize for MergeConflict {
    fn message(&self) -> Message<'_> {
        match self {
            Self::SameIdOtherContent(id) => {
                Message::new("reason-conflict-same-id").arg("id", id.to_string())
            }
            Self::SameSeqOtherId {
                observer,
                seq,
                ours,
                theirs,
            } => Message::new("reason-conflict-same-seq")
                .arg("observer", observer.to_string())
                .arg("seq", seq.to_string())
                .arg("ours", ours.to_string())
                .arg("theirs", theirs.to_string()),
        }
    }
}

impl std::fmt::Display for MergeConflict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for MergeConflict {}

impl Localize for EventProblem {
    fn message(&self) -> Message<'_> {
        match self {
            Self::FromTheFuture { id, at } => Message::new("reason-event-future")
                .arg("id", id.to_string())
                .arg("at", at.to_string()),
            Self::TooOld { id, at } => Message::new("reason-event-too-old")
                .arg("id", id.to_string())
                .arg("at", at.to_string()),
            Self::TooLong {
                id,
                field,
                len,
                max,
            } => Message::new("reason-event-too-long")
                .arg("id", id.to_string())
                .arg("field", *field)
                .arg("len", len.to_string())
                .arg("max", max.to_string()),
            Self::BadEnvelope { id, number } => Message::new("reason-event-envelope")
                .arg("id", id.to_string())
                .arg("number", number.to_string())
                .arg("max", super::event::MAX_ENVELOPE.to_string()),
            Self::BadDay { id, day } => Message::new("reason-event-day")
                .arg("id", id.to_string())
                .arg("day", day.to_string()),
            Self::ControlCharacters { id, field } => Message::new("reason-event-control")
                .arg("id", id.to_string())
                .arg("field", *field),
            Self::BadKeyChange { id } => {
                Message::new("reason-event-bad-key-change").arg("id", id.to_string())
            }
        }
    }
}

impl std::fmt::Display for EventProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for EventProblem {}

/// Longest note accepted.
pub const MAX_NOTE: usize = 1000;
/// Longest voter or observer name accepted.
pub const MAX_NAME: usize = 200;

/// Checks what the row decoding cannot: dates and text fields.
pub fn check_event(e: &Event, now: DateTime<Utc>) -> Result<(), EventProblem> {
    if e.recorded_at > now + Duration::days(1) {
        return Err(EventProblem::FromTheFuture {
            id: e.id,
            at: e.recorded_at,
        });
    }
    if e.recorded_at.timestamp() < 946_684_800 {
        return Err(EventProblem::TooOld {
            id: e.id,
            at: e.recorded_at,
        });
    }
    if let EventBody::Tick {
        item,
        envelope: Some(number),
        ..
    } = &e.body
        && (!item.is_in_envelope() || !(1..=super::event::MAX_ENVELOPE).contains(number))
    {
        return Err(EventProblem::BadEnvelope {
            id: e.id,
            number: *number,
        });
    }
    if let EventBody::Envelope {
        received_on: Some(day),
        ..
    } = &e.body
        && !super::event::ARRIVAL_YEARS.contains(&chrono::Datelike::year(day))
    {
        return Err(EventProblem::BadDay {
            id: e.id,
            day: *day,
        });
    }
    let texts: [(&'static str, Option<&String>, usize); 2] = match &e.body {
        EventBody::Tick { note, .. }
        | EventBody::Envelope { note, .. }
        | EventBody::Machines { note, .. } => {
            [("note", note.as_ref(), MAX_NOTE), ("voter", None, MAX_NAME)]
        }
        EventBody::NonReceipt { voter, note, .. } => [
            ("note", note.as_ref(), MAX_NOTE),
            ("voter", voter.as_ref(), MAX_NAME),
        ],
        EventBody::Retract { .. } => [("note", None, MAX_NOTE), ("voter", None, MAX_NAME)],
        EventBody::KeyChange { .. } => {
            if e.body.changed_keys().is_none() {
                return Err(EventProblem::BadKeyChange { id: e.id });
            }
            [("note", None, MAX_NOTE), ("voter", None, MAX_NAME)]
        }
        EventBody::Photo { note, photo, .. } => [
            ("note", note.as_ref(), MAX_NOTE),
            ("photo_name", Some(&photo.name), MAX_NAME),
        ],
    };
    for (field, text, max) in texts {
        let Some(text) = text else { continue };
        let len = text.chars().count();
        if len > max {
            return Err(EventProblem::TooLong {
                id: e.id,
                field,
                len,
                max,
            });
        }
        if text
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t')
        {
            return Err(EventProblem::ControlCharacters { id: e.id, field });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
