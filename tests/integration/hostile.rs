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
        "DROP TRIGGER IF EXISTS event_is_append_only_no_update; DROP TRIGGER IF EXISTS event_is_append_only_no_delete; PRAGMA ignore_check_constraints = 1; PRAGMA foreign_keys = OFF;",
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
    // From the page header on: the last page may be an empty index, whose free space is no
    // damage.
    let last = bad_page.len() - 4096;
    for b in &mut bad_page[last..last + 200] {
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
        // The rows are no longer those its observer signed: refused for that, before any
        // comparison with this database's list.
        Expect::Refused {
            fr: "ne sont pas celles que son observateur a signées",
            en: "are not those its observer signed",
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
    // Written again at each look: replaced (`--force`, the output guard of issue 15 point 7).
    run(
        constat(db)
            .args(["export", "csv", "--force", "-o"])
            .arg(&csv),
        0,
    );
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

/// Runs `cmd` and waits at most a minute: a command that hangs (on a FIFO, say) fails the test
/// instead of hanging it.
fn run_within_a_minute(cmd: &mut std::process::Command) -> std::process::Output {
    use std::process::Stdio;
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > std::time::Duration::from_secs(60) {
            child.kill().unwrap();
            let out = child.wait_with_output().unwrap();
            panic!(
                "still running after a minute (hung):\n{}",
                String::from_utf8_lossy(&out.stdout)
            );
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    child.wait_with_output().unwrap()
}

fn mkfifo(path: &Path) {
    let ok = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(ok.success(), "mkfifo {}", path.display());
}

fn new_target(dir: &Path) -> PathBuf {
    let target = dir.join("national.db");
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
    target
}

fn line_of<'o>(out: &'o str, name: &str) -> &'o str {
    out.lines()
        .find(|l| l.contains(name))
        .unwrap_or_else(|| panic!("no line for {name} in:\n{out}"))
}

/// Issue 17 point 2: only regular files are read; FIFOs, loops, dangling links and folders out of
/// the inbox are listed as skipped with their reason, and the merge goes on.
#[cfg(unix)]
#[test]
fn fifos_loops_and_links_out_of_the_inbox_are_skipped_and_the_merge_goes_on() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let files = dir.path().join("files");
    let inbox = dir.path().join("inbox");
    let outside = dir.path().join("outside");
    std::fs::create_dir_all(inbox.join("sub")).unwrap();
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::create_dir_all(&files).unwrap();
    let good = observer_db(&files, "good.db");
    std::fs::rename(&good, inbox.join("good.db")).unwrap();
    // Another observer's file, outside the inbox, reached by a folder link.
    let far = {
        let sub = files.join("far.d");
        std::fs::create_dir_all(&sub).unwrap();
        let db = sub.join("obs.db");
        run(
            constat(&db).args(["init", "--sample", "paris-1-2017", "--observer", "Far"]),
            0,
        );
        tick(&db, "4", "bureau", "absent", &[]);
        let out = outside.join("far.db");
        run(constat(&db).args(["export", "db", "-o"]).arg(&out), 0);
        out
    };
    assert!(far.is_file());
    mkfifo(&inbox.join("pipe.db"));
    symlink("self-loop", inbox.join("self-loop")).unwrap();
    symlink("nowhere.db", inbox.join("dangling.db")).unwrap();
    symlink("..", inbox.join("sub").join("up")).unwrap();
    symlink(&outside, inbox.join("elsewhere")).unwrap();
    let target = new_target(dir.path());

    for (lang, fifo, looped, dangling, out_of) in [
        (
            "fr",
            "tube nommé",
            "boucle",
            "lien vers rien",
            "hors de la boîte",
        ),
        (
            "en",
            "named pipe",
            "loop",
            "link to nothing",
            "outside the inbox",
        ),
    ] {
        let out = run_within_a_minute(
            constat(&target)
                .args(["--lang", lang, "merge", "--into"])
                .arg(&target)
                .arg(&inbox),
        );
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{text}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(line_of(&text, "pipe.db").contains(fifo), "{text}");
        assert!(line_of(&text, "self-loop").contains(looped), "{text}");
        assert!(line_of(&text, "dangling.db").contains(dangling), "{text}");
        assert!(line_of(&text, "up").contains(looped), "{text}");
        assert!(line_of(&text, "elsewhere").contains(out_of), "{text}");
        assert!(
            !text.contains("far.db"),
            "followed out of the inbox:\n{text}"
        );
    }
    // The clean file came in; the far one did not.
    assert_eq!(events(&target).len(), 3);

    // With --follow-symlinks, the folder out of the inbox is read.
    let out = run_within_a_minute(
        constat(&target)
            .args(["merge", "--follow-symlinks", "--into"])
            .arg(&target)
            .arg(&inbox),
    );
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(line_of(&text, "far.db").trim_end().ends_with('-'), "{text}");
    assert_eq!(events(&target).len(), 4);
}

