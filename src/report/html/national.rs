//! The national HTML report (issue 18 point 4): a national page (totals per finding kind, the
//! national rates with their 95 % intervals, coverage by département, the time of the data, a
//! map), a table of contents, then the départements with findings, each circonscription with a
//! finding in a compact section and every other one on ONE line; the départements observed with
//! nothing to report come last, one line per circonscription.
//!
//! Used when a report holds more than one circonscription, and for the présidentielle's single
//! national circonscription (`FR01`, [`is_national_scope`]), whose bureaux span France: after the
//! national page, its circonscription-wide findings (envelopes, households) make one section and
//! its bureaux' findings are split by the bureaux' départements and communes ([`scope`]). Any
//! other report of one circonscription keeps the one-page layout of [`super::circonscription`].

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write};

use super::super::{
    Coverage, Totals, bureau_line, detail_sections, finding_sentences, non_receipt_sentence,
    shortfall_sentence, symbol, time,
};
use super::photos::Beside;
use super::{esc, map};
use crate::domain::coordination::{Counts, Kind};
use crate::domain::departements;
use crate::domain::findings::{Detail, HouseholdSums};
use crate::domain::law::Law;
use crate::domain::legal_time::LegalZone;
use crate::domain::{Bureau, BureauCode, CircRecord, Finding, Item, Mark};
use crate::i18n::{Catalog, Message};

/// Is there anything to report in `record`: a finding beyond "complete" and "not checked", or a
/// detail beyond a shortfall of none?
pub fn has_findings(record: &CircRecord) -> bool {
    record
        .findings
        .iter()
        .any(|f| !matches!(f, Finding::Complete { .. } | Finding::NotChecked { .. }))
        || record
            .details
            .iter()
            .any(|d| !matches!(d, Detail::Shortfall { rate, .. } if rate.count == 0))
}

/// One département of the report.
pub struct Dep<'r> {
    /// Its code as circonscription codes write it.
    pub code: String,
    /// Its observed circonscriptions, in code order.
    pub records: Vec<&'r CircRecord>,
    /// Its circonscriptions and bureaux in the reference data (`None` without coverage).
    pub totals: Option<Totals>,
    /// Bureaux observed.
    pub bureaux_observed: usize,
    /// Circonscriptions with something to report ([`has_findings`]).
    pub with_findings: usize,
    /// Findings of each kind.
    pub counts: Counts,
    /// Households and non-receipts summed.
    pub sums: HouseholdSums,
}

impl Dep<'_> {
    /// `Paris (75)`, or the code alone when the table does not know it.
    pub fn title(&self, cat: &Catalog) -> String {
        departement_title(&self.code, cat)
    }
}

/// `Paris (75)`; France as a whole for `FR`; the code alone when unknown.
pub fn departement_title(code: &str, cat: &Catalog) -> String {
    match departements::name(code) {
        Some(name) => format!("{name} ({code})"),
        None if code == departements::NATIONAL => Message::new("national-france").render(cat.lang),
        None => code.to_owned(),
    }
}

/// The départements of the report: every one of the reference data (with coverage) and every
/// observed one, in the table's order ([`departements::order`]).
pub fn summarise<'r>(records: &'r [CircRecord], coverage: Option<&Coverage>) -> Vec<Dep<'r>> {
    let mut deps: BTreeMap<String, Dep<'r>> = BTreeMap::new();
    let new = |code: &str, totals: Option<Totals>| Dep {
        code: code.to_owned(),
        records: Vec::new(),
        totals,
        bureaux_observed: 0,
        with_findings: 0,
        counts: Counts::default(),
        sums: HouseholdSums::default(),
    };
    if let Some(c) = coverage {
        for (code, totals) in &c.departements {
            deps.insert(code.clone(), new(code, Some(*totals)));
        }
    }
    for r in records {
        let code = r.circonscription.code.departement();
        let dep = deps
            .entry(code.to_owned())
            .or_insert_with(|| new(code, coverage.map(|_| Totals::default())));
        dep.records.push(r);
        dep.bureaux_observed += r.bureaux.len();
        dep.with_findings += usize::from(has_findings(r));
        let counts = Counts::of(&r.details);
        for (a, b) in dep.counts.0.iter_mut().zip(counts.0) {
            *a += b;
        }
        if code == departements::NATIONAL {
            // The présidentielle's national circonscription: its households and non-receipts
            // count where their bureau is, so that the map and the rates show départements.
            for (place, (households, non_receipts)) in crate::report::by_bureau_departement(r) {
                deps.entry(place.clone())
                    .or_insert_with(|| new(&place, coverage.map(|_| Totals::default())))
                    .sums
                    .add(HouseholdSums::of(&households, non_receipts));
            }
        } else {
            dep.sums
                .add(HouseholdSums::of(&r.households, r.non_receipts));
        }
    }
    let mut deps: Vec<Dep<'r>> = deps.into_values().collect();
    deps.sort_by(|a, b| departements::order(&a.code).cmp(&departements::order(&b.code)));
    deps
}

/// Colours of the finding kinds in the totals chart. A candidate's lawful choice not to supply
/// (`NotSupplied`, slate) never shares the colour of a distribution failure (crimson).
pub fn kind_colour(kind: Kind) -> &'static str {
    match kind {
        Kind::AbsentFromTable => "#b71c1c",
        Kind::DistributionFailure => "#d81b60",
        Kind::NotSupplied => "#78909c",
        Kind::Disagreement => "#6a1b9a",
        Kind::MachinesDisputed => "#8d6e63",
        Kind::NonReceipts => super::NON_RECEIPT,
        Kind::SeenAfterPolls => "#5d4037",
        Kind::ReceivedAfterElection => "#00838f",
    }
}

