//! Scoring the comparison's verdict on graded rewrites: pairs of a source text and a text made
//! from it by cutting (`cut`), light or heavy rewriting (`light`, `heavy`), or written apart from
//! it (`none`), as the Clough & Stevenson corpus of short answers grades them. `cut` should be
//! "wholly derived", `light` and `heavy` "partly", `none` "not".
//!
//! Besides the score with the shipped thresholds it chooses both thresholds by leave-one-topic-
//! out cross-validation (each topic's pairs are judged with the thresholds best on the other
//! topics), so that the figure says how well thresholds chosen this way carry to new texts.

use crate::compare::reuse::CoverShares;
use crate::compare::{compare_with, CompareOptions, Comparison, Verdict};
use crate::parallel;
use serde::Deserialize;
use std::collections::BTreeMap;

/// One graded pair, as a line of the graded file.
#[derive(Deserialize)]
struct Graded {
    topic: String,
    grade: String,
    a: String,
    b: String,
}

/// What the verdict is computed from, for one pair.
#[derive(Clone, Copy)]
struct Point {
    /// Its place in the list of points, for looking up what cross-validation judged it.
    index: usize,
    topic: usize,
    truth: Verdict,
    shares: CoverShares,
    rewritten: usize,
}

const CLASSES: [Verdict; 3] = [Verdict::Wholly, Verdict::Partly, Verdict::Not];

fn truth_of(grade: &str) -> Option<Verdict> {
    match grade {
        "cut" => Some(Verdict::Wholly),
        "light" | "heavy" => Some(Verdict::Partly),
        "none" => Some(Verdict::Not),
        _ => None,
    }
}

fn verdict_at(p: &Point, wholly: f64, partly: f64) -> Verdict {
    Verdict::at(&p.shares, wholly, partly)
}

/// Macro-averaged F1 over the three verdicts of `pairs` judged by `judge`.
fn macro_f1<'p>(
    pairs: impl Iterator<Item = &'p Point> + Clone,
    judge: impl Fn(&Point) -> Verdict,
) -> f64 {
    CLASSES
        .iter()
        .map(|&c| {
            let (mut tp, mut fp, mut fn_) = (0.0, 0.0, 0.0);
            for p in pairs.clone() {
                let got = judge(p);
                match (got == c, p.truth == c) {
                    (true, true) => tp += 1.0,
                    (true, false) => fp += 1.0,
                    (false, true) => fn_ += 1.0,
                    _ => {}
                }
            }
            if tp == 0.0 {
                0.0
            } else {
                2.0 * tp / (2.0 * tp + fp + fn_)
            }
        })
        .sum::<f64>()
        / CLASSES.len() as f64
}

/// The thresholds, on a grid of hundredths, that give `pairs` the best macro-F1; of equals,
/// the middle of the best stretch of the wholly threshold, then of the partly threshold, so
/// that a choice does not sit on the edge of what the data allow.
fn best_thresholds(pairs: &[&Point]) -> (f64, f64) {
    let grid: Vec<f64> = (0..=100).map(|k| f64::from(k) / 100.0).collect();
    let mut best = (f64::NEG_INFINITY, Vec::new());
    for &w in &grid {
        for &p in grid.iter().filter(|&&p| p <= w) {
            let f = macro_f1(pairs.iter().copied(), |x| verdict_at(x, w, p));
            if f > best.0 + 1e-12 {
                best = (f, vec![(w, p)]);
            } else if (f - best.0).abs() <= 1e-12 {
                best.1.push((w, p));
            }
        }
    }
    let ties = best.1;
    let ws: Vec<f64> = ties.iter().map(|t| t.0).collect();
    let w = ws[ws.len() / 2];
    let ps: Vec<f64> = ties.iter().filter(|t| t.0 == w).map(|t| t.1).collect();
    (w, ps[ps.len() / 2])
}

