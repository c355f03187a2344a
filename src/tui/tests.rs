//! Interface tests without a terminal: keys through `keymap` and `update`, effects answered by a
//! fake runtime (or the real one on a temporary database), screens checked on a `TestBackend`.

use chrono::DateTime;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use uuid::Uuid;

use super::effect::Effect;
use super::forms::Pending;
use super::keymap::message_for;
use super::message::Message;
use super::model::{Mode, Model, SaveStatus, Screen};
use super::theme::Theme;
use super::update::update;
use super::view;
use crate::domain::state::MachinesView;
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
    // The tests written before issue 16 check one cell at a time: the cursor stays after `p` and
    // `a` (the move to the next row, on by default, has its own tests).
    model.advance = false;
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
    exported: Vec<String>,
    /// When the next event is recorded (seconds since 1970).
    now: i64,
    /// What `FindPhotos` answers.
    photo_sources: super::forms::PhotoSources,
    /// The photos attached: what they show and the path asked for.
    attached: Vec<(crate::domain::PhotoSubject, String)>,
    /// The EXIF time of the photos attached.
    taken_at: Option<chrono::NaiveDateTime>,
}

impl Harness {
    fn new(model: Model) -> Self {
        Self {
            model,
            seq: 0,
            fail: false,
            log: vec![],
            exported: vec![],
            now: 1_497_160_000,
            photo_sources: super::forms::PhotoSources {
                folder: None,
                recent: Ok(vec![]),
                camera: false,
            },
            attached: vec![],
            taken_at: None,
        }
    }

