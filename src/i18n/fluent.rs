//! The Fluent catalogues compiled into the binary, and the one function that renders a message.
//!
//! Every user-visible text is a message of `locales/fr/*.ftl` or `locales/en/*.ftl`. Plurals and
//! agreement are Fluent selectors on CLDR plural categories (French puts 0 and 1 in `one`,
//! English only 1). Numbers and dates that need French formatting are formatted by small helpers
//! and passed in as strings; counts are passed as numbers so that selectors can see them.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{LazyLock, OnceLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use super::Lang;

/// One `.ftl` file: its name (for messages about the catalogue itself) and its text.
pub(super) type Resource = (&'static str, &'static str);

/// The French catalogue, file by file. A new file is added here and in [`EN`].
pub(super) const FR: &[Resource] = &[
    ("fr/report.ftl", include_str!("../../locales/fr/report.ftl")),
    ("fr/pv.ftl", include_str!("../../locales/fr/pv.ftl")),
    ("fr/law.ftl", include_str!("../../locales/fr/law.ftl")),
    (
        "fr/commands.ftl",
        include_str!("../../locales/fr/commands.ftl"),
    ),
    (
        "fr/interface.ftl",
        include_str!("../../locales/fr/interface.ftl"),
    ),
    (
        "fr/journey.ftl",
        include_str!("../../locales/fr/journey.ftl"),
    ),
    ("fr/plain.ftl", include_str!("../../locales/fr/plain.ftl")),
    ("fr/errors.ftl", include_str!("../../locales/fr/errors.ftl")),
    (
        "fr/reasons.ftl",
        include_str!("../../locales/fr/reasons.ftl"),
    ),
    ("fr/cli.ftl", include_str!("../../locales/fr/cli.ftl")),
    (
        "fr/findings.ftl",
        include_str!("../../locales/fr/findings.ftl"),
    ),
    // The coordinator's live view (issue 18 point 3).
    (
        "fr/coordination.ftl",
        include_str!("../../locales/fr/coordination.ftl"),
    ),
];

/// The English catalogue, file by file, in the same order as [`FR`].
pub(super) const EN: &[Resource] = &[
    ("en/report.ftl", include_str!("../../locales/en/report.ftl")),
    ("en/pv.ftl", include_str!("../../locales/en/pv.ftl")),
    ("en/law.ftl", include_str!("../../locales/en/law.ftl")),
    (
        "en/commands.ftl",
        include_str!("../../locales/en/commands.ftl"),
    ),
    (
        "en/interface.ftl",
        include_str!("../../locales/en/interface.ftl"),
    ),
    (
        "en/journey.ftl",
        include_str!("../../locales/en/journey.ftl"),
    ),
    ("en/plain.ftl", include_str!("../../locales/en/plain.ftl")),
    ("en/errors.ftl", include_str!("../../locales/en/errors.ftl")),
    (
        "en/reasons.ftl",
        include_str!("../../locales/en/reasons.ftl"),
    ),
    ("en/cli.ftl", include_str!("../../locales/en/cli.ftl")),
    (
        "en/findings.ftl",
        include_str!("../../locales/en/findings.ftl"),
    ),
    // The coordinator's live view (issue 18 point 3).
    (
        "en/coordination.ftl",
        include_str!("../../locales/en/coordination.ftl"),
    ),
];

type Bundle = FluentBundle<FluentResource>;

/// One language's catalogue: which file defines each id, and each file's bundle, parsed the
/// first time one of its messages is rendered. Parsing every file of a language takes about a
/// millisecond; a command needs two or three of them, `--help` one.
struct Catalogue {
    lang: Lang,
    /// Message id → index of the file that defines it.
    index: HashMap<&'static str, usize>,
    bundles: Vec<OnceLock<Bundle>>,
}

static CATALOGUE_FR: LazyLock<Catalogue> = LazyLock::new(|| Catalogue::new(Lang::Fr));
static CATALOGUE_EN: LazyLock<Catalogue> = LazyLock::new(|| Catalogue::new(Lang::En));

impl Lang {
    /// The `.ftl` files of this language.
    pub(super) fn resources(self) -> &'static [Resource] {
        match self {
            Self::Fr => FR,
            Self::En => EN,
        }
    }

    fn catalogue(self) -> &'static Catalogue {
        match self {
            Self::Fr => &CATALOGUE_FR,
            Self::En => &CATALOGUE_EN,
        }
    }
}

/// The ids a `.ftl` text defines, found without parsing it: an entry starts at the beginning of
/// a line with its id and `=`, while comments start with `#`, terms with `-`, and the lines that
/// continue a value or give an attribute are indented. The tests check that this finds exactly
/// the ids the Fluent parser finds.
pub(super) fn defined_ids(text: &str) -> impl Iterator<Item = &str> {
    text.lines().filter_map(|line| {
        if !line.starts_with(|c: char| c.is_ascii_alphabetic()) {
            return None;
        }
        let (id, _) = line.split_once('=')?;
        let id = id.trim_end();
        id.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
            .then_some(id)
    })
}

impl Catalogue {
    fn new(lang: Lang) -> Self {
        let files = lang.resources();
        let mut index = HashMap::new();
        for (i, (_, text)) in files.iter().enumerate() {
            for id in defined_ids(text) {
                // The first definition wins; duplicates are reported by the tests.
                index.entry(id).or_insert(i);
            }
        }
        Self {
            lang,
            index,
            bundles: files.iter().map(|_| OnceLock::new()).collect(),
        }
    }