/// Issue 17 point 2: an unreadable subfolder is skipped, not fatal (only testable without root,
/// whom permissions do not stop).
#[cfg(unix)]
#[test]
fn an_unreadable_subfolder_is_skipped_and_the_merge_goes_on() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let inbox = dir.path().join("inbox");
    let locked = inbox.join("locked");
    std::fs::create_dir_all(&locked).unwrap();
    let good = observer_db(dir.path(), "good.db");
    std::fs::rename(&good, inbox.join("good.db")).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read_dir(&locked).is_ok() {
        // Root reads it anyway: nothing to test here.
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
        return;
    }
    let target = new_target(dir.path());
    let out = run(
        constat(&target)
            .args(["merge", "--into"])
            .arg(&target)
            .arg(&inbox),
        0,
    );
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    let text = stdout(&out);
    assert!(line_of(&text, "locked").contains("ignoré"), "{text}");
    assert_eq!(events(&target).len(), 3);
}

/// Issue 17 point 2: `verify` does not hang on a FIFO put into the folder or named in its MANIFEST.
#[cfg(unix)]
#[test]
fn verify_does_not_hang_on_a_fifo_in_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    tick(&db, "1", "bureau", "absent", &[]);
    let folder = dir.path().join("evidence");
    run(
        constat(&db).args(["export", "evidence", "-o"]).arg(&folder),
        0,
    );
    mkfifo(&folder.join("extra"));
    std::fs::remove_file(folder.join("report.txt")).unwrap();
    mkfifo(&folder.join("report.txt"));
    let out = run_within_a_minute(constat(&db).arg("verify").arg(&folder));
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        line_of(&text, "report.txt").contains("tube nommé"),
        "{text}"
    );
    assert!(line_of(&text, "extra").contains("MANIFEST"), "{text}");
    // A FIFO in place of the MANIFEST itself.
    std::fs::remove_file(folder.join("MANIFEST")).unwrap();
    mkfifo(&folder.join("MANIFEST"));
    let out = run_within_a_minute(constat(&db).arg("verify").arg(&folder));
    assert_ne!(out.status.code(), Some(0));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("tube nommé"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Every name in `dir`, sorted.
fn names_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// Issue 17 point 7: reading an observer's WAL-mode database writes nothing beside it.
#[test]
fn merge_writes_nothing_beside_its_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let obs = dir.path().join("obs");
    std::fs::create_dir_all(&obs).unwrap();
    let db = init_db(&obs);
    tick(&db, "1", "bureau", "absent", &[]);
    let before = names_in(&obs);
    assert_eq!(
        before,
        vec![db.file_name().unwrap().to_string_lossy().into_owned()]
    );
    let target = new_target(dir.path());
    run(
        constat(&target)
            .args(["merge", "--into"])
            .arg(&target)
            .arg(&db),
        0,
    );
    assert_eq!(names_in(&obs), before, "merge wrote beside its input");
    run(constat(&db).arg("verify").arg(&db), 0);
    assert_eq!(names_in(&obs), before, "verify wrote beside its input");
    assert_eq!(events(&target).len(), 1);
}

