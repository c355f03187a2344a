//! The view: draws the model. Pure: reads the model, never changes it.

// The coordinator's live view (issue 18 point 3).
pub mod coordination;
mod grid;
mod header;
pub mod layout;
pub(crate) mod overlays;
pub mod setup;
mod summary;
mod tabs;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::model::{Mode, Model, Screen};

/// The smallest screen laid out normally (a phone terminal).
pub const MIN_SIZE: (u16, u16) = (40, 15);

/// Draws the whole screen.
pub fn draw(model: &Model, frame: &mut Frame<'_>) {
    let area = frame.area();
    let cat = model.lang.catalog();
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        frame.render_widget(
            Paragraph::new(cat.screen_too_small).wrap(ratatui::widgets::Wrap { trim: true }),
            area,
        );
        return;
    }
    let layout::Bands {
        header: header_area,
        tabs: tabs_area,
        grid: grid_area,
        facts: facts_area,
        hint: hint_area,
    } = layout::bands(area);
    header::draw(model, frame, header_area);
    tabs::draw(model, frame, tabs_area);
    match model.screen {
        Screen::Envelope => {
            grid::draw(model, frame, grid_area);
            draw_facts(model, frame, facts_area);
        }
        Screen::Bureau => {
            if model.bureau.is_some() {
                grid::draw(model, frame, grid_area);
            } else {
                frame.render_widget(
                    Paragraph::new(model.lang.journey().bureau_none)
                        .wrap(ratatui::widgets::Wrap { trim: true }),
                    grid_area,
                );
            }
            draw_bureau_facts(model, frame, facts_area);
        }
        Screen::Summary => summary::draw(model, frame, grid_area, facts_area),
    }
    draw_hint(model, frame, hint_area);
    // On a phone a long message is not cut: it takes the lines above the hint.
    if let Some(flash) = &model.flash
        && flash.chars().count() > usize::from(hint_area.width)
    {
        let rows = wrapped_rows(flash, usize::from(hint_area.width.max(1))).min(3);
        let rows = u16::try_from(rows).unwrap_or(3);
        let rect = Rect {
            y: hint_area.y.saturating_sub(rows - 1),
            height: rows,
            ..hint_area
        };
        frame.render_widget(ratatui::widgets::Clear, rect);
        frame.render_widget(
            Paragraph::new(Line::styled(flash.clone(), model.theme.title()))
                .wrap(ratatui::widgets::Wrap { trim: true }),
            rect,
        );
    }
    match &model.mode {
        Mode::Grid => {}
        Mode::Help => overlays::help(model, frame, above_hint(area)),
        Mode::Envelope(_)
        | Mode::NonReceipt(_)
        | Mode::Note(_)
        | Mode::Export(_)
        | Mode::SeenAt(_)
        | Mode::Photo(_) => {
            overlays::form(model, frame, area);
        }
        Mode::Picker(picker) => overlays::picker(model, picker, frame, area),
        Mode::Confirm(confirm) => overlays::confirm(model, confirm, frame, area),
        Mode::History(history) => overlays::history(model, history, frame, above_hint(area)),
    }
}

/// The bureau screen's facts line: ballots on a table or voting machines, and the last check.
fn draw_bureau_facts(model: &Model, frame: &mut Frame<'_>, area: Rect) {
    let j = model.lang.journey();
    if model.bureau.is_none() {
        return;
    }
    let machines = model.voting_machines();
    let kind = if machines {
        j.bureau_machines
    } else {
        j.bureau_no_machines
    };
    let last = (0..model.candidates.len())
        .filter_map(|r| model.checked_at(r))
        .max()
        .map(|at| crate::tui::words::clock(model.lang, model.zone().local(at)));
    let long = match &last {
        Some(t) => format!("{kind} · {}", (j.bureau_last_check)(t)),
        None => format!("{kind} · {}", j.bureau_not_checked),
    };
    // On a phone the time matters more than the words around it.
    let text = if long.chars().count() <= usize::from(area.width) {
        long
    } else {
        let kind = if machines {
            j.bureau_machines_short
        } else {
            j.bureau_no_machines_short
        };
        match &last {
            Some(t) => fit(
                &format!("{kind} · {}", (j.bureau_last_check_short)(t)),
                area.width,
            ),
            None => fit(kind, area.width),
        }
    };
    let style = if machines {
        model.theme.title()
    } else {
        ratatui::style::Style::default()
    };
    frame.render_widget(Paragraph::new(Line::styled(text, style)), area);
}

