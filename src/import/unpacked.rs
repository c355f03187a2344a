//! A workbook's unpacked size, bounded before `calamine` opens it (issue 17, zip bombs).
//!
//! [`super::MAX_WORKBOOK_BYTES`] bounds the packed file only: a 7 MB workbook can inflate to
//! gigabytes. Before `calamine` sees the bytes, the zip's central directory is read and a
//! workbook is refused whose parts are too many, declare more than [`LIMITS`] in all, or declare
//! an absurd compression ratio. Declared sizes can lie, so every part is then inflated once
//! through a size-limited reader into nothing, counting bytes, and the workbook is refused as
//! soon as the parts together pass the limit. `calamine` is then given these same bytes (not the
//! file again), read by the same `zip` crate, so what it inflates is what was counted.

use std::io::{Cursor, Read};
use std::path::Path;

use super::{Found, ImportError, ImportText};

/// What a workbook may unpack to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Limits {
    /// Bytes unpacked, all parts together.
    pub total: u64,
    /// Parts (entries of the zip).
    pub entries: usize,
    /// Largest ratio of a part's unpacked size to its packed size…
    pub ratio: u64,
    /// …for a part that unpacks to more than this many bytes.
    pub ratio_from: u64,
}

/// The limits of an imported workbook: 256 MiB unpacked in all (the ministry's 2017 workbooks,
/// 1.5 and 1.7 MB packed, unpack to 6.9 and 8.1 MB; `calamine` holds the text of the shared
/// strings and a sheet at once, so this keeps an import's memory to a few hundred MiB), 1000
/// parts (they have 20), and a ratio of 200 for a part of more than 1 MiB (their parts pack at
/// most 5.5 times, spreadsheet XML rarely over 30; a run of one byte, the stuff of zip bombs,
/// about 1000 times).
pub(crate) const LIMITS: Limits = Limits {
    total: 256 << 20,
    entries: 1000,
    ratio: 200,
    ratio_from: 1 << 20,
};

/// `256`: a size in whole MiB, rounded up.
fn mib(bytes: u64) -> String {
    bytes.div_ceil(1 << 20).to_string()
}

/// The refusal: what was expected, what was found.
fn refuse(path: &Path, limits: &Limits, found: ImportText) -> ImportError {
    ImportError::file(
        path,
        ImportText::UnpackedAtMost {
            mib: mib(limits.total),
            entries: limits.entries.to_string(),
            ratio: limits.ratio.to_string(),
        },
    )
    .value(Found::Said(found))
    .hint(ImportText::ZipBomb)
}

/// The number of entries the end of central directory record declares, when it is found and is
/// not a zip64 one (whose count the `zip` crate reads in full).
fn declared_entries(bytes: &[u8]) -> Option<u64> {
    // The record is 22 bytes, followed by a comment of at most 65535.
    let from = bytes.len().saturating_sub(22 + 0xFFFF);
    let tail = bytes.get(from..)?;
    let at = tail.windows(4).rposition(|w| w == b"PK\x05\x06")?;
    let count = tail.get(at + 10..at + 12)?;
    let count = u16::from_le_bytes([count[0], count[1]]);
    (count != 0xFFFF).then_some(u64::from(count))
}

/// Refuses the workbook `bytes` (of the file `path`) when its parts pass `limits`. A file the
/// `zip` crate cannot read passes: `calamine` then says why it cannot read it.
pub(crate) fn check(path: &Path, bytes: &[u8], limits: &Limits) -> Result<(), ImportError> {
    let too_many = |count: u64| {
        refuse(
            path,
            limits,
            ImportText::PartsCount {
                count: count.to_string(),
            },
        )
    };
    // Before the zip crate reads the whole central directory into memory.
    if let Some(count) = declared_entries(bytes)
        && count > limits.entries as u64
    {
        return Err(too_many(count));
    }
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    if archive.len() > limits.entries {
        return Err(too_many(archive.len() as u64));
    }
    let part_name = |name: &[u8]| String::from_utf8_lossy(name).into_owned();
    // What the central directory declares.
    let mut declared: u64 = 0;
    for i in 0..archive.len() {
        let Ok(part) = archive.by_index_raw(i) else {
            continue;
        };
        let size = part.size();
        declared = declared.saturating_add(size);
        if declared > limits.total {
            return Err(refuse(
                path,
                limits,
                ImportText::PartsDeclare {
                    part: part_name(part.name_raw()),
                    mib: mib(declared),
                },
            ));
        }
        if size > limits.ratio_from && size / part.compressed_size().max(1) > limits.ratio {
            return Err(refuse(
                path,
                limits,
                ImportText::PartRatio {
                    part: part_name(part.name_raw()),
                    ratio: (size / part.compressed_size().max(1)).to_string(),
                },
            ));
        }
    }
    check_inflated(path, &mut archive, limits)
}

