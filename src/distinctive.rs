//! Distinctive words: the words and phrases one outlet uses far more than the other.
//!
//! Scores are the log-odds ratio with an informative Dirichlet prior, divided by its standard
//! deviation (Monroe, Colaresi & Quinn 2008, "Fightin' Words", Political Analysis 16(4), §3.5).
//! Raw frequency differences favour common words and raw log-odds favour rare ones; the z-score
//! of the smoothed log-odds ranks words by how sure we are that the outlets differ. With no
//! background corpus in the browser, the prior is the two articles' pooled counts.

use crate::reuse::normalise;
use crate::span::Span;
use serde::Serialize;
use std::collections::HashMap;

/// Terms listed per article: more than a screenful, for the page to cut.
pub const MAX_TERMS: usize = 25;

/// A term must occur this often in the outlet that favours it: a single use is chance, whatever
/// its score.
const MIN_COUNT: u32 = 2;

/// The weight of the prior, as a share of the words of both articles. Monroe et al. draw the
/// prior from a large background corpus; here it is the pooled counts, kept weak (a tenth of the
/// data) so that it smooths rare terms without pulling every difference to zero.
const PRIOR_SHARE: f64 = 0.1;

/// Scores below this are listed for neither side. Half a standard deviation only keeps terms
/// both use about equally (whose score is near zero, signed by the articles' lengths) off the
/// lists; in short articles a term used twice by one outlet and never by the other scores
/// about 1, and the ranking does the rest.
const MIN_SCORE: f64 = 0.5;

/// Longest phrase scored, in words ("war of aggression").
const MAX_PHRASE_WORDS: usize = 3;

/// Function words: never a term on their own, never the first or last word of a phrase.
const STOPWORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be",
    "been", "before", "being", "between", "both", "but", "by", "can", "could", "did", "do", "does",
    "during", "each", "for", "from", "had", "has", "have", "he", "her", "here", "hers", "him",
    "his", "how", "i", "if", "in", "into", "is", "it", "it's", "its", "may", "me", "more", "most",
    "much", "must", "my", "no", "not", "now", "of", "on", "once", "one", "only", "or", "other",
    "our", "out", "over", "own", "s", "said", "same", "says", "she", "should", "so", "some",
    "such", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this",
    "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what",
    "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you",
    "your",
];

/// One distinctive term.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Term {
    /// The word or phrase, lowercase.
    pub term: String,
    /// The z-score of the log-odds ratio, positive: how sure we are that this outlet uses the
    /// term more (about 2 is the 95 % level).
    pub score: f64,
    /// Uses in A.
    pub count_a: u32,
    /// Uses in B.
    pub count_b: u32,
}

/// The terms that set each article apart.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Distinctive {
    /// Terms A uses more, most distinctive first.
    pub a: Vec<Term>,
    /// Terms B uses more, most distinctive first.
    pub b: Vec<Term>,
}

/// Runs of adjacent words: a phrase never spans punctuation, a paragraph break or skipped text.
type Runs = Vec<Vec<String>>;

/// The word runs of `text` in `words` (word spans in text order), leaving out words that
/// `skip` says to (reused text, when only each outlet's own words should count).
pub fn runs(text: &str, words: &[Span], skip: impl Fn(Span) -> bool) -> Runs {
    let mut runs: Runs = Vec::new();
    let mut current: Vec<String> = Vec::new();
    let mut prev: Option<Span> = None;
    for &w in words {
        let joined = prev.is_some_and(|p| {
            text.get(p.end as usize..w.start as usize)
                .is_some_and(|gap| gap.chars().all(|c| c == ' ' || c == '-'))
        });
        if !joined && !current.is_empty() {
            runs.push(std::mem::take(&mut current));
        }
        if skip(w) {
            prev = None;
            continue;
        }
        current.push(normalise(w.of(text)));
        prev = Some(w);
    }
    if !current.is_empty() {
        runs.push(current);
    }
    runs
}

/// Function words, numbers and single letters (the "u" of "U.S.") make no term.
fn is_stopword(w: &str) -> bool {
    STOPWORDS.binary_search(&w).is_ok()
        || w.chars().all(|c| c.is_ascii_digit())
        || w.chars().count() == 1
}

/// Terms (1 to [`MAX_PHRASE_WORDS`] words) of each run, counted.
fn count(runs: &Runs) -> HashMap<String, u32> {
    let mut counts = HashMap::new();
    for run in runs {
        for n in 1..=MAX_PHRASE_WORDS {
            for gram in run.windows(n) {
                if is_stopword(&gram[0]) || is_stopword(&gram[n - 1]) {
                    continue;
                }
                *counts.entry(gram.join(" ")).or_insert(0) += 1;
            }
        }
    }
    counts
}

