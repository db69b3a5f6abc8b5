//! `parallax train`: trains the entity model and writes `data/ner/model.bin`; `parallax train
//! --cv` chooses how, by cross-validation.
//!
//! An averaged perceptron (Collins 2002) over the tagger's features, learning from its own
//! greedy decisions. The second pass needs first-pass labels for the training documents that
//! look like the ones it will see at run time, not ones the model has memorised: they come from
//! jackknifing (each fold tagged by a first-pass model trained on the other folds).
//!
//! The data (see `data/ner/README.md`): CoNLL-2003 English train and dev, the reference, and the
//! openly licensed sets of `../shared/data/ner-extra/` at lower weights ([`RECIPE`]). A set that
//! never tags MISC is not taught that MISC names are O: a MISC guess on its O tokens is not
//! corrected. Weights, epochs and features are chosen by `--cv`: K-fold cross-validation over
//! the CoNLL train documents (the extra sets always train), scored on the held-out fold with
//! CoNLL's own labels. The shipped model then learns from train, dev and the extra sets for the
//! chosen number of epochs; weights are pruned and quantised to 8 bits.
//!
//! Reproducible: documents are shuffled by a fixed-seed generator, folds are fixed, and nothing
//! depends on hash map iteration order or on the number of threads.

use super::conll::{self, ConllDoc};
use crate::ner::lexicon::Lexicon;
use crate::ner::mention::Kind;
use crate::ner::model::{quantise, Model};
use crate::ner::tagger::{
    self, label, part, Doc, DocStats, Part, Scores, Weights, N_LABELS, START as START_LABEL,
};
use crate::parallel;
use crate::text::hash::IdMap;
use std::ops::Range;
use std::time::Instant;

/// One extra training set: its file under the extra-data directory, its weight against
/// CoNLL's 1, and whether it tags MISC as CoNLL does (a set that does not has its MISC labels
/// dropped and its O tokens never penalise a MISC guess).
#[derive(Clone, Debug, PartialEq)]
pub struct Extra {
    /// File name, under [`Options::extra_dir`].
    pub file: String,
    /// Weight of each update, against CoNLL's 1.
    pub weight: f32,
    /// Whether its MISC labels are CoNLL's.
    pub misc: bool,
}

/// The extra sets the shipped model learns from, with their weights, chosen by `--cv` (see
/// `data/ner/README.md` for the figures). Sets whose MISC is partial (UNER EWT tags only some,
/// WNUT-17 only works and products) or absent (BTC) are read without it.
pub const RECIPE: &[(&str, f32, bool)] = &[
    ("wikigold.txt", 0.3, true),
    ("crossner-politics.txt", 0.3, true),
    ("crossner-science.txt", 0.3, true),
    ("crossner-music.txt", 0.3, true),
    ("crossner-literature.txt", 0.3, true),
    ("crossner-ai.txt", 0.3, true),
    ("uner-ewt-train.txt", 0.3, false),
    ("wnut17-train.txt", 0.3, false),
    ("btc.txt", 0.3, false),
    ("redocred-dev.txt", 0.3, true),
];

