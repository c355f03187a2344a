//! The plain mode's own texts, in French (the default) and English. Words only: no symbol carries
//! meaning alone, no box drawing, no colour, so that a screen reader reads every line as it is.
//! The words are the `plain-` messages of `locales/*/plain.ftl`.

use std::sync::LazyLock;

use super::parse::{Form, Problem};
use crate::domain::{Item, Mark};
use crate::i18n::{Lang, Localize, Message, lang_of, st, tr};

/// Every line the plain mode writes, in one language.
#[allow(missing_docs)] // the field names say what each text is
pub struct Text {
    /// The prompt, written without a newline.
    pub prompt: &'static str,
    /// Between a label and its value (` : ` in French, `: ` in English).
    pub sep: &'static str,
    pub circonscription: &'static str,
    pub bureau: &'static str,
    pub no_bureau: &'static str,
    pub observer: &'static str,
    pub item: fn(Item) -> String,
    pub mark: fn(Mark) -> String,
    pub candidates: fn(usize) -> String,
    /// The household: voters, envelopes received, the day they came (as typed back), the note.
    pub envelope_fact: fn(u32, u32, Option<&str>, Option<&str>) -> String,
    pub non_receipts: fn(usize) -> String,
    pub start_hint: &'static str,
    pub help: &'static [&'static str],
    pub saved_at: fn(&str) -> String,
    pub not_saved: fn(&str) -> String,
    pub partly_saved: fn(usize, usize) -> String,
    pub already: fn(&str) -> String,
    pub note_said: fn(&str) -> String,
    pub column_summary: fn(&str, usize) -> String,
    pub column_nothing: fn(&str) -> String,
    pub column_confirm: fn(&str, usize) -> String,
    pub column_cancelled: &'static str,
    pub envelope_summary: fn(u32, u32) -> String,
    pub envelope_day: fn(&str, u32) -> String,
    pub envelope_number: fn(u16) -> String,
    /// `enveloppe V 0 JOUR`: a day of arrival with no envelope received.
    pub arrival_without_envelope: &'static str,
    /// `numero N` past the household's envelopes: the number asked for, the last one.
    pub envelope_beyond: fn(u16, u16) -> String,
    /// " (enveloppe 2)", after an item when the household has several envelopes.
    pub envelope_tag: fn(u16) -> String,
    /// The line before the grid when it shows an envelope after the first.
    pub envelope_shown: fn(u16) -> String,
    pub non_receipt_summary: fn(Option<&str>, &str) -> String,
    pub undone: fn(&str) -> String,
    pub nothing_to_undo: &'static str,
    pub needs_bureau: &'static str,
    pub place_unknown: fn(&str) -> String,
    pub confirm_again: &'static str,
    pub unknown_panel: fn(&str, &str) -> String,
    pub not_understood: &'static str,
    pub problem: fn(&Problem) -> String,
    pub example: fn(Form) -> String,
    pub bye: &'static str,
}

/// The texts of `lang`.
pub fn text(lang: Lang) -> &'static Text {
    match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    }
}

static FR: LazyLock<Text> = LazyLock::new(build::<false>);
static EN: LazyLock<Text> = LazyLock::new(build::<true>);

