//! `constat pv`: the réclamation for the bureau's procès-verbal, printed by the real binary after
//! the 2017 reference record was entered through the ordinary commands: short, signed with the
//! signer's qualité, the bureau's and the signer's household's facts in local time; its annex
//! with the full digest; the requête with every mention of ord. 58-1067 art. 35; a coordinator's
//! merged file refused unless `--as`; the présidentielle sample; and the refusal of an unknown
//! bureau, which names the valid ones.

use std::path::{Path, PathBuf};

use constat::domain::EventBody;
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
        .env("CONSTAT_KEY_DIR", crate::util::key_dir(&db))
        .env("LANG", "fr_FR.UTF-8")
        .env_remove("CONSTAT_DB")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    db
}

fn is_digest_line(line: &str) -> bool {
    // The catalogue's own words before the digest.
    let prefix = constat::i18n::format(
        constat::i18n::Lang::Fr,
        "digest-some",
        &[("digest", "".into())],
    );
    match line.strip_prefix(prefix.as_str()) {
        Some(hex) => hex.len() == 64 && hex.bytes().all(|b| b.is_ascii_hexdigit()),
        None => line == "Empreinte des observations : aucune disponible pour l'instant.",
    }
}

/// The moment an event was recorded, as the PV says it (Paris time: no zone named).
fn local(at: chrono::DateTime<chrono::Utc>) -> String {
    let zone = constat::domain::legal_time::LegalZone::Metropole;
    let local = zone.local(at);
    let cat = constat::i18n::Lang::Fr.catalog();
    format!("le {} à {}", (cat.pv.date)(local.date()), cat.clock(local))
}

#[test]
fn the_reclamation_of_the_reference_bureau_is_short_signed_and_dated_with_its_annex() {
    let dir = tempfile::tempdir().unwrap();
    let db = reference_db(dir.path());
    // The qualité is asked once (here on the command line) and kept in the database.
    run(
        constat(&db).args(["pv", "--bureau", "75056_0911", "--qualite", "electeur"]),
        0,
    );
    let pv = stdout(&run(constat(&db).args(["pv", "--bureau", "75056_0911"]), 0));
    assert!(
        pv.chars().count() < 1_200,
        "{} chars:\n{pv}",
        pv.chars().count()
    );
    assert!(
        pv.contains("Je soussigné(e) Test, électeur inscrit au bureau n° 0911 de Paris,"),
        "{pv}"
    );
    assert!(pv.contains("(article R.52 du code électoral)"), "{pv}");
    // The household's fact, once, with the observer's own non-receipt among the missing, at
    // the local time it was recorded.
    let envelope = crate::util::events(&db)
        .into_iter()
        .find(|e| matches!(e.body, EventBody::Envelope { .. }))
        .unwrap();
    let fact = format!(
        "1. À mon adresse d'inscription, 1 enveloppe reçue pour 4 électeurs inscrits : 3 manquantes, dont la mienne (constaté {}).",
        local(envelope.seen())
    );
    assert!(pv.lines().any(|l| l == fact), "missing «{fact}» in:\n{pv}");
    assert!(
        !pv.lines().any(|l| l.starts_with("2. ")),
        "one fact only: {pv}"
    );
    // Candidates absent from every envelope may lawfully not have supplied (R.38): not here.
    assert!(!pv.contains("LEVAVASSEUR"), "{pv}");
    assert!(!pv.contains("UTC"), "{pv}");
    // "Fait à" the bureau's commune, on the day of the vote; the annex's short reference.
    assert!(
        pv.contains("Fait à Paris, le dimanche 11 juin 2017 à ____ h ____."),
        "{pv}"
    );
    let digest = Store::open(&db).unwrap().chain_digest().unwrap().unwrap();
    let reference: Vec<String> = digest.as_bytes()[..16]
        .chunks(4)
        .map(|c| String::from_utf8(c.to_vec()).unwrap())
        .collect();
    assert!(
        pv.contains(&format!("(réf. {})", reference.join(" "))),
        "{pv}"
    );
    assert!(
        !pv.contains(&digest),
        "the full digest is in the annex: {pv}"
    );
    // The annex: every fact, the full digest, as the report ends.
    let annex = stdout(&run(
        constat(&db).args(["pv", "--bureau", "75056_0911", "--annex"]),
        0,
    ));
    assert!(
        annex.contains("LEVAVASSEUR") && annex.contains("R.38"),
        "{annex}"
    );
    let report = stdout(&run(constat(&db).arg("report"), 0));
    assert_eq!(annex.lines().last(), report.lines().last(), "{annex}");
    assert!(annex.trim_end().ends_with(&digest), "{annex}");
    // In English too.
    let en = stdout(&run(
        constat(&db).args(["--lang", "en", "pv", "--bureau", "75056_0911"]),
        0,
    ));
    assert!(
        en.contains("voter registered at bureau n° 0911 of Paris"),
        "{en}"
    );
}

