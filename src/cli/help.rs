//! `--help` in the user's language: the messages of `locales/*/cli.ftl` applied to the command
//! tree that the derive in [`super`] builds, by walking it. Nothing here declares a command or
//! a flag; every id is computed from the command path and the argument id:
//!
//! - `cli-about` (the root), `cli-tick-about`, `cli-import-candidates-about`: a command's about,
//!   with optional `…-long-about` (shown by `--help`) and `…-after-help` (examples, notes);
//! - `cli-arg-db` (a global flag, declared on the root), `cli-tick-arg-candidate`: an argument's
//!   help, with optional `…-long` (shown by `--help`) and, for each possible value `V`, `…-value-V`;
//! - `cli-value-name-file`: a value name (`FILE`, `FILE_OR_DIR` → `cli-value-name-file-or-dir`).
//!
//! The test `every_command_and_argument_has_its_messages` walks the same tree and checks that each
//! of these messages exists in both languages.

use clap::{Arg, Command, CommandFactory};

use crate::i18n::{self, Lang, Message};

use super::errors::escape;

/// The message `id` (computed here, so not seen by the catalogue's source scan) in `lang`.
fn text(lang: Lang, id: &str) -> String {
    i18n::format(lang, id, &[])
}

/// The message `id` in `lang`, when the catalogue defines it.
fn optional(lang: Lang, id: &str) -> Option<String> {
    i18n::has_message(lang, id).then(|| text(lang, id))
}

/// A text kept for the whole run, for clap's `&'static str` settings (value names).
fn leak(text: String) -> &'static str {
    Box::leak(text.into_boxed_str())
}

/// The message id of a value name: `FILE_OR_DIR` → `cli-value-name-file-or-dir`, `1|2` →
/// `cli-value-name-1-2`.
pub(super) fn value_name_id(name: &str) -> String {
    let kebab: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    format!("cli-value-name-{kebab}")
}

/// The message id of argument `id` of the command at `path`: `cli-envelope-arg-received-on`.
fn arg_base(path: &str, id: &str) -> String {
    format!("{path}-arg-{}", id.replace('_', "-"))
}

/// The possible values an argument shows (those of a value enum; a flag's `true`/`false` are
/// not typed by users).
fn possible_values(arg: &Arg) -> Vec<String> {
    if !arg.get_action().takes_values() {
        return Vec::new();
    }
    arg.get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_owned())
        .collect()
}

/// The value names an argument shows (`<FILE>`), as the derive set them.
pub(super) fn value_names(arg: &Arg) -> Vec<String> {
    if !arg.get_action().takes_values() {
        return Vec::new();
    }
    match arg.get_value_names() {
        Some(names) => names.iter().map(ToString::to_string).collect(),
        None => vec![arg.get_id().as_str().to_uppercase()],
    }
}

/// The `constat` command as the derive declares it, for parsing a command line that needs no
/// text (the usual case: building the texts is left for help and errors). Like [`command`], it
/// ignores an environment variable whose value the argument cannot take.
pub(super) fn plain_command() -> Command {
    without_unusable_env(super::Cli::command())
}

