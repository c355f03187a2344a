//! The coordinator's live view drawn (issue 18 point 3): the page of the current place
//! ([`crate::report::coordination::page`]) cut to the terminal, from 40×15 up. Pure.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::fit;
use crate::domain::coordination::Picture;
use crate::i18n::Message;
use crate::report::coordination::page;
use crate::tui::coordination::Model;

/// The smallest terminal the view is laid out for.
const MIN: (u16, u16) = (40, 15);

/// Draws the view.
pub fn draw(model: &Model, frame: &mut Frame<'_>) {
    let area = frame.area();
    let lang = model.lang;
    if area.width < MIN.0 || area.height < MIN.1 {
        frame.render_widget(
            Paragraph::new(Message::new("coord-too-small").render(lang)).wrap(Wrap { trim: true }),
            area,
        );
        return;
    }
    let theme = model.theme;
    let w = area.width;
    let Some(picture) = &model.picture else {
        let text = match &model.error {
            Some(e) => Message::new("coord-failed")
                .arg("error", e.as_str())
                .render(lang),
            None => Message::new("coord-loading").render(lang),
        };
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
        return;
    };
    let page = page(picture, &model.place, lang);
    let mut lines: Vec<Line<'_>> = Vec::new();
    lines.push(Line::styled(fit(&page.title, w), theme.title()));
    // The rows between the title and the hint: head, facts, then the list gets the rest.
    let error_rows = usize::from(model.error.is_some());
    let rows = usize::from(area.height) - 2 - error_rows;
    let list_min = (page.items.len() + 1).min(4);
    let facts_rows = if page.facts.is_empty() {
        0
    } else {
        (1 + page.facts.len()).min((rows / 4).max(2))
    };
    let head_rows = page
        .head
        .len()
        .min(rows.saturating_sub(facts_rows + list_min));
    if let Some(e) = &model.error {
        let text = Message::new("coord-failed")
            .arg("error", e.as_str())
            .render(lang);
        lines.push(Line::styled(fit(&text, w), theme.failure()));
    }
    for h in page.head.iter().take(head_rows) {
        lines.push(Line::raw(fit(h, w)));
    }
    if facts_rows > 0 {
        lines.push(Line::styled(fit(&page.facts_title, w), theme.title()));
        for f in page.facts.iter().take(facts_rows - 1) {
            lines.push(Line::styled(fit(&format!(" {f}"), w), theme.failure()));
        }
    }
    let list_rows = rows.saturating_sub(head_rows + facts_rows);
    if list_rows > 0 {
        let shown = list_rows - 1;
        let cursor = model.cursor.min(page.items.len().saturating_sub(1));
        let first = (cursor + 1).saturating_sub(shown);
        let range = if page.items.is_empty() {
            String::new()
        } else {
            format!(" ({}/{})", cursor + 1, page.items.len())
        };
        lines.push(Line::styled(
            fit(&format!("{}{range}", page.list_title), w),
            theme.title(),
        ));
        for (i, (item, _)) in page.items.iter().enumerate().skip(first).take(shown) {
            if i == cursor {
                lines.push(Line::styled(fit(&format!("› {item}"), w), theme.cursor()));
            } else {
                lines.push(Line::raw(fit(&format!("  {item}"), w)));
            }
        }
    }
    let body = Rect {
        height: area.height - 1,
        ..area
    };
    frame.render_widget(Paragraph::new(lines), body);
    let hint = if w >= 80 {
        Message::new("coord-hint").render(lang)
    } else {
        Message::new("coord-hint-short").render(lang)
    };
    frame.render_widget(
        Paragraph::new(Line::styled(fit(&hint, w), theme.dim())),
        Rect {
            y: area.y + area.height - 1,
            height: 1,
            ..area
        },
    );
    if model.help {
        help(model, frame, area);
    } else if model.refusals {
        refusals(picture, model, frame, area);
    }
}

/// The refused files with their reasons in full, wrapped (`r`): a reason is a sentence with
/// what to do, which the national page can only show cut to its line.
fn refusals(picture: &Picture, model: &Model, frame: &mut Frame<'_>, area: Rect) {
    let lang = model.lang;
    let rect = Rect {
        x: area.x + 1,
        y: area.y + 1,
        width: area.width - 2,
        height: area.height - 2,
    };
    let lines = crate::report::coordination::refusal_lines(picture, lang);
    let text: Vec<Line<'_>> = if lines.is_empty() {
        vec![Line::raw(Message::new("coord-refusals-none").render(lang))]
    } else {
        lines
            .into_iter()
            .flat_map(|l| [Line::raw(l), Line::raw("")])
            .collect()
    };
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(text).wrap(Wrap { trim: true }).block(
            Block::default()
                .borders(Borders::ALL)
                .title(Message::new("coord-refusals-title").render(lang)),
        ),
        rect,
    );
}

fn help(model: &Model, frame: &mut Frame<'_>, area: Rect) {
    let lang = model.lang;
    let rect = Rect {
        x: area.x + 1,
        y: area.y + 1,
        width: area.width - 2,
        height: area.height - 2,
    };
    let text: Vec<Line<'_>> = [
        "coord-help-refusals",
        "coord-help-keys",
        "coord-help-refresh",
        "coord-help-figures",
    ]
    .iter()
    .flat_map(|id| [Line::raw(Message::new(id).render(lang)), Line::raw("")])
    .collect();
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(text).wrap(Wrap { trim: true }).block(
            Block::default()
                .borders(Borders::ALL)
                .title(Message::new("coord-help-title").render(lang)),
        ),
        rect,
    );
}
