//! The plain mode's own texts, in French (the default) and English. Words only: no symbol carries
//! meaning alone, no box drawing, no colour, so that a screen reader reads every line as it is.

use super::parse::{Form, Problem};
use crate::domain::{Item, Mark};
use crate::i18n::Lang;

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
    pub item: fn(Item) -> &'static str,
    pub mark: fn(Mark) -> &'static str,
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
    pub example: fn(Form) -> &'static str,
    pub bye: &'static str,
}

/// The texts of `lang`.
pub fn text(lang: Lang) -> &'static Text {
    match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    }
}

fn s(n: usize) -> &'static str {
    if n > 1 { "s" } else { "" }
}

fn fr_problem(p: &Problem) -> String {
    match p {
        Problem::UnknownCommand(w) => format!("« {w} » n'est pas une commande"),
        Problem::MissingPanel => "il manque le numéro du candidat".into(),
        Problem::BadPanel(w) => {
            format!("« {w} » n'est pas un numéro de candidat (un nombre de 1 à 999)")
        }
        Problem::MissingItem => "il manque la colonne : foi, courrier ou bureau".into(),
        Problem::BadItem(w) => {
            format!("« {w} » n'est pas une colonne : écrivez foi, courrier ou bureau")
        }
        Problem::MissingMark => {
            "il manque la valeur : p (présent), a (absent) ou - (effacer)".into()
        }
        Problem::BadMark(w) => {
            format!("« {w} » n'est pas une valeur : écrivez p (présent), a (absent) ou - (effacer)")
        }
        Problem::MissingNumber => "il manque un nombre".into(),
        Problem::BadNumber(w) => format!("« {w} » n'est pas un nombre entier positif"),
        Problem::NoVoters => "il faut au moins un électeur à l'adresse".into(),
        Problem::BadDate(w) => format!(
            "« {w} » n'est pas une date : un jour qui existe, d'une année de 2000 à 2099, écrit JJ/MM/AAAA"
        ),
        Problem::BadEnvelopeNumber(w) => {
            format!("« {w} » n'est pas un numéro d'enveloppe (de 1 à 999)")
        }
        Problem::Extra(w) => format!("mots en trop : « {w} »"),
        Problem::MissingText => "il manque le texte de la note".into(),
        Problem::TooLong(max) => format!("texte trop long ({max} caractères au plus)"),
        Problem::Control => "le texte contient des caractères de contrôle".into(),
    }
}

fn en_problem(p: &Problem) -> String {
    match p {
        Problem::UnknownCommand(w) => format!("\"{w}\" is not a command"),
        Problem::MissingPanel => "the candidate's number is missing".into(),
        Problem::BadPanel(w) => {
            format!("\"{w}\" is not a candidate number (a number from 1 to 999)")
        }
        Problem::MissingItem => "the column is missing: foi, courrier or bureau".into(),
        Problem::BadItem(w) => {
            format!("\"{w}\" is not a column: write foi, courrier or bureau")
        }
        Problem::MissingMark => "the value is missing: p (present), a (absent) or - (clear)".into(),
        Problem::BadMark(w) => {
            format!("\"{w}\" is not a value: write p (present), a (absent) or - (clear)")
        }
        Problem::MissingNumber => "a number is missing".into(),
        Problem::BadNumber(w) => format!("\"{w}\" is not a whole number"),
        Problem::NoVoters => "there must be at least one voter at the address".into(),
        Problem::BadDate(w) => format!(
            "\"{w}\" is not a date: a day that exists, in a year from 2000 to 2099, written DD/MM/YYYY"
        ),
        Problem::BadEnvelopeNumber(w) => {
            format!("\"{w}\" is not an envelope number (1 to 999)")
        }
        Problem::Extra(w) => format!("words left over: \"{w}\""),
        Problem::MissingText => "the note's text is missing".into(),
        Problem::TooLong(max) => format!("text too long (at most {max} characters)"),
        Problem::Control => "the text contains control characters".into(),
    }
}

