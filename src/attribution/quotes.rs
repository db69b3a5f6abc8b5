//! Direct quotes and who said them.
//!
//! A quote is text between double quotation marks, straight or curly, that runs over
//! paragraphs when each continued paragraph reopens the quote (the newspaper convention). Its
//! speaker is read from the attribution around it: "Putin said", "said Peskov", "Pezeshkian was
//! cited as telling", "the TASS news agency cited Putin as telling", a pronoun ("he said") taken
//! to be the person last named as speaking, or, for a quote that follows another in the same
//! paragraph with no attribution of its own, the previous quote's speaker. Speakers are resolved
//! against the entity list by mention spans, then by name, so a badly typed entity still counts.

use crate::attribution::sources::Source;
use crate::entities::Entity;
use crate::text::paragraphs::sentence_spans;
use crate::text::span::{Loc, Span};
use crate::text::wordlist;
use serde::Serialize;

/// One direct quote.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Quote {
    /// The quote, quotation marks included.
    #[serde(flatten)]
    pub loc: Loc,
    /// The words quoted, white space folded.
    pub text: String,
    /// Who said it, as the text names them, when the text says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// Index of the speaker in the entity list.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker_entity: Option<usize>,
    /// The attribution verb ("said", "was cited as telling").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cue: Option<String>,
    /// The source the quote was taken from ("TASS", "IRNA").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
}

/// Shortest quote, in words. Shorter quoted words ("very close", "Shahed") are scare quotes or
/// names, not statements.
const MIN_QUOTE_WORDS: usize = 3;

/// Words read between a quote and its attribution verb ("..., Kremlin spokesman Dmitry Peskov
/// told reporters on Friday"); further away, a verb belongs to another clause.
const MAX_ATTRIBUTION_WORDS: usize = 10;

/// Verbs of speaking (lowercase), past and present.
const VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "added",
    "adds",
    "noted",
    "notes",
    "stated",
    "states",
    "warned",
    "warns",
    "declared",
    "explained",
    "insisted",
    "wrote",
    "writes",
    "tweeted",
    "posted",
    "praised",
    "described",
    "called",
    "urged",
    "asked",
    "replied",
    "stressed",
    "emphasized",
    "emphasised",
    "announced",
    "argued",
    "claimed",
    "confirmed",
    "continued",
    "cited",
    "quoted",
    "quipped",
    "recalled",
    "acknowledged",
    "admitted",
    "remarked",
    "say",
];

/// Words between a speaker and the verb: "Putin was cited as telling", "he reportedly said".
const AUXILIARIES: &[&str] = &[
    "was",
    "were",
    "is",
    "has",
    "had",
    "have",
    "also",
    "reportedly",
    "later",
    "earlier",
    "then",
    "previously",
    "again",
    "further",
    "had",
    "been",
    "once",
];

const PRONOUNS: &[&str] = &["he", "she"];

/// Quotes read per article. A long feature has a few hundred; past this the input is a corpus,
/// and the rest is left unread so that attribution stays linear in the text.
const MAX_QUOTES: usize = 2_000;

/// Speech verbs read per article, for the same reason.
const MAX_ATTRIBUTIONS: usize = 5_000;

/// Bytes read after or before a quote for its attribution: a few dozen words. A sentence of
/// megabytes with a quote every few words would otherwise be read once per quote.
const MAX_ATTRIBUTION_BYTES: usize = 400;

/// The sorted span in `spans` that holds byte `at`, by binary search.
fn holding(spans: &[Span], at: u32) -> Option<Span> {
    let i = spans.partition_point(|s| s.end < at);
    spans
        .get(i)
        .copied()
        .filter(|s| s.start <= at && at <= s.end)
}

