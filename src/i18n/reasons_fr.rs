//! French texts of the reasons a merge refuses a file, a verification finds a break, or an import
//! stops (English is their `Display` text).
//!
//! The typed reasons are matched variant by variant. Some reasons carry a detail that was already
//! written as English text where it was found (a value out of place, a schema object, a hint);
//! those are translated with [`phrase`], a table of English templates and their French versions.
//! A detail no template matches (a message of SQLite or of the system) is shown as it is.

use crate::domain::chain::ChainBreak;
use crate::domain::merge::{EventProblem, MergeConflict};
use crate::export::events_csv::RowError;
use crate::import::ImportError;
use crate::storage::{ChainProblem, MergeRejection, Refusal};

/// Why a merge refused a file, in French.
pub(crate) fn merge_rejection(r: &MergeRejection) -> String {
    match r {
        MergeRejection::Refused(r) => refusal(r),
        MergeRejection::OtherElection { theirs, ours } => format!(
            "autre élection : le fichier enregistre {theirs}, cette base {ours} ; fusionnez-le dans une base de la même élection"
        ),
        MergeRejection::CandidateDiffers {
            circ,
            panel,
            theirs,
            ours,
        } => format!(
            "listes de candidats différentes : dans la circonscription {circ}, le n° {panel} est {theirs} dans le fichier mais {ours} ici (importez ici la liste officielle la plus récente pour rapprocher les coches par numéro de panneau)"
        ),
        MergeRejection::UnknownCandidate { event, circ, panel } => format!(
            "l'événement {event} désigne le candidat n° {panel} de la circonscription {circ}, absent de la liste des candidats de cette base ; importez la liste officielle des candidats ici"
        ),
        MergeRejection::Invalid(what) => format!("contenu invalide : {}", phrase(what)),
        MergeRejection::Event(p) => event_problem(p),
        MergeRejection::Conflict(c) => merge_conflict(c),
        MergeRejection::BadRetraction { event, target } => format!(
            "l'événement {event} retire {target}, qui n'est pas un événement antérieur du même observateur"
        ),
        MergeRejection::ChainMismatch(id) => format!(
            "l'événement {id} ne correspond pas à son empreinte : modifié, déplacé ou copié d'un autre observateur"
        ),
        MergeRejection::ChainGap {
            event,
            expected,
            found,
        } => format!(
            "l'événement {event} est à la position {found} mais les événements de cet observateur s'arrêtent à {} : des événements antérieurs manquent",
            expected.saturating_sub(1)
        ),
        MergeRejection::BadSignature(observer, why) => {
            format!("observateur {observer} : {}", phrase(why))
        }
        MergeRejection::UnknownObserver(id) => {
            format!("l'événement {id} a un observateur que le fichier ne liste pas")
        }
        MergeRejection::Storage(why) => format!("cette base : {}", phrase(why)),
    }
}

/// Why another observer's file cannot be read as a constat database, in French.
pub(crate) fn refusal(r: &Refusal) -> String {
    match r {
        Refusal::NotSqlite(why) => {
            format!("pas un fichier de base de données ({})", phrase(why))
        }
        Refusal::NotConstat => "un fichier SQLite, mais pas une base constat".into(),
        Refusal::NewerSchema { found, supported } => format!(
            "écrit par une version plus récente de constat (schéma {found}, celle-ci connaît jusqu'à {supported}) : mettez constat à jour"
        ),
        Refusal::Damaged(why) => format!("fichier endommagé : {}", phrase(why)),
        Refusal::Schema(why) => format!("structure de base inattendue : {}", phrase(why)),
        Refusal::TooLarge(bytes) => format!(
            "un fichier de {bytes} octets est plus gros que toute base d'observateur (limite : {} octets) : est-ce le bon fichier ?",
            crate::storage::MAX_FILE_BYTES
        ),
        Refusal::Unreadable(why) => format!("impossible de lire le fichier : {}", phrase(why)),
    }
}

/// Why one event of another observer's file is not acceptable, in French.
pub(crate) fn event_problem(p: &EventProblem) -> String {
    match p {
        EventProblem::FromTheFuture { id, at } => {
            format!(
                "l'événement {id} est daté du {at}, dans le futur (horloge fausse ou falsification)"
            )
        }
        EventProblem::TooOld { id, at } => {
            format!("l'événement {id} est daté du {at}, avant que constat n'existe")
        }
        EventProblem::TooLong {
            id,
            field,
            len,
            max,
        } => format!(
            "événement {id} : le champ {} fait {len} caractères (au plus {max})",
            field_name(field)
        ),
        EventProblem::ControlCharacters { id, field } => format!(
            "événement {id} : le champ {} contient des caractères de contrôle",
            field_name(field)
        ),
        EventProblem::BadDay { id, day } => {
            format!("événement {id} : le jour d'arrivée {day} n'est pas d'une année de 2000 à 2099")
        }
        EventProblem::BadEnvelope { id, number } => format!(
            "événement {id} : l'enveloppe n° {number} ne peut pas être notée (de 1 à {} et seulement pour la profession de foi ou le bulletin reçus par courrier)",
            crate::domain::event::MAX_ENVELOPE
        ),
    }
}