    fn send(&mut self, msg: Message) {
        let mut queue = vec![msg];
        while let Some(msg) = queue.pop() {
            for effect in update(&mut self.model, msg) {
                let (group, body, seen_at) = match effect {
                    Effect::Persist {
                        group,
                        body,
                        seen_at,
                    } => (group, body, seen_at),
                    Effect::CheckSeenAt(text) => {
                        let m = &self.model;
                        let checked =
                            crate::domain::event::parse_moment(&text).and_then(|moment| {
                                crate::app::seen_at_in(
                                    moment,
                                    &m.election,
                                    &m.circonscription.code,
                                    m.bureau.as_ref().map(|b| &b.code),
                                    m.lang,
                                )
                                .map_err(|e| e.message(m.lang))
                            });
                        queue.insert(0, Message::SeenAtChecked(checked));
                        continue;
                    }
                    Effect::LoadSummary => {
                        let data = sample::find("paris-1-2017")
                            .unwrap()
                            .election_data()
                            .unwrap();
                        let bureaux = data
                            .referential
                            .bureaux_of(&self.model.circonscription.code)
                            .cloned()
                            .collect();
                        let names = [(OBSERVER, "Marie".to_owned())].into();
                        let digest = Some("3f9a0c27".repeat(8));
                        let state = self.model.state.clone();
                        let signer = crate::domain::fingerprint::ChainReference::new(
                            3,
                            &[0x3f; 32],
                            &[7; 32],
                        );
                        let summary = super::summary::build(
                            &self.model,
                            &state,
                            bureaux,
                            &names,
                            digest,
                            Some(&signer),
                        );
                        queue.insert(0, Message::SummaryReady(Box::new(summary)));
                        continue;
                    }
                    Effect::CheckMoveTarget(code) => {
                        let data = sample::find("paris-1-2017")
                            .unwrap()
                            .election_data()
                            .unwrap();
                        let bureau = data.referential.bureaux[&code].clone();
                        queue.insert(0, Message::MoveTarget(bureau));
                        continue;
                    }
                    Effect::ExportEvidence(path) => {
                        self.exported.push(path.clone());
                        queue.insert(0, Message::Exported(Ok(path)));
                        continue;
                    }
                    Effect::Switch(place) => {
                        let Message::Switched {
                            circonscription,
                            candidates,
                            bureau,
                            ..
                        } = switched(&place)
                        else {
                            unreachable!()
                        };
                        // What the runtime reads back: every event recorded so far.
                        let state = Box::new(RecordState::fold(&self.log));
                        queue.insert(
                            0,
                            Message::Switched {
                                circonscription,
                                candidates,
                                bureau,
                                state,
                            },
                        );
                        continue;
                    }
                    Effect::LoadHistory(key) => {
                        let lines = super::update::cell_history(&self.model, &self.log, &key);
                        queue.insert(0, Message::HistoryReady(lines));
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
                    // A preference, nothing to answer.
                    Effect::SaveAdvance(_) => continue,
                    Effect::FindPhotos(_) => {
                        let sources = Box::new(self.photo_sources.clone());
                        queue.insert(0, Message::PhotosFound(sources));
                        continue;
                    }
                    Effect::TakePhoto { group, of } => {
                        match self.photo_body(of, "photo-20170611-151000.jpg") {
                            Ok(body) => (group, body, None),
                            Err(answer) => {
                                queue.insert(0, Message::PhotoAnswer { group, answer });
                                continue;
                            }
                        }
                    }
                    Effect::AttachPhoto { group, of, path } => match self.photo_body(of, &path) {
                        Ok(body) => (group, body, None),
                        Err(answer) => {
                            queue.insert(0, Message::PhotoAnswer { group, answer });
                            continue;
                        }
                    },
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
                    recorded_at: DateTime::from_timestamp(self.now, 0).unwrap(),
                    seen_at,
                    body,
                };
                self.log.push(event.clone());
                queue.insert(0, Message::Saved { group, event });
            }
        }
    }

    /// What the runtime records for a photo at `path`: a `.txt` is refused, a path ending in
    /// `/` is a folder (its images are the harness's).
    fn photo_body(
        &mut self,
        of: crate::domain::PhotoSubject,
        path: &str,
    ) -> Result<EventBody, super::message::PhotoAnswer> {
        use super::message::PhotoAnswer;
        if path.ends_with(".txt") {
            return Err(PhotoAnswer::Refused(format!(
                "{path} est refusé comme photo"
            )));
        }
        if path.ends_with('/') {
            let mut sources = self.photo_sources.clone();
            sources.folder = Some(path.to_owned());
            return Err(PhotoAnswer::Folder(Box::new(sources)));
        }
        self.attached.push((of, path.to_owned()));
        let name = path.rsplit('/').next().unwrap_or(path).to_owned();
        let sha: [u8; 32] = <sha2::Sha256 as sha2::Digest>::digest(path.as_bytes()).into();
        Ok(EventBody::Photo {
            circonscription: self.model.circonscription.code.clone(),
            bureau: self.model.bureau.as_ref().unwrap().code.clone(),
            photo: Box::new(crate::domain::Photo {
                of,
                sha256: sha,
                original: [0; 32],
                size: 1234,
                media: crate::domain::MediaType::Jpeg,
                name,
                taken_at: self.taken_at,
            }),
            note: None,
        })
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
                seen_at: None,
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
    assert_eq!(
        msg(KeyCode::Enter),
        None,
        "Enter never changes a mark on the grid"
    );
}

/// `e`, `2`, Tab, `2`, Enter Enter: the household is saved and nothing else; the second Enter
/// used to tick candidate 1's profession de foi (issue 16 point 2).
#[test]
fn a_double_enter_on_a_form_does_not_tick_the_cell_underneath() {
    let mut h = Harness::new(model());
    h.keys("e2");
    h.press(KeyCode::Tab);
    h.keys("2");
    h.press(KeyCode::Enter);
    h.press(KeyCode::Enter);
    assert_eq!(h.model.mode, Mode::Grid);
    assert_eq!(h.mark(0, Item::Foi), Mark::Unchecked, "no tick underneath");
    assert!(
        h.log
            .iter()
            .all(|e| matches!(e.body, EventBody::Envelope { .. })),
        "only the household was recorded: {:?}",
        h.log
    );
    assert_eq!(h.log.len(), 1);
}

#[test]
fn a_tick_is_shown_only_once_its_commit_returned() {
    let mut m = model();
    let effects = update(&mut m, Message::Set(Mark::Present));
    assert_eq!(effects.len(), 1);
    assert_eq!(m.save, SaveStatus::Pending);
    assert_eq!(m.mark(0, Item::Foi), Mark::Unchecked, "shown before saved");
    let Some(Effect::Persist { group, body, .. }) = effects.into_iter().next() else {
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
        seen_at: None,
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
    let said = (h.model.lang.catalog().save_failed)("disque plein");
    assert!(screen(&h.model, 80, 24).contains(&said), "{said}");
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
    assert_eq!(
        (h.model.row, h.model.col),
        (21, 1),
        "the envelope screen has two columns"
    );
    h.keys("2llll");
    assert_eq!(
        (h.model.row, h.model.col),
        (0, 0),
        "the bureau screen has one, and its own cursor"
    );
    h.keys(&"j".repeat(40));
    assert_eq!((h.model.row, h.model.col), (21, 0));
}

#[test]
fn shift_p_marks_the_whole_column_and_u_undoes_it_with_new_events() {
    let mut h = Harness::new(model());
    h.keys("2P");
    assert!(matches!(h.model.mode, Mode::Confirm(_)), "P asks first");
    assert!(h.log.is_empty());
    h.keys("n");
    assert!(h.log.is_empty());
    // An absence seen stays: the column marks the unchecked cells only.
    h.keys("ja");
    assert_eq!(h.log.len(), 1);
    h.keys("P");
    assert!(
        matches!(&h.model.mode, Mode::Confirm(c)
            if c.pending == Pending::MarkColumn(Item::Bureau) && c.question.contains("21")),
        "asks about the 21 cells left: {:?}",
        h.model.mode
    );
    h.keys("o");
    assert_eq!(h.mark(1, Item::Bureau), Mark::Absent);
    assert!(
        (0..22)
            .filter(|r| *r != 1)
            .all(|r| h.mark(r, Item::Bureau) == Mark::Present)
    );
    assert_eq!(h.log.len(), 22);
    h.keys("u");
    assert!(
        (0..22)
            .filter(|r| *r != 1)
            .all(|r| h.mark(r, Item::Bureau) == Mark::Unchecked)
    );
    assert_eq!(h.mark(1, Item::Bureau), Mark::Absent);
    assert_eq!(
        h.log.len(),
        43,
        "undo appends retractions, it deletes nothing"
    );
    assert!(
        h.log[22..]
            .iter()
            .all(|e| matches!(e.body, EventBody::Retract { .. }))
    );
    assert_eq!(
        h.model.flash.as_deref(),
        Some("Annulé\u{a0}: 21 cases de la colonne «\u{a0}Bull. bureau\u{a0}»"),
        "undo says what it undid"
    );
    // Then the absence of candidate 2 is withdrawn; after that there is nothing left to undo.
    h.keys("u");
    assert_eq!(h.mark(1, Item::Bureau), Mark::Unchecked);
    assert_eq!(h.log.len(), 44);
    h.keys("u");
    assert_eq!(h.log.len(), 44, "nothing left to undo records nothing");
    assert_eq!(
        h.model.flash.as_deref(),
        Some(h.model.lang.catalog().nothing_to_undo),
        "says there is nothing to undo"
    );
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
    // One event, the count as typed (the `x` typed in the count field is not a digit).
    assert_eq!(h.log.len(), 1);
    assert!(matches!(
        h.log[0].body,
        EventBody::Envelope {
            voters: 4,
            received: 1,
            ..
        }
    ));
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
    let cat = m.lang.catalog();
    let s = screen(&m, 80, 24);
    assert!(
        s.contains(&format!("✗ {}", cat.mark_absent))
            && s.contains(&format!("✓ {}", cat.mark_present)),
        "{s}"
    );
    let s = screen(&m, 40, 15);
    assert!(s.contains('✗') && s.contains('✓'), "{s}");
}

#[test]
fn the_help_scrolls_to_its_last_line_on_a_phone_screen_and_no_further() {
    let mut h = Harness::new(model());
    h.send(Message::Resize {
        width: 40,
        height: 15,
    });
    h.keys("?");
    // The help's last line ends with this word (taken from the catalogue, not its wording).
    let (_, last_line) = h.model.lang.catalog().help_lines.last().unwrap();
    let last_word = last_line.split_whitespace().last().unwrap();
    assert!(!screen(&h.model, 40, 15).contains(last_word));
    // Scrolling stops: j no longer moves the help once its end is reached.
    let mut scrolls = 0;
    loop {
        let at = h.model.help_scroll;
        h.keys("j");
        if h.model.help_scroll == at {
            break;
        }
        scrolls += 1;
        assert!(scrolls < 100, "the help scrolls on forever");
    }
    assert!(
        scrolls > 0,
        "the help does not fit a phone screen: it scrolls"
    );
    // It stops with the last line at the bottom, just above the frame, not on blank pages.
    let last = screen(&h.model, 40, 15);
    let lines: Vec<&str> = last.lines().collect();
    let border = lines
        .iter()
        .rposition(|l| l.starts_with("\"└"))
        .expect("the help's bottom border");
    assert!(lines[border - 1].contains(last_word), "{last}");
    h.keys("jjjjjjjjjj");
    assert_eq!(screen(&h.model, 40, 15), last);
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
fn mark_x(width: u16, height: u16, kind: Screen, col: usize) -> u16 {
    let screen = ratatui::layout::Rect::new(0, 0, width, height);
    (0..width)
        .find(|x| {
            super::view::layout::grid_target(screen, kind, 0, 22, *x, 4) == Some((0, Some(col)))
        })
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
        // The envelope screen's second column is the ballot in the envelope.
        let x = mark_x(w, h, Screen::Envelope, 1);
        h_.send(Message::Tap { x, y: 4 });
        assert_eq!(h_.mark(0, Item::Courrier), Mark::Present, "{w}x{h}");
        // A tap on the second tab opens the bureau screen.
        let tab_x = w / 2;
        h_.send(Message::Tap { x: tab_x, y: 2 });
        assert_eq!(h_.model.screen, Screen::Bureau, "{w}x{h}");
        let x = mark_x(w, h, Screen::Bureau, 0);
        // The grid's first candidate line is the 5th line of the screen (y = 4).
        h_.send(Message::Tap { x, y: 6 });
        assert_eq!((h_.model.row, h_.model.col), (2, 0), "{w}x{h}");
        assert_eq!(h_.mark(2, Item::Bureau), Mark::Present, "{w}x{h}");
        h_.send(Message::Tap { x, y: 6 });
        assert_eq!(h_.mark(2, Item::Bureau), Mark::Absent, "{w}x{h}");
        h_.send(Message::Tap { x: 6, y: 8 });
        assert_eq!(h_.model.row, 4, "{w}x{h}: a tap on the name selects");
        assert_eq!(
            h_.log.len(),
            3,
            "{w}x{h}: a tap on the name records nothing"
        );
        h_.send(Message::Tap { x, y: 0 });
        assert_eq!(
            h_.log.len(),
            3,
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
    let first_shown = screen.lines().nth(4).unwrap().to_owned();
    h.send(Message::Tap { x: 6, y: 4 });
    let name = h.model.candidates[h.model.row].display_name();
    assert!(
        first_shown.contains(&name[..10]),
        "tapped {name}, first line shown: {first_shown}"
    );
}

#[test]
fn a_too_small_window_says_so_instead_of_drawing_a_broken_grid() {
    let m = model();
    let cat = m.lang.catalog();
    let s = screen(&m, 30, 10);
    // The message may wrap: each of its words is there, and no grid.
    assert!(
        cat.screen_too_small
            .split_whitespace()
            .all(|word| s.contains(word)),
        "{s}"
    );
    assert!(!s.contains(cat.col_candidate), "{s}");
}

#[test]
fn the_real_runtime_commits_before_showing_saved() {
    use crate::storage::Store;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("obs.db");
    let mut store = real_store(&path);
    store
        .set_current_bureau(&crate::domain::BureauCode::parse("75056_0911").unwrap())
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

/// Issue 16 point 8: `v` turns the cursor's move to the next row off, and it stays off in the
/// next session (kept in the database's settings), until `v` again.
#[test]
fn turning_the_cursor_advance_off_is_kept_for_the_next_session() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("obs.db");
    let mut store = real_store(&path);
    let theme = Theme { color: false };
    let mut m = super::runtime::load_model(&store, Lang::Fr, theme).unwrap();
    assert!(m.advance);
    let row = m.row;
    super::runtime::dispatch(&mut m, &mut store, Message::Set(Mark::Absent));
    assert_eq!(m.row, row + 1);
    super::runtime::dispatch(&mut m, &mut store, Message::ToggleAdvance);
    assert!(!m.advance);
    drop(store);
    let mut store = crate::storage::Store::open(&path).unwrap();
    let mut m = super::runtime::load_model(&store, Lang::Fr, theme).unwrap();
    assert!(!m.advance);
    // Off: a mark leaves the cursor on its row.
    let row = m.row;
    super::runtime::dispatch(&mut m, &mut store, Message::Set(Mark::Present));
    assert_eq!(m.row, row);
    assert_eq!(store.events().unwrap().len(), 2);
    super::runtime::dispatch(&mut m, &mut store, Message::ToggleAdvance);
    let m = super::runtime::load_model(&store, Lang::Fr, theme).unwrap();
    assert!(m.advance);
}

/// The snapshots kept beyond 80×24 (every screen has one there, in French): the screens whose
/// layout changes at that size. At 40×15, the phone layout: the compact grids (abbreviated
/// header and columns, no nuance), the summary and the help rewrapped in one column, the
/// picker's short prompt, and the full-width forms (one whose value wraps under its label). At
/// 160×48, the wide header (the circonscription's name, the bureau's address) with the longer key
/// bar, and the help as a window over the grid. The other screens are drawn at those sizes too
/// (a screen that panics or overflows fails), without a snapshot.
const PHONE_SNAPSHOTS: [&str; 8] = [
    "screen_envelope",
    "screen_bureau",
    "screen_summary",
    "screen_help",
    "screen_picker",
    "screen_envelope_form",
    "screen_non_receipt_form",
    "setup_filled",
];
const WIDE_SNAPSHOTS: [&str; 2] = ["screen_envelope", "screen_help"];

/// True when the snapshot `name` (such as `screen_help`) is kept at `w`×`h`.
fn snapshot_kept(name: &str, w: u16, h: u16) -> bool {
    match (w, h) {
        (80, 24) => true,
        (40, 15) => PHONE_SNAPSHOTS.contains(&name),
        (160, 48) => WIDE_SNAPSHOTS.contains(&name),
        _ => false,
    }
}

/// Every screen and overlay, as the reference record shows it, opened through keys as a user
/// would, drawn at phone, laptop and wide sizes; snapshots in French at the sizes of
/// [`snapshot_kept`]. In English each screen is drawn at every size too, and is not the French
/// one (that every message has both languages is checked on the catalogue).
#[test]
fn every_screen_at_every_size() {
    let screens: [(&str, &str); 13] = [
        ("envelope", ""),
        // The household form says 2 envelopes came (Backspace, then 2, then Enter), then the second.
        ("second_envelope", "e\t\u{8}2\n+a"),
        ("bureau", "2"),
        ("summary", "3"),
        ("help", "?"),
        ("picker", "/clauzel"),
        ("envelope_form", "e\t\t06/06/2017\tsous la porte"),
        ("non_receipt_form", "nJean Dupont"),
        ("note_form", "2jcbulletins épuisés à 15h"),
        ("confirm", "2m"),
        ("export_form", "3x"),
        ("cell_history", "2jcréassort à 16 h\ni"),
        ("photo_form", "2jf/sdcard/DCIM/table.jpg"),
    ];
    for (name, keys) in screens {
        let [fr, en] = [Lang::Fr, Lang::En].map(|lang| {
            let mut h = Harness::new(reference_model(lang));
            for c in keys.chars() {
                h.press(match c {
                    '\t' => KeyCode::Tab,
                    '\u{8}' => KeyCode::Backspace,
                    '\n' => KeyCode::Enter,
                    c => KeyCode::Char(c),
                });
            }
            h.model
        });
        let name = format!("screen_{name}");
        for (w, ht) in [(40, 15), (80, 24), (160, 48)] {
            let shown = screen(&fr, w, ht);
            let english = screen(&en, w, ht);
            assert_ne!(shown, english, "{name} {w}x{ht} is not translated");
            if snapshot_kept(&name, w, ht) {
                insta::assert_snapshot!(format!("{name}_{w}x{ht}_fr"), shown);
            }
        }
    }
}

#[test]
fn tab_and_digits_switch_screens_and_each_screen_has_its_own_columns() {
    let mut h = Harness::new(model());
    assert_eq!(h.model.screen, Screen::Envelope);
    assert_eq!(h.model.current_item(), Some(Item::Foi));
    h.press(KeyCode::Tab);
    assert_eq!(h.model.screen, Screen::Bureau);
    assert_eq!(h.model.current_item(), Some(Item::Bureau));
    h.press(KeyCode::Tab);
    assert_eq!(h.model.screen, Screen::Summary);
    assert_eq!(h.model.current_item(), None);
    h.press(KeyCode::BackTab);
    assert_eq!(h.model.screen, Screen::Bureau);
    h.keys("1");
    assert_eq!(h.model.screen, Screen::Envelope);
    // The envelope screen shows no bureau column, the bureau screen no envelope column.
    let cat = h.model.lang.catalog();
    let s = screen(&h.model, 80, 24);
    assert!(
        s.contains(cat.col_foi) && !s.contains(cat.col_bureau),
        "{s}"
    );
    h.keys("2");
    assert_eq!(h.model.current_item(), Some(Item::Bureau));
    let s = screen(&h.model, 80, 24);
    assert!(
        !s.contains(cat.col_foi) && s.contains(cat.col_bureau),
        "{s}"
    );
}

#[test]
fn the_summary_shows_findings_pv_and_digest_and_follows_new_ticks() {
    let mut h = Harness::new(reference_model(Lang::Fr));
    let (cat, j) = (h.model.lang.catalog(), h.model.lang.journey());
    h.keys("3");
    let summary = h.model.summary.clone().expect("asked and received");
    assert!(
        summary.report.contains("LEVAVASSEUR Éric"),
        "{}",
        summary.report
    );
    assert!(
        summary.report.contains(&(cat.finding_missing_both)(7)),
        "{}",
        summary.report
    );
    assert!(
        summary
            .pv
            .as_deref()
            .is_some_and(|p| p.contains("75056_0911"))
    );
    let s = screen(&h.model, 80, 24);
    assert!(s.contains(j.summary_digest), "{s}");
    // The signer's key and chain reference beside the digest (issue 15 point 2).
    let signer = crate::domain::fingerprint::ChainReference::new(3, &[0x3f; 32], &[7; 32]);
    assert!(
        summary.report.contains(&signer.to_string()),
        "{}",
        summary.report
    );
    assert!(
        summary
            .pv
            .as_deref()
            .is_some_and(|p| p.contains(&signer.to_string()))
    );
    // Scrolling moves the text, not the cursor.
    h.keys("jjj");
    assert_eq!(h.model.summary_scroll, 3);
    assert_eq!(h.model.row, 0);
    assert!(
        !summary.report.contains(cat.col_nuance),
        "the table is on the grid screens"
    );
    // A change made elsewhere is in the summary the next time it is shown: once candidate 1's
    // profession de foi is seen, the envelope has it.
    h.keys("1p3");
    let again = h.model.summary.clone().unwrap();
    assert!(
        again.report.contains(&(cat.finding_missing_both)(6)),
        "{}",
        again.report
    );
    assert!(!again.report.contains(&(cat.finding_missing_both)(7)));
}

#[test]
fn a_note_on_a_cell_is_a_new_tick_of_the_same_mark_with_the_note() {
    let mut h = Harness::new(model());
    h.keys("2jp");
    h.keys("cbulletins épuisés à 15h");
    assert!(h.log.len() == 1, "typing the note records nothing yet");
    h.press(KeyCode::Enter);
    assert_eq!(h.log.len(), 2);
    match &h.log[1].body {
        EventBody::Tick {
            item, mark, note, ..
        } => {
            assert_eq!((*item, *mark), (Item::Bureau, Mark::Present));
            assert_eq!(note.as_deref(), Some("bulletins épuisés à 15h"));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(h.mark(1, Item::Bureau), Mark::Present);
    let marker = h.model.lang.journey().note_marker;
    assert!(
        screen(&h.model, 80, 24).contains(marker),
        "a noted cell is marked"
    );
    // Undo takes the note away and keeps the mark.
    h.keys("u");
    assert_eq!(h.mark(1, Item::Bureau), Mark::Present);
    assert!(h.model.observation(1, Item::Bureau).unwrap().note.is_none());
}

#[test]
fn the_bureau_screen_shows_the_time_of_each_check_and_a_recheck_is_a_new_event() {
    let mut h = Harness::new(model());
    h.keys("2p");
    // 1_497_160_000 is 05:46:40 UTC, 7 h 46 in Paris in June.
    let s = screen(&h.model, 80, 24);
    assert!(s.contains("7\u{a0}h\u{a0}46"), "{s}");
    let last_check = (h.model.lang.journey().bureau_last_check)("7\u{a0}h\u{a0}46");
    assert!(s.contains(&last_check), "{s}");
    h.keys(" ");
    h.keys(" ");
    h.keys(" ");
    assert_eq!(h.mark(0, Item::Bureau), Mark::Present);
    assert_eq!(
        h.log.len(),
        4,
        "each check is its own event: nothing is overwritten"
    );
}

#[test]
fn voting_machines_are_marked_after_a_yes_and_n_changes_nothing() {
    let mut h = Harness::new(model());
    let (cat, j) = (h.model.lang.catalog(), h.model.lang.journey());
    h.keys("2m");
    assert!(matches!(h.model.mode, Mode::Confirm(_)));
    h.keys("n");
    assert_eq!(h.model.mode, Mode::Grid);
    assert!(!h.model.voting_machines());
    assert!(h.model.undo.is_empty(), "a no leaves nothing to undo");
    assert_eq!(h.model.flash.as_deref(), Some(j.cancelled));
    assert!(!screen(&h.model, 80, 24).contains(j.bureau_machines));
    h.keys("m");
    h.press(KeyCode::Enter);
    assert!(h.model.voting_machines());
    assert_eq!(h.model.undo.len(), 1);
    assert!(screen(&h.model, 80, 24).contains(j.bureau_machines));
    // The observer's statement is an event (signed, merged, exported), not reference data.
    assert!(matches!(
        h.log.as_slice(),
        [Event {
            body: EventBody::Machines { machines: true, .. },
            ..
        }]
    ));
    // Undo retracts it, and is not undone itself.
    h.keys("u");
    assert!(!h.model.voting_machines());
    assert!(h.model.undo.is_empty());
    assert!(matches!(
        h.log.last().map(|e| &e.body),
        Some(EventBody::Retract { .. })
    ));
    h.keys("u");
    assert!(!h.model.voting_machines());
    assert_eq!(h.model.flash.as_deref(), Some(cat.nothing_to_undo));
    assert_eq!(h.log.len(), 2);
}

#[test]
fn observations_move_to_another_bureau_as_events_and_undo_brings_them_back() {
    let mut h = Harness::new(model());
    h.keys("2pjaj");
    h.press_with(KeyCode::Char('c'), KeyModifiers::NONE);
    h.keys("x");
    h.press(KeyCode::Enter);
    assert_eq!(h.log.len(), 3);
    h.keys("M");
    assert!(
        matches!(&h.model.mode, Mode::Picker(p) if p.purpose == super::forms::PickerPurpose::MoveTo)
    );
    h.keys("0912");
    h.press(KeyCode::Enter);
    let Mode::Confirm(confirm) = &h.model.mode else {
        panic!("a move asks first: {:?}", h.model.mode);
    };
    assert!(confirm.question.contains("75056_0911") && confirm.question.contains("75056_0912"));
    h.keys("o");
    // Three withdrawals and three new ticks: the history is kept.
    let moved = &h.log[3..];
    assert_eq!(
        moved
            .iter()
            .filter(|e| matches!(e.body, EventBody::Retract { .. }))
            .count(),
        3
    );
    assert!(moved.iter().all(|e| match &e.body {
        EventBody::Tick { bureau, .. } => bureau.as_ref().unwrap().as_str() == "75056_0912",
        EventBody::Retract { .. } => true,
        _ => false,
    }));
    assert!((0..3).all(|r| h.mark(r, Item::Bureau) == Mark::Unchecked));
    let at_0912 = |h: &Harness, row: usize| {
        let key = crate::domain::state::CellKey::new(
            h.model.circonscription.code.clone(),
            Some(BureauCode::parse("75056_0912").unwrap()),
            h.model.candidates[row].panel,
            Item::Bureau,
        );
        h.model.state.mark_by(OBSERVER, &key)
    };
    assert_eq!(at_0912(&h, 0), Mark::Present);
    assert_eq!(at_0912(&h, 1), Mark::Absent);
    // Undo: back at 0911 (with the note), gone from 0912.
    h.keys("u");
    assert_eq!(h.mark(0, Item::Bureau), Mark::Present);
    assert_eq!(h.mark(1, Item::Bureau), Mark::Absent);
    assert_eq!(
        h.model
            .observation(2, Item::Bureau)
            .and_then(|o| o.note.clone())
            .as_deref(),
        Some("x")
    );
    assert_eq!(at_0912(&h, 0), Mark::Unchecked);
}

#[test]
fn a_move_to_the_same_bureau_or_with_nothing_to_move_does_nothing() {
    let mut h = Harness::new(model());
    let j = h.model.lang.journey();
    h.keys("2M");
    assert_eq!(h.model.mode, Mode::Grid, "nothing to move: no picker");
    assert_eq!(h.model.flash.as_deref(), Some(j.move_nothing), "says why");
    assert!(h.log.is_empty());
    h.keys("p");
    h.keys("M0911");
    h.press(KeyCode::Enter);
    assert_eq!(h.model.mode, Mode::Grid);
    assert_eq!(h.model.flash.as_deref(), Some(j.move_same_bureau));
    assert_eq!(h.log.len(), 1);
    assert_eq!(h.mark(0, Item::Bureau), Mark::Present, "nothing moved");
    assert_eq!(h.model.undo.len(), 1, "only the tick can be undone");
}

#[test]
fn export_asks_for_a_folder_and_reports_where_it_went() {
    let mut h = Harness::new(reference_model(Lang::Fr));
    h.keys("3x");
    assert!(matches!(&h.model.mode, Mode::Export(f) if f.path == "constat-preuves-7501"));
    for _ in 0.."constat-preuves-7501".len() {
        h.press(KeyCode::Backspace);
    }
    h.press(KeyCode::Enter);
    assert!(
        matches!(&h.model.mode, Mode::Export(f) if f.error.is_some()),
        "empty refused"
    );
    h.keys("/media/usb/preuves");
    h.press(KeyCode::Enter);
    assert_eq!(h.exported, vec!["/media/usb/preuves".to_owned()]);
    assert_eq!(h.model.mode, Mode::Grid);
    assert!(
        h.model
            .flash
            .as_deref()
            .unwrap()
            .contains("/media/usb/preuves")
    );
}

#[test]
fn a_tap_on_the_confirmation_buttons_answers_it() {
    for (w, ht) in [(40, 15), (80, 24), (160, 48)] {
        let mut h = Harness::new(model());
        h.send(Message::Resize {
            width: w,
            height: ht,
        });
        h.keys("2P");
        let screen_rect = ratatui::layout::Rect::new(0, 0, w, ht);
        let [yes, no] = super::view::layout::confirm_buttons(screen_rect);
        let drawn = screen(&h.model, w, ht);
        let line = drawn.lines().nth(usize::from(yes.y)).unwrap();
        let j = h.model.lang.journey();
        assert!(
            line.contains(j.yes) && line.contains(j.no),
            "{w}x{ht}: {line}"
        );
        let msg = super::keymap::message_for_mouse(
            ratatui::crossterm::event::MouseEvent {
                kind: ratatui::crossterm::event::MouseEventKind::Down(
                    ratatui::crossterm::event::MouseButton::Left,
                ),
                column: no.x + 1,
                row: no.y,
                modifiers: KeyModifiers::NONE,
            },
            &h.model,
        );
        assert_eq!(msg, Some(Message::Answer(false)));
        h.send(msg.unwrap());
        assert!(h.log.is_empty());
        h.keys("P");
        h.send(Message::Tap {
            x: yes.x + 1,
            y: yes.y,
        });
        assert_eq!(
            h.log.len(),
            0,
            "a Tap is for the grid; the mouse maps to Answer"
        );
        let msg = super::keymap::message_for_mouse(
            ratatui::crossterm::event::MouseEvent {
                kind: ratatui::crossterm::event::MouseEventKind::Down(
                    ratatui::crossterm::event::MouseButton::Left,
                ),
                column: yes.x + 1,
                row: yes.y,
                modifiers: KeyModifiers::NONE,
            },
            &h.model,
        );
        h.send(msg.unwrap());
        assert_eq!(h.log.len(), 22, "{w}x{ht}");
    }
}

/// The first-run form, as typed by a user, at phone, laptop and wide sizes in both languages:
/// filled in, with the reference-file choice (its path field appears), and refused (no name).
/// The focused field is in sight at every size; snapshots in French at the sizes of
/// [`snapshot_kept`].
#[test]
fn the_first_run_form_at_every_size() {
    use super::setup::{SetupModel, message_for, update};
    let cases = [
        ("setup_filled", "Marie Curie\t06 12 34 56 78\t"),
        ("setup_reference", "Marie\t\t  \t/media/usb/legislatives.db"),
        ("setup_refused", "\n"),
    ];
    for lang in [Lang::Fr, Lang::En] {
        for (name, keys) in cases {
            let mut m = SetupModel::new(
                lang,
                Theme { color: false },
                "/home/marie/.local/share/constat/constat.db".into(),
            );
            for c in keys.chars() {
                let code = match c {
                    '\t' => KeyCode::Tab,
                    '\n' => KeyCode::Enter,
                    c => KeyCode::Char(c),
                };
                if let Some(msg) = message_for(KeyEvent::new(code, KeyModifiers::NONE), &m) {
                    update(&mut m, msg);
                }
            }
            for (w, ht) in [(40, 15), (80, 24), (160, 48)] {
                let mut terminal = Terminal::new(TestBackend::new(w, ht)).unwrap();
                terminal.draw(|f| view::setup::draw(&m, f)).unwrap();
                let shown = terminal.backend().to_string();
                // The focused field is always in sight, whatever the size.
                assert!(shown.contains('▸'), "{name} {w}x{ht}:\n{shown}");
                if lang == Lang::Fr && snapshot_kept(name, w, ht) {
                    insta::assert_snapshot!(format!("{name}_{w}x{ht}_fr"), shown);
                }
            }
        }
    }
}

#[test]
fn the_real_runtime_marks_machines_prepares_the_summary_and_exports() {
    use crate::storage::Store;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("obs.db");
    let mut store = real_store(&path);
    store
        .set_current_bureau(&crate::domain::BureauCode::parse("75056_0911").unwrap())
        .unwrap();
    let mut m = super::runtime::load_model(&store, Lang::Fr, Theme { color: false }).unwrap();
    let press = |m: &mut Model, store: &mut Store, code: KeyCode| {
        if let Some(msg) = message_for(KeyEvent::new(code, KeyModifiers::NONE), m) {
            super::runtime::dispatch(m, store, msg);
        }
    };
    for c in "2mo".chars() {
        press(&mut m, &mut store, KeyCode::Char(c));
    }
    let code = BureauCode::parse("75056_0911").unwrap();
    assert!(
        !store.bureau(&code).unwrap().unwrap().voting_machines,
        "the reference data is left as published"
    );
    assert_eq!(
        store.fold().unwrap().machines_of(&code),
        MachinesView::Machines
    );
    assert!(m.voting_machines());
    press(&mut m, &mut store, KeyCode::Char('u'));
    assert_eq!(
        store.fold().unwrap().machines_of(&code),
        MachinesView::Unsaid
    );
    assert!(!m.voting_machines());
    press(&mut m, &mut store, KeyCode::Char('p'));
    press(&mut m, &mut store, KeyCode::Char('3'));
    let summary = m.summary.clone().expect("the runtime prepared it");
    assert_eq!(summary.digest, store.chain_digest().unwrap());
    assert!(summary.pv.unwrap().contains("75056_0911"));
    press(&mut m, &mut store, KeyCode::Char('x'));
    let Mode::Export(form) = &m.mode else {
        panic!("{:?}", m.mode)
    };
    for _ in 0..form.path.chars().count() {
        press(&mut m, &mut store, KeyCode::Backspace);
    }
    let out = dir.path().join("preuves");
    for c in out.to_str().unwrap().chars() {
        press(&mut m, &mut store, KeyCode::Char(c));
    }
    press(&mut m, &mut store, KeyCode::Enter);
    assert!(out.join("MANIFEST").exists(), "{:?}", m.flash);
    // A second export to the same, now full, folder is refused and says why.
    press(&mut m, &mut store, KeyCode::Char('x'));
    let Mode::Export(form) = &m.mode else {
        panic!("{:?}", m.mode)
    };
    for _ in 0..form.path.chars().count() {
        press(&mut m, &mut store, KeyCode::Backspace);
    }
    for c in out.to_str().unwrap().chars() {
        press(&mut m, &mut store, KeyCode::Char(c));
    }
    press(&mut m, &mut store, KeyCode::Enter);
    // A second export to the same, now full, folder proposes a free one beside it (issue 16
    // point 18); Enter again exports there.
    let proposed = dir.path().join("preuves-2");
    assert!(
        matches!(&m.mode, Mode::Export(f)
            if f.error.is_some() && f.path == proposed.display().to_string()),
        "{:?}",
        m.mode
    );
    press(&mut m, &mut store, KeyCode::Enter);
    assert!(proposed.join("MANIFEST").exists(), "{:?}", m.flash);
    // A folder whose parent does not exist (a USB stick not plugged in) is refused, nothing
    // written, and the form stays open.
    press(&mut m, &mut store, KeyCode::Char('x'));
    let Mode::Export(form) = &m.mode else {
        panic!("{:?}", m.mode)
    };
    for _ in 0..form.path.chars().count() {
        press(&mut m, &mut store, KeyCode::Backspace);
    }
    let unplugged = dir.path().join("usb").join("preuves");
    for c in unplugged.to_str().unwrap().chars() {
        press(&mut m, &mut store, KeyCode::Char(c));
    }
    press(&mut m, &mut store, KeyCode::Enter);
    assert!(
        matches!(&m.mode, Mode::Export(f) if f.error.is_some()),
        "{:?}",
        m.mode
    );
    assert!(!dir.path().join("usb").exists());
}

#[test]
fn a_tap_on_a_form_button_confirms_or_cancels_it() {
    use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
    let tap = |h: &mut Harness, x: u16, y: u16| {
        let event = MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: x,
            row: y,
            modifiers: KeyModifiers::NONE,
        };
        if let Some(msg) = super::keymap::message_for_mouse(event, &h.model) {
            h.send(msg);
        }
    };
    for (w, ht) in [(40, 15), (80, 24), (160, 48)] {
        let mut h = Harness::new(model());
        h.send(Message::Resize {
            width: w,
            height: ht,
        });
        let area = ratatui::layout::Rect::new(0, 0, w, ht);
        h.keys("e4");
        h.press(KeyCode::Tab);
        h.keys("1");
        let [ok, _] = super::view::form_buttons(&h.model, area).unwrap();
        let drawn = screen(&h.model, w, ht);
        let line = drawn.lines().nth(usize::from(ok.y)).unwrap();
        let j = h.model.lang.journey();
        assert!(
            line.contains(j.button_ok) && line.contains(j.button_cancel),
            "{w}x{ht}:\n{drawn}"
        );
        tap(&mut h, ok.x + ok.width / 2, ok.y);
        assert_eq!(h.model.mode, Mode::Grid, "{w}x{ht}");
        assert_eq!(
            h.model.envelope().map(|f| (f.voters, f.received)),
            Some((4, 1))
        );
        h.keys("cvu");
        let [_, cancel] = super::view::form_buttons(&h.model, area).unwrap();
        tap(&mut h, cancel.x + 1, cancel.y);
        assert_eq!(h.model.mode, Mode::Grid, "{w}x{ht}");
        assert_eq!(h.log.len(), 1, "{w}x{ht}: cancel records nothing");
    }
}

#[test]
fn a_move_withdraws_every_live_tick_of_the_cell_so_no_older_mark_comes_back() {
    let mut h = Harness::new(model());
    h.keys("2pa");
    h.keys("M0912");
    h.press(KeyCode::Enter);
    assert!(
        matches!(&h.model.mode, Mode::Confirm(c)
            if matches!(&c.pending, Pending::Move(to) if to.code.as_str() == "75056_0912")
                && c.question.contains('1')),
        "asks about moving the 1 observation: {:?}",
        h.model.mode
    );
    h.keys("o");
    assert_eq!(
        h.mark(0, Item::Bureau),
        Mark::Unchecked,
        "present must not come back"
    );
    // A cell cleared back to "not checked" is not moved.
    let mut h = Harness::new(model());
    h.keys("2p");
    h.press(KeyCode::Backspace);
    h.keys("M");
    assert_eq!(h.model.mode, Mode::Grid, "nothing to move: no picker");
    assert_eq!(
        h.model.flash.as_deref(),
        Some(h.model.lang.journey().move_nothing),
        "says why"
    );
    assert_eq!(h.log.len(), 2, "the tick and its clearing only");
}

#[test]
fn the_move_picker_offers_bureaux_only_and_warns_of_replaced_observations() {
    let mut h = Harness::new(model());
    h.keys("2p");
    h.send(Message::Show(Screen::Bureau));
    // Mark candidate 1 at 0912 first, then come back to 0911.
    h.keys("/0912");
    h.press(KeyCode::Enter);
    h.keys("p/0911");
    h.press(KeyCode::Enter);
    h.keys("M");
    let Mode::Picker(p) = &h.model.mode else {
        panic!("{:?}", h.model.mode)
    };
    assert_eq!(p.total, 23, "the circonscription itself is not offered");
    h.keys("0912");
    h.press(KeyCode::Enter);
    let Mode::Confirm(c) = &h.model.mode else {
        panic!("{:?}", h.model.mode)
    };
    // One observation to move, and it replaces the one already made at 0912.
    let warned = (h.model.lang.journey().ask_move)(1, "75056_0911", "75056_0912", 1);
    assert_eq!(c.question, warned);
    assert_ne!(
        warned,
        (h.model.lang.journey().ask_move)(1, "75056_0911", "75056_0912", 0),
        "the warning is said"
    );
}

#[test]
fn changing_a_mark_drops_the_earlier_note_and_an_unchanged_note_records_nothing() {
    let mut h = Harness::new(model());
    h.keys("2p");
    h.keys("cabc");
    h.press(KeyCode::Enter);
    h.keys("a");
    let o = h.model.observation(0, Item::Bureau).unwrap();
    assert_eq!(
        (o.mark, o.note.as_deref()),
        (Mark::Absent, None),
        "a new observation carries only its own note (issue 13 point 1)"
    );
    h.keys("cabc");
    h.press(KeyCode::Enter);
    let before = h.log.len();
    h.keys("c");
    h.press(KeyCode::Enter);
    assert_eq!(h.log.len(), before, "the same note again is no event");
    // A note on a cell never checked is no check: no time is shown.
    h.keys("jcxyz");
    h.press(KeyCode::Enter);
    assert_eq!(h.model.checked_at(1), None);
    assert!(h.model.checked_at(0).is_some());
}

#[test]
fn a_success_message_waits_for_the_save() {
    let mut h = Harness::new(model());
    h.fail = true;
    let saved = h.model.lang.journey().note_saved;
    h.keys("2cabc");
    h.press(KeyCode::Enter);
    assert_ne!(h.model.flash.as_deref(), Some(saved));
    assert!(matches!(h.model.save, SaveStatus::Failed(_)));
    assert!(h.log.is_empty());
    h.fail = false;
    h.keys("cabc");
    h.press(KeyCode::Enter);
    assert_eq!(h.model.flash.as_deref(), Some(saved));
    assert!(matches!(
        &h.log[..],
        [Event { body: EventBody::Tick { note: Some(n), .. }, .. }] if n == "abc"
    ));
}

#[test]
fn the_summary_scrolls_to_the_end_of_the_pv_on_a_phone() {
    let mut h = Harness::new(reference_model(Lang::Fr));
    h.send(Message::Resize {
        width: 40,
        height: 15,
    });
    h.keys("3G");
    let s = screen(&h.model, 40, 15);
    // The PV's signature line is in view (its first word, so that it may wrap).
    let signature = h.model.lang.catalog().pv.signature;
    let first_word = signature.split_whitespace().next().unwrap();
    assert!(s.contains(first_word.trim_end_matches(':')), "{s}");
    // One more line down stays at the end, and Tab away and back starts at the top again.
    let at = h.model.summary_scroll;
    h.keys("j");
    assert_eq!(h.model.summary_scroll, at);
    h.keys("13");
    assert_eq!(h.model.summary_scroll, 0);
}

#[test]
fn shift_p_without_a_bureau_says_so_instead_of_asking() {
    let mut h = Harness::new(model());
    h.model.bureau = None;
    h.keys("2P");
    assert_eq!(h.model.mode, Mode::Grid);
    assert_eq!(
        h.model.flash.as_deref(),
        Some(h.model.lang.catalog().form_needs_bureau)
    );
    assert!(h.log.is_empty());
}

#[test]
fn up_and_shift_tab_go_back_a_field_and_reopening_keeps_the_envelope_note() {
    let mut h = Harness::new(model());
    h.keys("e");
    h.press(KeyCode::Up);
    assert!(matches!(&h.model.mode, Mode::Envelope(f) if f.focus == 3));
    h.press(KeyCode::BackTab);
    assert!(matches!(&h.model.mode, Mode::Envelope(f) if f.focus == 2));
    h.keys("06/06/2017");
    h.press(KeyCode::BackTab);
    h.keys("1");
    h.press(KeyCode::Tab);
    h.press(KeyCode::Tab);
    h.keys("ouverte");
    h.press(KeyCode::Up);
    h.press(KeyCode::Up);
    h.press(KeyCode::Up);
    h.keys("3");
    h.press(KeyCode::Enter);
    assert_eq!(
        h.model
            .envelope()
            .map(|f| (f.voters, f.received, f.received_on)),
        Some((3, 1, chrono::NaiveDate::from_ymd_opt(2017, 6, 6)))
    );
    h.keys("e");
    assert!(
        matches!(&h.model.mode, Mode::Envelope(f) if f.note == "ouverte" && f.received_on == "06/06/2017")
    );
}

#[test]
fn a_date_that_is_not_one_is_refused_in_the_envelope_form_with_the_focus_on_it() {
    let mut h = Harness::new(model());
    h.keys("e");
    h.keys("4");
    h.press(KeyCode::Tab);
    h.keys("2");
    h.press(KeyCode::Tab);
    h.keys("31/02/2024");
    h.press(KeyCode::Enter);
    let Mode::Envelope(form) = &h.model.mode else {
        panic!("the form stays open: {:?}", h.model.mode)
    };
    assert_eq!(form.focus, 2);
    assert!(form.error.as_deref().unwrap().contains("31/02/2024"));
    assert!(h.model.envelope().is_none(), "nothing recorded");
}

#[test]
fn each_envelope_of_a_household_has_its_own_grid() {
    let mut h = Harness::new(model());
    // Candidate 1's profession de foi: present in the first envelope.
    h.keys("p");
    h.keys("-");
    assert_eq!(h.model.envelope_no, 1, "no envelope before the first");
    h.keys("+");
    assert_eq!(h.model.envelope_no, 2);
    assert_eq!(h.model.mark(0, Item::Foi), Mark::Unchecked, "a new grid");
    h.keys("a");
    assert_eq!(h.model.mark(0, Item::Foi), Mark::Absent);
    // Nothing ticked in a third envelope yet and no count given: no fourth.
    h.keys("+");
    assert_eq!(h.model.envelope_no, 3);
    h.keys("+");
    assert_eq!(h.model.envelope_no, 3);
    assert_eq!(
        h.model.flash,
        Some((h.model.lang.journey().envelope_last)(3, None)),
        "says to tick the third envelope first"
    );
    h.keys("--");
    assert_eq!(h.model.envelope_no, 1);
    assert_eq!(
        h.model.mark(0, Item::Foi),
        Mark::Present,
        "the first kept its mark"
    );
    let saved: Vec<Option<u16>> = h
        .log
        .iter()
        .map(|e| match &e.body {
            EventBody::Tick { envelope, .. } => *envelope,
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(saved, [None, Some(2)], "the second envelope is numbered");
    // Undo withdraws the last tick, in the second envelope, and shows that envelope again.
    h.keys("u");
    assert_eq!(h.model.envelope_no, 2, "what undo changes is in view");
    assert_eq!(h.model.mark(0, Item::Foi), Mark::Unchecked);
}

#[test]
fn a_read_only_file_is_said_in_plain_words_and_a_retry_saves_once_writable() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("obs.db");
    let mut store = real_store(&path);
    let mut m = super::runtime::load_model(&store, Lang::Fr, Theme { color: false }).unwrap();
    store.set_query_only(true).unwrap();
    super::runtime::dispatch(&mut m, &mut store, Message::Set(Mark::Present));
    assert!(
        matches!(&m.save, SaveStatus::Failed(e) if e.contains("lecture seule")),
        "{:?}",
        m.save
    );
    assert_eq!(m.mark(0, Item::Foi), Mark::Unchecked, "not shown as saved");
    assert!(store.events().unwrap().is_empty());
    let failed = (m.lang.catalog().save_failed)("");
    assert!(screen(&m, 80, 24).contains(failed.trim_end()));
    store.set_query_only(false).unwrap();
    super::runtime::dispatch(&mut m, &mut store, Message::Set(Mark::Present));
    assert_eq!(m.save, SaveStatus::Saved);
    assert_eq!(m.mark(0, Item::Foi), Mark::Present);
    assert_eq!(store.events().unwrap().len(), 1);
}

/// A real database of the Paris sample at `path`, owned by the test's observer.
fn real_store(path: &std::path::Path) -> crate::storage::Store {
    let data = sample::find("paris-1-2017")
        .unwrap()
        .election_data()
        .unwrap();
    let observer = crate::storage::LocalObserver {
        id: OBSERVER,
        name: "Marie".into(),
    };
    crate::storage::Store::create(
        path,
        &data,
        &observer,
        DateTime::from_timestamp(0, 0).unwrap(),
    )
    .unwrap()
}

#[test]
fn the_summary_screen_shows_at_once_and_is_prepared_after() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = real_store(&dir.path().join("obs.db"));
    let mut m = super::runtime::load_model(&store, Lang::Fr, Theme { color: false }).unwrap();
    let deferred =
        super::runtime::dispatch_deferring(&mut m, &mut store, Message::Show(Screen::Summary));
    assert!(deferred);
    assert_eq!(m.screen, Screen::Summary);
    assert!(m.summary.is_none());
    let loading = m.lang.journey().summary_loading;
    assert!(screen(&m, 80, 24).contains(loading));
    super::runtime::prepare_summary(&mut m, &mut store);
    assert!(m.summary.is_some());
    assert!(!screen(&m, 80, 24).contains(loading));
    // A key that needs no summary defers nothing.
    assert!(!super::runtime::dispatch_deferring(
        &mut m,
        &mut store,
        Message::Show(Screen::Envelope)
    ));
}

#[test]
fn a_tap_on_the_envelope_header_shows_the_next_envelope_then_the_first() {
    let mut h = Harness::new(model());
    h.send(Message::Resize {
        width: 80,
        height: 24,
    });
    // One envelope: the header is only "Candidat", a tap on it changes nothing.
    let header_y = 3;
    h.send(Message::Tap { x: 6, y: header_y });
    assert_eq!(h.model.envelope_no, 1);
    h.keys("p+a");
    assert_eq!(h.model.envelope_no, 2);
    // Taps go on to a new third envelope, then back to the first, then to the second.
    h.send(Message::Tap { x: 6, y: header_y });
    assert_eq!(h.model.envelope_no, 3);
    h.send(Message::Tap { x: 6, y: header_y });
    assert_eq!(h.model.envelope_no, 1, "past the last, back to the first");
    h.send(Message::Tap { x: 6, y: header_y });
    assert_eq!(h.model.envelope_no, 2);
    let header = format!(
        "{} · {}",
        h.model.lang.catalog().col_candidate,
        (h.model.lang.journey().envelope_shown)(2, 2)
    );
    assert!(
        screen(&h.model, 80, 24).contains(&header),
        "{header}: {}",
        screen(&h.model, 80, 24)
    );
}

#[test]
fn the_household_count_bounds_its_envelopes() {
    let mut h = Harness::new(model());
    h.keys("e2");
    h.press(KeyCode::Tab);
    h.keys("2");
    h.press(KeyCode::Enter);
    h.keys("+p+");
    assert_eq!(
        h.model.envelope_no, 2,
        "no third envelope for a household of two"
    );
    assert_eq!(
        h.model.flash,
        Some((h.model.lang.journey().envelope_last)(2, Some(2))),
        "says the count given"
    );
}

#[test]
fn a_household_without_voters_is_refused_in_words() {
    let mut h = Harness::new(model());
    h.keys("e0");
    h.press(KeyCode::Tab);
    h.keys("1");
    h.press(KeyCode::Enter);
    let Mode::Envelope(form) = &h.model.mode else {
        panic!("the form stays open")
    };
    assert_eq!(
        form.error.as_deref(),
        Some(h.model.lang.journey().envelope_no_voters)
    );
    assert!(h.model.envelope().is_none(), "nothing recorded");
    assert!(h.log.is_empty());
}

#[test]
fn page_keys_move_a_screenful_in_the_grid_and_the_help() {
    let mut h = Harness::new(model());
    h.send(Message::Resize {
        width: 40,
        height: 15,
    });
    let last = h.model.candidates.len() - 1;
    h.press(KeyCode::PageDown);
    assert_eq!(h.model.row, 8, "the 8 candidates a phone shows");
    for _ in 0..3 {
        h.press(KeyCode::PageDown);
    }
    assert_eq!(h.model.row, last, "no further than the last");
    h.press(KeyCode::PageUp);
    assert_eq!(h.model.row, last - 8);
    h.keys("?");
    h.press(KeyCode::PageDown);
    assert_eq!(h.model.help_scroll, 9);
    h.press(KeyCode::PageUp);
    assert_eq!(h.model.help_scroll, 0);
}

/// First run on a coordinator's reference file with the observer's bureau: the database is the
/// slice `init --reference … --bureau …` makes (the bureau's circonscription only, the bureau
/// current), with the qualité the form asked (issue 14 point 2, issue 18 point 1).
#[test]
fn the_first_run_on_a_reference_file_takes_the_bureau_s_slice_and_the_qualite() {
    use crate::domain::appeal::Qualite;
    let dir = tempfile::tempdir().unwrap();
    let national = real_store(&dir.path().join("national.db"));
    let reference = dir.path().join("ref.db");
    crate::app::database::write_reference(&national, &reference).unwrap();
    let choice = super::setup::SetupChoice {
        name: "Paul".into(),
        contact: None,
        source: super::setup::Source::Reference(reference.display().to_string()),
        feminine: None,
        bureau: Some("75056_0911".into()),
        qualite: Some(Qualite::Delegue("Mme Y".into())),
    };
    let store = super::runtime::create(&dir.path().join("obs.db"), &choice, Lang::Fr).unwrap();
    assert_eq!(
        store.current_bureau().unwrap(),
        Some(crate::domain::BureauCode::parse("75056_0911").unwrap())
    );
    assert_eq!(
        store.signer_qualite().unwrap(),
        Some(Qualite::Delegue("Mme Y".into()))
    );
    let data = store.election_data().unwrap();
    assert!(
        data.referential
            .bureaux
            .values()
            .all(|b| b.circonscription.as_ref().map(|c| c.as_str()) == Some("7501")),
        "a slice of the bureau's circonscription"
    );
    // A bureau the file does not hold: refused, nothing created.
    let wrong = super::setup::SetupChoice {
        bureau: Some("75056_9999".into()),
        ..choice
    };
    let target = dir.path().join("other.db");
    assert!(super::runtime::create(&target, &wrong, Lang::Fr).is_err());
    assert!(!target.exists());
}

/// First run on the sample: no bureau is taken for the observer, and leaving the picker says that
/// none is chosen yet instead of keeping the sample's bureau silently (issue 16 point 6).
#[test]
fn the_first_run_chooses_no_bureau_and_leaving_the_picker_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let choice = super::setup::SetupChoice {
        name: "Marie Curie".into(),
        contact: None,
        source: super::setup::Source::Sample("paris-1-2017"),
        feminine: Some(true),
        bureau: None,
        qualite: None,
    };
    let store = super::runtime::create(&dir.path().join("obs.db"), &choice, Lang::Fr).unwrap();
    assert_eq!(store.current_bureau().unwrap(), None);
    assert_eq!(
        store.observer_feminine().unwrap(),
        Some(true),
        "kept as said"
    );

    let mut h = Harness::new(model());
    h.model.bureau = None;
    h.send(Message::OpenPicker);
    h.press(KeyCode::Esc);
    assert_eq!(h.model.mode, Mode::Grid);
    assert!(h.model.bureau.is_none());
    assert_eq!(
        h.model.flash.as_deref(),
        Some(h.model.lang.journey().picker_no_bureau_yet)
    );
}

// ---- Issue 16: election day, for real ----

/// The bureau screen of a fresh model whose cursor moves on after `p` and `a` (the default).
fn advancing() -> Harness {
    let mut m = model();
    m.advance = true;
    Harness::new(m)
}

/// Point 1: a paste is one message, inserted at once and cut at the note's limit with a word
/// saying so; the form shows a counter and never covers the message line; Enter records the
/// note once and does not touch the mark after.
#[test]
fn a_pasted_long_note_is_one_event_limited_visibly_and_the_form_stays_above_the_message_line() {
    use crate::domain::merge::MAX_NOTE;
    let mut h = Harness::new(model());
    h.keys("2a");
    assert_eq!(h.mark(0, Item::Bureau), Mark::Absent);
    h.keys("c");
    let long = "é".repeat(3000);
    assert_eq!(
        super::keymap::message_for_paste(long.clone(), &h.model),
        Some(Message::Paste(long.clone())),
        "a paste in a form is one message"
    );
    h.send(Message::Paste(long));
    let Mode::Note(form) = &h.model.mode else {
        panic!("the note form stays open: {:?}", h.model.mode)
    };
    assert_eq!(form.text.chars().count(), MAX_NOTE, "cut at the limit");
    let error = form.error.clone().unwrap();
    assert!(error.contains("1000") && error.contains("2000"), "{error}");
    for (w, hgt) in [(80, 24), (40, 15)] {
        let shown = screen(&h.model, w, hgt);
        assert!(shown.contains("1000/1000"), "the counter:\n{shown}");
        let last = shown.lines().last().unwrap();
        assert!(
            !last.contains('│') && !last.contains('┘'),
            "the form never covers the message line at {w}×{hgt}:\n{shown}"
        );
    }
    h.press(KeyCode::Enter);
    assert_eq!(h.model.mode, Mode::Grid);
    assert_eq!(h.log.len(), 2, "one tick, one note");
    assert!(matches!(
        &h.log[1].body,
        EventBody::Tick { mark: Mark::Absent, note: Some(n), .. } if n.chars().count() == MAX_NOTE
    ));
    h.press(KeyCode::Enter);
    h.press(KeyCode::Enter);
    assert_eq!(h.log.len(), 2, "Enter on the grid records nothing");
    assert_eq!(h.mark(0, Item::Bureau), Mark::Absent);
    // Outside a form a paste means nothing (it must not become keys on the grid).
    assert_eq!(
        super::keymap::message_for_paste("pppp".into(), &h.model),
        None
    );
}

#[test]
fn a_pasted_note_with_line_breaks_is_one_line_and_fits_below_the_limit() {
    let mut h = Harness::new(model());
    h.keys("c");
    h.send(Message::Paste("bulletins\népuisés\r\nà 15 h".into()));
    let Mode::Note(form) = &h.model.mode else {
        panic!()
    };
    assert_eq!(form.text, "bulletins épuisés  à 15 h");
    assert_eq!(form.error, None);
}

/// Point 8: `p` and `a` go on to the next candidate once saved; `v` turns it off; the last row
/// stays the last.
#[test]
fn p_and_a_move_the_cursor_to_the_next_row_and_v_turns_it_off() {
    let mut h = advancing();
    h.keys("pap");
    assert_eq!(h.model.row, 3);
    assert_eq!(
        [
            h.mark(0, Item::Foi),
            h.mark(1, Item::Foi),
            h.mark(2, Item::Foi)
        ],
        [Mark::Present, Mark::Absent, Mark::Present]
    );
    // 44 envelope ticks: 22 presses per column.
    h.keys("g");
    h.keys(&"p".repeat(22));
    assert_eq!(h.model.row, 21, "the last row stays the last");
    assert!((0..22).all(|r| h.mark(r, Item::Foi) == Mark::Present));
    h.keys("v");
    h.keys("ga");
    assert_eq!(h.model.row, 0, "turned off");
    assert_eq!(h.mark(0, Item::Foi), Mark::Absent);
    // A failed save keeps the cursor on the cell, to retry.
    h.keys("v");
    h.fail = true;
    h.keys("j");
    h.keys("a");
    assert_eq!(h.model.row, 1);
}

/// Point 8: each screen has its own cursor.
#[test]
fn each_screen_keeps_its_own_cursor_row() {
    let mut h = Harness::new(model());
    h.keys("jjj");
    h.keys("2");
    assert_eq!(h.model.row, 0, "the bureau screen's own cursor");
    h.keys("jjp");
    assert_eq!(h.mark(2, Item::Bureau), Mark::Present);
    h.keys("1");
    assert_eq!(h.model.row, 3, "back on candidate 4");
    h.keys("p");
    assert_eq!(h.mark(3, Item::Foi), Mark::Present);
    h.press(KeyCode::Tab);
    assert_eq!(h.model.row, 2);
}

/// Point 7: every grid screen says how many rows follow and how many cells are checked.
#[test]
fn every_grid_screen_says_how_many_rows_follow_and_how_many_cells_are_checked() {
    let mut h = Harness::new(model());
    let s = screen(&h.model, 80, 24);
    // The status line takes one row: 17 candidates of 22 at 80×24.
    assert!(s.contains("↓\u{a0}5 de plus"), "{s}");
    assert!(s.contains("foi 0/22 · courrier 0/22"), "{s}");
    let s = screen(&h.model, 40, 15);
    assert!(s.contains("↓\u{a0}14 de plus"), "{s}");
    h.keys("G");
    let s = screen(&h.model, 80, 24);
    assert!(s.contains("↑\u{a0}5 au-dessus"), "{s}");
    assert!(!s.contains("de plus"), "{s}");
    h.keys("P");
    h.send(Message::Answer(true));
    let s = screen(&h.model, 80, 24);
    assert!(s.contains("foi 22/22 · courrier 0/22"), "{s}");
    h.keys("lP");
    h.send(Message::Answer(true));
    assert!(screen(&h.model, 80, 24).contains("tous vérifiés"));
    h.keys("2");
    let s = screen(&h.model, 80, 24);
    assert!(s.contains("bureau 0/22"), "{s}");
}

/// Point 9: undo says what it undid.
#[test]
fn undo_says_what_it_undid() {
    let mut h = Harness::new(model());
    h.keys("2jjjjjjja");
    h.keys("u");
    assert_eq!(
        h.model.flash.as_deref(),
        Some("Annulé\u{a0}: n°\u{a0}8 bulletin (bureau) absent → non vérifié")
    );
    h.keys("pau");
    assert_eq!(
        h.model.flash.as_deref(),
        Some("Annulé\u{a0}: n°\u{a0}8 bulletin (bureau) absent → présent")
    );
}

/// Point 9: undoing a record that is not a cell (the household's envelope count) names it, as
/// plain mode does, instead of "the last change".
#[test]
fn undo_names_a_household_count_it_undid() {
    let mut h = Harness::new(model());
    h.keys("e4");
    h.press(KeyCode::Tab);
    h.keys("1");
    h.press(KeyCode::Enter);
    assert!(
        h.log.iter().any(|e| matches!(
            e.body,
            EventBody::Envelope {
                voters: 4,
                received: 1,
                ..
            }
        )),
        "{:?}",
        h.log
    );
    h.keys("u");
    assert_eq!(
        h.model.flash.as_deref(),
        Some("Annulé\u{a0}: le décompte des enveloppes du foyer (4 électeurs, 1 reçue)")
    );
}

/// Point 9: the undo stack is rebuilt from the observer's own events after a restart, newest
/// first, and undoing something of an earlier session asks first.
#[test]
fn undo_works_across_a_restart_and_asks_before_undoing_an_earlier_session() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("obs.db");
    let mut store = real_store(&path);
    let mut m = super::runtime::load_model(&store, Lang::Fr, Theme { color: false }).unwrap();
    for msg in [
        Message::Set(Mark::Present),
        Message::Set(Mark::Absent),
        Message::Move(super::message::Direction::Top),
        Message::Set(Mark::Absent),
    ] {
        super::runtime::dispatch(&mut m, &mut store, msg);
    }
    assert_eq!(m.mark(0, Item::Foi), Mark::Absent);
    drop(m);
    // A restart.
    let mut m = super::runtime::load_model(&store, Lang::Fr, Theme { color: false }).unwrap();
    assert_eq!(m.undo.len(), 3);
    super::runtime::dispatch(&mut m, &mut store, Message::Undo);
    let Mode::Confirm(confirm) = &m.mode else {
        panic!("asks first: {:?}", m.mode)
    };
    assert!(
        confirm
            .question
            .contains("n°\u{a0}1 profession de foi absent → présent"),
        "{}",
        confirm.question
    );
    super::runtime::dispatch(&mut m, &mut store, Message::Answer(false));
    assert_eq!(m.mark(0, Item::Foi), Mark::Absent, "no: nothing undone");
    assert_eq!(m.undo.len(), 3);
    super::runtime::dispatch(&mut m, &mut store, Message::Undo);
    super::runtime::dispatch(&mut m, &mut store, Message::Answer(true));
    assert_eq!(m.mark(0, Item::Foi), Mark::Present, "the newest first");
    assert_eq!(m.mark(1, Item::Foi), Mark::Absent);
    assert_eq!(m.undo.len(), 2);
    super::runtime::dispatch(&mut m, &mut store, Message::Undo);
    super::runtime::dispatch(&mut m, &mut store, Message::Answer(true));
    assert_eq!(m.mark(1, Item::Foi), Mark::Unchecked);
    assert!(matches!(
        store.events().unwrap().last().map(|e| &e.body),
        Some(EventBody::Retract { .. })
    ));
}

/// Point 10: a cell's history, from the events, with local times and notes; the note of the
/// cell under the cursor is readable on the grid.
#[test]
fn a_cells_history_shows_every_observation_with_its_local_time_and_note() {
    let mut h = Harness::new(model());
    // 13:00 UTC is 15 h 00 in Paris in June.
    h.now = 1_497_186_000;
    h.keys("2a");
    h.keys("c");
    h.send(Message::Paste("bulletins épuisés".into()));
    h.press(KeyCode::Enter);
    h.now += 3600;
    h.keys("p");
    h.keys("c");
    for _ in 0.."bulletins épuisés".chars().count() {
        h.press(KeyCode::Backspace);
    }
    h.send(Message::Paste("réassort".into()));
    h.press(KeyCode::Enter);
    let grid = screen(&h.model, 80, 24);
    assert!(grid.contains("✎ réassort"), "the note is readable:\n{grid}");
    h.keys("i");
    let Mode::History(history) = &h.model.mode else {
        panic!("{:?}", h.model.mode)
    };
    let lines = history.lines.as_ref().unwrap();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[1].note.as_deref(), Some("bulletins épuisés"));
    let shown = screen(&h.model, 80, 24);
    assert!(
        shown.contains("✗ 15\u{a0}h\u{a0}00 absent · bulletins épuisés"),
        "{shown}"
    );
    assert!(
        shown.contains("✓ 16\u{a0}h\u{a0}00 présent · réassort"),
        "{shown}"
    );
    assert!(shown.contains("Historique"), "{shown}");
    insta::assert_snapshot!("screen_history_80x24_fr", shown);
    h.press(KeyCode::Esc);
    assert_eq!(h.model.mode, Mode::Grid);
    // A tap on the selected candidate's name opens it too.
    let (x, y) = (6, layout_row(&h.model, 0));
    h.send(Message::Tap { x, y });
    assert!(
        matches!(h.model.mode, Mode::History(_)),
        "{:?}",
        h.model.mode
    );
}

/// The screen line of candidate `row` (the grid not scrolled).
fn layout_row(model: &Model, row: usize) -> u16 {
    let area = ratatui::layout::Rect::new(0, 0, model.size.0, model.size.1);
    view::layout::table(area).y + 1 + u16::try_from(row).unwrap()
}

/// Point 12: what another writer commits (the command line, a merge) is taken in, and a key that
/// would record something right after is not applied.
#[test]
fn the_open_interface_takes_in_another_writers_ticks() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("obs.db");
    let mut store = real_store(&path);
    let mut m = super::runtime::load_model(&store, Lang::Fr, Theme { color: false }).unwrap();
    let mut version = None;
    assert!(!super::runtime::take_outside_changes(
        &mut m,
        &mut store,
        &mut version
    ));
    // Our own commit is not someone else's.
    super::runtime::dispatch(&mut m, &mut store, Message::Set(Mark::Present));
    assert!(!super::runtime::take_outside_changes(
        &mut m,
        &mut store,
        &mut version
    ));
    // The command line, in another connection, ticks candidate 2.
    let mut other = crate::storage::Store::open(&path).unwrap();
    let body = m
        .sheet()
        .tick(
            m.candidates[1].panel,
            Item::Foi,
            Mark::Absent,
            crate::domain::session::NoteChange::Keep,
        )
        .unwrap()
        .unwrap();
    crate::app::append(&mut other, body).unwrap();
    assert_eq!(m.mark(1, Item::Foi), Mark::Unchecked);
    assert!(super::runtime::take_outside_changes(
        &mut m,
        &mut store,
        &mut version
    ));
    assert_eq!(m.mark(1, Item::Foi), Mark::Absent, "shown");
    assert!(m.flash.as_deref().unwrap().contains("Mis à jour"));
    assert!(!super::runtime::take_outside_changes(
        &mut m,
        &mut store,
        &mut version
    ));
    assert!(super::update::records(&Message::Cycle));
    assert!(!super::update::records(&Message::Move(
        super::message::Direction::Down
    )));
}

/// Point 16: Ctrl-C in a form with typed text asks before dropping it.
#[test]
fn ctrl_c_in_a_form_asks_before_dropping_a_half_typed_note() {
    let mut h = Harness::new(model());
    h.keys("c");
    h.press_with(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert!(h.model.quit, "nothing typed: leaves at once");
    let mut h = Harness::new(model());
    h.keys("cbulletins");
    h.press_with(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert!(!h.model.quit);
    assert!(matches!(h.model.mode, Mode::Confirm(_)));
    h.keys("n");
    let Mode::Note(form) = &h.model.mode else {
        panic!("no: back to the note: {:?}", h.model.mode)
    };
    assert_eq!(form.text, "bulletins");
    h.press_with(KeyCode::Char('c'), KeyModifiers::CONTROL);
    h.keys("o");
    assert!(h.model.quit);
}

/// Point 11: on a phone (40×15) the hint line holds note, undo, help and quit as buttons a tap
/// reaches; the columns are titled with words; the picker keeps the matched street in view; a
/// long message is not cut.
#[test]
fn a_phone_screen_has_words_buttons_and_whole_messages() {
    let mut h = Harness::new(model());
    h.send(Message::Resize {
        width: 40,
        height: 15,
    });
    let s = screen(&h.model, 40, 15);
    let header = s.lines().nth(3).unwrap();
    assert!(header.contains("foi") && header.contains("courrier"), "{s}");
    let last = s.lines().last().unwrap();
    assert!(last.contains("c note") && last.contains("u annuler"), "{s}");
    h.keys("2");
    let s = screen(&h.model, 40, 15);
    let header = s.lines().nth(3).unwrap();
    assert!(
        header.contains("bulletin") && header.contains("heure"),
        "{s}"
    );
    assert!(!s.contains("Bur ") && !s.contains(" À "), "{s}");
    // A tap on "c note" opens the note form of the cell under the cursor; on "u annuler", undo.
    h.keys("p");
    let [note, undo, ..] =
        view::layout::phone_buttons(ratatui::layout::Rect::new(0, 0, 40, 15)).unwrap();
    h.send(Message::Tap {
        x: note.x + 1,
        y: note.y,
    });
    assert!(matches!(h.model.mode, Mode::Note(_)), "{:?}", h.model.mode);
    h.press(KeyCode::Esc);
    h.send(Message::Tap {
        x: undo.x + 1,
        y: undo.y,
    });
    assert_eq!(h.mark(0, Item::Bureau), Mark::Unchecked, "undone by a tap");
    // A long message takes the lines above the hint instead of being cut.
    h.keys("P");
    h.send(Message::Answer(true));
    let s = screen(&h.model, 40, 15);
    let flat: String = s
        .lines()
        .map(|l| l.trim_matches('"').trim_end())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        flat.contains("Colonne «\u{a0}Bull. bureau\u{a0}» marquée présente"),
        "{s}"
    );
    // The picker keeps the street that matched in view.
    h.keys("/");
    h.send(Message::Paste("clauzel".into()));
    let s = screen(&h.model, 40, 15);
    assert!(s.to_lowercase().contains("clauzel"), "{s}");
    insta::assert_snapshot!("screen_picker_clauzel_40x15_fr", s);
}

#[test]
fn keep_match_cuts_the_middle_of_a_long_row_to_show_the_match() {
    let text = "75056_0911 · École élémentaire, 12 rue Clauzel, Paris";
    let shown = super::view::keep_match_for_tests(text, "clauzel", 30);
    assert!(shown.chars().count() <= 30, "{shown}");
    assert!(shown.contains("Clauzel"), "{shown}");
    assert!(shown.starts_with("75056"), "{shown}");
    let early = super::view::keep_match_for_tests(text, "0911", 30);
    assert!(
        early.chars().count() <= 30 && early.contains("0911"),
        "{early}"
    );
}

/// Point 17: on every French screen snapshot, no wrapped line starts with a colon, a closing
/// guillemet or a question mark (no-break spaces hold them to their word), no time is written
/// "07:46", and none of the words kept for the annex and the docs appears.
#[test]
fn french_screens_keep_punctuation_with_its_word_and_speak_plainly() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/tui/snapshots");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.ends_with("_fr.snap") {
            continue;
        }
        seen += 1;
        let text = std::fs::read_to_string(&path).unwrap();
        for line in text.lines().filter(|l| l.starts_with('"')) {
            let inner = line
                .trim_matches('"')
                .trim_matches(|c| c == '│' || c == ' ');
            assert!(
                !inner.starts_with([':', '»', '?', ';', '!']),
                "{name}: a line starts with punctuation: {line}"
            );
            for word in ["Base ", "UTC", "Wilson", "tête de chaîne"] {
                assert!(!line.contains(word), "{name}: {word} on a screen: {line}");
            }
            let clock = regex_like_clock(line);
            assert!(!clock, "{name}: a time written with a colon: {line}");
        }
    }
    assert!(seen > 20, "the French snapshots are read");
}

