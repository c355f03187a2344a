//! Who signs a réclamation or a remedy, in what capacity (the qualité), and the moment the
//! remedy must be filed by, as the election kind's law says ([`super::law::Law`]).

use std::fmt;

use chrono::NaiveDate;

use super::law::{Hour, Law};

/// The signer's capacity, which the réclamation must state (law.md §3a: a voter of *this*
/// bureau, a candidate, or a candidate's délégué).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Qualite {
    /// A voter registered at the bureau whose PV receives the réclamation.
    Electeur,
    /// A délégué of the candidate (or list) named.
    Delegue(String),
    /// A candidate.
    Candidat,
}

impl Qualite {
    /// Parses the setting's or the command line's spelling: `electeur`, `candidat`,
    /// `delegue:NAME` (accents and capitals accepted: `Électeur`, `délégué:Mme Y`). `None`
    /// when it is none of these, or a délégué without the name of whom.
    pub fn parse(raw: &str) -> Option<Self> {
        let raw = raw.trim();
        let (head, rest) = match raw.split_once(':') {
            Some((h, r)) => (h, Some(r.trim())),
            None => (raw, None),
        };
        let head: String = head
            .trim()
            .to_lowercase()
            .chars()
            .map(|c| match c {
                'é' | 'è' | 'ê' => 'e',
                c => c,
            })
            .collect();
        match (head.as_str(), rest) {
            ("electeur" | "electrice" | "voter", None) => Some(Self::Electeur),
            ("candidat" | "candidate", None) => Some(Self::Candidat),
            ("delegue" | "deleguee" | "delegate", Some(name)) if !name.is_empty() => {
                Some(Self::Delegue(name.to_owned()))
            }
            _ => None,
        }
    }
}

impl fmt::Display for Qualite {
    /// The spelling [`Qualite::parse`] reads back (what the setting stores).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Electeur => f.write_str("electeur"),
            Self::Candidat => f.write_str("candidat"),
            Self::Delegue(name) => write!(f, "delegue:{name}"),
        }
    }
}

/// The last day to file the remedy and the hour it ends at, from the bureau's own vote day
/// (`vote`, Saturday where the kind votes a day earlier) or the `proclamation`, as `law` says
/// (the day after the start is the first day; moved to the next working day before an
/// administrative court). `None` when the start is not given, or for the présidentielle (the
/// PV's close).
pub fn deadline(
    law: &Law,
    vote: Option<NaiveDate>,
    proclamation: Option<NaiveDate>,
) -> Option<(NaiveDate, Hour)> {
    law.last_day(vote, proclamation)
        .map(|d| (d, law.deadline.until))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::domain::ElectionKind;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn qualites_read_back_what_they_write() {
        for q in [
            Qualite::Electeur,
            Qualite::Candidat,
            Qualite::Delegue("Mme Y".to_owned()),
        ] {
            assert_eq!(Qualite::parse(&q.to_string()), Some(q));
        }
        assert_eq!(Qualite::parse(" Électeur "), Some(Qualite::Electeur));
        assert_eq!(
            Qualite::parse("délégué: M. Z"),
            Some(Qualite::Delegue("M. Z".to_owned()))
        );
        for bad in ["", "delegue", "delegue:", "maire", "electeur:x"] {
            assert_eq!(Qualite::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn ten_days_after_the_2017_proclamation_at_six_pm() {
        // Ord. 58-1067 art. 33: 18:00 on the 10th day after the proclamation.
        let law = Law::of(ElectionKind::Legislatives);
        assert_eq!(
            deadline(law, Some(day(2017, 6, 11)), Some(day(2017, 6, 18))),
            Some((day(2017, 6, 28), Hour::SixPm))
        );
        // The count crosses months, years and leap days.
        for (p, d) in [
            (day(2017, 6, 25), day(2017, 7, 5)),
            (day(2023, 12, 25), day(2024, 1, 4)),
            (day(2024, 2, 25), day(2024, 3, 6)),
            (day(2023, 2, 25), day(2023, 3, 7)),
        ] {
            assert_eq!(deadline(law, None, Some(p)).map(|x| x.0), Some(d));
        }
        assert_eq!(deadline(law, None, Some(NaiveDate::MAX)), None);
    }

    #[test]
    fn the_municipales_count_from_the_vote_the_presidentielle_has_no_day() {
        let m = Law::of(ElectionKind::Municipales);
        assert_eq!(
            deadline(m, Some(day(2020, 3, 15)), None),
            Some((day(2020, 3, 20), Hour::SixPm))
        );
        assert_eq!(deadline(m, None, Some(day(2020, 3, 20))), None);
        let p = Law::of(ElectionKind::Presidentielle);
        assert_eq!(deadline(p, Some(day(2022, 4, 10)), None), None);
    }
}
