//! Events CSV files saved again by a spreadsheet (issue 18 point 6): LibreOffice's re-save (every
//! field quoted) and Excel's (UTF-8 byte order mark, `;`, CRLF) merge when their content is
//! unchanged; an edited one is refused as edited (its chain hash), never as "not SQLite".

use std::path::{Path, PathBuf};

use crate::util::{constat, events, init_db, run, stdout, tick};

/// An observer's events CSV with notes that need quoting in any dialect.
fn exported(dir: &Path) -> PathBuf {
    let db = init_db(dir);
    tick(
        &db,
        "1",
        "foi",
        "absent",
        &["--note", "vu à 8 h; \"rien\", sur la table"],
    );
    tick(&db, "2", "bureau", "absent", &["--bureau", "75056_0911"]);
    tick(
        &db,
        "3",
        "courrier",
        "present",
        &["--note", "=1+1 (une formule ?)"],
    );
    let csv = dir.join("events.csv");
    run(constat(&db).args(["export", "csv", "-o"]).arg(&csv), 0);
    csv
}

/// `csv` saved again with `delimiter`, `quote` and `terminator`, with a byte order mark if
/// `bom`, each cell passed through `edit` (row index from 0 for the header, column index).
fn resaved(
    csv: &Path,
    out: &Path,
    delimiter: u8,
    quote: csv::QuoteStyle,
    crlf: bool,
    bom: bool,
    edit: &dyn Fn(usize, usize, &str) -> String,
) {
    let mut r = csv::Reader::from_path(csv).unwrap();
    let mut buf = Vec::new();
    if bom {
        buf.extend_from_slice(b"\xEF\xBB\xBF");
    }
    {
        let mut w = csv::WriterBuilder::new()
            .delimiter(delimiter)
            .quote_style(quote)
            .terminator(if crlf {
                csv::Terminator::CRLF
            } else {
                csv::Terminator::Any(b'\n')
            })
            .from_writer(&mut buf);
        w.write_record(r.headers().unwrap()).unwrap();
        for (i, rec) in r.records().enumerate() {
            let rec = rec.unwrap();
            let cells: Vec<String> = rec
                .iter()
                .enumerate()
                .map(|(j, c)| edit(i + 1, j, c))
                .collect();
            w.write_record(&cells).unwrap();
        }
        w.flush().unwrap();
    }
    std::fs::write(out, buf).unwrap();
}

fn unchanged(_: usize, _: usize, c: &str) -> String {
    c.to_owned()
}

fn national(dir: &Path, name: &str) -> PathBuf {
    let db = dir.join(name);
    run(
        constat(&db).args(["init", "--sample", "paris-1-2017", "--observer", "Coord"]),
        0,
    );
    db
}

#[test]
fn libreoffice_and_excel_resaves_with_unchanged_content_merge() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    std::fs::create_dir_all(&src).unwrap();
    let csv = exported(&src);
    let original = events(&src.join("obs.db"));
    let libre = dir.path().join("marie-libreoffice.csv");
    resaved(
        &csv,
        &libre,
        b',',
        csv::QuoteStyle::Always,
        false,
        false,
        &unchanged,
    );
    assert!(
        std::fs::read(&libre)
            .unwrap()
            .starts_with(b"\"election\",\"id\"")
    );
    // Excel's name need not end in .csv: the content decides.
    let excel = dir.path().join("marie-excel.txt");
    resaved(
        &csv,
        &excel,
        b';',
        csv::QuoteStyle::Necessary,
        true,
        true,
        &unchanged,
    );
    let bytes = std::fs::read(&excel).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBFelection;id;"));
    assert!(bytes.windows(2).any(|w| w == b"\r\n"));
    for (i, file) in [&libre, &excel].into_iter().enumerate() {
        let target = national(dir.path(), &format!("nat-{i}.db"));
        let mut cmd = constat(&target);
        cmd.args(["merge", "--strict", "--into"])
            .arg(&target)
            .arg(file);
        run(&mut cmd, 0);
        assert_eq!(events(&target), original, "{}", file.display());
    }
    // Both at once, with the original: the same events, once.
    let target = national(dir.path(), "nat-all.db");
    let mut cmd = constat(&target);
    cmd.args(["merge", "--strict", "--into"])
        .arg(&target)
        .args([&csv, &libre, &excel]);
    run(&mut cmd, 0);
    assert_eq!(events(&target), original);
}

