//! The pure domain core: election vocabulary, observation events, the state derived from them and
//! the record built for a report.
//!
//! Rule: nothing in here does I/O. No `std::fs`, no `rusqlite`, no terminal, no clock: times and ids
//! are passed in by the caller. `.ci/run` checks this.

pub mod appeal;
pub mod chain;
pub mod codes;
pub mod coordination;
// Département names, for the national report (issue 18 point 4).
pub mod departements;
pub mod election;
pub mod event;
pub mod findings;
pub mod fingerprint;
pub mod history;
// Issue 15 point 2: an observer claimed with two keys across merges.
pub mod key_dispute;
pub mod labels;
pub mod law;
pub mod legal_time;
pub mod merge;
pub mod outside;
pub mod periods;
pub mod record;
pub mod referential;
// Issue 15 (sign): the digest of the reference data an observer's statement covers.
pub mod reference_digest;
pub mod search;
pub mod session;
pub mod state;
pub mod stats;
pub mod timing;

pub use codes::{BureauCode, CirconscriptionCode, CodeError, Panel};
pub use election::{Election, ElectionKind};
pub use event::{Event, EventBody, EventId, Item, Mark, ObserverId};
pub use event::{MAX_PHOTO_BYTES, MediaType, Photo, PhotoSubject};
pub use record::{CircRecord, Finding, RecordRow, build_record};
pub use referential::{Bureau, Candidate, Circonscription, Referential, Sex};
pub use state::RecordState;
