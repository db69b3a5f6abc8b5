//! Features: what the tagger knows of each token (its word, shape, affixes, gazetteer lists,
//! how the document writes it elsewhere) and of what the first pass said, as hashed keys.
//! Training and tagging make keys with these same functions.

use super::labels::{part, type_of, Part, START};
use crate::ner::gazetteer::CATEGORIES;
use crate::ner::lexicon::Lexicon;
use crate::ner::norm::fold;
#[cfg(test)]
use crate::ner::norm::norm_hash;
use crate::ner::wordclass::{self, NO_CLASS};
use crate::text::hash::{key, Hasher, IdMap};
use std::ops::Range;

/// Capitalisation class of a token.
pub(super) mod cap {
    pub const LOWER: u8 = 0;
    pub const TITLE: u8 = 1;
    pub const UPPER: u8 = 2;
    pub const MIXED: u8 = 3;
    pub const DIGIT: u8 = 4;
    pub const PUNCT: u8 = 5;
}

/// What the features need of one token, computed once.
#[derive(Clone, Copy, Default)]
struct Tok {
    /// Lowercased, digits as 0.
    lw: u64,
    /// As written, digits as 0.
    w: u64,
    /// Character classes with runs collapsed: "Putin" → "Xx", "U.S." → "X.X.".
    shape: u64,
    pre: [u64; 3],
    suf: [u64; 4],
    cap: u8,
    /// Capitalisation elsewhere in the document (see `doc_case`).
    doc_case: u8,
    /// Gazetteer categories of the words before (bits 0..8) and after (8..16) this word's
    /// occurrences in the document.
    doc_around: u32,
    gaz: u32,
    /// Finest word class (see `wordclass`), or `NO_CLASS`.
    class: u16,
    /// First token of its sentence.
    first: bool,
    /// In a sentence written in capitals (a headline).
    shouted: bool,
    /// In a sentence with digits and no lower-case word: a row of a results table.
    row: bool,
    /// The document's topic word, when it opens with one ("SOCCER -", "CRICKET -"), else 0.
    topic: u64,
}

/// Template numbers. Each feature is `key(template, a, b)`. Numbers of templates dropped
/// since (9, 10: the words two away; 14: the bigram with the next word; 27, 28: the next and
/// previous words with this one's case; dropping them cost nothing in cross-validation at the
/// shipped model size, and saved five lookups a token) are not reused.
pub(super) mod t {
    pub const BIAS: u8 = 0;
    pub const LW: u8 = 1;
    pub const W: u8 = 2;
    pub const LW_SHOUTED: u8 = 3;
    pub const SHAPE: u8 = 4;
    pub const PRE: u8 = 5;
    pub const SUF: u8 = 6;
    pub const LW_PREV: u8 = 7;
    pub const LW_NEXT: u8 = 8;
    pub const SHAPE_PREV_CUR: u8 = 11;
    pub const SHAPE_CUR_NEXT: u8 = 12;
    pub const BIGRAM_PREV: u8 = 13;
    pub const CAP_POSITION: u8 = 15;
    pub const CAP_WINDOW: u8 = 16;
    pub const GAZ: u8 = 17;
    pub const GAZ_CAP: u8 = 18;
    pub const GAZ_PREV: u8 = 19;
    pub const GAZ_NEXT: u8 = 20;
    pub const DOC_CASE: u8 = 21;
    pub const SUF_PREV: u8 = 22;
    pub const TOPIC: u8 = 23;
    pub const ROW: u8 = 24;
    pub const SHAPE_AHEAD: u8 = 25;
    pub const TOPIC_ROW: u8 = 26;
    pub const TOPIC_GAZ: u8 = 29;
    pub const DOC_AROUND: u8 = 35;
    pub const Y1: u8 = 30;
    pub const Y2: u8 = 31;
    pub const Y1_LW: u8 = 32;
    pub const Y1_SHAPE: u8 = 33;
    pub const Y1_CAP: u8 = 34;
    pub const DOC_MAJORITY: u8 = 40;
    pub const DOC_HAS: u8 = 41;
    pub const P1_NEXT: u8 = 42;
    pub const P1_CUR: u8 = 43;
    pub const DOC_IN_LONGER: u8 = 44;
    pub const DOC_MAJORITY_CAP: u8 = 45;
    pub const P1_PREV: u8 = 46;
    pub const CLASS: u8 = 47;
    pub const CLASS_PREV: u8 = 48;
    pub const CLASS_NEXT: u8 = 49;
}

