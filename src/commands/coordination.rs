//! `constat coordination`: the coordinator's live national picture (issue 18 point 3), full
//! screen and refreshed as merges land, or once as text with `--once`.

use super::Context;
use crate::app::coordination::Live;
use crate::cli::CoordinationArgs;
use crate::error::Error;

/// Facts printed by `--once` at most.
const FACTS: usize = 20;

/// `constat coordination [--once]`.
pub fn run(args: &CoordinationArgs, ctx: &mut Context<'_>) -> Result<(), Error> {
    let store = ctx.open_store()?;
    if args.once {
        let picture = Live::new().refresh(&store)?;
        // A closed pipe is not an error (as `say`).
        let _ = crate::report::coordination::write_national(&picture, ctx.lang, FACTS, ctx.out);
        return Ok(());
    }
    crate::tui::coordination::runtime::run(&store, ctx.lang)
}
