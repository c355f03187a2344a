//! The command line, end to end: the reference record through `constat tick`, the report in each
//! format, and every refusal with its message and exit status.

use std::path::Path;

use constat::domain::EventBody;

use crate::util::{bin, constat, events, init_db, report_json, run, stderr, stdout, tick};

/// The reference record as events should hold it, one line each: `tick,CIRC,BUREAU,PANEL,ITEM,MARK`
/// for each row of `record.csv`, then the household's envelope and the non-receipt.
fn expected_reference_events() -> Vec<String> {
    let csv = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_data/paris-1-2017/record.csv"),
    )
    .unwrap();
    let mut lines: Vec<String> = csv.lines().skip(1).map(|l| format!("tick,{l}")).collect();
    lines.push("envelope,7501,75056_0911,4,1".into());
    lines.push("non_receipt,7501,75056_0911".into());
    lines
}

/// The database's events in the form of [`expected_reference_events`].
fn recorded(db: &Path) -> Vec<String> {
    events(db)
        .into_iter()
        .map(|e| match e.body {
            EventBody::Tick {
                circonscription,
                bureau,
                panel,
                item,
                mark,
                ..
            } => format!(
                "tick,{circonscription},{},{panel},{},{}",
                bureau.as_ref().map_or("", |b| b.as_str()),
                item.slug(),
                mark.slug()
            ),
            EventBody::Envelope {
                circonscription,
                bureau,
                voters,
                received,
                ..
            } => format!(
                "envelope,{circonscription},{},{voters},{received}",
                bureau.as_ref().map_or("", |b| b.as_str())
            ),
            EventBody::NonReceipt {
                circonscription,
                bureau,
                ..
            } => format!("non_receipt,{circonscription},{bureau}"),
            EventBody::Machines {
                bureau, machines, ..
            } => format!("machines,{bureau},{machines}"),
            EventBody::Retract { target } => format!("retract,{target}"),
            EventBody::Photo { bureau, photo, .. } => {
                format!("photo,{bureau},{}", hex::encode(photo.sha256))
            }
            EventBody::KeyChange { from, to } => format!("key_change,{from},{to}"),
        })
        .collect()
}

/// Replays `sample_data/paris-1-2017/record.csv` through `constat tick`, one process per tick,
/// then the envelope and the non-receipt, as `replay-record.sh` does.
fn replay_reference_record(db: &Path) {
    let csv = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_data/paris-1-2017/record.csv"),
    )
    .unwrap();
    // Typed in today, seen in 2017: the envelope on the Saturday, the table on the Sunday, in
    // Paris time (the record gives no time of day; these stand in for it).
    let saturday = "10/06/2017 18:00";
    for line in csv.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        let seen = if f[3] == "bureau" {
            "11/06/2017 10:00"
        } else {
            saturday
        };
        let out = run(
            constat(db).args([
                "tick",
                "--circonscription",
                f[0],
                "--bureau",
                f[1],
                "--candidate",
                f[2],
                "--item",
                f[3],
                "--value",
                f[4],
                "--seen-at",
                seen,
            ]),
            0,
        );
        // The acknowledgement names the event now in the database.
        let last = events(db).pop().expect("the tick is stored");
        assert!(
            stdout(&out).contains(&last.id.to_string()),
            "{}",
            stdout(&out)
        );
        let utc = if f[3] == "bureau" {
            "2017-06-11T08:00:00Z"
        } else {
            "2017-06-10T16:00:00Z"
        };
        assert_eq!(last.seen_at, Some(utc.parse().unwrap()));
    }
    run(
        constat(db).args([
            "envelope",
            "--circonscription",
            "7501",
            "--voters",
            "4",
            "--received",
            "1",
            "--seen-at",
            saturday,
        ]),
        0,
    );
    run(
        constat(db).args([
            "non-receipt",
            "--circonscription",
            "7501",
            "--bureau",
            "75056_0911",
            "--seen-at",
            saturday,
        ]),
        0,
    );
}

