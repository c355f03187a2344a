//! The interface's journey texts: screens, tabs, questions, notes, moves and export, in French
//! (the default) and English. Kept apart from the main catalogue so each stays readable; the
//! words are the `journey-` and `setup-` messages of `locales/*/journey.ftl`.

use std::sync::LazyLock;

use super::{Message, lang_of, st, tr};

/// The journey texts of one language.
#[allow(missing_docs)] // the field names say what each text is
pub struct Journey {
    /// Tab titles, in screen order, wide and short.
    pub tabs: [&'static str; 3],
    pub tabs_short: [&'static str; 3],
    pub hint_envelope: &'static str,
    pub hint_bureau: &'static str,
    pub hint_summary: &'static str,
    pub hint_confirm: &'static str,
    pub col_checked_at: &'static str,
    pub col_checked_at_short: &'static str,
    /// Marks a cell that carries a note.
    pub note_marker: &'static str,
    pub bureau_none: &'static str,
    pub bureau_machines: &'static str,
    pub bureau_no_machines: &'static str,
    pub bureau_machines_short: &'static str,
    pub bureau_no_machines_short: &'static str,
    pub bureau_last_check: fn(&str) -> String,
    pub bureau_last_check_short: fn(&str) -> String,
    pub hint_move_picker: &'static str,
    pub picker_prompt_short: &'static str,
    pub bureau_not_checked: &'static str,
    pub confirm_title: &'static str,
    pub yes: &'static str,
    pub button_ok: &'static str,
    pub button_cancel: &'static str,
    pub no: &'static str,
    pub ask_mark_column: fn(usize, &str) -> String,
    pub ask_move: fn(usize, &str, &str, usize) -> String,
    pub ask_machines: fn(&str, bool) -> String,
    pub cancelled: &'static str,
    pub note_title: &'static str,
    pub note_label: &'static str,
    pub note_saved: &'static str,
    pub envelope_note: &'static str,
    pub envelope_received_on: &'static str,
    pub envelope_bad_date: fn(&str) -> String,
    pub envelope_no_voters: &'static str,
    /// The export folder already holds something: the free folder proposed instead.
    pub export_suggested: fn(&str) -> String,
    /// The picker closed while no bureau is chosen.
    pub picker_no_bureau_yet: &'static str,
    /// A day of arrival given with 0 envelopes received.
    pub envelope_arrival_without_envelope: &'static str,
    /// The envelope shown, of how many: long and short forms, for the grid's header.
    pub envelope_shown: fn(u16, u16) -> String,
    pub envelope_shown_short: fn(u16, u16) -> String,
    /// After switching envelopes.
    pub envelope_switched: fn(u16, u16) -> String,
    pub envelope_first: &'static str,
    /// At the last envelope: its number, and the count the observer gave, if any.
    pub envelope_last: fn(u16, Option<u32>) -> String,
    pub move_title: &'static str,
    pub move_nothing: &'static str,
    pub move_same_bureau: &'static str,
    pub move_unknown: &'static str,
    pub move_other_circ: fn(&str, &str) -> String,
    pub moved: fn(usize, &str) -> String,
    pub machines_set: fn(&str, bool) -> String,
    pub summary_loading: &'static str,
    pub summary_findings: &'static str,
    pub summary_pv: &'static str,
    pub summary_pv_needs_bureau: &'static str,
    pub summary_digest: &'static str,
    pub summary_digest_short: &'static str,
    pub summary_no_digest: &'static str,
    pub export_title: &'static str,
    pub export_label: &'static str,
    pub seen_at_title: &'static str,
    pub seen_at_label: &'static str,
    pub export_default: fn(&str) -> String,
    pub exported: fn(&str) -> String,
    pub export_empty: &'static str,
    /// Between a label and its value (a no-break space before the French colon).
    pub sep: &'static str,
}

/// Français.
pub static FR: LazyLock<Journey> = LazyLock::new(build::<false>);

/// English.
pub static EN: LazyLock<Journey> = LazyLock::new(build::<true>);

/// The journey texts of the builder's language, from the `journey-` messages.
fn build<const EN: bool>() -> Journey {
    Journey {
        tabs: [
            st!(EN, "journey-tab-envelope"),
            st!(EN, "journey-tab-bureau"),
            st!(EN, "journey-tab-summary"),
        ],
        tabs_short: [
            st!(EN, "journey-tab-envelope-short"),
            st!(EN, "journey-tab-bureau-short"),
            st!(EN, "journey-tab-summary-short"),
        ],
        hint_envelope: st!(EN, "journey-hint-envelope"),
        hint_bureau: st!(EN, "journey-hint-bureau"),
        hint_summary: st!(EN, "journey-hint-summary"),
        hint_confirm: st!(EN, "journey-hint-confirm"),
        col_checked_at: st!(EN, "journey-col-checked-at"),
        col_checked_at_short: st!(EN, "journey-col-checked-at-short"),
        note_marker: st!(EN, "journey-note-marker"),
        bureau_none: st!(EN, "journey-bureau-none"),
        bureau_machines: st!(EN, "journey-bureau-machines"),
        bureau_no_machines: st!(EN, "journey-bureau-no-machines"),
        bureau_machines_short: st!(EN, "journey-bureau-machines-short"),
        bureau_no_machines_short: st!(EN, "journey-bureau-no-machines-short"),
        bureau_last_check: |t| tr!(EN, "journey-bureau-last-check", time = t),
        bureau_last_check_short: |t| tr!(EN, "journey-bureau-last-check-short", time = t),
        hint_move_picker: st!(EN, "journey-hint-move-picker"),
        picker_prompt_short: st!(EN, "journey-picker-prompt-short"),
        bureau_not_checked: st!(EN, "journey-bureau-not-checked"),
        confirm_title: st!(EN, "journey-confirm-title"),
        yes: st!(EN, "journey-yes"),
        button_ok: st!(EN, "journey-button-ok"),
        button_cancel: st!(EN, "journey-button-cancel"),
        no: st!(EN, "journey-no"),
        ask_mark_column: |n, col| tr!(EN, "journey-ask-mark-column", count = n, column = col),
        ask_move: |n, from, to, replaced| {
            Message::new("journey-ask-move")
                .arg("count", n)
                .arg("from", from)
                .arg("to", to)
                .arg("replaced", replaced)
                .render(lang_of::<EN>())
        },
        ask_machines: |b, on| tr!(EN, "journey-ask-machines", bureau = b, machines = on),
        cancelled: st!(EN, "journey-cancelled"),
        note_title: st!(EN, "journey-note-title"),
        note_label: st!(EN, "journey-note-label"),
        note_saved: st!(EN, "journey-note-saved"),
        envelope_note: st!(EN, "journey-envelope-note"),
        envelope_received_on: st!(EN, "journey-envelope-received-on"),
        envelope_bad_date: |v| tr!(EN, "journey-envelope-bad-date", value = v),
        envelope_no_voters: st!(EN, "journey-envelope-no-voters"),
        picker_no_bureau_yet: st!(EN, "journey-picker-no-bureau-yet"),
        export_suggested: |path| tr!(EN, "journey-export-suggested", path = path),
        envelope_arrival_without_envelope: st!(EN, "journey-envelope-arrival-without-envelope"),
        envelope_shown: |n, of| tr!(EN, "journey-envelope-shown", number = n, of = of),
        envelope_shown_short: |n, of| tr!(EN, "journey-envelope-shown-short", number = n, of = of),
        envelope_switched: |n, of| tr!(EN, "journey-envelope-switched", number = n, of = of),
        envelope_first: st!(EN, "journey-envelope-first"),
        envelope_last: |n, counted| match counted {
            // A count of 0 reads as one: the envelope shown is there.
            Some(c) => tr!(EN, "journey-envelope-last-counted", count = c.max(1)),
            None => tr!(EN, "journey-envelope-last-unticked", number = n),
        },
        move_title: st!(EN, "journey-move-title"),
        move_nothing: st!(EN, "journey-move-nothing"),
        move_same_bureau: st!(EN, "journey-move-same-bureau"),
        move_unknown: st!(EN, "journey-move-unknown"),
        move_other_circ: |b, c| {
            Message::new("journey-move-other-circ")
                .arg("bureau", b)
                .arg("circonscription", c)
                .render(lang_of::<EN>())
        },
        moved: |n, to| tr!(EN, "journey-moved", count = n, to = to),
        machines_set: |b, on| tr!(EN, "journey-machines-set", bureau = b, machines = on),
        summary_loading: st!(EN, "journey-summary-loading"),
        summary_findings: st!(EN, "journey-summary-findings"),
        summary_pv: st!(EN, "journey-summary-pv"),
        summary_pv_needs_bureau: st!(EN, "journey-summary-pv-needs-bureau"),
        summary_digest: st!(EN, "journey-summary-digest"),
        summary_digest_short: st!(EN, "journey-summary-digest-short"),
        summary_no_digest: st!(EN, "journey-summary-no-digest"),
        export_title: st!(EN, "journey-export-title"),
        export_label: st!(EN, "journey-export-label"),
        seen_at_title: st!(EN, "journey-seen-at-title"),
        seen_at_label: st!(EN, "journey-seen-at-label"),
        export_default: |circ| tr!(EN, "journey-export-default", circonscription = circ),
        exported: |p| tr!(EN, "journey-exported", path = p),
        export_empty: st!(EN, "journey-export-empty"),
        sep: st!(EN, "journey-sep"),
    }
}

/// The first-run form's texts of one language.
#[allow(missing_docs)] // the field names say what each text is
pub struct Setup {
    pub title: &'static str,
    pub intro: &'static str,
    pub database: &'static str,
    pub name: &'static str,
    pub contact: &'static str,
    pub election: &'static str,
    pub sample: fn(&str) -> String,
    pub reference: &'static str,
    pub reference_path: &'static str,
    pub hint: &'static str,
    pub name_required: &'static str,
    pub reference_required: &'static str,
    pub created: &'static str,
    pub created_with_bureau: &'static str,
    pub reference_missing: fn(&str) -> String,
    pub cancelled: fn(&str) -> String,
}

/// Français.
pub static SETUP_FR: LazyLock<Setup> = LazyLock::new(build_setup::<false>);

/// English.
pub static SETUP_EN: LazyLock<Setup> = LazyLock::new(build_setup::<true>);

/// The first-run form's texts of the builder's language, from the `setup-` messages.
fn build_setup<const EN: bool>() -> Setup {
    Setup {
        title: st!(EN, "setup-title"),
        intro: st!(EN, "setup-intro"),
        database: st!(EN, "setup-database"),
        name: st!(EN, "setup-name"),
        contact: st!(EN, "setup-contact"),
        election: st!(EN, "setup-election"),
        sample: |s| tr!(EN, "setup-sample", sample = s),
        reference: st!(EN, "setup-reference"),
        reference_path: st!(EN, "setup-reference-path"),
        hint: st!(EN, "setup-hint"),
        name_required: st!(EN, "setup-name-required"),
        reference_required: st!(EN, "setup-reference-required"),
        created: st!(EN, "setup-created"),
        created_with_bureau: st!(EN, "setup-created-with-bureau"),
        reference_missing: |p| tr!(EN, "setup-reference-missing", path = p),
        cancelled: |p| tr!(EN, "setup-cancelled", path = p),
    }
}
