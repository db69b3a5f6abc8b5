//! Named-entity recognition: finds the people, organisations, places and other names in
//! tokenised sentences.
//!
//! This first recognizer is a transparent rule: a run of capitalised words is a name, and the
//! words around it guess its kind. The trained tagger (issue 3) replaces it behind the same
//! function.

use crate::mention::{Kind, Mention};
use crate::segment::{Sentence, Token};
use crate::span::Span;

/// Words that are capitalised at the start of a sentence or as titles but name nothing.
const NOT_NAMES: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "It",
    "He",
    "She",
    "They",
    "We",
    "I",
    "This",
    "That",
    "These",
    "Those",
    "But",
    "And",
    "Or",
    "If",
    "As",
    "For",
    "With",
    "By",
    "From",
    "To",
    "Of",
    "His",
    "Her",
    "Their",
    "Our",
    "Its",
    "Your",
    "My",
    "After",
    "Before",
    "When",
    "While",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "President",
    "Prime",
    "Minister",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
];

/// Words that, ending a name, make it an organisation.
const ORG_HEADS: &[&str] = &[
    "Agency",
    "Union",
    "Organisation",
    "Organization",
    "Ministry",
    "Council",
    "Party",
    "Bank",
    "Committee",
    "Association",
    "Company",
    "Corporation",
    "Group",
    "Army",
    "Forces",
    "News",
];

/// Finds the names in each sentence.
pub fn recognize(text: &str, tokens: &[Token], sentences: &[Sentence]) -> Vec<Mention> {
    let mut out = Vec::new();
    for sentence in sentences {
        let toks = &tokens[sentence.tokens.clone()];
        let mut i = 0;
        while i < toks.len() {
            if !is_name_word(toks[i].span.of(text)) {
                i += 1;
                continue;
            }
            let start = i;
            while i < toks.len() && is_name_word(toks[i].span.of(text)) {
                i += 1;
            }
            let mut first = start;
            while first < i && NOT_NAMES.contains(&toks[first].span.of(text)) {
                first += 1;
            }
            if first == i {
                continue;
            }
            let span = Span {
                start: toks[first].span.start,
                end: toks[i - 1].span.end,
            };
            let prev = first.checked_sub(1).map(|p| toks[p].span.of(text));
            out.push(Mention {
                span,
                kind: guess_kind(span.of(text), prev),
            });
        }
    }
    out
}

fn is_name_word(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_alphabetic)
}

fn guess_kind(name: &str, prev: Option<&str>) -> Kind {
    let last = name.rsplit(' ').next().unwrap_or(name);
    if ORG_HEADS.contains(&last) || name.chars().all(|c| c.is_uppercase() || !c.is_alphabetic()) {
        Kind::Org
    } else if matches!(prev, Some("in" | "to" | "from" | "across")) {
        Kind::Loc
    } else if name.contains(' ') || matches!(prev, Some("President" | "Minister" | "said")) {
        Kind::Per
    } else {
        Kind::Misc
    }
}
