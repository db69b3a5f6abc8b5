//! `parallax train`: trains the entity model on CoNLL-2003 and writes `data/ner/model.bin`.
//!
//! An averaged perceptron (Collins 2002) over the tagger's features, learning from its own
//! greedy decisions. The second pass needs first-pass labels for the training documents that
//! look like the ones it will see at run time, not ones the model has memorised: they come from
//! 4-fold jackknifing (each quarter tagged by a first-pass model trained on the other three).
//! The final model learns both passes; the epoch with the best dev F1 is kept, then weights are
//! pruned and quantised to 8 bits, and the dev F1 of the written file is printed.
//!
//! Reproducible: documents are shuffled by a fixed-seed generator, and nothing depends on hash
//! map iteration order.

use super::conll::{self, ConllDoc};
use crate::ner::gazetteer::Gazetteer;
use crate::ner::model::{quantise, Model};
use crate::ner::tagger::{self, Doc, DocStats, Scores, Weights, N_LABELS, START as START_LABEL};
use crate::text::hash::IdMap;
use std::ops::Range;
use std::time::Instant;

/// Options of `parallax train`.
pub struct Options {
    /// CoNLL training file.
    pub train: String,
    /// CoNLL file for choosing the epoch (never trained on).
    pub dev: String,
    /// Where to write the model.
    pub out: String,
    /// Epochs of the final model; the best on dev is kept.
    pub epochs: usize,
    /// Epochs of each jackknife first-pass model.
    pub jackknife_epochs: usize,
    /// Weights smaller than this (in perceptron updates) are dropped, and features left with
    /// none.
    pub prune: f32,
    /// Weights are stored as multiples of their feature's scale, at most this many (≤ 127).
    pub levels: u8,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            train: "../shared/data/conll2003/train.txt".into(),
            dev: "../shared/data/conll2003/dev.txt".into(),
            out: "data/ner/model.bin".into(),
            epochs: 15,
            jackknife_epochs: 5,
            prune: 1.0,
            levels: 127,
        }
    }
}

impl Options {
    /// Reads `--train F --dev F --out F --epochs N --jackknife-epochs N --prune W --levels N`.
    pub fn parse(args: &[String]) -> Result<Options, String> {
        let mut o = Options::default();
        let mut it = args.iter();
        while let Some(flag) = it.next() {
            let value = it
                .next()
                .ok_or_else(|| format!("{flag} needs a value"))?
                .clone();
            let num = |v: &str| v.parse::<usize>().map_err(|e| format!("{flag}: {e}"));
            match flag.as_str() {
                "--train" => o.train = value,
                "--dev" => o.dev = value,
                "--out" => o.out = value,
                "--epochs" => o.epochs = num(&value)?.max(1),
                "--jackknife-epochs" => o.jackknife_epochs = num(&value)?.max(1),
                "--prune" => o.prune = value.parse().map_err(|e| format!("{flag}: {e}"))?,
                "--levels" => o.levels = num(&value)?.clamp(1, 127) as u8,
                _ => return Err(format!("unknown option {flag}")),
            }
        }
        Ok(o)
    }
}

/// Averaged perceptron weights, with the averaging trick of Daumé (2006): keep `w` and
/// `u` = Σ t·Δw; the average is `w - u / t`.
struct Perceptron {
    index: IdMap<u32, u32>,
    w: Vec<Scores>,
    u: Vec<[f64; N_LABELS]>,
    t: f64,
}

impl Perceptron {
    fn new() -> Perceptron {
        Perceptron {
            index: IdMap::default(),
            w: Vec::new(),
            u: Vec::new(),
            t: 1.0,
        }
    }

    fn update(&mut self, keys: &[u32], gold: u8, pred: u8) {
        for &k in keys {
            let next = self.w.len() as u32;
            let row = *self.index.entry(k).or_insert(next) as usize;
            if row == self.w.len() {
                self.w.push([0.0; N_LABELS]);
                self.u.push([0.0; N_LABELS]);
            }
            self.w[row][gold as usize] += 1.0;
            self.w[row][pred as usize] -= 1.0;
            self.u[row][gold as usize] += self.t;
            self.u[row][pred as usize] -= self.t;
        }
    }

