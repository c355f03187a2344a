//! The coordinator's live view, read side (issue 18 point 3): [`Live`] keeps the incremental
//! state ([`Tracker`]) between refreshes and reads only what changed: the events stored since the
//! last refresh (by row), the reference data only when their change count moved (then compared,
//! so that a change rebuilds every record), the observers, the merged files (with each
//! observer's last) and the roster. The
//! figures come from [`crate::domain::coordination::build`], pure.

use std::collections::BTreeSet;

use crate::domain::ObserverId;
use crate::domain::coordination::{Arrivals, Picture, Tracker, build};
use crate::domain::fingerprint::Fingerprint;
use crate::domain::referential::ElectionData;
use crate::storage::{StorageError, Store};

/// Refused files the view lists at most (the newest).
const REFUSALS: usize = 5;

/// The live view's state between refreshes.
#[derive(Debug, Default)]
pub struct Live {
    tracker: Tracker,
    /// The last event row folded.
    after: i64,
    /// The reference data the figures were built with, and the change count
    /// ([`Store::reference_version`]) they were read at.
    data: Option<(ElectionData, i64)>,
    /// The observers set aside by key disputes when the tracker was fed (schema 12).
    aside: BTreeSet<ObserverId>,
}

impl Live {
    /// A view that has read nothing yet: the first refresh folds every event.
    pub fn new() -> Self {
        Self::default()
    }

    /// Folds the events stored since the last refresh and builds the picture.
    pub fn refresh(&mut self, store: &Store) -> Result<Picture, StorageError> {
        // 69,000 bureaux are read only when a writer counted a change since the last refresh
        // (the count is read first: a change committed in between is read again next time).
        let version = store.reference_version()?;
        let data = match self.data.take() {
            Some((data, at)) if at == version => data,
            held => {
                let data = store.election_data()?;
                if held.is_none_or(|(old, _)| old != data) {
                    self.tracker.invalidate();
                }
                data
            }
        };
        // A key dispute opened or settled since: the observers set aside changed, and the events
        // already folded are folded again without theirs, as a fresh read does (rare: a dispute
        // is one refused file).
        let aside = store.set_aside_observers()?;
        if aside != self.aside {
            self.tracker = Tracker::default();
            self.after = 0;
            self.aside = aside;
        }
        let (tracker, aside) = (&mut self.tracker, &self.aside);
        self.after = store.events_after(self.after, &mut |e| {
            if !aside.contains(&e.observer) {
                tracker.apply(&e);
            }
        })?;
        let names = store.observers()?;
        self.tracker.update(&data.referential, &names);
        let files = store.merged_files()?;
        let roster = store.roster()?;
        let (refused, latest_refused) = store.refused_files(REFUSALS)?;
        let arrivals = if roster.is_empty() {
            Arrivals {
                files: files.count,
                latest: files.latest,
                last_file_by_observer: files.last_by_observer,
                enrolled: None,
                silent: Vec::new(),
                refused,
                latest_refused,
            }
        } else {
            let present: BTreeSet<Fingerprint> = store
                .known_keys()?
                .into_values()
                .flatten()
                .map(|k| Fingerprint::of(&k))
                .collect();
            Arrivals {
                files: files.count,
                latest: files.latest,
                last_file_by_observer: files.last_by_observer,
                enrolled: Some(roster.len()),
                silent: roster
                    .iter()
                    .filter(|r| !present.contains(&r.fingerprint))
                    .map(|r| r.name.clone())
                    .collect(),
                refused,
                latest_refused,
            }
        };
        let picture = build(
            &self.tracker,
            &data.election,
            &data.referential,
            &names,
            arrivals,
        );
        self.data = Some((data, version));
        Ok(picture)
    }
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;
    use uuid::Uuid;

    use super::*;
    use crate::domain::{
        BureauCode, CirconscriptionCode, EventBody, EventId, Item, Mark, ObserverId, Panel,
    };
    use crate::storage::LocalObserver;

