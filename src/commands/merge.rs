//! `constat merge --into TARGET FILE_OR_DIR…`: observers' databases and events CSV files into one
//! database, each file checked and merged in one transaction, with progress and a summary.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use indicatif::{ProgressBar, ProgressStyle};

use super::Context;
use crate::cli::MergeArgs;
use crate::domain::ObserverId;
use crate::error::Error;
use crate::export::events_csv;
use crate::i18n::Localize;
use crate::storage::{MergeOptions, MergeOutcome, MergeRejection, Refusal, Store};

/// What happened to one input file.
struct FileResult {
    path: PathBuf,
    outcome: Result<MergeOutcome, String>,
}

/// Every file under `inputs` (folders searched recursively: a folder's files in name order, then its
/// subfolders), skipping SQLite's
/// `-wal`/`-shm` companions and the target itself.
fn collect(inputs: &[PathBuf], target: &Path) -> Result<Vec<PathBuf>, Error> {
    let target = target.canonicalize().ok();
    let mut out = Vec::new();
    let mut stack: Vec<PathBuf> = inputs.iter().rev().cloned().collect();
    while let Some(p) = stack.pop() {
        let meta = std::fs::metadata(&p).map_err(|source| Error::Io {
            path: p.clone(),
            context: crate::error::IoContext::ReadingInput,
            source,
        })?;
        if meta.is_dir() {
            let mut children: Vec<PathBuf> = std::fs::read_dir(&p)
                .map_err(|source| Error::Io {
                    path: p.clone(),
                    context: crate::error::IoContext::ReadingInput,
                    source,
                })?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .collect();
            // A folder's own files first, then its subfolders, each in name order.
            children.sort_by_key(|c| (c.is_dir(), c.clone()));
            stack.extend(children.into_iter().rev());
        } else {
            let name = p.to_string_lossy();
            if name.ends_with("-wal") || name.ends_with("-shm") || name.ends_with("-journal") {
                continue;
            }
            if target.is_some() && p.canonicalize().ok() == target {
                continue;
            }
            out.push(p);
        }
    }
    Ok(out)
}

/// Is the file an events CSV (by its first bytes)?
fn is_events_csv(path: &Path) -> bool {
    let mut head = [0u8; 64];
    let n = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .unwrap_or(0);
    let head = &head[..n];
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    head.starts_with(b"election,id,observer,")
}

fn merge_csv(
    store: &mut Store,
    path: &Path,
    options: MergeOptions,
    progress: &mut dyn FnMut(u64),
) -> Result<MergeOutcome, MergeRejection> {
    // First pass: the election and the observers' names (small), and every row checked.
    let open = || {
        std::fs::File::open(path)
            .map_err(|e| MergeRejection::Refused(Refusal::Unreadable(e.into())))
    };
    let mut election: Option<String> = None;
    let mut observers: BTreeMap<ObserverId, String> = BTreeMap::new();
    events_csv::read(open()?, &mut |row| {
        match &election {
            None => election = Some(row.election.clone()),
            Some(e) if e != &row.election => {
                return Err(events_csv::RowError {
                    line: row.line,
                    column: "election",
                    why: events_csv::RowWhy::OtherElection {
                        found: row.election.clone(),
                        first: e.clone(),
                    },
                });
            }
            Some(_) => {}
        }
        observers
            .entry(row.event.observer)
            .or_insert(row.observer_name);
        Ok(())
    })
    .map_err(MergeRejection::Row)?;
    let Some(election) = election else {
        return Ok(MergeOutcome::default());
    };
    let observers: Vec<(ObserverId, String)> = observers.into_iter().collect();
    let mut source = |sink: &mut dyn FnMut(
        crate::domain::Event,
        crate::domain::chain::Hash,
    ) -> Result<(), MergeRejection>| {
        let mut failure: Option<MergeRejection> = None;
        let read = events_csv::read(open()?, &mut |row| {
            sink(row.event, row.hash).map_err(|e| {
                failure = Some(e);
                events_csv::RowError {
                    line: row.line,
                    column: "id",
                    why: events_csv::RowWhy::Refused,
                }
            })
        });
        match (read, failure) {
            (_, Some(f)) => Err(f),
            (Err(e), None) => Err(MergeRejection::Row(e)),
            (Ok(()), None) => Ok(()),
        }
    };
    store.merge_events(&election, &observers, options, &mut source, progress)
}

/// `constat merge`.
pub fn run(args: &MergeArgs, ctx: &mut Context<'_>) -> Result<(), Error> {
    let cat = ctx.lang.catalog();
    let mut store = Store::open(&args.into)?;
    let files = collect(&args.inputs, &args.into)?;
    let options = MergeOptions {
        now: crate::app::now(),
        strict: args.strict,
    };
    let bar = ProgressBar::new(files.len() as u64);
    bar.set_style(
        ProgressStyle::with_template("{bar:30} {pos}/{len} {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    store.begin_merge(options)?;
    let (mut merged, mut rejected) = (0u64, 0usize);
    let mut results = Vec::new();
    let mut aborted = false;
    for path in &files {
        let base = merged;
        let mut progress = |n: u64| bar.set_message((cat.merge_progress)(base + n, rejected));
        let outcome = if is_events_csv(path) {
            merge_csv(&mut store, path, options, &mut progress)
        } else {
            store.merge_database(path, options, &mut progress)
        };
        match &outcome {
            Ok(o) => merged += o.new,
            Err(_) => rejected += 1,
        }
        bar.inc(1);
        bar.set_message((cat.merge_progress)(merged, rejected));
        let failed = outcome.is_err();
        results.push(FileResult {
            path: path.clone(),
            outcome: outcome.map_err(|e| e.text(ctx.lang)),
        });
        if failed && args.strict {
            aborted = true;
            break;
        }
    }
    bar.finish_and_clear();
    store.finish_merge(options, aborted)?;
    print_summary(&results, ctx);
    if aborted {
        return Err(Error::MergeAborted(args.into.clone()));
    }
    Ok(())
}

fn print_summary(results: &[FileResult], ctx: &mut Context<'_>) {
    let cat = ctx.lang.catalog();
    let width = results
        .iter()
        .map(|r| r.path.display().to_string().chars().count())
        .chain([cat.merge_col_file.chars().count()])
        .max()
        .unwrap_or(0);
    ctx.say(&format!(
        "{:<width$}  {:>8}  {:>8}  {}",
        cat.merge_col_file, cat.merge_col_new, cat.merge_col_already, cat.merge_col_rejected
    ));
    let (mut new, mut already, mut rejected) = (0u64, 0u64, 0usize);
    for r in results {
        let name = r.path.display().to_string();
        let line = match &r.outcome {
            Ok(o) => {
                new += o.new;
                already += o.already;
                let mut line = format!("{name:<width$}  {:>8}  {:>8}  -", o.new, o.already);
                for w in &o.warnings {
                    let w = w.text(ctx.lang);
                    line.push_str(&format!("\n{:width$}  ⚠ {w}", ""));
                }
                line
            }
            Err(why) => {
                rejected += 1;
                format!("{name:<width$}  {:>8}  {:>8}  {why}", 0, 0)
            }
        };
        ctx.say(&line);
    }
    ctx.say(&(cat.merge_total)(results.len(), new, already, rejected));
}
