//! Rewritten sentences: a sentence of B that restates a sentence of A in other words, which no
//! word-for-word alignment can see ("accused Iran of supplying Russia with ballistic missiles"
//! against "Iran recently supplied Russia with short-range ballistic missiles").
//!
//! The rule: a sentence of B that no aligned passage touches restates the sentence of A, also
//! untouched, that holds the most of its content words (numbers, and words of three letters or
//! more that are not function words, compared by their first five letters so that "supplied"
//! meets "supplying"), when at least [`MIN_SHARED_STEMS`] of them recur there and they weigh
//! at least [`MIN_CONTAINMENT`] of the distinct content words of the lighter of the two (a
//! sentence may restate the other's claim beside one of its own). Each word weighs what it
//! says in these two texts, its smoothed inverse sentence frequency: the story's topic ("Iran"
//! in half the sentences) weighs little, a detail (a number, a place) much. Order does not
//! matter.
//! A content word in more than [`MAX_SENTENCES_PER_STEM`] of A's sentences is not looked up,
//! and only the [`MAX_CANDIDATES`] likeliest sentences of A are compared with each of B's, so
//! that the work stays linear; a word not looked up still counts once a sentence is compared.

use super::reuse::{Passage, PassageKind, Words};
use crate::text::hash::IdMap;
use std::ops::Range;

/// Fewest distinct content words a rewritten sentence shares with its source: two sentences
/// of one story often share a name or two and a number ("Putin", "Iran", "Friday").
pub const MIN_SHARED_STEMS: usize = 4;

/// Smallest share of the lighter sentence's distinct content words (by weight) that the two
/// share: most of them.
pub const MIN_CONTAINMENT: f64 = 0.5;

/// Smallest share of the heavier sentence's content words (by weight) that the two share: a
/// long sentence about something else may hold a short one's few names by chance.
pub const MIN_OTHER_CONTAINMENT: f64 = 0.2;

/// A content word in more of A's sentences than this is not used to find candidates.
const MAX_SENTENCES_PER_STEM: usize = 32;

/// A's sentences compared in full with one of B's: those sharing the most looked-up words. A
/// news sentence has a handful of candidates; only texts of endless sentences reach this, and
/// the bound keeps them linear.
const MAX_CANDIDATES: usize = 16;

/// One sentence: its words and its distinct content stems, ascending.
struct Sentence {
    words: Range<usize>,
    stems: Vec<u32>,
}

/// Each sentence of `words`, with `touched` set when a word of `covered` is in it.
fn sentences(words: &Words, covered: &[bool]) -> Vec<(Sentence, bool)> {
    words
        .sentences()
        .filter(|r| !r.is_empty())
        .map(|r| {
            let mut stems: Vec<u32> = words.stems[r.clone()]
                .iter()
                .copied()
                .filter(|&s| s != 0)
                .collect();
            stems.sort_unstable();
            stems.dedup();
            let touched = covered[r.clone()].iter().any(|&c| c);
            (Sentence { words: r, stems }, touched)
        })
        .collect()
}

/// How much a content word says, from the share of its text's sentences that hold it (the
/// larger of its two texts' shares): a name in half the sentences is the story's topic and
/// says little, a word in one sentence of forty says much. `ln(1 + 1 / share)`, the smoothed
/// inverse document frequency; in a text of one sentence every word weighs the same.
fn weight(share: f64) -> f64 {
    (1.0 + 1.0 / share.max(f64::MIN_POSITIVE)).ln()
}

/// How many of `sentences` hold each stem.
fn frequencies(sentences: &[(Sentence, bool)]) -> IdMap<u32, u32> {
    let mut df: IdMap<u32, u32> = IdMap::default();
    for (s, _) in sentences {
        for &stem in &s.stems {
            *df.entry(stem).or_default() += 1;
        }
    }
    df
}

/// The stems two ascending lists share.
fn common(x: &[u32], y: &[u32]) -> Vec<u32> {
    let (mut i, mut j, mut both) = (0, 0, Vec::new());
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both.push(x[i]);
                i += 1;
                j += 1;
            }
        }
    }
    both
}