/// Finds the quotes in the story `paragraphs` of `text`.
pub fn find(
    text: &str,
    paragraphs: &[Span],
    entities: &[Entity],
    sources: &[Source],
) -> Vec<Quote> {
    let mut spans = quote_spans(text, paragraphs);
    spans.truncate(MAX_QUOTES);
    let sentences: Vec<Span> = paragraphs
        .iter()
        .flat_map(|&p| sentence_spans(text, p))
        .collect();
    // Attributions in sentences outside quotes keep "the person last named as speaking" current.
    let mut events: Vec<(u32, Event)> = Vec::new();
    for &s in &sentences {
        for (verb, agent) in attributions(text, s, &spans) {
            events.push((verb.start, Event::Said(agent)));
        }
        if events.len() >= MAX_ATTRIBUTIONS {
            break;
        }
    }
    for (k, q) in spans.iter().enumerate() {
        events.push((q.start, Event::Quote(k)));
    }
    events.sort_by_key(|(at, e)| (*at, matches!(e, Event::Said(_))));
    let index = Index::new(entities, sources);
    let mut last_person: Option<Speaker> = None;
    let mut quotes: Vec<Quote> = Vec::new();
    let mut previous: Option<(usize, Span)> = None; // (quote index, paragraph)
    for (_, event) in events {
        match event {
            Event::Said(agent) => {
                if let Some(sp) = index.resolve(text, agent, &last_person) {
                    if !sp.medium {
                        last_person = Some(sp);
                    }
                }
            }
            Event::Quote(k) => {
                let q = spans[k];
                let para = holding(paragraphs, q.start).unwrap_or(q);
                let end_sentence = holding(&sentences, q.end.saturating_sub(1)).unwrap_or(q);
                let start_sentence = holding(&sentences, q.start).unwrap_or(q);
                let after_end = (end_sentence.end.max(q.end) as usize)
                    .min(floor_char(text, q.end as usize + MAX_ATTRIBUTION_BYTES));
                let after = Span::new(q.end as usize, after_end);
                let before_start = (start_sentence.start.min(q.start) as usize).max(ceil_char(
                    text,
                    (q.start as usize).saturating_sub(MAX_ATTRIBUTION_BYTES),
                ));
                let before = Span::new(before_start, q.start as usize);
                let agent =
                    agent_after(text, after, &spans).or_else(|| agent_before(text, before, &spans));
                let mut speaker = agent.and_then(|a| {
                    let cue = a.cue;
                    index.resolve(text, a, &last_person).map(|s| (s, cue))
                });
                let via = sources
                    .iter()
                    .flat_map(|s| s.mentions.iter().map(move |m| (s, m)))
                    .find(|(_, m)| {
                        let at = m.loc.span();
                        start_sentence.start <= at.start && at.end <= end_sentence.end.max(q.end)
                    })
                    .map(|(s, _)| s.name.clone());
                if speaker.as_ref().is_some_and(|(s, _)| s.medium) {
                    speaker = None;
                }
                let inherited = speaker.is_none()
                    && previous.is_some_and(|(_, p)| p == para)
                    && before.of(text).trim().is_empty();
                let mut quote = Quote {
                    loc: q.into(),
                    text: fold(inner(q.of(text))),
                    speaker: None,
                    speaker_entity: None,
                    cue: None,
                    via,
                };
                if let Some((s, cue)) = speaker {
                    quote.speaker = Some(s.name.clone());
                    quote.speaker_entity = s.entity;
                    quote.cue = Some(cue.of(text).to_string());
                    last_person = Some(s);
                } else if inherited {
                    if let Some((i, _)) = previous {
                        let prev: &Quote = &quotes[i];
                        quote.speaker = prev.speaker.clone();
                        quote.speaker_entity = prev.speaker_entity;
                        if quote.via.is_none() {
                            quote.via = prev.via.clone();
                        }
                    }
                }
                previous = Some((quotes.len(), para));
                quotes.push(quote);
            }
        }
    }
    quotes
}

enum Event {
    Said(Agent),
    Quote(usize),
}

