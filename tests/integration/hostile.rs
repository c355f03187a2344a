//! The hostile corpus: broken or malicious files given to `constat merge`, each with its expected
//! outcome. A refused file is named with its reason and leaves the target unchanged.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use constat::domain::EventBody;

use crate::util::{constat, english_in, events, init_db, run, stdout, tick};

/// What `merge` must do with a file.
enum Expect {
    /// Refused, the summary line containing this reason in French, and in English with
    /// `--lang en`.
    Refused {
        /// The reason in French.
        fr: &'static str,
        /// The reason in English.
        en: &'static str,
    },
    /// Accepted, adding this many events.
    Added(u64),
}

fn rw(path: &Path) -> Connection {
    Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE).unwrap()
}

/// An observer database with three ticks, in `dir/name`.
fn observer_db(dir: &Path, name: &str) -> PathBuf {
    let sub = dir.join(format!("{name}.d"));
    std::fs::create_dir_all(&sub).unwrap();
    let db = init_db(&sub);
    for (panel, value) in [("1", "absent"), ("2", "present"), ("3", "present")] {
        tick(&db, panel, "bureau", value, &[]);
    }
    let out = dir.join(name);
    run(constat(&db).args(["export", "db", "-o"]).arg(&out), 0);
    out
}

/// A copy of a clean observer file changed by `sql` (with the schema's own guards set aside).
fn altered(dir: &Path, name: &str, sql: &str) -> PathBuf {
    let path = observer_db(dir, name);
    let conn = rw(&path);
    conn.execute_batch(
        "DROP TRIGGER IF EXISTS event_is_append_only_no_update; DROP TRIGGER IF EXISTS event_is_append_only_no_delete; PRAGMA ignore_check_constraints = 1;",
    )
    .unwrap();
    conn.execute_batch(sql).unwrap();
    // Put the guards back so that only `sql`'s change differs from a clean file.
    conn.execute_batch(
        "CREATE TRIGGER event_is_append_only_no_update BEFORE UPDATE ON event
BEGIN
    SELECT RAISE(ABORT, 'events are append-only: record a new event instead');
END;
CREATE TRIGGER event_is_append_only_no_delete BEFORE DELETE ON event
BEGIN
    SELECT RAISE(ABORT, 'events are append-only: record a retraction instead');
END;",
    )
    .unwrap();
    drop(conn);
    path
}

fn events_csv(dir: &Path, name: &str, rows: &[&str]) -> PathBuf {
    let path = dir.join(name);
    let mut text = String::from(
        "election,id,observer,observer_name,seq,recorded_at,kind,circonscription,bureau,panel,item,value,voters,received,voter,target,note,hash\n",
    );
    for r in rows {
        text.push_str(r);
        text.push('\n');
    }
    std::fs::write(&path, text).unwrap();
    path
}

const OBS: &str = "0191b3a0-0000-7000-8000-0000000000aa";
const ZERO: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// A real export whose observer name and note look like spreadsheet formulas, the note on two lines.
fn formula_csv(dir: &Path) -> PathBuf {
    let sub = dir.join("formula.d");
    std::fs::create_dir_all(&sub).unwrap();
    let db = sub.join("obs.db");
    run(
        constat(&db).args([
            "init",
            "--sample",
            "paris-1-2017",
            "--observer",
            "=HYPERLINK(\"http://x\")",
        ]),
        0,
    );
    run(
        constat(&db)
            .args([
                "tick",
                "--circonscription",
                "7501",
                "--candidate",
                "5",
                "--item",
                "bureau",
                "--value",
                "absent",
                "--note",
            ])
            .arg("=cmd|' /C calc'!A0\nbulletins épuisés"),
        0,
    );
    let out = dir.join("injection.csv");
    run(constat(&db).args(["export", "csv", "-o"]).arg(&out), 0);
    out
}

