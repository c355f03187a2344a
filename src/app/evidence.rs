//! Evidence: folders holding everything a coordinator, a lawyer or a judge needs to check the
//! record, with a SHA-256 `MANIFEST`, written beside their final place and renamed when
//! complete; and their verification, and a database's, as typed verdicts that each front end
//! words.

use std::io::Write;
use std::path::Path;

use clap::ValueEnum;
use sha2::{Digest, Sha256};

use crate::domain::chain::{ChainBreak, Hash};
use crate::domain::record::build_record_with;
use crate::domain::{ObserverId, RecordState};
use crate::error::Error;
use crate::export::events_csv::{self, RowError};
use crate::i18n::{Lang, Localize, Message};
use crate::report::{Format, Report, render};
use crate::storage::{
    ChainProblem, NotRegular, Refusal, SystemProblem, merge_election_label, open_regular,
    verify_database,
};

/// The manifest of an evidence folder: one `SHA256  FILE` line per file.
pub const MANIFEST: &str = "MANIFEST";
/// The events of an evidence folder, with every field and hash (what `verify` and `merge` read).
pub const EVENTS_CSV: &str = "events.csv";

/// Writes an evidence folder: `events.csv` (every field and hash, for `verify` and `merge`),
/// `observations.csv` (for people), the report in every format, `chain-digest.txt`,
/// `signatures.csv` (every observer's key and signed head), `MANIFEST` (`sha256sum` format:
/// `sha256sum -c MANIFEST` checks it too; every file but itself and its signature) and
/// `MANIFEST.sig` (the exporter's Ed25519 signature over the `MANIFEST`'s bytes). The folder is written
/// beside its final place and renamed when complete: never half-written.
pub fn evidence_folder(
    store: &crate::storage::Store,
    output: &Path,
    semicolon: bool,
    lang: crate::i18n::Lang,
) -> Result<(), Error> {
    let io = |path: &Path| {
        let path = path.to_owned();
        move |source| Error::Io {
            path: path.clone(),
            context: crate::error::IoContext::WritingReport,
            source,
        }
    };
    if output.exists()
        && std::fs::read_dir(output)
            .map_err(io(output))?
            .next()
            .is_some()
    {
        return Err(Error::EvidenceFolderNotEmpty(output.to_owned()));
    }
    let parent = match output.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => std::path::PathBuf::from("."),
    };
    // The usual cause on election day: the USB stick is not plugged in (or not mounted).
    if !parent.is_dir() {
        return Err(Error::ExportFolderMissing(parent));
    }
    // The folder is signed by the exporter: a file without its key (a copy made by `export db`,
    // a file on a read-only medium) cannot sign one.
    let Some(keys) = super::folder_check::keys_for_signing(store) else {
        return Err(Error::EvidenceWithoutKey(store.path().to_owned()));
    };
    let exporter = store.local_observer()?.id;
    let staging = tempfile::Builder::new()
        .prefix(".constat-evidence-")
        .tempdir_in(&parent)
        .map_err(io(&parent))?;
    let dir = staging.path();

    let data = store.election_data()?;
    let names = store.observers()?;
    let events = store.events_with_hashes()?;
    let digest = store.chain_digest()?;
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();

    // Every event's signature and each observer's signed statement travel with the folder, so
    // that `verify DIR` re-checks them and `merge` refuses what no signature covers (issue 15).
    let seals = store.observer_seals()?;
    let signatures = store.event_signatures()?;
    let mut buf = Vec::new();
    events_csv::write_signed(
        &mut buf,
        &merge_election_label(&data),
        &names,
        &events,
        &seals,
        &signatures,
    )
    .map_err(|e| io(output)(std::io::Error::other(e.to_string())))?;
    files.push((EVENTS_CSV.to_owned(), buf));

    let mut buf = Vec::new();
    crate::export::evidence::write_observations(
        &mut buf,
        &events,
        &names,
        &data.referential,
        if semicolon { b';' } else { b',' },
    )
    .map_err(|e| io(output)(std::io::Error::other(e.to_string())))?;
    files.push(("observations.csv".to_owned(), buf));

    // The findings leave out the observers set aside by a key dispute (the report says so);
    // `events.csv` and `observations.csv` keep every event held.
    let disputes = store.key_disputes()?;
    let state = fold_kept(&events, &disputes);
    let circs = state.observed_circonscriptions();
    let records: Vec<_> = circs
        .iter()
        .filter_map(|c| build_record_with(&data.referential, &state, c, &names))
        .collect();
    // The HTML report shows the photos beside the findings (issue 19).
    let photos = super::report::report_photos(&state, &names, &circs, Some(store));
    for format in Format::value_variants() {
        let report = Report {
            election: &data.election,
            records: records.clone(),
            digest: digest.clone(),
            disputes: disputes.clone(),
        };
        let mut buf = Vec::new();
        if *format == Format::Html {
            crate::report::render_html(&report, None, None, Some(&photos), lang, &mut buf)
        } else {
            render(&report, *format, lang, &mut buf)
        }
        .map_err(io(output))?;
        let name = format
            .to_possible_value()
            .map_or_else(|| "report".to_owned(), |v| v.get_name().to_owned());
        let extension = if name == "text" {
            "txt".to_owned()
        } else {
            name
        };
        files.push((format!("report.{extension}"), buf));
    }
    if let Some(d) = &digest {
        files.push((
            super::folder_check::CHAIN_DIGEST.to_owned(),
            format!("{d}\n").into_bytes(),
        ));
    }
    files.push((
        super::folder_check::SIGNATURES_CSV.to_owned(),
        super::folder_check::write_signatures(store)?,
    ));

    let mut manifest = String::new();
    for (name, bytes) in &files {
        let path = dir.join(name);
        let mut f = std::fs::File::create(&path).map_err(io(&path))?;
        f.write_all(bytes).map_err(io(&path))?;
        f.sync_all().map_err(io(&path))?;
        manifest.push_str(&format!("{}  {name}\n", hex::encode(Sha256::digest(bytes))));
    }
    write_photos(store, dir, &events, &mut manifest)?;
    let manifest_path = dir.join(MANIFEST);
    let mut f = std::fs::File::create(&manifest_path).map_err(io(&manifest_path))?;
    f.write_all(manifest.as_bytes())
        .map_err(io(&manifest_path))?;
    f.sync_all().map_err(io(&manifest_path))?;
    let signature =
        super::folder_check::ManifestSignature::sign(exporter, keys, manifest.as_bytes()).render();
    let sig_path = dir.join(super::folder_check::MANIFEST_SIG);
    let mut f = std::fs::File::create(&sig_path).map_err(io(&sig_path))?;
    f.write_all(signature.as_bytes()).map_err(io(&sig_path))?;
    f.sync_all().map_err(io(&sig_path))?;

    let staged = staging.keep();
    if output.exists() {
        std::fs::remove_dir(output).map_err(io(output))?;
    }
    std::fs::rename(&staged, output).map_err(io(output))?;
    if let Ok(d) = std::fs::File::open(&parent) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Writes under `photos/` of `dir` the bytes of every photo the events announce and the store