static FR: Text = Text {
    prompt: "constat> ",
    sep: " : ",
    circonscription: "Circonscription",
    bureau: "Bureau",
    no_bureau: "aucun bureau choisi (tapez bureau CODE) : les bulletins au bureau et les non-réceptions ne peuvent pas être notés",
    observer: "Observateur",
    item: |i| match i {
        Item::Foi => "profession de foi",
        Item::Courrier => "bulletin (courrier)",
        Item::Bureau => "bulletin (bureau)",
    },
    mark: |m| match m {
        Mark::Present => "présent",
        Mark::Absent => "absent",
        Mark::Unchecked => "non vérifié",
    },
    candidates: |n| format!("{n} candidat{} :", s(n)),
    envelope_fact: |v, r, day, note| {
        format!(
            "Enveloppes du foyer : {v} électeur{} à l'adresse, {r} enveloppe{} reçue{}{}{}.",
            s(v as usize),
            s(r as usize),
            s(r as usize),
            day.map(|d| format!(", arrivée{} le {d}", s(r as usize)))
                .unwrap_or_default(),
            note.map(|n| format!(", note : « {n} »"))
                .unwrap_or_default()
        )
    },
    non_receipts: |n| format!("Non-réceptions notées : {n}."),
    start_hint: "Tapez « aide » pour la liste des commandes, « quitter » pour sortir.",
    help: &[
        "Commandes :",
        "3 foi p : candidat 3, profession de foi présente. Colonnes : foi, courrier, bureau (ou f, c, b). Valeurs : p (présent), a (absent), - (effacer).",
        "tous bureau p : toute la colonne pour tous les candidats, après confirmation.",
        "enveloppe 4 1 : 4 électeurs à l'adresse, 1 enveloppe reçue ; enveloppe 4 2 06/06/2024 : 2 enveloppes, arrivées le 6 juin 2024.",
        "numero 2 : les cases foi et courrier suivantes sont celles de la 2e enveloppe du foyer (numero 1 pour revenir à la première).",
        "non-recu Jean Dupont : un électeur du bureau n'a reçu aucune enveloppe (le nom est facultatif).",
        "note 3 bureau TEXTE : ajoute une note à la case, avec sa valeur actuelle.",
        "bureau 75056_0911 : passe à ce bureau (ou bureau 7501 : à cette circonscription).",
        "annuler : retire la dernière modification de cette session.",
        "liste : relit les candidats et leurs cases.",
        "aide : cette liste. quitter : termine la session.",
    ],
    saved_at: |t| format!("enregistré à {t}."),
    not_saved: |e| format!("NON ENREGISTRÉ : {e}"),
    partly_saved: |done, total| {
        format!(
            "{done} sur {total} enregistré{} avant l'erreur ; « annuler » les retire.",
            s(done)
        )
    },
    already: |what| format!("{what}, déjà : rien à enregistrer."),
    note_said: |t| format!(", note : « {t} »"),
    column_summary: |what, n| format!("{what} pour {n} candidat{}", s(n)),
    column_nothing: |what| format!("Rien à changer : tous les candidats ont déjà {what}."),
    column_confirm: |what, n| {
        format!(
            "Noter {what} pour {n} candidat{} ? Confirmer ? (o/n) ",
            s(n)
        )
    },
    column_cancelled: "Abandonné : rien n'a été enregistré.",
    envelope_summary: |v, r| {
        format!(
            "Enveloppes du foyer : {v} électeur{} à l'adresse, {r} enveloppe{} reçue{}",
            s(v as usize),
            s(r as usize),
            s(r as usize)
        )
    },
    envelope_day: |d, received| {
        if received == 1 {
            format!(", arrivée le {d}")
        } else {
            format!(", arrivées le {d}")
        }
    },
    envelope_tag: |n| format!(" (enveloppe {n})"),
    envelope_number: |n| {
        format!(
            "Enveloppe {n} : les cases foi et courrier suivantes sont celles de cette enveloppe."
        )
    },
    envelope_shown: |n| format!("Enveloppe {n} du foyer (foi et courrier) :"),
    non_receipt_summary: |voter, bureau| match voter {
        Some(v) => format!("Non-réception : {v}, bureau {bureau}"),
        None => format!("Non-réception sans nom, bureau {bureau}"),
    },
    undone: |what| format!("Annulé : {what}"),
    nothing_to_undo: "Rien à annuler dans cette session.",
    needs_bureau: "Aucun bureau choisi : le bulletin au bureau et les non-réceptions demandent un bureau (tapez bureau CODE, par exemple bureau 75056_0911).",
    place_unknown: |c| {
        format!(
            "« {c} » n'est ni un bureau ni une circonscription de cette base (exemple : bureau 75056_0911, bureau 7501)."
        )
    },
    confirm_again: "Répondez o (oui) ou n (non).",
    unknown_panel: |n, known| format!("Pas de candidat numéro {n} ici. Numéros : {known}."),
    not_understood: "Pas compris : ",
    problem: fr_problem,
    example: |f| match f {
        Form::Any => "Exemples : 3 foi p, enveloppe 4 1, aide",
        Form::Set => "Exemple : 3 foi p (candidat 3, profession de foi présente)",
        Form::Column => "Exemple : tous bureau p (bulletin au bureau présent pour tous)",
        Form::Envelope => {
            "Exemple : enveloppe 4 1 (4 électeurs, 1 enveloppe reçue), ou enveloppe 4 1 06/06/2024"
        }
        Form::EnvelopeNumber => "Exemple : numero 2 (la 2e enveloppe du foyer)",
        Form::NonReceipt => "Exemple : non-recu Jean Dupont",
        Form::Note => "Exemple : note 3 bureau bulletins épuisés à 15h",
        Form::Place => "Exemple : bureau 75056_0911 (ou une circonscription : bureau 7501)",
        Form::Bare => "Exemple : annuler (sans rien après)",
    },
    bye: "Fin de la session.",
};

