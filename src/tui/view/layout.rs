//! Where things are on screen: the same geometry for drawing and for mouse taps, so a tap lands
//! on the cell that is drawn there. Pure.

use ratatui::layout::{Constraint, Layout, Rect};

use crate::tui::model::Screen;

/// The five bands of the main screen.
pub struct Bands {
    /// Election, save indicator; circonscription, bureau, observer.
    pub header: Rect,
    /// The screens' tabs.
    pub tabs: Rect,
    /// The record's grid (its first line is the column header), or the summary.
    pub grid: Rect,
    /// The screen's facts: envelope and non-receipts, the bureau's check, the digest.
    pub facts: Rect,
    /// The key hint or the last action's message.
    pub hint: Rect,
}

/// Splits the screen.
pub fn bands(area: Rect) -> Bands {
    let [header, tabs, grid, facts, hint] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    Bands {
        header,
        tabs,
        grid,
        facts,
        hint,
    }
}

/// The grid band split into the table (its first line is the column header) and, on its last
/// line, the grid's status: rows above and below the screen, and how many cells are checked.
pub fn table_and_status(grid: Rect) -> (Rect, Rect) {
    let table = Rect {
        height: grid.height.saturating_sub(1),
        ..grid
    };
    let status = Rect {
        y: grid.y + table.height,
        height: grid.height.min(1),
        ..grid
    };
    (table, status)
}

/// The table part of the screen's grid band.
pub fn table(screen: Rect) -> Rect {
    table_and_status(bands(screen).grid).0
}

/// The tab of each screen on the tab line: three equal parts.
pub fn tab_areas(tabs: Rect) -> [Rect; 3] {
    Layout::horizontal([Constraint::Ratio(1, 3); 3]).areas(tabs)
}

/// The screen whose tab is at `(x, y)`, if any.
pub fn tab_target(screen: Rect, x: u16, y: u16) -> Option<Screen> {
    let tabs = bands(screen).tabs;
    if y != tabs.y {
        return None;
    }
    tab_areas(tabs)
        .iter()
        .position(|r| x >= r.x && x < r.x + r.width)
        .map(|i| Screen::ALL[i])
}

/// The buttons of a phone's hint line on the grid screens (note, undo, help, quit), each a
/// fourth of the line, so that a tap reaches them; none on a screen wide enough for the hint.
pub fn phone_buttons(screen: Rect) -> Option<[Rect; 4]> {
    if screen.width >= 60 {
        return None;
    }
    Some(Layout::horizontal([Constraint::Ratio(1, 4); 4]).areas(bands(screen).hint))
}

/// The phone button at `(x, y)`, if any: 0 note, 1 undo, 2 help, 3 quit.
pub fn phone_button_target(screen: Rect, x: u16, y: u16) -> Option<usize> {
    phone_buttons(screen)?
        .iter()
        .position(|r| y == r.y && x >= r.x && x < r.x + r.width)
}

/// True when the tab line has room for the long titles.
pub fn wide_tabs(width: u16) -> bool {
    width >= 60
}

/// The grid's column widths for a grid this wide on `screen`: panel, name, (nuance), the
/// screen's marks, and on the bureau screen the time of the check.
pub fn grid_widths(width: u16, screen: Screen) -> Vec<Constraint> {
    let checked_at = screen == Screen::Bureau;
    let mut widths = vec![Constraint::Length(3), Constraint::Fill(1)];
    if show_nuance(width) {
        widths.push(Constraint::Length(6));
    }
    // On a phone the columns are titled with words ("foi", "courrier", "bulletin"), not
    // abbreviations: a column is as wide as its word.
    widths.extend(
        screen
            .items()
            .iter()
            .map(|item| Constraint::Length(mark_width(width, *item))),
    );
    if checked_at {
        widths.push(Constraint::Length(if is_wide(width) { 10 } else { 7 }));
    }
    widths
}

/// The confirmation box: centred, at most 60 columns and 10 lines.
pub fn confirm_area(screen: Rect) -> Rect {
    let w = 60.min(screen.width);
    let h = 10.min(screen.height.saturating_sub(2));
    Rect::new(
        screen.x + (screen.width - w) / 2,
        screen.y + (screen.height - h) / 2,
        w,
        h,
    )
}

/// The confirmation box's two buttons, on its last inner line: yes on the left, no on the right.
pub fn confirm_buttons(screen: Rect) -> [Rect; 2] {
    let area = confirm_area(screen);
    let line = Rect::new(
        area.x + 1,
        area.y + area.height.saturating_sub(2),
        area.width.saturating_sub(2),
        1,
    );
    Layout::horizontal([Constraint::Ratio(1, 2); 2]).areas(line)
}

/// The answer of a tap at `(x, y)` on the confirmation box's buttons, if it falls on one.
pub fn confirm_target(screen: Rect, x: u16, y: u16) -> Option<bool> {
    let [yes, no] = confirm_buttons(screen);
    let inside = |r: Rect| y == r.y && x >= r.x && x < r.x + r.width;
    if inside(yes) {
        Some(true)
    } else if inside(no) {
        Some(false)
    } else {
        None
    }
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

fn mark_width(width: u16, item: crate::domain::Item) -> u16 {
    match (is_wide(width), item) {
        (true, _) => 16,
        (false, crate::domain::Item::Foi) => 4,
        (false, _) => 8,
    }
}

/// The first candidate shown when `selected` must be visible in a grid of `grid_height` lines
/// (ratatui's table scrolls the same way: the selected row becomes the last one shown).
pub fn first_visible_row(selected: usize, grid_height: u16) -> usize {
    let visible = usize::from(grid_height.saturating_sub(1)).max(1);
    (selected + 1).saturating_sub(visible)
}

/// True when (`x`, `y`) is on the candidate column's header of the grid (where the envelope
/// screen says which envelope it shows).
pub fn candidate_header_target(screen: Rect, kind: Screen, x: u16, y: u16) -> bool {
    let grid = table(screen);
    if y != grid.y || grid.height == 0 {
        return false;
    }
    let columns = Layout::horizontal(grid_widths(grid.width, kind))
        .spacing(COLUMN_SPACING)
        .split(grid);
    columns
        .get(1)
        .is_some_and(|c| x >= c.x && x < c.x + c.width)
}

/// What a tap at `(x, y)` falls on in the grid of `kind`: the candidate row and, on a mark, the
/// mark column's index.
pub fn grid_target(
    screen: Rect,
    kind: Screen,
    selected: usize,
    rows: usize,
    x: u16,
    y: u16,
) -> Option<(usize, Option<usize>)> {
    let grid = table(screen);
    if y <= grid.y || y >= grid.y + grid.height || x < grid.x || x >= grid.x + grid.width {
        return None;
    }
    let row = first_visible_row(selected, grid.height) + usize::from(y - grid.y - 1);
    if row >= rows {
        return None;
    }
    let marks = kind.items().len();
    let columns = Layout::horizontal(grid_widths(grid.width, kind))
        .spacing(COLUMN_SPACING)
        .split(grid);
    let first_mark = if show_nuance(grid.width) { 3 } else { 2 };
    let col = columns
        .iter()
        .skip(first_mark)
        .take(marks)
        .position(|c| x >= c.x && x < c.x + c.width);
    Some((row, col))
}
