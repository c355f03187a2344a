//! Merging other observers' files into this database: every file is one savepoint, so a bad file
//! contributes nothing, and with `strict` the whole merge is one transaction.
//!
//! Events are a union keyed by id (see [`crate::domain::merge`]): an identical event already held
//! is skipped, an altered one refuses the file. Reference data must agree: same election, and the
//! same candidate behind each (circonscription, panel), unless an official candidate list was
//! imported here, in which case ticks map by (circonscription, panel).

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::{Connection, ErrorCode, OptionalExtension, params};

use super::error::DataProblem;
use super::events::{self, COLUMNS};
use super::untrusted::{Damage, NotSqlite, Refusal, SystemProblem, Untrusted};
use super::{Doing, StorageError, Store};
use crate::domain::chain::{self, GENESIS, Hash};
use crate::domain::fingerprint::Fingerprint;
use crate::domain::merge::{EventProblem, MAX_NAME, MergeConflict, Verdict, check_event, classify};
use crate::domain::referential::ElectionData;
use crate::domain::{Election, Event, EventBody, EventId, ObserverId};
use crate::export::events_csv::RowError;
use crate::i18n::{Lang, Localize, Message, cut};

/// How a merge runs.
#[derive(Debug, Clone, Copy)]
pub struct MergeOptions {
    /// Now, to refuse events from the future.
    pub now: DateTime<Utc>,
    /// Abort everything at the first bad file, leaving the database exactly as it was.
    pub strict: bool,
    /// Take the events of observers with no key (files of constat before schema 5, December
    /// 2026, carried none). Off by default: since then every genuine observer has a key, and a
    /// file stripped of its keys and signatures is a forger's (issue 15).
    pub accept_unsigned: bool,
}

/// What one file brought.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeOutcome {
    /// Events added.
    pub new: u64,
    /// Events already held, identical.
    pub already: u64,
    /// Things worth knowing that did not stop the merge.
    pub warnings: Vec<MergeWarning>,
    /// The observers the file named (whose events it carried), for the merged-files log.
    pub observers: Vec<ObserverId>,
}

/// Something worth knowing about a merged file that did not stop the merge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MergeWarning {
    /// The file's `-wal` is beside it: it was copied while in use.
    LeftoverWal(PathBuf),
}

impl Localize for MergeWarning {
    fn message(&self) -> Message<'_> {
        match self {
            Self::LeftoverWal(wal) => {
                Message::new("warning-leftover-wal").arg("wal", wal.display().to_string())
            }
        }
    }
}

/// Why a file contributed nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MergeRejection {
    /// The file itself is unacceptable.
    Refused(Refusal),
    /// Another election.
    OtherElection {
        /// The file's.
        theirs: String,
        /// Ours.
        ours: String,
    },
    /// The candidate lists differ.
    CandidateDiffers {
        /// Where.
        circ: String,
        /// Which panel.
        panel: u16,
        /// The file's name.
        theirs: String,
        /// Ours.
        ours: String,
    },
    /// An event names a candidate this database does not have.
    UnknownCandidate {
        /// The event.
        event: EventId,
        /// Where.
        circ: String,
        /// Which panel.
        panel: u16,
    },
    /// An event names a bureau this database does not have, in a file whose observers signed
    /// this database's reference digest (its reference rows are not read: the target's are
    /// the ones the digest names).
    UnknownBureau {
        /// The event.
        event: EventId,
        /// The bureau.
        bureau: String,
    },
    /// An event names a circonscription this database does not have (same case).
    UnknownCirconscription {
        /// The event.
        event: EventId,
        /// The circonscription.
        circ: String,
    },
    /// A stored value that does not make sense.
    Invalid(DataProblem),
    /// A row of an events CSV that cannot be read.
    Row(RowError),
    /// A date or text field out of bounds.
    Event(EventProblem),
    /// An event contradicting one already held.
    Conflict(MergeConflict),
    /// A retraction of an event that is not there, or of another observer's event.
    BadRetraction {
        /// The retraction.
        event: EventId,
        /// What it withdraws.
        target: EventId,
    },
    /// An event whose hash does not follow from its content and its predecessor's hash.
    ChainMismatch(EventId),
    /// An observer's events start after a gap.
    ChainGap {
        /// The event.
        event: EventId,
        /// The position expected.
        expected: u64,
        /// Its position.
        found: u64,
    },
    /// A chain head whose signature does not verify, or an observer with another key.
    BadSignature(String, SignatureProblem),
    /// The file's reference data (election, candidates, bureaux) are not those its own observer
    /// signed: edited since (issue 15 point 1).
    ReferenceAltered,
    /// An observer this database already holds with one key — or without a key but with
    /// events that the file's signed chain contradicts — that the file gives with another key:
    /// one of the two is not the observer's (issue 15). Neither wins here by arriving first:
    /// the file is refused as a key conflict for the coordinator to settle.
    KeyConflict {
        /// The observer.
        observer: ObserverId,
        /// The name the file gives.
        name: String,
        /// The key held here (`None`: held without a key).
        ours: Option<Fingerprint>,
        /// The file's key.
        theirs: Fingerprint,
    },
    /// A [`Self::KeyConflict`] with an observer merged here from another file: a key dispute is
    /// now open (schema 12), and the observer's events held here are set aside from the
    /// findings until the coordinator settles it (`merge --accept-key`).
    KeyDisputed {
        /// The observer.
        observer: ObserverId,
        /// The name the file gives.
        name: String,
        /// The key held here (`None`: held without a key).
        held: Option<Fingerprint>,
        /// The file's key.
        claimed: Fingerprint,
        /// This database (the target to name in the command that settles it).
        target: String,
    },
    /// A file with a key the coordinator rejected for this observer (a dispute settled for the
    /// key held here).
    KeyRejected {
        /// The name the file gives.
        name: String,
        /// The file's key.
        claimed: Fingerprint,
        /// The key kept.
        kept: Fingerprint,
    },
    /// A file with the key the coordinator accepted, for an observer whose events held here
    /// were signed with the rejected key: those stay set aside, and this append-only database
    /// cannot take the file's chain in their place.
    HeldKeyRejected {
        /// The name the file gives.
        name: String,
        /// The rejected key held here (`None`: held without a key).
        held: Option<Fingerprint>,
        /// The key accepted.
        accepted: Fingerprint,
    },
    /// An event whose observer the file does not list.
    UnknownObserver(EventId),
    /// Our own database failed.
    Storage(SystemProblem),
    /// Our own database holds a value that makes no sense.
    OursInvalid(DataProblem),
    // Issue 15 (sign): every event covered by a signature, statements, time.
    /// Events of a keyed observer that no valid signature covers: positions `first` to `last`,
    /// signed only up to `signed` (0: not at all).
    Unsigned {
        /// The observer.
        observer: ObserverId,
        /// The first position not covered.
        first: u64,
        /// The observer's last position in the file.
        last: u64,
        /// The last position covered by a valid signature.
        signed: u64,
    },
    /// The last signature of an observer's events in the file does not verify.
    EventSignature {
        /// The observer.
        observer: ObserverId,
        /// The signed position.
        seq: u64,
    },
    /// An observer's signed statement (name, key, reference digest) does not verify.
    BadStatement {
        /// The observer.
        observer: ObserverId,
        /// The name the file gives.
        name: String,
    },
    /// A key change signed with its new key only (`constat key new --lost`): taken only with
    /// `merge --accept-key` of that key (issue 15 point 3).
    KeyChangeNotAccepted {
        /// The observer.
        observer: ObserverId,
        /// The name the file gives.
        name: String,
        /// The key change's position.
        seq: u64,
        /// The new key's fingerprint.
        fingerprint: Fingerprint,
    },
    /// An observer with no key, neither in the file nor here: nothing proves who wrote their
    /// events (a file stripped of its keys, or one of constat before schema 5).
    Unkeyed {
        /// The observer.
        observer: ObserverId,
        /// The name the file gives.
        name: String,
    },
    /// A keyed observer whose events the file signs, without the signed statement that covers
    /// their name and reference data: it was removed (issue 15).
    StatementMissing {
        /// The observer.
        observer: ObserverId,
        /// The name the file gives.
        name: String,
    },
    /// `recorded_at` goes back along an observer's chain.
    TimeGoesBack {
        /// The observer.
        observer: ObserverId,
        /// The position.
        seq: u64,
        /// Its time.
        at: DateTime<Utc>,
        /// The time of the position before.
        previous: DateTime<Utc>,
    },
    /// An event recorded more than [`MAX_AHEAD_MINUTES`] minutes after now on this machine.
    FromTheFuture {
        /// The observer.
        observer: ObserverId,
        /// The position.
        seq: u64,
        /// Its time.
        at: DateTime<Utc>,
        /// Now, here.
        now: DateTime<Utc>,
    },
    /// With a roster in the target, an observer of the file whose key is not enrolled, or who
    /// has no key at all (an unsigned file): the roster admits enrolled keys only, whatever the
    /// file's format (issue 15 point 2).
    NotEnrolled {
        /// The observer.
        observer: ObserverId,
        /// The name the file gives.
        name: String,
        /// The key's fingerprint (`None`: the file gives no key).
        fingerprint: Option<Fingerprint>,
    },
    // Issue 19 (photos).
    /// A photo's bytes in the file do not hash to what its event announces.
    PhotoMismatch {
        /// The hash the event announces (hex).
        sha256: String,
        /// The hash of the bytes found (hex).
        found: String,
    },
    /// A photo's bytes are over [`crate::domain::MAX_PHOTO_BYTES`].
    PhotoTooLarge {
        /// The hash (hex, as the file gives it).
        sha256: String,
        /// Its size.
        size: u64,
    },
    /// More photos than [`MAX_PHOTOS_PER_FILE`] in one file.
    TooManyPhotos {
        /// How many the file holds.
        count: u64,
    },
    // Issue 18 point 1 (night): a database copied by hand and used beside the original.
    /// The file holds, for an observer, a chain that leaves the one held here at `seq`, with
    /// the same identity and the same valid key: a copy of another observer's database.
    CopiedDatabase {
        /// The observer whose identity the two files share.
        observer: ObserverId,
        /// Their name, as the file gives it.
        name: String,
        /// The first position where the two chains differ.
        seq: u64,
    },
}

/// The most photos one merged file may bring.
pub const MAX_PHOTOS_PER_FILE: u64 = 2_000;

/// How far ahead of the receiving machine's clock an event may be recorded (clocks differ by a
/// little; more is a wrong clock or a forgery).
pub const MAX_AHEAD_MINUTES: i64 = 5;

/// What is wrong with an observer's key or signed chain head.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignatureProblem {
    /// The file signs a head for an observer it does not list.
    UnlistedObserver,
    /// A signed head, but no key.
    NoPublicKey,
    /// The head's hash is not 64 hex digits.
    MalformedHash,
    /// The signature is not 128 hex digits.
    MalformedSignature,
    /// The signature does not verify.
    DoesNotVerify,
    /// The signed head is not the observer's event at that position.
    HeadMismatch,
    /// This database knows the observer with another key.
    OtherKey,
}

impl Localize for SignatureProblem {
    fn message(&self) -> Message<'_> {
        match self {
            Self::UnlistedObserver => Message::new("refusal-signature-unlisted-observer"),
            Self::NoPublicKey => Message::new("refusal-signature-no-public-key"),
            Self::MalformedHash => Message::new("refusal-signature-malformed-hash"),
            Self::MalformedSignature => Message::new("refusal-signature-malformed"),
            Self::DoesNotVerify => Message::new("refusal-signature-does-not-verify"),
            Self::HeadMismatch => Message::new("refusal-signature-head-mismatch"),
            Self::OtherKey => Message::new("refusal-signature-other-key"),
        }
    }
}

