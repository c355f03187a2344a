//! `constat pv`: the réclamation text for the procès-verbal (or, with `--appeal`, the draft facts
//! for a requête to the Conseil constitutionnel and its deadline).

use super::Context;
use crate::cli::PvArgs;
use crate::domain::record::build_record_with;
use crate::domain::{BureauCode, CirconscriptionCode, RecordState};
use crate::error::Error;
use crate::report::pv::{Pv, checked_at_bureau, render, voters_of};
use crate::storage::Store;

/// `constat pv`.
pub fn run(args: &PvArgs, ctx: &mut Context<'_>) -> Result<(), Error> {
    let store = ctx.open_store()?;
    let code = BureauCode::parse(&args.bureau)?;
    let state = store.fold()?;
    let Some(bureau) = store.bureau(&code)? else {
        return Err(unknown_bureau(&store, &state, &code)?);
    };
    let Some(circ) = bureau.circonscription.clone() else {
        return Err(Error::BureauWithoutCirconscription(code.to_string()));
    };
    let data = store.election_data()?;
    let appeal = args.appeal.then_some(args.proclamation).flatten();
    // The deadline runs from the proclamation, which follows the vote (law.md §1b).
    if let (Some(proclamation), Some(vote)) = (appeal, data.election.date)
        && proclamation < vote
    {
        return Err(Error::ProclamationBeforeVote { proclamation, vote });
    }
    let names = store.observers()?;
    let Some(record) = build_record_with(&data.referential, &state, &circ, &names) else {
        return Err(Error::UnknownCirconscription {
            code: circ.to_string(),
            known: store.circonscription_codes()?,
        });
    };
    let voters = voters_of(&state, &record);
    let signer = store.local_observer()?.name;
    let digest = store.chain_digest()?;
    let pv = Pv {
        election: &data.election,
        checked: checked_at_bureau(&state, &record, &bureau),
        record: &record,
        bureau: &bureau,
        voters: &voters,
        signer: &signer,
        digest: digest.as_deref(),
        appeal,
    };
    let mut buf = Vec::new();
    render(&pv, ctx.lang.catalog(), &mut buf).map_err(|source| Error::Io {
        path: std::path::PathBuf::from("-"),
        context: crate::error::IoContext::WritingReport,
        source,
    })?;
    // A closed pipe (`constat pv | head`) is not an error.
    let _ = ctx.out.write_all(&buf);
    Ok(())
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