#[test]
fn an_edited_resave_is_refused_as_edited_not_as_another_kind_of_file() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    std::fs::create_dir_all(&src).unwrap();
    let csv = exported(&src);
    let first = events(&src.join("obs.db"))[0].id;
    let note = {
        let mut r = csv::Reader::from_path(&csv).unwrap();
        r.headers()
            .unwrap()
            .iter()
            .position(|h| h == "note")
            .unwrap()
    };
    let edit = move |row: usize, col: usize, c: &str| {
        if row == 1 && col == note {
            "vu à 9 h".to_owned()
        } else {
            c.to_owned()
        }
    };
    let expected = constat::i18n::format(
        constat::i18n::Lang::Fr,
        "refusal-chain-mismatch",
        &[("event", first.to_string().into())],
    );
    for (name, delimiter, quote, crlf, bom) in [
        (
            "edited-libre.csv",
            b',',
            csv::QuoteStyle::Always,
            false,
            false,
        ),
        (
            "edited-excel.csv",
            b';',
            csv::QuoteStyle::Necessary,
            true,
            true,
        ),
    ] {
        let file = dir.path().join(name);
        resaved(&csv, &file, delimiter, quote, crlf, bom, &edit);
        let target = national(dir.path(), &format!("{name}.db"));
        let mut cmd = constat(&target);
        cmd.args(["merge", "--strict", "--into"])
            .arg(&target)
            .arg(&file);
        let out = run(&mut cmd, 1);
        let said = stdout(&out);
        assert!(!said.contains("SQLite"), "{said}");
        assert!(
            said.lines()
                .any(|l| l.contains(name) && l.contains(&expected)),
            "{expected}\n{said}"
        );
        assert!(events(&target).is_empty());
    }
}

/// Writes the rows of the CSV `from` to `to`, each row's cells rearranged by `edit` (columns
/// moved in a spreadsheet).
fn rearranged(from: &Path, to: &Path, edit: impl Fn(&mut Vec<&str>)) {
    let mut w = csv::Writer::from_path(to).unwrap();
    for rec in csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(from)
        .unwrap()
        .records()
    {
        let rec = rec.unwrap();
        let mut cells: Vec<&str> = rec.iter().collect();
        edit(&mut cells);
        w.write_record(&cells).unwrap();
    }
    w.flush().unwrap();
}

/// Saves a spreadsheet makes that constat does not read back — Excel's "Unicode text"
/// (UTF-16 with its byte order mark, tabs) and a table whose columns were moved — are refused
/// for what they are, never as "not SQLite", and rows put in another order are said so (issue
/// 18 point 6).
#[test]
fn a_utf16_save_or_moved_columns_are_refused_for_what_they_are() {
    use constat::i18n::{Lang, Localize};
    use constat::storage::{NotSqlite, Refusal};
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    std::fs::create_dir_all(&src).unwrap();
    let csv = exported(&src);
    let text = std::fs::read_to_string(&csv).unwrap();
    // UTF-16 little-endian with its byte order mark, tab-separated, as Excel writes it.
    let utf16 = dir.path().join("unicode.txt");
    let mut bytes = vec![0xFF, 0xFE];
    for unit in text.replace(',', "\t").encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    std::fs::write(&utf16, bytes).unwrap();
    // The first two columns swapped.
    let moved = dir.path().join("moved.csv");
    rearranged(&csv, &moved, |cells| cells.swap(0, 1));
    // `election` still first, a column moved to the end (issue 18 point 6): the same reason,
    // not a "contenu invalide" on the header.
    let moved_inside = dir.path().join("moved-inside.csv");
    rearranged(&csv, &moved_inside, |cells| {
        let observer = cells.remove(2);
        cells.push(observer);
    });
    for (file, why) in [
        (&utf16, NotSqlite::Utf16Text),
        (&moved, NotSqlite::EventsTableOtherLayout),
        (&moved_inside, NotSqlite::EventsTableOtherLayout),
    ] {
        let refused = constat::storage::Untrusted::open(file).err();
        assert_eq!(refused, Some(Refusal::NotSqlite(why)), "{file:?}");
        let target = national(dir.path(), "t.db");
        let out = run(
            constat(&target)
                .args(["merge", "--strict", "--into"])
                .arg(&target)
                .arg(file),
            1,
        );
        let said = stdout(&out);
        assert!(
            said.contains(&Refusal::NotSqlite(why).text(Lang::Fr)),
            "{said}"
        );
        assert!(events(&target).is_empty());
        std::fs::remove_file(&target).unwrap();
    }
    // Given to an import, an events table (moved or not) is said to be one, to be merged.
    for file in [&csv, &moved, &moved_inside] {
        let target = national(dir.path(), "t.db");
        let out = run(constat(&target).args(["import", "candidates"]).arg(file), 1);
        let said = String::from_utf8_lossy(&out.stderr).into_owned();
        let why = constat::import::ImportText::EventsTable.text(Lang::Fr);
        assert!(said.contains(&why), "{said}");
        std::fs::remove_file(&target).unwrap();
    }
    // The rows put in another order (sorted in a spreadsheet): said so, not "events missing".
    let sorted = dir.path().join("sorted.csv");
    let mut lines: Vec<&str> = text.lines().collect();
    lines[1..].reverse();
    std::fs::write(&sorted, lines.join("\n") + "\n").unwrap();
    let target = national(dir.path(), "t.db");
    let out = run(
        constat(&target)
            .args(["merge", "--strict", "--into"])
            .arg(&target)
            .arg(&sorted),
        1,
    );
    let said = stdout(&out);
    let why = constat::export::events_csv::RowWhy::OutOfOrder.text(Lang::Fr);
    assert!(said.contains(&why), "{said}");
    assert!(events(&target).is_empty());
}