impl Localize for MergeRejection {
    fn message(&self) -> Message<'_> {
        match self {
            Self::Refused(r) => r.message(),
            Self::OtherElection { theirs, ours } => Message::new("refusal-other-election")
                .arg("theirs", cut(theirs))
                .arg("ours", ours),
            Self::CandidateDiffers {
                circ,
                panel,
                theirs,
                ours,
            } => Message::new("refusal-candidate-differs")
                .arg("circ", cut(circ))
                .arg("panel", panel.to_string())
                .arg("theirs", cut(theirs))
                .arg("ours", ours),
            Self::UnknownCandidate { event, circ, panel } => {
                Message::new("refusal-unknown-candidate")
                    .arg("event", event.to_string())
                    .arg("circ", cut(circ))
                    .arg("panel", panel.to_string())
            }
            Self::UnknownBureau { event, bureau } => Message::new("refusal-unknown-bureau")
                .arg("event", event.to_string())
                .arg("bureau", cut(bureau)),
            Self::UnknownCirconscription { event, circ } => {
                Message::new("refusal-unknown-circonscription")
                    .arg("event", event.to_string())
                    .arg("circ", cut(circ))
            }
            Self::Invalid(what) => Message::new("refusal-invalid").arg("what", what),
            Self::Row(row) => Message::new("refusal-invalid").arg("what", row),
            Self::Event(p) => p.message(),
            Self::Conflict(c) => c.message(),
            Self::BadRetraction { event, target } => Message::new("refusal-bad-retraction")
                .arg("event", event.to_string())
                .arg("target", target.to_string()),
            Self::ChainMismatch(id) => {
                Message::new("refusal-chain-mismatch").arg("event", id.to_string())
            }
            Self::ChainGap {
                event,
                expected,
                found,
            } => Message::new("refusal-chain-gap")
                .arg("event", event.to_string())
                .arg("last", expected.saturating_sub(1).to_string())
                .arg("found", found.to_string()),
            Self::BadSignature(observer, why) => Message::new("refusal-bad-signature")
                .arg("observer", cut(observer))
                .arg("why", why),
            Self::ReferenceAltered => Message::new("refusal-reference-altered"),
            Self::KeyConflict {
                observer,
                name,
                ours,
                theirs,
            } => Message::new("refusal-key-conflict")
                .arg("observer", observer.to_string())
                .arg("name", cut(name))
                .arg(
                    "ours",
                    ours.as_ref()
                        .map_or_else(|| "none".to_owned(), ToString::to_string),
                )
                .arg("theirs", theirs.to_string()),
            Self::KeyDisputed {
                observer,
                name,
                held,
                claimed,
                target,
            } => Message::new("refusal-key-disputed")
                .arg("target", cut(target))
                .arg("observer", observer.to_string())
                .arg("name", cut(name))
                .arg(
                    "held",
                    held.as_ref()
                        .map_or_else(|| "none".to_owned(), ToString::to_string),
                )
                .arg("claimed", claimed.to_string()),
            Self::KeyRejected {
                name,
                claimed,
                kept,
            } => Message::new("refusal-key-rejected")
                .arg("name", cut(name))
                .arg("claimed", claimed.to_string())
                .arg("kept", kept.to_string()),
            Self::HeldKeyRejected {
                name,
                held,
                accepted,
            } => Message::new("refusal-held-key-rejected")
                .arg("name", cut(name))
                .arg(
                    "held",
                    held.as_ref()
                        .map_or_else(|| "none".to_owned(), ToString::to_string),
                )
                .arg("accepted", accepted.to_string()),
            Self::UnknownObserver(id) => {
                Message::new("refusal-unknown-observer").arg("event", id.to_string())
            }
            Self::Storage(why) => Message::new("refusal-ours").arg("what", why),
            Self::OursInvalid(what) => Message::new("refusal-ours").arg("what", what),
            Self::Unsigned {
                observer,
                first,
                last,
                signed,
            } => Message::new("refusal-unsigned")
                .arg("observer", observer.to_string())
                .arg("first", first.to_string())
                .arg("last", last.to_string())
                .arg("signed", signed.to_string()),
            Self::EventSignature { observer, seq } => Message::new("refusal-event-signature")
                .arg("observer", observer.to_string())
                .arg("seq", seq.to_string()),
            Self::BadStatement { observer, name } => Message::new("refusal-bad-statement")
                .arg("observer", observer.to_string())
                .arg("name", cut(name)),
            Self::KeyChangeNotAccepted {
                observer,
                name,
                seq,
                fingerprint,
            } => Message::new("refusal-key-change-not-accepted")
                .arg("observer", observer.to_string())
                .arg("name", cut(name))
                .arg("seq", seq.to_string())
                .arg("fingerprint", fingerprint.to_string()),
            Self::Unkeyed { observer, name } => Message::new("refusal-unkeyed")
                .arg("observer", observer.to_string())
                .arg("name", cut(name)),
            Self::StatementMissing { observer, name } => Message::new("refusal-statement-missing")
                .arg("observer", observer.to_string())
                .arg("name", cut(name)),
            Self::TimeGoesBack {
                observer,
                seq,
                at,
                previous,
            } => Message::new("refusal-time-goes-back")
                .arg("observer", observer.to_string())
                .arg("seq", seq.to_string())
                .arg("at", events::format_time(*at))
                .arg("previous", events::format_time(*previous)),
            Self::FromTheFuture {
                observer,
                seq,
                at,
                now,
            } => Message::new("refusal-from-the-future")
                .arg("observer", observer.to_string())
                .arg("seq", seq.to_string())
                .arg("at", events::format_time(*at))
                .arg("now", events::format_time(*now))
                .arg("minutes", MAX_AHEAD_MINUTES.to_string()),
            Self::NotEnrolled {
                observer,
                name,
                fingerprint,
            } => Message::new("refusal-not-enrolled")
                .arg("observer", observer.to_string())
                .arg("name", cut(name))
                .arg(
                    "fingerprint",
                    fingerprint
                        .as_ref()
                        .map_or_else(|| "none".to_owned(), ToString::to_string),
                ),
            Self::PhotoMismatch { sha256, found } => Message::new("refusal-photo-mismatch")
                .arg("sha", cut(sha256))
                .arg("found", cut(found)),
            Self::PhotoTooLarge { sha256, size } => Message::new("refusal-photo-too-large")
                .arg("sha", cut(sha256))
                .arg("size", size.to_string())
                .arg("max", crate::domain::MAX_PHOTO_BYTES.to_string()),
            Self::TooManyPhotos { count } => Message::new("refusal-too-many-photos")
                .arg("count", count.to_string())
                .arg("max", MAX_PHOTOS_PER_FILE.to_string()),
            Self::CopiedDatabase {
                observer,
                name,
                seq,
            } => Message::new("refusal-copied-database")
                .arg("observer", observer.to_string())
                .arg("name", cut(name))
                .arg("seq", seq.to_string()),
        }
    }
}

impl MergeRejection {
    /// A failure of the target, not of the file: the merge must stop, not go on to the next file.
    pub fn is_target_failure(&self) -> bool {
        matches!(self, Self::Storage(_) | Self::OursInvalid(_))
    }

    /// The file's chain disagrees with one held here (another event at a position, another
    /// hash, a second chain).
    fn is_chain_disagreement(&self) -> bool {
        matches!(
            self,
            Self::Conflict(_)
                | Self::ChainMismatch(_)
                | Self::ChainGap { .. }
                | Self::Unsigned { .. }
                | Self::EventSignature { .. }
                | Self::CopiedDatabase { .. }
        )
    }
}

/// An observer held here without a key, with events, whom the file gives with a key: if the
/// file's chain then disagrees with the one held, the unsigned chain held may be a copy stripped
/// of its key that arrived first (issue 15), and the refusal says so (a key conflict) rather
/// than blaming the signed file's events.
#[derive(Debug, Clone)]
struct KeyedOverUnsigned {
    observer: ObserverId,
    name: String,
    theirs: Fingerprint,
}

/// `result`, with a chain disagreement said as the key conflict it may be (see
/// [`KeyedOverUnsigned`]) when exactly one observer of the file was in that case.
fn as_key_conflict<T>(
    result: Result<T, MergeRejection>,
    keyed: &[KeyedOverUnsigned],
) -> Result<T, MergeRejection> {
    match (result, keyed) {
        (Err(e), [one]) if e.is_chain_disagreement() => Err(MergeRejection::KeyConflict {
            observer: one.observer,
            name: one.name.clone(),
            ours: None,
            theirs: one.theirs.clone(),
        }),
        (other, _) => other,
    }
}

/// A file whose chain disagrees with the one held here for an observer it gives with another
/// key than ours, without a key change that settles it: a key conflict, as before key changes
/// were read (issue 15 point 3), naming both keys rather than blaming the file's events.
fn as_pending_conflict(e: MergeRejection, plan: &KeyPlan) -> MergeRejection {
    match plan.pending.first() {
        Some((o, held)) if e.is_chain_disagreement() => MergeRejection::KeyConflict {
            observer: o.id,
            name: o.name.clone(),
            ours: Some(Fingerprint::of(held)),
            theirs: o
                .key
                .as_ref()
                .map_or_else(|| Fingerprint::of(held), Fingerprint::of),
        },
        _ => e,
    }
}

impl std::fmt::Display for MergeRejection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for MergeRejection {}

impl From<Refusal> for MergeRejection {
    fn from(r: Refusal) -> Self {
        Self::Refused(r)
    }
}

impl From<EventProblem> for MergeRejection {
    fn from(p: EventProblem) -> Self {
        Self::Event(p)
    }
}

impl From<MergeConflict> for MergeRejection {
    fn from(c: MergeConflict) -> Self {
        Self::Conflict(c)
    }
}

impl From<StorageError> for MergeRejection {
    fn from(e: StorageError) -> Self {
        match e {
            StorageError::Invalid { what, .. } => Self::Invalid(what),
            StorageError::Sqlite { source, .. } => Self::Storage(SystemProblem::sqlite(&source)),
            // Not met when reading an open database; said in English as a detail.
            other => Self::Storage(SystemProblem::said(other.to_string())),
        }
    }
}

#[allow(clippy::needless_pass_by_value)] // used as `map_err(ours)`
fn ours(e: rusqlite::Error) -> MergeRejection {
    MergeRejection::Storage(SystemProblem::sqlite(&e))
}

/// Events handed to the merge, one at a time, with their observer's name.
pub type EventSource<'s> = &'s mut dyn FnMut(
    &mut dyn FnMut(Event, Hash) -> Result<(), MergeRejection>,
) -> Result<(), MergeRejection>;

/// An event's signature (of the chain head at its position).
type Sig = [u8; 64];

/// Events handed to the merge with their signatures, when they carry one.
type SignedSource<'s> = &'s mut dyn FnMut(
    &mut dyn FnMut(Event, Hash, Option<Sig>) -> Result<(), MergeRejection>,
) -> Result<(), MergeRejection>;

/// What this database knows of the candidates, looked up as needed and remembered for one file.
struct Known<'c> {
    conn: &'c Connection,
    seen: HashMap<String, HashMap<u16, Option<String>>>,
    official_list: bool,
}

impl<'c> Known<'c> {
    fn new(conn: &'c Connection) -> rusqlite::Result<Self> {
        let official_list: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM import_log WHERE kind = 'candidates')",
            [],
            |r| r.get(0),
        )?;
        Ok(Self {
            conn,
            seen: HashMap::new(),
            official_list,
        })
    }

    /// The name of candidate `panel` of `circ` here ("SURNAME Given"), if any.
    fn name(&mut self, circ: &str, panel: u16) -> rusqlite::Result<Option<&String>> {
        // Looked up by reference first: this runs for every tick of a merge.
        if !self.seen.get(circ).is_some_and(|p| p.contains_key(&panel)) {
            let name: Option<String> = self
                .conn
                .prepare_cached(
                    "SELECT surname || ' ' || given_name FROM candidate WHERE circonscription = ?1 AND panel = ?2",
                )?
                .query_row(params![circ, panel], |r| r.get(0))
                .optional()?;
            self.seen
                .entry(circ.to_owned())
                .or_default()
                .insert(panel, name);
        }
        Ok(self
            .seen
            .get(circ)
            .and_then(|p| p.get(&panel))
            .and_then(Option::as_ref))
    }
}

