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
    /// A database on a read-only medium, read through the untrusted open, refused by it.
    Refused {
        /// The file.
        path: PathBuf,
        /// Why.
        why: super::Refusal,
    },
    /// SQLite refused an operation.
    Sqlite {
        /// The file.
        path: PathBuf,
        /// What constat was doing.
        context: Doing,
        /// SQLite's error.
        source: rusqlite::Error,
    },
    // Issue 15 (sign): the secret key lives in a key file outside the database.
    /// The local observer signs with a key whose key file is not found: nothing can be appended.
    KeyMissing {
        /// The database.
        path: PathBuf,
        /// Where constat looked.
        key_file: PathBuf,
    },
    /// `constat key new` for an observer without a key (a reader, an exported copy, an
    /// observer of a file before signatures): there is no key to replace.
    NoKeyToReplace(PathBuf),
    /// `constat key new --lost` while the key file is there: the old key can sign the change.
    KeyStillHeld(PathBuf),
    /// A key file that cannot be read or written.
    KeyFile {
        /// The database.
        path: PathBuf,
        /// The key file, when known.
        key_file: Option<PathBuf>,
        /// What is wrong.
        problem: super::keys::KeyFileProblem,
    },
}

impl StorageError {
    pub(crate) fn sqlite(path: &std::path::Path, context: Doing, source: rusqlite::Error) -> Self {
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

/// What constat was doing when SQLite failed, said in the user's language before SQLite's own
/// words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Doing {
    /// Checking integrity.
    CheckingIntegrity,
    /// Committing the creation.
    CommittingCreation,
    /// Committing the event.
    CommittingEvent,
    /// Committing the import.
    CommittingImport,
    /// Committing the schema.
    CommittingSchema,
    /// Creating the database.
    CreatingDatabase,
    /// Deferring the index by circonscription.
    DeferringCirconscriptionIndex,
    /// Enlarging the page cache.
    EnlargingPageCache,
    /// Finishing the merge.
    FinishingMerge,
    /// Importing bureaux.
    ImportingBureaux,
    /// Importing candidates.
    ImportingCandidates,
    /// Indexing the bureaux by circonscription.
    IndexingBureaux,
    /// Limiting the file size.
    LimitingFileSize,
    /// Listing codes.
    ListingCodes,
    /// Logging the import.
    LoggingImport,
    /// Making the file read-only.
    MakingReadOnly,
    /// Marking the file as a constat database.
    MarkingAsConstat,
    /// Marking withdrawn candidates.
    MarkingWithdrawnCandidates,
    /// Numbering the event.
    NumberingEvent,
    /// Opening the database.
    OpeningDatabase,
    /// Opening the export.
    OpeningExport,
    /// Preparing the import.
    PreparingImport,
    /// Reading a bureau.
    ReadingBureau,
    /// Reading the bureaux.
    ReadingBureaux,
    /// Reading the candidates.
    ReadingCandidates,
    /// Reading chain heads.
    ReadingChainHeads,
    /// Reading a circonscription.
    ReadingCirconscription,
    /// Reading the circonscriptions.
    ReadingCirconscriptions,
    /// Reading the election.
    ReadingElection,
    /// Reading an event row.
    ReadingEventRow,
    /// Reading events.
    ReadingEvents,
    /// Reading the local observer.
    ReadingLocalObserver,
    /// Reading the observer's key.
    ReadingObserverKey,
    /// Reading observers.
    ReadingObservers,
    /// Reading the page cache size.
    ReadingPageCacheSize,
    /// Reading the reference data.
    ReadingReferenceData,
    /// Reading the schema.
    ReadingSchema,
    /// Reading the schema version.
    ReadingSchemaVersion,
    /// Reading a setting.
    ReadingSetting,
    /// Recording the schema version.
    RecordingSchemaVersion,
    /// Recording the bureau's voting machines.
    RecordingVotingMachines,
    /// Removing the secret key from the export.
    RemovingSecretKey,
    /// Resetting the page cache size.
    ResettingPageCacheSize,
    /// Saving the event.
    SavingEvent,
    // Issue 19 (photos).
    /// Saving a photo's bytes.
    SavingPhoto,
    /// Reading a photo's bytes.
    ReadingPhoto,
    /// Saving the observer.
    SavingObserver,
    /// Saving the observer's key.
    SavingObserverKey,
    /// Saving the reference data.
    SavingReferenceData,
    /// Saving a setting.
    SavingSetting,
    /// Setting pragmas.
    SettingPragmas,
    /// Signing the chain head.
    SigningChainHead,
    /// Starting the creation.
    StartingCreation,
    /// Starting the import.
    StartingImport,
    /// Starting the merge.
    StartingMerge,
    /// Starting the schema check.
    StartingSchemaCheck,
    /// Starting to save the event.
    StartingToSaveEvent,
    /// Switching to WAL.
    SwitchingToWal,
    /// Upgrading the schema.
    UpgradingSchema,
    /// Writing the export.
    WritingExport,
    /// Reading the list of files already merged.
    ReadingMergedFiles,
    /// Recording a file as merged.
    RecordingMergedFile,
    /// Reading the roster (issue 15 point 2).
    ReadingRoster,
    /// Saving the roster.
    SavingRoster,
    /// Reading or recording the refused files (issue 18, night).
    RefusedFiles,
    /// Reading, recording or settling key disputes (issue 15 point 2).
    KeyDisputes,
}

impl Localize for Doing {
    fn message(&self) -> Message<'_> {
        match self {
            Self::CheckingIntegrity => Message::new("storage-doing-checking-integrity"),
            Self::CommittingCreation => Message::new("storage-doing-committing-creation"),
            Self::CommittingEvent => Message::new("storage-doing-committing-event"),
            Self::SavingPhoto => Message::new("storage-doing-saving-photo"),
            Self::ReadingPhoto => Message::new("storage-doing-reading-photo"),
            Self::CommittingImport => Message::new("storage-doing-committing-import"),
            Self::CommittingSchema => Message::new("storage-doing-committing-schema"),
            Self::CreatingDatabase => Message::new("storage-doing-creating-database"),
            Self::DeferringCirconscriptionIndex => {
                Message::new("storage-doing-deferring-circonscription-index")
            }
            Self::EnlargingPageCache => Message::new("storage-doing-enlarging-page-cache"),
            Self::FinishingMerge => Message::new("storage-doing-finishing-merge"),
            Self::ImportingBureaux => Message::new("storage-doing-importing-bureaux"),
            Self::ImportingCandidates => Message::new("storage-doing-importing-candidates"),
            Self::IndexingBureaux => Message::new("storage-doing-indexing-bureaux"),
            Self::LimitingFileSize => Message::new("storage-doing-limiting-file-size"),
            Self::ListingCodes => Message::new("storage-doing-listing-codes"),
            Self::LoggingImport => Message::new("storage-doing-logging-import"),
            Self::MakingReadOnly => Message::new("storage-doing-making-read-only"),
            Self::MarkingAsConstat => Message::new("storage-doing-marking-as-constat"),
            Self::MarkingWithdrawnCandidates => {
                Message::new("storage-doing-marking-withdrawn-candidates")
            }
            Self::NumberingEvent => Message::new("storage-doing-numbering-event"),
            Self::OpeningDatabase => Message::new("storage-doing-opening-database"),
            Self::OpeningExport => Message::new("storage-doing-opening-export"),
            Self::PreparingImport => Message::new("storage-doing-preparing-import"),
            Self::ReadingBureau => Message::new("storage-doing-reading-bureau"),
            Self::ReadingBureaux => Message::new("storage-doing-reading-bureaux"),
            Self::ReadingCandidates => Message::new("storage-doing-reading-candidates"),
            Self::ReadingChainHeads => Message::new("storage-doing-reading-chain-heads"),
            Self::ReadingCirconscription => Message::new("storage-doing-reading-circonscription"),
            Self::ReadingCirconscriptions => Message::new("storage-doing-reading-circonscriptions"),
            Self::ReadingElection => Message::new("storage-doing-reading-election"),
            Self::ReadingEventRow => Message::new("storage-doing-reading-event-row"),
            Self::ReadingEvents => Message::new("storage-doing-reading-events"),
            Self::ReadingLocalObserver => Message::new("storage-doing-reading-local-observer"),
            Self::ReadingObserverKey => Message::new("storage-doing-reading-observer-key"),
            Self::ReadingObservers => Message::new("storage-doing-reading-observers"),
            Self::ReadingPageCacheSize => Message::new("storage-doing-reading-page-cache-size"),
            Self::ReadingReferenceData => Message::new("storage-doing-reading-reference-data"),
            Self::ReadingSchema => Message::new("storage-doing-reading-schema"),
            Self::ReadingSchemaVersion => Message::new("storage-doing-reading-schema-version"),
            Self::ReadingSetting => Message::new("storage-doing-reading-setting"),
            Self::RecordingSchemaVersion => Message::new("storage-doing-recording-schema-version"),
            Self::RecordingVotingMachines => {
                Message::new("storage-doing-recording-voting-machines")
            }
            Self::RemovingSecretKey => Message::new("storage-doing-removing-secret-key"),
            Self::ResettingPageCacheSize => Message::new("storage-doing-resetting-page-cache-size"),
            Self::SavingEvent => Message::new("storage-doing-saving-event"),
            Self::SavingObserver => Message::new("storage-doing-saving-observer"),
            Self::SavingObserverKey => Message::new("storage-doing-saving-observer-key"),
            Self::SavingReferenceData => Message::new("storage-doing-saving-reference-data"),
            Self::SavingSetting => Message::new("storage-doing-saving-setting"),
            Self::SettingPragmas => Message::new("storage-doing-setting-pragmas"),
            Self::SigningChainHead => Message::new("storage-doing-signing-chain-head"),
            Self::StartingCreation => Message::new("storage-doing-starting-creation"),
            Self::StartingImport => Message::new("storage-doing-starting-import"),
            Self::StartingMerge => Message::new("storage-doing-starting-merge"),
            Self::StartingSchemaCheck => Message::new("storage-doing-starting-schema-check"),
            Self::StartingToSaveEvent => Message::new("storage-doing-starting-to-save-event"),
            Self::SwitchingToWal => Message::new("storage-doing-switching-to-wal"),
            Self::UpgradingSchema => Message::new("storage-doing-upgrading-schema"),
            Self::WritingExport => Message::new("storage-doing-writing-export"),
            Self::ReadingMergedFiles => Message::new("storage-doing-reading-merged-files"),
            Self::RecordingMergedFile => Message::new("storage-doing-recording-merged-file"),
            Self::RefusedFiles => Message::new("storage-doing-refused-files"),
            Self::KeyDisputes => Message::new("storage-doing-key-disputes"),
            Self::ReadingRoster => Message::new("storage-doing-reading-roster"),
            Self::SavingRoster => Message::new("storage-doing-saving-roster"),
        }
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
            Self::Refused { path: p, why } => Message::new("error-untrusted")
                .arg("path", path(p))
                .arg("why", why),
            Self::Sqlite {
                path: p,
                context,
                source,
            } => Message::new("error-sqlite")
                .arg("path", path(p))
                .arg("doing", context)
                .arg("kind", sqlite_kind(source))
                .arg("detail", source.to_string()),
            Self::KeyMissing { path: p, key_file } => Message::new("error-key-missing")
                .arg("path", path(p))
                .arg("key", path(key_file)),
            Self::NoKeyToReplace(p) => Message::new("error-no-key-to-replace").arg("path", path(p)),
            Self::KeyStillHeld(p) => Message::new("error-key-still-held").arg("path", path(p)),
            Self::KeyFile {
                path: p,
                key_file,
                problem,
            } => Message::new("error-key-file")
                .arg("path", path(p))
                .arg(
                    "key",
                    key_file.as_deref().map_or_else(|| "-".to_owned(), path),
                )
                .arg("why", problem),
        }
    }
}

impl Localize for super::keys::KeyFileProblem {
    fn message(&self) -> Message<'_> {
        match self {
            Self::NoFolder => Message::new("reason-key-no-folder"),
            Self::Malformed => Message::new("reason-key-malformed"),
            Self::OtherKey => Message::new("reason-key-other-key"),
            Self::Exists => Message::new("reason-key-exists"),
            Self::Io(detail) => Message::new("reason-key-io").arg("detail", cut(detail)),
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

/// A path in a message: shown escaped, so that a newline in it cannot start a fake line.
fn path(p: &std::path::Path) -> String {
    crate::domain::outside::escape(&p.display().to_string()).into_owned()
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