fn field_name(field: &str) -> &str {
    match field {
        "note" => "« note »",
        "voter" => "« électeur »",
        other => other,
    }
}

/// Why two logs cannot be merged, in French.
pub(crate) fn merge_conflict(c: &MergeConflict) -> String {
    match c {
        MergeConflict::SameIdOtherContent(id) => {
            format!("l'événement {id} existe avec un autre contenu (copie modifiée ou corrompue)")
        }
        MergeConflict::SameSeqOtherId {
            observer,
            seq,
            ours,
            theirs,
        } => format!(
            "l'observateur {observer} a deux événements différents à la position {seq} : {ours} et {theirs}"
        ),
    }
}

/// Where an observer's chain breaks, in French.
pub(crate) fn chain_break(b: &ChainBreak) -> String {
    match b {
        ChainBreak::Gap { expected, found } => format!(
            "l'événement à la position {expected} manque (position {found} trouvée ensuite)"
        ),
        ChainBreak::Mismatch { id, seq } => format!(
            "l'événement {id} à la position {seq} ne correspond pas à son empreinte : modifié, déplacé ou copié d'ailleurs"
        ),
    }
}

/// What is wrong with one observer's chain in a verified database, in French.
pub(crate) fn chain_problem(p: &ChainProblem) -> String {
    match p {
        ChainProblem::Invalid { path, what } => {
            format!("{} : {}", path.display(), phrase(what))
        }
        ChainProblem::Unreadable(why) => format!("événement illisible : {}", phrase(why)),
        ChainProblem::Break(b) => chain_break(b),
        ChainProblem::HeadMismatch { seq } => {
            format!("la tête de chaîne signée (position {seq}) ne correspond pas aux événements")
        }
        ChainProblem::NoPublicKey => {
            "la tête de chaîne est signée mais l'observateur n'a pas de clé publique".into()
        }
        ChainProblem::BadHeadSignature { seq } => {
            format!("la signature de la tête de chaîne (position {seq}) n'est pas valide")
        }
    }
}

/// A row of an events CSV that cannot be read, in French.
pub(crate) fn row_error(e: &RowError) -> String {
    format!(
        "ligne {}, colonne « {} » : {}",
        e.line,
        e.column,
        phrase(&e.why)
    )
}

/// An import error, in French, without the closing « rien n'a été importé ».
pub(crate) fn import_error(e: &ImportError) -> String {
    let mut s = e.file.display().to_string();
    if let Some(line) = e.line {
        s.push_str(&format!(", ligne {line}"));
    }
    if let Some(column) = &e.column {
        s.push_str(&format!(", colonne « {} »", phrase(column)));
    }
    if let Some(value) = &e.value {
        s.push_str(&format!(" : trouvé « {} »", value_phrase(value)));
    }
    s.push_str(&format!(", attendu : {}", phrase(&e.expected)));
    if let Some(hint) = &e.hint {
        s.push_str(&format!(" (conseil : {})", phrase(hint)));
    }
    s
}

