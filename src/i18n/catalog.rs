//! The main catalogue: the record's words, the report, the réclamation, the interface's grid
//! and forms, and the commands' output, in French (the default) and English.
//!
//! Each text is a Fluent message of `locales/*/report.ftl`, `pv.ftl`, `interface.ftl` or
//! `commands.ftl`; this module gives them types. A text without values is a `&'static str`, a
//! text with values a plain function, so that callers cannot pass the wrong arguments; both are
//! built once per language by [`build`], whose closures name their message id.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

use super::{Lang, st, tr};

/// All user-visible text of one language.
#[allow(missing_docs)] // the field names say what each text is
pub struct Catalog {
    /// The language of these texts.
    pub lang: Lang,
    /// The language's code for `lang` attributes (`fr`, `en`).
    pub lang_code: &'static str,
    // Record columns.
    pub col_panel: &'static str,
    pub col_candidate: &'static str,
    pub col_nuance: &'static str,
    pub col_foi: &'static str,
    pub col_courrier: &'static str,
    pub col_bureau: &'static str,
    pub col_foi_short: &'static str,
    pub col_courrier_short: &'static str,
    pub col_bureau_short: &'static str,
    pub mark_present: &'static str,
    pub mark_absent: &'static str,
    pub mark_unchecked: &'static str,
    // Elections.
    pub round: fn(u8) -> String,
    pub circonscription: &'static str,
    pub circonscription_short: &'static str,
    pub bureau: &'static str,
    pub observer: &'static str,
    pub no_bureau: &'static str,
    // Save indicator.
    pub save_idle: &'static str,
    pub save_saved: &'static str,
    pub save_pending: &'static str,
    pub save_failed: fn(&str) -> String,
    // TUI.
    pub hint_grid: &'static str,
    pub hint_form: &'static str,
    pub help_title: &'static str,
    pub help_lines: &'static [(&'static str, &'static str)],
    pub envelope_title: &'static str,
    pub envelope_voters: &'static str,
    pub envelope_received: &'static str,
    pub envelope_line: fn(u32, u32) -> String,
    pub envelope_none: &'static str,
    pub facts_short: fn(Option<(u32, u32)>, usize) -> String,
    pub hint_help_scroll: &'static str,
    pub non_receipt_title: &'static str,
    pub picker_title: &'static str,
    pub picker_prompt: &'static str,
    pub picker_count: fn(usize) -> String,
    pub hint_picker: &'static str,
    pub non_receipt_voter: &'static str,
    pub non_receipt_count: fn(usize) -> String,
    pub form_bad_number: fn(&str) -> String,
    pub form_needs_bureau: &'static str,
    pub nothing_to_undo: &'static str,
    pub undone: &'static str,
    pub column_marked: fn(&str) -> String,
    pub screen_too_small: &'static str,
    // Report.
    pub report_bureaux: &'static str,
    pub list_sep: &'static str,
    pub clause_sep: &'static str,
    pub report_legend: &'static str,
    pub report_findings: &'static str,
    pub conflicts_title: fn(usize) -> String,
    pub envelope_word: &'static str,
    pub report_no_findings: &'static str,
    pub report_no_observation: &'static str,
    pub finding_complete: fn(usize) -> String,
    pub finding_missing_both: fn(usize) -> String,
    pub finding_missing_foi: fn(usize) -> String,
    pub finding_missing_courrier: fn(usize) -> String,
    pub finding_at_bureau_present: fn(usize) -> String,
    pub finding_at_bureau_absent: fn(usize) -> String,
    pub finding_at_bureau_unchecked: &'static str,
    pub finding_disputed: fn(usize) -> String,
    pub finding_not_checked: fn(usize) -> String,
    pub finding_shortfall: fn(u32, u32, u32) -> String,
    pub finding_households: fn(usize) -> String,
    pub finding_non_receipts: fn(usize) -> String,
    pub report_details: &'static str,
    pub details_disagreements: &'static str,
    pub details_to_check: &'static str,
    pub detail_not_supplied: fn(&str, usize, &str) -> String,
    pub detail_bureau: fn(&str, &str, &str) -> String,
    pub detail_disagreement: fn(&str, &str, &str) -> String,
    pub rate_missing: fn(u32, u32, &str) -> String,
    pub rate_non_receipts: fn(u32, u32, &str) -> String,
    pub households_observed: fn(usize) -> String,
    pub interval: fn(&str, &str) -> String,
    pub interval_too_few: fn(usize) -> String,
    pub detail_shortfall_title: &'static str,
    pub detail_household: fn(u32, u32) -> String,
    /// "enveloppe 2": which of a household's envelopes a sighting was made in.
    pub envelope_number: fn(u16) -> String,
    /// "arrivées le 2024-06-20": the day a household's envelopes came (how many came).
    pub received_on: fn(&str, u32) -> String,
    pub detail_non_receipts: fn(usize) -> String,
    pub departements_title: &'static str,
    pub departements_intro: fn(usize) -> String,
    pub departement_line: fn(&str, usize) -> String,
    pub non_receipts_short: &'static str,
    pub missing_short: &'static str,
    pub digest_some: fn(&str) -> String,
    pub digest_none: &'static str,
    pub voting_machines: &'static str,
    pub percent: fn(f64) -> String,
    pub quote: fn(&str) -> String,
    pub chart_presence: &'static str,
    pub chart_rates: &'static str,
    pub chart_interval: &'static str,
    pub html_generated_by: &'static str,
    pub pv: PvText,
    // Command output.
    pub saved_event: fn(&str) -> String,
    /// A command that would record exactly what the store already holds.
    pub already_recorded: &'static str,
    pub created_db: fn(&str, &str) -> String,
    pub demo_db_was: fn(&str) -> String,
    pub report_written: fn(&str) -> String,
    pub import_recognised: fn(&str, &str, &str, Option<char>) -> String,
    pub import_candidates_done: fn(u64, usize, usize, usize) -> String,
    pub import_changed: fn(&str, &str, &str, &str) -> String,
    pub import_withdrawn: fn(&str, &str, &str) -> String,
    pub import_nothing_changed: &'static str,
    pub import_bureaux_done: fn(u64, usize, usize, usize) -> String,
    pub import_bureaux_without_circ: fn(usize) -> String,
    pub exported: fn(&str) -> String,
    pub merge_progress: fn(u64, usize) -> String,
    pub merge_col_file: &'static str,
    pub merge_col_new: &'static str,
    pub merge_col_already: &'static str,
    pub merge_col_rejected: &'static str,
    pub merge_total: fn(usize, u64, u64, usize) -> String,
    pub verify_ok: fn(&str) -> String,
    pub verify_broken: fn(&str, &str) -> String,
    pub verify_chain: fn(&str, &str, u64, Option<u64>) -> String,
    pub error_prefix: &'static str,
    pub hint_prefix: &'static str,
}