#[test]
fn the_requete_of_the_reference_record_carries_every_mention_of_article_35() {
    let dir = tempfile::tempdir().unwrap();
    let db = reference_db(dir.path());
    let appeal = |extra: &[&str], code: i32| {
        run(
            constat(&db)
                .args(["pv", "--bureau", "75056_0911", "--appeal"])
                .args(extra),
            code,
        )
    };
    // The législatives' deadline counts from the proclamation: without it, a typed error.
    let out = appeal(&[], 1);
    assert!(stderr(&out).contains("--proclamation"), "{}", stderr(&out));
    let out = appeal(&["--proclamation", "2017-06-01"], 1);
    assert!(stderr(&out).contains("2017-06-01"), "{}", stderr(&out));
    let fr = stdout(&appeal(
        &[
            "--proclamation",
            "2017-06-18",
            "--margin",
            "380",
            "--elected",
            "M. Sylvain MAILLARD",
        ],
        0,
    ));
    for mention in [
        "PROJET DE REQUÊTE AU CONSEIL CONSTITUTIONNEL",
        "Requérant : Test (nom et prénoms), ",
        "Adresse : ___",
        "celle de M. Sylvain MAILLARD, Paris, 1re circonscription (7501)",
        "premier tour le dimanche 11 juin 2017, second tour le dimanche 18 juin 2017",
        "résultats proclamés le dimanche 18 juin 2017",
        "Conclusions : le requérant demande l'annulation des opérations électorales",
        "(pièce n° 2)",
        "Moyens : méconnaissance des dispositions suivantes : articles L.166, R.34 et R.38 du code électoral.",
        "l'écart décisif est de 380 voix",
        "au plus tard le mercredi 28 juin 2017 à 18 h",
        "article 33 de l'ordonnance n° 58-1067 du 7 novembre 1958, article LO.180 du code électoral",
        "au secrétariat général du Conseil constitutionnel ou à la préfecture",
        "rejetés sans instruction contradictoire (article 38 al. 2",
        "Mentions exigées (article 35 de l'ordonnance n° 58-1067",
        "Pièces jointes : n° 1 copie du procès-verbal du bureau 75056_0911",
    ] {
        assert!(fr.contains(mention), "missing «{mention}» in:\n{fr}");
    }
    // Numbered facts; the warnings of law.md §3b (lawful non-supply; a margin that dwarfs them).
    assert!(fr.lines().any(|l| l.starts_with("1. 7 candidats")), "{fr}");
    assert!(
        fr.contains("ce qui est permis (articles R.38 et R.34 al. 6"),
        "{fr}"
    );
    assert!(fr.contains("l'écart de voix dépasse largement"), "{fr}");
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
        en.contains("DRAFT REQUÊTE TO THE CONSEIL CONSTITUTIONNEL"),
        "{en}"
    );
    assert!(en.contains("on Wednesday 28 June 2017 at 18:00"), "{en}");
}