fn kind_label(kind: Kind, cat: &Catalog) -> String {
    let id = match kind {
        Kind::AbsentFromTable => "national-kind-absent-from-table",
        Kind::DistributionFailure => "national-kind-distribution-failure",
        Kind::NotSupplied => "national-kind-not-supplied",
        Kind::Disagreement => "national-kind-disagreement",
        Kind::MachinesDisputed => "national-kind-machines-disputed",
        Kind::NonReceipts => "national-kind-non-receipts",
        Kind::SeenAfterPolls => "national-kind-seen-after-polls",
        Kind::ReceivedAfterElection => "national-kind-received-after-election",
    };
    Message::new(id).render(cat.lang)
}

fn msg(id: &'static str) -> Message<'static> {
    Message::new(id)
}

/// The whole `<main>` of a national report.
pub fn render(
    records: &[CircRecord],
    coverage: Option<&Coverage>,
    law: &Law,
    beside: &mut Beside<'_>,
    cat: &Catalog,
    out: &mut dyn Write,
) -> io::Result<()> {
    let lang = cat.lang;
    let deps = summarise(records, coverage);
    let mut counts = Counts::default();
    let mut sums = HouseholdSums::default();
    for d in &deps {
        for (a, b) in counts.0.iter_mut().zip(d.counts.0) {
            *a += b;
        }
        sums.add(d.sums);
    }
    let with_findings: usize = deps.iter().map(|d| d.with_findings).sum();

    // The national page.
    writeln!(out, "<section class=\"national\" id=\"national\">")?;
    writeln!(out, "<h2>{}</h2>", esc(&msg("national-title").render(lang)))?;
    let when = match coverage.and_then(|c| c.latest) {
        Some(t) => msg("national-data-time")
            .arg("time", time(t, LegalZone::Metropole, cat))
            .render(lang),
        None => msg("national-data-time-none").render(lang),
    };
    writeln!(out, "<p class=\"meta\">{}</p>", esc(&when))?;
    let (circs_total, bureaux_total) = coverage.map_or((None, None), |c| {
        let t = c.total();
        (Some(t.circonscriptions), Some(t.bureaux))
    });
    let bureaux_observed: usize = deps.iter().map(|d| d.bureaux_observed).sum();
    let coverage_line = match (circs_total, bureaux_total) {
        (Some(ct), Some(bt)) => msg("national-coverage")
            .arg("circs", records.len())
            .arg("circs_total", ct)
            .arg("bureaux", bureaux_observed)
            .arg("bureaux_total", bt)
            .render(lang),
        _ => msg("national-coverage-unknown")
            .arg("circs", records.len())
            .arg("bureaux", bureaux_observed)
            .render(lang),
    };
    writeln!(out, "<p class=\"lead\">{}</p>", esc(&coverage_line))?;
    writeln!(
        out,
        "<p class=\"lead\">{}</p>",
        esc(&msg("national-findings-in")
            .arg("count", with_findings)
            .arg("observed", records.len())
            .render(lang))
    )?;

    writeln!(
        out,
        "<h3>{}</h3>",
        esc(&msg("national-totals-title").render(lang))
    )?;
    writeln!(out, "<figure class=\"totals\">")?;
    out.write_all(totals_chart(&counts, cat).as_bytes())?;
    writeln!(
        out,
        "<figcaption>{}</figcaption>",
        esc(&msg("national-totals-chart").render(lang))
    )?;
    writeln!(out, "</figure>")?;

    writeln!(
        out,
        "<h3>{}</h3>",
        esc(&msg("national-rates-title").render(lang))
    )?;
    writeln!(out, "<ul class=\"rates\">")?;
    let shortfall = sums.shortfall();
    let shortfall_text = if shortfall.households == 0 {
        msg("national-shortfall-none").render(lang)
    } else {
        shortfall_sentence(&shortfall, cat)
    };
    writeln!(
        out,
        "<li><b>{}</b>{}{}</li>",
        esc(cat.missing_short),
        esc(cat.list_sep),
        esc(&shortfall_text)
    )?;
    let non_receipts = match sums.non_receipt_rate() {
        Some(rate) => non_receipt_sentence(&rate, cat),
        None => sums.non_receipts.to_string(),
    };
    writeln!(
        out,
        "<li><b>{}</b>{}{}</li>",
        esc(cat.non_receipts_short),
        esc(cat.list_sep),
        esc(&non_receipts)
    )?;
    writeln!(out, "</ul>")?;

    writeln!(out, "<figure class=\"map\">")?;
    out.write_all(map::choropleth(&deps, cat).as_bytes())?;
    writeln!(
        out,
        "<figcaption>{} {}</figcaption>",
        esc(&msg("national-map-caption").render(lang)),
        esc(&msg("national-map-attribution").render(lang))
    )?;
    writeln!(out, "</figure>")?;
    writeln!(out, "</section>")?;

    if let [record] = records
        && is_national_scope(records)
    {
        return scope(record, law, beside, cat, out);
    }

    // Coverage by département.
    writeln!(out, "<section class=\"coverage\" id=\"coverage\">")?;
    writeln!(
        out,
        "<h2>{}</h2>",
        esc(&msg("national-coverage-title").render(lang))
    )?;
    coverage_table(&deps, cat, out)?;
    writeln!(out, "</section>")?;

    // Table of contents: the départements with findings and their circonscriptions.
    let findings: Vec<&Dep<'_>> = deps.iter().filter(|d| d.with_findings > 0).collect();
    let quiet: Vec<&Dep<'_>> = deps
        .iter()
        .filter(|d| d.with_findings == 0 && !d.records.is_empty())
        .collect();
    writeln!(out, "<nav class=\"toc\">")?;
    writeln!(out, "<h2>{}</h2>", esc(&msg("national-toc").render(lang)))?;
    writeln!(out, "<ol>")?;
    writeln!(
        out,
        "<li><a href=\"#coverage\">{}</a></li>",
        esc(&msg("national-coverage-title").render(lang))
    )?;
    for d in &findings {
        let circs: Vec<String> = d
            .records
            .iter()
            .filter(|r| has_findings(r))
            .map(|r| {
                let code = r.circonscription.code.as_str();
                format!("<a href=\"#c{}\">{}</a>", esc(code), esc(code))
            })
            .collect();
        writeln!(
            out,
            "<li><a href=\"#d{}\">{}</a> <span class=\"circs\">{}</span></li>",
            esc(&d.code),
            esc(&d.title(cat)),
            circs.join(", ")
        )?;
    }
    if !quiet.is_empty() {
        writeln!(
            out,
            "<li><a href=\"#quiet\">{}</a></li>",
            esc(&msg("national-quiet-title").render(lang))
        )?;
    }
    writeln!(out, "</ol>")?;
    writeln!(out, "</nav>")?;

    // The départements with findings.
    for (i, d) in findings.iter().enumerate() {
        let first = if i == 0 { " first" } else { "" };
        writeln!(
            out,
            "<section class=\"dep{first}\" id=\"d{}\">",
            esc(&d.code)
        )?;
        writeln!(out, "<h2>{}</h2>", esc(&d.title(cat)))?;
        writeln!(out, "<p class=\"meta\">{}</p>", esc(&dep_line(d, cat)))?;
        let mut quiet_lines = Vec::new();
        for r in &d.records {
            if has_findings(r) {
                circonscription(r, law, beside, cat, out)?;
            } else {
                quiet_lines.push(quiet_line(r, cat));
            }
        }
        quiet_list(&quiet_lines, out)?;
        writeln!(out, "</section>")?;
    }

    // The départements observed with nothing to report.
    let quiet: Vec<(&str, String, Vec<String>)> = quiet
        .iter()
        .map(|d| {
            let lines = d.records.iter().map(|r| quiet_line(r, cat)).collect();
            (d.code.as_str(), d.title(cat), lines)
        })
        .collect();
    quiet_departements(&quiet, lang, out)
}

/// The `<ul class="quiet">` of `lines`, the one-line entries of what has nothing to report
/// (nothing when there is none).
fn quiet_list(lines: &[String], out: &mut dyn Write) -> io::Result<()> {
    if lines.is_empty() {
        return Ok(());
    }
    writeln!(out, "<ul class=\"quiet\">")?;
    for line in lines {
        writeln!(out, "{line}")?;
    }
    writeln!(out, "</ul>")
}

/// The section of the départements observed with nothing to report, in columns: each one's
/// title (code, title, its quiet lines) over its [`quiet_list`]. Nothing when there is none.
fn quiet_departements(
    quiet: &[(&str, String, Vec<String>)],
    lang: crate::i18n::Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    if quiet.is_empty() {
        return Ok(());
    }
    writeln!(out, "<section class=\"quietdeps\" id=\"quiet\">")?;
    writeln!(
        out,
        "<h2>{}</h2>",
        esc(&msg("national-quiet-title").render(lang))
    )?;
    writeln!(out, "<div class=\"cols\">")?;
    for (code, title, lines) in quiet {
        writeln!(out, "<h4 id=\"d{}\">{}</h4>", esc(code), esc(title))?;
        quiet_list(lines, out)?;
    }
    writeln!(out, "</div>")?;
    writeln!(out, "</section>")
}

/// True when the report's only record is the présidentielle's national circonscription (`FR01`):
/// it is laid out as a national report, split by the bureaux' départements and communes.
pub fn is_national_scope(records: &[CircRecord]) -> bool {
    matches!(records, [r] if r.circonscription.code.departement() == departements::NATIONAL)
}

/// The INSEE code of a bureau's commune: `75056_0911` → `75056`.
pub fn commune_of(code: &BureauCode) -> &str {
    code.as_str()
        .split_once('_')
        .map_or(code.as_str(), |(commune, _)| commune)
}

/// The département of a bureau, as circonscription codes write it, from its commune's INSEE
/// code: `75056_0911` → `75`, `2A004_0001` → `2A`, `97101_0001` → `971` (overseas: three
/// characters).
pub fn bureau_departement(code: &BureauCode) -> &str {
    let commune = commune_of(code);
    let n = if commune.starts_with("97") || commune.starts_with("98") {
        3
    } else {
        2
    };
    commune.get(..n).unwrap_or(commune)
}

/// The bureau a detail is about, for the details that are a bureau's (its table, its machines);
/// `None` for the circonscription's (envelopes, households, non-receipts, late records).
fn detail_bureau(d: &Detail) -> Option<&BureauCode> {
    match d {
        Detail::AbsentFromTable { bureau, .. }
        | Detail::Disagreement { bureau, .. }
        | Detail::MachinesDisputed { bureau, .. } => Some(bureau),
        _ => None,
    }
}

/// One commune of a national scope: its observed bureaux and their details.
struct Commune<'r> {
    code: &'r str,
    name: &'r str,
    bureaux: Vec<&'r Bureau>,
    details: Vec<&'r Detail>,
}

