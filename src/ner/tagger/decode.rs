//! Decoding: scores from feature weights, a beam over label sequences, and the two passes
//! that tag a document.

use super::features::{Doc, DocStats};
use super::labels::{allowed_after, type_of, N_LABELS, START};
use super::scores::{add_document_scores, label_scores, static_scores, Static};
use super::spare;
use super::tables::Tables;
use std::ops::Range;

/// One score per label.
pub type Scores = [f32; N_LABELS];

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

    /// The summed weights of the features with few values, if computed in advance.
    fn tables(&self) -> Option<&Tables> {
        None
    }
}

/// How many label sequences the decoder keeps. Greedy decoding (1) cannot take back a `B`:
/// "RIA news agency." would become a four-token name because nothing but `I`/`L` may follow
/// it. A small beam can, and costs little, since only the five label features are scored per
/// hypothesis. Two cost 0.27 F1 in cross-validation (`train --cv --epochs 10 --prune-tries
/// 35000:31:0.1`, epoch 10: 92.10 with 4, 91.83 with 2; 2026-12-02).
const BEAM: usize = 4;

/// The first pass only feeds document statistics, where a few more errors matter less: it
/// decodes greedily, which makes the tagger a quarter faster.
const FIRST_PASS_BEAM: usize = 1;

/// Hypotheses less likely than the best by more than this factor (in log) leave the beam: where
/// the model is sure, one hypothesis goes on and decoding costs what greedy decoding does.
/// Measured with the shipped model (2026-12-01): 2 scores exactly as 3 in 5-fold
/// cross-validation on CoNLL train (F1 92.12 in that study; `parallax train --cv` prints 92.08
/// both at the study's commit and now) and on every set training never saw (UNER EWT
/// dev 71.20 and test 71.09, WNUT-17 dev 50.56 and test 38.12, Re-DocRED test 67.55, UNER PUD
/// 72.52), and tags the bench corpus to the byte, with 1.9 hypotheses a token instead of 3.2:
/// the whole analysis is a fifth faster. 1.5 costs 0.01 in cross-validation, 1 costs 0.03.
const BEAM_MARGIN: f32 = 2.0;

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
/// Branch- and call-free, so the compiler vectorises the loop over labels: the integer part
/// comes from the float's own bits (adding 1.5 × 2^23 leaves the integer in the low mantissa
/// bits), not from an `as` conversion, whose saturating checks do not vectorise.
fn exp_neg(x: f32) -> f32 {
    // 1.5 × 2^23: for |y| < 2^22, y + ROUND has y rounded to the nearest integer in its low bits.
    const ROUND: f32 = 12_582_912.0;
    // Bounded below only: `x ≤ 0` (a score less the largest), so an upper bound of 0 changes
    // nothing, and in the wasm, as `clamp(-125.0, 0.0)`, it took the vector apart lane by lane.
    // The lower bound is the form wasm's `pmax` instruction has.
    let y = x * std::f32::consts::LOG2_E;
    let y = if y < -125.0 { -125.0 } else { y };
    let shifted = y + ROUND;
    let r = shifted - ROUND;
    // The nearest integer i ≤ 0, and the fraction f = y - i in [-0.5, 0.5].
    let i = (shifted.to_bits() as i32).wrapping_sub(ROUND.to_bits() as i32);
    let f = y - r;
    // Taylor series of 2^f = e^(f ln 2), to the fifth power.
    let p = 1.0
        + f * (std::f32::consts::LN_2
            + f * (0.240_226_5 + f * (0.055_504_1 + f * (0.009_618_1 + f * 0.001_333_4))));
    f32::from_bits(((i + 127) as u32) << 23) * p
}

/// The largest of `scores`, in four lanes so that the compiler can use vector instructions
/// (scores are never NaN: plain comparisons do).
fn max_of(scores: &Scores) -> f32 {
    let mut m = [f32::NEG_INFINITY; 4];
    for chunk in scores.chunks_exact(4) {
        for (m, &x) in m.iter_mut().zip(chunk) {
            *m = if x > *m { x } else { *m };
        }
    }
    let tail = scores[N_LABELS - N_LABELS % 4..]
        .iter()
        .fold(f32::NEG_INFINITY, |a, &x| if x > a { x } else { a });
    m.into_iter().fold(tail, |a, x| if x > a { x } else { a })
}

