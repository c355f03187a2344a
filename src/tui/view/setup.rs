//! The first-run form. Pure: reads the setup model, never changes it.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{short_hint, wrapped_rows};
use crate::tui::setup::{Field, SetupModel};

/// Draws the whole first-run screen.
pub fn draw(model: &SetupModel, frame: &mut Frame<'_>) {
    let area = frame.area();
    let t = model.lang.setup();
    let sep = crate::tui::words::sep(model.lang);
    let theme = model.theme;
    let field = |label: &str, value: &str, f: Field| -> Vec<Line<'static>> {
        let focused = model.focus == f;
        let marker = if focused { "▸ " } else { "  " };
        let cursor = if focused { "_" } else { "" };
        let style = if focused {
            theme.title()
        } else {
            ratatui::style::Style::default()
        };
        vec![
            Line::styled(format!("{marker}{label}{sep}"), style),
            Line::styled(format!("    {value}{cursor}"), style),
        ]
    };
    let word = |id: &'static str| crate::i18n::Message::new(id).render(model.lang);
    let mut lines = vec![
        Line::raw(t.intro),
        Line::styled(format!("{}{sep}{}", t.database, model.path), theme.dim()),
        Line::raw(""),
    ];
    // The lines of the focused field, kept in sight on small screens.
    let mut focus_lines = 0..0;
    let add = |lines: &mut Vec<Line<'static>>,
               focus_lines: &mut std::ops::Range<usize>,
               new: Vec<Line<'static>>,
               f: Field| {
        if model.focus == f {
            *focus_lines = lines.len()..lines.len() + new.len();
        }
        lines.extend(new);
    };
    add(
        &mut lines,
        &mut focus_lines,
        field(t.name, &model.name, Field::Name),
        Field::Name,
    );
    add(
        &mut lines,
        &mut focus_lines,
        field(t.contact, &model.contact, Field::Contact),
        Field::Contact,
    );
    let focused = model.focus == Field::Election;
    let election_start = lines.len();
    lines.push(Line::styled(
        format!("{}{}{sep}", if focused { "▸ " } else { "  " }, t.election),
        if focused {
            theme.title()
        } else {
            ratatui::style::Style::default()
        },
    ));
    let choices: Vec<String> = model
        .samples
        .iter()
        .map(|s| (t.sample)(s))
        .chain(std::iter::once(t.reference.to_owned()))
        .collect();
    for (i, choice) in choices.iter().enumerate() {
        let chosen = i == model.election;
        // "(•)" / "( )": the choice reads without colour.
        let mark = if chosen { "(•)" } else { "( )" };
        let style = if chosen && focused {
            theme.cursor()
        } else {
            ratatui::style::Style::default()
        };
        lines.push(Line::from(vec![
            Span::raw("    "),
            Span::styled(format!("{mark} {choice}"), style),
        ]));
    }
    if focused {
        focus_lines = election_start..lines.len();
    }
    if model.wants_reference() {
        add(
            &mut lines,
            &mut focus_lines,
            field(t.reference_path, &model.reference, Field::Reference),
            Field::Reference,
        );
        add(
            &mut lines,
            &mut focus_lines,
            field(&word("setup-bureau"), &model.bureau, Field::Bureau),
            Field::Bureau,
        );
    }
    // A choice among fixed values (space or ← →): its label, then the value between ‹ ›.
    let choice = |label: &str, value: &str, f: Field| -> Vec<Line<'static>> {
        let focused = model.focus == f;
        let style = if focused {
            theme.title()
        } else {
            ratatui::style::Style::default()
        };
        vec![
            Line::styled(
                format!("{}{label}{sep}", if focused { "▸ " } else { "  " }),
                style,
            ),
            Line::styled(format!("    ‹ {value} ›"), style),
        ]
    };
    // Observateur or observatrice, not said until chosen.
    let value = match model.feminine {
        None => word("setup-word-unsaid"),
        Some(false) => word("setup-word-observateur"),
        Some(true) => word("setup-word-observatrice"),
    };
    add(
        &mut lines,
        &mut focus_lines,
        choice(&word("setup-word"), &value, Field::Word),
        Field::Word,
    );
    // The qualité the réclamation states, then whose délégué.
    add(
        &mut lines,
        &mut focus_lines,
        choice(
            &word("setup-qualite"),
            &word(model.qualite.message_id()),
            Field::Qualite,
        ),
        Field::Qualite,
    );
    if model.qualite == crate::tui::setup::QualiteChoice::Delegue {
        add(
            &mut lines,
            &mut focus_lines,
            field(&word("setup-delegate"), &model.delegate, Field::Delegate),
            Field::Delegate,
        );
    }
    // The bottom lines: the error when there is one (it must be read), else the key hint.
    let bottom_height = model
        .error
        .as_deref()
        .map_or(1, |e| {
            wrapped_rows(e, usize::from(area.width.max(1))).min(4)
        })
        .min(usize::from(area.height));
    let bottom_height = u16::try_from(bottom_height).unwrap_or(1);
    let body = ratatui::layout::Rect {
        height: area.height.saturating_sub(bottom_height),
        ..area
    };
    let inner_width = usize::from(body.width.saturating_sub(2)).max(1);
    let inner_height = usize::from(body.height.saturating_sub(2));
    let rows = |l: &Line<'_>| wrapped_rows(&l.to_string(), inner_width);
    let top: usize = lines[..focus_lines.start].iter().map(rows).sum();
    let bottom: usize = lines[..focus_lines.end].iter().map(rows).sum();
    let scroll = bottom.saturating_sub(inner_height).min(top);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0))
            .block(super::titled(t.title, body.width)),
        body,
    );
    let bottom = ratatui::layout::Rect {
        y: area.y + area.height.saturating_sub(bottom_height),
        height: bottom_height,
        ..area
    };
    let text = match &model.error {
        Some(e) => Line::styled(e.clone(), theme.failure()),
        None => Line::styled(short_hint(t.hint, bottom.width), theme.dim()),
    };
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), bottom);
}

#[cfg(test)]
mod tests {
    use super::wrapped_rows;

    #[test]
    fn wrapped_rows_counts_like_a_word_wrap() {
        assert_eq!(wrapped_rows("", 10), 1);
        assert_eq!(wrapped_rows("abc def", 7), 1);
        assert_eq!(wrapped_rows("abc defg", 7), 2);
        assert_eq!(wrapped_rows("abcdefghijklmno", 5), 3);
        assert_eq!(
            wrapped_rows("    (•) fichier de référence de votre coordination", 38),
            2
        );
    }
}
