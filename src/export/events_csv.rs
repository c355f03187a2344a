//! The events CSV: one row per event, every field of the event plus the observer's name and the
//! election, so that an observer whose database cannot be sent can send this file instead.
//! Columns (a contract, see `docs/formats.md`):
//! `election,id,observer,observer_name,seq,recorded_at,kind,circonscription,bureau,panel,item,value,voters,received,voter,target,note,hash,envelope,received_on,seen_at,machines,household`;
//! a file holds only as many columns as its events need (18, 20 or 23), and files of any of these
//! widths are read. From schema 5 a signed file has 27 columns, the 23 followed by
//! `signature,public_key,reference_digest,observer_statement`: each event's signature (of the
//! chain head at its position) and, on every row, what the row's observer signed of themselves
//! (their public key, the digest of their reference data and their signed statement), empty
//! where unknown (events and observers merged from unsigned files). A file holding a photo event
//! (schema 8, issue 19) has 35 columns: the 27 (signature columns empty when unsigned) followed by
//! `photo_of,photo_about,photo_sha256,photo_original,photo_size,photo_type,photo_name,photo_taken_at`.
//!
//! Text cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab,
//! carriage return) are written with a leading `'`, and so are cells that start with `'`
//! themselves; the reader removes that one apostrophe again, so every value reads back exactly.

use std::collections::BTreeMap;
use std::io::{Read, Write};

use chrono::{DateTime, Utc};

use crate::domain::CodeError;
use crate::domain::chain::Hash;
use crate::domain::{
    BureauCode, CirconscriptionCode, Event, EventBody, EventId, Item, Mark, ObserverId, Panel,
};
use crate::i18n::{Lang, Localize, Message, cut};
use crate::report::spreadsheet_safe;

/// The header row.
pub const HEADER: [&str; 35] = [
    "election",
    "id",
    "observer",
    "observer_name",
    "seq",
    "recorded_at",
    "kind",
    "circonscription",
    "bureau",
    "panel",
    "item",
    "value",
    "voters",
    "received",
    "voter",
    "target",
    "note",
    "hash",
    "envelope",
    "received_on",
    "seen_at",
    "machines",
    "household",
    "signature",
    "public_key",
    "reference_digest",
    "observer_statement",
    "photo_of",
    "photo_about",
    "photo_sha256",
    "photo_original",
    "photo_size",
    "photo_type",
    "photo_name",
    "photo_taken_at",
];

/// The columns of signed files without photos.
const SIGNED_COLUMNS: usize = 27;

/// The columns of files written before signatures (still read, and written when nothing is
/// signed).
const THIRD_COLUMNS: usize = 23;

/// What a signed events CSV says of an observer besides their name: their public key, the
/// digest of the reference data they worked against, and their signed statement of both.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ObserverSeal {
    /// The Ed25519 public key.
    pub public_key: Option<[u8; 32]>,
    /// The reference digest.
    pub reference_digest: Option<[u8; 32]>,
    /// The signature of `["constat-observer/1", id, name, public key, reference digest]`.
    pub statement: Option<[u8; 64]>,
}

/// The columns of files written before `envelope` and `received_on` (still read).
const FIRST_COLUMNS: usize = 18;

/// The columns of files written before `seen_at`, `machines` and `household` (still read).
const SECOND_COLUMNS: usize = 20;

/// Writes `events` (with their observers' names) as CSV, without signatures.
pub fn write(
    out: &mut dyn Write,
    election: &str,
    names: &BTreeMap<ObserverId, String>,
    events: &[(Event, Hash)],
) -> csv::Result<()> {
    write_signed(
        out,
        election,
        names,
        events,
        &BTreeMap::new(),
        &std::collections::HashMap::new(),
    )
}

