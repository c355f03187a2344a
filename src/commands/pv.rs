//! `constat pv`: the réclamation text for the procès-verbal.

use super::Context;
use crate::cli::PvArgs;
use crate::error::Error;

/// `constat pv`.
pub fn run(args: &PvArgs, ctx: &mut Context<'_>) -> Result<(), Error> {
    let _ = (args, ctx);
    Err(Error::NotYet("pv"))
}