/// The text of `constat pv`: the réclamation for the procès-verbal and the draft requête.
#[allow(missing_docs)] // the field names say what each text is
pub struct PvText {
    pub title: &'static str,
    pub bureau: fn(&str, &str) -> String,
    pub intro: fn(&str) -> String,
    pub at_bureau: &'static str,
    pub bureau_absent: fn(&str, &str) -> String,
    pub bureau_disagreement: fn(&str, &str) -> String,
    pub envelopes: &'static str,
    pub not_supplied: fn(&str, &str) -> String,
    pub household: fn(u32, u32, &str) -> String,
    pub households: fn(usize, u32, u32, &str, &str) -> String,
    pub non_receipt: fn(Option<&str>, &str) -> String,
    pub non_receipts_elsewhere: fn(usize) -> String,
    pub seen_by: fn(&str) -> String,
    pub closing: &'static str,
    pub signature: &'static str,
    pub appeal_title: &'static str,
    pub appeal_deadline: fn(&str, &str) -> String,
    pub appeal_who: &'static str,
    pub appeal_facts: &'static str,
    pub appeal_pv: fn(&str) -> String,
    pub appeal_pieces: &'static str,
    pub deadline: fn(NaiveDateTime) -> String,
    pub date: fn(NaiveDate) -> String,
}

