//! A cell's history and an observer's undoable events, read from the log (issue 16, points 9
//! and 10): every observation the observer made of one cell, with whether it was withdrawn
//! later; and which of the observer's events an undo may still withdraw. Pure.

use std::collections::HashSet;

use chrono::{DateTime, Utc};

use super::state::{CellKey, envelope_number};
use super::{Event, EventBody, EventId, Mark, ObserverId, RecordState};

/// One observation of a cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The event.
    pub id: EventId,
    /// When it was seen (the time the observer gave, else when it was recorded).
    pub at: DateTime<Utc>,
    /// What was seen.
    pub mark: Mark,
    /// Its note.
    pub note: Option<String>,
    /// True when the observer withdrew it later (an undo, a move).
    pub withdrawn: bool,
}

/// Every tick of `observer` on the cell `key`, oldest first, from `events` (the observer's
/// events in seq order, retractions included).
pub fn of_cell(events: &[Event], observer: ObserverId, key: &CellKey) -> Vec<Entry> {
    let withdrawn: HashSet<EventId> = events
        .iter()
        .filter(|e| e.observer == observer)
        .filter_map(|e| match e.body {
            EventBody::Retract { target } => Some(target),
            _ => None,
        })
        .collect();
    events
        .iter()
        .filter(|e| e.observer == observer)
        .filter_map(|e| match &e.body {
            EventBody::Tick {
                circonscription,
                bureau,
                panel,
                item,
                mark,
                note,
                envelope,
            } => {
                let here = CellKey::new(circonscription.clone(), bureau.clone(), *panel, *item);
                let here = CellKey {
                    envelope: envelope_number(*item, *envelope),
                    ..here
                };
                (here == *key).then(|| Entry {
                    id: e.id,
                    // The observation's time, not the data entry's (law.md §2.8).
                    at: e.seen(),
                    mark: *mark,
                    note: note.clone(),
                    withdrawn: withdrawn.contains(&e.id),
                })
            }
            _ => None,
        })
        .collect()
}

/// The events of `observer` an undo may still withdraw, oldest first: their ticks, envelope
/// counts and non-receipts that are still live in `state` (the fold of `events`). Retractions
/// are not undone.
pub fn undoable<'a>(
    events: &'a [Event],
    state: &RecordState,
    observer: ObserverId,
) -> Vec<&'a Event> {
    let withdrawn: HashSet<EventId> = events
        .iter()
        .filter(|e| e.observer == observer)
        .filter_map(|e| match e.body {
            EventBody::Retract { target } => Some(target),
            _ => None,
        })
        .collect();
    events
        .iter()
        .filter(|e| e.observer == observer)
        .filter(|e| !matches!(e.body, EventBody::Retract { .. }))
        .filter(|e| !withdrawn.contains(&e.id))
        .filter(|e| match e.body {
            // A later tick of the same cell hides an earlier one, which stays live beneath it.
            EventBody::Tick { .. } => true,
            _ => state.is_live(e.id),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{CirconscriptionCode, Item, Panel};
    use uuid::Uuid;

    fn tick(seq: u64, panel: u16, mark: Mark, note: Option<&str>) -> Event {
        Event {
            id: EventId(Uuid::from_u128(u128::from(seq))),
            observer: ObserverId(Uuid::from_u128(7)),
            seq,
            recorded_at: DateTime::from_timestamp(
                1_717_855_200 + 3600 * i64::try_from(seq).unwrap(),
                0,
            )
            .unwrap(),
            seen_at: None,
            body: EventBody::Tick {
                circonscription: CirconscriptionCode::parse("7501").unwrap(),
                bureau: None,
                panel: Panel::new(panel).unwrap(),
                item: Item::Foi,
                mark,
                note: note.map(str::to_owned),
                envelope: None,
            },
        }
    }

    #[test]
    fn a_cells_history_lists_its_ticks_with_notes_and_withdrawals() {
        let observer = ObserverId(Uuid::from_u128(7));
        let mut events = vec![
            tick(1, 1, Mark::Absent, Some("bulletins épuisés")),
            tick(2, 2, Mark::Present, None),
            tick(3, 1, Mark::Present, Some("réassort")),
        ];
        events.push(Event {
            id: EventId(Uuid::from_u128(4)),
            observer,
            seq: 4,
            recorded_at: events[2].recorded_at,
            seen_at: None,
            body: EventBody::Retract {
                target: events[2].id,
            },
        });
        let key = CellKey::new(
            CirconscriptionCode::parse("7501").unwrap(),
            None,
            Panel::new(1).unwrap(),
            Item::Foi,
        );
        let h = of_cell(&events, observer, &key);
        assert_eq!(h.len(), 2);
        assert_eq!(h[0].mark, Mark::Absent);
        assert_eq!(h[0].note.as_deref(), Some("bulletins épuisés"));
        assert!(!h[0].withdrawn);
        assert!(h[1].withdrawn);
        let state = RecordState::fold(&events);
        let ids: Vec<EventId> = undoable(&events, &state, observer)
            .iter()
            .map(|e| e.id)
            .collect();
        assert_eq!(ids, vec![events[0].id, events[1].id]);
    }
}
