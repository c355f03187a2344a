//! The reference digest: SHA-256 of a canonical encoding of the reference data an observer works
//! against (the election, circonscriptions, candidates and bureaux), covered by the observer's
//! signed statement. Two files with the same reference data have the same digest, whatever order
//! their rows were written in. Pure.
//!
//! Encoding (a contract, see `docs/formats.md`, "Reference digest"): the UTF-8 bytes of one
//! compact JSON array (serde_json's string escaping, no spaces)
//! `["constat-reference/1", ELECTION, CIRC…, CANDIDATE…, BUREAU…]` where
//! - ELECTION = `["election", kind, year, round, date]` (`date` `YYYY-MM-DD` or `null`);
//! - CIRC = `["circonscription", code, label]`, in code order;
//! - CANDIDATE = `["candidate", circonscription, panel, surname, given_name, sex, nuance]`, in
//!   (circonscription, panel) order, withdrawn candidates left out;
//! - BUREAU = `["bureau", code, circonscription or null, label, address, commune,
//!   voting_machines]` (`true`/`false`), in code order.

use serde_json::json;
use sha2::{Digest, Sha256};

use super::codes::BureauCode;
use super::law::NATIONAL_CIRCONSCRIPTION;
use super::referential::{ElectionData, Referential};

/// The reference digest of `data` (32 bytes).
pub fn reference_digest(data: &ElectionData) -> [u8; 32] {
    let mut h = Sha256::new();
    let e = &data.election;
    let date = e.date.map(|d| d.format("%Y-%m-%d").to_string());
    h.update(b"[\"constat-reference/1\",");
    h.update(json!(["election", e.kind.slug(), e.year, e.round, date]).to_string());
    let r = &data.referential;
    for c in r.circonscriptions.values() {
        h.update(b",");
        h.update(json!(["circonscription", c.code.as_str(), c.label]).to_string());
    }
    for list in r.candidates.values() {
        let mut sorted: Vec<_> = list.iter().collect();
        sorted.sort_by_key(|c| c.panel);
        for c in sorted {
            h.update(b",");
            h.update(
                json!([
                    "candidate",
                    c.circonscription.as_str(),
                    c.panel.get(),
                    c.surname,
                    c.given_name,
                    c.sex.as_str(),
                    c.nuance
                ])
                .to_string(),
            );
        }
    }
    for b in r.bureaux.values() {
        h.update(b",");
        h.update(
            json!([
                "bureau",
                b.code.as_str(),
                b.circonscription.as_ref().map(|c| c.as_str()),
                b.label,
                b.address,
                b.commune,
                b.voting_machines
            ])
            .to_string(),
        );
    }
    h.update(b"]");
    h.finalize().into()
}

