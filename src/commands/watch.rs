//! `constat merge --into TARGET --watch INBOX`: the coordinator's election night. Keeps running
//! and merges every file that appears in INBOX (or its subfolders) once it has settled, each in
//! its own transaction, as `constat merge` would; stops cleanly on Ctrl-C or SIGTERM.
//!
//! - Arrival: file-system events (the `notify` crate) wake the scan at once; where they cannot
//!   be had (a network or FUSE folder, a system without inotify), the inbox is scanned every
//!   [`POLL`] instead, and the user is told. Either way the decision is made by scanning, so a
//!   missed event delays a file by one poll, never loses it.
//! - Settling: a file that arrives complete — an SQLite database whose size is the one its own
//!   header gives (page count × page size, the header's count being valid), with no journal or
//!   WAL beside it, and whose size and modification time stay the same over [`QUICK`] — is taken
//!   at once: that is how a sync tool (Syncthing, Nextcloud), `mv` or a mail client's "save"
//!   delivers a file, renamed into place once written. Any other file (a database still growing,
//!   an events CSV, which has no such header) is taken when its size and modification time have
//!   not changed for `--settle` seconds (a tool still writing it is waited for). Names that sync
//!   tools and browsers give to files being written (`.*`, `~*`, `*.tmp`, `*.part`…) are never
//!   taken.
//! - Already merged: a file whose size and SHA-256 match one merged before (kept in the target,
//!   `merged_file`) is listed as such and costs one read.
//! - Refused: listed at once with its reason, again in the summary at the end, and tried again
//!   only when its content changes. Files are never moved or deleted: the inbox may be a synced
//!   folder, where a move would propagate to the observers' machines.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant, SystemTime};

use sha2::{Digest, Sha256};

use super::Context;
use super::merge::{Entry, collect, merge_one};
use crate::cli::MergeArgs;
use crate::domain::outside::escape;
use crate::error::Error;
use crate::i18n::{Lang, Localize, Message};
use crate::storage::{MergeOptions, Store, SystemProblem, open_regular};

/// How often the inbox is scanned when no file-system event wakes the watch.
const POLL: Duration = Duration::from_secs(2);

/// How long a complete database file must keep its size and modification time to be taken
/// without waiting for `--settle` (see [`complete_database`]).
const QUICK: Duration = Duration::from_millis(100);

/// How often the stop flag is looked at while waiting.
const TICK: Duration = Duration::from_millis(200);

/// What the watch knows of one path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    size: u64,
    modified: Option<SystemTime>,
}

/// Counts for the closing summary.
#[derive(Default)]
struct Tally {
    merged: usize,
    new_events: u64,
    duplicates: usize,
    /// Refused files and why, latest reason per path.
    refused: Vec<(PathBuf, String)>,
}

/// True for names that sync tools, mail clients, office suites and browsers give to a file
/// still being written, and for hidden files and folders: never merged. Each tool, with what it
/// writes before the final name (docs/coordination.md, "Synced folders"):
///
/// - Syncthing: `.syncthing.NAME.tmp` (`~syncthing~NAME.tmp` on Windows); its own folders
///   `.stfolder` and `.stversions` (older versions of files);
/// - Nextcloud and ownCloud desktop clients: `.NAME.~1a2b3c` while downloading, `.NAME.part`;
///   `.sync_*.db` and `.owncloudsync.log` (their own state);
/// - Dropbox: `.~NAME`, `~NAME.tmp`, its `.dropbox.cache` folder;
/// - browsers and mail clients saving an attachment (Firefox, Thunderbird: `NAME.part`; Chrome:
///   `NAME.crdownload`; Safari: `NAME.download`);
/// - LibreOffice's lock file `.~lock.NAME#`, Microsoft Office's owner file `~$NAME`, editors'
///   backups `NAME~`, `*.tmp`, `*.temp`, WinSCP's `*.filepart`, rsync's hidden `.NAME.XXXXXX`;
/// - the system's own hidden folders (`.Trash-1000`, `.Spotlight-V100`, `.fseventsd`).
///
/// `path` is looked at from `inbox` down: a file anywhere under such a folder (Safari's
/// `NAME.download/` bundle, a hidden folder) is left alone too; a folder above the inbox does
/// not matter.
fn is_temporary(inbox: &Path, path: &Path) -> bool {
    let within = path.strip_prefix(inbox).unwrap_or(path);
    within.file_name().is_none()
        || within
            .components()
            .any(|c| temporary_name(&c.as_os_str().to_string_lossy().to_lowercase()))
}

