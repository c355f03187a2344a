//! `constat pv`: the réclamation a citizen copies by hand into a bureau's procès-verbal, its
//! annex (the full facts and the evidence digest), and the election kind's remedy (`--appeal`):
//! a requête to the Conseil constitutionnel (législatives) or the Conseil d'État (européennes,
//! régionales), a protestation at the tribunal administratif (municipales, départementales), or,
//! for the présidentielle, which has no requête, the note on the réclamation and the 48-hour
//! referral. Every article, judge, deadline and place comes from [`Law::of`].
//!
//! Pure: the caller gives the record, the bureau, the signer and the digest; times are the
//! bureau's legal local time.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};

use chrono::{DateTime, NaiveDate, Utc};

use super::html_photos::Held;
use super::{missing_from_envelope, title, who};
use crate::domain::appeal::{Qualite, deadline};
use crate::domain::findings::{AbsencePeriod, Detail, EnvelopeCause, Sighting};
use crate::domain::law::{
    Citation, Filer, Hour, Judge, Law, LegalText, Place, RECLAMATION, Remedy,
};
use crate::domain::legal_time::LegalZone;
use crate::domain::record::{EnvelopeGap, Finding};
use crate::domain::state::{PhotoFact, RecordState};
use crate::domain::{
    Bureau, BureauCode, Candidate, CircRecord, Election, EventId, Item, Mark, ObserverId, Panel,
    PhotoSubject,
};
use crate::i18n::{Catalog, Lang, Message};

/// What the réclamation is made of.
pub struct Pv<'a> {
    /// The election.
    pub election: &'a Election,
    /// The record of the bureau's circonscription, built with observer names.
    pub record: &'a CircRecord,
    /// The bureau whose procès-verbal receives it.
    pub bureau: &'a Bureau,
    /// Candidates whose ballot was checked (present or absent) at this bureau, see
    /// [`checked_at_bureau`]. Not printed: a réclamation states no non-grievance ("22 checked,
    /// none missing"; law.md §3a).
    pub checked: usize,
    /// The voters' names of the non-receipts, by event. Not printed: a réclamation names no
    /// third party (law.md §3a), who signs their own.
    pub voters: &'a BTreeMap<EventId, String>,
    /// Who signs: the database's observer.
    pub signer: &'a str,
    /// The evidence digest (`Store::chain_digest`).
    pub digest: Option<&'a str>,
    /// The signer's chain reference (`Store::chain_reference_of`): their key's fingerprint,
    /// printed beside the digest so that a copy written by hand pins the key.
    pub reference: Option<&'a crate::domain::fingerprint::ChainReference>,
    /// With `--appeal`: the day the results were proclaimed.
    pub appeal: Option<NaiveDate>,
}

/// Who signs the réclamation or the remedy, and in what capacity.
#[derive(Debug, Clone, Copy)]
pub struct Signer<'a> {
    /// Their name.
    pub name: &'a str,
    /// Their observer id: the réclamation states their own observations only.
    pub observer: ObserverId,
    /// Their qualité, when given (`None`: a blank to fill in).
    pub qualite: Option<&'a Qualite>,
    /// An observatrice (`Some(true)`: « Je soussignée »), an observateur (`Some(false)`), or
    /// not said (« Je soussigné(e) »).
    pub feminine: Option<bool>,
}

/// What a remedy needs beyond the réclamation.
#[derive(Debug, Clone, Copy, Default)]
pub struct Appeal<'a> {
    /// The day the results were proclaimed (where the deadline counts from it).
    pub proclamation: Option<NaiveDate>,
    /// The vote margin that decided the election, when known (votes).
    pub margin: Option<u32>,
    /// The person (or list) elected, when given.
    pub elected: Option<&'a str>,
}

/// The voters' names of a circonscription's live non-receipts, by event (for [`Pv::voters`]).
pub fn voters_of(state: &RecordState, record: &CircRecord) -> BTreeMap<EventId, String> {
    state
        .non_receipts_of(&record.circonscription.code)
        .filter_map(|f| f.voter.clone().map(|v| (f.event, v)))
        .collect()
}

/// How many candidates' ballots were checked (present or absent) at `bureau` by anyone.
pub fn checked_at_bureau(state: &RecordState, record: &CircRecord, bureau: &Bureau) -> usize {
    let panels: BTreeSet<Panel> = state
        .cells_of(&record.circonscription.code)
        .filter(|(k, o)| {
            k.item == Item::Bureau && k.bureau == Some(&bureau.code) && o.mark != Mark::Unchecked
        })
        .map(|(k, _)| k.panel)
        .collect();
    panels.len()
}

/// Whether `observer` observed `bureau`: a check of its table, or a non-receipt of one of its
/// voters. A réclamation is signed only by someone who was there (law.md §3a: refuse other
/// bureaux).
pub fn observed_bureau(
    state: &RecordState,
    record: &CircRecord,
    bureau: &Bureau,
    observer: ObserverId,
) -> bool {
    let circ = &record.circonscription.code;
    state.cells_of(circ).any(|(k, o)| {
        // The table, or the signer's own envelope when its tick names this bureau as theirs.
        k.bureau.or(o.bureau.as_ref()) == Some(&bureau.code)
            && o.observer == observer
            && o.mark != Mark::Unchecked
    }) || state
        .envelopes_of(circ)
        .any(|f| f.bureau.as_ref() == Some(&bureau.code) && f.observer == observer)
        || state
            .non_receipts_of(circ)
            .any(|f| f.bureau == bureau.code && f.observer == observer)
}

