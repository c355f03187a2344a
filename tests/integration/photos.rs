//! Photos as evidence (issue 19) through the real binary: attach, export, merge, verify, a
//! tampered byte, missing bytes, HEIC stored as received, a non-image refused, EXIF GPS stripped.

use std::path::{Path, PathBuf};

use constat::domain::{EventBody, MediaType, PhotoSubject};
use constat::storage::PhotoState;

use crate::util::{constat, events, init_db, run, stderr, stdout};

const CIRC: &str = "7501";
const BUREAU: &str = "75056_0913";

/// The test pictures, shared with the library's unit tests (one builder).
#[path = "../support/jpeg.rs"]
mod pictures;
pub use pictures::jpeg_with_gps;

/// A HEIC file's start as phones write it: an `ftyp` box of brand `heic`.
fn heic() -> Vec<u8> {
    let mut out = 24u32.to_be_bytes().to_vec();
    out.extend(b"ftypheic\0\0\0\0mif1heic");
    out.extend([0u8; 64]);
    out
}

fn photo(db: &Path, extra: &[&str], files: &[&Path], expected: i32) -> std::process::Output {
    run(
        constat(db)
            .args(["photo", "--circonscription", CIRC, "--bureau", BUREAU])
            .args(extra)
            .args(files),
        expected,
    )
}

fn photos(db: &Path) -> Vec<(PhotoSubject, constat::domain::Photo)> {
    events(db)
        .into_iter()
        .filter_map(|e| match e.body {
            EventBody::Photo { photo, .. } => Some((photo.of, *photo)),
            _ => None,
        })
        .collect()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn stored(db: &Path, sha: &[u8; 32]) -> Option<Vec<u8>> {
    let store = constat::storage::Store::open(db).unwrap();
    let mut out = Vec::new();
    store.copy_photo(sha, &mut out).unwrap().map(|r| {
        r.unwrap();
        out
    })
}

#[test]
fn a_photo_is_attached_stripped_of_gps_exported_merged_and_verified() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    let original = jpeg_with_gps();
    let file = write(dir.path(), "table.jpg", &original);
    let heic = write(dir.path(), "enveloppes.heic", &heic());
    photo(&db, &["--candidate", "8", "--item", "bureau"], &[&file], 0);
    photo(&db, &["--household"], &[&heic], 0);
    let found = photos(&db);
    assert_eq!(found.len(), 2);
    let (of, jpeg) = &found[0];
    assert!(matches!(of, PhotoSubject::Cell { panel, .. } if panel.get() == 8));
    assert_eq!(jpeg.media, MediaType::Jpeg);
    assert_eq!(jpeg.name, "table.jpg");
    assert_eq!(
        jpeg.original,
        <[u8; 32]>::from(sha2::Sha256::digest(&original))
    );
    assert_ne!(jpeg.sha256, jpeg.original, "the stored copy is stripped");
    let bytes = stored(&db, &jpeg.sha256).unwrap();
    assert_eq!(bytes.len() as u64, jpeg.size);
    assert!(original.windows(6).any(|w| w == b"Exif\0\0"));
    assert!(!bytes.windows(6).any(|w| w == b"Exif\0\0"), "EXIF GPS gone");
    assert!(bytes.starts_with(&[0xFF, 0xD8]) && bytes.ends_with(&[0xFF, 0xD9]));
    // HEIC: stored as received.
    let (of, h) = &found[1];
    assert_eq!(*of, PhotoSubject::Household);
    assert_eq!(h.media, MediaType::Heic);
    assert_eq!(h.sha256, h.original);
    run(constat(&db).arg("verify").arg(&db), 0);
    // Export and merge into a national database: the photos come with their bytes.
    let export = dir.path().join("export.db");
    run(constat(&db).args(["export", "db", "-o"]).arg(&export), 0);
    let national = dir.path().join("national.db");
    run(
        constat(&national).args([
            "init",
            "--election",
            "legislatives-2017",
            "--observer",
            "Coord",
        ]),
        0,
    );
    run(
        constat(&national)
            .args(["merge", "--into"])
            .arg(&national)
            .arg(&export),
        0,
    );
    assert_eq!(photos(&national).len(), 2);
    assert_eq!(stored(&national, &jpeg.sha256).unwrap(), bytes);
    run(constat(&national).arg("verify").arg(&national), 0);
}

