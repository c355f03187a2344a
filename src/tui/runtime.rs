//! The runtime: the only part of the interface that touches the terminal and the database. It
//! reads keys, runs `update`, commits `Persist` effects and feeds their results back, then draws.

use std::collections::VecDeque;
use std::path::Path;

use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event as TermEvent, KeyEventKind,
};
use ratatui::crossterm::execute;

use super::effect::Effect;
use super::keymap::{message_for, message_for_mouse, message_for_paste};
use super::message::{ExportRefused, Message, PhotoAnswer};
use super::model::{Model, Summary};
use super::setup::{self, SetupChoice, SetupEffect, SetupModel, SetupMsg, Source};
use super::theme::Theme;
use super::update::update;
use super::view;
use crate::domain::RecordState;
use crate::domain::search::{Place, PlaceIndex};
use crate::error::Error;
use crate::i18n::{Lang, Localize};
use crate::storage::Store;

/// Builds the model of `store` on its current bureau's circonscription (else the first one),
/// reading only that circonscription: start-up does not grow with the national data.
pub fn load_model(store: &Store, lang: Lang, theme: Theme) -> Result<Model, Error> {
    let observer = store.local_observer()?;
    let (bureau, circ, candidates) = crate::app::place::current_place(store)?;
    // The observer's own events: the grid shows their marks. (The summary reads everyone's.)
    let events = store.events_of_observer(observer.id, &circ.code)?;
    let state = RecordState::fold(&events);
    // Undo works across a restart: the observer's own events, newest undone first.
    let undo = super::update::earlier_undo(&events, &state, observer.id);
    let mut model = Model::new(
        lang,
        theme,
        store.election()?,
        circ,
        candidates,
        bureau,
        observer.id,
        observer.name,
        state,
    );
    model.undo = undo;
    model.feminine = store.observer_feminine()?;
    model.qualite = store.signer_qualite()?;
    model.advance = store.cursor_advances()?;
    model.photo_folder = store.photo_folder()?;
    Ok(model)
}

/// How often the open interface looks for another writer's changes (the command line, a
/// merge into the same file): they show within a second.
pub const POLL: std::time::Duration = std::time::Duration::from_millis(250);

/// Takes in what another writer committed to the file since `version` (SQLite's
/// `data_version`, which this connection's own commits leave as it is): the observer's events
/// are read and folded again. Returns true when the grid's state changed.
pub fn take_outside_changes(
    model: &mut Model,
    store: &mut Store,
    version: &mut Option<i64>,
) -> bool {
    let now = match store.data_version() {
        Ok(now) => now,
        Err(e) => {
            model.flash = Some(Error::from(e).message(model.lang));
            return false;
        }
    };
    if *version == Some(now) {
        return false;
    }
    let first = version.is_none();
    *version = Some(now);
    if first {
        return false;
    }
    match store.events_of_observer(model.observer, &model.circonscription.code) {
        Ok(events) => {
            let state = RecordState::fold(&events);
            let changed = state != model.state;
            dispatch(model, store, Message::Reloaded(Box::new(state)));
            changed
        }
        Err(e) => {
            model.flash = Some(Error::from(e).message(model.lang));
            false
        }
    }
}

/// Runs `msg` through `update`, committing every `Persist` effect before its `Saved` goes back.
pub fn dispatch(model: &mut Model, store: &mut Store, msg: Message) {
    run_queue(model, store, VecDeque::from([msg]), false);
}

/// As [`dispatch`], except that the summary's preparation (slow on a national file: it folds
/// every observer's events and computes the digest) is left out; returns true when it was, so
/// the caller draws the screen first ("Préparation du bilan…") and then calls
/// [`prepare_summary`].
pub fn dispatch_deferring(model: &mut Model, store: &mut Store, msg: Message) -> bool {
    let deferred = run_queue(model, store, VecDeque::from([msg]), true);
    run_later(model, store, deferred.camera);
    deferred.summary
}

