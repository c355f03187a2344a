//! The command line, declared with clap: the one definition of commands and flags.
//!
//! The texts users read (`--help`, clap's own errors) are not the doc comments below: they are
//! Fluent messages of `locales/*/cli.ftl`, applied to the `clap::Command` by [`command`] with
//! ids computed from the command path and the argument id (`cli-tick-about`,
//! `cli-tick-arg-candidate`), and clap's errors are rendered by [`render_error`]. The doc
//! comments stay as the Rust documentation of the fields.

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, FromArgMatches, Subcommand, ValueEnum};

mod errors;
mod help;
#[cfg(test)]
mod tests;

pub use errors::render as render_error;
pub use help::command;

use crate::domain::{Item, Mark};
use crate::i18n::Lang;
use crate::report::Format;

/// The `constat` command line.
#[derive(Debug, clap::Parser)]
#[command(name = "constat", version)]
pub struct Cli {
    /// Database file [default: $CONSTAT_DB, else the platform data directory]
    #[arg(long, global = true, value_name = "FILE", env = "CONSTAT_DB")]
    pub db: Option<PathBuf>,

    /// Language of the interface and reports [default: from CONSTAT_LANG or LANG, else fr]
    #[arg(
        long,
        global = true,
        value_enum,
        value_name = "LANG",
        env = "CONSTAT_LANG",
        ignore_case = true
    )]
    pub lang: Option<Lang>,

    /// With `ui` or `demo`: plain mode, for a screen reader or a dumb terminal (typed commands
    /// answered line by line; no full-screen drawing, colours or box drawing)
    #[arg(long, global = true)]
    pub plain: bool,

    /// What to do [default: ui, the interface; on first run it creates the database]
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the interface on a temporary copy of the bundled sample (Paris 1st circonscription, 2017)
    Demo(DemoArgs),
    /// Create a new observer database (never overwrites an existing file)
    Init(InitArgs),
    /// Open the interface (the default command; on first run it creates your database)
    ///
    /// With no database at the path yet, a short first-run form creates one: your name, an
    /// optional contact, and the election (the bundled sample, or a reference file of official
    /// data from your coordinators); then the picker opens to choose your circonscription and
    /// bureau. Screens: 1 envelope, 2 bureau de vote, 3 summary (Tab switches); ? shows every key.
    Ui,
    /// Record one cell of the record: a candidate's item, present, absent or unchecked
    Tick(TickArgs),
    /// Record a household's envelopes: voters registered at the address vs envelopes received
    Envelope(EnvelopeArgs),
    /// Record a non-receipt: a voter of a bureau who received no envelope at all
    NonReceipt(NonReceiptArgs),
    /// Record that a bureau votes on machines (no ballots on its table, none mailed to its voters)
    Machines(MachinesArgs),
    /// Import official data: a candidate list (or results file), or a table of bureaux
    #[command(subcommand)]
    Import(ImportCommand),
    /// Merge observers' databases and events CSV files into one database
    Merge(MergeArgs),
    /// Export this database: a self-contained copy to send, its events as CSV, or an evidence folder
    #[command(subcommand)]
    Export(ExportCommand),
    /// Print the réclamation to copy into the bureau's procès-verbal (--annex: its annex;
    /// --appeal: the election kind's remedy)
    Pv(PvArgs),
    /// Re-check every hash chain, signature and manifest of a database or an evidence folder
    Verify {
        /// A constat database, or a folder written by `constat export evidence`
        path: PathBuf,
        /// The chain reference written in a procès-verbal (`42 / 1a2b 3c4d 5e6f 7a8b /
        /// K7QF-3M2X-9PZA-W4TR-HN6C`): check that PATH holds that state and extends it
        #[arg(long, value_name = "REFERENCE")]
        pv: Option<String>,
    },
    /// Print the record and its findings
    Report(ReportArgs),
    /// Enrol observers' keys beforehand (a coordinator's roster): with a roster, merge refuses
    /// keys not enrolled
    #[command(subcommand)]
    Roster(RosterCommand),
    /// Print this database's observer: name, id, key fingerprint and chain reference (what to
    /// send to the coordinator and write in the procès-verbal)
    Whoami,
    /// Replace this database's signing key: a new key pair, announced in the observer's chain
    #[command(subcommand)]
    Key(KeyCommand),
    /// Write a reference file to hand out to observers: the election, circonscriptions,
    /// candidates and bureaux of this database (no event, no observer, no key)
    Reference(ReferenceArgs),
    /// The coordinator's live national picture: files received, coverage, findings, the latest
    /// ballots absent from a table; refreshed as merges land (issue 18 point 3)
    #[command(visible_alias = "coord")]
    Coordination(CoordinationArgs),
    /// Attach photos as evidence to a cell, the household's envelopes, a non-receipt or the
    /// bureau (issue 19)
    Photo(PhotoArgs),
}

