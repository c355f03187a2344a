//! Reference files (issue 18 point 1): `constat reference -o FILE` writes the reference data
//! only, never over a file; `constat init --reference FILE` makes observers with their own
//! identity and key, and `--bureau` is checked and kept (or refused), never ignored; with it, the
//! observer's file holds only its bureau's slice and signs the whole file's digest, which the
//! coordinator's merge recognises without reading a row (and a forger's rows change nothing).

use std::path::{Path, PathBuf};

use constat::domain::EventBody;

use crate::util::{constat, events, init_db, run, tick};

/// Rows of `table` in the SQLite file `db`, read directly (what the file really holds).
fn count(db: &Path, table: &str) -> i64 {
    let conn =
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    conn.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

/// The coordinator's database (the Paris sample, with one observation of its own) and the
/// reference file written from it.
fn reference(dir: &Path) -> (PathBuf, PathBuf) {
    let national = init_db(dir);
    tick(&national, "1", "foi", "absent", &["--bureau", "75056_0911"]);
    let file = dir.join("reference.db");
    run(constat(&national).args(["reference", "-o"]).arg(&file), 0);
    (national, file)
}

fn observer_from(reference: &Path, db: &Path, name: &str, bureau: &str) {
    run(
        constat(db)
            .args(["init", "--reference"])
            .arg(reference)
            .args(["--observer", name, "--bureau", bureau]),
        0,
    );
}

#[test]
fn a_reference_file_holds_the_reference_data_only_and_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let (national, file) = reference(dir.path());
    for table in [
        "event",
        "event_signature",
        "chain_head",
        "observer",
        "setting",
        "roster",
    ] {
        assert_eq!(count(&file, table), 0, "{table}");
    }
    assert_eq!(count(&file, "circonscription"), 1);
    assert_eq!(count(&file, "candidate"), count(&national, "candidate"));
    assert_eq!(count(&file, "bureau"), count(&national, "bureau"));
    // One self-contained file: nothing beside it.
    assert!(!dir.path().join("reference.db-wal").exists());
    let before = std::fs::read(&file).unwrap();
    run(constat(&national).args(["reference", "-o"]).arg(&file), 1);
    assert_eq!(std::fs::read(&file).unwrap(), before);
    // Nor over the database itself.
    run(
        constat(&national).args(["reference", "-o"]).arg(&national),
        1,
    );
    assert_eq!(events(&national).len(), 1);
    // With a roster, the reference file carries it.
    run(
        constat(&national).args(["roster", "add", "Alice", "K7QF-3M2X-9PZA-W4TR-HN6C"]),
        0,
    );
    let with_roster = dir.path().join("reference-roster.db");
    run(
        constat(&national)
            .args(["reference", "-o"])
            .arg(&with_roster),
        0,
    );
    assert_eq!(count(&with_roster, "roster"), 1);
    assert_eq!(count(&with_roster, "observer"), 0);
}

#[test]
fn observers_made_from_a_reference_file_have_their_own_identity_key_and_bureau_and_merge() {
    let dir = tempfile::tempdir().unwrap();
    let (national, file) = reference(dir.path());
    let alice = dir.path().join("alice.db");
    let bob = dir.path().join("bob.db");
    observer_from(&file, &alice, "Alice", "75056_0911");
    observer_from(&file, &bob, "Bob", "75056_0913");
    let id = |db: &Path| {
        constat::storage::Store::open(db)
            .unwrap()
            .local_observer()
            .unwrap()
            .id
    };
    assert_ne!(id(&alice), id(&bob));
    assert_ne!(id(&alice), id(&national));
    let key = |db: &Path| -> String {
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap()
            .query_row(
                "SELECT public_key FROM observer WHERE is_local = 1",
                [],
                |r| r.get(0),
            )
            .unwrap()
    };
    assert_ne!(key(&alice), key(&bob));
    assert_ne!(key(&alice), key(&national));
    // The bureau given is the current one: a tick without --bureau is filed there.
    tick(&alice, "2", "courrier", "absent", &[]);
    tick(&bob, "3", "foi", "absent", &[]);
    let bureau_of = |db: &Path| match &events(db)[0].body {
        EventBody::Tick { bureau, .. } => bureau.as_ref().map(ToString::to_string),
        other => panic!("{other:?}"),
    };
    assert_eq!(bureau_of(&alice).as_deref(), Some("75056_0911"));
    assert_eq!(bureau_of(&bob).as_deref(), Some("75056_0913"));
    run(
        constat(&national)
            .args(["merge", "--into"])
            .arg(&national)
            .arg(&alice)
            .arg(&bob),
        0,
    );
    assert_eq!(events(&national).len(), 3);
}

