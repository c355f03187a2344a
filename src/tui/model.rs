//! The interface's state. Everything the view shows is here or derived from here.

use std::collections::BTreeMap;

use crate::domain::legal_time::LegalZone;
use crate::domain::session::Sheet;
use crate::domain::state::{CellKey, EnvelopeFact, Observation};
use crate::domain::{
    Bureau, Candidate, Circonscription, Election, EventBody, EventId, Item, Mark, ObserverId,
    RecordState,
};
use crate::i18n::Lang;

use super::forms::{
    Confirm, EnvelopeForm, ExportForm, History, NonReceiptForm, NoteForm, PhotoForm, Picker,
    SeenAtForm,
};
use super::theme::Theme;
use crate::domain::search::PlaceIndex;

/// The three screens of the journey, in the order an observer meets them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Screen {
    /// At home, when the mail arrives: the household's envelope and, per candidate, the
    /// profession de foi and the ballot found in it.
    #[default]
    Envelope,
    /// At the bureau de vote: per candidate, the ballots on the table, with the time of the check.
    Bureau,
    /// The findings of the circonscription, the PV text and the chain digest; export.
    Summary,
}

impl Screen {
    /// Every screen, in tab order.
    pub const ALL: [Self; 3] = [Self::Envelope, Self::Bureau, Self::Summary];

    /// The record's columns this screen's grid shows (none for the summary).
    pub fn items(self) -> &'static [Item] {
        match self {
            Self::Envelope => &[Item::Foi, Item::Courrier],
            Self::Bureau => &[Item::Bureau],
            Self::Summary => &[],
        }
    }

    /// Position in tab order.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The next screen (`forward`) or the previous one, wrapping around.
    pub fn cycled(self, forward: bool) -> Self {
        let n = Self::ALL.len();
        let i = if forward {
            (self.index() + 1) % n
        } else {
            (self.index() + n - 1) % n
        };
        Self::ALL[i]
    }
}

/// The summary screen's text, prepared by the runtime from the current circonscription.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// The circonscription's part of the report, as `constat report` prints it.
    pub report: String,
    /// The réclamation for the current bureau's procès-verbal, when a bureau is chosen.
    pub pv: Option<String>,
    /// The chain head digest to copy into the procès-verbal (none before the first event).
    pub digest: Option<String>,
}

/// What fills the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// The current screen (envelope, bureau or summary).
    Grid,
    /// The help, over the grid.
    Help,
    /// The household envelope form, over the grid.
    Envelope(EnvelopeForm),
    /// The non-receipt form, over the grid.
    NonReceipt(NonReceiptForm),
    /// The picker of circonscriptions and bureaux, over the grid.
    Picker(Picker),
    /// A note on the cell under the cursor.
    Note(NoteForm),
    /// The folder to export the evidence to.
    Export(ExportForm),
    /// When the observations typed next were seen.
    SeenAt(SeenAtForm),
    /// A yes/no question before a destructive action.
    Confirm(Confirm),
    /// Every observation of the cell under the cursor, with its time and note.
    History(History),
    /// A photo to attach to the cell under the cursor, the household or the bureau.
    Photo(PhotoForm),
}

/// The save indicator. It says "saved" only once every requested commit has returned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveStatus {
    /// Nothing recorded in this session yet.
    Idle,
    /// Commits requested and not all answered.
    Pending,
    /// Every requested commit returned successfully.
    Saved,
    /// The last commit failed: the change is not saved.
    Failed(String),
}

/// One user change in flight: the events of one key press.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// Events requested and not answered yet.
    pub remaining: usize,
    /// Events committed so far.
    pub saved: Vec<EventId>,
    /// False for undo itself (undo is not undone).
    pub undoable: bool,
    /// True once one of its events failed to save.
    pub failed: bool,
    /// What undoing it records again besides retracting its events (the ticks a move withdrew).
    pub restore: Vec<EventBody>,
    /// The message to show once every event is saved (never before: it would claim a save).
    pub done: Option<String>,
    /// The envelope the envelope screen showed when the change was made.
    pub envelope_no: u16,
    /// The row the cursor leaves once the change is saved (`p` and `a` move to the next row).
    pub advance_from: Option<usize>,
    /// A bureau cell set again to its mark: once saved, the flash says "revérifié à 15 h 40"
    /// (issue 16 point 5, as plain mode and the command line say it).
    pub recheck: bool,
}

