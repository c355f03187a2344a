//! Plain mode (`constat --plain ui`, `constat --plain demo`): the record as lines of text, for a
//! screen reader or a dumb terminal. No full-screen drawing, no colour, no box drawing: the
//! circonscription and its candidates are written as numbered lines, then each typed line
//! ([`parse`]) is answered with one line. A change is said "enregistré à HH:MM:SS" only once
//! [`Store::append`] returned; a failure says "NON ENREGISTRÉ : why" and the session goes on.
//!
//! [`interact`] is generic over its input and output and is given the clock, so tests drive it
//! with scripted lines; [`run`] is the edge that reads standard input and the clock. When
//! standard input and output are a terminal, lines are read with a line editor (arrows, the
//! lines typed before with up and down, Ctrl-C to leave); from a pipe, as plain lines. Every line
//! written is escaped ([`crate::domain::outside::escape`]): no escape code typed or stored is
//! ever echoed into a reply.

pub mod parse;
pub mod text;

use std::io::{BufRead, Write};

use chrono::{DateTime, NaiveDate, Utc};

use self::parse::{Command, Form, ParseError, is_no, is_yes};
use self::text::{Text, text};
use crate::app::new_event_id;
use crate::domain::legal_time::LegalZone;
use crate::domain::session::{Implausible, NoteChange, Refusal, Sheet};
use crate::domain::{
    Bureau, Candidate, Circonscription, Election, EventBody, EventId, Item, Mark, ObserverId,
    Panel, PhotoSubject, RecordState,
};
use crate::error::Error;
use crate::i18n::{Lang, Localize, Message};
use crate::storage::Store;

/// Runs the plain mode on `store`, reading standard input and writing to `out`, until `quitter`
/// or the end of the input.
pub fn run(mut store: Store, lang: Lang, out: &mut dyn Write) -> Result<(), Error> {
    use std::io::IsTerminal;
    let mut clock = crate::app::now;
    let stdin = std::io::stdin();
    if stdin.is_terminal() && std::io::stdout().is_terminal() {
        // Arrows and history as a screen-reader user expects; the history stays in memory.
        let config = rustyline::Config::builder()
            .auto_add_history(false)
            .max_history_size(500)
            .map_err(|e| Error::Terminal(std::io::Error::other(e)))?
            .build();
        if let Ok(editor) = rustyline::DefaultEditor::with_config(config) {
            return interact_with(&mut store, lang, &mut Editor(editor), out, &mut clock);
        }
    }
    // From a pipe, Ctrl-C (SIGINT) would end the process at once; it ends the session as
    // `quitter` does instead, so that the demo still says where its database is.
    match Signalled::start() {
        Some(mut lines) => interact_with(&mut store, lang, &mut lines, out, &mut clock),
        None => interact(&mut store, lang, stdin.lock(), out, &mut clock),
    }
}

/// Lines of standard input read on a thread, and Ctrl-C (SIGINT) as [`Line::Interrupted`]
/// from another, both through one channel: a blocking read cannot be interrupted otherwise.
struct Signalled(std::sync::mpsc::Receiver<std::io::Result<Line>>);

impl Signalled {
    /// `None` when the signal cannot be listened for (then SIGINT keeps its default action).
    fn start() -> Option<Self> {
        let mut signals =
            signal_hook::iterator::Signals::new([signal_hook::consts::SIGINT]).ok()?;
        let (tx, rx) = std::sync::mpsc::channel();
        let on_signal = tx.clone();
        std::thread::spawn(move || {
            if signals.forever().next().is_some() {
                let _ = on_signal.send(Ok(Line::Interrupted));
            }
        });
        std::thread::spawn(move || {
            let mut stdin = std::io::stdin().lock();
            loop {
                let mut buf = Vec::new();
                let line = match stdin.read_until(b'\n', &mut buf) {
                    Ok(0) => Ok(Line::End),
                    Ok(_) => Ok(Line::Text(String::from_utf8_lossy(&buf).into_owned())),
                    Err(e) => Err(e),
                };
                let last = !matches!(line, Ok(Line::Text(_)));
                if tx.send(line).is_err() || last {
                    return;
                }
            }
        });
        Some(Self(rx))
    }
}

impl Lines for Signalled {
    fn next_line<W: Write + ?Sized>(&mut self, prompt: &str, out: &mut W) -> Result<Line, Error> {
        write!(out, "{prompt}").map_err(Error::Terminal)?;
        out.flush().map_err(Error::Terminal)?;
        match self.0.recv() {
            Ok(line) => line.map_err(Error::Terminal),
            // Both threads gone: nothing more can come.
            Err(_) => Ok(Line::End),
        }
    }
}

/// What reading one line gave.
pub enum Line {
    /// A line typed (without its end of line).
    Text(String),
    /// The end of the input (a closed pipe, Ctrl-D).
    End,
    /// Ctrl-C.
    Interrupted,
}

/// Where the typed lines come from: a pipe, scripted lines, or a line editor on a terminal.
pub trait Lines {
    /// Writes `prompt` (without a newline) and reads the next line.
    fn next_line<W: Write + ?Sized>(&mut self, prompt: &str, out: &mut W) -> Result<Line, Error>;
}

/// Plain lines from any reader.
struct Piped<R>(R);

impl<R: BufRead> Lines for Piped<R> {
    fn next_line<W: Write + ?Sized>(&mut self, prompt: &str, out: &mut W) -> Result<Line, Error> {
        write!(out, "{prompt}").map_err(Error::Terminal)?;
        out.flush().map_err(Error::Terminal)?;
        let mut buf = Vec::new();
        if self
            .0
            .read_until(b'\n', &mut buf)
            .map_err(Error::Terminal)?
            == 0
        {
            return Ok(Line::End);
        }
        Ok(Line::Text(String::from_utf8_lossy(&buf).into_owned()))
    }
}

