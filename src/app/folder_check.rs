//! Signed evidence folders (issue 15 points 4, 5): the files that seal a folder (`MANIFEST.sig`,
//! `signatures.csv`), `verify DIR` re-checking all of it from the folder alone, and
//! `verify --pv REFERENCE PATH` checking a database or a folder against the chain reference
//! written in a procès-verbal. Formats in `docs/formats.md` ("Evidence folders") and
//! `docs/evidence.md`.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use ed25519_dalek::{Signature, Signer, Verifier, VerifyingKey};
use sha2::{Digest, Sha256};

use super::evidence::{Broken, EVENTS_CSV, FolderProblem, MANIFEST, Subject, Verdict};
use crate::domain::ObserverId;
use crate::domain::chain::{self, ChainBreak, Hash, Keypair};
use crate::domain::fingerprint::{ChainReference, Fingerprint};
use crate::error::Error;
use crate::export::events_csv;
use crate::i18n::{Localize, Message, cut};
use crate::storage::{PhotoCheck, PhotoState, Store, Untrusted, open_regular};

/// The signature of the `MANIFEST`, by the observer who exported the folder.
pub const MANIFEST_SIG: &str = "MANIFEST.sig";
/// Every observer's public key and signed chain head.
pub const SIGNATURES_CSV: &str = "signatures.csv";
/// The chain digest, as the reports and the procès-verbal print it.
pub const CHAIN_DIGEST: &str = "chain-digest.txt";

/// The first line of `MANIFEST.sig`.
const SIG_TAG: &str = "constat-manifest-signature/1";
/// The header of `signatures.csv`.
pub const SIGNATURES_HEADER: [&str; 7] = [
    "observer",
    "observer_name",
    "public_key",
    "fingerprint",
    "signed_seq",
    "signed_hash",
    "signature",
];

/// The key that signs what this machine exports: the ONE place that reaches for it (today the
/// store reads it from the database; the `sign` branch moves it into a key file).
pub fn keys_for_signing(store: &Store) -> Option<&Keypair> {
    store.signing_keys()
}

/// `MANIFEST.sig`: who signed the `MANIFEST`, with which key, and the Ed25519 signature over the
/// exact bytes of the `MANIFEST`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManifestSignature {
    /// The exporting observer.
    pub observer: ObserverId,
    /// Their public key.
    pub public_key: [u8; 32],
    /// The signature of the `MANIFEST`'s bytes.
    pub signature: [u8; 64],
}

impl ManifestSignature {
    /// Signs `manifest` as `observer` with `keys`.
    pub fn sign(observer: ObserverId, keys: &Keypair, manifest: &[u8]) -> Self {
        let signing = ed25519_dalek::SigningKey::from_bytes(&keys.secret());
        Self {
            observer,
            public_key: keys.public(),
            signature: signing.sign(manifest).to_bytes(),
        }
    }

    /// The file's text: five lines `field: value`.
    pub fn render(&self) -> String {
        format!(
            "{SIG_TAG}\nobserver: {}\npublic_key: {}\nfingerprint: {}\nsignature: {}\n",
            self.observer,
            hex::encode(self.public_key),
            Fingerprint::of(&self.public_key),
            hex::encode(self.signature)
        )
    }

    /// Reads the file's text; `Err(line)`: the first line (from 1) that is not as written.
    pub fn parse(text: &str) -> Result<Self, usize> {
        let mut lines = text.lines();
        if lines.next() != Some(SIG_TAG) {
            return Err(1);
        }
        let mut field = |n: usize, name: &str| -> Result<String, usize> {
            lines
                .next()
                .and_then(|l| l.strip_prefix(name))
                .and_then(|l| l.strip_prefix(": "))
                .map(str::to_owned)
                .ok_or(n)
        };
        let observer = uuid::Uuid::parse_str(&field(2, "observer")?).map_err(|_| 2usize)?;
        let public_key: [u8; 32] = hex::decode(field(3, "public_key")?)
            .ok()
            .and_then(|b| b.try_into().ok())
            .ok_or(3usize)?;
        let fingerprint = Fingerprint::parse(&field(4, "fingerprint")?).ok_or(4usize)?;
        if fingerprint != Fingerprint::of(&public_key) {
            return Err(4);
        }
        let signature: [u8; 64] = hex::decode(field(5, "signature")?)
            .ok()
            .and_then(|b| b.try_into().ok())
            .ok_or(5usize)?;
        Ok(Self {
            observer: ObserverId(observer),
            public_key,
            signature,
        })
    }

    /// Whether the signature verifies over `manifest` with the key it names.
    pub fn verifies(&self, manifest: &[u8]) -> bool {
        VerifyingKey::from_bytes(&self.public_key).is_ok_and(|k| {
            k.verify(manifest, &Signature::from_bytes(&self.signature))
                .is_ok()
        })
    }
}

/// One row of `signatures.csv`: an observer, their key and signed head.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seal {
    /// The observer's name.
    pub name: String,
    /// Their public key.
    pub public_key: Option<[u8; 32]>,
    /// Their signed head: position, hash, signature.
    pub head: Option<(u64, Hash, [u8; 64])>,
}

/// A text cell as the events CSV writes it (a formula-looking value gets a leading `'`, a value
/// starting with `'` one more), so that a name reads back exactly.
fn quote(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r', '\'']) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

fn unquote(cell: &str) -> String {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r', '\'']) => rest.to_owned(),
        _ => cell.to_owned(),
    }
}

