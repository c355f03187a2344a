//! Tamper evidence: each observer's events form a hash chain, and the chain's head is signed with
//! the observer's Ed25519 key. Pure: hashing and signing need no I/O; keys are passed in.
//!
//! Encoding versions 1, 2 and 3 (a contract, see `docs/formats.md`):
//! - canonical(event) = the JSON array
//!   `["constat-event/1", id, observer, seq, recorded_at, kind, circonscription, bureau, panel,
//!   item, value, voters, received, voter, target, note]` (absent fields `null`, `recorded_at` in
//!   UTC RFC 3339 with microseconds, no spaces), as UTF-8 bytes; an event that names an envelope
//!   number or a day of arrival is encoded in version 2 instead: tag `"constat-event/2"` and the
//!   same fields followed by `envelope, received_on` (`YYYY-MM-DD`); an event that says when it
//!   was seen, states a bureau's voting machines or whether a non-receipt is of the observer's
//!   household is encoded in version 3: tag `"constat-event/3"`, version 2's fields followed by
//!   `seen_at` (as `recorded_at`), `machines`, `household` (JSON `true`/`false`/`null`); a photo
//!   event is encoded in version 4: tag `"constat-event/4"`, version 3's fields followed by
//!   `photo_of`, `photo_about` (a non-receipt's event id), `photo_sha256`, `photo_original` (hex),
//!   `photo_size`, `photo_type` (MIME), `photo_name`, `photo_taken_at` (`YYYY-MM-DDTHH:MM:SS`);
//! - hash(n) = SHA-256(hash(n−1) ‖ canonical(event n)), with hash(0) = 32 zero bytes;
//! - head message = `["constat-head/1", observer, seq, hex(hash)]`, signed with Ed25519; from
//!   schema 5 every event carries the signature of the head at its own position;
//! - observer statement = `["constat-observer/1", id, name, hex(public key), hex(reference
//!   digest)]`, signed with the same key: the observer's name and the reference data they worked
//!   against (see [`super::reference_digest`]).

use crate::i18n::{Lang, Localize, Message, cut};
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use serde_json::json;
use sha2::{Digest, Sha256};

use super::event::{Event, ObserverId};

/// A chain hash.
pub type Hash = [u8; 32];

/// The hash before an observer's first event.
pub const GENESIS: Hash = [0; 32];

/// One field of the canonical array.
enum Field<'a> {
    Text(&'a str),
    Number(u64),
    Bool(bool),
    Null,
}

fn opt_text(s: Option<&str>) -> Field<'_> {
    s.map_or(Field::Null, Field::Text)
}