/// English templates (`{}` stands for a value kept as it is) and their French versions (`{0}`,
/// `{1}`… name the values in order).
const PHRASES: &[(&str, &str)] = &[
    // Merge: warnings and details.
    (
        "{} is beside the file: it was copied while in use and may lack its latest ticks; ask for `constat export db`",
        "{0} est à côté du fichier : il a été copié en cours d'utilisation et peut manquer de ses dernières coches ; demandez un `constat export db`",
    ),
    (
        "observer name `{}` is too long or has control characters",
        "le nom d'observateur « {0} » est trop long ou contient des caractères de contrôle",
    ),
    (
        "observer id `{}` is not a UUID",
        "l'identifiant d'observateur « {0} » n'est pas un UUID",
    ),
    (
        "observer {}: public key `{}` is not 64 hex digits",
        "observateur {0} : la clé publique « {1} » n'a pas 64 chiffres hexadécimaux",
    ),
    (
        "event {} breaks a database constraint",
        "l'événement {0} viole une contrainte de la base",
    ),
    (
        "event {}: hash `{}` is not 64 hex digits",
        "événement {0} : l'empreinte « {1} » n'a pas 64 chiffres hexadécimaux",
    ),
    ("event {}: {}", "événement {0} : {1}"),
    (
        "column {}: invalid utf-8 sequence ({})",
        "colonne {0} : séquence UTF-8 invalide ({1})",
    ),
    (
        "invalid utf-8 sequence of {} bytes from index {}",
        "séquence de {0} octet(s) invalide à partir de l'octet {1}",
    ),
    (
        "incomplete utf-8 byte sequence from index {}",
        "séquence incomplète à partir de l'octet {0}",
    ),
    ("column {} is not text", "la colonne {0} n'est pas du texte"),
    (
        "{} is missing or out of range",
        "{0} manque ou est hors limites",
    ),
    ("{} is missing", "{0} manque"),
    ("unknown item `{}`", "élément « {0} » inconnu"),
    ("unknown value `{}`", "valeur « {0} » inconnue"),
    (
        "unknown election kind `{}`",
        "type d'élection « {0} » inconnu",
    ),
    ("bad election date `{}`", "date d'élection « {0} » invalide"),
    ("bad sex `{}`", "sexe « {0} » invalide"),
    (
        "`{}` is not a circonscription code: expected the département then 2 digits, as in 7501, 2A01, 97101, ZZ01",
        "« {0} » n'est pas un code de circonscription : attendu le département puis 2 chiffres, comme 7501, 2A01, 97101, ZZ01",
    ),
    (
        "`{}` is not a bureau code: expected the INSEE commune code, `_`, then the bureau number, as in 75056_0911",
        "« {0} » n'est pas un code de bureau : attendu le code INSEE de la commune, « _ », puis le numéro du bureau, comme 75056_0911",
    ),
    (
        "`{}` is not a panel number: expected a whole number from 1 to 999",
        "« {0} » n'est pas un numéro de panneau : attendu un nombre entier de 1 à 999",
    ),
    (
        "string or blob too big",
        "texte ou donnée binaire trop gros",
    ),
    ("unknown kind `{}`", "type « {0} » inconnu"),
    ("{} `{}` is not a UUID", "{0} « {1} » n'est pas un UUID"),
    ("`{}` is not a UUID", "« {0} » n'est pas un UUID"),
    ("malformed hash `{}`", "empreinte malformée « {0} »"),
    (
        "the file signs a chain head for an observer it does not list",
        "le fichier signe une tête de chaîne pour un observateur qu'il ne liste pas",
    ),
    (
        "the chain head is signed but the observer has no public key",
        "la tête de chaîne est signée mais l'observateur n'a pas de clé publique",
    ),
    (
        "malformed chain head hash",
        "empreinte de tête de chaîne malformée",
    ),
    ("malformed signature", "signature malformée"),
    (
        "the chain head signature does not verify: the file was altered",
        "la signature de la tête de chaîne n'est pas valide : le fichier a été modifié",
    ),
    (
        "the signed chain head does not match the observer's events",
        "la tête de chaîne signée ne correspond pas aux événements de l'observateur",
    ),
    (
        "`{}` differs from the first row's `{}`",
        "« {0} » diffère de celui de la première ligne, « {1} »",
    ),
    (
        "expected the constat events columns `{}`, found `{}`",
        "attendu les colonnes d'événements de constat « {0} », trouvé « {1} »",
    ),
    (
        "line {}, column `{}`: {}",
        "ligne {0}, colonne « {1} » : {2}",
    ),
    // Verification of an evidence folder.
    ("not `SHA256  FILE`", "pas de la forme `SHA256  FICHIER`"),
    ("a file outside the folder", "un fichier hors du dossier"),
    (
        "SHA-256 differs from the MANIFEST",
        "l'empreinte SHA-256 diffère de celle du MANIFEST",
    ),
    ("not listed in the MANIFEST", "absent du MANIFEST"),
    // Rows of an events CSV, events of a database.
    (
        "`{}` is not 64 hex digits",
        "« {0} » n'a pas 64 chiffres hexadécimaux",
    ),
    ("`{}` is not a count", "« {0} » n'est pas un nombre"),
    (
        "`{}` is not an envelope number (1 to 999)",
        "« {0} » n'est pas un numéro d'enveloppe (de 1 à 999)",
    ),
    (
        "`{}` is not a YYYY-MM-DD date",
        "« {0} » n'est pas une date AAAA-MM-JJ",
    ),
    (
        "envelope number {} is out of range",
        "le numéro d'enveloppe {0} est hors limites",
    ),
    (
        "day of arrival `{}` is not a YYYY-MM-DD date",
        "le jour d'arrivée « {0} » n'est pas une date AAAA-MM-JJ",
    ),
    (
        "`{}` is not a position from 1",
        "« {0} » n'est pas une position (à partir de 1)",
    ),
    (
        "`{}` is not an RFC 3339 time",
        "« {0} » n'est pas une heure RFC 3339",
    ),
    (
        "`{}` is not tick, envelope, non_receipt or retract",
        "« {0} » n'est pas tick, envelope, non_receipt ou retract",
    ),
    (
        "`{}` is not foi, courrier or bureau",
        "« {0} » n'est pas foi, courrier ou bureau",
    ),
    (
        "`{}` is not present, absent or unchecked",
        "« {0} » n'est pas present, absent ou unchecked",
    ),
    (
        "a non-receipt needs a bureau",
        "une non-réception demande un bureau",
    ),
    ("seq {} is negative", "la position {0} est négative"),
    (
        "time `{}` is not RFC 3339",
        "l'heure « {0} » n'est pas au format RFC 3339",
    ),
    (
        "this observer is known here with another public key",
        "cet observateur est connu ici avec une autre clé publique",
    ),
    // Refusals.
    ("empty file", "fichier vide"),
    ("no SQLite header", "pas d'en-tête SQLite"),
    (
        "table `{}` is not constat's",
        "la table « {0} » n'est pas celle de constat",
    ),
    (
        "index `{}` is not constat's",
        "l'index « {0} » n'est pas celui de constat",
    ),
    (
        "trigger `{}` is not constat's",
        "le déclencheur « {0} » n'est pas celui de constat",
    ),
    (
        "view `{}` is not constat's",
        "la vue « {0} » n'est pas celle de constat",
    ),
    (
        "table `{}` is missing or altered",
        "la table « {0} » manque ou a été modifiée",
    ),
    (
        "index `{}` is missing or altered",
        "l'index « {0} » manque ou a été modifié",
    ),
    (
        "trigger `{}` is missing or altered",
        "le déclencheur « {0} » manque ou a été modifié",
    ),
    (
        "view `{}` is missing or altered",
        "la vue « {0} » manque ou a été modifiée",
    ),
    (
        "{} `{}` is not constat's",
        "l'objet {0} « {1} » n'est pas celui de constat",
    ),
    (
        "{} `{}` is missing or altered",
        "l'objet {0} « {1} » manque ou a été modifié",
    ),
    ("objects differ", "les objets diffèrent"),
    // Messages of SQLite and of the system met on bad files.
    (
        "*** in database main ***\n{}",
        "dans la base « main » (diagnostic de SQLite) :\n{0}",
    ),
    (
        "*** in database main ***",
        "dans la base « main » (diagnostic de SQLite)",
    ),
    // Messages of the CSV reader.
    (
        "CSV error: record {} (line: {}, byte: {}): {}",
        "erreur CSV : enregistrement {0} (ligne {1}, octet {2}) : {3}",
    ),
    ("CSV error: {}", "erreur CSV : {0}"),
    (
        "CSV parse error: record {} (line {}, field: {}, byte: {}): {}",
        "erreur de lecture CSV : enregistrement {0} (ligne {1}, champ {2}, octet {3}) : {4}",
    ),
    (
        "CSV parse error: field {}: {}",
        "erreur de lecture CSV : champ {0} : {1}",
    ),
    (
        "found record with {} fields, but the previous record has {} fields",
        "{0} champs trouvés, alors que l'enregistrement précédent en a {1} : une ligne a perdu ou gagné un séparateur",
    ),
    (
        "invalid utf-8: invalid UTF-8 in field {} near byte index {}",
        "UTF-8 invalide dans le champ {0} près de l'octet {1} : enregistrez le fichier en UTF-8",
    ),
    (
        "database disk image is malformed",
        "image disque de la base malformée",
    ),
    (
        "file is not a database",
        "le fichier n'est pas une base de données",
    ),
    (
        "No such file or directory (os error 2)",
        "fichier ou dossier introuvable (erreur système 2)",
    ),
    (
        "Permission denied (os error 13)",
        "permission refusée (erreur système 13)",
    ),
    (
        "Is a directory (os error 21)",
        "c'est un dossier (erreur système 21)",
    ),
    // Import: what was expected, the value found, hints.
    ("a file that can be read", "un fichier lisible"),
    ("a file", "un fichier"),
    ("a directory", "un dossier"),
    (
        "a file with a header line and rows",
        "un fichier avec une ligne d'en-tête et des lignes",
    ),
    ("an empty file (0 bytes)", "un fichier vide (0 octet)"),
    (
        "the download probably failed: fetch the file again",
        "le téléchargement a probablement échoué : téléchargez à nouveau le fichier",
    ),
    ("a file of at most {} MiB", "un fichier d'au plus {0} Mio"),
    (
        "a file of {} MiB ({} bytes)",
        "un fichier de {0} Mio ({1} octets)",
    ),
    (
        "official candidate lists and bureau tables are well under 100 MiB: is this the right file?",
        "les listes officielles de candidats et les tables de bureaux font bien moins de 100 Mio : est-ce le bon fichier ?",
    ),
    (
        "a workbook of at most {} MiB",
        "un classeur d'au plus {0} Mio",
    ),
    ("a zip archive of {} MiB", "une archive zip de {0} Mio"),
    (
        "a workbook is read whole into memory; export the sheet as CSV instead",
        "un classeur est lu en entier en mémoire ; exportez plutôt la feuille en CSV",
    ),
    (
        "a header line with columns separated by `;`, tab or `,`",
        "une ligne d'en-tête aux colonnes séparées par « ; », une tabulation ou « , »",
    ),
    ("export the table as CSV", "exportez le tableau en CSV"),
    (
        "text in UTF-8, Windows-1252 (Latin-1) or CP850",
        "du texte en UTF-8, Windows-1252 (Latin-1) ou CP850",
    ),
    (
        "neither reading looks like French text; open the file and save it as UTF-8",
        "aucune lecture ne ressemble à du texte français ; ouvrez le fichier et enregistrez-le en UTF-8",
    ),
    (
        "a text file (CSV) or an .xlsx workbook",
        "un fichier texte (CSV) ou un classeur .xlsx",
    ),
    ("not a text file: {}", "pas un fichier texte : {0}"),
    (
        "give the ministry's, INSEE's or Etalab's file as published; a spreadsheet can be exported as CSV (UTF-8)",
        "donnez le fichier du ministère, de l'INSEE ou d'Etalab tel que publié ; un tableur peut être exporté en CSV (UTF-8)",
    ),
    (
        "a header line naming the columns",
        "une ligne d'en-tête nommant les colonnes",
    ),
    ("only blank lines", "uniquement des lignes vides"),
    (
        "the file has no content: download it again",
        "le fichier est vide : téléchargez-le à nouveau",
    ),
    ("lines of at most {} MiB", "des lignes d'au plus {0} Mio"),
    ("a longer line", "une ligne plus longue"),
    (
        "this is not a table of candidates or bureaux, or its line ends are lost",
        "ce n'est pas une table de candidats ou de bureaux, ou ses fins de ligne sont perdues",
    ),
    ("a readable row", "une ligne lisible"),
    (
        "UTF-8 text, as the start of the file is",
        "du texte UTF-8, comme le début du fichier",
    ),
    (
        "the file mixes encodings: open it and save it again as UTF-8",
        "le fichier mélange des encodages : ouvrez-le et enregistrez-le à nouveau en UTF-8",
    ),
    (
        "at least one candidate block after the circonscription's columns",
        "au moins un bloc de candidat après les colonnes de la circonscription",
    ),
    ("nothing", "rien"),
    (
        "at least one candidate after the header",
        "au moins un candidat après l'en-tête",
    ),
    ("a header and no rows", "un en-tête sans lignes"),
    (
        "the file is probably cut short: download it again",
        "le fichier est probablement tronqué : téléchargez-le à nouveau",
    ),
    (
        "a candidate list or results by circonscription",
        "une liste de candidats ou des résultats par circonscription",
    ),
    (
        "results by bureau de vote (one line per bureau)",
        "des résultats par bureau de vote (une ligne par bureau)",
    ),
    (
        "this looks like the results by bureau: each candidate would come once per bureau. Import the candidate list or the results by circonscription; this file's bureaux can be imported with `constat import bureaux`",
        "cela ressemble aux résultats par bureau : chaque candidat y figure une fois par bureau. Importez la liste des candidats ou les résultats par circonscription ; les bureaux de ce fichier peuvent être importés avec `constat import bureaux`",
    ),
    ("a table of bureaux de vote", "une table de bureaux de vote"),
    (
        "this looks like the bureau table, not the candidate list: import it with `constat import bureaux`",
        "cela ressemble à la table des bureaux, pas à la liste des candidats : importez-la avec `constat import bureaux`",
    ),
    (
        "this file names candidates but gives no panel numbers, and constat does not invent them: import the ministry's candidate list or its results by circonscription (the file's columns are {})",
        "ce fichier nomme des candidats sans donner de numéros de panneau, et constat ne les invente pas : importez la liste des candidats du ministère ou ses résultats par circonscription (colonnes du fichier : {0})",
    ),
    (
        "no name holds such a character: the file may mix encodings; save it again as UTF-8",
        "aucun nom ne contient un tel caractère : le fichier mélange peut-être des encodages ; enregistrez-le à nouveau en UTF-8",
    ),
    (
        "the file gives circonscription numbers, which need a département column named one of {}",
        "le fichier donne des numéros de circonscription, qui demandent une colonne de département nommée {0} (l'un de ces noms)",
    ),
    (
        "column `{}` says `{}`",
        "la colonne « {0} » indique « {1} »",
    ),
    (
        "constat does not invent panel numbers: import a file that gives them (the candidate list)",
        "constat n'invente pas les numéros de panneau : importez un fichier qui les donne (la liste des candidats)",
    ),
    (
        "a bureau table: INSEE's REU table (`id_brut_reu`, `code_commune`, `code`, `libelle_reu`, …), Etalab's (`codeCommune`, `numeroBureauVote`, `codeCirconscription`, …) or the 2017 results by bureau (`Code du département`, …, `Code du b.vote`)",
        "une table de bureaux : celle du REU de l'INSEE (`id_brut_reu`, `code_commune`, `code`, `libelle_reu`, …), celle d'Etalab (`codeCommune`, `numeroBureauVote`, `codeCirconscription`, …) ou les résultats par bureau de 2017 (`Code du département`, …, `Code du b.vote`)",
    ),
    ("none of their columns", "aucune de leurs colonnes"),
    (
        "this looks like a candidate list or results by circonscription, not the bureau table: import it with `constat import candidates`",
        "cela ressemble à une liste de candidats ou à des résultats par circonscription, pas à la table des bureaux : importez-le avec `constat import candidates`",
    ),
    (
        "the file's columns are {}",
        "les colonnes du fichier sont {0}",
    ),
    (
        "line {} already has bureau {}: lines {} and {} give the same bureau",
        "la ligne {0} a déjà le bureau {1} : les lignes {2} et {3} donnent le même bureau",
    ),
    (
        "at least one bureau after the header",
        "au moins un bureau après l'en-tête",
    ),
    (
        "the file may mix encodings; save it again as UTF-8",
        "le fichier mélange peut-être des encodages ; enregistrez-le à nouveau en UTF-8",
    ),
    ("a readable .xlsx workbook", "un classeur .xlsx lisible"),
    (
        "the file is a zip archive but not a workbook constat can read: if it is an archive, extract the CSV file first",
        "le fichier est une archive zip mais pas un classeur que constat sait lire : si c'est une archive, extrayez d'abord le fichier CSV",
    ),
    ("a readable sheet `{}`", "une feuille « {0} » lisible"),
    (
        "a sheet with a header naming the circonscription and the panel numbers (as `Circo. leg. T1`)",
        "une feuille dont l'en-tête nomme la circonscription et les numéros de panneau (comme `Circo. leg. T1`)",
    ),
    ("sheets {}", "feuilles {0}"),
    (
        "this workbook holds no candidates by circonscription",
        "ce classeur ne contient aucun candidat par circonscription",
    ),
    (
        "line {} already has candidate n° {} in circonscription {}: lines {} and {} give the same candidate number",
        "la ligne {0} a déjà le candidat n° {1} dans la circonscription {2} : les lignes {3} et {4} donnent le même numéro de candidat",
    ),
    (
        "each panel number once per circonscription",
        "chaque numéro de panneau une seule fois par circonscription",
    ),
    (
        "each candidate once per circonscription",
        "chaque candidat une seule fois par circonscription",
    ),
    (
        "line {} already has this circonscription and panel number",
        "la ligne {0} a déjà cette circonscription et ce numéro de panneau",
    ),
    ("each bureau once", "chaque bureau une seule fois"),
    (
        "text without control characters",
        "du texte sans caractères de contrôle",
    ),
    (
        "the candidate's panel number",
        "le numéro de panneau du candidat",
    ),
    ("the candidate's surname", "le nom du candidat"),
    ("the candidate's given name", "le prénom du candidat"),
    (
        "the candidate's sex: `F` or `M` (also `Mme` or `M.`)",
        "le sexe du candidat : `F` ou `M` (ou `Mme`, `M.`)",
    ),
    ("the candidate's sex", "le sexe du candidat"),
    (
        "a panel number: a whole number from 1 to 999",
        "un numéro de panneau : un nombre entier de 1 à 999",
    ),
    (
        "a nuance code (letters, as `REM`, `DVD`), or nothing",
        "un code de nuance (des lettres, comme `REM`, `DVD`), ou rien",
    ),
    ("the panel number", "le numéro de panneau"),
    ("the surname", "le nom"),
    ("the given name", "le prénom"),
    ("the sex", "le sexe"),
    ("the nuance", "la nuance"),
    ("the commune's INSEE code", "le code INSEE de la commune"),
    (
        "the bureau's number in its commune",
        "le numéro du bureau dans sa commune",
    ),
    ("the bureau's number", "le numéro du bureau"),
    ("the département", "le département"),
    ("the circonscription", "la circonscription"),
    ("the commune", "la commune"),
    (
        "the commune's number in its département (056), or its INSEE code",
        "le numéro de la commune dans son département (056), ou son code INSEE",
    ),
    (
        "an INSEE commune code of 5 characters (75056, 2A004)",
        "un code INSEE de commune de 5 caractères (75056, 2A004)",
    ),
    (
        "a bureau number (0001, 0911; letters and digits only)",
        "un numéro de bureau (0001, 0911 ; lettres et chiffres seulement)",
    ),
    (
        "a bureau code: the commune's INSEE code, `_`, the bureau number (75056_0911)",
        "un code de bureau : le code INSEE de la commune, `_`, le numéro du bureau (75056_0911)",
    ),
    (
        "a département code (01–95, 2A, 2B, 971–988, ZA–ZZ); `{}` is none",
        "un code de département (01–95, 2A, 2B, 971–988, ZA–ZZ) ; « {0} » n'en est pas un",
    ),
    (
        "a département code (01–95, 2A, 2B, 971–988, ZA–ZZ)",
        "un code de département (01–95, 2A, 2B, 971–988, ZA–ZZ)",
    ),
    (
        "a circonscription number from 01 to 99 after the département, not `{}`",
        "un numéro de circonscription de 01 à 99 après le département, pas « {0} »",
    ),
    (
        "a circonscription code with its département (7501), or a département column beside the number",
        "un code de circonscription avec son département (7501), ou une colonne de département à côté du numéro",
    ),
    (
        "a circonscription of the département of the line (`{}`)",
        "une circonscription du département de la ligne (« {0} »)",
    ),
    (
        "a circonscription: the département then 2 digits (7501, 2A01, 97101, ZZ01), or its number beside a département column",
        "une circonscription : le département puis 2 chiffres (7501, 2A01, 97101, ZZ01), ou son numéro à côté d'une colonne de département",
    ),
    (
        "a column for {}, named one of {}",
        "une colonne pour {0}, nommée parmi {1}",
    ),
    ("no such column", "aucune colonne de ce nom"),
    ("{}, … ({} columns in all)", "{0}, … ({1} colonnes en tout)"),
    (
        "{} (candidate {} on the line)",
        "{0} (candidat {1} de la ligne)",
    ),
    ("a PNG image", "une image PNG"),
    ("a PDF document", "un document PDF"),
    ("a gzip archive", "une archive gzip"),
    (
        "an Excel 97-2003 workbook (.xls)",
        "un classeur Excel 97-2003 (.xls)",
    ),
    ("UTF-16 text", "du texte UTF-16"),
    (
        "binary data (byte 0x{} at offset {})",
        "des données binaires (octet 0x{0} à la position {1})",
    ),
    (
        "a database write that succeeds",
        "une écriture en base qui réussit",
    ),
    (
        "a file constat knows how to import",
        "un fichier que constat sait importer",
    ),
];

