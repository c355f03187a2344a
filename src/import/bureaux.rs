//! Bureaux de vote from the three tables constat knows. A bureau is keyed on its commune's INSEE
//! code, `_`, and its number padded to 4 digits when numeric (`75056_0911`).
//!
//! | Table | Recognised by | Code | Circonscription | Label, address, commune |
//! |---|---|---|---|---|
//! | INSEE's REU table `table-bv-reu.csv` | `id_brut_reu` or `libelle_reu` | `id_brut_miom` (re-padded), else `code_commune` + `_` + `code` | none | `libelle_reu`; `num_voie_reu voie_reu, cp_reu commune_reu` (`cp_reu` `00000` left out); `commune_reu` |
//! | Etalab's bureau ↔ circonscription table | `codeBureauVote` or `numeroBureauVote` | `codeBureauVote`, else `codeCommune` + `_` + `numeroBureauVote` | `codeCirconscription` (`ZC01`, `7501`, or a number beside `codeDepartement`) | `<nomCommune> - bureau <n>`; no address; `nomCommune` / `libelleCommune` |
//! | 2017 results by bureau, fixed columns (`Code du département;…;Code du b.vote;…`) | `Code du b.vote` | département + `Code de la commune` on 3 digits (`75` + `056` → `75056`; `ZA` + `101` → `97101`) + `_` + `Code du b.vote` | `Code du département` + `Code de la circonscription` (`75` + `01` → `7501`) | `<Libellé de la commune> - bureau <n>`; no address; `Libellé de la commune` |
//!
//! A bureau twice in one file is an error naming both lines.

use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::path::Path;

use super::aliases::{self, Header};
use super::departement;
use super::table::{Row, RowSource};
use super::{BureauRow, Expected, Field, FileFormat, ImportError, ImportText};
use crate::domain::{BureauCode, CirconscriptionCode};

/// What receives the rows.
pub(crate) type Sink<'s> = dyn FnMut(BureauRow) -> Result<(), ImportError> + 's;

#[derive(Debug, Clone, Copy)]
enum Layout {
    Reu {
        miom: Option<usize>,
        commune_code: usize,
        number: usize,
        label: Option<usize>,
        street_number: Option<usize>,
        street: Option<usize>,
        postcode: Option<usize>,
        commune: Option<usize>,
    },
    Etalab {
        code: Option<usize>,
        commune_code: usize,
        number: usize,
        dep: Option<usize>,
        circ: Option<usize>,
        commune: Option<usize>,
    },
    Results2017 {
        dep: usize,
        circ: usize,
        commune_code: usize,
        commune: Option<usize>,
        number: usize,
    },
}

impl Layout {
    fn format(self) -> FileFormat {
        match self {
            Self::Reu { .. } => FileFormat::BureauxReu,
            Self::Etalab { .. } => FileFormat::BureauxEtalab,
            Self::Results2017 { .. } => FileFormat::BureauxResults2017,
        }
    }
}

fn resolve(path: &Path, h: &Header) -> Result<Layout, ImportError> {
    let need = |names: &'static [&'static str], what: Field| {
        h.find(names).ok_or_else(|| h.missing(path, what, names))
    };
    if h.has(&["id_brut_reu", "libelle_reu"]) {
        return Ok(Layout::Reu {
            miom: h.find(&["id_brut_miom"]),
            commune_code: need(&["code_commune"], Field::CommuneInsee)?,
            number: need(&["code"], Field::BureauNumberInCommune)?,
            label: h.find(&["libelle_reu"]),
            street_number: h.find(&["num_voie_reu"]),
            street: h.find(&["voie_reu"]),
            postcode: h.find(&["cp_reu"]),
            commune: h.find(&["commune_reu"]),
        });
    }
    if h.has(&["codeBureauVote", "numeroBureauVote"]) {
        return Ok(Layout::Etalab {
            code: h.find(&["codeBureauVote"]),
            commune_code: need(&["codeCommune"], Field::CommuneInsee)?,
            number: need(&["numeroBureauVote"], Field::BureauNumber)?,
            dep: h.find(&["codeDepartement"]),
            circ: h.find(&["codeCirconscription"]),
            commune: h.find(&["nomCommune", "libelleCommune"]),
        });
    }
    if h.has(&["Code du b.vote", "Code BV"]) {
        return Ok(Layout::Results2017 {
            dep: need(
                &["Code du département", "Code département"],
                Field::Departement,
            )?,
            circ: need(
                &["Code de la circonscription", "Code circonscription"],
                Field::Circonscription,
            )?,
            commune_code: need(&["Code de la commune", "Code commune"], Field::Commune)?,
            commune: h.find(&["Libellé de la commune", "Libellé commune"]),
            number: need(&["Code du b.vote", "Code BV"], Field::BureauNumber)?,
        });
    }
    let e = ImportError::at(path, h.line(), ImportText::BureauTable)
        .value(ImportText::NoneOfTheirColumns);
    Err(
        if h.has(aliases::PANEL) || h.has(&["Nom du candidat", "Nom candidat", "NomPsn"]) {
            e.hint(ImportText::LooksLikeCandidates)
        } else {
            e.hint(ImportText::FileColumns {
                columns: h.listing(),
            })
        },
    )
}