/// A committed change that can be undone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Undoable {
    /// Events: undo retracts them and records `restore` again.
    Events {
        /// Its events, retracted on undo.
        saved: Vec<EventId>,
        /// Recorded again on undo.
        restore: Vec<EventBody>,
        /// The envelope shown when the change was made: undo shows it again, so that what
        /// changes is in view.
        envelope_no: u16,
        /// True when it was made in an earlier session (rebuilt from the log at start-up):
        /// undo asks first.
        earlier: bool,
    },
}

/// The whole interface state.
#[derive(Debug, Clone)]
pub struct Model {
    /// Interface language.
    pub lang: Lang,
    /// Styles.
    pub theme: Theme,
    /// The election recorded.
    pub election: Election,
    /// The circonscription shown.
    pub circonscription: Circonscription,
    /// Its candidates, in panel order: the grid's rows.
    pub candidates: Vec<Candidate>,
    /// The observer's bureau, if chosen.
    pub bureau: Option<Bureau>,
    /// Who records.
    pub observer: ObserverId,
    /// The observer's name.
    pub observer_name: String,
    /// Everything saved so far, folded.
    pub state: RecordState,
    /// Every circonscription and bureau, for the picker (shared: built once at start).
    pub places: std::sync::Arc<PlaceIndex>,
    /// Cursor row (candidate index).
    pub row: usize,
    /// Cursor column (item index).
    pub col: usize,
    /// Each screen's cursor (row, column), kept while another screen is shown: the cursor of
    /// the screen shown is `row` and `col`.
    pub cursors: [(usize, usize); 3],
    /// True when `p` and `a` move the cursor to the next row (`v` turns it off and on).
    pub advance: bool,
    /// Which of the household's envelopes the envelope screen shows (from 1).
    pub envelope_no: u16,
    /// The screen shown.
    pub screen: Screen,
    /// What fills the screen.
    pub mode: Mode,
    /// The summary screen's text, once the runtime prepared it.
    pub summary: Option<Summary>,
    /// First line of the summary shown (it scrolls).
    pub summary_scroll: u16,
    /// The save indicator.
    pub save: SaveStatus,
    /// When the last event of this session was committed (shown in local time).
    pub last_saved_at: Option<chrono::DateTime<chrono::Utc>>,
    /// The terminal's size, for mapping taps to cells.
    pub size: (u16, u16),
    /// First line of the help shown (the help scrolls on small screens).
    pub help_scroll: u16,
    /// A short message about the last action.
    pub flash: Option<String>,
    /// Changes in flight, by group.
    pub changes: BTreeMap<u64, Change>,
    /// The next group number.
    pub next_group: u64,
    /// Committed changes of this session that can be undone, latest last.
    pub undo: Vec<Undoable>,
    /// Set when the user asked to leave.
    pub quit: bool,
    /// The observer said they are an observatrice (`Some(true)`), an observateur, or nothing.
    pub feminine: Option<bool>,
    /// The qualité the observer signs réclamations in (`init --qualite`), when given.
    pub qualite: Option<crate::domain::appeal::Qualite>,
    /// When the observations recorded now were seen, when the observer said so (a record typed
    /// in later); `None`: when typed.
    pub seen_at: Option<chrono::DateTime<chrono::Utc>>,
    /// The folder the photo form offers the recent images of, once found or typed (for the
    /// session; by default Termux's camera folder when it exists).
    pub photo_folder: Option<String>,
}

