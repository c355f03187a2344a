//! What the coordinator's live view reads (issue 18 point 3): the events stored after a given
//! row (an incremental fold), and the files `merge --watch` merged. Read-only.

use chrono::{DateTime, Utc};

use super::events::{self, EVENT_COLUMNS};
use super::{Doing, StorageError, Store};
use crate::domain::Event;

/// The files merged so far: how many, and the latest (name, when).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergedFiles {
    /// How many files.
    pub count: usize,
    /// The latest merged: its name and when.
    pub latest: Option<(String, DateTime<Utc>)>,
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

    /// How many files `merge --watch` merged into this file, and the latest.
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
        Ok(MergedFiles {
            count: usize::try_from(count).unwrap_or(0),
            latest: latest.and_then(|(name, at)| {
                DateTime::parse_from_rfc3339(&at)
                    .ok()
                    .map(|t| (name, t.to_utc()))
            }),
        })
    }
}
