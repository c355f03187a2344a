//! The real interface in a real terminal (tmux): keys typed, the screen read back, the database
//! checked afterwards. `.ci/run` installs tmux; a missing tmux fails the test, it never skips.

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
        let found = Command::new("tmux").arg("-V").output();
        assert!(
            found.is_ok_and(|o| o.status.success()),
            "tmux is needed for this test: apt-get install -y tmux (.ci/run does)"
        );
        let session = format!("constat-e2e-{}-{}", std::process::id(), width);
        let cmd = format!(
            "LANG=fr_FR.UTF-8 NO_COLOR=1 {} --db {} ui; sleep 30",
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
fn the_phone_screen_is_readable_and_quits_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    let tmux = Tmux::start(&db, 40, 15);
    let screen = tmux.wait_for("LEVAVASSEUR");
    assert!(screen.contains("? aide · q quitter"), "{screen}");
    tmux.keys(&["p", "q"]);
    sleep(Duration::from_millis(300));
    let csv = stdout(&run(constat(&db).args(["report", "--format", "csv"]), 0));
    assert!(csv.contains("7501,1,LEVAVASSEUR Éric,DVD,present"), "{csv}");
}
