//! The samples bundled in the binary (from `sample_data/`), so that `constat demo` and
//! `constat init --sample` work from any folder, offline.
//!
//! Parsing only: no file is read at run time.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::domain::referential::ElectionData;
use crate::domain::{
    Bureau, BureauCode, Candidate, Circonscription, CirconscriptionCode, Election, ElectionKind,
    EventBody, Item, Mark, Panel, Referential, Sex,
};

/// A bundled sample.
pub struct Sample {
    /// The name used with `--sample`.
    pub name: &'static str,
    election_toml: &'static str,
    candidates_csv: &'static str,
    bureaux_csv: &'static str,
    record_csv: &'static str,
}

/// Every bundled sample.
pub const SAMPLES: &[Sample] = &[
    Sample {
        name: "paris-1-2017",
        election_toml: include_str!("../sample_data/paris-1-2017/election.toml"),
        candidates_csv: include_str!("../sample_data/paris-1-2017/candidates.csv"),
        bureaux_csv: include_str!("../sample_data/paris-1-2017/bureaux.csv"),
        record_csv: include_str!("../sample_data/paris-1-2017/record.csv"),
    },
    // The présidentielle of April 2022: one national circonscription, the twelve candidates in
    // their official panel order, bureaux of a few communes (docs/sample.md).
    Sample {
        name: "presidentielle-2022",
        election_toml: include_str!("../sample_data/presidentielle-2022/election.toml"),
        candidates_csv: include_str!("../sample_data/presidentielle-2022/candidates.csv"),
        bureaux_csv: include_str!("../sample_data/presidentielle-2022/bureaux.csv"),
        record_csv: include_str!("../sample_data/presidentielle-2022/record.csv"),
    },
];

/// The sample called `name`.
pub fn find(name: &str) -> Option<&'static Sample> {
    SAMPLES.iter().find(|s| s.name == name)
}

/// The names of the samples the first-run form offers: every bundled one (the législatives
/// reference record first, then the présidentielle of 2022, the kind of April 2027's election).
pub fn names() -> Vec<&'static str> {
    SAMPLES.iter().map(|s| s.name).collect()
}

/// The names of every bundled sample, for error messages.
pub fn all_names() -> Vec<&'static str> {
    SAMPLES.iter().map(|s| s.name).collect()
}

/// A sample file that does not parse: a bug in the build, reported with file and line.
#[derive(Debug, thiserror::Error)]
#[error("bundled sample {sample}, {file}: {what}")]
pub struct SampleError {
    sample: &'static str,
    file: &'static str,
    what: String,
}

#[derive(Deserialize)]
struct ElectionToml {
    kind: String,
    year: u16,
    round: u8,
    date: Option<chrono::NaiveDate>,
    default_bureau: Option<String>,
    circonscription: Vec<CircToml>,
    record: Option<RecordToml>,
}

#[derive(Deserialize)]
struct RecordToml {
    voters: u32,
    received: u32,
    non_receipt_bureau: String,
}

#[derive(Deserialize)]
struct CircToml {
    code: String,
    label: String,
}

#[derive(Deserialize)]
struct CandidateRow {
    circonscription: String,
    panel: u16,
    surname: String,
    given_name: String,
    sex: String,
    nuance: String,
}

#[derive(Deserialize)]
struct BureauRow {
    code: String,
    circonscription: String,
    label: String,
    address: String,
    commune: String,
    voting_machines: bool,
}

#[derive(Deserialize)]
struct RecordRow {
    circonscription: String,
    bureau: String,
    panel: u16,
    item: String,
    value: String,
}

impl Sample {
    fn err(&self, file: &'static str, what: impl std::fmt::Display) -> SampleError {
        SampleError {
            sample: self.name,
            file,
            what: what.to_string(),
        }
    }

    fn rows<T: serde::de::DeserializeOwned>(
        &self,
        file: &'static str,
        text: &str,
    ) -> Result<Vec<T>, SampleError> {
        csv::Reader::from_reader(text.as_bytes())
            .deserialize()
            .collect::<Result<Vec<T>, _>>()
            .map_err(|e| self.err(file, e))
    }

