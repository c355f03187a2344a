//! Photo bytes by content (issue 19): the `photo_blob` table, written in the same transaction as
//! the photo's event ([`Store::append_photos`]), read in pieces through SQLite's incremental blob
//! I/O, and checked against the events that announce them ([`verify_photos`]).

use std::io::{Read, Write};
use std::path::Path;

use rusqlite::{Connection, OptionalExtension, params};
use sha2::{Digest, Sha256};

use super::untrusted::{Damage, Refusal, Untrusted};
use super::{Doing, StorageError, Store};
use crate::domain::{EventId, ObserverId};

/// The bytes of one photo to store with its event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhotoBytes {
    /// SHA-256 of `bytes` (the event's `sha256`).
    pub sha256: [u8; 32],
    /// What is stored.
    pub bytes: Vec<u8>,
    /// Its thumbnail (a small JPEG), when one could be made.
    pub thumbnail: Option<Vec<u8>>,
}

/// The largest thumbnail taken from another observer's file (bytes): a 320-pixel JPEG is far
/// smaller; a larger one, or one that is not a JPEG, is left behind (the photo then has none).
pub const MAX_THUMBNAIL_BYTES: u64 = 256 * 1024;

/// Whether `bytes` may be kept as a thumbnail: a JPEG within [`MAX_THUMBNAIL_BYTES`].
fn thumbnail_acceptable(bytes: &[u8]) -> bool {
    bytes.len() as u64 <= MAX_THUMBNAIL_BYTES && bytes.starts_with(&[0xFF, 0xD8, 0xFF])
}

/// Writes `bytes` under its hash, unless they are held already (a photo attached twice, or
/// whose thumbnail only had travelled: the bytes then fill the row), with its thumbnail when the
/// row has none.
pub(super) fn put(tx: &Connection, photo: &PhotoBytes) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "INSERT INTO photo_blob (sha256, size, bytes, thumbnail) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (sha256) DO UPDATE
         SET bytes = coalesce(photo_blob.bytes, excluded.bytes),
             thumbnail = coalesce(photo_blob.thumbnail, excluded.thumbnail)
         WHERE photo_blob.bytes IS NULL OR photo_blob.thumbnail IS NULL",
    )?
    .execute(params![
        hex::encode(photo.sha256),
        i64::try_from(photo.bytes.len()).unwrap_or(i64::MAX),
        photo.bytes,
        photo.thumbnail
    ])?;
    Ok(())
}

/// Streams the blob `rowid`'s bytes of `table.column` into `out` and the hasher, in pieces.
pub(super) fn stream(
    conn: &Connection,
    db: &str,
    rowid: i64,
    out: &mut dyn Write,
) -> rusqlite::Result<std::io::Result<[u8; 32]>> {
    let mut blob = conn.blob_open(db, "photo_blob", "bytes", rowid, true)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = match blob.read(&mut buf) {
            Ok(n) => n,
            Err(e) => return Ok(Err(e)),
        };
        if n == 0 {
            return Ok(Ok(hasher.finalize().into()));
        }
        hasher.update(&buf[..n]);
        if let Err(e) = out.write_all(&buf[..n]) {
            return Ok(Err(e));
        }
    }
}

/// Where a photo's bytes stand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhotoState {
    /// The bytes stored hash to the event's hash.
    Intact,
    /// No bytes and no thumbnail for this hash: the photo was announced but nothing of it was
    /// received (an events CSV, a file sent without them). Not a break of the chain.
    NotReceived,
    /// No bytes, but its thumbnail: the photo came by a thumbnail-only export (`export db
    /// --thumbnails`), its original not received yet. Not a break of the chain: the original
    /// sent later fills the row and verifies.
    ThumbnailOnly,
    /// The bytes stored hash to something else (hex).
    Altered(String),
}

/// One photo event and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhotoCheck {
    /// The event.
    pub event: EventId,
    /// Its observer.
    pub observer: ObserverId,
    /// The file name given (untrusted: escape when shown).
    pub name: String,
    /// The hash the event announces (hex).
    pub sha256: String,
    /// What was found.
    pub state: PhotoState,
}