use sha2::Digest;

#[test]
#[allow(clippy::disallowed_methods)] // tampering with the file behind constat's back, on purpose
fn a_tampered_byte_is_caught_and_named_and_missing_bytes_are_announced_not_received() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    let file = write(dir.path(), "table.jpg", &jpeg_with_gps());
    photo(&db, &[], &[&file], 0);
    let id = events(&db).pop().unwrap().id.to_string();
    // One byte changed in a copy.
    let tampered = dir.path().join("tampered.db");
    std::fs::copy(&db, &tampered).unwrap();
    {
        let conn = rusqlite::Connection::open(&tampered).unwrap();
        let mut bytes: Vec<u8> = conn
            .query_row("SELECT bytes FROM photo_blob", [], |r| r.get(0))
            .unwrap();
        let last = bytes.len() - 3;
        bytes[last] ^= 1;
        conn.execute("UPDATE photo_blob SET bytes = ?1", [bytes])
            .unwrap();
    }
    let out = run(constat(&db).arg("verify").arg(&tampered), 1);
    let said = format!("{}{}", stdout(&out), stderr(&out));
    assert!(said.contains(&id), "{said}");
    // A merge refuses it, and nothing of the file is merged.
    let target = dir.path().join("target.db");
    run(
        constat(&target).args(["init", "--sample", "paris-1-2017", "--observer", "Coord"]),
        0,
    );
    let before = events(&target).len();
    let out = run(
        constat(&target)
            .args(["merge", "--into"])
            .arg(&target)
            .arg(&tampered),
        0,
    );
    assert!(
        stdout(&out).contains("1 fichier refusé"),
        "{}",
        stdout(&out)
    );
    assert!(photos(&target).is_empty());
    assert_eq!(events(&target).len(), before);
    // Bytes missing: listed as announced, not received; not a break of the chain.
    let missing = dir.path().join("missing.db");
    std::fs::copy(&db, &missing).unwrap();
    {
        let conn = rusqlite::Connection::open(&missing).unwrap();
        conn.execute("UPDATE photo_blob SET bytes = NULL", [])
            .unwrap();
    }
    let out = run(constat(&db).arg("verify").arg(&missing), 0);
    assert!(
        stdout(&out).contains("annoncée, non reçue"),
        "{}",
        stdout(&out)
    );
    assert!(stdout(&out).contains(&id));
}

#[test]
fn a_non_image_is_refused_and_nothing_is_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    let good = write(dir.path(), "table.jpg", &jpeg_with_gps());
    let text = write(dir.path(), "notes.txt", b"pas une image");
    let before = events(&db).len();
    let out = photo(&db, &[], &[&good, &text], 1);
    assert!(stderr(&out).contains("notes.txt"), "{}", stderr(&out));
    assert_eq!(events(&db).len(), before, "all files checked before any");
    // --keep-metadata stores the file as received.
    photo(&db, &["--keep-metadata"], &[&good], 0);
    let (_, p) = photos(&db).pop().unwrap();
    assert_eq!(p.sha256, p.original);
}

/// A photo over the size limit (20 MiB) is refused with its size and the limit, and nothing is
/// recorded (issue 19 point 4).
#[test]
fn a_photo_over_the_size_limit_is_refused_and_nothing_is_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    let mut big = jpeg_with_gps();
    big.resize(
        usize::try_from(constat::domain::MAX_PHOTO_BYTES).unwrap() + 1,
        0,
    );
    let big = write(dir.path(), "huge.jpg", &big);
    let before = events(&db).len();
    let out = photo(&db, &[], &[&big], 1);
    let err = stderr(&out);
    assert!(err.contains("huge.jpg") && err.contains("20 Mo"), "{err}");
    assert_eq!(events(&db).len(), before, "nothing recorded");
}

/// A real picture (decodable), as a PNG.
fn real_png(width: u32, height: u32) -> Vec<u8> {
    let picture = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 251) as u8, (y % 241) as u8, ((x * y) % 239) as u8])
    });
    let mut out = Vec::new();
    picture
        .write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
        .unwrap();
    out
}