/// Who an attribution names: a span of the text, and the verb phrase.
#[derive(Clone, Copy, Debug)]
struct Agent {
    span: Span,
    cue: Span,
}

#[derive(Clone, Debug)]
struct Speaker {
    name: String,
    entity: Option<usize>,
    medium: bool,
}

fn floor_char(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn ceil_char(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at += 1;
    }
    at
}

fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn inner(q: &str) -> &str {
    q.trim_start_matches(['“', '"'])
        .trim_end_matches(['”', '"'])
}

fn is_open_mark(c: char) -> bool {
    c == '“' || c == '"'
}

/// Quote spans: marks included, over paragraphs where each continued paragraph reopens.
fn quote_spans(text: &str, paragraphs: &[Span]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (k, &p) in paragraphs.iter().enumerate() {
        let s = p.of(text);
        let base = p.start as usize;
        let mut prev = ' ';
        let mut skip_reopen = open.is_some();
        for (i, c) in s.char_indices() {
            let at = base + i;
            if skip_reopen {
                skip_reopen = false;
                if is_open_mark(c) {
                    prev = c;
                    continue;
                }
                open = None;
            }
            let straight_opens = c == '"'
                && (prev.is_whitespace() || matches!(prev, '(' | '[' | '—' | '–' | '-' | ':'));
            match open {
                None if c == '“' || straight_opens => open = Some(at),
                Some(start) if c == '”' || (c == '"' && !straight_opens) => {
                    let span = Span::new(start, at + c.len_utf8());
                    if inner(span.of(text)).split_whitespace().count() >= MIN_QUOTE_WORDS {
                        out.push(span);
                    }
                    open = None;
                }
                Some(_) if c == '“' || straight_opens => open = Some(at),
                _ => {}
            }
            prev = c;
        }
        // An open quote continues only into a paragraph that starts by reopening it.
        let continues = paragraphs
            .get(k + 1)
            .is_some_and(|n| n.of(text).starts_with(is_open_mark));
        if !continues {
            open = None;
        }
    }
    out
}

/// A word without the punctuation around it (hyphens and apostrophes inside are kept).
fn word_core(w: &str) -> &str {
    w.trim_matches(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '’'))
}

/// Word spans of `span` outside `quotes`, punctuation trimmed, with a flag for a comma or other
/// clause mark right after the word.
fn words(text: &str, span: Span, quotes: &[Span]) -> Vec<(Span, bool)> {
    let s = span.of(text);
    let mut out = Vec::new();
    for w in s.split_whitespace() {
        let offset = span.start as usize + (w.as_ptr() as usize - s.as_ptr() as usize);
        let core = word_core(w);
        if core.is_empty() {
            continue;
        }
        let start = offset + (core.as_ptr() as usize - w.as_ptr() as usize);
        let ws = Span::new(start, start + core.len());
        if holding(quotes, ws.start).is_some_and(|q| q.overlaps(ws)) {
            continue;
        }
        // An initial ("C. Eugene Steuerle") or a title ("Dr.") ends with a period but not a clause.
        let initial = core.chars().count() <= 3
            && core.chars().next().is_some_and(char::is_uppercase)
            && w.ends_with('.');
        let clause_break =
            (w.ends_with([',', ';', ':', '.', '—', '–']) && !initial) || w.starts_with(['(', ',']);
        out.push((ws, clause_break));
    }
    out
}

fn lower(text: &str, w: Span) -> String {
    w.of(text).to_lowercase()
}

/// Whether word `w` is one of `list` (lowercase ASCII), in any case.
fn is_one_of(text: &str, w: Span, list: &[&str]) -> bool {
    wordlist::is_any(w.of(text), list)
}

fn is_capitalised(text: &str, w: Span) -> bool {
    w.of(text).chars().next().is_some_and(char::is_uppercase)
}

