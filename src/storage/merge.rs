//! Merging other observers' files into this database: every file is one savepoint, so a bad file
//! contributes nothing, and with `strict` the whole merge is one transaction.
//!
//! Events are a union keyed by id (see [`crate::domain::merge`]): an identical event already held
//! is skipped, an altered one refuses the file. Reference data must agree: same election, and the
//! same candidate behind each (circonscription, panel), unless an official candidate list was
//! imported here, in which case ticks map by (circonscription, panel).

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::{Connection, ErrorCode, OptionalExtension, params};

use super::events::{self, COLUMNS};
use super::untrusted::{Refusal, Untrusted};
use super::{StorageError, Store};
use crate::domain::merge::{EventProblem, MAX_NAME, MergeConflict, Verdict, check_event, classify};
use crate::domain::referential::ElectionData;
use crate::domain::{Election, Event, EventBody, EventId, ObserverId};

/// How a merge runs.
#[derive(Debug, Clone, Copy)]
pub struct MergeOptions {
    /// Now, to refuse events from the future.
    pub now: DateTime<Utc>,
    /// Abort everything at the first bad file, leaving the database exactly as it was.
    pub strict: bool,
}

/// What one file brought.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeOutcome {
    /// Events added.
    pub new: u64,
    /// Events already held, identical.
    pub already: u64,
    /// Things worth knowing that did not stop the merge.
    pub warnings: Vec<String>,
}

/// Why a file contributed nothing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MergeRejection {
    /// The file itself is unacceptable.
    #[error("{0}")]
    Refused(#[from] Refusal),
    /// Another election.
    #[error("another election: the file records {theirs}, this database {ours}")]
    OtherElection {
        /// The file's.
        theirs: String,
        /// Ours.
        ours: String,
    },
    /// The candidate lists differ.
    #[error(
        "candidate list differs: circonscription {circ} n° {panel} is {theirs} in the file but {ours} here (import the newer official list here to map ticks by panel number)"
    )]
    CandidateDiffers {
        /// Where.
        circ: String,
        /// Which panel.
        panel: u16,
        /// The file's name.
        theirs: String,
        /// Ours.
        ours: String,
    },
    /// An event names a candidate this database does not have.
    #[error(
        "event {event} names candidate n° {panel} of circonscription {circ}, which is not in this database's candidate list"
    )]
    UnknownCandidate {
        /// The event.
        event: EventId,
        /// Where.
        circ: String,
        /// Which panel.
        panel: u16,
    },
    /// A stored value that does not make sense.
    #[error("invalid content: {0}")]
    Invalid(String),
    /// A date or text field out of bounds.
    #[error("{0}")]
    Event(#[from] EventProblem),
    /// An event contradicting one already held.
    #[error("{0}")]
    Conflict(#[from] MergeConflict),
    /// A retraction of an event that is not there, or of another observer's event.
    #[error("event {event} withdraws {target}, which is not an earlier event of the same observer")]
    BadRetraction {
        /// The retraction.
        event: EventId,
        /// What it withdraws.
        target: EventId,
    },
    /// An event whose observer the file does not list.
    #[error("event {0} has an observer the file does not list")]
    UnknownObserver(EventId),
    /// Our own database failed.
    #[error("this database: {0}")]
    Storage(String),
}

impl From<StorageError> for MergeRejection {
    fn from(e: StorageError) -> Self {
        match e {
            StorageError::Invalid { what, .. } => Self::Invalid(what),
            other => Self::Storage(other.to_string()),
        }
    }
}

#[allow(clippy::needless_pass_by_value)] // used as `map_err(ours)`
fn ours(e: rusqlite::Error) -> MergeRejection {
    MergeRejection::Storage(e.to_string())
}

/// Events handed to the merge, one at a time, with their observer's name.
pub type EventSource<'s> = &'s mut dyn FnMut(
    &mut dyn FnMut(Event) -> Result<(), MergeRejection>,
) -> Result<(), MergeRejection>;

/// What this database knows of the candidates, looked up as needed and remembered for one file.
struct Known<'c> {
    conn: &'c Connection,
    seen: HashMap<(String, u16), Option<String>>,
    official_list: bool,
}

