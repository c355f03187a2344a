//! Reading and writing events. Rows are validated back into domain values: a row that does not
//! make sense is an error naming the event, never a panic.

use std::path::Path;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, Row, params};
use uuid::Uuid;

use super::error::{DataProblem, RowProblem};
use super::{Doing, StorageError};
use crate::domain::chain::Hash;
use crate::domain::{
    BureauCode, CirconscriptionCode, Event, EventBody, EventId, Item, Mark, MediaType, ObserverId,
    Panel, Photo, PhotoSubject,
};

/// Inserts an event; with `if_new`, an event whose id is already held is left alone and `false`
/// is returned.
pub(super) fn insert(
    tx: &Connection,
    e: &Event,
    hash: &Hash,
    if_new: bool,
) -> rusqlite::Result<bool> {
    let f = e.body.flat();
    let p = PhotoColumns::of(f.photo);
    let sql = if if_new {
        "INSERT INTO event (id, observer, seq, recorded_at, kind, circonscription, bureau, panel,
                            item, value, voters, received, voter, target, note, envelope,
                            received_on, hash, seen_at, machines, household, photo_of,
                            photo_about, photo_sha256, photo_original, photo_size, photo_type,
                            photo_name, photo_taken_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
                 ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29)
         ON CONFLICT (id) DO NOTHING"
    } else {
        "INSERT INTO event (id, observer, seq, recorded_at, kind, circonscription, bureau, panel,
                            item, value, voters, received, voter, target, note, envelope,
                            received_on, hash, seen_at, machines, household, photo_of,
                            photo_about, photo_sha256, photo_original, photo_size, photo_type,
                            photo_name, photo_taken_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
                 ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29)"
    };
    let changed = tx.prepare_cached(sql)?.execute(params![
        e.id.to_string(),
        e.observer.to_string(),
        i64::try_from(e.seq).unwrap_or(i64::MAX),
        format_time(e.recorded_at),
        f.kind,
        f.circonscription.map(CirconscriptionCode::as_str),
        f.bureau.map(BureauCode::as_str),
        f.panel,
        f.item,
        f.value,
        f.voters,
        f.received,
        f.voter,
        f.target.map(|t| t.to_string()),
        f.note,
        f.envelope,
        f.received_on.map(format_day),
        hex::encode(hash),
        e.seen_at.map(format_time),
        f.machines,
        f.household,
        p.of,
        p.about,
        p.sha256,
        p.original,
        p.size,
        p.media,
        p.name,
        p.taken_at
    ])?;
    Ok(changed == 1)
}

/// A photo event's photo as its columns (`photo_of` … `photo_taken_at`); all `None` otherwise.
#[derive(Debug, Default)]
struct PhotoColumns {
    of: Option<&'static str>,
    about: Option<String>,
    sha256: Option<String>,
    original: Option<String>,
    size: Option<i64>,
    media: Option<&'static str>,
    name: Option<String>,
    taken_at: Option<String>,
}

impl PhotoColumns {
    fn of(photo: Option<&Photo>) -> Self {
        let Some(p) = photo else {
            return Self::default();
        };
        Self {
            of: Some(p.of.slug()),
            about: match p.of {
                PhotoSubject::NonReceipt { event } => Some(event.to_string()),
                _ => None,
            },
            sha256: Some(hex::encode(p.sha256)),
            original: Some(hex::encode(p.original)),
            size: Some(i64::try_from(p.size).unwrap_or(i64::MAX)),
            media: Some(p.media.mime()),
            name: Some(p.name.clone()),
            taken_at: p.taken_at.map(format_taken_at),
        }
    }
}

/// An EXIF time as stored (`photo_taken_at`): `YYYY-MM-DDTHH:MM:SS`.
pub(super) fn format_taken_at(t: chrono::NaiveDateTime) -> String {
    t.format("%Y-%m-%dT%H:%M:%S").to_string()
}