/// The largest of `scores` over the labels of the bit set `allowed`.
fn best_of(scores: &Scores, allowed: u32) -> f32 {
    let mut best = f32::NEG_INFINITY;
    let mut todo = allowed;
    while todo != 0 {
        let s = scores[todo.trailing_zeros() as usize % N_LABELS];
        best = if s > best { s } else { best };
        todo &= todo - 1;
    }
    best
}

/// `ln Σ e^((s - max) / T)` over all labels (see [`INV_TEMPERATURE`]), summed in four lanes
/// so that the seventeen exponentials run as vector instructions.
fn log_z(scores: &Scores, max: f32) -> f32 {
    let mut z = [0.0f32; 4];
    for chunk in scores.chunks_exact(4) {
        for (z, &s) in z.iter_mut().zip(chunk) {
            *z += exp_neg((s - max) * INV_TEMPERATURE);
        }
    }
    let tail: f32 = scores[N_LABELS - N_LABELS % 4..]
        .iter()
        .map(|&s| exp_neg((s - max) * INV_TEMPERATURE))
        .sum();
    (z[0] + z[1] + z[2] + z[3] + tail).ln()
}

/// A token's scores after one label pair: its label-independent scores (`base`), plus its
/// label-and-token sums after the previous label (`own`) and the label-pair weights (`pair`).
fn step_scores(base: &Scores, own: &Scores, pair: &Scores) -> Scores {
    let mut scores = *base;
    for ((s, o), p) in scores.iter_mut().zip(own).zip(pair) {
        *s += o + p;
    }
    scores
}

/// The label-and-token feature sums (`Y1_LW`, `Y1_SHAPE`, `Y1_CAP`) of a document's tokens,
/// each looked up once: after `O`, the previous label of most tokens, once per written form
/// (`Tok::wid` decides them); after another label, once per token for the first label asked,
/// which is the first pass's and what the second mostly asks for again.
struct Own {
    /// By written form: the sums after `O`.
    after_out: Vec<Scores>,
    /// By token: where in `kept` its sums after the first label other than `O` asked for are,
    /// or [`NOT_SEEN`] (empty when nothing is kept between passes). Most tokens follow an `O`
    /// in both passes, so the sums themselves are kept only for the few that do not.
    seen: Vec<u32>,
    /// That label, and its sums at the same index (two lists, as [`Scratch::memo`]).
    kept_labels: Vec<u8>,
    kept: Vec<Scores>,
}

/// No previous label other than `O` yet, in [`Own::seen`].
const NOT_SEEN: u32 = u32::MAX;

impl Own {
    /// `after_out` by written form (see [`Static`]); `keep`: keep sums for a second pass.
    fn new(doc: &Doc, after_out: Vec<Scores>, keep: bool) -> Own {
        let seen = if keep {
            vec![NOT_SEEN; doc.len()]
        } else {
            Vec::new()
        };
        Own {
            after_out,
            seen,
            kept_labels: Vec::new(),
            kept: Vec::new(),
        }
    }

    /// The sums of token `i` after label `y1`. Inlined: called apart, its 68-byte answer went
    /// through memory (7 M more instructions over the bench corpus).
    #[inline(always)]
    fn get(
        &mut self,
        doc: &Doc,
        i: usize,
        y1: u8,
        weights: &impl Weights,
        tables: &Tables,
    ) -> Scores {
        if y1 == 0 {
            return self.after_out[doc.toks[i].wid as usize];
        }
        match self.seen.get_mut(i) {
            Some(at) if *at == NOT_SEEN => {
                let s = label_scores(doc, i, y1, weights, tables);
                *at = self.kept.len() as u32;
                self.kept_labels.push(y1);
                self.kept.push(s);
                s
            }
            Some(&mut at) if self.kept_labels[at as usize] == y1 => self.kept[at as usize],
            _ => label_scores(doc, i, y1, weights, tables),
        }
    }
}

