//! Rows of a table, read one at a time into a reused buffer: from a delimited text file (any
//! separator and encoding) or from a spreadsheet.

use std::collections::VecDeque;
use std::io::{self, Read};
use std::path::Path;

use super::decode::TextEncoding;
use super::{Column, Found, ImportError, ImportText, MAX_LINE_BYTES};

/// One row: its line (from 1) and its fields, trimmed on access. The strings are reused from one
/// row to the next.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Row {
    line: u64,
    fields: Vec<String>,
    len: usize,
}

impl Row {
    /// A row of these fields (tests, and spreadsheet headers).
    #[cfg(test)]
    pub(crate) fn from_fields(line: u64, fields: &[&str]) -> Self {
        let mut row = Self::default();
        row.clear(line);
        for f in fields {
            row.push_with(|s| s.push_str(f));
        }
        row
    }

    /// The line (or spreadsheet row) it came from, from 1.
    pub(crate) fn line(&self) -> u64 {
        self.line
    }

    /// Number of fields.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// Field `i`, trimmed; empty past the row's end (ragged rows).
    pub(crate) fn get(&self, i: usize) -> &str {
        if i < self.len {
            self.fields[i].trim()
        } else {
            ""
        }
    }

    /// Every field, trimmed.
    pub(crate) fn fields(&self) -> impl Iterator<Item = &str> {
        self.fields[..self.len].iter().map(|s| s.trim())
    }

    /// Whether every field is empty.
    pub(crate) fn is_blank(&self) -> bool {
        self.fields().all(str::is_empty)
    }

    /// Empties the row for a new line, keeping the strings' memory.
    pub(crate) fn clear(&mut self, line: u64) {
        self.line = line;
        self.len = 0;
    }

    /// Appends a field written by `fill` into a reused string.
    pub(crate) fn push_with<R>(&mut self, fill: impl FnOnce(&mut String) -> R) -> R {
        if self.len == self.fields.len() {
            self.fields.push(String::new());
        }
        let s = &mut self.fields[self.len];
        s.clear();
        self.len += 1;
        fill(s)
    }
}

/// A table read row by row.
pub(crate) trait RowSource {
    /// The header row.
    fn header(&self) -> &Row;
    /// Reads the next non-blank row into `row`; false at the end.
    fn next_row(&mut self, row: &mut Row) -> Result<bool, ImportError>;
}

/// A delimited text file, split on its raw bytes (separators and quotes are ASCII in every
/// encoding read) and decoded field by field. Memory is one record, whatever the file's size.
pub(crate) struct CsvSource<'p, R: Read> {
    path: &'p Path,
    reader: csv::Reader<LineGuard<R>>,
    record: csv::ByteRecord,
    encoding: TextEncoding,
    header: Row,
}

impl<'p, R: Read> CsvSource<'p, R> {
    /// Reads the header of `input` (positioned after any byte-order mark).
    pub(crate) fn new(
        path: &'p Path,
        input: R,
        encoding: TextEncoding,
        separator: u8,
    ) -> Result<Self, ImportError> {
        let reader = csv::ReaderBuilder::new()
            .delimiter(separator)
            .has_headers(false)
            .flexible(true)
            .from_reader(LineGuard::new(input));
        let mut source = Self {
            path,
            reader,
            record: csv::ByteRecord::new(),
            encoding,
            header: Row::default(),
        };
        let mut header = Row::default();
        if !source.next_row(&mut header)? {
            return Err(ImportError::file(path, ImportText::HeaderNaming)
                .value(ImportText::OnlyBlankLines)
                .hint(ImportText::NoContent));
        }
        source.header = header;
        Ok(source)
    }

    fn column_name(&self, i: usize) -> Column {
        Column::new(i, self.header.fields.get(i).map_or("", String::as_str))
    }
}

impl<R: Read> RowSource for CsvSource<'_, R> {
    fn header(&self) -> &Row {
        &self.header
    }

    fn next_row(&mut self, row: &mut Row) -> Result<bool, ImportError> {
        loop {
            let read = self.reader.read_byte_record(&mut self.record);
            let start = self.record.position().map_or(0, csv::Position::byte);
            match read {
                Ok(false) => return Ok(false),
                Ok(true) => {}
                Err(e) => {
                    let start = e.position().map_or(start, csv::Position::byte);
                    let line = self.reader.get_mut().line_at(start);
                    return Err(if self.reader.get_ref().too_long {
                        ImportError::at(
                            self.path,
                            line,
                            ImportText::LinesAtMost {
                                mib: (MAX_LINE_BYTES >> 20).to_string(),
                            },
                        )
                        .value(ImportText::LongerLine)
                        .hint(ImportText::NotATable)
                    } else {
                        ImportError::at(self.path, line, ImportText::ReadableRow)
                            .value(Found::Csv((&e).into()))
                    });
                }
            }
            let line = self.reader.get_mut().line_at(start);
            row.clear(line);
            let encoding = self.encoding;
            for (i, bytes) in self.record.iter().enumerate() {
                if !row.push_with(|s| encoding.decode_into(bytes, s)) {
                    return Err(ImportError::at(self.path, line, ImportText::Utf8AsStart)
                        .column(self.column_name(i))
                        .value(String::from_utf8_lossy(bytes).into_owned())
                        .hint(ImportText::MixesEncodings));
                }
            }
            if !row.is_blank() {
                return Ok(true);
            }
        }
    }
}

/// Most runs of line ends pending between what was read ahead and what was parsed: a record
/// spanning more lines is refused (no official record spans more than one).
const MAX_PENDING_RUNS: usize = 1 << 16;