    fn averaged(&self) -> Averaged<'_> {
        let avg = self
            .w
            .iter()
            .zip(&self.u)
            .map(|(w, u)| {
                let mut a = [0.0f32; N_LABELS];
                for l in 0..N_LABELS {
                    a[l] = (f64::from(w[l]) - u[l] / self.t) as f32;
                }
                a
            })
            .collect();
        Averaged {
            index: &self.index,
            avg,
        }
    }
}

impl Weights for Perceptron {
    fn add(&self, key: u32, scores: &mut Scores) {
        if let Some(&row) = self.index.get(&key) {
            for (s, w) in scores.iter_mut().zip(&self.w[row as usize]) {
                *s += w;
            }
        }
    }
}

struct Averaged<'a> {
    index: &'a IdMap<u32, u32>,
    avg: Vec<Scores>,
}

impl Weights for Averaged<'_> {
    fn add(&self, key: u32, scores: &mut Scores) {
        if let Some(&row) = self.index.get(&key) {
            for (s, w) in scores.iter_mut().zip(&self.avg[row as usize]) {
                *s += w;
            }
        }
    }
}

/// A training document: prepared features and gold labels.
struct Example {
    doc: Doc,
    gold: Vec<u8>,
}

/// A small fixed-seed generator (xorshift64*) for the shuffles.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n.max(1)
    }

    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            v.swap(i, self.below(i + 1));
        }
    }
}

/// One greedy pass over a sentence, updating `p` wherever it is wrong.
fn learn_sentence(
    p: &mut Perceptron,
    ex: &Example,
    sent: &Range<usize>,
    stats: Option<&DocStats>,
    keys: &mut Vec<u32>,
) {
    let (mut y1, mut y2) = (START_LABEL, START_LABEL);
    for i in sent.clone() {
        tagger::all_keys(&ex.doc, sent, i, y1, y2, stats, keys);
        let mut scores = [0.0f32; N_LABELS];
        for &k in keys.iter() {
            p.add(k, &mut scores);
        }
        // The model predicts freely, without the BILOU constraints decoding applies: it must
        // learn to score a bad continuation low itself, or the beam cannot weigh a forced one.
        let pred = (0..N_LABELS)
            .max_by(|&a, &b| scores[a].total_cmp(&scores[b]))
            .unwrap_or(0) as u8;
        let gold = ex.gold[i];
        if pred != gold {
            p.update(keys, gold, pred);
        }
        p.t += 1.0;
        (y2, y1) = (y1, pred);
    }
}

/// Jackknifed first-pass labels for every training document.
fn jackknife(examples: &[Example], folds: usize, epochs: usize) -> Vec<Vec<u8>> {
    let mut out = vec![Vec::new(); examples.len()];
    let mut keys = Vec::new();
    for fold in 0..folds {
        let started = Instant::now();
        let mut p = Perceptron::new();
        let mut order: Vec<usize> = (0..examples.len()).filter(|i| i % folds != fold).collect();
        let mut rng = Rng(0x5EED_0000 + fold as u64);
        for _ in 0..epochs {
            rng.shuffle(&mut order);
            for &d in &order {
                for sent in &examples[d].doc.sentences {
                    learn_sentence(&mut p, &examples[d], sent, None, &mut keys);
                }
            }
        }
        let avg = p.averaged();
        for d in (0..examples.len()).filter(|i| i % folds == fold) {
            out[d] = tagger::first_pass(&examples[d].doc, &avg);
        }
        eprintln!(
            "jackknife fold {}/{folds}: {:.1} s",
            fold + 1,
            started.elapsed().as_secs_f64()
        );
    }
    out
}

fn read_docs(path: &str) -> Result<Vec<ConllDoc>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        format!("{path}: {e} (CoNLL-2003 lives in ../shared/data/conll2003; see the README)")
    })?;
    conll::parse(&text).map_err(|e| format!("{path}: {e}"))
}

