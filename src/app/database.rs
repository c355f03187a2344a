//! Creating observer databases: from a bundled sample, from a coordinator's reference data, or
//! empty for an election whose official lists are imported later. A file is never replaced.

use std::path::Path;

use crate::domain::referential::ElectionData;
use crate::domain::{BureauCode, Election, ElectionKind, ObserverId, Referential};
use crate::error::Error;
use crate::sample;
use crate::storage::{LocalObserver, Store};

/// Creates a database for an election with no reference data yet (`constat import` fills it).
pub fn create_for_election(
    path: &Path,
    election: &str,
    round: u8,
    date: Option<chrono::NaiveDate>,
    observer: &str,
) -> Result<Store, Error> {
    let bad = || Error::BadElection(election.to_owned());
    let (kind, year) = election.rsplit_once('-').ok_or_else(bad)?;
    let election = Election {
        kind: kind.parse::<ElectionKind>().map_err(|_| bad())?,
        year: year
            .parse::<u16>()
            .ok()
            .filter(|y| (1958..=2200).contains(y))
            .ok_or_else(bad)?,
        round,
        date,
    };
    let data = ElectionData {
        election,
        referential: Referential::default(),
    };
    create_database(path, &data, observer)
}

/// Creates a database at `path` (never over an existing file) for `data`, owned by a new
/// observer called `observer`.
pub fn create_database(path: &Path, data: &ElectionData, observer: &str) -> Result<Store, Error> {
    let election = &data.election;
    if election.round == 0 || election.round > election.kind.rounds() {
        return Err(Error::NoSuchRound {
            kind: election.kind,
            round: election.round,
        });
    }
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|source| Error::Io {
            path: parent.to_owned(),
            context: crate::error::IoContext::CreatingFolder,
            source,
        })?;
    }
    let observer = LocalObserver {
        id: ObserverId(uuid::Uuid::new_v4()),
        name: observer.to_owned(),
    };
    Ok(Store::create(path, data, &observer, super::now())?)
}

/// Creates a database at `path` from the sample `name`, with `bureau` (or the sample's default)
/// as the current bureau. Everything is checked before the file is created.
pub fn create_from_sample(
    path: &Path,
    name: &str,
    observer: &str,
    bureau_arg: Option<&str>,
) -> Result<Store, Error> {
    let sample = sample::find(name).ok_or_else(|| Error::UnknownSample {
        name: name.to_owned(),
        known: sample::all_names(),
    })?;
    let data = sample.election_data()?;
    let current: Option<BureauCode> = match bureau_arg {
        Some(raw) => {
            let code = BureauCode::parse(raw)?;
            let circ = data
                .referential
                .bureaux
                .get(&code)
                .and_then(|b| b.circonscription.clone())
                .or_else(|| data.referential.circonscriptions.keys().next().cloned());
            match circ {
                Some(circ) if data.referential.bureaux_of(&circ).any(|b| b.code == code) => {
                    Some(code)
                }
                Some(circ) => {
                    return Err(Error::UnknownBureau {
                        code: code.to_string(),
                        known: data
                            .referential
                            .bureaux_of(&circ)
                            .map(|b| b.code.to_string())
                            .collect(),
                        circ: circ.to_string(),
                    });
                }
                None => None,
            }
        }
        None => sample.default_bureau()?,
    };
    let store = create_database(path, &data, observer)?;
    if let Some(b) = current {
        store.set_current_bureau(&b)?;
    }
    Ok(store)
}
