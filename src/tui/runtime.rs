//! The runtime: the only part of the interface that touches the terminal and the database. It
//! reads keys, runs `update`, commits `Persist` effects and feeds their results back, then draws.

use std::collections::VecDeque;

use chrono::Utc;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event as TermEvent, KeyEventKind,
};
use ratatui::crossterm::execute;

use super::effect::Effect;
use super::keymap::{message_for, message_for_mouse};
use super::message::Message;
use super::model::{Model, Summary};
use super::theme::Theme;
use super::update::update;
use super::view;
use crate::commands::{CURRENT_BUREAU, new_event_id};
use crate::domain::search::{Place, PlaceIndex};
use crate::domain::{BureauCode, RecordState};
use crate::error::Error;
use crate::i18n::Lang;
use crate::storage::Store;

/// Builds the model of `store` on its current bureau's circonscription (else the first one),
/// reading only that circonscription: start-up does not grow with the national data.
pub fn load_model(store: &Store, lang: Lang, theme: Theme) -> Result<Model, Error> {
    let observer = store.local_observer()?;
    let bureau = match store
        .setting(CURRENT_BUREAU)?
        .and_then(|b| BureauCode::parse(&b).ok())
    {
        Some(code) => store.bureau(&code)?,
        None => None,
    };
    let circ_code = match bureau.as_ref().and_then(|b| b.circonscription.clone()) {
        Some(c) => c,
        None => store
            .first_circonscription()?
            .ok_or(Error::EmptyReferential)?,
    };
    let (circ, candidates) = store
        .circonscription(&circ_code)?
        .ok_or(Error::EmptyReferential)?;
    let state = RecordState::fold(&store.events_of(&circ_code)?);
    Ok(Model::new(
        lang,
        theme,
        store.election()?,
        circ,
        candidates,
        bureau,
        observer.id,
        observer.name,
        state,
    ))
}

/// Runs `msg` through `update`, committing every `Persist` effect before its `Saved` goes back.
pub fn dispatch(model: &mut Model, store: &mut Store, msg: Message) {
    let mut queue = VecDeque::from([msg]);
    while let Some(msg) = queue.pop_front() {
        for effect in update(model, msg) {
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
                    Ok(None) => {}
                    Err(e) => model.flash = Some(Error::from(e).message(model.lang)),
                },
                Effect::SetMachines { bureau, on } => {
                    let updated = store
                        .set_voting_machines(&bureau, on)
                        .and_then(|()| store.bureau(&bureau));
                    match updated {
                        Ok(Some(b)) => queue.push_back(Message::BureauUpdated(b)),
                        Ok(None) => {}
                        Err(e) => model.flash = Some(Error::from(e).message(model.lang)),
                    }
                }
                Effect::ExportEvidence(path) => {
                    let path = std::path::PathBuf::from(path);
                    let result =
                        crate::commands::export::evidence_folder(store, &path, false, model.lang)
                            .map(|()| {
                                std::path::absolute(&path)
                                    .unwrap_or(path)
                                    .display()
                                    .to_string()
                            })
                            .map_err(|e| e.message(model.lang));
                    queue.push_back(Message::Exported(result));
                }
                Effect::Persist { group, body } => {
                    #[allow(clippy::disallowed_methods)]
                    // the runtime is the edge where time enters
                    let now = Utc::now();
                    queue.push_back(match store.append(new_event_id(), now, body) {
                        Ok(event) => Message::Saved { group, event },
                        Err(e) => Message::SaveFailed {
                            group,
                            error: Error::from(e).message(model.lang),
                        },
                    });
                }
            }
        }
    }
}

/// Reads what the summary screen needs beyond the model (the circonscription's bureaux, the
/// observers' names, the chain digest) and builds it.
fn summary(model: &Model, store: &Store) -> Result<Summary, Error> {
    let bureaux = store.bureaux_of(&model.circonscription.code)?;
    let names = store.observers()?;
    let digest = store.chain_digest()?;
    Ok(super::summary::build(model, bureaux, &names, digest))
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
            store.set_setting(CURRENT_BUREAU, code.as_str())?;
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
    let state = Box::new(RecordState::fold(&store.events_of(&circ_code)?));
    Ok(Some(Message::Switched {
        circonscription,
        candidates,
        bureau,
        state,
    }))
}

/// Opens the interface on `store` until the user quits.
pub fn run(mut store: Store, lang: Lang) -> Result<(), Error> {
    let theme = Theme {
        color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    };
    let mut model = load_model(&store, lang, theme)?;
    model.utc_offset = *chrono::Local::now().offset();
    let mut terminal = ratatui::try_init().map_err(Error::NoTerminal)?;
    // Taps and clicks toggle cells; without mouse support the keyboard still does everything.
    let mouse = execute!(std::io::stdout(), EnableMouseCapture).is_ok();
    let result = (|| -> std::io::Result<()> {
        let size = terminal.size()?;
        update(
            &mut model,
            Message::Resize {
                width: size.width,
                height: size.height,
            },
        );
        while !model.quit {
            terminal.draw(|frame| view::draw(&model, frame))?;
            let msg = match event::read()? {
                TermEvent::Key(key) if key.kind == KeyEventKind::Press => message_for(key, &model),
                TermEvent::Mouse(m) => message_for_mouse(m, &model),
                TermEvent::Resize(width, height) => Some(Message::Resize { width, height }),
                _ => None,
            };
            if let Some(msg) = msg {
                dispatch(&mut model, &mut store, msg);
            }
        }
        Ok(())
    })();
    if mouse {
        let _ = execute!(std::io::stdout(), DisableMouseCapture);
    }
    let restored = ratatui::try_restore();
    result.map_err(Error::Terminal)?;
    restored.map_err(Error::Terminal)
}
