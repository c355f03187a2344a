//! The réclamation for a bureau's procès-verbal, its annex and the election kind's remedy, read
//! from the store: the one entry point `constat pv`, the plain mode and the interface call
//! ([`text`]), so that they cannot disagree.

use std::path::Path;

use chrono::NaiveDate;

use crate::domain::appeal::Qualite;
use crate::domain::law::{Law, Start};
use crate::domain::record::Names;
use crate::domain::record::build_record_with;
use crate::domain::referential::ElectionData;
use crate::domain::{BureauCode, CirconscriptionCode, ObserverId, RecordState};
use crate::error::Error;
use crate::i18n::{Lang, Message};
use crate::report::pv::{
    Appeal, Pv, Signer, annex_with_photos, checked_at_bureau, observed_bureau, reclamation, remedy,
    voters_of,
};
use crate::storage::{LocalObserver, Store};

/// Which text.
#[derive(Debug, Clone, Copy)]
pub enum Part<'a> {
    /// The réclamation to copy into the PV.
    Reclamation,
    /// Its annex: every fact, the reference and the full digest.
    Annex,
    /// The kind's remedy (requête, protestation, or the présidentielle's note).
    Remedy(Appeal<'a>),
}

/// Whose réclamation, for which bureau.
#[derive(Debug, Clone)]
pub struct Request<'a> {
    /// The bureau whose PV receives it.
    pub bureau: &'a BureauCode,
    /// Another observer of the database, by name (a coordinator's merged file): their
    /// réclamation, signed in their name only.
    pub as_observer: Option<&'a str>,
    /// The qualité to sign in, instead of the database's setting (with `as_observer`, the only
    /// one: the setting is the local observer's).
    pub qualite: Option<Qualite>,
}

/// What every text of one database is made from, read once (`constat pv --all` writes many).
struct Loaded {
    state: RecordState,
    data: ElectionData,
    names: Names,
    local: LocalObserver,
    local_qualite: Option<Qualite>,
    digest: Option<String>,
}

impl Loaded {
    fn read(store: &Store) -> Result<Self, Error> {
        Ok(Self {
            state: store.fold()?,
            data: store.election_data()?,
            names: store.observers()?,
            local: store.local_observer()?,
            local_qualite: store.signer_qualite()?,
            digest: store.chain_digest()?,
        })
    }
}

/// The text of `part` for `request`, in `lang`.
pub fn text(
    store: &Store,
    request: &Request<'_>,
    part: Part<'_>,
    lang: Lang,
) -> Result<String, Error> {
    let loaded = Loaded::read(store)?;
    text_of(store, &loaded, request, None, part, lang)
}

