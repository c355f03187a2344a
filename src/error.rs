//! The errors a user can meet, each saying what went wrong, where, and how to fix it, in the
//! interface language.

use std::path::PathBuf;

use crate::domain::CodeError;
use crate::i18n::Lang;
use crate::sample::SampleError;
use crate::storage::StorageError;

/// Any failure of a command. Nothing was written when a command returns one of these.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The database refused or failed.
    #[error(transparent)]
    Storage(#[from] StorageError),
    /// A bundled sample is broken (a build defect).
    #[error(transparent)]
    Sample(#[from] SampleError),
    /// A code typed by the user is malformed.
    #[error(transparent)]
    Code(#[from] CodeError),
    /// `--sample` names no bundled sample.
    #[error("unknown sample `{name}`; bundled samples: {}", known.join(", "))]
    UnknownSample {
        /// What was typed.
        name: String,
        /// What exists.
        known: Vec<&'static str>,
    },
    /// The circonscription is not in this database's reference data.
    #[error(
        "circonscription {code} is not in this database; known: {}",
        list(known)
    )]
    UnknownCirconscription {
        /// What was typed.
        code: String,
        /// Known codes.
        known: Vec<String>,
    },
    /// No candidate with this panel number in the circonscription.
    #[error(
        "no candidate n° {panel} in circonscription {circ}; valid panel numbers: {}",
        list(known)
    )]
    UnknownCandidate {
        /// Where.
        circ: String,
        /// What was typed.
        panel: String,
        /// Valid numbers.
        known: Vec<String>,
    },
    /// The bureau is not in this database, or not in that circonscription.
    #[error(
        "bureau {code} is not a bureau of circonscription {circ}; its bureaux: {}",
        list(known)
    )]
    UnknownBureau {
        /// What was typed.
        code: String,
        /// Where it was looked for.
        circ: String,
        /// The circonscription's bureaux.
        known: Vec<String>,
    },
    /// `--item bureau` without a bureau.
    #[error(
        "--item bureau needs a bureau: add --bureau CODE (bureaux of {circ}: {})",
        list(known)
    )]
    BureauRequired {
        /// Where.
        circ: String,
        /// The circonscription's bureaux.
        known: Vec<String>,
    },
    /// A text argument is unusable.
    #[error("{field}: {why}")]
    BadText {
        /// Which argument.
        field: &'static str,
        /// Why.
        why: &'static str,
    },
    /// `--election` is not KIND-YEAR.
    #[error(
        "`{0}` is not an election: expected KIND-YEAR, KIND one of legislatives, presidentielle, europeennes, municipales, regionales, departementales (e.g. legislatives-2024)"
    )]
    BadElection(String),
    /// A bureau whose circonscription is not known yet.
    #[error(
        "bureau {0} has no known circonscription yet: import Etalab's bureau/circonscription table (constat import bureaux FILE)"
    )]
    BureauWithoutCirconscription(String),
    /// `export db -o` names the database itself.
    #[error("{0} is this database itself: choose another file to export to")]
    ExportOverDatabase(PathBuf),
    /// A strict merge stopped at a bad file and undid everything.
    #[error("merge stopped at the first bad file (--strict): {0} is exactly as it was")]
    MergeAborted(PathBuf),
    /// `constat verify` found something broken (the lines above say what).
    #[error("{0}: verification failed (see above)")]
    VerifyFailed(PathBuf),
    /// A file that cannot be read as a constat database.
    #[error("{0}: {1}")]
    Untrusted(PathBuf, String),
    /// The evidence folder exists and holds files.
    #[error("{0} exists and is not empty: give a new folder for the evidence")]
    EvidenceFolderNotEmpty(PathBuf),
    /// A command announced in --help whose work is not finished in this build.
    #[error("`{0}` is not available in this build yet")]
    NotYet(&'static str),
    /// The database has no circonscription yet.
    #[error(
        "this database has no circonscription yet: import the candidate list first (constat import candidates FILE)"
    )]
    EmptyReferential,
    /// An import file is wrong; nothing of it was imported.
    #[error("{0}; nothing was imported")]
    Import(crate::import::ImportError),
    /// A count makes no sense.
    #[error("--voters must be at least 1 (the voters registered at the address)")]
    NoVoters,
    /// The interface needs a terminal.
    #[error(
        "the interface needs an interactive terminal ({0}); for scripts, use the tick, envelope, non-receipt and report commands"
    )]
    NoTerminal(std::io::Error),
    /// The terminal failed while the interface ran.
    #[error("terminal error: {0}")]
    Terminal(std::io::Error),
    /// Reading or writing a file failed.
    #[error("{path}: {context}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What constat was doing.
        context: &'static str,
        /// The system's error.
        source: std::io::Error,
    },
    /// No data directory could be found for the default database.
    #[error("no data directory on this system: pass --db FILE or set CONSTAT_DB")]
    NoDataDir,
}

