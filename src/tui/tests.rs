//! Interface tests without a terminal: keys through `keymap` and `update`, effects answered by a
//! fake runtime (or the real one on a temporary database), screens checked on a `TestBackend`.

use chrono::DateTime;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use uuid::Uuid;

use super::effect::Effect;
use super::keymap::message_for;
use super::message::Message;
use super::model::{Mode, Model, SaveStatus};
use super::theme::Theme;
use super::update::update;
use super::view;
use crate::domain::{
    BureauCode, CirconscriptionCode, Event, EventBody, EventId, Item, Mark, ObserverId, RecordState,
};
use crate::i18n::Lang;
use crate::sample;

const OBSERVER: ObserverId = ObserverId(Uuid::from_u128(7));

fn model_with(lang: Lang, events: &[Event]) -> Model {
    let data = sample::find("paris-1-2017")
        .unwrap()
        .election_data()
        .unwrap();
    let circ = CirconscriptionCode::parse("7501").unwrap();
    let bureau = BureauCode::parse("75056_0911").unwrap();
    let mut model = Model::new(
        lang,
        Theme { color: false },
        data.election,
        data.referential.circonscriptions[&circ].clone(),
        data.referential.candidates_of(&circ).to_vec(),
        data.referential.bureaux.get(&bureau).cloned(),
        OBSERVER,
        "Marie".into(),
        RecordState::fold(events),
    );
    model.places = std::sync::Arc::new(crate::domain::search::PlaceIndex::new(&data.referential));
    model
}

fn model() -> Model {
    model_with(Lang::Fr, &[])
}

/// A fake runtime: answers every `Persist` with `Saved` (or `SaveFailed` when `fail`).
struct Harness {
    model: Model,
    seq: u64,
    fail: bool,
    log: Vec<Event>,
}

impl Harness {
    fn new(model: Model) -> Self {
        Self {
            model,
            seq: 0,
            fail: false,
            log: vec![],
        }
    }

    fn send(&mut self, msg: Message) {
        let mut queue = vec![msg];
        while let Some(msg) = queue.pop() {
            for effect in update(&mut self.model, msg) {
                let (group, body) = match effect {
                    Effect::Persist { group, body } => (group, body),
                    Effect::Switch(place) => {
                        queue.insert(0, switched(&place));
                        continue;
                    }
                    Effect::BuildPlaces => {
                        let data = sample::find("paris-1-2017")
                            .unwrap()
                            .election_data()
                            .unwrap();
                        queue.insert(
                            0,
                            Message::PlacesReady(std::sync::Arc::new(
                                crate::domain::search::PlaceIndex::new(&data.referential),
                            )),
                        );
                        continue;
                    }
                };
                if self.fail {
                    queue.insert(
                        0,
                        Message::SaveFailed {
                            group,
                            error: "disque plein".into(),
                        },
                    );
                    continue;
                }
                self.seq += 1;
                let event = Event {
                    id: EventId(Uuid::from_u128(1000 + u128::from(self.seq))),
                    observer: OBSERVER,
                    seq: self.seq,
                    recorded_at: DateTime::from_timestamp(1_497_160_000, 0).unwrap(),
                    body,
                };
                self.log.push(event.clone());
                queue.insert(0, Message::Saved { group, event });
            }
        }
    }

    fn press(&mut self, code: KeyCode) {
        self.press_with(code, KeyModifiers::NONE);
    }

    fn press_with(&mut self, code: KeyCode, modifiers: KeyModifiers) {
        if let Some(msg) = message_for(KeyEvent::new(code, modifiers), &self.model) {
            self.send(msg);
        }
    }

    fn keys(&mut self, keys: &str) {
        for c in keys.chars() {
            self.press(KeyCode::Char(c));
        }
    }

    fn mark(&self, row: usize, item: Item) -> Mark {
        self.model.mark(row, item)
    }
}

/// What the runtime answers to `Effect::Switch`, from the sample's reference data.
fn switched(place: &crate::domain::search::Place) -> Message {
    use crate::domain::search::Place;
    let data = sample::find("paris-1-2017")
        .unwrap()
        .election_data()
        .unwrap();
    let (circ, bureau) = match place {
        Place::Bureau(b) => {
            let b = data.referential.bureaux[b].clone();
            (b.circonscription.clone().unwrap(), Some(b))
        }
        Place::Circonscription(c) => (c.clone(), None),
    };
    Message::Switched {
        circonscription: data.referential.circonscriptions[&circ].clone(),
        candidates: data.referential.candidates_of(&circ).to_vec(),
        bureau,
        state: Box::default(),
    }
}

