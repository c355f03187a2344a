//! The interface's journey texts: screens, tabs, questions, notes, moves and export, in French
//! (the default) and English. Kept apart from the main catalogue so each stays readable.

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
    pub export_default: fn(&str) -> String,
    pub exported: fn(&str) -> String,
    pub export_empty: &'static str,
}

/// Français.
pub static FR: Journey = Journey {
    tabs: ["1 Enveloppe", "2 Bureau de vote", "3 Bilan"],
    tabs_short: ["1 Env.", "2 Bureau", "3 Bilan"],
    hint_envelope: "espace/p/a cocher · e enveloppe · n non-réception · c note · Tab écran · / lieu · u annuler · ? aide · q quitter",
    hint_bureau: "espace/p/a cocher · c note · m machines · M déplacer · Tab écran · / lieu · u annuler · ? aide · q quitter",
    hint_summary: "x exporter · ↑↓ défiler · Tab écran · u annuler · ? aide · q quitter",
    hint_confirm: "o oui · n non",
    col_checked_at: "Vérifié à",
    col_checked_at_short: "À",
    note_marker: "✎",
    bureau_none: "Aucun bureau choisi : appuyez sur / pour choisir votre bureau.",
    bureau_machines: "machines à voter : aucun bulletin attendu sur table",
    bureau_no_machines: "bulletins sur table",
    bureau_last_check: |t| format!("dernier constat à {t}"),
    bureau_machines_short: "machines à voter",
    bureau_no_machines_short: "table",
    bureau_last_check_short: |t| format!("vérifié à {t}"),
    hint_move_picker: "↑↓ choisir · Entrée déplacer ici · Échap annuler",
    picker_prompt_short: "Chercher",
    bureau_not_checked: "pas encore vérifié",
    confirm_title: "Confirmer",
    yes: "[o] Oui",
    button_ok: "[Entrée] Valider",
    button_cancel: "[Échap] Annuler",
    no: "[n] Non",
    ask_mark_column: |n, col| {
        if n == 1 {
            format!("Marquer présent le candidat restant de la colonne « {col} » ?")
        } else {
            format!("Marquer présents les {n} candidats restants de la colonne « {col} » ?")
        }
    },
    ask_move: |n, from, to, replaced| {
        let s = if n > 1 { "s" } else { "" };
        let replacing = match replaced {
            0 => String::new(),
            1 => format!(" Cela remplace 1 constat déjà fait au bureau {to}."),
            r => format!(" Cela remplace {r} constats déjà faits au bureau {to}."),
        };
        format!(
            "Déplacer {n} constat{s} du bureau {from} vers le bureau {to} ? Ils sont retirés ici et enregistrés là-bas ; l'historique est conservé.{replacing}"
        )
    },
    ask_machines: |b, on| {
        if on {
            format!("Le bureau {b} vote-t-il sur machines à voter (aucun bulletin sur table) ?")
        } else {
            format!("Le bureau {b} a-t-il des bulletins sur table (pas de machines à voter) ?")
        }
    },
    cancelled: "Rien n'a été fait",
    note_title: "Note sur la case",
    note_label: "Note",
    note_saved: "Note enregistrée avec la case",
    envelope_note: "Note (facultatif)",
    envelope_received_on: "Reçues le (JJ/MM/AAAA)",
    envelope_bad_date: |v| {
        format!(
            "« {v} » n'est pas une date : un jour qui existe, d'une année de 2000 à 2099, écrit JJ/MM/AAAA (par exemple 06/06/2024)"
        )
    },
    envelope_no_voters: "Il faut au moins un électeur à l'adresse",
    envelope_shown: |n, of| format!("enveloppe {n} sur {of} (+/-)"),
    envelope_shown_short: |n, of| format!("env. {n}/{of} (+/-)"),
    envelope_switched: |n, of| format!("Enveloppe {n} sur {of} affichée"),
    envelope_first: "C'est la première enveloppe",
    envelope_last: |n, counted| match counted {
        Some(c) if c > 1 => format!("{c} enveloppes reçues (e pour corriger)"),
        Some(_) => "Une seule enveloppe reçue (e pour corriger)".to_owned(),
        None => format!("Cochez d'abord l'enveloppe {n} (ou e)"),
    },
    move_title: "Déplacer les constats vers quel bureau ?",
    move_nothing: "Aucun constat de bulletin à déplacer dans ce bureau",
    move_same_bureau: "C'est déjà le bureau courant",
    move_unknown: "Ce bureau n'est pas dans la base",
    move_other_circ: |b, c| format!("Le bureau {b} n'est pas dans la circonscription {c}"),
    moved: |n, to| {
        format!(
            "{n} constat{s} déplacé{s} vers {to} (historique conservé)",
            s = if n > 1 { "s" } else { "" }
        )
    },
    machines_set: |b, on| {
        if on {
            format!("Bureau {b} : machines à voter")
        } else {
            format!("Bureau {b} : bulletins sur table")
        }
    },
    summary_loading: "Préparation du bilan…",
    summary_findings: "Constats de la circonscription",
    summary_pv: "Réclamation pour le procès-verbal",
    summary_pv_needs_bureau: "Choisissez votre bureau (touche /) pour préparer la réclamation.",
    summary_digest: "Empreinte à recopier dans le procès-verbal",
    summary_digest_short: "Empreinte",
    summary_no_digest: "pas encore d'empreinte : rien n'est enregistré",
    export_title: "Exporter les preuves",
    export_label: "Dossier à créer (clé USB : /media/…/preuves)",
    export_default: |circ| format!("constat-preuves-{circ}"),
    exported: |p| format!("Preuves exportées : {p}"),
    export_empty: "Indiquez un dossier",
};

