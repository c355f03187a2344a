//! French texts of the errors a user can meet (English is their `Display` text).

use crate::domain::CodeError;
use crate::error::{Error, list};
use crate::storage::StorageError;

/// The French message of `e`.
pub(super) fn message(e: &Error) -> String {
    match e {
        Error::Storage(StorageError::NotFound(p)) => format!(
            "aucune base constat à {0} : créez-la avec `constat init --db {0} --sample paris-1-2017 --observer NOM`, ou indiquez la bonne avec --db",
            p.display()
        ),
        Error::Storage(StorageError::AlreadyExists(p)) => format!(
            "{} existe déjà : constat n'écrase jamais une base ; choisissez un autre chemin ou supprimez le fichier vous-même",
            p.display()
        ),
        Error::Storage(StorageError::NotConstat(p)) => {
            format!("{} n'est pas une base constat", p.display())
        }
        Error::Storage(StorageError::NewerSchema { path, found, supported }) => format!(
            "{} a été écrit par une version plus récente de constat (schéma {found}, celle-ci connaît jusqu'à {supported}) : installez la version récente pour l'ouvrir ; le fichier n'a pas été modifié",
            path.display()
        ),
        Error::Storage(e) if e.is_read_only() => format!(
            "le fichier est en lecture seule : rien n'a été enregistré ; vérifiez ses droits ou le support (clé USB protégée en écriture ?) puis recommencez ({e})"
        ),
        Error::Storage(e) if e.is_disk_full() => format!(
            "disque plein : libérez de la place et recommencez ; rien n'a été écrit à moitié ({e})"
        ),
        Error::Storage(e) => storage(e),
        Error::Sample(e) => format!("échantillon intégré défectueux : {e}"),
        Error::Code(CodeError::Circonscription(c)) => format!(
            "« {c} » n'est pas un code de circonscription : attendu le département puis 2 chiffres, comme 7501, 2A01, 97101, ZZ01"
        ),
        Error::Code(CodeError::Bureau(c)) => format!(
            "« {c} » n'est pas un code de bureau : attendu le code INSEE de la commune, « _ », puis le numéro du bureau, comme 75056_0911"
        ),
        Error::Code(CodeError::Panel(c)) => format!(
            "« {c} » n'est pas un numéro de panneau : attendu un nombre entier de 1 à 999"
        ),
        Error::UnknownSample { name, known } => format!(
            "échantillon « {name} » inconnu ; échantillons intégrés : {}",
            known.join(", ")
        ),
        Error::UnknownCirconscription { code, known } => format!(
            "la circonscription {code} n'est pas dans cette base ; connues : {}",
            list(known)
        ),
        Error::UnknownCandidate { circ, panel, known } => format!(
            "aucun candidat n° {panel} dans la circonscription {circ} ; numéros valides : {}",
            list(known)
        ),
        Error::UnknownBureau { code, circ, known } => format!(
            "le bureau {code} n'est pas un bureau de la circonscription {circ} ; ses bureaux : {}",
            list(known)
        ),
        Error::BureauRequired { circ, known } => format!(
            "--item bureau demande un bureau : ajoutez --bureau CODE (bureaux de {circ} : {})",
            list(known)
        ),
        Error::BadText { field, why } => format!("{field} : {}", french_text_problem(why)),
        Error::BadElection(e) => format!(
            "« {e} » n'est pas une élection : attendu TYPE-ANNÉE, TYPE parmi legislatives, presidentielle, europeennes, municipales, regionales, departementales (par exemple legislatives-2024)"
        ),
        Error::BureauWithoutCirconscription(b) => format!("le bureau {b} n'a pas encore de circonscription connue : importez la table bureaux ↔ circonscriptions d'Etalab (constat import bureaux FICHIER)"),
        Error::ExportOverDatabase(p) => format!("{} est cette base elle-même : choisissez un autre fichier d'export", p.display()),
        Error::MergeAborted(p) => format!("fusion arrêtée au premier fichier refusé (--strict) : {} est exactement comme avant", p.display()),
        Error::VerifyFailed(p) => format!("{} : la vérification a échoué (voir ci-dessus)", p.display()),
        Error::Untrusted(p, why) => {
            format!("{} : {}", p.display(), super::reasons_fr::refusal(why))
        }
        Error::EvidenceFolderNotEmpty(p) => format!("{} existe et n'est pas vide : donnez un nouveau dossier pour les preuves", p.display()),
        Error::EmptyReferential => "cette base n'a encore aucune circonscription : importez d'abord la liste des candidats (constat import candidates FICHIER)".into(),
        Error::Import(e) => format!(
            "{} ; rien n'a été importé",
            super::reasons_fr::import_error(e)
        ),
        Error::NoVoters => {
            "--voters doit valoir au moins 1 (les électeurs inscrits à l'adresse)".into()
        }
        Error::EnvelopeOnBureau => {
            "--envelope désigne une enveloppe reçue par courrier (--item foi ou courrier), pas la table du bureau".into()
        }
        Error::EnvelopeBeyondCount { number, limit } => format!(
            "pas encore d'enveloppe {number} : le foyer en a {limit} pour l'instant ; enregistrez d'abord le nombre d'enveloppes reçues (constat envelope --received N), puis cochez l'enveloppe {number}"
        ),
        Error::NoTerminal(e) => format!(
            "l'interface a besoin d'un terminal interactif ({e}) ; pour les scripts, utilisez les commandes tick, envelope, non-receipt et report"
        ),
        Error::Terminal(e) => format!("erreur du terminal : {e}"),
        Error::Io { path, context, source } => {
            format!("{} : {} : {source}", path.display(), french_context(context))
        }
        Error::NoDataDir => {
            "aucun dossier de données sur ce système : passez --db FICHIER ou définissez CONSTAT_DB".into()
        }
    }
}