/// [`text`] from what was read once; `by` names the signer by id (`pv --all`), before
/// `request.as_observer`'s name.
fn text_of(
    store: &Store,
    loaded: &Loaded,
    request: &Request<'_>,
    by: Option<ObserverId>,
    part: Part<'_>,
    lang: Lang,
) -> Result<String, Error> {
    let Loaded {
        state,
        data,
        names,
        local,
        local_qualite,
        digest,
    } = loaded;
    let code = request.bureau;
    let Some(bureau) = data.referential.bureaux.get(code).cloned() else {
        return Err(unknown_bureau(store, state, code)?);
    };
    let Some(circ) = bureau.circonscription.clone() else {
        return Err(Error::BureauWithoutCirconscription(code.to_string()));
    };
    let law = Law::of(data.election.kind);
    let Some(record) = build_record_with(&data.referential, state, &circ, names) else {
        return Err(Error::UnknownCirconscription {
            code: circ.to_string(),
            known: store.circonscription_codes()?,
        });
    };
    // The signer: the database's observer, or `--as` another one of its observers.
    let by = by.and_then(|id| names.get(&id).map(|n| (id, n.clone())));
    let (observer, name, qualite): (ObserverId, String, Option<Qualite>) =
        match (by, request.as_observer) {
            (Some((id, n)), _) if id == local.id => (id, n, local_qualite.clone()),
            (Some((id, n)), _) => (id, n, request.qualite.clone()),
            (None, None) => (
                local.id,
                local.name.clone(),
                match &request.qualite {
                    Some(q) => Some(q.clone()),
                    None => local_qualite.clone(),
                },
            ),
            (None, Some(wanted)) => {
                let found = names
                    .iter()
                    .find(|(_, n)| n.as_str() == wanted)
                    .or_else(|| names.iter().find(|(_, n)| n.eq_ignore_ascii_case(wanted)));
                match found {
                    Some((id, n)) => (*id, n.clone(), request.qualite.clone()),
                    None => {
                        return Err(Error::UnknownObserver {
                            name: wanted.to_owned(),
                            known: names.values().cloned().collect(),
                        });
                    }
                }
            }
        };
    // A réclamation is signed by someone who observed this bureau (law.md §3a).
    if !observed_bureau(state, &record, &bureau, observer) {
        let observers = names
            .iter()
            .filter(|(id, _)| observed_bureau(state, &record, &bureau, **id))
            .map(|(_, n)| n.clone())
            .collect();
        return Err(Error::PvNotObserved {
            bureau: code.to_string(),
            observer: name,
            observers,
        });
    }
    if let Part::Remedy(appeal) = part {
        check_proclamation(law, appeal.proclamation, data.election.date)?;
    }
    let voters = voters_of(state, &record);
    let reference = store.chain_reference_of(observer)?;
    let pv = Pv {
        election: &data.election,
        checked: checked_at_bureau(state, &record, &bureau),
        record: &record,
        bureau: &bureau,
        voters: &voters,
        signer: &name,
        digest: digest.as_deref(),
        reference: reference.as_ref(),
        appeal: None,
    };
    // What the observer said of themselves at first run: their own file only.
    let feminine = if observer == local.id {
        store.observer_feminine()?
    } else {
        None
    };
    let signer = Signer {
        name: &name,
        observer,
        qualite: qualite.as_ref(),
        feminine,
    };
    let cat = lang.catalog();
    let mut buf = Vec::new();
    let written = match part {
        Part::Reclamation => reclamation(&pv, &signer, cat, &mut buf),
        Part::Annex => {
            // The signer's photos of this bureau, by hash (issue 19).
            let mut photos: Vec<crate::domain::state::PhotoFact> = state
                .photos()
                .filter(|f| f.observer == observer && &f.bureau == code)
                .cloned()
                .collect();
            photos.sort_by_key(|f| f.at);
            // What of each the database holds: a thumbnail-only copy lists its originals as such.
            let photos = photos
                .into_iter()
                .map(|f| {
                    let held = store.photo_held(&f.photo.sha256)?;
                    Ok((f, held))
                })
                .collect::<Result<Vec<_>, Error>>()?;
            annex_with_photos(&pv, &name, &photos, cat, &mut buf)
        }
        Part::Remedy(appeal) => remedy(&pv, &signer, &appeal, cat, &mut buf),
    };
    written.map_err(|source| Error::Io {
        path: std::path::PathBuf::from("-"),
        context: crate::error::IoContext::WritingReport,
        source,
    })?;
    Ok(String::from_utf8_lossy(&buf).into_owned())
}

/// The proclamation: needed where the deadline counts from it, and never before the vote
/// (law.md §1b).
fn check_proclamation(
    law: &Law,
    proclamation: Option<NaiveDate>,
    vote: Option<NaiveDate>,
) -> Result<(), Error> {
    match (proclamation, vote) {
        (None, _) if law.deadline.from == Start::Proclamation => {
            Err(Error::ProclamationNeeded { kind: law.kind })
        }
        (Some(proclamation), Some(vote)) if proclamation < vote => {
            Err(Error::ProclamationBeforeVote { proclamation, vote })
        }
        _ => Ok(()),
    }
}

/// The error for a bureau that is not in the database: the bureaux of the circonscription
/// observed (or, when several or none were, of the database's circonscriptions) as choices.
fn unknown_bureau(store: &Store, state: &RecordState, code: &BureauCode) -> Result<Error, Error> {
    let mut circs = state.observed_circonscriptions();
    if circs.is_empty() {
        circs = store
            .circonscription_codes()?
            .iter()
            .filter_map(|c| CirconscriptionCode::parse(c).ok())
            .collect();
    }
    let mut known = Vec::new();
    for c in circs.iter().take(5) {
        known.extend(store.bureau_codes_of(c)?);
    }
    let mut circ = circs
        .iter()
        .take(5)
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    if circs.len() > 5 {
        circ.push_str(", …");
    }
    Ok(Error::UnknownBureau {
        code: code.to_string(),
        circ,
        known,
    })
}

/// The réclamation of the database's own observer for `bureau` (plain mode's `pv`): what
/// `constat pv --bureau CODE` prints. `None` when the bureau is not in the database.
pub fn reclamation_of(
    store: &Store,
    bureau: &BureauCode,
    lang: Lang,
) -> Result<Option<String>, Error> {
    if store.bureau(bureau)?.is_none() {
        return Ok(None);
    }
    let request = Request {
        bureau,
        as_observer: None,
        qualite: None,
    };
    text(store, &request, Part::Reclamation, lang).map(Some)
}

// --- coordination (issue 18 point 5): `constat pv --all -o DIR` ---

/// One bureau's file of `constat pv --all`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BureauPv {
    /// The bureau.
    pub bureau: BureauCode,
    /// Its circonscription.
    pub circonscription: CirconscriptionCode,
    /// The bureau's label, as in the reference data.
    pub label: String,
    /// The observers who saw it, each signing their own réclamation and annex.
    pub observers: Vec<String>,
    /// The file's text: each observer's réclamation, then its annex.
    pub text: String,
}

