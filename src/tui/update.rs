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
use crate::domain::merge::{MAX_NAME, MAX_NOTE};
use crate::domain::search::Place;
use crate::domain::session::{NoteChange, Refusal};
use crate::domain::{Bureau, BureauCode, EventBody, Item, Mark};

/// Applies `msg` to `model` and returns the effects to run.
pub fn update(model: &mut Model, msg: Message) -> Vec<Effect> {
    let cat = model.lang.catalog();
    if !matches!(msg, Message::Saved { .. } | Message::SaveFailed { .. }) {
        model.flash = None;
    }
    match msg {
        Message::Move(dir) if model.mode == Mode::Help => {
            let last = super::view::help_last_scroll(model);
            let page = page_of(model);
            model.help_scroll = match dir {
                Direction::Up => model.help_scroll.saturating_sub(1),
                Direction::PageUp => model.help_scroll.saturating_sub(page),
                Direction::PageDown => model.help_scroll.saturating_add(page).min(last),
                _ => (model.help_scroll + 1).min(last),
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
            let last = super::view::summary_last_scroll(model);
            let page = page_of(model);
            model.summary_scroll = match dir {
                Direction::Up => model.summary_scroll.saturating_sub(1),
                Direction::Top => 0,
                Direction::Bottom => last,
                Direction::PageUp => model.summary_scroll.saturating_sub(page),
                Direction::PageDown => model.summary_scroll.saturating_add(page).min(last),
                _ => model.summary_scroll.saturating_add(1).min(last),
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
                None => model.flash = Some(cat.form_needs_bureau.to_owned()),
            }
            vec![]
        }
        Message::OpenMove => {
            if model.bureau.is_none() {
                model.flash = Some(cat.form_needs_bureau.to_owned());
                return vec![];
            }
            if model.sheet().movable().is_empty() {
                model.flash = Some(refused(model, &Refusal::NothingToMove, None));
                return vec![];
            }
            open_picker(model, PickerPurpose::MoveTo)
        }
        Message::MoveTarget(to) => {
            let j = model.lang.journey();
            let Some(from) = model.bureau.as_ref() else {
                return vec![];
            };
            match model.sheet().move_to(&to) {
                Ok(plan) => {
                    model.mode = Mode::Confirm(Confirm {
                        question: (j.ask_move)(
                            plan.moved,
                            from.code.as_str(),
                            to.code.as_str(),
                            plan.replaced,
                        ),
                        pending: Pending::Move(Box::new(to)),
                    });
                }
                Err(refusal) => model.flash = Some(refused(model, &refusal, Some(&to.code))),
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
                    // The end of the path says where it went: keep it when the line is short.
                    let j = model.lang.journey();
                    let room =
                        usize::from(model.size.0).saturating_sub((j.exported)("").chars().count());
                    model.flash = Some((j.exported)(&tail(&path, room)));
                }
                Err(refused) => {
                    if let Mode::Export(form) = &mut model.mode {
                        form.error = Some(refused.error);
                        if let Some(free) = refused.suggestion {
                            // Enter again uses it; the observer may still edit it.
                            form.path = free;
                        }
                    } else {
                        model.flash = Some(refused.error);
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
            // A tap on "enveloppe 2 sur 3" in the header shows the next envelope, then the first.
            if model.screen == Screen::Envelope
                && model.envelopes_known().max(model.envelope_no) > 1
                && super::view::layout::candidate_header_target(screen, model.screen, x, y)
            {
                return switch_envelope(model, true, true);
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
        Message::OpenPicker => open_picker(model, PickerPurpose::Switch),
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
            if model.circonscription.code != circonscription.code {
                model.envelope_no = 1;
            }
            model.circonscription = circonscription;
            model.candidates = candidates;
            model.bureau = bureau;
            model.state = *state;
            model.row = 0;
            model.undo.clear();
            model.summary = None;
            model.summary_scroll = 0;
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
            let n = match model.sheet().column(item, Mark::Present) {
                Ok(bodies) => bodies.len(),
                Err(refusal) => {
                    model.flash = Some(refused(model, &refusal, None));
                    return vec![];
                }
            };
            if n > 0 {
                let question = (model.lang.journey().ask_mark_column)(n, cat.column(item, true));
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
                form.received_on = f
                    .received_on
                    .map(|d| d.format("%d/%m/%Y").to_string())
                    .unwrap_or_default();
                form.note = f.note.clone().unwrap_or_default();
            }
            model.mode = Mode::Envelope(form);
            vec![]
        }
        Message::SwitchEnvelope(forward) => switch_envelope(model, forward, false),
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
                Mode::Envelope(form)
                    if form.focus == 2
                        && (c.is_ascii_digit() || "/-".contains(c))
                        && form.received_on.len() < 10 =>
                {
                    form.received_on.push(c);
                }
                Mode::Envelope(form) if form.focus == 2 => {}
                Mode::Envelope(form) => push_text(&mut form.note, c, MAX_NOTE),
                Mode::NonReceipt(form) => {
                    let max = if form.focus == 0 { MAX_NAME } else { MAX_NOTE };
                    push_text(form.focused_mut(), c, max);
                }
                Mode::Note(form) => push_text(&mut form.text, c, MAX_NOTE),
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
        Message::NextField | Message::PrevField => {
            let step = if msg == Message::NextField {
                1
            } else {
                EnvelopeForm::FIELDS - 1
            };
            match &mut model.mode {
                Mode::Envelope(form) => form.focus = (form.focus + step) % EnvelopeForm::FIELDS,
                Mode::NonReceipt(form) => form.focus = 1 - form.focus.min(1),
                _ => {}
            }
            vec![]
        }
        Message::Submit => submit(model),
        Message::Close => {
            if matches!(&model.mode, Mode::Picker(p) if p.purpose == PickerPurpose::Switch)
                && model.bureau.is_none()
            {
                // Leaving the picker chooses nothing: say so rather than let a bureau be assumed.
                model.flash = Some(model.lang.journey().picker_no_bureau_yet.to_owned());
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

/// A change whose events have all been answered: its saved events become undoable, and its
/// message (if any) is shown only when every event was saved.
fn finish(model: &mut Model, group: u64) {
    if let Some(change) = model.changes.remove(&group) {
        if !change.failed
            && let Some(done) = change.done
        {
            model.flash = Some(done);
        }
        if change.undoable && !change.saved.is_empty() {
            model.undo.push(Undoable::Events {
                saved: change.saved,
                restore: change.restore,
                envelope_no: change.envelope_no,
            });
        } else if !change.undoable && !change.saved.is_empty() {
            model.flash = Some(model.lang.catalog().undone.to_owned());
        }
    }
}

/// The longest folder path typed.
const PATH_MAX: usize = 1000;

fn push_text(field: &mut String, c: char, max: usize) {
    if !c.is_control() && field.chars().count() < max {
        field.push(c);
    }
}

/// Shows `screen`, keeping the cursor's column inside its grid; the summary asks for its text.
fn show(model: &mut Model, screen: Screen) -> Vec<Effect> {
    if screen != model.screen {
        model.summary_scroll = 0;
    }
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

/// Opens the picker for `purpose`; its index of every place is built on first use.
fn open_picker(model: &mut Model, purpose: PickerPurpose) -> Vec<Effect> {
    let mut picker = Picker {
        purpose,
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

/// The end of `path` in at most `room` characters (`…` marks what was cut).
fn tail(path: &str, room: usize) -> String {
    let n = path.chars().count();
    if n <= room || room < 8 {
        return path.to_owned();
    }
    let kept: String = path.chars().skip(n - (room - 1)).collect();
    format!("…{kept}")
}

/// Opens the note form on the cell under the cursor (a bureau cell needs a bureau).
fn open_note(model: &mut Model) -> Vec<Effect> {
    let Some(item) = model.current_item() else {
        return vec![];
    };
    if item == Item::Bureau && model.bureau.is_none() {
        model.flash = Some(model.lang.catalog().form_needs_bureau.to_owned());
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

/// What "yes" does.
fn confirmed(model: &mut Model, pending: Pending) -> Vec<Effect> {
    match pending {
        Pending::MarkColumn(item) => {
            let cat = model.lang.catalog();
            let done = (cat.column_marked)(cat.column(item, true));
            match model.sheet().column(item, Mark::Present) {
                Ok(bodies) => persist_with(model, bodies, true, Vec::new(), Some(done)),
                Err(refusal) => {
                    model.flash = Some(refused(model, &refusal, None));
                    vec![]
                }
            }
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

/// Moves the observer's ballot observations of the current bureau to `to`, as one change that
/// undo reverses (see [`crate::domain::session::MovePlan`]).
fn move_observations(model: &mut Model, to: &Bureau) -> Vec<Effect> {
    match model.sheet().move_to(to) {
        Ok(plan) => {
            let done = (model.lang.journey().moved)(plan.moved, to.code.as_str());
            persist_with(model, plan.bodies, true, plan.restore, Some(done))
        }
        Err(refusal) => {
            model.flash = Some(refused(model, &refusal, Some(&to.code)));
            vec![]
        }
    }
}

/// What the interface says when a recording rule records nothing; `target` is the bureau a
/// move was asked to.
fn refused(model: &Model, refusal: &Refusal, target: Option<&BureauCode>) -> String {
    let j = model.lang.journey();
    match refusal {
        Refusal::NeedsBureau => model.lang.catalog().form_needs_bureau.to_owned(),
        Refusal::NoVoters => j.envelope_no_voters.to_owned(),
        Refusal::ArrivalWithoutEnvelope => j.envelope_arrival_without_envelope.to_owned(),
        Refusal::NothingToMove => j.move_nothing.to_owned(),
        Refusal::SameBureau => j.move_same_bureau.to_owned(),
        Refusal::OtherCirconscription(circ) => {
            (j.move_other_circ)(target.map_or("", BureauCode::as_str), circ.as_str())
        }
        Refusal::EnvelopeZero => j.envelope_first.to_owned(),
        Refusal::EnvelopeBeyond { .. } => {
            (j.envelope_last)(model.envelope_no, model.envelope().map(|f| f.received))
        }
    }
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
        Direction::PageUp => model.row = model.row.saturating_sub(usize::from(page_of(model))),
        Direction::PageDown => {
            model.row = (model.row + usize::from(page_of(model))).min(last_row);
        }
    }
}

/// How far a page key moves: the screen's height less the lines around the scrolled part.
fn page_of(model: &Model) -> u16 {
    model.size.1.saturating_sub(6).max(1)
}

/// Asks to save one tick per row whose cell in the cursor's column is not already `mark`.
fn set_cells(model: &mut Model, rows: &[usize], mark: Mark) -> Vec<Effect> {
    match model.current_item() {
        Some(item) => set_item_cells(model, item, rows, mark, None),
        None => vec![],
    }
}

/// Asks to save one tick per row whose `item` cell is not already `mark`, keeping each cell's
/// note (the rules of [`crate::domain::session::Sheet::tick`]: a bureau cell set again to its
/// mark is a re-check).
fn set_item_cells(
    model: &mut Model,
    item: Item,
    rows: &[usize],
    mark: Mark,
    done: Option<String>,
) -> Vec<Effect> {
    let sheet = model.sheet();
    let bodies: Result<Vec<EventBody>, Refusal> = rows
        .iter()
        .filter_map(|&row| model.candidates.get(row))
        .filter_map(|c| {
            sheet
                .tick(c.panel, item, mark, NoteChange::Keep)
                .transpose()
        })
        .collect();
    match bodies {
        Ok(bodies) => persist_with(model, bodies, true, Vec::new(), done),
        Err(refusal) => {
            model.flash = Some(refused(model, &refusal, None));
            vec![]
        }
    }
}

fn persist(model: &mut Model, bodies: Vec<EventBody>, undoable: bool) -> Vec<Effect> {
    persist_with(model, bodies, undoable, Vec::new(), None)
}

/// Asks to save `bodies` as one change; undoing it also records `restore` again; `done` is shown
/// once every event is saved.
fn persist_with(
    model: &mut Model,
    bodies: Vec<EventBody>,
    undoable: bool,
    restore: Vec<EventBody>,
    done: Option<String>,
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
            done,
            envelope_no: model.envelope_no,
        },
    );
    model.save = SaveStatus::Pending;
    bodies
        .into_iter()
        .map(|body| Effect::Persist { group, body })
        .collect()
}

/// Shows the household's next (`forward`) or previous envelope: up to the count the observer gave
/// with the envelope form (or, before any count, one past the last envelope ticked), and never
/// hiding an envelope already ticked; past the last, back to the first when `wrap`.
fn switch_envelope(model: &mut Model, forward: bool, wrap: bool) -> Vec<Effect> {
    let j = model.lang.journey();
    let limit = model.sheet().envelope_limit();
    let next = if forward {
        model.envelope_no + 1
    } else {
        model.envelope_no.saturating_sub(1)
    };
    let next = if wrap && next > limit { 1 } else { next };
    model.flash = Some(if next == 0 {
        j.envelope_first.to_owned()
    } else if next > limit {
        (j.envelope_last)(model.envelope_no, model.envelope().map(|f| f.received))
    } else {
        model.envelope_no = next;
        (j.envelope_switched)(next, model.envelopes_known().max(next))
    });
    vec![]
}

fn undo(model: &mut Model) -> Vec<Effect> {
    match model.undo.pop() {
        Some(Undoable::Events {
            saved,
            restore,
            envelope_no,
        }) => {
            model.envelope_no = envelope_no;
            let bodies = model.sheet().undo(&saved, restore);
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
    // The day of arrival the envelope form was filled in with, from the household's record.
    let shown_day = model
        .envelope()
        .and_then(|f| f.received_on)
        .map(|d| d.format("%d/%m/%Y").to_string());
    match &mut model.mode {
        Mode::Envelope(form) => {
            let parse = |s: &str| {
                s.trim()
                    .parse::<u32>()
                    .map_err(|_| (cat.form_bad_number)(s))
            };
            let day = crate::domain::event::parse_day(&form.received_on)
                .map_err(|t| (model.lang.journey().envelope_bad_date)(&t));
            match (parse(&form.voters), parse(&form.received), day) {
                (_, _, Err(e)) => {
                    form.error = Some(e);
                    form.focus = 2;
                    vec![]
                }
                (Ok(voters), Ok(received), Ok(received_on)) => {
                    // The form shows the day and the note recorded before: what it holds now
                    // replaces them. A count of 0 drops the day shown from before (no envelope
                    // arrived that day), as plain mode and the command line do; a day typed
                    // with 0 is refused by the rule.
                    let untouched = shown_day.as_deref() == Some(form.received_on.trim());
                    let received_on = received_on.filter(|_| received > 0 || !untouched);
                    let note = non_empty(&form.note);
                    let entry = (voters, received, Some(received_on), Some(note));
                    submit_envelope(model, entry)
                }
                (Err(e), _, _) | (_, Err(e), _) => {
                    form.error = Some(e);
                    vec![]
                }
            }
        }
        Mode::NonReceipt(form) => {
            let (voter, note) = (non_empty(&form.voter), non_empty(&form.note));
            match model.sheet().non_receipt(voter, note) {
                Ok(body) => {
                    model.mode = Mode::Grid;
                    persist(model, vec![body], true)
                }
                Err(refusal) => {
                    let why = refused(model, &refusal, None);
                    if let Mode::NonReceipt(form) = &mut model.mode {
                        form.error = Some(why);
                    }
                    vec![]
                }
            }
        }
        Mode::Note(form) => {
            let form = form.clone();
            model.mode = Mode::Grid;
            let Some(c) = model.candidates.get(form.row) else {
                return vec![];
            };
            match model
                .sheet()
                .set_note(c.panel, form.item, non_empty(&form.text))
            {
                // Nothing changed: no event, no "check".
                Ok(None) => vec![],
                Ok(Some(body)) => {
                    let done = model.lang.journey().note_saved.to_owned();
                    persist_with(model, vec![body], true, Vec::new(), Some(done))
                }
                Err(refusal) => {
                    model.flash = Some(refused(model, &refusal, None));
                    vec![]
                }
            }
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
        // Questions are answered with `Answer` (the keymap maps Enter to yes).
        Mode::Confirm(_) => vec![],
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

/// Records the household's envelopes from the envelope form; a refusal stays in the form.
fn submit_envelope(
    model: &mut Model,
    (voters, received, received_on, note): (
        u32,
        u32,
        Option<Option<chrono::NaiveDate>>,
        Option<Option<String>>,
    ),
) -> Vec<Effect> {
    match model
        .sheet()
        .envelope_record(voters, received, received_on, note)
    {
        Ok(body) => {
            model.mode = Mode::Grid;
            persist(model, vec![body], true)
        }
        Err(refusal) => {
            let why = refused(model, &refusal, None);
            if let Mode::Envelope(form) = &mut model.mode {
                form.error = Some(why);
                // The field to correct: the voters, or the day of arrival.
                form.focus = if refusal == Refusal::ArrivalWithoutEnvelope {
                    2
                } else {
                    0
                };
            }
            vec![]
        }
    }
}

/// The trimmed text, or none when it is blank.
fn non_empty(text: &str) -> Option<String> {
    Some(text.trim().to_owned()).filter(|t| !t.is_empty())
}

/// How many picker results are kept: more than any screen shows.
pub const PICKER_ROWS: usize = 50;

fn refresh_picker(model: &Model, picker: &mut Picker) {
    let (mut hits, mut total) = model.places.search(&picker.query, PICKER_ROWS);
    if picker.purpose == PickerPurpose::MoveTo {
        // Observations move between bureaux: circonscriptions are not offered.
        let before = hits.len();
        hits.retain(|i| {
            model
                .places
                .get(*i)
                .is_some_and(|e| matches!(e.place, Place::Bureau(_)))
        });
        total = total.saturating_sub(before - hits.len());
    }
    picker.hits = hits;
    picker.total = total;
    picker.selected = 0;
}