/// Options of `parallax train`.
pub struct Options {
    /// CoNLL-2003 training file.
    pub train: String,
    /// CoNLL-2003 dev file: trained on by the final model, never by `--cv`; `none` leaves it
    /// out (to score the model end to end on dev, as `eval-conll --documents` does).
    pub dev: String,
    /// Directory of the extra sets.
    pub extra_dir: String,
    /// The extra sets.
    pub extras: Vec<Extra>,
    /// Where to write the model.
    pub out: String,
    /// Epochs of the final model; with `--cv`, the most epochs tried.
    pub epochs: usize,
    /// Epochs of each jackknife first-pass model.
    pub jackknife_epochs: usize,
    /// Folds of the jackknife and of `--cv`.
    pub folds: usize,
    /// Cross-validate instead of training the final model.
    pub cv: bool,
    /// Weights smaller than this (in perceptron updates) are dropped, and features left with
    /// none.
    pub prune: f32,
    /// Weights are stored as multiples of their feature's scale, at most this many (≤ 127).
    pub levels: u8,
    /// A modern set scored once the model is written (never used to choose anything), read
    /// without MISC.
    pub hold_out: Option<String>,
    /// Train without word classes (every word classless), to measure what they bring; for
    /// `--cv` only, since the tagger always reads the embedded classes.
    pub no_classes: bool,
    /// With `--cv`: other sets each fold's model is scored on after every epoch (read without
    /// MISC), to see what a choice does beyond 1996 newswire.
    pub also: Vec<String>,
    /// With `--cv`: ways of writing the model tried on each fold's last model, as
    /// (feature budget, levels, relative prune): see `max_features`, `levels`, `relative_prune`.
    pub prune_tries: Vec<(usize, u8, f32)>,
    /// Weights smaller than this share of their feature's largest are dropped.
    pub relative_prune: f32,
    /// The most features written: the most important are kept (see `compact`).
    pub max_features: usize,
    /// Label-independent features seen fewer times than this in all the training text are not
    /// learnt: rare features are noise, and most of the model's size.
    pub min_count: u32,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            train: "../shared/data/conll2003/train.txt".into(),
            dev: "../shared/data/conll2003/dev.txt".into(),
            extra_dir: "../shared/data/ner-extra".into(),
            extras: RECIPE
                .iter()
                .map(|&(file, weight, misc)| Extra {
                    file: file.into(),
                    weight,
                    misc,
                })
                .collect(),
            out: "data/ner/model.bin".into(),
            epochs: 8,
            jackknife_epochs: 5,
            folds: 5,
            cv: false,
            prune: 0.0,
            levels: 15,
            hold_out: Some("../shared/data/ner-extra/uner-pud.txt".into()),
            no_classes: false,
            also: Vec::new(),
            prune_tries: Vec::new(),
            min_count: 15,
            max_features: 27_000,
            relative_prune: 0.1,
        }
    }
}

impl Options {
    /// Reads `--train F --dev F --extra-dir D --extras LIST --out F --epochs N
    /// --jackknife-epochs N --folds N --cv --prune W --levels N --hold-out F|none`. `LIST` is
    /// `file:weight[:nomisc],...` (or `none`), replacing [`RECIPE`].
    pub fn parse(args: &[String]) -> Result<Options, String> {
        let mut o = Options::default();
        let mut it = args.iter();
        while let Some(flag) = it.next() {
            if flag == "--cv" || flag == "--no-classes" {
                o.cv |= flag == "--cv";
                o.no_classes |= flag == "--no-classes";
                continue;
            }
            let value = it
                .next()
                .ok_or_else(|| format!("{flag} needs a value"))?
                .clone();
            let num = |v: &str| v.parse::<usize>().map_err(|e| format!("{flag}: {e}"));
            match flag.as_str() {
                "--train" => o.train = value,
                "--dev" => o.dev = value,
                "--extra-dir" => o.extra_dir = value,
                "--extras" => o.extras = parse_extras(&value)?,
                "--out" => o.out = value,
                "--epochs" => o.epochs = num(&value)?.max(1),
                "--jackknife-epochs" => o.jackknife_epochs = num(&value)?.max(1),
                "--folds" => o.folds = num(&value)?.max(2),
                "--prune" => o.prune = value.parse().map_err(|e| format!("{flag}: {e}"))?,
                "--levels" => o.levels = num(&value)?.clamp(1, 127) as u8,
                "--hold-out" => o.hold_out = (value != "none").then_some(value),
                "--also" => o.also.push(value),
                "--min-count" => o.min_count = num(&value)? as u32,
                "--max-features" => o.max_features = num(&value)?,
                "--relative-prune" => {
                    o.relative_prune = value.parse().map_err(|e| format!("{flag}: {e}"))?
                }
                "--prune-tries" => {
                    o.prune_tries = value
                        .split(',')
                        .map(|v| {
                            let p: Vec<&str> = v.split(':').collect();
                            let bad = || format!("{flag}: {v} is not features:levels:relative");
                            match p[..] {
                                [n, l, r] => Ok((
                                    n.parse().map_err(|_| bad())?,
                                    l.parse().map_err(|_| bad())?,
                                    r.parse().map_err(|_| bad())?,
                                )),
                                _ => Err(bad()),
                            }
                        })
                        .collect::<Result<_, String>>()?;
                }
                _ => return Err(format!("unknown option {flag}")),
            }
        }
        Ok(o)
    }
}

