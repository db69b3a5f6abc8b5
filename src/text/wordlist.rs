//! Matching a word of the text against a list of lowercase ASCII words ("said", "told") without
//! making a lowercase copy of it: the cue lists of several stages are looked up once per word,
//! and copies would be most of their cost.

/// Whether `word` is one of `list` (lowercase ASCII), in any case.
pub(crate) fn is_any(word: &str, list: &[&str]) -> bool {
    list.iter().any(|c| word.eq_ignore_ascii_case(c))
}

/// Whether `word` starts with `prefix` (lowercase ASCII), in any case.
pub(crate) fn starts_with(word: &str, prefix: &str) -> bool {
    word.as_bytes()
        .get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_case_ascii_only() {
        assert!(is_any("Said", &["told", "said"]));
        assert!(is_any("SAID", &["said"]));
        assert!(!is_any("saids", &["said"]));
        assert!(!is_any("sаid", &["said"])); // Cyrillic а
        assert!(starts_with("Subscribers", "subscri"));
        assert!(!starts_with("Sub", "subscri"));
        assert!(!starts_with("é", "e"));
    }
}