#[test]
fn a_merged_file_refuses_a_pv_its_observer_did_not_observe_unless_as() {
    let dir = tempfile::tempdir().unwrap();
    let db = reference_db(dir.path());
    let coord = dir.path().join("coord.db");
    run(
        constat(&coord).args(["init", "--sample", "paris-1-2017", "--observer", "Coord"]),
        0,
    );
    run(
        constat(&coord)
            .arg("merge")
            .arg("--into")
            .arg(&coord)
            .arg(&db),
        0,
    );
    let out = run(constat(&coord).args(["pv", "--bureau", "75056_0911"]), 1);
    let err = stderr(&out);
    assert!(stdout(&out).is_empty());
    assert!(err.contains("--as") && err.contains("Test"), "{err}");
    // --as: that observer's réclamation, in their name only, qualité given for this text.
    let pv = stdout(&run(
        constat(&coord).args([
            "pv",
            "--bureau",
            "75056_0911",
            "--as",
            "Test",
            "--qualite",
            "delegue:Mme Y",
        ]),
        0,
    ));
    assert!(
        pv.contains("Je soussigné(e) Test, délégué de Mme Y,"),
        "{pv}"
    );
    assert!(!pv.contains("Coord"), "{pv}");
    // The coordinator's own qualité was not changed by another's.
    assert_eq!(Store::open(&coord).unwrap().signer_qualite().unwrap(), None);
    let out = run(
        constat(&coord).args(["pv", "--bureau", "75056_0911", "--as", "Nobody"]),
        1,
    );
    assert!(stderr(&out).contains("Nobody"), "{}", stderr(&out));
    let out = run(
        constat(&coord).args(["pv", "--bureau", "75056_0911", "--qualite", "maire"]),
        1,
    );
    assert!(stderr(&out).contains("maire"), "{}", stderr(&out));
}

#[test]
fn init_keeps_the_qualite_and_refuses_an_unknown_one_before_creating_anything() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("q.db");
    run(
        constat(&db).args([
            "init",
            "--sample",
            "paris-1-2017",
            "--observer",
            "Ana",
            "--qualite",
            "candidat",
        ]),
        0,
    );
    assert_eq!(
        Store::open(&db).unwrap().signer_qualite().unwrap(),
        Some(constat::domain::appeal::Qualite::Candidat)
    );
    let other = dir.path().join("r.db");
    let out = run(
        constat(&other).args(["init", "--sample", "paris-1-2017", "--qualite", "maire"]),
        1,
    );
    assert!(stderr(&out).contains("maire"), "{}", stderr(&out));
    assert!(!other.exists(), "nothing created");
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
    // --appeal of the législatives needs the proclamation date.
    let out = run(
        constat(&db).args(["pv", "--bureau", "75056_0911", "--appeal"]),
        1,
    );
    assert!(stdout(&out).is_empty());
    assert!(stderr(&out).contains("--proclamation"), "{}", stderr(&out));
    assert_eq!(std::fs::read(&db).unwrap(), before, "a PV writes nothing");
}

