//! The small forms of the interface: envelope, non-receipt, note, export, the picker and the
//! yes/no question before a destructive action.

use crate::domain::{Bureau, Item, Mark};

/// The household envelope form: voters at the address, envelopes received, and a note.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EnvelopeForm {
    /// Text typed for the voters.
    pub voters: String,
    /// Text typed for the envelopes received.
    pub received: String,
    /// Text typed for the day they arrived (`JJ/MM/AAAA` or `AAAA-MM-JJ`), may be empty.
    pub received_on: String,
    /// Free text (e.g. "ouverte devant témoin").
    pub note: String,
    /// 0: voters, 1: received, 2: day of arrival, 3: note.
    pub focus: usize,
    /// Why the last submission was refused.
    pub error: Option<String>,
}

impl EnvelopeForm {
    /// How many fields the form has.
    pub const FIELDS: usize = 4;

    /// The field with the focus.
    pub fn focused_mut(&mut self) -> &mut String {
        match self.focus {
            0 => &mut self.voters,
            1 => &mut self.received,
            2 => &mut self.received_on,
            _ => &mut self.note,
        }
    }
}

/// What the picked place is for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum PickerPurpose {
    /// Go there: make it the current circonscription or bureau.
    #[default]
    Switch,
    /// Move the current bureau's observations there (a bureau of the same circonscription).
    MoveTo,
}

/// The picker: a query and the places matching it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Picker {
    /// What the pick is for.
    pub purpose: PickerPurpose,
    /// What was typed.
    pub query: String,
    /// Matching places (indexes into the model's place index), best first, at most a screenful.
    pub hits: Vec<usize>,
    /// How many places matched in all.
    pub total: usize,
    /// The highlighted hit.
    pub selected: usize,
}

/// The non-receipt form: the voter's name and a note, both optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NonReceiptForm {
    /// Text typed for the voter's name.
    pub voter: String,
    /// Free text (e.g. "procès-verbal en deux exemplaires").
    pub note: String,
    /// 0: voter, 1: note, 2: of the observer's own household.
    pub focus: usize,
    /// Why the last submission was refused.
    pub error: Option<String>,
    /// Of the observer's own household (`o`) or another (`n`), when said; else the default of
    /// `domain::session::own_household` (issue 13 point 5).
    pub household: Option<bool>,
}

impl NonReceiptForm {
    /// How many fields the form has.
    pub const FIELDS: usize = 3;

    /// The field with the focus.
    pub fn focused_mut(&mut self) -> &mut String {
        if self.focus == 0 {
            &mut self.voter
        } else {
            &mut self.note
        }
    }
}

/// A note on one cell: recorded as a new tick of the cell's current mark, carrying the note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteForm {
    /// The candidate's row.
    pub row: usize,
    /// The cell's column.
    pub item: Item,
    /// The cell's current mark, recorded again with the note.
    pub mark: Mark,
    /// Text typed.
    pub text: String,
    /// Why the last input was refused (a paste beyond the note's length limit).
    pub error: Option<String>,
}

/// The folder the evidence is exported to (a USB stick's mount point, for instance).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportForm {
    /// Text typed: the folder to create.
    pub path: String,
    /// Why the last export failed.
    pub error: Option<String>,
}

/// When the observations typed next were seen (issue 13 point 6: a record typed in later): a
/// moment in the place's legal time, or empty for "when typed".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SeenAtForm {
    /// Text typed (`15 h 10`, `11/06/2017 15:10`, empty).
    pub text: String,
    /// Why the last submission was refused.
    pub error: Option<String>,
}

/// What a confirmed question does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pending {
    /// Mark every candidate of the column present.
    MarkColumn(Item),
    /// Move the observer's ballot observations of the current bureau to this bureau (of the
    /// same circonscription): each is withdrawn here and recorded again there.
    Move(Box<Bureau>),
    /// Mark the current bureau as voting on machines, or not.
    SetMachines(bool),
    /// Leave the interface, dropping the form shown again on "no" (a half-typed note).
    Quit(Box<super::model::Mode>),
    /// Undo the last change although it was made in an earlier session.
    UndoEarlier,
    /// Record a household count with more envelopes than voters (issue 16 point 4): possible,
    /// more often a slip. "No" goes back to the form as typed.
    MoreEnvelopes {
        /// Voters, envelopes received, the day of arrival and the note, as `submit_envelope`
        /// takes them.
        entry: EnvelopeEntry,
        /// The form, shown again on "no".
        form: Box<EnvelopeForm>,
    },
}