/// At most 30 items, then how many more.
fn list(items: &[String]) -> String {
    const MAX: usize = 30;
    let mut s = items
        .iter()
        .take(MAX)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if items.len() > MAX {
        s.push_str(&format!(", … (+{})", items.len() - MAX));
    }
    if s.is_empty() {
        s.push('—');
    }
    s
}

impl Error {
    /// The message in `lang`. English is the `Display` text; French is written here.
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            Self::Storage(StorageError::NotFound(p)) => format!(
                "aucune base constat à {0} : créez-la avec `constat init --db {0} --sample paris-1-2017 --observer NOM`, ou indiquez la bonne avec --db",
                p.display()
            ),
            Self::Storage(StorageError::AlreadyExists(p)) => format!(
                "{} existe déjà : constat n'écrase jamais une base ; choisissez un autre chemin ou supprimez le fichier vous-même",
                p.display()
            ),
            Self::Storage(StorageError::NotConstat(p)) => {
                format!("{} n'est pas une base constat", p.display())
            }
            Self::Storage(StorageError::NewerSchema { path, found, supported }) => format!(
                "{} a été écrit par une version plus récente de constat (schéma {found}, celle-ci connaît jusqu'à {supported}) : installez la version récente pour l'ouvrir ; le fichier n'a pas été modifié",
                path.display()
            ),
            Self::Storage(e) if e.is_disk_full() => format!(
                "disque plein : libérez de la place et recommencez ; rien n'a été écrit à moitié ({e})"
            ),
            Self::Storage(e) => format!("base de données : {e}"),
            Self::Sample(e) => format!("échantillon intégré défectueux : {e}"),
            Self::Code(CodeError::Circonscription(c)) => format!(
                "« {c} » n'est pas un code de circonscription : attendu le département puis 2 chiffres, comme 7501, 2A01, 97101, ZZ01"
            ),
            Self::Code(CodeError::Bureau(c)) => format!(
                "« {c} » n'est pas un code de bureau : attendu le code INSEE de la commune, « _ », puis le numéro du bureau, comme 75056_0911"
            ),
            Self::Code(CodeError::Panel(c)) => format!(
                "« {c} » n'est pas un numéro de panneau : attendu un nombre entier de 1 à 999"
            ),
            Self::UnknownSample { name, known } => format!(
                "échantillon « {name} » inconnu ; échantillons intégrés : {}",
                known.join(", ")
            ),
            Self::UnknownCirconscription { code, known } => format!(
                "la circonscription {code} n'est pas dans cette base ; connues : {}",
                list(known)
            ),
            Self::UnknownCandidate { circ, panel, known } => format!(
                "aucun candidat n° {panel} dans la circonscription {circ} ; numéros valides : {}",
                list(known)
            ),
            Self::UnknownBureau { code, circ, known } => format!(
                "le bureau {code} n'est pas un bureau de la circonscription {circ} ; ses bureaux : {}",
                list(known)
            ),
            Self::BureauRequired { circ, known } => format!(
                "--item bureau demande un bureau : ajoutez --bureau CODE (bureaux de {circ} : {})",
                list(known)
            ),
            Self::BadText { field, why } => format!("{field} : {}", french_text_problem(why)),
            Self::BadElection(e) => format!(
                "« {e} » n'est pas une élection : attendu TYPE-ANNÉE, TYPE parmi legislatives, presidentielle, europeennes, municipales, regionales, departementales (par exemple legislatives-2024)"
            ),
            Self::BureauWithoutCirconscription(b) => format!("le bureau {b} n'a pas encore de circonscription connue : importez la table bureaux ↔ circonscriptions d'Etalab (constat import bureaux FICHIER)"),
            Self::ExportOverDatabase(p) => format!("{} est cette base elle-même : choisissez un autre fichier d'export", p.display()),
            Self::MergeAborted(p) => format!("fusion arrêtée au premier fichier refusé (--strict) : {} est exactement comme avant", p.display()),
            Self::VerifyFailed(p) => format!("{} : la vérification a échoué (voir ci-dessus)", p.display()),
            Self::Untrusted(p, why) => format!("{} : {why}", p.display()),
            Self::EvidenceFolderNotEmpty(p) => format!("{} existe et n'est pas vide : donnez un nouveau dossier pour les preuves", p.display()),
            Self::NotYet(what) => format!("« {what} » n'est pas encore disponible dans cette version"),
            Self::EmptyReferential => "cette base n'a encore aucune circonscription : importez d'abord la liste des candidats (constat import candidates FICHIER)".into(),
            Self::Import(e) => {
                let mut s = e.file.display().to_string();
                if let Some(line) = e.line {
                    s.push_str(&format!(", ligne {line}"));
                }
                if let Some(column) = &e.column {
                    s.push_str(&format!(", colonne « {column} »"));
                }
                if let Some(value) = &e.value {
                    s.push_str(&format!(" : trouvé « {value} »"));
                }
                s.push_str(&format!(", attendu : {}", e.expected));
                if let Some(hint) = &e.hint {
                    s.push_str(&format!(" (conseil : {hint})"));
                }
                s.push_str(" ; rien n'a été importé");
                s
            }
            Self::NoVoters => {
                "--voters doit valoir au moins 1 (les électeurs inscrits à l'adresse)".into()
            }
            Self::NoTerminal(e) => format!(
                "l'interface a besoin d'un terminal interactif ({e}) ; pour les scripts, utilisez les commandes tick, envelope, non-receipt et report"
            ),
            Self::Terminal(e) => format!("erreur du terminal : {e}"),
            Self::Io { path, context, source } => {
                format!("{} : {} : {source}", path.display(), french_context(context))
            }
            Self::NoDataDir => {
                "aucun dossier de données sur ce système : passez --db FICHIER ou définissez CONSTAT_DB".into()
            }
        }
    }
}

