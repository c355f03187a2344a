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
use std::time::Instant;

use constat::app::coordination::Live;
use constat::domain::referential::ElectionData;
use constat::domain::{
    Bureau, BureauCode, Candidate, Circonscription, CirconscriptionCode, Election, ElectionKind,
    ObserverId, Panel, Referential, Sex,
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
    let events: u64 = std::env::var("CONSTAT_BENCH_EVENTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3_000_000);
    let dir = tempfile::tempdir()?;
    let kept = std::env::var_os("CONSTAT_BENCH_DB").map(std::path::PathBuf::from);
    let path = kept
        .clone()
        .unwrap_or_else(|| dir.path().join("national.db"));
    let keys = KeyDir::at(dir.path().join("keys"));
    let referential = referential()?;
    let bureaux: Vec<(String, String)> = referential
        .bureaux
        .values()
        .filter_map(|b| Some((b.circonscription.as_ref()?.to_string(), b.code.to_string())))
        .collect();
    if !path.exists() {
        let t = Instant::now();
        let data = ElectionData {
            election: Election {
                kind: ElectionKind::Legislatives,
                year: 2024,
                round: 1,
                date: None,
            },
            referential,
        };
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
    Ok(())
}
