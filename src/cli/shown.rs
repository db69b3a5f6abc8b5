//! Article text made safe to print on a terminal.
//!
//! An article is anyone's text, and a terminal obeys what it prints: ESC starts sequences that
//! move the cursor, recolour or clear the screen, set the window title or write to the
//! clipboard; a carriage return or backspace overwrites what was printed; a newline starts a
//! line of the report that the report did not write; bidi overrides and isolates reorder the
//! text after them (CVE-2021-42574, "Trojan Source"). The readable summaries print every string
//! that comes from the article through [`shown`]. JSON output needs none of this: serde_json
//! escapes every control character, and the rest is data.

use std::borrow::Cow;
use std::fmt::Write;

/// Whether `c` is shown as an escape: the C0 and C1 controls and DEL (Unicode's Cc, newline
/// and tab among them: each summary item is one line), the bidi embeddings and overrides
/// (U+202A..U+202E) and isolates (U+2066..U+2069), and the line and paragraph separators
/// (U+2028, U+2029). Bidi marks (U+200E, U+200F) stay: they only nudge neutral characters,
/// and right-to-left text uses them.
fn escaped(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}'
        )
}

/// `s` with every character [`escaped`] written as Rust writes it in a string literal (`\n`,
/// `\t`, `\r`, else `\u{1b}`); `s` itself when it has none, as almost every article does.
pub fn shown(s: &str) -> Cow<'_, str> {
    if !s.chars().any(escaped) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if escaped(c) => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! t {
        ($name:ident, $input:expr, $shown:expr) => {
            #[test]
            fn $name() {
                assert_eq!(shown($input), $shown);
            }
        };
    }

    t!(
        plain_text_is_untouched,
        "Vladimir Putin – Москва 👋",
        "Vladimir Putin – Москва 👋"
    );
    t!(
        rtl_text_and_its_marks_stay,
        "مسعود پزشکیان\u{200F}",
        "مسعود پزشکیان\u{200F}"
    );
    t!(
        csi_clear_screen,
        "Vladimir\u{1b}[2JPutin",
        "Vladimir\\u{1b}[2JPutin"
    );
    t!(
        osc_window_title,
        "\u{1b}]0;pwned\u{7}Putin",
        "\\u{1b}]0;pwned\\u{7}Putin"
    );
    t!(c1_csi_and_nel, "a\u{9b}31mb\u{85}c", "a\\u{9b}31mb\\u{85}c");
    t!(del_and_backspace, "ab\u{7f}\u{8}", "ab\\u{7f}\\u{8}");
    t!(
        line_breaks_and_tab,
        "one\ntwo\r\tthree",
        "one\\ntwo\\r\\tthree"
    );
    t!(
        bidi_override_and_isolates,
        "Putin\u{202E}nitup\u{202C} \u{2066}x\u{2069}",
        "Putin\\u{202e}nitup\\u{202c} \\u{2066}x\\u{2069}"
    );
    t!(
        unicode_separators,
        "a\u{2028}b\u{2029}c",
        "a\\u{2028}b\\u{2029}c"
    );
}