fn screen(model: &Model, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| view::draw(model, f)).unwrap();
    terminal.backend().to_string()
}

fn reference_model(lang: Lang) -> Model {
    let mut h = Harness::new(model_with(lang, &[]));
    for body in sample::find("paris-1-2017")
        .unwrap()
        .record_ticks()
        .unwrap()
    {
        {
            h.seq += 1;
            let event = Event {
                id: EventId(Uuid::from_u128(u128::from(h.seq))),
                observer: OBSERVER,
                seq: h.seq,
                recorded_at: DateTime::from_timestamp(1_497_160_000, 0).unwrap(),
                body,
            };
            h.model.state.apply(&event);
        }
    }
    h.send(Message::OpenEnvelope);
    h.keys("4");
    h.press(KeyCode::Tab);
    h.keys("1");
    h.press(KeyCode::Enter);
    h.model.save = SaveStatus::Saved;
    h.model
}

#[test]
fn keys_map_to_messages_in_the_grid() {
    let m = model();
    let msg = |code| message_for(KeyEvent::new(code, KeyModifiers::NONE), &m);
    use super::message::Direction::*;
    assert_eq!(msg(KeyCode::Char('j')), Some(Message::Move(Down)));
    assert_eq!(msg(KeyCode::Down), Some(Message::Move(Down)));
    assert_eq!(msg(KeyCode::Char('k')), Some(Message::Move(Up)));
    assert_eq!(msg(KeyCode::Char('h')), Some(Message::Move(Left)));
    assert_eq!(msg(KeyCode::Right), Some(Message::Move(Right)));
    assert_eq!(msg(KeyCode::Char(' ')), Some(Message::Cycle));
    assert_eq!(msg(KeyCode::Char('p')), Some(Message::Set(Mark::Present)));
    assert_eq!(msg(KeyCode::Char('a')), Some(Message::Set(Mark::Absent)));
    assert_eq!(msg(KeyCode::Backspace), Some(Message::Set(Mark::Unchecked)));
    assert_eq!(msg(KeyCode::Char('P')), Some(Message::MarkColumnPresent));
    assert_eq!(msg(KeyCode::Char('u')), Some(Message::Undo));
    assert_eq!(msg(KeyCode::Char('?')), Some(Message::ToggleHelp));
    assert_eq!(msg(KeyCode::Char('q')), Some(Message::Quit));
    assert_eq!(msg(KeyCode::Char('z')), None);
}

#[test]
fn a_tick_is_shown_only_once_its_commit_returned() {
    let mut m = model();
    let effects = update(&mut m, Message::Set(Mark::Present));
    assert_eq!(effects.len(), 1);
    assert_eq!(m.save, SaveStatus::Pending);
    assert_eq!(m.mark(0, Item::Foi), Mark::Unchecked, "shown before saved");
    let Some(Effect::Persist { group, body }) = effects.into_iter().next() else {
        panic!("expected a Persist effect");
    };
    assert!(matches!(
        body,
        EventBody::Tick {
            mark: Mark::Present,
            item: Item::Foi,
            ..
        }
    ));
    let event = Event {
        id: EventId(Uuid::from_u128(1)),
        observer: OBSERVER,
        seq: 1,
        recorded_at: DateTime::from_timestamp(0, 0).unwrap(),
        body,
    };
    update(&mut m, Message::Saved { group, event });
    assert_eq!(m.mark(0, Item::Foi), Mark::Present);
    assert_eq!(m.save, SaveStatus::Saved);
}

#[test]
fn a_failed_save_leaves_the_cell_unchanged_and_says_so() {
    let mut h = Harness::new(model());
    h.fail = true;
    h.keys("p");
    assert_eq!(h.mark(0, Item::Foi), Mark::Unchecked);
    assert_eq!(h.model.save, SaveStatus::Failed("disque plein".into()));
    assert!(screen(&h.model, 80, 24).contains("NON ENREGISTRÉ : disque plein"));
    // Once space is freed, the retry saves and the indicator tells so.
    h.fail = false;
    h.keys("p");
    assert_eq!(h.mark(0, Item::Foi), Mark::Present);
    assert_eq!(h.model.save, SaveStatus::Saved);
}

