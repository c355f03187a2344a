//! Appending the local observer's events: one ([`Store::append_seen`]) or several in one
//! transaction ([`Store::append_all`], `constat machines --from FILE`), all committed or none.
//! Both go through [`Tail::push`], so each event is numbered, checked, chained and signed the
//! same way whichever path wrote it.

use std::path::Path;

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};

use super::error::DataProblem;
use super::{Doing, KeyState, StorageError, Store, events};
use crate::domain::chain::{self, GENESIS};
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