/// Prepares the summary screen now (see [`dispatch_deferring`]).
pub fn prepare_summary(model: &mut Model, store: &mut Store) {
    let mut queue = VecDeque::new();
    perform(model, store, Effect::LoadSummary, &mut queue);
    run_queue(model, store, queue, false);
}

/// What [`run_queue`] left for after the next frame: the summary's preparation, and the
/// camera (it takes seconds: the photo form says so first).
#[derive(Default)]
struct Deferred {
    summary: bool,
    camera: Vec<Effect>,
}

/// Runs effects left for later (see [`Deferred`]) and what they answer.
fn run_later(model: &mut Model, store: &mut Store, effects: Vec<Effect>) {
    let mut queue = VecDeque::new();
    for effect in effects {
        perform(model, store, effect, &mut queue);
    }
    run_queue(model, store, queue, false);
}

/// Runs the messages of `queue` and the effects they ask for; with `defer`, the summary's
/// preparation and the camera are not run but returned.
fn run_queue(
    model: &mut Model,
    store: &mut Store,
    mut queue: VecDeque<Message>,
    defer: bool,
) -> Deferred {
    let mut deferred = Deferred::default();
    while let Some(msg) = queue.pop_front() {
        for effect in update(model, msg) {
            match effect {
                Effect::LoadSummary if defer => deferred.summary = true,
                Effect::TakePhoto { .. } if defer => deferred.camera.push(effect),
                effect => perform(model, store, effect, &mut queue),
            }
        }
    }
    deferred
}