/// French, the default.
pub static FR: LazyLock<Catalog> = LazyLock::new(build::<false>);
/// English.
pub static EN: LazyLock<Catalog> = LazyLock::new(build::<true>);

/// The keys of the help screen, in the order shown: each message's value is what the keys do,
/// its `keys` attribute the keys.
const HELP: [&str; 20] = [
    "help-move",
    "help-cycle",
    "help-mark",
    "help-clear",
    "help-column",
    "help-screens",
    "help-envelope",
    "help-envelopes",
    "help-non-receipt",
    "help-note",
    "help-seen-at",
    "help-machines",
    "help-move-bureau",
    "help-export",
    "help-place",
    "help-undo",
    "help-help",
    "help-quit",
    "help-legend",
    "help-saved",
];

fn help_lines<const EN: bool>() -> &'static [(&'static str, &'static str)] {
    let lang = super::lang_of::<EN>();
    let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
    HELP.iter()
        .map(|id| {
            let keys = super::format_attribute(lang, id, Some("keys"), &[]);
            (leak(keys), leak(super::format(lang, id, &[])))
        })
        .collect::<Vec<_>>()
        .leak()
}

/// `75`, `33.3`: one decimal, none when whole.
fn en_number(x: f64) -> String {
    let r = (x * 10.0).round() / 10.0;
    if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        format!("{r:.1}")
    }
}

/// A number with one decimal at most, with a decimal comma in French.
fn number<const EN: bool>(x: f64) -> String {
    if EN {
        en_number(x)
    } else {
        en_number(x).replace('.', ",")
    }
}

/// A day, with its weekday and its month's name from the catalogue (`samedi 1er juin 2024`,
/// `Saturday 8 June 2024`; issue 13.7: "le samedi 8 juin 2024").
fn date<const EN: bool>(d: NaiveDate) -> String {
    tr!(
        EN,
        "date",
        weekday = d.weekday().number_from_monday(),
        day = d.day(),
        month = d.month(),
        year = d.year()
    )
}

/// A time of day: `18 h`, `18 h 05` in French, `18:05` in English.
fn time_of_day<const EN: bool>(t: NaiveDateTime) -> String {
    match (EN, t.minute()) {
        (true, m) => format!("{:02}:{m:02}", t.hour()),
        (false, 0) => format!("{} h", t.hour()),
        (false, m) => format!("{} h {m:02}", t.hour()),
    }
}