/// `text` in French when it matches one of the [`PHRASES`] templates, as it is otherwise.
pub(crate) fn phrase(text: &str) -> String {
    translate(text, PHRASES.iter(), 0)
}

/// How deep values are themselves translated (a reason quoting a reason): beyond, as they are.
const MAX_DEPTH: usize = 3;
/// Longest value quoted whole when it is no known phrase (text from a file); longer ones are cut.
const MAX_VALUE_CHARS: usize = 200;

/// `text` in French by the most specific of `templates` it matches (the one with the most fixed
/// text), as it is otherwise.
fn translate<'p>(
    text: &str,
    templates: impl Iterator<Item = &'p (&'p str, &'p str)>,
    depth: usize,
) -> String {
    // Values are translated a few levels deep only (a reason quoting a reason): a hostile file
    // can nest "event a: " thousands of times.
    if depth > MAX_DEPTH {
        return cut(text);
    }
    templates
        .filter_map(|(en, fr)| {
            Some((
                en.len() - 2 * en.matches("{}").count(),
                fr,
                captures(en, text)?,
            ))
        })
        .max_by_key(|(fixed, _, _)| *fixed)
        .and_then(|(_, fr, values)| fill(fr, &values, depth))
        .unwrap_or_else(|| {
            if depth > 0 {
                cut(text)
            } else {
                text.to_owned()
            }
        })
}