/// The sentences of B that restate one of A, as passages of kind
/// [`PassageKind::Rewritten`] (their `matched` the content words shared, no pieces), in A
/// order. `aligned` are the verbatim and edited passages: sentences they touch are left out.
pub fn rewritten(a: &Words, b: &Words, aligned: &[Passage]) -> Vec<Passage> {
    let (mut covered_a, mut covered_b) = (vec![false; a.len()], vec![false; b.len()]);
    for p in aligned {
        covered_a[p.a_words.clone()].fill(true);
        covered_b[p.b_words.clone()].fill(true);
    }
    let (all_a, all_b) = (sentences(a, &covered_a), sentences(b, &covered_b));
    let (df_a, df_b) = (frequencies(&all_a), frequencies(&all_b));
    let (n_a, n_b) = (all_a.len().max(1) as f64, all_b.len().max(1) as f64);
    let weigh = |stems: &[u32]| -> f64 {
        stems
            .iter()
            .map(|s| {
                let in_a = f64::from(df_a.get(s).copied().unwrap_or(0)) / n_a;
                let in_b = f64::from(df_b.get(s).copied().unwrap_or(0)) / n_b;
                weight(in_a.max(in_b))
            })
            .sum()
    };
    let untouched = |all: Vec<(Sentence, bool)>| -> Vec<Sentence> {
        all.into_iter()
            .filter(|(_, t)| !t)
            .map(|(s, _)| s)
            .collect()
    };
    let (sa, sb) = (untouched(all_a), untouched(all_b));
    let mut index: IdMap<u32, Vec<u32>> = IdMap::default();
    for (k, s) in sa.iter().enumerate() {
        for &stem in &s.stems {
            index.entry(stem).or_default().push(k as u32);
        }
    }
    let mut passages = Vec::new();
    let mut candidates: Vec<u32> = Vec::new();
    for s in &sb {
        if s.stems.len() < MIN_SHARED_STEMS {
            continue;
        }
        candidates.clear();
        for stem in &s.stems {
            match index.get(stem) {
                Some(list) if list.len() <= MAX_SENTENCES_PER_STEM => {
                    candidates.extend_from_slice(list);
                }
                _ => {}
            }
        }
        candidates.sort_unstable();
        // Each candidate with how many looked-up words it shares; the likeliest few are
        // compared in full.
        let mut hits: Vec<(usize, u32)> = candidates
            .chunk_by(|x, y| x == y)
            .map(|run| (run.len(), run[0]))
            .collect();
        if hits.len() > MAX_CANDIDATES {
            hits.select_nth_unstable_by_key(MAX_CANDIDATES - 1, |&(n, k)| {
                (std::cmp::Reverse(n), k)
            });
            hits.truncate(MAX_CANDIDATES);
        }
        // The A sentence sharing the most; of equals, the earliest.
        let best = hits
            .iter()
            .map(|&(_, k)| (common(&s.stems, &sa[k as usize].stems), k))
            .max_by_key(|(c, k)| (c.len(), std::cmp::Reverse(*k)));
        let Some((shared, k)) = best else {
            continue;
        };
        let from = &sa[k as usize];
        // Either sentence may hold the other's claim beside one of its own.
        let (mine, theirs) = (weigh(&s.stems), weigh(&from.stems));
        let both = weigh(&shared);
        let containment = both / mine.min(theirs);
        if shared.len() < MIN_SHARED_STEMS
            || containment < MIN_CONTAINMENT
            || both < MIN_OTHER_CONTAINMENT * mine.max(theirs)
        {
            continue;
        }
        passages.push(Passage {
            a: a.bytes(from.words.clone()),
            b: b.bytes(s.words.clone()),
            a_words: from.words.clone(),
            b_words: s.words.clone(),
            matched: shared.len(),
            pieces: Vec::new(),
            kind: PassageKind::Rewritten,
            similarity: containment,
        });
    }
    passages.sort_by_key(|p| (p.a.start, p.b.start));
    passages
}

/// Every passage B reuses from A: the aligned ones (`reuse::align`) and the rewritten
/// sentences beside them, in A order.
pub fn passages(a: &Words, b: &Words, min_match_words: usize) -> Vec<Passage> {
    let mut passages = super::reuse::align(a, b, min_match_words);
    passages.extend(rewritten(a, b, &passages));
    passages.sort_unstable_by_key(|p| (p.a.start, p.b.start));
    passages
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::span::Span;

    fn words(text: &str) -> Words {
        Words::of(text, crate::text::paragraphs::lines(text))
    }

    fn found(a: &str, b: &str) -> Vec<(String, String)> {
        rewritten(&words(a), &words(b), &[])
            .iter()
            .map(|p| (p.a.of(a).to_string(), p.b.of(b).to_string()))
            .collect()
    }

    #[test]
    fn a_restated_sentence_is_found_in_another_order_and_form() {
        let a = "The United States has accused Iran of supplying Russia with ballistic missiles \
                 for use in Ukraine, something Tehran has denied. Talks resume next week.";
        let b = "Weather was fine. Iran recently supplied Russia with short-range ballistic \
                 missiles, Washington says.";
        let got = found(a, b);
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].0.starts_with("The United States"));
        assert!(got[0].1.starts_with("Iran recently"));
    }

    #[test]
    fn sentences_on_one_topic_that_say_other_things_are_not_rewrites() {
        let a = "Russian President Vladimir Putin met Iran's president in Turkmenistan on Friday.";
        let b = "Putin will travel to Kazan for the summit of the BRICS nations later this month.";
        assert!(found(a, b).is_empty());
    }

    #[test]
    fn aligned_sentences_are_left_out() {
        let text = "Iran recently supplied Russia with short-range ballistic missiles.";
        let (a, b) = (words(text), words(text));
        let aligned = [Passage {
            a: Span::new(0, 5),
            b: Span::new(0, 5),
            a_words: 0..1,
            b_words: 0..1,
            matched: 1,
            pieces: Vec::new(),
            kind: PassageKind::Verbatim,
            similarity: 1.0,
        }];
        assert!(rewritten(&a, &b, &aligned).is_empty());
        assert_eq!(rewritten(&a, &b, &[]).len(), 1);
    }
}
