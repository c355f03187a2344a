//! Errors of the storage layer: what went wrong, on which file, and how to fix it.

use std::path::PathBuf;

use crate::domain::CodeError;
use crate::domain::merge::EventProblem;
use crate::i18n::{Lang, Localize, Message, cut};

/// A storage failure. The message names the file and says how to fix the problem.
#[derive(Debug)]
pub enum StorageError {
    /// No database at this path.
    NotFound(PathBuf),
    /// The path is taken: constat never overwrites a file.
    AlreadyExists(PathBuf),
    /// The file is not a constat database.
    NotConstat(PathBuf),
    /// The file was written by a newer constat.
    NewerSchema {
        /// The file.
        path: PathBuf,
        /// Its schema version.
        found: u32,
        /// The highest this build knows.
        supported: u32,
    },
    /// Stored data that does not make sense.
    Invalid {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        what: DataProblem,
    },
    /// SQLite refused an operation.
    Sqlite {
        /// The file.
        path: PathBuf,
        /// What constat was doing (English, shown in English only; French says whether constat
        /// was reading or writing).
        context: &'static str,
        /// SQLite's error.
        source: rusqlite::Error,
    },
}

impl StorageError {
    pub(crate) fn sqlite(
        path: &std::path::Path,
        context: &'static str,
        source: rusqlite::Error,
    ) -> Self {
        Self::Sqlite {
            path: path.to_owned(),
            context,
            source,
        }
    }

    /// True when the file cannot be written (read-only file, folder or medium).
    pub fn is_read_only(&self) -> bool {
        matches!(
            self,
            Self::Sqlite { source: rusqlite::Error::SqliteFailure(e, _), .. }
                if e.code == rusqlite::ErrorCode::ReadOnly
        )
    }

    /// True when the failure is a full disk or file size limit: freeing space and retrying helps.
    pub fn is_disk_full(&self) -> bool {
        matches!(
            self,
            Self::Sqlite { source: rusqlite::Error::SqliteFailure(e, _), .. }
                if e.code == rusqlite::ErrorCode::DiskFull
        )
    }
}

/// The kind of an SQLite failure, for a selector: what it means and what to do.
pub(crate) fn sqlite_kind(e: &rusqlite::Error) -> &'static str {
    use rusqlite::ErrorCode as C;
    match e.sqlite_error_code() {
        Some(C::DiskFull) => "full",
        Some(C::ReadOnly) => "read-only",
        Some(C::DatabaseBusy) => "busy",
        Some(C::DatabaseLocked) => "locked",
        Some(C::ConstraintViolation) => "constraint",
        Some(C::DatabaseCorrupt | C::NotADatabase) => "corrupt",
        Some(C::CannotOpen) => "cannot-open",
        Some(C::SystemIoFailure) => "io",
        Some(C::TooBig) => "too-big",
        _ => "other",
    }
}

impl Localize for StorageError {
    fn message(&self) -> Message<'_> {
        match self {
            Self::NotFound(p) => Message::new("error-db-not-found").arg("path", path(p)),
            Self::AlreadyExists(p) => Message::new("error-db-exists").arg("path", path(p)),
            Self::NotConstat(p) => Message::new("error-db-not-constat").arg("path", path(p)),
            Self::NewerSchema {
                path: p,
                found,
                supported,
            } => Message::new("error-db-newer")
                .arg("path", path(p))
                .arg("found", found.to_string())
                .arg("supported", supported.to_string()),
            Self::Invalid { path: p, what } => Message::new("error-db-invalid")
                .arg("path", path(p))
                .arg("what", what),
            Self::Sqlite {
                path: p,
                context,
                source,
            } => {
                let reading = ["reading", "listing", "checking"]
                    .iter()
                    .any(|r| context.starts_with(r));
                Message::new("error-sqlite")
                    .arg("path", path(p))
                    .arg("context", *context)
                    .arg("doing", if reading { "read" } else { "write" })
                    .arg("kind", sqlite_kind(source))
                    .arg("detail", source.to_string())
            }
        }
    }
}

impl std::fmt::Display for StorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for StorageError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Sqlite { source, .. } => Some(source),
            _ => None,
        }
    }
}

fn path(p: &std::path::Path) -> String {
    p.display().to_string()
}

/// Stored data that does not make sense: in this database, or in another observer's file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DataProblem {
    /// An event row that cannot be read back.
    Event {
        /// The event's id, as stored.
        id: String,
        /// What is wrong with the row.
        problem: RowProblem,
    },
    /// An event whose stored hash is not 64 hex digits.
    EventHash {
        /// The event.
        id: String,
        /// The stored hash.
        hash: String,
    },
    /// An event refused on its own (dates, text fields).
    EventRefused(EventProblem),
    /// An event that a constraint of the database refuses.
    Constraint(String),
    /// A chain head that cannot be read back.
    ChainHead(String),
    /// A bureau that is not there.
    NoBureau(String),
    /// No observer of this database is the local one.
    NoLocalObserver,
    /// An observer id that is not a UUID.
    ObserverId(String),
    /// An observer name too long or with control characters.
    ObserverName(String),
    /// A public key that is not 64 hex digits.
    ObserverKey {
        /// The observer.
        observer: String,
        /// The key found.
        key: String,
    },
    /// The hash of the last event is not 64 hex digits.
    LastHash(String),
    /// `PRAGMA integrity_check` did not say `ok`; SQLite's report.
    Integrity(String),
    /// The export cannot be written; the system's words.
    ExportUnwritable(String),
    /// The export's path is a folder or a device.
    ExportNotAFile,
    /// No random source for a new key; the system's words.
    NoRandom(String),
    /// An election kind constat does not know.
    ElectionKind(String),
    /// An election date that is not YYYY-MM-DD.
    ElectionDate(String),
    /// A candidate's sex that is neither F nor M.
    Sex(String),
    /// A malformed code.
    Code(CodeError),
}

