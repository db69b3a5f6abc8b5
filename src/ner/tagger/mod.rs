//! The sequence tagger: features, labels and two-pass decoding of one document.
//!
//! The design follows Ratinov & Roth, "Design Challenges and Misconceptions in Named Entity
//! Recognition" (CoNLL 2009): BILOU labels decoded left to right with the two previous labels
//! as features, gazetteer matches, and a second pass that sees what the first pass said about
//! the same word elsewhere in the document (so "PUTIN" in an all-caps headline learns from
//! "Putin" in the body). The first pass is greedy; the second keeps a small beam (see `BEAM`).
//! Training (`train.rs`) and inference share every function here, so the features cannot drift
//! apart.

use super::gazetteer::{Gazetteer, CATEGORIES};
use super::norm::fold;
#[cfg(test)]
use super::norm::norm_hash;
use crate::ner::mention::Kind;
use crate::text::hash::{key, Hasher, IdMap};
use std::ops::Range;

/// `O`, then B, I, L, U for each kind in [`Kind::ALL`] order.
pub const N_LABELS: usize = 1 + 4 * Kind::ALL.len();

/// The "label" before a sentence's first token, in label features.
pub const START: u8 = N_LABELS as u8;

/// One score per label.
pub type Scores = [f32; N_LABELS];

/// What a label says about its token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// Outside any name.
    Out,
    /// First token of a longer name.
    Begin(Kind),
    /// Inner token of a longer name.
    Inside(Kind),
    /// Last token of a longer name.
    Last(Kind),
    /// A one-token name.
    Unit(Kind),
}

/// The label index of `part`.
#[cfg(any(test, feature = "cli"))]
pub fn label(part: Part) -> u8 {
    let (k, p) = match part {
        Part::Out => return 0,
        Part::Begin(k) => (k, 0),
        Part::Inside(k) => (k, 1),
        Part::Last(k) => (k, 2),
        Part::Unit(k) => (k, 3),
    };
    let t = Kind::ALL.iter().position(|&x| x == k).unwrap_or(0);
    (1 + 4 * t + p) as u8
}

/// The meaning of label index `l` (anything out of range is `Out`).
pub fn part(l: u8) -> Part {
    if l == 0 || l as usize >= N_LABELS {
        return Part::Out;
    }
    let k = Kind::ALL[(l as usize - 1) / 4];
    match (l - 1) % 4 {
        0 => Part::Begin(k),
        1 => Part::Inside(k),
        2 => Part::Last(k),
        _ => Part::Unit(k),
    }
}

/// The kind of label `l`, as 0 for `O` and 1 + kind index otherwise.
fn type_of(l: u8) -> u8 {
    if l == 0 || l as usize >= N_LABELS {
        0
    } else {
        1 + (l - 1) / 4
    }
}

/// Whether label `next` may follow `prev` (BILOU: an open name must continue or end with its own
/// kind; nothing else may continue one). `last` marks a sentence's final token, where no name
/// may stay open.
#[cfg(test)]
fn allowed(prev: u8, next: u8, last: bool) -> bool {
    (next as usize) < N_LABELS && allowed_after(prev, last) & (1 << next) != 0
}

/// The labels that may follow `prev`, as a bit set (see [`allowed`]): the decoder scores only
/// these, about half of all labels after a closed one and two after an open one.
fn allowed_after(prev: u8, last: bool) -> u32 {
    ALLOWED_MASK
        .get(prev as usize)
        .map_or(0, |m| m[usize::from(last)])
}

/// [`ALLOWED`] as bit sets: `ALLOWED_MASK[prev][last]`.
const ALLOWED_MASK: [[u32; 2]; N_LABELS + 1] = {
    let mut masks = [[0u32; 2]; N_LABELS + 1];
    let mut prev = 0;
    while prev <= N_LABELS {
        let mut next = 0;
        while next < N_LABELS {
            let a = ALLOWED[prev][next];
            masks[prev][0] |= ((a & 1) as u32) << next;
            masks[prev][1] |= ((a >> 1 & 1) as u32) << next;
            next += 1;
        }
        prev += 1;
    }
    masks
};