/// Writes `events` as CSV with each event's signature (`signatures`, by event) and what each
/// observer signed of themselves (`seals`): 27 columns when anything is signed.
pub fn write_signed(
    out: &mut dyn Write,
    election: &str,
    names: &BTreeMap<ObserverId, String>,
    events: &[(Event, Hash)],
    seals: &BTreeMap<ObserverId, ObserverSeal>,
    signatures: &std::collections::HashMap<EventId, [u8; 64]>,
) -> csv::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    let signed = !signatures.is_empty() || seals.values().any(|s| s.public_key.is_some());
    // Only the columns the events need, so that an older constat reads what it can.
    let columns = events
        .iter()
        .map(|(e, _)| {
            let f = e.body.flat();
            if e.seen_at.is_some() || f.machines.is_some() || f.household.is_some() {
                THIRD_COLUMNS
            } else if f.envelope.is_some() || f.received_on.is_some() {
                SECOND_COLUMNS
            } else {
                FIRST_COLUMNS
            }
        })
        .max()
        .unwrap_or(FIRST_COLUMNS);
    let columns = if events.iter().any(|(e, _)| e.body.flat().photo.is_some()) {
        HEADER.len()
    } else if signed {
        SIGNED_COLUMNS
    } else {
        columns
    };
    let no_seal = ObserverSeal::default();
    let flag = |b: Option<bool>| match b {
        Some(true) => "true",
        Some(false) => "false",
        None => "",
    };
    w.write_record(&HEADER[..columns])?;
    for (e, hash) in events {
        let name = names.get(&e.observer).map_or("", String::as_str);
        let seal = seals.get(&e.observer).unwrap_or(&no_seal);
        let hex_of = |b: Option<&[u8]>| b.map_or_else(String::new, hex::encode);
        let f = e.body.flat();
        let text = |v: Option<&dyn ToString>| v.map_or_else(String::new, |v| v.to_string());
        let row = [
            election,
            &e.id.to_string(),
            &e.observer.to_string(),
            &quote(name),
            &e.seq.to_string(),
            &e.recorded_at
                .to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
            f.kind,
            &text(f.circonscription.map(|c| c as &dyn ToString)),
            &text(f.bureau.map(|b| b as &dyn ToString)),
            &text(f.panel.as_ref().map(|p| p as &dyn ToString)),
            f.item.unwrap_or(""),
            f.value.unwrap_or(""),
            &text(f.voters.as_ref().map(|v| v as &dyn ToString)),
            &text(f.received.as_ref().map(|v| v as &dyn ToString)),
            &quote(f.voter.unwrap_or("")),
            &text(f.target.as_ref().map(|t| t as &dyn ToString)),
            &quote(f.note.unwrap_or("")),
            &hex::encode(hash),
            &text(f.envelope.as_ref().map(|n| n as &dyn ToString)),
            &text(f.received_on.as_ref().map(|d| d as &dyn ToString)),
            &e.seen_at.map_or_else(String::new, |t| {
                t.to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
            }),
            flag(f.machines),
            flag(f.household),
            &hex_of(signatures.get(&e.id).map(|s| &s[..])),
            &hex_of(seal.public_key.as_ref().map(|k| &k[..])),
            &hex_of(seal.reference_digest.as_ref().map(|d| &d[..])),
            &hex_of(seal.statement.as_ref().map(|s| &s[..])),
            f.photo.map_or("", |p| p.of.slug()),
            &match f.photo.map(|p| p.of) {
                Some(crate::domain::PhotoSubject::NonReceipt { event }) => event.to_string(),
                _ => String::new(),
            },
            &hex_of(f.photo.map(|p| &p.sha256[..])),
            &hex_of(f.photo.map(|p| &p.original[..])),
            &text(f.photo.map(|p| &p.size as &dyn ToString)),
            f.photo.map_or("", |p| p.media.mime()),
            &quote(f.photo.map_or("", |p| p.name.as_str())),
            &f.photo
                .and_then(|p| p.taken_at)
                .map_or_else(String::new, |t| t.format("%Y-%m-%dT%H:%M:%S").to_string()),
        ];
        w.write_record(&row[..columns])?;
    }
    w.flush()?;
    Ok(())
}

/// A row that cannot be read back: the line, the column and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// The line, from 1 (the header is line 1).
    pub line: u64,
    /// The column.
    pub column: &'static str,
    /// What is wrong.
    pub why: RowWhy,
}