#[test]
fn space_cycles_and_keys_set_and_clear_the_cell_under_the_cursor() {
    let mut h = Harness::new(model());
    h.keys("jl");
    h.keys(" ");
    assert_eq!(h.mark(1, Item::Courrier), Mark::Present);
    h.keys(" ");
    assert_eq!(h.mark(1, Item::Courrier), Mark::Absent);
    h.keys(" ");
    assert_eq!(h.mark(1, Item::Courrier), Mark::Unchecked);
    h.keys("a");
    assert_eq!(h.mark(1, Item::Courrier), Mark::Absent);
    h.press(KeyCode::Backspace);
    assert_eq!(h.mark(1, Item::Courrier), Mark::Unchecked);
    assert_eq!(h.log.len(), 5);
    // Nothing else moved.
    assert_eq!(h.mark(0, Item::Foi), Mark::Unchecked);
    assert_eq!(h.mark(1, Item::Foi), Mark::Unchecked);
}

#[test]
fn the_cursor_stays_inside_the_grid() {
    let mut h = Harness::new(model());
    h.keys("kkhh");
    assert_eq!((h.model.row, h.model.col), (0, 0));
    h.keys(&"j".repeat(40));
    h.keys("llll");
    assert_eq!((h.model.row, h.model.col), (21, 2));
}

#[test]
fn shift_p_marks_the_whole_column_and_u_undoes_it_with_new_events() {
    let mut h = Harness::new(model());
    h.keys("llP");
    assert!((0..22).all(|r| h.mark(r, Item::Bureau) == Mark::Present));
    assert_eq!(h.log.len(), 22);
    h.keys("u");
    assert!((0..22).all(|r| h.mark(r, Item::Bureau) == Mark::Unchecked));
    assert_eq!(
        h.log.len(),
        44,
        "undo appends retractions, it deletes nothing"
    );
    assert!(
        h.log[22..]
            .iter()
            .all(|e| matches!(e.body, EventBody::Retract { .. }))
    );
    assert_eq!(
        h.model.flash.as_deref(),
        Some("Dernière modification annulée")
    );
    h.keys("u");
    assert_eq!(h.model.flash.as_deref(), Some("Rien à annuler"));
}

#[test]
fn undo_restores_the_previous_mark_not_just_unchecked() {
    let mut h = Harness::new(model());
    h.keys("pa");
    assert_eq!(h.mark(0, Item::Foi), Mark::Absent);
    h.keys("u");
    assert_eq!(h.mark(0, Item::Foi), Mark::Present);
}

#[test]
fn the_envelope_form_records_voters_and_envelopes_received() {
    let mut h = Harness::new(model());
    h.keys("e4");
    h.press(KeyCode::Tab);
    h.keys("1x");
    h.press(KeyCode::Enter);
    assert_eq!(h.model.mode, Mode::Grid);
    let env = h.model.envelope().unwrap();
    assert_eq!((env.voters, env.received, env.missing()), (4, 1, 3));
    assert!(
        screen(&h.model, 80, 24).contains("Enveloppe : 1 reçue pour 4 électeurs (3 manquantes)")
    );
}

#[test]
fn the_envelope_form_refuses_an_empty_count_and_escape_cancels() {
    let mut h = Harness::new(model());
    h.keys("e");
    h.press(KeyCode::Enter);
    assert!(matches!(&h.model.mode, Mode::Envelope(f) if f.error.is_some()));
    assert!(h.log.is_empty());
    h.press(KeyCode::Esc);
    assert_eq!(h.model.mode, Mode::Grid);
    assert!(h.log.is_empty());
}

#[test]
fn a_non_receipt_is_recorded_for_the_current_bureau() {
    let mut h = Harness::new(model());
    h.keys("nJean Dupont");
    h.press(KeyCode::Enter);
    assert_eq!(h.model.non_receipts(), 1);
    match &h.log[0].body {
        EventBody::NonReceipt { bureau, voter, .. } => {
            assert_eq!(bureau.as_str(), "75056_0911");
            assert_eq!(voter.as_deref(), Some("Jean Dupont"));
        }
        other => panic!("{other:?}"),
    }
    // The letters typed in the form were not taken as grid keys.
    assert_eq!(h.log.len(), 1);
}

