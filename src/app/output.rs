//! Outputs never destroy evidence (issue 15 point 7): the one check every `-o`/`--output` of
//! every command goes through before anything is written.
//!
//! - the database in use is never an output: the same file after resolving links (a symbolic
//!   link to it, a hard link to it, `/dev/stdout` sent into it), nor its `-wal`, `-shm` or
//!   `-journal` companions;
//! - no SQLite file (a constat database or any other) is ever overwritten, even with `--force`;
//! - any other existing file is replaced only with `--force`;
//! - a device or a pipe (`-o /dev/stdout`) is written, as before.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::i18n::{Localize, Message};
use crate::system::SystemProblem;

/// What `SQLite format 3\0` files start with.
const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";
/// constat's `PRAGMA application_id` ("cons"), at offset 68 of the header, big-endian.
const CONSTAT_APPLICATION_ID: [u8; 4] = *b"cons";

/// What an output is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A file (`report -o`, `export csv -o`, `export db -o`).
    File,
    /// A folder to create (`export evidence -o`).
    Folder,
}

/// Why an output path is refused; nothing was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OutputRefusal {
    /// The path is the database this command reads (or one of its companion files).
    DatabaseInUse {
        /// The path given.
        path: PathBuf,
        /// The database.
        database: PathBuf,
    },
    /// The path is a constat database (another observer's, an export): never overwritten.
    ConstatDatabase(PathBuf),
    /// The path is an SQLite database of another program: never overwritten either.
    SqliteDatabase(PathBuf),
    /// The path is a file that exists: replaced only with `--force`.
    Exists(PathBuf),
    /// A folder output names an existing file.
    NotAFolder(PathBuf),
    /// The existing file cannot be read to check that it is not a database.
    Unreadable {
        /// The path given.
        path: PathBuf,
        /// What the system said.
        why: SystemProblem,
    },
}

impl Localize for OutputRefusal {
    fn message(&self) -> Message<'_> {
        let shown =
            |p: &Path| crate::domain::outside::escape(&p.display().to_string()).into_owned();
        match self {
            Self::DatabaseInUse { path, database } => {
                Message::new("output-refused-database-in-use")
                    .arg("path", shown(path))
                    .arg("database", shown(database))
            }
            Self::ConstatDatabase(p) => {
                Message::new("output-refused-constat").arg("path", shown(p))
            }
            Self::SqliteDatabase(p) => Message::new("output-refused-sqlite").arg("path", shown(p)),
            Self::Exists(p) => Message::new("output-refused-exists").arg("path", shown(p)),
            Self::NotAFolder(p) => {
                Message::new("output-refused-not-a-folder").arg("path", shown(p))
            }
            Self::Unreadable { path, why } => Message::new("output-refused-unreadable")
                .arg("path", shown(path))
                .arg("why", why),
        }
    }
}

/// Whether `a` and `b` are the same file: the same path once links are resolved, or (Unix) the
/// same device and inode (a hard link).
fn same_file(a: &Path, b: &Path) -> bool {
    if let (Some(x), Some(y)) = (resolved(a), resolved(b))
        && x == y
    {
        return true;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(x), Ok(y)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return x.dev() == y.dev() && x.ino() == y.ino();
        }
    }
    false
}

/// `path` with its links resolved; a file that does not exist yet, in its folder resolved.
fn resolved(path: &Path) -> Option<PathBuf> {
    if let Ok(p) = path.canonicalize() {
        return Some(p);
    }
    let name = path.file_name()?;
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    parent.canonicalize().ok().map(|p| p.join(name))
}

/// The database and the companions SQLite keeps beside it.
fn database_files(database: &Path) -> Vec<PathBuf> {
    let mut files = vec![database.to_owned()];
    for suffix in ["-wal", "-shm", "-journal"] {
        let mut p = database.as_os_str().to_owned();
        p.push(suffix);
        files.push(PathBuf::from(p));
    }
    files
}