/// Reads every bureau of `src`, handing each to `sink`.
pub(crate) fn read_table(
    src: &mut dyn RowSource,
    path: &Path,
    sink: &mut Sink<'_>,
) -> Result<FileFormat, ImportError> {
    let header = Header::new(src.header());
    let layout = resolve(path, &header)?;
    // Fx hashing: this map grows by one key per row of a 69,000-row table.
    let mut seen = Seen::default();
    let mut row = Row::default();
    let r = Reader {
        path,
        header: &header,
        circonscriptions: RefCell::default(),
    };
    // Any layout may carry whether each bureau votes on machines.
    let machines = header.find(MACHINES);
    while src.next_row(&mut row)? {
        let (mut bureau, code_column) = r.bureau(&row, layout)?;
        if let Some(column) = machines {
            bureau.voting_machines = r.yes_no(&row, column)?;
        }
        if let Some(first) = seen.insert(&bureau.code, row.line()) {
            return Err(r
                .error(&row, code_column, ImportText::EachBureauOnce)
                .value(bureau.code.as_str())
                .hint(ImportText::DuplicateBureau {
                    first: first.to_string(),
                    code: bureau.code.to_string(),
                    line: row.line().to_string(),
                }));
        }
        sink(bureau)?;
    }
    if seen.is_empty() {
        return Err(
            ImportError::at(path, header.line(), ImportText::BureauAfterHeader)
                .value(ImportText::HeaderNoRows)
                .hint(ImportText::CutShort),
        );
    }
    Ok(layout.format())
}

/// The bureaux read so far and their lines. A code (at most 14 ASCII bytes) is kept inline, zero
/// padded, so that recording one allocates nothing; a longer one (none is) in a map of its own.
#[derive(Default)]
struct Seen {
    short: FxHashMap<[u8; 16], u64>,
    long: FxHashMap<String, u64>,
}

impl Seen {
    /// Records `code` at `line`; if it was already there, its first line (the record is kept).
    fn insert(&mut self, code: &BureauCode, line: u64) -> Option<u64> {
        let bytes = code.as_str().as_bytes();
        if bytes.len() <= 16 && !bytes.contains(&0) {
            let mut key = [0u8; 16];
            key[..bytes.len()].copy_from_slice(bytes);
            if self.short.capacity() == 0 {
                self.short.reserve(1 << 12);
            }
            match self.short.entry(key) {
                std::collections::hash_map::Entry::Occupied(first) => Some(*first.get()),
                std::collections::hash_map::Entry::Vacant(v) => {
                    v.insert(line);
                    None
                }
            }
        } else {
            match self.long.get(code.as_str()) {
                Some(&first) => Some(first),
                None => {
                    self.long.insert(code.as_str().to_owned(), line);
                    None
                }
            }
        }
    }

    fn is_empty(&self) -> bool {
        self.short.is_empty() && self.long.is_empty()
    }
}

struct Reader<'a> {
    path: &'a Path,
    header: &'a Header,
    /// Circonscriptions already normalised, by their raw (département, circonscription) fields:
    /// a national table names each of its 577 circonscriptions some 120 times.
    circonscriptions: RefCell<(String, FxHashMap<String, CirconscriptionCode>)>,
}

/// Names of a column saying whether a bureau votes on machines (also `constat machines --from`).
pub(super) const MACHINES: &[&str] = &[
    "voting_machines",
    "machines",
    "machine_a_voter",
    "machines_a_voter",
    "machine à voter",
    "machines à voter",
    "Machine à voter",
    "Machines à voter",
];

