//! `update`: how each message changes the model, and which effects it asks for.
//!
//! Rule: pure. No terminal, no database, no clock: saving is an [`Effect::Persist`] whose result
//! comes back as [`Message::Saved`] or [`Message::SaveFailed`]. A cell changes on screen only when
//! its `Saved` arrives.

use super::effect::Effect;
use super::forms::{
    Confirm, EnvelopeForm, ExportForm, NonReceiptForm, NoteForm, Pending, Picker, PickerPurpose,
};
use super::message::{Direction, Message};
use super::model::{Change, Mode, Model, SaveStatus, Screen, Undoable};
use crate::domain::search::Place;
use crate::domain::{BureauCode, EventBody, Item, Mark};

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
        Message::Move(dir) if model.mode == Mode::Grid && model.screen == Screen::Summary => {
            model.summary_scroll = match dir {
                Direction::Up => model.summary_scroll.saturating_sub(1),
                Direction::Top => 0,
                _ => model
                    .summary_scroll
                    .saturating_add(1)
                    .min(summary_lines(model)),
            };
            vec![]
        }
        Message::Move(dir) => {
            move_cursor(model, dir);
            vec![]
        }
        Message::Show(screen) => show(model, screen),
        Message::CycleScreen(forward) => show(model, model.screen.cycled(forward)),
        Message::OpenNote => open_note(model),
        Message::ToggleMachines => {
            match &model.bureau {
                Some(b) => {
                    let on = !b.voting_machines;
                    let question = (model.lang.journey().ask_machines)(b.code.as_str(), on);
                    model.mode = Mode::Confirm(Confirm {
                        question,
                        pending: Pending::SetMachines(on),
                    });
                }
                None => model.flash = Some(model.lang.journey().note_needs_bureau.to_owned()),
            }
            vec![]
        }
        Message::OpenMove => {
            let j = model.lang.journey();
            if model.bureau.is_none() {
                model.flash = Some(j.note_needs_bureau.to_owned());
                return vec![];
            }
            if bureau_observations(model).is_empty() {
                model.flash = Some(j.move_nothing.to_owned());
                return vec![];
            }
            let mut picker = Picker {
                purpose: PickerPurpose::MoveTo,
                ..Picker::default()
            };
            refresh_picker(model, &mut picker);
            model.mode = Mode::Picker(picker);
            if model.places.is_empty() {
                vec![Effect::BuildPlaces]
            } else {
                vec![]
            }
        }
        Message::MoveTarget(to) => {
            let j = model.lang.journey();
            let Some(from) = model.bureau.as_ref() else {
                return vec![];
            };
            if to.code == from.code {
                model.flash = Some(j.move_same_bureau.to_owned());
            } else if to.circonscription.as_ref() != Some(&model.circonscription.code) {
                model.flash = Some((j.move_other_circ)(
                    to.code.as_str(),
                    model.circonscription.code.as_str(),
                ));
            } else {
                let n = bureau_observations(model).len();
                model.mode = Mode::Confirm(Confirm {
                    question: (j.ask_move)(n, from.code.as_str(), to.code.as_str()),
                    pending: Pending::Move(to.code),
                });
            }
            vec![]
        }
        Message::Answer(yes) => {
            let Mode::Confirm(confirm) = std::mem::replace(&mut model.mode, Mode::Grid) else {
                return vec![];
            };
            if yes {
                confirmed(model, confirm.pending)
            } else {
                model.flash = Some(model.lang.journey().cancelled.to_owned());
                vec![]
            }
        }
        Message::OpenExport => {
            let path = (model.lang.journey().export_default)(model.circonscription.code.as_str());
            model.mode = Mode::Export(ExportForm { path, error: None });
            vec![]
        }
        Message::SummaryReady(summary) => {
            model.summary = Some(*summary);
            vec![]
        }
        Message::BureauUpdated { bureau, undo } => {
            let j = model.lang.journey();
            model.flash = Some(if undo {
                model.lang.catalog().undone.to_owned()
            } else {
                model.undo.push(Undoable::Machines {
                    bureau: bureau.code.clone(),
                    was: !bureau.voting_machines,
                });
                (j.machines_set)(bureau.code.as_str(), bureau.voting_machines)
            });
            model.bureau = Some(bureau);
            model.summary = None;
            summary_effects(model)
        }
        Message::Exported(result) => {
            match result {
                Ok(path) => {
                    model.mode = Mode::Grid;
                    model.flash = Some((model.lang.journey().exported)(&path));
                }
                Err(e) => {
                    if let Mode::Export(form) = &mut model.mode {
                        form.error = Some(e);
                    } else {
                        model.flash = Some(e);
                    }
                }
            }
            vec![]
        }
        Message::Resize { width, height } => {
            model.size = (width, height);
            vec![]
        }
        Message::Tap { x, y } => {
            let screen = ratatui::layout::Rect::new(0, 0, model.size.0, model.size.1);
            if let Some(tab) = super::view::layout::tab_target(screen, x, y) {
                return show(model, tab);
            }
            if model.screen == Screen::Summary {
                return vec![];
            }
            let items = model.screen.items();
            match super::view::layout::grid_target(
                screen,
                model.screen,
                model.row,
                model.candidates.len(),
                x,
                y,
            ) {
                Some((row, Some(col))) => {
                    model.row = row;
                    model.col = col;
                    let item = items[col];
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
            model.summary = None;
            summary_effects(model)
        }
        Message::Cycle => match model.current_item() {
            Some(item) => {
                let next = model.mark(model.row, item).cycled();
                set_cells(model, &[model.row], next)
            }
            None => vec![],
        },
        Message::Set(mark) => set_cells(model, &[model.row], mark),
        Message::MarkColumnPresent => {
            let Some(item) = model.current_item() else {
                return vec![];
            };
            let n = (0..model.candidates.len())
                .filter(|&r| model.mark(r, item) != Mark::Present)
                .count();
            if n > 0 {
                let question = (model.lang.journey().ask_mark_column)(n, column_title(model, item));
                model.mode = Mode::Confirm(Confirm {
                    question,
                    pending: Pending::MarkColumn(item),
                });
            }
            vec![]
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
                Mode::Envelope(form) if form.focus < 2 => {
                    let field = form.focused_mut();
                    if c.is_ascii_digit() && field.len() < 6 {
                        field.push(c);
                    }
                }
                Mode::Envelope(form) => push_text(&mut form.note, c, NOTE_MAX),
                Mode::NonReceipt(form) => push_text(form.focused_mut(), c, NOTE_MAX),
                Mode::Note(form) => push_text(&mut form.text, c, NOTE_MAX),
                Mode::Export(form) => push_text(&mut form.path, c, PATH_MAX),
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
                    form.focused_mut().pop();
                }
                Mode::Note(form) => {
                    form.text.pop();
                }
                Mode::Export(form) => {
                    form.path.pop();
                }
                _ => {}
            }
            vec![]
        }
        Message::NextField => {
            match &mut model.mode {
                Mode::Envelope(form) => form.focus = (form.focus + 1) % EnvelopeForm::FIELDS,
                Mode::NonReceipt(form) => form.focus = 1 - form.focus.min(1),
                _ => {}
            }
            vec![]
        }
        Message::Submit => submit(model),
        Message::Close => {
            if matches!(model.mode, Mode::Confirm(_)) {
                model.flash = Some(model.lang.journey().cancelled.to_owned());
            }
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
            if model.changes.is_empty() {
                summary_effects(model)
            } else {
                vec![]
            }
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
            model.undo.push(Undoable::Events {
                saved: change.saved,
                restore: change.restore,
            });
        } else if !change.undoable && !change.saved.is_empty() {
            model.flash = Some(model.lang.catalog().undone.to_owned());
        }
    }
}

