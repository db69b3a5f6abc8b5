//! `char::is_alphanumeric` and `char::is_alphabetic`, answered without Unicode's tables for the
//! punctuation of news text. The standard library answers ASCII at once and searches its tables
//! for any other character, letters and then numbers; most of a news text's other characters are
//! typographic quotes, dashes and ellipses from General Punctuation (U+2000-U+206F), a block
//! with no letter or digit in it, which these turn away by their range. Every stage trims and
//! splits words with them.

/// The block of typographic punctuation, spaces and format characters: none alphanumeric.
const GENERAL_PUNCTUATION: std::ops::RangeInclusive<char> = '\u{2000}'..='\u{206F}';

/// `c.is_alphanumeric()`.
#[inline]
pub(crate) fn is_alphanumeric(c: char) -> bool {
    classify(c, char::is_ascii_alphanumeric, char::is_alphanumeric)
}

/// `c.is_alphabetic()`.
#[inline]
pub(crate) fn is_alphabetic(c: char) -> bool {
    classify(c, char::is_ascii_alphabetic, char::is_alphabetic)
}

/// `word` without what is not a letter or digit at either end: "“Putin,”" -> "Putin".
pub(crate) fn bare(word: &str) -> &str {
    trim_to(word, is_alphanumeric)
}

/// `word` without the chars `keep` refuses at either end; `keep` accepts every ASCII letter and
/// digit, so a word that starts and ends with one, as most do, is returned without a search.
pub(crate) fn trim_to(word: &str, keep: impl Fn(char) -> bool) -> &str {
    let b = word.as_bytes();
    if b.first().is_some_and(u8::is_ascii_alphanumeric)
        && b.last().is_some_and(u8::is_ascii_alphanumeric)
    {
        return word;
    }
    word.trim_matches(|c: char| !keep(c))
}

/// `ascii(c)` for ASCII, `false` in [`GENERAL_PUNCTUATION`], else `other(c)` (std's tables).
#[inline(always)]
fn classify(c: char, ascii: fn(&char) -> bool, other: fn(char) -> bool) -> bool {
    if c.is_ascii() {
        ascii(&c)
    } else {
        !GENERAL_PUNCTUATION.contains(&c) && other(c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_char_is_classed_as_std_classes_it() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            assert_eq!(
                is_alphanumeric(c),
                c.is_alphanumeric(),
                "U+{:04X}",
                c as u32
            );
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn bare_words_are_trimmed_words() {
        let words = [
            "Putin",
            "“Putin,”",
            "(AP)",
            "3.5%",
            "—",
            "",
            "a",
            "’s",
            "U.S.",
            "x-",
            "é!",
        ];
        for w in words {
            assert_eq!(
                bare(w),
                w.trim_matches(|c: char| !c.is_alphanumeric()),
                "{w:?}"
            );
        }
    }
}
