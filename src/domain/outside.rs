//! Text that came from outside (a file's name, an observer's name, a note, an address, a value
//! typed on the command line) made safe to show: no control character or invisible reordering
//! character reaches a terminal or a document raw.
//!
//! [`escape`] is for a terminal and line-based texts: every control character is written as a
//! visible escape (`\u{1b}`), a newline as `⏎` (so that it cannot start a fake line), and the
//! characters that reorder or hide text as `\u{202e}`. [`without_bidi`] is for documents that
//! keep their own lines (HTML, CSV): only the bidirectional controls are written as escapes.

use std::borrow::Cow;

/// Is `c` a bidirectional control (embedding, override, isolate, mark)?
fn is_bidi(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Is `c` shown escaped on a terminal: a control character, a bidirectional control, or an
/// invisible character that hides or joins text?
fn is_unsafe(c: char) -> bool {
    c.is_control()
        || is_bidi(c)
        || matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}'..='\u{2065}' | '\u{FEFF}')
}

/// `c` as a visible escape.
fn push_escaped(out: &mut String, c: char) {
    match c {
        '\n' => out.push('⏎'),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
    }
}

/// `text` with every control character, bidirectional control and invisible character written
/// as a visible escape, and a newline as `⏎`: one line, safe on a terminal.
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe(c) {
            push_escaped(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// `text` with its bidirectional controls written as visible escapes, everything else as it is.
pub fn without_bidi(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_bidi) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_bidi(c) {
            push_escaped(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_newlines_and_bidi_are_visible() {
        assert_eq!(
            escape("a\u{1b}]0;x\u{7}\nFAKE\u{202e}\u{2066}\u{9b}é"),
            "a\\u{1b}]0;x\\u{7}⏎FAKE\\u{202e}\\u{2066}\\u{9b}é"
        );
        assert!(matches!(escape("Émilie « x »"), Cow::Borrowed(_)));
    }

    #[test]
    fn bidi_alone_keeps_lines() {
        assert_eq!(without_bidi("a\n\u{200f}b\u{61c}"), "a\n\\u{200f}b\\u{61c}");
        assert!(matches!(without_bidi("a\nb"), Cow::Borrowed(_)));
    }
}
