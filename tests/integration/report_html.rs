//! `constat report --format html` in a real headless browser: the reference record's report is
//! rendered by the real binary, opened by Chromium from the file system (no network), captured as
//! a PNG and printed to PDF; the PNG is decoded and must show the page and its presence bars.
//!
//! Chromium is required, so plain `cargo test` leaves this test out (`#[ignore]`); run it with
//! `cargo test --test integration -- --ignored` (`.ci/run` installs Chromium and does). Run
//! without Chromium, the test fails and says how to install it: it never skips.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::pv::reference_db;
use crate::util::{constat, run, stdout};

/// The bars' colours (`src/report/html.rs`): present, absent.
const PRESENT: [u8; 3] = [0x2e, 0x7d, 0x32];
const ABSENT: [u8; 3] = [0xc6, 0x28, 0x28];

/// The Chromium binary on the PATH; fails the test, saying how to install it, when there is none.
fn chromium() -> PathBuf {
    let path = std::env::var_os("PATH").unwrap_or_default();
    for dir in std::env::split_paths(&path) {
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return candidate;
            }
        }
    }
    panic!(
        "chromium is not installed: the HTML report is tested in a real headless browser. \
         Install it (Debian: `apt-get install -y chromium`; `.ci/run` does it) and run the tests again."
    );
}

/// Runs headless Chromium on `html` with `action` (`--screenshot=…` or `--print-to-pdf=…`),
/// killing it after 120 s.
pub fn headless(html: &Path, profile: &Path, action: &str) {
    let mut child = Command::new(chromium())
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--hide-scrollbars",
            "--force-color-profile=srgb",
            "--no-pdf-header-footer",
            "--window-size=1200,1600",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(action)
        .arg(format!("file://{}", html.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromium");
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        match child.try_wait().expect("wait for chromium") {
            Some(status) => {
                assert!(status.success(), "chromium {action} failed: {status}");
                return;
            }
            None if Instant::now() > deadline => {
                let _ = child.kill();
                let _ = child.wait();
                panic!("chromium {action} did not finish within 120 s");
            }
            None => std::thread::sleep(Duration::from_millis(100)),
        }
    }
}

/// The pages of a PDF that Chromium printed: its `/Type /Page` objects (not `/Type /Pages`).
pub fn chromium_pdf_pages(pdf: &Path) -> usize {
    let bytes = std::fs::read(pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"), "not a PDF");
    let text = String::from_utf8_lossy(&bytes);
    text.matches("/Type /Page").count() - text.matches("/Type /Pages").count()
}

/// RGB pixels of a PNG.
fn decode(png_file: &Path) -> (u32, u32, Vec<[u8; 3]>) {
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(png_file).unwrap(),
    ));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let channels = match info.color_type {
        png::ColorType::Rgb => 3,
        png::ColorType::Rgba => 4,
        other => panic!("unexpected PNG colour type {other:?}"),
    };
    assert_eq!(info.bit_depth, png::BitDepth::Eight);
    let pixels = buf[..info.buffer_size()]
        .chunks_exact(channels)
        .map(|p| [p[0], p[1], p[2]])
        .collect();
    (info.width, info.height, pixels)
}

#[test]
#[ignore = "needs chromium: apt-get install chromium"]
fn the_html_report_renders_in_a_real_browser_and_prints_to_pdf() {
    let chromium = chromium();
    let dir = tempfile::tempdir().unwrap();
    let db = reference_db(dir.path());
    let html_file = dir.path().join("rapport.html");
    run(
        constat(&db)
            .args(["report", "--format", "html", "-o"])
            .arg(&html_file),
        0,
    );
    let html = std::fs::read_to_string(&html_file).unwrap();

    // Self-contained: nothing to fetch.
    for forbidden in [
        "http://", "https://", "<script", "<link", "src=", "url(", "@import",
    ] {
        assert!(!html.contains(forbidden), "the page refers to {forbidden}");
    }
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"));
    assert!(html.contains("15 candidats ont les trois éléments"));
    assert!(html.contains("1 enveloppe pour 4 électeurs : 3 manquantes"));
    // The same report as text ends with the same digest line as the page's footer.
    let text = stdout(&run(constat(&db).arg("report"), 0));
    let digest = text.lines().last().unwrap().replace('\'', "&#39;");
    assert!(
        html.contains(&format!("<p class=\"digest\">{digest}</p>\n</footer>")),
        "{digest}"
    );

    let shot = dir.path().join("rapport.png");
    headless(
        &html_file,
        &dir.path().join("profile-png"),
        &format!("--screenshot={}", shot.display()),
    );
    let (width, height, pixels) = decode(&shot);
    assert_eq!((width, height), (1200, 1600), "{}", chromium.display());
    let total = pixels.len() as f64;
    let non_white = pixels.iter().filter(|p| **p != [255, 255, 255]).count() as f64;
    let ratio = non_white / total;
    assert!(
        (0.02..0.6).contains(&ratio),
        "non-white share {ratio:.3}: a blank or broken page"
    );
    let mut colours: Vec<[u8; 3]> = pixels.clone();
    colours.sort_unstable();
    colours.dedup();
    assert!(
        colours.len() >= 50,
        "only {} distinct colours: text and charts were not drawn",
        colours.len()
    );
    let count = |c: [u8; 3]| pixels.iter().filter(|p| **p == c).count();
    // 15 × 3 full green bars and 7 × 1 (the bureau ballot), 7 × 2 red ones: thousands of pixels.
    assert!(
        count(PRESENT) > 5_000,
        "green presence bars: {} px",
        count(PRESENT)
    );
    assert!(
        count(ABSENT) > 1_000,
        "red absence bars: {} px",
        count(ABSENT)
    );

    let pdf = dir.path().join("rapport.pdf");
    headless(
        &html_file,
        &dir.path().join("profile-pdf"),
        &format!("--print-to-pdf={}", pdf.display()),
    );
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"), "not a PDF");
    assert!(bytes.len() > 20_000, "PDF of {} bytes", bytes.len());
    let pages = chromium_pdf_pages(&pdf);
    // The circonscription, then the rates per département on a page of their own.
    assert!(pages >= 2, "{pages} pages in the PDF");
}
