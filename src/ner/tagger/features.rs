//! Features: what the tagger knows of each token (its word, shape, affixes, gazetteer lists,
//! how the document writes it elsewhere) and of what the first pass said, as hashed keys.
//! Training and tagging make keys with these same functions: training one list per token,
//! tagging by groups, summed once per word (`scores.rs`) or per model (`tables.rs`).

use super::labels::{part, type_of, Part, START};
use super::spare;
use crate::ner::gazetteer::CATEGORIES;
use crate::ner::lexicon::Lexicon;
use crate::ner::norm::fold;
#[cfg(test)]
use crate::ner::norm::norm_hash;
use crate::ner::wordclass::{self, NO_CLASS};
use crate::text::chars;
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
#[cfg_attr(test, derive(Debug, PartialEq))]
pub(super) struct Tok {
    /// Lowercased, digits as 0.
    pub(super) lw: u64,
    /// As written, digits as 0.
    pub(super) w: u64,
    /// Character classes with runs collapsed: "Putin" → "Xx", "U.S." → "X.X.".
    pub(super) shape: u64,
    pub(super) cap: u8,
    /// Capitalisation elsewhere in the document (see `doc_case`).
    pub(super) doc_case: u8,
    /// Gazetteer categories of the words before (bits 0..8) and after (8..16) this word's
    /// occurrences in the document.
    pub(super) doc_around: u32,
    pub(super) gaz: u32,
    /// Finest word class (see `wordclass`), or `NO_CLASS`.
    pub(super) class: u16,
    /// First token of its sentence.
    pub(super) first: bool,
    /// In a sentence written in capitals (a headline).
    pub(super) shouted: bool,
    /// In a sentence with digits and no lower-case word: a row of a results table.
    pub(super) row: bool,
    /// The document's number for this token's `lw` (see [`Doc::words`]).
    pub(super) lid: u32,
    /// The document's number for this token's `w` and `shouted`, which decide its
    /// [`word_keys`] (see [`Doc::forms`]).
    pub(super) wid: u32,
}

