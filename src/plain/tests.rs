//! The plain mode driven by scripted lines against a temporary database: what it says, and what
//! it stores.

use chrono::{DateTime, Duration, TimeZone, Utc};
use uuid::Uuid;

use super::parse::Command;
use super::{Session, interact};
use crate::domain::{EventBody, Item, Mark, ObserverId, Panel};
use crate::i18n::Lang;
use crate::sample;
use crate::storage::{LocalObserver, Store};

fn new_store(dir: &std::path::Path, bureau: bool) -> Store {
    let data = sample::find("paris-1-2017")
        .unwrap()
        .election_data()
        .unwrap();
    let observer = LocalObserver {
        id: ObserverId(Uuid::from_u128(7)),
        name: "Marie".into(),
    };
    let store = Store::create(
        &dir.join("obs.db"),
        &data,
        &observer,
        DateTime::from_timestamp(0, 0).unwrap(),
    )
    .unwrap();
    if bureau {
        store
            .set_current_bureau(&crate::domain::BureauCode::parse("75056_0911").unwrap())
            .unwrap();
    }
    store
}

/// 2017-06-11 08:00:00 UTC, plus one second per event.
fn clock() -> impl FnMut() -> DateTime<Utc> {
    let mut n = 0;
    move || {
        n += 1;
        Utc.with_ymd_and_hms(2017, 6, 11, 8, 0, 0).unwrap() + Duration::seconds(n)
    }
}

fn drive(store: &mut Store, lang: Lang, script: impl AsRef<[u8]>) -> String {
    let mut out = Vec::new();
    let mut clock = clock();
    interact(store, lang, script.as_ref(), &mut out, &mut clock).unwrap();
    String::from_utf8(out).unwrap()
}

fn ticks(store: &Store) -> Vec<(u16, Item, Mark, Option<String>)> {
    store
        .events()
        .unwrap()
        .into_iter()
        .filter_map(|e| match e.body {
            EventBody::Tick {
                panel,
                item,
                mark,
                note,
                ..
            } => Some((panel.get(), item, mark, note)),
            _ => None,
        })
        .collect()
}

fn candidates(store: &Store) -> usize {
    let circ = crate::domain::CirconscriptionCode::parse("7501").unwrap();
    store.circonscription(&circ).unwrap().unwrap().1.len()
}

#[test]
fn start_says_where_who_and_every_candidate_in_words_then_prompts() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(dir.path(), true);
    let out = drive(&mut store, Lang::Fr, "");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "Élections législatives 2017, 1er tour", "{out}");
    assert!(lines[1].starts_with("Circonscription : 7501, "), "{out}");
    assert!(lines[2].starts_with("Bureau : 75056_0911"), "{out}");
    assert_eq!(lines[3], "Observateur : Marie");
    let n = candidates(&store);
    assert_eq!(lines[4], format!("{n} candidats :"));
    assert!(lines[5].starts_with("1. "), "{out}");
    assert!(
        lines[5].ends_with(
            " — profession de foi : non vérifié, bulletin (courrier) : non vérifié, \
             bulletin (bureau) : non vérifié"
        ),
        "{out}"
    );
    assert!(lines[5].contains(" ("), "the nuance is given: {out}");
    assert!(lines[4 + n].starts_with(&format!("{n}. ")), "{out}");
    assert_eq!(
        lines[5 + n],
        "Tapez « aide » pour la liste des commandes, « quitter » pour sortir."
    );
    // The prompt, then (end of input) a new line and goodbye.
    assert!(out.ends_with("constat> \nFin de la session.\n"), "{out}");
    // Nothing a screen reader or a dumb terminal cannot take.
    assert!(!out.contains('\u{1b}'), "no escape sequences");
    assert!(
        !out.chars().any(|c| ('\u{2500}'..='\u{259f}').contains(&c)),
        "no box drawing"
    );
    assert!(!out.chars().any(|c| matches!(c, '✓' | '✗' | '●' | '·')));
}

#[test]
fn a_cell_is_said_saved_with_its_time_only_once_stored() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(dir.path(), true);
    let out = drive(
        &mut store,
        Lang::Fr,
        "3 foi p\n3 bureau absent\n3 foi p\n3 foi -\n",
    );
    assert!(
        out.contains(" — profession de foi : présent — enregistré à 10 h 00.\n"),
        "{out}"
    );
    assert!(out.contains("constat> 3. "), "{out}");
    assert!(
        out.contains(" — bulletin (bureau) : absent — enregistré à 10 h 00.\n"),
        "{out}"
    );
    // The same value again is said and not stored twice.
    assert!(
        out.contains(" — profession de foi : présent, déjà : rien à enregistrer.\n"),
        "{out}"
    );
    assert!(out.contains(" — profession de foi : non vérifié — enregistré à 10 h 00.\n"));
    assert_eq!(
        ticks(&store),
        vec![
            (3, Item::Foi, Mark::Present, None),
            (3, Item::Bureau, Mark::Absent, None),
            (3, Item::Foi, Mark::Unchecked, None),
        ]
    );
    // The bureau cell carries the current bureau.
    let events = store.events().unwrap();
    assert!(matches!(
        &events[1].body,
        EventBody::Tick { bureau: Some(b), .. } if b.as_str() == "75056_0911"
    ));
    // `liste` reads the grid again with the saved values.
    let out = drive(&mut store, Lang::Fr, "liste\n");
    assert!(
        out.contains(
            "— profession de foi : non vérifié, bulletin (courrier) : non vérifié, \
             bulletin (bureau) : absent\n"
        ),
        "{out}"
    );
}