/// The longest note or typed text kept (the storage accepts more; a phone keyboard does not need it).
const NOTE_MAX: usize = 500;
/// The longest folder path typed.
const PATH_MAX: usize = 1000;

fn push_text(field: &mut String, c: char, max: usize) {
    if !c.is_control() && field.chars().count() < max {
        field.push(c);
    }
}

/// Shows `screen`, keeping the cursor's column inside its grid; the summary asks for its text.
fn show(model: &mut Model, screen: Screen) -> Vec<Effect> {
    model.screen = screen;
    model.mode = Mode::Grid;
    model.col = model.col.min(screen.items().len().saturating_sub(1));
    summary_effects(model)
}

/// Asks for the summary's text when the summary screen is shown and its text is stale.
fn summary_effects(model: &mut Model) -> Vec<Effect> {
    if model.screen == Screen::Summary {
        model.summary = None;
        vec![Effect::LoadSummary]
    } else {
        vec![]
    }
}

/// How far the summary can scroll: its number of lines.
fn summary_lines(model: &Model) -> u16 {
    model.summary.as_ref().map_or(0, |s| {
        let lines = s.report.lines().count() + s.pv.as_ref().map_or(0, |p| p.lines().count());
        u16::try_from(lines + 8).unwrap_or(u16::MAX)
    })
}

