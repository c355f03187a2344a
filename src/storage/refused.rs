//! The files `constat merge` refused, kept in the target with their reason (schema 0009, issue
//! 18 point 3): the coordination view lists them first, so that a refused file is never buried
//! among the merged ones.

use chrono::{DateTime, Utc};
use rusqlite::params;

use super::{Doing, StorageError, Store};
use crate::domain::coordination::RefusedFile;

/// A refusal to keep: the file and its reason, rendered in every language of the catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefusedEntry<'a> {
    /// The path the merge was given.
    pub path: &'a str,
    /// Its file name.
    pub name: &'a str,
    /// SHA-256 of its content, in hex.
    pub sha256: &'a str,
    /// Its size in bytes.
    pub size: u64,
    /// The reason's message id.
    pub reason: &'a str,
    /// The reason in French.
    pub text_fr: &'a str,
    /// The reason in English.
    pub text_en: &'a str,
}

impl Store {
    /// Keeps `r`, refused at `at` (the same path and content refused again: its time and reason
    /// are updated).
    pub fn remember_refused(
        &self,
        r: &RefusedEntry<'_>,
        at: DateTime<Utc>,
    ) -> Result<(), StorageError> {
        let size = i64::try_from(r.size).unwrap_or(i64::MAX);
        self.conn
            .prepare_cached(
                "INSERT INTO refused_file (path, name, sha256, size, refused_at, reason, text_fr,
                                           text_en)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                 ON CONFLICT (path, sha256, size) DO UPDATE SET refused_at = excluded.refused_at,
                    name = excluded.name, reason = excluded.reason, text_fr = excluded.text_fr,
                    text_en = excluded.text_en",
            )
            .and_then(|mut stmt| {
                stmt.execute(params![
                    r.path,
                    r.name,
                    r.sha256,
                    size,
                    at.to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
                    r.reason,
                    r.text_fr,
                    r.text_en
                ])
            })
            .map(|_| ())
            .map_err(|e| self.err(Doing::RefusedFiles, e))
    }

    /// Forgets the refusals of `path`: a file merged from there since.
    pub fn forget_refused(&self, path: &str) -> Result<(), StorageError> {
        self.conn
            .prepare_cached("DELETE FROM refused_file WHERE path = ?1")
            .and_then(|mut stmt| stmt.execute([path]))
            .map(|_| ())
            .map_err(|e| self.err(Doing::RefusedFiles, e))
    }

    /// How many refused files are kept, and the `latest` newest of them.
    pub fn refused_files(&self, latest: usize) -> Result<(usize, Vec<RefusedFile>), StorageError> {
        let sql = |e| self.err(Doing::RefusedFiles, e);
        let count: i64 = self
            .conn
            .query_row("SELECT count(*) FROM refused_file", [], |r| r.get(0))
            .map_err(sql)?;
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT name, refused_at, reason, text_fr, text_en FROM refused_file
                 ORDER BY refused_at DESC, name LIMIT ?1",
            )
            .map_err(sql)?;
        let rows = stmt
            .query_map([i64::try_from(latest).unwrap_or(i64::MAX)], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                ))
            })
            .map_err(sql)?;
        let mut out = Vec::new();
        for row in rows {
            let (name, at, reason, text_fr, text_en) = row.map_err(sql)?;
            let Ok(at) = DateTime::parse_from_rfc3339(&at) else {
                continue;
            };
            out.push(RefusedFile {
                name,
                at: at.to_utc(),
                reason,
                text_fr,
                text_en,
            });
        }
        Ok((usize::try_from(count).unwrap_or(0), out))
    }
}