/// One département of a national scope: its communes in code order.
struct Area<'r> {
    code: &'r str,
    communes: BTreeMap<&'r str, Commune<'r>>,
}

impl Area<'_> {
    fn with_findings(&self) -> usize {
        self.communes
            .values()
            .filter(|c| !c.details.is_empty())
            .count()
    }

    fn bureaux(&self) -> usize {
        self.communes.values().map(|c| c.bureaux.len()).sum()
    }

    fn bureaux_with_findings(&self) -> usize {
        self.communes
            .values()
            .map(|c| {
                let mut at: Vec<&BureauCode> =
                    c.details.iter().filter_map(|d| detail_bureau(d)).collect();
                at.sort_unstable();
                at.dedup();
                at.len()
            })
            .sum()
    }
}

/// The bureaux of `record` and their details by département and commune, in the table's order.
fn areas(record: &CircRecord) -> Vec<Area<'_>> {
    let mut areas: BTreeMap<&str, Area<'_>> = BTreeMap::new();
    for b in &record.bureaux {
        let dep = bureau_departement(&b.code);
        let area = areas.entry(dep).or_insert_with(|| Area {
            code: dep,
            communes: BTreeMap::new(),
        });
        let code = commune_of(&b.code);
        area.communes
            .entry(code)
            .or_insert_with(|| Commune {
                code,
                name: b.commune.as_str(),
                bureaux: Vec::new(),
                details: Vec::new(),
            })
            .bureaux
            .push(b);
    }
    for d in &record.details {
        let Some(bureau) = detail_bureau(d) else {
            continue;
        };
        let dep = bureau_departement(bureau);
        let code = commune_of(bureau);
        let area = areas.entry(dep).or_insert_with(|| Area {
            code: dep,
            communes: BTreeMap::new(),
        });
        area.communes
            .entry(code)
            .or_insert_with(|| Commune {
                code,
                // A bureau of a detail is observed, so listed; its commune's name is the code
                // otherwise.
                name: code,
                bureaux: Vec::new(),
                details: Vec::new(),
            })
            .details
            .push(d);
    }
    let mut areas: Vec<Area<'_>> = areas.into_values().collect();
    areas.sort_by(|a, b| departements::order(a.code).cmp(&departements::order(b.code)));
    areas
}

