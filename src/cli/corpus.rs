//! `parallax reuse` and `parallax shingles`: which articles of a corpus reuse text from which.
//!
//! `reuse --jsonl` reads the whole corpus (its story words, not its text, are kept) and writes
//! one line per pair that shares reused text. `shingles --jsonl` and `reuse --pairs` are the two
//! halves of the same job for a cluster (scripts/spark/parallax_spark.py): each article's kept
//! shingle hashes, and the alignment of pairs the cluster proposed from them.

use super::records::{self as jsonl, Head};
use parallax::{pair_reuse, reuse_pairs, CorpusOptions, PairReuse, Story};
use serde::Serialize;
use serde_json::Value;
use std::io::{self, BufRead, Write};

pub const USAGE: &str = "\
  parallax reuse --jsonl             JSON lines {\"id\", \"text\", \"date\"?} on stdin -> one line per
                                     pair sharing reused text {\"a\", \"b\", \"words\", shares, \"passages\"}
  parallax reuse --pairs             lines {\"a\": {\"id\", \"text\", \"date\"?}, \"b\": {...}}: each pair aligned
  parallax shingles --jsonl          each article's kept shingle hashes {\"id\", \"shingles\"}
    reuse options: --min-words N     shortest reused passage, in words (default 8; shingles too)
                   --min-share X     only pairs with at least this share of A or B reused (default 0)
                   --max-docs N      drop shingles more than N articles hold (default 200)";

/// Lines read before their articles are read together (natively on several threads).
const BATCH: usize = 256;

/// Runs `parallax reuse ...` or `parallax shingles ...`; `args` starts with the command.
pub fn run(args: &[String]) -> Result<(), String> {
    let mut options = CorpusOptions::default();
    let mut mode = None;
    let mut rest = args[1..].iter().map(String::as_str);
    while let Some(arg) = rest.next() {
        let mut value = |what: &str| {
            rest.next()
                .ok_or_else(|| format!("{arg} needs {what}\n{USAGE}"))
        };
        match arg {
            "--jsonl" | "--pairs" => mode = Some(arg),
            "--min-words" => {
                options.min_match_words = value("a number of words")?
                    .parse()
                    .ok()
                    .filter(|&n| n > 0)
                    .ok_or("--min-words needs a number of words, 1 or more")?;
            }
            "--min-share" => {
                options.min_share = value("a share")?
                    .parse()
                    .ok()
                    .filter(|x: &f64| (0.0..=1.0).contains(x))
                    .ok_or("--min-share needs a share from 0 to 1")?;
            }
            "--max-docs" => {
                options.max_docs = value("a number of articles")?
                    .parse()
                    .ok()
                    .filter(|&n| n >= 2)
                    .ok_or("--max-docs needs a number of articles, 2 or more")?;
            }
            _ => return Err(format!("unknown argument {arg}\n{USAGE}")),
        }
    }
    let input = io::stdin().lock();
    let mut out = io::BufWriter::new(io::stdout().lock());
    let done = match (args[0].as_str(), mode) {
        ("reuse", Some("--jsonl")) => reuse_jsonl(input, &mut out, &options),
        ("reuse", Some("--pairs")) => reuse_pairs_mode(input, &mut out, &options),
        ("shingles", Some("--jsonl")) => shingles_jsonl(input, &mut out, &options),
        _ => return Err(format!("say --jsonl (or, for reuse, --pairs)\n{USAGE}")),
    };
    done.and_then(|()| out.flush()).map_err(|e| e.to_string())
}

/// The articles of `input` read in batches, each as its head and its story or the error line.
fn stories(
    input: impl BufRead,
    options: &CorpusOptions,
    mut each: impl FnMut(Head, Result<Story, String>) -> io::Result<()>,
) -> io::Result<()> {
    let mut lines = jsonl::lines(input);
    loop {
        let batch = lines
            .by_ref()
            .take(BATCH)
            .map(|line| line.map(|l| jsonl::article(&l)))
            .collect::<io::Result<Vec<_>>>()?;
        if batch.is_empty() {
            return Ok(());
        }
        // A line without a text stands in as the empty text, whose story is not used.
        let texts: Vec<&str> = batch
            .iter()
            .map(|(_, text)| text.as_deref().unwrap_or(""))
            .collect();
        let read = Story::read_many(&texts, options.min_match_words);
        for ((head, text), story) in batch.into_iter().zip(read) {
            let story = text.and_then(|_| story.map_err(|e| e.to_string()));
            let date = head.date_text();
            each(head, story.map(|s| Story { date, ..s }))?;
        }
    }
}

fn write_line(out: &mut impl Write, line: serde_json::Result<String>) -> io::Result<()> {
    writeln!(out, "{}", line.map_err(io::Error::other)?)
}

/// A pair as a line: `{"a": id, "b": id, "words", ...}`.
fn pair_line(a: &Value, b: &Value, reuse: &PairReuse) -> serde_json::Result<String> {
    #[derive(Serialize)]
    struct Line<'a> {
        a: &'a Value,
        b: &'a Value,
        #[serde(flatten)]
        reuse: &'a PairReuse,
    }
    serde_json::to_string(&Line { a, b, reuse })
}

/// `reuse --jsonl`: error lines as the input is read, then the pairs, by A's place in the input
/// (the first of the two to come), then B's.
fn reuse_jsonl(
    input: impl BufRead,
    out: &mut impl Write,
    options: &CorpusOptions,
) -> io::Result<()> {
    let (mut ids, mut corpus) = (Vec::new(), Vec::new());
    stories(input, options, |head, story| match story {
        Ok(story) => {
            ids.push(head.id);
            corpus.push(story);
            Ok(())
        }
        Err(why) => write_line(out, jsonl::answer(&head, "error", why)),
    })?;
    reuse_pairs(&corpus, options, |p| {
        write_line(out, pair_line(&ids[p.a], &ids[p.b], &p))
    })
}

/// `shingles --jsonl`: `{"id", "shingles": [...]}` per article, in input order.
fn shingles_jsonl(
    input: impl BufRead,
    out: &mut impl Write,
    options: &CorpusOptions,
) -> io::Result<()> {
    stories(input, options, |head, story| {
        let line = match story {
            Ok(story) => jsonl::answer(&head, "shingles", &story.shingles),
            Err(why) => jsonl::answer(&head, "error", why),
        };
        write_line(out, line)
    })
}

/// `reuse --pairs`: each line `{"a": article, "b": article}` aligned as `reuse --jsonl` aligns
/// the pair, `a` standing for the article that came first in the corpus. A pair that shares no
/// passage writes nothing; a bad line writes `{"a": id, "b": id, "error"}`.
fn reuse_pairs_mode(
    input: impl BufRead,
    out: &mut impl Write,
    options: &CorpusOptions,
) -> io::Result<()> {
    let mut lines = jsonl::lines(input);
    loop {
        let mut batch: Vec<PairLine> = Vec::new();
        for line in lines.by_ref().take(BATCH) {
            batch.push(pair_of(&line?));
        }
        if batch.is_empty() {
            return Ok(());
        }
        let texts: Vec<&str> = batch
            .iter()
            .flat_map(|(_, texts)| match texts {
                Ok([a, b]) => [a.as_str(), b.as_str()],
                Err(_) => ["", ""],
            })
            .collect();
        let mut read = Story::read_many(&texts, options.min_match_words).into_iter();
        for ([ha, hb], texts) in batch {
            let dated = |story: Option<Result<Story, _>>, head: &Head| {
                story
                    .unwrap_or_else(|| Ok(Story::default()))
                    .map(|s| Story {
                        date: head.date_text(),
                        ..s
                    })
            };
            let (a, b) = (dated(read.next(), &ha), dated(read.next(), &hb));
            let pair = texts.and_then(|_| match (a, b) {
                (Ok(a), Ok(b)) => Ok((a, b)),
                (Err(e), _) | (_, Err(e)) => Err(e.to_string()),
            });
            let line = match pair {
                Ok((a, b)) => {
                    let ids = [&ha.id, &hb.id];
                    match pair_reuse((0, &a), (1, &b), options) {
                        Some(p) => pair_line(ids[p.a], ids[p.b], &p),
                        None => continue,
                    }
                }
                Err(why) => serde_json::to_string(&serde_json::json!({
                    "a": ha.id, "b": hb.id, "error": why
                })),
            };
            write_line(out, line)?;
        }
    }
}

/// A `--pairs` line read: the two articles' heads and texts, or the heads and why there are no
/// texts.
type PairLine = ([Head; 2], Result<[String; 2], String>);

/// The two articles of a `--pairs` line.
fn pair_of(line: &str) -> PairLine {
    let mut value: Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => return (Default::default(), Err(format!("not JSON: {e}"))),
    };
    let heads = ["a", "b"].map(|k| value.get(k).map(Head::of).unwrap_or_default());
    let texts = match (
        value.get_mut("a").map(jsonl::text_of),
        value.get_mut("b").map(jsonl::text_of),
    ) {
        (Some(Ok(a)), Some(Ok(b))) => Ok([a, b]),
        (Some(Err(e)), _) | (_, Some(Err(e))) => Err(e),
        _ => Err("a pair line is {\"a\": article, \"b\": article}".to_string()),
    };
    (heads, texts)
}