/// English.
pub static EN: Journey = Journey {
    tabs: ["1 Envelope", "2 Polling station", "3 Summary"],
    tabs_short: ["1 Env.", "2 Bureau", "3 Summary"],
    hint_envelope: "space/p/a mark · e envelope · n non-receipt · c note · Tab screen · / place · u undo · ? help · q quit",
    hint_bureau: "space/p/a mark · c note · m machines · M move · Tab screen · / place · u undo · ? help · q quit",
    hint_summary: "x export · ↑↓ scroll · Tab screen · u undo · ? help · q quit",
    hint_confirm: "y yes · n no",
    col_checked_at: "Checked at",
    col_checked_at_short: "At",
    note_marker: "✎",
    bureau_none: "No bureau chosen: press / to choose your bureau.",
    bureau_machines: "voting machines: no ballots expected on a table",
    bureau_no_machines: "ballots on a table",
    bureau_last_check: |t| format!("last check at {t}"),
    bureau_machines_short: "voting machines",
    bureau_no_machines_short: "table",
    bureau_last_check_short: |t| format!("checked {t}"),
    hint_move_picker: "↑↓ choose · Enter move here · Esc cancel",
    picker_prompt_short: "Search",
    bureau_not_checked: "not checked yet",
    confirm_title: "Confirm",
    yes: "[y] Yes",
    button_ok: "[Enter] Confirm",
    button_cancel: "[Esc] Cancel",
    no: "[n] No",
    ask_mark_column: |n, col| {
        if n == 1 {
            format!("Mark the remaining candidate of the \"{col}\" column present?")
        } else {
            format!("Mark the {n} remaining candidates of the \"{col}\" column present?")
        }
    },
    ask_move: |n, from, to, replaced| {
        let s = if n == 1 { "" } else { "s" };
        let replacing = match replaced {
            0 => String::new(),
            1 => format!(" This replaces 1 observation already made at bureau {to}."),
            r => format!(" This replaces {r} observations already made at bureau {to}."),
        };
        format!(
            "Move {n} observation{s} from bureau {from} to bureau {to}? They are withdrawn here and recorded there; the history is kept.{replacing}"
        )
    },
    ask_machines: |b, on| {
        if on {
            format!("Does bureau {b} use voting machines (no ballots on a table)?")
        } else {
            format!("Does bureau {b} have ballots on a table (no voting machines)?")
        }
    },
    cancelled: "Nothing was done",
    note_title: "Note on the cell",
    note_label: "Note",
    note_saved: "Note saved with the cell",
    envelope_note: "Note (optional)",
    envelope_received_on: "Received on (DD/MM/YYYY)",
    envelope_bad_date: |v| {
        format!(
            "\"{v}\" is not a date: a day that exists, in a year from 2000 to 2099, written DD/MM/YYYY (e.g. 06/06/2024)"
        )
    },
    envelope_no_voters: "There must be at least one voter at the address",
    envelope_shown: |n, of| format!("envelope {n} of {of} (+/-)"),
    envelope_shown_short: |n, of| format!("env. {n}/{of} (+/-)"),
    envelope_switched: |n, of| format!("Showing envelope {n} of {of}"),
    envelope_first: "This is the first envelope",
    envelope_last: |n, counted| match counted {
        Some(c) if c > 1 => format!("{c} envelopes received (e to correct)"),
        Some(_) => "Only one envelope received (e to correct)".to_owned(),
        None => format!("Tick envelope {n} first (or e)"),
    },
    move_title: "Move the observations to which bureau?",
    move_nothing: "No ballot observation to move at this bureau",
    move_same_bureau: "That is already the current bureau",
    move_unknown: "That bureau is not in the database",
    move_other_circ: |b, c| format!("Bureau {b} is not in circonscription {c}"),
    moved: |n, to| {
        format!(
            "{n} observation{s} moved to {to} (history kept)",
            s = if n == 1 { "" } else { "s" }
        )
    },
    machines_set: |b, on| {
        if on {
            format!("Bureau {b}: voting machines")
        } else {
            format!("Bureau {b}: ballots on a table")
        }
    },
    summary_loading: "Preparing the summary…",
    summary_findings: "Findings of the circonscription",
    summary_pv: "Réclamation for the procès-verbal",
    summary_pv_needs_bureau: "Choose your bureau (key /) to prepare the réclamation.",
    summary_digest: "Digest to copy into the procès-verbal",
    summary_digest_short: "Digest",
    summary_no_digest: "no digest yet: nothing is recorded",
    export_title: "Export the evidence",
    export_label: "Folder to create (USB stick: /media/…/evidence)",
    export_default: |circ| format!("constat-evidence-{circ}"),
    exported: |p| format!("Evidence exported: {p}"),
    export_empty: "Enter a folder",
};

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
    pub reference_missing: fn(&str) -> String,
    pub cancelled: fn(&str) -> String,
}