#[test]
fn an_unknown_bureau_or_a_bad_reference_file_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (_, file) = reference(dir.path());
    let db = dir.path().join("obs.db2");
    run(
        constat(&db).args(["init", "--reference"]).arg(&file).args([
            "--observer",
            "Alice",
            "--bureau",
            "75056_9999",
        ]),
        1,
    );
    assert!(!db.exists());
    // Not a constat file at all.
    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, b"SQLite format 3\0 but not really").unwrap();
    run(
        constat(&db)
            .args(["init", "--reference"])
            .arg(&junk)
            .args(["--observer", "Alice"]),
        1,
    );
    assert!(!db.exists());
    // A reference file cannot be combined with a sample or an election.
    run(
        constat(&db)
            .args(["init", "--reference"])
            .arg(&file)
            .args(["--election", "legislatives-2024"]),
        2,
    );
    assert!(!db.exists());
}

#[test]
fn init_for_an_election_no_longer_ignores_bureau() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("obs.db");
    run(
        constat(&db).args([
            "init",
            "--election",
            "legislatives-2024",
            "--bureau",
            "75056_0911",
            "--observer",
            "Alice",
        ]),
        1,
    );
    assert!(!db.exists());
    // A sample's bureau is still checked and kept.
    run(
        constat(&db).args(["init", "--sample", "paris-1-2017", "--bureau", "75056_0915"]),
        0,
    );
    assert_eq!(
        constat::storage::Store::open(&db)
            .unwrap()
            .current_bureau()
            .unwrap()
            .map(|b| b.to_string())
            .as_deref(),
        Some("75056_0915")
    );
}

// --- Reference data of the night (issue 18 point 7): machine bureaux in bulk, national tables ---

/// The Machines events of `db`: (bureau, machines).
fn machines_events(db: &Path) -> Vec<(String, bool)> {
    events(db)
        .into_iter()
        .filter_map(|e| match e.body {
            EventBody::Machines {
                bureau, machines, ..
            } => Some((bureau.to_string(), machines)),
            _ => None,
        })
        .collect()
}

#[test]
fn machines_from_a_table_records_each_bureau_as_a_signed_event_all_or_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    let table = dir.path().join("machines.csv");
    // A spreadsheet's export: `;`, a code without its padding, a blank line, an empty cell.
    std::fs::write(
        &table,
        "bureau;machine_a_voter\n75056_0913;oui\n75056_914;1\n\n75056_0915;\n75056_0916;non\n",
    )
    .unwrap();
    run(constat(&db).args(["machines", "--from"]).arg(&table), 0);
    assert_eq!(
        machines_events(&db),
        [
            ("75056_0913".to_owned(), true),
            ("75056_0914".to_owned(), true),
            ("75056_0916".to_owned(), false),
        ]
    );
    // Signed like any observation: the chain and its head verify, and every event is covered
    // by its own signature, so a coordinator's merge (which refuses uncovered events) takes them.
    run(constat(&db).arg("verify").arg(&db), 0);
    let elsewhere = dir.path().join("national");
    std::fs::create_dir_all(&elsewhere).unwrap();
    let national = init_db(&elsewhere);
    run(
        constat(&national)
            .args(["merge", "--into"])
            .arg(&national)
            .arg(&db),
        0,
    );
    assert_eq!(machines_events(&national).len(), 3);
    // One bad line anywhere: nothing of the file is recorded.
    for (name, text) in [
        (
            "unknown.csv",
            "bureau,machines\n75056_0917,1\n75056_9999,1\n",
        ),
        (
            "yes-no.csv",
            "bureau,machines\n75056_0917,1\n75056_0918,peut-être\n",
        ),
        ("twice.csv", "bureau,machines\n75056_0917,1\n75056_0917,0\n"),
        ("columns.csv", "code_postal,machines\n75001,1\n"),
    ] {
        let bad = dir.path().join(name);
        std::fs::write(&bad, text).unwrap();
        let out = run(constat(&db).args(["machines", "--from"]).arg(&bad), 1);
        assert!(crate::util::stderr(&out).contains(name), "{name}");
        assert_eq!(machines_events(&db).len(), 3, "{name}");
    }
    // --from and --bureau are one or the other.
    run(
        constat(&db)
            .args(["machines", "--bureau", "75056_0913", "--from"])
            .arg(&table),
        2,
    );
}

