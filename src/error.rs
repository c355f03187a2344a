//! The errors a user can meet, each saying what went wrong, where, and how to fix it, in the
//! interface language.

use std::path::PathBuf;

use crate::domain::CodeError;
use crate::i18n::Lang;
use crate::sample::SampleError;
use crate::storage::StorageError;

/// Any failure of a command. Nothing was written when a command returns one of these.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The database refused or failed.
    #[error(transparent)]
    Storage(#[from] StorageError),
    /// A bundled sample is broken (a build defect).
    #[error(transparent)]
    Sample(#[from] SampleError),
    /// A code typed by the user is malformed.
    #[error(transparent)]
    Code(#[from] CodeError),
    /// `--sample` names no bundled sample.
    #[error("unknown sample `{name}`; bundled samples: {}", known.join(", "))]
    UnknownSample {
        /// What was typed.
        name: String,
        /// What exists.
        known: Vec<&'static str>,
    },
    /// The circonscription is not in this database's reference data.
    #[error(
        "circonscription {code} is not in this database; known: {}",
        list(known)
    )]
    UnknownCirconscription {
        /// What was typed.
        code: String,
        /// Known codes.
        known: Vec<String>,
    },
    /// No candidate with this panel number in the circonscription.
    #[error(
        "no candidate n° {panel} in circonscription {circ}; valid panel numbers: {}",
        list(known)
    )]
    UnknownCandidate {
        /// Where.
        circ: String,
        /// What was typed.
        panel: String,
        /// Valid numbers.
        known: Vec<String>,
    },
    /// The bureau is not in this database, or not in that circonscription.
    #[error(
        "bureau {code} is not a bureau of circonscription {circ}; its bureaux: {}",
        list(known)
    )]
    UnknownBureau {
        /// What was typed.
        code: String,
        /// Where it was looked for.
        circ: String,
        /// The circonscription's bureaux.
        known: Vec<String>,
    },
    /// `--item bureau` without a bureau.
    #[error(
        "--item bureau needs a bureau: add --bureau CODE (bureaux of {circ}: {})",
        list(known)
    )]
    BureauRequired {
        /// Where.
        circ: String,
        /// The circonscription's bureaux.
        known: Vec<String>,
    },
    /// A text argument is unusable.
    #[error("{field}: {why}")]
    BadText {
        /// Which argument.
        field: &'static str,
        /// Why.
        why: &'static str,
    },
    /// `--election` is not KIND-YEAR.
    #[error(
        "`{0}` is not an election: expected KIND-YEAR, KIND one of legislatives, presidentielle, europeennes, municipales, regionales, departementales (e.g. legislatives-2024)"
    )]
    BadElection(String),
    /// A bureau whose circonscription is not known yet.
    #[error(
        "bureau {0} has no known circonscription yet: import Etalab's bureau/circonscription table (constat import bureaux FILE)"
    )]
    BureauWithoutCirconscription(String),
    /// `export db -o` names the database itself.
    #[error("{0} is this database itself: choose another file to export to")]
    ExportOverDatabase(PathBuf),
    /// A strict merge stopped at a bad file and undid everything.
    #[error("merge stopped at the first bad file (--strict): {0} is exactly as it was")]
    MergeAborted(PathBuf),
    /// `constat verify` found something broken (the lines above say what).
    #[error("{0}: verification failed (see above)")]
    VerifyFailed(PathBuf),
    /// A file that cannot be read as a constat database.
    #[error("{0}: {1}")]
    Untrusted(PathBuf, crate::storage::Refusal),
    /// The evidence folder exists and holds files.
    #[error("{0} exists and is not empty: give a new folder for the evidence")]
    EvidenceFolderNotEmpty(PathBuf),
    /// The database has no circonscription yet.
    #[error(
        "this database has no circonscription yet: import the candidate list first (constat import candidates FILE)"
    )]
    EmptyReferential,
    /// An import file is wrong; nothing of it was imported.
    #[error("{0}; nothing was imported")]
    Import(crate::import::ImportError),
    /// A count makes no sense.
    #[error("--voters must be at least 1 (the voters registered at the address)")]
    NoVoters,
    /// `--envelope` on a ballot at the bureau.
    #[error(
        "--envelope is for what the mail brought (--item foi or courrier), not the bureau's table"
    )]
    EnvelopeOnBureau,
    /// `--envelope N` past the household's envelopes.
    #[error(
        "there is no envelope {number} yet: the household has {limit} so far; record the number of envelopes received first (constat envelope --received N), then tick envelope {number}"
    )]
    EnvelopeBeyondCount {
        /// The number asked for.
        number: u16,
        /// The last envelope that may be ticked.
        limit: u16,
    },
    /// The interface needs a terminal.
    #[error(
        "the interface needs an interactive terminal ({0}); for scripts, use the tick, envelope, non-receipt and report commands"
    )]
    NoTerminal(std::io::Error),
    /// The terminal failed while the interface ran.
    #[error("terminal error: {0}")]
    Terminal(std::io::Error),
    /// Reading or writing a file failed.
    #[error("{path}: {context}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What constat was doing.
        context: &'static str,
        /// The system's error.
        source: std::io::Error,
    },
    /// No data directory could be found for the default database.
    #[error("no data directory on this system: pass --db FILE or set CONSTAT_DB")]
    NoDataDir,
}

/// At most 30 items, then how many more.
pub(crate) fn list(items: &[String]) -> String {
    const MAX: usize = 30;
    let mut s = items
        .iter()
        .take(MAX)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if items.len() > MAX {
        s.push_str(&format!(", … (+{})", items.len() - MAX));
    }
    if s.is_empty() {
        s.push('—');
    }
    s
}

impl Error {
    /// The message in `lang`, from the catalogue (`crate::i18n`). English is the `Display` text.
    pub fn message(&self, lang: Lang) -> String {
        (lang.catalog().error)(self)
    }
}

/// Text problems, as raised by [`check_text`] (translated in the catalogue).
pub(crate) const EMPTY: &str = "must not be empty";
pub(crate) const TOO_LONG: &str = "is too long (at most 1000 characters)";
pub(crate) const CONTROL: &str = "must not contain control characters";

/// Checks a free-text argument: not empty (unless `allow_empty`), at most 1000 characters, no
/// control characters except newlines and tabs in notes.
pub fn check_text(field: &'static str, text: &str) -> Result<String, Error> {
    let text = text.trim();
    let why = if text.is_empty() {
        Some(EMPTY)
    } else if text.chars().count() > 1000 {
        Some(TOO_LONG)
    } else if text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        Some(CONTROL)
    } else {
        None
    };
    match why {
        Some(why) => Err(Error::BadText { field, why }),
        None => Ok(text.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lists_are_cut_with_a_count() {
        let known: Vec<String> = (1..=40).map(|n| n.to_string()).collect();
        let s = list(&known);
        assert!(s.ends_with("30, … (+10)"), "{s}");
    }

    #[test]
    fn text_arguments_are_checked() {
        assert_eq!(check_text("--note", "  ok  ").unwrap(), "ok");
        assert!(check_text("--note", " ").is_err());
        assert!(check_text("--note", "a\u{0}b").is_err());
        assert!(check_text("--note", &"x".repeat(1001)).is_err());
        let fr = check_text("--voter", "").unwrap_err().message(Lang::Fr);
        assert_eq!(fr, "--voter : ne doit pas être vide");
    }
}
