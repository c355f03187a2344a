//! Text encodings of the official files, and how one is recognised.
//!
//! The files come in UTF-8 (with or without a byte-order mark), Latin-1 / Windows-1252 and IBM code
//! page 850 (the 2024 round-1 results). The legacy encodings cannot be told apart by their bytes
//! alone: every byte is valid in both. So a sample is decoded both ways and each reading is scored:
//! French letters where letters belong score, and characters no French name contains (box drawing,
//! C1 controls, `‚` or `Š` inside a word, a capital after a small letter) cost. The better reading
//! wins; when neither is plausible the file is refused rather than garbled.
//!
//! Decoding uses `encoding_rs` (UTF-8, Windows-1252) and the CP850 table of the `oem_cp` crate.
//! Separators and quotes are ASCII in all of them, so a file is split into fields on its raw bytes
//! and only the fields are decoded.

use oem_cp::code_table::DECODING_TABLE_CP850;

/// A text encoding constat reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TextEncoding {
    /// UTF-8 without a byte-order mark (also pure ASCII).
    Utf8,
    /// UTF-8 starting with a byte-order mark.
    Utf8Bom,
    /// Windows-1252, the superset of Latin-1 (ISO-8859-1) that Windows writes.
    Windows1252,
    /// IBM code page 850 (DOS Latin-1).
    Cp850,
}

impl TextEncoding {
    /// The name shown to the user.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Self::Utf8 => "UTF-8",
            Self::Utf8Bom => "UTF-8 (BOM)",
            Self::Windows1252 => "Windows-1252",
            Self::Cp850 => "CP850",
        }
    }

    /// Appends the decoded `bytes` to `out`. False when the bytes are not valid in the encoding
    /// (only UTF-8 can fail: every byte means something in the two others).
    pub(crate) fn decode_into(self, bytes: &[u8], out: &mut String) -> bool {
        match self {
            Self::Utf8 | Self::Utf8Bom => match std::str::from_utf8(bytes) {
                Ok(s) => {
                    out.push_str(s);
                    true
                }
                Err(_) => false,
            },
            Self::Windows1252 => {
                out.push_str(
                    &encoding_rs::WINDOWS_1252
                        .decode_without_bom_handling(bytes)
                        .0,
                );
                true
            }
            Self::Cp850 => {
                out.extend(bytes.iter().map(|&b| cp850_char(b)));
                true
            }
        }
    }

    /// The decoded text of `bytes`, with invalid UTF-8 replaced by `�`.
    pub(crate) fn decode_lossy(self, bytes: &[u8]) -> String {
        let mut s = String::with_capacity(bytes.len());
        if !self.decode_into(bytes, &mut s) {
            s = String::from_utf8_lossy(bytes).into_owned();
        }
        s
    }
}

fn cp850_char(b: u8) -> char {
    if b < 0x80 {
        char::from(b)
    } else {
        DECODING_TABLE_CP850[usize::from(b - 0x80)]
    }
}

/// Neither legacy reading of a sample is plausible French text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Undecided {
    /// The first words with non-ASCII bytes, read both ways, for the message.
    pub(crate) excerpt: String,
}

/// Recognises the encoding of `sample`, the start of a file (or its first part holding non-ASCII
/// bytes). The sample may be cut anywhere, even inside a UTF-8 sequence.
pub(crate) fn detect(sample: &[u8]) -> Result<TextEncoding, Undecided> {
    if sample.starts_with(b"\xEF\xBB\xBF") {
        return Ok(TextEncoding::Utf8Bom);
    }
    if sample.is_ascii() || looks_utf8(sample) {
        return Ok(TextEncoding::Utf8);
    }
    let w1252 = TextEncoding::Windows1252.decode_lossy(sample);
    let cp850 = TextEncoding::Cp850.decode_lossy(sample);
    let (s1252, s850) = (plausibility(&w1252), plausibility(&cp850));
    if s1252 <= 0 && s850 <= 0 {
        return Err(Undecided {
            excerpt: excerpt(sample),
        });
    }
    Ok(if s850 > s1252 {
        TextEncoding::Cp850
    } else {
        TextEncoding::Windows1252
    })
}

