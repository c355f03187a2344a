//! `constat report` at national scale, next to the bare SQL aggregate over the same table measured
//! in the same run.
//!
//! Run with `cargo bench --bench report` (release profile; about ten minutes and 2 GB of disk in
//! the temporary folder or `$CONSTAT_BENCH_DIR`). `CONSTAT_BENCH_SMALL=1` for a quick run
//! (300,000 events). `CONSTAT_BENCH_DB=FILE` keeps the generated database in FILE and reuses it.
//!
//! The database is made with `Store::create` from a generated referential (577 circonscriptions,
//! 14 candidates each, one bureau per observer), then 3,000,000 events are inserted with raw SQL in
//! one transaction: about 69,800 observers, each with 42 ticks (profession de foi, ballot in the
//! envelope, ballot at the bureau, for the 14 candidates of their circonscription) and one
//! household envelope. Some marks are absent, so that every kind of finding is built.
//!
//! Timed:
//! (a) what `constat report --format json` does, in process and through the same functions: open
//!     the store, `read_inputs` (every event folded while a second connection reads the reference
//!     data, the observers and the chain digest), `write_report` (the records of every observed
//!     circonscription built, then JSON rendered to a sink);
//! (b) `SELECT circonscription, panel, item, value, count(*) FROM event GROUP BY 1, 2, 3, 4`,
//!     every row read.
//! Each is run three times, alternating; the medians and their ratio are printed, with (a) split
//! into its stages.

use std::error::Error;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use constat::app::report::{read_inputs, write_report};
use constat::domain::referential::ElectionData;
use constat::domain::{
    Bureau, BureauCode, Candidate, Circonscription, CirconscriptionCode, Election, ElectionKind,
    ObserverId, Panel, Referential, Sex,
};
use constat::i18n::Lang;
use constat::report::Format;
use constat::storage::{LocalObserver, Store};
use rusqlite::{Connection, OpenFlags, params};

type Res<T> = Result<T, Box<dyn Error>>;

const CIRCONSCRIPTIONS: usize = 577;
const CANDIDATES: u16 = 14;
/// Ticks per observer: three items for each candidate; plus one envelope event.
const PER_OBSERVER: u64 = 3 * CANDIDATES as u64 + 1;

fn now() -> DateTime<Utc> {
    DateTime::from_timestamp(1_800_000_000, 0).unwrap_or_default()
}

/// Départements as in circonscription codes.
fn departements() -> Vec<String> {
    let mut d: Vec<String> = (1..=95)
        .filter(|n| *n != 20)
        .map(|n| format!("{n:02}"))
        .collect();
    d.extend(["2A", "2B", "971", "972", "973", "974", "976", "ZZ"].map(String::from));
    d
}

fn circonscription_codes() -> Res<Vec<CirconscriptionCode>> {
    let deps = departements();
    (0..CIRCONSCRIPTIONS)
        .map(|i| {
            let dep = &deps[i % deps.len()];
            Ok(CirconscriptionCode::parse(&format!(
                "{dep}{:02}",
                i / deps.len() + 1
            ))?)
        })
        .collect()
}

/// The bureau of observer `k` of circonscription number `c` (one bureau per observer).
fn bureau_code(c: usize, k: u64) -> String {
    format!("{:05}_{:04}", 10_000 + c, k % 10_000)
}

fn referential(observers_per_circ: u64) -> Res<Referential> {
    let mut r = Referential::default();
    for (c, code) in circonscription_codes()?.into_iter().enumerate() {
        r.circonscriptions.insert(
            code.clone(),
            Circonscription {
                code: code.clone(),
                label: format!("Circonscription {code}"),
            },
        );
        let candidates = (1..=CANDIDATES)
            .map(|p| {
                Ok(Candidate {
                    circonscription: code.clone(),
                    panel: Panel::new(p)?,
                    surname: format!("CANDIDAT{p}"),
                    given_name: "Prénom".into(),
                    sex: if p % 2 == 0 { Sex::F } else { Sex::M },
                    nuance: "DIV".into(),
                })
            })
            .collect::<Res<Vec<_>>>()?;
        r.candidates.insert(code.clone(), candidates);
        for k in 0..observers_per_circ {
            let b = BureauCode::parse(&bureau_code(c, k))?;
            r.bureaux.insert(
                b.clone(),
                Bureau {
                    code: b,
                    circonscription: Some(code.clone()),
                    label: format!("Bureau {k}"),
                    address: format!("{k} rue de la République"),
                    commune: "Commune".into(),
                    // One bureau in 50 votes on machines.
                    voting_machines: k % 50 == 49,
                },
            );
        }
    }
    Ok(r)
}