/// A real picture, as a JPEG.
fn real_jpeg(width: u32, height: u32) -> Vec<u8> {
    let picture = image::load_from_memory(&real_png(width, height)).unwrap();
    let mut out = Vec::new();
    picture
        .write_to(
            &mut std::io::Cursor::new(&mut out),
            image::ImageFormat::Jpeg,
        )
        .unwrap();
    out
}

/// One photo_blob row: sha256 hex, bytes held, thumbnail.
type Blob = (String, Option<Vec<u8>>, Option<Vec<u8>>);

/// Every photo_blob row (read behind constat's back, read only).
#[allow(clippy::disallowed_methods)]
fn blobs(db: &Path) -> Vec<Blob> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn
        .prepare("SELECT sha256, bytes, thumbnail FROM photo_blob ORDER BY sha256")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

fn national(dir: &Path) -> PathBuf {
    let national = dir.join("national.db");
    run(
        constat(&national).args([
            "init",
            "--election",
            "legislatives-2017",
            "--observer",
            "Coord",
        ]),
        0,
    );
    national
}

fn merge(into: &Path, file: &Path) -> std::process::Output {
    run(
        constat(into).args(["merge", "--into"]).arg(into).arg(file),
        0,
    )
}

#[test]
fn thumbnails_are_made_at_attach_and_travel_alone_then_the_originals_fill_and_verify() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    // A finding for the report to show the photos beside.
    crate::util::tick(&db, "8", "bureau", "absent", &["--bureau", BUREAU]);
    let jpeg = write(dir.path(), "table.jpg", &real_jpeg(1200, 900));
    let png = write(dir.path(), "urne.png", &real_png(500, 800));
    let heic = write(dir.path(), "enveloppes.heic", &heic());
    photo(
        &db,
        &["--candidate", "8", "--item", "bureau"],
        &[&jpeg, &png],
        0,
    );
    photo(&db, &["--household"], &[&heic], 0);
    let held = blobs(&db);
    assert_eq!(held.len(), 3);
    let by_type: Vec<(MediaType, [u8; 32])> = photos(&db)
        .iter()
        .map(|(_, p)| (p.media, p.sha256))
        .collect();
    for (sha, bytes, thumb) in &held {
        assert!(bytes.is_some());
        let media = by_type
            .iter()
            .find(|(_, s)| hex::encode(s) == *sha)
            .unwrap()
            .0;
        match (media, thumb) {
            (MediaType::Heic, None) => {}
            (MediaType::Jpeg | MediaType::Png, Some(t)) => {
                let small = image::load_from_memory(t).unwrap();
                assert!(small.width().max(small.height()) <= 320);
                assert!(small.width().max(small.height()) >= 200);
            }
            other => panic!("{other:?}"),
        }
    }
    // A thumbnail-only export: no bytes, thumbnails kept, much smaller.
    let light = dir.path().join("light.db");
    run(
        constat(&db)
            .args(["export", "db", "--thumbnails", "-o"])
            .arg(&light),
        0,
    );
    let full = dir.path().join("full.db");
    run(constat(&db).args(["export", "db", "-o"]).arg(&full), 0);
    let light_blobs = blobs(&light);
    assert_eq!(light_blobs.len(), 3);
    assert!(light_blobs.iter().all(|(_, b, _)| b.is_none()));
    assert_eq!(
        light_blobs.iter().filter(|(_, _, t)| t.is_some()).count(),
        2
    );
    assert!(
        std::fs::metadata(&light).unwrap().len() < std::fs::metadata(&full).unwrap().len(),
        "the light export is smaller"
    );
    assert_eq!(events(&light), events(&db), "every event travels");
    // verify on it: the two with a thumbnail are "thumbnail only", the HEIC (no thumbnail)
    // announced, not received; none a break.
    let states = |db: &Path| -> Vec<PhotoState> {
        constat::storage::verify_photos(db)
            .unwrap()
            .into_iter()
            .map(|c| c.state)
            .collect()
    };
    let light_states = states(&light);
    assert_eq!(
        light_states
            .iter()
            .filter(|s| **s == PhotoState::ThumbnailOnly)
            .count(),
        2
    );
    assert_eq!(
        light_states
            .iter()
            .filter(|s| **s == PhotoState::NotReceived)
            .count(),
        1
    );
    let out = run(constat(&db).arg("verify").arg(&light), 0);
    let said = stdout(&out);
    assert_eq!(said.matches("vignette seulement").count(), 2, "{said}");
    assert_eq!(said.matches("annoncée, non reçue").count(), 1, "{said}");
    // The coordinator merges the light file: events and thumbnails, no bytes.
    let national = national(dir.path());
    merge(&national, &light);
    assert_eq!(photos(&national).len(), 3);
    let merged = blobs(&national);
    assert!(merged.iter().all(|(_, b, _)| b.is_none()));
    assert_eq!(merged.iter().filter(|(_, _, t)| t.is_some()).count(), 2);
    assert_eq!(states(&national), light_states);
    let out = run(constat(&national).arg("verify").arg(&national), 0);
    assert!(
        stdout(&out).contains("vignette seulement"),
        "{}",
        stdout(&out)
    );
    // The report says the same of each photo it shows: thumbnail only, or not received.
    let html = html_report(&national, dir.path());
    assert_eq!(html.matches("class=\"held thumbnail-only\"").count(), 2);
    assert_eq!(html.matches("class=\"held not-received\"").count(), 1);
    // The originals, sent later: the full export fills the bytes, and they verify.
    merge(&national, &full);
    assert_eq!(photos(&national).len(), 3, "no event twice");
    assert_eq!(blobs(&national), held);
    assert!(states(&national).iter().all(|s| *s == PhotoState::Intact));
    let out = run(constat(&national).arg("verify").arg(&national), 0);
    assert!(
        !stdout(&out).contains("annoncée, non reçue") && !stdout(&out).contains("vignette"),
        "{}",
        stdout(&out)
    );
    assert!(!html_report(&national, dir.path()).contains("class=\"held "));
}

