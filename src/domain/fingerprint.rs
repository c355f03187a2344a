//! Pinning keys outside the file: an observer's key fingerprint and the chain reference written
//! in a procès-verbal, both short enough to copy by hand and read aloud on election day.
//!
//! - fingerprint(key) = the first 100 bits of SHA-256("constat-key/1" ‖ public key), in
//!   Crockford's base 32 (digits and capitals without I, L, O, U: nothing to confuse when read
//!   aloud or written by hand), 20 characters in 5 groups of 4: `K7QF-3M2X-9PZA-W4TR-HN6C`.
//!   100 bits: finding another key with the same fingerprint costs about 2^100 tries.
//! - chain reference = an observer's chain position, the first 16 hex digits of the chain hash
//!   at that position and the fingerprint of the key that signed it:
//!   `42 / 1a2b 3c4d 5e6f 7a8b / K7QF-3M2X-9PZA-W4TR-HN6C`. Parsing is lenient on spaces,
//!   dashes, slashes and case, since the text comes back typed from a handwritten copy.
//!
//! Pure: a contract documented in docs/formats.md ("Fingerprints and PV references").

use std::fmt;

use sha2::{Digest, Sha256};

/// Crockford's base-32 alphabet.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// Characters of a fingerprint (5 bits each: 100 bits).
pub const FINGERPRINT_CHARS: usize = 20;

/// Hex digits of the chain hash kept in a chain reference (64 bits).
pub const REFERENCE_HEX: usize = 16;

/// A key's fingerprint, kept as its 20 base-32 characters (no dashes).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Fingerprint(String);

impl Fingerprint {
    /// The fingerprint of an Ed25519 public key.
    pub fn of(public_key: &[u8; 32]) -> Self {
        let mut h = Sha256::new();
        h.update(b"constat-key/1");
        h.update(public_key);
        let digest = h.finalize();
        let mut out = String::with_capacity(FINGERPRINT_CHARS);
        // Read the digest as a bit string, 5 bits a character.
        for i in 0..FINGERPRINT_CHARS {
            let bit = i * 5;
            let (byte, shift) = (bit / 8, bit % 8);
            let pair = (u16::from(digest[byte]) << 8) | u16::from(digest[byte + 1]);
            let index = (pair >> (11 - shift)) & 0x1f;
            out.push(char::from(ALPHABET[usize::from(index)]));
        }
        Self(out)
    }

    /// Reads a fingerprint as typed: dashes and spaces ignored, lower case accepted, and the
    /// letters Crockford maps (O → 0, I and L → 1). `None` unless exactly 20 valid characters.
    pub fn parse(typed: &str) -> Option<Self> {
        let mut out = String::with_capacity(FINGERPRINT_CHARS);
        for c in typed.chars() {
            if c == '-' || c.is_whitespace() {
                continue;
            }
            let c = match c.to_ascii_uppercase() {
                'O' => '0',
                'I' | 'L' => '1',
                c => c,
            };
            if !c.is_ascii() || !ALPHABET.contains(&(c as u8)) {
                return None;
            }
            out.push(c);
        }
        (out.len() == FINGERPRINT_CHARS).then_some(Self(out))
    }

    /// The 20 characters without dashes (for files and comparisons).
    pub fn compact(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Fingerprint {
    /// Groups of 4 joined by dashes.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, chunk) in self.0.as_bytes().chunks(4).enumerate() {
            if i > 0 {
                f.write_str("-")?;
            }
            // The alphabet is ASCII, so every chunk is valid UTF-8.
            f.write_str(std::str::from_utf8(chunk).map_err(|_| fmt::Error)?)?;
        }
        Ok(())
    }
}

/// What a procès-verbal pins of one observer's chain: its position, the start of its hash there
/// and the fingerprint of the signing key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainReference {
    /// The chain position (the `seq` of the observer's last event when the PV was written).
    pub seq: u64,
    /// The first [`REFERENCE_HEX`] hex digits (lower case) of the chain hash at `seq`.
    pub hash_prefix: String,
    /// The signer's key fingerprint.
    pub fingerprint: Fingerprint,
}

impl ChainReference {
    /// The reference of a chain at `seq` with hash `hash`, signed by `public_key`.
    pub fn new(seq: u64, hash: &[u8; 32], public_key: &[u8; 32]) -> Self {
        let mut hash_prefix = hex::encode(hash);
        hash_prefix.truncate(REFERENCE_HEX);
        Self {
            seq,
            hash_prefix,
            fingerprint: Fingerprint::of(public_key),
        }
    }

