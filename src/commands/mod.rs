//! One module per subcommand: each checks its arguments against the database's reference data,
//! then calls the domain and the storage. Nothing is written unless every check passed.

mod demo;
pub(crate) mod export;
mod import;
mod init;
mod merge;
mod observe;
mod pv;
pub mod report;
mod verify;

#[cfg(test)]
pub(crate) use verify::FolderProblem;

use std::io::Write;
use std::path::PathBuf;

use chrono::Utc;

use crate::cli::{Cli, Command};
use crate::domain::{
    BureauCode, Candidate, Circonscription, CirconscriptionCode, EventBody, EventId, Panel,
};
use crate::error::Error;
use crate::i18n::Lang;
use crate::storage::Store;

/// The setting holding the observer's current bureau.
pub const CURRENT_BUREAU: &str = "current_bureau";

/// Where the interface (full-screen or plain) opens: the current bureau's circonscription, else
/// the first one. The bureau is kept only when it belongs to that circonscription (a bureau
/// imported without one would otherwise file observations under another circonscription).
pub fn current_place(
    store: &Store,
) -> Result<
    (
        Option<crate::domain::Bureau>,
        Circonscription,
        Vec<Candidate>,
    ),
    Error,
> {
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
    let bureau = bureau.filter(|b| b.circonscription.as_ref() == Some(&circ.code));
    Ok((bureau, circ, candidates))
}

/// The setting holding how to reach the observer (given at first run; optional).
pub const OBSERVER_CONTACT: &str = "observer_contact";

pub use init::{create_database, create_from_sample};

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
    /// The database path: `--db`, else `$CONSTAT_DB`, else `constat.db` in the data directory.
    pub fn db_path(&self) -> Result<PathBuf, Error> {
        if let Some(p) = &self.db {
            return Ok(p.clone());
        }
        if let Some(p) = std::env::var_os("CONSTAT_DB").filter(|p| !p.is_empty()) {
            return Ok(PathBuf::from(p));
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

/// Runs a parsed command line.
pub fn run(cli: Cli, ctx: &mut Context<'_>) -> Result<(), Error> {
    match cli.command.unwrap_or(Command::Ui) {
        Command::Demo(args) => demo::run(&args, cli.plain, ctx),
        Command::Init(args) => init::run(&args, ctx),
        Command::Ui => observe::ui(cli.plain, ctx),
        Command::Tick(args) => observe::tick(&args, ctx),
        Command::Envelope(args) => observe::envelope(&args, ctx),
        Command::NonReceipt(args) => observe::non_receipt(&args, ctx),
        Command::Import(cmd) => import::run(&cmd, ctx),
        Command::Merge(args) => merge::run(&args, ctx),
        Command::Pv(args) => pv::run(&args, ctx),
        Command::Verify { path } => verify::run(&path, ctx),
        Command::Export(cmd) => export::run(&cmd, ctx),
        Command::Report(args) => report::run(&args, ctx),
    }
}

/// A new event id: a UUID v7, time-ordered and globally unique.
pub fn new_event_id() -> EventId {
    EventId(uuid::Uuid::now_v7())
}

/// Appends one event stamped now, and prints the acknowledgement once it is committed.
pub fn record(store: &mut Store, body: EventBody, ctx: &mut Context<'_>) -> Result<(), Error> {
    #[allow(clippy::disallowed_methods)] // the command line is the edge where time enters
    let now = Utc::now();
    let event = store.append(new_event_id(), now, body)?;
    let line = (ctx.lang.catalog().saved_event)(&event.id.to_string());
    ctx.say(&line);
    Ok(())
}

/// Resolves a circonscription typed by the user: its label and candidates (panel order).
pub fn circonscription(
    store: &Store,
    raw: &str,
) -> Result<(Circonscription, Vec<Candidate>), Error> {
    let code = CirconscriptionCode::parse(raw)?;
    match store.circonscription(&code)? {
        Some(found) => Ok(found),
        None => Err(Error::UnknownCirconscription {
            code: code.to_string(),
            known: store.circonscription_codes()?,
        }),
    }
}

/// Resolves a panel number typed by the user among a circonscription's candidates.
pub fn candidate(
    candidates: &[Candidate],
    circ: &CirconscriptionCode,
    raw: &str,
) -> Result<Panel, Error> {
    let unknown = || Error::UnknownCandidate {
        circ: circ.to_string(),
        panel: raw.trim().to_owned(),
        known: candidates.iter().map(|c| c.panel.to_string()).collect(),
    };
    let panel = Panel::parse(raw).map_err(|_| unknown())?;
    if candidates.iter().any(|c| c.panel == panel) {
        Ok(panel)
    } else {
        Err(unknown())
    }
}

/// The codes of a circonscription's bureaux, for error messages.
pub fn bureaux_of(store: &Store, circ: &CirconscriptionCode) -> Result<Vec<String>, Error> {
    Ok(store.bureau_codes_of(circ)?)
}

/// Resolves a bureau typed by the user: it must be a bureau of `circ`.
pub fn bureau(store: &Store, circ: &CirconscriptionCode, raw: &str) -> Result<BureauCode, Error> {
    let code = BureauCode::parse(raw)?;
    match store.bureau(&code)? {
        Some(b) if b.circonscription.as_ref() == Some(circ) => Ok(code),
        _ => Err(Error::UnknownBureau {
            code: code.to_string(),
            circ: circ.to_string(),
            known: bureaux_of(store, circ)?,
        }),
    }
}

/// The `--bureau` given, else the database's current bureau when it lies in `circ`.
pub fn bureau_or_current(
    store: &Store,
    circ: &CirconscriptionCode,
    raw: Option<&str>,
) -> Result<Option<BureauCode>, Error> {
    if let Some(raw) = raw {
        return bureau(store, circ, raw).map(Some);
    }
    let Some(current) = store
        .setting(CURRENT_BUREAU)?
        .and_then(|c| BureauCode::parse(&c).ok())
    else {
        return Ok(None);
    };
    Ok(store
        .bureau(&current)?
        .filter(|b| b.circonscription.as_ref() == Some(circ))
        .map(|b| b.code))
}
