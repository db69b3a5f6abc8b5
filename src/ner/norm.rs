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
    for c in word.chars().map(fold) {
        if c.is_ascii_digit() {
            h.char('0');
        } else if c.is_ascii() {
            h.char(c.to_ascii_lowercase());
        } else {
            c.to_lowercase().for_each(|l| h.char(l));
        }
    }
    h.finish()
}
