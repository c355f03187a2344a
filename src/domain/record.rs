//! The record of a circonscription, as on the 2017 hand-written original: every candidate with the
//! three columns, then the findings that a reader draws from it, then each finding with the
//! observations behind it ([`Detail`], see [`super::findings`]).

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::CirconscriptionCode;
use super::codes::{BureauCode, Panel};
use super::event::{Item, Mark, ObserverId};
use super::findings::{
    AbsencePeriod, EnvelopeSeen, HouseholdSighting, HouseholdSums, LateSighting, MachinesSighting,
    NonReceiptSighting, Sighting,
};
pub use super::findings::{Detail, EnvelopeCause, Names, Tally};
use super::legal_time::LegalZone;
use super::periods::{Absence, absences, contradictions};
use super::referential::{Bureau, Candidate, Circonscription, Referential};
use super::state::{EnvelopeFact, MachinesView, NonReceiptFact, Observation, RecordState};

/// One bureau cell's periods of absence and the sightings that contradict them.
type TableHistory = (Vec<Absence>, Vec<Observation>);

/// One candidate's line of the record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecordRow {
    /// Who.
    pub candidate: Candidate,
    /// Profession de foi, bulletin courrier, bulletin bureau (see [`combine`] for how several
    /// observations of a cell make one mark).
    pub marks: [Mark; 3],
    /// True where observers of the same bureau contradict each other on its table (one saw the
    /// ballot there within another's period of absence, see [`super::periods`]). Always false for the envelope columns: observers who differ
    /// there describe different envelopes (a distribution failure, see [`Detail`]).
    pub disputed: [bool; 3],
    /// Present and absent observations of each column (all bureaux together for the last one,
    /// bureaux with voting machines left out).
    pub tally: [Tally; 3],
}

impl RecordRow {
    /// The mark of one column.
    pub fn mark(&self, item: Item) -> Mark {
        self.marks[item.index()]
    }
}

/// What is missing from the envelope.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EnvelopeGap {
    /// Neither the profession de foi nor the ballot.
    Both,
    /// The profession de foi only.
    Foi,
    /// The ballot only.
    Courrier,
}

impl EnvelopeGap {
    /// The envelope items that are missing.
    pub fn items(self) -> &'static [Item] {
        match self {
            Self::Both => &[Item::Foi, Item::Courrier],
            Self::Foi => &[Item::Foi],
            Self::Courrier => &[Item::Courrier],
        }
    }
}

/// A conclusion drawn from the record. Candidates are listed in panel order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "finding", rename_all = "snake_case")]
pub enum Finding {
    /// These candidates had all three items.
    Complete {
        /// Who.
        candidates: Vec<Candidate>,
    },
    /// These candidates had `gap` missing from the envelope; `at_bureau` is their (common) mark at
    /// the bureau, `cause` whether every observed envelope lacked it (not supplied) or only some.
    MissingFromEnvelope {
        /// What was missing.
        gap: EnvelopeGap,
        /// Their mark at the bureau.
        at_bureau: Mark,
        /// Not supplied (with the number of envelopes looked at) or distribution failure.
        cause: EnvelopeCause,
        /// Who.
        candidates: Vec<Candidate>,
    },
    /// These candidates' ballots were seen absent from a bureau's table (at least one observer of
    /// at least one bureau without voting machines) at some time, restocked since or not.
    MissingAtBureau {
        /// Who.
        candidates: Vec<Candidate>,
    },
    /// Observers of the same bureau contradict each other on these candidates' ballots: every
    /// view is kept, none is averaged away.
    Disputed {
        /// Who.
        candidates: Vec<Candidate>,
    },
    /// Cells not checked yet: the record is incomplete for these candidates.
    NotChecked {
        /// Who.
        candidates: Vec<Candidate>,
    },
    /// Fewer envelopes than voters at the recorded addresses.
    Shortfall {
        /// Voters at the addresses, summed over households.
        voters: u32,
        /// Envelopes received, summed.
        received: u32,
        /// Missing envelopes, summed per household.
        missing: u32,
        /// How many households were recorded.
        households: usize,
    },
    /// Voters who received no envelope at all.
    NonReceipts {
        /// How many.
        count: usize,
        /// Their bureaux, in code order.
        bureaux: Vec<BureauCode>,
    },
}

/// The record of one circonscription.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CircRecord {
    /// Which circonscription.
    pub circonscription: Circonscription,
    /// The bureaux observed (bureau ticks or non-receipts), in code order. Bureaux with voting
    /// machines are listed (`voting_machines`) but give no finding.
    pub bureaux: Vec<Bureau>,
    /// One row per candidate, in panel order.
    pub rows: Vec<RecordRow>,
    /// Household envelope counts: (voters, received), one per observer.
    pub households: Vec<(u32, u32)>,
    /// Non-receipts recorded.
    pub non_receipts: usize,
    /// What the record shows, as on the 2017 original.
    pub findings: Vec<Finding>,
    /// The findings one by one, with the observations behind each (see [`Detail`]).
    pub details: Vec<Detail>,
}

/// Combines the current observations of one column into one mark: unchecked when nobody checked,
/// absent when anyone saw it absent (a missing item is what a complaint needs), present otherwise.
/// The second value is true when observations disagree.
pub fn combine(marks: impl IntoIterator<Item = Mark>) -> (Mark, bool) {
    let (mut present, mut absent) = (false, false);
    for m in marks {
        present |= m == Mark::Present;
        absent |= m == Mark::Absent;
    }
    let mark = if absent {
        Mark::Absent
    } else if present {
        Mark::Present
    } else {
        Mark::Unchecked
    };
    (mark, present && absent)
}

/// Builds the record of `circ` from the reference data and the state, observers named by their
/// id. `None` when the circonscription is not in the reference data.
pub fn build_record(
    referential: &Referential,
    state: &RecordState,
    circ: &CirconscriptionCode,
) -> Option<CircRecord> {
    build_record_with(referential, state, circ, &Names::new())
}

