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
    /// Not a regular file (a FIFO, a device, a socket…): never opened for reading.
    NotRegular(NotRegular),
    /// The file changed while it was being read (its observer is writing it).
    InUse,
}

/// What a path is when it is not a regular file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotRegular {
    /// A named pipe: reading it would wait for a writer forever.
    Fifo,
    /// A socket.
    Socket,
    /// A character or block device.
    Device,
    /// A folder.
    Directory,
    /// A symbolic link (where none is followed).
    Symlink,
    /// Something else.
    Other,
}

impl NotRegular {
    /// What `kind` is, when it is not a regular file.
    pub fn of(kind: std::fs::FileType) -> Option<Self> {
        if kind.is_file() {
            return None;
        }
        if kind.is_dir() {
            return Some(Self::Directory);
        }
        if kind.is_symlink() {
            return Some(Self::Symlink);
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if kind.is_fifo() {
                return Some(Self::Fifo);
            }
            if kind.is_socket() {
                return Some(Self::Socket);
            }
            if kind.is_char_device() || kind.is_block_device() {
                return Some(Self::Device);
            }
        }
        Some(Self::Other)
    }
}

impl Localize for NotRegular {
    fn message(&self) -> Message<'_> {
        match self {
            Self::Fifo => Message::new("reason-not-regular-fifo"),
            Self::Socket => Message::new("reason-not-regular-socket"),
            Self::Device => Message::new("reason-not-regular-device"),
            Self::Directory => Message::new("reason-not-regular-directory"),
            Self::Symlink => Message::new("reason-not-regular-symlink"),
            Self::Other => Message::new("reason-not-regular-other"),
        }
    }
}

/// Opens `path` for reading only if it is a regular file: its type is looked at first (a FIFO or
/// a device is never opened), then it is opened without blocking (a FIFO swapped in meanwhile
/// does not hang) and the opened file's type is checked again.
pub fn open_regular(path: &Path) -> Result<std::fs::File, Refusal> {
    let meta = std::fs::metadata(path).map_err(|e| Refusal::Unreadable(e.into()))?;
    if let Some(kind) = NotRegular::of(meta.file_type()) {
        return Err(Refusal::NotRegular(kind));
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options
        .open(path)
        .map_err(|e| Refusal::Unreadable(e.into()))?;
    let meta = file.metadata().map_err(|e| Refusal::Unreadable(e.into()))?;
    if let Some(kind) = NotRegular::of(meta.file_type()) {
        return Err(Refusal::NotRegular(kind));
    }
    Ok(file)
}

/// Why a file is not an SQLite file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotSqlite {
    /// Zero bytes.
    Empty,
    /// No `SQLite format 3` header.
    NoHeader,
    /// Text in UTF-16 (a spreadsheet's "Unicode text" save of an events CSV, say).
    Utf16Text,
    /// A table of events whose columns a spreadsheet moved or renamed (its header names the
    /// election and the observer, [`crate::import::is_events_table`], but is not one constat
    /// writes), which constat does not read back: `election` moved from first (the file is not
    /// taken for an events CSV), or first with constat's other columns in another order (said
    /// by the CSV merge, [`crate::export::events_csv::is_moved_header`]).
    EventsTableOtherLayout,
}

impl NotSqlite {
    /// What the first bytes of a file that is not a database look like.
    fn of(head: &[u8]) -> Self {
        if head.is_empty() {
            return Self::Empty;
        }
        if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
            return Self::Utf16Text;
        }
        if crate::import::is_events_table(head) {
            Self::EventsTableOtherLayout
        } else {
            Self::NoHeader
        }
    }
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
            Self::NotSqlite(NotSqlite::Utf16Text) => Message::new("refusal-utf16-text"),
            Self::NotSqlite(NotSqlite::EventsTableOtherLayout) => {
                Message::new("refusal-events-table-other-layout")
            }
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
            Self::NotRegular(kind) => Message::new("refusal-not-regular").arg("kind", kind),
            Self::InUse => Message::new("refusal-in-use"),
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
    /// The private copy read instead of a file with a `-wal` beside it (dropped after `conn`).
    _copy: Option<tempfile::TempDir>,
    /// What SQLite opened: the file's `immutable` URI, or the private copy's path.
    source: String,
    /// Whether `quick_check` ran on the whole file (else on the tables a reader named).
    checked_all: bool,
}

/// SQLite's `quick_check` of the whole file.
fn quick_check(conn: &Connection) -> Result<(), Refusal> {
    let check: String = conn
        .query_row("PRAGMA quick_check(1)", [], |r| r.get(0))
        .map_err(|e| Refusal::Damaged(Damage::sqlite(&e)))?;
    if check != "ok" {
        return Err(Refusal::Damaged(Damage::Check(check)));
    }
    Ok(())
}

/// The file's `-wal` and `-shm` companions' paths.
fn companions(path: &Path) -> [std::path::PathBuf; 2] {
    ["-wal", "-shm"].map(|s| {
        let mut p = path.as_os_str().to_owned();
        p.push(s);
        std::path::PathBuf::from(p)
    })
}

/// Size and modification time: what changes when a file is written.
fn stamp(path: &Path) -> Option<(u64, Option<std::time::SystemTime>)> {
    std::fs::symlink_metadata(path)
        .ok()
        .map(|m| (m.len(), m.modified().ok()))
}

