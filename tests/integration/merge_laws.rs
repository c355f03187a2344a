//! The merge laws, held through the real [`Store`] on real files: generated observers' databases,
//! created and filled through the library exactly as `constat init`, `tick`, `envelope`,
//! `non-receipt` and the interface's undo do, are merged as `constat merge` merges them, in
//! different orders and groupings. The folded state, every event, and the reports (text, JSON and
//! the conflicts, rendered by the code of `constat report`) must not depend on the order, on the
//! grouping, nor on a file being merged twice.
//!
//! (`src/domain/merge/tests.rs` holds the same laws for the pure `domain::merge::union`; this is
//! the merge production runs: SQL, savepoints, hash chains, adopted observers and reference data.)
//!
//! Generated too: observers' statements that a bureau votes on machines (`constat machines`, `m`
//! in the interface), which disagree across observers, and observations given a "seen at" time.

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, Utc};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};

use constat::app::database::{create_database, create_from_sample};
use constat::app::new_event_id;
use constat::app::report::{read_inputs, write_report};
use constat::domain::referential::ElectionData;
use constat::domain::{
    BureauCode, CirconscriptionCode, Event, EventBody, EventId, Item, Mark, Panel, RecordState,
    Referential,
};
use constat::i18n::Lang;
use constat::report::Format;
use constat::storage::{MergeOptions, MergeOutcome, Store};

const SAMPLE: &str = "paris-1-2017";
/// Two bureaux of circonscription 7501; the first is the sample's default (the observer's own).
const BUREAUX: [&str; 2] = ["75056_0911", "75056_0901"];
const NOTES: [&str; 2] = ["bulletins épuisés à 15h", "enveloppe déchirée"];

/// What an observer does, one event each.
#[derive(Debug, Clone)]
enum Op {
    /// `constat tick` / a key in the grid: candidate `panel`, column `Item::ALL[item]`, mark
    /// `Mark::ALL[mark]` (unchecked is a cleared cell); `envelope` is the household envelope of
    /// an envelope column, `bureau` the bureau of a bureau column.
    Tick {
        panel: u16,
        item: usize,
        mark: usize,
        note: Option<usize>,
        envelope: u16,
        bureau: usize,
    },
    /// `constat envelope`: the household's envelopes.
    Envelope {
        voters: u32,
        received: u32,
        note: Option<usize>,
        day: Option<u32>,
    },
    /// `constat non-receipt`.
    NonReceipt {
        bureau: usize,
        voter: bool,
        note: Option<usize>,
    },
    /// `constat machines`: bureau `BUREAUX[bureau]` votes on machines, or not.
    Machines { bureau: usize, on: bool },
    /// `u`: withdraws one of the observer's own live events, `back` from the latest.
    Undo { back: usize },
}

fn op() -> impl Strategy<Value = Op> {
    let note = proptest::option::of(0..NOTES.len());
    prop_oneof![
        6 => (1u16..=3, 0..3usize, 0..3usize, note.clone(), 1u16..=2, 0..2usize).prop_map(
            |(panel, item, mark, note, envelope, bureau)| Op::Tick {
                panel,
                item,
                mark,
                note,
                envelope,
                bureau,
            }
        ),
        1 => (1u32..=4, 0u32..=4, note.clone(), proptest::option::of(1u32..=10)).prop_map(
            |(voters, received, note, day)| Op::Envelope {
                voters,
                received: received.min(voters),
                note,
                day,
            }
        ),
        1 => (0..2usize, any::<bool>(), note).prop_map(|(bureau, voter, note)| Op::NonReceipt {
            bureau,
            voter,
            note,
        }),
        1 => (0..2usize, any::<bool>()).prop_map(|(bureau, on)| Op::Machines { bureau, on }),
        2 => (0usize..4).prop_map(|back| Op::Undo { back }),
    ]
}

/// Three observers' days, and where in the first one's day a copy of their file was sent early.
fn days() -> impl Strategy<Value = ([Vec<Op>; 3], usize)> {
    let day = || proptest::collection::vec(op(), 0..10);
    (day(), day(), day(), 0usize..10).prop_map(|(a, b, c, cut)| ([a, b, c], cut))
}

