//! Keys to messages. Pure: depends only on the key and the current mode.

use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use super::message::{Direction, Message};
use super::model::{Mode, Model, Screen};
use crate::domain::Mark;

/// The message a key press means in the current mode, if any.
pub fn message_for(key: KeyEvent, model: &Model) -> Option<Message> {
    if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
        return Some(Message::Quit);
    }
    match &model.mode {
        Mode::Grid => grid(key, model),
        Mode::Confirm(_) => match key.code {
            // "oui" and "yes" both answer yes, whatever the language.
            KeyCode::Char('o' | 'O' | 'y' | 'Y') | KeyCode::Enter => Some(Message::Answer(true)),
            KeyCode::Char('n' | 'N') | KeyCode::Esc => Some(Message::Answer(false)),
            _ => None,
        },
        Mode::Help => match key.code {
            KeyCode::Esc | KeyCode::Char('?' | 'q') | KeyCode::Enter => Some(Message::Close),
            KeyCode::Up | KeyCode::Char('k') => Some(Message::Move(Direction::Up)),
            KeyCode::PageUp => Some(Message::Move(Direction::PageUp)),
            KeyCode::PageDown => Some(Message::Move(Direction::PageDown)),
            KeyCode::Down | KeyCode::Char('j') | KeyCode::Char(' ') => {
                Some(Message::Move(Direction::Down))
            }
            _ => None,
        },
        Mode::History(_) => match key.code {
            KeyCode::Esc | KeyCode::Char('i' | 'q') | KeyCode::Enter => Some(Message::Close),
            KeyCode::Up | KeyCode::Char('k') => Some(Message::Move(Direction::Up)),
            KeyCode::Down | KeyCode::Char('j') | KeyCode::Char(' ') => {
                Some(Message::Move(Direction::Down))
            }
            _ => None,
        },
        Mode::Picker(_) => match key.code {
            KeyCode::Esc => Some(Message::Close),
            KeyCode::Enter => Some(Message::Submit),
            KeyCode::Up => Some(Message::Move(Direction::Up)),
            KeyCode::Down | KeyCode::Tab => Some(Message::Move(Direction::Down)),
            KeyCode::Backspace => Some(Message::Erase),
            KeyCode::Char(c)
                if !key
                    .modifiers
                    .intersects(KeyModifiers::ALT | KeyModifiers::CONTROL) =>
            {
                Some(Message::Input(c))
            }
            _ => None,
        },
        Mode::Photo(_) => match key.code {
            // Ctrl-P ("prendre") or F2: the camera, when it is there.
            KeyCode::Char('p' | 'P') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                Some(Message::TakePhoto)
            }
            KeyCode::F(2) => Some(Message::TakePhoto),
            KeyCode::Esc => Some(Message::Close),
            KeyCode::Enter => Some(Message::Submit),
            KeyCode::Tab | KeyCode::BackTab => Some(Message::NextField),
            KeyCode::Up => Some(Message::Move(Direction::Up)),
            KeyCode::Down => Some(Message::Move(Direction::Down)),
            KeyCode::Backspace => Some(Message::Erase),
            KeyCode::Char(c)
                if !key
                    .modifiers
                    .intersects(KeyModifiers::ALT | KeyModifiers::CONTROL) =>
            {
                Some(Message::Input(c))
            }
            _ => None,
        },
        Mode::Envelope(_)
        | Mode::NonReceipt(_)
        | Mode::Note(_)
        | Mode::Export(_)
        | Mode::SeenAt(_) => match key.code {
            KeyCode::Esc => Some(Message::Close),
            KeyCode::Enter => Some(Message::Submit),
            KeyCode::Tab | KeyCode::Down => Some(Message::NextField),
            KeyCode::BackTab | KeyCode::Up => Some(Message::PrevField),
            KeyCode::Backspace => Some(Message::Erase),
            KeyCode::Char(c)
                if !key
                    .modifiers
                    .intersects(KeyModifiers::ALT | KeyModifiers::CONTROL) =>
            {
                Some(Message::Input(c))
            }
            _ => None,
        },
    }
}

/// The message a paste means (the terminal's bracketed paste: the whole text as one event), if
/// any: text goes into the open form or the picker's query, never to the grid's keys.
pub fn message_for_paste(text: String, model: &Model) -> Option<Message> {
    match &model.mode {
        Mode::Envelope(_)
        | Mode::NonReceipt(_)
        | Mode::Note(_)
        | Mode::Export(_)
        | Mode::SeenAt(_)
        | Mode::Photo(_)
        | Mode::Picker(_) => Some(Message::Paste(text)),
        _ => None,
    }
}