#[test]
fn the_whole_column_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(dir.path(), true);
    let n = candidates(&store);
    let out = drive(&mut store, Lang::Fr, "2 bureau p\ntous bureau p\nn\n");
    assert!(
        out.contains(&format!(
            "Noter bulletin (bureau) : présent pour {} candidats ? Confirmer ? (o/n) ",
            n - 1
        )),
        "{out}"
    );
    assert!(
        out.contains("Abandonné : rien n'a été enregistré."),
        "{out}"
    );
    assert_eq!(ticks(&store).len(), 1);
    let out = drive(&mut store, Lang::Fr, "tous bureau p\no\ntous bureau p\n");
    assert!(
        out.contains(&format!(
            "bulletin (bureau) : présent pour {} candidats — enregistré à 10 h 00.",
            n - 1
        )),
        "{out}"
    );
    assert!(
        out.contains("Rien à changer : tous les candidats ont déjà bulletin (bureau) : présent."),
        "{out}"
    );
    let t = ticks(&store);
    assert_eq!(t.len(), n);
    assert!(
        t.iter()
            .all(|(_, i, m, _)| *i == Item::Bureau && *m == Mark::Present)
    );
    // The end of the input while asking is a no.
    let out = drive(&mut store, Lang::Fr, "tous foi a\n");
    assert!(
        out.ends_with("Confirmer ? (o/n) \nFin de la session.\n"),
        "{out}"
    );
    assert_eq!(ticks(&store).len(), n);
}

#[test]
fn undo_retracts_the_last_change_of_the_session_then_the_one_before() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(dir.path(), true);
    let n = candidates(&store);
    let out = drive(
        &mut store,
        Lang::Fr,
        "3 foi p\ntous courrier a\no\nannuler\nundo\nannuler\n",
    );
    // Said as the interface says it: what the cells went back to.
    assert!(
        out.contains(&format!("Annulé : {n} cases de la colonne")),
        "{out}"
    );
    assert!(
        out.contains("Annulé : n°\u{a0}3 profession de foi présent → non vérifié — enregistré à"),
        "{out}"
    );
    assert!(out.contains("Rien à annuler."), "{out}");
    let events = store.events().unwrap();
    let retracts = events
        .iter()
        .filter(|e| matches!(e.body, EventBody::Retract { .. }))
        .count();
    assert_eq!(retracts, n + 1);
    let state = store.fold().unwrap();
    assert_eq!(state.observed_circonscriptions().len(), 0, "all withdrawn");
    // Issue 16 point 9: a new session undoes the previous one's changes, after a yes.
    let out = drive(&mut store, Lang::Fr, "2 foi a\n");
    assert!(out.contains("enregistré"));
    let out = drive(&mut store, Lang::Fr, "annuler\nn\n");
    assert!(
        out.contains(
            "Annuler « n°\u{a0}2 profession de foi absent → non vérifié », enregistré lors \
             d'une session précédente ? (o/n) "
        ),
        "{out}"
    );
    assert!(
        out.contains("Abandonné : rien n'a été enregistré."),
        "{out}"
    );
    assert_eq!(
        store.events().unwrap().len(),
        1 + n + (n + 1) + 1,
        "nothing yet"
    );
    let out = drive(&mut store, Lang::Fr, "annuler\no\nannuler\n");
    assert!(
        out.contains("Annulé : n°\u{a0}2 profession de foi absent → non vérifié — enregistré à"),
        "{out}"
    );
    assert!(out.contains("Rien à annuler."), "{out}");
    let events = store.events().unwrap();
    assert_eq!(events.len(), 1 + n + (n + 1) + 2, "one retraction added");
    assert!(matches!(
        events.last().map(|e| &e.body),
        Some(EventBody::Retract { .. })
    ));
    assert_eq!(store.fold().unwrap().observed_circonscriptions().len(), 0);
}

#[test]
fn envelope_non_receipt_and_note() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(dir.path(), true);
    let out = drive(
        &mut store,
        Lang::Fr,
        "enveloppe 4 1\nnon-recu Jean Dupont\nnon-reçu\n5 bureau a\nnote 5 bureau bulletins épuisés à 15h\n",
    );
    assert!(
        out.contains(
            "Enveloppes du foyer : 4 électeurs à l'adresse, 1 enveloppe reçue — enregistré à 10 h 00."
        ),
        "{out}"
    );
    assert!(
        out.contains(
            "Non-réception : Jean Dupont, bureau 75056_0911, autre foyer — enregistré à 10 h 00."
        ),
        "{out}"
    );
    assert!(out.contains("Non-réception sans nom, bureau 75056_0911, votre foyer — enregistré"));
    assert!(
        out.contains(
            " — bulletin (bureau) : absent, note : « bulletins épuisés à 15h » — enregistré à 10 h 00."
        ),
        "{out}"
    );
    let events = store.events().unwrap();
    assert!(matches!(
        &events[0].body,
        EventBody::Envelope {
            voters: 4,
            received: 1,
            bureau: Some(_),
            ..
        }
    ));
    assert!(matches!(
        &events[1].body,
        EventBody::NonReceipt { voter: Some(v), .. } if v == "Jean Dupont"
    ));
    assert!(matches!(
        &events[2].body,
        EventBody::NonReceipt { voter: None, .. }
    ));
    assert_eq!(
        ticks(&store)[1],
        (
            5,
            Item::Bureau,
            Mark::Absent,
            Some("bulletins épuisés à 15h".into())
        )
    );
    let out = drive(&mut store, Lang::Fr, "");
    assert!(out.contains("Enveloppes du foyer : 4 électeurs à l'adresse, 1 enveloppe reçue.\n"));
    assert!(out.contains("Non-réceptions notées : 2.\n"), "{out}");
}

