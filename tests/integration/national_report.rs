//! The national HTML report (issue 18 point 4) at national size: a generated database of 577
//! circonscriptions, every one observed, with findings in 60 of them, reported by the real binary
//! (`constat report --format html`). Checked without a browser: the national page, the map, one
//! line per circonscription with nothing to report. Checked in headless Chromium (`#[ignore]`d,
//! run by `.ci/run` with `--ignored`; fails when Chromium is missing): the page prints to fewer
//! than 40 A4 pages.
//!
//! The generator ([`national_db`]) writes the reference data through `Store::create_with_keys`,
//! then the events with plain SQL in one transaction, as `benches/report.rs` does (the report
//! folds events; it does not check their signatures).

use std::path::{Path, PathBuf};

use chrono::DateTime;
use constat::domain::departements::DEPARTEMENTS;
use constat::domain::referential::ElectionData;
use constat::domain::{
    Bureau, BureauCode, Candidate, Circonscription, CirconscriptionCode, Election, ElectionKind,
    ObserverId, Panel, Referential, Sex,
};
use constat::storage::{KeyDir, LocalObserver, Store};
use rusqlite::{Connection, OpenFlags, params};

use crate::report_html::{chromium_pdf_pages, headless};
use crate::util::{constat, run};

/// Circonscriptions of the generated France.
pub const CIRCONSCRIPTIONS: usize = 577;
/// Those with findings, spread over France ([`has_findings`]).
pub const WITH_FINDINGS: usize = 60;
const CANDIDATES: u16 = 12;
/// Bureaux per circonscription in the reference data; observers sit in the first two.
const BUREAUX: usize = 8;

/// The départements in the table's order, for the generated circonscriptions (`ZZ` included).
fn departement_codes() -> Vec<&'static str> {
    DEPARTEMENTS.iter().map(|(c, _)| *c).collect()
}

/// Circonscription `i` of the generated France: départements in turn, numbered within each.
fn circ_code(i: usize) -> CirconscriptionCode {
    let deps = departement_codes();
    let dep = deps[i % deps.len()];
    CirconscriptionCode::parse(&format!("{dep}{:02}", i / deps.len() + 1)).unwrap()
}

/// Is circonscription `i` one of the [`WITH_FINDINGS`]?
/// 37 and 577 (a prime) are coprime: `i ↦ 37 i mod 577` is a permutation, so exactly 60 circonscriptions qualify.
pub fn has_findings(i: usize) -> bool {
    (i * 37) % CIRCONSCRIPTIONS < WITH_FINDINGS
}

/// Are the households of circonscription `i` left unrecorded? In one département in 17 with no
/// finding, none was recorded: the map shows them as "no data", not 0 %.
fn no_households(i: usize) -> bool {
    (i % DEPARTEMENTS.len()) % 17 == 3
}

fn bureau_code(i: usize, k: usize) -> String {
    format!("{:05}_{:04}", 10_000 + i, k + 1)
}

fn data() -> ElectionData {
    let mut r = Referential::default();
    let names: std::collections::BTreeMap<&str, &str> = DEPARTEMENTS.iter().copied().collect();
    for i in 0..CIRCONSCRIPTIONS {
        let code = circ_code(i);
        r.circonscriptions.insert(
            code.clone(),
            Circonscription {
                code: code.clone(),
                label: format!(
                    "{}, circonscription {}",
                    names[code.departement()],
                    code.number()
                ),
            },
        );
        let candidates = (1..=CANDIDATES)
            .map(|p| Candidate {
                circonscription: code.clone(),
                panel: Panel::new(p).unwrap(),
                surname: format!("CANDIDAT{p}"),
                given_name: "Prénom".into(),
                sex: if p % 2 == 0 { Sex::F } else { Sex::M },
                nuance: "DIV".into(),
            })
            .collect();
        r.candidates.insert(code.clone(), candidates);
        for k in 0..BUREAUX {
            let b = BureauCode::parse(&bureau_code(i, k)).unwrap();
            r.bureaux.insert(
                b.clone(),
                Bureau {
                    code: b,
                    circonscription: Some(code.clone()),
                    label: format!("École {}", k + 1),
                    address: format!("{} rue de la République", k + 1),
                    commune: "Commune".into(),
                    voting_machines: false,
                },
            );
        }
    }
    ElectionData {
        election: Election {
            kind: ElectionKind::Legislatives,
            year: 2024,
            round: 1,
            date: chrono::NaiveDate::from_ymd_opt(2024, 6, 30),
        },
        referential: r,
    }
}