fn french_text_problem(why: &str) -> &'static str {
    match why {
        crate::error::EMPTY => "ne doit pas être vide",
        crate::error::TOO_LONG => "est trop long (1000 caractères au plus)",
        _ => "ne doit pas contenir de caractères de contrôle",
    }
}

fn french_context(context: &str) -> &'static str {
    match context {
        "writing the report" => "écriture du rapport",
        "creating the folder" => "création du dossier",
        _ => "accès au fichier",
    }
}

/// A storage failure in French: the file, what constat was doing, what SQLite said in words, and
/// SQLite's own text (English) as a detail for whoever diagnoses it.
fn storage(e: &StorageError) -> String {
    match e {
        StorageError::Invalid { path, what } => format!(
            "{} : donnée incohérente : {}",
            path.display(),
            super::reasons_fr::phrase(what)
        ),
        StorageError::Sqlite {
            path,
            context,
            source,
        } => {
            let doing = if context.starts_with("reading")
                || context.starts_with("listing")
                || context.starts_with("checking")
            {
                "lecture de la base"
            } else {
                "écriture dans la base"
            };
            let what = match source.sqlite_error_code() {
                Some(rusqlite::ErrorCode::ConstraintViolation) => {
                    "une contrainte de la base refuse cette donnée ; rien n'a été enregistré"
                }
                Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
                    "la base est occupée par un autre constat : réessayez dans un instant"
                }
                Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase) => {
                    "le fichier est endommagé : utilisez une copie (constat export db) ou la sauvegarde"
                }
                Some(rusqlite::ErrorCode::CannotOpen) => {
                    "impossible d'ouvrir le fichier : le dossier existe-t-il, les droits le permettent-ils ?"
                }
                Some(rusqlite::ErrorCode::SystemIoFailure) => {
                    "erreur d'entrée-sortie du disque : vérifiez le support (clé USB retirée ?)"
                }
                _ => "erreur de la base",
            };
            format!(
                "{} : {doing} : {what} (détail SQLite : {source})",
                path.display()
            )
        }
        other => format!("base de données : {other}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_storage_failure_is_said_in_french_with_sqlite_s_words_as_a_detail() {
        let path = std::path::Path::new("obs.db");
        let sqlite = |code: i32, text: &str| {
            Error::Storage(StorageError::sqlite(
                path,
                "saving the event",
                rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(code), Some(text.into())),
            ))
        };
        let constraint = message(&sqlite(
            rusqlite::ffi::SQLITE_CONSTRAINT_CHECK,
            "CHECK constraint failed: envelope",
        ));
        assert_eq!(
            constraint,
            "obs.db : écriture dans la base : une contrainte de la base refuse cette donnée ; rien n'a été enregistré (détail SQLite : CHECK constraint failed: envelope)"
        );
        let busy = message(&sqlite(rusqlite::ffi::SQLITE_BUSY, "database is locked"));
        assert!(busy.contains("occupée par un autre constat"), "{busy}");
        let invalid = message(&Error::Storage(StorageError::Invalid {
            path: path.to_owned(),
            what: "event x: envelope number 1000 is out of range".into(),
        }));
        assert_eq!(
            invalid,
            "obs.db : donnée incohérente : événement x : le numéro d'enveloppe 1000 est hors limites"
        );
    }
}