#[test]
fn a_bad_line_is_explained_with_an_example_and_the_session_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(dir.path(), true);
    let mut script =
        b"bonjour\n3 foi\n3 table p\n99 foi p\nenveloppe 0 1\nnote 3\nliste encore\n".to_vec();
    script.extend_from_slice(b"\xff\xfe\n1 foi p\n");
    let out = drive(&mut store, Lang::Fr, script);
    let lines: Vec<&str> = out.lines().collect();
    let find = |start: &str| {
        lines
            .iter()
            .find(|l| l.starts_with(&format!("constat> {start}")))
            .copied()
            .unwrap_or_else(|| panic!("no line starting {start:?} in\n{out}"))
    };
    assert_eq!(
        find("Pas compris : « bonjour »"),
        "constat> Pas compris : « bonjour » n'est pas une commande. Exemples : 3 foi p, enveloppe 4 1, aide."
    );
    assert_eq!(
        find("Pas compris : il manque la valeur"),
        "constat> Pas compris : il manque la valeur : p (présent), a (absent) ou - (effacer). \
         Exemple : 3 foi p (candidat 3, profession de foi présente)."
    );
    find("Pas compris : « table » n'est pas une colonne");
    assert!(
        find("Pas de candidat numéro 99 ici. Numéros : 1, 2, ")
            .ends_with("Exemple : 3 foi p (candidat 3, profession de foi présente).")
    );
    find("Pas compris : il faut au moins un électeur à l'adresse. Exemple : enveloppe 4 1");
    find("Pas compris : il manque la colonne : foi, courrier ou bureau. Exemple : note 3 bureau");
    find("Pas compris : mots en trop : « encore ». Exemple : annuler");
    // Bytes that are not UTF-8 are not a crash either.
    find("Pas compris : « ");
    assert!(out.contains("constat> 1. "), "the session went on: {out}");
    assert_eq!(ticks(&store), vec![(1, Item::Foi, Mark::Present, None)]);
}

#[test]
fn without_a_bureau_the_bureau_column_and_non_receipts_say_why_not() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(dir.path(), false);
    let out = drive(
        &mut store,
        Lang::Fr,
        "3 bureau p\nnon-recu\ntous bureau p\n3 courrier p\n",
    );
    assert!(out.contains("Bureau : aucun bureau choisi"), "{out}");
    assert_eq!(out.matches("Aucun bureau choisi : ").count(), 3, "{out}");
    assert_eq!(
        ticks(&store),
        vec![(3, Item::Courrier, Mark::Present, None)]
    );
}

#[test]
fn english() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(dir.path(), true);
    let out = drive(
        &mut store,
        Lang::En,
        "help\n3 courrier a\nall foi p\ny\nundo\nquit\n3 foi a\n",
    );
    assert!(
        out.starts_with("Legislative election 2017, round 1\n"),
        "{out}"
    );
    assert!(out.contains("Observer: Marie\n"));
    assert!(out.contains("profession de foi: not checked, ballot (mail): not checked"));
    assert!(out.contains("constat> Commands:\n"), "{out}");
    assert!(
        out.contains(" — ballot (mail): absent — saved at 10:00.\n"),
        "{out}"
    );
    assert!(out.contains("Confirm? (y/n) "), "{out}");
    assert!(
        out.contains("Undone: 22 cells of the “Foi” column — saved at 10:00."),
        "{out}"
    );
    // `quit` ends the session: the line after it is not read.
    assert!(out.ends_with("constat> End of the session.\n"), "{out}");
    assert_eq!(ticks(&store).len(), 1 + candidates(&store));
}

#[test]
fn a_failed_save_is_said_and_a_later_retry_saves() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(dir.path(), true);
    let mut clock = clock();
    let mut session = Session::load(&store, Lang::Fr, &mut clock).unwrap();
    store.set_max_page_count(1).unwrap();
    let panel = Panel::new(3).unwrap();
    let mut failure = None;
    for i in 0..400 {
        let mark = if i % 2 == 0 {
            Mark::Present
        } else {
            Mark::Absent
        };
        let lines = session.handle(
            &mut store,
            Command::Set {
                panel,
                item: Item::Foi,
                mark,
            },
        );
        if lines[0].starts_with("NON ENREGISTRÉ") {
            failure = Some((lines, mark));
            break;
        }
        assert!(lines[0].contains("enregistré à"), "{lines:?}");
    }
    let (lines, mark) = failure.expect("the file fills up");
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].starts_with("NON ENREGISTRÉ : disque plein"),
        "{lines:?}"
    );
    // The cell keeps its previous value.
    assert_ne!(session.mark(panel, Item::Foi), mark);
    let saved = store.events().unwrap().len();
    // Room again: the same line now saves.
    store.set_max_page_count(1_000_000).unwrap();
    let lines = session.handle(
        &mut store,
        Command::Set {
            panel,
            item: Item::Foi,
            mark,
        },
    );
    assert!(lines[0].contains("— enregistré à"), "{lines:?}");
    assert_eq!(session.mark(panel, Item::Foi), mark);
    assert_eq!(store.events().unwrap().len(), saved + 1);
}

