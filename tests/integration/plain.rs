//! The plain mode (`--plain`) of the real binary, fed through a pipe: what it says, and what the
//! database holds afterwards.

use constat::domain::{EventBody, Item, Mark};

use std::path::Path;
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

use crate::util::{
    bin, constat, events, events_so_far, init_db, piped, run, stderr, stdout, tick_expecting,
};

#[test]
fn plain_ui_records_typed_lines_and_the_report_shows_them() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    let script = "3 foi p\n3 courrier a\n3 bureau p\n5 bureau a\nbonjour\n4 foi p\nannuler\n\
                  tous bureau p\no\nenveloppe 4 1\nquitter\n";
    let out = piped(&db, &["--plain", "ui"], script);
    let text = stdout(&out);
    assert!(
        text.starts_with("Élections législatives 2017, 1er tour\n"),
        "{text}"
    );
    assert!(text.contains("Observateur : Test\n"), "{text}");
    assert!(text.contains("constat> "), "{text}");
    assert!(
        text.contains(" — profession de foi : présent — enregistré à "),
        "{text}"
    );
    assert!(
        text.contains("Pas compris : « bonjour » n'est pas une commande."),
        "{text}"
    );
    assert!(text.contains("Confirmer ? (o/n) "), "{text}");
    assert!(text.ends_with("Fin de la session.\n"), "{text}");
    assert!(
        !text.contains('\u{1b}'),
        "no terminal escape sequences: {text:?}"
    );

    let csv = stdout(&run(
        constat(&db).args(["report", "--format", "csv", "--circonscription", "7501"]),
        0,
    ));
    let row = |panel: &str| -> Vec<String> {
        csv.lines()
            .map(|l| l.split(',').map(str::to_owned).collect::<Vec<_>>())
            .find(|f| f.get(1).map(String::as_str) == Some(panel))
            .unwrap_or_else(|| panic!("no row {panel} in\n{csv}"))
    };
    let marks = |panel: &str| row(panel)[4..7].to_vec();
    assert_eq!(marks("3"), ["present", "absent", "present"]);
    // `tous bureau p` marked the unchecked bureau cells only: 5's absence stays.
    assert_eq!(marks("5"), ["unchecked", "unchecked", "absent"]);
    // `annuler` withdrew 4's profession de foi.
    assert_eq!(marks("4"), ["unchecked", "unchecked", "present"]);

    // The events: 5 ticks typed, `bonjour` nothing, `annuler` one retraction of the last tick,
    // `tous bureau p` confirmed one tick per unchecked bureau cell (22 - 2), one envelope.
    let events = events(&db);
    let ticks: Vec<(u16, Item, Mark)> = events
        .iter()
        .filter_map(|e| match &e.body {
            EventBody::Tick {
                panel, item, mark, ..
            } => Some((panel.get(), *item, *mark)),
            _ => None,
        })
        .collect();
    assert_eq!(
        ticks[..5],
        [
            (3, Item::Foi, Mark::Present),
            (3, Item::Courrier, Mark::Absent),
            (3, Item::Bureau, Mark::Present),
            (5, Item::Bureau, Mark::Absent),
            (4, Item::Foi, Mark::Present),
        ]
    );
    assert_eq!(ticks.len(), 5 + 20);
    assert!(
        ticks[5..].iter().all(|&(p, item, mark)| p != 3
            && p != 5
            && item == Item::Bureau
            && mark == Mark::Present)
    );
    let retractions: Vec<_> = events
        .iter()
        .filter_map(|e| match e.body {
            EventBody::Retract { target } => Some(target),
            _ => None,
        })
        .collect();
    assert_eq!(
        retractions,
        [events[4].id],
        "`annuler` withdraws 4's profession de foi"
    );
    assert!(matches!(
        events.last().map(|e| &e.body),
        Some(EventBody::Envelope {
            voters: 4,
            received: 1,
            ..
        })
    ));
    assert_eq!(events.len(), 5 + 1 + 20 + 1);
}

