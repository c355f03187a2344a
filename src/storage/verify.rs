//! Verifying a database someone hands over: every observer's hash chain and signed head, read
//! through the same defensive, read-only connection as a merge.

use std::path::Path;

use rusqlite::OptionalExtension;

use super::StorageError;
use super::error::DataProblem;
use super::events;
use super::untrusted::{Damage, Refusal, Untrusted};
use crate::domain::chain::{self, Hash};
use crate::domain::{Event, EventBody, ObserverId};
use crate::i18n::{Lang, Localize, Message, cut};

/// One observer's chain, as found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainCheck {
    /// The observer.
    pub observer: ObserverId,
    /// Their name.
    pub name: String,
    /// Events in the chain.
    pub events: u64,
    /// The digest of the last event (hex), when the chain is intact.
    pub head: Option<String>,
    /// Position of the signed head, if any.
    pub signed_up_to: Option<u64>,
    /// The first problem, if any.
    pub problem: Option<ChainProblem>,
}

/// What is wrong with one observer's chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChainProblem {
    /// An event row whose content makes no sense.
    Invalid {
        /// The file.
        path: std::path::PathBuf,
        /// What is wrong.
        what: DataProblem,
    },
    /// An event row that SQLite cannot read; SQLite's words.
    Unreadable(String),
    /// The hash chain breaks.
    Break(chain::ChainBreak),
    /// The signed head names another event than the chain's.
    HeadMismatch {
        /// The signed position.
        seq: u64,
    },
    /// A signed head, but no key to check it with.
    NoPublicKey,
    /// The signature does not verify.
    BadHeadSignature {
        /// The signed position.
        seq: u64,
    },
    // Issue 15 (sign).
    /// A keyed observer's events are signed only up to a position before the last.
    Unsigned {
        /// Events in the chain.
        events: u64,
        /// The last position covered by a valid signature (0: none).
        signed: u64,
    },
    /// Events whose observer is not in the observer table (reports would still print them).
    Orphan,
    /// The observer's signed statement (name, key, reference digest) does not verify.
    BadStatement,
    /// A keyed observer whose events carry signatures has no signed statement: it was removed
    /// from the file, and nothing covers their name or reference data (issue 15).
    StatementMissing,
    /// `recorded_at` goes back at this position.
    TimeGoesBack {
        /// The position.
        seq: u64,
    },
    /// The file's reference data (election, candidates, bureaux) are not those its own observer
    /// signed: edited since (issue 15 point 1).
    ReferenceAltered,
    /// The database's own observer has events but no key: constat has always given a
    /// database's own observer one (schema 1 on), so it was removed (issue 15); only observers
    /// merged from files without keys may lack one.
    LocalKeyMissing,
    // Issue 15 point 3: key changes.
    /// A key change signed with its new key only (the old one lost, `constat key new --lost`):
    /// nothing in the file proves that the new key is the observer's.
    KeyChangeUnproven {
        /// The key change's position.
        seq: u64,
        /// The new key's fingerprint.
        fingerprint: crate::domain::fingerprint::Fingerprint,
    },
    /// A key change that does not hold: unsigned, signed by neither of its keys, or whose keys
    /// do not follow from the chain's (its old key is not the one that signed before it, or the
    /// last new key is not the observer's).
    KeyChangeBroken {
        /// The key change's position.
        seq: u64,
    },
}

impl From<chain::ChainBreak> for ChainProblem {
    fn from(b: chain::ChainBreak) -> Self {
        Self::Break(b)
    }
}

impl Localize for ChainProblem {
    fn message(&self) -> Message<'_> {
        match self {
            Self::Invalid { path, what } => Message::new("reason-chain-invalid")
                .arg("path", path.display().to_string())
                .arg("what", what),
            Self::Unreadable(detail) => {
                Message::new("reason-chain-unreadable").arg("detail", cut(detail))
            }
            Self::Break(b) => b.message(),
            Self::HeadMismatch { seq } => {
                Message::new("reason-chain-head-mismatch").arg("seq", seq.to_string())
            }
            Self::NoPublicKey => Message::new("reason-chain-no-public-key"),
            Self::BadHeadSignature { seq } => {
                Message::new("reason-chain-bad-head-signature").arg("seq", seq.to_string())
            }
            Self::Unsigned { events, signed } => Message::new("reason-chain-unsigned")
                .arg("events", events.to_string())
                .arg("signed", signed.to_string()),
            Self::Orphan => Message::new("reason-chain-orphan"),
            Self::BadStatement => Message::new("reason-chain-bad-statement"),
            Self::StatementMissing => Message::new("reason-chain-statement-missing"),
            Self::TimeGoesBack { seq } => {
                Message::new("reason-chain-time-goes-back").arg("seq", seq.to_string())
            }
            Self::ReferenceAltered => Message::new("reason-chain-reference-altered"),
            Self::LocalKeyMissing => Message::new("reason-chain-local-key-missing"),
            Self::KeyChangeUnproven { seq, fingerprint } => {
                Message::new("reason-chain-key-change-unproven")
                    .arg("seq", seq.to_string())
                    .arg("fingerprint", fingerprint.to_string())
            }
            Self::KeyChangeBroken { seq } => {
                Message::new("reason-chain-key-change-broken").arg("seq", seq.to_string())
            }
        }
    }
}