/// The clock, as the commands read it when they record or merge.
#[allow(clippy::disallowed_methods)] // like the commands, this test is an edge where time enters
fn now() -> chrono::DateTime<Utc> {
    Utc::now()
}

fn circ() -> CirconscriptionCode {
    CirconscriptionCode::parse("7501").unwrap()
}

fn bureau(i: usize) -> BureauCode {
    BureauCode::parse(BUREAUX[i]).unwrap()
}

fn note(n: Option<usize>) -> Option<String> {
    n.map(|i| NOTES[i].to_owned())
}

/// The event body `op` records, built as the commands build it; `None` for an undo with nothing
/// left to withdraw. `live` is the observer's events not withdrawn yet, oldest first.
fn body(op: &Op, live: &mut Vec<EventId>) -> Option<EventBody> {
    Some(match *op {
        Op::Tick {
            panel,
            item,
            mark,
            note: n,
            envelope,
            bureau: b,
        } => {
            let item = Item::ALL[item];
            let on_bureau = item == Item::Bureau;
            EventBody::Tick {
                circonscription: circ(),
                // The observer's own bureau is kept with envelope ticks, for context.
                bureau: Some(bureau(if on_bureau { b } else { 0 })),
                panel: Panel::new(panel).unwrap(),
                item,
                mark: Mark::ALL[mark],
                note: note(n),
                // The first envelope is recorded without a number, as the interface does.
                envelope: Some(envelope).filter(|n| *n > 1 && !on_bureau),
            }
        }
        Op::Envelope {
            voters,
            received,
            note: n,
            day,
        } => EventBody::Envelope {
            circonscription: circ(),
            bureau: Some(bureau(0)),
            voters,
            received,
            note: note(n),
            received_on: day.map(|d| NaiveDate::from_ymd_opt(2017, 6, d).unwrap()),
        },
        Op::NonReceipt {
            bureau: b,
            voter,
            note: n,
        } => EventBody::NonReceipt {
            circonscription: circ(),
            bureau: bureau(b),
            voter: voter.then(|| "Jean Dupont".to_owned()),
            note: note(n),
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

/// An observer's database, made as `constat init --sample` makes it and filled through
/// `Store::append` as the commands and the interface fill it; closed when returned. With
/// `early`, a copy of the file is also exported (`constat export db`) after `early` events, as
/// a file sent in the middle of the day would be.
fn observer(
    dir: &Path,
    name: &str,
    ops: &[Op],
    early: Option<usize>,
) -> (PathBuf, Option<PathBuf>) {
    let path = dir.join(format!("{name}.db"));
    let store = create_from_sample(&path, SAMPLE, name, None).unwrap();
    record(store, dir, name, ops, early)
}

/// Records `ops` in `store` (see [`observer`]).
fn record(
    mut store: Store,
    dir: &Path,
    name: &str,
    ops: &[Op],
    early: Option<usize>,
) -> (PathBuf, Option<PathBuf>) {
    let path = store.path().to_owned();
    let mut live = Vec::new();
    let mut early_copy = None;
    for (i, op) in ops.iter().enumerate() {
        if early == Some(i) {
            let copy = dir.join(format!("{name}-early.db"));
            store.export_db(&copy).unwrap();
            early_copy = Some(copy);
        }
        if let Some(body) = body(op, &mut live) {
            let retract = matches!(body, EventBody::Retract { .. });
            // Every third observation is typed in later and says when it was seen.
            let seen = (i % 3 == 2).then(|| now() - chrono::Duration::minutes(90 - i as i64));
            let event = store
                .append_seen(new_event_id(), now(), seen, body)
                .unwrap();
            if !retract {
                live.push(event.id);
            }
        }
    }
    (path, early_copy)
}

/// A coordinator's empty database, as `constat init --election legislatives-2017` makes it: the
/// election without reference data (merged files bring it).
fn coordinator(dir: &Path, name: &str) -> Store {
    let election = constat::sample::find(SAMPLE)
        .unwrap()
        .election_data()
        .unwrap()
        .election;
    let data = ElectionData {
        election,
        referential: Referential::default(),
    };
    create_database(&dir.join(name), &data, "Coord").unwrap()
}

/// Merges `files` into `target` as `constat merge --into TARGET FILES…` does (not strict); no
/// file may be refused.
fn merge(target: &mut Store, files: &[&Path]) -> Vec<MergeOutcome> {
    let options = MergeOptions {
        now: now(),
        strict: false,
        accept_unsigned: false,
    };
    target.begin_merge(options).unwrap();
    let outcomes = files
        .iter()
        .map(|f| {
            target
                .merge_database(f, options, &mut |_| {})
                .unwrap_or_else(|e| panic!("{} refused: {e}", f.display()))
        })
        .collect();
    target.finish_merge(options, false).unwrap();
    outcomes
}

/// A fresh coordinator's database with `files` merged, closed; its path.
fn merged(dir: &Path, name: &str, files: &[&Path]) -> PathBuf {
    let mut target = coordinator(dir, name);
    merge(&mut target, files);
    target.path().to_owned()
}

/// The folded state as its readers see it: each cell's current observation by each observer, each
/// observer's live ticks and check time, the envelopes, the non-receipts and the disagreements.
/// (`RecordState` itself is not compared with `==`: each cell keeps its ticks in the order they
/// were applied, observers interleaved in storage order, which is the order of merging; every
/// reader takes them observer by observer.)
fn folded(state: &RecordState) -> String {
    let mut circs = state.observed_circonscriptions();
    if !circs.contains(&circ()) {
        circs.push(circ());
    }
    let mut out = String::new();
    for circ in &circs {
        for (cell, top) in state.cells_of(circ) {
            let key = cell.to_key();
            let live: Vec<_> = state.live_ticks_by(top.observer, &key).collect();
            let checked = state.checked_at_by(top.observer, &key);
            out += &format!("{key:?}\n  now {top:?}\n  live {live:?}\n  checked {checked:?}\n");
        }
        let envelopes: Vec<_> = state.envelopes_of(circ).collect();
        let non_receipts: Vec<_> = state.non_receipts_of(circ).collect();
        out += &format!("envelopes {envelopes:?}\nnon-receipts {non_receipts:?}\n");
    }
    out + &format!("disagreements {:?}\n", state.disagreements())
}

/// What a merged database says: its folded state, every event with its hash (in id order), and
/// the reports `constat report` prints as text and JSON, and `constat report --conflicts`.
#[derive(Debug, PartialEq, Eq)]
struct Content {
    state: String,
    events: Vec<(Event, String)>,
    text: String,
    json: String,
    conflicts: String,
}

/// Every event of a database with its chain hash, in id order.
fn events(path: &Path) -> Vec<(Event, String)> {
    let mut events: Vec<(Event, String)> = Store::open(path)
        .unwrap()
        .events_with_hashes()
        .unwrap()
        .into_iter()
        .map(|(e, h)| (e, hex::encode(h)))
        .collect();
    events.sort_by_key(|(e, _)| e.id);
    events
}

fn content(path: &Path) -> Content {
    let events = events(path);
    let store = Store::open(path).unwrap();
    let inputs = read_inputs(&store, true).unwrap();
    let circs = inputs.state.observed_circonscriptions();
    let render = |format| {
        let mut out = Vec::new();
        write_report(&inputs, &circs, format, Lang::Fr, &mut out, &mut || ()).unwrap();
        String::from_utf8(out).unwrap()
    };
    let mut conflicts = Vec::new();
    constat::report::conflicts::render(
        &inputs.state.disagreements(),
        &constat::report::conflicts::machines_conflicts(&inputs.state),
        &inputs.data.referential,
        &inputs.names,
        Format::Text,
        Lang::Fr.catalog(),
        &mut conflicts,
    )
    .unwrap();
    Content {
        state: folded(&store.fold().unwrap()),
        events,
        text: render(Format::Text),
        json: render(Format::Json),
        conflicts: String::from_utf8(conflicts).unwrap(),
    }
}

/// Asserts two contents are equal, showing the first part that differs.
fn same(left: &Content, right: &Content, what: &str) -> Result<(), TestCaseError> {
    prop_assert_eq!(&left.text, &right.text, "text report: {}", what);
    prop_assert_eq!(&left.json, &right.json, "JSON report: {}", what);
    prop_assert_eq!(&left.conflicts, &right.conflicts, "conflicts: {}", what);
    prop_assert_eq!(&left.events, &right.events, "events: {}", what);
    prop_assert_eq!(&left.state, &right.state, "folded state: {}", what);
    Ok(())
}

proptest! {
    // Each case writes ten databases, every event with an fsync: few cases, always the same ones.
    #![proptest_config(Config {
        cases: 16,
        rng_seed: RngSeed::Fixed(12),
        failure_persistence: None,
        max_shrink_iters: 200,
        ..Config::default()
    })]

    #[test]
    fn merging_through_the_store_ignores_order_grouping_and_repetition((days, cut) in days()) {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let [day_a, day_b, day_c] = &days;
        let (a, early) = observer(d, "marie", day_a, Some(cut.min(day_a.len())));
        let early = early.unwrap_or_else(|| a.clone());
        let (b, _) = observer(d, "jean", day_b, None);
        let (c, _) = observer(d, "lea", day_c, None);

        // Nothing lost, nothing invented: the merge holds exactly the files' events.
        let abc = merged(d, "abc.db", &[&a, &b, &c]);
        let abc_content = content(&abc);
        let mut union: Vec<(Event, String)> = [&a, &b, &c].iter().flat_map(|f| events(f)).collect();
        union.sort_by_key(|(e, _)| e.id);
        prop_assert_eq!(&abc_content.events, &union, "A, B, C merged, and their events");

        // Order: A then B is B then A, and with a third file and an early copy of A anywhere.
        let ab = merged(d, "ab.db", &[&a, &b]);
        let ba = merged(d, "ba.db", &[&b, &a]);
        same(&content(&ab), &content(&ba), "A then B, B then A")?;
        let shuffled = content(&merged(d, "shuffled.db", &[&c, &early, &b, &a]));
        same(&abc_content, &shuffled, "A, B, C and C, early A, B, A")?;

        // Grouping: (A + B) + C is A + (B + C), where A + B and B + C are merged databases.
        let bc = merged(d, "bc.db", &[&b, &c]);
        let left = content(&merged(d, "left.db", &[&ab, &c]));
        let right = content(&merged(d, "right.db", &[&a, &bc]));
        same(&left, &right, "(A + B) + C, A + (B + C)")?;
        same(&left, &abc_content, "(A + B) + C, A, B, C")?;

        // Repetition: merging a file already merged, or its early copy, adds nothing.
        let mut target = Store::open(&abc).unwrap();
        let outcomes = merge(&mut target, &[&a, &early, &ab, &c]);
        drop(target);
        for (file, outcome) in ["A", "early A", "A + B", "C"].iter().zip(&outcomes) {
            prop_assert_eq!(outcome.new, 0, "merging {} again added events", file);
        }
        same(&abc_content, &content(&abc), "A, B, C, then A, early A, A + B, C again")?;
    }
}

// Issue 18 (fastmerge): files made from the target's reference data skip its reference rows.

/// The sample's reference data with one more bureau (another reference file).
fn with_extra_bureau(code: &str) -> ElectionData {
    let mut data = constat::sample::find(SAMPLE)
        .unwrap()
        .election_data()
        .unwrap();
    let code = BureauCode::parse(code).unwrap();
    data.referential.bureaux.insert(
        code.clone(),
        constat::domain::Bureau {
            code,
            circonscription: Some(circ()),
            label: "Bureau ajouté".into(),
            address: String::new(),
            commune: "Paris".into(),
            voting_machines: false,
        },
    );
    data
}

/// The sample's reference data with a second circonscription (`7502`, one candidate, one
/// bureau): a reference file of which the sample's circonscription is a slice.
fn with_other_circonscription() -> ElectionData {
    let mut data = constat::sample::find(SAMPLE)
        .unwrap()
        .election_data()
        .unwrap();
    let other = constat::domain::CirconscriptionCode::parse("7502").unwrap();
    let r = &mut data.referential;
    r.circonscriptions.insert(
        other.clone(),
        constat::domain::Circonscription {
            code: other.clone(),
            label: "Paris, 2e circonscription".into(),
        },
    );
    r.candidates.insert(
        other.clone(),
        vec![constat::domain::Candidate {
            circonscription: other.clone(),
            panel: constat::domain::Panel::new(1).unwrap(),
            surname: "AUTRE".into(),
            given_name: "Candidate".into(),
            sex: constat::domain::Sex::F,
            nuance: "DIV".into(),
        }],
    );
    let code = BureauCode::parse("75056_0201").unwrap();
    r.bureaux.insert(
        code.clone(),
        constat::domain::Bureau {
            code,
            circonscription: Some(other),
            label: "Bureau 0201".into(),
            address: String::new(),
            commune: "Paris".into(),
            voting_machines: false,
        },
    );
    data
}

proptest! {
    #![proptest_config(Config {
        cases: 4,
        rng_seed: RngSeed::Fixed(18),
        failure_persistence: None,
        ..Config::default()
    })]

    /// Into a target made from the same reference data (the fast path: the files' signed
    /// digest equals the target's, no reference row read) and into one whose reference data
    /// differs (one more bureau: every file compared in full, as before), the same files give
    /// the same events, the same folded state and the same reports; a file whose own reference
    /// data differs (one more bureau) still brings its bureau, as before.
    #[test]
    fn the_reference_fast_path_merges_what_the_full_comparison_merges(
        (days, _early) in days(),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let files: Vec<PathBuf> = ["a", "b", "c"]
            .iter()
            .zip(&days)
            .map(|(name, ops)| observer(d, name, ops, None).0)
            .collect();
        let refs: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
        let sample = constat::sample::find(SAMPLE).unwrap().election_data().unwrap();
        let fast_path = d.join("fast.db");
        let mut fast = create_database(&fast_path, &sample, "Coord").unwrap();
        merge(&mut fast, &refs);
        drop(fast);
        let slow_path = d.join("slow.db");
        let mut slow =
            create_database(&slow_path, &with_extra_bureau("75056_0999"), "Coord").unwrap();
        merge(&mut slow, &refs);
        drop(slow);
        same(&content(&fast_path), &content(&slow_path), "fast path against full comparison")?;
        // A file of other reference data: compared in full, its bureau adopted.
        let other_path = d.join("other.db");
        drop(create_database(&other_path, &with_extra_bureau("75056_0998"), "Autre").unwrap());
        let mut fast = Store::open(&fast_path).unwrap();
        merge(&mut fast, &[other_path.as_path()]);
        let code = BureauCode::parse("75056_0998").unwrap();
        prop_assert!(fast.bureau(&code).unwrap().is_some());
        // And the next file of the first reference data takes the fast path again.
        merge(&mut fast, &refs);
        drop(fast);
        prop_assert_eq!(events(&fast_path), events(&slow_path));
    }

    /// Issue 18: observer files holding only a slice of the reference file (as `init
    /// --reference --bureau` makes them, the whole file's digest signed) merged into the whole
    /// reference data (the fast path) and into reference data that differ (full comparison:
    /// the slices' rows are compared and taken) give the same events, state and reports.
    #[test]
    fn slices_of_the_reference_file_merge_on_the_fast_path_as_in_full(
        (days, _early) in days(),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let whole = with_other_circonscription();
        let digest = constat::domain::reference_digest::reference_digest(&whole);
        let slice = constat::domain::reference_digest::slice(
            &whole,
            &BureauCode::parse("75056_0911").unwrap(),
        )
        .unwrap();
        prop_assert_eq!(slice.referential.circonscriptions.len(), 1);
        let files: Vec<PathBuf> = ["a", "b", "c"]
            .iter()
            .zip(&days)
            .map(|(name, ops)| {
                let path = d.join(format!("{name}.db"));
                let me = constat::storage::LocalObserver {
                    id: constat::domain::ObserverId(uuid::Uuid::new_v4()),
                    name: (*name).to_owned(),
                };
                let store = Store::create_slice(&path, &slice, &digest, &me, now()).unwrap();
                record(store, d, name, ops, None).0
            })
            .collect();
        let refs: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
        let fast_path = d.join("fast.db");
        let mut fast = create_database(&fast_path, &whole, "Coord").unwrap();
        merge(&mut fast, &refs);
        drop(fast);
        let mut differing = whole.clone();
        let extra = with_extra_bureau("75056_0999");
        differing.referential.bureaux.extend(extra.referential.bureaux);
        let slow_path = d.join("slow.db");
        let mut slow = create_database(&slow_path, &differing, "Coord").unwrap();
        merge(&mut slow, &refs);
        drop(slow);
        same(&content(&fast_path), &content(&slow_path), "slices: fast path against full comparison")?;
    }
}
