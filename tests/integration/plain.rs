//! The plain mode (`--plain`) of the real binary, fed through a pipe: what it says, and what the
//! database holds afterwards.

use constat::domain::{EventBody, Item, Mark};

use crate::util::{constat, events, init_db, piped, run, stdout};

#[test]
fn plain_ui_records_typed_lines_and_the_report_shows_them() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    let script = "3 foi p\n3 courrier a\n3 bureau p\n5 bureau a\nbonjour\n4 foi p\nannuler\n\
                  tous bureau p\no\nenveloppe 4 1\nquitter\n";
    let out = piped(&db, &["--plain", "ui"], script);
    let text = stdout(&out);
    assert!(
        text.starts_with("Élections législatives 2017, 1er tour\n"),
        "{text}"
    );
    assert!(text.contains("Observateur : Test\n"), "{text}");
    assert!(text.contains("constat> "), "{text}");
    assert!(
        text.contains(" — profession de foi : présent — enregistré à "),
        "{text}"
    );
    assert!(
        text.contains("Pas compris : « bonjour » n'est pas une commande."),
        "{text}"
    );
    assert!(text.contains("Confirmer ? (o/n) "), "{text}");
    assert!(text.ends_with("Fin de la session.\n"), "{text}");
    assert!(
        !text.contains('\u{1b}'),
        "no terminal escape sequences: {text:?}"
    );

    let csv = stdout(&run(
        constat(&db).args(["report", "--format", "csv", "--circonscription", "7501"]),
        0,
    ));
    let row = |panel: &str| -> Vec<String> {
        csv.lines()
            .map(|l| l.split(',').map(str::to_owned).collect::<Vec<_>>())
            .find(|f| f.get(1).map(String::as_str) == Some(panel))
            .unwrap_or_else(|| panic!("no row {panel} in\n{csv}"))
    };
    let marks = |panel: &str| row(panel)[4..7].to_vec();
    assert_eq!(marks("3"), ["present", "absent", "present"]);
    // `tous bureau p` marked the unchecked bureau cells only: 5's absence stays.
    assert_eq!(marks("5"), ["unchecked", "unchecked", "absent"]);
    // `annuler` withdrew 4's profession de foi.
    assert_eq!(marks("4"), ["unchecked", "unchecked", "present"]);

    // The events: 5 ticks typed, `bonjour` nothing, `annuler` one retraction of the last tick,
    // `tous bureau p` confirmed one tick per unchecked bureau cell (22 - 2), one envelope.
    let events = events(&db);
    let ticks: Vec<(u16, Item, Mark)> = events
        .iter()
        .filter_map(|e| match &e.body {
            EventBody::Tick {
                panel, item, mark, ..
            } => Some((panel.get(), *item, *mark)),
            _ => None,
        })
        .collect();
    assert_eq!(
        ticks[..5],
        [
            (3, Item::Foi, Mark::Present),
            (3, Item::Courrier, Mark::Absent),
            (3, Item::Bureau, Mark::Present),
            (5, Item::Bureau, Mark::Absent),
            (4, Item::Foi, Mark::Present),
        ]
    );
    assert_eq!(ticks.len(), 5 + 20);
    assert!(
        ticks[5..].iter().all(|&(p, item, mark)| p != 3
            && p != 5
            && item == Item::Bureau
            && mark == Mark::Present)
    );
    let retractions: Vec<_> = events
        .iter()
        .filter_map(|e| match e.body {
            EventBody::Retract { target } => Some(target),
            _ => None,
        })
        .collect();
    assert_eq!(
        retractions,
        [events[4].id],
        "`annuler` withdraws 4's profession de foi"
    );
    assert!(matches!(
        events.last().map(|e| &e.body),
        Some(EventBody::Envelope {
            voters: 4,
            received: 1,
            ..
        })
    ));
    assert_eq!(events.len(), 5 + 1 + 20 + 1);
}

#[test]
fn plain_demo_runs_without_a_terminal_and_keeps_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    // The end of the input ends the session as `quitter` does.
    let out = piped(&db, &["--plain", "--lang", "en", "demo"], "1 foi a\n");
    let text = stdout(&out);
    assert!(text.contains("Observer: Démo\n"), "{text}");
    assert!(
        text.contains(" — profession de foi: absent — saved at "),
        "{text}"
    );
    assert!(text.contains(&db.display().to_string()), "{text}");
    // The demo database is kept, with the one tick typed.
    let events = events(&db);
    assert_eq!(events.len(), 1);
    assert!(matches!(
        events[0].body,
        EventBody::Tick {
            panel,
            item: Item::Foi,
            mark: Mark::Absent,
            ..
        } if panel.get() == 1
    ));
    let csv = stdout(&run(constat(&db).args(["report", "--format", "csv"]), 0));
    assert!(csv.contains(",absent,unchecked,unchecked"), "{csv}");
}
