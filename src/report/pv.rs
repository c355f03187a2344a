//! `constat pv`: the réclamation to copy by hand into a bureau's procès-verbal (R.52), or, for an
//! appeal, the draft statement of facts for a requête to the Conseil constitutionnel with its
//! deadline (LO.180, ordonnance 58-1067 art. 33).
//!
//! Pure: the caller gives the record, the bureau, the signer and the digest; times are printed in
//! UTC, said so in the text.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};

use chrono::NaiveDate;

use super::{missing_from_envelope, title, who};
use crate::domain::appeal::appeal_deadline;
use crate::domain::findings::EnvelopeCause;
use crate::domain::findings::{Detail, Sighting};
use crate::domain::legal_time::LegalZone;
use crate::domain::record::Finding;
use crate::domain::state::RecordState;
use crate::domain::{Bureau, CircRecord, Election, EventId, Item, Mark, Panel};
use crate::i18n::{Catalog, Message};

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
    /// The voters' names of the non-receipts, by event (they go into the procès-verbal only).
    pub voters: &'a BTreeMap<EventId, String>,
    /// Who signs: the database's observer.
    pub signer: &'a str,
    /// The evidence digest (`Store::chain_digest`).
    pub digest: Option<&'a str>,
    /// With `--appeal`: the day the results were proclaimed.
    pub appeal: Option<NaiveDate>,
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

/// The facts of the bureau, then of the circonscription's envelopes, one sentence each.
pub fn facts(pv: &Pv<'_>, cat: &Catalog) -> Facts {
    let t = &cat.pv;
    let code = &pv.bureau.code;
    // Times in the bureau's legal local time (law.md §2.8).
    let zone = LegalZone::of_bureau(code);
    // Irregularities only: no "nothing missing", no "22 checked" (law.md §3a: no non-grievances),
    // and nothing about what nobody observed (law.md §2.9). A bureau with voting machines has no
    // table (L.58 al. 2): nothing to say about it.
    let mut at_bureau = Vec::new();
    if !pv.bureau.voting_machines {
        for d in &pv.record.details {
            match d {
                Detail::AbsentFromTable {
                    bureau,
                    candidate,
                    periods,
                } if bureau == code => at_bureau.push((t.bureau_absent)(
                    &super::candidate_name(candidate),
                    &super::absence_periods(periods, zone, cat),
                )),
                Detail::Disagreement {
                    bureau,
                    candidate,
                    observations,
                    ..
                } if bureau == code => at_bureau.push((t.bureau_disagreement)(
                    &super::candidate_name(candidate),
                    &super::views(observations, zone, cat),
                )),
                _ => {}
            }
        }
    }
    // Whether anything below is an irregularity: a candidate's documents absent from every
    // envelope may be lawful (not supplied, or too few for mailing: R.38, R.34 al. 6) and alone
    // makes no réclamation.
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
    for f in &pv.record.findings {
        if let Finding::MissingFromEnvelope {
            gap,
            at_bureau,
            cause,
            candidates,
        } = f
        {
            irregular |= *cause == EnvelopeCause::DistributionFailure;
            let mut sightings: Vec<Sighting> = candidates
                .iter()
                .flat_map(|c| seen.get(&c.panel).into_iter().flatten())
                .map(|s| (*s).clone())
                .collect();
            sightings.sort_by_key(|s| (s.at, s.observer));
            let mut line = missing_from_envelope(*gap, *at_bureau, *cause, candidates, cat);
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
            irregular = true;
            if let [h] = observations.as_slice() {
                let by = format!("{} ({})", h.observer_name, super::time(h.at, zone, cat));
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
                irregular = true;
                let by = format!("{} ({})", n.observer_name, super::time(n.at, zone, cat));
                envelopes.push((t.non_receipt)(
                    pv.voters.get(&n.event).map(String::as_str),
                    &by,
                ));
            }
        }
    }
    if elsewhere > 0 {
        envelopes.push((t.non_receipts_elsewhere)(elsewhere));
    }
    Facts {
        at_bureau,
        envelopes,
        irregular,
    }
}