/// A file or folder name (lower case) of [`is_temporary`].
fn temporary_name(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with('~')
        || name.ends_with('~')
        || [
            ".tmp",
            ".temp",
            ".part",
            ".partial",
            ".crdownload",
            ".download",
            ".filepart",
        ]
        .iter()
        .any(|ext| name.ends_with(ext))
}

/// True when `path` is not there any more (renamed or deleted since the folder was listed, as a
/// sync tool renames its temporary file): nothing to say, the new name is seen at the next scan.
fn gone(path: &Path) -> bool {
    matches!(std::fs::symlink_metadata(path), Err(e) if e.kind() == std::io::ErrorKind::NotFound)
}

fn stamp(path: &Path) -> Option<Stamp> {
    let meta = std::fs::metadata(path).ok()?;
    Some(Stamp {
        size: meta.len(),
        modified: meta.modified().ok(),
    })
}

/// True when the file at `path`, `size` bytes long, is a whole SQLite database: its header is
/// SQLite's, its "in-header database size" is valid (the version-valid-for number equals the
/// change counter, as SQLite writes them at every commit) and gives exactly `size` bytes
/// (page count × page size), and no rollback journal or WAL lies beside it (a database being
/// written in place by SQLite itself). A file still being copied is shorter than its header
/// says: false until its last byte is written. An events CSV has no such header: false (the
/// settle time applies).
fn complete_database(path: &Path, size: u64) -> bool {
    let mut header = [0u8; 100];
    let read = open_regular(path)
        .ok()
        .and_then(|mut f| f.read_exact(&mut header).ok());
    if read.is_none() || &header[..16] != b"SQLite format 3\0" {
        return false;
    }
    let be32 = |at: usize| {
        u32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]])
    };
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536,
        n => u64::from(n),
    };
    let (change_counter, pages, valid_for) = (be32(24), be32(28), be32(92));
    let beside = |suffix: &str| {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        PathBuf::from(p).exists()
    };
    pages > 0
        && valid_for == change_counter
        && page_size >= 512
        && u64::from(pages) * page_size == size
        && !beside("-journal")
        && !beside("-wal")
}

/// SHA-256 (hex) and size of the file's bytes, read in blocks (memory stays flat); or why it
/// could not be read, in `lang`.
pub(super) fn content_hash(path: &Path, lang: Lang) -> Result<(String, u64), String> {
    let mut file = open_regular(path).map_err(|e| e.text(lang))?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    let mut size = 0u64;
    loop {
        let n = file
            .read(&mut buf)
            .map_err(|e| SystemProblem::from(e).text(lang))?;
        if n == 0 {
            break;
        }
        size += n as u64;
        hasher.update(&buf[..n]);
    }
    Ok((hex::encode(hasher.finalize()), size))
}

/// The clock shown before each line: the coordinator's local time, to the second.
fn clock() -> String {
    chrono::Local::now().format("%H:%M:%S").to_string()
}

/// Runs the watch until Ctrl-C or SIGTERM.
pub fn run(args: &MergeArgs, inbox: &Path, ctx: &mut Context<'_>) -> Result<(), Error> {
    if !inbox.is_dir() {
        return Err(Error::WatchNotAFolder(inbox.to_owned()));
    }
    let mut store = Store::open(&args.into)?;
    // A key change signed with its new key only is taken for the keys of --accept-key (issue 15
    // point 3), as in a merge of files.
    let mut accepted = Vec::new();
    for typed in &args.accept_key {
        accepted.push(
            crate::domain::fingerprint::Fingerprint::parse(typed).ok_or_else(|| {
                Error::BadFingerprint {
                    field: "--accept-key",
                    typed: typed.clone(),
                }
            })?,
        );
    }
    let settled = store.accept_keys(accepted, crate::app::now())?;
    super::merge::say_settled(&settled, &args.into, ctx);
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        signal_hook::flag::register(signal, Arc::clone(&stop))
            .map_err(|e| Error::WatchSignals(e.into()))?;
    }
    let settle = Duration::from_secs_f64(args.settle.clamp(0.0, 3600.0));
    let (wake, woken) = std::sync::mpsc::channel::<()>();
    let watcher = start_watcher(inbox, wake);
    let line = match &watcher {
        Ok(_) => Message::new("watch-started")
            .arg("inbox", super::shown(inbox))
            .arg("target", super::shown(&args.into)),
        Err(why) => Message::new("watch-started-polling")
            .arg("inbox", super::shown(inbox))
            .arg("target", super::shown(&args.into))
            .arg("seconds", POLL.as_secs())
            .arg("why", escape(&why.to_string()).into_owned()),
    };
    say(ctx, &line.render(ctx.lang));

    let mut seen: HashMap<PathBuf, (Stamp, Instant)> = HashMap::new();
    let mut handled: HashMap<PathBuf, Stamp> = HashMap::new();
    let mut tally = Tally::default();
    let mut next_scan = Instant::now();
    while !stop.load(Ordering::Relaxed) {
        if Instant::now() >= next_scan {
            scan(
                &mut store,
                args,
                inbox,
                settle,
                &mut seen,
                &mut handled,
                &mut tally,
                &stop,
                ctx,
            )?;
            // Files waiting to settle are looked at again soon; otherwise at the next poll.
            let waiting = seen.keys().any(|p| !handled.contains_key(p));
            next_scan = Instant::now()
                + if waiting {
                    settle.min(POLL).max(TICK)
                } else {
                    POLL
                };
        }
        match woken.recv_timeout(TICK) {
            // Something moved in the inbox: scan now (the settle time still applies).
            Ok(()) => {
                while woken.try_recv().is_ok() {}
                next_scan = Instant::now();
            }
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {}
        }
    }
    drop(watcher);
    summary(&tally, ctx);
    Ok(())
}

