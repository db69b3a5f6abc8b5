//! Text reuse between two articles: which passages of B repeat passages of A, found even when
//! paragraphs are reordered or lightly edited.
//!
//! The method is the seed-and-extend scheme of sequence aligners and plagiarism detectors, kept
//! near-linear on purpose (no dynamic programming over whole texts):
//! 1. Both texts become lists of words with normalised keys (lowercase, apostrophes unified,
//!    punctuation and white space ignored), so curly vs straight quotes, dashes and spacing do
//!    not matter.
//! 2. Every run of `seed` consecutive words (a shingle) is hashed; B's shingles are indexed and
//!    each of A's is looked up. A hit is a seed match on the diagonal `i - j`.
//! 3. Seeds on one diagonal that touch are merged into exact matches.
//! 4. Exact matches are chained in A order when the gaps between them are small in both texts
//!    (a changed word, a dropped clause), giving passages.
//! 5. Passages at least `min_match_words` long are kept, longest first, one-to-one: no word of
//!    either text is in two passages.

use crate::text::chars;
use crate::text::paragraphs;
use crate::text::span::Span;
use serde::Serialize;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A shingle that occurs more often than this in either article is repetition or boilerplate
/// ("said in a statement on"), not evidence of reuse. Dropping it bounds the seed matches at
/// this many per word of A, which keeps the worst case (a text repeating one phrase) linear.
pub const MAX_SHINGLE_OCCURRENCES: usize = 8;

/// The largest gap, in words on either side, that a passage bridges between two exact matches:
/// room for a changed word, a dropped or inserted clause ("which includes Brazil, Russia, India,
/// China and South Africa,"). A dropped sentence is longer and splits the passage in two.
pub const MAX_GAP_WORDS: usize = 12;

/// Chains under construction at once. Only repetitive text comes near it; past it the oldest
/// chain is closed, which bounds the work per exact match.
const MAX_OPEN_CHAINS: usize = 64;

/// Seed length bounds, in words. Seeds shorter than the minimum passage let a passage survive a
/// changed word every few words; three words is the shortest that is not common phrase noise.
const MIN_SEED_WORDS: usize = 3;
const MAX_SEED_WORDS: usize = 5;

/// The words of a text that alignment looks at: spans into the text and hashed keys.
#[derive(Clone, Debug, Default)]
pub struct Words {
    /// Where each word is.
    pub spans: Vec<Span>,
    /// Its normalised key, hashed.
    pub keys: Vec<u64>,
    /// Which region (paragraph) it is in: passages never grow across a paragraph break.
    pub regions: Vec<u32>,
    /// The hashed stem of each content word (see [`content_stem`]); 0 for a function word.
    pub stems: Vec<u32>,
    /// Where each sentence starts, as a word index, ascending (sentences never cross a
    /// region); the last runs to the end.
    pub sentence_starts: Vec<u32>,
    /// Each sentence's own span, its punctuation and quotation marks included (one per
    /// `sentence_starts`): the words of `“Not now,” he said.` run from `Not` to `said`.
    pub sentence_spans: Vec<Span>,
}