#[test]
fn a_full_export_merged_carries_the_thumbnails() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    let jpeg = write(dir.path(), "table.jpg", &real_jpeg(800, 600));
    photo(&db, &[], &[&jpeg], 0);
    let full = dir.path().join("full.db");
    run(constat(&db).args(["export", "db", "-o"]).arg(&full), 0);
    let national = national(dir.path());
    merge(&national, &full);
    assert_eq!(blobs(&national), blobs(&db));
    assert!(blobs(&national)[0].2.is_some());
}

#[test]
#[allow(clippy::disallowed_methods)] // tampering with the folder behind constat's back, on purpose
fn evidence_folders_carry_the_photos_by_hash_and_verify_catches_a_tampered_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    let jpeg = write(dir.path(), "table.jpg", &real_jpeg(400, 300));
    let heic = write(dir.path(), "enveloppes.heic", &heic());
    photo(&db, &["--candidate", "8", "--item", "bureau"], &[&jpeg], 0);
    photo(&db, &["--household"], &[&heic], 0);
    let found = photos(&db);
    let folder = dir.path().join("preuves");
    run(
        constat(&db).args(["export", "evidence", "-o"]).arg(&folder),
        0,
    );
    let manifest = std::fs::read_to_string(folder.join("MANIFEST")).unwrap();
    for (_, p) in &found {
        let name = format!("photos/{}.{}", hex::encode(p.sha256), p.media.extension());
        let bytes = std::fs::read(folder.join(&name)).unwrap();
        assert_eq!(Some(bytes), stored(&db, &p.sha256));
        assert!(
            manifest.contains(&format!("{}  {name}\n", hex::encode(p.sha256))),
            "{manifest}"
        );
    }
    let out = run(constat(&db).arg("verify").arg(&folder), 0);
    assert_eq!(
        stdout(&out).matches("photo intacte").count(),
        2,
        "{}",
        stdout(&out)
    );
    assert_eq!(
        hand_check(&folder),
        0,
        "the by-hand check of docs/evidence.md"
    );
    // One byte of the JPEG changed: caught, and the file named.
    let (_, jpeg) = &found[0];
    let name = format!("photos/{}.jpg", hex::encode(jpeg.sha256));
    let mut bytes = std::fs::read(folder.join(&name)).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 1;
    std::fs::write(folder.join(&name), &bytes).unwrap();
    let out = run(constat(&db).arg("verify").arg(&folder), 1);
    assert_eq!(hand_check(&folder), 1);
    let said = stdout(&out);
    assert!(
        said.lines()
            .any(|l| l.starts_with("ALTÉRÉ") && l.contains(&name)),
        "{said}"
    );
    let id = events(&db)
        .into_iter()
        .find(|e| matches!(&e.body, EventBody::Photo { photo, .. } if photo.sha256 == jpeg.sha256))
        .unwrap()
        .id
        .to_string();
    assert!(
        said.lines()
            .any(|l| l.starts_with("ALTÉRÉ : photo table.jpg") && l.contains(&id)),
        "{said}"
    );
    // A photo file the MANIFEST does not list is not taken in silently.
    std::fs::write(folder.join(&name), stored(&db, &jpeg.sha256).unwrap()).unwrap();
    run(constat(&db).arg("verify").arg(&folder), 0);
    assert_eq!(hand_check(&folder), 0);
    std::fs::write(folder.join("photos/extra.jpg"), b"\xFF\xD8\xFF").unwrap();
    let out = run(constat(&db).arg("verify").arg(&folder), 1);
    assert!(
        stdout(&out).contains("photos/extra.jpg"),
        "{}",
        stdout(&out)
    );
    assert_eq!(hand_check(&folder), 1);
}