/// The line editor, on a terminal.
struct Editor(rustyline::DefaultEditor);

impl Lines for Editor {
    fn next_line<W: Write + ?Sized>(&mut self, prompt: &str, out: &mut W) -> Result<Line, Error> {
        out.flush().map_err(Error::Terminal)?;
        match self.0.readline(prompt) {
            Ok(line) => {
                if !line.trim().is_empty() {
                    // Only a failure to keep it in memory: the line itself is answered.
                    let _ = self.0.add_history_entry(line.as_str());
                }
                Ok(Line::Text(line))
            }
            Err(rustyline::error::ReadlineError::Eof) => Ok(Line::End),
            Err(rustyline::error::ReadlineError::Interrupted) => Ok(Line::Interrupted),
            Err(rustyline::error::ReadlineError::Io(e)) => Err(Error::Terminal(e)),
            Err(e) => Err(Error::Terminal(std::io::Error::other(e))),
        }
    }
}

/// One change of this session, for `annuler`: what it said and the events it committed.
#[derive(Debug, Clone)]
struct Change {
    summary: String,
    events: Vec<EventId>,
    /// Recorded in an earlier session (rebuilt from the observer's events at start): undone
    /// only after a yes.
    earlier: bool,
    /// The envelope its `foi` and `courrier` cells are in (from 1).
    envelope: u16,
}

/// The undo stack of a session opening on `events` (the observer's own, folded into `state`):
/// every change still undoable, newest undone first, each marked as of an earlier session. The
/// interface rebuilds its stack from the same rule (`domain::history::undoable`).
fn earlier_changes(
    events: &[crate::domain::Event],
    state: &RecordState,
    observer: ObserverId,
) -> Vec<Change> {
    crate::domain::history::undoable(events, state, observer)
        .into_iter()
        .map(|e| Change {
            summary: String::new(),
            events: vec![e.id],
            earlier: true,
            envelope: match &e.body {
                EventBody::Tick { envelope, .. } => envelope.unwrap_or(1).max(1),
                _ => 1,
            },
        })
        .collect()
}

/// A change waiting for `o` or `n`.
#[derive(Debug, Clone)]
enum Pending {
    /// A whole column.
    Column { item: Item, mark: Mark },
    /// A household with more envelopes than voters.
    MoreEnvelopes {
        voters: u32,
        received: u32,
        received_on: Option<NaiveDate>,
        note: Option<String>,
    },
    /// Undoing a change of an earlier session (what it undoes, in words).
    UndoEarlier(String),
}

/// The session: the circonscription shown, its state as saved, and this session's changes.
struct Session<'a> {
    text: &'static Text,
    lang: Lang,
    election: Election,
    circonscription: Circonscription,
    candidates: Vec<Candidate>,
    bureau: Option<Bureau>,
    observer: ObserverId,
    observer_name: String,
    state: RecordState,
    /// Which of the household's envelopes `foi` and `courrier` cells are (from 1).
    envelope_no: u16,
    undo: Vec<Change>,
    pending: Option<Pending>,
    /// `heure …`: when the observations typed now were seen (`None`: when typed).
    seen: Option<DateTime<Utc>>,
    clock: &'a mut dyn FnMut() -> DateTime<Utc>,
}

/// Runs the plain mode on `store`: writes the circonscription and its candidates, then answers
/// every line of `input` until `quitter` or the end of the input. `clock` stamps events; their
/// times are said in the place's legal time. Errors are only those of reading the database at
/// start and of reading or writing the lines; a failed save is said and the session goes on.
pub fn interact<R: BufRead, W: Write + ?Sized>(
    store: &mut Store,
    lang: Lang,
    input: R,
    out: &mut W,
    clock: &mut dyn FnMut() -> DateTime<Utc>,
) -> Result<(), Error> {
    interact_with(store, lang, &mut Piped(input), out, clock)
}

/// [`interact`] over any source of lines (a pipe, or the line editor on a terminal).
pub fn interact_with<L: Lines, W: Write + ?Sized>(
    store: &mut Store,
    lang: Lang,
    input: &mut L,
    out: &mut W,
    clock: &mut dyn FnMut() -> DateTime<Utc>,
) -> Result<(), Error> {
    let mut session = Session::load(store, lang, clock)?;
    let t = session.text;
    let mut lines = session.header();
    lines.extend(session.grid());
    lines.push(t.start_hint.to_owned());
    write_lines(out, &lines)?;
    loop {
        let prompt = match &session.pending {
            Some(Pending::Column { item, mark }) => {
                let n = session.rows_to_change(*item, *mark).len();
                (t.column_confirm)(&session.change_words(*item, *mark), n)
            }
            Some(Pending::MoreEnvelopes {
                voters, received, ..
            }) => (t.more_than_voters_confirm)(*voters, *received),
            Some(Pending::UndoEarlier(what)) => (t.undo_earlier_confirm)(what),
            None => t.prompt.to_owned(),
        };
        let prompt = crate::domain::outside::escape(&prompt).into_owned();
        let line = match input.next_line(&prompt, out)? {
            Line::Text(line) => line,
            Line::End => {
                // End of input: finish the prompt's line, then leave.
                write_lines(out, &[String::new(), t.bye.to_owned()])?;
                return Ok(());
            }
            Line::Interrupted => {
                // Ctrl-C: leave as `quitter` does (a pending question is a no).
                write_lines(out, &[t.interrupted.to_owned(), t.bye.to_owned()])?;
                return Ok(());
            }
        };
        let reply = if let Some(p) = session.pending.take() {
            if is_yes(&line) {
                match p {
                    Pending::Column { item, mark } => session.column(store, item, mark),
                    Pending::MoreEnvelopes {
                        voters,
                        received,
                        received_on,
                        note,
                    } => session.envelope(store, voters, received, received_on, note, true),
                    Pending::UndoEarlier(_) => session.undo_now(store),
                }
            } else if is_no(&line) {
                vec![t.column_cancelled.to_owned()]
            } else {
                // Anything else is not taken for a no: the question is asked again.
                session.pending = Some(p);
                vec![t.confirm_again.to_owned()]
            }
        } else {
            match parse::parse(&line) {
                Ok(Command::Quit) => {
                    write_lines(out, &[t.bye.to_owned()])?;
                    return Ok(());
                }
                Ok(cmd) => session.handle(store, cmd),
                Err(e) => vec![session.not_understood(&e)],
            }
        };
        write_lines(out, &reply)?;
    }
}

