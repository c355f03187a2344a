//! Times and separators as a volunteer says them (issue 16, point 17): "15 h 40" in French,
//! "15:40" in English; no-break spaces where French puts them. Pure.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

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

/// A day as said aloud: "samedi 8 juin 2024", "Saturday 8 June 2024".
pub fn day(lang: Lang, date: NaiveDate) -> String {
    const JOURS: [&str; 7] = [
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    ];
    const MOIS: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    let weekday = date.weekday().num_days_from_monday() as usize;
    let month = date.month0() as usize;
    match lang {
        Lang::Fr => {
            // "1er" for the first of the month, as French writes it.
            let n = if date.day() == 1 {
                "1er".to_owned()
            } else {
                date.day().to_string()
            };
            format!(
                "{} {n}\u{a0}{} {}",
                JOURS[weekday % 7],
                MOIS[month % 12],
                date.year()
            )
        }
        Lang::En => date.format("%A %-d %B %Y").to_string(),
    }
}

/// What an undo changes, from [`crate::domain::session::Sheet::undone_cells`]: one cell ("n° 8
/// bulletin (bureau) absent → non vérifié"), a column's cells, else the record undone
/// ([`crate::domain::session::Sheet::undone_records`]: "le décompte des enveloppes du foyer (4
/// électeurs, 1 reçue)"), or the last change. The interface and plain mode say it alike.
/// `short`: the column's short title (a screen's width), else its full name (plain mode, read
/// aloud).
pub fn undo_text(
    lang: Lang,
    cells: &[(
        crate::domain::Panel,
        crate::domain::Item,
        crate::domain::Mark,
        crate::domain::Mark,
    )],
    short: bool,
    records: &[crate::domain::state::LiveRecord],
) -> String {
    use crate::domain::state::LiveRecord;
    use crate::i18n::Message as Text;
    let cat = lang.catalog();
    match cells {
        [] => match records.first() {
            Some(LiveRecord::Envelope { voters, received }) => Text::new("journey-undone-envelope")
                .arg("voters", *voters)
                .arg("received", *received)
                .render(lang),
            Some(LiveRecord::NonReceipt) => Text::new("journey-undone-non-receipt").render(lang),
            Some(LiveRecord::Machines { bureau, machines }) => Text::new("journey-undone-machines")
                .arg("bureau", bureau.as_str())
                .arg("machines", *machines)
                .render(lang),
            Some(LiveRecord::Photo) => Text::new("journey-undone-photo").render(lang),
            None => cat.undone.to_owned(),
        },
        [(panel, item, was, now)] => Text::new("journey-undone-cell")
            .arg(
                "cell",
                Text::new("journey-cell")
                    .arg("panel", panel.get())
                    .arg("item", item.slug()),
            )
            .arg("was", cat.mark(*was))
            .arg("now", cat.mark(*now))
            .render(lang),
        many if many.iter().all(|c| c.1 == many[0].1) => Text::new("journey-undone-column")
            .arg("count", many.len())
            .arg("column", cat.column(many[0].1, short))
            .render(lang),
        many => Text::new("journey-undone-cells")
            .arg("count", many.len())
            .render(lang),
    }
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

    #[test]
    fn days_are_said_as_a_volunteer_says_them() {
        let d = chrono::NaiveDate::from_ymd_opt(2024, 6, 8).unwrap();
        assert_eq!(day(Lang::Fr, d), "samedi 8\u{a0}juin 2024");
        assert_eq!(day(Lang::En, d), "Saturday 8 June 2024");
        let first = chrono::NaiveDate::from_ymd_opt(2024, 6, 1).unwrap();
        assert_eq!(day(Lang::Fr, first), "samedi 1er\u{a0}juin 2024");
    }
}