/// The exit status of docs/evidence.md's by-hand check (tests/forgery/check_folder.py).
fn hand_check(folder: &Path) -> i32 {
    std::process::Command::new("python3")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/forgery/check_folder.py"))
        .arg(folder)
        .output()
        .expect("python3 (needed by the by-hand check)")
        .status
        .code()
        .unwrap_or(-1)
}

#[test]
fn an_evidence_folder_of_a_coordinator_holding_only_thumbnails_carries_them_as_such() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    let jpeg = write(dir.path(), "table.jpg", &real_jpeg(400, 300));
    let heic = write(dir.path(), "enveloppes.heic", &heic());
    photo(&db, &[], &[&jpeg, &heic], 0);
    let light = dir.path().join("light.db");
    run(
        constat(&db)
            .args(["export", "db", "--thumbnails", "-o"])
            .arg(&light),
        0,
    );
    let national = national(dir.path());
    merge(&national, &light);
    let folder = dir.path().join("preuves");
    run(
        constat(&national)
            .args(["export", "evidence", "-o"])
            .arg(&folder),
        0,
    );
    // The JPEG's thumbnail travels, named by the original's hash; nothing of the HEIC (no
    // thumbnail is made of it) and no original.
    let found = photos(&national);
    let jpeg_sha = hex::encode(found[0].1.sha256);
    let files: Vec<String> = std::fs::read_dir(folder.join("photos"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(files, vec![format!("{jpeg_sha}.thumbnail.jpg")]);
    let (verdicts, checks) =
        constat::app::folder_check::verify_folder_with_photos(&folder).unwrap();
    assert!(verdicts.iter().all(|v| v.broken.is_none()), "{verdicts:?}");
    let states: Vec<(String, PhotoState)> =
        checks.into_iter().map(|c| (c.sha256, c.state)).collect();
    assert_eq!(
        states,
        vec![
            (jpeg_sha.clone(), PhotoState::ThumbnailOnly),
            (hex::encode(found[1].1.sha256), PhotoState::NotReceived)
        ]
    );
    let out = run(constat(&national).arg("verify").arg(&folder), 0);
    let said = stdout(&out);
    assert!(
        said.contains("vignette seulement") && said.contains("photo annoncée, non reçue"),
        "{said}"
    );
    assert_eq!(hand_check(&folder), 0);
    // A thumbnail edited in the folder is caught by the MANIFEST.
    let thumb = folder
        .join("photos")
        .join(format!("{jpeg_sha}.thumbnail.jpg"));
    let mut bytes = std::fs::read(&thumb).unwrap();
    let last = bytes.len() - 3;
    bytes[last] ^= 1;
    std::fs::write(&thumb, bytes).unwrap();
    run(constat(&national).arg("verify").arg(&folder), 1);
}

/// The HTML report of `db`, written in `dir` (again over the last one).
fn html_report(db: &Path, dir: &Path) -> String {
    let page = dir.join("rapport.html");
    run(
        constat(db)
            .args(["report", "--format", "html", "--force", "-o"])
            .arg(&page),
        0,
    );
    std::fs::read_to_string(&page).unwrap()
}

/// The thumbnails a page embeds, decoded from its `data:` URIs.
fn embedded(html: &str) -> Vec<Vec<u8>> {
    html.split("src=\"data:image/jpeg;base64,")
        .skip(1)
        .map(|rest| {
            let b64 = &rest[..rest.find('"').unwrap()];
            decode_base64(b64)
        })
        .collect()
}

fn decode_base64(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => panic!("not base64: {c}"),
    };
    let mut out = Vec::new();
    for chunk in text.as_bytes().chunks(4) {
        let data: Vec<u8> = chunk
            .iter()
            .filter(|&&c| c != b'=')
            .map(|&c| value(c))
            .collect();
        let n = data
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, v)| n | u32::from(*v) << (18 - 6 * i));
        out.extend(&n.to_be_bytes()[1..data.len()]);
    }
    out
}