impl std::fmt::Display for ChainProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

/// Checks every observer's chain of the database at `path`. `Err` when the file itself cannot be
/// trusted enough to read; otherwise one [`ChainCheck`] per observer.
pub fn verify_database(path: &Path) -> Result<Vec<ChainCheck>, Refusal> {
    let db = Untrusted::open(path)?;
    let damaged = |e: rusqlite::Error| Refusal::Damaged(Damage::sqlite(&e));
    let version = db.version();
    let mut observers = db
        .conn
        .prepare(if version >= 5 {
            "SELECT id, name, public_key, reference_digest, statement FROM observer
             ORDER BY name, id"
        } else {
            "SELECT id, name, public_key, NULL, NULL FROM observer ORDER BY name, id"
        })
        .map_err(damaged)?;
    type Row = (
        String,
        String,
        Option<String>,
        Option<String>,
        Option<String>,
    );
    let listed: Vec<Row> = observers
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .map_err(damaged)?
        .collect::<Result<_, _>>()
        .map_err(damaged)?;
    let local: Option<String> = db
        .conn
        .query_row("SELECT id FROM observer WHERE is_local = 1", [], |r| {
            r.get(0)
        })
        .optional()
        .map_err(damaged)?;
    let mut out = Vec::new();
    for (id, name, key, digest, statement) in listed {
        let Ok(uuid) = uuid::Uuid::parse_str(&id) else {
            return Err(Refusal::Damaged(Damage::ObserverId(id)));
        };
        let observer = ObserverId(uuid);
        let mut check = ChainCheck {
            observer,
            name,
            events: 0,
            head: None,
            signed_up_to: None,
            problem: None,
        };
        let mut stmt = db
            .conn
            .prepare(&format!(
                "SELECT {} FROM event WHERE observer = ?1 ORDER BY seq",
                events::columns_of_version(db.version())
            ))
            .map_err(damaged)?;
        let mut rows = stmt.query([&id]).map_err(damaged)?;
        let (mut seq, mut hash): (u64, Hash) = (0, chain::GENESIS);
        let mut previous_at = None;
        let mut changes: Vec<KeyChange> = Vec::new();
        while let Some(row) = rows.next().map_err(damaged)? {
            let (event, stored) = match events::decode_with_hash(row, path) {
                Ok(pair) => pair,
                Err(e) => {
                    check.problem = Some(match e {
                        StorageError::Invalid { path, what } => {
                            ChainProblem::Invalid { path, what }
                        }
                        StorageError::Sqlite { source, .. } => {
                            ChainProblem::Unreadable(source.to_string())
                        }
                        other => ChainProblem::Unreadable(other.to_string()),
                    });
                    break;
                }
            };
            if let Err(problem) = step(&mut seq, &mut hash, &event, &stored) {
                check.problem = Some(problem);
                break;
            }
            if previous_at.is_some_and(|p| event.recorded_at < p) {
                check.problem = Some(ChainProblem::TimeGoesBack { seq: event.seq });
                break;
            }
            previous_at = Some(event.recorded_at);
            if let EventBody::KeyChange { .. } = &event.body {
                let Some((from, to)) = event.body.changed_keys() else {
                    check.problem = Some(ChainProblem::KeyChangeBroken { seq: event.seq });
                    break;
                };
                changes.push(KeyChange {
                    seq: event.seq,
                    hash: stored,
                    from,
                    to,
                    lost: false,
                });
            }
            check.events += 1;
        }
        let public = key.as_deref().and_then(events::parse_hash);
        if check.problem.is_none()
            && key.is_none()
            && check.events > 0
            && local.as_deref() == Some(id.as_str())
        {
            check.problem = Some(ChainProblem::LocalKeyMissing);
        }
        // A key change signed by its new key only is said once the signatures are counted.
        let mut unproven = None;
        if check.problem.is_none()
            && let Some(current) = public
        {
            match settle_changes(&db, &id, observer, &mut changes, current)? {
                Some(p @ ChainProblem::KeyChangeUnproven { .. }) => unproven = Some(p),
                other => check.problem = other,
            }
        }
        let key_at = |at: u64| public.map(|current| key_at(at, &changes, current));
        if check.problem.is_none() {
            check.problem = check_statement(
                observer,
                &check.name,
                public.as_ref(),
                digest.as_deref(),
                statement.as_deref(),
            );
        }
        if check.problem.is_none()
            && version >= 5
            && public.is_some()
            && statement.is_none()
            && has_event_signatures(&db, &id)?
        {
            check.problem = Some(ChainProblem::StatementMissing);
        }
        if check.problem.is_none() && seq > 0 {
            check.head = Some(hex::encode(hash));
            check_head(&db, &id, &key_at, observer, &mut check)?;
        }
        if check.problem.is_none() && seq > 0 && version >= 5 {
            check_last_signature(&db, &id, &key_at, observer, &mut check)?;
        }
        if check.problem.is_none()
            && public.is_some()
            && check.signed_up_to.unwrap_or(0) < check.events
        {
            check.problem = Some(ChainProblem::Unsigned {
                events: check.events,
                signed: check.signed_up_to.unwrap_or(0),
            });
        }
        if check.problem.is_none() {
            check.problem = unproven;
        }
        out.push(check);
    }
    out.extend(orphans(&db)?);
    // The reference rows the file's own observer signed (issue 15 point 1).
    if version >= 5 {
        let data = super::referential::load(&db.conn, path).map_err(|e| match e {
            StorageError::Sqlite { source, .. } => Refusal::Damaged(Damage::sqlite(&source)),
            other => Refusal::Damaged(Damage::Check(other.to_string())),
        })?;
        if super::referential::rows_as_signed(&db.conn, &data).map_err(damaged)? == Some(false)
            && let Some(check) = out
                .iter_mut()
                .find(|c| local.as_deref() == Some(c.observer.to_string().as_str()))
            && check.problem.is_none()
        {
            check.problem = Some(ChainProblem::ReferenceAltered);
        }
    }
    Ok(out)
}

