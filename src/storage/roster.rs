//! The roster (issue 15 point 2): the observers' key fingerprints a coordinator enrolled
//! beforehand, the chain references printed beside the digest, and the observers another file
//! claims (read before a merge, through the defensive open).

use std::path::Path;

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, TransactionBehavior, params};

use super::error::DataProblem;
use super::untrusted::{Damage, Refusal, Untrusted};
use super::{Doing, LocalObserver, StorageError, Store, events};
use crate::domain::ObserverId;
use crate::domain::fingerprint::{ChainReference, Fingerprint};

/// One enrolled key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Enrolled {
    /// The key's fingerprint.
    pub fingerprint: Fingerprint,
    /// The name the coordinator gave.
    pub name: String,
    /// When it was enrolled (RFC 3339, as stored).
    pub added_at: String,
}

/// What enrolling a list of keys did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Enrolment {
    /// Keys newly enrolled.
    pub added: usize,
    /// Keys already enrolled (their name is kept): fingerprint, the name kept.
    pub already: Vec<(Fingerprint, String)>,
}

/// Who this file's observer is, and where its chain stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    /// The local observer.
    pub observer: LocalObserver,
    /// The fingerprint of its public key (`None`: the file holds no public key).
    pub fingerprint: Option<Fingerprint>,
    /// The reference of its chain (`None` before its first event, or without a key).
    pub reference: Option<ChainReference>,
}

/// An observer another file lists: id, name, public key (`None` when the file holds none).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    /// The observer's id.
    pub id: ObserverId,
    /// The name in that file.
    pub name: String,
    /// Its public key.
    pub key: Option<[u8; 32]>,
}

impl Claim {
    /// The key's fingerprint, when the file gives a key.
    pub fn fingerprint(&self) -> Option<Fingerprint> {
        self.key.as_ref().map(Fingerprint::of)
    }
}

/// The observers `path` (another observer's database) lists, read through the defensive open
/// ([`Untrusted::open`]); a key that is not 64 hex digits is a damage of the file.
pub fn claims_of_file(path: &Path) -> Result<Vec<Claim>, Refusal> {
    let file = Untrusted::open(path)?;
    let damaged = |e: rusqlite::Error| Refusal::Damaged(Damage::sqlite(&e));
    let mut stmt = file
        .conn
        .prepare("SELECT id, name, public_key FROM observer ORDER BY id")
        .map_err(damaged)?;
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
            ))
        })
        .map_err(damaged)?;
    let mut out = Vec::new();
    for row in rows {
        let (id, name, key) = row.map_err(damaged)?;
        let id =
            uuid::Uuid::parse_str(&id).map_err(|_| Refusal::Damaged(Damage::ObserverId(id)))?;
        let key = match key {
            None => None,
            // The merge itself says what is wrong with such a key; here it is no key at all.
            Some(k) => events::parse_hash(&k),
        };
        out.push(Claim {
            id: ObserverId(id),
            name,
            key,
        });
    }
    Ok(out)
}

/// The key changes of a file's chains (issue 15 point 3): the observer, old key and new key of
/// every key-change event of the database or events CSV at `path`, in file order, unchecked
/// (the merge checks their signatures). Nothing when the file cannot be read.
pub fn rotated_keys(path: &Path, csv: bool) -> Vec<(ObserverId, [u8; 32], [u8; 32])> {
    let mut out = Vec::new();
    if csv {
        if let Ok(file) = super::untrusted::open_regular(path) {
            let _ = crate::export::events_csv::read(file, &mut |row| {
                if let Some((from, to)) = row.event.body.changed_keys() {
                    out.push((row.event.observer, from, to));
                }
                Ok(())
            });
        }
        return out;
    }
    let Ok(file) = Untrusted::open(path) else {
        return out;
    };
    if file.version() < 10 {
        return out;
    }
    let Ok(mut stmt) = file.conn.prepare(
        "SELECT observer, voter, note FROM event WHERE kind = 'key_change' ORDER BY rowid",
    ) else {
        return out;
    };
    let Ok(rows) = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
        ))
    }) else {
        return out;
    };
    for (observer, from, to) in rows.flatten() {
        if let (Ok(id), Some(from), Some(to)) = (
            uuid::Uuid::parse_str(&observer),
            events::parse_hash(&from),
            events::parse_hash(&to),
        ) {
            out.push((ObserverId(id), from, to));
        }
    }
    out
}