/// "…,” Putin said", "…,” said Putin", "…,” the TASS news agency cited Putin as telling",
/// "…,” he said": the attribution right after a quote.
fn agent_after(text: &str, after: Span, quotes: &[Span]) -> Option<Agent> {
    let ws = words(text, after, quotes);
    let Some(v) = ws
        .iter()
        .take(MAX_ATTRIBUTION_WORDS)
        .position(|&(w, _)| is_one_of(text, w, VERBS))
    else {
        return final_clause(text, &ws);
    };
    let verb = ws[v].0;
    // "cited Putin as telling", "quoted Peskov as saying": the speaker follows the verb.
    if is_one_of(text, verb, &["cited", "quoted"]) {
        let run = name_run(text, &ws[v + 1..]);
        if let Some(name) = run {
            let follows_as = ws
                .get(v + 1 + name.1)
                .is_some_and(|&(w, _)| is_one_of(text, w, &["as"]));
            if follows_as {
                let cue_end = ws.get(v + 2 + name.1).map_or(verb.end, |&(w, _)| w.end);
                return Some(Agent {
                    span: name.0,
                    cue: Span::new(verb.start as usize, cue_end as usize),
                });
            }
        }
    }
    if v == 0 {
        // "said Putin", "said Kremlin spokesman Dmitry Peskov"
        let (span, _) = name_run_loose(text, &ws[1..])?;
        return Some(Agent { span, cue: verb });
    }
    // "was cited as telling", "was quoted as saying": the cue runs through the participle.
    let participle = ws.get(v + 2).filter(|_| {
        ws.get(v + 1)
            .is_some_and(|&(w, _)| is_one_of(text, w, &["as"]))
    });
    let verb = match participle {
        Some(&(w, _)) if lower(text, w).ends_with("ing") => {
            Span::new(verb.start as usize, w.end as usize)
        }
        _ => verb,
    };
    subject_before(text, &ws[..v], verb)
}

/// "… and BRICS, said Putin.": an attribution closing a long sentence that began with a quote.
fn final_clause(text: &str, ws: &[(Span, bool)]) -> Option<Agent> {
    // Words in the sentence's last clause: "said Putin", "Kremlin spokesman Dmitry Peskov said".
    const MAX_CLAUSE_WORDS: usize = 6;
    let last_break = ws[..ws.len().saturating_sub(1)]
        .iter()
        .rposition(|&(_, brk)| brk)?;
    let clause = &ws[last_break + 1..];
    if clause.is_empty() || clause.len() > MAX_CLAUSE_WORDS {
        return None;
    }
    if is_one_of(text, clause[0].0, VERBS) {
        let (span, _) = name_run_loose(text, &clause[1..])?;
        return Some(Agent {
            span,
            cue: clause[0].0,
        });
    }
    let last = clause[clause.len() - 1].0;
    if is_one_of(text, last, VERBS) {
        return subject_before(text, &clause[..clause.len() - 1], last);
    }
    None
}

/// "Pezeshkian said earlier that Israel should “…”": the last attribution before the quote
/// within its sentence.
fn agent_before(text: &str, before: Span, quotes: &[Span]) -> Option<Agent> {
    let ws = words(text, before, quotes);
    let v = ws.iter().rposition(|&(w, _)| is_one_of(text, w, VERBS))?;
    let verb = ws[v].0;
    if let Some(agent) = subject_before(text, &ws[..v], verb) {
        return Some(agent);
    }
    let (span, _) = name_run_loose(text, &ws[v + 1..])?;
    Some(Agent { span, cue: verb })
}

/// Attributions of a sentence outside quotes: each speech verb with its subject.
fn attributions(text: &str, sentence: Span, quotes: &[Span]) -> Vec<(Span, Agent)> {
    // Most sentences have no speech verb at all: find that out before placing every word.
    let has_verb = sentence
        .of(text)
        .split_whitespace()
        .any(|w| wordlist::is_any(word_core(w), VERBS));
    if !has_verb {
        return Vec::new();
    }
    let ws = words(text, sentence, quotes);
    let mut out = Vec::new();
    for v in 0..ws.len() {
        let verb = ws[v].0;
        if !is_one_of(text, verb, VERBS) {
            continue;
        }
        let agent = subject_before(text, &ws[..v], verb).or_else(|| {
            name_run_loose(text, &ws[v + 1..]).map(|(span, _)| Agent { span, cue: verb })
        });
        if let Some(agent) = agent {
            out.push((verb, agent));
        }
    }
    out
}