/// Articles as cited in a sentence: `article R.52 du code électoral`, `articles R.34 et R.38 du
/// code électoral, article 33 de l'ordonnance n° 58-1067 …` (consecutive articles of the same
/// text are grouped).
pub fn cite(list: &[Citation], lang: Lang) -> String {
    let mut groups: Vec<(LegalText, Vec<&'static str>)> = Vec::new();
    for c in list {
        match groups.last_mut() {
            Some((text, articles)) if *text == c.text => articles.push(c.article),
            _ => groups.push((c.text, vec![c.article])),
        }
    }
    let and = Message::new("law-and").render(lang);
    groups
        .into_iter()
        .map(|(text, articles)| {
            let count = articles.len();
            let joined = match articles.split_last() {
                Some((last, [])) => (*last).to_owned(),
                Some((last, rest)) => format!("{}{and}{last}", rest.join(", ")),
                None => String::new(),
            };
            let id = match (text, joined.is_empty()) {
                (_, true) => Message::new("law-text"),
                (LegalText::CodeElectoral, false) => Message::new("law-cite-code"),
                (LegalText::Ordonnance58_1067, false) => Message::new("law-cite-ordonnance"),
                (LegalText::Decret2001_213, false) => Message::new("law-cite-decret"),
                (LegalText::Loi77_729, false) => Message::new("law-cite-loi"),
                (LegalText::Constitution, false) => Message::new("law-cite-constitution"),
            };
            id.arg("text", text.slug())
                .arg("number", text.number())
                .arg("articles", joined)
                .arg("count", count)
                .render(lang)
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn place(p: Place, lang: Lang) -> String {
    match p {
        Place::ConseilConstitutionnel => Message::new("law-place-cc"),
        Place::Prefecture => Message::new("law-place-prefecture"),
        Place::PrefectureOrSousPrefecture => Message::new("law-place-sous-prefecture"),
        Place::ConseilEtatOnly => Message::new("law-place-ce-only"),
        Place::ConseilEtat => Message::new("law-place-ce"),
        Place::TribunalAdministratif => Message::new("law-place-ta"),
        Place::BureauPv => Message::new("law-place-pv"),
    }
    .render(lang)
}

fn filer(f: Filer, lang: Lang) -> String {
    match f {
        Filer::VotersOfCirconscription => Message::new("law-filer-circonscription"),
        Filer::AnyVoter => Message::new("law-filer-any-voter"),
        Filer::VotersInThePv => Message::new("law-filer-pv"),
        Filer::VotersAndEligiblesOfCommune => Message::new("law-filer-commune"),
        Filer::VotersOfCantonAndBinomes => Message::new("law-filer-canton"),
        Filer::VotersOfRegion => Message::new("law-filer-region"),
        Filer::Candidates => Message::new("law-filer-candidates"),
        Filer::Prefet => Message::new("law-filer-prefet"),
    }
    .render(lang)
}

/// Words joined as a list: `a, b et c` (`a, b or c` with `or`).
fn listed(words: &[String], or: bool, lang: Lang) -> String {
    let sep = if or {
        Message::new("law-or").render(lang)
    } else {
        Message::new("law-and").render(lang)
    };
    match words.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{}{sep}{last}", rest.join(", ")),
        None => String::new(),
    }
}

/// `2 500` in French, `2,500` in English.
pub(super) fn thousands(n: u32, lang: Lang) -> String {
    let sep = if lang == Lang::Fr { ' ' } else { ',' };
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// The chain digest as a short checkable reference: its first 16 hex digits by groups of 4
/// (`5f1c 0e8a 9b7d 6c5e`).
pub fn short_reference(digest: &str) -> String {
    let head: Vec<char> = digest.chars().take(16).collect();
    head.chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The bureau's number within its commune (`0911` of `75056_0911`).
fn bureau_number(b: &Bureau) -> &str {
    b.code
        .as_str()
        .split_once('_')
        .map_or(b.code.as_str(), |(_, n)| n)
}

/// The département of a bureau's commune (`75`, `2A`, `971`), for the Saturday vote.
fn departement(b: &Bureau) -> &str {
    b.code.departement()
}

/// The bureau's own day of the vote: the election's, a day earlier where the kind votes on
/// Saturday (law.md §4.6). The rule is the law table's ([`Law::vote_day_at`]), which the
/// findings' "Dates à vérifier" use too.
pub fn vote_day(election: &Election, bureau: &Bureau) -> Option<NaiveDate> {
    let law = Law::of(election.kind);
    election.date.map(|d| match &bureau.circonscription {
        Some(circ) => law.vote_day_at(d, circ, Some(&bureau.code)),
        None => law.vote_day(d, departement(bureau)),
    })
}

/// `le 11 juin 2017 à 7 h 47` in the bureau's legal time.
fn at(t: DateTime<Utc>, zone: LegalZone, cat: &Catalog) -> String {
    let local = zone.local(t);
    Message::new("pv-at")
        .arg("day", (cat.pv.date)(local.date()))
        .arg("clock", cat.clock(local))
        .arg("zone", cat.zone_suffix(zone))
        .render(cat.lang)
}

/// `n° 5 LE PEN Marine`.
fn short_name(c: &Candidate) -> String {
    format!("n° {} {}", c.panel, c.display_name())
}

/// The signer's qualité. An électeur is registered where their household is (`home`, from
/// their own envelope and non-receipt records), never at the PV's bureau by default: unknown,
/// the number is a blank to fill in.
fn qualite(
    q: Option<&Qualite>,
    home: Option<&Bureau>,
    feminine: Option<bool>,
    lang: Lang,
) -> String {
    let feminine = feminine.map_or("unsaid", |f| if f { "yes" } else { "no" });
    match (q, home) {
        (Some(Qualite::Electeur), Some(b)) if b.commune.is_empty() => {
            Message::new("pv-qualite-electeur-here").arg("number", bureau_number(b))
        }
        (Some(Qualite::Electeur), Some(b)) => {
            commune_args(Message::new("pv-qualite-electeur"), &b.commune)
                .arg("number", bureau_number(b))
        }
        (Some(Qualite::Electeur), None) => Message::new("pv-qualite-electeur-unknown"),
        (Some(Qualite::Delegue(of)), _) => {
            Message::new("pv-qualite-delegue").arg("of", of.as_str())
        }
        (Some(Qualite::Candidat), _) => Message::new("pv-qualite-candidat"),
        (None, _) => Message::new("pv-qualite-blank"),
    }
    .arg("feminine", feminine)
    .render(lang)
}

/// The bureau where `me`'s household is registered, as their own records name it: their own
/// non-receipt, their envelope count, or the bureau given with their envelope ticks. `None`
/// when no record of theirs names one.
pub fn home_bureau(record: &CircRecord, me: ObserverId) -> Option<BureauCode> {
    let mut from_ticks = None;
    let mut from_count = None;
    for d in &record.details {
        match d {
            Detail::NonReceipts { observations, .. } => {
                if let Some(n) = observations
                    .iter()
                    .find(|n| n.observer == me && n.own_household)
                {
                    return Some(n.bureau.clone());
                }
            }
            Detail::Shortfall { observations, .. } => {
                from_count = from_count.or_else(|| {
                    observations
                        .iter()
                        .filter(|h| h.observer == me)
                        .find_map(|h| h.bureau.clone())
                });
            }
            Detail::NotSupplied { observations, .. }
            | Detail::DistributionFailure { observations, .. } => {
                from_ticks = from_ticks.or_else(|| {
                    observations
                        .iter()
                        .filter(|s| s.observer == me)
                        .find_map(|s| s.bureau.clone())
                });
            }
            _ => {}
        }
    }
    from_count.or(from_ticks)
}

/// The bureau `code` as the record knows it (with its commune), else its code alone.
fn known_bureau(pv: &Pv<'_>, code: &BureauCode) -> Bureau {
    if &pv.bureau.code == code {
        return pv.bureau.clone();
    }
    pv.record
        .bureaux
        .iter()
        .find(|b| &b.code == code)
        .cloned()
        .unwrap_or_else(|| Bureau {
            code: code.clone(),
            circonscription: None,
            label: code.to_string(),
            address: String::new(),
            commune: String::new(),
            voting_machines: false,
        })
}

/// The signer's qualité as the réclamation writes it, with their registration bureau.
fn signer_qualite(pv: &Pv<'_>, signer: &Signer<'_>, lang: Lang) -> String {
    let home = home_bureau(pv.record, signer.observer).map(|h| known_bureau(pv, &h));
    qualite(signer.qualite, home.as_ref(), signer.feminine, lang)
}

/// One of the signer's own periods of absence of a ballot from the table. `contradicted`: another
/// observer saw the ballot present between its first and last sightings, so the signer states
/// the moments they saw it missing ("à 15 h 00 et à 15 h 30"), not a continuous absence ("de
/// 15 h 00 à au moins 15 h 30").
fn own_period(p: &AbsencePeriod, contradicted: bool, zone: LegalZone, cat: &Catalog) -> String {
    let day = zone.local(p.from).date();
    let clock = |t: DateTime<Utc>| {
        let local = zone.local(t);
        if local.date() == day {
            cat.clock(local)
        } else {
            format!("{}, {}", (cat.pv.date)(local.date()), cat.clock(local))
        }
    };
    let minute = |t: DateTime<Utc>| t.timestamp().div_euclid(60);
    let back = p.present_again.as_ref().map_or_else(String::new, |s| {
        Message::new("period-present-again")
            .arg("at", clock(s.at))
            .render(cat.lang)
    });
    let and = Message::new("law-and").render(cat.lang);
    let times: Vec<String> = p.sightings.iter().map(|s| clock(s.at)).collect();
    let times = match times.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{}{and}{last}", rest.join(", ")),
        _ => times.join(""),
    };
    let single = if minute(p.from) == minute(p.until) {
        "yes"
    } else if contradicted {
        "seen"
    } else {
        "no"
    };
    Message::new("pv-own-period")
        .arg("single", single)
        .arg("times", times)
        .arg("day", (cat.pv.date)(day))
        .arg("from", clock(p.from))
        .arg("until", clock(p.until))
        .arg("zone", cat.zone_suffix(zone))
        .arg("back", back)
        .render(cat.lang)
}

/// Whether `at` is after the polls closed (20 h local at the latest) on the bureau's own vote
/// day: such a moment cannot be a fact of the election day as the observer says it (a record
/// typed later without `--seen-at`, a typing mistake). The réclamation leaves it out; the annex
/// lists it apart, flagged (docs/findings.md, "Dates à vérifier").
fn after_close(pv: &Pv<'_>, at: DateTime<Utc>) -> bool {
    let zone = LegalZone::of_bureau(&pv.bureau.code);
    vote_day(pv.election, pv.bureau)
        .is_some_and(|day| crate::domain::timing::after_polls(at, day, zone))
}

/// Envelopes said to have arrived after the bureau's own vote day.
fn arrived_late(pv: &Pv<'_>, h: &crate::domain::findings::HouseholdSighting) -> bool {
    after_close(pv, h.at)
        || h.received_on
            .zip(vote_day(pv.election, pv.bureau))
            .is_some_and(|(on, day)| on > day)
}

/// A period of absence restricted to its sightings before the close (`None` when none is):
/// what the réclamation may state.
fn before_close(pv: &Pv<'_>, p: &AbsencePeriod) -> Option<AbsencePeriod> {
    restricted(pv, p, false)
}

/// A period of absence restricted to its sightings after the close (`None` when none is): what
/// the annex lists apart, flagged, as "Dates à vérifier".
fn after_close_part(pv: &Pv<'_>, p: &AbsencePeriod) -> Option<AbsencePeriod> {
    restricted(pv, p, true)
}

/// A period of absence restricted to its sightings on one side of the close.
fn restricted(pv: &Pv<'_>, p: &AbsencePeriod, after: bool) -> Option<AbsencePeriod> {
    let kept: Vec<Sighting> = p
        .sightings
        .iter()
        .filter(|s| after_close(pv, s.at) == after)
        .cloned()
        .collect();
    let from = kept.iter().map(|s| s.at).min()?;
    let until = kept.iter().map(|s| s.at).max()?;
    Some(AbsencePeriod {
        from,
        until,
        present_again: p
            .present_again
            .clone()
            .filter(|s| after_close(pv, s.at) == after),
        sightings: kept,
        ..p.clone()
    })
}

fn items_text(items: &[Item], law: &Law, lang: Lang) -> String {
    let foi = items.contains(&Item::Foi);
    let courrier = items.contains(&Item::Courrier);
    // The présidentielle's envelope holds the candidate's déclaration (law.md §1a).
    let declaration = super::declaration(law);
    match (foi, courrier) {
        (true, true) if declaration => Message::new("not-supplied-both-declaration"),
        (true, false) if declaration => Message::new("not-supplied-foi-declaration"),
        (true, true) => Message::new("not-supplied-both"),
        (true, false) => Message::new("not-supplied-foi"),
        (false, true) => Message::new("not-supplied-courrier"),
        (false, false) => Message::new("pv-own-items-some"),
    }
    .render(lang)
}

/// One candidate's items absent from one of the signer's envelopes, and the first time.
type AbsentItems<'a> = (&'a Candidate, Vec<Item>, DateTime<Utc>);
/// Candidates with the same items absent from the same envelopes, and the first time.
type SameAbsence<'a> = (Vec<&'a Candidate>, DateTime<Utc>);
/// One candidate's items: the signer's envelopes without them, and the first time.
type EnvelopesWithout<'a> = (&'a Candidate, BTreeSet<u16>, DateTime<Utc>);

/// Whether `me`'s own current statement is that `bureau` votes on machines, where observers
/// disagree (the record's [`Detail::MachinesDisputed`]).
fn says_machines(record: &CircRecord, bureau: &BureauCode, me: ObserverId) -> bool {
    record.details.iter().any(|d| match d {
        Detail::MachinesDisputed {
            bureau: b,
            statements,
        } => b == bureau && statements.iter().any(|m| m.observer == me && m.machines),
        _ => false,
    })
}

/// The signer's own facts at this bureau and in their own household, in their words
/// ("j'ai constaté"), each with its local time: what goes into the réclamation.
pub fn own_facts(pv: &Pv<'_>, me: ObserverId, cat: &Catalog) -> Vec<String> {
    let law = Law::of(pv.election.kind);
    let code = &pv.bureau.code;
    let zone = LegalZone::of_bureau(code);
    let lang = cat.lang;
    let mut lines = Vec::new();
    // The signer's household facts belong in the PV of the bureau where the household is
    // registered only (the envelope record names it; issue 14 point 2).
    let at_home = home_bureau(pv.record, me).as_ref() == Some(code);
    // A réclamation "as X" states X's own observations only, machines flag included: when X said
    // the bureau votes on machines and another observer said not (a merged file), X's table
    // ticks are no grievance of X's (issue 13.3 b).
    let machines = pv.bureau.voting_machines || says_machines(pv.record, code, me);
    // The bureau's table (none in a bureau with voting machines: L.58 al. 2, law.md §2.5).
    if !machines {
        for d in &pv.record.details {
            if let Detail::AbsentFromTable {
                bureau,
                candidate,
                periods,
            } = d
                && bureau == code
            {
                // Another observer's sighting of the ballot present inside the period.
                let against: Vec<&Sighting> = pv
                    .record
                    .details
                    .iter()
                    .filter_map(|d| match d {
                        Detail::Disagreement {
                            bureau: b,
                            candidate: c,
                            observations,
                            ..
                        } if b == bureau && c.panel == candidate.panel => Some(observations),
                        _ => None,
                    })
                    .flatten()
                    .filter(|s| s.observer != me && s.mark == Mark::Present)
                    .collect();
                let mine: Vec<String> = periods
                    .iter()
                    .filter(|p| p.observer == me)
                    .filter_map(|p| before_close(pv, p))
                    .map(|p| {
                        let contradicted = against.iter().any(|s| p.from < s.at && s.at < p.until);
                        own_period(&p, contradicted, zone, cat)
                    })
                    .collect();
                if !mine.is_empty() {
                    lines.push(
                        Message::new("pv-own-absent")
                            .arg("candidate", short_name(candidate))
                            .arg("periods", mine.join(cat.clause_sep))
                            .render(lang),
                    );
                }
            }
        }
    }
    // The signer's envelope: what was absent from it. Where a candidate may lawfully not supply
    // (R.38, R.34 al. 6), absent from every envelope is no grievance by itself (law.md §2.1–2.2):
    // only what other envelopes held is written; at the présidentielle everything is due.
    // Per candidate and envelope: the items said absent, and the first time.
    let mut per: BTreeMap<(Panel, u16), AbsentItems<'_>> = BTreeMap::new();
    for d in pv.record.details.iter().filter(|_| at_home) {
        let (candidate, items, observations) = match d {
            Detail::NotSupplied { .. } if law.may_not_supply => continue,
            Detail::NotSupplied {
                candidate,
                items,
                observations,
                ..
            } => (candidate, items.clone(), observations),
            Detail::DistributionFailure {
                candidate,
                item,
                observations,
                ..
            } => (candidate, vec![*item], observations),
            _ => continue,
        };
        // The signer's absent sightings, per envelope: one per item of the detail (a sighting
        // does not name its item; when the signer saw fewer than the detail's items, which
        // ones is not known and the line says "documents were missing").
        let mut by_envelope: BTreeMap<u16, (usize, DateTime<Utc>)> = BTreeMap::new();
        for s in observations
            .iter()
            .filter(|s| s.observer == me && s.mark == Mark::Absent && !after_close(pv, s.at))
        {
            let e = by_envelope
                .entry(s.envelope.unwrap_or(1))
                .or_insert((0, s.at));
            e.0 += 1;
            e.1 = e.1.min(s.at);
        }
        for (envelope, (count, seen)) in by_envelope {
            let e = per
                .entry((candidate.panel, envelope))
                .or_insert_with(|| (candidate, Vec::new(), seen));
            if count >= items.len() {
                e.1.extend(items.iter().copied());
            } else {
                e.1.push(Item::Bureau);
            }
            e.2 = e.2.min(seen);
        }
    }
    // Per candidate and items: the signer's envelopes without them, and the first time.
    let mut by_candidate: BTreeMap<(Vec<Item>, Panel), EnvelopesWithout<'_>> = BTreeMap::new();
    for ((panel, envelope), (candidate, mut items, seen)) in per {
        // No ballot is mailed to the voters of a bureau with voting machines (R.34, last
        // paragraph; law.md §2.5): a missing ballot is no fact there, nor an unknown item.
        if machines {
            if items.contains(&Item::Bureau) {
                continue;
            }
            items.retain(|i| *i != Item::Courrier);
            if items.is_empty() {
                continue;
            }
        }
        // An unknown item (the signer saw fewer sightings than items) makes the line general.
        if items.contains(&Item::Bureau) {
            items.clear();
        }
        items.sort_by_key(|i| i.index());
        items.dedup();
        let entry = by_candidate
            .entry((items, panel))
            .or_insert_with(|| (candidate, BTreeSet::new(), seen));
        entry.1.insert(envelope);
        entry.2 = entry.2.min(seen);
    }
    // How many envelopes the signer's household received (their count at this bureau), at
    // least as many as they ticked: "absent from 1 of 2 envelopes" says what the other held.
    let ticked = by_candidate
        .values()
        .flat_map(|(_, envelopes, _)| envelopes.iter().copied())
        .max()
        .unwrap_or(1);
    let received = pv
        .record
        .details
        .iter()
        .filter(|_| at_home)
        .filter_map(|d| match d {
            Detail::Shortfall { observations, .. } => observations
                .iter()
                .filter(|h| h.observer == me)
                .max_by_key(|h| h.at)
                .map(|h| h.received),
            _ => None,
        })
        .next()
        .unwrap_or(0);
    let total = u32::from(ticked).max(received);
    // At the municipales nothing is mailed in communes under 2,500 inhabitants (L.241), which
    // constat cannot tell apart: a missing envelope is a grievance only where an envelope of
    // the signer's household did arrive (then the commune mails). The annex keeps the facts.
    let mails_here =
        law.mailing.min_inhabitants.is_none() || received > 0 || !by_candidate.is_empty();
    let mut absent: BTreeMap<(Vec<Item>, Vec<u16>), SameAbsence<'_>> = BTreeMap::new();
    for ((items, _), (candidate, envelopes, seen)) in by_candidate {
        let entry = absent
            .entry((items, envelopes.into_iter().collect()))
            .or_insert_with(|| (Vec::new(), seen));
        entry.0.push(candidate);
        entry.1 = entry.1.min(seen);
    }
    for ((items, envelopes), (candidates, seen)) in absent {
        let names = candidates
            .iter()
            .map(|c| short_name(c))
            .collect::<Vec<_>>()
            .join(", ");
        let message = if total <= 1 {
            Message::new("pv-own-envelope")
        } else {
            // Absent from some of the household's envelopes only: a possible distribution
            // failure, or a lawful partial supply (R.34 al. 6; law.md §2.1).
            let some = (envelopes.len() as u32) < total;
            Message::new("pv-own-envelopes")
                .arg("absent", envelopes.len())
                .arg("total", total)
                .arg(
                    "numbers",
                    envelopes
                        .iter()
                        .map(u16::to_string)
                        .collect::<Vec<_>>()
                        .join(", "),
                )
                .arg(
                    "partial",
                    if some && law.may_not_supply {
                        "yes"
                    } else {
                        "no"
                    },
                )
                .arg("cite", cite(crate::domain::law::PARTIAL_SUPPLY, lang))
        };
        lines.push(
            message
                .arg("items", items_text(&items, law, lang))
                .arg("candidates", names)
                .arg("at", at(seen, zone, cat))
                .render(lang),
        );
    }
    // The signer's own non-receipt at this bureau: of their own household, as the event says,
    // and naming no voter — a named voter of the household is not the signer, who may not say
    // "I received none" nor "mine" for them (issue 13 point 5; a third party signs their own
    // réclamation).
    let own_non_receipt = pv
        .record
        .details
        .iter()
        .filter(|_| at_home && mails_here)
        .find_map(|d| match d {
            Detail::NonReceipts { observations, .. } => observations.iter().find(|n| {
                &n.bureau == code
                    && n.observer == me
                    && n.own_household
                    && !pv.voters.contains_key(&n.event)
                    && !after_close(pv, n.at)
            }),
            _ => None,
        });
    // "I received no envelope" beside the same household's count of envelopes received cannot
    // both be true unless it is one of the missing ones: neither is asserted (the annex says it).
    let own_non_receipt = own_non_receipt.filter(|n| n.in_shortfall || received == 0);
    // Already one of the household's missing envelopes (law.md §2.10): said with the household.
    let counted = own_non_receipt.is_some_and(|n| n.in_shortfall);
    let mut household = false;
    for d in pv.record.details.iter().filter(|_| at_home && mails_here) {
        if let Detail::Shortfall { observations, .. } = d {
            for h in observations
                .iter()
                .filter(|h| h.observer == me && h.received < h.voters && !arrived_late(pv, h))
            {
                household = true;
                // One missing envelope counts once: the signer's own non-receipt is one of the
                // household's missing envelopes, not one more (law.md §2.10).
                lines.push(
                    Message::new("pv-own-household")
                        .arg("voters", h.voters)
                        .arg("received", h.received)
                        .arg("missing", h.voters - h.received)
                        .arg("mine", counted)
                        .arg("at", at(h.at, zone, cat))
                        .render(lang),
                );
            }
        }
    }
    if let Some(n) = own_non_receipt
        && !(counted && household)
    {
        lines.push(
            Message::new("pv-own-non-receipt")
                .arg("at", at(n.at, zone, cat))
                .render(lang),
        );
    }
    lines
}

/// The envelopes the observer's household count says arrived, when `n` (their own
/// non-receipt) is not one of its missing envelopes: "I received none" beside "2 received for 2"
/// (0 when there is no such contradiction).
fn contradicted_by_count(pv: &Pv<'_>, n: &crate::domain::findings::NonReceiptSighting) -> u32 {
    if !n.own_household || n.in_shortfall {
        return 0;
    }
    pv.record
        .details
        .iter()
        .filter_map(|d| match d {
            Detail::Shortfall { observations, .. } => observations
                .iter()
                .filter(|h| {
                    h.observer == n.observer && h.bureau.as_ref().is_none_or(|b| b == &n.bureau)
                })
                .max_by_key(|h| h.at)
                .map(|h| h.received),
            _ => None,
        })
        .next()
        .unwrap_or(0)
}

/// The facts of the bureau, then of the circonscription's envelopes, one sentence each: what
/// the annex prints (every observer's facts; no voter's name).
pub fn facts(pv: &Pv<'_>, cat: &Catalog) -> Facts {
    let t = &cat.pv;
    let law = Law::of(pv.election.kind);
    let code = &pv.bureau.code;
    // Times in the bureau's legal local time (law.md §2.8).
    let zone = LegalZone::of_bureau(code);
    // Irregularities only: no "nothing missing", no "22 checked" (law.md §3a: no non-grievances),
    // and nothing about what nobody observed (law.md §2.9). A bureau with voting machines has no
    // table: nothing to say about it.
    let mut at_bureau = Vec::new();
    let mut late = Vec::new();
    if !pv.bureau.voting_machines {
        for d in &pv.record.details {
            match d {
                Detail::AbsentFromTable {
                    bureau,
                    candidate,
                    periods,
                } if bureau == code => {
                    // Sightings after the close: listed apart, flagged, not as facts of the
                    // day, even within a period that began before it.
                    let on_time: Vec<AbsencePeriod> =
                        periods.iter().filter_map(|p| before_close(pv, p)).collect();
                    let after: Vec<AbsencePeriod> = periods
                        .iter()
                        .filter_map(|p| after_close_part(pv, p))
                        .collect();
                    if !on_time.is_empty() {
                        at_bureau.push((t.bureau_absent)(
                            &super::candidate_name(candidate),
                            &super::absence_periods(&on_time, zone, cat),
                        ));
                    }
                    if !after.is_empty() {
                        late.push((t.bureau_absent)(
                            &super::candidate_name(candidate),
                            &super::absence_periods(&after, zone, cat),
                        ));
                    }
                }
                Detail::Disagreement {
                    bureau,
                    candidate,
                    observations,
                    ..
                } if bureau == code => {
                    // A contradiction seen only after the close is no fact of the day either.
                    let line = (t.bureau_disagreement)(
                        &super::candidate_name(candidate),
                        &super::views(observations, zone, cat),
                    );
                    if observations.iter().all(|s| after_close(pv, s.at)) {
                        late.push(line);
                    } else {
                        at_bureau.push(line);
                    }
                }
                _ => {}
            }
        }
    }
    // The ballots seen present at this table after the close: not attested either, listed with
    // the rest (the absent ones are in their periods above).
    for d in pv
        .record
        .details
        .iter()
        .filter(|_| !pv.bureau.voting_machines)
    {
        if let Detail::SeenAfterPolls { observations, .. } = d {
            for l in observations.iter().filter(|l| {
                l.item == Item::Bureau
                    && l.bureau.as_ref() == Some(code)
                    && l.sighting.mark == Mark::Present
            }) {
                late.push(
                    Message::new("late-sighting")
                        .arg("panel", l.panel.get())
                        .arg("item", cat.column(l.item, true))
                        .arg(
                            "who",
                            format!(
                                "{}{}{}",
                                cat.mark(Mark::Present),
                                cat.list_sep,
                                super::sighting(&l.sighting, zone, cat)
                            ),
                        )
                        .render(cat.lang),
                );
            }
        }
    }
    // Whether anything below is an irregularity: where candidates may lawfully not supply, a
    // candidate's documents absent from every envelope alone makes no réclamation.
    let mut irregular = !at_bureau.is_empty();

    let mut envelopes = Vec::new();
    // Envelope sightings per candidate, to say who saw each group and when.
    let mut seen: BTreeMap<Panel, Vec<&Sighting>> = BTreeMap::new();
    for d in &pv.record.details {
        if let Detail::NotSupplied {
            candidate,
            observations,
            ..
        }
        | Detail::DistributionFailure {
            candidate,
            observations,
            ..
        } = d
        {
            seen.entry(candidate.panel)
                .or_default()
                .extend(observations.iter());
        }
    }
    // Candidates whose ballot was seen at a table of the circonscription after the close: the
    // envelope lines say nothing of their table (those sightings are in "Faits à vérifier").
    let late_at_table: BTreeSet<Panel> = pv
        .record
        .details
        .iter()
        .filter_map(|d| match d {
            Detail::SeenAfterPolls { observations, .. } => Some(observations),
            _ => None,
        })
        .flatten()
        .filter(|l| l.item == Item::Bureau)
        .map(|l| l.panel)
        .collect();
    for f in &pv.record.findings {
        if let Finding::MissingFromEnvelope {
            gap,
            at_bureau,
            cause,
            candidates,
        } = f
        {
            irregular |= *cause == EnvelopeCause::DistributionFailure || !law.may_not_supply;
            let mut sightings: Vec<Sighting> = candidates
                .iter()
                .flat_map(|c| seen.get(&c.panel).into_iter().flatten())
                .map(|s| (*s).clone())
                .collect();
            sightings.sort_by_key(|s| (s.at, s.observer));
            // The table's mark is attested only when none of it was seen after the close.
            let table = Some(*at_bureau)
                .filter(|_| !candidates.iter().any(|c| late_at_table.contains(&c.panel)));
            let mut line = if law.may_not_supply {
                missing_from_envelope(*gap, table, *cause, candidates, law, cat)
            } else {
                due_everywhere(*gap, candidates, law, cat)
            };
            if !sightings.is_empty() {
                line.push_str(&(t.seen_by)(&who(&sightings, zone, cat)));
            }
            envelopes.push(line);
        }
    }
    for d in &pv.record.details {
        if let Detail::Shortfall {
            rate, observations, ..
        } = d
        {
            // Households that received every envelope are no grievance.
            if rate.count == 0 {
                continue;
            }
            // Counted after the close, or envelopes said to arrive after the vote: flagged apart.
            for h in observations
                .iter()
                .filter(|h| h.received < h.voters && arrived_late(pv, h))
            {
                let zone = h.bureau.as_ref().map_or(zone, LegalZone::of_bureau);
                let mut by = format!(
                    "{} ({}{}",
                    h.observer_name,
                    super::time(h.at, zone, cat),
                    other_bureau(h, code, cat)
                );
                if let Some(on) = h.received_on {
                    by.push_str(&format!(
                        ", {}",
                        (cat.received_on)(&(cat.pv.date)(on), h.received)
                    ));
                }
                by.push(')');
                late.push((t.household)(h.voters, h.received, &by));
            }
            let observations: Vec<_> = observations
                .iter()
                .filter(|h| !(h.received < h.voters && arrived_late(pv, h)))
                .cloned()
                .collect();
            if !observations.iter().any(|h| h.received < h.voters) {
                continue;
            }
            irregular = true;
            if let [h] = observations.as_slice() {
                // In the zone of the household's bureau, when its record names it.
                let zone = h.bureau.as_ref().map_or(zone, LegalZone::of_bureau);
                let by = format!(
                    "{} ({}{})",
                    h.observer_name,
                    super::time(h.at, zone, cat),
                    other_bureau(h, code, cat)
                );
                envelopes.push((t.household)(h.voters, h.received, &by));
            } else {
                let short = super::capped(
                    observations
                        .iter()
                        .filter(|h| h.received < h.voters)
                        .map(|h| super::household(h, zone, cat))
                        .collect::<Vec<_>>()
                        .into_iter(),
                );
                envelopes.push((t.households)(
                    observations.len(),
                    rate.count,
                    rate.total,
                    &super::percent(rate, cat),
                    &short,
                ));
            }
        }
    }
    let mut elsewhere = 0;
    for d in &pv.record.details {
        if let Detail::NonReceipts { observations, .. } = d {
            for n in observations {
                if &n.bureau != code {
                    elsewhere += 1;
                    continue;
                }
                let by = format!("{} ({})", n.observer_name, super::time(n.at, zone, cat));
                if after_close(pv, n.at) {
                    late.push((t.non_receipt)(None, &by));
                    continue;
                }
                // The observer's own non-receipt while their household's count says envelopes
                // arrived, none of them missing: a contradiction to check, stated as such.
                let received = contradicted_by_count(pv, n);
                if received > 0 {
                    late.push(
                        Message::new("pv-annex-contradiction")
                            .arg("who", by)
                            .arg("received", received)
                            .render(cat.lang),
                    );
                    continue;
                }
                irregular = true;
                // No voter's name (law.md §3a: other voters sign their own réclamation). One
                // missing envelope counts once: a non-receipt of the observer's household that
                // is one of its missing envelopes is said to be (law.md §2.10, issue 13 point 5).
                envelopes.push(if n.in_shortfall {
                    Message::new("pv-non-receipt-in-household")
                        .arg("who", by)
                        .render(cat.lang)
                } else {
                    (t.non_receipt)(None, &by)
                });
            }
        }
    }
    if elsewhere > 0 {
        envelopes.push((t.non_receipts_elsewhere)(elsewhere));
    }
    Facts {
        at_bureau,
        envelopes,
        late,
        irregular,
    }
}

/// `, foyer du bureau 75056_0912` when a household's record names a bureau other than the PV's:
/// the annex's envelope facts are the circonscription's, and a household registered elsewhere
/// is said to be.
fn other_bureau(
    h: &crate::domain::findings::HouseholdSighting,
    code: &BureauCode,
    cat: &Catalog,
) -> String {
    match &h.bureau {
        Some(b) if b != code => format!(
            "{}{}",
            cat.clause_sep,
            Message::new("pv-household-of-bureau")
                .arg("bureau", b.as_str())
                .render(cat.lang)
        ),
        _ => String::new(),
    }
}

/// At the présidentielle every candidate's documents are due in every envelope (law.md §4.4):
/// a missing one is said as such, with no "not supplied" alternative.
fn due_everywhere(gap: EnvelopeGap, candidates: &[Candidate], law: &Law, cat: &Catalog) -> String {
    Message::new("pv-annex-due")
        .arg(
            "leaflet",
            match law.mailing.leaflet {
                crate::domain::law::Leaflet::Declaration => "declaration",
                crate::domain::law::Leaflet::Circulaire => "circulaire",
            },
        )
        .arg("items", items_text(gap.items(), law, cat.lang))
        .arg(
            "candidates",
            candidates
                .iter()
                .map(short_name)
                .collect::<Vec<_>>()
                .join(", "),
        )
        .arg("cite", cite(law.mailing.cite, cat.lang))
        .render(cat.lang)
}

/// The facts of a réclamation: at the bureau, in the circonscription's envelopes, and whether
/// any of them is an irregularity.
pub struct Facts {
    /// The bureau's irregularities (periods of absence from the table, contradictions).
    pub at_bureau: Vec<String>,
    /// The envelopes' facts (missing documents, households short of envelopes, non-receipts).
    pub envelopes: Vec<String>,
    /// Facts dated after the polls closed on the bureau's vote day, or envelopes said to arrive
    /// after it: not stated as facts of the election day, listed apart in the annex, flagged.
    pub late: Vec<String>,
    /// False when nothing observed is an irregularity to write into the procès-verbal.
    pub irregular: bool,
}

fn digest_line(pv: &Pv<'_>, cat: &Catalog) -> String {
    match pv.digest {
        Some(d) => (cat.digest_some)(d),
        None => cat.digest_none.to_owned(),
    }
}

/// The signer's key and chain reference, beside the short reference (issue 15 point 2).
fn signer_reference(pv: &Pv<'_>, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    match pv.reference {
        Some(r) => writeln!(out, "{}", super::signer_line(r, lang)),
        None => Ok(()),
    }
}

