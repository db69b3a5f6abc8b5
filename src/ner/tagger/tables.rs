//! The summed weights of the features whose values are few, computed once per model.
//!
//! Most of a token's features join a handful of small values: its capitalisation class and its
//! neighbours', whether it opens its sentence, how the document writes it elsewhere, the first
//! pass's labels around it. Hashing each as a key and finding it in the model, token after
//! token, was most of the tagger's time; here every combination of such values has its features'
//! weights summed in advance, so that a token adds one row per group instead of looking up a key
//! per feature. The keys are the ones training makes (`features.rs`), so the sums are the same
//! weights, added in another order.

use super::decode::{Scores, Weights};
use super::features::{
    cap_keys, first_pass_key_before, first_pass_keys, gaz_around_keys, gaz_bit_keys, in_longer_key,
    kinds_keys, label_cap_key, majority_keys, PAD_CAP,
};
use super::labels::N_LABELS;
use crate::text::hash::key;
use std::sync::atomic::{AtomicU64, Ordering};

/// Capitalisation classes (`features::cap`).
pub(super) const CAPS: usize = 6;
/// [`CAPS`] and a position outside the sentence.
const CAPS_OR_PAD: usize = CAPS + 1;
/// Labels, and `START` before a sentence.
const LABELS_OR_START: usize = N_LABELS + 1;
/// First-pass kinds (O and the four name kinds).
const KINDS: usize = 5;

/// Index in the tables of a capitalisation value as features give it ([`PAD_CAP`] outside
/// the sentence).
pub(super) fn cap_index(c: u64) -> usize {
    if c == PAD_CAP {
        CAPS
    } else {
        c as usize % CAPS
    }
}

/// The capitalisation value of table index `c`.
pub(super) fn cap_value(c: usize) -> u64 {
    if c == CAPS {
        PAD_CAP
    } else {
        c as u64
    }
}

/// Summed weights by small values: see the module doc. Built by [`Tables::new`] from any
/// [`Weights`]; a fixed model builds them once (see [`Weights::tables`]).
pub struct Tables {
    /// Different for every `Tables` made, so that sums kept elsewhere can say whose they are.
    id: u64,
    /// `Y1` and `Y2` by (previous label, the one before).
    transitions: Vec<Scores>,
    /// `CAP_POSITION`, `CAP_WINDOW` and `DOC_CASE` by (previous token's cap, cap, next
    /// token's cap, first in sentence, shouted, document case).
    caps: Vec<Scores>,
    /// `GAZ` and `GAZ_CAP` by (gazetteer bit, cap, shouted).
    gaz: Vec<Scores>,
    /// `GAZ_PREV` and `GAZ_NEXT` of a token with no gazetteer match beside none.
    no_gaz: Scores,
    /// `Y1_CAP` by (previous label, cap, shouted).
    label_cap: Vec<Scores>,
    /// `P1_CUR` and `P1_NEXT` by (first-pass label here, next).
    p1_next: Vec<Scores>,
    /// `P1_PREV` by (first-pass label before, here).
    p1_prev: Vec<Scores>,
    /// `DOC_MAJORITY` by (majority kind, unanimous, seen more than once).
    majority: Vec<Scores>,
    /// `DOC_MAJORITY_CAP` by (majority kind, cap, shouted).
    majority_cap: Vec<Scores>,
    /// `DOC_HAS` by the set of name kinds the word was given.
    has: Vec<Scores>,
    /// `DOC_IN_LONGER` by (the set of kinds of longer names the word was in, cap).
    in_longer: Vec<Scores>,
}

/// The sum of `weights` over `keys`. Not inlined: it runs once per table row or distinct word,
/// and a copy of the lookup at each caller only made the wasm larger.
#[inline(never)]
pub(super) fn sum(weights: &impl Weights, keys: &[u32]) -> Scores {
    let mut s = [0.0; N_LABELS];
    weights.add_all(keys, &mut s);
    s
}

