//! Report rendering: the records of one or more circonscriptions as text, Markdown, CSV, JSON or
//! HTML, written to any writer; and the réclamation for a bureau's procès-verbal ([`pv`]).
//!
//! Rule: pure rendering. No file, database or clock here; the caller opens the output.

pub mod conflicts;
// The coordinator's live view (issue 18 point 3).
pub mod coordination;
mod csv;

pub use csv::spreadsheet_safe;
mod html;
pub use html::photos::{self as html_photos, PhotoGroup, ReportPhotos, ShownPhoto};
mod json;
// The map's outlines (CC BY 4.0), generated once by scripts/map_paths.py (issue 18 point 4).
mod map_paths;
mod markdown;
pub mod pv;
mod text;

use std::io::{self, Write};

use chrono::{DateTime, Utc};

use crate::domain::findings::{
    AbsencePeriod, DepartementRates, Detail, EnvelopeCause, HouseholdSighting, NonReceiptSighting,
    Sighting, departement_rates,
};
use crate::domain::fingerprint::ChainReference;
use crate::domain::law::{Law, TableSupply};
use crate::domain::legal_time::LegalZone;
use crate::domain::record::{EnvelopeGap, Finding};
use crate::domain::stats::{MIN_HOUSEHOLDS, Rate};
use crate::domain::{Candidate, CircRecord, Election, Mark, Panel};
use crate::i18n::{Catalog, Lang, Message};

/// Output formats of `constat report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// The record as a table with its findings, as on the 2017 original.
    Text,
    /// One row per candidate and circonscription (columns in `docs/formats.md`).
    Csv,
    /// Markdown, for a web page or a message.
    Md,
    /// Machine-readable, with every finding.
    Json,
    /// One self-contained web page (inline CSS and SVG charts), printable to PDF.
    Html,
}

/// What a report shows.
pub struct Report<'a> {
    /// The election.
    pub election: &'a Election,
    /// One record per circonscription, in code order.
    pub records: Vec<CircRecord>,
    /// The digest of every observer's chain head, to write into the procès-verbal (None when
    /// the database has no event yet).
    pub digest: Option<String>,
    /// The key disputes held (schema 12): the observers whose observations were set aside, said
    /// so that a reader knows what the findings leave out.
    pub disputes: Vec<crate::domain::key_dispute::KeyDispute>,
}

impl Report<'_> {
    /// Household shortfall and non-receipt rates per département, over the report's records.
    /// The présidentielle's single national circonscription is split by the département of each
    /// household's and non-receipt's bureau (law.md §4.2: rates by département and commune); a
    /// household whose record names no bureau stays under the national code.
    pub fn departements(&self) -> Vec<DepartementRates> {
        let national = crate::domain::law::NATIONAL_CIRCONSCRIPTION.0;
        let split: Vec<(String, Households)> = self
            .records
            .iter()
            .filter(|r| r.circonscription.code.as_str() == national)
            .flat_map(by_bureau_departement)
            .collect();
        departement_rates(
            self.records
                .iter()
                .filter(|r| r.circonscription.code.as_str() != national)
                .map(|r| {
                    (
                        r.circonscription.code.departement(),
                        r.households.as_slice(),
                        r.non_receipts,
                    )
                })
                .chain(
                    split
                        .iter()
                        .map(|(dep, (h, n))| (dep.as_str(), h.as_slice(), *n)),
                ),
        )
    }
}

/// One area's households (voters, received) and its count of non-receipts.
pub(crate) type Households = (Vec<(u32, u32)>, usize);

/// A record's households and non-receipts by the département of their bureau (a household
/// whose record names no bureau under the circonscription's own code): how the présidentielle's
/// single national circonscription is split by département.
pub(crate) fn by_bureau_departement(
    r: &crate::domain::CircRecord,
) -> std::collections::BTreeMap<String, Households> {
    let mut by_dep: std::collections::BTreeMap<String, Households> =
        std::collections::BTreeMap::new();
    let own = r.circonscription.code.departement();
    for d in &r.details {
        match d {
            Detail::Shortfall { observations, .. } => {
                for h in observations {
                    let dep = h
                        .bureau
                        .as_ref()
                        .map_or(own, crate::domain::BureauCode::departement);
                    by_dep
                        .entry(dep.to_owned())
                        .or_default()
                        .0
                        .push((h.voters, h.received));
                }
            }
            Detail::NonReceipts { observations, .. } => {
                for n in observations {
                    by_dep
                        .entry(n.bureau.departement().to_owned())
                        .or_default()
                        .1 += 1;
                }
            }
            _ => {}
        }
    }
    by_dep
}