fn place_line(b: &Bureau) -> String {
    let mut place = b.label.clone();
    if !b.address.is_empty() {
        place.push_str(", ");
        place.push_str(&b.address);
    }
    place
}

/// A commune's name as a message's `commune`, with its leading article apart (`article`: `le`,
/// `les`, else `other`; `rest`: the name without it), so that French contracts it: "du Havre",
/// "Fait au Havre", "aux Abymes"; "La Rochelle" and "L'Haÿ-les-Roses" keep theirs ("de La
/// Rochelle").
fn commune_args<'a>(m: Message<'a>, commune: &'a str) -> Message<'a> {
    let (article, rest) = if let Some(rest) = commune.strip_prefix("Le ") {
        ("le", rest)
    } else if let Some(rest) = commune.strip_prefix("Les ") {
        ("les", rest)
    } else {
        ("other", commune)
    };
    m.arg("commune", commune)
        .arg("article", article)
        .arg("rest", rest)
}

/// "Fait à Paris, le 11 juin 2017 à ____ h ____." with the bureau's commune and its own vote day.
fn done_at(pv: &Pv<'_>, cat: &Catalog) -> String {
    let day = vote_day(pv.election, pv.bureau).map(|d| (cat.pv.date)(d));
    let m = match (pv.bureau.commune.is_empty(), day) {
        (false, Some(day)) => {
            commune_args(Message::new("pv-done"), &pv.bureau.commune).arg("day", day)
        }
        (false, None) => commune_args(Message::new("pv-done-undated"), &pv.bureau.commune),
        (true, Some(day)) => Message::new("pv-done-here").arg("day", day),
        (true, None) => Message::new("pv-done-here-undated"),
    };
    m.render(cat.lang)
}

