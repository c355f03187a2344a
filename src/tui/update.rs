//! `update`: how each message changes the model, and which effects it asks for.
//!
//! Rule: pure. No terminal, no database, no clock: saving is an [`Effect::Persist`] whose result
//! comes back as [`Message::Saved`] or [`Message::SaveFailed`]. A cell changes on screen only when
//! its `Saved` arrives.

use super::effect::Effect;
use super::forms::{EnvelopeForm, NonReceiptForm, Picker};
use super::message::{Direction, Message};
use super::model::{Change, Mode, Model, SaveStatus};
use crate::domain::{EventBody, Item, Mark};

/// Applies `msg` to `model` and returns the effects to run.
pub fn update(model: &mut Model, msg: Message) -> Vec<Effect> {
    let cat = model.lang.catalog();
    if !matches!(msg, Message::Saved { .. } | Message::SaveFailed { .. }) {
        model.flash = None;
    }
    match msg {
        Message::Move(dir) if model.mode == Mode::Help => {
            model.help_scroll = match dir {
                Direction::Up => model.help_scroll.saturating_sub(1),
                _ => (model.help_scroll + 1).min(cat.help_lines.len() as u16 * 2),
            };
            vec![]
        }
        Message::Move(dir) if matches!(model.mode, Mode::Picker(_)) => {
            if let Mode::Picker(p) = &mut model.mode {
                p.selected = match dir {
                    Direction::Up => p.selected.saturating_sub(1),
                    _ => (p.selected + 1).min(p.hits.len().saturating_sub(1)),
                };
            }
            vec![]
        }
        Message::Move(dir) => {
            move_cursor(model, dir);
            vec![]
        }
        Message::Resize { width, height } => {
            model.size = (width, height);
            vec![]
        }
        Message::Tap { x, y } => {
            let screen = ratatui::layout::Rect::new(0, 0, model.size.0, model.size.1);
            match super::view::layout::grid_target(screen, model.row, model.candidates.len(), x, y)
            {
                Some((row, Some(item))) => {
                    model.row = row;
                    model.col = item.index();
                    let next = model.mark(row, item).cycled();
                    set_cells(model, &[row], next)
                }
                Some((row, None)) => {
                    model.row = row;
                    vec![]
                }
                None => vec![],
            }
        }
        Message::OpenPicker => {
            let mut picker = Picker::default();
            refresh_picker(model, &mut picker);
            model.mode = Mode::Picker(picker);
            if model.places.is_empty() {
                vec![Effect::BuildPlaces]
            } else {
                vec![]
            }
        }
        Message::PlacesReady(places) => {
            model.places = places;
            if let Mode::Picker(picker) = &model.mode {
                let mut picker = picker.clone();
                refresh_picker(model, &mut picker);
                model.mode = Mode::Picker(picker);
            }
            vec![]
        }
        Message::Switched {
            circonscription,
            candidates,
            bureau,
            state,
        } => {
            model.circonscription = circonscription;
            model.candidates = candidates;
            model.bureau = bureau;
            model.state = *state;
            model.row = 0;
            model.undo.clear();
            vec![]
        }
        Message::Cycle => {
            let next = model.mark(model.row, model.current_item()).cycled();
            set_cells(model, &[model.row], next)
        }
        Message::Set(mark) => set_cells(model, &[model.row], mark),
        Message::MarkColumnPresent => {
            let rows: Vec<usize> = (0..model.candidates.len()).collect();
            let effects = set_cells(model, &rows, Mark::Present);
            if !effects.is_empty() {
                let col = [cat.col_foi, cat.col_courrier, cat.col_bureau][model.col];
                model.flash = Some((cat.column_marked)(col));
            }
            effects
        }
        Message::Undo => undo(model),
        Message::ToggleHelp => {
            model.help_scroll = 0;
            model.mode = if model.mode == Mode::Help {
                Mode::Grid
            } else {
                Mode::Help
            };
            vec![]
        }
        Message::OpenEnvelope => {
            let mut form = EnvelopeForm::default();
            if let Some(f) = model.envelope() {
                form.voters = f.voters.to_string();
                form.received = f.received.to_string();
            }
            model.mode = Mode::Envelope(form);
            vec![]
        }
        Message::OpenNonReceipt => {
            if model.bureau.is_some() {
                model.mode = Mode::NonReceipt(NonReceiptForm::default());
            } else {
                model.flash = Some(cat.form_needs_bureau.to_owned());
            }
            vec![]
        }
        Message::Input(c) => {
            if let Mode::Picker(picker) = &model.mode {
                let mut picker = picker.clone();
                if picker.query.chars().count() < 80 && !c.is_control() {
                    picker.query.push(c);
                }
                refresh_picker(model, &mut picker);
                model.mode = Mode::Picker(picker);
                return vec![];
            }
            match &mut model.mode {
                Mode::Envelope(form) if c.is_ascii_digit() => {
                    let field = form.focused_mut();
                    if field.len() < 6 {
                        field.push(c);
                    }
                }
                Mode::NonReceipt(form) if !c.is_control() && form.voter.chars().count() < 100 => {
                    form.voter.push(c);
                }
                _ => {}
            }
            vec![]
        }
        Message::Erase => {
            if let Mode::Picker(picker) = &model.mode {
                let mut picker = picker.clone();
                picker.query.pop();
                refresh_picker(model, &mut picker);
                model.mode = Mode::Picker(picker);
                return vec![];
            }
            match &mut model.mode {
                Mode::Envelope(form) => {
                    form.focused_mut().pop();
                }
                Mode::NonReceipt(form) => {
                    form.voter.pop();
                }
                _ => {}
            }
            vec![]
        }
        Message::NextField => {
            if let Mode::Envelope(form) = &mut model.mode {
                form.focus = 1 - form.focus.min(1);
            }
            vec![]
        }
        Message::Submit => submit(model),
        Message::Close => {
            model.mode = Mode::Grid;
            vec![]
        }
        Message::Quit => {
            model.quit = true;
            vec![]
        }
        Message::Saved { group, event } => {
            model.state.apply(&event);
            model.last_saved_at = Some(event.recorded_at);
            let mut failed = false;
            if let Some(change) = model.changes.get_mut(&group) {
                change.remaining = change.remaining.saturating_sub(1);
                change.saved.push(event.id);
                failed = change.failed;
                if change.remaining == 0 {
                    finish(model, group);
                }
            }
            // A failure stays on screen until a later change saves completely.
            if !failed {
                model.save = if model.changes.is_empty() {
                    SaveStatus::Saved
                } else {
                    SaveStatus::Pending
                };
            }
            vec![]
        }
        Message::SaveFailed { group, error } => {
            if let Some(change) = model.changes.get_mut(&group) {
                change.remaining = change.remaining.saturating_sub(1);
                change.failed = true;
                if change.remaining == 0 {
                    finish(model, group);
                }
            }
            model.save = SaveStatus::Failed(error);
            vec![]
        }
    }
}