/// A document prepared for tagging: token features that do not depend on labels.
pub struct Doc {
    toks: Vec<Tok>,
    /// Sentences as token ranges.
    pub sentences: Vec<Range<usize>>,
    /// For training, which reads them many times: keys of the label-independent features,
    /// token by token (`offsets[i]..offsets[i + 1]`). Tagging computes them as it goes.
    #[cfg(feature = "train")]
    keys: Vec<u32>,
    #[cfg(feature = "train")]
    offsets: Vec<u32>,
}

/// Room reserved for static feature keys per token, so that the list seldom grows: a token has
/// 26 always, up to 7 affixes, 2 per gazetteer match and a few more (see `static_keys`).
pub(super) const KEYS_PER_TOKEN: usize = 48;

/// Above this share of capitalised letters a sentence is a headline written in capitals.
const SHOUTED_SHARE: f32 = 0.8;

impl Doc {
    /// Prepares `words` (all tokens of the document, in order) split into `sentences`.
    pub fn new(words: &[&str], sentences: &[Range<usize>], lex: &Lexicon) -> Doc {
        let mut toks: Vec<Tok> = words.iter().map(|w| tok(w)).collect();
        let mut starts = vec![false; words.len()];
        let sentences: Vec<Range<usize>> = sentences
            .iter()
            .filter(|s| s.start < s.end && s.end <= words.len())
            .cloned()
            .collect();
        for s in &sentences {
            toks[s.start].first = true;
            let (mut upper, mut letters) = (0, 0);
            for t in &toks[s.clone()] {
                match t.cap {
                    cap::UPPER => (upper, letters) = (upper + 1, letters + 1),
                    cap::LOWER | cap::TITLE | cap::MIXED => letters += 1,
                    _ => {}
                }
            }
            let shouted = letters >= 2 && upper as f32 >= SHOUTED_SHARE * letters as f32;
            let row = toks[s.clone()].iter().all(|t| t.cap != cap::LOWER)
                && toks[s.clone()].iter().any(|t| t.cap == cap::DIGIT);
            for t in &mut toks[s.clone()] {
                t.shouted = shouted;
                t.row = row;
            }
        }
        for (i, w) in words.iter().enumerate() {
            starts[i] = w.chars().next().is_some_and(char::is_alphanumeric);
        }
        let hashes: Vec<u64> = toks.iter().map(|t| t.lw).collect();
        let mut gaz_bits = Vec::new();
        lex.gazetteer.matches(&hashes, &starts, &mut gaz_bits);
        for (t, g) in toks.iter_mut().zip(gaz_bits) {
            t.gaz = g;
            t.class = lex.classes.class(t.lw);
        }
        // How each word is written where capitals carry information: not first in a sentence,
        // not in a headline. Bit 0: seen capitalised; bit 1: seen in lower case.
        let mut case: IdMap<u64, u8> =
            IdMap::with_capacity_and_hasher(toks.len(), Default::default());
        for t in &toks {
            if !t.first && !t.shouted {
                let bit = match t.cap {
                    cap::TITLE | cap::UPPER | cap::MIXED => 1,
                    cap::LOWER => 2,
                    _ => 0,
                };
                *case.entry(t.lw).or_insert(0) |= bit;
            }
        }
        // Which lists the words around each word's occurrences are on, over the document: a
        // name that never follows a first name nor precedes "Inc" is known by it everywhere.
        let mut around: IdMap<u64, u32> =
            IdMap::with_capacity_and_hasher(toks.len(), Default::default());
        for s in &sentences {
            for i in s.clone() {
                let prev = if i > s.start {
                    gaz_cats(toks[i - 1].gaz)
                } else {
                    0
                };
                let next = if i + 1 < s.end {
                    gaz_cats(toks[i + 1].gaz)
                } else {
                    0
                };
                *around.entry(toks[i].lw).or_insert(0) |= prev | next << 8;
            }
        }
        // Wire copy opens with a topic in capitals ("SOCCER - JAPAN GET LUCKY WIN"); any other
        // first word ("The", a name) says nothing of the document, and as a feature would only
        // make a key per distinct opening word.
        let topic = match toks.get(..2) {
            Some([first, dash]) if first.cap == cap::UPPER && words[1] == "-" => first.lw,
            _ => 0,
        };
        for t in &mut toks {
            t.doc_case = case.get(&t.lw).copied().unwrap_or(0);
            t.doc_around = around.get(&t.lw).copied().unwrap_or(0);
            t.topic = topic;
        }
        Doc {
            toks,
            sentences,
            #[cfg(feature = "train")]
            keys: Vec::new(),
            #[cfg(feature = "train")]
            offsets: Vec::new(),
        }
    }