impl Reader<'_> {
    /// A yes/no cell (`1`, `oui`, `O`, `true`, `vrai`, `x` / `0`, `non`, `N`, `false`, `faux`);
    /// empty says nothing.
    fn yes_no(&self, row: &Row, column: usize) -> Result<Option<bool>, ImportError> {
        match row.get(column).trim().to_lowercase().as_str() {
            "" => Ok(None),
            "1" | "oui" | "o" | "yes" | "y" | "true" | "vrai" | "x" => Ok(Some(true)),
            "0" | "non" | "n" | "no" | "false" | "faux" => Ok(Some(false)),
            _ => Err(self.error(row, column, ImportText::MachinesYesNo)),
        }
    }

    fn error(&self, row: &Row, column: usize, expected: impl Into<Expected>) -> ImportError {
        ImportError::at(self.path, row.line(), expected)
            .column(self.header.name(column))
            .value(row.get(column))
    }

    /// A text field without control characters.
    fn text(&self, row: &Row, column: Option<usize>) -> Result<String, ImportError> {
        let Some(i) = column else {
            return Ok(String::new());
        };
        let value = row.get(i);
        if value.chars().any(|c| c.is_control() || c == '\u{FFFD}') {
            return Err(self
                .error(row, i, ImportText::TextWithoutControl)
                .value(value.escape_debug().to_string())
                .hint(ImportText::MayMixEncodings));
        }
        Ok(value.to_owned())
    }

    fn commune_code(&self, row: &Row, column: usize) -> Result<String, ImportError> {
        departement::insee_code(row.get(column))
            .ok_or_else(|| self.error(row, column, ImportText::CommuneInsee))
    }

    fn number(&self, row: &Row, column: usize) -> Result<String, ImportError> {
        departement::bureau_number(row.get(column))
            .ok_or_else(|| self.error(row, column, ImportText::BureauNumberCode))
    }

    fn code(&self, row: &Row, column: usize, raw: &str) -> Result<BureauCode, ImportError> {
        BureauCode::parse(raw).map_err(|e| self.error(row, column, e))
    }

    /// A code written whole (`75056_0911`, `01001_1`), its number re-padded.
    fn whole_code(&self, row: &Row, column: usize) -> Result<BureauCode, ImportError> {
        let raw = row.get(column);
        // Most codes are written as keyed already (`75056_0911`): parsed as they are, without
        // rebuilding them from their normalised parts (which would give the same text).
        if let Some((commune, number)) = raw.split_once('_')
            && departement::is_normal_insee_code(commune)
            && departement::is_normal_bureau_number(number)
        {
            return self.code(row, column, raw);
        }
        let padded = raw.split_once('_').and_then(|(commune, number)| {
            Some(format!(
                "{}_{}",
                departement::insee_code(commune)?,
                departement::bureau_number(number)?
            ))
        });
        match padded {
            Some(code) => self.code(row, column, &code),
            None => Err(self.error(row, column, ImportText::BureauCodeWhole)),
        }
    }

    fn circonscription(
        &self,
        row: &Row,
        dep: Option<usize>,
        circ: usize,
    ) -> Result<CirconscriptionCode, ImportError> {
        let dep_raw = dep.map(|d| row.get(d));
        let circ_raw = row.get(circ);
        let mut cache = self.circonscriptions.borrow_mut();
        let (key, known) = &mut *cache;
        // The key: the département field (an empty one is no département, as for
        // `departement::circonscription`), NUL, the circonscription field. Only valid fields are
        // kept, and neither of them has a NUL: the key names one pair of fields.
        key.clear();
        key.push_str(dep_raw.unwrap_or(""));
        key.push('\0');
        key.push_str(circ_raw);
        if let Some(code) = known.get(key.as_str()) {
            return Ok(code.clone());
        }
        let code = departement::circonscription(dep_raw, circ_raw)
            .map_err(|e| self.error(row, circ, e.expected()))?;
        known.insert(key.clone(), code.clone());
        Ok(code)
    }

    /// The bureau of a row, and the column its code was taken from.
    fn bureau(&self, row: &Row, layout: Layout) -> Result<(BureauRow, usize), ImportError> {
        let line = row.line();
        match layout {
            Layout::Reu {
                miom,
                commune_code,
                number,
                label,
                street_number,
                street,
                postcode,
                commune,
            } => {
                self.commune_code(row, commune_code)?;
                let (code, column) = match miom.filter(|&m| !matches!(row.get(m), "" | "NA")) {
                    Some(m) => (self.whole_code(row, m)?, m),
                    None => {
                        let insee = self.commune_code(row, commune_code)?;
                        let n = self.number(row, number)?;
                        (self.code(row, number, &format!("{insee}_{n}"))?, number)
                    }
                };
                let n = code
                    .as_str()
                    .split_once('_')
                    .map_or("", |(_, n)| n)
                    .to_owned();
                let commune = self.text(row, commune)?;
                let street_part = [self.text(row, street_number)?, self.text(row, street)?]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ");
                let postcode = self.text(row, postcode)?;
                let town_part = [
                    if postcode == "00000" {
                        String::new()
                    } else {
                        postcode
                    },
                    commune.clone(),
                ]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
                let address = if street_part.is_empty() {
                    String::new()
                } else if town_part.is_empty() {
                    street_part
                } else {
                    format!("{street_part}, {town_part}")
                };
                let label = match self.text(row, label)? {
                    l if l.is_empty() => format!("Bureau {n}"),
                    l => l,
                };
                Ok((
                    BureauRow {
                        line,
                        code,
                        label,
                        address,
                        commune,
                        circonscription: None,
                        voting_machines: None,
                    },
                    column,
                ))
            }
            Layout::Etalab {
                code,
                commune_code,
                number,
                dep,
                circ,
                commune,
            } => {
                let insee = self.commune_code(row, commune_code)?;
                let n = self.number(row, number)?;
                let (bureau, column) = match code.filter(|&c| !row.get(c).is_empty()) {
                    Some(c) => (self.whole_code(row, c)?, c),
                    None => (self.code(row, number, &format!("{insee}_{n}"))?, number),
                };
                let circonscription = match circ.filter(|&c| !row.get(c).is_empty()) {
                    Some(c) => Some(self.circonscription(row, dep, c)?),
                    None => None,
                };
                let commune = self.text(row, commune)?;
                Ok((
                    BureauRow {
                        line,
                        code: bureau,
                        label: bureau_label(&commune, &n),
                        address: String::new(),
                        commune,
                        circonscription,
                        voting_machines: None,
                    },
                    column,
                ))
            }
            Layout::Results2017 {
                dep,
                circ,
                commune_code,
                commune,
                number,
            } => {
                let dep_code = departement::departement(row.get(dep))
                    .ok_or_else(|| self.error(row, dep, ImportText::DepartementCode))?;
                let circonscription = self.circonscription(row, Some(dep), circ)?;
                let insee = departement::commune_of(&dep_code, row.get(commune_code))
                    .ok_or_else(|| self.error(row, commune_code, ImportText::CommuneNumber))?;
                let n = self.number(row, number)?;
                let code = self.code(row, number, &format!("{insee}_{n}"))?;
                let commune = self.text(row, commune)?;
                Ok((
                    BureauRow {
                        line,
                        code,
                        label: bureau_label(&commune, &n),
                        address: String::new(),
                        commune,
                        circonscription: Some(circonscription),
                        voting_machines: None,
                    },
                    number,
                ))
            }
        }
    }
}

