//! The réclamation of a bureau as `constat pv` prints it, for the front ends that show it in
//! their own way (plain mode's `pv`): the same inputs read from the store, the same record, the
//! same [`crate::report::pv::render`], so that the text follows whatever that renderer says.

use chrono::NaiveDate;

use crate::domain::BureauCode;
use crate::domain::record::build_record_with;
use crate::error::Error;
use crate::i18n::Lang;
use crate::report::pv::{Pv, checked_at_bureau, render, voters_of};
use crate::storage::Store;

/// The réclamation for bureau `code`'s procès-verbal (with `appeal`, the draft facts for a
/// requête and its deadline), as the text `constat pv` prints, in `lang`. `Ok(None)` when the
/// bureau is not in the database or belongs to no circonscription the database knows.
pub fn reclamation(
    store: &Store,
    code: &BureauCode,
    appeal: Option<NaiveDate>,
    lang: Lang,
) -> Result<Option<String>, Error> {
    let state = store.fold()?;
    let Some(bureau) = store.bureau(code)? else {
        return Ok(None);
    };
    let Some(circ) = bureau.circonscription.clone() else {
        return Ok(None);
    };
    let data = store.election_data()?;
    let names = store.observers()?;
    let Some(record) = build_record_with(&data.referential, &state, &circ, &names) else {
        return Ok(None);
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
    render(&pv, lang.catalog(), &mut buf).map_err(|source| Error::Io {
        path: std::path::PathBuf::from("-"),
        context: crate::error::IoContext::WritingReport,
        source,
    })?;
    Ok(Some(String::from_utf8_lossy(&buf).into_owned()))
}
