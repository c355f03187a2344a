//! `--help` and clap's own errors in the user's language, through the real binary: the language
//! comes from `--lang`, `CONSTAT_LANG`, `LC_ALL`, `LC_MESSAGES` or `LANG` (French by default),
//! and the exit status is clap's (0 for help and version, 2 for a wrong command line).

use std::process::Command;

use crate::util::{bin, english_in, run, stderr, stdout};

/// `constat` with no language or database variable from the environment; `env` adds some.
fn constat(env: &[(&str, &str)]) -> Command {
    let mut c = Command::new(bin());
    for var in [
        "CONSTAT_DB",
        "CONSTAT_LANG",
        "LC_ALL",
        "LC_MESSAGES",
        "LANG",
    ] {
        c.env_remove(var);
    }
    c.env("NO_COLOR", "1");
    for (k, v) in env {
        c.env(k, v);
    }
    c
}

fn help(env: &[(&str, &str)], args: &[&str]) -> String {
    let out = run(constat(env).args(args), 0);
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
    stdout(&out)
}

const FRENCH_ROOT: &[&str] = &[
    "constat : consigner, pour chaque candidat",
    "Utilisation : ",
    "Commandes :",
    "Options :",
    "  tick          Consigner une case du relevé",
    "Fichier de la base",
    "[variable d'environnement : CONSTAT_DB]",
    "[variable d'environnement : CONSTAT_LANG]",
    "Valeurs possibles :",
    "-h, --help\n          Afficher l'aide (un résumé avec « -h »)",
    "-V, --version\n          Afficher la version",
    "Exemples :",
    "Code de sortie : 0 succès",
];

const FRENCH_TICK: &[&str] = &[
    "Consigner une case du relevé : un élément d'un candidat",
    "Utilisation : constat tick [OPTIONS] --circonscription <CODE> --candidate <PANNEAU>",
    "Options :",
    "Numéro de panneau du candidat",
    "- foi      : Profession de foi dans l'enveloppe",
    "- unchecked : Effacer la case",
    "Afficher l'aide",
    "Exemple : constat tick --circonscription 7501",
];

fn assert_all(text: &str, needles: &[&str]) {
    for needle in needles {
        assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
    }
}

fn assert_no_english_of_clap(text: &str) {
    for english in [
        "Usage:",
        "Options:",
        "Commands:",
        "Arguments:",
        "Print help",
        "Print version",
        "Possible values",
        "[default:",
        "[env:",
        "Examples:",
    ] {
        assert!(!text.contains(english), "{english:?} in:\n{text}");
    }
}

#[test]
fn help_is_french_by_default_and_with_a_french_locale() {
    for (env, args) in [
        (&[("LANG", "fr_FR.UTF-8")][..], &["--help"][..]),
        (&[], &["--help"]),
        (&[("LANG", "C.UTF-8")], &["--help"]),
        (&[("LANG", "en_GB.UTF-8")], &["--lang", "fr", "--help"]),
    ] {
        let text = help(env, args);
        assert_all(&text, FRENCH_ROOT);
        assert_no_english_of_clap(&text);
    }
    for (env, args) in [
        (&[][..], &["tick", "--help"][..]),
        (
            &[("LANG", "en_GB.UTF-8")],
            &["--lang", "fr", "tick", "--help"],
        ),
        (&[("LANG", "en_GB.UTF-8")], &["tick", "--help", "--lang=fr"]),
        (
            &[("LANG", "en_GB.UTF-8"), ("CONSTAT_LANG", "fr")],
            &["tick", "--help"],
        ),
    ] {
        let text = help(env, args);
        assert_all(&text, FRENCH_TICK);
        assert_no_english_of_clap(&text);
    }
    // Every command, in short and long form, and through the help subcommand.
    for args in [
        &["demo", "--help"][..],
        &["init", "-h"],
        &["ui", "--help"],
        &["envelope", "--help"],
        &["non-receipt", "--help"],
        &["import", "--help"],
        &["import", "candidates", "--help"],
        &["import", "bureaux", "-h"],
        &["merge", "--help"],
        &["export", "evidence", "--help"],
        &["pv", "--help"],
        &["verify", "--help"],
        &["report", "--help"],
        &["help", "report"],
        &["help", "help"],
        &["import", "help", "help"],
    ] {
        let text = help(&[], args);
        assert!(text.contains("Utilisation : constat"), "{args:?}:\n{text}");
        assert_no_english_of_clap(&text);
    }
    let report = help(&[], &["report", "--help"]);
    assert_all(
        &report,
        &[
            "[par défaut : text]",
            "- html : Une page web autonome",
            "Colonnes CSV",
        ],
    );
    let verify = help(&[], &["verify", "--help"]);
    assert_all(&verify, &["Arguments :\n  <CHEMIN>"]);
}

