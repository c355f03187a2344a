//! The state of the record, derived by folding the event log.
//!
//! Each observer keeps, for every cell, a stack of their own observations: a new tick pushes, a
//! retraction withdraws the retracted observation wherever it is, and the top of the stack (the
//! latest observation not withdrawn) is the observer's current view. Observers never overwrite
//! each other: disagreements stay visible.
//!
//! At national scale (millions of ticks, a million cells) the state is kept compact: cells by
//! circonscription, then envelope cells by (panel, item) and bureau cells by bureau then (panel,
//! item), each cell a flat list of every observer's ticks in the order applied. No index goes
//! from tick ids to cells: a tick's retraction is recorded as "withdrawn by its observer" and
//! skipped when cells are read.

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
    /// For envelope items, which of the household's envelopes (1, 2, …); 0 for [`Item::Bureau`].
    pub envelope: u16,
}

impl CellKey {
    /// The key of a tick: the bureau is dropped for envelope items, which are in the first
    /// envelope (see [`CellKey::in_envelope`]).
    pub fn new(
        circonscription: CirconscriptionCode,
        bureau: Option<BureauCode>,
        panel: Panel,
        item: Item,
    ) -> Self {
        let bureau = bureau.filter(|_| !item.is_in_envelope());
        Self {
            circonscription,
            bureau,
            panel,
            item,
            envelope: envelope_number(item, None),
        }
    }

    /// The same cell in envelope `n` of the household (no change for [`Item::Bureau`]).
    #[must_use]
    pub fn in_envelope(mut self, n: u16) -> Self {
        self.envelope = envelope_number(self.item, Some(n));
        self
    }
}

/// The envelope number a tick of `item` is kept under: 0 for the bureau's table, else the given
/// number (at least 1), the first envelope when none is given.
pub fn envelope_number(item: Item, given: Option<u16>) -> u16 {
    if item.is_in_envelope() {
        given.unwrap_or(1).max(1)
    } else {
        0
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
    /// Which of the observer's envelopes, for envelope items (0 for the bureau's table).
    pub envelope: u16,
    /// The tick's bureau: the table's, or for envelope items the observer's own bureau, when
    /// given (a household of a machines bureau is mailed no ballot: R.34 last paragraph).
    pub bureau: Option<BureauCode>,
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
    /// The event's note.
    pub note: Option<String>,
    /// The day the envelopes arrived, when given.
    pub received_on: Option<chrono::NaiveDate>,
    /// The observer's (the household's) bureau, when given.
    pub bureau: Option<BureauCode>,
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
    /// The voter is of the observer's own household ([`EventBody::own_household`]).
    pub own_household: bool,
}

/// An observer's current statement that a bureau votes on machines, or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MachinesFact {
    /// The event.
    pub event: EventId,
    /// Who.
    pub observer: ObserverId,
    /// When it was seen.
    pub at: DateTime<Utc>,
    /// The circonscription.
    pub circonscription: CirconscriptionCode,
    /// Votes on machines.
    pub machines: bool,
    /// The event's note.
    pub note: Option<String>,
}

/// A photo attached as evidence and not withdrawn (issue 19).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhotoFact {
    /// The event.
    pub event: EventId,
    /// Who.
    pub observer: ObserverId,
    /// When it was attached.
    pub at: DateTime<Utc>,
    /// The circonscription.
    pub circonscription: CirconscriptionCode,
    /// The bureau.
    pub bureau: BureauCode,
    /// The photo.
    pub photo: crate::domain::Photo,
    /// The event's note.
    pub note: Option<String>,
}

/// What the observers say of a bureau's voting machines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MachinesView {
    /// Nobody said anything.
    Unsaid,
    /// Every observer who said something says machines.
    Machines,
    /// Every observer who said something says no machines.
    NoMachines,
    /// Observers disagree.
    Disputed,
}

