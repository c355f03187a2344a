//! `constat coordination --once` (issue 18 point 3): the national view printed by the real binary
//! over a database that observers' files were merged into, then again after one more merge.

use std::path::Path;

use crate::util::{constat, run, stdout};

fn observer(dir: &Path, name: &str) -> std::path::PathBuf {
    let db = dir.join(format!("{name}.db"));
    run(
        constat(&db).args(["init", "--sample", "paris-1-2017", "--observer", name]),
        0,
    );
    db
}

fn absent_at(db: &Path, panel: &str, bureau: &str, seen: &str) {
    run(
        constat(db).args([
            "tick",
            "--circonscription",
            "7501",
            "--candidate",
            panel,
            "--item",
            "bureau",
            "--value",
            "absent",
            "--bureau",
            bureau,
            "--seen-at",
            seen,
        ]),
        0,
    );
}

fn once(db: &Path) -> String {
    stdout(&run(
        constat(db).args(["--lang", "en", "coordination", "--once"]),
        0,
    ))
}

#[test]
fn once_prints_coverage_and_the_newest_absence_first_and_follows_new_merges() {
    let dir = tempfile::tempdir().unwrap();
    let national = observer(dir.path(), "national");
    let a = observer(dir.path(), "alice");
    let b = observer(dir.path(), "bruno");
    absent_at(&a, "3", "75056_0911", "2017-06-11 10:00");
    absent_at(&b, "5", "75056_0912", "2017-06-11 11:30");
    run(
        constat(&national)
            .arg("merge")
            .arg("--into")
            .arg(&national)
            .arg(&a),
        0,
    );
    let before = once(&national);
    assert!(before.contains("75056_0911"), "{before}");
    assert!(!before.contains("75056_0912"), "{before}");
    run(
        constat(&national)
            .arg("merge")
            .arg("--into")
            .arg(&national)
            .arg(&b),
        0,
    );
    let after = once(&national);
    // The newer absence (11 h 30 at 0912) comes before the older one.
    let (newer, older) = (after.find("75056_0912"), after.find("75056_0911"));
    assert!(
        newer.is_some() && older.is_some() && newer < older,
        "{after}"
    );
    // Coverage: one circonscription, two bureaux observed; two absences from the table.
    let dep = after
        .lines()
        .find(|l| l.trim_start().starts_with("75 "))
        .unwrap();
    assert!(dep.contains("1/1") && dep.contains(" 2/"), "{dep}");
    assert!(dep.trim_end().ends_with('2'), "{dep}");
    // The alias, in French.
    let fr = stdout(&run(constat(&national).args(["coord", "--once"]), 0));
    assert!(fr.contains("75056_0912"), "{fr}");
}

#[test]
fn a_missing_database_is_an_error_and_is_not_created() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("none.db");
    let out = constat(&db)
        .args(["coordination", "--once"])
        .output()
        .unwrap();
    assert_ne!(out.status.code(), Some(0));
    assert!(!db.exists());
}

/// Issue 18: the live view's refresh folds only the events stored since the last one
/// (`app::coordination::Live`); here, through the real `Store` on real files, random events of a
/// few observers arrive in random chunks — exported files merged as `merge --watch` merges them
/// (and remembers them), files sent again, the coordinator's own appends, a bureau marked as
/// voting on machines — and after each chunk the incremental picture must equal the picture built
/// from scratch (a new `Live`, whose first refresh folds every event) on the same database.
mod incremental {
    use std::path::{Path, PathBuf};

    use chrono::{DateTime, Utc};
    use proptest::prelude::*;
    use proptest::test_runner::{Config, RngSeed};
    use sha2::{Digest, Sha256};

    use constat::app::coordination::Live;
    use constat::app::database::{create_database, create_from_sample};
    use constat::app::new_event_id;
    use constat::domain::{BureauCode, CirconscriptionCode, EventBody, EventId, Item, Mark, Panel};
    use constat::storage::{MergeOptions, Store};

    const SAMPLE: &str = "paris-1-2017";
    const BUREAUX: [&str; 2] = ["75056_0911", "75056_0901"];
    const OBSERVERS: usize = 3;

    /// One event an observer (or the coordinator) records.
    #[derive(Debug, Clone)]
    enum Op {
        Tick {
            panel: u16,
            item: usize,
            mark: usize,
            bureau: usize,
        },
        Envelope {
            voters: u32,
            received: u32,
        },
        NonReceipt {
            bureau: usize,
            voter: bool,
        },
        Machines {
            bureau: usize,
            on: bool,
        },
        /// Withdraws one of the recorder's own live events, `back` from the latest.
        Undo {
            back: usize,
        },
    }