/// The subject ending right before a verb: a capitalised name run, a pronoun, or "the Iranian
/// president", skipping auxiliaries ("was cited as") and a bracketing "according to X" clause.
fn subject_before(text: &str, ws: &[(Span, bool)], verb: Span) -> Option<Agent> {
    let mut end = ws.len();
    let cue_start = |end: usize| ws.get(end).map_or(verb.start, |&(w, _)| w.start);
    // "was cited as telling": the verb phrase starts at the auxiliary.
    while end > 0 && is_one_of(text, ws[end - 1].0, AUXILIARIES) {
        end -= 1;
    }
    let cue = Span::new(cue_start(end) as usize, verb.end as usize);
    // A clause between commas before the verb is an aside, and the subject comes before it:
    // "Pezeshkian, according to IRNA, noted", "Mark Warner, a Virginia Democrat, said".
    const MAX_ASIDE_WORDS: usize = 8;
    if end >= 2 && ws[end - 1].1 {
        if let Some(k) = (0..end - 1).rev().take(MAX_ASIDE_WORDS).find(|&k| ws[k].1) {
            let opens_aside = is_one_of(
                text,
                ws[k + 1].0,
                &["a", "an", "the", "according", "who", "which"],
            ) || !is_capitalised(text, ws[k + 1].0);
            if opens_aside && is_capitalised(text, ws[k].0) {
                end = k + 1;
            }
        }
    }
    if end == 0 {
        return None;
    }
    let last = ws[end - 1];
    if last.1
        && end < ws.len()
        && ws[end - 1].0.end < ws[end.min(ws.len() - 1)].0.start
        && cue.start != verb.start
    {
        // A clause break right before the auxiliary: no subject in this clause.
    }
    let w = lower(text, last.0);
    if PRONOUNS.contains(&w.as_str()) {
        return Some(Agent { span: last.0, cue });
    }
    if is_capitalised(text, last.0) {
        let run_start = |end: usize| {
            let mut first = end - 1;
            while first > 0 && is_capitalised(text, ws[first - 1].0) && !ws[first - 1].1 {
                first -= 1;
            }
            first
        };
        let mut first = run_start(end);
        let mut last = last;
        // "Senator Mitch McConnell of Kentucky called": the speaker is before the place.
        if first >= 2
            && is_one_of(text, ws[first - 1].0, &["of"])
            && is_capitalised(text, ws[first - 2].0)
        {
            last = ws[first - 2];
            first = run_start(first - 1);
        }
        return Some(Agent {
            span: Span::new(ws[first].0.start as usize, last.0.end as usize),
            cue,
        });
    }
    // "Senator James Lankford, an Oklahoma Republican who warned": the relative pronoun stands
    // for the name before the aside.
    if matches!(w.as_str(), "who" | "which" | "that" | "whose") {
        const MAX_ASIDE_WORDS: usize = 8;
        let k = (0..end - 1)
            .rev()
            .take(MAX_ASIDE_WORDS)
            .find(|&k| ws[k].1)
            .filter(|&k| is_capitalised(text, ws[k].0))?;
        return subject_before(text, &ws[..=k], verb).map(|a| Agent { cue, ..a });
    }
    // "the Iranian president", "a Kremlin spokesperson": a short noun phrase after an article.
    let start =
        (end.saturating_sub(4)..end).find(|&k| is_one_of(text, ws[k].0, &["the", "a", "an"]))?;
    if ws[start..end - 1].iter().any(|&(_, brk)| brk) {
        return None;
    }
    Some(Agent {
        span: Span::new(ws[start].0.start as usize, last.0.end as usize),
        cue,
    })
}

