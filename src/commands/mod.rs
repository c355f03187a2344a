//! One module per subcommand: each checks its arguments against the database's reference data,
//! then calls the domain and the storage. Nothing is written unless every check passed.

// The coordinator's live view (issue 18 point 3).
mod coordination;
mod demo;
mod export;
mod import;
mod init;
mod key;
mod machines;
mod merge;
mod observe;
mod photo;
mod pv;
mod reference;
mod report;
mod roster;
mod verify;
mod watch;
mod whoami;

use std::io::Write;
use std::path::PathBuf;

use crate::cli::{Cli, Command};
use crate::domain::EventBody;
use crate::error::Error;
use crate::i18n::Lang;
use crate::storage::Store;

/// What every command gets: language, database path and where to print.
pub struct Context<'a> {
    /// Interface language.
    pub lang: Lang,
    /// `--db`, when given.
    pub db: Option<PathBuf>,
    /// Standard output.
    pub out: &'a mut dyn Write,
}

impl Context<'_> {
    /// The database path: `--db` (which clap also reads from `$CONSTAT_DB`), else `constat.db` in
    /// the data directory.
    pub fn db_path(&self) -> Result<PathBuf, Error> {
        if let Some(p) = &self.db {
            return Ok(p.clone());
        }
        dirs::data_dir()
            .map(|d| d.join("constat").join("constat.db"))
            .ok_or(Error::NoDataDir)
    }

    /// Opens the existing database.
    pub fn open_store(&self) -> Result<Store, Error> {
        Ok(Store::open(&self.db_path()?)?)
    }

    /// Prints one line to standard output; a closed pipe is not an error.
    pub fn say(&mut self, line: &str) {
        let _ = writeln!(self.out, "{line}");
    }
}

/// A path as a confirmation line shows it: typed or found outside, so escaped for the terminal
/// (a control character in a file name must not move the cursor or fake a line).
pub(crate) fn shown(path: &std::path::Path) -> String {
    crate::domain::outside::escape(&path.display().to_string()).into_owned()
}

/// Runs a parsed command line.
pub fn run(cli: Cli, ctx: &mut Context<'_>) -> Result<(), Error> {
    match cli.command.unwrap_or(Command::Ui) {
        Command::Demo(args) => demo::run(&args, cli.plain, ctx),
        Command::Init(args) => init::run(&args, ctx),
        Command::Ui => observe::ui(cli.plain, ctx),
        Command::Tick(args) => observe::tick(&args, ctx),
        Command::Envelope(args) => observe::envelope(&args, ctx),
        Command::NonReceipt(args) => observe::non_receipt(&args, ctx),
        Command::Machines(args) => machines::run(&args, ctx),
        Command::Import(cmd) => import::run(&cmd, ctx),
        Command::Merge(args) => merge::run(&args, ctx),
        Command::Pv(args) => pv::run(&args, ctx),
        Command::Verify { path, pv } => verify::run(&path, pv.as_deref(), ctx),
        Command::Export(cmd) => export::run(&cmd, ctx),
        Command::Report(args) => report::run(&args, ctx),
        Command::Roster(cmd) => roster::run(&cmd, ctx),
        Command::Whoami => whoami::run(ctx),
        Command::Key(cmd) => key::run(&cmd, ctx),
        Command::Reference(args) => reference::run(&args, ctx),
        Command::Coordination(args) => coordination::run(&args, ctx),
        Command::Photo(args) => photo::run(&args, ctx),
    }
}

/// Appends one event stamped now, and prints the acknowledgement once it is committed.
pub fn record(store: &mut Store, body: EventBody, ctx: &mut Context<'_>) -> Result<(), Error> {
    record_seen(store, body, None, ctx)
}

/// [`record`] of an observation seen at `seen` (`--seen-at`, read in the place's legal time).
pub fn record_seen(
    store: &mut Store,
    body: EventBody,
    seen: Option<crate::domain::event::Moment>,
    ctx: &mut Context<'_>,
) -> Result<(), Error> {
    let seen_at = resolve_seen(store, &body, seen, ctx)?;
    let event = crate::app::append_seen(store, body, seen_at)?;
    let line = (ctx.lang.catalog().saved_event)(&event.id.to_string());
    ctx.say(&line);
    Ok(())
}

/// `--seen-at` as UTC, read in the legal time of the place `body` names (`None`: now).
pub fn resolve_seen(
    store: &Store,
    body: &EventBody,
    seen: Option<crate::domain::event::Moment>,
    ctx: &Context<'_>,
) -> Result<Option<chrono::DateTime<chrono::Utc>>, Error> {
    let (Some(moment), Some(circ)) = (seen, body.circonscription()) else {
        return Ok(None);
    };
    let bureau = body.flat().bureau.cloned();
    let election = store.election()?;
    Ok(Some(crate::app::seen_at_in(
        moment,
        &election,
        circ,
        bureau.as_ref(),
        ctx.lang,
    )?))
}
