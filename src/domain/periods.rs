//! A bureau's table as a time series: each observer's periods of absence of a candidate's ballot,
//! and the sightings of other observers that contradict them.
//!
//! A ballot missing from the table from 15:10 to 15:40 and then restocked was missing for that
//! period (law.md §2.4; L.58, R.55): a restock does not erase the absence. Each observer's live
//! ticks of a bureau cell, oldest first, make their periods:
//!
//! - an absent check opens a period, and the observer's consecutive absent re-checks extend it
//!   (from the first sighting to the last: "absent de 15 h 00 à au moins 15 h 40");
//! - a note written onto the same mark is not a re-check (as in `RecordState::checked_at_by`):
//!   the period keeps its times and the note is kept on the check it annotates; the same mark
//!   again without a note is a re-check;
//! - the observer's next present check closes it ("présent de nouveau à 16 h 00");
//! - clearing the cell (a tick back to "not checked") ends it at its last absent sighting, with
//!   no restock: the absence was seen and stays seen. Only a retraction (undo), which removes the
//!   tick from the live ticks, removes an observation.
//!
//! Contradiction (`docs/findings.md`): another observer's present sighting contradicts a period
//! only when it falls within it, from its first to its last absent sighting inclusive, times
//! compared to the minute (as printed). Before the first or after the last absent sighting the
//! ballots may have run out or been restocked: no contradiction.

use chrono::{DateTime, Utc};

use super::event::{Mark, ObserverId};
use super::state::Observation;

/// One observer's period of absence of a ballot from a bureau's table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Absence {
    /// Who saw it absent.
    pub observer: ObserverId,
    /// The absent checks, oldest first (never empty); a note added later to the same mark is
    /// carried on the check it annotates.
    pub checks: Vec<Observation>,
    /// The observer's next check that found it present, closing the period.
    pub present_again: Option<Observation>,
}

impl Absence {
    /// The first absent sighting.
    pub fn from(&self) -> DateTime<Utc> {
        self.checks
            .first()
            .map_or(DateTime::<Utc>::MIN_UTC, |o| o.at)
    }

    /// The last absent sighting: the ballot was absent at least until then.
    pub fn until(&self) -> DateTime<Utc> {
        self.checks
            .last()
            .map_or(DateTime::<Utc>::MIN_UTC, |o| o.at)
    }

    /// True when `o`, another observer's present sighting, falls within the period (to the
    /// minute).
    pub fn contradicted_by(&self, o: &Observation) -> bool {
        let minute = |t: DateTime<Utc>| t.timestamp().div_euclid(60);
        o.observer != self.observer
            && o.mark == Mark::Present
            && minute(self.from()) <= minute(o.at)
            && minute(o.at) <= minute(self.until())
    }
}

/// Every observer's periods of absence among one cell's live ticks (all observers, each
/// observer's in the order applied), ordered by first sighting then observer.
pub fn absences<'a>(ticks: impl IntoIterator<Item = &'a Observation>) -> Vec<Absence> {
    let mut ticks: Vec<&Observation> = ticks.into_iter().collect();
    // Stable: each observer's ticks stay in the order applied.
    if !ticks.is_sorted_by_key(|o| o.observer) {
        ticks.sort_by_key(|o| o.observer);
    }
    let mut out = Vec::new();
    let mut open: Option<Absence> = None;
    let mut previous: Option<&Observation> = None;
    for o in ticks {
        if previous.is_some_and(|p| p.observer != o.observer) {
            out.extend(open.take());
            previous = None;
        }
        // A note written onto the same mark; a re-check without a note is a re-check.
        let note_only =
            o.note.is_some() && previous.is_some_and(|p| p.mark == o.mark && p.note != o.note);
        match (o.mark, open.as_mut()) {
            (Mark::Absent, Some(period)) if note_only => {
                if let Some(last) = period.checks.last_mut() {
                    last.note.clone_from(&o.note);
                }
            }
            (Mark::Absent, Some(period)) => period.checks.push(o.clone()),
            (Mark::Absent, None) => {
                open = Some(Absence {
                    observer: o.observer,
                    checks: vec![o.clone()],
                    present_again: None,
                });
            }
            (Mark::Present, Some(_)) => {
                if let Some(mut period) = open.take() {
                    period.present_again = Some(o.clone());
                    out.push(period);
                }
            }
            (Mark::Unchecked, Some(_)) => out.extend(open.take()),
            (_, None) => {}
        }
        previous = Some(o);
    }
    out.extend(open);
    out.sort_by_key(|a| (a.from(), a.observer));
    out
}

/// The sightings of one cell that contradict each other: the absent checks of every period that
/// another observer's present sighting falls within, and those present sightings, in time then
/// observer order. Empty when nobody contradicts anybody.
pub fn contradictions(periods: &[Absence], ticks: &[&Observation]) -> Vec<Observation> {
    let mut out: Vec<Observation> = Vec::new();
    for p in periods {
        let against: Vec<&Observation> = ticks
            .iter()
            .copied()
            .filter(|o| p.contradicted_by(o))
            .collect();
        if !against.is_empty() {
            out.extend(p.checks.iter().cloned());
            out.extend(against.into_iter().cloned());
        }
    }
    out.sort_by_key(|o| (o.at, o.observer, o.event));
    out.dedup_by_key(|o| o.event);
    out
}

