//! The summary screen: the circonscription's findings as the report prints them, the réclamation
//! for the bureau's procès-verbal, and the chain digest to copy into it. Scrolls.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::fit;
use crate::report::pv::short_reference;
use crate::tui::model::Model;

/// The summary's lines, as drawn (before wrapping).
fn lines(model: &Model) -> Vec<Line<'static>> {
    let j = model.lang.journey();
    let Some(summary) = &model.summary else {
        return vec![Line::raw(j.summary_loading)];
    };
    let title = |t: &str| Line::styled(t.to_owned(), model.theme.title());
    // The short reference the réclamation carries is what is copied; the full digest is in
    // the annex below.
    let digest = summary
        .digest
        .as_deref()
        .map_or_else(|| j.summary_no_digest.to_owned(), short_reference);
    let mut lines = vec![title(j.summary_digest), Line::raw(digest)];
    lines.push(Line::raw(""));
    lines.push(title(j.summary_findings));
    lines.extend(summary.report.lines().map(|l| Line::raw(unbreakable(l))));
    lines.push(Line::raw(""));
    lines.push(title(j.summary_pv));
    match &summary.pv {
        Some(pv) => lines.extend(pv.lines().map(|l| Line::raw(unbreakable(l)))),
        None => lines.push(Line::raw(j.summary_pv_needs_bureau)),
    }
    lines
}

/// `line` with no-break spaces where French typography keeps words together (before `:` `;` `?`
/// `!` `»`, after `«` and `n°`, inside a time "22 h 46"), so that wrapping never starts a row
/// with `:`, ends one with `n°` or cuts a time. The screens' forms say their errors with it too.
pub(in crate::tui) fn unbreakable(line: &str) -> String {
    glue_hours(
        &line
            .replace(" :", "\u{a0}:")
            .replace(" ;", "\u{a0};")
            .replace(" ?", "\u{a0}?")
            .replace(" !", "\u{a0}!")
            .replace(" »", "\u{a0}»")
            .replace("« ", "«\u{a0}")
            .replace("n° ", "n°\u{a0}"),
    )
}

/// "22 h 46" and "22 h" with no-break spaces: a time is never cut at the end of a row.
fn glue_hours(line: &str) -> String {
    let c: Vec<char> = line.chars().collect();
    let digit = |i: usize| c.get(i).is_some_and(char::is_ascii_digit);
    let space = |i: usize| c.get(i).is_some_and(|&x| x == ' ' || x == '\u{a0}');
    c.iter()
        .enumerate()
        .map(|(i, &ch)| {
            if ch != ' ' || i == 0 {
                return ch;
            }
            // "22 |h": a digit before, an "h" standing alone after.
            let before_h = digit(i - 1)
                && c.get(i + 1) == Some(&'h')
                && !c.get(i + 2).is_some_and(|x| x.is_alphanumeric());
            // "22 h| 46": after a standing "h" that follows a number, minutes next.
            let after_h = i >= 3 && c[i - 1] == 'h' && space(i - 2) && digit(i - 3) && digit(i + 1);
            if before_h || after_h { '\u{a0}' } else { ch }
        })
        .collect()
}

/// How many rows the summary takes wrapped in `width` columns.
pub(super) fn rows(model: &Model, width: usize) -> usize {
    lines(model)
        .iter()
        .map(|l| super::wrapped_rows(&l.to_string(), width))
        .sum()
}

pub(super) fn draw(model: &Model, frame: &mut Frame<'_>, body: Rect, facts: Rect) {
    let j = model.lang.journey();
    frame.render_widget(
        Paragraph::new(lines(model))
            .wrap(Wrap { trim: false })
            .scroll((model.summary_scroll, 0)),
        body,
    );
    let Some(summary) = &model.summary else {
        return;
    };
    let digest = summary
        .digest
        .as_deref()
        .map_or_else(|| j.summary_no_digest.to_owned(), short_reference);
    // The reference stays in sight on the facts line while the text scrolls.
    let short = format!(
        "{}{}{digest}",
        j.summary_digest_short,
        crate::tui::words::sep(model.lang)
    );
    frame.render_widget(
        Paragraph::new(Line::styled(fit(&short, facts.width), model.theme.dim())),
        facts,
    );
}

#[cfg(test)]
mod tests {
    #[test]
    fn french_punctuation_stays_with_its_word() {
        assert_eq!(
            super::unbreakable("candidat n° 4 : « absent » ; vu"),
            "candidat n°\u{a0}4\u{a0}: «\u{a0}absent\u{a0}»\u{a0}; vu"
        );
        assert_eq!(
            super::unbreakable("le 11 juin 2017 à 22 h 46, puis 7 h ; hier"),
            "le 11 juin 2017 à 22\u{a0}h\u{a0}46, puis 7\u{a0}h\u{a0}; hier"
        );
        assert_eq!(super::unbreakable("2 heures"), "2 heures");
    }
}