/// The observers an events CSV (`constat export csv`) lists, with the key each row gives (a
/// signed file's `public_key` column), read through the same reader as the merge; an unreadable
/// file is refused with the reason the merge would give.
pub fn claims_of_csv(path: &Path) -> Result<Vec<Claim>, super::merge::MergeRejection> {
    let file =
        super::untrusted::open_regular(path).map_err(super::merge::MergeRejection::Refused)?;
    let mut seen: std::collections::BTreeMap<ObserverId, Claim> = Default::default();
    crate::export::events_csv::read(file, &mut |row| {
        seen.entry(row.event.observer).or_insert_with(|| Claim {
            id: row.event.observer,
            name: row.observer_name.clone(),
            key: row.public_key,
        });
        Ok(())
    })
    .map_err(super::merge::MergeRejection::Row)?;
    Ok(seen.into_values().collect())
}

impl Store {
    /// Every enrolled key, in fingerprint order.
    pub fn roster(&self) -> Result<Vec<Enrolled>, StorageError> {
        let mut stmt = self
            .conn
            .prepare("SELECT fingerprint, name, added_at FROM roster ORDER BY fingerprint")
            .map_err(|e| self.err(Doing::ReadingRoster, e))?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })
            .map_err(|e| self.err(Doing::ReadingRoster, e))?;
        let mut out = Vec::new();
        for row in rows {
            let (fingerprint, name, added_at) =
                row.map_err(|e| self.err(Doing::ReadingRoster, e))?;
            // The CHECK keeps the length; a fingerprint this constat cannot read is skipped
            // rather than trusted.
            if let Some(fingerprint) = Fingerprint::parse(&fingerprint) {
                out.push(Enrolled {
                    fingerprint,
                    name,
                    added_at,
                });
            }
        }
        Ok(out)
    }

    /// Enrols `entries` (name, fingerprint) in one transaction: all or nothing. A fingerprint
    /// already enrolled keeps its name and is listed in [`Enrolment::already`].
    pub fn enrol(
        &mut self,
        entries: &[(String, Fingerprint)],
        now: DateTime<Utc>,
    ) -> Result<Enrolment, StorageError> {
        let path = self.path.clone();
        let err = |e| StorageError::sqlite(&path, Doing::SavingRoster, e);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        let mut done = Enrolment::default();
        for (name, fingerprint) in entries {
            let known: Option<String> = tx
                .query_row(
                    "SELECT name FROM roster WHERE fingerprint = ?1",
                    [fingerprint.compact()],
                    |r| r.get(0),
                )
                .optional()
                .map_err(err)?;
            match known {
                Some(kept) => done.already.push((fingerprint.clone(), kept)),
                None => {
                    tx.execute(
                        "INSERT INTO roster (fingerprint, name, added_at) VALUES (?1, ?2, ?3)",
                        params![fingerprint.compact(), name, events::format_time(now)],
                    )
                    .map_err(err)?;
                    done.added += 1;
                }
            }
        }
        tx.commit().map_err(err)?;
        Ok(done)
    }

    /// The public key this file knows for `observer` (`None`: unknown observer, or no key).
    fn public_key_of(&self, observer: ObserverId) -> Result<Option<[u8; 32]>, StorageError> {
        let key: Option<Option<String>> = self
            .conn
            .query_row(
                "SELECT public_key FROM observer WHERE id = ?1",
                [observer.to_string()],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.err(Doing::ReadingObserverKey, e))?;
        match key.flatten() {
            None => Ok(None),
            Some(k) => events::parse_hash(&k)
                .map(Some)
                .ok_or_else(|| StorageError::Invalid {
                    path: self.path.clone(),
                    what: DataProblem::ObserverKey {
                        observer: observer.to_string(),
                        key: k.clone(),
                    },
                }),
        }
    }

    /// The chain reference of `observer` in this file: the seq of its last event, that event's
    /// hash, and its public key. `None` before its first event or when the file holds no key.
    pub fn chain_reference_of(
        &self,
        observer: ObserverId,
    ) -> Result<Option<ChainReference>, StorageError> {
        let Some(key) = self.public_key_of(observer)? else {
            return Ok(None);
        };
        let last: Option<(i64, String)> = self
            .conn
            .query_row(
                "SELECT seq, hash FROM event WHERE observer = ?1 ORDER BY seq DESC LIMIT 1",
                [observer.to_string()],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(|e| self.err(Doing::ReadingChainHeads, e))?;
        let Some((seq, hash)) = last else {
            return Ok(None);
        };
        let hash = events::parse_hash(&hash).ok_or_else(|| StorageError::Invalid {
            path: self.path.clone(),
            what: DataProblem::LastHash(hash.clone()),
        })?;
        Ok(Some(ChainReference::new(seq.unsigned_abs(), &hash, &key)))
    }

    /// The chain reference of this file's own observer (see [`Store::chain_reference_of`]):
    /// what the PV, the report and the summary print beside the digest.
    pub fn chain_reference_of_local(&self) -> Result<Option<ChainReference>, StorageError> {
        let local = self.local_observer()?;
        self.chain_reference_of(local.id)
    }

    /// This file's observer, its key's fingerprint and its chain reference (`constat whoami`).
    pub fn identity(&self) -> Result<Identity, StorageError> {
        let observer = self.local_observer()?;
        let fingerprint = self
            .public_key_of(observer.id)?
            .map(|k| Fingerprint::of(&k));
        let reference = self.chain_reference_of(observer.id)?;
        Ok(Identity {
            observer,
            fingerprint,
            reference,
        })
    }

    /// The public key this file knows for each observer it holds (`None`: none known), to
    /// compare with the keys incoming files claim.
    pub fn known_keys(
        &self,
    ) -> Result<std::collections::BTreeMap<ObserverId, Option<[u8; 32]>>, StorageError> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, public_key FROM observer")
            .map_err(|e| self.err(Doing::ReadingObservers, e))?;
        let rows = stmt
            .query_map([], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?))
            })
            .map_err(|e| self.err(Doing::ReadingObservers, e))?;
        let mut out = std::collections::BTreeMap::new();
        for row in rows {
            let (id, key) = row.map_err(|e| self.err(Doing::ReadingObservers, e))?;
            if let Ok(id) = uuid::Uuid::parse_str(&id) {
                out.insert(ObserverId(id), key.and_then(|k| events::parse_hash(&k)));
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::domain::{EventBody, EventId};

    fn at() -> DateTime<Utc> {
        DateTime::from_timestamp(1_497_160_000, 0).unwrap()
    }

    fn store(dir: &Path) -> Store {
        let data = crate::sample::find("paris-1-2017")
            .unwrap()
            .election_data()
            .unwrap();
        let observer = LocalObserver {
            id: ObserverId(uuid::Uuid::now_v7()),
            name: "Marie".to_owned(),
        };
        Store::create(&dir.join("obs.db"), &data, &observer, at()).unwrap()
    }

    #[test]
    fn enrolling_keeps_the_first_name_and_the_roster_lists_every_key() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = store(dir.path());
        let a = Fingerprint::of(&[1; 32]);
        let b = Fingerprint::of(&[2; 32]);
        let done = store
            .enrol(
                &[
                    ("Marie".to_owned(), a.clone()),
                    ("Paul".to_owned(), b.clone()),
                ],
                at(),
            )
            .unwrap();
        assert_eq!(done.added, 2);
        let again = store
            .enrol(&[("Autre".to_owned(), a.clone())], at())
            .unwrap();
        assert_eq!(again.added, 0);
        assert_eq!(again.already, vec![(a.clone(), "Marie".to_owned())]);
        let roster = store.roster().unwrap();
        assert_eq!(roster.len(), 2);
        assert!(
            roster
                .iter()
                .any(|e| e.fingerprint == b && e.name == "Paul")
        );
    }

    #[test]
    fn the_local_chain_reference_follows_the_last_event_and_the_key() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = store(dir.path());
        assert_eq!(store.chain_reference_of_local().unwrap(), None);
        let identity = store.identity().unwrap();
        let fingerprint = identity.fingerprint.clone().unwrap();
        assert_eq!(identity.reference, None);
        let body = EventBody::NonReceipt {
            circonscription: crate::domain::CirconscriptionCode::parse("7501").unwrap(),
            bureau: crate::domain::BureauCode::parse("75056_0911").unwrap(),
            voter: None,
            note: None,
            household: None,
        };
        for _ in 0..2 {
            store
                .append(EventId(uuid::Uuid::now_v7()), at(), body.clone())
                .unwrap();
        }
        let reference = store.chain_reference_of_local().unwrap().unwrap();
        assert_eq!(reference.seq, 2);
        assert_eq!(reference.fingerprint, fingerprint);
        let (_, hash) = store.events_with_hashes().unwrap().pop().unwrap();
        assert!(reference.matches_hash(&hash));
    }

    #[test]
    fn the_claims_of_a_file_are_its_observers_and_their_keys() {
        let dir = tempfile::tempdir().unwrap();
        let store = store(dir.path());
        let me = store.identity().unwrap();
        let path = store.path().to_owned();
        drop(store);
        let claims = claims_of_file(&path).unwrap();
        assert_eq!(claims.len(), 1);
        assert_eq!(claims[0].id, me.observer.id);
        assert_eq!(claims[0].name, "Marie");
        assert_eq!(claims[0].fingerprint(), me.fingerprint);
        assert!(claims_of_file(&dir.path().join("none.db")).is_err());
    }
}
