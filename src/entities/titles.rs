//! Titles and roles before a person's name: stripped from the mention ("Russian President
//! Vladimir Putin" is "Vladimir Putin"), and evidence that the name is a person's.

use super::names::key;
use crate::ner::mention::{Kind, Mention};
use crate::text::chars;
use crate::text::span::Span;
use crate::text::whitespace;
use crate::text::wordlist::Words;

/// Leading words of a person's mention that are not part of the name: the titles only people
/// hold ([`PERSON_TITLES`]) and these other titles and role words ("Prime", "Foreign", "former").
const ROLE_WORDS: &[&str] = &[
    "prime",
    "king",
    "queen",
    "prince",
    "princess",
    "lord",
    "general",
    "gen",
    "foreign",
    "defence",
    "defense",
    "deputy",
    "vice",
    "chief",
    "leader",
    "supreme",
    "justice",
    "rep",
    "representative",
    "speaker",
    "col",
    "capt",
    "lt",
    "state",
    "former",
    "late",
    "new",
    "president-elect",
    "candidate",
    "saint",
];

/// Titles only a person holds: a name right after one is a person's ("President-elect Trump",
/// "Ayatollah Khamenei"), whatever the recognizer made of an unfamiliar name. Titles that also
/// begin names of places and bodies ("King Abdullah University", "General Motors", "former
/// Soviet Union") are left out.
const PERSON_TITLES: Words = Words::new(&[
    "president",
    "premier",
    "chancellor",
    "minister",
    "ayatollah",
    "sheikh",
    "pope",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sir",
    "dame",
    "senator",
    "sen",
    "governor",
    "gov",
    "mayor",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ambassador",
    "envoy",
    "judge",
    "commander",
    "colonel",
    "captain",
    "lieutenant",
    "sergeant",
    "secretary",
    "emperor",
]);

/// The words before mention `m`, nearest first, if only spaces separate it from the one right
/// before it (none if it follows a line break, a bracket or nothing).
fn words_before(text: &str, m: Mention) -> Option<impl Iterator<Item = &str>> {
    let before = text[..m.span.start as usize].trim_end_matches([' ', '\u{a0}']);
    (before.len() != m.span.start as usize).then(|| before.rsplit(char::is_whitespace))
}

/// A mention right after a person's title (see [`PERSON_TITLES`]; "President-elect" and
/// "ex-Senator" count), with only spaces between, is a person.
pub(super) fn person_after_title(text: &str, m: Mention) -> Mention {
    if m.kind == Kind::Per {
        return m;
    }
    let Some(mut words) = words_before(text, m) else {
        return m;
    };
    let word = words.next().unwrap_or("").trim_end_matches('.');
    if word.split(['-', '‐']).any(|part| PERSON_TITLES.has(part)) {
        Mention {
            kind: Kind::Per,
            ..m
        }
    } else {
        m
    }
}

/// Common nouns only bodies are ("the think tank Bruegel", "state broadcaster CCTV", "taxi
/// service Uber", "the chipmaker Nvidia"). Nouns people can be as well ("manufacturer",
/// "publisher", "producer", "analyst") are not here, nor those that also name places ("port").
const BODY_NOUNS: Words = Words::new(&[
    "agency",
    "airline",
    "automaker",
    "band",
    "bank",
    "broadcaster",
    "carmaker",
    "charity",
    "chipmaker",
    "club",
    "company",
    "conglomerate",
    "consultancy",
    "daily",
    "drugmaker",
    "firm",
    "giant",
    "group",
    "insurer",
    "lender",
    "magazine",
    "militia",
    "network",
    "newspaper",
    "outlet",
    "party",
    "platform",
    "regulator",
    "retailer",
    "service",
    "startup",
    "start-up",
    "tabloid",
    "tank",
    "watchdog",
    "website",
]);

/// A name right after a body's common noun (see [`BODY_NOUNS`]), the noun in lowercase with
/// only spaces between, names that body: tagged a person, but with an organisation as the
/// recognizer's next guess, it takes that guess. The noun decides only between the two the
/// recognizer was torn between; "tank" counts only after "think".
pub(super) fn body_after_noun(text: &str, m: Mention) -> Mention {
    if m.kind != Kind::Per || m.second != Some(Kind::Org) {
        return m;
    }
    let Some(mut words) = words_before(text, m) else {
        return m;
    };
    let word = words.next().unwrap_or("");
    let lowercase = !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase() || b == b'-');
    let noun =
        lowercase && BODY_NOUNS.has(word) && (word != "tank" || words.next() == Some("think"));
    if noun {
        Mention {
            kind: Kind::Org,
            ..m
        }
    } else {
        m
    }
}

/// A name right before a person's title ("Kremlin spokesman Dmitry Peskov", "Pentagon
/// official", "Foreign Ministry spokeswoman") is the body the person speaks for, not a person:
/// titles come before a person's name, after a body's. Tagged a person, it takes the kind the
/// recognizer would give it next.
pub(super) fn body_before_title(text: &str, m: Mention) -> Mention {
    if m.kind != Kind::Per {
        return m;
    }
    let Some(body) = m.second.filter(|&k| k != Kind::Per) else {
        return m;
    };
    let after = &text[m.span.end as usize..];
    let rest = after.trim_start_matches([' ', '\u{a0}']);
    if rest.len() == after.len() {
        return m;
    }
    let word = rest
        .split(|c: char| !chars::is_alphanumeric(c) && c != '-')
        .next()
        .unwrap_or("");
    if PERSON_TITLES.has(word) {
        Mention { kind: body, ..m }
    } else {
        m
    }
}

/// Drops leading titles and roles from a person's mention: everything up to the last title word
/// before the name ("Russian President Vladimir Putin", "Kremlin spokesman Dmitry Peskov").
pub(super) fn strip_title(text: &str, m: Mention) -> Mention {
    if m.kind != Kind::Per {
        return m;
    }
    let s = m.span.of(text);
    let words: Vec<(usize, &str)> = whitespace::words(s)
        .map(|w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
        .collect();
    let last_title = words[..words.len().saturating_sub(1)]
        .iter()
        .rposition(|(_, w)| {
            let k = key(w);
            PERSON_TITLES.list().contains(&k.as_str()) || ROLE_WORDS.contains(&k.as_str())
        });
    match last_title {
        Some(k) => Mention {
            span: Span::new(m.span.start as usize + words[k + 1].0, m.span.end as usize),
            ..m
        },
        None => m,
    }
}