/// Writes whole lines, each escaped: a control character typed (an arrow key on a dumb
/// terminal) or stored never reaches the terminal raw.
fn write_lines<W: Write + ?Sized>(out: &mut W, lines: &[String]) -> Result<(), Error> {
    for l in lines {
        writeln!(out, "{}", crate::domain::outside::escape(l)).map_err(Error::Terminal)?;
    }
    out.flush().map_err(Error::Terminal)
}

impl<'a> Session<'a> {
    /// The current bureau's circonscription (else the first one), as the interface opens it.
    fn load(
        store: &Store,
        lang: Lang,
        clock: &'a mut dyn FnMut() -> DateTime<Utc>,
    ) -> Result<Self, Error> {
        let observer = store.local_observer()?;
        let (bureau, circonscription, candidates) = crate::app::place::current_place(store)?;
        let events = store.events_of_observer(observer.id, &circonscription.code)?;
        let state = RecordState::fold(&events);
        // Undo works across a restart, as in the interface.
        let undo = earlier_changes(&events, &state, observer.id);
        Ok(Self {
            text: text(lang),
            lang,
            election: store.election()?,
            circonscription,
            candidates,
            bureau,
            observer: observer.id,
            observer_name: observer.name,
            state,
            envelope_no: 1,
            seen: None,
            undo,
            pending: None,
            clock,
        })
    }

    /// Goes to a bureau (remembered as the database's current bureau) or a circonscription, and
    /// reads the new place and its candidates.
    fn go_to(&mut self, store: &Store, code: &str) -> Vec<String> {
        let unknown = || vec![(self.text.place_unknown)(code)];
        let (circ_code, bureau) = if let Ok(b) = crate::domain::BureauCode::parse(code) {
            match store.bureau(&b) {
                Ok(Some(bureau)) => match bureau.circonscription.clone() {
                    Some(c) => (c, Some(bureau)),
                    None => return unknown(),
                },
                Ok(None) => return unknown(),
                Err(e) => return vec![Error::from(e).message(self.lang)],
            }
        } else if let Ok(c) = crate::domain::CirconscriptionCode::parse(code) {
            let keep = self
                .bureau
                .clone()
                .filter(|b| b.circonscription.as_ref() == Some(&c));
            (c, keep)
        } else {
            return unknown();
        };
        let loaded = (|| -> Result<Option<_>, Error> {
            let Some((circ, candidates)) = store.circonscription(&circ_code)? else {
                return Ok(None);
            };
            let events = store.events_of_observer(self.observer, &circ_code)?;
            let state = RecordState::fold(&events);
            let undo = earlier_changes(&events, &state, self.observer);
            if let Some(b) = &bureau {
                store.set_current_bureau(&b.code)?;
            }
            Ok(Some((circ, candidates, state, undo)))
        })();
        match loaded {
            Ok(Some((circ, candidates, state, undo))) => {
                if self.circonscription.code != circ.code {
                    self.envelope_no = 1;
                }
                self.circonscription = circ;
                self.candidates = candidates;
                self.state = state;
                self.bureau = bureau;
                self.undo = undo;
                let mut lines = self.header();
                lines.extend(self.grid());
                lines
            }
            Ok(None) => unknown(),
            Err(e) => vec![e.message(self.lang)],
        }
    }

    /// Election, circonscription, bureau and observer: one line each.
    fn header(&self) -> Vec<String> {
        let t = self.text;
        let cat = self.lang.catalog();
        let e = &self.election;
        let bureau = match &self.bureau {
            Some(b) if !b.address.is_empty() => format!("{}, {}", b.code, b.address),
            Some(b) => b.code.to_string(),
            None => t.no_bureau.to_owned(),
        };
        vec![
            format!(
                "{} {}, {}",
                cat.election_kind(e.kind),
                e.year,
                (cat.round)(e.round)
            ),
            format!(
                "{}{}{}, {}",
                t.circonscription, t.sep, self.circonscription.code, self.circonscription.label
            ),
            format!("{}{}{bureau}", t.bureau, t.sep),
            format!("{}{}{}", t.observer, t.sep, self.observer_name),
        ]
    }

    /// The candidates as numbered lines with their three cells in words, then the envelope count
    /// and non-receipts when there are any.
    fn grid(&self) -> Vec<String> {
        let t = self.text;
        let mut lines = vec![(t.candidates)(self.candidates.len())];
        if self.several_envelopes() {
            lines.push((t.envelope_shown)(self.envelope_no));
        }
        for c in &self.candidates {
            let cells: Vec<String> = Item::ALL
                .iter()
                .map(|&item| {
                    let words = self.cell_words(item, self.mark(c.panel, item));
                    // A cell with photos says how many (issue 19), as the interface marks it.
                    match self.cell_photos(c.panel, item).len() {
                        0 => words,
                        n => format!(
                            "{words}{}",
                            Message::new("plain-cell-photos")
                                .arg("count", n)
                                .render(self.lang)
                        ),
                    }
                })
                .collect();
            lines.push(format!("{} — {}", self.who(c), cells.join(", ")));
        }
        let circ = &self.circonscription.code;
        if let Some(f) = self
            .state
            .envelopes_of(circ)
            .find(|f| f.observer == self.observer)
        {
            let day = f.received_on.map(|d| crate::tui::words::day(self.lang, d));
            lines.push((t.envelope_fact)(
                f.voters,
                f.received,
                day.as_deref(),
                f.note.as_deref(),
            ));
        }
        let non_receipts = self.state.non_receipts_of(circ).count();
        if non_receipts > 0 {
            lines.push((t.non_receipts)(non_receipts));
        }
        lines
    }

