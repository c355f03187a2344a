//! Whether another writer changed the file: the interface polls this to show a tick made from
//! the command line, or a merge, while it is open (issue 16, point 12). Read-only.

use super::{Doing, StorageError, Store};

impl Store {
    /// SQLite's `PRAGMA data_version`: a number that changes when another connection (another
    /// process, a merge) commits to the file, and stays the same for this connection's own
    /// commits. Cheap: no page is read.
    pub fn data_version(&self) -> Result<i64, StorageError> {
        self.conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))
            .map_err(|e| self.err(Doing::ReadingEvents, e))
    }
}