impl Words {
    /// The words of `text` inside `regions` (the article's paragraphs, in order), so that
    /// boilerplate the reader removed is never aligned.
    pub fn of(text: &str, regions: impl IntoIterator<Item = Span>) -> Words {
        let mut words = Words::default();
        for (r, region) in regions.into_iter().enumerate() {
            let sentences = paragraphs::sentence_spans(text, region);
            let mut next_sentence = sentences.iter().peekable();
            let mut sentence = None;
            for span in word_spans(text, region) {
                // A sentence starts at its first word: the first word at or past its start.
                let mut starts = false;
                while let Some(&s) = next_sentence.next_if(|s| s.start <= span.start) {
                    starts = true;
                    sentence = Some(s);
                }
                if starts || words.regions.last() != Some(&(r as u32)) {
                    words.sentence_starts.push(words.spans.len() as u32);
                    words.sentence_spans.push(sentence.unwrap_or(span));
                }
                let word = span.of(text);
                words.keys.push(hash_key(word));
                words.stems.push(content_stem(word));
                words.spans.push(span);
                words.regions.push(r as u32);
            }
        }
        words
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// Whether there are no words.
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// The byte span from word `range.start` to the end of word `range.end - 1`.
    pub(crate) fn bytes(&self, range: std::ops::Range<usize>) -> Span {
        Span {
            start: self.spans[range.start].start,
            end: self.spans[range.end - 1].end,
        }
    }

    /// The words inside `span`, as word indices.
    pub fn within(&self, span: Span) -> std::ops::Range<usize> {
        let first = self.spans.partition_point(|w| w.start < span.start);
        let last = self.spans.partition_point(|w| w.end <= span.end);
        first..last.max(first)
    }

    /// Each sentence's words, in order.
    pub fn sentences(&self) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
        let ends = self.sentence_starts.iter().skip(1).map(|&e| e as usize);
        self.sentence_starts
            .iter()
            .map(|&s| s as usize)
            .zip(ends.chain(std::iter::once(self.len())))
            .map(|(s, e)| s..e)
    }
}

/// Function words: never content here, never a distinctive term on their own nor a phrase's
/// first or last word (`distinctive`). Sorted, for binary search.
pub(crate) const FUNCTION_WORDS: &[&str] = &[
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

/// Characters of a content word that its stem keeps: "supplying" and "supplied", "missile" and
/// "missiles" share "suppl" and "missi". Truncation is the crudest stemmer, but for deciding
/// whether two sentences of one story say the same thing it does as well as a real one.
const STEM_CHARS: usize = 5;

/// The hashed stem of `word` when it is a content word (a number, or a word of three letters
/// or more that is not a function word), else 0. A possessive `'s` is dropped first.
pub fn content_stem(word: &str) -> u32 {
    let key = normalise(word);
    let key = key.strip_suffix("'s").unwrap_or(&key);
    let has_digit = key.bytes().any(|b| b.is_ascii_digit());
    if !has_digit && (key.chars().count() < 3 || FUNCTION_WORDS.binary_search(&key).is_ok()) {
        return 0;
    }
    let end = key
        .char_indices()
        .nth(STEM_CHARS)
        .map_or(key.len(), |(i, _)| i);
    let h = hash_key(&key[..end]);
    // Folded to 32 bits, never 0.
    ((h ^ (h >> 32)) as u32).max(1)
}

/// How a reused passage's two sides differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PassageKind {
    /// The two sides are the same words in the same order.
    Verbatim,
    /// Aligned word for word, with words changed, inserted or dropped inside.
    Edited,
    /// A sentence of B restates a sentence of A in other words (see [`crate::compare::rewritten`]).
    Rewritten,
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}')
}

/// Words of `text[region]`: runs of letters and digits, joined by an apostrophe between letters
/// ("country’s"). Hyphens and dashes separate, so "22-24" and "22 - 24" are the same words.
pub fn word_spans(text: &str, region: Span) -> impl Iterator<Item = Span> + '_ {
    let base = region.start as usize;
    let slice = text.get(region.range()).unwrap_or("");
    let mut at = slice.char_indices().peekable();
    std::iter::from_fn(move || {
        while at.peek().is_some_and(|&(_, c)| !chars::is_alphanumeric(c)) {
            at.next();
        }
        let (start, first) = at.next()?;
        let mut end = start + first.len_utf8();
        while let Some(&(i, c)) = at.peek() {
            if chars::is_alphanumeric(c) {
                end = i + c.len_utf8();
                at.next();
            } else if is_apostrophe(c)
                && slice[i + c.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(chars::is_alphanumeric)
            {
                at.next();
            } else {
                break;
            }
        }
        Some(Span::new(base + start, base + end))
    })
}

