//! The real interface in a real terminal (tmux): keys typed, the screen read back, the database
//! checked afterwards. tmux is required, so plain `cargo test` leaves these tests out (`#[ignore]`);
//! run them with `cargo test --test integration -- --ignored` (`.ci/run` installs tmux and does).
//! Run without tmux, they fail and say how to install it: they never skip.

use std::path::Path;
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

use crate::util::{bin, constat, init_db, run, stdout};

struct Tmux {
    session: String,
}

impl Tmux {
    fn start(db: &Path, width: u16, height: u16) -> Self {
        Self::start_with(db, width, height, "")
    }

    /// [`Tmux::start`] with `env` (`NAME='value' …`) before the command.
    fn start_with(db: &Path, width: u16, height: u16, env: &str) -> Self {
        let found = Command::new("tmux").arg("-V").output();
        assert!(
            found.is_ok_and(|o| o.status.success()),
            "tmux is needed for this test: apt-get install -y tmux (.ci/run does)"
        );
        // Tests run in parallel on files of the same name: each session has its own number.
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let session = format!(
            "constat-e2e-{}-{}-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            width,
            // tmux reads `.` and `:` in a target as window and pane separators.
            db.file_stem()
                .and_then(|n| n.to_str())
                .unwrap_or("db")
                .replace(['.', ':'], "-")
        );
        let cmd = format!(
            "{env} LANG=fr_FR.UTF-8 NO_COLOR=1 CONSTAT_KEY_DIR='{}' {} --db {} ui; sleep 30",
            crate::util::key_dir(db).display(),
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
                &width.to_string(),
                "-y",
                &height.to_string(),
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

    fn screen(&self) -> String {
        let out = Command::new("tmux")
            .args(["capture-pane", "-p", "-t", &self.session])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Waits until the screen shows `text` (the interface answers within a frame; CI may be slow).
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

#[test]
#[ignore = "needs tmux: apt-get install tmux"]
fn ticking_in_the_real_terminal_saves_to_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    let tmux = Tmux::start(&db, 80, 24);
    tmux.wait_for("LEVAVASSEUR Éric");
    // Bureau screen, candidate 1: ballot absent; envelope screen, candidate 2: profession de
    // foi present.
    tmux.keys(&["2"]);
    tmux.wait_for("Vérifié à");
    tmux.keys(&["a"]);
    tmux.wait_for("enregistré");
    tmux.keys(&["1", "j", "p"]);
    // The household envelope: 4 voters, 1 envelope.
    tmux.keys(&["e", "4", "Tab", "1", "Enter"]);
    tmux.wait_for("1 reçue pour 4 électeurs");
    // Help opens and closes; the picker finds a bureau by street.
    tmux.keys(&["?"]);
    tmux.wait_for("Aide");
    tmux.keys(&["Escape", "/", "c", "l", "a", "u", "z", "e", "l"]);
    tmux.wait_for("1 résultat");
    tmux.keys(&["Enter", "q"]);
    sleep(Duration::from_millis(300));
    let csv = stdout(&run(constat(&db).args(["report", "--format", "csv"]), 0));
    assert!(
        csv.contains("7501,1,LEVAVASSEUR Éric,DVD,unchecked,unchecked,absent"),
        "{csv}"
    );
    assert!(
        csv.contains("7501,2,QUINTERNET Bérangère,DIV,present,unchecked,unchecked"),
        "{csv}"
    );
    let report = stdout(&run(constat(&db).arg("report"), 0));
    assert!(
        report.contains("1 enveloppe pour 4 électeurs : 3 manquantes"),
        "{report}"
    );
}

#[test]
#[ignore = "needs tmux: apt-get install tmux"]
fn the_phone_screen_is_readable_and_quits_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    let tmux = Tmux::start(&db, 40, 15);
    let screen = tmux.wait_for("LEVAVASSEUR");
    // The hint line's buttons: note, undo, help and quit (issue 16, point 11).
    let last = screen.lines().last().unwrap_or_default();
    for button in ["c note", "u annuler", "? aide", "q quitter"] {
        assert!(last.contains(button), "{screen}");
    }
    tmux.keys(&["p", "q"]);
    sleep(Duration::from_millis(300));
    let csv = stdout(&run(constat(&db).args(["report", "--format", "csv"]), 0));
    assert!(csv.contains("7501,1,LEVAVASSEUR Éric,DVD,present"), "{csv}");
}

/// The whole journey of issue 7, typed in a real terminal: first run (no database yet), the
/// envelope screen, the bureau screen with a note, a refused and an accepted question, a move
/// undone, the summary and the evidence export; then the database and the evidence are checked
/// with the command line.
#[test]
#[ignore = "needs tmux: apt-get install tmux"]
fn the_whole_journey_from_first_run_to_exported_evidence() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journey.db");
    let evidence = dir.path().join("preuves");
    let tmux = Tmux::start(&db, 80, 24);
    // First run: the form, then the picker.
    tmux.wait_for("Bienvenue dans constat");
    tmux.keys(&["Marie Curie", "Tab", "06 12 34 56 78", "Enter"]);
    tmux.wait_for("Fichier des constats créé");
    tmux.keys(&["0911"]);
    tmux.wait_for("1 résultat");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Bureau 75056_0911");
    // Envelope screen: the household's envelopes (4 voters, 2 envelopes, the day they came), two
    // ticks in the first, one in the second, a non-receipt.
    tmux.keys(&[
        "e",
        "4",
        "Tab",
        "2",
        "Tab",
        "06/06/2017",
        "Tab",
        "sous la porte",
        "Enter",
    ]);
    tmux.wait_for("2 reçues pour 4 électeurs");
    tmux.wait_for("enveloppe 1 sur 2");
    // `a` and `p` move on to the next candidate once saved.
    tmux.keys(&["a", "k", "l", "a", "h", "p"]);
    tmux.keys(&["+"]);
    tmux.wait_for("enveloppe 2 sur 2");
    tmux.keys(&["g", "p", "-"]);
    tmux.wait_for("Enveloppe 1 sur 2");
    tmux.keys(&["n", "Jean Dupont", "Enter"]);
    tmux.wait_for("Non-réceptions\u{a0}: 1");
    // Bureau screen: two ballots, a note on the second.
    tmux.keys(&["2"]);
    tmux.wait_for("Vérifié à");
    tmux.keys(&["g", "p", "a", "k", "c", "bulletins épuisés à 15h", "Enter"]);
    tmux.wait_for("Note enregistrée");
    // A destructive action asks; "n" does nothing.
    tmux.keys(&["P"]);
    tmux.wait_for("Confirmer");
    tmux.keys(&["n"]);
    tmux.wait_for("Rien n'a été fait");
    // Moving the bureau's observations to 0912, then undoing the move.
    tmux.keys(&["M", "0912"]);
    tmux.wait_for("1 résultat");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Déplacer 2 constats");
    tmux.keys(&["o"]);
    tmux.wait_for("déplacés vers 75056_0912");
    tmux.keys(&["u"]);
    tmux.wait_for("Dernière modification annulée");
    // Summary: findings, PV, digest; export the evidence.
    tmux.keys(&["3"]);
    tmux.wait_for("Référence à recopier");
    tmux.keys(&["x"]);
    tmux.wait_for("Exporter les preuves");
    tmux.keys(&["BSpace"; 25]);
    tmux.keys(&[evidence.to_str().unwrap(), "Enter"]);
    tmux.wait_for("Preuves exportées");
    tmux.keys(&["q"]);
    sleep(Duration::from_millis(300));

    let csv = stdout(&run(constat(&db).args(["report", "--format", "csv"]), 0));
    assert!(
        csv.contains("7501,1,LEVAVASSEUR Éric,DVD,absent,absent,present"),
        "{csv}"
    );
    assert!(
        csv.contains("7501,2,QUINTERNET Bérangère,DIV,present,unchecked,absent"),
        "{csv}"
    );
    let report = stdout(&run(constat(&db).arg("report"), 0));
    assert!(report.contains("2 enveloppes pour 4 électeurs"), "{report}");
    assert!(report.contains("arrivées le mardi 6 juin 2017"), "{report}");
    assert!(report.contains("Marie Curie"), "{report}");
    // The note, the move and its undo are all in the log: nothing was overwritten.
    let events = stdout(&run(
        constat(&db).args(["export", "csv", "-o", "/dev/stdout"]),
        0,
    ));
    assert!(events.contains("bulletins épuisés à 15h"), "{events}");
    assert!(
        events.contains("75056_0912"),
        "the move is kept in the history"
    );
    assert!(events.contains("retract"), "{events}");
    assert!(events.contains("sous la porte") && events.contains("Jean Dupont"));
    // The columns by name: the events CSV gains columns with the schema.
    let header: Vec<&str> = events
        .lines()
        .next()
        .unwrap_or_default()
        .split(',')
        .collect();
    let column = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let (envelope, received_on) = (column("envelope"), column("received_on"));
    let rows: Vec<Vec<&str>> = events.lines().map(|l| l.split(',').collect()).collect();
    assert!(
        rows.iter().any(|r| r.contains(&"tick")
            && r.contains(&"foi")
            && r.contains(&"present")
            && r.get(envelope) == Some(&"2")),
        "the second envelope's tick is numbered: {events}"
    );
    assert!(
        rows.iter()
            .any(|r| r.get(received_on) == Some(&"2017-06-06")),
        "{events}"
    );
    // The exported evidence verifies.
    assert!(evidence.join("MANIFEST").exists());
    let verified = stdout(&run(
        Command::new(bin()).args(["verify", evidence.to_str().unwrap()]),
        0,
    ));
    assert!(!verified.is_empty());
}

#[test]
#[ignore = "needs tmux: apt-get install tmux"]
fn leaving_the_first_run_form_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("never.db");
    let tmux = Tmux::start(&db, 40, 15);
    tmux.wait_for("Bienvenue");
    tmux.keys(&["Escape"]);
    tmux.wait_for("Aucune base créée");
    assert!(!db.exists());
}