/// Creates the database and inserts `events` events (see the module comment).
fn generate(path: &Path, events: u64) -> Res<u64> {
    let observers = events.div_ceil(PER_OBSERVER);
    let per_circ = observers.div_ceil(CIRCONSCRIPTIONS as u64);
    let data = ElectionData {
        election: Election {
            kind: ElectionKind::Legislatives,
            year: 2024,
            round: 1,
            date: chrono::NaiveDate::from_ymd_opt(2024, 6, 30),
        },
        referential: referential(per_circ)?,
    };
    let me = LocalObserver {
        id: ObserverId(uuid::Uuid::from_u128(1)),
        name: "Coordination".into(),
    };
    drop(Store::create_with_keys(
        path,
        &data,
        &me,
        now(),
        &keys_of(path),
    )?);
    let circs = circonscription_codes()?;
    let mut conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
    conn.pragma_update(None, "synchronous", "OFF")?;
    let tx = conn.transaction()?;
    let mut written = 0u64;
    {
        let mut observer_stmt = tx.prepare(
            "INSERT INTO observer (id, name, is_local, created_at) VALUES (?1, ?2, 0, ?3)",
        )?;
        let mut tick = tx.prepare(
            "INSERT INTO event (id, observer, seq, recorded_at, kind, circonscription, bureau, panel, item, value, hash)
             VALUES (?1, ?2, ?3, ?4, 'tick', ?5, ?6, ?7, ?8, ?9, ?10)",
        )?;
        let mut envelope = tx.prepare(
            "INSERT INTO event (id, observer, seq, recorded_at, kind, circonscription, bureau, voters, received, hash)
             VALUES (?1, ?2, ?3, ?4, 'envelope', ?5, ?6, ?7, ?8, ?9)",
        )?;
        let hash = "0".repeat(64);
        'observers: for o in 0..observers {
            let c = (o % CIRCONSCRIPTIONS as u64) as usize;
            let k = o / CIRCONSCRIPTIONS as u64;
            let circ = circs[c].as_str();
            let bureau = bureau_code(c, k);
            let id = uuid::Uuid::from_u128(1_000 + u128::from(o));
            let observer = id.to_string();
            observer_stmt.execute(params![observer, format!("Observateur {o}"), "2024-06-01"])?;
            let mut seq = 0u64;
            for panel in 1..=CANDIDATES {
                for item in ["foi", "courrier", "bureau"] {
                    if written == events {
                        break 'observers;
                    }
                    seq += 1;
                    // Candidates 13 and 14 supplied nothing; 1 mark in 23 is absent elsewhere.
                    let absent = (item != "bureau" && panel >= 13)
                        || (o * 7 + u64::from(panel) * 3 + seq).is_multiple_of(23);
                    tick.execute(params![
                        uuid::Uuid::from_u128(u128::from(o) << 64 | u128::from(seq)).to_string(),
                        observer,
                        seq as i64,
                        format!(
                            "2024-06-30T{:02}:{:02}:{:02}.000000Z",
                            8 + o % 10,
                            seq % 60,
                            o % 60
                        ),
                        circ,
                        bureau,
                        panel,
                        item,
                        if absent { "absent" } else { "present" },
                        hash,
                    ])?;
                    written += 1;
                }
            }
            if written == events {
                break;
            }
            seq += 1;
            envelope.execute(params![
                uuid::Uuid::from_u128(u128::from(o) << 64 | u128::from(seq)).to_string(),
                observer,
                seq as i64,
                "2024-06-30T18:00:00.000000Z",
                circ,
                bureau,
                (1 + o % 4) as i64,
                if o.is_multiple_of(9) {
                    0
                } else {
                    (1 + o % 4) as i64
                },
                hash,
            ])?;
            written += 1;
        }
    }
    tx.commit()?;
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE); ANALYZE;")?;
    Ok(written)
}

