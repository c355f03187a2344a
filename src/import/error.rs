//! Import errors: the file, the line, the column by its header name, the value found, what was
//! expected, and a hint.

use std::fmt;
use std::path::{Path, PathBuf};

/// Why a file was not imported. Nothing of the file was imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    /// The file.
    pub file: PathBuf,
    /// The line (from 1, header included), when the problem is on one line.
    pub line: Option<u64>,
    /// The column, by its header name.
    pub column: Option<String>,
    /// The value found.
    pub value: Option<String>,
    /// What was expected.
    pub expected: String,
    /// How to fix it.
    pub hint: Option<String>,
}

impl ImportError {
    /// An error about the whole file.
    pub fn file(path: &Path, expected: impl Into<String>) -> Self {
        Self {
            file: path.to_owned(),
            line: None,
            column: None,
            value: None,
            expected: expected.into(),
            hint: None,
        }
    }

    /// An error at a line.
    pub fn at(path: &Path, line: u64, expected: impl Into<String>) -> Self {
        Self {
            line: Some(line),
            ..Self::file(path, expected)
        }
    }

    /// Names the column.
    pub fn column(mut self, column: impl Into<String>) -> Self {
        self.column = Some(column.into());
        self
    }

    /// Gives the value found.
    pub fn value(mut self, value: impl Into<String>) -> Self {
        self.value = Some(value.into());
        self
    }

    /// Adds a hint.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// The file is of no kind this importer knows.
    pub fn unsupported(path: &Path) -> Self {
        Self::file(path, "a file constat knows how to import")
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(column) = &self.column {
            write!(f, ", column `{column}`")?;
        }
        if let Some(value) = &self.value {
            write!(f, ": found `{value}`")?;
        }
        write!(f, ", expected {}", self.expected)?;
        if let Some(hint) = &self.hint {
            write!(f, " (hint: {hint})")?;
        }
        Ok(())
    }
}

impl std::error::Error for ImportError {}