#[test]
fn the_reference_record_entered_through_the_cli_gives_the_2017_report() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    replay_reference_record(&db);
    assert_eq!(recorded(&db), expected_reference_events());
    let report = stdout(&run(constat(&db).arg("report"), 0));
    assert!(
        report.contains("15 candidats ont les trois éléments"),
        "{report}"
    );
    assert!(report.contains("7 candidats n'ont ni profession de foi ni bulletin dans l'enveloppe ; les 7 ont leur bulletin au bureau"));
    assert!(report.contains("1 enveloppe pour 4 électeurs : 3 manquantes"));
    assert!(report.contains("1 non-réception enregistrée"));
    // Times and the chain digest change from run to run; everything else is held whole.
    insta::with_settings!({filters => vec![
        (r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?( UTC|Z)?", "[time]"),
        // Local times as people read them: `3 décembre 2026, 7 h 09`.
        (r"(1er|\d{1,2}) \p{L}+ \d{4}, \d{1,2} h \d{2}", "[time]"),
        (r"[0-9a-f]{64}", "[digest]"),
        // The signer's key (new at each init) and the start of its chain hash.
        (r"[0-9A-Z]{4}(-[0-9A-Z]{4}){4}", "[fingerprint]"),
        (r"[0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}", "[hash]"),
    ]}, {
        insta::assert_snapshot!("reference_record_report_fr", report);
    });

    let csv = stdout(&run(
        constat(&db).args(["report", "--circonscription", "7501", "--format", "csv"]),
        0,
    ));
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(
        rows[0],
        "circonscription,panel,candidate,nuance,profession_de_foi,bulletin_courrier,bulletin_bureau"
    );
    assert_eq!(rows.len(), 23);
    assert_eq!(
        rows.iter()
            .filter(|r| r.ends_with(",present,present,present"))
            .count(),
        15
    );
    assert_eq!(
        rows.iter()
            .filter(|r| r.ends_with(",absent,absent,present"))
            .count(),
        7
    );
}

#[test]
fn the_bundled_replay_script_enters_the_same_record() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    let script =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_data/paris-1-2017/replay-record.sh");
    let out = std::process::Command::new("bash")
        .arg(script)
        .arg(&db)
        .arg(bin())
        .env("CONSTAT_KEY_DIR", crate::util::key_dir(&db))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(recorded(&db), expected_reference_events());
}

#[test]
fn report_writes_a_file_atomically_with_o() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    run(
        constat(&db).args([
            "tick",
            "--circonscription",
            "7501",
            "--candidate",
            "3",
            "--item",
            "bureau",
            "--value",
            "present",
        ]),
        0,
    );
    let file = dir.path().join("out").join("record.json");
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    let out = run(
        constat(&db)
            .args(["report", "--format", "json", "-o"])
            .arg(&file),
        0,
    );
    assert!(stdout(&out).contains("Rapport écrit"));
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(v["circonscriptions"][0]["rows"][2]["marks"][2], "present");
    // Only the report is left in the folder: no temporary file behind.
    assert_eq!(
        std::fs::read_dir(file.parent().unwrap()).unwrap().count(),
        1
    );
}

#[test]
fn a_tick_without_bureau_uses_the_current_bureau_of_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    run(
        constat(&db).args([
            "tick",
            "--circonscription",
            "7501",
            "--candidate",
            "1",
            "--item",
            "bureau",
            "--value",
            "absent",
        ]),
        0,
    );
    assert_eq!(recorded(&db), ["tick,7501,75056_0911,1,bureau,absent"]);
    let v = report_json(&db);
    let circ = &v["circonscriptions"][0];
    assert_eq!(circ["bureaux"][0]["code"], "75056_0911");
    assert_eq!(circ["rows"][0]["marks"][2], "absent");
}