/// What is wrong with a row of an events CSV. Values are the file's, shown as they are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowWhy {
    /// The CSV reader failed.
    Csv(CsvProblem),
    /// Not the header constat writes.
    Header {
        /// The columns found.
        found: String,
    },
    /// Not a UUID.
    NotUuid(String),
    /// A malformed code.
    Code(CodeError),
    /// Not a count.
    NotCount(String),
    /// Not an item.
    NotItem(String),
    /// Not a mark.
    NotMark(String),
    /// Not an envelope number.
    NotEnvelope(String),
    /// Not a date.
    NotDate(String),
    /// A non-receipt without a bureau.
    NonReceiptNeedsBureau,
    /// A machines statement without a bureau.
    MachinesNeedsBureau,
    /// Not `true`, `false` or empty.
    NotFlag(String),
    /// Not an event kind.
    NotKind(String),
    /// Not an RFC 3339 time.
    NotTime(String),
    /// Not a hash.
    NotHash(String),
    /// Not a position.
    NotSeq(String),
    /// Another election than the first row's.
    OtherElection {
        /// This row's.
        found: String,
        /// The first row's.
        first: String,
    },
    /// The row's event was refused by whoever reads the rows (who then says why).
    Refused,
    /// Not a signature (128 hex digits).
    NotSignature(String),
    /// Not a public key or digest (64 hex digits).
    NotKey(String),
    /// This row says other things of its observer (name, key, statement) than their first row.
    ObserverDiffers,
    /// This row comes after a later position of the same observer: the rows were put in another
    /// order (sorted in a spreadsheet), which constat does not read back.
    OutOfOrder,
}

/// A failure of the CSV reader, from its error's parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CsvProblem {
    /// A row with another number of fields than the rows before it.
    UnequalLengths {
        /// Record, line and byte, when known.
        pos: Option<(u64, u64, u64)>,
        /// Fields in this row.
        found: u64,
        /// Fields in the rows before.
        expected: u64,
    },
    /// A field that is not UTF-8.
    Utf8 {
        /// Record, line and byte, when known.
        pos: Option<(u64, u64, u64)>,
        /// The field.
        field: usize,
        /// Bytes valid before the bad sequence.
        valid_up_to: usize,
    },
    /// Anything else; the reader's or the system's words.
    Other(String),
}

impl From<&csv::Error> for CsvProblem {
    fn from(e: &csv::Error) -> Self {
        let at = |p: &csv::Position| (p.record(), p.line(), p.byte());
        match e.kind() {
            csv::ErrorKind::UnequalLengths {
                pos,
                expected_len,
                len,
            } => Self::UnequalLengths {
                pos: pos.as_ref().map(at),
                found: *len,
                expected: *expected_len,
            },
            csv::ErrorKind::Utf8 { pos, err } => Self::Utf8 {
                pos: pos.as_ref().map(at),
                field: err.field(),
                valid_up_to: err.valid_up_to(),
            },
            _ => Self::Other(e.to_string()),
        }
    }
}

impl Localize for CsvProblem {
    fn message(&self) -> Message<'_> {
        match self {
            Self::UnequalLengths {
                pos: Some((record, line, byte)),
                found,
                expected,
            } => Message::new("reason-csv-unequal-at")
                .arg("record", record.to_string())
                .arg("line", line.to_string())
                .arg("byte", byte.to_string())
                .arg("found", found.to_string())
                .arg("expected", expected.to_string()),
            Self::UnequalLengths {
                pos: None,
                found,
                expected,
            } => Message::new("reason-csv-unequal")
                .arg("found", found.to_string())
                .arg("expected", expected.to_string()),
            Self::Utf8 {
                pos: Some((record, line, byte)),
                field,
                valid_up_to,
            } => Message::new("reason-csv-utf8-at")
                .arg("record", record.to_string())
                .arg("line", line.to_string())
                .arg("byte", byte.to_string())
                .arg("field", field.to_string())
                .arg("index", valid_up_to.to_string()),
            Self::Utf8 {
                pos: None,
                field,
                valid_up_to,
            } => Message::new("reason-csv-utf8")
                .arg("field", field.to_string())
                .arg("index", valid_up_to.to_string()),
            Self::Other(detail) => Message::new("reason-csv-other").arg("detail", cut(detail)),
        }
    }
}

