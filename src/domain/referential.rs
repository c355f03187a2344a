//! The reference data of an election: circonscriptions, their candidates and their bureaux. It
//! says who must be present where: every candidate of a circonscription in its envelopes and on the
//! table of each of its bureaux.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::codes::{BureauCode, CirconscriptionCode, Panel};
use super::election::Election;

/// A candidate's sex as published in the official lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Sex {
    /// Femme.
    F,
    /// Homme.
    M,
}

impl Sex {
    /// Reads `F`/`M` (also `Mme`, `M.`, `Féminin`, `Masculin`, in any case).
    pub fn parse(raw: &str) -> Option<Self> {
        match raw.trim().to_lowercase().as_str() {
            "f" | "mme" | "féminin" | "feminin" | "femme" => Some(Self::F),
            "m" | "m." | "masculin" | "homme" => Some(Self::M),
            _ => None,
        }
    }

    /// `F` or `M`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::F => "F",
            Self::M => "M",
        }
    }
}

/// A circonscription of the election.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Circonscription {
    /// `7501`.
    pub code: CirconscriptionCode,
    /// `Paris, 1re circonscription`.
    pub label: String,
}

/// A candidate (or a list's head) of a circonscription.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Candidate {
    /// Where the candidate stands.
    pub circonscription: CirconscriptionCode,
    /// The panel number, unique within the circonscription.
    pub panel: Panel,
    /// Family name, as published (upper case in the official files).
    pub surname: String,
    /// Given name.
    pub given_name: String,
    /// As published.
    pub sex: Sex,
    /// The ministry's political nuance code (`REM`, `DVD`, …).
    pub nuance: String,
}

impl Candidate {
    /// `LEVAVASSEUR Éric`: family name in capitals, then the given name, as on the record.
    pub fn display_name(&self) -> String {
        format!("{} {}", self.surname.to_uppercase(), self.given_name)
    }
}

/// A bureau de vote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bureau {
    /// `75056_0911`.
    pub code: BureauCode,
    /// The circonscription the bureau votes in (unknown for bureaux imported from INSEE's table
    /// until a table giving it is imported).
    pub circonscription: Option<CirconscriptionCode>,
    /// A short name (`Bureau 0911`).
    pub label: String,
    /// Street address, possibly empty.
    pub address: String,
    /// Commune name.
    pub commune: String,
    /// True where the bureau votes on machines: no paper ballots on a table there.
    pub voting_machines: bool,
}

/// All reference data of one database.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Referential {
    /// Circonscriptions by code.
    pub circonscriptions: BTreeMap<CirconscriptionCode, Circonscription>,
    /// Candidates by circonscription, in panel order.
    pub candidates: BTreeMap<CirconscriptionCode, Vec<Candidate>>,
    /// Bureaux by code.
    pub bureaux: BTreeMap<BureauCode, Bureau>,
    /// The election day, when known: observations of a table seen after the polls closed and
    /// envelopes received after it are flagged (law.md §2.8).
    pub election_day: Option<chrono::NaiveDate>,
    /// The election's kind, when known: where the kind votes a day earlier (the Antilles, the
    /// Americas abroad: law.md §4.6), a bureau's own day of the vote is the Saturday.
    pub election_kind: Option<super::ElectionKind>,
}

impl Referential {
    /// The candidates of a circonscription in panel order (empty when unknown).
    pub fn candidates_of(&self, circ: &CirconscriptionCode) -> &[Candidate] {
        self.candidates.get(circ).map_or(&[], Vec::as_slice)
    }

    /// The candidate with this panel number in this circonscription.
    pub fn candidate(&self, circ: &CirconscriptionCode, panel: Panel) -> Option<&Candidate> {
        self.candidates_of(circ).iter().find(|c| c.panel == panel)
    }

    /// The bureaux of a circonscription, in code order.
    pub fn bureaux_of<'a>(
        &'a self,
        circ: &'a CirconscriptionCode,
    ) -> impl Iterator<Item = &'a Bureau> + 'a {
        self.bureaux
            .values()
            .filter(move |b| b.circonscription.as_ref() == Some(circ))
    }
}

/// The election and its reference data, as held by one database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ElectionData {
    /// Which election.
    pub election: Election,
    /// Its reference data.
    pub referential: Referential,
}