#[test]
fn the_presidentielle_sample_goes_from_init_to_the_pv_and_its_note() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    run(
        constat(&db).args([
            "init",
            "--sample",
            "presidentielle-2022",
            "--observer",
            "Ana",
            "--qualite",
            "electeur",
        ]),
        0,
    );
    // One national scope, the twelve candidates; a bureau of Les Abymes (Guadeloupe), which
    // voted on Saturday 9 April 2022.
    let store = Store::open(&db).unwrap();
    assert_eq!(store.circonscription_codes().unwrap(), ["FR01"]);
    drop(store);
    let tick = |bureau: &str, panel: &str, item: &str, value: &str| {
        run(
            constat(&db).args([
                "tick",
                "--circonscription",
                "FR01",
                "--bureau",
                bureau,
                "--candidate",
                panel,
                "--item",
                item,
                "--value",
                value,
                // On the bureau's own (Saturday) election day: a tick typed now is no fact of it.
                "--seen-at",
                "10:00",
            ]),
            0,
        );
    };
    tick("97101_0001", "6", "bureau", "absent");
    tick("97101_0001", "4", "courrier", "absent");
    let pv = stdout(&run(constat(&db).args(["pv", "--bureau", "97101_0001"]), 0));
    assert!(pv.contains("Élection présidentielle 2022"), "{pv}");
    assert!(
        pv.contains("électeur inscrit au bureau n° 0001 des Abymes"),
        "{pv}"
    );
    // Every document is due at the présidentielle: the missing ballot is a fact of the PV.
    assert!(pv.contains("pas de bulletin de n° 4 LASSALLE Jean"), "{pv}");
    assert!(pv.contains("ZEMMOUR"), "{pv}");
    assert!(pv.contains("heure de la Guadeloupe"), "{pv}");
    assert!(
        pv.contains("Fait aux Abymes, le samedi 9 avril 2022"),
        "{pv}"
    );
    assert!(pv.contains("Je conteste la régularité"), "{pv}");
    assert!(pv.chars().count() < 1_200, "{pv}");
    // No requête: the réclamation is the remedy; the 48-hour referral and the note.
    let note = stdout(&run(
        constat(&db).args(["pv", "--bureau", "97101_0001", "--appeal"]),
        0,
    ));
    assert!(!note.contains("REQUÊTE AU"), "{note}");
    assert!(note.contains("article 30 du décret n° 2001-213"), "{note}");
    assert!(
        note.contains("clôture du scrutin du samedi 9 avril 2022"),
        "{note}"
    );
    assert!(
        note.contains("NOTE POUR LE REPRÉSENTANT DU CANDIDAT"),
        "{note}"
    );
    // The demo opens the same sample (plain mode, no terminal needed) with its record.
    let demo = dir.path().join("demo.db");
    let out = constat(&demo)
        .args([
            "--plain",
            "demo",
            "--sample",
            "presidentielle-2022",
            "--record",
        ])
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let pv = stdout(&run(
        constat(&demo).args(["pv", "--bureau", "75056_0911"]),
        0,
    ));
    assert!(pv.contains("LASSALLE") && pv.contains("ZEMMOUR"), "{pv}");
    // An unknown sample names both.
    let none = dir.path().join("none.db");
    let out = run(
        constat(&none)
            .args(["--plain", "demo", "--sample", "nope"])
            .stdin(std::process::Stdio::null()),
        1,
    );
    let err = stderr(&out);
    assert!(
        err.contains("paris-1-2017") && err.contains("presidentielle-2022"),
        "{err}"
    );
    assert!(!none.exists());
}

/// Issue 14.2: the signer's household facts go into the PV of the bureau where the household is
/// registered only, and "électeur inscrit au bureau n° X" names that bureau, not the PV's; with
/// "observatrice" chosen, the qualité agrees.
#[test]
fn the_household_and_the_registration_bureau_stay_at_the_signers_own_bureau() {
    let dir = tempfile::tempdir().unwrap();
    let db = reference_db(dir.path());
    let args = [
        "tick",
        "--circonscription",
        "7501",
        "--bureau",
        "75056_0912",
        "--candidate",
        "4",
        "--item",
        "bureau",
        "--value",
        "absent",
        "--seen-at",
        "11:00",
    ];
    run(constat(&db).args(args), 0);
    let other = stdout(&run(
        constat(&db).args(["pv", "--bureau", "75056_0912", "--qualite", "electeur"]),
        0,
    ));
    assert!(other.contains("DE NAZELLE"), "{other}");
    assert!(!other.contains("adresse d'inscription"), "{other}");
    assert!(
        other.contains("électeur inscrit au bureau n° 0911 de Paris"),
        "{other}"
    );
    assert!(!other.contains("inscrit au bureau n° 0912"), "{other}");
    // Said to the signer, outside the text to copy.
    assert!(other.starts_with("(Note pour vous"), "{other}");
    // At home, the household's facts are there, and no note.
    let home = stdout(&run(constat(&db).args(["pv", "--bureau", "75056_0911"]), 0));
    assert!(home.contains("À mon adresse d'inscription"), "{home}");
    assert!(!home.contains("Note pour vous"), "{home}");
    // An observatrice is « électrice inscrite ».
    Store::open(&db)
        .unwrap()
        .set_observer_feminine(true)
        .unwrap();
    let home = stdout(&run(constat(&db).args(["pv", "--bureau", "75056_0911"]), 0));
    assert!(
        home.contains("Je soussignée Test, électrice inscrite au bureau n° 0911 de Paris"),
        "{home}"
    );
}

