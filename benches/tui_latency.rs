//! Interface latency: how long one frame of the grid takes to draw, and how long a key press takes
//! to be saved (committed and fsynced) and shown.
//!
//! Run with `cargo bench --bench tui_latency` (release profile). No harness: a plain `main` timing
//! with [`Instant`], printing the median and the 95th percentile of each case.
//!
//! Cases:
//! - frame: `Terminal::draw` with [`constat::tui::view::draw`] on a `TestBackend`, the
//!   22-candidate grid of the Paris sample with its 2017 record entered, at 80×24 and 160×48.
//!   The cursor moves between frames so that each frame has something to redraw.
//! - key → saved: [`constat::tui::runtime::dispatch`] of `Message::Cycle` on a real database file
//!   (WAL, `synchronous=FULL`): `update`, the commit and its fsync, and the `Saved` message.
//!   The cursor moves between iterations (untimed), so every press writes one event.
//! - key → saved → redrawn: the same, plus drawing the next frame at 80×24.
//! - fsync alone: writing 4 KiB to a file and `sync_data`, in the same folder, overwriting in
//!   place and appending, to show what bounds the save.
//!
//! The database lives in the system's temporary folder, or in `$CONSTAT_BENCH_DIR` when set (to
//! measure another disk).

use std::error::Error;
use std::fs::{File, OpenOptions};
use std::io::{Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use constat::app::new_event_id;
use constat::domain::ObserverId;
use constat::i18n::Lang;
use constat::storage::{LocalObserver, Store};
use constat::tui::message::{Direction, Message};
use constat::tui::model::{Model, SaveStatus, Screen};
use constat::tui::runtime::{dispatch, load_model};
use constat::tui::theme::Theme;
use constat::tui::view::draw;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

type Res<T> = Result<T, Box<dyn Error>>;

const SAMPLE: &str = "paris-1-2017";
const BUREAU: &str = "75056_0911";
const FRAME_WARMUP: usize = 200;
const FRAME_RUNS: usize = 2_000;
const SAVE_WARMUP: usize = 20;
const SAVE_RUNS: usize = 500;
const FSYNC_RUNS: usize = 200;

/// One measured case.
struct Row {
    case: String,
    runs: usize,
    median: Duration,
    p95: Duration,
    max: Duration,
}

impl Row {
    fn new(case: &str, mut samples: Vec<Duration>) -> Self {
        samples.sort_unstable();
        let runs = samples.len();
        let at = |q: f64| -> Duration {
            if runs == 0 {
                return Duration::ZERO;
            }
            // Nearest rank: the smallest sample with at least q of the samples at or below it.
            #[allow(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                clippy::cast_precision_loss
            )]
            let rank = ((q * runs as f64).ceil() as usize).clamp(1, runs);
            samples[rank - 1]
        };
        Self {
            case: case.to_owned(),
            runs,
            median: at(0.5),
            p95: at(0.95),
            max: at(1.0),
        }
    }
}

fn main() -> Res<()> {
    let base = match std::env::var_os("CONSTAT_BENCH_DIR").filter(|d| !d.is_empty()) {
        Some(d) => PathBuf::from(d),
        None => std::env::temp_dir(),
    };
    let dir = tempfile::tempdir_in(&base)?;
    let db = dir.path().join("bench.db");
    let mut store = create_store(&db)?;
    let mut model = load_model(&store, Lang::Fr, Theme { color: true })?;
    if model.candidates.len() != 22 {
        return Err(format!("expected 22 candidates, got {}", model.candidates.len()).into());
    }

    let mut rows = Vec::new();
    for screen in Screen::ALL {
        dispatch(&mut model, &mut store, Message::Show(screen));
        let name = format!("{screen:?}").to_lowercase();
        for (w, h) in [(40, 15), (80, 24), (160, 48)] {
            rows.push(Row::new(
                &format!("frame {name} {w}×{h}"),
                frames(&mut model, w, h)?,
            ));
        }
        rows.push(Row::new(
            &format!("key → drawn 80×24 ({name}: ↓)"),
            moves(&mut model, &mut store)?,
        ));
    }
    for screen in [Screen::Envelope, Screen::Bureau] {
        dispatch(&mut model, &mut store, Message::Show(screen));
        let name = format!("{screen:?}").to_lowercase();
        let (saved, shown) = saves(&mut model, &mut store)?;
        rows.push(Row::new(&format!("key → saved, fsync ({name})"), saved));
        rows.push(Row::new(
            &format!("key → saved → redrawn 80×24 ({name})"),
            shown,
        ));
    }
    dispatch(&mut model, &mut store, Message::Show(Screen::Envelope));
    let start = Instant::now();
    dispatch(&mut model, &mut store, Message::Show(Screen::Summary));
    let summary = start.elapsed();
    rows.push(Row::new("key → summary prepared (3)", vec![summary]));
    rows.push(Row::new(
        "fsync, 4 KiB overwritten",
        fsyncs(dir.path(), false)?,
    ));
    rows.push(Row::new("fsync, 4 KiB appended", fsyncs(dir.path(), true)?));
    store.integrity_check()?;

    print_machine(dir.path());
    print_table(&rows);
    Ok(())
}

