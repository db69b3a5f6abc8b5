//! Matching a word of the text against a list of lowercase ASCII words ("said", "told") without
//! making a lowercase copy of it: the cue lists of several stages are looked up once per word,
//! and copies would be most of their cost. The same for finding a cue inside a line: the
//! positions found are positions in the text itself, never in a lowercased copy, whose letters
//! may have other lengths (Turkish İ, the Kelvin sign, ẞ).

/// The pieces of `text` between occurrences of the ASCII byte `sep`, as `text.split(sep)` gives
/// them, found by comparing bytes: for the embedded lists, tens of thousands of short pieces,
/// where the general pattern search costs more than the pieces' own work.
pub(crate) fn pieces(text: &str, sep: u8) -> impl Iterator<Item = &str> {
    debug_assert!(sep.is_ascii());
    let mut at = 0;
    // An ASCII byte is never inside a character, so every piece starts and ends on a boundary.
    text.as_bytes().split(move |&b| b == sep).map(move |piece| {
        let start = at;
        at += piece.len() + 1;
        &text[start..start + piece.len()]
    })
}

/// The lines of an embedded list: its [`pieces`] between newlines, without the `\r` of a
/// CRLF file.
pub(crate) fn list_lines(text: &str) -> impl Iterator<Item = &str> {
    pieces(text, b'\n').map(|l| l.strip_suffix('\r').unwrap_or(l))
}

/// Whether `word` is one of `list` (lowercase ASCII), in any case.
pub(crate) fn is_any(word: &str, list: &[&str]) -> bool {
    list.iter().any(|c| word.eq_ignore_ascii_case(c))
}

/// Phrases (ASCII) that a line may begin with ([`Affixes::openings`]) or end with
/// ([`Affixes::endings`]), behind a set of their first (or last) bytes made at compile time: most
/// lines begin and end with a byte none of them has, and are turned away without a comparison.
pub(crate) struct Affixes {
    list: &'static [&'static str],
    /// Whether the phrases end lines rather than begin them.
    last: bool,
    /// A bit per ASCII byte that some phrase begins (or ends) with.
    bytes: u128,
}

impl Affixes {
    /// Phrases found at the beginning of a line; none empty.
    pub(crate) const fn openings(list: &'static [&'static str]) -> Affixes {
        Affixes::new(list, false)
    }

    /// Phrases found at the end of a line; none empty.
    pub(crate) const fn endings(list: &'static [&'static str]) -> Affixes {
        Affixes::new(list, true)
    }

    const fn new(list: &'static [&'static str], last: bool) -> Affixes {
        let mut bytes = 0u128;
        let mut i = 0;
        while i < list.len() {
            let p = list[i].as_bytes();
            assert!(
                !p.is_empty() && p.is_ascii(),
                "affixes are ASCII and not empty"
            );
            let b = if last { p[p.len() - 1] } else { p[0] };
            bytes |= 1 << b;
            i += 1;
        }
        Affixes { list, last, bytes }
    }

    /// Whether `line` begins (for openings) or ends (for endings) with one of the phrases.
    pub(crate) fn found_in(&self, line: &str) -> bool {
        let b = if self.last {
            line.as_bytes().last()
        } else {
            line.as_bytes().first()
        };
        b.is_some_and(|&b| b < 128 && self.bytes >> b & 1 == 1)
            && self.list.iter().any(|p| {
                if self.last {
                    line.ends_with(p)
                } else {
                    line.starts_with(p)
                }
            })
    }
}

/// Which words may be on a list, made at compile time: by length (the last entry for every
/// longer word), a bit per first byte in any ASCII case (several bytes share one). A word it
/// turns away is not on the list; one it lets through may be.
#[derive(Clone, Copy)]
pub(crate) struct Filter([u32; 32]);

impl Filter {
    /// Lets through the word of `len` bytes whose first byte is `first` (`None`: empty).
    const fn with(mut self, len: usize, first: Option<u8>) -> Filter {
        self.0[Filter::length(len)] |= Filter::bucket(first);
        self
    }

