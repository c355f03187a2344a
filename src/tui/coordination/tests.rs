//! The live view driven with keys through the pure update, drawn on a `TestBackend` at 80×24
//! and 40×15 (snapshots in French, few and chosen).

use chrono::DateTime;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use uuid::Uuid;

use super::*;
use crate::domain::coordination::{Arrivals, Tracker, build};
use crate::domain::findings::Names;
use crate::domain::{
    BureauCode, CirconscriptionCode, Event, EventBody, EventId, Item, Mark, ObserverId, Panel,
};
use crate::sample;

fn picture() -> Picture {
    let s = sample::find("paris-1-2017").unwrap();
    let data = s.election_data().unwrap();
    let event = |i: usize, observer: u128, seq: u64, body| Event {
        id: EventId(Uuid::from_u128(1 << 64 | i as u128)),
        observer: ObserverId(Uuid::from_u128(observer)),
        seq,
        // 11 June 2017 from 9 h 00, Paris time, a minute apart.
        recorded_at: DateTime::from_timestamp(1_497_164_400 + i as i64 * 60, 0).unwrap(),
        seen_at: None,
        body,
    };
    let mut events: Vec<Event> = s
        .record_events()
        .unwrap()
        .into_iter()
        .enumerate()
        .map(|(i, body)| event(i, 1, i as u64 + 1, body))
        .collect();
    let n = events.len();
    for (k, (bureau, panel)) in [("75056_0911", 3), ("75056_0912", 7), ("75056_0911", 9)]
        .into_iter()
        .enumerate()
    {
        events.push(event(
            n + k,
            2,
            k as u64 + 1,
            EventBody::Tick {
                circonscription: CirconscriptionCode::parse("7501").unwrap(),
                bureau: Some(BureauCode::parse(bureau).unwrap()),
                panel: Panel::new(panel).unwrap(),
                item: Item::Bureau,
                mark: Mark::Absent,
                note: None,
                envelope: None,
            },
        ));
    }
    let mut t = Tracker::default();
    for e in &events {
        t.apply(e);
    }
    let names: Names = [
        (ObserverId(Uuid::from_u128(1)), "Alice".to_owned()),
        (ObserverId(Uuid::from_u128(2)), "Bruno".to_owned()),
    ]
    .into();
    t.update(&data.referential, &names);
    build(
        &t,
        &data.election,
        &data.referential,
        &names,
        Arrivals {
            files: 2,
            latest: Some(("bruno.db".into(), events[n + 2].recorded_at)),
            last_file_by_observer: Default::default(),
            enrolled: Some(3),
            silent: vec!["Chloé".into()],
            refused: 1,
            latest_refused: vec![crate::domain::coordination::RefusedFile {
                name: "copie-marie.db".into(),
                at: events[n + 2].recorded_at,
                reason: "refusal-copied-database".into(),
                text_fr: "copie d'une autre base".into(),
                text_en: "copy of another database".into(),
            }],
        },
    )
}

fn model(lang: Lang) -> Model {
    let mut m = Model::new(lang, Theme { color: false });
    update(&mut m, Msg::Refreshed(Box::new(picture())));
    m
}

fn keys(m: &mut Model, codes: &[KeyCode]) {
    for c in codes {
        if let Some(msg) = message_for(KeyEvent::new(*c, KeyModifiers::NONE)) {
            update(m, msg);
        }
    }
}

fn screen(m: &Model, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal
        .draw(|f| crate::tui::view::coordination::draw(m, f))
        .unwrap();
    terminal.backend().to_string()
}

