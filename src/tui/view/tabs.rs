//! The tab line: the three screens, the current one in reverse video and marked `▸` (not by
//! colour alone). Each tab is a third of the line, so a tap anywhere on it opens that screen.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::{fit, layout};
use crate::tui::model::{Model, Screen};

pub(super) fn draw(model: &Model, frame: &mut Frame<'_>, area: Rect) {
    let j = model.lang.journey();
    let titles = if layout::wide_tabs(area.width) {
        j.tabs
    } else {
        j.tabs_short
    };
    for (screen, rect) in Screen::ALL.into_iter().zip(layout::tab_areas(area)) {
        let current = screen == model.screen;
        let marker = if current { "▸" } else { " " };
        let text = fit(&format!("{marker}{}", titles[screen.index()]), rect.width);
        let style = if current {
            model.theme.cursor()
        } else {
            model.theme.dim()
        };
        frame.render_widget(Paragraph::new(Line::styled(text, style)), rect);
    }
}