/// holds, as `photos/<sha256>.<ext>`, each streamed through SQLite's blob I/O (never whole in
/// memory) and listed in `manifest` with the hash of what was written. A photo whose bytes are
/// not held (a thumbnail-only copy) is left out: `verify DIR` lists it as announced, not
/// received.
fn write_photos(
    store: &crate::storage::Store,
    dir: &Path,
    events: &[(crate::domain::Event, Hash)],
    manifest: &mut String,
) -> Result<(), Error> {
    let mut wanted: std::collections::BTreeMap<[u8; 32], crate::domain::MediaType> =
        std::collections::BTreeMap::new();
    for (event, _) in events {
        if let crate::domain::EventBody::Photo { photo, .. } = &event.body {
            wanted.entry(photo.sha256).or_insert(photo.media);
        }
    }
    if wanted.is_empty() {
        return Ok(());
    }
    let folder = dir.join(super::folder_check::PHOTOS_DIR);
    let io = |path: &Path| {
        let path = path.to_owned();
        move |source| Error::Io {
            path: path.clone(),
            context: crate::error::IoContext::WritingReport,
            source,
        }
    };
    for (sha256, media) in wanted {
        if !store.has_photo(&sha256)? {
            // A thumbnail-only copy's photo: its thumbnail travels, so that `verify DIR` says
            // "vignette seulement" rather than "non reçue" (the original fills in later).
            if let (Some(thumbnail), false) = store.photo_preview(&sha256)? {
                if !folder.is_dir() {
                    std::fs::create_dir(&folder).map_err(io(&folder))?;
                }
                let name = super::folder_check::thumbnail_file_name(&hex::encode(sha256));
                let path = dir.join(&name);
                write_synced(&path, &thumbnail).map_err(io(&path))?;
                manifest.push_str(&format!(
                    "{}  {name}\n",
                    hex::encode(Sha256::digest(&thumbnail))
                ));
            }
            continue;
        }
        if !folder.is_dir() {
            std::fs::create_dir(&folder).map_err(io(&folder))?;
        }
        let name = super::folder_check::photo_file_name(&hex::encode(sha256), media);
        let path = dir.join(&name);
        let file = std::fs::File::create(&path).map_err(io(&path))?;
        let mut out = std::io::BufWriter::with_capacity(1 << 16, file);
        let Some(copied) = store.copy_photo(&sha256, &mut out)? else {
            continue;
        };
        let found = copied.map_err(io(&path))?;
        let file = out.into_inner().map_err(|e| io(&path)(e.into_error()))?;
        file.sync_all().map_err(io(&path))?;
        manifest.push_str(&format!("{}  {name}\n", hex::encode(found)));
    }
    Ok(())
}