/// How many columns [`bind`] binds per event.
pub(super) const BOUND: usize = 29;

/// Binds the [`BOUND`] columns of `e` (in the order of [`COLUMNS`]) to parameters `at + 1` to
/// `at + BOUND` of a multi-row insert, with the text of ids and the hash written on the stack.
pub(super) fn bind(
    stmt: &mut rusqlite::Statement<'_>,
    at: usize,
    e: &Event,
    hash: &Hash,
) -> rusqlite::Result<()> {
    let f = e.body.flat();
    let mut id = [0u8; uuid::fmt::Hyphenated::LENGTH];
    let mut observer = [0u8; uuid::fmt::Hyphenated::LENGTH];
    let mut target = [0u8; uuid::fmt::Hyphenated::LENGTH];
    let mut hash_hex = [0u8; 64];
    // Hex digits are ASCII: always valid UTF-8.
    let hash_hex = hex::encode_to_slice(hash, &mut hash_hex)
        .ok()
        .and_then(|()| std::str::from_utf8(&hash_hex).ok())
        .unwrap_or_default();
    stmt.raw_bind_parameter(at + 1, &*e.id.0.hyphenated().encode_lower(&mut id))?;
    stmt.raw_bind_parameter(
        at + 2,
        &*e.observer.0.hyphenated().encode_lower(&mut observer),
    )?;
    stmt.raw_bind_parameter(at + 3, i64::try_from(e.seq).unwrap_or(i64::MAX))?;
    stmt.raw_bind_parameter(at + 4, format_time(e.recorded_at))?;
    stmt.raw_bind_parameter(at + 5, f.kind)?;
    stmt.raw_bind_parameter(at + 6, f.circonscription.map(CirconscriptionCode::as_str))?;
    stmt.raw_bind_parameter(at + 7, f.bureau.map(BureauCode::as_str))?;
    stmt.raw_bind_parameter(at + 8, f.panel)?;
    stmt.raw_bind_parameter(at + 9, f.item)?;
    stmt.raw_bind_parameter(at + 10, f.value)?;
    stmt.raw_bind_parameter(at + 11, f.voters)?;
    stmt.raw_bind_parameter(at + 12, f.received)?;
    stmt.raw_bind_parameter(at + 13, f.voter)?;
    stmt.raw_bind_parameter(
        at + 14,
        f.target
            .map(|t| &*t.0.hyphenated().encode_lower(&mut target)),
    )?;
    stmt.raw_bind_parameter(at + 15, f.note)?;
    stmt.raw_bind_parameter(at + 16, f.envelope)?;
    stmt.raw_bind_parameter(at + 17, f.received_on.map(format_day))?;
    stmt.raw_bind_parameter(at + 18, hash_hex)?;
    stmt.raw_bind_parameter(at + 19, e.seen_at.map(format_time))?;
    stmt.raw_bind_parameter(at + 20, f.machines)?;
    stmt.raw_bind_parameter(at + 21, f.household)?;
    let p = PhotoColumns::of(f.photo);
    stmt.raw_bind_parameter(at + 22, p.of)?;
    stmt.raw_bind_parameter(at + 23, p.about)?;
    stmt.raw_bind_parameter(at + 24, p.sha256)?;
    stmt.raw_bind_parameter(at + 25, p.original)?;
    stmt.raw_bind_parameter(at + 26, p.size)?;
    stmt.raw_bind_parameter(at + 27, p.media)?;
    stmt.raw_bind_parameter(at + 28, p.name)?;
    stmt.raw_bind_parameter(at + 29, p.taken_at)?;
    Ok(())
}