impl Tmux {
    /// Pastes `text` as the terminal does (bracketed, when the interface asked for it).
    fn paste(&self, text: &str) {
        let ok = Command::new("tmux")
            .args(["set-buffer", "--", text])
            .status()
            .unwrap();
        assert!(ok.success());
        let ok = Command::new("tmux")
            .args(["paste-buffer", "-p", "-t", &self.session])
            .status()
            .unwrap();
        assert!(ok.success());
    }
}

/// Issue 16, point 1: pasting 3,000 accented characters into a note is one event: the form
/// answers at once, says the note is limited to 1,000 characters, Enter records it, and two more
/// Enters change no mark.
#[test]
#[ignore = "needs tmux: apt-get install tmux"]
fn a_long_pasted_note_is_taken_at_once_and_no_enter_flips_a_mark() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    let tmux = Tmux::start(&db, 80, 24);
    tmux.wait_for("LEVAVASSEUR Éric");
    tmux.keys(&["2"]);
    tmux.wait_for("Vérifié à");
    // `a` moves on to the next candidate once saved: back up to the first.
    tmux.keys(&["a"]);
    tmux.wait_for("enregistré");
    tmux.keys(&["k", "c"]);
    tmux.wait_for("Note sur la case");
    let started = Instant::now();
    tmux.paste(&"é".repeat(3000));
    tmux.wait_for("1000/1000");
    tmux.wait_for("2000 non ajoutés");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Note enregistrée");
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "the paste took {:?}",
        started.elapsed()
    );
    tmux.keys(&["Enter", "Enter", "q"]);
    sleep(Duration::from_millis(300));
    let csv = stdout(&run(constat(&db).args(["report", "--format", "csv"]), 0));
    assert!(
        csv.contains("7501,1,LEVAVASSEUR Éric,DVD,unchecked,unchecked,absent"),
        "{csv}"
    );
    let events = crate::util::events(&db);
    assert_eq!(events.len(), 2, "the tick and its note, nothing more");
    assert!(matches!(
        &events[1].body,
        constat::domain::EventBody::Tick { note: Some(n), mark: constat::domain::Mark::Absent, .. }
            if n.chars().count() == 1000
    ));
}

