//! A document's label-independent scores, and what the second pass adds to them: the weights of
//! the keys of `features.rs`, summed by groups.
//!
//! Summing each key's weights token by token costs a hash and a table probe per feature, about
//! 45 a token. But most of a token's features depend on one word (its own, the one before, the
//! one after), and those are summed once per distinct word of the document; most of the rest
//! join a few small values, and those come summed from [`Tables`]. A token then adds three word
//! sums, a few table rows and the five or so keys left (`features::pair_keys`). The weights are
//! the same as training's; only the order of the additions differs.

use super::decode::{Scores, Weights};
use super::features::{
    after_keys, at, before_keys, cap, cap_of, form_identity, gaz_around_keys, gaz_cats, pair_keys,
    token_label_keys, topic_keys, word_keys, Doc, DocStats, Tok, KEYS_PER_TOKEN,
};
use super::labels::N_LABELS;
use super::spare;
use super::tables::{add, cap_index, cap_value, sum, Tables, CAPS};
use crate::text::hash::IdMap;
use std::cell::RefCell;

/// The sum of the weights of the keys `make` appends (`make` is a plain function, so that the
/// one copy of this serves every caller).
fn summed<T: Copy>(
    weights: &impl Weights,
    keys: &mut Vec<u32>,
    make: fn(T, &mut Vec<u32>),
    of: T,
) -> Scores {
    keys.clear();
    make(of, keys);
    sum(weights, keys)
}

/// Word sums kept from one document to the next, for a fixed model: most words of an article
/// were in the articles before it ("the", "said", the names of the day), and a word's sums are
/// the same in every document. Per thread, and cleared when a table passes
/// [`MAX_KEPT_WORDS`] words, so that it stays within about 10 MB; a text longer than any
/// article keeps nothing.
#[derive(Default)]
struct Kept {
    /// The model's tables the sums are of ([`Tables::id`]).
    tables: u64,
    /// By written form (`features::form_identity`): its word sum, and its label sums after `O`.
    forms: Sums,
    /// By normalised word: its sums as the word before a token, and as the word after.
    neighbours: Sums,
    /// The document topic the rows below are of, and the rows (see [`static_scores`]).
    topic: Option<u64>,
    topics: Vec<Scores>,
}

/// Pairs of sums by a hash: an index into a list (a map of small values, as the tagger's others,
/// costs less code in the wasm than one of the sums themselves).
#[derive(Default)]
struct Sums {
    index: IdMap<u64, u32>,
    sums: Vec<[Scores; 2]>,
}

impl Sums {
    fn len(&self) -> usize {
        self.sums.len()
    }
}

/// The pair of sums of each of `items`: from `kept` by the item's `hash` where given, those it
/// lacks made by `make` and added to it; else all made afresh. With room for one more pair
/// (the sentence edge's, which the caller adds), so that adding it does not copy the lists.
///
/// From a table in two passes: first where each item's sums are, then the sums themselves. The
/// table passes the processor's cache (tens of thousands of words, 136 bytes each), and looked
/// up one by one each copy waited on its own cache miss; gathered in a loop of their own, which
/// has no branch, the loads do not depend on one another and their misses overlap.
fn gather(
    kept: Option<&mut Sums>,
    items: &[u32],
    hash: impl Fn(u32) -> u64,
    mut make: impl FnMut(u32) -> [Scores; 2],
) -> (Vec<Scores>, Vec<Scores>) {
    let mut out = (
        Vec::with_capacity(items.len() + 1),
        Vec::with_capacity(items.len() + 1),
    );
    let Some(kept) = kept else {
        out.extend(items.iter().map(|&i| <(Scores, Scores)>::from(make(i))));
        return out;
    };
    let at: Vec<u32> = items
        .iter()
        .map(|&i| {
            let next = kept.sums.len() as u32;
            let at = *kept.index.entry(hash(i)).or_insert(next);
            if at == next {
                kept.sums.push(make(i));
            }
            at
        })
        .collect();
    out.extend(
        at.iter()
            .map(|&a| <(Scores, Scores)>::from(kept.sums[a as usize])),
    );
    out
}

