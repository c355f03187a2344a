//! `constat merge --into TARGET FILE_OR_DIR…`: observers' databases and events CSV files into one
//! database, each file checked and merged in one transaction, with progress and a summary.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::path::{Path, PathBuf};

use indicatif::{ProgressBar, ProgressStyle};

use super::Context;
use crate::cli::MergeArgs;
use crate::domain::ObserverId;
use crate::domain::fingerprint::Fingerprint;
use crate::domain::outside::escape;
use crate::error::Error;
use crate::i18n::{Localize, Message};
use crate::storage::{
    Claim, MergeOptions, MergeOutcome, MergeRejection, NotRegular, Store, SystemProblem,
    claims_of_csv, claims_of_file, open_regular,
};

/// What happened to one input file.
struct FileResult {
    path: PathBuf,
    outcome: Outcome,
}

/// A file merged, a file refused (the reason, said in every language), or an entry not read.
enum Outcome {
    Merged(MergeOutcome),
    Refused(Said),
    Skipped(String),
}

/// A reason said in every language of the catalogue, with its message id: shown in the user's
/// language and kept in the target for the coordination view (issue 18, night).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Said {
    /// The message id.
    pub code: &'static str,
    /// In French.
    pub fr: String,
    /// In English.
    pub en: String,
}

impl Said {
    /// `m` rendered in every language.
    pub(super) fn of(m: &Message<'_>) -> Self {
        Self {
            code: m.id(),
            fr: m.render(crate::i18n::Lang::Fr),
            en: m.render(crate::i18n::Lang::En),
        }
    }

    /// In `lang`.
    pub(super) fn text(&self, lang: crate::i18n::Lang) -> &str {
        match lang {
            crate::i18n::Lang::Fr => &self.fr,
            crate::i18n::Lang::En => &self.en,
        }
    }
}

/// Keeps the refusal of `path` (content `sha256`, `size`) in the target.
pub(super) fn keep_refusal(
    store: &Store,
    path: &Path,
    sha256: &str,
    size: u64,
    why: &Said,
) -> Result<(), crate::storage::StorageError> {
    let shown = path.display().to_string();
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| shown.clone());
    store.remember_refused(
        &crate::storage::RefusedEntry {
            path: &shown,
            name: &name,
            sha256,
            size,
            reason: why.code,
            text_fr: &why.fr,
            text_en: &why.en,
        },
        crate::app::now(),
    )
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

/// Why a file is refused before anything of it is merged: its keys, against the roster and
/// against the other files (issue 15 point 2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Gate {
    /// With a roster, the file holds an observer whose key is not enrolled.
    NotEnrolled {
        /// The observer's name in the file.
        name: String,
        /// The key's fingerprint.
        fingerprint: Fingerprint,
    },
    /// Another file claims the same observer with another key: neither is merged (the
    /// conflict is listed after the table).
    KeyConflict {
        /// The observer.
        observer: ObserverId,
        /// Its name in this file.
        name: String,
        /// This file's key for it.
        fingerprint: Fingerprint,
    },
    /// A key conflict settled with `--accept-key` for another key.
    NotAccepted {
        /// The observer's name in this file.
        name: String,
        /// This file's key for it.
        fingerprint: Fingerprint,
        /// The key accepted.
        accepted: Fingerprint,
    },
}

impl Localize for Gate {
    fn message(&self) -> Message<'_> {
        match self {
            Self::NotEnrolled { name, fingerprint } => Message::new("merge-gate-not-enrolled")
                .arg("name", escape(name).into_owned())
                .arg("fingerprint", fingerprint.to_string()),
            Self::KeyConflict {
                observer,
                name,
                fingerprint,
            } => Message::new("merge-gate-key-conflict")
                .arg("observer", observer.to_string())
                .arg("name", escape(name).into_owned())
                .arg("fingerprint", fingerprint.to_string()),
            Self::NotAccepted {
                name,
                fingerprint,
                accepted,
            } => Message::new("merge-gate-not-accepted")
                .arg("name", escape(name).into_owned())
                .arg("fingerprint", fingerprint.to_string())
                .arg("accepted", accepted.to_string()),
        }
    }
}