/// `constat export xlsx`: the observations and the findings (the report's CSV) as the sheets of
/// one workbook (issue 18 point 6, night).
pub fn xlsx_workbook(
    store: &crate::storage::Store,
    output: &Path,
    lang: Lang,
) -> Result<Vec<u8>, Error> {
    let failed = |e: String| Error::Io {
        path: output.to_owned(),
        context: crate::error::IoContext::WritingReport,
        source: std::io::Error::other(e),
    };
    let data = store.election_data()?;
    let names = store.observers()?;
    let events = store.events_with_hashes()?;
    let rows: Vec<[String; 10]> = events
        .iter()
        .map(|(e, h)| crate::export::evidence::observation_row(e, h, &names, &data.referential))
        .collect();
    let disputes = store.key_disputes()?;
    let state = fold_kept(&events, &disputes);
    let records: Vec<_> = state
        .observed_circonscriptions()
        .iter()
        .filter_map(|c| build_record_with(&data.referential, &state, c, &names))
        .collect();
    let report = Report {
        election: &data.election,
        records,
        digest: store.chain_digest()?,
        disputes,
    };
    let mut csv = Vec::new();
    render(&report, Format::Csv, lang, &mut csv).map_err(|e| failed(e.to_string()))?;
    let mut findings = Vec::new();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(csv.strip_prefix(b"\xEF\xBB\xBF".as_slice()).unwrap_or(&csv));
    for record in reader.records() {
        let record = record.map_err(|e| failed(e.to_string()))?;
        findings.push(record.iter().map(str::to_owned).collect());
    }
    crate::export::xlsx::workbook(&rows, &findings).map_err(|e| failed(e.to_string()))
}

/// A folder typed by a person, with a leading `~` meaning their home folder (the interface's
/// export form has no shell to expand it).
pub fn expand_home(typed: &str) -> std::path::PathBuf {
    let home = || dirs::home_dir().filter(|h| !h.as_os_str().is_empty());
    match typed.strip_prefix('~') {
        Some("") => home().unwrap_or_else(|| typed.into()),
        Some(rest) if rest.starts_with('/') => home()
            .map(|h| h.join(rest.trim_start_matches('/')))
            .unwrap_or_else(|| typed.into()),
        _ => typed.into(),
    }
}

/// The first of `folder-2`, `folder-3`, … that does not exist yet: what the interface proposes
/// when the folder asked for already holds something (an earlier export).
pub fn free_folder_name(folder: &Path) -> std::path::PathBuf {
    let name = folder.file_name().map_or_else(
        || "preuves".to_owned(),
        |n| n.to_string_lossy().into_owned(),
    );
    (2..1000)
        .map(|n| folder.with_file_name(format!("{name}-{n}")))
        .find(|candidate| !candidate.exists())
        .unwrap_or_else(|| folder.with_file_name(format!("{name}-new")))
}

/// `constat key new`: a new key pair for the local observer, announced by a key-change event of
/// their chain signed with the old key (with `lost`, with the new one only; see
/// [`crate::storage::Store::rotate_key`]).
pub fn new_key(
    store: &mut crate::storage::Store,
    lost: bool,
) -> Result<crate::storage::KeyRotation, Error> {
    Ok(store.rotate_key(super::new_event_id(), super::now(), lost)?)
}

