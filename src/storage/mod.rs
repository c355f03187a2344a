//! Storage: the only module that speaks SQL. A [`Store`] is one SQLite database file holding one
//! election's reference data, its observers and the append-only event log.
//!
//! Every write is one transaction, committed with `synchronous=FULL` in WAL mode before the call
//! returns: once `append` has returned, the event survives a crash, a `kill -9` or a power cut.

mod batch;
pub use batch::KeyRotation;
mod error;
mod events;
mod fold;
mod import;
mod inbox;
mod keys;
mod merge;
mod migrations;
mod photos;
mod reference;
mod referential;
mod refused;
mod roster;
mod untrusted;
mod verify;
mod watch;
// The coordinator's live view (issue 18 point 3).
mod coordination;
// Key disputes across merges (issue 15 point 2).
mod disputes;
pub use disputes::RivalClaim;

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OpenFlags, OptionalExtension, TransactionBehavior, params};

pub use coordination::MergedFiles;
pub use error::StorageError;
pub use error::{DataProblem, Doing, RowProblem};
pub use import::{BureauImport, CandidateImport, ImportFailure, Reader};
pub use keys::{KeyDir, KeyFileProblem};
pub use merge::{
    MAX_PHOTOS_PER_FILE, MergeOptions, MergeOutcome, MergeRejection, MergeWarning,
    SignatureProblem, election_label as merge_election_label,
};
pub use migrations::SCHEMA_VERSION;
pub use photos::{PhotoBytes, PhotoCheck, PhotoState, verify_photos};
pub use refused::RefusedEntry;
pub use roster::{
    Claim, Enrolled, Enrolment, Identity, claims_of_csv, claims_of_file, rotated_keys,
};
pub use untrusted::{
    Damage, MAX_FILE_BYTES, NotRegular, NotSqlite, Refusal, SchemaProblem, SystemProblem,
    Untrusted, open_regular,
};
pub use verify::{ChainCheck, ChainProblem, verify_database};

use crate::domain::chain::{self, Hash, Keypair};
use crate::domain::referential::ElectionData;
use crate::domain::{BureauCode, Event, EventBody, EventId, ObserverId};

/// The `setting` row holding the observer's current bureau.
const CURRENT_BUREAU: &str = "current_bureau";
/// The `setting` row holding how to reach the observer.
const OBSERVER_CONTACT: &str = "observer_contact";
/// `observatrice` or `observateur`, as the observer said at first run (issue 16 point 17).
const OBSERVER_WORD: &str = "observer_word";
/// Whether the interface's cursor moves to the next row after a mark (`v`): "off" or absent.
const CURSOR_ADVANCES: &str = "cursor_advances";
const PHOTO_FOLDER: &str = "photo_folder";
/// The `setting` row holding the signer's qualité (`electeur`, `candidat`, `delegue:NAME`).
const SIGNER_QUALITE: &str = "signer_qualite";
/// The `setting` rows of a database made from a slice of a reference file (issue 18): the
/// digest of the whole file (hex), which the observer's statement signs, and the digest of the
/// slice as written (hex). While the reference data are that slice, the statement keeps signing
/// the whole file's digest; once they change, it signs their own.
const REFERENCE_FILE_DIGEST: &str = "reference_file_digest";
const REFERENCE_SLICE_DIGEST: &str = "reference_slice_digest";

/// `PRAGMA application_id` of constat files ("cons"), so that no other SQLite file is mistaken for one.
const APPLICATION_ID: i32 = 0x636F_6E73;

/// The observer who owns a database file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalObserver {
    /// Stable id, created with the file.
    pub id: ObserverId,
    /// The name given at `init`.
    pub name: String,
}

/// A coordinator's database opened read-only for its reference data (see
/// [`Store::open_reference`]).
pub struct ReferenceFile {
    file: untrusted::Untrusted,
    path: PathBuf,
}

impl ReferenceFile {
    /// Its election and reference data.
    pub fn election_data(&self) -> Result<ElectionData, StorageError> {
        referential::load(&self.file.conn, &self.path)
    }
}

/// The local observer's signing key, as found at open.
enum KeyState {
    /// Read from its key file: appends are signed.
    Loaded(Keypair),
    /// No key expected: a reader, a file on a read-only medium, a local observer without a
    /// public key.
    Unkeyed,
    /// The local observer has a public key, but its key file is missing or unusable: appending
    /// is refused (what happened, where constat looked, how to fix).
    Missing {
        /// Where constat looked, when it had a folder to look in.
        key_file: Option<PathBuf>,
        /// Why, when the file is there but unusable.
        problem: Option<KeyFileProblem>,
    },
}

/// An open constat database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// The local observer's signing key (from its key file, never from the database).
    keys: KeyState,
    /// Set when the file is on a read-only medium and read through the untrusted open (dropped
    /// after `conn`).
    read_only: Option<ReadOnly>,
    /// The reference digest of this database, remembered between merged files (issue 18): with
    /// the connection's change count and `data_version` it was computed at (see
    /// `merge::TargetDigest`).
    merge_digest: Option<merge::TargetDigest>,
    /// The keys of `merge --accept-key`, for key changes signed with their new key only.
    accepted_keys: Vec<crate::domain::fingerprint::Fingerprint>,
}

/// A database read where nothing can be written beside it (a USB stick mounted read-only, a
/// CD): SQLite cannot create the `-shm` a WAL-mode file needs, so the file is read as another
/// observer's is ([`Untrusted::open`]): immutable, or from a private copy with its `-wal`.
struct ReadOnly {
    /// What SQLite opened, for [`Store::reader`].
    source: String,
    /// The private copy, kept while the connection reads it.
    _copy: Option<tempfile::TempDir>,
}