#[test]
fn a_changed_mark_drops_the_earlier_note_and_the_same_note_again_records_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(dir.path(), true);
    drive(
        &mut store,
        Lang::Fr,
        "note 3 foi sous la porte\n3 foi p\nnote 3 foi sous la porte\ntous foi a\no\n",
    );
    let t = ticks(&store);
    // The note, then present: a new observation, without the earlier note (issue 13 point
    // 1); the note again is recorded on it; the column leaves that cell.
    assert_eq!(
        t[0],
        (3, Item::Foi, Mark::Unchecked, Some("sous la porte".into()))
    );
    assert_eq!(t[1], (3, Item::Foi, Mark::Present, None));
    assert_eq!(
        t[2],
        (3, Item::Foi, Mark::Present, Some("sous la porte".into()))
    );
    assert_eq!(t.iter().filter(|x| x.0 == 3).count(), 3, "{t:?}");
    assert_eq!(t.len(), 3 + candidates(&store) - 1, "{t:?}");
}

#[test]
fn a_bureau_of_another_circonscription_is_not_used() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(dir.path(), false);
    // A bureau the reference data holds without a circonscription.
    {
        let conn = rusqlite::Connection::open_with_flags(
            dir.path().join("obs.db"),
            rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE,
        )
        .unwrap();
        conn.execute(
            "UPDATE bureau SET circonscription = NULL WHERE code = '75056_0912'",
            [],
        )
        .ok();
    }
    store
        .set_current_bureau(&crate::domain::BureauCode::parse("75056_0912").unwrap())
        .unwrap();
    let out = drive(&mut store, Lang::Fr, "2 bureau p\n");
    assert!(store.events().unwrap().is_empty(), "{out}");
}

#[test]
fn bureau_code_goes_there_and_a_question_is_asked_again_until_yes_or_no() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(dir.path(), false);
    let out = drive(
        &mut store,
        Lang::Fr,
        "2 bureau p\nbureau 75056_0912\n2 bureau p\ntous bureau a\n3 foi p\nn\nbureau 9999\n",
    );
    assert!(out.contains("Aucun bureau choisi"), "{out}");
    assert!(out.contains("75056_0912"), "{out}");
    assert!(out.contains("Répondez o (oui) ou n (non)."), "{out}");
    assert!(out.contains("« 9999 » n'est ni un bureau"), "{out}");
    let t = ticks(&store);
    assert_eq!(
        t,
        vec![(2, Item::Bureau, Mark::Present, None)],
        "the question took no other line"
    );
    assert_eq!(
        store.current_bureau().unwrap().map(|b| b.to_string()),
        Some("75056_0912".to_owned())
    );
}

#[test]
fn a_bureau_recheck_with_the_same_mark_is_a_new_observation() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(dir.path(), true);
    let out = drive(
        &mut store,
        Lang::Fr,
        "3 bureau p\n3 bureau p\n3 foi p\n3 foi p\n",
    );
    let t = ticks(&store);
    assert_eq!(t.iter().filter(|x| x.1 == Item::Bureau).count(), 2, "{out}");
    assert_eq!(t.iter().filter(|x| x.1 == Item::Foi).count(), 1, "{out}");
}

#[test]
fn a_household_with_two_envelopes_is_recorded_envelope_by_envelope() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(dir.path(), true);
    let out = drive(
        &mut store,
        Lang::Fr,
        "enveloppe 3 2 06/06/17\n1 foi p\nnumero 2\n1 foi a\nliste\nnumero 1\n1 foi a\n",
    );
    assert!(
        out.contains("— profession de foi (enveloppe 2) : absent — enregistré"),
        "a change names its envelope: {out}"
    );
    assert!(
        out.contains("2 enveloppes reçues, arrivées le mardi 6\u{a0}juin 2017 — enregistré"),
        "{out}"
    );
    assert!(
        out.contains("Enveloppe 2 : les cases foi et courrier suivantes"),
        "{out}"
    );
    assert!(
        out.contains("Enveloppe 2 du foyer (foi et courrier) :\n"),
        "{out}"
    );
    let envelopes: Vec<(Option<u16>, Mark)> = store
        .events()
        .unwrap()
        .into_iter()
        .filter_map(|e| match e.body {
            EventBody::Tick { envelope, mark, .. } => Some((envelope, mark)),
            EventBody::Envelope { received_on, .. } => {
                assert_eq!(received_on, chrono::NaiveDate::from_ymd_opt(2017, 6, 6));
                None
            }
            _ => None,
        })
        .collect();
    // Back in the first envelope, its "present" is changed; the second keeps its "absent".
    assert_eq!(
        envelopes,
        [
            (None, Mark::Present),
            (Some(2), Mark::Absent),
            (None, Mark::Absent)
        ]
    );
    let out = drive(
        &mut store,
        Lang::Fr,
        "enveloppe 3 2 31/02/2017\nenveloppe 1 1 06/06/17\n",
    );
    assert!(out.contains("« 31/02/2017 » n'est pas une date"), "{out}");
    assert!(
        out.contains("1 enveloppe reçue, arrivée le mardi 6\u{a0}juin 2017"),
        "{out}"
    );
    // The impossible day recorded nothing; the next line recorded its count and day.
    let counts = |store: &Store| -> Vec<(u32, u32, Option<chrono::NaiveDate>, Option<String>)> {
        store
            .events()
            .unwrap()
            .into_iter()
            .filter_map(|e| match e.body {
                EventBody::Envelope {
                    voters,
                    received,
                    received_on,
                    note,
                    ..
                } => Some((voters, received, received_on, note)),
                _ => None,
            })
            .collect()
    };
    let june_6 = chrono::NaiveDate::from_ymd_opt(2017, 6, 6);
    assert_eq!(counts(&store), [(3, 2, june_6, None), (1, 1, june_6, None)]);
    // A corrected count keeps the day; a note is the rest of the line; liste reads them out.
    let out = drive(
        &mut store,
        Lang::Fr,
        "enveloppe 3 3 boîte partagée\nliste\n",
    );
    assert_eq!(
        counts(&store).last(),
        Some(&(3, 3, june_6, Some("boîte partagée".to_owned())))
    );
    assert!(
        out.contains("Enveloppes du foyer : 3 électeurs à l'adresse, 3 enveloppes reçues, arrivées le mardi 6\u{a0}juin 2017, note : « boîte partagée »."),
        "{out}"
    );
}

