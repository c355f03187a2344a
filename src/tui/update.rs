//! `update`: how each message changes the model, and which effects it asks for.
//!
//! Rule: pure. No terminal, no database, no clock: saving is an [`Effect::Persist`] whose result
//! comes back as [`Message::Saved`] or [`Message::SaveFailed`]. A cell changes on screen only when
//! its `Saved` arrives.

use super::effect::Effect;
use super::forms::{
    Confirm, EnvelopeForm, ExportForm, History, HistoryLine, NonReceiptForm, NoteForm, Pending,
    PhotoForm, PhotoShown, PhotoTarget, Picker, PickerPurpose, SeenAtForm,
};
use super::message::{Direction, Message, PhotoAnswer};
use super::model::{Change, Mode, Model, SaveStatus, Screen, Undoable};
use crate::domain::merge::{MAX_NAME, MAX_NOTE};
use crate::domain::search::Place;
use crate::domain::session::{Implausible, NoteChange, Refusal};
use crate::domain::{Bureau, BureauCode, EventBody, EventId, Item, Mark};
use crate::i18n::Message as Text;

/// True when `msg` may record something (a mark, a note, an undo, a form's submission): the
/// runtime does not apply it when the file changed under the screen just before.
pub fn records(msg: &Message) -> bool {
    matches!(
        msg,
        Message::Cycle
            | Message::Set(_)
            | Message::MarkColumnPresent
            | Message::Undo
            | Message::Tap { .. }
            | Message::Submit
            | Message::TakePhoto
            | Message::OpenCamera
            | Message::Answer(true)
    )
}

/// The undo stack of an earlier session, rebuilt from the observer's own `events` (folded in
/// `state`): each event still live is one change, the newest on top; undoing one asks first.
pub fn earlier_undo(
    events: &[crate::domain::Event],
    state: &crate::domain::RecordState,
    observer: crate::domain::ObserverId,
) -> Vec<Undoable> {
    crate::domain::history::undoable(events, state, observer)
        .into_iter()
        .map(|e| Undoable::Events {
            saved: vec![e.id],
            restore: Vec::new(),
            envelope_no: match &e.body {
                EventBody::Tick { envelope, .. } => envelope.unwrap_or(1).max(1),
                _ => 1,
            },
            earlier: true,
        })
        .collect()
}