/// `constat photo` (issue 19).
#[derive(Debug, Args)]
pub struct PhotoArgs {
    /// Circonscription code (7501)
    #[arg(long, value_name = "CODE")]
    pub circonscription: String,
    /// Bureau code (75056_0911) [default: the database's current bureau]
    #[arg(long, value_name = "CODE")]
    pub bureau: Option<String>,
    /// The cell's candidate (panel number), with --item
    #[arg(long, value_name = "PANEL", requires = "item")]
    pub candidate: Option<String>,
    /// The cell's column, with --candidate
    #[arg(long, value_enum, requires = "candidate")]
    pub item: Option<ItemArg>,
    /// The photo shows the household's envelopes
    #[arg(long, conflicts_with_all = ["candidate", "item", "non_receipt"])]
    pub household: bool,
    /// The photo belongs to this non-receipt (its event id)
    #[arg(long, value_name = "ID", conflicts_with_all = ["candidate", "item"])]
    pub non_receipt: Option<String>,
    /// Free text kept with each photo
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// Store the files as received, with their EXIF (GPS position, camera serial number)
    #[arg(long)]
    pub keep_metadata: bool,
    /// The photos (JPEG, PNG, HEIC; 20 MB at most each)
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
}

/// `constat coordination`.
#[derive(Debug, Args)]
pub struct CoordinationArgs {
    /// Print the national view once as text and exit (for scripts)
    #[arg(long)]
    pub once: bool,
}

/// `constat roster`.
#[derive(Debug, Subcommand)]
pub enum RosterCommand {
    /// Enrol one observer's key fingerprint
    Add {
        /// The observer's name
        name: String,
        /// The fingerprint `constat whoami` printed for them (K7QF-3M2X-9PZA-W4TR-HN6C)
        fingerprint: String,
    },
    /// Enrol every line of a CSV file `name,fingerprint` (header optional), all or nothing
    Import {
        /// The CSV file
        file: PathBuf,
    },
    /// List the enrolled keys
    List,
}

/// `constat key` (issue 15 point 3).
#[derive(Debug, Subcommand)]
pub enum KeyCommand {
    /// Make a new key pair for this database's observer, announced in their chain by a
    /// key-change event signed with the old key; print the new fingerprint
    New {
        /// The old key is lost: the change is signed with the new key only, and a coordinator
        /// takes it with `merge --accept-key NEW-FINGERPRINT`
        #[arg(long)]
        lost: bool,
    },
}

/// `constat reference`.
#[derive(Debug, Args)]
pub struct ReferenceArgs {
    /// The reference file to write (never over an existing file)
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: PathBuf,
}

/// `constat demo`.
#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Start with the 2017 reference record already entered
    #[arg(long)]
    pub record: bool,
    /// Bundled sample to open (paris-1-2017, presidentielle-2022)
    #[arg(long, value_name = "NAME", default_value = "paris-1-2017")]
    pub sample: String,
}

