//! `constat verify PATH`: re-checks every hash chain and signature of a database, or every
//! file digest of an evidence folder's `MANIFEST` and the chains of its `events.csv`
//! ([`crate::app::evidence`]). Says each check; exits 1 when anything is broken.

use std::path::Path;

use super::Context;
use crate::app::evidence::{verify_database_file, verify_folder};
use crate::domain::outside::escape;
use crate::error::Error;
use crate::i18n::Localize;

/// `constat verify`.
pub fn run(path: &Path, ctx: &mut Context<'_>) -> Result<(), Error> {
    let verdicts = if path.is_dir() {
        verify_folder(path)?
    } else {
        verify_database_file(path)?
    };
    let lang = ctx.lang;
    let cat = lang.catalog();
    let mut broken = false;
    for v in &verdicts {
        let what = escape(&v.subject.text(lang)).into_owned();
        match &v.broken {
            None => ctx.say(&(cat.verify_ok)(&what)),
            Some(why) => {
                broken = true;
                ctx.say(&(cat.verify_broken)(&what, &escape(&why.text(lang))));
            }
        }
    }
    if broken {
        Err(Error::VerifyFailed(path.to_owned()))
    } else {
        Ok(())
    }
}
