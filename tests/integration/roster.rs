//! The roster (issue 15 point 2): `roster add|import|list`, `whoami`, and `merge` refusing keys
//! not enrolled and files that claim one observer with two keys, whatever their order.

use std::path::{Path, PathBuf};

use constat::domain::fingerprint::Fingerprint;
use constat::storage::Store;

use crate::util::{constat, events, init_db, run, stdout, tick};

/// An observer's database (in its own folder) with a tick, and its export to send.
fn observer(dir: &Path, name: &str, panel: &str) -> (PathBuf, PathBuf) {
    let sub = dir.join(name);
    std::fs::create_dir_all(&sub).unwrap();
    let db = sub.join("obs.db");
    run(
        constat(&db).args(["init", "--sample", "paris-1-2017", "--observer", name]),
        0,
    );
    tick(&db, panel, "foi", "present", &[]);
    let out = dir.join(format!("{name}.db"));
    run(constat(&db).args(["export", "db", "-o"]).arg(&out), 0);
    (db, out)
}

/// The coordinator's database.
fn national(dir: &Path) -> PathBuf {
    let db = dir.join("national.db");
    run(
        constat(&db).args(["init", "--sample", "paris-1-2017", "--observer", "Coord"]),
        0,
    );
    db
}

fn fingerprint_of(db: &Path) -> Fingerprint {
    Store::open(db)
        .unwrap()
        .identity()
        .unwrap()
        .fingerprint
        .unwrap()
}

fn roster(db: &Path) -> Vec<(String, String)> {
    Store::open(db)
        .unwrap()
        .roster()
        .unwrap()
        .into_iter()
        .map(|e| (e.name, e.fingerprint.compact().to_owned()))
        .collect()
}

/// The observers whose events the target holds, by name.
fn merged_names(target: &Path) -> Vec<String> {
    let store = Store::open(target).unwrap();
    let names = store.observers().unwrap();
    let mut out: Vec<String> = events(target)
        .iter()
        .filter_map(|e| names.get(&e.observer).cloned())
        .collect();
    out.sort();
    out.dedup();
    out
}

/// A forged copy of `genuine`: the same observer, another public key, no signed head (what an
/// attacker with the public format writes).
#[allow(clippy::disallowed_methods)] // the forger edits the file by hand, not through a Store
fn forged(genuine: &Path, to: &Path) {
    std::fs::copy(genuine, to).unwrap();
    let conn = rusqlite::Connection::open(to).unwrap();
    conn.execute_batch(&format!(
        "UPDATE observer SET public_key = '{}'; DELETE FROM chain_head;",
        "ab".repeat(32)
    ))
    .unwrap();
    conn.execute_batch("PRAGMA journal_mode = DELETE;").unwrap();
}

#[test]
fn roster_add_checks_the_fingerprint_and_list_shows_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    let f = Fingerprint::of(&[3; 32]);
    run(
        constat(&db).args(["roster", "add", "Marie", "K7QF-3M2X"]),
        1,
    );
    run(
        constat(&db).args(["roster", "add", "Marie", "K7QF-3M2X-9PZA-W4TR-HN6U"]),
        1,
    );
    assert!(roster(&db).is_empty());
    // Typed by hand: lower case, spaces instead of dashes.
    let typed = f.to_string().to_lowercase().replace('-', " ");
    run(
        constat(&db)
            .args(["roster", "add", "Marie Curie"])
            .arg(&typed),
        0,
    );
    // Again: already enrolled, the first name kept.
    run(
        constat(&db)
            .args(["roster", "add", "Autre"])
            .arg(f.to_string()),
        0,
    );
    assert_eq!(
        roster(&db),
        vec![("Marie Curie".to_owned(), f.compact().to_owned())]
    );
    let list = stdout(&run(constat(&db).args(["roster", "list"]), 0));
    assert!(
        list.contains(&f.to_string()) && list.contains("Marie Curie"),
        "{list}"
    );
}