/// The normalised key of a word: lowercase, every apostrophe a straight one.
pub fn normalise(word: &str) -> String {
    word.chars()
        .flat_map(char::to_lowercase)
        .map(|c| if is_apostrophe(c) { '\'' } else { c })
        .collect()
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a of the normalised key, without building it.
pub(crate) fn hash_key(word: &str) -> u64 {
    let fnv = |h: u64, b: u8| (h ^ u64::from(b)).wrapping_mul(FNV_PRIME);
    if word.is_ascii() {
        // Most words of English news: no Unicode case tables needed.
        return word
            .bytes()
            .fold(FNV_OFFSET, |h, b| fnv(h, b.to_ascii_lowercase()));
    }
    let mut h = FNV_OFFSET;
    for c in word
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| if is_apostrophe(c) { '\'' } else { c })
    {
        let mut buf = [0u8; 4];
        h = c.encode_utf8(&mut buf).bytes().fold(h, fnv);
    }
    h
}

/// A hasher for keys that are hashes already: shingle hashes pass through unchanged, which
/// spares SipHash's cost on every lookup.
#[derive(Default)]
struct Prehashed(u64);

impl Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(FNV_PRIME);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// Hash of `keys[i..i + seed]` for every `i`.
fn shingles(keys: &[u64], seed: usize) -> Vec<u64> {
    if keys.len() < seed {
        return Vec::new();
    }
    keys.windows(seed)
        .map(|w| {
            w.iter().fold(FNV_OFFSET, |h, &k| {
                (h.rotate_left(29) ^ k).wrapping_mul(FNV_PRIME)
            })
        })
        .collect()
}

/// One aligned passage: a stretch of A and the stretch of B that repeats it.
#[derive(Clone, Debug, PartialEq)]
pub struct Passage {
    /// Bytes of A.
    pub a: Span,
    /// Bytes of B.
    pub b: Span,
    /// Word indices of A.
    pub a_words: std::ops::Range<usize>,
    /// Word indices of B.
    pub b_words: std::ops::Range<usize>,
    /// Words matched exactly, in order, on both sides.
    pub matched: usize,
    /// The stretches matched exactly, as (bytes of A, bytes of B): the passage without the
    /// words either side changed, dropped or inserted. None for a rewritten sentence.
    pub pieces: Vec<(Span, Span)>,
    /// Verbatim, edited or rewritten.
    pub kind: PassageKind,
    /// How alike the two sides are, 0..1: for aligned text the Dice coefficient of matched
    /// words (1 for a verbatim copy), for a rewritten sentence the share of its content words
    /// found in A's.
    pub similarity: f64,
}

/// The Dice coefficient of matched words, `2 × matched / (words of A + words of B)`: 1 for a
/// verbatim copy.
fn dice(matched: usize, a: usize, b: usize) -> f64 {
    if a + b == 0 {
        0.0
    } else {
        (2 * matched) as f64 / (a + b) as f64
    }
}

/// Which side of a comparison a span belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// Article A.
    A,
    /// Article B.
    B,
}

impl Passage {
    /// The passage's words on one side.
    pub fn words_on(&self, side: Side) -> std::ops::Range<usize> {
        match side {
            Side::A => self.a_words.clone(),
            Side::B => self.b_words.clone(),
        }
    }

    /// The passage's exactly matched stretches on one side.
    pub fn pieces_on(&self, side: Side) -> impl Iterator<Item = Span> + '_ {
        self.pieces.iter().map(move |&(a, b)| match side {
            Side::A => a,
            Side::B => b,
        })
    }
}

/// How a word of one side is covered by the passages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cover {
    /// In no passage: the outlet's own.
    Own,
    /// In a rewritten sentence.
    Rewritten,
    /// In an aligned passage, but not matched word for word (a changed or inserted word).
    Edited,
    /// In an exact match.
    Exact,
}

