//! Département, circonscription, commune and bureau codes as the files write them, normalised.
//!
//! | Written | Normalised | Where |
//! |---|---|---|
//! | `1`, `01` | `01` | 2017 and 2024 round 2 leave 1–9 unpadded |
//! | `2A`, `2b` | `2A` | Corsica |
//! | `971` … `978`, `986` … `988` | as is | overseas, from 2024 |
//! | `ZA` `ZB` `ZC` `ZD` `ZM` `ZN` `ZP` `ZS` `ZW` `ZX` `ZZ` | as is | overseas and abroad before 2024 (`ZZ`: abroad); beside a 3-digit département column they stand for it (`973` with `ZC01`) |
//! | `97`, `98` | refused alone; accepted beside a full code `97101` | the 2024 round-1 results cut overseas codes |
//! | `00`, `20`, `96`… | refused | no such département |
//!
//! A circonscription is the département then 2 digits: `75` + `1` → `7501`; a full code keeps its
//! département and is re-padded (`101` → `0101`, `97101`, `2A01`, `ZZ01`). `CirconscriptionCode::parse`
//! validates the result. Letter codes are kept, not translated: a 2017 file gives `ZA01` where a
//! 2024 file gives `97101`.
//!
//! A commune of the 2017 by-bureau results is its département plus its number on 3 digits
//! (`75` + `056` → `75056`); for letter départements the INSEE code starts with the digits they
//! stand for (`ZA` + `101` → `97101`), and `ZZ` (abroad, no INSEE commune) uses `99`.

use super::ImportText;
use crate::domain::CirconscriptionCode;

/// Overseas départements and collectivities, as written from 2024.
const OVERSEAS: [&str; 11] = [
    "971", "972", "973", "974", "975", "976", "977", "978", "986", "987", "988",
];

/// Overseas and abroad codes of the files before 2024, with the 3-digit codes they stand for
/// (`ZZ`, abroad, stands for none).
const LETTER_CODES: [(&str, &[&str]); 11] = [
    ("ZA", &["971"]),
    ("ZB", &["972"]),
    ("ZC", &["973"]),
    ("ZD", &["974"]),
    ("ZM", &["976"]),
    ("ZN", &["988"]),
    ("ZP", &["987"]),
    ("ZS", &["975"]),
    ("ZW", &["986"]),
    ("ZX", &["977", "978"]),
    ("ZZ", &[]),
];

/// Whether two normalised département codes name the same département (`ZA` and `971`).
pub(crate) fn same_departement(a: &str, b: &str) -> bool {
    a == b
        || LETTER_CODES
            .iter()
            .any(|(z, digits)| (*z == a && digits.contains(&b)) || (*z == b && digits.contains(&a)))
}

/// The first two digits of the INSEE codes of a letter département's communes (`97` for `ZA`;
/// `99` for `ZZ`, abroad, which has no INSEE commune).
fn letter_insee_prefix(dep: &str) -> Option<&'static str> {
    LETTER_CODES
        .iter()
        .find(|(z, _)| *z == dep)
        .map(|(_, digits)| digits.first().map_or("99", |d| &d[..2]))
}

/// The normalised département code of `raw` (`1` → `01`), or `None` when no département has it.
pub(crate) fn departement(raw: &str) -> Option<String> {
    let code = raw.trim().to_ascii_uppercase();
    if !code.is_empty() && code.bytes().all(|b| b.is_ascii_digit()) {
        let digits = code.trim_start_matches('0');
        return match digits.parse::<u16>().ok()? {
            n @ (1..=19 | 21..=95) if code.len() <= 2 => Some(format!("{n:02}")),
            _ if OVERSEAS.contains(&digits) && code.len() == 3 => Some(digits.to_owned()),
            _ => None,
        };
    }
    let known = code == "2A" || code == "2B" || LETTER_CODES.iter().any(|(z, _)| *z == code);
    known.then_some(code)
}