    /// Whether `hash` (a full chain hash) starts with this reference's prefix.
    pub fn matches_hash(&self, hash: &[u8; 32]) -> bool {
        hex::encode(hash).starts_with(&self.hash_prefix)
    }

    /// Reads a reference as written in a PV: three parts separated by `/` (position, hash
    /// prefix, fingerprint); spaces and dashes inside a part are ignored. `None` if malformed.
    pub fn parse(typed: &str) -> Option<Self> {
        let parts: Vec<&str> = typed.split('/').collect();
        let [seq, hash, fingerprint] = parts.as_slice() else {
            return None;
        };
        let seq: u64 = seq.trim().parse().ok().filter(|&s| s >= 1)?;
        let hash_prefix: String = hash
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if hash_prefix.len() != REFERENCE_HEX || !hash_prefix.chars().all(|c| c.is_ascii_hexdigit())
        {
            return None;
        }
        Some(Self {
            seq,
            hash_prefix,
            fingerprint: Fingerprint::parse(fingerprint)?,
        })
    }
}

impl fmt::Display for ChainReference {
    /// `42 / 1a2b 3c4d 5e6f 7a8b / K7QF-3M2X-9PZA-W4TR-HN6C`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} / ", self.seq)?;
        for (i, chunk) in self.hash_prefix.as_bytes().chunks(4).enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            f.write_str(std::str::from_utf8(chunk).map_err(|_| fmt::Error)?)?;
        }
        write!(f, " / {}", self.fingerprint)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: [u8; 32] = [7; 32];

    #[test]
    fn a_fingerprint_is_twenty_unambiguous_characters_in_groups_of_four() {
        let f = Fingerprint::of(&KEY);
        let shown = f.to_string();
        assert_eq!(shown.len(), 24);
        assert_eq!(shown.matches('-').count(), 4);
        assert!(f.compact().chars().all(|c| !"ILOU".contains(c)));
        assert_ne!(f, Fingerprint::of(&[8; 32]));
    }

    #[test]
    fn a_fingerprint_reads_back_as_typed_by_hand() {
        let f = Fingerprint::of(&KEY);
        let typed = f.to_string().to_lowercase().replace('-', " ");
        assert_eq!(Fingerprint::parse(&typed), Some(f.clone()));
        assert_eq!(Fingerprint::parse(&f.compact()[..19]), None);
        assert_eq!(
            Fingerprint::parse(&format!("{}U", &f.compact()[..19])),
            None
        );
        // Crockford's substitutions: O is read as 0, I and L as 1.
        assert_eq!(
            Fingerprint::parse("OOOO-IIII-LLLL-0000-1111"),
            Fingerprint::parse("0000111111110000 1111")
        );
    }

    #[test]
    fn the_fingerprint_is_the_documented_function_of_the_key() {
        // Pinned: the format is a contract (docs/formats.md); this value must never change.
        let mut h = Sha256::new();
        h.update(b"constat-key/1");
        h.update(KEY);
        let d = h.finalize();
        let bits: String = d.iter().map(|b| format!("{b:08b}")).collect();
        let expected: String = (0..20)
            .map(|i| {
                let v = u8::from_str_radix(&bits[i * 5..i * 5 + 5], 2).unwrap_or(0);
                char::from(ALPHABET[usize::from(v)])
            })
            .collect();
        assert_eq!(Fingerprint::of(&KEY).compact(), expected);
    }

    #[test]
    fn a_chain_reference_round_trips_through_its_written_form() {
        let hash = [0xab; 32];
        let r = ChainReference::new(42, &hash, &KEY);
        assert!(r.matches_hash(&hash));
        assert!(!r.matches_hash(&[0xac; 32]));
        let written = r.to_string();
        assert!(written.starts_with("42 / abab abab abab abab / "));
        assert_eq!(ChainReference::parse(&written), Some(r.clone()));
        assert_eq!(ChainReference::parse(&written.to_uppercase()), Some(r));
        assert_eq!(ChainReference::parse("0 / abababababababab / x"), None);
        assert_eq!(
            ChainReference::parse("42 / abab / 0000111111110000 1111"),
            None
        );
    }
}
