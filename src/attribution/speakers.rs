//! Who is speaking: the attribution around a quote ("Putin said", "said Peskov", "Pezeshkian
//! was cited as telling", "he said") read as a subject and a verb phrase. Turning the subject
//! into an entity is `quotes`' work.

use crate::text::chars;
use crate::text::span::{holding, Span};
use crate::text::whitespace;
use crate::text::wordlist::{self, Words};

/// Words read between a quote and its attribution verb ("..., Kremlin spokesman Dmitry Peskov
/// told reporters on Friday"); further away, a verb belongs to another clause.
pub(super) const MAX_ATTRIBUTION_WORDS: usize = 10;

/// Longest capitalised run read as a speaker, in words ("Russian Deputy Foreign Minister Sergei
/// Ryabkov" is six). Every verb reads the run before it: unbounded, a line of "Said Said ..."
/// would be read once per word (issue 16).
const MAX_SUBJECT_WORDS: usize = 8;

/// Verbs of speaking (lowercase), past and present.
pub(super) const VERBS: Words = Words::new(&[
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
]);

/// Words between a speaker and the verb: "Putin was cited as telling", "he reportedly said".
pub(super) const AUXILIARIES: &[&str] = &[
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

pub(super) const PRONOUNS: &[&str] = &["he", "she"];

/// Who an attribution names: a span of the text, and the verb phrase.
#[derive(Clone, Copy, Debug)]
pub(super) struct Agent {
    pub(super) span: Span,
    pub(super) cue: Span,
}

/// A word without the punctuation around it (hyphens and apostrophes inside are kept).
pub(super) fn word_core(w: &str) -> &str {
    chars::trim_to(w, |c| {
        chars::is_alphanumeric(c) || c == '-' || c == '\'' || c == '’'
    })
}

/// Word spans of `span` outside `quotes`, punctuation trimmed, with a flag for a comma or other
/// clause mark right after the word.
pub(super) fn words(text: &str, span: Span, quotes: &[Span]) -> Vec<(Span, bool)> {
    let s = span.of(text);
    let mut out = Vec::new();
    for w in whitespace::words(s) {
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

pub(super) fn lower(text: &str, w: Span) -> String {
    w.of(text).to_lowercase()
}

/// Whether word `w` is one of `list` (lowercase ASCII), in any case.
pub(super) fn is_one_of(text: &str, w: Span, list: &[&str]) -> bool {
    wordlist::is_any(w.of(text), list)
}

/// Whether word `w` is one of the speech [`VERBS`], in any case.
fn is_verb(text: &str, w: Span) -> bool {
    VERBS.has(w.of(text))
}

pub(super) fn is_capitalised(text: &str, w: Span) -> bool {
    w.of(text).chars().next().is_some_and(char::is_uppercase)
}

/// "…,” Putin said", "…,” said Putin", "…,” the TASS news agency cited Putin as telling",
/// "…,” he said": the attribution right after a quote.
pub(super) fn agent_after(text: &str, after: Span, quotes: &[Span]) -> Option<Agent> {
    let ws = words(text, after, quotes);
    let Some(v) = ws
        .iter()
        .take(MAX_ATTRIBUTION_WORDS)
        .position(|&(w, _)| is_verb(text, w))
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
pub(super) fn final_clause(text: &str, ws: &[(Span, bool)]) -> Option<Agent> {
    // Words in the sentence's last clause: "said Putin", "Kremlin spokesman Dmitry Peskov said".
    const MAX_CLAUSE_WORDS: usize = 6;
    let last_break = ws[..ws.len().saturating_sub(1)]
        .iter()
        .rposition(|&(_, brk)| brk)?;
    let clause = &ws[last_break + 1..];
    if clause.is_empty() || clause.len() > MAX_CLAUSE_WORDS {
        return None;
    }
    if is_verb(text, clause[0].0) {
        let (span, _) = name_run_loose(text, &clause[1..])?;
        return Some(Agent {
            span,
            cue: clause[0].0,
        });
    }
    let last = clause[clause.len() - 1].0;
    if is_verb(text, last) {
        return subject_before(text, &clause[..clause.len() - 1], last);
    }
    None
}

/// "Pezeshkian said earlier that Israel should “…”": the last attribution before the quote
/// within its sentence.
pub(super) fn agent_before(text: &str, before: Span, quotes: &[Span]) -> Option<Agent> {
    let ws = words(text, before, quotes);
    let v = ws.iter().rposition(|&(w, _)| is_verb(text, w))?;
    let verb = ws[v].0;
    if let Some(agent) = subject_before(text, &ws[..v], verb) {
        return Some(agent);
    }
    let (span, _) = name_run_loose(text, &ws[v + 1..])?;
    Some(Agent { span, cue: verb })
}

/// Attributions of a sentence outside quotes: each speech verb with its subject, the first `most`.
pub(super) fn attributions(
    text: &str,
    sentence: Span,
    quotes: &[Span],
    most: usize,
) -> Vec<(Span, Agent)> {
    // Most sentences have no speech verb at all: find that out before placing every word.
    let has_verb = whitespace::words(sentence.of(text)).any(|w| VERBS.has(word_core(w)));
    if !has_verb {
        return Vec::new();
    }
    let ws = words(text, sentence, quotes);
    let mut out = Vec::new();
    for v in 0..ws.len() {
        let verb = ws[v].0;
        if out.len() >= most {
            break;
        }
        if !is_verb(text, verb) {
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
pub(super) fn subject_before(text: &str, ws: &[(Span, bool)], verb: Span) -> Option<Agent> {
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
            while first > 0
                && end - first < MAX_SUBJECT_WORDS
                && is_capitalised(text, ws[first - 1].0)
                && !ws[first - 1].1
            {
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
pub(super) fn name_run(text: &str, ws: &[(Span, bool)]) -> Option<(Span, usize)> {
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
pub(super) fn name_run_loose(text: &str, ws: &[(Span, bool)]) -> Option<(Span, usize)> {
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