/// `text`, cut to [`MAX_VALUE_CHARS`] with `…` when longer.
fn cut(text: &str) -> String {
    if text.chars().count() <= MAX_VALUE_CHARS {
        return text.to_owned();
    }
    let kept: String = text.chars().take(MAX_VALUE_CHARS).collect();
    format!("{kept}…")
}

/// A value found in a file, in French when it is one of constat's own descriptions (« rien », « un
/// dossier »…): templates that start with a value are left out, so that a cell of the file is
/// never taken for a sentence.
fn value_phrase(text: &str) -> String {
    translate(
        text,
        PHRASES.iter().filter(|(en, _)| !en.starts_with("{}")),
        0,
    )
}

/// The values of `text` in the places of `template`'s `{}`, if `text` has its shape.
fn captures<'t>(template: &str, text: &'t str) -> Option<Vec<&'t str>> {
    let parts: Vec<&str> = template.split("{}").collect();
    let (first, rest) = parts.split_first()?;
    let mut tail = text.strip_prefix(first)?;
    let mut values = Vec::new();
    for (i, part) in rest.iter().enumerate() {
        let last = i + 1 == rest.len();
        let at = if last {
            if !tail.ends_with(part) {
                return None;
            }
            tail.len() - part.len()
        } else if part.is_empty() {
            return None;
        } else {
            tail.find(part)?
        };
        values.push(&tail[..at]);
        tail = &tail[at + part.len()..];
    }
    (rest.is_empty() && tail.is_empty() || !rest.is_empty()).then_some(values)
}

