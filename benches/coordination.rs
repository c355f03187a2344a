//! The coordinator's live view at national scale (issue 18 point 3): one full read of a
//! national database (3,000,000 events by default, 20,000 observers, 577 circonscriptions,
//! 69,000 bureaux), then the refresh after one more observer's file (40 events) lands, which
//! folds only the new rows and rebuilds only their circonscription.
//!
//! `cargo bench --bench coordination` (release). `CONSTAT_BENCH_EVENTS=N` sets the size;
//! `CONSTAT_BENCH_DB=FILE` keeps the generated database there and reuses it. The coordinator's
//! key goes to a key folder of the bench's own (a temporary folder), never to the user's: a key
//! file left by an earlier run for the same observer id cannot make it fail.

use std::error::Error;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use constat::app::coordination::Live;
use constat::domain::referential::ElectionData;
use constat::domain::{
    Bureau, BureauCode, Candidate, Circonscription, CirconscriptionCode, Election, ElectionKind,
    EventBody, EventId, Item, Mark, ObserverId, Panel, Referential, Sex,
};
use constat::storage::{KeyDir, LocalObserver, Store};

type Res<T> = Result<T, Box<dyn Error>>;

const BUREAUX: usize = 69_000;
const OBSERVERS: u64 = 20_000;

fn departements() -> Vec<String> {
    let mut d: Vec<String> = (1..=95)
        .filter(|n| *n != 20)
        .map(|n| format!("{n:02}"))
        .collect();
    d.extend(["2A", "2B", "971", "972", "973", "974", "976", "ZZ"].map(String::from));
    d
}

fn referential() -> Res<Referential> {
    let mut r = Referential::default();
    let deps = departements();
    let mut circs = Vec::new();
    for i in 0..577 {
        let dep = &deps[i % deps.len()];
        let code = CirconscriptionCode::parse(&format!("{dep}{:02}", i / deps.len() + 1))?;
        r.circonscriptions.insert(
            code.clone(),
            Circonscription {
                code: code.clone(),
                label: format!("Département {dep}, circonscription {}", i / deps.len() + 1),
            },
        );
        r.candidates.insert(
            code.clone(),
            (1..=13u16)
                .map(|p| {
                    Ok(Candidate {
                        circonscription: code.clone(),
                        panel: Panel::new(p)?,
                        surname: format!("NOM{p}"),
                        given_name: "Prénom".into(),
                        sex: Sex::F,
                        nuance: "DIV".into(),
                    })
                })
                .collect::<Res<Vec<_>>>()?,
        );
        circs.push(code);
    }
    for i in 0..BUREAUX {
        let circ = &circs[i % circs.len()];
        let code = BureauCode::parse(&format!("{:05}_{:04}", 1000 + i / 100, i % 100))?;
        r.bureaux.insert(
            code.clone(),
            Bureau {
                code,
                circonscription: Some(circ.clone()),
                label: format!("Bureau {i}"),
                address: String::new(),
                commune: String::new(),
                voting_machines: false,
            },
        );
    }
    Ok(r)
}

/// Inserts `count` ticks from event number `from` (observer `n % OBSERVERS`, or `only`), one in
/// twenty absent, each at a bureau of the observer's circonscription.
fn insert(
    path: &std::path::Path,
    bureaux: &[(String, String)],
    from: u64,
    count: u64,
    only: Option<u64>,
) -> Res<()> {
    let mut conn =
        rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE)?;
    conn.pragma_update(None, "synchronous", "OFF")?;
    let tx = conn.transaction()?;
    {
        let mut stmt = tx.prepare(
            "INSERT INTO event (id, observer, seq, recorded_at, kind, circonscription, bureau,
                                panel, item, value, hash)
             VALUES (?1, ?2, ?3, ?4, 'tick', ?5, ?6, ?7, 'bureau', ?8, ?9)",
        )?;
        let hash = "0".repeat(64);
        for n in from..from + count {
            let (o, seq) = match only {
                Some(o) => (o, n - from + 1),
                None => (n % OBSERVERS, n / OBSERVERS + 1),
            };
            let observer = uuid::Uuid::from_u128(u128::from(o + 10) << 64).to_string();
            if seq == 1 {
                tx.execute(
                    "INSERT OR IGNORE INTO observer (id, name, is_local, created_at)
                     VALUES (?1, ?2, 0, '2024-06-30T06:00:00Z')",
                    [&observer, &format!("Observateur {o}")],
                )?;
            }
            let (circ, bureau) = &bureaux[(o as usize * 7) % bureaux.len()];
            let at = chrono::DateTime::from_timestamp(1_719_727_200 + n as i64 / 100, 0)
                .unwrap_or_default()
                .to_rfc3339_opts(chrono::SecondsFormat::Micros, true);
            stmt.execute(rusqlite::params![
                uuid::Uuid::from_u128(u128::from(o + 10) << 64 | u128::from(seq)).to_string(),
                observer,
                seq as i64,
                at,
                circ,
                bureau,
                (seq % 13 + 1) as i64,
                if n % 20 == 0 { "absent" } else { "present" },
                hash,
            ])?;
        }
    }
    tx.commit()?;
    Ok(())
}