/// Writes `signatures.csv`: one row per observer of the store, in id order.
pub fn write_signatures(store: &Store) -> Result<Vec<u8>, Error> {
    let seals = store.head_seals()?;
    let mut w = csv::Writer::from_writer(Vec::new());
    let io = |e: csv::Error| Error::Io {
        path: SIGNATURES_CSV.into(),
        context: crate::error::IoContext::WritingReport,
        source: std::io::Error::other(e.to_string()),
    };
    w.write_record(SIGNATURES_HEADER).map_err(io)?;
    for s in seals {
        let (seq, hash, sig) = match &s.head {
            Some((seq, hash, sig)) => (seq.to_string(), hex::encode(hash), hex::encode(sig)),
            None => Default::default(),
        };
        w.write_record([
            s.observer.to_string(),
            quote(&s.name),
            s.public_key.map(hex::encode).unwrap_or_default(),
            s.public_key
                .map(|k| Fingerprint::of(&k).to_string())
                .unwrap_or_default(),
            seq,
            hash,
            sig,
        ])
        .map_err(io)?;
    }
    w.into_inner()
        .map_err(|e| io(csv::Error::from(e.into_error())))
}

/// Reads `signatures.csv`; `Err(line)`: the first line that is not as written.
fn read_signatures(bytes: &[u8]) -> Result<BTreeMap<ObserverId, Seal>, u64> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(false)
        .from_reader(bytes);
    let mut out = BTreeMap::new();
    for (n, record) in r.records().enumerate() {
        let line = n as u64 + 1;
        let record = record.map_err(|_| line)?;
        let cells: Vec<&str> = record.iter().collect();
        if n == 0 {
            if cells != SIGNATURES_HEADER {
                return Err(line);
            }
            continue;
        }
        let [observer, name, key, fingerprint, seq, hash, sig] = cells.as_slice() else {
            return Err(line);
        };
        let observer = uuid::Uuid::parse_str(observer).map_err(|_| line)?;
        let public_key = match *key {
            "" => None,
            k => Some(
                hex::decode(k)
                    .ok()
                    .and_then(|b| <[u8; 32]>::try_from(b).ok())
                    .ok_or(line)?,
            ),
        };
        let printed = Fingerprint::parse(fingerprint);
        if printed != public_key.map(|k| Fingerprint::of(&k)) {
            return Err(line);
        }
        let head = match (*seq, *hash, *sig) {
            ("", "", "") => None,
            (seq, hash, sig) => {
                let seq: u64 = seq.parse().map_err(|_| line)?;
                let hash: Hash = hex::decode(hash)
                    .ok()
                    .and_then(|b| b.try_into().ok())
                    .ok_or(line)?;
                let sig: [u8; 64] = hex::decode(sig)
                    .ok()
                    .and_then(|b| b.try_into().ok())
                    .ok_or(line)?;
                Some((seq, hash, sig))
            }
        };
        let seal = Seal {
            name: unquote(name),
            public_key,
            head,
        };
        if out.insert(ObserverId(observer), seal).is_some() {
            return Err(line);
        }
    }
    if out.is_empty() && r.position().line() == 1 {
        return Err(1);
    }
    Ok(out)
}

/// What is wrong with an observer's seal in a folder: the key and signed head of
/// `signatures.csv` against the chain of `events.csv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SealProblem {
    /// Events of an observer that `signatures.csv` does not list: no key checks them.
    Orphan {
        /// Their events.
        events: u64,
    },
    /// The observer has no key or no signed head: nothing signs their events.
    NotSigned {
        /// Their events.
        events: u64,
    },
    /// Events after the signed head: nothing signs them.
    SignedUpTo {
        /// The signed position.
        signed: u64,
        /// Events in the chain.
        events: u64,
    },
    /// The signed head is beyond the chain: events were removed from the end.
    HeadBeyondChain {
        /// The signed position.
        signed: u64,
        /// Events in the chain.
        events: u64,
    },
    /// The signed head's hash is not the chain's at that position.
    HeadDiffers {
        /// The signed position.
        seq: u64,
    },
    /// The head's signature does not verify with the observer's key.
    BadSignature {
        /// The signed position.
        seq: u64,
    },
    /// The name in `events.csv` is not the one in `signatures.csv`.
    NameDiffers {
        /// The name in `events.csv`.
        in_events: String,
        /// The name in `signatures.csv`.
        in_signatures: String,
    },
    /// The observer's signed statement carried by `events.csv` (name, key, reference digest)
    /// does not verify: the name or the data was altered.
    BadStatement,
    /// A signed row of `events.csv` without the observer's signed statement: it was removed,
    /// and nothing covers their name or reference data.
    StatementMissing,
    /// The row's key is not the observer's key in `signatures.csv`.
    OtherKey {
        /// The row's position in the chain.
        seq: u64,
    },
    /// The row's own signature does not verify with the observer's key.
    BadEventSignature {
        /// The row's position in the chain.
        seq: u64,
    },
    /// A key change signed with its new key only (old key lost): nothing in the folder proves
    /// that the new key is the observer's (issue 15 point 3).
    KeyChangeUnproven {
        /// The key change's position.
        seq: u64,
        /// The new key's fingerprint.
        fingerprint: Fingerprint,
    },
    /// The last key change of the chain names another new key than the observer's in
    /// `signatures.csv`.
    KeyChangeBroken {
        /// The key change's position.
        seq: u64,
    },
}