fn corpus(dir: &Path) -> Vec<(&'static str, PathBuf, Expect)> {
    let mut c: Vec<(&'static str, PathBuf, Expect)> = Vec::new();
    let file = |name: &str, bytes: &[u8]| {
        let p = dir.join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    };
    c.push((
        "empty file",
        file("empty.db", b""),
        Expect::Refused {
            fr: "fichier vide",
            en: "empty file",
        },
    ));
    c.push((
        "text file",
        file("notes.txt", b"bonjour\n"),
        Expect::Refused {
            fr: "pas d'en-tête SQLite",
            en: "no SQLite header",
        },
    ));
    c.push((
        "PNG image",
        file("photo.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
        Expect::Refused {
            fr: "pas d'en-tête SQLite",
            en: "no SQLite header",
        },
    ));
    let good = observer_db(dir, "good.db");
    let bytes = std::fs::read(&good).unwrap();
    c.push((
        "truncated database",
        file("truncated.db", &bytes[..bytes.len() / 2]),
        Expect::Refused {
            fr: "fichier endommagé",
            en: "damaged",
        },
    ));
    let mut bad_page = bytes.clone();
    let last = bad_page.len() - 4096;
    for b in &mut bad_page[last + 8..last + 200] {
        *b = 0xA5;
    }
    c.push((
        "corrupted last page",
        file("corrupt.db", &bad_page),
        Expect::Refused {
            fr: "fichier endommagé",
            en: "damaged",
        },
    ));
    let mut huge = bytes.clone();
    huge[28..32].copy_from_slice(&0x7fff_ffffu32.to_be_bytes());
    c.push((
        "header claiming a huge page count",
        file("huge-pages.db", &huge),
        Expect::Refused { fr: "", en: "" },
    ));
    let plain = dir.join("plain.db");
    #[allow(clippy::disallowed_methods)] // a plain SQLite file, on purpose not constat's
    Connection::open(&plain)
        .unwrap()
        .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    c.push((
        "SQLite, not constat",
        plain,
        Expect::Refused {
            fr: "pas une base constat",
            en: "not a constat database",
        },
    ));
    let newer = observer_db(dir, "newer.db");
    rw(&newer).pragma_update(None, "user_version", 99).unwrap();
    c.push((
        "newer schema version",
        newer,
        Expect::Refused {
            fr: "version plus récente de constat",
            en: "newer constat",
        },
    ));
    c.push((
        "trigger that would write",
        altered(
            dir,
            "trigger.db",
            "CREATE TRIGGER evil AFTER INSERT ON observer BEGIN DELETE FROM event; END;",
        ),
        Expect::Refused {
            fr: "le déclencheur « evil » n'est pas celui de constat",
            en: "trigger `evil` is not constat's",
        },
    ));
    c.push((
        "view",
        altered(dir, "view.db", "CREATE VIEW spy AS SELECT * FROM event;"),
        Expect::Refused {
            fr: "la vue « spy » n'est pas celle de constat",
            en: "view `spy` is not constat's",
        },
    ));
    c.push((
        "extra table",
        altered(dir, "table.db", "CREATE TABLE payload (x BLOB);"),
        Expect::Refused {
            fr: "la table « payload » n'est pas celle de constat",
            en: "table `payload` is not constat's",
        },
    ));
    c.push((
        "append-only guard removed",
        {
            let p = observer_db(dir, "unguarded.db");
            rw(&p)
                .execute_batch("DROP TRIGGER event_is_append_only_no_delete;")
                .unwrap();
            p
        },
        Expect::Refused {
            fr: "manque ou a été modifié",
            en: "is missing or altered",
        },
    ));
    c.push((
        "text field of megabytes",
        altered(
            dir,
            "big-note.db",
            "UPDATE event SET note = printf('%.2000000c', 'x') WHERE seq = 1;",
        ),
        Expect::Refused {
            fr: "trop gros",
            en: "too big",
        },
    ));
    c.push((
        "NUL byte in a note",
        altered(
            dir,
            "nul.db",
            "UPDATE event SET note = 'a' || char(0) || 'b' WHERE seq = 1;",
        ),
        Expect::Refused {
            fr: "caractères de contrôle",
            en: "control characters",
        },
    ));
    c.push((
        "invalid UTF-8 in a name",
        altered(
            dir,
            "utf8.db",
            "UPDATE event SET note = CAST(X'C328' AS TEXT) WHERE seq = 1;",
        ),
        Expect::Refused {
            fr: "UTF-8 invalide",
            en: "invalid utf-8",
        },
    ));
    c.push((
        "event from the future",
        altered(
            dir,
            "future.db",
            "UPDATE event SET recorded_at = '2999-01-01T00:00:00.000000Z' WHERE seq = 2;",
        ),
        Expect::Refused {
            fr: "dans le futur",
            en: "in the future",
        },
    ));
    c.push((
        "value outside the vocabulary",
        altered(
            dir,
            "value.db",
            "UPDATE event SET value = 'maybe' WHERE seq = 1;",
        ),
        Expect::Refused {
            fr: "valeur « maybe » inconnue",
            en: "unknown value `maybe`",
        },
    ));
    c.push((
        "candidate that does not exist",
        altered(
            dir,
            "panel.db",
            "UPDATE event SET panel = 40 WHERE seq = 1;",
        ),
        Expect::Refused {
            fr: "absent de la liste des candidats de cette base",
            en: "not in this database's candidate list",
        },
    ));
    c.push((
        "candidate list that differs",
        altered(
            dir,
            "renamed.db",
            "UPDATE candidate SET surname = 'INCONNU' WHERE panel = 3;",
        ),
        Expect::Refused {
            fr: "listes de candidats différentes",
            en: "candidate list differs",
        },
    ));
    c.push((
        "another election",
        altered(dir, "other-election.db", "UPDATE election SET year = 2022;"),
        Expect::Refused {
            fr: "autre élection",
            en: "another election",
        },
    ));
    c.push((
        "retraction of an event that is not there",
        altered(dir, "retract.db", "UPDATE event SET kind = 'retract', target = '0191b3a0-0000-7000-8000-000000000999', circonscription = NULL, panel = NULL, item = NULL, value = NULL, bureau = NULL WHERE seq = 3;"),
        Expect::Refused {
            fr: "retire",
            en: "withdraws",
        },
    ));
    c.push((
        "event with an id that is not a UUID",
        altered(
            dir,
            "id.db",
            "UPDATE event SET id = 'robert''); DROP TABLE event;--' WHERE seq = 1;",
        ),
        Expect::Refused {
            fr: "n'est pas un UUID",
            en: "not a UUID",
        },
    ));
    c.push((
        "CSV with quoted newlines and formula-looking cells",
        formula_csv(dir),
        Expect::Added(1),
    ));
    c.push((
        "note changed after the fact (hash kept)",
        altered(
            dir,
            "edited.db",
            "UPDATE event SET value = 'absent' WHERE seq = 2;",
        ),
        Expect::Refused {
            fr: "ne correspond pas à son empreinte",
            en: "does not match its hash",
        },
    ));
    c.push((
        "event deleted from the middle of a chain",
        altered(dir, "deleted.db", "DELETE FROM event WHERE seq = 2;"),
        Expect::Refused {
            fr: "des événements antérieurs manquent",
            en: "earlier events are missing",
        },
    ));
    c.push((
        "chain head signature forged",
        altered(
            dir,
            "forged.db",
            "UPDATE chain_head SET signature = printf('%0128d', 0);",
        ),
        Expect::Refused {
            fr: "signature de la tête de chaîne n'est pas valide",
            en: "signature does not verify",
        },
    ));
    c.push((
        "CSV with another header",
        file("header.csv", b"election,id,observer,name\nx,y,z,w\n"),
        Expect::Refused {
            fr: "attendu les colonnes d'événements de constat",
            en: "expected the constat events columns",
        },
    ));
    c.push((
        "CSV with a bad UUID on line 3",
        events_csv(dir, "bad-uuid.csv", &[
            &format!("legislatives-2017-1,0191b3a0-0000-7000-8000-000000000002,{OBS},Eve,1,2017-06-11T08:00:00Z,tick,7501,,5,foi,absent,,,,,,{ZERO}"),
            &format!("legislatives-2017-1,zzz,{OBS},Eve,2,2017-06-11T08:00:00Z,tick,7501,,5,foi,absent,,,,,,{ZERO}"),
        ]),
        Expect::Refused {
            fr: "ligne 3, colonne « id »",
            en: "line 3, column `id`",
        },
    ));
    c.push((
        "CSV from another election",
        events_csv(dir, "other.csv", &[
            &format!("legislatives-2024-1,0191b3a0-0000-7000-8000-000000000003,{OBS},Eve,1,2024-06-30T08:00:00Z,tick,7501,,5,foi,absent,,,,,,{ZERO}"),
        ]),
        Expect::Refused {
            fr: "autre élection",
            en: "another election",
        },
    ));
    c.push(("clean observer file", good, Expect::Added(3)));
    c
}

/// Everything the target says: its report and every event.
fn target_state(db: &Path) -> String {
    let csv = db.with_extension("state.csv");
    run(constat(db).args(["export", "csv", "-o"]).arg(&csv), 0);
    stdout(&run(constat(db).args(["report", "--format", "json"]), 0))
        + &std::fs::read_to_string(&csv).unwrap()
}

#[test]
fn every_hostile_file_is_refused_with_its_reason_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus(dir.path());
    assert!(corpus.len() >= 20, "the corpus has {} files", corpus.len());
    let target = dir.path().join("national.db");
    run(
        constat(&target).args([
            "init",
            "--election",
            "legislatives-2017",
            "--observer",
            "Coord",
        ]),
        0,
    );
    // The target knows the Paris candidates (from a first, clean observer).
    let seed = observer_db(dir.path(), "seed.db");
    run(
        constat(&target)
            .args(["merge", "--into"])
            .arg(&target)
            .arg(&seed),
        0,
    );
    let summary_line = |file: &Path, lang: &str| -> String {
        let out = stdout(&run(
            constat(&target)
                .args(["--lang", lang, "merge", "--into"])
                .arg(&target)
                .arg(file),
            0,
        ));
        out.lines()
            .find(|l| l.starts_with(&file.display().to_string()))
            .unwrap_or_else(|| {
                panic!(
                    "{}: no summary line for the file in:\n{out}",
                    file.display()
                )
            })
            .to_owned()
    };
    for (what, file, expect) in corpus {
        let before = target_state(&target);
        let held = events(&target).len();
        let line = summary_line(&file, "fr");
        match expect {
            Expect::Refused { fr, en } => {
                assert!(line.contains(fr), "{what}: expected `{fr}` in:\n{line}");
                // The hostile id is the file's own text, shown as found.
                let reason = line[file.display().to_string().len()..]
                    .replace("robert'); DROP TABLE event;--", "");
                assert_eq!(
                    english_in(&reason),
                    Vec::<&str>::new(),
                    "{what}: English in the French reason:\n{line}"
                );
                let english = summary_line(&file, "en");
                assert!(
                    english.contains(en),
                    "{what}: expected `{en}` in:\n{english}"
                );
                assert!(
                    line.split_whitespace().nth(1) == Some("0"),
                    "{what}: {line}"
                );
                assert_eq!(target_state(&target), before, "{what}: the target changed");
                assert_eq!(events(&target).len(), held, "{what}: events were added");
            }
            Expect::Added(n) => {
                assert!(line.trim_end().ends_with('-'), "{what}: refused: {line}");
                assert_eq!(
                    line.split_whitespace().nth(1),
                    Some(n.to_string().as_str()),
                    "{what}: {line}"
                );
                assert_eq!(
                    events(&target).len() as u64,
                    held as u64 + n,
                    "{what}: events in the target"
                );
            }
        }
    }
    rw(&target)
        .query_row("PRAGMA integrity_check", [], |r| r.get::<_, String>(0))
        .map(|s| assert_eq!(s, "ok"))
        .unwrap();
    // The formula-looking note came in whole and goes out neutralised again.
    let note = "=cmd|' /C calc'!A0\nbulletins épuisés";
    assert!(
        events(&target).iter().any(|e| matches!(
            &e.body,
            EventBody::Tick { note: Some(n), .. } if n == note
        )),
        "the note is not stored as typed"
    );
    let csv = target_state(&target);
    assert!(
        csv.contains("\"'=cmd|' /C calc'!A0\nbulletins épuisés\""),
        "{csv}"
    );
}
