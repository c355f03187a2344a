//! `constat verify PATH`: re-checks every hash chain and signature of a database, or every
//! file of an evidence folder (its `MANIFEST` and signature, `signatures.csv`, the chain digest
//! and the chains of its `events.csv`, [`crate::app::folder_check`]). Says each check; exits 1
//! when anything is broken.
//!
//! `constat verify --pv REFERENCE PATH`: whether PATH holds exactly the state that a
//! procès-verbal's chain reference pins, and how far it extends it; exits 1 otherwise, naming
//! the first difference.

use std::path::Path;

use super::Context;
use crate::app::evidence::{Verdict, verify_database_file};
use crate::app::folder_check::{PvDifference, check_reference, parse_reference};
use crate::domain::outside::escape;
use crate::error::Error;
use crate::i18n::{Localize, Message};

/// `constat verify`.
pub fn run(path: &Path, pv: Option<&str>, ctx: &mut Context<'_>) -> Result<(), Error> {
    if let Some(typed) = pv {
        return run_pv(typed, path, ctx);
    }
    let (verdicts, photos) = if path.is_dir() {
        crate::app::folder_check::verify_folder_with_photos(path)?
    } else {
        (
            verify_database_file(path)?,
            crate::app::photos::verify_photos(path)?,
        )
    };
    let mut broken = false;
    for v in &verdicts {
        broken |= say(v, ctx);
    }
    broken |= say_photos(&photos, ctx);
    if broken {
        Err(Error::VerifyFailed(path.to_owned()))
    } else {
        Ok(())
    }
}

/// Prints one verdict; whether it is broken.
fn say(v: &Verdict, ctx: &mut Context<'_>) -> bool {
    let lang = ctx.lang;
    let cat = lang.catalog();
    let what = escape(&v.subject.text(lang)).into_owned();
    match &v.broken {
        None => {
            ctx.say(&(cat.verify_ok)(&what));
            false
        }
        Some(why) => {
            ctx.say(&(cat.verify_broken)(&what, &escape(&why.text(lang))));
            true
        }
    }
}

/// Says the photos of a database or a folder checked against their events (issue 19); whether
/// one is altered. A photo whose bytes did not come is said, not a break.
fn say_photos(photos: &[crate::storage::PhotoCheck], ctx: &mut Context<'_>) -> bool {
    use crate::storage::PhotoState;
    let mut broken = false;
    for check in photos {
        let sha = check.sha256.get(..16).unwrap_or(&check.sha256).to_owned();
        let base = |id: &'static str| {
            Message::new(id)
                .arg("name", escape(&check.name).into_owned())
                .arg("sha", sha.clone())
                .arg("id", check.event.to_string())
        };
        let line = match &check.state {
            PhotoState::Intact => base("verify-photo-intact"),
            PhotoState::NotReceived => base("verify-photo-not-received"),
            PhotoState::ThumbnailOnly => base("verify-photo-thumbnail-only"),
            PhotoState::Altered(found) => {
                broken = true;
                base("verify-photo-altered").arg("found", escape(found).into_owned())
            }
        }
        .render(ctx.lang);
        ctx.say(&line);
    }
    broken
}

fn run_pv(typed: &str, path: &Path, ctx: &mut Context<'_>) -> Result<(), Error> {
    let reference = parse_reference(typed)?;
    let shown = reference.to_string();
    let lang = ctx.lang;
    match check_reference(&reference, path)? {
        Ok(found) => {
            ctx.say(
                &Message::new("verify-pv-holds")
                    .arg("reference", &shown)
                    .arg("name", escape(&found.name).into_owned())
                    .arg("observer", found.observer.to_string())
                    .arg("seq", reference.seq)
                    .arg("after", found.events.saturating_sub(reference.seq))
                    .render(lang),
            );
            Ok(())
        }
        Err(difference) => {
            if let PvDifference::NotIntact(first) = &difference {
                say(first, ctx);
            }
            ctx.say(
                &Message::new("verify-pv-differs")
                    .arg("reference", &shown)
                    .arg("why", escape(&difference.text(lang)).into_owned())
                    .render(lang),
            );
            Err(Error::VerifyFailed(path.to_owned()))
        }
    }
}
