//! The observer's secret signing key, kept out of the database: one key file per observer,
//! `<key dir>/<observer-id>.key`, mode 0600, written atomically (a temporary file in the same
//! folder, synced, renamed, the folder synced).
//!
//! The key folder is `$CONSTAT_KEY_DIR` when set, else `$XDG_DATA_HOME/constat/keys`, else
//! `$HOME/.local/share/constat/keys` (also on Termux, whose `$HOME` is the app's private
//! storage). The database file, every export and every temporary file constat writes beside an
//! export hold no secret: there is none in the database to copy.
//!
//! File format (docs/formats.md, "Key file"), three lines of ASCII:
//! `constat-key/1`, the observer id, the 32-byte Ed25519 secret in 64 lowercase hex digits.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::domain::ObserverId;
use crate::domain::chain::Keypair;

/// The first line of a key file.
const MAGIC: &str = "constat-key/1";

/// Where key files are kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyDir(PathBuf);

/// Why a key file could not be read or written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyFileProblem {
    /// No key folder could be found: neither `CONSTAT_KEY_DIR`, `XDG_DATA_HOME` nor `HOME` is
    /// set.
    NoFolder,
    /// The file is not a constat key file of this observer.
    Malformed,
    /// The file holds the key of another observer or another public key than the database's.
    OtherKey,
    /// A key file is already there (constat never replaces a key).
    Exists,
    /// The system refused; its words.
    Io(String),
}

impl KeyDir {
    /// The key folder for the database at `db`: [`KeyDir::from_env`]. Library tests keep their
    /// keys in a `keys` folder beside the database instead (each test has its own temporary
    /// folder), so that they never write into `$HOME`.
    pub fn for_database(db: &Path) -> Option<Self> {
        if cfg!(test) && std::env::var_os("CONSTAT_KEY_DIR").is_none() {
            let dir = db.parent().filter(|p| !p.as_os_str().is_empty());
            return Some(Self(dir.unwrap_or_else(|| Path::new(".")).join("keys")));
        }
        Self::from_env()
    }

    /// The key folder named by the environment: `CONSTAT_KEY_DIR`, `XDG_DATA_HOME/constat/keys`
    /// or `HOME/.local/share/constat/keys`.
    pub fn from_env() -> Option<Self> {
        let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
        if let Some(dir) = var("CONSTAT_KEY_DIR") {
            return Some(Self(PathBuf::from(dir)));
        }
        if let Some(data) = var("XDG_DATA_HOME") {
            return Some(Self(PathBuf::from(data).join("constat").join("keys")));
        }
        var("HOME").map(|home| {
            Self(
                PathBuf::from(home)
                    .join(".local")
                    .join("share")
                    .join("constat")
                    .join("keys"),
            )
        })
    }

    /// A given folder (tests, benches).
    pub fn at(dir: impl Into<PathBuf>) -> Self {
        Self(dir.into())
    }

    /// The folder.
    pub fn path(&self) -> &Path {
        &self.0
    }

    /// The key file of `observer`.
    pub fn file_of(&self, observer: ObserverId) -> PathBuf {
        self.0.join(format!("{observer}.key"))
    }

    /// Reads `observer`'s key; `Ok(None)` when there is no key file.
    pub fn read(&self, observer: ObserverId) -> Result<Option<Keypair>, KeyFileProblem> {
        read_key_file(&self.file_of(observer), observer)
    }

    /// The file holding `observer`'s next key while `constat key new` replaces it (written
    /// before the key change is committed, renamed over the key file after).
    pub fn next_file_of(&self, observer: ObserverId) -> PathBuf {
        self.0.join(format!("{observer}.key.next"))
    }

    /// Reads `observer`'s next key ([`KeyDir::next_file_of`]); `Ok(None)` when there is none.
    pub fn read_next(&self, observer: ObserverId) -> Result<Option<Keypair>, KeyFileProblem> {
        read_key_file(&self.next_file_of(observer), observer)
    }

    /// Writes `observer`'s next key (replacing a next key left by an interrupted `key new`).
    pub fn write_next(
        &self,
        observer: ObserverId,
        keys: &Keypair,
    ) -> Result<PathBuf, KeyFileProblem> {
        let path = self.next_file_of(observer);
        self.write_file(&path, observer, keys, true)?;
        Ok(path)
    }

    /// Makes the next key `observer`'s key: renamed over the key file (the old secret is gone).
    pub fn promote_next(&self, observer: ObserverId) -> Result<PathBuf, KeyFileProblem> {
        let path = self.file_of(observer);
        std::fs::rename(self.next_file_of(observer), &path)
            .map_err(|e| KeyFileProblem::Io(e.to_string()))?;
        if let Ok(d) = std::fs::File::open(&self.0) {
            let _ = d.sync_all();
        }
        Ok(path)
    }

