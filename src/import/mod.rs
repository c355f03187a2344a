//! Importers of official data files (ministry candidate lists and results, INSEE and Etalab bureau
//! tables), read as published: encoding, separator and header names are detected, never asked.
//!
//! Importers stream: each row is validated and handed to a `sink` as soon as it is read, so memory
//! does not grow with the file. They never touch the database: the caller's sink does, inside one
//! transaction, so a file with an error imports nothing.
//!
//! How a file is read:
//! 1. `sniff`: its size is checked (at most [`MAX_TEXT_FILE_BYTES`] for text,
//!    [`MAX_WORKBOOK_BYTES`] for a workbook, an empty file is refused) and its first 64 KiB are
//!    looked at: a zip archive is a workbook; images, PDF, old `.xls`, UTF-16 and NUL bytes are
//!    refused as "not a text file"; otherwise the encoding (`decode`: UTF-8 with or without BOM,
//!    Windows-1252/Latin-1, CP850) and the separator (`;`, tab, `,`) are detected.
//! 2. `table`: rows are split on the raw bytes with the `csv` crate into one reused record and
//!    decoded field by field; a line over [`MAX_LINE_BYTES`] is refused. Workbooks are read by
//!    `results_2017_xlsx` with `calamine`, which loads the sheet whole (bounded by the size limit).
//! 3. The header is matched against the known names of each field ([`aliases`]), then every row is
//!    validated and handed over: `candidates` (one line per candidate, or one block of columns per
//!    candidate: `results_wide`) or `bureaux`. Codes are normalised by `departement`.
//!
//! Memory: one row at a time, plus the keys already seen (circonscription and panel, or bureau
//! code) to refuse duplicates, which grows with the number of rows, not their size.

pub mod aliases;
mod bureaux;
mod candidates;
mod decode;
mod departement;
mod error;
mod machines;
mod results_2017_xlsx;
mod results_wide;
mod sniff;
mod table;
mod unpacked;

#[cfg(test)]
mod tests;

pub use error::{Binary, Column, Expected, Field, Found, ImportError, ImportText, Listing};
pub use machines::{MachinesRow, read_machines};
pub(crate) use sniff::is_events_table;

use std::path::Path;

/// Largest text file read: 1 GiB. The largest official tables are tens of MiB (INSEE's bureau
/// table, the 2017 results by bureau at 42 MB); a bigger file is refused from its size alone,
/// before any byte is read.
pub const MAX_TEXT_FILE_BYTES: u64 = 1 << 30;

/// Largest workbook read: 64 MiB. `calamine` loads a sheet whole (the 2017 workbook is 1.5 MB).
pub const MAX_WORKBOOK_BYTES: u64 = 64 << 20;

/// Longest line read: 1 MiB (the widest official line, 2017 results with 27 candidates, is
/// under 2 KB).
pub const MAX_LINE_BYTES: usize = 1 << 20;

use crate::domain::{BureauCode, Candidate, Circonscription, CirconscriptionCode};
use crate::i18n::{Localize, Message};

/// One candidate read from a file, with its circonscription.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CandidateRow {
    /// The line (or spreadsheet row) it came from, from 1, header included.
    pub line: u64,
    /// Its circonscription, with the label the file gives (or a generated one).
    pub circonscription: Circonscription,
    /// The candidate.
    pub candidate: Candidate,
}

/// One bureau read from a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BureauRow {
    /// The line it came from, from 1, header included.
    pub line: u64,
    /// `75056_0911`.
    pub code: BureauCode,
    /// A short name.
    pub label: String,
    /// Street address, possibly empty.
    pub address: String,
    /// Commune name, possibly empty.
    pub commune: String,
    /// The circonscription, when the file says it (INSEE's REU table does not).
    pub circonscription: Option<CirconscriptionCode>,
    /// Whether it votes on machines, when the file has such a column (reference data: it counts
    /// for a bureau no observer made a statement about).
    pub voting_machines: Option<bool>,
}

/// What kind of official file an importer recognised, from its header (or workbook).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileFormat {
    /// The ministry's 2017 législatives results by circonscription, as a workbook.
    Results2017Xlsx,
    /// A candidate list in a workbook.
    ListXlsx,
    /// Results by circonscription with a block of columns per candidate.
    ResultBlocks,
    /// The 2022 législatives results by circonscription, a block of columns per candidate.
    ResultBlocks2022,
    /// The 2024 législatives results by circonscription, one line per candidate.
    ResultLines2024,
    /// A list of list heads.
    ListHeads,
    /// The 2024 législatives candidate list.
    List2024,
    /// The 2024 législatives candidate list of round 2.
    List2024Round2,
    /// The 2022 législatives candidate list.
    List2022,
    /// A list with the names of the ministry's XML feeds.
    ListXml,
    /// Another candidate list.
    List,
    /// INSEE's table of the bureaux of the electoral register (REU).
    BureauxReu,
    /// Etalab's table of bureaux and their circonscriptions.
    BureauxEtalab,
    /// The 2017 results by bureau, fixed columns.
    BureauxResults2017,
}

