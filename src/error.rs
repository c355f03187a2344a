//! The errors a user can meet, each saying what went wrong, where, and how to fix it, in the
//! interface language.

use std::path::PathBuf;

use crate::domain::CodeError;
use crate::i18n::{Lang, Localize, Message};
use crate::sample::SampleError;
use crate::storage::StorageError;
pub use crate::system::SystemProblem;

/// Any failure of a command. Nothing was written when a command returns one of these.
#[derive(Debug)]
pub enum Error {
    /// The database refused or failed.
    Storage(StorageError),
    /// A bundled sample is broken (a build defect).
    Sample(SampleError),
    /// A code typed by the user is malformed.
    Code(CodeError),
    /// `--sample` names no bundled sample.
    UnknownSample {
        /// What was typed.
        name: String,
        /// What exists.
        known: Vec<&'static str>,
    },
    /// The circonscription is not in this database's reference data.
    UnknownCirconscription {
        /// What was typed.
        code: String,
        /// Known codes.
        known: Vec<String>,
    },
    /// No candidate with this panel number in the circonscription.
    UnknownCandidate {
        /// Where.
        circ: String,
        /// What was typed.
        panel: String,
        /// Valid numbers.
        known: Vec<String>,
    },
    /// The bureau is not in this database, or not in that circonscription.
    UnknownBureau {
        /// What was typed.
        code: String,
        /// Where it was looked for.
        circ: String,
        /// The circonscription's bureaux.
        known: Vec<String>,
    },
    /// `--item bureau` without a bureau.
    BureauRequired {
        /// Where.
        circ: String,
        /// The circonscription's bureaux.
        known: Vec<String>,
    },
    /// A text argument is unusable.
    BadText {
        /// Which argument.
        field: &'static str,
        /// Why.
        why: TextProblem,
    },
    /// `--election` is not KIND-YEAR.
    BadElection(String),
    /// A bureau whose circonscription is not known yet.
    BureauWithoutCirconscription(String),
    /// `export db -o` names the database itself.
    ExportOverDatabase(PathBuf),
    /// A strict merge stopped at a bad file and undid everything.
    MergeAborted(PathBuf),
    /// The merge's target failed (full disk, read-only, locked): the merge stopped at once.
    MergeTargetFailed {
        /// The target.
        target: PathBuf,
        /// The file being merged when it failed (nothing of it was written).
        file: PathBuf,
        /// What failed.
        why: crate::storage::MergeRejection,
        /// Files merged before, which stay merged (none with `strict`).
        merged: usize,
        /// Files not read.
        left: usize,
        /// A strict merge: everything was undone.
        strict: bool,
    },
    /// `constat verify` found something broken (the lines above say what).
    VerifyFailed(PathBuf),
    /// A file that cannot be read as a constat database.
    Untrusted(PathBuf, crate::storage::Refusal),
    /// The evidence folder exists and holds files.
    EvidenceFolderNotEmpty(PathBuf),
    /// The folder an evidence folder goes into does not exist (a USB stick not plugged in).
    ExportFolderMissing(PathBuf),
    /// The database has no circonscription yet.
    EmptyReferential,
    /// An import file is wrong; nothing of it was imported.
    Import(crate::import::ImportError),
    /// A round the election kind does not have (the européennes have one).
    NoSuchRound {
        /// The kind.
        kind: crate::domain::ElectionKind,
        /// The round asked for.
        round: u8,
    },
    /// A proclamation of the results dated before the vote.
    ProclamationBeforeVote {
        /// The day given as the proclamation.
        proclamation: chrono::NaiveDate,
        /// The day of the vote.
        vote: chrono::NaiveDate,
    },
    /// A bureau that is not in this database at all.
    NoSuchBureau(String),
    /// `--seen-at` gives a time alone, but the election day is not known.
    SeenAtWithoutDay,
    /// `--seen-at` names a local time that does not exist (the spring clock change's hour).
    SeenAtNonexistent(String),
    /// `--seen-at` is later than now.
    SeenAtInFuture(String),
    /// `constat pv --appeal` for a kind whose deadline counts from the proclamation, without it.
    ProclamationNeeded {
        /// The kind.
        kind: crate::domain::ElectionKind,
    },
    /// `constat pv` for a bureau the signer did not observe (a coordinator's merged file).
    PvNotObserved {
        /// The bureau.
        bureau: String,
        /// The signer.
        observer: String,
        /// The observers who did observe it.
        observers: Vec<String>,
    },
    /// `constat pv --as NAME` with no such observer in the database.
    UnknownObserver {
        /// What was typed.
        name: String,
        /// The database's observers.
        known: Vec<String>,
    },
    /// A qualité that is none of `electeur`, `candidat`, `delegue:NAME`.
    BadQualite(String),
    /// A count makes no sense.
    NoVoters,
    /// `--received-on` with `--received 0`.
    ArrivalWithoutEnvelope,
    /// A profession de foi or courrier ticked while the household's record says 0 envelopes
    /// received (issue 16, point 3).
    NoEnvelopeReceived,
    /// `--voters` past any household (issue 16, point 4).
    TooManyVoters {
        /// The most accepted.
        max: u32,
    },
    /// `--received` past any household's envelopes.
    TooManyEnvelopes {
        /// The most accepted.
        max: u32,
    },
    /// More envelopes received than voters, without `--confirm-more`.
    MoreEnvelopesThanVoters {
        /// Voters at the address.
        voters: u32,
        /// Envelopes received.
        received: u32,
    },
    /// `--envelope` on a ballot at the bureau.
    EnvelopeOnBureau,
    /// `--envelope N` past the household's envelopes.
    EnvelopeBeyondCount {
        /// The number asked for.
        number: u16,
        /// The last envelope that may be ticked.
        limit: u16,
    },
    /// The interface needs a terminal.
    NoTerminal(std::io::Error),
    /// The terminal failed while the interface ran.
    Terminal(std::io::Error),
    /// Reading or writing a file failed.
    Io {
        /// The file.
        path: PathBuf,
        /// What constat was doing.
        context: IoContext,
        /// The system's error.
        source: std::io::Error,
    },
    /// No data directory could be found for the default database.
    NoDataDir,
    // Signed evidence folders (issue 15 points 4, 5).
    /// The database holds no signing key (a copy made by `export db`, a file on a read-only
    /// medium): it cannot sign an evidence folder.
    EvidenceWithoutKey(PathBuf),
    /// A chain reference typed for `verify --pv` that is not `POSITION / HASH / FINGERPRINT`.
    PvReferenceMalformed(String),
    /// `merge --watch` names something that is not a folder.
    WatchNotAFolder(PathBuf),
    /// `merge --watch` could not ask to be told of Ctrl-C and SIGTERM.
    WatchSignals(SystemProblem),
    /// An output path that would destroy evidence (issue 15 point 7); nothing was written.
    Output(crate::app::output::OutputRefusal),
    /// A key fingerprint typed (`roster add`, `merge --accept-key`) that is not one.
    BadFingerprint {
        /// Where it was typed (`FINGERPRINT`, `--accept-key`).
        field: &'static str,
        /// What was typed.
        typed: String,
    },
    /// A line of a roster file is wrong; nothing of the file was enrolled.
    RosterLine {
        /// The file.
        path: PathBuf,
        /// Its line (from 1).
        line: usize,
        /// The field: `name` or `fingerprint`.
        field: &'static str,
        /// What is wrong.
        why: RosterProblem,
    },
    // --- coordination (issue 18) ---
    /// `init --election … --bureau`: the new database has no bureau yet.
    BureauBeforeImport(String),
    /// `init --reference … --bureau`: the reference file has no such bureau.
    BureauNotInReference {
        /// What was typed.
        code: String,
        /// The bureaux of the same commune (else every bureau).
        known: Vec<String>,
    },
    /// `pv --all -o DIR`: the folder exists and holds files.
    PvFolderNotEmpty(PathBuf),
    // --- photos (issue 19) ---
    /// A file given as a photo is refused: nothing was recorded.
    PhotoRefused {
        /// The file.
        path: PathBuf,
        /// Why.
        why: crate::app::photos::PhotoRefusal,
    },
    /// `photo --non-receipt ID`: no non-receipt of this observer has this id.
    NoSuchNonReceipt(String),
    /// `photo --item`: needs `--candidate`, and the other way round.
    PhotoCellNeedsBoth,
}