/// A time exactly as [`format_time`] writes it (`2017-06-11T08:00:00.000000Z`), read without the
/// general RFC 3339 parser (this runs for every event of a national report); `None` for any
/// other text, which the general parser then reads (or refuses).
fn parse_stored_time(text: &str) -> Option<DateTime<Utc>> {
    let b = text.as_bytes();
    if b.len() != 27
        || b[4] != b'-'
        || b[7] != b'-'
        || b[10] != b'T'
        || b[13] != b':'
        || b[16] != b':'
        || b[19] != b'.'
        || b[26] != b'Z'
    {
        return None;
    }
    let num = |from: usize, to: usize| -> Option<u32> {
        b[from..to].iter().try_fold(0u32, |n, c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    let date =
        chrono::NaiveDate::from_ymd_opt(i32::try_from(num(0, 4)?).ok()?, num(5, 7)?, num(8, 10)?)?;
    let time = chrono::NaiveTime::from_hms_micro_opt(
        num(11, 13)?,
        num(14, 16)?,
        num(17, 19)?,
        num(20, 26)?,
    )?;
    Some(date.and_time(time).and_utc())
}

/// A stored time (as [`format_time`] writes it, or any RFC 3339 time); `None` when unreadable.
pub(super) fn parse_time(text: &str) -> Option<DateTime<Utc>> {
    parse_stored_time(text).or_else(|| {
        DateTime::parse_from_rfc3339(text)
            .ok()
            .map(|t| t.with_timezone(&Utc))
    })
}

/// RFC 3339 in UTC with microseconds: sorts as text in time order.
pub(super) fn format_time(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
}

/// A day as stored (`received_on`): `YYYY-MM-DD`.
pub(super) fn format_day(day: chrono::NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

/// The columns [`decode_event`] reads (the event without its hash).
pub(super) const EVENT_COLUMNS: &str = "id, observer, seq, recorded_at, kind, circonscription, bureau, panel, item, \
                                        value, voters, received, voter, target, note, envelope, received_on, \
                                        NULL, seen_at, machines, household, photo_of, photo_about, \
                                        photo_sha256, photo_original, photo_size, photo_type, photo_name, \
                                        photo_taken_at";

/// The columns of an event row with its hash, in the order [`decode_with_hash`] reads them.
pub(super) const COLUMNS: &str = "id, observer, seq, recorded_at, kind, circonscription, bureau, panel, item, \
                       value, voters, received, voter, target, note, envelope, received_on, hash, \
                       seen_at, machines, household, photo_of, photo_about, photo_sha256, \
                       photo_original, photo_size, photo_type, photo_name, photo_taken_at";

/// [`COLUMNS`] as a file of schema `version` holds them: files before version 3 have no
/// envelope number nor day of arrival, files before version 4 no seen time, machines nor
/// household, files before version 8 no photo columns, read as NULL.
pub(super) fn columns_of_version(version: u32) -> &'static str {
    match version {
        8.. => COLUMNS,
        4..=7 => {
            "id, observer, seq, recorded_at, kind, circonscription, bureau, panel, item, \
             value, voters, received, voter, target, note, envelope, received_on, hash, \
             seen_at, machines, household, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL"
        }
        3 => {
            "id, observer, seq, recorded_at, kind, circonscription, bureau, panel, item, \
             value, voters, received, voter, target, note, envelope, received_on, hash, \
             NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL"
        }
        _ => {
            "id, observer, seq, recorded_at, kind, circonscription, bureau, panel, item, \
             value, voters, received, voter, target, note, NULL, NULL, hash, NULL, NULL, NULL, \
             NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL"
        }
    }
}

pub(super) fn all(conn: &Connection, path: &Path) -> Result<Vec<Event>, StorageError> {
    Ok(all_with_hashes(conn, path)?
        .into_iter()
        .map(|(e, _)| e)
        .collect())
}

pub(super) fn of_circonscription(
    conn: &Connection,
    path: &Path,
    circ: &str,
) -> Result<Vec<Event>, StorageError> {
    let sql = |e| StorageError::sqlite(path, Doing::ReadingEvents, e);
    let mut stmt = conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM event WHERE circonscription = ?1
             UNION ALL
             SELECT {COLUMNS} FROM event WHERE target IS NOT NULL
               AND target IN (SELECT id FROM event WHERE circonscription = ?1)
             ORDER BY 2, 3"
        ))
        .map_err(sql)?;
    let mut rows = stmt.query([circ]).map_err(sql)?;
    let mut out = Vec::new();
    while let Some(row) = rows.next().map_err(sql)? {
        out.push(decode_with_hash(row, path)?.0);
    }
    Ok(out)
}