impl Localize for SealProblem {
    fn message(&self) -> Message<'_> {
        match self {
            Self::Orphan { events } => Message::new("reason-seal-orphan").arg("events", *events),
            Self::NotSigned { events } => {
                Message::new("reason-seal-not-signed").arg("events", *events)
            }
            Self::SignedUpTo { signed, events } => Message::new("reason-seal-signed-up-to")
                .arg("signed", *signed)
                .arg("events", *events),
            Self::HeadBeyondChain { signed, events } => Message::new("reason-seal-head-beyond")
                .arg("signed", *signed)
                .arg("events", *events),
            Self::HeadDiffers { seq } => Message::new("reason-seal-head-differs").arg("seq", *seq),
            Self::BadSignature { seq } => {
                Message::new("reason-seal-bad-signature").arg("seq", *seq)
            }
            Self::NameDiffers {
                in_events,
                in_signatures,
            } => Message::new("reason-seal-name-differs")
                .arg("events", cut(in_events))
                .arg("signatures", cut(in_signatures)),
            Self::BadStatement => Message::new("reason-seal-bad-statement"),
            Self::StatementMissing => Message::new("reason-seal-statement-missing"),
            Self::OtherKey { seq } => Message::new("reason-seal-other-key").arg("seq", *seq),
            Self::BadEventSignature { seq } => {
                Message::new("reason-seal-bad-event-signature").arg("seq", *seq)
            }
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

/// Checks what a signed events CSV row carries (issue 15 point 1): its key is the observer's
/// key of `signatures.csv`, the observer's signed statement (name, key, reference digest)
/// verifies, and so does the row's own signature of its chain position. A row without these
/// columns (a CSV written before schema 5) passes: the signed head covers it.
fn check_event_signatures(
    row: &events_csv::Row,
    seal: Option<&Seal>,
    tip: &mut Tip,
) -> Option<SealProblem> {
    let seq = row.event.seq;
    // An observer `signatures.csv` does not list is an orphan, said once for the chain.
    let seal = seal?;
    let key = row.public_key?;
    if seal.public_key.is_some_and(|k| k != key) {
        return Some(SealProblem::OtherKey { seq });
    }
    match (&row.reference_digest, &row.observer_statement) {
        (Some(digest), Some(statement))
            if chain::statement_is_valid(
                row.event.observer,
                &row.observer_name,
                &key,
                digest,
                statement,
            ) => {}
        // A row its observer's key signs comes with their statement (constat writes both).
        (None, None) if row.signature.is_some() => return Some(SealProblem::StatementMissing),
        (None, None) => {}
        _ => return Some(SealProblem::BadStatement),
    }
    let sig = row.signature.as_ref()?;
    let observer = row.event.observer;
    let valid = |k: &[u8; 32], at: u64, hash: &Hash, s: &[u8; 64]| {
        chain::head_signature_is_valid(k, observer, at, hash, s)
    };
    // Issue 15 point 3: the rows before a key change are signed by its old key, which only the
    // key change names: a row that the observer's key does not sign waits for it.
    if let Some((from, to)) = row.event.body.changed_keys() {
        if let Some((at, _, _)) = tip
            .deferred
            .iter()
            .find(|(at, h, s)| !valid(&from, *at, h, s))
        {
            return Some(SealProblem::BadEventSignature { seq: *at });
        }
        tip.deferred.clear();
        tip.last_change = Some((seq, to));
        if valid(&from, seq, &row.hash, sig) {
            return None;
        }
        if valid(&to, seq, &row.hash, sig) {
            tip.unproven
                .get_or_insert_with(|| (seq, Fingerprint::of(&to)));
            return None;
        }
        return Some(SealProblem::BadEventSignature { seq });
    }
    if !valid(&key, seq, &row.hash, sig) {
        tip.deferred.push((seq, row.hash, *sig));
    }
    None
}

/// One observer's chain as walked in `events.csv`.
struct Tip {
    name: String,
    events: u64,
    seq: u64,
    head: Hash,
    /// The stored hash of the last row (what the digest covers).
    last: (u64, Hash),
    /// The hash at the signed head's position, when walked.
    at_signed: Option<Hash>,
    broken: Option<Broken>,
    /// Rows whose signature the observer's key does not verify, waiting for a key change whose
    /// old key signs them (issue 15 point 3): position, hash, signature.
    deferred: Vec<(u64, Hash, [u8; 64])>,
    /// The last key change walked: its position and new key.
    last_change: Option<(u64, [u8; 32])>,
    /// The first key change signed by its new key only.
    unproven: Option<(u64, Fingerprint)>,
    /// When the last row walked was recorded: along a chain time never goes back.
    last_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// What a folder holds, once checked.
struct Checked {
    verdicts: Vec<Verdict>,
    seals: BTreeMap<ObserverId, Seal>,
    photos: Vec<PhotoCheck>,
}

/// The folder of an evidence folder holding the photos, as `photos/<sha256>.<ext>`.
pub const PHOTOS_DIR: &str = "photos";

/// The name in the folder of the photo whose stored bytes hash to `sha256` (hex).
pub fn photo_file_name(sha256: &str, media: crate::domain::MediaType) -> String {
    format!("{PHOTOS_DIR}/{sha256}.{}", media.extension())
}

/// The name in the folder of the thumbnail of the photo `sha256` (hex) whose original the
/// exporting database did not hold (a thumbnail-only copy, `export db --thumbnails`): a JPEG,
/// covered by the signed `MANIFEST` only (the event's hash is the original's).
pub fn thumbnail_file_name(sha256: &str) -> String {
    format!("{PHOTOS_DIR}/{sha256}.thumbnail.jpg")
}

/// Whether `name` is a plain file name (no folder, not `.` or `..`, not empty).
fn plain_name(name: &str) -> bool {
    !(name.contains(['/', '\\']) || name == ".." || name == "." || name.is_empty())
}

/// A name a `MANIFEST` may list: a plain file name of the folder, or one of its `photos/`.
fn listable(name: &str) -> bool {
    match name.split_once('/') {
        Some((PHOTOS_DIR, file)) => plain_name(file),
        Some(_) => false,
        None => plain_name(name),
    }
}

/// A photo event of the folder's `events.csv`.
struct AnnouncedPhoto {
    event: crate::domain::EventId,
    observer: ObserverId,
    name: String,
    sha256: String,
    media: crate::domain::MediaType,
}

fn problem(subject: Subject, problem: FolderProblem) -> Verdict {
    Verdict {
        subject,
        broken: Some(Broken::Folder(problem)),
    }
}

/// Re-checks an evidence folder from its files alone, in this order (the first break named is
/// the first broken line): the folder is not empty; the `MANIFEST` exists, is not empty, and
/// every file it lists has the listed SHA-256; no file is there that it does not list;
/// `events.csv` is there; `MANIFEST.sig` verifies over the `MANIFEST`'s bytes with the key it
/// names, which is its observer's key in `signatures.csv`; `chain-digest.txt` is the digest
/// recomputed from `events.csv`; every observer's chain of `events.csv` re-walked from hash(0),
/// with its key and signed head from `signatures.csv`.
pub fn verify_folder(dir: &Path) -> Result<Vec<Verdict>, Error> {
    Ok(check(dir)?.verdicts)
}

/// As [`verify_folder`], with every photo event of `events.csv` checked against the folder's
/// `photos/`: intact (its file hashes to the event's hash), announced but not received (no file:
/// not a break), or altered (also a broken verdict, naming the file).
pub fn verify_folder_with_photos(dir: &Path) -> Result<(Vec<Verdict>, Vec<PhotoCheck>), Error> {
    let checked = check(dir)?;
    Ok((checked.verdicts, checked.photos))
}

fn read_small(path: &Path) -> Result<Vec<u8>, Error> {
    let mut bytes = Vec::new();
    let mut file = open_regular(path).map_err(|r| Error::Untrusted(path.to_owned(), r))?;
    file.read_to_end(&mut bytes).map_err(|source| Error::Io {
        path: path.to_owned(),
        context: crate::error::IoContext::ReadingInput,
        source,
    })?;
    Ok(bytes)
}

fn check(dir: &Path) -> Result<Checked, Error> {
    let mut verdicts = Vec::new();
    let mut present: Vec<String> = match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect(),
        Err(source) => {
            return Err(Error::Io {
                path: dir.to_owned(),
                context: crate::error::IoContext::ReadingInput,
                source,
            });
        }
    };
    // The photos' folder (a real folder, not a link): its files count as `photos/<name>`.
    if std::fs::symlink_metadata(dir.join(PHOTOS_DIR)).is_ok_and(|m| m.is_dir()) {
        present.retain(|n| n != PHOTOS_DIR);
        let entries = std::fs::read_dir(dir.join(PHOTOS_DIR)).map_err(|source| Error::Io {
            path: dir.join(PHOTOS_DIR),
            context: crate::error::IoContext::ReadingInput,
            source,
        })?;
        present.extend(
            entries
                .flatten()
                .map(|e| format!("{PHOTOS_DIR}/{}", e.file_name().to_string_lossy())),
        );
    }
    present.sort();
    let folder = Subject::Folder(dir.display().to_string());
    if present.is_empty() {
        verdicts.push(problem(folder, FolderProblem::EmptyFolder));
        return Ok(Checked {
            verdicts,
            seals: BTreeMap::new(),
            photos: Vec::new(),
        });
    }
    // The digest found of each file hashed (a photo is hashed once, for the `MANIFEST` and for
    // its event).
    let mut hashed: BTreeMap<String, String> = BTreeMap::new();
    let file = |name: &str| Subject::File(name.to_owned());

    // The MANIFEST and the files it lists.
    let manifest_path = dir.join(MANIFEST);
    let manifest = if present.iter().any(|n| n == MANIFEST) {
        Some(read_small(&manifest_path)?)
    } else {
        verdicts.push(problem(file(MANIFEST), FolderProblem::ManifestMissing));
        None
    };
    let mut listed: Vec<String> = Vec::new();
    if let Some(bytes) = &manifest {
        let text = String::from_utf8_lossy(bytes);
        if text.trim().is_empty() {
            verdicts.push(problem(file(MANIFEST), FolderProblem::EmptyManifest));
        }
        for (n, line) in text.lines().enumerate() {
            let Some((digest, name)) = line.split_once("  ") else {
                verdicts.push(problem(
                    Subject::ManifestLine(n + 1),
                    FolderProblem::NotManifestLine,
                ));
                continue;
            };
            // Names are plain file names of the folder or of its `photos/`: nothing outside it is
            // ever read.
            if !listable(name) {
                verdicts.push(problem(
                    Subject::ManifestLine(n + 1),
                    FolderProblem::OutsideFolder,
                ));
                continue;
            }
            listed.push(name.to_owned());
            if !present.iter().any(|p| p == name) {
                verdicts.push(problem(file(name), FolderProblem::ListedButMissing));
                continue;
            }
            let found = super::evidence::sha256_file(&dir.join(name));
            if let Ok(found) = &found {
                hashed.insert(name.to_owned(), found.clone());
            }
            verdicts.push(match found {
                Ok(found) if found == digest => Verdict {
                    subject: file(name),
                    broken: None,
                },
                Ok(found) => problem(
                    file(name),
                    FolderProblem::DigestDiffers {
                        listed: digest.to_owned(),
                        found,
                    },
                ),
                Err(p) => problem(file(name), p),
            });
        }
    }
    for name in &present {
        if name != MANIFEST && name != MANIFEST_SIG && !listed.contains(name) {
            verdicts.push(problem(file(name), FolderProblem::NotListed));
        }
    }
    let has_events = present.iter().any(|n| n == EVENTS_CSV);
    if !has_events {
        verdicts.push(problem(file(EVENTS_CSV), FolderProblem::NoEventsCsv));
    }
    // What people read is part of the evidence too: a folder without it is incomplete, even
    // with a MANIFEST that lists what is left (re-signed by whoever cut it).
    if !present.iter().any(|n| n == "observations.csv") {
        verdicts.push(problem(
            file("observations.csv"),
            FolderProblem::PartMissing,
        ));
    }
    if !present.iter().any(|n| n.starts_with("report.")) {
        verdicts.push(problem(file("report.html"), FolderProblem::PartMissing));
    }

    // signatures.csv: every observer's key and signed head.
    let seals = if present.iter().any(|n| n == SIGNATURES_CSV) {
        match read_signatures(&read_small(&dir.join(SIGNATURES_CSV))?) {
            Ok(seals) => seals,
            Err(line) => {
                verdicts.push(problem(
                    file(SIGNATURES_CSV),
                    FolderProblem::SignaturesMalformed { line },
                ));
                BTreeMap::new()
            }
        }
    } else {
        verdicts.push(problem(
            file(SIGNATURES_CSV),
            FolderProblem::SignaturesMissing,
        ));
        BTreeMap::new()
    };

    // MANIFEST.sig: the exporter's signature over the MANIFEST's exact bytes.
    if present.iter().any(|n| n == MANIFEST_SIG) {
        let text = read_small(&dir.join(MANIFEST_SIG))?;
        match ManifestSignature::parse(&String::from_utf8_lossy(&text)) {
            Err(line) => verdicts.push(problem(
                file(MANIFEST_SIG),
                FolderProblem::SignatureMalformed { line },
            )),
            Ok(sig) => {
                let fingerprint = Fingerprint::of(&sig.public_key);
                let subject = Subject::ManifestSignature {
                    observer: sig.observer,
                    name: seals.get(&sig.observer).map(|s| s.name.clone()),
                    fingerprint,
                };
                let why = if !manifest.as_deref().is_some_and(|m| sig.verifies(m)) {
                    Some(FolderProblem::SignatureInvalid)
                } else if seals.get(&sig.observer).and_then(|s| s.public_key)
                    != Some(sig.public_key)
                {
                    Some(FolderProblem::SignerKeyDiffers)
                } else {
                    None
                };
                verdicts.push(Verdict {
                    subject,
                    broken: why.map(Broken::Folder),
                });
            }
        }
    } else {
        verdicts.push(problem(file(MANIFEST_SIG), FolderProblem::SignatureMissing));
    }

    // The chains of events.csv, with their seals; the digest recomputed from them.
    let mut announced: Vec<AnnouncedPhoto> = Vec::new();
    if has_events {
        let path = dir.join(EVENTS_CSV);
        let observations = if present.iter().any(|n| n == OBSERVATIONS_CSV) {
            match observations_reader(&dir.join(OBSERVATIONS_CSV)) {
                Ok(r) => Some(r),
                Err(p) => {
                    verdicts.push(problem(file(OBSERVATIONS_CSV), p));
                    None
                }
            }
        } else {
            None
        };
        match walk(&path, &seals, observations, &mut announced)? {
            Err(v) => verdicts.push(*v),
            Ok((tips, observed)) => {
                let heads: Vec<(ObserverId, u64, Hash)> =
                    tips.iter().map(|(o, t)| (*o, t.last.0, t.last.1)).collect();
                let recomputed = (!heads.is_empty()).then(|| chain::digest_of_heads(&heads));
                verdicts.push(digest_verdict(dir, &present, recomputed)?);
                if let Some(p) = observed {
                    verdicts.push(problem(file(OBSERVATIONS_CSV), p));
                }
                verdicts.extend(chain_verdicts(tips, &seals));
            }
        }
    }
    let photos = check_photos(dir, &present, &mut hashed, announced, &mut verdicts);
    Ok(Checked {
        verdicts,
        seals,
        photos,
    })
}

/// Each photo event against the folder's `photos/`: its file hashed (once) and compared with the
/// event's hash; a file that differs is also a broken verdict naming it.
fn check_photos(
    dir: &Path,
    present: &[String],
    hashed: &mut BTreeMap<String, String>,
    announced: Vec<AnnouncedPhoto>,
    verdicts: &mut Vec<Verdict>,
) -> Vec<PhotoCheck> {
    let mut out = Vec::with_capacity(announced.len());
    for photo in announced {
        let file = photo_file_name(&photo.sha256, photo.media);
        let state = if present.binary_search(&file).is_err() {
            if present
                .binary_search(&thumbnail_file_name(&photo.sha256))
                .is_ok()
            {
                PhotoState::ThumbnailOnly
            } else {
                PhotoState::NotReceived
            }
        } else {
            let found = match hashed.get(&file) {
                Some(found) => Ok(found.clone()),
                None => super::evidence::sha256_file(&dir.join(&file)),
            };
            match found {
                Ok(found) => {
                    hashed.insert(file.clone(), found.clone());
                    if found == photo.sha256 {
                        PhotoState::Intact
                    } else {
                        verdicts.push(problem(
                            Subject::File(file.clone()),
                            FolderProblem::PhotoDiffersFromEvent {
                                event: photo.event.to_string(),
                                announced: photo.sha256.clone(),
                                found: found.clone(),
                            },
                        ));
                        PhotoState::Altered(found)
                    }
                }
                Err(p) => {
                    verdicts.push(problem(Subject::File(file.clone()), p));
                    PhotoState::Altered(String::new())
                }
            }
        };
        out.push(PhotoCheck {
            event: photo.event,
            observer: photo.observer,
            name: photo.name,
            sha256: photo.sha256,
            state,
        });
    }
    out
}

fn digest_verdict(
    dir: &Path,
    present: &[String],
    recomputed: Option<String>,
) -> Result<Verdict, Error> {
    let written = if present.iter().any(|n| n == CHAIN_DIGEST) {
        let bytes = read_small(&dir.join(CHAIN_DIGEST))?;
        Some(String::from_utf8_lossy(&bytes).trim().to_owned())
    } else {
        None
    };
    let broken = match (&written, &recomputed) {
        (None, None) => None,
        (Some(w), Some(r)) if w == r => None,
        (None, Some(_)) => Some(FolderProblem::ChainDigestMissing),
        (w, r) => Some(FolderProblem::ChainDigestDiffers {
            written: w.clone().unwrap_or_default(),
            recomputed: r.clone().unwrap_or_default(),
        }),
    };
    Ok(Verdict {
        subject: Subject::Digest { recomputed },
        broken: broken.map(Broken::Folder),
    })
}

/// Walks every chain of `events.csv`; `Err` (a verdict) when the file cannot be read back.
type Walked = (BTreeMap<ObserverId, Tip>, Option<FolderProblem>);

fn walk(
    path: &Path,
    seals: &BTreeMap<ObserverId, Seal>,
    mut observations: Option<Observations>,
    photos: &mut Vec<AnnouncedPhoto>,
) -> Result<Result<Walked, Box<Verdict>>, Error> {
    let mut observed: Option<FolderProblem> = None;
    let file = match super::evidence::open_in_folder(path) {
        Ok(file) => file,
        Err(p) => {
            return Ok(Err(Box::new(problem(
                Subject::File(EVENTS_CSV.to_owned()),
                p,
            ))));
        }
    };
    let mut tips: BTreeMap<ObserverId, Tip> = BTreeMap::new();
    let read = events_csv::read(file, &mut |row| {
        let seal = seals.get(&row.event.observer);
        let tip = tips.entry(row.event.observer).or_insert_with(|| Tip {
            name: row.observer_name.clone(),
            events: 0,
            seq: 0,
            head: chain::GENESIS,
            last: (0, chain::GENESIS),
            at_signed: None,
            broken: None,
            deferred: Vec::new(),
            last_change: None,
            unproven: None,
            last_at: None,
        });
        tip.events += 1;
        tip.last = (row.event.seq, row.hash);
        if let crate::domain::EventBody::Photo { photo, .. } = &row.event.body {
            photos.push(AnnouncedPhoto {
                event: row.event.id,
                observer: row.event.observer,
                name: photo.name.clone(),
                sha256: hex::encode(photo.sha256),
                media: photo.media,
            });
        }
        if let Some(obs) = observations.as_mut()
            && observed.is_none()
        {
            observed = obs.check(&row);
        }
        if tip.broken.is_some() {
            return Ok(());
        }
        if row.observer_name != tip.name {
            tip.broken = Some(Broken::Seal(SealProblem::NameDiffers {
                in_events: row.observer_name.clone(),
                in_signatures: tip.name.clone(),
            }));
        } else if row.event.seq != tip.seq + 1 {
            let gap = ChainBreak::Gap {
                expected: tip.seq + 1,
                found: row.event.seq,
            };
            tip.broken = Some(Broken::CsvChain(gap, None));
        } else if chain::link(&tip.head, &row.event) != row.hash {
            let mismatch = ChainBreak::Mismatch {
                id: row.event.id.to_string(),
                seq: row.event.seq,
            };
            tip.broken = Some(Broken::CsvChain(mismatch, Some(row.line)));
        } else if let Some(p) = check_event_signatures(&row, seal, tip) {
            tip.broken = Some(Broken::Seal(p));
        } else if tip.last_at.is_some_and(|at| row.event.recorded_at < at) {
            // As in a database (`verify`) and at `merge`: a chain never goes back in time.
            tip.broken = Some(Broken::Chain(crate::storage::ChainProblem::TimeGoesBack {
                seq: row.event.seq,
            }));
        } else {
            tip.last_at = Some(row.event.recorded_at);
            tip.seq = row.event.seq;
            tip.head = row.hash;
            if seal.and_then(|s| s.head.as_ref()).map(|h| h.0) == Some(tip.seq) {
                tip.at_signed = Some(row.hash);
            }
        }
        Ok(())
    });
    if let Err(e) = read {
        return Ok(Err(Box::new(Verdict {
            subject: Subject::File(EVENTS_CSV.to_owned()),
            broken: Some(Broken::Csv(e)),
        })));
    }
    if let Some(mut obs) = observations
        && observed.is_none()
    {
        observed = obs.extra();
    }
    Ok(Ok((tips, observed)))
}

/// The observations CSV of a folder.
const OBSERVATIONS_CSV: &str = "observations.csv";

/// `observations.csv` read row by row beside `events.csv`: it is written from the same events in
/// the same order, so each row must name the same event, hash, time and (for a tick) the same
/// item and value. What a person reads in a spreadsheet is then what the chains cover.
struct Observations {
    records: csv::StringRecordsIntoIter<Box<dyn Read>>,
}

fn observations_reader(path: &Path) -> Result<Observations, FolderProblem> {
    let mut file = super::evidence::open_in_folder(path)?;
    let mut head = [0u8; 6];
    let mut n = 0;
    while n < head.len() {
        match file.read(&mut head[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) => return Err(FolderProblem::Unreadable(e.into())),
        }
    }
    let head = head[..n].to_vec();
    let body = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&head).to_vec();
    let separator = if body.starts_with(b"id;") { b';' } else { b',' };
    let input: Box<dyn Read> = Box::new(std::io::Cursor::new(body).chain(file));
    let records = csv::ReaderBuilder::new()
        .delimiter(separator)
        .flexible(true)
        .from_reader(input)
        .into_records();
    Ok(Observations { records })
}

impl Observations {
    /// The next row against `row` of `events.csv`.
    fn check(&mut self, row: &events_csv::Row) -> Option<FolderProblem> {
        let Some(record) = self.records.next() else {
            return Some(FolderProblem::ObservationDiffers {
                line: 0,
                column: "id",
            });
        };
        let Ok(record) = record else {
            return Some(FolderProblem::ObservationDiffers {
                line: 0,
                column: "id",
            });
        };
        let line = record.position().map_or(0, |p| p.line());
        let cell = |i: usize| record.get(i).unwrap_or("");
        let differs = |column| Some(FolderProblem::ObservationDiffers { line, column });
        let recorded_at = row
            .event
            .recorded_at
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        if cell(0) != row.event.id.to_string() {
            return differs("id");
        }
        if cell(8) != hex::encode(row.hash) {
            return differs("hash");
        }
        if cell(9) != recorded_at {
            return differs("recorded_at");
        }
        if let crate::domain::EventBody::Tick { item, mark, .. } = &row.event.body {
            if cell(5) != item.slug() {
                return differs("item");
            }
            if cell(6) != mark.slug() {
                return differs("value");
            }
        }
        None
    }