/// Creates the national database in `dir` (keys in `dir/keys`, where [`constat`] looks for them)
/// and returns its path. Every circonscription has two observers, each at a bureau of their own,
/// who ticked every candidate's three items present and recorded one household envelope, all
/// received. In the [`WITH_FINDINGS`] circonscriptions: candidate 12 supplied nothing (absent
/// from both envelopes), candidate 3's ballot is missing from the second observer's envelope
/// (a possible distribution failure), candidate 5's ballot is absent from the first bureau's
/// table, the first household misses one envelope and a voter of the second bureau received
/// none. Some départements have no household recorded ([`no_households`]).
pub fn national_db(dir: &Path) -> PathBuf {
    let path = dir.join("national.db");
    let me = LocalObserver {
        id: ObserverId(uuid::Uuid::from_u128(1)),
        name: "Coordination".into(),
    };
    let now = DateTime::from_timestamp(1_719_770_000, 0).unwrap();
    drop(Store::create_with_keys(&path, &data(), &me, now, &KeyDir::at(dir.join("keys"))).unwrap());
    let mut conn = Connection::open_with_flags(&path, OpenFlags::SQLITE_OPEN_READ_WRITE).unwrap();
    let tx = conn.transaction().unwrap();
    {
        let mut observer = tx
            .prepare("INSERT INTO observer (id, name, is_local, created_at) VALUES (?1, ?2, 0, ?3)")
            .unwrap();
        let mut tick = tx
            .prepare(
                "INSERT INTO event (id, observer, seq, recorded_at, kind, circonscription, bureau, panel, item, value, hash)
                 VALUES (?1, ?2, ?3, ?4, 'tick', ?5, ?6, ?7, ?8, ?9, ?10)",
            )
            .unwrap();
        let mut envelope = tx
            .prepare(
                "INSERT INTO event (id, observer, seq, recorded_at, kind, circonscription, bureau, voters, received, hash)
                 VALUES (?1, ?2, ?3, ?4, 'envelope', ?5, ?6, ?7, ?8, ?9)",
            )
            .unwrap();
        let mut non_receipt = tx
            .prepare(
                "INSERT INTO event (id, observer, seq, recorded_at, kind, circonscription, bureau, hash)
                 VALUES (?1, ?2, ?3, ?4, 'non_receipt', ?5, ?6, ?7)",
            )
            .unwrap();
        let hash = "0".repeat(64);
        for i in 0..CIRCONSCRIPTIONS {
            let circ = circ_code(i);
            let findings = has_findings(i);
            let saturday =
                constat::domain::law::Law::of(constat::domain::ElectionKind::Legislatives)
                    .abroad_votes_on_saturday(circ.as_str());
            for o in 0..2usize {
                let n = (i * 2 + o) as u128 + 10;
                let id = uuid::Uuid::from_u128(n).to_string();
                observer
                    .execute(params![id, format!("Observateur {n}"), "2024-06-01"])
                    .unwrap();
                let bureau = bureau_code(i, o);
                let mut seq = 0i64;
                // On the place's own vote day: the Saturday for the French abroad in the
                // Americas (law.md §4.6), else a Sunday tick there is after their close.
                let day = if saturday { "2024-06-29" } else { "2024-06-30" };
                let at = |seq: i64| {
                    format!(
                        "{day}T{:02}:{:02}:00.000000Z",
                        7 + (seq / 60) % 10,
                        seq % 60
                    )
                };
                for panel in 1..=CANDIDATES {
                    for item in ["foi", "courrier", "bureau"] {
                        seq += 1;
                        let absent = findings
                            && ((panel == 12 && item != "bureau")
                                || (panel == 3 && item == "courrier" && o == 1)
                                || (panel == 5 && item == "bureau" && o == 0));
                        tick.execute(params![
                            uuid::Uuid::from_u128(n << 64 | seq as u128).to_string(),
                            id,
                            seq,
                            at(seq),
                            circ.as_str(),
                            bureau,
                            panel,
                            item,
                            if absent { "absent" } else { "present" },
                            hash,
                        ])
                        .unwrap();
                    }
                }
                if no_households(i) && !findings {
                    continue;
                }
                seq += 1;
                let voters = 2 + (i % 3) as i64;
                let received = if findings && o == 0 {
                    voters - 1
                } else {
                    voters
                };
                envelope
                    .execute(params![
                        uuid::Uuid::from_u128(n << 64 | seq as u128).to_string(),
                        id,
                        seq,
                        at(seq),
                        circ.as_str(),
                        bureau,
                        voters,
                        received,
                        hash,
                    ])
                    .unwrap();
                if findings && o == 1 {
                    seq += 1;
                    non_receipt
                        .execute(params![
                            uuid::Uuid::from_u128(n << 64 | seq as u128).to_string(),
                            id,
                            seq,
                            at(seq),
                            circ.as_str(),
                            bureau,
                            hash,
                        ])
                        .unwrap();
                }
            }
        }
    }
    tx.commit().unwrap();
    path
}