/// The canonical encoding of an event (version 1, or 2 when it uses version 2's fields): a compact JSON array, written directly
/// (this runs for every event of every merge).
pub fn canonical(e: &Event) -> Vec<u8> {
    let id = e.id.to_string();
    let observer = e.observer.to_string();
    let at = e
        .recorded_at
        .to_rfc3339_opts(chrono::SecondsFormat::Micros, true);
    let f = e.body.flat();
    let target = f.target.map(|t| t.to_string());
    let number = |n: Option<u64>| n.map_or(Field::Null, Field::Number);
    // A version only where a field it adds is set: every earlier event keeps its hash.
    let v4 = f.photo.is_some();
    let v3 = v4 || e.seen_at.is_some() || f.machines.is_some() || f.household.is_some();
    let v2 = v3 || f.envelope.is_some() || f.received_on.is_some();
    let received_on = f.received_on.map(|d| d.format("%Y-%m-%d").to_string());
    let seen_at = e
        .seen_at
        .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Micros, true));
    let flag = |b: Option<bool>| b.map_or(Field::Null, Field::Bool);
    let head = [
        Field::Text(if v4 {
            "constat-event/4"
        } else if v3 {
            "constat-event/3"
        } else if v2 {
            "constat-event/2"
        } else {
            "constat-event/1"
        }),
        Field::Text(&id),
        Field::Text(&observer),
        Field::Number(e.seq),
        Field::Text(&at),
        Field::Text(f.kind),
        opt_text(f.circonscription.map(|c| c.as_str())),
        opt_text(f.bureau.map(|b| b.as_str())),
        number(f.panel.map(u64::from)),
        opt_text(f.item),
        opt_text(f.value),
        number(f.voters.map(u64::from)),
        number(f.received.map(u64::from)),
        opt_text(f.voter),
        opt_text(target.as_deref()),
        opt_text(f.note),
    ];
    let added = [
        number(f.envelope.map(u64::from)),
        opt_text(received_on.as_deref()),
        opt_text(seen_at.as_deref()),
        flag(f.machines),
        flag(f.household),
    ];
    let photo = f.photo.map(|p| {
        (
            match p.of {
                crate::domain::PhotoSubject::NonReceipt { event } => Some(event.to_string()),
                _ => None,
            },
            hex::encode(p.sha256),
            hex::encode(p.original),
            p.taken_at
                .map(|t| t.format("%Y-%m-%dT%H:%M:%S").to_string()),
        )
    });
    let photo_fields: Vec<Field<'_>> = match (f.photo, &photo) {
        (Some(p), Some((about, sha, original, taken))) => vec![
            Field::Text(p.of.slug()),
            opt_text(about.as_deref()),
            Field::Text(sha),
            Field::Text(original),
            Field::Number(p.size),
            Field::Text(p.media.mime()),
            Field::Text(&p.name),
            opt_text(taken.as_deref()),
        ],
        _ => Vec::new(),
    };
    let fields = head
        .iter()
        .chain(match (v2, v3) {
            (_, true) => &added[..],
            (true, false) => &added[..2],
            _ => &[],
        })
        .chain(photo_fields.iter());
    let mut out = Vec::with_capacity(256);
    out.push(b'[');
    for (n, f) in fields.enumerate() {
        if n > 0 {
            out.push(b',');
        }
        match f {
            // serde_json's string escaping: the same bytes as `serde_json::Value::to_string`.
            Field::Text(t) => {
                let _ = serde_json::to_writer(&mut out, t);
            }
            Field::Number(x) => out.extend_from_slice(x.to_string().as_bytes()),
            Field::Bool(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
            Field::Null => out.extend_from_slice(b"null"),
        }
    }
    out.push(b']');
    out
}

/// The hash of `event` following `previous`.
pub fn link(previous: &Hash, event: &Event) -> Hash {
    let mut h = Sha256::new();
    h.update(previous);
    h.update(canonical(event));
    h.finalize().into()
}

/// The message an observer signs for its chain head.
pub fn head_message(observer: ObserverId, seq: u64, hash: &Hash) -> Vec<u8> {
    json!([
        "constat-head/1",
        observer.to_string(),
        seq,
        hex::encode(hash)
    ])
    .to_string()
    .into_bytes()
}

/// The statement an observer signs: who they are, with which key, against which reference data.
pub fn statement_message(
    observer: ObserverId,
    name: &str,
    public: &[u8; 32],
    reference_digest: &[u8; 32],
) -> Vec<u8> {
    json!([
        "constat-observer/1",
        observer.to_string(),
        name,
        hex::encode(public),
        hex::encode(reference_digest)
    ])
    .to_string()
    .into_bytes()
}

/// Checks an observer's statement signature.
pub fn statement_is_valid(
    observer: ObserverId,
    name: &str,
    public: &[u8; 32],
    reference_digest: &[u8; 32],
    signature: &[u8; 64],
) -> bool {
    VerifyingKey::from_bytes(public).is_ok_and(|key| {
        key.verify(
            &statement_message(observer, name, public, reference_digest),
            &Signature::from_bytes(signature),
        )
        .is_ok()
    })
}

/// An observer's key pair.
pub struct Keypair(SigningKey);

impl Keypair {
    /// The key pair of a 32-byte secret (from a random source at creation, or from storage).
    pub fn from_secret(secret: &[u8; 32]) -> Self {
        Self(SigningKey::from_bytes(secret))
    }

    /// The secret, to store.
    pub fn secret(&self) -> [u8; 32] {
        self.0.to_bytes()
    }