    #[test]
    fn refreshes_that_read_only_new_rows_give_the_picture_of_a_fresh_read() {
        let dir = tempfile::tempdir().unwrap();
        let data = crate::sample::find("paris-1-2017")
            .unwrap()
            .election_data()
            .unwrap();
        let observer = LocalObserver {
            id: ObserverId(Uuid::from_u128(7)),
            name: "Coordination".into(),
        };
        let at = |i: i64| DateTime::from_timestamp(1_497_160_000 + i * 60, 0).unwrap();
        let mut store =
            Store::create(&dir.path().join("national.db"), &data, &observer, at(0)).unwrap();
        let circ = CirconscriptionCode::parse("7501").unwrap();
        let mut live = Live::new();
        let mut last = None;
        let mut ids = Vec::new();
        for i in 0..12u16 {
            let body = if i % 5 == 4 {
                EventBody::Retract {
                    target: ids[usize::from(i) - 2],
                }
            } else {
                EventBody::Tick {
                    circonscription: circ.clone(),
                    bureau: Some(BureauCode::parse(&format!("75056_09{:02}", 10 + i % 3)).unwrap()),
                    panel: Panel::new(1 + i % 4).unwrap(),
                    item: Item::Bureau,
                    mark: if i % 2 == 0 {
                        Mark::Absent
                    } else {
                        Mark::Present
                    },
                    note: None,
                    envelope: None,
                }
            };
            let id = EventId(Uuid::from_u128(1 << 64 | u128::from(i)));
            ids.push(id);
            store.append(id, at(i64::from(i) + 1), body).unwrap();
            if i % 3 == 0 {
                last = Some(live.refresh(&store).unwrap());
            }
        }
        let incremental = live.refresh(&store).unwrap();
        let fresh = Live::new().refresh(&store).unwrap();
        assert_eq!(incremental, fresh);
        assert_ne!(
            last,
            Some(fresh.clone()),
            "later events changed the picture"
        );
        assert_eq!(fresh.events, 12);
        assert!(!fresh.facts.is_empty());
        // A change of the reference data (here a bureau marked as voting on machines: its
        // table's absences are no finding) moves the count: the next refresh reads them again and
        // rebuilds every record, as a fresh read does.
        let version = store.reference_version().unwrap();
        let machines = BureauCode::parse("75056_0910").unwrap();
        store.set_voting_machines(&machines, true).unwrap();
        assert!(store.reference_version().unwrap() > version);
        let changed = live.refresh(&store).unwrap();
        assert_eq!(changed, Live::new().refresh(&store).unwrap());
        assert_ne!(changed, fresh, "the machines flag changed the picture");
        // Nothing changed since: the reference data are not read again, the picture is the same.
        let version = store.reference_version().unwrap();
        assert_eq!(live.refresh(&store).unwrap(), changed);
        assert_eq!(store.reference_version().unwrap(), version);
    }

    /// A key dispute opened between two refreshes sets the observer's events aside from the
    /// picture already built, and settling it for the held key brings them back: each time the
    /// picture of a fresh read.
    #[test]
    fn a_key_dispute_between_refreshes_gives_the_picture_of_a_fresh_read() {
        let dir = tempfile::tempdir().unwrap();
        let data = crate::sample::find("paris-1-2017")
            .unwrap()
            .election_data()
            .unwrap();
        let at = |i: i64| DateTime::from_timestamp(1_497_160_000 + i * 60, 0).unwrap();
        let marie = LocalObserver {
            id: ObserverId(Uuid::from_u128(1)),
            name: "Marie".into(),
        };
        let marie_path = dir.path().join("marie.db");
        let mut file = Store::create(&marie_path, &data, &marie, at(0)).unwrap();
        let tick = |panel: u16| EventBody::Tick {
            circonscription: CirconscriptionCode::parse("7501").unwrap(),
            bureau: Some(BureauCode::parse("75056_0911").unwrap()),
            panel: Panel::new(panel).unwrap(),
            item: Item::Bureau,
            mark: Mark::Absent,
            note: None,
            envelope: None,
        };
        file.append(EventId(Uuid::from_u128(1 << 64 | 1)), at(1), tick(2))
            .unwrap();
        let held = file.identity().unwrap().fingerprint.unwrap();
        drop(file);
        let coordinator = LocalObserver {
            id: ObserverId(Uuid::from_u128(7)),
            name: "Coordination".into(),
        };
        let mut store =
            Store::create(&dir.path().join("national.db"), &data, &coordinator, at(0)).unwrap();
        store
            .append(EventId(Uuid::from_u128(7 << 64 | 1)), at(2), tick(3))
            .unwrap();
        let options = crate::storage::MergeOptions {
            now: at(100),
            strict: false,
            accept_unsigned: false,
        };
        store
            .merge_database(&marie_path, options, &mut |_| {})
            .unwrap();
        let mut live = Live::new();
        let both = live.refresh(&store).unwrap();
        let forged = Fingerprint::of(&[9; 32]);
        let claim = crate::storage::RivalClaim {
            observer: marie.id,
            name: "Marie",
            claimed: &forged,
            path: "inbox/marie.db",
        };
        assert!(store.note_rival_claim(claim, at(101)).unwrap().is_some());
        let aside = live.refresh(&store).unwrap();
        assert_eq!(aside, Live::new().refresh(&store).unwrap());
        assert_ne!(aside, both, "Marie's absence left the picture");
        store
            .settle_key_disputes(std::slice::from_ref(&held), at(102))
            .unwrap();
        let back = live.refresh(&store).unwrap();
        assert_eq!(back, Live::new().refresh(&store).unwrap());
        assert_eq!(back.facts, both.facts);
    }
}