/// File-system events of the inbox, each a wake-up on `wake`.
fn start_watcher(
    inbox: &Path,
    wake: std::sync::mpsc::Sender<()>,
) -> notify::Result<notify::RecommendedWatcher> {
    use notify::Watcher;
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if event.is_ok() {
            let _ = wake.send(());
        }
    })?;
    watcher.watch(inbox, notify::RecursiveMode::Recursive)?;
    Ok(watcher)
}

/// One pass over the inbox: every settled file not handled yet is merged.
#[allow(clippy::too_many_arguments)]
fn scan(
    store: &mut Store,
    args: &MergeArgs,
    inbox: &Path,
    settle: Duration,
    seen: &mut HashMap<PathBuf, (Stamp, Instant)>,
    handled: &mut HashMap<PathBuf, Stamp>,
    tally: &mut Tally,
    stop: &AtomicBool,
    ctx: &mut Context<'_>,
) -> Result<(), Error> {
    let options = MergeOptions {
        now: crate::app::now(),
        strict: false,
        accept_unsigned: args.accept_unsigned,
    };
    for entry in collect(&[inbox.to_owned()], &args.into, args.follow_symlinks) {
        if stop.load(Ordering::Relaxed) {
            return Ok(());
        }
        let path = match entry {
            Entry::File(path) => path,
            Entry::Skipped(path, why) => {
                // A temporary name, or a file renamed between the listing and its look-up (a
                // sync tool's temporary file becoming the real one): nothing to say.
                if is_temporary(inbox, &path) || gone(&path) {
                    continue;
                }
                // Said once per path, not at every scan.
                if handled
                    .insert(
                        path.clone(),
                        Stamp {
                            size: 0,
                            modified: None,
                        },
                    )
                    .is_none()
                {
                    let line = Message::new("watch-skipped")
                        .arg("time", clock())
                        .arg("file", super::shown(&path))
                        .arg("why", why.text(ctx.lang));
                    say(ctx, &line.render(ctx.lang));
                }
                continue;
            }
        };
        if is_temporary(inbox, &path) {
            continue;
        }
        let Some(now) = stamp(&path) else {
            // Gone before it settled: no longer waited for.
            seen.remove(&path);
            continue;
        };
        if handled.get(&path) == Some(&now) {
            continue;
        }
        match seen.get(&path) {
            Some((before, since)) if *before == now && since.elapsed() >= settle => {}
            Some((before, _)) if *before == now => continue,
            // New or changed since the last scan: a database that arrived complete (renamed
            // into place) and keeps still over a short look is taken now, without the settle.
            _ if settle > QUICK && complete_database(&path, now.size) && {
                std::thread::sleep(QUICK);
                stamp(&path) == Some(now)
            } => {}
            _ => {
                seen.insert(path, (now, Instant::now()));
                continue;
            }
        }
        handled.insert(path.clone(), now);
        take(store, &path, options, tally, ctx)?;
    }
    Ok(())
}

