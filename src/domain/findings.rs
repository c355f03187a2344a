//! Findings that hold up in a complaint: each one says who observed what, when, and how many
//! observations support it. Built by [`super::record::build_record_with`]; the rules are in
//! `docs/findings.md`.
//!
//! - not supplied: a candidate's item absent from every observed envelope of the circonscription
//!   (R.38: using the commission de propagande is optional for candidates);
//! - distribution failure: absent from some observed envelopes, present in others (R.34);
//! - absent from the table: each period during which a ballot was seen absent from a bureau's
//!   table (L.58, R.55; see [`super::periods`]); bureaux with voting machines have no table of
//!   ballots and give none;
//! - disagreement: an observer's present sighting within another's period of absence at the
//!   same bureau;
//! - household shortfall and non-receipts, as rates with their counts.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::codes::{BureauCode, Panel};
use super::event::{EventId, Item, Mark, ObserverId};
use super::referential::Candidate;
use super::state::{EnvelopeFact, NonReceiptFact, Observation};
use super::stats::Rate;

/// Observer names by id, as `Store::observers` gives them.
pub type Names = BTreeMap<ObserverId, String>;

/// An observer's name, or `#` and the start of their id when the name is unknown.
pub fn observer_name(names: &Names, observer: ObserverId) -> String {
    names.get(&observer).cloned().unwrap_or_else(|| {
        let id = observer.to_string();
        format!("#{}", &id[..8.min(id.len())])
    })
}

/// One observer's current observation of a cell, with their name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sighting {
    /// Who.
    pub observer: ObserverId,
    /// Their name.
    pub observer_name: String,
    /// When (UTC).
    pub at: DateTime<Utc>,
    /// What they saw.
    pub mark: Mark,
    /// Their note, if any.
    pub note: Option<String>,
    /// The tick.
    pub event: EventId,
    /// Which of the observer's envelopes, when the observer opened several (`None`: their only
    /// envelope, or the bureau's table).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub envelope: Option<u16>,
    /// The tick's bureau: the table's, or for an envelope item the observer's own (the
    /// household's) bureau when given. Not serialised (the finding names the table's bureau).
    #[serde(skip)]
    pub bureau: Option<BureauCode>,
}

impl Sighting {
    /// A sighting from an observation.
    pub fn new(o: &Observation, names: &Names) -> Self {
        Self {
            observer: o.observer,
            observer_name: observer_name(names, o.observer),
            at: o.at,
            mark: o.mark,
            note: o.note.clone(),
            event: o.event,
            envelope: (o.envelope > 1).then_some(o.envelope),
            bureau: o.bureau.clone(),
        }
    }
}

/// One observer's period of absence of a ballot from a bureau's table, as a finding: from the
/// first absent sighting to the last ("absent at least until"), and the present sighting that
/// closed it, if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AbsencePeriod {
    /// Who.
    pub observer: ObserverId,
    /// Their name.
    pub observer_name: String,
    /// The first absent sighting (UTC).
    pub from: DateTime<Utc>,
    /// The last absent sighting (UTC): absent at least until then.
    pub until: DateTime<Utc>,
    /// Each absent check, oldest first, with its note.
    pub sightings: Vec<Sighting>,
    /// The observer's next check, which found the ballot present again.
    pub present_again: Option<Sighting>,
}

impl AbsencePeriod {
    /// From the domain's period.
    pub fn new(a: &super::periods::Absence, names: &Names) -> Self {
        Self {
            observer: a.observer,
            observer_name: observer_name(names, a.observer),
            from: a.from(),
            until: a.until(),
            sightings: a.checks.iter().map(|o| Sighting::new(o, names)).collect(),
            present_again: a.present_again.as_ref().map(|o| Sighting::new(o, names)),
        }
    }
}

/// One household's envelope count, with who recorded it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HouseholdSighting {
    /// Who.
    pub observer: ObserverId,
    /// Their name.
    pub observer_name: String,
    /// When (UTC).
    pub at: DateTime<Utc>,
    /// Voters registered at the address.
    pub voters: u32,
    /// Envelopes received.
    pub received: u32,
    /// The envelope event.
    pub event: EventId,
    /// The day the envelopes arrived, when recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub received_on: Option<chrono::NaiveDate>,
    /// The observer's note on the household, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The bureau where the household is registered, when the envelope record names it: its
    /// facts belong in that bureau's procès-verbal only, in that bureau's legal time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bureau: Option<BureauCode>,
}