fn build<const EN: bool>() -> Catalog {
    Catalog {
        lang: super::lang_of::<EN>(),
        lang_code: st!(EN, "lang-code"),
        col_panel: st!(EN, "col-panel"),
        col_candidate: st!(EN, "col-candidate"),
        col_nuance: st!(EN, "col-nuance"),
        col_foi: st!(EN, "col-foi"),
        col_courrier: st!(EN, "col-courrier"),
        col_bureau: st!(EN, "col-bureau"),
        col_foi_short: st!(EN, "col-foi-short"),
        col_courrier_short: st!(EN, "col-courrier-short"),
        col_bureau_short: st!(EN, "col-bureau-short"),
        mark_present: st!(EN, "mark-present"),
        mark_absent: st!(EN, "mark-absent"),
        mark_unchecked: st!(EN, "mark-unchecked"),
        round: |round| tr!(EN, "round", round = round),
        circonscription: st!(EN, "circonscription"),
        circonscription_short: st!(EN, "circonscription-short"),
        bureau: st!(EN, "bureau"),
        observer: st!(EN, "observer"),
        no_bureau: st!(EN, "no-bureau"),
        save_idle: st!(EN, "save-idle"),
        save_saved: st!(EN, "save-saved"),
        save_pending: st!(EN, "save-pending"),
        save_failed: |error| tr!(EN, "save-failed", error = error),
        hint_grid: st!(EN, "hint-grid"),
        hint_form: st!(EN, "hint-form"),
        help_title: st!(EN, "help-title"),
        help_lines: help_lines::<EN>(),
        envelope_title: st!(EN, "envelope-title"),
        envelope_voters: st!(EN, "envelope-voters"),
        envelope_received: st!(EN, "envelope-received"),
        envelope_line: |voters, received| {
            tr!(
                EN,
                "envelope-line",
                voters = voters,
                received = received,
                missing = voters.saturating_sub(received)
            )
        },
        envelope_none: st!(EN, "envelope-none"),
        facts_short: |envelope, count| match envelope {
            Some((voters, received)) => tr!(
                EN,
                "facts-short",
                voters = voters,
                received = received,
                count = count
            ),
            None => tr!(EN, "facts-short-unknown", count = count),
        },
        hint_help_scroll: st!(EN, "hint-help-scroll"),
        non_receipt_title: st!(EN, "non-receipt-title"),
        picker_title: st!(EN, "picker-title"),
        picker_prompt: st!(EN, "picker-prompt"),
        picker_count: |count| tr!(EN, "picker-count", count = count),
        hint_picker: st!(EN, "hint-picker"),
        non_receipt_voter: st!(EN, "non-receipt-voter"),
        non_receipt_count: |count| tr!(EN, "non-receipt-count", count = count),
        form_bad_number: |value| tr!(EN, "form-bad-number", value = value),
        form_needs_bureau: st!(EN, "form-needs-bureau"),
        nothing_to_undo: st!(EN, "nothing-to-undo"),
        undone: st!(EN, "undone"),
        column_marked: |column| tr!(EN, "column-marked", column = column),
        screen_too_small: st!(EN, "screen-too-small"),
        report_bureaux: st!(EN, "report-bureaux"),
        list_sep: st!(EN, "list-sep"),
        clause_sep: st!(EN, "clause-sep"),
        report_legend: st!(EN, "report-legend"),
        report_findings: st!(EN, "report-findings"),
        conflicts_title: |count| tr!(EN, "conflicts-title", count = count),
        envelope_word: st!(EN, "envelope-word"),
        report_no_findings: st!(EN, "report-no-findings"),
        report_no_observation: st!(EN, "report-no-observation"),
        finding_complete: |count| tr!(EN, "finding-complete", count = count),
        finding_missing_both: |count| tr!(EN, "finding-missing-both", count = count),
        finding_missing_foi: |count| tr!(EN, "finding-missing-foi", count = count),
        finding_missing_courrier: |count| tr!(EN, "finding-missing-courrier", count = count),
        finding_at_bureau_present: |count| tr!(EN, "finding-at-bureau-present", count = count),
        finding_at_bureau_absent: |count| tr!(EN, "finding-at-bureau-absent", count = count),
        finding_at_bureau_unchecked: st!(EN, "finding-at-bureau-unchecked"),
        finding_disputed: |count| tr!(EN, "finding-disputed", count = count),
        finding_not_checked: |count| tr!(EN, "finding-not-checked", count = count),
        finding_shortfall: |voters, received, missing| {
            tr!(
                EN,
                "finding-shortfall",
                voters = voters,
                received = received,
                missing = missing,
                // More envelopes than voters, as the observer confirmed (issue 16 point 4).
                excess = received.saturating_sub(voters)
            )
        },
        finding_households: |count| tr!(EN, "finding-households", count = count),
        finding_non_receipts: |count| tr!(EN, "finding-non-receipts", count = count),
        report_details: st!(EN, "report-details"),
        details_disagreements: st!(EN, "details-disagreements"),
        details_to_check: st!(EN, "details-to-check"),
        detail_not_supplied: |items, envelopes, who| {
            tr!(
                EN,
                "detail-not-supplied",
                items = items,
                envelopes = envelopes,
                who = who
            )
        },
        detail_bureau: |bureau, candidate, who| {
            tr!(
                EN,
                "detail-bureau",
                bureau = bureau,
                candidate = candidate,
                who = who
            )
        },
        detail_disagreement: |bureau, candidate, views| {
            tr!(
                EN,
                "detail-disagreement",
                bureau = bureau,
                candidate = candidate,
                views = views
            )
        },
        rate_missing: |count, total, percent| {
            tr!(
                EN,
                "rate-missing",
                count = count,
                total = total,
                percent = percent
            )
        },
        rate_non_receipts: |count, total, percent| {
            tr!(
                EN,
                "rate-non-receipts",
                count = count,
                total = total,
                percent = percent
            )
        },
        households_observed: |count| tr!(EN, "households-observed", count = count),
        interval: |low, high| tr!(EN, "interval", low = low, high = high),
        interval_too_few: |min| tr!(EN, "interval-too-few", min = min),
        detail_shortfall_title: st!(EN, "detail-shortfall-title"),
        detail_household: |voters, received| {
            tr!(
                EN,
                "detail-household",
                voters = voters,
                received = received,
                excess = received.saturating_sub(voters)
            )
        },
        envelope_number: |number| tr!(EN, "envelope-number", number = number),
        received_on: |day, received| tr!(EN, "received-on", day = day, received = received),
        detail_non_receipts: |count| tr!(EN, "detail-non-receipts", count = count),
        departements_title: st!(EN, "departements-title"),
        departements_intro: |min| tr!(EN, "departements-intro", min = min),
        departement_line: |departement, circonscriptions| {
            tr!(
                EN,
                "departement-line",
                departement = departement,
                circonscriptions = circonscriptions
            )
        },
        non_receipts_short: st!(EN, "non-receipts-short"),
        missing_short: st!(EN, "missing-short"),
        digest_some: |digest| tr!(EN, "digest-some", digest = digest),
        digest_none: st!(EN, "digest-none"),
        voting_machines: st!(EN, "voting-machines"),
        percent: |x| tr!(EN, "percent", value = number::<EN>(x)),
        quote: |text| tr!(EN, "quote", text = text),
        chart_presence: st!(EN, "chart-presence"),
        chart_rates: st!(EN, "chart-rates"),
        chart_interval: st!(EN, "chart-interval"),
        html_generated_by: st!(EN, "html-generated-by"),
        pv: build_pv::<EN>(),
        saved_event: |id| tr!(EN, "saved-event", id = id),
        already_recorded: st!(EN, "already-recorded"),
        created_db: |path, who| tr!(EN, "created-db", path = path, who = who),
        demo_db_was: |path| tr!(EN, "demo-db-was", path = path),
        report_written: |path| tr!(EN, "report-written", path = path),
        import_recognised: |file, format, encoding, separator| {
            let separator = match separator {
                None => "none".to_owned(),
                Some('\t') => "tab".to_owned(),
                Some(c) => c.to_string(),
            };
            tr!(
                EN,
                "import-recognised",
                file = file,
                format = format,
                encoding = encoding,
                separator = separator
            )
        },
        import_candidates_done: |count, circonscriptions, added, same| {
            tr!(
                EN,
                "import-candidates-done",
                count = count,
                circonscriptions = circonscriptions,
                added = added,
                same = same
            )
        },
        import_changed: |circ, panel, before, after| {
            tr!(
                EN,
                "import-changed",
                circ = circ,
                panel = panel,
                before = before,
                after = after
            )
        },
        import_withdrawn: |circ, panel, name| {
            tr!(
                EN,
                "import-withdrawn",
                circ = circ,
                panel = panel,
                name = name
            )
        },
        import_nothing_changed: st!(EN, "import-nothing-changed"),
        import_bureaux_done: |count, added, changed, same| {
            tr!(
                EN,
                "import-bureaux-done",
                count = count,
                added = added,
                changed = changed,
                same = same
            )
        },
        import_bureaux_without_circ: |count| tr!(EN, "import-bureaux-without-circ", count = count),
        exported: |path| tr!(EN, "exported", path = path),
        merge_progress: |events, rejected| {
            tr!(EN, "merge-progress", events = events, rejected = rejected)
        },
        merge_col_file: st!(EN, "merge-col-file"),
        merge_col_new: st!(EN, "merge-col-new"),
        merge_col_already: st!(EN, "merge-col-already"),
        merge_col_rejected: st!(EN, "merge-col-rejected"),
        merge_total: |files, events, already, rejected| {
            tr!(
                EN,
                "merge-total",
                files = files,
                events = events,
                already = already,
                rejected = rejected
            )
        },
        verify_ok: |what| tr!(EN, "verify-ok", what = what),
        verify_broken: |what, why| tr!(EN, "verify-broken", what = what, why = why),
        verify_chain: |name, id, events, signed| {
            tr!(
                EN,
                "verify-chain",
                name = name,
                id = id,
                events = events,
                signed = signed
            )
        },
        error_prefix: st!(EN, "error-prefix"),
        hint_prefix: st!(EN, "hint-prefix"),
    }
}

