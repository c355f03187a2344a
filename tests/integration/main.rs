//! Integration tests: the real `constat` binary on real files. One test binary (faster to build).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod cli;
mod cli_help;
mod coordination;
mod escape;
mod findings_dataset;
mod forgery;
mod hostile;
mod import;
mod kill;
mod machines;
mod merge;
mod merge_laws;
mod national_report;
mod night;
mod output_guard;
mod photo_limits;
mod photos;
mod plain;
mod pv;
mod reference;
mod report_html;
mod roster;
mod rules;
mod spreadsheet;
mod traps;
mod tui_e2e;
mod util;
mod verify;
mod watch;