/// Builds the record of `circ`, naming observers from `names` (`Store::observers`). `None` when
/// the circonscription is not in the reference data.
///
/// Envelope columns: each observer reports their own envelope, so observers who differ describe
/// different envelopes (a distribution failure), not a contradiction. Bureau column: observers of
/// the same bureau who differ contradict each other (a disagreement); bureaux with voting machines
/// are left out of the marks and give no finding.
pub fn build_record_with(
    referential: &Referential,
    state: &RecordState,
    circ: &CirconscriptionCode,
    names: &Names,
) -> Option<CircRecord> {
    let circonscription = referential.circonscriptions.get(circ)?.clone();
    let machines = |b: &BureauCode| votes_on_machines(referential, state, b);
    // Households of a machines bureau are mailed no ballot (R.34 last paragraph): their mailed
    // ballot column says nothing. The household's bureau is on its envelope record or its ticks.
    let machine_households: BTreeSet<ObserverId> = state
        .envelopes_of(circ)
        .filter(|f| f.bureau.as_ref().is_some_and(machines))
        .map(|f| f.observer)
        .collect();
    let mut observed_bureaux: BTreeSet<BureauCode> = BTreeSet::new();
    let mut envelope: BTreeMap<(Panel, Item), Vec<&Observation>> = BTreeMap::new();
    // By bureau then panel, so that findings come out in that order.
    let mut at_bureau: BTreeMap<(&BureauCode, Panel), Vec<&Observation>> = BTreeMap::new();
    let mut bureau_without_code: BTreeMap<Panel, Vec<&Observation>> = BTreeMap::new();
    // Cells come bureau by bureau: look each bureau up once.
    let mut last: Option<(&BureauCode, bool)> = None;
    for (key, obs) in state.cells_of(circ) {
        match (key.bureau, key.item) {
            (Some(b), Item::Bureau) => {
                let on_machines = match last {
                    Some((l, m)) if l == b => m,
                    _ => {
                        observed_bureaux.insert(b.clone());
                        let m = machines(b);
                        last = Some((b, m));
                        m
                    }
                };
                if !on_machines {
                    at_bureau.entry((b, key.panel)).or_default().push(obs);
                }
            }
            (None, Item::Bureau) => bureau_without_code.entry(key.panel).or_default().push(obs),
            (_, Item::Courrier)
                if machine_households.contains(&obs.observer)
                    || obs.bureau.as_ref().is_some_and(machines) => {}
            (_, item) => envelope.entry((key.panel, item)).or_default().push(obs),
        }
    }
    let mut by_panel: BTreeMap<Panel, Vec<&Observation>> = BTreeMap::new();
    for ((_, panel), seen) in &at_bureau {
        by_panel
            .entry(*panel)
            .or_default()
            .extend(seen.iter().copied());
    }
    for (panel, seen) in &bureau_without_code {
        by_panel
            .entry(*panel)
            .or_default()
            .extend(seen.iter().copied());
    }
    // The table as a time series: each observer's periods of absence, and the sightings that
    // contradict them (see `super::periods`). Bureaux with voting machines have no table.
    let mut histories: BTreeMap<(&BureauCode, Panel), TableHistory> = BTreeMap::new();
    let mut last: Option<(&BureauCode, bool)> = None;
    for (key, ticks) in state.bureau_ticks_of(circ) {
        let Some(b) = key.bureau else { continue };
        let on_machines = match last {
            Some((l, m)) if l == b => m,
            _ => {
                let m = machines(b);
                last = Some((b, m));
                m
            }
        };
        if on_machines || !ticks.iter().any(|o| o.mark == Mark::Absent) {
            continue;
        }
        let periods = absences(ticks.iter().copied());
        let against = contradictions(&periods, &ticks);
        histories.insert((b, key.panel), (periods, against));
    }
    let contradicted: BTreeSet<Panel> = histories
        .iter()
        .filter(|(_, (_, against))| !against.is_empty())
        .map(|((_, panel), _)| *panel)
        .collect();
    let absent_at_table: BTreeSet<Panel> = histories
        .iter()
        .filter(|(_, (periods, _))| !periods.is_empty())
        .map(|((_, panel), _)| *panel)
        .collect();

    let candidates = referential.candidates_of(circ);
    let no_observation: Vec<&Observation> = Vec::new();
    let seen_in = |panel: Panel, item: Item| -> &[&Observation] {
        match item {
            Item::Bureau => by_panel.get(&panel),
            _ => envelope.get(&(panel, item)),
        }
        .unwrap_or(&no_observation)
    };
    let mut rows = Vec::with_capacity(candidates.len());
    let mut causes = Vec::with_capacity(candidates.len());
    let mut not_supplied = Vec::new();
    let mut distribution = Vec::new();
    for c in candidates {
        let mut marks = [Mark::Unchecked; 3];
        let mut tally = [Tally::default(); 3];
        for item in Item::ALL {
            let seen = seen_in(c.panel, item);
            marks[item.index()] = combine(seen.iter().map(|o| o.mark)).0;
            tally[item.index()] = Tally::of(seen.iter().copied());
        }
        let mut disputed = [false; 3];
        disputed[Item::Bureau.index()] = contradicted.contains(&c.panel);
        let row = RecordRow {
            candidate: c.clone(),
            marks,
            disputed,
            tally,
        };
        let env = EnvelopeSeen {
            foi: seen_in(c.panel, Item::Foi).to_vec(),
            courrier: seen_in(c.panel, Item::Courrier).to_vec(),
        };
        causes.push(envelope_gap(&row).map(|gap| env.cause(gap.items())));
        env.details(c, names, &mut not_supplied, &mut distribution);
        rows.push(row);
    }

    let mut details = not_supplied;
    details.append(&mut distribution);
    let candidate_of = |panel: Panel| candidates.iter().find(|c| c.panel == panel);
    for ((bureau, panel), (periods, _)) in &histories {
        let Some(candidate) = candidate_of(*panel) else {
            continue;
        };
        if !periods.is_empty() {
            details.push(Detail::AbsentFromTable {
                bureau: (*bureau).clone(),
                candidate: candidate.clone(),
                periods: periods
                    .iter()
                    .map(|p| AbsencePeriod::new(p, names))
                    .collect(),
            });
        }
    }
    for ((bureau, panel), (_, against)) in &histories {
        let Some(candidate) = candidate_of(*panel) else {
            continue;
        };
        if !against.is_empty() {
            details.push(Detail::Disagreement {
                bureau: (*bureau).clone(),
                candidate: candidate.clone(),
                item: Item::Bureau,
                observations: against.iter().map(|o| Sighting::new(o, names)).collect(),
            });
        }
    }

    for b in state.bureaux_with_machines_statements() {
        if state.machines_of(b) != MachinesView::Disputed {
            continue;
        }
        let statements: Vec<MachinesSighting> = state
            .machines_statements(b)
            .filter(|f| &f.circonscription == circ)
            .map(|f| MachinesSighting::new(f, names))
            .collect();
        if statements.iter().any(|s| s.machines) && statements.iter().any(|s| !s.machines) {
            observed_bureaux.insert(b.clone());
            details.push(Detail::MachinesDisputed {
                bureau: b.clone(),
                statements,
            });
        }
    }
    details.extend(late_details(referential, state, circ, names));

    let envelope_facts: Vec<&EnvelopeFact> = state.envelopes_of(circ).collect();
    let households: Vec<(u32, u32)> = envelope_facts
        .iter()
        .map(|f| (f.voters, f.received))
        .collect();
    let non_receipt_facts: Vec<&NonReceiptFact> = state.non_receipts_of(circ).collect();
    let non_receipt_bureaux: Vec<BureauCode> =
        non_receipt_facts.iter().map(|f| f.bureau.clone()).collect();
    observed_bureaux.extend(non_receipt_bureaux.iter().cloned());
    let sums = HouseholdSums::of(&households, non_receipt_facts.len());
    if !households.is_empty() {
        let mut observations: Vec<HouseholdSighting> = envelope_facts
            .iter()
            .map(|f| HouseholdSighting::new(f, names))
            .collect();
        observations.sort_by_key(|h| (h.at, h.observer));
        details.push(Detail::Shortfall {
            rate: sums.shortfall(),
            received: sums.received,
            observations,
        });
    }
    // An observer's own non-receipt is one of their household's missing envelopes (law.md
    // §2.10), as many of them as the household misses.
    let mut room: BTreeMap<ObserverId, u32> =
        envelope_facts.iter().map(|f| (f.observer, 0)).collect();
    for f in &envelope_facts {
        if let Some(n) = room.get_mut(&f.observer) {
            *n += f.missing();
        }
    }
    let mut in_shortfall = 0;
    if !non_receipt_facts.is_empty() {
        let mut observations: Vec<NonReceiptSighting> = non_receipt_facts
            .iter()
            .map(|f| {
                let counted = f.own_household
                    && room.get_mut(&f.observer).is_some_and(|n| {
                        let free = *n > 0;
                        *n = n.saturating_sub(1);
                        free
                    });
                in_shortfall += usize::from(counted);
                NonReceiptSighting::new(f, names, counted)
            })
            .collect();
        observations.sort_by_key(|n| (n.at, n.observer, n.event));
        details.push(Detail::NonReceipts {
            count: non_receipt_facts.len(),
            in_shortfall,
            rate: sums.non_receipt_rate(),
            observations,
        });
    }

    let findings = findings(
        &rows,
        &causes,
        &absent_at_table,
        &households,
        &non_receipt_bureaux,
    );
    let bureaux = observed_bureaux
        .into_iter()
        .map(|code| {
            let on_machines = machines(&code);
            let mut b = referential
                .bureaux
                .get(&code)
                .cloned()
                .unwrap_or_else(|| Bureau {
                    label: code.to_string(),
                    code,
                    circonscription: Some(circ.clone()),
                    address: String::new(),
                    commune: String::new(),
                    voting_machines: false,
                });
            b.voting_machines = on_machines;
            b
        })
        .collect();
    Some(CircRecord {
        circonscription,
        bureaux,
        rows,
        non_receipts: non_receipt_bureaux.len(),
        households,
        findings,
        details,
    })
}

