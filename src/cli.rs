//! The command line, declared with clap. Doc comments here are the `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::domain::{Item, Mark};
use crate::i18n::Lang;
use crate::report::Format;

const ABOUT: &str = "constat: record what election material reached voters and bureaux de vote, \
and turn it into evidence.";

const LONG_ABOUT: &str = "constat: record, per candidate, whether the envelope mailed by the \
commission de propagande held the profession de foi and the ballot, and whether the bureau de vote \
had the ballot on its table. Every tick is saved at once in a SQLite file, as an append-only event.\n\n\
Start with `constat demo`: it opens the bundled sample (législatives 2017, Paris 1st \
circonscription) in a temporary database.";

const EXAMPLES: &str = "\
Examples:
  constat                                        open the interface (first run: creates the database)
  constat demo                                   try the interface on the bundled sample
  constat --db obs.db init --sample paris-1-2017 --observer 'Marie Curie'
  constat --db nat.db init --election legislatives-2024 --round 1 --observer 'Coordination'
  constat --db nat.db import candidates lg2024-resultats-circonscriptions-une-ligne-par-candidat2.csv
  constat --db nat.db import bureaux table-bv-reu.csv
  constat --db obs.db ui                         open the interface on your database
  constat --db obs.db tick --circonscription 7501 --bureau 75056_0911 --candidate 3 --item bureau --value present
  constat --db obs.db envelope --circonscription 7501 --voters 4 --received 1
  constat --db obs.db non-receipt --circonscription 7501 --bureau 75056_0911 --voter 'Jean Dupont'
  constat --db obs.db report --format csv -o record.csv
  constat --db obs.db export db -o to-send.db
  constat merge --into national.db inbox/
  constat --db national.db report --conflicts

Database: --db FILE, else $CONSTAT_DB, else constat.db in the platform data directory.
Language: --lang fr|en, else $CONSTAT_LANG, else LC_ALL / LC_MESSAGES / LANG (en* gives English),
else French.
Exit status: 0 success; 1 error (nothing was written); 2 bad command line.";

/// The `constat` command line.
#[derive(Debug, Parser)]
#[command(name = "constat", version, about = ABOUT, long_about = LONG_ABOUT, after_help = EXAMPLES)]
pub struct Cli {
    /// Database file [default: $CONSTAT_DB, else the platform data directory]
    #[arg(long, global = true, value_name = "FILE")]
    pub db: Option<PathBuf>,

    /// Language of the interface and reports [default: from CONSTAT_LANG or LANG, else fr]
    #[arg(long, global = true, value_enum, value_name = "LANG")]
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
    #[command(
        after_help = "The database is kept; its path is printed when you quit. \
        With --db FILE the demo uses FILE (created if missing, reopened otherwise)."
    )]
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
    #[command(
        after_help = "Example: constat tick --circonscription 7501 --bureau 75056_0911 \
        --candidate 1 --item foi --value absent\n\nItems: foi = profession de foi in the envelope, \
        courrier = ballot in the envelope, bureau = ballot on the bureau's table (needs a bureau: \
        --bureau, or the database's current bureau)."
    )]
    Tick(TickArgs),
    /// Record a household's envelopes: voters registered at the address vs envelopes received
    Envelope(EnvelopeArgs),
    /// Record a non-receipt: a voter of a bureau who received no envelope at all
    NonReceipt(NonReceiptArgs),
    /// Import official data: a candidate list (or results file), or a table of bureaux
    #[command(subcommand)]
    Import(ImportCommand),
    /// Merge observers' databases and events CSV files into one database
    #[command(
        after_help = "Directories are searched recursively. Each file is checked (read-only, \
        defensive SQLite settings, integrity, schema, every value) and merged in one transaction: a bad \
        file contributes nothing and is listed with the reason. Merging the same file twice adds \
        nothing. Example: constat merge --into national.db reports/ late/marie.db"
    )]
    Merge(MergeArgs),
    /// Export this database: a self-contained copy to send, its events as CSV, or an evidence folder
    #[command(subcommand)]
    Export(ExportCommand),
    /// Print the réclamation to copy into the bureau's procès-verbal (with --appeal, followed by
    /// the Conseil constitutionnel deadline and a draft of the facts for the requête)
    Pv(PvArgs),
    /// Re-check every hash chain, signature and manifest of a database or an evidence folder
    Verify {
        /// A constat database, or a folder written by `constat export evidence`
        path: PathBuf,
    },
    /// Print the record and its findings
    #[command(
        after_help = "CSV columns (a stable contract, see docs/formats.md):\n  \
        circonscription,panel,candidate,nuance,profession_de_foi,bulletin_courrier,bulletin_bureau"
    )]
    Report(ReportArgs),
}