    /// The election and its reference data.
    pub fn election_data(&self) -> Result<ElectionData, SampleError> {
        let toml: ElectionToml =
            toml::from_str(self.election_toml).map_err(|e| self.err("election.toml", e))?;
        let election = Election {
            kind: toml
                .kind
                .parse::<ElectionKind>()
                .map_err(|k| self.err("election.toml", format!("unknown kind {k}")))?,
            year: toml.year,
            round: toml.round,
            date: toml.date,
        };
        let code = |file, s: &str| CirconscriptionCode::parse(s).map_err(|e| self.err(file, e));
        let mut referential = Referential {
            election_day: election.date,
            election_kind: Some(election.kind),
            ..Referential::default()
        };
        for c in toml.circonscription {
            let code = code("election.toml", &c.code)?;
            referential.circonscriptions.insert(
                code.clone(),
                Circonscription {
                    code,
                    label: c.label,
                },
            );
        }
        let mut candidates: BTreeMap<CirconscriptionCode, Vec<Candidate>> = BTreeMap::new();
        for r in self.rows::<CandidateRow>("candidates.csv", self.candidates_csv)? {
            let circonscription = code("candidates.csv", &r.circonscription)?;
            candidates
                .entry(circonscription.clone())
                .or_default()
                .push(Candidate {
                    circonscription,
                    panel: Panel::new(r.panel).map_err(|e| self.err("candidates.csv", e))?,
                    surname: r.surname,
                    given_name: r.given_name,
                    sex: Sex::parse(&r.sex)
                        .ok_or_else(|| self.err("candidates.csv", format!("sex {}", r.sex)))?,
                    nuance: r.nuance,
                });
        }
        referential.candidates = candidates;
        for r in self.rows::<BureauRow>("bureaux.csv", self.bureaux_csv)? {
            let code_b = BureauCode::parse(&r.code).map_err(|e| self.err("bureaux.csv", e))?;
            referential.bureaux.insert(
                code_b.clone(),
                Bureau {
                    code: code_b,
                    circonscription: Some(code("bureaux.csv", &r.circonscription)?),
                    label: r.label,
                    address: r.address,
                    commune: r.commune,
                    voting_machines: r.voting_machines,
                },
            );
        }
        Ok(ElectionData {
            election,
            referential,
        })
    }

    /// The bureau the demo opens on.
    pub fn default_bureau(&self) -> Result<Option<BureauCode>, SampleError> {
        let toml: ElectionToml =
            toml::from_str(self.election_toml).map_err(|e| self.err("election.toml", e))?;
        toml.default_bureau
            .map(|b| BureauCode::parse(&b).map_err(|e| self.err("election.toml", e)))
            .transpose()
    }

    /// The whole reference record: its ticks, then the household envelope and the non-receipt
    /// of `election.toml`'s `[record]`.
    pub fn record_events(&self) -> Result<Vec<EventBody>, SampleError> {
        let mut events = self.record_ticks()?;
        let toml: ElectionToml =
            toml::from_str(self.election_toml).map_err(|e| self.err("election.toml", e))?;
        let (Some(record), Some(circ)) = (toml.record, toml.circonscription.first()) else {
            return Ok(events);
        };
        let circonscription =
            CirconscriptionCode::parse(&circ.code).map_err(|e| self.err("election.toml", e))?;
        let bureau = BureauCode::parse(&record.non_receipt_bureau)
            .map_err(|e| self.err("election.toml", e))?;
        events.push(EventBody::Envelope {
            circonscription: circonscription.clone(),
            bureau: Some(bureau.clone()),
            voters: record.voters,
            received: record.received,
            note: None,
            received_on: None,
        });
        events.push(EventBody::NonReceipt {
            circonscription,
            bureau,
            voter: None,
            note: None,
            // "the non-receipt of his own envelope" (domain.md, the reference record).
            household: Some(true),
        });
        Ok(events)
    }

    /// When a fact of the reference record was seen, for a replay that dates it as the record
    /// does: the record gives days, not times, so the table is dated the election day at 10:00
    /// and the envelope the day before at 18:00, in the place's legal local time. `None` when
    /// the sample has no election day.
    pub fn record_seen_at(
        &self,
        day: Option<chrono::NaiveDate>,
        body: &EventBody,
    ) -> Option<chrono::DateTime<chrono::Utc>> {
        let day = day?;
        let circ = body.circonscription()?;
        let flat = body.flat();
        let zone = crate::domain::legal_time::LegalZone::of_place(circ, flat.bureau);
        let (day, hour) = if flat.item == Some("bureau") {
            (day, 10)
        } else {
            (day.pred_opt()?, 18)
        };
        zone.to_utc(day.and_hms_opt(hour, 0, 0)?)
    }

