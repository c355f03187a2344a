//! Storage: the only module that speaks SQL. A [`Store`] is one SQLite database file holding one
//! election's reference data, its observers and the append-only event log.
//!
//! Every write is one transaction, committed with `synchronous=FULL` in WAL mode before the call
//! returns: once `append` has returned, the event survives a crash, a `kill -9` or a power cut.

mod error;
mod events;
mod fold;
mod import;
mod inbox;
mod merge;
mod migrations;
mod referential;
mod roster;
mod untrusted;
mod verify;
mod watch;
// The coordinator's live view (issue 18 point 3).
mod coordination;

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OpenFlags, OptionalExtension, TransactionBehavior, params};

pub use coordination::MergedFiles;
pub use error::StorageError;
pub use error::{DataProblem, Doing, RowProblem};
pub use import::{BureauImport, CandidateImport, ImportFailure, Reader};
pub use merge::{
    MergeOptions, MergeOutcome, MergeRejection, MergeWarning, SignatureProblem,
    election_label as merge_election_label,
};
pub use migrations::SCHEMA_VERSION;
pub use roster::{Claim, Enrolled, Enrolment, Identity, claims_of_file};
pub use untrusted::{
    Damage, MAX_FILE_BYTES, NotRegular, NotSqlite, Refusal, SchemaProblem, SystemProblem,
    Untrusted, open_regular,
};
pub use verify::{ChainCheck, ChainProblem, verify_database};

use crate::domain::chain::{self, GENESIS, Keypair};
use crate::domain::referential::ElectionData;
use crate::domain::{BureauCode, Event, EventBody, EventId, ObserverId};

/// The `setting` row holding the observer's current bureau.
const CURRENT_BUREAU: &str = "current_bureau";
/// The `setting` row holding how to reach the observer.
const OBSERVER_CONTACT: &str = "observer_contact";
/// `observatrice` or `observateur`, as the observer said at first run (issue 16 point 17).
const OBSERVER_WORD: &str = "observer_word";
/// The `setting` row holding the signer's qualité (`electeur`, `candidat`, `delegue:NAME`).
const SIGNER_QUALITE: &str = "signer_qualite";

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