fn main() -> Res<()> {
    let small = std::env::var_os("CONSTAT_BENCH_SMALL").is_some();
    let events: u64 = std::env::var("CONSTAT_BENCH_EVENTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if small { 100_000 } else { 3_000_000 });
    let arrivals: usize = std::env::var("CONSTAT_BENCH_ARRIVALS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if small { 5 } else { 50 });
    let dir = tempfile::tempdir()?;
    let kept = std::env::var_os("CONSTAT_BENCH_DB").map(std::path::PathBuf::from);
    let path = kept
        .clone()
        .unwrap_or_else(|| dir.path().join("national.db"));
    let keys = KeyDir::at(dir.path().join("keys"));
    let referential = referential()?;
    let data = ElectionData {
        election: Election {
            kind: ElectionKind::Legislatives,
            year: 2024,
            round: 1,
            date: None,
        },
        referential: referential.clone(),
    };
    let bureaux: Vec<(String, String)> = referential
        .bureaux
        .values()
        .filter_map(|b| Some((b.circonscription.as_ref()?.to_string(), b.code.to_string())))
        .collect();
    if !path.exists() {
        let t = Instant::now();
        let me = LocalObserver {
            id: ObserverId(uuid::Uuid::from_u128(1)),
            name: "Coordination".into(),
        };
        drop(Store::create_with_keys(
            &path,
            &data,
            &me,
            chrono::DateTime::from_timestamp(1_719_720_000, 0).unwrap_or_default(),
            &keys,
        )?);
        insert(&path, &bureaux, 0, events, None)?;
        println!(
            "coordination: national database of {events} events built in {:.0} s",
            t.elapsed().as_secs_f64()
        );
    }
    // Read only: the key is not needed (a kept database's key folder is gone with the run).
    let store = Store::open_with_keys(&path, Some(&keys))?;
    let mut live = Live::new();
    let t = Instant::now();
    let first = live.refresh(&store)?;
    println!(
        "coordination: first read (every event folded, every record built): {:.2} s ({} events)",
        t.elapsed().as_secs_f64(),
        first.events
    );
    // Median of five: a refresh with nothing new reads the change count of the reference data,
    // no event, the observers, the merged files, and builds the picture.
    let mut nothing_new: Vec<f64> = (0..5)
        .map(|_| {
            let t = Instant::now();
            live.refresh(&store)
                .map(|_| t.elapsed().as_secs_f64() * 1000.0)
        })
        .collect::<Result<_, _>>()?;
    nothing_new.sort_by(f64::total_cmp);
    println!(
        "coordination: refresh with nothing new: {:.0} ms (median of 5)",
        nothing_new[2]
    );
    // What a refresh read before the reference data were kept behind their change count (the
    // reference data, then compared with those held), and the observers: measured in the same
    // run.
    let t = Instant::now();
    let data = store.election_data()?;
    let again = store.election_data()?;
    let same = data == again;
    let reference_ms = t.elapsed().as_secs_f64() * 1000.0 / 2.0;
    let t = Instant::now();
    let names = store.observers()?;
    println!(
        "coordination: reading the reference data (each refresh did before, now only after a change): {reference_ms:.0} ms ({} bureaux, {same}); the observers {:.0} ms ({})",
        data.referential.bureaux.len(),
        t.elapsed().as_secs_f64() * 1000.0,
        names.len()
    );
    // One more observer's file lands (another connection, as `merge --watch`), of an observer
    // the database does not hold yet (a kept database got one more at each run).
    let held = names.len() as u64;
    insert(&path, &bureaux, events + 1, 40, Some(OBSERVERS + held))?;
    let t = Instant::now();
    let after = live.refresh(&store)?;
    println!(
        "coordination: refresh after a 40-event file: {:.0} ms ({} events)",
        t.elapsed().as_secs_f64() * 1000.0,
        after.events
    );
    let t = Instant::now();
    let full = Live::new().refresh(&store)?;
    println!(
        "coordination: the same picture read from scratch: {:.2} s (equal: {})",
        t.elapsed().as_secs_f64(),
        full == after
    );
    drop(store);
    if arrivals > 0 {
        arrivals_case(&path, &data, &bureaux, arrivals)?;
    }
    Ok(())
}

/// The clock, as the commands read it (the watch checks events are not ahead of it).
#[allow(clippy::disallowed_methods)] // like the commands, a bench is an edge where time enters
fn wall_clock() -> chrono::DateTime<chrono::Utc> {
    chrono::Utc::now()
}

/// Ticks per observer file (34 on average in the files measured in issue 18).
const TICKS: u64 = 34;

/// How often the live view looks at `PRAGMA data_version` (`tui::coordination::runtime::POLL`).
const VIEW_POLL: Duration = Duration::from_millis(250);

/// A real observer file: created by the app from the national reference data (a new identity
/// and key), [`TICKS`] signed ticks at one bureau appended through `Store::append`, exported with
/// `Store::export_db` (synced, renamed: a complete file) to `out`.
/// `run` makes the observers new at each run (a kept database holds those of the runs before).
fn observer_file(
    dir: &Path,
    out: &Path,
    data: &ElectionData,
    (run, n): (u128, usize),
    (circ, bureau): &(String, String),
) -> Res<()> {
    let live = dir.join(format!("live-{n}.db"));
    let keys = KeyDir::at(dir.join("keys"));
    let who = run << 32 | n as u128;
    let me = LocalObserver {
        id: ObserverId(uuid::Uuid::from_u128(who)),
        name: format!("Arrivée {n}"),
    };
    drop(Store::create_with_keys(
        &live,
        data,
        &me,
        wall_clock(),
        &keys,
    )?);
    let mut store = Store::open_with_keys(&live, Some(&keys))?;
    for seq in 0..TICKS {
        let id = EventId(uuid::Uuid::from_u128(who << 16 | u128::from(seq)));
        store.append(
            id,
            wall_clock(),
            EventBody::Tick {
                circonscription: CirconscriptionCode::parse(circ)?,
                bureau: Some(BureauCode::parse(bureau)?),
                panel: Panel::new((seq % 13 + 1) as u16)?,
                item: Item::Bureau,
                mark: if seq % 5 == 0 {
                    Mark::Absent
                } else {
                    Mark::Present
                },
                note: None,
                envelope: None,
            },
        )?;
    }
    store.export_db(out)?;
    drop(store);
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", live.display()));
    }
    Ok(())
}

/// The watch's output, kept to check what it said.
#[derive(Clone, Default)]
struct Said(Arc<Mutex<Vec<u8>>>);

impl Write for Said {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if let Ok(mut held) = self.0.lock() {
            held.extend_from_slice(buf);
        }
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Issue 18: from a file's arrival in the inbox to the live view's picture holding its events,
/// through the real watch loop, on the national database at `path`.
fn arrivals_case(
    path: &Path,
    data: &ElectionData,
    bureaux: &[(String, String)],
    n: usize,
) -> Res<()> {
    let base = std::env::var_os("CONSTAT_BENCH_DIR").map_or_else(std::env::temp_dir, PathBuf::from);
    let dir = tempfile::tempdir_in(&base)?;
    let d = dir.path();
    // Staged on the same file system as the inbox: a rename moves a file in at once, as a sync
    // tool's final rename does.
    let staging = d.join("staging");
    let inbox = d.join("inbox");
    std::fs::create_dir_all(&staging)?;
    std::fs::create_dir_all(&inbox)?;
    let t = Instant::now();
    let mut files = Vec::with_capacity(n);
    // This run's observers: new ones, whatever a kept database holds.
    let run = u128::from(wall_clock().timestamp_micros().unsigned_abs()) << 16;
    for i in 0..n {
        let out = staging.join(format!("observateur-{i:03}.db"));
        observer_file(
            d,
            &out,
            data,
            (run, i),
            &bureaux[(i * 7919 + 13) % bureaux.len()],
        )?;
        files.push(out);
    }
    let size = std::fs::metadata(&files[0])?.len();
    println!(
        "\narrivals: {n} observer files made by the app ({TICKS} signed ticks each, the national \
         reference data: {:.1} MiB each) in {:.0} s",
        size as f64 / 1_048_576.0,
        t.elapsed().as_secs_f64()
    );

    // The watch, as `constat merge --into DB --watch INBOX` runs it (default settle).
    let args: Vec<std::ffi::OsString> = vec![
        "constat".into(),
        "--lang".into(),
        "en".into(),
        "merge".into(),
        "--into".into(),
        path.into(),
        "--watch".into(),
        inbox.clone().into(),
    ];
    let (cli, lang) = constat::cli::parse(&args).map_err(|_| "the watch's arguments")?;
    let said = Said::default();
    let mut out = said.clone();
    let watch = std::thread::spawn(move || -> Result<(), String> {
        let mut ctx = constat::commands::Context {
            lang,
            db: cli.db.clone(),
            out: &mut out,
        };
        constat::commands::run(cli, &mut ctx).map_err(|e| e.message(lang))
    });
    let started = Instant::now();
    while !String::from_utf8_lossy(&said.0.lock().map_err(|_| "lock")?).contains("Watching") {
        if watch.is_finished() || started.elapsed() > Duration::from_secs(60) {
            return Err("the watch did not start".into());
        }
        std::thread::sleep(Duration::from_millis(20));
    }

    // The view, on its own connection: a first full read, then a refresh whenever
    // `data_version` moved, looked at every VIEW_POLL.
    let view = Store::open(path)?;
    let mut live = Live::new();
    let t = Instant::now();
    let mut held = live.refresh(&view)?.events;
    println!(
        "arrivals: the view's first read: {:.2} s ({held} events)",
        t.elapsed().as_secs_f64()
    );
    let mut version = view.data_version()?;
    let mut latencies = Vec::with_capacity(n);
    // Where the time goes: the rename's wall-clock time (to compare with the `merged_at` the
    // watch records), and how long the refresh that showed the file took.
    let mut renamed_at = Vec::with_capacity(n);
    let mut refreshes = Vec::with_capacity(n);
    // Arrivals at a varying phase of the view's poll (a fixed sequence: the same every run).
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    for file in &files {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        std::thread::sleep(Duration::from_millis(x % VIEW_POLL.as_millis() as u64));
        let target = inbox.join(file.file_name().ok_or("name")?);
        let t = Instant::now();
        renamed_at.push(wall_clock());
        std::fs::rename(file, &target)?;
        loop {
            let refused = String::from_utf8_lossy(&said.0.lock().map_err(|_| "lock")?)
                .lines()
                .any(|l| l.contains("REFUSED"));
            if refused || t.elapsed() > Duration::from_secs(60) {
                let log = String::from_utf8_lossy(&said.0.lock().map_err(|_| "lock")?).into_owned();
                return Err(format!("{} not in the picture:\n{log}", target.display()).into());
            }
            let now = view.data_version()?;
            if now != version {
                version = now;
                let r = Instant::now();
                let picture = live.refresh(&view)?;
                if picture.events >= held + TICKS {
                    refreshes.push(r.elapsed());
                    held = picture.events;
                    latencies.push(t.elapsed());
                    break;
                }
            }
            std::thread::sleep(VIEW_POLL);
        }
    }
    signal_hook::low_level::raise(signal_hook::consts::SIGTERM)?;
    watch.join().map_err(|_| "the watch panicked")??;
    let log = String::from_utf8_lossy(&said.0.lock().map_err(|_| "lock")?).into_owned();
    let merged = log.lines().filter(|l| l.contains("  merged  ")).count();
    let refused = log.lines().filter(|l| l.contains("REFUSED")).count();
    let check = Live::new().refresh(&view)?;
    // rename → the watch's commit of the file (its `merged_at`, recorded right after the merge).
    let conn =
        rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let mut to_merged: Vec<Duration> = Vec::with_capacity(n);
    for (file, at) in files.iter().zip(&renamed_at) {
        let name = file
            .file_name()
            .ok_or("name")?
            .to_string_lossy()
            .into_owned();
        let merged_at: String = conn.query_row(
            "SELECT merged_at FROM merged_file WHERE name = ?1 ORDER BY merged_at DESC LIMIT 1",
            [&name],
            |r| r.get(0),
        )?;
        let merged_at = chrono::DateTime::parse_from_rfc3339(&merged_at)?.to_utc();
        to_merged.push((merged_at - *at).to_std().unwrap_or_default());
    }
    to_merged.sort();
    refreshes.sort();
    latencies.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "arrivals: of which rename → merged by the watch: median {:.0} ms, worst {:.0} ms; the \
         refresh that showed the file: median {:.0} ms, worst {:.0} ms; the rest is the view's \
         {} ms poll",
        ms(to_merged[to_merged.len() / 2]),
        ms(to_merged[to_merged.len() - 1]),
        ms(refreshes[refreshes.len() / 2]),
        ms(refreshes[refreshes.len() - 1]),
        VIEW_POLL.as_millis()
    );
    let mean = latencies.iter().map(|d| ms(*d)).sum::<f64>() / latencies.len().max(1) as f64;
    println!(
        "arrivals: {} files, rename → picture holding the file's events: median {:.0} ms, mean \
         {mean:.0} ms, 90th percentile {:.0} ms, worst {:.0} ms, best {:.0} ms; the watch said \
         merged {merged}, refused {refused}; the picture read from scratch after: {} events \
         (equal to the incremental one: {})",
        latencies.len(),
        ms(latencies[latencies.len() / 2]),
        ms(latencies[latencies.len() * 9 / 10]),
        ms(latencies[latencies.len() - 1]),
        ms(latencies[0]),
        check.events,
        check == live.refresh(&view)?
    );
    Ok(())
}
