//! A text's words between white space, as `str::split_whitespace` gives them, found faster:
//! nearly every stage splits lines, sentences or names into words, and the standard splitter
//! decodes every character to ask whether it is white space. Here an ASCII byte, most of any
//! news text, is judged by its value, and only a non-ASCII character is decoded.

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
#[inline]
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
        let bytes = s.as_bytes();
        while i < len {
            // Printable ASCII, most bytes of a word, is never white space.
            if (0x21..0x80).contains(&bytes[i]) {
                i += 1;
                continue;
            }
            let (space, n) = space_at(s, i);
            if space {
                break;
            }
            i += n;
        }
        self.at = i;
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
        // Every char of the first 0x3100 alone and between letters.
        for c in (0..0x3100u32).filter_map(char::from_u32) {
            let text = format!("a{c}b {c}");
            let ours: Vec<&str> = words(&text).collect();
            let std: Vec<&str> = text.split_whitespace().collect();
            assert_eq!(ours, std, "U+{:04X}", c as u32);
        }
    }
}