/// Every bureau with a finding to write into its procès-verbal (what the annex calls an
/// irregularity: at its table, or in its circonscription's envelopes), in code order, each with
/// the réclamation and annex of every observer who saw it ([`text`], read once for all).
pub fn every_bureau(store: &Store, lang: Lang) -> Result<Vec<BureauPv>, Error> {
    let loaded = Loaded::read(store)?;
    let cat = lang.catalog();
    let mut out = Vec::new();
    for circ in loaded.state.observed_circonscriptions() {
        let Some(record) = build_record_with(
            &loaded.data.referential,
            &loaded.state,
            &circ,
            &loaded.names,
        ) else {
            continue;
        };
        let voters = voters_of(&loaded.state, &record);
        for bureau in &record.bureaux {
            let pv = Pv {
                election: &loaded.data.election,
                checked: checked_at_bureau(&loaded.state, &record, bureau),
                record: &record,
                bureau,
                voters: &voters,
                signer: "",
                digest: loaded.digest.as_deref(),
                reference: None,
                appeal: None,
            };
            if !crate::report::pv::facts(&pv, cat).irregular {
                continue;
            }
            let observers: Vec<(ObserverId, String)> = loaded
                .names
                .iter()
                .filter(|(id, _)| observed_bureau(&loaded.state, &record, bureau, **id))
                // Each writes their own réclamation: only those who have a fact of their own here.
                .filter(|(id, _)| !crate::report::pv::own_facts(&pv, **id, cat).is_empty())
                .map(|(id, n)| (*id, n.clone()))
                .collect();
            if observers.is_empty() {
                continue;
            }
            let request = Request {
                bureau: &bureau.code,
                as_observer: None,
                qualite: None,
            };
            let mut text = String::new();
            for (i, (id, _)) in observers.iter().enumerate() {
                if i > 0 {
                    // A page break between observers: each signs their own pages.
                    text.push('\u{c}');
                    text.push('\n');
                }
                for part in [Part::Reclamation, Part::Annex] {
                    text.push_str(&text_of(store, &loaded, &request, Some(*id), part, lang)?);
                    text.push('\n');
                }
            }
            out.push(BureauPv {
                bureau: bureau.code.clone(),
                circonscription: circ.clone(),
                label: bureau.label.clone(),
                observers: observers.into_iter().map(|(_, n)| n).collect(),
                text,
            });
        }
    }
    out.sort_by(|a, b| a.bureau.cmp(&b.bureau));
    Ok(out)
}

/// The index file of `constat pv --all`.
pub const INDEX_FILE: &str = "index.txt";

/// Writes [`every_bureau`] into the folder `dir` (created; refused when it exists and is not
/// empty): one `BUREAU.txt` per bureau and [`INDEX_FILE`] listing them. Returns how many bureaux.
pub fn write_every_bureau(store: &Store, dir: &Path, lang: Lang) -> Result<usize, Error> {
    let busy = std::fs::read_dir(dir).is_ok_and(|mut d| d.next().is_some());
    if busy || (dir.exists() && !dir.is_dir()) {
        return Err(Error::PvFolderNotEmpty(dir.to_owned()));
    }
    let pvs = every_bureau(store, lang)?;
    std::fs::create_dir_all(dir).map_err(|source| Error::Io {
        path: dir.to_owned(),
        context: crate::error::IoContext::CreatingFolder,
        source,
    })?;
    let election = store.election()?;
    let cat = lang.catalog();
    let mut index = Message::new("pv-all-index-title")
        .arg("election", crate::report::title(&election, cat))
        .render(lang);
    index.push_str("\n\n");
    if pvs.is_empty() {
        index.push_str(&Message::new("pv-all-index-none").render(lang));
        index.push('\n');
    }
    for pv in &pvs {
        let file = file_name(&pv.bureau);
        super::report::write_atomically(&dir.join(&file), pv.text.as_bytes())?;
        index.push_str(
            &Message::new("pv-all-index-line")
                .arg("file", file)
                .arg("bureau", pv.bureau.as_str())
                .arg("label", pv.label.as_str())
                .arg("circ", pv.circonscription.as_str())
                .arg("observers", pv.observers.join(", "))
                .render(lang),
        );
        index.push('\n');
    }
    super::report::write_atomically(&dir.join(INDEX_FILE), index.as_bytes())?;
    Ok(pvs.len())
}

/// `75056_0911.txt`: the code, with anything but letters, digits, `_` and `-` left out.
fn file_name(code: &BureauCode) -> String {
    let safe: String = code
        .as_str()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-'))
        .collect();
    format!("{safe}.txt")
}