impl Store {
    /// Starts a merge: one `BEGIN IMMEDIATE` when `strict`, so that [`Store::finish_merge`] can
    /// undo everything.
    pub fn begin_merge(&mut self, options: MergeOptions) -> Result<(), StorageError> {
        if options.strict {
            self.conn
                .execute_batch("BEGIN IMMEDIATE")
                .map_err(|e| self.err(Doing::StartingMerge, e))?;
        }
        Ok(())
    }

    /// Caps the target at its present size plus `pages` pages, as a full disk would: a test hook
    /// (`CONSTAT_TEST_TARGET_MAX_PAGES`), the only reliable way to make a target fail under root.
    pub fn limit_growth_for_tests(&mut self, pages: i64) -> Result<(), StorageError> {
        let now: i64 = self
            .conn
            .pragma_query_value(None, "page_count", |r| r.get(0))
            .map_err(|e| self.err(Doing::StartingMerge, e))?;
        self.conn
            .pragma_update(None, "max_page_count", now + pages)
            .map_err(|e| self.err(Doing::StartingMerge, e))
    }

    /// This database's reference digest, computed once and remembered while nothing changes
    /// it (this connection's change count and `data_version`, which counts other connections'
    /// commits, stay the same, or only a fast-path merge ran).
    fn target_digest(&mut self) -> Result<Hash, MergeRejection> {
        let stamp = digest_stamp(&self.conn).map_err(ours)?;
        if let Some(known) = &self.merge_digest
            && known.stamp == stamp
        {
            return Ok(known.digest);
        }
        let data = self.election_data().map_err(|e| match e {
            StorageError::Invalid { what, .. } => MergeRejection::OursInvalid(what),
            other => MergeRejection::from(other),
        })?;
        let digest = crate::domain::reference_digest::reference_digest(&data);
        self.merge_digest = Some(TargetDigest { digest, stamp });
        Ok(digest)
    }

    /// Ends a merge: commits a strict merge, or rolls it back when `abort`.
    pub fn finish_merge(&mut self, options: MergeOptions, abort: bool) -> Result<(), StorageError> {
        // A rollback undoes reference rows without changing the change count.
        self.merge_digest = None;
        if options.strict {
            let sql = if abort { "ROLLBACK" } else { "COMMIT" };
            self.conn
                .execute_batch(sql)
                .map_err(|e| self.err(Doing::FinishingMerge, e))?;
        }
        Ok(())
    }

    fn in_savepoint<T>(
        &mut self,
        options: MergeOptions,
        work: impl FnOnce(&Connection) -> Result<T, MergeRejection>,
    ) -> Result<T, MergeRejection> {
        let (begin, commit, rollback) = if options.strict {
            (
                "SAVEPOINT merge_file",
                "RELEASE merge_file",
                "ROLLBACK TO merge_file; RELEASE merge_file",
            )
        } else {
            ("BEGIN IMMEDIATE", "COMMIT", "ROLLBACK")
        };
        // A big file writes far more pages than the default 2 MiB cache holds: a larger cache
        // keeps SQLite from spilling the same index pages to the WAL again and again in
        // mid-transaction. Memory is taken only as pages are used; reset afterwards.
        let cache_pages: i64 = self
            .conn
            .pragma_query_value(None, "cache_size", |r| r.get(0))
            .map_err(ours)?;
        self.conn
            .pragma_update(None, "cache_size", MERGE_CACHE_KIB)
            .map_err(ours)?;
        // The fast path's multi-row inserts keep a statement journal (to undo a failed
        // statement): in memory rather than in a temporary file; it holds one batch's pages.
        // Only a matter of speed: where SQLite refuses the change (temporary storage already
        // open inside a transaction), the merge goes on with the file.
        let temp_store: Option<i64> = self
            .conn
            .pragma_query_value(None, "temp_store", |r| r.get(0))
            .ok()
            .filter(|_| {
                self.conn
                    .pragma_update(None, "temp_store", "MEMORY")
                    .is_ok()
            });
        // Foreign keys are checked by the merge itself (every event's observer is listed, every
        // signature's event is written or held, reference rows come before what names them):
        // off for the file's transaction, which saves a lookup per row. Outside a transaction
        // only (SQLite ignores the change inside one: a strict merge keeps them on).
        let foreign_keys =
            !options.strict && self.conn.pragma_update(None, "foreign_keys", false).is_ok();
        let result =
            self.conn
                .execute_batch(begin)
                .map_err(ours)
                .and_then(|()| match work(&self.conn) {
                    Ok(t) => {
                        self.conn.execute_batch(commit).map_err(ours)?;
                        Ok(t)
                    }
                    Err(e) => {
                        let _ = self.conn.execute_batch(rollback);
                        Err(e)
                    }
                });
        let reset = self
            .conn
            .pragma_update(None, "cache_size", cache_pages)
            .map_err(ours);
        if let Some(mode) = temp_store {
            let _ = self.conn.pragma_update(None, "temp_store", mode);
        }
        if foreign_keys {
            self.conn
                .pragma_update(None, "foreign_keys", true)
                .map_err(ours)?;
        }
        let t = result?;
        reset?;
        Ok(t)
    }

    /// The keys `merge --accept-key` names: a key change signed with one of them only (a lost
    /// key, `constat key new --lost`) is taken (issue 15 point 3). The key disputes held here that those keys settle are settled now (schema 12).
    pub fn accept_keys(
        &mut self,
        keys: Vec<Fingerprint>,
        now: DateTime<Utc>,
    ) -> Result<Vec<crate::domain::key_dispute::KeyDispute>, StorageError> {
        self.accepted_keys = keys;
        self.settle_key_disputes(&self.accepted_keys, now)
    }

    /// Merges another observer's database file. `progress` is called with the number of events
    /// read so far, every few thousand events.
    pub fn merge_database(
        &mut self,
        file: &Path,
        options: MergeOptions,
        progress: &mut dyn FnMut(u64),
    ) -> Result<MergeOutcome, MergeRejection> {
        // Looked at before opening: opening a WAL-mode file may create its `-wal` beside it.
        let wal = PathBuf::from(format!("{}-wal", file.display()));
        let leftover_wal = wal.exists();
        // Integrity checked first on the tables the fast path reads; on the whole file before
        // reading anything else.
        let mut theirs = Untrusted::open_checking(file, FAST_PATH_TABLES)?;
        let observers = their_observers(&theirs)?;
        // Issue 18: when the file's own observer signed a reference digest equal to ours, the
        // reference data it worked against is exactly ours: none of its reference rows is
        // read, compared or copied (O(1) per file). Otherwise, the whole comparison.
        let fast = match their_local_digest(&theirs, &observers)? {
            Some(digest) => self.target_digest()? == digest,
            None => false,
        };
        let their_data = if fast {
            None
        } else {
            self.merge_digest = None;
            theirs.check_all()?;
            // Their file failing is theirs, not the target's.
            let data = super::referential::load(&theirs.conn, file).map_err(|e| match e {
                StorageError::Sqlite { source, .. } => {
                    MergeRejection::Refused(Refusal::Damaged(Damage::sqlite(&source)))
                }
                other => MergeRejection::from(other),
            })?;
            let our_election = self.election()?;
            check_election(&data.election, &our_election)?;
            // Rows edited after their observer signed them are not taken (issue 15 point 1).
            if theirs.version() >= 5 {
                let signed = super::referential::rows_as_signed(&theirs.conn, &data)
                    .map_err(|e| MergeRejection::Refused(Refusal::Damaged(Damage::sqlite(&e))))?;
                if signed == Some(false) {
                    return Err(MergeRejection::ReferenceAltered);
                }
            }
            Some(data)
        };
        let mut warnings = Vec::new();
        if leftover_wal {
            warnings.push(MergeWarning::LeftoverWal(wal.clone()));
        }
        let version = theirs.version();
        let accepted = self.accepted_keys.clone();
        let merged = self.in_savepoint(options, |conn| {
            if let Some(data) = &their_data {
                adopt_reference_data(conn, data)?;
            }
            let mut plan = KeyPlan::default();
            let keyed = adopt_observers(conn, &observers, options.now, &mut plan)?;
            let ids: HashSet<ObserverId> = observers.iter().map(|o| o.id).collect();
            let mut source =
                |sink: &mut dyn FnMut(Event, Hash, Option<Sig>) -> Result<(), MergeRejection>| {
                    let damaged = |e: rusqlite::Error| {
                        MergeRejection::Refused(Refusal::Damaged(Damage::sqlite(&e)))
                    };
                    // Storage order: constat writes each observer's events in seq order, and
                    // reading in that order is a sequential scan. From schema 5 each event's
                    // signature comes with it (one primary-key lookup per event).
                    let sql = if version >= 5 {
                        format!(
                        "SELECT {}, (SELECT signature FROM event_signature WHERE event = event.id)
                         FROM event ORDER BY rowid",
                        events::columns_of_version(version)
                    )
                    } else {
                        format!(
                            "SELECT {}, NULL FROM event ORDER BY rowid",
                            events::columns_of_version(version)
                        )
                    };
                    let mut stmt = theirs.conn.prepare(&sql).map_err(damaged)?;
                    let mut rows = stmt.query([]).map_err(damaged)?;
                    while let Some(row) = rows.next().map_err(damaged)? {
                        let (event, hash) =
                            events::decode_with_hash(row, file).map_err(|e| match e {
                                StorageError::Invalid { what, .. } => MergeRejection::Invalid(what),
                                StorageError::Sqlite { source, .. } => MergeRejection::Refused(
                                    Refusal::Damaged(Damage::sqlite(&source)),
                                ),
                                other => MergeRejection::from(other),
                            })?;
                        if !ids.contains(&event.observer) {
                            return Err(MergeRejection::UnknownObserver(event.id));
                        }
                        // Decoded from SQLite's bytes, without a copy.
                        let signature = match row.get_ref(events::BOUND).map_err(damaged)? {
                            rusqlite::types::ValueRef::Null => None,
                            value => {
                                let mut sig = [0u8; 64];
                                let ok = matches!(value, rusqlite::types::ValueRef::Text(t)
                                    if hex::decode_to_slice(t, &mut sig).is_ok());
                                if !ok {
                                    return Err(MergeRejection::BadSignature(
                                        event.observer.to_string(),
                                        SignatureProblem::MalformedSignature,
                                    ));
                                }
                                Some(sig)
                            }
                        };
                        sink(event, hash, signature)?;
                    }
                    Ok(())
                };
            // On the fast path the file's reference rows were not read: every place its events
            // name must be one of ours.
            as_key_conflict(
                (|| {
                    let mut merger = merge_events(conn, options.now, fast, &mut source, progress)?;
                    merger.check_forks(&observers)?;
                    settle_key_changes(conn, &mut merger, &observers, &plan, &accepted)?;
                    let heads = adopt_heads(conn, &theirs, &observers, &merger.key_changes)?;
                    merger.check_coverage(&observers, &heads, options.accept_unsigned)?;
                    if version >= 8 {
                        super::photos::copy_from(conn, &theirs.conn)?;
                    }
                    Ok(merger.outcome)
                })(),
                &keyed,
            )
            .map_err(|e| as_pending_conflict(e, &plan))
        });
        // The fast path writes no reference row: the digest stays ours. Anything else may
        // have changed (or undone) reference rows: computed again for the next file.
        match (&merged, fast, self.merge_digest.as_mut()) {
            (Ok(_), true, Some(known)) => known.stamp = digest_stamp(&self.conn).map_err(ours)?,
            _ => self.merge_digest = None,
        }
        let mut outcome = merged.map_err(|e| self.disputed(e, file, options.now))?;
        outcome.warnings.extend(warnings);
        outcome.observers = observers.iter().map(|o| o.id).collect();
        Ok(outcome)
    }

