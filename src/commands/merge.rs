//! `constat merge --into TARGET FILE_OR_DIR…`: observers' databases and events CSV files into one
//! database, each file checked and merged in one transaction, with progress and a summary.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use indicatif::{ProgressBar, ProgressStyle};

use super::Context;
use crate::cli::MergeArgs;
use crate::domain::ObserverId;
use crate::domain::outside::escape;
use crate::error::Error;
use crate::export::events_csv;
use crate::i18n::{Localize, Message};
use crate::storage::{
    MergeOptions, MergeOutcome, MergeRejection, NotRegular, Store, SystemProblem, open_regular,
};

/// What happened to one input file.
struct FileResult {
    path: PathBuf,
    outcome: Outcome,
}

/// A file merged, a file refused (the reason in the user's language), or an entry not read.
enum Outcome {
    Merged(MergeOutcome),
    Refused(String),
    Skipped(String),
}

/// Why an entry of the inputs is not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Skip {
    /// Not a regular file: a FIFO (reading it would hang), a socket, a device.
    NotRegular(NotRegular),
    /// A link or folder already walked: a loop.
    Loop,
    /// A link to nothing.
    Dangling,
    /// A link out of the inbox, not followed without `--follow-symlinks`.
    Outside(PathBuf),
    /// Its type or its entries cannot be read.
    Unreadable(SystemProblem),
}

impl Localize for Skip {
    fn message(&self) -> Message<'_> {
        match self {
            Self::NotRegular(kind) => Message::new("reason-skipped-not-regular").arg("kind", kind),
            Self::Loop => Message::new("reason-skipped-loop"),
            Self::Dangling => Message::new("reason-skipped-dangling"),
            Self::Outside(target) => {
                Message::new("reason-skipped-outside").arg("target", target.display().to_string())
            }
            Self::Unreadable(why) => Message::new("reason-skipped-unreadable").arg("why", why),
        }
    }
}

/// An entry of the inputs: a regular file to merge, or an entry not read and why.
enum Entry {
    File(PathBuf),
    Skipped(PathBuf, Skip),
}

/// Every regular file under `inputs` (folders searched recursively: a folder's files in name
/// order, then its subfolders), skipping SQLite's `-wal`/`-shm` companions and the target
/// itself. Only regular files are taken; anything else, loops, links to nothing, unreadable
/// entries and (without `follow`) links that lead out of the input folder are listed as skipped.
/// The inputs named on the command line are followed when they are links.
fn collect(inputs: &[PathBuf], target: &Path, follow: bool) -> Vec<Entry> {
    use std::collections::HashSet;
    let target = target.canonicalize().ok();
    let mut out = Vec::new();
    let mut walked: HashSet<PathBuf> = HashSet::new();
    // (path, the input folder it was found in, if any)
    let mut stack: Vec<(PathBuf, Option<PathBuf>)> =
        inputs.iter().rev().map(|p| (p.clone(), None)).collect();
    while let Some((p, root)) = stack.pop() {
        let kind = match std::fs::symlink_metadata(&p) {
            Ok(m) => m.file_type(),
            Err(e) => {
                out.push(Entry::Skipped(p, Skip::Unreadable(e.into())));
                continue;
            }
        };
        let meta = if kind.is_symlink() {
            let real = match p.canonicalize() {
                Ok(real) => real,
                Err(e) if e.raw_os_error() == Some(ELOOP) => {
                    out.push(Entry::Skipped(p, Skip::Loop));
                    continue;
                }
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    out.push(Entry::Skipped(p, Skip::Dangling));
                    continue;
                }
                Err(e) => {
                    out.push(Entry::Skipped(p, Skip::Unreadable(e.into())));
                    continue;
                }
            };
            if let Some(root) = &root
                && !follow
                && !real.starts_with(root)
            {
                out.push(Entry::Skipped(p, Skip::Outside(real)));
                continue;
            }
            match std::fs::metadata(&real) {
                Ok(m) => m,
                Err(e) => {
                    out.push(Entry::Skipped(p, Skip::Unreadable(e.into())));
                    continue;
                }
            }
        } else {
            match std::fs::symlink_metadata(&p) {
                Ok(m) => m,
                Err(e) => {
                    out.push(Entry::Skipped(p, Skip::Unreadable(e.into())));
                    continue;
                }
            }
        };
        if meta.is_dir() {
            let real = match p.canonicalize() {
                Ok(real) => real,
                Err(e) => {
                    out.push(Entry::Skipped(p, Skip::Unreadable(e.into())));
                    continue;
                }
            };
            if !walked.insert(real.clone()) {
                out.push(Entry::Skipped(p, Skip::Loop));
                continue;
            }
            let entries = match std::fs::read_dir(&p) {
                Ok(entries) => entries,
                Err(e) => {
                    out.push(Entry::Skipped(p, Skip::Unreadable(e.into())));
                    continue;
                }
            };
            let mut children: Vec<(bool, PathBuf)> = Vec::new();
            for e in entries {
                match e {
                    Ok(e) => {
                        let path = e.path();
                        children.push((e.file_type().is_ok_and(|t| t.is_dir()), path));
                    }
                    Err(e) => out.push(Entry::Skipped(p.clone(), Skip::Unreadable(e.into()))),
                }
            }
            // A folder's own files first, then its subfolders, each in name order.
            children.sort();
            let root = root.clone().unwrap_or(real);
            stack.extend(
                children
                    .into_iter()
                    .rev()
                    .map(|(_, c)| (c, Some(root.clone()))),
            );
        } else if let Some(kind) = NotRegular::of(meta.file_type()) {
            out.push(Entry::Skipped(p, Skip::NotRegular(kind)));
        } else {
            let name = p.to_string_lossy();
            if name.ends_with("-wal") || name.ends_with("-shm") || name.ends_with("-journal") {
                continue;
            }
            if target.is_some() && p.canonicalize().ok() == target {
                continue;
            }
            out.push(Entry::File(p));
        }
    }
    out
}