/// A word's prefixes of one to three chars and suffixes of one to four, lowercased with digits
/// as 0 (as `Tok::lw`), hashed; 0 where the word is no longer than the affix. They are its
/// lowercased word's, so the same at every occurrence: a document holds them once per distinct
/// word ([`Doc::affixes`]), not in every token, whose table they made twice as large.
#[derive(Clone, Copy, Default)]
#[cfg_attr(test, derive(Debug, PartialEq))]
pub(super) struct Affixes {
    pub(super) pre: [u64; 3],
    pub(super) suf: [u64; 4],
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
    pub(super) toks: Vec<Tok>,
    /// Sentences as token ranges.
    pub sentences: Vec<Range<usize>>,
    /// A token of each distinct normalised word (`Tok::lid` is the index here).
    pub(super) words: Vec<u32>,
    /// The affixes of each distinct normalised word (by `Tok::lid`).
    pub(super) affixes: Vec<Affixes>,
    /// The document's topic word, when it opens with one ("SOCCER -", "CRICKET -"), else 0.
    pub(super) topic: u64,
    /// A token of each distinct written form in a shouted sentence or not (`Tok::wid`).
    pub(super) forms: Vec<u32>,
    /// For training, which reads them many times: keys of the label-independent features,
    /// token by token (`offsets[i]..offsets[i + 1]`). Tagging sums them by groups instead.
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
        let mut toks = spare::toks();
        toks.extend(words.iter().map(|w| tok(w)));
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
            starts[i] = w.chars().next().is_some_and(chars::is_alphanumeric);
        }
        let hashes: Vec<u64> = toks.iter().map(|t| t.lw).collect();
        let mut gaz_bits = Vec::new();
        lex.gazetteer.matches(&hashes, &starts, &mut gaz_bits);
        for (t, g) in toks.iter_mut().zip(gaz_bits) {
            t.gaz = g;
        }
        // Each distinct word gets a number, and what the document says of it is kept by
        // number: how it is written where capitals carry information (not first in a sentence,
        // not in a headline; bit 0: seen capitalised, bit 1: seen in lower case), and which
        // lists the words around its occurrences are on (a name that never follows a first
        // name nor precedes "Inc" is known by it everywhere).
        let mut numbers: IdMap<u64, u32> =
            IdMap::with_capacity_and_hasher(toks.len() / 2, Default::default());
        let mut form_numbers: IdMap<u64, u32> =
            IdMap::with_capacity_and_hasher(toks.len() / 2, Default::default());
        let (mut by_word, mut by_form) = (Vec::new(), Vec::new());
        let mut case = Vec::new();
        for (i, t) in toks.iter_mut().enumerate() {
            let next = by_word.len() as u32;
            t.lid = *numbers.entry(t.lw).or_insert(next);
            if t.lid == next {
                by_word.push(i as u32);
                case.push(0u8);
            }
            let next = by_form.len() as u32;
            t.wid = *form_numbers.entry(form_identity(t)).or_insert(next);
            if t.wid == next {
                by_form.push(i as u32);
            }
            if !t.first && !t.shouted {
                case[t.lid as usize] |= match t.cap {
                    cap::TITLE | cap::UPPER | cap::MIXED => 1,
                    cap::LOWER => 2,
                    _ => 0,
                };
            }
        }
        // A word's class and affixes, found once per distinct word rather than at every token.
        let affixes = by_word
            .iter()
            .map(|&i| affixes(words[i as usize]))
            .collect();
        let classes: Vec<u16> = by_word
            .iter()
            .map(|&i| lex.classes.class(toks[i as usize].lw))
            .collect();
        let mut around = vec![0u32; by_word.len()];
        for s in &sentences {
            for i in s.clone() {
                let prev = if i > s.start { toks[i - 1].gaz } else { 0 };
                let next = if i + 1 < s.end { toks[i + 1].gaz } else { 0 };
                // Most words have no neighbour on a list, and nothing to add.
                if prev | next != 0 {
                    around[toks[i].lid as usize] |= gaz_cats(prev) | gaz_cats(next) << 8;
                }
            }
        }
        // Wire copy opens with a topic in capitals ("SOCCER - JAPAN GET LUCKY WIN"); any other
        // first word ("The", a name) says nothing of the document, and as a feature would only
        // make a key per distinct opening word.
        let topic = match toks.get(..2) {
            Some([first, _]) if first.cap == cap::UPPER && words[1] == "-" => first.lw,
            _ => 0,
        };
        for t in &mut toks {
            t.class = classes[t.lid as usize];
            t.doc_case = case[t.lid as usize];
            t.doc_around = around[t.lid as usize];
        }
        Doc {
            toks,
            sentences,
            words: by_word,
            affixes,
            topic,
            forms: by_form,
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
        let mut keys = Vec::with_capacity(words.len() * KEYS_PER_TOKEN);
        let mut offsets = vec![0; words.len() + 1];
        for sent in &doc.sentences {
            for i in sent.clone() {
                static_keys(&doc, sent.clone(), i, &mut keys);
                offsets[i + 1] = keys.len() as u32;
            }
        }
        (doc.keys, doc.offsets) = (keys, offsets);
        doc
    }

    /// The stored label-independent keys of every token (see [`Doc::with_keys`]).
    #[cfg(feature = "train")]
    pub fn stored_keys(&self) -> &[u32] {
        &self.keys
    }

    /// The sum of each token's stored keys, added in their order (see [`static_keys`]).
    #[cfg(feature = "train")]
    pub fn stored_scores(&self, weights: &impl super::decode::Weights) -> Vec<super::Scores> {
        (0..self.toks.len())
            .map(|i| {
                let (a, b) = (self.offsets[i] as usize, self.offsets[i + 1] as usize);
                let mut s = [0.0; super::N_LABELS];
                weights.add_all(&self.keys[a..b], &mut s);
                s
            })
            .collect()
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

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// The affixes of token `t`'s word.
    pub(super) fn affixes_of(&self, t: &Tok) -> &Affixes {
        &self.affixes[t.lid as usize]
    }
}