    /// Merges events handed over by `source` (a CSV export, say) whose observers are named in
    /// `observers`, for the election `election` (`legislatives-2017-1`). The events carry no
    /// signature: those of an observer this database knows with a key must be covered by a
    /// signature it already holds.
    pub fn merge_events(
        &mut self,
        election: &str,
        observers: &[(ObserverId, String)],
        options: MergeOptions,
        source: EventSource<'_>,
        progress: &mut dyn FnMut(u64),
    ) -> Result<MergeOutcome, MergeRejection> {
        let listed: Vec<Listed> = observers
            .iter()
            .map(|(id, name)| Listed::unsigned(*id, name.clone()))
            .collect();
        let mut signed =
            |sink: &mut dyn FnMut(Event, Hash, Option<Sig>) -> Result<(), MergeRejection>| {
                source(&mut |event, hash| sink(event, hash, None))
            };
        self.merge_signed_events(election, &listed, options, &mut signed, progress)
    }

    fn merge_signed_events(
        &mut self,
        election: &str,
        observers: &[Listed],
        options: MergeOptions,
        source: SignedSource<'_>,
        progress: &mut dyn FnMut(u64),
    ) -> Result<MergeOutcome, MergeRejection> {
        let our_election = label(&self.election()?);
        if election != our_election {
            return Err(MergeRejection::OtherElection {
                theirs: election.to_owned(),
                ours: our_election,
            });
        }
        let accepted = self.accepted_keys.clone();
        self.in_savepoint(options, |conn| {
            let mut plan = KeyPlan::default();
            let keyed = adopt_observers(conn, observers, options.now, &mut plan)?;
            as_key_conflict(
                (|| {
                    let mut merger = merge_events(conn, options.now, false, source, progress)?;
                    merger.check_forks(observers)?;
                    settle_key_changes(conn, &mut merger, observers, &plan, &accepted)?;
                    merger.check_coverage(observers, &HashMap::new(), options.accept_unsigned)?;
                    let mut outcome = merger.outcome;
                    outcome.observers = observers.iter().map(|o| o.id).collect();
                    Ok(outcome)
                })(),
                &keyed,
            )
            .map_err(|e| as_pending_conflict(e, &plan))
        })
    }

    /// Merges an events CSV (`constat export csv`): its rows read twice (the observers first,
    /// then the events, streamed), every hash recomputed and, for a signed file, the last
    /// signature of each observer and each observer's statement checked.
    pub fn merge_csv(
        &mut self,
        path: &Path,
        options: MergeOptions,
        progress: &mut dyn FnMut(u64),
    ) -> Result<MergeOutcome, MergeRejection> {
        use crate::export::events_csv::{self, RowWhy};
        let open = || super::untrusted::open_regular(path).map_err(MergeRejection::Refused);
        let mut election: Option<String> = None;
        let mut observers: Vec<Listed> = Vec::new();
        let mut at: HashMap<ObserverId, usize> = HashMap::new();
        let mut last_seq: HashMap<ObserverId, u64> = HashMap::new();
        events_csv::read(open()?, &mut |row| {
            // constat writes each observer's rows in chain order: rows in another order were
            // sorted in a spreadsheet, and are said so (not as events missing).
            let last = last_seq.entry(row.event.observer).or_insert(0);
            if row.event.seq <= *last {
                return Err(RowError {
                    line: row.line,
                    column: "seq",
                    why: RowWhy::OutOfOrder,
                });
            }
            *last = row.event.seq;
            match &election {
                None => election = Some(row.election.clone()),
                Some(e) if e != &row.election => {
                    return Err(RowError {
                        line: row.line,
                        column: "election",
                        why: RowWhy::OtherElection {
                            found: row.election.clone(),
                            first: e.clone(),
                        },
                    });
                }
                Some(_) => {}
            }
            let listed = Listed {
                id: row.event.observer,
                name: row.observer_name.clone(),
                key: row.public_key,
                digest: row.reference_digest,
                statement: row.observer_statement,
            };
            match at.get(&row.event.observer) {
                None => {
                    at.insert(row.event.observer, observers.len());
                    observers.push(listed);
                }
                // Every row of an observer says the same of them.
                Some(&i) if observers[i] != listed => {
                    return Err(RowError {
                        line: row.line,
                        column: "observer_name",
                        why: RowWhy::ObserverDiffers,
                    });
                }
                Some(_) => {}
            }
            Ok(())
        })
        .map_err(|e| match &e.why {
            // constat's columns with `election` still first but others moved in a spreadsheet
            // (issue 18 point 6): said as such, the reason of a table whose `election` column
            // was moved. Columns renamed, added or removed are said with the header expected.
            RowWhy::Header { found } if events_csv::is_moved_header(found) => {
                MergeRejection::Refused(Refusal::NotSqlite(NotSqlite::EventsTableOtherLayout))
            }
            _ => MergeRejection::Row(e),
        })?;
        let Some(election) = election else {
            return Ok(MergeOutcome::default());
        };
        let mut source =
            |sink: &mut dyn FnMut(Event, Hash, Option<Sig>) -> Result<(), MergeRejection>| {
                let mut failure: Option<MergeRejection> = None;
                let read = events_csv::read(open()?, &mut |row| {
                    sink(row.event, row.hash, row.signature).map_err(|e| {
                        failure = Some(e);
                        RowError {
                            line: row.line,
                            column: "id",
                            why: RowWhy::Refused,
                        }
                    })
                });
                match (read, failure) {
                    (_, Some(f)) => Err(f),
                    (Err(e), None) => Err(MergeRejection::Row(e)),
                    (Ok(()), None) => Ok(()),
                }
            };
        self.merge_signed_events(&election, &observers, options, &mut source, progress)
            .map_err(|e| self.disputed(e, path, options.now))
    }

    /// `e`, a file's refusal, with a key conflict over an observer held here said as the key
    /// dispute it opens or as the settlement the coordinator made (schema 12, issue 15 point
    /// 2): the first of two files claiming one observer with different keys does not win by
    /// arriving first, even in an earlier merge. Noting the dispute failing, the refusal stays.
    fn disputed(&self, e: MergeRejection, file: &Path, now: DateTime<Utc>) -> MergeRejection {
        use crate::domain::key_dispute::Standing;
        let MergeRejection::KeyConflict {
            observer,
            name,
            ours,
            theirs,
        } = &e
        else {
            return e;
        };
        let path = file.display().to_string();
        let claim = super::disputes::RivalClaim {
            observer: *observer,
            name,
            claimed: theirs,
            path: &path,
        };
        let Ok(Some(dispute)) = self.note_rival_claim(claim, now) else {
            return e;
        };
        // A settlement made by this run's `--accept-key` applies at once.
        let dispute = match dispute.settled_by(&self.accepted_keys) {
            Some(_) => self
                .settle_key_disputes(&self.accepted_keys, now)
                .ok()
                .and_then(|s| s.into_iter().find(|d| d.claimed == dispute.claimed))
                .unwrap_or(dispute),
            None => dispute,
        };
        match (dispute.standing(), &dispute.settled) {
            (Standing::HeldKept, Some(kept)) => MergeRejection::KeyRejected {
                name: name.clone(),
                claimed: theirs.clone(),
                kept: kept.clone(),
            },
            (Standing::HeldRejected, Some(accepted)) => MergeRejection::HeldKeyRejected {
                name: name.clone(),
                held: dispute.held.or_else(|| ours.clone()),
                accepted: accepted.clone(),
            },
            _ => MergeRejection::KeyDisputed {
                observer: *observer,
                name: name.clone(),
                held: dispute.held.or_else(|| ours.clone()),
                claimed: theirs.clone(),
                target: self.path.display().to_string(),
            },
        }
    }
}

/// The tables of another observer's file the fast path reads (checked by `quick_check` on
/// open; the whole file is checked before the reference tables are read).
const FAST_PATH_TABLES: &[&str] = &["observer", "event", "event_signature", "chain_head"];

/// This database's reference digest, with when it was computed.
#[derive(Debug, Clone, Copy)]
pub(super) struct TargetDigest {
    digest: Hash,
    stamp: (u64, i64),
}

/// What changes when a database is written: this connection's change count, and
/// `data_version` (other connections' commits).
fn digest_stamp(conn: &Connection) -> rusqlite::Result<(u64, i64)> {
    let version: i64 = conn.pragma_query_value(None, "data_version", |r| r.get(0))?;
    Ok((conn.total_changes(), version))
}

/// The reference digest the file's own observer (its single `is_local` row) signed, when every
/// observer the file lists signed that same digest with a statement that verifies; `None`
/// otherwise (files before schema 5, observers of other reference data, an unsigned or bad
/// statement: the full comparison decides).
fn their_local_digest(
    theirs: &Untrusted,
    observers: &[Listed],
) -> Result<Option<Hash>, MergeRejection> {
    if theirs.version() < 5 {
        return Ok(None);
    }
    let damaged =
        |e: rusqlite::Error| MergeRejection::Refused(Refusal::Damaged(Damage::sqlite(&e)));
    let mut stmt = theirs
        .conn
        .prepare("SELECT id FROM observer WHERE is_local = 1 LIMIT 2")
        .map_err(damaged)?;
    let locals: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .map_err(damaged)?
        .collect::<Result<_, _>>()
        .map_err(damaged)?;
    let [local] = locals.as_slice() else {
        return Ok(None);
    };
    let Some(digest) = observers
        .iter()
        .find(|o| o.id.to_string() == *local)
        .and_then(|o| o.digest)
    else {
        return Ok(None);
    };
    // Every observer the file lists signed the same digest: a file that took reference rows
    // from files of other reference data (a coordinator's, whose own statement is then older
    // than its rows) lists their observers, with their digests, and is compared in full.
    let all_same = observers
        .iter()
        .all(|o| o.digest == Some(digest) && o.statement.is_some() && o.check_statement().is_ok());
    Ok(all_same.then_some(digest))
}

/// 128 hex digits to a signature.
fn parse_signature(text: &str) -> Option<Sig> {
    hex::decode(text).ok().and_then(|b| b.try_into().ok())
}

/// `legislatives-2017-1`: the election as written in exports.
pub fn election_label(data: &ElectionData) -> String {
    label(&data.election)
}

fn label(e: &Election) -> String {
    format!("{}-{}", e.id(), e.round)
}

fn check_election(theirs: &Election, ours: &Election) -> Result<(), MergeRejection> {
    if (theirs.kind, theirs.year, theirs.round) != (ours.kind, ours.year, ours.round) {
        return Err(MergeRejection::OtherElection {
            theirs: label(theirs),
            ours: label(ours),
        });
    }
    Ok(())
}