/// `constat merge`.
#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The database to merge into (create it with `constat init --election …` first)
    #[arg(long, value_name = "FILE")]
    pub into: PathBuf,
    /// Stop at the first bad file and leave the target exactly as it was
    #[arg(long)]
    pub strict: bool,
    /// Follow symbolic links that lead out of the folders given (never followed otherwise)
    #[arg(long)]
    pub follow_symlinks: bool,
    /// Settle a key conflict: merge the files signed with this key fingerprint, refuse the
    /// others claiming the same observer; accept a key change signed with this new key only
    /// (`key new --lost`) (repeatable)
    #[arg(long = "accept-key", value_name = "FINGERPRINT")]
    pub accept_key: Vec<String>,
    /// Take the events of observers with no key (files of constat before December 2026);
    /// refused otherwise, since a genuine observer's file has been signed since then
    #[arg(long)]
    pub accept_unsigned: bool,
    /// Observer databases, events CSV files, or folders holding them (none with --accept-key:
    /// only settle the key disputes held in the target)
    #[arg(
        required_unless_present_any = ["watch", "accept_key"],
        value_name = "FILE_OR_DIR"
    )]
    pub inputs: Vec<PathBuf>,
    /// Keep running and merge every file that arrives in this folder (Ctrl-C stops)
    #[arg(long, value_name = "INBOX", conflicts_with_all = ["inputs", "strict"])]
    pub watch: Option<PathBuf>,
    /// With --watch: seconds a file must stay unchanged before it is merged
    #[arg(
        long,
        value_name = "SECONDS",
        default_value_t = 2.0,
        requires = "watch"
    )]
    pub settle: f64,
}

/// `constat export`.
#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// A single self-contained database file, safe to send (made with VACUUM INTO, synced, renamed)
    Db {
        /// Where to write it
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: PathBuf,
        /// Replace an existing file (never a database)
        #[arg(long)]
        force: bool,
        /// Leave the photos' bytes out, keep their thumbnails and events (with the originals'
        /// hashes): a file small enough to mail; the originals, sent later, still verify
        #[arg(long)]
        thumbnails: bool,
    },
    /// Every event as CSV (columns in docs/formats.md); `constat merge` accepts it
    Csv {
        /// Where to write it
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: PathBuf,
        /// Replace an existing file (never a database)
        #[arg(long)]
        force: bool,
    },
    /// An evidence folder: the observations CSV, the report in every format, and a MANIFEST of
    /// SHA-256 digests
    Evidence {
        /// The folder to create (must not exist, or be empty)
        #[arg(short = 'o', long = "output", value_name = "DIR")]
        output: PathBuf,
        /// Separate CSV fields with `;` (for spreadsheets set to French conventions)
        #[arg(long)]
        semicolon: bool,
    },
    /// The observations and the findings as an Excel workbook (codes as text, dates as dates)
    Xlsx {
        /// Where to write it
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: PathBuf,
        /// Replace an existing file (never a database)
        #[arg(long)]
        force: bool,
    },
}