/// Scores every term of A and B and lists the most distinctive of each side.
pub fn distinctive(a: &Runs, b: &Runs) -> Distinctive {
    let (ca, cb) = (count(a), count(b));
    let mut terms: Vec<(&str, u32, u32)> = ca
        .iter()
        .map(|(t, &n)| (t.as_str(), n, cb.get(t).copied().unwrap_or(0)))
        .chain(
            cb.iter()
                .filter(|(t, _)| !ca.contains_key(*t))
                .map(|(t, &n)| (t.as_str(), 0, n)),
        )
        .collect();
    // Totals per phrase length (a prior over words says nothing about trigrams), of every term.
    let mut totals = [(0f64, 0f64); MAX_PHRASE_WORDS + 1];
    for &(t, x, y) in &terms {
        let n = t.split(' ').count();
        totals[n].0 += f64::from(x);
        totals[n].1 += f64::from(y);
    }
    // A phrase and a word inside it with the very same counts are one finding: keep the phrase.
    let by_term: HashMap<&str, (u32, u32)> = terms.iter().map(|&(t, x, y)| (t, (x, y))).collect();
    let mut subsumed: Vec<&str> = Vec::new();
    for &(t, x, y) in &terms {
        // Every shorter stretch of the phrase, as a slice of its text.
        let starts: Vec<usize> = std::iter::once(0)
            .chain(t.match_indices(' ').map(|(i, _)| i + 1))
            .collect();
        let ends: Vec<usize> = t
            .match_indices(' ')
            .map(|(i, _)| i)
            .chain(std::iter::once(t.len()))
            .collect();
        for (k, &start) in starts.iter().enumerate() {
            for (m, &end) in ends.iter().enumerate().skip(k) {
                let part = &t[start..end];
                if (k, m) != (0, ends.len() - 1) && by_term.get(part) == Some(&(x, y)) {
                    subsumed.push(part);
                }
            }
        }
    }
    subsumed.sort_unstable();
    terms.retain(|(t, _, _)| subsumed.binary_search(t).is_err());

    let mut scored: Vec<Term> = terms
        .iter()
        .map(|&(t, x, y)| {
            let (na, nb) = totals[t.split(' ').count()];
            Term {
                term: t.to_string(),
                score: z_score(f64::from(x), f64::from(y), na, nb),
                count_a: x,
                count_b: y,
            }
        })
        .collect();
    scored.sort_by(|p, q| {
        q.score
            .abs()
            .total_cmp(&p.score.abs())
            .then_with(|| p.term.cmp(&q.term))
    });
    let mut out = Distinctive::default();
    for mut t in scored {
        let (list, favoured) = if t.score > 0.0 {
            (&mut out.a, t.count_a)
        } else {
            (&mut out.b, t.count_b)
        };
        if favoured >= MIN_COUNT && list.len() < MAX_TERMS && t.score.abs() >= MIN_SCORE {
            t.score = t.score.abs();
            list.push(t);
        }
    }
    out
}

/// Monroe et al.'s equations 16 and 18–22 for a term used `ya` times in A (of `na` terms) and
/// `yb` in B (of `nb`), with prior `α_w = α0 · (ya + yb) / (na + nb)` and
/// `α0 = PRIOR_SHARE · (na + nb)`. Positive when A uses the term more.
fn z_score(ya: f64, yb: f64, na: f64, nb: f64) -> f64 {
    let alpha0 = PRIOR_SHARE * (na + nb);
    let alpha = PRIOR_SHARE * (ya + yb);
    if alpha <= 0.0 {
        return 0.0;
    }
    let delta = ((ya + alpha) / (na + alpha0 - ya - alpha)).ln()
        - ((yb + alpha) / (nb + alpha0 - yb - alpha)).ln();
    let variance = 1.0 / (ya + alpha) + 1.0 / (yb + alpha);
    delta / variance.sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runs_of(text: &str) -> Runs {
        let words: Vec<Span> = crate::reuse::word_spans(text, Span::new(0, text.len())).collect();
        runs(text, &words, |_| false)
    }

    #[test]
    fn stopwords_are_sorted() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn runs_stop_at_punctuation() {
        let got = runs_of("war of aggression. The Houthis, in Yemen");
        assert_eq!(
            got,
            [
                vec!["war", "of", "aggression"],
                vec!["the", "houthis"],
                vec!["in", "yemen"]
            ]
        );
    }

    #[test]
    fn each_side_gets_its_own_words() {
        let a = runs_of(
            "The new world order is emerging. A new world order, said Putin. \
             The summit met. The summit ended.",
        );
        let b = runs_of(
            "The Houthis in Yemen got arms. The Houthis denied it. The summit met. \
             The summit ended. Yemen again.",
        );
        let d = distinctive(&a, &b);
        let terms = |l: &[Term]| l.iter().map(|t| t.term.clone()).collect::<Vec<_>>();
        assert!(
            terms(&d.a).contains(&"new world order".to_string()),
            "{d:?}"
        );
        // "new world" and "world order" have the phrase's counts: subsumed by it.
        assert!(!terms(&d.a).contains(&"new world".to_string()));
        assert!(terms(&d.b).contains(&"houthis".to_string()));
        assert!(terms(&d.b).contains(&"yemen".to_string()));
        // Used equally: distinctive of neither.
        assert!(!terms(&d.a).contains(&"summit".to_string()));
        assert!(!terms(&d.b).contains(&"summit".to_string()));
    }

    #[test]
    fn z_score_signs_and_growth() {
        assert!(z_score(5.0, 0.0, 100.0, 100.0) > 0.0);
        assert!(z_score(0.0, 5.0, 100.0, 100.0) < 0.0);
        assert!(z_score(10.0, 0.0, 100.0, 100.0) > z_score(3.0, 0.0, 100.0, 100.0));
        assert_eq!(z_score(4.0, 4.0, 100.0, 100.0), 0.0);
    }
}