/// Settles the key changes of the file once its events are read (issue 15 point 3). For each
/// keyed observer whose chain in the file holds key changes, the keys must follow one another
/// from the key held here (or, for an observer new here, the first change's old key) to the
/// file's key, each change signed by its old key, or by its new key only when that key was
/// accepted (`accepted`, `merge --accept-key`) or is already the one held here. An observer held
/// here with another key and no such chain is a key conflict, as before. The observers held
/// here with their old key then take the new one, with the file's signed statement.
fn settle_key_changes(
    conn: &Connection,
    merger: &mut Merger<'_>,
    observers: &[Listed],
    plan: &KeyPlan,
    accepted: &[Fingerprint],
) -> Result<(), MergeRejection> {
    for o in observers {
        let Some(theirs) = o.key else { continue };
        let pending = plan
            .pending
            .iter()
            .find(|(p, _)| p.id == o.id)
            .map(|(_, held)| *held);
        let conflict = || MergeRejection::KeyConflict {
            observer: o.id,
            name: o.name.clone(),
            ours: pending.as_ref().map(Fingerprint::of),
            theirs: Fingerprint::of(&theirs),
        };
        // A file older than a key change held here: its key is one the observer's chain held
        // here rotated away from. Nothing changes hands; the held key changes say which key
        // signs which position of the file.
        if let Some(held) = pending
            && !merger
                .key_changes
                .get(&o.id)
                .is_some_and(|c| c.iter().any(|c| c.from == held))
        {
            let ours_changes = held_key_changes(conn, o.id)?;
            let from = ours_changes.iter().position(|c| c.from == theirs);
            let follows = from.is_some_and(|i| {
                ours_changes[i..].windows(2).all(|w| w[0].to == w[1].from)
                    && ours_changes.last().is_some_and(|c| c.to == held)
            });
            if !follows {
                return Err(conflict());
            }
            merger.key_changes.insert(o.id, ours_changes);
            if let Some(s) = merger.seen.get_mut(&o.id) {
                s.key = Some(held);
            }
            continue;
        }
        let Some(changes) = merger.key_changes.get_mut(&o.id).filter(|c| !c.is_empty()) else {
            if pending.is_some() {
                return Err(conflict());
            }
            continue;
        };
        // The changes to take: from the one leaving the key held here (those before it were
        // taken with it), all of them for an observer new here, none for one held here with the
        // file's key already.
        let first_new = match pending {
            Some(held) => match changes.iter().position(|c| c.from == held) {
                Some(i) => i,
                None => return Err(conflict()),
            },
            None if plan.fresh.contains(&o.id) => 0,
            None => changes.len(),
        };
        let mut key = changes[0].from;
        for (i, c) in changes.iter_mut().enumerate() {
            if c.from != key {
                return Err(conflict());
            }
            let (seq, hash, signature) = (c.seq, c.hash, c.signature);
            let signed_by = |k: &[u8; 32]| {
                signature.is_some_and(|s| chain::head_signature_is_valid(k, o.id, seq, &hash, &s))
            };
            if signed_by(&c.from) {
                c.lost = false;
            } else if signed_by(&c.to) {
                c.lost = true;
                let fingerprint = Fingerprint::of(&c.to);
                if i >= first_new && !accepted.contains(&fingerprint) {
                    return Err(MergeRejection::KeyChangeNotAccepted {
                        observer: o.id,
                        name: o.name.clone(),
                        seq,
                        fingerprint,
                    });
                }
            } else {
                return Err(MergeRejection::EventSignature {
                    observer: o.id,
                    seq,
                });
            }
            key = c.to;
        }
        if key != theirs {
            return Err(conflict());
        }
        if pending.is_some() {
            conn.prepare_cached(
                "UPDATE observer SET public_key = ?2,
                        name = CASE WHEN ?4 IS NULL THEN name ELSE ?3 END,
                        reference_digest = CASE WHEN ?4 IS NULL THEN reference_digest ELSE ?5 END,
                        statement = CASE WHEN ?4 IS NULL THEN statement ELSE ?4 END
                 WHERE id = ?1 AND is_local = 0",
            )
            .map_err(ours)?
            .execute(params![
                o.id.to_string(),
                hex::encode(theirs),
                o.name,
                o.statement.map(hex::encode),
                o.digest.map(hex::encode)
            ])
            .map_err(ours)?;
            if let Some(s) = merger.seen.get_mut(&o.id) {
                s.key = Some(theirs);
            }
        }
    }
    // With a roster, a key not enrolled is taken when the file's chain reaches it by key
    // changes, each signed by its old key, from an enrolled key or the key held here.
    if !plan.unenrolled.is_empty() {
        let roster = enrolled(conn)?;
        for (o, refusal) in &plan.unenrolled {
            let held = plan
                .pending
                .iter()
                .find(|(p, _)| p.id == o.id)
                .map(|(_, held)| *held);
            let changes = merger.key_changes.get(&o.id).map_or(&[][..], Vec::as_slice);
            let start = changes.iter().position(|c| {
                Some(c.from) == held || roster.contains(Fingerprint::of(&c.from).compact())
            });
            let reaches = start.is_some_and(|i| {
                changes[i..].iter().all(|c| !c.lost)
                    && changes[i..].windows(2).all(|w| w[0].to == w[1].from)
                    && changes.last().map(|c| c.to) == o.key
            });
            if !reaches {
                return Err(refusal.clone());
            }
        }
    }
    Ok(())
}

/// The key changes of `observer`'s chain held here, in chain order, each marked lost when its
/// old key does not sign it (they were taken when merged).
fn held_key_changes(
    conn: &Connection,
    observer: ObserverId,
) -> Result<Vec<KeyChangeSeen>, MergeRejection> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT e.seq, e.hash, e.voter, e.note, s.signature FROM event e
             LEFT JOIN event_signature s ON s.event = e.id
             WHERE e.observer = ?1 AND e.kind = 'key_change' ORDER BY e.seq",
        )
        .map_err(ours)?;
    let rows = stmt
        .query_map([observer.to_string()], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, Option<String>>(4)?,
            ))
        })
        .map_err(ours)?;
    let mut out = Vec::new();
    for row in rows {
        let (seq, hash, from, to, signature) = row.map_err(ours)?;
        let (Some(hash), Some(from), Some(to)) = (
            events::parse_hash(&hash),
            events::parse_hash(&from),
            events::parse_hash(&to),
        ) else {
            continue;
        };
        let seq = seq.unsigned_abs();
        let signature = signature.as_deref().and_then(parse_signature);
        let lost = !signature
            .is_some_and(|s| chain::head_signature_is_valid(&from, observer, seq, &hash, &s));
        out.push(KeyChangeSeen {
            seq,
            hash,
            from,
            to,
            signature,
            lost,
        });
    }
    Ok(out)
}

fn check_name(name: &str) -> Result<(), MergeRejection> {
    if name.chars().count() > MAX_NAME || name.chars().any(char::is_control) {
        return Err(MergeRejection::Invalid(DataProblem::ObserverName(
            name.chars().take(40).collect(),
        )));
    }
    Ok(())
}

/// An observer listed in a file: id, name, public key, and (from schema 5) the reference digest
/// and the signed statement covering them.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Listed {
    id: ObserverId,
    name: String,
    key: Option<[u8; 32]>,
    digest: Option<[u8; 32]>,
    statement: Option<Sig>,
}

impl Listed {
    fn unsigned(id: ObserverId, name: String) -> Self {
        Self {
            id,
            name,
            key: None,
            digest: None,
            statement: None,
        }
    }

    /// Refuses a statement that does not verify (or that comes without a key or a digest).
    fn check_statement(&self) -> Result<(), MergeRejection> {
        let Some(statement) = &self.statement else {
            return Ok(());
        };
        let valid = match (&self.key, &self.digest) {
            (Some(key), Some(digest)) => {
                chain::statement_is_valid(self.id, &self.name, key, digest, statement)
            }
            _ => false,
        };
        if valid {
            Ok(())
        } else {
            Err(MergeRejection::BadStatement {
                observer: self.id,
                name: self.name.clone(),
            })
        }
    }
}

fn their_observers(theirs: &Untrusted) -> Result<Vec<Listed>, MergeRejection> {
    let damaged =
        |e: rusqlite::Error| MergeRejection::Refused(Refusal::Damaged(Damage::sqlite(&e)));
    let sql = if theirs.version() >= 5 {
        "SELECT id, name, public_key, reference_digest, statement FROM observer"
    } else {
        "SELECT id, name, public_key, NULL, NULL FROM observer"
    };
    let mut stmt = theirs.conn.prepare(sql).map_err(damaged)?;
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, Option<String>>(4)?,
            ))
        })
        .map_err(damaged)?;
    let mut out = Vec::new();
    for row in rows {
        let (id, name, key, digest, statement) = row.map_err(damaged)?;
        let id = uuid::Uuid::parse_str(&id)
            .map_err(|_| MergeRejection::Invalid(DataProblem::ObserverId(id.clone())))?;
        check_name(&name)?;
        let bad_key = |k: &String| {
            MergeRejection::Invalid(DataProblem::ObserverKey {
                observer: id.to_string(),
                key: k.clone(),
            })
        };
        let key = match key {
            None => None,
            Some(k) => Some(events::parse_hash(&k).ok_or_else(|| bad_key(&k))?),
        };
        let digest = match digest {
            None => None,
            Some(d) => Some(events::parse_hash(&d).ok_or_else(|| bad_key(&d))?),
        };
        let statement = match statement {
            None => None,
            Some(s) => Some(
                parse_signature(&s).ok_or_else(|| MergeRejection::BadStatement {
                    observer: ObserverId(id),
                    name: name.clone(),
                })?,
            ),
        };
        out.push(Listed {
            id: ObserverId(id),
            name,
            key,
            digest,
            statement,
        });
    }
    Ok(out)
}

/// Registers observers here; an observer already known with another key is refused, and so is
/// a statement that does not verify. A valid statement replaces an unsigned name held here (a
/// name garbled by a spreadsheet in an unsigned CSV is corrected by the genuine file).
/// The target's roster: the enrolled fingerprints, compact.
fn enrolled(conn: &Connection) -> Result<HashSet<String>, MergeRejection> {
    let mut stmt = conn
        .prepare_cached("SELECT fingerprint FROM roster")
        .map_err(ours)?;
    let rows = stmt
        .query_map([], |r| r.get::<_, String>(0))
        .map_err(ours)?;
    rows.collect::<Result<_, _>>().map_err(ours)
}

/// With a roster: `o` passes when its key is enrolled, or when the target already holds `o`
/// with that same key (its own observer, or one admitted before); otherwise the file is
/// refused. `commands::merge::gate` says the same of databases before the merge, with the
/// command to enrol the key; this is the check every path goes through (CSV, `--watch`).
fn check_enrolled(
    conn: &Connection,
    roster: &HashSet<String>,
    o: &Listed,
) -> Result<(), MergeRejection> {
    let fingerprint = o.key.as_ref().map(Fingerprint::of);
    if let (Some(key), Some(f)) = (&o.key, &fingerprint) {
        if roster.contains(f.compact()) {
            return Ok(());
        }
        let known: Option<Option<String>> = conn
            .prepare_cached("SELECT public_key FROM observer WHERE id = ?1")
            .map_err(ours)?
            .query_row([o.id.to_string()], |r| r.get(0))
            .optional()
            .map_err(ours)?;
        if known.flatten().as_deref() == Some(hex::encode(key).as_str()) {
            return Ok(());
        }
    }
    Err(MergeRejection::NotEnrolled {
        observer: o.id,
        name: o.name.clone(),
        fingerprint,
    })
}

