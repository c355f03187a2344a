//! The observations CSV of an evidence folder: one row per event, for people (a lawyer, a
//! judge, a journalist) opening it in a spreadsheet: UTF-8 with a byte-order mark, `,` or `;`.
//! Columns (a contract, see `docs/formats.md`): `id,observer,time,place,candidate,item,value,note,hash`.
//! Codes stay text when a spreadsheet opens the file: `place` is never a bare code
//! (`CIRC / BUREAU`, `CIRC / -`, `CIRC / envelope N`), so that `0101` keeps its leading zero.

use std::collections::BTreeMap;
use std::io::Write;

use crate::domain::chain::Hash;
use crate::domain::{Event, EventBody, ObserverId, Referential};
use crate::report::spreadsheet_safe;

/// The header row.
pub const HEADER: [&str; 10] = [
    "id",
    "observer",
    "time",
    "place",
    "candidate",
    "item",
    "value",
    "note",
    "hash",
    "recorded_at",
];

/// Writes the observations CSV.
pub fn write_observations(
    out: &mut dyn Write,
    events: &[(Event, Hash)],
    names: &BTreeMap<ObserverId, String>,
    referential: &Referential,
    separator: u8,
) -> csv::Result<()> {
    out.write_all(b"\xEF\xBB\xBF")?;
    let mut w = csv::WriterBuilder::new()
        .delimiter(separator)
        .from_writer(out);
    w.write_record(HEADER)?;
    for (e, hash) in events {
        let row = observation_row(e, hash, names, referential);
        w.write_record(row.iter().map(|cell| spreadsheet_safe(cell).into_owned()))?;
    }
    w.flush()?;
    Ok(())
}

/// One row of the observations table, its cells as they are (the CSV writer makes them safe
/// for a spreadsheet; the xlsx export writes them as text cells). Columns: [`HEADER`].
pub fn observation_row(
    e: &Event,
    hash: &Hash,
    names: &BTreeMap<ObserverId, String>,
    referential: &Referential,
) -> [String; 10] {
    let observer = names
        .get(&e.observer)
        .cloned()
        .unwrap_or_else(|| e.observer.to_string());
    // `time` is when it was seen; `recorded_at` when it was typed in (law.md §2.8).
    let time = e.seen().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let recorded_at = e
        .recorded_at
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let place = |circ: &dyn std::fmt::Display, bureau: Option<&dyn std::fmt::Display>| match bureau
    {
        Some(b) => format!("{circ} / {b}"),
        // Never a bare code: `0101` would open as the number 101 in a spreadsheet.
        None => format!("{circ} / -"),
    };
    let (place, candidate, item, value, note) = match &e.body {
        EventBody::Tick {
            circonscription,
            bureau,
            panel,
            item,
            mark,
            note,
            envelope,
        } => (
            {
                let at = place(
                    circonscription,
                    bureau.as_ref().map(|b| b as &dyn std::fmt::Display),
                );
                match (envelope, bureau) {
                    (Some(n), None) if *n > 1 => format!("{circonscription} / envelope {n}"),
                    (Some(n), Some(_)) if *n > 1 => format!("{at} / envelope {n}"),
                    _ => at,
                }
            },
            referential.candidate(circonscription, *panel).map_or_else(
                || panel.to_string(),
                |c| format!("{} {}", c.panel, c.display_name()),
            ),
            item.slug().to_owned(),
            mark.slug().to_owned(),
            note.clone().unwrap_or_default(),
        ),
        EventBody::Envelope {
            circonscription,
            bureau,
            voters,
            received,
            note,
            received_on,
        } => (
            place(
                circonscription,
                bureau.as_ref().map(|b| b as &dyn std::fmt::Display),
            ),
            String::new(),
            "envelope".into(),
            match received_on {
                Some(day) => format!("voters={voters} received={received} received_on={day}"),
                None => format!("voters={voters} received={received}"),
            },
            note.clone().unwrap_or_default(),
        ),
        EventBody::NonReceipt {
            circonscription,
            bureau,
            voter,
            note,
            ..
        } => (
            place(circonscription, Some(bureau)),
            String::new(),
            "non_receipt".into(),
            voter.clone().unwrap_or_default(),
            note.clone().unwrap_or_default(),
        ),
        EventBody::Machines {
            circonscription,
            bureau,
            machines,
            note,
        } => (
            place(circonscription, Some(bureau)),
            String::new(),
            "machines".into(),
            if *machines { "yes" } else { "no" }.into(),
            note.clone().unwrap_or_default(),
        ),
        EventBody::Retract { target } => (
            String::new(),
            String::new(),
            "retract".into(),
            target.to_string(),
            String::new(),
        ),
        EventBody::KeyChange { from, to } => (
            String::new(),
            String::new(),
            "key_change".into(),
            format!("from={from} to={to}"),
            String::new(),
        ),
        EventBody::Photo {
            circonscription,
            bureau,
            photo,
            note,
        } => (
            place(circonscription, Some(bureau)),
            match photo.of {
                crate::domain::PhotoSubject::Cell { panel, .. } => {
                    referential.candidate(circonscription, panel).map_or_else(
                        || panel.to_string(),
                        |c| format!("{} {}", c.panel, c.display_name()),
                    )
                }
                _ => String::new(),
            },
            match photo.of {
                crate::domain::PhotoSubject::Cell { item, .. } => {
                    format!("photo:{}", item.slug())
                }
                other => format!("photo:{}", other.slug()),
            },
            format!(
                "sha256={} {}",
                hex::encode(photo.sha256),
                photo.media.mime()
            ),
            note.clone().unwrap_or_default(),
        ),
    };
    // Every cell, not only those typed by an observer: place, voter and value may come
    // from another observer's file too. Constat's own cells (ids, times, hashes) never start
    // with a formula character, so the helper leaves them as they are.
    [
        e.id.to_string(),
        observer,
        time,
        place,
        candidate,
        item,
        value,
        note,
        hex::encode(hash),
        recorded_at,
    ]
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::domain::{CirconscriptionCode, EventId, Item, Mark, Panel};

    #[test]
    fn a_place_without_a_bureau_is_never_a_bare_code() {
        let observer = ObserverId(uuid::Uuid::from_u128(1));
        let event = |envelope| Event {
            id: EventId(uuid::Uuid::from_u128(2)),
            observer,
            seq: 1,
            recorded_at: chrono::DateTime::from_timestamp(1_497_160_000, 0).unwrap(),
            seen_at: None,
            body: EventBody::Tick {
                circonscription: CirconscriptionCode::parse("0101").unwrap(),
                bureau: None,
                panel: Panel::new(3).unwrap(),
                item: Item::Foi,
                mark: Mark::Present,
                note: None,
                envelope,
            },
        };
        let events = [(event(None), [0; 32]), (event(Some(2)), [0; 32])];
        let mut out = Vec::new();
        write_observations(
            &mut out,
            &events,
            &BTreeMap::new(),
            &Referential::default(),
            b',',
        )
        .unwrap();
        let text = String::from_utf8(out).unwrap();
        let places: Vec<&str> = text
            .lines()
            .skip(1)
            .map(|l| l.split(',').nth(3).unwrap())
            .collect();
        assert_eq!(places, ["0101 / -", "0101 / envelope 2"]);
    }
}