/// Issue 16, point 12: a tick from the command line into the open file shows in the interface
/// within a second or so, without a key.
#[test]
#[ignore = "needs tmux: apt-get install tmux"]
fn a_tick_from_the_command_line_shows_in_the_open_interface() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    let tmux = Tmux::start(&db, 80, 24);
    tmux.wait_for("foi 0/22 · courrier 0/22");
    let started = Instant::now();
    crate::util::tick(&db, "3", "foi", "absent", &[]);
    let screen = tmux.wait_for("foi 1/22 · courrier 0/22");
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "shown after {:?}",
        started.elapsed()
    );
    assert!(
        screen
            .lines()
            .any(|l| l.contains("MAILLARD Sylvain") && l.contains("✗ absent")),
        "{screen}"
    );
    assert!(screen.contains("Mis à jour depuis le fichier"), "{screen}");
    tmux.keys(&["q"]);
}

/// Issue 19: in the real terminal, `f` on the bureau screen, a path pasted (with a space),
/// `Enter`: the photo is attached to the cell under the cursor through the same code as
/// `constat photo` (EXIF stripped), the grid marks the cell, `i` lists it; a text file typed is
/// refused in the form and records nothing.
#[test]
#[ignore = "needs tmux: apt-get install tmux"]
fn a_photo_is_attached_by_typed_path_in_the_real_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    let photo = dir.path().join("table du bureau.jpg");
    std::fs::write(&photo, crate::photos::jpeg_with_gps()).unwrap();
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "pas une image").unwrap();
    let tmux = Tmux::start(&db, 80, 24);
    tmux.wait_for("LEVAVASSEUR Éric");
    tmux.keys(&["2"]);
    tmux.wait_for("Vérifié à");
    tmux.keys(&["f"]);
    tmux.wait_for("Joindre une photo");
    tmux.paste(&text.display().to_string());
    tmux.keys(&["Enter"]);
    tmux.wait_for("pas une image");
    for _ in 0..text.display().to_string().chars().count() {
        tmux.keys(&["BSpace"]);
    }
    tmux.paste(&photo.display().to_string());
    tmux.keys(&["Enter"]);
    tmux.wait_for("Photo jointe");
    tmux.wait_for("⊡");
    tmux.keys(&["i"]);
    tmux.wait_for("table du bureau.jpg");
    tmux.keys(&["Escape", "q"]);
    sleep(Duration::from_millis(300));
    let events = crate::util::events(&db);
    let [event] = &events[..] else {
        panic!("one photo event, nothing else: {events:?}")
    };
    let constat::domain::EventBody::Photo { photo, .. } = &event.body else {
        panic!("{event:?}")
    };
    assert_eq!(photo.name, "table du bureau.jpg");
    assert!(photo.stripped());
    assert!(matches!(
        photo.of,
        constat::domain::PhotoSubject::Cell { panel, item: constat::domain::Item::Bureau } if panel.get() == 1
    ));
    run(constat(&db).arg("verify").arg(&db), 0);
}

