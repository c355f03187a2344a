//! Schema migrations: the numbered SQL files of `schema/`, applied in order at open.
//!
//! `PRAGMA user_version` holds how many have been applied. A file with a higher number than this
//! build knows was written by a newer constat and is refused, untouched.
//! (Hand-written rather than `rusqlite_migration`, whose releases pin an older rusqlite than ours.)

use std::path::Path;

use rusqlite::{Connection, TransactionBehavior};

use super::{Doing, StorageError};

/// The migrations, in order; migration `i` brings the schema to version `i + 1`.
const MIGRATIONS: &[&str] = &[
    include_str!("../../schema/0001_init.sql"),
    include_str!("../../schema/0002_imports.sql"),
    include_str!("../../schema/0003_envelopes.sql"),
    include_str!("../../schema/0004_seen_machines_household.sql"),
    // The roster (issue 15 point 2): schema 5 on this branch; `sign`'s 0005 goes before it.
    include_str!("../../schema/0006_roster.sql"),
    include_str!("../../schema/0007_merged_files.sql"),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

/// The migrations that build schema `version`, in order.
pub(super) fn up_to(version: u32) -> &'static [&'static str] {
    &MIGRATIONS[..(version as usize).min(MIGRATIONS.len())]
}

/// Brings the database to [`SCHEMA_VERSION`] in one transaction.
pub(super) fn apply(conn: &mut Connection, path: &Path) -> Result<(), StorageError> {
    let err = |context, e| StorageError::sqlite(path, context, e);
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
    for sql in &MIGRATIONS[found as usize..] {
        tx.execute_batch(sql)
            .map_err(|e| err(Doing::UpgradingSchema, e))?;
    }
    if found < SCHEMA_VERSION {
        tx.pragma_update(None, "user_version", SCHEMA_VERSION)
            .map_err(|e| err(Doing::RecordingSchemaVersion, e))?;
    }
    tx.commit().map_err(|e| err(Doing::CommittingSchema, e))
}