/// How each word of `words` (one side's) is covered by `passages`.
pub fn coverage(words: &Words, passages: &[Passage], side: Side) -> Vec<Cover> {
    let mut cover = vec![Cover::Own; words.len()];
    for p in passages {
        cover[p.words_on(side)].fill(match p.kind {
            PassageKind::Rewritten => Cover::Rewritten,
            PassageKind::Verbatim | PassageKind::Edited => Cover::Edited,
        });
        for piece in p.pieces_on(side) {
            cover[words.within(piece)].fill(Cover::Exact);
        }
    }
    cover
}

/// Shares of one side's words by how they are covered, 0..1.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct CoverShares {
    /// In exact matches.
    pub verbatim: f64,
    /// In aligned passages, verbatim or edited.
    pub aligned: f64,
    /// In passages of any kind, rewritten sentences included.
    pub reused: f64,
}

/// The shares of `cover` (one side's words).
pub fn shares(cover: &[Cover]) -> CoverShares {
    if cover.is_empty() {
        return CoverShares::default();
    }
    let share = |f: &dyn Fn(Cover) -> bool| {
        cover.iter().filter(|&&c| f(c)).count() as f64 / cover.len() as f64
    };
    CoverShares {
        verbatim: share(&|c| c == Cover::Exact),
        aligned: share(&|c| matches!(c, Cover::Exact | Cover::Edited)),
        reused: share(&|c| c != Cover::Own),
    }
}

/// The seed length used for a minimum passage length: half the minimum, within bounds, so that a
/// passage survives one changed word in every `min_match_words / 2`.
pub fn seed_words(min_match_words: usize) -> usize {
    (min_match_words / 2)
        .clamp(MIN_SEED_WORDS, MAX_SEED_WORDS)
        .min(min_match_words)
        .max(1)
}

/// An exact match: `len` words from `a` in A equal `len` words from `b` in B.
#[derive(Clone, Copy, Debug)]
struct Exact {
    a: usize,
    b: usize,
    len: usize,
}

/// Chains of exact matches: the passages before selection.
#[derive(Clone, Debug)]
struct Chain {
    a_start: usize,
    b_start: usize,
    a_end: usize,
    b_end: usize,
    matched: usize,
    /// The exact matches, trimmed so that they do not overlap.
    pieces: Vec<Exact>,
}

/// Aligns `a` with `b`. Passages come out in A order; none shares a word with another on either
/// side, and each has at least `min_match_words` matched words.
pub fn align(a: &Words, b: &Words, min_match_words: usize) -> Vec<Passage> {
    let min_match_words = min_match_words.max(1);
    let seed = seed_words(min_match_words);
    let exact = exact_matches(a, b, seed);
    let elsewhere = Elsewhere::of(a, b, &exact, min_match_words);
    let chains = chain(&exact, seed);
    select(a, b, chains, &elsewhere, min_match_words)
}

/// The words of either text inside an exact match long enough to be a passage by itself. A
/// chain must not bridge a gap holding such words: they are text B moved (a sentence taken out
/// of a paragraph and put elsewhere), and bridging would swallow them on one side and miss
/// their copy.
struct Elsewhere {
    a: Vec<bool>,
    b: Vec<bool>,
}

impl Elsewhere {
    fn of(a: &Words, b: &Words, exact: &[Exact], min_match_words: usize) -> Elsewhere {
        let (mut in_a, mut in_b) = (vec![false; a.len()], vec![false; b.len()]);
        for e in exact.iter().filter(|e| e.len >= min_match_words) {
            in_a[e.a..e.a + e.len].fill(true);
            in_b[e.b..e.b + e.len].fill(true);
        }
        Elsewhere { a: in_a, b: in_b }
    }
}

/// Whether word `i` and word `i + 1` of `words` are in different paragraphs.
fn breaks_after(words: &Words, i: usize) -> bool {
    words
        .regions
        .get(i + 1)
        .is_some_and(|&r| r != words.regions[i])
}

