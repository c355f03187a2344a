//! Errors of the storage layer: what went wrong, on which file, and how to fix it.

use std::path::PathBuf;

/// A storage failure. The `Display` text names the file and says how to fix the problem.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    /// No database at this path.
    #[error(
        "no constat database at {0}: create one with `constat init --db {0} --sample paris-1-2017 --observer NAME`, or pass the right --db"
    )]
    NotFound(PathBuf),
    /// The path is taken: constat never overwrites a file.
    #[error(
        "{0} already exists: constat never overwrites a database; choose another path or remove the file yourself"
    )]
    AlreadyExists(PathBuf),
    /// The file is not a constat database.
    #[error("{0} is not a constat database (wrong or missing application id)")]
    NotConstat(PathBuf),
    /// The file was written by a newer constat.
    #[error(
        "{path} was written by a newer constat (schema version {found}; this constat knows up to {supported}): install the newer constat to open it; the file was not changed"
    )]
    NewerSchema {
        /// The file.
        path: PathBuf,
        /// Its schema version.
        found: u32,
        /// The highest this build knows.
        supported: u32,
    },
    /// Stored data that does not make sense.
    #[error("{path}: {what}")]
    Invalid {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        what: String,
    },
    /// SQLite refused an operation.
    #[error("{path}: {context}: {source}{}", disk_hint(source))]
    Sqlite {
        /// The file.
        path: PathBuf,
        /// What constat was doing.
        context: &'static str,
        /// SQLite's error.
        source: rusqlite::Error,
    },
}

impl StorageError {
    pub(crate) fn sqlite(
        path: &std::path::Path,
        context: &'static str,
        source: rusqlite::Error,
    ) -> Self {
        Self::Sqlite {
            path: path.to_owned(),
            context,
            source,
        }
    }

    /// True when the file cannot be written (read-only file, folder or medium).
    pub fn is_read_only(&self) -> bool {
        matches!(
            self,
            Self::Sqlite { source: rusqlite::Error::SqliteFailure(e, _), .. }
                if e.code == rusqlite::ErrorCode::ReadOnly
        )
    }

    /// True when the failure is a full disk or file size limit: freeing space and retrying helps.
    pub fn is_disk_full(&self) -> bool {
        matches!(
            self,
            Self::Sqlite { source: rusqlite::Error::SqliteFailure(e, _), .. }
                if e.code == rusqlite::ErrorCode::DiskFull
        )
    }
}

fn disk_hint(e: &rusqlite::Error) -> &'static str {
    match e {
        rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::DiskFull => {
            " (the disk is full: free some space and try again; nothing was half-written)"
        }
        rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::ReadOnly => {
            " (the file is read-only: check its permissions)"
        }
        rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::DatabaseBusy => {
            " (another constat is writing to this file: try again in a moment)"
        }
        _ => "",
    }
}