/// Checks the bytes of every photo event of `conn` (schema 8 or later), streaming each blob.
fn check_all(conn: &Connection, db: &str) -> rusqlite::Result<Vec<PhotoCheck>> {
    let mut stmt = conn.prepare(
        "SELECT e.id, e.observer, e.photo_name, e.photo_sha256,
                (SELECT b.rowid FROM photo_blob b WHERE b.sha256 = e.photo_sha256
                 AND b.bytes IS NOT NULL)
         FROM event e WHERE e.kind = 'photo' ORDER BY e.observer, e.seq",
    )?;
    let rows: Vec<(String, String, String, String, Option<i64>)> = stmt
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?
        .collect::<Result<_, _>>()?;
    // Without bytes: whether its thumbnail came (a thumbnail-only copy).
    let mut thumbnail = conn.prepare(
        "SELECT EXISTS (SELECT 1 FROM photo_blob WHERE sha256 = ?1 AND thumbnail IS NOT NULL)",
    )?;
    let mut out = Vec::with_capacity(rows.len());
    for (id, observer, name, sha256, rowid) in rows {
        let state = match rowid {
            None if thumbnail.query_row([&sha256], |r| r.get(0))? => PhotoState::ThumbnailOnly,
            None => PhotoState::NotReceived,
            Some(rowid) => match stream(conn, db, rowid, &mut std::io::sink())? {
                Ok(found) if hex::encode(found) == sha256 => PhotoState::Intact,
                Ok(found) => PhotoState::Altered(hex::encode(found)),
                Err(e) => PhotoState::Altered(e.to_string()),
            },
        };
        out.push(PhotoCheck {
            event: EventId(uuid::Uuid::parse_str(&id).unwrap_or_default()),
            observer: ObserverId(uuid::Uuid::parse_str(&observer).unwrap_or_default()),
            name,
            sha256,
            state,
        });
    }
    Ok(out)
}

/// Checks every photo of the database at `path`, opened as untrusted: files before schema 8
/// hold none.
pub fn verify_photos(path: &Path) -> Result<Vec<PhotoCheck>, Refusal> {
    let db = Untrusted::open(path)?;
    if db.version() < 8 {
        return Ok(Vec::new());
    }
    check_all(&db.conn, "main").map_err(|e| Refusal::Damaged(Damage::sqlite(&e)))
}

impl Store {
    /// `export db --thumbnails`: as [`Store::export_db`], but the copy holds no photo bytes
    /// (NULL), only their thumbnails and the events announcing them with their hashes: small
    /// enough to mail; the originals, sent later, fill the rows and verify against the events.
    /// The full copy is staged beside `output` under a temporary name ([`Store::export_db_then`]),
    /// emptied of the bytes, compacted, synced and only then renamed to `output`.
    pub fn export_db_thumbnails(&self, output: &Path) -> Result<(), StorageError> {
        self.export_db_then(output, &mut |staged| {
            let copy =
                Connection::open_with_flags(staged, rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE)
                    .map_err(|e| self.err(Doing::OpeningExport, e))?;
            let has_photos: bool = copy
                .query_row(
                    "SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE name = 'photo_blob')",
                    [],
                    |r| r.get(0),
                )
                .map_err(|e| self.err(Doing::WritingExport, e))?;
            if has_photos {
                copy.execute_batch(
                    "PRAGMA secure_delete = ON; UPDATE photo_blob SET bytes = NULL; VACUUM;",
                )
                .map_err(|e| self.err(Doing::WritingExport, e))?;
            }
            Ok(())
        })
    }

