//! `constat init`: a new observer database from a bundled sample, an election to fill by
//! import, or a coordinator's reference file (`--reference`).

use super::Context;
use crate::app::database::{create_for_election, create_from_reference, create_from_sample};
use crate::cli::InitArgs;
use crate::domain::appeal::Qualite;
use crate::error::{Error, check_text};

/// `constat init`.
pub fn run(args: &InitArgs, ctx: &mut Context<'_>) -> Result<(), Error> {
    let path = ctx.db_path()?;
    let observer = match &args.observer {
        Some(name) => check_text("--observer", name)?,
        None => default_observer_name(),
    };
    // The qualité is checked before anything is created.
    let qualite = match &args.qualite {
        Some(q) => {
            let q = check_text("--qualite", q)?;
            Some(Qualite::parse(&q).ok_or(Error::BadQualite(q))?)
        }
        None => None,
    };
    if let Some(reference) = &args.reference {
        let (store, summary) =
            create_from_reference(&path, reference, &observer, args.bureau.as_deref())?;
        if let Some(q) = &qualite {
            store.set_signer_qualite(q)?;
        }
        let line = crate::i18n::Message::new("created-from-reference")
            .arg("path", super::shown(store.path()))
            .arg(
                "who",
                crate::domain::outside::escape(&observer).into_owned(),
            )
            .arg("reference", super::shown(reference))
            .arg("circs", summary.circonscriptions)
            .arg("bureaux", summary.bureaux)
            .render(ctx.lang);
        ctx.say(&line);
        return Ok(());
    }
    let store = match &args.election {
        Some(election) => create_for_election(
            &path,
            election,
            args.round,
            args.date,
            &observer,
            args.bureau.as_deref(),
        )?,
        None => create_from_sample(
            &path,
            args.sample.as_deref().unwrap_or("paris-1-2017"),
            &observer,
            args.bureau.as_deref(),
        )?,
    };
    if let Some(q) = &qualite {
        store.set_signer_qualite(q)?;
    }
    let line = (ctx.lang.catalog().created_db)(&super::shown(store.path()), &observer);
    ctx.say(&line);
    Ok(())
}

/// The login name, else "observateur".
fn default_observer_name() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .into_iter()
        .filter_map(|k| std::env::var(k).ok())
        .find_map(|v| check_text("--observer", &v).ok())
        .unwrap_or_else(|| "observateur".to_owned())
}
