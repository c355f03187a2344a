//! `constat roster add|import|list`: the key fingerprints a coordinator enrols beforehand
//! (issue 15 point 2). With a roster, `constat merge` refuses a file signed by a key not
//! enrolled.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use super::Context;
use crate::cli::RosterCommand;
use crate::domain::fingerprint::Fingerprint;
use crate::domain::merge::MAX_NAME;
use crate::domain::outside::escape;
use crate::error::{Error, RosterProblem, TextProblem};
use crate::i18n::Message;
use crate::storage::{Enrolment, open_regular};

/// Largest roster file read (a national roster of 100,000 observers is about 5 MB).
const MAX_ROSTER_BYTES: u64 = 64 << 20;

/// `constat roster`.
pub fn run(cmd: &RosterCommand, ctx: &mut Context<'_>) -> Result<(), Error> {
    match cmd {
        RosterCommand::Add { name, fingerprint } => {
            let name = check_name(name).map_err(|why| Error::BadText { field: "NAME", why })?;
            let fingerprint =
                Fingerprint::parse(fingerprint).ok_or_else(|| Error::BadFingerprint {
                    field: "FINGERPRINT",
                    typed: fingerprint.clone(),
                })?;
            let mut store = ctx.open_store()?;
            let done = store.enrol(&[(name, fingerprint)], crate::app::now())?;
            say_enrolment(&done, ctx);
        }
        RosterCommand::Import { file } => {
            let entries = read_roster(file)?;
            let mut store = ctx.open_store()?;
            let done = store.enrol(&entries, crate::app::now())?;
            say_enrolment(&done, ctx);
        }
        RosterCommand::List => {
            let store = ctx.open_store()?;
            let roster = store.roster()?;
            if roster.is_empty() {
                let line = Message::new("roster-empty").render(ctx.lang);
                ctx.say(&line);
            }
            for e in roster {
                let line = Message::new("roster-entry")
                    .arg("fingerprint", e.fingerprint.to_string())
                    .arg("name", escape(&e.name).into_owned())
                    .arg("added", e.added_at)
                    .render(ctx.lang);
                ctx.say(&line);
            }
        }
    }
    Ok(())
}

fn say_enrolment(done: &Enrolment, ctx: &mut Context<'_>) {
    let line = Message::new("roster-added")
        .arg("count", done.added)
        .render(ctx.lang);
    ctx.say(&line);
    for (fingerprint, name) in &done.already {
        let line = Message::new("roster-already")
            .arg("fingerprint", fingerprint.to_string())
            .arg("name", escape(name).into_owned())
            .render(ctx.lang);
        ctx.say(&line);
    }
}

/// A name as enrolled: trimmed, not empty, at most [`MAX_NAME`] characters, no control
/// character (a name is one line).
fn check_name(name: &str) -> Result<String, TextProblem> {
    let name = name.trim();
    if name.is_empty() {
        Err(TextProblem::Empty)
    } else if name.chars().count() > MAX_NAME {
        Err(TextProblem::TooLong)
    } else if name.chars().any(char::is_control) {
        Err(TextProblem::Control)
    } else {
        Ok(name.to_owned())
    }
}

/// Whether a first line is a header (`name,fingerprint`, `nom;empreinte`…).
fn is_header(fields: &[String]) -> bool {
    let words: Vec<String> = fields.iter().map(|f| f.trim().to_lowercase()).collect();
    matches!(
        words.as_slice(),
        [n, f] if ["name", "nom", "observer", "observateur"].contains(&n.as_str())
            && ["fingerprint", "empreinte", "key", "clé", "cle"].contains(&f.as_str())
    )
}

