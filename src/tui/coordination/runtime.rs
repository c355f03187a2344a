//! The live view's only I/O: the terminal and the database. Reads the picture again whenever
//! `PRAGMA data_version` says another connection (a `merge --watch`) committed, at most
//! [`POLL`] after it did.

use std::time::Duration;

use ratatui::crossterm::event::{self, Event as TermEvent, KeyEventKind};

use super::{Model, Msg, message_for, update};
use crate::app::coordination::Live;
use crate::error::Error;
use crate::i18n::Lang;
use crate::storage::Store;

/// How long a key is waited for before the file is looked at again.
const POLL: Duration = Duration::from_millis(250);

/// Reads the picture again when the file changed since `version` (always the first time).
fn refresh(live: &mut Live, store: &Store, version: &mut Option<i64>, model: &mut Model) -> bool {
    let now = store.data_version().ok();
    if now.is_some() && now == *version {
        return false;
    }
    *version = now;
    match live.refresh(store) {
        Ok(p) => update(model, Msg::Refreshed(Box::new(p))),
        Err(e) => update(model, Msg::Failed(Error::from(e).message(model.lang))),
    }
    true
}

/// Runs the view on `store` until the coordinator quits.
pub fn run(store: &Store, lang: Lang) -> Result<(), Error> {
    let mut model = Model::new(lang, crate::tui::runtime::theme());
    let mut live = Live::new();
    let mut terminal = ratatui::try_init().map_err(Error::NoTerminal)?;
    let result = (|| -> std::io::Result<()> {
        let mut version = None;
        terminal.draw(|f| crate::tui::view::coordination::draw(&model, f))?;
        refresh(&mut live, store, &mut version, &mut model);
        let mut dirty = true;
        while !model.quit {
            if dirty {
                terminal.draw(|f| crate::tui::view::coordination::draw(&model, f))?;
            }
            dirty = refresh(&mut live, store, &mut version, &mut model);
            if event::poll(POLL)? {
                match event::read()? {
                    TermEvent::Key(key) if key.kind == KeyEventKind::Press => {
                        if let Some(msg) = message_for(key) {
                            update(&mut model, msg);
                        }
                    }
                    _ => {}
                }
                dirty = true;
            }
        }
        Ok(())
    })();
    let restored = ratatui::try_restore();
    result.map_err(Error::Terminal)?;
    restored.map_err(Error::Terminal)?;
    Ok(())
}
