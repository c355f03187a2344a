//! The `constat` binary: parses the command line, runs it, maps errors to a message and an exit code.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use constat::cli::Cli;
use constat::commands::{self, Context};
use constat::i18n::Lang;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = cli.lang.unwrap_or_else(|| {
        std::env::var("CONSTAT_LANG")
            .ok()
            .and_then(|l| <Lang as clap::ValueEnum>::from_str(&l, true).ok())
            .unwrap_or_else(|| Lang::from_locale(|k| std::env::var(k).ok()))
    });
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
                e.message(lang)
            );
            ExitCode::from(1)
        }
    }
}
