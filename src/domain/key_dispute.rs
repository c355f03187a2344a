//! Key disputes (issue 15 point 2): an observer this database holds with one key, claimed by a
//! refused file with another. One of the two keys is not the observer's; the first file to arrive
//! must not win, so the observer's events held here are set aside from every finding until the
//! coordinator settles the dispute with `merge --accept-key`. PURE.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};

use super::event::ObserverId;
use super::fingerprint::Fingerprint;

/// One observer claimed with a key other than the one held here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyDispute {
    /// The observer.
    pub observer: ObserverId,
    /// The name the refused file gives (from outside: escape it when shown).
    pub name: String,
    /// The key held here (`None`: the observer's events are held without a key).
    pub held: Option<Fingerprint>,
    /// The refused file's key.
    pub claimed: Fingerprint,
    /// The refused file, as the merge was given it (from outside).
    pub path: String,
    /// When the file was refused.
    pub raised_at: DateTime<Utc>,
    /// The key the coordinator accepted, if settled.
    pub settled: Option<Fingerprint>,
}

/// Where a dispute stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Not settled: the events held here are set aside.
    Open,
    /// Settled for the key held here: its events count; files with the other key are refused.
    HeldKept,
    /// Settled for the refused file's key: the events held here are set aside for good.
    HeldRejected,
}

impl KeyDispute {
    /// Where the dispute stands.
    pub fn standing(&self) -> Standing {
        match &self.settled {
            None => Standing::Open,
            Some(k) if Some(k) == self.held.as_ref() => Standing::HeldKept,
            Some(_) => Standing::HeldRejected,
        }
    }

    /// The settlement `accepted` (the keys of `merge --accept-key`) makes of an open dispute:
    /// the held key when it is among them, else the claimed key when it is; `None` when
    /// neither is, or when both are (the coordinator must choose one).
    pub fn settled_by(&self, accepted: &[Fingerprint]) -> Option<Fingerprint> {
        if self.settled.is_some() {
            return None;
        }
        let held = self.held.as_ref().filter(|h| accepted.contains(h));
        let claimed = accepted.contains(&self.claimed);
        match (held, claimed) {
            (Some(h), false) => Some(h.clone()),
            (None, true) => Some(self.claimed.clone()),
            _ => None,
        }
    }
}

/// The observers whose events are set aside: those with a dispute open or settled against the
/// key held here. An observer claimed by several refused keys stays set aside while any of
/// its disputes is.
pub fn set_aside(disputes: &[KeyDispute]) -> BTreeSet<ObserverId> {
    disputes
        .iter()
        .filter(|d| d.standing() != Standing::HeldKept)
        .map(|d| d.observer)
        .collect()
}

#[cfg(test)]
mod tests {
    use uuid::Uuid;

    use super::*;

    fn key(n: u8) -> Fingerprint {
        Fingerprint::of(&[n; 32])
    }

    fn dispute(observer: u128, held: Option<u8>, claimed: u8, settled: Option<u8>) -> KeyDispute {
        KeyDispute {
            observer: ObserverId(Uuid::from_u128(observer)),
            name: "Marie".into(),
            held: held.map(key),
            claimed: key(claimed),
            path: "inbox/marie.db".into(),
            raised_at: DateTime::UNIX_EPOCH,
            settled: settled.map(key),
        }
    }

    #[test]
    fn an_open_dispute_or_one_settled_against_the_held_key_sets_the_observer_aside() {
        let open = dispute(1, Some(1), 2, None);
        let kept = dispute(2, Some(1), 2, Some(1));
        let rejected = dispute(3, Some(1), 2, Some(2));
        let unsigned_rejected = dispute(4, None, 2, Some(2));
        assert_eq!(open.standing(), Standing::Open);
        assert_eq!(kept.standing(), Standing::HeldKept);
        assert_eq!(rejected.standing(), Standing::HeldRejected);
        assert_eq!(unsigned_rejected.standing(), Standing::HeldRejected);
        let aside = set_aside(&[open, kept, rejected, unsigned_rejected]);
        let ids: Vec<u128> = aside.iter().map(|o| o.0.as_u128()).collect();
        assert_eq!(ids, [1, 3, 4]);
    }

    #[test]
    fn an_observer_claimed_by_two_forged_keys_stays_aside_until_both_are_settled() {
        let one = dispute(1, Some(1), 2, Some(1));
        let other = dispute(1, Some(1), 3, None);
        assert_eq!(set_aside(&[one.clone(), other]).len(), 1);
        assert!(set_aside(&[one.clone(), dispute(1, Some(1), 3, Some(1))]).is_empty());
        assert!(set_aside(&[one]).is_empty());
    }

    #[test]
    fn accept_key_settles_for_the_one_key_named_and_not_when_both_are() {
        let open = dispute(1, Some(1), 2, None);
        assert_eq!(open.settled_by(&[key(1)]), Some(key(1)));
        assert_eq!(open.settled_by(&[key(2), key(9)]), Some(key(2)));
        assert_eq!(open.settled_by(&[key(9)]), None);
        assert_eq!(open.settled_by(&[key(1), key(2)]), None);
        // Settled already: nothing more to settle.
        assert_eq!(dispute(1, Some(1), 2, Some(1)).settled_by(&[key(2)]), None);
        // Held without a key: only the claimed key can settle it.
        assert_eq!(
            dispute(1, None, 2, None).settled_by(&[key(2)]),
            Some(key(2))
        );
    }
}
