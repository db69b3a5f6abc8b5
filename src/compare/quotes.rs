//! Quotations and cited sources side by side.
//!
//! A quotation is shared when the two articles quote the same words, whoever they attribute
//! them to and however they punctuate them; a partial quotation of a longer one is shared too.
//! Each quotation and each source mention is marked as sitting in reused or in the outlet's own
//! text.
//!
//! This module reads quotes and sources through [`QuoteRef`] and [`SourceRef`], so it does not
//! depend on how the analysis stores them: [`quote_refs`] and [`source_refs`] are the only
//! functions that look inside an [`Analysis`].

use crate::analysis::Analysis;
use crate::compare::inherited::{Reused, Side};
use crate::compare::reuse::{hash_key, normalise, word_spans};
use crate::text::hash::IdMap;
use crate::text::span::{serialize_with_loc, Loc, Span};
use serde::Serialize;
use std::collections::HashMap;

/// Two quotations are the same when this share of their distinct words is common (Dice): room
/// for two translations of one remark ("We actively work together" / "We are actively working
/// together").
pub const SHARED_QUOTE_SIMILARITY: f64 = 0.6;

/// Two shared quotations have the same wording when this share of their distinct words is
/// common: a word dropped or changed at most. Below it they are the same remark in other words
/// (another translation, a paraphrase), which neither outlet took from the other: not inherited,
/// whatever passage it sits in.
pub const SAME_WORDING_SIMILARITY: f64 = 0.9;

/// How two outlets' versions of one quotation compare.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Wording {
    /// The same words (see [`SAME_WORDING_SIMILARITY`]).
    Same,
    /// The same remark in other words: another translation or a paraphrase.
    Other,
}

/// A shorter quotation whose words are nearly all in a longer one is a partial quotation of it,
/// when it has at least [`MIN_PARTIAL_QUOTE_WORDS`] distinct words.
const PARTIAL_QUOTE_CONTAINMENT: f64 = 0.9;
const MIN_PARTIAL_QUOTE_WORDS: usize = 4;

/// A word in more than this many of B's quotations ("the", "we") finds no candidates: it would
/// make matching quadratic in the number of quotations and says nothing about identity.
const MAX_QUOTES_PER_WORD: usize = 32;

/// One quotation as the comparison needs it.
#[derive(Clone, Copy, Debug)]
pub struct QuoteRef<'a> {
    /// Where it is.
    pub span: Span,
    /// The quoted words.
    pub text: &'a str,
    /// Who it is attributed to, if anyone.
    pub speaker: Option<&'a str>,
}

/// One cited source as the comparison needs it.
#[derive(Clone, Debug)]
pub struct SourceRef<'a> {
    /// Its name ("Reuters", "IRNA").
    pub name: &'a str,
    /// Where it is cited.
    pub mentions: Vec<Span>,
}

/// The quotations of an analysis.
pub(crate) fn quote_refs(analysis: &Analysis) -> Vec<QuoteRef<'_>> {
    analysis
        .quotes
        .iter()
        .map(|q| QuoteRef {
            span: q.loc.span(),
            text: &q.text,
            speaker: q.speaker.as_deref(),
        })
        .collect()
}

/// The cited sources of an analysis.
pub(crate) fn source_refs(analysis: &Analysis) -> Vec<SourceRef<'_>> {
    analysis
        .sources
        .iter()
        .map(|s| SourceRef {
            name: &s.name,
            mentions: s.mentions.iter().map(|m| m.loc.span()).collect(),
        })
        .collect()
}

/// One side of a quotation in the comparison.
#[derive(Clone, Debug, PartialEq)]
pub struct QuoteSide {
    /// Index into that article's `quotes`.
    pub index: usize,
    /// Where it is.
    pub loc: Loc,
    /// The quoted words.
    pub text: String,
    /// Who that article attributes it to.
    pub speaker: Option<String>,
    /// Whether it sits in text reused between the two articles (inherited) rather than in the
    /// outlet's own text (added).
    pub reused: bool,
}

serialize_with_loc!(QuoteSide {
    index: ["index"],
    loc: [loc],
    text: ["text"],
    speaker: [opt "speaker"],
    reused: ["reused"],
});

/// A quotation both articles carry.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SharedQuote {
    /// As A has it.
    pub a: QuoteSide,
    /// As B has it.
    pub b: QuoteSide,
    /// 0..1, how alike the words are; 1 for the same words.
    pub similarity: f64,
    /// Whether both give the same words or the same remark in other words; only the same words
    /// can be inherited.
    pub wording: Wording,
}

