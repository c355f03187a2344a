//! constat: record whether election material reached voters and bureaux de vote, and turn the
//! record into evidence.
//!
//! Where things are:
//! - [`domain`]: the pure core. Codes, the election, reference data, observation events, the
//!   state folded from them and the record with its findings. No I/O.
//! - [`report`]: pure rendering of records as text, Markdown, CSV and JSON, to any writer.
//! - [`storage`]: the SQLite file; the only module that speaks SQL. Append-only events, WAL,
//!   `synchronous=FULL`, numbered migrations from `schema/`.
//! - [`sample`]: the sample data bundled in the binary (from `sample_data/`).
//! - [`tui`]: the terminal interface (Elm style: model, messages, pure `update` and `view`,
//!   a runtime that alone touches the terminal and the store).
//! - [`plain`]: the plain mode (`--plain`): the record as lines of text, for a screen reader.
//! - [`app`]: the application layer every front end and the benches call: databases, places,
//!   the clock and event ids, report assembly.
//! - [`commands`]: one module per subcommand, wiring the command line to [`app`]; used by the
//!   binary only.
//! - [`system`]: what the OS or SQLite said about a failure, as a typed detail.
//! - [`cli`]: the command-line definition; [`i18n`]: every user-visible string; [`error`]: errors
//!   that say what, where and how to fix.
#![forbid(unsafe_code)]

// Test fixtures shared with the integration tests (tests/fixtures/) name the crate `constat`.
#[cfg(test)]
extern crate self as constat;

pub mod app;
pub mod cli;
pub mod commands;
pub mod domain;
pub mod error;
pub mod export;
pub mod i18n;
pub mod import;
pub mod plain;
pub mod report;
pub mod sample;
pub mod storage;
pub mod system;
pub mod tui;