/// Issue 17 point 7: a database its observer is writing (its `-wal` holds ticks not yet in the
/// file) is read whole, and its `-wal` and `-shm` are left exactly as they were.
#[test]
fn a_live_wal_database_is_read_whole_without_touching_its_companions() {
    let dir = tempfile::tempdir().unwrap();
    let obs = dir.path().join("obs");
    std::fs::create_dir_all(&obs).unwrap();
    let db = init_db(&obs);
    tick(&db, "1", "bureau", "absent", &[]);
    // The observer's program still has the file open: the next ticks stay in the -wal.
    let live = rw(&db);
    live.pragma_update(None, "wal_autocheckpoint", 0).unwrap();
    let _: i64 = live
        .query_row("SELECT count(*) FROM event", [], |r| r.get(0))
        .unwrap();
    tick(&db, "2", "bureau", "present", &[]);
    tick(&db, "3", "bureau", "present", &[]);
    let wal = PathBuf::from(format!("{}-wal", db.display()));
    let shm = PathBuf::from(format!("{}-shm", db.display()));
    assert!(std::fs::metadata(&wal).unwrap().len() > 0, "no live -wal");
    let companions = || {
        (
            std::fs::read(&db).unwrap(),
            std::fs::read(&wal).unwrap(),
            std::fs::read(&shm).unwrap(),
        )
    };
    let before = companions();
    let names = names_in(&obs);
    let target = new_target(dir.path());
    let out = run(
        constat(&target)
            .args(["merge", "--into"])
            .arg(&target)
            .arg(&db),
        0,
    );
    let text = stdout(&out);
    assert_eq!(
        events(&target).len(),
        3,
        "the ticks in the -wal were not read:\n{text}"
    );
    assert!(companions() == before, "the observer's files changed");
    assert_eq!(names_in(&obs), names);
    drop(live);
}

/// Issue 17 point 3: when the target fails (here a full disk, simulated by a page limit on the
/// target), the merge stops at once, says so, exits non-zero, and keeps what was merged before.
#[test]
fn a_failing_target_stops_the_merge_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let inbox = dir.path().join("inbox");
    std::fs::create_dir_all(&inbox).unwrap();
    let small = observer_db(dir.path(), "small.db");
    std::fs::rename(&small, inbox.join("a-small.db")).unwrap();
    // A bigger file: a thousand events need new pages in the target.
    let mut rows = Vec::new();
    let mut prev = constat::domain::chain::GENESIS;
    let observer = constat::domain::ObserverId(uuid::Uuid::parse_str(OBS).unwrap());
    for seq in 1..=1000u64 {
        let event = constat::domain::Event {
            id: constat::domain::EventId(uuid::Uuid::from_u128(
                0x0191b3a0_0000_7000_8000_000000100000 + u128::from(seq),
            )),
            observer,
            seq,
            recorded_at: chrono::DateTime::parse_from_rfc3339("2017-06-11T08:00:00Z")
                .unwrap()
                .into(),
            seen_at: None,
            body: EventBody::NonReceipt {
                circonscription: constat::domain::CirconscriptionCode::parse("7501").unwrap(),
                bureau: constat::domain::BureauCode::parse("75056_0911").unwrap(),
                voter: Some(format!(
                    "Électeur numéro {seq} avec un nom assez long pour remplir des pages"
                )),
                note: None,
                household: None,
            },
        };
        prev = constat::domain::chain::link(&prev, &event);
        rows.push((event, prev));
    }
    let names = std::collections::BTreeMap::from([(observer, "Big".to_owned())]);
    let mut buf = Vec::new();
    constat::export::events_csv::write(&mut buf, "legislatives-2017-1", &names, &rows).unwrap();
    std::fs::write(inbox.join("b-big.csv"), buf).unwrap();
    let late = observer_db(dir.path(), "late.db");
    std::fs::rename(&late, inbox.join("c-late.db")).unwrap();
    let target = new_target(dir.path());
    let before_pages: i64 = rw(&target)
        .query_row("PRAGMA page_count", [], |r| r.get(0))
        .unwrap();
    let out = constat(&target)
        .env("CONSTAT_TEST_TARGET_MAX_PAGES", "8")
        .args(["merge", "--into"])
        .arg(&target)
        .arg(&inbox)
        .output()
        .unwrap();
    let (text, err) = (stdout(&out), crate::util::stderr(&out));
    assert_ne!(out.status.code(), Some(0), "{text}\n{err}");
    assert!(
        line_of(&text, "a-small.db").trim_end().ends_with('-'),
        "{text}"
    );
    assert!(
        !text.contains("c-late.db"),
        "went on after the target failed:\n{text}"
    );
    assert!(err.contains("b-big.csv"), "{err}");
    assert!(err.contains("national.db"), "{err}");
    assert!(err.contains("cible"), "{err}");
    // What was merged before stays; nothing of the failing file.
    let held = events(&target);
    assert_eq!(held.len(), 3, "{text}\n{err}");
    assert!(held.iter().all(|e| e.observer != observer));
    let _ = before_pages;
    rw(&target)
        .query_row("PRAGMA integrity_check", [], |r| r.get::<_, String>(0))
        .map(|s| assert_eq!(s, "ok"))
        .unwrap();
}