fn bureau_label(commune: &str, number: &str) -> String {
    if commune.is_empty() {
        format!("Bureau {number}")
    } else {
        format!("{commune} - bureau {number}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Rows(Vec<Row>, usize);

    impl RowSource for Rows {
        fn header(&self) -> &Row {
            &self.0[0]
        }
        fn next_row(&mut self, row: &mut Row) -> Result<bool, ImportError> {
            self.1 += 1;
            match self.0.get(self.1) {
                Some(r) => {
                    *row = r.clone();
                    Ok(true)
                }
                None => Ok(false),
            }
        }
    }

    fn read(lines: &[&str]) -> Result<(FileFormat, Vec<BureauRow>), ImportError> {
        let rows = lines
            .iter()
            .enumerate()
            .map(|(i, l)| Row::from_fields(i as u64 + 1, &l.split(';').collect::<Vec<_>>()))
            .collect();
        let mut out = Vec::new();
        let format = read_table(&mut Rows(rows, 0), Path::new("b.csv"), &mut |r| {
            out.push(r);
            Ok(())
        })?;
        Ok((format, out))
    }

    const REU: &str = "id_brut_reu;id_brut_insee;code_commune;code;libelle_reu;num_voie_reu;voie_reu;cp_reu;commune_reu;id_brut_miom";

    #[test]
    fn reu_rows_get_a_padded_code_an_address_and_no_circonscription() {
        let (format, rows) = read(&[
            REU,
            "75109_911;75109_911;75056;911;Ecole élémentaire;11;rue Clauzel;75009;Paris;75056_0911",
            "01001_1;01001_1;1001;1;Mairie;;;00000;L'Abergement-Clémenciat;",
            "2A004_2;2A004_2;2A004;2;Salle des fêtes;2;cours Napoléon;20000;Ajaccio;2A004_2",
        ])
        .unwrap();
        assert_eq!(format, FileFormat::BureauxReu);
        let got: Vec<_> = rows
            .iter()
            .map(|r| {
                (
                    r.code.as_str(),
                    r.label.as_str(),
                    r.address.as_str(),
                    r.commune.as_str(),
                    r.circonscription.is_none(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    "75056_0911",
                    "Ecole élémentaire",
                    "11 rue Clauzel, 75009 Paris",
                    "Paris",
                    true
                ),
                ("01001_0001", "Mairie", "", "L'Abergement-Clémenciat", true),
                (
                    "2A004_0002",
                    "Salle des fêtes",
                    "2 cours Napoléon, 20000 Ajaccio",
                    "Ajaccio",
                    true
                ),
            ]
        );
    }

    #[test]
    fn etalab_rows_give_the_circonscription() {
        let (format, rows) = read(&[
            "codeDepartement;codeCirconscription;codeCommune;nomCommune;numeroBureauVote;codeBureauVote",
            "973;ZC01;97302;Cayenne;0004;97302_0004",
            "75;7501;75056;Paris;0911;",
        ])
        .unwrap();
        assert_eq!(format, FileFormat::BureauxEtalab);
        assert_eq!(rows[0].code.as_str(), "97302_0004");
        assert_eq!(
            rows[0]
                .circonscription
                .as_ref()
                .map(CirconscriptionCode::as_str),
            Some("ZC01")
        );
        assert_eq!(rows[0].label, "Cayenne - bureau 0004");
        assert_eq!(rows[1].code.as_str(), "75056_0911");
        assert_eq!(
            rows[1]
                .circonscription
                .as_ref()
                .map(CirconscriptionCode::as_str),
            Some("7501")
        );
    }

    #[test]
    fn results_2017_rows_join_departement_commune_and_bureau() {
        let (format, rows) = read(&[
            ";Code du département;Libellé du département;Code de la circonscription;Libellé de la circonscription;Code de la commune;Libellé de la commune;Code du b.vote;Inscrits",
            "51451;75;Paris;01;1ère circonscription;056;Paris;0101;1078",
            "1;ZA;Guadeloupe;1;1ère circonscription;101;Les Abymes;1;900",
        ])
        .unwrap();
        assert_eq!(format, FileFormat::BureauxResults2017);
        assert_eq!(rows[0].code.as_str(), "75056_0101");
        assert_eq!(
            rows[0]
                .circonscription
                .as_ref()
                .map(CirconscriptionCode::as_str),
            Some("7501")
        );
        assert_eq!(rows[0].label, "Paris - bureau 0101");
        assert_eq!(rows[1].code.as_str(), "97101_0001");
        assert_eq!(
            rows[1]
                .circonscription
                .as_ref()
                .map(CirconscriptionCode::as_str),
            Some("ZA01")
        );
    }

    #[test]
    fn a_duplicate_bureau_names_both_lines() {
        let e = read(&[
            REU,
            "a;a;75056;911;X;;;;Paris;75056_0911",
            "b;b;75056;912;X;;;;Paris;75056_0912",
            "c;c;75056;0911;X;;;;Paris;75056_911",
        ])
        .unwrap_err();
        assert_eq!(
            (e.line, e.column_en().as_deref()),
            (Some(4), Some("id_brut_miom"))
        );
        assert!(e.to_string().contains("lines 2 and 4"), "{e}");
    }

    #[test]
    fn bad_codes_are_refused_with_their_column() {
        let e = read(&[REU, "a;a;7505X6;1;X;;;;Paris;"]).unwrap_err();
        assert_eq!(
            (e.column_en().as_deref(), e.value_en().as_deref()),
            (Some("code_commune"), Some("7505X6"))
        );
        let e = read(&[
            "codeDepartement;codeCirconscription;codeCommune;numeroBureauVote",
            "96;9601;96001;1",
        ])
        .unwrap_err();
        assert_eq!(e.column_en().as_deref(), Some("codeCirconscription"));
    }

    #[test]
    fn a_candidate_list_is_sent_to_the_other_import() {
        let e = read(&[
            "Code circonscription;Numéro de panneau;Nom du candidat",
            "7501;1;A",
        ])
        .unwrap_err();
        assert!(
            e.to_string()
                .contains("import it with `constat import candidates`"),
            "{e}"
        );
    }

    #[test]
    fn header_only_is_refused() {
        let e = read(&[REU]).unwrap_err();
        assert!(
            e.to_string()
                .contains("at least one bureau after the header"),
            "{e}"
        );
    }
}