/// The household envelope and non-receipt line under the grid.
fn draw_facts(model: &Model, frame: &mut Frame<'_>, area: Rect) {
    let cat = model.lang.catalog();
    let envelope = match model.envelope() {
        Some(f) => (cat.envelope_line)(f.voters, f.received),
        None => cat.envelope_none.to_owned(),
    };
    let long = format!(
        "{envelope} · {}",
        (cat.non_receipt_count)(model.non_receipts())
    );
    let text = if long.chars().count() <= usize::from(area.width) {
        long
    } else {
        let counts = model.envelope().map(|f| (f.voters, f.received));
        fit(&(cat.facts_short)(counts, model.non_receipts()), area.width)
    };
    frame.render_widget(Paragraph::new(text), area);
}

/// The one-line key hint, or the last action's message.
fn draw_hint(model: &Model, frame: &mut Frame<'_>, area: Rect) {
    let cat = model.lang.catalog();
    let j = model.lang.journey();
    let line = match (&model.flash, &model.mode) {
        (Some(flash), _) => Line::styled(fit(flash, area.width), model.theme.title()),
        (None, Mode::Grid) if layout::phone_buttons(frame.area()).is_some() => {
            draw_phone_buttons(model, frame);
            return;
        }
        (None, Mode::Grid) => {
            let hint = match model.screen {
                Screen::Envelope => j.hint_envelope,
                Screen::Bureau => j.hint_bureau,
                Screen::Summary => j.hint_summary,
            };
            Line::styled(short_hint(hint, area.width), model.theme.dim())
        }
        (None, Mode::Confirm(_)) => {
            Line::styled(fit(j.hint_confirm, area.width), model.theme.dim())
        }
        (None, Mode::Picker(p)) => {
            let hint = match p.purpose {
                crate::tui::forms::PickerPurpose::Switch => cat.hint_picker,
                crate::tui::forms::PickerPurpose::MoveTo => j.hint_move_picker,
            };
            Line::styled(short_hint(hint, area.width), model.theme.dim())
        }
        (None, Mode::History(_)) => Line::styled(
            fit(
                &crate::i18n::Message::new("journey-hint-history").render(model.lang),
                area.width,
            ),
            model.theme.dim(),
        ),
        (None, Mode::Photo(_)) => Line::styled(
            short_hint(
                &crate::i18n::Message::new("photo-hint").render(model.lang),
                area.width,
            ),
            model.theme.dim(),
        ),
        (None, Mode::Help) => {
            Line::styled(fit(cat.hint_help_scroll, area.width), model.theme.dim())
        }
        (None, _) => Line::styled(short_hint(cat.hint_form, area.width), model.theme.dim()),
    };
    frame.render_widget(Paragraph::new(line), area);
}

/// A phone's hint line: note, undo, help and quit as buttons a tap reaches.
fn draw_phone_buttons(model: &Model, frame: &mut Frame<'_>) {
    let Some(buttons) = layout::phone_buttons(frame.area()) else {
        return;
    };
    // The summary has nothing to note: its first button exports.
    let first = if model.screen == Screen::Summary {
        "journey-button-export"
    } else {
        "journey-button-note"
    };
    let ids = [
        crate::i18n::Message::new(first),
        crate::i18n::Message::new("journey-button-undo"),
        crate::i18n::Message::new("journey-button-help"),
        crate::i18n::Message::new("journey-button-quit"),
    ];
    for (rect, id) in buttons.into_iter().zip(ids) {
        let text = fit(&id.render(model.lang), rect.width);
        frame.render_widget(Paragraph::new(Line::styled(text, model.theme.dim())), rect);
    }
}

