//! A whole corpus: which articles reuse text from which, without aligning every pair.
//!
//! Each article is read once (the reading stage decides its story paragraphs, so boilerplate is
//! never aligned) into its story words and the hashes of its seed shingles: every run of
//! [`reuse::seed_words`] words, the runs the alignment itself starts from. An inverted index from
//! shingle to the articles holding it gives the candidate pairs: articles that share at least
//! [`MIN_SHARED_SHINGLES`] shingles that are evidence, by the document-frequency rule of
//! [`shingle_doc_cap`]. Each candidate pair is aligned with [`reuse::align`], exactly as
//! `compare` aligns two articles, so what is said of a pair here is what `compare A B` says of it.
//!
//! Work is the index (linear in the corpus) plus the candidate pairs, which the cap keeps to a
//! bounded number per shingle: close to linear in the corpus, never quadratic.

use super::reuse::{self, PassageKind, Side, Words};
use super::rewritten;
use crate::analysis::check_size;
use crate::error::Error;
use crate::parallel;
use crate::read::article;
use crate::text::hash::mix;
use crate::text::span::Loc;
use serde::Serialize;

/// The default cap on a shingle's document frequency: a shingle more articles than this hold
/// ("said in a statement", "the end of the") is common phrasing, not evidence that any two of
/// them copied each other. It also bounds the pairs one shingle can propose (about 20,000), which
/// is what keeps the candidate pairs close to linear in the corpus. A story syndicated to more
/// outlets than this is found only through passages some of them changed: raise the cap for
/// such corpora (`--max-docs`).
pub const MAX_SHINGLE_DOCS: usize = 200;

/// However small the corpus, a shingle this many articles share is kept: "half the corpus" of
/// ten articles is five, and five copies of one wire story are reuse, not common phrasing.
pub const MIN_SHINGLE_DOC_CAP: usize = 10;

/// Shingles a pair must share to be aligned. One shared seed could in principle grow into a
/// passage through extension alone, but two articles that share a single four-word run share a
/// phrase; requiring two keeps the pairs that common phrases propose from outnumbering the pairs
/// that reuse does (a passage of 8 words, with seeds of 4, holds up to 5 shingles).
pub const MIN_SHARED_SHINGLES: usize = 2;

/// Articles whose candidates are found and aligned at once: enough to keep the threads busy,
/// few enough that results are written as they come.
const BLOCK: usize = 64;

/// The largest document frequency a shingle may have and still propose pairs, in a corpus of
/// `articles`: half the corpus, but at least [`MIN_SHINGLE_DOC_CAP`] and at most `max_docs`.
/// A shingle held by more articles than this is dropped.
pub fn shingle_doc_cap(articles: usize, max_docs: usize) -> usize {
    (articles / 2).max(MIN_SHINGLE_DOC_CAP).min(max_docs)
}

/// How a corpus is searched for reuse.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CorpusOptions {
    /// The shortest passage, in matched words, as [`crate::CompareOptions::min_match_words`]
    /// (one length for the whole corpus: [`crate::compare::ARTICLE_MIN_MATCH_WORDS`] unless given).
    pub min_match_words: usize,
    /// A pair is reported when at least this share of A's or of B's words is reused, 0..1.
    pub min_share: f64,
    /// The cap on a shingle's document frequency, see [`shingle_doc_cap`].
    pub max_docs: usize,
}

impl Default for CorpusOptions {
    fn default() -> CorpusOptions {
        CorpusOptions {
            min_match_words: crate::compare::ARTICLE_MIN_MATCH_WORDS,
            min_share: 0.0,
            max_docs: MAX_SHINGLE_DOCS,
        }
    }
}

/// One article of a corpus, ready for alignment: what is kept of it once it is read. The text
/// itself is not kept; offsets index it (for HTML input, the extracted text `analyze` gives).
#[derive(Clone, Debug, Default)]
pub struct Story {
    /// Its story words, as `compare` aligns them.
    pub words: Words,
    /// The distinct hashes of its seed shingles, ascending, less those it repeats more than
    /// [`reuse::MAX_SHINGLE_OCCURRENCES`] times (which the alignment ignores too).
    pub shingles: Vec<u64>,
    /// When it was published, if known (ISO 8601, `2024-10-11` or longer): of two articles,
    /// the earlier is taken as the source, A.
    pub date: Option<String>,
}

