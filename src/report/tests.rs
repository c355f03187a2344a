//! Whole-report snapshots on the 2017 reference record, the findings of a generated
//! multi-observer data set where every kind of finding occurs, the procès-verbal, and checks of
//! each format's contract. Findings are checked on the record first; a text check compares with
//! the catalogue's words for the values, except the legal references, checked as written.

use chrono::DateTime;
use uuid::Uuid;

use super::*;
use crate::domain::legal_time::LegalZone;
use crate::domain::record::build_record_with;
use crate::domain::referential::ElectionData;
use crate::domain::{
    BureauCode, CirconscriptionCode, Event, EventBody, EventId, Item, ObserverId, Panel,
    RecordState,
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

/// Observer 1 is "Test" (as in the integration tests), 2 is "Marie", 3 is "Jean".
fn names() -> crate::domain::record::Names {
    [(1, "Test"), (2, "Marie"), (3, "Jean")]
        .into_iter()
        .map(|(o, n)| (ObserverId(Uuid::from_u128(o)), n.to_owned()))
        .collect()
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
            seen_at: None,
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
    render_with(&data(), events, format, lang, None)
}

fn render_with(
    data: &ElectionData,
    events: &[Event],
    format: Format,
    lang: Lang,
    digest: Option<&str>,
) -> String {
    let state = RecordState::fold(events);
    let records = state
        .observed_circonscriptions()
        .iter()
        .filter_map(|c| build_record_with(&data.referential, &state, c, &names()))
        .collect();
    let report = Report {
        election: &data.election,
        records,
        digest: digest.map(str::to_owned),
        disputes: Vec::new(),
    };
    let mut out = Vec::new();
    render(&report, format, lang, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// The record of circonscription 7501 that the report renders.
fn record_of(events: &[Event]) -> crate::domain::CircRecord {
    let state = RecordState::fold(events);
    build_record_with(&data().referential, &state, &circ(), &names()).expect("7501 observed")
}

/// How many candidates `f` is about.
fn candidates_in(f: &crate::domain::Finding) -> Vec<u16> {
    use crate::domain::Finding::*;
    match f {
        Complete { candidates }
        | MissingFromEnvelope { candidates, .. }
        | MissingAtBureau { candidates }
        | Disputed { candidates }
        | NotChecked { candidates } => candidates.iter().map(|c| c.panel.get()).collect(),
        Shortfall { .. } | NonReceipts { .. } => vec![],
    }
}

#[test]
fn reference_record_text_report_in_french() {
    use crate::domain::Finding;
    use crate::domain::record::EnvelopeGap;
    // What the record finds: 15 complete, 7 with neither item in the envelope but at the
    // bureau, one household of 4 short of 3 envelopes, one non-receipt.
    let record = record_of(&reference_events());
    let complete = record
        .findings
        .iter()
        .find(|f| matches!(f, Finding::Complete { .. }))
        .expect("complete candidates");
    assert_eq!(candidates_in(complete).len(), 15);
    let both = record
        .findings
        .iter()
        .find(|f| {
            matches!(
                f,
                Finding::MissingFromEnvelope {
                    gap: EnvelopeGap::Both,
                    at_bureau: Mark::Present,
                    ..
                }
            )
        })
        .expect("candidates missing from the envelope");
    assert_eq!(candidates_in(both).len(), 7);
    assert!(record.findings.iter().any(|f| matches!(
        f,
        Finding::Shortfall {
            voters: 4,
            received: 1,
            missing: 3,
            households: 1
        }
    )));
    assert!(
        record
            .findings
            .iter()
            .any(|f| matches!(f, Finding::NonReceipts { count: 1, .. }))
    );
    // Each is said with the catalogue's words for its numbers.
    let text = render_to_string(&reference_events(), Format::Text, Lang::Fr);
    let cat = Lang::Fr.catalog();
    for said in [
        (cat.finding_complete)(15),
        (cat.finding_missing_both)(7),
        (cat.finding_at_bureau_present)(7),
        (cat.finding_shortfall)(4, 1, 3),
        (cat.finding_non_receipts)(1),
    ] {
        assert!(text.contains(&said), "missing «{said}» in:\n{text}");
    }
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
    assert_eq!(v["format_version"], 3);
    assert_eq!(
        v["circonscriptions"][0]["rows"].as_array().unwrap().len(),
        22
    );
    insta::assert_snapshot!(json);
}

#[test]
fn an_empty_database_reports_no_observation() {
    let state = RecordState::fold(&[]);
    assert!(state.observed_circonscriptions().is_empty());
    let text = render_to_string(&[], Format::Text, Lang::Fr);
    let none = Lang::Fr.catalog().report_no_observation;
    assert!(text.contains(none), "{text}");
    let observed = render_to_string(&reference_events(), Format::Text, Lang::Fr);
    assert!(
        !observed.contains(none),
        "said only when nothing is recorded"
    );
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
        envelope: None,
    };
    let mut log = events(
        1,
        vec![
            tick(3, Item::Bureau, Mark::Present),
            tick(4, Item::Foi, Mark::Present),
        ],
    );
    log.extend(events(2, vec![tick(3, Item::Bureau, Mark::Absent)]));
    use crate::domain::Finding;
    let record = record_of(&log);
    let about = |pick: fn(&Finding) -> bool| -> Vec<u16> {
        record
            .findings
            .iter()
            .filter(|f| pick(f))
            .flat_map(candidates_in)
            .collect()
    };
    assert_eq!(about(|f| matches!(f, Finding::MissingAtBureau { .. })), [3]);
    assert_eq!(about(|f| matches!(f, Finding::Disputed { .. })), [3]);
    assert_eq!(about(|f| matches!(f, Finding::NotChecked { .. })).len(), 22);
    let text = render_to_string(&log, Format::Text, Lang::Fr);
    let cat = Lang::Fr.catalog();
    let missing = text
        .lines()
        .find(|l| l.contains("absent de la table du bureau"))
        .unwrap_or_else(|| panic!("no missing ballot in:\n{text}"));
    // The ballot absent from the table names the candidate and the articles at stake, from the
    // rule table.
    let law = crate::domain::law::Law::of(crate::domain::ElectionKind::Legislatives);
    assert!(
        missing.contains("n° 3 MAILLARD Sylvain (REM)")
            && missing.contains(&crate::report::pv::cite(law.table_cite, Lang::Fr)),
        "{missing}"
    );
    assert!(text.contains(&(cat.finding_disputed)(1)), "{text}");
    assert!(text.contains(&(cat.finding_not_checked)(22)), "{text}");
}

#[test]
fn markdown_escapes_table_breaking_characters() {
    assert_eq!(markdown::cell("a|b_c*"), "a\\|b\\_c\\*");
}

const DIGEST: &str = "5f1c0e8a9b7d6c5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e";

/// `text` as the HTML report escapes it.
fn html_escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

#[test]
fn text_markdown_and_html_end_with_the_digest_line() {
    let said = (Lang::Fr.catalog().digest_some)(DIGEST);
    assert!(said.contains(DIGEST));
    for (format, last) in [
        (Format::Text, said.clone()),
        (Format::Md, said.clone()),
        (Format::Html, "</html>".to_owned()),
    ] {
        let out = render_with(&data(), &reference_events(), format, Lang::Fr, Some(DIGEST));
        assert_eq!(out.lines().last(), Some(last.as_str()), "{format:?}");
    }
    let html = render_with(
        &data(),
        &reference_events(),
        Format::Html,
        Lang::Fr,
        Some(DIGEST),
    );
    let footer = &html[html.find("<footer>").unwrap()..];
    assert!(
        footer.contains(&format!(
            "<p class=\"digest\">{}</p>\n</footer>",
            html_escaped(&said)
        )),
        "{footer}"
    );
    let json = render_with(
        &data(),
        &reference_events(),
        Format::Json,
        Lang::Fr,
        Some(DIGEST),
    );
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["digest"], DIGEST);
}

#[test]
fn without_a_digest_every_printed_report_says_none_is_available_yet() {
    for (format, lang) in [
        (Format::Text, Lang::Fr),
        (Format::Text, Lang::En),
        (Format::Md, Lang::Fr),
    ] {
        let out = render_to_string(&reference_events(), format, lang);
        let none = lang.catalog().digest_none;
        assert_eq!(out.lines().last(), Some(none), "{format:?} {lang:?}");
    }
    let none = Lang::Fr.catalog().digest_none;
    let html = render_to_string(&reference_events(), Format::Html, Lang::Fr);
    assert!(
        html.contains(&format!("<p class=\"digest\">{}</p>", html_escaped(none))),
        "{html}"
    );
    // The empty report too.
    let empty = render_to_string(&[], Format::Text, Lang::Fr);
    assert!(empty.ends_with(&format!("{none}\n")), "{empty}");
    let json: serde_json::Value = serde_json::from_str(&render_to_string(
        &reference_events(),
        Format::Json,
        Lang::Fr,
    ))
    .unwrap();
    assert!(json["digest"].is_null(), "{json}");
}

#[test]
fn html_is_one_self_contained_french_page() {
    let html = render_to_string(&reference_events(), Format::Html, Lang::Fr);
    assert!(
        html.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"),
        "{html}"
    );
    for forbidden in [
        "http://", "https://", "<script", "<link", "src=", "url(", "@import",
    ] {
        assert!(!html.contains(forbidden), "{forbidden}");
    }
    assert!(html.contains("@media print"));
    assert!(html.contains("break-before: page"));
    // The chart's bars: 15 candidates all present (3 green bars each), 7 with two red bars.
    assert_eq!(
        html.matches(&format!("fill=\"{}\"", html::PRESENT)).count(),
        15 * 3 + 7
    );
    // Plus one red bar: the département's missing envelopes.
    assert_eq!(
        html.matches(&format!("fill=\"{}\"", html::ABSENT)).count(),
        7 * 2 + 1
    );
    assert!(html.contains("15 candidats ont les trois éléments"));
    assert!(html.contains(
        "7 candidats n&#39;ont ni profession de foi ni bulletin dans l&#39;enveloppe ; les 7 ont leur bulletin au bureau"
    ));
    let en = render_to_string(&reference_events(), Format::Html, Lang::En);
    assert!(en.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
}

#[test]
fn html_escapes_every_text_it_is_given() {
    let mut data = data();
    let hostile = "<img src=x onerror=alert(1)> & \"quoted\"";
    if let Some(c) = data.referential.candidates.get_mut(&circ()) {
        c[0].surname = hostile.to_owned();
    }
    if let Some(c) = data.referential.circonscriptions.get_mut(&circ()) {
        c.label = "</title><script>".to_owned();
    }
    let html = render_with(&data, &reference_events(), Format::Html, Lang::Fr, None);
    assert!(!html.contains("<img"), "{html}");
    assert!(!html.contains("<script"), "{html}");
    assert!(html.contains("&lt;IMG SRC=X ONERROR=ALERT(1)&gt; &amp; &quot;QUOTED&quot;"));
}

// ---------------------------------------------------------------------------------------------
// The generated multi-observer data set where every kind of finding occurs, kept in tests/
// (tests/fixtures/multi_observer.rs) where the integration tests read it too.

#[path = "../../tests/fixtures/multi_observer.rs"]
mod multi_observer;
use multi_observer::{bureau, env, national_data, national_events, national_names, t, timed};

fn national_report(format: Format, lang: Lang) -> String {
    multi_observer::national_report(format, lang, DIGEST)
}

#[test]
fn every_kind_of_finding_occurs_in_the_generated_data_set() {
    let json = national_report(Format::Json, Lang::Fr);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let c75 = &v["circonscriptions"][0];
    let details = c75["details"].as_array().unwrap();
    let kinds = |k: &str| -> Vec<&serde_json::Value> {
        details.iter().filter(|d| d["finding"] == k).collect()
    };
    let not_supplied = kinds("not_in_any_envelope");
    let envelopes: Vec<(u64, u64)> = not_supplied
        .iter()
        .map(|d| {
            (
                d["candidate"]["panel"].as_u64().unwrap(),
                d["envelopes"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(envelopes, [(1, 2), (2, 2), (7, 1)]);
    let failure = kinds("possible_distribution_failure");
    assert_eq!(failure.len(), 1);
    assert_eq!(
        (
            &failure[0]["candidate"]["panel"],
            &failure[0]["item"],
            &failure[0]["absent"],
            &failure[0]["present"]
        ),
        (
            &serde_json::json!(3),
            &serde_json::json!("courrier"),
            &serde_json::json!(1),
            &serde_json::json!(1)
        )
    );
    let irregular: Vec<(&str, u64, &str)> = kinds("absent_from_table")
        .iter()
        .map(|d| {
            (
                d["bureau"].as_str().unwrap(),
                d["candidate"]["panel"].as_u64().unwrap(),
                d["periods"][0]["observer_name"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        irregular,
        [
            ("75056_0911", 3, "Bruno"),
            ("75056_0911", 5, "Alice"),
            ("75056_0911", 8, "Bruno"),
            // Observers disagree on 75056_0914's machines: its table's findings stand.
            ("75056_0914", 11, "Fanny"),
            ("75056_0914", 12, "Fanny")
        ]
    );
    // Émile's statement makes 75056_0912 a machines bureau: his "absent" there is nothing.
    assert!(!irregular.iter().any(|(_, p, _)| *p == 10));
    let disputed = kinds("machines_disputed");
    assert_eq!(disputed.len(), 1);
    assert_eq!(disputed[0]["bureau"], "75056_0914");
    assert_eq!(disputed[0]["statements"].as_array().unwrap().len(), 2);
    // Chloé's household is at a machines bureau: no mailed ballot was due (R.34).
    assert!(
        !details
            .iter()
            .any(|d| d["candidate"]["panel"] == 9 && d["finding"] != "absent_from_table"),
        "candidate 9: {details:?}"
    );
    // Fanny's 20:30 sighting and Émile's envelope of 12 June are flagged.
    let late = kinds("seen_after_polls");
    assert_eq!(late[0]["count"], 1);
    assert_eq!(late[0]["observations"][0]["panel"], 12);
    assert_eq!(kinds("received_after_election").len(), 1);
    let disagreement = kinds("disagreement");
    assert_eq!(disagreement.len(), 1);
    let views: Vec<(&str, &str, &str)> = disagreement[0]["observations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            (
                o["observer_name"].as_str().unwrap(),
                o["mark"].as_str().unwrap(),
                o["at"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        views,
        [
            ("Bruno", "absent", "2017-06-11T15:00:00Z"),
            ("Denis", "present", "2017-06-11T15:20:00Z"),
            ("Bruno", "absent", "2017-06-11T15:30:00Z")
        ]
    );
    // The voting-machine bureau is listed, marked, and gives nothing.
    let machines: Vec<&serde_json::Value> = c75["bureaux"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["voting_machines"] == true)
        .collect();
    let machines: Vec<&serde_json::Value> = machines.iter().map(|b| &b["code"]).collect();
    assert_eq!(machines, ["75056_0912", "75056_0913"]);
    assert!(!json.contains("\"bureau\": \"75056_0913\",\n          \"candidate\""));
    let shortfall = &kinds("shortfall")[0]["rate"];
    assert_eq!(shortfall["households"], 14);
    assert!(shortfall["interval"]["low"].as_f64().is_some());
    assert_eq!(kinds("non_receipts")[0]["count"], 1);
    // Undone, so no irregularity for candidate 6.
    assert!(!irregular.iter().any(|(_, p, _)| *p == 6));
    let deps = v["departements"].as_array().unwrap();
    assert_eq!(deps.len(), 2);
    assert!(deps[0]["shortfall"]["interval"].is_object());
    assert!(deps[1]["shortfall"]["interval"].is_null());
    // The voter's name stays out of the report.
    assert!(!json.contains("Paul Martin"));
}

#[test]
fn generated_data_set_text_report() {
    insta::assert_snapshot!(national_report(Format::Text, Lang::Fr));
}

// ---------------------------------------------------------------------------------------------
// The procès-verbal.

fn pv_of(
    events: &[Event],
    data: &ElectionData,
    code: &str,
    appeal: Option<&str>,
    lang: Lang,
) -> String {
    let state = RecordState::fold(events);
    let code = BureauCode::parse(code).unwrap();
    let bureau = data.referential.bureaux[&code].clone();
    let circ = bureau.circonscription.clone().unwrap();
    let names = if events
        .iter()
        .any(|e| e.observer == ObserverId(Uuid::from_u128(1)))
    {
        names()
    } else {
        national_names()
    };
    let record = build_record_with(&data.referential, &state, &circ, &names).unwrap();
    let voters = state
        .non_receipts_of(&circ)
        .filter_map(|f| f.voter.clone().map(|v| (f.event, v)))
        .collect();
    let pv = pv::Pv {
        election: &data.election,
        checked: pv::checked_at_bureau(&state, &record, &bureau),
        record: &record,
        bureau: &bureau,
        voters: &voters,
        signer: "Test",
        digest: Some(DIGEST),
        reference: None,
        appeal: appeal.map(|d| d.parse().unwrap()),
    };
    let mut out = Vec::new();
    pv::render(&pv, lang.catalog(), &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn reference_record_pv_in_french() {
    let text = pv_of(&reference_events(), &data(), "75056_0911", None, Lang::Fr);
    // The legal references, as the bureau must read them.
    assert!(text.contains("article R.52"), "{text}");
    assert!(text.contains("R.34 et R.38"), "{text}");
    // Every ballot was on the table: the bureau's section is left out (no non-grievance).
    assert!(!text.contains("L.58 et R.55"), "{text}");
    // The household's fact, with who saw it and when (Paris time, not said in metropolitan France).
    let t = &Lang::Fr.catalog().pv;
    let envelope = reference_events()
        .into_iter()
        .find(|e| matches!(e.body, EventBody::Envelope { .. }))
        .unwrap();
    let who = format!(
        "Test ({})",
        time(
            envelope.recorded_at,
            LegalZone::Metropole,
            Lang::Fr.catalog()
        )
    );
    assert!(who.contains(" h ") && !who.contains("UTC"), "{who}");
    let fact = format!("- {}", (t.household)(4, 1, &who));
    assert!(
        text.lines().any(|l| l == fact),
        "missing «{fact}» in:\n{text}"
    );
    assert!(text.ends_with(&format!("{DIGEST}\n")), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn reference_record_pv_in_english() {
    insta::assert_snapshot!(pv_of(
        &reference_events(),
        &data(),
        "75056_0911",
        None,
        Lang::En
    ));
}

#[test]
fn reference_record_appeal_gives_the_deadline_and_the_facts() {
    let text = pv_of(
        &reference_events(),
        &data(),
        "75056_0911",
        Some("2017-06-18"),
        Lang::Fr,
    );
    // Ten days after the proclamation, at 18:00 (from the law table).
    let said = crate::i18n::Message::new("pv-remedy-deadline-six")
        .arg("day", "mercredi 28 juin 2017")
        .render(Lang::Fr);
    assert!(
        text.contains(&format!("au plus tard {said}")),
        "missing «{said}» in:\n{text}"
    );
    assert!(text.contains("mercredi 28 juin 2017"), "{text}");
    assert!(text.contains("LO.180"), "{text}");
    assert!(text.contains("ordonnance n° 58-1067"), "{text}");
    // The appeal adds to the réclamation, which comes first.
    let reclamation = pv_of(&reference_events(), &data(), "75056_0911", None, Lang::Fr);
    let without_digest = reclamation.rsplit_once("\n\n").unwrap().0;
    assert!(text.starts_with(without_digest), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn the_pv_of_a_bureau_lists_its_own_facts_with_who_and_when() {
    let data = national_data();
    let cat = Lang::Fr.catalog();
    let t = &cat.pv;
    let text = pv_of(&national_events(), &data, "75056_0911", None, Lang::Fr);
    // Alice's absence, with her time (09:01 UTC is 11 h 01 in Paris in June) and note.
    let period = crate::i18n::Message::new("period-absent")
        .arg("single", true)
        .arg("day", "dimanche 11 juin 2017")
        .arg("from", "11 h 01")
        .arg("until", "11 h 01")
        .arg("zone", "")
        .arg("observer", "Alice")
        .arg("notes", format!(", {}", (cat.quote)("bulletins épuisés")))
        .arg("back", "")
        .render(Lang::Fr);
    let absent = (t.bureau_absent)("n° 5 DE BAYSER Mathilde (DIV)", &period);
    assert!(text.contains(&absent), "missing «{absent}» in:\n{text}");
    // Denis saw candidate 3's ballot within Bruno's period of absence: both are kept, each
    // with its time.
    let disputed = text
        .lines()
        .find(|l| l.contains("n° 3 MAILLARD Sylvain (REM)") && l.contains("Denis"))
        .unwrap_or_else(|| panic!("no disagreement on candidate 3 in:\n{text}"));
    for view in [
        format!(
            "Denis{}{} (dimanche 11 juin 2017, 17 h 20)",
            cat.list_sep, cat.mark_present
        ),
        format!(
            "Bruno{}{} (dimanche 11 juin 2017, 17 h 00)",
            cat.list_sep, cat.mark_absent
        ),
    ] {
        assert!(disputed.contains(&view), "«{view}» not in: {disputed}");
    }
    assert!(
        text.contains(&(t.non_receipts_elsewhere)(1)),
        "the other bureau's non-receipt is counted, not listed:\n{text}"
    );
    assert!(!text.contains("Paul Martin"), "{text}");
    insta::assert_snapshot!(text);
    let machines = pv_of(&national_events(), &data, "75056_0913", None, Lang::Fr);
    // A bureau with voting machines has no table: nothing is said about one.
    assert!(!machines.contains("Au bureau de vote ("), "{machines}");
    // The non-receipt is said without the voter's name (law.md §3a: no third party's name).
    assert!(!machines.contains("Paul Martin"), "{machines}");
    let fact = (t.non_receipt)(None, "\u{1}");
    let fact = fact.split('\u{1}').next().unwrap();
    assert!(machines.contains(fact), "missing «{fact}» in:\n{machines}");
}

#[test]
fn a_restocked_ballot_keeps_its_period_of_absence_everywhere() {
    use crate::domain::Finding;
    use crate::domain::findings::Detail;
    let data = national_data();
    let state = RecordState::fold(&national_events());
    let record = build_record_with(&data.referential, &state, &circ(), &national_names()).unwrap();
    // Typed: the grid shows the current mark, the period stays a finding.
    assert_eq!(record.rows[7].mark(Item::Bureau), Mark::Present);
    let periods: Vec<_> = record
        .details
        .iter()
        .filter_map(|d| match d {
            Detail::AbsentFromTable {
                candidate, periods, ..
            } if candidate.panel.get() == 8 => Some(periods),
            _ => None,
        })
        .flatten()
        .collect();
    assert_eq!(periods.len(), 1);
    let p = periods[0];
    let hm = |t: chrono::DateTime<chrono::Utc>| t.format("%H:%M").to_string();
    assert_eq!(
        (
            p.observer_name.as_str(),
            hm(p.from),
            hm(p.until),
            p.present_again.as_ref().map(|s| hm(s.at))
        ),
        (
            "Bruno",
            "15:00".into(),
            "15:40".into(),
            Some("16:00".into())
        )
    );
    assert_eq!(p.sightings[0].note.as_deref(), Some("bulletins épuisés"));
    assert!(record.findings.iter().any(|f| matches!(f,
        Finding::MissingAtBureau { candidates } if candidates.iter().any(|c| c.panel.get() == 8))));
    // Denis's sightings at 14:00 and 16:30 are outside the period: no contradiction on 8.
    assert!(!record.rows[7].disputed[Item::Bureau.index()]);
    let conflicts = state.disagreements();
    let cells: Vec<u16> = conflicts.iter().map(|d| d.cell.panel.get()).collect();
    assert_eq!(cells, [3], "{conflicts:?}");
    // Worded with the catalogue, in every format.
    let cat = Lang::Fr.catalog();
    let period = crate::i18n::Message::new("period-absent")
        .arg("single", false)
        // 15:00 to 15:40 UTC, restocked at 16:00 UTC: Paris time in June is UTC + 2.
        .arg("day", "dimanche 11 juin 2017")
        .arg("from", "17 h 00")
        .arg("until", "17 h 40")
        .arg("zone", "")
        .arg("observer", "Bruno")
        .arg("notes", format!(", {}", (cat.quote)("bulletins épuisés")))
        .arg(
            "back",
            crate::i18n::Message::new("period-present-again")
                .arg("at", "18 h 00")
                .render(Lang::Fr),
        )
        .render(Lang::Fr);
    assert!(period.contains("à au moins"), "{period}");
    let text = national_report(Format::Text, Lang::Fr);
    assert!(text.contains(&period), "missing «{period}» in:\n{text}");
    let md = national_report(Format::Md, Lang::Fr);
    assert!(md.contains(&markdown::cell(&period)), "{md}");
    let html = national_report(Format::Html, Lang::Fr);
    assert!(html.contains(&html_escaped(&period)), "{html}");
    let pv = pv_of(&national_events(), &data, "75056_0911", None, Lang::Fr);
    assert!(pv.contains(&period), "missing «{period}» in:\n{pv}");
    let json: serde_json::Value =
        serde_json::from_str(&national_report(Format::Json, Lang::Fr)).unwrap();
    let found = json["circonscriptions"][0]["details"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["finding"] == "absent_from_table" && d["candidate"]["panel"] == 8)
        .expect("candidate 8's period in the JSON");
    assert_eq!(found["periods"][0]["from"], "2017-06-11T15:00:00Z");
    assert_eq!(found["periods"][0]["until"], "2017-06-11T15:40:00Z");
    assert_eq!(
        found["periods"][0]["present_again"]["at"],
        "2017-06-11T16:00:00Z"
    );
}

/// The facts `constat pv` would print for bureau 75056_0911 of the Paris sample.
fn pv_facts(events: &[Event]) -> pv::Facts {
    let data = data();
    let state = RecordState::fold(events);
    let bureau = data.referential.bureaux[&bureau("0911")].clone();
    let record = build_record_with(&data.referential, &state, &circ(), &names()).unwrap();
    let voters = pv::voters_of(&state, &record);
    let pv = pv::Pv {
        election: &data.election,
        checked: pv::checked_at_bureau(&state, &record, &bureau),
        record: &record,
        bureau: &bureau,
        voters: &voters,
        signer: "Test",
        digest: None,
        reference: None,
        appeal: None,
    };
    pv::facts(&pv, Lang::Fr.catalog())
}

#[test]
fn the_pv_states_irregularities_only_and_nothing_about_what_nobody_observed() {
    let nothing = crate::i18n::Message::new("pv-nothing-to-write")
        .arg("bureau", "75056_0911")
        .arg("late", false)
        .render(Lang::Fr);
    // An empty database: no fact, no réclamation, one sentence.
    let f = pv_facts(&[]);
    assert!(!f.irregular && f.at_bureau.is_empty() && f.envelopes.is_empty());
    let text = pv_of(&[], &data(), "75056_0911", None, Lang::Fr);
    assert_eq!(text, format!("{nothing}\n"));
    // A bureau-only observer who found every ballot: nothing to write either.
    let at_table = |mark: Mark| -> Vec<Event> {
        events(
            1,
            (1..=22)
                .map(|p| EventBody::Tick {
                    circonscription: circ(),
                    bureau: Some(bureau("0911")),
                    panel: Panel::new(p).unwrap(),
                    item: Item::Bureau,
                    mark: if p == 8 { mark } else { Mark::Present },
                    note: None,
                    envelope: None,
                })
                .collect(),
        )
    };
    let f = pv_facts(&at_table(Mark::Present));
    assert!(!f.irregular && f.at_bureau.is_empty() && f.envelopes.is_empty());
    let all_present = pv_of(
        &at_table(Mark::Present),
        &data(),
        "75056_0911",
        None,
        Lang::Fr,
    );
    assert_eq!(all_present, format!("{nothing}\n"));
    // One ballot missing: the réclamation has the bureau's fact and no envelope section.
    let f = pv_facts(&at_table(Mark::Absent));
    assert!(f.irregular);
    assert_eq!((f.at_bureau.len(), f.envelopes.len()), (1, 0));
    let t = &Lang::Fr.catalog().pv;
    let one = pv_of(
        &at_table(Mark::Absent),
        &data(),
        "75056_0911",
        None,
        Lang::Fr,
    );
    assert!(one.starts_with(t.title), "{one}");
    let law = crate::domain::law::Law::of(crate::domain::ElectionKind::Legislatives);
    let at_bureau = crate::i18n::Message::new("pv-annex-at-bureau")
        .arg("cite", pv::cite(law.table_cite, Lang::Fr))
        .render(Lang::Fr);
    let envelopes = crate::i18n::Message::new("pv-annex-envelopes")
        .arg(
            "mailer",
            crate::i18n::Message::new("law-mailer-propagande").render(Lang::Fr),
        )
        .arg("cite", pv::cite(law.mailing.cite, Lang::Fr))
        .render(Lang::Fr);
    assert!(
        one.contains(&at_bureau) && !one.contains(&envelopes),
        "{one}"
    );
    // The reference record: the household's and the non-receipt's facts, no non-grievance.
    let f = pv_facts(&reference_events());
    assert!(f.irregular && f.at_bureau.is_empty());
    let reference = pv_of(&reference_events(), &data(), "75056_0911", None, Lang::Fr);
    for never in [
        "aucune absence",
        "vérifiés",
        "aucun manque",
        "toutes leurs enveloppes",
    ] {
        assert!(!reference.contains(never), "«{never}» in:\n{reference}");
    }
    assert!(!reference.contains(&at_bureau), "{reference}");
}

/// Times are the place's legal local time: in Guadeloupe (UTC − 4) the report says so, in
/// metropolitan France (UTC + 2 in June) it says the time alone (law.md §2.8, issue 13 point 7).
#[test]
fn times_are_the_places_legal_local_time_and_the_zone_is_named_overseas() {
    use Item::Bureau as B;
    use Mark::Absent as A;
    let mut data = data();
    multi_observer::add_guadeloupe(&mut data.referential);
    let mut events = timed(30, vec![("15:00", t("97101", "97101_0001", 1, B, A))]);
    events.extend(timed(31, vec![("15:00", t("7501", "75056_0911", 2, B, A))]));
    let text = render_with(&data, &events, Format::Text, Lang::Fr, None);
    assert!(
        text.contains("absent le dimanche 11 juin 2017 à 11 h 00, heure de la Guadeloupe"),
        "{text}"
    );
    assert!(
        text.contains("absent le dimanche 11 juin 2017 à 17 h 00 ("),
        "{text}"
    );
    assert!(!text.contains("UTC"), "{text}");
}

// The national HTML report (issue 18 point 4).

/// The generated data set, plus Ain's 1st circonscription observed with nothing to report (no
/// envelope missing: 0 %) and Aisne's 1st in the reference data, never observed (no data).
fn national_with_quiet() -> (ElectionData, Vec<Event>) {
    use crate::domain::{Bureau, Candidate, Circonscription, Sex};
    let mut data = national_data();
    let r = &mut data.referential;
    for (code, label, bureau) in [
        ("0101", "Ain, 1re circonscription", "01053_0001"),
        ("0201", "Aisne, 1re circonscription", "02408_0001"),
    ] {
        let c = CirconscriptionCode::parse(code).unwrap();
        r.circonscriptions.insert(
            c.clone(),
            Circonscription {
                code: c.clone(),
                label: label.into(),
            },
        );
        r.candidates.insert(
            c.clone(),
            vec![Candidate {
                circonscription: c.clone(),
                panel: Panel::new(1).unwrap(),
                surname: "MARTIN".into(),
                given_name: "Léa".into(),
                sex: Sex::F,
                nuance: "DIV".into(),
            }],
        );
        let b = BureauCode::parse(bureau).unwrap();
        r.bureaux.insert(
            b.clone(),
            Bureau {
                code: b,
                circonscription: Some(c),
                label: "Mairie".into(),
                address: String::new(),
                commune: "Bourg".into(),
                voting_machines: false,
            },
        );
    }
    let mut events = national_events();
    let (c, b) = ("0101", "01053_0001");
    events.extend(timed(
        30,
        vec![
            ("12:00", t(c, b, 1, Item::Foi, Mark::Present)),
            ("12:00", t(c, b, 1, Item::Courrier, Mark::Present)),
            ("12:01", t(c, b, 1, Item::Bureau, Mark::Present)),
            ("12:02", env(c, 2, 2)),
        ],
    ));
    (data, events)
}

/// The national report of [`national_with_quiet`] as HTML, with its records.
fn national_html(lang: Lang) -> (String, Vec<crate::domain::CircRecord>) {
    let (data, events) = national_with_quiet();
    let state = RecordState::fold(&events);
    let records: Vec<crate::domain::CircRecord> = state
        .observed_circonscriptions()
        .iter()
        .filter_map(|c| build_record_with(&data.referential, &state, c, &national_names()))
        .collect();
    let latest = DateTime::parse_from_rfc3339("2017-06-11T18:30:00Z")
        .ok()
        .map(|t| t.to_utc());
    let coverage = Coverage::of(&data.referential, latest);
    let report = Report {
        election: &data.election,
        records: records.clone(),
        digest: Some(DIGEST.to_owned()),
        disputes: Vec::new(),
    };
    let mut out = Vec::new();
    render_html(&report, Some(&coverage), None, None, lang, &mut out).unwrap();
    (String::from_utf8(out).unwrap(), records)
}

#[test]
fn a_circonscription_with_nothing_to_report_is_one_line() {
    let (html, records) = national_html(Lang::Fr);
    let quiet = records
        .iter()
        .find(|r| r.circonscription.code.as_str() == "0101")
        .unwrap();
    assert!(!html::national::has_findings(quiet));
    let line = html::national::quiet_line(quiet, Lang::Fr.catalog());
    assert!(!line.contains('\n'), "{line}");
    assert_eq!(
        line,
        "<li id=\"c0101\">0101 1re circonscription : 1 bureau, 1 foyer ; rien à signaler</li>"
    );
    // In the page: that line and nothing else about 0101 but the contents' links.
    let lines: Vec<&str> = html.lines().filter(|l| l.contains("0101")).collect();
    assert_eq!(lines, [line.as_str()], "{html}");
    // The three circonscriptions with findings have a section each.
    assert_eq!(html.matches("<section class=\"circ compact\"").count(), 3);
    for c in ["7501", "9201", "97101"] {
        assert!(html.contains(&format!("<section class=\"circ compact\" id=\"c{c}\">")));
        assert!(
            html.contains(&format!("<a href=\"#c{c}\">{c}</a>")),
            "{c} in the contents"
        );
    }
}

#[test]
fn the_national_page_counts_coverage_findings_and_tells_no_data_from_zero() {
    use crate::domain::coordination::{Counts, Kind};
    let (html, records) = national_html(Lang::Fr);
    let at = |s: &str| html.find(s).unwrap_or_else(|| panic!("{s} missing"));
    assert!(
        at("<section class=\"national\"") < at("<svg class=\"map\"")
            && at("<svg class=\"map\"") < at("<nav class=\"toc\"")
            && at("<nav class=\"toc\"") < at("<section class=\"dep first\" id=\"d75\">")
    );
    // Names, not codes; départements with findings first, the quiet one at the end.
    assert!(at("<h2>Paris (75)</h2>") < at("<h2>Hauts-de-Seine (92)</h2>"));
    assert!(at("<h2>Hauts-de-Seine (92)</h2>") < at("<h4 id=\"d01\">Ain (01)</h4>"));
    // Coverage: 4 circonscriptions observed out of 5 in the reference data.
    assert!(
        html.contains("4 circonscriptions observées sur 5"),
        "{html}"
    );
    assert!(html.contains("Constats dans 3 circonscriptions sur 4 observées"));
    assert!(html.contains("Données arrêtées au dimanche 11 juin 2017, 20 h 30"));
    // Totals per kind, written on the bars, equal to the records' counts.
    let mut counts = Counts::default();
    for r in &records {
        for (a, b) in counts.0.iter_mut().zip(Counts::of(&r.details).0) {
            *a += b;
        }
    }
    assert!(counts.get(Kind::AbsentFromTable) > 0 && counts.get(Kind::NotSupplied) > 0);
    for kind in Kind::ALL {
        let start = at(&format!("<g class=\"kind-{}\">", kind.slug()));
        let end = start + html[start..].find("</g>").unwrap();
        assert!(
            html[start..end].ends_with(&format!(">{}</text>", counts.get(kind))),
            "{}",
            &html[start..end]
        );
    }
    // "Not supplied" (lawful) and a distribution failure never share a colour.
    assert_ne!(
        html::national::kind_colour(Kind::NotSupplied),
        html::national::kind_colour(Kind::DistributionFailure)
    );
    // The national shortfall with its interval, as the rates' own sentence says it.
    let mut sums = crate::domain::findings::HouseholdSums::default();
    for r in &records {
        sums.add(crate::domain::findings::HouseholdSums::of(
            &r.households,
            r.non_receipts,
        ));
    }
    let sentence = shortfall_sentence(&sums.shortfall(), Lang::Fr.catalog());
    assert!(html.contains(&html_escaped(&sentence)), "{sentence}");
    // The map: Ain observed with no envelope missing is 0 %, Aisne never observed is no data,
    // in two different colours; Paris has a rate above 0.
    let fill = |dep: &str| {
        let start = at(&format!("<path data-dep=\"{dep}\""));
        let tail = &html[start..];
        let f = tail.find(" fill=\"").unwrap() + 7;
        tail[f..f + 7].to_owned()
    };
    assert_eq!(fill("01"), html::map::ZERO);
    assert_eq!(fill("02"), html::map::NO_DATA);
    assert_ne!(html::map::ZERO, html::map::NO_DATA);
    assert!(![html::map::ZERO, html::map::NO_DATA].contains(&fill("75").as_str()));
    // The coverage table says it in words too.
    let row = |name: &str| {
        let start = at(&format!("{name}</td>"));
        html[start..start + html[start..].find("</tr>").unwrap()].to_owned()
    };
    assert!(row("Aisne (02)").contains("pas de données"));
    assert!(row("Ain (01)").contains("0 % (0/2)"));
    // The overseas départements as insets, with no data.
    for dom in ["971", "972", "973", "974", "976"] {
        assert!(html.contains(&format!("<g data-dep=\"{dom}\">")), "{dom}");
    }
}

#[test]
fn the_national_page_is_in_english_too() {
    let (html, _) = national_html(Lang::En);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(html.contains("National summary"));
    assert!(html.contains("4 circonscriptions observed out of 5"));
    assert!(html.contains("nothing to report</li>"));
    // Every message found: no message id left in the page.
    assert!(!html.contains("national-"), "a message id is missing");
}

/// At the municipales nothing is mailed in communes under 2,500 inhabitants (L.241), which
/// constat cannot know: the households' section says so, with the article from the rule table;
/// at the législatives it does not.
#[test]
fn municipales_household_findings_say_nothing_is_mailed_in_small_communes() {
    let mut municipales = data();
    municipales.election.kind = crate::domain::ElectionKind::Municipales;
    municipales.referential.election_kind = Some(municipales.election.kind);
    let law = crate::domain::law::Law::of(municipales.election.kind);
    let cite = crate::report::pv::cite(law.mailing.min_inhabitants_cite, Lang::Fr);
    let text = render_with(
        &municipales,
        &reference_events(),
        Format::Text,
        Lang::Fr,
        None,
    );
    let heading = text
        .lines()
        .find(|l| l.contains("non-réceptions") && l.contains("2 500"))
        .unwrap_or_else(|| panic!("no threshold in:\n{text}"));
    assert!(heading.contains(&cite), "{heading}");
    let legislatives = render_to_string(&reference_events(), Format::Text, Lang::Fr);
    assert!(!legislatives.contains("2 500"), "{legislatives}");
}

/// The présidentielle's single national circonscription: rates by département come from each
/// household's and non-receipt's bureau, not from the code FR01 (issue 14 point 4).
#[test]
fn presidentielle_rates_are_split_by_the_bureaux_departements() {
    let data = sample::find("presidentielle-2022")
        .unwrap()
        .election_data()
        .unwrap();
    let fr = CirconscriptionCode::parse("FR01").unwrap();
    let household = |bureau: &str, voters, received| EventBody::Envelope {
        circonscription: fr.clone(),
        bureau: Some(BureauCode::parse(bureau).unwrap()),
        voters,
        received,
        note: None,
        received_on: None,
    };
    let mut events = events(1, vec![household("69123_0101", 3, 1)]);
    events.extend(self::events(2, vec![household("75056_0911", 2, 2)]));
    events.extend(self::events(
        3,
        vec![EventBody::NonReceipt {
            circonscription: fr.clone(),
            bureau: BureauCode::parse("69123_0102").unwrap(),
            voter: None,
            note: None,
            household: None,
        }],
    ));
    let state = RecordState::fold(&events);
    let records = vec![build_record_with(&data.referential, &state, &fr, &names()).unwrap()];
    let report = Report {
        election: &data.election,
        records,
        digest: None,
        disputes: Vec::new(),
    };
    let rates = report.departements();
    let deps: Vec<&str> = rates.iter().map(|r| r.departement.as_str()).collect();
    assert_eq!(deps, ["69", "75"]);
    assert_eq!((rates[0].shortfall.count, rates[0].shortfall.total), (2, 3));
    assert_eq!(rates[0].non_receipts, 1);
    assert_eq!((rates[1].shortfall.count, rates[1].shortfall.total), (0, 2));
    // The map colours Rhône by its households (2 of 3 missing), not "pas de données".
    let coverage = Coverage::of(&data.referential, None);
    let mut html = Vec::new();
    render_html(&report, Some(&coverage), None, None, Lang::Fr, &mut html).unwrap();
    let html = String::from_utf8(html).unwrap();
    let rhone = html
        .split("<path data-dep=\"69\"")
        .nth(1)
        .and_then(|p| p.split("</path>").next())
        .unwrap_or_else(|| panic!("no Rhône on the map"));
    assert!(rhone.contains("66,7"), "{rhone}");
}

/// Bruno saw candidate 3's ballot missing at 15:00 and 15:30 while Denis saw it present at
/// 15:20 (the data set): Bruno's réclamation states the moments he saw it missing, not a
/// continuous absence "de 17 h 00 à au moins 17 h 30" that Denis's sighting contradicts.
#[test]
fn a_period_contradicted_by_another_observer_is_stated_as_moments_seen() {
    let data = national_data();
    let state = RecordState::fold(&national_events());
    let code = bureau("0911");
    let b = data.referential.bureaux[&code].clone();
    let record = build_record_with(&data.referential, &state, &circ(), &national_names()).unwrap();
    let voters = pv::voters_of(&state, &record);
    let pv = pv::Pv {
        election: &data.election,
        checked: pv::checked_at_bureau(&state, &record, &b),
        record: &record,
        bureau: &b,
        voters: &voters,
        signer: "Bruno",
        digest: Some(DIGEST),
        reference: None,
        appeal: None,
    };
    let facts = pv::own_facts(&pv, ObserverId(Uuid::from_u128(11)), Lang::Fr.catalog());
    let third = facts
        .iter()
        .find(|f| f.contains("n° 3"))
        .unwrap_or_else(|| panic!("no fact of n° 3 in {facts:?}"));
    // 15:00 and 15:30 UTC are 17 h 00 and 17 h 30 in Paris in June.
    assert!(third.contains("à 17 h 00 et 17 h 30"), "{third}");
    assert!(!third.contains("à au moins"), "{third}");
    // Candidate 8's period, which nobody contradicts, stays a period.
    let eighth = facts
        .iter()
        .find(|f| f.contains("n° 8"))
        .unwrap_or_else(|| panic!("no fact of n° 8 in {facts:?}"));
    assert!(eighth.contains("à au moins"), "{eighth}");
}
