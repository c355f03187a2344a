//! The record's grid: one row per candidate, three columns of marks.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Row, Table, TableState};

use super::layout;
use crate::domain::Item;
use crate::tui::model::Model;
use crate::tui::theme::symbol;

pub(super) fn draw(model: &Model, frame: &mut Frame<'_>, area: Rect) {
    let cat = model.lang.catalog();
    let theme = model.theme;
    let wide = layout::is_wide(area.width);
    let show_nuance = layout::show_nuance(area.width);
    let labels = if wide {
        [cat.col_foi, cat.col_courrier, cat.col_bureau]
    } else {
        [
            cat.col_foi_short,
            cat.col_courrier_short,
            cat.col_bureau_short,
        ]
    };
    let mut header: Vec<Cell<'_>> = vec![Cell::from(cat.col_panel), Cell::from(cat.col_candidate)];
    if show_nuance {
        header.push(Cell::from(cat.col_nuance));
    }
    header.extend(labels.iter().enumerate().map(|(i, l)| {
        let style = if i == model.col {
            theme.cursor()
        } else {
            theme.title()
        };
        Cell::from(Line::from(Span::styled(*l, style)))
    }));

    let rows = model.candidates.iter().enumerate().map(|(r, c)| {
        let mut cells = vec![
            Cell::from(format!("{:>2}", c.panel)),
            Cell::from(c.display_name()),
        ];
        if show_nuance {
            cells.push(Cell::from(c.nuance.clone()));
        }
        for item in Item::ALL {
            let mark = model.mark(r, item);
            let text = if wide {
                format!("{} {}", symbol(mark), cat.mark(mark))
            } else {
                format!(" {} ", symbol(mark))
            };
            let mut style = theme.mark(mark);
            if r == model.row && item.index() == model.col {
                style = theme.cursor();
            }
            cells.push(Cell::from(Span::styled(text, style)));
        }
        Row::new(cells)
    });

    let widths = layout::grid_widths(area.width);
    let table = Table::new(rows, widths)
        .header(Row::new(header))
        .column_spacing(layout::COLUMN_SPACING)
        .row_highlight_style(theme.current_row());
    let mut state = TableState::default()
        .with_offset(layout::first_visible_row(model.row, area.height))
        .with_selected(Some(model.row));
    frame.render_stateful_widget(table, area, &mut state);
}
