//! Photos as evidence (issue 19): one function all front ends call ([`attach`]) to check files,
//! strip what identifies the observer's phone and place, and record each photo as a signed event
//! whose bytes are stored by content in the same transaction.
//!
//! Every file is read and checked before anything is recorded: one refused file (not an image,
//! over [`MAX_PHOTO_BYTES`], unreadable) and nothing is recorded. By default the stored copy of a
//! JPEG loses its APP1 (EXIF, XMP) and APP13 (IPTC) segments, a PNG its `eXIf`, `tEXt`, `iTXt`
//! and `zTXt` chunks, without re-encoding the picture: GPS position and camera serial numbers go
//! with them. The event keeps the original's SHA-256, so the original still verifies. HEIC is
//! stored as received (nothing is stripped from it: its `sha256` equals its `original`).

use std::io::Read;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::domain::{
    BureauCode, CirconscriptionCode, Event, EventBody, MAX_PHOTO_BYTES, MediaType, Photo,
    PhotoSubject,
};
use crate::error::{Error, SystemProblem};
use crate::i18n::{Localize, Message};
use crate::storage::{PhotoBytes, Store};

/// Why a file is refused as a photo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhotoRefusal {
    /// Not a regular file (a folder, a FIFO, a device).
    NotAFile,
    /// The system could not read it.
    Unreadable(SystemProblem),
    /// Over the size limit.
    TooLarge {
        /// Its size in bytes.
        size: u64,
    },
    /// Its first bytes are not those of a JPEG, PNG or HEIC image.
    NotAnImage,
    /// It starts like an image but its structure cannot be read (truncated, damaged).
    Damaged,
}

impl Localize for PhotoRefusal {
    fn message(&self) -> Message<'_> {
        match self {
            Self::NotAFile => Message::new("reason-photo-not-a-file"),
            Self::Unreadable(why) => Message::new("reason-photo-unreadable").arg("why", why),
            Self::TooLarge { size } => Message::new("reason-photo-too-large")
                .arg("size", size.div_ceil(1024 * 1024))
                .arg("max", MAX_PHOTO_BYTES / (1024 * 1024)),
            Self::NotAnImage => Message::new("reason-photo-not-an-image"),
            Self::Damaged => Message::new("reason-photo-damaged"),
        }
    }
}

/// A photo checked and ready to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prepared {
    /// What the event records (its subject is set by [`attach`]).
    pub photo: Photo,
    /// The bytes to store.
    pub bytes: Vec<u8>,
}

/// The longest file name kept (characters; the rest is cut).
const MAX_NAME_CHARS: usize = 200;

/// Reads and checks one file; `keep_metadata`: store it as received.
pub fn prepare(path: &Path, keep_metadata: bool) -> Result<Prepared, PhotoRefusal> {
    let file = crate::storage::open_regular(path).map_err(|r| match r {
        crate::storage::Refusal::NotRegular(_) => PhotoRefusal::NotAFile,
        crate::storage::Refusal::Unreadable(why) => PhotoRefusal::Unreadable(why),
        other => PhotoRefusal::Unreadable(SystemProblem::said(other.text(crate::i18n::Lang::En))),
    })?;
    let size = file
        .metadata()
        .map_err(|e| PhotoRefusal::Unreadable(e.into()))?
        .len();
    if size > MAX_PHOTO_BYTES {
        return Err(PhotoRefusal::TooLarge { size });
    }
    let mut original = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    // One byte more than the limit: a file that grew meanwhile is refused too.
    file.take(MAX_PHOTO_BYTES + 1)
        .read_to_end(&mut original)
        .map_err(|e| PhotoRefusal::Unreadable(e.into()))?;
    if original.len() as u64 > MAX_PHOTO_BYTES {
        return Err(PhotoRefusal::TooLarge {
            size: original.len() as u64,
        });
    }
    let media = MediaType::sniff(&original).ok_or(PhotoRefusal::NotAnImage)?;
    let original_sha: [u8; 32] = Sha256::digest(&original).into();
    let taken_at = taken_at(&original);
    let bytes = if keep_metadata {
        original
    } else {
        strip(media, original)?
    };
    let name: String = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
        .chars()
        .map(|c| if c.is_control() { '\u{FFFD}' } else { c })
        .take(MAX_NAME_CHARS)
        .collect();
    Ok(Prepared {
        photo: Photo {
            of: PhotoSubject::Bureau,
            sha256: Sha256::digest(&bytes).into(),
            original: original_sha,
            size: bytes.len() as u64,
            media,
            name,
            taken_at,
        },
        bytes,
    })
}