/// The lists [`decode_sentence`] works in, kept from one sentence to the next.
#[derive(Default)]
struct Scratch {
    /// (label, parent step) per step, for reading the best sequence back.
    history: Vec<(u8, u32)>,
    beam: Vec<Hyp>,
    next: Vec<Hyp>,
    /// Token-and-label features (`Y1_LW`, `Y1_SHAPE`, `Y1_CAP`) by previous label, shared by
    /// the hypotheses of one token: the labels, and their sums at the same index. Two lists, not
    /// one of `(u8, Scores)`: that tuple puts its label before the sums, and copying it in went
    /// through the stack at odd offsets, where loads waited on the stores they overlapped (a
    /// tenth of the decoder's time under `perf`; instruction counts do not show it).
    memo_labels: Vec<u8>,
    memo: Vec<Scores>,
}

/// Beam decoding of one sentence; `base[i]` holds the label-independent scores of token `i`.
#[allow(clippy::too_many_arguments)] // all distinct inputs of one step; a struct would only rename them
fn decode_sentence(
    doc: &Doc,
    sent: &Range<usize>,
    base: &[Scores],
    weights: &impl Weights,
    tables: &Tables,
    width: usize,
    labels: &mut [u8],
    own: &mut Own,
    scratch: &mut Scratch,
) {
    let Scratch {
        history,
        beam,
        next,
        memo_labels,
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
        next.clear();
        memo_labels.clear();
        memo.clear();
        let mut floor = f32::NEG_INFINITY;
        for h in beam.iter() {
            let at = match memo_labels.iter().position(|&y| y == h.y1) {
                Some(at) => at,
                None => {
                    memo_labels.push(h.y1);
                    memo.push(own.get(doc, i, h.y1, weights, tables));
                    memo.len() - 1
                }
            };
            let scores = step_scores(&base[i], &memo[at], tables.transition(h.y1, h.y2));
            // See INV_TEMPERATURE.
            let max = max_of(&scores);
            let allowed = allowed_after(h.y1, last);
            // Z only lowers a candidate (log Z ≥ 0, the best label's term being 1): when even
            // the best allowed label without it falls below the floor, no candidate of this
            // hypothesis enters the beam, and its Z (17 exponentials) is not needed. This is
            // most often a name's forced continuation the model would rather end.
            if beam.len() > 1
                && h.score + (best_of(&scores, allowed) - max) * INV_TEMPERATURE < floor
            {
                continue;
            }
            // A lone hypothesis's candidates all share its Z, and leaving it out moves every
            // score in the beam by the same amount, which changes no decision: greedy
            // decoding, and the beam wherever the model is sure, need no Z.
            let log_z = if beam.len() == 1 {
                0.0
            } else {
                log_z(&scores, max)
            };
            // Allowed labels in ascending order, as a loop over all labels that skips the
            // others would visit them.
            let mut todo = allowed;
            while todo != 0 {
                let l = todo.trailing_zeros() as u8;
                todo &= todo - 1;
                let s = scores[l as usize % N_LABELS];
                let score = h.score + (s - max) * INV_TEMPERATURE - log_z;
                // Hypotheses come best first, so most candidates fall below the margin here.
                if score < floor {
                    continue;
                }
                // A comparison, not `f32::max`: scores are never NaN, and wasm has no
                // instruction for `max`'s NaN rule (it calls `fmaxf`).
                let lowest = score - BEAM_MARGIN;
                floor = if lowest > floor { lowest } else { floor };
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
#[cfg(feature = "cli")] // the evaluation and the trainer; the product reads the margins too
pub fn tag(doc: &Doc, weights: &impl Weights) -> Vec<u8> {
    tag_scored(doc, weights).labels
}

/// A document's labels, and how sure the tagger is of each token's kind.
pub struct Scored {
    /// One label per token.
    pub labels: Vec<u8>,
    /// The margin, in score units, between the best label of the chosen kind and the best
    /// label of any other kind, given the labels chosen before it (0 outside names).
    pub margins: Vec<f32>,
    /// That other kind, as 1 + its index in `Kind::ALL` (0 outside names).
    pub second: Vec<u8>,
}

/// Tags a document, and says how sure the tagger is of each token's kind (see [`Scored`]).
pub fn tag_scored(doc: &Doc, weights: &impl Weights) -> Scored {
    let made;
    let tables = match weights.tables() {
        Some(t) => t,
        None => {
            made = Tables::new(weights);
            &made
        }
    };
    let Static {
        mut base,
        after_out,
    } = static_scores(doc, weights, tables, weights.tables().is_some());
    let mut own = Own::new(doc, after_out, true);
    let first = decode(doc, &base, weights, tables, FIRST_PASS_BEAM, &mut own);
    let stats = DocStats::new(doc, first);
    add_document_scores(doc, &stats, tables, &mut base);
    let labels = decode(doc, &base, weights, tables, BEAM, &mut own);
    let mut margins = vec![0.0f32; doc.len()];
    let mut second = vec![0u8; doc.len()];
    for sent in &doc.sentences {
        for i in sent.clone() {
            let kind = type_of(labels[i]);
            if kind == 0 {
                continue;
            }
            let prev = |j: usize| if j > sent.start { labels[j - 1] } else { START };
            let (y1, y2) = (prev(i), if i > sent.start { prev(i - 1) } else { START });
            let own = label_scores(doc, i, y1, weights, tables);
            let scores = step_scores(&base[i], &own, tables.transition(y1, y2));
            let mut best = [f32::NEG_INFINITY; 5];
            for (l, &s) in scores.iter().enumerate() {
                let k = type_of(l as u8) as usize;
                best[k] = if s > best[k] { s } else { best[k] };
            }
            let runner_up = (1..5)
                .filter(|&k| k != kind as usize)
                .max_by(|&a, &b| best[a].total_cmp(&best[b]).then(b.cmp(&a)))
                .unwrap_or(0);
            margins[i] = best[kind as usize] - best[runner_up];
            second[i] = runner_up as u8;
        }
    }
    spare::keep_scores(base);
    Scored {
        labels,
        margins,
        second,
    }
}

fn decode(
    doc: &Doc,
    base: &[Scores],
    weights: &impl Weights,
    tables: &Tables,
    width: usize,
    own: &mut Own,
) -> Vec<u8> {
    let mut labels = vec![0u8; doc.len()];
    let mut scratch = Scratch::default();
    for sent in &doc.sentences {
        if width == 1 {
            decode_greedy(doc, sent, base, weights, tables, &mut labels, own);
        } else {
            decode_sentence(
                doc,
                sent,
                base,
                weights,
                tables,
                width,
                &mut labels,
                own,
                &mut scratch,
            );
        }
    }
    labels
}

/// [`decode_sentence`] with a beam of one, without the beam: each token takes the first of
/// its best allowed labels, as the beam would, from the same scores.
fn decode_greedy(
    doc: &Doc,
    sent: &Range<usize>,
    base: &[Scores],
    weights: &impl Weights,
    tables: &Tables,
    labels: &mut [u8],
    own: &mut Own,
) {
    let (mut y1, mut y2, mut score) = (START, START, 0.0f32);
    for i in sent.clone() {
        let mine = own.get(doc, i, y1, weights, tables);
        let scores = step_scores(&base[i], &mine, tables.transition(y1, y2));
        let max = max_of(&scores);
        // The sequence's score goes into each candidate's, as in the beam, so that rounding
        // ties the same candidates.
        let mut best = (f32::NEG_INFINITY, 0u8);
        let mut todo = allowed_after(y1, i + 1 == sent.end);
        while todo != 0 {
            let l = todo.trailing_zeros() as u8;
            todo &= todo - 1;
            let candidate = score + (scores[l as usize % N_LABELS] - max) * INV_TEMPERATURE;
            if candidate > best.0 {
                best = (candidate, l);
            }
        }
        (score, labels[i]) = best;
        (y2, y1) = (y1, best.1);
    }
}

/// The first pass alone (for training the second: see `train.rs`), over a document prepared
/// with its keys stored ([`Doc::with_keys`]). Its scores are summed key by key in training's
/// order, as they were when the shipped model was trained, so that its labels, and so the
/// second pass's training, are the same to the bit.
#[cfg(feature = "train")]
pub fn first_pass(doc: &Doc, weights: &impl Weights) -> Vec<u8> {
    let tables = Tables::new(weights);
    let base = doc.stored_scores(weights);
    let after_out = doc
        .forms
        .iter()
        .map(|&i| label_scores(doc, i as usize, 0, weights, &tables))
        .collect();
    let mut own = Own::new(doc, after_out, false);
    decode(doc, &base, weights, &tables, FIRST_PASS_BEAM, &mut own)
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
}