/// Français.
pub static SETUP_FR: Setup = Setup {
    title: "Bienvenue dans constat",
    intro: "Pas encore de base de données ici : créons-la (aucun fichier existant n'est écrasé).",
    database: "Base",
    name: "Votre nom (il figurera dans les preuves)",
    contact: "Contact (facultatif : téléphone, courriel)",
    election: "Élection",
    sample: |s| format!("exemple pour essayer : {s} (législatives 2017, Paris 1re)"),
    reference: "fichier de référence de votre coordination (données officielles)",
    reference_path: "Chemin du fichier de référence",
    hint: "Tab champ suivant · ←→ choisir · Entrée créer · Échap quitter",
    name_required: "Indiquez votre nom : il signe vos constats.",
    reference_required: "Indiquez le chemin du fichier de référence (ex. /media/usb/legislatives.db).",
    created: "Base créée. Votre bureau : tapez un code, une rue ou une commune",
    reference_missing: |p| {
        format!("le fichier de référence {p} n'existe pas : vérifiez le chemin (clé USB montée ?)")
    },
    cancelled: |p| format!("Aucune base créée ({p} n'existe pas). Relancez constat pour la créer."),
};

/// English.
pub static SETUP_EN: Setup = Setup {
    title: "Welcome to constat",
    intro: "No database here yet: let us create it (no existing file is ever overwritten).",
    database: "Database",
    name: "Your name (it will appear in the evidence)",
    contact: "Contact (optional: phone, email)",
    election: "Election",
    sample: |s| format!("sample to try: {s} (législatives 2017, Paris 1st)"),
    reference: "reference file from your coordinators (official data)",
    reference_path: "Path of the reference file",
    hint: "Tab next field · ←→ choose · Enter create · Esc quit",
    name_required: "Give your name: it signs your observations.",
    reference_required: "Give the reference file's path (e.g. /media/usb/legislatives.db).",
    created: "Database created. Your bureau: type a code, a street or a commune",
    reference_missing: |p| {
        format!("the reference file {p} does not exist: check the path (is the USB stick mounted?)")
    },
    cancelled: |p| {
        format!("No database created ({p} does not exist). Run constat again to create it.")
    },
};
