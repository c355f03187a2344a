//! The storage behaviour suite, on real files in a temporary folder.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OpenFlags};
use uuid::Uuid;

use super::*;
use crate::domain::chain::{self, Keypair};
use crate::domain::merge::EventProblem;
use crate::domain::{BureauCode, CirconscriptionCode, Item, Mark, Panel};
use crate::i18n::{Lang, Localize};
use crate::sample;

fn t(s: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_497_160_000 + s, 0).unwrap()
}

fn observer() -> LocalObserver {
    LocalObserver {
        id: ObserverId(Uuid::from_u128(42)),
        name: "Marie".into(),
    }
}

fn new_store(dir: &Path) -> (Store, PathBuf) {
    let path = dir.join("obs.db");
    let data = sample::find("paris-1-2017")
        .unwrap()
        .election_data()
        .unwrap();
    (
        Store::create(&path, &data, &observer(), t(0)).unwrap(),
        path,
    )
}

fn tick(panel: u16) -> EventBody {
    EventBody::Tick {
        circonscription: CirconscriptionCode::parse("7501").unwrap(),
        bureau: Some(BureauCode::parse("75056_0911").unwrap()),
        panel: Panel::new(panel).unwrap(),
        item: Item::Bureau,
        mark: Mark::Present,
        note: Some("bulletins épuisés à 15h".into()),
        envelope: None,
    }
}

fn raw(path: &Path) -> Connection {
    Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE).unwrap()
}

#[test]
fn a_created_database_reopens_with_its_reference_data_and_observer() {
    let dir = tempfile::tempdir().unwrap();
    let (store, path) = new_store(dir.path());
    let expected = store.election_data().unwrap();
    drop(store);
    let store = Store::open(&path).unwrap();
    assert_eq!(store.election_data().unwrap(), expected);
    assert_eq!(store.local_observer().unwrap(), observer());
    assert_eq!(
        expected.referential.candidates.values().flatten().count(),
        22
    );
    store.integrity_check().unwrap();
}

#[test]
fn events_come_back_exactly_as_appended_numbered_from_1() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = new_store(dir.path());
    let a = store
        .append(EventId(Uuid::from_u128(1)), t(1), tick(3))
        .unwrap();
    let b = store
        .append(
            EventId(Uuid::from_u128(2)),
            t(2),
            EventBody::Envelope {
                circonscription: CirconscriptionCode::parse("7501").unwrap(),
                bureau: None,
                voters: 4,
                received: 1,
                note: None,
                received_on: None,
            },
        )
        .unwrap();
    let c = store
        .append(
            EventId(Uuid::from_u128(3)),
            t(3),
            EventBody::NonReceipt {
                circonscription: CirconscriptionCode::parse("7501").unwrap(),
                bureau: BureauCode::parse("75056_0911").unwrap(),
                voter: Some("Jean Dupont".into()),
                note: None,
                household: None,
            },
        )
        .unwrap();
    let d = store
        .append(
            EventId(Uuid::from_u128(4)),
            t(4),
            EventBody::Retract { target: a.id },
        )
        .unwrap();
    assert_eq!([a.seq, b.seq, c.seq, d.seq], [1, 2, 3, 4]);
    assert_eq!(store.events().unwrap(), vec![a, b, c, d]);
}

#[test]
fn the_event_table_refuses_updates_and_deletes() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, path) = new_store(dir.path());
    store
        .append(EventId(Uuid::from_u128(1)), t(1), tick(3))
        .unwrap();
    let before = store.events().unwrap();
    let conn = raw(&path);
    // Refused by the schema's triggers (their words are the schema's, not the catalogue's).
    let update = conn.execute("UPDATE event SET value = 'absent'", []);
    assert!(update.unwrap_err().to_string().contains("append-only"));
    let delete = conn.execute("DELETE FROM event", []);
    assert!(delete.unwrap_err().to_string().contains("append-only"));
    assert_eq!(store.events().unwrap(), before, "the event is as it was");
}

#[test]
fn creating_over_an_existing_file_is_refused_and_leaves_it_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("precious.db");
    std::fs::write(&path, b"my notes").unwrap();
    let data = sample::find("paris-1-2017")
        .unwrap()
        .election_data()
        .unwrap();
    let err = Store::create(&path, &data, &observer(), t(0))
        .err()
        .unwrap();
    assert!(matches!(err, StorageError::AlreadyExists(_)), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), b"my notes");
}

#[test]
fn a_creation_that_fails_leaves_no_file_so_that_a_retry_works() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("obs.db");
    let data = sample::find("paris-1-2017")
        .unwrap()
        .election_data()
        .unwrap();
    // The key folder cannot be made: a file stands where it should be.
    let blocked = dir.path().join("not-a-folder");
    std::fs::write(&blocked, b"x").unwrap();
    let err = Store::create_with_keys(&path, &data, &observer(), t(0), &KeyDir::at(&blocked))
        .err()
        .unwrap();
    assert!(matches!(err, StorageError::KeyFile { .. }), "{err}");
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, vec![std::ffi::OsString::from("not-a-folder")]);
    Store::create_with_keys(
        &path,
        &data,
        &observer(),
        t(0),
        &KeyDir::at(dir.path().join("k")),
    )
    .unwrap();
}

#[test]
fn files_that_are_not_constat_databases_are_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.db");
    assert!(matches!(
        Store::open(&missing),
        Err(StorageError::NotFound(_))
    ));
    assert!(!missing.exists());

    let cases: [(&str, &[u8]); 2] = [
        ("empty.db", b""),
        ("text.db", b"hello, not sqlite at all\n"),
    ];
    for (name, bytes) in cases {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        let err = Store::open(&p).err().unwrap();
        assert!(matches!(err, StorageError::NotConstat(_)), "{name}: {err}");
        assert_eq!(std::fs::read(&p).unwrap(), bytes, "{name} was modified");
    }

    let other = dir.path().join("other.db");
    Connection::open_with_flags(
        &other,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE,
    )
    .unwrap()
    .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
    .unwrap();
    assert!(matches!(
        Store::open(&other),
        Err(StorageError::NotConstat(_))
    ));
}