fn parse_extras(list: &str) -> Result<Vec<Extra>, String> {
    if list == "none" {
        return Ok(Vec::new());
    }
    list.split(',')
        .map(|item| {
            let mut parts = item.split(':');
            let file = parts.next().unwrap_or("").to_string();
            let weight = parts
                .next()
                .ok_or_else(|| format!("--extras: {item} needs file:weight"))?
                .parse::<f32>()
                .map_err(|e| format!("--extras: {item}: {e}"))?;
            let misc = match parts.next() {
                None => true,
                Some("nomisc") => false,
                Some(other) => return Err(format!("--extras: {item}: unknown flag {other}")),
            };
            Ok(Extra { file, weight, misc })
        })
        .collect()
}

/// Averaged perceptron weights, with the averaging trick of Daumé (2006): keep `w` and
/// `u` = Σ t·Δw; the average is `w - u / t`.
struct Perceptron {
    index: IdMap<u32, u32>,
    w: Vec<Scores>,
    u: Vec<[f64; N_LABELS]>,
    t: f64,
    /// How often each feature fired while training (from when it was first updated).
    fired: Vec<u32>,
}

impl Perceptron {
    fn new() -> Perceptron {
        Perceptron {
            index: IdMap::default(),
            w: Vec::new(),
            u: Vec::new(),
            t: 1.0,
            fired: Vec::new(),
        }
    }

    fn update(&mut self, keys: &[u32], gold: u8, pred: u8, step: f32) {
        for &k in keys {
            let next = self.w.len() as u32;
            let row = *self.index.entry(k).or_insert(next) as usize;
            if row == self.w.len() {
                self.w.push([0.0; N_LABELS]);
                self.u.push([0.0; N_LABELS]);
                self.fired.push(0);
            }
            self.w[row][gold as usize] += step;
            self.w[row][pred as usize] -= step;
            self.u[row][gold as usize] += self.t * f64::from(step);
            self.u[row][pred as usize] -= self.t * f64::from(step);
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

/// A training document: prepared features, gold labels, and how it teaches.
struct Example {
    doc: Doc,
    gold: Vec<u8>,
    /// Update size.
    weight: f32,
    /// Whether its O tokens say "not MISC" too.
    misc: bool,
    /// Its fold, for the jackknife and for `--cv` (CoNLL train documents only are held out).
    fold: usize,
    /// A CoNLL train document (may be held out by `--cv`).
    conll_train: bool,
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

fn is_misc(l: u8) -> bool {
    matches!(
        part(l),
        Part::Begin(Kind::Misc)
            | Part::Inside(Kind::Misc)
            | Part::Last(Kind::Misc)
            | Part::Unit(Kind::Misc)
    )
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
            if let Some(&row) = p.index.get(&k) {
                for (s, w) in scores.iter_mut().zip(&p.w[row as usize]) {
                    *s += w;
                }
                p.fired[row as usize] = p.fired[row as usize].saturating_add(1);
            }
        }
        // The model predicts freely, without the BILOU constraints decoding applies: it must
        // learn to score a bad continuation low itself, or the beam cannot weigh a forced one.
        let pred = (0..N_LABELS)
            .max_by(|&a, &b| scores[a].total_cmp(&scores[b]))
            .unwrap_or(0) as u8;
        let gold = ex.gold[i];
        // A set that never tags MISC cannot say a MISC guess on its O token is wrong.
        let unobserved = !ex.misc && gold == 0 && is_misc(pred);
        if pred != gold && !unobserved {
            p.update(keys, gold, pred, ex.weight);
        }
        p.t += 1.0;
        (y2, y1) = (y1, pred);
    }
}

/// One epoch over `order`, both passes of each sentence when `stats` is given, else the first.
fn epoch(
    p: &mut Perceptron,
    examples: &[Example],
    order: &[usize],
    stats: Option<&[DocStats]>,
    keys: &mut Vec<u32>,
) {
    for &d in order {
        let ex = &examples[d];
        for sent in &ex.doc.sentences {
            learn_sentence(p, ex, sent, None, keys);
            if let Some(stats) = stats {
                learn_sentence(p, ex, sent, Some(&stats[d]), keys);
            }
        }
    }
}

/// Jackknifed first-pass labels for every example: each fold tagged by a first-pass model
/// trained on the others (folds on threads of their own; the same labels on one thread).
fn jackknife(examples: &[Example], folds: usize, epochs: usize) -> Vec<Vec<u8>> {
    let fold_ids: Vec<usize> = (0..folds).collect();
    let per_fold = parallel::map(&fold_ids, |&fold| {
        let started = Instant::now();
        let mut p = Perceptron::new();
        let mut order: Vec<usize> = (0..examples.len())
            .filter(|&i| examples[i].fold != fold)
            .collect();
        let mut rng = Rng(0x5EED_0000 + fold as u64);
        let mut keys = Vec::new();
        for _ in 0..epochs {
            rng.shuffle(&mut order);
            epoch(&mut p, examples, &order, None, &mut keys);
        }
        let avg = p.averaged();
        let labels: Vec<(usize, Vec<u8>)> = (0..examples.len())
            .filter(|&i| examples[i].fold == fold)
            .map(|d| (d, tagger::first_pass(&examples[d].doc, &avg)))
            .collect();
        eprintln!(
            "jackknife fold {}/{folds}: {:.1} s",
            fold + 1,
            started.elapsed().as_secs_f64()
        );
        labels
    });
    let mut out = vec![Vec::new(); examples.len()];
    for (d, labels) in per_fold.into_iter().flatten() {
        out[d] = labels;
    }
    out
}

fn read_docs(path: &str) -> Result<Vec<ConllDoc>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        format!("{path}: {e} (the training data lives in ../shared/data; see the README)")
    })?;
    conll::parse(&text).map_err(|e| format!("{path}: {e}"))
}