/// Etalab's bureau ↔ circonscription table for 69,000 generated bureaux (96 départements, five
/// circonscriptions each), with a voting-machines column: one bureau in ten says yes, one no.
fn national_bureaux(path: &Path) {
    let mut deps: Vec<String> = (1..=95)
        .filter(|n| *n != 20)
        .map(|n| format!("{n:02}"))
        .collect();
    deps.extend(["2A".to_owned(), "2B".to_owned()]);
    let mut text = String::from(
        "codeDepartement,nomDepartement,codeCirconscription,nomCirconscription,codeCommune,nomCommune,numeroBureauVote,codeBureauVote,machine_a_voter\n",
    );
    for i in 0..69_000 {
        let dep = &deps[i % deps.len()];
        let j = i / deps.len();
        let commune = format!("{dep}{:03}", j / 10 + 1);
        let number = format!("{:04}", j % 10 + 1);
        let circ = format!("{dep}{:02}", j % 5 + 1);
        let yes = match i % 10 {
            0 => "oui",
            1 => "non",
            _ => "",
        };
        text.push_str(&format!(
            "{dep},Département,{circ},{},{commune},\"Commune {commune}\",{number},{commune}_{number},{yes}\n",
            j % 5 + 1
        ));
    }
    std::fs::write(path, text).unwrap();
}

#[test]
fn a_national_bureau_table_imports_and_marks_its_machines_quickly() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("nat.db");
    run(
        constat(&db).args([
            "init",
            "--election",
            "legislatives-2024",
            "--observer",
            "Coord",
        ]),
        0,
    );
    let table = dir.path().join("bureaux.csv");
    national_bureaux(&table);
    let start = std::time::Instant::now();
    run(constat(&db).args(["import", "bureaux"]).arg(&table), 0);
    let import = start.elapsed();
    assert_eq!(count(&db, "bureau"), 69_000);
    let start = std::time::Instant::now();
    run(constat(&db).args(["machines", "--from"]).arg(&table), 0);
    let machines = start.elapsed();
    assert_eq!(count(&db, "event"), 13_800);
    println!(
        "69,000 bureaux: import {:.2} s, machines --from (13,800 events) {:.2} s ({} build)",
        import.as_secs_f64(),
        machines.as_secs_f64(),
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        }
    );
    // Generous bounds for a debug build on a loaded machine (release: see docs/PERFORMANCE.md).
    assert!(import.as_secs() < 30, "import took {import:?}");
    assert!(machines.as_secs() < 60, "machines --from took {machines:?}");
}

// --- Every PV at once (issue 18 point 5) ---

fn pv_of(db: &Path, args: &[&str]) -> String {
    crate::util::stdout(&run(constat(db).arg("pv").args(args), 0))
}