/// What a token's [`word_keys`] depend on: its written form (digits as 0, typographic
/// punctuation folded) and whether its sentence is shouted.
pub(super) fn form_identity(t: &Tok) -> u64 {
    crate::text::hash::mix(t.w ^ u64::from(t.shouted))
}

fn tok(word: &str) -> Tok {
    // Most words are ASCII: their chars come from the bytes, and are told apart by ASCII's
    // ranges, which for them are what `fold` and Unicode's classes would say.
    if word.is_ascii() {
        tok_of::<true>(word.bytes().map(char::from))
    } else {
        tok_of::<false>(word.chars().map(fold))
    }
}

/// [`tok`] of a word's chars, `fold`ed; `ASCII` when they all are.
#[inline(always)]
fn tok_of<const ASCII: bool>(chars: impl Iterator<Item = char>) -> Tok {
    let mut t = Tok::default();
    // The `norm_hash` of the word, from the same lowercased chars as the affixes.
    let mut lw = Hasher::new();
    let mut w = Hasher::new();
    let mut shape = Hasher::new();
    let (mut upper, mut lower, mut digit, mut other) = (0, 0, 0, 0);
    let mut last_class = '\0';
    let mut first_upper = false;
    for (k, c) in chars.enumerate() {
        w.char(if c.is_ascii_digit() { '0' } else { c });
        let (is_upper, is_lower, is_numeric) = if ASCII {
            (
                c.is_ascii_uppercase(),
                c.is_ascii_lowercase(),
                c.is_ascii_digit(),
            )
        } else {
            (c.is_uppercase(), c.is_lowercase(), c.is_numeric())
        };
        let class = if is_upper {
            upper += 1;
            first_upper |= k == 0;
            'X'
        } else if is_lower {
            lower += 1;
            'x'
        } else if is_numeric {
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
        lowered::<ASCII>(c, |l| lw.char(l));
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
    t
}

/// The chars of `c` lowercased, digits as 0, as `Tok::lw` and the affixes hash them (`c` is
/// `fold`ed already; `ASCII` when it is known to be ASCII).
#[inline(always)]
fn lowered<const ASCII: bool>(c: char, mut each: impl FnMut(char)) {
    let mut push = |l: char| each(if l.is_ascii_digit() { '0' } else { l });
    if ASCII || c.is_ascii() {
        push(c.to_ascii_lowercase());
    } else {
        c.to_lowercase().for_each(push);
    }
}

/// The [`Affixes`] of `word`.
fn affixes(word: &str) -> Affixes {
    if word.is_ascii() {
        affixes_of::<true>(word.bytes().map(char::from))
    } else {
        affixes_of::<false>(word.chars().map(fold))
    }
}

/// [`affixes`] of a word's chars, `fold`ed; `ASCII` when they all are.
#[inline(always)]
fn affixes_of<const ASCII: bool>(chars: impl Iterator<Item = char>) -> Affixes {
    // Prefixes hashed as the chars come, the last four chars kept in a ring for the suffixes.
    let mut pre = [Hasher::new(); 3];
    let mut ring = ['\0'; 4];
    let mut n = 0usize;
    for c in chars {
        lowered::<ASCII>(c, |l| {
            for (j, h) in pre.iter_mut().enumerate() {
                if n <= j {
                    h.char(l);
                }
            }
            ring[n % 4] = l;
            n += 1;
        });
    }
    let mut a = Affixes::default();
    for (k, (slot, h)) in a.pre.iter_mut().zip(pre).enumerate() {
        *slot = if n > k + 1 { h.finish() } else { 0 };
    }
    for k in 0..4 {
        if n > k + 1 {
            let mut h = Hasher::new();
            for j in (0..=k).rev() {
                h.char(ring[(n - 1 - j) % 4]);
            }
            a.suf[k] = h.finish();
        }
    }
    a
}

/// The categories (bit per category) of a token's gazetteer matches: bit `c` set when nibble
/// `c` of `g` (category `c`'s positions) is not zero. Without a loop over the categories, for it
/// is asked of most tokens and their neighbours.
pub(super) fn gaz_cats(g: u32) -> u32 {
    const _: () = assert!(CATEGORIES.len() == 8, "eight nibbles of a u32");
    // Each nibble folded into its lowest bit: bits 0, 4, ..., 28.
    let x = g | g >> 1;
    let x = (x | x >> 2) & 0x1111_1111;
    // Gathered: two a byte, then four a half, then eight.
    let x = (x | x >> 3) & 0x0303_0303;
    let x = (x | x >> 6) & 0x000F_000F;
    (x | x >> 12) & 0xFF
}

/// Sentinel hashes for positions outside the sentence.
const PAD_BEFORE: u64 = 0x0BAD_BEEF_0000_0001;
const PAD_AFTER: u64 = 0x0BAD_BEEF_0000_0002;

/// The word class of a position outside the sentence.
const PAD_CLASS: u16 = NO_CLASS - 1;

/// The capitalisation value of a position outside the sentence, in features.
pub(super) const PAD_CAP: u64 = 9;

/// Token `j` if it lies in `sent`.
pub(super) fn at<'a>(toks: &'a [Tok], sent: &Range<usize>, j: usize) -> Option<&'a Tok> {
    sent.contains(&j).then(|| &toks[j])
}

