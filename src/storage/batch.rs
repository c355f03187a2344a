//! Several events of the local observer in one transaction (`constat machines --from FILE`):
//! all are committed, or none. Each is numbered, checked and chained exactly as
//! [`Store::append_seen`] does for one; the chain head is signed once, at the last.
//!
//! Keep in step with [`Store::append_seen`]: what it writes for an event (columns, signature),
//! this writes for each.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, TransactionBehavior, params};

use super::error::DataProblem;
use super::{Doing, StorageError, Store, events};
use crate::domain::chain::{self, GENESIS};
use crate::domain::{Event, EventBody, EventId};

/// One event to append: its id, when it is recorded, when it was seen (`None`: then) and what.
pub type Pending = (EventId, DateTime<Utc>, Option<DateTime<Utc>>, EventBody);

impl Store {
    /// Appends `pending` in order as events of the local observer, in one transaction: when
    /// this returns `Ok`, every one is durable; on any error, none was written.
    pub fn append_all(&mut self, pending: Vec<Pending>) -> Result<Vec<Event>, StorageError> {
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
        let (mut seq, mut previous) = match last {
            None => (0, GENESIS),
            Some((seq, hash)) => (
                seq.unsigned_abs(),
                events::parse_hash(&hash).ok_or_else(|| StorageError::Invalid {
                    path: self.path.clone(),
                    what: DataProblem::LastHash(hash.clone()),
                })?,
            ),
        };
        let mut written = Vec::with_capacity(pending.len());
        for (id, recorded_at, seen_at, body) in pending {
            seq += 1;
            let event = Event {
                id,
                observer: observer.id,
                seq,
                recorded_at,
                seen_at,
                body,
            };
            crate::domain::merge::check_event(&event, recorded_at).map_err(|p| {
                StorageError::Invalid {
                    path: self.path.clone(),
                    what: DataProblem::EventRefused(p),
                }
            })?;
            let hash = chain::link(&previous, &event);
            events::insert(&tx, &event, &hash, false)
                .map_err(|e| StorageError::sqlite(&self.path, Doing::SavingEvent, e))?;
            previous = hash;
            written.push(event);
        }
        if let (Some(keys), false) = (&self.keys, written.is_empty()) {
            let signature = keys.sign_head(observer.id, seq, &previous);
            tx.execute(
                "INSERT INTO chain_head (observer, seq, hash, signature) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (observer) DO UPDATE SET seq = excluded.seq, hash = excluded.hash,
                 signature = excluded.signature",
                params![
                    observer.id.to_string(),
                    i64::try_from(seq).unwrap_or(i64::MAX),
                    hex::encode(previous),
                    hex::encode(signature)
                ],
            )
            .map_err(|e| StorageError::sqlite(&self.path, Doing::SigningChainHead, e))?;
        }
        tx.commit()
            .map_err(|e| StorageError::sqlite(&self.path, Doing::CommittingEvent, e))?;
        Ok(written)
    }
}