/// True when `line` holds a time written "07:46".
fn regex_like_clock(line: &str) -> bool {
    let c: Vec<char> = line.chars().collect();
    c.windows(5).any(|w| {
        w[0].is_ascii_digit()
            && w[1].is_ascii_digit()
            && w[2] == ':'
            && w[3].is_ascii_digit()
            && w[4].is_ascii_digit()
    })
}

/// A record typed in later (issue 13 point 6): `t` sets the moment the next observations were
/// seen, in the bureau's legal time; every tick then carries it, a withdrawal does not, and an
/// empty field goes back to "when typed".
#[test]
fn t_dates_the_next_observations_and_an_empty_field_goes_back_to_now() {
    let mut h = Harness::new(model());
    h.keys("t");
    assert!(matches!(h.model.mode, Mode::SeenAt(_)));
    h.keys("25:99");
    h.press(KeyCode::Enter);
    assert!(
        matches!(&h.model.mode, Mode::SeenAt(f) if f.error.is_some()),
        "an impossible time is refused in the form"
    );
    for _ in 0..5 {
        h.press(KeyCode::Backspace);
    }
    h.keys("15 h 10");
    h.press(KeyCode::Enter);
    assert_eq!(h.model.mode, Mode::Grid);
    // 11 June 2017, 15:10 in Paris (summer time) is 13:10 UTC.
    let expected = DateTime::parse_from_rfc3339("2017-06-11T13:10:00Z")
        .unwrap()
        .to_utc();
    assert_eq!(h.model.seen_at, Some(expected));
    assert!(screen(&h.model, 80, 24).contains("15 h 10"));
    h.keys("a");
    assert_eq!(h.log.last().and_then(|e| e.seen_at), Some(expected));
    h.keys("u");
    assert!(matches!(
        h.log.last().map(|e| &e.body),
        Some(EventBody::Retract { .. })
    ));
    assert_eq!(
        h.log.last().and_then(|e| e.seen_at),
        None,
        "a withdrawal is no observation"
    );
    h.keys("t");
    for _ in 0..20 {
        h.press(KeyCode::Backspace);
    }
    h.press(KeyCode::Enter);
    assert_eq!(h.model.seen_at, None);
    h.keys("p");
    assert_eq!(h.log.last().and_then(|e| e.seen_at), None);
}

