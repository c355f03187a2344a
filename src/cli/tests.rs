//! The command line's own checks: the tree is well formed, every command and argument has its
//! messages in both languages, the French help holds no English of clap's, and clap's errors
//! keep their information in both languages.

use std::ffi::OsString;

use clap::{CommandFactory, FromArgMatches};

use super::errors::escape;
use super::help::tree_ids;
use super::{Cli, Stop, language_before_parsing, parse_with};
use crate::i18n::{Lang, has_message};

fn args(words: &[&str]) -> Vec<OsString> {
    std::iter::once("constat")
        .chain(words.iter().copied())
        .map(OsString::from)
        .collect()
}

/// No locale variable at all: French.
fn no_env(_: &str) -> Option<String> {
    None
}

#[test]
fn the_command_line_is_well_formed() {
    Cli::command().debug_assert();
    for lang in [Lang::Fr, Lang::En] {
        super::command(lang).debug_assert();
    }
}

/// A new command, flag or possible value without its help in French or English fails here.
#[test]
fn every_command_and_argument_has_its_messages() {
    let (ids, _) = tree_ids();
    assert!(
        ids.contains(&"cli-tick-arg-candidate".to_owned())
            && ids.contains(&"cli-import-candidates-about".to_owned())
            && ids.contains(&"cli-arg-lang-value-en".to_owned())
            && ids.contains(&"cli-value-name-file-or-dir".to_owned()),
        "the walk covers the tree: {ids:?}"
    );
    let missing: Vec<String> = ids
        .iter()
        .flat_map(|id| {
            [Lang::Fr, Lang::En]
                .into_iter()
                .filter(|lang| !has_message(*lang, id))
                .map(move |lang| format!("{id} ({lang:?})"))
        })
        .collect();
    assert!(missing.is_empty(), "messages missing: {missing:?}");
}

/// Every command's help in each language, as `--help` and `-h` print it.
fn every_help(lang: Lang) -> Vec<(String, String)> {
    fn walk(cmd: &mut clap::Command, name: &str, out: &mut Vec<(String, String)>) {
        out.push((name.to_owned(), cmd.render_long_help().to_string()));
        out.push((name.to_owned(), cmd.render_help().to_string()));
        let subs: Vec<String> = cmd
            .get_subcommands()
            .map(|s| s.get_name().to_owned())
            .filter(|s| s != "help")
            .collect();
        for sub in subs {
            if let Some(sc) = cmd.find_subcommand_mut(&sub) {
                walk(sc, &format!("{name} {sub}"), out);
            }
        }
    }
    let mut out = Vec::new();
    walk(&mut super::command(lang), "constat", &mut out);
    out
}

#[test]
fn the_french_help_has_no_english_left_and_no_missing_message() {
    let helps = every_help(Lang::Fr);
    assert!(helps.len() > 30, "every command is seen");
    for (name, help) in helps {
        for english in [
            "Usage:",
            "Options:",
            "Commands:",
            "Arguments:",
            "Print help",
            "Print version",
            "Possible values",
            "possible values",
            "[default:",
            "[env:",
            "Examples:",
            "<FILE>",
            "<COMMAND>",
            "cli-",
        ] {
            assert!(
                !help.contains(english),
                "{name}: {english:?} in the French help:\n{help}"
            );
        }
        assert!(help.contains("Utilisation : "), "{name}:\n{help}");
        assert!(help.contains("Options :"), "{name}:\n{help}");
    }
}

#[test]
fn the_english_help_says_what_clap_says() {
    for (name, help) in every_help(Lang::En) {
        assert!(!help.contains("cli-"), "{name}: a missing message:\n{help}");
        assert!(help.contains("Usage: "), "{name}:\n{help}");
        assert!(help.contains("  -h, --help"), "{name}:\n{help}");
    }
    let root = super::command(Lang::En).render_long_help().to_string();
    for needle in [
        "Examples:",
        "Exit status",
        "CONSTAT_DB",
        "CONSTAT_LANG",
        "Possible values:\n          - fr: Français\n          - en: English",
        "-V, --version\n          Print version",
    ] {
        assert!(root.contains(needle), "missing {needle:?} in:\n{root}");
    }
}

#[test]
fn the_language_is_known_before_parsing() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |k: &str| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| (*v).to_owned())
        }
    };
    let fr = env(&[("LANG", "fr_FR.UTF-8")]);
    let en = env(&[("LANG", "en_GB.UTF-8")]);
    assert_eq!(
        language_before_parsing(&args(&["--help"]), no_env),
        Lang::Fr
    );
    assert_eq!(language_before_parsing(&args(&["--help"]), en), Lang::En);
    assert_eq!(
        language_before_parsing(&args(&["--lang", "en", "tick"]), fr),
        Lang::En
    );
    assert_eq!(
        language_before_parsing(&args(&["tick", "--lang=EN"]), fr),
        Lang::En
    );
    assert_eq!(
        language_before_parsing(&args(&["--lang", "fr", "tick", "--help"]), en),
        Lang::Fr
    );
    // Not a language: the next source decides (and clap says the value is wrong).
    assert_eq!(
        language_before_parsing(&args(&["--lang", "de"]), en),
        Lang::En
    );
    // After `--`, words are values.
    assert_eq!(
        language_before_parsing(&args(&["verify", "--", "--lang", "en"]), fr),
        Lang::Fr
    );
    assert_eq!(
        language_before_parsing(
            &args(&[]),
            env(&[("CONSTAT_LANG", "en"), ("LANG", "fr_FR")])
        ),
        Lang::En
    );
    assert_eq!(
        language_before_parsing(
            &args(&[]),
            env(&[("CONSTAT_LANG", "de"), ("LANG", "en_US")])
        ),
        Lang::En
    );
    assert_eq!(
        language_before_parsing(&args(&[]), env(&[("LC_ALL", "en_US"), ("LANG", "fr_FR")])),
        Lang::En
    );
}

