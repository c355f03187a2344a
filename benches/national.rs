//! National scale: the picker over all of France's bureaux, and imports of national files next to
//! `sqlite3`'s own `.import` of the same file.
//!
//! Run with `cargo bench --bench national` (release profile). No harness: a plain `main` timing
//! with [`Instant`] and printing medians and 95th percentiles. `CONSTAT_BENCH_ONLY=imports` runs
//! the imports alone (no picker, no national database); `CONSTAT_BENCH_ONLY=startup` builds the
//! national database and times the interface on it alone (start-up, keys, summary, a save);
//! `CONSTAT_BENCH_RUNS=N` sets the number of runs of each import (default 5).
//!
//! The data is generated (577 circonscriptions, 7,877 candidates, 69,000 bureaux with labels,
//! addresses and communes), so the bench runs anywhere; the import case writes it as files in the
//! formats of the official publications.

use std::error::Error;
use std::time::{Duration, Instant};

use constat::domain::search::PlaceIndex;
use constat::domain::{Bureau, BureauCode, Circonscription, CirconscriptionCode, Referential};

type Res<T> = Result<T, Box<dyn Error>>;

const BUREAUX: usize = 69_000;
const STREETS: [&str; 8] = [
    "rue de la République",
    "avenue Jean Jaurès",
    "place de la Mairie",
    "rue Victor Hugo",
    "boulevard Pasteur",
    "rue Clauzel",
    "chemin des Écoles",
    "allée des Tilleuls",
];
const COMMUNES: [&str; 8] = [
    "Saint-Étienne",
    "Besançon",
    "Orléans",
    "Châlons-en-Champagne",
    "Nîmes",
    "Périgueux",
    "Évry-Courcouronnes",
    "Montréal-la-Cluse",
];

/// Départements as in circonscription codes, 96 + overseas + abroad.
fn departements() -> Vec<String> {
    let mut d: Vec<String> = (1..=95)
        .filter(|n| *n != 20)
        .map(|n| format!("{n:02}"))
        .collect();
    d.extend(["2A", "2B", "971", "972", "973", "974", "976", "ZZ"].map(String::from));
    d
}