#[test]
fn plain_demo_runs_without_a_terminal_and_keeps_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    // The end of the input ends the session as `quitter` does.
    let out = piped(&db, &["--plain", "--lang", "en", "demo"], "1 foi a\n");
    let text = stdout(&out);
    assert!(text.contains("Observer: Démo\n"), "{text}");
    assert!(
        text.contains(" — profession de foi: absent — saved at "),
        "{text}"
    );
    assert!(text.contains(&db.display().to_string()), "{text}");
    // The demo database is kept, with the one tick typed.
    let events = events(&db);
    assert_eq!(events.len(), 1);
    assert!(matches!(
        events[0].body,
        EventBody::Tick {
            panel,
            item: Item::Foi,
            mark: Mark::Absent,
            ..
        } if panel.get() == 1
    ));
    let csv = stdout(&run(constat(&db).args(["report", "--format", "csv"]), 0));
    assert!(csv.contains(",absent,unchecked,unchecked"), "{csv}");
}

/// Issue 16, point 16: Ctrl-C (SIGINT) in plain mode read from a pipe ends the session as
/// `quitter` does: exit 0, the tick typed before is kept, and the demo says where its database is.
#[test]
fn ctrl_c_in_plain_mode_from_a_pipe_ends_cleanly_and_says_where_the_demo_is() {
    use std::io::{Read, Write};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let mut child = constat(&db)
        .args(["--plain", "--lang", "en", "demo"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // The input stays open: only the signal can end the session.
    let mut input = child.stdin.take().unwrap();
    input.write_all(b"1 foi a\n").unwrap();
    input.flush().unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    while events_so_far(&db).unwrap_or(0) == 0 {
        assert!(Instant::now() < deadline, "the tick was never saved");
        sleep(Duration::from_millis(50));
    }
    let sent = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    let status = child.wait().unwrap();
    let mut text = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    drop(input);
    assert_eq!(status.code(), Some(0), "{text}");
    assert!(text.contains(&db.display().to_string()), "{text}");
    assert_eq!(events(&db).len(), 1);
}

/// Issue 16, point 5: the command line and plain mode say a re-check of the table alike,
/// "revérifié à 10 h 05" in the bureau's legal time, and record it as a new observation.
#[test]
fn a_recheck_is_said_alike_on_the_command_line_and_in_plain_mode() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    let first = stdout(&tick_expecting(&db, "3", "bureau", "present", &[], 0));
    assert!(first.starts_with("enregistré : événement "), "{first}");
    let again = stdout(&tick_expecting(&db, "3", "bureau", "present", &[], 0));
    let rechecked = |text: &str| {
        text.lines()
            .find_map(|l| l.split("revérifié à ").nth(1).map(str::to_owned))
            .unwrap_or_else(|| panic!("no re-check said in {text}"))
    };
    // "10 h 05 : événement ID", or "10 h : …" on the hour.
    let time = rechecked(&again);
    assert!(time.split(" : événement ").nth(1).is_some(), "{again}");
    assert!(time.contains(" h"), "{again}");
    // The same mark on an envelope item is no re-check: nothing is added.
    tick_expecting(&db, "3", "foi", "present", &[], 0);
    let same = stdout(&tick_expecting(&db, "3", "foi", "present", &[], 0));
    assert!(same.starts_with("déjà enregistré"), "{same}");
    let out = piped(&db, &["--plain", "ui"], "3 bureau p\n");
    let plain = rechecked(&stdout(&out));
    assert!(plain.contains(" h"), "{plain}");
    let ticks = events(&db)
        .iter()
        .filter(|e| {
            matches!(
                e.body,
                EventBody::Tick {
                    item: Item::Bureau,
                    ..
                }
            )
        })
        .count();
    assert_eq!(ticks, 3, "each re-check is a new observation");
    // English.
    let out = run(
        constat(&db).args([
            "--lang",
            "en",
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
    assert!(
        stdout(&out).starts_with("re-checked at "),
        "{}",
        stdout(&out)
    );
}

/// Issue 16, point 4: absurd counts are refused alike on the command line and in plain mode;
/// more envelopes than voters needs `--confirm-more` (plain mode asks).
#[test]
fn absurd_counts_are_refused_and_more_envelopes_than_voters_needs_confirming() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    let envelope = |voters: &str, received: &str, extra: &[&str], code: i32| {
        run(
            constat(&db)
                .args([
                    "envelope",
                    "--circonscription",
                    "7501",
                    "--voters",
                    voters,
                    "--received",
                    received,
                ])
                .args(extra),
            code,
        )
    };
    let refused = envelope("999999", "1", &[], 1);
    assert!(
        stderr(&refused).contains("de 1 à 99"),
        "{}",
        stderr(&refused)
    );
    let refused = envelope("4", "9", &[], 1);
    assert!(
        stderr(&refused).contains("9 enveloppes reçues pour 4 électeurs"),
        "{}",
        stderr(&refused)
    );
    assert!(stderr(&refused).contains("--confirm-more"));
    let refused = envelope("4", "1000", &["--confirm-more"], 1);
    assert!(
        stderr(&refused).contains("999 au plus"),
        "{}",
        stderr(&refused)
    );
    assert!(events(&db).is_empty(), "nothing written");
    envelope("4", "9", &["--confirm-more"], 0);
    assert!(matches!(
        events(&db).last().map(|e| &e.body),
        Some(EventBody::Envelope {
            voters: 4,
            received: 9,
            ..
        })
    ));
    // Plain mode refuses the same, and asks before more envelopes than voters.
    let out = stdout(&piped(
        &db,
        &["--plain", "ui"],
        "enveloppe 999999 1\nenveloppe 3 5\no\n",
    ));
    assert!(
        out.contains("les électeurs inscrits à l'adresse vont de 1 à 99"),
        "{out}"
    );
    assert!(out.contains("Confirmer ? (o/n) "), "{out}");
    assert!(
        out.contains("5 enveloppes reçues (2 enveloppes de plus que d'électeurs) — enregistré"),
        "{out}"
    );
    assert_eq!(events(&db).len(), 2);
}

/// Issue 16, point 13, through the real binary: `export DOSSIER` writes the evidence folder
/// that `constat verify` accepts, and `verifier` says the database is intact.
#[test]
fn plain_export_writes_evidence_that_verify_accepts() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    let folder = dir.path().join("preuves");
    let script = format!("3 bureau a\nexport {}\nverifier\npv\n", folder.display());
    let out = stdout(&piped(&db, &["--plain", "ui"], &script));
    assert!(
        out.contains(&format!("Preuves exportées dans {}.", folder.display())),
        "{out}"
    );
    assert!(
        out.contains("Vérification terminée : tout est intact."),
        "{out}"
    );
    let pv = stdout(&run(constat(&db).args(["pv", "--bureau", "75056_0911"]), 0));
    assert!(
        out.contains(&pv),
        "pv is constat pv's text:\n{out}\n---\n{pv}"
    );
    run(constat(&db).arg("verify").arg(&folder), 0);
}

/// A plain-mode session in a real terminal (tmux), as a screen-reader user types.
struct Tmux {
    session: String,
}

impl Tmux {
    fn start(db: &Path, name: &str) -> Self {
        let found = Command::new("tmux").arg("-V").output();
        assert!(
            found.is_ok_and(|o| o.status.success()),
            "tmux is needed for this test: apt-get install -y tmux (.ci/run does)"
        );
        let session = format!("constat-plain-{}-{name}", std::process::id());
        let cmd = format!(
            "LANG=fr_FR.UTF-8 NO_COLOR=1 {} --db {} --plain demo; echo \"exit=$?\"; sleep 30",
            bin().display(),
            db.display()
        );
        let ok = Command::new("tmux")
            .args([
                "new-session",
                "-d",
                "-s",
                &session,
                "-x",
                "200",
                "-y",
                "50",
                &cmd,
            ])
            .status()
            .unwrap();
        assert!(ok.success());
        Self { session }
    }

    fn keys(&self, keys: &[&str]) {
        for k in keys {
            Command::new("tmux")
                .args(["send-keys", "-t", &self.session, k])
                .status()
                .unwrap();
            sleep(Duration::from_millis(60));
        }
    }

    /// Types `text` literally (no key names).
    fn type_text(&self, text: &str) {
        Command::new("tmux")
            .args(["send-keys", "-t", &self.session, "-l", text])
            .status()
            .unwrap();
        sleep(Duration::from_millis(60));
    }

    fn screen(&self) -> String {
        let out = Command::new("tmux")
            .args(["capture-pane", "-p", "-S", "-", "-t", &self.session])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if s.contains(text) {
                return s;
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "never showed `{text}`:\n{s}"
            );
            sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["kill-session", "-t", &self.session])
            .status();
    }
}

/// Issue 16, points 14 and 16: in a real terminal, the arrows edit the line and bring back the
/// lines typed before, no escape code is echoed into a reply, and Ctrl-C ends the session
/// cleanly and says where the demo database is.
#[test]
#[ignore = "needs tmux"]
fn plain_mode_in_a_terminal_edits_lines_with_the_arrows_and_ctrl_c_ends_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let tmux = Tmux::start(&db, "arrows");
    tmux.wait_for("Tapez « aide »");
    tmux.wait_for("constat>");
    // A line typed with a letter missing, mended with the left arrow: "3 fo a" → "3 foi a".
    tmux.type_text("3 fo a");
    tmux.keys(&["Left", "Left"]);
    tmux.type_text("i");
    tmux.keys(&["Enter"]);
    tmux.wait_for("profession de foi : absent — enregistré à ");
    // Up brings back the line typed before; it is edited and sent again.
    tmux.keys(&["Up"]);
    tmux.keys(&["BSpace"]);
    tmux.type_text("p");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("profession de foi : présent — enregistré à ");
    assert!(!screen.contains("^["), "no escape code echoed:\n{screen}");
    assert!(!screen.contains("[A"), "no escape code echoed:\n{screen}");
    assert!(!screen.contains("Pas compris"), "{screen}");
    // Ctrl-C ends cleanly: the session says so, and where the demo database is.
    tmux.keys(&["C-c"]);
    let screen = tmux.wait_for("exit=0");
    assert!(screen.contains("Interrompu (Ctrl-C)."), "{screen}");
    assert!(screen.contains("Fin de la session."), "{screen}");
    assert!(screen.contains(&db.display().to_string()), "{screen}");
    let events = events(&db);
    let marks: Vec<Mark> = events
        .iter()
        .filter_map(|e| match e.body {
            EventBody::Tick {
                item: Item::Foi,
                mark,
                ..
            } => Some(mark),
            _ => None,
        })
        .collect();
    assert_eq!(marks, [Mark::Absent, Mark::Present]);
}