/// The OS's "too many levels of symbolic links".
#[cfg(unix)]
const ELOOP: i32 = libc::ELOOP;
#[cfg(not(unix))]
const ELOOP: i32 = -1;

/// Is the file an events CSV (by its first bytes, in a spreadsheet's dialect too)?
fn is_events_csv(path: &Path) -> bool {
    let mut head = [0u8; 64];
    let n = open_regular(path)
        .ok()
        .and_then(|mut f| f.read(&mut head).ok())
        .unwrap_or(0);
    crate::export::spreadsheet::is_events_csv(&head[..n])
}

fn merge_csv(
    store: &mut Store,
    path: &Path,
    options: MergeOptions,
    progress: &mut dyn FnMut(u64),
) -> Result<MergeOutcome, MergeRejection> {
    // First pass: the election and the observers' names (small), and every row checked.
    let open = || open_regular(path).map_err(MergeRejection::Refused);
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
    if let Some(pages) = std::env::var("CONSTAT_TEST_TARGET_MAX_PAGES")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        store.limit_growth_for_tests(pages)?;
    }
    let entries = collect(&args.inputs, &args.into, args.follow_symlinks);
    let options = MergeOptions {
        now: crate::app::now(),
        strict: args.strict,
    };
    let bar = ProgressBar::new(entries.len() as u64);
    bar.set_style(
        ProgressStyle::with_template("{bar:30} {pos}/{len} {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    store.begin_merge(options)?;
    let (mut merged, mut rejected) = (0u64, 0usize);
    let mut results = Vec::new();
    let mut aborted = false;
    let mut target_failed = None;
    let total = entries.len();
    for (done, entry) in entries.into_iter().enumerate() {
        let path = match entry {
            Entry::File(path) => path,
            Entry::Skipped(path, why) => {
                bar.inc(1);
                results.push(FileResult {
                    path,
                    outcome: Outcome::Skipped(why.text(ctx.lang)),
                });
                if args.strict {
                    aborted = true;
                    break;
                }
                continue;
            }
        };
        let base = merged;
        let mut progress = |n: u64| bar.set_message((cat.merge_progress)(base + n, rejected));
        let outcome = if is_events_csv(&path) {
            merge_csv(&mut store, &path, options, &mut progress)
        } else {
            store.merge_database(&path, options, &mut progress)
        };
        bar.inc(1);
        match outcome {
            Ok(o) => {
                merged += o.new;
                results.push(FileResult {
                    path,
                    outcome: Outcome::Merged(o),
                });
            }
            // The target's failure is not the file's: stop at once.
            Err(e) if e.is_target_failure() => {
                target_failed = Some((path, e, total - done - 1));
                aborted = true;
                break;
            }
            Err(e) => {
                rejected += 1;
                results.push(FileResult {
                    path,
                    outcome: Outcome::Refused(e.text(ctx.lang)),
                });
                if args.strict {
                    aborted = true;
                    break;
                }
            }
        }
        bar.set_message((cat.merge_progress)(merged, rejected));
    }
    bar.finish_and_clear();
    let finished = store.finish_merge(options, aborted);
    print_summary(&results, ctx);
    if let Some((file, why, left)) = target_failed {
        return Err(Error::MergeTargetFailed {
            target: args.into.clone(),
            file,
            why,
            merged: if args.strict {
                0
            } else {
                results
                    .iter()
                    .filter(|r| matches!(r.outcome, Outcome::Merged(_)))
                    .count()
            },
            left,
            strict: args.strict,
        });
    }
    finished?;
    if aborted {
        return Err(Error::MergeAborted(args.into.clone()));
    }
    Ok(())
}

fn print_summary(results: &[FileResult], ctx: &mut Context<'_>) {
    let cat = ctx.lang.catalog();
    let width = results
        .iter()
        .map(|r| escape(&r.path.display().to_string()).chars().count())
        .chain([cat.merge_col_file.chars().count()])
        .max()
        .unwrap_or(0);
    ctx.say(&format!(
        "{:<width$}  {:>8}  {:>8}  {}",
        cat.merge_col_file, cat.merge_col_new, cat.merge_col_already, cat.merge_col_rejected
    ));
    let (mut new, mut already, mut rejected, mut skipped) = (0u64, 0u64, 0usize, 0usize);
    let mut files = 0;
    for r in results {
        let name = escape(&r.path.display().to_string()).into_owned();
        let line = match &r.outcome {
            Outcome::Merged(o) => {
                files += 1;
                new += o.new;
                already += o.already;
                let mut line = format!("{name:<width$}  {:>8}  {:>8}  -", o.new, o.already);
                for w in &o.warnings {
                    let w = escape(&w.text(ctx.lang)).into_owned();
                    line.push_str(&format!("\n{:width$}  ⚠ {w}", ""));
                }
                line
            }
            Outcome::Refused(why) => {
                files += 1;
                rejected += 1;
                format!("{name:<width$}  {:>8}  {:>8}  {}", 0, 0, escape(why))
            }
            Outcome::Skipped(why) => {
                skipped += 1;
                format!("{name:<width$}  {:>8}  {:>8}  {}", "-", "-", escape(why))
            }
        };
        ctx.say(&line);
    }
    ctx.say(&(cat.merge_total)(files, new, already, rejected));
    if skipped > 0 {
        ctx.say(
            &Message::new("reason-skipped-total")
                .arg("count", skipped)
                .render(ctx.lang),
        );
    }
}