/// Runs one effect; its result goes to the back of `queue` as a message.
fn perform(model: &mut Model, store: &mut Store, effect: Effect, queue: &mut VecDeque<Message>) {
    match effect {
        Effect::BuildPlaces => match store.election_data() {
            Ok(data) => queue.push_back(Message::PlacesReady(std::sync::Arc::new(
                PlaceIndex::new(&data.referential),
            ))),
            Err(e) => model.flash = Some(Error::from(e).message(model.lang)),
        },
        Effect::Switch(place) => match switch(model, store, &place) {
            Ok(Some(msg)) => queue.push_back(msg),
            Ok(None) => {}
            Err(e) => model.flash = Some(e.message(model.lang)),
        },
        Effect::LoadSummary => match summary(model, store) {
            Ok(summary) => queue.push_back(Message::SummaryReady(Box::new(summary))),
            Err(e) => model.flash = Some(e.message(model.lang)),
        },
        Effect::CheckMoveTarget(code) => match store.bureau(&code) {
            Ok(Some(bureau)) => queue.push_back(Message::MoveTarget(bureau)),
            Ok(None) => model.flash = Some(model.lang.journey().move_unknown.to_owned()),
            Err(e) => model.flash = Some(Error::from(e).message(model.lang)),
        },
        Effect::SaveAdvance(on) => {
            if let Err(e) = store.set_cursor_advances(on) {
                model.flash = Some(Error::from(e).message(model.lang));
            }
        }
        Effect::ExportEvidence(path) => {
            use crate::app::evidence::{evidence_folder, expand_home, free_folder_name};
            let path = expand_home(&path);
            // The output guard first (issue 15 point 7): never over the database or a file.
            let written = crate::app::output::guard(
                &path,
                store.path(),
                crate::app::output::Kind::Folder,
                false,
            )
            .and_then(|()| evidence_folder(store, &path, false, model.lang));
            let result = match written {
                Ok(()) => Ok(std::path::absolute(&path)
                    .unwrap_or(path)
                    .display()
                    .to_string()),
                Err(Error::EvidenceFolderNotEmpty(_)) => {
                    let free = free_folder_name(&path).display().to_string();
                    Err(ExportRefused {
                        error: (model.lang.journey().export_suggested)(&free),
                        suggestion: Some(free),
                    })
                }
                Err(e) => Err(ExportRefused {
                    error: e.message(model.lang),
                    suggestion: None,
                }),
            };
            queue.push_back(Message::Exported(result));
        }
        Effect::LoadHistory(key) => {
            match store.events_of_observer(model.observer, &key.circonscription) {
                Ok(events) => {
                    let lines = super::update::cell_history(model, &events, &key);
                    queue.push_back(Message::HistoryReady(lines));
                }
                Err(e) => model.flash = Some(Error::from(e).message(model.lang)),
            }
        }
        Effect::FindPhotos(folder) => {
            let folder = folder
                .map(|f| crate::app::evidence::expand_home(&f))
                .or_else(crate::app::photo_pick::default_folder);
            let sources = photo_sources(model, folder.as_deref());
            queue.push_back(Message::PhotosFound(Box::new(sources)));
        }
        Effect::AttachPhoto { group, of, path } => {
            let path = crate::app::evidence::expand_home(&path);
            if path.is_dir() {
                // A folder typed: its images are offered, and it is the folder from now on,
                // in later sessions too.
                if let Err(e) = store.set_photo_folder(&path.display().to_string()) {
                    model.flash = Some(Error::from(e).message(model.lang));
                }
                let sources = photo_sources(model, Some(&path));
                queue.push_back(Message::PhotoAnswer {
                    group,
                    answer: PhotoAnswer::Folder(Box::new(sources)),
                });
            } else {
                queue.push_back(attach_photo(model, store, group, of, &path));
            }
        }
        Effect::TakePhoto { group, of } => {
            use crate::app::photo_pick::{camera, take_photo};
            let refused = |why: String| Message::PhotoAnswer {
                group,
                answer: PhotoAnswer::Refused(why),
            };
            queue.push_back(match camera() {
                None => refused(crate::i18n::Message::new("photo-no-camera").render(model.lang)),
                Some(command) => {
                    match take_photo(&command, model.zone().local(crate::app::now())) {
                        // The temporary file goes once attached (or refused).
                        Ok(taken) => attach_photo(model, store, group, of, &taken.path),
                        Err(why) => refused(why.text(model.lang)),
                    }
                }
            });
        }
        Effect::CheckSeenAt(text) => {
            let checked = crate::domain::event::parse_moment(&text)
                .map_err(|_| {
                    crate::i18n::Message::new("journey-seen-at-unreadable")
                        .arg("text", crate::domain::outside::escape(&text).into_owned())
                        .render(model.lang)
                })
                .and_then(|moment| {
                    crate::app::seen_at_in(
                        moment,
                        &model.election,
                        &model.circonscription.code,
                        model.bureau.as_ref().map(|b| &b.code),
                        model.lang,
                    )
                    .map_err(|e| e.message(model.lang))
                });
            queue.push_back(Message::SeenAtChecked(checked));
        }
        Effect::Persist {
            group,
            body,
            seen_at,
        } => {
            queue.push_back(match crate::app::append_seen(store, body, seen_at) {
                Ok(event) => Message::Saved { group, event },
                Err(e) => Message::SaveFailed {
                    group,
                    error: Error::from(e).message(model.lang),
                },
            });
        }
    }
}

/// The photo form's sources: the recent images of `folder` (when there is one) and whether the
/// camera command is there.
fn photo_sources(model: &Model, folder: Option<&Path>) -> super::forms::PhotoSources {
    use crate::app::photo_pick::{RECENT, camera, recent_images};
    let camera = camera().is_some();
    match folder {
        Some(folder) => super::forms::PhotoSources {
            // Said as typed: `~/` for the home folder (short on a phone's screen).
            folder: Some(home_relative(folder)),
            recent: recent_images(folder, RECENT).map_err(|e| e.text(model.lang)),
            camera,
        },
        None => super::forms::PhotoSources {
            folder: None,
            recent: Ok(Vec::new()),
            camera,
        },
    }
}

/// `folder` with the home folder written `~` (as `expand_home` reads it back).
fn home_relative(folder: &Path) -> String {
    dirs::home_dir()
        .filter(|h| !h.as_os_str().is_empty())
        .and_then(|home| folder.strip_prefix(home).ok().map(Path::to_owned))
        .map_or_else(
            || folder.display().to_string(),
            |rest| format!("~/{}", rest.display()),
        )
}