#[test]
fn roster_import_is_all_or_nothing_and_names_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    let (a, b) = (Fingerprint::of(&[1; 32]), Fingerprint::of(&[2; 32]));
    let bad = dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        format!("nom,empreinte\nMarie,{a}\nPaul,{}X\n", b.compact()),
    )
    .unwrap();
    let out = run(constat(&db).args(["roster", "import"]).arg(&bad), 1);
    let err = crate::util::stderr(&out);
    assert!(err.contains("bad.csv") && err.contains('3'), "{err}");
    assert!(
        roster(&db).is_empty(),
        "nothing of a wrong file is enrolled"
    );
    let good = dir.path().join("good.csv");
    std::fs::write(
        &good,
        format!("Marie,{a}\n\"Dupont, Paul\",{}\n", b.compact()),
    )
    .unwrap();
    run(constat(&db).args(["roster", "import"]).arg(&good), 0);
    assert_eq!(roster(&db).len(), 2);
    // A control character in a name is refused, and shown escaped.
    let hostile = dir.path().join("hostile.csv");
    std::fs::write(
        &hostile,
        format!("\"Zo\u{1b}[2Jé\",{}\n", Fingerprint::of(&[4; 32])),
    )
    .unwrap();
    let out = run(constat(&db).args(["roster", "import"]).arg(&hostile), 1);
    assert!(!crate::util::stderr(&out).contains('\u{1b}'));
    assert_eq!(roster(&db).len(), 2);
}

#[test]
fn whoami_prints_the_fingerprint_and_the_chain_reference() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    let f = fingerprint_of(&db);
    let before = stdout(&run(constat(&db).arg("whoami"), 0));
    assert!(before.contains(&f.to_string()), "{before}");
    tick(&db, "1", "foi", "present", &[]);
    tick(&db, "2", "bureau", "absent", &["--bureau", "75056_0911"]);
    let reference = Store::open(&db)
        .unwrap()
        .chain_reference_of_local()
        .unwrap()
        .unwrap();
    assert_eq!(reference.seq, 2);
    let after = stdout(&run(constat(&db).arg("whoami"), 0));
    assert!(after.contains(&reference.to_string()), "{after}");
    // The same reference is printed beside the digest in the report and the PV annex.
    let report = stdout(&run(constat(&db).arg("report"), 0));
    assert!(report.contains(&reference.to_string()), "{report}");
    let json = crate::util::report_json(&db);
    assert_eq!(json["signer"]["fingerprint"], f.to_string());
    assert_eq!(json["signer"]["seq"], 2);
    let annex = stdout(&run(
        constat(&db).args(["pv", "--bureau", "75056_0911", "--annex"]),
        0,
    ));
    assert!(annex.contains(&reference.to_string()), "{annex}");
}

#[test]
fn with_a_roster_merge_refuses_a_key_not_enrolled_and_says_how_to_enrol_it() {
    let dir = tempfile::tempdir().unwrap();
    let target = national(dir.path());
    let (marie_db, marie) = observer(dir.path(), "Marie", "1");
    let (paul_db, paul) = observer(dir.path(), "Paul", "2");
    let marie_key = fingerprint_of(&marie_db);
    let paul_key = fingerprint_of(&paul_db);
    run(
        constat(&target)
            .args(["roster", "add", "Marie"])
            .arg(marie_key.to_string()),
        0,
    );
    let out = run(
        constat(&target)
            .args(["merge", "--into"])
            .arg(&target)
            .args([&marie, &paul]),
        0,
    );
    let said = stdout(&out);
    assert_eq!(merged_names(&target), vec!["Marie".to_owned()]);
    assert!(
        said.contains(&paul_key.to_string()) && said.contains("roster add"),
        "{said}"
    );
    // Enrolled, Paul's file merges.
    run(
        constat(&target)
            .args(["roster", "add", "Paul"])
            .arg(paul_key.to_string()),
        0,
    );
    run(
        constat(&target)
            .args(["merge", "--into"])
            .arg(&target)
            .arg(&paul),
        0,
    );
    assert_eq!(
        merged_names(&target),
        vec!["Marie".to_owned(), "Paul".to_owned()]
    );
}

