//! Observations that say more than a tick: a bureau's voting machines, when a fact was seen, and
//! whose household a non-receipt is (issue 13, points 3, 5, 6). Checked on the events the real
//! binary stores and on the findings of its JSON report.

use std::path::Path;

use chrono::{DateTime, Utc};
use constat::domain::EventBody;

use crate::util::{constat, events, init_db, report_json, run, stderr, tick};

/// Candidates (panel numbers) found absent from a table in the JSON report.
fn absent_from_table(db: &Path) -> Vec<u64> {
    report_json(db)["circonscriptions"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["details"].as_array().unwrap().clone())
        .filter(|d| d["finding"] == "absent_from_table")
        .map(|d| d["candidate"]["panel"].as_u64().unwrap())
        .collect()
}

fn machines(db: &Path, bureau: &str, extra: &[&str], expected: i32) -> std::process::Output {
    run(
        constat(db)
            .args(["machines", "--bureau", bureau])
            .args(extra),
        expected,
    )
}

#[test]
fn machines_is_a_signed_observation_that_silences_the_table_and_can_be_corrected() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    tick(&db, "8", "bureau", "absent", &["--bureau", "75056_0913"]);
    assert_eq!(absent_from_table(&db), [8]);
    machines(&db, "75056_0913", &["--note", "trois machines"], 0);
    let last = events(&db).pop().unwrap();
    assert!(matches!(
        &last.body,
        EventBody::Machines { bureau, machines: true, note: Some(n), .. }
            if bureau.as_str() == "75056_0913" && n == "trois machines"
    ));
    assert!(absent_from_table(&db).is_empty());
    machines(&db, "75056_0913", &["--off"], 0);
    assert_eq!(absent_from_table(&db), [8]);
    // A bureau the database does not hold: refused, nothing written.
    let before = events(&db).len();
    let out = machines(&db, "75056_9999", &[], 1);
    assert!(stderr(&out).contains("75056_9999"), "{}", stderr(&out));
    assert_eq!(events(&db).len(), before);
    // The chain with the new kind verifies.
    run(constat(&db).arg("verify").arg(&db), 0);
}

#[test]
fn a_machines_statement_survives_a_merge_into_a_target_that_imported_the_bureaux() {
    let dir = tempfile::tempdir().unwrap();
    let obs = init_db(dir.path());
    machines(&obs, "75056_0913", &[], 0);
    for panel in ["1", "2", "3"] {
        tick(&obs, panel, "bureau", "absent", &["--bureau", "75056_0913"]);
    }
    let sent = dir.path().join("sent.db");
    run(constat(&obs).args(["export", "db", "-o"]).arg(&sent), 0);
    let csv = dir.path().join("sent.csv");
    run(constat(&obs).args(["export", "csv", "-o"]).arg(&csv), 0);
    // The coordinator's file holds the bureaux table (no machines there).
    for (name, input) in [("from-db.db", &sent), ("from-csv.db", &csv)] {
        let target = dir.path().join(name);
        run(
            constat(&target).args(["init", "--sample", "paris-1-2017", "--observer", "Coord"]),
            0,
        );
        run(
            constat(&target)
                .args(["merge", "--into"])
                .arg(&target)
                .arg(input),
            0,
        );
        assert!(absent_from_table(&target).is_empty(), "{name}");
        assert!(
            events(&target)
                .iter()
                .any(|e| matches!(e.body, EventBody::Machines { machines: true, .. })),
            "{name}"
        );
    }
}

#[test]
fn seen_at_is_read_in_the_bureau_s_legal_time_and_refused_when_impossible() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    let at = |s: &str| Some(s.parse::<DateTime<Utc>>().unwrap());
    tick(
        &db,
        "1",
        "bureau",
        "absent",
        &["--seen-at", "11/06/2017 15:40"],
    );
    assert_eq!(
        events(&db).pop().unwrap().seen_at,
        at("2017-06-11T13:40:00Z")
    );
    // A time alone is on the election day of the database (11 June 2017).
    tick(&db, "2", "bureau", "absent", &["--seen-at", "15 h 40"]);
    assert_eq!(
        events(&db).pop().unwrap().seen_at,
        at("2017-06-11T13:40:00Z")
    );
    run(
        constat(&db).args([
            "envelope",
            "--circonscription",
            "7501",
            "--voters",
            "2",
            "--received",
            "1",
            "--seen-at",
            "2017-06-10T18:00",
        ]),
        0,
    );
    assert_eq!(
        events(&db).pop().unwrap().seen_at,
        at("2017-06-10T16:00:00Z")
    );
    let before = events(&db).len();
    for (moment, status) in [
        ("01/01/2099 10:00", 1),
        // The hour skipped when summer time started in 2017.
        ("26/03/2017 02:30", 1),
        ("demain", 2),
    ] {
        let out = run(
            constat(&db).args([
                "tick",
                "--circonscription",
                "7501",
                "--candidate",
                "3",
                "--item",
                "bureau",
                "--value",
                "absent",
                "--seen-at",
                moment,
            ]),
            status,
        );
        assert!(
            stderr(&out).contains("--seen-at"),
            "{moment}: {}",
            stderr(&out)
        );
    }
    assert_eq!(events(&db).len(), before, "nothing written on a refusal");
}