/// The plain mode's texts in the builder's language.
fn build<const EN: bool>() -> Text {
    Text {
        prompt: st!(EN, "plain-prompt"),
        sep: st!(EN, "plain-sep"),
        circonscription: st!(EN, "plain-circonscription"),
        bureau: st!(EN, "plain-bureau"),
        no_bureau: st!(EN, "plain-no-bureau"),
        observer: st!(EN, "plain-observer"),
        item: |i| item(i).render(lang_of::<EN>()),
        mark: |m| mark(m).render(lang_of::<EN>()),
        candidates: |n| tr!(EN, "plain-candidates", count = n),
        envelope_fact: |v, r, day, note| {
            let summary = tr!(EN, "plain-envelope-summary", voters = v, count = r);
            let day = day.map(|d| tr!(EN, "plain-envelope-day", day = d, count = r));
            let note = note.map(|n| tr!(EN, "plain-note-said", text = n));
            Message::new("plain-envelope-fact")
                .arg("summary", summary)
                .arg("day", day.unwrap_or_default())
                .arg("note", note.unwrap_or_default())
                .render(lang_of::<EN>())
        },
        non_receipts: |n| tr!(EN, "plain-non-receipts", count = n),
        start_hint: st!(EN, "plain-start-hint"),
        // One line of the list per line of the message.
        help: st!(EN, "plain-help").lines().collect::<Vec<_>>().leak(),
        saved_at: |t| tr!(EN, "plain-saved-at", time = t),
        not_saved: |e| tr!(EN, "plain-not-saved", error = e),
        partly_saved: |done, total| tr!(EN, "plain-partly-saved", done = done, total = total),
        already: |what| tr!(EN, "plain-already", what = what),
        note_said: |t| tr!(EN, "plain-note-said", text = t),
        column_summary: |what, n| tr!(EN, "plain-column-summary", what = what, count = n),
        column_nothing: |what| tr!(EN, "plain-column-nothing", what = what),
        column_confirm: |what, n| tr!(EN, "plain-column-confirm", what = what, count = n),
        column_cancelled: st!(EN, "plain-column-cancelled"),
        envelope_summary: |v, r| tr!(EN, "plain-envelope-summary", voters = v, count = r),
        envelope_day: |d, received| tr!(EN, "plain-envelope-day", day = d, count = received),
        envelope_tag: |n| tr!(EN, "plain-envelope-tag", number = n),
        envelope_number: |n| tr!(EN, "plain-envelope-number", number = n),
        arrival_without_envelope: st!(EN, "plain-arrival-without-envelope"),
        envelope_beyond: |n, last| tr!(EN, "plain-envelope-beyond", number = n, last = last),
        envelope_shown: |n| tr!(EN, "plain-envelope-shown", number = n),
        non_receipt_summary: |voter, bureau| match voter {
            Some(v) => tr!(EN, "plain-non-receipt-named", voter = v, bureau = bureau),
            None => tr!(EN, "plain-non-receipt-unnamed", bureau = bureau),
        },
        undone: |what| tr!(EN, "plain-undone", what = what),
        nothing_to_undo: st!(EN, "plain-nothing-to-undo"),
        needs_bureau: st!(EN, "plain-needs-bureau"),
        place_unknown: |c| tr!(EN, "plain-place-unknown", code = c),
        confirm_again: st!(EN, "plain-confirm-again"),
        unknown_panel: |n, known| tr!(EN, "plain-unknown-panel", number = n, known = known),
        not_understood: st!(EN, "plain-not-understood"),
        problem: |p| p.text(lang_of::<EN>()),
        example: |f| example(f).render(lang_of::<EN>()),
        bye: st!(EN, "plain-bye"),
    }
}

/// A column's name in words.
fn item(i: Item) -> Message<'static> {
    match i {
        Item::Foi => Message::new("plain-item-foi"),
        Item::Courrier => Message::new("plain-item-courrier"),
        Item::Bureau => Message::new("plain-item-bureau"),
    }
}

/// A mark in words.
fn mark(m: Mark) -> Message<'static> {
    match m {
        Mark::Present => Message::new("plain-mark-present"),
        Mark::Absent => Message::new("plain-mark-absent"),
        Mark::Unchecked => Message::new("plain-mark-unchecked"),
    }
}

/// An example of the right form of the command a mistake was made in.
fn example(f: Form) -> Message<'static> {
    match f {
        Form::Any => Message::new("plain-example-any"),
        Form::Set => Message::new("plain-example-set"),
        Form::Column => Message::new("plain-example-column"),
        Form::Envelope => Message::new("plain-example-envelope"),
        Form::EnvelopeNumber => Message::new("plain-example-envelope-number"),
        Form::NonReceipt => Message::new("plain-example-non-receipt"),
        Form::Note => Message::new("plain-example-note"),
        Form::Place => Message::new("plain-example-place"),
        Form::Bare => Message::new("plain-example-bare"),
    }
}

/// What was wrong in a line, said in words.
impl Localize for Problem {
    fn message(&self) -> Message<'_> {
        match self {
            Self::UnknownCommand(w) => Message::new("plain-problem-unknown-command").arg("word", w),
            Self::MissingPanel => Message::new("plain-problem-missing-panel"),
            Self::BadPanel(w) => Message::new("plain-problem-bad-panel").arg("word", w),
            Self::MissingItem => Message::new("plain-problem-missing-item"),
            Self::BadItem(w) => Message::new("plain-problem-bad-item").arg("word", w),
            Self::MissingMark => Message::new("plain-problem-missing-mark"),
            Self::BadMark(w) => Message::new("plain-problem-bad-mark").arg("word", w),
            Self::MissingNumber => Message::new("plain-problem-missing-number"),
            Self::BadNumber(w) => Message::new("plain-problem-bad-number").arg("word", w),
            Self::NoVoters => Message::new("plain-problem-no-voters"),
            Self::BadDate(w) => Message::new("plain-problem-bad-date").arg("word", w),
            Self::BadEnvelopeNumber(w) => {
                Message::new("plain-problem-bad-envelope-number").arg("word", w)
            }
            Self::Extra(w) => Message::new("plain-problem-extra").arg("word", w),
            Self::MissingText => Message::new("plain-problem-missing-text"),
            Self::TooLong(max) => Message::new("plain-problem-too-long").arg("max", *max),
            Self::Control => Message::new("plain-problem-control"),
        }
    }
}