/// Applies `msg` to `model` and returns the effects to run.
pub fn update(model: &mut Model, msg: Message) -> Vec<Effect> {
    let cat = model.lang.catalog();
    // A message on the hint line hides the phone's buttons: a tap there is not on them.
    let buttons_shown = model.flash.is_none();
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
        Message::Move(dir) if matches!(model.mode, Mode::History(_)) => {
            if let Mode::History(h) = &mut model.mode {
                h.scroll = match dir {
                    Direction::Up | Direction::PageUp => h.scroll.saturating_sub(1),
                    _ => h.scroll.saturating_add(1).min(
                        u16::try_from(h.lines.as_ref().map_or(0, Vec::len).saturating_sub(1))
                            .unwrap_or(u16::MAX),
                    ),
                };
            }
            vec![]
        }
        Message::Move(dir) if matches!(model.mode, Mode::Photo(_)) => {
            if let Mode::Photo(form) = &mut model.mode {
                let n = form.recent().len();
                form.selected = match (dir, form.selected) {
                    (Direction::Up, Some(0) | None) => None,
                    (Direction::Up, Some(i)) => Some(i - 1),
                    (_, None) if n > 0 => Some(0),
                    (_, None) => None,
                    (_, Some(i)) => Some((i + 1).min(n.saturating_sub(1))),
                };
            }
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
                    let on = !model.voting_machines();
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
            match (yes, confirm.pending) {
                (true, pending) => confirmed(model, pending),
                // "No" to leaving: back to the form, with what was typed.
                (false, Pending::Quit(form)) => {
                    model.mode = *form;
                    vec![]
                }
                // "No" to more envelopes than voters: back to the form, to correct it.
                (false, Pending::MoreEnvelopes { form, .. }) => {
                    model.mode = Mode::Envelope(*form);
                    vec![]
                }
                (false, _) => {
                    model.flash = Some(model.lang.journey().cancelled.to_owned());
                    vec![]
                }
            }
        }
        Message::OpenSeenAt => {
            // The moment in force, as it would be typed back, so that Enter keeps it.
            let text = model
                .seen_at
                .map(|at| {
                    model
                        .zone()
                        .local(at)
                        .format("%d/%m/%Y %H h %M")
                        .to_string()
                })
                .unwrap_or_default();
            model.mode = Mode::SeenAt(SeenAtForm { text, error: None });
            vec![]
        }
        Message::SeenAtChecked(checked) => {
            match checked {
                Ok(at) => {
                    model.seen_at = Some(at);
                    model.mode = Mode::Grid;
                    model.flash = Some(seen_at_flash(model));
                }
                Err(why) => {
                    if let Mode::SeenAt(form) = &mut model.mode {
                        form.error = Some(why);
                    }
                }
            }
            vec![]
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
                return summary_button(model, buttons_shown, screen, x, y);
            }
            if buttons_shown
                && let Some(button) = super::view::layout::phone_button_target(screen, x, y)
            {
                return match button {
                    0 => open_note(model),
                    1 => undo(model),
                    2 => update(model, Message::ToggleHelp),
                    _ => update(model, Message::Quit),
                };
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
                // A second tap on the selected candidate's name shows the cell's history.
                Some((row, None)) if row == model.row => open_history(model),
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
            model.col = 0;
            model.cursors = [(0, 0); 3];
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
        Message::Set(mark) => {
            let row = model.row;
            let recheck = model
                .current_item()
                .zip(model.candidates.get(row))
                .is_some_and(|(item, c)| model.sheet().is_recheck(c.panel, item, mark));
            let effects = set_cells(model, &[row], mark);
            if recheck
                && !effects.is_empty()
                && let Some(change) = model.changes.get_mut(&(model.next_group - 1))
            {
                change.recheck = true;
            }
            // 44 envelope ticks are 44 key presses: `p` and `a` go on to the next candidate,
            // once the tick is saved (a failed save keeps the cursor on the cell to retry).
            if model.advance && mark != Mark::Unchecked && model.mode == Mode::Grid {
                let group = model.next_group - 1;
                match model.changes.get_mut(&group) {
                    Some(change) if !effects.is_empty() => change.advance_from = Some(row),
                    _ if effects.is_empty() && model.flash.is_none() => advance_from(model, row),
                    _ => {}
                }
            }
            effects
        }
        Message::ToggleAdvance => {
            model.advance = !model.advance;
            model.flash = Some(
                Text::new("journey-advance")
                    .arg("on", model.advance)
                    .render(model.lang),
            );
            vec![Effect::SaveAdvance(model.advance)]
        }
        Message::OpenHistory => open_history(model),
        Message::OpenPhoto => open_photo(model, false),
        Message::OpenCamera => open_photo(model, true),
        Message::SelectPhoto(i) => {
            if let Mode::Photo(form) = &mut model.mode
                && i < form.recent().len()
            {
                form.selected = Some(i);
            }
            vec![]
        }
        Message::PhotosFound(sources) => {
            if let Mode::Photo(form) = &mut model.mode {
                if sources.folder.is_some() {
                    model.photo_folder.clone_from(&sources.folder);
                }
                form.sources = Some(*sources);
                form.selected = None;
                if std::mem::take(&mut form.take_at_once) {
                    // `F`: the camera now, or why not (the form stays for another way).
                    return update(model, Message::TakePhoto);
                }
            }
            vec![]
        }
        Message::TakePhoto => {
            let Mode::Photo(form) = &model.mode else {
                return vec![];
            };
            if form.group.is_some() {
                return vec![];
            }
            if !form.camera() {
                let why = Text::new("photo-no-camera").render(model.lang);
                if let Mode::Photo(form) = &mut model.mode {
                    form.error = Some(why);
                }
                return vec![];
            }
            let Some(of) = form.chosen().and_then(|t| photo_subject(model, t)) else {
                return vec![];
            };
            let group = begin_change(model);
            if let Mode::Photo(form) = &mut model.mode {
                form.group = Some(group);
                form.error = None;
            }
            vec![Effect::TakePhoto { group, of }]
        }
        Message::PhotoAnswer { group, answer } => {
            model.changes.remove(&group);
            if model.changes.is_empty() && model.save == SaveStatus::Pending {
                model.save = if model.last_saved_at.is_some() {
                    SaveStatus::Saved
                } else {
                    SaveStatus::Idle
                };
            }
            if let Mode::Photo(form) = &mut model.mode {
                form.group = None;
                match answer {
                    PhotoAnswer::Refused(why) => form.error = Some(why),
                    PhotoAnswer::Folder(sources) => {
                        form.error = None;
                        form.path.clear();
                        form.selected = None;
                        model.photo_folder.clone_from(&sources.folder);
                        form.sources = Some(*sources);
                    }
                }
            } else if let PhotoAnswer::Refused(why) = answer {
                model.flash = Some(why);
            }
            vec![]
        }
        Message::HistoryReady(lines) => {
            if let Mode::History(h) = &mut model.mode {
                h.lines = Some(lines);
            }
            vec![]
        }
        Message::Reloaded(state) => {
            if *state != model.state {
                model.state = *state;
                // The undo stack's events may have been withdrawn elsewhere: undo skips them.
                model.flash = Some(Text::new("journey-reloaded").render(model.lang));
            }
            // Other observers' events (a merge) change the summary even when the grid stays.
            summary_effects(model)
        }
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
        Message::Input(c) => insert(model, c.encode_utf8(&mut [0; 4])),
        Message::Paste(text) => insert(model, &text),
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
                Mode::NonReceipt(form) if form.focus == 2 => form.household = None,
                Mode::NonReceipt(form) => {
                    form.focused_mut().pop();
                }
                Mode::Note(form) => {
                    form.text.pop();
                }
                Mode::Export(form) => {
                    form.path.pop();
                }
                Mode::SeenAt(form) => {
                    form.text.pop();
                }
                Mode::Photo(form) => {
                    form.path.pop();
                    form.selected = None;
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
                Mode::NonReceipt(form) => {
                    let step = if msg == Message::NextField { 1 } else { 2 };
                    form.focus = (form.focus + step) % NonReceiptForm::FIELDS;
                }
                Mode::Photo(form) => form.target = (form.target + 1) % form.targets.len().max(1),
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
            if half_typed(&model.mode) {
                // Ctrl-C in a form: the typed note is not dropped without a question.
                let form = std::mem::replace(&mut model.mode, Mode::Grid);
                model.mode = Mode::Confirm(Confirm {
                    question: Text::new("journey-ask-quit-form").render(model.lang),
                    pending: Pending::Quit(Box::new(form)),
                });
            } else {
                model.quit = true;
            }
            vec![]
        }
        Message::Saved { group, event } => {
            model.state.apply(&event);
            model.last_saved_at = Some(event.recorded_at);
            let mut failed = false;
            let zone = model.zone();
            let photo_done = photo_attached(model, &event);
            if matches!(&model.mode, Mode::Photo(f) if f.group == Some(group)) {
                model.mode = Mode::Grid;
            }
            if let Some(change) = model.changes.get_mut(&group) {
                if photo_done.is_some() {
                    change.done = photo_done;
                }
                if change.recheck {
                    let time = super::words::clock(model.lang, zone.local(event.seen()));
                    change.done = Some(
                        Text::new("journey-rechecked-at")
                            .arg("time", time)
                            .render(model.lang),
                    );
                }
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
        if !change.failed
            && let Some(row) = change.advance_from
        {
            advance_from(model, row);
        }
        if change.undoable && !change.saved.is_empty() {
            model.undo.push(Undoable::Events {
                saved: change.saved,
                restore: change.restore,
                envelope_no: change.envelope_no,
                earlier: false,
            });
        } else if !change.undoable && !change.saved.is_empty() && model.flash.is_none() {
            model.flash = Some(model.lang.catalog().undone.to_owned());
        }
    }
}

/// Moves the cursor to the row after `row` when it is still there (the observer may have moved
/// it while the save was in flight).
fn advance_from(model: &mut Model, row: usize) {
    if model.row == row {
        model.row = (row + 1).min(model.candidates.len().saturating_sub(1));
    }
}

/// The longest folder path typed.
const PATH_MAX: usize = 1000;

/// Appends `text` to `field`, up to `max` characters: a line break becomes a space, other
/// control characters are dropped. Returns how many characters did not fit.
fn push_text(field: &mut String, text: &str, max: usize) -> usize {
    let mut room = max.saturating_sub(field.chars().count());
    let mut refused = 0;
    for c in text.chars() {
        let c = if matches!(c, '\n' | '\r' | '\t') {
            ' '
        } else {
            c
        };
        if c.is_control() {
            continue;
        }
        if room == 0 {
            refused += 1;
        } else {
            field.push(c);
            room -= 1;
        }
    }
    refused
}

/// What a note's length limit says when `refused` characters did not fit.
fn too_long(model: &Model, max: usize, refused: usize) -> Option<String> {
    (refused > 0).then(|| {
        Text::new("journey-note-too-long")
            .arg("max", max)
            .arg("refused", refused)
            .render(model.lang)
    })
}

/// Types or pastes `text` into the open form's field (a paste is one message, however long).
fn insert(model: &mut Model, text: &str) -> Vec<Effect> {
    if let Mode::Picker(picker) = &model.mode {
        let mut picker = picker.clone();
        let room = 80usize.saturating_sub(picker.query.chars().count());
        picker
            .query
            .extend(text.chars().filter(|c| !c.is_control()).take(room));
        refresh_picker(model, &mut picker);
        model.mode = Mode::Picker(picker);
        return vec![];
    }
    let refusal = match &mut model.mode {
        Mode::Envelope(form) if form.focus < 2 => {
            let field = form.focused_mut();
            for c in text.chars().filter(char::is_ascii_digit) {
                if field.len() < 6 {
                    field.push(c);
                }
            }
            None
        }
        Mode::Envelope(form) if form.focus == 2 => {
            for c in text.chars() {
                if (c.is_ascii_digit() || "/-".contains(c)) && form.received_on.len() < 10 {
                    form.received_on.push(c);
                }
            }
            None
        }
        Mode::Envelope(form) => Some((push_text(&mut form.note, text, MAX_NOTE), MAX_NOTE)),
        Mode::NonReceipt(form) if form.focus == 2 => {
            for c in text.chars() {
                match c {
                    'o' | 'O' | 'y' | 'Y' => form.household = Some(true),
                    'n' | 'N' => form.household = Some(false),
                    _ => {}
                }
            }
            None
        }
        Mode::NonReceipt(form) => {
            let max = if form.focus == 0 { MAX_NAME } else { MAX_NOTE };
            Some((push_text(form.focused_mut(), text, max), max))
        }
        Mode::Note(form) => Some((push_text(&mut form.text, text, MAX_NOTE), MAX_NOTE)),
        Mode::Export(form) => Some((push_text(&mut form.path, text, PATH_MAX), PATH_MAX)),
        Mode::SeenAt(form) => Some((push_text(&mut form.text, text, SEEN_AT_MAX), SEEN_AT_MAX)),
        Mode::Photo(form) => {
            form.selected = None;
            Some((push_text(&mut form.path, text, PATH_MAX), PATH_MAX))
        }
        _ => None,
    };
    if let Some((refused, max)) = refusal {
        let error = too_long(model, max, refused);
        match &mut model.mode {
            Mode::Envelope(form) if error.is_some() => form.error = error,
            Mode::NonReceipt(form) if error.is_some() => form.error = error,
            Mode::Note(form) => form.error = error,
            Mode::Export(form) if error.is_some() => form.error = error,
            Mode::SeenAt(form) if error.is_some() => form.error = error,
            Mode::Photo(form) if error.is_some() => form.error = error,
            _ => {}
        }
    }
    vec![]
}

/// True when the open form holds text the observer typed that leaving would drop.
fn half_typed(mode: &Mode) -> bool {
    match mode {
        Mode::Note(form) => !form.text.trim().is_empty(),
        Mode::Envelope(form) => !form.note.trim().is_empty() || !form.voters.is_empty(),
        Mode::NonReceipt(form) => !form.voter.trim().is_empty() || !form.note.trim().is_empty(),
        _ => false,
    }
}

/// Opens the history of the cell under the cursor; the runtime reads it from the log.
fn open_history(model: &mut Model) -> Vec<Effect> {
    let Some(item) = model.current_item() else {
        return vec![];
    };
    if item == Item::Bureau && model.bureau.is_none() {
        model.flash = Some(model.lang.catalog().form_needs_bureau.to_owned());
        return vec![];
    }
    let Some(key) = model.cell_key(model.row, item) else {
        return vec![];
    };
    model.mode = Mode::History(History {
        row: model.row,
        item,
        lines: None,
        scroll: 0,
    });
    vec![Effect::LoadHistory(key)]
}

/// Opens the photo form for the cell under the cursor, or (Tab) the household on the
/// envelope screen, the bureau on the bureau screen; the runtime looks for the recent images
/// and the camera (`camera`: then takes the photo at once). A photo is attached in a bureau:
/// none chosen, none attached.
fn open_photo(model: &mut Model, camera: bool) -> Vec<Effect> {
    let other = match model.screen {
        Screen::Envelope => PhotoTarget::Household,
        Screen::Bureau => PhotoTarget::Bureau,
        Screen::Summary => return vec![],
    };
    if model.bureau.is_none() {
        model.flash = Some(model.lang.catalog().form_needs_bureau.to_owned());
        return vec![];
    }
    let mut targets = Vec::with_capacity(2);
    if let Some(item) = model.current_item()
        && model.row < model.candidates.len()
    {
        targets.push(PhotoTarget::Cell {
            row: model.row,
            item,
        });
    }
    targets.push(other);
    model.mode = Mode::Photo(PhotoForm {
        targets,
        target: 0,
        path: String::new(),
        sources: None,
        selected: None,
        error: None,
        group: None,
        take_at_once: camera,
    });
    vec![Effect::FindPhotos(model.photo_folder.clone())]
}

/// What the event records a photo of, for a target of the photo form.
fn photo_subject(model: &Model, target: PhotoTarget) -> Option<crate::domain::PhotoSubject> {
    use crate::domain::PhotoSubject;
    Some(match target {
        PhotoTarget::Cell { row, item } => PhotoSubject::Cell {
            panel: model.candidates.get(row)?.panel,
            item,
        },
        PhotoTarget::Household => PhotoSubject::Household,
        PhotoTarget::Bureau => PhotoSubject::Bureau,
    })
}

/// Attaches the photo form's file: the recent image highlighted, else the path typed.
fn submit_photo(model: &mut Model, form: &PhotoForm) -> Vec<Effect> {
    if form.group.is_some() {
        return vec![];
    }
    let path = match form.selected.and_then(|i| form.recent().get(i)) {
        Some(image) => image.path.display().to_string(),
        None => form.path.trim().to_owned(),
    };
    let Some(of) = form.chosen().and_then(|t| photo_subject(model, t)) else {
        return vec![];
    };
    let error = path
        .is_empty()
        .then(|| Text::new("photo-path-empty").render(model.lang));
    let group = error.is_none().then(|| begin_change(model));
    if let Mode::Photo(form) = &mut model.mode {
        form.group = group;
        form.error = error;
    }
    match group {
        Some(group) => vec![Effect::AttachPhoto { group, of, path }],
        None => vec![],
    }
}

/// A change whose one event the runtime makes itself (a photo attached): its group.
fn begin_change(model: &mut Model) -> u64 {
    let group = model.next_group;
    model.next_group += 1;
    model.changes.insert(
        group,
        Change {
            remaining: 1,
            saved: Vec::new(),
            undoable: true,
            failed: false,
            restore: Vec::new(),
            done: None,
            envelope_no: model.envelope_no,
            advance_from: None,
            recheck: false,
        },
    );
    model.save = SaveStatus::Pending;
    group
}

/// What the flash says once a photo event is saved: its name and the start of its hash.
fn photo_attached(model: &Model, event: &crate::domain::Event) -> Option<String> {
    let EventBody::Photo { photo, .. } = &event.body else {
        return None;
    };
    Some(
        Text::new("photo-attached")
            .arg(
                "name",
                crate::domain::outside::escape(&photo.name).into_owned(),
            )
            .arg("sha", hex::encode(&photo.sha256[..4]))
            .render(model.lang),
    )
}

/// A cell's history from the observer's `events` (in their order): its observations and its
/// photos, with the time each photo was taken when its EXIF says (issue 19).
pub fn cell_history(
    model: &Model,
    events: &[crate::domain::Event],
    key: &crate::domain::state::CellKey,
) -> Vec<HistoryLine> {
    let entries = crate::domain::history::of_cell(events, model.observer, key);
    let mut marks = history_lines(model, &entries)
        .into_iter()
        .zip(&entries)
        .peekable();
    let withdrawn: std::collections::HashSet<EventId> = events
        .iter()
        .filter_map(|e| match e.body {
            EventBody::Retract { target } if e.observer == model.observer => Some(target),
            _ => None,
        })
        .collect();
    let zone = model.zone();
    let mut lines = Vec::new();
    for e in events.iter().filter(|e| e.observer == model.observer) {
        if marks.peek().is_some_and(|(_, entry)| entry.id == e.id) {
            if let Some((line, _)) = marks.next() {
                lines.push(line);
            }
            continue;
        }
        let EventBody::Photo {
            circonscription,
            bureau,
            photo,
            note,
        } = &e.body
        else {
            continue;
        };
        let crate::domain::PhotoSubject::Cell { panel, item } = photo.of else {
            continue;
        };
        if circonscription != &key.circonscription
            || panel != key.panel
            || item != key.item
            || (item == Item::Bureau && key.bureau.as_ref() != Some(bureau))
        {
            continue;
        }
        let attached = zone.local(e.seen());
        let taken = photo.taken_at.map(|t| {
            let time = super::words::clock(model.lang, t);
            if t.date() == attached.date() {
                Text::new("photo-taken").arg("time", time)
            } else {
                Text::new("photo-taken-day")
                    .arg("time", time)
                    .arg("day", t.format("%d/%m/%Y").to_string())
            }
            .render(model.lang)
        });
        lines.push(HistoryLine {
            at: super::words::clock(model.lang, attached),
            mark: Mark::Unchecked,
            note: note.clone(),
            withdrawn: withdrawn.contains(&e.id),
            photo: Some(PhotoShown {
                name: crate::domain::outside::escape(&photo.name).into_owned(),
                taken,
            }),
        });
    }
    // Entries the walk did not meet (none when `events` is the log they came from).
    lines.extend(marks.map(|(line, _)| line));
    lines
}

/// The lines of a cell's history, its times in the place's legal time.
pub fn history_lines(model: &Model, entries: &[crate::domain::history::Entry]) -> Vec<HistoryLine> {
    entries
        .iter()
        .map(|e| HistoryLine {
            at: super::words::clock(model.lang, model.zone().local(e.at)),
            mark: e.mark,
            note: e.note.clone(),
            withdrawn: e.withdrawn,
            photo: None,
        })
        .collect()
}

/// Shows `screen`, keeping the cursor's column inside its grid; the summary asks for its text.
fn show(model: &mut Model, screen: Screen) -> Vec<Effect> {
    if screen != model.screen {
        model.summary_scroll = 0;
        // Each screen keeps its own cursor: back on a screen, the same candidate is under it.
        model.cursors[model.screen.index()] = (model.row, model.col);
        (model.row, model.col) = model.cursors[screen.index()];
    }
    model.screen = screen;
    model.mode = Mode::Grid;
    model.col = model.col.min(screen.items().len().saturating_sub(1));
    model.row = model.row.min(model.candidates.len().saturating_sub(1));
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
        error: None,
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
        // A statement of the observer, signed like a tick and retracted by undo (issue 13).
        Pending::SetMachines(on) => match &model.bureau {
            Some(b) => {
                let done = (model.lang.journey().machines_set)(b.code.as_str(), on);
                let body = EventBody::Machines {
                    circonscription: model.circonscription.code.clone(),
                    bureau: b.code.clone(),
                    machines: on,
                    note: None,
                };
                persist_with(model, vec![body], true, Vec::new(), Some(done))
            }
            None => vec![],
        },
        Pending::Move(to) => move_observations(model, &to),
        Pending::Quit(_) => {
            model.quit = true;
            vec![]
        }
        Pending::UndoEarlier => undo_now(model),
        Pending::MoreEnvelopes { entry, form } => {
            // Shown again if the rules refuse the count (e.g. a day with no envelope).
            model.mode = Mode::Envelope(*form);
            submit_envelope(model, entry)
        }
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
        Refusal::NoEnvelopeReceived => {
            crate::i18n::Message::new("journey-envelope-none-received").render(model.lang)
        }
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
        Direction::PageUp => model.row = model.row.saturating_sub(grid_page(model)),
        Direction::PageDown => {
            model.row = (model.row + grid_page(model)).min(last_row);
        }
    }
}

/// How far a page key moves: the screen's height less the lines around the scrolled part.
fn page_of(model: &Model) -> u16 {
    model.size.1.saturating_sub(6).max(1)
}

/// How far a page key moves in the grid: the candidates one screen shows (the grid's last line
/// is its status).
fn grid_page(model: &Model) -> usize {
    usize::from(model.size.1.saturating_sub(7).max(1))
}

/// What undoing `saved` changes, in the interface's language: one cell ("n° 8 bulletin
/// (bureau) absent → non vérifié"), a column's cells, or the last change. Read before the undo.
pub fn undo_text(model: &Model, saved: &[EventId]) -> String {
    let sheet = model.sheet();
    super::words::undo_text(
        model.lang,
        &sheet.undone_cells(saved),
        true,
        &sheet.undone_records(saved),
    )
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
            advance_from: None,
            recheck: false,
        },
    );
    model.save = SaveStatus::Pending;
    bodies
        .into_iter()
        .map(|body| Effect::Persist {
            group,
            // A withdrawal is no observation: it has no "seen at".
            seen_at: match body {
                EventBody::Retract { .. } => None,
                _ => model.seen_at,
            },
            body,
        })
        .collect()
}