/// Refuses the workbook when its parts, inflated once each into nothing through a reader that
/// stops one byte past what is left of the limit, pass `limits.total`. The `zip` crate already
/// stops a part one read past its declared size, which [`check`] has bounded: this pass holds
/// even where it would not (a part of unknown size, another version of the crate).
fn check_inflated(
    path: &Path,
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    limits: &Limits,
) -> Result<(), ImportError> {
    let part_name = |name: &[u8]| String::from_utf8_lossy(name).into_owned();
    let mut unpacked: u64 = 0;
    for i in 0..archive.len() {
        let Ok(part) = archive.by_index(i) else {
            continue;
        };
        let name = part_name(part.name_raw());
        let left = limits.total - unpacked;
        let n = inflate_up_to(part, left + 1);
        unpacked += n;
        if n > left {
            return Err(refuse(
                path,
                limits,
                ImportText::PartUnpacksPast {
                    part: name,
                    mib: mib(limits.total),
                },
            ));
        }
    }
    Ok(())
}

/// Inflates `part` into nothing, at most `max` bytes, and says how many it gave. A part that
/// cannot be inflated to its end (a bad checksum, a method the crate lacks) counts as far as it
/// went; `calamine` says what is wrong with it if it needs it.
fn inflate_up_to(part: impl Read, max: u64) -> u64 {
    let mut bounded = part.take(max);
    let mut buf = [0u8; 16 << 10];
    let mut n: u64 = 0;
    loop {
        match bounded.read(&mut buf) {
            Ok(0) | Err(_) => return n,
            Ok(k) => n += k as u64,
        }
    }
}