/// `constat demo`.
#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Start with the 2017 reference record already entered
    #[arg(long)]
    pub record: bool,
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
    /// Observer databases, events CSV files, or folders holding them
    #[arg(required = true, value_name = "FILE_OR_DIR")]
    pub inputs: Vec<PathBuf>,
}

/// `constat export`.
#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// A single self-contained database file, safe to send (made with VACUUM INTO, synced, renamed)
    Db {
        /// Where to write it
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: PathBuf,
    },
    /// Every event as CSV (columns in docs/formats.md); `constat merge` accepts it
    Csv {
        /// Where to write it
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: PathBuf,
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
}

/// `constat pv`.
#[derive(Debug, Args)]
pub struct PvArgs {
    /// The bureau whose procès-verbal receives the réclamation (75056_0911)
    #[arg(long, value_name = "CODE")]
    pub bureau: String,
    /// Add the appeal deadline and a draft of the facts for a requête to the Conseil constitutionnel
    #[arg(long, requires = "proclamation")]
    pub appeal: bool,
    /// Day the results were proclaimed (YYYY-MM-DD): the appeal deadline is 18:00 on the 10th day after
    #[arg(long, value_name = "DATE")]
    pub proclamation: Option<chrono::NaiveDate>,
}

/// `constat import`.
#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Candidates from the ministry's candidate list or results file (2017 xlsx, 2022, 2024 …)
    #[command(
        after_help = "Separator and encoding (UTF-8, Latin-1/Windows-1252, CP850) are detected. \
        The whole file is imported in one transaction, or nothing is. Re-importing shows what changed \
        (renamed, withdrawn candidates); importing the same file again changes nothing."
    )]
    Candidates {
        /// The file (.csv, .txt or .xlsx)
        file: PathBuf,
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
#[command(group = clap::ArgGroup::new("source").args(["sample", "election"]))]
pub struct InitArgs {
    /// Bundled sample to start from [default: paris-1-2017 when --election is not given]
    #[arg(long, value_name = "NAME")]
    pub sample: Option<String>,
    /// An election to fill with `constat import`: KIND-YEAR, KIND one of legislatives,
    /// presidentielle, europeennes, municipales, regionales, departementales
    #[arg(long, value_name = "KIND-YEAR")]
    pub election: Option<String>,
    /// The round, with --election
    #[arg(long, value_name = "1|2", default_value = "1", value_parser = clap::value_parser!(u8).range(1..=2))]
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
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=999))]
    pub envelope: Option<u16>,
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
    #[arg(long, value_name = "N")]
    pub voters: u32,
    /// Envelopes received at the address
    #[arg(long, value_name = "N")]
    pub received: u32,
    /// Day the envelopes arrived (YYYY-MM-DD or DD/MM/YYYY)
    #[arg(long, value_name = "DATE", value_parser = arrival_day)]
    pub received_on: Option<chrono::NaiveDate>,
    /// Free text kept with the record
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
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
}

/// `--received-on`: a day as [`crate::domain::event::parse_day`] reads it.
fn arrival_day(text: &str) -> Result<chrono::NaiveDate, String> {
    match crate::domain::event::parse_day(text) {
        Ok(Some(day)) => Ok(day),
        _ => Err(format!(
            "`{text}` is not a day between 2000 and 2099: write YYYY-MM-DD or DD/MM/YYYY (e.g. 2024-06-06)"
        )),
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        super::Cli::command().debug_assert();
    }
}