impl Story {
    /// Reads `input` (plain text or HTML) for a corpus searched with `min_match_words`.
    ///
    /// # Errors
    /// [`Error::TooLarge`], as [`crate::analyze`].
    pub fn read(input: &str, min_match_words: usize) -> Result<Story, Error> {
        check_size(input)?;
        // The reading stage alone: its paragraphs are the Analysis's paragraphs (which `compare`
        // aligns), and names, quotes and sources, most of an analysis's time, are not needed.
        let article = article::read(input);
        let words = Words::of(&article.text, article.paragraphs.iter().copied());
        let shingles = shingle_hashes(&words.keys, reuse::seed_words(min_match_words));
        Ok(Story {
            words,
            shingles,
            date: None,
        })
    }

    /// Reads several articles, natively on several threads; results in input order.
    pub fn read_many<S: AsRef<str> + Sync>(
        inputs: &[S],
        min_match_words: usize,
    ) -> Vec<Result<Story, Error>> {
        parallel::map(inputs, |input| Story::read(input.as_ref(), min_match_words))
    }
}

/// The kept shingle hashes of `keys`: distinct, ascending, none repeated more than
/// [`reuse::MAX_SHINGLE_OCCURRENCES`] times. Shingles run across paragraph breaks, as the
/// alignment's seeds do, so that every seed the alignment can start from is here.
fn shingle_hashes(keys: &[u64], seed: usize) -> Vec<u64> {
    if keys.len() < seed {
        return Vec::new();
    }
    let mut all: Vec<u64> = keys
        .windows(seed)
        .map(|w| mix(w.iter().fold(0, |h, &k| mix(h ^ k))))
        .collect();
    all.sort_unstable();
    let mut kept = Vec::with_capacity(all.len());
    for run in all.chunk_by(|x, y| x == y) {
        if run.len() <= reuse::MAX_SHINGLE_OCCURRENCES {
            kept.push(run[0]);
        }
    }
    kept
}

/// A passage B reuses from A, as a corpus reports it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReusedPassage {
    /// Where it is in A.
    pub a: Loc,
    /// Where it is in B.
    pub b: Loc,
    /// Words matched exactly, in order, on both sides (a `compare` passage's `words`).
    pub words: usize,
    /// Whether the two sides are word for word the same.
    pub kind: PassageKind,
}

/// What two articles of a corpus share: the passages B reuses from A and the shares they make.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PairReuse {
    /// Article A, the source: its index in the corpus.
    #[serde(skip)]
    pub a: usize,
    /// Article B: its index in the corpus.
    #[serde(skip)]
    pub b: usize,
    /// Words matched exactly, summed over the passages.
    pub words: usize,
    /// Share of A's words inside passages, 0..1, as `compare`'s `reusedShareA`.
    pub reused_share_a: f64,
    /// Share of B's words inside passages, 0..1, as `compare`'s `reusedShareB`.
    pub reused_share_b: f64,
    /// Share of A's words inside exact matches (the passages' pieces), 0..1.
    pub verbatim_share_a: f64,
    /// Share of B's words inside exact matches, 0..1.
    pub verbatim_share_b: f64,
    /// The passages, in A order.
    pub passages: Vec<ReusedPassage>,
}

/// Whether `x` should stand as A against `y`: when both have ISO dates (`YYYY-MM-DD`, and
/// perhaps a time after it) and `y`'s is earlier, `y` is the source; otherwise the article
/// that came first (`x`) is.
pub fn is_source(x: &Story, y: &Story) -> bool {
    match (iso_date(&x.date), iso_date(&y.date)) {
        (Some(dx), Some(dy)) => dy >= dx,
        _ => true,
    }
}

/// `date` when it starts `YYYY-MM-DD`, so that comparing two as text compares the dates.
fn iso_date(date: &Option<String>) -> Option<&str> {
    let d = date.as_deref()?;
    let b = d.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    (digits(0..4)
        && b.get(4) == Some(&b'-')
        && digits(5..7)
        && b.get(7) == Some(&b'-')
        && digits(8..10))
    .then_some(d)
}

/// What A and B share, with the source decided by [`is_source`]; `None` when they share no
/// passage or less than `options.min_share` of either. `first` and `second` are their indices
/// in the corpus, `first` the one that came first.
pub fn pair_reuse(
    (first, x): (usize, &Story),
    (second, y): (usize, &Story),
    options: &CorpusOptions,
) -> Option<PairReuse> {
    let ((ia, a), (ib, b)) = if is_source(x, y) {
        ((first, x), (second, y))
    } else {
        ((second, y), (first, x))
    };
    let passages = rewritten::passages(&a.words, &b.words, options.min_match_words);
    // A pair is reported for what it shares word for word. Rewritten sentences (a few content
    // words of one sentence in common) are what two articles on one story have anyway: they
    // are shown beside an aligned passage, never alone (unrelated articles of generated
    // corpora made 20 such pairs in 10,000).
    if passages.iter().all(|p| p.kind == PassageKind::Rewritten) {
        return None;
    }
    let share_a = reuse::shares(&reuse::coverage(&a.words, &passages, Side::A));
    let share_b = reuse::shares(&reuse::coverage(&b.words, &passages, Side::B));
    let (reused_share_a, reused_share_b) = (share_a.reused, share_b.reused);
    if reused_share_a.max(reused_share_b) < options.min_share {
        return None;
    }
    let words: usize = passages.iter().map(|p| p.matched).sum();
    Some(PairReuse {
        a: ia,
        b: ib,
        words,
        reused_share_a,
        reused_share_b,
        verbatim_share_a: share_a.verbatim,
        verbatim_share_b: share_b.verbatim,
        passages: passages
            .iter()
            .map(|p| ReusedPassage {
                a: p.a.into(),
                b: p.b.into(),
                words: p.matched,
                kind: p.kind,
            })
            .collect(),
    })
}