/// A national-size referential: 577 circonscriptions, 69,000 bureaux.
pub fn national_referential() -> Res<Referential> {
    let mut r = Referential::default();
    let deps = departements();
    let mut circs = Vec::new();
    for i in 0..577 {
        let dep = &deps[i % deps.len()];
        let code = CirconscriptionCode::parse(&format!("{dep}{:02}", i / deps.len() + 1))?;
        r.circonscriptions.insert(
            code.clone(),
            Circonscription {
                label: format!("Département {dep}, {}e circonscription", code.number()),
                code: code.clone(),
            },
        );
        circs.push(code);
    }
    for i in 0..BUREAUX {
        let commune = 10_000 + i / 12;
        let code = BureauCode::parse(&format!("{commune:05}_{:04}", i % 12 + 1))?;
        r.bureaux.insert(
            code.clone(),
            Bureau {
                code,
                circonscription: Some(circs[i % circs.len()].clone()),
                label: format!("Bureau {}", i % 12 + 1),
                address: format!("{} {}", i % 97 + 1, STREETS[i % STREETS.len()]),
                commune: format!("{} {}", COMMUNES[i % COMMUNES.len()], i / 1000),
                voting_machines: false,
            },
        );
    }
    Ok(r)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn picker() -> Res<()> {
    let referential = national_referential()?;
    let start = Instant::now();
    let index = PlaceIndex::new(&referential);
    let build = start.elapsed();
    println!(
        "picker: index of {} places built in {:.1} ms",
        index.len(),
        build.as_secs_f64() * 1e3
    );
    // Each query is typed one key at a time; every prefix is one keystroke.
    let queries = [
        "7501",
        "paris 1",
        "clauzel",
        "10911_0003",
        "saint etienne",
        "besancon 12",
        "rue victor hugo 5",
    ];
    let mut samples = Vec::new();
    let mut hits_total = 0usize;
    for _ in 0..5 {
        for q in queries {
            for end in 1..=q.len() {
                if !q.is_char_boundary(end) {
                    continue;
                }
                let t = Instant::now();
                let (hits, total) = index.search(&q[..end], 50);
                samples.push(t.elapsed());
                hits_total += hits.len() + total;
            }
        }
    }
    samples.sort();
    println!(
        "picker: per keystroke over {} places: median {:.2} ms, p95 {:.2} ms, max {:.2} ms ({} keystrokes; checksum {hits_total})",
        index.len(),
        percentile(&samples, 0.5).as_secs_f64() * 1e3,
        percentile(&samples, 0.95).as_secs_f64() * 1e3,
        samples.last().copied().unwrap_or_default().as_secs_f64() * 1e3,
        samples.len()
    );
    Ok(())
}

/// A national candidate list in the 2024 ministry format (`;`, UTF-8): 577 circonscriptions,
/// 7,877 candidates.
fn write_candidates(path: &std::path::Path) -> Res<()> {
    let mut text = String::from(
        "Code département;Département;Code circonscription;Libellé circonscription;Numéro de panneau;N° dépôt;Sexe du candidat;Nom du candidat;Prénom du candidat;Date de naissance du candidat;Code nuance;Profession;Sortant\n",
    );
    let deps = departements();
    let mut written = 0;
    for i in 0..577 {
        let dep = &deps[i % deps.len()];
        let circ = format!("{dep}{:02}", i / deps.len() + 1);
        let n = if i < 377 { 14 } else { 13 } - usize::from(i % 7 == 0);
        for panel in 1..=n {
            if written == 7_877 {
                break;
            }
            written += 1;
            text.push_str(&format!(
                "{dep};Département {dep};{circ};{}e circonscription;{panel};{written};{};NOM-{written} ÉÇŒ;Prénom;01/01/1970;DIV;Profession;\n",
                i / deps.len() + 1,
                if panel % 2 == 0 { "F" } else { "M" }
            ));
        }
    }
    std::fs::write(path, text)?;
    Ok(())
}

/// Etalab's bureau ↔ circonscription table at national size (69,000 bureaux).
fn write_bureaux(path: &std::path::Path) -> Res<()> {
    let referential = national_referential()?;
    let mut text = String::from(
        "codeDepartement,nomDepartement,codeCirconscription,nomCirconscription,codeCommune,nomCommune,numeroBureauVote,codeBureauVote\n",
    );
    for b in referential.bureaux.values() {
        let circ = b.circonscription.as_ref().ok_or("circonscription")?;
        let (commune, number) = b.code.as_str().split_once('_').ok_or("code")?;
        text.push_str(&format!(
            "{},Département,{},{},{},\"{}\",{},{}\n",
            circ.departement(),
            circ,
            circ.number(),
            commune,
            b.commune,
            number,
            b.code
        ));
    }
    std::fs::write(path, text)?;
    Ok(())
}

fn time_command(
    runs: usize,
    mut setup: impl FnMut() -> Res<()>,
    mut command: impl FnMut() -> std::process::Command,
) -> Res<Duration> {
    let mut samples = Vec::new();
    for _ in 0..runs {
        samples.push(time_once(&mut setup, &mut command)?);
    }
    samples.sort();
    Ok(samples[samples.len() / 2])
}

fn time_once(
    setup: &mut impl FnMut() -> Res<()>,
    command: &mut impl FnMut() -> std::process::Command,
) -> Res<Duration> {
    setup()?;
    let mut cmd = command();
    let start = Instant::now();
    let out = cmd.output()?;
    let took = start.elapsed();
    if !out.status.success() {
        return Err(format!("{cmd:?} failed: {}", String::from_utf8_lossy(&out.stderr)).into());
    }
    Ok(took)
}

/// Medians of `a` and `b` run alternately `runs` times each, so that both see the same load.
fn time_pair(
    runs: usize,
    mut setup: impl FnMut() -> Res<()>,
    mut a: impl FnMut() -> std::process::Command,
    mut b: impl FnMut() -> std::process::Command,
) -> Res<(Duration, Duration)> {
    let (mut sa, mut sb) = (Vec::new(), Vec::new());
    for _ in 0..runs {
        sa.push(time_once(&mut setup, &mut a)?);
        sb.push(time_once(&mut setup, &mut b)?);
    }
    sa.sort();
    sb.sort();
    Ok((sa[sa.len() / 2], sb[sb.len() / 2]))
}

fn imports() -> Res<()> {
    let constat = env!("CARGO_BIN_EXE_constat");
    let dir = tempfile::tempdir()?;
    let d = dir.path();
    let candidates = d.join("candidats.csv");
    let bureaux = d.join("bureaux.csv");
    write_candidates(&candidates)?;
    write_bureaux(&bureaux)?;
    let db = d.join("nat.db");
    let raw = d.join("raw.db");
    let fresh = || -> Res<()> {
        for p in [&db, &raw] {
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", p.display()));
            }
        }
        let out = std::process::Command::new(constat)
            .arg("--db")
            .arg(&db)
            .args([
                "init",
                "--election",
                "legislatives-2024",
                "--observer",
                "bench",
            ])
            .output()?;
        if !out.status.success() {
            return Err("init failed".into());
        }
        Ok(())
    };
    let runs: usize = std::env::var("CONSTAT_BENCH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(5);
    println!(
        "\nimport, median of {runs} runs alternating constat and sqlite3, each into a fresh database (process start included):"
    );
    println!("| file | rows | constat import | sqlite3 .import | ratio |");
    println!("|---|---|---|---|---|");
    for (what, file, rows, sep) in [
        ("candidates", &candidates, 7_877, ";"),
        ("bureaux", &bureaux, 69_000, ","),
    ] {
        let (ours, floor) = time_pair(
            runs,
            fresh,
            || {
                let mut c = std::process::Command::new(constat);
                c.arg("--db").arg(&db).args(["import", what]).arg(file);
                c
            },
            || {
                let mut c = std::process::Command::new("sqlite3");
                c.arg(&raw)
                    .arg(format!(".separator \"{sep}\""))
                    .arg(format!(".import {} t", file.display()));
                c
            },
        )?;
        println!(
            "| {what} (generated) | {rows} | {:.0} ms | {:.0} ms | {:.2}× |",
            ours.as_secs_f64() * 1e3,
            floor.as_secs_f64() * 1e3,
            ours.as_secs_f64() / floor.as_secs_f64()
        );
    }
    // The real national files, when ../shared is beside the project.
    let official = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/official");
    for (file, election) in [
        (
            "lg2024-resultats-circonscriptions-une-ligne-par-candidat2.csv",
            "legislatives-2024",
        ),
        ("Leg_2017_Resultats_T1_c.xlsx", "legislatives-2017"),
    ] {
        let path = official.join(file);
        if !path.exists() {
            println!("(not found: {})", path.display());
            continue;
        }
        let init = || -> Res<()> {
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
            }
            std::process::Command::new(constat)
                .arg("--db")
                .arg(&db)
                .args(["init", "--election", election])
                .output()?;
            Ok(())
        };
        let ours = time_command(runs, init, || {
            let mut c = std::process::Command::new(constat);
            c.arg("--db")
                .arg(&db)
                .args(["import", "candidates"])
                .arg(&path);
            c
        })?;
        println!(
            "| {file} (real) | | {:.0} ms | | |",
            ours.as_secs_f64() * 1e3
        );
    }
    Ok(())
}