/// Issue 19: `photo 8 bureau CHEMIN` through the real binary's plain mode: the photo is a
/// signed event of the chain with its bytes (EXIF stripped), `verify` passes; a file that is no
/// image is refused and records nothing.
#[test]
fn plain_ui_attaches_a_photo_typed_with_its_path() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    let photo = dir.path().join("pile du 8.jpg");
    // A minimal JPEG: SOI, APP0 (JFIF), SOS and its data, EOI.
    let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10];
    jpeg.extend(b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0");
    jpeg.extend([0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00]);
    jpeg.extend([0x12, 0x34, 0xFF, 0xD9]);
    std::fs::write(&photo, &jpeg).unwrap();
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "pas une image").unwrap();
    let script = format!(
        "photo 8 foi {}\nphoto 8 bureau {}\nquitter\n",
        text.display(),
        photo.display()
    );
    let out = stdout(&piped(&db, &["--plain", "ui"], &script));
    assert!(out.contains("NON ENREGISTRÉ : "), "{out}");
    assert!(out.contains(": pile du 8.jpg (sha256 "), "{out}");
    let photos: Vec<_> = events(&db)
        .into_iter()
        .filter_map(|e| match e.body {
            EventBody::Photo { photo, .. } => Some(*photo),
            _ => None,
        })
        .collect();
    let [photo] = &photos[..] else {
        panic!("one photo: {photos:?}\n{out}")
    };
    assert_eq!(photo.name, "pile du 8.jpg");
    assert!(matches!(
        photo.of,
        constat::domain::PhotoSubject::Cell { panel, item: Item::Bureau } if panel.get() == 8
    ));
    run(constat(&db).arg("verify").arg(&db), 0);
}
