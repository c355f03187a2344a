//! `constat whoami`: this database's observer, its key fingerprint and its chain reference —
//! what an observer sends the coordinator to be enrolled (`constat roster add`) and writes in
//! the procès-verbal.

use super::Context;
use crate::domain::outside::escape;
use crate::error::Error;
use crate::i18n::Message;

/// `constat whoami`.
pub fn run(ctx: &mut Context<'_>) -> Result<(), Error> {
    let store = ctx.open_store()?;
    let me = store.identity()?;
    let lines = [
        Message::new("whoami-name").arg("name", escape(&me.observer.name).into_owned()),
        Message::new("whoami-id").arg("id", me.observer.id.to_string()),
        match &me.fingerprint {
            Some(f) => Message::new("whoami-fingerprint").arg("fingerprint", f.to_string()),
            None => Message::new("whoami-no-key"),
        },
        match &me.reference {
            Some(r) => Message::new("whoami-reference").arg("reference", r.to_string()),
            None => Message::new("whoami-no-reference"),
        },
    ];
    for m in lines {
        let line = m.render(ctx.lang);
        ctx.say(&line);
    }
    if let Some(f) = &me.fingerprint {
        let line = Message::new("whoami-send")
            .arg("name", escape(&me.observer.name).into_owned())
            .arg("fingerprint", f.to_string())
            .render(ctx.lang);
        ctx.say(&line);
    }
    Ok(())
}