/// Most words a [`Kept`] table holds before it is cleared: the vocabulary of dozens of
/// articles (the bench's 66 have about 15,000 distinct forms; 8,192 cleared the tables every few
/// articles, which made the tagger slower than keeping nothing), at most about 10 MB in all.
const MAX_KEPT_WORDS: usize = 1 << 15;

/// Longest document whose word sums are kept: far above any article (2,000-10,000 tokens). A
/// longer text (a corpus pasted whole, hostile input) is tagged in blocks of new words that
/// would only fill the tables with words no article will ask for.
const MAX_KEPT_DOCUMENT_TOKENS: usize = 1 << 14;

thread_local! {
    static KEPT: RefCell<Kept> = RefCell::default();
}

/// A document's label-independent scores and what the decoder reads besides them.
pub(super) struct Static {
    /// By token: the first pass's scores.
    pub base: Vec<Scores>,
    /// By written form (`Tok::wid`): the label-and-token sums after `O`.
    pub after_out: Vec<Scores>,
}

/// The label-independent scores of every token of `doc`; `keep` when the weights are a fixed
/// model's, whose word sums can be kept for the next document.
pub(super) fn static_scores(
    doc: &Doc,
    weights: &impl Weights,
    tables: &Tables,
    keep: bool,
) -> Static {
    if !keep || doc.len() > MAX_KEPT_DOCUMENT_TOKENS {
        return scores_with(doc, weights, tables, None);
    }
    KEPT.with(|kept| {
        let mut kept = kept.borrow_mut();
        if kept.tables != tables.id()
            || kept.forms.len().max(kept.neighbours.len()) > MAX_KEPT_WORDS
        {
            *kept = Kept {
                tables: tables.id(),
                ..Kept::default()
            };
        }
        scores_with(doc, weights, tables, Some(&mut kept))
    })
}

/// [`static_scores`], with the word sums of `kept` if any (and what it lacks added to it).
fn scores_with(
    doc: &Doc,
    weights: &impl Weights,
    tables: &Tables,
    mut kept: Option<&mut Kept>,
) -> Static {
    let toks = &doc.toks;
    let mut keys = Vec::with_capacity(KEYS_PER_TOKEN);
    let (forms, after_out) = gather(
        kept.as_deref_mut().map(|k| &mut k.forms),
        &doc.forms,
        |i| form_identity(&toks[i as usize]),
        |i| {
            let t = &toks[i as usize];
            let word = summed(weights, &mut keys, word_keys, (t, doc.affixes_of(t)));
            [word, label_scores(doc, i as usize, 0, weights, tables)]
        },
    );
    // By word, then one more row for the sentence's edge.
    let (mut before, mut after) = gather(
        kept.as_deref_mut().map(|k| &mut k.neighbours),
        &doc.words,
        |i| toks[i as usize].lw,
        |i| {
            let t = &toks[i as usize];
            let before = summed(
                weights,
                &mut keys,
                before_keys,
                Some((t, doc.affixes_of(t))),
            );
            [before, summed(weights, &mut keys, after_keys, Some(t))]
        },
    );
    before.push(summed(weights, &mut keys, before_keys, None));
    after.push(summed(weights, &mut keys, after_keys, None));
    let edge = doc.words.len();
    // The topic is the document's: its features by (cap, shouted, next token's cap, whether
    // the token is on a list); for one on no list, with that (see `add_lists`).
    let topic = doc.topic;
    let topic_rows = || {
        let mut rows = Vec::with_capacity(CAPS * 2 * (CAPS + 1) * 2);
        for me in 0..CAPS as u64 {
            for shouted in 0..2 {
                for next in (0..=CAPS).map(cap_value) {
                    let [own, no_lists] = topic_keys(topic, me, shouted, next, 0);
                    rows.push(sum(weights, &[own, no_lists]));
                    rows.push(sum(weights, &[own]));
                }
            }
        }
        rows
    };
    let made;
    let topics = match kept {
        Some(kept) => {
            if kept.topic != Some(topic) {
                kept.topics = topic_rows();
                kept.topic = Some(topic);
            }
            &kept.topics
        }
        None => {
            made = topic_rows();
            &made
        }
    };
    let mut base = spare::scores(doc.len());
    for sent in &doc.sentences {
        for i in sent.clone() {
            let me = &toks[i];
            let (prev, next) = (at(toks, sent, i.wrapping_sub(1)), at(toks, sent, i + 1));
            let s = &mut base[i];
            *s = forms[me.wid as usize];
            add(s, &before[prev.map_or(edge, |t| t.lid as usize)]);
            add(s, &after[next.map_or(edge, |t| t.lid as usize)]);
            let (prev_cap, next_cap) = (cap_index(cap_of(prev)), cap_index(cap_of(next)));
            add(
                s,
                tables.caps(
                    prev_cap,
                    me.cap,
                    next_cap,
                    me.first,
                    me.shouted,
                    me.doc_case,
                ),
            );
            keys.clear();
            add_lists(me, prev, next, topic, tables, s, &mut keys);
            let row = (usize::from(me.cap) * 2 + usize::from(me.shouted)) * (CAPS + 1) + next_cap;
            add(s, &topics[row * 2 + usize::from(me.gaz != 0)]);
            pair_keys(doc, sent, i, &mut keys);
            weights.add_all(&keys, s);
        }
    }
    Static { base, after_out }
}