#[test]
fn pv_all_writes_each_bureau_with_a_finding_from_the_observers_who_saw_it() {
    let dir = tempfile::tempdir().unwrap();
    let (national, file) = reference(dir.path());
    let alice = dir.path().join("alice.db");
    let bob = dir.path().join("bob.db");
    observer_from(&file, &alice, "Alice", "75056_0911");
    observer_from(&file, &bob, "Bob", "75056_0911");
    // Seen on the election day (a tick typed now, years later, is no fact of it).
    let day = ["--seen-at", "11:00"];
    tick(&alice, "3", "bureau", "absent", &day);
    tick(&bob, "3", "bureau", "absent", &day);
    // Seen in place: no finding at 0913; a finding at 0915, seen by Alice alone.
    tick(
        &bob,
        "4",
        "bureau",
        "present",
        &["--bureau", "75056_0913", "--seen-at", "11:00"],
    );
    tick(
        &alice,
        "4",
        "bureau",
        "absent",
        &["--bureau", "75056_0915", "--seen-at", "11:00"],
    );
    run(
        constat(&national)
            .args(["merge", "--into"])
            .arg(&national)
            .arg(&alice)
            .arg(&bob),
        0,
    );
    let out = dir.path().join("pv");
    run(constat(&national).args(["pv", "--all", "-o"]).arg(&out), 0);
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["75056_0911.txt", "75056_0915.txt", "index.txt"]);
    // Each file is what `constat pv` prints for each observer of the bureau, réclamation then
    // annex, in observer order (Alice, Bob by id: compare as a set of parts).
    let of = |bureau: &str, who: &str| {
        format!(
            "{}\n{}\n",
            pv_of(&national, &["--bureau", bureau, "--as", who]),
            pv_of(&national, &["--bureau", bureau, "--as", who, "--annex"])
        )
    };
    let read = |name: &str| std::fs::read_to_string(out.join(name)).unwrap();
    let mut parts: Vec<String> = read("75056_0911.txt")
        .split("\u{c}\n")
        .map(str::to_owned)
        .collect();
    parts.sort();
    let mut expected = vec![of("75056_0911", "Alice"), of("75056_0911", "Bob")];
    expected.sort();
    assert_eq!(parts, expected);
    assert_eq!(read("75056_0915.txt"), of("75056_0915", "Alice"));
    let index = read("index.txt");
    assert!(index.contains("75056_0911.txt") && index.contains("75056_0915.txt"));
    assert!(!index.contains("75056_0913"));
    // A folder that holds something is refused and left as it was.
    let before = read("index.txt");
    run(constat(&national).args(["pv", "--all", "-o"]).arg(&out), 1);
    assert_eq!(read("index.txt"), before);
    // --all needs -o, and -o needs --all.
    run(constat(&national).args(["pv", "--all"]), 2);
    run(
        constat(&national)
            .args(["pv", "--bureau", "75056_0911", "-o"])
            .arg(dir.path().join("x")),
        2,
    );
}

// --- Observer files that carry only their bureau's part of the reference file (issue 18) ---

/// A coordinator's database of three circonscriptions (`0101` and `0102` in the Ain, `0201`
/// in the Aisne), three candidates and two or three bureaux each, made with the library (its
/// key in the test's key folder), and the reference file written from it by the binary.
fn three_circonscriptions(dir: &Path) -> (PathBuf, PathBuf) {
    use constat::domain::referential::ElectionData;
    use constat::domain::{
        Bureau, BureauCode, Candidate, Circonscription, CirconscriptionCode, Election,
        ElectionKind, ObserverId, Panel, Referential, Sex,
    };
    let mut r = Referential::default();
    for (circ, bureaux) in [
        ("0101", &["01004_0001", "01004_0002", "01053_0001"][..]),
        ("0102", &["01283_0001", "01283_0002"][..]),
        ("0201", &["02408_0001", "02408_0002", "02691_0001"][..]),
    ] {
        let code = CirconscriptionCode::parse(circ).unwrap();
        r.circonscriptions.insert(
            code.clone(),
            Circonscription {
                code: code.clone(),
                label: format!("Circonscription {circ}"),
            },
        );
        r.candidates.insert(
            code.clone(),
            (1..=3)
                .map(|p| Candidate {
                    circonscription: code.clone(),
                    panel: Panel::new(p).unwrap(),
                    surname: format!("CANDIDAT-{circ}-{p}"),
                    given_name: "Camille".into(),
                    sex: Sex::F,
                    nuance: "DIV".into(),
                })
                .collect(),
        );
        for b in bureaux {
            let b = BureauCode::parse(b).unwrap();
            r.bureaux.insert(
                b.clone(),
                Bureau {
                    code: b.clone(),
                    circonscription: Some(code.clone()),
                    label: format!("Bureau {b}"),
                    address: String::new(),
                    commune: String::new(),
                    voting_machines: false,
                },
            );
        }
    }
    let data = ElectionData {
        election: Election {
            kind: ElectionKind::Legislatives,
            year: 2024,
            round: 1,
            date: None,
        },
        referential: r,
    };
    let national = dir.join("national.db");
    drop(
        constat::storage::Store::create_with_keys(
            &national,
            &data,
            &constat::storage::LocalObserver {
                id: ObserverId(uuid::Uuid::new_v4()),
                name: "Coordination".into(),
            },
            chrono::DateTime::from_timestamp(1_719_720_000, 0).unwrap(),
            &constat::storage::KeyDir::at(crate::util::key_dir(&national)),
        )
        .unwrap(),
    );
    let file = dir.join("reference.db");
    run(constat(&national).args(["reference", "-o"]).arg(&file), 0);
    (national, file)
}

