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
    /// A small JPEG of it ([`thumbnail`]); `None` for HEIC or a picture that cannot be decoded
    /// within the limits.
    pub thumbnail: Option<Vec<u8>>,
}

/// The longest side of a thumbnail, in pixels.
pub const THUMBNAIL_SIDE: u32 = 320;

/// The widest or tallest picture decoded for a thumbnail (pixels); larger ones get none.
const MAX_DECODED_SIDE: u32 = 16_384;

/// The most memory the decoder may allocate for one picture (bytes): a 48-megapixel phone photo
/// decodes to about 144 MB of RGB; a decompression bomb is stopped here, never out of memory.
const MAX_DECODE_ALLOC: u64 = 256 * 1024 * 1024;

/// A JPEG of at most [`THUMBNAIL_SIDE`] pixels on its longest side of a JPEG or PNG picture
/// (turned upright by its EXIF orientation), decoded within [`MAX_DECODED_SIDE`] and
/// [`MAX_DECODE_ALLOC`]; `None` for HEIC (no well-kept pure-Rust decoder), or a picture that is
/// damaged, too large or a decompression bomb: the photo is still recorded, without thumbnail.
pub fn thumbnail(media: MediaType, bytes: &[u8]) -> Option<Vec<u8>> {
    use image::ImageDecoder;
    let format = match media {
        MediaType::Jpeg => image::ImageFormat::Jpeg,
        MediaType::Png => image::ImageFormat::Png,
        MediaType::Heic => return None,
    };
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_DECODED_SIDE);
    limits.max_image_height = Some(MAX_DECODED_SIDE);
    limits.max_alloc = Some(MAX_DECODE_ALLOC);
    let mut reader = image::ImageReader::with_format(std::io::Cursor::new(bytes), format);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().ok()?;
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut picture = image::DynamicImage::from_decoder(decoder).ok()?;
    picture.apply_orientation(orientation);
    let small = picture.thumbnail(THUMBNAIL_SIDE, THUMBNAIL_SIDE).to_rgb8();
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 70)
        .encode_image(&small)
        .ok()?;
    Some(out)
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
    let thumbnail = thumbnail(media, &original);
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
        thumbnail,
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
            thumbnail: prepared.thumbnail,
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

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let picture = image::RgbImage::from_fn(width, height, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, 128])
        });
        let mut out = Vec::new();
        picture
            .write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
            .unwrap();
        out
    }

    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = !0u32;
        for &b in bytes {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }

    #[test]
    fn a_thumbnail_is_a_jpeg_of_at_most_320_pixels_keeping_the_shape() {
        for (media, bytes) in [
            (MediaType::Png, png(1000, 500)),
            (MediaType::Png, png(40, 30)),
        ] {
            let thumb = thumbnail(media, &bytes).unwrap();
            assert_eq!(MediaType::sniff(&thumb), Some(MediaType::Jpeg));
            let small = image::load_from_memory(&thumb).unwrap();
            let (w, h) = (small.width(), small.height());
            assert!(w.max(h) <= THUMBNAIL_SIDE, "{w}×{h}");
            assert!(w > h, "{w}×{h}");
        }
        let jpeg = thumbnail(MediaType::Png, &png(640, 640)).unwrap();
        assert!(thumbnail(MediaType::Jpeg, &jpeg).is_some());
    }

    #[test]
    fn a_decompression_bomb_heic_or_damaged_picture_gets_no_thumbnail() {
        // A valid PNG whose header claims 60 000 × 60 000 pixels (10 GB of RGB).
        let mut bomb = png(8, 8);
        bomb[16..20].copy_from_slice(&60_000u32.to_be_bytes());
        bomb[20..24].copy_from_slice(&60_000u32.to_be_bytes());
        let crc = crc32(&bomb[12..29]);
        bomb[29..33].copy_from_slice(&crc.to_be_bytes());
        assert_eq!(thumbnail(MediaType::Png, &bomb), None);
        // Within the side limit but over the allocation limit: 16 000 × 16 000 RGB is 768 MB.
        bomb[16..20].copy_from_slice(&16_000u32.to_be_bytes());
        bomb[20..24].copy_from_slice(&16_000u32.to_be_bytes());
        let crc = crc32(&bomb[12..29]);
        bomb[29..33].copy_from_slice(&crc.to_be_bytes());
        assert_eq!(thumbnail(MediaType::Png, &bomb), None);
        assert_eq!(thumbnail(MediaType::Heic, b"\0\0\0\x18ftypheic"), None);
        let mut cut = png(100, 100);
        cut.truncate(cut.len() / 2);
        assert_eq!(thumbnail(MediaType::Png, &cut), None);
    }
}
