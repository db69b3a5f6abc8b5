//! `parallax eval-conll FILE --documents`: the entity figures a reader of the page gets. Each
//! `-DOCSTART-` document is rebuilt as the text an outlet would publish (one line per sentence,
//! punctuation attached as in print), read by [`crate::analyze`] like any pasted article, and
//! every mention it reports is scored with its entity's kind against the gold names, by the
//! rules of `conlleval` (a name counts only with its exact extent and type).
//!
//! Everything between the text and the page's names table is measured: reading (boilerplate
//! rules, datelines), our tokenizer, the tagger, and entity grouping, which gives each mention
//! the kind of the entity it joins.

use super::conll::{ConllDoc, Counts};
use crate::ner::mention::Kind;
use std::io::Write;
use std::time::Instant;

/// A document rebuilt as text, with where each of its tokens is.
pub struct Rebuilt {
    /// The text.
    pub text: String,
    /// Byte span of every token of the document in `text`.
    pub tokens: Vec<(usize, usize)>,
}

/// Tokens written with no space before them.
fn attaches_left(w: &str) -> bool {
    matches!(
        w,
        "," | "."
            | ";"
            | ":"
            | "?"
            | "!"
            | ")"
            | "]"
            | "}"
            | "%"
            | "'s"
            | "'S"
            | "n't"
            | "'"
            | "..."
    ) || w.starts_with('\'') && w.len() <= 3 && w[1..].chars().all(char::is_alphabetic)
}

/// Tokens written with no space after them.
fn attaches_right(w: &str) -> bool {
    matches!(w, "(" | "[" | "{" | "$")
}

/// Lays `doc` out as text: one line per sentence, tokens joined as print joins them. A `"` opens
/// and closes in turn within a sentence.
pub fn rebuild(doc: &ConllDoc) -> Rebuilt {
    let mut text = String::new();
    let mut tokens = Vec::with_capacity(doc.words.len());
    for sentence in &doc.sentences {
        if !text.is_empty() {
            text.push('\n');
        }
        let mut glue_next = true;
        let mut quote_open = false;
        for w in &doc.words[sentence.clone()] {
            let closing_quote = w == "\"" && quote_open;
            if !glue_next && !attaches_left(w) && !closing_quote {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(w);
            tokens.push((start, text.len()));
            glue_next = attaches_right(w) || (w == "\"" && !quote_open);
            if w == "\"" {
                quote_open = !quote_open;
            }
        }
    }
    Rebuilt { text, tokens }
}

/// Counts of one scoring run: overall and by kind.
#[derive(Default)]
pub struct Scores {
    /// All types together.
    pub overall: Counts,
    /// By type, in [`Kind::ALL`] order.
    pub by_kind: [Counts; 4],
}

impl Scores {
    fn add(&mut self, kind: Kind, f: impl Fn(&mut Counts)) {
        f(&mut self.overall);
        f(&mut self.by_kind[kind_index(kind)]);
    }
}

fn kind_index(k: Kind) -> usize {
    Kind::ALL.iter().position(|&x| x == k).unwrap_or(0)
}

/// How a corpus is scored.
#[derive(Clone, Copy, Default)]
pub struct Options {
    /// Documents rebuilt as text and analysed end to end, rather than the tagger alone on the
    /// corpus's own tokens.
    pub documents: bool,
    /// The corpus never tags MISC (UNER's final sets, BTC): MISC predictions are left out, and
    /// only PER, ORG and LOC are scored.
    pub no_misc: bool,
}

/// How far through the pipeline a run goes, to see where points are lost.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Our tokenizer and the tagger on every line of the text, nothing read or cut.
    Tagged,
    /// The tagger on the story paragraphs reading leaves, mentions with their own kinds.
    Read,
    /// The whole analysis: each mention with its entity's kind.
    Analysed,
}

/// The names `stage` finds in `text`: (byte span, kind), sorted.
fn names_at(stage: Stage, text: &str) -> Vec<((usize, usize), Kind)> {
    let mentions = |paragraphs: &[crate::Span]| {
        let (tokens, sentences) = crate::text::segment::paragraphs(text, paragraphs);
        crate::ner::recognize(text, &tokens, &sentences)
            .into_iter()
            .map(|m| ((m.span.start as usize, m.span.end as usize), m.kind))
            .collect::<Vec<_>>()
    };
    let mut found = match stage {
        Stage::Tagged => mentions(&crate::text::paragraphs::lines(text)),
        Stage::Read => mentions(&crate::read::article::read(text).paragraphs),
        // Too large to analyse cannot happen for one CoNLL document: it would score as nothing.
        Stage::Analysed => crate::analyze(text)
            .map(|a| {
                a.entities
                    .iter()
                    .flat_map(|e| {
                        e.mentions.iter().map(move |m| {
                            let s = m.loc.span();
                            ((s.start as usize, s.end as usize), e.kind)
                        })
                    })
                    .collect()
            })
            .unwrap_or_default(),
    };
    found.sort_unstable_by_key(|&(s, k)| (s, kind_index(k)));
    found.dedup();
    found
}