/// Writes the file's observers that are new here and checks the others against what is held:
/// a key held here that differs from the file's is a key conflict. Returns the observers held
/// here without a key but with events, whom the file gives with a key (see
/// [`KeyedOverUnsigned`]).
fn adopt_observers(
    conn: &Connection,
    observers: &[Listed],
    now: DateTime<Utc>,
    plan: &mut KeyPlan,
) -> Result<Vec<KeyedOverUnsigned>, MergeRejection> {
    let mut keyed_over_unsigned = Vec::new();
    let roster = enrolled(conn)?;
    for o in observers {
        check_name(&o.name)?;
        o.check_statement()?;
        if !roster.is_empty()
            && let Err(refusal) = check_enrolled(conn, &roster, o)
        {
            // A new key reached by key changes from an enrolled one is settled once the
            // file's events are read (issue 15 point 3).
            if o.key.is_none() {
                return Err(refusal);
            }
            plan.unenrolled.push((o.clone(), refusal));
        }
        let key_hex = o.key.map(hex::encode);
        let digest_hex = o.digest.map(hex::encode);
        let statement_hex = o.statement.map(hex::encode);
        let known: Option<(Option<String>, Option<String>, String, bool)> = conn
            .prepare_cached(
                "SELECT public_key, statement, name, is_local FROM observer WHERE id = ?1",
            )
            .map_err(ours)?
            .query_row([o.id.to_string()], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })
            .optional()
            .map_err(ours)?;
        let Some((ours_key, ours_statement, ours_name, local)) = known else {
            conn.prepare_cached(
                "INSERT INTO observer (id, name, is_local, created_at, public_key,
                                       reference_digest, statement)
                 VALUES (?1, ?2, 0, ?3, ?4, ?5, ?6)",
            )
            .map_err(ours)?
            .execute(params![
                o.id.to_string(),
                o.name,
                super::events::format_time(now),
                key_hex,
                digest_hex,
                statement_hex
            ])
            .map_err(ours)?;
            plan.fresh.insert(o.id);
            continue;
        };
        if let (Some(ours_key), Some(theirs)) = (&ours_key, o.key)
            && *ours_key != hex::encode(theirs)
        {
            // Settled once the file's events are read: a key change of the observer's chain
            // signed by the key held here takes the new key (issue 15 point 3).
            if let Some(held) = super::events::parse_hash(ours_key) {
                plan.pending.push((o.clone(), held));
                continue;
            }
            return Err(MergeRejection::KeyConflict {
                observer: o.id,
                name: o.name.clone(),
                ours: None,
                theirs: Fingerprint::of(&theirs),
            });
        }
        if let (None, Some(theirs)) = (&ours_key, o.key) {
            let held: bool = conn
                .prepare_cached("SELECT EXISTS (SELECT 1 FROM event WHERE observer = ?1)")
                .map_err(ours)?
                .query_row([o.id.to_string()], |r| r.get(0))
                .map_err(ours)?;
            if held {
                keyed_over_unsigned.push(KeyedOverUnsigned {
                    observer: o.id,
                    name: o.name.clone(),
                    theirs: Fingerprint::of(&theirs),
                });
            }
        }
        if ours_key.is_none() && key_hex.is_some() {
            conn.prepare_cached("UPDATE observer SET public_key = ?2 WHERE id = ?1")
                .map_err(ours)?
                .execute(params![o.id.to_string(), key_hex])
                .map_err(ours)?;
        }
        // A verified statement replaces an unverified name, or a statement of the same name
        // (its reference data changed); a verified name is never replaced by another one.
        if statement_hex.is_some()
            && !local
            && statement_hex != ours_statement
            && (ours_statement.is_none() || ours_name == o.name)
        {
            conn.prepare_cached(
                "UPDATE observer SET name = ?2, reference_digest = ?3, statement = ?4
                 WHERE id = ?1",
            )
            .map_err(ours)?
            .execute(params![o.id.to_string(), o.name, digest_hex, statement_hex])
            .map_err(ours)?;
        }
    }
    Ok(keyed_over_unsigned)
}

/// Takes the file's signed chain heads (files of every schema hold them): each must verify
/// with its observer's key and match the event it names; a head further along than ours
/// replaces ours. Returns the position each head covers.
fn adopt_heads(
    conn: &Connection,
    theirs: &Untrusted,
    observers: &[Listed],
    key_changes: &HashMap<ObserverId, Vec<KeyChangeSeen>>,
) -> Result<HashMap<ObserverId, u64>, MergeRejection> {
    let damaged =
        |e: rusqlite::Error| MergeRejection::Refused(Refusal::Damaged(Damage::sqlite(&e)));
    let mut stmt = theirs
        .conn
        .prepare("SELECT observer, seq, hash, signature FROM chain_head")
        .map_err(damaged)?;
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        })
        .map_err(damaged)?;
    let mut covered = HashMap::new();
    for row in rows {
        let (observer, seq, hash_hex, signature_hex) = row.map_err(damaged)?;
        let bad = |why| MergeRejection::BadSignature(observer.clone(), why);
        let listed = observers
            .iter()
            .find(|o| o.id.to_string() == observer)
            .ok_or_else(|| bad(SignatureProblem::UnlistedObserver))?;
        // The key this database knows (the file's, or the one it knew before).
        let key: Option<String> = conn
            .prepare_cached("SELECT public_key FROM observer WHERE id = ?1")
            .map_err(ours)?
            .query_row([&observer], |r| r.get(0))
            .optional()
            .map_err(ours)?
            .flatten();
        let key = key
            .as_deref()
            .and_then(events::parse_hash)
            .ok_or_else(|| bad(SignatureProblem::NoPublicKey))?;
        let hash =
            events::parse_hash(&hash_hex).ok_or_else(|| bad(SignatureProblem::MalformedHash))?;
        let signature = parse_signature(&signature_hex)
            .ok_or_else(|| bad(SignatureProblem::MalformedSignature))?;
        let seq = seq.unsigned_abs();
        // Across key changes (issue 15 point 3): the key at the head's position, or the key
        // now (a key change signs the head again with its new key).
        let changes = key_changes.get(&listed.id).map_or(&[][..], Vec::as_slice);
        let at_seq = key_at(seq, changes, key);
        if !chain::head_signature_is_valid(&at_seq, listed.id, seq, &hash, &signature)
            && !chain::head_signature_is_valid(&key, listed.id, seq, &hash, &signature)
        {
            return Err(bad(SignatureProblem::DoesNotVerify));
        }
        let at: Option<String> = conn
            .prepare_cached("SELECT hash FROM event WHERE observer = ?1 AND seq = ?2")
            .map_err(ours)?
            .query_row(
                params![observer, i64::try_from(seq).unwrap_or(i64::MAX)],
                |r| r.get(0),
            )
            .optional()
            .map_err(ours)?;
        if at.as_deref() != Some(hash_hex.as_str()) {
            return Err(bad(SignatureProblem::HeadMismatch));
        }
        conn.prepare_cached(
            "INSERT INTO chain_head (observer, seq, hash, signature) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (observer) DO UPDATE SET seq = excluded.seq, hash = excluded.hash,
             signature = excluded.signature WHERE excluded.seq > chain_head.seq",
        )
        .map_err(ours)?
        .execute(params![
            observer,
            i64::try_from(seq).unwrap_or(i64::MAX),
            hash_hex,
            signature_hex
        ])
        .map_err(ours)?;
        covered.insert(listed.id, seq);
    }
    Ok(covered)
}

/// Takes the file's circonscriptions, candidates and bureaux that this database lacks, and
/// refuses a candidate list that contradicts ours (unless an official list was imported here).
fn adopt_reference_data(conn: &Connection, theirs: &ElectionData) -> Result<(), MergeRejection> {
    let mut known = Known::new(conn).map_err(ours)?;
    // Rows written: a change of the reference data is counted (the coordination view reads
    // them again).
    let mut written = 0usize;
    for c in theirs.referential.candidates.values().flatten() {
        let key = (c.circonscription.as_str().to_owned(), c.panel.get());
        let name = format!("{} {}", c.surname, c.given_name);
        let official_list = known.official_list;
        match known.name(&key.0, key.1).map_err(ours)?.cloned() {
            Some(ours_name) if ours_name != name && !official_list => {
                return Err(MergeRejection::CandidateDiffers {
                    circ: key.0,
                    panel: key.1,
                    theirs: name,
                    ours: ours_name,
                });
            }
            Some(_) => {}
            None if official_list => {}
            None => {
                let label = theirs
                    .referential
                    .circonscriptions
                    .get(&c.circonscription)
                    .map_or_else(String::new, |x| x.label.clone());
                conn.prepare_cached(
                    "INSERT INTO circonscription (code, label) VALUES (?1, ?2) ON CONFLICT (code) DO NOTHING",
                )
                .map_err(ours)?
                .execute(params![key.0, label])
                .map_err(ours)?;
                written += 1;
                written += conn.prepare_cached(
                    "INSERT INTO candidate (circonscription, panel, surname, given_name, sex, nuance)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                )
                .map_err(ours)?
                .execute(params![key.0, key.1, c.surname, c.given_name, c.sex.as_str(), c.nuance])
                .map_err(ours)?;
            }
        }
    }
    for b in theirs.referential.bureaux.values() {
        let circ = b.circonscription.as_ref().map(|c| c.as_str().to_owned());
        if let Some(c) = &circ {
            written += conn.prepare_cached(
                "INSERT INTO circonscription (code, label) VALUES (?1, ?2) ON CONFLICT (code) DO NOTHING",
            )
            .map_err(ours)?
            .execute(params![c, format!("Circonscription {c}")])
            .map_err(ours)?;
        }
        written += conn.prepare_cached(
            // A machines flag of either file's reference data is kept (files before schema 4
            // held the interface's `m` there): an OR, so that merge order does not matter.
            "INSERT INTO bureau (code, circonscription, label, address, commune, voting_machines)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (code) DO UPDATE SET voting_machines = 1
             WHERE excluded.voting_machines = 1 AND voting_machines = 0",
        )
        .map_err(ours)?
        .execute(params![
            b.code.as_str(),
            circ,
            b.label,
            b.address,
            b.commune,
            b.voting_machines
        ])
        .map_err(ours)?;
    }
    if written > 0 {
        super::referential::touch(conn).map_err(ours)?;
    }
    Ok(())
}

/// Page cache while merging a file, in KiB (`PRAGMA cache_size` takes a negative number for KiB).
const MERGE_CACHE_KIB: i64 = -64 * 1024;

/// Events per multi-row insert of the merge's fast path.
const BATCH: usize = 32;

/// The insert of `n` events in one statement (no `ON CONFLICT`: an id already held fails the
/// whole statement, which SQLite then undoes, and the events take the row-by-row path).
fn batch_sql(n: usize) -> String {
    let row = format!("({})", vec!["?"; events::BOUND].join(", "));
    format!(
        "INSERT INTO event (id, observer, seq, recorded_at, kind, circonscription, bureau, panel,
                            item, value, voters, received, voter, target, note, envelope,
                            received_on, hash, seen_at, machines, household, photo_of,
                            photo_about, photo_sha256, photo_original, photo_size, photo_type,
                            photo_name, photo_taken_at)
         VALUES {}",
        vec![row.as_str(); n].join(", ")
    )
}

/// An observer's chain tip: (seq, hash) of its last event, and when it was recorded.
#[derive(Debug, Clone, Copy)]
struct Tip {
    seq: u64,
    hash: Hash,
    at: Option<DateTime<Utc>>,
}

/// An event checked and waiting in the batch, with its signature and its observer's chain tip
/// before it.
struct Pending {
    event: Event,
    hash: Hash,
    signature: Option<Sig>,
    tip_before: Tip,
}

/// What one merge saw of an observer, to check at the end that a valid signature covers every
/// event of theirs (issue 15): only the last signature is verified, every hash is recomputed.
#[derive(Debug, Clone, Default)]
struct Seen {
    /// The observer's key here (after the file's observers were adopted).
    key: Option<[u8; 32]>,
    /// The last position this database held signed before the merge.
    signed_here: u64,
    /// The observer's last position in the file.
    last: u64,
    /// The file's signature of the observer's furthest position: (seq, hash, signature).
    last_signature: Option<(u64, Hash, Sig)>,
}

/// The state of one merge: checks each event, then adds it, skips it (identical copy held) or
/// refuses the whole source.
///
/// Fast path: an event that passed every check and extends its observer's chain here (its seq is
/// the one after the last held, so no event of that observer can sit at its seq) waits in a batch
/// written by one multi-row statement. Anything else (a retraction, an event at or before the
/// chain's tip, a batch that fails) flushes the batch first and takes the row-by-row path, so the
/// database is always queried with every earlier event in it.
struct Merger<'c> {
    conn: &'c Connection,
    now: DateTime<Utc>,
    known: Known<'c>,
    outcome: MergeOutcome,
    /// Each observer's chain tip in this database (pending events included).
    tips: HashMap<ObserverId, Tip>,
    pending: Vec<Pending>,
    batch: rusqlite::CachedStatement<'c>,
    /// Signatures of events written, waiting for their multi-row insert.
    signatures: Vec<(EventId, Sig)>,
    signature_batch: rusqlite::CachedStatement<'c>,
    seen: HashMap<ObserverId, Seen>,
    /// Observers whose chain in the file leaves the one held here (a copied database): their
    /// further events are only checked, never written, and the file is refused at the end.
    forks: HashMap<ObserverId, Fork>,
    /// When set, every circonscription and bureau an event names must be held here (the fast
    /// path: the file's reference rows were not read).
    places: Option<Places>,
    /// The key-change events of the file, by observer, in chain order (issue 15 point 3).
    key_changes: HashMap<ObserverId, Vec<KeyChangeSeen>>,
}