/// The national report as the real binary writes it.
fn national_html(dir: &Path) -> (PathBuf, String) {
    let db = national_db(dir);
    let html_file = dir.join("national.html");
    run(
        constat(&db)
            .args(["report", "--format", "html", "-o"])
            .arg(&html_file),
        0,
    );
    let html = std::fs::read_to_string(&html_file).unwrap();
    (html_file, html)
}

#[test]
fn the_national_report_opens_with_france_and_gives_quiet_circonscriptions_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let (_, html) = national_html(dir.path());
    // The national page, the map, the contents, then the départements.
    let national = html.find("<section class=\"national\"").unwrap();
    let map = html.find("<svg class=\"map\"").unwrap();
    let toc = html.find("<nav class=\"toc\"").unwrap();
    let first_dep = html.find("<section class=\"dep first\"").unwrap();
    assert!(national < map && map < toc && toc < first_dep);
    // Coverage: every circonscription observed, two bureaux of eight in each.
    assert!(
        html.contains("577 circonscriptions observées sur 577"),
        "coverage"
    );
    assert!(
        html.contains(&format!(
            "{} bureaux observés sur {}",
            2 * CIRCONSCRIPTIONS,
            BUREAUX * CIRCONSCRIPTIONS
        )),
        "bureaux coverage"
    );
    assert!(html.contains("Constats dans 60 circonscriptions sur 577 observées"));
    // A compact section for each of the 60, one line for each of the 517 others.
    assert_eq!(html.matches("<section class=\"circ compact\"").count(), 60);
    assert_eq!(html.matches("rien à signaler</li>").count(), 517);
    // Names, not codes: Ain's first circonscription has findings (i = 0).
    assert!(html.contains("<h2>Ain (01)</h2>"));
    assert!(html.contains("Corse-du-Sud (2A)"));
    // The map: 96 outlines and the overseas insets.
    assert_eq!(html.matches("<path data-dep=").count(), 96);
    for dom in ["971", "972", "973", "974", "976"] {
        assert!(html.contains(&format!("<g data-dep=\"{dom}\">")), "{dom}");
    }
    // National totals on the bars: 60 ballots absent from a table, 60 non-receipts.
    assert!(
        html.contains("<g class=\"kind-absent-from-table\">") && html.contains(">60</text></g>"),
        "totals chart"
    );
}

#[test]
#[ignore = "needs chromium: apt-get install chromium"]
fn the_national_report_of_577_circonscriptions_prints_to_fewer_than_40_pages() {
    let dir = tempfile::tempdir().unwrap();
    let (html_file, _) = national_html(dir.path());
    // CONSTAT_KEEP_NATIONAL=DIR keeps the page and its PDF there, to look at them.
    let keep = std::env::var_os("CONSTAT_KEEP_NATIONAL").map(PathBuf::from);
    let pdf = dir.path().join("national.pdf");
    headless(
        &html_file,
        &dir.path().join("profile-pdf"),
        &format!("--print-to-pdf={}", pdf.display()),
    );
    if let Some(keep) = &keep {
        std::fs::create_dir_all(keep).unwrap();
        std::fs::copy(&html_file, keep.join("national.html")).unwrap();
        std::fs::copy(&pdf, keep.join("national.pdf")).unwrap();
    }
    let pages = chromium_pdf_pages(&pdf);
    eprintln!("national report: {pages} A4 pages");
    assert!(pages >= 5, "{pages} pages: the report was not all printed");
    assert!(pages < 40, "{pages} A4 pages for 577 circonscriptions");
}
