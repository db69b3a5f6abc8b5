//! Distinctive words: the words and phrases one outlet uses far more than the other.
//!
//! Scores are the log-odds ratio with an informative Dirichlet prior, divided by its standard
//! deviation (Monroe, Colaresi & Quinn 2008, "Fightin' Words", Political Analysis 16(4), §3.5).
//! Raw frequency differences favour common words and raw log-odds favour rare ones; the z-score
//! of the smoothed log-odds ranks words by how sure we are that the outlets differ. With no
//! background corpus in the browser, the prior is the two articles' pooled counts.

use crate::compare::reuse::{hash_key, normalise, Words, FUNCTION_WORDS};
use crate::text::hash::{mix, IdMap};
use crate::text::span::Span;
use serde::Serialize;

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

/// Runs of adjacent words (a phrase never spans punctuation, a paragraph break or skipped
/// text), each word as its normalised key's hash ([`Words::keys`]) and where it is.
#[derive(Debug, Default)]
pub struct Runs<'t> {
    text: &'t str,
    /// The words of all runs, in order: (hashed key, span, whether it is a stopword).
    words: Vec<(u64, Span, bool)>,
    /// Each run as a range of `words`.
    runs: Vec<std::ops::Range<usize>>,
}

/// The word runs of `text` in `words` (its words in text order), leaving out words that
/// `skip` says to (reused text, when only each outlet's own words should count).
pub fn runs<'t>(text: &'t str, words: &Words, skip: impl Fn(Span) -> bool) -> Runs<'t> {
    let stopwords: Vec<u64> = {
        let mut keys: Vec<u64> = FUNCTION_WORDS.iter().map(|w| hash_key(w)).collect();
        keys.sort_unstable();
        keys
    };
    let mut out = Runs {
        text,
        ..Runs::default()
    };
    let mut start = 0;
    let mut prev: Option<Span> = None;
    for (&w, &key) in words.spans.iter().zip(&words.keys) {
        let joined = prev.is_some_and(|p| {
            text.get(p.end as usize..w.start as usize)
                .is_some_and(|gap| gap.chars().all(|c| c == ' ' || c == '-'))
        });
        if !joined && start < out.words.len() {
            out.runs.push(start..out.words.len());
            start = out.words.len();
        }
        if skip(w) {
            prev = None;
            continue;
        }
        let stop = stopwords.binary_search(&key).is_ok() || is_number_or_letter(w.of(text));
        out.words.push((key, w, stop));
        prev = Some(w);
    }
    if start < out.words.len() {
        out.runs.push(start..out.words.len());
    }
    out
}

/// Numbers and single letters (the "u" of "U.S.") make no term.
fn is_number_or_letter(w: &str) -> bool {
    w.chars().all(|c| c.is_ascii_digit()) || {
        let mut lower = w.chars().flat_map(char::to_lowercase);
        lower.next().is_some() && lower.next().is_none()
    }
}

/// The key of a phrase from its words' keys (a single word's is its own).
fn phrase_key(words: &[(u64, Span, bool)]) -> u64 {
    words[1..]
        .iter()
        .fold(words[0].0, |h, &(k, _, _)| mix(h.rotate_left(23) ^ k))
}

/// A term's counts in A and B, and where it first occurs.
struct Counted {
    a: u32,
    b: u32,
    /// Side (0 for A) and index of its first word in that side's [`Runs::words`].
    first: (usize, usize),
    /// Its length in words.
    len: usize,
}

/// Terms (1 to [`MAX_PHRASE_WORDS`] words, not starting or ending with a stopword) of both
/// sides' runs, counted, by phrase key.
fn count(sides: [&Runs; 2]) -> IdMap<u64, Counted> {
    let mut counts: IdMap<u64, Counted> = IdMap::default();
    for (side, runs) in sides.iter().enumerate() {
        for run in &runs.runs {
            for n in 1..=MAX_PHRASE_WORDS {
                for at in run.start..run.end.saturating_sub(n - 1) {
                    let gram = &runs.words[at..at + n];
                    if gram[0].2 || gram[n - 1].2 {
                        continue;
                    }
                    let c = counts.entry(phrase_key(gram)).or_insert(Counted {
                        a: 0,
                        b: 0,
                        first: (side, at),
                        len: n,
                    });
                    if side == 0 {
                        c.a += 1;
                    } else {
                        c.b += 1;
                    }
                }
            }
        }
    }
    counts
}

/// Scores every term of A and B and lists the most distinctive of each side.
pub fn distinctive(a: &Runs, b: &Runs) -> Distinctive {
    let sides = [a, b];
    let counts = count(sides);
    let gram = |c: &Counted| &sides[c.first.0].words[c.first.1..c.first.1 + c.len];
    // Totals per phrase length (a prior over words says nothing about trigrams), of every term.
    let mut totals = [(0f64, 0f64); MAX_PHRASE_WORDS + 1];
    for c in counts.values() {
        totals[c.len].0 += f64::from(c.a);
        totals[c.len].1 += f64::from(c.b);
    }
    // A phrase and a shorter stretch of it with the very same counts are one finding: keep the
    // phrase. Only a phrase used at least MIN_COUNT times by one side can hide a stretch that
    // would be listed (listing needs as many uses), so the rest are not looked into.
    let mut subsumed: Vec<u64> = Vec::new();
    for c in counts
        .values()
        .filter(|c| c.len > 1 && c.a.max(c.b) >= MIN_COUNT)
    {
        let words = gram(c);
        for start in 0..c.len {
            for end in start + 1..=c.len {
                if end - start == c.len {
                    continue;
                }
                let part = phrase_key(&words[start..end]);
                if counts.get(&part).is_some_and(|p| (p.a, p.b) == (c.a, c.b)) {
                    subsumed.push(part);
                }
            }
        }
    }
    subsumed.sort_unstable();
    // Only terms that can be listed are spelt out: used at least twice by the side they favour,
    // and scoring at least the minimum.
    let mut scored: Vec<Term> = counts
        .iter()
        .filter(|(key, _)| subsumed.binary_search(key).is_err())
        .filter_map(|(_, c)| {
            let (na, nb) = totals[c.len];
            let score = z_score(f64::from(c.a), f64::from(c.b), na, nb);
            let favoured = if score > 0.0 { c.a } else { c.b };
            (favoured >= MIN_COUNT && score.abs() >= MIN_SCORE).then(|| {
                let text = sides[c.first.0].text;
                let words: Vec<String> = gram(c)
                    .iter()
                    .map(|&(_, w, _)| normalise(w.of(text)))
                    .collect();
                Term {
                    term: words.join(" "),
                    score,
                    count_a: c.a,
                    count_b: c.b,
                }
            })
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
        let list = if t.score > 0.0 {
            &mut out.a
        } else {
            &mut out.b
        };
        if list.len() < MAX_TERMS {
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

    fn runs_of(text: &str) -> Runs<'_> {
        runs(text, &Words::of(text, [Span::new(0, text.len())]), |_| {
            false
        })
    }

    fn run_words(runs: &Runs) -> Vec<Vec<String>> {
        runs.runs
            .iter()
            .map(|r| {
                runs.words[r.clone()]
                    .iter()
                    .map(|&(_, w, _)| normalise(w.of(runs.text)))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn stopwords_are_sorted() {
        assert!(FUNCTION_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn runs_stop_at_punctuation() {
        let got = run_words(&runs_of("war of aggression. The Houthis, in Yemen"));
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