/// `path` (absolute) as the path of an SQLite URI (`%`, `?` and `#` escaped).
fn uri_path(path: &Path) -> String {
    let mut out = String::new();
    for b in path.as_os_str().as_encoded_bytes() {
        match b {
            b'%' | b'?' | b'#' => out.push_str(&format!("%{b:02X}")),
            b if b.is_ascii() => out.push(char::from(*b)),
            b => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Copies `path` and its `-wal` into a private folder, checking that neither changed meanwhile:
/// the copy is then the file as its observer last committed it, read without writing beside it.
fn private_copy(path: &Path) -> Result<(tempfile::TempDir, std::path::PathBuf), Refusal> {
    let [wal, _] = companions(path);
    let before = (stamp(path), stamp(&wal));
    let dir = tempfile::Builder::new()
        .prefix(".constat-read-")
        .tempdir()
        .map_err(|e| Refusal::Unreadable(e.into()))?;
    let copy = dir.path().join("observer.db");
    let into = |from: &Path, to: &Path| -> Result<(), Refusal> {
        let mut src = open_regular(from)?;
        let mut dst = std::fs::File::create(to).map_err(|e| Refusal::Unreadable(e.into()))?;
        std::io::copy(&mut src, &mut dst).map_err(|e| Refusal::Unreadable(e.into()))?;
        Ok(())
    };
    into(path, &copy)?;
    if wal.exists() {
        let [copy_wal, _] = companions(&copy);
        into(&wal, &copy_wal)?;
    }
    if (stamp(path), stamp(&wal)) != before {
        return Err(Refusal::InUse);
    }
    Ok((dir, copy))
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
        Self::open_checking(path, &[])
    }

    /// [`Untrusted::open`] with the integrity check limited to `tables` (each with its
    /// indices, and the schema table) when the file's schema holds them (version 5 on): for a
    /// reader that reads nothing else, and calls [`Untrusted::check_all`] before reading any
    /// other table. Anything the limited check cannot do falls back to the whole check.
    pub fn open_checking(path: &Path, tables: &[&str]) -> Result<Self, Refusal> {
        let mut file = open_regular(path)?;
        let meta = file.metadata().map_err(|e| Refusal::Unreadable(e.into()))?;
        if meta.len() > MAX_FILE_BYTES {
            return Err(Refusal::TooLarge(meta.len()));
        }
        {
            use std::io::Read;
            // Enough of the start to tell a database from a spreadsheet's save of a table.
            let mut head = Vec::with_capacity(4096);
            (&mut file)
                .take(4096)
                .read_to_end(&mut head)
                .map_err(|e| Refusal::Unreadable(e.into()))?;
            if !head.starts_with(b"SQLite format 3\0") {
                return Err(Refusal::NotSqlite(NotSqlite::of(&head)));
            }
        }
        // Nothing is ever written beside another observer's file. Without companions, the file
        // is opened immutable: no lock, no `-shm`, no `-wal` created. With a `-wal` or `-shm`
        // beside it (its observer has it open, or it was copied while in use), the file and its
        // `-wal` are copied to a private folder and the copy read, WAL included; a file that
        // changes meanwhile is refused as in use.
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI;
        let live = companions(path)
            .iter()
            .any(|c| c.symlink_metadata().is_ok());
        let (copy, source) = if live {
            let (dir, copy) = private_copy(path)?;
            let absolute = std::path::absolute(&copy).map_err(|e| Refusal::Unreadable(e.into()))?;
            (Some(dir), format!("file://{}", uri_path(&absolute)))
        } else {
            let absolute = std::path::absolute(path).map_err(|e| Refusal::Unreadable(e.into()))?;
            (None, format!("file://{}?immutable=1", uri_path(&absolute)))
        };
        let conn = Connection::open_with_flags(&source, flags)
            .map_err(|e| Refusal::Unreadable(SystemProblem::sqlite(&e)))?;
        drop(file);
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
        let limited = version >= 5
            && !tables.is_empty()
            && std::iter::once("sqlite_schema")
                .chain(tables.iter().copied())
                .all(|t| {
                    conn.query_row(&format!("PRAGMA quick_check(\"{t}\")"), [], |r| {
                        r.get::<_, String>(0)
                    })
                    .is_ok_and(|c| c == "ok")
                });
        if !limited {
            quick_check(&conn)?;
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
        Ok(Self {
            conn,
            _copy: copy,
            source,
            checked_all: !limited,
        })
    }

    /// The integrity check of the whole file, when [`Untrusted::open_checking`] limited it.
    pub fn check_all(&mut self) -> Result<(), Refusal> {
        if !self.checked_all {
            quick_check(&self.conn)?;
            self.checked_all = true;
        }
        Ok(())
    }

    /// The connection, the private copy it reads (if any, to keep while the connection lives),
    /// and the URI it opened (to open more connections to the same bytes).
    pub(super) fn into_parts(self) -> (Connection, Option<tempfile::TempDir>, String) {
        (self.conn, self._copy, self.source)
    }

    /// The file's schema version.
    pub fn version(&self) -> u32 {
        self.conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap_or(0)
    }
}