/// Prunes and quantises averaged weights, in file order: weights under `prune` are dropped, and
/// of the features left the `budget` most important are kept, importance being how much a
/// feature moves the scores in training (times fired × its largest weight).
fn compact(
    p: &Perceptron,
    avg: &[Scores],
    prune: f32,
    relative: f32,
    budget: usize,
    levels: u8,
) -> Vec<(u32, i8, [i8; N_LABELS])> {
    let mut features: Vec<(f32, u32, i8, [i8; N_LABELS])> = p
        .index
        .iter()
        .filter_map(|(&k, &row)| {
            let mut w = *avg.get(row as usize)?;
            let max = w.iter().fold(0.0f32, |m, x| m.max(x.abs()));
            for x in &mut w {
                if x.abs() < prune.max(relative * max) {
                    *x = 0.0;
                }
            }
            let (e, q) = quantise(&w, levels);
            let importance = max * p.fired.get(row as usize).copied().unwrap_or(0) as f32;
            q.iter().any(|&x| x != 0).then_some((importance, k, e, q))
        })
        .collect();
    features.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    features.truncate(budget);
    let mut kept: Vec<(u32, i8, [i8; N_LABELS])> =
        features.into_iter().map(|(_, k, e, q)| (k, e, q)).collect();
    kept.sort_unstable_by_key(|&(k, _, _)| k);
    kept
}

/// The training examples of `docs`.
fn examples(
    docs: &[ConllDoc],
    lex: &Lexicon,
    weight: f32,
    misc: bool,
    conll_train: bool,
    folds: usize,
    rng: &mut Rng,
) -> Vec<Example> {
    docs.iter()
        .map(|d| {
            let mut gold = d.labels();
            if !misc {
                for l in &mut gold {
                    if is_misc(*l) {
                        *l = label(Part::Out);
                    }
                }
            }
            Example {
                doc: Doc::with_keys(&d.word_refs(), &d.sentences, lex),
                gold,
                weight,
                misc,
                fold: rng.below(folds),
                conll_train,
            }
        })
        .collect()
}