/// The part of `data` an observer of `bureau` works with (issue 18): the election, the bureau's
/// circonscription and all its candidates, and the bureaux of that circonscription — of the
/// bureau's commune only when the circonscription is the présidentielle's single national one
/// (69,000 bureaux). `None` when `data` has no such bureau or it lies in no circonscription.
///
/// An observer's database made from a reference file holds this slice, while the digest their
/// statement signs is the one of the whole file ([`reference_digest`] of `data`): a coordinator
/// holding that file recognises it without reading a row (see `docs/coordination.md`).
pub fn slice(data: &ElectionData, bureau: &BureauCode) -> Option<ElectionData> {
    let r = &data.referential;
    let circ = r.bureaux.get(bureau)?.circonscription.as_ref()?;
    let national = circ.as_str() == NATIONAL_CIRCONSCRIPTION.0;
    let commune = |b: &BureauCode| b.as_str().split('_').next().map(str::to_owned);
    let own = commune(bureau);
    let mut out = Referential {
        election_day: r.election_day,
        election_kind: r.election_kind,
        ..Referential::default()
    };
    if let Some(c) = r.circonscriptions.get(circ) {
        out.circonscriptions.insert(circ.clone(), c.clone());
    }
    if let Some(list) = r.candidates.get(circ) {
        out.candidates.insert(circ.clone(), list.clone());
    }
    for b in r.bureaux_of(circ) {
        if !national || commune(&b.code) == own {
            out.bureaux.insert(b.code.clone(), b.clone());
        }
    }
    Some(ElectionData {
        election: data.election.clone(),
        referential: out,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::referential::Bureau;
    use crate::domain::{
        Candidate, Circonscription, CirconscriptionCode, Election, ElectionKind, Panel, Sex,
    };

    fn data() -> ElectionData {
        ElectionData {
            election: Election {
                kind: ElectionKind::Legislatives,
                year: 2017,
                round: 1,
                date: None,
            },
            referential: Referential::default(),
        }
    }

    #[test]
    fn the_digest_is_the_documented_encoding_and_changes_with_any_row() {
        let empty = data();
        let text = r#"["constat-reference/1",["election","legislatives",2017,1,null]]"#;
        let want: [u8; 32] = Sha256::digest(text.as_bytes()).into();
        assert_eq!(reference_digest(&empty), want);
        let mut with_bureau = data();
        let code = BureauCode::parse("75056_0911").unwrap();
        with_bureau.referential.bureaux.insert(
            code.clone(),
            Bureau {
                code,
                circonscription: None,
                label: "Bureau 0911".into(),
                address: String::new(),
                commune: "Paris".into(),
                voting_machines: false,
            },
        );
        let text = r#"["constat-reference/1",["election","legislatives",2017,1,null],["bureau","75056_0911",null,"Bureau 0911","","Paris",false]]"#;
        let want: [u8; 32] = Sha256::digest(text.as_bytes()).into();
        assert_eq!(reference_digest(&with_bureau), want);
        let mut machines = with_bureau.clone();
        for b in machines.referential.bureaux.values_mut() {
            b.voting_machines = true;
        }
        assert_ne!(reference_digest(&machines), reference_digest(&with_bureau));
    }

    fn bureau(code: &str, circ: &str) -> Bureau {
        Bureau {
            code: BureauCode::parse(code).unwrap(),
            circonscription: Some(CirconscriptionCode::parse(circ).unwrap()),
            label: format!("Bureau {code}"),
            address: String::new(),
            commune: String::new(),
            voting_machines: false,
        }
    }

    fn with(circs: &[&str], bureaux: &[(&str, &str)]) -> ElectionData {
        let mut d = data();
        for c in circs {
            let code = CirconscriptionCode::parse(c).unwrap();
            d.referential.circonscriptions.insert(
                code.clone(),
                Circonscription {
                    code: code.clone(),
                    label: format!("Circonscription {c}"),
                },
            );
            d.referential.candidates.insert(
                code.clone(),
                (1..=3)
                    .map(|p| Candidate {
                        circonscription: code.clone(),
                        panel: Panel::new(p).unwrap(),
                        surname: format!("NOM{p}"),
                        given_name: "Prénom".into(),
                        sex: Sex::F,
                        nuance: "DIV".into(),
                    })
                    .collect(),
            );
        }
        for (b, c) in bureaux {
            let b = bureau(b, c);
            d.referential.bureaux.insert(b.code.clone(), b);
        }
        d
    }

    #[test]
    fn a_slice_holds_the_circonscription_of_the_bureau_its_candidates_and_bureaux() {
        let d = with(
            &["7501", "7502"],
            &[
                ("75056_0101", "7501"),
                ("75056_0102", "7501"),
                ("75056_0201", "7502"),
            ],
        );
        let s = slice(&d, &BureauCode::parse("75056_0102").unwrap()).unwrap();
        assert_eq!(s.election, d.election);
        let r = &s.referential;
        assert_eq!(
            r.circonscriptions
                .keys()
                .map(|c| c.as_str())
                .collect::<Vec<_>>(),
            ["7501"]
        );
        assert_eq!(r.candidates.values().map(Vec::len).sum::<usize>(), 3);
        assert_eq!(
            r.bureaux.keys().map(|b| b.as_str()).collect::<Vec<_>>(),
            ["75056_0101", "75056_0102"]
        );
        // Every row of the slice is the reference file's, unchanged.
        for (code, b) in &r.bureaux {
            assert_eq!(d.referential.bureaux.get(code), Some(b));
        }
        assert_ne!(reference_digest(&s), reference_digest(&d));
        assert!(slice(&d, &BureauCode::parse("75056_0999").unwrap()).is_none());
    }

    #[test]
    fn the_national_circonscription_is_sliced_to_the_bureau_s_commune() {
        let fr = NATIONAL_CIRCONSCRIPTION.0;
        let mut d = with(
            &[fr],
            &[("75056_0101", fr), ("75056_0102", fr), ("69123_0101", fr)],
        );
        d.election.kind = ElectionKind::Presidentielle;
        let s = slice(&d, &BureauCode::parse("69123_0101").unwrap()).unwrap();
        assert_eq!(
            s.referential
                .bureaux
                .keys()
                .map(|b| b.as_str())
                .collect::<Vec<_>>(),
            ["69123_0101"]
        );
        assert_eq!(
            s.referential
                .candidates
                .values()
                .map(Vec::len)
                .sum::<usize>(),
            3
        );
    }
}