#[test]
fn help_is_english_with_an_english_locale_or_lang_en() {
    for env in [
        &[("LANG", "en_GB.UTF-8")][..],
        &[("LANG", "fr_FR.UTF-8"), ("LC_MESSAGES", "en_US.UTF-8")],
        &[("LANG", "fr_FR.UTF-8"), ("LC_ALL", "en_US.UTF-8")],
        &[("LANG", "fr_FR.UTF-8"), ("CONSTAT_LANG", "en")],
        &[("CONSTAT_LANG", "EN")],
    ] {
        let text = help(env, &["--help"]);
        assert_all(
            &text,
            &[
                "constat: record, per candidate",
                "Usage: ",
                "Commands:",
                "Options:",
                "-h, --help\n          Print help (see a summary with '-h')",
                "-V, --version\n          Print version",
                "Examples:",
                "[env: CONSTAT_DB]",
            ],
        );
    }
    // French locale, --lang en: English.
    let text = help(
        &[("LANG", "fr_FR.UTF-8")],
        &["--lang", "en", "tick", "--help"],
    );
    assert_all(
        &text,
        &[
            "Usage: constat tick [OPTIONS] --circonscription <CODE> --candidate <PANEL>",
            "- foi:      Profession de foi in the envelope",
            "Example: constat tick",
        ],
    );
    // LC_ALL comes before LANG: French wins over an English LANG.
    let text = help(
        &[("LC_ALL", "fr_FR.UTF-8"), ("LANG", "en_GB.UTF-8")],
        &["-h"],
    );
    assert!(text.contains("Utilisation : "), "{text}");
}

#[test]
fn the_environment_variables_are_shown_and_an_unusable_value_is_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("env.db");
    let db = db.to_str().unwrap();
    let text = help(&[("CONSTAT_DB", db)], &["report", "--help"]);
    assert!(
        text.contains(&format!("[variable d'environnement : CONSTAT_DB={db}]")),
        "{text}"
    );
    run(
        constat(&[("CONSTAT_DB", db)]).args(["init", "--observer", "Env"]),
        0,
    );
    let report = stdout(&run(constat(&[("CONSTAT_DB", db)]).arg("report"), 0));
    assert!(report.contains("Élections législatives 2017"), "{report}");
    // An unknown CONSTAT_LANG is ignored (the locale speaks), as before; --lang de is refused.
    let report = stdout(&run(
        constat(&[
            ("CONSTAT_DB", db),
            ("CONSTAT_LANG", "de"),
            ("LANG", "en_US"),
        ])
        .arg("report"),
        0,
    ));
    assert!(report.contains("Legislative election 2017"), "{report}");
    let out = run(
        constat(&[("CONSTAT_DB", db)]).args(["--lang", "de", "report"]),
        2,
    );
    assert!(
        stderr(&out).contains(
            "valeur « de » invalide pour « --lang <LANGUE> »\n  [valeurs possibles : fr, en]"
        ),
        "{}",
        stderr(&out)
    );
    // An empty CONSTAT_DB is no database given: the default path, not an error.
    let data = dir.path().join("data");
    let out = run(
        constat(&[
            ("CONSTAT_DB", ""),
            ("XDG_DATA_HOME", data.to_str().unwrap()),
        ])
        .args(["init", "--observer", "Défaut"]),
        0,
    );
    assert!(stdout(&out).contains("Base créée"), "{}", stdout(&out));
}

/// `args` must be refused with exit status 2, nothing on standard output; gives stderr.
fn refused(env: &[(&str, &str)], args: &[&str]) -> String {
    let out = run(constat(env).args(args), 2);
    assert!(stdout(&out).is_empty(), "{}", stdout(&out));
    stderr(&out)
}