/// Text problems, as raised by [`check_text`].
const EMPTY: &str = "must not be empty";
const TOO_LONG: &str = "is too long (at most 1000 characters)";
const CONTROL: &str = "must not contain control characters";

fn french_text_problem(why: &str) -> &'static str {
    match why {
        EMPTY => "ne doit pas être vide",
        TOO_LONG => "est trop long (1000 caractères au plus)",
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

/// Checks a free-text argument: not empty (unless `allow_empty`), at most 1000 characters, no
/// control characters except newlines and tabs in notes.
pub fn check_text(field: &'static str, text: &str) -> Result<String, Error> {
    let text = text.trim();
    let why = if text.is_empty() {
        Some(EMPTY)
    } else if text.chars().count() > 1000 {
        Some(TOO_LONG)
    } else if text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        Some(CONTROL)
    } else {
        None
    };
    match why {
        Some(why) => Err(Error::BadText { field, why }),
        None => Ok(text.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lists_are_cut_with_a_count() {
        let known: Vec<String> = (1..=40).map(|n| n.to_string()).collect();
        let s = list(&known);
        assert!(s.ends_with("30, … (+10)"), "{s}");
    }

    #[test]
    fn text_arguments_are_checked() {
        assert_eq!(check_text("--note", "  ok  ").unwrap(), "ok");
        assert!(check_text("--note", " ").is_err());
        assert!(check_text("--note", "a\u{0}b").is_err());
        assert!(check_text("--note", &"x".repeat(1001)).is_err());
        let fr = check_text("--voter", "").unwrap_err().message(Lang::Fr);
        assert_eq!(fr, "--voter : ne doit pas être vide");
    }
}