/// A household that received one envelope has no envelope 2: `numero 2` is refused, so the next
/// tick stays in the first envelope and no false distribution failure is made (issue 16 point 3).
#[test]
fn envelope_two_is_refused_when_the_household_received_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(dir.path(), true);
    drive(&mut store, Lang::Fr, "enveloppe 4 1\nnumero 2\n1 foi a\n");
    let envelopes: Vec<Option<u16>> = store
        .events()
        .unwrap()
        .into_iter()
        .filter_map(|e| match e.body {
            EventBody::Tick { envelope, .. } => Some(envelope),
            _ => None,
        })
        .collect();
    assert_eq!(envelopes, [None], "the tick went to the only envelope");
}

/// Issue 16, point 5: a re-check of the table is said as such, in the bureau's legal time.
#[test]
fn a_recheck_of_the_table_is_said_rechecked_at_the_bureau_s_time() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(dir.path(), true);
    let out = drive(&mut store, Lang::Fr, "3 bureau p\n3 bureau p\n3 bureau a\n");
    assert!(
        out.contains(" — bulletin (bureau) : présent — enregistré à 10 h 00.\n"),
        "{out}"
    );
    assert!(
        out.contains(" — bulletin (bureau) : présent — revérifié à 10 h 00.\n"),
        "{out}"
    );
    // A changed mark is no re-check.
    assert!(
        out.contains(" — bulletin (bureau) : absent — enregistré à 10 h 00.\n"),
        "{out}"
    );
    assert_eq!(ticks(&store).len(), 3);
    let out = drive(&mut store, Lang::En, "3 bureau a\n");
    assert!(
        out.contains(" — ballot (bureau): absent — re-checked at 10:00.\n"),
        "{out}"
    );
}

/// Issue 16, point 4: absurd counts are refused with what is expected; more envelopes than
/// voters is asked first, and said as such once recorded.
#[test]
fn absurd_counts_are_refused_and_more_envelopes_than_voters_is_asked_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(dir.path(), true);
    let out = drive(
        &mut store,
        Lang::Fr,
        "enveloppe 99999999999999999999 1\nenveloppe 100 1\nenveloppe 4 1000\n\
         enveloppe 4 9\nn\nenveloppe 4 9\npeut-être\no\n",
    );
    assert_eq!(
        out.matches("Pas enregistré : les électeurs inscrits à l'adresse vont de 1 à 99.")
            .count(),
        2,
        "{out}"
    );
    assert!(
        out.contains("Pas enregistré : 999 enveloppes reçues au plus."),
        "{out}"
    );
    assert!(
        out.contains(
            "4 électeurs à l'adresse mais 9 enveloppes reçues : 5 de plus que d'électeurs. \
             Est-ce bien ce que vous avez constaté ? Confirmer ? (o/n) "
        ),
        "{out}"
    );
    assert!(
        out.contains("Abandonné : rien n'a été enregistré."),
        "{out}"
    );
    assert!(out.contains("Répondez o (oui) ou n (non)."), "{out}");
    assert!(
        out.contains(
            "Enveloppes du foyer : 4 électeurs à l'adresse, 9 enveloppes reçues \
             (5 enveloppes de plus que d'électeurs) — enregistré à 10 h 00."
        ),
        "{out}"
    );
    let events = store.events().unwrap();
    assert_eq!(events.len(), 1, "only the confirmed count is stored");
    assert!(matches!(
        events[0].body,
        EventBody::Envelope {
            voters: 4,
            received: 9,
            ..
        }
    ));
}

