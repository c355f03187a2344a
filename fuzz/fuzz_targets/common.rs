//! What the file-reading targets share: the input written to a file in a private folder (in
//! memory where /dev/shm exists), since the readers take a path as constat's commands do.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The private folder, made once per process.
pub fn folder() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let shm = Path::new("/dev/shm");
        let made = if shm.is_dir() {
            tempfile::Builder::new().prefix("constat-fuzz-").tempdir_in(shm)
        } else {
            tempfile::Builder::new().prefix("constat-fuzz-").tempdir()
        };
        match made {
            Ok(dir) => dir,
            Err(e) => {
                eprintln!("cannot make a temporary folder: {e}");
                std::process::abort()
            }
        }
    })
    .path()
}

/// Writes `data` to `name` in the private folder (replacing the last input) and returns its path.
pub fn write_input(name: &str, data: &[u8]) -> PathBuf {
    let path = folder().join(name);
    if let Err(e) = std::fs::write(&path, data) {
        eprintln!("cannot write the input: {e}");
        std::process::abort()
    }
    path
}