/// Interface start-up on a national database: open, build the model of the current bureau's
/// circonscription, draw the first frame.
fn startup(events: u64) -> Res<()> {
    use constat::domain::chain;
    use constat::domain::referential::ElectionData;
    use constat::domain::{
        Candidate, Election, ElectionKind, Event, EventBody, EventId, Item, Mark, ObserverId,
        Panel, Sex,
    };
    use constat::storage::{LocalObserver, Store};

    let dir = tempfile::tempdir()?;
    // CONSTAT_BENCH_DB=FILE keeps the national database there and reuses it when it exists.
    let kept = std::env::var_os("CONSTAT_BENCH_DB").map(std::path::PathBuf::from);
    let path = kept
        .clone()
        .unwrap_or_else(|| dir.path().join("national.db"));
    if kept.as_ref().is_some_and(|p| p.exists()) {
        return time_startup(&path);
    }
    let mut referential = national_referential()?;
    let circs: Vec<_> = referential.circonscriptions.keys().cloned().collect();
    for (i, c) in circs.iter().enumerate() {
        let n = 13 + i % 2;
        referential.candidates.insert(
            c.clone(),
            (1..=n)
                .map(|p| {
                    Ok(Candidate {
                        circonscription: c.clone(),
                        panel: Panel::new(p as u16)?,
                        surname: format!("NOM{p}"),
                        given_name: "Prénom".into(),
                        sex: Sex::F,
                        nuance: "DIV".into(),
                    })
                })
                .collect::<Res<Vec<_>>>()?,
        );
    }
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
        name: "Observatrice".into(),
    };
    let t = Instant::now();
    let store = Store::create_with_keys(
        &path,
        &data,
        &me,
        chrono::DateTime::from_timestamp(1_700_000_000, 0).unwrap_or_default(),
        &keys_of(&path),
    )?;
    let bureau = data
        .referential
        .bureaux
        .keys()
        .nth(12_345)
        .ok_or("bureau")?
        .clone();
    store.set_current_bureau(&bureau)?;
    drop(store);
    {
        let mut conn = rusqlite::Connection::open_with_flags(
            &path,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE,
        )?;
        conn.pragma_update(None, "synchronous", "OFF")?;
        let tx = conn.transaction()?;
        {
            let mut stmt = tx.prepare(
                "INSERT INTO event (id, observer, seq, recorded_at, kind, circonscription, bureau, panel, item, value, hash)
                 VALUES (?1, ?2, ?3, ?4, 'tick', ?5, NULL, ?6, ?7, ?8, ?9)",
            )?;
            let observers = 20_000u64;
            let mut previous = vec![chain::GENESIS; observers as usize];
            for n in 0..events {
                let o = n % observers;
                let seq = n / observers + 1;
                let circ = &circs[(o as usize) % circs.len()];
                let event = Event {
                    id: EventId(uuid::Uuid::from_u128(
                        u128::from(o + 10) << 64 | u128::from(seq),
                    )),
                    observer: ObserverId(uuid::Uuid::from_u128(u128::from(o + 10))),
                    seq,
                    recorded_at: chrono::DateTime::from_timestamp(1_700_000_000 + n as i64, 0)
                        .unwrap_or_default(),
                    seen_at: None,
                    body: EventBody::Tick {
                        circonscription: circ.clone(),
                        bureau: None,
                        panel: Panel::new((seq % 13 + 1) as u16)?,
                        item: Item::ALL[(seq % 2) as usize],
                        mark: Mark::Present,
                        note: None,
                        envelope: None,
                    },
                };
                let h = chain::link(&previous[o as usize], &event);
                previous[o as usize] = h;
                if seq == 1 {
                    tx.execute(
                        "INSERT OR IGNORE INTO observer (id, name, is_local, created_at) VALUES (?1, 'x', 0, '2024-01-01')",
                        [event.observer.to_string()],
                    )?;
                }
                stmt.execute(rusqlite::params![
                    event.id.to_string(),
                    event.observer.to_string(),
                    seq as i64,
                    event
                        .recorded_at
                        .to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
                    circ.as_str(),
                    (seq % 13 + 1) as i64,
                    Item::ALL[(seq % 2) as usize].slug(),
                    "present",
                    hex::encode(h),
                ])?;
            }
        }
        tx.commit()?;
    }
    println!(
        "\nstart-up: national database of {events} events and {BUREAUX} bureaux built in {:.0} s",
        t.elapsed().as_secs_f64()
    );
    time_startup(&path)
}