    /// The reference record's ticks (`record.csv`), in file order.
    pub fn record_ticks(&self) -> Result<Vec<EventBody>, SampleError> {
        let file = "record.csv";
        self.rows::<RecordRow>(file, self.record_csv)?
            .into_iter()
            .map(|r| {
                Ok(EventBody::Tick {
                    circonscription: CirconscriptionCode::parse(&r.circonscription)
                        .map_err(|e| self.err(file, e))?,
                    bureau: Some(BureauCode::parse(&r.bureau).map_err(|e| self.err(file, e))?),
                    panel: Panel::new(r.panel).map_err(|e| self.err(file, e))?,
                    item: r
                        .item
                        .parse::<Item>()
                        .map_err(|i| self.err(file, format!("item {i}")))?,
                    mark: r
                        .value
                        .parse::<Mark>()
                        .map_err(|v| self.err(file, format!("value {v}")))?,
                    note: None,
                    envelope: None,
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{RecordState, build_record};

    #[test]
    fn every_bundled_sample_parses() {
        for s in SAMPLES {
            let data = s.election_data().unwrap();
            assert!(!data.referential.circonscriptions.is_empty());
            s.record_ticks().unwrap();
            if let Some(b) = s.default_bureau().unwrap() {
                assert!(data.referential.bureaux.contains_key(&b), "{b}");
            }
        }
    }

    #[test]
    fn presidentielle_2022_has_the_twelve_candidates_in_panel_order_and_one_national_scope() {
        let data = find("presidentielle-2022")
            .unwrap()
            .election_data()
            .unwrap();
        assert_eq!(data.election.kind, ElectionKind::Presidentielle);
        assert_eq!(
            data.election.date,
            chrono::NaiveDate::from_ymd_opt(2022, 4, 10)
        );
        assert_eq!(data.referential.circonscriptions.len(), 1);
        let circ = CirconscriptionCode::parse("FR01").unwrap();
        let names: Vec<String> = data
            .referential
            .candidates_of(&circ)
            .iter()
            .map(|c| format!("{} {}", c.panel, c.surname))
            .collect();
        // The Conseil constitutionnel's list of 7 March 2022, in the panel order drawn by lot.
        assert_eq!(
            names,
            [
                "1 ARTHAUD",
                "2 ROUSSEL",
                "3 MACRON",
                "4 LASSALLE",
                "5 LE PEN",
                "6 ZEMMOUR",
                "7 MÉLENCHON",
                "8 HIDALGO",
                "9 JADOT",
                "10 PÉCRESSE",
                "11 POUTOU",
                "12 DUPONT-AIGNAN"
            ]
        );
        // Bureaux of several communes (and départements), all in the national scope.
        let communes: std::collections::BTreeSet<&str> = data
            .referential
            .bureaux
            .values()
            .map(|b| b.commune.as_str())
            .collect();
        assert!(communes.len() >= 4, "{communes:?}");
        assert!(
            data.referential
                .bureaux
                .values()
                .all(|b| b.circonscription.as_ref() == Some(&circ))
        );
    }

    #[test]
    fn paris_1_has_the_22_official_candidates_of_domain_md() {
        let data = find("paris-1-2017").unwrap().election_data().unwrap();
        let circ = CirconscriptionCode::parse("7501").unwrap();
        let c = data.referential.candidates_of(&circ);
        assert_eq!(c.len(), 22);
        assert_eq!(c[0].display_name(), "LEVAVASSEUR Éric");
        assert_eq!(c[11].display_name(), "VÉRON Pauline");
        assert_eq!((c[2].nuance.as_str(), c[2].sex), ("REM", Sex::M));
        assert_eq!(c[20].display_name(), "LEGARET Jean-François");
        let clauzel = BureauCode::parse("75056_0911").unwrap();
        assert!(
            data.referential.bureaux[&clauzel]
                .address
                .contains("rue Clauzel")
        );
    }

    #[test]
    fn the_reference_record_gives_15_complete_and_7_bureau_only() {
        use crate::domain::{Event, EventId, ObserverId, record::Finding};
        let sample = find("paris-1-2017").unwrap();
        let data = sample.election_data().unwrap();
        let events: Vec<Event> = sample
            .record_ticks()
            .unwrap()
            .into_iter()
            .enumerate()
            .map(|(i, body)| Event {
                id: EventId(uuid::Uuid::from_u128(i as u128 + 1)),
                observer: ObserverId(uuid::Uuid::from_u128(7)),
                seq: i as u64 + 1,
                recorded_at: chrono::DateTime::UNIX_EPOCH,
                seen_at: None,
                body,
            })
            .collect();
        let state = RecordState::fold(&events);
        let circ = CirconscriptionCode::parse("7501").unwrap();
        let record = build_record(&data.referential, &state, &circ).unwrap();
        let counts: Vec<(&str, usize)> = record
            .findings
            .iter()
            .map(|f| match f {
                Finding::Complete { candidates } => ("complete", candidates.len()),
                Finding::MissingFromEnvelope { candidates, .. } => ("envelope", candidates.len()),
                _ => ("other", 0),
            })
            .collect();
        assert_eq!(counts, vec![("complete", 15), ("envelope", 7)]);
    }
}