/// Attaches the file at `path` through [`crate::app::photos::attach`] (the one attach path):
/// `Saved` for `group`, or why nothing was recorded.
fn attach_photo(
    model: &Model,
    store: &mut Store,
    group: u64,
    of: crate::domain::PhotoSubject,
    path: &Path,
) -> Message {
    let refused = |why: String| Message::PhotoAnswer {
        group,
        answer: PhotoAnswer::Refused(why),
    };
    let Some(bureau) = model.bureau.as_ref() else {
        return refused(model.lang.catalog().form_needs_bureau.to_owned());
    };
    let what = crate::app::photos::Attach {
        circonscription: model.circonscription.code.clone(),
        bureau: bureau.code.clone(),
        of,
        note: None,
        keep_metadata: false,
    };
    match crate::app::photos::attach(store, &what, &[path.to_owned()]) {
        // One file, one event.
        Ok(events) => match events.into_iter().next() {
            Some(event) => Message::Saved { group, event },
            None => refused(crate::i18n::Message::new("photo-not-recorded").render(model.lang)),
        },
        Err(e) => refused(e.message(model.lang)),
    }
}

/// Reads what the summary screen needs beyond the model (the circonscription's bureaux, the
/// observers' names, the chain digest) and builds it.
fn summary(model: &Model, store: &Store) -> Result<Summary, Error> {
    let bureaux = store.bureaux_of(&model.circonscription.code)?;
    // Every observer's observations of the circonscription (the grid holds the observer's own).
    let state = RecordState::fold(&store.events_of(&model.circonscription.code)?);
    // Only the names of this circonscription's observers: a national file has tens of thousands.
    let names = store.observer_names(&super::summary::observers_in(model, &state))?;
    let digest = store.chain_digest()?;
    let signer = store.chain_reference_of_local()?;
    Ok(super::summary::build(
        model,
        &state,
        bureaux,
        &names,
        digest,
        signer.as_ref(),
    ))
}

/// Loads the picked place; remembers a picked bureau as the database's current bureau.
fn switch(model: &Model, store: &Store, place: &Place) -> Result<Option<Message>, Error> {
    let (circ_code, bureau) = match place {
        Place::Bureau(code) => {
            let Some(bureau) = store.bureau(code)? else {
                return Ok(None);
            };
            let Some(circ) = bureau.circonscription.clone() else {
                return Err(Error::BureauWithoutCirconscription(code.to_string()));
            };
            store.set_current_bureau(code)?;
            (circ, Some(bureau))
        }
        Place::Circonscription(code) => {
            let bureau = model
                .bureau
                .clone()
                .filter(|b| b.circonscription.as_ref() == Some(code));
            (code.clone(), bureau)
        }
    };
    let Some((circonscription, candidates)) = store.circonscription(&circ_code)? else {
        return Ok(None);
    };
    let state = Box::new(RecordState::fold(
        &store.events_of_observer(model.observer, &circ_code)?,
    ));
    Ok(Some(Message::Switched {
        circonscription,
        candidates,
        bureau,
        state,
    }))
}

/// The theme the environment asks for: no colour under `NO_COLOR`.
pub(crate) fn theme() -> Theme {
    Theme {
        color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    }
}

/// Opens the interface on `store` until the user quits.
pub fn run(store: Store, lang: Lang) -> Result<(), Error> {
    let model = load_model(&store, lang, theme())?;
    with_terminal(|terminal| main_loop(terminal, model, store, None))
}