/// Quotations side by side.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuoteComparison {
    /// In both, in A order.
    pub shared: Vec<SharedQuote>,
    /// Only in A.
    pub only_a: Vec<QuoteSide>,
    /// Only in B.
    pub only_b: Vec<QuoteSide>,
}

impl QuoteComparison {
    /// Spans into A.
    pub fn locs_mut_a(&mut self) -> impl Iterator<Item = &mut Loc> {
        let shared = self.shared.iter_mut().map(|s| &mut s.a.loc);
        shared.chain(self.only_a.iter_mut().map(|q| &mut q.loc))
    }

    /// Spans into B.
    pub fn locs_mut_b(&mut self) -> impl Iterator<Item = &mut Loc> {
        let shared = self.shared.iter_mut().map(|s| &mut s.b.loc);
        shared.chain(self.only_b.iter_mut().map(|q| &mut q.loc))
    }
}

/// A cited source in the two articles.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SharedSource {
    /// Its name as first seen.
    pub name: String,
    /// Citations in A.
    pub count_a: usize,
    /// Citations in B.
    pub count_b: usize,
    /// Citations in A inside reused text.
    pub reused_a: usize,
    /// Citations in B inside reused text: inherited from A, not B's own sourcing.
    pub reused_b: usize,
}

/// Distinct normalised words of a quotation, as hashed keys (see [`hash_key`]), sorted.
fn word_set(text: &str) -> Vec<u64> {
    let mut words: Vec<u64> = word_spans(text, Span::new(0, text.len()))
        .map(|w| hash_key(w.of(text)))
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// How alike two quotations are: the Dice coefficient of their word sets, or 1 for a partial
/// quotation wholly inside the other.
fn similarity(x: &[u64], y: &[u64]) -> f64 {
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let shorter = x.len().min(y.len());
    if shorter >= MIN_PARTIAL_QUOTE_WORDS
        && common as f64 >= PARTIAL_QUOTE_CONTAINMENT * shorter as f64
    {
        return 1.0;
    }
    if x.is_empty() && y.is_empty() {
        return 0.0;
    }
    (2 * common) as f64 / (x.len() + y.len()) as f64
}

/// Matches quotations one to one, most alike pairs first.
pub fn compare_quotes(a: &[QuoteRef], b: &[QuoteRef], reused: &Reused) -> QuoteComparison {
    let (wa, wb): (Vec<_>, Vec<_>) = (
        a.iter().map(|q| word_set(q.text)).collect(),
        b.iter().map(|q| word_set(q.text)).collect(),
    );
    let mut index: IdMap<u64, Vec<usize>> = IdMap::default();
    for (j, words) in wb.iter().enumerate() {
        for &w in words {
            index.entry(w).or_default().push(j);
        }
    }
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (i, words) in wa.iter().enumerate() {
        let mut candidates: Vec<usize> = words
            .iter()
            .filter_map(|w| index.get(w))
            .filter(|js| js.len() <= MAX_QUOTES_PER_WORD)
            .flatten()
            .copied()
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        for j in candidates {
            let s = similarity(words, &wb[j]);
            if s >= SHARED_QUOTE_SIMILARITY {
                pairs.push((s, i, j));
            }
        }
    }
    pairs.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    let side = |q: &QuoteRef, index: usize, s: Side| QuoteSide {
        index,
        loc: q.span.into(),
        text: q.text.to_string(),
        speaker: q.speaker.map(str::to_string),
        reused: reused.on(s, q.span),
    };
    let (mut used_a, mut used_b) = (vec![false; a.len()], vec![false; b.len()]);
    let mut out = QuoteComparison::default();
    for (s, i, j) in pairs {
        if used_a[i] || used_b[j] {
            continue;
        }
        used_a[i] = true;
        used_b[j] = true;
        let (mut qa, mut qb) = (side(&a[i], i, Side::A), side(&b[j], j, Side::B));
        let wording = if s >= SAME_WORDING_SIMILARITY {
            Wording::Same
        } else {
            // Other words: whatever passage it sits in, neither took it from the other.
            qa.reused = false;
            qb.reused = false;
            Wording::Other
        };
        out.shared.push(SharedQuote {
            a: qa,
            b: qb,
            similarity: s,
            wording,
        });
    }
    out.shared.sort_by_key(|s| s.a.index);
    out.only_a = (0..a.len())
        .filter(|&i| !used_a[i])
        .map(|i| side(&a[i], i, Side::A))
        .collect();
    out.only_b = (0..b.len())
        .filter(|&j| !used_b[j])
        .map(|j| side(&b[j], j, Side::B))
        .collect();
    out
}

/// Sources merged by name (case and punctuation ignored), most cited overall first.
pub fn compare_sources(a: &[SourceRef], b: &[SourceRef], reused: &Reused) -> Vec<SharedSource> {
    let key = |name: &str| {
        let words: Vec<String> = word_spans(name, Span::new(0, name.len()))
            .map(|w| normalise(w.of(name)))
            .collect();
        words.join(" ")
    };
    let mut out: Vec<SharedSource> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for (sources, side) in [(a, Side::A), (b, Side::B)] {
        for s in sources {
            let k = *by_key.entry(key(s.name)).or_insert_with(|| {
                out.push(SharedSource {
                    name: s.name.to_string(),
                    count_a: 0,
                    count_b: 0,
                    reused_a: 0,
                    reused_b: 0,
                });
                out.len() - 1
            });
            let inherited = s.mentions.iter().filter(|&&m| reused.on(side, m)).count();
            let entry = &mut out[k];
            match side {
                Side::A => {
                    entry.count_a += s.mentions.len();
                    entry.reused_a += inherited;
                }
                Side::B => {
                    entry.count_b += s.mentions.len();
                    entry.reused_b += inherited;
                }
            }
        }
    }
    out.sort_by_key(|s| std::cmp::Reverse(s.count_a + s.count_b));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quote<'a>(text: &'a str, whole: &'a str, speaker: Option<&'a str>) -> QuoteRef<'a> {
        let start = whole.find(text).expect("quote in text");
        QuoteRef {
            span: Span::new(start, start + text.len()),
            text,
            speaker,
        }
    }

    #[test]
    fn shared_only_and_inherited() {
        let a = "“We actively work together in the international arena, and our assessments of current events in the world are often very close,” Putin said. “Stop killing innocent people,” he said. “A new world order is being formed.”";
        let b = "Intro. “We are actively working together in the international arena and our assessments of events taking place in the world are often very close,” Putin said. Israel should “stop killing innocent people”. “There will be a serious conversation,” Peskov said.";
        let qa = [
            quote("We actively work together in the international arena, and our assessments of current events in the world are often very close", a, Some("Putin")),
            quote("Stop killing innocent people", a, Some("Putin")),
            quote("A new world order is being formed.", a, None),
        ];
        let qb = [
            quote("We are actively working together in the international arena and our assessments of events taking place in the world are often very close", b, Some("Putin")),
            quote("stop killing innocent people", b, Some("Pezeshkian")),
            quote("There will be a serious conversation", b, Some("Peskov")),
        ];
        // Pretend B's second sentence is reused text.
        let second = b.find("Israel").unwrap();
        let reused = Reused::from_spans(&[(Span::new(0, 10), Span::new(second, second + 50))]);
        let got = compare_quotes(&qa, &qb, &reused);
        let pairs: Vec<(usize, usize)> =
            got.shared.iter().map(|s| (s.a.index, s.b.index)).collect();
        assert_eq!(pairs, [(0, 0), (1, 1)]);
        // Same words, attributed differently: still shared.
        assert_eq!(got.shared[1].b.speaker.as_deref(), Some("Pezeshkian"));
        assert!(got.shared[1].b.reused && !got.shared[0].b.reused);
        assert_eq!(got.only_a.iter().map(|q| q.index).collect::<Vec<_>>(), [2]);
        assert_eq!(got.only_b.iter().map(|q| q.index).collect::<Vec<_>>(), [2]);
    }

    #[test]
    fn sources_merge_by_name() {
        let reused = Reused::from_spans(&[(Span::new(0, 100), Span::new(0, 100))]);
        let a = [SourceRef {
            name: "TASS",
            mentions: vec![Span::new(10, 14), Span::new(200, 204)],
        }];
        let b = [
            SourceRef {
                name: "Tass",
                mentions: vec![Span::new(300, 304)],
            },
            SourceRef {
                name: "IRNA",
                mentions: vec![Span::new(20, 24)],
            },
        ];
        let got = compare_sources(&a, &b, &reused);
        let rows: Vec<(&str, usize, usize, usize, usize)> = got
            .iter()
            .map(|s| {
                (
                    s.name.as_str(),
                    s.count_a,
                    s.count_b,
                    s.reused_a,
                    s.reused_b,
                )
            })
            .collect();
        assert_eq!(rows, [("TASS", 2, 1, 1, 0), ("IRNA", 0, 1, 0, 1)]);
    }
}