/// Whether going from word `i` to word `j` (`i < j`) crosses a paragraph break.
fn crosses_break(words: &Words, i: usize, j: usize) -> bool {
    words.regions[i] != words.regions[j]
}

/// Seeds merged into maximal exact matches, sorted by position in A, then in B.
fn exact_matches(a: &Words, b: &Words, seed: usize) -> Vec<Exact> {
    let (sa, sb) = (shingles(&a.keys, seed), shingles(&b.keys, seed));
    // B's shingle positions grouped by hash in one sorted array (one allocation, not one per
    // shingle), found through a hash map from shingle to its run in the array.
    let mut index: Vec<(u64, u32)> = sb.iter().enumerate().map(|(j, &h)| (h, j as u32)).collect();
    index.sort_unstable();
    let mut runs: HashMap<u64, (u32, u32), BuildHasherDefault<Prehashed>> =
        HashMap::with_capacity_and_hasher(index.len(), Default::default());
    for (k, &(h, _)) in index.iter().enumerate() {
        runs.entry(h).or_insert((k as u32, 0)).1 += 1;
    }
    let mut count_a: HashMap<u64, u32, BuildHasherDefault<Prehashed>> =
        HashMap::with_capacity_and_hasher(sa.len(), Default::default());
    for &h in &sa {
        *count_a.entry(h).or_default() += 1;
    }
    // (diagonal, i): sorting groups each diagonal's seeds in A order.
    let mut seeds: Vec<(i64, u32)> = Vec::new();
    for (i, h) in sa.iter().enumerate() {
        let Some(&(first, len)) = runs.get(h) else {
            continue;
        };
        let too_common = |n: u32| n as usize > MAX_SHINGLE_OCCURRENCES;
        if too_common(len) || count_a.get(h).is_some_and(|&n| too_common(n)) {
            continue;
        }
        let js = &index[first as usize..(first + len) as usize];
        // Hashes can collide: confirm the words themselves.
        for &(_, j) in js {
            let j = j as usize;
            if a.keys[i..i + seed] == b.keys[j..j + seed] {
                seeds.push((i as i64 - j as i64, i as u32));
            }
        }
    }
    seeds.sort_unstable();
    let mut exact: Vec<Exact> = Vec::new();
    let mut current: Option<(i64, usize, usize)> = None; // diagonal, start in A, end in A
    for (diagonal, i) in seeds {
        let i = i as usize;
        match current {
            Some((d, start, end)) if d == diagonal && i <= end => {
                current = Some((d, start, i + seed));
            }
            _ => {
                if let Some((d, start, end)) = current {
                    exact.push(to_exact(d, start, end));
                }
                current = Some((diagonal, i, i + seed));
            }
        }
    }
    if let Some((d, start, end)) = current {
        exact.push(to_exact(d, start, end));
    }
    exact.sort_unstable_by_key(|e| (e.a, e.b));
    exact
}

fn to_exact(diagonal: i64, start: usize, end: usize) -> Exact {
    Exact {
        a: start,
        b: (start as i64 - diagonal) as usize,
        len: end - start,
    }
}

