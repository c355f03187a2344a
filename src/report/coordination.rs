//! The coordinator's live view as text (issue 18 point 3): one [`Page`] per place (France, a
//! département, a circonscription, a bureau, the observers), drawn by the interface
//! (`tui::view::coordination`) and printed by `constat coordination --once`. PURE.

use std::io::{self, Write};

use chrono::{DateTime, Utc};

use crate::domain::coordination::{Area, Fact, Kind, Picture};
use crate::domain::legal_time::LegalZone;
use crate::domain::stats::Rate;
use crate::domain::{BureauCode, CirconscriptionCode};
use crate::i18n::{Lang, Localize, Message};

/// Where the coordinator stands in the view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// France.
    National,
    /// A département, by code.
    Departement(String),
    /// A circonscription.
    Circonscription(CirconscriptionCode),
    /// A bureau of a circonscription.
    Bureau(CirconscriptionCode, BureauCode),
    /// Every observer with their last file and latest event, those on the roster who sent
    /// nothing first.
    Observers,
}

/// What a place shows: a title, lines of figures, the latest serious facts, and a list the
/// coordinator moves in (each item may open a place below).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Page {
    /// The place.
    pub title: String,
    /// Figures, one per line.
    pub head: Vec<String>,
    /// The title of the facts.
    pub facts_title: String,
    /// Ballots seen absent from a table, newest first.
    pub facts: Vec<String>,
    /// The title of the list.
    pub list_title: String,
    /// The list, with the place each item opens.
    pub items: Vec<(String, Option<Place>)>,
}