/// Issue 17 point 5: no cell of observations.csv that came from outside is written live.
#[test]
fn observations_csv_neutralises_every_cell_from_outside() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("obs.db");
    run(
        constat(&db).args(["init", "--sample", "paris-1-2017", "--observer", "@SUM(A1)"]),
        0,
    );
    tick(&db, "1", "bureau", "absent", &["--note", "+1+cmd"]);
    run(
        constat(&db).args([
            "non-receipt",
            "--circonscription",
            "7501",
            "--bureau",
            "75056_0911",
            "--voter",
            "=HYPERLINK(\"http://x\";\"y\")",
            "--note=-2",
        ]),
        0,
    );
    let folder = dir.path().join("evidence");
    run(
        constat(&db).args(["export", "evidence", "-o"]).arg(&folder),
        0,
    );
    let text = std::fs::read_to_string(folder.join("observations.csv")).unwrap();
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let mut cells = 0;
    for record in reader.records() {
        for cell in record.unwrap().iter() {
            cells += 1;
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "live cell `{cell}` in:\n{text}"
            );
        }
    }
    assert!(cells > 0);
    assert!(
        text.contains("'@SUM(A1)") && text.contains("'+1+cmd") && text.contains("'=HYPERLINK"),
        "{text}"
    );
}

/// Issue 17 point 5: the events CSV neutralises formulas for spreadsheets, yet reads back exactly
/// what was typed, an apostrophe at the start included.
#[test]
fn the_events_csv_reads_back_exactly_what_was_typed() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    let notes = ["'=1+1", "''-x", "'plain", "=2"];
    for (panel, note) in ["1", "2", "3", "4"].iter().zip(notes) {
        tick(&db, panel, "bureau", "absent", &["--note", note]);
    }
    let csv = dir.path().join("events.csv");
    run(constat(&db).args(["export", "csv", "-o"]).arg(&csv), 0);
    let target = dir.path().join("national.db");
    run(
        constat(&target).args(["init", "--sample", "paris-1-2017", "--observer", "Coord"]),
        0,
    );
    let out = run(
        constat(&target)
            .args(["merge", "--into"])
            .arg(&target)
            .arg(&csv),
        0,
    );
    let text = stdout(&out);
    assert!(
        line_of(&text, "events.csv").trim_end().ends_with('-'),
        "{text}"
    );
    let got: Vec<String> = events(&target)
        .into_iter()
        .filter_map(|e| match e.body {
            EventBody::Tick { note, .. } => note,
            _ => None,
        })
        .collect();
    assert_eq!(got, notes);
}