#[test]
fn a_database_from_a_newer_constat_is_refused_without_change() {
    let dir = tempfile::tempdir().unwrap();
    let (store, path) = new_store(dir.path());
    drop(store);
    raw(&path).pragma_update(None, "user_version", 99).unwrap();
    let before = std::fs::read(&path).unwrap();
    let err = Store::open(&path).err().unwrap();
    assert!(
        matches!(
            err,
            StorageError::NewerSchema {
                found: 99,
                supported: SCHEMA_VERSION,
                ..
            }
        ),
        "{err}"
    );
    // Both versions are said, in both languages.
    for lang in [Lang::En, Lang::Fr] {
        let text = err.text(lang);
        assert!(
            text.contains("99") && text.contains(&SCHEMA_VERSION.to_string()),
            "{text}"
        );
    }
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn the_schema_is_at_the_latest_version_with_wal_and_full_sync() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = new_store(dir.path());
    let version: u32 = store
        .conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    let mode: String = store
        .conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let sync: i32 = store
        .conn
        .pragma_query_value(None, "synchronous", |r| r.get(0))
        .unwrap();
    assert_eq!(sync, 2, "synchronous=FULL");
}

#[test]
fn a_full_disk_fails_the_write_keeps_earlier_events_and_a_retry_succeeds() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = new_store(dir.path());
    let pages: u32 = store
        .conn
        .query_row("PRAGMA page_count", [], |r| r.get(0))
        .unwrap();
    store.set_max_page_count(pages).unwrap();
    let mut saved = 0u128;
    let err = loop {
        match store.append(
            EventId(Uuid::from_u128(saved + 1)),
            t(1),
            tick(1 + (saved % 22) as u16),
        ) {
            Ok(_) => saved += 1,
            Err(e) => break e,
        }
        assert!(saved < 10_000, "the page limit never bit");
    };
    assert!(err.is_disk_full(), "{err}");
    assert!(!err.is_read_only(), "{err}");
    assert!(
        matches!(&err, StorageError::Sqlite { path, .. } if path == store.path()),
        "{err:?}"
    );
    assert_eq!(store.events().unwrap().len() as u128, saved);
    store.set_max_page_count(pages * 4).unwrap();
    store
        .append(EventId(Uuid::from_u128(9_999_999)), t(2), tick(1))
        .unwrap();
    assert_eq!(store.events().unwrap().len() as u128, saved + 1);
    store.integrity_check().unwrap();
}

#[test]
fn a_stored_row_that_makes_no_sense_is_an_error_naming_the_event() {
    let dir = tempfile::tempdir().unwrap();
    let (store, path) = new_store(dir.path());
    raw(&path)
        .execute(
            "INSERT INTO event (id, observer, seq, recorded_at, kind, circonscription, panel, item, value, bureau, hash)
             VALUES ('bad-id', ?1, 1, '2017-06-11T08:00:00Z', 'tick', '7501', 3, 'foi', 'present', NULL, printf('%064d', 0))",
            [observer().id.to_string()],
        )
        .unwrap();
    let err = store.events().err().unwrap();
    assert!(
        matches!(
            &err,
            StorageError::Invalid {
                what: DataProblem::Event {
                    id,
                    problem: RowProblem::NotUuid { value, .. },
                },
                ..
            } if id == "bad-id" && value == "bad-id"
        ),
        "{err:?}"
    );
    // The event is named by its id in both languages.
    for lang in [Lang::En, Lang::Fr] {
        assert!(err.text(lang).contains("bad-id"), "{}", err.text(lang));
    }
}

fn store_of(dir: &Path, file: &str, id: u128) -> (Store, PathBuf) {
    let path = dir.join(file);
    let data = sample::find("paris-1-2017")
        .unwrap()
        .election_data()
        .unwrap();
    let me = LocalObserver {
        id: ObserverId(Uuid::from_u128(id)),
        name: format!("Observateur {id}"),
    };
    (Store::create(&path, &data, &me, t(0)).unwrap(), path)
}

