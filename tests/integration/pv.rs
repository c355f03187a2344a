//! `constat pv`: the réclamation for the bureau's procès-verbal, printed by the real binary after
//! the 2017 reference record was entered through the ordinary commands; the appeal deadline; and
//! the refusal of an unknown bureau.

use std::path::{Path, PathBuf};

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

#[test]
fn the_pv_of_the_reference_bureau_states_the_facts_with_articles_times_and_digest() {
    let dir = tempfile::tempdir().unwrap();
    let db = reference_db(dir.path());
    let pv = stdout(&run(constat(&db).args(["pv", "--bureau", "75056_0911"]), 0));
    for expected in [
        "RÉCLAMATION À PORTER AU PROCÈS-VERBAL DU BUREAU DE VOTE",
        "Bureau de vote 75056_0911 : Paris 9e - bureau 11, 11 rue Clauzel, 75009 Paris",
        "Je soussigné(e) Test demande que soient consignés au procès-verbal de ce bureau les faits suivants (article R.52 du code électoral).",
        "Les heures sont en temps universel (UTC",
        "(articles L.58 et R.55 du code électoral",
        "- aucune absence de bulletin n'a été constatée sur la table de ce bureau (22 candidats vérifiés).",
        "(articles R.34 et R.38 du code électoral)",
        "7 candidats n'ont ni profession de foi ni bulletin dans l'enveloppe ; les 7 ont leur bulletin au bureau",
        "(constaté sur une seule enveloppe)",
        "- un foyer de 4 électeurs a reçu 1 enveloppe : 3 manquantes ; constaté par Test (",
        "- un électeur de ce bureau n'a reçu aucune enveloppe (procès-verbal de non-réception) ; constaté par Test (",
        " UTC).",
    ] {
        assert!(pv.contains(expected), "missing «{expected}» in:\n{pv}");
    }
    let last = pv.lines().last().unwrap();
    assert!(is_digest_line(last), "{pv}");
    // The same digest ends the report.
    let report = stdout(&run(constat(&db).arg("report"), 0));
    assert_eq!(report.lines().last(), Some(last), "{report}");
}

#[test]
fn the_appeal_gives_the_conseil_constitutionnel_deadline() {
    let dir = tempfile::tempdir().unwrap();
    let db = reference_db(dir.path());
    let fr = stdout(&run(
        constat(&db).args([
            "pv",
            "--bureau",
            "75056_0911",
            "--appeal",
            "--proclamation",
            "2017-06-18",
        ]),
        0,
    ));
    assert!(
        fr.contains("la requête doit être déposée au plus tard le 28 juin 2017 à 18 h"),
        "{fr}"
    );
    assert!(
        fr.contains("proclamation des résultats, le 18 juin 2017"),
        "{fr}"
    );
    assert!(
        fr.contains("article LO.180 du code électoral, article 33 de l'ordonnance n° 58-1067"),
        "{fr}"
    );
    assert!(fr.contains("1. aucune absence de bulletin"), "{fr}");
    assert!(is_digest_line(fr.lines().last().unwrap()), "{fr}");
    let en = stdout(&run(
        constat(&db).args([
            "--lang",
            "en",
            "pv",
            "--bureau",
            "75056_0911",
            "--appeal",
            "--proclamation",
            "2017-06-18",
        ]),
        0,
    ));
    assert!(
        en.contains("by 28 June 2017 at 18:00 at the latest"),
        "{en}"
    );
    let en_pv = stdout(&run(
        constat(&db).args(["--lang", "en", "pv", "--bureau", "75056_0911"]),
        0,
    ));
    assert!(
        en_pv.starts_with("COMPLAINT TO WRITE INTO THE BUREAU'S PROCÈS-VERBAL"),
        "{en_pv}"
    );
    assert!(
        en_pv.contains("a household of 4 voters received 1 envelope: 3 missing"),
        "{en_pv}"
    );
}

#[test]
fn an_unknown_bureau_is_refused_with_the_valid_choices() {
    let dir = tempfile::tempdir().unwrap();
    let db = reference_db(dir.path());
    let out = run(constat(&db).args(["pv", "--bureau", "75056_9999"]), 1);
    let err = stderr(&out);
    assert!(
        err.contains("le bureau 75056_9999 n'est pas un bureau de la circonscription 7501 ; ses bureaux : 75056_0901, 75056_0902"),
        "{err}"
    );
    assert!(err.contains("75056_0911"), "{err}");
    assert!(stdout(&out).is_empty());
    let out = run(constat(&db).args(["pv", "--bureau", "rue Clauzel"]), 1);
    assert!(
        stderr(&out).contains("n'est pas un code de bureau"),
        "{}",
        stderr(&out)
    );
    // --appeal needs the proclamation date.
    run(
        constat(&db).args(["pv", "--bureau", "75056_0911", "--appeal"]),
        2,
    );
}
