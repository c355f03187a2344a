//! Where things are on screen: the same geometry for drawing and for mouse taps, so a tap lands
//! on the cell that is drawn there. Pure.

use ratatui::layout::{Constraint, Layout, Rect};

use crate::domain::Item;

/// The four bands of the main screen.
pub struct Bands {
    /// Election, save indicator; circonscription, bureau, observer.
    pub header: Rect,
    /// The record's grid (its first line is the column header).
    pub grid: Rect,
    /// Envelope and non-receipt facts.
    pub facts: Rect,
    /// The key hint or the last action's message.
    pub hint: Rect,
}

/// Splits the screen.
pub fn bands(area: Rect) -> Bands {
    let [header, grid, facts, hint] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(3),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    Bands {
        header,
        grid,
        facts,
        hint,
    }
}

/// The grid's column widths for a grid this wide: panel, name, (nuance), three marks.
pub fn grid_widths(width: u16) -> Vec<Constraint> {
    let mut widths = vec![Constraint::Length(3), Constraint::Fill(1)];
    if show_nuance(width) {
        widths.push(Constraint::Length(6));
    }
    widths.extend([Constraint::Length(mark_width(width)); 3]);
    widths
}

/// Space between the grid's columns.
pub const COLUMN_SPACING: u16 = 1;

/// True when the grid has room for the nuance column.
pub fn show_nuance(width: u16) -> bool {
    width >= 50
}

/// True when the grid shows long column titles and marks in words.
pub fn is_wide(width: u16) -> bool {
    width >= 80
}

fn mark_width(width: u16) -> u16 {
    if is_wide(width) { 14 } else { 4 }
}

/// The first candidate shown when `selected` must be visible in a grid of `grid_height` lines
/// (ratatui's table scrolls the same way: the selected row becomes the last one shown).
pub fn first_visible_row(selected: usize, grid_height: u16) -> usize {
    let visible = usize::from(grid_height.saturating_sub(1)).max(1);
    (selected + 1).saturating_sub(visible)
}

/// What a tap at `(x, y)` falls on in the grid: the candidate row and, on a mark, its column.
pub fn grid_target(
    screen: Rect,
    selected: usize,
    rows: usize,
    x: u16,
    y: u16,
) -> Option<(usize, Option<Item>)> {
    let grid = bands(screen).grid;
    if y <= grid.y || y >= grid.y + grid.height || x < grid.x || x >= grid.x + grid.width {
        return None;
    }
    let row = first_visible_row(selected, grid.height) + usize::from(y - grid.y - 1);
    if row >= rows {
        return None;
    }
    let columns = Layout::horizontal(grid_widths(grid.width))
        .spacing(COLUMN_SPACING)
        .split(grid);
    let marks = &columns[columns.len() - 3..];
    let item = marks
        .iter()
        .position(|c| x >= c.x && x < c.x + c.width)
        .map(|i| Item::ALL[i]);
    Some((row, item))
}