fn event_count(store: &Store) -> i64 {
    store
        .conn
        .query_row("SELECT count(*) FROM event", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn merged_events_go_in_by_batches_and_a_failing_batch_is_replayed_event_by_event() {
    let dir = tempfile::tempdir().unwrap();
    let options = MergeOptions {
        now: t(1_000_000),
        strict: false,
        accept_unsigned: false,
    };
    // A: 100 events (several full batches and a remainder).
    let (mut a, a_path) = store_of(dir.path(), "a.db", 1);
    for n in 1..=100u128 {
        a.append(
            EventId(Uuid::from_u128(1 << 64 | n)),
            t(n as i64),
            tick((n % 20 + 1) as u16),
        )
        .unwrap();
    }
    drop(a);
    let (mut target, _) = store_of(dir.path(), "target.db", 3);
    let outcome = target
        .merge_database(&a_path, options, &mut |_| {})
        .unwrap();
    assert_eq!((outcome.new, outcome.already), (100, 0));
    assert_eq!(event_count(&target), 100);
    // Merging again adds nothing: every event is already held, identical.
    let again = target
        .merge_database(&a_path, options, &mut |_| {})
        .unwrap();
    assert_eq!((again.new, again.already), (0, 100));

    // B: 10 good events, then one reusing the id of one of A's events (its own chain is sound, so
    // it reaches the batch), then more.
    let (mut b, b_path) = store_of(dir.path(), "b.db", 2);
    for n in 1..=20u128 {
        let id = if n == 11 {
            Uuid::from_u128(1 << 64 | 5)
        } else {
            Uuid::from_u128(2 << 64 | n)
        };
        b.append(EventId(id), t(n as i64), tick(1)).unwrap();
    }
    drop(b);
    let e = target
        .merge_database(&b_path, options, &mut |_| {})
        .unwrap_err();
    assert_eq!(
        e,
        MergeRejection::ChainMismatch(EventId(Uuid::from_u128(1 << 64 | 5)))
    );
    // The whole file contributed nothing, not even the events before the bad one.
    assert_eq!(event_count(&target), 100);
}

#[test]
fn append_refuses_what_merge_would_refuse_so_a_file_always_merges() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = new_store(dir.path());
    let circ = CirconscriptionCode::parse("7501").unwrap();
    let bureau = BureauCode::parse("75056_0911").unwrap();
    let long = EventBody::NonReceipt {
        circonscription: circ,
        bureau,
        voter: Some("x".repeat(crate::domain::merge::MAX_NAME + 1)),
        note: None,
        household: None,
    };
    let err = store
        .append(EventId(Uuid::from_u128(99)), t(60), long)
        .unwrap_err();
    assert!(
        matches!(
            &err,
            StorageError::Invalid {
                what: DataProblem::EventRefused(EventProblem::TooLong {
                    field: "voter",
                    len: 201,
                    max: 200,
                    ..
                }),
                ..
            }
        ),
        "{err:?}"
    );
    // The limit is said, in both languages.
    for lang in [Lang::En, Lang::Fr] {
        assert!(err.text(lang).contains("200"), "{}", err.text(lang));
    }
    assert!(store.events().unwrap().is_empty(), "nothing written");
}

#[test]
fn the_interface_reads_its_observers_events_and_the_summary_everyones() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, path) = new_store(dir.path());
    let mine = store
        .append(EventId(Uuid::from_u128(1)), t(1), tick(3))
        .unwrap();
    store
        .append(
            EventId(Uuid::from_u128(2)),
            t(2),
            EventBody::Retract { target: mine.id },
        )
        .unwrap();
    // Another observer's tick in the same circonscription, as a merge would have added it.
    let conn = raw(&path);
    conn.execute(
        "INSERT INTO observer (id, name, is_local, created_at) VALUES (?1, 'Paul', 0, '2017-06-11')",
        [Uuid::from_u128(77).to_string()],
    )
    .unwrap();
    conn.execute(
        "INSERT INTO event (id, observer, seq, recorded_at, kind, circonscription, bureau, panel, item, value, hash)
         VALUES (?1, ?2, 1, '2017-06-11T08:00:00.000000Z', 'tick', '7501', '75056_0911', 4, 'bureau', 'absent', ?3)",
        [
            Uuid::from_u128(3).to_string(),
            Uuid::from_u128(77).to_string(),
            "0".repeat(64),
        ],
    )
    .unwrap();
    drop(conn);
    let circ = CirconscriptionCode::parse("7501").unwrap();
    let own = store.events_of_observer(observer().id, &circ).unwrap();
    assert_eq!(
        own.iter().map(|e| e.seq).collect::<Vec<_>>(),
        vec![1, 2],
        "the observer's tick and its retraction"
    );
    assert_eq!(store.events_of(&circ).unwrap().len(), 3, "everyone's");
}

fn envelope_tick(panel: u16, mark: Mark, envelope: Option<u16>) -> EventBody {
    EventBody::Tick {
        circonscription: CirconscriptionCode::parse("7501").unwrap(),
        bureau: None,
        panel: Panel::new(panel).unwrap(),
        item: Item::Foi,
        mark,
        note: None,
        envelope,
    }
}

#[test]
fn envelope_numbers_and_days_of_arrival_are_stored_and_hashed_in_version_2() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, path) = new_store(dir.path());
    let second = store
        .append(
            EventId(Uuid::from_u128(1)),
            t(1),
            envelope_tick(3, Mark::Absent, Some(2)),
        )
        .unwrap();
    let day = chrono::NaiveDate::from_ymd_opt(2017, 6, 6).unwrap();
    let household = store
        .append(
            EventId(Uuid::from_u128(2)),
            t(2),
            EventBody::Envelope {
                circonscription: CirconscriptionCode::parse("7501").unwrap(),
                bureau: None,
                voters: 2,
                received: 2,
                note: None,
                received_on: Some(day),
            },
        )
        .unwrap();
    assert_eq!(store.events().unwrap(), vec![second.clone(), household]);
    let with_hashes = store.events_with_hashes().unwrap();
    assert_eq!(
        with_hashes[0].1,
        crate::domain::chain::link(&crate::domain::chain::GENESIS, &second)
    );
    assert!(
        String::from_utf8(crate::domain::chain::canonical(&second))
            .unwrap()
            .starts_with(r#"["constat-event/2""#)
    );
    let stored: (Option<i64>, Option<String>) = raw(&path)
        .query_row(
            "SELECT max(envelope), max(received_on) FROM event",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(stored, (Some(2), Some("2017-06-06".into())));
    // The schema refuses an envelope number on anything but an envelope item's tick.
    let insert = |id: &str, envelope: Option<i64>| {
        raw(&path).execute(
            "INSERT INTO event (id, observer, seq, recorded_at, kind, circonscription, voters,
                                received, envelope, hash)
             SELECT ?1, observer, 90 + length(?1), recorded_at, 'envelope', '7501', 1, 1, ?2, hash
             FROM event LIMIT 1",
            rusqlite::params![id, envelope],
        )
    };
    assert!(insert("x", Some(3)).is_err());
    assert_eq!(
        insert("yy", None).unwrap(),
        1,
        "the same row without it is accepted"
    );
    assert!(
        store
            .append(
                EventId(Uuid::from_u128(3)),
                t(3),
                EventBody::Tick {
                    circonscription: CirconscriptionCode::parse("7501").unwrap(),
                    bureau: Some(BureauCode::parse("75056_0911").unwrap()),
                    panel: Panel::new(3).unwrap(),
                    item: Item::Bureau,
                    mark: Mark::Absent,
                    note: None,
                    envelope: Some(2),
                },
            )
            .is_err(),
        "a bureau tick with an envelope number is refused"
    );
}

/// A copy of `from`'s data in a file of schema version 2 (before envelope numbers), as an older
/// constat wrote it.
fn version_2_copy(from: &Path, to: &Path) {
    // A raw file on purpose: an older constat's schema, not the one `Store::create` writes.
    #[allow(clippy::disallowed_methods)]
    let conn = Connection::open(to).unwrap();
    for sql in super::migrations::up_to(2) {
        conn.execute_batch(sql).unwrap();
    }
    conn.pragma_update(None, "application_id", APPLICATION_ID)
        .unwrap();
    conn.pragma_update(None, "user_version", 2).unwrap();
    conn.execute("ATTACH ?1 AS src", [from.to_str().unwrap()])
        .unwrap();
    conn.execute_batch(
        "INSERT INTO election SELECT * FROM src.election;
         INSERT INTO circonscription SELECT * FROM src.circonscription;
         INSERT INTO candidate SELECT * FROM src.candidate;
         INSERT INTO bureau SELECT * FROM src.bureau;
         INSERT INTO observer SELECT id, name, public_key, is_local, created_at FROM src.observer;
         INSERT INTO chain_head SELECT * FROM src.chain_head;
         INSERT INTO event SELECT id, observer, seq, recorded_at, kind, circonscription, bureau,
             panel, item, value, voters, received, voter, target, note, hash FROM src.event;",
    )
    .unwrap();
    conn.execute("DETACH src", []).unwrap();
}