/// A cell as [`RecordState::cells_of`] gives it: the parts of its [`CellKey`], borrowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CellRef<'a> {
    /// Where.
    pub circonscription: &'a CirconscriptionCode,
    /// The bureau for [`Item::Bureau`], `None` for envelope items.
    pub bureau: Option<&'a BureauCode>,
    /// Which candidate.
    pub panel: Panel,
    /// Which column.
    pub item: Item,
    /// The envelope number (0 for [`Item::Bureau`]).
    pub envelope: u16,
}

impl CellRef<'_> {
    /// The owned key.
    pub fn to_key(&self) -> CellKey {
        CellKey {
            circonscription: self.circonscription.clone(),
            bureau: self.bureau.cloned(),
            panel: self.panel,
            item: self.item,
            envelope: self.envelope,
        }
    }
}

/// Every observer's ticks of one cell, in the order applied (so each observer's in seq order).
type Ticks = Vec<Observation>;

/// Where a cell sits among its circonscription's or bureau's cells: (panel, item, envelope).
type Slot = (Panel, Item, u16);

/// The cells of one circonscription.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct CircCells {
    /// Envelope cells (and bureau cells recorded without a bureau), by slot.
    envelope: BTreeMap<Slot, Ticks>,
    /// Bureau cells, by bureau then slot.
    bureaux: BTreeMap<BureauCode, BTreeMap<Slot, Ticks>>,
}

impl CircCells {
    fn get(&self, key: &CellKey) -> Option<&Ticks> {
        let slot = (key.panel, key.item, key.envelope);
        match &key.bureau {
            None => self.envelope.get(&slot),
            Some(b) => self.bureaux.get(b).and_then(|m| m.get(&slot)),
        }
    }

    /// Every cell in [`CellKey`] order: envelope cells, then bureau by bureau.
    fn iter<'a>(
        &'a self,
        circ: &'a CirconscriptionCode,
    ) -> impl Iterator<Item = (CellRef<'a>, &'a Ticks)> + 'a {
        let cell = move |bureau: Option<&'a BureauCode>, (panel, item, envelope): Slot| CellRef {
            circonscription: circ,
            bureau,
            panel,
            item,
            envelope,
        };
        self.envelope
            .iter()
            .map(move |(slot, t)| (cell(None, *slot), t))
            .chain(
                self.bureaux.iter().flat_map(move |(b, m)| {
                    m.iter().map(move |(slot, t)| (cell(Some(b), *slot), t))
                }),
            )
    }
}

/// The current observations of a cell, one per observer in observer order.
enum Tops<'a> {
    One(Option<&'a Observation>),
    Many(std::vec::IntoIter<&'a Observation>),
}

impl<'a> Iterator for Tops<'a> {
    type Item = &'a Observation;
    fn next(&mut self) -> Option<&'a Observation> {
        match self {
            Self::One(o) => o.take(),
            Self::Many(it) => it.next(),
        }
    }
}

/// A live record that is not a tick, as [`RecordState::live_record`] tells it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LiveRecord {
    /// A household's envelope count.
    Envelope {
        /// Voters at the address.
        voters: u32,
        /// Envelopes received.
        received: u32,
    },
    /// A non-receipt.
    NonReceipt,
    /// A statement that a bureau votes on machines (or not).
    Machines {
        /// The bureau.
        bureau: BureauCode,
        /// On machines.
        machines: bool,
    },
    /// A photo attached.
    Photo,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Location {
    Envelope(CirconscriptionCode, ObserverId),
    NonReceipt,
    Machines(BureauCode, ObserverId),
    Photo,
}