/// A capitalised run at the start of `ws`: its span and its length in words.
fn name_run(text: &str, ws: &[(Span, bool)]) -> Option<(Span, usize)> {
    let n = ws
        .iter()
        .take_while(|&&(w, _)| is_capitalised(text, w))
        .count();
    let n = ws[..n]
        .iter()
        .position(|&(_, brk)| brk)
        .map_or(n, |k| k + 1);
    (n > 0).then(|| {
        (
            Span::new(ws[0].0.start as usize, ws[n - 1].0.end as usize),
            n,
        )
    })
}

/// A name after a verb, titles in lowercase allowed: "said Kremlin spokesman Dmitry Peskov".
fn name_run_loose(text: &str, ws: &[(Span, bool)]) -> Option<(Span, usize)> {
    let take = ws
        .iter()
        .take(5)
        .position(|&(_, brk)| brk)
        .map_or(ws.len().min(5), |k| k + 1);
    let slice = &ws[..take];
    let last_cap = slice.iter().rposition(|&(w, _)| is_capitalised(text, w))?;
    if !is_capitalised(text, slice[0].0) && !is_one_of(text, slice[0].0, &["the", "a"]) {
        return None;
    }
    Some((
        Span::new(slice[0].0.start as usize, slice[last_cap].0.end as usize),
        last_cap + 1,
    ))
}

/// The entity list arranged for lookups: mentions by position, names by key. Built once per
/// article so that each attribution costs a few binary searches, not a pass over all mentions.
struct Index<'a> {
    entities: &'a [Entity],
    sources: &'a [Source],
    /// (mention span, entity index), sorted by span.
    mentions: Vec<(Span, usize)>,
    /// (lookup key of a name or alias, entity index), sorted.
    names: Vec<(String, usize)>,
    /// (last word of a name's key, entity index), sorted: "pezeshkian" → Masoud Pezeshkian.
    surnames: Vec<(String, usize)>,
}

fn name_key(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .replace(['’', '\''], "")
}