impl Store {
    /// Creates a new database at `path` holding `data`, owned by a new observer called
    /// `observer_name`. Refuses to touch a file that already exists: nothing is ever overwritten.
    pub fn create(
        path: &Path,
        data: &ElectionData,
        observer: &LocalObserver,
        now: DateTime<Utc>,
    ) -> Result<Self, StorageError> {
        let keys = KeyDir::for_database(path).ok_or_else(|| StorageError::KeyFile {
            path: path.to_owned(),
            key_file: None,
            problem: KeyFileProblem::NoFolder,
        })?;
        Self::create_with_keys(path, data, observer, now, &keys)
    }

    /// [`Store::create`] keeping the new observer's secret key in the key folder `key_dir`
    /// (written before the database: a database never exists without its key file).
    pub fn create_with_keys(
        path: &Path,
        data: &ElectionData,
        observer: &LocalObserver,
        now: DateTime<Utc>,
        key_dir: &KeyDir,
    ) -> Result<Self, StorageError> {
        Self::create_signing(path, data, None, observer, now, key_dir)
    }

    /// [`Store::create`] holding `slice`, the part of a reference file an observer of one bureau
    /// needs ([`crate::domain::reference_digest::slice`]), whose observer's statement signs
    /// `reference`, the digest of the WHOLE reference file: a coordinator holding that file
    /// merges the observer's files without reading their reference rows. The key goes to
    /// [`KeyDir::for_database`].
    pub fn create_slice(
        path: &Path,
        slice: &ElectionData,
        reference: &Hash,
        observer: &LocalObserver,
        now: DateTime<Utc>,
    ) -> Result<Self, StorageError> {
        let keys = KeyDir::for_database(path).ok_or_else(|| StorageError::KeyFile {
            path: path.to_owned(),
            key_file: None,
            problem: KeyFileProblem::NoFolder,
        })?;
        Self::create_signing(path, slice, Some(reference), observer, now, &keys)
    }

    /// [`Store::create_slice`] with the key folder `key_dir` (benches, tests).
    pub fn create_slice_with_keys(
        path: &Path,
        slice: &ElectionData,
        reference: &Hash,
        observer: &LocalObserver,
        now: DateTime<Utc>,
        key_dir: &KeyDir,
    ) -> Result<Self, StorageError> {
        Self::create_signing(path, slice, Some(reference), observer, now, key_dir)
    }

