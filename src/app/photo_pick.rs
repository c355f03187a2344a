//! Where the interface finds the photo to attach (issue 19): the most recent images of a
//! folder (on a phone, Termux's shared `~/storage/dcim/Camera`), and the camera itself when
//! Termux:API's `termux-camera-photo` is installed. Attaching stays
//! [`crate::app::photos::attach`]'s work: this module only finds files.
//!
//! A camera folder can hold tens of thousands of files: it is read once, keeping only the
//! [`RECENT`] newest images (memory does not grow with the folder), and at most [`MAX_SCANNED`]
//! entries are looked at.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Utc};

use crate::error::SystemProblem;
use crate::i18n::{Localize, Message};

/// How many recent images the interface offers.
pub const RECENT: usize = 8;

/// The most entries of a folder looked at.
pub const MAX_SCANNED: usize = 50_000;

/// How long the camera may take before it is given up (Termux:API's commands wait for ever
/// when the Termux:API app is missing).
pub const CAMERA_TIMEOUT: Duration = Duration::from_secs(30);

/// The command that takes a photo on a phone with Termux:API.
pub const CAMERA_COMMAND: &str = "termux-camera-photo";

/// One image of the folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecentImage {
    /// Where it is.
    pub path: PathBuf,
    /// Its file name (untrusted text: escaped wherever shown).
    pub name: String,
    /// When it was last written.
    pub modified: DateTime<Utc>,
}

/// Why no image could be found or taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PickProblem {
    /// The folder cannot be read.
    FolderUnreadable {
        /// The folder.
        folder: String,
        /// What the system said.
        why: SystemProblem,
    },
    /// The camera command could not be run or failed.
    CameraFailed(SystemProblem),
    /// The camera command did not answer in time.
    CameraTimeout,
    /// The camera command ended without writing a photo.
    CameraNoPhoto,
}

impl Localize for PickProblem {
    fn message(&self) -> Message<'_> {
        match self {
            Self::FolderUnreadable { folder, why } => Message::new("photo-pick-folder-unreadable")
                .arg(
                    "folder",
                    crate::domain::outside::escape(folder).into_owned(),
                )
                .arg("why", why),
            Self::CameraFailed(why) => Message::new("photo-pick-camera-failed").arg("why", why),
            Self::CameraTimeout => {
                Message::new("photo-pick-camera-timeout").arg("seconds", CAMERA_TIMEOUT.as_secs())
            }
            Self::CameraNoPhoto => Message::new("photo-pick-camera-no-photo"),
        }
    }
}

/// True for a file name an image constat takes may have (`.jpg`, `.jpeg`, `.png`, `.heic`,
/// `.heif`, in any case). The bytes are checked when attached.
pub fn looks_like_image(name: &str) -> bool {
    let lower = name.to_lowercase();
    [".jpg", ".jpeg", ".png", ".heic", ".heif"]
        .iter()
        .any(|ext| lower.ends_with(ext))
        && !lower.starts_with('.')
}

/// The phone's camera folder, as Termux shares it (`~/storage/dcim/Camera`), when it exists.
pub fn default_folder() -> Option<PathBuf> {
    let home = dirs::home_dir().filter(|h| !h.as_os_str().is_empty())?;
    let camera = home.join("storage").join("dcim").join("Camera");
    camera.is_dir().then_some(camera)
}

/// The `n` most recently written images of `folder` (regular files with an image's name),
/// newest first.
pub fn recent_images(folder: &Path, n: usize) -> Result<Vec<RecentImage>, PickProblem> {
    let unreadable = |e: std::io::Error| PickProblem::FolderUnreadable {
        folder: folder.display().to_string(),
        why: e.into(),
    };
    let mut kept: Vec<RecentImage> = Vec::with_capacity(n + 1);
    for entry in std::fs::read_dir(folder)
        .map_err(unreadable)?
        .take(MAX_SCANNED)
    {
        let Ok(entry) = entry else { continue };
        let name = entry.file_name().to_string_lossy().into_owned();
        if !looks_like_image(&name) {
            continue;
        }
        // `DirEntry::metadata` does not follow a link: a link to a photo elsewhere is skipped.
        let Ok(meta) = entry.metadata() else { continue };
        if !meta.is_file() {
            continue;
        }
        let Some(modified) = meta.modified().ok().map(DateTime::<Utc>::from) else {
            continue;
        };
        let image = RecentImage {
            path: entry.path(),
            name,
            modified,
        };
        let at = kept
            .iter()
            .position(|k| (k.modified, &k.name) < (image.modified, &image.name))
            .unwrap_or(kept.len());
        if at < n {
            kept.insert(at, image);
            kept.truncate(n);
        }
    }
    Ok(kept)
}

