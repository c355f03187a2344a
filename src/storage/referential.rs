//! Reading and writing the election and its reference data.

use std::collections::BTreeMap;
use std::path::Path;

use rusqlite::{Connection, Transaction, params};

use super::error::DataProblem;
use super::{Doing, StorageError};
use crate::domain::referential::ElectionData;
use crate::domain::{
    Bureau, BureauCode, Candidate, Circonscription, CirconscriptionCode, Election, ElectionKind,
    Panel, Referential, Sex,
};

/// The `setting` row counting the changes of the reference data (election, circonscriptions,
/// candidates, bureaux): every writer of those tables bumps it ([`touch`]) in its own
/// transaction, so that a reader holding the reference data (the coordination view) learns by
/// one lookup whether it must read them again ([`version`]).
const REFERENCE_VERSION: &str = "reference_version";

/// Counts one more change of the reference data (inside the writer's transaction: a rollback
/// undoes the count with the rows).
pub(super) fn touch(conn: &Connection) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO setting (key, value) VALUES (?1, '1')
         ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1",
    )?
    .execute([REFERENCE_VERSION])
    .map(drop)
}

/// How many changes of the reference data were counted (0 when none: a file from before the
/// count, or never changed since its creation).
pub(super) fn version(conn: &Connection) -> rusqlite::Result<i64> {
    use rusqlite::OptionalExtension;
    Ok(conn
        .prepare_cached("SELECT CAST(value AS INTEGER) FROM setting WHERE key = ?1")?
        .query_row([REFERENCE_VERSION], |r| r.get::<_, i64>(0))
        .optional()?
        .unwrap_or(0))
}

/// Writes the election and its reference data into a new file (no change to count: a reader
/// starts by reading them).
pub(super) fn insert(tx: &Transaction<'_>, data: &ElectionData) -> rusqlite::Result<()> {
    let e = &data.election;
    tx.execute(
        "INSERT INTO election (singleton, kind, year, round, date) VALUES (1, ?1, ?2, ?3, ?4)",
        params![
            e.kind.slug(),
            e.year,
            e.round,
            e.date.map(|d| d.format("%Y-%m-%d").to_string())
        ],
    )?;
    let mut circ = tx.prepare("INSERT INTO circonscription (code, label) VALUES (?1, ?2)")?;
    for c in data.referential.circonscriptions.values() {
        circ.execute(params![c.code.as_str(), c.label])?;
    }
    let mut cand = tx.prepare(
        "INSERT INTO candidate (circonscription, panel, surname, given_name, sex, nuance)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for c in data.referential.candidates.values().flatten() {
        cand.execute(params![
            c.circonscription.as_str(),
            c.panel.get(),
            c.surname,
            c.given_name,
            c.sex.as_str(),
            c.nuance
        ])?;
    }
    let mut bureau = tx.prepare(
        "INSERT INTO bureau (code, circonscription, label, address, commune, voting_machines)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for b in data.referential.bureaux.values() {
        bureau.execute(params![
            b.code.as_str(),
            b.circonscription.as_ref().map(CirconscriptionCode::as_str),
            b.label,
            b.address,
            b.commune,
            b.voting_machines
        ])?;
    }
    Ok(())
}