/// The capitalisation of `t` as features see it ([`PAD_CAP`] outside the sentence).
pub(super) fn cap_of(t: Option<&Tok>) -> u64 {
    t.map_or(PAD_CAP, |t| u64::from(t.cap))
}

/// A token's capitalisation and whether its sentence is shouted, as features join them.
fn cap_shouted(cap: u64, shouted: u64) -> u64 {
    cap | shouted << 8
}

/// The keys of word class `class` at every level of the tree, for template `template`.
fn class_keys(template: u8, class: u16, out: &mut Vec<u32>) {
    for (level, c) in wordclass::levels(class).into_iter().enumerate() {
        out.push(key(template, (level as u64) << 16 | u64::from(c), 0));
    }
}

/// The keys of token `me`'s features that depend on its word alone (and on whether its
/// sentence is shouted), its word's affixes beside it. Tagging sums them once per distinct
/// form of a document (`Tok::wid`).
pub(super) fn word_keys((me, affixes): (&Tok, &Affixes), out: &mut Vec<u32>) {
    let shouted = u64::from(me.shouted);
    out.push(key(t::BIAS, 0, 0));
    out.push(key(t::LW, me.lw, 0));
    if me.shouted {
        out.push(key(t::LW_SHOUTED, me.lw, 0));
    } else {
        out.push(key(t::W, me.w, 0));
    }
    out.push(key(t::SHAPE, me.shape, shouted));
    for (k, &p) in affixes.pre.iter().enumerate() {
        if p != 0 {
            out.push(key(t::PRE, p, k as u64));
        }
    }
    for (k, &s) in affixes.suf.iter().enumerate() {
        if s != 0 {
            out.push(key(t::SUF, s, k as u64));
        }
    }
    class_keys(t::CLASS, me.class, out);
}

