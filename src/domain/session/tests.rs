#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::{DateTime, NaiveDate};
use uuid::Uuid;

use super::*;
use crate::domain::{Event, Sex};

fn circ() -> CirconscriptionCode {
    CirconscriptionCode::parse("7501").unwrap()
}

fn bureau(code: &str) -> BureauCode {
    BureauCode::parse(code).unwrap()
}

fn candidates() -> Vec<Candidate> {
    (1..=3)
        .map(|n| Candidate {
            circonscription: circ(),
            panel: Panel::parse(&n.to_string()).unwrap(),
            surname: format!("C{n}"),
            given_name: String::new(),
            sex: Sex::F,
            nuance: String::new(),
        })
        .collect()
}

fn panel(n: u16) -> Panel {
    Panel::parse(&n.to_string()).unwrap()
}

/// The observer's state after appending `bodies`, as the store would (one event each).
struct Log {
    observer: ObserverId,
    events: Vec<Event>,
}

impl Log {
    fn new() -> Self {
        Self {
            observer: ObserverId(Uuid::from_u128(7)),
            events: Vec::new(),
        }
    }

    fn append(&mut self, body: EventBody) -> EventId {
        let seq = self.events.len() as u64 + 1;
        let id = EventId(Uuid::from_u128(1000 + u128::from(seq)));
        self.events.push(Event {
            id,
            observer: self.observer,
            seq,
            recorded_at: DateTime::from_timestamp(1_700_000_000 + seq as i64, 0).unwrap(),
            seen_at: None,
            body,
        });
        id
    }

    fn state(&self) -> RecordState {
        RecordState::fold(&self.events)
    }
}

fn sheet<'a>(
    log: &Log,
    state: &'a RecordState,
    circ: &'a CirconscriptionCode,
    candidates: &'a [Candidate],
    bureau: Option<&'a BureauCode>,
    envelope: u16,
) -> Sheet<'a> {
    Sheet {
        state,
        observer: log.observer,
        circonscription: circ,
        candidates,
        bureau,
        envelope,
    }
}

#[test]
fn the_same_mark_again_records_nothing_except_as_a_recheck_at_the_bureau() {
    let (c, cands, b) = (circ(), candidates(), bureau("75056_0911"));
    let mut log = Log::new();
    let state = log.state();
    let s = sheet(&log, &state, &c, &cands, Some(&b), 1);
    let foi = s
        .tick(panel(1), Item::Foi, Mark::Present, NoteChange::Keep)
        .unwrap()
        .unwrap();
    let table = s
        .tick(panel(1), Item::Bureau, Mark::Absent, NoteChange::Keep)
        .unwrap()
        .unwrap();
    log.append(foi);
    log.append(table);
    let state = log.state();
    let s = sheet(&log, &state, &c, &cands, Some(&b), 1);
    assert_eq!(
        s.tick(panel(1), Item::Foi, Mark::Present, NoteChange::Keep),
        Ok(None)
    );
    assert!(
        s.tick(panel(1), Item::Bureau, Mark::Absent, NoteChange::Keep)
            .unwrap()
            .is_some(),
        "a re-check of the table is a new observation"
    );
    // Clearing a cell already clear is no re-check.
    assert_eq!(
        s.tick(panel(2), Item::Bureau, Mark::Unchecked, NoteChange::Keep),
        Ok(None)
    );
}

#[test]
fn a_new_observation_carries_only_its_own_note_and_a_note_keeps_the_mark() {
    let (c, cands) = (circ(), candidates());
    let mut log = Log::new();
    let state = log.state();
    let s = sheet(&log, &state, &c, &cands, None, 1);
    let noted = s
        .set_note(panel(2), Item::Courrier, Some("déchiré".into()))
        .unwrap()
        .unwrap();
    log.append(noted);
    let state = log.state();
    let s = sheet(&log, &state, &c, &cands, None, 1);
    let Some(EventBody::Tick { mark, note, .. }) = s
        .tick(panel(2), Item::Courrier, Mark::Absent, NoteChange::Keep)
        .unwrap()
    else {
        panic!("a new mark is recorded");
    };
    assert_eq!(
        (mark, note.as_deref()),
        (Mark::Absent, None),
        "the note was of the earlier observation"
    );
    assert_eq!(
        s.set_note(panel(2), Item::Courrier, Some("déchiré".into())),
        Ok(None)
    );
    let Some(EventBody::Tick { mark, note, .. }) =
        s.set_note(panel(2), Item::Courrier, None).unwrap()
    else {
        panic!("clearing a note is recorded");
    };
    assert_eq!((mark, note), (Mark::Unchecked, None));
}