#[test]
fn envelope_numbers_and_days_of_arrival_merge_by_the_batch_path_intact() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, a_path) = store_of(dir.path(), "a.db", 1);
    for n in 1..=40u128 {
        let body = if n == 40 {
            EventBody::Envelope {
                circonscription: CirconscriptionCode::parse("7501").unwrap(),
                bureau: None,
                voters: 3,
                received: 3,
                note: None,
                received_on: chrono::NaiveDate::from_ymd_opt(2017, 6, 6),
            }
        } else {
            envelope_tick((n % 20 + 1) as u16, Mark::Absent, Some((n % 3 + 1) as u16))
        };
        a.append(EventId(Uuid::from_u128(1 << 64 | n)), t(n as i64), body)
            .unwrap();
    }
    let events = a.events().unwrap();
    drop(a);
    let (mut target, target_path) = store_of(dir.path(), "target.db", 3);
    let outcome = merge_lenient(&mut target, &a_path);
    assert_eq!(outcome.new, 40);
    assert_eq!(target.events().unwrap(), events);
    drop(target);
    let checks = super::verify::verify_database(&target_path).unwrap();
    assert!(checks.iter().all(|c| c.problem.is_none()), "{checks:?}");
}

#[test]
fn a_file_of_schema_version_2_merges_verifies_and_is_migrated_on_open() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, a_path) = store_of(dir.path(), "a.db", 1);
    for n in 1..=5u128 {
        a.append(EventId(Uuid::from_u128(1 << 64 | n)), t(n as i64), tick(3))
            .unwrap();
    }
    let events = a.events().unwrap();
    drop(a);
    let old = dir.path().join("old.db");
    version_2_copy(&a_path, &old);

    let checks = super::verify::verify_database(&old).unwrap();
    assert!(checks.iter().all(|c| c.problem.is_none()), "{checks:?}");
    let (mut target, _) = store_of(dir.path(), "target.db", 3);
    let outcome = merge_lenient(&mut target, &old);
    assert_eq!(outcome.new, 5);
    assert_eq!(target.events().unwrap(), events);

    let reopened = Store::open(&old).unwrap();
    assert_eq!(reopened.events().unwrap(), events);
    let version: u32 = raw(&old)
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
}

#[test]
fn the_chain_digest_covers_every_observers_last_hash_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, a_path) = store_of(dir.path(), "a.db", 1);
    for n in 1..=3u128 {
        a.append(EventId(Uuid::from_u128(1 << 64 | n)), t(n as i64), tick(3))
            .unwrap();
    }
    drop(a);
    let (mut target, _) = store_of(dir.path(), "target.db", 3);
    assert_eq!(target.chain_digest().unwrap(), None, "no event, no digest");
    for n in 1..=2u128 {
        target
            .append(EventId(Uuid::from_u128(3 << 64 | n)), t(n as i64), tick(4))
            .unwrap();
    }
    merge_lenient(&mut target, &a_path);
    let mut heads: Vec<(ObserverId, u64, crate::domain::chain::Hash)> = Vec::new();
    for (e, hash) in target.events_with_hashes().unwrap() {
        match heads.last_mut() {
            Some(last) if last.0 == e.observer => *last = (e.observer, e.seq, hash),
            _ => heads.push((e.observer, e.seq, hash)),
        }
    }
    assert_eq!(heads.len(), 2);
    assert_eq!(heads.iter().map(|h| h.1).collect::<Vec<_>>(), [3, 2]);
    assert_eq!(
        target.chain_digest().unwrap(),
        Some(crate::domain::chain::digest_of_heads(&heads))
    );
}

/// Merges `file` into `target` as `constat merge` does by default (not strict).
fn merge_lenient(target: &mut Store, file: &Path) -> MergeOutcome {
    target
        .merge_database(
            file,
            MergeOptions {
                now: t(1_000_000),
                strict: false,
                accept_unsigned: false,
            },
            &mut |_| {},
        )
        .unwrap()
}

// ---- Issue 15 (sign): every event signed, the key out of the database, time. ----

/// Merges `file` into `target`, returning the refusal if any.
fn try_merge(target: &mut Store, file: &Path) -> Result<MergeOutcome, MergeRejection> {
    target.merge_database(
        file,
        MergeOptions {
            now: t(1_000_000),
            strict: false,
            accept_unsigned: false,
        },
        &mut |_| {},
    )
}

/// Does `bytes` hold `needle` anywhere?
fn holds(bytes: &[u8], needle: &[u8]) -> bool {
    bytes.windows(needle.len()).any(|w| w == needle)
}

/// The secret key of the observer `id` whose database is at `db`, from its key file.
fn secret_of(db: &Path, id: u128) -> [u8; 32] {
    KeyDir::for_database(db)
        .unwrap()
        .read(ObserverId(Uuid::from_u128(id)))
        .unwrap()
        .unwrap()
        .secret()
}

/// Appends to `db` (opened raw, as a forger would) an event of observer `id` after its last one,
/// hashed as the public format says, with no signature.
fn forge_append(db: &Path, id: u128, at: DateTime<Utc>) {
    let store = Store::open_with_keys(db, None).unwrap();
    let events = store.events_with_hashes().unwrap();
    let (last, hash) = events
        .iter()
        .rfind(|(e, _)| e.observer == ObserverId(Uuid::from_u128(id)))
        .unwrap();
    let forged = Event {
        id: EventId(Uuid::from_u128(0xF0F0 << 64 | u128::from(last.seq + 1))),
        observer: last.observer,
        seq: last.seq + 1,
        recorded_at: at,
        seen_at: None,
        body: EventBody::Tick {
            circonscription: CirconscriptionCode::parse("7501").unwrap(),
            bureau: None,
            panel: Panel::new(3).unwrap(),
            item: Item::Foi,
            mark: Mark::Present,
            note: Some("erreur de ma part".into()),
            envelope: None,
        },
    };
    let new_hash = crate::domain::chain::link(hash, &forged);
    drop(store);
    let conn = raw(db);
    super::events::insert(&conn, &forged, &new_hash, false).unwrap();
}