/// A database from the sample with its 2017 record entered, so the grid is full of marks.
fn create_store(path: &Path) -> Res<Store> {
    let sample = constat::sample::find(SAMPLE).ok_or("the Paris sample is not bundled")?;
    let data = sample.election_data()?;
    let observer = LocalObserver {
        id: ObserverId(uuid::Uuid::new_v4()),
        name: "Bench".to_owned(),
    };
    let now: DateTime<Utc> = DateTime::parse_from_rfc3339("2026-11-24T08:00:00Z")?.into();
    let mut store = Store::create(path, &data, &observer, now)?;
    store.set_current_bureau(&constat::domain::BureauCode::parse(BUREAU)?)?;
    for body in sample.record_ticks()? {
        store.append(new_event_id(), now, body)?;
    }
    Ok(store)
}

/// Moves the cursor to the next cell, row by row then column by column, without saving anything.
fn next_cell(model: &mut Model, store: &mut Store) {
    if model.row + 1 < model.candidates.len() {
        dispatch(model, store, Message::Move(Direction::Down));
    } else {
        dispatch(model, store, Message::Move(Direction::Top));
        if model.col + 1 == model.screen.items().len() {
            for _ in 0..model.col {
                dispatch(model, store, Message::Move(Direction::Left));
            }
        } else {
            dispatch(model, store, Message::Move(Direction::Right));
        }
    }
}

/// Times `FRAME_RUNS` frames at `w`×`h`, the cursor on a different row each time.
fn frames(model: &mut Model, w: u16, h: u16) -> Res<Vec<Duration>> {
    let mut terminal = Terminal::new(TestBackend::new(w, h))?;
    let rows = model.candidates.len();
    let mut samples = Vec::with_capacity(FRAME_RUNS);
    for i in 0..FRAME_WARMUP + FRAME_RUNS {
        model.row = i % rows;
        let start = Instant::now();
        terminal.draw(|frame| draw(model, frame))?;
        let took = start.elapsed();
        if i >= FRAME_WARMUP {
            samples.push(took);
        }
    }
    model.row = 0;
    Ok(samples)
}

/// Times `FRAME_RUNS` cursor moves (a key that saves nothing) handled and drawn at 80×24.
fn moves(model: &mut Model, store: &mut Store) -> Res<Vec<Duration>> {
    let mut terminal = Terminal::new(TestBackend::new(80, 24))?;
    let mut samples = Vec::with_capacity(FRAME_RUNS);
    for i in 0..FRAME_WARMUP + FRAME_RUNS {
        let start = Instant::now();
        dispatch(model, store, Message::Move(Direction::Down));
        if i % model.candidates.len() == 0 {
            dispatch(model, store, Message::Move(Direction::Top));
        }
        terminal.draw(|frame| draw(model, frame))?;
        let took = start.elapsed();
        if i >= FRAME_WARMUP {
            samples.push(took);
        }
    }
    Ok(samples)
}