/// Issue 13.6: a fact seen after the polls closed, or typed years later without `--seen-at`, is
/// not asserted in the réclamation as a fact of the election day: the annex lists it apart,
/// flagged. An envelope count typed after the election without its day of arrival is flagged.
#[test]
fn facts_dated_after_the_close_stay_out_of_the_reclamation_and_are_flagged_in_the_annex() {
    let dir = tempfile::tempdir().unwrap();
    let db = reference_db(dir.path());
    let table = |panel: &str, seen: Option<&str>| {
        let mut args = vec![
            "tick",
            "--circonscription",
            "7501",
            "--bureau",
            "75056_0911",
            "--candidate",
            panel,
            "--item",
            "bureau",
            "--value",
            "absent",
        ];
        if let Some(seen) = seen {
            args.extend(["--seen-at", seen]);
        }
        run(constat(&db).args(&args), 0);
    };
    table("6", Some("11/06/2017 20:30"));
    table("7", None);
    table("8", Some("11/06/2017 15:00"));
    let pv = stdout(&run(constat(&db).args(["pv", "--bureau", "75056_0911"]), 0));
    assert!(pv.contains("n° 8 "), "{pv}");
    assert!(!pv.contains("n° 6 ") && !pv.contains("n° 7 "), "{pv}");
    assert!(!pv.contains("20 h 30") && !pv.contains("2026"), "{pv}");
    let annex = stdout(&run(
        constat(&db).args(["pv", "--bureau", "75056_0911", "--annex"]),
        0,
    ));
    let (_, flagged) = annex
        .split_once("Faits à vérifier, non repris dans la réclamation")
        .unwrap_or_else(|| panic!("no flagged section:\n{annex}"));
    assert!(
        flagged.contains("n° 6 MAZAHERI") && flagged.contains("n° 7 MUNIER"),
        "{annex}"
    );
    assert!(!flagged.contains("n° 8 "), "{annex}");
    // An envelope count typed now, without the day the envelopes arrived.
    run(
        constat(&db).args([
            "envelope",
            "--circonscription",
            "7501",
            "--bureau",
            "75056_0911",
            "--voters",
            "2",
            "--received",
            "1",
        ]),
        0,
    );
    let json = crate::util::report_json(&db);
    let flagged = json.to_string();
    assert!(
        flagged.contains("\"finding\":\"received_after_election\""),
        "{flagged}"
    );
}

/// Issue 13.3: Alice says 75056_0913 votes on machines, Bob says not. A réclamation "as Alice"
/// from the merged file uses Alice's own observations only, machines flag included: her table
/// ticks are no grievance of hers. `report --conflicts` lists the disagreement on the machines.
#[test]
fn a_reclamation_as_an_observer_keeps_their_own_machines_statement_and_conflicts_list_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = |name: &str| {
        let path = dir.path().join(format!("{name}.db"));
        run(
            constat(&path).args(["init", "--sample", "paris-1-2017", "--observer", name]),
            0,
        );
        path
    };
    let (alice, bob, coord) = (db("Alice"), db("Bob"), db("Coord"));
    let at_0913 = ["--bureau", "75056_0913", "--seen-at", "11:00"];
    run(constat(&alice).args(["machines"]).args(at_0913), 0);
    run(constat(&bob).args(["machines", "--off"]).args(at_0913), 0);
    for panel in ["1", "8"] {
        crate::util::tick(&alice, panel, "bureau", "absent", &at_0913);
        crate::util::tick(&bob, panel, "bureau", "absent", &at_0913);
    }
    run(
        constat(&coord)
            .args(["merge", "--into"])
            .arg(&coord)
            .arg(&alice)
            .arg(&bob),
        0,
    );
    let as_alice = stdout(&run(
        constat(&coord).args(["pv", "--bureau", "75056_0913", "--as", "Alice"]),
        0,
    ));
    assert!(!as_alice.contains("manquait"), "{as_alice}");
    assert!(!as_alice.contains("RÉCLAMATION"), "{as_alice}");
    // Bob, who said no machines, keeps his.
    let as_bob = stdout(&run(
        constat(&coord).args(["pv", "--bureau", "75056_0913", "--as", "Bob"]),
        0,
    ));
    assert!(as_bob.contains("manquait"), "{as_bob}");
    let conflicts = stdout(&run(
        constat(&coord).args(["report", "--conflicts", "--format", "json"]),
        0,
    ));
    assert!(
        conflicts.contains("machines") && conflicts.contains("Alice") && conflicts.contains("Bob"),
        "{conflicts}"
    );
    // In text: listed, in the bureau's legal local time, the French way (not raw UTC).
    let text = stdout(&run(constat(&coord).args(["report", "--conflicts"]), 0));
    assert!(!text.contains("Aucune contradiction"), "{text}");
    assert!(text.contains("75056_0913, machines à voter"), "{text}");
    assert!(text.contains("11 juin 2017, 11 h 00"), "{text}");
    assert!(!text.contains("T09:00:00Z"), "{text}");
}

