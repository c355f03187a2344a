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
    bureau: Option<&str>,
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
    // No bureau exists before `constat import bureaux`: a `--bureau` is refused, not forgotten.
    if let Some(raw) = bureau {
        let code = BureauCode::parse(raw)?;
        return Err(Error::BureauBeforeImport(code.to_string()));
    }
    create_database(path, &data, observer)
}

/// Creates a database at `path` (never over an existing file) for `data`, owned by a new
/// observer called `observer`.
pub fn create_database(path: &Path, data: &ElectionData, observer: &str) -> Result<Store, Error> {
    create_signing(path, data, None, observer)
}

/// [`create_database`] holding a slice of a reference file whose digest `reference` the
/// observer's statement signs ([`Store::create_slice`]).
fn create_signing(
    path: &Path,
    data: &ElectionData,
    reference: Option<&crate::domain::chain::Hash>,
    observer: &str,
) -> Result<Store, Error> {
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
    Ok(match reference {
        Some(whole) => Store::create_slice(path, data, whole, &observer, super::now())?,
        None => Store::create(path, data, &observer, super::now())?,
    })
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

// --- coordination (issue 18 point 1): reference files ---

/// What a reference file holds, for the confirmation line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReferenceSummary {
    /// Circonscriptions.
    pub circonscriptions: usize,
    /// Candidates, every circonscription's.
    pub candidates: usize,
    /// Bureaux.
    pub bureaux: usize,
}

impl ReferenceSummary {
    fn of(data: &ElectionData) -> Self {
        let r = &data.referential;
        Self {
            circonscriptions: r.circonscriptions.len(),
            candidates: r.candidates.values().map(Vec::len).sum(),
            bureaux: r.bureaux.len(),
        }
    }
}

/// Writes `store`'s election and reference data to `output` as a reference file to hand out
/// (no event, no observer, no key), never over an existing file.
pub fn write_reference(store: &Store, output: &Path) -> Result<ReferenceSummary, Error> {
    let data = store.write_reference(output)?;
    Ok(ReferenceSummary::of(&data))
}

/// Creates an observer's database at `path` from the coordinator's reference file `reference`
/// (opened as another observer's file is: read-only, defensively, its schema checked), owned by
/// a NEW observer `observer` with a new key, with `bureau` as the current bureau when given.
/// Everything is checked before the file is created.
///
/// With a bureau, the database holds only what its observer needs
/// ([`crate::domain::reference_digest::slice`]: the election, the bureau's circonscription and
/// its candidates, the bureaux of that circonscription, or of the commune for the présidentielle's
/// national one) while the observer's statement signs the digest of the WHOLE reference file, so
/// that the coordinator holding that file merges it at O(1) reference cost. Without one,
/// everything is copied. The summary says what the new database holds.
pub fn create_from_reference(
    path: &Path,
    reference: &Path,
    observer: &str,
    bureau: Option<&str>,
) -> Result<(Store, ReferenceSummary), Error> {
    let data = Store::open_reference(reference)
        .map_err(|r| Error::Untrusted(reference.to_owned(), r))?
        .election_data()?;
    let Some(raw) = bureau else {
        let store = create_database(path, &data, observer)?;
        return Ok((store, ReferenceSummary::of(&data)));
    };
    let current = bureau_in(&data, raw)?;
    let whole = crate::domain::reference_digest::reference_digest(&data);
    // `bureau_in` found the bureau in a circonscription: the slice exists.
    let slice = crate::domain::reference_digest::slice(&data, &current).unwrap_or(data);
    let store = create_signing(path, &slice, Some(&whole), observer)?;
    store.set_current_bureau(&current)?;
    Ok((store, ReferenceSummary::of(&slice)))
}

/// `raw` as a bureau of `data` that lies in a circonscription, else the refusal naming the
/// bureaux of the same commune (a national file holds 69,000: they are not all listed).
fn bureau_in(data: &ElectionData, raw: &str) -> Result<BureauCode, Error> {
    let code = BureauCode::parse(raw)?;
    let bureaux = &data.referential.bureaux;
    if bureaux
        .get(&code)
        .is_some_and(|b| b.circonscription.is_some())
    {
        return Ok(code);
    }
    let commune = code.as_str().split('_').next().unwrap_or_default();
    let mut known: Vec<String> = bureaux
        .keys()
        .filter(|c| c.as_str().split('_').next() == Some(commune))
        .map(ToString::to_string)
        .collect();
    if known.is_empty() {
        known = bureaux.keys().map(ToString::to_string).collect();
    }
    Err(Error::BureauNotInReference {
        code: code.to_string(),
        known,
    })
}