/// The legitimate 2017 workbook, with `xl/sharedStrings.xml` added: an empty table of shared
/// strings padded with `size` spaces, and
/// both the local and the central headers declaring `declared` bytes unpacked when given.
fn bombed_workbook(dir: &Path, size: usize, declared: Option<u32>) -> PathBuf {
    use std::io::Write as _;
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/official/resultats-2017-mini.xlsx");
    let mut source = zip::ZipArchive::new(std::fs::File::open(fixture).unwrap()).unwrap();
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..source.len() {
        writer
            .raw_copy_file(source.by_index_raw(i).unwrap())
            .unwrap();
    }
    let name = "xl/sharedStrings.xml";
    writer
        .start_file(name, zip::write::SimpleFileOptions::default())
        .unwrap();
    writer
        .write_all(
            b"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<sst \
            xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"0\" \
            uniqueCount=\"0\">",
        )
        .unwrap();
    let chunk = vec![b' '; 64 << 10];
    let mut left = size;
    while left > 0 {
        let n = left.min(chunk.len());
        writer.write_all(&chunk[..n]).unwrap();
        left -= n;
    }
    writer.write_all(b"</sst>").unwrap();
    let mut bytes = writer.finish().unwrap().into_inner();
    if let Some(declared) = declared {
        // Local header: size at 22, name length at 26, name at 30; central: 24, 28, 46.
        for (sig, size_at, name_at) in [(b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)] {
            let at = (0..bytes.len() - name_at - name.len())
                .find(|&i| {
                    &bytes[i..i + 4] == sig
                        && &bytes[i + name_at..i + name_at + name.len()] == name.as_bytes()
                })
                .unwrap();
            bytes[at + size_at..at + size_at + 4].copy_from_slice(&declared.to_le_bytes());
        }
    }
    let path = dir.join("Leg_2017_Resultats_T1_c.xlsx");
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Issue 17 point 1: a workbook whose parts declare more than constat unpacks is refused before
/// `calamine` opens it, naming the part, the limit and why, and the database is unchanged.
#[test]
fn a_workbook_declaring_a_huge_part_is_refused_before_it_is_unpacked() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    // 4 KiB of spaces declared as 300 MiB: cheap to build, refused on its central directory.
    let file = bombed_workbook(dir.path(), 4 << 10, Some(300 << 20));
    let before = std::fs::read(&db).unwrap();
    let out = run(
        constat(&db)
            .args(["--lang", "en", "import", "candidates"])
            .arg(&file),
        1,
    );
    let err = crate::util::stderr(&out);
    assert!(err.contains("xl/sharedStrings.xml"), "{err}");
    assert!(err.contains("256 MiB"), "{err}");
    assert!(err.contains("zip bomb"), "{err}");
    let out = run(constat(&db).args(["import", "candidates"]).arg(&file), 1);
    let err = crate::util::stderr(&out);
    assert!(
        err.contains("xl/sharedStrings.xml") && err.contains("256 Mio"),
        "{err}"
    );
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

/// The same file with its true sizes, a small shared-strings part, still imports.
#[test]
fn a_workbook_with_a_small_extra_part_still_imports() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    let file = bombed_workbook(dir.path(), 4 << 10, None);
    run(constat(&db).args(["import", "candidates"]).arg(&file), 0);
}

/// The user id this test runs as (the owner of a file it creates: no `unsafe` needed).
#[cfg(unix)]
fn own_uid(dir: &Path) -> u32 {
    use std::os::unix::fs::MetadataExt;
    let probe = dir.join(".uid-probe");
    std::fs::write(&probe, b"").unwrap();
    let uid = std::fs::metadata(&probe).unwrap().uid();
    std::fs::remove_file(&probe).unwrap();
    uid
}

/// "nobody": whom a command runs as when the test runs as root.
#[cfg(unix)]
const NOBODY: u32 = 65534;

/// A read-only medium, simulated by permissions: folder 0555, files 0444. Root ignores those
/// (CI runs as root), so under root the command runs as "nobody" (`Command::uid`), for whom
/// they hold exactly as a read-only USB stick or CD would: no file can be written, created or
/// locked beside the input. The binary must then be reachable by "nobody": it is copied into
/// the test's folder when a folder above it is closed to others.
#[cfg(unix)]
struct ReadOnlyMedium {
    as_nobody: bool,
    bin: PathBuf,
}

#[cfg(unix)]
impl ReadOnlyMedium {
    fn new(root: &Path) -> Self {
        use std::os::unix::fs::PermissionsExt;
        let as_nobody = own_uid(root) == 0;
        let mut bin = crate::util::bin();
        if as_nobody {
            std::fs::set_permissions(root, std::fs::Permissions::from_mode(0o755)).unwrap();
            let open_to_others = bin.ancestors().skip(1).all(|a| {
                a.as_os_str().is_empty()
                    || std::fs::metadata(a).is_ok_and(|m| m.permissions().mode() & 0o001 != 0)
            });
            if !open_to_others {
                let copy = root.join("constat");
                std::fs::copy(&bin, &copy).unwrap();
                std::fs::set_permissions(&copy, std::fs::Permissions::from_mode(0o755)).unwrap();
                bin = copy;
            }
        }
        Self { as_nobody, bin }
    }