/// Adds the gazetteer features of token `me` (its lists, and its neighbours'), summed from
/// `tables` where it and its neighbours are on none, else as keys onto `keys`; and the topic's
/// feature with the token's lists, for a token on some (the caller's rows have it for one on
/// none).
fn add_lists(
    me: &Tok,
    prev: Option<&Tok>,
    next: Option<&Tok>,
    topic: u64,
    tables: &Tables,
    s: &mut Scores,
    keys: &mut Vec<u32>,
) {
    let gaz = |t: Option<&Tok>| t.map_or(0, |t| t.gaz);
    if me.gaz == 0 && gaz(prev) == 0 && gaz(next) == 0 {
        add(s, tables.no_gaz());
        return;
    }
    let mut bits = me.gaz;
    while bits != 0 {
        add(s, tables.gaz(bits.trailing_zeros(), me.cap, me.shouted));
        bits &= bits - 1;
    }
    let cats = |g: u32| u64::from(gaz_cats(g));
    keys.extend(gaz_around_keys(
        cats(gaz(prev)),
        cats(me.gaz),
        cats(gaz(next)),
    ));
    if me.gaz != 0 {
        let (c, sh) = (u64::from(me.cap), u64::from(me.shouted));
        let [_, with_lists] = topic_keys(topic, c, sh, 0, cats(me.gaz));
        keys.push(with_lists);
    }
}

/// Adds to `base` what the second pass knows: the first pass's labels around each token and
/// what it said of the token's word elsewhere in the document.
pub(super) fn add_document_scores(
    doc: &Doc,
    stats: &DocStats,
    tables: &Tables,
    base: &mut [Scores],
) {
    for sent in &doc.sentences {
        for i in sent.clone() {
            let me = &doc.toks[i];
            let s = &mut base[i];
            let p1 = |j: usize| stats.label_at(sent, j);
            for row in tables.first_pass(p1(i.wrapping_sub(1)), p1(i), p1(i + 1)) {
                add(s, row);
            }
            if matches!(me.cap, cap::PUNCT | cap::DIGIT) {
                continue;
            }
            if let Some(w) = &stats.words[me.lid as usize] {
                for row in tables.majority(w.major, w.flags, w.kinds, me.cap, me.shouted) {
                    add(s, row);
                }
                if w.in_longer != 0 {
                    add(s, tables.in_longer(w.in_longer, me.cap));
                }
            }
        }
    }
}