    const fn length(n: usize) -> usize {
        if n < 31 {
            n
        } else {
            31
        }
    }

    const fn bucket(first: Option<u8>) -> u32 {
        match first {
            Some(b) => 1 << (b.to_ascii_lowercase() & 31),
            None => 1,
        }
    }

    /// The first words of the phrases (words a space apart) of `lists`.
    pub(crate) const fn first_words(lists: &[&[&str]]) -> Filter {
        Filter::of_phrases(lists, false)
    }

    /// The last words of the phrases of `lists`.
    pub(crate) const fn last_words(lists: &[&[&str]]) -> Filter {
        Filter::of_phrases(lists, true)
    }

    /// The first (or, with `last`, the last) word of each phrase of `lists`.
    const fn of_phrases(lists: &[&[&str]], last: bool) -> Filter {
        let mut f = Filter([0; 32]);
        let mut l = 0;
        while l < lists.len() {
            let mut i = 0;
            while i < lists[l].len() {
                let p = lists[l][i].as_bytes();
                // The word is p[start..end]: up to the first space, or after the last.
                let (mut start, mut end) = (0, 0);
                if last {
                    (start, end) = (p.len(), p.len());
                    while start > 0 && p[start - 1] != b' ' {
                        start -= 1;
                    }
                } else {
                    while end < p.len() && p[end] != b' ' {
                        end += 1;
                    }
                }
                let first = if start < end { Some(p[start]) } else { None };
                f = f.with(end - start, first);
                i += 1;
            }
            l += 1;
        }
        f
    }

    /// Whether `word` may be one of the filter's words, in any ASCII case.
    pub(crate) fn may_have(&self, word: &str) -> bool {
        let w = word.as_bytes();
        self.0[Filter::length(w.len())] & Filter::bucket(w.first().copied()) != 0
    }
}

/// A list of lowercase ASCII words that most words of a text are not on, looked up for every
/// word of a text (speech verbs, abbreviations, the outlet's voice): [`is_any`] behind a
/// [`Filter`] that turns almost every other word away without reading the list.
pub(crate) struct Words {
    list: &'static [&'static str],
    filter: Filter,
}

impl Words {
    /// `list`: lowercase ASCII words.
    pub(crate) const fn new(list: &'static [&'static str]) -> Words {
        Words {
            list,
            filter: Filter::first_words(&[list]),
        }
    }

    /// Whether `word` is on the list, in any case: what [`is_any`] says.
    pub(crate) fn has(&self, word: &str) -> bool {
        self.filter.may_have(word) && is_any(word, self.list)
    }

    /// The words, lowercase.
    pub(crate) fn list(&self) -> &'static [&'static str] {
        self.list
    }
}

/// Whether `word` starts with `prefix` (lowercase ASCII), in any case.
pub(crate) fn starts_with(word: &str, prefix: &str) -> bool {
    word.as_bytes()
        .get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// `text` without the prefix `prefix` (lowercase ASCII), in any case.
pub(crate) fn strip_prefix<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    // The match is ASCII, so the rest starts on a char boundary.
    starts_with(text, prefix).then(|| &text[prefix.len()..])
}

/// `text` without the suffix `suffix` (lowercase ASCII), in any case.
pub(crate) fn strip_suffix<'t>(text: &'t str, suffix: &str) -> Option<&'t str> {
    let at = text.len().checked_sub(suffix.len())?;
    let tail = text.as_bytes().get(at..)?;
    (tail.eq_ignore_ascii_case(suffix.as_bytes()) && text.is_char_boundary(at)).then(|| &text[..at])
}

