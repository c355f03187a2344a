//! CSV files that went through a spreadsheet (issue 18 point 6). An events CSV opened and saved
//! again by LibreOffice comes back with every field quoted; by Excel (French settings), with a
//! UTF-8 byte order mark, `;` between fields and CRLF line ends. The content is the same, so the
//! file must read the same: the mark is dropped, the separator is taken from the header line and
//! the csv reader already takes quotes and CRLF. Whether the content really is unchanged is the
//! chain hashes' business (an edited row no longer hashes to its `hash` column).

use std::io::{BufRead, BufReader, Chain, Cursor, Read};

/// The UTF-8 byte order mark Excel puts first.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The longest header line looked at for its separator (constat's is 200 bytes).
const MAX_HEADER: u64 = 64 * 1024;

/// What a CSV reader reads: the header line already read, then the rest.
pub type Input<R> = Chain<Cursor<Vec<u8>>, BufReader<R>>;

/// A csv reader for `input` in the dialect its header line shows: without a byte order mark,
/// separated by `,`, `;` or a tab (whichever the header line holds most of, outside quotes),
/// with records of equal length. A header line that cannot be read is left to the reader, whose
/// first read then fails with the reason.
pub fn reader<R: Read>(input: R) -> csv::Reader<Input<R>> {
    let mut rest = BufReader::new(input);
    let mut head = Vec::new();
    // An error here comes back from the reader's own read of the same input.
    let _ = (&mut rest).take(MAX_HEADER).read_until(b'\n', &mut head);
    if head.starts_with(BOM) {
        head.drain(..BOM.len());
    }
    let delimiter = separator(&head);
    csv::ReaderBuilder::new()
        .flexible(false)
        .delimiter(delimiter)
        .from_reader(Cursor::new(head).chain(rest))
}

/// The separator of a header line: the most frequent of `,`, `;` and tab outside quotes (`,`
/// when there is none).
pub fn separator(line: &[u8]) -> u8 {
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for &b in line {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted && let Some(c) = counts.iter_mut().find(|(d, _)| *d == b) {
            c.1 += 1;
        }
    }
    // `max_by_key` keeps the last of equals: look from the end so that `,` wins a tie.
    counts
        .iter()
        .rev()
        .max_by_key(|(_, n)| *n)
        .filter(|(_, n)| *n > 0)
        .map_or(b',', |(d, _)| *d)
}

/// Do the first bytes of a file look like an events CSV, in any of these dialects (its first
/// field is `election`, quoted or not, after an optional byte order mark)? Decided by content,
/// whatever the file's name: a database is recognised by its SQLite header, not by `.db`.
pub fn is_events_csv(head: &[u8]) -> bool {
    let head = head.strip_prefix(BOM).unwrap_or(head);
    let head = head.strip_prefix(b"\"").unwrap_or(head);
    let Some(after) = head.strip_prefix(b"election") else {
        return false;
    };
    let after = after.strip_prefix(b"\"").unwrap_or(after);
    matches!(after.first(), Some(b',' | b';' | b'\t'))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn rows(text: &[u8]) -> Vec<Vec<String>> {
        let mut r = reader(text);
        let mut out = vec![r.headers().unwrap().iter().map(str::to_owned).collect()];
        for rec in r.records() {
            out.push(rec.unwrap().iter().map(str::to_owned).collect());
        }
        out
    }

    #[test]
    fn the_three_dialects_read_the_same() {
        let plain = rows(b"election,id,note\nl-2017-1,a,\"x; y, z\"\n");
        let libre = rows(b"\"election\",\"id\",\"note\"\n\"l-2017-1\",\"a\",\"x; y, z\"\n");
        let excel = rows(b"\xEF\xBB\xBFelection;id;note\r\nl-2017-1;a;\"x; y, z\"\r\n");
        assert_eq!(plain, libre);
        assert_eq!(plain, excel);
        assert_eq!(plain[0][0], "election");
    }

    #[test]
    fn the_separator_is_taken_outside_quotes_and_a_tie_is_a_comma() {
        assert_eq!(separator(b"a;b;c\n"), b';');
        assert_eq!(separator(b"\"a,b\";c;d\n"), b';');
        assert_eq!(separator(b"a\tb\n"), b'\t');
        assert_eq!(separator(b"a,b;c\n"), b',');
        assert_eq!(separator(b"abc\n"), b',');
    }

    #[test]
    fn events_csv_is_recognised_by_content() {
        assert!(is_events_csv(b"election,id,observer,"));
        assert!(is_events_csv(b"\"election\",\"id\""));
        assert!(is_events_csv(b"\xEF\xBB\xBFelection;id;observer"));
        assert!(!is_events_csv(b"SQLite format 3\0"));
        assert!(!is_events_csv(b"elections,id"));
        assert!(!is_events_csv(b"bureau,panel"));
    }
}
