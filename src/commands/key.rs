//! `constat key new [--lost]`: a new key pair for this database's observer (issue 15 point 3).
//! The change is a key-change event of their chain, signed with the old key (merge and verify
//! then take the new key from there on), or, with `--lost`, with the new key only (a coordinator
//! takes it with `merge --accept-key`).

use super::Context;
use crate::cli::KeyCommand;
use crate::domain::fingerprint::Fingerprint;
use crate::domain::outside::escape;
use crate::error::Error;
use crate::i18n::Message;

/// `constat key`.
pub fn run(cmd: &KeyCommand, ctx: &mut Context<'_>) -> Result<(), Error> {
    let KeyCommand::New { lost } = cmd;
    let mut store = ctx.open_store()?;
    let name = store.local_observer()?.name;
    let done = crate::app::evidence::new_key(&mut store, *lost)?;
    let fingerprint = Fingerprint::of(&done.new).to_string();
    let line = Message::new(if done.lost {
        "key-new-lost"
    } else {
        "key-new-done"
    })
    .arg("name", escape(&name).into_owned())
    .arg("fingerprint", fingerprint.as_str())
    .arg("old", Fingerprint::of(&done.old).to_string())
    .arg("seq", done.seq)
    .render(ctx.lang);
    ctx.say(&line);
    let line = Message::new("key-new-file")
        .arg(
            "path",
            escape(&done.key_file.display().to_string()).into_owned(),
        )
        .render(ctx.lang);
    ctx.say(&line);
    let line = Message::new(if done.lost {
        "key-new-send-lost"
    } else {
        "key-new-send"
    })
    .arg("fingerprint", fingerprint.as_str())
    .render(ctx.lang);
    ctx.say(&line);
    Ok(())
}