/// The keys a token's features take from the word before it (`None` at the sentence's start),
/// with its affixes. They depend on that word alone: tagging sums them once per distinct word
/// (`Tok::lid`).
pub(super) fn before_keys(prev: Option<(&Tok, &Affixes)>, out: &mut Vec<u32>) {
    out.push(key(t::LW_PREV, prev.map_or(PAD_BEFORE, |(p, _)| p.lw), 0));
    if let Some((_, affixes)) = prev {
        out.push(key(t::SUF_PREV, affixes.suf[2], 0));
    }
    let prev = prev.map(|(p, _)| p);
    class_keys(t::CLASS_PREV, prev.map_or(PAD_CLASS, |p| p.class), out);
}

/// The keys a token's features take from the word after it (`None` at the sentence's end), as
/// [`before_keys`].
pub(super) fn after_keys(next: Option<&Tok>, out: &mut Vec<u32>) {
    out.push(key(t::LW_NEXT, next.map_or(PAD_AFTER, |n| n.lw), 0));
    class_keys(t::CLASS_NEXT, next.map_or(PAD_CLASS, |n| n.class), out);
}

/// The keys of a token's capitalisation features: its own class (`me`), its neighbours'
/// (`prev`, `next`, [`PAD_CAP`] outside the sentence), whether it is first in its sentence,
/// whether that is shouted, and how the document writes the word (`Tok::doc_case`).
pub(super) fn cap_keys(
    prev: u64,
    me: u64,
    next: u64,
    first: u64,
    shouted: u64,
    case: u64,
) -> [u32; 3] {
    [
        key(t::CAP_POSITION, me, first | shouted << 1),
        key(t::CAP_WINDOW, prev << 8 | me, next | shouted << 8),
        key(t::DOC_CASE, case, me | first << 8 | shouted << 9),
    ]
}

/// The keys of gazetteer bit `b` of a token of capitalisation `me`.
pub(super) fn gaz_bit_keys(b: u64, me: u64, shouted: u64) -> [u32; 2] {
    [
        key(t::GAZ, b, 0),
        key(t::GAZ_CAP, b, cap_shouted(me, shouted)),
    ]
}

/// The keys of the lists the token (`me`) and its neighbours are on, as category sets.
pub(super) fn gaz_around_keys(prev: u64, me: u64, next: u64) -> [u32; 2] {
    [key(t::GAZ_PREV, prev, me), key(t::GAZ_NEXT, next, me)]
}

/// The keys of the document's topic (`Tok::topic`) with a token's capitalisation, the next
/// token's, and the token's list categories.
pub(super) fn topic_keys(topic: u64, me: u64, shouted: u64, next: u64, cats: u64) -> [u32; 2] {
    let mine = cap_shouted(me, shouted);
    [
        key(t::TOPIC, topic, mine | next << 16),
        key(t::TOPIC_GAZ, topic, mine | cats << 16),
    ]
}

/// The keys of token `i`'s features that join it with its neighbours in ways too many to
/// sum in advance: shape and word pairs, the shapes ahead, the lists around its word, table
/// rows.
pub(super) fn pair_keys(doc: &Doc, sent: &Range<usize>, i: usize, out: &mut Vec<u32>) {
    let toks = &doc.toks;
    let me = &toks[i];
    let (prev, next) = (at(toks, sent, i.wrapping_sub(1)), at(toks, sent, i + 1));
    let next2 = at(toks, sent, i + 2);
    let shouted = u64::from(me.shouted);
    let prev_lw = prev.map_or(PAD_BEFORE, |p| p.lw);
    let shape_before = prev.map_or(PAD_BEFORE, |p| p.shape);
    let [shape_after, shape_after2] = [next, next2].map(|t| t.map_or(PAD_AFTER, |t| t.shape));
    let mine = cap_shouted(u64::from(me.cap), shouted);
    out.push(key(
        t::SHAPE_PREV_CUR,
        shape_before,
        me.shape ^ (shouted << 63),
    ));
    out.push(key(
        t::SHAPE_CUR_NEXT,
        me.shape ^ (shouted << 63),
        shape_after,
    ));
    out.push(key(t::BIGRAM_PREV, prev_lw, me.lw));
    if me.row {
        out.push(key(t::ROW, mine, cap_of(prev) << 8 | cap_of(next)));
        out.push(key(
            t::TOPIC_ROW,
            doc.topic,
            mine | cap_of(prev) << 16 | shape_after << 24,
        ));
    }
    out.push(key(
        t::SHAPE_AHEAD,
        mine,
        shape_after ^ shape_after2.rotate_left(7),
    ));
    if !matches!(me.cap, cap::LOWER | cap::PUNCT | cap::DIGIT) {
        out.push(key(t::DOC_AROUND, u64::from(me.doc_around), mine));
    }
}

