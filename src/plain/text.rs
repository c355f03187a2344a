//! The plain mode's own texts, in French (the default) and English. Words only: no symbol carries
//! meaning alone, no box drawing, no colour, so that a screen reader reads every line as it is.
//! The words are the `plain-` messages of `locales/*/plain.ftl`.

use std::sync::LazyLock;

use chrono::NaiveDateTime;

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
    /// A change committed, seen at the time the observer gave (seen, recorded).
    pub saved_seen_at: fn(&str, &str) -> String,
    /// A non-receipt of the observer's own household, or of another.
    pub household_own: &'static str,
    pub household_other: &'static str,
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
    /// An envelope's content marked while the household's count says 0 envelopes received.
    pub no_envelope_received: &'static str,
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
    /// The question before undoing a change of an earlier session (what it undoes).
    pub undo_earlier_confirm: fn(&str) -> String,
    pub unknown_panel: fn(&str, &str) -> String,
    pub not_understood: &'static str,
    pub problem: fn(&Problem) -> String,
    pub example: fn(Form) -> String,
    pub bye: &'static str,
    /// Ctrl-C at the prompt: the session ends as `quitter` does.
    pub interrupted: &'static str,
    /// A time of day the way a person says it: `15 h 00`, `15 h 40` in French, `15:40` in English.
    pub clock: fn(NaiveDateTime) -> String,
    /// After a change that re-checked a cell of the table: "revérifié à 15 h 40".
    pub rechecked_at: fn(&str) -> String,
    /// `enveloppe V R` with more than 99 voters: the most accepted.
    pub too_many_voters: fn(u32) -> String,
    /// More envelopes than any household is numbered: the most accepted.
    pub too_many_envelopes: fn(u32) -> String,
    /// The question before recording more envelopes than voters (voters, envelopes), without a
    /// newline.
    pub more_than_voters_confirm: fn(u32, u32) -> String,
    /// After the envelope summary when more envelopes than voters came: how many more.
    pub envelope_excess: fn(u32) -> String,
    /// `bilan` before any observation of the circonscription.
    pub findings_none: &'static str,
    /// `pv` with no bureau chosen.
    pub pv_needs_bureau: &'static str,
    /// `export DOSSIER` done: the folder.
    pub exported: fn(&str) -> String,
    /// `export DOSSIER` into a folder that already holds files: the folder, a free one beside it.
    pub export_not_empty: fn(&str, &str) -> String,
    /// `historique`: the cell (candidate and column) and how many observations.
    pub history_title: fn(&str, usize) -> String,
    /// One observation of the history: day, time, mark, note (or none).
    pub history_line: fn(&str, &str, &str, Option<&str>) -> String,
    /// `historique` of a cell this observer never recorded.
    pub history_none: fn(&str) -> String,
    /// `verifier`: one check that holds (what was checked).
    pub verify_ok: fn(&str) -> String,
    /// `verifier`: one broken check (what, why).
    pub verify_broken: fn(&str, &str) -> String,
    /// `verifier`'s last line: every check holds, or how many are broken.
    pub verify_all_ok: &'static str,
    pub verify_some_broken: fn(usize) -> String,
}

/// A time of day the way it is said (`15 h 00`, `15 h 40` in French; `15:40` in English), as
/// every other front end and the report say it: what plain mode and `constat tick` say a
/// re-check with.
pub fn clock_words(lang: Lang, t: NaiveDateTime) -> String {
    (text(lang).clock)(t)
}

fn clock<const EN: bool>(t: NaiveDateTime) -> String {
    lang_of::<EN>().catalog().clock(t)
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
        saved_seen_at: |s, t| tr!(EN, "plain-saved-seen-at", seen = s, time = t),
        household_own: st!(EN, "plain-household-own"),
        household_other: st!(EN, "plain-household-other"),
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
        no_envelope_received: st!(EN, "plain-no-envelope-received"),
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
        undo_earlier_confirm: |what| tr!(EN, "plain-undo-earlier-confirm", what = what),
        unknown_panel: |n, known| tr!(EN, "plain-unknown-panel", number = n, known = known),
        not_understood: st!(EN, "plain-not-understood"),
        problem: |p| p.text(lang_of::<EN>()),
        example: |f| example(f).render(lang_of::<EN>()),
        bye: st!(EN, "plain-bye"),
        interrupted: st!(EN, "plain-interrupted"),
        clock: clock::<EN>,
        rechecked_at: |t| tr!(EN, "plain-rechecked-at", time = t),
        too_many_voters: |max| tr!(EN, "plain-too-many-voters", max = max),
        too_many_envelopes: |max| tr!(EN, "plain-too-many-envelopes", max = max),
        more_than_voters_confirm: |v, r| {
            tr!(
                EN,
                "plain-more-than-voters-confirm",
                voters = v,
                count = r,
                more = r.saturating_sub(v)
            )
        },
        envelope_excess: |n| tr!(EN, "plain-envelope-excess", count = n),
        findings_none: st!(EN, "plain-findings-none"),
        pv_needs_bureau: st!(EN, "plain-pv-needs-bureau"),
        exported: |f| tr!(EN, "plain-exported", folder = f),
        export_not_empty: |f, free| tr!(EN, "plain-export-not-empty", folder = f, free = free),
        history_title: |what, n| tr!(EN, "plain-history-title", what = what, count = n),
        history_line: |day, time, mark, note| match note {
            Some(n) => tr!(
                EN,
                "plain-history-line-noted",
                day = day,
                time = time,
                mark = mark,
                note = n
            ),
            None => tr!(
                EN,
                "plain-history-line",
                day = day,
                time = time,
                mark = mark
            ),
        },
        history_none: |what| tr!(EN, "plain-history-none", what = what),
        verify_ok: |what| tr!(EN, "plain-verify-ok", what = what),
        verify_broken: |what, why| tr!(EN, "plain-verify-broken", what = what, why = why),
        verify_all_ok: st!(EN, "plain-verify-all-ok"),
        verify_some_broken: |n| tr!(EN, "plain-verify-some-broken", count = n),
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
        Form::Export => Message::new("plain-example-export"),
        Form::History => Message::new("plain-example-history"),
        Form::Machines => Message::new("plain-example-machines"),
        Form::SeenAt => Message::new("plain-example-seen-at"),
        Form::Photo => Message::new("plain-example-photo"),
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
            Self::MissingFolder => Message::new("plain-problem-missing-folder"),
            Self::BadMoment(w) => Message::new("plain-problem-bad-moment").arg("word", w),
            Self::BadYesNo(w) => Message::new("plain-problem-bad-yes-no").arg("word", w),
            Self::MissingPhotoSubject => Message::new("plain-problem-missing-photo-subject"),
            Self::BadPhotoSubject(w) => {
                Message::new("plain-problem-bad-photo-subject").arg("word", w)
            }
            Self::MissingPath => Message::new("plain-problem-missing-path"),
        }
    }
}