/// Whether `bureau` votes on machines: as its observers say when they agree, else as the reference
/// data say (an official table's column, or a file before schema version 4). When observers
/// disagree, its table's findings stand and the disagreement is listed.
pub fn votes_on_machines(
    referential: &Referential,
    state: &RecordState,
    bureau: &BureauCode,
) -> bool {
    match state.machines_of(bureau) {
        MachinesView::Machines => true,
        MachinesView::NoMachines | MachinesView::Disputed => false,
        MachinesView::Unsaid => referential
            .bureaux
            .get(bureau)
            .is_some_and(|b| b.voting_machines),
    }
}

/// Observations of `circ` seen after the polls closed on their place's own day of the vote, and
/// households whose envelopes are recorded as received after it (law.md §2.8). The day is the
/// bureau's own: a Saturday where the kind votes a day earlier (law.md §4.6), so that a
/// Guadeloupe table seen on the Sunday of the présidentielle is flagged.
fn late_details(
    referential: &Referential,
    state: &RecordState,
    circ: &CirconscriptionCode,
    names: &Names,
) -> Vec<Detail> {
    let Some(election_day) = referential.election_day else {
        return Vec::new();
    };
    let day_of = |bureau: Option<&BureauCode>| {
        referential.election_kind.map_or(election_day, |kind| {
            super::law::Law::of(kind).vote_day_at(election_day, circ, bureau)
        })
    };
    let mut late: Vec<LateSighting> = state
        .cells_of(circ)
        .filter(|(key, o)| {
            let bureau = key.bureau.or(o.bureau.as_ref());
            let zone = LegalZone::of_place(circ, bureau);
            o.mark != Mark::Unchecked && super::timing::after_polls(o.at, day_of(bureau), zone)
        })
        .map(|(key, o)| LateSighting {
            panel: key.panel,
            item: key.item,
            bureau: key.bureau.cloned(),
            sighting: Sighting::new(o, names),
        })
        .collect();
    late.sort_by_key(|l| (l.sighting.at, l.sighting.observer, l.sighting.event));
    let mut out = Vec::new();
    if !late.is_empty() {
        out.push(Detail::SeenAfterPolls {
            count: late.len(),
            observations: late,
        });
    }
    // Per household, against its own bureau's day; the detail names the circonscription's day
    // (the earliest of its places' days, when they differ).
    let mut day = election_day;
    let mut arrived: Vec<HouseholdSighting> = state
        .envelopes_of(circ)
        .filter(|f| {
            // Arrived after the vote, or counted after the close without the day of arrival
            // (issue 13.6): the count cannot be dated to the election.
            let own = day_of(f.bureau.as_ref());
            let zone = LegalZone::of_place(circ, f.bureau.as_ref());
            let late = f
                .received_on
                .map_or_else(|| super::timing::after_polls(f.at, own, zone), |d| d > own);
            if late {
                day = day.min(own);
            }
            late
        })
        .map(|f| HouseholdSighting::new(f, names))
        .collect();
    if !arrived.is_empty() {
        arrived.sort_by_key(|h| (h.at, h.observer));
        out.push(Detail::ReceivedAfterElection {
            election_day: day,
            observations: arrived,
        });
    }
    out
}