/// What is wrong with a file of an evidence folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FolderProblem {
    /// A `MANIFEST` line that is not `SHA256  FILE`.
    NotManifestLine,
    /// A `MANIFEST` line naming a file outside the folder.
    OutsideFolder,
    /// The file's digest is not the one listed.
    DigestDiffers {
        /// The SHA-256 the `MANIFEST` lists.
        listed: String,
        /// The SHA-256 of the file.
        found: String,
    },
    /// The file cannot be read.
    Unreadable(SystemProblem),
    /// A file of the folder that the `MANIFEST` does not list.
    NotListed,
    /// Not a regular file (a FIFO, a link, a device…): never read.
    NotRegular(NotRegular),
    // Signed evidence folders (issue 15 point 4).
    /// The folder holds no file at all.
    EmptyFolder,
    /// The folder has no `MANIFEST`.
    ManifestMissing,
    /// The `MANIFEST` lists no file.
    EmptyManifest,
    /// A file the `MANIFEST` lists is not in the folder.
    ListedButMissing,
    /// The folder has no `events.csv`: nothing to re-check.
    NoEventsCsv,
    /// The folder has no `MANIFEST.sig`.
    SignatureMissing,
    /// A line of `MANIFEST.sig` is not as constat writes it (from 1).
    SignatureMalformed {
        /// The line.
        line: usize,
    },
    /// The `MANIFEST.sig` signature does not verify over the `MANIFEST` with the key it names.
    SignatureInvalid,
    /// The key that signs the `MANIFEST` is not its observer's key in `signatures.csv`.
    SignerKeyDiffers,
    /// The folder has no `signatures.csv`.
    SignaturesMissing,
    /// A line of `signatures.csv` is not as constat writes it.
    SignaturesMalformed {
        /// The line.
        line: u64,
    },
    /// `chain-digest.txt` is not the digest recomputed from `events.csv`.
    ChainDigestDiffers {
        /// What the file says.
        written: String,
        /// What `events.csv` gives.
        recomputed: String,
    },
    /// `events.csv` holds events but the folder has no `chain-digest.txt`.
    ChainDigestMissing,
    /// A part every evidence folder holds is missing: `observations.csv`, or every `report.*`
    /// (what people read; a folder without them is incomplete, issue 15 point 4).
    PartMissing,
    /// A row of `observations.csv` is not the event of `events.csv` it stands for (line 0: a
    /// row missing, or one too many).
    ObservationDiffers {
        /// The line of `observations.csv`.
        line: u64,
        /// The column that differs.
        column: &'static str,
    },
    /// A photo of `photos/` does not hash to what its event announces.
    PhotoDiffersFromEvent {
        /// The photo event.
        event: String,
        /// The SHA-256 the event announces.
        announced: String,
        /// The SHA-256 of the file.
        found: String,
    },
}

impl Localize for FolderProblem {
    fn message(&self) -> Message<'_> {
        match self {
            Self::NotManifestLine => Message::new("reason-folder-not-manifest-line"),
            Self::OutsideFolder => Message::new("reason-folder-outside"),
            Self::DigestDiffers { listed, found } => Message::new("reason-folder-digest-differs")
                .arg("listed", short(listed))
                .arg("found", short(found)),
            Self::Unreadable(why) => Message::new("reason-folder-unreadable").arg("why", why),
            Self::NotListed => Message::new("reason-folder-not-listed"),
            Self::NotRegular(kind) => Message::new("reason-folder-not-regular").arg("kind", kind),
            Self::EmptyFolder => Message::new("reason-folder-empty"),
            Self::ManifestMissing => Message::new("reason-folder-manifest-missing"),
            Self::EmptyManifest => Message::new("reason-folder-manifest-empty"),
            Self::ListedButMissing => Message::new("reason-folder-listed-missing"),
            Self::NoEventsCsv => Message::new("reason-folder-no-events-csv"),
            Self::SignatureMissing => Message::new("reason-folder-signature-missing"),
            Self::SignatureMalformed { line } => {
                Message::new("reason-folder-signature-malformed").arg("line", *line)
            }
            Self::SignatureInvalid => Message::new("reason-folder-signature-invalid"),
            Self::SignerKeyDiffers => Message::new("reason-folder-signer-key-differs"),
            Self::SignaturesMissing => Message::new("reason-folder-signatures-missing"),
            Self::SignaturesMalformed { line } => {
                Message::new("reason-folder-signatures-malformed").arg("line", *line)
            }
            Self::ChainDigestDiffers {
                written,
                recomputed,
            } => Message::new("reason-folder-chain-digest-differs")
                .arg("written", short(written))
                .arg("recomputed", short(recomputed)),
            Self::ChainDigestMissing => Message::new("reason-folder-chain-digest-missing"),
            Self::PartMissing => Message::new("reason-folder-part-missing"),
            Self::ObservationDiffers { line, column } => {
                Message::new("reason-folder-observation-differs")
                    .arg("line", *line)
                    .arg("column", *column)
            }
            Self::PhotoDiffersFromEvent {
                event,
                announced,
                found,
            } => Message::new("reason-folder-photo-differs")
                .arg("event", event.as_str())
                .arg("announced", short(announced))
                .arg("found", short(found)),
        }
    }
}