/// A change whose events have all been answered: its saved events become undoable.
fn finish(model: &mut Model, group: u64) {
    if let Some(change) = model.changes.remove(&group) {
        if change.undoable && !change.saved.is_empty() {
            model.undo.push(change.saved);
        } else if !change.undoable && !change.saved.is_empty() {
            model.flash = Some(model.lang.catalog().undone.to_owned());
        }
    }
}

fn move_cursor(model: &mut Model, dir: Direction) {
    let last_row = model.candidates.len().saturating_sub(1);
    match dir {
        Direction::Up => model.row = model.row.saturating_sub(1),
        Direction::Down => model.row = (model.row + 1).min(last_row),
        Direction::Left => model.col = model.col.saturating_sub(1),
        Direction::Right => model.col = (model.col + 1).min(Item::ALL.len() - 1),
        Direction::Top => model.row = 0,
        Direction::Bottom => model.row = last_row,
    }
}

/// Asks to save one tick per row whose cell in the cursor's column is not already `mark`.
fn set_cells(model: &mut Model, rows: &[usize], mark: Mark) -> Vec<Effect> {
    let item = model.current_item();
    if item == Item::Bureau && model.bureau.is_none() {
        model.flash = Some(model.lang.catalog().form_needs_bureau.to_owned());
        return vec![];
    }
    let bodies: Vec<EventBody> = rows
        .iter()
        .filter(|&&row| model.mark(row, item) != mark)
        .filter_map(|&row| {
            let c = model.candidates.get(row)?;
            Some(EventBody::Tick {
                circonscription: model.circonscription.code.clone(),
                bureau: model.bureau.as_ref().map(|b| b.code.clone()),
                panel: c.panel,
                item,
                mark,
                note: None,
            })
        })
        .collect();
    persist(model, bodies, true)
}