/// The signer of the legacy [`render`]: the observer whose name is [`Pv::signer`] among the
/// record's sightings.
fn signer_named(pv: &Pv<'_>) -> Option<ObserverId> {
    pv.record.details.iter().find_map(|d| {
        let mut ids = match d {
            Detail::NotSupplied { observations, .. }
            | Detail::DistributionFailure { observations, .. }
            | Detail::Disagreement { observations, .. } => observations
                .iter()
                .map(|s| (s.observer, s.observer_name.as_str()))
                .collect::<Vec<_>>(),
            Detail::AbsentFromTable { periods, .. } => periods
                .iter()
                .map(|p| (p.observer, p.observer_name.as_str()))
                .collect(),
            Detail::Shortfall { observations, .. } => observations
                .iter()
                .map(|h| (h.observer, h.observer_name.as_str()))
                .collect(),
            Detail::NonReceipts { observations, .. } => observations
                .iter()
                .map(|n| (n.observer, n.observer_name.as_str()))
                .collect(),
            Detail::MachinesDisputed { statements, .. } => statements
                .iter()
                .map(|m| (m.observer, m.observer_name.as_str()))
                .collect(),
            Detail::SeenAfterPolls { observations, .. } => observations
                .iter()
                .map(|l| (l.sighting.observer, l.sighting.observer_name.as_str()))
                .collect(),
            Detail::ReceivedAfterElection { observations, .. } => observations
                .iter()
                .map(|h| (h.observer, h.observer_name.as_str()))
                .collect(),
        }
        .into_iter();
        ids.find(|(_, name)| *name == pv.signer).map(|(id, _)| id)
    })
}

/// "Nothing observed is an irregularity", and, when facts are dated after the close (not stated
/// as facts of the day), what to do: give the moment they were seen.
fn nothing_to_write(pv: &Pv<'_>, cat: &Catalog) -> String {
    Message::new("pv-nothing-to-write")
        .arg("bureau", pv.bureau.code.as_str())
        .arg("late", !facts(pv, cat).late.is_empty())
        .render(cat.lang)
}

/// Writes the réclamation to copy by hand into the PV: the signer and their qualité, their own
/// facts at this bureau and in their household with local times, the conclusions where the kind
/// needs them, the request that the annex be annexed (with its short reference), and "Fait à …".
/// When nothing of theirs is an irregularity, one sentence says so.
pub fn reclamation(
    pv: &Pv<'_>,
    signer: &Signer<'_>,
    cat: &Catalog,
    out: &mut dyn Write,
) -> io::Result<()> {
    let law = Law::of(pv.election.kind);
    let lang = cat.lang;
    let facts = own_facts(pv, signer.observer, cat);
    if facts.is_empty() {
        return writeln!(out, "{}", nothing_to_write(pv, cat));
    }
    let home = home_bureau(pv.record, signer.observer);
    if let (Some(Qualite::Electeur), Some(home)) = (signer.qualite, &home)
        && home != &pv.bureau.code
    {
        let home = known_bureau(pv, home);
        writeln!(
            out,
            "{}",
            Message::new("pv-not-your-bureau")
                .arg("home", bureau_number(&home))
                .arg("bureau", pv.bureau.code.as_str())
                .render(lang)
        )?;
        writeln!(out)?;
    }
    writeln!(out, "{}", cat.pv.title)?;
    writeln!(
        out,
        "{}",
        Message::new("pv-r-bureau")
            .arg("election", title(pv.election, cat))
            .arg("number", bureau_number(pv.bureau))
            .arg("place", place_line(pv.bureau))
            .arg("code", pv.bureau.code.as_str())
            .render(lang)
    )?;
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        Message::new("pv-r-intro")
            .arg("name", signer.name)
            .arg(
                "feminine",
                signer
                    .feminine
                    .map_or("unsaid", |f| if f { "yes" } else { "no" })
            )
            .arg("qualite", signer_qualite(pv, signer, lang))
            .arg("cite", cite(RECLAMATION, lang))
            .render(lang)
    )?;
    for (n, f) in facts.iter().enumerate() {
        writeln!(out, "{}. {f}", n + 1)?;
    }
    if law.conclusions_in_pv {
        // A PV mention counts as a protestation only with conclusions (CE 2014 Pineuilh); at the
        // présidentielle the réclamation is the remedy itself (décret 2001-213 art. 30).
        writeln!(
            out,
            "{}",
            Message::new("pv-r-conclusions")
                .arg("cite", cite(law.deadline.cite, lang))
                .render(lang)
        )?;
    }
    let annex = match pv.digest {
        Some(d) => Message::new("pv-r-annex").arg("reference", short_reference(d)),
        None => Message::new("pv-r-annex-unreferenced"),
    };
    writeln!(out, "{}", annex.render(lang))?;
    signer_reference(pv, lang, out)?;
    writeln!(out)?;
    writeln!(out, "{}", done_at(pv, cat))?;
    writeln!(out, "{}", signer.name)?;
    writeln!(out, "{}", cat.pv.signature)
}

/// Writes the annex: every observed fact of the bureau and of the circonscription's envelopes
/// (no voter's name), the short reference and the full digest.
pub fn annex(pv: &Pv<'_>, signer_name: &str, cat: &Catalog, out: &mut dyn Write) -> io::Result<()> {
    annex_with_photos(pv, signer_name, &[], cat, out)
}

/// [`annex`], listing after the facts the photos the signer attached in this bureau (`photos`:
/// theirs, of this bureau, in the order attached, each with what of it the database holds) by
/// hash: the first 16 hex digits of the SHA-256 of the bytes kept, in groups of four, with the
/// file name, what it shows, when it was attached and when it was taken (EXIF, the camera's
/// time), and when the original is not held, "vignette seulement" or "annoncée, non reçue".
pub fn annex_with_photos(
    pv: &Pv<'_>,
    signer_name: &str,
    photos: &[(PhotoFact, Held)],
    cat: &Catalog,
    out: &mut dyn Write,
) -> io::Result<()> {
    let law = Law::of(pv.election.kind);
    let lang = cat.lang;
    let Facts {
        at_bureau,
        envelopes,
        late,
        irregular,
    } = facts(pv, cat);
    writeln!(out, "{}", Message::new("pv-annex-title").render(lang))?;
    heading(pv, cat, out)?;
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        Message::new("pv-annex-intro")
            .arg("name", signer_name)
            .render(lang)
    )?;
    writeln!(out)?;
    if !irregular {
        writeln!(
            out,
            "{}",
            Message::new("pv-annex-nothing")
                .arg("late", !late.is_empty())
                .render(lang)
        )?;
        writeln!(out)?;
    }
    let mailer = match law.mailing.by {
        crate::domain::law::Mailer::CommissionDePropagande => Message::new("law-mailer-propagande"),
        crate::domain::law::Mailer::CommissionsLocalesDeControle => {
            Message::new("law-mailer-locales")
        }
    }
    .render(lang);
    let sections = [
        (
            Message::new("pv-annex-at-bureau")
                .arg("cite", cite(law.table_cite, lang))
                .arg(
                    "supply",
                    match law.table {
                        crate::domain::law::TableSupply::AdministrationOnly => "administration",
                        crate::domain::law::TableSupply::CandidatesAndMayor => "candidates",
                    },
                )
                .render(lang),
            &at_bureau,
        ),
        (
            Message::new("pv-annex-envelopes")
                .arg("mailer", mailer)
                .arg("cite", cite(law.mailing.cite, lang))
                .arg("threshold", law.mailing.min_inhabitants.is_some())
                .arg(
                    "inhabitants",
                    law.mailing
                        .min_inhabitants
                        .map(|n| thousands(n, lang))
                        .unwrap_or_default(),
                )
                .render(lang),
            &envelopes,
        ),
        (Message::new("pv-annex-late").render(lang), &late),
    ];
    for (heading, lines) in sections {
        if lines.is_empty() {
            continue;
        }
        writeln!(out, "{heading}")?;
        for f in lines {
            writeln!(out, "- {f}")?;
        }
        writeln!(out)?;
    }
    photo_lines(pv, signer_name, photos, cat, out)?;
    if let Some(d) = pv.digest {
        writeln!(
            out,
            "{}",
            Message::new("pv-annex-reference")
                .arg("reference", short_reference(d))
                .render(lang)
        )?;
    }
    signer_reference(pv, lang, out)?;
    writeln!(out, "{}", signer_name)?;
    writeln!(out, "{}", cat.pv.signature)?;
    writeln!(out)?;
    writeln!(out, "{}", digest_line(pv, cat))
}