/// A household count as submitted: voters, envelopes received, the day of arrival and the note
/// (`None`: kept from the earlier record).
pub type EnvelopeEntry = (
    u32,
    u32,
    Option<Option<chrono::NaiveDate>>,
    Option<Option<String>>,
);

/// What a photo is attached to, as the photo form offers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhotoTarget {
    /// The cell of candidate `row` in column `item`.
    Cell {
        /// The candidate's row.
        row: usize,
        /// The cell's column.
        item: Item,
    },
    /// The household's envelopes (envelope screen).
    Household,
    /// The bureau as a whole (bureau screen).
    Bureau,
}

/// Where the photo form can take a photo from, as the runtime found it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhotoSources {
    /// The folder whose images are offered (as typed or found), if any.
    pub folder: Option<String>,
    /// Its most recent images, newest first, or why they could not be read.
    pub recent: Result<Vec<crate::app::photo_pick::RecentImage>, String>,
    /// True when the camera command is there (Termux:API).
    pub camera: bool,
}

/// The photo form (issue 19): what the photo shows, and the file: typed or pasted, one of the
/// folder's recent images, or taken with the camera.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhotoForm {
    /// What it can be attached to (the cell under the cursor first); Tab goes to the next.
    pub targets: Vec<PhotoTarget>,
    /// The chosen one.
    pub target: usize,
    /// The path typed or pasted (`~/` is the home folder; a folder's path lists its images).
    pub path: String,
    /// The recent images and the camera, once the runtime looked.
    pub sources: Option<PhotoSources>,
    /// The recent image highlighted (`None`: the typed path is used).
    pub selected: Option<usize>,
    /// Why the last attempt recorded nothing.
    pub error: Option<String>,
    /// The change in flight, while the runtime attaches.
    pub group: Option<u64>,
    /// Opened with `F`: the camera takes the photo as soon as the runtime says it is there.
    pub take_at_once: bool,
}

impl PhotoForm {
    /// What the photo is attached to now.
    pub fn chosen(&self) -> Option<PhotoTarget> {
        self.targets.get(self.target).copied()
    }

    /// The recent images offered (none before the runtime looked, or when unreadable).
    pub fn recent(&self) -> &[crate::app::photo_pick::RecentImage] {
        match &self.sources {
            Some(PhotoSources {
                recent: Ok(images), ..
            }) => images,
            _ => &[],
        }
    }

    /// True when the camera can take the photo.
    pub fn camera(&self) -> bool {
        self.sources.as_ref().is_some_and(|s| s.camera)
    }
}

/// A photo in a cell's history: its name and when it was taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhotoShown {
    /// The file's name as attached (escaped).
    pub name: String,
    /// When it was taken (EXIF), said in the interface's language ("prise à 15 h 10").
    pub taken: Option<String>,
}

/// One observation of a cell, as the cell's history shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryLine {
    /// When it was recorded, in the place's legal time, as said in the interface's language.
    pub at: String,
    /// What was seen.
    pub mark: Mark,
    /// Its note.
    pub note: Option<String>,
    /// True when the observer withdrew it later (undo, move).
    pub withdrawn: bool,
    /// A photo attached to the cell (then `mark` says nothing).
    pub photo: Option<PhotoShown>,
}

/// Every observation the observer made of one cell, oldest first (read from the events).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct History {
    /// The candidate's row.
    pub row: usize,
    /// The cell's column.
    pub item: Item,
    /// Its observations; none until the runtime read them.
    pub lines: Option<Vec<HistoryLine>>,
    /// First line shown (it scrolls).
    pub scroll: u16,
}

/// A yes/no question before a destructive action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confirm {
    /// The question, in the interface language.
    pub question: String,
    /// What "yes" does.
    pub pending: Pending,
}