/// Chains exact matches whose gaps are small in both texts. Overlaps of less than a seed (a
/// repeated word at the join) are trimmed from the later match.
fn chain(exact: &[Exact], seed: usize) -> Vec<Chain> {
    let mut open: Vec<Chain> = Vec::new();
    let mut done: Vec<Chain> = Vec::new();
    let overlap = seed as i64 - 1;
    for e in exact {
        // Chains that end too far back in A can take nothing more.
        let mut k = 0;
        while k < open.len() {
            if open[k].a_end + MAX_GAP_WORDS < e.a {
                done.push(open.swap_remove(k));
            } else {
                k += 1;
            }
        }
        let best = open
            .iter()
            .enumerate()
            .filter_map(|(k, c)| {
                let gap_a = e.a as i64 - c.a_end as i64;
                let gap_b = e.b as i64 - c.b_end as i64;
                let fits = (-overlap..=MAX_GAP_WORDS as i64).contains(&gap_a)
                    && (-overlap..=MAX_GAP_WORDS as i64).contains(&gap_b);
                let trim = (-gap_a).max(-gap_b).max(0) as usize;
                (fits && trim < e.len).then_some((gap_a.max(gap_b), (gap_a - gap_b).abs(), k, trim))
            })
            .min();
        match best {
            Some((_, _, k, trim)) => {
                let c = &mut open[k];
                c.a_end = e.a + e.len;
                c.b_end = e.b + e.len;
                c.matched += e.len - trim;
                c.pieces.push(Exact {
                    a: e.a + trim,
                    b: e.b + trim,
                    len: e.len - trim,
                });
            }
            None => {
                if open.len() >= MAX_OPEN_CHAINS {
                    let oldest = (0..open.len()).min_by_key(|&k| open[k].a_end).unwrap_or(0);
                    done.push(open.swap_remove(oldest));
                }
                open.push(Chain {
                    a_start: e.a,
                    b_start: e.b,
                    a_end: e.a + e.len,
                    b_end: e.b + e.len,
                    matched: e.len,
                    pieces: vec![*e],
                });
            }
        }
    }
    done.extend(open);
    done
}

/// Keeps chains of at least `min_match_words` (counting what extension adds), most matched
/// words first. Words already in a
/// kept passage are trimmed from later chains (an exact match often runs one word past a
/// paragraph's end into the next, "... later this month. The"), which may split a chain.
fn select(
    a: &Words,
    b: &Words,
    mut chains: Vec<Chain>,
    elsewhere: &Elsewhere,
    min_match_words: usize,
) -> Vec<Passage> {
    // A chain a little short of the minimum may reach it by extension; far short, it cannot.
    chains.retain(|c| c.matched + MAX_EXTENSION_WORDS >= min_match_words);
    chains.sort_unstable_by_key(|c| (std::cmp::Reverse(c.matched), c.a_start, c.b_start));
    let mut used_a = vec![false; a.len()];
    let mut used_b = vec![false; b.len()];
    let mut passages = Vec::new();
    for c in chains {
        // The pieces' free words, as runs on each piece's diagonal.
        let mut free: Vec<Exact> = Vec::new();
        for e in &c.pieces {
            let mut k = 0;
            while k < e.len {
                if used_a[e.a + k] || used_b[e.b + k] {
                    k += 1;
                    continue;
                }
                let start = k;
                while k < e.len && !used_a[e.a + k] && !used_b[e.b + k] {
                    k += 1;
                    // A paragraph break on one side only ends the run: the passage is two.
                    if k < e.len && breaks_after(a, e.a + k - 1) != breaks_after(b, e.b + k - 1) {
                        break;
                    }
                }
                free.push(Exact {
                    a: e.a + start,
                    b: e.b + start,
                    len: k - start,
                });
            }
        }
        // Regroup: a gap splits that now holds a kept passage's word, grew too wide, crosses
        // a paragraph break on one side only, or holds words matched elsewhere.
        let mut groups: Vec<Vec<Exact>> = Vec::new();
        for e in free {
            let joins = groups.last().and_then(|g| g.last()).is_some_and(|p| {
                let (ga, gb) = (p.a + p.len..e.a, p.b + p.len..e.b);
                ga.start <= ga.end
                    && gb.start <= gb.end
                    && ga.len() <= MAX_GAP_WORDS
                    && gb.len() <= MAX_GAP_WORDS
                    && crosses_break(a, ga.start - 1, e.a) == crosses_break(b, gb.start - 1, e.b)
                    && !used_a[ga.clone()].iter().any(|&u| u)
                    && !used_b[gb.clone()].iter().any(|&u| u)
                    && !elsewhere.a[ga].iter().any(|&u| u)
                    && !elsewhere.b[gb].iter().any(|&u| u)
            });
            if joins {
                if let Some(g) = groups.last_mut() {
                    g.push(e);
                }
            } else {
                groups.push(vec![e]);
            }
        }
        for mut g in groups {
            let mut matched: usize = g.iter().map(|e| e.len).sum();
            let (Some(&first), Some(&last)) = (g.first(), g.last()) else {
                continue;
            };
            let (mut ra, mut rb) = (first.a..last.a + last.len, first.b..last.b + last.len);
            for forward in [false, true] {
                let ext = extend(a, b, (&ra, &rb), forward, (&used_a, &used_b));
                if ext.len == 0 {
                    continue;
                }
                if forward {
                    ra.end += ext.len;
                    rb.end += ext.len;
                } else {
                    ra.start -= ext.len;
                    rb.start -= ext.len;
                }
                matched += ext.pieces.iter().map(|e| e.len).sum::<usize>();
                g.extend(ext.pieces);
            }
            if matched < min_match_words {
                continue;
            }
            g.sort_unstable_by_key(|e| e.a);
            used_a[ra.clone()].fill(true);
            used_b[rb.clone()].fill(true);
            let verbatim = matched == ra.len() && matched == rb.len();
            passages.push(Passage {
                a: a.bytes(ra.clone()),
                b: b.bytes(rb.clone()),
                similarity: dice(matched, ra.len(), rb.len()),
                a_words: ra,
                b_words: rb,
                matched,
                kind: if verbatim {
                    PassageKind::Verbatim
                } else {
                    PassageKind::Edited
                },
                pieces: g
                    .iter()
                    .map(|e| (a.bytes(e.a..e.a + e.len), b.bytes(e.b..e.b + e.len)))
                    .collect(),
            });
        }
    }
    passages.sort_unstable_by_key(|p| (p.a.start, p.b.start));
    passages
}