/// Valid UTF-8, allowing a sequence cut at either end of the sample.
fn looks_utf8(sample: &[u8]) -> bool {
    let start = sample
        .iter()
        .take(3)
        .take_while(|&&b| (0x80..0xC0).contains(&b))
        .count();
    match std::str::from_utf8(&sample[start..]) {
        Ok(_) => true,
        // An error without a length is a sequence cut by the end of the sample.
        Err(e) => e.error_len().is_none(),
    }
}

const FRENCH_SMALL: &str = "àâäçéèêëîïôöùûüÿœæ";
const FRENCH_CAPITAL: &str = "ÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ";
/// Punctuation that French text uses, plausible between words.
const FRENCH_PUNCTUATION: &str = "°«»’‘“”–—…€\u{a0}·²";

/// How plausible `text` is as French names and labels: positive for letters where letters
/// belong, negative for what a wrong decoding produces.
pub(crate) fn plausibility(text: &str) -> i64 {
    let chars: Vec<char> = text.chars().collect();
    let mut score = 0i64;
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii() && !c.is_ascii_control() || matches!(c, '\t' | '\r' | '\n') {
            continue;
        }
        let prev = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
        let next = chars.get(i + 1).copied();
        let after_small = prev.is_some_and(char::is_lowercase);
        let in_word =
            prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric);
        score += if c.is_control() || c == '\u{FFFD}' || ('\u{2500}'..='\u{25FF}').contains(&c) {
            -10
        } else if FRENCH_SMALL.contains(c) {
            2
        } else if matches!(c, 'ƒ' | 'š' | 'ž') {
            -3
        } else if c.is_lowercase() {
            1
        } else if c.is_uppercase() {
            if after_small {
                -3
            } else if FRENCH_CAPITAL.contains(c) {
                2
            } else {
                0
            }
        } else if matches!(c, '’' | '‘') {
            if in_word { 1 } else { 0 }
        } else if FRENCH_PUNCTUATION.contains(c) {
            if in_word { -3 } else { 0 }
        } else {
            -3
        };
    }
    score
}

