//! The one catalogue of user-visible text, in French (the default) and English.
//!
//! Every string a user reads (screens, reports, command output, error messages) comes from a
//! [`Catalog`]. Texts with values are small functions so that word order can differ by language.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

mod fluent;
pub mod journey;

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

use crate::domain::{ElectionKind, Item, Mark};

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

/// All user-visible text of one language.
#[allow(missing_docs)] // the field names say what each text is
pub struct Catalog {
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
    pub election_kind: fn(ElectionKind) -> &'static str,
    pub election_kind_short: fn(ElectionKind) -> &'static str,
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
    pub finding_missing_at_bureau: fn(usize) -> String,
    pub finding_disputed: fn(usize) -> String,
    pub finding_not_checked: fn(usize) -> String,
    pub finding_shortfall: fn(u32, u32, u32) -> String,
    pub finding_households: fn(usize) -> String,
    pub finding_non_receipts: fn(usize) -> String,
    pub finding_cause_not_supplied: fn(usize, usize) -> String,
    pub finding_cause_distribution: fn(usize) -> String,
    pub report_details: &'static str,
    pub details_not_supplied: &'static str,
    pub details_distribution: &'static str,
    pub details_bureau: &'static str,
    pub details_disagreements: &'static str,
    pub details_households: &'static str,
    pub not_supplied_items: fn(&[Item]) -> &'static str,
    pub detail_not_supplied: fn(&str, usize, &str) -> String,
    pub detail_distribution: fn(Item, usize, usize, &str, usize) -> String,
    pub detail_bureau: fn(&str, &str, &str) -> String,
    pub detail_bureau_also_present: fn(usize) -> String,
    pub detail_bureau_not_supplied: &'static str,
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
    pub machines: &'static str,
    pub bureau_not_checked: &'static str,
    pub bureau_all_present: fn(usize) -> String,
    pub bureau_absent: fn(&str, &str) -> String,
    pub bureau_disagreement: fn(&str, &str) -> String,
    pub envelopes: &'static str,
    pub envelopes_nothing: &'static str,
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

impl Catalog {
    /// The long name of a mark.
    pub fn mark(&self, mark: Mark) -> &'static str {
        match mark {
            Mark::Present => self.mark_present,
            Mark::Absent => self.mark_absent,
            Mark::Unchecked => self.mark_unchecked,
        }
    }

    /// A column's title: long (`Prof. de foi`) or short (`Foi`).
    pub fn column(&self, item: Item, long: bool) -> &'static str {
        match (item, long) {
            (Item::Foi, true) => self.col_foi,
            (Item::Courrier, true) => self.col_courrier,
            (Item::Bureau, true) => self.col_bureau,
            (Item::Foi, false) => self.col_foi_short,
            (Item::Courrier, false) => self.col_courrier_short,
            (Item::Bureau, false) => self.col_bureau_short,
        }
    }
}

/// French plural mark: "s" from 2 on.
fn s(n: usize) -> &'static str {
    if n > 1 { "s" } else { "" }
}

fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n <= 1 { one } else { many }
}

fn short_kind(k: ElectionKind) -> &'static str {
    match k {
        ElectionKind::Legislatives => "Législ.",
        ElectionKind::Presidentielle => "Présid.",
        ElectionKind::Europeennes => "Europ.",
        ElectionKind::Municipales => "Munic.",
        ElectionKind::Regionales => "Région.",
        ElectionKind::Departementales => "Départ.",
    }
}

fn fr_kind(k: ElectionKind) -> &'static str {
    match k {
        ElectionKind::Legislatives => "Élections législatives",
        ElectionKind::Presidentielle => "Élection présidentielle",
        ElectionKind::Europeennes => "Élections européennes",
        ElectionKind::Municipales => "Élections municipales",
        ElectionKind::Regionales => "Élections régionales",
        ElectionKind::Departementales => "Élections départementales",
    }
}

fn en_kind(k: ElectionKind) -> &'static str {
    match k {
        ElectionKind::Legislatives => "Legislative election",
        ElectionKind::Presidentielle => "Presidential election",
        ElectionKind::Europeennes => "European election",
        ElectionKind::Municipales => "Municipal election",
        ElectionKind::Regionales => "Regional election",
        ElectionKind::Departementales => "Departmental election",
    }
}

const FR_MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn fr_date(d: NaiveDate) -> String {
    let day = if d.day() == 1 {
        "1er".to_owned()
    } else {
        d.day().to_string()
    };
    format!("{day} {} {}", FR_MONTHS[d.month0() as usize], d.year())
}

fn en_date(d: NaiveDate) -> String {
    format!(
        "{} {} {}",
        d.day(),
        EN_MONTHS[d.month0() as usize],
        d.year()
    )
}

/// `75`, `33,3` (French decimal comma).
fn fr_number(x: f64) -> String {
    en_number(x).replace('.', ",")
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

/// What is missing from every envelope: the profession de foi, the ballot, or both.
fn fr_items(items: &[Item]) -> &'static str {
    match items {
        [Item::Foi] => "pas de profession de foi",
        [Item::Courrier] => "pas de bulletin",
        _ => "ni profession de foi ni bulletin",
    }
}

fn en_items(items: &[Item]) -> &'static str {
    match items {
        [Item::Foi] => "no profession de foi",
        [Item::Courrier] => "no ballot",
        _ => "neither profession de foi nor ballot",
    }
}