impl Localize for RowWhy {
    fn message(&self) -> Message<'_> {
        match self {
            Self::Csv(p) => p.message(),
            Self::Header { found } => Message::new("reason-row-header")
                .arg("expected", HEADER.join(","))
                .arg("found", cut(found)),
            Self::NotUuid(v) => Message::new("reason-row-not-uuid").arg("value", cut(v)),
            Self::Code(c) => c.message(),
            Self::NotCount(v) => Message::new("reason-row-not-count").arg("value", cut(v)),
            Self::NotItem(v) => Message::new("reason-row-not-item").arg("value", cut(v)),
            Self::NotMark(v) => Message::new("reason-row-not-mark").arg("value", cut(v)),
            Self::NotEnvelope(v) => Message::new("reason-row-not-envelope").arg("value", cut(v)),
            Self::NotDate(v) => Message::new("reason-row-not-date").arg("value", cut(v)),
            Self::NonReceiptNeedsBureau => Message::new("reason-row-non-receipt-bureau"),
            Self::MachinesNeedsBureau => Message::new("reason-row-machines-bureau"),
            Self::NotFlag(v) => Message::new("reason-row-not-flag").arg("value", cut(v)),
            Self::NotKind(v) => Message::new("reason-row-not-kind").arg("value", cut(v)),
            Self::NotTime(v) => Message::new("reason-row-not-time").arg("value", cut(v)),
            Self::NotHash(v) => Message::new("reason-row-not-hash").arg("value", cut(v)),
            Self::NotSeq(v) => Message::new("reason-row-not-seq").arg("value", cut(v)),
            Self::OtherElection { found, first } => Message::new("reason-row-other-election")
                .arg("found", cut(found))
                .arg("first", cut(first)),
            Self::Refused => Message::new("reason-row-refused"),
            Self::NotSignature(v) => Message::new("reason-row-not-signature").arg("value", cut(v)),
            Self::NotKey(v) => Message::new("reason-row-not-key").arg("value", cut(v)),
            Self::ObserverDiffers => Message::new("reason-row-observer-differs"),
            Self::OutOfOrder => Message::new("reason-row-out-of-order"),
        }
    }
}

impl Localize for RowError {
    fn message(&self) -> Message<'_> {
        Message::new("reason-row")
            .arg("line", self.line.to_string())
            .arg("column", self.column)
            .arg("why", &self.why)
    }
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for RowError {}

/// One event read back, with the election and observer name its row carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The line.
    pub line: u64,
    /// `legislatives-2017-1`.
    pub election: String,
    /// The observer's name.
    pub observer_name: String,
    /// The event.
    pub event: Event,
    /// Its chain hash.
    pub hash: Hash,
    /// Its signature, in a signed file.
    pub signature: Option<[u8; 64]>,
    /// The observer's public key, in a signed file.
    pub public_key: Option<[u8; 32]>,
    /// The observer's reference digest, in a signed file.
    pub reference_digest: Option<[u8; 32]>,
    /// The observer's signed statement, in a signed file.
    pub observer_statement: Option<[u8; 64]>,
}

/// A text cell as written: [`spreadsheet_safe`], and a value starting with `'` gets one more,
/// so that [`unquote`] gives back exactly the value.
fn quote(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with('\'') {
        format!("'{cell}").into()
    } else {
        spreadsheet_safe(cell)
    }
}

/// Removes the apostrophe that [`quote`] added.
fn unquote(cell: &str) -> String {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r', '\'']) => rest.to_owned(),
        _ => cell.to_owned(),
    }
}

