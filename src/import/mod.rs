//! Importers of official data files (ministry candidate lists and results, INSEE and Etalab bureau
//! tables), read as published: encoding, separator and header names are detected, never asked.
//!
//! Importers stream: each row is validated and handed to a `sink` as soon as it is read, so memory
//! does not grow with the file. They never touch the database: the caller's sink does, inside one
//! transaction, so a file with an error imports nothing.

mod error;

pub use error::ImportError;

use std::path::Path;

use crate::domain::{BureauCode, Candidate, Circonscription, CirconscriptionCode};

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
}

/// What an importer recognised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileInfo {
    /// The kind of file, for the user: "liste des candidats 2024", "résultats 2017 (xlsx)", …
    pub format: &'static str,
    /// The encoding detected: "UTF-8", "UTF-8 (BOM)", "Windows-1252", "CP850", "xlsx".
    pub encoding: &'static str,
    /// The field separator detected, for text files.
    pub separator: Option<char>,
}

/// Reads every candidate of `path`, handing each to `sink` in file order.
pub fn read_candidates(
    path: &Path,
    sink: &mut dyn FnMut(CandidateRow) -> Result<(), ImportError>,
) -> Result<FileInfo, ImportError> {
    let _ = (path, sink);
    Err(ImportError::unsupported(path))
}

/// Reads every bureau of `path`, handing each to `sink` in file order.
pub fn read_bureaux(
    path: &Path,
    sink: &mut dyn FnMut(BureauRow) -> Result<(), ImportError>,
) -> Result<FileInfo, ImportError> {
    let _ = (path, sink);
    Err(ImportError::unsupported(path))
}