/// Issue 13 point 5: a non-receipt is the observer's household's unless another voter is named;
/// the observer's own name is no other voter; an explicit answer wins.
#[test]
fn a_non_receipt_is_the_observer_s_household_unless_another_voter_is_named() {
    assert!(own_household(None, "Paul Observateur", None));
    assert!(own_household(Some("  "), "Paul Observateur", None));
    assert!(own_household(
        Some("paul  OBSERVATEUR"),
        "Paul Observateur",
        None
    ));
    assert!(!own_household(
        Some("Jean Dupont"),
        "Paul Observateur",
        None
    ));
    assert!(own_household(
        Some("Jean Dupont"),
        "Paul Observateur",
        Some(true)
    ));
    assert!(!own_household(None, "Paul Observateur", Some(false)));
}

#[test]
fn the_bureau_s_table_needs_a_bureau() {
    let (c, cands) = (circ(), candidates());
    let log = Log::new();
    let state = log.state();
    let s = sheet(&log, &state, &c, &cands, None, 1);
    assert_eq!(
        s.tick(panel(1), Item::Bureau, Mark::Present, NoteChange::Keep),
        Err(Refusal::NeedsBureau)
    );
    assert_eq!(
        s.column(Item::Bureau, Mark::Present),
        Err(Refusal::NeedsBureau)
    );
    assert_eq!(s.non_receipt(None, None), Err(Refusal::NeedsBureau));
    assert!(
        s.tick(panel(1), Item::Foi, Mark::Present, NoteChange::Keep)
            .is_ok()
    );
}

#[test]
fn a_column_marks_the_unchecked_cells_only_and_clearing_it_the_checked_ones() {
    let (c, cands, b) = (circ(), candidates(), bureau("75056_0911"));
    let mut log = Log::new();
    let state = log.state();
    let s = sheet(&log, &state, &c, &cands, Some(&b), 1);
    let absent = s
        .tick(panel(2), Item::Bureau, Mark::Absent, NoteChange::Keep)
        .unwrap()
        .unwrap();
    log.append(absent);
    let state = log.state();
    let s = sheet(&log, &state, &c, &cands, Some(&b), 1);
    assert_eq!(
        s.column_cells(Item::Bureau, Mark::Present),
        vec![panel(1), panel(3)]
    );
    let bodies = s.column(Item::Bureau, Mark::Present).unwrap();
    assert_eq!(bodies.len(), 2, "the absence seen is never overwritten");
    assert_eq!(
        s.column_cells(Item::Bureau, Mark::Unchecked),
        vec![panel(2)]
    );
}

#[test]
fn a_new_envelope_count_keeps_the_day_and_the_note_unless_given() {
    let (c, cands) = (circ(), candidates());
    let mut log = Log::new();
    let day = NaiveDate::from_ymd_opt(2024, 6, 20).unwrap();
    let state = log.state();
    let s = sheet(&log, &state, &c, &cands, None, 1);
    assert_eq!(s.envelope_record(0, 1, None, None), Err(Refusal::NoVoters));
    log.append(
        s.envelope_record(4, 1, Some(Some(day)), Some(Some("boîte partagée".into())))
            .unwrap(),
    );
    let state = log.state();
    let s = sheet(&log, &state, &c, &cands, None, 1);
    let EventBody::Envelope {
        received_on, note, ..
    } = s.envelope_record(4, 2, None, None).unwrap()
    else {
        panic!("an envelope record");
    };
    assert_eq!(
        (received_on, note.as_deref()),
        (Some(day), Some("boîte partagée"))
    );
    let EventBody::Envelope {
        received_on, note, ..
    } = s.envelope_record(4, 2, Some(None), Some(None)).unwrap()
    else {
        panic!("an envelope record");
    };
    assert_eq!(
        (received_on, note),
        (None, None),
        "given empty, they are cleared"
    );
}

