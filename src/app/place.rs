//! Places typed or remembered: the circonscription, candidate and bureau a command names,
//! checked against the database's reference data, and where the interface opens.

use crate::domain::{Bureau, BureauCode, Candidate, Circonscription, CirconscriptionCode, Panel};
use crate::error::Error;
use crate::storage::Store;

/// Where the interface (full-screen or plain) opens: the current bureau's circonscription, else
/// the first one. The bureau is kept only when it belongs to that circonscription (a bureau
/// imported without one would otherwise file observations under another circonscription).
pub fn current_place(
    store: &Store,
) -> Result<(Option<Bureau>, Circonscription, Vec<Candidate>), Error> {
    let bureau = match store.current_bureau()? {
        Some(code) => store.bureau(&code)?,
        None => None,
    };
    let circ_code = match bureau.as_ref().and_then(|b| b.circonscription.clone()) {
        Some(c) => c,
        None => store
            .first_circonscription()?
            .ok_or(Error::EmptyReferential)?,
    };
    let (circ, candidates) = store
        .circonscription(&circ_code)?
        .ok_or(Error::EmptyReferential)?;
    let bureau = bureau.filter(|b| b.circonscription.as_ref() == Some(&circ.code));
    Ok((bureau, circ, candidates))
}

/// Resolves a circonscription typed by the user: its label and candidates (panel order).
pub fn circonscription(
    store: &Store,
    raw: &str,
) -> Result<(Circonscription, Vec<Candidate>), Error> {
    let code = CirconscriptionCode::parse(raw)?;
    match store.circonscription(&code)? {
        Some(found) => Ok(found),
        None => Err(Error::UnknownCirconscription {
            code: code.to_string(),
            known: store.circonscription_codes()?,
        }),
    }
}

/// Resolves a panel number typed by the user among a circonscription's candidates.
pub fn candidate(
    candidates: &[Candidate],
    circ: &CirconscriptionCode,
    raw: &str,
) -> Result<Panel, Error> {
    let unknown = || Error::UnknownCandidate {
        circ: circ.to_string(),
        panel: raw.trim().to_owned(),
        known: candidates.iter().map(|c| c.panel.to_string()).collect(),
    };
    let panel = Panel::parse(raw).map_err(|_| unknown())?;
    if candidates.iter().any(|c| c.panel == panel) {
        Ok(panel)
    } else {
        Err(unknown())
    }
}

/// The codes of a circonscription's bureaux, for error messages.
pub fn bureaux_of(store: &Store, circ: &CirconscriptionCode) -> Result<Vec<String>, Error> {
    Ok(store.bureau_codes_of(circ)?)
}

/// Resolves a bureau typed by the user: it must be a bureau of `circ`.
pub fn bureau(store: &Store, circ: &CirconscriptionCode, raw: &str) -> Result<BureauCode, Error> {
    let code = BureauCode::parse(raw)?;
    match store.bureau(&code)? {
        Some(b) if b.circonscription.as_ref() == Some(circ) => Ok(code),
        _ => Err(Error::UnknownBureau {
            code: code.to_string(),
            circ: circ.to_string(),
            known: bureaux_of(store, circ)?,
        }),
    }
}

/// The `--bureau` given, else the database's current bureau when it lies in `circ`.
pub fn bureau_or_current(
    store: &Store,
    circ: &CirconscriptionCode,
    raw: Option<&str>,
) -> Result<Option<BureauCode>, Error> {
    if let Some(raw) = raw {
        return bureau(store, circ, raw).map(Some);
    }
    let Some(current) = store.current_bureau()? else {
        return Ok(None);
    };
    Ok(store
        .bureau(&current)?
        .filter(|b| b.circonscription.as_ref() == Some(circ))
        .map(|b| b.code))
}
