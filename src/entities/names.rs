//! Name forms: the lookup key mentions are compared by, acronyms and their initials, and the
//! alias groups of countries and bodies.

/// Groups of names that refer to the same country or body, lowercased, periods removed.
/// Only alternative names of one referent: a capital is not its country.
const ALIASES: &[&[&str]] = &[
    &[
        "united states",
        "us",
        "usa",
        "united states of america",
        "america",
    ],
    &["united kingdom", "uk", "britain", "great britain"],
    &["russia", "russian federation"],
    &["european union", "eu"],
    &["united nations", "un"],
    &["united arab emirates", "uae"],
    &["democratic republic of congo", "drc", "dr congo"],
    &[
        "north korea",
        "dprk",
        "democratic people's republic of korea",
    ],
    &["south korea", "republic of korea"],
    &["china", "people's republic of china", "prc"],
    &["iran", "islamic republic of iran"],
    &["czech republic", "czechia"],
    &["netherlands", "holland", "the netherlands"],
    &[
        "north atlantic treaty organization",
        "nato",
        "north atlantic treaty organisation",
    ],
    &["islamic state", "isis", "isil"],
];

/// Words an acronym skips ("Organisation of the Petroleum Exporting Countries" → OPEC).
const MINOR_WORDS: &[&str] = &["of", "the", "and", "for", "de", "in", "on", "&"];

/// A name with line breaks and runs of spaces folded.
pub(super) fn tidy(s: &str) -> String {
    whitespace::words(s).collect::<Vec<_>>().join(" ")
}

/// The lookup key: lowercase, periods dropped, apostrophes straightened, spaces folded.
pub(super) fn key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for word in whitespace::words(name) {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            match c {
                '.' => {}
                '\u{2019}' | '\u{2018}' => out.push('\''),
                '-' | '\u{2010}' | '\u{2011}' => out.push(' '),
                _ => out.extend(c.to_lowercase()),
            }
        }
    }
    out
}

/// The first name of the alias group `key` belongs to ("us" → "united states"), if any. `key` is
/// lowercase with periods dropped.
pub(crate) fn alias_root(key: &str) -> Option<&'static str> {
    let key = key.strip_prefix("the ").unwrap_or(key);
    ALIASES
        .iter()
        .find(|group| group.contains(&key))
        .map(|group| group[0])
}

pub(super) fn is_acronym(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| *c != '.').collect();
    (2..=8).contains(&letters.len()) && letters.iter().all(|c| c.is_uppercase())
}

pub(super) fn initials(key: &str) -> String {
    key.split(' ')
        .filter(|w| !MINOR_WORDS.contains(w))
        .filter_map(|w| w.chars().next())
        .collect()
}
use crate::text::whitespace;
