//! The coordinator's live view, read side (issue 18 point 3): [`Live`] keeps the incremental
//! state ([`Tracker`]) between refreshes and reads only what changed: the events stored since the
//! last refresh (by row), the reference data (compared, so that a change rebuilds every record),
//! the observers, the merged files and the roster. The figures come from
//! [`crate::domain::coordination::build`], pure.

use std::collections::BTreeSet;

use crate::domain::coordination::{Arrivals, Picture, Tracker, build};
use crate::domain::fingerprint::Fingerprint;
use crate::domain::referential::ElectionData;
use crate::storage::{StorageError, Store};

/// The live view's state between refreshes.
#[derive(Debug, Default)]
pub struct Live {
    tracker: Tracker,
    /// The last event row folded.
    after: i64,
    /// The reference data the figures were built with.
    data: Option<ElectionData>,
}

impl Live {
    /// A view that has read nothing yet: the first refresh folds every event.
    pub fn new() -> Self {
        Self::default()
    }

    /// Folds the events stored since the last refresh and builds the picture.
    pub fn refresh(&mut self, store: &Store) -> Result<Picture, StorageError> {
        let data = store.election_data()?;
        if self.data.as_ref() != Some(&data) {
            self.tracker.invalidate();
        }
        let tracker = &mut self.tracker;
        self.after = store.events_after(self.after, &mut |e| tracker.apply(&e))?;
        let names = store.observers()?;
        self.tracker.update(&data.referential, &names);
        let files = store.merged_files()?;
        let roster = store.roster()?;
        let arrivals = if roster.is_empty() {
            Arrivals {
                files: files.count,
                latest: files.latest,
                enrolled: None,
                silent: Vec::new(),
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
                enrolled: Some(roster.len()),
                silent: roster
                    .iter()
                    .filter(|r| !present.contains(&r.fingerprint))
                    .map(|r| r.name.clone())
                    .collect(),
            }
        };
        let picture = build(
            &self.tracker,
            &data.election,
            &data.referential,
            &names,
            arrivals,
        );
        self.data = Some(data);
        Ok(picture)
    }
}