/// Merges one settled file and says what happened.
fn take(
    store: &mut Store,
    path: &Path,
    options: MergeOptions,
    tally: &mut Tally,
    ctx: &mut Context<'_>,
) -> Result<(), Error> {
    let lang = ctx.lang;
    let file = super::shown(path);
    let (hash, size) = match content_hash(path, lang) {
        Ok(h) => h,
        // Gone or unreadable meanwhile: looked at again when it changes.
        Err(why) => {
            let line = Message::new("watch-unreadable")
                .arg("time", clock())
                .arg("file", file)
                .arg("why", escape(&why).into_owned());
            say(ctx, &line.render(lang));
            return Ok(());
        }
    };
    if store.merged_before(&hash, size)? {
        tally.duplicates += 1;
        let line = Message::new("watch-duplicate")
            .arg("time", clock())
            .arg("file", file);
        say(ctx, &line.render(lang));
        return Ok(());
    }
    match merge_one(store, path, options, &mut |_| {}) {
        Ok(outcome) => {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            store.remember_merged(&hash, size, &name, &outcome.observers, crate::app::now())?;
            store.forget_refused(&path.display().to_string())?;
            tally.merged += 1;
            tally.new_events += outcome.new;
            tally.refused.retain(|(p, _)| p != path);
            let line = Message::new("watch-merged")
                .arg("time", clock())
                .arg("file", file)
                .arg("new", outcome.new)
                .arg("already", outcome.already);
            say(ctx, &line.render(lang));
            for w in &outcome.warnings {
                say(ctx, &format!("  ⚠ {}", escape(&w.text(lang))));
            }
            Ok(())
        }
        // The target's failure is not the file's: stop the watch, as `merge` stops.
        Err(e) if e.is_target_failure() => Err(Error::MergeTargetFailed {
            target: store.path().to_owned(),
            file: path.to_owned(),
            why: e,
            merged: tally.merged,
            left: 0,
            strict: false,
        }),
        Err(e) => {
            let said = super::merge::Said::of(&e.message());
            // Kept in the target for the coordination view (issue 18, night).
            super::merge::keep_refusal(store, path, &hash, size, &said)?;
            let why = said.text(lang).to_owned();
            let line = Message::new("watch-refused")
                .arg("time", clock())
                .arg("file", file)
                .arg("why", escape(&why).into_owned());
            say(ctx, &line.render(lang));
            tally.refused.retain(|(p, _)| p != path);
            tally.refused.push((path.to_owned(), why));
            Ok(())
        }
    }
}

fn summary(tally: &Tally, ctx: &mut Context<'_>) {
    let line = Message::new("watch-stopped")
        .arg("merged", tally.merged)
        .arg("new", tally.new_events)
        .arg("duplicates", tally.duplicates)
        .arg("refused", tally.refused.len());
    say(ctx, &line.render(ctx.lang));
    for (path, why) in &tally.refused {
        let line = Message::new("watch-refused-again")
            .arg("file", super::shown(path))
            .arg("why", escape(why).into_owned());
        say(ctx, &line.render(ctx.lang));
    }
}

