//! What the coordinator's live view reads (issue 18 point 3): the events stored after a given
//! row (an incremental fold), and the files `merge --watch` merged. Read-only.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::events::{self, EVENT_COLUMNS};
use super::{Doing, StorageError, Store};
use crate::domain::{Event, ObserverId};

/// The files merged so far: how many, and the latest (name, when).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergedFiles {
    /// How many files.
    pub count: usize,
    /// The latest merged: its name and when.
    pub latest: Option<(String, DateTime<Utc>)>,
    /// When the latest file carrying each observer's events was merged (schema 11).
    pub last_by_observer: BTreeMap<ObserverId, DateTime<Utc>>,
}

impl Store {
    /// Hands every event stored after row `after` to `f`, in storage order (each observer's
    /// events in `seq` order, as [`crate::domain::RecordState::apply`] needs), and returns the
    /// last row handed (`after` when none): the next call takes up from there. Rows are only ever
    /// added (triggers refuse updates and deletes), so the events after a row are the new ones.
    pub fn events_after(&self, after: i64, f: &mut dyn FnMut(Event)) -> Result<i64, StorageError> {
        let sql = |e| self.err(Doing::ReadingEvents, e);
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT {EVENT_COLUMNS}, rowid FROM event WHERE rowid > ?1 ORDER BY rowid"
            ))
            .map_err(sql)?;
        let mut rows = stmt.query([after]).map_err(sql)?;
        let mut last = after;
        while let Some(row) = rows.next().map_err(sql)? {
            let event = events::decode_event(row, &self.path)?;
            last = row.get(events::BOUND).map_err(sql)?;
            f(event);
        }
        Ok(last)
    }

    /// How many files `merge --watch` merged into this file, the latest, and each observer's
    /// latest.
    pub fn merged_files(&self) -> Result<MergedFiles, StorageError> {
        let sql = |e| self.err(Doing::ReadingMergedFiles, e);
        let count: i64 = self
            .conn
            .query_row("SELECT count(*) FROM merged_file", [], |r| r.get(0))
            .map_err(sql)?;
        let latest: Option<(String, String)> =
            rusqlite::OptionalExtension::optional(self.conn.query_row(
                "SELECT name, merged_at FROM merged_file ORDER BY merged_at DESC, name LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            ))
            .map_err(sql)?;
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT o.observer, max(m.merged_at) FROM merged_file_observer o
                 JOIN merged_file m ON m.sha256 = o.sha256 AND m.size = o.size
                 GROUP BY o.observer",
            )
            .map_err(sql)?;
        let mut rows = stmt.query([]).map_err(sql)?;
        let mut last_by_observer = BTreeMap::new();
        while let Some(row) = rows.next().map_err(sql)? {
            let (id, at): (String, String) = (row.get(0).map_err(sql)?, row.get(1).map_err(sql)?);
            // A row this build did not write (an id or a time it cannot read) shows nothing.
            if let (Ok(id), Ok(at)) = (Uuid::parse_str(&id), DateTime::parse_from_rfc3339(&at)) {
                last_by_observer.insert(ObserverId(id), at.to_utc());
            }
        }
        Ok(MergedFiles {
            count: usize::try_from(count).unwrap_or(0),
            last_by_observer,
            latest: latest.and_then(|(name, at)| {
                DateTime::parse_from_rfc3339(&at)
                    .ok()
                    .map(|t| (name, t.to_utc()))
            }),
        })
    }
}
