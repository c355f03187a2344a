//! The recording rules: what setting a cell, writing a note, marking a column, giving the
//! household's envelope count, recording a non-receipt, undoing a change or moving observations
//! to another bureau records. The full-screen interface, plain mode and the commands each build
//! a [`Sheet`] on the observer's state and call it, so that they cannot disagree.
//!
//! Pure: a rule returns the event bodies to append (or why nothing is recorded); the caller
//! appends them, stamps them and says what happened in its own way.

use chrono::NaiveDate;

use super::event::MAX_ENVELOPE;
use super::state::{CellKey, EnvelopeFact, Observation};
use super::{
    Bureau, BureauCode, Candidate, CirconscriptionCode, EventBody, EventId, Item, Mark, ObserverId,
    Panel, RecordState,
};

/// Why a rule records nothing. Each front end says it in its own words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// A cell of the bureau's table, a non-receipt or a move, with no bureau chosen.
    NeedsBureau,
    /// A household of 0 voters.
    NoVoters,
    /// A day of arrival for a household that received no envelope: nothing arrived that day.
    ArrivalWithoutEnvelope,
    /// An envelope number past the household's envelopes: the count given with the envelope
    /// record (or, before any count, one past the last envelope ticked).
    EnvelopeBeyond {
        /// The number asked for.
        number: u16,
        /// The last envelope that may be shown or ticked.
        limit: u16,
    },
    /// Envelope 0: envelopes are numbered from 1.
    EnvelopeZero,
    /// A profession de foi or courrier marked while the observer's household record says no
    /// envelope was received: there is nothing to look in (record the count first).
    NoEnvelopeReceived,
    /// Nothing to move: no ballot observation at the current bureau.
    NothingToMove,
    /// A move to the bureau the observations are already at.
    SameBureau,
    /// A move to a bureau of another circonscription (its code is given).
    OtherCirconscription(CirconscriptionCode),
}

/// Voters registered at one address: from 1 to this many. More is a slip of the keyboard (twenty
/// nines typed in "électeurs à l'adresse"), not a household.
pub const MAX_VOTERS: u32 = 99;

/// Why a household's envelope count is not plausible as typed (checked by
/// [`Sheet::check_count`] before [`Sheet::envelope_record`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Implausible {
    /// More voters at the address than [`MAX_VOTERS`].
    TooManyVoters {
        /// The number typed.
        voters: u32,
        /// The most accepted.
        max: u32,
    },
    /// More envelopes than any household is numbered ([`MAX_ENVELOPE`]).
    TooManyEnvelopes {
        /// The number typed.
        received: u32,
        /// The most accepted.
        max: u32,
    },
    /// More envelopes received than voters at the address, not confirmed: possible (a voter who
    /// moved out, a duplicate mailing) but more often a slip, so the observer is asked first.
    MoreThanVoters {
        /// Voters at the address.
        voters: u32,
        /// Envelopes received.
        received: u32,
    },
}

/// What to do with a cell's note when its mark is set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteChange {
    /// No note given: the same mark records nothing (a re-check of the bureau's table
    /// excepted), and a new observation (a changed mark, a re-check) carries no note: the
    /// earlier note belongs to the earlier observation (issue 13 point 1).
    Keep,
    /// Replace it (`None` clears it).
    Replace(Option<String>),
}

/// Whether a non-receipt belongs to the observer's own household (law.md §2.10: then it is one
/// of the household's missing envelopes, not counted twice): as the observer `said`, else yes
/// when no other voter is named — no name, or the observer's own name (`non-recu Paul
/// Observateur` by Paul Observateur), compared without case, accents kept, spaces collapsed.
pub fn own_household(voter: Option<&str>, observer_name: &str, said: Option<bool>) -> bool {
    said.unwrap_or_else(|| {
        let words = |s: &str| {
            s.split_whitespace()
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
        };
        voter.is_none_or(|v| v.trim().is_empty() || words(v) == words(observer_name))
    })
}