/// Counts bytes written, like a file that is never read.
struct Sink(u64);

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0 += buf.len() as u64;
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[derive(Default, Clone, Copy)]
struct Stages {
    open: Duration,
    read: Duration,
    build: Duration,
    render: Duration,
    total: Duration,
    bytes: u64,
    records: usize,
}

/// What `constat report --format json` does, through the same functions
/// (`constat::app::report::{read_inputs, write_report}`), timed stage by stage.
fn report_pipeline(path: &Path) -> Res<Stages> {
    let mut s = Stages::default();
    let start = Instant::now();
    let store = Store::open_with_keys(path, Some(&keys_of(path)))?;
    s.open = start.elapsed();
    // The fold of every event, while a second connection reads the reference data, the
    // observers and the chain digest.
    let t = Instant::now();
    let inputs = read_inputs(&store, true)?;
    s.read = t.elapsed();
    let t = Instant::now();
    let circs = inputs.state.observed_circonscriptions();
    let mut sink = io::BufWriter::new(Sink(0));
    let mut built = None;
    write_report(
        &inputs,
        &circs,
        Format::Json,
        Lang::Fr,
        &mut sink,
        &mut || {
            built = Some(Instant::now());
        },
    )?;
    sink.flush()?;
    let built = built.unwrap_or(t);
    s.build = built - t;
    s.render = built.elapsed();
    s.bytes = sink.get_ref().0;
    s.records = circs.len();
    s.total = start.elapsed();
    Ok(s)
}

/// For the record, the parts of `read_inputs` one after the other: the fold alone, and the
/// reference data, observers and chain digest alone.
fn read_parts(path: &Path) -> Res<(Duration, Duration)> {
    let store = Store::open_with_keys(path, Some(&keys_of(path)))?;
    let t = Instant::now();
    let state = store.fold()?;
    let fold = t.elapsed();
    drop(state);
    let t = Instant::now();
    let _ = (
        store.election_data()?,
        store.observers()?,
        store.chain_digest()?,
    );
    Ok((fold, t.elapsed()))
}

/// The bare SQL aggregate over the same table, every row read.
fn sql_aggregate(path: &Path) -> Res<(Duration, u64)> {
    let start = Instant::now();
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let mut stmt = conn.prepare(
        "SELECT circonscription, panel, item, value, count(*) FROM event GROUP BY 1, 2, 3, 4",
    )?;
    let mut rows = stmt.query([])?;
    let mut total = 0u64;
    while let Some(row) = rows.next()? {
        let _: Option<String> = row.get(0)?;
        total += row.get::<_, i64>(4)?.unsigned_abs();
    }
    Ok((start.elapsed(), total))
}

/// For the record: the rows `Store::fold` reads (same columns, same order, a connection opened
/// as `Store` opens it), stepped through without decoding them into events.
fn raw_event_scan(path: &Path) -> Res<(Duration, u64)> {
    let start = Instant::now();
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    let mut stmt = conn.prepare(
        "SELECT id, observer, seq, recorded_at, kind, circonscription, bureau, panel, item, \
         value, voters, received, voter, target, note FROM event ORDER BY rowid",
    )?;
    let mut rows = stmt.query([])?;
    let mut n = 0u64;
    while let Some(row) = rows.next()? {
        for i in 0..15 {
            let _ = row.get_ref(i)?;
        }
        n += 1;
    }
    Ok((start.elapsed(), n))
}

fn peak_rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|k| k.parse::<f64>().ok())
        })
        .map_or(0.0, |kib| kib / 1024.0)
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn secs(d: Duration) -> String {
    format!("{:.2} s", d.as_secs_f64())
}