#[test]
fn enter_goes_down_to_a_bureau_and_escape_comes_back_to_the_same_lines() {
    let mut m = model(Lang::Fr);
    keys(&mut m, &[KeyCode::Enter]);
    assert_eq!(m.place, Place::Departement("75".into()));
    keys(&mut m, &[KeyCode::Enter]);
    assert_eq!(
        m.place,
        Place::Circonscription(CirconscriptionCode::parse("7501").unwrap())
    );
    // Observed bureaux come first: the second is 0912.
    keys(&mut m, &[KeyCode::Down, KeyCode::Enter]);
    assert_eq!(
        m.place,
        Place::Bureau(
            CirconscriptionCode::parse("7501").unwrap(),
            BureauCode::parse("75056_0912").unwrap()
        )
    );
    // A bureau's list (its observers) opens nothing.
    keys(&mut m, &[KeyCode::Enter]);
    assert!(matches!(m.place, Place::Bureau(..)));
    keys(&mut m, &[KeyCode::Esc]);
    assert_eq!(m.cursor, 1, "back on the bureau chosen");
    keys(
        &mut m,
        &[KeyCode::Backspace, KeyCode::Backspace, KeyCode::Esc],
    );
    assert_eq!(m.place, Place::National);
    assert!(m.above.is_empty());
    // The cursor stays within the list; a refresh keeps the place.
    keys(&mut m, &[KeyCode::Up, KeyCode::PageDown, KeyCode::PageDown]);
    assert_eq!(m.cursor, 0, "one département");
    keys(&mut m, &[KeyCode::Char('o')]);
    assert_eq!(m.place, Place::Observers);
    update(&mut m, Msg::Refreshed(Box::new(picture())));
    assert_eq!(m.place, Place::Observers);
    // Help opens and closes; q quits from anywhere.
    keys(&mut m, &[KeyCode::Char('?')]);
    assert!(m.help);
    keys(&mut m, &[KeyCode::Enter]);
    assert!(
        m.help && m.place == Place::Observers,
        "keys do nothing under the help"
    );
    keys(&mut m, &[KeyCode::Esc]);
    assert!(!m.help);
    keys(&mut m, &[KeyCode::Char('q')]);
    assert!(m.quit);
}

#[test]
fn every_place_draws_in_both_languages_at_both_sizes_with_the_newest_absence_in_sight() {
    for lang in [Lang::Fr, Lang::En] {
        let mut m = model(lang);
        let walk: [&[KeyCode]; 5] = [
            &[],
            &[KeyCode::Enter],
            &[KeyCode::Enter],
            &[KeyCode::Enter],
            &[KeyCode::Esc, KeyCode::Esc, KeyCode::Esc, KeyCode::Char('o')],
        ];
        for step in walk {
            keys(&mut m, step);
            for (w, h) in [(80, 24), (40, 15)] {
                let s = screen(&m, w, h);
                assert!(!s.contains("coord-"), "a message id shown:\n{s}");
                if !matches!(m.place, Place::Observers) {
                    // The newest fact: panel 9 at 0911, seen last.
                    assert!(s.contains("9 "), "{w}x{h}:\n{s}");
                }
            }
        }
    }
    let tiny = screen(&model(Lang::Fr), 39, 14);
    assert!(tiny.contains("trop petite"), "{tiny}");
}

#[test]
fn snapshots_of_the_national_view_a_bureau_and_the_help() {
    let mut m = model(Lang::Fr);
    insta::assert_snapshot!("coordination_national_80x24_fr", screen(&m, 80, 24));
    insta::assert_snapshot!("coordination_national_40x15_fr", screen(&m, 40, 15));
    keys(&mut m, &[KeyCode::Enter, KeyCode::Enter, KeyCode::Enter]);
    insta::assert_snapshot!("coordination_bureau_80x24_fr", screen(&m, 80, 24));
    keys(&mut m, &[KeyCode::Char('?')]);
    insta::assert_snapshot!("coordination_help_40x15_fr", screen(&m, 40, 15));
}

/// Issue 18 point 3: a refusal's reason is a sentence with what to do; the national page cuts
/// it to its line, `r` shows it whole (wrapped, at 40×15 too), `r` or Esc closes it.
#[test]
fn r_shows_the_refused_files_with_their_reasons_in_full() {
    let long = "conflit de clés : l'observateur « Marie » est déjà ici avec la clé \
                AAAA-BBBB-CCCC-DDDD-EEEE ; comparez avec l'empreinte du procès-verbal";
    let mut p = picture();
    p.arrivals.latest_refused[0].text_fr = long.into();
    let mut m = Model::new(Lang::Fr, Theme { color: false });
    update(&mut m, Msg::Refreshed(Box::new(p)));
    let flat = |s: &str| -> String {
        s.lines()
            .map(|l| {
                l.trim_matches('"')
                    .replace(['│', '┌', '┐', '└', '┘', '─'], " ")
            })
            .collect::<Vec<_>>()
            .join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert!(!flat(&screen(&m, 40, 15)).contains("l'empreinte du procès-verbal"));
    keys(&mut m, &[KeyCode::Char('r')]);
    assert!(m.refusals);
    let shown = flat(&screen(&m, 40, 15));
    assert!(shown.contains("l'empreinte du procès-verbal"), "{shown}");
    assert!(shown.contains("copie-marie.db"), "{shown}");
    // Keys other than closing ones do nothing meanwhile.
    keys(&mut m, &[KeyCode::Down, KeyCode::Enter]);
    assert_eq!(m.place, Place::National);
    keys(&mut m, &[KeyCode::Esc]);
    assert!(!m.refusals);
}