/// One check per observer id that events name but the observer table does not list: a break
/// (a report would print their events as "constaté par #…").
fn orphans(db: &Untrusted) -> Result<Vec<ChainCheck>, Refusal> {
    let damaged = |e: rusqlite::Error| Refusal::Damaged(Damage::sqlite(&e));
    let mut stmt = db
        .conn
        .prepare(
            "SELECT observer, COUNT(*) FROM event
             WHERE observer NOT IN (SELECT id FROM observer) GROUP BY observer ORDER BY observer",
        )
        .map_err(damaged)?;
    let rows: Vec<(String, i64)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .map_err(damaged)?
        .collect::<Result<_, _>>()
        .map_err(damaged)?;
    rows.into_iter()
        .map(|(id, n)| {
            let Ok(uuid) = uuid::Uuid::parse_str(&id) else {
                return Err(Refusal::Damaged(Damage::ObserverId(id)));
            };
            Ok(ChainCheck {
                observer: ObserverId(uuid),
                name: String::new(),
                events: n.unsigned_abs(),
                head: None,
                signed_up_to: None,
                problem: Some(ChainProblem::Orphan),
            })
        })
        .collect()
}

/// Whether any event of `id` carries its own signature (schema 5): then its observer was keyed
/// by a constat that signs a statement with the key, and a missing statement was removed.
fn has_event_signatures(db: &Untrusted, id: &str) -> Result<bool, Refusal> {
    db.conn
        .query_row(
            "SELECT EXISTS (SELECT 1 FROM event e JOIN event_signature s ON s.event = e.id
                            WHERE e.observer = ?1)",
            [id],
            |r| r.get(0),
        )
        .map_err(|e| Refusal::Damaged(Damage::sqlite(&e)))
}

