//! A text's words between white space, as `str::split_whitespace` gives them, found faster:
//! nearly every stage splits lines, sentences or names into words, and the standard splitter
//! decodes every character to ask whether it is white space. Here the printable ASCII of a
//! word, most of any news text, is stepped over eight bytes at a time ([`scan`]), and only a
//! non-ASCII character is decoded.

use super::scan::printable_end;

/// The pieces of `s` between runs of white space (Unicode's `White_Space`, as
/// `char::is_whitespace`), none empty: what `s.split_whitespace()` gives.
pub(crate) fn words(s: &str) -> Words<'_> {
    Words { s, at: 0 }
}

/// The iterator of [`words`].
#[derive(Clone)]
pub(crate) struct Words<'a> {
    s: &'a str,
    /// Where the next search starts: a char boundary.
    at: usize,
}

/// Whether the character at byte `i` of `s` (a char boundary) is white space, and its length.
#[inline(always)]
fn space_at(s: &str, i: usize) -> (bool, usize) {
    let b = s.as_bytes()[i];
    if b < 0x80 {
        // ASCII white space is the space and \t \n \x0B \x0C \r.
        (b == b' ' || (b'\t'..=b'\r').contains(&b), 1)
    } else {
        let c = s[i..].chars().next().unwrap_or(' ');
        (c.is_whitespace(), c.len_utf8())
    }
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let (s, len) = (self.s, self.s.len());
        let bytes = s.as_bytes();
        let mut i = self.at;
        while i < len {
            let (space, n) = space_at(s, i);
            if !space {
                break;
            }
            i += n;
        }
        if i >= len {
            self.at = len;
            return None;
        }
        let start = i;
        loop {
            i = printable_end(bytes, i);
            if i >= len {
                self.at = len;
                break;
            }
            let (space, n) = space_at(s, i);
            if space {
                // The next search starts after this white space, already read.
                self.at = i + n;
                break;
            }
            i += n;
        }
        Some(&s[start..i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_words_split_whitespace_gives() {
        let texts = [
            "",
            " ",
            "one",
            "  two  words  ",
            "tab\tnew\nline\r\ncr\x0bvt\x0cff",
            "no\u{a0}break and\u{2009}thin\u{3000}ideographic\u{85}next\u{2028}line",
            "caf\u{e9} na\u{ef}ve \u{201c}quoted\u{201d} \u{1f600} end",
            "\u{1c}\u{1d}\u{1e}\u{1f} are not white space\u{7f}",
            "\u{200b}zero-width is not\u{200b} either",
            "\u{feff}bom \u{1680}ogham",
        ];
        for text in texts {
            let ours: Vec<&str> = words(text).collect();
            let std: Vec<&str> = text.split_whitespace().collect();
            assert_eq!(ours, std, "{text:?}");
        }
        // Runs of every length around the eight-byte steps, with white space and non-ASCII
        // characters at every position.
        for (k, odd) in [" ", "\t", "\u{a0}", "\u{2009}", "é", "\u{1}", "\u{7f}", "”"]
            .iter()
            .enumerate()
        {
            for len in 0..20 {
                for at in 0..=len {
                    let mut text: String = "abcdefghijklmnopqrstuvwxyz"[..len].to_string();
                    text.insert_str(at, odd);
                    text.push_str(if k % 2 == 0 { " tail" } else { "" });
                    let ours: Vec<&str> = words(&text).collect();
                    let std: Vec<&str> = text.split_whitespace().collect();
                    assert_eq!(ours, std, "{text:?}");
                }
            }
        }
        // Every char of the first 0x3100 alone and between letters.
        for c in (0..0x3100u32).filter_map(char::from_u32) {
            let text = format!("a{c}b {c}");
            let ours: Vec<&str> = words(&text).collect();
            let std: Vec<&str> = text.split_whitespace().collect();
            assert_eq!(ours, std, "U+{:04X}", c as u32);
        }
    }
}
