//! Effects: what `update` asks the runtime to do.

use crate::domain::search::Place;
use crate::domain::{BureauCode, EventBody, PhotoSubject};

/// Work for the runtime. Its result comes back as a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Append this event and commit it; answer with `Saved` or `SaveFailed` for `group`.
    Persist {
        /// The change this event belongs to (one key press can make several events).
        group: u64,
        /// What to record.
        body: EventBody,
        /// When it was seen, when the observer said (`None`: when recorded).
        seen_at: Option<chrono::DateTime<chrono::Utc>>,
    },
    /// Read a typed "seen at" moment in the place's legal time; answer with `SeenAtChecked`.
    CheckSeenAt(String),
    /// Load this circonscription or bureau and make it current; answer with `Switched`.
    Switch(Place),
    /// Index every circonscription and bureau for the picker; answer with `PlacesReady`.
    /// (Done on first use, not at start-up: at national scale it takes a noticeable moment.)
    BuildPlaces,
    /// Prepare the summary screen of the current circonscription and bureau; answer with
    /// `SummaryReady`.
    LoadSummary,
    /// Check that this bureau can receive the current bureau's observations (same
    /// circonscription); answer with `MoveTarget`.
    CheckMoveTarget(BureauCode),
    /// Read the observer's observations of this cell from the log; answer with `HistoryReady`.
    LoadHistory(crate::domain::state::CellKey),
    /// Write the evidence folder (as `constat export evidence -o DIR`); answer with `Exported`.
    ExportEvidence(String),
    /// Keep whether the cursor moves to the next row after a mark (`v`), for the next sessions;
    /// a failure is said, the choice holds for this session.
    SaveAdvance(bool),
    /// Look for the photo form's sources: the recent images of this folder (else of the
    /// phone's camera folder) and the camera command; answer with `PhotosFound`.
    FindPhotos(Option<String>),
    /// Attach the file at this path (as typed: `~/` is the home folder) through
    /// `app::photos::attach`; answer with `Saved` for `group`, or `PhotoAnswer` (refused, or a
    /// folder whose images are then offered).
    AttachPhoto {
        /// The change it belongs to.
        group: u64,
        /// What it shows.
        of: PhotoSubject,
        /// The file.
        path: String,
    },
    /// Take a photo with the camera into a temporary file, then attach it as `AttachPhoto`.
    TakePhoto {
        /// The change it belongs to.
        group: u64,
        /// What it shows.
        of: PhotoSubject,
    },
}