/// What the national HTML report says of coverage beyond the report's own records: the
/// circonscriptions and bureaux of the reference data by département, and the time of the data
/// (issue 18 point 4).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Coverage {
    /// By département code as circonscription codes write it (`75`, `2A`, `971`, `ZZ`).
    pub departements: std::collections::BTreeMap<String, Totals>,
    /// The latest observation's time (UTC): the time of the data.
    pub latest: Option<DateTime<Utc>>,
}

/// Circonscriptions and bureaux of an area in the reference data.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    /// Circonscriptions.
    pub circonscriptions: usize,
    /// Bureaux (of a known circonscription).
    pub bureaux: usize,
}

impl Coverage {
    /// The totals of `referential` by département, with the time of the data.
    pub fn of(referential: &crate::domain::Referential, latest: Option<DateTime<Utc>>) -> Self {
        let mut departements: std::collections::BTreeMap<String, Totals> =
            std::collections::BTreeMap::new();
        for c in referential.circonscriptions.keys() {
            departements
                .entry(c.departement().to_owned())
                .or_default()
                .circonscriptions += 1;
        }
        for b in referential.bureaux.values() {
            if let Some(c) = &b.circonscription {
                departements
                    .entry(c.departement().to_owned())
                    .or_default()
                    .bureaux += 1;
            }
        }
        Self {
            departements,
            latest,
        }
    }

    /// France's totals.
    pub fn total(&self) -> Totals {
        self.departements
            .values()
            .fold(Totals::default(), |a, t| Totals {
                circonscriptions: a.circonscriptions + t.circonscriptions,
                bureaux: a.bureaux + t.bureaux,
            })
    }
}

/// [`render_signed`] as HTML, with the national page's coverage and time of the data (a report
/// of more than one circonscription opens with a national page; without `coverage` it says
/// what the records alone tell).
pub fn render_html(
    report: &Report<'_>,
    coverage: Option<&Coverage>,
    signer: Option<&ChainReference>,
    photos: Option<&ReportPhotos>,
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    html::render(report, coverage, signer, photos, lang.catalog(), out)
}

/// Writes `report` in `format`. Text and Markdown are in `lang`; CSV and JSON use stable
/// identifiers whatever the language.
pub fn render(
    report: &Report<'_>,
    format: Format,
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    render_signed(report, None, format, lang, out)
}

/// [`render`], with the signer's key fingerprint and chain reference beside the digest (issue
/// 15 point 2: a copy written by hand pins the key). CSV has no digest, so no signer either.
pub fn render_signed(
    report: &Report<'_>,
    signer: Option<&ChainReference>,
    format: Format,
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    let cat = lang.catalog();
    match format {
        Format::Text => text::render(report, signer, cat, out),
        Format::Md => markdown::render(report, signer, cat, out),
        Format::Csv => csv::render(report, out),
        Format::Json => json::render(report, signer, out),
        Format::Html => html::render(report, None, signer, None, cat, out),
    }
}

/// The line printed after the digest: the signer's key fingerprint and chain reference.
pub fn signer_line(signer: &ChainReference, lang: Lang) -> String {
    Message::new("signer-reference")
        .arg("fingerprint", signer.fingerprint.to_string())
        .arg("reference", signer.to_string())
        .render(lang)
}

/// What a report with no record says: nothing recorded, or, when key disputes set observations
/// aside, that none was kept (the disputes are listed further down).
pub(crate) fn no_record_line(report: &Report<'_>, cat: &Catalog) -> String {
    if report
        .disputes
        .iter()
        .any(|d| d.standing() != crate::domain::key_dispute::Standing::HeldKept)
    {
        Message::new("report-no-observation-kept").render(cat.lang)
    } else {
        cat.report_no_observation.to_owned()
    }
}

/// The key disputes that set observations aside ([`crate::domain::key_dispute::set_aside`]): a
/// title and one sentence each (names and paths from outside: the renderer escapes them), or
/// `None` when there is none.
pub(crate) fn dispute_lines(report: &Report<'_>, lang: Lang) -> Option<(String, Vec<String>)> {
    use crate::domain::key_dispute::Standing;
    let lines: Vec<String> = report
        .disputes
        .iter()
        .filter(|d| d.standing() != Standing::HeldKept)
        .map(|d| {
            Message::new("report-key-dispute")
                .arg("name", d.name.clone())
                .arg("observer", d.observer.to_string())
                .arg(
                    "held",
                    d.held
                        .as_ref()
                        .map_or_else(|| "none".to_owned(), ToString::to_string),
                )
                .arg("claimed", d.claimed.to_string())
                .arg("file", d.path.clone())
                .arg(
                    "standing",
                    if d.standing() == Standing::Open {
                        "open"
                    } else {
                        "rejected"
                    },
                )
                .render(lang)
        })
        .collect();
    (!lines.is_empty()).then(|| {
        (
            Message::new("report-key-disputes-title").render(lang),
            lines,
        )
    })
}

