//! The one catalogue of user-visible text, in French (the default) and English.
//!
//! Every string a user reads (screens, reports, command output, error messages) comes from a
//! [`Catalog`]. Texts with values are small functions so that word order can differ by language.

mod catalog;
mod errors_fr;
mod fluent;
pub mod journey;
mod reasons_fr;

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

/// The text of a reason in `lang`: English is its `Display`, French comes from `reasons_fr`.
fn reason<T: std::fmt::Display + ?Sized>(lang: Lang, r: &T, fr: fn(&T) -> String) -> String {
    match lang {
        Lang::Fr => fr(r),
        Lang::En => r.to_string(),
    }
}

impl crate::storage::MergeRejection {
    /// Why the file was refused, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        reason(lang, self, reasons_fr::merge_rejection)
    }
}

impl crate::storage::Refusal {
    /// Why the file cannot be read as a constat database, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        reason(lang, self, reasons_fr::refusal)
    }
}

impl crate::storage::ChainProblem {
    /// What is wrong with the chain, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        reason(lang, self, reasons_fr::chain_problem)
    }
}

impl crate::domain::chain::ChainBreak {
    /// Where the chain breaks, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        reason(lang, self, reasons_fr::chain_break)
    }
}

impl crate::export::events_csv::RowError {
    /// The unreadable row of an events CSV, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        reason(lang, self, reasons_fr::row_error)
    }
}

impl crate::import::ImportError {
    /// The import error, in `lang` (without « nothing was imported »).
    pub fn message(&self, lang: Lang) -> String {
        reason(lang, self, reasons_fr::import_error)
    }
}

/// A short English text written where a problem was found (a merge warning, a verification
/// reason, a system message), in `lang`: translated when the catalogue knows its shape, as it is
/// otherwise.
pub fn phrase(lang: Lang, english: &str) -> String {
    match lang {
        Lang::Fr => reasons_fr::phrase(english),
        Lang::En => english.to_owned(),
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