/// The usage error for `words`, in `lang`.
fn usage_error(words: &[&str], lang: Lang) -> String {
    let mut words = words.to_vec();
    words.extend(["--lang", if lang == Lang::En { "en" } else { "fr" }]);
    match parse_with(&args(&words), no_env) {
        Err(Stop::Usage(text)) => text,
        Err(Stop::Show(e)) => panic!("{words:?}: help instead of an error: {e}"),
        Ok(_) => panic!("{words:?} parsed"),
    }
}

#[test]
fn clap_errors_keep_their_information_in_french() {
    let cases: &[(&[&str], &[&str])] = &[
        (
            &["tick", "--circonscription", "7501", "--candidat", "1"],
            &[
                "erreur : argument inattendu : « --candidat »",
                "astuce : un argument semblable existe : « --candidate »",
                "Utilisation : constat tick",
                "Pour en savoir plus, essayez « --help ».",
            ],
        ),
        (
            &[
                "tick",
                "--circonscription",
                "7501",
                "--candidate",
                "1",
                "--item",
                "urne",
                "--value",
                "present",
            ],
            &[
                "valeur « urne » invalide pour « --item <COLONNE> »",
                "[valeurs possibles : foi, courrier, bureau]",
            ],
        ),
        (
            &["tick", "--circonscription", "7501"],
            &[
                "ces arguments obligatoires manquent :\n  --candidate <PANNEAU>\n  --item <COLONNE>\n  --value <VALEUR>",
            ],
        ),
        (
            &[
                "envelope",
                "--circonscription",
                "7501",
                "--voters",
                "deux",
                "--received",
                "1",
            ],
            &["valeur « deux » invalide pour « --voters <N> » : un nombre entier est attendu"],
        ),
        (
            &["init", "--round", "3"],
            &["un nombre entier de 1 à 2 est attendu"],
        ),
        (
            &[
                "pv",
                "--bureau",
                "75056_0911",
                "--appeal",
                "--proclamation",
                "18/06/2017",
            ],
            &["une date écrite AAAA-MM-JJ est attendue"],
        ),
        (
            &["verify", "a", "b"],
            &[
                "argument inattendu : « b »",
                "Utilisation : constat verify [OPTIONS] <CHEMIN>",
            ],
        ),
        (
            &["exporte"],
            &[
                "commande inconnue : « exporte »",
                "astuce : des commandes semblables existent : « import », « report », « export »",
            ],
        ),
        (
            &[
                "init",
                "--sample",
                "paris-1-2017",
                "--election",
                "legislatives-2024",
            ],
            &[
                "l'argument « --sample <NOM> » ne peut pas être utilisé avec « --election <TYPE-ANNÉE> »",
            ],
        ),
        (
            &["verify", "-x"],
            &["astuce : pour passer « -x » comme valeur, écrivez « -- -x »"],
        ),
    ];
    for (words, needles) in cases {
        let text = usage_error(words, Lang::Fr);
        for needle in *needles {
            assert!(
                text.contains(needle),
                "{words:?}: missing {needle:?} in:\n{text}"
            );
        }
        assert!(
            text.starts_with("erreur : ") && text.ends_with(".\n"),
            "{text}"
        );
        assert!(
            !text.contains("error:") && !text.contains("Usage:"),
            "{text}"
        );
    }
}

#[test]
fn clap_errors_in_english_are_clap_s_own_words() {
    let text = usage_error(
        &[
            "tick",
            "--circonscription",
            "7501",
            "--candidate",
            "1",
            "--item",
            "foi",
            "--value",
            "maybe",
        ],
        Lang::En,
    );
    assert_eq!(
        text,
        "error: invalid value 'maybe' for '--value <VALUE>'\n  [possible values: present, absent, unchecked]\n\n  tip: a similar value exists: 'absent'\n\nFor more information, try '--help'.\n"
    );
}

#[test]
fn values_typed_by_the_user_reach_the_terminal_escaped() {
    assert_eq!(
        escape("a\u{1b}[31mb\n\u{202e}é"),
        "a\\u{1b}[31mb⏎\\u{202e}é"
    );
    let text = usage_error(&["verify", "a", "b\u{1b}]0;x\u{7}"], Lang::Fr);
    assert!(text.contains("« b\\u{1b}]0;x\\u{7} »"), "{text}");
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n'),
        "{text:?}"
    );
}

