//! `constat verify PATH`: re-checks hash chains, signatures and manifests.

use std::path::Path;

use super::Context;
use crate::error::Error;

/// `constat verify`.
pub fn run(path: &Path, ctx: &mut Context<'_>) -> Result<(), Error> {
    let _ = (path, ctx);
    Err(Error::NotYet("verify"))
}
