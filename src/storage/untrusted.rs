//! Opening another observer's database, which may be broken or hostile.
//!
//! The file is opened read-only, in its own connection (never attached to ours), with SQLite's
//! defensive mode on and untrusted schema off (no trigger, view or schema function of the file ever
//! runs), small limits on string and SQL sizes, an integrity check, and a schema that must be,
//! object by object and to the letter, the schema constat itself writes at that version.

use std::path::Path;

use rusqlite::config::DbConfig;
use rusqlite::limits::Limit;
use rusqlite::{Connection, OpenFlags};

use super::migrations;
use crate::i18n::{Lang, Localize, Message, cut};
pub use crate::system::SystemProblem;

/// Largest database file accepted from another observer (4 GiB).
pub const MAX_FILE_BYTES: u64 = 4 << 30;
/// Largest text or blob value read from another observer's file (1 MB).
pub const MAX_VALUE_BYTES: i32 = 1_000_000;

/// Why a file is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Not an SQLite file at all.
    NotSqlite(NotSqlite),
    /// SQLite but not constat.
    NotConstat,
    /// Written by a newer constat.
    NewerSchema {
        /// Its version.
        found: u32,
        /// Ours.
        supported: u32,
    },
    /// Damaged.
    Damaged(Damage),
    /// The schema is not exactly constat's (extra triggers, views, tables, or altered ones).
    Schema(SchemaProblem),
    /// Too large to be an observer's file.
    TooLarge(u64),
    /// The file could not be read.
    Unreadable(SystemProblem),
}

/// Why a file is not an SQLite file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotSqlite {
    /// Zero bytes.
    Empty,
    /// No `SQLite format 3` header.
    NoHeader,
}

/// How a file is damaged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Damage {
    /// SQLite failed reading it; its kind (see `sqlite_kind`) and its own words.
    Sqlite {
        /// The kind of failure, for a selector.
        kind: &'static str,
        /// SQLite's text.
        detail: String,
    },
    /// SQLite's integrity check found problems; its report.
    Check(String),
    /// An observer id that is not a UUID.
    ObserverId(String),
}

impl Damage {
    /// The damage SQLite reports with `e`.
    pub fn sqlite(e: &rusqlite::Error) -> Self {
        Self::Sqlite {
            kind: super::error::sqlite_kind(e),
            detail: e.to_string(),
        }
    }
}

/// How a file's schema differs from constat's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SchemaProblem {
    /// An object constat does not write (type as SQLite names it, and name).
    Foreign {
        /// `table`, `index`, `trigger`, `view`.
        kind: String,
        /// Its name.
        name: String,
    },
    /// An object of constat's schema missing or changed.
    Altered {
        /// `table`, `index`, `trigger`, `view`.
        kind: String,
        /// Its name.
        name: String,
    },
    /// The objects differ (order or content).
    Differs,
    /// constat's own schema could not be built in memory; SQLite's words.
    Expected(String),
}

impl Localize for Refusal {
    fn message(&self) -> Message<'_> {
        match self {
            Self::NotSqlite(NotSqlite::Empty) => Message::new("refusal-empty-file"),
            Self::NotSqlite(NotSqlite::NoHeader) => Message::new("refusal-no-sqlite-header"),
            Self::NotConstat => Message::new("refusal-not-constat"),
            Self::NewerSchema { found, supported } => Message::new("refusal-newer-schema")
                .arg("found", found.to_string())
                .arg("supported", supported.to_string()),
            Self::Damaged(Damage::Sqlite { kind, detail }) => Message::new("refusal-damaged")
                .arg("kind", *kind)
                .arg("detail", cut(detail)),
            Self::Damaged(Damage::Check(report)) => {
                Message::new("refusal-damaged-check").arg("detail", cut(report))
            }
            Self::Damaged(Damage::ObserverId(id)) => {
                Message::new("refusal-damaged-observer-id").arg("id", cut(id))
            }
            Self::Schema(SchemaProblem::Foreign { kind, name }) => {
                Message::new("refusal-schema-foreign")
                    .arg("kind", cut(kind))
                    .arg("name", cut(name))
            }
            Self::Schema(SchemaProblem::Altered { kind, name }) => {
                Message::new("refusal-schema-altered")
                    .arg("kind", cut(kind))
                    .arg("name", cut(name))
            }
            Self::Schema(SchemaProblem::Differs) => Message::new("refusal-schema-differs"),
            Self::Schema(SchemaProblem::Expected(detail)) => {
                Message::new("refusal-schema-expected").arg("detail", cut(detail))
            }
            Self::TooLarge(bytes) => Message::new("refusal-too-large")
                .arg("bytes", bytes.to_string())
                .arg("limit", MAX_FILE_BYTES.to_string()),
            Self::Unreadable(why) => Message::new("refusal-unreadable").arg("why", why),
        }
    }
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for Refusal {}

/// A read-only, defensive connection to another observer's file.
pub struct Untrusted {
    pub(super) conn: Connection,
}