/// The annex's list of the signer's photos of the bureau (nothing when there is none).
fn photo_lines(
    pv: &Pv<'_>,
    signer_name: &str,
    photos: &[(PhotoFact, Held)],
    cat: &Catalog,
    out: &mut dyn Write,
) -> io::Result<()> {
    if photos.is_empty() {
        return Ok(());
    }
    let lang = cat.lang;
    let zone = LegalZone::of_bureau(&pv.bureau.code);
    writeln!(
        out,
        "{}",
        Message::new("pv-annex-photos")
            .arg("name", signer_name)
            .arg("count", photos.len())
            .render(lang)
    )?;
    for (f, held) in photos {
        let p = &f.photo;
        let (candidate, item) = match p.of {
            PhotoSubject::Cell { panel, item } => (
                pv.record
                    .rows
                    .iter()
                    .find(|r| r.candidate.panel == panel)
                    .map(|r| super::candidate_name(&r.candidate)),
                Some(match item {
                    Item::Foi => cat.col_foi,
                    Item::Courrier => cat.col_courrier,
                    Item::Bureau => cat.col_bureau,
                }),
            ),
            _ => (None, None),
        };
        let taken = p
            .taken_at
            .map(|t| format!("{} {}", (cat.pv.date)(t.date()), cat.clock(t)));
        writeln!(
            out,
            "- {}",
            Message::new("pv-annex-photo")
                .arg("sha", short_reference(&hex::encode(p.sha256)))
                .arg("name", shown_name(&p.name))
                .arg("of", p.of.slug())
                .arg("candidate", candidate)
                .arg("item", item)
                .arg("attached", at(f.at, zone, cat))
                .arg("taken", taken)
                .arg(
                    "held",
                    match held {
                        Held::Original => "original",
                        Held::ThumbnailOnly => "thumbnail",
                        Held::Nothing => "nothing",
                    }
                )
                .render(lang)
        )?;
    }
    writeln!(out)
}

/// A file name from an observer's file as the annex prints it: control characters replaced,
/// bidirectional controls shown as escapes.
fn shown_name(name: &str) -> String {
    crate::domain::outside::without_bidi(name)
        .chars()
        .map(|c| if c.is_control() { '\u{FFFD}' } else { c })
        .collect()
}

fn heading(pv: &Pv<'_>, cat: &Catalog, out: &mut dyn Write) -> io::Result<()> {
    let c = &pv.record.circonscription;
    writeln!(out, "{}", title(pv.election, cat))?;
    writeln!(
        out,
        "{} {}{}{}",
        cat.circonscription, c.code, cat.list_sep, c.label
    )?;
    writeln!(
        out,
        "{}",
        (cat.pv.bureau)(pv.bureau.code.as_str(), &place_line(pv.bureau))
    )
}

/// What the interface's summary shows: the réclamation of [`Pv::signer`] (found by name among
/// the record's observers; qualité left blank), then the annex, then with [`Pv::appeal`] the
/// kind's remedy. When nothing observed is an irregularity, one sentence says so.
pub fn render(pv: &Pv<'_>, cat: &Catalog, out: &mut dyn Write) -> io::Result<()> {
    render_signed(pv, None, None, cat, out)
}

/// [`render`] with what the signer said of themselves in their own file: their qualité (as
/// `constat pv` takes it from `init --qualite`) and observateur or observatrice, so that the
/// interface shows the réclamation `constat pv` prints.
pub fn render_signed(
    pv: &Pv<'_>,
    qualite: Option<&Qualite>,
    feminine: Option<bool>,
    cat: &Catalog,
    out: &mut dyn Write,
) -> io::Result<()> {
    if !facts(pv, cat).irregular {
        return writeln!(out, "{}", nothing_to_write(pv, cat));
    }
    let rule = |out: &mut dyn Write| -> io::Result<()> {
        writeln!(out)?;
        writeln!(out, "{}", "-".repeat(72))?;
        writeln!(out)
    };
    let signer = signer_named(pv).map(|observer| Signer {
        name: pv.signer,
        observer,
        qualite,
        feminine,
    });
    if let Some(signer) = &signer
        && !own_facts(pv, signer.observer, cat).is_empty()
    {
        reclamation(pv, signer, cat, out)?;
        rule(out)?;
    }
    annex(pv, pv.signer, cat, out)?;
    if let (Some(signer), Some(proclamation)) = (&signer, pv.appeal) {
        rule(out)?;
        let appeal = Appeal {
            proclamation: Some(proclamation),
            ..Appeal::default()
        };
        remedy(pv, signer, &appeal, cat, out)?;
    }
    Ok(())
}

/// Writes the kind's remedy (`constat pv --appeal`): the requête to the Conseil constitutionnel
/// (législatives) or the Conseil d'État (européennes, régionales), the protestation at the
/// tribunal administratif (municipales, départementales), or the présidentielle's note.
pub fn remedy(
    pv: &Pv<'_>,
    signer: &Signer<'_>,
    appeal: &Appeal<'_>,
    cat: &Catalog,
    out: &mut dyn Write,
) -> io::Result<()> {
    let law = Law::of(pv.election.kind);
    match law.remedy {
        Remedy::PvMentionOnly => presidentielle_note(pv, signer, law, cat, out),
        Remedy::Requete | Remedy::Protestation => requete(pv, signer, appeal, law, cat, out),
    }
}

/// Every fact of the remedy, numbered, each with its pièce: the bureau's facts rest on the PV
/// (pièce 1), the envelopes' on the annex (pièce 2).
fn numbered_facts(pv: &Pv<'_>, cat: &Catalog) -> (Vec<String>, bool, bool) {
    let Facts {
        at_bureau,
        envelopes,
        ..
    } = facts(pv, cat);
    let mut lines = Vec::new();
    for f in &at_bureau {
        lines.push(
            Message::new("pv-remedy-fact")
                .arg("n", lines.len() + 1)
                .arg("fact", f.as_str())
                .arg("piece", 1)
                .render(cat.lang),
        );
    }
    for f in &envelopes {
        lines.push(
            Message::new("pv-remedy-fact")
                .arg("n", lines.len() + 1)
                .arg("fact", f.as_str())
                .arg("piece", 2)
                .render(cat.lang),
        );
    }
    (lines, !at_bureau.is_empty(), !envelopes.is_empty())
}

/// Voters concerned by the observed facts: missing envelopes and non-receipts (to compare with
/// the margin).
fn voters_concerned(record: &CircRecord) -> u32 {
    record
        .details
        .iter()
        .map(|d| match d {
            Detail::Shortfall { rate, .. } => rate.count,
            _ => 0,
        })
        .sum()
}

fn requete(
    pv: &Pv<'_>,
    signer: &Signer<'_>,
    appeal: &Appeal<'_>,
    law: &Law,
    cat: &Catalog,
    out: &mut dyn Write,
) -> io::Result<()> {
    let lang = cat.lang;
    let c = &pv.record.circonscription;
    let court = match law.judge {
        Judge::ConseilConstitutionnel => "cc",
        Judge::ConseilEtat => "ce",
        Judge::TribunalAdministratif => "ta",
    };
    writeln!(
        out,
        "{}",
        Message::new("pv-remedy-title")
            .arg("court", court)
            .render(lang)
    )?;
    heading(pv, cat, out)?;
    writeln!(out)?;
    // The requérant: name, first names, address, qualité (ord. 58-1067 art. 35 for the CC).
    writeln!(
        out,
        "{}",
        Message::new("pv-remedy-requerant")
            .arg("name", signer.name)
            .arg("qualite", remedy_qualite(signer.qualite, law, lang))
            .render(lang)
    )?;
    writeln!(out, "{}", Message::new("pv-remedy-address").render(lang))?;
    // The election contested: who was elected, the dates of the rounds.
    let day = vote_day(pv.election, pv.bureau);
    let (r1, r2) = day.map_or((None, None), |d| law.round_days(pv.election.round, d));
    let date =
        |d: Option<NaiveDate>| d.map_or_else(|| "____________".to_owned(), |d| (cat.pv.date)(d));
    let elected = appeal
        .elected
        .map_or_else(|| "______________________".to_owned(), str::to_owned);
    let rounds = if law.rounds == 1 {
        Message::new("pv-remedy-round").arg("day", date(r1))
    } else {
        Message::new("pv-remedy-rounds")
            .arg("first", date(r1))
            .arg("second", date(r2))
    }
    .render(lang);
    let proclaimed = appeal.proclamation.map_or_else(
        || Message::new("pv-remedy-proclaimed-blank").render(lang),
        |p| {
            Message::new("pv-remedy-proclaimed")
                .arg("day", (cat.pv.date)(p))
                .render(lang)
        },
    );
    writeln!(
        out,
        "{}",
        Message::new("pv-remedy-election")
            .arg(
                "elects",
                match law.elects {
                    crate::domain::law::Elects::Person => "person",
                    crate::domain::law::Elects::Binome => "binome",
                    crate::domain::law::Elects::List => "list",
                },
            )
            .arg("elected", elected)
            .arg("circonscription", format!("{} ({})", c.label, c.code))
            .arg("rounds", rounds)
            .arg("proclaimed", proclaimed)
            .render(lang)
    )?;
    writeln!(out)?;
    // Conclusions: annulment.
    writeln!(
        out,
        "{}",
        Message::new("pv-remedy-conclusions").render(lang)
    )?;
    writeln!(out)?;
    // Numbered facts, each with its pièce.
    writeln!(out, "{}", Message::new("pv-remedy-facts").render(lang))?;
    let (facts, table, envelopes) = numbered_facts(pv, cat);
    if facts.is_empty() {
        writeln!(out, "{}", Message::new("pv-remedy-no-fact").render(lang))?;
    }
    for f in &facts {
        writeln!(out, "{f}")?;
    }
    writeln!(
        out,
        "{}",
        Message::new("pv-remedy-in-pv")
            .arg("bureau", pv.bureau.code.as_str())
            .arg("cite", cite(RECLAMATION, lang))
            .render(lang)
    )?;
    writeln!(out)?;
    // Moyens: the rules breached.
    let mut moyens = Vec::new();
    if envelopes {
        moyens.extend_from_slice(law.mailing.duty);
    }
    if table {
        moyens.extend_from_slice(law.table_cite);
    }
    writeln!(
        out,
        "{}",
        Message::new("pv-remedy-moyens")
            .arg("cite", cite(&moyens, lang))
            .arg("any", !moyens.is_empty())
            .render(lang)
    )?;
    writeln!(out)?;
    // Influence on the result, with the margin when known.
    let concerned = voters_concerned(pv.record);
    let influence = match appeal.margin {
        Some(margin) => Message::new("pv-remedy-influence")
            .arg("margin", margin)
            .arg("concerned", concerned),
        None if !law.threshold_cite.is_empty() => Message::new("pv-remedy-influence-thresholds")
            .arg("cite", cite(law.threshold_cite, lang)),
        None => Message::new("pv-remedy-influence-blank"),
    };
    writeln!(out, "{}", influence.render(lang))?;
    if !law.consultation_cite.is_empty() {
        writeln!(
            out,
            "{}",
            Message::new("pv-remedy-consult")
                .arg("cite", cite(law.consultation_cite, lang))
                .render(lang)
        )?;
    }
    // Warnings: lawful non-supply, a margin that dwarfs the facts (law.md §3b).
    let lawful = law.may_not_supply
        && pv.record.findings.iter().any(|f| {
            matches!(
                f,
                Finding::MissingFromEnvelope {
                    cause: EnvelopeCause::NotSupplied { .. },
                    ..
                }
            )
        });
    if lawful {
        writeln!(
            out,
            "{}",
            Message::new("pv-remedy-warn-not-supplied")
                .arg("cite", cite(law.not_supplied_cite, lang))
                .render(lang)
        )?;
    }
    if appeal
        .margin
        .is_some_and(|m| m > concerned.saturating_mul(2))
    {
        writeln!(
            out,
            "{}",
            Message::new("pv-remedy-warn-margin").render(lang)
        )?;
    }
    if !law.rejection_cite.is_empty() {
        writeln!(
            out,
            "{}",
            Message::new("pv-remedy-warn-rejected")
                .arg("cite", cite(law.rejection_cite, lang))
                .render(lang)
        )?;
    }
    writeln!(out)?;
    // Where and by when; who may file.
    let places = listed(
        &law.places
            .iter()
            .map(|p| place(*p, lang))
            .collect::<Vec<_>>(),
        true,
        lang,
    );
    let when = match deadline(law, day, appeal.proclamation) {
        Some((last, hour)) => match hour {
            Hour::SixPm => Message::new("pv-remedy-deadline-six"),
            Hour::Midnight => Message::new("pv-remedy-deadline-midnight"),
        }
        .arg("day", (cat.pv.date)(last))
        .render(lang),
        None => Message::new("pv-remedy-deadline-blank").render(lang),
    };
    let start = match law.deadline.from {
        crate::domain::law::Start::Proclamation => "proclamation",
        _ => "election",
    };
    writeln!(
        out,
        "{}",
        Message::new("pv-remedy-filing")
            .arg("places", places)
            .arg("when", when)
            .arg("days", law.deadline.days)
            .arg("start", start)
            .arg("moved", law.judge.is_administrative())
            .arg("cite", cite(law.deadline.cite, lang))
            .arg("where", cite(law.places_cite, lang))
            .render(lang)
    )?;
    writeln!(
        out,
        "{}",
        Message::new("pv-remedy-who")
            .arg(
                "filers",
                listed(
                    &law.filers
                        .iter()
                        .map(|f| filer(*f, lang))
                        .collect::<Vec<_>>(),
                    false,
                    lang
                )
            )
            .arg("cite", cite(law.filers_cite, lang))
            .render(lang)
    )?;
    if !law.contents_cite.is_empty() {
        writeln!(
            out,
            "{}",
            Message::new("pv-remedy-contents")
                .arg("cite", cite(law.contents_cite, lang))
                .render(lang)
        )?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        Message::new("pv-remedy-pieces")
            .arg("bureau", pv.bureau.code.as_str())
            .arg(
                "reference",
                pv.digest.map(short_reference).unwrap_or_default()
            )
            .render(lang)
    )?;
    signer_reference(pv, lang, out)?;
    writeln!(out)?;
    writeln!(out, "{}", Message::new("pv-remedy-done").render(lang))?;
    writeln!(out, "{}", signer.name)?;
    writeln!(out, "{}", cat.pv.signature)?;
    writeln!(out)?;
    writeln!(out, "{}", digest_line(pv, cat))
}