/// Times `SAVE_RUNS` key presses that each save one tick: the save alone, and save plus redraw.
fn saves(model: &mut Model, store: &mut Store) -> Res<(Vec<Duration>, Vec<Duration>)> {
    let mut terminal = Terminal::new(TestBackend::new(80, 24))?;
    terminal.draw(|frame| draw(model, frame))?;
    let mut saved = Vec::with_capacity(SAVE_RUNS);
    let mut shown = Vec::with_capacity(SAVE_RUNS);
    let before = store.events()?.len();
    for i in 0..SAVE_WARMUP + SAVE_RUNS {
        next_cell(model, store);
        let start = Instant::now();
        dispatch(model, store, Message::Cycle);
        let at_saved = start.elapsed();
        terminal.draw(|frame| draw(model, frame))?;
        let at_shown = start.elapsed();
        if let SaveStatus::Failed(why) = &model.save {
            return Err(format!("save {i} failed: {why}").into());
        }
        if model.save != SaveStatus::Saved {
            return Err(format!("save {i} not confirmed: {:?}", model.save).into());
        }
        if i >= SAVE_WARMUP {
            saved.push(at_saved);
            shown.push(at_shown);
        }
    }
    let written = store.events()?.len() - before;
    if written != SAVE_WARMUP + SAVE_RUNS {
        return Err(format!(
            "{written} events written for {} presses",
            SAVE_WARMUP + SAVE_RUNS
        )
        .into());
    }
    Ok((saved, shown))
}

/// Times writing 4 KiB then `sync_data` on a file in `dir`: the disk's own commit cost. With
/// `append`, each write grows the file, so the file system also commits its size (as when the WAL
/// grows); without, the same 4 KiB are overwritten in place (as when the WAL is reused after a
/// checkpoint).
fn fsyncs(dir: &Path, append: bool) -> Res<Vec<Duration>> {
    let path = dir.join("fsync.probe");
    let mut file: File = OpenOptions::new()
        .create_new(true)
        .read(true)
        .write(true)
        .open(&path)?;
    let block = [0x5a_u8; 4096];
    file.write_all(&block)?;
    file.sync_all()?;
    let mut samples = Vec::with_capacity(FSYNC_RUNS);
    for i in 0..FSYNC_RUNS + 10 {
        if !append {
            file.seek(SeekFrom::Start(0))?;
        }
        let start = Instant::now();
        file.write_all(&block)?;
        file.sync_data()?;
        let took = start.elapsed();
        if i >= 10 {
            samples.push(took);
        }
    }
    drop(file);
    std::fs::remove_file(&path)?;
    Ok(samples)
}

/// Cores, CPU model, and the file system the database was on.
fn print_machine(dir: &Path) {
    let cores = std::thread::available_parallelism().map_or(0, std::num::NonZero::get);
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, v)| v.trim().to_owned())
        })
        .unwrap_or_else(|| "unknown (no /proc/cpuinfo)".to_owned());
    println!(
        "constat tui_latency, {} profile",
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        }
    );
    println!("cores:  {cores}");
    println!("cpu:    {cpu}");
    println!("disk:   {}", file_system(dir));
    println!();
}

/// "DEVICE (TYPE) mounted on MOUNT" for the mount holding `dir`, from `/proc/mounts`.
fn file_system(dir: &Path) -> String {
    let dir = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_owned());
    let Ok(mounts) = std::fs::read_to_string("/proc/mounts") else {
        return format!("{} (file system unknown)", dir.display());
    };
    mounts
        .lines()
        .filter_map(|l| {
            let mut f = l.split_whitespace();
            Some((f.next()?, f.next()?, f.next()?))
        })
        .filter(|(_, mount, _)| dir.starts_with(mount))
        .max_by_key(|(_, mount, _)| mount.len())
        .map_or_else(
            || format!("{} (file system unknown)", dir.display()),
            |(dev, mount, kind)| {
                format!(
                    "{dev} ({kind}) mounted on {mount}, database in {}",
                    dir.display()
                )
            },
        )
}

fn print_table(rows: &[Row]) {
    let width = rows
        .iter()
        .map(|r| r.case.chars().count())
        .max()
        .unwrap_or(0);
    println!(
        "{:<width$}  {:>6}  {:>10}  {:>10}  {:>10}",
        "case", "runs", "median", "p95", "max"
    );
    for r in rows {
        println!(
            "{:<width$}  {:>6}  {:>10}  {:>10}  {:>10}",
            r.case,
            r.runs,
            human(r.median),
            human(r.p95),
            human(r.max)
        );
    }
}

/// `123.4 µs` below a millisecond, `4.56 ms` above.
fn human(d: Duration) -> String {
    let us = d.as_secs_f64() * 1e6;
    if us < 1000.0 {
        format!("{us:.1} µs")
    } else {
        format!("{:.2} ms", us / 1000.0)
    }
}
