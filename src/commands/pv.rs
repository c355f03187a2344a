//! `constat pv`: the réclamation for the procès-verbal, its annex (`--annex`), or the election
//! kind's remedy (`--appeal`), through [`crate::app::pv::text`]; with `--all -o DIR`, every
//! bureau's at once ([`crate::app::pv::write_every_bureau`]).

use super::Context;
use crate::app::pv::{Part, Request, text};
use crate::cli::PvArgs;
use crate::domain::BureauCode;
use crate::domain::appeal::Qualite;
use crate::error::{Error, check_text};
use crate::report::pv::Appeal;

/// `constat pv`.
pub fn run(args: &PvArgs, ctx: &mut Context<'_>) -> Result<(), Error> {
    let store = ctx.open_store()?;
    if let (true, Some(dir)) = (args.all, &args.output) {
        let count = crate::app::pv::write_every_bureau(&store, dir, ctx.lang)?;
        let line = crate::i18n::Message::new("pv-all-written")
            .arg("count", count)
            .arg("dir", super::shown(dir))
            .arg("index", crate::app::pv::INDEX_FILE)
            .render(ctx.lang);
        ctx.say(&line);
        return Ok(());
    }
    // clap requires --bureau without --all.
    let code = BureauCode::parse(args.bureau.as_deref().unwrap_or_default())?;
    let qualite = match &args.qualite {
        Some(q) => {
            let q = check_text("--qualite", q)?;
            Some(Qualite::parse(&q).ok_or(Error::BadQualite(q))?)
        }
        None => None,
    };
    let as_observer = match &args.as_observer {
        Some(name) => Some(check_text("--as", name)?),
        None => None,
    };
    let elected = match &args.elected {
        Some(name) => Some(check_text("--elected", name)?),
        None => None,
    };
    let part = if args.appeal {
        Part::Remedy(Appeal {
            proclamation: args.proclamation,
            margin: args.margin,
            elected: elected.as_deref(),
        })
    } else if args.annex {
        Part::Annex
    } else {
        Part::Reclamation
    };
    let request = Request {
        bureau: &code,
        as_observer: as_observer.as_deref(),
        qualite: qualite.clone(),
    };
    let said = text(&store, &request, part, ctx.lang)?;
    // The qualité given is the observer's from now on (editable later the same way); not
    // another observer's (`--as`), whose qualité is theirs, for this text only.
    if let (Some(q), None) = (&qualite, &as_observer) {
        store.set_signer_qualite(q)?;
    }
    // A closed pipe (`constat pv | head`) is not an error.
    let _ = ctx.out.write_all(said.as_bytes());
    Ok(())
}