/// Everything the log says now.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RecordState {
    cells: BTreeMap<CirconscriptionCode, CircCells>,
    envelopes: BTreeMap<CirconscriptionCode, BTreeMap<ObserverId, Vec<EnvelopeFact>>>,
    non_receipts: BTreeMap<EventId, NonReceiptFact>,
    /// Each bureau's machines statements, the latest live one per observer.
    machines: BTreeMap<BureauCode, BTreeMap<ObserverId, Vec<MachinesFact>>>,
    /// Live envelopes and non-receipts (ticks are not indexed, see the module comment).
    live: HashMap<EventId, Location>,
    retracted: HashSet<EventId>,
    /// Retractions that found no envelope or non-receipt: tick ids and who withdrew them. A tick
    /// is withdrawn when its own observer withdrew it.
    withdrawn: HashMap<EventId, ObserverId>,
    /// Live photos (issue 19).
    photos: BTreeMap<EventId, PhotoFact>,
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
                envelope,
            } => {
                let envelope = envelope_number(*item, *envelope);
                // Look up by reference; clone a code only when its map is new.
                if !self.cells.contains_key(circonscription) {
                    self.cells
                        .insert(circonscription.clone(), CircCells::default());
                }
                let Some(circ) = self.cells.get_mut(circonscription) else {
                    return;
                };
                let slots = match bureau.as_ref().filter(|_| !item.is_in_envelope()) {
                    None => &mut circ.envelope,
                    Some(b) => {
                        if !circ.bureaux.contains_key(b) {
                            circ.bureaux.insert(b.clone(), BTreeMap::new());
                        }
                        let Some(slots) = circ.bureaux.get_mut(b) else {
                            return;
                        };
                        slots
                    }
                };
                slots
                    .entry((*panel, *item, envelope))
                    .or_insert_with(|| Vec::with_capacity(1))
                    .push(Observation {
                        event: e.id,
                        observer: e.observer,
                        at: e.seen(),
                        mark: *mark,
                        note: note.clone(),
                        envelope,
                        bureau: bureau.clone(),
                    });
            }
            EventBody::Envelope {
                circonscription,
                bureau,
                voters,
                received,
                note,
                received_on,
            } => {
                self.envelopes
                    .entry(circonscription.clone())
                    .or_default()
                    .entry(e.observer)
                    .or_default()
                    .push(EnvelopeFact {
                        event: e.id,
                        observer: e.observer,
                        at: e.seen(),
                        voters: *voters,
                        received: *received,
                        note: note.clone(),
                        received_on: *received_on,
                        bureau: bureau.clone(),
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
                        at: e.seen(),
                        circonscription: circonscription.clone(),
                        bureau: bureau.clone(),
                        voter: voter.clone(),
                        own_household: e.body.own_household().unwrap_or(false),
                    },
                );
                self.live.insert(e.id, Location::NonReceipt);
            }
            EventBody::Machines {
                circonscription,
                bureau,
                machines,
                note,
            } => {
                self.machines
                    .entry(bureau.clone())
                    .or_default()
                    .entry(e.observer)
                    .or_default()
                    .push(MachinesFact {
                        event: e.id,
                        observer: e.observer,
                        at: e.seen(),
                        circonscription: circonscription.clone(),
                        machines: *machines,
                        note: note.clone(),
                    });
                self.live
                    .insert(e.id, Location::Machines(bureau.clone(), e.observer));
            }
            EventBody::Retract { target } => self.retract(*target, e.observer),
            // A key change says nothing of the record.
            EventBody::KeyChange { .. } => {}
            EventBody::Photo {
                circonscription,
                bureau,
                photo,
                note,
            } => {
                self.photos.insert(
                    e.id,
                    PhotoFact {
                        event: e.id,
                        observer: e.observer,
                        at: e.seen(),
                        circonscription: circonscription.clone(),
                        bureau: bureau.clone(),
                        photo: (**photo).clone(),
                        note: note.clone(),
                    },
                );
                self.live.insert(e.id, Location::Photo);
            }
        }
    }

    /// The live photos of a circonscription, in event order.
    pub fn photos_of<'a>(
        &'a self,
        circ: &'a CirconscriptionCode,
    ) -> impl Iterator<Item = &'a PhotoFact> + 'a {
        self.photos
            .values()
            .filter(move |f| &f.circonscription == circ)
    }

    /// Every live photo.
    pub fn photos(&self) -> impl Iterator<Item = &PhotoFact> + '_ {
        self.photos.values()
    }

    fn retract(&mut self, target: EventId, by: ObserverId) {
        // Only an observer's own events can be withdrawn, and only once.
        let owner = match self.live.get(&target) {
            Some(Location::Envelope(_, o) | Location::Machines(_, o)) => Some(*o),
            Some(Location::NonReceipt) => self.non_receipts.get(&target).map(|f| f.observer),
            Some(Location::Photo) => self.photos.get(&target).map(|f| f.observer),
            None => None,
        };
        if owner.is_some_and(|o| o != by) {
            return;
        }
        self.retracted.insert(target);
        match self.live.remove(&target) {
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
            Some(Location::Photo) => {
                self.photos.remove(&target);
            }
            Some(Location::Machines(bureau, observer)) => {
                if let Some(stack) = self
                    .machines
                    .get_mut(&bureau)
                    .and_then(|m| m.get_mut(&observer))
                {
                    stack.retain(|f| f.event != target);
                }
            }
            // A tick, or an event not seen yet: withdrawn if it is `by`'s own.
            None => {
                self.withdrawn.insert(target, by);
            }
        }
    }

    /// True when the observation was withdrawn by its own observer.
    fn is_withdrawn(&self, o: &Observation) -> bool {
        self.withdrawn.get(&o.event) == Some(&o.observer)
    }

    /// Each observer's current observation among a cell's ticks (the latest one not withdrawn),
    /// in observer order.
    fn tops<'a>(&self, ticks: &'a [Observation]) -> Tops<'a> {
        if let [only] = ticks {
            return Tops::One((!self.is_withdrawn(only)).then_some(only));
        }
        let mut live: Vec<&Observation> = ticks.iter().filter(|o| !self.is_withdrawn(o)).collect();
        // Stable: each observer's ticks stay in the order applied, the latest last.
        if !live.is_sorted_by_key(|o| o.observer) {
            live.sort_by_key(|o| o.observer);
        }
        let mut tops: Vec<&Observation> = Vec::with_capacity(live.len());
        for o in live {
            match tops.last_mut() {
                Some(last) if last.observer == o.observer => *last = o,
                _ => tops.push(o),
            }
        }
        Tops::Many(tops.into_iter())
    }

    fn ticks_of(&self, key: &CellKey) -> Option<&Ticks> {
        self.cells.get(&key.circonscription)?.get(key)
    }

    /// Every cell of every circonscription, in [`CellKey`] order.
    fn all_cells(&self) -> impl Iterator<Item = (CellRef<'_>, &Ticks)> {
        self.cells.iter().flat_map(|(circ, cells)| cells.iter(circ))
    }

    /// What a live record other than a tick says, by its event: what an undo of it names.
    pub fn live_record(&self, id: EventId) -> Option<LiveRecord> {
        Some(match self.live.get(&id)? {
            Location::Envelope(circ, o) => {
                let f = self
                    .envelopes
                    .get(circ)?
                    .get(o)?
                    .iter()
                    .find(|f| f.event == id)?;
                LiveRecord::Envelope {
                    voters: f.voters,
                    received: f.received,
                }
            }
            Location::NonReceipt => LiveRecord::NonReceipt,
            Location::Machines(bureau, o) => {
                let f = self
                    .machines
                    .get(bureau)?
                    .get(o)?
                    .iter()
                    .find(|f| f.event == id)?;
                LiveRecord::Machines {
                    bureau: bureau.clone(),
                    machines: f.machines,
                }
            }
            Location::Photo => LiveRecord::Photo,
        })
    }

    /// True when the event is a live (not retracted) tick, envelope or non-receipt. For ticks this
    /// looks through every cell (ticks are not indexed): meant for the interface's undo, on the
    /// state of one circonscription.
    pub fn is_live(&self, id: EventId) -> bool {
        self.live.contains_key(&id)
            || self
                .all_cells()
                .flat_map(|(_, ticks)| ticks)
                .any(|o| o.event == id && !self.is_withdrawn(o))
    }

    /// Each observer's current observation of a cell (observers with no live tick are left out).
    pub fn observations(&self, key: &CellKey) -> impl Iterator<Item = &Observation> {
        self.ticks_of(key)
            .into_iter()
            .flat_map(|ticks| self.tops(ticks))
    }

    /// One observer's current mark for a cell.
    pub fn mark_by(&self, observer: ObserverId, key: &CellKey) -> Mark {
        self.observation_by(observer, key)
            .map_or(Mark::Unchecked, |o| o.mark)
    }

    /// Every live (not withdrawn) tick of one observer on a cell, oldest first.
    pub fn live_ticks_by<'a>(
        &'a self,
        observer: ObserverId,
        key: &CellKey,
    ) -> impl Iterator<Item = &'a Observation> + 'a {
        self.ticks_of(key)
            .into_iter()
            .flatten()
            .filter(move |o| o.observer == observer && !self.is_withdrawn(o))
    }

    /// When one observer last checked a cell: the time of their latest live tick that is not only
    /// a note added to the same mark (a re-check with the same mark counts). None when the cell is
    /// not checked.
    pub fn checked_at_by(&self, observer: ObserverId, key: &CellKey) -> Option<DateTime<Utc>> {
        let mut at = None;
        let mut previous: Option<&Observation> = None;
        for o in self.live_ticks_by(observer, key) {
            let note_only = previous.is_some_and(|p| p.mark == o.mark && p.note != o.note);
            if !note_only {
                at = Some(o.at);
            }
            previous = Some(o);
        }
        previous.filter(|o| o.mark != Mark::Unchecked).and(at)
    }

    /// One observer's current observation of a cell (its latest tick not withdrawn): when it was
    /// made and its note.
    pub fn observation_by(&self, observer: ObserverId, key: &CellKey) -> Option<&Observation> {
        self.ticks_of(key).and_then(|ticks| {
            ticks
                .iter()
                .rev()
                .find(|o| o.observer == observer && !self.is_withdrawn(o))
        })
    }

    /// Current observations of every cell of a circonscription, bureau cells of all its bureaux
    /// included, in cell order (envelope cells first, then bureau by bureau).
    pub fn cells_of<'a>(
        &'a self,
        circ: &'a CirconscriptionCode,
    ) -> impl Iterator<Item = (CellRef<'a>, &'a Observation)> + 'a {
        self.cells
            .get_key_value(circ)
            .into_iter()
            .flat_map(|(circ, cells)| cells.iter(circ))
            .flat_map(move |(cell, ticks)| self.tops(ticks).map(move |o| (cell, o)))
    }

    /// The highest envelope number in which `observer` has a live tick in `circ` (0 when none).
    pub fn last_envelope_by(&self, observer: ObserverId, circ: &CirconscriptionCode) -> u16 {
        self.cells.get(circ).map_or(0, |cells| {
            cells
                .envelope
                .iter()
                .filter(|(_, ticks)| {
                    ticks
                        .iter()
                        .any(|o| o.observer == observer && !self.is_withdrawn(o))
                })
                .map(|((_, _, n), _)| *n)
                .max()
                .unwrap_or(0)
        })
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

    /// Each observer's current statement about `bureau`'s voting machines, in observer order.
    pub fn machines_statements<'a>(
        &'a self,
        bureau: &BureauCode,
    ) -> impl Iterator<Item = &'a MachinesFact> + 'a {
        self.machines
            .get(bureau)
            .into_iter()
            .flat_map(|m| m.values().filter_map(|stack| stack.last()))
    }

    /// What the observers say of `bureau`'s voting machines.
    pub fn machines_of(&self, bureau: &BureauCode) -> MachinesView {
        let (mut yes, mut no) = (false, false);
        for f in self.machines_statements(bureau) {
            if f.machines {
                yes = true;
            } else {
                no = true;
            }
        }
        match (yes, no) {
            (false, false) => MachinesView::Unsaid,
            (true, false) => MachinesView::Machines,
            (false, true) => MachinesView::NoMachines,
            (true, true) => MachinesView::Disputed,
        }
    }

    /// Bureaux on which some observer made a statement about voting machines, in code order.
    pub fn bureaux_with_machines_statements(&self) -> impl Iterator<Item = &BureauCode> {
        self.machines
            .iter()
            .filter(|(_, m)| m.values().any(|s| !s.is_empty()))
            .map(|(b, _)| b)
    }

    /// Circonscriptions with at least one live observation, in code order.
    pub fn observed_circonscriptions(&self) -> Vec<CirconscriptionCode> {
        let mut out: Vec<CirconscriptionCode> = self
            .cells
            .iter()
            .filter(|(circ, cells)| {
                cells
                    .iter(circ)
                    .any(|(_, ticks)| ticks.iter().any(|o| !self.is_withdrawn(o)))
            })
            .map(|(circ, _)| circ.clone())
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
            seen_at: None,
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
            envelope: None,
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
    fn cells_of_gives_one_circonscription_among_its_neighbours() {
        let other = |code: &str, panel: u16| EventBody::Tick {
            circonscription: CirconscriptionCode::parse(code).unwrap(),
            bureau: None,
            panel: Panel::new(panel).unwrap(),
            item: Item::Foi,
            mark: Mark::Present,
            note: None,
            envelope: None,
        };
        let log = [
            ev(1, 1, other("7412", 1)),
            ev(1, 2, tick(3, Item::Bureau, Mark::Absent)),
            ev(1, 3, tick(1, Item::Foi, Mark::Present)),
            ev(1, 4, other("7502", 1)),
            ev(1, 5, other("97501", 9)),
        ];
        let s = RecordState::fold(&log);
        let cells: Vec<(u16, Item)> = s
            .cells_of(&circ())
            .map(|(k, _)| (k.panel.get(), k.item))
            .collect();
        assert_eq!(cells, [(1, Item::Foi), (3, Item::Bureau)]);
        assert_eq!(s.observed_circonscriptions().len(), 4);
    }

    #[test]
    fn a_retracted_tick_is_no_longer_live_nor_observed() {
        let log = [ev(1, 1, tick(3, Item::Bureau, Mark::Absent))];
        let undo = ev(1, 2, EventBody::Retract { target: log[0].id });
        let s = RecordState::fold(&log);
        assert!(s.is_live(log[0].id));
        let s = RecordState::fold(log.iter().chain([&undo]));
        assert!(!s.is_live(log[0].id));
        assert_eq!(s.cells_of(&circ()).count(), 0);
        assert!(s.observed_circonscriptions().is_empty());
        assert!(s.disagreements().is_empty());
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
                received_on: None,
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
                household: None,
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

/// Observers contradicting each other on a bureau's table: one saw a candidate's ballot there
/// while another's period of absence says it was missing (see [`super::periods`]: a present
/// sighting before or after another observer's period is no contradiction). Envelope items are
/// never contradictions: each observer describes their own household's envelopes, and envelopes
/// that differ are a distribution failure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disagreement {
    /// The cell (always [`Item::Bureau`]).
    pub cell: CellKey,
    /// The sightings that contradict each other (the absent checks of the contradicted periods
    /// and the present sightings within them), in time then observer order.
    pub observations: Vec<Observation>,
}

impl RecordState {
    /// True when a tick is live: not withdrawn by its own observer.
    pub fn is_live_tick(&self, o: &Observation) -> bool {
        !self.is_withdrawn(o)
    }

    /// Every bureau cell of a circonscription recorded with its bureau, with every live tick of
    /// it (every observer's, each observer's in the order applied), in cell order.
    pub fn bureau_ticks_of<'a>(
        &'a self,
        circ: &'a CirconscriptionCode,
    ) -> impl Iterator<Item = (CellRef<'a>, Vec<&'a Observation>)> + 'a {
        self.cells
            .get_key_value(circ)
            .into_iter()
            .flat_map(|(circ, cells)| {
                cells.bureaux.iter().flat_map(move |(b, m)| {
                    m.iter()
                        .filter(|((_, item, _), _)| *item == Item::Bureau)
                        .map(move |((panel, item, envelope), t)| {
                            let cell = CellRef {
                                circonscription: circ,
                                bureau: Some(b),
                                panel: *panel,
                                item: *item,
                                envelope: *envelope,
                            };
                            (cell, t)
                        })
                })
            })
            .map(move |(cell, t)| (cell, t.iter().filter(|o| !self.is_withdrawn(o)).collect()))
    }

    /// Every bureau cell on which observers contradict each other, in cell order.
    pub fn disagreements(&self) -> Vec<Disagreement> {
        self.all_cells()
            .filter(|(cell, ticks)| cell.item == Item::Bureau && ticks.len() > 1)
            .filter_map(|(cell, ticks)| {
                let live: Vec<&Observation> =
                    ticks.iter().filter(|o| !self.is_withdrawn(o)).collect();
                let periods = super::periods::absences(live.iter().copied());
                let observations = super::periods::contradictions(&periods, &live);
                (!observations.is_empty()).then(|| Disagreement {
                    cell: cell.to_key(),
                    observations,
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod check_time_tests {
    use chrono::{DateTime, Utc};
    use uuid::Uuid;

    use super::*;
    use crate::domain::{BureauCode, CirconscriptionCode, Panel};

    fn tick(seq: u64, minute: i64, mark: Mark, note: Option<&str>) -> Event {
        Event {
            id: EventId(Uuid::from_u128(u128::from(seq))),
            observer: ObserverId(Uuid::from_u128(1)),
            seq,
            recorded_at: DateTime::<Utc>::from_timestamp(minute * 60, 0).unwrap(),
            seen_at: None,
            body: EventBody::Tick {
                circonscription: CirconscriptionCode::parse("7501").unwrap(),
                bureau: BureauCode::parse("75056_0911").ok(),
                panel: Panel::new(1).unwrap(),
                item: Item::Bureau,
                mark,
                note: note.map(str::to_owned),
                envelope: None,
            },
        }
    }

    #[test]
    fn a_note_is_not_a_check_and_a_recheck_is() {
        let key = CellKey::new(
            CirconscriptionCode::parse("7501").unwrap(),
            BureauCode::parse("75056_0911").ok(),
            Panel::new(1).unwrap(),
            Item::Bureau,
        );
        let me = ObserverId(Uuid::from_u128(1));
        let at = |m: i64| DateTime::<Utc>::from_timestamp(m * 60, 0);
        let checked = [tick(1, 480, Mark::Present, None)];
        let s = RecordState::fold(&checked);
        assert_eq!(s.checked_at_by(me, &key), at(480));
        // A note at 18:00 keeps the 08:00 check.
        let noted = [
            tick(1, 480, Mark::Present, None),
            tick(2, 1080, Mark::Present, Some("épuisés")),
        ];
        assert_eq!(RecordState::fold(&noted).checked_at_by(me, &key), at(480));
        // A re-check with the same mark and note at 15:00 is a check.
        let rechecked = [
            tick(1, 480, Mark::Present, None),
            tick(2, 900, Mark::Present, None),
        ];
        assert_eq!(
            RecordState::fold(&rechecked).checked_at_by(me, &key),
            at(900)
        );
        // Cleared: no check time.
        let cleared = [
            tick(1, 480, Mark::Present, None),
            tick(2, 900, Mark::Unchecked, None),
        ];
        assert_eq!(RecordState::fold(&cleared).checked_at_by(me, &key), None);
    }
}
