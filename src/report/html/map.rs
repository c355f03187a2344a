//! The choropleth map of the national report: metropolitan France's départements coloured by
//! the share of missing envelopes among the voters of the observed households (the report's
//! shortfall [`Rate`](crate::domain::stats::Rate)), the overseas ones as labelled inset squares,
//! a legend, and "no data" (no household observed) in grey, never the colour of 0 %.
//!
//! Outlines: [`super::super::map_paths`] (CC BY 4.0, see its header and `docs/commands.md`).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::esc;
use super::national::{Dep, departement_title};
use crate::domain::departements;
use crate::domain::findings::HouseholdSums;
use crate::i18n::{Catalog, Message};
use crate::report::map_paths::{PATHS, VIEW_BOX};

/// Fill of a département with no observed household.
pub const NO_DATA: &str = "#c8c8c8";
/// Fill of a département observed with no envelope missing (0 %).
pub const ZERO: &str = "#fff7bc";
/// Upper bounds (in %, exclusive) and fills of the classes above 0 %.
pub const CLASSES: [(f64, &str); 5] = [
    (2.0, "#fee391"),
    (5.0, "#fec44f"),
    (10.0, "#fe9929"),
    (20.0, "#d95f0e"),
    (f64::INFINITY, "#993404"),
];

/// The overseas départements always drawn as insets (others only when observed).
const DOM: [&str; 5] = ["971", "972", "973", "974", "976"];

/// The fill of a shortfall percentage (`None`: no data).
pub fn fill(percent: Option<f64>) -> &'static str {
    match percent {
        None => NO_DATA,
        Some(p) if p <= 0.0 => ZERO,
        Some(p) => CLASSES
            .iter()
            .find(|(bound, _)| p < *bound)
            .map_or(CLASSES[CLASSES.len() - 1].1, |(_, c)| c),
    }
}

/// The shortfall percentage of `sums`, `None` when no household was observed.
fn percent(sums: &HouseholdSums) -> Option<f64> {
    if sums.households == 0 {
        return None;
    }
    sums.shortfall().percent
}

const LEGEND_X: u32 = 630;
const INSET_Y: u32 = 600;
const INSET_W: u32 = 56;
const INSET_H: u32 = 38;
const INSET_STEP: u32 = 72;