impl HouseholdSighting {
    /// From the state's fact.
    pub fn new(f: &EnvelopeFact, names: &Names) -> Self {
        Self {
            observer: f.observer,
            observer_name: observer_name(names, f.observer),
            at: f.at,
            voters: f.voters,
            received: f.received,
            event: f.event,
            received_on: f.received_on,
            note: f.note.clone(),
            bureau: f.bureau.clone(),
        }
    }
}

/// One recorded non-receipt, with who recorded it. The voter's name is left out of reports
/// (it only goes into the procès-verbal).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NonReceiptSighting {
    /// Who recorded it.
    pub observer: ObserverId,
    /// Their name.
    pub observer_name: String,
    /// When (UTC).
    pub at: DateTime<Utc>,
    /// The voter's bureau.
    pub bureau: BureauCode,
    /// The event.
    pub event: EventId,
    /// The voter is of the observer's own household.
    pub own_household: bool,
    /// Already one of the missing envelopes of the observer's household count (law.md §2.10:
    /// "the observer's own non-receipt is one of them, not a fourth").
    pub in_shortfall: bool,
}

/// An observer's statement about a bureau's voting machines, with their name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MachinesSighting {
    /// Who.
    pub observer: ObserverId,
    /// Their name.
    pub observer_name: String,
    /// When (UTC).
    pub at: DateTime<Utc>,
    /// Votes on machines.
    pub machines: bool,
    /// Their note.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The event.
    pub event: EventId,
}

impl MachinesSighting {
    /// From the state's fact.
    pub fn new(f: &super::state::MachinesFact, names: &Names) -> Self {
        Self {
            observer: f.observer,
            observer_name: observer_name(names, f.observer),
            at: f.at,
            machines: f.machines,
            note: f.note.clone(),
            event: f.event,
        }
    }
}

/// An observation dated after the polls closed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LateSighting {
    /// Whose row.
    pub panel: Panel,
    /// Which column.
    pub item: Item,
    /// The table's bureau, for [`Item::Bureau`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bureau: Option<BureauCode>,
    /// The observation.
    #[serde(flatten)]
    pub sighting: Sighting,
}

impl NonReceiptSighting {
    /// From the state's fact; `in_shortfall` when the observer's household count already holds it.
    pub fn new(f: &NonReceiptFact, names: &Names, in_shortfall: bool) -> Self {
        Self {
            observer: f.observer,
            observer_name: observer_name(names, f.observer),
            at: f.at,
            bureau: f.bureau.clone(),
            event: f.event,
            own_household: f.own_household,
            in_shortfall,
        }
    }
}

/// A finding about one candidate, one bureau or the circonscription's households, with the
/// observations behind it. Serialised with a `finding` tag (`not_supplied`, …).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "finding", rename_all = "snake_case")]
pub enum Detail {
    /// The candidate's `items` are absent from every observed envelope: documents not supplied,
    /// or not in sufficient number, for mailing (R.38, R.34 al. 6), which may be lawful.
    #[serde(rename = "not_in_any_envelope")]
    NotSupplied {
        /// Who.
        candidate: Candidate,
        /// `foi`, `courrier` or both.
        items: Vec<Item>,
        /// How many envelopes (observers) support it; 1 means "seen in a single envelope".
        envelopes: usize,
        /// Every observation of those items (all absent).
        observations: Vec<Sighting>,
    },
    /// The candidate's `item` is absent from some observed envelopes and present in others: a
    /// possible distribution failure, unless fewer copies were supplied (R.34 al. 6).
    #[serde(rename = "possible_distribution_failure")]
    DistributionFailure {
        /// Who.
        candidate: Candidate,
        /// `foi` or `courrier`.
        item: Item,
        /// Envelopes without it.
        absent: usize,
        /// Envelopes with it (counted: they are the contrast, not the evidence).
        present: usize,
        /// The observations of the envelopes without it.
        observations: Vec<Sighting>,
    },
    /// The candidate's ballot was absent from `bureau`'s table (L.58, R.55) during each of
    /// `periods`, whatever the table showed afterwards: a restock does not erase the absence.
    AbsentFromTable {
        /// Where.
        bureau: BureauCode,
        /// Whose ballot.
        candidate: Candidate,
        /// Each observer's periods of absence, by first sighting then observer.
        periods: Vec<AbsencePeriod>,
    },
    /// Observers contradict each other on `bureau`'s table: another observer saw the ballot there
    /// within a period of absence (see [`super::periods`]).
    Disagreement {
        /// Where.
        bureau: BureauCode,
        /// Whose ballot.
        candidate: Candidate,
        /// Which column (the bureau's table).
        item: Item,
        /// The sightings that contradict each other, in time order.
        observations: Vec<Sighting>,
    },
    /// Voters at the observed addresses against envelopes received.
    Shortfall {
        /// Missing envelopes out of voters.
        rate: Rate,
        /// Envelopes received, summed.
        received: u32,
        /// Each household's count.
        observations: Vec<HouseholdSighting>,
    },
    /// Voters who received no envelope at all.
    NonReceipts {
        /// How many were recorded.
        count: usize,
        /// How many of them are already among the missing envelopes of their observer's household
        /// ([`Detail::Shortfall`]): the same envelope, counted once.
        in_shortfall: usize,
        /// Recorded non-receipts out of the voters at the observed addresses, when there are
        /// such voters and no more non-receipts than voters.
        rate: Option<Rate>,
        /// Each one.
        observations: Vec<NonReceiptSighting>,
    },
    /// Observers disagree on whether `bureau` votes on machines: its table's findings stand, and
    /// the disagreement is for the coordinator to settle.
    MachinesDisputed {
        /// Where.
        bureau: BureauCode,
        /// Each observer's current statement.
        statements: Vec<MachinesSighting>,
    },
    /// Observations dated after the polls closed on the election day (20 h local at the latest,
    /// R.41): a record typed in later without the time it was seen, or a mistake.
    SeenAfterPolls {
        /// How many.
        count: usize,
        /// Each one, in time order.
        observations: Vec<LateSighting>,
    },
    /// Households whose envelopes are recorded as received after the election day.
    ReceivedAfterElection {
        /// The election day.
        election_day: chrono::NaiveDate,
        /// Each household.
        observations: Vec<HouseholdSighting>,
    },
}

