//! What the system (the OS, SQLite opening a file) said about a failure, kept as a typed value:
//! constat says in its own words what kind of failure it was and shows the system's own text as
//! a labelled detail. Below every module that meets such failures (storage, import, export,
//! errors), so that none of them depends on another for it.

use crate::i18n::{Localize, Message, cut};

/// What the system said when a file could not be read: its kind in words, its own text kept as
/// a detail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SystemProblem {
    kind: &'static str,
    detail: String,
}

impl From<&std::io::Error> for SystemProblem {
    fn from(e: &std::io::Error) -> Self {
        use std::io::ErrorKind as K;
        let kind = match e.kind() {
            K::NotFound => "not-found",
            K::PermissionDenied => "denied",
            K::IsADirectory => "directory",
            _ => "other",
        };
        Self {
            kind,
            detail: e.to_string(),
        }
    }
}

impl SystemProblem {
    /// SQLite failed to open the file: its words.
    pub fn sqlite(e: &rusqlite::Error) -> Self {
        Self {
            kind: "sqlite",
            detail: e.to_string(),
        }
    }
}

impl SystemProblem {
    /// A failure said by someone else in their own words.
    pub fn said(detail: String) -> Self {
        Self {
            kind: "other",
            detail,
        }
    }
}

impl From<std::io::Error> for SystemProblem {
    fn from(e: std::io::Error) -> Self {
        Self::from(&e)
    }
}

impl Localize for SystemProblem {
    fn message(&self) -> Message<'_> {
        Message::new("reason-system")
            .arg("kind", self.kind)
            .arg("detail", cut(&self.detail))
    }
}