    /// A row left once `events.csv` is read.
    fn extra(&mut self) -> Option<FolderProblem> {
        self.records
            .next()
            .map(|r| FolderProblem::ObservationDiffers {
                line: r
                    .ok()
                    .and_then(|r| r.position().map(|p| p.line()))
                    .unwrap_or(0),
                column: "id",
            })
    }
}

/// One verdict per observer of `events.csv` or of `signatures.csv` with a signed head.
fn chain_verdicts(
    mut tips: BTreeMap<ObserverId, Tip>,
    seals: &BTreeMap<ObserverId, Seal>,
) -> Vec<Verdict> {
    // An observer whose every event was removed still has their signed head.
    for (observer, seal) in seals {
        if seal.head.is_some() && !tips.contains_key(observer) {
            tips.insert(
                *observer,
                Tip {
                    name: seal.name.clone(),
                    events: 0,
                    seq: 0,
                    head: chain::GENESIS,
                    last: (0, chain::GENESIS),
                    at_signed: None,
                    broken: None,
                    deferred: Vec::new(),
                    last_change: None,
                    unproven: None,
                    last_at: None,
                },
            );
        }
    }
    tips.into_iter()
        .map(|(observer, mut tip)| {
            let seal = seals.get(&observer);
            if tip.broken.is_none() {
                tip.broken = key_change_problem(&tip, seal)
                    .or_else(|| seal_problem(observer, &tip, seal))
                    .map(Broken::Seal);
            }
            Verdict {
                subject: Subject::CsvChain {
                    name: tip.name,
                    observer,
                    events: tip.events,
                    seq: tip.seq,
                    head: tip.head,
                    fingerprint: seal.and_then(|s| s.public_key).map(|k| Fingerprint::of(&k)),
                    signed_up_to: seal.and_then(|s| s.head.as_ref()).map(|h| h.0),
                },
                broken: tip.broken,
            }
        })
        .collect()
}

/// What the key changes of a walked chain leave (issue 15 point 3): a row no key signs, a last
/// key change naming another key than the observer's, a key change its old key does not sign.
fn key_change_problem(tip: &Tip, seal: Option<&Seal>) -> Option<SealProblem> {
    if let Some((seq, _, _)) = tip.deferred.first() {
        return Some(SealProblem::BadEventSignature { seq: *seq });
    }
    if let (Some((seq, to)), Some(key)) = (tip.last_change, seal.and_then(|s| s.public_key))
        && to != key
    {
        return Some(SealProblem::KeyChangeBroken { seq });
    }
    tip.unproven
        .clone()
        .map(|(seq, fingerprint)| SealProblem::KeyChangeUnproven { seq, fingerprint })
}

fn seal_problem(observer: ObserverId, tip: &Tip, seal: Option<&Seal>) -> Option<SealProblem> {
    let events = tip.events;
    let Some(seal) = seal else {
        return Some(SealProblem::Orphan { events });
    };
    if seal.name != tip.name {
        return Some(SealProblem::NameDiffers {
            in_events: tip.name.clone(),
            in_signatures: seal.name.clone(),
        });
    }
    let (Some(key), Some((signed, hash, sig))) = (seal.public_key, seal.head.as_ref()) else {
        return Some(SealProblem::NotSigned { events });
    };
    let signed = *signed;
    if !chain::head_signature_is_valid(&key, observer, signed, hash, sig) {
        return Some(SealProblem::BadSignature { seq: signed });
    }
    if signed > events {
        return Some(SealProblem::HeadBeyondChain { signed, events });
    }
    if tip.at_signed.as_ref() != Some(hash) {
        return Some(SealProblem::HeadDiffers { seq: signed });
    }
    if signed < events {
        return Some(SealProblem::SignedUpTo { signed, events });
    }
    None
}

/// How a file differs from what a procès-verbal's chain reference pins.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PvDifference {
    /// No observer of the file has a key with the reference's fingerprint.
    NoSuchKey,
    /// The signer's chain stops before the reference's position.
    ChainShorter {
        /// The observer's name.
        name: String,
        /// Events in the chain.
        events: u64,
    },
    /// The chain's hash at the reference's position does not start as written.
    HashDiffers {
        /// The observer's name.
        name: String,
        /// The start of the hash found there.
        found: String,
    },
    /// The file does not verify: its first break.
    NotIntact(Box<Verdict>),
}