/// Issue 16, point 13: the findings, the réclamation, the annex, the evidence folder, a cell's
/// history and the verification, in plain mode; `aide` lists them.
#[test]
fn findings_pv_annex_export_history_and_verify_in_plain_mode() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(dir.path(), true);
    let folder = dir.path().join("preuves");
    let script = format!(
        "aide\n3 bureau a\nnote 3 bureau épuisés\n3 bureau p\nhistorique 3 bureau\n\
         historique 4 foi\nbilan\npv\nannexe\nexport {f}\nexport {f}\nverifier\n",
        f = folder.display()
    );
    let out = drive(&mut store, Lang::Fr, script);
    for command in [
        "historique 3 bureau :",
        "bilan :",
        "pv :",
        "annexe :",
        "export DOSSIER :",
        "verifier :",
    ] {
        assert!(out.contains(&format!("\n{command}")), "{command}: {out}");
    }
    // The cell's history, oldest first, in the bureau's legal time.
    assert!(
        out.contains(
            " — bulletin (bureau) : 3 observations :\nle dimanche 11\u{a0}juin 2017 à 10 h 00 : absent\n\
             le dimanche 11\u{a0}juin 2017 à 10 h 00 : absent, note : « épuisés »\n\
             le dimanche 11\u{a0}juin 2017 à 10 h 00 : présent\n"
        ),
        "{out}"
    );
    assert!(
        out.contains(" — profession de foi : aucune observation enregistrée par vous.\n"),
        "{out}"
    );
    // The findings and the annex are the report's; the réclamation is `constat pv`'s.
    let inputs = crate::app::report::read_inputs(&store, true).unwrap();
    let mut report = Vec::new();
    crate::app::report::write_report(
        &inputs,
        &[crate::domain::CirconscriptionCode::parse("7501").unwrap()],
        crate::report::Format::Text,
        Lang::Fr,
        &mut report,
        &mut || (),
    )
    .unwrap();
    let report = String::from_utf8(report).unwrap();
    // The annex is `constat pv --annex`'s, not the whole report (issue 16 point 13).
    let annex = crate::app::pv::text(
        &store,
        &crate::app::pv::Request {
            bureau: &crate::domain::BureauCode::parse("75056_0911").unwrap(),
            as_observer: None,
            qualite: None,
        },
        crate::app::pv::Part::Annex,
        Lang::Fr,
    )
    .unwrap();
    assert!(
        out.contains(&format!("constat> {annex}")),
        "annexe is the PV's annex:\n{out}"
    );
    assert!(!out.contains(&report), "not the whole report:\n{out}");
    let findings_at = report.find("\nConstats\n").unwrap();
    assert!(
        out.contains(&format!("constat> {}", &report[findings_at + 1..])),
        "bilan is the findings part:\n{out}"
    );
    let pv = crate::app::pv::reclamation_of(
        &store,
        &crate::domain::BureauCode::parse("75056_0911").unwrap(),
        Lang::Fr,
    )
    .unwrap()
    .unwrap();
    assert!(pv.contains("RÉCLAMATION"), "{pv}");
    assert!(out.contains(&format!("constat> {pv}")), "{out}");
    // The evidence folder, then a free one proposed beside it.
    assert!(
        out.contains(&format!("Preuves exportées dans {}.\n", folder.display())),
        "{out}"
    );
    assert!(folder.join("MANIFEST").is_file());
    assert!(
        out.contains(&format!(
            "Rien n'a été écrit : le dossier {} contient déjà des fichiers. Pour un dossier \
             libre à côté, tapez : export {}-2\n",
            folder.display(),
            folder.display()
        )),
        "{out}"
    );
    // The verification.
    assert!(out.contains("intact : Marie ("), "{out}");
    assert!(
        out.contains("Vérification terminée : tout est intact.\n"),
        "{out}"
    );
    // English.
    let out = drive(&mut store, Lang::En, "history 3 b\nfindings\nverify\n");
    assert!(
        out.contains(" — ballot (bureau): 3 observations:\n"),
        "{out}"
    );
    assert!(
        out.contains("on Sunday 11 June 2017 at 10:00: present"),
        "{out}"
    );
    assert!(out.contains("Verification done: everything is intact."));
}

/// Without a bureau, `pv` says what to do; `bilan` before any observation says there is none.
#[test]
fn pv_needs_a_bureau_and_findings_say_when_there_is_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(dir.path(), false);
    let out = drive(&mut store, Lang::Fr, "pv\nbilan\n");
    assert!(
        out.contains("Aucun bureau choisi : la réclamation est celle d'un bureau"),
        "{out}"
    );
    assert!(out.contains("constat> Constats\n"), "{out}");
}

/// Issue 16, point 14: an escape code typed (an arrow on a dumb terminal) is never echoed raw.
#[test]
fn an_escape_code_typed_is_never_echoed_into_a_reply() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(dir.path(), true);
    let out = drive(
        &mut store,
        Lang::Fr,
        "\u{1b}[A\n3 foi \u{1b}[D p\nexport \u{1b}]0;x\u{7}\n",
    );
    assert!(!out.contains('\u{1b}'), "{out:?}");
    assert!(!out.contains('\u{7}'), "{out:?}");
    assert!(
        out.contains("« \\u{1b}[A » n'est pas une commande"),
        "{out}"
    );
}