/// Issue 19: with Termux:API's `termux-camera-photo` on the `PATH` (here a script that writes a
/// JPEG where it is told), `F` on the bureau screen takes the photo and attaches it to the cell
/// under the cursor; the temporary file is gone afterwards.
#[test]
#[ignore = "needs tmux: apt-get install tmux"]
fn the_camera_takes_the_photo_and_it_is_attached() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    let jpeg = dir.path().join("camera.jpg");
    std::fs::write(&jpeg, crate::photos::jpeg_with_gps()).unwrap();
    let bin_dir = dir.path().join("bin");
    std::fs::create_dir(&bin_dir).unwrap();
    let camera = bin_dir.join("termux-camera-photo");
    std::fs::write(
        &camera,
        format!(
            "#!/bin/sh\ncp '{}' \"$1\"\necho \"$1\" > '{}'\n",
            jpeg.display(),
            dir.path().join("taken").display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&camera, std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = format!(
        "PATH='{}:{}'",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let tmux = Tmux::start_with(&db, 80, 24, &path);
    tmux.wait_for("LEVAVASSEUR Éric");
    tmux.keys(&["2"]);
    tmux.wait_for("Vérifié à");
    tmux.keys(&["j", "F"]);
    tmux.wait_for("Photo jointe");
    tmux.keys(&["q"]);
    sleep(Duration::from_millis(300));
    let events = crate::util::events(&db);
    let [event] = &events[..] else {
        panic!("one photo event: {events:?}")
    };
    let constat::domain::EventBody::Photo { photo, .. } = &event.body else {
        panic!("{event:?}")
    };
    assert!(
        photo.name.starts_with("photo-") && photo.name.ends_with(".jpg"),
        "{}",
        photo.name
    );
    assert!(matches!(
        photo.of,
        constat::domain::PhotoSubject::Cell { panel, item: constat::domain::Item::Bureau } if panel.get() == 2
    ));
    let taken = std::fs::read_to_string(dir.path().join("taken")).unwrap();
    assert!(
        !Path::new(taken.trim()).exists(),
        "the temporary file is removed: {taken}"
    );
}

/// Issue 16 point 2 in a real terminal: `e 2 Tab 2 Enter p` sent in one go saves the household
/// and nothing else; the `p` queued behind the form is not applied to the grid.
#[test]
#[ignore = "needs tmux: apt-get install tmux"]
fn keys_queued_behind_a_form_do_not_tick_the_grid() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    let tmux = Tmux::start(&db, 80, 24);
    tmux.wait_for("LEVAVASSEUR Éric");
    // One send-keys: the keys reach the interface together, as a burst typed ahead.
    let ok = Command::new("tmux")
        .args([
            "send-keys",
            "-t",
            &tmux.session,
            "e",
            "2",
            "Tab",
            "2",
            "Enter",
            "p",
            "a",
            "Space",
        ])
        .status()
        .unwrap();
    assert!(ok.success());
    tmux.wait_for("2 reçues pour 2 électeurs");
    sleep(Duration::from_millis(300));
    tmux.keys(&["q"]);
    sleep(Duration::from_millis(300));
    let events = crate::util::events(&db);
    assert_eq!(events.len(), 1, "only the household: {events:?}");
    assert!(matches!(
        events[0].body,
        constat::domain::EventBody::Envelope { received: 2, .. }
    ));
}