impl Localize for PvDifference {
    fn message(&self) -> Message<'_> {
        match self {
            Self::NoSuchKey => Message::new("reason-pv-no-such-key"),
            Self::ChainShorter { name, events } => Message::new("reason-pv-chain-shorter")
                .arg("name", cut(name))
                .arg("events", *events),
            Self::HashDiffers { name, found } => Message::new("reason-pv-hash-differs")
                .arg("name", cut(name))
                .arg("found", found),
            Self::NotIntact(_) => Message::new("reason-pv-not-intact"),
        }
    }
}

/// A file that holds the state a reference pins.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PvMatch {
    /// The signer.
    pub observer: ObserverId,
    /// Their name.
    pub name: String,
    /// Events in their chain (the reference's position, or more: it extends it).
    pub events: u64,
}

/// Reads a chain reference as typed; a typed error with an example when malformed.
pub fn parse_reference(typed: &str) -> Result<ChainReference, Error> {
    ChainReference::parse(typed).ok_or_else(|| Error::PvReferenceMalformed(typed.to_owned()))
}

/// Whether `path` (a database, or an evidence folder) holds exactly the state that `reference`
/// pins (the signer's event at that position has that hash prefix) and how far it extends it,
/// or the first difference.
pub fn check_reference(
    reference: &ChainReference,
    path: &Path,
) -> Result<Result<PvMatch, PvDifference>, Error> {
    if path.is_dir() {
        check_reference_in_folder(reference, path)
    } else {
        check_reference_in_database(reference, path)
    }
}