    /// The thumbnail of the photo `sha256`, when one is held, and whether its bytes are.
    pub fn photo_preview(
        &self,
        sha256: &[u8; 32],
    ) -> Result<(Option<Vec<u8>>, bool), StorageError> {
        self.conn
            .query_row(
                "SELECT thumbnail, bytes IS NOT NULL FROM photo_blob WHERE sha256 = ?1",
                [hex::encode(sha256)],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map(Option::unwrap_or_default)
            .map_err(|e| StorageError::sqlite(&self.path, Doing::ReadingPhoto, e))
    }

    /// What of the photo `sha256` is held: its bytes, its thumbnail only, or nothing.
    pub fn photo_held(
        &self,
        sha256: &[u8; 32],
    ) -> Result<crate::report::html_photos::Held, StorageError> {
        self.conn
            .query_row(
                "SELECT thumbnail IS NOT NULL, bytes IS NOT NULL FROM photo_blob WHERE sha256 = ?1",
                [hex::encode(sha256)],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map(|held| {
                let (thumbnail, bytes) = held.unwrap_or_default();
                crate::report::html_photos::Held::of(thumbnail, bytes)
            })
            .map_err(|e| StorageError::sqlite(&self.path, Doing::ReadingPhoto, e))
    }

    /// Copies the bytes of the photo `sha256` into `out`, in pieces; `Ok(None)` when they are
    /// not held, `Ok(Some(hash))` with the hash of what was copied otherwise.
    pub fn copy_photo(
        &self,
        sha256: &[u8; 32],
        out: &mut dyn Write,
    ) -> Result<Option<std::io::Result<[u8; 32]>>, StorageError> {
        let err = |e| StorageError::sqlite(&self.path, Doing::ReadingPhoto, e);
        let rowid: Option<i64> = self
            .conn
            .query_row(
                "SELECT rowid FROM photo_blob WHERE sha256 = ?1 AND bytes IS NOT NULL",
                [hex::encode(sha256)],
                |r| r.get(0),
            )
            .optional()
            .map_err(err)?;
        match rowid {
            None => Ok(None),
            Some(rowid) => stream(&self.conn, "main", rowid, out)
                .map(Some)
                .map_err(err),
        }
    }

    /// Whether the bytes of the photo `sha256` are held.
    pub fn has_photo(&self, sha256: &[u8; 32]) -> Result<bool, StorageError> {
        self.conn
            .query_row(
                "SELECT 1 FROM photo_blob WHERE sha256 = ?1 AND bytes IS NOT NULL",
                [hex::encode(sha256)],
                |_| Ok(()),
            )
            .optional()
            .map(|o| o.is_some())
            .map_err(|e| StorageError::sqlite(&self.path, Doing::ReadingPhoto, e))
    }

    /// The photos of this database checked against their events (see [`verify_photos`]).
    pub fn check_photos(&self) -> Result<Vec<PhotoCheck>, StorageError> {
        check_all(&self.conn, "main")
            .map_err(|e| StorageError::sqlite(&self.path, Doing::ReadingPhoto, e))
    }
}

/// Copies into `ours` the photo bytes and thumbnails of `theirs` (a file being merged, schema 8
/// or later) that an event of `ours` announces and `ours` does not hold yet, blob by blob through
/// SQLite's incremental blob I/O (memory stays flat whatever the number and size of photos).
/// Refused: more than [`super::merge::MAX_PHOTOS_PER_FILE`] photos, one over
/// [`crate::domain::MAX_PHOTO_BYTES`], bytes that do not hash to their announced hash. A
/// thumbnail that is not a JPEG within [`MAX_THUMBNAIL_BYTES`] is left behind (a thumbnail is a
/// preview, not evidence: no signature covers it; the bytes are what verifies).
pub(super) fn copy_from(
    ours: &Connection,
    theirs: &Connection,
) -> Result<(), super::merge::MergeRejection> {
    use super::merge::{MAX_PHOTOS_PER_FILE, MergeRejection};
    let damaged =
        |e: rusqlite::Error| MergeRejection::Refused(Refusal::Damaged(Damage::sqlite(&e)));
    let ours_failed =
        |e: rusqlite::Error| MergeRejection::Storage(crate::error::SystemProblem::sqlite(&e));
    let count: i64 = theirs
        .query_row(
            "SELECT count(*) FROM photo_blob WHERE bytes IS NOT NULL OR thumbnail IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .map_err(damaged)?;
    if count.unsigned_abs() > MAX_PHOTOS_PER_FILE {
        return Err(MergeRejection::TooManyPhotos {
            count: count.unsigned_abs(),
        });
    }
    let mut listed = theirs
        .prepare(
            "SELECT rowid, sha256, length(bytes), length(thumbnail) FROM photo_blob
             WHERE bytes IS NOT NULL OR thumbnail IS NOT NULL",
        )
        .map_err(damaged)?;
    let blobs: Vec<(i64, String, Option<i64>, Option<i64>)> = listed
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .map_err(damaged)?
        .collect::<Result<_, _>>()
        .map_err(damaged)?;
    for (rowid, sha256, len, thumb_len) in blobs {
        if let Some(len) = len
            && len.unsigned_abs() > crate::domain::MAX_PHOTO_BYTES
        {
            return Err(MergeRejection::PhotoTooLarge {
                sha256,
                size: len.unsigned_abs(),
            });
        }
        // Whether an event of ours announces it, and what ours lacks of it.
        let (announced, lacks_bytes, lacks_thumbnail): (bool, bool, bool) = ours
            .prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM event WHERE photo_sha256 = ?1),
                        NOT EXISTS (SELECT 1 FROM photo_blob WHERE sha256 = ?1
                                    AND bytes IS NOT NULL),
                        NOT EXISTS (SELECT 1 FROM photo_blob WHERE sha256 = ?1
                                    AND thumbnail IS NOT NULL)",
            )
            .and_then(|mut s| s.query_row([&sha256], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))))
            .map_err(ours_failed)?;
        let copy_bytes = announced && lacks_bytes && len.is_some();
        let copy_thumbnail = announced
            && lacks_thumbnail
            && thumb_len.is_some_and(|l| l.unsigned_abs() <= MAX_THUMBNAIL_BYTES);
        if !copy_bytes && !copy_thumbnail {
            continue;
        }
        // The row, with the size the event announces until the bytes come.
        ours.prepare_cached(
            "INSERT INTO photo_blob (sha256, size)
             SELECT ?1, photo_size FROM event WHERE photo_sha256 = ?1 LIMIT 1
             ON CONFLICT (sha256) DO NOTHING",
        )
        .and_then(|mut s| s.execute([&sha256]))
        .map_err(ours_failed)?;
        if copy_thumbnail {
            let thumbnail: Vec<u8> = theirs
                .query_row(
                    "SELECT thumbnail FROM photo_blob WHERE rowid = ?1",
                    [rowid],
                    |r| r.get(0),
                )
                .map_err(damaged)?;
            if thumbnail_acceptable(&thumbnail) {
                ours.prepare_cached("UPDATE photo_blob SET thumbnail = ?2 WHERE sha256 = ?1")
                    .and_then(|mut s| s.execute(params![sha256, thumbnail]))
                    .map_err(ours_failed)?;
            }
        }
        let Some(len) = len.filter(|_| copy_bytes) else {
            continue;
        };
        ours.prepare_cached(
            "UPDATE photo_blob SET size = ?2, bytes = zeroblob(?2) WHERE sha256 = ?1",
        )
        .and_then(|mut s| s.execute(params![sha256, len]))
        .map_err(ours_failed)?;
        let target: i64 = ours
            .query_row(
                "SELECT rowid FROM photo_blob WHERE sha256 = ?1",
                [&sha256],
                |r| r.get(0),
            )
            .map_err(ours_failed)?;
        let mut out = ours
            .blob_open("main", "photo_blob", "bytes", target, false)
            .map_err(ours_failed)?;
        let found = stream(theirs, "main", rowid, &mut out)
            .map_err(damaged)?
            .map_err(|e| {
                MergeRejection::Storage(crate::error::SystemProblem::said(e.to_string()))
            })?;
        if hex::encode(found) != sha256 {
            return Err(MergeRejection::PhotoMismatch {
                sha256,
                found: hex::encode(found),
            });
        }
    }
    Ok(())
}