/// Present and absent observations of one column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Tally {
    /// Observers who saw it.
    pub present: u32,
    /// Observers who looked for it and did not find it.
    pub absent: u32,
}

impl Tally {
    /// Counts the marks (unchecked ones are not counted).
    pub fn of<'a>(marks: impl IntoIterator<Item = &'a Observation>) -> Self {
        let mut t = Self::default();
        for o in marks {
            match o.mark {
                Mark::Present => t.present += 1,
                Mark::Absent => t.absent += 1,
                Mark::Unchecked => {}
            }
        }
        t
    }
}

/// Why an item is missing from the envelopes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EnvelopeCause {
    /// Absent from every observed envelope: not supplied, or too few for mailing (R.38, R.34).
    #[serde(rename = "not_in_any_envelope")]
    NotSupplied {
        /// How many envelopes (observers) were looked at.
        envelopes: usize,
    },
    /// Absent from some observed envelopes, present in others.
    #[serde(rename = "possible_distribution_failure")]
    DistributionFailure,
}

/// The envelope observations of one candidate, by item.
pub(super) struct EnvelopeSeen<'a> {
    pub(super) foi: Vec<&'a Observation>,
    pub(super) courrier: Vec<&'a Observation>,
}

impl<'a> EnvelopeSeen<'a> {
    pub(super) fn item(&self, item: Item) -> &[&'a Observation] {
        match item {
            Item::Foi => &self.foi,
            Item::Courrier => &self.courrier,
            Item::Bureau => &[],
        }
    }

    /// The cause of the absence of `items` (all absent in the combined record).
    pub(super) fn cause(&self, items: &[Item]) -> EnvelopeCause {
        let any_present = items
            .iter()
            .any(|i| self.item(*i).iter().any(|o| o.mark == Mark::Present));
        if any_present {
            EnvelopeCause::DistributionFailure
        } else {
            EnvelopeCause::NotSupplied {
                envelopes: envelopes(items.iter().flat_map(|i| self.item(*i).iter().copied())),
            }
        }
    }