/// Issue 16, point 16: Ctrl-C at the prompt (or at a question) ends the session cleanly.
#[test]
fn ctrl_c_ends_the_session_cleanly() {
    struct Script(Vec<super::Line>);
    impl super::Lines for Script {
        fn next_line<W: std::io::Write + ?Sized>(
            &mut self,
            prompt: &str,
            out: &mut W,
        ) -> Result<super::Line, crate::error::Error> {
            write!(out, "{prompt}").unwrap();
            Ok(if self.0.is_empty() {
                super::Line::End
            } else {
                self.0.remove(0)
            })
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(dir.path(), true);
    let mut out = Vec::new();
    let mut clock = clock();
    let mut lines = Script(vec![
        super::Line::Text("tous bureau p".into()),
        super::Line::Interrupted,
        super::Line::Text("3 foi p".into()),
    ]);
    super::interact_with(&mut store, Lang::Fr, &mut lines, &mut out, &mut clock).unwrap();
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.ends_with("Confirmer ? (o/n) Interrompu (Ctrl-C).\nFin de la session.\n"),
        "{out}"
    );
    assert!(
        ticks(&store).is_empty(),
        "the question was not answered yes"
    );
}

#[test]
fn machines_and_the_time_seen_are_recorded_from_plain_mode() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(dir.path(), true);
    let out = drive(
        &mut store,
        Lang::Fr,
        "machines oui\nheure 10/06/2017 18:30\n3 foi a\nheure maintenant\n3 courrier a\nmachines peut-être\nheure demain\nmachines non\n",
    );
    let events = store.events().unwrap();
    // machines oui, 3 foi, 3 courrier, machines non: the two mistakes recorded nothing.
    assert_eq!(events.len(), 4, "{out}");
    assert!(matches!(
        &events[0].body,
        EventBody::Machines { bureau, machines: true, .. } if bureau.as_str() == "75056_0911"
    ));
    // 18:30 in Paris in June is 16:30 UTC; back to the time of entry afterwards.
    assert_eq!(
        events[1].seen_at,
        Some(Utc.with_ymd_and_hms(2017, 6, 10, 16, 30, 0).unwrap())
    );
    assert_eq!(events[2].seen_at, None);
    assert!(matches!(
        &events[3].body,
        EventBody::Machines {
            machines: false,
            ..
        }
    ));
    assert!(out.contains("10 juin 2017, 18 h 30"), "{out}");
    assert!(out.contains("« peut-être » n'est ni oui ni non"), "{out}");
    assert!(out.contains("« demain » n'est pas un moment"), "{out}");
}

/// The test pictures, shared with the integration tests (one builder, tests/support/jpeg.rs).
#[path = "../../tests/support/jpeg.rs"]
mod pictures;
pub(crate) use pictures::jpeg_with_gps;

fn photos(store: &Store) -> Vec<(crate::domain::PhotoSubject, crate::domain::Photo)> {
    store
        .events()
        .unwrap()
        .into_iter()
        .filter_map(|e| match e.body {
            EventBody::Photo { photo, .. } => Some((photo.of, *photo)),
            _ => None,
        })
        .collect()
}

/// Issue 19: `photo 8 bureau CHEMIN`, `photo bureau CHEMIN`, `photo enveloppe CHEMIN` attach
/// through the one attach path (EXIF stripped), a path with spaces and `~/` taken; a file that
/// is no image is refused with why, and nothing is recorded; `annuler` withdraws a photo.
#[test]
fn photos_are_attached_to_a_cell_the_bureau_and_the_household_from_plain_mode() {
    use crate::domain::PhotoSubject;
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(dir.path(), true);
    let spaced = dir.path().join("table du bureau.jpg");
    std::fs::write(&spaced, jpeg_with_gps()).unwrap();
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "pas une image").unwrap();
    // `~/`: a folder in the home folder, removed at the end of the test.
    let home = dirs::home_dir().expect("a home folder for the ~/ test");
    let in_home = tempfile::tempdir_in(&home).unwrap();
    std::fs::write(in_home.path().join("env.jpg"), jpeg_with_gps()).unwrap();
    let tilde = format!(
        "~/{}/env.jpg",
        in_home.path().file_name().unwrap().to_string_lossy()
    );
    let script = format!(
        "photo 8 bureau {}\nphoto bureau {}\nphoto enveloppe {tilde}\nphoto 8 foi {}\nphoto 99 foi {}\nannuler\n",
        spaced.display(),
        spaced.display(),
        text.display(),
        spaced.display(),
    );
    let out = drive(&mut store, Lang::Fr, script);
    let found = photos(&store);
    assert_eq!(found.len(), 3, "{out}");
    assert!(
        matches!(found[0].0, PhotoSubject::Cell { panel, item: Item::Bureau } if panel.get() == 8)
    );
    assert_eq!(found[1].0, PhotoSubject::Bureau);
    assert_eq!(found[2].0, PhotoSubject::Household);
    assert_eq!(found[0].1.name, "table du bureau.jpg");
    assert_eq!(found[2].1.name, "env.jpg");
    assert!(found.iter().all(|(_, p)| p.stripped()), "EXIF stripped");
    // The reply names the file and the start of its hash, once stored.
    let sha = hex::encode(&found[0].1.sha256[..4]);
    assert!(
        out.contains(&format!(
            "Photo jointe à 8. {}",
            store_candidate_name(&store, 8)
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!(": table du bureau.jpg (sha256 {sha}…")),
        "{out}"
    );
    assert!(out.contains("Photo jointe à bureau 75056_0911"), "{out}");
    assert!(
        out.contains("Photo jointe à enveloppes du foyer : env.jpg"),
        "{out}"
    );
    assert!(out.contains(" — enregistré à "), "{out}");
    // The text file: refused with why, nothing recorded.
    assert!(out.contains("NON ENREGISTRÉ : "), "{out}");
    assert!(
        out.contains("n'est pas une image JPEG, PNG ou HEIC"),
        "{out}"
    );
    assert!(out.contains("Pas de candidat numéro 99 ici."), "{out}");
    // `annuler`: the last photo (the household's) is withdrawn.
    let events = store.events().unwrap();
    let last = events.last().unwrap();
    let household = events
        .iter()
        .find(|e| matches!(&e.body, EventBody::Photo { photo, .. } if photo.of == PhotoSubject::Household))
        .unwrap();
    assert_eq!(
        last.body,
        EventBody::Retract {
            target: household.id
        }
    );
    assert!(
        out.contains("Annulé : Photo jointe à enveloppes du foyer"),
        "{out}"
    );
    // `aide` lists it; `historique` lists the cell's photos.
    let help = drive(
        &mut store,
        Lang::Fr,
        "aide\nhistorique 8 bureau\nhistorique 8 foi\nliste\n",
    );
    // The candidate lines say which cells have photos.
    assert!(
        help.contains("bulletin (bureau) : non vérifié (1 photo)\n"),
        "{help}"
    );
    assert!(help.contains("photo 8 bureau CHEMIN : "), "{help}");
    assert!(
        help.contains(" — bulletin (bureau) : 1 photo :\n"),
        "{help}"
    );
    assert!(
        help.contains(" : photo « table du bureau.jpg »\n"),
        "{help}"
    );
    assert!(
        help.contains("aucune observation enregistrée par vous"),
        "{help}"
    );
}