/// What the flash says once the "seen at" moment is set or cleared.
fn seen_at_flash(model: &Model) -> String {
    match model.seen_at {
        Some(at) => Text::new("journey-seen-at-set")
            .arg("moment", model.lang.catalog().moment(at, model.zone()))
            .render(model.lang),
        None => Text::new("journey-seen-at-now").render(model.lang),
    }
}

/// The longest "seen at" text taken (a moment is short; a paste of more is refused).
const SEEN_AT_MAX: usize = 40;

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
    // Something from an earlier session is undone only after a yes.
    if let Some(Undoable::Events {
        saved,
        envelope_no,
        earlier: true,
        ..
    }) = model.undo.last()
    {
        let (saved, envelope_no) = (saved.clone(), *envelope_no);
        let shown = model.envelope_no;
        model.envelope_no = envelope_no;
        let what = undo_text(model, &saved);
        model.envelope_no = shown;
        model.mode = Mode::Confirm(Confirm {
            question: Text::new("journey-ask-undo-earlier")
                .arg("what", what)
                .render(model.lang),
            pending: Pending::UndoEarlier,
        });
        return vec![];
    }
    undo_now(model)
}

/// Undoes the last change, saying what it undid once saved.
fn undo_now(model: &mut Model) -> Vec<Effect> {
    match model.undo.pop() {
        Some(Undoable::Events {
            saved,
            restore,
            envelope_no,
            ..
        }) => {
            model.envelope_no = envelope_no;
            let bodies = model.sheet().undo(&saved, restore);
            if bodies.is_empty() {
                // Withdrawn meanwhile (from the command line, a merge): the next one.
                return undo(model);
            }
            let done = Text::new("journey-undone")
                .arg("what", undo_text(model, &saved))
                .render(model.lang);
            persist_with(model, bodies, false, Vec::new(), Some(done))
        }
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
                    let form = form.clone();
                    // Counts no household has are refused; more envelopes than voters is
                    // asked first (issue 16 point 4), as plain mode and the command line do.
                    match model.sheet().check_count(voters, received, false) {
                        Ok(()) => submit_envelope(model, entry),
                        Err(implausible) => implausible_count(model, implausible, entry, form),
                    }
                }
                (Err(e), _, _) | (_, Err(e), _) => {
                    form.error = Some(e);
                    vec![]
                }
            }
        }
        Mode::NonReceipt(form) => {
            let (voter, note) = (non_empty(&form.voter), non_empty(&form.note));
            let own = crate::domain::session::own_household(
                voter.as_deref(),
                &model.observer_name,
                form.household,
            );
            match model.sheet().non_receipt_of(voter, note, own) {
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
        Mode::SeenAt(form) => {
            let text = form.text.trim().to_owned();
            if text.is_empty() || ["maintenant", "now"].contains(&text.to_lowercase().as_str()) {
                model.seen_at = None;
                model.mode = Mode::Grid;
                model.flash = Some(seen_at_flash(model));
                return vec![];
            }
            vec![Effect::CheckSeenAt(text)]
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
        Mode::Photo(form) => {
            let form = form.clone();
            submit_photo(model, &form)
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
        Mode::Grid | Mode::Help | Mode::History(_) => vec![],
    }
}

/// Records the household's envelopes from the envelope form; a refusal stays in the form.
/// A household count the rules doubt: the form says why (a count no household has), or a
/// question asks whether more envelopes than voters is what was seen.
fn implausible_count(
    model: &mut Model,
    implausible: Implausible,
    entry: super::forms::EnvelopeEntry,
    mut form: EnvelopeForm,
) -> Vec<Effect> {
    let (error, focus) = match implausible {
        Implausible::TooManyVoters { max, .. } => {
            (Text::new("journey-too-many-voters").arg("max", max), 0)
        }
        Implausible::TooManyEnvelopes { max, .. } => {
            (Text::new("journey-too-many-envelopes").arg("max", max), 1)
        }
        Implausible::MoreThanVoters { voters, received } => {
            let question = Text::new("journey-more-than-voters")
                .arg("voters", voters)
                .arg("count", received)
                .arg("more", received - voters)
                .render(model.lang);
            model.mode = Mode::Confirm(Confirm {
                question,
                pending: Pending::MoreEnvelopes {
                    entry,
                    form: Box::new(form),
                },
            });
            return vec![];
        }
    };
    form.error = Some(error.render(model.lang));
    form.focus = focus;
    model.mode = Mode::Envelope(form);
    vec![]
}

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

/// A tap on the summary screen of a phone: its hint line's buttons are export, undo, help and
/// quit (issue 16 point 11: undo stays reachable there too).
fn summary_button(
    model: &mut Model,
    buttons_shown: bool,
    screen: ratatui::layout::Rect,
    x: u16,
    y: u16,
) -> Vec<Effect> {
    if !buttons_shown {
        return vec![];
    }
    match super::view::layout::phone_button_target(screen, x, y) {
        Some(0) => update(model, Message::OpenExport),
        Some(1) => update(model, Message::Undo),
        Some(2) => update(model, Message::ToggleHelp),
        Some(_) => update(model, Message::Quit),
        None => vec![],
    }
}
