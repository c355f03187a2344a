//! Start-up: how long the real binary takes to answer a short command, as a ratio to a floor
//! measured in the same run (spawning `true`), and how long the catalogue takes to build the
//! first time a process uses it (the Fluent files parsed, every text of both languages made).
//!
//! ```sh
//! cargo bench --bench startup
//! # the same commands with another build too, for a before/after comparison:
//! CONSTAT_BENCH_OTHER=/path/to/older/constat cargo bench --bench startup
//! ```
#![allow(missing_docs)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use constat::app::database::create_from_sample;
use constat::i18n::Lang;

type Res<T> = Result<T, Box<dyn std::error::Error>>;

const RUNS: usize = 40;

/// Runs `program args` `RUNS` times (after one warm-up run); the durations, sorted.
fn spawns(program: &Path, args: &[&str]) -> Res<Vec<Duration>> {
    let run = || -> Res<Duration> {
        let start = Instant::now();
        let status = Command::new(program)
            .args(args)
            .env("LANG", "fr_FR.UTF-8")
            .env_remove("CONSTAT_LANG")
            .env_remove("CONSTAT_DB")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()?;
        let took = start.elapsed();
        if !status.success() {
            return Err(format!("{} {args:?} failed: {status}", program.display()).into());
        }
        Ok(took)
    };
    run()?;
    let mut samples = (0..RUNS).map(|_| run()).collect::<Res<Vec<_>>>()?;
    samples.sort();
    Ok(samples)
}

fn median(samples: &[Duration]) -> Duration {
    samples[samples.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1e3)
}

fn main() -> Res<()> {
    // In-process first: this process has not used the catalogue yet.
    let start = Instant::now();
    let _ = constat::i18n::format(Lang::Fr, "col-panel", &[]);
    let bundle = start.elapsed();
    let start = Instant::now();
    let _ = Lang::Fr.catalog();
    let _ = Lang::Fr.journey();
    let _ = Lang::Fr.setup();
    let fr = start.elapsed();
    let start = Instant::now();
    let _ = Lang::En.catalog();
    let _ = Lang::En.journey();
    let en = start.elapsed();
    println!(
        "French Fluent files parsed on first use: {}; then the typed French texts built: {}; \
         English, files and texts: {}",
        ms(bundle),
        ms(fr),
        ms(en)
    );

    let dir = tempfile::tempdir()?;
    let db = dir.path().join("sample.db");
    let mut store = create_from_sample(&db, "paris-1-2017", "Bench", None)?;
    let sample = constat::sample::find("paris-1-2017").ok_or("no sample")?;
    for body in sample.record_events()? {
        constat::app::append(&mut store, body)?;
    }
    drop(store);
    let db_arg = db.to_string_lossy().into_owned();

    let mut builds = vec![("this build", PathBuf::from(env!("CARGO_BIN_EXE_constat")))];
    if let Some(other) = std::env::var_os("CONSTAT_BENCH_OTHER").filter(|o| !o.is_empty()) {
        builds.push(("CONSTAT_BENCH_OTHER", PathBuf::from(other)));
    }
    let floor = median(&spawns(Path::new("true"), &[])?);
    println!("floor (spawning `true`): {} median of {RUNS}", ms(floor));
    println!(
        "{:<20}  {:<44}  {:>10}  {:>10}  {:>8}",
        "build", "command", "median", "max", "× floor"
    );
    let cases: [(&str, Vec<&str>); 4] = [
        ("constat --help", vec!["--help"]),
        (
            "constat --lang en tick --help",
            vec!["--lang", "en", "tick", "--help"],
        ),
        (
            "constat report (sample record)",
            vec!["--db", &db_arg, "report"],
        ),
        (
            "constat pv --bureau 75056_0911",
            vec!["--db", &db_arg, "pv", "--bureau", "75056_0911"],
        ),
    ];
    for (name, program) in &builds {
        for (case, args) in &cases {
            let samples = spawns(program, args)?;
            let m = median(&samples);
            println!(
                "{name:<20}  {case:<44}  {:>10}  {:>10}  {:>7.1}×",
                ms(m),
                ms(samples[samples.len() - 1]),
                m.as_secs_f64() / floor.as_secs_f64()
            );
        }
    }
    Ok(())
}