/// Issue 16 point 4 in the interface: a count no household has is refused in the form; more
/// envelopes than voters is asked first, "no" gives the form back as typed, "yes" records it.
#[test]
fn implausible_household_counts_are_refused_or_asked_first() {
    let mut h = Harness::new(model());
    h.keys("e200");
    h.press(KeyCode::Tab);
    h.keys("1");
    h.press(KeyCode::Enter);
    assert!(
        matches!(&h.model.mode, Mode::Envelope(f) if f.error.is_some() && f.focus == 0),
        "200 voters at one address is refused, the cursor on the voters"
    );
    assert!(h.log.is_empty());
    h.press(KeyCode::Esc);
    h.keys("e4");
    h.press(KeyCode::Tab);
    h.keys("9");
    h.press(KeyCode::Enter);
    assert!(matches!(
        &h.model.mode,
        Mode::Confirm(c) if matches!(c.pending, Pending::MoreEnvelopes { .. })
    ));
    h.keys("n");
    assert!(
        matches!(&h.model.mode, Mode::Envelope(f) if f.voters == "4" && f.received == "9"),
        "no: back to the form as typed"
    );
    assert!(h.log.is_empty());
    h.press(KeyCode::Enter);
    h.keys("o");
    assert_eq!(h.model.mode, Mode::Grid);
    assert!(matches!(
        h.log.as_slice(),
        [Event {
            body: EventBody::Envelope {
                voters: 4,
                received: 9,
                ..
            },
            ..
        }]
    ));
}