/// True when `found` (a header's columns joined by `,`, as [`RowWhy::Header`] holds them) has
/// exactly the columns of a header constat writes, in another order: columns moved in a
/// spreadsheet (issue 18 point 6), not renamed, added or removed.
pub fn is_moved_header(found: &str) -> bool {
    let mut found: Vec<&str> = found.split(',').collect();
    found.sort_unstable();
    [
        HEADER.len(),
        SIGNED_COLUMNS,
        THIRD_COLUMNS,
        SECOND_COLUMNS,
        FIRST_COLUMNS,
    ]
    .iter()
    .any(|&n| {
        let mut known = HEADER[..n].to_vec();
        known.sort_unstable();
        known == found
    })
}

/// Reads an events CSV row by row, handing each to `sink`.
pub fn read(
    input: impl Read,
    sink: &mut dyn FnMut(Row) -> Result<(), RowError>,
) -> Result<(), RowError> {
    let mut r = super::spreadsheet::reader(input);
    let header_error = |why: RowWhy| RowError {
        line: 1,
        column: "header",
        why,
    };
    let headers = r
        .headers()
        .map_err(|e| header_error(RowWhy::Csv((&e).into())))?
        .clone();
    let found: Vec<&str> = headers.iter().collect();
    if found != HEADER
        && found != HEADER[..SIGNED_COLUMNS]
        && found != HEADER[..THIRD_COLUMNS]
        && found != HEADER[..SECOND_COLUMNS]
        && found != HEADER[..FIRST_COLUMNS]
    {
        return Err(header_error(RowWhy::Header {
            found: headers.iter().collect::<Vec<_>>().join(","),
        }));
    }
    let mut record = csv::StringRecord::new();
    loop {
        let more = r.read_record(&mut record).map_err(|e| RowError {
            line: e.position().map_or(0, |p| p.line()),
            column: "row",
            why: RowWhy::Csv((&e).into()),
        })?;
        if !more {
            return Ok(());
        }
        let line = record.position().map_or(0, |p| p.line());
        sink(parse_row(&record, line)?)?;
    }
}

