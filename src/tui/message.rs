//! Messages: the user's intents (made from keys) and the results of effects.

use crate::domain::search::PlaceIndex;
use crate::domain::{Bureau, Candidate, Circonscription, Event, Mark, RecordState};

use super::model::{Screen, Summary};

/// A direction in the grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Previous candidate.
    Up,
    /// Next candidate.
    Down,
    /// Previous column.
    Left,
    /// Next column.
    Right,
    /// First candidate.
    Top,
    /// Last candidate.
    Bottom,
    /// A screenful up (the grid, the summary, the help).
    PageUp,
    /// A screenful down.
    PageDown,
}

/// Everything that can change the model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// Move the cursor.
    Move(Direction),
    /// Cycle the current cell: unchecked → present → absent → unchecked.
    Cycle,
    /// Set the current cell.
    Set(Mark),
    /// Mark every candidate of the current column present.
    MarkColumnPresent,
    /// Undo the last change of this session, by retracting its events.
    Undo,
    /// Show or hide the help.
    ToggleHelp,
    /// Open the household envelope form.
    OpenEnvelope,
    /// Show the household's next envelope (`true`) or the previous one on the envelope screen.
    SwitchEnvelope(bool),
    /// Open the non-receipt form.
    OpenNonReceipt,
    /// Type a character in the open form.
    Input(char),
    /// Text pasted into the open form, as one event (the terminal's bracketed paste).
    Paste(String),
    /// Turn on or off the cursor's move to the next row after `p` and `a`.
    ToggleAdvance,
    /// Show every observation of the cell under the cursor.
    OpenHistory,
    /// The cell's history, read from the log.
    HistoryReady(Vec<super::forms::HistoryLine>),
    /// Another writer (the command line, a merge) changed the file: the observer's events of
    /// the circonscription, folded again.
    Reloaded(Box<RecordState>),
    /// Erase the last character of the open form's field.
    Erase,
    /// Go to the open form's next field.
    NextField,
    /// Go to the open form's previous field.
    PrevField,
    /// Submit the open form.
    Submit,
    /// Close the open overlay (help or form) without doing anything.
    Close,
    /// A tap or left click at a screen position: on a mark it selects the cell and cycles it; on
    /// a candidate's name it selects the row.
    Tap {
        /// Column.
        x: u16,
        /// Line.
        y: u16,
    },
    /// The terminal's size changed.
    Resize {
        /// Columns.
        width: u16,
        /// Lines.
        height: u16,
    },
    /// Open the picker of circonscriptions and bureaux.
    OpenPicker,
    /// Show this screen.
    Show(Screen),
    /// Show the next screen (`true`) or the previous one.
    CycleScreen(bool),
    /// Open the note form on the cell under the cursor.
    OpenNote,
    /// Ask to mark the current bureau as voting on machines (or not any more).
    ToggleMachines,
    /// Open the picker to move the current bureau's observations to another bureau.
    OpenMove,
    /// Open the export form (summary screen).
    OpenExport,
    /// Open the "seen at" form: when the observations typed next were seen.
    OpenSeenAt,
    /// The runtime read the moment typed in the "seen at" form: UTC, or why it is refused.
    SeenAtChecked(Result<chrono::DateTime<chrono::Utc>, String>),
    /// The answer to the open question: yes (`true`) or no.
    Answer(bool),
    /// The summary screen's text is ready.
    SummaryReady(Box<Summary>),
    /// The bureau chosen as the destination of a move, checked by the runtime.
    MoveTarget(Bureau),
    /// The export finished: the folder written, or why it failed.
    Exported(Result<String, ExportRefused>),
    /// Open the photo form for the cell under the cursor (or the household, the bureau).
    OpenPhoto,
    /// Open the photo form and take the photo with the camera at once (`F`).
    OpenCamera,
    /// Highlight the photo form's recent image of this index (a tap on it).
    SelectPhoto(usize),
    /// Take the photo with the camera (photo form, when the camera command is there).
    TakePhoto,
    /// The photo form's recent images and camera, as the runtime found them.
    PhotosFound(Box<super::forms::PhotoSources>),
    /// The photo asked for was not attached: why, or the path was a folder whose images are
    /// now offered. (An attached photo answers `Saved`.)
    PhotoAnswer {
        /// The change it belongs to.
        group: u64,
        /// What happened instead.
        answer: PhotoAnswer,
    },
    /// Leave.
    Quit,
    /// The picked place is loaded.
    Switched {
        /// The circonscription now shown.
        circonscription: Circonscription,
        /// Its candidates, in panel order.
        candidates: Vec<Candidate>,
        /// The bureau now current (kept when it lies in the circonscription).
        bureau: Option<Bureau>,
        /// Everything recorded for that circonscription, folded.
        state: Box<RecordState>,
    },
    /// The picker's index is built.
    PlacesReady(std::sync::Arc<PlaceIndex>),
    /// An event was committed.
    Saved {
        /// The change it belongs to.
        group: u64,
        /// The stored event.
        event: Event,
    },
    /// An event could not be saved; nothing of it was written.
    SaveFailed {
        /// The change it belongs to.
        group: u64,
        /// Why, in the interface language.
        error: String,
    },
}

/// Why an export from the interface wrote nothing, and the folder to propose instead when the one
/// typed already holds something (an earlier export).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportRefused {
    /// What to say, in the interface's language.
    pub error: String,
    /// A free folder beside the one typed.
    pub suggestion: Option<String>,
}

/// Why a photo asked for was not attached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhotoAnswer {
    /// Refused (not an image, too large, unreadable, the camera failed), in the interface's
    /// language: nothing was recorded.
    Refused(String),
    /// The path typed is a folder: its recent images are offered.
    Folder(Box<super::forms::PhotoSources>),
}
