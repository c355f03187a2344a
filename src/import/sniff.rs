//! What a file is, from its size and first bytes, before any row is read: a workbook, a binary
//! file (refused), or text with an encoding and a separator.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

use super::decode::{self, TextEncoding};
use super::{Binary, Found, ImportError, ImportText, MAX_TEXT_FILE_BYTES, MAX_WORKBOOK_BYTES};

/// How many bytes are looked at to recognise the encoding and the separator.
pub(crate) const SAMPLE_BYTES: usize = 64 * 1024;

/// A text file as recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TextFile {
    /// Its encoding.
    pub(crate) encoding: TextEncoding,
    /// Its field separator: `;`, tab or `,`.
    pub(crate) separator: u8,
    /// Length of its byte-order mark (0 or 3).
    pub(crate) bom: u64,
}

/// What a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Opened {
    /// An xlsx workbook (a zip archive).
    Workbook,
    /// A delimited text file.
    Text(TextFile),
}

fn io_error(path: &Path, e: &std::io::Error) -> ImportError {
    ImportError::file(path, ImportText::ReadableFile).value(Found::System(e.into()))
}

/// `100.0`: a size in MiB with one decimal, the unit left to the message.
fn mib(bytes: u64) -> String {
    format!("{:.1}", bytes as f64 / f64::from(1u32 << 20))
}

/// The refusal of a workbook of `len` bytes, over [`MAX_WORKBOOK_BYTES`].
pub(super) fn workbook_too_large(path: &Path, len: u64) -> ImportError {
    ImportError::file(
        path,
        ImportText::WorkbookAtMost {
            mib: mib(MAX_WORKBOOK_BYTES),
        },
    )
    .value(ImportText::ZipOf { mib: mib(len) })
    .hint(ImportText::WorkbookInMemory)
}

/// Recognises `path`. Never reads more than the first [`SAMPLE_BYTES`], except to find the first
/// non-ASCII bytes of a text file that starts in pure ASCII.
pub(crate) fn open(path: &Path) -> Result<Opened, ImportError> {
    let meta = std::fs::metadata(path).map_err(|e| io_error(path, &e))?;
    if meta.is_dir() {
        return Err(ImportError::file(path, ImportText::AFile).value(ImportText::Directory));
    }
    let len = meta.len();
    if len == 0 {
        return Err(ImportError::file(path, ImportText::HeaderAndRows)
            .value(ImportText::EmptyFile)
            .hint(ImportText::DownloadFailed));
    }
    if len > MAX_TEXT_FILE_BYTES {
        return Err(ImportError::file(
            path,
            ImportText::FileAtMost {
                mib: mib(MAX_TEXT_FILE_BYTES),
            },
        )
        .value(ImportText::FileOf {
            mib: mib(len),
            bytes: len.to_string(),
        })
        .hint(ImportText::WellUnder));
    }
    let mut file = File::open(path).map_err(|e| io_error(path, &e))?;
    let head = read_up_to(&mut file, SAMPLE_BYTES).map_err(|e| io_error(path, &e))?;
    if head.starts_with(b"PK\x03\x04") {
        if len > MAX_WORKBOOK_BYTES {
            return Err(workbook_too_large(path, len));
        }
        return Ok(Opened::Workbook);
    }
    refuse_binary(path, &head)?;
    let bom = if head.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let encoding = if bom > 0 {
        TextEncoding::Utf8Bom
    } else if head.is_ascii() && (head.len() as u64) < len {
        let sample = first_non_ascii(&mut file).map_err(|e| io_error(path, &e))?;
        detect(path, &sample)?
    } else {
        detect(path, &head)?
    };
    let separator = separator(&head[bom as usize..]).ok_or_else(|| {
        let first_line: String = encoding
            .decode_lossy(head.split(|&b| b == b'\n').next().unwrap_or_default())
            .chars()
            .take(120)
            .collect();
        ImportError::at(path, 1, ImportText::HeaderSeparated)
            .value(first_line.trim_end())
            .hint(ImportText::ExportAsCsv)
    })?;
    // constat's own events table (`constat export csv`), as exported or reworked in a
    // spreadsheet: merged, never imported (issue 18 point 6).
    if is_events_table(&head[bom as usize..]) {
        return Err(ImportError::file(path, ImportText::KnownFile)
            .value(ImportText::EventsTable)
            .hint(ImportText::MergeEventsTable));
    }
    Ok(Opened::Text(TextFile {
        encoding,
        separator,
        bom,
    }))
}

/// True when the first line of `text` is the header of a table of constat events
/// (`constat export csv`), its columns in their place or moved, renamed, quoted, re-separated
/// by a spreadsheet: a column naming the election and one naming the observer, among fields
/// split by the line's separator ([`separator`]). A byte-order mark is skipped.
pub(crate) fn is_events_table(text: &[u8]) -> bool {
    let text = text.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(text);
    let line = text.split(|&b| b == b'\n').next().unwrap_or_default();
    let Some(sep) = separator(line) else {
        return false;
    };
    let names: Vec<String> = line
        .split(|&b| b == sep)
        .map(|f| {
            String::from_utf8_lossy(f)
                .trim()
                .trim_matches('"')
                .trim()
                .to_lowercase()
        })
        .collect();
    names.iter().any(|n| n.contains("election")) && names.iter().any(|n| n.contains("observer"))
}