/// `constat pv`.
#[derive(Debug, Args)]
pub struct PvArgs {
    /// The bureau whose procès-verbal receives the réclamation (75056_0911)
    #[arg(
        long,
        value_name = "CODE",
        required_unless_present = "all",
        conflicts_with = "all"
    )]
    pub bureau: Option<String>,
    /// Every bureau with a finding instead: one file per bureau (each observer who saw it: their
    /// réclamation and its annex) and an index, in the folder given with -o
    #[arg(long, requires = "output", conflicts_with_all = ["annex", "appeal", "as_observer", "qualite"])]
    pub all: bool,
    /// With --all: the folder to write (must not exist, or be empty)
    #[arg(
        short = 'o',
        long = "output",
        value_name = "DIR",
        conflicts_with = "bureau"
    )]
    pub output: Option<PathBuf>,
    /// Print the annex instead: every fact observed, the reference and the full digest
    #[arg(long, conflicts_with = "appeal")]
    pub annex: bool,
    /// Print the election kind's remedy instead: requête, protestation, or the présidentielle's note
    #[arg(long)]
    pub appeal: bool,
    /// Day the results were proclaimed (YYYY-MM-DD), where the remedy's deadline counts from it
    #[arg(long, value_name = "DATE")]
    pub proclamation: Option<chrono::NaiveDate>,
    /// The deciding vote margin, for the remedy's paragraph on the influence on the result
    #[arg(long, value_name = "VOTES", requires = "appeal")]
    pub margin: Option<u32>,
    /// The person (or list) elected, named in the remedy
    #[arg(long, value_name = "NAME", requires = "appeal")]
    pub elected: Option<String>,
    /// Sign as another observer of a merged file (their réclamation, in their name only)
    #[arg(long = "as", value_name = "OBSERVER")]
    pub as_observer: Option<String>,
    /// Your qualité: electeur, candidat or delegue:NAME (saved in the database, unless with --as)
    #[arg(long, value_name = "QUALITE")]
    pub qualite: Option<String>,
}

/// `constat import`.
#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Candidates from the ministry's candidate list or results file (2017 xlsx, 2022, 2024 …)
    Candidates {
        /// The file (.csv, .txt or .xlsx)
        file: PathBuf,
        /// Accept that candidates already observed are renamed or withdrawn (the official list
        /// really changed); refused otherwise, since ticks are matched by panel number
        #[arg(long)]
        accept_renames: bool,
    },
    /// Bureaux from INSEE's table-bv-reu.csv, Etalab's bureau/circonscription table, or the
    /// ministry's by-bureau results
    Bureaux {
        /// The file
        file: PathBuf,
    },
}

/// `constat init`.
#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("source").args(["sample", "election", "reference"]))]
pub struct InitArgs {
    /// Bundled sample to start from [default: paris-1-2017 when --election is not given]
    #[arg(long, value_name = "NAME")]
    pub sample: Option<String>,
    /// An election to fill with `constat import`: KIND-YEAR, KIND one of legislatives,
    /// presidentielle, europeennes, municipales, regionales, departementales
    #[arg(long, value_name = "KIND-YEAR")]
    pub election: Option<String>,
    /// The round, with --election
    #[arg(long, value_name = "1|2", default_value = "1", value_parser = round)]
    pub round: u8,
    /// The day of the vote, with --election (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub date: Option<chrono::NaiveDate>,
    /// Your name, as it will appear in evidence [default: your login name]
    #[arg(long, value_name = "NAME")]
    pub observer: Option<String>,
    /// Your bureau (code such as 75056_0911) [default: the sample's]
    #[arg(long, value_name = "CODE")]
    pub bureau: Option<String>,
    /// Your qualité for réclamations: electeur, candidat or delegue:NAME
    #[arg(long, value_name = "QUALITE")]
    pub qualite: Option<String>,
    /// A reference file from your coordinator (`constat reference`): its election, candidates
    /// and bureaux, with a new identity and key of your own
    #[arg(long, value_name = "FILE")]
    pub reference: Option<PathBuf>,
}

/// The record's columns, as typed on the command line.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ItemArg {
    /// Profession de foi in the envelope
    Foi,
    /// Ballot in the envelope
    Courrier,
    /// Ballot on the bureau's table
    Bureau,
}

impl From<ItemArg> for Item {
    fn from(i: ItemArg) -> Self {
        match i {
            ItemArg::Foi => Self::Foi,
            ItemArg::Courrier => Self::Courrier,
            ItemArg::Bureau => Self::Bureau,
        }
    }
}

/// A cell's value, as typed on the command line.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum MarkArg {
    /// Seen
    Present,
    /// Looked for and not found
    Absent,
    /// Clear the cell
    Unchecked,
}

impl From<MarkArg> for Mark {
    fn from(m: MarkArg) -> Self {
        match m {
            MarkArg::Present => Self::Present,
            MarkArg::Absent => Self::Absent,
            MarkArg::Unchecked => Self::Unchecked,
        }
    }
}