#[test]
fn every_append_is_signed_and_the_secret_is_in_no_file_of_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, a_path) = store_of(dir.path(), "a.db", 1);
    for n in 1..=3u128 {
        a.append(EventId(Uuid::from_u128(1 << 64 | n)), t(n as i64), tick(3))
            .unwrap();
    }
    let signatures = a.event_signatures().unwrap();
    assert_eq!(signatures.len(), 3);
    let public = Keypair::from_secret(&secret_of(&a_path, 1)).public();
    for (e, hash) in a.events_with_hashes().unwrap() {
        assert!(chain::head_signature_is_valid(
            &public,
            e.observer,
            e.seq,
            &hash,
            &signatures[&e.id]
        ));
    }
    let tables: i64 = a
        .conn
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE name = 'local_key'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(tables, 0, "no table for the key any more");
    drop(a);
    let secret = secret_of(&a_path, 1);
    for file in std::fs::read_dir(dir.path()).unwrap() {
        let file = file.unwrap().path();
        if file.is_file() {
            let bytes = std::fs::read(&file).unwrap();
            assert!(!holds(&bytes, &secret), "{} holds the key", file.display());
            assert!(!holds(&bytes, hex::encode(secret).as_bytes()));
        }
    }
    let checks = super::verify::verify_database(&a_path).unwrap();
    assert_eq!(checks[0].signed_up_to, Some(3));
    assert!(checks.iter().all(|c| c.problem.is_none()), "{checks:?}");
}

/// A file of schema `version` (1 to 4) as an older constat wrote it, holding `from`'s data and
/// its observer's secret key in `local_key`.
fn older_copy(from: &Path, to: &Path, version: u32, secret: &[u8; 32]) {
    #[allow(clippy::disallowed_methods)]
    let conn = Connection::open(to).unwrap();
    for sql in super::migrations::up_to(version) {
        conn.execute_batch(sql).unwrap();
    }
    conn.pragma_update(None, "application_id", APPLICATION_ID)
        .unwrap();
    conn.pragma_update(None, "user_version", version).unwrap();
    conn.execute("ATTACH ?1 AS src", [from.to_str().unwrap()])
        .unwrap();
    let candidates = if version >= 2 {
        "INSERT INTO candidate SELECT * FROM src.candidate;"
    } else {
        "INSERT INTO candidate SELECT circonscription, panel, surname, given_name, sex, nuance
         FROM src.candidate;"
    };
    let added = match version {
        4.. => ", envelope, received_on, seen_at, machines, household",
        3 => ", envelope, received_on",
        _ => "",
    };
    conn.execute_batch(&format!(
        "INSERT INTO election SELECT * FROM src.election;
         INSERT INTO circonscription SELECT * FROM src.circonscription;
         {candidates}
         INSERT INTO bureau SELECT * FROM src.bureau;
         INSERT INTO observer SELECT id, name, public_key, is_local, created_at FROM src.observer;
         INSERT INTO chain_head SELECT * FROM src.chain_head;
         INSERT INTO event (id, observer, seq, recorded_at, kind, circonscription, bureau, panel,
                            item, value, voters, received, voter, target, note, hash{added})
             SELECT id, observer, seq, recorded_at, kind, circonscription, bureau, panel, item,
                    value, voters, received, voter, target, note, hash{added}
             FROM src.event ORDER BY rowid;"
    ))
    .unwrap();
    conn.execute(
        "INSERT INTO local_key (singleton, secret) VALUES (1, ?1)",
        [hex::encode(secret)],
    )
    .unwrap();
    conn.execute("DETACH src", []).unwrap();
}

#[test]
fn genuine_files_of_every_earlier_schema_merge_verify_and_migrate_with_their_key() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, a_path) = store_of(dir.path(), "a.db", 1);
    for n in 1..=3u128 {
        a.append(EventId(Uuid::from_u128(1 << 64 | n)), t(n as i64), tick(3))
            .unwrap();
    }
    let events = a.events().unwrap();
    drop(a);
    let secret = secret_of(&a_path, 1);
    for version in 1..=3 {
        let sub = dir.path().join(format!("v{version}"));
        std::fs::create_dir(&sub).unwrap();
        let old = sub.join("old.db");
        older_copy(&a_path, &old, version, &secret);
        let checks = super::verify::verify_database(&old).unwrap();
        assert!(
            checks.iter().all(|c| c.problem.is_none()),
            "v{version}: {checks:?}"
        );
        assert_eq!(checks[0].signed_up_to, Some(3), "v{version}");
        let (mut target, _) = store_of(&sub, "target.db", 3);
        assert_eq!(try_merge(&mut target, &old).unwrap().new, 3, "v{version}");
        assert_eq!(target.events().unwrap(), events);
        drop(target);
        let mut reopened = Store::open(&old).unwrap();
        reopened
            .append(EventId(Uuid::from_u128(1 << 64 | 4)), t(4), tick(4))
            .unwrap();
        drop(reopened);
        assert_eq!(secret_of(&old, 1), secret, "v{version}");
        assert!(
            !holds(
                &std::fs::read(&old).unwrap(),
                hex::encode(secret).as_bytes()
            ),
            "v{version}"
        );
    }
}