fn findings(
    rows: &[RecordRow],
    causes: &[Option<EnvelopeCause>],
    absent_at_table: &BTreeSet<Panel>,
    households: &[(u32, u32)],
    non_receipt_bureaux: &[BureauCode],
) -> Vec<Finding> {
    let who = |pred: &dyn Fn(usize, &RecordRow) -> bool| -> Vec<Candidate> {
        rows.iter()
            .enumerate()
            .filter(|(i, r)| pred(*i, r))
            .map(|(_, r)| r.candidate.clone())
            .collect()
    };
    let mut out = Vec::new();
    let complete = who(&|_, r| r.marks == [Mark::Present; 3]);
    if !complete.is_empty() {
        out.push(Finding::Complete {
            candidates: complete,
        });
    }
    let mut groups: BTreeMap<(EnvelopeGap, Mark, EnvelopeCause), Vec<Candidate>> = BTreeMap::new();
    for (row, cause) in rows.iter().zip(causes) {
        if let (Some(gap), Some(cause)) = (envelope_gap(row), cause) {
            groups
                .entry((gap, row.mark(Item::Bureau), *cause))
                .or_default()
                .push(row.candidate.clone());
        }
    }
    // At the bureau: present first, then absent, then not checked (as in the 2017 original).
    let bureau_order = |m: Mark| match m {
        Mark::Present => 0,
        Mark::Absent => 1,
        Mark::Unchecked => 2,
    };
    let mut groups: Vec<_> = groups.into_iter().collect();
    groups.sort_by_key(|((gap, at_bureau, cause), _)| (*gap, bureau_order(*at_bureau), *cause));
    for ((gap, at_bureau, cause), candidates) in groups {
        out.push(Finding::MissingFromEnvelope {
            gap,
            at_bureau,
            cause,
            candidates,
        });
    }
    // Every candidate whose ballot was seen absent from a table at some time, restocked since
    // or not (the grid shows the current mark).
    let at_bureau = who(&|_, r| absent_at_table.contains(&r.candidate.panel));
    if !at_bureau.is_empty() {
        out.push(Finding::MissingAtBureau {
            candidates: at_bureau,
        });
    }
    let disputed = who(&|_, r| r.disputed.iter().any(|d| *d));
    if !disputed.is_empty() {
        out.push(Finding::Disputed {
            candidates: disputed,
        });
    }
    let unchecked = who(&|_, r| r.marks.contains(&Mark::Unchecked));
    let anything_checked = rows
        .iter()
        .flat_map(|r| r.marks)
        .any(|m| m != Mark::Unchecked);
    if !unchecked.is_empty() && anything_checked {
        out.push(Finding::NotChecked {
            candidates: unchecked,
        });
    }
    let missing: u32 = households.iter().map(|(v, r)| v.saturating_sub(*r)).sum();
    if missing > 0 {
        out.push(Finding::Shortfall {
            voters: households.iter().map(|h| h.0).sum(),
            received: households.iter().map(|h| h.1).sum(),
            missing,
            households: households.len(),
        });
    }
    if !non_receipt_bureaux.is_empty() {
        let mut bureaux = non_receipt_bureaux.to_vec();
        bureaux.sort();
        bureaux.dedup();
        out.push(Finding::NonReceipts {
            count: non_receipt_bureaux.len(),
            bureaux,
        });
    }
    out
}