fn parse_row(rec: &csv::StringRecord, line: u64) -> Result<Row, RowError> {
    let field = |i: usize| rec.get(i).unwrap_or("");
    let err = |i: usize, why: RowWhy| RowError {
        line,
        column: HEADER[i],
        why,
    };
    let opt = |i: usize| Some(unquote(field(i))).filter(|s| !s.is_empty());
    let uuid = |i: usize| {
        uuid::Uuid::parse_str(field(i)).map_err(|_| err(i, RowWhy::NotUuid(field(i).to_owned())))
    };
    let circ = |i: usize| CirconscriptionCode::parse(field(i)).map_err(|e| err(i, RowWhy::Code(e)));
    let bureau = |i: usize| -> Result<Option<BureauCode>, RowError> {
        opt(i)
            .map(|b| BureauCode::parse(&b).map_err(|e| err(i, RowWhy::Code(e))))
            .transpose()
    };
    let count = |i: usize| {
        field(i)
            .parse::<u32>()
            .map_err(|_| err(i, RowWhy::NotCount(field(i).to_owned())))
    };
    let flag = |i: usize| -> Result<Option<bool>, RowError> {
        match field(i) {
            "" => Ok(None),
            "true" => Ok(Some(true)),
            "false" => Ok(Some(false)),
            other => Err(err(i, RowWhy::NotFlag(other.to_owned()))),
        }
    };
    let body = match field(6) {
        "tick" => EventBody::Tick {
            circonscription: circ(7)?,
            bureau: bureau(8)?,
            panel: Panel::parse(field(9)).map_err(|e| err(9, RowWhy::Code(e)))?,
            item: field(10)
                .parse::<Item>()
                .map_err(|v| err(10, RowWhy::NotItem(v)))?,
            mark: field(11)
                .parse::<Mark>()
                .map_err(|v| err(11, RowWhy::NotMark(v)))?,
            note: opt(16),
            envelope: opt(18)
                .map(|n| {
                    n.parse::<u16>()
                        .ok()
                        .filter(|n| (1..=crate::domain::event::MAX_ENVELOPE).contains(n))
                        .ok_or_else(|| err(18, RowWhy::NotEnvelope(n.clone())))
                })
                .transpose()?,
        },
        "envelope" => EventBody::Envelope {
            circonscription: circ(7)?,
            bureau: bureau(8)?,
            voters: count(12)?,
            received: count(13)?,
            note: opt(16),
            received_on: opt(19)
                .map(|d| {
                    chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d")
                        .map_err(|_| err(19, RowWhy::NotDate(d.clone())))
                })
                .transpose()?,
        },
        "non_receipt" => EventBody::NonReceipt {
            circonscription: circ(7)?,
            bureau: bureau(8)?.ok_or_else(|| err(8, RowWhy::NonReceiptNeedsBureau))?,
            voter: opt(14),
            note: opt(16),
            household: flag(22)?,
        },
        "machines" => EventBody::Machines {
            circonscription: circ(7)?,
            bureau: bureau(8)?.ok_or_else(|| err(8, RowWhy::MachinesNeedsBureau))?,
            machines: flag(21)?.ok_or_else(|| err(21, RowWhy::NotFlag(String::new())))?,
            note: opt(16),
        },
        "retract" => EventBody::Retract {
            target: EventId(uuid(15)?),
        },
        // The previous key in `voter`, the new one in `note` (issue 15 point 3).
        "key_change" => EventBody::KeyChange {
            from: opt(14).ok_or_else(|| err(14, RowWhy::NotHash(String::new())))?,
            to: opt(16).ok_or_else(|| err(16, RowWhy::NotHash(String::new())))?,
        },
        "photo" => {
            let digest = |i: usize| {
                hex::decode(field(i))
                    .ok()
                    .and_then(|b| <[u8; 32]>::try_from(b).ok())
                    .ok_or_else(|| err(i, RowWhy::NotHash(field(i).to_owned())))
            };
            let of = match field(27) {
                "bureau" => crate::domain::PhotoSubject::Bureau,
                "household" => crate::domain::PhotoSubject::Household,
                "cell" => crate::domain::PhotoSubject::Cell {
                    panel: Panel::parse(field(9)).map_err(|e| err(9, RowWhy::Code(e)))?,
                    item: field(10)
                        .parse::<Item>()
                        .map_err(|v| err(10, RowWhy::NotItem(v)))?,
                },
                "non_receipt" => crate::domain::PhotoSubject::NonReceipt {
                    event: EventId(uuid(28)?),
                },
                other => return Err(err(27, RowWhy::NotKind(other.to_owned()))),
            };
            EventBody::Photo {
                circonscription: circ(7)?,
                bureau: bureau(8)?.ok_or_else(|| err(8, RowWhy::NonReceiptNeedsBureau))?,
                photo: Box::new(crate::domain::Photo {
                    of,
                    sha256: digest(29)?,
                    original: digest(30)?,
                    size: field(31)
                        .parse::<u64>()
                        .map_err(|_| err(31, RowWhy::NotCount(field(31).to_owned())))?,
                    media: crate::domain::MediaType::from_mime(field(32))
                        .ok_or_else(|| err(32, RowWhy::NotKind(field(32).to_owned())))?,
                    name: unquote(field(33)),
                    taken_at: opt(34)
                        .map(|t| {
                            chrono::NaiveDateTime::parse_from_str(&t, "%Y-%m-%dT%H:%M:%S")
                                .map_err(|_| err(34, RowWhy::NotTime(t.clone())))
                        })
                        .transpose()?,
                }),
                note: opt(16),
            }
        }
        other => {
            return Err(err(6, RowWhy::NotKind(other.to_owned())));
        }
    };
    let recorded_at = DateTime::parse_from_rfc3339(field(5))
        .map_err(|_| err(5, RowWhy::NotTime(field(5).to_owned())))?
        .with_timezone(&Utc);
    let hash = hex::decode(field(17))
        .ok()
        .and_then(|b| Hash::try_from(b).ok())
        .ok_or_else(|| err(17, RowWhy::NotHash(field(17).to_owned())))?;
    let signature = |i: usize| -> Result<Option<[u8; 64]>, RowError> {
        match field(i) {
            "" => Ok(None),
            text => hex::decode(text)
                .ok()
                .and_then(|b| <[u8; 64]>::try_from(b).ok())
                .map(Some)
                .ok_or_else(|| err(i, RowWhy::NotSignature(text.to_owned()))),
        }
    };
    let key = |i: usize| -> Result<Option<[u8; 32]>, RowError> {
        match field(i) {
            "" => Ok(None),
            text => hex::decode(text)
                .ok()
                .and_then(|b| <[u8; 32]>::try_from(b).ok())
                .map(Some)
                .ok_or_else(|| err(i, RowWhy::NotKey(text.to_owned()))),
        }
    };
    Ok(Row {
        hash,
        signature: signature(23)?,
        public_key: key(24)?,
        reference_digest: key(25)?,
        observer_statement: signature(26)?,
        line,
        election: field(0).to_owned(),
        observer_name: unquote(field(3)),
        event: Event {
            id: EventId(uuid(1)?),
            observer: ObserverId(uuid(2)?),
            seq: field(4)
                .parse::<u64>()
                .ok()
                .filter(|s| *s >= 1)
                .ok_or_else(|| err(4, RowWhy::NotSeq(field(4).to_owned())))?,
            recorded_at,
            seen_at: opt(20)
                .map(|t| {
                    DateTime::parse_from_rfc3339(&t)
                        .map(|t| t.with_timezone(&Utc))
                        .map_err(|_| err(20, RowWhy::NotTime(t.clone())))
                })
                .transpose()?,
            body,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_round_trip_including_formula_looking_notes() {
        let observer = ObserverId(uuid::Uuid::from_u128(5));
        let events = vec![
            Event {
                id: EventId(uuid::Uuid::from_u128(1)),
                observer,
                seq: 1,
                recorded_at: DateTime::from_timestamp(1_497_160_000, 0).unwrap(),
                seen_at: None,
                body: EventBody::Tick {
                    circonscription: CirconscriptionCode::parse("7501").unwrap(),
                    bureau: Some(BureauCode::parse("75056_0911").unwrap()),
                    panel: Panel::new(3).unwrap(),
                    item: Item::Bureau,
                    mark: Mark::Absent,
                    note: Some("=cmd|' /C calc'!A0\nsecond line".into()),
                    envelope: None,
                },
            },
            Event {
                id: EventId(uuid::Uuid::from_u128(2)),
                observer,
                seq: 2,
                recorded_at: DateTime::from_timestamp(1_497_160_001, 0).unwrap(),
                seen_at: None,
                body: EventBody::Retract {
                    target: EventId(uuid::Uuid::from_u128(1)),
                },
            },
            Event {
                id: EventId(uuid::Uuid::from_u128(3)),
                observer,
                seq: 3,
                recorded_at: DateTime::from_timestamp(1_497_160_002, 0).unwrap(),
                seen_at: None,
                body: EventBody::Tick {
                    circonscription: CirconscriptionCode::parse("7501").unwrap(),
                    bureau: None,
                    panel: Panel::new(4).unwrap(),
                    item: Item::Courrier,
                    mark: Mark::Present,
                    note: None,
                    envelope: Some(2),
                },
            },
            Event {
                id: EventId(uuid::Uuid::from_u128(4)),
                observer,
                seq: 4,
                recorded_at: DateTime::from_timestamp(1_497_160_003, 0).unwrap(),
                seen_at: None,
                body: EventBody::Envelope {
                    circonscription: CirconscriptionCode::parse("7501").unwrap(),
                    bureau: None,
                    voters: 2,
                    received: 2,
                    note: None,
                    received_on: chrono::NaiveDate::from_ymd_opt(2017, 6, 6),
                },
            },
        ];
        let names = BTreeMap::from([(observer, "@Marie".to_owned())]);
        let mut out = Vec::new();
        let hashed: Vec<(Event, Hash)> = events.iter().map(|e| (e.clone(), [9u8; 32])).collect();
        write(&mut out, "legislatives-2017-1", &names, &hashed).unwrap();
        let text = String::from_utf8(out.clone()).unwrap();
        assert!(text.contains("'=cmd"), "{text}");
        assert!(text.contains("'@Marie"), "{text}");
        let mut back = Vec::new();
        read(out.as_slice(), &mut |row| {
            back.push(row);
            Ok(())
        })
        .unwrap();
        assert_eq!(
            back.iter().map(|r| r.event.clone()).collect::<Vec<_>>(),
            events
        );
        assert_eq!(back[0].observer_name, "@Marie");
        assert_eq!(back[1].line, 4, "the quoted note spans two lines");
    }

    #[test]
    fn a_bad_cell_is_reported_with_line_and_column() {
        let csv = format!(
            "{}\nlegislatives-2017-1,not-a-uuid,x,y,1,2017-06-11T08:00:00Z,tick,7501,,3,foi,present,,,,,,{},,,,,\n",
            HEADER[..THIRD_COLUMNS].join(","),
            "0".repeat(64)
        );
        let err = read(csv.as_bytes(), &mut |_| Ok(())).unwrap_err();
        assert_eq!((err.line, err.column), (2, "id"), "{err}");
        let err = read("a,b\n1,2\n".as_bytes(), &mut |_| Ok(())).unwrap_err();
        assert_eq!(err.column, "header");
        let csv = format!(
            "{}\nlegislatives-2017-1,{},{},y,1,2017-06-11T08:00:00Z,tick,7501,,3,foi,present,,,,,,{},0,,,,\n",
            HEADER[..THIRD_COLUMNS].join(","),
            uuid::Uuid::from_u128(1),
            uuid::Uuid::from_u128(2),
            "0".repeat(64)
        );
        let err = read(csv.as_bytes(), &mut |_| Ok(())).unwrap_err();
        assert_eq!((err.line, err.column), (2, "envelope"), "{err}");
    }

    /// Issue 18 point 6: a header with constat's columns in another order is told from one
    /// whose columns were renamed, added or removed.
    #[test]
    fn a_header_with_its_columns_moved_is_known_as_such() {
        let mut moved = HEADER.to_vec();
        moved.swap(1, 7);
        assert!(is_moved_header(&moved.join(",")));
        let mut older = HEADER[..FIRST_COLUMNS].to_vec();
        older.reverse();
        assert!(is_moved_header(&older.join(",")));
        assert!(!is_moved_header(&HEADER[..5].join(",")), "columns removed");
        assert!(!is_moved_header("election,id,observer,name"));
        let mut added = HEADER.to_vec();
        added.push("commentaire");
        assert!(!is_moved_header(&added.join(",")));
    }

    #[test]
    fn without_envelope_numbers_or_days_the_file_keeps_the_18_columns_older_versions_read() {
        let e = Event {
            id: EventId(uuid::Uuid::from_u128(1)),
            observer: ObserverId(uuid::Uuid::from_u128(5)),
            seq: 1,
            recorded_at: DateTime::from_timestamp(1_497_160_000, 0).unwrap(),
            seen_at: None,
            body: EventBody::Retract {
                target: EventId(uuid::Uuid::from_u128(9)),
            },
        };
        let mut out = Vec::new();
        write(
            &mut out,
            "legislatives-2017-1",
            &BTreeMap::new(),
            &[(e, [1; 32])],
        )
        .unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text.lines().next(),
            Some(HEADER[..FIRST_COLUMNS].join(",").as_str())
        );
        assert!(text.lines().nth(1).unwrap().ends_with(&"01".repeat(32)));
    }

    #[test]
    fn a_file_written_before_the_envelope_columns_is_still_read() {
        let csv = format!(
            "{}\nlegislatives-2017-1,{},{},y,1,2017-06-11T08:00:00Z,tick,7501,,3,foi,present,,,,,,{}\n",
            HEADER[..FIRST_COLUMNS].join(","),
            uuid::Uuid::from_u128(1),
            uuid::Uuid::from_u128(2),
            "0".repeat(64)
        );
        let mut rows = Vec::new();
        read(csv.as_bytes(), &mut |row| {
            rows.push(row);
            Ok(())
        })
        .unwrap();
        assert!(matches!(
            rows[0].event.body,
            EventBody::Tick { envelope: None, .. }
        ));
    }
}