/// What is wrong with a line of a roster file (`constat roster import`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RosterProblem {
    /// Not two fields `name,fingerprint`.
    FieldCount(usize),
    /// The name is empty, too long or holds a control character.
    Name(TextProblem),
    /// The value is not a key fingerprint.
    Fingerprint(String),
    /// The same fingerprint was given on an earlier line under another name.
    Duplicate {
        /// The earlier line.
        line: usize,
        /// The name given there.
        name: String,
    },
    /// The line cannot be read as CSV (SQLite-free text from the csv reader).
    Unreadable(String),
}

impl Localize for RosterProblem {
    fn message(&self) -> Message<'_> {
        match self {
            Self::FieldCount(n) => Message::new("error-roster-field-count").arg("count", *n),
            Self::Name(why) => Message::new("error-roster-name").arg("why", why),
            Self::Fingerprint(v) => Message::new("error-roster-fingerprint")
                .arg("value", crate::domain::outside::escape(v).into_owned()),
            Self::Duplicate { line, name } => Message::new("error-roster-duplicate")
                .arg("line", *line)
                .arg("name", crate::domain::outside::escape(name).into_owned()),
            Self::Unreadable(detail) => {
                Message::new("error-roster-unreadable").arg("detail", detail.as_str())
            }
        }
    }
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