fn envelope_gap(r: &RecordRow) -> Option<EnvelopeGap> {
    match (r.mark(Item::Foi), r.mark(Item::Courrier)) {
        (Mark::Absent, Mark::Absent) => Some(EnvelopeGap::Both),
        (Mark::Absent, _) => Some(EnvelopeGap::Foi),
        (_, Mark::Absent) => Some(EnvelopeGap::Courrier),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;
    use uuid::Uuid;

    use super::*;
    use crate::domain::{Event, EventBody, EventId, ObserverId, Sex};

    fn circ() -> CirconscriptionCode {
        CirconscriptionCode::parse("7501").unwrap()
    }

    fn bureau(n: &str) -> BureauCode {
        BureauCode::parse(&format!("75056_{n}")).unwrap()
    }

    /// 7501 with candidates 1 to 3; bureaux 0911 and 0912 on paper, 0913 on voting machines.
    fn referential() -> Referential {
        let mut r = Referential::default();
        r.circonscriptions.insert(
            circ(),
            Circonscription {
                code: circ(),
                label: "Paris, 1re circonscription".into(),
            },
        );
        r.candidates.insert(
            circ(),
            (1..=3)
                .map(|p| Candidate {
                    circonscription: circ(),
                    panel: Panel::new(p).unwrap(),
                    surname: format!("NOM{p}"),
                    given_name: "Prénom".into(),
                    sex: Sex::F,
                    nuance: "DIV".into(),
                })
                .collect(),
        );
        for (n, machines) in [("0911", false), ("0912", false), ("0913", true)] {
            r.bureaux.insert(
                bureau(n),
                Bureau {
                    code: bureau(n),
                    circonscription: Some(circ()),
                    label: format!("Bureau {n}"),
                    address: String::new(),
                    commune: "Paris".into(),
                    voting_machines: machines,
                },
            );
        }
        r
    }

    fn names() -> Names {
        (1..=20)
            .map(|o| (ObserverId(Uuid::from_u128(o)), format!("obs{o}")))
            .collect()
    }

    /// Events of observer `o`, one second apart from `o` hours past 06:00 UTC on 11 June 2017.
    fn by(o: u128, bodies: Vec<EventBody>) -> Vec<Event> {
        bodies
            .into_iter()
            .enumerate()
            .map(|(i, body)| Event {
                id: EventId(Uuid::from_u128(o << 64 | i as u128)),
                observer: ObserverId(Uuid::from_u128(o)),
                seq: i as u64 + 1,
                recorded_at: DateTime::from_timestamp(
                    1_497_160_800 + 3600 * o as i64 + i as i64,
                    0,
                )
                .unwrap(),
                seen_at: None,
                body,
            })
            .collect()
    }

    fn tick(panel: u16, item: Item, mark: Mark, at: &str) -> EventBody {
        EventBody::Tick {
            circonscription: circ(),
            bureau: Some(bureau(at)),
            panel: Panel::new(panel).unwrap(),
            item,
            mark,
            note: None,
            envelope: None,
        }
    }

    fn envelope(voters: u32, received: u32) -> EventBody {
        EventBody::Envelope {
            circonscription: circ(),
            bureau: None,
            voters,
            received,
            note: None,
            received_on: None,
        }
    }

    fn record(log: &[Event]) -> CircRecord {
        let state = RecordState::fold(log);
        build_record_with(&referential(), &state, &circ(), &names()).unwrap()
    }

    fn details<'a>(r: &'a CircRecord, kind: &str) -> Vec<&'a Detail> {
        r.details
            .iter()
            .filter(|d| serde_json::to_value(d).unwrap()["finding"].as_str() == Some(kind))
            .collect()
    }

    fn machines(at: &str, on: bool) -> EventBody {
        EventBody::Machines {
            circonscription: circ(),
            bureau: bureau(at),
            machines: on,
            note: None,
        }
    }

    fn absent_from_table(r: &CircRecord) -> Vec<u16> {
        details(r, "absent_from_table")
            .iter()
            .filter_map(|d| match d {
                Detail::AbsentFromTable { candidate, .. } => Some(candidate.panel.get()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_machines_statement_silences_the_table_until_withdrawn_and_a_counter_statement_is_a_disagreement()
     {
        let absent = tick(2, Item::Bureau, Mark::Absent, "0911");
        // Nobody said anything: the table's absence is a finding.
        assert_eq!(
            absent_from_table(&record(&by(1, vec![absent.clone()]))),
            [2]
        );
        // The observer says the bureau votes on machines: no table, no finding.
        let said = by(1, vec![absent.clone(), machines("0911", true)]);
        let r = record(&said);
        assert!(absent_from_table(&r).is_empty());
        assert!(
            r.bureaux
                .iter()
                .any(|b| b.code == bureau("0911") && b.voting_machines)
        );
        // Withdrawn (undo): the finding is back.
        let mut withdrawn = said.clone();
        withdrawn.extend(
            by(1, vec![EventBody::Retract { target: said[1].id }])
                .into_iter()
                .map(|mut e| {
                    e.seq = 3;
                    e.id = EventId(Uuid::from_u128(1 << 64 | 99));
                    e
                }),
        );
        assert_eq!(absent_from_table(&record(&withdrawn)), [2]);
        // Another observer says there are no machines: a disagreement, and the finding stands.
        let mut disputed = said.clone();
        disputed.extend(by(2, vec![machines("0911", false)]));
        let r = record(&disputed);
        assert_eq!(absent_from_table(&r), [2]);
        assert_eq!(details(&r, "machines_disputed").len(), 1);
        // The reference data's flag counts only while no observer said anything.
        let reference = by(1, vec![tick(2, Item::Bureau, Mark::Absent, "0913")]);
        assert!(absent_from_table(&record(&reference)).is_empty());
        let mut corrected = reference.clone();
        corrected.extend(by(2, vec![machines("0913", false)]));
        assert_eq!(absent_from_table(&record(&corrected)), [2]);
    }

    #[test]
    fn a_household_of_a_machines_bureau_is_mailed_no_ballot_r34() {
        let at_machines = |b: &str| {
            vec![
                EventBody::Envelope {
                    circonscription: circ(),
                    bureau: Some(bureau(b)),
                    voters: 1,
                    received: 1,
                    note: None,
                    received_on: None,
                },
                tick(1, Item::Foi, Mark::Absent, b),
                tick(1, Item::Courrier, Mark::Absent, b),
            ]
        };
        let r = record(&by(1, at_machines("0913")));
        let row = &r.rows[0];
        // The circulaire is still due; the mailed ballot says nothing.
        assert_eq!(row.mark(Item::Foi), Mark::Absent);
        assert_eq!(row.mark(Item::Courrier), Mark::Unchecked);
        let ordinary = record(&by(1, at_machines("0911")));
        assert_eq!(ordinary.rows[0].mark(Item::Courrier), Mark::Absent);
    }

    #[test]
    fn an_own_household_non_receipt_is_one_of_its_missing_envelopes_law_2_10() {
        let non_receipt = |voter: Option<&str>, household: Option<bool>| EventBody::NonReceipt {
            circonscription: circ(),
            bureau: bureau("0911"),
            voter: voter.map(str::to_owned),
            note: None,
            household,
        };
        let counted = |log: Vec<EventBody>| -> (usize, usize) {
            let r = record(&by(1, log));
            match details(&r, "non_receipts")[0] {
                Detail::NonReceipts {
                    count,
                    in_shortfall,
                    ..
                } => (*count, *in_shortfall),
                _ => unreachable!(),
            }
        };
        // 4 voters, 1 envelope: 3 missing, the observer's own non-receipt one of them.
        assert_eq!(
            counted(vec![envelope(4, 1), non_receipt(None, Some(true))]),
            (1, 1)
        );
        // Files before schema 4: no voter named is the observer's own.
        assert_eq!(
            counted(vec![envelope(4, 1), non_receipt(None, None)]),
            (1, 1)
        );
        // Another household's voter is another envelope.
        assert_eq!(
            counted(vec![envelope(4, 1), non_receipt(Some("Jean"), None)]),
            (1, 0)
        );
        assert_eq!(
            counted(vec![envelope(4, 1), non_receipt(Some("Jean"), Some(false))]),
            (1, 0)
        );
        // No more than the household misses: 2 voters, 1 envelope, 2 own non-receipts.
        assert_eq!(
            counted(vec![
                envelope(2, 1),
                non_receipt(None, Some(true)),
                non_receipt(None, Some(true))
            ]),
            (2, 1)
        );
        // No household recorded: nothing to count it in.
        assert_eq!(counted(vec![non_receipt(None, Some(true))]), (1, 0));
    }

    #[test]
    fn observations_after_the_polls_and_envelopes_after_the_vote_are_flagged() {
        let mut referential = referential();
        referential.election_day = chrono::NaiveDate::from_ymd_opt(2017, 6, 11);
        let fold = |log: &[Event]| {
            let state = RecordState::fold(log);
            build_record_with(&referential, &state, &circ(), &names()).unwrap()
        };
        // `by` records on 11 June 2017 in the morning: nothing to flag.
        let morning = by(1, vec![tick(1, Item::Bureau, Mark::Absent, "0911")]);
        assert!(details(&fold(&morning), "seen_after_polls").is_empty());
        // Seen at 20:30 in Paris (18:30 UTC): after the close.
        let mut evening = morning.clone();
        evening[0].seen_at = DateTime::from_timestamp(1_497_205_800, 0);
        assert_eq!(details(&fold(&evening), "seen_after_polls").len(), 1);
        // Typed in 2026 but said seen at 10:00 on the day: not flagged.
        let mut replayed = morning.clone();
        replayed[0].recorded_at = DateTime::from_timestamp(1_796_000_000, 0).unwrap();
        replayed[0].seen_at = DateTime::from_timestamp(1_497_168_000, 0);
        assert!(details(&fold(&replayed), "seen_after_polls").is_empty());
        let late = by(
            1,
            vec![EventBody::Envelope {
                circonscription: circ(),
                bureau: None,
                voters: 2,
                received: 2,
                note: None,
                received_on: chrono::NaiveDate::from_ymd_opt(2017, 6, 12),
            }],
        );
        assert_eq!(details(&fold(&late), "received_after_election").len(), 1);
    }

    /// At the présidentielle Guadeloupe votes on the Saturday (law.md §4.6): its table seen on
    /// the Sunday morning is after its own close, while the same time in Paris is not.
    #[test]
    fn after_the_polls_is_judged_against_the_bureau_s_own_day() {
        let mut referential = referential();
        referential.election_day = chrono::NaiveDate::from_ymd_opt(2022, 4, 10);
        referential.election_kind = Some(crate::domain::ElectionKind::Presidentielle);
        let guadeloupe = BureauCode::parse("97101_0001").unwrap();
        // Sunday 10 April 2022, 14:00 UTC: 10 h in Guadeloupe, 16 h in Paris.
        let sunday = DateTime::from_timestamp(1_649_599_200, 0);
        // Saturday 9 April 2022, 14:00 UTC: 10 h in Guadeloupe, its own day.
        let saturday = DateTime::from_timestamp(1_649_512_800, 0);
        let at = |place: &BureauCode, seen| {
            let mut log = by(1, vec![tick(1, Item::Bureau, Mark::Absent, "0911")]);
            if let EventBody::Tick { bureau, .. } = &mut log[0].body {
                *bureau = Some(place.clone());
            }
            log[0].seen_at = seen;
            let state = RecordState::fold(&log);
            let record = build_record_with(&referential, &state, &circ(), &names()).unwrap();
            details(&record, "seen_after_polls").len()
        };
        assert_eq!(at(&guadeloupe, sunday), 1);
        assert_eq!(at(&guadeloupe, saturday), 0);
        assert_eq!(at(&bureau("0911"), sunday), 0);
    }

    #[test]
    fn combining_marks_prefers_absent_and_flags_disagreement() {
        assert_eq!(combine([]), (Mark::Unchecked, false));
        assert_eq!(combine([Mark::Unchecked]), (Mark::Unchecked, false));
        assert_eq!(
            combine([Mark::Present, Mark::Unchecked]),
            (Mark::Present, false)
        );
        assert_eq!(combine([Mark::Absent, Mark::Absent]), (Mark::Absent, false));
        assert_eq!(combine([Mark::Present, Mark::Absent]), (Mark::Absent, true));
    }

    #[test]
    fn absent_from_the_only_envelope_is_not_supplied_on_a_single_envelope() {
        let r = record(&by(
            1,
            vec![
                tick(1, Item::Foi, Mark::Absent, "0911"),
                tick(1, Item::Courrier, Mark::Absent, "0911"),
                tick(1, Item::Bureau, Mark::Present, "0911"),
            ],
        ));
        let Detail::NotSupplied {
            items,
            envelopes,
            observations,
            ..
        } = details(&r, "not_in_any_envelope")[0]
        else {
            panic!("{:?}", r.details)
        };
        assert_eq!(items, &[Item::Foi, Item::Courrier]);
        assert_eq!(*envelopes, 1);
        assert_eq!(observations.len(), 2);
        assert_eq!(observations[0].observer_name, "obs1");
        assert!(r.findings.contains(&Finding::MissingFromEnvelope {
            gap: EnvelopeGap::Both,
            at_bureau: Mark::Present,
            cause: EnvelopeCause::NotSupplied { envelopes: 1 },
            candidates: vec![referential().candidates[&circ()][0].clone()],
        }));
    }

    fn in_envelope(panel: u16, item: Item, mark: Mark, n: u16) -> EventBody {
        EventBody::Tick {
            circonscription: circ(),
            bureau: None,
            panel: Panel::new(panel).unwrap(),
            item,
            mark,
            note: None,
            envelope: Some(n),
        }
    }

    #[test]
    fn one_households_envelopes_count_apart_and_never_contradict_each_other() {
        // One observer, two envelopes: candidate 1's profession de foi came in the first only,
        // candidate 2's in neither.
        let r = record(&by(
            1,
            vec![
                in_envelope(1, Item::Foi, Mark::Present, 1),
                in_envelope(1, Item::Foi, Mark::Absent, 2),
                in_envelope(2, Item::Foi, Mark::Absent, 1),
                in_envelope(2, Item::Foi, Mark::Absent, 2),
            ],
        ));
        let Detail::DistributionFailure {
            absent,
            present,
            observations,
            ..
        } = details(&r, "possible_distribution_failure")[0]
        else {
            panic!("{:?}", r.details)
        };
        assert_eq!((*absent, *present), (1, 1));
        assert_eq!(observations[0].envelope, Some(2));
        let Detail::NotSupplied {
            envelopes,
            observations,
            ..
        } = details(&r, "not_in_any_envelope")[0]
        else {
            panic!("{:?}", r.details)
        };
        assert_eq!(*envelopes, 2, "two envelopes of one household");
        let mut named: Vec<Option<u16>> = observations.iter().map(|s| s.envelope).collect();
        named.sort();
        assert_eq!(
            named,
            [Some(1), Some(2)],
            "each envelope is named, the first too"
        );
        assert!(details(&r, "disagreement").is_empty());
        let state = RecordState::fold(&by(
            1,
            vec![
                in_envelope(1, Item::Foi, Mark::Present, 1),
                in_envelope(1, Item::Foi, Mark::Absent, 2),
            ],
        ));
        assert!(state.disagreements().is_empty());
        // Each envelope keeps its own mark.
        let key =
            crate::domain::state::CellKey::new(circ(), None, Panel::new(1).unwrap(), Item::Foi);
        let me = ObserverId(Uuid::from_u128(1));
        assert_eq!(state.mark_by(me, &key), Mark::Present);
        assert_eq!(state.mark_by(me, &key.in_envelope(2)), Mark::Absent);
    }

    #[test]
    fn envelopes_that_differ_are_never_a_contradiction_whoever_opened_them() {
        let mut log = by(
            1,
            vec![
                in_envelope(1, Item::Foi, Mark::Present, 1),
                in_envelope(1, Item::Foi, Mark::Absent, 2),
            ],
        );
        log.extend(by(2, vec![in_envelope(1, Item::Foi, Mark::Absent, 1)]));
        // At the bureau, obs3 sees candidate 1's ballot within obs4's period of absence.
        let mut at_table = by(4, vec![tick(1, Item::Bureau, Mark::Absent, "0911")]);
        at_table.extend(by(3, vec![tick(1, Item::Bureau, Mark::Present, "0911")]));
        at_table[1].recorded_at = at_table[0].recorded_at;
        log.extend(at_table);
        let found = RecordState::fold(&log).disagreements();
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].cell.item, Item::Bureau);
        assert_eq!(found[0].observations.len(), 2);
    }

    #[test]
    fn absent_from_every_one_of_several_envelopes_counts_them() {
        let mut log = Vec::new();
        for o in 1..=3 {
            log.extend(by(o, vec![tick(2, Item::Foi, Mark::Absent, "0911")]));
        }
        log.extend(by(4, vec![tick(2, Item::Courrier, Mark::Present, "0911")]));
        let r = record(&log);
        let found = details(&r, "not_in_any_envelope");
        assert_eq!(found.len(), 1);
        let Detail::NotSupplied {
            items, envelopes, ..
        } = found[0]
        else {
            panic!()
        };
        assert_eq!((items.as_slice(), *envelopes), (&[Item::Foi][..], 3));
        assert!(details(&r, "possible_distribution_failure").is_empty());
    }

    #[test]
    fn absent_from_some_envelopes_and_present_in_others_is_a_distribution_failure_not_a_dispute() {
        let mut log = by(1, vec![tick(3, Item::Courrier, Mark::Absent, "0911")]);
        log.extend(by(2, vec![tick(3, Item::Courrier, Mark::Present, "0912")]));
        log.extend(by(3, vec![tick(3, Item::Courrier, Mark::Absent, "0912")]));
        let r = record(&log);
        let Detail::DistributionFailure {
            item,
            absent,
            present,
            observations,
            ..
        } = details(&r, "possible_distribution_failure")[0]
        else {
            panic!()
        };
        assert_eq!((*item, *absent, *present), (Item::Courrier, 2, 1));
        let who: Vec<&str> = observations
            .iter()
            .map(|s| s.observer_name.as_str())
            .collect();
        // The envelopes without it are the evidence; the ones with it are counted.
        assert_eq!(who, ["obs1", "obs3"]);
        let row = &r.rows[2];
        assert_eq!(row.mark(Item::Courrier), Mark::Absent);
        assert_eq!(row.disputed, [false; 3]);
        assert_eq!(
            row.tally[Item::Courrier.index()],
            Tally {
                present: 1,
                absent: 2
            }
        );
        assert!(details(&r, "disagreement").is_empty());
        assert!(r.findings.iter().any(|f| matches!(
            f,
            Finding::MissingFromEnvelope {
                cause: EnvelopeCause::DistributionFailure,
                ..
            }
        )));
    }

    #[test]
    fn a_ballot_absent_from_a_table_is_listed_per_bureau_with_observer_and_time() {
        let mut log = by(2, vec![tick(1, Item::Bureau, Mark::Absent, "0912")]);
        log.extend(by(1, vec![tick(1, Item::Bureau, Mark::Absent, "0911")]));
        let r = record(&log);
        let found = details(&r, "absent_from_table");
        let bureaux: Vec<(&str, &str, String)> = found
            .iter()
            .map(|d| match d {
                Detail::AbsentFromTable {
                    bureau, periods, ..
                } => (
                    bureau.as_str(),
                    periods[0].observer_name.as_str(),
                    periods[0].from.format("%H:%M").to_string(),
                ),
                _ => unreachable!(),
            })
            .collect();
        assert_eq!(
            bureaux,
            [
                ("75056_0911", "obs1", "07:00".to_owned()),
                ("75056_0912", "obs2", "08:00".to_owned())
            ]
        );
        assert!(matches!(r.findings[0], Finding::MissingAtBureau { .. }));
    }

    #[test]
    fn a_bureau_with_voting_machines_is_listed_and_gives_no_finding() {
        let r = record(&by(
            1,
            vec![
                tick(1, Item::Bureau, Mark::Absent, "0913"),
                tick(2, Item::Bureau, Mark::Present, "0913"),
            ],
        ));
        assert_eq!(r.bureaux.len(), 1);
        assert!(r.bureaux[0].voting_machines);
        assert!(r.details.is_empty(), "{:?}", r.details);
        assert!(
            !r.findings
                .iter()
                .any(|f| matches!(f, Finding::MissingAtBureau { .. })),
            "{:?}",
            r.findings
        );
        assert_eq!(r.rows[0].mark(Item::Bureau), Mark::Unchecked);
    }

    #[test]
    fn observers_contradicting_each_other_at_one_bureau_are_all_listed() {
        // obs2 sees it absent at 08:00 and again at 08:00:02; obs1 sees it there at 08:00:01,
        // within obs2's period.
        let mut log = by(2, vec![tick(2, Item::Bureau, Mark::Absent, "0911")]);
        log.push(Event {
            id: EventId(Uuid::from_u128(2 << 64 | 7)),
            seq: 2,
            recorded_at: log[0].recorded_at + chrono::Duration::seconds(2),
            ..log[0].clone()
        });
        log.push(Event {
            id: EventId(Uuid::from_u128(1 << 64)),
            observer: ObserverId(Uuid::from_u128(1)),
            seq: 1,
            recorded_at: log[0].recorded_at + chrono::Duration::seconds(1),
            seen_at: None,
            body: tick(2, Item::Bureau, Mark::Present, "0911"),
        });
        let r = record(&log);
        let Detail::Disagreement { observations, .. } = details(&r, "disagreement")[0] else {
            panic!()
        };
        let views: Vec<(&str, Mark)> = observations
            .iter()
            .map(|s| (s.observer_name.as_str(), s.mark))
            .collect();
        assert_eq!(
            views,
            [
                ("obs2", Mark::Absent),
                ("obs1", Mark::Present),
                ("obs2", Mark::Absent)
            ]
        );
        assert_eq!(r.rows[1].disputed, [false, false, true]);
        // The period of absence is also a finding.
        assert_eq!(details(&r, "absent_from_table").len(), 1);
        // Seen present earlier, then absent: no contradiction, the ballots ran out.
        let mut log = by(1, vec![tick(2, Item::Bureau, Mark::Present, "0911")]);
        log.extend(by(2, vec![tick(2, Item::Bureau, Mark::Absent, "0911")]));
        let r = record(&log);
        assert!(details(&r, "disagreement").is_empty());
        assert_eq!(r.rows[1].disputed, [false; 3]);
        assert_eq!(details(&r, "absent_from_table").len(), 1);
    }

    #[test]
    fn different_bureaux_that_differ_do_not_contradict_each_other() {
        let mut log = by(1, vec![tick(2, Item::Bureau, Mark::Present, "0911")]);
        log.extend(by(2, vec![tick(2, Item::Bureau, Mark::Absent, "0912")]));
        let r = record(&log);
        assert!(details(&r, "disagreement").is_empty());
        assert_eq!(r.rows[1].disputed, [false; 3]);
        assert_eq!(details(&r, "absent_from_table").len(), 1);
    }

    #[test]
    fn household_shortfall_is_a_rate_with_its_counts_and_an_interval_from_ten_households() {
        let r = record(&by(1, vec![envelope(4, 1)]));
        let Detail::Shortfall { rate, received, .. } = details(&r, "shortfall")[0] else {
            panic!()
        };
        assert_eq!((rate.count, rate.total, rate.percent), (3, 4, Some(75.0)));
        assert_eq!((*received, rate.interval), (1, None));
        let mut log = Vec::new();
        for o in 1..=12 {
            log.extend(by(o, vec![envelope(2, if o <= 3 { 1 } else { 2 })]));
        }
        let r = record(&log);
        let Detail::Shortfall {
            rate, observations, ..
        } = details(&r, "shortfall")[0]
        else {
            panic!()
        };
        assert_eq!((rate.count, rate.total, rate.households), (3, 24, 12));
        assert_eq!(observations.len(), 12);
        let i = rate.interval.unwrap();
        assert!(i.low < 0.125 && 0.125 < i.high, "{i:?}");
    }

    #[test]
    fn non_receipts_are_counted_with_a_rate_over_the_observed_voters() {
        let r = record(&by(
            1,
            vec![
                envelope(4, 1),
                EventBody::NonReceipt {
                    circonscription: circ(),
                    bureau: bureau("0911"),
                    voter: Some("Jean Dupont".into()),
                    note: None,
                    household: None,
                },
            ],
        ));
        let Detail::NonReceipts {
            count,
            rate,
            observations,
            ..
        } = details(&r, "non_receipts")[0]
        else {
            panic!()
        };
        assert_eq!(*count, 1);
        assert_eq!(rate.map(|r| (r.count, r.total)), Some((1, 4)));
        assert_eq!(observations[0].bureau, bureau("0911"));
        // The voter's name stays out of the report.
        assert!(
            !serde_json::to_string(&r.details)
                .unwrap()
                .contains("Dupont")
        );
    }

    #[test]
    fn unknown_observers_are_named_by_their_id() {
        let log = by(77, vec![tick(1, Item::Bureau, Mark::Absent, "0911")]);
        let r = record(&log);
        let Detail::AbsentFromTable { periods, .. } = &r.details[0] else {
            panic!()
        };
        assert_eq!(periods[0].observer_name, "#00000000");
    }
}

#[cfg(test)]
mod restock_tests {
    use chrono::DateTime;
    use uuid::Uuid;

    use super::*;
    use crate::domain::{Event, EventBody, EventId, ObserverId};

    fn circ() -> CirconscriptionCode {
        CirconscriptionCode::parse("7501").unwrap()
    }

    fn bureau() -> BureauCode {
        BureauCode::parse("75056_0911").unwrap()
    }

    fn referential() -> Referential {
        let mut r = Referential::default();
        r.circonscriptions.insert(
            circ(),
            Circonscription {
                code: circ(),
                label: "Paris 1".into(),
            },
        );
        r.candidates.insert(
            circ(),
            (1..=8)
                .map(|p| Candidate {
                    circonscription: circ(),
                    panel: Panel::new(p).unwrap(),
                    surname: format!("NOM{p}"),
                    given_name: "X".into(),
                    sex: crate::domain::Sex::F,
                    nuance: "DIV".into(),
                })
                .collect(),
        );
        r
    }

    /// Observer `o`'s bureau ticks of candidate 8 at the given UTC times on 11 June 2017.
    fn at_table(o: u128, ticks: &[(&str, Mark, Option<&str>)]) -> Vec<Event> {
        ticks
            .iter()
            .enumerate()
            .map(|(i, (at, mark, note))| Event {
                id: EventId(Uuid::from_u128(o << 64 | i as u128)),
                observer: ObserverId(Uuid::from_u128(o)),
                seq: i as u64 + 1,
                recorded_at: DateTime::parse_from_rfc3339(&format!("2017-06-11T{at}:00Z"))
                    .unwrap()
                    .to_utc(),
                seen_at: None,
                body: EventBody::Tick {
                    circonscription: circ(),
                    bureau: Some(bureau()),
                    panel: Panel::new(8).unwrap(),
                    item: Item::Bureau,
                    mark: *mark,
                    note: note.map(str::to_owned),
                    envelope: None,
                },
            })
            .collect()
    }

    fn record(log: &[Event]) -> CircRecord {
        build_record(&referential(), &RecordState::fold(log), &circ()).unwrap()
    }

    #[test]
    fn a_restock_does_not_erase_the_absence_before_it() {
        let r = record(&at_table(
            1,
            &[
                ("15:00", Mark::Absent, Some("bulletins épuisés")),
                ("15:40", Mark::Absent, None),
                ("16:00", Mark::Present, None),
            ],
        ));
        // The grid shows the current mark.
        assert_eq!(r.rows[7].mark(Item::Bureau), Mark::Present);
        // The period stays a finding, with its first and last sightings and the restock.
        let periods: Vec<_> = r
            .details
            .iter()
            .filter_map(|d| match d {
                Detail::AbsentFromTable { periods, .. } => Some(periods),
                _ => None,
            })
            .flatten()
            .collect();
        assert_eq!(periods.len(), 1, "{:?}", r.details);
        let p = periods[0];
        assert_eq!(
            (
                p.from.format("%H:%M").to_string(),
                p.until.format("%H:%M").to_string(),
                p.present_again
                    .as_ref()
                    .map(|s| s.at.format("%H:%M").to_string())
            ),
            ("15:00".into(), "15:40".into(), Some("16:00".into()))
        );
        assert_eq!(p.sightings[0].note.as_deref(), Some("bulletins épuisés"));
        assert!(r.findings.iter().any(|f| matches!(
            f,
            Finding::MissingAtBureau { candidates } if candidates[0].panel.get() == 8
        )));
    }
}