/// [`allowed`] as a table: `ALLOWED[prev][next]` has bit 0 set if allowed anywhere, bit 1 if
/// allowed at a sentence's end.
const ALLOWED: [[u8; N_LABELS]; N_LABELS + 1] = {
    let mut table = [[0u8; N_LABELS]; N_LABELS + 1];
    let mut prev = 0;
    while prev <= N_LABELS {
        let mut next = 0;
        while next < N_LABELS {
            let ok = if is_open(prev) {
                next > 0 && (next - 1) / 4 == (prev - 1) / 4 && matches!((next - 1) % 4, 1 | 2)
            } else {
                next == 0 || (next - 1) % 4 == 0 || (next - 1) % 4 == 3
            };
            if ok {
                table[prev][next] = 1 | if is_open(next) { 0 } else { 2 };
            }
            next += 1;
        }
        prev += 1;
    }
    table
};

/// Whether label `l` leaves a name open: B or I. Label l > 0 is B, I, L, U of kind
/// (l - 1) / 4 for (l - 1) % 4 = 0, 1, 2, 3.
const fn is_open(l: usize) -> bool {
    l > 0 && l < N_LABELS && (l - 1) % 4 < 2
}

#[cfg(test)]
fn allowed_by_parts(prev: u8, next: u8, last: bool) -> bool {
    let open = |l: u8| matches!(part(l), Part::Begin(_) | Part::Inside(_));
    let ok = if open(prev) {
        matches!(part(next), Part::Inside(_) | Part::Last(_)) && type_of(next) == type_of(prev)
    } else {
        matches!(part(next), Part::Out | Part::Begin(_) | Part::Unit(_))
    };
    ok && !(last && open(next))
}

/// Turns labels into `(tokens, kind)` names. Tolerant of any sequence: a name also starts at an
/// `I`/`L` of a new kind and ends wherever its kind stops.
pub fn spans(labels: &[u8]) -> Vec<(Range<usize>, Kind)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, Kind)> = None;
    for (i, &l) in labels.iter().enumerate() {
        let p = part(l);
        let kind = match p {
            Part::Out => None,
            Part::Begin(k) | Part::Inside(k) | Part::Last(k) | Part::Unit(k) => Some(k),
        };
        let continues = matches!(p, Part::Inside(_) | Part::Last(_))
            && open.is_some_and(|(_, k)| Some(k) == kind);
        if !continues {
            if let Some((s, k)) = open.take() {
                out.push((s..i, k));
            }
            if let Some(k) = kind {
                open = Some((i, k));
            }
        }
        if matches!(p, Part::Last(_) | Part::Unit(_)) {
            if let Some((s, k)) = open.take() {
                out.push((s..i + 1, k));
            }
        }
    }
    if let Some((s, k)) = open {
        out.push((s..labels.len(), k));
    }
    out
}

/// Feature weights, as the tagger needs them: add a feature's weight for every label.
pub trait Weights {
    /// Adds the weights of feature `key` to `scores` (nothing for an unknown key).
    fn add(&self, key: u32, scores: &mut Scores);

    /// Adds the weights of all `keys`.
    fn add_all(&self, keys: &[u32], scores: &mut Scores) {
        for &k in keys {
            self.add(k, scores);
        }
    }

    /// The label-pair weights, if computed in advance.
    fn transitions(&self) -> Option<&Transitions> {
        None
    }
}

/// Capitalisation class of a token.
mod cap {
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
    /// First token of its sentence.
    first: bool,
    /// In a sentence written in capitals (a headline).
    shouted: bool,
    /// In a sentence with digits and no lower-case word: a row of a results table.
    row: bool,
    /// The document's first word (in news, often a topic: "SOCCER -").
    topic: u64,
}

