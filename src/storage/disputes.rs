//! Key disputes kept in the target (schema 0012, issue 15 point 2): an observer held here with
//! one key whom a refused file claims with another. While a dispute is open, or once it is
//! settled against the key held here, the observer's events are set aside from every state
//! derived for findings ([`Store::fold`], [`Store::events_of`], [`Store::events_after`]); `verify`
//! and the exports still see them all.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, params};

use super::events::{format_time, parse_hash, parse_time};
use super::{Doing, StorageError, Store};
use crate::domain::ObserverId;
use crate::domain::fingerprint::Fingerprint;
use crate::domain::key_dispute::{self, KeyDispute};

/// A file's claim of an observer, refused because this database holds that observer with
/// another key.
#[derive(Debug, Clone, Copy)]
pub struct RivalClaim<'a> {
    /// The observer.
    pub observer: ObserverId,
    /// The name the file gives.
    pub name: &'a str,
    /// The file's key.
    pub claimed: &'a Fingerprint,
    /// The file, as the merge was given it.
    pub path: &'a str,
}

impl Store {
    /// Every key dispute, in observer and key order. None in a file of a schema before 12
    /// opened read-only (a medium that cannot be written, so not migrated).
    pub fn key_disputes(&self) -> Result<Vec<KeyDispute>, StorageError> {
        let sql = |e| self.err(Doing::KeyDisputes, e);
        let kept: bool = self
            .conn
            .prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM sqlite_schema
                                WHERE type = 'table' AND name = 'key_dispute')",
            )
            .and_then(|mut stmt| stmt.query_row([], |r| r.get(0)))
            .map_err(sql)?;
        if !kept {
            return Ok(Vec::new());
        }
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT observer, name, held, claimed, path, raised_at, settled FROM key_dispute
                 ORDER BY observer, claimed",
            )
            .map_err(sql)?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, Option<String>>(6)?,
                ))
            })
            .map_err(sql)?;
        let mut out = Vec::new();
        for row in rows {
            let (observer, name, held, claimed, path, raised_at, settled) = row.map_err(sql)?;
            // Rows only constat writes: one it cannot read is skipped rather than trusted.
            let (Ok(observer), Some(claimed), Some(raised_at)) = (
                observer.parse::<uuid::Uuid>(),
                Fingerprint::parse(&claimed),
                parse_time(&raised_at),
            ) else {
                continue;
            };
            out.push(KeyDispute {
                observer: ObserverId(observer),
                name,
                held: held.as_deref().and_then(Fingerprint::parse),
                claimed,
                path,
                raised_at,
                settled: settled.as_deref().and_then(Fingerprint::parse),
            });
        }
        Ok(out)
    }

    /// The observers whose events are set aside ([`key_dispute::set_aside`]).
    pub fn set_aside_observers(&self) -> Result<BTreeSet<ObserverId>, StorageError> {
        Ok(key_dispute::set_aside(&self.key_disputes()?))
    }

    /// Settles the open disputes that `accepted` (the keys of `merge --accept-key`) decides
    /// ([`KeyDispute::settled_by`]), at `at`; returns the disputes settled now.
    pub fn settle_key_disputes(
        &self,
        accepted: &[Fingerprint],
        at: DateTime<Utc>,
    ) -> Result<Vec<KeyDispute>, StorageError> {
        if accepted.is_empty() {
            return Ok(Vec::new());
        }
        let mut settled = Vec::new();
        for mut d in self.key_disputes()? {
            let Some(key) = d.settled_by(accepted) else {
                continue;
            };
            self.conn
                .prepare_cached(
                    "UPDATE key_dispute SET settled = ?3, settled_at = ?4
                     WHERE observer = ?1 AND claimed = ?2 AND settled IS NULL",
                )
                .and_then(|mut stmt| {
                    stmt.execute(params![
                        d.observer.to_string(),
                        d.claimed.compact(),
                        key.compact(),
                        format_time(at)
                    ])
                })
                .map_err(|e| self.err(Doing::KeyDisputes, e))?;
            d.settled = Some(key);
            settled.push(d);
        }
        Ok(settled)
    }

    /// Notes `claim`, refused at `at`, against the key this database holds for its observer,
    /// and returns the dispute as it stands: a new one is open; one raised before keeps its
    /// settlement. `None` when no dispute arises: the observer is this database's own (its key
    /// is in its key file, not in doubt), is not held here, or is held with the claimed key.
    pub fn note_rival_claim(
        &self,
        claim: RivalClaim<'_>,
        at: DateTime<Utc>,
    ) -> Result<Option<KeyDispute>, StorageError> {
        let sql = |e| self.err(Doing::KeyDisputes, e);
        let held: Option<(Option<String>, bool)> = self
            .conn
            .prepare_cached("SELECT public_key, is_local FROM observer WHERE id = ?1")
            .map_err(sql)?
            .query_row([claim.observer.to_string()], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()
            .map_err(sql)?;
        let Some((held, false)) = held else {
            return Ok(None);
        };
        let held = held
            .as_deref()
            .and_then(parse_hash)
            .map(|k| Fingerprint::of(&k));
        if held.as_ref() == Some(claim.claimed) {
            return Ok(None);
        }
        self.conn
            .prepare_cached(
                "INSERT INTO key_dispute (observer, name, held, claimed, path, raised_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (observer, claimed) DO NOTHING",
            )
            .and_then(|mut stmt| {
                stmt.execute(params![
                    claim.observer.to_string(),
                    claim.name,
                    held.as_ref().map(Fingerprint::compact),
                    claim.claimed.compact(),
                    claim.path,
                    format_time(at)
                ])
            })
            .map_err(sql)?;
        Ok(self
            .key_disputes()?
            .into_iter()
            .find(|d| d.observer == claim.observer && d.claimed == *claim.claimed))
    }
}
