//! Applying an import: every row of a file, handed over by an importer, written in ONE
//! transaction. A file with an error, or a failed write, leaves the database as it was.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};

use super::{Doing, StorageError, Store};
use crate::domain::{BureauCode, Candidate, CirconscriptionCode, Panel, Sex};
use crate::import::{BureauRow, CandidateRow, FileInfo, ImportError, ImportText};

/// Why an import did not happen. Either way, nothing of the file was written.
#[derive(Debug, thiserror::Error)]
pub enum ImportFailure {
    /// The file is wrong (the message names line, column and value).
    #[error(transparent)]
    File(#[from] ImportError),
    /// The database failed.
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// What an import of candidates did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CandidateImport {
    /// What the file was recognised as.
    pub info: FileInfo,
    /// Candidates in the file.
    pub candidates: u64,
    /// Circonscriptions in the file.
    pub circonscriptions: usize,
    /// New candidates.
    pub added: usize,
    /// Candidates already known, identical.
    pub unchanged: usize,
    /// Candidates whose name, sex or nuance changed: (before, after).
    pub changed: Vec<(Candidate, Candidate)>,
    /// Candidates of the file's circonscriptions that the file no longer lists (kept, marked
    /// withdrawn).
    pub withdrawn: Vec<Candidate>,
}

/// What an import of bureaux did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BureauImport {
    /// What the file was recognised as.
    pub info: FileInfo,
    /// Bureaux in the file.
    pub bureaux: u64,
    /// New bureaux.
    pub added: usize,
    /// Known bureaux completed or corrected by the file.
    pub changed: usize,
    /// Known bureaux, identical.
    pub unchanged: usize,
    /// Bureaux of the file with no circonscription known yet.
    pub without_circonscription: usize,
}

/// A reader of rows, such as [`crate::import::read_candidates`] applied to a path.
pub type Reader<'r, R> = &'r mut dyn FnMut(
    &mut dyn FnMut(R) -> Result<(), ImportError>,
) -> Result<FileInfo, ImportError>;

type CandidateKey = (String, u16);

/// Bureaux per statement when importing into an empty table.
const BATCH: usize = 64;

/// Binds the rows of a full batch to the multi-row insert.
fn bind_bureaux(stmt: &mut rusqlite::Statement<'_>, rows: &[BureauRow]) -> rusqlite::Result<()> {
    for (i, row) in rows.iter().enumerate() {
        let at = i * 5;
        stmt.raw_bind_parameter(at + 1, row.code.as_str())?;
        stmt.raw_bind_parameter(at + 2, row.circonscription.as_ref().map(|c| c.as_str()))?;
        stmt.raw_bind_parameter(at + 3, &row.label)?;
        stmt.raw_bind_parameter(at + 4, &row.address)?;
        stmt.raw_bind_parameter(at + 5, &row.commune)?;
    }
    Ok(())
}

/// Page cache during a bureau import, in KiB (`PRAGMA cache_size` takes a negative number for
/// KiB): room for a national table (69,000 bureaux, about 7 MB with its index).
const IMPORT_CACHE_KIB: i64 = -64 * 1024;

fn load_candidates(
    tx: &Transaction<'_>,
) -> rusqlite::Result<HashMap<CandidateKey, (Candidate, bool)>> {
    let mut stmt = tx.prepare(
        "SELECT circonscription, panel, surname, given_name, sex, nuance, withdrawn FROM candidate",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, u16>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, String>(5)?,
            r.get::<_, bool>(6)?,
        ))
    })?;
    let mut out = HashMap::new();
    for row in rows {
        let (circ, panel, surname, given_name, sex, nuance, withdrawn) = row?;
        // Rows were validated on the way in; one that no longer parses is skipped, not fatal.
        let (Ok(code), Ok(p), Some(sex)) = (
            CirconscriptionCode::parse(&circ),
            Panel::new(panel),
            Sex::parse(&sex),
        ) else {
            continue;
        };
        let c = Candidate {
            circonscription: code,
            panel: p,
            surname,
            given_name,
            sex,
            nuance,
        };
        out.insert((circ, panel), (c, withdrawn));
    }
    Ok(out)
}

