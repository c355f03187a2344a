//! Reading and writing events. Rows are validated back into domain values: a row that does not
//! make sense is an error naming the event, never a panic.

use std::path::Path;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, Row, params};
use uuid::Uuid;

use super::StorageError;
use crate::domain::chain::Hash;
use crate::domain::{
    BureauCode, CirconscriptionCode, Event, EventBody, EventId, Item, Mark, ObserverId, Panel,
};

/// Inserts an event; with `if_new`, an event whose id is already held is left alone and `false`
/// is returned.
pub(super) fn insert(
    tx: &Connection,
    e: &Event,
    hash: &Hash,
    if_new: bool,
) -> rusqlite::Result<bool> {
    let (circ, bureau, panel, item, mark, voters, received, voter, target, note) = match &e.body {
        EventBody::Tick {
            circonscription,
            bureau,
            panel,
            item,
            mark,
            note,
        } => (
            Some(circonscription),
            bureau.as_ref(),
            Some(panel.get()),
            Some(item.slug()),
            Some(mark.slug()),
            None,
            None,
            None,
            None,
            note.as_deref(),
        ),
        EventBody::Envelope {
            circonscription,
            bureau,
            voters,
            received,
            note,
        } => (
            Some(circonscription),
            bureau.as_ref(),
            None,
            None,
            None,
            Some(*voters),
            Some(*received),
            None,
            None,
            note.as_deref(),
        ),
        EventBody::NonReceipt {
            circonscription,
            bureau,
            voter,
            note,
        } => (
            Some(circonscription),
            Some(bureau),
            None,
            None,
            None,
            None,
            None,
            voter.as_deref(),
            None,
            note.as_deref(),
        ),
        EventBody::Retract { target } => (
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            Some(target.to_string()),
            None,
        ),
    };
    let sql = if if_new {
        "INSERT INTO event (id, observer, seq, recorded_at, kind, circonscription, bureau, panel,
                            item, value, voters, received, voter, target, note, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)
         ON CONFLICT (id) DO NOTHING"
    } else {
        "INSERT INTO event (id, observer, seq, recorded_at, kind, circonscription, bureau, panel,
                            item, value, voters, received, voter, target, note, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)"
    };
    let changed = tx.prepare_cached(sql)?.execute(params![
        e.id.to_string(),
        e.observer.to_string(),
        i64::try_from(e.seq).unwrap_or(i64::MAX),
        format_time(e.recorded_at),
        e.body.kind(),
        circ.map(CirconscriptionCode::as_str),
        bureau.map(BureauCode::as_str),
        panel,
        item,
        mark,
        voters,
        received,
        voter,
        target,
        note,
        hex::encode(hash)
    ])?;
    Ok(changed == 1)
}

/// RFC 3339 in UTC with microseconds: sorts as text in time order.
pub(super) fn format_time(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
}

/// The columns of an event row, in the order [`decode`] reads them.
pub(super) const COLUMNS: &str = "id, observer, seq, recorded_at, kind, circonscription, bureau, panel, item, \
                       value, voters, received, voter, target, note, hash";

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
    let sql = |e| StorageError::sqlite(path, "reading events", e);
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