/// Every object of the schema: type, name, table, SQL text.
type SchemaObjects = Vec<(String, String, String, Option<String>)>;

fn schema_of(conn: &Connection) -> rusqlite::Result<SchemaObjects> {
    let mut stmt =
        conn.prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
    rows.collect()
}

/// The schema constat writes at `version`, built in memory from the migrations once per run.
fn expected_schema(version: u32) -> rusqlite::Result<SchemaObjects> {
    static SCHEMAS: std::sync::OnceLock<Vec<SchemaObjects>> = std::sync::OnceLock::new();
    if let Some(all) = SCHEMAS.get() {
        return Ok(all.get(version as usize).cloned().unwrap_or_default());
    }
    let mut all = vec![Vec::new()];
    let conn = Connection::open_in_memory()?;
    for v in 1..=migrations::SCHEMA_VERSION {
        if let Some(sql) = migrations::up_to(v).last() {
            conn.execute_batch(sql)?;
        }
        all.push(schema_of(&conn)?);
    }
    let all = SCHEMAS.get_or_init(|| all);
    Ok(all.get(version as usize).cloned().unwrap_or_default())
}

impl Untrusted {
    /// Opens `path` and checks it, or says why it is refused.
    pub fn open(path: &Path) -> Result<Self, Refusal> {
        let meta = std::fs::metadata(path).map_err(|e| Refusal::Unreadable(e.into()))?;
        if meta.len() > MAX_FILE_BYTES {
            return Err(Refusal::TooLarge(meta.len()));
        }
        let mut header = [0u8; 16];
        {
            use std::io::Read;
            let mut f = std::fs::File::open(path).map_err(|e| Refusal::Unreadable(e.into()))?;
            let n = f
                .read(&mut header)
                .map_err(|e| Refusal::Unreadable(e.into()))?;
            if n < 16 || &header != b"SQLite format 3\0" {
                return Err(Refusal::NotSqlite(if n == 0 {
                    NotSqlite::Empty
                } else {
                    NotSqlite::NoHeader
                }));
            }
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)
            .map_err(|e| Refusal::Unreadable(SystemProblem::sqlite(&e)))?;
        let harden = || -> rusqlite::Result<()> {
            conn.set_db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
            conn.set_db_config(DbConfig::SQLITE_DBCONFIG_TRUSTED_SCHEMA, false)?;
            conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_TRIGGER, false)?;
            conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_VIEW, false)?;
            conn.set_limit(Limit::SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)?;
            conn.set_limit(Limit::SQLITE_LIMIT_SQL_LENGTH, 100_000)?;
            conn.set_limit(Limit::SQLITE_LIMIT_ATTACHED, 0)?;
            conn.set_limit(Limit::SQLITE_LIMIT_COLUMN, 100)?;
            conn.set_limit(Limit::SQLITE_LIMIT_EXPR_DEPTH, 100)?;
            conn.pragma_update(None, "query_only", true)?;
            conn.pragma_update(None, "cell_size_check", true)?;
            Ok(())
        };
        harden().map_err(|e| Refusal::Unreadable(SystemProblem::sqlite(&e)))?;
        let app_id: i32 = conn
            .pragma_query_value(None, "application_id", |r| r.get(0))
            .map_err(|e| Refusal::Damaged(Damage::sqlite(&e)))?;
        if app_id != super::APPLICATION_ID {
            return Err(Refusal::NotConstat);
        }
        let version: u32 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(|e| Refusal::Damaged(Damage::sqlite(&e)))?;
        if version > migrations::SCHEMA_VERSION {
            return Err(Refusal::NewerSchema {
                found: version,
                supported: migrations::SCHEMA_VERSION,
            });
        }
        if version == 0 {
            return Err(Refusal::NotConstat);
        }
        let check: String = conn
            .query_row("PRAGMA quick_check(1)", [], |r| r.get(0))
            .map_err(|e| Refusal::Damaged(Damage::sqlite(&e)))?;
        if check != "ok" {
            return Err(Refusal::Damaged(Damage::Check(check)));
        }
        let found = schema_of(&conn).map_err(|e| Refusal::Damaged(Damage::sqlite(&e)))?;
        let expected = expected_schema(version)
            .map_err(|e| Refusal::Schema(SchemaProblem::Expected(e.to_string())))?;
        if found != expected {
            let first = found
                .iter()
                .find(|o| !expected.contains(o))
                .map(|(t, n, _, _)| SchemaProblem::Foreign {
                    kind: t.clone(),
                    name: n.clone(),
                })
                .or_else(|| {
                    expected
                        .iter()
                        .find(|o| !found.contains(o))
                        .map(|(t, n, _, _)| SchemaProblem::Altered {
                            kind: t.clone(),
                            name: n.clone(),
                        })
                })
                .unwrap_or(SchemaProblem::Differs);
            return Err(Refusal::Schema(first));
        }
        Ok(Self { conn })
    }

    /// The file's schema version.
    pub fn version(&self) -> u32 {
        self.conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap_or(0)
    }
}