/// The election alone.
pub(super) fn election(conn: &Connection, path: &Path) -> Result<Election, StorageError> {
    let sql = |e| StorageError::sqlite(path, Doing::ReadingElection, e);
    let invalid = |what: DataProblem| StorageError::Invalid {
        path: path.to_owned(),
        what,
    };
    let (kind, year, round, date): (String, u16, u8, Option<String>) = conn
        .query_row(
            "SELECT kind, year, round, date FROM election WHERE singleton = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .map_err(sql)?;
    Ok(Election {
        kind: kind
            .parse::<ElectionKind>()
            .map_err(|k| invalid(DataProblem::ElectionKind(k)))?,
        year,
        round,
        date: match date {
            Some(d) => Some(
                chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d")
                    .map_err(|_| invalid(DataProblem::ElectionDate(d.clone())))?,
            ),
            None => None,
        },
    })
}

pub(super) fn load(conn: &Connection, path: &Path) -> Result<ElectionData, StorageError> {
    let sql = |e| StorageError::sqlite(path, Doing::ReadingReferenceData, e);
    let invalid = |what: DataProblem| StorageError::Invalid {
        path: path.to_owned(),
        what,
    };
    let election = election(conn, path)?;

    let mut referential = Referential {
        election_day: election.date,
        election_kind: Some(election.kind),
        ..Referential::default()
    };
    let mut stmt = conn
        .prepare("SELECT code, label FROM circonscription ORDER BY code")
        .map_err(sql)?;
    let rows = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
        .map_err(sql)?;
    for row in rows {
        let (code, label) = row.map_err(sql)?;
        let code = CirconscriptionCode::parse(&code).map_err(|e| invalid(DataProblem::Code(e)))?;
        referential
            .circonscriptions
            .insert(code.clone(), Circonscription { code, label });
    }

    // Files of schema 1 (another observer's, read as they are) have no `withdrawn` column.
    let version: u32 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(sql)?;
    let mut stmt = conn
        .prepare(if version >= 2 {
            "SELECT circonscription, panel, surname, given_name, sex, nuance
             FROM candidate WHERE withdrawn = 0 ORDER BY circonscription, panel"
        } else {
            "SELECT circonscription, panel, surname, given_name, sex, nuance
             FROM candidate ORDER BY circonscription, panel"
        })
        .map_err(sql)?;
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, u16>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
            ))
        })
        .map_err(sql)?;
    let mut candidates: BTreeMap<CirconscriptionCode, Vec<Candidate>> = BTreeMap::new();
    for row in rows {
        let (circ, panel, surname, given_name, sex, nuance) = row.map_err(sql)?;
        let circonscription =
            CirconscriptionCode::parse(&circ).map_err(|e| invalid(DataProblem::Code(e)))?;
        candidates
            .entry(circonscription.clone())
            .or_default()
            .push(Candidate {
                circonscription,
                panel: Panel::new(panel).map_err(|e| invalid(DataProblem::Code(e)))?,
                surname,
                given_name,
                sex: Sex::parse(&sex).ok_or_else(|| invalid(DataProblem::Sex(sex.clone())))?,
                nuance,
            });
    }
    referential.candidates = candidates;

    let mut stmt = conn
        .prepare(&format!(
            "SELECT {BUREAU_COLUMNS} FROM bureau ORDER BY code"
        ))
        .map_err(sql)?;
    let rows = stmt.query_map([], bureau_from_row).map_err(sql)?;
    for row in rows {
        let bureau = bureau_of_row(path, row.map_err(sql)?)?;
        referential.bureaux.insert(bureau.code.clone(), bureau);
    }
    Ok(ElectionData {
        election,
        referential,
    })
}

/// The columns [`bureau_from_row`] reads, in its order.
const BUREAU_COLUMNS: &str = "code, circonscription, label, address, commune, voting_machines";

fn bureau_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<BureauRow> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
    ))
}

type BureauRow = (String, Option<String>, String, String, String, bool);

/// Checks a bureau row's codes.
fn bureau_of_row(path: &Path, row: BureauRow) -> Result<Bureau, StorageError> {
    let (code, circ, label, address, commune, voting_machines) = row;
    let invalid = |what: DataProblem| StorageError::Invalid {
        path: path.to_owned(),
        what,
    };
    Ok(Bureau {
        code: BureauCode::parse(&code).map_err(|e| invalid(DataProblem::Code(e)))?,
        circonscription: circ
            .map(|c| CirconscriptionCode::parse(&c).map_err(|e| invalid(DataProblem::Code(e))))
            .transpose()?,
        label,
        address,
        commune,
        voting_machines,
    })
}

/// One bureau, looked up by code (no full load).
pub(super) fn bureau(
    conn: &Connection,
    path: &Path,
    code: &BureauCode,
) -> Result<Option<Bureau>, StorageError> {
    use rusqlite::OptionalExtension;
    let sql = |e| StorageError::sqlite(path, Doing::ReadingBureau, e);
    let row = conn
        .prepare_cached(&format!(
            "SELECT {BUREAU_COLUMNS} FROM bureau WHERE code = ?1"
        ))
        .map_err(sql)?
        .query_row([code.as_str()], bureau_from_row)
        .optional()
        .map_err(sql)?;
    row.map(|row| bureau_of_row(path, row)).transpose()
}