/// An open constat database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// The local observer's signing key (absent in an exported copy).
    keys: Option<Keypair>,
    /// Set when the file is on a read-only medium and read through the untrusted open (dropped
    /// after `conn`).
    read_only: Option<ReadOnly>,
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
        if path.exists() {
            return Err(StorageError::AlreadyExists(path.to_owned()));
        }
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
        let mut store = Self {
            conn,
            path: path.to_owned(),
            keys: None,
            read_only: None,
        };
        store.configure()?;
        store
            .conn
            .pragma_update(None, "application_id", APPLICATION_ID)
            .map_err(|e| store.err(Doing::MarkingAsConstat, e))?;
        migrations::apply(&mut store.conn, &store.path)?;
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
        tx.execute(
            "INSERT INTO observer (id, name, is_local, created_at, public_key) VALUES (?1, ?2, 1, ?3, ?4)",
            params![observer.id.to_string(), observer.name, now.to_rfc3339(), hex::encode(keys.public())],
        )
        .map_err(|e| StorageError::sqlite(path, Doing::SavingObserver, e))?;
        tx.execute(
            "INSERT INTO local_key (singleton, secret) VALUES (1, ?1)",
            [hex::encode(keys.secret())],
        )
        .map_err(|e| StorageError::sqlite(path, Doing::SavingObserverKey, e))?;
        tx.commit()
            .map_err(|e| StorageError::sqlite(path, Doing::CommittingCreation, e))?;
        store.keys = Some(keys);
        Ok(store)
    }

    /// Opens an existing constat database for reading and writing, applying pending migrations.
    /// Refuses a missing file, a file that is not a constat database, and a database written by a
    /// newer constat.
    pub fn open(path: &Path) -> Result<Self, StorageError> {
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
            keys: None,
            read_only: None,
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
        migrations::apply(&mut store.conn, &store.path)?;
        let secret: Option<String> = store
            .conn
            .query_row(
                "SELECT secret FROM local_key WHERE singleton = 1",
                [],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| store.err(Doing::ReadingObserverKey, e))?;
        store.keys = secret
            .and_then(|s| events::parse_hash(&s))
            .map(|s| Keypair::from_secret(&s));
        Ok(store)
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
            keys: None,
            read_only: Some(ReadOnly {
                source,
                _copy: copy,
            }),
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
            keys: None,
            read_only: None,
        })
    }

    /// The file this store writes to.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn configure(&self) -> Result<(), StorageError> {
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
        Ok(())
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

    /// [`Store::append`] of an observation seen at `seen_at` rather than when it is recorded (a
    /// record typed in later).
    pub fn append_seen(
        &mut self,
        id: EventId,
        recorded_at: DateTime<Utc>,
        seen_at: Option<DateTime<Utc>>,
        body: EventBody,
    ) -> Result<Event, StorageError> {
        let observer = self.local_observer()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| StorageError::sqlite(&self.path, Doing::StartingToSaveEvent, e))?;
        let last: Option<(i64, String)> = tx
            .query_row(
                "SELECT seq, hash FROM event WHERE observer = ?1 ORDER BY seq DESC LIMIT 1",
                [observer.id.to_string()],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(|e| StorageError::sqlite(&self.path, Doing::NumberingEvent, e))?;
        let (seq, previous) = match last {
            None => (1, GENESIS),
            Some((seq, hash)) => (
                seq.unsigned_abs() + 1,
                events::parse_hash(&hash).ok_or_else(|| StorageError::Invalid {
                    path: self.path.clone(),
                    what: DataProblem::LastHash(hash.clone()),
                })?,
            ),
        };
        let event = Event {
            id,
            observer: observer.id,
            seq,
            recorded_at,
            seen_at,
            body,
        };
        // What merge would refuse from another observer is not written here either: a file that
        // this constat wrote always merges.
        crate::domain::merge::check_event(&event, recorded_at).map_err(|p| {
            StorageError::Invalid {
                path: self.path.clone(),
                what: DataProblem::EventRefused(p),
            }
        })?;
        let hash = chain::link(&previous, &event);
        events::insert(&tx, &event, &hash, false)
            .map_err(|e| StorageError::sqlite(&self.path, Doing::SavingEvent, e))?;
        if let Some(keys) = &self.keys {
            let signature = keys.sign_head(observer.id, seq, &hash);
            tx.execute(
                "INSERT INTO chain_head (observer, seq, hash, signature) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (observer) DO UPDATE SET seq = excluded.seq, hash = excluded.hash,
                 signature = excluded.signature",
                params![
                    observer.id.to_string(),
                    i64::try_from(seq).unwrap_or(i64::MAX),
                    hex::encode(hash),
                    hex::encode(signature)
                ],
            )
            .map_err(|e| StorageError::sqlite(&self.path, Doing::SigningChainHead, e))?;
        }
        tx.commit()
            .map_err(|e| StorageError::sqlite(&self.path, Doing::CommittingEvent, e))?;
        Ok(event)
    }

    /// Hands every event to `f` without collecting them (national reports read millions), each
    /// observer's events in `seq` order, as [`crate::domain::RecordState::apply`] needs.
    pub fn for_each_event(&self, f: &mut dyn FnMut(Event)) -> Result<(), StorageError> {
        events::for_each(&self.conn, &self.path, f)
    }

    /// The state folded from every event, streamed: the rows are read and decoded on this thread
    /// while another applies them (see `fold.rs`).
    pub fn fold(&self) -> Result<crate::domain::RecordState, StorageError> {
        fold::fold(&self.conn, &self.path)
    }

    /// Every event with its chain hash, in (observer, seq) order.
    pub fn events_with_hashes(&self) -> Result<Vec<(Event, chain::Hash)>, StorageError> {
        events::all_with_hashes(&self.conn, &self.path)
    }

    /// The events of one circonscription and the retractions of them, in (observer, seq) order:
    /// what the interface needs for one grid, without reading the whole national log.
    pub fn events_of(
        &self,
        circ: &crate::domain::CirconscriptionCode,
    ) -> Result<Vec<Event>, StorageError> {
        events::of_circonscription(&self.conn, &self.path, circ.as_str())
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

    /// Writes a self-contained copy of the database to `output` with `VACUUM INTO` (never by
    /// copying files: a live WAL database copied by hand can lose its latest commits), syncs it,
    /// then renames it into place.
    pub fn export_db(&self, output: &Path) -> Result<(), StorageError> {
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
        self.conn
            .execute("VACUUM INTO ?1", [tmp.to_string_lossy()])
            .map_err(|e| self.err(Doing::WritingExport, e))?;
        // The observer's secret key stays home: remove it from the copy, leaving no trace.
        {
            let copy = Connection::open_with_flags(&tmp, OpenFlags::SQLITE_OPEN_READ_WRITE)
                .map_err(|e| self.err(Doing::OpeningExport, e))?;
            copy.execute_batch("PRAGMA secure_delete = ON; DELETE FROM local_key; VACUUM;")
                .map_err(|e| self.err(Doing::RemovingSecretKey, e))?;
        }
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