    /// The public key, to publish with the observer.
    pub fn public(&self) -> [u8; 32] {
        self.0.verifying_key().to_bytes()
    }

    /// Signs the head `(observer, seq, hash)`.
    pub fn sign_head(&self, observer: ObserverId, seq: u64, hash: &Hash) -> [u8; 64] {
        self.0.sign(&head_message(observer, seq, hash)).to_bytes()
    }

    /// Signs the observer's statement (name and reference digest).
    pub fn sign_statement(
        &self,
        observer: ObserverId,
        name: &str,
        reference_digest: &[u8; 32],
    ) -> [u8; 64] {
        self.0
            .sign(&statement_message(
                observer,
                name,
                &self.public(),
                reference_digest,
            ))
            .to_bytes()
    }
}

/// Checks a head signature against an observer's public key.
pub fn head_signature_is_valid(
    public: &[u8; 32],
    observer: ObserverId,
    seq: u64,
    hash: &Hash,
    signature: &[u8; 64],
) -> bool {
    VerifyingKey::from_bytes(public).is_ok_and(|key| {
        key.verify(
            &head_message(observer, seq, hash),
            &Signature::from_bytes(signature),
        )
        .is_ok()
    })
}

/// A digest of several chain heads, to write into a procès-verbal: SHA-256 over each
/// `(observer, seq, hash)` in observer order, in hex (64 characters).
pub fn digest_of_heads(heads: &[(ObserverId, u64, Hash)]) -> String {
    let mut sorted: Vec<&(ObserverId, u64, Hash)> = heads.iter().collect();
    sorted.sort_by_key(|(o, _, _)| *o);
    let mut h = Sha256::new();
    h.update(b"constat-digest/1");
    for (observer, seq, hash) in sorted {
        h.update(observer.0.as_bytes());
        h.update(seq.to_be_bytes());
        h.update(hash);
    }
    hex::encode(h.finalize())
}

/// Where an observer's chain breaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChainBreak {
    /// A position is missing (deleted event).
    Gap {
        /// The position expected.
        expected: u64,
        /// The one found.
        found: u64,
    },
    /// The stored hash does not match the content and the previous hash (altered, reordered or
    /// replayed event).
    Mismatch {
        /// The event.
        id: String,
        /// Its position.
        seq: u64,
    },
}

impl Localize for ChainBreak {
    fn message(&self) -> Message<'_> {
        match self {
            Self::Gap { expected, found } => Message::new("reason-chain-gap")
                .arg("expected", expected.to_string())
                .arg("found", found.to_string()),
            Self::Mismatch { id, seq } => Message::new("reason-chain-mismatch")
                .arg("id", cut(id))
                .arg("seq", seq.to_string()),
        }
    }
}

impl std::fmt::Display for ChainBreak {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for ChainBreak {}

/// Walks one observer's events in seq order with their stored hashes; returns the head hash, or
/// where the chain breaks.
pub fn verify_chain<'a>(
    events: impl IntoIterator<Item = (&'a Event, &'a Hash)>,
) -> Result<(u64, Hash), ChainBreak> {
    let (mut seq, mut hash) = (0u64, GENESIS);
    for (e, stored) in events {
        if e.seq != seq + 1 {
            return Err(ChainBreak::Gap {
                expected: seq + 1,
                found: e.seq,
            });
        }
        let expected = link(&hash, e);
        if &expected != stored {
            return Err(ChainBreak::Mismatch {
                id: e.id.to_string(),
                seq: e.seq,
            });
        }
        seq = e.seq;
        hash = expected;
    }
    Ok((seq, hash))
}

/// One key change of a chain, for [`key_at`]: its position, the old and new public keys, and
/// whether it is signed by its new key only (the old one lost).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyStep {
    /// The key-change event's position.
    pub seq: u64,
    /// The key before it.
    pub from: [u8; 32],
    /// The key after it.
    pub to: [u8; 32],
    /// Signed by its new key only.
    pub lost: bool,
}