impl Model {
    /// A model on the grid with the cursor on the first cell.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        lang: Lang,
        theme: Theme,
        election: Election,
        circonscription: Circonscription,
        candidates: Vec<Candidate>,
        bureau: Option<Bureau>,
        observer: ObserverId,
        observer_name: String,
        state: RecordState,
    ) -> Self {
        Self {
            lang,
            theme,
            election,
            circonscription,
            candidates,
            bureau,
            observer,
            observer_name,
            state,
            places: std::sync::Arc::default(),
            row: 0,
            col: 0,
            cursors: [(0, 0); 3],
            advance: true,
            envelope_no: 1,
            screen: Screen::Envelope,
            mode: Mode::Grid,
            summary: None,
            summary_scroll: 0,
            save: SaveStatus::Idle,
            help_scroll: 0,
            size: (80, 24),
            last_saved_at: None,
            flash: None,
            changes: BTreeMap::new(),
            next_group: 1,
            undo: Vec::new(),
            quit: false,
            seen_at: None,
            feminine: None,
            qualite: None,
            photo_folder: None,
        }
    }

    /// The observer's record sheet at the place shown: the recording rules every front end
    /// follows ([`crate::domain::session`]).
    pub fn sheet(&self) -> Sheet<'_> {
        Sheet {
            state: &self.state,
            observer: self.observer,
            circonscription: &self.circonscription.code,
            candidates: &self.candidates,
            bureau: self.bureau.as_ref().map(|b| &b.code),
            envelope: self.envelope_no,
        }
    }

    /// The place's legal time, in which every time on screen is shown (law.md §2.8).
    pub fn zone(&self) -> LegalZone {
        LegalZone::of_place(
            &self.circonscription.code,
            self.bureau.as_ref().map(|b| &b.code),
        )
    }

    /// The key of the cell of candidate `row` in column `item`.
    pub fn cell_key(&self, row: usize, item: Item) -> Option<CellKey> {
        let c = self.candidates.get(row)?;
        Some(self.sheet().key(c.panel, item))
    }

    /// How many envelopes the household has as far as the observer said: the count of the
    /// envelope form, or more when the grid recorded more (at least 1).
    pub fn envelopes_known(&self) -> u16 {
        self.sheet().envelopes_known()
    }

    /// The observer's saved mark of a cell.
    pub fn mark(&self, row: usize, item: Item) -> Mark {
        self.candidates
            .get(row)
            .map_or(Mark::Unchecked, |c| self.sheet().mark(c.panel, item))
    }

    /// The item of the cursor's column on the current screen (none on the summary).
    pub fn current_item(&self) -> Option<Item> {
        let items = self.screen.items();
        items
            .get(self.col.min(items.len().saturating_sub(1)))
            .copied()
    }

    /// The observer's current observation of a cell: its time and note.
    pub fn observation(&self, row: usize, item: Item) -> Option<&Observation> {
        let c = self.candidates.get(row)?;
        self.sheet().observation(c.panel, item)
    }

    /// When the observer last checked candidate `row`'s ballot at the current bureau (a note
    /// alone is not a check); none when not checked.
    pub fn checked_at(&self, row: usize) -> Option<chrono::DateTime<chrono::Utc>> {
        self.cell_key(row, Item::Bureau)
            .and_then(|k| self.state.checked_at_by(self.observer, &k))
    }

    /// True when the current bureau votes on machines (no ballots on a table), as this observer
    /// last said (a `Machines` event); failing that as the other observers agree; failing that
    /// as the reference data says (the rule of [`crate::domain::record::votes_on_machines`],
    /// with the observer's own word first, since it is the observer's screen).
    pub fn voting_machines(&self) -> bool {
        use crate::domain::state::MachinesView;
        let Some(b) = self.bureau.as_ref() else {
            return false;
        };
        if let Some(own) = self
            .state
            .machines_statements(&b.code)
            .find(|f| f.observer == self.observer)
        {
            return own.machines;
        }
        match self.state.machines_of(&b.code) {
            MachinesView::Machines => true,
            MachinesView::NoMachines => false,
            MachinesView::Unsaid | MachinesView::Disputed => b.voting_machines,
        }
    }

    /// The observer's live photos of the cell of candidate `row` in column `item` (a bureau
    /// cell's of the current bureau; an envelope cell's whatever the envelope).
    pub fn photos_of_cell(
        &self,
        row: usize,
        item: Item,
    ) -> impl Iterator<Item = &crate::domain::state::PhotoFact> + '_ {
        let panel = self.candidates.get(row).map(|c| c.panel);
        let bureau = self.bureau.as_ref().map(|b| &b.code);
        self.state
            .photos_of(&self.circonscription.code)
            .filter(move |f| {
                f.observer == self.observer
                    && panel.is_some_and(|panel| {
                        f.photo.of == crate::domain::PhotoSubject::Cell { panel, item }
                    })
                    && (item != Item::Bureau || Some(&f.bureau) == bureau)
            })
    }

    /// The observer's current envelope count for the circonscription.
    pub fn envelope(&self) -> Option<&EnvelopeFact> {
        self.sheet().household()
    }

    /// Non-receipts recorded for the circonscription.
    pub fn non_receipts(&self) -> usize {
        self.state
            .non_receipts_of(&self.circonscription.code)
            .count()
    }
}
