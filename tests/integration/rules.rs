//! The recording rules are the same whatever records: the command line follows the interface's
//! and plain mode's rules (domain/session.rs). Checked on the events the real binary stores.

use constat::domain::{EventBody, Item, Mark};

use crate::util::{constat, events, init_db, piped, run, tick, tick_expecting};

/// A stored tick: panel, item, mark, note, envelope.
type Tick = (u16, Item, Mark, Option<String>, Option<u16>);

/// The ticks stored, in order.
fn ticks(db: &std::path::Path) -> Vec<Tick> {
    events(db)
        .into_iter()
        .filter_map(|e| match e.body {
            EventBody::Tick {
                panel,
                item,
                mark,
                note,
                envelope,
                ..
            } => Some((panel.get(), item, mark, note, envelope)),
            _ => None,
        })
        .collect()
}

#[test]
fn the_same_mark_again_records_nothing_but_a_bureau_recheck_records_a_new_observation() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    tick(&db, "3", "foi", "present", &[]);
    tick(&db, "3", "foi", "present", &[]);
    assert_eq!(ticks(&db).len(), 1, "the same mark again adds nothing");
    tick(&db, "3", "bureau", "absent", &[]);
    tick(&db, "3", "bureau", "absent", &[]);
    assert_eq!(
        ticks(&db).len(),
        3,
        "a re-check of the table is a new observation"
    );
}

/// Issue 13 point 1: a new observation carries only the note given with it (the earlier one
/// stays with the earlier observation).
#[test]
fn a_changed_mark_does_not_carry_the_earlier_note() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    tick(
        &db,
        "8",
        "bureau",
        "absent",
        &["--note", "bulletins épuisés"],
    );
    tick(&db, "8", "bureau", "present", &[]);
    let last = ticks(&db).pop().unwrap();
    assert_eq!((last.2, last.3.as_deref()), (Mark::Present, None));
}

#[test]
fn an_envelope_past_the_household_s_count_is_refused_by_the_command_and_plain_mode() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    run(
        constat(&db).args([
            "envelope",
            "--circonscription",
            "7501",
            "--voters",
            "4",
            "--received",
            "2",
            "--received-on",
            "2024-06-20",
            "--note",
            "boîte partagée",
        ]),
        0,
    );
    tick(&db, "1", "foi", "absent", &["--envelope", "2"]);
    let before = events(&db).len();
    tick_expecting(&db, "1", "foi", "absent", &["--envelope", "3"], 1);
    assert_eq!(events(&db).len(), before, "nothing written");
    assert_eq!(ticks(&db).last().unwrap().4, Some(2));

    // Plain mode: `numero 3` is refused, so the next tick stays in envelope 2's grid or the first.
    piped(&db, &["--plain", "ui"], "numero 3\n2 foi a\nquitter\n");
    assert_eq!(
        ticks(&db).last().unwrap().4,
        None,
        "the tick went to the first envelope, not to an envelope 3"
    );

    // A new count keeps the day and the note unless given again.
    run(
        constat(&db).args([
            "envelope",
            "--circonscription",
            "7501",
            "--voters",
            "4",
            "--received",
            "3",
        ]),
        0,
    );
    let kept = events(&db).into_iter().rev().find_map(|e| match e.body {
        EventBody::Envelope {
            received,
            received_on,
            note,
            ..
        } => Some((received, received_on.map(|d| d.to_string()), note)),
        _ => None,
    });
    assert_eq!(
        kept,
        Some((
            3,
            Some("2024-06-20".to_owned()),
            Some("boîte partagée".to_owned())
        ))
    );
}