/// A move of the observer's ballot observations from the current bureau to another, as one
/// change: the new ticks first, then the withdrawals here, so that a disk filling half-way leaves
/// an observation in both bureaux rather than in neither.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MovePlan {
    /// The events to append, in order.
    pub bodies: Vec<EventBody>,
    /// What an undo records again here, after withdrawing the new ticks.
    pub restore: Vec<EventBody>,
    /// How many cells move.
    pub moved: usize,
    /// How many of them the observer had already observed at the target (replaced there).
    pub replaced: usize,
}

/// One observer's record sheet at a place: the state it reads, and where new ticks go.
#[derive(Debug, Clone, Copy)]
pub struct Sheet<'a> {
    /// The state folded from (at least) this observer's events of the circonscription.
    pub state: &'a RecordState,
    /// Whose sheet it is.
    pub observer: ObserverId,
    /// The circonscription.
    pub circonscription: &'a CirconscriptionCode,
    /// Its candidates, in panel order.
    pub candidates: &'a [Candidate],
    /// The bureau, when one is chosen.
    pub bureau: Option<&'a BureauCode>,
    /// Which of the household's envelopes the profession de foi and courrier cells are (from 1).
    pub envelope: u16,
}

impl<'a> Sheet<'a> {
    /// The key of a cell in the envelope shown.
    pub fn key(&self, panel: Panel, item: Item) -> CellKey {
        CellKey::new(
            self.circonscription.clone(),
            self.bureau.cloned(),
            panel,
            item,
        )
        .in_envelope(self.envelope)
    }

    /// The observer's saved mark of a cell (a bureau cell without a bureau is not checked).
    pub fn mark(&self, panel: Panel, item: Item) -> Mark {
        self.observation(panel, item)
            .map_or(Mark::Unchecked, |o| o.mark)
    }