    /// Makes `dir` and its files read-only.
    fn seal(dir: &Path) {
        use std::os::unix::fs::PermissionsExt;
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o444)).unwrap();
        }
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o555)).unwrap();
    }

    /// Gives `dir` back to whoever runs the commands (the merge target lives there).
    fn writable(&self, dir: &Path) {
        if self.as_nobody {
            for e in std::fs::read_dir(dir).unwrap() {
                std::os::unix::fs::chown(e.unwrap().path(), Some(NOBODY), Some(NOBODY)).unwrap();
            }
            std::os::unix::fs::chown(dir, Some(NOBODY), Some(NOBODY)).unwrap();
        }
    }

    /// `constat --db DB ARGS…` as [`constat`] builds it, run by the reader of the medium.
    fn constat(&self, db: &Path) -> std::process::Command {
        use std::os::unix::process::CommandExt;
        let model = constat(db);
        let mut cmd = std::process::Command::new(&self.bin);
        cmd.args(model.get_args());
        for (k, v) in model.get_envs() {
            match v {
                Some(v) => cmd.env(k, v),
                None => cmd.env_remove(k),
            };
        }
        if self.as_nobody {
            cmd.uid(NOBODY).gid(NOBODY).env("HOME", "/nonexistent");
        }
        cmd
    }
}