    /// As [`Doc::new`], with every token's static keys stored for [`all_keys`].
    #[cfg(feature = "train")]
    pub fn with_keys(words: &[&str], sentences: &[Range<usize>], lex: &Lexicon) -> Doc {
        let mut doc = Doc::new(words, sentences, lex);
        doc.keys.reserve(words.len() * KEYS_PER_TOKEN);
        doc.offsets = vec![0; words.len() + 1];
        for sent in &doc.sentences {
            for i in sent.clone() {
                static_keys(&doc.toks, sent.clone(), i, &mut doc.keys);
                doc.offsets[i + 1] = doc.keys.len() as u32;
            }
        }
        doc
    }

    /// The stored label-independent keys of every token (see [`Doc::with_keys`]).
    #[cfg(feature = "train")]
    pub fn stored_keys(&self) -> &[u32] {
        &self.keys
    }

    /// Keeps the stored keys `keep` accepts: training's count cutoff.
    #[cfg(feature = "train")]
    pub fn retain_keys(&mut self, keep: impl Fn(u32) -> bool) {
        let mut kept = Vec::with_capacity(self.keys.len());
        let mut start = 0;
        for i in 0..self.toks.len() {
            let end = self.offsets[i + 1].max(self.offsets[i]) as usize;
            kept.extend(
                self.keys[start.min(end)..end]
                    .iter()
                    .copied()
                    .filter(|&k| keep(k)),
            );
            start = end;
            self.offsets[i + 1] = kept.len() as u32;
        }
        self.keys = kept;
    }

    /// What token `i`'s [`word_keys`] depend on: its written form (digits as 0, typographic
    /// punctuation folded) and whether its sentence is shouted. Tokens of one identity have the
    /// same word keys.
    pub(super) fn word_identity(&self, i: usize) -> u64 {
        let t = &self.toks[i];
        crate::text::hash::mix(t.w ^ u64::from(t.shouted))
    }

    /// Appends the keys of token `i`'s features that depend on its word alone.
    pub(super) fn word_keys(&self, i: usize, out: &mut Vec<u32>) {
        word_keys(&self.toks[i], out);
    }

    /// Appends the keys of token `i`'s other label-independent features (`i` in sentence
    /// `sent`).
    pub(super) fn context_keys(&self, sent: Range<usize>, i: usize, out: &mut Vec<u32>) {
        context_keys(&self.toks, sent, i, out);
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.toks.len()
    }
}