/// The start of a digest (16 characters), enough to tell two apart; a value from outside is cut.
fn short(digest: &str) -> String {
    digest.chars().take(16).collect()
}

/// What one line of a verification is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    /// An observer's chain in a database: their name and id, how many events, where the signed
    /// head is.
    Chain {
        /// The observer's name.
        name: String,
        /// The observer.
        observer: ObserverId,
        /// Events in the chain.
        events: u64,
        /// The position of the signed head, if any.
        signed_up_to: Option<u64>,
    },
    /// A file of an evidence folder.
    File(String),
    /// A line of the `MANIFEST`, from 1.
    ManifestLine(usize),
    /// An observer's chain in the folder's `events.csv`: how far it was walked, and its last
    /// hash there.
    CsvChain {
        /// The observer's name.
        name: String,
        /// The observer.
        observer: ObserverId,
        /// Events of the observer in `events.csv`.
        events: u64,
        /// The last position walked.
        seq: u64,
        /// The hash at that position.
        head: Hash,
        /// The fingerprint of their key in `signatures.csv`.
        fingerprint: Option<crate::domain::fingerprint::Fingerprint>,
        /// The position of their signed head in `signatures.csv`.
        signed_up_to: Option<u64>,
    },
    /// An evidence folder as a whole.
    Folder(String),
    /// The folder's `MANIFEST.sig`: who signed it, with which key.
    ManifestSignature {
        /// The exporting observer.
        observer: ObserverId,
        /// Their name in `signatures.csv`, when listed.
        name: Option<String>,
        /// The fingerprint of the key that signed.
        fingerprint: crate::domain::fingerprint::Fingerprint,
    },
    /// The chain digest recomputed from the folder's `events.csv`.
    Digest {
        /// The digest, when `events.csv` holds events.
        recomputed: Option<String>,
    },
}

impl Subject {
    /// The subject in `lang`, as `constat verify` names it.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Self::Chain {
                name,
                observer,
                events,
                signed_up_to,
            } => (lang.catalog().verify_chain)(name, &observer.to_string(), *events, *signed_up_to),
            Self::File(name) => name.clone(),
            Self::ManifestLine(n) => format!("{MANIFEST}:{n}"),
            Self::CsvChain {
                name,
                observer,
                events,
                seq,
                head,
                fingerprint,
                signed_up_to,
            } => Message::new("verify-subject-csv-chain")
                .arg("file", EVENTS_CSV)
                .arg("name", name)
                .arg("observer", observer.to_string())
                .arg("events", *events)
                .arg("seq", *seq)
                .arg("head", hex::encode(head))
                .arg("fingerprint", fingerprint.as_ref().map(|f| f.to_string()))
                .arg("signed", *signed_up_to)
                .render(lang),
            Self::Folder(path) => path.clone(),
            Self::ManifestSignature {
                observer,
                name,
                fingerprint,
            } => Message::new("verify-subject-manifest-signature")
                .arg("file", super::folder_check::MANIFEST_SIG)
                .arg("observer", observer.to_string())
                .arg("name", name.as_deref())
                .arg("fingerprint", fingerprint.to_string())
                .render(lang),
            Self::Digest { recomputed } => Message::new("verify-subject-digest")
                .arg("file", super::folder_check::CHAIN_DIGEST)
                .arg("digest", recomputed.as_deref())
                .render(lang),
        }
    }
}