impl<'c> Known<'c> {
    fn new(conn: &'c Connection) -> rusqlite::Result<Self> {
        let official_list: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM import_log WHERE kind = 'candidates')",
            [],
            |r| r.get(0),
        )?;
        Ok(Self {
            conn,
            seen: HashMap::new(),
            official_list,
        })
    }

    /// The name of candidate `panel` of `circ` here ("SURNAME Given"), if any.
    fn name(&mut self, circ: &str, panel: u16) -> rusqlite::Result<Option<&String>> {
        let key = (circ.to_owned(), panel);
        if !self.seen.contains_key(&key) {
            let name: Option<String> = self
                .conn
                .prepare_cached(
                    "SELECT surname || ' ' || given_name FROM candidate WHERE circonscription = ?1 AND panel = ?2",
                )?
                .query_row(params![circ, panel], |r| r.get(0))
                .optional()?;
            self.seen.insert(key.clone(), name);
        }
        Ok(self.seen.get(&key).and_then(Option::as_ref))
    }
}

impl Store {
    /// Starts a merge: one `BEGIN IMMEDIATE` when `strict`, so that [`Store::finish_merge`] can
    /// undo everything.
    pub fn begin_merge(&mut self, options: MergeOptions) -> Result<(), StorageError> {
        if options.strict {
            self.conn
                .execute_batch("BEGIN IMMEDIATE")
                .map_err(|e| self.err("starting the merge", e))?;
        }
        Ok(())
    }

    /// Ends a merge: commits a strict merge, or rolls it back when `abort`.
    pub fn finish_merge(&mut self, options: MergeOptions, abort: bool) -> Result<(), StorageError> {
        if options.strict {
            let sql = if abort { "ROLLBACK" } else { "COMMIT" };
            self.conn
                .execute_batch(sql)
                .map_err(|e| self.err("finishing the merge", e))?;
        }
        Ok(())
    }

    fn in_savepoint<T>(
        &mut self,
        options: MergeOptions,
        work: impl FnOnce(&Connection) -> Result<T, MergeRejection>,
    ) -> Result<T, MergeRejection> {
        let (begin, commit, rollback) = if options.strict {
            (
                "SAVEPOINT merge_file",
                "RELEASE merge_file",
                "ROLLBACK TO merge_file; RELEASE merge_file",
            )
        } else {
            ("BEGIN IMMEDIATE", "COMMIT", "ROLLBACK")
        };
        self.conn.execute_batch(begin).map_err(ours)?;
        match work(&self.conn) {
            Ok(t) => {
                self.conn.execute_batch(commit).map_err(ours)?;
                Ok(t)
            }
            Err(e) => {
                let _ = self.conn.execute_batch(rollback);
                Err(e)
            }
        }
    }

    /// Merges another observer's database file. `progress` is called with the number of events
    /// read so far, every few thousand events.
    pub fn merge_database(
        &mut self,
        file: &Path,
        options: MergeOptions,
        progress: &mut dyn FnMut(u64),
    ) -> Result<MergeOutcome, MergeRejection> {
        let theirs = Untrusted::open(file)?;
        let their_data = super::referential::load(&theirs.conn, file)?;
        let our_election = self.election()?;
        check_election(&their_data.election, &our_election)?;
        let observers = their_observers(&theirs)?;
        let mut warnings = Vec::new();
        let wal = PathBuf::from(format!("{}-wal", file.display()));
        if wal.exists() {
            warnings.push(format!(
                "{} is beside the file: it was copied while in use and may lack its latest ticks; ask for `constat export db`",
                wal.display()
            ));
        }
        let mut outcome =
            self.in_savepoint(options, |conn| {
                adopt_reference_data(conn, &their_data)?;
                for (id, name) in &observers {
                    conn.prepare_cached(
                    "INSERT INTO observer (id, name, is_local, created_at) VALUES (?1, ?2, 0, ?3)
                     ON CONFLICT (id) DO NOTHING",
                )
                .map_err(ours)?
                .execute(params![id.to_string(), name, super::events::format_time(options.now)])
                .map_err(ours)?;
                }
                let ids: HashSet<ObserverId> = observers.iter().map(|(id, _)| *id).collect();
                let mut source = |sink: &mut dyn FnMut(Event) -> Result<(), MergeRejection>| {
                    let mut stmt = theirs
                        .conn
                        // Storage order: constat writes each observer's events in seq order,
                        // and reading in that order is a sequential scan.
                        .prepare(&format!("SELECT {COLUMNS} FROM event ORDER BY rowid"))
                        .map_err(|e| MergeRejection::Refused(Refusal::Damaged(e.to_string())))?;
                    let mut rows = stmt
                        .query([])
                        .map_err(|e| MergeRejection::Refused(Refusal::Damaged(e.to_string())))?;
                    while let Some(row) = rows
                        .next()
                        .map_err(|e| MergeRejection::Refused(Refusal::Damaged(e.to_string())))?
                    {
                        let event = events::decode(row, file).map_err(|e| match e {
                            StorageError::Invalid { what, .. } => MergeRejection::Invalid(what),
                            other => MergeRejection::Invalid(other.to_string()),
                        })?;
                        if !ids.contains(&event.observer) {
                            return Err(MergeRejection::UnknownObserver(event.id));
                        }
                        sink(event)?;
                    }
                    Ok(())
                };
                merge_events(conn, options.now, &mut source, progress)
            })?;
        outcome.warnings.extend(warnings);
        Ok(outcome)
    }