impl FileFormat {
    /// Every format, for reading the import log back.
    pub const ALL: [Self; 14] = [
        Self::Results2017Xlsx,
        Self::ListXlsx,
        Self::ResultBlocks,
        Self::ResultBlocks2022,
        Self::ResultLines2024,
        Self::ListHeads,
        Self::List2024,
        Self::List2024Round2,
        Self::List2022,
        Self::ListXml,
        Self::List,
        Self::BureauxReu,
        Self::BureauxEtalab,
        Self::BureauxResults2017,
    ];

    /// The format whose [`Self::code`] is `code`.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.code() == code)
    }

    /// The stable name kept in the database's import log.
    pub fn code(self) -> &'static str {
        match self {
            Self::Results2017Xlsx => "results-2017-xlsx",
            Self::ListXlsx => "list-xlsx",
            Self::ResultBlocks => "results-blocks",
            Self::ResultBlocks2022 => "results-blocks-2022",
            Self::ResultLines2024 => "results-lines-2024",
            Self::ListHeads => "list-heads",
            Self::List2024 => "list-2024",
            Self::List2024Round2 => "list-2024-round-2",
            Self::List2022 => "list-2022",
            Self::ListXml => "list-xml",
            Self::List => "list",
            Self::BureauxReu => "bureaux-reu",
            Self::BureauxEtalab => "bureaux-etalab",
            Self::BureauxResults2017 => "bureaux-results-2017",
        }
    }

    /// The législatives whose candidates the file lists, when its layout is that election's
    /// alone (the ministry changes its columns from one election to the next); `None` for the
    /// layouts several elections share.
    pub fn legislatives_year(self) -> Option<u16> {
        match self {
            Self::Results2017Xlsx => Some(2017),
            Self::ResultBlocks2022 | Self::List2022 => Some(2022),
            Self::ResultLines2024 | Self::List2024 | Self::List2024Round2 => Some(2024),
            _ => None,
        }
    }
}

impl Localize for FileFormat {
    fn message(&self) -> Message<'_> {
        Message::new(match self {
            Self::Results2017Xlsx => "import-format-results-2017-xlsx",
            Self::ListXlsx => "import-format-list-xlsx",
            Self::ResultBlocks => "import-format-results-blocks",
            Self::ResultBlocks2022 => "import-format-results-blocks-2022",
            Self::ResultLines2024 => "import-format-results-lines-2024",
            Self::ListHeads => "import-format-list-heads",
            Self::List2024 => "import-format-list-2024",
            Self::List2024Round2 => "import-format-list-2024-round-2",
            Self::List2022 => "import-format-list-2022",
            Self::ListXml => "import-format-list-xml",
            Self::List => "import-format-list",
            Self::BureauxReu => "import-format-bureaux-reu",
            Self::BureauxEtalab => "import-format-bureaux-etalab",
            Self::BureauxResults2017 => "import-format-bureaux-results-2017",
        })
    }
}

/// Checks that a candidate file recognised as `format` belongs to `election`: a list of another
/// election would map ticks by panel number to other candidates (n° 5 DE BAYSER became n° 5
/// BOULINIER). Only layouts that one législatives alone uses can be told apart; the others pass.
pub fn check_election(
    path: &Path,
    format: FileFormat,
    election: &crate::domain::Election,
) -> Result<(), ImportError> {
    let Some(year) = format.legislatives_year() else {
        return Ok(());
    };
    if election.kind == crate::domain::ElectionKind::Legislatives && election.year == year {
        return Ok(());
    }
    Err(ImportError::file(
        path,
        ImportText::FileOfElection {
            kind: election.kind,
            year: election.year,
        },
    )
    .value(ImportText::FileOfLegislatives { year, format })
    .hint(ImportText::ImportThisElectionsList))
}

/// How a candidate file says which round it is of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoundSign {
    /// Its name (`…-t2-…`, `…tour-2…`): the ministry names its files by round.
    Name(String),
    /// Its columns: a layout only one round's list has.
    Columns,
}

/// The round a candidate file is of, when it says so: by its layout (the 2024 round-2 list),
/// else by its name — a word `t1`/`t2`, `tour1`/`tour2`, or `tour` followed by `1`/`2`, as in
/// `resultats-2022-t1-cirlg.csv` or `…-candidatures-france-entiere-tour-2-….csv`. `None` when it
/// says nothing, or both.
pub fn round_of(path: &Path, format: FileFormat) -> Option<(u8, RoundSign)> {
    if format == FileFormat::List2024Round2 {
        return Some((2, RoundSign::Columns));
    }
    let name = path.file_name()?.to_string_lossy().to_lowercase();
    let words: Vec<&str> = name
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let mut rounds = std::collections::BTreeSet::new();
    for (i, word) in words.iter().enumerate() {
        let round = match *word {
            "t1" | "tour1" => Some(1),
            "t2" | "tour2" => Some(2),
            "tour" => match words.get(i + 1) {
                Some(&"1") => Some(1),
                Some(&"2") => Some(2),
                _ => None,
            },
            _ => None,
        };
        rounds.extend(round);
    }
    match (rounds.len(), rounds.first()) {
        (1, Some(&round)) => Some((round, RoundSign::Name(name.clone()))),
        _ => None,
    }
}