#[test]
fn clap_errors_are_french_with_the_same_information_and_status() {
    let tick = ["tick", "--circonscription", "7501", "--candidate", "1"];
    let cases: Vec<(Vec<&str>, &[&str])> = vec![
        (
            [&tick[..], &["--item", "foi", "--valeur", "present"]].concat(),
            &[
                "erreur : argument inattendu : « --valeur »",
                "  astuce : un argument semblable existe : « --value »",
                "Utilisation : constat tick --circonscription <CODE> --candidate <PANNEAU> --item <COLONNE> --value <VALEUR>",
                "Pour en savoir plus, essayez « --help ».",
            ],
        ),
        (
            [&tick[..], &["--item", "foi", "--value", "maybe"]].concat(),
            &[
                "erreur : valeur « maybe » invalide pour « --value <VALEUR> »\n  [valeurs possibles : present, absent, unchecked]",
                "astuce : une valeur semblable existe : « absent »",
            ],
        ),
        (
            tick.to_vec(),
            &[
                "erreur : ces arguments obligatoires manquent :\n  --item <COLONNE>\n  --value <VALEUR>",
            ],
        ),
        (
            vec![
                "envelope",
                "--circonscription",
                "7501",
                "--voters",
                "4",
                "--received",
                "un",
            ],
            &["valeur « un » invalide pour « --received <N> » : un nombre entier est attendu"],
        ),
        (
            [
                &tick[..],
                &["--item", "foi", "--value", "absent", "--envelope", "0"],
            ]
            .concat(),
            &[
                "valeur « 0 » invalide pour « --envelope <N> » : un nombre entier de 1 à 999 est attendu",
            ],
        ),
        (
            vec![
                "envelope",
                "--circonscription",
                "7501",
                "--voters",
                "2",
                "--received",
                "2",
                "--received-on",
                "31/02/2017",
            ],
            &["un jour de 2000 à 2099 est attendu : écrivez AAAA-MM-JJ ou JJ/MM/AAAA"],
        ),
        (
            vec!["verify", "a.db", "b.db"],
            &[
                "erreur : argument inattendu : « b.db »",
                "Utilisation : constat verify [OPTIONS] <CHEMIN>",
            ],
        ),
        (
            vec!["pv"],
            &["cet argument obligatoire manque :\n  --bureau <CODE>"],
        ),
        (
            vec!["rapport"],
            &[
                "erreur : commande inconnue : « rapport »",
                "astuce : des commandes semblables existent : « import », « export », « report »",
            ],
        ),
        (
            vec!["--lang", "fr", "verify", "-q"],
            &["astuce : pour passer « -q » comme valeur, écrivez « -- -q »"],
        ),
    ];
    for (args, needles) in cases {
        let text = refused(&[("LANG", "en_GB.UTF-8"), ("CONSTAT_LANG", "fr")], &args);
        assert_all(&text, needles);
        assert!(text.starts_with("erreur : "), "{text}");
        assert_no_english_of_clap(&text);
        assert!(
            english_in(&text).is_empty(),
            "{:?} in:\n{text}",
            english_in(&text)
        );
    }
}

#[test]
fn clap_errors_are_clap_s_own_in_english() {
    let text = refused(
        &[("LANG", "en_GB.UTF-8")],
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
    );
    assert_eq!(
        text,
        "error: invalid value 'urne' for '--item <ITEM>'\n  [possible values: foi, courrier, bureau]\n\n  tip: a similar value exists: 'bureau'\n\nFor more information, try '--help'.\n"
    );
    let text = refused(&[], &["--lang", "en", "tick", "--circonscription"]);
    assert!(
        text.starts_with(
            "error: a value is required for '--circonscription <CODE>' but none was supplied"
        ),
        "{text}"
    );
}

#[test]
fn help_and_version_exit_0_and_a_missing_subcommand_shows_the_help_with_2() {
    let out = run(constat(&[]).arg("--version"), 0);
    assert!(stdout(&out).starts_with("constat "), "{}", stdout(&out));
    let out = run(constat(&[]).arg("import"), 2);
    assert!(
        stderr(&out).contains("Utilisation : constat import [OPTIONS] <COMMANDE>"),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("Commandes :\n  candidates"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn values_typed_on_the_command_line_are_escaped_in_errors() {
    let text = refused(&[], &["verify", "a.db", "b\u{1b}]0;pwned\u{7}\u{202e}.db"]);
    assert!(
        text.contains("« b\\u{1b}]0;pwned\\u{7}\\u{202e}.db »"),
        "{text}"
    );
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{202e}'),
        "{text:?}"
    );
}