    /// Merges events handed over by `source` (a CSV export, say) whose observers are named in
    /// `observers`, for the election `election` (`legislatives-2017-1`).
    pub fn merge_events(
        &mut self,
        election: &str,
        observers: &[(ObserverId, String)],
        options: MergeOptions,
        source: EventSource<'_>,
        progress: &mut dyn FnMut(u64),
    ) -> Result<MergeOutcome, MergeRejection> {
        let our_election = label(&self.election()?);
        if election != our_election {
            return Err(MergeRejection::OtherElection {
                theirs: election.to_owned(),
                ours: our_election,
            });
        }
        self.in_savepoint(options, |conn| {
            for (id, name) in observers {
                check_name(name)?;
                conn.prepare_cached(
                    "INSERT INTO observer (id, name, is_local, created_at) VALUES (?1, ?2, 0, ?3)
                     ON CONFLICT (id) DO NOTHING",
                )
                .map_err(ours)?
                .execute(params![
                    id.to_string(),
                    name,
                    super::events::format_time(options.now)
                ])
                .map_err(ours)?;
            }
            merge_events(conn, options.now, source, progress)
        })
    }
}

/// `legislatives-2017-1`: the election as written in exports.
pub fn election_label(data: &ElectionData) -> String {
    label(&data.election)
}

fn label(e: &Election) -> String {
    format!("{}-{}", e.id(), e.round)
}

fn check_election(theirs: &Election, ours: &Election) -> Result<(), MergeRejection> {
    if (theirs.kind, theirs.year, theirs.round) != (ours.kind, ours.year, ours.round) {
        return Err(MergeRejection::OtherElection {
            theirs: label(theirs),
            ours: label(ours),
        });
    }
    Ok(())
}

fn check_name(name: &str) -> Result<(), MergeRejection> {
    if name.chars().count() > MAX_NAME || name.chars().any(char::is_control) {
        return Err(MergeRejection::Invalid(format!(
            "observer name `{}` is too long or has control characters",
            name.chars().take(40).collect::<String>()
        )));
    }
    Ok(())
}

fn their_observers(theirs: &Untrusted) -> Result<Vec<(ObserverId, String)>, MergeRejection> {
    let damaged = |e: rusqlite::Error| MergeRejection::Refused(Refusal::Damaged(e.to_string()));
    let mut stmt = theirs
        .conn
        .prepare("SELECT id, name FROM observer")
        .map_err(damaged)?;
    let rows = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
        .map_err(damaged)?;
    let mut out = Vec::new();
    for row in rows {
        let (id, name) = row.map_err(damaged)?;
        let id = uuid::Uuid::parse_str(&id)
            .map_err(|_| MergeRejection::Invalid(format!("observer id `{id}` is not a UUID")))?;
        check_name(&name)?;
        out.push((ObserverId(id), name));
    }
    Ok(out)
}