/// Scores the verdict on the graded pairs of `file` (JSON lines `{"topic", "grade", "a",
/// "b"}`), with `options` for every comparison, and writes the report.
///
/// # Errors
/// The file cannot be read, a line is not a graded pair, or writing fails.
pub fn eval_reuse(
    file: &str,
    options: &CompareOptions,
    out: &mut impl std::io::Write,
) -> Result<(), String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("{file}: {e}"))?;
    let mut pairs = Vec::new();
    for (n, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let g: Graded = serde_json::from_str(line).map_err(|e| format!("{file}:{}: {e}", n + 1))?;
        let truth = truth_of(&g.grade)
            .ok_or_else(|| format!("{file}:{}: unknown grade {:?}", n + 1, g.grade))?;
        pairs.push((g, truth));
    }
    let compared: Vec<Result<Comparison, String>> = parallel::map(&pairs, |(g, _)| {
        compare_with(&g.a, &g.b, options.clone()).map_err(|e| e.to_string())
    });
    let mut topics: BTreeMap<&str, usize> = BTreeMap::new();
    let mut points = Vec::new();
    let mut grades: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for ((g, truth), c) in pairs.iter().zip(compared) {
        let c = c?;
        let n = topics.len();
        let topic = *topics.entry(g.topic.as_str()).or_insert(n);
        grades
            .entry(g.grade.as_str())
            .or_default()
            .push(points.len());
        points.push(Point {
            index: points.len(),
            topic,
            truth: *truth,
            shares: c.unquoted_b.shares(),
            rewritten: c
                .passages
                .iter()
                .filter(|p| p.kind == crate::compare::reuse::PassageKind::Rewritten)
                .count(),
        });
    }
    let io = |e: std::io::Error| e.to_string();
    writeln!(out, "{} pairs, {} topics", points.len(), topics.len()).map_err(io)?;
    writeln!(
        out,
        "B's words outside quotations, mean shares:\n\
         grade   pairs  verbatim  aligned  reused (range)      rewritten  wholly/partly/not"
    )
    .map_err(io)?;
    for (grade, members) in &grades {
        let n = members.len() as f64;
        let mean =
            |f: &dyn Fn(&Point) -> f64| members.iter().map(|&i| f(&points[i])).sum::<f64>() / n;
        let said = |v: Verdict| {
            members
                .iter()
                .filter(|&&i| Verdict::of_shares(&points[i].shares) == v)
                .count()
        };
        let reused: Vec<f64> = members.iter().map(|&i| points[i].shares.reused).collect();
        let lo = reused.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = reused.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        writeln!(
            out,
            "{grade:<7} {:>5}  {:>8.3}  {:>7.3}  {:>6.3} ({lo:.2}-{hi:.2})  {:>9.2}  {}/{}/{}",
            members.len(),
            mean(&|p| p.shares.verbatim),
            mean(&|p| p.shares.aligned),
            mean(&|p| p.shares.reused),
            mean(&|p| p.rewritten as f64),
            said(Verdict::Wholly),
            said(Verdict::Partly),
            said(Verdict::Not)
        )
        .map_err(io)?;
    }
    let shipped = |p: &Point| Verdict::of_shares(&p.shares);
    let plagiarised = |judge: &dyn Fn(&Point) -> Verdict| {
        points
            .iter()
            .filter(|p| (judge(p) == Verdict::Not) == (p.truth == Verdict::Not))
            .count() as f64
            / points.len().max(1) as f64
    };
    writeln!(
        out,
        "\nshipped thresholds (wholly at {:.2} verbatim, partly at {:.2} aligned or {:.2} \
         reused): macro-F1 {:.3}, derived-or-not accuracy {:.3}",
        crate::compare::WHOLLY_DERIVED_SHARE,
        crate::compare::PARTLY_ALIGNED_SHARE,
        crate::compare::PARTLY_DERIVED_SHARE,
        macro_f1(points.iter(), shipped),
        plagiarised(&shipped)
    )
    .map_err(io)?;
    // Leave one topic out: each topic judged with the thresholds best on the others.
    let mut judged = vec![Verdict::Not; points.len()];
    let mut chosen = Vec::new();
    for t in 0..topics.len() {
        let others: Vec<&Point> = points.iter().filter(|p| p.topic != t).collect();
        let (w, p) = best_thresholds(&others);
        chosen.push((w, p));
        for (k, x) in points.iter().enumerate().filter(|(_, x)| x.topic == t) {
            judged[k] = verdict_at(x, w, p);
        }
    }
    let cv = |x: &Point| judged[x.index];
    let all: Vec<&Point> = points.iter().collect();
    let (w, p) = best_thresholds(&all);
    let spread = |f: fn(&(f64, f64)) -> f64| {
        let mut v: Vec<f64> = chosen.iter().map(f).collect();
        v.sort_by(f64::total_cmp);
        (
            v.first().copied().unwrap_or(0.0),
            v.last().copied().unwrap_or(0.0),
        )
    };
    let (w_lo, w_hi) = spread(|c| c.0);
    let (p_lo, p_hi) = spread(|c| c.1);
    writeln!(
        out,
        "leave one topic out: macro-F1 {:.3}, derived-or-not accuracy {:.3} (thresholds chosen \
         per fold: wholly {w_lo:.2}-{w_hi:.2}, partly {p_lo:.2}-{p_hi:.2})\n\
         best on all pairs: wholly at {w:.2}, partly at {p:.2} (macro-F1 {:.3})",
        macro_f1(points.iter(), cv),
        plagiarised(&cv),
        macro_f1(points.iter(), |x| verdict_at(x, w, p)),
    )
    .map_err(io)
}