/// The key that signs position `seq` of a chain whose settled key changes are `steps` (in chain
/// order) and whose key is now `current`: a change's old key up to it (its own position too,
/// unless the old key was lost), its new key after it. What `verify` and `merge` both follow.
pub fn key_at(seq: u64, steps: impl IntoIterator<Item = KeyStep>, current: [u8; 32]) -> [u8; 32] {
    for c in steps {
        if seq < c.seq || (seq == c.seq && !c.lost) {
            return c.from;
        }
        if seq == c.seq {
            return c.to;
        }
    }
    current
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;
    use uuid::Uuid;

    use super::*;
    use crate::domain::{CirconscriptionCode, EventBody, EventId, Item, Mark, Panel};

    fn ev(observer: u128, seq: u64, note: &str) -> Event {
        Event {
            id: EventId(Uuid::from_u128(observer << 64 | u128::from(seq))),
            observer: ObserverId(Uuid::from_u128(observer)),
            seq,
            recorded_at: DateTime::from_timestamp(1_497_160_000 + seq as i64, 0).unwrap(),
            seen_at: None,
            body: EventBody::Tick {
                circonscription: CirconscriptionCode::parse("7501").unwrap(),
                bureau: None,
                panel: Panel::new(3).unwrap(),
                item: Item::Foi,
                mark: Mark::Present,
                note: Some(note.into()),
                envelope: None,
            },
        }
    }

    fn chain(events: &[Event]) -> Vec<Hash> {
        let mut prev = GENESIS;
        events
            .iter()
            .map(|e| {
                prev = link(&prev, e);
                prev
            })
            .collect()
    }

    #[test]
    fn the_canonical_encoding_is_stable() {
        let text = String::from_utf8(canonical(&ev(1, 1, "é \"q\""))).unwrap();
        assert_eq!(
            text,
            r#"["constat-event/1","00000000-0000-0001-0000-000000000001","00000000-0000-0000-0000-000000000001",1,"2017-06-11T05:46:41.000000Z","tick","7501",null,3,"foi","present",null,null,null,null,"é \"q\""]"#
        );
    }

    #[test]
    fn an_envelope_number_or_a_day_of_arrival_is_encoded_in_version_2() {
        let mut e = ev(1, 1, "n");
        let EventBody::Tick { envelope, .. } = &mut e.body else {
            unreachable!()
        };
        *envelope = Some(2);
        assert_eq!(
            String::from_utf8(canonical(&e)).unwrap(),
            r#"["constat-event/2","00000000-0000-0001-0000-000000000001","00000000-0000-0000-0000-000000000001",1,"2017-06-11T05:46:41.000000Z","tick","7501",null,3,"foi","present",null,null,null,null,"n",2,null]"#
        );
        e.body = EventBody::Envelope {
            circonscription: CirconscriptionCode::parse("7501").unwrap(),
            bureau: None,
            voters: 3,
            received: 2,
            note: None,
            received_on: chrono::NaiveDate::from_ymd_opt(2017, 6, 6),
        };
        assert_eq!(
            String::from_utf8(canonical(&e)).unwrap(),
            r#"["constat-event/2","00000000-0000-0001-0000-000000000001","00000000-0000-0000-0000-000000000001",1,"2017-06-11T05:46:41.000000Z","envelope","7501",null,null,null,null,3,2,null,null,null,null,"2017-06-06"]"#
        );
    }

    #[test]
    fn a_seen_time_machines_or_a_household_are_encoded_in_version_3() {
        use crate::domain::BureauCode;
        let mut e = ev(1, 1, "n");
        e.seen_at = Some(DateTime::from_timestamp(1_497_188_400, 0).unwrap());
        assert_eq!(
            String::from_utf8(canonical(&e)).unwrap(),
            r#"["constat-event/3","00000000-0000-0001-0000-000000000001","00000000-0000-0000-0000-000000000001",1,"2017-06-11T05:46:41.000000Z","tick","7501",null,3,"foi","present",null,null,null,null,"n",null,null,"2017-06-11T13:40:00.000000Z",null,null]"#
        );
        e.seen_at = None;
        e.body = EventBody::Machines {
            circonscription: CirconscriptionCode::parse("7501").unwrap(),
            bureau: BureauCode::parse("75056_0913").unwrap(),
            machines: true,
            note: None,
        };
        assert_eq!(
            String::from_utf8(canonical(&e)).unwrap(),
            r#"["constat-event/3","00000000-0000-0001-0000-000000000001","00000000-0000-0000-0000-000000000001",1,"2017-06-11T05:46:41.000000Z","machines","7501","75056_0913",null,null,null,null,null,null,null,null,null,null,null,true,null]"#
        );
        e.body = EventBody::NonReceipt {
            circonscription: CirconscriptionCode::parse("7501").unwrap(),
            bureau: BureauCode::parse("75056_0913").unwrap(),
            voter: None,
            note: None,
            household: Some(false),
        };
        assert_eq!(
            String::from_utf8(canonical(&e)).unwrap(),
            r#"["constat-event/3","00000000-0000-0001-0000-000000000001","00000000-0000-0000-0000-000000000001",1,"2017-06-11T05:46:41.000000Z","non_receipt","7501","75056_0913",null,null,null,null,null,null,null,null,null,null,null,null,false]"#
        );
    }

    #[test]
    fn every_kind_encodes_as_the_documented_json_array() {
        use crate::domain::BureauCode;
        let circ = CirconscriptionCode::parse("2A01").unwrap();
        let bureau = BureauCode::parse("2A004_0001").unwrap();
        let mut e = ev(1, 7, "x");
        let bodies = [
            EventBody::Envelope {
                circonscription: circ.clone(),
                bureau: Some(bureau.clone()),
                voters: 4,
                received: 1,
                note: Some("tab\t\"é\"\n".into()),
                received_on: None,
            },
            EventBody::NonReceipt {
                circonscription: circ.clone(),
                bureau: bureau.clone(),
                voter: Some("Œdipe".into()),
                note: None,
                household: None,
            },
            EventBody::Retract {
                target: EventId(Uuid::from_u128(9)),
            },
        ];
        let expected = [
            r#"["constat-event/1","00000000-0000-0001-0000-000000000007","00000000-0000-0000-0000-000000000001",7,"2017-06-11T05:46:47.000000Z","envelope","2A01","2A004_0001",null,null,null,4,1,null,null,"tab\t\"é\"\n"]"#,
            r#"["constat-event/1","00000000-0000-0001-0000-000000000007","00000000-0000-0000-0000-000000000001",7,"2017-06-11T05:46:47.000000Z","non_receipt","2A01","2A004_0001",null,null,null,null,null,"Œdipe",null,null]"#,
            r#"["constat-event/1","00000000-0000-0001-0000-000000000007","00000000-0000-0000-0000-000000000001",7,"2017-06-11T05:46:47.000000Z","retract",null,null,null,null,null,null,null,null,"00000000-0000-0000-0000-000000000009",null]"#,
        ];
        for (body, want) in bodies.into_iter().zip(expected) {
            e.body = body;
            assert_eq!(String::from_utf8(canonical(&e)).unwrap(), want);
        }
    }

    #[test]
    fn an_intact_chain_verifies_and_every_tampering_is_named() {
        let events: Vec<Event> = (1..=4).map(|s| ev(1, s, "ok")).collect();
        let hashes = chain(&events);
        let pairs = |ev: &[Event], h: &[Hash]| -> Result<(u64, Hash), ChainBreak> {
            verify_chain(ev.iter().zip(h.iter()))
        };
        assert_eq!(pairs(&events, &hashes), Ok((4, hashes[3])));
        // One byte flipped in a note.
        let mut altered = events.clone();
        altered[1] = ev(1, 2, "oK");
        assert!(matches!(
            pairs(&altered, &hashes),
            Err(ChainBreak::Mismatch { seq: 2, .. })
        ));
        // An event deleted.
        let (mut del_e, mut del_h) = (events.clone(), hashes.clone());
        del_e.remove(2);
        del_h.remove(2);
        assert_eq!(
            pairs(&del_e, &del_h),
            Err(ChainBreak::Gap {
                expected: 3,
                found: 4
            })
        );
        // Two events swapped (positions renumbered to hide it).
        let mut swapped = events.clone();
        swapped.swap(1, 2);
        swapped[1].seq = 2;
        swapped[2].seq = 3;
        assert!(matches!(
            pairs(&swapped, &hashes),
            Err(ChainBreak::Mismatch { seq: 2, .. })
        ));
        // An event replayed from another observer, with its own hash.
        let other: Vec<Event> = (1..=2).map(|s| ev(2, s, "ok")).collect();
        let other_h = chain(&other);
        let (mut rep_e, mut rep_h) = (events.clone(), hashes.clone());
        rep_e[1] = other[1].clone();
        rep_h[1] = other_h[1];
        assert!(matches!(
            pairs(&rep_e, &rep_h),
            Err(ChainBreak::Mismatch { seq: 2, .. })
        ));
    }

    #[test]
    fn head_signatures_verify_only_with_the_right_key_and_head() {
        let keys = Keypair::from_secret(&[7; 32]);
        let other = Keypair::from_secret(&[8; 32]);
        let o = ObserverId(Uuid::from_u128(1));
        let h = [3u8; 32];
        let sig = keys.sign_head(o, 5, &h);
        assert!(head_signature_is_valid(&keys.public(), o, 5, &h, &sig));
        assert!(!head_signature_is_valid(&other.public(), o, 5, &h, &sig));
        assert!(!head_signature_is_valid(&keys.public(), o, 6, &h, &sig));
        assert_eq!(Keypair::from_secret(&keys.secret()).public(), keys.public());
    }

    #[test]
    fn a_statement_covers_the_name_the_key_and_the_reference_digest() {
        let keys = Keypair::from_secret(&[7; 32]);
        let o = ObserverId(Uuid::from_u128(1));
        let d = [4u8; 32];
        assert_eq!(
            String::from_utf8(statement_message(o, "Léa", &[0; 32], &[1; 32])).unwrap(),
            format!(
                r#"["constat-observer/1","00000000-0000-0000-0000-000000000001","Léa","{}","{}"]"#,
                "00".repeat(32),
                "01".repeat(32)
            )
        );
        let sig = keys.sign_statement(o, "Léa Bernard", &d);
        assert!(statement_is_valid(
            o,
            "Léa Bernard",
            &keys.public(),
            &d,
            &sig
        ));
        assert!(!statement_is_valid(
            o,
            "LÃ©a Bernard",
            &keys.public(),
            &d,
            &sig
        ));
        assert!(!statement_is_valid(
            o,
            "Léa Bernard",
            &keys.public(),
            &[5; 32],
            &sig
        ));
        let other = Keypair::from_secret(&[8; 32]);
        assert!(!statement_is_valid(
            o,
            "Léa Bernard",
            &other.public(),
            &d,
            &sig
        ));
    }

    #[test]
    fn the_digest_does_not_depend_on_head_order_and_has_64_hex_digits() {
        let a = (ObserverId(Uuid::from_u128(1)), 3, [1u8; 32]);
        let b = (ObserverId(Uuid::from_u128(2)), 9, [2u8; 32]);
        let d = digest_of_heads(&[a, b]);
        assert_eq!(d, digest_of_heads(&[b, a]));
        assert_eq!(d.len(), 64);
        assert_ne!(d, digest_of_heads(&[a]));
    }

    /// A key change signed by the old key is the old key's own last position; one whose old
    /// key was lost is signed by the new key; later positions take the new key.
    #[test]
    fn the_key_at_a_position_follows_the_key_changes() {
        let (a, b, c) = ([1u8; 32], [2u8; 32], [3u8; 32]);
        let steps = [
            KeyStep {
                seq: 3,
                from: a,
                to: b,
                lost: false,
            },
            KeyStep {
                seq: 6,
                from: b,
                to: c,
                lost: true,
            },
        ];
        let at = |seq| key_at(seq, steps, c);
        assert_eq!(
            [at(1), at(3), at(4), at(5), at(6), at(7)],
            [a, a, b, b, c, c]
        );
        assert_eq!(key_at(9, [], a), a);
    }
}
