//! What `constat merge --watch` remembers of the files it merged: their size and SHA-256, so
//! that a file seen again (a re-synced copy, a duplicate sent twice, the watch restarted over
//! the same inbox) is skipped without being merged again (schema 7, `merged_file`).

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, params};

use super::{Doing, StorageError, Store};
use crate::domain::ObserverId;

impl Store {
    /// True when a file of this content (SHA-256 in hex, size in bytes) was merged whole here.
    pub fn merged_before(&self, sha256: &str, size: u64) -> Result<bool, StorageError> {
        let size = i64::try_from(size).unwrap_or(i64::MAX);
        self.conn
            .query_row(
                "SELECT 1 FROM merged_file WHERE sha256 = ?1 AND size = ?2",
                params![sha256, size],
                |_| Ok(()),
            )
            .optional()
            .map(|found| found.is_some())
            .map_err(|e| self.err(Doing::ReadingMergedFiles, e))
    }

    /// Notes that the file of this content, named `name`, was merged whole at `at`, carrying
    /// the events of `observers` (schema 11, `merged_file_observer`: each observer's last file
    /// time in the coordination view).
    pub fn remember_merged(
        &self,
        sha256: &str,
        size: u64,
        name: &str,
        observers: &[ObserverId],
        at: DateTime<Utc>,
    ) -> Result<(), StorageError> {
        let size = i64::try_from(size).unwrap_or(i64::MAX);
        let sql = |e| self.err(Doing::RecordingMergedFile, e);
        let tx = self.conn.unchecked_transaction().map_err(sql)?;
        tx.execute(
            "INSERT OR IGNORE INTO merged_file (sha256, size, name, merged_at)
             VALUES (?1, ?2, ?3, ?4)",
            params![
                sha256,
                size,
                name,
                at.to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
            ],
        )
        .map_err(sql)?;
        {
            let mut stmt = tx
                .prepare_cached(
                    "INSERT OR IGNORE INTO merged_file_observer (sha256, size, observer)
                     VALUES (?1, ?2, ?3)",
                )
                .map_err(sql)?;
            for o in observers {
                stmt.execute(params![sha256, size, o.to_string()])
                    .map_err(sql)?;
            }
        }
        tx.commit().map_err(sql)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::LocalObserver;

    /// A coordinator's database of the sample (its observer: id 7), in `dir`.
    fn national(dir: &std::path::Path) -> Store {
        let data = crate::sample::find("paris-1-2017")
            .unwrap()
            .election_data()
            .unwrap();
        let observer = LocalObserver {
            id: ObserverId(uuid::Uuid::from_u128(7)),
            name: "Coordination".into(),
        };
        Store::create(
            &dir.join("national.db"),
            &data,
            &observer,
            DateTime::from_timestamp(1_700_000_000, 0).unwrap(),
        )
        .unwrap()
    }

    #[test]
    fn a_file_is_known_by_its_size_and_content_once_merged() {
        let dir = tempfile::tempdir().unwrap();
        let store = national(dir.path());
        let hash = "ab".repeat(32);
        assert!(!store.merged_before(&hash, 10).unwrap());
        store
            .remember_merged(
                &hash,
                10,
                "a.db",
                &[],
                DateTime::from_timestamp(1_700_000_000, 0).unwrap(),
            )
            .unwrap();
        store
            .remember_merged(
                &hash,
                10,
                "copy of a.db",
                &[],
                DateTime::from_timestamp(1_700_000_000, 0).unwrap(),
            )
            .unwrap();
        assert!(store.merged_before(&hash, 10).unwrap());
        assert!(
            !store.merged_before(&hash, 11).unwrap(),
            "same hash, other size"
        );
        assert!(!store.merged_before(&"cd".repeat(32), 10).unwrap());
    }

    /// Issue 18 point 3: each observer's last file is the latest merged file that carried
    /// their events; an observer of no merged file has none.
    #[test]
    fn each_observer_has_the_time_of_the_latest_file_that_carried_them() {
        let dir = tempfile::tempdir().unwrap();
        let at = |s: i64| DateTime::from_timestamp(1_700_000_000 + s, 0).unwrap();
        let store = national(dir.path());
        let me = ObserverId(uuid::Uuid::from_u128(7));
        let (alice, bruno) = (
            ObserverId(uuid::Uuid::from_u128(1)),
            ObserverId(uuid::Uuid::from_u128(2)),
        );
        store
            .remember_merged(&"01".repeat(32), 10, "alice-1.db", &[alice], at(60))
            .unwrap();
        store
            .remember_merged(&"02".repeat(32), 10, "both.db", &[alice, bruno], at(120))
            .unwrap();
        store
            .remember_merged(&"03".repeat(32), 10, "alice-2.db", &[alice], at(300))
            .unwrap();
        let files = store.merged_files().unwrap();
        assert_eq!(files.count, 3);
        assert_eq!(files.last_by_observer.get(&alice), Some(&at(300)));
        assert_eq!(files.last_by_observer.get(&bruno), Some(&at(120)));
        assert_eq!(files.last_by_observer.get(&me), None);
    }
}