/// One observer's events in a circonscription, with the retractions of that observer (which name
/// no circonscription), in seq order, through the `(observer, seq)` index: what the interface
/// shows, read without touching the other observers' events (a national file holds millions).
pub(super) fn of_observer_in(
    conn: &Connection,
    path: &Path,
    observer: &str,
    circ: &str,
) -> Result<Vec<Event>, StorageError> {
    let sql = |e| StorageError::sqlite(path, Doing::ReadingEvents, e);
    let mut stmt = conn
        .prepare_cached(&format!(
            "SELECT {EVENT_COLUMNS} FROM event
             WHERE observer = ?1 AND (circonscription = ?2 OR target IS NOT NULL)
             ORDER BY seq"
        ))
        .map_err(sql)?;
    let mut rows = stmt.query([observer, circ]).map_err(sql)?;
    let mut out = Vec::new();
    while let Some(row) = rows.next().map_err(sql)? {
        out.push(decode_event(row, path)?);
    }
    Ok(out)
}

/// Hands every event to `f`, in storage order (each observer's events in `seq` order: constat
/// never stores an event before its predecessors), without collecting them.
pub(super) fn for_each(
    conn: &Connection,
    path: &Path,
    f: &mut dyn FnMut(Event),
) -> Result<(), StorageError> {
    let sql = |e| StorageError::sqlite(path, Doing::ReadingEvents, e);
    let mut stmt = conn
        .prepare(&format!("SELECT {EVENT_COLUMNS} FROM event ORDER BY rowid"))
        .map_err(sql)?;
    let mut rows = stmt.query([]).map_err(sql)?;
    let mut recent = Recent::default();
    while let Some(row) = rows.next().map_err(sql)? {
        f(decode_event_after(row, path, &mut recent)?);
    }
    Ok(())
}

pub(super) fn all_with_hashes(
    conn: &Connection,
    path: &Path,
) -> Result<Vec<(Event, Hash)>, StorageError> {
    let sql = |e| StorageError::sqlite(path, Doing::ReadingEvents, e);
    let mut stmt = conn
        .prepare(&format!(
            "SELECT {COLUMNS} FROM event ORDER BY observer, seq"
        ))
        .map_err(sql)?;
    let mut rows = stmt.query([]).map_err(sql)?;
    let mut out = Vec::new();
    while let Some(row) = rows.next().map_err(sql)? {
        out.push(decode_with_hash(row, path)?);
    }
    Ok(out)
}

/// Decodes one event row and its stored chain hash.
pub(super) fn decode_with_hash(row: &Row<'_>, path: &Path) -> Result<(Event, Hash), StorageError> {
    let stored: String = row
        .get(17)
        .map_err(|e| StorageError::sqlite(path, Doing::ReadingEventRow, e))?;
    let event = decode_event(row, path)?;
    let hash = parse_hash(&stored).ok_or_else(|| StorageError::Invalid {
        path: path.to_owned(),
        what: DataProblem::EventHash {
            id: event.id.to_string(),
            hash: stored.clone(),
        },
    })?;
    Ok((event, hash))
}

/// 64 hex digits to a hash.
pub(super) fn parse_hash(text: &str) -> Option<Hash> {
    let bytes = hex::decode(text).ok()?;
    bytes.try_into().ok()
}

