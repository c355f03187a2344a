//! The record of a circonscription, as on the 2017 hand-written original: every candidate with the
//! three columns, then the findings that a reader draws from it.

use std::collections::BTreeSet;

use serde::Serialize;

use super::CirconscriptionCode;
use super::codes::BureauCode;
use super::event::{Item, Mark};
use super::referential::{Bureau, Candidate, Circonscription, Referential};
use super::state::{CellKey, RecordState};

/// One candidate's line of the record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecordRow {
    /// Who.
    pub candidate: Candidate,
    /// Profession de foi, bulletin courrier, bulletin bureau (see [`combine`] for how several
    /// observations of a cell make one mark).
    pub marks: [Mark; 3],
    /// True where observers currently disagree on a column (present for one, absent for another).
    pub disputed: [bool; 3],
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
    /// the bureau.
    MissingFromEnvelope {
        /// What was missing.
        gap: EnvelopeGap,
        /// Their mark at the bureau.
        at_bureau: Mark,
        /// Who.
        candidates: Vec<Candidate>,
    },
    /// These candidates' ballots were absent from a bureau's table: a serious irregularity.
    MissingAtBureau {
        /// Who.
        candidates: Vec<Candidate>,
    },
    /// Observers disagree on these candidates: every view is kept, none is averaged away.
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CircRecord {
    /// Which circonscription.
    pub circonscription: Circonscription,
    /// The bureaux observed (bureau ticks or non-receipts), in code order.
    pub bureaux: Vec<Bureau>,
    /// One row per candidate, in panel order.
    pub rows: Vec<RecordRow>,
    /// Household envelope counts: (voters, received), one per observer.
    pub households: Vec<(u32, u32)>,
    /// Non-receipts recorded.
    pub non_receipts: usize,
    /// What the record shows.
    pub findings: Vec<Finding>,
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

/// Builds the record of `circ` from the reference data and the state. `None` when the
/// circonscription is not in the reference data.
pub fn build_record(
    referential: &Referential,
    state: &RecordState,
    circ: &CirconscriptionCode,
) -> Option<CircRecord> {
    let circonscription = referential.circonscriptions.get(circ)?.clone();
    let mut observed_bureaux: BTreeSet<BureauCode> = BTreeSet::new();
    let mut per_cell: std::collections::BTreeMap<(u16, Item), Vec<Mark>> = Default::default();
    for (key, obs) in state.cells_of(circ) {
        let CellKey {
            bureau,
            panel,
            item,
            ..
        } = key;
        if let Some(b) = bureau {
            observed_bureaux.insert(b.clone());
        }
        per_cell
            .entry((panel.get(), *item))
            .or_default()
            .push(obs.mark);
    }
    let rows: Vec<RecordRow> = referential
        .candidates_of(circ)
        .iter()
        .map(|c| {
            let mut marks = [Mark::Unchecked; 3];
            let mut disputed = [false; 3];
            for item in Item::ALL {
                let seen = per_cell
                    .get(&(c.panel.get(), item))
                    .into_iter()
                    .flatten()
                    .copied();
                (marks[item.index()], disputed[item.index()]) = combine(seen);
            }
            RecordRow {
                candidate: c.clone(),
                marks,
                disputed,
            }
        })
        .collect();

    let households: Vec<(u32, u32)> = state
        .envelopes_of(circ)
        .map(|f| (f.voters, f.received))
        .collect();
    let non_receipt_bureaux: Vec<BureauCode> = state
        .non_receipts_of(circ)
        .map(|f| f.bureau.clone())
        .collect();
    observed_bureaux.extend(non_receipt_bureaux.iter().cloned());

    let findings = findings(&rows, &households, &non_receipt_bureaux);
    let bureaux = observed_bureaux
        .into_iter()
        .map(|code| {
            referential
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
                })
        })
        .collect();
    Some(CircRecord {
        circonscription,
        bureaux,
        rows,
        non_receipts: non_receipt_bureaux.len(),
        households,
        findings,
    })
}

fn findings(
    rows: &[RecordRow],
    households: &[(u32, u32)],
    non_receipt_bureaux: &[BureauCode],
) -> Vec<Finding> {
    let who = |pred: &dyn Fn(&RecordRow) -> bool| -> Vec<Candidate> {
        rows.iter()
            .filter(|r| pred(r))
            .map(|r| r.candidate.clone())
            .collect()
    };
    let mut out = Vec::new();
    let complete = who(&|r| r.marks == [Mark::Present; 3]);
    if !complete.is_empty() {
        out.push(Finding::Complete {
            candidates: complete,
        });
    }
    for gap in [EnvelopeGap::Both, EnvelopeGap::Foi, EnvelopeGap::Courrier] {
        for at_bureau in [Mark::Present, Mark::Absent, Mark::Unchecked] {
            let candidates =
                who(&|r| envelope_gap(r) == Some(gap) && r.mark(Item::Bureau) == at_bureau);
            if !candidates.is_empty() {
                out.push(Finding::MissingFromEnvelope {
                    gap,
                    at_bureau,
                    candidates,
                });
            }
        }
    }
    let at_bureau = who(&|r| r.mark(Item::Bureau) == Mark::Absent);
    if !at_bureau.is_empty() {
        out.push(Finding::MissingAtBureau {
            candidates: at_bureau,
        });
    }
    let disputed = who(&|r| r.disputed.iter().any(|d| *d));
    if !disputed.is_empty() {
        out.push(Finding::Disputed {
            candidates: disputed,
        });
    }
    let unchecked = who(&|r| r.marks.contains(&Mark::Unchecked));
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
    use super::*;

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
}
