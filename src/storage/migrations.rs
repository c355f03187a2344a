//! Schema migrations: the numbered SQL files of `schema/`, applied in order at open.
//!
//! `PRAGMA user_version` holds how many have been applied. A file with a higher number than this
//! build knows was written by a newer constat and is refused, untouched.
//! (Hand-written rather than `rusqlite_migration`, whose releases pin an older rusqlite than ours.)

use std::path::Path;

use rusqlite::{Connection, TransactionBehavior};

use super::keys::{KeyDir, KeyFileProblem};
use super::{Doing, StorageError};

/// What a migration did that the caller must finish outside its transaction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) struct Applied {
    /// The secret key was moved out of the database: the file must be vacuumed so that no free
    /// page keeps its bytes.
    pub key_moved: bool,
}

/// The migrations, in order; migration `i` brings the schema to version `i + 1`.
const MIGRATIONS: &[&str] = &[
    include_str!("../../schema/0001_init.sql"),
    include_str!("../../schema/0002_imports.sql"),
    include_str!("../../schema/0003_envelopes.sql"),
    include_str!("../../schema/0004_seen_machines_household.sql"),
    include_str!("../../schema/0005_signatures.sql"),
    include_str!("../../schema/0006_roster.sql"),
    include_str!("../../schema/0007_merged_files.sql"),
    include_str!("../../schema/0008_photos.sql"),
    // Issue 18 point 3 (night): refused files kept for the coordination view.
    include_str!("../../schema/0009_refused_files.sql"),
    // Issue 15 point 3: key-change events (`constat key new`).
    include_str!("../../schema/0010_key_change.sql"),
    // Issue 18 point 3: the observers each merged file carried (their last file time).
    include_str!("../../schema/0011_merged_file_observers.sql"),
    // Issue 15 point 2: key disputes across merges (an observer claimed with two keys).
    include_str!("../../schema/0012_key_disputes.sql"),
];

/// The version whose migration drops `local_key`: its secret moves to a key file first.
const KEY_OUT_OF_THE_DATABASE: u32 = 5;

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

/// The migrations that build schema `version`, in order.
pub(super) fn up_to(version: u32) -> &'static [&'static str] {
    &MIGRATIONS[..(version as usize).min(MIGRATIONS.len())]
}

/// Brings the database to [`SCHEMA_VERSION`] in one transaction. A database from before schema
/// 5 holding its observer's secret key (`local_key`) has it written to its key file in `keys`
/// first (refused without a key folder); the table is then dropped with `secure_delete` on.
pub(super) fn apply(
    conn: &mut Connection,
    path: &Path,
    keys: Option<&KeyDir>,
) -> Result<Applied, StorageError> {
    let err = |context, e| StorageError::sqlite(path, context, e);
    let mut applied = Applied::default();
    conn.pragma_update(None, "secure_delete", true)
        .map_err(|e| err(Doing::SettingPragmas, e))?;
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(|e| err(Doing::StartingSchemaCheck, e))?;
    let found: u32 = tx
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(|e| err(Doing::ReadingSchemaVersion, e))?;
    if found > SCHEMA_VERSION {
        return Err(StorageError::NewerSchema {
            path: path.to_owned(),
            found,
            supported: SCHEMA_VERSION,
        });
    }
    for (at, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        if at + 1 == KEY_OUT_OF_THE_DATABASE as usize {
            applied.key_moved = move_key_out(&tx, path, keys)?;
        }
        tx.execute_batch(sql)
            .map_err(|e| err(Doing::UpgradingSchema, e))?;
    }
    if found < SCHEMA_VERSION {
        tx.pragma_update(None, "user_version", SCHEMA_VERSION)
            .map_err(|e| err(Doing::RecordingSchemaVersion, e))?;
    }
    tx.commit().map_err(|e| err(Doing::CommittingSchema, e))?;
    Ok(applied)
}

/// Writes the secret of `local_key` (if any) to the local observer's key file; true when there
/// was one. The key file is on disk (synced) before the migration that drops the table commits.
fn move_key_out(
    tx: &rusqlite::Transaction<'_>,
    path: &Path,
    keys: Option<&KeyDir>,
) -> Result<bool, StorageError> {
    use rusqlite::OptionalExtension;
    let err = |context, e| StorageError::sqlite(path, context, e);
    let secret: Option<String> = tx
        .query_row(
            "SELECT secret FROM local_key WHERE singleton = 1",
            [],
            |r| r.get(0),
        )
        .optional()
        .map_err(|e| err(Doing::ReadingObserverKey, e))?;
    let Some(secret) = secret else {
        return Ok(false);
    };
    let observer: Option<String> = tx
        .query_row("SELECT id FROM observer WHERE is_local = 1", [], |r| {
            r.get(0)
        })
        .optional()
        .map_err(|e| err(Doing::ReadingLocalObserver, e))?;
    let invalid = |what| StorageError::Invalid {
        path: path.to_owned(),
        what,
    };
    let observer = observer.ok_or_else(|| invalid(super::DataProblem::NoLocalObserver))?;
    let id = uuid::Uuid::parse_str(&observer)
        .map_err(|_| invalid(super::DataProblem::ObserverId(observer.clone())))?;
    let id = crate::domain::ObserverId(id);
    let Some(keys) = keys else {
        return Err(StorageError::KeyFile {
            path: path.to_owned(),
            key_file: None,
            problem: KeyFileProblem::NoFolder,
        });
    };
    let secret: [u8; 32] =
        super::events::parse_hash(&secret).ok_or_else(|| StorageError::KeyFile {
            path: path.to_owned(),
            key_file: None,
            problem: KeyFileProblem::Malformed,
        })?;
    let pair = crate::domain::chain::Keypair::from_secret(&secret);
    keys.write(id, &pair)
        .map_err(|problem| StorageError::KeyFile {
            path: path.to_owned(),
            key_file: Some(keys.file_of(id)),
            problem,
        })?;
    Ok(true)
}