pub(super) fn all_with_hashes(
    conn: &Connection,
    path: &Path,
) -> Result<Vec<(Event, Hash)>, StorageError> {
    let sql = |e| StorageError::sqlite(path, "reading events", e);
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

/// A raw event row, before validation.
struct RawEvent {
    id: String,
    observer: String,
    seq: i64,
    recorded_at: String,
    kind: String,
    circonscription: Option<String>,
    bureau: Option<String>,
    panel: Option<i64>,
    item: Option<String>,
    value: Option<String>,
    voters: Option<i64>,
    received: Option<i64>,
    voter: Option<String>,
    target: Option<String>,
    note: Option<String>,
}

/// Decodes one event row and its stored chain hash.
pub(super) fn decode_with_hash(row: &Row<'_>, path: &Path) -> Result<(Event, Hash), StorageError> {
    let stored: String = row
        .get(15)
        .map_err(|e| StorageError::sqlite(path, "reading an event row", e))?;
    let event = decode_event(row, path)?;
    let hash = parse_hash(&stored).ok_or_else(|| StorageError::Invalid {
        path: path.to_owned(),
        what: format!("event {}: hash `{stored}` is not 64 hex digits", event.id),
    })?;
    Ok((event, hash))
}

/// 64 hex digits to a hash.
pub(super) fn parse_hash(text: &str) -> Option<Hash> {
    let bytes = hex::decode(text).ok()?;
    bytes.try_into().ok()
}

fn decode_event(row: &Row<'_>, path: &Path) -> Result<Event, StorageError> {
    let raw = (|| {
        Ok::<_, rusqlite::Error>(RawEvent {
            id: row.get(0)?,
            observer: row.get(1)?,
            seq: row.get(2)?,
            recorded_at: row.get(3)?,
            kind: row.get(4)?,
            circonscription: row.get(5)?,
            bureau: row.get(6)?,
            panel: row.get(7)?,
            item: row.get(8)?,
            value: row.get(9)?,
            voters: row.get(10)?,
            received: row.get(11)?,
            voter: row.get(12)?,
            target: row.get(13)?,
            note: row.get(14)?,
        })
    })()
    .map_err(|e| StorageError::sqlite(path, "reading an event row", e))?;
    let id = raw.id.clone();
    validate(raw).map_err(|what| StorageError::Invalid {
        path: path.to_owned(),
        what: format!("event {id}: {what}"),
    })
}

fn validate(raw: RawEvent) -> Result<Event, String> {
    let uuid = |field: &str, s: &str| {
        Uuid::parse_str(s).map_err(|_| format!("{field} `{s}` is not a UUID"))
    };
    let need = |field: &str, v: Option<String>| v.ok_or_else(|| format!("{field} is missing"));
    let circ = |v: Option<String>| -> Result<CirconscriptionCode, String> {
        CirconscriptionCode::parse(&need("circonscription", v)?).map_err(|e| e.to_string())
    };
    let bureau = |v: Option<String>| -> Result<Option<BureauCode>, String> {
        v.map(|b| BureauCode::parse(&b).map_err(|e| e.to_string()))
            .transpose()
    };
    let count = |field: &str, v: Option<i64>| -> Result<u32, String> {
        v.and_then(|n| u32::try_from(n).ok())
            .ok_or_else(|| format!("{field} is missing or out of range"))
    };
    let body = match raw.kind.as_str() {
        "tick" => EventBody::Tick {
            circonscription: circ(raw.circonscription)?,
            bureau: bureau(raw.bureau)?,
            panel: raw
                .panel
                .and_then(|p| u16::try_from(p).ok())
                .and_then(|p| Panel::new(p).ok())
                .ok_or("panel is missing or out of range")?,
            item: need("item", raw.item)?
                .parse::<Item>()
                .map_err(|i| format!("unknown item `{i}`"))?,
            mark: need("value", raw.value)?
                .parse::<Mark>()
                .map_err(|v| format!("unknown value `{v}`"))?,
            note: raw.note,
        },
        "envelope" => EventBody::Envelope {
            circonscription: circ(raw.circonscription)?,
            bureau: bureau(raw.bureau)?,
            voters: count("voters", raw.voters)?,
            received: count("received", raw.received)?,
            note: raw.note,
        },
        "non_receipt" => EventBody::NonReceipt {
            circonscription: circ(raw.circonscription)?,
            bureau: bureau(raw.bureau)?.ok_or("bureau is missing")?,
            voter: raw.voter,
            note: raw.note,
        },
        "retract" => EventBody::Retract {
            target: EventId(uuid("target", &need("target", raw.target)?)?),
        },
        other => return Err(format!("unknown kind `{other}`")),
    };
    Ok(Event {
        id: EventId(uuid("id", &raw.id)?),
        observer: ObserverId(uuid("observer", &raw.observer)?),
        seq: u64::try_from(raw.seq).map_err(|_| format!("seq {} is negative", raw.seq))?,
        recorded_at: DateTime::parse_from_rfc3339(&raw.recorded_at)
            .map_err(|_| format!("time `{}` is not RFC 3339", raw.recorded_at))?
            .with_timezone(&Utc),
        body,
    })
}