/// Logs an import in its transaction, and counts the change of the reference data.
fn log_import(
    tx: &Transaction<'_>,
    kind: &str,
    file: &Path,
    info: &FileInfo,
    now: DateTime<Utc>,
    counts: [u64; 4],
) -> rusqlite::Result<()> {
    super::referential::touch(tx)?;
    tx.execute(
        "INSERT INTO import_log (kind, file, format, encoding, imported_at, rows, added, changed, withdrawn)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            kind,
            file.display().to_string(),
            info.format.code(),
            info.encoding,
            super::events::format_time(now),
            i64::try_from(counts[0]).unwrap_or(i64::MAX),
            i64::try_from(counts[1]).unwrap_or(i64::MAX),
            i64::try_from(counts[2]).unwrap_or(i64::MAX),
            i64::try_from(counts[3]).unwrap_or(i64::MAX),
        ],
    )
    .map(drop)
}

impl Store {
    /// Imports candidates: `read` hands over every row of `file`; all are written in one
    /// transaction, or none. Known candidates are compared field by field: changes and candidates
    /// that the file no longer lists (in the circonscriptions it covers) are reported, never
    /// silently overwritten; importing the same file again changes nothing. A candidate already
    /// observed (a tick at their panel number) whose name the file changes, or that it no longer
    /// lists, is refused unless `accept_renames`: ticks are matched by panel number, so a list of
    /// another election (one no check recognises) would give the findings to other candidates
    /// (issue 13 point 8).
    pub fn import_candidates(
        &mut self,
        file: &Path,
        now: DateTime<Utc>,
        accept_renames: bool,
        read: Reader<'_, CandidateRow>,
    ) -> Result<CandidateImport, ImportFailure> {
        let path = self.path.clone();
        let sql = |context: Doing| {
            let path = path.clone();
            move |e| StorageError::sqlite(&path, context, e)
        };
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sql(Doing::StartingImport))?;
        let mut known = load_candidates(&tx).map_err(sql(Doing::ReadingCandidates))?;
        let mut circs: HashMap<String, String> = {
            let mut stmt = tx
                .prepare("SELECT code, label FROM circonscription")
                .map_err(sql(Doing::ReadingCirconscriptions))?;
            let rows = stmt
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
                .map_err(sql(Doing::ReadingCirconscriptions))?;
            rows.collect::<Result<_, _>>()
                .map_err(sql(Doing::ReadingCirconscriptions))?
        };
        let mut seen: HashMap<CandidateKey, u64> = HashMap::new();
        let mut file_circs: HashSet<String> = HashSet::new();
        let (mut added, mut unchanged, mut changed) = (0, Vec::new(), Vec::new());
        let mut storage_error: Option<rusqlite::Error> = None;
        let mut count = 0u64;
        let info = {
            let mut sink = |row: CandidateRow| -> Result<(), ImportError> {
                count += 1;
                let c = &row.candidate;
                let circ = c.circonscription.as_str().to_owned();
                let key = (circ.clone(), c.panel.get());
                if let Some(first) = seen.insert(key.clone(), row.line) {
                    return Err(
                        ImportError::at(file, row.line, ImportText::EachCandidateOnce)
                            .column("panel")
                            .value(format!("{circ} n° {}", c.panel))
                            .hint(ImportText::DuplicatePanelHere {
                                first: first.to_string(),
                            }),
                    );
                }
                file_circs.insert(circ.clone());
                let result = (|| -> rusqlite::Result<()> {
                    match circs.get(&circ) {
                        None => {
                            tx.prepare_cached(
                                "INSERT INTO circonscription (code, label) VALUES (?1, ?2)",
                            )?
                            .execute(params![circ, row.circonscription.label])?;
                            circs.insert(circ.clone(), row.circonscription.label.clone());
                        }
                        Some(label)
                            if label != &row.circonscription.label
                                && !row.circonscription.label.is_empty() =>
                        {
                            tx.prepare_cached(
                                "UPDATE circonscription SET label = ?2 WHERE code = ?1",
                            )?
                            .execute(params![circ, row.circonscription.label])?;
                            circs.insert(circ.clone(), row.circonscription.label.clone());
                        }
                        Some(_) => {}
                    }
                    match known.remove(&key) {
                        None => {
                            tx.prepare_cached(
                                "INSERT INTO candidate (circonscription, panel, surname, given_name, sex, nuance)
                                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                            )?
                            .execute(params![circ, c.panel.get(), c.surname, c.given_name, c.sex.as_str(), c.nuance])?;
                            added += 1;
                        }
                        Some((old, withdrawn)) if old == *c && !withdrawn => unchanged.push(()),
                        Some((old, _)) => {
                            tx.prepare_cached(
                                "UPDATE candidate SET surname = ?3, given_name = ?4, sex = ?5, nuance = ?6, withdrawn = 0
                                 WHERE circonscription = ?1 AND panel = ?2",
                            )?
                            .execute(params![circ, c.panel.get(), c.surname, c.given_name, c.sex.as_str(), c.nuance])?;
                            changed.push((old, c.clone()));
                        }
                    }
                    Ok(())
                })();
                result.map_err(|e| {
                    let message = e.to_string();
                    storage_error = Some(e);
                    ImportError::at(file, row.line, ImportText::DatabaseWrite).value(message)
                })
            };
            match read(&mut sink) {
                Ok(info) => info,
                Err(e) => {
                    return Err(match storage_error {
                        Some(s) => {
                            StorageError::sqlite(&self.path, Doing::ImportingCandidates, s).into()
                        }
                        None => e.into(),
                    });
                }
            }
        };
        // Candidates of the file's circonscriptions that it no longer lists.
        let mut withdrawn: Vec<Candidate> = known
            .into_iter()
            .filter(|((circ, _), (_, already))| file_circs.contains(circ) && !already)
            .map(|(_, (c, _))| c)
            .collect();
        withdrawn.sort_by(|a, b| (&a.circonscription, a.panel).cmp(&(&b.circonscription, b.panel)));
        for c in &withdrawn {
            tx.execute(
                "UPDATE candidate SET withdrawn = 1 WHERE circonscription = ?1 AND panel = ?2",
                params![c.circonscription.as_str(), c.panel.get()],
            )
            .map_err(sql(Doing::MarkingWithdrawnCandidates))?;
        }
        changed.sort_by(|(a, _): &(Candidate, Candidate), (b, _)| {
            (&a.circonscription, a.panel).cmp(&(&b.circonscription, b.panel))
        });
        if !accept_renames {
            // Observed candidates renamed or gone: refused, the transaction dropped (rolled back).
            let mut observed = tx
                .prepare(
                    "SELECT 1 FROM event WHERE kind = 'tick' AND circonscription = ?1 AND panel = ?2 LIMIT 1",
                )
                .map_err(sql(Doing::ReadingCandidates))?;
            let mut hit: Vec<String> = Vec::new();
            let renamed = changed
                .iter()
                .filter(|(old, new)| old.surname != new.surname || old.given_name != new.given_name)
                .map(|(old, new)| (old, Some(new)));
            for (old, new) in renamed.chain(withdrawn.iter().map(|c| (c, None))) {
                if observed
                    .exists(params![old.circonscription.as_str(), old.panel.get()])
                    .map_err(sql(Doing::ReadingCandidates))?
                {
                    hit.push(match new {
                        Some(new) => format!(
                            "{} n° {} : {} → {}",
                            old.circonscription,
                            old.panel,
                            old.display_name(),
                            new.display_name()
                        ),
                        None => format!(
                            "{} n° {} : {}",
                            old.circonscription,
                            old.panel,
                            old.display_name()
                        ),
                    });
                }
            }
            if let Some(example) = hit.first() {
                return Err(ImportError::file(file, ImportText::KeepsObservedCandidates)
                    .value(ImportText::ObservedCandidatesChanged {
                        count: hit.len(),
                        example: example.clone(),
                    })
                    .hint(ImportText::AcceptRenamesHint)
                    .into());
            }
        }
        log_import(
            &tx,
            "candidates",
            file,
            &info,
            now,
            [
                count,
                added as u64,
                changed.len() as u64,
                withdrawn.len() as u64,
            ],
        )
        .map_err(sql(Doing::LoggingImport))?;
        tx.commit().map_err(sql(Doing::CommittingImport))?;
        // Issue 15: the observer's statement covers the reference data as imported.
        self.refresh_statement()?;
        Ok(CandidateImport {
            info,
            candidates: count,
            circonscriptions: file_circs.len(),
            added,
            unchanged: unchanged.len(),
            changed,
            withdrawn,
        })
    }

    /// Imports bureaux: all rows of `file` in one transaction, or none. A known bureau is
    /// completed (a circonscription or an address it lacked) or corrected; an empty field of the
    /// file never erases a known value. Circonscriptions not known yet are created.
    pub fn import_bureaux(
        &mut self,
        file: &Path,
        now: DateTime<Utc>,
        read: Reader<'_, BureauRow>,
    ) -> Result<BureauImport, ImportFailure> {
        let path = self.path.clone();
        let sql = |context: Doing| {
            let path = path.clone();
            move |e| StorageError::sqlite(&path, context, e)
        };
        // A national table is some 1,500 pages of bureaux and their index: a page cache that holds
        // them all keeps SQLite from spilling dirty pages to the WAL in mid-transaction (the
        // default cache is 2 MiB). Memory is taken only as pages are used; reset afterwards.
        let cache_pages: i64 = self
            .conn
            .pragma_query_value(None, "cache_size", |r| r.get(0))
            .map_err(sql(Doing::ReadingPageCacheSize))?;
        self.conn
            .pragma_update(None, "cache_size", IMPORT_CACHE_KIB)
            .map_err(sql(Doing::EnlargingPageCache))?;
        let result = self.import_bureaux_in_cache(file, now, read);
        let reset = self.conn.pragma_update(None, "cache_size", cache_pages);
        let summary = result?;
        reset.map_err(sql(Doing::ResettingPageCacheSize))?;
        Ok(summary)
    }

    fn import_bureaux_in_cache(
        &mut self,
        file: &Path,
        now: DateTime<Utc>,
        read: Reader<'_, BureauRow>,
    ) -> Result<BureauImport, ImportFailure> {
        let path = self.path.clone();
        let sql = |context: Doing| {
            let path = path.clone();
            move |e| StorageError::sqlite(&path, context, e)
        };
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sql(Doing::StartingImport))?;
        let mut known_circs: HashSet<String> = {
            let mut stmt = tx
                .prepare("SELECT code FROM circonscription")
                .map_err(sql(Doing::ReadingCirconscriptions))?;
            let rows = stmt
                .query_map([], |r| r.get(0))
                .map_err(sql(Doing::ReadingCirconscriptions))?;
            rows.collect::<Result<_, _>>()
                .map_err(sql(Doing::ReadingCirconscriptions))?
        };
        let (mut added, mut changed, mut unchanged, mut without) = (0usize, 0usize, 0usize, 0usize);
        let mut storage_error: Option<rusqlite::Error> = None;
        let mut count = 0u64;
        // Into an empty bureau table (the first import of a national table), every row is new:
        // the importer refuses a bureau listed twice, and the transaction keeps other writers
        // out. Rows then go in by batches of several rows per statement, and the index by
        // circonscription is built once at the end (sorted) instead of row by row.
        let fresh: bool = tx
            .query_row("SELECT NOT EXISTS (SELECT 1 FROM bureau)", [], |r| r.get(0))
            .map_err(sql(Doing::ReadingBureaux))?;
        let index_sql: Option<String> = if fresh {
            let sql_text: Option<String> = tx
                .query_row(
                    "SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = 'bureau_by_circonscription'",
                    [],
                    |r| r.get(0),
                )
                .optional()
                .map_err(sql(Doing::ReadingSchema))?;
            if sql_text.is_some() {
                tx.execute_batch("DROP INDEX bureau_by_circonscription")
                    .map_err(sql(Doing::DeferringCirconscriptionIndex))?;
            }
            sql_text
        } else {
            None
        };
        // Prepared once: this runs for each of some 69,000 rows.
        let mut insert_new = tx
            .prepare(
                "INSERT INTO bureau (code, circonscription, label, address, commune)
                 VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (code) DO NOTHING",
            )
            .map_err(sql(Doing::PreparingImport))?;
        let mut insert_batch = tx
            .prepare(&format!(
                "INSERT INTO bureau (code, circonscription, label, address, commune) VALUES {}",
                vec!["(?, ?, ?, ?, ?)"; BATCH].join(", ")
            ))
            .map_err(sql(Doing::PreparingImport))?;
        let mut batch: Vec<BureauRow> = Vec::with_capacity(BATCH);
        // A voting-machines column's values, set once every row is in.
        let mut machines: Vec<(BureauCode, bool)> = Vec::new();
        let info = {
            let mut sink = |row: BureauRow| -> Result<(), ImportError> {
                count += 1;
                let line = row.line;
                if let Some(flag) = row.voting_machines {
                    machines.push((row.code.clone(), flag));
                }
                let result = (|| -> rusqlite::Result<()> {
                    if let Some(circ) = &row.circonscription
                        && !known_circs.contains(circ.as_str())
                    {
                        tx.prepare_cached(
                            "INSERT INTO circonscription (code, label) VALUES (?1, ?2) ON CONFLICT (code) DO NOTHING",
                        )?
                        .execute(params![circ.as_str(), format!("Circonscription {circ}")])?;
                        known_circs.insert(circ.as_str().to_owned());
                    }
                    if fresh {
                        added += 1;
                        if row.circonscription.is_none() {
                            without += 1;
                        }
                        batch.push(row);
                        if batch.len() == BATCH {
                            bind_bureaux(&mut insert_batch, &batch)?;
                            insert_batch.raw_execute()?;
                            batch.clear();
                        }
                        return Ok(());
                    }
                    // (The importer refuses a bureau listed twice, naming both lines.)
                    let code = row.code.as_str();
                    let new_circ = row.circonscription.as_ref().map(|c| c.as_str());
                    // Most rows are new: one statement for them, a lookup only for known bureaux.
                    let inserted = insert_new.execute(params![
                        code,
                        new_circ,
                        row.label,
                        row.address,
                        row.commune
                    ])?;
                    if inserted == 1 {
                        added += 1;
                        if new_circ.is_none() {
                            without += 1;
                        }
                        return Ok(());
                    }
                    type Known = (Option<String>, String, String, String);
                    let old: Option<Known> = tx
                        .prepare_cached("SELECT circonscription, label, address, commune FROM bureau WHERE code = ?1")?
                        .query_row([code], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
                        .optional()?;
                    let keep = |new: &str, old: &str| {
                        if new.is_empty() {
                            old.to_owned()
                        } else {
                            new.to_owned()
                        }
                    };
                    match old {
                        None => {}
                        Some((circ, label, address, commune)) => {
                            let merged = (
                                new_circ.map(str::to_owned).or_else(|| circ.clone()),
                                keep(&row.label, &label),
                                keep(&row.address, &address),
                                keep(&row.commune, &commune),
                            );
                            if merged.0.is_none() {
                                without += 1;
                            }
                            if merged == (circ, label, address, commune) {
                                unchanged += 1;
                            } else {
                                tx.prepare_cached(
                                    "UPDATE bureau SET circonscription = ?2, label = ?3, address = ?4, commune = ?5
                                     WHERE code = ?1",
                                )?
                                .execute(params![code, merged.0, merged.1, merged.2, merged.3])?;
                                changed += 1;
                            }
                        }
                    }
                    Ok(())
                })();
                result.map_err(|e| {
                    let message = e.to_string();
                    storage_error = Some(e);
                    ImportError::at(file, line, ImportText::DatabaseWrite).value(message)
                })
            };
            match read(&mut sink) {
                Ok(info) => info,
                Err(e) => {
                    return Err(match storage_error {
                        Some(s) => {
                            StorageError::sqlite(&self.path, Doing::ImportingBureaux, s).into()
                        }
                        None => e.into(),
                    });
                }
            }
        };
        // The last rows, fewer than a batch.
        for row in &batch {
            insert_new
                .execute(params![
                    row.code.as_str(),
                    row.circonscription.as_ref().map(|c| c.as_str()),
                    row.label,
                    row.address,
                    row.commune
                ])
                .map_err(sql(Doing::ImportingBureaux))?;
        }
        drop(insert_new);
        drop(insert_batch);
        for (code, flag) in &machines {
            tx.prepare_cached(
                "UPDATE bureau SET voting_machines = ?2 WHERE code = ?1 AND voting_machines <> ?2",
            )
            .and_then(|mut stmt| stmt.execute(params![code.as_str(), flag]))
            .map_err(sql(Doing::ImportingBureaux))?;
        }
        if let Some(index) = index_sql {
            tx.execute_batch(&index)
                .map_err(sql(Doing::IndexingBureaux))?;
        }
        log_import(
            &tx,
            "bureaux",
            file,
            &info,
            now,
            [count, added as u64, changed as u64, 0],
        )
        .map_err(sql(Doing::LoggingImport))?;
        tx.commit().map_err(sql(Doing::CommittingImport))?;
        // Issue 15: the observer's statement covers the reference data as imported.
        self.refresh_statement()?;
        Ok(BureauImport {
            info,
            bureaux: count,
            added,
            changed,
            unchanged,
            without_circonscription: without,
        })
    }
}