#[test]
fn a_day_of_arrival_needs_an_envelope_received() {
    let (c, cands) = (circ(), candidates());
    let mut log = Log::new();
    let day = NaiveDate::from_ymd_opt(2024, 6, 20).unwrap();
    let state = log.state();
    let s = sheet(&log, &state, &c, &cands, None, 1);
    assert_eq!(
        s.envelope_record(4, 0, Some(Some(day)), None),
        Err(Refusal::ArrivalWithoutEnvelope)
    );
    log.append(s.envelope_record(4, 1, Some(Some(day)), None).unwrap());
    let state = log.state();
    let s = sheet(&log, &state, &c, &cands, None, 1);
    let EventBody::Envelope { received_on, .. } = s.envelope_record(4, 0, None, None).unwrap()
    else {
        panic!("an envelope record");
    };
    assert_eq!(
        received_on, None,
        "a count of 0 does not keep the day of the envelope before"
    );
}

#[test]
fn an_envelope_past_the_household_s_count_is_refused() {
    let (c, cands) = (circ(), candidates());
    let mut log = Log::new();
    let state = log.state();
    let s = sheet(&log, &state, &c, &cands, None, 1);
    // Before any count: one past the last envelope ticked.
    assert_eq!(s.check_envelope(1), Ok(1));
    assert_eq!(
        s.check_envelope(2),
        Err(Refusal::EnvelopeBeyond {
            number: 2,
            limit: 1
        })
    );
    assert_eq!(s.check_envelope(0), Err(Refusal::EnvelopeZero));
    log.append(s.envelope_record(4, 2, None, None).unwrap());
    let state = log.state();
    let s = sheet(&log, &state, &c, &cands, None, 2);
    assert_eq!(s.check_envelope(2), Ok(2));
    assert_eq!(
        s.check_envelope(3),
        Err(Refusal::EnvelopeBeyond {
            number: 3,
            limit: 2
        })
    );
    let Some(EventBody::Tick { envelope, .. }) = s
        .tick(panel(1), Item::Foi, Mark::Absent, NoteChange::Keep)
        .unwrap()
    else {
        panic!("a tick");
    };
    assert_eq!(
        envelope,
        Some(2),
        "ticks in the second envelope carry its number"
    );
}

#[test]
fn undo_withdraws_the_live_events_latest_first_then_restores() {
    let (c, cands) = (circ(), candidates());
    let mut log = Log::new();
    let state = log.state();
    let s = sheet(&log, &state, &c, &cands, None, 1);
    let a = log.append(
        s.tick(panel(1), Item::Foi, Mark::Present, NoteChange::Keep)
            .unwrap()
            .unwrap(),
    );
    let b = log.append(
        s.tick(panel(2), Item::Foi, Mark::Present, NoteChange::Keep)
            .unwrap()
            .unwrap(),
    );
    log.append(EventBody::Retract { target: a });
    let state = log.state();
    let s = sheet(&log, &state, &c, &cands, None, 1);
    assert_eq!(
        s.undo(&[a, b], vec![]),
        vec![EventBody::Retract { target: b }]
    );
}