    /// Not-supplied and distribution-failure findings of this candidate.
    pub(super) fn details(
        &self,
        candidate: &Candidate,
        names: &Names,
        not_supplied: &mut Vec<Detail>,
        distribution: &mut Vec<Detail>,
    ) {
        // Observers who opened several envelopes: their first one is named too.
        let several: BTreeSet<ObserverId> = self
            .foi
            .iter()
            .chain(&self.courrier)
            .filter(|o| o.envelope > 1)
            .map(|o| o.observer)
            .collect();
        let named = |mut list: Vec<Sighting>| {
            for s in &mut list {
                if s.envelope.is_none() && several.contains(&s.observer) {
                    s.envelope = Some(1);
                }
            }
            list
        };
        let mut missing_everywhere = Vec::new();
        for item in [Item::Foi, Item::Courrier] {
            let seen = self.item(item);
            let t = Tally::of(seen.iter().copied());
            if t.absent > 0 && t.present == 0 {
                missing_everywhere.push(item);
            } else if t.absent > 0 {
                distribution.push(Detail::DistributionFailure {
                    candidate: candidate.clone(),
                    item,
                    absent: t.absent as usize,
                    present: t.present as usize,
                    observations: named(sightings(
                        seen.iter().copied().filter(|o| o.mark == Mark::Absent),
                        names,
                    )),
                });
            }
        }
        if !missing_everywhere.is_empty() {
            let seen: Vec<&Observation> = missing_everywhere
                .iter()
                .flat_map(|i| self.item(*i).iter().copied())
                .filter(|o| o.mark == Mark::Absent)
                .collect();
            not_supplied.push(Detail::NotSupplied {
                candidate: candidate.clone(),
                items: missing_everywhere,
                envelopes: envelopes(seen.iter().copied()),
                observations: named(sightings(seen, names)),
            });
        }
    }
}

/// Distinct envelopes, each an observer's numbered envelope, among determinate observations.
fn envelopes<'a>(seen: impl IntoIterator<Item = &'a Observation>) -> usize {
    seen.into_iter()
        .filter(|o| o.mark != Mark::Unchecked)
        .map(|o| (o.observer, o.envelope))
        .collect::<BTreeSet<_>>()
        .len()
}

/// Determinate observations as sightings, in time then observer order.
pub(super) fn sightings<'a>(
    seen: impl IntoIterator<Item = &'a Observation>,
    names: &Names,
) -> Vec<Sighting> {
    let mut out: Vec<Sighting> = seen
        .into_iter()
        .filter(|o| o.mark != Mark::Unchecked)
        .map(|o| Sighting::new(o, names))
        .collect();
    out.sort_by_key(|s| (s.at, s.observer, s.event));
    out
}

/// Household shortfall and non-receipt rates of one département, summed over the
/// circonscriptions of a report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DepartementRates {
    /// The département code (`75`, `2A`, `971`, `ZZ`).
    pub departement: String,
    /// Circonscriptions of the report in this département.
    pub circonscriptions: usize,
    /// Missing envelopes out of voters at the observed addresses.
    pub shortfall: Rate,
    /// Envelopes received, summed.
    pub received: u32,
    /// Recorded non-receipts.
    pub non_receipts: usize,
    /// Recorded non-receipts out of voters at the observed addresses (see [`Detail::NonReceipts`]).
    pub non_receipt_rate: Option<Rate>,
}

/// Sums of one circonscription's households and non-receipts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HouseholdSums {
    /// Households observed.
    pub households: usize,
    /// Voters at their addresses.
    pub voters: u32,
    /// Envelopes received.
    pub received: u32,
    /// Missing envelopes, summed per household.
    pub missing: u32,
    /// Non-receipts recorded.
    pub non_receipts: usize,
}

impl HouseholdSums {
    /// From `(voters, received)` pairs and a count of non-receipts.
    pub fn of(households: &[(u32, u32)], non_receipts: usize) -> Self {
        let mut s = Self {
            non_receipts,
            ..Self::default()
        };
        for (v, r) in households {
            s.households += 1;
            s.voters = s.voters.saturating_add(*v);
            s.received = s.received.saturating_add(*r);
            s.missing = s.missing.saturating_add(v.saturating_sub(*r));
        }
        s
    }

    /// Adds another circonscription's sums.
    pub fn add(&mut self, o: Self) {
        self.households += o.households;
        self.voters = self.voters.saturating_add(o.voters);
        self.received = self.received.saturating_add(o.received);
        self.missing = self.missing.saturating_add(o.missing);
        self.non_receipts += o.non_receipts;
    }

    /// Missing envelopes out of voters.
    pub fn shortfall(&self) -> Rate {
        Rate::new(self.missing, self.voters, self.households)
    }

    /// Non-receipts out of voters, when that makes a proportion.
    pub fn non_receipt_rate(&self) -> Option<Rate> {
        let count = u32::try_from(self.non_receipts).ok()?;
        (self.voters > 0 && count <= self.voters)
            .then(|| Rate::new(count, self.voters, self.households))
    }
}