/// Wraps the input to count lines and bound memory.
///
/// The `csv` crate's record positions lag by one line on CRLF files (the `\n` of a record's end
/// is consumed with the next record), so lines are counted here: the guard remembers the runs of
/// `\r`/`\n` bytes read ahead, and a record's line is one plus the `\n`s before its first byte
/// that is not a line end. It also refuses a physical line longer than [`MAX_LINE_BYTES`], so
/// that a file without line ends cannot make one record take all memory.
pub(crate) struct LineGuard<R> {
    inner: R,
    /// Bytes read so far.
    offset: u64,
    /// Bytes since the last `\n`.
    run: usize,
    /// Runs of line-end bytes not yet passed: (first byte, length, number of `\n`).
    ends: VecDeque<(u64, u64, u64)>,
    /// `\n`s passed.
    lines_before: u64,
    too_long: bool,
}

impl<R> LineGuard<R> {
    fn new(inner: R) -> Self {
        Self {
            inner,
            offset: 0,
            run: 0,
            ends: VecDeque::new(),
            lines_before: 0,
            too_long: false,
        }
    }

    /// The line (from 1) of the record starting at byte `start`.
    fn line_at(&mut self, start: u64) -> u64 {
        while let Some(&(first, len, lf)) = self.ends.front() {
            if first > start {
                break;
            }
            // A run before the record, or the line ends it starts with.
            self.lines_before += lf;
            self.ends.pop_front();
            if first + len > start {
                break;
            }
        }
        self.lines_before + 1
    }
}

impl<R: Read> Read for LineGuard<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        for (i, &b) in buf[..n].iter().enumerate() {
            if b != b'\n' && b != b'\r' {
                continue;
            }
            let at = self.offset + i as u64;
            let lf = u64::from(b == b'\n');
            match self.ends.back_mut() {
                Some((first, len, count)) if *first + *len == at => {
                    *len += 1;
                    *count += lf;
                }
                _ => self.ends.push_back((at, 1, lf)),
            }
        }
        self.offset += n as u64;
        let read = &buf[..n];
        self.run = match read.iter().rposition(|&b| b == b'\n') {
            Some(p) => n - p - 1,
            None => self.run + n,
        };
        if self.run > MAX_LINE_BYTES || self.ends.len() > MAX_PENDING_RUNS {
            self.too_long = true;
            return Err(io::Error::new(io::ErrorKind::InvalidData, "line too long"));
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(
        bytes: &[u8],
        encoding: TextEncoding,
        sep: u8,
    ) -> Result<Vec<Vec<String>>, ImportError> {
        let mut src = CsvSource::new(Path::new("t.csv"), bytes, encoding, sep)?;
        let mut out = vec![src.header().fields().map(str::to_owned).collect()];
        let mut row = Row::default();
        while src.next_row(&mut row)? {
            let mut v: Vec<String> = vec![row.line().to_string()];
            v.extend(row.fields().map(str::to_owned));
            out.push(v);
        }
        Ok(out)
    }

    #[test]
    fn fields_are_decoded_trimmed_and_blank_lines_skipped() {
        let out = rows(
            b"a;b\r\n\r\n L\x82a ;\"x;y\"\r\n;\r\n2;3",
            TextEncoding::Cp850,
            b';',
        )
        .unwrap();
        assert_eq!(out[0], ["a", "b"]);
        assert_eq!(out[1], ["3", "Léa", "x;y"]);
        assert_eq!(out[2], ["5", "2", "3"]);
        assert_eq!(out.len(), 3);
    }

    #[test]
    fn lines_are_counted_with_crlf_lf_blank_lines_and_quoted_line_ends() {
        let lines = |bytes: &[u8]| -> Vec<String> {
            rows(bytes, TextEncoding::Utf8, b';').unwrap()[1..]
                .iter()
                .map(|r| r[0].clone())
                .collect()
        };
        assert_eq!(lines(b"h;h\r\na;b\r\nc;d\r\n"), ["2", "3"]);
        assert_eq!(lines(b"h;h\na;b\nc;d"), ["2", "3"]);
        assert_eq!(
            lines(b"h;h\r\n\r\n\r\na;b\r\n\"x\r\ny\";z\r\nq;r\r\n"),
            ["4", "5", "7"]
        );
        assert_eq!(lines(b"\n\nh;h\na;b\n"), ["4"]);
    }

    #[test]
    fn ragged_rows_read_empty_past_their_end() {
        let mut src = CsvSource::new(
            Path::new("t.csv"),
            &b"a,b,c\n1\n"[..],
            TextEncoding::Utf8,
            b',',
        )
        .unwrap();
        let mut row = Row::default();
        assert!(src.next_row(&mut row).unwrap());
        assert_eq!((row.len(), row.get(0), row.get(2)), (1, "1", ""));
    }

    #[test]
    fn invalid_utf8_names_line_and_column() {
        let e = rows(b"Nom;Pr\xc3\xa9nom\nL\xe9a;X\n", TextEncoding::Utf8, b';').unwrap_err();
        assert_eq!(e.line, Some(2));
        assert_eq!(e.column_en().as_deref(), Some("Nom"));
        assert_eq!(e.value_en().as_deref(), Some("L\u{FFFD}a"));
    }

    #[test]
    fn a_line_without_end_is_refused_before_memory_grows() {
        let mut big = b"a;b\n".to_vec();
        big.resize(MAX_LINE_BYTES + 100, b'x');
        let e = rows(&big, TextEncoding::Utf8, b';').unwrap_err();
        assert!(e.to_string().contains("lines of at most 1 MiB"), "{e}");
    }
}
