//! The coordinator's live view (issue 18 point 3), in the interface's Elm style: a [`Model`],
//! [`Msg`]s made from keys by [`message_for`], a pure [`update`], a pure view
//! (`tui::view::coordination`), and a thin [`runtime`] that polls the database's `data_version`
//! and feeds each new [`Picture`] back as [`Msg::Refreshed`].

pub mod runtime;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::domain::coordination::Picture;
use crate::i18n::Lang;
use crate::report::coordination::{Place, page};

use super::theme::Theme;

/// What the view shows.
#[derive(Debug, Clone)]
pub struct Model {
    /// Interface language.
    pub lang: Lang,
    /// Colours or not.
    pub theme: Theme,
    /// The latest picture (`None` until the first read).
    pub picture: Option<Picture>,
    /// Why the last read failed (the picture before it stays shown).
    pub error: Option<String>,
    /// Where the coordinator stands.
    pub place: Place,
    /// The places above, each with the line chosen there.
    pub above: Vec<(Place, usize)>,
    /// The line chosen in the list.
    pub cursor: usize,
    /// The help is open.
    pub help: bool,
    /// The refused files are shown in full (`r`): their reasons, wrapped, not cut to a line.
    pub refusals: bool,
    /// Leave.
    pub quit: bool,
}

impl Model {
    /// The view before the first read.
    pub fn new(lang: Lang, theme: Theme) -> Self {
        Self {
            lang,
            theme,
            picture: None,
            error: None,
            place: Place::National,
            above: Vec::new(),
            cursor: 0,
            help: false,
            refusals: false,
            quit: false,
        }
    }

    /// How many lines the current list has.
    fn items(&self) -> usize {
        self.picture
            .as_ref()
            .map_or(0, |p| page(p, &self.place, self.lang).items.len())
    }
}

/// What happens.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// The line above.
    Up,
    /// The line below.
    Down,
    /// A page up.
    PageUp,
    /// A page down.
    PageDown,
    /// Open the chosen line.
    Enter,
    /// Go up one place (or close the help).
    Back,
    /// Open the observers' list.
    Observers,
    /// Open or close the help.
    Help,
    /// Show or hide the refused files with their reasons in full.
    Refusals,
    /// Leave.
    Quit,
    /// The database was read again.
    Refreshed(Box<Picture>),
    /// Reading it failed (the message, rendered).
    Failed(String),
}

/// The message of a key.
pub fn message_for(key: KeyEvent) -> Option<Msg> {
    if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
        return Some(Msg::Quit);
    }
    Some(match key.code {
        KeyCode::Up | KeyCode::Char('k') => Msg::Up,
        KeyCode::Down | KeyCode::Char('j') => Msg::Down,
        KeyCode::PageUp => Msg::PageUp,
        KeyCode::PageDown => Msg::PageDown,
        KeyCode::Enter | KeyCode::Right => Msg::Enter,
        KeyCode::Esc | KeyCode::Backspace | KeyCode::Left => Msg::Back,
        KeyCode::Char('o') => Msg::Observers,
        KeyCode::Char('r') => Msg::Refusals,
        KeyCode::Char('?') | KeyCode::F(1) => Msg::Help,
        KeyCode::Char('q') => Msg::Quit,
        _ => return None,
    })
}

/// Lines a page key moves.
const PAGE: usize = 10;

/// Applies a message. Pure.
pub fn update(model: &mut Model, msg: Msg) {
    if model.help && !matches!(msg, Msg::Refreshed(_) | Msg::Failed(_) | Msg::Quit) {
        if matches!(msg, Msg::Help | Msg::Back) {
            model.help = false;
        }
        return;
    }
    if model.refusals && !matches!(msg, Msg::Refreshed(_) | Msg::Failed(_) | Msg::Quit) {
        if matches!(msg, Msg::Refusals | Msg::Back) {
            model.refusals = false;
        }
        return;
    }
    let last = model.items().saturating_sub(1);
    match msg {
        Msg::Up => model.cursor = model.cursor.saturating_sub(1),
        Msg::Down => model.cursor = (model.cursor + 1).min(last),
        Msg::PageUp => model.cursor = model.cursor.saturating_sub(PAGE),
        Msg::PageDown => model.cursor = (model.cursor + PAGE).min(last),
        Msg::Enter => {
            let target = model.picture.as_ref().and_then(|p| {
                page(p, &model.place, model.lang)
                    .items
                    .into_iter()
                    .nth(model.cursor)
                    .and_then(|(_, place)| place)
            });
            if let Some(place) = target {
                let from = std::mem::replace(&mut model.place, place);
                model.above.push((from, model.cursor));
                model.cursor = 0;
            }
        }
        Msg::Back => {
            if let Some((place, cursor)) = model.above.pop() {
                model.place = place;
                model.cursor = cursor;
            }
        }
        Msg::Observers => {
            if model.place != Place::Observers {
                let from = std::mem::replace(&mut model.place, Place::Observers);
                model.above.push((from, model.cursor));
                model.cursor = 0;
            }
        }
        Msg::Help => model.help = true,
        Msg::Refusals => model.refusals = true,
        Msg::Quit => model.quit = true,
        Msg::Refreshed(picture) => {
            model.picture = Some(*picture);
            model.error = None;
            model.cursor = model.cursor.min(model.items().saturating_sub(1));
        }
        Msg::Failed(why) => model.error = Some(why),
    }
}

#[cfg(test)]
mod tests;