/// The facts of a réclamation: at the bureau, in the circonscription's envelopes, and whether
/// any of them is an irregularity.
pub struct Facts {
    /// The bureau's irregularities (periods of absence from the table, contradictions).
    pub at_bureau: Vec<String>,
    /// The envelopes' facts (missing documents, households short of envelopes, non-receipts).
    pub envelopes: Vec<String>,
    /// False when nothing observed is an irregularity to write into the procès-verbal: then no
    /// réclamation is printed.
    pub irregular: bool,
}

fn digest(pv: &Pv<'_>, cat: &Catalog) -> String {
    match pv.digest {
        Some(d) => (cat.digest_some)(d),
        None => cat.digest_none.to_owned(),
    }
}

/// Writes the réclamation and, with [`Pv::appeal`], after it the appeal deadline and the draft
/// of the facts for the requête.
pub fn render(pv: &Pv<'_>, cat: &Catalog, out: &mut dyn Write) -> io::Result<()> {
    let t = &cat.pv;
    let c = &pv.record.circonscription;
    let mut place = pv.bureau.label.clone();
    if !pv.bureau.address.is_empty() {
        place.push_str(", ");
        place.push_str(&pv.bureau.address);
    }
    let Facts {
        at_bureau,
        envelopes,
        irregular,
    } = facts(pv, cat);
    if !irregular {
        // One sentence, no réclamation (law.md §3a: no non-grievances).
        return writeln!(
            out,
            "{}",
            Message::new("pv-nothing-to-write")
                .arg("bureau", pv.bureau.code.as_str())
                .render(cat.lang)
        );
    }
    let heading = |out: &mut dyn Write, first: &str| -> io::Result<()> {
        writeln!(out, "{first}")?;
        writeln!(out, "{}", title(pv.election, cat))?;
        writeln!(
            out,
            "{} {}{}{}",
            cat.circonscription, c.code, cat.list_sep, c.label
        )?;
        writeln!(out, "{}", (t.bureau)(pv.bureau.code.as_str(), &place))
    };
    heading(out, t.title)?;
    writeln!(out)?;
    writeln!(out, "{}", (t.intro)(pv.signer))?;
    writeln!(out)?;
    // A section with no fact is left out.
    for (heading, lines) in [(t.at_bureau, &at_bureau), (t.envelopes, &envelopes)] {
        if lines.is_empty() {
            continue;
        }
        writeln!(out, "{heading}")?;
        for f in lines {
            writeln!(out, "- {f}")?;
        }
        writeln!(out)?;
    }
    writeln!(out, "{}", t.closing)?;
    writeln!(out, "{}", pv.signer)?;
    writeln!(out, "{}", t.signature)?;
    // The appeal comes after the réclamation: the requête cites it.
    if let Some(proclamation) = pv.appeal {
        writeln!(out)?;
        writeln!(out, "{}", "-".repeat(72))?;
        writeln!(out)?;
        heading(out, t.appeal_title)?;
        writeln!(out)?;
        let deadline =
            appeal_deadline(proclamation).map_or_else(|| "?".to_owned(), |d| (t.deadline)(d));
        writeln!(
            out,
            "{}",
            (t.appeal_deadline)(&deadline, &(t.date)(proclamation))
        )?;
        writeln!(out, "{}", t.appeal_who)?;
        writeln!(out)?;
        writeln!(out, "{}", t.appeal_facts)?;
        let mut n = 0;
        for (heading, lines) in [(t.at_bureau, &at_bureau), (t.envelopes, &envelopes)] {
            if lines.is_empty() {
                continue;
            }
            writeln!(out, "{heading}")?;
            for f in lines {
                n += 1;
                writeln!(out, "{n}. {f}")?;
            }
        }
        writeln!(out, "{}", (t.appeal_pv)(pv.bureau.code.as_str()))?;
        writeln!(out)?;
        writeln!(out, "{}", t.appeal_pieces)?;
        writeln!(out, "{}", pv.signer)?;
        writeln!(out, "{}", t.signature)?;
    }
    writeln!(out)?;
    writeln!(out, "{}", digest(pv, cat))
}