/// Decodes and validates the event of a row, borrowing its text from SQLite where it can (this
/// runs for every event of a national report or merge).
pub(super) fn decode_event(row: &Row<'_>, path: &Path) -> Result<Event, StorageError> {
    decode_event_after(row, path, &mut Recent::default())
}

/// The observer and places of the last rows decoded. Consecutive rows mostly share them (an
/// observer's events are stored together), so a long read parses each once per run of rows
/// rather than once per row.
#[derive(Debug, Default)]
pub(super) struct Recent {
    observer: Option<(String, ObserverId)>,
    circonscription: Option<CirconscriptionCode>,
    bureau: Option<BureauCode>,
}

impl Recent {
    fn observer(&mut self, text: &str) -> Result<ObserverId, Problem> {
        match &self.observer {
            Some((known, id)) if known == text => Ok(*id),
            _ => {
                let id = ObserverId(Uuid::parse_str(text).map_err(|_| {
                    Problem::Invalid(RowProblem::NotUuid {
                        field: "observer",
                        value: text.to_owned(),
                    })
                })?);
                self.observer = Some((text.to_owned(), id));
                Ok(id)
            }
        }
    }

    fn circonscription(&mut self, text: &str) -> Result<CirconscriptionCode, Problem> {
        match &self.circonscription {
            // Codes are stored as parsed: the same text is the same code.
            Some(code) if code.as_str() == text => Ok(code.clone()),
            _ => {
                let code = CirconscriptionCode::parse(text)
                    .map_err(|e| Problem::Invalid(RowProblem::Code(e)))?;
                self.circonscription = Some(code.clone());
                Ok(code)
            }
        }
    }

    fn bureau(&mut self, text: &str) -> Result<BureauCode, Problem> {
        match &self.bureau {
            Some(code) if code.as_str() == text => Ok(code.clone()),
            _ => {
                let code =
                    BureauCode::parse(text).map_err(|e| Problem::Invalid(RowProblem::Code(e)))?;
                self.bureau = Some(code.clone());
                Ok(code)
            }
        }
    }
}

/// [`decode_event`] for one row of a long read, reusing what the rows before it decoded.
pub(super) fn decode_event_after(
    row: &Row<'_>,
    path: &Path,
    recent: &mut Recent,
) -> Result<Event, StorageError> {
    decode_borrowed(row, recent).map_err(|problem| match problem {
        Problem::Sqlite(e) => StorageError::sqlite(path, Doing::ReadingEventRow, e),
        Problem::Invalid(what) => {
            let id = row
                .get_ref(0)
                .ok()
                .and_then(|v| v.as_str().ok())
                .unwrap_or("?")
                .to_owned();
            StorageError::Invalid {
                path: path.to_owned(),
                what: DataProblem::Event { id, problem: what },
            }
        }
    })
}

enum Problem {
    Sqlite(rusqlite::Error),
    Invalid(RowProblem),
}

impl From<rusqlite::Error> for Problem {
    fn from(e: rusqlite::Error) -> Self {
        Self::Sqlite(e)
    }
}

impl From<RowProblem> for Problem {
    fn from(e: RowProblem) -> Self {
        Self::Invalid(e)
    }
}

