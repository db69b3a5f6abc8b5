//! Direct quotes and who said them.
//!
//! A quote is text between double quotation marks, straight or curly, that runs over
//! paragraphs when each continued paragraph reopens the quote (the newspaper convention). Its
//! speaker is read from the attribution around it: "Putin said", "said Peskov", "Pezeshkian was
//! cited as telling", "the TASS news agency cited Putin as telling", a pronoun ("he said") taken
//! to be the person last named as speaking, or, for a quote that follows another in the same
//! paragraph with no attribution of its own, the previous quote's speaker. Speakers are resolved
//! against the entity list by mention spans, then by name, so a badly typed entity still counts.

use super::speakers::{agent_after, agent_before, attributions, Agent, PRONOUNS};
use crate::attribution::sources::Source;
use crate::entities::{mentions_by_position, Entity};
use crate::text::paragraphs::sentence_spans;
use crate::text::scan;
use crate::text::span::{holding, serialize_with_loc, Loc, Span};
use crate::text::whitespace;

/// One direct quote.
#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    /// The quote, quotation marks included.
    pub loc: Loc,
    /// The words quoted, white space folded.
    pub text: String,
    /// Who said it, as the text names them, when the text says.
    pub speaker: Option<String>,
    /// Index of the speaker in the entity list.
    pub speaker_entity: Option<usize>,
    /// The attribution verb ("said", "was cited as telling").
    pub cue: Option<String>,
    /// The source the quote was taken from ("TASS", "IRNA").
    pub via: Option<String>,
}

serialize_with_loc!(Quote {
    loc: [loc],
    text: ["text"],
    speaker: [opt "speaker"],
    speaker_entity: [opt "speakerEntity"],
    cue: [opt "cue"],
    via: [opt "via"],
});

/// Shortest quote, in words. Shorter quoted words ("very close", "Shahed") are scare quotes or
/// names, not statements.
const MIN_QUOTE_WORDS: usize = 3;

/// Quotes read per article. A long feature has a few hundred; past this the input is a corpus,
/// and the rest is left unread so that attribution stays linear in the text.
const MAX_QUOTES: usize = 2_000;

/// Speech verbs read per article, for the same reason.
const MAX_ATTRIBUTIONS: usize = 5_000;

/// Bytes read after or before a quote for its attribution: a few dozen words. A sentence of
/// megabytes with a quote every few words would otherwise be read once per quote.
const MAX_ATTRIBUTION_BYTES: usize = 400;

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
        let most = MAX_ATTRIBUTIONS.saturating_sub(events.len());
        for (verb, agent) in attributions(text, s, &spans, most) {
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
    whitespace::words(s).collect::<Vec<_>>().join(" ")
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
        // A quote open at the paragraph's start goes on only if the paragraph reopens it.
        let mut from = 0;
        if open.is_some() {
            match s.chars().next() {
                Some(c) if is_open_mark(c) => from = c.len_utf8(),
                _ => open = None,
            }
        }
        // Only the marks matter: find them by their bytes (`"`, and `“` `”`, E2 80 9C/9D),
        // without decoding the text between.
        let bytes = s.as_bytes();
        for i in scan::positions(bytes, from, [b'"', 0xE2, 0xE2]) {
            let c = match bytes[i] {
                b'"' => '"',
                0xE2 if bytes.get(i + 1) == Some(&0x80) => match bytes.get(i + 2) {
                    Some(0x9C) => '“',
                    Some(0x9D) => '”',
                    _ => continue,
                },
                _ => continue,
            };
            let at = base + i;
            // At the paragraph's start, as after a space.
            let prev = s[..i].chars().next_back().unwrap_or(' ');
            let straight_opens = c == '"'
                && (prev.is_whitespace() || matches!(prev, '(' | '[' | '—' | '–' | '-' | ':'));
            match open {
                None if c == '“' || straight_opens => open = Some(at),
                Some(start) if c == '”' || (c == '"' && !straight_opens) => {
                    let span = Span::new(start, at + c.len_utf8());
                    // Counted no further than the bound: a quotation runs to dozens of words.
                    let words = whitespace::words(inner(span.of(text)));
                    if words.take(MIN_QUOTE_WORDS).count() == MIN_QUOTE_WORDS {
                        out.push(span);
                    }
                    open = None;
                }
                Some(_) if c == '“' || straight_opens => open = Some(at),
                _ => {}
            }
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

/// The entity list arranged for lookups: mentions by position, names by key. Built once per
/// article so that each attribution costs a few binary searches, not a pass over all mentions.
struct Index<'a> {
    entities: &'a [Entity],
    sources: &'a [Source],
    /// (mention span, entity index), sorted by span.
    mentions: Vec<(Span, u32)>,
    /// (lookup key of a name or alias, entity index), sorted.
    names: Vec<(String, usize)>,
    /// (last word of a name's key, entity index), sorted: "pezeshkian" → Masoud Pezeshkian.
    surnames: Vec<(String, usize)>,
}

fn name_key(s: &str) -> String {
    whitespace::words(s)
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .replace(['’', '\''], "")
}

impl<'a> Index<'a> {
    fn new(entities: &'a [Entity], sources: &'a [Source]) -> Index<'a> {
        let mut names = Vec::new();
        let mut surnames = Vec::new();
        for (i, e) in entities.iter().enumerate() {
            let key = name_key(&e.name);
            if let Some(last) = key.rsplit(' ').next().filter(|_| key.contains(' ')) {
                surnames.push((last.to_string(), i));
            }
            names.push((key, i));
            names.extend(e.aliases.iter().map(|a| (name_key(a), i)));
        }
        names.sort_unstable();
        surnames.sort_unstable();
        Index {
            entities,
            sources,
            mentions: mentions_by_position(entities),
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
            .map(|&(_, i)| i as usize)
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
