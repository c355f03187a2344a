//! The summary screen: the circonscription's findings as the report prints them, the réclamation
//! for the bureau's procès-verbal, and the chain digest to copy into it. Scrolls.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::fit;
use crate::tui::model::Model;

/// The summary's lines, as drawn (before wrapping).
fn lines(model: &Model) -> Vec<Line<'static>> {
    let j = model.lang.journey();
    let Some(summary) = &model.summary else {
        return vec![Line::raw(j.summary_loading)];
    };
    let title = |t: &str| Line::styled(t.to_owned(), model.theme.title());
    let digest = summary.digest.as_deref().unwrap_or(j.summary_no_digest);
    let mut lines = vec![title(j.summary_digest), Line::raw(digest.to_owned())];
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

/// `line` with no-break spaces where French typography keeps words together (before `:` `;` `»`,
/// after `«` and `n°`), so that wrapping never starts a row with `:` or ends one with `n°`.
fn unbreakable(line: &str) -> String {
    line.replace(" :", "\u{a0}:")
        .replace(" ;", "\u{a0};")
        .replace(" »", "\u{a0}»")
        .replace("« ", "«\u{a0}")
        .replace("n° ", "n°\u{a0}")
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
    let digest = summary.digest.as_deref().unwrap_or(j.summary_no_digest);
    // The digest stays in sight on the facts line while the text scrolls.
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
    }
}
