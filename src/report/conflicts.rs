//! `constat report --conflicts`: every cell on which observers contradict each other, and every
//! bureau whose voting machines they disagree on, with who said what and when (in the place's
//! legal local time in text; UTC ISO 8601 in CSV and JSON). Nothing is averaged away.

use crate::domain::outside::without_bidi;
use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;

use super::Format;
use crate::domain::legal_time::LegalZone;
use crate::domain::state::{Disagreement, MachinesFact, MachinesView, RecordState};
use crate::domain::{BureauCode, Item, ObserverId, Referential};
use crate::i18n::{Catalog, Message};

/// Observers who disagree on whether a bureau votes on machines (issue 13.3).
#[derive(Debug, Clone)]
pub struct MachinesConflict {
    /// The bureau.
    pub bureau: BureauCode,
    /// Each observer's current statement, by observer.
    pub statements: Vec<MachinesFact>,
}

/// Every bureau whose voting machines the observers disagree on, in code order.
pub fn machines_conflicts(state: &RecordState) -> Vec<MachinesConflict> {
    let mut out: Vec<MachinesConflict> = state
        .bureaux_with_machines_statements()
        .filter(|b| state.machines_of(b) == MachinesView::Disputed)
        .map(|b| MachinesConflict {
            bureau: b.clone(),
            statements: state.machines_statements(b).cloned().collect(),
        })
        .collect();
    out.sort_by(|a, b| a.bureau.cmp(&b.bureau));
    out
}

#[derive(Serialize)]
struct Line<'a> {
    circonscription: &'a str,
    bureau: Option<&'a str>,
    panel: u16,
    candidate: String,
    item: &'static str,
    observer: String,
    observer_name: &'a str,
    value: &'static str,
    recorded_at: String,
    event: String,
}

fn item_label(cat: &Catalog, item: Item) -> &'static str {
    [cat.col_foi, cat.col_courrier, cat.col_bureau][item.index()]
}

/// Writes the disagreements in `format` (text and Markdown in the catalogue's language; CSV and
/// JSON one line per observation).
pub fn render(
    disagreements: &[Disagreement],
    machines: &[MachinesConflict],
    referential: &Referential,
    names: &BTreeMap<ObserverId, String>,
    format: Format,
    cat: &Catalog,
    out: &mut dyn Write,
) -> io::Result<()> {
    let lines: Vec<Line<'_>> = disagreements
        .iter()
        .flat_map(|d| {
            let c = &d.cell;
            let candidate = referential
                .candidate(&c.circonscription, c.panel)
                .map_or_else(String::new, |x| x.display_name());
            d.observations.iter().map(move |o| Line {
                circonscription: c.circonscription.as_str(),
                bureau: c.bureau.as_ref().map(|b| b.as_str()),
                panel: c.panel.get(),
                candidate: candidate.clone(),
                item: c.item.slug(),
                observer: o.observer.to_string(),
                observer_name: names.get(&o.observer).map_or("?", String::as_str),
                value: o.mark.slug(),
                recorded_at: o.at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                event: o.event.to_string(),
            })
        })
        .chain(machines.iter().flat_map(|m| {
            m.statements.iter().map(move |f| Line {
                circonscription: f.circonscription.as_str(),
                bureau: Some(m.bureau.as_str()),
                panel: 0,
                candidate: String::new(),
                item: "machines",
                observer: f.observer.to_string(),
                observer_name: names.get(&f.observer).map_or("?", String::as_str),
                value: if f.machines {
                    "machines"
                } else {
                    "no_machines"
                },
                recorded_at: f.at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                event: f.event.to_string(),
            })
        }))
        .collect();
    let count = disagreements.len() + machines.len();
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &lines)?;
            writeln!(out)
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record([
                "circonscription",
                "bureau",
                "panel",
                "candidate",
                "item",
                "observer",
                "observer_name",
                "value",
                "recorded_at",
                "event",
            ])?;
            for l in &lines {
                let panel = l.panel.to_string();
                w.write_record([
                    l.circonscription,
                    l.bureau.unwrap_or(""),
                    &panel,
                    &super::spreadsheet_safe(&without_bidi(&l.candidate)),
                    l.item,
                    &l.observer,
                    &super::spreadsheet_safe(&without_bidi(l.observer_name)),
                    l.value,
                    &l.recorded_at,
                    &l.event,
                ])?;
            }
            w.flush()?;
            Ok(())
        }
        Format::Html => {
            let mut text = Vec::new();
            render(
                disagreements,
                machines,
                referential,
                names,
                Format::Text,
                cat,
                &mut text,
            )?;
            super::html::text_page(
                &(cat.conflicts_title)(count),
                &String::from_utf8_lossy(&text),
                cat,
                out,
            )
        }
        Format::Text | Format::Md => {
            writeln!(out, "{}", (cat.conflicts_title)(count))?;
            for d in disagreements {
                let c = &d.cell;
                let candidate = referential
                    .candidate(&c.circonscription, c.panel)
                    .map_or_else(String::new, |x| x.display_name());
                let place = match &c.bureau {
                    Some(b) => format!("{} {b}", cat.bureau.to_lowercase()),
                    None => cat.envelope_word.to_owned(),
                };
                writeln!(out)?;
                writeln!(
                    out,
                    "- {} n° {} {candidate}, {} ({place}){}",
                    c.circonscription,
                    c.panel,
                    item_label(cat, c.item),
                    cat.list_sep.trim_end()
                )?;
                // The place's legal local time, the French way (issue 13.7 d).
                let zone = LegalZone::of_place(&c.circonscription, c.bureau.as_ref());
                for o in &d.observations {
                    writeln!(
                        out,
                        "    {}{}{} ({})",
                        names.get(&o.observer).map_or("?", String::as_str),
                        cat.list_sep,
                        cat.mark(o.mark),
                        cat.moment(o.at, zone)
                    )?;
                }
            }
            for m in machines {
                let circ = m
                    .statements
                    .first()
                    .map_or("", |f| f.circonscription.as_str());
                writeln!(out)?;
                writeln!(
                    out,
                    "- {}",
                    Message::new("conflicts-machines")
                        .arg("circ", circ)
                        .arg("bureau", m.bureau.as_str())
                        .render(cat.lang)
                )?;
                let zone = LegalZone::of_bureau(&m.bureau);
                for f in &m.statements {
                    writeln!(
                        out,
                        "    {}{}{} ({})",
                        names.get(&f.observer).map_or("?", String::as_str),
                        cat.list_sep,
                        Message::new(if f.machines {
                            "conflicts-machines-yes"
                        } else {
                            "conflicts-machines-no"
                        })
                        .render(cat.lang),
                        cat.moment(f.at, zone)
                    )?;
                }
            }
            Ok(())
        }
    }
}