#[test]
fn help_and_version_are_shown_not_errors() {
    for words in [
        &["--help"][..],
        &["tick", "-h"],
        &["--version"],
        &["help", "tick"],
        &["import"],
    ] {
        match parse_with(&args(words), no_env) {
            Err(Stop::Show(_)) => {}
            other => panic!("{words:?}: {other:?}"),
        }
    }
}

/// A command line that parses is parsed without the texts; the localised tree must parse it the
/// same way, since it is the one that parses again when clap has something to say.
#[test]
fn the_tree_with_texts_parses_as_the_plain_one() {
    for words in [
        &[
            "tick",
            "--circonscription",
            "7501",
            "--candidate",
            "3",
            "--item",
            "bureau",
            "--value",
            "absent",
            "--envelope",
            "2",
        ][..],
        &[
            "--lang",
            "EN",
            "init",
            "--election",
            "legislatives-2024",
            "--round",
            "2",
            "--date",
            "2024-07-07",
        ],
        &[
            "envelope",
            "--circonscription",
            "7501",
            "--voters",
            "4",
            "--received",
            "1",
            "--received-on",
            "06/06/2024",
        ],
        &[
            "--db", "x.db", "report", "--format", "csv", "-o", "r.csv", "--plain",
        ],
        &["merge", "--into", "n.db", "a", "b"],
    ] {
        let plain = super::help::plain_command()
            .try_get_matches_from(args(words))
            .map(|m| format!("{:?}", Cli::from_arg_matches(&m).map_err(|e| e.to_string())));
        for lang in [Lang::Fr, Lang::En] {
            let localised = super::command(lang)
                .try_get_matches_from(args(words))
                .map(|m| format!("{:?}", Cli::from_arg_matches(&m).map_err(|e| e.to_string())));
            assert!(plain.is_ok(), "{words:?}: {plain:?}");
            assert_eq!(
                plain.as_ref().ok(),
                localised.as_ref().ok(),
                "{words:?} in {lang:?}"
            );
        }
    }
}

/// A message of `cli.ftl` that nothing uses (a flag renamed or removed) fails here.
#[test]
fn every_cli_message_belongs_to_the_tree_or_to_the_code() {
    let (required, optional) = tree_ids();
    let mut named = Vec::new();
    for source in [include_str!("help.rs"), include_str!("errors.rs")] {
        for (at, _) in source.match_indices("Message::new(\"") {
            let rest = &source[at + "Message::new(\"".len()..];
            if let Some(end) = rest.find('"') {
                named.push(rest[..end].to_owned());
            }
        }
    }
    for (file, text) in [
        ("fr/cli.ftl", include_str!("../../locales/fr/cli.ftl")),
        ("en/cli.ftl", include_str!("../../locales/en/cli.ftl")),
    ] {
        let ids: Vec<&str> = text
            .lines()
            .filter(|l| l.starts_with("cli-"))
            .filter_map(|l| l.split_once(" =").map(|(id, _)| id))
            .collect();
        assert!(ids.len() > 100, "{file}: {} ids", ids.len());
        for id in ids {
            let id = id.to_owned();
            assert!(
                required.contains(&id) || optional.contains(&id) || named.contains(&id),
                "{file}: {id} belongs to no command, argument or code"
            );
        }
    }
}

#[test]
fn numbers_are_read_as_clap_read_them_and_refused_with_a_reason() {
    use super::BadValue;
    assert_eq!(super::envelope_number("2"), Ok(2));
    assert_eq!(super::envelope_number("+007"), Ok(7));
    assert_eq!(
        super::envelope_number("1000"),
        Err(BadValue::OutOfRange { min: 1, max: 999 })
    );
    assert_eq!(
        super::round("0"),
        Err(BadValue::OutOfRange { min: 1, max: 2 })
    );
    assert_eq!(super::count("4294967295"), Ok(u32::MAX));
    // Past u32, a count too large for any household: the recording rules refuse it with the
    // limits (issue 16, point 4), rather than clap with u32's.
    assert_eq!(super::count("99999999999999999999999"), Ok(u32::MAX));
    for bad in ["", "-1", "deux", "1.5", " 1"] {
        assert_eq!(super::count(bad), Err(BadValue::NotANumber), "{bad:?}");
    }
    assert!(super::arrival_day("06/06/2024").is_ok());
    assert_eq!(super::arrival_day("31/02/2017"), Err(BadValue::NotADay));
}

#[test]
fn an_error_kind_without_its_own_message_gets_a_french_sentence_with_clap_s_detail() {
    // clap's rendering drops escape sequences and control characters; what is left is escaped.
    let err = clap::Error::raw(clap::error::ErrorKind::Io, "broken\u{1b}[2J pipe\u{7}");
    let text = super::render_error(&err, Lang::Fr);
    assert_eq!(
        text,
        "erreur : la ligne de commande est incorrecte (détail de clap, en anglais : broken pipe)\n\nPour en savoir plus, essayez « --help ».\n"
    );
    let text = super::render_error(&err, Lang::En);
    assert!(text.starts_with("error: broken pipe"), "{text}");
}