/// The message a mouse event (or a tap on a touch screen) means, if any.
pub fn message_for_mouse(mouse: MouseEvent, model: &Model) -> Option<Message> {
    match (mouse.kind, &model.mode) {
        (MouseEventKind::Down(MouseButton::Left), Mode::Grid) => Some(Message::Tap {
            x: mouse.column,
            y: mouse.row,
        }),
        (
            MouseEventKind::Down(MouseButton::Left),
            Mode::Envelope(_)
            | Mode::NonReceipt(_)
            | Mode::Note(_)
            | Mode::Export(_)
            | Mode::SeenAt(_)
            | Mode::Photo(_),
        ) => {
            let screen = ratatui::layout::Rect::new(0, 0, model.size.0, model.size.1);
            let [ok, cancel] = super::view::form_buttons(model, screen)?;
            let on = |r: ratatui::layout::Rect| {
                mouse.row == r.y && mouse.column >= r.x && mouse.column < r.x + r.width
            };
            if on(ok) {
                Some(Message::Submit)
            } else if on(cancel) {
                Some(Message::Close)
            } else {
                // A tap on one of the photo form's recent images highlights it.
                super::view::photo_image_target(model, screen, mouse.column, mouse.row)
                    .map(Message::SelectPhoto)
            }
        }
        (MouseEventKind::Down(MouseButton::Left), Mode::History(_)) => Some(Message::Close),
        (MouseEventKind::Down(MouseButton::Left), Mode::Confirm(_)) => {
            let screen = ratatui::layout::Rect::new(0, 0, model.size.0, model.size.1);
            super::view::layout::confirm_target(screen, mouse.column, mouse.row)
                .map(Message::Answer)
        }
        (MouseEventKind::ScrollDown, Mode::Grid | Mode::Help | Mode::Picker(_)) => {
            Some(Message::Move(Direction::Down))
        }
        (MouseEventKind::ScrollUp, Mode::Grid | Mode::Help | Mode::Picker(_)) => {
            Some(Message::Move(Direction::Up))
        }
        _ => None,
    }
}

fn grid(key: KeyEvent, model: &Model) -> Option<Message> {
    if model.screen == Screen::Summary {
        return summary(key);
    }
    let msg = match key.code {
        KeyCode::Up | KeyCode::Char('k') => Message::Move(Direction::Up),
        KeyCode::PageUp => Message::Move(Direction::PageUp),
        KeyCode::PageDown => Message::Move(Direction::PageDown),
        KeyCode::Down | KeyCode::Char('j') => Message::Move(Direction::Down),
        KeyCode::Left | KeyCode::Char('h') => Message::Move(Direction::Left),
        KeyCode::Right | KeyCode::Char('l') => Message::Move(Direction::Right),
        KeyCode::Home | KeyCode::Char('g') => Message::Move(Direction::Top),
        KeyCode::End | KeyCode::Char('G') => Message::Move(Direction::Bottom),
        // Enter never changes a mark: a second Enter after a form must not tick the cell below.
        KeyCode::Char(' ') => Message::Cycle,
        KeyCode::Char('p') => Message::Set(Mark::Present),
        KeyCode::Char('a') => Message::Set(Mark::Absent),
        KeyCode::Backspace | KeyCode::Delete => Message::Set(Mark::Unchecked),
        KeyCode::Char('P') => Message::MarkColumnPresent,
        KeyCode::Char('c') => Message::OpenNote,
        KeyCode::Char('i') => Message::OpenHistory,
        KeyCode::Char('v') => Message::ToggleAdvance,
        KeyCode::Char('t') => Message::OpenSeenAt,
        KeyCode::Char('f') => Message::OpenPhoto,
        KeyCode::Char('F') => Message::OpenCamera,
        KeyCode::Char('+' | '>') if model.screen == Screen::Envelope => {
            Message::SwitchEnvelope(true)
        }
        KeyCode::Char('-' | '<') if model.screen == Screen::Envelope => {
            Message::SwitchEnvelope(false)
        }
        KeyCode::Char('m') if model.screen == Screen::Bureau => Message::ToggleMachines,
        KeyCode::Char('M') if model.screen == Screen::Bureau => Message::OpenMove,
        _ => return common(key),
    };
    Some(msg)
}

/// The summary screen's keys.
fn summary(key: KeyEvent) -> Option<Message> {
    let msg = match key.code {
        KeyCode::Up | KeyCode::Char('k') => Message::Move(Direction::Up),
        KeyCode::PageUp => Message::Move(Direction::PageUp),
        KeyCode::PageDown => Message::Move(Direction::PageDown),
        KeyCode::Down | KeyCode::Char('j') | KeyCode::Char(' ') => Message::Move(Direction::Down),
        KeyCode::Home | KeyCode::Char('g') => Message::Move(Direction::Top),
        KeyCode::End | KeyCode::Char('G') => Message::Move(Direction::Bottom),
        KeyCode::Char('x') => Message::OpenExport,
        _ => return common(key),
    };
    Some(msg)
}

/// Keys that mean the same on every screen.
fn common(key: KeyEvent) -> Option<Message> {
    let msg = match key.code {
        KeyCode::Tab => Message::CycleScreen(true),
        KeyCode::BackTab => Message::CycleScreen(false),
        KeyCode::Char('1') => Message::Show(Screen::Envelope),
        KeyCode::Char('2') => Message::Show(Screen::Bureau),
        KeyCode::Char('3') => Message::Show(Screen::Summary),
        KeyCode::Char('u') => Message::Undo,
        KeyCode::Char('e') => Message::OpenEnvelope,
        KeyCode::Char('n') => Message::OpenNonReceipt,
        KeyCode::Char('/' | 'b') => Message::OpenPicker,
        KeyCode::Char('?') | KeyCode::F(1) => Message::ToggleHelp,
        KeyCode::Char('q') => Message::Quit,
        _ => return None,
    };
    Some(msg)
}