fn decode_borrowed(row: &Row<'_>, recent: &mut Recent) -> Result<Event, Problem> {
    use rusqlite::types::ValueRef;
    let text = |i: usize| -> Result<Option<&str>, Problem> {
        match row.get_ref(i)? {
            ValueRef::Null => Ok(None),
            ValueRef::Text(t) => std::str::from_utf8(t).map(Some).map_err(|e| {
                Problem::Invalid(RowProblem::NotUtf8 {
                    column: i,
                    valid_up_to: e.valid_up_to(),
                    bad_len: e.error_len(),
                })
            }),
            _ => Err(Problem::Invalid(RowProblem::NotText(i))),
        }
    };
    let need = |field: &'static str, i: usize| -> Result<&str, Problem> {
        text(i)?.ok_or(Problem::Invalid(RowProblem::Missing(field)))
    };
    let int = |i: usize| -> Result<Option<i64>, Problem> { Ok(row.get::<_, Option<i64>>(i)?) };
    let uuid = |field: &'static str, s: &str| {
        Uuid::parse_str(s).map_err(|_| {
            Problem::Invalid(RowProblem::NotUuid {
                field,
                value: s.to_owned(),
            })
        })
    };
    let circ = |recent: &mut Recent| -> Result<CirconscriptionCode, Problem> {
        recent.circonscription(need("circonscription", 5)?)
    };
    let bureau = |recent: &mut Recent| -> Result<Option<BureauCode>, Problem> {
        text(6)?.map(|b| recent.bureau(b)).transpose()
    };
    let count = |field: &'static str, i: usize| -> Result<u32, Problem> {
        int(i)?
            .and_then(|n| u32::try_from(n).ok())
            .ok_or(Problem::Invalid(RowProblem::OutOfRange(field)))
    };
    let owned = |i: usize| -> Result<Option<String>, Problem> { Ok(text(i)?.map(str::to_owned)) };
    let flag = |field: &'static str, i: usize| -> Result<Option<bool>, Problem> {
        match int(i)? {
            None => Ok(None),
            Some(0) => Ok(Some(false)),
            Some(1) => Ok(Some(true)),
            Some(_) => Err(Problem::Invalid(RowProblem::OutOfRange(field))),
        }
    };
    let kind = need("kind", 4)?;
    let body = match kind {
        "tick" => EventBody::Tick {
            circonscription: circ(recent)?,
            bureau: bureau(recent)?,
            panel: int(7)?
                .and_then(|p| u16::try_from(p).ok())
                .and_then(|p| Panel::new(p).ok())
                .ok_or(RowProblem::OutOfRange("panel"))?,
            item: need("item", 8)?
                .parse::<Item>()
                .map_err(RowProblem::UnknownItem)?,
            mark: need("value", 9)?
                .parse::<Mark>()
                .map_err(RowProblem::UnknownValue)?,
            note: owned(14)?,
            envelope: match int(15)? {
                None => None,
                Some(n) => Some(
                    u16::try_from(n)
                        .ok()
                        .filter(|n| (1..=crate::domain::event::MAX_ENVELOPE).contains(n))
                        .ok_or(RowProblem::EnvelopeOutOfRange(n))?,
                ),
            },
        },
        "envelope" => EventBody::Envelope {
            circonscription: circ(recent)?,
            bureau: bureau(recent)?,
            voters: count("voters", 10)?,
            received: count("received", 11)?,
            note: owned(14)?,
            received_on: text(16)?
                .map(|d| {
                    chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
                        .map_err(|_| RowProblem::BadArrival(d.to_owned()))
                })
                .transpose()?,
        },
        "non_receipt" => EventBody::NonReceipt {
            circonscription: circ(recent)?,
            bureau: bureau(recent)?.ok_or(RowProblem::Missing("bureau"))?,
            voter: owned(12)?,
            note: owned(14)?,
            household: flag("household", 20)?,
        },
        "machines" => EventBody::Machines {
            circonscription: circ(recent)?,
            bureau: bureau(recent)?.ok_or(RowProblem::Missing("bureau"))?,
            machines: flag("machines", 19)?.ok_or(RowProblem::Missing("machines"))?,
            note: owned(14)?,
        },
        "retract" => EventBody::Retract {
            target: EventId(uuid("target", need("target", 13)?)?),
        },
        // The previous key in `voter`, the new one in `note` (issue 15 point 3).
        "key_change" => EventBody::KeyChange {
            from: need("voter", 12)?.to_owned(),
            to: need("note", 14)?.to_owned(),
        },
        "photo" => {
            let digest = |field: &'static str, i: usize| -> Result<[u8; 32], Problem> {
                let t = need(field, i)?;
                parse_hash(t).ok_or(Problem::Invalid(RowProblem::OutOfRange(field)))
            };
            let of = match need("photo_of", 21)? {
                "bureau" => PhotoSubject::Bureau,
                "household" => PhotoSubject::Household,
                "cell" => PhotoSubject::Cell {
                    panel: int(7)?
                        .and_then(|p| u16::try_from(p).ok())
                        .and_then(|p| Panel::new(p).ok())
                        .ok_or(RowProblem::OutOfRange("panel"))?,
                    item: need("item", 8)?
                        .parse::<Item>()
                        .map_err(RowProblem::UnknownItem)?,
                },
                "non_receipt" => PhotoSubject::NonReceipt {
                    event: EventId(uuid("photo_about", need("photo_about", 22)?)?),
                },
                _ => return Err(Problem::Invalid(RowProblem::OutOfRange("photo_of"))),
            };
            let photo = Photo {
                of,
                sha256: digest("photo_sha256", 23)?,
                original: digest("photo_original", 24)?,
                size: int(25)?
                    .and_then(|n| u64::try_from(n).ok())
                    .ok_or(RowProblem::OutOfRange("photo_size"))?,
                media: MediaType::from_mime(need("photo_type", 26)?)
                    .ok_or(RowProblem::OutOfRange("photo_type"))?,
                name: need("photo_name", 27)?.to_owned(),
                taken_at: text(28)?
                    .map(|t| {
                        chrono::NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M:%S")
                            .map_err(|_| RowProblem::BadTime(t.to_owned()))
                    })
                    .transpose()?,
            };
            EventBody::Photo {
                circonscription: circ(recent)?,
                bureau: bureau(recent)?.ok_or(RowProblem::Missing("bureau"))?,
                photo: Box::new(photo),
                note: owned(14)?,
            }
        }
        other => return Err(Problem::Invalid(RowProblem::UnknownKind(other.to_owned()))),
    };
    let seq: i64 = row.get(2)?;
    let recorded_at = need("time", 3)?;
    let time = |t: &str| -> Result<DateTime<Utc>, Problem> {
        match parse_stored_time(t) {
            Some(t) => Ok(t),
            None => Ok(DateTime::parse_from_rfc3339(t)
                .map_err(|_| RowProblem::BadTime(t.to_owned()))?
                .with_timezone(&Utc)),
        }
    };
    let seen_at = text(18)?.map(time).transpose()?;
    Ok(Event {
        id: EventId(uuid("id", need("id", 0)?)?),
        observer: recent.observer(need("observer", 1)?)?,
        seq: u64::try_from(seq).map_err(|_| RowProblem::NegativeSeq(seq))?,
        recorded_at: time(recorded_at)?,
        seen_at,
        body,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_times_read_fast_as_the_rfc_3339_parser_reads_them() {
        for text in [
            "2017-06-11T08:00:00.000000Z",
            "2024-06-30T18:59:59.999999Z",
            "2000-01-01T00:00:00.000001Z",
            "2024-02-29T12:34:56.789012Z",
        ] {
            let general = DateTime::parse_from_rfc3339(text)
                .unwrap()
                .with_timezone(&Utc);
            assert_eq!(parse_stored_time(text), Some(general), "{text}");
            assert_eq!(format_time(general), text);
        }
        // Anything else is left to the general parser.
        for text in [
            "2023-02-29T12:00:00.000000Z",
            "2024-06-30T24:00:00.000000Z",
            "2016-12-31T23:59:60.000000Z",
            "2024-06-30T18:00:00.000000+02:00",
            "2024-06-30T18:00:00Z",
            "2024-06-30 18:00:00.000000Z",
            "+024-06-30T18:00:00.000000Z",
            "2024-06-30T18:00:00.00000aZ",
        ] {
            assert_eq!(parse_stored_time(text), None, "{text}");
        }
    }
}