/// `template` with `{0}`, `{1}`… replaced by `values` in one pass (a value holding `{1}` stays
/// as it is), each translated when it is itself a known phrase, up to [`MAX_DEPTH`] deep.
fn fill(template: &str, values: &[&str], depth: usize) -> Option<String> {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let index = after
            .find('}')
            .and_then(|close| after[..close].parse::<usize>().ok().map(|i| (i, close)));
        match index {
            Some((i, close)) => {
                let v = values.get(i)?;
                out.push_str(&translate(v, PHRASES.iter(), depth + 1));
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_capture_values_and_translate_them() {
        assert_eq!(phrase("objects differ"), "les objets diffèrent");
        assert_eq!(
            phrase("trigger `evil` is not constat's"),
            "le déclencheur « evil » n'est pas celui de constat"
        );
        assert_eq!(
            phrase("a file of 120.0 MiB (125829120 bytes)"),
            "un fichier de 120.0 Mio (125829120 octets)"
        );
        assert_eq!(
            phrase("event 1234: voter is missing"),
            "événement 1234 : voter manque"
        );
        assert_eq!(
            phrase(
                "line 2, column `row`: CSV error: record 1 (line: 2, byte: 135): found record with 2 fields, but the previous record has 18 fields"
            ),
            "ligne 2, colonne « row » : erreur CSV : enregistrement 1 (ligne 2, octet 135) : 2 champs trouvés, alors que l'enregistrement précédent en a 18 : une ligne a perdu ou gagné un séparateur"
        );
        assert_eq!(phrase("something SQLite said"), "something SQLite said");
        assert_eq!(phrase(""), "");
    }

    /// English words that a French reason must not hold.
    fn english(text: &str) -> Vec<&'static str> {
        const WORDS: &[&str] = &[
            "the", "is", "not", "does", "of", "expected", "has", "with", "missing", "file",
            "event", "line", "column", "found", "another", "which", "cannot", "database",
            "damaged",
        ];
        let lower = text.to_lowercase();
        let words: Vec<&str> = lower
            .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '_')
            .collect();
        WORDS
            .iter()
            .copied()
            .filter(|w| words.contains(w))
            .collect()
    }

    #[test]
    fn every_typed_reason_has_french_without_english() {
        use crate::domain::{EventId, ObserverId};
        use chrono::TimeZone;
        let id = EventId(uuid::Uuid::nil());
        let observer = ObserverId(uuid::Uuid::nil());
        let at = chrono::Utc.with_ymd_and_hms(2999, 1, 1, 0, 0, 0).unwrap();
        let refusals = [
            Refusal::NotSqlite("empty file".into()),
            Refusal::NotConstat,
            Refusal::NewerSchema {
                found: 9,
                supported: 2,
            },
            Refusal::Damaged("database disk image is malformed".into()),
            Refusal::Schema("view `spy` is not constat's".into()),
            Refusal::TooLarge(5 << 30),
            Refusal::Unreadable("No such file or directory (os error 2)".into()),
        ];
        let mut rejections: Vec<MergeRejection> = refusals
            .iter()
            .cloned()
            .map(MergeRejection::Refused)
            .collect();
        rejections.extend([
            MergeRejection::OtherElection {
                theirs: "legislatives-2022-1".into(),
                ours: "legislatives-2017-1".into(),
            },
            MergeRejection::CandidateDiffers {
                circ: "7501".into(),
                panel: 3,
                theirs: "A B".into(),
                ours: "C D".into(),
            },
            MergeRejection::UnknownCandidate {
                event: id,
                circ: "7501".into(),
                panel: 40,
            },
            MergeRejection::Invalid("observer id `x` is not a UUID".into()),
            MergeRejection::Event(EventProblem::FromTheFuture { id, at }),
            MergeRejection::Event(EventProblem::TooOld { id, at }),
            MergeRejection::Event(EventProblem::TooLong {
                id,
                field: "note",
                len: 2000,
                max: 1000,
            }),
            MergeRejection::Event(EventProblem::ControlCharacters { id, field: "voter" }),
            MergeRejection::Event(EventProblem::BadEnvelope { id, number: 0 }),
            MergeRejection::Event(EventProblem::BadDay {
                id,
                day: chrono::NaiveDate::MIN,
            }),
            MergeRejection::Invalid("event x: envelope number 1000 is out of range".into()),
            MergeRejection::Invalid(
                "event x: day of arrival `06/06/2017` is not a YYYY-MM-DD date".into(),
            ),
            MergeRejection::Conflict(MergeConflict::SameIdOtherContent(id)),
            MergeRejection::Conflict(MergeConflict::SameSeqOtherId {
                observer,
                seq: 2,
                ours: id,
                theirs: id,
            }),
            MergeRejection::BadRetraction {
                event: id,
                target: id,
            },
            MergeRejection::ChainMismatch(id),
            MergeRejection::ChainGap {
                event: id,
                expected: 2,
                found: 3,
            },
            MergeRejection::BadSignature("o".into(), "malformed signature"),
            MergeRejection::UnknownObserver(id),
        ]);
        let problems = [
            ChainProblem::Invalid {
                path: "x.db".into(),
                what: "event 1: unknown value `maybe`".into(),
            },
            ChainProblem::Break(ChainBreak::Gap {
                expected: 2,
                found: 3,
            }),
            ChainProblem::Break(ChainBreak::Mismatch {
                id: "1".into(),
                seq: 2,
            }),
            ChainProblem::HeadMismatch { seq: 4 },
            ChainProblem::NoPublicKey,
            ChainProblem::BadHeadSignature { seq: 4 },
        ];
        let texts = rejections
            .iter()
            .map(|r| (r.to_string(), merge_rejection(r)))
            .chain(problems.iter().map(|p| (p.to_string(), chain_problem(p))));
        for (en, fr) in texts {
            assert_ne!(en, fr);
            assert_eq!(english(&fr), Vec::<&str>::new(), "{fr}\n(English: {en})");
        }
    }

    #[test]
    fn every_template_matches_itself() {
        for (en, _) in PHRASES {
            assert!(captures(en, en).is_some(), "{en}");
        }
    }

    #[test]
    fn every_french_template_keeps_every_value_and_no_template_is_listed_twice() {
        let mut seen = std::collections::HashSet::new();
        for (en, fr) in PHRASES {
            assert!(seen.insert(*en), "listed twice: {en}");
            let n = en.matches("{}").count();
            for i in 0..n {
                assert!(
                    fr.contains(&format!("{{{i}}}")),
                    "{fr} drops value {i} of {en}"
                );
            }
            assert!(
                !fr.contains(&format!("{{{n}}}")),
                "{fr} has more values than {en}"
            );
            assert!(!fr.contains("{}"), "{fr}");
        }
    }
}

#[cfg(test)]
mod hostile_values {
    use super::phrase;

    #[test]
    fn a_value_that_looks_like_a_reason_many_times_over_is_cut_not_recursed() {
        let evil = format!("event 1234: {} is missing", "event a: ".repeat(20_000));
        let start = std::time::Instant::now();
        let fr = phrase(&evil);
        assert!(fr.ends_with("… manque"), "{fr}");
        assert!(fr.chars().count() < 1_000, "{}", fr.len());
        assert!(start.elapsed().as_secs() < 5, "{:?}", start.elapsed());
    }

    #[test]
    fn a_value_holding_a_placeholder_is_quoted_as_it_is() {
        let fr = phrase("event {1}: voter is missing");
        assert!(fr.contains("{1}"), "{fr}");
    }
}
