//! Times and separators as a volunteer says them (issue 16, point 17): "15 h 40" in French,
//! "15:40" in English; no-break spaces where French puts them. Pure.

use chrono::{NaiveDateTime, Timelike};

use crate::i18n::Lang;

/// The hour and minute of a local time: "15 h 40" (with no-break spaces, so that a wrapped line
/// never starts with "h 40"), "15:40" in English.
pub fn clock(lang: Lang, at: NaiveDateTime) -> String {
    match lang {
        Lang::Fr => format!("{}\u{a0}h\u{a0}{:02}", at.hour(), at.minute()),
        Lang::En => format!("{:02}:{:02}", at.hour(), at.minute()),
    }
}

/// As [`clock`], with the seconds: "15 h 40 min 05 s", "15:40:05" in English.
pub fn clock_seconds(lang: Lang, at: NaiveDateTime) -> String {
    match lang {
        Lang::Fr => format!(
            "{}\u{a0}h\u{a0}{:02}\u{a0}min\u{a0}{:02}\u{a0}s",
            at.hour(),
            at.minute(),
            at.second()
        ),
        Lang::En => format!("{:02}:{:02}:{:02}", at.hour(), at.minute(), at.second()),
    }
}

/// The separator between a label and its value: " : " in French with a no-break space before
/// the colon (a wrapped line never starts with ":"), ": " in English.
pub fn sep(lang: Lang) -> &'static str {
    lang.journey().sep
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_times_are_said_with_h_and_no_break_spaces() {
        let at = chrono::NaiveDate::from_ymd_opt(2024, 6, 8)
            .and_then(|d| d.and_hms_opt(15, 4, 9))
            .unwrap();
        assert_eq!(clock(Lang::Fr, at), "15\u{a0}h\u{a0}04");
        assert_eq!(clock(Lang::En, at), "15:04");
        assert_eq!(
            clock_seconds(Lang::Fr, at),
            "15\u{a0}h\u{a0}04\u{a0}min\u{a0}09\u{a0}s"
        );
    }
}