fn persist(model: &mut Model, bodies: Vec<EventBody>, undoable: bool) -> Vec<Effect> {
    if bodies.is_empty() {
        return vec![];
    }
    let group = model.next_group;
    model.next_group += 1;
    model.changes.insert(
        group,
        Change {
            remaining: bodies.len(),
            saved: Vec::new(),
            undoable,
            failed: false,
        },
    );
    model.save = SaveStatus::Pending;
    bodies
        .into_iter()
        .map(|body| Effect::Persist { group, body })
        .collect()
}

fn undo(model: &mut Model) -> Vec<Effect> {
    match model.undo.pop() {
        Some(ids) => {
            let bodies = ids
                .into_iter()
                .rev()
                .filter(|id| model.state.is_live(*id))
                .map(|target| EventBody::Retract { target })
                .collect();
            persist(model, bodies, false)
        }
        None => {
            model.flash = Some(model.lang.catalog().nothing_to_undo.to_owned());
            vec![]
        }
    }
}

fn submit(model: &mut Model) -> Vec<Effect> {
    let cat = model.lang.catalog();
    let circonscription = model.circonscription.code.clone();
    let bureau = model.bureau.as_ref().map(|b| b.code.clone());
    match &mut model.mode {
        Mode::Envelope(form) => {
            let parse = |s: &str| {
                s.trim()
                    .parse::<u32>()
                    .map_err(|_| (cat.form_bad_number)(s))
            };
            match (parse(&form.voters), parse(&form.received)) {
                (Ok(voters), Ok(received)) if voters > 0 => {
                    model.mode = Mode::Grid;
                    let body = EventBody::Envelope {
                        circonscription,
                        bureau,
                        voters,
                        received,
                        note: None,
                    };
                    persist(model, vec![body], true)
                }
                (Ok(_), Ok(_)) => {
                    form.error = Some((cat.form_bad_number)("0"));
                    form.focus = 0;
                    vec![]
                }
                (Err(e), _) | (_, Err(e)) => {
                    form.error = Some(e);
                    vec![]
                }
            }
        }
        Mode::NonReceipt(form) => {
            let Some(bureau) = bureau else {
                form.error = Some(cat.form_needs_bureau.to_owned());
                return vec![];
            };
            let voter = Some(form.voter.trim().to_owned()).filter(|v| !v.is_empty());
            model.mode = Mode::Grid;
            let body = EventBody::NonReceipt {
                circonscription,
                bureau,
                voter,
                note: None,
            };
            persist(model, vec![body], true)
        }
        Mode::Picker(picker) => {
            let place = picker
                .hits
                .get(picker.selected)
                .and_then(|i| model.places.get(*i))
                .map(|e| e.place.clone());
            match place {
                Some(place) => {
                    model.mode = Mode::Grid;
                    vec![Effect::Switch(place)]
                }
                None => vec![],
            }
        }
        Mode::Grid | Mode::Help => vec![],
    }
}

/// How many picker results are kept: more than any screen shows.
pub const PICKER_ROWS: usize = 50;

fn refresh_picker(model: &Model, picker: &mut Picker) {
    let (hits, total) = model.places.search(&picker.query, PICKER_ROWS);
    picker.hits = hits;
    picker.total = total;
    picker.selected = 0;
}
