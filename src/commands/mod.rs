//! One module per subcommand: each checks its arguments against the database's reference data,
//! then calls the domain and the storage. Nothing is written unless every check passed.

mod demo;
mod import;
mod init;
mod observe;
mod report;

use std::io::Write;
use std::path::PathBuf;

use chrono::Utc;

use crate::cli::{Cli, Command};
use crate::domain::referential::ElectionData;
use crate::domain::{BureauCode, CirconscriptionCode, EventBody, EventId, Panel};
use crate::error::Error;
use crate::i18n::Lang;
use crate::storage::Store;

/// The setting holding the observer's current bureau.
pub const CURRENT_BUREAU: &str = "current_bureau";

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
    match cli.command {
        Command::Demo(args) => demo::run(&args, ctx),
        Command::Init(args) => init::run(&args, ctx),
        Command::Ui => observe::ui(ctx),
        Command::Tick(args) => observe::tick(&args, ctx),
        Command::Envelope(args) => observe::envelope(&args, ctx),
        Command::NonReceipt(args) => observe::non_receipt(&args, ctx),
        Command::Import(cmd) => import::run(&cmd, ctx),
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

/// Resolves a circonscription typed by the user against the reference data.
pub fn circonscription(data: &ElectionData, raw: &str) -> Result<CirconscriptionCode, Error> {
    let code = CirconscriptionCode::parse(raw)?;
    if data.referential.circonscriptions.contains_key(&code) {
        Ok(code)
    } else {
        Err(Error::UnknownCirconscription {
            code: code.to_string(),
            known: data
                .referential
                .circonscriptions
                .keys()
                .map(ToString::to_string)
                .collect(),
        })
    }
}

/// Resolves a panel number typed by the user against the circonscription's candidates.
pub fn candidate(
    data: &ElectionData,
    circ: &CirconscriptionCode,
    raw: &str,
) -> Result<Panel, Error> {
    let known = || -> Vec<String> {
        data.referential
            .candidates_of(circ)
            .iter()
            .map(|c| c.panel.to_string())
            .collect()
    };
    let unknown = || Error::UnknownCandidate {
        circ: circ.to_string(),
        panel: raw.trim().to_owned(),
        known: known(),
    };
    let panel = Panel::parse(raw).map_err(|_| unknown())?;
    match data.referential.candidate(circ, panel) {
        Some(_) => Ok(panel),
        None => Err(unknown()),
    }
}

/// The codes of a circonscription's bureaux, for error messages.
pub fn bureaux_of(data: &ElectionData, circ: &CirconscriptionCode) -> Vec<String> {
    data.referential
        .bureaux_of(circ)
        .map(|b| b.code.to_string())
        .collect()
}

/// Resolves a bureau typed by the user: it must be a bureau of `circ`.
pub fn bureau(
    data: &ElectionData,
    circ: &CirconscriptionCode,
    raw: &str,
) -> Result<BureauCode, Error> {
    let code = BureauCode::parse(raw)?;
    match data.referential.bureaux.get(&code) {
        Some(b) if b.circonscription.as_ref() == Some(circ) => Ok(code),
        _ => Err(Error::UnknownBureau {
            code: code.to_string(),
            circ: circ.to_string(),
            known: bureaux_of(data, circ),
        }),
    }
}

/// The `--bureau` given, else the database's current bureau when it lies in `circ`.
pub fn bureau_or_current(
    store: &Store,
    data: &ElectionData,
    circ: &CirconscriptionCode,
    raw: Option<&str>,
) -> Result<Option<BureauCode>, Error> {
    if let Some(raw) = raw {
        return bureau(data, circ, raw).map(Some);
    }
    let current = store.setting(CURRENT_BUREAU)?;
    Ok(current
        .and_then(|c| BureauCode::parse(&c).ok())
        .filter(|c| {
            data.referential
                .bureaux
                .get(c)
                .is_some_and(|b| b.circonscription.as_ref() == Some(circ))
        }))
}
