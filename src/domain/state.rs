//! The state of the record, derived by folding the event log.
//!
//! Each observer keeps, for every cell, a stack of their own observations: a new tick pushes, a
//! retraction removes the retracted observation wherever it is, and the top of the stack is the
//! observer's current view. Observers never overwrite each other: disagreements stay visible.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{DateTime, Utc};

use super::codes::{BureauCode, CirconscriptionCode, Panel};
use super::event::{Event, EventBody, EventId, Item, Mark, ObserverId};

/// One cell of the record: a candidate's item in a circonscription, at a bureau for
/// [`Item::Bureau`] (envelope cells have no bureau: the envelope is the circonscription's).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CellKey {
    /// Where.
    pub circonscription: CirconscriptionCode,
    /// The bureau for [`Item::Bureau`], `None` for envelope items.
    pub bureau: Option<BureauCode>,
    /// Which candidate.
    pub panel: Panel,
    /// Which column.
    pub item: Item,
}

impl CellKey {
    /// The key of a tick: the bureau is dropped for envelope items.
    pub fn new(
        circonscription: CirconscriptionCode,
        bureau: Option<BureauCode>,
        panel: Panel,
        item: Item,
    ) -> Self {
        let bureau = if item.is_in_envelope() { None } else { bureau };
        Self {
            circonscription,
            bureau,
            panel,
            item,
        }
    }
}

/// One observer's observation of a cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Observation {
    /// The tick that said it.
    pub event: EventId,
    /// Who.
    pub observer: ObserverId,
    /// When.
    pub at: DateTime<Utc>,
    /// What.
    pub mark: Mark,
    /// The tick's note.
    pub note: Option<String>,
}

/// A household's envelope count as last recorded by one observer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnvelopeFact {
    /// The envelope event.
    pub event: EventId,
    /// Who.
    pub observer: ObserverId,
    /// When.
    pub at: DateTime<Utc>,
    /// Voters registered at the address.
    pub voters: u32,
    /// Envelopes received.
    pub received: u32,
}

impl EnvelopeFact {
    /// Envelopes missing for this household (0 when as many or more arrived).
    pub fn missing(&self) -> u32 {
        self.voters.saturating_sub(self.received)
    }
}

/// A recorded non-receipt: a voter who received no envelope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NonReceiptFact {
    /// The event.
    pub event: EventId,
    /// Who recorded it.
    pub observer: ObserverId,
    /// When.
    pub at: DateTime<Utc>,
    /// Where.
    pub circonscription: CirconscriptionCode,
    /// The voter's bureau.
    pub bureau: BureauCode,
    /// The voter, when named.
    pub voter: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Location {
    Cell(CellKey, ObserverId),
    Envelope(CirconscriptionCode, ObserverId),
    NonReceipt,
}

/// Everything the log says now.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RecordState {
    cells: BTreeMap<CellKey, BTreeMap<ObserverId, Vec<Observation>>>,
    envelopes: BTreeMap<CirconscriptionCode, BTreeMap<ObserverId, Vec<EnvelopeFact>>>,
    non_receipts: BTreeMap<EventId, NonReceiptFact>,
    live: HashMap<EventId, Location>,
    retracted: HashSet<EventId>,
}