/// Times start-up to the first frame on the national database at `path`, then its keys.
fn time_startup(path: &std::path::Path) -> Res<()> {
    let mut samples = Vec::new();
    let mut stages = Vec::new();
    for _ in 0..10 {
        let start = Instant::now();
        let store = constat::storage::Store::open_with_keys(path, Some(&keys_of(path)))?;
        let opened = start.elapsed();
        let model = constat::tui::runtime::load_model(
            &store,
            constat::i18n::Lang::Fr,
            constat::tui::theme::Theme { color: true },
        )?;
        let loaded = start.elapsed();
        let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24))?;
        terminal.draw(|f| constat::tui::view::draw(&model, f))?;
        samples.push(start.elapsed());
        stages.push((opened, loaded - opened, start.elapsed() - loaded));
    }
    stages.sort();
    println!(
        "start-up stages (median run by open time): open {:.1} ms, model {:.1} ms, first frame {:.1} ms",
        stages[5].0.as_secs_f64() * 1e3,
        stages[5].1.as_secs_f64() * 1e3,
        stages[5].2.as_secs_f64() * 1e3
    );
    samples.sort();
    println!(
        "start-up to first frame (open, load the current circonscription, draw 80×24): median {:.1} ms, max {:.1} ms (10 runs)",
        samples[5].as_secs_f64() * 1e3,
        samples[9].as_secs_f64() * 1e3
    );
    keys_at_national_scale(path)
}