/// `constat tick`.
#[derive(Debug, Args)]
pub struct TickArgs {
    /// Circonscription code (département + 2 digits: 7501)
    #[arg(long, value_name = "CODE")]
    pub circonscription: String,
    /// Bureau code (commune_number: 75056_0911) [default: the database's current bureau]
    #[arg(long, value_name = "CODE")]
    pub bureau: Option<String>,
    /// Candidate's panel number
    #[arg(long, value_name = "PANEL")]
    pub candidate: String,
    /// Which column
    #[arg(long, value_enum)]
    pub item: ItemArg,
    /// What was seen
    #[arg(long, value_enum)]
    pub value: MarkArg,
    /// Free text kept with the tick (e.g. "bulletins épuisés à 15h")
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// Which of the household's envelopes was opened (1, 2, …), for --item foi or courrier when
    /// several envelopes came [default: 1]
    #[arg(long, value_name = "N", value_parser = envelope_number)]
    pub envelope: Option<u16>,
    /// When it was seen, if not now
    #[command(flatten)]
    pub seen: SeenAtArg,
}

/// `--seen-at`: when an observation was made, for a record typed in later.
#[derive(Debug, Args)]
pub struct SeenAtArg {
    /// When it was seen, in the bureau's legal local time (DD/MM/YYYY HH:MM, or HH:MM on the
    /// election day) [default: now]
    #[arg(long, value_name = "MOMENT", value_parser = moment)]
    pub seen_at: Option<crate::domain::event::Moment>,
}

/// `constat machines`.
#[derive(Debug, Args)]
pub struct MachinesArgs {
    /// The bureau (75056_0913)
    #[arg(
        long,
        value_name = "CODE",
        required_unless_present = "from",
        conflicts_with = "from"
    )]
    pub bureau: Option<String>,
    /// The bureau does not vote on machines (a correction)
    #[arg(long, conflicts_with = "from")]
    pub off: bool,
    /// Every bureau of a CSV table instead: a bureau code column and a yes/no column (as the
    /// bureaux import's `machine_a_voter`), recorded in one transaction
    #[arg(long, value_name = "FILE")]
    pub from: Option<PathBuf>,
    /// Free text kept with the record
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// When it was seen, if not now
    #[command(flatten)]
    pub seen: SeenAtArg,
}

/// `--household`: whose envelope a non-receipt is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum HouseholdArg {
    /// A voter of your own household (counted once among your household's missing envelopes)
    Own,
    /// Another household's voter
    Other,
}

/// `constat envelope`.
#[derive(Debug, Args)]
pub struct EnvelopeArgs {
    /// Circonscription code (7501)
    #[arg(long, value_name = "CODE")]
    pub circonscription: String,
    /// Your bureau [default: the database's current bureau]
    #[arg(long, value_name = "CODE")]
    pub bureau: Option<String>,
    /// Voters registered at the address
    #[arg(long, value_name = "N", value_parser = count)]
    pub voters: u32,
    /// Envelopes received at the address
    #[arg(long, value_name = "N", value_parser = count)]
    pub received: u32,
    /// Day the envelopes arrived (YYYY-MM-DD or DD/MM/YYYY)
    #[arg(long, value_name = "DATE", value_parser = arrival_day)]
    pub received_on: Option<chrono::NaiveDate>,
    /// Free text kept with the record
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// When it was seen, if not now
    #[command(flatten)]
    pub seen: SeenAtArg,
    /// Confirms more envelopes received than voters at the address (refused without it)
    #[arg(long)]
    pub confirm_more: bool,
}