    /// Writes `observer`'s key file, atomically and readable by its owner only. An existing key
    /// file is never replaced: one holding the same key is left as it is, another is refused.
    pub fn write(&self, observer: ObserverId, keys: &Keypair) -> Result<PathBuf, KeyFileProblem> {
        let path = self.file_of(observer);
        match self.read(observer) {
            Ok(Some(found)) if found.public() == keys.public() => return Ok(path),
            Ok(Some(_)) | Err(KeyFileProblem::Malformed | KeyFileProblem::OtherKey) => {
                return Err(KeyFileProblem::Exists);
            }
            Ok(None) => {}
            Err(e) => return Err(e),
        }
        self.write_file(&path, observer, keys, false)?;
        Ok(path)
    }

    /// Writes a key file at `path` through a temporary file of the folder, synced and renamed
    /// (over an existing file only when `replace`), then the folder synced.
    fn write_file(
        &self,
        path: &Path,
        observer: ObserverId,
        keys: &Keypair,
        replace: bool,
    ) -> Result<(), KeyFileProblem> {
        let io = |e: std::io::Error| KeyFileProblem::Io(e.to_string());
        create_private_dir(&self.0).map_err(io)?;
        let mut builder = tempfile::Builder::new();
        builder.prefix(".constat-key-");
        // Readable and writable by its owner only (tempfile's default too, said here).
        #[cfg(unix)]
        builder.permissions(private_file());
        let mut tmp = builder.tempfile_in(&self.0).map_err(io)?;
        let text = format!("{MAGIC}\n{observer}\n{}\n", hex::encode(keys.secret()));
        tmp.write_all(text.as_bytes()).map_err(io)?;
        tmp.as_file().sync_all().map_err(io)?;
        if replace {
            tmp.persist(path).map_err(|e| io(e.error))?;
        } else {
            // Never over another key, even one written meanwhile.
            tmp.persist_noclobber(path).map_err(|e| {
                if e.error.kind() == std::io::ErrorKind::AlreadyExists {
                    KeyFileProblem::Exists
                } else {
                    io(e.error)
                }
            })?;
        }
        if let Ok(d) = std::fs::File::open(&self.0) {
            let _ = d.sync_all();
        }
        Ok(())
    }
}

/// Reads the key file at `path` of `observer`; `Ok(None)` when there is none.
fn read_key_file(path: &Path, observer: ObserverId) -> Result<Option<Keypair>, KeyFileProblem> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) if e.kind() == std::io::ErrorKind::InvalidData => {
            return Err(KeyFileProblem::Malformed);
        }
        Err(e) => return Err(KeyFileProblem::Io(e.to_string())),
    };
    let mut lines = text.lines();
    if lines.next() != Some(MAGIC) {
        return Err(KeyFileProblem::Malformed);
    }
    if lines.next() != Some(observer.to_string().as_str()) {
        return Err(KeyFileProblem::OtherKey);
    }
    let secret: [u8; 32] = lines
        .next()
        .and_then(|h| hex::decode(h.trim()).ok())
        .and_then(|b| b.try_into().ok())
        .ok_or(KeyFileProblem::Malformed)?;
    Ok(Some(Keypair::from_secret(&secret)))
}

#[cfg(unix)]
fn private_file() -> std::fs::Permissions {
    use std::os::unix::fs::PermissionsExt;
    std::fs::Permissions::from_mode(0o600)
}

fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
    }
    #[cfg(not(unix))]
    {
        std::fs::create_dir_all(dir)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_file_is_private_read_back_and_never_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let keys = KeyDir::at(dir.path().join("keys"));
        let me = ObserverId(uuid::Uuid::from_u128(7));
        assert!(matches!(keys.read(me), Ok(None)));
        let pair = Keypair::from_secret(&[5; 32]);
        let path = keys.write(me, &pair).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        assert_eq!(keys.read(me).unwrap().unwrap().public(), pair.public());
        // The same key again: nothing to do. Another: refused, the first kept.
        keys.write(me, &pair).unwrap();
        let other = Keypair::from_secret(&[6; 32]);
        assert_eq!(keys.write(me, &other).err(), Some(KeyFileProblem::Exists));
        assert_eq!(keys.read(me).unwrap().unwrap().public(), pair.public());
        // A key file renamed to another observer's name is not taken for theirs.
        let them = ObserverId(uuid::Uuid::from_u128(8));
        std::fs::copy(&path, keys.file_of(them)).unwrap();
        assert!(matches!(keys.read(them), Err(KeyFileProblem::OtherKey)));
        // No temporary file left beside the keys.
        let names: Vec<String> = std::fs::read_dir(keys.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(names.iter().all(|n| n.ends_with(".key")), "{names:?}");
    }
}