/// Several files claiming one observer with different keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyConflict {
    /// The observer.
    pub observer: ObserverId,
    /// Each claim: the file (its index among the files scanned), the name it gives, the key.
    pub claims: Vec<(usize, String, Fingerprint)>,
    /// The key `--accept-key` chose, when exactly one of the keys was accepted.
    pub settled: Option<Fingerprint>,
}

/// What the keys of the files say before the merge: the files refused (by index) and why, and
/// the key conflicts. `files` are the observers each file claims; `roster` the enrolled keys
/// (empty: no roster); `accepted` the keys of `--accept-key`. With a roster, a file holding a
/// keyed observer whose key is not enrolled is refused and takes no part in conflicts (the
/// roster already settles them); then, for each observer claimed with two keys or more, every
/// file claiming it is refused unless exactly one of those keys is accepted, in which case the
/// files with the other keys are. The order of the files changes nothing.
pub fn gate(
    files: &[Vec<Claim>],
    roster: &BTreeSet<Fingerprint>,
    accepted: &BTreeSet<Fingerprint>,
) -> (BTreeMap<usize, Gate>, Vec<KeyConflict>) {
    let mut refused: BTreeMap<usize, Gate> = BTreeMap::new();
    if !roster.is_empty() {
        for (i, claims) in files.iter().enumerate() {
            let stranger = claims.iter().find_map(|c| {
                c.fingerprint()
                    .filter(|f| !roster.contains(f))
                    .map(|f| (c.name.clone(), f))
            });
            if let Some((name, fingerprint)) = stranger {
                refused.insert(i, Gate::NotEnrolled { name, fingerprint });
            }
        }
    }
    // Every keyed claim of the files still in, by observer.
    let mut by_observer: BTreeMap<ObserverId, Vec<(usize, String, Fingerprint)>> = BTreeMap::new();
    for (i, claims) in files.iter().enumerate() {
        if refused.contains_key(&i) {
            continue;
        }
        for c in claims {
            if let Some(f) = c.fingerprint() {
                by_observer
                    .entry(c.id)
                    .or_default()
                    .push((i, c.name.clone(), f));
            }
        }
    }
    let mut conflicts = Vec::new();
    for (observer, claims) in by_observer {
        let keys: BTreeSet<&Fingerprint> = claims.iter().map(|(_, _, f)| f).collect();
        if keys.len() < 2 {
            continue;
        }
        let chosen: Vec<&&Fingerprint> = keys.iter().filter(|k| accepted.contains(**k)).collect();
        let settled = match chosen.as_slice() {
            [one] => Some((**one).clone()),
            _ => None,
        };
        for (i, name, fingerprint) in &claims {
            let why = match &settled {
                Some(ok) if ok == fingerprint => continue,
                Some(ok) => Gate::NotAccepted {
                    name: name.clone(),
                    fingerprint: fingerprint.clone(),
                    accepted: ok.clone(),
                },
                None => Gate::KeyConflict {
                    observer,
                    name: name.clone(),
                    fingerprint: fingerprint.clone(),
                },
            };
            refused.entry(*i).or_insert(why);
        }
        conflicts.push(KeyConflict {
            observer,
            claims,
            settled,
        });
    }
    (refused, conflicts)
}

/// An entry of the inputs: a regular file to merge, or an entry not read and why.
pub(super) enum Entry {
    File(PathBuf),
    Skipped(PathBuf, Skip),
}

/// Every regular file under `inputs` (folders searched recursively: a folder's files in name
/// order, then its subfolders), skipping SQLite's `-wal`/`-shm` companions and the target
/// itself. Only regular files are taken; anything else, loops, links to nothing, unreadable
/// entries and (without `follow`) links that lead out of the input folder are listed as skipped.
/// The inputs named on the command line are followed when they are links.
pub(super) fn collect(inputs: &[PathBuf], target: &Path, follow: bool) -> Vec<Entry> {
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
    // Read in storage, where each event's signature and each observer's statement are checked
    // (issue 15).
    store.merge_csv(path, options, progress)
}