/// One pair of the rewritten-sentence set: whether B restates A, and whether Parallax says so.
#[derive(Clone, Debug)]
pub struct SentencePair {
    /// The sentence of the article, as found.
    pub a: String,
    /// The hand-written sentence.
    pub b: String,
    /// Whether B was written as a restatement of A (label `rewritten`, else `other`).
    pub restates: bool,
    /// Whether [`crate::compare::rewritten::rewritten`] finds it one.
    pub found: bool,
}

/// The sentence of `text` that starts at `locator` (white space folded): up to the first `.`,
/// `!` or `?` (and a closing quote) before white space or the end.
fn sentence_at(text: &str, locator: &str) -> Option<String> {
    let folded = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let start = folded.find(locator)?;
    let rest = &folded[start..];
    let mut end = rest.len();
    let mut chars = rest.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if matches!(c, '.' | '!' | '?') {
            let mut stop = i + c.len_utf8();
            while let Some(&(j, q @ ('”' | '"' | '’' | '\''))) = chars.peek() {
                stop = j + q.len_utf8();
                chars.next();
            }
            if chars.peek().is_none_or(|&(_, n)| n == ' ') {
                end = stop;
                break;
            }
        }
    }
    Some(rest[..end].to_string())
}

/// Reads the rewritten-sentence set `file` (TSV: `label`, `source` relative to `shared`,
/// `locator`, `b`), finds each A sentence in its source (an HTML source is read as `extract`
/// reads it) and asks whether B restates it.
///
/// # Errors
/// A file cannot be read, a line is malformed, or a locator is not found.
pub fn sentence_pairs(file: &str, shared: &std::path::Path) -> Result<Vec<SentencePair>, String> {
    let table = std::fs::read_to_string(file).map_err(|e| format!("{file}: {e}"))?;
    let mut sources: BTreeMap<String, String> = BTreeMap::new();
    let mut pairs = Vec::new();
    for (n, line) in table.lines().enumerate().skip(1) {
        let fields: Vec<&str> = line.split('\t').collect();
        let [label, source, locator, b] = fields[..] else {
            return Err(format!("{file}:{}: expected 4 fields", n + 1));
        };
        if !sources.contains_key(source) {
            let path = shared.join(source);
            let raw =
                std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let text = if source.ends_with(".html") {
                crate::extract(&raw).map_err(|e| e.to_string())?
            } else {
                raw
            };
            sources.insert(source.to_string(), text);
        }
        let a = sentence_at(&sources[source], locator)
            .ok_or_else(|| format!("{file}:{}: {locator:?} not in {source}", n + 1))?;
        let one = |s: &str| {
            crate::compare::reuse::Words::of(s, [crate::text::span::Span::new(0, s.len())])
        };
        let found = !crate::compare::rewritten::rewritten(&one(&a), &one(b), &[]).is_empty();
        pairs.push(SentencePair {
            a,
            b: b.to_string(),
            restates: label == "rewritten",
            found,
        });
    }
    Ok(pairs)
}

/// Writes precision and recall of rewritten sentences on the set `file`, and the misses.
///
/// # Errors
/// As [`sentence_pairs`], or writing fails.
pub fn eval_sentences(
    file: &str,
    shared: &std::path::Path,
    out: &mut impl std::io::Write,
) -> Result<(), String> {
    let pairs = sentence_pairs(file, shared)?;
    let io = |e: std::io::Error| e.to_string();
    let count = |restates: bool, found: bool| {
        pairs
            .iter()
            .filter(|p| p.restates == restates && p.found == found)
            .count()
    };
    let (tp, fp, fn_) = (count(true, true), count(false, true), count(true, false));
    for p in pairs.iter().filter(|p| p.restates != p.found) {
        let what = if p.restates { "missed" } else { "false" };
        writeln!(out, "{what}: {}\n    vs: {}", p.a, p.b).map_err(io)?;
    }
    let ratio = |x: usize, y: usize| if y == 0 { 0.0 } else { x as f64 / y as f64 };
    writeln!(
        out,
        "\n{} pairs ({} restatements): rewritten precision {:.3} ({tp} of {}), recall {:.3} \
         ({tp} of {})",
        pairs.len(),
        tp + fn_,
        ratio(tp, tp + fp),
        tp + fp,
        ratio(tp, tp + fn_),
        tp + fn_
    )
    .map_err(io)
}