#[test]
fn a_move_ticks_the_target_first_then_withdraws_here_and_counts_what_it_replaces() {
    let (c, cands, here, there) = (
        circ(),
        candidates(),
        bureau("75056_0911"),
        bureau("75056_0912"),
    );
    let target = Bureau {
        code: there.clone(),
        circonscription: Some(c.clone()),
        label: String::new(),
        address: String::new(),
        commune: String::new(),
        voting_machines: false,
    };
    let mut log = Log::new();
    let state = log.state();
    let s = sheet(&log, &state, &c, &cands, Some(&here), 1);
    assert_eq!(s.move_to(&target), Err(Refusal::NothingToMove));
    log.append(
        s.tick(panel(1), Item::Bureau, Mark::Absent, NoteChange::Keep)
            .unwrap()
            .unwrap(),
    );
    let at_there = sheet(&log, &state, &c, &cands, Some(&there), 1);
    log.append(
        at_there
            .tick(panel(1), Item::Bureau, Mark::Present, NoteChange::Keep)
            .unwrap()
            .unwrap(),
    );
    let state = log.state();
    let s = sheet(&log, &state, &c, &cands, Some(&here), 1);
    let plan = s.move_to(&target).unwrap();
    assert_eq!((plan.moved, plan.replaced), (1, 1));
    assert!(
        matches!(&plan.bodies[0], EventBody::Tick { bureau: Some(b), mark: Mark::Absent, .. } if *b == there)
    );
    assert!(matches!(plan.bodies[1], EventBody::Retract { .. }));
    assert!(matches!(&plan.restore[0], EventBody::Tick { bureau: Some(b), .. } if *b == here));
    let here_again = Bureau {
        code: here.clone(),
        ..target.clone()
    };
    assert_eq!(s.move_to(&here_again), Err(Refusal::SameBureau));
    let elsewhere = Bureau {
        circonscription: Some(CirconscriptionCode::parse("7502").unwrap()),
        ..target
    };
    assert_eq!(
        s.move_to(&elsewhere),
        Err(Refusal::OtherCirconscription(c.clone()))
    );
}

/// Absurd counts are refused with what is expected (issue 16, point 4): 1 to 99 voters at an
/// address, and more envelopes than voters only once confirmed.
#[test]
fn an_absurd_household_count_is_refused_and_more_envelopes_than_voters_asks_first() {
    let (c, cands) = (circ(), candidates());
    let log = Log::new();
    let state = log.state();
    let s = sheet(&log, &state, &c, &cands, None, 1);
    assert_eq!(
        s.check_count(99_999_999, 1, false),
        Err(Implausible::TooManyVoters {
            voters: 99_999_999,
            max: MAX_VOTERS
        })
    );
    assert_eq!(
        s.check_count(100, 1, true),
        Err(Implausible::TooManyVoters {
            voters: 100,
            max: 99
        })
    );
    assert_eq!(s.check_count(99, 99, false), Ok(()));
    assert_eq!(s.check_count(1, 0, false), Ok(()));
    assert_eq!(
        s.check_count(4, 9, false),
        Err(Implausible::MoreThanVoters {
            voters: 4,
            received: 9
        })
    );
    assert_eq!(s.check_count(4, 9, true), Ok(()));
    assert_eq!(
        s.check_count(4, 1000, true),
        Err(Implausible::TooManyEnvelopes {
            received: 1000,
            max: 999
        })
    );
}

/// A re-check is a cell of the table set again to the mark it shows (issue 16, point 5).
#[test]
fn a_recheck_is_the_same_mark_again_on_the_bureau_s_table_only() {
    let (c, cands, b) = (circ(), candidates(), bureau("75056_0911"));
    let mut log = Log::new();
    let state = log.state();
    let s = sheet(&log, &state, &c, &cands, Some(&b), 1);
    assert!(!s.is_recheck(panel(1), Item::Bureau, Mark::Present));
    for item in [Item::Bureau, Item::Foi] {
        let body = s
            .tick(panel(1), item, Mark::Present, NoteChange::Keep)
            .unwrap()
            .unwrap();
        log.append(body);
    }
    let state = log.state();
    let s = sheet(&log, &state, &c, &cands, Some(&b), 1);
    assert!(s.is_recheck(panel(1), Item::Bureau, Mark::Present));
    assert!(!s.is_recheck(panel(1), Item::Bureau, Mark::Absent));
    assert!(!s.is_recheck(panel(1), Item::Foi, Mark::Present));
    assert!(!s.is_recheck(panel(2), Item::Bureau, Mark::Unchecked));
}

