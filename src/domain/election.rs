//! Which election a database records.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The kinds of French elections constat knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ElectionKind {
    /// Élections législatives (one deputy per circonscription).
    Legislatives,
    /// Élection présidentielle.
    Presidentielle,
    /// Élections européennes (lists, one national circonscription).
    Europeennes,
    /// Élections municipales (lists per commune).
    Municipales,
    /// Élections régionales (lists per région).
    Regionales,
    /// Élections départementales (pairs per canton).
    Departementales,
}

impl ElectionKind {
    /// Every kind, in the order shown to users.
    pub const ALL: [Self; 6] = [
        Self::Legislatives,
        Self::Presidentielle,
        Self::Europeennes,
        Self::Municipales,
        Self::Regionales,
        Self::Departementales,
    ];

    /// How many rounds the kind has: one for the européennes (a single-round list vote: loi
    /// n° 77-729 of 7 July 1977, art. 3; law.md §1a), two for the others.
    pub fn rounds(self) -> u8 {
        match self {
            Self::Europeennes => 1,
            _ => 2,
        }
    }

    /// The stable identifier stored in databases and used on the command line.
    pub fn slug(self) -> &'static str {
        match self {
            Self::Legislatives => "legislatives",
            Self::Presidentielle => "presidentielle",
            Self::Europeennes => "europeennes",
            Self::Municipales => "municipales",
            Self::Regionales => "regionales",
            Self::Departementales => "departementales",
        }
    }
}

impl FromStr for ElectionKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Self::ALL
            .into_iter()
            .find(|k| k.slug() == s)
            .ok_or_else(|| s.to_owned())
    }
}

impl fmt::Display for ElectionKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.slug())
    }
}

/// One round of one election.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Election {
    /// What is elected.
    pub kind: ElectionKind,
    /// The year of the vote.
    pub year: u16,
    /// 1 or 2.
    pub round: u8,
    /// The day of the vote, when known.
    pub date: Option<NaiveDate>,
}

impl Election {
    /// The identifier used on the command line and in file names: `legislatives-2017`.
    pub fn id(&self) -> String {
        format!("{}-{}", self.kind.slug(), self.year)
    }
}