/// `Paris (75056)`, or the code alone when the name is unknown.
fn commune_title(c: &Commune<'_>) -> String {
    if c.name.is_empty() || c.name == c.code {
        c.code.to_owned()
    } else {
        format!("{} ({})", c.name, c.code)
    }
}

/// The présidentielle's national circonscription after the national page: coverage by the
/// bureaux' départements, a table of contents, the circonscription-wide findings (envelopes,
/// households) as one section, then each département with a bureau's finding, its communes with
/// findings each in a compact section and the others on ONE line each; the départements observed
/// with nothing to report at their bureaux come last.
fn scope(
    record: &CircRecord,
    law: &Law,
    beside: &mut Beside<'_>,
    cat: &Catalog,
    out: &mut dyn Write,
) -> io::Result<()> {
    let lang = cat.lang;
    let areas = areas(record);

    writeln!(out, "<section class=\"coverage\" id=\"coverage\">")?;
    writeln!(
        out,
        "<h2>{}</h2>",
        esc(&msg("national-coverage-title").render(lang))
    )?;
    writeln!(out, "<table class=\"compact\">")?;
    writeln!(
        out,
        "<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>",
        esc(&msg("national-col-departement").render(lang)),
        esc(&msg("national-col-communes").render(lang)),
        esc(&msg("national-col-bureaux").render(lang)),
        esc(&msg("national-col-bureaux-findings").render(lang)),
    )?;
    writeln!(out, "<tbody>")?;
    for a in &areas {
        let title = departement_title(a.code, cat);
        let (class, name) = if a.with_findings() > 0 {
            (
                " class=\"has\"",
                format!("<a href=\"#d{}\">{}</a>", esc(a.code), esc(&title)),
            )
        } else {
            ("", esc(&title).into_owned())
        };
        writeln!(
            out,
            "<tr{class}><td>{name}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            a.communes.len(),
            a.bureaux(),
            a.bureaux_with_findings(),
        )?;
    }
    writeln!(out, "</tbody>")?;
    writeln!(out, "</table>")?;
    writeln!(out, "</section>")?;

    let findings: Vec<&Area<'_>> = areas.iter().filter(|a| a.with_findings() > 0).collect();
    let quiet: Vec<&Area<'_>> = areas.iter().filter(|a| a.with_findings() == 0).collect();
    let code = record.circonscription.code.as_str();
    writeln!(out, "<nav class=\"toc\">")?;
    writeln!(out, "<h2>{}</h2>", esc(&msg("national-toc").render(lang)))?;
    writeln!(out, "<ol>")?;
    writeln!(
        out,
        "<li><a href=\"#coverage\">{}</a></li>",
        esc(&msg("national-coverage-title").render(lang))
    )?;
    writeln!(
        out,
        "<li><a href=\"#c{}\">{}</a></li>",
        esc(code),
        esc(&departement_title(departements::NATIONAL, cat))
    )?;
    for a in &findings {
        let communes: Vec<String> = a
            .communes
            .values()
            .filter(|c| !c.details.is_empty())
            .map(|c| {
                format!(
                    "<a href=\"#m{}\">{}</a>",
                    esc(c.code),
                    esc(&commune_title(c))
                )
            })
            .collect();
        writeln!(
            out,
            "<li><a href=\"#d{}\">{}</a> <span class=\"circs\">{}</span></li>",
            esc(a.code),
            esc(&departement_title(a.code, cat)),
            communes.join(", ")
        )?;
    }
    if !quiet.is_empty() {
        writeln!(
            out,
            "<li><a href=\"#quiet\">{}</a></li>",
            esc(&msg("national-quiet-title").render(lang))
        )?;
    }
    writeln!(out, "</ol>")?;
    writeln!(out, "</nav>")?;

    // The circonscription-wide part: every candidate's row and finding, the envelopes' and
    // households' details; the bureaux and their details go to their départements below.
    let national = CircRecord {
        bureaux: Vec::new(),
        details: record
            .details
            .iter()
            .filter(|d| detail_bureau(d).is_none())
            .cloned()
            .collect(),
        ..record.clone()
    };
    writeln!(
        out,
        "<section class=\"dep first\" id=\"d{}\">",
        esc(departements::NATIONAL)
    )?;
    writeln!(
        out,
        "<h2>{}</h2>",
        esc(&departement_title(departements::NATIONAL, cat))
    )?;
    circonscription(&national, law, beside, cat, out)?;
    writeln!(out, "</section>")?;

    for a in &findings {
        writeln!(out, "<section class=\"dep\" id=\"d{}\">", esc(a.code))?;
        writeln!(out, "<h2>{}</h2>", esc(&departement_title(a.code, cat)))?;
        writeln!(
            out,
            "<p class=\"meta\">{}</p>",
            esc(&msg("national-scope-departement-line")
                .arg("communes", a.communes.len())
                .arg("findings", a.with_findings())
                .arg("bureaux", a.bureaux())
                .arg("bureaux_findings", a.bureaux_with_findings())
                .render(lang))
        )?;
        let mut quiet_lines = Vec::new();
        for c in a.communes.values() {
            if c.details.is_empty() {
                quiet_lines.push(quiet_commune(c, cat));
            } else {
                commune(record, c, law, beside, cat, out)?;
            }
        }
        quiet_list(&quiet_lines, out)?;
        writeln!(out, "</section>")?;
    }

    let quiet: Vec<(&str, String, Vec<String>)> = quiet
        .iter()
        .map(|a| {
            let lines = a.communes.values().map(|c| quiet_commune(c, cat)).collect();
            (a.code, departement_title(a.code, cat), lines)
        })
        .collect();
    quiet_departements(&quiet, lang, out)
}