/// One line, flushed at once: the coordinator (or a script) reads the log as files land.
fn say(ctx: &mut Context<'_>, line: &str) {
    ctx.say(line);
    let _ = ctx.out.flush();
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Is `name` (under the inbox `/in`) left alone?
    fn temporary(name: &str) -> bool {
        is_temporary(Path::new("/in"), &Path::new("/in").join(name))
    }

    #[test]
    fn syncthing_temporary_files_and_folders_are_not_taken() {
        assert!(temporary(".syncthing.marie.db.tmp"));
        assert!(temporary("late/.syncthing.Marie Bernard (2).db.tmp"));
        assert!(temporary("~syncthing~marie.db.tmp"));
        assert!(temporary(".stfolder"));
        assert!(temporary(".stversions/marie~20241204-213000.db"));
        // A conflict copy is a real file, sent again: merged (or known by its content).
        assert!(!temporary("marie.sync-conflict-20241204-213000-ABCDEFG.db"));
    }

    #[test]
    fn nextcloud_and_owncloud_temporary_files_are_not_taken() {
        assert!(temporary(".marie.db.~1a2b3c4d"));
        assert!(temporary("Observateurs/.marie.db.~1a2b"));
        assert!(temporary("marie.db.part"));
        assert!(temporary(".sync_4c8a2f.db"));
        assert!(temporary(".sync_4c8a2f.db-wal"));
        assert!(temporary(".owncloudsync.log"));
        assert!(!temporary("marie (conflicted copy 2024-12-04 213000).db"));
    }

    #[test]
    fn dropbox_temporary_files_are_not_taken() {
        assert!(temporary(".~marie.db"));
        assert!(temporary("~marie.db.tmp"));
        assert!(temporary(".dropbox.cache/old/marie.db"));
        assert!(temporary(".dropbox"));
    }

    #[test]
    fn attachments_being_saved_by_mail_clients_and_browsers_are_not_taken() {
        // Thunderbird and Firefox: NAME.part until complete.
        assert!(temporary("marie.db.part"));
        assert!(temporary("pieces-jointes/events.csv.part"));
        assert!(temporary("marie.db.crdownload"));
        assert!(temporary("marie.db.download"));
        assert!(temporary("marie.db.download/marie.db"));
        assert!(temporary("marie.db.filepart"));
        // A `getmail`/`fetchmail` + `munpack` folder: the attachment as named by the sender.
        assert!(!temporary("pieces-jointes/marie.db"));
        assert!(!temporary("pieces-jointes/events (1).csv"));
    }

    #[test]
    fn office_lock_files_and_editor_backups_are_not_taken() {
        assert!(temporary(".~lock.events.csv#"));
        assert!(temporary("~$events.csv"));
        assert!(temporary("events.csv~"));
        assert!(temporary("export.TMP"));
        assert!(temporary("export.temp"));
        // rsync's hidden temporary name.
        assert!(temporary(".marie.db.Xy12Ab"));
    }

    #[test]
    fn system_folders_of_a_usb_stick_are_not_taken_and_real_files_are() {
        assert!(temporary(".Trash-1000/files/marie.db"));
        assert!(temporary(".Spotlight-V100/Store-V2/x"));
        assert!(temporary(".fseventsd/0000"));
        assert!(temporary("._marie.db"));
        for name in [
            "marie.db",
            "events.csv",
            "Marie Bernard (2).db",
            "cle-usb/bureau 0911/paul.db",
            "marie.partage.db",
        ] {
            assert!(!temporary(name), "{name}");
        }
    }

    #[test]
    fn a_hidden_folder_above_the_inbox_does_not_matter() {
        let inbox = Path::new("/home/coord/.local/share/inbox");
        assert!(!is_temporary(inbox, &inbox.join("marie.db")));
        assert!(is_temporary(inbox, &inbox.join(".stversions/marie.db")));
    }

    #[test]
    fn a_whole_database_is_complete_a_partial_copy_a_csv_or_one_with_a_journal_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("marie.db");
        let conn = rusqlite::Connection::open_with_flags(
            &db,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE | rusqlite::OpenFlags::SQLITE_OPEN_CREATE,
        )
        .unwrap();
        conn.execute_batch(
            "CREATE TABLE t (x BLOB); INSERT INTO t VALUES (randomblob(20000));
             INSERT INTO t VALUES (randomblob(20000));",
        )
        .unwrap();
        drop(conn);
        let bytes = std::fs::read(&db).unwrap();
        let size = |p: &Path| std::fs::metadata(p).unwrap().len();
        assert!(complete_database(&db, size(&db)));
        // A copy still being written: its header says more pages than it holds.
        let partial = dir.path().join("paul.db");
        std::fs::write(&partial, &bytes[..bytes.len() / 2]).unwrap();
        assert!(!complete_database(&partial, size(&partial)));
        // Bytes after the last page, a size that is not the stamp's.
        let longer = dir.path().join("lea.db");
        let mut more = bytes.clone();
        more.extend([0u8; 512]);
        std::fs::write(&longer, &more).unwrap();
        assert!(!complete_database(&longer, size(&longer)));
        assert!(!complete_database(&db, size(&db) + 1));
        // A journal beside it: SQLite is writing it in place.
        let journal = dir.path().join("marie.db-journal");
        std::fs::write(&journal, b"x").unwrap();
        assert!(!complete_database(&db, size(&db)));
        std::fs::remove_file(&journal).unwrap();
        // An events CSV, an empty file, a missing one.
        let csv = dir.path().join("events.csv");
        std::fs::write(&csv, "election,id,observer\n".repeat(20)).unwrap();
        assert!(!complete_database(&csv, size(&csv)));
        let empty = dir.path().join("empty.db");
        std::fs::write(&empty, b"").unwrap();
        assert!(!complete_database(&empty, 0));
        assert!(!complete_database(&dir.path().join("none.db"), 0));
    }

    #[test]
    fn a_file_renamed_away_is_gone_a_present_one_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let part = dir.path().join("marie.db.part");
        std::fs::write(&part, b"x").unwrap();
        assert!(!gone(&part));
        std::fs::rename(&part, dir.path().join("marie.db")).unwrap();
        assert!(gone(&part));
    }
}
