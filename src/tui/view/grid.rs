//! The record's grid: one row per candidate, the current screen's columns of marks (the
//! envelope's profession de foi and ballot, or the bureau's ballot with the time of the check).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Row, Table, TableState};

use super::layout;
use crate::domain::Item;
use crate::tui::model::{Model, Screen};
use crate::tui::theme::symbol;

pub(super) fn draw(model: &Model, frame: &mut Frame<'_>, grid: Rect) {
    let (area, status) = layout::table_and_status(grid);
    let cat = model.lang.catalog();
    let theme = model.theme;
    let wide = layout::is_wide(area.width);
    let show_nuance = layout::show_nuance(area.width);
    let j = model.lang.journey();
    let items = model.screen.items();
    let checked_at = model.screen == Screen::Bureau;
    let label = |item: Item| match (item, wide) {
        (Item::Foi, true) => cat.col_foi.to_owned(),
        (Item::Courrier, true) => cat.col_courrier.to_owned(),
        (Item::Bureau, true) => cat.col_bureau.to_owned(),
        (item, false) => crate::i18n::Message::new("journey-col-phone")
            .arg("item", item.slug())
            .render(model.lang),
    };
    // Which of the household's envelopes the grid shows, once it has more than one.
    let known = model.envelopes_known().max(model.envelope_no);
    let candidate = if model.screen == Screen::Envelope && known > 1 {
        let shown = if wide {
            j.envelope_shown
        } else {
            j.envelope_shown_short
        };
        Cell::from(Line::from(vec![
            Span::raw(format!("{} · ", cat.col_candidate)),
            Span::styled(shown(model.envelope_no, known), theme.title()),
        ]))
    } else {
        Cell::from(cat.col_candidate)
    };
    let mut header: Vec<Cell<'_>> = vec![Cell::from(cat.col_panel), candidate];
    if show_nuance {
        header.push(Cell::from(cat.col_nuance));
    }
    header.extend(items.iter().enumerate().map(|(i, item)| {
        let style = if i == model.col {
            theme.cursor()
        } else {
            theme.title()
        };
        Cell::from(Line::from(Span::styled(label(*item), style)))
    }));
    if checked_at {
        let phone = crate::i18n::Message::new("journey-col-checked-at-phone").render(model.lang);
        let title = if wide { j.col_checked_at } else { &phone };
        header.push(Cell::from(Span::styled(title.to_owned(), theme.title())));
    }

    let photo_marker = crate::i18n::Message::new("photo-marker").render(model.lang);
    let rows = model.candidates.iter().enumerate().map(|(r, c)| {
        let mut cells = vec![
            Cell::from(format!("{:>2}", c.panel)),
            Cell::from(c.display_name()),
        ];
        if show_nuance {
            cells.push(Cell::from(c.nuance.clone()));
        }
        for (i, item) in items.iter().enumerate() {
            let observation = model.observation(r, *item);
            let mark = observation.map_or(crate::domain::Mark::Unchecked, |o| o.mark);
            let note = if observation.is_some_and(|o| o.note.is_some()) {
                j.note_marker
            } else {
                " "
            };
            // A cell with a photo says so (issue 19), after its note's mark.
            let photo = if model.photos_of_cell(r, *item).next().is_some() {
                photo_marker.as_str()
            } else {
                ""
            };
            let text = if wide {
                format!("{} {}{note}{photo}", symbol(mark), cat.mark(mark))
            } else {
                format!(" {}{note}{photo}", symbol(mark))
            };
            let mut style = theme.mark(mark);
            if r == model.row && i == model.col {
                style = theme.cursor();
            }
            cells.push(Cell::from(Span::styled(text, style)));
        }
        if checked_at {
            let at = model
                .checked_at(r)
                .map(|at| crate::tui::words::clock(model.lang, model.zone().local(at)))
                .unwrap_or_default();
            cells.push(Cell::from(at));
        }
        Row::new(cells)
    });

    let widths = layout::grid_widths(area.width, model.screen);
    let table = Table::new(rows, widths)
        .header(Row::new(header))
        .column_spacing(layout::COLUMN_SPACING)
        .row_highlight_style(theme.current_row());
    let first = layout::first_visible_row(model.row, area.height);
    let mut state = TableState::default()
        .with_offset(first)
        .with_selected(Some(model.row));
    frame.render_stateful_widget(table, area, &mut state);
    let visible = usize::from(area.height.saturating_sub(1)).max(1);
    let below = model.candidates.len().saturating_sub(first + visible);
    frame.render_widget(
        ratatui::widgets::Paragraph::new(Line::styled(
            super::fit(
                &status_text(model, first, below, status.width),
                status.width,
            ),
            theme.dim(),
        )),
        status,
    );
}

/// The grid's status line: how many candidates are above and below the screen, the note of the
/// cell under the cursor, and per column how many cells are checked ("tous vérifiés" when
/// every one is). In `width` columns the counts always show: the note's preview gives way
/// first (cut, or left out when too little room is left).
pub(super) fn status_text(model: &Model, above: usize, below: usize, width: u16) -> String {
    use crate::i18n::Message;
    let lang = model.lang;
    let mut parts = Vec::new();
    if above > 0 {
        parts.push(
            Message::new("journey-rows-above")
                .arg("count", above)
                .render(lang),
        );
    }
    if below > 0 {
        parts.push(
            Message::new("journey-rows-below")
                .arg("count", below)
                .render(lang),
        );
    }
    let note = model
        .current_item()
        .and_then(|item| model.observation(model.row, item))
        .and_then(|o| o.note.as_deref());
    let note_at = parts.len();
    // The photos of the cell under the cursor: what the grid's mark means.
    let photos = model
        .current_item()
        .map_or(0, |item| model.photos_of_cell(model.row, item).count());
    if photos > 0 {
        parts.push(
            Message::new("photo-count")
                .arg("count", photos)
                .arg("marker", Message::new("photo-marker").render(lang))
                .render(lang),
        );
    }
    let total = model.candidates.len();
    let done: Vec<(Item, usize)> = model
        .screen
        .items()
        .iter()
        .map(|&item| {
            let n = (0..total)
                .filter(|&r| model.mark(r, item) != crate::domain::Mark::Unchecked)
                .count();
            (item, n)
        })
        .collect();
    if total > 0 && done.iter().all(|(_, n)| *n == total) {
        parts.push(Message::new("journey-all-checked").render(lang));
    } else {
        parts.extend(done.iter().map(|(item, n)| {
            Message::new("journey-progress")
                .arg("item", item.slug())
                .arg("done", *n)
                .arg("total", total)
                .render(lang)
        }));
    }
    if let Some(note) = note {
        const SEP: usize = 3; // " · "
        let used: usize = parts.iter().map(|p| p.chars().count() + SEP).sum();
        let room = usize::from(width).saturating_sub(used);
        let marker = model.lang.journey().note_marker;
        // A marker, a space and a few letters at least; else the note is only the marker.
        let preview = if room >= marker.chars().count() + 5 {
            super::fit(
                &format!("{marker} {note}"),
                u16::try_from(room).unwrap_or(u16::MAX),
            )
        } else {
            marker.to_owned()
        };
        if preview.chars().count() <= room {
            parts.insert(note_at, preview);
        }
    }
    parts.join(" · ")
}