fn matches(
    reference: &ChainReference,
    name: String,
    events: u64,
    hash: Option<Hash>,
) -> Result<(String, u64), PvDifference> {
    match hash {
        _ if events < reference.seq => Err(PvDifference::ChainShorter { name, events }),
        Some(h) if reference.matches_hash(&h) => Ok((name, events)),
        Some(h) => {
            let mut found = hex::encode(h);
            found.truncate(crate::domain::fingerprint::REFERENCE_HEX);
            Err(PvDifference::HashDiffers { name, found })
        }
        None => Err(PvDifference::ChainShorter { name, events }),
    }
}

fn check_reference_in_database(
    reference: &ChainReference,
    path: &Path,
) -> Result<Result<PvMatch, PvDifference>, Error> {
    let untrusted = |r| Error::Untrusted(path.to_owned(), r);
    let db = Untrusted::open(path).map_err(untrusted)?;
    let seals = db.observer_seals().map_err(untrusted)?;
    // The key of the PV, or (issue 15 point 3) a key the observer's chain changed from at or
    // after the PV's position: the key that signed that position.
    let former = db.former_keys().map_err(untrusted)?;
    let Some(seal) = seals.iter().find(|s| {
        s.public_key.map(|k| Fingerprint::of(&k)).as_ref() == Some(&reference.fingerprint)
            || former.iter().any(|(o, seq, from)| {
                *o == s.observer
                    && *seq >= reference.seq
                    && Fingerprint::of(from) == reference.fingerprint
            })
    }) else {
        return Ok(Err(PvDifference::NoSuchKey));
    };
    let observer = seal.observer;
    let checks = super::evidence::verify_database_file(path)?;
    if let Some(broken) = checks.into_iter().find(|v| {
        v.broken.is_some()
            && matches!(&v.subject, Subject::Chain { observer: o, .. } if *o == observer)
    }) {
        return Ok(Err(PvDifference::NotIntact(Box::new(broken))));
    }
    let (events, hash) = db.chain_at(observer, reference.seq).map_err(untrusted)?;
    Ok(
        matches(reference, seal.name.clone(), events, hash).map(|(name, events)| PvMatch {
            observer,
            name,
            events,
        }),
    )
}