/// The bureaux of one circonscription, in code order (no full load).
pub(super) fn bureaux_of(
    conn: &Connection,
    path: &Path,
    circ: &CirconscriptionCode,
) -> Result<Vec<Bureau>, StorageError> {
    let sql = |e| StorageError::sqlite(path, Doing::ReadingBureaux, e);
    let mut stmt = conn
        .prepare_cached(&format!(
            "SELECT {BUREAU_COLUMNS} FROM bureau WHERE circonscription = ?1 ORDER BY code"
        ))
        .map_err(sql)?;
    let rows = stmt
        .query_map([circ.as_str()], bureau_from_row)
        .map_err(sql)?;
    rows.map(|row| bureau_of_row(path, row.map_err(sql)?))
        .collect()
}

/// One circonscription and its candidates in panel order (no full load).
pub(super) fn circonscription(
    conn: &Connection,
    path: &Path,
    code: &CirconscriptionCode,
) -> Result<Option<(Circonscription, Vec<Candidate>)>, StorageError> {
    use rusqlite::OptionalExtension;
    let sql = |e| StorageError::sqlite(path, Doing::ReadingCirconscription, e);
    let invalid = |what: DataProblem| StorageError::Invalid {
        path: path.to_owned(),
        what,
    };
    let label: Option<String> = conn
        .prepare_cached("SELECT label FROM circonscription WHERE code = ?1")
        .map_err(sql)?
        .query_row([code.as_str()], |r| r.get(0))
        .optional()
        .map_err(sql)?;
    let Some(label) = label else {
        return Ok(None);
    };
    let mut stmt = conn
        .prepare_cached(
            "SELECT panel, surname, given_name, sex, nuance FROM candidate
             WHERE circonscription = ?1 AND withdrawn = 0 ORDER BY panel",
        )
        .map_err(sql)?;
    let rows = stmt
        .query_map([code.as_str()], |r| {
            Ok((
                r.get::<_, u16>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
            ))
        })
        .map_err(sql)?;
    let mut candidates = Vec::new();
    for row in rows {
        let (panel, surname, given_name, sex, nuance) = row.map_err(sql)?;
        candidates.push(Candidate {
            circonscription: code.clone(),
            panel: Panel::new(panel).map_err(|e| invalid(DataProblem::Code(e)))?,
            surname,
            given_name,
            sex: Sex::parse(&sex).ok_or_else(|| invalid(DataProblem::Sex(sex.clone())))?,
            nuance,
        });
    }
    Ok(Some((
        Circonscription {
            code: code.clone(),
            label,
        },
        candidates,
    )))
}

/// Whether the reference rows of another observer's file (`data`, read from `conn`) are the
/// ones its own observer (the `is_local` row, schema 5 on) signed: the statement's digest must be
/// the digest of the rows, or — a file made from a slice of a reference file (issue 18) — the
/// whole file's digest the file records beside the digest of the slice it holds. `None` when the
/// file has no signed local observer with events (earlier schemas, unsigned files, a
/// coordinator's file): nothing to compare.
///
/// A forger who edits a candidate or a bureau of a signed file without the key cannot make them
/// match (issue 15 point 1); the settings of a slice are not signed, so a slice's rows are only
/// checked against its own recorded digest, and never copied over a coordinator's reference data
/// on the fast path.
pub(super) fn rows_as_signed(
    conn: &Connection,
    data: &ElectionData,
) -> rusqlite::Result<Option<bool>> {
    use rusqlite::OptionalExtension;
    // An observer's own file: a local observer who signed and recorded. (A coordinator's file,
    // whose local observer records nothing, may hold rows taken from merges after its last
    // statement: not compared.)
    let signed: Option<Option<String>> = conn
        .query_row(
            "SELECT o.reference_digest FROM observer o
             WHERE o.is_local = 1 AND o.statement IS NOT NULL
               AND EXISTS (SELECT 1 FROM event e WHERE e.observer = o.id)",
            [],
            |r| r.get(0),
        )
        .optional()?;
    let Some(Some(signed)) = signed else {
        return Ok(None);
    };
    let setting = |key: &str| -> rusqlite::Result<Option<String>> {
        conn.query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()
    };
    let own = hex::encode(crate::domain::reference_digest::reference_digest(data));
    if own == signed {
        return Ok(Some(true));
    }
    let slice = setting(super::REFERENCE_SLICE_DIGEST)?;
    let whole = setting(super::REFERENCE_FILE_DIGEST)?;
    Ok(Some(
        slice.as_deref() == Some(own.as_str()) && whole.as_deref() == Some(signed.as_str()),
    ))
}