/// `db` opened for writing as it is (what a forger edits by hand).
fn rw(db: &Path) -> rusqlite::Connection {
    rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE).unwrap()
}

/// The reference digest the local observer of `db` signed (hex), read directly.
fn signed_digest(db: &Path) -> String {
    rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        .unwrap()
        .query_row(
            "SELECT reference_digest FROM observer WHERE is_local = 1",
            [],
            |r| r.get(0),
        )
        .unwrap()
}

/// The digest of the reference data `file` holds (hex).
fn digest_of(file: &Path) -> String {
    let data = constat::storage::Store::open_reference(file)
        .unwrap()
        .election_data()
        .unwrap();
    hex::encode(constat::domain::reference_digest::reference_digest(&data))
}

/// A tick of candidate `panel` at `bureau` of `circ`, which must end with `expected`.
fn tick_at(db: &Path, circ: &str, bureau: &str, panel: &str, expected: i32) {
    run(
        constat(db).args([
            "tick",
            "--circonscription",
            circ,
            "--bureau",
            bureau,
            "--candidate",
            panel,
            "--item",
            "bureau",
            "--value",
            "absent",
        ]),
        expected,
    );
}

#[test]
fn a_bureau_s_observer_file_holds_its_circonscription_only_and_signs_the_whole_reference() {
    let dir = tempfile::tempdir().unwrap();
    let (national, file) = three_circonscriptions(dir.path());
    let whole = digest_of(&file);
    let alice = dir.path().join("alice.db");
    observer_from(&file, &alice, "Alice", "01004_0002");
    // The election, the bureau's circonscription, its candidates and bureaux: nothing else.
    assert_eq!(count(&alice, "circonscription"), 1);
    assert_eq!(count(&alice, "candidate"), 3);
    assert_eq!(count(&alice, "bureau"), 3);
    assert_eq!(count(&alice, "election"), 1);
    // Her statement names the whole reference file, and keeps naming it after she worked in
    // her file (each command opens it and checks the statement).
    assert_eq!(signed_digest(&alice), whole);
    assert_ne!(digest_of(&alice), whole);
    tick_at(&alice, "0101", "01004_0002", "2", 0);
    tick_at(&alice, "0101", "01053_0001", "3", 0);
    assert_eq!(signed_digest(&alice), whole);
    // `verify` finds no break.
    run(constat(&alice).args(["verify"]).arg(&alice), 0);
    // Without --bureau, everything is copied, as before.
    let all = dir.path().join("all.db");
    run(
        constat(&all)
            .args(["init", "--reference"])
            .arg(&file)
            .args(["--observer", "Tout"]),
        0,
    );
    assert_eq!(count(&all, "bureau"), 8);
    assert_eq!(count(&all, "candidate"), 9);
    assert_eq!(signed_digest(&all), whole);
    // The coordinator merges it (the fast path: same digest); its reference data are unchanged,
    // and so is their change count (the live view reads none again).
    let before = digest_of(&national);
    let version = |db: &Path| {
        constat::storage::Store::open(db)
            .unwrap()
            .reference_version()
            .unwrap()
    };
    let national_version = version(&national);
    run(
        constat(&national)
            .args(["merge", "--into"])
            .arg(&national)
            .arg(&alice),
        0,
    );
    assert_eq!(events(&national).len(), 2);
    assert_eq!(digest_of(&national), before);
    assert_eq!(count(&national, "bureau"), 8);
    assert_eq!(version(&national), national_version);
    // An observer of another circonscription merges Alice's file into theirs: their reference
    // data differ (another slice), so the rows are compared and taken; ticks land.
    let bruno = dir.path().join("bruno.db");
    observer_from(&file, &bruno, "Bruno", "02691_0001");
    assert_eq!(count(&bruno, "bureau"), 3);
    let bruno_version = version(&bruno);
    run(
        constat(&bruno)
            .args(["merge", "--into"])
            .arg(&bruno)
            .arg(&alice),
        0,
    );
    assert_eq!(events(&bruno).len(), 2);
    assert_eq!(count(&bruno, "bureau"), 6);
    assert!(
        version(&bruno) > bruno_version,
        "rows taken: a change counted"
    );
}

