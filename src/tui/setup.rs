//! First run: no database yet. A short form asks the observer's name (and an optional contact),
//! where the election comes from — a bundled sample, or a reference file of official data
//! prepared by a coordinator (`constat reference -o ref.db`), with the observer's bureau when
//! known — and the qualité they sign réclamations in. The runtime then creates the database
//! (never over an existing file) as `constat init --reference … [--bureau …] [--qualite …]`
//! does, and opens the picker when no bureau was given.
//!
//! Elm style like the main interface: [`SetupModel`], [`SetupMsg`], a pure [`update`] that
//! returns a [`SetupEffect`], drawn by `view::setup`.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::theme::Theme;
use crate::domain::appeal::Qualite;
use crate::i18n::Lang;

/// Where the new database's election and reference data come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A bundled sample, by name.
    Sample(&'static str),
    /// A constat database of official data (from a coordinator), by path.
    Reference(String),
}

/// What the observer asked for: the runtime creates the database from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetupChoice {
    /// The observer's name, as it will appear in evidence.
    pub name: String,
    /// How to reach the observer (optional; kept in the database's settings).
    pub contact: Option<String>,
    /// Where the election comes from.
    pub source: Source,
    /// "Observatrice" (`Some(true)`), "observateur" (`Some(false)`), or not said: how the
    /// interface names the observer and how the réclamation says « Je soussigné(e) ».
    pub feminine: Option<bool>,
    /// With a reference file: the observer's bureau, when typed (the database then holds its
    /// circonscription only, as `init --reference … --bureau …` makes it).
    pub bureau: Option<String>,
    /// The qualité the observer signs réclamations in, when said (`init --qualite`).
    pub qualite: Option<Qualite>,
}

/// The form's fields, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The observer's name.
    Name,
    /// Optional contact.
    Contact,
    /// The election: one of the samples, or a reference file.
    Election,
    /// The reference file's path (only with the reference choice).
    Reference,
    /// The observer's bureau code (only with the reference choice; optional).
    Bureau,
    /// Observateur or observatrice (a choice, not said by default).
    Word,
    /// The qualité: not said, électeur, délégué, candidat (a choice).
    Qualite,
    /// Whose délégué (only with the délégué choice).
    Delegate,
}

/// The qualités offered, in the order the choice cycles through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QualiteChoice {
    /// Not said (asked again when a réclamation is prepared).
    Unsaid,
    /// A voter registered at the bureau.
    Electeur,
    /// A candidate's délégué (whose: the next field).
    Delegue,
    /// A candidate.
    Candidat,
}

impl QualiteChoice {
    const ORDER: [Self; 4] = [Self::Unsaid, Self::Electeur, Self::Delegue, Self::Candidat];

    /// The catalogue's words for the choice.
    pub fn message_id(self) -> &'static str {
        match self {
            Self::Unsaid => "setup-qualite-unsaid",
            Self::Electeur => "setup-qualite-electeur",
            Self::Delegue => "setup-qualite-delegue",
            Self::Candidat => "setup-qualite-candidat",
        }
    }
}

/// The first-run form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetupModel {
    /// Interface language.
    pub lang: Lang,
    /// Styles.
    pub theme: Theme,
    /// Where the database will be created (shown, so the observer knows).
    pub path: String,
    /// Typed name.
    pub name: String,
    /// Typed contact.
    pub contact: String,
    /// The bundled samples offered, by name.
    pub samples: Vec<&'static str>,
    /// The election chosen: an index into `samples`, or `samples.len()` for a reference file.
    pub election: usize,
    /// Observatrice, observateur, or not said.
    pub feminine: Option<bool>,
    /// Typed reference file path.
    pub reference: String,
    /// Typed bureau code (with a reference file).
    pub bureau: String,
    /// The qualité chosen.
    pub qualite: QualiteChoice,
    /// Typed name of the candidate or list the observer is délégué of.
    pub delegate: String,
    /// The field with the focus.
    pub focus: Field,
    /// Why the last attempt failed.
    pub error: Option<String>,
    /// Set when the observer gave up (Esc): nothing is created.
    pub quit: bool,
}