/// Reads a roster file: CSV `name,fingerprint` (or `;`-separated, as French spreadsheets
/// save), UTF-8 (a byte-order mark allowed) or Windows-1252, header optional, blank lines
/// skipped. Every line is checked before anything is enrolled; the first wrong one is the
/// error, with its line and field.
fn read_roster(path: &Path) -> Result<Vec<(String, Fingerprint)>, Error> {
    let io = |source: std::io::Error| Error::Io {
        path: path.to_owned(),
        context: crate::error::IoContext::ReadingInput,
        source,
    };
    let file = open_regular(path).map_err(|why| Error::Untrusted(path.to_owned(), why))?;
    let mut bytes = Vec::new();
    file.take(MAX_ROSTER_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    let line_error = |line: usize, field: &'static str, why: RosterProblem| Error::RosterLine {
        path: path.to_owned(),
        line,
        field,
        why,
    };
    if bytes.len() as u64 > MAX_ROSTER_BYTES {
        return Err(line_error(
            1,
            "fingerprint",
            RosterProblem::Unreadable(format!("> {MAX_ROSTER_BYTES} bytes")),
        ));
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let text = match std::str::from_utf8(body) {
        Ok(t) => t.to_owned(),
        Err(_) => encoding_rs::WINDOWS_1252.decode(body).0.into_owned(),
    };
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let delimiter = if first.contains(';') && !first.contains(',') {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut out: Vec<(String, Fingerprint)> = Vec::new();
    let mut seen: BTreeMap<Fingerprint, (usize, String)> = BTreeMap::new();
    let mut first_record = true;
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e
                    .position()
                    .map_or(1, |p| usize::try_from(p.line()).unwrap_or(usize::MAX));
                return Err(line_error(
                    line,
                    "name",
                    RosterProblem::Unreadable(e.to_string()),
                ));
            }
        };
        let line = record
            .position()
            .map_or(1, |p| usize::try_from(p.line()).unwrap_or(usize::MAX));
        let fields: Vec<String> = record.iter().map(str::to_owned).collect();
        if fields.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if std::mem::take(&mut first_record) && is_header(&fields) {
            continue;
        }
        let [name, fingerprint] = fields.as_slice() else {
            return Err(line_error(
                line,
                "fingerprint",
                RosterProblem::FieldCount(fields.len()),
            ));
        };
        let name =
            check_name(name).map_err(|why| line_error(line, "name", RosterProblem::Name(why)))?;
        let fingerprint = Fingerprint::parse(fingerprint).ok_or_else(|| {
            line_error(
                line,
                "fingerprint",
                RosterProblem::Fingerprint(fingerprint.chars().take(60).collect()),
            )
        })?;
        match seen.get(&fingerprint) {
            // The same line twice says nothing new.
            Some((_, earlier)) if *earlier == name => continue,
            Some((at, earlier)) => {
                return Err(line_error(
                    line,
                    "fingerprint",
                    RosterProblem::Duplicate {
                        line: *at,
                        name: earlier.clone(),
                    },
                ));
            }
            None => {
                seen.insert(fingerprint.clone(), (line, name.clone()));
            }
        }
        out.push((name, fingerprint));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn roster(text: &[u8]) -> Result<Vec<(String, Fingerprint)>, Error> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("roster.csv");
        std::fs::write(&path, text).unwrap();
        read_roster(&path)
    }

    #[test]
    fn a_roster_file_is_read_with_or_without_header_in_either_separator() {
        let a = Fingerprint::of(&[1; 32]);
        let b = Fingerprint::of(&[2; 32]);
        let with = format!(
            "name,fingerprint\nMarie Curie,{a}\n\n\"Dupont, Paul\",{}\n",
            b.compact()
        );
        let read = roster(with.as_bytes()).unwrap();
        assert_eq!(
            read,
            vec![
                ("Marie Curie".to_owned(), a.clone()),
                ("Dupont, Paul".to_owned(), b.clone())
            ]
        );
        let semicolons = format!("\u{feff}Léa;{}\n", a.to_string().to_lowercase());
        assert_eq!(
            roster(semicolons.as_bytes()).unwrap(),
            vec![("Léa".to_owned(), a)]
        );
        let latin1 = [b"L\xe9a,".as_slice(), b.compact().as_bytes()].concat();
        assert_eq!(roster(&latin1).unwrap(), vec![("Léa".to_owned(), b)]);
    }

    #[test]
    fn a_wrong_line_names_its_line_and_field() {
        let a = Fingerprint::of(&[1; 32]);
        let line_of = |text: &str| match roster(text.as_bytes()) {
            Err(Error::RosterLine {
                line, field, why, ..
            }) => (line, field, why),
            other => panic!("{other:?}"),
        };
        let (line, field, why) = line_of(&format!("Marie,{a}\nPaul,K7QF-3M2X\n"));
        assert_eq!((line, field), (2, "fingerprint"));
        assert!(matches!(why, RosterProblem::Fingerprint(_)));
        let (line, field, _) = line_of(&format!("Marie,{a}\n ,{a}\n"));
        assert_eq!((line, field), (2, "name"));
        let (line, _, why) = line_of(&format!("Marie,{a},x\n"));
        assert_eq!((line, why), (1, RosterProblem::FieldCount(3)));
        let (line, _, why) = line_of(&format!("Marie,{a}\nMarie,{a}\nPaul,{a}\n"));
        assert_eq!(
            (line, why),
            (
                3,
                RosterProblem::Duplicate {
                    line: 1,
                    name: "Marie".to_owned()
                }
            )
        );
    }
}