impl Tables {
    /// Sums the weights of every combination (about 6,000 rows of one to three keys).
    pub fn new(weights: &impl Weights) -> Tables {
        use super::features::t;
        let n = LABELS_OR_START as u64;
        let mut transitions = Vec::with_capacity(LABELS_OR_START * LABELS_OR_START);
        for y1 in 0..n {
            for y2 in 0..n {
                transitions.push(sum(weights, &[key(t::Y1, y1, 0), key(t::Y2, y1, y2)]));
            }
        }
        let mut caps = Vec::with_capacity(CAPS_OR_PAD * CAPS * CAPS_OR_PAD * 2 * 2 * 4);
        for prev in (0..CAPS_OR_PAD).map(cap_value) {
            for me in 0..CAPS as u64 {
                for next in (0..CAPS_OR_PAD).map(cap_value) {
                    for first in 0..2 {
                        for shouted in 0..2 {
                            for case in 0..4 {
                                let keys = cap_keys(prev, me, next, first, shouted, case);
                                caps.push(sum(weights, &keys));
                            }
                        }
                    }
                }
            }
        }
        let mut gaz = Vec::with_capacity(32 * CAPS * 2);
        let mut label_cap = Vec::with_capacity(LABELS_OR_START * CAPS * 2);
        let mut majority_cap = Vec::with_capacity(KINDS * CAPS * 2);
        for me in 0..CAPS as u64 {
            for shouted in 0..2 {
                for b in 0..32 {
                    gaz.push(sum(weights, &gaz_bit_keys(b, me, shouted)));
                }
                for y1 in 0..n {
                    label_cap.push(sum(weights, &[label_cap_key(y1, me, shouted)]));
                }
                for major in 0..KINDS as u64 {
                    majority_cap.push(sum(weights, &majority_keys(major, 0, me, shouted)[1..]));
                }
            }
        }
        let mut p1_next = Vec::with_capacity(LABELS_OR_START * LABELS_OR_START);
        let mut p1_prev = Vec::with_capacity(LABELS_OR_START * LABELS_OR_START);
        for a in 0..n {
            for b in 0..n {
                p1_next.push(sum(weights, &first_pass_keys(a, b)));
                p1_prev.push(sum(weights, &[first_pass_key_before(a, b)]));
            }
        }
        let majority = (0..KINDS as u64 * 4)
            .map(|i| sum(weights, &majority_keys(i / 4, i % 4, 0, 0)[..1]))
            .collect();
        let mut keys = Vec::new();
        let has = (0..1u8 << (KINDS - 1))
            .map(|kinds| {
                keys.clear();
                kinds_keys(kinds, &mut keys);
                sum(weights, &keys)
            })
            .collect();
        let in_longer = (0..CAPS << KINDS)
            .map(|i| {
                sum(
                    weights,
                    &[in_longer_key((i / CAPS) as u64, (i % CAPS) as u64)],
                )
            })
            .collect();
        static MADE: AtomicU64 = AtomicU64::new(1);
        Tables {
            id: MADE.fetch_add(1, Ordering::Relaxed),
            transitions,
            caps,
            gaz,
            no_gaz: sum(weights, &gaz_around_keys(0, 0, 0)),
            label_cap,
            p1_next,
            p1_prev,
            majority,
            majority_cap,
            has,
            in_longer,
        }
    }

    /// This table's own number (never 0).
    pub fn id(&self) -> u64 {
        self.id
    }

    /// `Y1` and `Y2` after labels `y1`, `y2`.
    pub fn transition(&self, y1: u8, y2: u8) -> &Scores {
        let n = LABELS_OR_START;
        &self.transitions[(y1 as usize % n) * n + y2 as usize % n]
    }

    /// The capitalisation features of a token (see [`Tables::caps`]); caps as [`cap_index`].
    pub fn caps(
        &self,
        prev: usize,
        me: u8,
        next: usize,
        first: bool,
        shouted: bool,
        case: u8,
    ) -> &Scores {
        let i = (((prev * CAPS + me as usize % CAPS) * CAPS_OR_PAD + next) * 2
            + usize::from(first))
            * 2
            + usize::from(shouted);
        &self.caps[i * 4 + case as usize % 4]
    }

    /// The features of gazetteer bit `b` of a token.
    pub fn gaz(&self, b: u32, me: u8, shouted: bool) -> &Scores {
        &self.gaz[((me as usize % CAPS) * 2 + usize::from(shouted)) * 32 + b as usize % 32]
    }

    /// The neighbour-list features of a token with no gazetteer match beside none.
    pub fn no_gaz(&self) -> &Scores {
        &self.no_gaz
    }

    /// `Y1_CAP` after label `y1`.
    pub fn label_cap(&self, y1: u8, me: u8, shouted: bool) -> &Scores {
        let row = (me as usize % CAPS) * 2 + usize::from(shouted);
        &self.label_cap[row * LABELS_OR_START + y1 as usize % LABELS_OR_START]
    }

    /// The first-pass label features of a token labelled `me` between `prev` and `next`.
    pub fn first_pass(&self, prev: u8, me: u8, next: u8) -> [&Scores; 2] {
        let n = LABELS_OR_START;
        let (prev, me, next) = (prev as usize % n, me as usize % n, next as usize % n);
        [&self.p1_next[me * n + next], &self.p1_prev[prev * n + me]]
    }

    /// The document-majority features of a token: its word's majority kind, whether that was
    /// unanimous and the word seen more than once, and the set of name kinds it was given.
    pub fn majority(&self, major: u8, flags: u8, kinds: u8, me: u8, shouted: bool) -> [&Scores; 3] {
        let major = major as usize % KINDS;
        [
            &self.majority[major * 4 + flags as usize % 4],
            &self.majority_cap[((me as usize % CAPS) * 2 + usize::from(shouted)) * KINDS + major],
            &self.has[kinds as usize % (1 << (KINDS - 1))],
        ]
    }

    /// `DOC_IN_LONGER` of a token whose word was in longer names of the kinds `bits`.
    pub fn in_longer(&self, bits: u8, me: u8) -> &Scores {
        &self.in_longer[(bits as usize % (1 << KINDS)) * CAPS + me as usize % CAPS]
    }
}

/// Adds `row` to `scores`.
pub(super) fn add(scores: &mut Scores, row: &Scores) {
    for (s, r) in scores.iter_mut().zip(row) {
        *s += r;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cap_indices_cover_the_pad() {
        assert_eq!(cap_index(PAD_CAP), CAPS);
        assert_eq!(cap_value(cap_index(5)), 5);
    }
}