fn build_pv<const EN: bool>() -> PvText {
    PvText {
        title: st!(EN, "pv-title"),
        bureau: |code, label| tr!(EN, "pv-bureau", code = code, label = label),
        intro: |name| tr!(EN, "pv-intro", name = name),
        at_bureau: st!(EN, "pv-at-bureau"),
        bureau_absent: |candidate, who| {
            tr!(EN, "pv-bureau-absent", candidate = candidate, who = who)
        },
        bureau_disagreement: |candidate, views| {
            tr!(
                EN,
                "pv-bureau-disagreement",
                candidate = candidate,
                views = views
            )
        },
        envelopes: st!(EN, "pv-envelopes"),
        not_supplied: |candidate, fact| {
            tr!(EN, "pv-not-supplied", candidate = candidate, fact = fact)
        },
        household: |voters, received, who| {
            tr!(
                EN,
                "pv-household",
                voters = voters,
                received = received,
                missing = voters.saturating_sub(received),
                excess = received.saturating_sub(voters),
                who = who
            )
        },
        households: |count, missing, voters, percent, short| {
            tr!(
                EN,
                "pv-households",
                count = count,
                missing = missing,
                voters = voters,
                percent = percent,
                short = short
            )
        },
        // Two messages, so that no voter's name can be taken for the anonymous case.
        non_receipt: |voter, who| match voter {
            Some(voter) => tr!(EN, "pv-non-receipt", voter = voter, who = who),
            None => tr!(EN, "pv-non-receipt-anonymous", who = who),
        },
        non_receipts_elsewhere: |count| tr!(EN, "pv-non-receipts-elsewhere", count = count),
        seen_by: |who| tr!(EN, "pv-seen-by", who = who),
        closing: st!(EN, "pv-closing"),
        signature: st!(EN, "pv-signature"),
        appeal_title: st!(EN, "pv-appeal-title"),
        appeal_deadline: |deadline, proclamation| {
            tr!(
                EN,
                "pv-appeal-deadline",
                deadline = deadline,
                proclamation = proclamation
            )
        },
        appeal_who: st!(EN, "pv-appeal-who"),
        appeal_facts: st!(EN, "pv-appeal-facts"),
        appeal_pv: |bureau| tr!(EN, "pv-appeal-pv", bureau = bureau),
        appeal_pieces: st!(EN, "pv-appeal-pieces"),
        deadline: |t| {
            tr!(
                EN,
                "pv-deadline",
                date = date::<EN>(t.date()),
                time = time_of_day::<EN>(t)
            )
        },
        date: date::<EN>,
    }
}