/// The long title of a column.
fn column_title(model: &Model, item: Item) -> &'static str {
    let cat = model.lang.catalog();
    match item {
        Item::Foi => cat.col_foi,
        Item::Courrier => cat.col_courrier,
        Item::Bureau => cat.col_bureau,
    }
}

/// Opens the note form on the cell under the cursor (a bureau cell needs a bureau).
fn open_note(model: &mut Model) -> Vec<Effect> {
    let Some(item) = model.current_item() else {
        return vec![];
    };
    if item == Item::Bureau && model.bureau.is_none() {
        model.flash = Some(model.lang.journey().note_needs_bureau.to_owned());
        return vec![];
    }
    let text = model
        .observation(model.row, item)
        .and_then(|o| o.note.clone())
        .unwrap_or_default();
    model.mode = Mode::Note(NoteForm {
        row: model.row,
        item,
        mark: model.mark(model.row, item),
        text,
    });
    vec![]
}

/// The observer's live ballot observations at the current bureau: the ticks a move carries.
fn bureau_observations(model: &Model) -> Vec<(usize, crate::domain::state::Observation)> {
    (0..model.candidates.len())
        .filter_map(|row| {
            model
                .observation(row, Item::Bureau)
                .map(|o| (row, o.clone()))
        })
        .collect()
}

/// What "yes" does.
fn confirmed(model: &mut Model, pending: Pending) -> Vec<Effect> {
    match pending {
        Pending::MarkColumn(item) => {
            let rows: Vec<usize> = (0..model.candidates.len()).collect();
            let effects = set_item_cells(model, item, &rows, Mark::Present);
            if !effects.is_empty() {
                let col = column_title(model, item);
                model.flash = Some((model.lang.catalog().column_marked)(col));
            }
            effects
        }
        Pending::SetMachines(on) => match &model.bureau {
            Some(b) => vec![Effect::SetMachines {
                bureau: b.code.clone(),
                on,
                undo: false,
            }],
            None => vec![],
        },
        Pending::Move(to) => move_observations(model, &to),
    }
}

/// Withdraws the observer's ballot observations at the current bureau and records each again at
/// `to`, as one change: undo withdraws the new ones and records the old ones again.
fn move_observations(model: &mut Model, to: &BureauCode) -> Vec<Effect> {
    let moved = bureau_observations(model);
    let circonscription = model.circonscription.code.clone();
    let from = model.bureau.as_ref().map(|b| b.code.clone());
    let mut bodies = Vec::with_capacity(moved.len() * 2);
    let mut restore = Vec::with_capacity(moved.len());
    for (row, o) in &moved {
        let Some(c) = model.candidates.get(*row) else {
            continue;
        };
        bodies.push(EventBody::Retract { target: o.event });
        bodies.push(EventBody::Tick {
            circonscription: circonscription.clone(),
            bureau: Some(to.clone()),
            panel: c.panel,
            item: Item::Bureau,
            mark: o.mark,
            note: o.note.clone(),
        });
        restore.push(EventBody::Tick {
            circonscription: circonscription.clone(),
            bureau: from.clone(),
            panel: c.panel,
            item: Item::Bureau,
            mark: o.mark,
            note: o.note.clone(),
        });
    }
    let effects = persist_with(model, bodies, true, restore);
    if !effects.is_empty() {
        model.flash = Some((model.lang.journey().moved)(moved.len(), to.as_str()));
    }
    effects
}