/// Rates per département over `circs` (each: département code, household pairs, non-receipts),
/// in département order. Départements with neither a household nor a non-receipt are left out.
pub fn departement_rates<'a>(
    circs: impl IntoIterator<Item = (&'a str, &'a [(u32, u32)], usize)>,
) -> Vec<DepartementRates> {
    let mut by_dep: BTreeMap<&str, (usize, HouseholdSums)> = BTreeMap::new();
    for (dep, households, non_receipts) in circs {
        let entry = by_dep.entry(dep).or_default();
        entry.0 += 1;
        entry.1.add(HouseholdSums::of(households, non_receipts));
    }
    by_dep
        .into_iter()
        .filter(|(_, (_, s))| s.households > 0 || s.non_receipts > 0)
        .map(|(dep, (circonscriptions, s))| DepartementRates {
            departement: dep.to_owned(),
            circonscriptions,
            shortfall: s.shortfall(),
            received: s.received,
            non_receipts: s.non_receipts,
            non_receipt_rate: s.non_receipt_rate(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    fn obs(observer: u128, mark: Mark) -> Observation {
        Observation {
            event: EventId(Uuid::from_u128(observer << 8)),
            observer: ObserverId(Uuid::from_u128(observer)),
            at: DateTime::from_timestamp(1_497_160_000 + observer as i64, 0).unwrap(),
            mark,
            note: None,
            envelope: 1,
            bureau: None,
        }
    }

    #[test]
    fn absent_from_every_envelope_is_not_supplied_with_the_number_of_envelopes() {
        let (a, b) = (obs(1, Mark::Absent), obs(2, Mark::Absent));
        let seen = EnvelopeSeen {
            foi: vec![&a, &b],
            courrier: vec![&a],
        };
        assert_eq!(
            seen.cause(&[Item::Foi, Item::Courrier]),
            EnvelopeCause::NotSupplied { envelopes: 2 }
        );
        let single = EnvelopeSeen {
            foi: vec![&a],
            courrier: vec![&a],
        };
        assert_eq!(
            single.cause(&[Item::Foi, Item::Courrier]),
            EnvelopeCause::NotSupplied { envelopes: 1 }
        );
    }

    #[test]
    fn absent_from_some_envelopes_and_present_in_others_is_a_distribution_failure() {
        let (a, b) = (obs(1, Mark::Absent), obs(2, Mark::Present));
        let seen = EnvelopeSeen {
            foi: vec![&a, &b],
            courrier: vec![&a],
        };
        assert_eq!(
            seen.cause(&[Item::Foi, Item::Courrier]),
            EnvelopeCause::DistributionFailure
        );
        assert_eq!(
            seen.cause(&[Item::Courrier]),
            EnvelopeCause::NotSupplied { envelopes: 1 }
        );
    }

    #[test]
    fn unchecked_observations_support_nothing() {
        let (a, u) = (obs(1, Mark::Absent), obs(2, Mark::Unchecked));
        let seen = EnvelopeSeen {
            foi: vec![&a, &u],
            courrier: vec![],
        };
        assert_eq!(
            seen.cause(&[Item::Foi]),
            EnvelopeCause::NotSupplied { envelopes: 1 }
        );
        assert_eq!(
            Tally::of([&a, &u]),
            Tally {
                present: 0,
                absent: 1
            }
        );
    }

    #[test]
    fn departements_sum_their_circonscriptions_and_skip_empty_ones() {
        let h75a = [(4, 1), (2, 2)];
        let h75b = [(3, 0)];
        let rates = departement_rates([
            ("75", &h75a[..], 1),
            ("75", &h75b[..], 0),
            ("92", &[][..], 0),
        ]);
        assert_eq!(rates.len(), 1);
        let r = &rates[0];
        assert_eq!(r.departement, "75");
        assert_eq!(r.circonscriptions, 2);
        assert_eq!((r.shortfall.count, r.shortfall.total), (6, 9));
        assert_eq!(r.shortfall.households, 3);
        assert_eq!(r.received, 3);
        assert_eq!(r.non_receipt_rate.map(|n| (n.count, n.total)), Some((1, 9)));
    }

    #[test]
    fn more_non_receipts_than_observed_voters_make_no_rate() {
        let s = HouseholdSums::of(&[(1, 1)], 2);
        assert_eq!(s.non_receipt_rate(), None);
        assert_eq!(HouseholdSums::of(&[], 1).non_receipt_rate(), None);
    }
}