/// French, the default.
pub static FR: Catalog = Catalog {
    lang_code: "fr",
    col_panel: "N°",
    col_candidate: "Candidat",
    col_nuance: "Nuance",
    col_foi: "Prof. de foi",
    col_courrier: "Bull. courrier",
    col_bureau: "Bull. bureau",
    col_foi_short: "Foi",
    col_courrier_short: "Cour",
    col_bureau_short: "Bur",
    mark_present: "présent",
    mark_absent: "absent",
    mark_unchecked: "non vérifié",
    election_kind: fr_kind,
    election_kind_short: short_kind,
    round: |r| {
        if r == 1 {
            "1er tour".into()
        } else {
            format!("{r}e tour")
        }
    },
    circonscription: "Circonscription",
    circonscription_short: "Circ.",
    bureau: "Bureau",
    observer: "Observateur",
    no_bureau: "aucun bureau choisi",
    save_idle: "○ prêt",
    save_saved: "● enregistré",
    save_pending: "◌ enregistrement…",
    save_failed: |e| format!("✗ NON ENREGISTRÉ : {e}"),
    hint_grid: "↑↓←→ bouger · espace/p/a/⌫ cocher · P colonne · e enveloppe · n non-réception · / lieu · u annuler · ? aide · q quitter",
    hint_form: "Tab champ suivant · Entrée valider · Échap annuler",
    help_title: "Aide",
    help_lines: &[
        ("↑ ↓ ← → / h j k l", "se déplacer dans la grille"),
        ("espace", "changer la case : non vérifié → présent → absent"),
        ("p / a", "marquer présent / absent"),
        ("⌫ (retour arrière)", "remettre la case à « non vérifié »"),
        (
            "P",
            "marquer toute la colonne présente (demande confirmation)",
        ),
        ("Tab / 1 2 3", "écran : enveloppe, bureau de vote, bilan"),
        (
            "e",
            "enveloppe du foyer : électeurs à l'adresse, enveloppes reçues, date, note",
        ),
        (
            "+ / - (ou > / <)",
            "écran enveloppe : enveloppe suivante / précédente du foyer",
        ),
        ("n", "non-réception : un électeur n'a reçu aucune enveloppe"),
        ("c", "note sur la case (ex. « bulletins épuisés à 15h »)"),
        (
            "m",
            "bureau sur machines à voter, ou non (demande confirmation)",
        ),
        (
            "M",
            "déplacer les constats du bureau vers le bon bureau (historique conservé)",
        ),
        (
            "x",
            "bilan : exporter les preuves dans un dossier ou sur une clé USB",
        ),
        (
            "/ ou b",
            "choisir une autre circonscription ou un autre bureau",
        ),
        (
            "u",
            "annuler la dernière modification (enregistrée comme un nouvel événement)",
        ),
        ("?", "afficher ou fermer cette aide"),
        ("q", "quitter (tout est déjà enregistré)"),
        ("", "✓ présent   ✗ absent   · non vérifié"),
        (
            "",
            "Chaque case est enregistrée dans la base dès qu'elle est cochée.",
        ),
    ],
    envelope_title: "Enveloppe du foyer",
    envelope_voters: "Électeurs à l'adresse",
    envelope_received: "Enveloppes reçues",
    envelope_line: |v, r| {
        let missing = v.saturating_sub(r);
        format!(
            "Enveloppe : {r} reçue{} pour {v} électeur{}{}",
            if r > 1 { "s" } else { "" },
            if v > 1 { "s" } else { "" },
            if missing > 0 {
                format!(
                    " ({missing} manquante{})",
                    if missing > 1 { "s" } else { "" }
                )
            } else {
                String::new()
            }
        )
    },
    envelope_none: "Enveloppe : non renseignée (touche e)",
    facts_short: |env, n| match env {
        Some((v, r)) => format!("Env. {r}/{v} électeurs · Non-réc. {n}"),
        None => format!("Env. ? (touche e) · Non-réc. {n}"),
    },
    hint_help_scroll: "↑↓ défiler · Échap fermer",
    non_receipt_title: "Non-réception d'enveloppe",
    picker_title: "Choisir une circonscription ou un bureau",
    picker_prompt: "Chercher (code, nom, adresse, commune)",
    picker_count: |n| format!("{n} résultat{}", if n > 1 { "s" } else { "" }),
    hint_picker: "↑↓ choisir · Entrée ouvrir · Échap annuler",
    non_receipt_voter: "Nom de l'électeur (facultatif)",
    non_receipt_count: |n| format!("Non-réceptions : {n}"),
    form_bad_number: |v| format!("« {v} » n'est pas un nombre entier"),
    form_needs_bureau: "Choisissez d'abord un bureau",
    nothing_to_undo: "Rien à annuler",
    undone: "Dernière modification annulée",
    column_marked: |c| format!("Colonne « {c} » marquée présente"),
    screen_too_small: "Fenêtre trop petite : agrandissez-la (40×15 au moins)",
    report_bureaux: "Bureaux observés",
    list_sep: " : ",
    clause_sep: " ; ",
    report_legend: "x = présent, - = absent, ? = non vérifié",
    report_findings: "Constats",
    conflicts_title: |n| match n {
        0 => "Aucune contradiction entre observateurs.".into(),
        1 => "1 case sur laquelle les observateurs se contredisent :".into(),
        n => format!("{n} cases sur lesquelles les observateurs se contredisent :"),
    },
    envelope_word: "enveloppe",
    report_no_findings: "Aucun constat : rien n'a encore été coché.",
    report_no_observation: "Aucune observation enregistrée.",
    finding_complete: |n| {
        format!(
            "{n} {} les trois éléments : profession de foi et bulletin dans l'enveloppe, bulletin au bureau.",
            plural(n, "candidat a", "candidats ont")
        )
    },
    finding_missing_both: |n| {
        format!(
            "{n} {} ni profession de foi ni bulletin dans l'enveloppe",
            plural(n, "candidat n'a", "candidats n'ont")
        )
    },
    finding_missing_foi: |n| {
        format!(
            "{n} {} pas de profession de foi dans l'enveloppe",
            plural(n, "candidat n'a", "candidats n'ont")
        )
    },
    finding_missing_courrier: |n| {
        format!(
            "{n} {} pas de bulletin dans l'enveloppe",
            plural(n, "candidat n'a", "candidats n'ont")
        )
    },
    finding_at_bureau_present: |n| {
        if n == 1 {
            " ; son bulletin est présent au bureau".into()
        } else {
            format!(" ; les {n} ont leur bulletin au bureau")
        }
    },
    finding_at_bureau_absent: |n| {
        if n == 1 {
            " ; son bulletin manque aussi au bureau".into()
        } else {
            format!(" ; les {n} manquent aussi au bureau")
        }
    },
    finding_at_bureau_unchecked: " ; bureau non vérifié",
    finding_missing_at_bureau: |n| {
        format!(
            "{n} {} absent{} de la table du bureau (L.58, R.55) : irrégularité grave",
            plural(n, "bulletin", "bulletins"),
            if n > 1 { "s" } else { "" }
        )
    },
    finding_disputed: |n| {
        format!(
            "{n} {} : les observateurs se contredisent (chaque version est conservée)",
            plural(n, "candidat", "candidats")
        )
    },
    finding_not_checked: |n| {
        format!(
            "{n} {} pas encore entièrement vérifié{}",
            plural(n, "candidat", "candidats"),
            if n > 1 { "s" } else { "" }
        )
    },
    finding_shortfall: |v, r, m| {
        format!(
            "{r} enveloppe{} pour {v} électeur{} : {m} manquante{}",
            if r > 1 { "s" } else { "" },
            if v > 1 { "s" } else { "" },
            if m > 1 { "s" } else { "" }
        )
    },
    finding_households: |n| format!(" ({n} foyers)"),
    finding_non_receipts: |n| {
        format!(
            "{n} non-réception{} enregistrée{} (procès-verbal de non-réception)",
            if n > 1 { "s" } else { "" },
            if n > 1 { "s" } else { "" }
        )
    },
    finding_cause_not_supplied: |n, envelopes| {
        let who = plural(n, "Absent", "Absents");
        let what = if envelopes == 1 {
            "de l'unique enveloppe observée (constaté sur une seule enveloppe)".to_owned()
        } else {
            format!("des {envelopes} enveloppes observées")
        };
        format!(
            " {who} {what} : matériel vraisemblablement non remis à la commission de propagande (R.38 : son envoi est facultatif pour le candidat), et non défaut de distribution."
        )
    },
    finding_cause_distribution: |n| {
        format!(
            " {} de certaines enveloppes observées et {} dans d'autres : défaut de distribution (R.34).",
            plural(n, "Absent", "Absents"),
            plural(n, "présent", "présents")
        )
    },
    report_details: "Détail des constats (heures en UTC)",
    details_not_supplied: "Absents de toutes les enveloppes observées : matériel vraisemblablement non remis à la commission de propagande (R.38)",
    details_distribution: "Défauts de distribution : absents de certaines enveloppes, présents dans d'autres (R.34)",
    details_bureau: "Bulletins absents de la table d'un bureau (L.58, R.55)",
    details_disagreements: "Observateurs en contradiction sur un même bureau (chaque version est conservée)",
    details_households: "Enveloppes des foyers et non-réceptions",
    not_supplied_items: fr_items,
    detail_not_supplied: |items, envelopes, who| {
        if envelopes == 1 {
            format!("{items} dans l'enveloppe observée ; constaté sur une seule enveloppe : {who}")
        } else {
            format!("{items} dans les {envelopes} enveloppes observées : {who}")
        }
    },
    detail_distribution: |item, absent, total, who_absent, present| {
        let (what, absent_word, present_word) = match item {
            Item::Foi => ("profession de foi", "absente", "présente"),
            _ => ("bulletin", "absent", "présent"),
        };
        let others = if present == 1 {
            "l'autre".to_owned()
        } else {
            format!("les {present} autres")
        };
        format!(
            "{what} {absent_word} de {absent} enveloppe{} sur {total} : {who_absent} ; {present_word} dans {others}",
            s(absent)
        )
    },
    detail_bureau: |bureau, candidate, who| {
        format!("bureau {bureau} : bulletin de {candidate} absent de la table : {who}")
    },
    detail_bureau_also_present: |n| {
        format!(
            " ; vu présent par {n} autre{} observateur{} du même bureau (voir les contradictions)",
            s(n),
            s(n)
        )
    },
    detail_bureau_not_supplied: " ; ce candidat est absent de toutes les enveloppes observées : vérifier s'il a remis ses bulletins à la mairie ou au bureau (R.55)",
    detail_disagreement: |bureau, candidate, views| {
        format!("bureau {bureau}, bulletin de {candidate} : {views}")
    },
    rate_missing: |count, total, percent| {
        format!(
            "{count} manquante{} sur {total}{percent}",
            s(count as usize)
        )
    },
    rate_non_receipts: |count, total, percent| {
        format!(
            "{count} sur {total} électeur{} des foyers observés{percent}",
            s(total as usize)
        )
    },
    households_observed: |n| format!("{n} foyer{} observé{}", s(n), s(n)),
    interval: |low, high| format!("intervalle de confiance à 95 % : {low} à {high}"),
    interval_too_few: |min| format!("pas d'intervalle de confiance avant {min} foyers observés"),
    detail_shortfall_title: "Enveloppes manquantes",
    detail_household: |voters, received| {
        format!(
            "{received} reçue{} pour {voters} électeur{}",
            s(received as usize),
            s(voters as usize)
        )
    },
    envelope_number: |n| format!("enveloppe {n}"),
    received_on: |day, received| {
        if received == 1 {
            format!("arrivée le {day}")
        } else {
            format!("arrivées le {day}")
        }
    },
    detail_non_receipts: |n| format!("Non-réceptions enregistrées : {n}"),
    departements_title: "Taux par département",
    departements_intro: |min| {
        format!(
            "Enveloppes manquantes et non-réceptions rapportées aux électeurs des foyers observés ; intervalle de confiance de Wilson à 95 % à partir de {min} foyers."
        )
    },
    departement_line: |dep, circs| {
        format!("Département {dep} ({circs} circonscription{})", s(circs))
    },
    non_receipts_short: "non-réceptions",
    missing_short: "enveloppes manquantes",
    digest_some: |d| format!("Empreinte des observations (têtes des chaînes) : {d}"),
    digest_none: "Empreinte des observations : aucune disponible pour l'instant.",
    voting_machines: "machines à voter : pas de bulletins sur table, aucun constat de bulletin",
    percent: |x| format!("{} %", fr_number(x)),
    quote: |t| format!("« {t} »"),
    chart_presence: "Présence par candidat : profession de foi, bulletin dans l'enveloppe, bulletin au bureau (part des observations ; vert : présent, rouge : absent, gris : non vérifié)",
    chart_rates: "Par département, en rouge les enveloppes manquantes, en orange les non-réceptions (trait noir : intervalle de confiance à 95 %)",
    chart_interval: "intervalle de confiance à 95 %",
    html_generated_by: "Rapport établi par constat à partir des observations enregistrées.",
    pv: PvText {
        title: "RÉCLAMATION À PORTER AU PROCÈS-VERBAL DU BUREAU DE VOTE",
        bureau: |code, label| format!("Bureau de vote {code} : {label}"),
        intro: |name| {
            format!(
                "Je soussigné(e) {name} demande que soient consignés au procès-verbal de ce bureau les faits suivants (article R.52 du code électoral). Les heures sont en temps universel (UTC ; heure de Paris = UTC + 2 en été, + 1 en hiver)."
            )
        },
        at_bureau: "Au bureau de vote (articles L.58 et R.55 du code électoral : les bulletins de tous les candidats doivent être mis à la disposition des électeurs sur une table) :",
        machines: "ce bureau vote sur machines à voter : aucun bulletin n'est attendu sur une table.",
        bureau_not_checked: "la table de ce bureau n'a pas été vérifiée.",
        bureau_all_present: |n| {
            format!(
                "aucune absence de bulletin n'a été constatée sur la table de ce bureau ({n} candidat{} vérifié{}).",
                s(n),
                s(n)
            )
        },
        bureau_absent: |candidate, who| {
            format!("le bulletin de {candidate} était absent de la table ; constaté par {who}.")
        },
        bureau_disagreement: |candidate, views| {
            format!("observations divergentes sur le bulletin de {candidate} : {views}.")
        },
        envelopes: "Enveloppes adressées aux électeurs de la circonscription par la commission de propagande (articles R.34 et R.38 du code électoral) :",
        envelopes_nothing: "aucun manque n'a été constaté dans les enveloppes observées.",
        not_supplied: |candidate, fact| {
            format!(
                "{candidate} : {fact} ; matériel vraisemblablement non remis à la commission de propagande (R.38)."
            )
        },
        household: |voters, received, who| {
            let missing = voters.saturating_sub(received);
            format!(
                "un foyer de {voters} électeur{} a reçu {received} enveloppe{} : {missing} manquante{} ; constaté par {who}.",
                s(voters as usize),
                s(received as usize),
                s(missing as usize)
            )
        },
        households: |n, missing, voters, percent, short| {
            if missing == 0 {
                format!(
                    "{n} foyers observés dans la circonscription : toutes leurs enveloppes reçues ({voters} électeurs)."
                )
            } else {
                format!(
                    "{n} foyers observés dans la circonscription : {missing} enveloppe{} manquante{} sur {voters} électeurs{percent} ; foyers concernés : {short}.",
                    s(missing as usize),
                    s(missing as usize)
                )
            }
        },
        non_receipt: |voter, who| {
            let voter =
                voter.map_or_else(|| "un électeur".to_owned(), |v| format!("l'électeur {v}"));
            format!(
                "{voter} de ce bureau n'a reçu aucune enveloppe (procès-verbal de non-réception) ; constaté par {who}."
            )
        },
        non_receipts_elsewhere: |n| {
            format!(
                "{n} autre{} non-réception{} enregistrée{} dans d'autres bureaux de la circonscription.",
                s(n),
                s(n),
                s(n)
            )
        },
        seen_by: |who| format!(" Constaté par {who}."),
        closing: "Fait au bureau de vote, le ____________ à ____ h ____.",
        signature: "Signature : ____________________",
        appeal_title: "PROJET DE REQUÊTE AU CONSEIL CONSTITUTIONNEL : EXPOSÉ DES FAITS",
        appeal_deadline: |deadline, proclamation| {
            format!(
                "Délai : la requête doit être déposée au plus tard le {deadline} (dixième jour suivant la proclamation des résultats, le {proclamation} ; article LO.180 du code électoral, article 33 de l'ordonnance n° 58-1067 du 7 novembre 1958)."
            )
        },
        appeal_who: "Peuvent contester l'élection : tout électeur inscrit dans la circonscription et tout candidat.",
        appeal_facts: "Exposé des faits (projet, à relire, compléter et signer) :",
        appeal_pv: |bureau| {
            format!(
                "Ces faits ont été portés, ou doivent l'être, au procès-verbal du bureau {bureau} (article R.52 du code électoral)."
            )
        },
        appeal_pieces: "Pièces à joindre : copie du procès-verbal du bureau, rapport constat des observations avec l'empreinte ci-dessous.",
        deadline: |t| {
            let minutes = if t.minute() == 0 {
                String::new()
            } else {
                format!(" {:02}", t.minute())
            };
            format!("{} à {} h{minutes}", fr_date(t.date()), t.hour())
        },
        date: fr_date,
    },
    saved_event: |id| format!("enregistré : événement {id}"),
    created_db: |path, who| format!("Base créée : {path} (observateur : {who})"),
    demo_db_was: |path| {
        format!(
            "Base de démonstration : {path}\nElle est conservée ; pour la rouvrir : constat --db {path} ui"
        )
    },
    report_written: |path| format!("Rapport écrit : {path}"),
    import_recognised: |file, format, encoding, sep| {
        format!(
            "{file} : {format}, encodage {encoding}{}",
            sep.map(|c| format!(
                ", séparateur « {} »",
                if c == '\t' {
                    "tabulation".to_owned()
                } else {
                    c.to_string()
                }
            ))
            .unwrap_or_default()
        )
    },
    import_candidates_done: |n, m, added, same| {
        format!("{n} candidats dans {m} circonscriptions : {added} nouveaux, {same} inchangés")
    },
    import_changed: |circ, panel, before, after| {
        format!("modifié : {circ} n° {panel} : {before} → {after}")
    },
    import_withdrawn: |circ, panel, name| {
        format!("retiré (absent du fichier, conservé comme retiré) : {circ} n° {panel} {name}")
    },
    import_nothing_changed: "Rien n'a changé : la base avait déjà exactement ces données.",
    import_bureaux_done: |n, added, changed, same| {
        format!("{n} bureaux : {added} nouveaux, {changed} complétés ou corrigés, {same} inchangés")
    },
    import_bureaux_without_circ: |n| {
        format!(
            "{n} bureaux sans circonscription connue : importez aussi la table bureaux ↔ circonscriptions d'Etalab"
        )
    },
    exported: |p| format!("Exporté : {p}"),
    merge_progress: |n, r| {
        format!(
            "{n} événement{} ajouté{}, {r} fichier{} refusé{}",
            s(n as usize),
            s(n as usize),
            s(r),
            s(r)
        )
    },
    merge_col_file: "fichier",
    merge_col_new: "nouveaux",
    merge_col_already: "déjà là",
    merge_col_rejected: "refusé (raison)",
    merge_total: |f, n, a, r| {
        format!(
            "{f} fichier{} : {n} événement{} nouveau{}, {a} déjà présent{}, {r} fichier{} refusé{}",
            s(f),
            s(n as usize),
            if n > 1 { "x" } else { "" },
            s(a as usize),
            s(r),
            s(r)
        )
    },
    verify_ok: |what| format!("intact : {what}"),
    verify_broken: |what, why| format!("ALTÉRÉ : {what} : {why}"),
    verify_chain: |name, id, n, signed| match signed {
        Some(s) => format!("{name} ({id}), {n} événements, tête signée à la position {s}"),
        None => format!("{name} ({id}), {n} événements, tête non signée"),
    },
    error_prefix: "erreur",
    hint_prefix: "conseil",
};