/// Issue 16 point 5 in the interface: the same mark again on the bureau's table is a re-check,
/// recorded as a new observation and said as such once saved.
#[test]
fn the_same_mark_again_on_the_table_is_a_recorded_re_check() {
    let mut h = Harness::new(model());
    h.keys("2");
    h.model.advance = false;
    h.keys("a");
    assert_eq!(h.log.len(), 1);
    assert!(!h.model.flash.as_deref().unwrap_or("").contains("Revérifié"));
    h.now += 600;
    h.keys("a");
    assert_eq!(h.log.len(), 2, "a re-check is its own event");
    assert!(
        h.model.flash.as_deref().unwrap_or("").contains("Revérifié"),
        "{:?}",
        h.model.flash
    );
}

/// The summary's réclamation is the one `constat pv` prints: with the qualité given at `init`
/// and « Je soussignée » for an observer who said she is an observatrice (issue 16 point 17).
#[test]
fn the_summary_s_reclamation_is_signed_as_the_observer_said() {
    use crate::storage::Store;
    let dir = tempfile::tempdir().unwrap();
    let mut store = real_store(&dir.path().join("obs.db"));
    store
        .set_current_bureau(&BureauCode::parse("75056_0911").unwrap())
        .unwrap();
    store
        .set_signer_qualite(&crate::domain::appeal::Qualite::Electeur)
        .unwrap();
    store.set_observer_feminine(true).unwrap();
    let mut m = super::runtime::load_model(&store, Lang::Fr, Theme { color: false }).unwrap();
    // Seen on the 2017 election day: a fact typed now, years later, is no fact of the day
    // (issue 13.6) and would make no réclamation.
    m.seen_at =
        Some(chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2017, 6, 11, 9, 0, 0).unwrap());
    let press = |m: &mut Model, store: &mut Store, c: char| {
        let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        if let Some(msg) = message_for(key, m) {
            super::runtime::dispatch(m, store, msg);
        }
    };
    for c in "2a3".chars() {
        press(&mut m, &mut store, c);
    }
    let pv = m.summary.clone().and_then(|s| s.pv).expect("a réclamation");
    assert!(pv.contains("Je soussignée Marie"), "{pv}");
    let expected =
        crate::app::pv::reclamation_of(&store, &BureauCode::parse("75056_0911").unwrap(), Lang::Fr)
            .unwrap()
            .unwrap();
    let intro = |t: &str| {
        t.lines()
            .find(|l| l.contains("soussign"))
            .map(str::to_owned)
    };
    assert_eq!(
        intro(&pv),
        intro(&expected),
        "the same signer's line as `constat pv`"
    );
}