/// Reads the workbook at `path` (at most `max` bytes, else refused as too large) and checks it
/// against `limits`; the bytes are then the ones to give `calamine`.
pub(crate) fn read(path: &Path, max: u64, limits: &Limits) -> Result<Vec<u8>, ImportError> {
    let io_error = |e: &std::io::Error| {
        ImportError::file(path, ImportText::ReadableFile).value(Found::System(e.into()))
    };
    let file = std::fs::File::open(path).map_err(|e| io_error(&e))?;
    let mut bytes = Vec::new();
    file.take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_error(&e))?;
    if bytes.len() as u64 > max {
        return Err(super::sniff::workbook_too_large(path, bytes.len() as u64));
    }
    check(path, &bytes, limits)?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use std::io::Write as _;

    use super::*;
    use crate::i18n::{Lang, Localize};

    const NAME: &str = "xl/sharedStrings.xml";

    /// The legitimate 2017 workbook with `xl/sharedStrings.xml` added, `size` spaces, its
    /// headers declaring `declared` bytes unpacked when given.
    fn workbook(size: usize, declared: Option<u32>) -> Vec<u8> {
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/official/resultats-2017-mini.xlsx");
        let mut source = zip::ZipArchive::new(std::fs::File::open(fixture).unwrap()).unwrap();
        let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for i in 0..source.len() {
            writer
                .raw_copy_file(source.by_index_raw(i).unwrap())
                .unwrap();
        }
        writer
            .start_file(NAME, zip::write::SimpleFileOptions::default())
            .unwrap();
        let chunk = vec![b' '; 64 << 10];
        let mut left = size;
        while left > 0 {
            let n = left.min(chunk.len());
            writer.write_all(&chunk[..n]).unwrap();
            left -= n;
        }
        let mut bytes = writer.finish().unwrap().into_inner();
        if let Some(declared) = declared {
            for (sig, size_at, name_at) in [(b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)] {
                let at = (0..bytes.len() - name_at - NAME.len())
                    .find(|&i| {
                        &bytes[i..i + 4] == sig
                            && &bytes[i + name_at..i + name_at + NAME.len()] == NAME.as_bytes()
                    })
                    .unwrap();
                bytes[at + size_at..at + size_at + 4].copy_from_slice(&declared.to_le_bytes());
            }
        }
        bytes
    }

    fn small(total: u64) -> Limits {
        Limits { total, ..LIMITS }
    }

    fn refusal(bytes: &[u8], limits: &Limits) -> String {
        check(Path::new("w.xlsx"), bytes, limits)
            .unwrap_err()
            .text(Lang::En)
    }

    #[test]
    fn the_official_workbook_passes() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/official/resultats-2017-mini.xlsx");
        let bytes = read(&path, super::super::MAX_WORKBOOK_BYTES, &LIMITS).unwrap();
        assert_eq!(bytes, std::fs::read(&path).unwrap());
        assert!(check(Path::new("w.xlsx"), &workbook(100 << 10, None), &LIMITS).is_ok());
    }

    #[test]
    fn parts_that_inflate_past_the_limit_are_stopped_there() {
        // The declared sizes are honest here; the pass that inflates is tested alone.
        let bytes = workbook(2 << 20, None);
        let mut archive = zip::ZipArchive::new(Cursor::new(&bytes[..])).unwrap();
        let e = check_inflated(Path::new("w.xlsx"), &mut archive, &small(1 << 20))
            .unwrap_err()
            .text(Lang::En);
        assert_eq!(
            e,
            "w.xlsx: found `xl/sharedStrings.xml, which brings the parts past 1 MiB unpacked, \
             more than declared`, expected a workbook whose parts unpack to at most 1 MiB in all, \
             in at most 1000 parts, none packed more than 200 times (hint: an official workbook \
             unpacks to a few MiB: this file is damaged or built to exhaust memory (a zip bomb); \
             fetch it again from the official site, or export the sheet as CSV)"
        );
        let part = archive.by_name(NAME).unwrap();
        assert_eq!(inflate_up_to(part, (1 << 20) + 1), (1 << 20) + 1);
        assert!(check_inflated(Path::new("w.xlsx"), &mut archive, &small(4 << 20)).is_ok());
    }

    #[test]
    fn a_part_lying_about_its_size_inflates_no_further_than_declared() {
        // 2 MiB of spaces declared as 1 KiB: the zip crate (as calamine reads it) stops there.
        let bytes = workbook(2 << 20, Some(1 << 10));
        assert!(check(Path::new("w.xlsx"), &bytes, &small(1 << 20)).is_ok());
        let mut archive = zip::ZipArchive::new(Cursor::new(&bytes[..])).unwrap();
        let part = archive.by_name(NAME).unwrap();
        assert!(inflate_up_to(part, u64::MAX) <= (1 << 10) + (64 << 10));
    }

    #[test]
    fn a_part_declaring_more_than_the_limit_is_refused_unread() {
        let e = refusal(&workbook(1 << 10, Some(300 << 20)), &LIMITS);
        assert!(
            e.contains("found `xl/sharedStrings.xml, which brings the parts to 301 MiB"),
            "{e}"
        );
    }

    #[test]
    fn an_absurd_compression_ratio_is_refused() {
        let e = refusal(&workbook(8 << 20, None), &LIMITS);
        assert!(e.contains("found `xl/sharedStrings.xml, packed "), "{e}");
        assert!(e.contains(" times`"), "{e}");
    }

    #[test]
    fn too_many_parts_are_refused_before_the_directory_is_read() {
        let bytes = workbook(10, None);
        assert_eq!(declared_entries(&bytes), Some(7));
        let limits = Limits {
            entries: 6,
            ..LIMITS
        };
        assert!(refusal(&bytes, &limits).starts_with("w.xlsx: found `7 parts`"));
        let fr = check(Path::new("w.xlsx"), &bytes, &limits)
            .unwrap_err()
            .text(Lang::Fr);
        assert!(
            fr.contains("« 7 parties »") && fr.contains("bombe zip"),
            "{fr}"
        );
    }

    #[test]
    fn a_file_the_zip_crate_cannot_read_is_left_to_calamine() {
        assert!(check(Path::new("w.xlsx"), b"PK\x03\x04 not a zip", &LIMITS).is_ok());
    }
}