/// `Élections législatives 2017 — 1er tour`.
pub(crate) fn title(election: &Election, cat: &Catalog) -> String {
    // A single-round kind (européennes) has no round to name.
    if crate::domain::law::Law::of(election.kind).rounds == 1 {
        return format!("{} {}", cat.election_kind(election.kind), election.year);
    }
    format!(
        "{} {} — {}",
        cat.election_kind(election.kind),
        election.year,
        (cat.round)(election.round)
    )
}

/// What the findings list says when it has no sentence: "nothing ticked yet" only when nothing
/// was; else that nothing observed is missing, and why a machines bureau's table ticks give
/// nothing (issue 13.3 c).
pub(crate) fn no_findings(record: &CircRecord, cat: &Catalog) -> String {
    let machines = record.bureaux.iter().any(|b| b.voting_machines);
    let checked = record
        .rows
        .iter()
        .any(|r| r.marks.iter().any(|m| *m != Mark::Unchecked));
    if !machines && !checked && record.details.is_empty() {
        return cat.report_no_findings.to_owned();
    }
    Message::new("report-no-findings-checked")
        .arg("machines", if machines { "yes" } else { "no" })
        .render(cat.lang)
}

/// The symbol of a mark in a printed table: the interface's ([`Mark::symbol`]), so that the
/// paper and the screen say the same.
fn symbol(mark: Mark) -> &'static str {
    mark.symbol()
}

fn names(candidates: &[Candidate]) -> String {
    candidates
        .iter()
        .map(|c| format!("n° {} {} ({})", c.panel, c.display_name(), c.nuance))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Articles as a parenthesis, from the election kind's rule table (issue 14: no article number
/// outside [`Law`]).
fn cited(list: &[crate::domain::law::Citation], cat: &Catalog) -> String {
    pv::cite(list, cat.lang)
}

/// `candidates` when the candidates may also deposit ballots on the table, `administration`
/// when only the administration's count (présidentielle).
fn table_supply(law: &Law) -> &'static str {
    match law.table {
        TableSupply::CandidatesAndMayor => "candidates",
        TableSupply::AdministrationOnly => "administration",
    }
}

/// Whether the kind's envelope holds the candidate's déclaration rather than a circulaire
/// ("profession de foi"): the rule table's word (law.md §1a, issue 14.7).
pub(crate) fn declaration(law: &Law) -> bool {
    law.mailing.leaflet == crate::domain::law::Leaflet::Declaration
}

/// The leaflet column's title by the kind's word (`Prof. de foi`, `Déclaration`).
pub(crate) fn leaflet_column(law: &Law, long: bool, cat: &Catalog) -> String {
    match (declaration(law), long) {
        (true, true) => Message::new("col-declaration").render(cat.lang),
        (true, false) => Message::new("col-declaration-short").render(cat.lang),
        (false, long) => cat.column(crate::domain::Item::Foi, long).to_owned(),
    }
}

/// What is missing from every envelope, by the kind's word for the leaflet.
pub(crate) fn not_supplied_items(
    items: &[crate::domain::Item],
    law: &Law,
    cat: &Catalog,
) -> String {
    use crate::domain::Item;
    if !declaration(law) {
        return cat.not_supplied_items(items);
    }
    Message::new(match items {
        [Item::Foi] => "not-supplied-foi-declaration",
        [Item::Courrier] => "not-supplied-courrier",
        _ => "not-supplied-both-declaration",
    })
    .render(cat.lang)
}