#[test]
fn the_html_report_embeds_thumbnails_beside_the_findings_with_escaped_names_and_a_limit() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    crate::util::tick(&db, "8", "bureau", "absent", &["--bureau", BUREAU]);
    // Five photos of candidate 8's ballot missing from the table, one of them with a hostile name.
    let mut files = Vec::new();
    for i in 0..5u32 {
        let name = if i == 0 {
            "<img src=x onerror=alert(1)>.jpg".to_owned()
        } else {
            format!("table-{i}.jpg")
        };
        files.push(write(dir.path(), &name, &real_jpeg(300 + i, 200)));
    }
    let refs: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    photo(&db, &["--candidate", "8", "--item", "bureau"], &refs, 0);
    let heic = write(dir.path(), "enveloppes.heic", &heic());
    photo(&db, &["--household"], &[&heic], 0);
    let html = html_report(&db, dir.path());
    // Three thumbnails for the cell, each the one stored, "and 2 others"; HEIC a placeholder.
    let shown = embedded(&html);
    assert_eq!(shown.len(), 3, "at most three a group");
    let thumbnails: Vec<Vec<u8>> = blobs(&db).into_iter().filter_map(|(_, _, t)| t).collect();
    assert!(shown.iter().all(|t| thumbnails.contains(t)));
    assert!(
        html.contains("et 2 autres photos"),
        "the ones left out are counted"
    );
    assert!(html.contains("pas de vignette (image/heic)"));
    // The hostile name is shown escaped, never as markup.
    assert!(!html.contains("<img src=x"));
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;.jpg"));
    // Each photo shown carries its short hash; the section sits inside its circonscription.
    for (_, p) in photos(&db).iter().take(3) {
        assert!(html.contains(&format!("sha256 {}…", &hex::encode(p.sha256)[..12])));
    }
    let section = html.find("<section class=\"circ\"").unwrap();
    let photos_at = html.find("<div class=\"photos\">").unwrap();
    let end = html[section..].find("</section>").unwrap() + section;
    assert!(section < photos_at && photos_at < end);
    // Self-contained: nothing fetched.
    assert!(!html.contains("src=\"http"));
    // The evidence folder's report.html embeds them too.
    let folder = dir.path().join("preuves");
    run(
        constat(&db).args(["export", "evidence", "-o"]).arg(&folder),
        0,
    );
    let html = std::fs::read_to_string(folder.join("report.html")).unwrap();
    assert_eq!(embedded(&html).len(), 3);
}