    /// The observer's live photos of the cell (a bureau cell's at the current bureau), in the
    /// order they were attached.
    fn cell_photos(&self, panel: Panel, item: Item) -> Vec<&crate::domain::state::PhotoFact> {
        let bureau = self.bureau.as_ref().map(|b| &b.code);
        self.state
            .photos_of(&self.circonscription.code)
            .filter(|f| {
                f.observer == self.observer
                    && f.photo.of == PhotoSubject::Cell { panel, item }
                    && (item != Item::Bureau || Some(&f.bureau) == bureau)
            })
            .collect()
    }

    /// `3. NAME Given (NUANCE)`.
    fn who(&self, c: &Candidate) -> String {
        if c.nuance.is_empty() {
            format!("{}. {}", c.panel, c.display_name())
        } else {
            format!("{}. {} ({})", c.panel, c.display_name(), c.nuance)
        }
    }

    /// [`Self::cell_words`], naming the envelope when the household has several: what a change
    /// says it records.
    fn change_words(&self, item: Item, mark: Mark) -> String {
        let t = self.text;
        if item.is_in_envelope() && self.several_envelopes() {
            format!(
                "{}{}{}{}",
                (t.item)(item),
                (t.envelope_tag)(self.envelope_no),
                t.sep,
                (t.mark)(mark)
            )
        } else {
            self.cell_words(item, mark)
        }
    }

    /// True when the household has more than one envelope, as the observer said or ticked.
    fn several_envelopes(&self) -> bool {
        let circ = &self.circonscription.code;
        let counted = self
            .state
            .envelopes_of(circ)
            .find(|f| f.observer == self.observer)
            .map_or(0, |f| f.received);
        self.envelope_no > 1 || counted > 1 || self.state.last_envelope_by(self.observer, circ) > 1
    }

    /// `bulletin (bureau) : présent`.
    fn cell_words(&self, item: Item, mark: Mark) -> String {
        let t = self.text;
        format!("{}{}{}", (t.item)(item), t.sep, (t.mark)(mark))
    }