static EN: Text = Text {
    prompt: "constat> ",
    sep: ": ",
    circonscription: "Circonscription",
    bureau: "Bureau",
    no_bureau: "no bureau chosen (type bureau CODE): ballots at the bureau and non-receipts cannot be recorded",
    observer: "Observer",
    item: |i| match i {
        Item::Foi => "profession de foi",
        Item::Courrier => "ballot (mail)",
        Item::Bureau => "ballot (bureau)",
    },
    mark: |m| match m {
        Mark::Present => "present",
        Mark::Absent => "absent",
        Mark::Unchecked => "not checked",
    },
    candidates: |n| format!("{n} candidate{}:", s(n)),
    envelope_fact: |v, r, day, note| {
        format!(
            "Household envelopes: {v} voter{} at the address, {r} envelope{} received{}{}.",
            s(v as usize),
            s(r as usize),
            day.map(|d| format!(", arrived on {d}")).unwrap_or_default(),
            note.map(|n| format!(", note: \"{n}\"")).unwrap_or_default()
        )
    },
    non_receipts: |n| format!("Non-receipts recorded: {n}."),
    start_hint: "Type \"help\" for the list of commands, \"quit\" to leave.",
    help: &[
        "Commands:",
        "3 foi p: candidate 3, profession de foi present. Columns: foi, courrier, bureau (or f, c, b). Values: p (present), a (absent), - (clear).",
        "all bureau p: the whole column for every candidate, after confirmation.",
        "envelope 4 1: 4 voters at the address, 1 envelope received; envelope 4 2 06/06/2024: 2 envelopes, arrived on 6 June 2024.",
        "number 2: the foi and courrier cells that follow are those of the household's 2nd envelope (number 1 goes back to the first).",
        "non-receipt Jean Dupont: a voter of the bureau received no envelope (the name is optional).",
        "note 3 bureau TEXT: adds a note to the cell, with its current value.",
        "bureau 75056_0911: goes to that bureau (or bureau 7501: to that circonscription).",
        "undo: withdraws the last change of this session.",
        "list: reads the candidates and their cells again.",
        "help: this list. quit: ends the session.",
    ],
    saved_at: |t| format!("saved at {t}."),
    not_saved: |e| format!("NOT SAVED: {e}"),
    partly_saved: |done, total| {
        format!("{done} of {total} saved before the error; \"undo\" withdraws them.")
    },
    already: |what| format!("{what} already: nothing to save."),
    note_said: |t| format!(", note: \"{t}\""),
    column_summary: |what, n| format!("{what} for {n} candidate{}", s(n)),
    column_nothing: |what| format!("Nothing to change: every candidate already has {what}."),
    column_confirm: |what, n| format!("Record {what} for {n} candidate{}? Confirm? (y/n) ", s(n)),
    column_cancelled: "Cancelled: nothing was saved.",
    envelope_summary: |v, r| {
        format!(
            "Household envelopes: {v} voter{} at the address, {r} envelope{} received",
            s(v as usize),
            s(r as usize)
        )
    },
    envelope_day: |d, _| format!(", arrived on {d}"),
    envelope_tag: |n| format!(" (envelope {n})"),
    envelope_number: |n| {
        format!("Envelope {n}: the foi and courrier cells that follow are this envelope's.")
    },
    envelope_shown: |n| format!("Household envelope {n} (foi and courrier):"),
    non_receipt_summary: |voter, bureau| match voter {
        Some(v) => format!("Non-receipt: {v}, bureau {bureau}"),
        None => format!("Non-receipt without a name, bureau {bureau}"),
    },
    undone: |what| format!("Undone: {what}"),
    nothing_to_undo: "Nothing to undo in this session.",
    needs_bureau: "No bureau chosen: the ballot at the bureau and non-receipts need one (type bureau CODE, for instance bureau 75056_0911).",
    place_unknown: |c| {
        format!(
            "\"{c}\" is neither a bureau nor a circonscription of this database (example: bureau 75056_0911, bureau 7501)."
        )
    },
    confirm_again: "Answer y (yes) or n (no).",
    unknown_panel: |n, known| format!("No candidate number {n} here. Numbers: {known}."),
    not_understood: "Not understood: ",
    problem: en_problem,
    example: |f| match f {
        Form::Any => "Examples: 3 foi p, envelope 4 1, help",
        Form::Set => "Example: 3 foi p (candidate 3, profession de foi present)",
        Form::Column => "Example: all bureau p (ballot at the bureau present for everyone)",
        Form::Envelope => {
            "Example: envelope 4 1 (4 voters, 1 envelope received), or envelope 4 1 06/06/2024"
        }
        Form::EnvelopeNumber => "Example: number 2 (the household's 2nd envelope)",
        Form::NonReceipt => "Example: non-receipt Jean Dupont",
        Form::Note => "Example: note 3 bureau ran out of ballots at 3 pm",
        Form::Place => "Example: bureau 75056_0911 (or a circonscription: bureau 7501)",
        Form::Bare => "Example: undo (with nothing after it)",
    },
    bye: "End of the session.",
};