/// `cmd` without the environment variables whose value its arguments cannot take.
fn without_unusable_env(mut cmd: Command) -> Command {
    let ids: Vec<String> = cmd
        .get_arguments()
        .filter(|a| {
            a.get_env().is_some_and(|name| {
                !std::env::var_os(name).is_some_and(|v| usable_env_value(a, &v))
            })
        })
        .map(|a| a.get_id().as_str().to_owned())
        .collect();
    for id in ids {
        cmd = cmd.mut_arg(&id, |a| a.env(None::<&str>));
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in names {
        cmd = cmd.mut_subcommand(&name, without_unusable_env);
    }
    cmd
}

/// The `constat` command with every text in `lang`: clap parses with it, prints its help, and
/// its errors are then rendered by [`super::render_error`].
pub fn command(lang: Lang) -> Command {
    let mut cmd = localize(super::Cli::command(), "cli", lang);
    // Built once so that clap's own parts (the help and version flags, the `help` subcommand)
    // and the global flags copied into every subcommand exist and can be given their texts.
    cmd.build();
    finish(cmd, lang)
}

/// The texts of the command at `path` (`cli`, `cli-tick`) and, recursively, of its subcommands.
fn localize(mut cmd: Command, path: &str, lang: Lang) -> Command {
    cmd = cmd
        .about(text(lang, &format!("{path}-about")))
        .before_help(None::<&str>)
        .before_long_help(None::<&str>)
        .after_long_help(None::<&str>);
    cmd = match optional(lang, &format!("{path}-long-about")) {
        Some(long) => cmd.long_about(long),
        None => cmd.long_about(None::<&str>),
    };
    cmd = match optional(lang, &format!("{path}-after-help")) {
        Some(after) => cmd.after_help(after),
        None => cmd.after_help(None::<&str>),
    };
    if cmd.has_subcommands() {
        cmd = cmd.subcommand_value_name(leak(Message::new("cli-value-name-command").render(lang)));
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().as_str().to_owned())
        .collect();
    for id in ids {
        let base = arg_base(path, &id);
        cmd = cmd.mut_arg(&id, |arg| localize_arg(arg, &base, lang));
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in names {
        let child = format!("{path}-{name}");
        cmd = cmd.mut_subcommand(&name, |sub| localize(sub, &child, lang));
    }
    cmd
}

/// One argument's texts: its help (`base`), long help (`base-long`), value names, and the
/// bracketed details clap would write in English (environment variable, default, possible
/// values), written here from the catalogue instead.
fn localize_arg(mut arg: Arg, base: &str, lang: Lang) -> Arg {
    let names = value_names(&arg);
    if !names.is_empty() {
        let local: Vec<&'static str> = names
            .iter()
            .map(|n| leak(text(lang, &value_name_id(n))))
            .collect();
        arg = arg.value_names(local);
    }

    let mut specs = Vec::new();
    if let Some(name) = arg.get_env().map(|n| n.to_string_lossy().into_owned()) {
        let value = std::env::var_os(&name);
        let usable = value.as_ref().is_some_and(|v| usable_env_value(&arg, v));
        specs.push(match value.filter(|_| usable) {
            Some(v) => Message::new("cli-spec-env-set")
                .arg("name", name.as_str())
                .arg("value", escape(&v.to_string_lossy()))
                .render(lang),
            None => Message::new("cli-spec-env")
                .arg("name", name.as_str())
                .render(lang),
        });
        if !usable {
            // An empty or unknown value is ignored, as constat always did, instead of being an
            // error: `CONSTAT_DB=` means no database given, `CONSTAT_LANG=de` the locale.
            arg = arg.env(None::<&str>);
        }
    }
    if arg.get_action().takes_values() && !arg.get_default_values().is_empty() {
        let defaults: Vec<String> = arg
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect();
        specs.push(
            Message::new("cli-spec-default")
                .arg("value", defaults.join(" "))
                .render(lang),
        );
    }
    let values = possible_values(&arg);

    let help = text(lang, base);
    let mut short = help.clone();
    for spec in &specs {
        short.push(' ');
        short.push_str(spec);
    }
    let mut long = optional(lang, &format!("{base}-long")).unwrap_or(help);
    if !values.is_empty() {
        short.push(' ');
        short.push_str(
            &Message::new("cli-spec-possible-values")
                .arg("values", values.join(", "))
                .render(lang),
        );
        long.push_str("\n\n");
        long.push_str(&Message::new("cli-heading-possible-values").render(lang));
        let width = values.iter().map(|v| v.chars().count()).max().unwrap_or(0);
        for value in &values {
            let pad = " ".repeat(width - value.chars().count());
            long.push('\n');
            long.push_str(
                &Message::new("cli-possible-value")
                    .arg("name", value.as_str())
                    .arg("pad", pad)
                    .arg("help", text(lang, &format!("{base}-value-{value}")))
                    .render(lang),
            );
        }
    }
    if !specs.is_empty() {
        long.push_str("\n\n");
        long.push_str(&specs.join(" "));
    }
    let takes_values = arg.get_action().takes_values();
    arg = arg.help(short).long_help(long).hide_env(true);
    if takes_values {
        arg = arg.hide_default_value(true).hide_possible_values(true);
    }
    arg
}

/// Whether clap may take `value` from the argument's environment variable: not empty, and one
/// of the possible values when there are some.
fn usable_env_value(arg: &Arg, value: &std::ffi::OsStr) -> bool {
    if value.is_empty() {
        return false;
    }
    let values = arg.get_possible_values();
    if values.is_empty() {
        return true;
    }
    let ignore_case = arg.is_ignore_case_set();
    value
        .to_str()
        .is_some_and(|v| values.iter().any(|p| p.matches(v, ignore_case)))
}

/// After the build: the help and version flags, the `help` subcommand, and the help template
/// with the headings, for this command and its subcommands.
fn finish(mut cmd: Command, lang: Lang) -> Command {
    // clap gives `-h` and `--help` two texts when `--help` shows more.
    let more = cmd
        .get_arguments()
        .find(|a| a.get_id() == "help")
        .map(|help| help.get_long_help().is_some());
    if let Some(more) = more {
        cmd = cmd.mut_arg("help", |a| {
            if more {
                a.help(Message::new("cli-help-more").render(lang))
                    .long_help(Message::new("cli-help-summary").render(lang))
            } else {
                a.help(Message::new("cli-help").render(lang))
            }
        });
    }
    if cmd.get_arguments().any(|a| a.get_id() == "version") {
        cmd = cmd.mut_arg("version", |a| {
            a.help(Message::new("cli-version").render(lang))
        });
    }
    let layout = template(&cmd, lang);
    cmd = cmd.help_template(layout);
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in names {
        cmd = if name == "help" && !cmd.is_disable_help_subcommand_set() {
            // clap's own `help` subcommand: its about and headings, not its name-only children.
            cmd.mut_subcommand("help", |h| {
                let about = Message::new("cli-help-subcommand").render(lang);
                let mut h = h.about(about.clone()).subcommand_value_name(leak(
                    Message::new("cli-value-name-command").render(lang),
                ));
                if h.find_subcommand("help").is_some() {
                    h = h.mut_subcommand("help", |hh| hh.about(about));
                }
                let layout = template(&h, lang);
                h.help_template(layout)
            })
        } else {
            cmd.mut_subcommand(&name, |sub| finish(sub, lang))
        };
    }
    cmd
}

/// clap's default help layout, with the headings from the catalogue.
fn template(cmd: &Command, lang: Lang) -> String {
    let styles = cmd.get_styles();
    let header = styles.get_header();
    let usage = styles.get_usage();
    let heading = |m: Message<'_>| format!("{header}{}{header:#}", m.render(lang));
    let mut sections = Vec::new();
    if cmd.get_subcommands().any(|s| !s.is_hide_set()) {
        sections.push(format!(
            "{}\n{{subcommands}}",
            heading(Message::new("cli-heading-commands"))
        ));
    }
    if cmd.get_positionals().any(|a| !a.is_hide_set()) {
        sections.push(format!(
            "{}\n{{positionals}}",
            heading(Message::new("cli-heading-arguments"))
        ));
    }
    if cmd
        .get_arguments()
        .any(|a| !a.is_positional() && !a.is_hide_set())
    {
        sections.push(format!(
            "{}\n{{options}}",
            heading(Message::new("cli-heading-options"))
        ));
    }
    let usage_heading = format!(
        "{usage}{}{usage:#}",
        Message::new("cli-heading-usage").render(lang)
    );
    if sections.is_empty() {
        format!("{{before-help}}{{about-with-newline}}\n{usage_heading} {{usage}}{{after-help}}")
    } else {
        format!(
            "{{before-help}}{{about-with-newline}}\n{usage_heading} {{usage}}\n\n{}{{after-help}}",
            sections.join("\n\n")
        )
    }
}

/// Every message id the command tree needs, and those it may have (long about, after help, an
/// argument's long help): the tests check that the first exist in both languages and that the
/// catalogue holds no `cli-` message for a command or flag that no longer exists.
#[cfg(test)]
pub(super) fn tree_ids() -> (Vec<String>, Vec<String>) {
    let (mut required, mut optional) = (Vec::new(), Vec::new());
    walk_ids(&super::Cli::command(), "cli", &mut required, &mut optional);
    for ids in [&mut required, &mut optional] {
        ids.sort();
        ids.dedup();
    }
    (required, optional)
}

#[cfg(test)]
fn walk_ids(cmd: &Command, path: &str, required: &mut Vec<String>, optional: &mut Vec<String>) {
    required.push(format!("{path}-about"));
    optional.push(format!("{path}-long-about"));
    optional.push(format!("{path}-after-help"));
    for arg in cmd.get_arguments() {
        let base = arg_base(path, arg.get_id().as_str());
        for value in possible_values(arg) {
            required.push(format!("{base}-value-{value}"));
        }
        for name in value_names(arg) {
            required.push(value_name_id(&name));
        }
        optional.push(format!("{base}-long"));
        required.push(base);
    }
    for sub in cmd.get_subcommands() {
        walk_ids(
            sub,
            &format!("{path}-{}", sub.get_name()),
            required,
            optional,
        );
    }
}