/// Runs `parallax train` (or `--cv`).
pub fn run(o: &Options) -> Result<(), String> {
    let started = Instant::now();
    let mut lex = Lexicon::embedded();
    if o.no_classes {
        if !o.cv {
            return Err("--no-classes goes with --cv: the tagger always reads the classes".into());
        }
        lex.classes = crate::ner::wordclass::WordClasses::parse("");
    }
    let train = read_docs(&o.train)?;
    let dev = if o.dev == "none" {
        Vec::new()
    } else {
        read_docs(&o.dev)?
    };
    let mut rng = Rng(0x5EED_F01D);
    let mut all = examples(&train, &lex, 1.0, true, true, o.folds, &mut rng);
    if !o.cv {
        all.extend(examples(&dev, &lex, 1.0, true, false, o.folds, &mut rng));
    }
    for extra in &o.extras {
        let docs = read_docs(&format!("{}/{}", o.extra_dir, extra.file))?;
        let before = all.len();
        all.extend(examples(
            &docs,
            &lex,
            extra.weight,
            extra.misc,
            false,
            o.folds,
            &mut rng,
        ));
        eprintln!(
            "{}: {} documents, weight {}{}",
            extra.file,
            all.len() - before,
            extra.weight,
            if extra.misc { "" } else { ", no MISC" }
        );
    }
    let mut counts: IdMap<u32, u32> = IdMap::default();
    for ex in &all {
        for &k in ex.doc.stored_keys() {
            *counts.entry(k).or_insert(0) += 1;
        }
    }
    let frequent = |k: u32| counts.get(&k).is_some_and(|&c| c >= o.min_count);
    for ex in &mut all {
        ex.doc.retain_keys(frequent);
    }
    eprintln!(
        "{} of {} static features seen {} times or more",
        counts.values().filter(|&&c| c >= o.min_count).count(),
        counts.len(),
        o.min_count
    );
    let tokens: usize = all.iter().map(|e| e.doc.len()).sum();
    eprintln!(
        "{} documents, {tokens} tokens, features ready in {:.1} s",
        all.len(),
        started.elapsed().as_secs_f64()
    );
    let first = jackknife(&all, o.folds, o.jackknife_epochs);
    let stats: Vec<DocStats> = all
        .iter()
        .zip(first)
        .map(|(ex, labels)| DocStats::new(&ex.doc, labels))
        .collect();
    if o.cv {
        return cross_validate(o, &all, &stats, &train, &lex, started);
    }
    let mut p = Perceptron::new();
    let mut order: Vec<usize> = (0..all.len()).collect();
    let mut rng = Rng(0x5EED_FFFF);
    let mut keys = Vec::new();
    for e in 1..=o.epochs {
        rng.shuffle(&mut order);
        epoch(&mut p, &all, &order, Some(&stats), &mut keys);
        eprintln!(
            "epoch {e}: {} features, {:.0} s",
            p.w.len(),
            started.elapsed().as_secs_f64()
        );
    }
    let avg = p.averaged();
    let features = compact(
        &p,
        &avg.avg,
        o.prune,
        o.relative_prune,
        o.max_features,
        o.levels,
    );
    let bytes = Model::write(&features);
    let model = Model::read(&bytes).map_err(|e| format!("written model does not read: {e}"))?;
    std::fs::write(&o.out, &bytes).map_err(|e| format!("{}: {e}", o.out))?;
    eprintln!(
        "wrote {} ({} features, {} bytes) in {:.0} s",
        o.out,
        features.len(),
        bytes.len(),
        started.elapsed().as_secs_f64()
    );
    if let Some(path) = &o.hold_out {
        let mut docs = read_docs(path)?;
        for d in &mut docs {
            d.names.retain(|(_, k)| *k != Kind::Misc);
        }
        let report = conll::evaluate_filtered(
            &docs,
            |d| tagger::tag(&Doc::new(&d.word_refs(), &d.sentences, &lex), &model),
            true,
        );
        eprintln!("hold-out {path} (model alone, no MISC):");
        report
            .print(&mut std::io::stderr())
            .map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// `--cv`: for each fold of the CoNLL train documents, a model trained on everything else is
/// scored on the fold after every epoch; prints F1 by epoch, averaged over folds.
fn cross_validate(
    o: &Options,
    all: &[Example],
    stats: &[DocStats],
    train: &[ConllDoc],
    lex: &Lexicon,
    started: Instant,
) -> Result<(), String> {
    let also: Vec<(String, Vec<ConllDoc>, Vec<Doc>)> = o
        .also
        .iter()
        .map(|path| {
            let mut docs = read_docs(path)?;
            for d in &mut docs {
                d.names.retain(|(_, k)| *k != Kind::Misc);
            }
            let prepared = docs
                .iter()
                .map(|d| Doc::new(&d.word_refs(), &d.sentences, lex))
                .collect();
            Ok((path.clone(), docs, prepared))
        })
        .collect::<Result<_, String>>()?;
    let fold_ids: Vec<usize> = (0..o.folds).collect();
    // Per fold, per epoch: counts on the held-out fold, then on each `also` set.
    #[allow(clippy::type_complexity)]
    // (per epoch, per set) counts, and (features, counts) per threshold
    let per_fold: Vec<(Vec<Vec<conll::Counts>>, Vec<(usize, conll::Counts)>)> =
        parallel::map(&fold_ids, |&fold| {
            let held: Vec<usize> = (0..train.len())
                .filter(|&i| all[i].conll_train && all[i].fold == fold)
                .collect();
            let held_docs: Vec<Doc> = held
                .iter()
                .map(|&i| Doc::new(&train[i].word_refs(), &train[i].sentences, lex))
                .collect();
            let mut order: Vec<usize> = (0..all.len())
                .filter(|&i| !(all[i].conll_train && all[i].fold == fold))
                .collect();
            let mut p = Perceptron::new();
            let mut rng = Rng(0x5EED_FFFF ^ fold as u64);
            let mut keys = Vec::new();
            let mut by_epoch = Vec::new();
            for e in 1..=o.epochs {
                rng.shuffle(&mut order);
                epoch(&mut p, all, &order, Some(stats), &mut keys);
                let avg = p.averaged();
                let mut report = conll::Report::default();
                for (&i, doc) in held.iter().zip(&held_docs) {
                    report.add(&train[i], &tagger::tag(doc, &avg));
                }
                let mut counts = vec![report.overall];
                for (_, docs, prepared) in &also {
                    let mut r = conll::Report::default();
                    for (d, doc) in docs.iter().zip(prepared) {
                        r.add_filtered(d, &tagger::tag(doc, &avg), true);
                    }
                    counts.push(r.overall);
                }
                eprintln!(
                    "fold {}/{} epoch {e}: F1 {:.2} ({:.0} s)",
                    fold + 1,
                    o.folds,
                    report.overall.prf().2,
                    started.elapsed().as_secs_f64()
                );
                by_epoch.push(counts);
            }
            // The last model as it would be written, each way tried: (bytes, counts).
            let avg = p.averaged();
            let pruned: Vec<(usize, conll::Counts)> = o
                .prune_tries
                .iter()
                .map(|&(budget, levels, relative)| {
                    let features = compact(&p, &avg.avg, 0.0, relative, budget, levels);
                    let bytes = Model::write(&features);
                    let model = Model::read(&bytes).expect("a written model reads");
                    let mut report = conll::Report::default();
                    for (&i, doc) in held.iter().zip(&held_docs) {
                        report.add(&train[i], &tagger::tag(doc, &model));
                    }
                    (bytes.len(), report.overall)
                })
                .collect();
            (by_epoch, pruned)
        });
    let (per_fold, pruned): (Vec<_>, Vec<_>) = per_fold.into_iter().unzip();
    println!(
        "cross-validated F1 on CoNLL-2003 train ({} folds), by epoch{}:",
        o.folds,
        if also.is_empty() {
            String::new()
        } else {
            format!(
                "; then each fold's model on {} (no MISC), mean",
                also.iter()
                    .map(|a| a.0.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        }
    );
    let mut best = (0.0, 0);
    for e in 0..o.epochs {
        let mut line = format!("epoch {:2}:", e + 1);
        for set in 0..=also.len() {
            let mut sum = conll::Counts::default();
            for f in &per_fold {
                sum.found += f[e][set].found;
                sum.gold += f[e][set].gold;
                sum.correct += f[e][set].correct;
            }
            let (p, r, f1) = sum.prf();
            if set == 0 {
                line.push_str(&format!(" P {p:.2} R {r:.2} F1 {f1:.2}"));
                if f1 > best.0 {
                    best = (f1, e + 1);
                }
            } else {
                line.push_str(&format!(" | {f1:.2}"));
            }
        }
        println!("{line}");
    }
    println!("best: epoch {} (F1 {:.2})", best.1, best.0);
    for (t, &(budget, levels, relative)) in o.prune_tries.iter().enumerate() {
        let mut sum = conll::Counts::default();
        let mut bytes = 0;
        for f in &pruned {
            bytes += f[t].0;
            sum.found += f[t].1.found;
            sum.gold += f[t].1.gold;
            sum.correct += f[t].1.correct;
        }
        println!(
            "written at epoch {} with {budget} features, {levels} levels, relative prune {relative}: F1 {:.2}, {} bytes (fold mean)",
            o.epochs,
            sum.prf().2,
            bytes / pruned.len().max(1)
        );
    }
    Ok(())
}
