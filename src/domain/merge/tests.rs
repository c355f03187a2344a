//! Merge laws, held by property tests on generated logs of several observers who disagree.

use chrono::DateTime;
use proptest::prelude::*;
use uuid::Uuid;

use super::*;
use crate::domain::record::build_record;
use crate::domain::{BureauCode, CirconscriptionCode, Item, Mark, Panel, RecordState, Referential};

fn circ() -> CirconscriptionCode {
    CirconscriptionCode::parse("7501").unwrap()
}

/// An observer's whole series: each observer has a fixed log; files hold slices of them.
fn series(observer: u8, bodies: &[(u8, u8, u8)]) -> Vec<Event> {
    bodies
        .iter()
        .enumerate()
        .map(|(i, (panel, item, mark))| {
            let body = if *mark == 3 && i > 0 {
                EventBody::Retract {
                    target: EventId(Uuid::from_u128(
                        u128::from(observer) << 64 | (i as u128 - 1),
                    )),
                }
            } else {
                EventBody::Tick {
                    circonscription: circ(),
                    bureau: Some(BureauCode::parse("75056_0911").unwrap()),
                    panel: Panel::new(u16::from(*panel % 4) + 1).unwrap(),
                    item: Item::ALL[usize::from(*item % 3)],
                    mark: Mark::ALL[usize::from(*mark % 3)],
                    note: None,
                    envelope: None,
                }
            };
            Event {
                id: EventId(Uuid::from_u128(u128::from(observer) << 64 | i as u128)),
                observer: ObserverId(Uuid::from_u128(u128::from(observer))),
                seq: i as u64 + 1,
                recorded_at: DateTime::from_timestamp(1_700_000_000 + i as i64, 0).unwrap(),
                seen_at: None,
                body,
            }
        })
        .collect()
}

/// Three observers who disagree on the same few cells; three "files", each a prefix of some
/// observers' series (as a file sent at some moment of the day would be).
fn files() -> impl Strategy<Value = [Vec<Event>; 3]> {
    let log = proptest::collection::vec((0u8..4, 0u8..3, 0u8..4), 0..12);
    (
        log.clone(),
        log.clone(),
        log,
        proptest::collection::vec((0usize..13, 0usize..13, 0usize..13), 3),
    )
        .prop_map(|(a, b, c, cuts)| {
            let all = [series(1, &a), series(2, &b), series(3, &c)];
            let file = |k: usize| -> Vec<Event> {
                let (x, y, z) = cuts[k];
                let mut f = Vec::new();
                f.extend(all[0].iter().take(x).cloned());
                f.extend(all[1].iter().take(y).cloned());
                f.extend(all[2].iter().take(z).cloned());
                f
            };
            [file(0), file(1), file(2)]
        })
}

fn referential() -> Referential {
    let mut r = Referential::default();
    r.circonscriptions.insert(
        circ(),
        crate::domain::Circonscription {
            code: circ(),
            label: "Paris 1".into(),
        },
    );
    r.candidates.insert(
        circ(),
        (1..=4)
            .map(|p| crate::domain::Candidate {
                circonscription: circ(),
                panel: Panel::new(p).unwrap(),
                surname: format!("C{p}"),
                given_name: "X".into(),
                sex: crate::domain::Sex::F,
                nuance: "DIV".into(),
            })
            .collect(),
    );
    r
}

fn record(log: &[Event]) -> String {
    let state = RecordState::fold(log);
    format!("{:?}", build_record(&referential(), &state, &circ()))
}

proptest! {
    #[test]
    fn merging_is_commutative(files in files()) {
        let [a, b, _] = files;
        let ab = union(&a, &b).unwrap();
        let ba = union(&b, &a).unwrap();
        prop_assert_eq!(&ab, &ba);
        prop_assert_eq!(record(&ab), record(&ba));
    }

    #[test]
    fn merging_is_associative(files in files()) {
        let [a, b, c] = files;
        let left = union(&union(&a, &b).unwrap(), &c).unwrap();
        let right = union(&a, &union(&b, &c).unwrap()).unwrap();
        prop_assert_eq!(&left, &right);
        prop_assert_eq!(record(&left), record(&right));
    }

    #[test]
    fn merging_the_same_file_twice_adds_nothing(files in files()) {
        let [a, b, _] = files;
        let once = union(&a, &b).unwrap();
        let twice = union(&once, &b).unwrap();
        prop_assert_eq!(&once, &twice);
        prop_assert_eq!(union(&a, &a).unwrap(), union(&a, &[]).unwrap());
    }

    #[test]
    fn an_altered_copy_of_an_event_is_refused_in_either_order(files in files(), which in 0usize..12) {
        let [a, _, _] = files;
        prop_assume!(!a.is_empty());
        let mut altered = a[which % a.len()].clone();
        altered.recorded_at += chrono::Duration::seconds(1);
        let expected = MergeConflict::SameIdOtherContent(altered.id);
        prop_assert_eq!(union(&a, std::slice::from_ref(&altered)), Err(expected.clone()));
        prop_assert_eq!(union(std::slice::from_ref(&altered), &a), Err(expected));
    }
}

#[test]
fn disagreeing_observers_are_both_kept() {
    let a = series(1, &[(0, 2, 1)]);
    let b = series(2, &[(0, 2, 2)]);
    let merged = union(&a, &b).unwrap();
    assert_eq!(merged.len(), 2);
    let text = record(&merged);
    assert!(text.contains("Disputed"), "{text}");
}

#[test]
fn a_second_event_at_the_same_position_is_a_conflict() {
    let a = series(1, &[(0, 0, 1)]);
    let mut b = series(1, &[(1, 0, 1)]);
    b[0].id = EventId(Uuid::from_u128(99));
    assert!(matches!(
        union(&a, &b),
        Err(MergeConflict::SameSeqOtherId { seq: 1, .. })
    ));
}

#[test]
fn events_from_the_future_or_with_control_characters_are_refused() {
    let now = DateTime::from_timestamp(1_700_000_000, 0).unwrap();
    let mut e = series(1, &[(0, 0, 1)]).remove(0);
    assert_eq!(check_event(&e, now), Ok(()));
    e.recorded_at = now + chrono::Duration::days(3);
    assert!(matches!(
        check_event(&e, now),
        Err(EventProblem::FromTheFuture { .. })
    ));
    e.recorded_at = now;
    if let EventBody::Tick { note, .. } = &mut e.body {
        *note = Some("a\u{0}b".into());
    }
    assert!(matches!(
        check_event(&e, now),
        Err(EventProblem::ControlCharacters { field: "note", .. })
    ));
    if let EventBody::Tick { note, .. } = &mut e.body {
        *note = Some("x".repeat(MAX_NOTE + 1));
    }
    assert!(matches!(
        check_event(&e, now),
        Err(EventProblem::TooLong { field: "note", .. })
    ));
}