/// Merges one file, a database or an events CSV (told apart by their first bytes).
pub(super) fn merge_one(
    store: &mut Store,
    path: &Path,
    options: MergeOptions,
    progress: &mut dyn FnMut(u64),
) -> Result<MergeOutcome, MergeRejection> {
    if is_events_csv(path) {
        merge_csv(store, path, options, progress)
    } else {
        store.merge_database(path, options, progress)
    }
}

/// `constat merge`.
pub fn run(args: &MergeArgs, ctx: &mut Context<'_>) -> Result<(), Error> {
    if let Some(inbox) = &args.watch {
        return super::watch::run(args, inbox, ctx);
    }
    let cat = ctx.lang.catalog();
    let mut store = Store::open(&args.into)?;
    if let Some(pages) = std::env::var("CONSTAT_TEST_TARGET_MAX_PAGES")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        store.limit_growth_for_tests(pages)?;
    }
    let entries = collect(&args.inputs, &args.into, args.follow_symlinks);
    let mut accepted = BTreeSet::new();
    for typed in &args.accept_key {
        accepted.insert(
            Fingerprint::parse(typed).ok_or_else(|| Error::BadFingerprint {
                field: "--accept-key",
                typed: typed.clone(),
            })?,
        );
    }
    // A key change signed with its new key only is taken for these keys too (issue 15 point 3);
    // the key disputes held here that they settle are settled now.
    let settled = store.accept_keys(accepted.iter().cloned().collect(), crate::app::now())?;
    let mut screened = screen(&store, &entries, &accepted, ctx)?;
    screened
        .unused
        .retain(|k| !settled.iter().any(|d| d.settled.as_ref() == Some(k)));
    note_disputes(&store, &screened)?;
    let options = MergeOptions {
        now: crate::app::now(),
        strict: args.strict,
        accept_unsigned: args.accept_unsigned,
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
        if let Some(why) = screened.refused.get(&done) {
            bar.inc(1);
            rejected += 1;
            results.push(FileResult {
                path,
                outcome: Outcome::Refused(why.clone()),
            });
            if args.strict {
                aborted = true;
                break;
            }
            continue;
        }
        let base = merged;
        let mut progress = |n: u64| bar.set_message((cat.merge_progress)(base + n, rejected));
        let outcome = merge_one(&mut store, &path, options, &mut progress);
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
                    outcome: Outcome::Refused(Said::of(&e.message())),
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
    // Refusals kept for the coordination view (issue 18, night); a strict merge leaves the
    // target as it was.
    if !args.strict && finished.is_ok() && target_failed.is_none() {
        keep_outcomes(&store, &results, ctx.lang)?;
    }
    print_summary(&results, ctx);
    print_conflicts(&screened, &args.into, ctx);
    say_settled(&settled, &args.into, ctx);
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

/// Keeps each refused file (with its content's hash) in the target, and forgets the refusals of
/// a path merged since.
fn keep_outcomes(
    store: &Store,
    results: &[FileResult],
    lang: crate::i18n::Lang,
) -> Result<(), Error> {
    for r in results {
        match &r.outcome {
            Outcome::Refused(why) => {
                // A file that cannot be read again has no content to name: not kept.
                if let Ok((sha256, size)) = super::watch::content_hash(&r.path, lang) {
                    keep_refusal(store, &r.path, &sha256, size, why)?;
                }
            }
            Outcome::Merged(_) => store.forget_refused(&r.path.display().to_string())?,
            Outcome::Skipped(_) => {}
        }
    }
    Ok(())
}

/// The files' keys looked at before anything is merged ([`gate`]).
struct Screened {
    /// Files refused, by index among the entries, and why.
    refused: BTreeMap<usize, Said>,
    /// The key conflicts, each claim with its file's path.
    conflicts: Vec<(KeyConflict, Vec<PathBuf>)>,
    /// `--accept-key` keys that settle no conflict.
    unused: Vec<Fingerprint>,
}

/// Reads the observers every database among `entries` claims (through the defensive open)
/// and applies [`gate`] with the target's roster. A file the defensive open refuses is refused
/// here with the reason the merge would give. Nothing is read when no roster is kept and fewer
/// than two databases are given (no conflict is possible then).
fn screen(
    store: &Store,
    entries: &[Entry],
    accepted: &BTreeSet<Fingerprint>,
    _ctx: &Context<'_>,
) -> Result<Screened, Error> {
    let roster: BTreeSet<Fingerprint> =
        store.roster()?.into_iter().map(|e| e.fingerprint).collect();
    // Databases and events CSVs alike: a CSV re-signed with another key must not lock the
    // genuine database out by being merged first.
    let databases: Vec<(usize, &PathBuf)> = entries
        .iter()
        .enumerate()
        .filter_map(|(i, e)| match e {
            Entry::File(p) => Some((i, p)),
            Entry::Skipped(..) => None,
        })
        .collect();
    let mut screened = Screened {
        refused: BTreeMap::new(),
        conflicts: Vec::new(),
        unused: Vec::new(),
    };
    if roster.is_empty() && databases.len() < 2 {
        screened.unused = accepted.iter().cloned().collect();
        return Ok(screened);
    }
    let mut claims = Vec::new();
    let mut index = Vec::new();
    for (i, path) in databases {
        let read = if is_events_csv(path) {
            claims_of_csv(path)
        } else {
            claims_of_file(path).map_err(MergeRejection::Refused)
        };
        match read {
            Ok(c) => {
                claims.push(c);
                index.push((i, path.clone()));
            }
            Err(why) => {
                screened.refused.insert(i, Said::of(&why.message()));
            }
        }
    }
    let (mut refused, mut conflicts) = gate(&claims, &roster, accepted);
    // Only when the keys disagree (the files are read once more then): a key that another
    // file's chain rotated away from (`constat key new`) is that observer's older key, not a
    // rival claim, and with a roster a key reached by key changes from an enrolled key is
    // screened as enrolled; the merge checks each key change's signature (issue 15 point 3).
    if !refused.is_empty() || !conflicts.is_empty() {
        let rotated: Vec<Vec<Rotation>> = index
            .iter()
            .map(|(_, path)| crate::storage::rotated_keys(path, is_events_csv(path)))
            .collect();
        if rotated.iter().any(|r| !r.is_empty()) {
            for (k, file_claims) in claims.iter_mut().enumerate() {
                file_claims.retain(|c| {
                    !c.key.is_some_and(|key| {
                        rotated.iter().enumerate().any(|(j, r)| {
                            j != k && r.iter().any(|(o, from, _)| (*o, *from) == (c.id, key))
                        })
                    })
                });
            }
            let mut roster = roster;
            if !roster.is_empty() {
                for changes in &rotated {
                    for (_, from, to) in changes {
                        if roster.contains(&Fingerprint::of(from)) {
                            roster.insert(Fingerprint::of(to));
                        }
                    }
                }
            }
            (refused, conflicts) = gate(&claims, &roster, accepted);
        }
    }
    let target = escape(&store.path().display().to_string()).into_owned();
    for (k, why) in refused {
        // The command to run names the target.
        let said = Said::of(&why.message().arg("target", target.as_str()));
        screened.refused.insert(index[k].0, said);
    }
    let used: BTreeSet<&Fingerprint> = conflicts
        .iter()
        .filter_map(|c| c.settled.as_ref())
        .collect();
    screened.unused = accepted
        .iter()
        .filter(|k| !used.contains(k))
        .cloned()
        .collect();
    screened.conflicts = conflicts
        .into_iter()
        .map(|c| {
            let paths = c
                .claims
                .iter()
                .map(|(k, _, _)| index[*k].1.clone())
                .collect();
            (c, paths)
        })
        .collect();
    Ok(screened)
}

/// The key conflicts between this run's files over an observer the target already holds with
/// another key are key disputes too (schema 12): the events held here are set aside until the
/// coordinator settles, whatever the order the files came in.
fn note_disputes(store: &Store, screened: &Screened) -> Result<(), Error> {
    let now = crate::app::now();
    for (conflict, paths) in &screened.conflicts {
        if conflict.settled.is_some() {
            continue;
        }
        for ((_, name, fingerprint), path) in conflict.claims.iter().zip(paths) {
            let path = path.display().to_string();
            store.note_rival_claim(
                crate::storage::RivalClaim {
                    observer: conflict.observer,
                    name,
                    claimed: fingerprint,
                    path: &path,
                },
                now,
            )?;
        }
    }
    Ok(())
}

/// The key disputes `--accept-key` settled in this run, each with what follows.
pub(super) fn say_settled(
    settled: &[crate::domain::key_dispute::KeyDispute],
    target: &Path,
    ctx: &mut Context<'_>,
) {
    use crate::domain::key_dispute::Standing;
    for d in settled {
        let Some(accepted) = &d.settled else { continue };
        let line = Message::new("merge-dispute-settled")
            .arg("name", escape(&d.name).into_owned())
            .arg("observer", d.observer.to_string())
            .arg("accepted", accepted.to_string())
            .arg(
                "held",
                d.held
                    .as_ref()
                    .map_or_else(|| "none".to_owned(), ToString::to_string),
            )
            .arg(
                "kept",
                if d.standing() == Standing::HeldKept {
                    "yes"
                } else {
                    "no"
                },
            )
            .arg("target", escape(&target.display().to_string()).into_owned())
            .render(ctx.lang);
        ctx.say(&line);
    }
}

/// A key change a file announces: observer, old key, new key (unchecked).
type Rotation = (crate::domain::ObserverId, [u8; 32], [u8; 32]);

/// The key conflicts after the table: for each, every claim (name, key, file) together, and
/// how to settle it.
fn print_conflicts(screened: &Screened, target: &Path, ctx: &mut Context<'_>) {
    for (conflict, paths) in &screened.conflicts {
        let head = match &conflict.settled {
            None => Message::new("merge-conflict-head"),
            Some(k) => Message::new("merge-conflict-settled").arg("accepted", k.to_string()),
        }
        .arg("observer", conflict.observer.to_string())
        .render(ctx.lang);
        ctx.say(&head);
        for ((_, name, fingerprint), path) in conflict.claims.iter().zip(paths) {
            let line = Message::new("merge-conflict-claim")
                .arg("name", escape(name).into_owned())
                .arg("fingerprint", fingerprint.to_string())
                .arg("file", escape(&path.display().to_string()).into_owned())
                .render(ctx.lang);
            ctx.say(&format!("  {line}"));
        }
        if conflict.settled.is_none() {
            let keys: BTreeSet<&Fingerprint> = conflict.claims.iter().map(|(_, _, f)| f).collect();
            let line = Message::new("merge-conflict-how")
                .arg("target", escape(&target.display().to_string()).into_owned())
                .arg(
                    "fingerprints",
                    keys.iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join(", "),
                )
                .render(ctx.lang);
            ctx.say(&format!("  {line}"));
        }
    }
    for key in &screened.unused {
        let line = Message::new("merge-accept-key-unused")
            .arg("fingerprint", key.to_string())
            .render(ctx.lang);
        ctx.say(&line);
    }
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
                format!(
                    "{name:<width$}  {:>8}  {:>8}  {}",
                    0,
                    0,
                    escape(why.text(ctx.lang))
                )
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

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(id: u128, name: &str, key: u8) -> Claim {
        Claim {
            id: ObserverId(uuid::Uuid::from_u128(id)),
            name: name.to_owned(),
            key: Some([key; 32]),
        }
    }

    #[test]
    fn two_files_claiming_one_observer_with_two_keys_are_both_refused_in_any_order() {
        let genuine = vec![claim(1, "Marie", 1)];
        let forged = vec![claim(1, "Marie", 2)];
        let other = vec![claim(2, "Paul", 3)];
        let none = BTreeSet::new();
        for files in [
            vec![genuine.clone(), forged.clone(), other.clone()],
            vec![other.clone(), forged.clone(), genuine.clone()],
        ] {
            let (refused, conflicts) = gate(&files, &none, &none);
            assert_eq!(refused.len(), 2, "{refused:?}");
            assert!(
                refused
                    .values()
                    .all(|g| matches!(g, Gate::KeyConflict { .. }))
            );
            let paul = files.iter().position(|f| f == &other).unwrap();
            assert!(!refused.contains_key(&paul));
            assert_eq!(conflicts.len(), 1);
            assert_eq!(conflicts[0].claims.len(), 2);
            assert_eq!(conflicts[0].settled, None);
        }
    }

    #[test]
    fn every_gate_reason_names_the_key_in_both_languages() {
        let f = Fingerprint::of(&[1; 32]);
        let reasons = [
            Gate::NotEnrolled {
                name: "Marie".to_owned(),
                fingerprint: f.clone(),
            },
            Gate::KeyConflict {
                observer: ObserverId(uuid::Uuid::from_u128(1)),
                name: "Marie".to_owned(),
                fingerprint: f.clone(),
            },
            Gate::NotAccepted {
                name: "Marie".to_owned(),
                fingerprint: f.clone(),
                accepted: Fingerprint::of(&[2; 32]),
            },
        ];
        for lang in [crate::i18n::Lang::Fr, crate::i18n::Lang::En] {
            for why in &reasons {
                let text = why.message().arg("target", "national.db").render(lang);
                assert!(
                    text.contains(&f.to_string()) && !text.contains('{'),
                    "{text}"
                );
            }
            let enrol = reasons[0]
                .message()
                .arg("target", "national.db")
                .render(lang);
            assert!(
                enrol.contains("constat --db national.db roster add"),
                "{enrol}"
            );
        }
    }

    #[test]
    fn accept_key_merges_the_files_with_that_key_and_refuses_the_others() {
        let files = vec![vec![claim(1, "Marie", 1)], vec![claim(1, "Marie", 2)]];
        let accepted: BTreeSet<Fingerprint> = [Fingerprint::of(&[2; 32])].into();
        let (refused, conflicts) = gate(&files, &BTreeSet::new(), &accepted);
        assert_eq!(refused.keys().copied().collect::<Vec<_>>(), vec![0]);
        assert!(matches!(refused[&0], Gate::NotAccepted { .. }));
        assert_eq!(conflicts[0].settled, Some(Fingerprint::of(&[2; 32])));
        // Both keys accepted settles nothing.
        let both: BTreeSet<Fingerprint> =
            [Fingerprint::of(&[1; 32]), Fingerprint::of(&[2; 32])].into();
        let (refused, _) = gate(&files, &BTreeSet::new(), &both);
        assert_eq!(refused.len(), 2);
    }

    #[test]
    fn with_a_roster_a_key_not_enrolled_is_refused_and_settles_the_conflict() {
        let files = vec![
            vec![claim(1, "Marie", 1), claim(3, "Zoé", 4)],
            vec![claim(1, "Marie", 2)],
            vec![Claim {
                key: None,
                ..claim(5, "CSV", 0)
            }],
        ];
        let roster: BTreeSet<Fingerprint> =
            [Fingerprint::of(&[1; 32]), Fingerprint::of(&[4; 32])].into();
        let (refused, conflicts) = gate(&files, &roster, &BTreeSet::new());
        assert_eq!(refused.keys().copied().collect::<Vec<_>>(), vec![1]);
        assert_eq!(
            refused[&1],
            Gate::NotEnrolled {
                name: "Marie".to_owned(),
                fingerprint: Fingerprint::of(&[2; 32])
            }
        );
        assert!(conflicts.is_empty());
        // A file one of whose observers is not enrolled is refused whole.
        let roster: BTreeSet<Fingerprint> = [Fingerprint::of(&[1; 32])].into();
        let (refused, _) = gate(&files[..1], &roster, &BTreeSet::new());
        assert!(matches!(&refused[&0], Gate::NotEnrolled { name, .. } if name == "Zoé"));
    }
}
