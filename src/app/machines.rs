//! `constat machines --from FILE` (issue 18 point 7): a coordinator marks machine bureaux in bulk
//! from a table. Each row is the local observer's Machines event, as `constat machines --bureau`
//! records one; every row is read and checked against the database first, then all are appended
//! in one transaction: an error anywhere (file, line, field) records nothing.

use std::path::Path;

use crate::domain::EventBody;
use crate::domain::event::Moment;
use crate::error::Error;
use crate::i18n::Lang;
use crate::import::{self, ImportError, ImportText, MachinesRow};
use crate::storage::Store;

/// What a table recorded.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MachinesSummary {
    /// Bureaux said to vote on machines.
    pub on: usize,
    /// Bureaux said not to.
    pub off: usize,
}

/// Records the table `file` as Machines events of the local observer, with `note` on each and
/// seen at `seen` (`None`: now), all or nothing.
pub fn machines_from(
    store: &mut Store,
    file: &Path,
    note: Option<&str>,
    seen: Option<Moment>,
    lang: Lang,
) -> Result<MachinesSummary, Error> {
    let mut rows: Vec<MachinesRow> = Vec::new();
    import::read_machines(file, &mut |row| {
        rows.push(row);
        Ok(())
    })
    .map_err(Error::Import)?;
    let election = store.election()?;
    let now = super::now();
    let mut summary = MachinesSummary::default();
    let mut pending = Vec::with_capacity(rows.len());
    for row in rows {
        let Some(circ) = store.bureau(&row.code)?.and_then(|b| b.circonscription) else {
            return Err(Error::Import(
                ImportError::at(file, row.line, ImportText::BureauOfThisDatabase)
                    .column(row.column)
                    .value(row.code.as_str())
                    .hint(ImportText::ImportBureauxFirst),
            ));
        };
        let seen_at = match seen {
            Some(moment) => Some(super::seen_at_in(
                moment,
                &election,
                &circ,
                Some(&row.code),
                lang,
            )?),
            None => None,
        };
        if row.machines {
            summary.on += 1;
        } else {
            summary.off += 1;
        }
        let body = EventBody::Machines {
            circonscription: circ,
            bureau: row.code,
            machines: row.machines,
            note: note.map(str::to_owned),
        };
        pending.push((super::new_event_id(), now, seen_at, body));
    }
    store.append_all(pending)?;
    Ok(summary)
}