impl From<StorageError> for Error {
    fn from(e: StorageError) -> Self {
        Self::Storage(e)
    }
}

impl From<SampleError> for Error {
    fn from(e: SampleError) -> Self {
        Self::Sample(e)
    }
}

impl From<CodeError> for Error {
    fn from(e: CodeError) -> Self {
        Self::Code(e)
    }
}

impl Error {
    /// The message in `lang`, from the catalogue (`crate::i18n`).
    pub fn message(&self, lang: Lang) -> String {
        self.text(lang)
    }
}

impl Localize for Error {
    fn message(&self) -> Message<'_> {
        let path = |p: &std::path::Path| {
            crate::domain::outside::escape(&p.display().to_string()).into_owned()
        };
        match self {
            Self::Storage(e) => e.message(),
            Self::Sample(e) => Message::new("error-sample").arg("detail", e.to_string()),
            Self::Code(e) => e.message(),
            Self::UnknownSample { name, known } => Message::new("error-unknown-sample")
                .arg("name", crate::i18n::cut(name))
                .arg("known", known.join(", ")),
            Self::UnknownCirconscription { code, known } => {
                Message::new("error-unknown-circonscription")
                    .arg("code", crate::i18n::cut(code))
                    .arg("known", list(known))
            }
            Self::UnknownCandidate { circ, panel, known } => {
                Message::new("error-unknown-candidate")
                    .arg("circ", circ)
                    .arg("panel", crate::i18n::cut(panel))
                    .arg("known", list(known))
            }
            Self::UnknownBureau { code, circ, known } => Message::new("error-unknown-bureau")
                .arg("code", crate::i18n::cut(code))
                .arg("circ", circ)
                .arg("known", list(known)),
            Self::BureauRequired { circ, known } => Message::new("error-bureau-required")
                .arg("circ", circ)
                .arg("known", list(known)),
            Self::BadText { field, why } => Message::new("error-bad-text")
                .arg("field", *field)
                .arg("why", why),
            Self::BadElection(e) => {
                Message::new("error-bad-election").arg("election", crate::i18n::cut(e))
            }
            Self::BureauWithoutCirconscription(b) => {
                Message::new("error-bureau-without-circonscription").arg("bureau", b)
            }
            Self::ExportOverDatabase(p) => {
                Message::new("error-export-over-database").arg("path", path(p))
            }
            Self::MergeAborted(p) => Message::new("error-merge-aborted").arg("path", path(p)),
            Self::WatchNotAFolder(p) => {
                Message::new("error-watch-not-a-folder").arg("path", path(p))
            }
            Self::WatchSignals(why) => Message::new("error-watch-signals").arg("why", why),
            Self::MergeTargetFailed {
                target,
                file,
                why,
                merged,
                left,
                strict,
            } => if *strict {
                Message::new("error-merge-target-failed-strict")
            } else {
                Message::new("error-merge-target-failed")
            }
            .arg("target", path(target))
            .arg("file", path(file))
            .arg("why", why)
            .arg("merged", *merged)
            .arg("left", *left),
            Self::VerifyFailed(p) => Message::new("error-verify-failed").arg("path", path(p)),
            Self::Untrusted(p, why) => Message::new("error-untrusted")
                .arg("path", path(p))
                .arg("why", why),
            Self::EvidenceFolderNotEmpty(p) => {
                Message::new("error-evidence-folder-not-empty").arg("path", path(p))
            }
            Self::ExportFolderMissing(p) => {
                Message::new("error-export-folder-missing").arg("path", path(p))
            }
            Self::EmptyReferential => Message::new("error-empty-referential"),
            Self::Import(e) => Message::new("error-import").arg("error", e),
            Self::NoVoters => Message::new("error-no-voters"),
            Self::SeenAtWithoutDay => Message::new("error-seen-at-without-day"),
            Self::NoSuchBureau(code) => {
                Message::new("error-no-such-bureau").arg("code", crate::i18n::cut(code))
            }
            Self::SeenAtNonexistent(at) => {
                Message::new("error-seen-at-nonexistent").arg("at", at.as_str())
            }
            Self::SeenAtInFuture(at) => Message::new("error-seen-at-future").arg("at", at.as_str()),
            Self::ProclamationNeeded { kind } => {
                Message::new("error-proclamation-needed").arg("kind", kind)
            }
            Self::PvNotObserved {
                bureau,
                observer,
                observers,
            } => Message::new("error-pv-not-observed")
                .arg("bureau", bureau)
                .arg("observer", observer)
                .arg("observers", list(observers)),
            Self::UnknownObserver { name, known } => Message::new("error-unknown-observer")
                .arg("name", crate::i18n::cut(name))
                .arg("known", list(known)),
            Self::BadQualite(q) => {
                Message::new("error-bad-qualite").arg("qualite", crate::i18n::cut(q))
            }
            Self::NoSuchRound { kind, round } => Message::new("error-no-such-round")
                .arg("kind", kind)
                .arg("round", *round)
                .arg("rounds", kind.rounds()),
            Self::ProclamationBeforeVote { proclamation, vote } => {
                Message::new("error-proclamation-before-vote")
                    .arg("proclamation", proclamation.to_string())
                    .arg("vote", vote.to_string())
            }
            Self::ArrivalWithoutEnvelope => Message::new("error-arrival-without-envelope"),
            Self::NoEnvelopeReceived => Message::new("error-no-envelope-received"),
            Self::TooManyVoters { max } => Message::new("error-too-many-voters").arg("max", *max),
            Self::TooManyEnvelopes { max } => {
                Message::new("error-too-many-envelopes").arg("max", *max)
            }
            Self::MoreEnvelopesThanVoters { voters, received } => {
                Message::new("error-more-envelopes-than-voters")
                    .arg("voters", *voters)
                    .arg("count", *received)
            }
            Self::EnvelopeOnBureau => Message::new("error-envelope-on-bureau"),
            Self::EnvelopeBeyondCount { number, limit } => {
                Message::new("error-envelope-beyond-count")
                    .arg("number", *number)
                    .arg("limit", *limit)
            }
            Self::NoTerminal(e) => Message::new("error-no-terminal").arg("detail", e.to_string()),
            Self::Terminal(e) => Message::new("error-terminal").arg("detail", e.to_string()),
            Self::Io {
                path: p,
                context,
                source,
            } => Message::new("error-io")
                .arg("path", path(p))
                .arg("doing", context)
                .arg("detail", source.to_string()),
            Self::NoDataDir => Message::new("error-no-data-dir"),
            Self::EvidenceWithoutKey(p) => {
                Message::new("error-evidence-without-key").arg("path", path(p))
            }
            Self::PvReferenceMalformed(typed) => Message::new("error-pv-reference-malformed")
                .arg("typed", crate::domain::outside::escape(typed).into_owned()),
            Self::Output(why) => why.message(),
            Self::BadFingerprint { field, typed } => Message::new("error-bad-fingerprint")
                .arg("field", *field)
                .arg("typed", crate::domain::outside::escape(typed).into_owned()),
            Self::RosterLine {
                path: p,
                line,
                field,
                why,
            } => Message::new("error-roster-line")
                .arg("path", path(p))
                .arg("line", *line)
                .arg("field", *field)
                .arg("why", why),
            Self::BureauBeforeImport(code) => {
                Message::new("error-bureau-before-import").arg("code", crate::i18n::cut(code))
            }
            Self::PvFolderNotEmpty(p) => {
                Message::new("error-pv-folder-not-empty").arg("path", path(p))
            }
            Self::PhotoRefused { path: p, why } => Message::new("error-photo-refused")
                .arg("path", path(p))
                .arg("why", why),
            Self::NoSuchNonReceipt(id) => {
                Message::new("error-photo-no-such-non-receipt").arg("id", crate::i18n::cut(id))
            }
            Self::PhotoCellNeedsBoth => Message::new("error-photo-cell-needs-both"),
            Self::BureauNotInReference { code, known } => {
                Message::new("error-bureau-not-in-reference")
                    .arg("code", crate::i18n::cut(code))
                    .arg("known", list(known))
            }
        }
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Storage(e) => Some(e),
            Self::Code(e) => Some(e),
            Self::NoTerminal(e) | Self::Terminal(e) | Self::Io { source: e, .. } => Some(e),
            _ => None,
        }
    }
}