/// Without a bureau, a photo is refused and says how to choose one.
#[test]
fn a_photo_needs_a_bureau_in_plain_mode() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(dir.path(), false);
    let file = dir.path().join("a.jpg");
    std::fs::write(&file, jpeg_with_gps()).unwrap();
    let out = drive(
        &mut store,
        Lang::En,
        format!("photo envelope {}\n", file.display()),
    );
    assert!(photos(&store).is_empty());
    assert!(
        out.contains("No bureau chosen: a photo is attached in a bureau"),
        "{out}"
    );
}

fn store_candidate_name(store: &Store, panel: u16) -> String {
    let circ = crate::domain::CirconscriptionCode::parse("7501").unwrap();
    let (_, cands) = store.circonscription(&circ).unwrap().unwrap();
    cands
        .into_iter()
        .find(|c| c.panel.get() == panel)
        .unwrap()
        .display_name()
}

/// Issue 16 point 3: `enveloppe 2 0` then `3 foi a` is refused with what to do (the report
/// said "absent de l'unique enveloppe observée"), and so is the column.
#[test]
fn envelope_content_is_refused_when_the_household_received_none() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(dir.path(), true);
    let out = drive(
        &mut store,
        Lang::Fr,
        "enveloppe 2 0\n3 foi a\n3 courrier p\ntous foi p\n3 bureau a\n",
    );
    assert_eq!(
        out.matches("le foyer n'a reçu aucune enveloppe").count(),
        3,
        "{out}"
    );
    let t = ticks(&store);
    assert_eq!(t, [(3, Item::Bureau, Mark::Absent, None)], "{out}");
}

/// Issue 13 point 1 / 16 point 10: a re-check of the table without a note does not repeat the
/// earlier observation's note.
#[test]
fn a_recheck_does_not_repeat_the_earlier_note() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(dir.path(), true);
    drive(
        &mut store,
        Lang::Fr,
        "8 bureau a\nnote 8 bureau bulletins épuisés\n8 bureau a\n8 bureau p\n",
    );
    let notes: Vec<_> = ticks(&store).into_iter().map(|t| (t.2, t.3)).collect();
    assert_eq!(
        notes,
        [
            (Mark::Absent, None),
            (Mark::Absent, Some("bulletins épuisés".into())),
            (Mark::Absent, None),
            (Mark::Present, None),
        ]
    );
}

/// Issue 16 point 5: after `heure`, a re-check is said at the time seen, not the time typed in,
/// and every reply says its time the French way ("10 h 00", "9 h 40"), with the time seen first.
#[test]
fn replies_say_the_time_seen_the_french_way() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(dir.path(), true);
    let out = drive(
        &mut store,
        Lang::Fr,
        "8 bureau a\nheure 11/06/2017 09:40\n8 bureau a\n3 foi p\n",
    );
    assert!(
        out.contains(" — bulletin (bureau) : absent — enregistré à 10 h 00.\n"),
        "{out}"
    );
    assert!(
        out.contains(" — bulletin (bureau) : absent — revérifié à 9 h 40.\n"),
        "{out}"
    );
    assert!(
        out.contains(" — profession de foi : présent — vu à 9 h 40, enregistré à 10 h 00.\n"),
        "{out}"
    );
    assert!(
        !out.contains(":00:0"),
        "no clock digits with seconds: {out}"
    );
}

/// Issue 13 point 5: plain mode's non-receipt says whether it is of the observer's household;
/// the observer's own name defaults to it (it used to count the household twice), another
/// name to another household, and `foyer` / `autre` say it.
#[test]
fn a_non_receipt_says_whose_household_it_is_of() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(dir.path(), true);
    let out = drive(
        &mut store,
        Lang::Fr,
        "non-recu Marie\nnon-recu\nnon-recu Jean Dupont\nnon-recu foyer Jean Dupont\nnon-recu autre\n",
    );
    let households: Vec<Option<bool>> = store
        .events()
        .unwrap()
        .into_iter()
        .filter_map(|e| match e.body {
            EventBody::NonReceipt { household, .. } => Some(household),
            _ => None,
        })
        .collect();
    assert_eq!(
        households,
        [Some(true), Some(true), Some(false), Some(true), Some(false)],
        "{out}"
    );
    assert!(
        out.contains("Non-réception : Marie, bureau 75056_0911, votre foyer — "),
        "{out}"
    );
}