/// The observer's statement, when the file holds one: it must verify with their key.
fn check_statement(
    observer: ObserverId,
    name: &str,
    public: Option<&[u8; 32]>,
    digest: Option<&str>,
    statement: Option<&str>,
) -> Option<ChainProblem> {
    let statement = statement?;
    let valid = match (
        public,
        digest.and_then(events::parse_hash),
        hex::decode(statement)
            .ok()
            .and_then(|b| <[u8; 64]>::try_from(b).ok()),
    ) {
        (Some(key), Some(digest), Some(sig)) => {
            chain::statement_is_valid(observer, name, key, &digest, &sig)
        }
        _ => false,
    };
    (!valid).then_some(ChainProblem::BadStatement)
}

/// The signature of the observer's furthest signed event (schema 5): the only one verified
/// (each covers the chain up to its position, whose hashes were all recomputed).
fn check_last_signature(
    db: &Untrusted,
    id: &str,
    key_at: &dyn Fn(u64) -> Option<[u8; 32]>,
    observer: ObserverId,
    check: &mut ChainCheck,
) -> Result<(), Refusal> {
    let damaged = |e: rusqlite::Error| Refusal::Damaged(Damage::sqlite(&e));
    let last: Option<(i64, String, String)> = db
        .conn
        .query_row(
            "SELECT e.seq, e.hash, s.signature FROM event e JOIN event_signature s
               ON s.event = e.id
             WHERE e.observer = ?1 ORDER BY e.seq DESC LIMIT 1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()
        .map_err(damaged)?;
    let Some((seq, hash_hex, signature_hex)) = last else {
        return Ok(());
    };
    let seq = seq.unsigned_abs();
    let Some(key) = key_at(seq) else {
        check.problem = Some(ChainProblem::NoPublicKey);
        return Ok(());
    };
    let valid = match (
        events::parse_hash(&hash_hex),
        hex::decode(&signature_hex)
            .ok()
            .and_then(|b| <[u8; 64]>::try_from(b).ok()),
    ) {
        (Some(h), Some(s)) => chain::head_signature_is_valid(&key, observer, seq, &h, &s),
        _ => false,
    };
    if valid {
        check.signed_up_to = Some(check.signed_up_to.map_or(seq, |m| m.max(seq)));
    } else {
        check.problem = Some(ChainProblem::BadHeadSignature { seq });
    }
    Ok(())
}

/// A key-change event of a chain (issue 15 point 3): where, its hash, the two keys, and whether
/// it is signed by its new key only.
struct KeyChange {
    seq: u64,
    hash: Hash,
    from: [u8; 32],
    to: [u8; 32],
    lost: bool,
}

/// The key that signs position `seq` of a chain with the key changes `changes` (settled) and the
/// key `current` now: a change's old key up to it (its own position too, unless the old key was
/// lost), its new key after it.
fn key_at(seq: u64, changes: &[KeyChange], current: [u8; 32]) -> [u8; 32] {
    let steps = changes.iter().map(|c| chain::KeyStep {
        seq: c.seq,
        from: c.from,
        to: c.to,
        lost: c.lost,
    });
    chain::key_at(seq, steps, current)
}

/// Checks the key changes of a chain whose key is now `current`: each signed by its old key
/// (or by its new key only: lost, then a [`ChainProblem::KeyChangeUnproven`]), the first one's
/// old key the one that signed the position before it, each old key the previous new one, the
/// last new key `current`.
fn settle_changes(
    db: &Untrusted,
    id: &str,
    observer: ObserverId,
    changes: &mut [KeyChange],
    current: [u8; 32],
) -> Result<Option<ChainProblem>, Refusal> {
    let damaged = |e: rusqlite::Error| Refusal::Damaged(Damage::sqlite(&e));
    let signature_at = |seq: u64| -> Result<Option<(Hash, [u8; 64])>, Refusal> {
        let row: Option<(String, String)> = db
            .conn
            .query_row(
                "SELECT e.hash, s.signature FROM event e JOIN event_signature s ON s.event = e.id
                 WHERE e.observer = ?1 AND e.seq = ?2",
                rusqlite::params![id, i64::try_from(seq).unwrap_or(i64::MAX)],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(damaged)?;
        Ok(row.and_then(|(h, s)| {
            Some((
                events::parse_hash(&h)?,
                hex::decode(s).ok()?.try_into().ok()?,
            ))
        }))
    };
    let Some(first) = changes.first() else {
        return Ok(None);
    };
    // The position before the first change is signed by its old key, when signed at all.
    if first.seq > 1
        && let Some((hash, sig)) = signature_at(first.seq - 1)?
        && !chain::head_signature_is_valid(&first.from, observer, first.seq - 1, &hash, &sig)
    {
        return Ok(Some(ChainProblem::KeyChangeBroken { seq: first.seq }));
    }
    let mut key = first.from;
    let mut unproven = None;
    for c in changes.iter_mut() {
        let broken = Some(ChainProblem::KeyChangeBroken { seq: c.seq });
        if c.from != key {
            return Ok(broken);
        }
        let Some((_, sig)) = signature_at(c.seq)? else {
            return Ok(broken);
        };
        if chain::head_signature_is_valid(&c.from, observer, c.seq, &c.hash, &sig) {
            c.lost = false;
        } else if chain::head_signature_is_valid(&c.to, observer, c.seq, &c.hash, &sig) {
            c.lost = true;
            unproven.get_or_insert_with(|| ChainProblem::KeyChangeUnproven {
                seq: c.seq,
                fingerprint: crate::domain::fingerprint::Fingerprint::of(&c.to),
            });
        } else {
            return Ok(broken);
        }
        key = c.to;
    }
    if key != current {
        return Ok(Some(ChainProblem::KeyChangeBroken {
            seq: changes.last().map_or(0, |c| c.seq),
        }));
    }
    Ok(unproven)
}

fn step(seq: &mut u64, hash: &mut Hash, event: &Event, stored: &Hash) -> Result<(), ChainProblem> {
    if event.seq != *seq + 1 {
        return Err(chain::ChainBreak::Gap {
            expected: *seq + 1,
            found: event.seq,
        }
        .into());
    }
    let expected = chain::link(hash, event);
    if &expected != stored {
        return Err(chain::ChainBreak::Mismatch {
            id: event.id.to_string(),
            seq: event.seq,
        }
        .into());
    }
    *seq = event.seq;
    *hash = expected;
    Ok(())
}

fn check_head(
    db: &Untrusted,
    id: &str,
    key_at: &dyn Fn(u64) -> Option<[u8; 32]>,
    observer: ObserverId,
    check: &mut ChainCheck,
) -> Result<(), Refusal> {
    let damaged = |e: rusqlite::Error| Refusal::Damaged(Damage::sqlite(&e));
    let head: Option<(i64, String, String)> = db
        .conn
        .query_row(
            "SELECT seq, hash, signature FROM chain_head WHERE observer = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()
        .map_err(damaged)?;
    let Some((seq, hash_hex, signature_hex)) = head else {
        return Ok(());
    };
    let seq = seq.unsigned_abs();
    let hash = events::parse_hash(&hash_hex);
    let signature: Option<[u8; 64]> = hex::decode(&signature_hex)
        .ok()
        .and_then(|b| b.try_into().ok());
    let key = key_at(seq);
    let at: Option<String> = db
        .conn
        .query_row(
            "SELECT hash FROM event WHERE observer = ?1 AND seq = ?2",
            rusqlite::params![id, seq as i64],
            |r| r.get(0),
        )
        .optional()
        .map_err(damaged)?;
    check.problem = match (hash, signature, key) {
        // The head is signed again with the new key at a key change (issue 15 point 3): the
        // key at its position, or the key now.
        (Some(h), Some(s), Some(k))
            if chain::head_signature_is_valid(&k, observer, seq, &h, &s)
                || key_at(u64::MAX).is_some_and(|now| {
                    chain::head_signature_is_valid(&now, observer, seq, &h, &s)
                }) =>
        {
            if at.as_deref() == Some(hash_hex.as_str()) {
                check.signed_up_to = Some(seq);
                None
            } else {
                Some(ChainProblem::HeadMismatch { seq })
            }
        }
        (_, _, None) => Some(ChainProblem::NoPublicKey),
        _ => Some(ChainProblem::BadHeadSignature { seq }),
    };
    Ok(())
}

// Evidence folders and PV references (issue 15 points 4, 5): what `export evidence` and
// `verify --pv` read of a file, besides the chains. Kept here (a child of `storage`, so that the
// store's key stays private to storage) rather than in `mod.rs`.

/// An observer's public key and signed chain head, as a file holds them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ObserverSeal {
    /// The observer.
    pub observer: ObserverId,
    /// Their name.
    pub name: String,
    /// Their Ed25519 public key, when the file has a valid one.
    pub public_key: Option<[u8; 32]>,
    /// Their signed head: position, hash and signature, when the file has one.
    pub head: Option<(u64, Hash, [u8; 64])>,
}

const SEALS: &str = "SELECT o.id, o.name, o.public_key, h.seq, h.hash, h.signature
     FROM observer o LEFT JOIN chain_head h ON h.observer = o.id ORDER BY o.id";

type SealRow = (
    String,
    String,
    Option<String>,
    Option<i64>,
    Option<String>,
    Option<String>,
);

fn seal_of(row: SealRow) -> Option<ObserverSeal> {
    let (id, name, key, seq, hash, signature) = row;
    let observer = ObserverId(uuid::Uuid::parse_str(&id).ok()?);
    let head = match (seq, hash.as_deref().and_then(events::parse_hash), signature) {
        (Some(seq), Some(hash), Some(sig)) => hex::decode(sig)
            .ok()
            .and_then(|b| <[u8; 64]>::try_from(b).ok())
            .map(|sig| (seq.unsigned_abs(), hash, sig)),
        _ => None,
    };
    Some(ObserverSeal {
        observer,
        name,
        public_key: key.as_deref().and_then(events::parse_hash),
        head,
    })
}

fn seals(conn: &rusqlite::Connection) -> rusqlite::Result<Vec<ObserverSeal>> {
    let mut stmt = conn.prepare(SEALS)?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get(0)?,
            r.get(1)?,
            r.get(2)?,
            r.get(3)?,
            r.get(4)?,
            r.get(5)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        out.extend(seal_of(row?));
    }
    Ok(out)
}

impl super::Store {
    /// The local observer's signing key, when this file holds it (not in an exported copy, nor
    /// in a file read from a read-only medium). Read through `app::folder_check::keys_for_signing`.
    pub fn signing_keys(&self) -> Option<&chain::Keypair> {
        match &self.keys {
            super::KeyState::Loaded(keys) => Some(keys),
            _ => None,
        }
    }

    /// Every observer's public key and signed head, in id order (an evidence folder's
    /// `signatures.csv`).
    pub fn head_seals(&self) -> Result<Vec<ObserverSeal>, StorageError> {
        seals(&self.conn).map_err(|e| self.err(super::Doing::ReadingObservers, e))
    }
}

impl Untrusted {
    /// Every key change of the file (issue 15 point 3): the observer, the key change's position
    /// and the key it replaced, in file order. None before schema 10.
    pub fn former_keys(&self) -> Result<Vec<(ObserverId, u64, [u8; 32])>, Refusal> {
        if self.version() < 10 {
            return Ok(Vec::new());
        }
        let damaged = |e: rusqlite::Error| Refusal::Damaged(Damage::sqlite(&e));
        let mut stmt = self
            .conn
            .prepare(
                "SELECT observer, seq, voter FROM event WHERE kind = 'key_change' ORDER BY rowid",
            )
            .map_err(damaged)?;
        let rows: Vec<(String, i64, String)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .map_err(damaged)?
            .collect::<Result<_, _>>()
            .map_err(damaged)?;
        Ok(rows
            .into_iter()
            .filter_map(|(o, seq, from)| {
                Some((
                    ObserverId(uuid::Uuid::parse_str(&o).ok()?),
                    seq.unsigned_abs(),
                    events::parse_hash(&from)?,
                ))
            })
            .collect())
    }

    /// Every observer's public key and signed head, in id order.
    pub fn observer_seals(&self) -> Result<Vec<ObserverSeal>, Refusal> {
        seals(&self.conn).map_err(|e| Refusal::Damaged(Damage::sqlite(&e)))
    }

    /// How many events `observer` has, and the stored hash of the one at `seq`, if any.
    pub fn chain_at(&self, observer: ObserverId, seq: u64) -> Result<(u64, Option<Hash>), Refusal> {
        let damaged = |e: rusqlite::Error| Refusal::Damaged(Damage::sqlite(&e));
        let id = observer.to_string();
        let count: i64 = self
            .conn
            .query_row(
                "SELECT COUNT(*) FROM event WHERE observer = ?1",
                [&id],
                |r| r.get(0),
            )
            .map_err(damaged)?;
        let hash: Option<String> = self
            .conn
            .query_row(
                "SELECT hash FROM event WHERE observer = ?1 AND seq = ?2",
                rusqlite::params![id, i64::try_from(seq).unwrap_or(i64::MAX)],
                |r| r.get(0),
            )
            .optional()
            .map_err(damaged)?;
        Ok((
            count.unsigned_abs(),
            hash.as_deref().and_then(events::parse_hash),
        ))
    }
}
