//! Pure parsing of one typed line into a [`Command`]: no I/O, no state. Words are matched without
//! regard to case; French words have English aliases and short forms (see `docs/commands.md`).

use crate::domain::{Item, Mark, Panel, PhotoSubject};

/// What a typed line asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// An empty line: nothing to do.
    Empty,
    /// `3 foi p`: one cell of candidate `panel`.
    Set {
        /// Which candidate.
        panel: Panel,
        /// Which column.
        item: Item,
        /// What was seen.
        mark: Mark,
    },
    /// `tous bureau p`: the whole column, for every candidate (asks for confirmation).
    Column {
        /// Which column.
        item: Item,
        /// What was seen.
        mark: Mark,
    },
    /// `enveloppe 4 1 [06/06/2024]`: voters registered at the address, envelopes received, and
    /// the day they arrived when given.
    Envelope {
        /// Voters registered at the address (at least 1).
        voters: u32,
        /// Envelopes received.
        received: u32,
        /// The day they arrived.
        received_on: Option<chrono::NaiveDate>,
        /// The rest of the line, a note on the household (`boîte partagée`).
        note: Option<String>,
    },
    /// `numero 2`: the following profession de foi and mailed-ballot cells are those of the
    /// household's envelope 2.
    EnvelopeNumber {
        /// From 1.
        number: u16,
    },
    /// `non-recu [nom]`: a voter of the current bureau who received no envelope.
    NonReceipt {
        /// The voter's name, when given.
        voter: Option<String>,
        /// Of the observer's own household (`foyer`) or another (`autre`), when said; else
        /// the default of `domain::session::own_household`.
        household: Option<bool>,
    },
    /// `note 3 bureau TEXT`: the cell's current mark again, with a note.
    Note {
        /// Which candidate.
        panel: Panel,
        /// Which column.
        item: Item,
        /// The note.
        text: String,
    },
    /// `bureau 75056_0911` or `bureau 7501`: go to that bureau (it becomes the database's
    /// current bureau) or circonscription.
    Place {
        /// The code typed.
        code: String,
    },
    /// `machines [oui|non]`: the current bureau votes on machines (or not).
    Machines {
        /// Votes on machines.
        on: bool,
    },
    /// `heure 11/06/2017 15:40` (or `heure 15 h 40`): the observations that follow were seen
    /// then (a record typed in later); `heure maintenant` goes back to the time of entry.
    SeenAt {
        /// The moment, `None` for "now".
        moment: Option<crate::domain::event::Moment>,
    },
    /// `annuler`: retract the last change of this session.
    Undo,
    /// `bilan`: the findings of the circonscription, as the report words them.
    Findings,
    /// `pv`: the réclamation for the current bureau's procès-verbal, as `constat pv` prints it.
    Pv,
    /// `annexe`: the whole report of the circonscription, ending with the chain digest: the
    /// printout to annex to the procès-verbal.
    Annex,
    /// `export DOSSIER`: the evidence folder, as `constat export evidence -o DOSSIER`.
    Export {
        /// The folder, as typed (`~/` is the home folder).
        folder: String,
    },
    /// `historique 3 bureau`: every observation of the cell this observer recorded, with times.
    History {
        /// Which candidate.
        panel: Panel,
        /// Which column.
        item: Item,
    },
    /// `verifier`: re-checks the database's hash chains and signatures, as `constat verify`.
    Verify,
    /// `photo 8 bureau CHEMIN`, `photo bureau CHEMIN`, `photo enveloppe CHEMIN`: attaches the
    /// file as evidence to a cell, the bureau or the household's envelopes (issue 19).
    Photo {
        /// What it shows (a cell, the bureau, the household; never a non-receipt here).
        of: PhotoSubject,
        /// The file, as typed (the rest of the line: spaces kept, `~/` is the home folder).
        path: String,
    },
    /// `liste`: print the candidates and their cells again.
    List,
    /// `aide`: the list of commands.
    Help,
    /// `quitter`: end the session.
    Quit,
}

