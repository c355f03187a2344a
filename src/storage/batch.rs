//! Appending the local observer's events: one ([`Store::append_seen`]) or several in one
//! transaction ([`Store::append_all`], `constat machines --from FILE`), all committed or none.
//! Both go through [`Tail::push`], so each event is numbered, checked, chained and signed the
//! same way whichever path wrote it.

use std::path::Path;

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};

use super::error::DataProblem;
use super::keys::{KeyDir, KeyFileProblem};
use super::{Doing, KeyState, StorageError, Store, events};
use crate::domain::chain::{self, GENESIS, Keypair};
use crate::domain::{Event, EventBody, EventId, ObserverId};

/// One event to append: its id, when it is recorded, when it was seen (`None`: then) and what.
pub type Pending = (EventId, DateTime<Utc>, Option<DateTime<Utc>>, EventBody);

/// The end of the local observer's chain inside a write transaction.
struct Tail {
    observer: ObserverId,
    seq: u64,
    hash: [u8; 32],
    at: Option<DateTime<Utc>>,
}

impl Tail {
    fn read(tx: &Transaction<'_>, path: &Path, observer: ObserverId) -> Result<Self, StorageError> {
        let last: Option<(i64, String, String)> = tx
            .query_row(
                "SELECT seq, hash, recorded_at FROM event WHERE observer = ?1
                 ORDER BY seq DESC LIMIT 1",
                [observer.to_string()],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()
            .map_err(|e| StorageError::sqlite(path, Doing::NumberingEvent, e))?;
        Ok(match last {
            None => Self {
                observer,
                seq: 0,
                hash: GENESIS,
                at: None,
            },
            Some((seq, hash, at)) => Self {
                observer,
                seq: seq.unsigned_abs(),
                hash: events::parse_hash(&hash).ok_or_else(|| StorageError::Invalid {
                    path: path.to_owned(),
                    what: DataProblem::LastHash(hash.clone()),
                })?,
                at: events::parse_time(&at),
            },
        })
    }

    /// Numbers, checks, chains, writes and signs one event after the tail.
    fn push(
        &mut self,
        tx: &Transaction<'_>,
        (path, keys): (&Path, &KeyState),
        (id, recorded_at, seen_at, body): Pending,
    ) -> Result<Event, StorageError> {
        // Along a chain `recorded_at` never goes back (merge refuses a chain that does): on a
        // clock set back meanwhile, the event is recorded at its predecessor's time.
        let recorded_at = self.at.map_or(recorded_at, |p| p.max(recorded_at));
        let event = Event {
            id,
            observer: self.observer,
            seq: self.seq + 1,
            recorded_at,
            seen_at,
            body,
        };
        // What merge would refuse from another observer is not written here either: a file that
        // this constat wrote always merges.
        crate::domain::merge::check_event(&event, recorded_at).map_err(|p| {
            StorageError::Invalid {
                path: path.to_owned(),
                what: DataProblem::EventRefused(p),
            }
        })?;
        let hash = chain::link(&self.hash, &event);
        events::insert(tx, &event, &hash, false)
            .map_err(|e| StorageError::sqlite(path, Doing::SavingEvent, e))?;
        if let KeyState::Loaded(keys) = keys {
            let signature = keys.sign_head(self.observer, event.seq, &hash);
            let sign = |e| StorageError::sqlite(path, Doing::SigningChainHead, e);
            tx.prepare_cached("INSERT INTO event_signature (event, signature) VALUES (?1, ?2)")
                .and_then(|mut stmt| {
                    stmt.execute(params![event.id.to_string(), hex::encode(signature)])
                })
                .map_err(sign)?;
            // The head too, as files of earlier versions hold it (the same signature).
            tx.prepare_cached(
                "INSERT INTO chain_head (observer, seq, hash, signature) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (observer) DO UPDATE SET seq = excluded.seq, hash = excluded.hash,
                 signature = excluded.signature",
            )
            .and_then(|mut stmt| {
                stmt.execute(params![
                    self.observer.to_string(),
                    i64::try_from(event.seq).unwrap_or(i64::MAX),
                    hex::encode(hash),
                    hex::encode(signature)
                ])
            })
            .map_err(sign)?;
        }
        self.seq = event.seq;
        self.hash = hash;
        self.at = Some(recorded_at);
        Ok(event)
    }
}

impl Store {
    /// Appends `pending` in order as events of the local observer, in one transaction: when
    /// this returns `Ok`, every one is durable and signed; on any error, none was written.
    pub fn append_all(&mut self, pending: Vec<Pending>) -> Result<Vec<Event>, StorageError> {
        self.in_tail(|tx, tail, at| {
            pending
                .into_iter()
                .map(|one| tail.push(tx, at, one))
                .collect()
        })
    }

    /// Appends photo events with their bytes, in one transaction (issue 19): each photo's bytes
    /// are written by content before its event, so that an event is never durable without the
    /// bytes it announces; on any error, nothing was written.
    pub fn append_photos(
        &mut self,
        pending: Vec<(Pending, super::photos::PhotoBytes)>,
    ) -> Result<Vec<Event>, StorageError> {
        self.in_tail(|tx, tail, at| {
            pending
                .into_iter()
                .map(|(one, bytes)| {
                    super::photos::put(tx, &bytes)
                        .map_err(|e| StorageError::sqlite(at.0, Doing::SavingPhoto, e))?;
                    tail.push(tx, at, one)
                })
                .collect()
        })
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
        self.in_tail(|tx, tail, at| tail.push(tx, at, (id, recorded_at, seen_at, body)))
    }

