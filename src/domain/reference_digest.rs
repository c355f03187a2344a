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

use super::referential::ElectionData;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::referential::{Bureau, Referential};
    use crate::domain::{BureauCode, Election, ElectionKind};

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
}