fn move_cursor(model: &mut Model, dir: Direction) {
    let last_row = model.candidates.len().saturating_sub(1);
    match dir {
        Direction::Up => model.row = model.row.saturating_sub(1),
        Direction::Down => model.row = (model.row + 1).min(last_row),
        Direction::Left => model.col = model.col.saturating_sub(1),
        Direction::Right => {
            model.col = (model.col + 1).min(model.screen.items().len().saturating_sub(1));
        }
        Direction::Top => model.row = 0,
        Direction::Bottom => model.row = last_row,
    }
}

/// Asks to save one tick per row whose cell in the cursor's column is not already `mark`.
fn set_cells(model: &mut Model, rows: &[usize], mark: Mark) -> Vec<Effect> {
    match model.current_item() {
        Some(item) => set_item_cells(model, item, rows, mark),
        None => vec![],
    }
}

/// Asks to save one tick per row whose `item` cell is not already `mark`.
fn set_item_cells(model: &mut Model, item: Item, rows: &[usize], mark: Mark) -> Vec<Effect> {
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
    persist_with(model, bodies, undoable, Vec::new())
}

/// Asks to save `bodies` as one change; undoing it also records `restore` again.
fn persist_with(
    model: &mut Model,
    bodies: Vec<EventBody>,
    undoable: bool,
    restore: Vec<EventBody>,
) -> Vec<Effect> {
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
            restore,
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
        Some(Undoable::Events { saved, restore }) => {
            let bodies = saved
                .into_iter()
                .rev()
                .filter(|id| model.state.is_live(*id))
                .map(|target| EventBody::Retract { target })
                .chain(restore)
                .collect();
            persist(model, bodies, false)
        }
        Some(Undoable::Machines { bureau, was }) => vec![Effect::SetMachines {
            bureau,
            on: was,
            undo: true,
        }],
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
                    let note = non_empty(&form.note);
                    model.mode = Mode::Grid;
                    let body = EventBody::Envelope {
                        circonscription,
                        bureau,
                        voters,
                        received,
                        note,
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
            let voter = non_empty(&form.voter);
            let note = non_empty(&form.note);
            model.mode = Mode::Grid;
            let body = EventBody::NonReceipt {
                circonscription,
                bureau,
                voter,
                note,
            };
            persist(model, vec![body], true)
        }
        Mode::Note(form) => {
            let form = form.clone();
            model.mode = Mode::Grid;
            let Some(c) = model.candidates.get(form.row) else {
                return vec![];
            };
            let body = EventBody::Tick {
                circonscription,
                bureau,
                panel: c.panel,
                item: form.item,
                mark: form.mark,
                note: non_empty(&form.text),
            };
            model.flash = Some(model.lang.journey().note_saved.to_owned());
            persist(model, vec![body], true)
        }
        Mode::Export(form) => {
            let path = form.path.trim().to_owned();
            if path.is_empty() {
                form.error = Some(model.lang.journey().export_empty.to_owned());
                return vec![];
            }
            form.error = None;
            vec![Effect::ExportEvidence(path)]
        }
        Mode::Confirm(_) => update(model, Message::Answer(true)),
        Mode::Picker(picker) => {
            let place = picker
                .hits
                .get(picker.selected)
                .and_then(|i| model.places.get(*i))
                .map(|e| e.place.clone());
            let purpose = picker.purpose;
            match (place, purpose) {
                (Some(place), PickerPurpose::Switch) => {
                    model.mode = Mode::Grid;
                    vec![Effect::Switch(place)]
                }
                (Some(Place::Bureau(code)), PickerPurpose::MoveTo) => {
                    model.mode = Mode::Grid;
                    vec![Effect::CheckMoveTarget(code)]
                }
                _ => vec![],
            }
        }
        Mode::Grid | Mode::Help => vec![],
    }
}

/// The trimmed text, or none when it is blank.
fn non_empty(text: &str) -> Option<String> {
    Some(text.trim().to_owned()).filter(|t| !t.is_empty())
}

/// How many picker results are kept: more than any screen shows.
pub const PICKER_ROWS: usize = 50;

fn refresh_picker(model: &Model, picker: &mut Picker) {
    let (hits, total) = model.places.search(&picker.query, PICKER_ROWS);
    picker.hits = hits;
    picker.total = total;
    picker.selected = 0;
}
