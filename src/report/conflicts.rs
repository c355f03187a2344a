//! `constat report --conflicts`: every cell on which observers contradict each other, with who
//! said what and when. Nothing is averaged away.

use crate::domain::outside::without_bidi;
use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;

use super::Format;
use crate::domain::state::Disagreement;
use crate::domain::{Item, ObserverId, Referential};
use crate::i18n::Catalog;

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
        .collect();
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
                referential,
                names,
                Format::Text,
                cat,
                &mut text,
            )?;
            super::html::text_page(
                &(cat.conflicts_title)(disagreements.len()),
                &String::from_utf8_lossy(&text),
                cat,
                out,
            )
        }
        Format::Text | Format::Md => {
            writeln!(out, "{}", (cat.conflicts_title)(disagreements.len()))?;
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
                for o in &d.observations {
                    writeln!(
                        out,
                        "    {}{}{} ({})",
                        names.get(&o.observer).map_or("?", String::as_str),
                        cat.list_sep,
                        cat.mark(o.mark),
                        o.at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
                    )?;
                }
            }
            Ok(())
        }
    }
}