/// The weights of the features that join the previous label `y1` with token `i`, added in the
/// order training adds them (word, shape, capitalisation).
pub(super) fn label_scores(
    doc: &Doc,
    i: usize,
    y1: u8,
    weights: &impl Weights,
    tables: &Tables,
) -> Scores {
    let me = &doc.toks[i];
    let mut s = [0.0; N_LABELS];
    weights.add_all(&token_label_keys(doc, i, y1), &mut s);
    add(&mut s, tables.label_cap(y1, me.cap, me.shouted));
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::embedded;
    use crate::ner::tagger::features::{doc_keys, static_keys};
    use std::ops::Range;

    /// A document with what the grouped sums must get right: a topic opening, a headline in
    /// capitals, a results row, names on the gazetteer's lists, words repeated in other cases.
    fn doc() -> Doc {
        let text = "SOCCER - RUSSIA BEAT IRAN IN MOSCOW .\n\
            Russian President Vladimir Putin met Iran 's Masoud Pezeshkian in Ashgabat on Friday , \
            Reuters said .\nputin said Gazprom Inc would sell gas to the U.S. and Turkmenistan .\n\
            Spartak Moscow 3 Zenit 1";
        let mut words = Vec::new();
        let mut sentences: Vec<Range<usize>> = Vec::new();
        for line in text.lines() {
            let start = words.len();
            words.extend(line.split_whitespace());
            sentences.push(start..words.len());
        }
        let (_, lex) = embedded().expect("embedded model");
        Doc::new(&words, &sentences, lex)
    }

    fn assert_close(fast: &Scores, reference: &Scores, what: &str) {
        for (l, (f, r)) in fast.iter().zip(reference).enumerate() {
            assert!(
                (f - r).abs() <= 1e-4 * r.abs().max(1.0),
                "{what}, label {l}: {f} vs {r}"
            );
        }
    }

    #[test]
    fn grouped_sums_are_the_sums_of_every_key() {
        let (model, _) = embedded().expect("embedded model");
        let tables = Tables::new(model);
        let doc = doc();
        let mut base = static_scores(&doc, model, &tables, false).base;
        let mut keys = Vec::new();
        for sent in &doc.sentences {
            for i in sent.clone() {
                keys.clear();
                static_keys(&doc, sent.clone(), i, &mut keys);
                let mut reference = [0.0; N_LABELS];
                model.add_all(&keys, &mut reference);
                assert_close(&base[i], &reference, &format!("static, token {i}"));
            }
        }
        // The second pass's, with first-pass labels that put names of every kind about.
        let labels: Vec<u8> = (0..doc.len()).map(|i| (i * 7 % N_LABELS) as u8).collect();
        let stats = DocStats::new(&doc, labels);
        let before = base.clone();
        add_document_scores(&doc, &stats, &tables, &mut base);
        for sent in &doc.sentences {
            for i in sent.clone() {
                keys.clear();
                doc_keys(&doc, sent, i, &stats, &mut keys);
                let mut reference = before[i];
                model.add_all(&keys, &mut reference);
                assert_close(&base[i], &reference, &format!("second pass, token {i}"));
            }
        }
    }

    #[test]
    fn kept_sums_are_the_sums_made_afresh() {
        let (model, _) = embedded().expect("embedded model");
        let tables = model.tables().expect("a fixed model has tables");
        let doc = doc();
        let fresh = static_scores(&doc, model, tables, false);
        // The first call fills the kept sums, the second reads them.
        for _ in 0..2 {
            let kept = static_scores(&doc, model, tables, true);
            assert_eq!(kept.base, fresh.base);
            assert_eq!(kept.after_out, fresh.after_out);
        }
        // Sums kept for one model are never read for another.
        struct Doubled<'a>(&'a crate::ner::model::Model);
        impl Weights for Doubled<'_> {
            fn add(&self, key: u32, scores: &mut Scores) {
                let mut s = [0.0; N_LABELS];
                self.0.add(key, &mut s);
                for (a, b) in scores.iter_mut().zip(s) {
                    *a += 2.0 * b;
                }
            }
        }
        let doubled = Doubled(model);
        let doubled_tables = Tables::new(&doubled);
        let expected = static_scores(&doc, &doubled, &doubled_tables, false).base;
        assert_ne!(expected, fresh.base);
        assert_eq!(
            static_scores(&doc, &doubled, &doubled_tables, true).base,
            expected
        );
    }
}
