//! Validated codes: circonscription (`7501`), bureau (`75056_0911`) and panel numbers.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::i18n::{Lang, Localize, Message, cut};

/// Why a code was refused; the message says what was expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeError {
    /// Not a circonscription code of the form département + 2 digits.
    Circonscription(String),
    /// Not a bureau code of the form commune + `_` + number.
    Bureau(String),
    /// Not a panel number between 1 and 999.
    Panel(String),
}

impl Localize for CodeError {
    fn message(&self) -> Message<'_> {
        match self {
            Self::Circonscription(c) => {
                Message::new("error-code-circonscription").arg("code", cut(c))
            }
            Self::Bureau(c) => Message::new("error-code-bureau").arg("code", cut(c)),
            Self::Panel(c) => Message::new("error-code-panel").arg("code", cut(c)),
        }
    }
}

impl fmt::Display for CodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for CodeError {}

/// Is `dep` a département code as written in circonscription codes: `01`–`95`, `2A`, `2B`,
/// `971`–`989`, or `ZA`–`ZZ` (overseas and abroad, as in the 2017 files)? `FR` is the single
/// national circonscription (`FR01`) of the présidentielle (law.md §4.2), whose bureaux give
/// their own département.
pub fn is_departement(dep: &str) -> bool {
    let b = dep.as_bytes();
    match b {
        [b'2', b'A' | b'B'] | [b'F', b'R'] => true,
        [b'Z', c] => c.is_ascii_uppercase(),
        [a, c] if a.is_ascii_digit() && c.is_ascii_digit() => dep != "00" && dep != "20",
        [b'9', b'7' | b'8', c] => c.is_ascii_digit() && dep != "970" && dep != "980",
        _ => false,
    }
}

/// A circonscription code: the département code then the circonscription number on 2 digits
/// (`7501`, `2A01`, `97101`, `ZZ01`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CirconscriptionCode(std::sync::Arc<str>);

impl CirconscriptionCode {
    /// Parses a code, accepting surrounding spaces and lower-case letters.
    pub fn parse(raw: &str) -> Result<Self, CodeError> {
        let code = raw.trim().to_ascii_uppercase();
        let valid = code.len() >= 4
            && code.is_ascii()
            && is_departement(&code[..code.len() - 2])
            && code[code.len() - 2..].bytes().all(|c| c.is_ascii_digit())
            && &code[code.len() - 2..] != "00";
        if valid {
            Ok(Self(code.into()))
        } else {
            Err(CodeError::Circonscription(raw.to_owned()))
        }
    }

    /// The code as written (`7501`).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The département part (`75`).
    pub fn departement(&self) -> &str {
        &self.0[..self.0.len() - 2]
    }

    /// The circonscription number within its département (`1`).
    pub fn number(&self) -> u8 {
        self.0[self.0.len() - 2..].parse().unwrap_or(0)
    }
}

impl TryFrom<String> for CirconscriptionCode {
    type Error = CodeError;
    fn try_from(s: String) -> Result<Self, CodeError> {
        Self::parse(&s)
    }
}

impl From<CirconscriptionCode> for String {
    fn from(c: CirconscriptionCode) -> Self {
        c.0.to_string()
    }
}

impl fmt::Display for CirconscriptionCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.0)
    }
}

/// A bureau de vote: the INSEE commune code, `_`, and the bureau number (`75056_0911`). Bureau
/// numbers repeat from one commune to the next, so the commune is part of the key.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct BureauCode(std::sync::Arc<str>);

impl BureauCode {
    /// Parses a code, accepting surrounding spaces and lower-case letters.
    pub fn parse(raw: &str) -> Result<Self, CodeError> {
        let code = raw.trim().to_ascii_uppercase();
        let valid = match code.split_once('_') {
            Some((commune, number)) => {
                commune.len() == 5
                    && commune.bytes().all(|c| c.is_ascii_alphanumeric())
                    && (1..=8).contains(&number.len())
                    && number.bytes().all(|c| c.is_ascii_alphanumeric())
            }
            None => false,
        };
        if valid {
            Ok(Self(code.into()))
        } else {
            Err(CodeError::Bureau(raw.to_owned()))
        }
    }

    /// The code as written (`75056_0911`).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The département of the bureau's commune as circonscription codes write it: the INSEE
    /// code's first two characters (`75`, `2A`), three overseas (`971`, `988`).
    pub fn departement(&self) -> &str {
        let commune = self.0.split('_').next().unwrap_or_default();
        let len = if commune.starts_with("97") || commune.starts_with("98") {
            3
        } else {
            2
        };
        commune.get(..len).unwrap_or(commune)
    }
}

impl TryFrom<String> for BureauCode {
    type Error = CodeError;
    fn try_from(s: String) -> Result<Self, CodeError> {
        Self::parse(&s)
    }
}

impl From<BureauCode> for String {
    fn from(c: BureauCode) -> Self {
        c.0.to_string()
    }
}

impl fmt::Display for BureauCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.0)
    }
}

/// A candidate's panel number (numéro de panneau), 1 to 999, unique within a circonscription.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u16", into = "u16")]
pub struct Panel(u16);

impl Panel {
    /// A panel number from an integer.
    pub fn new(n: u16) -> Result<Self, CodeError> {
        if (1..=999).contains(&n) {
            Ok(Self(n))
        } else {
            Err(CodeError::Panel(n.to_string()))
        }
    }

    /// Parses a panel number written in text.
    pub fn parse(raw: &str) -> Result<Self, CodeError> {
        raw.trim()
            .parse::<u16>()
            .ok()
            .and_then(|n| Self::new(n).ok())
            .ok_or_else(|| CodeError::Panel(raw.to_owned()))
    }

    /// The number.
    pub fn get(self) -> u16 {
        self.0
    }
}

impl TryFrom<u16> for Panel {
    type Error = CodeError;
    fn try_from(n: u16) -> Result<Self, CodeError> {
        Self::new(n)
    }
}

impl From<Panel> for u16 {
    fn from(p: Panel) -> Self {
        p.0
    }
}

impl fmt::Display for Panel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.0.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn circonscription_codes_of_every_kind_of_departement_parse() {
        for ok in [
            "7501", "0101", "2A01", "2b02", "97101", "98801", "ZZ01", "ZA02", " 7518 ",
        ] {
            assert!(CirconscriptionCode::parse(ok).is_ok(), "{ok}");
        }
        for bad in [
            "", "75", "751", "7500", "0001", "2C01", "97001", "75A1", "7501x", "ÉÉ01",
        ] {
            assert!(CirconscriptionCode::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn circonscription_code_splits_into_departement_and_number() {
        let c = CirconscriptionCode::parse("97101").unwrap();
        assert_eq!((c.departement(), c.number()), ("971", 1));
        let c = CirconscriptionCode::parse("2a03").unwrap();
        assert_eq!((c.as_str(), c.departement(), c.number()), ("2A03", "2A", 3));
    }

    #[test]
    fn bureau_codes_need_a_commune_and_a_number() {
        assert_eq!(
            BureauCode::parse("75056_0911").unwrap().as_str(),
            "75056_0911"
        );
        assert!(BureauCode::parse("2a004_0001").is_ok());
        for bad in [
            "",
            "0911",
            "75056-0911",
            "7505_0911",
            "75056_",
            "75056_09 11",
        ] {
            assert!(BureauCode::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn panel_numbers_run_from_1_to_999() {
        assert_eq!(Panel::parse("22").unwrap().get(), 22);
        for bad in ["0", "1000", "-1", "x", ""] {
            assert!(Panel::parse(bad).is_err(), "{bad}");
        }
    }
}