    /// Runs `write` in one write transaction after the local observer's last event and commits
    /// what it wrote; nothing is written when it fails or the key file is missing.
    fn in_tail<T>(
        &mut self,
        write: impl FnOnce(&Transaction<'_>, &mut Tail, (&Path, &KeyState)) -> Result<T, StorageError>,
    ) -> Result<T, StorageError> {
        if let Some(refusal) = self.key_refusal() {
            return Err(refusal);
        }
        let observer = self.local_observer()?.id;
        let path = self.path.as_path();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| StorageError::sqlite(path, Doing::StartingToSaveEvent, e))?;
        let mut tail = Tail::read(&tx, path, observer)?;
        let out = write(&tx, &mut tail, (path, &self.keys))?;
        tx.commit()
            .map_err(|e| StorageError::sqlite(path, Doing::CommittingEvent, e))?;
        Ok(out)
    }
}

/// What `constat key new` did (issue 15 point 3).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyRotation {
    /// The public key replaced.
    pub old: [u8; 32],
    /// The new public key.
    pub new: [u8; 32],
    /// The position of the key-change event in the observer's chain.
    pub seq: u64,
    /// The old secret was lost: the key change is signed with the new key only.
    pub lost: bool,
    /// The key file that now holds the new secret.
    pub key_file: std::path::PathBuf,
}

impl Store {
    /// Gives the local observer a new key pair (issue 15 point 3): appends a key-change event
    /// (`from` the old public key, `to` the new one) signed with the OLD key, so that the chain
    /// proves the continuity, or, when `lost`, with the new one (nothing proves it then but the
    /// observer: a coordinator takes it with `merge --accept-key`). In the same transaction the
    /// chain head and the observer's statement are signed again with the new key, which signs
    /// every later event. The new secret is written to `<id>.key.next` before the commit and
    /// renamed over the key file after it (an interrupted rotation is finished at the next open).
    pub fn rotate_key(
        &mut self,
        id: crate::domain::EventId,
        now: DateTime<Utc>,
        lost: bool,
    ) -> Result<KeyRotation, StorageError> {
        let path = self.path.clone();
        let observer = self.local_observer()?;
        let public: Option<String> = self
            .conn
            .query_row(
                "SELECT public_key FROM observer WHERE is_local = 1",
                [],
                |r| r.get(0),
            )
            .map_err(|e| StorageError::sqlite(&path, Doing::ReadingObserverKey, e))?;
        let Some(old) = public.as_deref().and_then(events::parse_hash) else {
            return Err(StorageError::NoKeyToReplace(path));
        };
        let old_keys = match (&self.keys, lost) {
            (KeyState::Loaded(k), false) => Some(Keypair::from_secret(&k.secret())),
            (KeyState::Loaded(_), true) => return Err(StorageError::KeyStillHeld(path)),
            (KeyState::Missing { .. }, true) => None,
            (KeyState::Missing { .. }, false) => {
                return Err(self
                    .key_refusal()
                    .unwrap_or(StorageError::NoKeyToReplace(path)));
            }
            (KeyState::Unkeyed, _) => return Err(StorageError::NoKeyToReplace(path)),
        };
        let key_file_error =
            |key_file: Option<std::path::PathBuf>, problem| StorageError::KeyFile {
                path: path.clone(),
                key_file,
                problem,
            };
        let dir = KeyDir::for_database(&path)
            .ok_or_else(|| key_file_error(None, KeyFileProblem::NoFolder))?;
        let mut secret = [0u8; 32];
        getrandom::fill(&mut secret).map_err(|e| StorageError::Invalid {
            path: path.clone(),
            what: DataProblem::NoRandom(e.to_string()),
        })?;
        let new = Keypair::from_secret(&secret);
        secret.fill(0);
        dir.write_next(observer.id, &new)
            .map_err(|p| key_file_error(Some(dir.next_file_of(observer.id)), p))?;
        let digest = self.signed_reference_digest()?;
        let statement = new.sign_statement(observer.id, &observer.name, &digest);
        let signer =
            KeyState::Loaded(old_keys.unwrap_or_else(|| Keypair::from_secret(&new.secret())));
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| StorageError::sqlite(&path, Doing::StartingToSaveEvent, e))?;
        let mut tail = Tail::read(&tx, &path, observer.id)?;
        let event = tail.push(
            &tx,
            (&path, &signer),
            (id, now, None, EventBody::key_change(&old, &new.public())),
        )?;
        // From here on the new key signs: the head (signed by the old key at the key change's
        // position, in `event_signature`) and the statement are signed again with it.
        let head = new.sign_head(observer.id, event.seq, &tail.hash);
        let sign = |e| StorageError::sqlite(&path, Doing::SigningChainHead, e);
        tx.execute(
            "UPDATE chain_head SET signature = ?2 WHERE observer = ?1",
            params![observer.id.to_string(), hex::encode(head)],
        )
        .map_err(sign)?;
        tx.execute(
            "UPDATE observer SET public_key = ?1, reference_digest = ?2, statement = ?3
             WHERE is_local = 1",
            params![
                hex::encode(new.public()),
                hex::encode(digest),
                hex::encode(statement)
            ],
        )
        .map_err(|e| StorageError::sqlite(&path, Doing::SavingObserverKey, e))?;
        tx.commit()
            .map_err(|e| StorageError::sqlite(&path, Doing::CommittingEvent, e))?;
        let key_file = dir
            .promote_next(observer.id)
            .map_err(|p| key_file_error(Some(dir.file_of(observer.id)), p))?;
        let rotation = KeyRotation {
            old,
            new: new.public(),
            seq: event.seq,
            lost,
            key_file,
        };
        self.keys = KeyState::Loaded(new);
        Ok(rotation)
    }
}