fn remedy_qualite(q: Option<&Qualite>, law: &Law, lang: Lang) -> String {
    match q {
        Some(Qualite::Electeur) => match law.filers.first() {
            Some(Filer::VotersAndEligiblesOfCommune) => Message::new("pv-remedy-qualite-commune"),
            Some(Filer::VotersOfCantonAndBinomes) => Message::new("pv-remedy-qualite-canton"),
            Some(Filer::VotersOfRegion) => Message::new("pv-remedy-qualite-region"),
            Some(Filer::AnyVoter) => Message::new("pv-remedy-qualite-voter"),
            _ => Message::new("pv-remedy-qualite-circonscription"),
        },
        Some(Qualite::Delegue(of)) => Message::new("pv-qualite-delegue").arg("of", of.as_str()),
        Some(Qualite::Candidat) => Message::new("pv-qualite-candidat"),
        None => Message::new("pv-qualite-blank"),
    }
    .render(lang)
}

/// The présidentielle: no requête. The voter's remedy is the réclamation in the PV before it is
/// closed; the préfet and the candidates may refer to the Conseil constitutionnel within 48 h.
/// Then a one-page note for the candidate's représentant.
fn presidentielle_note(
    pv: &Pv<'_>,
    signer: &Signer<'_>,
    law: &Law,
    cat: &Catalog,
    out: &mut dyn Write,
) -> io::Result<()> {
    let lang = cat.lang;
    writeln!(out, "{}", Message::new("pv-pres-title").render(lang))?;
    heading(pv, cat, out)?;
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        Message::new("pv-pres-remedy")
            .arg("cite", cite(law.deadline.cite, lang))
            .render(lang)
    )?;
    if let Some(r) = law.referral {
        let day = vote_day(pv.election, pv.bureau)
            .map_or_else(|| "____________".to_owned(), |d| (cat.pv.date)(d));
        writeln!(
            out,
            "{}",
            Message::new("pv-pres-referral")
                .arg("hours", r.hours)
                .arg(
                    "who",
                    listed(
                        &r.by.iter().map(|f| filer(*f, lang)).collect::<Vec<_>>(),
                        false,
                        lang
                    )
                )
                .arg("day", day)
                .arg("cite", cite(r.cite, lang))
                .render(lang)
        )?;
    }
    writeln!(out)?;
    writeln!(out, "{}", "-".repeat(72))?;
    writeln!(out)?;
    writeln!(out, "{}", Message::new("pv-note-title").render(lang))?;
    writeln!(
        out,
        "{}",
        Message::new("pv-note-bureau")
            .arg("code", pv.bureau.code.as_str())
            .arg("place", place_line(pv.bureau))
            .arg("departement", departement(pv.bureau))
            .render(lang)
    )?;
    writeln!(
        out,
        "{}",
        Message::new("pv-note-signer")
            .arg("name", signer.name)
            .arg("qualite", signer_qualite(pv, signer, lang))
            .render(lang)
    )?;
    writeln!(out, "{}", Message::new("pv-note-written").render(lang))?;
    writeln!(out)?;
    writeln!(out, "{}", Message::new("pv-note-facts").render(lang))?;
    let own = own_facts(pv, signer.observer, cat);
    if own.is_empty() {
        writeln!(out, "{}", Message::new("pv-remedy-no-fact").render(lang))?;
    }
    for (n, f) in own.iter().enumerate() {
        writeln!(out, "{}. {f}", n + 1)?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        Message::new("pv-note-escalate")
            .arg("hours", law.referral.map_or(0, |r| r.hours))
            .render(lang)
    )?;
    if let Some(d) = pv.digest {
        writeln!(
            out,
            "{}",
            Message::new("pv-annex-reference")
                .arg("reference", short_reference(d))
                .render(lang)
        )?;
    }
    signer_reference(pv, lang, out)?;
    writeln!(out)?;
    writeln!(out, "{}", digest_line(pv, cat))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use chrono::{Duration, TimeZone};
    use uuid::Uuid;

    use super::*;
    use crate::domain::record::{Names, build_record_with};
    use crate::domain::referential::ElectionData;
    use crate::domain::{BureauCode, CirconscriptionCode, ElectionKind, Event, EventBody};
    use crate::sample;

    const DIGEST: &str = "5f1c0e8a9b7d6c5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e";

    fn claire() -> ObserverId {
        ObserverId(Uuid::from_u128(1))
    }

    fn names() -> Names {
        [(1, "Claire Dupont"), (2, "Marc")]
            .into_iter()
            .map(|(o, n)| (ObserverId(Uuid::from_u128(o)), n.to_owned()))
            .collect()
    }

    /// The Paris sample as an election of `kind` on `day`.
    fn data(kind: ElectionKind, day: NaiveDate) -> ElectionData {
        let mut data = sample::find("paris-1-2017")
            .unwrap()
            .election_data()
            .unwrap();
        data.election.kind = kind;
        data.election.year = u16::try_from(day.year_ce().1).unwrap();
        data.election.date = Some(day);
        data
    }

    use chrono::Datelike;

    /// A small data set on the vote day (UTC times): Claire's envelope lacks candidate 1's
    /// profession de foi (Marc's has it) and ballot (nobody's has it); candidate 3's ballot is
    /// missing from bureau 0911's table from 13:10 to 13:30, back at 13:40; her household of 3
    /// received 1 envelope, hers is one of the missing; Marc records a third party's non-receipt.
    fn events(day: NaiveDate) -> Vec<Event> {
        let circ = CirconscriptionCode::parse("7501").unwrap();
        let b = BureauCode::parse("75056_0911").unwrap();
        let at = |h: u32, m: u32| Utc.from_utc_datetime(&day.and_hms_opt(h, m, 0).unwrap());
        let tick = |panel: u16, item: Item, mark: Mark| EventBody::Tick {
            circonscription: circ.clone(),
            bureau: Some(b.clone()),
            panel: Panel::new(panel).unwrap(),
            item,
            mark,
            note: None,
            envelope: None,
        };
        let claire = vec![
            (at(6, 10), tick(1, Item::Foi, Mark::Absent)),
            (at(6, 10), tick(1, Item::Courrier, Mark::Absent)),
            (
                at(6, 20),
                EventBody::Envelope {
                    circonscription: circ.clone(),
                    bureau: Some(b.clone()),
                    voters: 3,
                    received: 1,
                    note: None,
                    received_on: None,
                },
            ),
            (
                at(6, 21),
                EventBody::NonReceipt {
                    circonscription: circ.clone(),
                    bureau: b.clone(),
                    voter: None,
                    note: None,
                    household: None,
                },
            ),
            (at(13, 10), tick(3, Item::Bureau, Mark::Absent)),
            (at(13, 30), tick(3, Item::Bureau, Mark::Absent)),
            (at(13, 40), tick(3, Item::Bureau, Mark::Present)),
        ];
        let marc = vec![
            (at(7, 0), tick(1, Item::Foi, Mark::Present)),
            (
                at(7, 5),
                EventBody::NonReceipt {
                    circonscription: circ.clone(),
                    bureau: b.clone(),
                    voter: Some("Paul Martin".to_owned()),
                    note: None,
                    household: None,
                },
            ),
        ];
        let mut out = Vec::new();
        for (observer, list) in [(1u128, claire), (2, marc)] {
            for (i, (t, body)) in list.into_iter().enumerate() {
                out.push(Event {
                    id: EventId(Uuid::from_u128(observer << 64 | i as u128)),
                    observer: ObserverId(Uuid::from_u128(observer)),
                    seq: i as u64 + 1,
                    recorded_at: t,
                    seen_at: None,
                    body,
                });
            }
        }
        out
    }

    /// The réclamation and the remedy of bureau `code` for an election of `kind` on `day`.
    fn texts(
        kind: ElectionKind,
        day: NaiveDate,
        code: &str,
        appeal: Appeal<'_>,
    ) -> (String, String, String) {
        texts_of(kind, day, code, appeal, &events(day))
    }

    /// [`texts`] of the given events.
    fn texts_of(
        kind: ElectionKind,
        day: NaiveDate,
        code: &str,
        appeal: Appeal<'_>,
        events: &[Event],
    ) -> (String, String, String) {
        let data = data(kind, day);
        let state = RecordState::fold(events);
        let circ = CirconscriptionCode::parse("7501").unwrap();
        let record = build_record_with(&data.referential, &state, &circ, &names()).unwrap();
        let bureau = data.referential.bureaux[&BureauCode::parse(code).unwrap()].clone();
        let voters = voters_of(&state, &record);
        let pv = Pv {
            election: &data.election,
            record: &record,
            bureau: &bureau,
            checked: checked_at_bureau(&state, &record, &bureau),
            voters: &voters,
            signer: "Claire Dupont",
            digest: Some(DIGEST),
            reference: None,
            appeal: None,
        };
        let qualite = Qualite::Electeur;
        let signer = Signer {
            name: "Claire Dupont",
            observer: claire(),
            qualite: Some(&qualite),
            feminine: None,
        };
        let cat = Lang::Fr.catalog();
        let (mut r, mut a, mut m) = (Vec::new(), Vec::new(), Vec::new());
        reclamation(&pv, &signer, cat, &mut r).unwrap();
        annex(&pv, signer.name, cat, &mut a).unwrap();
        remedy(&pv, &signer, &appeal, cat, &mut m).unwrap();
        let s = |b: Vec<u8>| String::from_utf8(b).unwrap();
        (s(r), s(a), s(m))
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// What every kind's réclamation holds: short, the signer's qualité, their own facts in
    /// local time, no third party, the annex's short reference.
    fn check_reclamation(text: &str) {
        assert!(
            text.chars().count() < 1_200,
            "{} chars:\n{text}",
            text.chars().count()
        );
        assert!(
            text.contains("Claire Dupont, électeur inscrit au bureau n° 0911 de Paris"),
            "{text}"
        );
        assert!(
            !text.contains("Paul Martin") && !text.contains("Marc"),
            "{text}"
        );
        assert!(text.contains("réf. 5f1c 0e8a 9b7d 6c5e"), "{text}");
        assert!(
            !text.contains(DIGEST),
            "the full digest is in the annex only: {text}"
        );
        assert!(text.contains("dont la mienne"), "{text}");
    }

    fn appeal(proclamation: Option<NaiveDate>) -> Appeal<'static> {
        Appeal {
            proclamation,
            margin: Some(380),
            elected: Some("M. Sylvain MAILLARD"),
        }
    }

    #[test]
    fn legislatives_reclamation_and_requete_to_the_conseil_constitutionnel() {
        let (r, a, m) = texts(
            ElectionKind::Legislatives,
            day(2017, 6, 11),
            "75056_0911",
            appeal(Some(day(2017, 6, 18))),
        );
        check_reclamation(&r);
        // June: Paris is UTC + 2; 13:10 UTC is 15 h 10.
        assert!(
            r.contains(
                "le dimanche 11 juin 2017 de 15 h 10 à au moins 15 h 30, présent de nouveau à 15 h 40"
            ),
            "{r}"
        );
        // Candidate 1's ballot, absent from every envelope, may not have been supplied (R.38):
        // not in the réclamation; the profession de foi other envelopes held is.
        assert!(
            r.contains("pas de profession de foi de n° 1 LEVAVASSEUR Éric"),
            "{r}"
        );
        assert!(
            !r.contains("Je conteste"),
            "no conclusions needed at the législatives: {r}"
        );
        assert!(
            a.contains(DIGEST) && a.contains("ni profession de foi ni bulletin"),
            "{a}"
        );
        // Every mention of ord. 58-1067 art. 35 (law.md §3b).
        for mention in [
            "Requérant : Claire Dupont (nom et prénoms), électeur inscrit sur les listes électorales de la circonscription",
            "Adresse : ___",
            "celle de M. Sylvain MAILLARD",
            "premier tour le dimanche 11 juin 2017, second tour le dimanche 18 juin 2017",
            "Conclusions : le requérant demande l'annulation des opérations électorales",
            "1. ",
            "(pièce n° 1)",
            "(pièce n° 2)",
            "Moyens : méconnaissance des dispositions suivantes : articles L.166, R.34, R.38, L.58 et R.55 du code électoral",
            "l'écart décisif est de 380 voix",
            "au secrétariat général du Conseil constitutionnel ou à la préfecture, au plus tard le mercredi 28 juin 2017 à 18 h",
            "rejetés sans instruction contradictoire (article 38 al. 2 de l'ordonnance n° 58-1067",
            "Mentions exigées (article 35 de l'ordonnance n° 58-1067",
        ] {
            assert!(m.contains(mention), "missing «{mention}» in:\n{m}");
        }
        assert!(!m.contains("Paul Martin"), "{m}");
        insta::assert_snapshot!("legislatives_pv", r);
        insta::assert_snapshot!("legislatives_appeal", m);
    }

    #[test]
    fn presidentielle_has_no_requete_the_reclamation_is_the_remedy() {
        let (r, a, m) = texts(
            ElectionKind::Presidentielle,
            day(2022, 4, 10),
            "75056_0911",
            Appeal::default(),
        );
        check_reclamation(&r);
        // Every document is due in every envelope: candidate 1's missing ballot is written too.
        assert!(
            r.contains("ni déclaration ni bulletin de n° 1 LEVAVASSEUR Éric"),
            "{r}"
        );
        // The réclamation contests the regularity (décret 2001-213 art. 30).
        assert!(
            r.contains("Je conteste la régularité des opérations électorales de ce bureau"),
            "{r}"
        );
        assert!(r.contains("article 30 du décret n° 2001-213"), "{r}");
        assert!(
            !a.contains("non remis"),
            "no 'not supplied' case at the présidentielle: {a}"
        );
        assert!(!m.contains("REQUÊTE AU"), "{m}");
        assert!(m.contains("Dans les 48 heures suivant la clôture du scrutin du dimanche 10 avril 2022, le préfet et les candidats peuvent saisir le Conseil constitutionnel"), "{m}");
        assert!(m.contains("NOTE POUR LE REPRÉSENTANT DU CANDIDAT"), "{m}");
        insta::assert_snapshot!("presidentielle_pv", r);
        insta::assert_snapshot!("presidentielle_appeal", m);
    }

    #[test]
    fn europeennes_requete_to_the_conseil_d_etat_until_midnight() {
        let (r, _, m) = texts(
            ElectionKind::Europeennes,
            day(2014, 5, 25),
            "75056_0911",
            appeal(Some(day(2014, 5, 30))),
        );
        check_reclamation(&r);
        assert!(m.contains("PROJET DE REQUÊTE AU CONSEIL D'ÉTAT"), "{m}");
        // 30 May + 10 = Monday 9 June 2014, Whit Monday: moved to Tuesday 10 June.
        assert!(
            m.contains(
                "au Conseil d'État (et non à la préfecture), au plus tard le mardi 10 juin 2014 à minuit"
            ),
            "{m}"
        );
        assert!(
            m.contains("scrutin du dimanche 25 mai 2014"),
            "single round: {m}"
        );
        insta::assert_snapshot!("europeennes_pv", r);
        insta::assert_snapshot!("europeennes_appeal", m);
    }

    #[test]
    fn municipales_protestation_at_the_tribunal_administratif_with_conclusions_in_the_pv() {
        let (r, _, m) = texts(
            ElectionKind::Municipales,
            day(2026, 3, 15),
            "75056_0911",
            Appeal::default(),
        );
        check_reclamation(&r);
        // March: Paris is UTC + 1.
        assert!(r.contains("de 14 h 10 à au moins 14 h 30"), "{r}");
        // CE 2014 Pineuilh: the mention must contest the regularity.
        assert!(r.contains("Je conteste la régularité des opérations électorales de ce bureau et en demande l'annulation (article R.119 du code électoral)"), "{r}");
        assert!(
            m.contains("PROJET DE PROTESTATION ÉLECTORALE DEVANT LE TRIBUNAL ADMINISTRATIF"),
            "{m}"
        );
        assert!(
            m.contains("au plus tard le vendredi 20 mars 2026 à 18 h (5e jour suivant l'élection"),
            "{m}"
        );
        assert!(
            m.contains("les électeurs et les éligibles de la commune (article L.248"),
            "{m}"
        );
        insta::assert_snapshot!("municipales_pv", r);
        insta::assert_snapshot!("municipales_appeal", m);
    }

    #[test]
    fn regionales_requete_to_the_conseil_d_etat() {
        let (r, _, m) = texts(
            ElectionKind::Regionales,
            day(2021, 6, 27),
            "75056_0911",
            appeal(Some(day(2021, 6, 28))),
        );
        check_reclamation(&r);
        assert!(!r.contains("Je conteste"), "{r}");
        // 28 June + 10 = Thursday 8 July 2021, midnight (L.361).
        assert!(
            m.contains("au plus tard le jeudi 8 juillet 2021 à minuit"),
            "{m}"
        );
        assert!(m.contains("article L.361 du code électoral"), "{m}");
        insta::assert_snapshot!("regionales_pv", r);
        insta::assert_snapshot!("regionales_appeal", m);
    }

    #[test]
    fn departementales_protestation_moved_past_a_weekend() {
        // Vote on Tuesday 10 November 2026 (a by-election's day, for the count): + 5 = Sunday
        // 15 → Monday 16 November.
        let (r, _, m) = texts(
            ElectionKind::Departementales,
            day(2026, 11, 10),
            "75056_0911",
            Appeal::default(),
        );
        check_reclamation(&r);
        assert!(r.contains("(article R.113 du code électoral)"), "{r}");
        assert!(
            m.contains("au plus tard le lundi 16 novembre 2026 à 18 h"),
            "{m}"
        );
        assert!(m.contains("reporté au premier jour ouvré"), "{m}");
        insta::assert_snapshot!("departementales_pv", r);
        insta::assert_snapshot!("departementales_appeal", m);
    }

    /// A non-receipt of the signer's household that names another voter of it is not the
    /// signer's: the réclamation says neither "dont la mienne" nor "Je n'ai reçu aucune
    /// enveloppe", and names nobody; the household's count stands.
    #[test]
    fn a_named_voter_of_the_household_is_not_the_signer() {
        let d = day(2017, 6, 11);
        let named = |mut events: Vec<Event>| {
            for e in &mut events {
                if let EventBody::NonReceipt {
                    voter, household, ..
                } = &mut e.body
                    && e.observer == claire()
                {
                    *voter = Some("Pierre Curie".to_owned());
                    *household = Some(true);
                }
            }
            events
        };
        let (r, _, _) = texts_of(
            ElectionKind::Legislatives,
            d,
            "75056_0911",
            Appeal::default(),
            &named(events(d)),
        );
        assert!(!r.contains("dont la mienne"), "{r}");
        assert!(!r.contains("Pierre Curie"), "{r}");
        assert!(
            r.contains("2 manquantes"),
            "the household's count stands: {r}"
        );
        // With no count recorded, no "I received none" for Pierre either.
        let without_count: Vec<Event> = named(events(d))
            .into_iter()
            .filter(|e| !matches!(e.body, EventBody::Envelope { .. }))
            .collect();
        let (r, _, _) = texts_of(
            ElectionKind::Legislatives,
            d,
            "75056_0911",
            Appeal::default(),
            &without_count,
        );
        assert!(!r.contains("Je n'ai reçu aucune enveloppe"), "{r}");
        // Unnamed, it is the signer's own.
        let (r, _, _) = texts(
            ElectionKind::Legislatives,
            d,
            "75056_0911",
            Appeal::default(),
        );
        assert!(r.contains("dont la mienne"), "{r}");
    }

    /// At the municipales nothing is mailed under 2,500 inhabitants (L.241): a household that
    /// received no envelope, and the signer's non-receipt, are no grievance the réclamation may
    /// state (the commune may be small); one envelope received shows the commune mails.
    #[test]
    fn municipales_state_a_missing_envelope_only_where_the_commune_mails() {
        let d = day(2026, 3, 15);
        let none_received = |d| -> Vec<Event> {
            events(d)
                .into_iter()
                .map(|mut e| {
                    if let EventBody::Envelope { received, .. } = &mut e.body {
                        *received = 0;
                    }
                    e
                })
                .filter(|e| {
                    // Nothing of the envelope's contents either: none arrived.
                    !matches!(e.body, EventBody::Tick { item, .. } if item.is_in_envelope())
                })
                .collect()
        };
        let (r, a, _) = texts_of(
            ElectionKind::Municipales,
            d,
            "75056_0911",
            Appeal::default(),
            &none_received(d),
        );
        assert!(!r.contains("mon adresse d'inscription"), "{r}");
        assert!(
            r.contains("14 h 10"),
            "the table's facts stay (March: UTC + 1): {r}"
        );
        assert!(a.contains("3 électeurs"), "the annex keeps the facts: {a}");
        // The législatives mail everywhere: the same facts are stated.
        let (r, _, _) = texts_of(
            ElectionKind::Legislatives,
            day(2017, 6, 11),
            "75056_0911",
            Appeal::default(),
            &none_received(day(2017, 6, 11)),
        );
        assert!(r.contains("mon adresse d'inscription"), "{r}");
        // One envelope received: the commune mails, the shortfall is stated.
        let (r, _, _) = texts(
            ElectionKind::Municipales,
            d,
            "75056_0911",
            Appeal::default(),
        );
        assert!(r.contains("dont la mienne"), "{r}");
    }

    /// Every fact typed after the close without the moment it was seen: no réclamation, and the
    /// sentence says why and what to do (give the moment seen) instead of "nothing to report".
    #[test]
    fn facts_all_dated_after_the_close_say_to_give_the_moment_seen() {
        let d = day(2017, 6, 11);
        let typed_late: Vec<Event> = events(d)
            .into_iter()
            .map(|mut e| {
                e.recorded_at += Duration::hours(14);
                e
            })
            .collect();
        let (r, a, _) = texts_of(
            ElectionKind::Legislatives,
            d,
            "75056_0911",
            Appeal::default(),
            &typed_late,
        );
        assert!(
            r.contains("--seen-at") && r.contains("avant la clôture"),
            "{r}"
        );
        assert!(!r.contains("RÉCLAMATION"), "{r}");
        assert!(a.contains("Faits à vérifier"), "{a}");
    }

    /// The annex's envelope facts are the circonscription's: a household registered at another
    /// bureau is said to be, not passed off as one of this bureau's.
    #[test]
    fn a_household_of_another_bureau_is_named_in_the_annex() {
        let d = day(2017, 6, 11);
        let other: Vec<Event> = events(d)
            .into_iter()
            .map(|mut e| {
                if let EventBody::Envelope { bureau, .. } = &mut e.body {
                    *bureau = Some(BureauCode::parse("75056_0912").unwrap());
                }
                e
            })
            .collect();
        let (_, a, _) = texts_of(
            ElectionKind::Legislatives,
            d,
            "75056_0911",
            Appeal::default(),
            &other,
        );
        assert!(a.contains("foyer inscrit au bureau 75056_0912"), "{a}");
        let (_, a, _) = texts(
            ElectionKind::Legislatives,
            d,
            "75056_0911",
            Appeal::default(),
        );
        assert!(!a.contains("foyer inscrit au bureau"), "{a}");
    }

    /// A period of absence that began before the close and was still seen after it: the annex
    /// attests the part before the close only and lists the rest under "Dates à vérifier"; the
    /// réclamation states the part before the close.
    #[test]
    fn a_period_running_past_the_close_is_attested_up_to_the_close_only() {
        let d = day(2017, 6, 11);
        let mut events = events(d);
        let circ = CirconscriptionCode::parse("7501").unwrap();
        let b = BureauCode::parse("75056_0911").unwrap();
        // 17:50 UTC is 19 h 50 in Paris, before the close; 18:30 UTC is 20 h 30, after it.
        // Candidate 1's ballot (absent from Claire's envelope) is seen on the table at 20 h 40.
        for (n, (panel, h, m, mark)) in [
            (5, 17, 50, Mark::Absent),
            (5, 18, 30, Mark::Absent),
            (1, 18, 40, Mark::Present),
        ]
        .into_iter()
        .enumerate()
        {
            events.push(Event {
                id: EventId(Uuid::from_u128(1 << 64 | (100 + n as u128))),
                observer: claire(),
                seq: 8 + n as u64,
                recorded_at: Utc.from_utc_datetime(&d.and_hms_opt(h, m, 0).unwrap()),
                seen_at: None,
                body: EventBody::Tick {
                    circonscription: circ.clone(),
                    bureau: Some(b.clone()),
                    panel: Panel::new(panel).unwrap(),
                    item: Item::Bureau,
                    mark,
                    note: None,
                    envelope: None,
                },
            });
        }
        let (r, a, _) = texts_of(
            ElectionKind::Legislatives,
            d,
            "75056_0911",
            Appeal::default(),
            &events,
        );
        let (attested, late) = a
            .split_once("Faits à vérifier")
            .unwrap_or_else(|| panic!("no late section in:\n{a}"));
        assert!(attested.contains("19 h 50"), "{a}");
        assert!(
            !attested.contains("20 h 30"),
            "a sighting after the close is attested: {a}"
        );
        assert!(late.contains("20 h 30") && !late.contains("19 h 50"), "{a}");
        // The late sighting of candidate 1's ballot: listed to check, not attested in the
        // envelope's line ("son bulletin est présent au bureau").
        assert!(late.contains("20 h 40"), "{a}");
        assert!(
            !attested.contains("présent au bureau") && !attested.contains("20 h 40"),
            "{a}"
        );
        assert!(r.contains("19 h 50") && !r.contains("20 h 30"), "{r}");
    }

    #[test]
    fn a_saturday_voting_bureau_dates_its_pv_and_deadline_a_day_earlier() {
        let mut data = data(ElectionKind::Presidentielle, day(2022, 4, 10));
        let code = BureauCode::parse("97101_0001").unwrap();
        let bureau = Bureau {
            code: code.clone(),
            circonscription: Some(CirconscriptionCode::parse("7501").unwrap()),
            label: "Les Abymes - bureau 1".to_owned(),
            address: String::new(),
            commune: "Les Abymes".to_owned(),
            voting_machines: false,
        };
        data.referential
            .bureaux
            .insert(code.clone(), bureau.clone());
        assert_eq!(vote_day(&data.election, &bureau), Some(day(2022, 4, 9)));
        let cat = Lang::Fr.catalog();
        let events: Vec<Event> = events(day(2022, 4, 9))
            .into_iter()
            .map(|mut e| {
                // The same facts at the Guadeloupe bureau, on its Saturday.
                match &mut e.body {
                    EventBody::Tick { bureau, .. } => *bureau = Some(code.clone()),
                    EventBody::Envelope { bureau, .. } => *bureau = Some(code.clone()),
                    EventBody::NonReceipt { bureau, .. } => *bureau = code.clone(),
                    _ => {}
                }
                e.recorded_at += Duration::hours(4);
                e
            })
            .collect();
        let state = RecordState::fold(&events);
        let circ = CirconscriptionCode::parse("7501").unwrap();
        let record = build_record_with(&data.referential, &state, &circ, &names()).unwrap();
        let voters = voters_of(&state, &record);
        let pv = Pv {
            election: &data.election,
            record: &record,
            bureau: &bureau,
            checked: 0,
            voters: &voters,
            signer: "Claire Dupont",
            digest: Some(DIGEST),
            reference: None,
            appeal: None,
        };
        let signer = Signer {
            name: "Claire Dupont",
            observer: claire(),
            qualite: Some(&Qualite::Electeur),
            feminine: None,
        };
        let mut r = Vec::new();
        reclamation(&pv, &signer, cat, &mut r).unwrap();
        let r = String::from_utf8(r).unwrap();
        // 17:10 UTC is 13 h 10 in Guadeloupe (UTC − 4), said so.
        assert!(
            r.contains(
                "le samedi 9 avril 2022 de 13 h 10 à au moins 13 h 30, heure de la Guadeloupe"
            ),
            "{r}"
        );
        assert!(r.contains("Fait aux Abymes, le samedi 9 avril 2022"), "{r}");
        let mut m = Vec::new();
        remedy(&pv, &signer, &Appeal::default(), cat, &mut m).unwrap();
        let m = String::from_utf8(m).unwrap();
        assert!(
            m.contains("clôture du scrutin du samedi 9 avril 2022"),
            "{m}"
        );
    }

    #[test]
    fn a_voting_machine_bureau_has_no_table_and_no_mailed_ballot_to_complain_of() {
        let d = day(2022, 4, 10);
        let mut data = data(ElectionKind::Presidentielle, d);
        let code = BureauCode::parse("75056_0911").unwrap();
        if let Some(b) = data.referential.bureaux.get_mut(&code) {
            b.voting_machines = true;
        }
        let state = RecordState::fold(&events(d));
        let circ = CirconscriptionCode::parse("7501").unwrap();
        let record = build_record_with(&data.referential, &state, &circ, &names()).unwrap();
        let bureau = data.referential.bureaux[&code].clone();
        let voters = voters_of(&state, &record);
        let pv = Pv {
            election: &data.election,
            record: &record,
            bureau: &bureau,
            checked: 0,
            voters: &voters,
            signer: "Claire Dupont",
            digest: Some(DIGEST),
            reference: None,
            appeal: None,
        };
        let facts = own_facts(&pv, claire(), Lang::Fr.catalog());
        // R.34, last paragraph; L.58 al. 2 (law.md §2.5): the déclaration is still due, the
        // ballot is not mailed and there is no table.
        assert!(
            facts
                .iter()
                .any(|f| f.contains("pas de déclaration de n° 1")),
            "{facts:?}"
        );
        assert!(
            !facts.iter().any(|f| f.contains("bulletin de n° 1")),
            "{facts:?}"
        );
        assert!(!facts.iter().any(|f| f.contains("MAILLARD")), "{facts:?}");
    }

    #[test]
    fn french_abroad_in_the_americas_vote_on_saturday_at_the_legislatives() {
        let election = Election {
            kind: ElectionKind::Legislatives,
            year: 2022,
            round: 1,
            date: Some(day(2022, 6, 12)),
        };
        let bureau = |circ: &str| Bureau {
            code: BureauCode::parse("99999_0001").unwrap(),
            circonscription: Some(CirconscriptionCode::parse(circ).unwrap()),
            label: String::new(),
            address: String::new(),
            commune: String::new(),
            voting_machines: false,
        };
        assert_eq!(vote_day(&election, &bureau("ZZ02")), Some(day(2022, 6, 11)));
        assert_eq!(vote_day(&election, &bureau("ZZ05")), Some(day(2022, 6, 12)));
    }

    #[test]
    fn the_reclamation_and_its_annex_print_the_signer_s_key_and_chain_reference() {
        let d = day(2017, 6, 11);
        let data = data(ElectionKind::Legislatives, d);
        let state = RecordState::fold(&events(d));
        let circ = CirconscriptionCode::parse("7501").unwrap();
        let record = build_record_with(&data.referential, &state, &circ, &names()).unwrap();
        let bureau = data.referential.bureaux[&BureauCode::parse("75056_0911").unwrap()].clone();
        let voters = voters_of(&state, &record);
        let reference = crate::domain::fingerprint::ChainReference::new(7, &[0xab; 32], &[9; 32]);
        let pv = Pv {
            election: &data.election,
            record: &record,
            bureau: &bureau,
            checked: checked_at_bureau(&state, &record, &bureau),
            voters: &voters,
            signer: "Claire Dupont",
            digest: Some(DIGEST),
            reference: Some(&reference),
            appeal: None,
        };
        let signer = Signer {
            name: "Claire Dupont",
            observer: claire(),
            qualite: None,
            feminine: None,
        };
        for lang in [Lang::Fr, Lang::En] {
            let cat = lang.catalog();
            let (mut r, mut a) = (Vec::new(), Vec::new());
            reclamation(&pv, &signer, cat, &mut r).unwrap();
            annex(&pv, signer.name, cat, &mut a).unwrap();
            for text in [r, a].map(|b| String::from_utf8(b).unwrap()) {
                let line = text
                    .lines()
                    .find(|l| l.contains(&reference.to_string()))
                    .unwrap_or_else(|| panic!("no chain reference in:\n{text}"));
                assert!(
                    line.contains(&format!("{} ;", reference.fingerprint))
                        || line.contains(&format!("{};", reference.fingerprint)),
                    "{line}"
                );
                assert!(line.starts_with(match lang {
                    Lang::Fr => "Clé du signataire",
                    Lang::En => "Signer's key",
                }));
            }
        }
    }

    #[test]
    fn the_short_reference_is_the_digest_s_first_16_digits_by_four() {
        assert_eq!(thousands(2_500, Lang::Fr), "2 500");
        assert_eq!(thousands(1_234_567, Lang::En), "1,234,567");
        assert_eq!(thousands(999, Lang::Fr), "999");
        assert_eq!(short_reference(DIGEST), "5f1c 0e8a 9b7d 6c5e");
        assert_eq!(short_reference("abc"), "abc");
    }

    #[test]
    fn citations_group_the_articles_of_one_text() {
        use crate::domain::law::RECLAMATION;
        assert_eq!(
            cite(RECLAMATION, Lang::Fr),
            "article R.52 du code électoral"
        );
        let l = Law::of(ElectionKind::Legislatives);
        assert_eq!(
            cite(l.deadline.cite, Lang::Fr),
            "article 33 de l'ordonnance n° 58-1067 du 7 novembre 1958, article LO.180 du code électoral"
        );
        assert_eq!(
            cite(l.mailing.cite, Lang::En),
            "articles L.166, R.34 and R.38 of the code électoral"
        );
    }

    #[test]
    fn a_signer_who_did_not_observe_the_bureau_is_told_apart() {
        let d = day(2017, 6, 11);
        let data = data(ElectionKind::Legislatives, d);
        let state = RecordState::fold(&events(d));
        let circ = CirconscriptionCode::parse("7501").unwrap();
        let record = build_record_with(&data.referential, &state, &circ, &names()).unwrap();
        let here = &data.referential.bureaux[&BureauCode::parse("75056_0911").unwrap()];
        let other = &data.referential.bureaux[&BureauCode::parse("75056_0912").unwrap()];
        assert!(observed_bureau(&state, &record, here, claire()));
        assert!(observed_bureau(
            &state,
            &record,
            here,
            ObserverId(Uuid::from_u128(2))
        ));
        assert!(!observed_bureau(&state, &record, other, claire()));
        assert!(!observed_bureau(
            &state,
            &record,
            here,
            ObserverId(Uuid::from_u128(9))
        ));
    }
}
