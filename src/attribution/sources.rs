//! Cited sources: the news agencies and outlets an article attributes things to ("according to
//! Tass", "the TASS news agency cited", "Iran's official IRNA news agency", "per the AP",
//! "Xinhua news agency reported", "told Reuters"), counted, and tied to the entity list.

use crate::entities::{mentions_by_position, Entity, EntityMention};
use crate::text::chars;
use crate::text::span::Span;
use crate::text::whitespace;
use crate::text::wordlist::{self, Filter};
use serde::Serialize;

/// Kinds of source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    /// A news agency (wire service).
    Agency,
    /// Any other news outlet.
    Outlet,
}

/// One cited source.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Source {
    /// Its name as first cited ("Tass", "IRNA", "AP").
    pub name: String,
    /// Agency or outlet.
    pub kind: SourceKind,
    /// Number of citations.
    pub count: usize,
    /// Index of the same thing in the entity list, when the recognizer found it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity: Option<usize>,
    /// Each citation's name, in text order.
    pub mentions: Vec<EntityMention>,
}

/// Wire services known by name (lowercase). Any other name followed by "news agency" is one too.
const AGENCIES: &[&str] = &[
    "reuters",
    "ap",
    "associated press",
    "afp",
    "agence france-presse",
    "agence france presse",
    "tass",
    "itar-tass",
    "ria",
    "ria novosti",
    "interfax",
    "xinhua",
    "irna",
    "isna",
    "fars",
    "tasnim",
    "mehr",
    "ilna",
    "ians",
    "pti",
    "ani",
    "kyodo",
    "yonhap",
    "dpa",
    "efe",
    "ansa",
    "anadolu",
    "upi",
    "sputnik",
    "kcna",
    "sana",
    "wafa",
    "mena",
    "bernama",
    "antara",
    "pap",
    "ukrinform",
    "belta",
    "bloomberg",
    "jiji",
    "petra",
    "qna",
    "wam",
    "spa",
    "kuna",
    "apa",
];

/// Outlets known by name (lowercase, without a leading "the").
const OUTLETS: &[&str] = &[
    "bbc",
    "cnn",
    "al jazeera",
    "new york times",
    "washington post",
    "guardian",
    "financial times",
    "wall street journal",
    "kommersant",
    "izvestia",
    "rbc",
    "rt",
    "press tv",
    "irib",
    "cctv",
    "global times",
    "politico",
    "axios",
    "nbc",
    "cbs",
    "abc",
    "fox news",
    "sky news",
    "le monde",
    "der spiegel",
    "haaretz",
    "times of israel",
    "al arabiya",
    "vedomosti",
    "novaya gazeta",
    "meduza",
    "nhk",
    "the times",
    "telegraph",
    "independent",
    "npr",
    "daily mail",
    "newsweek",
    "time",
    "the economist",
    "economist",
    "el pais",
    "asahi",
    "nikkei",
    "south china morning post",
];

/// Words after a name that make it a medium: "IRNA news agency", "Tass news agency".
/// Not "agency" alone: "the Iranian Space Agency" is not a news source.
const AGENCY_AFTER: &[&str] = &[
    "news agency",
    "press agency",
    "wire service",
    "news service",
];
/// Words before a name that make it a medium: "state media outlet Tass", "the newspaper Izvestia".
const MEDIUM_BEFORE: &[&str] = &[
    "news agency",
    "media outlet",
    "outlet",
    "newspaper",
    "daily",
    "broadcaster",
    "channel",
    "television",
    "tv",
    "website",
];
/// Words after a name that make it an outlet: "Kommersant newspaper", "Rossiya 1 television".
const OUTLET_AFTER: &[&str] = &[
    "newspaper",
    "daily",
    "broadcaster",
    "television",
    "tv",
    "channel",
    "website",
    "magazine",
    "radio",
];
/// Phrases after which a known medium is cited: "according to Tass", "told Reuters".
const CITE_BEFORE: &[&str] = &[
    "according to",
    "told",
    "per",
    "cited by",
    "quoted by",
    "reported by",
    "interview with",
    "speaking to",
    "said to",
    "reports from",
    "report by",
    "citing",
];
/// Verbs after which a known medium is cited: "Tass reported", "IRNA cited".
const CITE_AFTER: &[&str] = &[
    "reported",
    "reports",
    "said",
    "says",
    "cited",
    "quoted",
    "wrote",
    "added",
    "noted",
    "carried",
    "published",
];

/// Citations read per article. A long story cites a few dozen times; past this the input is a
/// corpus, and grouping by name would grow with the square of the count.
const MAX_CITATIONS: usize = 5_000;

/// One word of the text and where it is.
#[derive(Clone, Copy)]
struct Word<'a> {
    span: Span,
    text: &'a str,
}