fn msg(id: &'static str) -> Message<'static> {
    Message::new(id)
}

/// "15 h 40" in the zone.
fn clock(lang: Lang, zone: LegalZone, at: DateTime<Utc>) -> String {
    let local = zone.local(at);
    match lang {
        Lang::Fr => format!("{}\u{a0}h\u{a0}{}", local.format("%-H"), local.format("%M")),
        Lang::En => local.format("%H:%M").to_string(),
    }
}

/// [`clock`], with the zone named when it is not Paris's.
fn zoned(lang: Lang, zone: LegalZone, at: DateTime<Utc>) -> String {
    let time = clock(lang, zone, at);
    if zone == LegalZone::Metropole {
        time
    } else {
        msg("coord-time-zoned")
            .arg("time", time)
            .arg("zone", zone.message().render(lang))
            .render(lang)
    }
}

fn percent(lang: Lang, p: f64) -> String {
    (lang.catalog().percent)(p)
}

/// `3,2 % [2,1 – 4,8 %], 120 foyers` (no interval under the report's minimum of households).
fn rate(lang: Lang, r: &Rate) -> String {
    let value = r
        .percent
        .map_or_else(|| "—".to_owned(), |p| percent(lang, p));
    match r.interval {
        Some(i) => msg("coord-rate")
            .arg("value", value)
            .arg("low", percent(lang, i.low * 100.0))
            .arg("high", percent(lang, i.high * 100.0))
            .arg("households", r.households)
            .render(lang),
        None => msg("coord-rate-no-interval")
            .arg("value", value)
            .arg("households", r.households)
            .render(lang),
    }
}

/// The figures of an area: coverage, counts, rates.
fn area_lines(lang: Lang, a: &Area, out: &mut Vec<String>) {
    out.push(
        msg("coord-coverage")
            .arg("circs", a.circs_covered)
            .arg("circs_total", a.circs_total)
            .arg("bureaux", a.bureaux_covered)
            .arg("bureaux_total", a.bureaux_total)
            .render(lang),
    );
    let counts: Vec<String> = Kind::ALL
        .iter()
        .filter(|k| a.counts.get(**k) > 0)
        .map(|k| kind(lang, *k, a.counts.get(*k)))
        .collect();
    out.push(if counts.is_empty() {
        msg("coord-findings-none").render(lang)
    } else {
        msg("coord-findings")
            .arg("list", counts.join(" · "))
            .render(lang)
    });
    out.push(if a.sums.households == 0 {
        msg("coord-shortfall-none").render(lang)
    } else {
        msg("coord-shortfall")
            .arg("rate", rate(lang, &a.shortfall()))
            .render(lang)
    });
    if let Some(r) = a.non_receipt_rate() {
        out.push(
            msg("coord-non-receipt")
                .arg("rate", rate(lang, &r))
                .render(lang),
        );
    }
}

fn kind(lang: Lang, k: Kind, count: usize) -> String {
    let m = match k {
        Kind::AbsentFromTable => msg("coord-kind-absent-from-table"),
        Kind::DistributionFailure => msg("coord-kind-distribution-failure"),
        Kind::NotSupplied => msg("coord-kind-not-supplied"),
        Kind::Disagreement => msg("coord-kind-disagreement"),
        Kind::MachinesDisputed => msg("coord-kind-machines-disputed"),
        Kind::NonReceipts => msg("coord-kind-non-receipts"),
        Kind::SeenAfterPolls => msg("coord-kind-seen-after-polls"),
        Kind::ReceivedAfterElection => msg("coord-kind-received-after-election"),
    };
    m.arg("count", count).render(lang)
}

fn fact(lang: Lang, f: &Fact, with_place: bool) -> String {
    let m = if with_place {
        msg("coord-fact").arg("bureau", f.bureau.as_str())
    } else {
        msg("coord-fact-here")
    };
    // The list mixes bureaux of every zone in the order things happened: a time that is not
    // Paris's says whose it is (the title says "heure de Paris").
    m.arg("time", zoned(lang, LegalZone::of_bureau(&f.bureau), f.at))
        .arg("panel", f.panel)
        .arg("candidate", f.candidate.as_str())
        .arg("observer", f.observer.as_str())
        .render(lang)
}

fn absences(a: &Area) -> usize {
    a.counts.get(Kind::AbsentFromTable)
}

/// The refused files first (never buried under the merged ones, issue 18): their count, then
/// the latest, each with its time, name and reason (outside text escaped). Empty when none.
pub fn refusal_lines(p: &Picture, lang: Lang) -> Vec<String> {
    if p.arrivals.refused == 0 {
        return Vec::new();
    }
    let zone = LegalZone::Metropole;
    let mut lines = vec![
        msg("coord-refused")
            .arg("count", p.arrivals.refused)
            .render(lang),
    ];
    for r in &p.arrivals.latest_refused {
        lines.push(
            msg("coord-refused-item")
                .arg("time", clock(lang, zone, r.at))
                .arg("name", crate::domain::outside::escape(&r.name).into_owned())
                .arg(
                    "reason",
                    crate::domain::outside::escape(r.text(lang)).into_owned(),
                )
                .render(lang),
        );
    }
    lines
}

/// The page of `place` (France when the place is no longer in the picture).
pub fn page(p: &Picture, place: &Place, lang: Lang) -> Page {
    let zone = LegalZone::Metropole;
    let facts_title = msg("coord-facts-title").render(lang);
    match place {
        Place::National => {
            let mut head = Vec::new();
            // Refused files first: never buried under the merged ones (issue 18, night).
            head.extend(refusal_lines(p, lang));
            head.push(match p.latest {
                Some(at) => msg("coord-data-time")
                    .arg("time", clock(lang, zone, at))
                    .arg("events", p.events)
                    .arg("observers", p.observers)
                    .render(lang),
                None => msg("coord-no-event")
                    .arg("observers", p.observers)
                    .render(lang),
            });
            head.push(match &p.arrivals.latest {
                Some((name, at)) => msg("coord-files")
                    .arg("count", p.arrivals.files)
                    .arg("name", crate::domain::outside::escape(name).into_owned())
                    .arg("time", clock(lang, zone, *at))
                    .render(lang),
                None => msg("coord-files-none").render(lang),
            });
            if let Some(enrolled) = p.arrivals.enrolled {
                head.push(if p.arrivals.silent.is_empty() {
                    msg("coord-silent-none")
                        .arg("enrolled", enrolled)
                        .render(lang)
                } else {
                    msg("coord-silent")
                        .arg("count", p.arrivals.silent.len())
                        .arg("enrolled", enrolled)
                        .arg("names", p.arrivals.silent.join(", "))
                        .render(lang)
                });
            }
            area_lines(lang, &p.national, &mut head);
            Page {
                title: super::title(&p.election, lang.catalog()),
                head,
                facts_title,
                facts: p.facts.iter().map(|f| fact(lang, f, true)).collect(),
                list_title: msg("coord-list-departements").render(lang),
                items: p
                    .departements
                    .iter()
                    .map(|d| {
                        let name = d.name.as_deref().unwrap_or("");
                        (
                            msg("coord-item-departement")
                                .arg("code", d.code.as_str())
                                .arg("name", name)
                                .arg("circs", d.area.circs_covered)
                                .arg("circs_total", d.area.circs_total)
                                .arg("bureaux", d.area.bureaux_covered)
                                .arg("bureaux_total", d.area.bureaux_total)
                                .arg("absences", absences(&d.area))
                                .render(lang),
                            Some(Place::Departement(d.code.clone())),
                        )
                    })
                    .collect(),
            }
        }
        Place::Departement(code) => {
            let Some(d) = p.departements.iter().find(|d| &d.code == code) else {
                return page(p, &Place::National, lang);
            };
            let mut head = Vec::new();
            area_lines(lang, &d.area, &mut head);
            let title = match &d.name {
                Some(name) => format!("{} {}", d.code, name),
                None => d.code.clone(),
            };
            Page {
                title,
                head,
                facts_title,
                facts: p
                    .facts
                    .iter()
                    .filter(|f| f.circonscription.departement() == d.code)
                    .map(|f| fact(lang, f, true))
                    .collect(),
                list_title: msg("coord-list-circonscriptions").render(lang),
                items: d
                    .circs
                    .iter()
                    .map(|c| {
                        (
                            msg("coord-item-circonscription")
                                .arg("code", c.code.as_str())
                                .arg("label", c.label.as_str())
                                .arg("observers", c.observers)
                                .arg("bureaux", c.area.bureaux_covered)
                                .arg("bureaux_total", c.area.bureaux_total)
                                .arg("absences", absences(&c.area))
                                .render(lang),
                            Some(Place::Circonscription(c.code.clone())),
                        )
                    })
                    .collect(),
            }
        }
        Place::Circonscription(code) => {
            let Some(c) = p
                .departements
                .iter()
                .flat_map(|d| &d.circs)
                .find(|c| &c.code == code)
            else {
                return page(p, &Place::National, lang);
            };
            let mut head = vec![
                msg("coord-observers-here")
                    .arg("observers", c.observers)
                    .render(lang),
            ];
            area_lines(lang, &c.area, &mut head);
            Page {
                title: format!("{} {}", c.code, c.label),
                head,
                facts_title,
                facts: p
                    .facts
                    .iter()
                    .filter(|f| &f.circonscription == code)
                    .map(|f| fact(lang, f, true))
                    .collect(),
                list_title: msg("coord-list-bureaux").render(lang),
                items: c
                    .bureaux
                    .iter()
                    .map(|b| {
                        let text = match b.observers.first() {
                            Some(last) => msg("coord-item-bureau")
                                .arg("code", b.code.as_str())
                                .arg("label", b.label.as_str())
                                .arg("observers", b.observers.len())
                                .arg(
                                    "time",
                                    clock(lang, LegalZone::of_bureau(&b.code), last.last),
                                )
                                .arg("absences", b.facts.len())
                                .render(lang),
                            None => msg("coord-item-bureau-unobserved")
                                .arg("code", b.code.as_str())
                                .arg("label", b.label.as_str())
                                .render(lang),
                        };
                        (text, Some(Place::Bureau(c.code.clone(), b.code.clone())))
                    })
                    .collect(),
            }
        }
        Place::Bureau(circ, code) => {
            let Some(b) = p
                .departements
                .iter()
                .flat_map(|d| &d.circs)
                .filter(|c| &c.code == circ)
                .flat_map(|c| &c.bureaux)
                .find(|b| &b.code == code)
            else {
                return page(p, &Place::Circonscription(circ.clone()), lang);
            };
            let zone = LegalZone::of_bureau(code);
            Page {
                title: format!("{} {}", b.code, b.label),
                head: vec![
                    msg("coord-observers-here")
                        .arg("observers", b.observers.len())
                        .render(lang),
                ],
                facts_title,
                facts: b.facts.iter().map(|f| fact(lang, f, false)).collect(),
                list_title: msg("coord-list-observers").render(lang),
                items: b
                    .observers
                    .iter()
                    .map(|o| {
                        (
                            msg("coord-item-observer")
                                .arg("name", o.name.as_str())
                                .arg("time", clock(lang, zone, o.last))
                                .render(lang),
                            None,
                        )
                    })
                    .collect(),
            }
        }
        Place::Observers => {
            let mut items: Vec<(String, Option<Place>)> = p
                .arrivals
                .silent
                .iter()
                .map(|name| {
                    (
                        msg("coord-item-silent")
                            .arg("name", name.as_str())
                            .render(lang),
                        None,
                    )
                })
                .collect();
            // Each observer's times in their bureau's legal time, the zone named when it is
            // not Paris's (the list mixes zones).
            items.extend(p.last_by_observer.iter().map(|o| {
                let time = |at| zoned(lang, o.zone, at);
                let m = match (o.last_file, o.last) {
                    (Some(file), Some(last)) => msg("coord-item-observer-file")
                        .arg("file", time(file))
                        .arg("time", time(last)),
                    (Some(file), None) => {
                        msg("coord-item-observer-file-only").arg("file", time(file))
                    }
                    (None, Some(last)) => msg("coord-item-observer").arg("time", time(last)),
                    (None, None) => msg("coord-item-observer-nothing"),
                };
                (m.arg("name", o.name.as_str()).render(lang), None)
            }));
            Page {
                title: msg("coord-list-observers").render(lang),
                head: vec![
                    msg("coord-observers-here")
                        .arg("observers", p.last_by_observer.len())
                        .render(lang),
                ],
                facts_title,
                facts: Vec::new(),
                list_title: msg("coord-list-observers").render(lang),
                items,
            }
        }
    }
}

/// The national page as text (`constat coordination --once`): every figure, the latest facts
/// (at most `facts`), every département.
pub fn write_national(
    p: &Picture,
    lang: Lang,
    facts: usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    let page = page(p, &Place::National, lang);
    writeln!(out, "{}", page.title)?;
    for line in &page.head {
        writeln!(out, "{line}")?;
    }
    writeln!(out)?;
    writeln!(out, "{}", page.facts_title)?;
    if page.facts.is_empty() {
        writeln!(out, "  {}", msg("coord-facts-none").render(lang))?;
    }
    for f in page.facts.iter().take(facts) {
        writeln!(out, "  {f}")?;
    }
    if page.facts.len() > facts {
        writeln!(
            out,
            "  {}",
            msg("coord-more")
                .arg("count", page.facts.len() - facts)
                .render(lang)
        )?;
    }
    writeln!(out)?;
    writeln!(out, "{}", page.list_title)?;
    for (item, _) in &page.items {
        writeln!(out, "  {item}")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::domain::{BureauCode, CirconscriptionCode};

    /// The latest absences mix every zone in the order they happened: a time that is not
    /// Paris's names its zone (issue 18 point 3), and none is shown in UTC.
    #[test]
    fn a_fact_outside_paris_time_names_its_zone() {
        let at = chrono::DateTime::parse_from_rfc3339("2024-06-30T12:00:00Z")
            .unwrap()
            .with_timezone(&chrono::Utc);
        let of = |bureau: &str, circ: &str| Fact {
            at,
            bureau: BureauCode::parse(bureau).unwrap(),
            circonscription: CirconscriptionCode::parse(circ).unwrap(),
            panel: 3,
            candidate: "X".into(),
            observer: "Y".into(),
        };
        let paris = fact(Lang::Fr, &of("75056_0911", "7501"), true);
        let reunion = fact(Lang::Fr, &of("97411_0001", "97401"), true);
        assert!(paris.starts_with("14\u{a0}h\u{a0}00 ·"), "{paris}");
        let zone = LegalZone::of_bureau(&BureauCode::parse("97411_0001").unwrap())
            .message()
            .render(Lang::Fr);
        assert!(
            reunion.starts_with(&format!("16\u{a0}h\u{a0}00 ({zone})")),
            "{reunion}"
        );
    }

    /// Issue 18 point 1 (coordination): the observers list gives each observer's last file
    /// merge time and latest event in their bureau's legal time, the zone named outside Paris.
    #[test]
    fn the_observers_list_gives_the_last_file_time_in_the_bureaus_legal_time() {
        use crate::domain::coordination::{Arrivals, ObserverLine};
        let at = |s: &str| {
            chrono::DateTime::parse_from_rfc3339(s)
                .unwrap()
                .with_timezone(&chrono::Utc)
        };
        let reunion = LegalZone::of_bureau(&BureauCode::parse("97411_0001").unwrap());
        let p = Picture {
            election: crate::sample::find("paris-1-2017")
                .unwrap()
                .election_data()
                .unwrap()
                .election,
            latest: None,
            events: 0,
            observers: 3,
            arrivals: Arrivals::default(),
            last_by_observer: vec![
                ObserverLine {
                    name: "Alice".into(),
                    last: Some(at("2024-06-30T11:00:00Z")),
                    last_file: Some(at("2024-06-30T12:00:00Z")),
                    zone: reunion,
                },
                ObserverLine {
                    name: "Bruno".into(),
                    last: Some(at("2024-06-30T10:00:00Z")),
                    last_file: None,
                    zone: LegalZone::Metropole,
                },
                ObserverLine {
                    name: "Chloé".into(),
                    last: None,
                    last_file: Some(at("2024-06-30T09:30:00Z")),
                    zone: LegalZone::Metropole,
                },
            ],
            national: Area::new(),
            departements: Vec::new(),
            facts: Vec::new(),
        };
        let page = page(&p, &Place::Observers, Lang::Fr);
        let items: Vec<&str> = page.items.iter().map(|(t, _)| t.as_str()).collect();
        let zone = reunion.message().render(Lang::Fr);
        // 12:00 UTC is 16 h 00 at La Réunion; the event at 11:00 UTC, 15 h 00.
        let file = format!("16\u{a0}h\u{a0}00 ({zone})");
        let event = format!("15\u{a0}h\u{a0}00 ({zone})");
        assert!(
            items[0].contains(&file) && items[0].contains(&event),
            "{}",
            items[0]
        );
        assert_ne!(items[0], items[1]);
        // Paris: 10:00 UTC is 12 h 00, no zone named; no file, no file time.
        assert!(items[1].contains("12\u{a0}h\u{a0}00"), "{}", items[1]);
        assert!(!items[1].contains('('), "{}", items[1]);
        // A file, no event: its merge time (11 h 30 in Paris).
        assert!(items[2].contains("11\u{a0}h\u{a0}30"), "{}", items[2]);
        let with_file = msg("coord-item-observer-file")
            .arg("name", "Alice")
            .arg("file", file)
            .arg("time", event)
            .render(Lang::Fr);
        assert_eq!(items[0], with_file);
    }
}