    /// The observer's current observation of a cell: its mark, time and note.
    pub fn observation(&self, panel: Panel, item: Item) -> Option<&'a Observation> {
        if item == Item::Bureau && self.bureau.is_none() {
            return None;
        }
        self.state
            .observation_by(self.observer, &self.key(panel, item))
    }

    /// The note of a cell's current observation.
    pub fn note(&self, panel: Panel, item: Item) -> Option<&'a str> {
        self.observation(panel, item)
            .and_then(|o| o.note.as_deref())
    }

    /// The envelope number a new tick of `item` records: the envelope shown, for envelope items
    /// from the second on (the first is recorded without a number, as before schema version 3).
    pub fn tick_envelope(&self, item: Item) -> Option<u16> {
        (item.is_in_envelope() && self.envelope > 1).then_some(self.envelope)
    }

    /// The observer's envelope record for the household of this circonscription.
    pub fn household(&self) -> Option<&'a EnvelopeFact> {
        self.state
            .envelopes_of(self.circonscription)
            .find(|f| f.observer == self.observer)
    }

    /// The last envelope that may be shown or ticked: the count the observer gave (never below an
    /// envelope already ticked), or before any count one past the last envelope ticked.
    pub fn envelope_limit(&self) -> u16 {
        let last = self
            .state
            .last_envelope_by(self.observer, self.circonscription);
        let counted = self
            .household()
            .map(|f| u16::try_from(f.received).unwrap_or(u16::MAX));
        match counted {
            Some(n) => n.max(last).max(1),
            None => last + 1,
        }
        .min(MAX_ENVELOPE)
    }

    /// How many envelopes the household has as far as the observer said or ticked (at least 1).
    pub fn envelopes_known(&self) -> u16 {
        let counted = self
            .household()
            .map_or(0, |f| u16::try_from(f.received).unwrap_or(u16::MAX));
        let ticked = self
            .state
            .last_envelope_by(self.observer, self.circonscription);
        counted.max(ticked).max(1)
    }

    /// Checks that envelope `number` may be shown or ticked.
    pub fn check_envelope(&self, number: u16) -> Result<u16, Refusal> {
        let limit = self.envelope_limit();
        match number {
            0 => Err(Refusal::EnvelopeZero),
            n if n > limit => Err(Refusal::EnvelopeBeyond { number: n, limit }),
            n => Ok(n),
        }
    }

    /// Sets a cell to `mark`. The same mark again records nothing, except on the bureau's table,
    /// where it is a re-check later in the day: a new observation at a new time. A new
    /// observation carries only the note given with it (see [`NoteChange::Keep`]); the same
    /// mark with a new note records the note. `Ok(None)` when nothing changes. Marking the
    /// content of an envelope needs that envelope received (see [`Self::check_content`]).
    pub fn tick(
        &self,
        panel: Panel,
        item: Item,
        mark: Mark,
        note: NoteChange,
    ) -> Result<Option<EventBody>, Refusal> {
        if item == Item::Bureau && self.bureau.is_none() {
            return Err(Refusal::NeedsBureau);
        }
        if item.is_in_envelope() && mark != Mark::Unchecked {
            self.check_content()?;
        }
        let current = self.observation(panel, item);
        let current_note = current.and_then(|o| o.note.clone());
        let current_mark = current.map_or(Mark::Unchecked, |o| o.mark);
        let note = match note {
            NoteChange::Keep => {
                let recheck = item == Item::Bureau && mark != Mark::Unchecked;
                if current_mark == mark && !recheck {
                    return Ok(None);
                }
                None
            }
            NoteChange::Replace(n) => {
                if current_mark == mark && n == current_note {
                    return Ok(None);
                }
                n
            }
        };
        Ok(Some(EventBody::Tick {
            circonscription: self.circonscription.clone(),
            bureau: self.bureau.cloned(),
            panel,
            item,
            mark,
            note,
            envelope: self.tick_envelope(item),
        }))
    }

    /// Checks that the envelope shown may hold a profession de foi or a courrier seen: when the
    /// observer recorded the household's count, at least one envelope received and the envelope
    /// shown among them (before any count, [`Self::check_envelope`] bounds it).
    pub fn check_content(&self) -> Result<(), Refusal> {
        let Some(household) = self.household() else {
            return Ok(());
        };
        if household.received == 0 {
            return Err(Refusal::NoEnvelopeReceived);
        }
        if u32::from(self.envelope) > household.received {
            return Err(Refusal::EnvelopeBeyond {
                number: self.envelope,
                limit: u16::try_from(household.received).unwrap_or(u16::MAX),
            });
        }
        Ok(())
    }

    /// Writes (or with `None` clears) a cell's note, keeping its mark; `Ok(None)` when the note
    /// is the same. A note is not a check: the cell's time of check does not change.
    pub fn set_note(
        &self,
        panel: Panel,
        item: Item,
        note: Option<String>,
    ) -> Result<Option<EventBody>, Refusal> {
        let mark = self.mark(panel, item);
        self.tick(panel, item, mark, NoteChange::Replace(note))
    }

    /// The cells of `item` a whole-column change touches: to mark them, the unchecked ones (an
    /// absence seen is never overwritten by a column); to clear them, the checked ones.
    pub fn column_cells(&self, item: Item, mark: Mark) -> Vec<Panel> {
        self.candidates
            .iter()
            .map(|c| c.panel)
            .filter(|&p| {
                let now = self.mark(p, item);
                if mark == Mark::Unchecked {
                    now != Mark::Unchecked
                } else {
                    now == Mark::Unchecked
                }
            })
            .collect()
    }

    /// Sets every cell of [`Self::column_cells`] to `mark`, each a new observation without a
    /// note.
    pub fn column(&self, item: Item, mark: Mark) -> Result<Vec<EventBody>, Refusal> {
        if item == Item::Bureau && self.bureau.is_none() {
            return Err(Refusal::NeedsBureau);
        }
        let mut bodies = Vec::new();
        for panel in self.column_cells(item, mark) {
            bodies.extend(self.tick(panel, item, mark, NoteChange::Keep)?);
        }
        Ok(bodies)
    }

    /// Checks that a household's count is plausible: 1 to [`MAX_VOTERS`] voters at the address,
    /// at most [`MAX_ENVELOPE`] envelopes, and no more envelopes than voters unless `more` (the
    /// observer confirmed it: the record then states the excess as such). A count of 0 voters is
    /// [`Self::envelope_record`]'s refusal, [`Refusal::NoVoters`].
    pub fn check_count(&self, voters: u32, received: u32, more: bool) -> Result<(), Implausible> {
        if voters > MAX_VOTERS {
            return Err(Implausible::TooManyVoters {
                voters,
                max: MAX_VOTERS,
            });
        }
        if received > u32::from(MAX_ENVELOPE) {
            return Err(Implausible::TooManyEnvelopes {
                received,
                max: u32::from(MAX_ENVELOPE),
            });
        }
        if voters > 0 && received > voters && !more {
            return Err(Implausible::MoreThanVoters { voters, received });
        }
        Ok(())
    }

    /// True when setting a cell to `mark` with no note given is a re-check: a cell of the
    /// bureau's table already showing that mark (present or absent), seen again later in the
    /// day. [`Self::tick`] records it as a new observation; front ends say "revérifié à …".
    pub fn is_recheck(&self, panel: Panel, item: Item, mark: Mark) -> bool {
        item == Item::Bureau
            && self.bureau.is_some()
            && mark != Mark::Unchecked
            && self.mark(panel, item) == mark
    }

    /// The household's envelope record: `voters` registered at the address, `received`
    /// envelopes. The day they came and the note are kept from the observer's earlier record
    /// unless given (`Some`, where `Some(None)` clears them). A day of arrival needs at least one
    /// envelope received.
    pub fn envelope_record(
        &self,
        voters: u32,
        received: u32,
        received_on: Option<Option<NaiveDate>>,
        note: Option<Option<String>>,
    ) -> Result<EventBody, Refusal> {
        if voters == 0 {
            return Err(Refusal::NoVoters);
        }
        let before = self.household();
        let received_on = match received_on {
            Some(day) => day,
            // A count of 0 drops the day kept from before: it cannot be the day of no envelope.
            None if received == 0 => None,
            None => before.and_then(|f| f.received_on),
        };
        if received == 0 && received_on.is_some() {
            return Err(Refusal::ArrivalWithoutEnvelope);
        }
        Ok(EventBody::Envelope {
            circonscription: self.circonscription.clone(),
            bureau: self.bureau.cloned(),
            voters,
            received,
            note: note.unwrap_or_else(|| before.and_then(|f| f.note.clone())),
            received_on,
        })
    }

    /// A voter of the bureau who received no envelope at all: of the observer's own household
    /// when no other voter is named (law.md §2.10: then one of the household's missing envelopes).
    pub fn non_receipt(
        &self,
        voter: Option<String>,
        note: Option<String>,
    ) -> Result<EventBody, Refusal> {
        let own = voter.is_none();
        self.non_receipt_of(voter, note, own)
    }

    /// A non-receipt, saying whether the voter is of the observer's own household.
    pub fn non_receipt_of(
        &self,
        voter: Option<String>,
        note: Option<String>,
        own_household: bool,
    ) -> Result<EventBody, Refusal> {
        let bureau = self.bureau.ok_or(Refusal::NeedsBureau)?;
        Ok(EventBody::NonReceipt {
            circonscription: self.circonscription.clone(),
            bureau: bureau.clone(),
            voter,
            note,
            household: Some(own_household),
        })
    }

    /// Undoing a change: the withdrawal of each of its events still live, latest first, then
    /// what it replaced recorded again (`restore`, for a move).
    pub fn undo(&self, saved: &[EventId], restore: Vec<EventBody>) -> Vec<EventBody> {
        saved
            .iter()
            .rev()
            .filter(|id| self.state.is_live(**id))
            .map(|&target| EventBody::Retract { target })
            .chain(restore)
            .collect()
    }

    /// The cells an undo of `saved` changes, read before it: each cell whose observation shown
    /// is one of `saved`, with the mark undone and the mark it goes back to (the observer's
    /// observation beneath, else unchecked), in panel order. What the interface and plain mode
    /// say an undo did ("n° 1 profession de foi présent → non vérifié").
    pub fn undone_cells(&self, saved: &[EventId]) -> Vec<(Panel, Item, Mark, Mark)> {
        let items: &[Item] = if self.bureau.is_some() {
            &[Item::Foi, Item::Courrier, Item::Bureau]
        } else {
            &[Item::Foi, Item::Courrier]
        };
        let mut cells = Vec::new();
        for c in self.candidates {
            for &item in items {
                let key = self.key(c.panel, item);
                let ticks: Vec<_> = self.state.live_ticks_by(self.observer, &key).collect();
                if let Some(top) = ticks.last()
                    && saved.contains(&top.event)
                {
                    let below = ticks
                        .iter()
                        .rev()
                        .find(|o| !saved.contains(&o.event))
                        .map_or(Mark::Unchecked, |o| o.mark);
                    cells.push((c.panel, item, top.mark, below));
                }
            }
        }
        cells
    }

    /// The records other than ticks an undo of `saved` retracts (envelope counts, non-receipts,
    /// machines statements, photos), read before it, in `saved`'s order: what the interface and
    /// plain mode name when no cell changes.
    pub fn undone_records(&self, saved: &[EventId]) -> Vec<super::state::LiveRecord> {
        saved
            .iter()
            .filter_map(|id| self.state.live_record(*id))
            .collect()
    }

    /// The observer's ballot observations at the current bureau that a move carries: the cells
    /// checked or noted, each with its current observation, in panel order.
    pub fn movable(&self) -> Vec<(Panel, Observation)> {
        self.candidates
            .iter()
            .filter_map(|c| {
                self.observation(c.panel, Item::Bureau)
                    .filter(|o| o.mark != Mark::Unchecked || o.note.is_some())
                    .map(|o| (c.panel, o.clone()))
            })
            .collect()
    }

    /// Moves the observer's ballot observations of the current bureau to `to` (see
    /// [`MovePlan`]). Undo withdraws the new ticks and records the current ones here again.
    pub fn move_to(&self, to: &Bureau) -> Result<MovePlan, Refusal> {
        let from = self.bureau.ok_or(Refusal::NeedsBureau)?;
        if &to.code == from {
            return Err(Refusal::SameBureau);
        }
        if to.circonscription.as_ref() != Some(self.circonscription) {
            return Err(Refusal::OtherCirconscription(self.circonscription.clone()));
        }
        let moved = self.movable();
        if moved.is_empty() {
            return Err(Refusal::NothingToMove);
        }
        let tick = |bureau: &BureauCode, panel, o: &Observation| EventBody::Tick {
            circonscription: self.circonscription.clone(),
            bureau: Some(bureau.clone()),
            panel,
            item: Item::Bureau,
            mark: o.mark,
            note: o.note.clone(),
            envelope: None,
        };
        let there = Sheet {
            bureau: Some(&to.code),
            ..*self
        };
        let mut bodies = Vec::with_capacity(moved.len() * 2);
        let mut withdrawals = Vec::with_capacity(moved.len());
        let mut restore = Vec::with_capacity(moved.len());
        let mut replaced = 0;
        for (panel, o) in &moved {
            if there.observation(*panel, Item::Bureau).is_some() {
                replaced += 1;
            }
            bodies.push(tick(&to.code, *panel, o));
            restore.push(tick(from, *panel, o));
            withdrawals.extend(
                self.state
                    .live_ticks_by(self.observer, &self.key(*panel, Item::Bureau))
                    .map(|t| EventBody::Retract { target: t.event }),
            );
        }
        bodies.extend(withdrawals);
        Ok(MovePlan {
            bodies,
            restore,
            moved: moved.len(),
            replaced,
        })
    }
}

#[cfg(test)]
mod tests;