/// The stored copy without the metadata segments (see the module comment). HEIC as received.
fn strip(media: MediaType, original: Vec<u8>) -> Result<Vec<u8>, PhotoRefusal> {
    use img_parts::Bytes;
    match media {
        MediaType::Jpeg => {
            let mut jpeg = img_parts::jpeg::Jpeg::from_bytes(Bytes::from(original))
                .map_err(|_| PhotoRefusal::Damaged)?;
            jpeg.segments_mut().retain(|s| {
                !matches!(
                    s.marker(),
                    img_parts::jpeg::markers::APP1 | img_parts::jpeg::markers::APP13
                )
            });
            Ok(jpeg.encoder().bytes().to_vec())
        }
        MediaType::Png => {
            let mut png = img_parts::png::Png::from_bytes(Bytes::from(original))
                .map_err(|_| PhotoRefusal::Damaged)?;
            png.chunks_mut()
                .retain(|c| !matches!(&c.kind(), b"eXIf" | b"tEXt" | b"iTXt" | b"zTXt"));
            Ok(png.encoder().bytes().to_vec())
        }
        MediaType::Heic => Ok(original),
    }
}

/// EXIF `DateTimeOriginal` (else `DateTime`), when the file has one that reads as a time.
pub fn taken_at(bytes: &[u8]) -> Option<chrono::NaiveDateTime> {
    let exif = exif::Reader::new()
        .read_from_container(&mut std::io::Cursor::new(bytes))
        .ok()?;
    [exif::Tag::DateTimeOriginal, exif::Tag::DateTime]
        .into_iter()
        .find_map(|tag| {
            let field = exif.get_field(tag, exif::In::PRIMARY)?;
            let exif::Value::Ascii(ref parts) = field.value else {
                return None;
            };
            let t = exif::DateTime::from_ascii(parts.first()?).ok()?;
            chrono::NaiveDate::from_ymd_opt(i32::from(t.year), t.month.into(), t.day.into())?
                .and_hms_opt(t.hour.into(), t.minute.into(), t.second.into())
        })
}

/// What photos are attached to, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attach {
    /// The circonscription.
    pub circonscription: CirconscriptionCode,
    /// The bureau.
    pub bureau: BureauCode,
    /// What they show.
    pub of: PhotoSubject,
    /// A note kept with each.
    pub note: Option<String>,
    /// Store them as received (EXIF kept).
    pub keep_metadata: bool,
}

/// Checks every file, then records one photo event per file with its bytes, in one transaction:
/// on any refusal, nothing is recorded and the error names the file and why.
pub fn attach(store: &mut Store, what: &Attach, files: &[PathBuf]) -> Result<Vec<Event>, Error> {
    let mut pending = Vec::with_capacity(files.len());
    for path in files {
        let prepared = prepare(path, what.keep_metadata).map_err(|why| Error::PhotoRefused {
            path: path.clone(),
            why,
        })?;
        let photo = Photo {
            of: what.of,
            ..prepared.photo
        };
        let bytes = PhotoBytes {
            sha256: photo.sha256,
            bytes: prepared.bytes,
        };
        let body = EventBody::Photo {
            circonscription: what.circonscription.clone(),
            bureau: what.bureau.clone(),
            photo: Box::new(photo),
            note: what.note.clone(),
        };
        pending.push(((super::new_event_id(), super::now(), None, body), bytes));
    }
    Ok(store.append_photos(pending)?)
}

/// The photos of the database at `path` (opened as untrusted) checked against their events:
/// intact, announced but not received (not a break), or altered.
pub fn verify_photos(path: &Path) -> Result<Vec<crate::storage::PhotoCheck>, Error> {
    crate::storage::verify_photos(path).map_err(|r| Error::Untrusted(path.to_owned(), r))
}