impl<'a> Index<'a> {
    fn new(entities: &'a [Entity], sources: &'a [Source]) -> Index<'a> {
        let mut mentions: Vec<(Span, usize)> = Vec::new();
        let mut names = Vec::new();
        let mut surnames = Vec::new();
        for (i, e) in entities.iter().enumerate() {
            mentions.extend(e.mentions.iter().map(|m| (m.loc.span(), i)));
            let key = name_key(&e.name);
            if let Some(last) = key.rsplit(' ').next().filter(|_| key.contains(' ')) {
                surnames.push((last.to_string(), i));
            }
            names.push((key, i));
            names.extend(e.aliases.iter().map(|a| (name_key(a), i)));
        }
        mentions.sort_unstable();
        names.sort_unstable();
        surnames.sort_unstable();
        Index {
            entities,
            sources,
            mentions,
            names,
            surnames,
        }
    }

    fn lookup(list: &[(String, usize)], key: &str) -> Option<usize> {
        let i = list.partition_point(|(k, _)| k.as_str() < key);
        list.get(i).filter(|(k, _)| k == key).map(|&(_, e)| e)
    }

    /// Turns an attribution's subject into a speaker: the entity whose mention ends it ("Kremlin
    /// spokesman Dmitry Peskov" → Dmitry Peskov), or one named the same, or the text itself. A
    /// pronoun is the person last named as speaking.
    fn resolve(&self, text: &str, agent: Agent, last: &Option<Speaker>) -> Option<Speaker> {
        let written = agent.span.of(text);
        if PRONOUNS.contains(&written.to_lowercase().as_str()) {
            return last.clone();
        }
        let medium = self
            .sources
            .iter()
            .any(|s| s.mentions.iter().any(|m| agent.span.overlaps(m.loc.span())));
        let first = self
            .mentions
            .partition_point(|(m, _)| m.start < agent.span.start);
        let by_span = self.mentions[first..]
            .iter()
            .take_while(|(m, _)| m.start < agent.span.end)
            // The name must end the subject: in "a Kremlin spokesperson" the speaker is not the
            // Kremlin.
            .filter(|(m, _)| agent.span.contains(*m) && m.end == agent.span.end)
            .map(|&(_, i)| i)
            .next();
        let by_name = || {
            let key = name_key(written);
            Self::lookup(&self.names, &key).or_else(|| Self::lookup(&self.surnames, &key))
        };
        let entity = by_span.or_else(by_name);
        let name = match entity {
            Some(i) => self.entities[i].name.clone(),
            None => fold(written),
        };
        Some(Speaker {
            name,
            entity,
            medium,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<(String, Option<String>)> {
        let paragraphs = crate::text::paragraphs::lines(text);
        find(text, &paragraphs, &[], &[])
            .into_iter()
            .map(|q| (q.text, q.speaker))
            .collect()
    }

    fn q(text: &str, speaker: Option<&str>) -> (String, Option<String>) {
        (text.to_string(), speaker.map(str::to_string))
    }

    #[test]
    fn attribution_shapes() {
        type Case<'a> = (&'a str, &'a [(&'a str, Option<&'a str>)]);
        let cases: &[Case] = &[
            ("“We are working together,” Putin said.", &[("We are working together,", Some("Putin"))]),
            ("\"We do consider it vital,\" said Pezeshkian.", &[("We do consider it vital,", Some("Pezeshkian"))]),
            (
                "“We actively work together,” the TASS news agency cited Putin as telling Pezeshkian.",
                &[("We actively work together,", Some("Putin"))],
            ),
            (
                "Pezeshkian, according to IRNA, noted that ties grew. “Our positions are much closer,” he was quoted as telling the Russian leader.",
                &[("Our positions are much closer,", Some("Pezeshkian"))],
            ),
            (
                "Kremlin spokesman Dmitry Peskov said the agenda will focus on “primarily bilateral Russian-Iranian relations,” according to Tass.\n“But it will be on the agenda,” he reportedly said. “In any case, there will be a serious conversation.”",
                &[
                    ("primarily bilateral Russian-Iranian relations,", Some("Dmitry Peskov")),
                    ("But it will be on the agenda,", Some("Dmitry Peskov")),
                    ("In any case, there will be a serious conversation.", Some("Dmitry Peskov")),
                ],
            ),
            ("The sign read “no entry here today” on Friday.", &[("no entry here today", None)]),
            ("A “very close” tie.", &[]),
            (
                "Mark Warner, a Virginia Democrat, said it was “the worst piece of legislation,” on Friday.",
                &[("the worst piece of legislation,", Some("Mark Warner"))],
            ),
            (
                "Senator Mitch McConnell of Kentucky called it “the transcendent issue of our era.”",
                &[("the transcendent issue of our era.", Some("Senator Mitch McConnell"))],
            ),
            (
                "Senator James Lankford, an Oklahoma Republican who warned of it, spoke.\n“I understand it’s a risk,” he said.",
                &[("I understand it’s a risk,", Some("Senator James Lankford"))],
            ),
            (
                "“It’s very much something to worry about,” said C. Eugene Steuerle, a fellow.",
                &[("It’s very much something to worry about,", Some("C. Eugene Steuerle"))],
            ),
        ];
        for (text, want) in cases {
            let want: Vec<_> = want.iter().map(|&(t, s)| q(t, s)).collect();
            assert_eq!(quotes(text), want, "{text}");
        }
    }

    #[test]
    fn quote_over_paragraphs() {
        let text = "“The first part goes on,\n“and the second part ends here,” Putin said.";
        assert_eq!(
            quotes(text),
            [q(
                "The first part goes on, “and the second part ends here,",
                Some("Putin")
            )]
        );
    }
}