    /// The observer's record sheet at the place shown: the recording rules every front end
    /// follows ([`crate::domain::session`]).
    fn sheet(&self) -> Sheet<'_> {
        Sheet {
            state: &self.state,
            observer: self.observer,
            circonscription: &self.circonscription.code,
            candidates: &self.candidates,
            bureau: self.bureau.as_ref().map(|b| &b.code),
            envelope: self.envelope_no,
        }
    }

    /// The observer's own saved mark of a cell (a bureau cell without a bureau is not checked).
    fn mark(&self, panel: Panel, item: Item) -> Mark {
        self.sheet().mark(panel, item)
    }

    fn candidate(&self, panel: Panel) -> Option<&Candidate> {
        self.candidates.iter().find(|c| c.panel == panel)
    }

    fn unknown_panel(&self, panel: Panel) -> String {
        let known: Vec<String> = self
            .candidates
            .iter()
            .map(|c| c.panel.to_string())
            .collect();
        (self.text.unknown_panel)(&panel.to_string(), &known.join(", "))
    }

    fn not_understood(&self, e: &ParseError) -> String {
        let t = self.text;
        format!(
            "{}{}. {}.",
            t.not_understood,
            (t.problem)(&e.problem),
            (t.example)(e.form)
        )
    }

    /// The cells of `item` a whole-column command changes.
    fn rows_to_change(&self, item: Item, mark: Mark) -> Vec<Panel> {
        self.sheet().column_cells(item, mark)
    }

    /// What plain mode says when a recording rule records nothing.
    fn refused(&self, refusal: &Refusal) -> String {
        let t = self.text;
        match refusal {
            Refusal::EnvelopeBeyond { number, limit } => (t.envelope_beyond)(*number, *limit),
            Refusal::ArrivalWithoutEnvelope => t.arrival_without_envelope.to_owned(),
            Refusal::NoEnvelopeReceived => t.no_envelope_received.to_owned(),
            Refusal::NoVoters => (t.problem)(&parse::Problem::NoVoters),
            Refusal::EnvelopeZero => (t.problem)(&parse::Problem::BadEnvelopeNumber("0".into())),
            // Plain mode has no move; a bureau is what the other refusals need.
            Refusal::NeedsBureau
            | Refusal::NothingToMove
            | Refusal::SameBureau
            | Refusal::OtherCirconscription(_) => t.needs_bureau.to_owned(),
        }
    }

    /// Answers one command (not `Quit`) with the lines to write.
    fn handle(&mut self, store: &mut Store, cmd: Command) -> Vec<String> {
        let t = self.text;
        match cmd {
            Command::Empty | Command::Quit => vec![],
            Command::Help => t.help.iter().map(|l| (*l).to_owned()).collect(),
            Command::List => self.grid(),
            Command::Set { panel, item, mark } => self.set(store, panel, item, mark, None),
            Command::Note { panel, item, text } => {
                let mark = self.mark(panel, item);
                self.set(store, panel, item, mark, Some(text))
            }
            Command::Column { item, mark } => {
                if let Err(refusal) = self.sheet().column(item, mark) {
                    return vec![self.refused(&refusal)];
                }
                if self.rows_to_change(item, mark).is_empty() {
                    return vec![(t.column_nothing)(&self.change_words(item, mark))];
                }
                self.pending = Some(Pending::Column { item, mark });
                vec![]
            }
            Command::Envelope {
                voters,
                received,
                received_on,
                note,
            } => self.envelope(store, voters, received, received_on, note, false),
            Command::EnvelopeNumber { number } => match self.sheet().check_envelope(number) {
                Ok(number) => {
                    self.envelope_no = number;
                    vec![(t.envelope_number)(number)]
                }
                Err(refusal) => vec![self.refused(&refusal)],
            },
            Command::NonReceipt { voter, household } => {
                let own = crate::domain::session::own_household(
                    voter.as_deref(),
                    &self.observer_name,
                    household,
                );
                let summary = self.bureau.as_ref().map(|b| {
                    let whose = if own {
                        t.household_own
                    } else {
                        t.household_other
                    };
                    format!(
                        "{}, {whose}",
                        (t.non_receipt_summary)(voter.as_deref(), b.code.as_str())
                    )
                });
                match (self.sheet().non_receipt_of(voter, None, own), summary) {
                    (Ok(body), Some(summary)) => self.commit(store, summary, vec![body]),
                    (Err(refusal), _) => vec![self.refused(&refusal)],
                    (Ok(_), None) => vec![t.needs_bureau.to_owned()],
                }
            }
            Command::Machines { on } => {
                let Some(bureau) = self.bureau.as_ref() else {
                    return vec![t.needs_bureau.to_owned()];
                };
                let summary = Message::new(if on {
                    "plain-machines-on"
                } else {
                    "plain-machines-off"
                })
                .arg("bureau", bureau.code.as_str())
                .render(self.lang);
                let body = EventBody::Machines {
                    circonscription: self.circonscription.code.clone(),
                    bureau: bureau.code.clone(),
                    machines: on,
                    note: None,
                };
                self.commit(store, summary, vec![body])
            }
            Command::SeenAt { moment } => self.seen_at(moment),
            Command::Undo => self.undo(store),
            Command::Place { code } => self.go_to(store, &code),
            Command::Findings => self.findings(store),
            Command::Pv => self.pv(store),
            Command::Annex => self.annex(store),
            Command::Export { folder } => self.export(store, &folder),
            Command::History { panel, item } => self.history(panel, item),
            Command::Verify => self.verify(store),
            Command::Photo { of, path } => self.photo(store, of, &path),
        }
    }

    /// `photo …`: attaches the file through [`crate::app::photos::attach`] (the path every front
    /// end takes), as the observer's signed event; `annuler` withdraws it.
    fn photo(&mut self, store: &mut Store, of: PhotoSubject, typed: &str) -> Vec<String> {
        let t = self.text;
        let Some(bureau) = self.bureau.as_ref().map(|b| b.code.clone()) else {
            return vec![Message::new("plain-photo-needs-bureau").render(self.lang)];
        };
        let what = match of {
            PhotoSubject::Cell { panel, item } => {
                let Some(c) = self.candidate(panel) else {
                    return vec![format!(
                        "{} {}.",
                        self.unknown_panel(panel),
                        (t.example)(Form::Photo)
                    )];
                };
                format!("{} — {}", self.who(c), (t.item)(item))
            }
            PhotoSubject::Bureau => Message::new("plain-photo-bureau")
                .arg("bureau", bureau.as_str())
                .render(self.lang),
            PhotoSubject::Household | PhotoSubject::NonReceipt { .. } => {
                Message::new("plain-photo-household").render(self.lang)
            }
        };
        let what_to = crate::app::photos::Attach {
            circonscription: self.circonscription.code.clone(),
            bureau,
            of,
            note: None,
            keep_metadata: false,
        };
        let path = crate::app::evidence::expand_home(typed.trim());
        let events = match crate::app::photos::attach(store, &what_to, &[path]) {
            Ok(events) => events,
            Err(e) => return vec![(t.not_saved)(&e.message(self.lang))],
        };
        let mut lines = Vec::new();
        for event in &events {
            self.state.apply(event);
            if let EventBody::Photo { photo, .. } = &event.body {
                let summary = Message::new("plain-photo-saved")
                    .arg("what", what.as_str())
                    .arg(
                        "name",
                        crate::domain::outside::escape(&photo.name).into_owned(),
                    )
                    .arg("sha", hex::encode(&photo.sha256[..4]))
                    .arg(
                        "kept",
                        match (photo.stripped(), photo.media) {
                            (true, _) => "stripped",
                            (false, crate::domain::MediaType::Heic) => "heic",
                            (false, _) => "kept",
                        },
                    )
                    .render(self.lang);
                lines.push(self.saved_line(&summary, Some(event.recorded_at), None));
                self.undo.push(Change {
                    summary,
                    events: vec![event.id],
                    earlier: false,
                    envelope: 1,
                });
            }
        }
        lines
    }

    /// The household's envelope count (`more`: the observer confirmed more envelopes than
    /// voters). An implausible count is refused with what is expected, or asked about first.
    fn envelope(
        &mut self,
        store: &mut Store,
        voters: u32,
        received: u32,
        received_on: Option<NaiveDate>,
        note: Option<String>,
        more: bool,
    ) -> Vec<String> {
        let t = self.text;
        match self.sheet().check_count(voters, received, more) {
            Ok(()) => {}
            Err(Implausible::TooManyVoters { max, .. }) => return vec![(t.too_many_voters)(max)],
            Err(Implausible::TooManyEnvelopes { max, .. }) => {
                return vec![(t.too_many_envelopes)(max)];
            }
            Err(Implausible::MoreThanVoters { .. }) => {
                self.pending = Some(Pending::MoreEnvelopes {
                    voters,
                    received,
                    received_on,
                    note,
                });
                return vec![];
            }
        }
        // A new count keeps the day and the note of the household's record unless given
        // again (as the interface's form, which shows them filled in).
        let body = match self.sheet().envelope_record(
            voters,
            received,
            received_on.map(Some),
            note.map(Some),
        ) {
            Ok(body) => body,
            Err(refusal) => return vec![self.refused(&refusal)],
        };
        let received_on = match &body {
            EventBody::Envelope { received_on, .. } => *received_on,
            _ => None,
        };
        let day = received_on
            .map(|d| (t.envelope_day)(&crate::tui::words::day(self.lang, d), received))
            .unwrap_or_default();
        let excess = if received > voters {
            (t.envelope_excess)(received - voters)
        } else {
            String::new()
        };
        let summary = format!("{}{excess}{day}", (t.envelope_summary)(voters, received));
        self.commit(store, summary, vec![body])
    }

    /// The text report of the circonscription, as `constat report --circonscription CODE`
    /// prints it (every observer's observations, ending with the chain digest).
    fn report_text(&self, store: &Store) -> Result<String, Error> {
        let inputs = crate::app::report::read_inputs(store, true)?;
        let mut buf = Vec::new();
        crate::app::report::write_report(
            &inputs,
            std::slice::from_ref(&self.circonscription.code),
            crate::report::Format::Text,
            self.lang,
            &mut buf,
            &mut || (),
        )
        .map_err(|source| Error::Io {
            path: std::path::PathBuf::from("-"),
            context: crate::error::IoContext::WritingReport,
            source,
        })?;
        Ok(String::from_utf8_lossy(&buf).into_owned())
    }

    /// `bilan`: the report's findings for the circonscription (the part after its findings
    /// heading, as the interface's summary shows it).
    fn findings(&self, store: &Store) -> Vec<String> {
        let text = match self.report_text(store) {
            Ok(text) => text,
            Err(e) => return vec![e.message(self.lang)],
        };
        let heading = self.lang.catalog().report_findings;
        match text.lines().position(|l| l == heading) {
            Some(at) => text.lines().skip(at).map(str::to_owned).collect(),
            None => vec![self.text.findings_none.to_owned()],
        }
    }

    /// `pv`: the réclamation for the current bureau, exactly as `constat pv` prints it.
    fn pv(&self, store: &Store) -> Vec<String> {
        let Some(bureau) = &self.bureau else {
            return vec![self.text.pv_needs_bureau.to_owned()];
        };
        match crate::app::pv::reclamation_of(store, &bureau.code, self.lang) {
            Ok(Some(text)) => text.lines().map(str::to_owned).collect(),
            Ok(None) => vec![(self.text.place_unknown)(bureau.code.as_str())],
            Err(e) => vec![e.message(self.lang)],
        }
    }

    /// `annexe`: the réclamation's annex for the current bureau, what `constat pv --annex`
    /// prints (issue 16 point 13: it used to be the whole circonscription report).
    fn annex(&self, store: &Store) -> Vec<String> {
        let Some(bureau) = &self.bureau else {
            return vec![self.text.pv_needs_bureau.to_owned()];
        };
        let request = crate::app::pv::Request {
            bureau: &bureau.code,
            as_observer: None,
            qualite: None,
        };
        match crate::app::pv::text(store, &request, crate::app::pv::Part::Annex, self.lang) {
            Ok(text) => text.lines().map(str::to_owned).collect(),
            Err(e) => vec![e.message(self.lang)],
        }
    }

    /// `export DOSSIER`: the evidence folder, as `constat export evidence -o DOSSIER` writes it.
    fn export(&self, store: &Store, folder: &str) -> Vec<String> {
        let t = self.text;
        let path = crate::app::evidence::expand_home(folder);
        // The output guard first (issue 15 point 7): never over the database or a file.
        let written =
            crate::app::output::guard(&path, store.path(), crate::app::output::Kind::Folder, false)
                .and_then(|()| {
                    crate::app::evidence::evidence_folder(store, &path, false, self.lang)
                });
        match written {
            Ok(()) => vec![(t.exported)(&path.display().to_string())],
            Err(Error::EvidenceFolderNotEmpty(p)) => {
                let free = crate::app::evidence::free_folder_name(&p);
                vec![(t.export_not_empty)(
                    &p.display().to_string(),
                    &free.display().to_string(),
                )]
            }
            Err(e) => vec![e.message(self.lang)],
        }
    }

    /// `historique N ITEM`: this observer's live observations of the cell, oldest first, each
    /// with its day and time in the place's legal time.
    fn history(&self, panel: Panel, item: Item) -> Vec<String> {
        let t = self.text;
        let Some(c) = self.candidate(panel) else {
            return vec![format!(
                "{} {}.",
                self.unknown_panel(panel),
                (t.example)(Form::History)
            )];
        };
        if item == Item::Bureau && self.bureau.is_none() {
            return vec![t.needs_bureau.to_owned()];
        }
        let what = if item.is_in_envelope() && self.several_envelopes() {
            format!(
                "{} — {}{}",
                self.who(c),
                (t.item)(item),
                (t.envelope_tag)(self.envelope_no)
            )
        } else {
            format!("{} — {}", self.who(c), (t.item)(item))
        };
        let sheet = self.sheet();
        let key = sheet.key(panel, item);
        let seen: Vec<_> = self.state.live_ticks_by(self.observer, &key).collect();
        // The cell's photos (issue 19): a bureau cell's of the current bureau.
        let photos = self.cell_photos(panel, item);
        let bureau = self.bureau.as_ref().map(|b| &b.code);
        if seen.is_empty() && photos.is_empty() {
            return vec![(t.history_none)(&what)];
        }
        let zone = LegalZone::of_place(&self.circonscription.code, bureau);
        let mut lines = Vec::new();
        if !seen.is_empty() {
            lines.push((t.history_title)(&what, seen.len()));
        }
        lines.extend(seen.iter().map(|o| {
            let local = zone.local(o.at);
            (t.history_line)(
                &crate::tui::words::day(self.lang, local.date()),
                &(t.clock)(local),
                &(t.mark)(o.mark),
                o.note.as_deref(),
            )
        }));
        if !photos.is_empty() {
            lines.push(
                Message::new("plain-history-photos")
                    .arg("what", what.as_str())
                    .arg("count", photos.len())
                    .render(self.lang),
            );
        }
        lines.extend(photos.iter().map(|f| {
            let local = zone.local(f.at);
            let taken = f.photo.taken_at.map(|at| {
                if at.date() == local.date() {
                    Message::new("plain-photo-taken").arg("time", (t.clock)(at))
                } else {
                    Message::new("plain-photo-taken-day")
                        .arg("time", (t.clock)(at))
                        .arg("day", crate::tui::words::day(self.lang, at.date()))
                }
                .render(self.lang)
            });
            Message::new("plain-history-photo")
                .arg("day", crate::tui::words::day(self.lang, local.date()))
                .arg("time", (t.clock)(local))
                .arg(
                    "name",
                    crate::domain::outside::escape(&f.photo.name).into_owned(),
                )
                .arg("taken", taken.unwrap_or_default())
                .render(self.lang)
        }));
        lines
    }

    /// `verifier`: every hash chain and signature of the database, as `constat verify`.
    fn verify(&self, store: &Store) -> Vec<String> {
        let t = self.text;
        let verdicts = match crate::app::evidence::verify_database_file(store.path()) {
            Ok(v) => v,
            Err(e) => return vec![e.message(self.lang)],
        };
        let mut lines = Vec::with_capacity(verdicts.len() + 1);
        let mut broken = 0;
        for v in &verdicts {
            let what = v.subject.text(self.lang);
            match &v.broken {
                None => lines.push((t.verify_ok)(&what)),
                Some(why) => {
                    broken += 1;
                    lines.push((t.verify_broken)(&what, &why.text(self.lang)));
                }
            }
        }
        lines.push(if broken == 0 {
            t.verify_all_ok.to_owned()
        } else {
            (t.verify_some_broken)(broken)
        });
        lines
    }

    /// One cell (with a note for `note`).
    fn set(
        &mut self,
        store: &mut Store,
        panel: Panel,
        item: Item,
        mark: Mark,
        note: Option<String>,
    ) -> Vec<String> {
        let t = self.text;
        let Some(c) = self.candidate(panel) else {
            let example = (t.example)(if note.is_some() {
                Form::Note
            } else {
                Form::Set
            });
            return vec![format!("{} {example}.", self.unknown_panel(panel))];
        };
        let mut summary = format!("{} — {}", self.who(c), self.change_words(item, mark));
        if let Some(n) = &note {
            summary.push_str(&(t.note_said)(n));
        }
        let recheck = note.is_none() && self.sheet().is_recheck(panel, item, mark);
        let change = note.map_or(NoteChange::Keep, |n| NoteChange::Replace(Some(n)));
        match self.sheet().tick(panel, item, mark, change) {
            Ok(Some(body)) if recheck => self.commit_as(store, summary, vec![body], true),
            Ok(Some(body)) => self.commit(store, summary, vec![body]),
            Ok(None) => vec![(t.already)(&summary)],
            Err(refusal) => vec![self.refused(&refusal)],
        }
    }

    /// The confirmed whole column.
    fn column(&mut self, store: &mut Store, item: Item, mark: Mark) -> Vec<String> {
        let rows = self.rows_to_change(item, mark);
        if rows.is_empty() {
            return vec![(self.text.column_nothing)(&self.change_words(item, mark))];
        }
        let summary = (self.text.column_summary)(&self.change_words(item, mark), rows.len());
        match self.sheet().column(item, mark) {
            Ok(bodies) => self.commit(store, summary, bodies),
            Err(refusal) => vec![self.refused(&refusal)],
        }
    }

    /// Appends `bodies` in order, stopping at the first failure. Returns the events committed
    /// and the failure, if any.
    fn append_all(
        &mut self,
        store: &mut Store,
        bodies: Vec<EventBody>,
    ) -> (Vec<EventId>, Option<String>, Option<DateTime<Utc>>) {
        let mut saved = Vec::new();
        let mut last = None;
        for body in bodies {
            let now = (self.clock)();
            // A withdrawal is no observation: it has no "seen at".
            let seen = self
                .seen
                .filter(|_| !matches!(body, EventBody::Retract { .. }));
            match store.append_seen(new_event_id(), now, seen, body) {
                Ok(event) => {
                    self.state.apply(&event);
                    saved.push(event.id);
                    last = Some(event.recorded_at);
                }
                Err(e) => return (saved, Some(Error::from(e).message(self.lang)), last),
            }
        }
        (saved, None, last)
    }

    /// `heure …`: the moment the following observations were seen, in the place's legal time.
    fn seen_at(&mut self, moment: Option<crate::domain::event::Moment>) -> Vec<String> {
        let Some(moment) = moment else {
            self.seen = None;
            return vec![Message::new("plain-seen-now").render(self.lang)];
        };
        let bureau = self.bureau.as_ref().map(|b| &b.code);
        // A time alone is on the bureau's own election day (the Saturday overseas, issue 14.6).
        match crate::app::seen_at_in(
            moment,
            &self.election,
            &self.circonscription.code,
            bureau,
            self.lang,
        ) {
            Ok(at) => {
                self.seen = Some(at);
                let zone = LegalZone::of_place(&self.circonscription.code, bureau);
                vec![
                    Message::new("plain-seen-at")
                        .arg("moment", self.lang.catalog().moment(at, zone))
                        .render(self.lang),
                ]
            }
            Err(e) => vec![e.message(self.lang)],
        }
    }

    /// A change, once committed: "enregistré à 22 h 46" (the place's legal time, law.md §2.8,
    /// said as the interface says it), and "vu à 15 h 40" first when the observer gave the
    /// time it was seen (`heure`).
    fn saved_line(
        &self,
        summary: &str,
        at: Option<DateTime<Utc>>,
        seen: Option<DateTime<Utc>>,
    ) -> String {
        let time = at.map_or_else(String::new, |at| (self.text.clock)(self.local(at)));
        match seen {
            Some(seen) => {
                let seen = (self.text.clock)(self.local(seen));
                format!("{summary} — {}", (self.text.saved_seen_at)(&seen, &time))
            }
            None => format!("{summary} — {}", (self.text.saved_at)(&time)),
        }
    }

    /// A moment in the place's legal time.
    fn local(&self, at: DateTime<Utc>) -> chrono::NaiveDateTime {
        LegalZone::of_place(
            &self.circonscription.code,
            self.bureau.as_ref().map(|b| &b.code),
        )
        .local(at)
    }

    /// A re-check of the table, once committed: "revérifié à 15 h 40" (the bureau's legal time),
    /// at the time it was seen when the observer gave one (`heure`), else when recorded.
    fn rechecked_line(&self, summary: &str, at: Option<DateTime<Utc>>) -> String {
        let time = self
            .seen
            .or(at)
            .map_or_else(String::new, |at| (self.text.clock)(self.local(at)));
        format!("{summary} — {}", (self.text.rechecked_at)(&time))
    }

    /// Commits one change; says it saved, or why not.
    fn commit(
        &mut self,
        store: &mut Store,
        summary: String,
        bodies: Vec<EventBody>,
    ) -> Vec<String> {
        self.commit_as(store, summary, bodies, false)
    }

    /// [`Self::commit`]; with `recheck`, a saved re-check is said "revérifié à …".
    fn commit_as(
        &mut self,
        store: &mut Store,
        summary: String,
        bodies: Vec<EventBody>,
        recheck: bool,
    ) -> Vec<String> {
        let total = bodies.len();
        let (saved, failure, at) = self.append_all(store, bodies);
        let done = saved.len();
        let lines = match failure {
            None if recheck => vec![self.rechecked_line(&summary, at)],
            None => vec![self.saved_line(&summary, at, self.seen)],
            Some(why) => {
                let mut lines = vec![(self.text.not_saved)(&why)];
                if done > 0 {
                    lines.push((self.text.partly_saved)(done, total));
                }
                lines
            }
        };
        if done > 0 {
            self.undo.push(Change {
                summary,
                events: saved,
                earlier: false,
                envelope: self.envelope_no,
            });
        }
        lines
    }

    /// `annuler`: undoes the last change; one of an earlier session (the stack is rebuilt from
    /// the observer's events at start, as the interface does) only after a yes.
    fn undo(&mut self, store: &mut Store) -> Vec<String> {
        // Withdrawn meanwhile (from the command line, a merge): the next one.
        while let Some(change) = self.undo.last() {
            if !self.sheet().undo(&change.events, Vec::new()).is_empty() {
                break;
            }
            self.undo.pop();
        }
        if let Some(change) = self.undo.last().filter(|c| c.earlier) {
            self.pending = Some(Pending::UndoEarlier(self.undo_words(change)));
            return vec![];
        }
        self.undo_now(store)
    }

    /// What undoing `change` changes, said as the interface says it ("n° 1 profession de foi
    /// présent → non vérifié"); read before the undo.
    fn undo_words(&self, change: &Change) -> String {
        let sheet = Sheet {
            envelope: change.envelope,
            ..self.sheet()
        };
        let cells = sheet.undone_cells(&change.events);
        if cells.is_empty() && !change.summary.is_empty() {
            return change.summary.clone();
        }
        crate::tui::words::undo_text(
            self.lang,
            &cells,
            false,
            &sheet.undone_records(&change.events),
        )
    }

    /// Retracts the events of the last change, latest first, and says what it undid.
    fn undo_now(&mut self, store: &mut Store) -> Vec<String> {
        let t = self.text;
        let Some(change) = self.undo.pop() else {
            return vec![t.nothing_to_undo.to_owned()];
        };
        let what = self.undo_words(&change);
        let bodies = Sheet {
            envelope: change.envelope,
            ..self.sheet()
        }
        .undo(&change.events, Vec::new());
        if bodies.is_empty() {
            return vec![t.nothing_to_undo.to_owned()];
        }
        let live: Vec<EventId> = bodies
            .iter()
            .filter_map(|b| match b {
                EventBody::Retract { target } => Some(*target),
                _ => None,
            })
            .collect();
        let (_, failure, at) = self.append_all(store, bodies);
        let summary = (t.undone)(&what);
        match failure {
            None => vec![self.saved_line(&summary, at, None)],
            Some(why) => {
                // What was not withdrawn can still be undone by a later `annuler`.
                let left: Vec<EventId> = live
                    .into_iter()
                    .filter(|id| self.state.is_live(*id))
                    .collect();
                self.undo.push(Change {
                    events: left,
                    ..change
                });
                vec![(t.not_saved)(&why)]
            }
        }
    }
}

#[cfg(test)]
pub(crate) mod tests;
