//! `constat pv`: the réclamation for the bureau's procès-verbal, printed by the real binary after
//! the 2017 reference record was entered through the ordinary commands: its facts are the
//! catalogue's lines built from what the database holds (bureau, signer, counts, who and when),
//! its legal references are checked as written, and it ends with the database's digest; the
//! appeal deadline; and the refusal of an unknown bureau, which names the valid ones.

use std::path::{Path, PathBuf};

use constat::domain::{BureauCode, EventBody};
use constat::i18n::{EN, FR};
use constat::storage::Store;

use crate::util::{bin, constat, init_db, run, stderr, stdout};

/// A database holding the 2017 reference record (66 ticks, 1 envelope for 4 voters, the
/// observer's non-receipt), entered with the bundled replay script.
pub fn reference_db(dir: &Path) -> PathBuf {
    let db = init_db(dir);
    let script =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_data/paris-1-2017/replay-record.sh");
    let out = std::process::Command::new("bash")
        .arg(script)
        .arg(&db)
        .arg(bin())
        .env("LANG", "fr_FR.UTF-8")
        .env_remove("CONSTAT_DB")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    db
}

fn is_digest_line(line: &str) -> bool {
    match line.strip_prefix("Empreinte des observations (têtes des chaînes) : ") {
        Some(hex) => hex.len() == 64 && hex.bytes().all(|b| b.is_ascii_hexdigit()),
        None => line == "Empreinte des observations : aucune disponible pour l'instant.",
    }
}

/// The lines the PV must hold for the reference record, built with the catalogue from what the
/// database holds: the bureau, the signer, the household's count and the non-receipt, each with
/// who saw it and when (every ballot was on the table: no line says so, law.md §3a).
fn facts_of(db: &Path) -> Vec<String> {
    let store = Store::open(db).unwrap();
    let code = BureauCode::parse("75056_0911").unwrap();
    let bureau = store.bureau(&code).unwrap().expect("the bureau");
    let signer = store.local_observer().unwrap().name;
    let circ = bureau.circonscription.clone().unwrap();
    let (_, candidates) = store.circonscription(&circ).unwrap().unwrap();
    let events = store.events().unwrap();
    let zone = constat::domain::legal_time::LegalZone::of_bureau(&code);
    let who = |at| {
        format!(
            "{signer} ({})",
            constat::report::time(at, zone, constat::i18n::Lang::Fr.catalog())
        )
    };
    let envelope = events
        .iter()
        .find_map(|e| match e.body {
            EventBody::Envelope {
                voters, received, ..
            } => Some((voters, received, who(e.seen()))),
            _ => None,
        })
        .expect("the household's envelope");
    let non_receipt = events
        .iter()
        .find(|e| matches!(e.body, EventBody::NonReceipt { .. }))
        .map(|e| who(e.seen()))
        .expect("the non-receipt");
    // The reference record: 22 candidates checked at the bureau, 1 envelope for 4 voters.
    assert_eq!(candidates.len(), 22);
    assert_eq!((envelope.0, envelope.1), (4, 1));
    let t = &FR.pv;
    vec![
        (t.bureau)(
            code.as_str(),
            &format!("{}, {}", bureau.label, bureau.address),
        ),
        (t.intro)(&signer),
        format!("- {}", (t.household)(envelope.0, envelope.1, &envelope.2)),
        format!("- {}", (t.non_receipt)(None, &non_receipt)),
    ]
}

#[test]
fn the_pv_of_the_reference_bureau_states_the_facts_with_articles_times_and_digest() {
    let dir = tempfile::tempdir().unwrap();
    let db = reference_db(dir.path());
    let pv = stdout(&run(constat(&db).args(["pv", "--bureau", "75056_0911"]), 0));
    // The facts recorded, each on its line.
    for fact in facts_of(&db) {
        assert!(pv.lines().any(|l| l == fact), "missing «{fact}» in:\n{pv}");
    }
    // The legal wording the bureau's president is shown: the articles the facts rest on.
    for expected in [
        "RÉCLAMATION À PORTER AU PROCÈS-VERBAL DU BUREAU DE VOTE",
        "(article R.52 du code électoral)",
        "(articles R.34 et R.38 du code électoral)",
        "7 candidats n'ont ni profession de foi ni bulletin dans l'enveloppe ; les 7 ont leur bulletin au bureau",
        "(constaté sur une seule enveloppe)",
    ] {
        assert!(pv.contains(expected), "missing «{expected}» in:\n{pv}");
    }
    // Times are the bureau's legal local time (Paris: not named), never UTC.
    assert!(!pv.contains("UTC"), "{pv}");
    // It ends with the database's digest, as the report does.
    let digest = Store::open(&db)
        .unwrap()
        .chain_digest()
        .unwrap()
        .expect("a digest");
    let last = pv.lines().last().unwrap();
    assert!(is_digest_line(last) && last.ends_with(&digest), "{pv}");
    let report = stdout(&run(constat(&db).arg("report"), 0));
    assert_eq!(report.lines().last(), Some(last), "{report}");
}