/// `constat non-receipt`.
#[derive(Debug, Args)]
pub struct NonReceiptArgs {
    /// Circonscription code (7501)
    #[arg(long, value_name = "CODE")]
    pub circonscription: String,
    /// The voter's bureau (75056_0911)
    #[arg(long, value_name = "CODE")]
    pub bureau: String,
    /// The voter's name
    #[arg(long, value_name = "NAME")]
    pub voter: Option<String>,
    /// Free text (e.g. "procès-verbal en deux exemplaires")
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// Whose envelope: your own household's, or another's [default: own without --voter,
    /// other with it]
    #[arg(long, value_enum)]
    pub household: Option<HouseholdArg>,
    /// When it was seen, if not now
    #[command(flatten)]
    pub seen: SeenAtArg,
}

/// `constat report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Only this circonscription [default: every circonscription with an observation]
    #[arg(long, value_name = "CODE")]
    pub circonscription: Option<String>,
    /// Output format
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
    /// List the cells on which observers contradict each other, with who said what and when
    #[arg(long)]
    pub conflicts: bool,
    /// Write to FILE (atomically) instead of standard output
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// With -o: replace an existing file (never a database)
    #[arg(long, requires = "output")]
    pub force: bool,
}

/// Why a value typed on the command line was refused by one of constat's value parsers; the
/// error renderer ([`errors`]) says it in the user's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadValue {
    /// Not a whole number.
    NotANumber,
    /// A whole number outside `min..=max`.
    OutOfRange {
        /// The smallest value accepted.
        min: u64,
        /// The largest value accepted.
        max: u64,
    },
    /// Not a day from 2000 to 2099 written YYYY-MM-DD or DD/MM/YYYY.
    NotADay,
    /// Not a moment written DD/MM/YYYY HH:MM, YYYY-MM-DD HH:MM or HH:MM.
    NotAMoment,
}

impl std::fmt::Display for BadValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NotANumber => write!(f, "not a whole number"),
            Self::OutOfRange { min, max } => write!(f, "not a whole number from {min} to {max}"),
            Self::NotADay => write!(
                f,
                "not a day between 2000 and 2099: write YYYY-MM-DD or DD/MM/YYYY (e.g. 2024-06-06)"
            ),
            Self::NotAMoment => write!(
                f,
                "not a moment: write DD/MM/YYYY HH:MM, or HH:MM on the election day (e.g. 11/06/2017 15:40)"
            ),
        }
    }
}

impl std::error::Error for BadValue {}

/// A whole number from `min` to `max` (digits, optionally after `+`, as clap's own number parser
/// read them).
fn number_in<T: TryFrom<u64>>(text: &str, min: u64, max: u64) -> Result<T, BadValue> {
    let out_of_range = BadValue::OutOfRange { min, max };
    let digits = text.strip_prefix('+').unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(BadValue::NotANumber);
    }
    let n: u64 = digits.parse().map_err(|_| out_of_range)?;
    if !(min..=max).contains(&n) {
        return Err(out_of_range);
    }
    T::try_from(n).map_err(|_| out_of_range)
}

/// `--round`: 1 or 2.
fn round(text: &str) -> Result<u8, BadValue> {
    number_in(text, 1, 2)
}

/// `--envelope`: 1 to 999.
fn envelope_number(text: &str) -> Result<u16, BadValue> {
    number_in(text, 1, 999)
}

/// `--voters`, `--received`: a count.
fn count(text: &str) -> Result<u32, BadValue> {
    match number_in(text, 0, u64::from(u32::MAX)) {
        // Digits past any count (twenty nines) are a count too large: the recording rules
        // refuse it with what is expected (1 to 99 voters, 999 envelopes; issue 16, point 4).
        Err(BadValue::OutOfRange { .. }) => Ok(u32::MAX),
        other => other,
    }
}

/// `--seen-at`: a moment as [`crate::domain::event::parse_moment`] reads it.
fn moment(text: &str) -> Result<crate::domain::event::Moment, BadValue> {
    crate::domain::event::parse_moment(text).map_err(|_| BadValue::NotAMoment)
}

