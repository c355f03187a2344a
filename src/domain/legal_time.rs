//! Legal local time: stored times are UTC; a time shown to people is the bureau's legal local
//! time (law.md §2.8: "print the bureau's legal local time, never UTC; overseas and abroad use
//! other zones"). Which zone a place is in follows from its INSEE code: the bureau's commune,
//! else the circonscription's département.
//!
//! French abroad (`ZZ`) vote in the zone of their consulate, which the code does not say: their
//! times stay in UTC and say so, and a time typed for them is read as UTC (the help says so).
//! French Polynesia (`987`, `ZP`) spans three zones (Tahiti, Marquesas, Gambier); nearly all its
//! voters are on Tahiti's (UTC − 10, Pacific/Tahiti), which is taken and NAMED ("heure de
//! Tahiti"), so that a reader in the Marquesas (UTC − 9 h 30) or the Gambier (UTC − 9) knows
//! which time is meant.

use chrono::{DateTime, NaiveDateTime, Utc};
use chrono_tz::Tz;

use super::{BureauCode, CirconscriptionCode};

/// The legal time of a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LegalZone {
    /// Metropolitan France and Corsica: Europe/Paris, which needs no name.
    Metropole,
    /// An overseas département or collectivité with one zone, named when times are shown.
    Overseas(Overseas),
    /// A place whose zone the code does not tell: times are shown in UTC, said so.
    Unknown,
}

/// The overseas places with a single legal time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overseas {
    /// 971, ZA.
    Guadeloupe,
    /// 972, ZB.
    Martinique,
    /// 973, ZC.
    Guyane,
    /// 974, ZD.
    Reunion,
    /// 975, ZS.
    SaintPierreEtMiquelon,
    /// 976, ZM.
    Mayotte,
    /// 977 and 978, ZX: Saint-Barthélemy and Saint-Martin share a circonscription and a legal
    /// time (UTC − 4), named together so that a bureau and its circonscription agree.
    SaintBarthelemyEtSaintMartin,
    /// 986, ZW.
    WallisEtFutuna,
    /// 988, ZN.
    NouvelleCaledonie,
    /// 987, ZP: Tahiti's time (Pacific/Tahiti), named as such.
    Polynesie,
}

impl Overseas {
    /// The IANA zone.
    pub fn tz(self) -> Tz {
        match self {
            Self::Guadeloupe => Tz::America__Guadeloupe,
            Self::Martinique => Tz::America__Martinique,
            Self::Guyane => Tz::America__Cayenne,
            Self::Reunion => Tz::Indian__Reunion,
            Self::SaintPierreEtMiquelon => Tz::America__Miquelon,
            Self::Mayotte => Tz::Indian__Mayotte,
            Self::SaintBarthelemyEtSaintMartin => Tz::America__Marigot,
            Self::WallisEtFutuna => Tz::Pacific__Wallis,
            Self::NouvelleCaledonie => Tz::Pacific__Noumea,
            Self::Polynesie => Tz::Pacific__Tahiti,
        }
    }
}

impl LegalZone {
    /// The zone of a département code as circonscription codes write it (`75`, `2A`, `971`,
    /// `ZA`, `ZZ`).
    pub fn of_departement(dep: &str) -> Self {
        use Overseas as O;
        match dep {
            "971" | "ZA" => Self::Overseas(O::Guadeloupe),
            "972" | "ZB" => Self::Overseas(O::Martinique),
            "973" | "ZC" => Self::Overseas(O::Guyane),
            "974" | "ZD" => Self::Overseas(O::Reunion),
            "975" | "ZS" => Self::Overseas(O::SaintPierreEtMiquelon),
            "976" | "ZM" => Self::Overseas(O::Mayotte),
            "977" | "978" | "ZX" => Self::Overseas(O::SaintBarthelemyEtSaintMartin),
            "986" | "ZW" => Self::Overseas(O::WallisEtFutuna),
            "988" | "ZN" => Self::Overseas(O::NouvelleCaledonie),
            "987" | "ZP" => Self::Overseas(O::Polynesie),
            "2A" | "2B" => Self::Metropole,
            d if d.len() == 2 && d.bytes().all(|b| b.is_ascii_digit()) && d != "00" => {
                // 01 to 95: metropolitan départements (96 is unused, 97/98 need 3 digits).
                if d < "96" {
                    Self::Metropole
                } else {
                    Self::Unknown
                }
            }
            // ZZ (abroad), anything else.
            _ => Self::Unknown,
        }
    }

    /// The zone of a circonscription (its département).
    pub fn of_circonscription(code: &CirconscriptionCode) -> Self {
        Self::of_departement(code.departement())
    }

    /// The zone of a bureau, from its commune's INSEE code (`75056`, `2A004`, `97101`).
    pub fn of_bureau(code: &BureauCode) -> Self {
        let commune = code.as_str().split('_').next().unwrap_or_default();
        let dep = if commune.starts_with("97") || commune.starts_with("98") {
            commune.get(..3)
        } else {
            commune.get(..2)
        };
        dep.map_or(Self::Unknown, Self::of_departement)
    }

    /// The place's zone: the bureau's when there is one, else the circonscription's.
    pub fn of_place(circ: &CirconscriptionCode, bureau: Option<&BureauCode>) -> Self {
        bureau.map_or_else(|| Self::of_circonscription(circ), Self::of_bureau)
    }

    /// `at` as the place's legal local time (UTC itself for an unknown zone).
    pub fn local(self, at: DateTime<Utc>) -> NaiveDateTime {
        match self {
            Self::Metropole => at.with_timezone(&Tz::Europe__Paris).naive_local(),
            Self::Overseas(o) => at.with_timezone(&o.tz()).naive_local(),
            Self::Unknown => at.naive_utc(),
        }
    }