/// Scores `stage` over `docs`. Returns the scores and the seconds the runs took.
pub fn evaluate(docs: &[ConllDoc], stage: Stage, options: Options) -> (Scores, f64) {
    let rebuilt: Vec<Rebuilt> = docs.iter().map(rebuild).collect();
    let start = Instant::now();
    let found: Vec<_> = rebuilt.iter().map(|r| names_at(stage, &r.text)).collect();
    let seconds = start.elapsed().as_secs_f64();
    let mut scores = Scores::default();
    for ((doc, r), found) in docs.iter().zip(&rebuilt).zip(found) {
        let gold: Vec<((usize, usize), Kind)> = doc
            .names
            .iter()
            .map(|(t, k)| ((r.tokens[t.start].0, r.tokens[t.end - 1].1), *k))
            .collect();
        for &(span, kind) in &found {
            if options.no_misc && kind == Kind::Misc {
                continue;
            }
            let correct = gold.contains(&(span, kind));
            scores.add(kind, |c| {
                c.found += 1;
                c.correct += usize::from(correct);
            });
        }
        for &(_, kind) in &gold {
            scores.add(kind, |c| c.gold += 1);
        }
    }
    (scores, seconds)
}

/// Runs every stage over `docs` and prints the end-to-end table, then where points go.
pub fn report(docs: &[ConllDoc], options: Options, out: &mut impl Write) -> std::io::Result<()> {
    let (scores, seconds) = evaluate(docs, Stage::Analysed, options);
    print(&scores, docs, seconds, options, out)?;
    let f1 = |stage| evaluate(docs, stage, options).0.overall.prf().2;
    writeln!(
        out,
        "by stage (F1): tagger on every line {:.2}, on the story read {:.2}, grouped {:.2}",
        f1(Stage::Tagged),
        f1(Stage::Read),
        scores.overall.prf().2
    )
}

/// Prints the conlleval-style table for an end-to-end run.
fn print(
    scores: &Scores,
    docs: &[ConllDoc],
    seconds: f64,
    options: Options,
    out: &mut impl Write,
) -> std::io::Result<()> {
    let tokens: usize = docs.iter().map(|d| d.words.len()).sum();
    let (p, r, f) = scores.overall.prf();
    writeln!(
        out,
        "end to end: {} documents rebuilt as text and analysed; {} tokens with {} phrases; found: {} phrases; correct: {}.",
        docs.len(),
        tokens,
        scores.overall.gold,
        scores.overall.found,
        scores.overall.correct
    )?;
    writeln!(
        out,
        "each mention scored with its entity's kind{}",
        if options.no_misc {
            " (MISC not scored: the corpus never tags it)"
        } else {
            ""
        }
    )?;
    writeln!(
        out,
        "overall: precision: {p:6.2}%; recall: {r:6.2}%; FB1: {f:6.2}"
    )?;
    for (k, c) in Kind::ALL.iter().zip(&scores.by_kind) {
        if options.no_misc && *k == Kind::Misc {
            continue;
        }
        let (p, r, f) = c.prf();
        writeln!(
            out,
            "{:>17}: precision: {p:6.2}%; recall: {r:6.2}%; FB1: {f:6.2}  {}",
            k.as_str(),
            c.found
        )?;
    }
    writeln!(
        out,
        "speed: {:.0} tokens/s through the whole analysis ({seconds:.3} s, one thread)",
        tokens as f64 / seconds.max(1e-9)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::conll::parse;

    #[test]
    fn documents_are_rebuilt_as_print() {
        let text = "-DOCSTART- -X- O O\n\nPutin x x B-PER\n's x x O\nvisit x x O\n( x x O\nTASS x x B-ORG\n) x x O\n, x x O\n\" x x O\nclose x x O\n\" x x O\n. x x O\n\nMOSCOW x x B-LOC\n1996-08-22 x x O\n";
        let docs = parse(text).unwrap();
        let r = rebuild(&docs[0]);
        assert_eq!(
            r.text,
            "Putin's visit (TASS), \"close\".\nMOSCOW 1996-08-22"
        );
        let (s, e) = r.tokens[4];
        assert_eq!(&r.text[s..e], "TASS");
    }

    #[test]
    fn a_mention_scores_with_its_entitys_kind() {
        let text = "-DOCSTART- -X- O O\n\nRussian x x B-MISC\nPresident x x O\nVladimir x x B-PER\nPutin x x I-PER\nmet x x O\nMasoud x x B-PER\nPezeshkian x x I-PER\nin x x O\nAshgabat x x B-LOC\n. x x O\n\nPutin x x B-PER\nsmiled x x O\n. x x O\n";
        let docs = parse(text).unwrap();
        let (scores, _) = evaluate(&docs, Stage::Analysed, Options::default());
        assert_eq!(scores.overall.gold, 5);
        assert!(scores.overall.correct >= 4, "{}", scores.overall.correct);
    }
}