/// Which command a mistake was made in: the reply gives an example of its right form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// No command recognised.
    Any,
    /// `3 foi p`.
    Set,
    /// `tous bureau p`.
    Column,
    /// `enveloppe 4 1`.
    Envelope,
    /// `numero 2`.
    EnvelopeNumber,
    /// `non-recu [nom]`.
    NonReceipt,
    /// `note 3 bureau TEXT`.
    Note,
    /// `bureau CODE`.
    Place,
    /// `export DOSSIER`.
    Export,
    /// `historique 3 bureau`.
    History,
    /// `machines oui`.
    Machines,
    /// `heure 15 h 40`.
    SeenAt,
    /// `photo 8 bureau CHEMIN`.
    Photo,
    /// A command that takes nothing after it (`annuler`, `liste`, `aide`, `quitter`).
    Bare,
}

/// What was wrong in a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The first word is no command.
    UnknownCommand(String),
    /// The candidate number is missing.
    MissingPanel,
    /// A candidate number that is not a number from 1 to 999.
    BadPanel(String),
    /// The column is missing.
    MissingItem,
    /// A word that is no column.
    BadItem(String),
    /// The mark is missing.
    MissingMark,
    /// A word that is no mark.
    BadMark(String),
    /// Not a moment (`11/06/2017 15:40`, `15 h 40`).
    BadMoment(String),
    /// Neither yes nor no.
    BadYesNo(String),
    /// A number is missing.
    MissingNumber,
    /// A word that is not a whole number.
    BadNumber(String),
    /// No voters at the address.
    NoVoters,
    /// A word that is not a day (`JJ/MM/AAAA` or `AAAA-MM-JJ`).
    BadDate(String),
    /// A word that is not an envelope number (1 to 999).
    BadEnvelopeNumber(String),
    /// Words left over after a complete command.
    Extra(String),
    /// The note's text is missing.
    MissingText,
    /// A note longer than [`MAX_TEXT`] characters, or a name longer than
    /// [`crate::domain::merge::MAX_NAME`] (the limits merge applies): the limit.
    TooLong(usize),
    /// Control characters in a note or name.
    Control,
    /// The folder is missing.
    MissingFolder,
    /// `photo` without what it shows: a candidate number and a column, `bureau` or `enveloppe`.
    MissingPhotoSubject,
    /// A word that is neither a candidate number, `bureau` nor `enveloppe`.
    BadPhotoSubject(String),
    /// The photo's file is missing.
    MissingPath,
}

/// A line that could not be understood: what was wrong, and in which command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// What was wrong.
    pub problem: Problem,
    /// The command it was in, for the example.
    pub form: Form,
}

/// The longest note or name accepted, in characters (as `constat tick --note`).
pub const MAX_TEXT: usize = crate::domain::merge::MAX_NOTE;

fn fail<T>(form: Form, problem: Problem) -> Result<T, ParseError> {
    Err(ParseError { problem, form })
}

/// Splits off the first word: `(word, rest)`, the rest with its leading blanks removed.
fn first_word(s: &str) -> (&str, &str) {
    let s = s.trim_start();
    match s.find(char::is_whitespace) {
        Some(i) => (&s[..i], s[i..].trim_start()),
        None => (s, ""),
    }
}

/// A column named in a line: `foi`/`f`, `courrier`/`c`/`mail`, `bureau`/`b`.
pub fn item(word: &str) -> Option<Item> {
    match word.to_lowercase().as_str() {
        "foi" | "f" | "profession" => Some(Item::Foi),
        "courrier" | "c" | "mail" => Some(Item::Courrier),
        "bureau" | "b" => Some(Item::Bureau),
        _ => None,
    }
}

/// A mark named in a line: `p`/`présent`/`present`, `a`/`absent`, `-`/`effacer`/`clear`, and
/// the words a volunteer says (`présente`, `oui`, `vu`; `absente`, `non`, `manquant`).
pub fn mark(word: &str) -> Option<Mark> {
    match word.to_lowercase().as_str() {
        "p" | "present" | "présent" | "presente" | "présente" | "+" | "oui" | "vu" | "vue" => {
            Some(Mark::Present)
        }
        "a" | "absent" | "absente" | "non" | "manquant" | "manquante" => Some(Mark::Absent),
        "-" | "effacer" | "clear" | "nv" | "unchecked" => Some(Mark::Unchecked),
        _ => None,
    }
}