/// A commune with nothing to report at its bureaux, as ONE `<li>`.
fn quiet_commune(c: &Commune<'_>, cat: &Catalog) -> String {
    let line = msg("national-quiet-commune")
        .arg("commune", commune_title(c))
        .arg("bureaux", c.bureaux.len())
        .render(cat.lang);
    format!("<li id=\"m{}\">{}</li>", esc(c.code), esc(&line))
}

/// A commune with a bureau's finding, compactly: its observed bureaux on one line, then the
/// details of its bureaux (ballots absent from a table, disagreements, machines disputed).
fn commune(
    record: &CircRecord,
    c: &Commune<'_>,
    law: &Law,
    beside: &mut Beside<'_>,
    cat: &Catalog,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(
        out,
        "<section class=\"circ compact commune\" id=\"m{}\">",
        esc(c.code)
    )?;
    writeln!(out, "<h3>{}</h3>", esc(&commune_title(c)))?;
    if !c.bureaux.is_empty() {
        let list: Vec<String> = c.bureaux.iter().map(|b| bureau_line(b, cat)).collect();
        writeln!(
            out,
            "<p class=\"bureaux\"><b>{}</b>{}{}</p>",
            esc(cat.report_bureaux),
            esc(cat.list_sep),
            esc(&list.join(" ; "))
        )?;
    }
    // The commune's details only, worded as the circonscription's would be.
    let local = CircRecord {
        bureaux: c.bureaux.iter().map(|b| (*b).clone()).collect(),
        rows: Vec::new(),
        households: Vec::new(),
        non_receipts: 0,
        findings: Vec::new(),
        details: c.details.iter().map(|d| (*d).clone()).collect(),
        circonscription: record.circonscription.clone(),
    };
    details_list(&local, law, beside, cat, out)?;
    writeln!(out, "</section>")
}

/// `3 circonscriptions observées sur 5, 1 avec constat ; 12 bureaux observés sur 140`.
fn dep_line(d: &Dep<'_>, cat: &Catalog) -> String {
    msg("national-departement-line")
        .arg("circs", d.records.len())
        .arg(
            "total",
            d.totals
                .map(|t| t.circonscriptions.to_string())
                .unwrap_or_else(|| "?".to_owned()),
        )
        .arg("findings", d.with_findings)
        .arg("bureaux", d.bureaux_observed)
        .render(cat.lang)
}

/// A circonscription with nothing to report, as ONE `<li>`.
pub fn quiet_line(r: &CircRecord, cat: &Catalog) -> String {
    let c = &r.circonscription;
    // Under its département's heading, "Ain, 1ère circonscription" says "1ère circonscription".
    let label = departements::name(c.code.departement())
        .and_then(|name| c.label.strip_prefix(name))
        .and_then(|rest| rest.strip_prefix(','))
        .map_or(c.label.as_str(), str::trim);
    let line = msg("national-quiet-circ")
        .arg("code", c.code.as_str())
        .arg("label", label)
        .arg("bureaux", r.bureaux.len())
        .arg("households", r.households.len())
        .render(cat.lang);
    format!("<li id=\"c{}\">{}</li>", esc(c.code.as_str()), esc(&line))
}

