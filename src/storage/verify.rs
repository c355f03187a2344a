//! Verifying a database someone hands over: every observer's hash chain and signed head, read
//! through the same defensive, read-only connection as a merge.

use std::path::Path;

use rusqlite::OptionalExtension;

use super::StorageError;
use super::error::DataProblem;
use super::events;
use super::untrusted::{Damage, Refusal, Untrusted};
use crate::domain::chain::{self, Hash};
use crate::domain::{Event, ObserverId};
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
    let mut observers = db
        .conn
        .prepare("SELECT id, name, public_key FROM observer ORDER BY name, id")
        .map_err(damaged)?;
    let listed: Vec<(String, String, Option<String>)> = observers
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .map_err(damaged)?
        .collect::<Result<_, _>>()
        .map_err(damaged)?;
    let mut out = Vec::new();
    for (id, name, key) in listed {
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
            check.events += 1;
        }
        if check.problem.is_none() && seq > 0 {
            check.head = Some(hex::encode(hash));
            check_head(&db, &id, key.as_deref(), observer, &mut check)?;
        }
        out.push(check);
    }
    Ok(out)
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
    key: Option<&str>,
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
    let key = key.and_then(events::parse_hash);
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
        (Some(h), Some(s), Some(k))
            if chain::head_signature_is_valid(&k, observer, seq, &h, &s) =>
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
        self.keys.as_ref()
    }

    /// Every observer's public key and signed head, in id order.
    pub fn observer_seals(&self) -> Result<Vec<ObserverSeal>, StorageError> {
        seals(&self.conn).map_err(|e| self.err(super::Doing::ReadingObservers, e))
    }
}

impl Untrusted {
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