/// The camera command, when it is on the `PATH`.
pub fn camera() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(CAMERA_COMMAND))
        .find(|p| is_executable(p))
}

#[cfg(unix)]
fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_executable(path: &Path) -> bool {
    path.is_file()
}

/// A photo just taken, in a folder of its own that goes when it is dropped (after attaching).
#[derive(Debug)]
pub struct Taken {
    /// The folder (removed on drop).
    _dir: tempfile::TempDir,
    /// The photo's file.
    pub path: PathBuf,
}

/// Takes a photo with `camera` (see [`camera`]) into a new temporary folder, named after the
/// local moment `at` (`photo-20170611-151000.jpg`: the name the event keeps). The command's
/// output does not reach the screen; it is given up after [`CAMERA_TIMEOUT`].
pub fn take_photo(camera: &Path, at: chrono::NaiveDateTime) -> Result<Taken, PickProblem> {
    let failed = |e: std::io::Error| PickProblem::CameraFailed(e.into());
    let dir = tempfile::Builder::new()
        .prefix("constat-photo-")
        .tempdir()
        .map_err(failed)?;
    let path = dir
        .path()
        .join(format!("photo-{}.jpg", at.format("%Y%m%d-%H%M%S")));
    let mut child = std::process::Command::new(camera)
        .arg(&path)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map_err(failed)?;
    let start = std::time::Instant::now();
    let status = loop {
        match child.try_wait().map_err(failed)? {
            Some(status) => break status,
            None if start.elapsed() > CAMERA_TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(PickProblem::CameraTimeout);
            }
            None => std::thread::sleep(Duration::from_millis(50)),
        }
    };
    if !status.success() {
        return Err(PickProblem::CameraFailed(SystemProblem::said(
            status.to_string(),
        )));
    }
    if !std::fs::metadata(&path).is_ok_and(|m| m.is_file() && m.len() > 0) {
        return Err(PickProblem::CameraNoPhoto);
    }
    Ok(Taken { _dir: dir, path })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn touch(dir: &Path, name: &str, secs: u64) {
        let path = dir.join(name);
        std::fs::write(&path, b"x").unwrap();
        let file = std::fs::File::options().write(true).open(&path).unwrap();
        file.set_modified(std::time::UNIX_EPOCH + Duration::from_secs(secs))
            .unwrap();
    }

    #[test]
    fn the_newest_images_of_a_folder_first_and_only_images() {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..12u64 {
            touch(dir.path(), &format!("IMG_{i:04}.jpg"), 1_000_000 + i * 60);
        }
        touch(dir.path(), "newest.PNG", 2_000_000);
        touch(dir.path(), "notes.txt", 3_000_000);
        touch(dir.path(), ".hidden.jpg", 3_000_000);
        std::fs::create_dir(dir.path().join("folder.jpg")).unwrap();
        let found = recent_images(dir.path(), RECENT).unwrap();
        let names: Vec<&str> = found.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "newest.PNG",
                "IMG_0011.jpg",
                "IMG_0010.jpg",
                "IMG_0009.jpg",
                "IMG_0008.jpg",
                "IMG_0007.jpg",
                "IMG_0006.jpg",
                "IMG_0005.jpg"
            ]
        );
        assert_eq!(found[0].path, dir.path().join("newest.PNG"));
        assert!(matches!(
            recent_images(&dir.path().join("missing"), RECENT),
            Err(PickProblem::FolderUnreadable { .. })
        ));
    }

    #[cfg(unix)]
    #[test]
    fn a_camera_command_that_writes_the_file_gives_the_photo_and_one_that_does_not_is_said() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let good = dir.path().join("good");
        std::fs::write(&good, "#!/bin/sh\nprintf 'jpeg' > \"$1\"\n").unwrap();
        let bad = dir.path().join("bad");
        std::fs::write(&bad, "#!/bin/sh\nexit 0\n").unwrap();
        for p in [&good, &bad] {
            std::fs::set_permissions(p, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        let at = chrono::NaiveDate::from_ymd_opt(2017, 6, 11)
            .unwrap()
            .and_hms_opt(15, 10, 0)
            .unwrap();
        let taken = take_photo(&good, at).unwrap();
        assert_eq!(std::fs::read(&taken.path).unwrap(), b"jpeg");
        assert!(taken.path.ends_with("photo-20170611-151000.jpg"));
        let folder = taken.path.parent().unwrap().to_owned();
        drop(taken);
        assert!(!folder.exists(), "the temporary folder goes once attached");
        assert_eq!(
            take_photo(&bad, at).unwrap_err(),
            PickProblem::CameraNoPhoto
        );
    }
}