/// One row per département: its name, coverage, circonscriptions with findings, and the
/// shortfall rate with its interval; "no data" when no household was observed.
fn coverage_table(deps: &[Dep<'_>], cat: &Catalog, out: &mut dyn Write) -> io::Result<()> {
    let lang = cat.lang;
    writeln!(out, "<table class=\"compact\">")?;
    writeln!(
        out,
        "<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>",
        esc(&msg("national-col-departement").render(lang)),
        esc(&msg("national-col-circs").render(lang)),
        esc(&msg("national-col-bureaux").render(lang)),
        esc(&msg("national-col-findings").render(lang)),
        esc(&msg("national-col-shortfall").render(lang)),
        esc(&msg("national-col-interval").render(lang)),
    )?;
    writeln!(out, "<tbody>")?;
    let no_data = msg("national-no-data").render(lang);
    for d in deps {
        let total = |n: Option<usize>| n.map_or_else(String::new, |n| format!("/{n}"));
        let rate = d.sums.shortfall();
        let (value, interval) = if d.sums.households == 0 {
            (
                format!("<span class=\"nodata\">{}</span>", esc(&no_data)),
                String::new(),
            )
        } else {
            (
                esc(&format!(
                    "{} ({}/{})",
                    (cat.percent)(rate.percent.unwrap_or(0.0)),
                    rate.count,
                    rate.total
                ))
                .into_owned(),
                rate.interval.map_or_else(String::new, |i| {
                    esc(&format!(
                        "{} – {}",
                        (cat.percent)(i.low * 100.0),
                        (cat.percent)(i.high * 100.0)
                    ))
                    .into_owned()
                }),
            )
        };
        let class = if d.with_findings > 0 {
            " class=\"has\""
        } else {
            ""
        };
        let name = if d.with_findings > 0 {
            format!("<a href=\"#d{}\">{}</a>", esc(&d.code), esc(&d.title(cat)))
        } else {
            esc(&d.title(cat)).into_owned()
        };
        writeln!(
            out,
            "<tr{class}><td>{name}</td><td class=\"num\">{}{}</td><td class=\"num\">{}{}</td><td class=\"num\">{}</td><td class=\"num\">{value}</td><td class=\"num\">{interval}</td></tr>",
            d.records.len(),
            total(d.totals.map(|t| t.circonscriptions)),
            d.bureaux_observed,
            total(d.totals.map(|t| t.bureaux)),
            d.with_findings,
        )?;
    }
    writeln!(out, "</tbody>")?;
    writeln!(out, "</table>")
}

/// A circonscription with findings, compactly: its bureaux on one line, the candidates with
/// something absent or disputed (not the others), the findings and their details.
fn circonscription(
    record: &CircRecord,
    law: &Law,
    beside: &mut Beside<'_>,
    cat: &Catalog,
    out: &mut dyn Write,
) -> io::Result<()> {
    let c = &record.circonscription;
    writeln!(
        out,
        "<section class=\"circ compact\" id=\"c{}\">",
        esc(c.code.as_str())
    )?;
    writeln!(
        out,
        "<h3>{} {}{}{}</h3>",
        esc(cat.circonscription),
        esc(c.code.as_str()),
        esc(cat.list_sep),
        esc(&c.label)
    )?;
    if !record.bureaux.is_empty() {
        let list: Vec<String> = record.bureaux.iter().map(|b| bureau_line(b, cat)).collect();
        writeln!(
            out,
            "<p class=\"bureaux\"><b>{}</b>{}{}</p>",
            esc(cat.report_bureaux),
            esc(cat.list_sep),
            esc(&list.join(" ; "))
        )?;
    }
    let rows: Vec<_> = record
        .rows
        .iter()
        .filter(|row| {
            Item::ALL.iter().any(|i| row.mark(*i) == Mark::Absent) || row.disputed.contains(&true)
        })
        .collect();
    if !rows.is_empty() {
        writeln!(out, "<table class=\"record compact\">")?;
        writeln!(
            out,
            "<thead><tr><th>{}</th><th>{}</th><th>{}</th><th title=\"{}\">{}</th><th title=\"{}\">{}</th><th title=\"{}\">{}</th></tr></thead>",
            esc(cat.col_panel),
            esc(cat.col_candidate),
            esc(cat.col_nuance),
            esc(cat.col_foi),
            esc(cat.col_foi_short),
            esc(cat.col_courrier),
            esc(cat.col_courrier_short),
            esc(cat.col_bureau),
            esc(cat.col_bureau_short)
        )?;
        writeln!(out, "<tbody>")?;
        for row in rows {
            let cand = &row.candidate;
            let mut cells = String::new();
            for item in Item::ALL {
                let mark = row.mark(item);
                let class = match mark {
                    Mark::Present => "present",
                    Mark::Absent => "absent",
                    Mark::Unchecked => "unchecked",
                };
                let disputed = if row.disputed[item.index()] {
                    " disputed"
                } else {
                    ""
                };
                let tally = row.tally[item.index()];
                let _ = write!(
                    cells,
                    "<td class=\"mark {class}{disputed}\" title=\"{}\">{} {}/{}</td>",
                    esc(cat.mark(mark)),
                    esc(symbol(mark)),
                    tally.present,
                    tally.present + tally.absent
                );
            }
            writeln!(
                out,
                "<tr><td class=\"num\">{}</td><td>{}</td><td>{}</td>{cells}</tr>",
                cand.panel,
                esc(&cand.display_name()),
                esc(&cand.nuance)
            )?;
        }
        writeln!(out, "</tbody>")?;
        writeln!(out, "</table>")?;
    }
    // The findings as the record states them ("complete" left out: the table shows only the
    // candidates with something missing).
    writeln!(out, "<ul class=\"findings\">")?;
    for (f, s) in record
        .findings
        .iter()
        .zip(finding_sentences(record, law, cat))
    {
        if !matches!(f, Finding::Complete { .. }) {
            writeln!(out, "<li>{}</li>", esc(&s))?;
        }
    }
    writeln!(out, "</ul>")?;
    details_list(record, law, beside, cat, out)?;
    writeln!(out, "</section>")
}

/// The details (who saw what, when), each under a short tag of its kind; the sections' full
/// titles with their articles are the findings' sentences.
fn details_list(
    record: &CircRecord,
    law: &Law,
    beside: &mut Beside<'_>,
    cat: &Catalog,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(out, "<ul class=\"details\">")?;
    for section in detail_sections(record, law, cat) {
        let tag = msg(tag_id(section.kind)).render(cat.lang);
        for (line, n) in section.lines.iter().zip(&section.details) {
            write!(
                out,
                "<li class=\"{}\"><span class=\"tag\" title=\"{}\">{}</span> {}",
                section.kind,
                esc(&section.title),
                esc(&tag),
                esc(line)
            )?;
            // The thumbnails of the photos that support it (issue 19 point 3).
            if let Some(d) = record.details.get(*n) {
                beside.write(d, record, cat, out)?;
            }
            writeln!(out, "</li>")?;
        }
    }
    writeln!(out, "</ul>")
}

/// The short tag of a detail section's kind ([`super::super::SECTION_KINDS`]).
fn tag_id(kind: &str) -> &'static str {
    match kind {
        "not-supplied" => "national-tag-not-supplied",
        "distribution" => "national-tag-distribution",
        "bureau" => "national-tag-bureau",
        "disagreements" => "national-tag-disagreements",
        "households" => "national-tag-households",
        _ => "national-tag-to-check",
    }
}