/// The words around the first non-ASCII bytes of `sample`, read as Windows-1252 and as CP850.
fn excerpt(sample: &[u8]) -> String {
    let Some(first) = sample.iter().position(|b| !b.is_ascii()) else {
        return String::new();
    };
    let is_break = |b: &u8| matches!(b, b';' | b',' | b'\t' | b'\n' | b'\r' | b'"');
    let start = sample[..first]
        .iter()
        .rposition(is_break)
        .map_or(0, |p| p + 1);
    let end = sample[first..]
        .iter()
        .position(is_break)
        .map_or(sample.len(), |p| first + p)
        .min(start + 60);
    let bytes = &sample[start..end];
    format!(
        "`{}` in Windows-1252, `{}` in CP850",
        TextEncoding::Windows1252.decode_lossy(bytes),
        TextEncoding::Cp850.decode_lossy(bytes)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `é`, `ç`, `Œ`, `É`, `î` in each encoding (CP850 has no `Œ`: its capital ligature does not
    /// exist there, so the CP850 text uses `OE`).
    const UTF8: &[u8] = "Nom;Prénom\nFRANÇOIS;Léa\nCŒUR;Éloïse\nMAÎTRE;Noël\n".as_bytes();
    const W1252: &[u8] =
        b"Nom;Pr\xe9nom\nFRAN\xc7OIS;L\xe9a\nC\x8cUR;\xc9lo\xefse\nMA\xceTRE;No\xebl\n";
    const CP850: &[u8] =
        b"Nom;Pr\x82nom\nFRAN\x80OIS;L\x82a\nCOEUR;\x90lo\x8bse\nMA\xd7TRE;No\x89l\n";

    #[test]
    fn each_encoding_is_recognised_and_decodes_french_letters() {
        assert_eq!(detect(UTF8), Ok(TextEncoding::Utf8));
        assert_eq!(detect(W1252), Ok(TextEncoding::Windows1252));
        assert_eq!(detect(CP850), Ok(TextEncoding::Cp850));
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(UTF8);
        assert_eq!(detect(&bom), Ok(TextEncoding::Utf8Bom));

        assert_eq!(
            TextEncoding::Windows1252.decode_lossy(W1252),
            "Nom;Prénom\nFRANÇOIS;Léa\nCŒUR;Éloïse\nMAÎTRE;Noël\n"
        );
        assert_eq!(
            TextEncoding::Cp850.decode_lossy(CP850),
            "Nom;Prénom\nFRANÇOIS;Léa\nCOEUR;Éloïse\nMAÎTRE;Noël\n"
        );
    }

    #[test]
    fn single_letters_decode_as_documented() {
        let one = |enc: TextEncoding, b: u8| enc.decode_lossy(&[b]);
        assert_eq!(one(TextEncoding::Cp850, 0x82), "é");
        assert_eq!(one(TextEncoding::Cp850, 0x87), "ç");
        assert_eq!(one(TextEncoding::Cp850, 0x90), "É");
        assert_eq!(one(TextEncoding::Windows1252, 0xE9), "é");
        assert_eq!(one(TextEncoding::Windows1252, 0xE7), "ç");
        assert_eq!(one(TextEncoding::Windows1252, 0x8C), "Œ");
        // The wrong guess the detection must avoid: CP850 `é` read as Windows-1252.
        assert_eq!(one(TextEncoding::Windows1252, 0x82), "‚");
    }

    #[test]
    fn the_wrong_reading_scores_below_the_right_one() {
        let right = plausibility("Prénom FRANÇOIS Léa Éloïse MAÎTRE Noël CŒUR");
        let cp850_as_1252 = plausibility(&TextEncoding::Windows1252.decode_lossy(CP850));
        let latin1_as_cp850 = plausibility(&TextEncoding::Cp850.decode_lossy(W1252));
        assert!(right > 0, "{right}");
        assert!(cp850_as_1252 < 0, "{cp850_as_1252}");
        assert!(latin1_as_cp850 < 0, "{latin1_as_cp850}");
    }

    #[test]
    fn a_cp850_i_circumflex_is_not_taken_for_a_windows_1252_oe() {
        // CP850 `î` is 0x8C, Windows-1252 `Œ`: "Christine" must not become "ChrŒstine".
        assert_eq!(
            detect(b"Chr\x8cstine;Fran\x87oise"),
            Ok(TextEncoding::Cp850)
        );
    }

    #[test]
    fn a_utf8_sample_cut_inside_a_sequence_is_still_utf8() {
        let text = "Prénom;Léa".as_bytes();
        assert_eq!(detect(&text[..3]), Ok(TextEncoding::Utf8));
        assert_eq!(detect(&text[3..]), Ok(TextEncoding::Utf8));
    }

    #[test]
    fn implausible_text_is_refused_with_both_readings() {
        let e = detect(b"x;\xb0\xb1\xb2\xdb;y").unwrap_err();
        assert!(e.excerpt.contains("in Windows-1252"), "{}", e.excerpt);
        assert!(e.excerpt.contains("░▒▓█"), "{}", e.excerpt);
    }

    #[test]
    fn invalid_utf8_is_reported_not_replaced() {
        let mut s = String::new();
        assert!(!TextEncoding::Utf8.decode_into(b"L\xe9a", &mut s));
        assert_eq!(TextEncoding::Utf8.decode_lossy(b"L\xe9a"), "L\u{FFFD}a");
    }
}