/// Opens `path` positioned after its byte-order mark.
pub(crate) fn reopen(path: &Path, text: TextFile) -> Result<File, ImportError> {
    let mut file = File::open(path).map_err(|e| io_error(path, &e))?;
    file.seek(SeekFrom::Start(text.bom))
        .map_err(|e| io_error(path, &e))?;
    Ok(file)
}

fn detect(path: &Path, sample: &[u8]) -> Result<TextEncoding, ImportError> {
    decode::detect(sample).map_err(|u| {
        ImportError::file(path, ImportText::TextEncodings)
            .value(u.excerpt)
            .hint(ImportText::NeitherReading)
    })
}

fn read_up_to(file: &mut File, n: usize) -> std::io::Result<Vec<u8>> {
    let mut buf = Vec::with_capacity(n);
    file.by_ref().take(n as u64).read_to_end(&mut buf)?;
    Ok(buf)
}

/// The first block of the rest of `file` that holds non-ASCII bytes (empty if none does), read
/// block by block without keeping the others.
fn first_non_ascii(file: &mut File) -> std::io::Result<Vec<u8>> {
    loop {
        let block = read_up_to(file, SAMPLE_BYTES)?;
        if block.is_empty() || !block.is_ascii() {
            return Ok(block);
        }
    }
}

/// Refuses files that are not text: images, archives, old workbooks, UTF-16, NUL bytes.
fn refuse_binary(path: &Path, head: &[u8]) -> Result<(), ImportError> {
    let kind = if head.starts_with(b"\x89PNG") {
        Some(Binary::Png)
    } else if head.starts_with(b"%PDF") {
        Some(Binary::Pdf)
    } else if head.starts_with(b"\x1f\x8b") {
        Some(Binary::Gzip)
    } else if head.starts_with(b"\xD0\xCF\x11\xE0") {
        Some(Binary::Xls)
    } else if head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF") {
        Some(Binary::Utf16)
    } else {
        head.iter()
            .position(|&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1A))
            .map(|at| Binary::Byte {
                byte: head[at],
                offset: at,
            })
    };
    match kind {
        None => Ok(()),
        Some(kind) => Err(ImportError::file(path, ImportText::TextOrXlsx)
            .value(Found::NotText(kind))
            .hint(ImportText::GiveAsPublished)),
    }
}

/// The separator of the first line: the most frequent of `;`, tab and `,` outside quotes
/// (`;` first on a tie); `None` when the line has none.
pub(crate) fn separator(text: &[u8]) -> Option<u8> {
    let line = text.split(|&b| b == b'\n').next().unwrap_or_default();
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &b in line {
        match b {
            b'"' => quoted = !quoted,
            b';' if !quoted => counts[0] += 1,
            b'\t' if !quoted => counts[1] += 1,
            b',' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).rev().max_by_key(|&i| counts[i])?;
    (counts[best] > 0).then_some([b';', b'\t', b','][best])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_separator_is_the_most_frequent_outside_quotes() {
        assert_eq!(separator(b"a;b;c\n1,2;3"), Some(b';'));
        assert_eq!(separator(b"a\tb\tc"), Some(b'\t'));
        assert_eq!(separator(b"Departement,CodCirElec,\"a;b\""), Some(b','));
        assert_eq!(
            separator(b"\"\";\"Code du d\xc3\xa9partement\";\"x\""),
            Some(b';')
        );
        assert_eq!(separator(b"a;b,c"), Some(b';'));
        assert_eq!(separator(b"abc\n;;;"), None);
    }

    /// Issue 18 point 6: constat's events table is known as such however a spreadsheet saved
    /// it (columns moved, quoted, `;`, a byte-order mark, CRLF); official tables are not.
    #[test]
    fn an_events_table_is_known_with_its_columns_moved_or_not() {
        let exported = crate::export::events_csv::HEADER.join(",");
        assert!(is_events_table(exported.as_bytes()));
        let mut moved = crate::export::events_csv::HEADER.to_vec();
        moved.rotate_left(3);
        assert!(is_events_table(moved.join(",").as_bytes()));
        let excel = format!("\u{feff}{}\r\n1;2", moved.join(";"));
        assert!(is_events_table(excel.as_bytes()));
        let libre: Vec<String> = moved.iter().map(|c| format!("\"{c}\"")).collect();
        assert!(is_events_table(libre.join(",").as_bytes()));
        assert!(!is_events_table(
            "Code du département;Libellé du département;Code de la circonscription".as_bytes()
        ));
        assert!(!is_events_table(
            b"id_brut_reu,code_commune,code,libelle_reu"
        ));
        assert!(!is_events_table(b"election observer"), "no separator");
    }

    /// Issue 18 point 6: an events table given to an import is refused as such, with the
    /// typed reason and the way to merge it, not as a table missing official columns.
    #[test]
    fn importing_an_events_table_says_it_is_one() {
        let dir = tempfile::tempdir().unwrap();
        let mut moved = crate::export::events_csv::HEADER.to_vec();
        moved.swap(0, 5);
        let path = dir.path().join("events.csv");
        std::fs::write(&path, format!("{}\nx,y\n", moved.join(","))).unwrap();
        let err = open(&path).unwrap_err();
        let expected = ImportError::file(&path, ImportText::KnownFile)
            .value(ImportText::EventsTable)
            .hint(ImportText::MergeEventsTable);
        assert_eq!(err, expected);
    }
}
