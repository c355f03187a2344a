//! The fold of every event, on two threads: this thread steps through the rows and decodes them
//! (with [`events::decode_event`], as [`events::for_each`] does), another applies them to the
//! [`RecordState`], batch by batch and in the same order. A national report folds millions of
//! events; reading and applying them one after the other left a core idle.
//!
//! Failures are those of the sequential fold: the first row that cannot be read or decoded ends
//! the fold with the same [`StorageError`]. When reading fails, the channel closes and the applier
//! stops; should the applier stop (it only can by panicking), sending fails, reading stops and
//! the panic is resumed here. Nothing waits on a thread that is gone.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::mpsc;

use rusqlite::Connection;

use super::events::{self, EVENT_COLUMNS};
use super::{Doing, StorageError};
use crate::domain::{Event, ObserverId, RecordState};

/// Events per batch sent to the applier: large enough that the channel costs nothing per event,
/// small enough to stay in the cache (an `Event` is about 150 bytes).
const BATCH: usize = 1024;

/// Batches read ahead of the applier at most (the reader waits when the applier is behind).
const AHEAD: usize = 4;

/// Folds every event in storage order (each observer's events in `seq` order) but those of the
/// observers in `aside` (set aside by a key dispute), reading on this thread and applying on
/// another.
pub(super) fn fold(
    conn: &Connection,
    path: &Path,
    aside: &BTreeSet<ObserverId>,
) -> Result<RecordState, StorageError> {
    let sql = |e| StorageError::sqlite(path, Doing::ReadingEvents, e);
    let mut stmt = conn
        .prepare(&format!("SELECT {EVENT_COLUMNS} FROM event ORDER BY rowid"))
        .map_err(sql)?;
    std::thread::scope(|scope| {
        let (full_tx, full_rx) = mpsc::sync_channel::<Vec<Event>>(AHEAD);
        // Emptied batches come back, so that their memory is reused.
        let (empty_tx, empty_rx) = mpsc::channel::<Vec<Event>>();
        let applier = std::thread::Builder::new().spawn_scoped(scope, move || {
            let mut state = RecordState::default();
            for batch in full_rx {
                for e in &batch {
                    state.apply(e);
                }
                // Back to the reader, which frees the events it allocated (freeing memory
                // another thread allocated is slower); it may have finished: then it is dropped
                // here.
                let _ = empty_tx.send(batch);
            }
            state
        });
        let Ok(applier) = applier else {
            // No thread to be had: the fold on this one.
            let mut state = RecordState::default();
            return events::for_each(conn, path, &mut |e| {
                if !aside.contains(&e.observer) {
                    state.apply(&e);
                }
            })
            .map(|()| state);
        };
        let read = (|| -> Result<(), StorageError> {
            let mut rows = stmt.query([]).map_err(sql)?;
            let mut batch = Vec::with_capacity(BATCH);
            let mut recent = events::Recent::default();
            while let Some(row) = rows.next().map_err(sql)? {
                let event = events::decode_event_after(row, path, &mut recent)?;
                if !aside.is_empty() && aside.contains(&event.observer) {
                    continue;
                }
                batch.push(event);
                if batch.len() == BATCH {
                    let next = match empty_rx.try_recv() {
                        Ok(mut done) => {
                            done.clear();
                            done
                        }
                        Err(_) => Vec::with_capacity(BATCH),
                    };
                    if full_tx.send(std::mem::replace(&mut batch, next)).is_err() {
                        // The applier is gone (it panicked): its join below says why.
                        return Ok(());
                    }
                }
            }
            if !batch.is_empty() {
                let _ = full_tx.send(batch);
            }
            Ok(())
        })();
        // Closing the channel ends the applier's loop, whether reading succeeded or not.
        drop(full_tx);
        let state = applier
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        read.map(|()| state)
    })
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use rusqlite::params;
    use uuid::Uuid;

    use crate::domain::{ObserverId, RecordState};
    use crate::sample;
    use crate::storage::{LocalObserver, StorageError, Store};

    fn raw(path: &Path) -> rusqlite::Connection {
        let flags = rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE;
        rusqlite::Connection::open_with_flags(path, flags).unwrap()
    }

    /// A store of the Paris sample with `observers` observers of 40 events each, inserted as rows:
    /// ticks of every item (some absent, some noted), an envelope, a non-receipt, then retractions
    /// of a tick, of the envelope and of the non-receipt. Several batches' worth of events, with
    /// observers interleaved row by row (as merged files hold them).
    fn store_with_log(dir: &Path, observers: u64) -> (Store, PathBuf) {
        let path = dir.join("log.db");
        let data = sample::find("paris-1-2017")
            .unwrap()
            .election_data()
            .unwrap();
        let me = LocalObserver {
            id: ObserverId(Uuid::from_u128(1)),
            name: "Coordination".into(),
        };
        let store = Store::create(&path, &data, &me, chrono::DateTime::UNIX_EPOCH).unwrap();
        let mut conn = raw(&path);
        let tx = conn.transaction().unwrap();
        let id =
            |o: u64, seq: u64| Uuid::from_u128(u128::from(o) << 64 | u128::from(seq)).to_string();
        let observer = |o: u64| Uuid::from_u128(1_000 + u128::from(o)).to_string();
        for o in 0..observers {
            tx.execute(
                "INSERT INTO observer (id, name, created_at) VALUES (?1, ?2, '2017-06-01')",
                params![observer(o), format!("Observateur {o}")],
            )
            .unwrap();
        }
        let sql = "INSERT INTO event (id, observer, seq, recorded_at, kind, circonscription,
                   bureau, panel, item, value, voters, received, voter, target, note, hash)
                   VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,
                   printf('%064d', 0))";
        for seq in 1..=40u64 {
            for o in 0..observers {
                let n = |x: u64| i64::try_from(x).unwrap();
                let bureau = Some(format!("75056_09{:02}", 11 + o % 3));
                let note = (seq % 11 == 0).then(|| format!("note {o}"));
                let (mut circ, mut panel, mut item, mut value) = (Some("7501"), None, None, None);
                let (mut voters, mut received, mut voter, mut target) = (None, None, None, None);
                let kind = match seq {
                    1..=33 => {
                        panel = Some(n(1 + seq % 11));
                        item = Some(["foi", "courrier", "bureau"][(seq % 3) as usize]);
                        value = Some(if (o + seq) % 7 == 0 {
                            "absent"
                        } else {
                            "present"
                        });
                        "tick"
                    }
                    34 => {
                        (voters, received) = (Some(n(1 + o % 4)), Some(n(o % 3)));
                        "envelope"
                    }
                    35 => {
                        voter = Some("Jean Dupont");
                        "non_receipt"
                    }
                    36..=38 => {
                        circ = None;
                        target = Some(id(o, [5, 34, 35][(seq - 36) as usize]));
                        "retract"
                    }
                    _ => {
                        (panel, item, value) = (Some(2), Some("bureau"), Some("absent"));
                        "tick"
                    }
                };
                let at = format!("2017-06-11T08:00:{seq:02}.000000Z");
                let bureau = bureau.filter(|_| kind != "envelope" && kind != "retract");
                let values = params![
                    id(o, seq),
                    observer(o),
                    n(seq),
                    at,
                    kind,
                    circ,
                    bureau,
                    panel,
                    item,
                    value,
                    voters,
                    received,
                    voter,
                    target,
                    note.filter(|_| kind == "tick")
                ];
                tx.execute(sql, values).unwrap();
            }
        }
        tx.commit().unwrap();
        (store, path)
    }

    /// The fold one event after the other, as before `fold.rs`.
    fn sequential(store: &Store) -> Result<RecordState, StorageError> {
        let mut state = RecordState::default();
        store.for_each_event(&mut |e| state.apply(&e))?;
        Ok(state)
    }

    #[test]
    fn the_fold_on_two_threads_is_the_fold_one_event_after_the_other() {
        let dir = tempfile::tempdir().unwrap();
        // 4,000 events: several batches and a last, partial one.
        let (store, _) = store_with_log(dir.path(), 100);
        let folded = store.fold().unwrap();
        assert_eq!(folded, sequential(&store).unwrap());
        assert_eq!(folded.observed_circonscriptions().len(), 1);
        assert!(!folded.disagreements().is_empty());
    }

    #[test]
    fn an_empty_log_folds_to_the_empty_state() {
        let dir = tempfile::tempdir().unwrap();
        let (store, _) = store_with_log(dir.path(), 0);
        assert_eq!(store.fold().unwrap(), RecordState::default());
    }

    #[test]
    fn a_bad_row_ends_the_fold_with_the_error_of_the_sequential_fold() {
        // The bad row first, in the middle of a batch, and after several batches.
        for after in [0u64, 500, 3_000] {
            let dir = tempfile::tempdir().unwrap();
            let (store, path) = store_with_log(dir.path(), 0);
            let conn = raw(&path);
            conn.execute(
                "INSERT INTO observer (id, name, created_at) VALUES (?1, 'O', '2017-06-01')",
                [Uuid::from_u128(7).to_string()],
            )
            .unwrap();
            for seq in 1..=after + 2 {
                let id = if seq == after + 1 {
                    "bad-id".to_owned()
                } else {
                    Uuid::from_u128(u128::from(seq)).to_string()
                };
                conn.execute(
                    "INSERT INTO event (id, observer, seq, recorded_at, kind, circonscription, panel, item, value, hash)
                     VALUES (?1, ?2, ?3, '2017-06-11T08:00:00.000000Z', 'tick', '7501', 3, 'foi', 'present', printf('%064d', 0))",
                    params![id, Uuid::from_u128(7).to_string(), i64::try_from(seq).unwrap()],
                )
                .unwrap();
            }
            let err = store.fold().unwrap_err().to_string();
            assert!(
                err.contains("event bad-id") && err.contains("not a UUID"),
                "{err}"
            );
            assert_eq!(err, sequential(&store).unwrap_err().to_string());
        }
    }

    #[test]
    fn a_failing_read_ends_the_fold_with_sqlite_s_error() {
        let dir = tempfile::tempdir().unwrap();
        let (store, _) = store_with_log(dir.path(), 10);
        // A column of the wrong type for the decoder: the same error either way.
        let conn = raw(&dir.path().join("log.db"));
        conn.execute(
            "INSERT INTO event (id, observer, seq, recorded_at, kind, circonscription, panel, item, value, hash)
             VALUES (?1, ?2, 99, '2017-06-11T08:00:00.000000Z', 'tick', '7501', 'three', 'foi', 'present', printf('%064d', 0))",
            params![Uuid::from_u128(99).to_string(), Uuid::from_u128(1_000).to_string()],
        )
        .unwrap();
        let err = store.fold().unwrap_err().to_string();
        assert_eq!(err, sequential(&store).unwrap_err().to_string());
    }
}