/// The européennes have one round; a proclamation cannot precede the vote; a day of arrival needs
/// an envelope received (issue 13, point 8): each refused, nothing written.
#[test]
fn impossible_dates_and_rounds_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let eu = dir.path().join("eu.db");
    run(
        constat(&eu).args([
            "init",
            "--election",
            "europeennes-2024",
            "--round",
            "2",
            "--observer",
            "X",
        ]),
        1,
    );
    assert!(!eu.exists(), "no database created");

    let db = init_db(dir.path());
    run(
        constat(&db).args([
            "pv",
            "--bureau",
            "75056_0911",
            "--appeal",
            "--proclamation",
            "2017-06-01",
        ]),
        1,
    );
    let before = events(&db).len();
    run(
        constat(&db).args([
            "envelope",
            "--circonscription",
            "7501",
            "--voters",
            "4",
            "--received",
            "0",
            "--received-on",
            "2017-06-08",
        ]),
        1,
    );
    assert_eq!(events(&db).len(), before, "nothing written");
}

/// An evidence folder asked for on a USB stick that is not plugged in (its parent folder does not
/// exist) is refused with what to do, and nothing is created (issue 16 point 18).
#[test]
fn an_export_into_a_missing_folder_is_refused_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    let usb = dir.path().join("usb");
    let out = run(
        constat(&db)
            .args(["export", "evidence", "-o"])
            .arg(usb.join("preuves")),
        1,
    );
    assert!(!usb.exists(), "nothing created");
    assert!(
        crate::util::stderr(&out).contains(&usb.display().to_string()),
        "names the folder that is missing"
    );
}

/// Issue 14.6: a time typed alone is read on the bureau's own election day, the Saturday where
/// the kind votes a day earlier (Guadeloupe at the présidentielle), in the bureau's legal time.
#[test]
fn a_time_alone_is_on_the_bureaus_own_election_day() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
    run(
        constat(&db).args([
            "init",
            "--sample",
            "presidentielle-2022",
            "--observer",
            "Ana",
            "--bureau",
            "97101_0001",
        ]),
        0,
    );
    run(
        constat(&db).args([
            "tick",
            "--circonscription",
            "FR01",
            "--bureau",
            "97101_0001",
            "--candidate",
            "5",
            "--item",
            "bureau",
            "--value",
            "absent",
            "--seen-at",
            "15:40",
        ]),
        0,
    );
    let seen: Vec<_> = events(&db)
        .into_iter()
        .filter(|e| matches!(e.body, EventBody::Tick { .. }))
        .map(|e| e.seen())
        .collect();
    // Saturday 9 April 2022, 15 h 40 in Guadeloupe (UTC − 4).
    let expected = chrono::DateTime::parse_from_rfc3339("2022-04-09T19:40:00Z").unwrap();
    assert_eq!(seen, [expected.to_utc()]);
    let pv = crate::util::stdout(&run(constat(&db).args(["pv", "--bureau", "97101_0001"]), 0));
    assert!(pv.contains("9 avril 2022 à 15 h 40"), "{pv}");
    assert!(!pv.contains("10 avril"), "{pv}");
    // Plain mode reads a time alone the same way.
    piped(&db, &["--plain", "ui"], "heure 15:40\n6 bureau a\nfin\n");
    let plain: Vec<_> = events(&db)
        .into_iter()
        .filter(|e| matches!(&e.body, EventBody::Tick { panel, .. } if panel.get() == 6))
        .map(|e| e.seen())
        .collect();
    assert_eq!(plain, [expected.to_utc()]);
}

/// Issue 13.3 c: a machines bureau's table ticks give no finding, and the report does not say
/// that nothing was ticked.
#[test]
fn a_machines_bureau_with_table_ticks_is_not_reported_as_nothing_ticked() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    let at = ["--bureau", "75056_0913", "--seen-at", "11:00"];
    run(constat(&db).args(["machines"]).args(at), 0);
    tick(&db, "8", "bureau", "absent", &at);
    let text = crate::util::stdout(&run(constat(&db).arg("report"), 0));
    assert!(!text.contains("rien n'a encore été coché"), "{text}");
    assert!(text.contains("machines à voter"), "{text}");
}
