//! The deadline to contest a législatives result before the Conseil constitutionnel.
//!
//! Article 33 of ordonnance n° 58-1067 of 7 November 1958 (and article LO.180 of the code
//! électoral): the requête must be lodged "au plus tard à dix-huit heures le dixième jour qui
//! suit la proclamation des résultats". The day after the proclamation is the first day.

use chrono::{Days, NaiveDate, NaiveDateTime};

/// The last moment to lodge a requête: 18:00 (local time of the place of filing) on the 10th day
/// after `proclamation`. `None` only past the end of the calendar.
pub fn appeal_deadline(proclamation: NaiveDate) -> Option<NaiveDateTime> {
    proclamation
        .checked_add_days(Days::new(10))?
        .and_hms_opt(18, 0, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deadline(y: i32, m: u32, d: u32) -> String {
        appeal_deadline(NaiveDate::from_ymd_opt(y, m, d).unwrap())
            .unwrap()
            .format("%Y-%m-%d %H:%M")
            .to_string()
    }

    #[test]
    fn ten_days_after_the_2017_proclamation_at_six_pm() {
        assert_eq!(deadline(2017, 6, 18), "2017-06-28 18:00");
    }

    #[test]
    fn the_count_crosses_months_years_and_leap_days() {
        assert_eq!(deadline(2024, 7, 7), "2024-07-17 18:00");
        assert_eq!(deadline(2017, 6, 25), "2017-07-05 18:00");
        assert_eq!(deadline(2023, 12, 25), "2024-01-04 18:00");
        assert_eq!(deadline(2024, 2, 25), "2024-03-06 18:00");
        assert_eq!(deadline(2023, 2, 25), "2023-03-07 18:00");
    }

    #[test]
    fn the_end_of_the_calendar_has_no_deadline() {
        assert_eq!(appeal_deadline(NaiveDate::MAX), None);
    }
}
