//! Whole-report snapshots on the 2017 reference record, and checks of each format's contract.

use chrono::DateTime;
use uuid::Uuid;

use super::*;
use crate::domain::referential::ElectionData;
use crate::domain::{
    BureauCode, CirconscriptionCode, Event, EventBody, EventId, Item, ObserverId, Panel,
    RecordState, build_record,
};
use crate::sample;

fn data() -> ElectionData {
    sample::find("paris-1-2017")
        .unwrap()
        .election_data()
        .unwrap()
}

fn circ() -> CirconscriptionCode {
    CirconscriptionCode::parse("7501").unwrap()
}

fn events(observer: u128, bodies: Vec<EventBody>) -> Vec<Event> {
    bodies
        .into_iter()
        .enumerate()
        .map(|(i, body)| Event {
            id: EventId(Uuid::from_u128(observer << 64 | i as u128)),
            observer: ObserverId(Uuid::from_u128(observer)),
            seq: i as u64 + 1,
            recorded_at: DateTime::from_timestamp(1_497_160_000 + i as i64, 0).unwrap(),
            body,
        })
        .collect()
}

/// The 2017 record: 66 ticks, 1 envelope for 4 voters, 1 non-receipt.
fn reference_events() -> Vec<Event> {
    events(
        1,
        sample::find("paris-1-2017")
            .unwrap()
            .record_events()
            .unwrap(),
    )
}

fn render_to_string(events: &[Event], format: Format, lang: Lang) -> String {
    let data = data();
    let state = RecordState::fold(events);
    let records = state
        .observed_circonscriptions()
        .iter()
        .filter_map(|c| build_record(&data.referential, &state, c))
        .collect();
    let report = Report {
        election: &data.election,
        records,
        digest: None,
    };
    let mut out = Vec::new();
    render(&report, format, lang, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn reference_record_text_report_in_french() {
    let text = render_to_string(&reference_events(), Format::Text, Lang::Fr);
    assert!(text.contains("15 candidats ont les trois éléments"));
    assert!(text.contains("7 candidats n'ont ni profession de foi ni bulletin dans l'enveloppe ; les 7 ont leur bulletin au bureau"));
    assert!(text.contains("1 enveloppe pour 4 électeurs : 3 manquantes"));
    assert!(text.contains("1 non-réception enregistrée"));
    insta::assert_snapshot!(text);
}

#[test]
fn reference_record_text_report_in_english() {
    insta::assert_snapshot!(render_to_string(
        &reference_events(),
        Format::Text,
        Lang::En
    ));
}

#[test]
fn reference_record_markdown_report() {
    insta::assert_snapshot!(render_to_string(&reference_events(), Format::Md, Lang::Fr));
}

#[test]
fn reference_record_csv_has_the_contract_columns_and_one_row_per_candidate() {
    let csv = render_to_string(&reference_events(), Format::Csv, Lang::En);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some(
            "circonscription,panel,candidate,nuance,profession_de_foi,bulletin_courrier,bulletin_bureau"
        )
    );
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), 22);
    assert_eq!(rows[0], "7501,1,LEVAVASSEUR Éric,DVD,absent,absent,present");
    assert_eq!(
        rows.iter()
            .filter(|r| r.ends_with("present,present,present"))
            .count(),
        15
    );
    assert_eq!(
        rows.iter()
            .filter(|r| r.ends_with("absent,absent,present"))
            .count(),
        7
    );
    // The CSV does not depend on the interface language.
    assert_eq!(
        csv,
        render_to_string(&reference_events(), Format::Csv, Lang::Fr)
    );
    insta::assert_snapshot!(csv);
}

#[test]
fn reference_record_json_report() {
    let json = render_to_string(&reference_events(), Format::Json, Lang::Fr);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["format_version"], 1);
    assert_eq!(
        v["circonscriptions"][0]["rows"].as_array().unwrap().len(),
        22
    );
    insta::assert_snapshot!(json);
}

#[test]
fn an_empty_database_reports_no_observation() {
    let text = render_to_string(&[], Format::Text, Lang::Fr);
    assert!(text.contains("Aucune observation enregistrée."), "{text}");
}

#[test]
fn disagreeing_observers_and_a_missing_bureau_ballot_are_reported() {
    let tick = |panel: u16, item: Item, mark: Mark| EventBody::Tick {
        circonscription: circ(),
        bureau: Some(BureauCode::parse("75056_0911").unwrap()),
        panel: Panel::new(panel).unwrap(),
        item,
        mark,
        note: None,
    };
    let mut log = events(
        1,
        vec![
            tick(3, Item::Bureau, Mark::Present),
            tick(4, Item::Foi, Mark::Present),
        ],
    );
    log.extend(events(2, vec![tick(3, Item::Bureau, Mark::Absent)]));
    let text = render_to_string(&log, Format::Text, Lang::Fr);
    assert!(text.contains("1 bulletin absent de la table du bureau (L.58, R.55) : irrégularité grave : n° 3 MAILLARD Sylvain (REM)."), "{text}");
    assert!(
        text.contains("1 candidat : les observateurs se contredisent"),
        "{text}"
    );
    assert!(
        text.contains("22 candidats pas encore entièrement vérifiés"),
        "{text}"
    );
}

#[test]
fn markdown_escapes_table_breaking_characters() {
    assert_eq!(markdown::cell("a|b_c*"), "a\\|b\\_c\\*");
}