/// Why a verified subject is broken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Broken {
    /// An observer's chain in a database.
    Chain(ChainProblem),
    /// A file of an evidence folder.
    Folder(FolderProblem),
    /// The folder's `events.csv` cannot be read back.
    Csv(RowError),
    /// An observer's chain in the folder's `events.csv` breaks (at a line, for a mismatch).
    CsvChain(ChainBreak, Option<u64>),
    /// An observer's key or signed head in the folder does not cover their chain.
    Seal(super::folder_check::SealProblem),
}

impl Localize for Broken {
    fn message(&self) -> Message<'_> {
        match self {
            Self::Chain(p) => p.message(),
            Self::Folder(p) => p.message(),
            Self::Csv(e) => e.message(),
            Self::CsvChain(why, None) => why.message(),
            Self::CsvChain(why, Some(line)) => Message::new("reason-chain-mismatch-at-line")
                .arg("why", why)
                .arg("line", line.to_string()),
            Self::Seal(p) => p.message(),
        }
    }
}

/// One line of a verification: what was checked, and why it is broken when it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    /// What was checked.
    pub subject: Subject,
    /// Why it is broken; none when intact.
    pub broken: Option<Broken>,
}

/// Re-checks every hash chain and signature of a database opened as untrusted (read-only,
/// defensive).
pub fn verify_database_file(path: &Path) -> Result<Vec<Verdict>, Error> {
    let checks = verify_database(path).map_err(|r| Error::Untrusted(path.to_owned(), r))?;
    Ok(checks
        .into_iter()
        .map(|c| Verdict {
            subject: Subject::Chain {
                name: c.name,
                observer: c.observer,
                events: c.events,
                signed_up_to: c.signed_up_to,
            },
            broken: c.problem.map(Broken::Chain),
        })
        .collect())
}

/// Opens a file of the folder: a regular file only (an evidence folder holds no link, FIFO or
/// device; a link could lead out of the folder, a FIFO would hang).
pub(super) fn open_in_folder(path: &Path) -> Result<std::fs::File, FolderProblem> {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => {
            return Err(FolderProblem::NotRegular(NotRegular::Symlink));
        }
        Ok(_) => {}
        Err(e) => return Err(FolderProblem::Unreadable(e.into())),
    }
    open_regular(path).map_err(|r| match r {
        Refusal::NotRegular(kind) => FolderProblem::NotRegular(kind),
        Refusal::Unreadable(why) => FolderProblem::Unreadable(why),
        other => FolderProblem::Unreadable(SystemProblem::said(other.text(Lang::En))),
    })
}

pub(super) fn sha256_file(path: &Path) -> Result<String, FolderProblem> {
    use std::io::Read;
    let mut file = open_in_folder(path)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = file
            .read(&mut buf)
            .map_err(|e| FolderProblem::Unreadable(e.into()))?;
        if n == 0 {
            return Ok(hex::encode(hasher.finalize()));
        }
        hasher.update(&buf[..n]);
    }
}

/// Re-checks an evidence folder (see [`super::folder_check::verify_folder`]).
pub fn verify_folder(dir: &Path) -> Result<Vec<Verdict>, Error> {
    super::folder_check::verify_folder(dir)
}

/// The state of `events` without the observers a key dispute sets aside.
fn fold_kept(
    events: &[(crate::domain::Event, crate::domain::chain::Hash)],
    disputes: &[crate::domain::key_dispute::KeyDispute],
) -> RecordState {
    let aside = crate::domain::key_dispute::set_aside(disputes);
    let mut state = RecordState::default();
    for (e, _) in events {
        if !aside.contains(&e.observer) {
            state.apply(e);
        }
    }
    state
}

/// Writes `bytes` to a new file at `path` and syncs it.
fn write_synced(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write as _;
    let mut file = std::fs::File::create(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn a_leading_tilde_is_the_home_folder() {
        let home = dirs::home_dir().unwrap();
        assert_eq!(expand_home("~/preuves"), home.join("preuves"));
        assert_eq!(expand_home("~"), home);
        assert_eq!(
            expand_home("/media/usb/preuves"),
            Path::new("/media/usb/preuves")
        );
        assert_eq!(
            expand_home("~autre/x"),
            Path::new("~autre/x"),
            "no one else's home"
        );
    }

    #[test]
    fn the_free_folder_beside_a_full_one_is_numbered() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("preuves");
        assert_eq!(free_folder_name(&folder), dir.path().join("preuves-2"));
        std::fs::create_dir(dir.path().join("preuves-2")).unwrap();
        assert_eq!(free_folder_name(&folder), dir.path().join("preuves-3"));
    }
}