fn words(text: &str, p: Span) -> Vec<Word<'_>> {
    let s = p.of(text);
    let mut out = Vec::new();
    for w in whitespace::words(s) {
        let offset = w.as_ptr() as usize - s.as_ptr() as usize;
        let core = chars::trim_to(w, |c| chars::is_alphanumeric(c) || c == '-' || c == '&');
        if core.is_empty() {
            continue;
        }
        let inner = core.as_ptr() as usize - w.as_ptr() as usize;
        let start = p.start as usize + offset + inner;
        let mut core = core;
        // A possessive is not part of the name: "Iran’s", "Reuters'".
        for suffix in ["’s", "'s"] {
            core = core.strip_suffix(suffix).unwrap_or(core);
        }
        out.push(Word {
            span: Span::new(start, start + core.len()),
            text: core,
        });
    }
    out
}

fn is_name(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Lookup key: lowercase, no leading "the", no periods.
fn key(name: &str) -> String {
    let lower = name.to_lowercase().replace('.', "");
    lower.strip_prefix("the ").unwrap_or(&lower).to_string()
}

/// Whether `phrase` (lowercase ASCII words, a space between) is the words of `ws` from `i` on.
/// Cue phrases are lowercase ASCII: comparing without case needs no lowercase copies, and
/// comparing word by word in place, no split of the phrase, as most fail at the first word.
fn phrase_at(ws: &[Word], i: usize, phrase: &str) -> bool {
    let mut rest = phrase.as_bytes();
    for w in ws.get(i..).unwrap_or_default() {
        let w = w.text.as_bytes();
        let Some(head) = rest.get(..w.len()).filter(|h| h.eq_ignore_ascii_case(w)) else {
            return false;
        };
        match rest.get(head.len()) {
            None => return true,
            Some(b' ') => rest = &rest[head.len() + 1..],
            Some(_) => return false,
        }
    }
    false
}

/// Whether `phrase` is the words of `ws` that end before `end`, as [`phrase_at`], matched from
/// its last word back.
fn phrase_ends_at(ws: &[Word], end: usize, phrase: &str) -> bool {
    let mut rest = phrase.as_bytes();
    for w in ws.get(..end).unwrap_or_default().iter().rev() {
        let w = w.text.as_bytes();
        let Some(at) = rest.len().checked_sub(w.len()) else {
            return false;
        };
        if !rest[at..].eq_ignore_ascii_case(w) {
            return false;
        }
        match at.checked_sub(1) {
            None => return true,
            Some(space) if rest[space] == b' ' => rest = &rest[..space],
            Some(_) => return false,
        }
    }
    false
}

/// Words that may end a cue before a name, and that may start one after it.
const CUE_BEFORE_LAST: Filter = Filter::last_words(&[MEDIUM_BEFORE, CITE_BEFORE]);
const CUE_AFTER_FIRST: Filter = Filter::first_words(&[AGENCY_AFTER, OUTLET_AFTER, CITE_AFTER]);

/// Longest source name tried, in words: no known agency or outlet has more.
const MAX_NAME_WORDS: usize = 4;

/// Finds cited sources in the story `paragraphs` of `text`, tied to `entities`. Sorted by count,
/// then first citation.
pub fn find(text: &str, paragraphs: &[Span], entities: &[Entity]) -> Vec<Source> {
    let mut found: Vec<(Span, SourceKind)> = Vec::new();
    for &p in paragraphs {
        let ws = words(text, p);
        let mut i = 0;
        while i < ws.len() {
            // Longest known name starting here: "Associated Press", "RIA Novosti".
            // Counted no further than it is used: a line of capitalised words ("I I I ...")
            // would otherwise be walked to its end from each of its words (issue 16).
            let run = (i..ws.len())
                .take_while(|&j| is_name(ws[j].text))
                .take(MAX_NAME_WORDS)
                .count();
            if run == 0 {
                i += 1;
                continue;
            }
            // What comes before the name is the same for every length tried. A cue's phrases
            // are tried only where the word next to the name may be one's last (or first)
            // word: most words are none's, and the filter says so without trying each.
            let ends_cue = |end: usize| end > 0 && CUE_BEFORE_LAST.may_have(ws[end - 1].text);
            let medium_before =
                ends_cue(i) && MEDIUM_BEFORE.iter().any(|c| phrase_ends_at(&ws, i, c));
            let after_the = i > 0 && wordlist::is_any(ws[i - 1].text, &["the"]) && ends_cue(i - 1);
            let cited_before = (ends_cue(i) || after_the)
                && CITE_BEFORE.iter().any(|c| {
                    phrase_ends_at(&ws, i, c) || (after_the && phrase_ends_at(&ws, i - 1, c))
                });
            let mut hit: Option<(usize, SourceKind)> = None;
            for len in (1..=run).rev() {
                let after = i + len;
                let cue_after = ws
                    .get(after)
                    .is_some_and(|w| CUE_AFTER_FIRST.may_have(w.text));
                let agency_cue = cue_after && AGENCY_AFTER.iter().any(|c| phrase_at(&ws, after, c));
                let outlet_cue = cue_after && OUTLET_AFTER.iter().any(|c| phrase_at(&ws, after, c));
                let cited = cited_before
                    || cue_after && CITE_AFTER.iter().any(|c| phrase_at(&ws, after, c));
                // Only a cue makes a name a source: most names have none, and skip the lookup.
                if !(agency_cue || outlet_cue || medium_before || cited) {
                    continue;
                }
                let name = &text[ws[i].span.start as usize..ws[i + len - 1].span.end as usize];
                let k = key(name);
                let known_agency = AGENCIES.contains(&k.as_str());
                let known_outlet = OUTLETS.contains(&k.as_str());
                let kind = if known_agency || agency_cue {
                    SourceKind::Agency
                } else {
                    SourceKind::Outlet
                };
                let is_source = agency_cue
                    || outlet_cue
                    || (medium_before && (len == 1 || known_agency || known_outlet))
                    || ((known_agency || known_outlet) && (cited || medium_before));
                // "Urusov/ Roscosmos": a photo credit, not a citation.
                let is_source = is_source && !name.contains('/');
                if is_source {
                    hit = Some((len, kind));
                    break;
                }
            }
            match hit {
                Some((len, kind)) => {
                    found.push((
                        Span::new(ws[i].span.start as usize, ws[i + len - 1].span.end as usize),
                        kind,
                    ));
                    i += len;
                }
                None => i += run,
            }
        }
    }
    found.truncate(MAX_CITATIONS);
    group(text, found, entities)
}

fn group(text: &str, found: Vec<(Span, SourceKind)>, entities: &[Entity]) -> Vec<Source> {
    let mut sources: Vec<Source> = Vec::new();
    // (key, index into `sources`), sorted: grouping stays n log n however many names there are.
    let mut by_key: Vec<(String, usize)> = Vec::new();
    for (span, kind) in found {
        let written = span.of(text);
        let k = key(written);
        let mention = EntityMention {
            loc: span.into(),
            text: written.into(),
        };
        let slot = by_key.binary_search_by(|(bk, _)| bk.as_str().cmp(&k));
        match slot
            .ok()
            .map(|at| by_key[at].1)
            .and_then(|i| sources.get_mut(i))
        {
            Some(s) => {
                s.count += 1;
                s.mentions.push(mention);
                if kind == SourceKind::Agency {
                    s.kind = kind;
                }
            }
            None => {
                if let Err(at) = slot {
                    by_key.insert(at, (k, sources.len()));
                }
                sources.push(Source {
                    name: written.to_string(),
                    kind,
                    count: 1,
                    entity: None,
                    mentions: vec![mention],
                });
            }
        }
    }
    // Entity names and aliases by key.
    let mut names: Vec<(String, usize)> = entities
        .iter()
        .enumerate()
        .flat_map(|(i, e)| {
            std::iter::once(key(&e.name))
                .chain(e.aliases.iter().map(|a| key(a)))
                .map(move |k| (k, i))
        })
        .collect();
    names.sort_unstable();
    // Entity mentions by position, to find one under a citation by binary search.
    let positions = mentions_by_position(entities);
    for s in &mut sources {
        let k = key(&s.name);
        let at = names.partition_point(|(n, _)| n.as_str() < k.as_str());
        s.entity = names
            .get(at)
            .filter(|(n, _)| *n == k)
            .map(|&(_, i)| i)
            .or_else(|| {
                s.mentions.iter().find_map(|sm| {
                    let at = sm.loc.span();
                    let i = positions.partition_point(|(m, _)| m.end <= at.start);
                    positions[i..]
                        .iter()
                        .take_while(|(m, _)| m.start < at.end)
                        .find(|(m, _)| m.overlaps(at))
                        .map(|&(_, e)| e as usize)
                })
            });
    }
    sources.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then(a.mentions[0].loc.start.cmp(&b.mentions[0].loc.start))
    });
    sources
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(String, SourceKind, usize)> {
        find(text, &[Span::new(0, text.len())], &[])
            .into_iter()
            .map(|s| (s.name, s.kind, s.count))
            .collect()
    }

    use SourceKind::*;

    #[test]
    fn citation_shapes() {
        type Case<'a> = (&'a str, &'a [(&'a str, SourceKind, usize)]);
        let cases: &[Case] = &[
            (
                "Putin said so, according to Tass. TASS added more.",
                &[("Tass", Agency, 2)],
            ),
            ("the TASS news agency cited Putin", &[("TASS", Agency, 1)]),
            (
                "by Iran’s official IRNA news agency.",
                &[("IRNA", Agency, 1)],
            ),
            ("covers all areas, per the AP .", &[("AP", Agency, 1)]),
            (
                "in Syria later in the day, Xinhua news agency reported",
                &[("Xinhua", Agency, 1)],
            ),
            (
                "U.S. officials told Reuters, even as",
                &[("Reuters", Agency, 1)],
            ),
            (
                "according to Russian state media outlet Tass.",
                &[("Tass", Agency, 1)],
            ),
            (
                "the Kommersant newspaper wrote",
                &[("Kommersant", Outlet, 1)],
            ),
            ("according to Peskov, the talks went well", &[]),
            ("Putin met Pezeshkian in Ashgabat.", &[]),
        ];
        for (text, want) in cases {
            let want: Vec<(String, SourceKind, usize)> = want
                .iter()
                .map(|&(n, k, c)| (n.to_string(), k, c))
                .collect();
            assert_eq!(names(text), want, "{text}");
        }
    }
}