    /// A local time of the place as UTC. At the autumn change an hour happens twice: the first
    /// is taken. `None` for a time that does not exist (the spring change's skipped hour).
    pub fn to_utc(self, local: NaiveDateTime) -> Option<DateTime<Utc>> {
        use chrono::TimeZone as _;
        let utc = |r: chrono::LocalResult<DateTime<Tz>>| r.earliest().map(|t| t.to_utc());
        match self {
            Self::Metropole => utc(Tz::Europe__Paris.from_local_datetime(&local)),
            Self::Overseas(o) => utc(o.tz().from_local_datetime(&local)),
            Self::Unknown => Some(local.and_utc()),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use chrono::TimeZone;

    use super::*;

    #[test]
    fn local_times_go_back_to_utc_and_skipped_hours_do_not_exist() {
        let local = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
        let paris = LegalZone::Metropole;
        let at = paris.to_utc(local("2017-06-11 15:40")).unwrap();
        assert_eq!(at, Utc.with_ymd_and_hms(2017, 6, 11, 13, 40, 0).unwrap());
        assert_eq!(paris.local(at), local("2017-06-11 15:40"));
        // Sunday 26 March 2017, 02:30 does not exist in Paris; Sunday 29 October 2017, 02:30 happens twice.
        assert_eq!(paris.to_utc(local("2017-03-26 02:30")), None);
        assert_eq!(
            paris.to_utc(local("2017-10-29 02:30")),
            Some(Utc.with_ymd_and_hms(2017, 10, 29, 0, 30, 0).unwrap())
        );
        assert_eq!(
            LegalZone::Unknown.to_utc(local("2017-06-11 15:40")),
            Some(Utc.with_ymd_and_hms(2017, 6, 11, 15, 40, 0).unwrap())
        );
    }

    fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
    }

    #[test]
    fn paris_is_utc_plus_two_in_summer_and_plus_one_in_winter() {
        let zone = LegalZone::of_bureau(&BureauCode::parse("75056_0911").unwrap());
        assert_eq!(zone, LegalZone::Metropole);
        assert_eq!(
            zone.local(utc(2017, 6, 11, 13, 0)).to_string(),
            "2017-06-11 15:00:00"
        );
        assert_eq!(
            zone.local(utc(2027, 1, 10, 13, 0)).to_string(),
            "2027-01-10 14:00:00"
        );
        assert_eq!(
            LegalZone::of_departement("2A"),
            LegalZone::Metropole,
            "Corsica"
        );
    }

    #[test]
    fn overseas_places_have_their_own_time_by_commune_or_by_circonscription() {
        // Guadeloupe is UTC-4 all year; La Réunion UTC+4; Nouméa UTC+11.
        let g = LegalZone::of_bureau(&BureauCode::parse("97101_0001").unwrap());
        assert_eq!(g, LegalZone::Overseas(Overseas::Guadeloupe));
        assert_eq!(
            g.local(utc(2024, 6, 30, 12, 0)).to_string(),
            "2024-06-30 08:00:00"
        );
        let old_code = CirconscriptionCode::parse("ZD01").unwrap();
        assert_eq!(
            LegalZone::of_circonscription(&old_code),
            LegalZone::Overseas(Overseas::Reunion)
        );
        assert_eq!(
            LegalZone::of_departement("988")
                .local(utc(2024, 6, 30, 12, 0))
                .to_string(),
            "2024-06-30 23:00:00"
        );
    }

    #[test]
    fn moments_are_said_in_local_time_with_the_zone_named_overseas() {
        use crate::i18n::Lang;
        let fr = Lang::Fr.catalog();
        let at = utc(2024, 6, 30, 13, 40);
        assert_eq!(
            fr.moment(at, LegalZone::Metropole),
            "dimanche 30 juin 2024, 15 h 40"
        );
        assert_eq!(
            fr.moment(at, LegalZone::Overseas(Overseas::Guadeloupe)),
            "dimanche 30 juin 2024, 9 h 40, heure de la Guadeloupe"
        );
        assert_eq!(
            fr.moment(at, LegalZone::Unknown),
            "dimanche 30 juin 2024, 13 h 40, heure UTC"
        );
        assert_eq!(
            Lang::En.catalog().moment(at, LegalZone::Metropole),
            "Sunday 30 June 2024, 15:40"
        );
    }

    #[test]
    fn polynesia_is_on_tahiti_time_named_and_abroad_is_not_given_a_zone() {
        // Issue 13.7: 987 is Pacific/Tahiti (UTC − 10), named.
        for dep in ["987", "ZP"] {
            let zone = LegalZone::of_departement(dep);
            assert_eq!(zone, LegalZone::Overseas(Overseas::Polynesie), "{dep}");
            assert_eq!(
                zone.local(utc(2022, 4, 10, 2, 0)).to_string(),
                "2022-04-09 16:00:00"
            );
        }
        let fr = crate::i18n::Lang::Fr.catalog();
        assert_eq!(
            fr.moment(utc(2022, 4, 10, 2, 0), LegalZone::of_departement("987")),
            "samedi 9 avril 2022, 16 h 00, heure de Tahiti"
        );
        for dep in ["ZZ", "99"] {
            assert_eq!(LegalZone::of_departement(dep), LegalZone::Unknown, "{dep}");
        }
        let at = utc(2022, 4, 10, 12, 0);
        assert_eq!(LegalZone::Unknown.local(at), at.naive_utc());
    }
}