#[test]
fn two_files_claiming_one_observer_with_two_keys_are_both_refused_whatever_their_order() {
    let dir = tempfile::tempdir().unwrap();
    let (marie_db, genuine) = observer(dir.path(), "Marie", "1");
    let (_, paul) = observer(dir.path(), "Paul", "2");
    let genuine_key = fingerprint_of(&marie_db);
    // Named to come before and after the genuine file.
    for name in ["a-forged.db", "z-forged.db"] {
        let forgery = dir.path().join(name);
        forged(&genuine, &forgery);
        let target = dir.path().join(format!("national-{name}"));
        run(
            constat(&target).args(["init", "--sample", "paris-1-2017", "--observer", "Coord"]),
            0,
        );
        let out = run(
            constat(&target)
                .args(["merge", "--into"])
                .arg(&target)
                .args([&forgery, &genuine, &paul]),
            0,
        );
        let said = stdout(&out);
        assert_eq!(merged_names(&target), vec!["Paul".to_owned()], "{said}");
        // Listed together: both names, both keys, both files.
        assert!(said.contains(&genuine_key.to_string()), "{said}");
        assert!(
            said.contains(&Fingerprint::of(&[0xab; 32]).to_string()),
            "{said}"
        );
        assert!(said.contains(name) && said.contains("Marie.db"), "{said}");
        assert!(said.contains("--accept-key"), "{said}");
        // Settled: the file with the accepted key merges, the other is refused.
        let out = run(
            constat(&target)
                .args(["merge", "--into"])
                .arg(&target)
                .arg("--accept-key")
                .arg(genuine_key.to_string())
                .args([&forgery, &genuine]),
            0,
        );
        assert_eq!(
            merged_names(&target),
            vec!["Marie".to_owned(), "Paul".to_owned()],
            "{}",
            stdout(&out)
        );
        let store = Store::open(&target).unwrap();
        let marie = store
            .observers()
            .unwrap()
            .into_iter()
            .find(|(_, n)| n == "Marie")
            .unwrap()
            .0;
        assert_eq!(
            store
                .chain_reference_of(marie)
                .unwrap()
                .unwrap()
                .fingerprint,
            genuine_key
        );
    }
}

#[test]
fn an_accept_key_that_is_not_a_fingerprint_is_refused_before_anything_is_merged() {
    let dir = tempfile::tempdir().unwrap();
    let target = national(dir.path());
    let (_, marie) = observer(dir.path(), "Marie", "1");
    run(
        constat(&target)
            .args(["merge", "--into"])
            .arg(&target)
            .args(["--accept-key", "nope"])
            .arg(&marie),
        1,
    );
    assert!(merged_names(&target).is_empty());
}

/// The roster holds whatever the file's format: an events CSV of a key not enrolled, or an
/// unsigned CSV (the columns of files before signatures), is refused like a database; an
/// enrolled observer's CSV merges.
#[test]
fn with_a_roster_an_events_csv_of_a_key_not_enrolled_or_unsigned_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let target = national(dir.path());
    let (marie_db, _) = observer(dir.path(), "Marie", "1");
    let (eve_db, _) = observer(dir.path(), "Eve", "2");
    let csv_of = |db: &Path, name: &str| {
        let out = dir.path().join(name);
        run(constat(db).args(["export", "csv", "-o"]).arg(&out), 0);
        out
    };
    let marie = csv_of(&marie_db, "marie.csv");
    let eve = csv_of(&eve_db, "eve.csv");
    // Eve's rows without the 4 signature columns: what a forger's unsigned file looks like.
    let unsigned = dir.path().join("eve-unsigned.csv");
    {
        let mut r = csv::Reader::from_path(&eve).unwrap();
        let mut w = csv::Writer::from_path(&unsigned).unwrap();
        let header = r.headers().unwrap().clone();
        assert_eq!(header.len(), 27);
        w.write_record(header.iter().take(23)).unwrap();
        for rec in r.records() {
            w.write_record(rec.unwrap().iter().take(23)).unwrap();
        }
        w.flush().unwrap();
    }
    run(
        constat(&target)
            .args(["roster", "add", "Marie"])
            .arg(fingerprint_of(&marie_db).to_string()),
        0,
    );
    let merge = |file: &Path| {
        stdout(&run(
            constat(&target)
                .args(["merge", "--into"])
                .arg(&target)
                .arg(file),
            0,
        ))
    };
    let said = merge(&eve);
    assert!(
        said.contains(&fingerprint_of(&eve_db).to_string()),
        "{said}"
    );
    merge(&unsigned);
    assert!(merged_names(&target).is_empty());
    merge(&marie);
    assert_eq!(merged_names(&target), vec!["Marie".to_owned()]);
}