#[test]
fn the_pv_annex_lists_the_signer_s_photos_of_that_bureau_by_hash() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    crate::util::tick(&db, "8", "bureau", "absent", &["--bureau", BUREAU]);
    let jpeg = write(dir.path(), "table.jpg", &real_jpeg(300, 200));
    let heic = write(dir.path(), "enveloppes.heic", &heic());
    photo(&db, &["--candidate", "8", "--item", "bureau"], &[&jpeg], 0);
    photo(&db, &["--household"], &[&heic], 0);
    // A photo of another bureau is not this bureau's annex's.
    let other = write(dir.path(), "ailleurs.jpg", &real_jpeg(310, 200));
    run(
        constat(&db)
            .args(["photo", "--circonscription", CIRC, "--bureau", "75056_0911"])
            .arg(&other),
        0,
    );
    let out = run(constat(&db).args(["pv", "--bureau", BUREAU, "--annex"]), 0);
    let annex = stdout(&out);
    let found = photos(&db);
    let grouped = |sha: &[u8; 32]| {
        let h = hex::encode(sha);
        format!("{} {} {} {}", &h[..4], &h[4..8], &h[8..12], &h[12..16])
    };
    let line = |sha: &[u8; 32]| {
        annex
            .lines()
            .find(|l| l.starts_with(&format!("- {}", grouped(sha))))
            .unwrap_or_else(|| panic!("{annex}"))
            .to_owned()
    };
    let cell = line(&found[0].1.sha256);
    assert!(
        cell.contains("table.jpg") && cell.contains("jointe le "),
        "{cell}"
    );
    assert!(line(&found[1].1.sha256).contains("enveloppes.heic"));
    assert!(!annex.contains("ailleurs.jpg"), "{annex}");
    assert!(annex.contains("Photos jointes par Test"), "{annex}");
    assert!(
        !annex.contains("vignette seulement") && !annex.contains("non reçue"),
        "{annex}"
    );
    // From a thumbnail-only copy, the annex says what of each photo the file holds: the JPEG's
    // thumbnail only, nothing of the HEIC (no thumbnail is made of it), under the same hashes.
    let light = dir.path().join("light.db");
    run(
        constat(&db)
            .args(["export", "db", "--thumbnails", "-o"])
            .arg(&light),
        0,
    );
    let out = run(
        constat(&light).args(["pv", "--bureau", BUREAU, "--annex"]),
        0,
    );
    let light_annex = stdout(&out);
    let line_of = |sha: &[u8; 32]| {
        light_annex
            .lines()
            .find(|l| l.starts_with(&format!("- {}", grouped(sha))))
            .unwrap_or_else(|| panic!("{light_annex}"))
            .to_owned()
    };
    assert!(
        line_of(&found[0].1.sha256).contains("vignette seulement"),
        "{light_annex}"
    );
    assert!(
        line_of(&found[1].1.sha256).contains("photo annoncée, non reçue"),
        "{light_annex}"
    );
}

#[test]
fn photo_events_travel_by_csv_announced_without_their_bytes_and_their_chains_verify() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    crate::util::tick(&db, "8", "bureau", "absent", &["--bureau", BUREAU]);
    let jpeg = write(dir.path(), "=table;\"1\".jpg", &real_jpeg(300, 200));
    let heic = write(dir.path(), "enveloppes.heic", &heic());
    photo(&db, &["--candidate", "8", "--item", "bureau"], &[&jpeg], 0);
    photo(
        &db,
        &["--household", "--note", "deux enveloppes"],
        &[&heic],
        0,
    );
    let csv = dir.path().join("events.csv");
    run(constat(&db).args(["export", "csv", "-o"]).arg(&csv), 0);
    // A CSV carries no reference data: the target has the candidates already.
    let national = dir.path().join("national.db");
    run(
        constat(&national).args(["init", "--sample", "paris-1-2017", "--observer", "Coord"]),
        0,
    );
    let out = merge(&national, &csv);
    assert!(
        stdout(&out).contains("0 fichier refusé"),
        "{}",
        stdout(&out)
    );
    // Every photo event arrives as it was recorded (same id, same hashes, same name).
    let theirs: Vec<_> = events(&db)
        .into_iter()
        .filter(|e| matches!(e.body, EventBody::Photo { .. }))
        .collect();
    let ours: Vec<_> = events(&national)
        .into_iter()
        .filter(|e| matches!(e.body, EventBody::Photo { .. }))
        .collect();
    assert_eq!(ours, theirs);
    assert_eq!(theirs.len(), 2);
    // Announced, bytes not received; the chains verify.
    let out = run(constat(&national).arg("verify").arg(&national), 0);
    assert_eq!(
        stdout(&out).matches("photo annoncée, non reçue").count(),
        2,
        "{}",
        stdout(&out)
    );
    for (_, p) in photos(&national) {
        assert_eq!(stored(&national, &p.sha256), None);
    }
    // The originals sent later by database fill them.
    let full = dir.path().join("full.db");
    run(constat(&db).args(["export", "db", "-o"]).arg(&full), 0);
    merge(&national, &full);
    for (_, p) in photos(&db) {
        assert_eq!(stored(&national, &p.sha256), stored(&db, &p.sha256));
    }
    let out = run(constat(&national).arg("verify").arg(&national), 0);
    assert!(!stdout(&out).contains("non reçue"), "{}", stdout(&out));
}