#[test]
fn a_schema_4_file_merges_verifies_and_on_open_moves_its_key_to_a_key_file() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, a_path) = store_of(dir.path(), "a.db", 1);
    for n in 1..=4u128 {
        a.append(EventId(Uuid::from_u128(1 << 64 | n)), t(n as i64), tick(3))
            .unwrap();
    }
    let events = a.events().unwrap();
    drop(a);
    let secret = secret_of(&a_path, 1);
    let old_dir = dir.path().join("old");
    std::fs::create_dir(&old_dir).unwrap();
    let old = old_dir.join("old.db");
    older_copy(&a_path, &old, 4, &secret);
    assert!(holds(
        &std::fs::read(&old).unwrap(),
        hex::encode(secret).as_bytes()
    ));

    // A genuine schema-4 file merges and verifies (its signed head covers every event).
    let checks = super::verify::verify_database(&old).unwrap();
    assert!(checks.iter().all(|c| c.problem.is_none()), "{checks:?}");
    let (mut target, _) = store_of(dir.path(), "target.db", 3);
    assert_eq!(try_merge(&mut target, &old).unwrap().new, 4);
    assert_eq!(target.events().unwrap(), events);

    // Opened: the key goes to its key file (in the key folder of the old file), and out of
    // every byte of the database.
    let mut reopened = Store::open(&old).unwrap();
    reopened
        .append(EventId(Uuid::from_u128(1 << 64 | 5)), t(5), tick(4))
        .unwrap();
    drop(reopened);
    assert_eq!(secret_of(&old, 1), secret);
    for name in ["old.db", "old.db-wal"] {
        let Ok(bytes) = std::fs::read(old_dir.join(name)) else {
            continue;
        };
        assert!(!holds(&bytes, hex::encode(secret).as_bytes()), "{name}");
        assert!(!holds(&bytes, &secret), "{name}");
    }
    let checks = super::verify::verify_database(&old).unwrap();
    assert_eq!(checks[0].signed_up_to, Some(5));
    assert!(checks.iter().all(|c| c.problem.is_none()), "{checks:?}");
}

#[test]
fn without_its_key_file_a_database_refuses_to_append_and_says_where_it_looked() {
    let dir = tempfile::tempdir().unwrap();
    let (a, a_path) = store_of(dir.path(), "a.db", 1);
    drop(a);
    let key_file = KeyDir::for_database(&a_path)
        .unwrap()
        .file_of(ObserverId(Uuid::from_u128(1)));
    std::fs::rename(&key_file, dir.path().join("saved.key")).unwrap();
    let mut a = Store::open(&a_path).unwrap();
    let err = a
        .append(EventId(Uuid::from_u128(1 << 64 | 1)), t(1), tick(3))
        .unwrap_err();
    assert!(
        matches!(&err, StorageError::KeyMissing { key_file: k, .. } if k == &key_file),
        "{err}"
    );
    assert!(err.text(Lang::Fr).contains(&key_file.display().to_string()));
    assert_eq!(event_count(&a), 0);
    drop(a);
    // The key file put back: appending works again.
    std::fs::rename(dir.path().join("saved.key"), &key_file).unwrap();
    let mut a = Store::open(&a_path).unwrap();
    a.append(EventId(Uuid::from_u128(1 << 64 | 1)), t(1), tick(3))
        .unwrap();
}

#[test]
fn merge_refuses_an_event_appended_to_someone_elses_chain_without_a_valid_signature() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, a_path) = store_of(dir.path(), "a.db", 1);
    for n in 1..=5u128 {
        a.append(EventId(Uuid::from_u128(1 << 64 | n)), t(n as i64), tick(3))
            .unwrap();
    }
    drop(a);
    let forged = dir.path().join("forged.db");
    std::fs::copy(&a_path, &forged).unwrap();
    forge_append(&forged, 1, t(6));
    let (mut target, target_path) = store_of(dir.path(), "target.db", 3);
    let err = try_merge(&mut target, &forged).unwrap_err();
    assert_eq!(
        err,
        MergeRejection::Unsigned {
            observer: ObserverId(Uuid::from_u128(1)),
            first: 6,
            last: 6,
            signed: 5
        }
    );
    assert_eq!(event_count(&target), 0, "the target is unchanged");
    // verify names the break: 6 events, signed up to 5.
    let checks = super::verify::verify_database(&forged).unwrap();
    assert_eq!(
        checks[0].problem,
        Some(ChainProblem::Unsigned {
            events: 6,
            signed: 5
        })
    );
    // The genuine file merges, and the forged one is still refused after it.
    assert_eq!(try_merge(&mut target, &a_path).unwrap().new, 5);
    assert!(matches!(
        try_merge(&mut target, &forged),
        Err(MergeRejection::Unsigned { first: 6, .. })
    ));
    drop(target);
    let checks = super::verify::verify_database(&target_path).unwrap();
    assert!(checks.iter().all(|c| c.problem.is_none()), "{checks:?}");
}

#[test]
fn merge_refuses_a_forged_signature_a_changed_name_time_going_back_and_the_future() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, a_path) = store_of(dir.path(), "a.db", 1);
    for n in 1..=3u128 {
        a.append(
            EventId(Uuid::from_u128(1 << 64 | n)),
            t(n as i64 * 10),
            tick(3),
        )
        .unwrap();
    }
    drop(a);
    let copy = |name: &str| {
        let p = dir.path().join(name);
        std::fs::copy(&a_path, &p).unwrap();
        (p.clone(), raw(&p))
    };
    let target_dir = dir.path().join("t");
    std::fs::create_dir(&target_dir).unwrap();
    let (mut target, _) = store_of(&target_dir, "target.db", 3);
    let me = ObserverId(Uuid::from_u128(1));

    // The last signature replaced by another (valid hex, wrong signature).
    let (bad_sig, conn) = copy("bad-sig.db");
    let trigger: String = conn
        .query_row(
            "SELECT sql FROM sqlite_schema WHERE name = 'event_signature_is_append_only_no_update'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    conn.execute_batch(
        "DROP TRIGGER event_signature_is_append_only_no_update;
         UPDATE event_signature SET signature = (CASE substr(signature, 1, 1) WHEN '0' THEN '1'
             ELSE '0' END) || substr(signature, 2)
         WHERE event = (SELECT id FROM event ORDER BY seq DESC LIMIT 1);
         DELETE FROM chain_head;",
    )
    .unwrap();
    conn.execute_batch(&trigger).unwrap();
    drop(conn);
    assert_eq!(
        try_merge(&mut target, &bad_sig).unwrap_err(),
        MergeRejection::EventSignature {
            observer: me,
            seq: 3
        }
    );
    assert_eq!(
        super::verify::verify_database(&bad_sig).unwrap()[0].problem,
        Some(ChainProblem::BadHeadSignature { seq: 3 })
    );

    // The name garbled: the statement no longer verifies.
    let (renamed, conn) = copy("renamed.db");
    conn.execute("UPDATE observer SET name = 'LÃ©a Bernard'", [])
        .unwrap();
    drop(conn);
    assert!(matches!(
        try_merge(&mut target, &renamed),
        Err(MergeRejection::BadStatement { .. })
    ));
    assert_eq!(
        super::verify::verify_database(&renamed).unwrap()[0].problem,
        Some(ChainProblem::BadStatement)
    );

    // An event whose time goes back (re-hashed as the format says, but unsigned: refused either
    // way; the time is the first reason met).
    let (back, _) = copy("back.db");
    forge_append(&back, 1, t(5));
    assert!(matches!(
        try_merge(&mut target, &back),
        Err(MergeRejection::TimeGoesBack { seq: 4, .. })
    ));
    assert_eq!(
        super::verify::verify_database(&back).unwrap()[0].problem,
        Some(ChainProblem::TimeGoesBack { seq: 4 })
    );

    // More than 5 minutes in the future of the receiving machine.
    let (ahead, _) = copy("ahead.db");
    forge_append(&ahead, 1, t(1_000_000 + 6 * 60));
    assert!(matches!(
        try_merge(&mut target, &ahead),
        Err(MergeRejection::FromTheFuture { seq: 4, .. })
    ));
    assert_eq!(event_count(&target), 0, "the target is unchanged");

    // Every refusal names the observer, in French and English.
    for err in [
        try_merge(&mut target, &bad_sig).unwrap_err(),
        try_merge(&mut target, &renamed).unwrap_err(),
    ] {
        for lang in [Lang::Fr, Lang::En] {
            assert!(
                err.text(lang).contains(&me.to_string()),
                "{}",
                err.text(lang)
            );
        }
    }
    assert_eq!(try_merge(&mut target, &a_path).unwrap().new, 3);
}