#[test]
fn wrong_arguments_name_the_valid_choices_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    let before = std::fs::read(&db).unwrap();
    let cases: [(&[&str], i32, &str); 11] = [
        (
            &[
                "tick",
                "--circonscription",
                "7501",
                "--candidate",
                "23",
                "--item",
                "foi",
                "--value",
                "present",
            ],
            1,
            "aucun candidat n° 23 dans la circonscription 7501 ; numéros valides : 1, 2, 3",
        ),
        (
            &[
                "tick",
                "--circonscription",
                "7501",
                "--candidate",
                "abc",
                "--item",
                "foi",
                "--value",
                "present",
            ],
            1,
            "numéros valides : 1, 2",
        ),
        (
            &[
                "tick",
                "--circonscription",
                "7502",
                "--candidate",
                "1",
                "--item",
                "foi",
                "--value",
                "present",
            ],
            1,
            "la circonscription 7502 n'est pas dans cette base ; connues : 7501",
        ),
        (
            &[
                "tick",
                "--circonscription",
                "75-1",
                "--candidate",
                "1",
                "--item",
                "foi",
                "--value",
                "present",
            ],
            1,
            "n'est pas un code de circonscription",
        ),
        (
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
            2,
            "[valeurs possibles : present, absent, unchecked]",
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
            2,
            "[valeurs possibles : foi, courrier, bureau]",
        ),
        (
            &[
                "tick",
                "--circonscription",
                "7501",
                "--bureau",
                "75056_0101",
                "--candidate",
                "1",
                "--item",
                "bureau",
                "--value",
                "present",
            ],
            1,
            "le bureau 75056_0101 n'est pas un bureau de la circonscription 7501 ; ses bureaux : 75056_0901",
        ),
        (
            &[
                "envelope",
                "--circonscription",
                "7501",
                "--voters",
                "0",
                "--received",
                "0",
            ],
            1,
            "--voters doit valoir au moins 1",
        ),
        (
            &[
                "tick",
                "--circonscription",
                "7501",
                "--bureau",
                "75056_0901",
                "--candidate",
                "1",
                "--item",
                "bureau",
                "--value",
                "present",
                "--envelope",
                "2",
            ],
            1,
            "--envelope désigne une enveloppe reçue par courrier",
        ),
        (
            &[
                "tick",
                "--circonscription",
                "7501",
                "--candidate",
                "1",
                "--item",
                "foi",
                "--value",
                "present",
                "--envelope",
                "0",
            ],
            2,
            "un nombre entier de 1 à 999 est attendu",
        ),
        (
            &[
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
            2,
            "un jour de 2000 à 2099 est attendu",
        ),
    ];
    for (args, code, message) in cases {
        let out = run(constat(&db).args(args), code);
        assert!(
            stderr(&out).contains(message),
            "{args:?}:\n{}",
            stderr(&out)
        );
        assert!(
            stdout(&out).is_empty(),
            "{args:?} printed an acknowledgement"
        );
    }
    assert!(events(&db).is_empty());
    assert_eq!(
        std::fs::read(&db).unwrap(),
        before,
        "the database was written"
    );
}

#[test]
fn english_comes_from_lang_option_or_locale() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    let out = run(
        constat(&db).args([
            "--lang",
            "en",
            "tick",
            "--circonscription",
            "7501",
            "--candidate",
            "99",
            "--item",
            "foi",
            "--value",
            "present",
        ]),
        1,
    );
    assert!(
        stderr(&out).contains(
            "error: no candidate n° 99 in circonscription 7501; valid panel numbers: 1, 2"
        ),
        "{}",
        stderr(&out)
    );
    let out = run(constat(&db).env("LANG", "en_US.UTF-8").arg("report"), 0);
    assert!(stdout(&out).contains("Legislative election 2017 — round 1"));
    let out = run(constat(&db).env("LANG", "fr_FR.UTF-8").arg("report"), 0);
    assert!(stdout(&out).contains("Élections législatives 2017 — 1er tour"));
}

#[test]
fn init_never_overwrites_and_other_files_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    let before = std::fs::read(&db).unwrap();
    let out = run(constat(&db).args(["init", "--observer", "Autre"]), 1);
    assert!(
        stderr(&out).contains("existe déjà : constat n'écrase jamais une base"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read(&db).unwrap(), before);

    let missing = dir.path().join("nope.db");
    let out = run(constat(&missing).arg("report"), 1);
    assert!(
        stderr(&out).contains("aucune base constat à"),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("constat init --db"),
        "{}",
        stderr(&out)
    );
    assert!(!missing.exists(), "a report must not create a database");

    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "hello").unwrap();
    let out = run(constat(&text).arg("report"), 1);
    assert!(
        stderr(&out).contains("n'est pas une base constat"),
        "{}",
        stderr(&out)
    );

    let out = run(
        constat(&dir.path().join("x.db")).args(["init", "--sample", "lyon-2099"]),
        1,
    );
    assert!(
        stderr(&out).contains("échantillons intégrés : paris-1-2017"),
        "{}",
        stderr(&out)
    );
    assert!(!dir.path().join("x.db").exists());
}