/// Issue 17 point 6: a WAL-mode observer database on read-only media (a USB stick mounted
/// read-only, a CD) is read by `verify`, `merge` and `report --db`, never refused as damaged or
/// "not a constat database": whether its file was closed cleanly (no companion: opened
/// immutable), or copied while its observer was writing (a `-wal` holding ticks not yet in the
/// file, with or without its `-shm`: read from a private copy). Nothing is created beside it
/// and its files are left byte for byte; `export db` makes a copy of it elsewhere.
#[cfg(unix)]
#[test]
fn a_wal_database_on_read_only_media_is_read_by_verify_merge_and_report() {
    let dir = tempfile::tempdir().unwrap();
    let medium = ReadOnlyMedium::new(dir.path());
    let obs = dir.path().join("obs");
    std::fs::create_dir_all(&obs).unwrap();
    let db = init_db(&obs);
    for panel in ["1", "2", "3"] {
        tick(&db, panel, "bureau", "absent", &[]);
    }
    let companion = |p: &Path, s: &str| PathBuf::from(format!("{}{s}", p.display()));
    assert!(!companion(&db, "-wal").exists(), "the file was not closed");
    let copy_to = |name: &str, suffixes: &[&str]| {
        let stick = dir.path().join(name);
        std::fs::create_dir_all(&stick).unwrap();
        for s in suffixes {
            std::fs::copy(companion(&db, s), companion(&stick.join("obs.db"), s)).unwrap();
        }
        stick
    };
    let clean = copy_to("clean", &[""]);
    // The observer's program still has the file open: the fourth tick stays in the -wal.
    let live = rw(&db);
    live.pragma_update(None, "wal_autocheckpoint", 0).unwrap();
    let _: i64 = live
        .query_row("SELECT count(*) FROM event", [], |r| r.get(0))
        .unwrap();
    tick(&db, "4", "bureau", "present", &[]);
    assert!(std::fs::metadata(companion(&db, "-wal")).unwrap().len() > 0);
    let with_shm = copy_to("with-shm", &["", "-wal", "-shm"]);
    let wal_only = copy_to("wal-only", &["", "-wal"]);
    drop(live);
    let targets = dir.path().join("targets");
    std::fs::create_dir_all(&targets).unwrap();
    for (stick, expected) in [(&clean, 3), (&with_shm, 4), (&wal_only, 4)] {
        ReadOnlyMedium::seal(stick);
        let file = stick.join("obs.db");
        let snapshot = || {
            let names = names_in(stick);
            let bytes: Vec<Vec<u8>> = names
                .iter()
                .map(|n| std::fs::read(stick.join(n)).unwrap())
                .collect();
            (names, bytes)
        };
        let before = snapshot();
        let label = stick.file_name().unwrap().to_string_lossy().into_owned();

        let out = run(medium.constat(&file).arg("verify").arg(&file), 0);
        assert!(
            stdout(&out).contains(&format!("{expected} événements")),
            "{label}: verify did not read every event:\n{}",
            stdout(&out)
        );

        let place = targets.join(&label);
        std::fs::create_dir_all(&place).unwrap();
        let target = new_target(&place);
        medium.writable(target.parent().unwrap());
        let out = medium
            .constat(&target)
            .args(["merge", "--into"])
            .arg(&target)
            .arg(&file)
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{label}: merge refused it:\n{}{}",
            stdout(&out),
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(events(&target).len(), expected, "{label}: merge");

        let out = medium
            .constat(&file)
            .args(["report", "--format", "json"])
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{label}: report --db refused it:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert!(json.is_object(), "{label}: report");

        // A self-contained copy can be made from it (VACUUM INTO), holding every event.
        let sent = place.join("sent.db");
        let out = medium
            .constat(&file)
            .args(["export", "db", "-o"])
            .arg(&sent)
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{label}: export db:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(events(&sent).len(), expected, "{label}: export db");

        assert!(
            snapshot() == before,
            "{label}: a file was created or changed beside the input"
        );
    }
    // Let the temporary folder be removed.
    for stick in [&clean, &with_shm, &wal_only] {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(stick, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
}

/// The peak memory bound of issue 17: no reader's peak resident memory exceeds 256 MB on any
/// input of the hostile corpus (merged, verified; the workbook bombs, every official fixture
/// imported; a 5 MB line typed in plain mode). Measured with `getrusage(RUSAGE_CHILDREN)`, which
/// is per process and counts every child waited for: the test runs again in a process of its
/// own (this test binary, filtered to this test, with `CONSTAT_RSS_PROBE` set), where the only
/// children are the commands measured, one at a time; a new maximum after a command is that
/// command's own peak. Prints each command's figure (`--nocapture`), recorded in
/// docs/RELIABILITY.md.
#[cfg(target_os = "linux")]
#[test]
fn no_reader_exceeds_256_mb_on_the_hostile_corpus() {
    const NAME: &str = "hostile::no_reader_exceeds_256_mb_on_the_hostile_corpus";
    if std::env::var_os("CONSTAT_RSS_PROBE").is_none() {
        let out = std::process::Command::new(std::env::current_exe().unwrap())
            .args([NAME, "--exact", "--test-threads=1", "--nocapture"])
            .env("CONSTAT_RSS_PROBE", "1")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        println!("{text}{}", String::from_utf8_lossy(&out.stderr));
        assert!(out.status.success(), "the measuring process failed");
        assert!(
            text.contains("1 passed"),
            "the measuring process ran no test"
        );
        return;
    }
    const LIMIT_KIB: i64 = 256 * 1000;
    let max_kib = || {
        nix::sys::resource::getrusage(nix::sys::resource::UsageWho::RUSAGE_CHILDREN)
            .unwrap()
            .max_rss()
    };
    let dir = tempfile::tempdir().unwrap();
    let mut commands: Vec<(String, std::process::Command)> = Vec::new();
    let target = new_target(dir.path());
    let corpus = corpus(dir.path());
    let files: Vec<&PathBuf> = corpus.iter().map(|(_, f, _)| f).collect();
    // One merge reads the whole corpus (it goes on past each refusal): the largest peak of any.
    let mut merge = constat(&target);
    merge.args(["merge", "--into"]).arg(&target).args(&files);
    commands.push((format!("merge of the {} corpus files", files.len()), merge));
    // `verify` opens them as `merge` does, then walks every chain: the largest and the clean one.
    for (what, file, _) in corpus
        .iter()
        .filter(|(w, _, _)| w.contains("megabytes") || w.starts_with("clean"))
    {
        let mut verify = constat(file);
        verify.arg("verify").arg(file);
        commands.push((format!("verify: {what}"), verify));
    }
    let db = init_db(dir.path());
    for (what, size, declared) in [
        ("workbook declaring 300 MiB", 4 << 10, Some(300 << 20)),
        ("workbook of 8 MiB of spaces", 8 << 20, None),
    ] {
        let sub = dir.path().join(what.replace(' ', "-"));
        std::fs::create_dir_all(&sub).unwrap();
        let book = bombed_workbook(&sub, size, declared);
        let mut import = constat(&db);
        import.args(["import", "candidates"]).arg(book);
        commands.push((format!("import candidates: {what}"), import));
    }
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/official");
    for entry in std::fs::read_dir(&fixtures).unwrap() {
        let file = entry.unwrap().path();
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        if name.ends_with(".md") || name.ends_with(".py") {
            continue;
        }
        let bureaux = ["bureaux", "table-bv"].iter().any(|b| name.contains(b));
        for kind in ["candidates", "bureaux"] {
            if kind == "bureaux" && !bureaux {
                continue;
            }
            let mut import = constat(&db);
            import.args(["import", kind]).arg(&file);
            commands.push((format!("import {kind}: {name}"), import));
        }
    }
    let mut before = max_kib();
    let mut peaks = Vec::new();
    for (what, mut cmd) in commands {
        let status = cmd
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .unwrap();
        assert!(status.code().is_some(), "{what}: killed ({status})");
        let now = max_kib();
        peaks.push((what, (now > before).then_some(now)));
        before = now;
    }
    // Plain mode: one line of 5 MB typed, then the end of input.
    let mut plain = constat(&db);
    plain
        .arg("--plain")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    let mut child = plain.spawn().unwrap();
    {
        use std::io::Write as _;
        let mut stdin = child.stdin.take().unwrap();
        let _ = stdin.write_all(&vec![b'x'; 5 << 20]);
        let _ = stdin.write_all(b"\n");
    }
    child.wait().unwrap();
    let now = max_kib();
    peaks.push((
        "plain mode: a 5 MB line".into(),
        (now > before).then_some(now),
    ));
    for (what, peak) in &peaks {
        match peak {
            Some(kib) => println!("peak RSS {:>7} KiB  {what}", kib),
            None => println!("peak RSS    <= max  {what}"),
        }
    }
    let max = max_kib();
    println!("peak RSS of all {} commands: {} KiB", peaks.len(), max);
    assert!(max < LIMIT_KIB, "a reader used {max} KiB: over 256 MB");
}

/// Found by fuzzing (issue 17 point 8): a workbook of a few KiB whose sheet names cell
/// `Z3000000` made `calamine` build a dense table of 78 million cells (24 GB, killed by the
/// kernel); a cell reference past `u32` made it panic on an overflow. Both are refused, before
/// `calamine` reads the sheet, by the extent of the sheet's cells, and nothing is imported.
#[test]
fn a_workbook_naming_a_far_cell_is_refused_before_calamine_reads_it() {
    use std::io::{Read as _, Write as _};
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/official/resultats-2017-mini.xlsx");
    for (name, cell) in [("far", "Z3000000"), ("overflow", "AAAAAAAAAAAAAA1")] {
        let mut source = zip::ZipArchive::new(std::fs::File::open(&fixture).unwrap()).unwrap();
        let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for i in 0..source.len() {
            let mut part = source.by_index(i).unwrap();
            let part_name = part.name().unwrap().into_owned();
            let mut text = Vec::new();
            part.read_to_end(&mut text).unwrap();
            if part_name.starts_with("xl/worksheets/") {
                let row: String = cell.chars().filter(char::is_ascii_digit).collect();
                text = String::from_utf8(text)
                    .unwrap()
                    .replace(
                        "</sheetData>",
                        &format!("<row r=\"{row}\"><c r=\"{cell}\"><v>1</v></c></row></sheetData>"),
                    )
                    .into_bytes();
            }
            writer
                .start_file(part_name, zip::write::SimpleFileOptions::default())
                .unwrap();
            writer.write_all(&text).unwrap();
        }
        let book = dir.path().join(format!("{name}.xlsx"));
        std::fs::write(&book, writer.finish().unwrap().into_inner()).unwrap();
        let before = events(&db).len();
        let out = run_within_a_minute(
            constat(&db)
                .args(["--lang", "en", "import", "candidates"])
                .arg(&book),
        );
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{name}: {err}");
        assert!(err.contains("at most 2000000 cells"), "{name}: {err}");
        assert_eq!(events(&db).len(), before);
    }
}