/// What can happen to the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SetupMsg {
    /// A character typed in the focused field.
    Input(char),
    /// Erase the focused field's last character.
    Erase,
    /// Next field (`true`) or previous one.
    Focus(bool),
    /// Previous (`false`) or next choice of the focused choice field (election, word).
    Choose(bool),
    /// Create the database.
    Submit,
    /// The creation failed: why.
    Failed(String),
    /// Leave without creating anything.
    Quit,
}

/// What the runtime must do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SetupEffect {
    /// Create the database; answer `Failed` if it cannot be.
    Create(SetupChoice),
}

impl SetupModel {
    /// An empty form for a database at `path`.
    pub fn new(lang: Lang, theme: Theme, path: String) -> Self {
        Self {
            lang,
            theme,
            path,
            name: String::new(),
            contact: String::new(),
            samples: crate::sample::names(),
            feminine: None,
            election: 0,
            reference: String::new(),
            bureau: String::new(),
            qualite: QualiteChoice::Unsaid,
            delegate: String::new(),
            focus: Field::Name,
            error: None,
            quit: false,
        }
    }

    /// True when the reference file is chosen (its path field is shown).
    pub fn wants_reference(&self) -> bool {
        self.election >= self.samples.len()
    }

    /// The fields shown, in order.
    pub fn fields(&self) -> Vec<Field> {
        let mut f = vec![Field::Name, Field::Contact, Field::Election];
        if self.wants_reference() {
            f.extend([Field::Reference, Field::Bureau]);
        }
        f.extend([Field::Word, Field::Qualite]);
        if self.qualite == QualiteChoice::Delegue {
            f.push(Field::Delegate);
        }
        f
    }
}

/// The message a key means on the form.
pub fn message_for(key: KeyEvent, model: &SetupModel) -> Option<SetupMsg> {
    if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
        return Some(SetupMsg::Quit);
    }
    match key.code {
        KeyCode::Esc => Some(SetupMsg::Quit),
        KeyCode::Enter => Some(SetupMsg::Submit),
        KeyCode::Tab | KeyCode::Down => Some(SetupMsg::Focus(true)),
        KeyCode::BackTab | KeyCode::Up => Some(SetupMsg::Focus(false)),
        KeyCode::Left if model.focus.is_choice() => Some(SetupMsg::Choose(false)),
        KeyCode::Right | KeyCode::Char(' ') if model.focus.is_choice() => {
            Some(SetupMsg::Choose(true))
        }
        KeyCode::Backspace => Some(SetupMsg::Erase),
        KeyCode::Char(c)
            if !key
                .modifiers
                .intersects(KeyModifiers::ALT | KeyModifiers::CONTROL) =>
        {
            Some(SetupMsg::Input(c))
        }
        _ => None,
    }
}

impl Field {
    /// A choice among fixed values (space and ← → change it), not a text.
    pub fn is_choice(self) -> bool {
        matches!(self, Self::Election | Self::Word | Self::Qualite)
    }
}

const TEXT_MAX: usize = 200;
/// A bureau code is short (`75056_0911`, `ZZ01_0001`).
const BUREAU_MAX: usize = 40;
const PATH_MAX: usize = 1000;