/// The photos of the model's state (the observer's live photo events).
fn photo_events(h: &Harness) -> Vec<(crate::domain::PhotoSubject, String)> {
    h.log
        .iter()
        .filter(|e| h.model.state.is_live(e.id))
        .filter_map(|e| match &e.body {
            EventBody::Photo { photo, .. } => Some((photo.of, photo.name.clone())),
            _ => None,
        })
        .collect()
}

fn panel(n: u16) -> crate::domain::Panel {
    crate::domain::Panel::new(n).unwrap()
}

/// Issue 19 point 1: `f` opens the photo form on the cell under the cursor; the runtime is
/// asked for the recent images; a typed path is attached through an effect, the form closes
/// only once saved, the flash names the file, the grid marks the cell, `u` withdraws it.
#[test]
fn f_opens_the_photo_form_and_a_typed_path_is_attached_to_the_cell() {
    let mut h = Harness::new(model());
    h.keys("jj");
    let effects = update(&mut h.model, Message::OpenPhoto);
    assert_eq!(effects, vec![Effect::FindPhotos(None)]);
    let Mode::Photo(form) = &h.model.mode else {
        panic!("{:?}", h.model.mode)
    };
    assert_eq!(
        form.targets,
        vec![
            super::forms::PhotoTarget::Cell {
                row: 2,
                item: Item::Foi
            },
            super::forms::PhotoTarget::Household
        ]
    );
    h.press(KeyCode::Esc);
    assert_eq!(h.model.mode, Mode::Grid);
    // Through the key: typed, then pasted (a path with spaces).
    h.keys("f");
    assert!(matches!(&h.model.mode, Mode::Photo(f) if f.sources.is_some()));
    h.keys("/sdcard/");
    h.send(Message::Paste("DCIM/table du bureau.jpg".into()));
    let panel3 = h.model.candidates[2].panel;
    // Enter asks the runtime; the effect names the cell and the path as typed.
    let mut probe = h.model.clone();
    assert_eq!(
        update(&mut probe, Message::Submit),
        vec![Effect::AttachPhoto {
            group: h.model.next_group,
            of: crate::domain::PhotoSubject::Cell {
                panel: panel3,
                item: Item::Foi
            },
            path: "/sdcard/DCIM/table du bureau.jpg".into()
        }]
    );
    assert!(
        matches!(&probe.mode, Mode::Photo(f) if f.group.is_some()),
        "open until saved"
    );
    assert_eq!(probe.save, SaveStatus::Pending);
    h.press(KeyCode::Enter);
    assert_eq!(h.model.mode, Mode::Grid);
    assert_eq!(h.model.save, SaveStatus::Saved);
    assert_eq!(
        photo_events(&h),
        vec![(
            crate::domain::PhotoSubject::Cell {
                panel: panel3,
                item: Item::Foi
            },
            "table du bureau.jpg".into()
        )]
    );
    assert!(
        h.model
            .flash
            .as_deref()
            .is_some_and(|f| f.starts_with("Photo jointe\u{a0}: table du bureau.jpg (sha256 ")),
        "{:?}",
        h.model.flash
    );
    assert_eq!(h.model.photos_of_cell(2, Item::Foi).count(), 1);
    assert_eq!(h.model.photos_of_cell(2, Item::Courrier).count(), 0);
    assert_eq!(h.model.photos_of_cell(1, Item::Foi).count(), 0);
    h.model.flash = None;
    let grid = screen(&h.model, 80, 24);
    assert!(grid.contains("⊡ 1 photo (i\u{a0}: historique)"), "{grid}");
    insta::assert_snapshot!("screen_photo_mark_80x24_fr", grid);
    // At 40×15 the mark fits the narrow column.
    let phone = screen(&h.model, 40, 15);
    assert!(phone.contains("⊡"), "{phone}");
    // Undo withdraws the photo.
    h.keys("u");
    assert!(photo_events(&h).is_empty());
    assert_eq!(h.model.photos_of_cell(2, Item::Foi).count(), 0);
}

