//! `constat verify PATH`: re-checks every hash chain and signature of a database, or every
//! file digest of an evidence folder's `MANIFEST` and the chains of its `events.csv`. Names the
//! first broken event or file; exits 1 when anything is broken.

use std::collections::BTreeMap;
use std::path::Path;

use sha2::{Digest, Sha256};

use super::Context;
use crate::domain::ObserverId;
use crate::domain::chain::{self, Hash};
use crate::error::Error;
use crate::export::events_csv;
use crate::i18n::{Lang, Localize, Message};
use crate::storage::{SystemProblem, verify_database};

use crate::app::evidence::{EVENTS_CSV, MANIFEST};

/// What is wrong with a file of an evidence folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FolderProblem {
    /// A `MANIFEST` line that is not `SHA256  FILE`.
    NotManifestLine,
    /// A `MANIFEST` line naming a file outside the folder.
    OutsideFolder,
    /// The file's digest is not the one listed.
    DigestDiffers,
    /// The file cannot be read.
    Unreadable(SystemProblem),
    /// A file of the folder that the `MANIFEST` does not list.
    NotListed,
}

impl Localize for FolderProblem {
    fn message(&self) -> Message<'_> {
        match self {
            Self::NotManifestLine => Message::new("reason-folder-not-manifest-line"),
            Self::OutsideFolder => Message::new("reason-folder-outside"),
            Self::DigestDiffers => Message::new("reason-folder-digest-differs"),
            Self::Unreadable(why) => Message::new("reason-folder-unreadable").arg("why", why),
            Self::NotListed => Message::new("reason-folder-not-listed"),
        }
    }
}

fn say_ok(lang: Lang, what: &str) -> String {
    (lang.catalog().verify_ok)(what)
}

/// `why` is already in `lang`.
fn say_broken(lang: Lang, what: &str, why: &str) -> String {
    (lang.catalog().verify_broken)(what, why)
}

/// `constat verify`.
pub fn run(path: &Path, ctx: &mut Context<'_>) -> Result<(), Error> {
    let broken = if path.is_dir() {
        verify_folder(path, ctx)?
    } else {
        verify_db(path, ctx)?
    };
    if broken {
        Err(Error::VerifyFailed(path.to_owned()))
    } else {
        Ok(())
    }
}

fn verify_db(path: &Path, ctx: &mut Context<'_>) -> Result<bool, Error> {
    let lang = ctx.lang;
    let checks = verify_database(path).map_err(|r| Error::Untrusted(path.to_owned(), r))?;
    let mut broken = false;
    for c in &checks {
        let what = (lang.catalog().verify_chain)(
            &c.name,
            &c.observer.to_string(),
            c.events,
            c.signed_up_to,
        );
        match &c.problem {
            None => ctx.say(&say_ok(lang, &what)),
            Some(why) => {
                broken = true;
                ctx.say(&say_broken(lang, &what, &why.text(lang)));
            }
        }
    }
    Ok(broken)
}

fn sha256_file(path: &Path) -> std::io::Result<String> {
    use std::io::Read;
    let mut file = std::fs::File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            return Ok(hex::encode(hasher.finalize()));
        }
        hasher.update(&buf[..n]);
    }
}

fn verify_folder(dir: &Path, ctx: &mut Context<'_>) -> Result<bool, Error> {
    let lang = ctx.lang;
    let manifest_path = dir.join(MANIFEST);
    let manifest = std::fs::read_to_string(&manifest_path).map_err(|source| Error::Io {
        path: manifest_path.clone(),
        context: crate::error::IoContext::ReadingInput,
        source,
    })?;
    let mut broken = false;
    let mut listed = Vec::new();
    for (n, line) in manifest.lines().enumerate() {
        let Some((digest, name)) = line.split_once("  ") else {
            broken = true;
            ctx.say(&say_broken(
                lang,
                &format!("{MANIFEST}:{}", n + 1),
                &FolderProblem::NotManifestLine.text(lang),
            ));
            continue;
        };
        // Names are plain file names of the folder: nothing outside it is ever read.
        if name.contains(['/', '\\']) || name == ".." || name.is_empty() {
            broken = true;
            ctx.say(&say_broken(
                lang,
                &format!("{MANIFEST}:{}", n + 1),
                &FolderProblem::OutsideFolder.text(lang),
            ));
            continue;
        }
        listed.push(name.to_owned());
        match sha256_file(&dir.join(name)) {
            Ok(found) if found == digest => ctx.say(&say_ok(lang, name)),
            Ok(_) => {
                broken = true;
                ctx.say(&say_broken(
                    lang,
                    name,
                    &FolderProblem::DigestDiffers.text(lang),
                ));
            }
            Err(e) => {
                broken = true;
                ctx.say(&say_broken(
                    lang,
                    name,
                    &FolderProblem::Unreadable(e.into()).text(lang),
                ));
            }
        }
    }
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if name != MANIFEST && !listed.contains(&name) {
                broken = true;
                ctx.say(&say_broken(
                    lang,
                    &name,
                    &FolderProblem::NotListed.text(lang),
                ));
            }
        }
    }
    let events = dir.join(EVENTS_CSV);
    if events.is_file() {
        broken |= verify_events_csv(&events, ctx)?;
    }
    Ok(broken)
}

/// Re-walks every observer's chain in an events CSV.
fn verify_events_csv(path: &Path, ctx: &mut Context<'_>) -> Result<bool, Error> {
    let lang = ctx.lang;
    let file = std::fs::File::open(path).map_err(|source| Error::Io {
        path: path.to_owned(),
        context: crate::error::IoContext::ReadingInput,
        source,
    })?;
    let mut tips: BTreeMap<ObserverId, (String, u64, Hash, Option<String>)> = BTreeMap::new();
    let read = events_csv::read(file, &mut |row| {
        let tip = tips
            .entry(row.event.observer)
            .or_insert_with(|| (row.observer_name.clone(), 0, chain::GENESIS, None));
        if tip.3.is_some() {
            return Ok(());
        }
        if row.event.seq != tip.1 + 1 {
            tip.3 = Some(
                chain::ChainBreak::Gap {
                    expected: tip.1 + 1,
                    found: row.event.seq,
                }
                .text(lang),
            );
        } else if chain::link(&tip.2, &row.event) != row.hash {
            let why = chain::ChainBreak::Mismatch {
                id: row.event.id.to_string(),
                seq: row.event.seq,
            };
            tip.3 = Some(
                Message::new("reason-chain-mismatch-at-line")
                    .arg("why", &why)
                    .arg("line", row.line.to_string())
                    .render(lang),
            );
        } else {
            tip.1 = row.event.seq;
            tip.2 = row.hash;
        }
        Ok(())
    });
    let mut broken = false;
    if let Err(e) = read {
        ctx.say(&say_broken(lang, EVENTS_CSV, &e.text(lang)));
        return Ok(true);
    }
    for (observer, (name, seq, hash, problem)) in tips {
        let what = format!(
            "{EVENTS_CSV} · {name} ({observer}), {seq} · {}",
            hex::encode(hash)
        );
        match problem {
            None => ctx.say(&say_ok(lang, &what)),
            Some(why) => {
                broken = true;
                ctx.say(&say_broken(lang, &what, &why));
            }
        }
    }
    Ok(broken)
}