/// True for a yes to `Confirmer ? (o/n)`: `o`, `oui`, `y`, `yes`.
pub fn is_yes(line: &str) -> bool {
    matches!(
        line.trim().to_lowercase().as_str(),
        "o" | "oui" | "y" | "yes"
    )
}

/// True for a no to a confirmation: `n`, `non`, `no`.
pub fn is_no(line: &str) -> bool {
    matches!(line.trim().to_lowercase().as_str(), "n" | "non" | "no")
}

fn panel(word: &str, form: Form) -> Result<Panel, ParseError> {
    let digits = word.strip_suffix('.').unwrap_or(word);
    Panel::parse(digits).or_else(|_| fail(form, Problem::BadPanel(word.to_owned())))
}

/// Parses `ITEM MARK` with nothing after.
fn item_mark(rest: &str, form: Form) -> Result<(Item, Mark), ParseError> {
    let (w_item, rest) = first_word(rest);
    if w_item.is_empty() {
        return fail(form, Problem::MissingItem);
    }
    let Some(item) = item(w_item) else {
        return fail(form, Problem::BadItem(w_item.to_owned()));
    };
    let (w_mark, rest) = first_word(rest);
    if w_mark.is_empty() {
        return fail(form, Problem::MissingMark);
    }
    let Some(mark) = mark(w_mark) else {
        return fail(form, Problem::BadMark(w_mark.to_owned()));
    };
    nothing_after(rest, form)?;
    Ok((item, mark))
}

fn nothing_after(rest: &str, form: Form) -> Result<(), ParseError> {
    if rest.is_empty() {
        Ok(())
    } else {
        fail(form, Problem::Extra(rest.to_owned()))
    }
}

fn number(word: &str, form: Form) -> Result<u32, ParseError> {
    if word.is_empty() {
        return fail(form, Problem::MissingNumber);
    }
    match word.parse::<u32>() {
        Ok(n) => Ok(n),
        // Digits past u32 (twenty nines) are a number too large for any household: the
        // recording rules say what is expected (`Sheet::check_count`).
        Err(_) if word.chars().all(|c| c.is_ascii_digit()) => Ok(u32::MAX),
        Err(_) => fail(form, Problem::BadNumber(word.to_owned())),
    }
}

fn text(raw: &str, form: Form) -> Result<String, ParseError> {
    let t = raw.trim();
    let max = if form == Form::NonReceipt {
        crate::domain::merge::MAX_NAME
    } else {
        MAX_TEXT
    };
    if t.chars().count() > max {
        fail(form, Problem::TooLong(max))
    } else if t.chars().any(|c| c.is_control() && c != '\t') {
        fail(form, Problem::Control)
    } else {
        Ok(t.to_owned())
    }
}

/// `photo …` after its first word: what the photo shows, then the file (the rest of the line).
fn photo(rest: &str) -> Result<Command, ParseError> {
    let form = Form::Photo;
    let (word, rest) = first_word(rest);
    if word.is_empty() {
        return fail(form, Problem::MissingPhotoSubject);
    }
    let (of, rest) = if word.starts_with(|c: char| c.is_ascii_digit()) {
        let panel = panel(word, form)?;
        let (w_item, rest) = first_word(rest);
        if w_item.is_empty() {
            return fail(form, Problem::MissingItem);
        }
        let Some(item) = item(w_item) else {
            return fail(form, Problem::BadItem(w_item.to_owned()));
        };
        (PhotoSubject::Cell { panel, item }, rest)
    } else {
        match word.to_lowercase().as_str() {
            "bureau" | "b" | "table" => (PhotoSubject::Bureau, rest),
            "enveloppe" | "enveloppes" | "envelope" | "envelopes" | "env" | "e" | "foyer"
            | "household" => (PhotoSubject::Household, rest),
            _ => return fail(form, Problem::BadPhotoSubject(word.to_owned())),
        }
    };
    let path = text(rest, form)?;
    // A path pasted in quotes (as a file manager copies it) is the path inside them.
    let path = ['"', '\'']
        .iter()
        .find_map(|q| {
            path.strip_prefix(*q)
                .and_then(|p| p.strip_suffix(*q))
                .filter(|p| !p.is_empty())
        })
        .unwrap_or(&path)
        .to_owned();
    if path.is_empty() {
        return fail(form, Problem::MissingPath);
    }
    Ok(Command::Photo { of, path })
}