/// Tab gives the other subject: the household on the envelope screen, the bureau on the bureau
/// screen; a photo needs a bureau; the summary has no photo key.
#[test]
fn tab_attaches_to_the_household_or_the_bureau_and_a_bureau_is_needed() {
    use crate::domain::PhotoSubject;
    let mut h = Harness::new(model());
    h.keys("f");
    h.press(KeyCode::Tab);
    h.keys("~/enveloppes.heic");
    h.press(KeyCode::Enter);
    h.keys("2f");
    h.press(KeyCode::Tab);
    h.keys("/tmp/table.jpg");
    h.press(KeyCode::Enter);
    h.keys("f/tmp/pile.jpg");
    h.press(KeyCode::Enter);
    assert_eq!(
        h.attached,
        vec![
            (PhotoSubject::Household, "~/enveloppes.heic".into()),
            (PhotoSubject::Bureau, "/tmp/table.jpg".into()),
            (
                PhotoSubject::Cell {
                    panel: panel(1),
                    item: Item::Bureau
                },
                "/tmp/pile.jpg".into()
            ),
        ]
    );
    h.keys("3");
    assert_eq!(update(&mut h.model, Message::OpenPhoto), vec![]);
    assert_eq!(h.model.mode, Mode::Grid);
    let mut h = Harness::new(model());
    h.model.bureau = None;
    h.keys("f");
    assert_eq!(h.model.mode, Mode::Grid);
    assert_eq!(
        h.model.flash.as_deref(),
        Some(h.model.lang.catalog().form_needs_bureau)
    );
}

/// The folder's recent images: ↓ highlights the newest, Enter attaches it, ↑ goes back to the
/// typed path; typing drops the highlight. A refusal keeps the form open with why, nothing in
/// flight; an empty path says what to do; a folder typed lists its images and is remembered.
#[test]
fn a_recent_image_is_picked_with_the_arrows_and_a_refusal_stays_in_the_form() {
    use crate::app::photo_pick::RecentImage;
    let mut h = Harness::new(model());
    let image = |name: &str, secs: i64| RecentImage {
        path: std::path::PathBuf::from(format!("/camera/{name}")),
        name: name.into(),
        modified: DateTime::from_timestamp(secs, 0).unwrap(),
    };
    h.photo_sources = super::forms::PhotoSources {
        folder: Some("/camera".into()),
        recent: Ok(vec![
            image("IMG_0003.jpg", 1_497_186_600),
            image("IMG_0002.jpg", 1_497_186_000),
        ]),
        camera: false,
    };
    h.keys("f");
    assert_eq!(h.model.photo_folder.as_deref(), Some("/camera"));
    let shown = screen(&h.model, 80, 24);
    assert!(
        shown.contains("IMG_0003.jpg · 15\u{a0}h\u{a0}10"),
        "{shown}"
    );
    h.press(KeyCode::Enter);
    assert!(
        matches!(&h.model.mode, Mode::Photo(f) if f.error.as_deref().is_some_and(|e| e.starts_with("Tapez ou collez"))),
        "{:?}",
        h.model.mode
    );
    assert!(h.model.changes.is_empty());
    h.press(KeyCode::Down);
    h.press(KeyCode::Down);
    h.press(KeyCode::Down);
    assert!(matches!(&h.model.mode, Mode::Photo(f) if f.selected == Some(1)));
    h.press(KeyCode::Up);
    h.press(KeyCode::Up);
    assert!(matches!(&h.model.mode, Mode::Photo(f) if f.selected.is_none()));
    h.press(KeyCode::Down);
    h.keys("x");
    assert!(matches!(&h.model.mode, Mode::Photo(f) if f.selected.is_none() && f.path == "x"));
    h.press(KeyCode::Backspace);
    // A tap on the second image highlights it (the drawn row); a tap on the title does not.
    let (x, y) = row_of(&screen(&h.model, 80, 24), "IMG_0002.jpg");
    let tap = |x, y| ratatui::crossterm::event::MouseEvent {
        kind: ratatui::crossterm::event::MouseEventKind::Down(
            ratatui::crossterm::event::MouseButton::Left,
        ),
        column: x,
        row: y,
        modifiers: KeyModifiers::NONE,
    };
    assert_eq!(
        super::keymap::message_for_mouse(tap(x, y), &h.model),
        Some(Message::SelectPhoto(1))
    );
    let (tx, ty) = row_of(&screen(&h.model, 80, 24), "Joindre une photo");
    assert_eq!(
        super::keymap::message_for_mouse(tap(tx, ty), &h.model),
        None
    );
    h.send(Message::SelectPhoto(1));
    assert!(matches!(&h.model.mode, Mode::Photo(f) if f.selected == Some(1)));
    h.press(KeyCode::Up);
    h.press(KeyCode::Enter);
    assert_eq!(h.attached.last().unwrap().1, "/camera/IMG_0003.jpg");
    assert_eq!(h.model.mode, Mode::Grid);
    // A refusal: the form stays, says why, nothing is pending.
    h.keys("f/tmp/notes.txt");
    h.press(KeyCode::Enter);
    let Mode::Photo(form) = &h.model.mode else {
        panic!("{:?}", h.model.mode)
    };
    assert_eq!(
        form.error.as_deref(),
        Some("/tmp/notes.txt est refusé comme photo")
    );
    assert_eq!(form.group, None);
    assert!(h.model.changes.is_empty());
    assert_eq!(h.model.save, SaveStatus::Saved);
    assert_eq!(h.attached.len(), 1);
    // A folder typed: its images, and the folder asked for next time.
    for _ in 0.."/tmp/notes.txt".len() {
        h.press(KeyCode::Backspace);
    }
    h.keys("/media/photos/");
    h.press(KeyCode::Enter);
    let Mode::Photo(form) = &h.model.mode else {
        panic!("{:?}", h.model.mode)
    };
    assert_eq!(form.path, "");
    assert_eq!(form.error, None);
    assert_eq!(h.model.photo_folder.as_deref(), Some("/media/photos/"));
    h.press(KeyCode::Esc);
    assert_eq!(
        update(&mut h.model, Message::OpenPhoto),
        vec![Effect::FindPhotos(Some("/media/photos/".into()))]
    );
}

/// The camera's key (Ctrl-P, F2) takes the photo when `termux-camera-photo` is there, and says
/// it is missing otherwise (no effect).
#[test]
fn ctrl_p_takes_the_photo_only_when_the_camera_is_there() {
    let mut h = Harness::new(model());
    h.keys("f");
    h.press_with(KeyCode::Char('p'), KeyModifiers::CONTROL);
    assert!(
        matches!(&h.model.mode, Mode::Photo(f) if f.error.as_deref().is_some_and(|e| e.contains("termux-camera-photo"))),
        "{:?}",
        h.model.mode
    );
    assert!(h.attached.is_empty());
    assert!(!screen(&h.model, 80, 24).contains("Ctrl-P"));
    h.press(KeyCode::Esc);
    h.photo_sources.camera = true;
    h.keys("f");
    assert!(screen(&h.model, 80, 24).contains("Ctrl-P ou F2\u{a0}: prendre la photo"));
    let mut probe = h.model.clone();
    assert!(matches!(
        update(&mut probe, Message::TakePhoto)[..],
        [Effect::TakePhoto { .. }]
    ));
    // Drawn before the camera runs (the runtime defers it one frame): the form is at work.
    assert!(screen(&probe, 80, 24).contains("Photo en cours…"));
    assert_eq!(
        update(&mut probe, Message::TakePhoto),
        vec![],
        "one at a time"
    );
    h.press(KeyCode::F(2));
    assert_eq!(h.model.mode, Mode::Grid);
    assert_eq!(photo_events(&h)[0].1, "photo-20170611-151000.jpg");
    // `F` on the grid: the form opens and the camera takes the photo at once.
    h.keys("jF");
    assert_eq!(h.model.mode, Mode::Grid);
    assert_eq!(
        h.attached.last().unwrap().0,
        crate::domain::PhotoSubject::Cell {
            panel: h.model.candidates[1].panel,
            item: Item::Foi
        }
    );
    assert_eq!(photo_events(&h).len(), 2);
    // Without the camera, `F` leaves the form open saying so.
    h.photo_sources.camera = false;
    h.keys("F");
    assert!(
        matches!(&h.model.mode, Mode::Photo(f) if f.error.as_deref().is_some_and(|e| e.contains("termux-camera-photo"))),
        "{:?}",
        h.model.mode
    );
}

/// Issue 16 point 2, through the runtime's handling of a burst: `e 2 Tab 2 Enter p` (and `…
/// Enter p a space`) read in one go save the household and nothing else; the keys queued
/// behind the form were typed before its closing was drawn and are not applied to the grid.
#[test]
fn keys_queued_behind_a_form_are_not_applied_to_the_grid() {
    use ratatui::crossterm::event::Event as TermEvent;
    let key = |code| TermEvent::Key(KeyEvent::new(code, KeyModifiers::NONE));
    let c = |c| key(KeyCode::Char(c));
    for tail in [vec![c('p')], vec![c('p'), c('a'), c(' ')]] {
        let dir = tempfile::tempdir().unwrap();
        let mut store = real_store(&dir.path().join("obs.db"));
        store
            .set_current_bureau(&BureauCode::parse("75056_0911").unwrap())
            .unwrap();
        let mut m = super::runtime::load_model(&store, Lang::Fr, Theme { color: false }).unwrap();
        let before = store.events().unwrap().len();
        let mut burst = super::runtime::Burst::new(false);
        let mut events = vec![
            c('e'),
            c('2'),
            key(KeyCode::Tab),
            c('2'),
            key(KeyCode::Enter),
        ];
        events.extend(tail);
        events.push(TermEvent::Resize(80, 24));
        for e in events {
            burst.take(&mut m, &mut store, e);
        }
        assert_eq!(m.mode, Mode::Grid);
        assert_eq!(m.size, (80, 24), "a new size still counts");
        let events = store.events().unwrap();
        let new: Vec<_> = events[before..].iter().map(|e| &e.body).collect();
        assert_eq!(new.len(), 1, "only the household: {new:?}");
        assert!(matches!(new[0], EventBody::Envelope { received: 2, .. }));
        assert_eq!(m.mark(0, Item::Foi), Mark::Unchecked);
        // The next burst is applied as usual.
        let mut burst = super::runtime::Burst::new(false);
        burst.take(&mut m, &mut store, c('g'));
        burst.take(&mut m, &mut store, c('p'));
        assert_eq!(m.mark(0, Item::Foi), Mark::Present);
    }
}

/// Issue 16 point 3: `e 2 Tab 0 Enter` then `a`: the household received no envelope, so
/// nothing is marked in it, and the message says what to do.
#[test]
fn no_envelope_content_is_marked_when_the_household_received_none() {
    let mut h = Harness::new(model());
    h.keys("e2");
    h.press(KeyCode::Tab);
    h.keys("0");
    h.press(KeyCode::Enter);
    assert_eq!(h.log.len(), 1, "the household is recorded");
    h.keys("a");
    h.press(KeyCode::Right);
    h.keys("pP");
    assert_eq!(h.log.len(), 1, "nothing in an envelope: {:?}", h.log);
    assert_eq!(h.mark(0, Item::Foi), Mark::Unchecked);
    let flash = h.model.flash.clone().unwrap_or_default();
    assert!(flash.contains("Aucune enveloppe reçue"), "{flash}");
}

/// Issue 16 point 11 on the Bilan screen of a phone (40×15): the hint line keeps "u annuler"
/// (as buttons: export, undo, help, quit), and a tap on it undoes.
#[test]
fn the_phone_summary_keeps_undo_on_its_hint_line() {
    let mut h = Harness::new(model());
    h.send(Message::Resize {
        width: 40,
        height: 15,
    });
    h.keys("2p3");
    assert_eq!(h.model.screen, Screen::Summary);
    h.model.flash = None;
    let s = screen(&h.model, 40, 15);
    let last = s.lines().last().unwrap();
    assert!(
        last.contains("u annuler") && last.contains("x preuves") && last.contains("q quitter"),
        "{s}"
    );
    let [export, undo, ..] =
        view::layout::phone_buttons(ratatui::layout::Rect::new(0, 0, 40, 15)).unwrap();
    h.send(Message::Tap {
        x: undo.x + 1,
        y: undo.y,
    });
    assert_eq!(h.mark(0, Item::Bureau), Mark::Unchecked, "undone by a tap");
    h.model.flash = None;
    h.send(Message::Tap {
        x: export.x + 1,
        y: export.y,
    });
    assert!(
        matches!(h.model.mode, Mode::Export(_)),
        "{:?}",
        h.model.mode
    );
}