fn check_reference_in_folder(
    reference: &ChainReference,
    dir: &Path,
) -> Result<Result<PvMatch, PvDifference>, Error> {
    let checked = check(dir)?;
    if let Some(broken) = checked.verdicts.into_iter().find(|v| v.broken.is_some()) {
        return Ok(Err(PvDifference::NotIntact(Box::new(broken))));
    }
    // The key of the PV, or (issue 15 point 3) a key the observer's chain changed from at or
    // after the PV's position: the key that signed that position.
    let mut former: Vec<(ObserverId, u64, [u8; 32])> = Vec::new();
    if let Ok(file) = super::evidence::open_in_folder(&dir.join(EVENTS_CSV)) {
        let _ = events_csv::read(file, &mut |row| {
            if let Some((from, _)) = row.event.body.changed_keys() {
                former.push((row.event.observer, row.event.seq, from));
            }
            Ok(())
        });
    }
    let Some((observer, seal)) = checked.seals.iter().find(|(id, s)| {
        s.public_key.map(|k| Fingerprint::of(&k)).as_ref() == Some(&reference.fingerprint)
            || former.iter().any(|(o, seq, from)| {
                o == *id && *seq >= reference.seq && Fingerprint::of(from) == reference.fingerprint
            })
    }) else {
        return Ok(Err(PvDifference::NoSuchKey));
    };
    let (observer, name) = (*observer, seal.name.clone());
    let (mut events, mut hash) = (0u64, None);
    let not_intact = |broken| {
        Ok(Err(PvDifference::NotIntact(Box::new(Verdict {
            subject: Subject::File(EVENTS_CSV.to_owned()),
            broken: Some(broken),
        }))))
    };
    let file = match super::evidence::open_in_folder(&dir.join(EVENTS_CSV)) {
        Ok(file) => file,
        Err(p) => return not_intact(Broken::Folder(p)),
    };
    let read = events_csv::read(file, &mut |row| {
        if row.event.observer == observer {
            events += 1;
            if row.event.seq == reference.seq {
                hash = Some(row.hash);
            }
        }
        Ok(())
    });
    if let Err(e) = read {
        return not_intact(Broken::Csv(e));
    }
    Ok(
        matches(reference, name, events, hash).map(|(name, events)| PvMatch {
            observer,
            name,
            events,
        }),
    )
}