    /// Creates the database holding `data`, whose statement signs `reference` when given (a
    /// slice of that reference file), else the digest of `data`.
    fn create_signing(
        path: &Path,
        data: &ElectionData,
        reference: Option<&Hash>,
        observer: &LocalObserver,
        now: DateTime<Utc>,
        key_dir: &KeyDir,
    ) -> Result<Self, StorageError> {
        // Created exclusively (never a file that appeared meanwhile): SQLite takes an empty file
        // as a new database.
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
        {
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                return Err(StorageError::AlreadyExists(path.to_owned()));
            }
            Err(e) => {
                return Err(StorageError::sqlite(
                    path,
                    Doing::CreatingDatabase,
                    rusqlite::Error::SqliteFailure(
                        rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CANTOPEN),
                        Some(e.to_string()),
                    ),
                ));
            }
        }
        // Nothing half-written: a creation that fails removes the file it made, so that the
        // user's retry is not refused as "already exists".
        Self::create_new(path, data, reference, observer, now, key_dir).inspect_err(|_| {
            for suffix in ["", "-wal", "-shm", "-journal"] {
                let mut file = path.as_os_str().to_owned();
                file.push(suffix);
                let _ = std::fs::remove_file(PathBuf::from(file));
            }
        })
    }

    fn create_new(
        path: &Path,
        data: &ElectionData,
        reference: Option<&Hash>,
        observer: &LocalObserver,
        now: DateTime<Utc>,
        key_dir: &KeyDir,
    ) -> Result<Self, StorageError> {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)
            .map_err(|e| StorageError::sqlite(path, Doing::CreatingDatabase, e))?;
        let mut secret = [0u8; 32];
        getrandom::fill(&mut secret).map_err(|e| StorageError::Invalid {
            path: path.to_owned(),
            what: DataProblem::NoRandom(e.to_string()),
        })?;
        let keys = Keypair::from_secret(&secret);
        secret.fill(0);
        key_dir
            .write(observer.id, &keys)
            .map_err(|problem| StorageError::KeyFile {
                path: path.to_owned(),
                key_file: Some(key_dir.file_of(observer.id)),
                problem,
            })?;
        let mut store = Self {
            conn,
            path: path.to_owned(),
            keys: KeyState::Unkeyed,
            read_only: None,
            merge_digest: None,
            accepted_keys: Vec::new(),
        };
        store.configure()?;
        store
            .conn
            .pragma_update(None, "application_id", APPLICATION_ID)
            .map_err(|e| store.err(Doing::MarkingAsConstat, e))?;
        migrations::apply(&mut store.conn, &store.path, Some(key_dir))?;
        // The migrations rebuild tables (version 4): give the freed pages back, so that a new
        // file holds no page that nothing uses.
        store
            .conn
            .execute_batch("VACUUM")
            .map_err(|e| store.err(Doing::UpgradingSchema, e))?;
        let tx = store
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| StorageError::sqlite(path, Doing::StartingCreation, e))?;
        referential::insert(&tx, data)
            .map_err(|e| StorageError::sqlite(path, Doing::SavingReferenceData, e))?;
        let own = crate::domain::reference_digest::reference_digest(data);
        let digest = match reference {
            Some(whole) => {
                for (key, value) in [
                    (REFERENCE_FILE_DIGEST, hex::encode(whole)),
                    (REFERENCE_SLICE_DIGEST, hex::encode(own)),
                ] {
                    tx.execute(
                        "INSERT INTO setting (key, value) VALUES (?1, ?2)",
                        params![key, value],
                    )
                    .map_err(|e| StorageError::sqlite(path, Doing::SavingSetting, e))?;
                }
                *whole
            }
            None => own,
        };
        let statement = keys.sign_statement(observer.id, &observer.name, &digest);
        tx.execute(
            "INSERT INTO observer (id, name, is_local, created_at, public_key, reference_digest,
                                   statement)
             VALUES (?1, ?2, 1, ?3, ?4, ?5, ?6)",
            params![
                observer.id.to_string(),
                observer.name,
                now.to_rfc3339(),
                hex::encode(keys.public()),
                hex::encode(digest),
                hex::encode(statement)
            ],
        )
        .map_err(|e| StorageError::sqlite(path, Doing::SavingObserver, e))?;
        tx.commit()
            .map_err(|e| StorageError::sqlite(path, Doing::CommittingCreation, e))?;
        store.keys = KeyState::Loaded(keys);
        Ok(store)
    }

    /// Opens an existing constat database for reading and writing, applying pending migrations.
    /// Refuses a missing file, a file that is not a constat database, and a database written by a
    /// newer constat.
    ///
    /// The local observer's key is read from its key file in [`KeyDir::for_database`]; a database of
    /// an earlier schema still holding its key has it moved there first.
    pub fn open(path: &Path) -> Result<Self, StorageError> {
        Self::open_with_keys(path, KeyDir::for_database(path).as_ref())
    }

    /// [`Store::open`] with the key folder `key_dir` (none: no key can be read or moved).
    pub fn open_with_keys(path: &Path, key_dir: Option<&KeyDir>) -> Result<Self, StorageError> {
        if !path.is_file() {
            return Err(StorageError::NotFound(path.to_owned()));
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)
            .map_err(|e| StorageError::sqlite(path, Doing::OpeningDatabase, e))?;
        // SQLite opens a file it cannot write read-only; a WAL-mode file there, without a
        // `-shm` it can create, would then fail its first read (issue 17 point 6).
        if conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(false) {
            drop(conn);
            return Self::open_read_only(path);
        }
        let mut store = Self {
            conn,
            path: path.to_owned(),
            keys: KeyState::Unkeyed,
            read_only: None,
            merge_digest: None,
            accepted_keys: Vec::new(),
        };
        let app_id: i32 = match store
            .conn
            .pragma_query_value(None, "application_id", |r| r.get(0))
        {
            Ok(id) => id,
            // A writable file in a folder that is not (its `-shm` cannot be created).
            Err(rusqlite::Error::SqliteFailure(e, _))
                if matches!(
                    e.code,
                    rusqlite::ErrorCode::CannotOpen | rusqlite::ErrorCode::ReadOnly
                ) =>
            {
                drop(store);
                return Self::open_read_only(path);
            }
            Err(_) => return Err(StorageError::NotConstat(path.to_owned())),
        };
        if app_id != APPLICATION_ID {
            return Err(StorageError::NotConstat(path.to_owned()));
        }
        store.configure()?;
        let applied = migrations::apply(&mut store.conn, &store.path, key_dir)?;
        if applied.key_moved {
            // The dropped table's pages were zeroed (secure_delete); VACUUM rewrites the file
            // without free pages and the checkpoint empties the `-wal`: no copy of the secret
            // stays in the database's files.
            store
                .conn
                .execute_batch("VACUUM; PRAGMA wal_checkpoint(TRUNCATE);")
                .map_err(|e| store.err(Doing::RemovingSecretKey, e))?;
        }
        store.keys = store.load_keys(key_dir)?;
        if matches!(store.keys, KeyState::Loaded(_)) && applied.key_moved {
            store.refresh_statement()?;
        }
        Ok(store)
    }

    /// The local observer's key from its key file, checked against the public key the
    /// database holds.
    fn load_keys(&self, key_dir: Option<&KeyDir>) -> Result<KeyState, StorageError> {
        let local: Option<(String, Option<String>)> = self
            .conn
            .query_row(
                "SELECT id, public_key FROM observer WHERE is_local = 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(|e| self.err(Doing::ReadingObserverKey, e))?;
        let Some((id, Some(public))) = local else {
            return Ok(KeyState::Unkeyed);
        };
        let Ok(id) = uuid::Uuid::parse_str(&id) else {
            return Ok(KeyState::Unkeyed);
        };
        let id = ObserverId(id);
        let Some(dir) = key_dir else {
            return Ok(KeyState::Missing {
                key_file: None,
                problem: Some(KeyFileProblem::NoFolder),
            });
        };
        // A `constat key new` interrupted after its commit: its new key is finished in place.
        if let Ok(Some(next)) = dir.read_next(id)
            && hex::encode(next.public()) == public
            && dir.promote_next(id).is_ok()
        {
            return Ok(KeyState::Loaded(next));
        }
        let key_file = Some(dir.file_of(id));
        Ok(match dir.read(id) {
            Ok(Some(pair)) if hex::encode(pair.public()) == public => KeyState::Loaded(pair),
            Ok(Some(_)) => KeyState::Missing {
                key_file,
                problem: Some(KeyFileProblem::OtherKey),
            },
            Ok(None) => KeyState::Missing {
                key_file,
                problem: None,
            },
            Err(problem) => KeyState::Missing {
                key_file,
                problem: Some(problem),
            },
        })
    }

    /// The reference digest the local observer's statement signs: the digest of the reference
    /// data held, or, while they are still the slice of a reference file this database was made
    /// from ([`Store::create_slice`]), the digest of that whole file.
    pub fn signed_reference_digest(&self) -> Result<Hash, StorageError> {
        let own = crate::domain::reference_digest::reference_digest(&self.election_data()?);
        let whole = match self.setting(REFERENCE_SLICE_DIGEST)? {
            Some(slice) if slice == hex::encode(own) => self
                .setting(REFERENCE_FILE_DIGEST)?
                .as_deref()
                .and_then(events::parse_hash),
            _ => None,
        };
        Ok(whole.unwrap_or(own))
    }

    /// Signs the local observer's statement again when its name or the reference data changed
    /// (or when it has none yet): `["constat-observer/1", id, name, public key, reference
    /// digest]`. Nothing happens without the key.
    pub fn refresh_statement(&self) -> Result<(), StorageError> {
        let KeyState::Loaded(keys) = &self.keys else {
            return Ok(());
        };
        let observer = self.local_observer()?;
        let stored: (Option<String>, Option<String>) = self
            .conn
            .query_row(
                "SELECT reference_digest, statement FROM observer WHERE is_local = 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .map_err(|e| self.err(Doing::ReadingLocalObserver, e))?;
        let digest = self.signed_reference_digest()?;
        let statement = keys.sign_statement(observer.id, &observer.name, &digest);
        let fresh = stored.0.as_deref() == Some(hex::encode(digest).as_str())
            && stored.1.as_deref().is_some_and(|s| {
                hex::decode(s)
                    .ok()
                    .and_then(|b| <[u8; 64]>::try_from(b).ok())
                    .is_some_and(|sig| {
                        chain::statement_is_valid(
                            observer.id,
                            &observer.name,
                            &keys.public(),
                            &digest,
                            &sig,
                        )
                    })
            });
        if fresh {
            return Ok(());
        }
        self.conn
            .execute(
                "UPDATE observer SET reference_digest = ?1, statement = ?2 WHERE is_local = 1",
                params![hex::encode(digest), hex::encode(statement)],
            )
            .map(drop)
            .map_err(|e| self.err(Doing::SavingObserver, e))
    }

    /// The refusal to append without the key, saying what happened, where constat looked and
    /// how to fix it.
    fn key_refusal(&self) -> Option<StorageError> {
        match &self.keys {
            KeyState::Missing {
                key_file: Some(key_file),
                problem: None,
            } => Some(StorageError::KeyMissing {
                path: self.path.clone(),
                key_file: key_file.clone(),
            }),
            KeyState::Missing { key_file, problem } => Some(StorageError::KeyFile {
                path: self.path.clone(),
                key_file: key_file.clone(),
                problem: problem.clone().unwrap_or(KeyFileProblem::NoFolder),
            }),
            KeyState::Loaded(_) | KeyState::Unkeyed => None,
        }
    }

    /// Opens a database on a read-only medium, for reading only, as another observer's file is
    /// opened (no migration, no key: any write fails).
    fn open_read_only(path: &Path) -> Result<Self, StorageError> {
        let file = Untrusted::open(path).map_err(|why| match why {
            Refusal::NotConstat => StorageError::NotConstat(path.to_owned()),
            Refusal::NewerSchema { found, supported } => StorageError::NewerSchema {
                path: path.to_owned(),
                found,
                supported,
            },
            why => StorageError::Refused {
                path: path.to_owned(),
                why,
            },
        })?;
        let (conn, copy, source) = file.into_parts();
        // `export db` writes its copy with VACUUM INTO, which attaches the new file and writes
        // it; the file itself stays unwritable (opened read-only, or immutable).
        let _ = conn.set_limit(rusqlite::limits::Limit::SQLITE_LIMIT_ATTACHED, 1);
        let _ = conn.pragma_update(None, "query_only", false);
        Ok(Self {
            conn,
            path: path.to_owned(),
            keys: KeyState::Unkeyed,
            read_only: Some(ReadOnly {
                source,
                _copy: copy,
            }),
            merge_digest: None,
            accepted_keys: Vec::new(),
        })
    }

    /// Another connection to the same file, read-only, to read on another thread while this one
    /// reads too (a [`Store`] can be sent to a thread, not shared between threads). Its schema is
    /// this store's (no migration runs); any write through it fails.
    pub fn reader(&self) -> Result<Self, StorageError> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = match &self.read_only {
            Some(ro) => Connection::open_with_flags(&ro.source, flags | OpenFlags::SQLITE_OPEN_URI),
            None => Connection::open_with_flags(&self.path, flags),
        }
        .map_err(|e| self.err(Doing::OpeningDatabase, e))?;
        conn.busy_timeout(std::time::Duration::from_secs(5))
            .map_err(|e| self.err(Doing::SettingPragmas, e))?;
        Ok(Self {
            conn,
            path: self.path.clone(),
            keys: KeyState::Unkeyed,
            read_only: None,
            merge_digest: None,
            accepted_keys: Vec::new(),
        })
    }

    /// The file this store writes to.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn configure(&self) -> Result<(), StorageError> {
        // Room for every statement a merge prepares once and reuses file after file (SQLite's
        // parse of the multi-row inserts costs more than a small file's rows).
        self.conn.set_prepared_statement_cache_capacity(64);
        // WAL + FULL: a commit is on disk when it returns, even across power loss.
        let mode: String = self
            .conn
            .pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))
            .map_err(|e| self.err(Doing::SwitchingToWal, e))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StorageError::sqlite(
                &self.path,
                Doing::SwitchingToWal,
                rusqlite::Error::InvalidQuery,
            ));
        }
        self.conn
            .execute_batch(
                "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;",
            )
            .map_err(|e| self.err(Doing::SettingPragmas, e))
    }

    fn err(&self, context: Doing, e: rusqlite::Error) -> StorageError {
        StorageError::sqlite(&self.path, context, e)
    }

    /// A digest of every observer's latest chain hash, to write into the procès-verbal (64 hex
    /// digits); `None` while the database holds no event.
    pub fn chain_digest(&self) -> Result<Option<String>, StorageError> {
        let mut stmt = self
            .conn
            .prepare(
                // One index seek per observer for the last seq, one for its row (a GROUP BY
                // over the event table reads every event: 2.5 times slower at national scale).
                // CROSS JOIN keeps observers as the outer loop: without statistics SQLite may
                // otherwise scan the events and run the subquery for each one (seconds).
                "SELECT e.observer, e.seq, e.hash FROM observer o
                 CROSS JOIN event e ON e.observer = o.id
                  AND e.seq = (SELECT MAX(seq) FROM event WHERE observer = o.id)",
            )
            .map_err(|e| self.err(Doing::ReadingChainHeads, e))?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })
            .map_err(|e| self.err(Doing::ReadingChainHeads, e))?;
        let mut heads = Vec::new();
        for row in rows {
            let (observer, seq, hash) = row.map_err(|e| self.err(Doing::ReadingChainHeads, e))?;
            let (Ok(observer), Some(hash)) =
                (uuid::Uuid::parse_str(&observer), events::parse_hash(&hash))
            else {
                return Err(StorageError::Invalid {
                    path: self.path.clone(),
                    what: DataProblem::ChainHead(observer.to_string()),
                });
            };
            heads.push((ObserverId(observer), seq.unsigned_abs(), hash));
        }
        Ok((!heads.is_empty()).then(|| chain::digest_of_heads(&heads)))
    }

    /// The election alone (cheap).
    pub fn election(&self) -> Result<crate::domain::Election, StorageError> {
        referential::election(&self.conn, &self.path)
    }

    /// The election and its reference data.
    pub fn election_data(&self) -> Result<ElectionData, StorageError> {
        referential::load(&self.conn, &self.path)
    }

    /// A count of the changes of the reference data ([`Store::election_data`]): while it stays
    /// the same, they are what they were (every writer of constat counts its change in its own
    /// transaction, whichever process it runs in). One lookup.
    pub fn reference_version(&self) -> Result<i64, StorageError> {
        referential::version(&self.conn).map_err(|e| self.err(Doing::ReadingSetting, e))
    }

    /// One bureau, without loading the whole reference data.
    pub fn bureau(
        &self,
        code: &crate::domain::BureauCode,
    ) -> Result<Option<crate::domain::Bureau>, StorageError> {
        referential::bureau(&self.conn, &self.path, code)
    }

    /// Opens another constat database (a coordinator's file of official data) to read its
    /// election and reference data, through the defensive open used for merges: read-only,
    /// defensive mode, no triggers or views, limits, integrity check and schema allowlist.
    pub fn open_reference(path: &Path) -> Result<ReferenceFile, Refusal> {
        Ok(ReferenceFile {
            file: untrusted::Untrusted::open(path)?,
            path: path.to_owned(),
        })
    }

    /// The bureaux of one circonscription, in code order, without loading the whole reference
    /// data.
    pub fn bureaux_of(
        &self,
        circ: &crate::domain::CirconscriptionCode,
    ) -> Result<Vec<crate::domain::Bureau>, StorageError> {
        referential::bureaux_of(&self.conn, &self.path, circ)
    }

    /// Records whether a bureau votes on machines (no ballots on a table: no ballot finding
    /// there). Reference data, not an observation: it is one committed statement.
    pub fn set_voting_machines(
        &self,
        code: &crate::domain::BureauCode,
        on: bool,
    ) -> Result<(), StorageError> {
        let changed = self
            .conn
            .execute(
                "UPDATE bureau SET voting_machines = ?2 WHERE code = ?1",
                rusqlite::params![code.as_str(), on],
            )
            .map_err(|e| self.err(Doing::RecordingVotingMachines, e))?;
        if changed == 0 {
            return Err(StorageError::Invalid {
                path: self.path.clone(),
                what: DataProblem::NoBureau(code.to_string()),
            });
        }
        referential::touch(&self.conn).map_err(|e| self.err(Doing::RecordingVotingMachines, e))?;
        // The reference data changed: the statement covers it again.
        self.refresh_statement()
    }

    /// One circonscription and its candidates (panel order), without loading the whole
    /// reference data.
    pub fn circonscription(
        &self,
        code: &crate::domain::CirconscriptionCode,
    ) -> Result<
        Option<(
            crate::domain::Circonscription,
            Vec<crate::domain::Candidate>,
        )>,
        StorageError,
    > {
        referential::circonscription(&self.conn, &self.path, code)
    }

    /// Every circonscription code, in order (for error messages).
    pub fn circonscription_codes(&self) -> Result<Vec<String>, StorageError> {
        self.strings("SELECT code FROM circonscription ORDER BY code", [])
    }

    /// The codes of a circonscription's bureaux, in order (for error messages).
    pub fn bureau_codes_of(
        &self,
        circ: &crate::domain::CirconscriptionCode,
    ) -> Result<Vec<String>, StorageError> {
        self.strings(
            "SELECT code FROM bureau WHERE circonscription = ?1 ORDER BY code",
            [circ.as_str()],
        )
    }

    fn strings(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
    ) -> Result<Vec<String>, StorageError> {
        let mut stmt = self
            .conn
            .prepare_cached(sql)
            .map_err(|e| self.err(Doing::ListingCodes, e))?;
        let rows = stmt
            .query_map(params, |r| r.get(0))
            .map_err(|e| self.err(Doing::ListingCodes, e))?;
        rows.collect::<Result<_, _>>()
            .map_err(|e| self.err(Doing::ListingCodes, e))
    }

    /// The observer who owns this file.
    pub fn local_observer(&self) -> Result<LocalObserver, StorageError> {
        let row: Option<(String, String)> = self
            .conn
            .query_row(
                "SELECT id, name FROM observer WHERE is_local = 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(|e| self.err(Doing::ReadingLocalObserver, e))?;
        let (id, name) = row.ok_or_else(|| StorageError::Invalid {
            path: self.path.clone(),
            what: DataProblem::NoLocalObserver,
        })?;
        let id = uuid::Uuid::parse_str(&id).map_err(|_| StorageError::Invalid {
            path: self.path.clone(),
            what: DataProblem::ObserverId(id.clone()),
        })?;
        Ok(LocalObserver {
            id: ObserverId(id),
            name,
        })
    }

    /// Appends one event of the local observer and commits it. When this returns `Ok`, the event
    /// is durable. The observer's next `seq` is assigned inside the same transaction.
    pub fn append(
        &mut self,
        id: EventId,
        recorded_at: DateTime<Utc>,
        body: EventBody,
    ) -> Result<Event, StorageError> {
        self.append_seen(id, recorded_at, None, body)
    }

    /// Hands every event to `f` without collecting them (national reports read millions), each
    /// observer's events in `seq` order, as [`crate::domain::RecordState::apply`] needs.
    pub fn for_each_event(&self, f: &mut dyn FnMut(Event)) -> Result<(), StorageError> {
        events::for_each(&self.conn, &self.path, f)
    }

    /// The state folded from every event but those of the observers a key dispute sets aside
    /// ([`Store::set_aside_observers`]), streamed: the rows are read and decoded on this thread
    /// while another applies them (see `fold.rs`).
    pub fn fold(&self) -> Result<crate::domain::RecordState, StorageError> {
        fold::fold(&self.conn, &self.path, &self.set_aside_observers()?)
    }

    /// Every event with its chain hash, in (observer, seq) order.
    pub fn events_with_hashes(&self) -> Result<Vec<(Event, chain::Hash)>, StorageError> {
        events::all_with_hashes(&self.conn, &self.path)
    }

    /// The events of one circonscription and the retractions of them, in (observer, seq) order,
    /// but those of the observers a key dispute sets aside: what the interface needs for one
    /// grid's findings, without reading the whole national log.
    pub fn events_of(
        &self,
        circ: &crate::domain::CirconscriptionCode,
    ) -> Result<Vec<Event>, StorageError> {
        let aside = self.set_aside_observers()?;
        let mut events = events::of_circonscription(&self.conn, &self.path, circ.as_str())?;
        if !aside.is_empty() {
            events.retain(|e| !aside.contains(&e.observer));
        }
        Ok(events)
    }

    /// One observer's events in a circonscription and that observer's retractions, in seq order
    /// (what the interface shows: its own marks), without reading other observers' events.
    pub fn events_of_observer(
        &self,
        observer: ObserverId,
        circ: &crate::domain::CirconscriptionCode,
    ) -> Result<Vec<Event>, StorageError> {
        events::of_observer_in(&self.conn, &self.path, &observer.to_string(), circ.as_str())
    }

    /// The first circonscription in code order, if any.
    pub fn first_circonscription(
        &self,
    ) -> Result<Option<crate::domain::CirconscriptionCode>, StorageError> {
        let code: Option<String> = self
            .conn
            .query_row(
                "SELECT code FROM circonscription ORDER BY code LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.err(Doing::ReadingCirconscriptions, e))?;
        Ok(code.and_then(|c| crate::domain::CirconscriptionCode::parse(&c).ok()))
    }

    /// Every event, in (observer, seq) order: the order [`crate::domain::RecordState::fold`] needs.
    pub fn events(&self) -> Result<Vec<Event>, StorageError> {
        events::all(&self.conn, &self.path)
    }

    /// The bureau the observer last chose, where the interface and plain mode open and where a
    /// command without `--bureau` records; none when never chosen (or no longer a valid code).
    pub fn current_bureau(&self) -> Result<Option<BureauCode>, StorageError> {
        Ok(self
            .setting(CURRENT_BUREAU)?
            .and_then(|b| BureauCode::parse(&b).ok()))
    }

    /// Remembers `code` as the observer's current bureau.
    pub fn set_current_bureau(&self, code: &BureauCode) -> Result<(), StorageError> {
        self.set_setting(CURRENT_BUREAU, code.as_str())
    }

    /// Forgets the current bureau: the observer has not chosen one yet.
    pub fn clear_current_bureau(&self) -> Result<(), StorageError> {
        self.conn
            .execute("DELETE FROM setting WHERE key = ?1", [CURRENT_BUREAU])
            .map(drop)
            .map_err(|e| self.err(Doing::SavingSetting, e))
    }

    /// How to reach the observer, as given at first run (optional).
    pub fn observer_contact(&self) -> Result<Option<String>, StorageError> {
        self.setting(OBSERVER_CONTACT)
    }

    /// Keeps how to reach the observer.
    pub fn set_observer_contact(&self, contact: &str) -> Result<(), StorageError> {
        self.set_setting(OBSERVER_CONTACT, contact)
    }

    /// Whether the observer said they are an observatrice (`Some(true)`) or an observateur
    /// (`Some(false)`); `None` when they did not say.
    pub fn observer_feminine(&self) -> Result<Option<bool>, StorageError> {
        Ok(match self.setting(OBSERVER_WORD)?.as_deref() {
            Some("observatrice") => Some(true),
            Some("observateur") => Some(false),
            _ => None,
        })
    }

    /// Whether the interface's cursor moves to the next row after a mark: yes unless the
    /// observer turned it off (`v`).
    pub fn cursor_advances(&self) -> Result<bool, StorageError> {
        Ok(self.setting(CURSOR_ADVANCES)?.as_deref() != Some("off"))
    }

    /// Keeps whether the interface's cursor moves to the next row after a mark.
    pub fn set_cursor_advances(&self, on: bool) -> Result<(), StorageError> {
        self.set_setting(CURSOR_ADVANCES, if on { "on" } else { "off" })
    }

    /// The folder whose newest images the interface offers to attach as photos, once the
    /// observer typed one (issue 19); none before.
    pub fn photo_folder(&self) -> Result<Option<String>, StorageError> {
        self.setting(PHOTO_FOLDER)
    }

    /// Keeps the folder of photos to offer.
    pub fn set_photo_folder(&self, folder: &str) -> Result<(), StorageError> {
        self.set_setting(PHOTO_FOLDER, folder)
    }

    /// Keeps whether the observer is an observatrice or an observateur.
    pub fn set_observer_feminine(&self, feminine: bool) -> Result<(), StorageError> {
        let word = if feminine {
            "observatrice"
        } else {
            "observateur"
        };
        self.set_setting(OBSERVER_WORD, word)
    }

    /// The qualité the observer signs réclamations in (`constat init --qualite`, `constat pv
    /// --qualite`); none when never given (or no longer readable).
    pub fn signer_qualite(&self) -> Result<Option<crate::domain::appeal::Qualite>, StorageError> {
        Ok(self
            .setting(SIGNER_QUALITE)?
            .and_then(|q| crate::domain::appeal::Qualite::parse(&q)))
    }

    /// Keeps the qualité the observer signs réclamations in.
    pub fn set_signer_qualite(
        &self,
        qualite: &crate::domain::appeal::Qualite,
    ) -> Result<(), StorageError> {
        self.set_setting(SIGNER_QUALITE, &qualite.to_string())
    }

    fn setting(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.conn
            .query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()
            .map_err(|e| self.err(Doing::ReadingSetting, e))
    }

    fn set_setting(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.conn
            .execute(
                "INSERT INTO setting (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [key, value],
            )
            .map(drop)
            .map_err(|e| self.err(Doing::SavingSetting, e))
    }

    /// Runs `PRAGMA integrity_check`; `Ok(())` when the file is sound.
    pub fn integrity_check(&self) -> Result<(), StorageError> {
        let result: String = self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .map_err(|e| self.err(Doing::CheckingIntegrity, e))?;
        if result == "ok" {
            Ok(())
        } else {
            Err(StorageError::Invalid {
                path: self.path.clone(),
                what: DataProblem::Integrity(result),
            })
        }
    }

    /// Refuses every write (`PRAGMA query_only`), to simulate a read-only file in tests.
    #[doc(hidden)]
    pub fn set_query_only(&self, on: bool) -> Result<(), StorageError> {
        self.conn
            .pragma_update(None, "query_only", on)
            .map_err(|e| self.err(Doing::MakingReadOnly, e))
    }

    /// Limits the file to `pages` pages, to simulate a full disk in tests.
    #[doc(hidden)]
    pub fn set_max_page_count(&self, pages: u32) -> Result<(), StorageError> {
        self.conn
            .pragma_update(None, "max_page_count", pages)
            .map_err(|e| self.err(Doing::LimitingFileSize, e))
    }
}

#[cfg(test)]
mod tests;

impl Store {
    /// The names of these observers (those this file knows), looked up one by one: a national
    /// file holds tens of thousands of observers, a summary needs a circonscription's.
    pub fn observer_names(
        &self,
        ids: &std::collections::BTreeSet<ObserverId>,
    ) -> Result<std::collections::BTreeMap<ObserverId, String>, StorageError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT name FROM observer WHERE id = ?1")
            .map_err(|e| self.err(Doing::ReadingObservers, e))?;
        let mut names = std::collections::BTreeMap::new();
        for id in ids {
            let name: Option<String> = stmt
                .query_row([id.to_string()], |r| r.get(0))
                .optional()
                .map_err(|e| self.err(Doing::ReadingObservers, e))?;
            if let Some(name) = name {
                names.insert(*id, name);
            }
        }
        Ok(names)
    }

    /// Every observer whose events this file holds: id and name.
    pub fn observers(
        &self,
    ) -> Result<std::collections::BTreeMap<ObserverId, String>, StorageError> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, name FROM observer")
            .map_err(|e| self.err(Doing::ReadingObservers, e))?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
            .map_err(|e| self.err(Doing::ReadingObservers, e))?;
        let mut out = std::collections::BTreeMap::new();
        for row in rows {
            let (id, name) = row.map_err(|e| self.err(Doing::ReadingObservers, e))?;
            if let Ok(id) = uuid::Uuid::parse_str(&id) {
                out.insert(ObserverId(id), name);
            }
        }
        Ok(out)
    }

    /// What each observer signed of themselves (public key, reference digest, statement), for a
    /// signed events CSV; the local observer's statement is signed again first if the name or
    /// the reference data changed.
    pub fn observer_seals(
        &self,
    ) -> Result<
        std::collections::BTreeMap<ObserverId, crate::export::events_csv::ObserverSeal>,
        StorageError,
    > {
        if self.read_only.is_none() {
            self.refresh_statement()?;
        }
        let mut stmt = self
            .conn
            .prepare("SELECT id, public_key, reference_digest, statement FROM observer")
            .map_err(|e| self.err(Doing::ReadingObservers, e))?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, Option<String>>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    r.get::<_, Option<String>>(3)?,
                ))
            })
            .map_err(|e| self.err(Doing::ReadingObservers, e))?;
        let mut out = std::collections::BTreeMap::new();
        for row in rows {
            let (id, key, digest, statement) =
                row.map_err(|e| self.err(Doing::ReadingObservers, e))?;
            let Ok(id) = uuid::Uuid::parse_str(&id) else {
                continue;
            };
            out.insert(
                ObserverId(id),
                crate::export::events_csv::ObserverSeal {
                    public_key: key.as_deref().and_then(events::parse_hash),
                    reference_digest: digest.as_deref().and_then(events::parse_hash),
                    statement: statement
                        .as_deref()
                        .and_then(|s| hex::decode(s).ok())
                        .and_then(|b| b.try_into().ok()),
                },
            );
        }
        Ok(out)
    }

    /// Every event's signature, by event (none for events of earlier schemas).
    pub fn event_signatures(
        &self,
    ) -> Result<std::collections::HashMap<EventId, [u8; 64]>, StorageError> {
        let mut out = std::collections::HashMap::new();
        let version: u32 = self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(|e| self.err(Doing::ReadingSchemaVersion, e))?;
        if version < 5 {
            return Ok(out);
        }
        let mut stmt = self
            .conn
            .prepare("SELECT event, signature FROM event_signature")
            .map_err(|e| self.err(Doing::ReadingEvents, e))?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
            .map_err(|e| self.err(Doing::ReadingEvents, e))?;
        for row in rows {
            let (id, sig) = row.map_err(|e| self.err(Doing::ReadingEvents, e))?;
            if let (Ok(id), Some(sig)) = (
                uuid::Uuid::parse_str(&id),
                hex::decode(&sig)
                    .ok()
                    .and_then(|b| <[u8; 64]>::try_from(b).ok()),
            ) {
                out.insert(EventId(id), sig);
            }
        }
        Ok(out)
    }

    /// Writes a self-contained copy of the database to `output` with `VACUUM INTO` (never by
    /// copying files: a live WAL database copied by hand can lose its latest commits), syncs it,
    /// then renames it into place.
    pub fn export_db(&self, output: &Path) -> Result<(), StorageError> {
        self.export_db_then(output, &mut |_| Ok(()))
    }

    /// [`Store::export_db`], with `finish` given the staged copy (beside `output`, under a
    /// temporary name) to change before it is synced and renamed into place: one staging for
    /// every kind of copy (`export db --thumbnails` empties the photo bytes there).
    pub(super) fn export_db_then(
        &self,
        output: &Path,
        finish: &mut dyn FnMut(&Path) -> Result<(), StorageError>,
    ) -> Result<(), StorageError> {
        let dir = match output.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
            _ => PathBuf::from("."),
        };
        let io = |e: std::io::Error| StorageError::Invalid {
            path: output.to_owned(),
            what: DataProblem::ExportUnwritable(e.to_string()),
        };
        if std::fs::metadata(output).is_ok_and(|m| !m.is_file()) {
            return Err(StorageError::Invalid {
                path: output.to_owned(),
                what: DataProblem::ExportNotAFile,
            });
        }
        let tmp = tempfile::Builder::new()
            .prefix(".constat-export-")
            .tempfile_in(&dir)
            .map_err(io)?
            .into_temp_path();
        // VACUUM INTO needs a path that does not exist yet.
        std::fs::remove_file(&tmp).map_err(io)?;
        // The statement sent covers the reference data as it is now.
        if self.read_only.is_none() {
            self.refresh_statement()?;
        }
        // A database of an earlier schema on a read-only medium (never migrated) may still hold
        // its key in `local_key`: its copy is made and stripped in a private folder of the
        // system's temporary folder, never beside the output, and only then copied there.
        let legacy_key: bool = self
            .conn
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE name = 'local_key')",
                [],
                |r| r.get(0),
            )
            .map_err(|e| self.err(Doing::RemovingSecretKey, e))?;
        if legacy_key {
            let private = tempfile::Builder::new()
                .prefix(".constat-strip-")
                .tempdir()
                .map_err(io)?;
            let staged = private.path().join("copy.db");
            self.conn
                .execute("VACUUM INTO ?1", [staged.to_string_lossy()])
                .map_err(|e| self.err(Doing::WritingExport, e))?;
            {
                let copy = Connection::open_with_flags(&staged, OpenFlags::SQLITE_OPEN_READ_WRITE)
                    .map_err(|e| self.err(Doing::OpeningExport, e))?;
                copy.execute_batch("PRAGMA secure_delete = ON; DELETE FROM local_key; VACUUM;")
                    .map_err(|e| self.err(Doing::RemovingSecretKey, e))?;
            }
            std::fs::copy(&staged, &tmp).map_err(io)?;
        } else {
            // The copy holds the events, their signatures and the observers' statements; the
            // secret key is in no table of the database (it lives in its key file), so no
            // moment of the export, killed or not, writes it anywhere.
            self.conn
                .execute("VACUUM INTO ?1", [tmp.to_string_lossy()])
                .map_err(|e| self.err(Doing::WritingExport, e))?;
        }
        finish(&tmp)?;
        std::fs::File::open(&tmp)
            .and_then(|f| f.sync_all())
            .map_err(io)?;
        tmp.persist(output).map_err(|e| io(e.error))?;
        if let Ok(d) = std::fs::File::open(&dir) {
            let _ = d.sync_all();
        }
        Ok(())
    }
}
