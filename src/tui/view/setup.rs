//! The first-run form. Pure: reads the setup model, never changes it.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::fit;
use crate::tui::setup::{Field, SetupModel};

/// Draws the whole first-run screen.
pub fn draw(model: &SetupModel, frame: &mut Frame<'_>) {
    let area = frame.area();
    let t = model.lang.setup();
    let sep = model.lang.catalog().list_sep;
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
    let mut lines = vec![
        Line::raw(t.intro),
        Line::styled(format!("{}{sep}{}", t.database, model.path), theme.dim()),
        Line::raw(""),
    ];
    lines.extend(field(t.name, &model.name, Field::Name));
    lines.extend(field(t.contact, &model.contact, Field::Contact));
    let focused = model.focus == Field::Election;
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
    if model.wants_reference() {
        lines.extend(field(t.reference_path, &model.reference, Field::Reference));
    }
    if let Some(e) = &model.error {
        lines.push(Line::raw(""));
        lines.push(Line::styled(e.clone(), theme.failure()));
    }
    let body = ratatui::layout::Rect {
        height: area.height.saturating_sub(1),
        ..area
    };
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(Block::bordered().title(format!(" {} ", t.title))),
        body,
    );
    let hint = ratatui::layout::Rect {
        y: area.y + area.height.saturating_sub(1),
        height: 1.min(area.height),
        ..area
    };
    frame.render_widget(
        Paragraph::new(Line::styled(fit(t.hint, hint.width), theme.dim())),
        hint,
    );
}