    /// The bundle holding message `id`, parsed on first use.
    fn bundle_of(&self, id: &str) -> Option<&Bundle> {
        let file = *self.index.get(id)?;
        let (_, text) = self.lang.resources().get(file)?;
        Some(
            self.bundles
                .get(file)?
                .get_or_init(|| bundle(self.lang, text)),
        )
    }
}

/// Builds the bundle of one `.ftl` file. The catalogue is compiled in and checked by the tests
/// (every file parses, no id is defined twice, both languages define the same ids with the same
/// variables, no message refers to another), so a problem here is a build defect: the faulty
/// entries are left out and the message then renders as its id, which the tests catch.
fn bundle(lang: Lang, text: &str) -> Bundle {
    let tag = match lang {
        Lang::Fr => unic_langid::langid!("fr-FR"),
        Lang::En => unic_langid::langid!("en-GB"),
    };
    let mut bundle = FluentBundle::new_concurrent(vec![tag]);
    // Unicode isolation marks would end up in terminals, CSV files and snapshots.
    bundle.set_use_isolating(false);
    let resource = FluentResource::try_new(text.to_owned()).unwrap_or_else(|(r, _)| r);
    let _ = bundle.add_resource(resource);
    bundle
}

/// A value given to a message: a count (seen by plural selectors) or a text.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg<'a> {
    /// A number, written as Rust writes it (`3`, `2.5`) and selected by its plural category.
    Num(f64),
    /// A text, inserted as it is; selectors compare it with variant keys (`[yes]`, `[none]`).
    Str(Cow<'a, str>),
    /// Another message, rendered in the same language and inserted as text (a reason inside a
    /// refusal, a place inside a sentence).
    Msg(Box<Message<'a>>),
}

/// A message id with its arguments: what a typed value (a reason, an error, a warning) says,
/// before it is rendered in a language.
#[derive(Debug, Clone, PartialEq)]
pub struct Message<'a> {
    id: &'static str,
    args: Vec<(&'static str, Arg<'a>)>,
}

impl<'a> Message<'a> {
    /// Message `id` of the catalogue, without arguments yet.
    pub fn new(id: &'static str) -> Self {
        Self {
            id,
            args: Vec::new(),
        }
    }

    /// Adds argument `$name`.
    #[must_use]
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg<'a>>) -> Self {
        self.args.push((name, value.into()));
        self
    }

    /// The message's id in the catalogue.
    pub fn id(&self) -> &'static str {
        self.id
    }

    /// The message in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        format(lang, self.id, &self.args)
    }
}

/// A value that says itself through the catalogue: typed reasons, errors and warnings implement
/// it beside their definition, so that no text is built in one language and translated later.
pub trait Localize {
    /// The message that says `self`.
    fn message(&self) -> Message<'_>;

    /// `self` in `lang`.
    fn text(&self, lang: Lang) -> String {
        self.message().render(lang)
    }
}

impl<'a, T: Localize> From<&'a T> for Arg<'a> {
    fn from(value: &'a T) -> Self {
        Self::Msg(Box::new(value.message()))
    }
}

impl<'a> From<Message<'a>> for Arg<'a> {
    fn from(m: Message<'a>) -> Self {
        Self::Msg(Box::new(m))
    }
}

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg<'_> {
            fn from(n: $t) -> Self {
                Self::Num(n as f64)
            }
        }
    )*};
}
number_args!(u8, u16, u32, u64, usize, i32, i64, f64);

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Self::Str(Cow::Borrowed(s))
    }
}

impl From<String> for Arg<'_> {
    fn from(s: String) -> Self {
        Self::Str(Cow::Owned(s))
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Self::Str(Cow::Borrowed(s))
    }
}

/// `yes` or `no`, for a selector `{ $flag -> [yes] … *[no] … }`.
impl From<bool> for Arg<'_> {
    fn from(b: bool) -> Self {
        Self::Str(Cow::Borrowed(if b { "yes" } else { "no" }))
    }
}

/// The value, or `none` for a selector's `[none]` variant.
impl<'a, T: Into<Self>> From<Option<T>> for Arg<'a> {
    fn from(v: Option<T>) -> Self {
        v.map_or(Self::Str(Cow::Borrowed("none")), Into::into)
    }
}

/// Renders message `id` of `lang` with `args`. A missing message renders as its id (the tests
/// make sure none is missing); Fluent's own errors inside a message (an unknown variable) leave
/// `{$name}` in place, which the tests also catch.
pub fn format(lang: Lang, id: &str, args: &[(&str, Arg<'_>)]) -> String {
    format_attribute(lang, id, None, args)
}

/// Renders attribute `attribute` of message `id` (`id.attribute` in the `.ftl` file), or the
/// message's own value when `attribute` is `None`.
pub fn format_attribute(
    lang: Lang,
    id: &str,
    attribute: Option<&str>,
    args: &[(&str, Arg<'_>)],
) -> String {
    let Some(bundle) = lang.catalogue().bundle_of(id) else {
        return id.to_owned();
    };
    let Some(message) = bundle.get_message(id) else {
        return id.to_owned();
    };
    let pattern = match attribute {
        None => message.value(),
        Some(name) => message.get_attribute(name).map(|a| a.value()),
    };
    let Some(pattern) = pattern else {
        return id.to_owned();
    };
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        let value = match value {
            Arg::Num(n) => FluentValue::from(*n),
            Arg::Str(s) => FluentValue::from(s.as_ref()),
            Arg::Msg(m) => FluentValue::from(m.render(lang)),
        };
        fluent_args.set(*name, value);
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
    text.into_owned()
}

/// Whether `lang` defines message `id` (for callers that fall back on another text).
pub fn has_message(lang: Lang, id: &str) -> bool {
    lang.catalogue()
        .bundle_of(id)
        .is_some_and(|b| b.has_message(id))
}