/// `--received-on`: a day as [`crate::domain::event::parse_day`] reads it.
fn arrival_day(text: &str) -> Result<chrono::NaiveDate, BadValue> {
    match crate::domain::event::parse_day(text) {
        Ok(Some(day)) => Ok(day),
        _ => Err(BadValue::NotADay),
    }
}

/// What stops constat before a command runs.
#[derive(Debug)]
pub enum Stop {
    /// `--help`, `-h`, `help`, `--version`, or a command that needs a subcommand and got none:
    /// clap prints the help (already in the user's language) or the version.
    Show(clap::Error),
    /// A command line that cannot be run: the message, in the user's language (exit status 2).
    Usage(String),
}

impl Stop {
    /// Prints what stopped constat and gives the exit status: 0 for help and version, 2 for a
    /// command line that cannot be run (as clap does).
    pub fn print(&self) -> ExitCode {
        match self {
            Self::Show(e) => {
                let _ = e.print();
                ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2))
            }
            Self::Usage(text) => {
                use std::io::Write as _;
                let _ = std::io::stderr().write_all(text.as_bytes());
                ExitCode::from(2)
            }
        }
    }
}

/// The language to speak before the command line is parsed (for `--help` and clap's errors):
/// `--lang L` or `--lang=L` among the arguments (before a `--`), else `$CONSTAT_LANG`, else the
/// locale ([`Lang::from_locale`]). A value that is not a language is skipped, as clap will say.
pub fn language_before_parsing(args: &[OsString], env: impl Fn(&str) -> Option<String>) -> Lang {
    let parse = |v: &str| <Lang as ValueEnum>::from_str(v, true).ok();
    let mut words = args.iter().skip(1).map(|a| a.to_str());
    while let Some(word) = words.next() {
        match word {
            Some("--") => break,
            Some("--lang") => {
                if let Some(lang) = words.next().flatten().and_then(parse) {
                    return lang;
                }
            }
            Some(w) => {
                if let Some(lang) = w.strip_prefix("--lang=").and_then(parse) {
                    return lang;
                }
            }
            None => {}
        }
    }
    env("CONSTAT_LANG")
        .as_deref()
        .and_then(parse)
        .unwrap_or_else(|| Lang::from_locale(&env))
}

/// Parses the command line (`args`, the program's name first) with help and errors in the
/// user's language; gives the command and the language to run it in.
pub fn parse(args: &[OsString]) -> Result<(Cli, Lang), Stop> {
    parse_with(args, |k| std::env::var(k).ok())
}

/// [`parse`], with the environment given by `env` (the `env` values clap reads for `--db` and
/// `--lang` come from the process environment).
pub fn parse_with(
    args: &[OsString],
    env: impl Fn(&str) -> Option<String>,
) -> Result<(Cli, Lang), Stop> {
    let stop = |e: clap::Error, lang: Lang| match e.kind() {
        clap::error::ErrorKind::DisplayHelp
        | clap::error::ErrorKind::DisplayVersion
        | clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => Stop::Show(e),
        _ => Stop::Usage(errors::render(&e, lang)),
    };
    // Most command lines parse: they need no text, so the texts are applied only when clap has
    // something to say, by parsing again (the same arguments give the same error).
    let matches = match help::plain_command().try_get_matches_from_mut(args) {
        Ok(matches) => matches,
        // The version says the same in every language.
        Err(e) if e.kind() == clap::error::ErrorKind::DisplayVersion => return Err(Stop::Show(e)),
        Err(_) => {
            let lang = language_before_parsing(args, &env);
            help::command(lang)
                .try_get_matches_from_mut(args)
                .map_err(|e| stop(e, lang))?
        }
    };
    let cli = Cli::from_arg_matches(&matches).map_err(|e| {
        let lang = language_before_parsing(args, &env);
        stop(e.format(&mut help::command(lang)), lang)
    })?;
    let lang = cli.lang.unwrap_or_else(|| Lang::from_locale(&env));
    Ok((cli, lang))
}