#[test]
fn an_event_whose_observer_is_not_listed_is_a_break() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, a_path) = store_of(dir.path(), "a.db", 1);
    a.append(EventId(Uuid::from_u128(1 << 64 | 1)), t(1), tick(3))
        .unwrap();
    drop(a);
    let conn = raw(&a_path);
    conn.execute_batch("PRAGMA foreign_keys = OFF").unwrap();
    let orphan = Event {
        id: EventId(Uuid::from_u128(0xBAD)),
        observer: ObserverId(Uuid::from_u128(0x3b68)),
        seq: 1,
        recorded_at: t(2),
        seen_at: None,
        body: tick(5),
    };
    let hash = chain::link(&chain::GENESIS, &orphan);
    super::events::insert(&conn, &orphan, &hash, false).unwrap();
    drop(conn);
    let checks = super::verify::verify_database(&a_path).unwrap();
    let found = checks
        .iter()
        .find(|c| c.observer == orphan.observer)
        .unwrap();
    assert_eq!(found.problem, Some(ChainProblem::Orphan));
}

#[test]
fn a_signed_csv_merges_and_stripped_of_its_signatures_is_refused_where_the_key_is_known() {
    use crate::export::events_csv;
    let dir = tempfile::tempdir().unwrap();
    let (mut a, a_path) = store_of(dir.path(), "a.db", 1);
    for n in 1..=3u128 {
        a.append(EventId(Uuid::from_u128(1 << 64 | n)), t(n as i64), tick(3))
            .unwrap();
    }
    let mut signed = Vec::new();
    events_csv::write_signed(
        &mut signed,
        "legislatives-2017-1",
        &a.observers().unwrap(),
        &a.events_with_hashes().unwrap(),
        &a.observer_seals().unwrap(),
        &a.event_signatures().unwrap(),
    )
    .unwrap();
    let mut unsigned = Vec::new();
    events_csv::write(
        &mut unsigned,
        "legislatives-2017-1",
        &a.observers().unwrap(),
        &a.events_with_hashes().unwrap(),
    )
    .unwrap();
    let events = a.events().unwrap();
    drop(a);
    let (signed_path, unsigned_path) = (dir.path().join("s.csv"), dir.path().join("u.csv"));
    std::fs::write(&signed_path, &signed).unwrap();
    std::fs::write(&unsigned_path, &unsigned).unwrap();
    let options = MergeOptions {
        now: t(1_000_000),
        strict: false,
        accept_unsigned: false,
    };
    let t_dir = dir.path().join("t");
    std::fs::create_dir(&t_dir).unwrap();
    let (mut target, _) = store_of(&t_dir, "target.db", 3);
    assert_eq!(
        target
            .merge_csv(&signed_path, options, &mut |_| {})
            .unwrap()
            .new,
        3
    );
    assert_eq!(target.events().unwrap(), events);
    assert_eq!(target.event_signatures().unwrap().len(), 3);
    // The unsigned CSV of a keyed observer: nothing beyond what is signed here merges.
    let (mut fresh, _) = store_of(&dir.path().join("t"), "fresh.db", 4);
    let outcome = fresh.merge_database(&a_path, options, &mut |_| {}).unwrap();
    assert_eq!(outcome.new, 3);
    assert_eq!(
        fresh
            .merge_csv(&unsigned_path, options, &mut |_| {})
            .unwrap()
            .already,
        3
    );
    // An unsigned CSV of an observer never seen with a key: refused (nothing proves who wrote
    // it), unless the coordinator takes unsigned files (constat before schema 5).
    let (mut other, _) = store_of(&dir.path().join("t"), "other.db", 5);
    assert!(matches!(
        other.merge_csv(&unsigned_path, options, &mut |_| {}),
        Err(MergeRejection::Unkeyed { .. })
    ));
    assert!(other.events().unwrap().is_empty(), "nothing merged");
    let legacy = MergeOptions {
        accept_unsigned: true,
        ..options
    };
    assert_eq!(
        other
            .merge_csv(&unsigned_path, legacy, &mut |_| {})
            .unwrap()
            .new,
        3
    );
}

