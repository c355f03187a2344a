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
        let mut extent = Extent::default();
        let sheet = name.starts_with("xl/worksheets/");
        let n = inflate_up_to(part, left + 1, &mut |chunk| {
            if sheet {
                extent.feed(chunk);
            }
        });
        if sheet && extent.cells() > MAX_SHEET_CELLS {
            return Err(ImportError::file(
                path,
                ImportText::SheetAtMost {
                    cells: MAX_SHEET_CELLS.to_string(),
                },
            )
            .value(Found::Said(ImportText::SheetSpans {
                part: name,
                rows: if extent.rows == u64::MAX {
                    "∞".to_owned()
                } else {
                    extent.rows.to_string()
                },
                columns: extent.columns.to_string(),
            }))
            .hint(ImportText::ZipBomb));
        }
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
fn inflate_up_to(part: impl Read, max: u64, seen: &mut dyn FnMut(&[u8])) -> u64 {
    let mut bounded = part.take(max);
    let mut buf = [0u8; 16 << 10];
    let mut n: u64 = 0;
    loop {
        match bounded.read(&mut buf) {
            Ok(0) | Err(_) => return n,
            Ok(k) => {
                seen(buf.get(..k).unwrap_or_default());
                n += k as u64;
            }
        }
    }
}

/// Most cells (rows × columns, from A1 to the farthest cell) a worksheet may span: `calamine`
/// holds a sheet as one dense table of that many cells (a workbook of a few KiB naming cell
/// Z3000000 made it ask for 24 GB; found by fuzzing, issue 17). The ministry's 2017 workbooks
/// span 577 rows by at most a few hundred columns, under 200 000 cells.
pub(crate) const MAX_SHEET_CELLS: u64 = 2_000_000;

/// Where a worksheet's XML is, read byte by byte.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum Scan {
    /// Between tags.
    #[default]
    Text,
    /// In a tag's name.
    Name,
    /// In a `<c>` or `<row>` tag, after a blank (`true`) or not.
    Tag(bool),
    /// After ` r` in such a tag.
    R,
    /// After ` r=`.
    Equals,
    /// In the value of `r`, closed by this quote.
    Reference(u8),
    /// In another quoted value, closed by this quote.
    Quoted(u8),
    /// In another tag, or a tag whose name is too long to be one of ours.
    Other,
}

/// The farthest row and column a worksheet's cells reach, as `calamine` places them: by their
/// `r` attribute (`<row r="7">`, `<c r="AB7">`), or, without one, next to the previous row or
/// cell. A reference that is not one (too long, overflowing) counts as unbounded.
#[derive(Debug, Default)]
struct Extent {
    scan: Scan,
    /// The tag being read (local name, without a prefix), at most 8 bytes kept.
    name: Vec<u8>,
    /// Whether the tag is `<row>` (else `<c>`).
    row_tag: bool,
    /// The `r` value being read, at most 16 bytes kept.
    value: Vec<u8>,
    row: u64,
    column: u64,
    /// The farthest row (1-based).
    rows: u64,
    /// The farthest column (1-based).
    columns: u64,
}