/// The map as one inline `<svg>`.
pub fn choropleth(deps: &[Dep<'_>], cat: &Catalog) -> String {
    let lang = cat.lang;
    // Sums by the table's code (`ZA` and `971` are one place).
    let mut sums: BTreeMap<&str, HouseholdSums> = BTreeMap::new();
    for d in deps {
        // Observed, or holding households of the présidentielle's national circonscription.
        if !d.records.is_empty() || d.sums.households > 0 || d.sums.non_receipts > 0 {
            sums.entry(departements::canonical(&d.code))
                .or_default()
                .add(d.sums);
        }
    }
    let rate_text = |code: &str| -> String {
        match sums.get(code).and_then(percent) {
            Some(p) => (cat.percent)(p),
            None => Message::new("national-no-data").render(lang),
        }
    };
    let (w, _) = VIEW_BOX;
    let width = w + 250;
    let height = INSET_Y + INSET_H + 30;
    let title = Message::new("national-map-title").render(lang);
    let mut svg = String::new();
    let _ = writeln!(
        svg,
        "<svg class=\"map\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{}\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"11\">",
        esc(&title)
    );
    let _ = writeln!(svg, "<g stroke=\"#ffffff\" stroke-width=\"0.7\">");
    for (code, d) in PATHS {
        let p = sums.get(code).and_then(percent);
        let _ = writeln!(
            svg,
            "<path data-dep=\"{code}\" d=\"{d}\" fill=\"{}\"><title>{}{}{}</title></path>",
            fill(p),
            esc(&departement_title(code, cat)),
            esc(cat.list_sep),
            esc(&rate_text(code))
        );
    }
    let _ = writeln!(svg, "</g>");
    // Insets: the five overseas départements, then any other overseas place observed, then the
    // French abroad when observed.
    let mut insets: Vec<&str> = DOM.to_vec();
    for code in sums.keys() {
        if (departements::is_overseas(code) && !insets.contains(code)) || *code == "ZZ" {
            insets.push(code);
        }
    }
    let _ = writeln!(
        svg,
        "<line x1=\"0\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#999\" stroke-dasharray=\"4 3\"/>",
        INSET_Y - 12,
        width,
        INSET_Y - 12
    );
    for (i, code) in insets.iter().enumerate() {
        let x = 8 + i as u32 * INSET_STEP;
        if x + INSET_W > width {
            break;
        }
        let p = sums.get(code).and_then(percent);
        let name = departements::name(code).unwrap_or(code);
        let _ = writeln!(
            svg,
            "<g data-dep=\"{code}\"><title>{}{}{}</title><rect x=\"{x}\" y=\"{INSET_Y}\" width=\"{INSET_W}\" height=\"{INSET_H}\" fill=\"{}\" stroke=\"#555\"/><text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"10\">{}</text><text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"9\">{}</text></g>",
            esc(&departement_title(code, cat)),
            esc(cat.list_sep),
            esc(&rate_text(code)),
            fill(p),
            x + INSET_W / 2,
            INSET_Y + 23,
            esc(&match p {
                Some(p) => (cat.percent)(p),
                None => Message::new("national-no-data-short").render(lang),
            }),
            x + INSET_W / 2,
            INSET_Y + INSET_H + 12,
            esc(&short(name)),
        );
    }
    // The legend.
    let _ = writeln!(
        svg,
        "<text x=\"{LEGEND_X}\" y=\"40\" font-weight=\"bold\">{}</text><text x=\"{LEGEND_X}\" y=\"55\">{}</text>",
        esc(&Message::new("national-map-legend").render(lang)),
        esc(&Message::new("national-map-legend-unit").render(lang))
    );
    let pc = |x: f64| (cat.percent)(x);
    let mut entries: Vec<(String, &str)> = vec![(pc(0.0), ZERO)];
    let mut low = 0.0;
    for (bound, colour) in CLASSES {
        let label = if bound.is_finite() {
            format!(
                "{} – {}",
                if low == 0.0 {
                    "> 0".to_owned()
                } else {
                    pc(low)
                },
                pc(bound)
            )
        } else {
            format!("≥ {}", pc(low))
        };
        entries.push((label, colour));
        low = bound;
    }
    entries.push((Message::new("national-no-data").render(lang), NO_DATA));
    for (i, (label, colour)) in entries.iter().enumerate() {
        let y = 70 + i as u32 * 22;
        let _ = writeln!(
            svg,
            "<rect x=\"{LEGEND_X}\" y=\"{y}\" width=\"22\" height=\"16\" fill=\"{colour}\" stroke=\"#555\"/><text x=\"{}\" y=\"{}\">{}</text>",
            LEGEND_X + 30,
            y + 12,
            esc(label)
        );
    }
    svg.push_str("</svg>\n");
    svg
}

/// A name short enough for an inset's caption (`Saint-Pierre-et-Miquelon` → `Saint-Pierre-et-M.`).
fn short(name: &str) -> String {
    let mut chars = name.chars();
    let head: String = chars.by_ref().take(12).collect();
    if chars.next().is_some() {
        format!("{head}.")
    } else {
        head
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_data_and_zero_differ_and_classes_rise() {
        assert_ne!(fill(None), fill(Some(0.0)));
        assert_eq!(fill(Some(0.0)), ZERO);
        assert_eq!(fill(Some(1.0)), CLASSES[0].1);
        assert_eq!(fill(Some(2.0)), CLASSES[1].1);
        assert_eq!(fill(Some(50.0)), CLASSES[4].1);
        for (_, c) in CLASSES {
            assert_ne!(c, NO_DATA);
            assert_ne!(c, ZERO);
        }
    }

    #[test]
    fn the_outlines_cover_metropolitan_france() {
        assert_eq!(PATHS.len(), 96);
        for (code, d) in PATHS {
            assert!(departements::name(code).is_some(), "{code}");
            assert!(!departements::is_overseas(code));
            assert!(d.starts_with('m') || d.starts_with('M'), "{code}");
        }
    }
}