fn tok(word: &str) -> Tok {
    let mut t = Tok::default();
    // The `norm_hash` of the word, from the same lowercased chars as the affixes.
    let mut lw = Hasher::new();
    let mut w = Hasher::new();
    let mut shape = Hasher::new();
    let (mut upper, mut lower, mut digit, mut other) = (0, 0, 0, 0);
    let mut last_class = '\0';
    let mut first_upper = false;
    // Affixes of the lowercased word: prefixes hashed as the chars come, the last four chars
    // kept in a ring for the suffixes.
    let mut pre = [Hasher::new(); 3];
    let mut ring = ['\0'; 4];
    let mut n = 0usize;
    for (k, c) in word.chars().map(fold).enumerate() {
        w.char(if c.is_ascii_digit() { '0' } else { c });
        let class = if c.is_uppercase() {
            upper += 1;
            first_upper |= k == 0;
            'X'
        } else if c.is_lowercase() {
            lower += 1;
            'x'
        } else if c.is_numeric() {
            digit += 1;
            'd'
        } else {
            other += 1;
            c
        };
        if class != last_class || !matches!(class, 'X' | 'x' | 'd') {
            shape.char(class);
        }
        last_class = class;
        let mut push = |l: char| {
            let l = if l.is_ascii_digit() { '0' } else { l };
            lw.char(l);
            for (j, h) in pre.iter_mut().enumerate() {
                if n <= j {
                    h.char(l);
                }
            }
            ring[n % 4] = l;
            n += 1;
        };
        if c.is_ascii() {
            push(c.to_ascii_lowercase());
        } else {
            c.to_lowercase().for_each(push);
        }
    }
    t.lw = lw.finish();
    t.w = w.finish();
    t.shape = shape.finish();
    t.cap = if upper + lower == 0 {
        if digit > 0 {
            cap::DIGIT
        } else {
            cap::PUNCT
        }
    } else if upper == 0 {
        cap::LOWER
    } else if lower == 0 && (upper > 1 || other == 0) {
        cap::UPPER
    } else if first_upper && upper == 1 {
        cap::TITLE
    } else {
        cap::MIXED
    };
    for (k, (slot, h)) in t.pre.iter_mut().zip(pre).enumerate() {
        *slot = if n > k + 1 { h.finish() } else { 0 };
    }
    for k in 0..4 {
        if n > k + 1 {
            let mut h = Hasher::new();
            for j in (0..=k).rev() {
                h.char(ring[(n - 1 - j) % 4]);
            }
            t.suf[k] = h.finish();
        }
    }
    t
}

/// The categories (bit per category) of a token's gazetteer matches.
fn gaz_cats(g: u32) -> u32 {
    (0..CATEGORIES.len()).fold(0, |m, c| m | u32::from((g >> (4 * c)) & 0xF != 0) << c)
}

/// Sentinel hashes for positions outside the sentence.
const PAD_BEFORE: u64 = 0x0BAD_BEEF_0000_0001;
const PAD_AFTER: u64 = 0x0BAD_BEEF_0000_0002;

/// The word class of a position outside the sentence.
const PAD_CLASS: u16 = NO_CLASS - 1;

/// The keys of token `me`'s features that depend on its word alone (and on whether its
/// sentence is shouted): the first of [`static_keys`], in their order. Tagging sums them once
/// per distinct word of a document (see [`Doc::word_identity`]).
fn word_keys(me: &Tok, out: &mut Vec<u32>) {
    let shouted = u64::from(me.shouted);
    out.push(key(t::BIAS, 0, 0));
    out.push(key(t::LW, me.lw, 0));
    if me.shouted {
        out.push(key(t::LW_SHOUTED, me.lw, 0));
    } else {
        out.push(key(t::W, me.w, 0));
    }
    out.push(key(t::SHAPE, me.shape, shouted));
    for (k, &p) in me.pre.iter().enumerate() {
        if p != 0 {
            out.push(key(t::PRE, p, k as u64));
        }
    }
    for (k, &s) in me.suf.iter().enumerate() {
        if s != 0 {
            out.push(key(t::SUF, s, k as u64));
        }
    }
}

/// Every label-independent key of token `i`: [`word_keys`], then [`context_keys`]. Training
/// stores them in this order and tagging adds them in it, so that their sums are the same to
/// the bit.
#[cfg(feature = "train")]
fn static_keys(toks: &[Tok], sent: Range<usize>, i: usize, out: &mut Vec<u32>) {
    word_keys(&toks[i], out);
    context_keys(toks, sent, i, out);
}

