//! Election-day traps of issue 16 and 13, through the binary: what is stored, not the wording.

use crate::util::{constat, events, init_db, run, stderr, tick, tick_expecting};
use constat::domain::{EventBody, Item};

/// Issue 16 point 3: with a household recorded as 0 envelopes received, `tick --item foi` or
/// `courrier` is refused (exit 1, nothing stored) and says how to correct the count.
#[test]
fn envelope_content_is_refused_when_the_household_received_none() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    run(
        constat(&db).args([
            "envelope",
            "--circonscription",
            "7501",
            "--voters",
            "2",
            "--received",
            "0",
        ]),
        0,
    );
    let before = events(&db).len();
    for item in ["foi", "courrier"] {
        let out = tick_expecting(&db, "3", item, "absent", &[], 1);
        assert!(
            stderr(&out).contains("constat envelope --received N"),
            "{}",
            stderr(&out)
        );
    }
    assert_eq!(events(&db).len(), before, "nothing stored");
    // Clearing stays possible, and the table does not depend on the household.
    tick(&db, "3", "bureau", "absent", &["--bureau", "75056_0911"]);
}

/// Issue 13 point 1: a re-check at 15:40 without `--note` does not store the 15:00 note again.
#[test]
fn a_recheck_without_a_note_stores_no_note() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    let at = |t: &str| ["--bureau", "75056_0911", "--seen-at", t].map(str::to_owned);
    let first = at("2017-06-11 15:00");
    let mut with_note: Vec<&str> = first.iter().map(String::as_str).collect();
    with_note.extend(["--note", "bulletins épuisés"]);
    tick(&db, "8", "bureau", "absent", &with_note);
    let later = at("2017-06-11 15:40");
    let later: Vec<&str> = later.iter().map(String::as_str).collect();
    tick(&db, "8", "bureau", "absent", &later);
    let notes: Vec<Option<String>> = events(&db)
        .into_iter()
        .filter_map(|e| match e.body {
            EventBody::Tick {
                item: Item::Bureau,
                note,
                ..
            } => Some(note),
            _ => None,
        })
        .collect();
    assert_eq!(notes, [Some("bulletins épuisés".to_owned()), None]);
}