impl Localize for DataProblem {
    fn message(&self) -> Message<'_> {
        match self {
            Self::Event { id, problem } => Message::new("error-data-event")
                .arg("id", cut(id))
                .arg("problem", problem),
            Self::EventHash { id, hash } => Message::new("error-data-event-hash")
                .arg("id", cut(id))
                .arg("hash", cut(hash)),
            Self::EventRefused(p) => p.message(),
            Self::Constraint(id) => Message::new("error-data-constraint").arg("id", cut(id)),
            Self::ChainHead(o) => Message::new("error-data-chain-head").arg("observer", cut(o)),
            Self::NoBureau(b) => Message::new("error-data-no-bureau").arg("code", cut(b)),
            Self::NoLocalObserver => Message::new("error-data-no-local-observer"),
            Self::ObserverId(id) => Message::new("error-data-observer-id").arg("id", cut(id)),
            Self::ObserverName(n) => Message::new("error-data-observer-name").arg("name", cut(n)),
            Self::ObserverKey { observer, key } => Message::new("error-data-observer-key")
                .arg("observer", cut(observer))
                .arg("key", cut(key)),
            Self::LastHash(h) => Message::new("error-data-last-hash").arg("hash", cut(h)),
            Self::Integrity(d) => Message::new("error-data-integrity").arg("detail", cut(d)),
            Self::ExportUnwritable(d) => {
                Message::new("error-data-export-unwritable").arg("detail", d)
            }
            Self::ExportNotAFile => Message::new("error-data-export-not-a-file"),
            Self::NoRandom(d) => Message::new("error-data-no-random").arg("detail", d),
            Self::ElectionKind(k) => Message::new("error-data-election-kind").arg("kind", cut(k)),
            Self::ElectionDate(d) => Message::new("error-data-election-date").arg("date", cut(d)),
            Self::Sex(s) => Message::new("error-data-sex").arg("sex", cut(s)),
            Self::Code(c) => c.message(),
        }
    }
}

/// What is wrong with one stored event row (column numbers and names as stored).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowProblem {
    /// A column holds bytes that are not UTF-8.
    NotUtf8 {
        /// The column's number.
        column: usize,
        /// How many bytes are valid before the bad sequence.
        valid_up_to: usize,
        /// The length of the bad sequence, `None` when the text ends inside it.
        bad_len: Option<usize>,
    },
    /// A column holds a number or a blob where text is expected.
    NotText(usize),
    /// A field is empty.
    Missing(&'static str),
    /// A number field is empty or out of range.
    OutOfRange(&'static str),
    /// A field that is not a UUID.
    NotUuid {
        /// The field.
        field: &'static str,
        /// Its value.
        value: String,
    },
    /// An item that is not foi, courrier or bureau.
    UnknownItem(String),
    /// A mark that is not present, absent or unchecked.
    UnknownValue(String),
    /// An event kind constat does not know.
    UnknownKind(String),
    /// An envelope number out of range.
    EnvelopeOutOfRange(i64),
    /// A day of arrival that is not YYYY-MM-DD.
    BadArrival(String),
    /// A negative position.
    NegativeSeq(i64),
    /// A time that is not RFC 3339.
    BadTime(String),
    /// A malformed code.
    Code(CodeError),
}

impl Localize for RowProblem {
    fn message(&self) -> Message<'_> {
        match self {
            Self::NotUtf8 {
                column,
                valid_up_to,
                bad_len,
            } => Message::new("error-row-not-utf8")
                .arg("column", column.to_string())
                .arg("index", valid_up_to.to_string())
                .arg("length", bad_len.map(|n| n.to_string())),
            Self::NotText(column) => {
                Message::new("error-row-not-text").arg("column", column.to_string())
            }
            Self::Missing(field) => Message::new("error-row-missing").arg("field", *field),
            Self::OutOfRange(field) => Message::new("error-row-out-of-range").arg("field", *field),
            Self::NotUuid { field, value } => Message::new("error-row-not-uuid")
                .arg("field", *field)
                .arg("value", cut(value)),
            Self::UnknownItem(v) => Message::new("error-row-unknown-item").arg("value", cut(v)),
            Self::UnknownValue(v) => Message::new("error-row-unknown-value").arg("value", cut(v)),
            Self::UnknownKind(v) => Message::new("error-row-unknown-kind").arg("value", cut(v)),
            Self::EnvelopeOutOfRange(n) => {
                Message::new("error-row-envelope").arg("number", n.to_string())
            }
            Self::BadArrival(d) => Message::new("error-row-arrival").arg("value", cut(d)),
            Self::NegativeSeq(n) => {
                Message::new("error-row-negative-seq").arg("seq", n.to_string())
            }
            Self::BadTime(t) => Message::new("error-row-time").arg("value", cut(t)),
            Self::Code(c) => c.message(),
        }
    }
}