/// Keys on the national database, each handled (effects run against the real store) and the next
/// 80×24 frame drawn: a cursor move, a screen switch, the summary (which reads the
/// circonscription's bureaux, its observers' names and the chain digest), a saved tick.
fn keys_at_national_scale(path: &std::path::Path) -> Res<()> {
    use constat::tui::message::{Direction, Message};
    use constat::tui::model::Screen;
    use constat::tui::runtime::dispatch;

    let mut store = constat::storage::Store::open_with_keys(path, Some(&keys_of(path)))?;
    let mut model = constat::tui::runtime::load_model(
        &store,
        constat::i18n::Lang::Fr,
        constat::tui::theme::Theme { color: true },
    )?;
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24))?;
    let mut shown = Vec::with_capacity(10);
    for _ in 0..10 {
        dispatch(&mut model, &mut store, Message::Show(Screen::Envelope));
        let start = Instant::now();
        constat::tui::runtime::dispatch_deferring(
            &mut model,
            &mut store,
            Message::Show(Screen::Summary),
        );
        terminal.draw(|f| constat::tui::view::draw(&model, f))?;
        shown.push(start.elapsed());
        constat::tui::runtime::prepare_summary(&mut model, &mut store);
    }
    shown.sort();
    println!(
        "key 3 handled and drawn, the summary saying it is being prepared (as the interface does): median {:.2} ms, max {:.2} ms (10 runs)",
        shown[5].as_secs_f64() * 1e3,
        shown[9].as_secs_f64() * 1e3
    );
    let mut time = |label: &str, msgs: &dyn Fn(usize) -> Vec<Message>, runs: usize| -> Res<()> {
        let mut samples = Vec::with_capacity(runs);
        for i in 0..runs {
            let start = Instant::now();
            for msg in msgs(i) {
                dispatch(&mut model, &mut store, msg);
            }
            terminal.draw(|f| constat::tui::view::draw(&model, f))?;
            samples.push(start.elapsed());
        }
        samples.sort();
        println!(
            "{label}: median {:.2} ms, max {:.2} ms ({runs} runs)",
            samples[runs / 2].as_secs_f64() * 1e3,
            samples[runs - 1].as_secs_f64() * 1e3
        );
        Ok(())
    };
    time(
        "key ↓ handled and drawn (envelope screen)",
        &|i| {
            vec![Message::Move(if i % 10 == 9 {
                Direction::Top
            } else {
                Direction::Down
            })]
        },
        200,
    )?;
    time(
        "key 1/2 handled and drawn (switch envelope ↔ bureau screen)",
        &|i| {
            vec![Message::Show(if i % 2 == 0 {
                Screen::Bureau
            } else {
                Screen::Envelope
            })]
        },
        200,
    )?;
    time(
        "key 3 handled and drawn (summary prepared from the store)",
        &|_| {
            vec![
                Message::Show(Screen::Envelope),
                Message::Show(Screen::Summary),
            ]
        },
        10,
    )?;
    time(
        "key p handled, saved (fsync) and drawn (envelope screen)",
        &|i| {
            vec![
                Message::Show(Screen::Envelope),
                Message::Move(Direction::Top),
                Message::Set(if i % 2 == 0 {
                    constat::domain::Mark::Absent
                } else {
                    constat::domain::Mark::Present
                }),
            ]
        },
        50,
    )?;
    changes_polled(&mut model, &mut store, &mut terminal)
}