/// The `<li>` holding `needle`, from its start to its end.
fn item_with<'h>(html: &'h str, needle: &str) -> Option<&'h str> {
    let at = html.find(needle)?;
    let start = html[..at].rfind("<li")?;
    let end = html[at..].find("</li>")? + at;
    Some(&html[start..end])
}

/// Issue 19 point 3: thumbnails sit beside the finding they support, inside its line; a photo of
/// an envelope's cell is beside that candidate's envelope finding only, never the bureau's; a
/// bureau photo beside each of its table findings, embedded once, a link after.
#[test]
fn photos_sit_beside_the_findings_they_support_and_an_envelope_s_only_beside_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    // Candidate 8's ballot and candidate 5's missing from the table; candidate 3's ballot
    // missing from the envelope.
    crate::util::tick(&db, "8", "bureau", "absent", &["--bureau", BUREAU]);
    crate::util::tick(&db, "5", "bureau", "absent", &["--bureau", BUREAU]);
    crate::util::tick(&db, "3", "courrier", "absent", &["--bureau", BUREAU]);
    let table = write(dir.path(), "table-8.jpg", &real_jpeg(320, 200));
    let envelope = write(dir.path(), "enveloppe-3.jpg", &real_jpeg(330, 200));
    let whole = write(dir.path(), "bureau.jpg", &real_jpeg(340, 200));
    photo(&db, &["--candidate", "8", "--item", "bureau"], &[&table], 0);
    photo(
        &db,
        &["--candidate", "3", "--item", "courrier"],
        &[&envelope],
        0,
    );
    photo(&db, &[], &[&whole], 0);
    let found = photos(&db);
    let id = |i: usize| format!("id=\"p{}\"", hex::encode(found[i].1.sha256));
    let link = |i: usize| format!("href=\"#p{}\"", hex::encode(found[i].1.sha256));
    let html = html_report(&db, dir.path());
    // Each photo embedded once, all of them beside a finding: no photo section left.
    assert_eq!(embedded(&html).len(), 3, "each embedded once");
    assert!(!html.contains("<div class=\"photos\">"), "none left over");
    let cell = item_with(&html, &id(0)).expect("the table photo beside a finding");
    let env = item_with(&html, &id(1)).expect("the envelope photo beside a finding");
    let bureau = item_with(&html, &id(2)).expect("the bureau photo beside a finding");
    // The three beside three findings: the envelope's beside candidate 3's envelope finding
    // alone; candidate 8's table cell beside candidate 8's absence only; the bureau's beside
    // both absences of the bureau, embedded beside the first (candidate 5's), linked from the
    // other.
    assert!(cell != env && cell != bureau && env != bureau);
    for other in [0, 2] {
        assert!(!env.contains(&id(other)) && !env.contains(&link(other)));
    }
    assert!(!bureau.contains(&id(0)) && !bureau.contains(&link(0)));
    assert!(
        cell.contains(&link(2)),
        "the bureau photo linked from the other absence"
    );
    assert!(cell.contains(BUREAU) && bureau.contains(BUREAU));
    assert!(!env.contains(BUREAU), "not the bureau's finding");
    // The envelope's photo is beside no other finding, not even as a link.
    assert!(!html.contains(&link(1)));
    assert_eq!(html.matches(&link(2)).count(), 1);
}