/// Issue 15 point 3: `rotate_key` appends a key change signed by the old key, and later events
/// are signed by the new one; a rotation interrupted after its commit (the new secret still in
/// `<id>.key.next`, the old one in the key file) is finished at the next open.
#[test]
fn a_key_rotation_interrupted_after_its_commit_is_finished_at_the_next_open() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, path) = new_store(dir.path());
    store
        .append(EventId(Uuid::from_u128(1)), t(1), tick(1))
        .unwrap();
    let keys = KeyDir::for_database(&path).unwrap();
    let me = observer().id;
    let old = keys.read(me).unwrap().unwrap();
    let done = store
        .rotate_key(EventId(Uuid::from_u128(2)), t(2), false)
        .unwrap();
    assert_eq!(done.old, old.public());
    assert_eq!(done.seq, 2);
    assert!(!keys.next_file_of(me).exists());
    let new = keys.read(me).unwrap().unwrap();
    assert_eq!(new.public(), done.new);
    store
        .append(EventId(Uuid::from_u128(3)), t(3), tick(2))
        .unwrap();
    drop(store);
    // As if interrupted between the commit and the rename.
    keys.write_next(me, &new).unwrap();
    std::fs::remove_file(keys.file_of(me)).unwrap();
    keys.write(me, &old).unwrap();
    let mut store = Store::open(&path).unwrap();
    assert!(!keys.next_file_of(me).exists());
    assert_eq!(keys.read(me).unwrap().unwrap().public(), new.public());
    store
        .append(EventId(Uuid::from_u128(4)), t(4), tick(3))
        .unwrap();
    let checks = verify_database(&path).unwrap();
    assert_eq!(checks.len(), 1);
    assert_eq!(checks[0].problem, None, "{checks:?}");
    assert_eq!(checks[0].signed_up_to, Some(4));
    // `--lost` while the key is there is refused, nothing written.
    assert!(matches!(
        store.rotate_key(EventId(Uuid::from_u128(5)), t(5), true),
        Err(StorageError::KeyStillHeld(_))
    ));
    assert_eq!(store.events_with_hashes().unwrap().len(), 4);
}

/// A key dispute through the real store (schema 12): an observer merged from a file, claimed by
/// another key, is set aside from the fold and the circonscription's events until the claim is
/// settled for the key held; the target's own observer is never in dispute; a file that claims
/// the held key raises none.
#[test]
fn a_rival_claim_sets_the_held_observer_aside_until_settled_for_their_key() {
    use crate::domain::fingerprint::Fingerprint;
    use crate::domain::key_dispute::Standing;
    let dir = tempfile::tempdir().unwrap();
    let options = MergeOptions {
        now: t(1_000_000),
        strict: false,
        accept_unsigned: false,
    };
    let (mut a, a_path) = store_of(dir.path(), "a.db", 1);
    for n in 1..=3u128 {
        a.append(EventId(Uuid::from_u128(1 << 64 | n)), t(n as i64), tick(3))
            .unwrap();
    }
    let a_id = ObserverId(Uuid::from_u128(1));
    let held = a.identity().unwrap().fingerprint.unwrap();
    drop(a);
    let (mut target, _) = store_of(dir.path(), "target.db", 3);
    target
        .append(EventId(Uuid::from_u128(3 << 64 | 1)), t(5), tick(4))
        .unwrap();
    target
        .merge_database(&a_path, options, &mut |_| {})
        .unwrap();
    let circ = CirconscriptionCode::parse("7501").unwrap();
    let observers_in = |s: &Store| -> Vec<u128> {
        let mut v: Vec<u128> = s
            .fold()
            .unwrap()
            .cells_of(&circ)
            .map(|(_, o)| o.observer.0.as_u128())
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    assert_eq!(observers_in(&target), [1, 3]);
    let forged = Fingerprint::of(&[7; 32]);
    let claim = |observer, claimed| RivalClaim {
        observer,
        name: "Observateur 1",
        claimed,
        path: "inbox/a.db",
    };
    // The held key claimed again, or the target's own observer: no dispute.
    assert_eq!(
        target.note_rival_claim(claim(a_id, &held), t(10)).unwrap(),
        None
    );
    let own = ObserverId(Uuid::from_u128(3));
    assert_eq!(
        target.note_rival_claim(claim(own, &forged), t(10)).unwrap(),
        None
    );
    assert!(target.set_aside_observers().unwrap().is_empty());
    // Another key: an open dispute; a's events leave the fold and the grid's events.
    let d = target
        .note_rival_claim(claim(a_id, &forged), t(10))
        .unwrap()
        .unwrap();
    assert_eq!(
        (d.standing(), d.held.as_ref()),
        (Standing::Open, Some(&held))
    );
    assert_eq!(observers_in(&target), [3]);
    assert!(
        target
            .events_of(&circ)
            .unwrap()
            .iter()
            .all(|e| e.observer != a_id)
    );
    // Claimed again: the same dispute, not a second one.
    target
        .note_rival_claim(claim(a_id, &forged), t(20))
        .unwrap();
    assert_eq!(target.key_disputes().unwrap().len(), 1);
    // An unrelated key settles nothing; the held key settles it for a.
    assert!(
        target
            .settle_key_disputes(&[Fingerprint::of(&[9; 32])], t(30))
            .unwrap()
            .is_empty()
    );
    let settled = target
        .settle_key_disputes(std::slice::from_ref(&held), t(30))
        .unwrap();
    assert_eq!(settled.len(), 1);
    assert_eq!(observers_in(&target), [1, 3]);
    // A file of the other key, refused since: the dispute keeps its settlement.
    let d = target
        .note_rival_claim(claim(a_id, &forged), t(40))
        .unwrap()
        .unwrap();
    assert_eq!(d.standing(), Standing::HeldKept);
    assert_eq!(observers_in(&target), [1, 3]);
}

/// A file without the `key_dispute` table (a schema before 12 that could not be migrated: a
/// read-only medium) folds all its events: no dispute is held there.
#[test]
fn a_file_without_the_dispute_table_folds_every_event() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, _) = store_of(dir.path(), "a.db", 1);
    a.append(EventId(Uuid::from_u128(1 << 64 | 1)), t(1), tick(3))
        .unwrap();
    a.conn.execute_batch("DROP TABLE key_dispute").unwrap();
    assert!(a.key_disputes().unwrap().is_empty());
    assert_eq!(
        a.fold()
            .unwrap()
            .cells_of(&CirconscriptionCode::parse("7501").unwrap())
            .count(),
        1
    );
}