#[test]
fn the_appeal_gives_the_conseil_constitutionnel_deadline() {
    use chrono::NaiveDate;
    let dir = tempfile::tempdir().unwrap();
    let db = reference_db(dir.path());
    let appeal = |lang: &str| {
        stdout(&run(
            constat(&db).args([
                "--lang",
                lang,
                "pv",
                "--bureau",
                "75056_0911",
                "--appeal",
                "--proclamation",
                "2017-06-18",
            ]),
            0,
        ))
    };
    // Ten days after the proclamation of 18 June 2017, at 18:00.
    let proclaimed = NaiveDate::from_ymd_opt(2017, 6, 18).unwrap();
    let deadline = NaiveDate::from_ymd_opt(2017, 6, 28)
        .unwrap()
        .and_hms_opt(18, 0, 0)
        .unwrap();
    let fr = appeal("fr");
    let said = (FR.pv.appeal_deadline)(&(FR.pv.deadline)(deadline), &(FR.pv.date)(proclaimed));
    assert!(fr.contains(&said), "missing «{said}» in:\n{fr}");
    // The legal grounds, as the requête must cite them.
    assert!(fr.contains("28 juin 2017"), "{fr}");
    assert!(
        fr.contains("article LO.180 du code électoral, article 33 de l'ordonnance n° 58-1067"),
        "{fr}"
    );
    // The facts are numbered in the exposé; every ballot was on the table, so no bureau fact
    // ("none missing" is no grievance): the envelopes' facts come first.
    assert!(!fr.contains(FR.pv.at_bureau), "{fr}");
    assert!(fr.lines().any(|l| l.starts_with("1. 7 candidats")), "{fr}");
    assert!(is_digest_line(fr.lines().last().unwrap()), "{fr}");
    let en = appeal("en");
    let said = (EN.pv.appeal_deadline)(&(EN.pv.deadline)(deadline), &(EN.pv.date)(proclaimed));
    assert!(en.contains(&said), "missing «{said}» in:\n{en}");
    assert!(en.contains("LO.180"), "{en}");
    let en_pv = stdout(&run(
        constat(&db).args(["--lang", "en", "pv", "--bureau", "75056_0911"]),
        0,
    ));
    assert!(en_pv.starts_with(EN.pv.title), "{en_pv}");
    // The household's fact, up to who saw it (the catalogue's words, cut at the observer).
    let fact = (EN.pv.household)(4, 1, "\u{1}");
    let fact = fact.split('\u{1}').next().unwrap();
    assert!(en_pv.contains(fact), "missing «{fact}» in:\n{en_pv}");
}

#[test]
fn an_unknown_bureau_is_refused_with_the_valid_choices() {
    let dir = tempfile::tempdir().unwrap();
    let db = reference_db(dir.path());
    let before = std::fs::read(&db).unwrap();
    let out = run(constat(&db).args(["pv", "--bureau", "75056_9999"]), 1);
    let err = stderr(&out);
    assert!(stdout(&out).is_empty(), "no PV for an unknown bureau");
    // The code asked, the circonscription, and every valid bureau of it are named.
    let circ = constat::domain::CirconscriptionCode::parse("7501").unwrap();
    let valid = Store::open(&db).unwrap().bureau_codes_of(&circ).unwrap();
    assert!(valid.len() > 1 && valid.iter().any(|c| c == "75056_0911"));
    assert!(err.contains("75056_9999") && err.contains("7501"), "{err}");
    for code in &valid {
        assert!(err.contains(code.as_str()), "{code} not offered: {err}");
    }
    // What is not a bureau code at all is refused too, and named.
    let out = run(constat(&db).args(["pv", "--bureau", "rue Clauzel"]), 1);
    assert!(stdout(&out).is_empty());
    assert!(stderr(&out).contains("rue Clauzel"), "{}", stderr(&out));
    // --appeal needs the proclamation date: a usage error.
    let out = run(
        constat(&db).args(["pv", "--bureau", "75056_0911", "--appeal"]),
        2,
    );
    assert!(stdout(&out).is_empty());
    assert!(stderr(&out).contains("--proclamation"), "{}", stderr(&out));
    assert_eq!(std::fs::read(&db).unwrap(), before, "a PV writes nothing");
}