/// What the first bytes of an existing regular file say it is.
fn database_kind(path: &Path) -> Result<Option<OutputRefusal>, OutputRefusal> {
    let unreadable = |e: std::io::Error| OutputRefusal::Unreadable {
        path: path.to_owned(),
        why: e.into(),
    };
    let mut file = std::fs::File::open(path).map_err(unreadable)?;
    let mut head = [0u8; 72];
    let mut n = 0;
    while n < head.len() {
        match file.read(&mut head[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(unreadable(e)),
        }
    }
    if n < SQLITE_HEADER.len() || &head[..SQLITE_HEADER.len()] != SQLITE_HEADER {
        return Ok(None);
    }
    Ok(Some(if n >= 72 && head[68..72] == CONSTAT_APPLICATION_ID {
        OutputRefusal::ConstatDatabase(path.to_owned())
    } else {
        OutputRefusal::SqliteDatabase(path.to_owned())
    }))
}

/// Checks that writing `kind` to `path` destroys nothing: `database` is the database the
/// command reads (never written over), `force` allows replacing an existing file that is not
/// a database. Call it before writing anything.
pub fn check(path: &Path, database: &Path, kind: Kind, force: bool) -> Result<(), OutputRefusal> {
    if database_files(database).iter().any(|d| same_file(path, d)) {
        return Err(OutputRefusal::DatabaseInUse {
            path: path.to_owned(),
            database: database.to_owned(),
        });
    }
    // Links followed: a link's target is what would be written.
    let Ok(meta) = std::fs::metadata(path) else {
        // Nothing there (or a dangling link, which the write replaces): nothing to destroy.
        return Ok(());
    };
    if meta.is_dir() {
        // A folder output into an existing folder: the evidence export checks it is empty. A
        // file output onto a folder fails when written, destroying nothing.
        return Ok(());
    }
    if !meta.is_file() {
        // A device or a pipe (`-o /dev/stdout`): written, not replaced.
        return Ok(());
    }
    if let Some(database) = database_kind(path)? {
        return Err(database);
    }
    match kind {
        Kind::Folder => Err(OutputRefusal::NotAFolder(path.to_owned())),
        Kind::File if force => Ok(()),
        Kind::File => Err(OutputRefusal::Exists(path.to_owned())),
    }
}

/// [`check`], as a command's error.
pub fn guard(path: &Path, database: &Path, kind: Kind, force: bool) -> Result<(), Error> {
    check(path, database, kind, force).map_err(Error::Output)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[allow(clippy::disallowed_methods)] // a plain SQLite file, on purpose not a Store
    fn sqlite_file(path: &Path, constat: bool) {
        let conn = rusqlite::Connection::open(path).unwrap();
        if constat {
            conn.pragma_update(None, "application_id", 0x636F_6E73)
                .unwrap();
        }
        conn.execute_batch("CREATE TABLE t (x)").unwrap();
    }

    #[test]
    fn the_database_in_use_is_refused_however_it_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("obs.db");
        sqlite_file(&db, true);
        let in_use = |p: &Path, force| {
            matches!(
                check(p, &db, Kind::File, force),
                Err(OutputRefusal::DatabaseInUse { .. })
            )
        };
        assert!(in_use(&db, true));
        assert!(in_use(&dir.path().join(".").join("obs.db"), true));
        assert!(in_use(&dir.path().join("obs.db-wal"), false));
        #[cfg(unix)]
        {
            let link = dir.path().join("link.db");
            std::os::unix::fs::symlink(&db, &link).unwrap();
            assert!(in_use(&link, true));
            let hard = dir.path().join("hard");
            std::fs::hard_link(&db, &hard).unwrap();
            assert!(in_use(&hard, true));
        }
        assert!(matches!(
            check(&db, &db, Kind::Folder, false),
            Err(OutputRefusal::DatabaseInUse { .. })
        ));
    }

    #[test]
    fn any_database_is_refused_even_with_force_other_files_only_without_it() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("obs.db");
        sqlite_file(&db, true);
        let other = dir.path().join("other.db");
        sqlite_file(&other, true);
        let foreign = dir.path().join("foreign.sqlite");
        sqlite_file(&foreign, false);
        let text = dir.path().join("report.txt");
        std::fs::write(&text, "old report").unwrap();
        for force in [false, true] {
            assert_eq!(
                check(&other, &db, Kind::File, force),
                Err(OutputRefusal::ConstatDatabase(other.clone()))
            );
            assert_eq!(
                check(&foreign, &db, Kind::File, force),
                Err(OutputRefusal::SqliteDatabase(foreign.clone()))
            );
        }
        assert_eq!(
            check(&text, &db, Kind::File, false),
            Err(OutputRefusal::Exists(text.clone()))
        );
        assert_eq!(check(&text, &db, Kind::File, true), Ok(()));
        assert_eq!(
            check(&text, &db, Kind::Folder, true),
            Err(OutputRefusal::NotAFolder(text.clone()))
        );
        assert_eq!(
            check(&dir.path().join("new.txt"), &db, Kind::File, false),
            Ok(())
        );
        assert_eq!(check(dir.path(), &db, Kind::Folder, false), Ok(()));
        // A short file that is not SQLite is an ordinary file.
        std::fs::write(&text, "SQL").unwrap();
        assert_eq!(check(&text, &db, Kind::File, true), Ok(()));
    }
}