#[cfg(test)]
mod tests {
    use uuid::Uuid;

    use super::*;
    use crate::domain::EventId;

    fn obs(observer: u128, seq: u128, hhmm: &str, mark: Mark, note: Option<&str>) -> Observation {
        Observation {
            event: EventId(Uuid::from_u128(observer << 64 | seq)),
            observer: ObserverId(Uuid::from_u128(observer)),
            at: DateTime::parse_from_rfc3339(&format!("2017-06-11T{hhmm}:00Z"))
                .unwrap()
                .to_utc(),
            mark,
            note: note.map(str::to_owned),
            envelope: 0,
            bureau: None,
        }
    }

    fn hm(t: DateTime<Utc>) -> String {
        t.format("%H:%M").to_string()
    }

    fn spans(periods: &[Absence]) -> Vec<(String, String, Option<String>)> {
        periods
            .iter()
            .map(|p| {
                (
                    hm(p.from()),
                    hm(p.until()),
                    p.present_again.as_ref().map(|o| hm(o.at)),
                )
            })
            .collect()
    }

    fn s(x: &str) -> String {
        x.to_owned()
    }

    #[test]
    fn re_checks_extend_a_period_and_a_present_sighting_closes_it() {
        let ticks = [
            obs(1, 1, "15:00", Mark::Absent, Some("bulletins épuisés")),
            obs(1, 2, "15:40", Mark::Absent, None),
            obs(1, 3, "16:00", Mark::Present, None),
        ];
        let periods = absences(&ticks);
        assert_eq!(
            spans(&periods),
            [(s("15:00"), s("15:40"), Some(s("16:00")))]
        );
        assert_eq!(periods[0].checks.len(), 2);
        assert_eq!(
            periods[0].checks[0].note.as_deref(),
            Some("bulletins épuisés")
        );
    }

    #[test]
    fn a_ballot_that_runs_out_twice_has_two_periods_and_one_still_open() {
        let ticks = [
            obs(1, 1, "09:00", Mark::Present, None),
            obs(1, 2, "10:00", Mark::Absent, None),
            obs(1, 3, "10:30", Mark::Present, None),
            obs(1, 4, "14:00", Mark::Absent, None),
        ];
        assert_eq!(
            spans(&absences(&ticks)),
            [
                (s("10:00"), s("10:00"), Some(s("10:30"))),
                (s("14:00"), s("14:00"), None)
            ]
        );
    }

    #[test]
    fn a_note_is_not_a_re_check_and_clearing_keeps_what_was_seen() {
        let ticks = [
            obs(1, 1, "15:00", Mark::Absent, None),
            obs(1, 2, "15:20", Mark::Absent, Some("épuisés")),
            obs(1, 3, "15:30", Mark::Unchecked, None),
        ];
        let periods = absences(&ticks);
        assert_eq!(spans(&periods), [(s("15:00"), s("15:00"), None)]);
        assert_eq!(periods[0].checks[0].note.as_deref(), Some("épuisés"));
        // Present throughout: no period.
        let present = [obs(1, 1, "09:00", Mark::Present, None)];
        assert!(absences(&present).is_empty());
    }

    #[test]
    fn observers_have_their_own_periods() {
        // Interleaved as applied: each observer's ticks in their order.
        let ticks = [
            obs(2, 1, "11:00", Mark::Absent, None),
            obs(1, 1, "10:00", Mark::Absent, None),
            obs(2, 2, "12:00", Mark::Present, None),
            obs(1, 2, "13:00", Mark::Absent, None),
        ];
        let periods = absences(&ticks);
        assert_eq!(
            spans(&periods),
            [
                (s("10:00"), s("13:00"), None),
                (s("11:00"), s("11:00"), Some(s("12:00")))
            ]
        );
        assert_eq!(periods[0].observer, ObserverId(Uuid::from_u128(1)));
    }

    #[test]
    fn only_a_present_sighting_within_a_period_contradicts_it() {
        let period = &absences(&[
            obs(1, 1, "15:00", Mark::Absent, None),
            obs(1, 2, "15:40", Mark::Absent, None),
        ])[0];
        for (at, contradicts) in [
            ("14:59", false),
            ("15:00", true),
            ("15:20", true),
            ("15:40", true),
            ("15:41", false),
        ] {
            let other = obs(2, 1, at, Mark::Present, None);
            assert_eq!(period.contradicted_by(&other), contradicts, "{at}");
        }
        // Seconds within the same minute count as the same time.
        let mut same_minute = obs(2, 1, "15:40", Mark::Present, None);
        same_minute.at += chrono::Duration::seconds(59);
        assert!(period.contradicted_by(&same_minute));
        assert!(!period.contradicted_by(&obs(2, 1, "15:20", Mark::Absent, None)));
        assert!(!period.contradicted_by(&obs(1, 3, "15:20", Mark::Present, None)));
    }
}
