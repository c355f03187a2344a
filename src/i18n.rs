//! The one catalogue of user-visible text, in French (the default) and English.
//!
//! Every string a user reads (screens, reports, command output, error messages) comes from a
//! [`Catalog`]. Texts with values are small functions so that word order can differ by language.

mod catalog;
mod fluent;
pub mod journey;

pub use catalog::{Catalog, EN, FR, PvText};
pub use fluent::{Arg, Localize, Message, format, format_attribute, has_message};

#[cfg(test)]
mod catalogue_tests;

/// The language of a catalogue builder's `const EN: bool` parameter. Builders are generic over
/// it so that their closures capture nothing and coerce to plain `fn` pointers.
pub(crate) const fn lang_of<const EN: bool>() -> Lang {
    if EN { Lang::En } else { Lang::Fr }
}

/// Message `id` without arguments, for a catalogue built once per language and kept for the
/// whole run: the text is allocated once and never freed.
pub(crate) fn leak<const EN: bool>(id: &str) -> &'static str {
    Box::leak(format(lang_of::<EN>(), id, &[]).into_boxed_str())
}

/// `tr!(EN, "message-id", name = value, …)`: the message in the builder's language, each value
/// given as Fluent variable `$name`.
macro_rules! tr {
    ($en:ident, $id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::format(
            $crate::i18n::lang_of::<$en>(),
            $id,
            &[$((stringify!($name), $crate::i18n::Arg::from($value))),*],
        )
    };
}

/// `st!(EN, "message-id")`: a message without arguments as a `&'static str` (see [`leak`]).
macro_rules! st {
    ($en:ident, $id:literal) => {
        $crate::i18n::leak::<$en>($id)
    };
}

pub(crate) use {st, tr};

/// The language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    /// Français.
    #[default]
    Fr,
    /// English.
    En,
}

impl Lang {
    /// The catalogue of this language.
    pub fn catalog(self) -> &'static Catalog {
        match self {
            Self::Fr => &FR,
            Self::En => &EN,
        }
    }

    /// The interface's journey texts (screens, questions, notes, moves, export).
    pub fn journey(self) -> &'static journey::Journey {
        match self {
            Self::Fr => &journey::FR,
            Self::En => &journey::EN,
        }
    }

    /// The first-run form's texts.
    pub fn setup(self) -> &'static journey::Setup {
        match self {
            Self::Fr => &journey::SETUP_FR,
            Self::En => &journey::SETUP_EN,
        }
    }

    /// Picks the language from locale variables as POSIX orders them (`LC_ALL`, `LC_MESSAGES`,
    /// `LANG`): English when the first one set starts with `en`, French otherwise.
    pub fn from_locale(lookup: impl Fn(&str) -> Option<String>) -> Self {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(&lookup)
            .find(|v| !v.is_empty());
        match locale {
            Some(l) if l.to_ascii_lowercase().starts_with("en") => Self::En,
            _ => Self::Fr,
        }
    }
}

/// Longest value from outside (a file, a system) quoted whole in a message; longer ones are cut.
const MAX_VALUE_CHARS: usize = 200;

/// A value from outside (another observer's file, a table being imported), cut to
/// [`MAX_VALUE_CHARS`] with `…` when longer, to be given to a message as it is: it is inserted
/// as text, never read as a message, so a value that looks like a reason or holds `{$x}` is shown
/// exactly as found.
pub fn cut(text: &str) -> String {
    match text.char_indices().nth(MAX_VALUE_CHARS) {
        None => text.to_owned(),
        Some((at, _)) => format!("{}…", &text[..at]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_locales_pick_english_and_everything_else_french() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        assert_eq!(Lang::from_locale(env(&[("LANG", "en_GB.UTF-8")])), Lang::En);
        assert_eq!(Lang::from_locale(env(&[("LANG", "fr_FR.UTF-8")])), Lang::Fr);
        assert_eq!(Lang::from_locale(env(&[("LANG", "C.UTF-8")])), Lang::Fr);
        assert_eq!(Lang::from_locale(env(&[])), Lang::Fr);
        assert_eq!(
            Lang::from_locale(env(&[("LC_ALL", "fr_FR"), ("LANG", "en_US")])),
            Lang::Fr
        );
    }

    #[test]
    fn french_agreement_follows_the_count() {
        assert_eq!(
            (FR.finding_shortfall)(4, 1, 3),
            "1 enveloppe pour 4 électeurs : 3 manquantes"
        );
        assert_eq!((FR.round)(1), "1er tour");
        assert_eq!((FR.round)(2), "2e tour");
    }
}