/// Every label-independent key of token `i` (training's view; tagging sums the same keys by
/// groups, see `scores.rs`), in the order training has always stored and summed them, so that
/// retraining writes the shipped model to the byte.
#[cfg(any(test, feature = "train"))]
pub(super) fn static_keys(doc: &Doc, sent: Range<usize>, i: usize, out: &mut Vec<u32>) {
    let toks = &doc.toks;
    let me = &toks[i];
    let (prev, next) = (at(toks, &sent, i.wrapping_sub(1)), at(toks, &sent, i + 1));
    let shouted = u64::from(me.shouted);
    let my_cap = u64::from(me.cap);
    let (mut word, mut before, mut after, mut pairs) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    word_keys((me, doc.affixes_of(me)), &mut word);
    before_keys(prev.map(|p| (p, doc.affixes_of(p))), &mut before);
    after_keys(next, &mut after);
    pair_keys(doc, &sent, i, &mut pairs);
    // Each group ends with its three word classes; the pair keys start with the shapes before
    // and after and the bigram.
    let (own, classes) = word.split_at(word.len() - 3);
    let [position, window, case] = cap_keys(
        cap_of(prev),
        my_cap,
        cap_of(next),
        u64::from(me.first),
        shouted,
        u64::from(me.doc_case),
    );
    out.extend(own);
    out.extend([before[0], after[0]]);
    out.extend(&pairs[..3]);
    out.extend([position, window]);
    if prev.is_some() {
        out.push(before[1]);
    }
    for b in (0..32u32).filter(|b| me.gaz & (1 << b) != 0) {
        out.extend(gaz_bit_keys(u64::from(b), my_cap, shouted));
    }
    let cats = |t: Option<&Tok>| u64::from(t.map_or(0, |t| gaz_cats(t.gaz)));
    out.extend(gaz_around_keys(cats(prev), cats(Some(me)), cats(next)));
    let topic = topic_keys(doc.topic, my_cap, shouted, cap_of(next), cats(Some(me)));
    out.extend(topic);
    out.extend(&pairs[3..]);
    let (before_classes, after_classes) = (&before[before.len() - 3..], &after[1..]);
    for level in 0..3 {
        out.extend([classes[level], before_classes[level], after_classes[level]]);
    }
    out.push(case);
}

/// What the first pass said about each word of the document.
pub struct DocStats {
    /// First-pass label of every token.
    pub(super) labels: Vec<u8>,
    /// By word (`Tok::lid`): what its first-pass labels say, if it has letters.
    pub(super) words: Vec<Option<WordStats>>,
}

/// What the first pass said about one word of the document.
#[derive(Clone, Copy)]
pub(super) struct WordStats {
    /// The kind (O, PER, ORG, LOC, MISC) it was given most often.
    pub major: u8,
    /// Bit 0: every label was of that kind; bit 1: the word occurs more than once.
    pub flags: u8,
    /// The name kinds it was given, as bits `kind - 1`.
    pub kinds: u8,
    /// The kinds of the longer names it was part of, as bits `kind`.
    pub in_longer: u8,
}

impl Drop for Doc {
    /// The token list goes back to the spares for the next document.
    fn drop(&mut self) {
        spare::keep_toks(std::mem::take(&mut self.toks));
    }
}