/// A key-change event of the file: where, its hash and signature, the two keys, and whether it
/// is signed by its new key only (a lost key, once settled).
#[derive(Debug, Clone)]
struct KeyChangeSeen {
    seq: u64,
    hash: Hash,
    from: [u8; 32],
    to: [u8; 32],
    signature: Option<Sig>,
    lost: bool,
}

/// The key that signs position `seq` of a chain whose key changes are `changes` (settled) and
/// whose key is now `current`: a key change's `from` up to it (its own event too, unless its
/// old key was lost), its `to` after it.
fn key_at(seq: u64, changes: &[KeyChangeSeen], current: [u8; 32]) -> [u8; 32] {
    let steps = changes.iter().map(|c| chain::KeyStep {
        seq: c.seq,
        from: c.from,
        to: c.to,
        lost: c.lost,
    });
    chain::key_at(seq, steps, current)
}

/// What the adoption of a file's observers left to settle once its events are read: the
/// observers held here with another key (with the key held), and those the file brought.
#[derive(Debug, Default)]
struct KeyPlan {
    pending: Vec<(Listed, [u8; 32])>,
    fresh: HashSet<ObserverId>,
    /// With a roster: observers whose key is not enrolled, with the refusal if nothing settles it.
    unenrolled: Vec<(Listed, MergeRejection)>,
}

/// The circonscriptions and bureaux of this database looked up during one merge (code, held).
#[derive(Debug, Default)]
struct Places {
    circonscriptions: HashMap<String, bool>,
    bureaux: HashMap<String, bool>,
}

/// Whether `table` (`circonscription` or `bureau`, a constant) holds `code`, looked up once
/// per merge.
fn held(
    conn: &Connection,
    seen: &mut HashMap<String, bool>,
    table: &str,
    code: &str,
) -> Result<bool, MergeRejection> {
    if let Some(held) = seen.get(code) {
        return Ok(*held);
    }
    let held: bool = conn
        .prepare_cached(&format!(
            "SELECT EXISTS (SELECT 1 FROM {table} WHERE code = ?1)"
        ))
        .map_err(ours)?
        .query_row([code], |r| r.get(0))
        .map_err(ours)?;
    seen.insert(code.to_owned(), held);
    Ok(held)
}

/// An observer's chain in the file after it left the one held here.
#[derive(Debug, Clone, Copy)]
struct Fork {
    /// The first position where the chains differ.
    first: u64,
    /// The file's last position followed, and its hash.
    seq: u64,
    hash: Hash,
}

/// Signatures per multi-row insert (two parameters each).
const SIGNATURE_BATCH: usize = 256;

/// The insert of `n` signatures in one statement (one already held is left alone).
fn signature_sql(n: usize) -> String {
    format!(
        "INSERT INTO event_signature (event, signature) VALUES {} ON CONFLICT (event) DO NOTHING",
        vec!["(?, ?)"; n].join(", ")
    )
}

impl<'c> Merger<'c> {
    fn new(conn: &'c Connection, now: DateTime<Utc>) -> rusqlite::Result<Self> {
        Ok(Self {
            conn,
            now,
            known: Known::new(conn)?,
            outcome: MergeOutcome::default(),
            tips: HashMap::new(),
            pending: Vec::with_capacity(BATCH),
            // Cached: a night's 2,000 small files would parse these long statements 2,000 times.
            batch: conn.prepare_cached(&batch_sql(BATCH))?,
            signatures: Vec::with_capacity(SIGNATURE_BATCH),
            signature_batch: conn.prepare_cached(&signature_sql(SIGNATURE_BATCH))?,
            seen: HashMap::new(),
            forks: HashMap::new(),
            places: None,
            key_changes: HashMap::new(),
        })
    }

    /// With [`Merger::places`] set, refuses an event naming a circonscription or a bureau this
    /// database does not hold.
    fn check_places(&mut self, event: &Event) -> Result<(), MergeRejection> {
        let Some(places) = &mut self.places else {
            return Ok(());
        };
        let flat = event.body.flat();
        if let Some(circ) = flat.circonscription
            && !held(
                self.conn,
                &mut places.circonscriptions,
                "circonscription",
                circ.as_str(),
            )?
        {
            return Err(MergeRejection::UnknownCirconscription {
                event: event.id,
                circ: circ.to_string(),
            });
        }
        if let Some(bureau) = flat.bureau
            && !held(self.conn, &mut places.bureaux, "bureau", bureau.as_str())?
        {
            return Err(MergeRejection::UnknownBureau {
                event: event.id,
                bureau: bureau.to_string(),
            });
        }
        Ok(())
    }