/// Parses one typed line.
pub fn parse(line: &str) -> Result<Command, ParseError> {
    let (word, rest) = first_word(line.trim());
    if word.is_empty() {
        return Ok(Command::Empty);
    }
    let lower = word.to_lowercase();
    if lower.starts_with(|c: char| c.is_ascii_digit()) {
        let panel = panel(word, Form::Set)?;
        let (item, mark) = item_mark(rest, Form::Set)?;
        return Ok(Command::Set { panel, item, mark });
    }
    let bare = |cmd: Command| nothing_after(rest, Form::Bare).map(|()| cmd);
    match lower.as_str() {
        "tous" | "all" | "t" => {
            let (item, mark) = item_mark(rest, Form::Column)?;
            Ok(Command::Column { item, mark })
        }
        "enveloppe" | "envelope" | "env" | "e" => {
            let (w_voters, rest) = first_word(rest);
            let voters = number(w_voters, Form::Envelope)?;
            let (w_received, rest) = first_word(rest);
            let received = number(w_received, Form::Envelope)?;
            // A day, when the next word starts with a digit; the rest is a note.
            let (w_day, after_day) = first_word(rest);
            let (received_on, rest) = if w_day.starts_with(|c: char| c.is_ascii_digit()) {
                let day = crate::domain::event::parse_day(w_day)
                    .or_else(|w| fail(Form::Envelope, Problem::BadDate(w)))?;
                (day, after_day)
            } else {
                (None, rest)
            };
            let note = text(rest, Form::Envelope)?;
            if voters == 0 {
                return fail(Form::Envelope, Problem::NoVoters);
            }
            Ok(Command::Envelope {
                voters,
                received,
                received_on,
                note: Some(note).filter(|n| !n.is_empty()),
            })
        }
        "numero" | "numéro" | "n°" | "num" | "number" => {
            let (w, rest) = first_word(rest);
            if w.is_empty() {
                return fail(Form::EnvelopeNumber, Problem::MissingNumber);
            }
            nothing_after(rest, Form::EnvelopeNumber)?;
            let number = w
                .parse::<u16>()
                .ok()
                .filter(|n| (1..=crate::domain::event::MAX_ENVELOPE).contains(n))
                .ok_or_else(|| ParseError {
                    problem: Problem::BadEnvelopeNumber(w.to_owned()),
                    form: Form::EnvelopeNumber,
                })?;
            Ok(Command::EnvelopeNumber { number })
        }
        "non-recu" | "non-reçu" | "nonrecu" | "non-reçue" | "non-recue" | "non-receipt" | "nr" => {
            let (word, after) = first_word(rest);
            let household = match word.to_lowercase().as_str() {
                "foyer" | "mon-foyer" | "own" | "household" => Some(true),
                "autre" | "autre-foyer" | "other" => Some(false),
                _ => None,
            };
            let rest = if household.is_some() { after } else { rest };
            let voter = text(rest, Form::NonReceipt)?;
            Ok(Command::NonReceipt {
                voter: Some(voter).filter(|v| !v.is_empty()),
                household,
            })
        }
        "note" => {
            let (w_panel, rest) = first_word(rest);
            if w_panel.is_empty() {
                return fail(Form::Note, Problem::MissingPanel);
            }
            let panel = panel(w_panel, Form::Note)?;
            let (w_item, rest) = first_word(rest);
            if w_item.is_empty() {
                return fail(Form::Note, Problem::MissingItem);
            }
            let Some(item) = item(w_item) else {
                return fail(Form::Note, Problem::BadItem(w_item.to_owned()));
            };
            let text = text(rest, Form::Note)?;
            if text.is_empty() {
                return fail(Form::Note, Problem::MissingText);
            }
            Ok(Command::Note { panel, item, text })
        }
        "bureau" | "lieu" | "place" | "b" => {
            let (code, rest) = first_word(rest);
            if code.is_empty() {
                return fail(Form::Place, Problem::MissingText);
            }
            nothing_after(rest, Form::Place)?;
            Ok(Command::Place {
                code: code.to_owned(),
            })
        }
        "machines" | "machine" => {
            let (w, rest) = first_word(rest);
            nothing_after(rest, Form::Machines)?;
            let on = match w.to_lowercase().as_str() {
                "" | "oui" | "o" | "yes" | "y" => true,
                "non" | "n" | "no" => false,
                other => return fail(Form::Machines, Problem::BadYesNo(other.to_owned())),
            };
            Ok(Command::Machines { on })
        }
        "heure" | "vu-a" | "vu-à" | "seen-at" | "time" => {
            let t = rest.trim();
            match t.to_lowercase().as_str() {
                "" => fail(Form::SeenAt, Problem::MissingText),
                "maintenant" | "now" => Ok(Command::SeenAt { moment: None }),
                _ => crate::domain::event::parse_moment(t)
                    .map(|m| Command::SeenAt { moment: Some(m) })
                    .or_else(|w| fail(Form::SeenAt, Problem::BadMoment(w))),
            }
        }
        "annuler" | "undo" | "u" => bare(Command::Undo),
        "bilan" | "findings" | "summary" => bare(Command::Findings),
        "pv" | "reclamation" | "réclamation" => bare(Command::Pv),
        "annexe" | "annex" | "rapport" | "report" => bare(Command::Annex),
        "verifier" | "vérifier" | "verify" => bare(Command::Verify),
        "export" | "exporter" => {
            let folder = text(rest, Form::Export)?;
            if folder.is_empty() {
                return fail(Form::Export, Problem::MissingFolder);
            }
            Ok(Command::Export { folder })
        }
        "historique" | "history" | "hist" => {
            let (w_panel, rest) = first_word(rest);
            if w_panel.is_empty() {
                return fail(Form::History, Problem::MissingPanel);
            }
            let panel = panel(w_panel, Form::History)?;
            let (w_item, rest) = first_word(rest);
            if w_item.is_empty() {
                return fail(Form::History, Problem::MissingItem);
            }
            let Some(item) = item(w_item) else {
                return fail(Form::History, Problem::BadItem(w_item.to_owned()));
            };
            nothing_after(rest, Form::History)?;
            Ok(Command::History { panel, item })
        }
        "photo" | "photos" => photo(rest),
        "liste" | "list" | "l" => bare(Command::List),
        "aide" | "help" | "?" | "h" => bare(Command::Help),
        "quitter" | "quit" | "q" | "exit" => bare(Command::Quit),
        _ => fail(Form::Any, Problem::UnknownCommand(word.to_owned())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The commands of issue 16, point 13.
    #[test]
    fn findings_pv_annex_export_history_and_verify() {
        for (words, cmd) in [
            (&["bilan", "BILAN", "findings"][..], Command::Findings),
            (&["pv", "réclamation", "reclamation"][..], Command::Pv),
            (&["annexe", "annex", "rapport"][..], Command::Annex),
            (&["verifier", "vérifier", "verify"][..], Command::Verify),
        ] {
            for w in words {
                assert_eq!(parse(w), Ok(cmd.clone()), "{w:?}");
            }
        }
        assert_eq!(
            parse("export  /media/clé usb/preuves "),
            Ok(Command::Export {
                folder: "/media/clé usb/preuves".into()
            })
        );
        assert_eq!(err("export").problem, Problem::MissingFolder);
        assert_eq!(err("export").form, Form::Export);
        assert_eq!(
            parse("historique 3 bureau"),
            Ok(Command::History {
                panel: p(3),
                item: Item::Bureau
            })
        );
        assert_eq!(
            parse("history 12 f"),
            Ok(Command::History {
                panel: p(12),
                item: Item::Foi
            })
        );
        assert_eq!(err("historique").problem, Problem::MissingPanel);
        assert_eq!(err("historique 3").problem, Problem::MissingItem);
        assert_eq!(err("historique 3").form, Form::History);
        assert_eq!(
            err("historique 3 bureau p").problem,
            Problem::Extra("p".into())
        );
        assert_eq!(err("pv 3").form, Form::Bare);
    }

    /// Issue 19: `photo` names a cell as the other commands do, or the bureau, or the household;
    /// the rest of the line is the file, spaces and all.
    #[test]
    fn a_photo_names_what_it_shows_then_the_file() {
        let photo = |of, path: &str| {
            Ok(Command::Photo {
                of,
                path: path.into(),
            })
        };
        let cell = |n, item| PhotoSubject::Cell { panel: p(n), item };
        assert_eq!(
            parse("photo 8 bureau /sdcard/DCIM/Camera/IMG 0001.jpg"),
            photo(cell(8, Item::Bureau), "/sdcard/DCIM/Camera/IMG 0001.jpg")
        );
        assert_eq!(
            parse("PHOTO 3 foi ~/table.png"),
            photo(cell(3, Item::Foi), "~/table.png")
        );
        assert_eq!(
            parse("photo 3 c  \"/tmp/a b.jpg\" "),
            photo(cell(3, Item::Courrier), "/tmp/a b.jpg")
        );
        assert_eq!(
            parse("photo bureau table du bureau.jpg"),
            photo(PhotoSubject::Bureau, "table du bureau.jpg")
        );
        assert_eq!(
            parse("photo enveloppe ~/enveloppes.heic"),
            photo(PhotoSubject::Household, "~/enveloppes.heic")
        );
        assert_eq!(err("photo").problem, Problem::MissingPhotoSubject);
        assert_eq!(err("photo").form, Form::Photo);
        assert_eq!(err("photo bureau").problem, Problem::MissingPath);
        assert_eq!(err("photo 8 bureau").problem, Problem::MissingPath);
        assert_eq!(err("photo 8").problem, Problem::MissingItem);
        assert_eq!(
            err("photo 8 table x.jpg").problem,
            Problem::BadItem("table".into())
        );
        assert_eq!(
            err("photo salle x.jpg").problem,
            Problem::BadPhotoSubject("salle".into())
        );
        assert_eq!(
            err("photo 0 foi x.jpg").problem,
            Problem::BadPanel("0".into())
        );
        assert_eq!(err("photo bureau a\u{7}b").problem, Problem::Control);
    }

    /// Twenty nines are a number, too large: the recording rules refuse it with the limits.
    #[test]
    fn digits_past_any_count_are_a_number_too_large() {
        assert!(matches!(
            parse("enveloppe 99999999999999999999 1"),
            Ok(Command::Envelope {
                voters: u32::MAX,
                ..
            })
        ));
    }

    fn p(n: u16) -> Panel {
        Panel::new(n).unwrap()
    }

    fn err(line: &str) -> ParseError {
        parse(line).unwrap_err()
    }

    #[test]
    fn a_cell_takes_a_number_a_column_and_a_mark_in_words_or_short_forms() {
        let set = |panel, item, mark| Command::Set {
            panel: p(panel),
            item,
            mark,
        };
        assert_eq!(parse("3 foi p"), Ok(set(3, Item::Foi, Mark::Present)));
        assert_eq!(
            parse("  3   courrier   absent "),
            Ok(set(3, Item::Courrier, Mark::Absent))
        );
        assert_eq!(
            parse("12 BUREAU Présent"),
            Ok(set(12, Item::Bureau, Mark::Present))
        );
        assert_eq!(
            parse("3 bureau present"),
            Ok(set(3, Item::Bureau, Mark::Present))
        );
        assert_eq!(parse("3 f -"), Ok(set(3, Item::Foi, Mark::Unchecked)));
        assert_eq!(parse("3. c a"), Ok(set(3, Item::Courrier, Mark::Absent)));
        assert_eq!(
            parse("4 b clear"),
            Ok(set(4, Item::Bureau, Mark::Unchecked))
        );
        assert_eq!(
            parse("4 mail effacer"),
            Ok(set(4, Item::Courrier, Mark::Unchecked))
        );
    }

    #[test]
    fn words_without_arguments() {
        for (words, cmd) in [
            (&["annuler", "undo", "u", "ANNULER"][..], Command::Undo),
            (&["liste", "list", "l"][..], Command::List),
            (&["aide", "help", "?", "h"][..], Command::Help),
            (&["quitter", "quit", "q", "Q"][..], Command::Quit),
            (&["", "   ", "\t"][..], Command::Empty),
        ] {
            for w in words {
                assert_eq!(parse(w), Ok(cmd.clone()), "{w:?}");
            }
        }
        assert_eq!(
            err("liste 3"),
            ParseError {
                problem: Problem::Extra("3".into()),
                form: Form::Bare
            }
        );
    }

    #[test]
    fn the_whole_column() {
        assert_eq!(
            parse("tous bureau p"),
            Ok(Command::Column {
                item: Item::Bureau,
                mark: Mark::Present
            })
        );
        assert_eq!(
            parse("all foi absent"),
            Ok(Command::Column {
                item: Item::Foi,
                mark: Mark::Absent
            })
        );
        assert_eq!(err("tous").problem, Problem::MissingItem);
        assert_eq!(err("tous").form, Form::Column);
        assert_eq!(err("tous bureau").problem, Problem::MissingMark);
    }

    #[test]
    fn envelope_counts() {
        assert_eq!(
            parse("enveloppe 4 1"),
            Ok(Command::Envelope {
                voters: 4,
                received: 1,
                received_on: None,
                note: None
            })
        );
        assert_eq!(
            parse("envelope 2 0"),
            Ok(Command::Envelope {
                voters: 2,
                received: 0,
                received_on: None,
                note: None
            })
        );
        assert_eq!(err("enveloppe").problem, Problem::MissingNumber);
        assert_eq!(err("enveloppe 4").problem, Problem::MissingNumber);
        assert_eq!(
            err("enveloppe quatre 1").problem,
            Problem::BadNumber("quatre".into())
        );
        assert_eq!(
            err("enveloppe -1 1").problem,
            Problem::BadNumber("-1".into())
        );
        assert_eq!(err("enveloppe 0 0").problem, Problem::NoVoters);
        assert_eq!(err("enveloppe 4 1 2").problem, Problem::BadDate("2".into()));
        assert_eq!(
            parse("enveloppe 4 2 06/06/2017"),
            Ok(Command::Envelope {
                voters: 4,
                received: 2,
                received_on: chrono::NaiveDate::from_ymd_opt(2017, 6, 6),
                note: None
            })
        );
        assert_eq!(
            parse("enveloppe 4 2 2017-06-06 boîte partagée"),
            Ok(Command::Envelope {
                voters: 4,
                received: 2,
                received_on: chrono::NaiveDate::from_ymd_opt(2017, 6, 6),
                note: Some("boîte partagée".into())
            })
        );
        assert_eq!(
            parse("enveloppe 4 1 sous la porte"),
            Ok(Command::Envelope {
                voters: 4,
                received: 1,
                received_on: None,
                note: Some("sous la porte".into())
            })
        );
        assert_eq!(parse("numéro 2"), Ok(Command::EnvelopeNumber { number: 2 }));
        assert_eq!(parse("n° 1"), Ok(Command::EnvelopeNumber { number: 1 }));
        assert_eq!(
            err("numero 0").problem,
            Problem::BadEnvelopeNumber("0".into())
        );
        assert_eq!(err("numero").problem, Problem::MissingNumber);
        assert_eq!(err("enveloppe 4").form, Form::Envelope);
    }

    #[test]
    fn non_receipt_with_or_without_a_name() {
        assert_eq!(
            parse("non-recu"),
            Ok(Command::NonReceipt {
                voter: None,
                household: None
            })
        );
        assert_eq!(
            parse("non-reçu  Jean  Dupont "),
            Ok(Command::NonReceipt {
                voter: Some("Jean  Dupont".into()),
                household: None
            })
        );
        assert_eq!(
            parse("non-receipt Ada"),
            Ok(Command::NonReceipt {
                voter: Some("Ada".into()),
                household: None
            })
        );
        assert_eq!(
            parse("non-recu foyer Paul Observateur"),
            Ok(Command::NonReceipt {
                voter: Some("Paul Observateur".into()),
                household: Some(true)
            })
        );
        assert_eq!(
            parse("nr autre"),
            Ok(Command::NonReceipt {
                voter: None,
                household: Some(false)
            })
        );
        // A name is held to the limit merge applies, so that the file always merges.
        assert_eq!(
            err(&format!("nr {}", "x".repeat(201))).problem,
            Problem::TooLong(crate::domain::merge::MAX_NAME)
        );
        assert_eq!(err("nr a\u{7}b").problem, Problem::Control);
    }

    #[test]
    fn a_note_keeps_the_rest_of_the_line() {
        assert_eq!(
            parse("note 3 bureau bulletins épuisés à 15h"),
            Ok(Command::Note {
                panel: p(3),
                item: Item::Bureau,
                text: "bulletins épuisés à 15h".into()
            })
        );
        assert_eq!(err("note 3 bureau").problem, Problem::MissingText);
        assert_eq!(err("note 3").problem, Problem::MissingItem);
        assert_eq!(
            err("note x bureau t").problem,
            Problem::BadPanel("x".into())
        );
        assert_eq!(err("note").form, Form::Note);
        assert_eq!(err("note").problem, Problem::MissingPanel);
        assert_eq!(
            err("note 3 table t").problem,
            Problem::BadItem("table".into())
        );
    }

    #[test]
    fn mistakes_say_what_was_wrong_and_in_which_command() {
        assert_eq!(
            err("bonjour"),
            ParseError {
                problem: Problem::UnknownCommand("bonjour".into()),
                form: Form::Any
            }
        );
        assert_eq!(err("0 foi p").problem, Problem::BadPanel("0".into()));
        assert_eq!(err("3x foi p").problem, Problem::BadPanel("3x".into()));
        assert_eq!(err("1000 foi p").problem, Problem::BadPanel("1000".into()));
        assert_eq!(err("3").problem, Problem::MissingItem);
        assert_eq!(err("3 table p").problem, Problem::BadItem("table".into()));
        assert_eq!(err("3 foi").problem, Problem::MissingMark);
        assert_eq!(
            err("3 foi peut-être").problem,
            Problem::BadMark("peut-être".into())
        );
        assert_eq!(err("3 foi p merci").problem, Problem::Extra("merci".into()));
        assert_eq!(err("3 foi").form, Form::Set);
    }

    #[test]
    fn confirmation_answers() {
        for yes in ["o", "oui", "O", " y ", "yes", "Oui"] {
            assert!(is_yes(yes), "{yes}");
        }
        for no in ["n", "non", "", "no", "ok", "oo"] {
            assert!(!is_yes(no), "{no}");
        }
    }

    /// The words a volunteer says for a value are understood (issue 16, point 15).
    #[test]
    fn spoken_values_are_marks() {
        for (word, expected) in [
            ("présente", Mark::Present),
            ("Présente", Mark::Present),
            ("oui", Mark::Present),
            ("vu", Mark::Present),
            ("absente", Mark::Absent),
            ("non", Mark::Absent),
            ("manquant", Mark::Absent),
            ("manquante", Mark::Absent),
        ] {
            assert_eq!(mark(word), Some(expected), "{word}");
        }
        assert_eq!(mark("peut-être"), None);
        assert!(matches!(
            parse("3 foi absente"),
            Ok(Command::Set {
                mark: Mark::Absent,
                ..
            })
        ));
    }
}