const KIND_LABEL: u32 = 470;
const KIND_BAR: u32 = 260;
const KIND_ROW: u32 = 20;

/// One horizontal bar per finding kind, its count written at its end (also for 0).
fn totals_chart(counts: &Counts, cat: &Catalog) -> String {
    let max = Kind::ALL
        .iter()
        .map(|k| counts.get(*k))
        .max()
        .unwrap_or(0)
        .max(1);
    let width = KIND_LABEL + KIND_BAR + 60;
    let height = KIND_ROW * Kind::ALL.len() as u32 + 4;
    let mut svg = String::new();
    let _ = writeln!(
        svg,
        "<svg class=\"totals\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{}\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"12\">",
        esc(&msg("national-totals-chart").render(cat.lang))
    );
    for (i, kind) in Kind::ALL.iter().enumerate() {
        let y = i as u32 * KIND_ROW;
        let n = counts.get(*kind);
        let w = (n as f64 / max as f64 * f64::from(KIND_BAR)).round();
        let label = kind_label(*kind, cat);
        let _ = writeln!(
            svg,
            "<g class=\"kind-{}\"><title>{}{}{n}</title><text x=\"0\" y=\"{}\">{}</text><rect x=\"{KIND_LABEL}\" y=\"{}\" width=\"{w}\" height=\"14\" fill=\"{}\"/><text x=\"{}\" y=\"{}\" font-weight=\"bold\">{n}</text></g>",
            kind.slug(),
            esc(&label),
            esc(cat.list_sep),
            y + 14,
            esc(&label),
            y + 2,
            kind_colour(*kind),
            f64::from(KIND_LABEL) + w + 4.0,
            y + 14,
        );
    }
    svg.push_str("</svg>\n");
    svg
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;
    use uuid::Uuid;

    use super::*;
    use crate::domain::record::build_record_with;
    use crate::domain::{
        CirconscriptionCode, Event, EventBody, EventId, ObserverId, Panel, RecordState,
    };
    use crate::i18n::Lang;

    fn bureau(code: &str) -> BureauCode {
        BureauCode::parse(code).unwrap()
    }

    #[test]
    fn a_bureau_s_departement_comes_from_its_commune_code() {
        assert_eq!(bureau_departement(&bureau("75056_0911")), "75");
        assert_eq!(bureau_departement(&bureau("01004_0001")), "01");
        assert_eq!(bureau_departement(&bureau("2A004_0001")), "2A");
        assert_eq!(bureau_departement(&bureau("2B033_0002")), "2B");
        assert_eq!(bureau_departement(&bureau("97101_0001")), "971");
        assert_eq!(bureau_departement(&bureau("98818_0001")), "988");
        assert_eq!(commune_of(&bureau("69123_0101")), "69123");
    }

    /// The présidentielle sample's FR01, observed by one observer at four bureaux of three
    /// départements: ballots absent at Paris 0911 and at Les Abymes 0001, present at Paris 0912
    /// and Marseille 0101; one profession de foi absent from the envelope.
    fn presidentielle_html(lang: Lang) -> (String, CircRecord) {
        presidentielle_html_with(lang, &mut Beside::default())
    }

    /// [`presidentielle_html`], the photos of `beside` shown beside the findings.
    fn presidentielle_html_with(lang: Lang, beside: &mut Beside<'_>) -> (String, CircRecord) {
        let data = crate::sample::find("presidentielle-2022")
            .unwrap()
            .election_data()
            .unwrap();
        let fr01 = CirconscriptionCode::parse("FR01").unwrap();
        let tick = |b: Option<&str>, panel: u16, item: Item, mark: Mark| EventBody::Tick {
            circonscription: fr01.clone(),
            bureau: b.map(bureau),
            panel: Panel::new(panel).unwrap(),
            item,
            mark,
            note: None,
            envelope: None,
        };
        let bodies = vec![
            tick(Some("75056_0911"), 3, Item::Bureau, Mark::Absent),
            tick(Some("75056_0912"), 3, Item::Bureau, Mark::Present),
            tick(Some("13055_0101"), 3, Item::Bureau, Mark::Present),
            tick(Some("97101_0001"), 7, Item::Bureau, Mark::Absent),
            tick(None, 4, Item::Foi, Mark::Absent),
        ];
        let observer = ObserverId(Uuid::from_u128(1));
        let events: Vec<Event> = bodies
            .into_iter()
            .enumerate()
            .map(|(i, body)| Event {
                id: EventId(Uuid::from_u128(1 << 64 | i as u128)),
                observer,
                seq: i as u64 + 1,
                // 10 April 2022, 08:00 UTC and on.
                recorded_at: DateTime::from_timestamp(1_649_577_600 + i as i64 * 60, 0).unwrap(),
                seen_at: None,
                body,
            })
            .collect();
        let state = RecordState::fold(&events);
        let names = [(observer, "Paul".to_owned())].into_iter().collect();
        let record = build_record_with(&data.referential, &state, &fr01, &names).unwrap();
        let records = vec![record.clone()];
        assert!(is_national_scope(&records));
        let law = Law::of(data.election.kind);
        let mut out = Vec::new();
        render(&records, None, law, beside, lang.catalog(), &mut out).unwrap();
        (String::from_utf8(out).unwrap(), record)
    }

    /// Issue 19 point 3: in the national layout too, a bureau's photo sits beside that bureau's
    /// finding (in its commune's section), embedded once, and beside no other bureau's.
    #[test]
    fn a_bureau_s_photo_sits_beside_its_finding_in_the_national_layout() {
        use super::super::photos::{Held, PhotoGroup, ReportPhotos, ShownPhoto};
        use crate::domain::{MediaType, PhotoSubject};
        let fr01 = CirconscriptionCode::parse("FR01").unwrap();
        let shown = ShownPhoto {
            name: "table.jpg".into(),
            sha256: [7; 32],
            media: MediaType::Jpeg,
            at: DateTime::from_timestamp(1_649_577_900, 0).unwrap(),
            taken_at: None,
            observer: "Paul".into(),
            thumbnail: Some(vec![0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3]),
            observer_id: ObserverId(Uuid::from_u128(1)),
            bureau: bureau("75056_0911"),
            of: PhotoSubject::Bureau,
            held: Some(Held::Original),
        };
        let photos = ReportPhotos {
            groups: vec![PhotoGroup {
                circonscription: fr01,
                bureau: bureau("75056_0911"),
                of: PhotoSubject::Bureau,
                shown: vec![shown],
                more: 0,
            }],
        };
        let mut beside = Beside::new(Some(&photos));
        let (html, _) = presidentielle_html_with(Lang::Fr, &mut beside);
        assert!(beside.embedded.contains(&[7; 32]));
        let id = format!("id=\"p{}\"", hex::encode([7u8; 32]));
        assert_eq!(html.matches(&id).count(), 1, "embedded once");
        let at = html.find(&id).unwrap();
        let li = &html[html[..at].rfind("<li").unwrap()..];
        let li = &li[..li.find("</li>").unwrap()];
        assert!(
            li.contains("75056_0911") && li.contains("class=\"bureau\""),
            "{li}"
        );
        assert!(!li.contains("97101_0001"));
    }

    /// The HTML of the element whose `id` is `id`, to the next element of the same tag.
    fn section<'h>(html: &'h str, id: &str) -> &'h str {
        let start = html
            .find(&format!("id=\"{id}\""))
            .unwrap_or_else(|| panic!("no #{id}"));
        let rest = &html[start..];
        let end = rest[1..]
            .find("<section class=\"dep")
            .or_else(|| rest[1..].find("<section class=\"quietdeps"))
            .map_or(rest.len(), |e| e + 1);
        &rest[..end]
    }

    #[test]
    fn fr01_is_split_by_the_bureaux_departements_and_communes() {
        let (html, record) = presidentielle_html(Lang::Fr);
        // One section per département with a bureau's finding, named, each bureau's absence in
        // its own département and commune.
        let paris = section(&html, "d75");
        assert!(paris.contains("Paris (75)"), "{paris}");
        assert!(paris.contains("id=\"m75056\""), "{paris}");
        assert!(paris.contains("75056_0911"), "{paris}");
        assert!(!paris.contains("97101_0001"), "{paris}");
        let guadeloupe = section(&html, "d971");
        assert!(guadeloupe.contains("Guadeloupe (971)"), "{guadeloupe}");
        assert!(guadeloupe.contains("Les Abymes (97101)"), "{guadeloupe}");
        assert!(guadeloupe.contains("class=\"bureau\""), "{guadeloupe}");
        assert!(!guadeloupe.contains("75056_0911"), "{guadeloupe}");
        // Marseille (13) saw every ballot: one line among the départements without findings.
        let quiet = &html[html.find("id=\"quiet\"").unwrap()..];
        assert!(quiet.contains("Bouches-du-Rhône (13)"), "{quiet}");
        assert!(quiet.contains("<li id=\"m13055\">"), "{quiet}");
        assert!(!html.contains("<section class=\"dep\" id=\"d13\""));
        // The envelopes' findings stay in the national section, not under a département; the
        // bureaux' details are not repeated there.
        let france = section(&html, "dFR");
        assert!(france.contains("class=\"not-supplied\""), "{france}");
        assert!(!france.contains("class=\"bureau\""), "{france}");
        assert!(!paris.contains("class=\"not-supplied\""), "{paris}");
        // Every detail of a bureau is shown once, in its commune.
        let bureau_details = record
            .details
            .iter()
            .filter(|d| detail_bureau(d).is_some())
            .count();
        assert_eq!(bureau_details, 2);
        assert_eq!(
            html.matches("<li class=\"bureau\">").count(),
            bureau_details
        );
        // The table of contents links each commune with a finding.
        let toc = &html[html.find("<nav class=\"toc\">").unwrap()..html.find("</nav>").unwrap()];
        for link in ["#d75", "#m75056", "#d971", "#m97101", "#cFR01", "#quiet"] {
            assert!(toc.contains(link), "{link}: {toc}");
        }
        // Both languages, no message id left.
        let (en, _) = presidentielle_html(Lang::En);
        assert!(
            en.contains("Les Abymes (97101)") && !en.contains("national-"),
            "{en}"
        );
        assert!(!html.contains("national-"), "{html}");
    }

    #[test]
    fn the_html_report_of_fr01_alone_takes_the_national_layout() {
        let data = crate::sample::find("presidentielle-2022")
            .unwrap()
            .election_data()
            .unwrap();
        let (_, record) = presidentielle_html(Lang::Fr);
        let report = crate::report::Report {
            election: &data.election,
            records: vec![record],
            digest: None,
            disputes: Vec::new(),
        };
        let mut out = Vec::new();
        crate::report::render(&report, crate::report::Format::Html, Lang::Fr, &mut out).unwrap();
        let html = String::from_utf8(out).unwrap();
        assert!(html.contains("<main class=\"national\">"), "{html}");
        assert!(html.contains("id=\"d971\"") && html.contains("id=\"m75056\""));
    }

    #[test]
    fn a_single_circonscription_of_a_departement_is_not_a_national_scope() {
        let data = crate::sample::find("paris-1-2017")
            .unwrap()
            .election_data()
            .unwrap();
        let c7501 = CirconscriptionCode::parse("7501").unwrap();
        let state = RecordState::fold(&[]);
        let names = Default::default();
        let record = build_record_with(&data.referential, &state, &c7501, &names).unwrap();
        assert!(!is_national_scope(&[record]));
        assert!(!is_national_scope(&[]));
    }
}