/// SHA-256 of `bytes` in hex (the `MANIFEST`'s lines).
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn a_manifest_signature_round_trips_and_verifies_only_its_manifest() {
        let keys = Keypair::from_secret(&[5; 32]);
        let observer = ObserverId(uuid::Uuid::from_u128(7));
        let sig = ManifestSignature::sign(observer, &keys, b"abc  events.csv\n");
        let text = sig.render();
        assert!(text.starts_with("constat-manifest-signature/1\nobserver: "));
        let back = ManifestSignature::parse(&text).unwrap();
        assert_eq!(back, sig);
        assert!(back.verifies(b"abc  events.csv\n"));
        assert!(!back.verifies(b"abd  events.csv\n"));
        // A fingerprint that is not the key's.
        let other = Fingerprint::of(&[9; 32]).to_string();
        let forged = text.replace(&Fingerprint::of(&keys.public()).to_string(), &other);
        assert_eq!(ManifestSignature::parse(&forged), Err(4));
        assert_eq!(ManifestSignature::parse(""), Err(1));
    }

    #[test]
    fn signatures_csv_rejects_a_fingerprint_that_is_not_the_keys() {
        let key = hex::encode([1u8; 32]);
        let good = format!(
            "{}\n00000000-0000-0000-0000-000000000001,'=x,{key},{},,,\n",
            SIGNATURES_HEADER.join(","),
            Fingerprint::of(&[1; 32])
        );
        let seals = read_signatures(good.as_bytes()).unwrap();
        assert_eq!(seals.values().next().unwrap().name, "=x");
        let bad = good.replace(
            &Fingerprint::of(&[1; 32]).to_string(),
            &Fingerprint::of(&[2; 32]).to_string(),
        );
        assert_eq!(read_signatures(bad.as_bytes()), Err(2));
        assert_eq!(read_signatures(b""), Err(1));
    }
}
