//! The `constat` binary: parses the command line, runs it, maps errors to a message and an exit code.

use std::io::Write;
use std::process::ExitCode;

use constat::commands::{self, Context};

fn main() -> ExitCode {
    // The language is known before clap parses (`--lang`, $CONSTAT_LANG, the locale), so that
    // `--help` and clap's errors are in it.
    let (cli, lang) = match constat::cli::parse(&std::env::args_os().collect::<Vec<_>>()) {
        Ok(parsed) => parsed,
        Err(stop) => return stop.print(),
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut ctx = Context {
        lang,
        db: cli.db.clone(),
        out: &mut out,
    };
    match commands::run(cli, &mut ctx) {
        Ok(()) => {
            let _ = out.flush();
            ExitCode::SUCCESS
        }
        Err(e) => {
            let _ = out.flush();
            let cat = lang.catalog();
            let _ = writeln!(
                std::io::stderr(),
                "constat: {}{}{}",
                cat.error_prefix,
                cat.list_sep,
                escaped_lines(&e.message(lang))
            );
            ExitCode::from(1)
        }
    }
}

/// An error's text with every control and bidirectional character of its lines shown as an
/// escape: the values it carries (a path, a file's value) came from outside; its own lines are
/// kept.
fn escaped_lines(text: &str) -> String {
    text.split('\n')
        .map(|line| constat::domain::outside::escape(line).into_owned())
        .collect::<Vec<_>>()
        .join("\n")
}