/// The open interface's poll for other writers (issue 16, point 12): `PRAGMA data_version`
/// alone, a key with the poll before it (as the runtime does), and another connection's tick
/// taken in (poll, the observer's events of the circonscription read and folded again, drawn).
fn changes_polled(
    model: &mut constat::tui::model::Model,
    store: &mut constat::storage::Store,
    terminal: &mut ratatui::Terminal<ratatui::backend::TestBackend>,
) -> Res<()> {
    use constat::tui::message::{Direction, Message};
    use constat::tui::runtime::{dispatch, take_outside_changes};

    let report = |label: &str, mut samples: Vec<Duration>| {
        samples.sort();
        let runs = samples.len();
        println!(
            "{label}: median {:.3} ms, max {:.3} ms ({runs} runs)",
            samples[runs / 2].as_secs_f64() * 1e3,
            samples[runs - 1].as_secs_f64() * 1e3
        );
    };
    let mut version = None;
    take_outside_changes(model, store, &mut version);
    let mut samples = Vec::with_capacity(1000);
    for _ in 0..1000 {
        let start = Instant::now();
        take_outside_changes(model, store, &mut version);
        samples.push(start.elapsed());
    }
    report(
        "change poll alone (PRAGMA data_version, nothing new)",
        samples,
    );
    let mut samples = Vec::with_capacity(200);
    for i in 0..200 {
        let start = Instant::now();
        take_outside_changes(model, store, &mut version);
        let dir = if i % 10 == 9 {
            Direction::Top
        } else {
            Direction::Down
        };
        dispatch(model, store, Message::Move(dir));
        terminal.draw(|f| constat::tui::view::draw(model, f))?;
        samples.push(start.elapsed());
    }
    report(
        "key ↓ with the change poll before it, handled and drawn",
        samples,
    );
    let mut other =
        constat::storage::Store::open_with_keys(store.path(), Some(&keys_of(store.path())))?;
    let mut samples = Vec::with_capacity(20);
    for i in 0..20 {
        let mark = if i % 2 == 0 {
            constat::domain::Mark::Absent
        } else {
            constat::domain::Mark::Present
        };
        let panel = model
            .candidates
            .first()
            .map(|c| c.panel)
            .ok_or("no candidate")?;
        let body = model
            .sheet()
            .tick(
                panel,
                constat::domain::Item::Courrier,
                mark,
                constat::domain::session::NoteChange::Keep,
            )
            .map_err(|r| format!("{r:?}"))?
            .ok_or("no tick")?;
        constat::app::append(&mut other, body)?;
        let start = Instant::now();
        take_outside_changes(model, store, &mut version);
        terminal.draw(|f| constat::tui::view::draw(model, f))?;
        samples.push(start.elapsed());
    }
    report(
        "another writer's tick taken in (poll, reload of the observer's events, drawn)",
        samples,
    );
    Ok(())
}

/// The bench's observer has a fixed id: its key file is kept in a folder beside the bench's
/// database (`FILE.keys`), never in the user's key folder, where a key left by another run under
/// the same id would be refused ("a key file is already there").
fn keys_of(db: &std::path::Path) -> constat::storage::KeyDir {
    constat::storage::KeyDir::at(db.with_extension("keys"))
}

fn main() -> Res<()> {
    println!(
        "machine: {} cores",
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
    // CONSTAT_BENCH_ONLY=imports times the imports alone (no picker, no national database).
    let only = std::env::var("CONSTAT_BENCH_ONLY").unwrap_or_default();
    if only == "imports" {
        return imports();
    }
    if only == "startup" {
        return startup(3_000_000);
    }
    picker()?;
    imports()?;
    let events = if std::env::var_os("CONSTAT_BENCH_SMALL").is_some() {
        300_000
    } else {
        3_000_000
    };
    startup(events)?;
    Ok(())
}