#[test]
fn help_opens_and_closes_and_q_quits() {
    let mut h = Harness::new(model());
    h.keys("?");
    assert_eq!(h.model.mode, Mode::Help);
    h.keys("p");
    assert!(h.log.is_empty(), "keys under the help do not tick");
    h.press(KeyCode::Esc);
    assert_eq!(h.model.mode, Mode::Grid);
    h.keys("q");
    assert!(h.model.quit);
    let mut h = Harness::new(model());
    h.press_with(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert!(h.model.quit);
}

#[test]
fn marks_have_symbols_so_colour_is_never_the_only_signal() {
    let m = reference_model(Lang::Fr);
    let s = screen(&m, 80, 24);
    assert!(s.contains("✗ absent") && s.contains("✓ présent"), "{s}");
    let s = screen(&m, 40, 15);
    assert!(s.contains('✗') && s.contains('✓'), "{s}");
}

#[test]
fn screen_grid_80x24_fr() {
    insta::assert_snapshot!(screen(&reference_model(Lang::Fr), 80, 24));
}

#[test]
fn screen_grid_40x15_fr() {
    insta::assert_snapshot!(screen(&reference_model(Lang::Fr), 40, 15));
}

#[test]
fn screen_grid_80x24_en() {
    insta::assert_snapshot!(screen(&reference_model(Lang::En), 80, 24));
}

#[test]
fn screen_grid_40x15_en() {
    insta::assert_snapshot!(screen(&reference_model(Lang::En), 40, 15));
}

#[test]
fn screen_help_80x24_fr() {
    let mut m = model();
    update(&mut m, Message::ToggleHelp);
    insta::assert_snapshot!(screen(&m, 80, 24));
}

#[test]
fn screen_help_40x15_fr() {
    let mut m = model();
    update(&mut m, Message::ToggleHelp);
    insta::assert_snapshot!(screen(&m, 40, 15));
}

#[test]
fn the_help_scrolls_to_its_last_line_on_a_phone_screen() {
    let mut h = Harness::new(model());
    h.keys("?");
    assert!(!screen(&h.model, 40, 15).contains("quitter (tout"));
    h.keys(&"j".repeat(12));
    let s = screen(&h.model, 40, 15);
    assert!(s.contains("quitter (tout"), "{s}");
    assert!(h.log.is_empty());
}

#[test]
fn the_picker_finds_a_bureau_by_street_and_switches_to_it() {
    let mut h = Harness::new(model());
    h.keys("/");
    assert!(matches!(&h.model.mode, Mode::Picker(p) if p.total == 24));
    h.keys("0912");
    assert!(matches!(&h.model.mode, Mode::Picker(p) if p.total == 1));
    h.press(KeyCode::Enter);
    assert_eq!(h.model.mode, Mode::Grid);
    assert_eq!(h.model.bureau.as_ref().unwrap().code.as_str(), "75056_0912");
    h.keys("/clauzel");
    insta::assert_snapshot!("screen_picker_80x24_fr", screen(&h.model, 80, 24));
    h.press(KeyCode::Enter);
    assert_eq!(h.model.bureau.as_ref().unwrap().code.as_str(), "75056_0911");
    assert!(h.log.is_empty(), "picking records nothing");
}

#[test]
fn alt_and_control_letters_are_not_typed_into_forms() {
    let mut h = Harness::new(model());
    h.keys("/");
    h.press_with(KeyCode::Char('q'), KeyModifiers::ALT);
    assert!(matches!(&h.model.mode, Mode::Picker(p) if p.query.is_empty()));
}

#[test]
fn the_picker_index_is_built_on_first_use_not_at_start_up() {
    let mut m = model();
    m.places = std::sync::Arc::default();
    let effects = update(&mut m, Message::OpenPicker);
    assert_eq!(effects, vec![Effect::BuildPlaces]);
    assert!(matches!(&m.mode, Mode::Picker(p) if p.total == 0));
    let data = sample::find("paris-1-2017")
        .unwrap()
        .election_data()
        .unwrap();
    let index = std::sync::Arc::new(crate::domain::search::PlaceIndex::new(&data.referential));
    update(&mut m, Message::PlacesReady(index));
    assert!(matches!(&m.mode, Mode::Picker(p) if p.total == 24));
    assert_eq!(update(&mut m, Message::Close), vec![]);
    assert_eq!(update(&mut m, Message::OpenPicker), vec![], "built once");
}

/// The screen column of `item`'s marks for a `width`-wide screen.
fn mark_x(width: u16, height: u16, item: Item) -> u16 {
    let screen = ratatui::layout::Rect::new(0, 0, width, height);
    (0..width)
        .find(|x| super::view::layout::grid_target(screen, 0, 22, *x, 3) == Some((0, Some(item))))
        .unwrap()
}

#[test]
fn a_tap_on_a_mark_selects_and_cycles_it_and_a_tap_on_a_name_selects_the_row() {
    for (w, h) in [(80, 24), (40, 15), (160, 48)] {
        let mut h_ = Harness::new(model());
        h_.send(Message::Resize {
            width: w,
            height: h,
        });
        let x = mark_x(w, h, Item::Bureau);
        // The grid's first candidate line is the 4th line of the screen (y = 3).
        h_.send(Message::Tap { x, y: 5 });
        assert_eq!((h_.model.row, h_.model.col), (2, 2), "{w}x{h}");
        assert_eq!(h_.mark(2, Item::Bureau), Mark::Present, "{w}x{h}");
        h_.send(Message::Tap { x, y: 5 });
        assert_eq!(h_.mark(2, Item::Bureau), Mark::Absent, "{w}x{h}");
        h_.send(Message::Tap { x: 6, y: 7 });
        assert_eq!(h_.model.row, 4, "{w}x{h}: a tap on the name selects");
        assert_eq!(
            h_.log.len(),
            2,
            "{w}x{h}: a tap on the name records nothing"
        );
        h_.send(Message::Tap { x, y: 0 });
        assert_eq!(
            h_.log.len(),
            2,
            "{w}x{h}: a tap on the header records nothing"
        );
    }
}

#[test]
fn a_tap_lands_on_the_row_drawn_there_when_the_grid_is_scrolled() {
    let mut h = Harness::new(model());
    h.send(Message::Resize {
        width: 40,
        height: 15,
    });
    h.keys(&"j".repeat(21));
    let screen = screen(&h.model, 40, 15);
    let first_shown = screen.lines().nth(3).unwrap().to_owned();
    h.send(Message::Tap { x: 6, y: 3 });
    let name = h.model.candidates[h.model.row].display_name();
    assert!(
        first_shown.contains(&name[..10]),
        "tapped {name}, first line shown: {first_shown}"
    );
}

#[test]
fn screen_envelope_form_40x15_fr() {
    let mut h = Harness::new(model());
    h.keys("e4");
    insta::assert_snapshot!(screen(&h.model, 40, 15));
}

#[test]
fn a_too_small_window_says_so_instead_of_drawing_a_broken_grid() {
    let s = screen(&model(), 30, 10);
    assert!(s.contains("Fenêtre trop petite"), "{s}");
}

#[test]
fn the_real_runtime_commits_before_showing_saved() {
    use crate::storage::{LocalObserver, Store};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("obs.db");
    let data = sample::find("paris-1-2017")
        .unwrap()
        .election_data()
        .unwrap();
    let observer = LocalObserver {
        id: OBSERVER,
        name: "Marie".into(),
    };
    let mut store = Store::create(
        &path,
        &data,
        &observer,
        DateTime::from_timestamp(0, 0).unwrap(),
    )
    .unwrap();
    store
        .set_setting(crate::commands::CURRENT_BUREAU, "75056_0911")
        .unwrap();
    let mut m = super::runtime::load_model(&store, Lang::Fr, Theme { color: false }).unwrap();
    assert_eq!(m.bureau.as_ref().unwrap().code.as_str(), "75056_0911");
    super::runtime::dispatch(
        &mut m,
        &mut store,
        Message::Move(super::message::Direction::Right),
    );
    super::runtime::dispatch(&mut m, &mut store, Message::Set(Mark::Absent));
    assert_eq!(m.save, SaveStatus::Saved);
    drop(store);
    let store = Store::open(&path).unwrap();
    let events = store.events().unwrap();
    assert_eq!(events.len(), 1);
    assert!(matches!(
        events[0].body,
        EventBody::Tick {
            item: Item::Courrier,
            mark: Mark::Absent,
            ..
        }
    ));
    // A full disk: the runtime reports it and the cell stays as it was.
    let mut store = store;
    let pages: u32 = 1;
    store.set_max_page_count(pages).unwrap();
    let mut m = super::runtime::load_model(&store, Lang::Fr, Theme { color: false }).unwrap();
    for _ in 0..200 {
        super::runtime::dispatch(&mut m, &mut store, Message::Cycle);
        if matches!(m.save, SaveStatus::Failed(_)) {
            break;
        }
    }
    assert!(
        matches!(&m.save, SaveStatus::Failed(e) if e.contains("disque plein")),
        "{:?}",
        m.save
    );
}