/// The keys of token `i`'s label-independent features that depend on more than its word.
fn context_keys(toks: &[Tok], sent: Range<usize>, i: usize, out: &mut Vec<u32>) {
    let at = |j: isize| -> Option<&Tok> {
        let j = usize::try_from(j).ok()?;
        sent.contains(&j).then(|| &toks[j])
    };
    let ii = i as isize;
    let lw_at = |j: isize| at(j).map_or(if j < ii { PAD_BEFORE } else { PAD_AFTER }, |t| t.lw);
    let shape_at =
        |j: isize| at(j).map_or(if j < ii { PAD_BEFORE } else { PAD_AFTER }, |t| t.shape);
    let cap_at = |j: isize| at(j).map_or(9, |t| u64::from(t.cap));
    let gaz_at = |j: isize| at(j).map_or(0, |t| t.gaz);
    let me = &toks[i];
    let shouted = u64::from(me.shouted);
    out.push(key(t::LW_PREV, lw_at(ii - 1), 0));
    out.push(key(t::LW_NEXT, lw_at(ii + 1), 0));
    out.push(key(
        t::SHAPE_PREV_CUR,
        shape_at(ii - 1),
        me.shape ^ (shouted << 63),
    ));
    out.push(key(
        t::SHAPE_CUR_NEXT,
        me.shape ^ (shouted << 63),
        shape_at(ii + 1),
    ));
    out.push(key(t::BIGRAM_PREV, lw_at(ii - 1), me.lw));
    out.push(key(
        t::CAP_POSITION,
        u64::from(me.cap),
        u64::from(me.first) | shouted << 1,
    ));
    out.push(key(
        t::CAP_WINDOW,
        cap_at(ii - 1) << 8 | u64::from(me.cap),
        cap_at(ii + 1) | shouted << 8,
    ));
    if let Some(p) = at(ii - 1) {
        out.push(key(t::SUF_PREV, p.suf[2], 0));
    }
    for b in 0..32u32 {
        if me.gaz & (1 << b) != 0 {
            out.push(key(t::GAZ, u64::from(b), 0));
            out.push(key(
                t::GAZ_CAP,
                u64::from(b),
                u64::from(me.cap) | shouted << 8,
            ));
        }
    }
    let cats = |g: u32| u64::from(gaz_cats(g));
    out.push(key(t::GAZ_PREV, cats(gaz_at(ii - 1)), cats(me.gaz)));
    out.push(key(t::GAZ_NEXT, cats(gaz_at(ii + 1)), cats(me.gaz)));
    let mine = u64::from(me.cap) | shouted << 8;
    out.push(key(t::TOPIC, me.topic, mine | cap_at(ii + 1) << 16));
    out.push(key(t::TOPIC_GAZ, me.topic, mine | cats(me.gaz) << 16));
    if me.row {
        out.push(key(t::ROW, mine, cap_at(ii - 1) << 8 | cap_at(ii + 1)));
        out.push(key(
            t::TOPIC_ROW,
            me.topic,
            mine | cap_at(ii - 1) << 16 | shape_at(ii + 1) << 24,
        ));
    }
    out.push(key(
        t::SHAPE_AHEAD,
        mine,
        shape_at(ii + 1) ^ shape_at(ii + 2).rotate_left(7),
    ));
    if !matches!(me.cap, cap::LOWER | cap::PUNCT | cap::DIGIT) {
        out.push(key(t::DOC_AROUND, u64::from(me.doc_around), mine));
    }
    // The word's class and its neighbours', at every level of the tree.
    let class_at = |j: isize| at(j).map_or(PAD_CLASS, |t| t.class);
    let levels = |c: u16| wordclass::levels(c);
    let (cur, prev, next) = (
        levels(me.class),
        levels(class_at(ii - 1)),
        levels(class_at(ii + 1)),
    );
    for level in 0..3 {
        let tag = |c: u16| (level as u64) << 16 | u64::from(c);
        out.push(key(t::CLASS, tag(cur[level]), 0));
        out.push(key(t::CLASS_PREV, tag(prev[level]), 0));
        out.push(key(t::CLASS_NEXT, tag(next[level]), 0));
    }
    out.push(key(
        t::DOC_CASE,
        u64::from(me.doc_case),
        u64::from(me.cap) | u64::from(me.first) << 8 | shouted << 9,
    ));
}

/// What the first pass said about each word of the document.
pub struct DocStats {
    /// First-pass label of every token.
    labels: Vec<u8>,
    /// Normalised word → count of first-pass labels by type (O, PER, ORG, LOC, MISC).
    types: IdMap<u64, [u16; 5]>,
    /// Normalised word → bit set of the types of multi-token names it was part of.
    in_longer: IdMap<u64, u8>,
}

impl DocStats {
    /// Collects the first pass's `labels` over `doc`.
    pub fn new(doc: &Doc, labels: Vec<u8>) -> DocStats {
        let mut types: IdMap<u64, [u16; 5]> = IdMap::default();
        let mut in_longer: IdMap<u64, u8> = IdMap::default();
        for (t, &l) in doc.toks.iter().zip(&labels) {
            if matches!(t.cap, cap::PUNCT | cap::DIGIT) {
                continue;
            }
            let c = types.entry(t.lw).or_insert([0; 5]);
            let ty = type_of(l) as usize;
            c[ty] = c[ty].saturating_add(1);
            if matches!(part(l), Part::Begin(_) | Part::Inside(_) | Part::Last(_)) {
                *in_longer.entry(t.lw).or_insert(0) |= 1 << ty;
            }
        }
        DocStats {
            labels,
            types,
            in_longer,
        }
    }
}