/// The inverted index of a corpus's shingles that are evidence: for each such shingle (held
/// by two articles or more, and by no more than the cap), the articles holding it.
struct Index {
    /// The articles of each kept shingle, ascending, one shingle after another.
    members: Vec<u32>,
    /// Where each kept shingle's articles start in `members` (one more entry than shingles).
    starts: Vec<u32>,
    /// For each article, its kept shingles (indices into `starts`).
    shingles_of: Vec<Vec<u32>>,
}

impl Index {
    fn new(stories: &[Story], cap: usize) -> Index {
        // One (hash, article) list sorted: the peak of the corpus job's memory, 16 bytes a
        // shingle, freed once the shingles that are evidence are known.
        let mut postings: Vec<(u64, u32)> =
            Vec::with_capacity(stories.iter().map(|s| s.shingles.len()).sum());
        for (i, s) in stories.iter().enumerate() {
            postings.extend(s.shingles.iter().map(|&h| (h, i as u32)));
        }
        postings.sort_unstable();
        let (mut members, mut starts) = (Vec::new(), vec![0u32]);
        let mut shingles_of = vec![Vec::new(); stories.len()];
        for run in postings.chunk_by(|x, y| x.0 == y.0) {
            if run.len() < 2 || run.len() > cap {
                continue;
            }
            let shingle = (starts.len() - 1) as u32;
            for &(_, i) in run {
                members.push(i);
                shingles_of[i as usize].push(shingle);
            }
            starts.push(members.len() as u32);
        }
        Index {
            members,
            starts,
            shingles_of,
        }
    }

    /// The articles after `i` that share at least [`MIN_SHARED_SHINGLES`] kept shingles with it,
    /// ascending.
    fn candidates(&self, i: usize) -> Vec<usize> {
        let mut later: Vec<u32> = Vec::new();
        for &s in &self.shingles_of[i] {
            let group = &self.members
                [self.starts[s as usize] as usize..self.starts[s as usize + 1] as usize];
            let after = group.partition_point(|&j| j as usize <= i);
            later.extend_from_slice(&group[after..]);
        }
        later.sort_unstable();
        later
            .chunk_by(|x, y| x == y)
            .filter(|run| run.len() >= MIN_SHARED_SHINGLES)
            .map(|run| run[0] as usize)
            .collect()
    }
}