#[test]
fn a_record_typed_in_later_without_seen_at_is_flagged_and_with_it_is_not() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    let late = |db: &Path| {
        report_json(db)["circonscriptions"][0]["details"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["finding"] == "seen_after_polls")
            .map(|d| d["count"].as_u64().unwrap())
            .sum::<u64>()
    };
    // Typed today for a 2017 election: after the polls closed.
    tick(&db, "1", "bureau", "absent", &[]);
    assert_eq!(late(&db), 1);
    tick(
        &db,
        "2",
        "bureau",
        "absent",
        &["--seen-at", "11/06/2017 10:00"],
    );
    assert_eq!(late(&db), 1);
}

#[test]
fn a_non_receipt_says_whose_household_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    let non_receipt = |extra: &[&str]| {
        run(
            constat(&db)
                .args([
                    "non-receipt",
                    "--circonscription",
                    "7501",
                    "--bureau",
                    "75056_0911",
                ])
                .args(extra),
            0,
        );
        match events(&db).pop().unwrap().body {
            EventBody::NonReceipt { household, .. } => household,
            other => panic!("{other:?}"),
        }
    };
    assert_eq!(non_receipt(&[]), Some(true));
    assert_eq!(non_receipt(&["--voter", "Jean Dupont"]), Some(false));
    assert_eq!(
        non_receipt(&["--voter", "Léa Martin", "--household", "own"]),
        Some(true)
    );
    assert_eq!(non_receipt(&["--household", "other"]), Some(false));
}

/// The PV says the signer's own non-receipt only when the event says it is of their household,
/// and counts it among the household's missing envelopes rather than as one more (point 5).
#[test]
fn the_pv_counts_an_own_non_receipt_once_and_never_claims_another_voter_s() {
    let pv = |household: &str| {
        let dir = tempfile::tempdir().unwrap();
        let db = init_db(dir.path());
        let place = ["--circonscription", "7501", "--bureau", "75056_0911"];
        run(
            constat(&db).arg("envelope").args(place).args([
                "--voters",
                "3",
                "--received",
                "1",
                "--seen-at",
                "10/06/2017 18:00",
            ]),
            0,
        );
        run(
            constat(&db).arg("non-receipt").args(place).args([
                "--household",
                household,
                "--seen-at",
                "10/06/2017 18:00",
            ]),
            0,
        );
        let out = run(constat(&db).args(["pv", "--bureau", "75056_0911"]), 0);
        crate::util::stdout(&out)
    };
    let own = pv("own");
    assert!(own.contains("2 manquantes, dont la mienne"), "{own}");
    assert!(
        !own.contains("Je n'ai reçu aucune enveloppe"),
        "counted once:\n{own}"
    );
    let other = pv("other");
    assert!(!other.contains("dont la mienne"), "{other}");
    assert!(
        !other.contains("Je n'ai reçu aucune enveloppe"),
        "another household's non-receipt is not the signer's:\n{other}"
    );
}

/// More envelopes than voters, once confirmed, is reported as such rather than as "0 manquante"
/// (issue 16 point 4).
#[test]
fn more_envelopes_than_voters_is_reported_as_an_excess() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    let envelope = |extra: &[&str], expected| {
        run(
            constat(&db)
                .args([
                    "envelope",
                    "--circonscription",
                    "7501",
                    "--bureau",
                    "75056_0911",
                ])
                .args(["--voters", "4", "--received", "9"])
                .args(extra),
            expected,
        )
    };
    envelope(&[], 1);
    assert!(
        events(&db).is_empty(),
        "not recorded without --confirm-more"
    );
    envelope(&["--confirm-more"], 0);
    let report = crate::util::stdout(&run(constat(&db).arg("report"), 0));
    assert!(report.contains("5 de plus que d'électeurs"), "{report}");
}