/// Where `needle` (lowercase ASCII) first occurs in `text` at or after byte `from`, in any
/// case. The position is `text`'s own, and on a char boundary.
pub(crate) fn find(text: &str, needle: &str, from: usize) -> Option<usize> {
    let (hay, n) = (text.as_bytes(), needle.as_bytes());
    if n.is_empty() || from > hay.len() {
        return None;
    }
    (from..=hay.len().checked_sub(n.len())?).find(|&i| hay[i..i + n.len()].eq_ignore_ascii_case(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn affixes_find_what_a_search_of_every_phrase_finds() {
        const LIST: &[&str] = &["image caption", "photo:", "getty images", "ap"];
        let (begin, end) = (Affixes::openings(LIST), Affixes::endings(LIST));
        for line in [
            "",
            "a",
            "photo: reuters",
            "x photo:",
            "via getty images",
            "ap",
            "caption",
            "é photo:",
        ] {
            assert_eq!(
                begin.found_in(line),
                LIST.iter().any(|p| line.starts_with(p)),
                "{line:?}"
            );
            assert_eq!(
                end.found_in(line),
                LIST.iter().any(|p| line.ends_with(p)),
                "{line:?}"
            );
        }
    }

    #[test]
    fn pieces_are_what_split_gives() {
        for text in [
            "",
            " ",
            "a",
            "new york",
            " two  spaces ",
            "caf\u{e9} \u{e9}t\u{e9}\n",
            "a\nb\n\nc",
        ] {
            for sep in [b' ', b'\n'] {
                let split: Vec<&str> = text.split(char::from(sep)).collect();
                assert_eq!(pieces(text, sep).collect::<Vec<_>>(), split, "{text:?}");
            }
        }
    }

    #[test]
    fn words_have_what_is_any_has() {
        const LIST: Words = Words::new(&[
            "said",
            "told",
            "a",
            "",
            "x-ray",
            "internationalisation",
            "pneumonoultramicroscopicsilicovolcanoconiosis",
        ]);
        for word in [
            "said",
            "SAID",
            "Said",
            "saids",
            "sai",
            "s",
            "a",
            "A",
            "",
            "b",
            "told",
            "TOLD",
            "x-ray",
            "X-RAY",
            "xray",
            "sаid",
            "İ",
            "Said.",
            "\u{212A}",
            "INTERNATIONALISATION",
            "internationalisations",
            "abcdefghijklmnopqrstuvwxyz0123456789",
            "Pneumonoultramicroscopicsilicovolcanoconiosis",
            "pneumonoultramicroscopicsilicovolcanoconiosiss",
        ] {
            assert_eq!(LIST.has(word), is_any(word, LIST.list()), "{word:?}");
        }
        assert!(LIST.has("Told") && LIST.has("") && !LIST.has("tolds"));
    }

    #[test]
    fn phrase_filters_let_their_words_through() {
        const PHRASES: &[&str] = &["according to", "told", "news agency", "", "a b  c"];
        const FIRST: Filter = Filter::first_words(&[PHRASES, &["Per"]]);
        const LAST: Filter = Filter::last_words(&[PHRASES]);
        for w in [
            "according",
            "ACCORDING",
            "told",
            "news",
            "",
            "a",
            "per",
            "PER",
        ] {
            assert!(FIRST.may_have(w), "{w:?}");
        }
        for w in ["to", "To", "told", "agency", "", "c"] {
            assert!(LAST.may_have(w), "{w:?}");
        }
        assert!(!FIRST.may_have("to") && !FIRST.may_have("agency") && !FIRST.may_have("said"));
        assert!(!LAST.may_have("according") && !LAST.may_have("news") && !LAST.may_have("b"));
    }

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

    /// Letters whose lowercase form has another length do not move the positions found.
    #[test]
    fn cue_positions_are_the_texts_own() {
        let line = "İİİ Reporting by İbrahim Özdemir";
        let at = find(line, "reporting by", 0).unwrap();
        assert_eq!(&line[at..at + 12], "Reporting by");
        assert_eq!(
            strip_prefix("PUBLISHED: 1 May", "published"),
            Some(": 1 May")
        );
        assert_eq!(
            strip_suffix("Jim K\u{212A} contributed.", "contributed."),
            Some("Jim K\u{212A} ")
        );
        assert_eq!(strip_suffix("é", "e"), None);
        assert_eq!(find("abc", "abcd", 0), None);
    }
}