/// Prunes and quantises averaged weights, in file order.
fn compact(
    index: &IdMap<u32, u32>,
    avg: &[Scores],
    prune: f32,
    levels: u8,
) -> Vec<(u32, i8, [i8; N_LABELS])> {
    let mut features: Vec<(u32, i8, [i8; N_LABELS])> = index
        .iter()
        .filter_map(|(&k, &row)| {
            // Rows added after the chosen epoch have no average yet.
            let mut w = *avg.get(row as usize)?;
            for x in &mut w {
                if x.abs() < prune {
                    *x = 0.0;
                }
            }
            let (e, q) = quantise(&w, levels);
            q.iter().any(|&x| x != 0).then_some((k, e, q))
        })
        .collect();
    features.sort_unstable_by_key(|&(k, _, _)| k);
    features
}

/// Trains the final two-pass model; returns it with the averaged weights of its best epoch on
/// dev.
fn train_final(
    o: &Options,
    examples: &[Example],
    stats: &[DocStats],
    dev: &[ConllDoc],
    dev_docs: &[Doc],
    started: Instant,
) -> (Perceptron, Vec<Scores>) {
    let mut p = Perceptron::new();
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = Rng(0x5EED_FFFF);
    let mut keys = Vec::new();
    let mut best: Option<(f64, usize, Vec<Scores>)> = None;
    for epoch in 1..=o.epochs {
        rng.shuffle(&mut order);
        for &d in &order {
            let ex = &examples[d];
            for sent in &ex.doc.sentences {
                learn_sentence(&mut p, ex, sent, None, &mut keys);
                learn_sentence(&mut p, ex, sent, Some(&stats[d]), &mut keys);
            }
        }
        let avg = p.averaged();
        let mut i = 0;
        let report = conll::evaluate(dev, |_| {
            i += 1;
            tagger::tag(&dev_docs[i - 1], &avg)
        });
        let f = report.overall.prf().2;
        eprintln!(
            "epoch {epoch}: dev F1 {f:.2} ({} features, {:.0} s)",
            p.w.len(),
            started.elapsed().as_secs_f64()
        );
        if best.as_ref().is_none_or(|(bf, _, _)| f > *bf) {
            best = Some((f, epoch, avg.avg));
        }
    }
    let (f, epoch, avg) = best.unwrap_or((0.0, 0, Vec::new()));
    eprintln!("best: epoch {epoch}, dev F1 {f:.2}");
    (p, avg)
}

/// Runs the whole training and writes the model.
pub fn run(o: &Options) -> Result<(), String> {
    let started = Instant::now();
    let gaz = Gazetteer::embedded();
    let train = read_docs(&o.train)?;
    let dev = read_docs(&o.dev)?;
    let examples: Vec<Example> = train
        .iter()
        .map(|d| Example {
            doc: Doc::with_keys(&d.word_refs(), &d.sentences, &gaz),
            gold: d.labels(),
        })
        .collect();
    let dev_docs: Vec<Doc> = dev
        .iter()
        .map(|d| Doc::new(&d.word_refs(), &d.sentences, &gaz))
        .collect();
    eprintln!(
        "{} training documents, {} dev documents, features ready in {:.1} s",
        train.len(),
        dev.len(),
        started.elapsed().as_secs_f64()
    );
    let first = jackknife(&examples, 4, o.jackknife_epochs);
    let stats: Vec<DocStats> = examples
        .iter()
        .zip(first)
        .map(|(ex, labels)| DocStats::new(&ex.doc, labels))
        .collect();
    let (p, avg) = train_final(o, &examples, &stats, &dev, &dev_docs, started);
    let features = compact(&p.index, &avg, o.prune, o.levels);
    let bytes = Model::write(&features);
    let model = Model::read(&bytes).map_err(|e| format!("written model does not read: {e}"))?;
    let mut i = 0;
    let report = conll::evaluate(&dev, |_| {
        i += 1;
        tagger::tag(&dev_docs[i - 1], &model)
    });
    std::fs::write(&o.out, &bytes).map_err(|e| format!("{}: {e}", o.out))?;
    eprintln!(
        "wrote {} ({} features, {} bytes) in {:.0} s; dev with the written model:",
        o.out,
        features.len(),
        bytes.len(),
        started.elapsed().as_secs_f64()
    );
    report
        .print(&mut std::io::stderr())
        .map_err(|e| e.to_string())
}