    /// Writes the waiting signatures (their events are written).
    fn flush_signatures(&mut self) -> Result<(), MergeRejection> {
        if self.signatures.is_empty() {
            return Ok(());
        }
        let bind = |stmt: &mut rusqlite::Statement<'_>, rows: &[(EventId, Sig)]| {
            for (i, (id, sig)) in rows.iter().enumerate() {
                let mut text = [0u8; uuid::fmt::Hyphenated::LENGTH];
                stmt.raw_bind_parameter(2 * i + 1, &*id.0.hyphenated().encode_lower(&mut text))?;
                // Written on the stack (hex digits are ASCII: always valid UTF-8).
                let mut sig_hex = [0u8; 128];
                let sig_hex = hex::encode_to_slice(sig, &mut sig_hex)
                    .ok()
                    .and_then(|()| std::str::from_utf8(&sig_hex).ok())
                    .unwrap_or_default();
                stmt.raw_bind_parameter(2 * i + 2, sig_hex)?;
            }
            Ok::<(), rusqlite::Error>(())
        };
        let rows = std::mem::take(&mut self.signatures);
        for chunk in rows.chunks(SIGNATURE_BATCH) {
            if chunk.len() == SIGNATURE_BATCH {
                bind(&mut self.signature_batch, chunk)
                    .and_then(|()| self.signature_batch.raw_execute())
                    .map_err(ours)?;
            } else {
                let mut stmt = self
                    .conn
                    .prepare_cached(&signature_sql(chunk.len()))
                    .map_err(ours)?;
                bind(&mut stmt, chunk)
                    .and_then(|()| stmt.raw_execute())
                    .map_err(ours)?;
            }
        }
        self.signatures = rows;
        self.signatures.clear();
        Ok(())
    }

    /// Writes the waiting events; if the statement fails, they go again one by one, each through
    /// the row-by-row path, which says why.
    fn flush(&mut self) -> Result<(), MergeRejection> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let written = if self.pending.len() == BATCH {
            bind_events(&mut self.batch, &self.pending).and_then(|()| self.batch.raw_execute())
        } else {
            self.conn
                .prepare_cached(&batch_sql(self.pending.len()))
                .and_then(|mut stmt| {
                    bind_events(&mut stmt, &self.pending)?;
                    stmt.raw_execute()
                })
        };
        let pending = std::mem::take(&mut self.pending);
        match written {
            Ok(_) => {
                self.outcome.new += pending.len() as u64;
                self.signatures.extend(
                    pending
                        .iter()
                        .filter_map(|p| p.signature.map(|s| (p.event.id, s))),
                );
                self.pending = pending;
                self.pending.clear();
                if self.signatures.len() >= SIGNATURE_BATCH {
                    self.flush_signatures()?;
                }
                Ok(())
            }
            // Only a constraint (an id already held, another observer's seq…) is retried event
            // by event: after a full disk or an I/O error SQLite may have rolled the whole
            // transaction back, and going on would commit rows of a half-merged file.
            Err(e)
                if !matches!(
                    &e,
                    rusqlite::Error::SqliteFailure(f, _)
                        if f.code == rusqlite::ErrorCode::ConstraintViolation
                ) || self.conn.is_autocommit() =>
            {
                Err(ours(e))
            }
            Err(_) => {
                // The statement was undone as a whole: back to the tips before the batch, then
                // each event alone.
                for p in pending.iter().rev() {
                    self.tips.insert(p.event.observer, p.tip_before);
                }
                for p in pending {
                    self.add(p.event, p.hash, p.signature, false)?;
                }
                Ok(())
            }
        }
    }

    /// The chain tip of `observer` here, looked up once per merge; the first time, also what
    /// this database knows of the observer's key and signatures.
    fn tip(&mut self, observer: ObserverId) -> Result<Tip, MergeRejection> {
        if let Some(tip) = self.tips.get(&observer) {
            return Ok(*tip);
        }
        let conn = self.conn;
        // No event of this observer is waiting (its tip would be known).
        let last: Option<(i64, String, String)> = conn
            .prepare_cached(
                "SELECT seq, hash, recorded_at FROM event WHERE observer = ?1
                 ORDER BY seq DESC LIMIT 1",
            )
            .map_err(ours)?
            .query_row([observer.to_string()], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .optional()
            .map_err(ours)?;
        let tip = match last {
            None => Tip {
                seq: 0,
                hash: GENESIS,
                at: None,
            },
            Some((seq, h, at)) => Tip {
                seq: seq.unsigned_abs(),
                hash: events::parse_hash(&h)
                    .ok_or_else(|| MergeRejection::OursInvalid(DataProblem::LastHash(h.clone())))?,
                at: events::parse_time(&at),
            },
        };
        self.tips.insert(observer, tip);
        if let std::collections::hash_map::Entry::Vacant(slot) = self.seen.entry(observer) {
            let id = observer.to_string();
            let key: Option<String> = conn
                .prepare_cached("SELECT public_key FROM observer WHERE id = ?1")
                .map_err(ours)?
                .query_row([&id], |r| r.get(0))
                .optional()
                .map_err(ours)?
                .flatten();
            // The furthest signed position here: the last event's signature, in general (the
            // scan goes down from the tip and stops at the first signed event), or the head.
            let signed: Option<i64> = conn
                .prepare_cached(
                    "SELECT MAX(
                         COALESCE((SELECT e.seq FROM event e WHERE e.observer = ?1 AND EXISTS
                                     (SELECT 1 FROM event_signature s WHERE s.event = e.id)
                                   ORDER BY e.seq DESC LIMIT 1), 0),
                         COALESCE((SELECT seq FROM chain_head WHERE observer = ?1), 0))",
                )
                .map_err(ours)?
                .query_row([&id], |r| r.get(0))
                .map_err(ours)?;
            slot.insert(Seen {
                key: key.as_deref().and_then(events::parse_hash),
                signed_here: signed.unwrap_or(0).unsigned_abs(),
                ..Seen::default()
            });
        }
        Ok(tip)
    }

    /// Checks `event` and adds it (or skips an identical copy); `fast` lets it wait in the batch.
    fn add(
        &mut self,
        event: Event,
        hash: Hash,
        signature: Option<Sig>,
        fast: bool,
    ) -> Result<(), MergeRejection> {
        let conn = self.conn;
        check_event(&event, self.now)?;
        if let Some((from, to)) = event.body.changed_keys() {
            self.key_changes
                .entry(event.observer)
                .or_default()
                .push(KeyChangeSeen {
                    seq: event.seq,
                    hash,
                    from,
                    to,
                    signature,
                    lost: false,
                });
        }
        if event.recorded_at > self.now + chrono::Duration::minutes(MAX_AHEAD_MINUTES) {
            return Err(MergeRejection::FromTheFuture {
                observer: event.observer,
                seq: event.seq,
                at: event.recorded_at,
                now: self.now,
            });
        }
        if self.forks.contains_key(&event.observer) {
            return self.follow_fork(&event, hash, signature);
        }
        self.check_places(&event)?;
        match &event.body {
            EventBody::Tick {
                circonscription,
                panel,
                ..
            } => {
                if self
                    .known
                    .name(circonscription.as_str(), panel.get())
                    .map_err(ours)?
                    .is_none()
                {
                    return Err(MergeRejection::UnknownCandidate {
                        event: event.id,
                        circ: circonscription.to_string(),
                        panel: panel.get(),
                    });
                }
            }
            EventBody::Retract { target } => {
                // The target may be waiting in the batch.
                self.flush()?;
                let owner: Option<String> = conn
                    .prepare_cached("SELECT observer FROM event WHERE id = ?1")
                    .map_err(ours)?
                    .query_row([target.to_string()], |r| r.get(0))
                    .optional()
                    .map_err(ours)?;
                if owner != Some(event.observer.to_string()) {
                    return Err(MergeRejection::BadRetraction {
                        event: event.id,
                        target: *target,
                    });
                }
            }
            EventBody::Photo {
                circonscription,
                photo,
                ..
            } => {
                if let crate::domain::PhotoSubject::Cell { panel, .. } = photo.of
                    && self
                        .known
                        .name(circonscription.as_str(), panel.get())
                        .map_err(ours)?
                        .is_none()
                {
                    return Err(MergeRejection::UnknownCandidate {
                        event: event.id,
                        circ: circonscription.to_string(),
                        panel: panel.get(),
                    });
                }
            }
            EventBody::Envelope { .. }
            | EventBody::NonReceipt { .. }
            | EventBody::Machines { .. }
            | EventBody::KeyChange { .. } => {}
        }
        let tip = self.tip(event.observer)?;
        self.note_seen(&event, hash, signature);
        if event.seq > tip.seq + 1 {
            return Err(MergeRejection::ChainGap {
                event: event.id,
                expected: tip.seq + 1,
                found: event.seq,
            });
        }
        let extends = event.seq == tip.seq + 1;
        if extends && chain::link(&tip.hash, &event) != hash {
            return Err(MergeRejection::ChainMismatch(event.id));
        }
        if extends
            && let Some(previous) = tip.at
            && event.recorded_at < previous
        {
            return Err(MergeRejection::TimeGoesBack {
                observer: event.observer,
                seq: event.seq,
                at: event.recorded_at,
                previous,
            });
        }
        let new_tip = Tip {
            seq: event.seq,
            hash,
            at: Some(event.recorded_at),
        };
        let retraction = matches!(event.body, EventBody::Retract { .. });
        if fast && extends && !retraction {
            self.tips.insert(event.observer, new_tip);
            self.pending.push(Pending {
                event,
                hash,
                signature,
                tip_before: tip,
            });
            if self.pending.len() == BATCH {
                self.flush()?;
            }
            return Ok(());
        }
        // The row-by-row path, with every earlier event written.
        self.flush()?;
        let inserted = match events::insert(conn, &event, &hash, true) {
            Ok(inserted) => inserted,
            Err(rusqlite::Error::SqliteFailure(f, _))
                if f.code == ErrorCode::ConstraintViolation =>
            {
                let held: Option<String> = conn
                    .prepare_cached("SELECT id FROM event WHERE observer = ?1 AND seq = ?2")
                    .map_err(ours)?
                    .query_row(
                        params![
                            event.observer.to_string(),
                            i64::try_from(event.seq).unwrap_or(i64::MAX)
                        ],
                        |r| r.get(0),
                    )
                    .optional()
                    .map_err(ours)?;
                let held = held
                    .and_then(|h| uuid::Uuid::parse_str(&h).ok())
                    .map(EventId);
                if let Err(conflict) = classify(&event, None, held) {
                    if matches!(conflict, MergeConflict::SameSeqOtherId { .. })
                        && self.start_fork(&event, hash)?
                    {
                        return Ok(());
                    }
                    return Err(conflict.into());
                }
                return Err(MergeRejection::Invalid(DataProblem::Constraint(
                    event.id.to_string(),
                )));
            }
            Err(e) => return Err(ours(e)),
        };
        if inserted {
            self.outcome.new += 1;
            self.tips.insert(event.observer, new_tip);
        } else {
            let (held, held_hash) = conn
                .prepare_cached(&format!("SELECT {COLUMNS} FROM event WHERE id = ?1"))
                .map_err(ours)?
                .query_row([event.id.to_string()], |row| {
                    Ok(events::decode_with_hash(row, Path::new("")))
                })
                .map_err(ours)??;
            if held_hash != hash {
                return Err(MergeRejection::ChainMismatch(event.id));
            }
            match classify(&event, Some(&held), None)? {
                Verdict::AlreadyPresent => self.outcome.already += 1,
                Verdict::New => self.outcome.new += 1,
            }
        }
        if let Some(sig) = signature {
            self.signatures.push((event.id, sig));
            self.flush_signatures()?;
        }
        Ok(())
    }

    /// Notes the observer's furthest position in the file and its latest signature.
    fn note_seen(&mut self, event: &Event, hash: Hash, signature: Option<Sig>) {
        if let Some(seen) = self.seen.get_mut(&event.observer) {
            seen.last = seen.last.max(event.seq);
            if let Some(sig) = signature
                && seen.last_signature.is_none_or(|(s, _, _)| s < event.seq)
            {
                seen.last_signature = Some((event.seq, hash, sig));
            }
        }
    }

    /// `event` sits where this database holds another event of its observer. When it follows
    /// from the event held just before it (the two chains share their history up to there), the
    /// file carries a second chain of one identity: followed from here on ([`Self::follow_fork`])
    /// and, if its signatures verify, refused as a copied database ([`Self::check_forks`]).
    /// Returns false when it does not follow: an ordinary conflict.
    fn start_fork(&mut self, event: &Event, hash: Hash) -> Result<bool, MergeRejection> {
        let previous = if event.seq <= 1 {
            Some(GENESIS)
        } else {
            let held: Option<String> = self
                .conn
                .prepare_cached("SELECT hash FROM event WHERE observer = ?1 AND seq = ?2")
                .map_err(ours)?
                .query_row(
                    params![
                        event.observer.to_string(),
                        i64::try_from(event.seq - 1).unwrap_or(i64::MAX)
                    ],
                    |r| r.get(0),
                )
                .optional()
                .map_err(ours)?;
            held.as_deref().and_then(events::parse_hash)
        };
        match previous {
            Some(previous) if chain::link(&previous, event) == hash => {
                self.forks.insert(
                    event.observer,
                    Fork {
                        first: event.seq,
                        seq: event.seq,
                        hash,
                    },
                );
                Ok(true)
            }
            _ => Ok(false),
        }
    }

    /// An event of an observer whose chain in the file left ours: its hash must follow from the
    /// file's previous one; it is not written.
    fn follow_fork(
        &mut self,
        event: &Event,
        hash: Hash,
        signature: Option<Sig>,
    ) -> Result<(), MergeRejection> {
        self.note_seen(event, hash, signature);
        let Some(fork) = self.forks.get_mut(&event.observer) else {
            return Ok(());
        };
        if event.seq != fork.seq + 1 {
            return Err(MergeRejection::ChainGap {
                event: event.id,
                expected: fork.seq + 1,
                found: event.seq,
            });
        }
        if chain::link(&fork.hash, event) != hash {
            return Err(MergeRejection::ChainMismatch(event.id));
        }
        fork.seq = event.seq;
        fork.hash = hash;
        Ok(())
    }

    /// Refuses the source when it carries a second chain of an observer held here: as a copied
    /// database when the observer's key signs it (the file's last signature of that observer
    /// covers its last event), otherwise for the signature that fails (a forgery).
    fn check_forks(&self, observers: &[Listed]) -> Result<(), MergeRejection> {
        let mut forks: Vec<(&ObserverId, &Fork)> = self.forks.iter().collect();
        forks.sort_by_key(|(o, _)| **o);
        let Some((observer, fork)) = forks.first() else {
            return Ok(());
        };
        let listed = observers.iter().find(|o| o.id == **observer);
        let seen = self.seen.get(observer);
        let key = seen
            .and_then(|s| s.key)
            .or_else(|| listed.and_then(|o| o.key));
        if let (Some(key), Some(seen)) = (key, seen) {
            match &seen.last_signature {
                Some((seq, hash, sig)) if *seq >= seen.last => {
                    if !chain::head_signature_is_valid(&key, **observer, *seq, hash, sig) {
                        return Err(MergeRejection::EventSignature {
                            observer: **observer,
                            seq: *seq,
                        });
                    }
                }
                _ => {
                    return Err(MergeRejection::Unsigned {
                        observer: **observer,
                        first: fork.first,
                        last: seen.last,
                        signed: fork.first.saturating_sub(1),
                    });
                }
            }
        }
        Err(MergeRejection::CopiedDatabase {
            observer: **observer,
            name: listed.map(|o| o.name.clone()).unwrap_or_default(),
            seq: fork.first,
        })
    }

    /// Refuses the source when an event of a keyed observer is not covered by a valid signature:
    /// the file's last signature of that observer (verified here, the only signature verified),
    /// its signed head (`heads`, verified by [`adopt_heads`]) or a signature this database held.
    /// Observers without a key (unsigned CSVs from before schema 5) are taken as weaker
    /// evidence, as before.
    fn check_coverage(
        &self,
        observers: &[Listed],
        heads: &HashMap<ObserverId, u64>,
        accept_unsigned: bool,
    ) -> Result<(), MergeRejection> {
        let mut seen: Vec<(&ObserverId, &Seen)> = self.seen.iter().collect();
        seen.sort_by_key(|(o, _)| **o);
        for (observer, s) in seen {
            let key = s.key.or_else(|| {
                observers
                    .iter()
                    .find(|o| o.id == *observer)
                    .and_then(|o| o.key)
            });
            let Some(current) = key else {
                // No key anywhere: refused unless the coordinator takes unsigned files.
                if accept_unsigned {
                    continue;
                }
                return Err(MergeRejection::Unkeyed {
                    observer: *observer,
                    name: observers
                        .iter()
                        .find(|o| o.id == *observer)
                        .map(|o| o.name.clone())
                        .unwrap_or_default(),
                });
            };
            let changes = self
                .key_changes
                .get(observer)
                .map_or(&[][..], Vec::as_slice);
            // Events signed by a key: the constat that signed them signed a statement with it.
            if s.last_signature.is_some()
                && let Some(o) = observers
                    .iter()
                    .find(|o| o.id == *observer && o.key.is_some() && o.statement.is_none())
            {
                return Err(MergeRejection::StatementMissing {
                    observer: *observer,
                    name: o.name.clone(),
                });
            }
            let mut covered = s.signed_here.max(heads.get(observer).copied().unwrap_or(0));
            if let Some((seq, hash, sig)) = &s.last_signature {
                let key = key_at(*seq, changes, current);
                if !chain::head_signature_is_valid(&key, *observer, *seq, hash, sig) {
                    return Err(MergeRejection::EventSignature {
                        observer: *observer,
                        seq: *seq,
                    });
                }
                covered = covered.max(*seq);
            }
            if s.last > covered {
                return Err(MergeRejection::Unsigned {
                    observer: *observer,
                    first: covered + 1,
                    last: s.last,
                    signed: covered,
                });
            }
        }
        Ok(())
    }
}

/// Binds `rows` to a multi-row insert of as many events.
fn bind_events(stmt: &mut rusqlite::Statement<'_>, rows: &[Pending]) -> rusqlite::Result<()> {
    for (i, p) in rows.iter().enumerate() {
        events::bind(stmt, i * events::BOUND, &p.event, &p.hash)?;
    }
    Ok(())
}

/// Streams events into `conn`: checks each, then adds it, skips it (identical copy held) or
/// refuses the whole source. The merger is returned for its outcome and the signature check.
fn merge_events<'c>(
    conn: &'c Connection,
    now: DateTime<Utc>,
    check_places: bool,
    source: SignedSource<'_>,
    progress: &mut dyn FnMut(u64),
) -> Result<Merger<'c>, MergeRejection> {
    let mut merger = Merger::new(conn, now).map_err(ours)?;
    if check_places {
        merger.places = Some(Places::default());
    }
    let mut seen = 0u64;
    let mut sink =
        |event: Event, hash: Hash, signature: Option<Sig>| -> Result<(), MergeRejection> {
            merger.add(event, hash, signature, true)?;
            seen += 1;
            if seen.is_multiple_of(4096) {
                progress(seen);
            }
            Ok(())
        };
    source(&mut sink)?;
    merger.flush()?;
    merger.flush_signatures()?;
    progress(seen);
    Ok(merger)
}