/// Refuses a candidate file that says it is of another round than the database's: the
/// candidates and their panel numbers differ from one round to the next, so ticks matched by
/// panel number would name other candidates.
pub fn check_round(
    path: &Path,
    format: FileFormat,
    election: &crate::domain::Election,
) -> Result<(), ImportError> {
    match round_of(path, format) {
        Some((round, sign)) if round != election.round => Err(ImportError::file(
            path,
            ImportText::FileOfRound {
                round: election.round,
            },
        )
        .value(ImportText::FileOfOtherRound { round, sign })
        .hint(ImportText::ImportThisRoundsList)),
        _ => Ok(()),
    }
}

/// What circonscriptions a candidate file covers: the présidentielle's single national one,
/// others, or both (see [`check_scope`]).
#[derive(Debug, Clone, Default)]
pub struct Scope {
    /// A candidate of the national circonscription was read.
    pub national: bool,
    /// The first other circonscription read, if any.
    pub other: Option<String>,
}

impl Scope {
    /// Notes the circonscription of one candidate read.
    pub fn note(&mut self, circ: &str) {
        if circ == crate::domain::law::NATIONAL_CIRCONSCRIPTION.0 {
            self.national = true;
        } else if self.other.is_none() {
            self.other = Some(circ.to_owned());
        }
    }
}

/// Refuses a candidate list of the wrong shape for the database's election: the présidentielle
/// has one national circonscription (its list has no other), every other election is by
/// circonscription (a national list would put every candidate in FR01, and ticks by panel
/// number on the wrong candidates).
pub fn check_scope(
    path: &Path,
    scope: &Scope,
    election: &crate::domain::Election,
) -> Result<(), ImportError> {
    let presidentielle = election.kind == crate::domain::ElectionKind::Presidentielle;
    let found = match (&scope.other, scope.national) {
        (Some(example), _) if presidentielle => ImportText::FileOfCirconscriptions {
            example: example.clone(),
        },
        (_, true) if !presidentielle => ImportText::FileOfNationalList,
        _ => return Ok(()),
    };
    Err(ImportError::file(
        path,
        ImportText::FileOfElection {
            kind: election.kind,
            year: election.year,
        },
    )
    .value(found)
    .hint(ImportText::ImportThisElectionsList))
}

/// What an importer recognised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileInfo {
    /// The kind of file.
    pub format: FileFormat,
    /// The encoding detected: "UTF-8", "UTF-8 (BOM)", "Windows-1252", "CP850", "xlsx".
    pub encoding: &'static str,
    /// The field separator detected, for text files.
    pub separator: Option<char>,
}

/// Reads every candidate of `path`, handing each to `sink` in file order.
///
/// Reads the ministry's candidate lists (2022, 2024), its results by circonscription (2017 xlsx,
/// 2022 with a block of columns per candidate, 2024 with one line per candidate), lists of list
/// heads and files with the same columns. An error of `sink` is returned unchanged.
pub fn read_candidates(
    path: &Path,
    sink: &mut dyn FnMut(CandidateRow) -> Result<(), ImportError>,
) -> Result<FileInfo, ImportError> {
    match sniff::open(path)? {
        sniff::Opened::Workbook => results_2017_xlsx::read(path, sink),
        sniff::Opened::Text(text) => {
            let file = sniff::reopen(path, text)?;
            let mut source = table::CsvSource::new(path, file, text.encoding, text.separator)?;
            let kind = candidates::read_table(&mut source, path, sink)?;
            Ok(FileInfo {
                format: kind.format(false),
                encoding: text.encoding.name(),
                separator: Some(char::from(text.separator)),
            })
        }
    }
}

/// Reads every bureau of `path`, handing each to `sink` in file order.
///
/// Reads INSEE's REU table, Etalab's bureau ↔ circonscription table and the fixed columns of the
/// 2017 results by bureau. An error of `sink` is returned unchanged.
pub fn read_bureaux(
    path: &Path,
    sink: &mut dyn FnMut(BureauRow) -> Result<(), ImportError>,
) -> Result<FileInfo, ImportError> {
    match sniff::open(path)? {
        sniff::Opened::Workbook => Err(ImportError::file(path, ImportText::CsvFile)
            .value(ImportText::XlsxWorkbook)
            .hint(ImportText::BureauTablesAreCsv)),
        sniff::Opened::Text(text) => {
            let file = sniff::reopen(path, text)?;
            let mut source = table::CsvSource::new(path, file, text.encoding, text.separator)?;
            let format = bureaux::read_table(&mut source, path, sink)?;
            Ok(FileInfo {
                format,
                encoding: text.encoding.name(),
                separator: Some(char::from(text.separator)),
            })
        }
    }
}