/// English.
pub static EN: Catalog = Catalog {
    lang_code: "en",
    col_panel: "No.",
    col_candidate: "Candidate",
    col_nuance: "Nuance",
    col_foi: "Prof. de foi",
    col_courrier: "Mailed ballot",
    col_bureau: "Bureau ballot",
    col_foi_short: "Foi",
    col_courrier_short: "Mail",
    col_bureau_short: "Bur",
    mark_present: "present",
    mark_absent: "absent",
    mark_unchecked: "not checked",
    election_kind: en_kind,
    election_kind_short: short_kind,
    round: |r| format!("round {r}"),
    circonscription: "Circonscription",
    circonscription_short: "Circ.",
    bureau: "Bureau",
    observer: "Observer",
    no_bureau: "no bureau chosen",
    save_idle: "○ ready",
    save_saved: "● saved",
    save_pending: "◌ saving…",
    save_failed: |e| format!("✗ NOT SAVED: {e}"),
    hint_grid: "↑↓←→ move · space/p/a/⌫ mark · P column · e envelope · n non-receipt · / place · u undo · ? help · q quit",
    hint_form: "Tab next field · Enter confirm · Esc cancel",
    help_title: "Help",
    help_lines: &[
        ("↑ ↓ ← → / h j k l", "move in the grid"),
        ("space", "cycle the cell: not checked → present → absent"),
        ("p / a", "mark present / absent"),
        ("⌫ (Backspace)", "clear the cell back to \"not checked\""),
        ("P", "mark the whole column present (asks first)"),
        ("Tab / 1 2 3", "screen: envelope, polling station, summary"),
        (
            "e",
            "household envelope: voters at the address, envelopes received, date, note",
        ),
        (
            "+ / - (or > / <)",
            "envelope screen: the household's next / previous envelope",
        ),
        ("n", "non-receipt: a voter received no envelope at all"),
        ("c", "note on the cell (e.g. \"ballots ran out at 3pm\")"),
        ("m", "bureau votes on machines, or not (asks first)"),
        (
            "M",
            "move the bureau's observations to the right bureau (history kept)",
        ),
        (
            "x",
            "summary: export the evidence to a folder or a USB stick",
        ),
        ("/ or b", "choose another circonscription or bureau"),
        ("u", "undo the last change (recorded as a new event)"),
        ("?", "show or close this help"),
        ("q", "quit (everything is already saved)"),
        ("", "✓ present   ✗ absent   · not checked"),
        (
            "",
            "Every cell is saved to the database the moment it is marked.",
        ),
    ],
    envelope_title: "Household envelope",
    envelope_voters: "Voters at the address",
    envelope_received: "Envelopes received",
    envelope_line: |v, r| {
        let missing = v.saturating_sub(r);
        format!(
            "Envelope: {r} received for {v} voter{}{}",
            if v == 1 { "" } else { "s" },
            if missing > 0 {
                format!(" ({missing} missing)")
            } else {
                String::new()
            }
        )
    },
    envelope_none: "Envelope: not recorded (key e)",
    facts_short: |env, n| match env {
        Some((v, r)) => format!("Env. {r}/{v} voters · Non-rec. {n}"),
        None => format!("Env. ? (key e) · Non-rec. {n}"),
    },
    hint_help_scroll: "↑↓ scroll · Esc close",
    non_receipt_title: "Envelope not received",
    picker_title: "Choose a circonscription or a bureau",
    picker_prompt: "Search (code, name, address, commune)",
    picker_count: |n| format!("{n} result{}", if n == 1 { "" } else { "s" }),
    hint_picker: "↑↓ choose · Enter open · Esc cancel",
    non_receipt_voter: "Voter's name (optional)",
    non_receipt_count: |n| format!("Non-receipts: {n}"),
    form_bad_number: |v| format!("\"{v}\" is not a whole number"),
    form_needs_bureau: "Choose a bureau first",
    nothing_to_undo: "Nothing to undo",
    undone: "Last change undone",
    column_marked: |c| format!("Column \"{c}\" marked present"),
    screen_too_small: "Window too small: enlarge it (at least 40×15)",
    report_bureaux: "Bureaux observed",
    list_sep: ": ",
    clause_sep: "; ",
    report_legend: "x = present, - = absent, ? = not checked",
    report_findings: "Findings",
    conflicts_title: |n| match n {
        0 => "No contradiction between observers.".into(),
        1 => "1 cell on which observers contradict each other:".into(),
        n => format!("{n} cells on which observers contradict each other:"),
    },
    envelope_word: "envelope",
    report_no_findings: "No findings: nothing has been checked yet.",
    report_no_observation: "No observation recorded.",
    finding_complete: |n| {
        format!(
            "{n} {} all three items: profession de foi and ballot in the envelope, ballot at the bureau.",
            plural(n, "candidate had", "candidates had")
        )
    },
    finding_missing_both: |n| {
        format!(
            "{n} {} neither profession de foi nor ballot in the envelope",
            plural(n, "candidate had", "candidates had")
        )
    },
    finding_missing_foi: |n| {
        format!(
            "{n} {} no profession de foi in the envelope",
            plural(n, "candidate had", "candidates had")
        )
    },
    finding_missing_courrier: |n| {
        format!(
            "{n} {} no ballot in the envelope",
            plural(n, "candidate had", "candidates had")
        )
    },
    finding_at_bureau_present: |n| {
        if n == 1 {
            "; their ballot is at the bureau".into()
        } else {
            format!("; all {n} have their ballot at the bureau")
        }
    },
    finding_at_bureau_absent: |n| {
        if n == 1 {
            "; their ballot is missing at the bureau too".into()
        } else {
            format!("; all {n} are missing at the bureau too")
        }
    },
    finding_at_bureau_unchecked: "; bureau not checked",
    finding_missing_at_bureau: |n| {
        format!(
            "{n} {} absent from the bureau's table (L.58, R.55): a serious irregularity",
            plural(n, "ballot", "ballots")
        )
    },
    finding_disputed: |n| {
        format!(
            "{n} {}: observers contradict each other (every view is kept)",
            plural(n, "candidate", "candidates")
        )
    },
    finding_not_checked: |n| {
        format!(
            "{n} {} not fully checked yet",
            plural(n, "candidate", "candidates")
        )
    },
    finding_shortfall: |v, r, m| {
        format!(
            "{r} envelope{} for {v} voter{}: {m} missing",
            if r == 1 { "" } else { "s" },
            if v == 1 { "" } else { "s" }
        )
    },
    finding_households: |n| format!(" ({n} households)"),
    finding_non_receipts: |n| {
        format!(
            "{n} non-receipt{} recorded (procès-verbal of non-receipt)",
            if n == 1 { "" } else { "s" }
        )
    },
    finding_cause_not_supplied: |_, envelopes| {
        let what = if envelopes == 1 {
            "the only envelope observed (seen in a single envelope)".to_owned()
        } else {
            format!("all {envelopes} envelopes observed")
        };
        format!(
            " Absent from {what}: most likely not supplied to the commission de propagande (R.38: sending it is optional for the candidate), not a distribution failure."
        )
    },
    finding_cause_distribution: |_| {
        " Absent from some envelopes observed and present in others: a distribution failure (R.34)."
            .into()
    },
    report_details: "Findings in detail (times in UTC)",
    details_not_supplied: "Absent from every envelope observed: most likely not supplied to the commission de propagande (R.38)",
    details_distribution: "Distribution failures: absent from some envelopes, present in others (R.34)",
    details_bureau: "Ballots absent from a bureau's table (L.58, R.55)",
    details_disagreements: "Observers contradicting each other on the same bureau (every view is kept)",
    details_households: "Household envelopes and non-receipts",
    not_supplied_items: en_items,
    detail_not_supplied: |items, envelopes, who| {
        if envelopes == 1 {
            format!("{items} in the envelope observed; seen in a single envelope: {who}")
        } else {
            format!("{items} in any of the {envelopes} envelopes observed: {who}")
        }
    },
    detail_distribution: |item, absent, total, who_absent, present| {
        let what = match item {
            Item::Foi => "profession de foi",
            _ => "ballot",
        };
        let others = if present == 1 {
            "the other one".to_owned()
        } else {
            format!("the other {present}")
        };
        format!(
            "{what} absent from {absent} envelope{} out of {total}: {who_absent}; present in {others}",
            if absent == 1 { "" } else { "s" }
        )
    },
    detail_bureau: |bureau, candidate, who| {
        format!("bureau {bureau}: ballot of {candidate} absent from the table: {who}")
    },
    detail_bureau_also_present: |n| {
        format!(
            "; seen present by {n} other observer{} of the same bureau (see the contradictions)",
            if n == 1 { "" } else { "s" }
        )
    },
    detail_bureau_not_supplied: "; this candidate is absent from every envelope observed: check whether they handed their ballots to the mairie or the bureau (R.55)",
    detail_disagreement: |bureau, candidate, views| {
        format!("bureau {bureau}, ballot of {candidate}: {views}")
    },
    rate_missing: |count, total, percent| format!("{count} missing out of {total}{percent}"),
    rate_non_receipts: |count, total, percent| {
        format!(
            "{count} out of {total} voter{} in the households observed{percent}",
            if total == 1 { "" } else { "s" }
        )
    },
    households_observed: |n| format!("{n} household{} observed", if n == 1 { "" } else { "s" }),
    interval: |low, high| format!("95% confidence interval: {low} to {high}"),
    interval_too_few: |min| format!("no confidence interval before {min} households observed"),
    detail_shortfall_title: "Missing envelopes",
    detail_household: |voters, received| {
        format!(
            "{received} received for {voters} voter{}",
            if voters == 1 { "" } else { "s" }
        )
    },
    envelope_number: |n| format!("envelope {n}"),
    received_on: |day, _| format!("arrived on {day}"),
    detail_non_receipts: |n| format!("Non-receipts recorded: {n}"),
    departements_title: "Rates by département",
    departements_intro: |min| {
        format!(
            "Missing envelopes and non-receipts out of the voters of the households observed; 95% Wilson confidence interval from {min} households on."
        )
    },
    departement_line: |dep, circs| {
        format!(
            "Département {dep} ({circs} circonscription{})",
            if circs == 1 { "" } else { "s" }
        )
    },
    non_receipts_short: "non-receipts",
    missing_short: "missing envelopes",
    digest_some: |d| format!("Evidence digest (chain heads): {d}"),
    digest_none: "Evidence digest: none available yet.",
    voting_machines: "voting machines: no ballots on a table, no ballot finding",
    percent: |x| format!("{}%", en_number(x)),
    quote: |t| format!("\"{t}\""),
    chart_presence: "Presence by candidate: profession de foi, ballot in the envelope, ballot at the bureau (share of observations; green: present, red: absent, grey: not checked)",
    chart_rates: "By département, missing envelopes in red, non-receipts in orange (black line: 95% confidence interval)",
    chart_interval: "95% confidence interval",
    html_generated_by: "Report made by constat from the recorded observations.",
    pv: PvText {
        title: "COMPLAINT TO WRITE INTO THE BUREAU'S PROCÈS-VERBAL",
        bureau: |code, label| format!("Bureau de vote {code}: {label}"),
        intro: |name| {
            format!(
                "I, the undersigned {name}, ask that the following facts be recorded in this bureau's procès-verbal (article R.52 of the code électoral). Times are in universal time (UTC; Paris time = UTC + 2 in summer, + 1 in winter)."
            )
        },
        at_bureau: "At the bureau de vote (articles L.58 and R.55 of the code électoral: the ballots of every candidate must be available to voters on a table):",
        machines: "this bureau votes on voting machines: no ballots are expected on a table.",
        bureau_not_checked: "this bureau's table was not checked.",
        bureau_all_present: |n| {
            format!(
                "no ballot was found missing from this bureau's table ({n} candidate{} checked).",
                if n == 1 { "" } else { "s" }
            )
        },
        bureau_absent: |candidate, who| {
            format!("the ballot of {candidate} was absent from the table; seen by {who}.")
        },
        bureau_disagreement: |candidate, views| {
            format!("observations differ on the ballot of {candidate}: {views}.")
        },
        envelopes: "Envelopes mailed to the circonscription's voters by the commission de propagande (articles R.34 and R.38 of the code électoral):",
        envelopes_nothing: "nothing was found missing from the envelopes observed.",
        not_supplied: |candidate, fact| {
            format!(
                "{candidate}: {fact}; most likely not supplied to the commission de propagande (R.38)."
            )
        },
        household: |voters, received, who| {
            format!(
                "a household of {voters} voter{} received {received} envelope{}: {} missing; seen by {who}.",
                if voters == 1 { "" } else { "s" },
                if received == 1 { "" } else { "s" },
                voters.saturating_sub(received)
            )
        },
        households: |n, missing, voters, percent, short| {
            if missing == 0 {
                format!(
                    "{n} households observed in the circonscription: all their envelopes received ({voters} voters)."
                )
            } else {
                format!(
                    "{n} households observed in the circonscription: {missing} envelope{} missing out of {voters} voters{percent}; households concerned: {short}.",
                    if missing == 1 { "" } else { "s" }
                )
            }
        },
        non_receipt: |voter, who| {
            let voter = voter.map_or_else(|| "a voter".to_owned(), |v| format!("the voter {v}"));
            format!(
                "{voter} of this bureau received no envelope at all (procès-verbal of non-receipt); recorded by {who}."
            )
        },
        non_receipts_elsewhere: |n| {
            format!(
                "{n} other non-receipt{} recorded at other bureaux of the circonscription.",
                if n == 1 { "" } else { "s" }
            )
        },
        seen_by: |who| format!(" Seen by {who}."),
        closing: "Done at the bureau de vote, on ____________ at ____:____.",
        signature: "Signature: ____________________",
        appeal_title: "DRAFT REQUÊTE TO THE CONSEIL CONSTITUTIONNEL: STATEMENT OF FACTS",
        appeal_deadline: |deadline, proclamation| {
            format!(
                "Deadline: the requête must be lodged by {deadline} at the latest (the 10th day after the results were proclaimed on {proclamation}; article LO.180 of the code électoral, article 33 of ordonnance n° 58-1067 of 7 November 1958)."
            )
        },
        appeal_who: "Who may contest the election: any voter registered in the circonscription and any candidate.",
        appeal_facts: "Statement of facts (draft, to read, complete and sign):",
        appeal_pv: |bureau| {
            format!(
                "These facts were, or must be, written into the procès-verbal of bureau {bureau} (article R.52 of the code électoral)."
            )
        },
        appeal_pieces: "Attach: a copy of the bureau's procès-verbal, constat's report of the observations with the digest below.",
        deadline: |t| format!("{} at {:02}:{:02}", en_date(t.date()), t.hour(), t.minute()),
        date: en_date,
    },
    saved_event: |id| format!("saved: event {id}"),
    created_db: |path, who| format!("Database created: {path} (observer: {who})"),
    demo_db_was: |path| {
        format!("Demo database: {path}\nIt is kept; to reopen it: constat --db {path} ui")
    },
    report_written: |path| format!("Report written: {path}"),
    import_recognised: |file, format, encoding, sep| {
        format!(
            "{file}: {format}, encoding {encoding}{}",
            sep.map(|c| format!(
                ", separator '{}'",
                if c == '\t' {
                    "tab".to_owned()
                } else {
                    c.to_string()
                }
            ))
            .unwrap_or_default()
        )
    },
    import_candidates_done: |n, m, added, same| {
        format!("{n} candidates in {m} circonscriptions: {added} new, {same} unchanged")
    },
    import_changed: |circ, panel, before, after| {
        format!("changed: {circ} n° {panel}: {before} → {after}")
    },
    import_withdrawn: |circ, panel, name| {
        format!("withdrawn (not in the file, kept as withdrawn): {circ} n° {panel} {name}")
    },
    import_nothing_changed: "Nothing changed: the database already held exactly this data.",
    import_bureaux_done: |n, added, changed, same| {
        format!("{n} bureaux: {added} new, {changed} completed or corrected, {same} unchanged")
    },
    import_bureaux_without_circ: |n| {
        format!(
            "{n} bureaux with no known circonscription: also import Etalab's bureau/circonscription table"
        )
    },
    exported: |p| format!("Exported: {p}"),
    merge_progress: |n, r| format!("{n} events added, {r} files rejected"),
    merge_col_file: "file",
    merge_col_new: "new",
    merge_col_already: "present",
    merge_col_rejected: "rejected (why)",
    merge_total: |f, n, a, r| {
        format!("{f} files: {n} new events, {a} already present, {r} files rejected")
    },
    verify_ok: |what| format!("intact: {what}"),
    verify_broken: |what, why| format!("BROKEN: {what}: {why}"),
    verify_chain: |name, id, n, signed| match signed {
        Some(s) => format!("{name} ({id}), {n} events, head signed at position {s}"),
        None => format!("{name} ({id}), {n} events, head not signed"),
    },
    error_prefix: "error",
    hint_prefix: "hint",
};

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
