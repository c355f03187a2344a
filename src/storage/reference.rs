//! Reference files: what a coordinator hands out to observers (`constat reference -o FILE`). A
//! constat database of the same schema holding the election and its reference data only: no
//! event, no observer, no key, no setting; the coordinator's roster when there is one (a
//! regional coordinator's database made from it can refuse the same unknown keys). Observers create their own database from it
//! (`constat init --reference FILE`), with a new identity and key.

use std::path::Path;

use rusqlite::{Connection, OpenFlags, TransactionBehavior};

use super::error::DataProblem;
use super::{APPLICATION_ID, Doing, Enrolled, StorageError, Store, migrations, referential};
use crate::domain::referential::ElectionData;

impl Store {
    /// Writes this database's election and reference data to `output` as a reference file.
    /// Refuses an existing `output` (checked first, and again by the final rename, which never
    /// replaces a file); the file is written beside `output` under a temporary name, synced,
    /// then renamed into place, so that a half-written reference file never exists.
    pub fn write_reference(&self, output: &Path) -> Result<ElectionData, StorageError> {
        let data = self.election_data()?;
        let roster = self.roster()?;
        write(output, &data, &roster)?;
        Ok(data)
    }
}

fn write(output: &Path, data: &ElectionData, roster: &[Enrolled]) -> Result<(), StorageError> {
    if std::fs::symlink_metadata(output).is_ok() {
        return Err(StorageError::AlreadyExists(output.to_owned()));
    }
    let io = |e: std::io::Error| StorageError::Invalid {
        path: output.to_owned(),
        what: DataProblem::ExportUnwritable(e.to_string()),
    };
    let dir = match output.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => std::path::PathBuf::from("."),
    };
    let tmp = tempfile::Builder::new()
        .prefix(".constat-reference-")
        .tempfile_in(&dir)
        .map_err(io)?
        .into_temp_path();
    let sql = |context, e| StorageError::sqlite(output, context, e);
    {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn = Connection::open_with_flags(&tmp, flags)
            .map_err(|e| sql(Doing::CreatingDatabase, e))?;
        // One self-contained file (no `-wal` beside it): the rollback journal, the default.
        conn.pragma_update(None, "application_id", APPLICATION_ID)
            .map_err(|e| sql(Doing::MarkingAsConstat, e))?;
        migrations::apply(&mut conn, output, None)?;
        conn.execute_batch("VACUUM")
            .map_err(|e| sql(Doing::UpgradingSchema, e))?;
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| sql(Doing::StartingCreation, e))?;
        referential::insert(&tx, data).map_err(|e| sql(Doing::SavingReferenceData, e))?;
        for enrolled in roster {
            tx.execute(
                "INSERT INTO roster (fingerprint, name, added_at) VALUES (?1, ?2, ?3)",
                rusqlite::params![
                    enrolled.fingerprint.compact(),
                    enrolled.name,
                    enrolled.added_at
                ],
            )
            .map_err(|e| sql(Doing::SavingRoster, e))?;
        }
        tx.commit().map_err(|e| sql(Doing::CommittingCreation, e))?;
    }
    std::fs::File::open(&tmp)
        .and_then(|f| f.sync_all())
        .map_err(io)?;
    // `persist_noclobber` fails rather than replace a file created meanwhile.
    tmp.persist_noclobber(output).map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            StorageError::AlreadyExists(output.to_owned())
        } else {
            io(e.error)
        }
    })?;
    if let Ok(d) = std::fs::File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}
