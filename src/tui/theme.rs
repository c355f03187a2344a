//! Styles in one place. Colour is never the only signal: every mark has its own symbol, and with
//! `NO_COLOR` (or a monochrome terminal) only bold and reverse video are used.

use ratatui::style::{Color, Modifier, Style};

use crate::domain::Mark;

/// The symbol of a mark on screen: the one every output uses ([`Mark::symbol`]).
pub fn symbol(mark: Mark) -> &'static str {
    mark.symbol()
}

/// The styles of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// False under `NO_COLOR`.
    pub color: bool,
}

impl Theme {
    /// The style of a mark's cell.
    pub fn mark(self, mark: Mark) -> Style {
        let base = Style::default();
        match (mark, self.color) {
            (Mark::Present, true) => base.fg(Color::Green),
            (Mark::Absent, true) => base.fg(Color::Red).add_modifier(Modifier::BOLD),
            (Mark::Absent, false) => base.add_modifier(Modifier::BOLD),
            (Mark::Unchecked, true) => base.fg(Color::DarkGray),
            (_, false) => base,
        }
    }

    /// The cell under the cursor.
    pub fn cursor(self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    /// The row under the cursor.
    pub fn current_row(self) -> Style {
        Style::default().add_modifier(Modifier::BOLD)
    }

    /// Headers and titles.
    pub fn title(self) -> Style {
        Style::default().add_modifier(Modifier::BOLD)
    }

    /// The save indicator once saved.
    pub fn saved(self) -> Style {
        if self.color {
            Style::default().fg(Color::Green)
        } else {
            Style::default()
        }
    }

    /// A failure the user must see.
    pub fn failure(self) -> Style {
        let s = Style::default().add_modifier(Modifier::BOLD | Modifier::REVERSED);
        if self.color { s.fg(Color::Red) } else { s }
    }

    /// Secondary text (hints).
    pub fn dim(self) -> Style {
        if self.color {
            Style::default().fg(Color::DarkGray)
        } else {
            Style::default()
        }
    }
}