#[test]
fn a_presidentielle_observer_file_holds_every_candidate_and_the_bureaux_of_its_commune() {
    let dir = tempfile::tempdir().unwrap();
    let national = dir.path().join("national.db");
    run(
        constat(&national).args([
            "init",
            "--sample",
            "presidentielle-2022",
            "--observer",
            "Coordination",
        ]),
        0,
    );
    let file = dir.path().join("reference.db");
    run(constat(&national).args(["reference", "-o"]).arg(&file), 0);
    let lyon = dir.path().join("lyon.db");
    observer_from(&file, &lyon, "Lyon", "69123_0102");
    // One national circonscription, all its candidates; the bureaux of Lyon only.
    assert_eq!(count(&lyon, "circonscription"), 1);
    assert_eq!(count(&lyon, "candidate"), count(&file, "candidate"));
    assert_eq!(count(&lyon, "bureau"), 2);
    assert!(count(&file, "bureau") > 2);
    assert_eq!(signed_digest(&lyon), digest_of(&file));
}

#[test]
fn a_file_claiming_the_whole_reference_digest_changes_no_reference_row_and_names_only_ours() {
    let dir = tempfile::tempdir().unwrap();
    let (national, file) = three_circonscriptions(dir.path());
    let whole = digest_of(&file);
    // A forger made from the reference file edits their own rows — a candidate renamed, a
    // bureau added — and the slice digest constat keeps beside them, so that their statement
    // still names the whole reference file.
    let forged = dir.path().join("forged.db");
    observer_from(&file, &forged, "Faussaire", "01004_0001");
    {
        let conn = rw(&forged);
        conn.execute_batch(
            "UPDATE candidate SET surname = 'FAUX' WHERE circonscription = '0101' AND panel = 1;
             INSERT INTO bureau (code, circonscription, label) VALUES ('01999_0001', '0101', 'Faux');",
        )
        .unwrap();
    }
    let edited = digest_of(&forged);
    rw(&forged)
        .execute(
            "UPDATE setting SET value = ?1 WHERE key = 'reference_slice_digest'",
            [&edited],
        )
        .unwrap();
    tick_at(&forged, "0101", "01004_0001", "1", 0);
    assert_eq!(
        signed_digest(&forged),
        whole,
        "the forger's file claims the whole file"
    );
    let rows = |db: &Path| {
        let conn =
            rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
                .unwrap();
        let names: Vec<String> = conn
            .prepare("SELECT surname FROM candidate ORDER BY circonscription, panel")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        (names, count(db, "bureau"))
    };
    let before = rows(&national);
    // Its events name our places: merged, and not one of its rows is taken.
    run(
        constat(&national)
            .args(["merge", "--into"])
            .arg(&national)
            .arg(&forged),
        0,
    );
    assert_eq!(events(&national).len(), 1);
    assert_eq!(rows(&national), before);
    // A tick at the bureau only the forger's file holds: the file is refused, naming it.
    tick_at(&forged, "0101", "01999_0001", "2", 0);
    assert_eq!(signed_digest(&forged), whole);
    let out = constat(&national)
        .args(["merge", "--into"])
        .arg(&national)
        .arg(&forged)
        .output()
        .unwrap();
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(said.contains("01999_0001"), "{said}");
    assert_eq!(events(&national).len(), 1, "nothing of the file is taken");
    assert_eq!(rows(&national), before);
}