impl Extent {
    fn feed(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.step(b);
        }
    }

    fn step(&mut self, b: u8) {
        let blank = b.is_ascii_whitespace();
        if b == b'<' && self.scan != Scan::Text {
            // A `<` inside a tag is not XML (it is written `&lt;`): what `calamine` makes of such
            // a sheet cannot be foreseen, so it counts as unbounded.
            self.rows = u64::MAX;
        }
        self.scan = match self.scan {
            Scan::Text if b == b'<' => {
                self.name.clear();
                Scan::Name
            }
            Scan::Text => Scan::Text,
            Scan::Name if blank || b == b'>' || b == b'/' => {
                let ours = match self.name.as_slice() {
                    b"row" => {
                        self.row = self.row.saturating_add(1);
                        self.column = 0;
                        self.row_tag = true;
                        true
                    }
                    b"c" => {
                        self.column = self.column.saturating_add(1);
                        self.row_tag = false;
                        true
                    }
                    _ => false,
                };
                if ours {
                    self.reach();
                }
                match (b, ours) {
                    (b'>', _) => Scan::Text,
                    (_, true) => Scan::Tag(blank),
                    (_, false) => Scan::Other,
                }
            }
            Scan::Name if b == b':' => {
                self.name.clear();
                Scan::Name
            }
            Scan::Name if self.name.len() < 8 => {
                self.name.push(b);
                Scan::Name
            }
            Scan::Name => Scan::Other,
            Scan::Tag(_) | Scan::R | Scan::Equals if b == b'>' => Scan::Text,
            Scan::Tag(true) if b == b'r' => Scan::R,
            Scan::R if b == b'=' => Scan::Equals,
            // XML allows blanks around `=`.
            Scan::R if blank => Scan::R,
            Scan::Equals if blank => Scan::Equals,
            Scan::Equals if b == b'"' || b == b'\'' => {
                self.value.clear();
                Scan::Reference(b)
            }
            Scan::Tag(_) | Scan::R | Scan::Equals if b == b'"' || b == b'\'' => Scan::Quoted(b),
            Scan::Tag(_) | Scan::R | Scan::Equals => Scan::Tag(blank),
            Scan::Reference(q) if b == q => {
                self.place();
                Scan::Tag(false)
            }
            Scan::Reference(q) => {
                if self.value.len() < 16 {
                    self.value.push(b);
                } else {
                    // Longer than any real reference: unbounded.
                    self.value.clear();
                    self.value.extend_from_slice(b"~");
                }
                Scan::Reference(q)
            }
            Scan::Quoted(q) if b == q => Scan::Tag(false),
            Scan::Quoted(q) => Scan::Quoted(q),
            Scan::Other if b == b'>' => Scan::Text,
            Scan::Other if b == b'"' || b == b'\'' => {
                // A quoted `>` must not end the tag: skip the value, then go on in `Other`.
                self.name.clear();
                Scan::Quoted(b)
            }
            Scan::Other => Scan::Other,
        };
        // A quoted value of another tag goes back to `Other`, not to one of ours.
        if self.scan == Scan::Tag(false) && self.name.is_empty() {
            self.scan = Scan::Other;
        }
    }

    /// Sets the row (and column) from the `r` value just read.
    fn place(&mut self) {
        let mut column: u64 = 0;
        let mut row: u64 = 0;
        let mut letters = true;
        let mut valid = !self.value.is_empty();
        for &b in &self.value {
            match b {
                b'A'..=b'Z' | b'a'..=b'z' if letters && !self.row_tag => {
                    let v = u64::from(b.to_ascii_uppercase() - b'A') + 1;
                    column = column.saturating_mul(26).saturating_add(v);
                }
                b'0'..=b'9' => {
                    letters = false;
                    row = row.saturating_mul(10).saturating_add(u64::from(b - b'0'));
                }
                _ => valid = false,
            }
        }
        if !valid {
            // `calamine` refuses it, or reads it as it likes: count it as unbounded.
            row = u64::MAX;
        }
        self.row = row;
        if !self.row_tag {
            self.column = column;
        }
        self.reach();
    }

    fn reach(&mut self) {
        self.rows = self.rows.max(self.row);
        self.columns = self.columns.max(self.column);
    }

    /// The cells of the dense table from A1 to the farthest cell.
    fn cells(&self) -> u64 {
        self.rows.saturating_mul(self.columns.max(1))
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

    /// The extent of a sheet given as XML text.
    fn extent(xml: &str) -> (u64, u64) {
        let mut e = Extent::default();
        // In pieces, as inflated: a tag may span two reads.
        for piece in xml.as_bytes().chunks(3) {
            e.feed(piece);
        }
        (e.rows, e.columns)
    }

    #[test]
    fn a_sheet_reaches_its_farthest_cell_by_reference_or_by_position() {
        assert_eq!(
            extent(
                r#"<sheetData><row r="1"><c r="A1"/><c r="C1" t="s"><v>0</v></c></row></sheetData>"#
            ),
            (1, 3)
        );
        // Without `r`, cells follow one another, rows too.
        assert_eq!(extent("<row><c/><c/><c/></row><row><c/></row>"), (2, 3));
        // Prefixes, other attributes first, blanks around `=`, single quotes, `>` in a value.
        assert_eq!(
            extent(r#"<x:row r = '7'><x:c s="a>b" r="AB7"/></x:row>"#),
            (7, 28)
        );
        assert_eq!(
            extent(r#"<row r="3000000"><c r="Z3000000"/></row>"#),
            (3_000_000, 26)
        );
        // Other tags' `r` attributes do not count; a reference too long to be one is unbounded.
        assert_eq!(extent(r#"<rPr r="Z99"/><c r="A1"/>"#), (1, 1));
        assert_eq!(extent(r#"<c r="AAAAAAAAAAAAAAAAAAAA1"/>"#).0, u64::MAX);
        assert_eq!(extent(r#"<c r="1.0"/>"#).0, u64::MAX);
        // A row after an unbounded one stays unbounded (found by the fuzzer: it overflowed).
        assert_eq!(extent(r#"<row r="x"/><row/><c/>"#).0, u64::MAX);
        // Not XML: a `<` inside a tag (a fuzzer's mutation that `calamine` read as a far cell).
        assert_eq!(extent(r#"<c r="AV3c r="l t=B<c r="A1"/>"#).0, u64::MAX);
    }

    #[test]
    fn the_official_workbook_spans_few_cells() {
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/official/resultats-2017-mini.xlsx");
        let bytes = std::fs::read(fixture).unwrap();
        assert!(check(Path::new("mini.xlsx"), &bytes, &LIMITS).is_ok());
    }

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
        assert_eq!(
            inflate_up_to(part, (1 << 20) + 1, &mut |_| ()),
            (1 << 20) + 1
        );
        assert!(check_inflated(Path::new("w.xlsx"), &mut archive, &small(4 << 20)).is_ok());
    }

    #[test]
    fn a_part_lying_about_its_size_inflates_no_further_than_declared() {
        // 2 MiB of spaces declared as 1 KiB: the zip crate (as calamine reads it) stops there.
        let bytes = workbook(2 << 20, Some(1 << 10));
        assert!(check(Path::new("w.xlsx"), &bytes, &small(1 << 20)).is_ok());
        let mut archive = zip::ZipArchive::new(Cursor::new(&bytes[..])).unwrap();
        let part = archive.by_name(NAME).unwrap();
        assert!(inflate_up_to(part, u64::MAX, &mut |_| ()) <= (1 << 10) + (64 << 10));
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