/// The bench's observer has a fixed id: its key file is kept in a folder beside the bench's
/// database (`FILE.keys`), never in the user's key folder, where a key left by another run under
/// the same id would be refused ("a key file is already there").
fn keys_of(db: &std::path::Path) -> constat::storage::KeyDir {
    constat::storage::KeyDir::at(db.with_extension("keys"))
}

fn main() -> Res<()> {
    let small = std::env::var_os("CONSTAT_BENCH_SMALL").is_some();
    let events = if small { 300_000 } else { 3_000_000 };
    let base = std::env::var_os("CONSTAT_BENCH_DIR").map_or_else(std::env::temp_dir, PathBuf::from);
    let dir = tempfile::tempdir_in(base)?;
    // CONSTAT_BENCH_DB=FILE keeps the generated database in FILE and reuses it on the next run.
    let kept = std::env::var_os("CONSTAT_BENCH_DB").map(PathBuf::from);
    let path = kept
        .clone()
        .unwrap_or_else(|| dir.path().join("national.db"));
    let written = if kept.as_ref().is_some_and(|p| p.exists()) {
        let conn = Connection::open_with_flags(&path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        conn.query_row("SELECT count(*) FROM event", [], |r| r.get::<_, i64>(0))?
            .unsigned_abs()
    } else {
        println!("generating {events} events over {CIRCONSCRIPTIONS} circonscriptions …");
        let t = Instant::now();
        let written = generate(&path, events)?;
        println!(
            "generated {written} events in {:.1} s ({:.0} MiB)",
            t.elapsed().as_secs_f64(),
            std::fs::metadata(&path)?.len() as f64 / 1_048_576.0
        );
        written
    };
    println!("{written} events in {}\n", path.display());
    // A first, untimed pass of each warms the page cache.
    sql_aggregate(&path)?;
    report_pipeline(&path)?;
    let (mut ours, mut floor, mut raw, mut runs) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let (mut folds, mut sides) = (Vec::new(), Vec::new());
    for _ in 0..3 {
        let s = report_pipeline(&path)?;
        let (f, counted) = sql_aggregate(&path)?;
        if counted != written {
            return Err(format!("the aggregate counted {counted} events, not {written}").into());
        }
        raw.push(raw_event_scan(&path)?.0);
        let (fold, side) = read_parts(&path)?;
        folds.push(fold);
        sides.push(side);
        ours.push(s.total);
        floor.push(f);
        runs.push(s);
    }
    let (o, f) = (median(ours), median(floor));
    let pick = |get: fn(&Stages) -> Duration| median(runs.iter().map(get).collect());
    println!("| report (json, in process) | bare SQL aggregate | ratio |");
    println!("|---|---|---|");
    println!(
        "| {} | {} | {:.2}× |",
        secs(o),
        secs(f),
        o.as_secs_f64() / f.as_secs_f64().max(1e-9)
    );
    println!();
    println!("report stages (medians):");
    println!("  Store::open: {}", secs(pick(|s| s.open)));
    println!(
        "  read_inputs (fold on two threads, while another connection reads reference data + observers + digest): {}",
        secs(pick(|s| s.read))
    );
    println!(
        "    apart, for the record: Store::fold {}; reference data + observers + digest {}; the fold's rows stepped through undecoded {}",
        secs(median(folds)),
        secs(median(sides)),
        secs(median(raw))
    );
    println!(
        "  build_records × {} circonscriptions: {}",
        runs[0].records,
        secs(pick(|s| s.build))
    );
    println!(
        "  render JSON ({:.0} MiB): {}",
        runs[0].bytes as f64 / 1_048_576.0,
        secs(pick(|s| s.render))
    );
    let pure = pick(|s| s.build) + pick(|s| s.render);
    println!(
        "  pure side after the fold (build + render): {} = {:.2}× the aggregate",
        secs(pure),
        pure.as_secs_f64() / f.as_secs_f64().max(1e-9)
    );
    println!("peak RSS: {:.0} MiB", peak_rss_mib());
    Ok(())
}