    /// What arrives at the coordinator between two refreshes (or not: `refresh` false lets
    /// several steps make one chunk).
    #[derive(Debug, Clone)]
    enum Step {
        /// Observer `who` records `ops`, exports a file, and the file is merged.
        Send { who: usize, ops: Vec<Op> },
        /// Observer `who`'s latest file merged again (nothing new).
        Resend { who: usize },
        /// The coordinator's own events, appended to the national database.
        Own { ops: Vec<Op> },
        /// The coordinator marks a bureau as voting on machines (the reference data change).
        Mark { bureau: usize, on: bool },
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            // Half the ticks on the bureau's table: the findings a machines flag turns off.
            6 => (1u16..=3, prop_oneof![0..3usize, Just(2)], 0..3usize, 0..BUREAUX.len()).prop_map(
                |(panel, item, mark, bureau)| Op::Tick { panel, item, mark, bureau }
            ),
            1 => (1u32..=4, 0u32..=4).prop_map(|(voters, received)| Op::Envelope {
                voters,
                received: received.min(voters),
            }),
            1 => (0..BUREAUX.len(), any::<bool>())
                .prop_map(|(bureau, voter)| Op::NonReceipt { bureau, voter }),
            1 => (0..BUREAUX.len(), any::<bool>()).prop_map(|(bureau, on)| Op::Machines { bureau, on }),
            2 => (0usize..3).prop_map(|back| Op::Undo { back }),
        ]
    }

    fn step() -> impl Strategy<Value = (Step, bool)> {
        let ops = || proptest::collection::vec(op(), 0..6);
        (
            prop_oneof![
                6 => (0..OBSERVERS, ops()).prop_map(|(who, ops)| Step::Send { who, ops }),
                1 => (0..OBSERVERS).prop_map(|who| Step::Resend { who }),
                2 => ops().prop_map(|ops| Step::Own { ops }),
                3 => (0..BUREAUX.len(), any::<bool>())
                    .prop_map(|(bureau, on)| Step::Mark { bureau, on }),
            ],
            proptest::bool::weighted(0.7),
        )
    }

    #[allow(clippy::disallowed_methods)] // like the commands, this test is an edge where time enters
    fn now() -> DateTime<Utc> {
        Utc::now()
    }

    fn circ() -> CirconscriptionCode {
        CirconscriptionCode::parse("7501").unwrap()
    }

    fn bureau(i: usize) -> BureauCode {
        BureauCode::parse(BUREAUX[i]).unwrap()
    }

    /// The body `op` records; `None` for an undo with nothing left. `live`: the recorder's
    /// events not withdrawn, oldest first.
    fn body(op: &Op, live: &mut Vec<EventId>) -> Option<EventBody> {
        Some(match *op {
            Op::Tick {
                panel,
                item,
                mark,
                bureau: b,
            } => {
                let item = Item::ALL[item];
                EventBody::Tick {
                    circonscription: circ(),
                    bureau: Some(bureau(if item == Item::Bureau { b } else { 0 })),
                    panel: Panel::new(panel).unwrap(),
                    item,
                    mark: Mark::ALL[mark],
                    note: None,
                    envelope: None,
                }
            }
            Op::Envelope { voters, received } => EventBody::Envelope {
                circonscription: circ(),
                bureau: Some(bureau(0)),
                voters,
                received,
                note: None,
                received_on: None,
            },
            Op::NonReceipt { bureau: b, voter } => EventBody::NonReceipt {
                circonscription: circ(),
                bureau: bureau(b),
                voter: voter.then(|| "Jean Dupont".to_owned()),
                note: None,
                household: Some(!voter),
            },
            Op::Machines { bureau: b, on } => EventBody::Machines {
                circonscription: circ(),
                bureau: bureau(b),
                machines: on,
                note: None,
            },
            Op::Undo { back } => {
                let i = live.len().checked_sub(1 + back)?;
                EventBody::Retract {
                    target: live.remove(i),
                }
            }
        })
    }

    fn record(store: &mut Store, ops: &[Op], live: &mut Vec<EventId>) {
        for op in ops {
            if let Some(body) = body(op, live) {
                let retract = matches!(body, EventBody::Retract { .. });
                let event = store.append(new_event_id(), now(), body).unwrap();
                if !retract {
                    live.push(event.id);
                }
            }
        }
    }

    /// Merges `file` as `merge --watch` takes a file: skipped when its content was merged
    /// before, else merged in its own transaction and remembered (the view counts the files).
    fn take(national: &mut Store, file: &Path) {
        let bytes = std::fs::read(file).unwrap();
        let (hash, size) = (hex::encode(Sha256::digest(&bytes)), bytes.len() as u64);
        if national.merged_before(&hash, size).unwrap() {
            return;
        }
        let options = MergeOptions {
            now: now(),
            strict: false,
            accept_unsigned: false,
        };
        national.begin_merge(options).unwrap();
        let outcome = national
            .merge_database(file, options, &mut |_| {})
            .unwrap_or_else(|e| panic!("{} refused: {e}", file.display()));
        national.finish_merge(options, false).unwrap();
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        national
            .remember_merged(&hash, size, &name, &outcome.observers, now())
            .unwrap();
    }

    /// Runs `steps` as the property does and checks the pictures after each refresh.
    fn check(steps: &[(Step, bool)]) -> Result<(), TestCaseError> {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let data = constat::sample::find(SAMPLE)
            .unwrap()
            .election_data()
            .unwrap();
        let mut national = create_database(&d.join("national.db"), &data, "Coordination").unwrap();
        let mut observers: Vec<Store> = (0..OBSERVERS)
            .map(|i| {
                create_from_sample(
                    &d.join(format!("obs-{i}.db")),
                    SAMPLE,
                    &format!("Observateur {i}"),
                    None,
                )
                .unwrap()
            })
            .collect();
        let mut live_ids: Vec<Vec<EventId>> = vec![Vec::new(); OBSERVERS + 1];
        let mut sent: Vec<Option<PathBuf>> = vec![None; OBSERVERS];
        let mut live = Live::new();
        let mut refreshes = 0;
        for (i, (step, refresh)) in steps.iter().enumerate() {
            let last = i + 1 == steps.len();
            match step {
                Step::Send { who, ops } => {
                    record(&mut observers[*who], ops, &mut live_ids[*who]);
                    let file = d.join(format!("sent-{who}-{i}.db"));
                    observers[*who].export_db(&file).unwrap();
                    take(&mut national, &file);
                    sent[*who] = Some(file);
                }
                Step::Resend { who } => {
                    if let Some(file) = &sent[*who] {
                        take(&mut national, file);
                    }
                }
                Step::Own { ops } => record(&mut national, ops, &mut live_ids[OBSERVERS]),
                Step::Mark { bureau: b, on } => {
                    national.set_voting_machines(&bureau(*b), *on).unwrap();
                }
            }
            if *refresh || last {
                refreshes += 1;
                let incremental = live.refresh(&national).unwrap();
                let fresh = Live::new().refresh(&national).unwrap();
                prop_assert_eq!(
                    &incremental,
                    &fresh,
                    "after step {} ({:?}), refresh {}",
                    i,
                    step,
                    refreshes
                );
                // The same database read by another connection (the view runs beside the
                // watch): the same picture.
                let other = Store::open(national.path()).unwrap();
                prop_assert_eq!(&Live::new().refresh(&other).unwrap(), &fresh);
            }
        }
        Ok(())
    }

    /// A fixed case: an absence at a bureau's table, then the bureau marked as voting on
    /// machines alone in its chunk (nothing else makes its circonscription be rebuilt).
    #[test]
    fn a_machines_flag_alone_in_a_chunk_changes_the_incremental_picture_too() {
        let absent = Op::Tick {
            panel: 1,
            item: 2,
            mark: 2,
            bureau: 0,
        };
        check(&[
            (
                Step::Send {
                    who: 0,
                    ops: vec![absent],
                },
                true,
            ),
            (
                Step::Mark {
                    bureau: 0,
                    on: true,
                },
                true,
            ),
            (
                Step::Mark {
                    bureau: 0,
                    on: false,
                },
                true,
            ),
        ])
        .unwrap();
    }

    proptest! {
        // Each case writes a few databases, every event with an fsync: few cases, always the same.
        #![proptest_config(Config {
            cases: 16,
            rng_seed: RngSeed::Fixed(18),
            failure_persistence: None,
            max_shrink_iters: 100,
            ..Config::default()
        })]

        #[test]
        fn the_incremental_picture_equals_a_full_fold_after_every_chunk(
            steps in proptest::collection::vec(step(), 1..10)
        ) {
            check(&steps)?;
        }
    }
}