/// First run: no database at `path`. Shows the first-run form, creates the database the observer
/// asks for (never over an existing file), then opens the interface with the picker so they
/// choose their circonscription and bureau. Returns false when the observer left the form
/// (nothing was created).
pub fn first_run(path: &Path, lang: Lang) -> Result<bool, Error> {
    with_terminal(|terminal| {
        let mut setup = SetupModel::new(lang, theme(), path.display().to_string());
        loop {
            terminal.draw(|frame| view::setup::draw(&setup, frame))?;
            let msg = match event::read()? {
                TermEvent::Key(key) if key.kind == KeyEventKind::Press => {
                    setup::message_for(key, &setup)
                }
                _ => None,
            };
            let Some(msg) = msg else { continue };
            if let Some(SetupEffect::Create(choice)) = setup::update(&mut setup, msg) {
                match create(path, &choice, lang) {
                    Ok(store) => {
                        let model = load_model(&store, lang, setup.theme)
                            .map_err(|e| std::io::Error::other(e.message(lang)))?;
                        // The picker opens unless the form named the bureau.
                        let welcome = if choice.bureau.is_none() {
                            Welcome::Picker(lang.setup().created)
                        } else {
                            Welcome::Flash(lang.setup().created_with_bureau)
                        };
                        main_loop(terminal, model, store, Some(welcome))?;
                        return Ok(true);
                    }
                    Err(why) => {
                        setup::update(&mut setup, SetupMsg::Failed(why));
                    }
                }
            }
            if setup.quit {
                return Ok(false);
            }
        }
    })
}

/// Creates the database the first-run form asked for, or says why not (in `lang`).
pub(super) fn create(path: &Path, choice: &SetupChoice, lang: Lang) -> Result<Store, String> {
    if let Source::Reference(file) = &choice.source
        && !Path::new(file).exists()
    {
        return Err((lang.setup().reference_missing)(file));
    }
    create_database(path, choice).map_err(|e| e.message(lang))
}

fn create_database(path: &Path, choice: &SetupChoice) -> Result<Store, Error> {
    crate::error::check_text("--observer", &choice.name)?;
    if let Some(contact) = &choice.contact {
        crate::error::check_text("contact", contact)?;
    }
    let store = match &choice.source {
        Source::Sample(name) => {
            let store = crate::app::database::create_from_sample(path, name, &choice.name, None)?;
            // The observer picks their bureau next: none is taken for them (the sample's default
            // would be kept silently by an Esc in the picker).
            store.clear_current_bureau()?;
            store
        }
        // As `init --reference FILE [--bureau CODE]`: with a bureau, the slice of its
        // circonscription, signed against the whole file's digest.
        Source::Reference(file) => {
            crate::app::database::create_from_reference(
                path,
                Path::new(file),
                &choice.name,
                choice.bureau.as_deref(),
            )?
            .0
        }
    };
    if let Some(q) = &choice.qualite {
        store.set_signer_qualite(q)?;
    }
    if let Some(contact) = &choice.contact {
        store.set_observer_contact(contact)?;
    }
    if let Some(feminine) = choice.feminine {
        store.set_observer_feminine(feminine)?;
    }
    Ok(store)
}

/// Runs `body` in the full-screen terminal (mouse on where supported) and restores the terminal
/// whatever happens.
fn with_terminal<T>(
    body: impl FnOnce(&mut ratatui::DefaultTerminal) -> std::io::Result<T>,
) -> Result<T, Error> {
    let mut terminal = ratatui::try_init().map_err(Error::NoTerminal)?;
    // Taps and clicks toggle cells; without mouse support the keyboard still does everything.
    let mouse = execute!(std::io::stdout(), EnableMouseCapture).is_ok();
    // A paste arrives as one event, inserted into the field at once (a long note no longer
    // comes as thousands of keys, each drawn).
    let paste = execute!(std::io::stdout(), EnableBracketedPaste).is_ok();
    let result = body(&mut terminal);
    if paste {
        let _ = execute!(std::io::stdout(), DisableBracketedPaste);
    }
    if mouse {
        let _ = execute!(std::io::stdout(), DisableMouseCapture);
    }
    let restored = ratatui::try_restore();
    let value = result.map_err(Error::Terminal)?;
    restored.map_err(Error::Terminal)?;
    Ok(value)
}