/// Takes the file's circonscriptions, candidates and bureaux that this database lacks, and
/// refuses a candidate list that contradicts ours (unless an official list was imported here).
fn adopt_reference_data(conn: &Connection, theirs: &ElectionData) -> Result<(), MergeRejection> {
    let mut known = Known::new(conn).map_err(ours)?;
    for c in theirs.referential.candidates.values().flatten() {
        let key = (c.circonscription.as_str().to_owned(), c.panel.get());
        let name = format!("{} {}", c.surname, c.given_name);
        let official_list = known.official_list;
        match known.name(&key.0, key.1).map_err(ours)?.cloned() {
            Some(ours_name) if ours_name != name && !official_list => {
                return Err(MergeRejection::CandidateDiffers {
                    circ: key.0,
                    panel: key.1,
                    theirs: name,
                    ours: ours_name,
                });
            }
            Some(_) => {}
            None if official_list => {}
            None => {
                let label = theirs
                    .referential
                    .circonscriptions
                    .get(&c.circonscription)
                    .map_or_else(String::new, |x| x.label.clone());
                conn.prepare_cached(
                    "INSERT INTO circonscription (code, label) VALUES (?1, ?2) ON CONFLICT (code) DO NOTHING",
                )
                .map_err(ours)?
                .execute(params![key.0, label])
                .map_err(ours)?;
                conn.prepare_cached(
                    "INSERT INTO candidate (circonscription, panel, surname, given_name, sex, nuance)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                )
                .map_err(ours)?
                .execute(params![key.0, key.1, c.surname, c.given_name, c.sex.as_str(), c.nuance])
                .map_err(ours)?;
            }
        }
    }
    for b in theirs.referential.bureaux.values() {
        let circ = b.circonscription.as_ref().map(|c| c.as_str().to_owned());
        if let Some(c) = &circ {
            conn.prepare_cached(
                "INSERT INTO circonscription (code, label) VALUES (?1, ?2) ON CONFLICT (code) DO NOTHING",
            )
            .map_err(ours)?
            .execute(params![c, format!("Circonscription {c}")])
            .map_err(ours)?;
        }
        conn.prepare_cached(
            "INSERT INTO bureau (code, circonscription, label, address, commune, voting_machines)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (code) DO NOTHING",
        )
        .map_err(ours)?
        .execute(params![
            b.code.as_str(),
            circ,
            b.label,
            b.address,
            b.commune,
            b.voting_machines
        ])
        .map_err(ours)?;
    }
    Ok(())
}

/// Streams events into `conn`: checks each, then adds it, skips it (identical copy held) or
/// refuses the whole source.
fn merge_events(
    conn: &Connection,
    now: DateTime<Utc>,
    source: EventSource<'_>,
    progress: &mut dyn FnMut(u64),
) -> Result<MergeOutcome, MergeRejection> {
    let mut known = Known::new(conn).map_err(ours)?;
    let mut outcome = MergeOutcome::default();
    let mut seen = 0u64;
    let mut sink = |event: Event| -> Result<(), MergeRejection> {
        check_event(&event, now)?;
        match &event.body {
            EventBody::Tick {
                circonscription,
                panel,
                ..
            } => {
                if known
                    .name(circonscription.as_str(), panel.get())
                    .map_err(ours)?
                    .is_none()
                {
                    return Err(MergeRejection::UnknownCandidate {
                        event: event.id,
                        circ: circonscription.to_string(),
                        panel: panel.get(),
                    });
                }
            }
            EventBody::Retract { target } => {
                let owner: Option<String> = conn
                    .prepare_cached("SELECT observer FROM event WHERE id = ?1")
                    .map_err(ours)?
                    .query_row([target.to_string()], |r| r.get(0))
                    .optional()
                    .map_err(ours)?;
                if owner != Some(event.observer.to_string()) {
                    return Err(MergeRejection::BadRetraction {
                        event: event.id,
                        target: *target,
                    });
                }
            }
            EventBody::Envelope { .. } | EventBody::NonReceipt { .. } => {}
        }
        let inserted = match events::insert(conn, &event, true) {
            Ok(inserted) => inserted,
            Err(rusqlite::Error::SqliteFailure(f, _))
                if f.code == ErrorCode::ConstraintViolation =>
            {
                let held: Option<String> = conn
                    .prepare_cached("SELECT id FROM event WHERE observer = ?1 AND seq = ?2")
                    .map_err(ours)?
                    .query_row(
                        params![
                            event.observer.to_string(),
                            i64::try_from(event.seq).unwrap_or(i64::MAX)
                        ],
                        |r| r.get(0),
                    )
                    .optional()
                    .map_err(ours)?;
                let held = held
                    .and_then(|h| uuid::Uuid::parse_str(&h).ok())
                    .map(EventId);
                classify(&event, None, held)?;
                return Err(MergeRejection::Invalid(format!(
                    "event {} breaks a database constraint",
                    event.id
                )));
            }
            Err(e) => return Err(ours(e)),
        };
        if inserted {
            outcome.new += 1;
        } else {
            let held = conn
                .prepare_cached(&format!("SELECT {COLUMNS} FROM event WHERE id = ?1"))
                .map_err(ours)?
                .query_row([event.id.to_string()], |row| {
                    Ok(events::decode(row, Path::new("")))
                })
                .map_err(ours)??;
            match classify(&event, Some(&held), None)? {
                Verdict::AlreadyPresent => outcome.already += 1,
                Verdict::New => outcome.new += 1,
            }
        }
        seen += 1;
        if seen.is_multiple_of(4096) {
            progress(seen);
        }
        Ok(())
    };
    source(&mut sink)?;
    progress(seen);
    Ok(outcome)
}