impl RecordState {
    /// Folds a log. Each observer's events must come in their `seq` order; observers may interleave.
    pub fn fold<'a>(events: impl IntoIterator<Item = &'a Event>) -> Self {
        let mut state = Self::default();
        for e in events {
            state.apply(e);
        }
        state
    }

    /// Applies one more event (see [`RecordState::fold`] for the order).
    pub fn apply(&mut self, e: &Event) {
        if self.retracted.contains(&e.id) {
            return;
        }
        match &e.body {
            EventBody::Tick {
                circonscription,
                bureau,
                panel,
                item,
                mark,
                note,
            } => {
                let key = CellKey::new(circonscription.clone(), bureau.clone(), *panel, *item);
                self.cells
                    .entry(key.clone())
                    .or_default()
                    .entry(e.observer)
                    .or_default()
                    .push(Observation {
                        event: e.id,
                        observer: e.observer,
                        at: e.recorded_at,
                        mark: *mark,
                        note: note.clone(),
                    });
                self.live.insert(e.id, Location::Cell(key, e.observer));
            }
            EventBody::Envelope {
                circonscription,
                voters,
                received,
                ..
            } => {
                self.envelopes
                    .entry(circonscription.clone())
                    .or_default()
                    .entry(e.observer)
                    .or_default()
                    .push(EnvelopeFact {
                        event: e.id,
                        observer: e.observer,
                        at: e.recorded_at,
                        voters: *voters,
                        received: *received,
                    });
                self.live.insert(
                    e.id,
                    Location::Envelope(circonscription.clone(), e.observer),
                );
            }
            EventBody::NonReceipt {
                circonscription,
                bureau,
                voter,
                ..
            } => {
                self.non_receipts.insert(
                    e.id,
                    NonReceiptFact {
                        event: e.id,
                        observer: e.observer,
                        at: e.recorded_at,
                        circonscription: circonscription.clone(),
                        bureau: bureau.clone(),
                        voter: voter.clone(),
                    },
                );
                self.live.insert(e.id, Location::NonReceipt);
            }
            EventBody::Retract { target } => self.retract(*target, e.observer),
        }
    }

    fn retract(&mut self, target: EventId, by: ObserverId) {
        // Only an observer's own events can be withdrawn, and only once.
        let owner = match self.live.get(&target) {
            Some(Location::Cell(_, o) | Location::Envelope(_, o)) => Some(*o),
            Some(Location::NonReceipt) => self.non_receipts.get(&target).map(|f| f.observer),
            None => None,
        };
        if owner.is_some_and(|o| o != by) {
            return;
        }
        self.retracted.insert(target);
        match self.live.remove(&target) {
            Some(Location::Cell(key, observer)) => {
                if let Some(stack) = self.cells.get_mut(&key).and_then(|m| m.get_mut(&observer)) {
                    stack.retain(|o| o.event != target);
                }
            }
            Some(Location::Envelope(circ, observer)) => {
                if let Some(stack) = self
                    .envelopes
                    .get_mut(&circ)
                    .and_then(|m| m.get_mut(&observer))
                {
                    stack.retain(|f| f.event != target);
                }
            }
            Some(Location::NonReceipt) => {
                self.non_receipts.remove(&target);
            }
            None => {}
        }
    }

    /// True when the event is a live (not retracted) tick, envelope or non-receipt.
    pub fn is_live(&self, id: EventId) -> bool {
        self.live.contains_key(&id)
    }

    /// Each observer's current observation of a cell (observers with no live tick are left out).
    pub fn observations(&self, key: &CellKey) -> impl Iterator<Item = &Observation> {
        self.cells
            .get(key)
            .into_iter()
            .flat_map(|m| m.values())
            .filter_map(|stack| stack.last())
    }

    /// One observer's current mark for a cell.
    pub fn mark_by(&self, observer: ObserverId, key: &CellKey) -> Mark {
        self.cells
            .get(key)
            .and_then(|m| m.get(&observer))
            .and_then(|stack| stack.last())
            .map_or(Mark::Unchecked, |o| o.mark)
    }

    /// Current observations of every cell of a circonscription, bureau cells of all its bureaux
    /// included.
    pub fn cells_of<'a>(
        &'a self,
        circ: &'a CirconscriptionCode,
    ) -> impl Iterator<Item = (&'a CellKey, &'a Observation)> + 'a {
        self.cells
            .iter()
            .filter(move |(k, _)| &k.circonscription == circ)
            .flat_map(|(k, m)| m.values().filter_map(move |s| s.last().map(|o| (k, o))))
    }

    /// Each observer's current envelope count for a circonscription.
    pub fn envelopes_of(&self, circ: &CirconscriptionCode) -> impl Iterator<Item = &EnvelopeFact> {
        self.envelopes
            .get(circ)
            .into_iter()
            .flat_map(|m| m.values())
            .filter_map(|s| s.last())
    }

    /// Live non-receipts of a circonscription, in event order.
    pub fn non_receipts_of<'a>(
        &'a self,
        circ: &'a CirconscriptionCode,
    ) -> impl Iterator<Item = &'a NonReceiptFact> + 'a {
        self.non_receipts
            .values()
            .filter(move |f| &f.circonscription == circ)
    }

    /// Circonscriptions with at least one live observation, in code order.
    pub fn observed_circonscriptions(&self) -> Vec<CirconscriptionCode> {
        let mut out: Vec<CirconscriptionCode> = self
            .cells
            .iter()
            .filter(|(_, m)| m.values().any(|s| !s.is_empty()))
            .map(|(k, _)| k.circonscription.clone())
            .chain(
                self.envelopes
                    .iter()
                    .filter(|(_, m)| m.values().any(|s| !s.is_empty()))
                    .map(|(c, _)| c.clone()),
            )
            .chain(
                self.non_receipts
                    .values()
                    .map(|f| f.circonscription.clone()),
            )
            .collect();
        out.sort();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    fn circ() -> CirconscriptionCode {
        CirconscriptionCode::parse("7501").unwrap()
    }

    fn ev(observer: u128, seq: u64, body: EventBody) -> Event {
        Event {
            id: EventId(Uuid::from_u128(observer << 64 | u128::from(seq))),
            observer: ObserverId(Uuid::from_u128(observer)),
            seq,
            recorded_at: DateTime::<Utc>::from_timestamp(1_497_160_000 + seq as i64, 0).unwrap(),
            body,
        }
    }

    fn tick(panel: u16, item: Item, mark: Mark) -> EventBody {
        EventBody::Tick {
            circonscription: circ(),
            bureau: Some(BureauCode::parse("75056_0911").unwrap()),
            panel: Panel::new(panel).unwrap(),
            item,
            mark,
            note: None,
        }
    }

    fn key(panel: u16, item: Item) -> CellKey {
        CellKey::new(
            circ(),
            Some(BureauCode::parse("75056_0911").unwrap()),
            Panel::new(panel).unwrap(),
            item,
        )
    }

    #[test]
    fn the_latest_tick_of_an_observer_wins() {
        let log = [
            ev(1, 1, tick(3, Item::Foi, Mark::Present)),
            ev(1, 2, tick(3, Item::Foi, Mark::Absent)),
        ];
        let s = RecordState::fold(&log);
        assert_eq!(s.mark_by(log[0].observer, &key(3, Item::Foi)), Mark::Absent);
    }

    #[test]
    fn retracting_the_latest_tick_restores_the_one_before() {
        let log = [
            ev(1, 1, tick(3, Item::Foi, Mark::Present)),
            ev(1, 2, tick(3, Item::Foi, Mark::Absent)),
        ];
        let undo = ev(1, 3, EventBody::Retract { target: log[1].id });
        let s = RecordState::fold(log.iter().chain([&undo]));
        assert_eq!(
            s.mark_by(log[0].observer, &key(3, Item::Foi)),
            Mark::Present
        );
        assert!(!s.is_live(log[1].id));
    }

    #[test]
    fn an_observer_cannot_retract_another_observers_event() {
        let a = ev(1, 1, tick(3, Item::Foi, Mark::Present));
        let b = ev(2, 1, EventBody::Retract { target: a.id });
        let s = RecordState::fold([&a, &b]);
        assert_eq!(s.mark_by(a.observer, &key(3, Item::Foi)), Mark::Present);
    }

    #[test]
    fn envelope_items_share_one_cell_whatever_the_bureau() {
        let mut other = tick(3, Item::Courrier, Mark::Absent);
        if let EventBody::Tick { bureau, .. } = &mut other {
            *bureau = None;
        }
        let log = [
            ev(1, 1, tick(3, Item::Courrier, Mark::Present)),
            ev(1, 2, other),
        ];
        let s = RecordState::fold(&log);
        assert_eq!(s.observations(&key(3, Item::Courrier)).count(), 1);
        assert_eq!(
            s.mark_by(log[0].observer, &key(3, Item::Courrier)),
            Mark::Absent
        );
    }

    #[test]
    fn two_observers_keep_their_own_views() {
        let log = [
            ev(1, 1, tick(5, Item::Bureau, Mark::Present)),
            ev(2, 1, tick(5, Item::Bureau, Mark::Absent)),
        ];
        let s = RecordState::fold(&log);
        let marks: Vec<Mark> = s
            .observations(&key(5, Item::Bureau))
            .map(|o| o.mark)
            .collect();
        assert_eq!(marks, vec![Mark::Present, Mark::Absent]);
    }

    #[test]
    fn envelopes_and_non_receipts_can_be_undone() {
        let env = ev(
            1,
            1,
            EventBody::Envelope {
                circonscription: circ(),
                bureau: None,
                voters: 4,
                received: 1,
                note: None,
            },
        );
        let nr = ev(
            1,
            2,
            EventBody::NonReceipt {
                circonscription: circ(),
                bureau: BureauCode::parse("75056_0911").unwrap(),
                voter: None,
                note: None,
            },
        );
        let s = RecordState::fold([&env, &nr]);
        assert_eq!(
            s.envelopes_of(&circ()).next().map(EnvelopeFact::missing),
            Some(3)
        );
        assert_eq!(s.non_receipts_of(&circ()).count(), 1);
        let u1 = ev(1, 3, EventBody::Retract { target: nr.id });
        let u2 = ev(1, 4, EventBody::Retract { target: env.id });
        let s = RecordState::fold([&env, &nr, &u1, &u2]);
        assert_eq!(s.envelopes_of(&circ()).count(), 0);
        assert_eq!(s.non_receipts_of(&circ()).count(), 0);
        assert!(s.observed_circonscriptions().is_empty());
    }
}

/// Observers contradicting each other on one cell: one saw it present, another absent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disagreement {
    /// The cell.
    pub cell: CellKey,
    /// Every observer's current observation of it, in observer order.
    pub observations: Vec<Observation>,
}

impl RecordState {
    /// Every cell on which observers currently disagree, in cell order.
    pub fn disagreements(&self) -> Vec<Disagreement> {
        self.cells
            .iter()
            .filter_map(|(cell, by_observer)| {
                let observations: Vec<Observation> = by_observer
                    .values()
                    .filter_map(|s| s.last().cloned())
                    .collect();
                let present = observations.iter().any(|o| o.mark == Mark::Present);
                let absent = observations.iter().any(|o| o.mark == Mark::Absent);
                (present && absent).then(|| Disagreement {
                    cell: cell.clone(),
                    observations,
                })
            })
            .collect()
    }
}