/// Keeps as many whole ` · `-separated hints as fit in `width`, always keeping the last two
/// (help and quit, or confirm and cancel) so that the way out stays visible.
pub(super) fn short_hint(hint: &str, width: u16) -> String {
    let parts: Vec<&str> = hint.split(" · ").collect();
    let tail = parts.len().saturating_sub(2);
    for keep in (0..=tail).rev() {
        let chosen: Vec<&str> = parts[..keep]
            .iter()
            .chain(&parts[tail..])
            .copied()
            .collect();
        let s = chosen.join(" · ");
        if s.chars().count() <= usize::from(width) {
            return s;
        }
    }
    fit(hint, width)
}

/// Cuts `text` to `width` characters, at a word boundary when possible, with `…`.
pub(super) fn fit(text: &str, width: u16) -> String {
    let width = usize::from(width);
    if text.chars().count() <= width {
        return text.to_owned();
    }
    let cut: String = text.chars().take(width.saturating_sub(1)).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > cut.len() / 2 => cut[..i].trim_end().to_owned(),
        _ => cut,
    };
    format!("{cut}…")
}

/// How many rows `text` takes when wrapped at word boundaries in `width` columns, as ratatui's
/// `Wrap` does (words longer than a row are cut).
pub(super) fn wrapped_rows(text: &str, width: usize) -> usize {
    let mut rows = 1;
    let mut used = 0;
    for word in text.split(' ') {
        let len = word.chars().count();
        let needed = if used == 0 { len } else { used + 1 + len };
        if needed <= width {
            used = needed;
        } else if len <= width {
            rows += 1;
            used = len;
        } else {
            // A word longer than the row starts a new row (unless the row is empty) and fills
            // as many rows as it needs.
            if used > 0 {
                rows += 1;
            }
            rows += (len - 1) / width;
            used = len - (len - 1) / width * width;
        }
    }
    rows
}

/// The screen above the hint line, where the help goes.
fn above_hint(area: Rect) -> Rect {
    Rect {
        height: area.height.saturating_sub(1),
        ..area
    }
}

/// [`overlays::keep_match`], for the tests.
#[cfg(test)]
pub fn keep_match_for_tests(text: &str, query: &str, room: usize) -> String {
    overlays::keep_match(text, query, room)
}

/// The furthest the help scrolls on the model's screen.
pub fn help_last_scroll(model: &Model) -> u16 {
    let screen = Rect::new(0, 0, model.size.0, model.size.1);
    overlays::help_last_scroll(model, above_hint(screen))
}

/// The furthest the summary scrolls: its wrapped rows less the rows shown.
pub fn summary_last_scroll(model: &Model) -> u16 {
    let screen = Rect::new(0, 0, model.size.0, model.size.1);
    let body = layout::bands(screen).grid;
    let rows = summary::rows(model, usize::from(body.width.max(1)));
    u16::try_from(rows.saturating_sub(usize::from(body.height))).unwrap_or(u16::MAX)
}

/// The open form's confirm and cancel buttons on a screen of `area` (for taps).
pub fn form_buttons(model: &Model, area: Rect) -> Option<[Rect; 2]> {
    overlays::form_buttons(model, area)
}

/// The photo form's recent image under a tap at (`x`, `y`) on a screen of `area`, if any.
pub fn photo_image_target(model: &Model, area: Rect, x: u16, y: u16) -> Option<usize> {
    overlays::photo_image_target(model, area, x, y)
}

/// A bordered block titled `title`, the title cut at a word (with `…`) to fit a box `width` wide.
pub(super) fn titled(title: &str, width: u16) -> ratatui::widgets::Block<'static> {
    let room = width.saturating_sub(4);
    ratatui::widgets::Block::bordered().title(format!(" {} ", fit(title, room)))
}

/// A rectangle of at most `width`×`height` centred in `area`.
pub(super) fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}