/// Keys of the features that depend on the two previous labels (training's view; decoding
/// computes the same sums through `Transitions` and a memo of [`token_label_keys`]).
#[cfg(feature = "train")]
fn label_keys(doc: &Doc, i: usize, y1: u8, y2: u8, out: &mut Vec<u32>) {
    out.push(key(t::Y1, u64::from(y1), 0));
    out.push(key(t::Y2, u64::from(y1), u64::from(y2)));
    out.extend(token_label_keys(doc, i, y1));
}

/// Keys of the features that join the previous label `y1` with token `i` itself.
pub(super) fn token_label_keys(doc: &Doc, i: usize, y1: u8) -> [u32; 3] {
    let me = &doc.toks[i];
    let y1 = u64::from(y1);
    [
        key(t::Y1_LW, y1, me.lw),
        key(t::Y1_SHAPE, y1, me.shape),
        key(
            t::Y1_CAP,
            y1,
            u64::from(me.cap) | u64::from(me.shouted) << 8,
        ),
    ]
}

/// Keys of the second pass's features: what the first pass said in the document.
pub(super) fn doc_keys(
    doc: &Doc,
    sent: &Range<usize>,
    i: usize,
    stats: &DocStats,
    out: &mut Vec<u32>,
) {
    let me = &doc.toks[i];
    let p1 = |j: usize| {
        if sent.contains(&j) {
            u64::from(stats.labels.get(j).copied().unwrap_or(0))
        } else {
            u64::from(START)
        }
    };
    out.push(key(t::P1_CUR, p1(i), 0));
    out.push(key(t::P1_NEXT, p1(i + 1), p1(i)));
    out.push(key(t::P1_PREV, p1(i.wrapping_sub(1)), p1(i)));
    if matches!(me.cap, cap::PUNCT | cap::DIGIT) {
        return;
    }
    if let Some(counts) = stats.types.get(&me.lw) {
        let total: u32 = counts.iter().map(|&c| u32::from(c)).sum();
        let (major, &n) = counts
            .iter()
            .enumerate()
            .max_by_key(|&(k, &c)| (c, std::cmp::Reverse(k)))
            .unwrap_or((0, &0));
        let unanimous = u32::from(n) == total;
        out.push(key(
            t::DOC_MAJORITY,
            major as u64,
            u64::from(unanimous) | u64::from(total > 1) << 1,
        ));
        out.push(key(
            t::DOC_MAJORITY_CAP,
            major as u64,
            u64::from(me.cap) | u64::from(me.shouted) << 8,
        ));
        for (ty, &c) in counts.iter().enumerate().skip(1) {
            if c > 0 {
                out.push(key(t::DOC_HAS, ty as u64, 0));
            }
        }
    }
    if let Some(&bits) = stats.in_longer.get(&me.lw) {
        out.push(key(t::DOC_IN_LONGER, u64::from(bits), u64::from(me.cap)));
    }
}

/// Training access: every feature key of token `i` (static and dynamic), for the perceptron's
/// update.
#[cfg(feature = "train")]
pub fn all_keys(
    doc: &Doc,
    sent: &Range<usize>,
    i: usize,
    y1: u8,
    y2: u8,
    stats: Option<&DocStats>,
    out: &mut Vec<u32>,
) {
    out.clear();
    let (a, b) = (doc.offsets[i] as usize, doc.offsets[i + 1] as usize);
    out.extend_from_slice(&doc.keys[a..b]);
    label_keys(doc, i, y1, y2, out);
    if let Some(stats) = stats {
        doc_keys(doc, sent, i, stats, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_hash_is_the_gazetteers_hash() {
        for w in [
            "Putin",
            "U.S.",
            "1996-08-22",
            "ÉTAT",
            "Straße",
            "İstanbul",
            "–",
            "x",
        ] {
            assert_eq!(tok(w).lw, norm_hash(w), "{w}");
        }
    }
}