/// Why a free-text argument is refused (see [`check_text`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextProblem {
    /// Nothing but blanks.
    Empty,
    /// More than 1000 characters.
    TooLong,
    /// Control characters other than newlines and tabs.
    Control,
}

impl Localize for TextProblem {
    fn message(&self) -> Message<'_> {
        match self {
            Self::Empty => Message::new("error-text-empty"),
            Self::TooLong => Message::new("error-text-too-long"),
            Self::Control => Message::new("error-text-control"),
        }
    }
}

/// What constat was doing with a file when the system failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IoContext {
    /// Reading a file or folder given on the command line.
    ReadingInput,
    /// Writing a report, a procès-verbal or an export.
    WritingReport,
    /// Creating the database's folder.
    CreatingFolder,
}

impl Localize for IoContext {
    fn message(&self) -> Message<'_> {
        match self {
            Self::ReadingInput => Message::new("error-io-reading-input"),
            Self::WritingReport => Message::new("error-io-writing-report"),
            Self::CreatingFolder => Message::new("error-io-creating-folder"),
        }
    }
}

/// Checks a free-text argument: not empty (unless `allow_empty`), at most 1000 characters, no
/// control characters except newlines and tabs in notes.
pub fn check_text(field: &'static str, text: &str) -> Result<String, Error> {
    let text = text.trim();
    let why = if text.is_empty() {
        Some(TextProblem::Empty)
    } else if text.chars().count() > 1000 {
        Some(TextProblem::TooLong)
    } else if text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        Some(TextProblem::Control)
    } else {
        None
    };
    match why {
        Some(why) => Err(Error::BadText { field, why }),
        None => Ok(text.to_owned()),
    }
}

#[cfg(test)]
mod every_reason;

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