/// Applies `msg`; returns the effect to run, if any.
pub fn update(model: &mut SetupModel, msg: SetupMsg) -> Option<SetupEffect> {
    match msg {
        SetupMsg::Input(c) if !c.is_control() => {
            let (field, max) = match model.focus {
                Field::Name => (&mut model.name, TEXT_MAX),
                Field::Contact => (&mut model.contact, TEXT_MAX),
                Field::Reference => (&mut model.reference, PATH_MAX),
                Field::Bureau => (&mut model.bureau, BUREAU_MAX),
                Field::Delegate => (&mut model.delegate, TEXT_MAX),
                Field::Election | Field::Word | Field::Qualite => return None,
            };
            if field.chars().count() < max {
                field.push(c);
            }
            None
        }
        SetupMsg::Input(_) => None,
        SetupMsg::Erase => {
            match model.focus {
                Field::Name => model.name.pop(),
                Field::Contact => model.contact.pop(),
                Field::Reference => model.reference.pop(),
                Field::Bureau => model.bureau.pop(),
                Field::Delegate => model.delegate.pop(),
                Field::Election | Field::Word | Field::Qualite => None,
            };
            None
        }
        SetupMsg::Focus(forward) => {
            let fields = model.fields();
            let i = fields.iter().position(|f| *f == model.focus).unwrap_or(0);
            let n = fields.len();
            model.focus = fields[if forward {
                (i + 1) % n
            } else {
                (i + n - 1) % n
            }];
            None
        }
        SetupMsg::Choose(forward) if model.focus == Field::Word => {
            // not said → observateur → observatrice → not said
            let order = [None, Some(false), Some(true)];
            let i = order.iter().position(|w| *w == model.feminine).unwrap_or(0);
            model.feminine = order[if forward { (i + 1) % 3 } else { (i + 2) % 3 }];
            None
        }
        SetupMsg::Choose(forward) if model.focus == Field::Qualite => {
            let order = QualiteChoice::ORDER;
            let n = order.len();
            let i = order.iter().position(|q| *q == model.qualite).unwrap_or(0);
            model.qualite = order[if forward {
                (i + 1) % n
            } else {
                (i + n - 1) % n
            }];
            None
        }
        SetupMsg::Choose(forward) => {
            let n = model.samples.len() + 1;
            model.election = if forward {
                (model.election + 1) % n
            } else {
                (model.election + n - 1) % n
            };
            None
        }
        SetupMsg::Submit => {
            let j = model.lang.setup();
            let name = model.name.trim();
            if name.is_empty() {
                model.error = Some(j.name_required.to_owned());
                model.focus = Field::Name;
                return None;
            }
            let source = match model.samples.get(model.election) {
                Some(sample) => Source::Sample(sample),
                None if model.reference.trim().is_empty() => {
                    model.error = Some(j.reference_required.to_owned());
                    model.focus = Field::Reference;
                    return None;
                }
                None => Source::Reference(model.reference.trim().to_owned()),
            };
            let qualite = match model.qualite {
                QualiteChoice::Unsaid => None,
                QualiteChoice::Electeur => Some(Qualite::Electeur),
                QualiteChoice::Candidat => Some(Qualite::Candidat),
                QualiteChoice::Delegue if model.delegate.trim().is_empty() => {
                    model.error = Some(
                        crate::i18n::Message::new("setup-delegate-required").render(model.lang),
                    );
                    model.focus = Field::Delegate;
                    return None;
                }
                QualiteChoice::Delegue => Some(Qualite::Delegue(model.delegate.trim().to_owned())),
            };
            model.error = None;
            let contact = Some(model.contact.trim().to_owned()).filter(|c| !c.is_empty());
            let bureau = Some(model.bureau.trim().to_owned())
                .filter(|b| !b.is_empty() && matches!(source, Source::Reference(_)));
            Some(SetupEffect::Create(SetupChoice {
                name: name.to_owned(),
                contact,
                source,
                feminine: model.feminine,
                bureau,
                qualite,
            }))
        }
        SetupMsg::Failed(why) => {
            model.error = Some(why);
            None
        }
        SetupMsg::Quit => {
            model.quit = true;
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model() -> SetupModel {
        SetupModel::new(Lang::Fr, Theme { color: false }, "/tmp/x.db".into())
    }

    fn type_keys(m: &mut SetupModel, keys: &str) -> Option<SetupEffect> {
        let mut last = None;
        for c in keys.chars() {
            let code = match c {
                '\t' => KeyCode::Tab,
                '\n' => KeyCode::Enter,
                '>' => KeyCode::Right,
                c => KeyCode::Char(c),
            };
            if let Some(msg) = message_for(KeyEvent::new(code, KeyModifiers::NONE), m) {
                last = update(m, msg).or(last);
            }
        }
        last
    }

    #[test]
    fn a_name_and_the_sample_make_a_choice() {
        let mut m = model();
        let effect = type_keys(&mut m, "Marie Curie\t06 00 00 00 00\n");
        assert_eq!(
            effect,
            Some(SetupEffect::Create(SetupChoice {
                name: "Marie Curie".into(),
                contact: Some("06 00 00 00 00".into()),
                source: Source::Sample("paris-1-2017"),
                feminine: None,
                bureau: None,
                qualite: None,
            }))
        );
    }

    #[test]
    fn the_observer_says_observatrice_on_the_last_field_or_says_nothing() {
        let mut m = model();
        type_keys(&mut m, "Marie Curie\t\t\t");
        assert_eq!(m.focus, Field::Word);
        type_keys(&mut m, " ");
        assert_eq!(m.feminine, Some(false));
        let effect = type_keys(&mut m, " \n");
        assert!(matches!(
            effect,
            Some(SetupEffect::Create(SetupChoice {
                feminine: Some(true),
                ..
            }))
        ));
    }

    #[test]
    fn the_name_is_required_and_the_reference_file_needs_a_path() {
        let mut m = model();
        assert_eq!(type_keys(&mut m, "\n"), None);
        assert!(m.error.is_some());
        assert_eq!(m.focus, Field::Name);
        // The samples, then the reference file: the last choice.
        let effect = type_keys(&mut m, "Paul\t\t>>\n");
        assert_eq!(effect, None, "the reference file's path is missing");
        assert_eq!(m.focus, Field::Reference);
        let effect = type_keys(&mut m, "/media/usb/lg2024.db\n");
        assert_eq!(
            effect,
            Some(SetupEffect::Create(SetupChoice {
                name: "Paul".into(),
                contact: None,
                source: Source::Reference("/media/usb/lg2024.db".into()),
                feminine: None,
                bureau: None,
                qualite: None,
            }))
        );
    }

    #[test]
    fn space_on_the_election_field_changes_the_choice_and_types_nothing() {
        let mut m = model();
        type_keys(&mut m, "\t\t ");
        assert_eq!(m.election, 1, "the présidentielle sample");
        type_keys(&mut m, " ");
        assert!(m.wants_reference());
        assert_eq!(m.name, "");
        type_keys(&mut m, " ");
        assert!(!m.wants_reference());
    }

    #[test]
    fn a_reference_file_takes_the_observer_s_bureau_and_the_qualite_is_asked() {
        let mut m = model();
        // Name, contact, election → the reference file, its path, the bureau, the word, the
        // qualité → délégué, whose.
        type_keys(&mut m, "Paul\t\t>>\t/media/usb/lg2024.db\t75056_0911\t\t>>");
        assert_eq!(m.focus, Field::Qualite);
        assert_eq!(m.qualite, QualiteChoice::Delegue);
        assert_eq!(type_keys(&mut m, "\n"), None, "whose délégué is missing");
        assert_eq!(m.focus, Field::Delegate);
        assert!(m.error.is_some());
        let effect = type_keys(&mut m, "Mme Y\n");
        assert_eq!(
            effect,
            Some(SetupEffect::Create(SetupChoice {
                name: "Paul".into(),
                contact: None,
                source: Source::Reference("/media/usb/lg2024.db".into()),
                feminine: None,
                bureau: Some("75056_0911".into()),
                qualite: Some(Qualite::Delegue("Mme Y".into())),
            }))
        );
        // With a sample, no bureau field and no bureau; électeur is a choice away.
        let mut m = model();
        let effect = type_keys(&mut m, "Marie\t\t\t\t>\n");
        assert!(matches!(
            effect,
            Some(SetupEffect::Create(SetupChoice {
                bureau: None,
                qualite: Some(Qualite::Electeur),
                ..
            }))
        ));
    }

    #[test]
    fn escape_leaves_without_creating_anything() {
        let mut m = model();
        let msg = message_for(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE), &m).unwrap();
        assert_eq!(update(&mut m, msg), None);
        assert!(m.quit);
    }
}
