//! Terminal injection (issue 17): text that came from outside — a note, an observer's name, a
//! file's name, a path typed on the command line — never reaches the terminal or a report with a
//! raw escape sequence, a newline that starts a fake line, or a bidirectional override.

use std::path::Path;

use crate::util::{constat, init_db, run, stderr, stdout, tick};

/// A note that fakes a line and reverses what follows (`tick` itself refuses the other control
/// characters, such as ESC, in a note).
const NOTE: &str = "avant\nFAKE LINE\u{202e}\u{2066}après";

/// No raw control character other than the newline, no raw bidirectional control, and no line
/// starting with the fake one.
fn assert_clean(text: &str) {
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n'),
        "raw control character: {text:?}"
    );
    for bidi in [
        '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{202e}', '\u{2066}', '\u{2067}',
        '\u{2068}', '\u{2069}', '\u{200e}', '\u{200f}', '\u{61c}',
    ] {
        assert!(!text.contains(bidi), "raw bidi control: {text:?}");
    }
    assert!(
        !text.lines().any(|l| l.trim_start().starts_with("FAKE")),
        "a fake line: {text}"
    );
}

fn hostile_db(dir: &Path) -> std::path::PathBuf {
    let db = init_db(dir);
    tick(&db, "1", "foi", "absent", &["--note", NOTE]);
    db
}

#[test]
fn the_text_report_shows_a_hostile_note_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let db = hostile_db(dir.path());
    let text = stdout(&run(constat(&db).args(["report"]), 0));
    assert_clean(&text);
    assert!(
        text.contains("avant⏎FAKE LINE\\u{202e}\\u{2066}après"),
        "{text}"
    );
}

#[test]
fn the_markdown_report_shows_a_hostile_note_escaped_and_html_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    let note = format!("{NOTE}<script>alert(1)</script>&");
    tick(&db, "1", "foi", "absent", &["--note", &note]);
    let text = stdout(&run(constat(&db).args(["report", "--format", "md"]), 0));
    assert_clean(&text);
    assert!(!text.contains("<script>"), "{text}");
    assert!(text.contains("&lt;script&gt;"), "{text}");
}

#[test]
fn the_html_and_csv_reports_neutralise_bidi_controls() {
    let dir = tempfile::tempdir().unwrap();
    let db = hostile_db(dir.path());
    let html = stdout(&run(constat(&db).args(["report", "--format", "html"]), 0));
    assert!(
        !html.contains('\u{202e}') && !html.contains('\u{1b}'),
        "{html:?}"
    );
    let csv = stdout(&run(constat(&db).args(["report", "--format", "csv"]), 0));
    assert!(!csv.contains('\u{202e}'), "{csv:?}");
}

#[test]
fn merge_prints_a_hostile_file_name_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let db = hostile_db(dir.path());
    let inbox = dir.path().join("inbox");
    std::fs::create_dir(&inbox).unwrap();
    std::fs::copy(
        &db,
        inbox.join("a\u{1b}[2J\u{1b}]0;pwned\u{7}\nFAKE LINE\u{202e}.db"),
    )
    .unwrap();
    std::fs::write(inbox.join("b\u{1b}[2J\nFAKE refused.db"), b"not a database").unwrap();
    let target = dir.path().join("national.db");
    run(
        constat(&target).args(["init", "--sample", "paris-1-2017", "--observer", "Centre"]),
        0,
    );
    let out = run(
        constat(&target)
            .arg("merge")
            .arg("--into")
            .arg(&target)
            .arg(&inbox),
        0,
    );
    let text = stdout(&out);
    assert_clean(&text);
    assert_clean(&stderr(&out));
    assert!(
        text.contains("a\\u{1b}[2J\\u{1b}]0;pwned\\u{7}⏎FAKE LINE\\u{202e}.db"),
        "{text}"
    );
}

#[test]
fn verify_prints_a_hostile_observer_and_file_name_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("x\u{1b}]0;pwned\u{7}\nFAKE LINE\u{202e}");
    std::fs::create_dir(&sub).unwrap();
    let db = sub.join("obs.db");
    run(
        constat(&db).args([
            "init",
            "--sample",
            "paris-1-2017",
            "--observer",
            "Marie\u{202e}\u{200f}",
        ]),
        0,
    );
    tick(&db, "1", "foi", "absent", &[]);
    let out = run(constat(&db).arg("verify").arg(&db), 0);
    assert_clean(&stdout(&out));
    assert!(
        stdout(&out).contains("Marie\\u{202e}\\u{200f}"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn an_error_shows_a_hostile_path_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir
        .path()
        .join("nowhere\u{1b}]0;pwned\u{7}\nFAKE LINE\u{202e}")
        .join("obs.db");
    let out = run(constat(&db).args(["report"]), 1);
    let text = stderr(&out);
    assert_clean(&text);
    assert!(
        text.contains("\\u{1b}]0;pwned\\u{7}⏎FAKE LINE\\u{202e}"),
        "{text}"
    );
}

/// The confirmation lines name files the user typed: a hostile name is shown escaped there too.
#[test]
fn confirmation_lines_show_a_hostile_path_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("obs\u{1b}[2J\nFAKE.db");
    let out = run(
        constat(&db).args(["init", "--sample", "paris-1-2017", "--observer", "T"]),
        0,
    );
    assert_clean(&stdout(&out));
    let report = dir.path().join("r\u{1b}]0;x\u{7}.txt");
    let out = run(constat(&db).arg("report").arg("-o").arg(&report), 0);
    assert_clean(&stdout(&out));
    assert!(report.exists(), "the report was written where asked");
}