#[test]
fn a_database_from_a_newer_constat_is_refused_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    rusqlite::Connection::open_with_flags(&db, rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE)
        .unwrap()
        .pragma_update(None, "user_version", 999)
        .unwrap();
    let before = std::fs::read(&db).unwrap();
    let out = run(constat(&db).arg("report"), 1);
    assert!(
        stderr(&out).contains("version plus récente de constat (schéma 999"),
        "{}",
        stderr(&out)
    );
    assert!(stdout(&out).is_empty());
    assert_eq!(
        std::fs::read(&db).unwrap(),
        before,
        "the newer file was changed"
    );
}

#[test]
fn the_database_defaults_to_constat_db_from_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("env.db");
    let mut cmd = std::process::Command::new(bin());
    cmd.env("CONSTAT_DB", &db)
        .env("CONSTAT_KEY_DIR", crate::util::key_dir(&db))
        .env("LANG", "fr_FR.UTF-8")
        .args(["init", "--observer", "Env"]);
    run(&mut cmd, 0);
    assert!(db.exists());
}

#[test]
fn demo_without_a_terminal_explains_and_keeps_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let out = run(
        constat(&db).arg("demo").stdin(std::process::Stdio::null()),
        1,
    );
    assert!(
        stderr(&out).contains("l'interface a besoin d'un terminal interactif"),
        "{}",
        stderr(&out)
    );
    assert!(stdout(&out).contains(&format!("Base de démonstration : {}", db.display())));
    // The demo database holds the sample, no observation yet, and works with the other commands.
    let store = constat::storage::Store::open(&db).unwrap();
    let data = store.election_data().unwrap();
    assert_eq!(data.referential.candidates.values().flatten().count(), 22);
    assert!(store.events().unwrap().is_empty());
    drop(store);
    let out = run(
        constat(&db).args(["report", "--circonscription", "7501", "--format", "json"]),
        0,
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        v["circonscriptions"][0]["rows"].as_array().unwrap().len(),
        22
    );
}

#[test]
fn help_teaches_with_examples_and_exit_codes() {
    let out = run(
        std::process::Command::new(bin())
            .env_remove("LANG")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("CONSTAT_LANG")
            .arg("--help"),
        0,
    );
    let help = stdout(&out);
    for needle in [
        "constat demo",
        "Exemples :",
        "Code de sortie",
        "CONSTAT_DB",
        "tick",
        "non-receipt",
    ] {
        assert!(help.contains(needle), "missing {needle} in:\n{help}");
    }
}

#[test]
fn each_envelope_of_a_household_is_ticked_apart_and_the_report_counts_them() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    run(
        constat(&db).args([
            "envelope",
            "--circonscription",
            "7501",
            "--voters",
            "2",
            "--received",
            "2",
            "--received-on",
            "2017-06-06",
            "--note",
            "boîte partagée",
        ]),
        0,
    );
    // Candidate 1's profession de foi: in the first envelope, not in the second; candidate 2's in
    // neither.
    for (panel, envelope, value) in [
        ("1", "1", "present"),
        ("1", "2", "absent"),
        ("2", "1", "absent"),
        ("2", "2", "absent"),
    ] {
        tick(&db, panel, "foi", value, &["--envelope", envelope]);
    }
    let out = run(constat(&db).args(["report", "--format", "json"]), 0);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let details = v["circonscriptions"][0]["details"].as_array().unwrap();
    let of = |kind: &str| {
        details
            .iter()
            .find(|d| d["finding"] == kind)
            .unwrap_or_else(|| panic!("no {kind} in {details:?}"))
    };
    assert_eq!(
        of("not_in_any_envelope")["envelopes"],
        2,
        "two envelopes of one household"
    );
    assert_eq!(
        of("possible_distribution_failure")["observations"][0]["envelope"],
        2
    );
    assert_eq!(
        of("shortfall")["observations"][0]["received_on"],
        "2017-06-06"
    );
    assert_eq!(of("shortfall")["observations"][0]["note"], "boîte partagée");
    assert!(details.iter().all(|d| d["finding"] != "disagreement"));
    let text = stdout(&run(constat(&db).arg("report"), 0));
    assert!(text.contains("enveloppe 2, "), "{text}");
    assert!(
        text.contains("arrivées le mardi 6 juin 2017, « boîte partagée »"),
        "{text}"
    );
    // The chain still verifies with events in the encoding's version 2.
    run(constat(&db).args(["verify"]).arg(&db), 0);
}