/// What the interface says when it opens after the first-run form.
#[derive(Clone, Copy)]
enum Welcome {
    /// Opens the picker with this message: no bureau chosen yet.
    Picker(&'static str),
    /// Only this message: the form named the bureau.
    Flash(&'static str),
}

/// Reads keys, updates and draws until the user quits; `welcome` says hello after the
/// first-run form (and opens the picker when no bureau was given).
fn main_loop(
    terminal: &mut ratatui::DefaultTerminal,
    mut model: Model,
    mut store: Store,
    welcome: Option<Welcome>,
) -> std::io::Result<()> {
    let size = terminal.size()?;
    update(
        &mut model,
        Message::Resize {
            width: size.width,
            height: size.height,
        },
    );
    match welcome {
        Some(Welcome::Picker(text)) => {
            dispatch(&mut model, &mut store, Message::OpenPicker);
            model.flash = Some(text.to_owned());
        }
        Some(Welcome::Flash(text)) => model.flash = Some(text.to_owned()),
        None => {}
    }
    let mut version = None;
    take_outside_changes(&mut model, &mut store, &mut version);
    let mut dirty = true;
    while !model.quit {
        if dirty {
            terminal.draw(|frame| view::draw(&model, frame))?;
        }
        // Waiting for a key, the interface looks for other writers' changes now and then.
        if !event::poll(POLL)? {
            let before = version;
            take_outside_changes(&mut model, &mut store, &mut version);
            dirty = version != before;
            continue;
        }
        // Before a key acts, the file's changes are taken in: a key never overwrites a value
        // it did not show. A key that would record something is then not applied (the
        // message says the screen was updated).
        let changed = take_outside_changes(&mut model, &mut store, &mut version);
        let mut burst = Burst::new(changed);
        // Every pending event is handled before the next frame is drawn.
        loop {
            burst.take(&mut model, &mut store, event::read()?);
            if model.quit || !event::poll(std::time::Duration::ZERO)? {
                break;
            }
        }
        let mut deferred = burst.deferred;
        dirty = true;
        if !deferred.camera.is_empty() {
            // The photo form says the photo is being taken; then the camera takes it.
            terminal.draw(|frame| view::draw(&model, frame))?;
            run_later(&mut model, &mut store, std::mem::take(&mut deferred.camera));
        }
        if deferred.summary {
            // The summary screen shows at once, saying it is being prepared; then it is.
            terminal.draw(|frame| view::draw(&model, frame))?;
            prepare_summary(&mut model, &mut store);
        }
    }
    Ok(())
}

/// The events read in one go, before the next frame is drawn (a burst of keys typed or queued
/// while the interface was busy).
pub struct Burst {
    /// Another writer's changes were taken in just before: a key that records is not applied.
    changed: bool,
    /// A form, question or other overlay closed during the burst: the keys queued after it were
    /// typed before its closing was drawn, for it, and are not applied to the grid (issue 16
    /// point 2: `e 2 Tab 2 Enter p` saved the household, then ticked the cell underneath).
    closed: bool,
    /// What was left for after the next frame: the summary's preparation, the camera.
    deferred: Deferred,
}

impl Burst {
    /// A new burst; `changed` when another writer's changes were just taken in.
    pub fn new(changed: bool) -> Self {
        Self {
            changed,
            closed: false,
            deferred: Deferred::default(),
        }
    }

    /// Handles one event of the burst.
    pub fn take(&mut self, model: &mut Model, store: &mut Store, event: TermEvent) {
        let msg = match event {
            // After an overlay closed, only a new size still counts in this burst.
            TermEvent::Resize(width, height) => Some(Message::Resize { width, height }),
            _ if self.closed => None,
            TermEvent::Key(key) if key.kind == KeyEventKind::Press => message_for(key, model),
            TermEvent::Mouse(m) => message_for_mouse(m, model),
            TermEvent::Paste(text) => message_for_paste(text, model),
            _ => None,
        };
        let Some(msg) = msg else { return };
        if self.changed && super::update::records(&msg) {
            return;
        }
        let overlay = !matches!(model.mode, super::model::Mode::Grid);
        let more = run_queue(model, store, VecDeque::from([msg]), true);
        self.deferred.summary |= more.summary;
        self.deferred.camera.extend(more.camera);
        if overlay && matches!(model.mode, super::model::Mode::Grid) {
            self.closed = true;
        }
    }
}
