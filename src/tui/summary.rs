//! The summary screen's text: the current circonscription's findings as the report words them
//! and the réclamation for the current bureau's procès-verbal, exactly as `constat report` and
//! `constat pv` print them, with the observer's key fingerprint and chain reference beside the
//! digest. Pure: the runtime reads the bureaux, names, digest and chain reference.

use super::model::{Model, Summary};
use crate::domain::findings::Names;
use crate::domain::fingerprint::ChainReference;
use crate::domain::record::build_record_with;
use crate::domain::{Bureau, ObserverId, RecordState, Referential};
use crate::report::pv::{Pv, checked_at_bureau, voters_of};
use crate::report::{Format, Report, render_signed};

/// The report from its findings on: the grid screens already show the marks, and the report's
/// table does not fit a phone's width. (The whole text when it has no findings heading.)
fn findings_part(report: &str, lang: crate::i18n::Lang) -> String {
    let heading = lang.catalog().report_findings;
    match report.lines().position(|l| l == heading) {
        Some(at) => report.lines().skip(at + 1).collect::<Vec<_>>().join("\n"),
        None => report.to_owned(),
    }
}

/// Every observer with a live observation in the model's circonscription (whose names the
/// summary shows).
pub fn observers_in(model: &Model, state: &RecordState) -> std::collections::BTreeSet<ObserverId> {
    let circ = &model.circonscription.code;
    state
        .cells_of(circ)
        .map(|(_, o)| o.observer)
        .chain(state.envelopes_of(circ).map(|f| f.observer))
        .chain(state.non_receipts_of(circ).map(|f| f.observer))
        .chain(std::iter::once(model.observer))
        .collect()
}

/// Builds the summary of the model's circonscription from `state` (every observer's
/// observations of it), its `bureaux`, the observers' `names`, the chain `digest` and the
/// observer's chain reference `signer` (its key's fingerprint, printed beside the digest).
pub fn build(
    model: &Model,
    state: &RecordState,
    bureaux: Vec<Bureau>,
    names: &Names,
    digest: Option<String>,
    signer: Option<&ChainReference>,
) -> Summary {
    let lang = model.lang;
    let circ = &model.circonscription;
    let mut referential = Referential::default();
    referential
        .circonscriptions
        .insert(circ.code.clone(), circ.clone());
    referential
        .candidates
        .insert(circ.code.clone(), model.candidates.clone());
    for b in bureaux {
        referential.bureaux.insert(b.code.clone(), b);
    }
    let record = build_record_with(&referential, state, &circ.code, names);
    let mut report = Vec::new();
    if let Some(record) = &record {
        let r = Report {
            election: &model.election,
            records: vec![record.clone()],
            // As `constat report` ends: with the digest, the one shown above it.
            digest: digest.clone(),
            // The observer's own screen: the disputes are the coordinator's.
            disputes: Vec::new(),
        };
        // Writing into a Vec cannot fail.
        let _ = render_signed(&r, signer, Format::Text, lang, &mut report);
    }
    let pv = match (&record, &model.bureau) {
        (Some(record), Some(bureau)) => {
            let voters = voters_of(state, record);
            let bureau = referential.bureaux.get(&bureau.code).unwrap_or(bureau);
            let pv = Pv {
                election: &model.election,
                checked: checked_at_bureau(state, record, bureau),
                record,
                bureau,
                voters: &voters,
                signer: &model.observer_name,
                digest: digest.as_deref(),
                reference: signer,
                appeal: None,
            };
            let mut buf = Vec::new();
            let _ = crate::report::pv::render_signed(
                &pv,
                model.qualite.as_ref(),
                model.feminine,
                lang.catalog(),
                &mut buf,
            );
            Some(String::from_utf8_lossy(&buf).into_owned())
        }
        _ => None,
    };
    let report = findings_part(&String::from_utf8_lossy(&report), lang);
    Summary {
        // The full digest once, in the annex; the findings end without it.
        report: for_screen(&report, lang, digest.as_deref(), false),
        pv: pv.map(|pv| for_screen(&pv, lang, digest.as_deref(), true)),
        digest,
    }
}

/// The report's and the réclamation's text in a volunteer's words (issue 16 point 17): the
/// statistics' and the chain heads' names stay in the printed report and annex, not on the
/// screen; the full digest's line is kept (`keep_digest`, in words) or left out.
fn for_screen(
    text: &str,
    lang: crate::i18n::Lang,
    digest: Option<&str>,
    keep_digest: bool,
) -> String {
    use crate::i18n::Message;
    let cat = lang.catalog();
    let min = crate::domain::stats::MIN_HOUSEHOLDS;
    let rates = (cat.departements_intro)(min);
    let digest_line = digest.map(|d| (cat.digest_some)(d));
    text.lines()
        .filter(|&l| keep_digest || digest_line.as_deref() != Some(l))
        .map(|l| {
            if l == rates {
                Message::new("journey-summary-rates-intro")
                    .arg("min", min)
                    .render(lang)
            } else if let Some(d) = digest.filter(|_| digest_line.as_deref() == Some(l)) {
                Message::new("journey-summary-digest-full")
                    .arg("digest", d)
                    .render(lang)
            } else {
                l.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}