impl DocStats {
    /// Collects the first pass's `labels` over `doc`.
    pub fn new(doc: &Doc, labels: Vec<u8>) -> DocStats {
        let mut counts = vec![[0u16; 5]; doc.words.len()];
        let mut in_longer = vec![0u8; doc.words.len()];
        for (t, &l) in doc.toks.iter().zip(&labels) {
            if matches!(t.cap, cap::PUNCT | cap::DIGIT) {
                continue;
            }
            let c = &mut counts[t.lid as usize];
            let ty = type_of(l) as usize;
            c[ty] = c[ty].saturating_add(1);
            if matches!(part(l), Part::Begin(_) | Part::Inside(_) | Part::Last(_)) {
                in_longer[t.lid as usize] |= 1 << ty;
            }
        }
        let words = counts
            .iter()
            .zip(&in_longer)
            .map(|(counts, &in_longer)| {
                let total: u32 = counts.iter().map(|&c| u32::from(c)).sum();
                if total == 0 {
                    return None;
                }
                let (major, &n) = counts
                    .iter()
                    .enumerate()
                    .max_by_key(|&(k, &c)| (c, std::cmp::Reverse(k)))
                    .unwrap_or((0, &0));
                let kinds = (1..5).fold(0u8, |m, ty| m | u8::from(counts[ty] > 0) << (ty - 1));
                Some(WordStats {
                    major: major as u8,
                    flags: u8::from(u32::from(n) == total) | u8::from(total > 1) << 1,
                    kinds,
                    in_longer,
                })
            })
            .collect();
        DocStats { labels, words }
    }

    /// The first-pass label of token `j` of sentence `sent`, or `START` outside it.
    pub(super) fn label_at(&self, sent: &Range<usize>, j: usize) -> u8 {
        if sent.contains(&j) {
            self.labels.get(j).copied().unwrap_or(0)
        } else {
            START
        }
    }
}

/// Keys of the features that depend on the two previous labels (training's view; decoding
/// adds the same weights from `Tables`).
#[cfg(feature = "train")]
fn label_keys(doc: &Doc, i: usize, y1: u8, y2: u8, out: &mut Vec<u32>) {
    out.push(key(t::Y1, u64::from(y1), 0));
    out.push(key(t::Y2, u64::from(y1), u64::from(y2)));
    out.extend(token_label_keys(doc, i, y1));
    let me = &doc.toks[i];
    out.push(label_cap_key(
        u64::from(y1),
        u64::from(me.cap),
        u64::from(me.shouted),
    ));
}

/// The key of the feature that joins the previous label `y1` with a token's capitalisation.
pub(super) fn label_cap_key(y1: u64, me: u64, shouted: u64) -> u32 {
    key(t::Y1_CAP, y1, cap_shouted(me, shouted))
}

/// Keys of the features that join the previous label `y1` with token `i`'s word and shape (the
/// third such, with its capitalisation, is [`label_cap_key`]).
pub(super) fn token_label_keys(doc: &Doc, i: usize, y1: u8) -> [u32; 2] {
    let me = &doc.toks[i];
    let y1 = u64::from(y1);
    [key(t::Y1_LW, y1, me.lw), key(t::Y1_SHAPE, y1, me.shape)]
}

/// The keys of a token's first-pass label (`me`) and the next token's.
pub(super) fn first_pass_keys(me: u64, next: u64) -> [u32; 2] {
    [key(t::P1_CUR, me, 0), key(t::P1_NEXT, next, me)]
}

/// The key of a token's first-pass label (`me`) and the previous token's.
pub(super) fn first_pass_key_before(prev: u64, me: u64) -> u32 {
    key(t::P1_PREV, prev, me)
}