/// `97` or `98`: an overseas département cut to 2 digits (2024 round-1 results).
fn truncated_overseas(raw: &str) -> bool {
    matches!(raw.trim(), "97" | "98")
}

/// Why a circonscription could not be normalised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum CircError {
    /// The département (of its own column, or of the full code) is no département.
    Departement(String),
    /// The circonscription number is not 01–99.
    Number(String),
    /// A bare number with no département column to go with it.
    NeedsDepartement,
    /// The full code's département is not the département column's.
    Mismatch {
        /// The département column.
        departement: String,
    },
    /// Nothing like a circonscription.
    Invalid,
}

impl CircError {
    /// What was expected, for the message.
    pub(crate) fn expected(&self) -> ImportText {
        match self {
            Self::Departement(d) => ImportText::DepartementNotValue { value: d.clone() },
            Self::Number(n) => ImportText::CircNumber { value: n.clone() },
            Self::NeedsDepartement => ImportText::CircWithDepartement,
            Self::Mismatch { departement } => ImportText::CircOfLine {
                departement: departement.clone(),
            },
            Self::Invalid => ImportText::Circonscription,
        }
    }
}

/// The circonscription code of a line from its circonscription field (a full code `7501` / `101`
/// / `97101`, or a bare number `1` / `01`) and the line's département field, if any.
pub(crate) fn circonscription(
    dep: Option<&str>,
    circ: &str,
) -> Result<CirconscriptionCode, CircError> {
    let c = circ.trim().to_ascii_uppercase();
    let dep = dep.map(str::trim).filter(|d| !d.is_empty());
    if c.is_empty() || !c.is_ascii() || !c.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(CircError::Invalid);
    }
    let code = if c.len() <= 2 {
        let n: u8 = c.parse().map_err(|_| CircError::Invalid)?;
        if n == 0 {
            return Err(CircError::Number(c));
        }
        let raw = dep.ok_or(CircError::NeedsDepartement)?;
        let d = departement(raw).ok_or_else(|| CircError::Departement(raw.to_owned()))?;
        format!("{d}{n:02}")
    } else {
        let (prefix, number) = c.split_at(c.len() - 2);
        if !number.bytes().all(|b| b.is_ascii_digit()) || number == "00" {
            return Err(CircError::Number(number.to_owned()));
        }
        let d = departement(prefix).ok_or_else(|| CircError::Departement(prefix.to_owned()))?;
        if let Some(raw) = dep {
            let agrees = match departement(raw) {
                Some(dd) => same_departement(&dd, &d),
                None => truncated_overseas(raw) && d.len() == 3 && d.starts_with(raw),
            };
            if !agrees {
                return Err(CircError::Mismatch {
                    departement: raw.to_owned(),
                });
            }
        }
        format!("{d}{number}")
    };
    CirconscriptionCode::parse(&code).map_err(|_| CircError::Invalid)
}

/// A bureau number as keyed: digits padded to 4 (`1` → `0001`, `0101`), other codes kept
/// (`12A`); `None` when empty or not alphanumeric.
pub(crate) fn bureau_number(raw: &str) -> Option<String> {
    let t = raw.trim().to_ascii_uppercase();
    if t.is_empty() || t.len() > 8 || !t.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    if t.bytes().all(|b| b.is_ascii_digit()) && t.len() < 4 {
        return Some(format!("{t:0>4}"));
    }
    Some(t)
}

/// Whether `raw` is a bureau number already as keyed: [`bureau_number`] would return it unchanged.
pub(crate) fn is_normal_bureau_number(raw: &str) -> bool {
    let b = raw.as_bytes();
    (1..=8).contains(&b.len())
        && b.iter()
            .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
        && !(b.len() < 4 && b.iter().all(u8::is_ascii_digit))
}

/// Whether `raw` is an INSEE code already as keyed: [`insee_code`] would return it unchanged.
pub(crate) fn is_normal_insee_code(raw: &str) -> bool {
    let b = raw.as_bytes();
    b.len() == 5
        && (b.iter().all(u8::is_ascii_digit)
            || ((raw.starts_with("2A") || raw.starts_with("2B"))
                && b.iter()
                    .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())))
}