/// The findings of a record as sentences, in order, worded by the election kind's rules.
fn finding_sentences(record: &CircRecord, law: &Law, cat: &Catalog) -> Vec<String> {
    record
        .findings
        .iter()
        .map(|f| match f {
            Finding::Complete { candidates } if declaration(law) => {
                Message::new("finding-complete-declaration")
                    .arg("count", candidates.len())
                    .render(cat.lang)
            }
            Finding::Complete { candidates } => (cat.finding_complete)(candidates.len()),
            Finding::MissingFromEnvelope {
                gap,
                at_bureau,
                cause,
                candidates,
            } => missing_from_envelope(*gap, Some(*at_bureau), *cause, candidates, law, cat),
            Finding::MissingAtBureau { candidates } => format!(
                "{}{}{}.",
                Message::new("finding-missing-at-bureau")
                    .arg("count", candidates.len())
                    .arg("supply", table_supply(law))
                    .arg("cite", cited(law.table_cite, cat))
                    .render(cat.lang),
                cat.list_sep,
                names(candidates)
            ),
            Finding::Disputed { candidates } => format!(
                "{}{}{}.",
                (cat.finding_disputed)(candidates.len()),
                cat.list_sep,
                names(candidates)
            ),
            Finding::NotChecked { candidates } => format!(
                "{}{}{}.",
                (cat.finding_not_checked)(candidates.len()),
                cat.list_sep,
                names(candidates)
            ),
            Finding::Shortfall {
                voters,
                received,
                missing,
                households,
            } => {
                let mut s = (cat.finding_shortfall)(*voters, *received, *missing);
                if *households > 1 {
                    s.push_str(&(cat.finding_households)(*households));
                }
                s.push('.');
                s
            }
            Finding::NonReceipts { count, bureaux } => format!(
                "{}{}{}.",
                (cat.finding_non_receipts)(*count),
                cat.list_sep,
                bureaux
                    .iter()
                    .map(|b| format!("{} {b}", cat.bureau.to_lowercase()))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        })
        .collect()
}

/// `7 candidats n'ont ni profession de foi ni bulletin dans l'enveloppe ; les 7 ont leur bulletin
/// au bureau : n° 1 …. Absents de l'unique enveloppe observée …`. With `at_bureau` `None`, nothing
/// is said of the table (the PV annex, when the table's mark rests on a sighting after the close).
fn missing_from_envelope(
    gap: EnvelopeGap,
    at_bureau: Option<Mark>,
    cause: EnvelopeCause,
    candidates: &[Candidate],
    law: &Law,
    cat: &Catalog,
) -> String {
    let n = candidates.len();
    let what = match gap {
        // The présidentielle's envelope holds the candidate's déclaration (law.md §1a).
        EnvelopeGap::Both if declaration(law) => Message::new("finding-missing-both-declaration")
            .arg("count", n)
            .render(cat.lang),
        EnvelopeGap::Foi if declaration(law) => Message::new("finding-missing-foi-declaration")
            .arg("count", n)
            .render(cat.lang),
        EnvelopeGap::Both => (cat.finding_missing_both)(n),
        EnvelopeGap::Foi => (cat.finding_missing_foi)(n),
        EnvelopeGap::Courrier => (cat.finding_missing_courrier)(n),
    };
    let bureau = match at_bureau {
        Some(Mark::Present) => (cat.finding_at_bureau_present)(n),
        Some(Mark::Absent) => (cat.finding_at_bureau_absent)(n),
        Some(Mark::Unchecked) => cat.finding_at_bureau_unchecked.to_owned(),
        None => String::new(),
    };
    let mut cause_text = match cause {
        // Every candidate's documents are due in every envelope (présidentielle): no "not
        // supplied" alternative (law.md §4.4).
        _ if !law.may_not_supply => Message::new("finding-cause-due")
            .arg("count", n)
            .arg("cite", cited(law.mailing.cite, cat))
            .render(cat.lang),
        EnvelopeCause::NotSupplied { envelopes } => Message::new("finding-cause-not-supplied")
            .arg("count", n)
            .arg("envelopes", envelopes)
            .arg("cite", cited(law.not_supplied_cite, cat))
            .render(cat.lang),
        EnvelopeCause::DistributionFailure => Message::new("finding-cause-distribution")
            .arg("count", n)
            .arg("cite", cited(law.mailing.cite, cat))
            .arg("partial", cited(law.not_supplied_cite, cat))
            .render(cat.lang),
    };
    // Absent from every envelope, present on the table: consistent with ballots supplied for
    // the mairies only, which the commission sends on to the bureaux (R.34 al. 4).
    if law.may_not_supply
        && matches!(cause, EnvelopeCause::NotSupplied { .. })
        && at_bureau == Some(Mark::Present)
    {
        cause_text.push_str(
            &Message::new("finding-mairies-only")
                .arg("count", n)
                .arg("cite", cited(crate::domain::law::MAIRIES_ONLY, cat))
                .render(cat.lang),
        );
    }
    let cause = cause_text;
    format!(
        "{what}{bureau}{}{}.{cause}",
        cat.list_sep,
        names(candidates)
    )
}

/// A bureau as one line: code, label, address, and whether it votes on machines.
fn bureau_line(b: &crate::domain::Bureau, cat: &Catalog) -> String {
    let mut s = format!("{} {}", b.code, b.label);
    if !b.address.is_empty() {
        s.push_str(", ");
        s.push_str(&b.address);
    }
    if b.voting_machines {
        s.push_str(&format!(" ({})", cat.voting_machines));
    }
    s
}

/// `n° 3 MAILLARD Sylvain (REM)`.
fn candidate_name(c: &Candidate) -> String {
    format!("n° {} {} ({})", c.panel, c.display_name(), c.nuance)
}

/// A moment as reports print it to people: in the place's legal local time, the French way, with
/// the zone named outside metropolitan France (`11 juin 2017, 15 h 00`; see
/// [`Catalog::moment`]). CSV and JSON keep UTC ISO 8601.
pub fn time(t: DateTime<Utc>, zone: LegalZone, cat: &Catalog) -> String {
    cat.moment(t, zone)
}

/// `obs1 (2017-06-11 08:00 UTC, « note »)`.
fn sighting(s: &Sighting, zone: LegalZone, cat: &Catalog) -> String {
    // An envelope's sighting in the zone of the household's bureau when the tick names it.
    let zone = s.bureau.as_ref().map_or(zone, LegalZone::of_bureau);
    let envelope = s
        .envelope
        .map(|n| format!("{}, ", (cat.envelope_number)(n)))
        .unwrap_or_default();
    match &s.note {
        Some(note) => format!(
            "{} ({envelope}{}, {})",
            s.observer_name,
            time(s.at, zone, cat),
            (cat.quote)(note)
        ),
        None => format!("{} ({envelope}{})", s.observer_name, time(s.at, zone, cat)),
    }
}

/// Observers of a list of sightings, once each, with the time they first saw it (at most
/// [`LIST_MAX`], then how many more).
fn who(sightings: &[Sighting], zone: LegalZone, cat: &Catalog) -> String {
    let mut seen = std::collections::BTreeSet::new();
    capped(
        sightings
            .iter()
            .filter(|s| seen.insert((s.observer, s.envelope)))
            .map(|s| sighting(s, zone, cat))
            .collect::<Vec<_>>()
            .into_iter(),
    )
}

/// One observer's period of absence from a table: `absent de 2017-06-11 15:00 UTC à au moins
/// 2017-06-11 15:40 UTC (Alice, « épuisés »), présent de nouveau à 2017-06-11 16:00 UTC`.
fn absence_period(p: &AbsencePeriod, zone: LegalZone, cat: &Catalog) -> String {
    let notes: String = p
        .sightings
        .iter()
        .filter_map(|s| s.note.as_ref())
        .map(|n| format!(", {}", (cat.quote)(n)))
        .collect();
    // The period's day once, then its times of day ("le 11 juin 2017 de 15 h 00 à au moins
    // 15 h 40"); a time on another day gives its date too.
    let day = zone.local(p.from).date();
    let when = |t: DateTime<Utc>| {
        let local = zone.local(t);
        let clock = cat.clock(local);
        if local.date() == day {
            clock
        } else {
            format!("{}, {clock}", (cat.pv.date)(local.date()))
        }
    };
    let back = p.present_again.as_ref().map_or_else(String::new, |s| {
        Message::new("period-present-again")
            .arg("at", when(s.at))
            .render(cat.lang)
    });
    let minute = |t: DateTime<Utc>| t.timestamp().div_euclid(60);
    Message::new("period-absent")
        .arg("single", minute(p.from) == minute(p.until))
        .arg("day", (cat.pv.date)(day))
        .arg("from", when(p.from))
        .arg("until", when(p.until))
        .arg("zone", cat.zone_suffix(zone))
        .arg("observer", p.observer_name.as_str())
        .arg("notes", notes)
        .arg("back", back)
        .render(cat.lang)
}

/// Every period of absence of one ballot from one table, joined as clauses.
fn absence_periods(periods: &[AbsencePeriod], zone: LegalZone, cat: &Catalog) -> String {
    periods
        .iter()
        .map(|p| absence_period(p, zone, cat))
        .collect::<Vec<_>>()
        .join(cat.clause_sep)
}

/// `obs1 : présent (2017-06-11 08:00 UTC) ; obs2 : absent (…)`.
fn views(sightings: &[Sighting], zone: LegalZone, cat: &Catalog) -> String {
    sightings
        .iter()
        .map(|s| {
            format!(
                "{}{}{}",
                s.observer_name,
                cat.list_sep,
                sighting_mark(s, zone, cat)
            )
        })
        .collect::<Vec<_>>()
        .join(cat.clause_sep)
}

fn sighting_mark(s: &Sighting, zone: LegalZone, cat: &Catalog) -> String {
    let zone = s.bureau.as_ref().map_or(zone, LegalZone::of_bureau);
    match &s.note {
        Some(note) => format!(
            "{} ({}, {})",
            cat.mark(s.mark),
            time(s.at, zone, cat),
            (cat.quote)(note)
        ),
        None => format!("{} ({})", cat.mark(s.mark), time(s.at, zone, cat)),
    }
}

fn household(h: &HouseholdSighting, zone: LegalZone, cat: &Catalog) -> String {
    // In the zone of the household's bureau when the envelope record names it.
    let zone = h.bureau.as_ref().map_or(zone, LegalZone::of_bureau);
    let day = h
        .received_on
        .map(|d| format!(", {}", (cat.received_on)(&(cat.pv.date)(d), h.received)))
        .unwrap_or_default();
    let note = h
        .note
        .as_ref()
        .map(|n| format!(", {}", (cat.quote)(n)))
        .unwrap_or_default();
    format!(
        "{} ({}{}{}{day}{note})",
        h.observer_name,
        time(h.at, zone, cat),
        cat.list_sep,
        (cat.detail_household)(h.voters, h.received)
    )
}

fn non_receipt(n: &NonReceiptSighting, _zone: LegalZone, cat: &Catalog) -> String {
    let zone = LegalZone::of_bureau(&n.bureau);
    format!(
        "{} ({}, {} {})",
        n.observer_name,
        time(n.at, zone, cat),
        cat.bureau.to_lowercase(),
        n.bureau
    )
}

/// ` (75 %)`, or nothing when the rate has no total.
fn percent(rate: &Rate, cat: &Catalog) -> String {
    rate.percent
        .map(|p| format!(" ({})", (cat.percent)(p)))
        .unwrap_or_default()
}

/// The interval, or why there is none.
fn interval(rate: &Rate, cat: &Catalog) -> String {
    match rate.interval {
        Some(i) => (cat.interval)(
            &(cat.percent)(i.low * 100.0),
            &(cat.percent)(i.high * 100.0),
        ),
        None => (cat.interval_too_few)(MIN_HOUSEHOLDS),
    }
}

/// `3 manquantes sur 4 (75 %) ; 1 foyer observé ; pas d'intervalle …`.
fn shortfall_sentence(rate: &Rate, cat: &Catalog) -> String {
    let sep = cat.clause_sep;
    format!(
        "{}{sep}{}{sep}{}",
        (cat.rate_missing)(rate.count, rate.total, &percent(rate, cat)),
        (cat.households_observed)(rate.households),
        interval(rate, cat)
    )
}

/// `1 sur 4 électeurs des foyers observés (25 %)`, with its interval when there is one (when
/// there is none, the shortfall beside it already says why).
fn non_receipt_sentence(rate: &Rate, cat: &Catalog) -> String {
    let mut s = (cat.rate_non_receipts)(rate.count, rate.total, &percent(rate, cat));
    if rate.interval.is_some() {
        s.push_str(cat.clause_sep);
        s.push_str(&interval(rate, cat));
    }
    s
}

/// At most [`LIST_MAX`] items joined with commas, then how many more.
fn capped(items: impl ExactSizeIterator<Item = String>) -> String {
    let n = items.len();
    let mut s = items.take(LIST_MAX).collect::<Vec<_>>().join(", ");
    if n > LIST_MAX {
        s.push_str(&format!(", … (+{})", n - LIST_MAX));
    }
    s
}

/// How many households or non-receipts a detail line names before counting the rest.
const LIST_MAX: usize = 20;

/// A titled list of detailed findings.
struct Section {
    title: String,
    lines: Vec<String>,
    /// The index in the record's details of each line's finding.
    details: Vec<usize>,
    /// Its kind, as a CSS class of the HTML report (`not-supplied`, `distribution`…).
    kind: &'static str,
}

/// The kinds of [`detail_sections`], in order.
const SECTION_KINDS: [&str; 6] = [
    "not-supplied",
    "distribution",
    "bureau",
    "disagreements",
    "households",
    "to-check",
];

/// The detailed findings of a record, by section (empty sections left out), titled by the
/// election kind's rules.
fn detail_sections(record: &CircRecord, law: &Law, cat: &Catalog) -> Vec<Section> {
    let zone = LegalZone::of_circonscription(&record.circonscription.code);
    let not_supplied_everywhere: std::collections::BTreeSet<Panel> = record
        .details
        .iter()
        .filter_map(|d| match d {
            Detail::NotSupplied {
                candidate, items, ..
            } if items.len() == 2 => Some(candidate.panel),
            _ => None,
        })
        .collect();
    let due = !law.may_not_supply;
    let mut sections = [
        (
            Message::new("details-not-supplied")
                .arg("due", due)
                .arg(
                    "cite",
                    cited(
                        if due {
                            law.mailing.cite
                        } else {
                            law.not_supplied_cite
                        },
                        cat,
                    ),
                )
                .render(cat.lang),
            Vec::new(),
        ),
        (
            Message::new("details-distribution")
                .arg("due", due)
                .arg("cite", cited(law.mailing.cite, cat))
                .arg("partial", cited(law.not_supplied_cite, cat))
                .render(cat.lang),
            Vec::new(),
        ),
        (
            Message::new("details-bureau")
                .arg("cite", cited(law.table_cite, cat))
                .render(cat.lang),
            Vec::new(),
        ),
        (cat.details_disagreements.to_owned(), Vec::new()),
        (
            // At the municipales nothing is mailed below 2,500 inhabitants (L.241): the
            // section says so, since constat does not know the commune's population.
            Message::new("details-households")
                .arg("threshold", law.mailing.min_inhabitants.is_some())
                .arg(
                    "inhabitants",
                    law.mailing
                        .min_inhabitants
                        .map(|n| pv::thousands(n, cat.lang))
                        .unwrap_or_default(),
                )
                .arg("cite", cited(law.mailing.min_inhabitants_cite, cat))
                .render(cat.lang),
            Vec::new(),
        ),
        (cat.details_to_check.to_owned(), Vec::new()),
    ];
    let mut details: [Vec<usize>; 6] = Default::default();
    for (n, d) in record.details.iter().enumerate() {
        let (i, line) = match d {
            Detail::NotSupplied {
                candidate,
                items,
                envelopes,
                observations,
            } => (
                0,
                format!(
                    "{}{}{}",
                    candidate_name(candidate),
                    cat.list_sep,
                    (cat.detail_not_supplied)(
                        &not_supplied_items(items, law, cat),
                        *envelopes,
                        &who(observations, zone, cat)
                    )
                ),
            ),
            Detail::DistributionFailure {
                candidate,
                item,
                absent,
                present,
                observations,
            } => (
                1,
                format!(
                    "{}{}{}",
                    candidate_name(candidate),
                    cat.list_sep,
                    cat.detail_distribution(
                        *item,
                        *absent,
                        absent + present,
                        &who(observations, zone, cat),
                        *present
                    )
                ),
            ),
            Detail::AbsentFromTable {
                bureau,
                candidate,
                periods,
            } => {
                let mut line = (cat.detail_bureau)(
                    bureau.as_str(),
                    &candidate_name(candidate),
                    // A bureau's times in its own zone, as its PV says them.
                    &absence_periods(periods, LegalZone::of_bureau(bureau), cat),
                );
                // Only where candidates deposit ballots themselves (not the présidentielle).
                if law.table == TableSupply::CandidatesAndMayor
                    && not_supplied_everywhere.contains(&candidate.panel)
                {
                    line.push_str(
                        &Message::new("detail-bureau-not-supplied")
                            .arg("cite", cited(law.table_cite, cat))
                            .render(cat.lang),
                    );
                }
                (2, line)
            }
            Detail::Disagreement {
                bureau,
                candidate,
                observations,
                ..
            } => (
                3,
                (cat.detail_disagreement)(
                    bureau.as_str(),
                    &candidate_name(candidate),
                    &views(observations, LegalZone::of_bureau(bureau), cat),
                ),
            ),
            Detail::Shortfall {
                rate, observations, ..
            } => (
                4,
                format!(
                    "{}{}{}{}{}{}{}{}{}",
                    cat.detail_shortfall_title,
                    cat.list_sep,
                    (cat.rate_missing)(rate.count, rate.total, &percent(rate, cat)),
                    cat.clause_sep,
                    (cat.households_observed)(rate.households),
                    cat.list_sep,
                    capped(observations.iter().map(|h| household(h, zone, cat))),
                    cat.clause_sep,
                    interval(rate, cat)
                ),
            ),
            Detail::NonReceipts {
                count,
                in_shortfall,
                rate,
                observations,
            } => {
                let mut line = format!(
                    "{}{}{}",
                    (cat.detail_non_receipts)(*count),
                    cat.list_sep,
                    capped(observations.iter().map(|n| non_receipt(
                        n,
                        LegalZone::of_bureau(&n.bureau),
                        cat
                    )))
                );
                if let Some(rate) = rate {
                    line.push_str(cat.clause_sep);
                    line.push_str(&non_receipt_sentence(rate, cat));
                }
                if *in_shortfall > 0 {
                    line.push_str(cat.clause_sep);
                    line.push_str(
                        &Message::new("detail-non-receipts-in-shortfall")
                            .arg("count", *in_shortfall)
                            .render(cat.lang),
                    );
                }
                (4, line)
            }
            Detail::MachinesDisputed { bureau, statements } => {
                let zone = LegalZone::of_bureau(bureau);
                let views: Vec<String> = statements
                    .iter()
                    .map(|m| {
                        Message::new(if m.machines {
                            "machines-statement-yes"
                        } else {
                            "machines-statement-no"
                        })
                        .arg("who", m.observer_name.as_str())
                        .arg("at", time(m.at, zone, cat))
                        .render(cat.lang)
                    })
                    .collect();
                (
                    3,
                    Message::new("detail-machines-disputed")
                        .arg("bureau", bureau.as_str())
                        .arg("views", views.join(cat.clause_sep))
                        .render(cat.lang),
                )
            }
            Detail::SeenAfterPolls {
                count,
                observations,
            } => {
                let list = capped(observations.iter().map(|l| {
                    let zone = LegalZone::of_place(&record.circonscription.code, l.bureau.as_ref());
                    Message::new("late-sighting")
                        .arg("panel", l.panel.get())
                        .arg("item", cat.column(l.item, true))
                        .arg("who", sighting(&l.sighting, zone, cat))
                        .render(cat.lang)
                }));
                (
                    5,
                    Message::new("detail-seen-after-polls")
                        .arg("count", *count)
                        .arg("cite", cited(crate::domain::law::POLLS_CLOSE, cat))
                        .arg("list", list)
                        .render(cat.lang),
                )
            }
            Detail::ReceivedAfterElection {
                election_day,
                observations,
            } => (
                5,
                Message::new("detail-received-after-election")
                    .arg("day", (cat.pv.date)(*election_day))
                    .arg(
                        "list",
                        capped(observations.iter().map(|h| household(h, zone, cat))),
                    )
                    .render(cat.lang),
            ),
        };
        sections[i].1.push(line);
        details[i].push(n);
    }
    sections
        .into_iter()
        .zip(details)
        .zip(SECTION_KINDS)
        .filter(|(((_, lines), _), _)| !lines.is_empty())
        .map(|(((title, lines), details), kind)| Section {
            title,
            lines,
            details,
            kind,
        })
        .collect()
}

/// One line per département: its missing envelopes and non-receipts, with counts and intervals.
fn departement_lines(rates: &[DepartementRates], cat: &Catalog) -> Vec<String> {
    let sep = cat.clause_sep;
    rates
        .iter()
        .map(|d| {
            let mut line = format!(
                "{}{}{}{}{}",
                (cat.departement_line)(&d.departement, d.circonscriptions),
                cat.list_sep,
                cat.missing_short,
                cat.list_sep,
                shortfall_sentence(&d.shortfall, cat)
            );
            line.push_str(sep);
            line.push_str(cat.non_receipts_short);
            line.push_str(cat.list_sep);
            match &d.non_receipt_rate {
                Some(rate) => line.push_str(&non_receipt_sentence(rate, cat)),
                None => line.push_str(&d.non_receipts.to_string()),
            }
            line
        })
        .collect()
}

/// The last line of every printed report: the evidence digest, or that there is none yet.
fn digest_line(report: &Report<'_>, cat: &Catalog) -> String {
    match &report.digest {
        Some(d) => (cat.digest_some)(d),
        None => cat.digest_none.to_owned(),
    }
}

/// The share of present observations of a column, for charts (None when nobody looked).
fn presence_share(tally: crate::domain::record::Tally) -> Option<f64> {
    let total = tally.present + tally.absent;
    (total > 0).then(|| f64::from(tally.present) / f64::from(total))
}

#[cfg(test)]
mod tests;