/// How far a passage may grow past its outermost exact match, in words: a changed word near a
/// paragraph's edge leaves a run shorter than a seed, which only this finds.
const MAX_EXTENSION_WORDS: usize = MAX_GAP_WORDS;

/// Extension of a passage past one of its ends.
struct Extension {
    /// Words added on each side.
    len: usize,
    /// The matching words among them, as runs.
    pieces: Vec<Exact>,
}

/// Extends a passage along its diagonal (an X-drop extension, as BLAST does): +1 for a word that
/// matches, −1 for one that does not, stopping at the best score, at a paragraph break on
/// either side, at another passage, or [`MAX_EXTENSION_WORDS`] out.
fn extend(
    a: &Words,
    b: &Words,
    (ra, rb): (&std::ops::Range<usize>, &std::ops::Range<usize>),
    forward: bool,
    (used_a, used_b): (&[bool], &[bool]),
) -> Extension {
    let (mut score, mut best, mut best_len) = (0i64, 0i64, 0usize);
    let mut matches = Vec::new();
    for k in 1..=MAX_EXTENSION_WORDS {
        let (i, j) = if forward {
            (ra.end + k - 1, rb.end + k - 1)
        } else {
            match (ra.start.checked_sub(k), rb.start.checked_sub(k)) {
                (Some(i), Some(j)) => (i, j),
                _ => break,
            }
        };
        if i >= a.len() || j >= b.len() || used_a[i] || used_b[j] {
            break;
        }
        // The word next to the passage's edge must be in the same paragraph as the edge.
        let (edge_a, edge_b) = if forward {
            (ra.end - 1, rb.end - 1)
        } else {
            (ra.start, rb.start)
        };
        if a.regions[i] != a.regions[edge_a] || b.regions[j] != b.regions[edge_b] {
            break;
        }
        if a.keys[i] == b.keys[j] {
            score += 1;
            matches.push((i, j));
        } else {
            score -= 1;
        }
        if score >= best {
            (best, best_len) = (score, k);
        }
        if score < best - 2 {
            break;
        }
    }
    let mut pieces: Vec<Exact> = Vec::new();
    let within = |&(i, _): &(usize, usize)| {
        if forward {
            i < ra.end + best_len
        } else {
            i >= ra.start - best_len
        }
    };
    for (i, j) in matches.into_iter().filter(within) {
        match pieces.last_mut() {
            Some(p) if forward && p.a + p.len == i => p.len += 1,
            Some(p) if !forward && p.a == i + 1 => {
                p.a = i;
                p.b = j;
                p.len += 1;
            }
            _ => pieces.push(Exact { a: i, b: j, len: 1 }),
        }
    }
    Extension {
        len: best_len,
        pieces,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Words {
        Words::of(text, [Span::new(0, text.len())])
    }

    fn aligned(a: &str, b: &str, min: usize) -> Vec<(String, String)> {
        align(&words(a), &words(b), min)
            .iter()
            .map(|p| (p.a.of(a).to_string(), p.b.of(b).to_string()))
            .collect()
    }

    #[test]
    fn word_keys_ignore_quotes_case_and_dashes() {
        let text = "“Shahed” drones, Russia’s 22-24 Oct. — don't";
        let got: Vec<&str> = word_spans(text, Span::new(0, text.len()))
            .map(|s| s.of(text))
            .collect();
        assert_eq!(
            got,
            ["Shahed", "drones", "Russia’s", "22", "24", "Oct", "don't"]
        );
        assert_eq!(hash_key("Russia’s"), hash_key("russia's"));
        assert_eq!(normalise("Russia’s"), "russia's");
    }

    #[test]
    fn table() {
        let base =
            "the two countries say they are close to signing a strategic partnership agreement";
        #[rustfmt::skip]
        let cases: &[(&str, &str, &str, usize)] = &[
            // name, a, b, passages expected
            ("verbatim", base, base, 1),
            ("curly quotes and spacing", "he said “stop killing innocent people” and its actions in the Middle East",
                "he said \"stop   killing innocent\n people\" and its actions in the Middle East", 1),
            ("one word changed", base, "the two countries say they are near to signing a strategic partnership agreement", 1),
            ("clause inserted", "Putin whose country is hosting a summit of the BRICS nations in Kazan on October",
                "Putin whose country is hosting a summit of the BRICS nations which includes Brazil Russia India China and South Africa in Kazan on October", 1),
            ("too short", "the Kremlin said on Friday", "the Kremlin said on Friday", 0),
            ("unrelated", base, "drones hit civilian areas across Ukraine overnight officials reported", 0),
            ("empty", "", base, 0),
        ];
        for &(name, a, b, n) in cases {
            assert_eq!(aligned(a, b, 8).len(), n, "{name}");
        }
    }

    #[test]
    fn reordered_paragraphs_align_each() {
        let p1 = "Pezeshkian last month committed his country to deeper ties with Russia to counter Western sanctions.";
        let p2 = "The United States regards Moscow's growing relationship with Tehran with concern today.";
        let a = format!("{p1}\n{p2}");
        let b = format!("Something new entirely here.\n{p2}\nMore of our own words.\n{p1}");
        let got = aligned(&a, &b, 8);
        assert_eq!(got.len(), 2);
        assert!(got.iter().all(|(x, y)| x == y));
    }

    #[test]
    fn repetitive_text_is_bounded() {
        let a = "the same phrase again ".repeat(5000);
        let start = std::time::Instant::now();
        let got = align(&words(&a), &words(&a), 8);
        // Every shingle is far over the occurrence limit: nothing is evidence, nothing aligns.
        assert!(got.is_empty());
        assert!(start.elapsed().as_secs() < 5);
    }
}
