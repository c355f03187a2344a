//! `constat demo`: the interface on a fresh database made from the bundled sample.

use super::Context;
use crate::app::database::create_from_sample;
use crate::cli::DemoArgs;
use crate::error::Error;
use crate::sample;
use crate::storage::Store;

/// `constat demo` (`--plain`: in the plain mode).
pub fn run(args: &DemoArgs, plain: bool, ctx: &mut Context<'_>) -> Result<(), Error> {
    let path = match &ctx.db {
        Some(p) => p.clone(),
        None => {
            let stamp = crate::app::now().format("%Y%m%d-%H%M%S");
            std::env::temp_dir().join(format!("constat-demo-{stamp}-{}.db", std::process::id()))
        }
    };
    let mut store = if path.exists() {
        Store::open(&path)?
    } else {
        create_from_sample(&path, &args.sample, "Démo", None)?
    };
    if args.record && store.events()?.is_empty() {
        let sample = sample::find(&args.sample).ok_or_else(|| Error::UnknownSample {
            name: args.sample.clone(),
            known: sample::all_names(),
        })?;
        let day = store.election()?.date;
        for body in sample.record_events()? {
            let seen = sample.record_seen_at(day, &body);
            crate::app::append_seen(&mut store, body, seen)?;
        }
    }
    let result = if plain {
        crate::plain::run(store, ctx.lang, &mut *ctx.out)
    } else {
        crate::tui::run(store, ctx.lang)
    };
    // Said whether the interface ran or not, so the user can always find the file.
    let line = (ctx.lang.catalog().demo_db_was)(&super::shown(&path));
    ctx.say(&line);
    result
}
