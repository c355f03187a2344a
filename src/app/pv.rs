//! The réclamation for a bureau's procès-verbal, its annex and the election kind's remedy, read
//! from the store: the one entry point `constat pv`, the plain mode and the interface call
//! ([`text`]), so that they cannot disagree.

use chrono::NaiveDate;

use crate::domain::appeal::Qualite;
use crate::domain::law::{Law, Start};
use crate::domain::record::build_record_with;
use crate::domain::{BureauCode, CirconscriptionCode, ObserverId, RecordState};
use crate::error::Error;
use crate::i18n::Lang;
use crate::report::pv::{
    Appeal, Pv, Signer, annex, checked_at_bureau, observed_bureau, reclamation, remedy, voters_of,
};
use crate::storage::Store;

/// Which text.
#[derive(Debug, Clone, Copy)]
pub enum Part<'a> {
    /// The réclamation to copy into the PV.
    Reclamation,
    /// Its annex: every fact, the reference and the full digest.
    Annex,
    /// The kind's remedy (requête, protestation, or the présidentielle's note).
    Remedy(Appeal<'a>),
}

/// Whose réclamation, for which bureau.
#[derive(Debug, Clone)]
pub struct Request<'a> {
    /// The bureau whose PV receives it.
    pub bureau: &'a BureauCode,
    /// Another observer of the database, by name (a coordinator's merged file): their
    /// réclamation, signed in their name only.
    pub as_observer: Option<&'a str>,
    /// The qualité to sign in, instead of the database's setting (with `as_observer`, the only
    /// one: the setting is the local observer's).
    pub qualite: Option<Qualite>,
}

/// The text of `part` for `request`, in `lang`.
pub fn text(
    store: &Store,
    request: &Request<'_>,
    part: Part<'_>,
    lang: Lang,
) -> Result<String, Error> {
    let state = store.fold()?;
    let code = request.bureau;
    let Some(bureau) = store.bureau(code)? else {
        return Err(unknown_bureau(store, &state, code)?);
    };
    let Some(circ) = bureau.circonscription.clone() else {
        return Err(Error::BureauWithoutCirconscription(code.to_string()));
    };
    let data = store.election_data()?;
    let law = Law::of(data.election.kind);
    let names = store.observers()?;
    let Some(record) = build_record_with(&data.referential, &state, &circ, &names) else {
        return Err(Error::UnknownCirconscription {
            code: circ.to_string(),
            known: store.circonscription_codes()?,
        });
    };
    // The signer: the database's observer, or `--as` another one of its observers.
    let local = store.local_observer()?;
    let (observer, name, qualite): (ObserverId, String, Option<Qualite>) = match request.as_observer
    {
        None => (
            local.id,
            local.name.clone(),
            match &request.qualite {
                Some(q) => Some(q.clone()),
                None => store.signer_qualite()?,
            },
        ),
        Some(wanted) => {
            let found = names
                .iter()
                .find(|(_, n)| n.as_str() == wanted)
                .or_else(|| names.iter().find(|(_, n)| n.eq_ignore_ascii_case(wanted)));
            match found {
                Some((id, n)) => (*id, n.clone(), request.qualite.clone()),
                None => {
                    return Err(Error::UnknownObserver {
                        name: wanted.to_owned(),
                        known: names.values().cloned().collect(),
                    });
                }
            }
        }
    };
    // A réclamation is signed by someone who observed this bureau (law.md §3a).
    if !observed_bureau(&state, &record, &bureau, observer) {
        let observers = names
            .iter()
            .filter(|(id, _)| observed_bureau(&state, &record, &bureau, **id))
            .map(|(_, n)| n.clone())
            .collect();
        return Err(Error::PvNotObserved {
            bureau: code.to_string(),
            observer: name,
            observers,
        });
    }
    if let Part::Remedy(appeal) = part {
        check_proclamation(law, appeal.proclamation, data.election.date)?;
    }
    let voters = voters_of(&state, &record);
    let digest = store.chain_digest()?;
    let reference = store.chain_reference_of(observer)?;
    let pv = Pv {
        election: &data.election,
        checked: checked_at_bureau(&state, &record, &bureau),
        record: &record,
        bureau: &bureau,
        voters: &voters,
        signer: &name,
        digest: digest.as_deref(),
        reference: reference.as_ref(),
        appeal: None,
    };
    // What the observer said of themselves at first run: their own file only.
    let feminine = if observer == local.id {
        store.observer_feminine()?
    } else {
        None
    };
    let signer = Signer {
        name: &name,
        observer,
        qualite: qualite.as_ref(),
        feminine,
    };
    let cat = lang.catalog();
    let mut buf = Vec::new();
    let written = match part {
        Part::Reclamation => reclamation(&pv, &signer, cat, &mut buf),
        Part::Annex => annex(&pv, &name, cat, &mut buf),
        Part::Remedy(appeal) => remedy(&pv, &signer, &appeal, cat, &mut buf),
    };
    written.map_err(|source| Error::Io {
        path: std::path::PathBuf::from("-"),
        context: crate::error::IoContext::WritingReport,
        source,
    })?;
    Ok(String::from_utf8_lossy(&buf).into_owned())
}

/// The proclamation: needed where the deadline counts from it, and never before the vote
/// (law.md §1b).
fn check_proclamation(
    law: &Law,
    proclamation: Option<NaiveDate>,
    vote: Option<NaiveDate>,
) -> Result<(), Error> {
    match (proclamation, vote) {
        (None, _) if law.deadline.from == Start::Proclamation => {
            Err(Error::ProclamationNeeded { kind: law.kind })
        }
        (Some(proclamation), Some(vote)) if proclamation < vote => {
            Err(Error::ProclamationBeforeVote { proclamation, vote })
        }
        _ => Ok(()),
    }
}

/// The error for a bureau that is not in the database: the bureaux of the circonscription
/// observed (or, when several or none were, of the database's circonscriptions) as choices.
fn unknown_bureau(store: &Store, state: &RecordState, code: &BureauCode) -> Result<Error, Error> {
    let mut circs = state.observed_circonscriptions();
    if circs.is_empty() {
        circs = store
            .circonscription_codes()?
            .iter()
            .filter_map(|c| CirconscriptionCode::parse(c).ok())
            .collect();
    }
    let mut known = Vec::new();
    for c in circs.iter().take(5) {
        known.extend(store.bureau_codes_of(c)?);
    }
    let mut circ = circs
        .iter()
        .take(5)
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    if circs.len() > 5 {
        circ.push_str(", …");
    }
    Ok(Error::UnknownBureau {
        code: code.to_string(),
        circ,
        known,
    })
}

/// The réclamation of the database's own observer for `bureau` (plain mode's `pv`): what
/// `constat pv --bureau CODE` prints. `None` when the bureau is not in the database.
pub fn reclamation_of(
    store: &Store,
    bureau: &BureauCode,
    lang: Lang,
) -> Result<Option<String>, Error> {
    if store.bureau(bureau)?.is_none() {
        return Ok(None);
    }
    let request = Request {
        bureau,
        as_observer: None,
        qualite: None,
    };
    text(store, &request, Part::Reclamation, lang).map(Some)
}