/// Issue 13 point 1 / 16 point 10: an absence noted "bulletins épuisés" at 15 h 00, seen again at
/// 15 h 40 without a note, is a new observation without it (the report used to print the note
/// twice); a change to present later carries only its own note.
#[test]
fn a_recheck_or_a_changed_mark_does_not_carry_the_earlier_note() {
    let (c, cands, b) = (circ(), candidates(), bureau("75056_0911"));
    let mut log = Log::new();
    let state = log.state();
    let s = sheet(&log, &state, &c, &cands, Some(&b), 1);
    let noted = NoteChange::Replace(Some("bulletins épuisés".into()));
    log.append(
        s.tick(panel(1), Item::Bureau, Mark::Absent, noted)
            .unwrap()
            .unwrap(),
    );
    let state = log.state();
    let s = sheet(&log, &state, &c, &cands, Some(&b), 1);
    let Some(EventBody::Tick { mark, note, .. }) = s
        .tick(panel(1), Item::Bureau, Mark::Absent, NoteChange::Keep)
        .unwrap()
    else {
        panic!("a re-check is recorded");
    };
    assert_eq!((mark, note), (Mark::Absent, None));
    let Some(EventBody::Tick { mark, note, .. }) = s
        .tick(panel(1), Item::Bureau, Mark::Present, NoteChange::Keep)
        .unwrap()
    else {
        panic!("a change is recorded");
    };
    assert_eq!((mark, note), (Mark::Present, None));
    let Some(EventBody::Tick { note, .. }) = s
        .tick(
            panel(1),
            Item::Bureau,
            Mark::Present,
            NoteChange::Replace(Some("réassort".into())),
        )
        .unwrap()
    else {
        panic!("a change with its note is recorded");
    };
    assert_eq!(note.as_deref(), Some("réassort"));
    // A note alone keeps the mark and is recorded; the same note again records nothing.
    assert!(s.set_note(panel(1), Item::Bureau, None).unwrap().is_some());
    assert_eq!(
        s.set_note(panel(1), Item::Bureau, Some("bulletins épuisés".into())),
        Ok(None)
    );
}

/// Issue 16 point 3: a household recorded with 0 envelopes received has nothing to look in: a
/// profession de foi or a courrier marked there is refused (the report said "absent de
/// l'unique enveloppe observée"); clearing a cell stays possible; envelope 2 of a household of
/// one is refused as past the count.
#[test]
fn envelope_content_needs_the_envelope_received() {
    let (c, cands, b) = (circ(), candidates(), bureau("75056_0911"));
    let mut log = Log::new();
    let state = log.state();
    let s = sheet(&log, &state, &c, &cands, Some(&b), 1);
    log.append(s.envelope_record(2, 0, None, None).unwrap());
    let state = log.state();
    let s = sheet(&log, &state, &c, &cands, Some(&b), 1);
    for item in [Item::Foi, Item::Courrier] {
        for mark in [Mark::Present, Mark::Absent] {
            assert_eq!(
                s.tick(panel(3), item, mark, NoteChange::Keep),
                Err(Refusal::NoEnvelopeReceived)
            );
        }
        assert_eq!(
            s.column(item, Mark::Present),
            Err(Refusal::NoEnvelopeReceived)
        );
        assert_eq!(
            s.tick(panel(3), item, Mark::Unchecked, NoteChange::Keep),
            Ok(None)
        );
    }
    assert!(
        s.tick(panel(3), Item::Bureau, Mark::Absent, NoteChange::Keep)
            .unwrap()
            .is_some(),
        "the bureau's table does not depend on the household"
    );
    log.append(s.envelope_record(2, 1, None, None).unwrap());
    let state = log.state();
    let s = sheet(&log, &state, &c, &cands, Some(&b), 1);
    assert!(
        s.tick(panel(3), Item::Foi, Mark::Absent, NoteChange::Keep)
            .unwrap()
            .is_some()
    );
    let s = sheet(&log, &state, &c, &cands, Some(&b), 2);
    assert_eq!(
        s.tick(panel(3), Item::Foi, Mark::Absent, NoteChange::Keep),
        Err(Refusal::EnvelopeBeyond {
            number: 2,
            limit: 1
        })
    );
}