/// Template numbers. Each feature is `key(template, a, b)`.
mod t {
    pub const BIAS: u8 = 0;
    pub const LW: u8 = 1;
    pub const W: u8 = 2;
    pub const LW_SHOUTED: u8 = 3;
    pub const SHAPE: u8 = 4;
    pub const PRE: u8 = 5;
    pub const SUF: u8 = 6;
    pub const LW_PREV: u8 = 7;
    pub const LW_NEXT: u8 = 8;
    pub const LW_PREV2: u8 = 9;
    pub const LW_NEXT2: u8 = 10;
    pub const SHAPE_PREV_CUR: u8 = 11;
    pub const SHAPE_CUR_NEXT: u8 = 12;
    pub const BIGRAM_PREV: u8 = 13;
    pub const BIGRAM_NEXT: u8 = 14;
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
    pub const LW_PREV_CAP: u8 = 27;
    pub const LW_NEXT_CAP: u8 = 28;
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
/// 22 always, up to 7 affixes, 2 per gazetteer match and a few more (see `static_keys`).
const KEYS_PER_TOKEN: usize = 32;

/// Above this share of capitalised letters a sentence is a headline written in capitals.
const SHOUTED_SHARE: f32 = 0.8;

impl Doc {
    /// Prepares `words` (all tokens of the document, in order) split into `sentences`.
    pub fn new(words: &[&str], sentences: &[Range<usize>], gaz: &Gazetteer) -> Doc {
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
        gaz.matches(&hashes, &starts, &mut gaz_bits);
        for (t, g) in toks.iter_mut().zip(gaz_bits) {
            t.gaz = g;
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
        let topic = toks.first().map_or(0, |t| t.lw);
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
    pub fn with_keys(words: &[&str], sentences: &[Range<usize>], gaz: &Gazetteer) -> Doc {
        let mut doc = Doc::new(words, sentences, gaz);
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

fn static_keys(toks: &[Tok], sent: Range<usize>, i: usize, out: &mut Vec<u32>) {
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
    out.push(key(t::LW_PREV, lw_at(ii - 1), 0));
    out.push(key(t::LW_NEXT, lw_at(ii + 1), 0));
    out.push(key(t::LW_PREV2, lw_at(ii - 2), 0));
    out.push(key(t::LW_NEXT2, lw_at(ii + 2), 0));
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
    out.push(key(t::BIGRAM_NEXT, me.lw, lw_at(ii + 1)));
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
    out.push(key(t::LW_PREV_CAP, lw_at(ii - 1), mine));
    out.push(key(t::LW_NEXT_CAP, lw_at(ii + 1), mine));
    out.push(key(
        t::SHAPE_AHEAD,
        mine,
        shape_at(ii + 1) ^ shape_at(ii + 2).rotate_left(7),
    ));
    if !matches!(me.cap, cap::LOWER | cap::PUNCT | cap::DIGIT) {
        out.push(key(t::DOC_AROUND, u64::from(me.doc_around), mine));
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
/// computes the same sums through `Transitions` and a memo).
#[cfg(feature = "train")]
fn label_keys(doc: &Doc, i: usize, y1: u8, y2: u8, out: &mut Vec<u32>) {
    let me = &doc.toks[i];
    let (y1, y2) = (u64::from(y1), u64::from(y2));
    out.push(key(t::Y1, y1, 0));
    out.push(key(t::Y2, y1, y2));
    out.push(key(t::Y1_LW, y1, me.lw));
    out.push(key(t::Y1_SHAPE, y1, me.shape));
    out.push(key(
        t::Y1_CAP,
        y1,
        u64::from(me.cap) | u64::from(me.shouted) << 8,
    ));
}

/// Keys of the second pass's features: what the first pass said in the document.
fn doc_keys(doc: &Doc, sent: &Range<usize>, i: usize, stats: &DocStats, out: &mut Vec<u32>) {
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

/// How many label sequences the decoder keeps. Greedy decoding (1) cannot take back a `B`:
/// "RIA news agency." would become a four-token name because nothing but `I`/`L` may follow
/// it. A small beam can, and costs little, since only the five label features are scored per
/// hypothesis.
const BEAM: usize = 4;

/// The first pass only feeds document statistics, where a few more errors matter less: it
/// decodes greedily, which makes the tagger a quarter faster.
const FIRST_PASS_BEAM: usize = 1;

/// Hypotheses less likely than the best by more than this factor (in log) leave the beam: where
/// the model is sure, one hypothesis goes on and decoding costs what greedy decoding does.
/// 3 tags dev exactly as 5 does, a third faster; 2 starts to lose names.
const BEAM_MARGIN: f32 = 3.0;

/// Local scores become log-probabilities `(s - max) / T - log Z` before they are summed
/// along a sequence; Z sums over all labels, allowed or not, so that a forced continuation the
/// model dislikes (an `I` it would rather call `O`) costs what it should. T = 20 was chosen on
/// dev (10 and 40 are 0.2 F1 worse; a hard max instead of Z, 0.4 worse).
const INV_TEMPERATURE: f32 = 1.0 / 20.0;

/// A partial label sequence in the beam.
#[derive(Clone, Copy)]
struct Hyp {
    score: f32,
    y1: u8,
    y2: u8,
    /// Index of this hypothesis's last step in the history.
    at: u32,
}

/// `e^x` for `x ≤ 0`, to 3e-4 relative error: 2^(x log2 e) split into an integer power
/// (put in the exponent bits) and a polynomial for the fraction. The beam needs 17 of these per
/// hypothesis per token; libm's `expf`, and even `floorf`, took a tenth of the tagger's time.
/// Branch- and call-free, so the compiler vectorises the loop over labels.
fn exp_neg(x: f32) -> f32 {
    let y = (x * std::f32::consts::LOG2_E).clamp(-125.0, 0.0);
    // Truncation toward zero: i ≤ 0 and the fraction f = y - i lies in (-1, 0].
    let i = y as i32;
    let f = y - i as f32;
    // Taylor series of 2^f = e^(f ln 2), to the fifth power.
    let p = 1.0
        + f * (std::f32::consts::LN_2
            + f * (0.240_226_5 + f * (0.055_504_1 + f * (0.009_618_1 + f * 0.001_333_4))));
    f32::from_bits(((i + 127) as u32) << 23) * p
}

/// What decoding needs besides the token scores: the summed weights of the label-pair features
/// (`Y1`, `Y2`) for every pair. A fixed model computes them once (see
/// [`Weights::transitions`]); others once per document.
pub struct Transitions(Vec<Scores>);

impl Transitions {
    /// Looks the label-pair weights up in `weights`.
    pub fn new(weights: &impl Weights) -> Transitions {
        let n = N_LABELS + 1;
        let mut table = vec![[0.0f32; N_LABELS]; n * n];
        for y1 in 0..n {
            for y2 in 0..n {
                let s = &mut table[y1 * n + y2];
                weights.add(key(t::Y1, y1 as u64, 0), s);
                weights.add(key(t::Y2, y1 as u64, y2 as u64), s);
            }
        }
        Transitions(table)
    }

    fn get(&self, y1: u8, y2: u8) -> &Scores {
        let n = N_LABELS + 1;
        &self.0[(y1 as usize % n) * n + y2 as usize % n]
    }
}

/// The label-and-token feature sums of one token (see `memo` in [`decode_sentence`]) for one
/// previous label, kept from the first pass for the second, which mostly asks for the same.
type Own = (u8, Scores);

/// No previous label yet, in [`Own`].
const NO_LABEL: u8 = u8::MAX;

/// The lists [`decode_sentence`] works in, kept from one sentence to the next.
#[derive(Default)]
struct Scratch {
    /// (label, parent step) per step, for reading the best sequence back.
    history: Vec<(u8, u32)>,
    beam: Vec<Hyp>,
    next: Vec<Hyp>,
    /// Token-and-label features (`Y1_LW`, `Y1_SHAPE`, `Y1_CAP`) by previous label, shared by
    /// the hypotheses of one token.
    memo: Vec<(u8, Scores)>,
}

/// Beam decoding of one sentence; `seen` (one per token, or empty) keeps label-and-token sums
/// between passes; `base[i]` holds the label-independent scores of token `i`.
#[allow(clippy::too_many_arguments)] // all distinct inputs of one step; a struct would only rename them
fn decode_sentence(
    doc: &Doc,
    sent: &Range<usize>,
    base: &[Scores],
    weights: &impl Weights,
    trans: &Transitions,
    width: usize,
    labels: &mut [u8],
    seen: &mut [Own],
    scratch: &mut Scratch,
) {
    let Scratch {
        history,
        beam,
        next,
        memo,
    } = scratch;
    history.clear();
    beam.clear();
    beam.push(Hyp {
        score: 0.0,
        y1: START,
        y2: START,
        at: u32::MAX,
    });
    for i in sent.clone() {
        let last = i + 1 == sent.end;
        let me = &doc.toks[i];
        next.clear();
        memo.clear();
        let mut floor = f32::NEG_INFINITY;
        for h in beam.iter() {
            let own = match memo.iter().find(|(y, _)| *y == h.y1) {
                Some((_, s)) => *s,
                None if seen.get(i).is_some_and(|o| o.0 == h.y1) => {
                    let s = seen[i].1;
                    memo.push((h.y1, s));
                    s
                }
                None => {
                    let mut s = [0.0f32; N_LABELS];
                    let y1 = u64::from(h.y1);
                    weights.add(key(t::Y1_LW, y1, me.lw), &mut s);
                    weights.add(key(t::Y1_SHAPE, y1, me.shape), &mut s);
                    weights.add(
                        key(
                            t::Y1_CAP,
                            y1,
                            u64::from(me.cap) | u64::from(me.shouted) << 8,
                        ),
                        &mut s,
                    );
                    memo.push((h.y1, s));
                    if let Some(o) = seen.get_mut(i).filter(|o| o.0 == NO_LABEL) {
                        *o = (h.y1, s);
                    }
                    s
                }
            };
            let pair = trans.get(h.y1, h.y2);
            let mut scores = base[i];
            for ((s, o), p) in scores.iter_mut().zip(&own).zip(pair) {
                *s += o + p;
            }
            // See INV_TEMPERATURE.
            let max = scores.iter().fold(f32::NEG_INFINITY, |m, &x| m.max(x));
            // A lone hypothesis's candidates all share its Z, and leaving it out moves every
            // score in the beam by the same amount, which changes no decision: greedy
            // decoding, and the beam wherever the model is sure, need no Z.
            let log_z = if beam.len() == 1 {
                0.0
            } else {
                let z: f32 = scores
                    .iter()
                    .map(|&s| exp_neg((s - max) * INV_TEMPERATURE))
                    .sum();
                z.ln()
            };
            // Allowed labels in ascending order, as a loop over all labels that skips the
            // others would visit them.
            let mut todo = allowed_after(h.y1, last);
            while todo != 0 {
                let l = todo.trailing_zeros() as u8;
                todo &= todo - 1;
                let s = scores[l as usize % N_LABELS];
                let score = h.score + (s - max) * INV_TEMPERATURE - log_z;
                // Hypotheses come best first, so most candidates fall below the margin here.
                if score < floor {
                    continue;
                }
                floor = floor.max(score - BEAM_MARGIN);
                let c = Hyp {
                    score,
                    y1: l,
                    y2: h.y1,
                    at: h.at,
                };
                // Hypotheses ending in the same two labels have the same future: keep the best.
                if let Some(same) = next.iter_mut().find(|b| b.y1 == c.y1 && b.y2 == c.y2) {
                    if c.score > same.score {
                        *same = c;
                    }
                    continue;
                }
                if next.len() < width {
                    next.push(c);
                } else if let Some(worst) = next
                    .iter_mut()
                    .min_by(|a, b| a.score.total_cmp(&b.score))
                    .filter(|w| c.score > w.score)
                {
                    *worst = c;
                }
            }
        }
        beam.clear();
        next.sort_unstable_by(|a, b| b.score.total_cmp(&a.score));
        let best = next.first().map_or(f32::NEG_INFINITY, |c| c.score);
        for c in next.iter().filter(|c| c.score >= best - BEAM_MARGIN) {
            history.push((c.y1, c.at));
            beam.push(Hyp {
                at: (history.len() - 1) as u32,
                ..*c
            });
        }
    }
    let best = beam.iter().max_by(|a, b| a.score.total_cmp(&b.score));
    let mut at = best.map_or(u32::MAX, |h| h.at);
    for i in sent.clone().rev() {
        let Some(&(l, parent)) = history.get(at as usize) else {
            break;
        };
        labels[i] = l;
        at = parent;
    }
}

/// Tags a document: one label per token.
pub fn tag(doc: &Doc, weights: &impl Weights) -> Vec<u8> {
    let mut base = static_scores(doc, weights);
    let own;
    let trans = match weights.transitions() {
        Some(t) => t,
        None => {
            own = Transitions::new(weights);
            &own
        }
    };
    let mut seen = vec![(NO_LABEL, [0.0; N_LABELS]); doc.len()];
    let first = decode(doc, &base, weights, trans, FIRST_PASS_BEAM, &mut seen);
    let mut keys = Vec::with_capacity(16);
    let stats = DocStats::new(doc, first);
    for sent in &doc.sentences {
        for i in sent.clone() {
            keys.clear();
            doc_keys(doc, sent, i, &stats, &mut keys);
            weights.add_all(&keys, &mut base[i]);
        }
    }
    decode(doc, &base, weights, trans, BEAM, &mut seen)
}

/// The label-independent scores of the first pass: the static features.
fn static_scores(doc: &Doc, weights: &impl Weights) -> Vec<Scores> {
    let mut base = vec![[0.0f32; N_LABELS]; doc.len()];
    // A token's keys are looked up as soon as they are made, while they are in cache.
    let mut keys = Vec::with_capacity(KEYS_PER_TOKEN);
    for sent in &doc.sentences {
        for i in sent.clone() {
            keys.clear();
            static_keys(&doc.toks, sent.clone(), i, &mut keys);
            weights.add_all(&keys, &mut base[i]);
        }
    }
    base
}

fn decode(
    doc: &Doc,
    base: &[Scores],
    weights: &impl Weights,
    trans: &Transitions,
    width: usize,
    seen: &mut [Own],
) -> Vec<u8> {
    let mut labels = vec![0u8; doc.len()];
    let mut scratch = Scratch::default();
    for sent in &doc.sentences {
        decode_sentence(
            doc,
            sent,
            base,
            weights,
            trans,
            width,
            &mut labels,
            seen,
            &mut scratch,
        );
    }
    labels
}

/// The first pass alone (for training the second: see `train.rs`).
#[cfg(feature = "train")]
pub fn first_pass(doc: &Doc, weights: &impl Weights) -> Vec<u8> {
    let trans = Transitions::new(weights);
    decode(
        doc,
        &static_scores(doc, weights),
        weights,
        &trans,
        FIRST_PASS_BEAM,
        &mut [],
    )
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
    fn fast_exp_is_close() {
        for k in 0..2000 {
            let x = -(k as f32) * 0.01;
            let (fast, exact) = (exp_neg(x), x.exp());
            assert!(
                (fast - exact).abs() <= 3e-4 * exact + 1e-30,
                "{x}: {fast} vs {exact}"
            );
        }
    }

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

    #[test]
    fn labels_round_trip() {
        for l in 0..N_LABELS as u8 {
            assert_eq!(label(part(l)), l);
        }
        assert_eq!(part(200), Part::Out);
    }

    #[test]
    fn spans_from_any_label_sequence() {
        let per = |p: fn(Kind) -> Part| label(p(Kind::Per));
        let loc = |p: fn(Kind) -> Part| label(p(Kind::Loc));
        let seq = [
            per(Part::Begin),
            per(Part::Last),
            0,
            loc(Part::Unit),
            per(Part::Inside),
            loc(Part::Last),
            per(Part::Begin),
        ];
        assert_eq!(
            spans(&seq),
            [
                (0..2, Kind::Per),
                (3..4, Kind::Loc),
                (4..5, Kind::Per),
                (5..6, Kind::Loc),
                (6..7, Kind::Per)
            ]
        );
    }

    #[test]
    fn transitions() {
        let b = label(Part::Begin(Kind::Org));
        let l = label(Part::Last(Kind::Org));
        let u = label(Part::Unit(Kind::Per));
        assert!(allowed(START, b, false));
        assert!(!allowed(START, b, true));
        assert!(allowed(b, l, true));
        assert!(!allowed(b, u, false));
        assert!(!allowed(b, label(Part::Last(Kind::Per)), false));
        assert!(allowed(l, u, true));
        for prev in 0..=N_LABELS as u8 {
            for next in 0..N_LABELS as u8 {
                for last in [false, true] {
                    assert_eq!(
                        allowed(prev, next, last),
                        allowed_by_parts(prev, next, last)
                    );
                }
            }
        }
    }
}