/// The keys of a word's majority kind in the first pass (see [`WordStats`]), for a token of it
/// with capitalisation `me`.
pub(super) fn majority_keys(major: u64, flags: u64, me: u64, shouted: u64) -> [u32; 2] {
    [
        key(t::DOC_MAJORITY, major, flags),
        key(t::DOC_MAJORITY_CAP, major, cap_shouted(me, shouted)),
    ]
}

/// The keys of the name kinds a word was given (bits `kind - 1` of `kinds`).
pub(super) fn kinds_keys(kinds: u8, out: &mut Vec<u32>) {
    for ty in (1..5u64).filter(|ty| kinds & 1 << (ty - 1) != 0) {
        out.push(key(t::DOC_HAS, ty, 0));
    }
}

/// The key of the kinds of longer names a word was in, for a token of capitalisation `me`.
pub(super) fn in_longer_key(bits: u64, me: u64) -> u32 {
    key(t::DOC_IN_LONGER, bits, me)
}

/// Keys of the second pass's features: what the first pass said in the document (training's
/// view; tagging adds the same weights from `Tables`).
#[cfg(any(test, feature = "train"))]
pub(super) fn doc_keys(
    doc: &Doc,
    sent: &Range<usize>,
    i: usize,
    stats: &DocStats,
    out: &mut Vec<u32>,
) {
    let me = &doc.toks[i];
    let p1 = |j: usize| u64::from(stats.label_at(sent, j));
    out.extend(first_pass_keys(p1(i), p1(i + 1)));
    out.push(first_pass_key_before(p1(i.wrapping_sub(1)), p1(i)));
    if matches!(me.cap, cap::PUNCT | cap::DIGIT) {
        return;
    }
    if let Some(w) = &stats.words[me.lid as usize] {
        let my_cap = u64::from(me.cap);
        let flags = u64::from(w.flags);
        out.extend(majority_keys(
            u64::from(w.major),
            flags,
            my_cap,
            u64::from(me.shouted),
        ));
        kinds_keys(w.kinds, out);
        if w.in_longer != 0 {
            out.push(in_longer_key(u64::from(w.in_longer), my_cap));
        }
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
    fn gazetteer_categories_are_the_nonzero_nibbles() {
        let by_loop = |g: u32| (0..8).fold(0, |m, c| m | u32::from((g >> (4 * c)) & 0xF != 0) << c);
        let mut g: u32 = 0x9E37_79B9;
        for k in 0..100_000u32 {
            // Every single bit and nibble, then pseudo-random words.
            let w = match k {
                0..=31 => 1 << k,
                32..=39 => 0xF << (4 * (k - 32)),
                _ => {
                    g ^= g << 13;
                    g ^= g >> 17;
                    g ^= g << 5;
                    g & (g >> 3)
                }
            };
            assert_eq!(gaz_cats(w), by_loop(w), "{w:#010x}");
        }
        assert_eq!((gaz_cats(0), gaz_cats(u32::MAX)), (0, 0xFF));
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
    fn ascii_words_read_as_any_word_is_read() {
        // Every printable ASCII char alone, first, inside and last, and words of each shape.
        let mut words: Vec<String> = [
            "Putin",
            "U.S.",
            "1996-08-22",
            "McDonald's",
            "iPhone",
            "CEO",
            "x",
        ]
        .map(String::from)
        .to_vec();
        for c in (0x20u8..0x7F).map(char::from) {
            words.extend([
                format!("{c}"),
                format!("{c}ab"),
                format!("aB{c}9z"),
                format!("Xy{c}"),
            ]);
        }
        for w in &words {
            let general = tok_of::<false>(w.chars().map(fold));
            assert_eq!(tok_of::<true>(w.bytes().map(char::from)), general, "{w:?}");
            assert_eq!(tok(w), general, "{w:?}");
            let general = affixes_of::<false>(w.chars().map(fold));
            assert_eq!(
                affixes_of::<true>(w.bytes().map(char::from)),
                general,
                "{w:?}"
            );
            assert_eq!(affixes(w), general, "{w:?}");
        }
    }
}
