//! The normalised word form that the gazetteers and the tagger's word features share: typographic
//! punctuation folded to ASCII, lower case, every digit `0`. Both sides hash it the same way, so
//! a gazetteer entry matches exactly the tokens whose word feature it would be.

use crate::text::hash::Hasher;

/// The ASCII form of typographic punctuation. CoNLL-2003 is plain ASCII ("-", `"`, "'"), and
/// web text is not: without this an en dash is an unknown word and joins names ("West – Putin").
pub fn fold(c: char) -> char {
    match c {
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' => '"',
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => '\'',
        '\u{2026}' => '.',
        _ => c,
    }
}

/// Hash of a word lowercased with every digit as `0`: the form gazetteers and word features use.
pub fn norm_hash(word: &str) -> u64 {
    let mut h = Hasher::new();
    // Byte by byte while the word is ASCII, as most are (`fold` changes no ASCII character),
    // then by characters from the first one that is not.
    let mut rest = "";
    for (i, &b) in word.as_bytes().iter().enumerate() {
        if !b.is_ascii() {
            rest = &word[i..];
            break;
        }
        h.char(if b.is_ascii_digit() {
            '0'
        } else {
            char::from(b.to_ascii_lowercase())
        });
    }
    add_chars(&mut h, rest);
    h.finish()
}

/// Adds `text`'s characters in the normalised form to `h`.
fn add_chars(h: &mut Hasher, text: &str) {
    for c in text.chars().map(fold) {
        if c.is_ascii_digit() {
            h.char('0');
        } else if c.is_ascii() {
            h.char(c.to_ascii_lowercase());
        } else {
            c.to_lowercase().for_each(|l| h.char(l));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The definition, character by character, that the byte-wise start of `norm_hash` keeps.
    fn by_chars(word: &str) -> u64 {
        let mut h = Hasher::new();
        add_chars(&mut h, word);
        h.finish()
    }

    #[test]
    fn ascii_words_hash_as_their_characters_do() {
        for w in [
            "",
            "Putin",
            "PUTIN",
            "2024",
            "G7",
            "Zelensky\u{2019}s",
            "Caf\u{e9}",
            "\u{c9}COLE",
            "x\u{2014}y",
            "\u{130}stanbul",
            "a1\u{e9}9B",
            "\u{212a}elvin",
            "stra\u{df}e",
        ] {
            assert_eq!(norm_hash(w), by_chars(w), "{w}");
        }
        assert_eq!(norm_hash("Putin"), norm_hash("putin"));
        assert_eq!(norm_hash("G7"), norm_hash("g0"));
        assert_eq!(norm_hash("Zelensky\u{2019}s"), norm_hash("zelensky's"));
    }
}