/// Point 3: the cell's history lists its photos with the time attached and the EXIF time
/// taken, the name escaped; a withdrawn photo says so.
#[test]
fn the_cells_history_lists_its_photos_with_the_time_taken() {
    let mut h = Harness::new(model());
    // 13:00 UTC is 15 h 00 in Paris in June.
    h.now = 1_497_186_000;
    h.keys("2a");
    h.now += 600;
    h.taken_at = chrono::NaiveDate::from_ymd_opt(2017, 6, 11)
        .unwrap()
        .and_hms_opt(15, 8, 0);
    h.keys("f/sdcard/pile.jpg");
    h.press(KeyCode::Enter);
    // A name as another tool may have written it, with an escape code: shown escaped.
    if let Some(EventBody::Photo { photo, .. }) = h.log.last_mut().map(|e| &mut e.body) {
        photo.name = "pile\u{1b}[31m.jpg".into();
    }
    h.now += 600;
    h.taken_at = chrono::NaiveDate::from_ymd_opt(2017, 6, 10)
        .unwrap()
        .and_hms_opt(9, 0, 0);
    h.keys("f/sdcard/veille.jpg");
    h.press(KeyCode::Enter);
    h.keys("u");
    h.model.flash = None;
    h.keys("i");
    let Mode::History(history) = &h.model.mode else {
        panic!("{:?}", h.model.mode)
    };
    let lines = history.lines.as_ref().unwrap();
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert!(lines[0].photo.is_none());
    let photo = lines[1].photo.as_ref().unwrap();
    assert!(!photo.name.contains('\u{1b}'), "escaped: {photo:?}");
    assert!(photo.name.starts_with("pile") && photo.name.ends_with("[31m.jpg"));
    assert_eq!(photo.taken.as_deref(), Some(", prise à 15\u{a0}h\u{a0}08"));
    assert!(lines[2].withdrawn);
    let shown = screen(&h.model, 80, 24);
    assert!(
        shown.contains("⊡ 15\u{a0}h\u{a0}10 photo «\u{a0}"),
        "{shown}"
    );
    assert!(
        shown.contains(", prise le 10/06/2017 à 9\u{a0}h\u{a0}00"),
        "{shown}"
    );
    assert!(!shown.contains('\u{1b}'));
    insta::assert_snapshot!("screen_photo_history_80x24_fr", shown);
}

/// The runtime attaches through `app::photos::attach` on a real database: a real JPEG typed
/// (with `~/` and spaces handled by the same expansion as the export), a folder typed lists its
/// images and the newest is attached, a text file is refused with nothing recorded.
#[test]
fn the_runtime_attaches_a_real_photo_and_lists_a_real_folder() {
    use crate::domain::PhotoSubject;
    let dir = tempfile::tempdir().unwrap();
    let mut store = real_store(&dir.path().join("obs.db"));
    store
        .set_current_bureau(&BureauCode::parse("75056_0911").unwrap())
        .unwrap();
    let mut m = super::runtime::load_model(&store, Lang::Fr, Theme { color: false }).unwrap();
    let camera = dir.path().join("Camera roll");
    std::fs::create_dir(&camera).unwrap();
    std::fs::write(
        camera.join("IMG 0001.jpg"),
        crate::plain::tests::jpeg_with_gps(),
    )
    .unwrap();
    std::fs::write(camera.join("notes.txt"), "pas une image").unwrap();
    let dispatch = |m: &mut Model, store: &mut crate::storage::Store, msg| {
        super::runtime::dispatch(m, store, msg);
    };
    dispatch(&mut m, &mut store, Message::OpenPhoto);
    assert!(matches!(&m.mode, Mode::Photo(f) if f.sources.is_some()));
    // A text file: refused, nothing recorded.
    dispatch(
        &mut m,
        &mut store,
        Message::Paste(camera.join("notes.txt").display().to_string()),
    );
    dispatch(&mut m, &mut store, Message::Submit);
    assert!(
        matches!(&m.mode, Mode::Photo(f) if f.error.as_deref().is_some_and(|e| e.contains("n'est pas une image"))),
        "{:?}",
        m.mode
    );
    assert!(store.events().unwrap().is_empty());
    // The folder: its images are listed; the newest (the only one) is attached.
    let Mode::Photo(form) = &mut m.mode else {
        unreachable!()
    };
    form.path.clear();
    dispatch(
        &mut m,
        &mut store,
        Message::Paste(camera.display().to_string()),
    );
    dispatch(&mut m, &mut store, Message::Submit);
    let Mode::Photo(form) = &m.mode else {
        panic!("{:?}", m.mode)
    };
    assert_eq!(form.recent().len(), 1, "{form:?}");
    assert_eq!(m.photo_folder, Some(camera.display().to_string()));
    // Kept for the next session.
    let reopened = super::runtime::load_model(&store, Lang::Fr, Theme { color: false }).unwrap();
    assert_eq!(reopened.photo_folder, Some(camera.display().to_string()));
    dispatch(
        &mut m,
        &mut store,
        Message::Move(super::message::Direction::Down),
    );
    dispatch(&mut m, &mut store, Message::Submit);
    assert_eq!(m.mode, Mode::Grid, "{:?}", m.flash);
    let events = store.events().unwrap();
    let [event] = &events[..] else {
        panic!("{events:?}")
    };
    let EventBody::Photo { photo, bureau, .. } = &event.body else {
        panic!("{event:?}")
    };
    assert_eq!(photo.name, "IMG 0001.jpg");
    assert!(photo.stripped(), "EXIF stripped");
    assert_eq!(bureau.as_str(), "75056_0911");
    assert_eq!(
        photo.of,
        PhotoSubject::Cell {
            panel: m.candidates[0].panel,
            item: Item::Foi
        }
    );
    assert_eq!(m.photos_of_cell(0, Item::Foi).count(), 1);
    // The cell's history, read from the log by the runtime, lists it.
    dispatch(&mut m, &mut store, Message::OpenHistory);
    let Mode::History(history) = &m.mode else {
        panic!("{:?}", m.mode)
    };
    let lines = history.lines.as_ref().unwrap();
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0].photo.as_ref().unwrap().name, "IMG 0001.jpg");
}

/// Where `text` is drawn on `shown` (a `TestBackend` screen: one quoted line per row).
fn row_of(shown: &str, text: &str) -> (u16, u16) {
    for (y, line) in shown.lines().enumerate() {
        if let Some(at) = line.find(text) {
            // The line starts with a quote; columns count characters.
            let x = line[..at].chars().count().saturating_sub(1);
            return (u16::try_from(x).unwrap(), u16::try_from(y).unwrap());
        }
    }
    panic!("{text} not on the screen:\n{shown}")
}

/// On a phone (40×15) the photo form shows as many recent images as fit, keeps the highlighted
/// one in view as ↓ goes down the eight, and its buttons stay visible.
#[test]
fn the_photo_forms_images_scroll_on_a_phone_screen() {
    use crate::app::photo_pick::RecentImage;
    let mut h = Harness::new(model());
    h.photo_sources = super::forms::PhotoSources {
        folder: Some("~/storage/dcim/Camera".into()),
        recent: Ok((0..8)
            .map(|i| RecentImage {
                path: format!("/camera/IMG_{i}.jpg").into(),
                name: format!("IMG_{i}.jpg"),
                modified: DateTime::from_timestamp(1_497_186_600 - i * 60, 0).unwrap(),
            })
            .collect()),
        camera: true,
    };
    h.keys("f");
    for i in 0..8 {
        h.press(KeyCode::Down);
        let shown = screen(&h.model, 40, 15);
        assert!(shown.contains(&format!("▸ IMG_{i}.jpg")), "{i}:\n{shown}");
        assert!(shown.contains("[Entrée]"), "{shown}");
        assert!(shown.contains("Ctrl-P"), "{shown}");
    }
    h.press(KeyCode::Enter);
    assert_eq!(h.attached.last().unwrap().1, "/camera/IMG_7.jpg");
}

/// Issue 16 point 7 at 80×24 and 40×15: with the cursor on a cell with a long note, the
/// per-column count still shows; the note's preview gives way first.
#[test]
fn the_progress_count_shows_even_on_a_noted_cell() {
    let mut h = Harness::new(model());
    h.keys("2pc");
    h.send(Message::Paste("é".repeat(300)));
    h.press(KeyCode::Enter);
    assert!(h.model.observation(0, Item::Bureau).unwrap().note.is_some());
    h.model.flash = None;
    let s = screen(&h.model, 80, 24);
    assert!(s.contains("bureau 1/22"), "{s}");
    assert!(
        s.contains("✎ ééé"),
        "the note still previews where it fits:\n{s}"
    );
    let s = screen(&h.model, 40, 15);
    assert!(s.contains("bureau 1/22"), "{s}");
}

/// Issue 13 point 5 in the `n` form: the non-receipt says whether it is of the observer's own
/// household; the observer's own name defaults to yes (it used to count the household twice),
/// another name to no, and the third field (`o`/`n`) says it.
#[test]
fn the_non_receipt_form_says_whose_household_it_is_of() {
    let mut h = Harness::new(model());
    let record = |h: &mut Harness, name: &str, answer: Option<char>| {
        h.keys("n");
        h.send(Message::Paste(name.into()));
        if let Some(c) = answer {
            h.press(KeyCode::Tab);
            h.press(KeyCode::Tab);
            h.keys(&c.to_string());
        }
        h.press(KeyCode::Enter);
        assert_eq!(h.model.mode, Mode::Grid);
    };
    record(&mut h, "Marie", None);
    record(&mut h, "", None);
    record(&mut h, "Jean Dupont", None);
    record(&mut h, "Jean Dupont", Some('o'));
    record(&mut h, "", Some('n'));
    let households: Vec<Option<bool>> = h
        .log
        .iter()
        .filter_map(|e| match &e.body {
            EventBody::NonReceipt { household, .. } => Some(*household),
            _ => None,
        })
        .collect();
    assert_eq!(
        households,
        [Some(true), Some(true), Some(false), Some(true), Some(false)]
    );
    h.keys("n");
    h.send(Message::Paste("Jean Dupont".into()));
    let s = screen(&h.model, 80, 24);
    assert!(s.contains("Votre foyer (o/n)"), "{s}");
    assert!(s.contains("non (défaut)"), "{s}");
}

/// Issue 16 point 17 on the screens: the Bilan shows the short reference the réclamation
/// carries (the full digest only in the annex), no "Wilson", "tête(s) de chaîne", "UTC" or
/// "base"; the help neither; a wrapped error of the `t` form never starts a row with ":"; a
/// time in the annex is never cut ("22 h" / "46").
#[test]
fn screens_speak_plainly_and_show_the_reference_to_copy() {
    let mut h = Harness::new(reference_model(Lang::Fr));
    h.keys("3");
    let s = screen(&h.model, 80, 300);
    for word in ["Wilson", "tête", "UTC", " base"] {
        assert!(!s.contains(word), "{word}:\n{s}");
    }
    let lines: Vec<&str> = s.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains("Référence à recopier dans le procès-verbal"))
        .expect(&s);
    assert!(lines[at + 1].contains("3f9a 0c27 3f9a 0c27"), "{s}");
    let full = "3f9a0c27".repeat(8);
    assert_eq!(
        s.matches(full.as_str()).count(),
        1,
        "the full digest once, in the annex:\n{s}"
    );
    assert!(s.contains("Empreinte complète des observations"), "{s}");
    // A time is never cut at the end of a row, at any width.
    for w in [40, 57, 63, 80] {
        let s = screen(&h.model, w, 300);
        for l in s.lines() {
            let l = l.trim_matches('"').trim();
            assert!(
                !l.starts_with("h ") && !l.starts_with("h\u{a0}") && !l.starts_with(':'),
                "{l}\n{s}"
            );
        }
    }
    h.model.summary_scroll = 0;
    h.keys("?");
    let s = screen(&h.model, 80, 300);
    assert!(!s.contains("dans la base"), "{s}");
    h.press(KeyCode::Esc);
    // The `t` form's error, wrapped at 80×24.
    h.keys("1t");
    h.send(Message::Paste(
        "le 32 du mois à vingt-cinq heures passées".into(),
    ));
    h.press(KeyCode::Enter);
    let s = screen(&h.model, 80, 24);
    assert!(
        matches!(h.model.mode, Mode::SeenAt(_)),
        "{:?}",
        h.model.mode
    );
    for l in s.lines() {
        let inner = l.trim_matches('"').trim_start_matches(['│', ' ']);
        assert!(!inner.starts_with(':'), "{s}");
    }
}

/// The seen-at form says which clock a typed time is read on: the bureau's legal time in Paris,
/// UTC for a bureau of the French abroad, whose code gives no zone.
#[test]
fn the_seen_at_form_says_utc_for_the_french_abroad() {
    let mut h = Harness::new(model());
    h.send(Message::OpenSeenAt);
    let flat = |m: &Model| {
        // Drawn in the form (it wraps there).
        assert!(screen(m, 80, 24).contains("Quand les constats"));
        super::view::overlays::seen_at_hint(m)
    };
    let paris = flat(&h.model);
    assert!(paris.contains("heure légale du bureau"), "{paris}");
    assert!(!paris.contains("UTC"), "{paris}");
    let abroad = crate::domain::CirconscriptionCode::parse("ZZ01").unwrap();
    h.model.circonscription.code = abroad.clone();
    if let Some(b) = h.model.bureau.as_mut() {
        b.code = crate::domain::BureauCode::parse("ZZ001_0001").unwrap();
        b.circonscription = Some(abroad);
    }
    let zz = flat(&h.model);
    assert!(zz.contains("heure UTC"), "{zz}");
}