/// Issue 13.4: 2 envelopes for 2 voters, candidate 5's ballot absent from envelope 1 and present
/// in envelope 2: the réclamation says 1 of 2 envelopes, with the lawful partial supply caveat.
/// An own non-receipt beside "2 received for 2" is a contradiction: not asserted, flagged.
#[test]
fn partial_supply_in_one_household_and_a_contradicting_non_receipt_are_said_honestly() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("h.db");
    run(
        constat(&db).args([
            "init",
            "--sample",
            "paris-1-2017",
            "--observer",
            "Jo",
            "--qualite",
            "electeur",
        ]),
        0,
    );
    let place = [
        "--circonscription",
        "7501",
        "--bureau",
        "75056_0911",
        "--seen-at",
        "10/06/2017 18:00",
    ];
    run(
        constat(&db)
            .arg("envelope")
            .args(place)
            .args(["--voters", "2", "--received", "2"]),
        0,
    );
    for (envelope, value) in [("1", "absent"), ("2", "present")] {
        run(
            constat(&db).arg("tick").args(place).args([
                "--candidate",
                "5",
                "--item",
                "courrier",
                "--value",
                value,
                "--envelope",
                envelope,
            ]),
            0,
        );
    }
    // An envelope-only observer of their own bureau may sign its PV.
    let pv = stdout(&run(constat(&db).args(["pv", "--bureau", "75056_0911"]), 0));
    assert!(pv.contains("l'une des 2 reçues"), "{pv}");
    assert!(pv.contains("R.34 al. 6"), "{pv}");
    assert!(!pv.contains("Dans l'enveloppe reçue"), "{pv}");
    run(
        constat(&db)
            .arg("non-receipt")
            .args(place)
            .args(["--household", "own"]),
        0,
    );
    let pv = stdout(&run(constat(&db).args(["pv", "--bureau", "75056_0911"]), 0));
    assert!(!pv.contains("Je n'ai reçu aucune enveloppe"), "{pv}");
    let annex = stdout(&run(
        constat(&db).args(["pv", "--bureau", "75056_0911", "--annex"]),
        0,
    ));
    assert!(annex.contains("ne peuvent être vrais"), "{annex}");
}

/// Issue 14.7: at the présidentielle the envelope holds the candidate's déclaration, not a
/// "profession de foi": the PV and the report use the rule table's word.
#[test]
fn the_presidentielle_says_declaration_not_profession_de_foi() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    run(
        constat(&db).args([
            "init",
            "--sample",
            "presidentielle-2022",
            "--observer",
            "Ana",
            "--qualite",
            "electeur",
        ]),
        0,
    );
    run(
        constat(&db).args([
            "tick",
            "--circonscription",
            "FR01",
            "--bureau",
            "75056_0911",
            "--candidate",
            "3",
            "--item",
            "foi",
            "--value",
            "absent",
            "--seen-at",
            "09/04/2022 10:00",
        ]),
        0,
    );
    let pv = stdout(&run(constat(&db).args(["pv", "--bureau", "75056_0911"]), 0));
    assert!(pv.contains("pas de déclaration"), "{pv}");
    let report = stdout(&run(constat(&db).arg("report"), 0));
    for text in [&pv, &report] {
        assert!(
            !text.contains("profession de foi") && !text.contains("Prof. de foi"),
            "{text}"
        );
    }
    assert!(report.contains("Déclaration"), "{report}");
}