/// An INSEE commune code (5 characters, `75056`), given as is or padded from 4 digits (`1001`).
pub(crate) fn insee_code(raw: &str) -> Option<String> {
    let t = raw.trim().to_ascii_uppercase();
    let ok = |s: &str| {
        s.len() == 5
            && s.bytes().all(|b| b.is_ascii_alphanumeric())
            && (s.bytes().all(|b| b.is_ascii_digit()) || s.starts_with("2A") || s.starts_with("2B"))
    };
    if t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()) {
        return Some(format!("0{t}"));
    }
    ok(&t).then_some(t)
}

/// The INSEE commune code of a commune given, as in the 2017 by-bureau results, by its
/// département (normalised) and its number within it (`75` + `056` → `75056`, `2A` + `4` →
/// `2A004`, `ZA` + `101` → `97101`, `971` + `1` → `97101`).
pub(crate) fn commune_of(dep: &str, commune: &str) -> Option<String> {
    let t = commune.trim();
    if t.len() == 5 {
        return insee_code(t);
    }
    if t.is_empty() || t.len() > 3 || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let c3 = format!("{t:0>3}");
    if dep.len() == 2 && (dep.bytes().all(|b| b.is_ascii_digit()) || dep.starts_with('2')) {
        return Some(format!("{dep}{c3}"));
    }
    if let Some(prefix) = letter_insee_prefix(dep) {
        return Some(format!("{prefix}{c3}"));
    }
    if dep.len() == 3 {
        if t.len() <= 2 {
            return Some(format!("{dep}{t:0>2}"));
        }
        if c3.as_bytes().first() == dep.as_bytes().get(2) {
            return Some(format!("{}{c3}", &dep[..2]));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normal_codes_are_those_normalisation_leaves_unchanged() {
        for raw in [
            "75056",
            "2A004",
            "2B033",
            "01001",
            "1001",
            "2a004",
            "7505X",
            "75056 ",
            "",
            "2C004",
            "0911",
            "1",
            "01",
            "001",
            "12A",
            "A",
            "ABCDEFGH",
            "ABCDEFGHI",
            "09 1",
            "0a11",
            "00001",
        ] {
            assert_eq!(
                is_normal_insee_code(raw),
                insee_code(raw).as_deref() == Some(raw),
                "insee {raw:?}"
            );
            assert_eq!(
                is_normal_bureau_number(raw),
                bureau_number(raw).as_deref() == Some(raw),
                "bureau number {raw:?}"
            );
        }
    }

    #[test]
    fn departements_are_padded_and_unknown_ones_refused() {
        for (raw, norm) in [
            ("1", "01"),
            ("01", "01"),
            (" 75 ", "75"),
            ("2a", "2A"),
            ("2B", "2B"),
            ("971", "971"),
            ("988", "988"),
            ("ZZ", "ZZ"),
            ("za", "ZA"),
        ] {
            assert_eq!(departement(raw).as_deref(), Some(norm), "{raw}");
        }
        for bad in [
            "", "0", "00", "20", "96", "97", "98", "99", "100", "970", "989", "2C", "ZE", "Ain",
        ] {
            assert_eq!(departement(bad), None, "{bad}");
        }
    }

    #[test]
    fn circonscriptions_from_a_number_and_a_departement() {
        let code = |d: Option<&str>, c: &str| circonscription(d, c).map(|c| c.as_str().to_owned());
        assert_eq!(code(Some("75"), "1").as_deref(), Ok("7501"));
        assert_eq!(code(Some("75"), "01").as_deref(), Ok("7501"));
        assert_eq!(code(Some("1"), "1").as_deref(), Ok("0101"));
        assert_eq!(code(Some("2A"), "2").as_deref(), Ok("2A02"));
        assert_eq!(code(Some("ZZ"), "11").as_deref(), Ok("ZZ11"));
        assert_eq!(code(Some("971"), "1").as_deref(), Ok("97101"));
        assert_eq!(code(None, "1"), Err(CircError::NeedsDepartement));
        assert_eq!(
            code(Some("96"), "1"),
            Err(CircError::Departement("96".into()))
        );
        assert_eq!(
            code(Some("97"), "1"),
            Err(CircError::Departement("97".into()))
        );
        assert_eq!(code(Some("75"), "0"), Err(CircError::Number("0".into())));
    }

    #[test]
    fn circonscriptions_from_a_full_code() {
        let code = |d: Option<&str>, c: &str| circonscription(d, c).map(|c| c.as_str().to_owned());
        for (dep, circ, norm) in [
            (None, "7501", "7501"),
            (Some("1"), "101", "0101"),
            (Some("01"), "0101", "0101"),
            (Some("2A"), "2A01", "2A01"),
            (Some("971"), "97101", "97101"),
            (Some("97"), "97101", "97101"),
            (Some("98"), "98801", "98801"),
            (Some("ZZ"), "ZZ01", "ZZ01"),
            (None, "zc01", "ZC01"),
            (Some("973"), "ZC01", "ZC01"),
            (Some("ZA"), "97101", "97101"),
        ] {
            assert_eq!(code(dep, circ).as_deref(), Ok(norm), "{dep:?} {circ}");
        }
        assert_eq!(code(None, "0001"), Err(CircError::Departement("00".into())));
        assert_eq!(code(None, "9601"), Err(CircError::Departement("96".into())));
        assert_eq!(code(None, "7500"), Err(CircError::Number("00".into())));
        assert_eq!(
            code(Some("76"), "7501"),
            Err(CircError::Mismatch {
                departement: "76".into()
            })
        );
        assert_eq!(
            code(Some("97"), "98801"),
            Err(CircError::Mismatch {
                departement: "97".into()
            })
        );
        assert_eq!(code(None, "75-01"), Err(CircError::Invalid));
        assert_eq!(code(None, "1ère circonscription"), Err(CircError::Invalid));
    }

    #[test]
    fn bureau_numbers_are_padded_to_four_digits() {
        assert_eq!(bureau_number("1").as_deref(), Some("0001"));
        assert_eq!(bureau_number("0101").as_deref(), Some("0101"));
        assert_eq!(bureau_number(" 12a ").as_deref(), Some("12A"));
        assert_eq!(bureau_number("12345").as_deref(), Some("12345"));
        assert_eq!(bureau_number(""), None);
        assert_eq!(bureau_number("1 2"), None);
    }

    #[test]
    fn communes_get_their_insee_code() {
        assert_eq!(commune_of("75", "056").as_deref(), Some("75056"));
        assert_eq!(commune_of("75", "56").as_deref(), Some("75056"));
        assert_eq!(commune_of("01", "1").as_deref(), Some("01001"));
        assert_eq!(commune_of("2A", "4").as_deref(), Some("2A004"));
        assert_eq!(commune_of("ZA", "101").as_deref(), Some("97101"));
        assert_eq!(commune_of("ZC", "302").as_deref(), Some("97302"));
        assert_eq!(commune_of("ZX", "701").as_deref(), Some("97701"));
        assert_eq!(commune_of("ZZ", "1").as_deref(), Some("99001"));
        assert_eq!(commune_of("971", "1").as_deref(), Some("97101"));
        assert_eq!(commune_of("971", "101").as_deref(), Some("97101"));
        assert_eq!(commune_of("75", "75056").as_deref(), Some("75056"));
        assert_eq!(commune_of("75", "x"), None);
        assert_eq!(insee_code("1001").as_deref(), Some("01001"));
        assert_eq!(insee_code("2a004").as_deref(), Some("2A004"));
        assert_eq!(insee_code("7505"), Some("07505".to_owned()));
        assert_eq!(insee_code("750561"), None);
    }
}
