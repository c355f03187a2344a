//! When observations were made, against the election day: a table observed after the polls
//! closed, or envelopes "received" after the election, cannot be what the observer says they are
//! (a typing mistake, a record replayed without its real times). Such facts are flagged, never
//! silently used (law.md §2.8: "warn when an observation is dated after the vote").

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};

use super::legal_time::LegalZone;

/// The latest the polls can close, local time: 18:00 by R.41 of the code électoral, which lets the
/// préfet delay it; the convocation decrees add that "en aucun cas, le scrutin ne pourra être clos
/// après 20 heures". An observation later than 20:00 on the election day is after the close
/// wherever it was made.
pub const LATEST_CLOSE: (u32, u32) = (20, 0);

/// The moment the polls closed at the latest on `day` in `zone`, as UTC.
pub fn polls_closed(day: NaiveDate, zone: LegalZone) -> Option<DateTime<Utc>> {
    let close = NaiveTime::from_hms_opt(LATEST_CLOSE.0, LATEST_CLOSE.1, 0)?;
    zone.to_utc(day.and_time(close))
}

/// True when `at` is after the polls closed on `day` in `zone`.
pub fn after_polls(at: DateTime<Utc>, day: NaiveDate, zone: LegalZone) -> bool {
    polls_closed(day, zone).is_some_and(|close| at > close)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn the_polls_close_at_20_h_local_at_the_latest() {
        let day = NaiveDate::from_ymd_opt(2017, 6, 11).unwrap();
        let paris = LegalZone::Metropole;
        // 20:00 in Paris in June is 18:00 UTC.
        assert_eq!(
            polls_closed(day, paris),
            Some(Utc.with_ymd_and_hms(2017, 6, 11, 18, 0, 0).unwrap())
        );
        assert!(!after_polls(
            Utc.with_ymd_and_hms(2017, 6, 11, 17, 59, 0).unwrap(),
            day,
            paris
        ));
        assert!(after_polls(
            Utc.with_ymd_and_hms(2017, 6, 11, 18, 1, 0).unwrap(),
            day,
            paris
        ));
        assert!(after_polls(
            Utc.with_ymd_and_hms(2026, 12, 3, 9, 0, 0).unwrap(),
            day,
            paris
        ));
    }
}