/// Every pair of `stories` that shares reused text, as [`pair_reuse`] gives it, handed to
/// `emit` in order of the first article's index, then the second's. Natively the work is shared
/// among threads. Stops at the first error `emit` returns.
///
/// # Errors
/// The first error `emit` returns.
pub fn reuse_pairs<E>(
    stories: &[Story],
    options: &CorpusOptions,
    mut emit: impl FnMut(PairReuse) -> Result<(), E>,
) -> Result<(), E> {
    let index = Index::new(stories, shingle_doc_cap(stories.len(), options.max_docs));
    let firsts: Vec<usize> = (0..stories.len()).collect();
    for block in firsts.chunks(BLOCK) {
        let found = parallel::map(block, |&i| {
            index
                .candidates(i)
                .into_iter()
                .filter_map(|j| pair_reuse((i, &stories[i]), (j, &stories[j]), options))
                .collect::<Vec<_>>()
        });
        for pair in found.into_iter().flatten() {
            emit(pair)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story(text: &str, date: Option<&str>) -> Story {
        Story {
            date: date.map(String::from),
            ..Story::read(text, 8).unwrap()
        }
    }

    const P1: &str = "Pezeshkian last month committed his country to deeper ties with Russia to counter Western sanctions.";
    const P2: &str = "The United States regards the growing relationship between Moscow and Tehran with concern today.";

    #[test]
    fn dates_decide_the_source() {
        #[rustfmt::skip]
        let cases: &[(Option<&str>, Option<&str>, bool)] = &[
            (None, None, true),
            (Some("2024-10-11"), Some("2024-10-10"), false),
            (Some("2024-10-11"), Some("2024-10-11T08:00Z"), true),
            (Some("2024-10-11"), Some("11 October 2024"), true),
            (Some("2024-10-12"), None, true),
        ];
        for &(x, y, want) in cases {
            assert_eq!(is_source(&story(P1, x), &story(P1, y)), want, "{x:?} {y:?}");
        }
    }

    #[test]
    fn the_later_article_is_b() {
        let stories = [
            story(&format!("{P1}\n{P2}"), Some("2024-10-12")),
            story("Nothing to do with it at all, a story of its own.", None),
            story(
                &format!("A lead of its own.\n{P2}\n{P1}"),
                Some("2024-10-11"),
            ),
        ];
        let mut got = Vec::new();
        reuse_pairs(&stories, &CorpusOptions::default(), |p| {
            got.push(p);
            Ok::<(), ()>(())
        })
        .unwrap();
        assert_eq!(got.len(), 1);
        let p = &got[0];
        assert_eq!((p.a, p.b), (2, 0));
        assert_eq!(p.passages.len(), 2);
        assert!(p.passages.iter().all(|x| x.kind == PassageKind::Verbatim));
        assert_eq!(p.reused_share_b, 1.0);
        assert_eq!(p.verbatim_share_b, 1.0);
    }

    #[test]
    fn an_edited_passage_is_edited() {
        let edited = P1.replace("deeper", "closer");
        let p = pair_reuse(
            (0, &story(P1, None)),
            (1, &story(&edited, None)),
            &CorpusOptions::default(),
        )
        .unwrap();
        assert_eq!(p.passages.len(), 1);
        assert_eq!(p.passages[0].kind, PassageKind::Edited);
        assert!(p.verbatim_share_a < p.reused_share_a);
        let none = CorpusOptions {
            min_share: 1.01,
            ..CorpusOptions::default()
        };
        assert!(pair_reuse((0, &story(P1, None)), (1, &story(P1, None)), &none).is_none());
    }

    /// Two articles on one story restate one fact each their own way: a rewritten sentence,
    /// shown beside passages shared word for word, is no reuse on its own (generated corpora of
    /// unrelated articles had 20 such pairs in 10,000 articles).
    #[test]
    fn a_rewritten_sentence_alone_is_no_reuse() {
        let a = "Russian President Vladimir Putin praised his growing partnership with Tehran \
                 during Friday talks held in Ashgabat, the Turkmen capital. Markets in Europe rose.";
        let b = "Tehran and Moscow have deepened their partnership, Putin said in Ashgabat after \
                 the Friday talks in Turkmenistan's capital. The weather stayed cold all week.";
        let (a, b) = (story(a, None), story(b, None));
        let options = CorpusOptions::default();
        let kinds: Vec<PassageKind> =
            rewritten::passages(&a.words, &b.words, options.min_match_words)
                .iter()
                .map(|p| p.kind)
                .collect();
        assert_eq!(
            kinds,
            [PassageKind::Rewritten],
            "the pair this test is about"
        );
        let got = pair_reuse((0, &a), (1, &b), &options);
        assert!(got.is_none(), "{got:?}");
    }

    #[test]
    fn common_shingles_are_dropped() {
        // Twelve articles: eleven the same sentence, one not. The sentence's shingles are held
        // by more than the cap (half the corpus, raised to the floor of 10): no pair.
        let mut stories: Vec<Story> = (0..11).map(|_| story(P1, None)).collect();
        stories.push(story(P2, None));
        let cap = shingle_doc_cap(stories.len(), MAX_SHINGLE_DOCS);
        assert_eq!(cap, MIN_SHINGLE_DOC_CAP);
        let mut n = 0;
        reuse_pairs(&stories, &CorpusOptions::default(), |_| {
            n += 1;
            Ok::<(), ()>(())
        })
        .unwrap();
        assert_eq!(n, 0);
        // Ten copies are within the floor: every pair of them.
        stories.remove(0);
        reuse_pairs(&stories, &CorpusOptions::default(), |_| {
            n += 1;
            Ok::<(), ()>(())
        })
        .unwrap();
        assert_eq!(n, 45);
        assert_eq!(shingle_doc_cap(10_000, MAX_SHINGLE_DOCS), MAX_SHINGLE_DOCS);
        assert_eq!(shingle_doc_cap(100, MAX_SHINGLE_DOCS), 50);
    }

    #[test]
    fn repeated_shingles_are_not_kept() {
        let s = story(&"the same phrase again ".repeat(20), None);
        assert!(s.shingles.is_empty());
        let s = story(P1, None);
        assert_eq!(s.shingles.len(), s.words.len() - 3);
    }
}
