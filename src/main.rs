//! `parallax`: the command-line front of the same core the page uses.

mod cli;

use cli::input::read_input;
use cli::json::print_json;
use cli::{jsonl, report};
use parallax::{analyze, compare_many, compare_with, CompareOptions};
use std::io::{self, Write};
use std::process::ExitCode;

const USAGE: &str = "\
usage:
  parallax analyze FILE|- [--json]   summary of one article (--json: the Analysis as JSON)
  parallax analyze --jsonl           JSON lines {\"id\", \"text\"} on stdin -> one line for each, in order:
                                     {\"id\", \"analysis\"}, or {\"id\", \"error\", \"line\"} for a line that
                                     is blank, not JSON, without \"text\", too long or too large
                                     (an input \"outlet\" and \"date\" are copied beside \"id\")
  parallax compare A B [--json]      compare two articles (files, or - for stdin)
  parallax compare A B C ... [--json]  pairwise reuse and entity overlap of three or more
    compare options: --min-words N   shortest aligned passage, in words (default 8; 6 under 500 words)
                     --keep-reused   distinctive words count reused text too
  parallax extract FILE|-            the article's body text (plain text or HTML in)
    --headline                       the headline first, a blank line, then the body
    --json                           {headline, text, meta}
  parallax eval-readability DIR      extraction figures over DIR/*/{source,expected}.html
  parallax eval-conll FILE           entity tagger's precision, recall, F1 and speed on CoNLL-2003 FILE
    --documents                      end to end: each document rebuilt as text and analysed
    --no-misc                        the corpus never tags MISC: score PER, ORG and LOC only
  parallax eval-reuse FILE           the comparison's verdict on graded pairs (JSON lines {topic, grade, a, b})
    --sentences                      FILE is the rewritten-sentence set (TSV; sources read from ../shared)
  parallax train [--epochs N ...]    retrain the entity model (needs --features train; see README)
inputs over 10 MiB are refused; invalid UTF-8 is replaced; - (stdin) may be given once;
summaries show the article's control characters escaped; see README, \"Command line\"";

fn main() -> ExitCode {
    cli::malloc::tune();
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("parallax: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &[String]) -> Result<(), String> {
    match args.first().map(String::as_str) {
        Some("train") => return train(&args[1..]),
        Some("reuse" | "shingles") => return cli::corpus::run(args),
        Some("tally") => return cli::tally::run(&args[1..]),
        _ => {}
    }
    let mut options = CompareOptions::default();
    let (mut flags, mut positional): (Vec<&str>, Vec<&str>) = (Vec::new(), Vec::new());
    let mut rest = args.iter().map(String::as_str);
    while let Some(arg) = rest.next() {
        match arg {
            "--min-words" => {
                let n = rest.next().and_then(|n| n.parse::<usize>().ok());
                options.min_match_words = Some(
                    n.filter(|&n| n > 0)
                        .ok_or("--min-words needs a number of words, 1 or more")?,
                );
            }
            "--keep-reused" => options.distinctive_skips_reused = false,
            flag if flag.starts_with("--") => flags.push(flag),
            _ => positional.push(arg),
        }
    }
    let json = flags.contains(&"--json");
    let known = [
        "--help",
        "--json",
        "--jsonl",
        "--documents",
        "--no-misc",
        "--headline",
        "--sentences",
    ];
    if let Some(unknown) = flags.iter().find(|f| !known.contains(f)) {
        return Err(format!("unknown option {unknown}\n{USAGE}"));
    }
    if positional.iter().filter(|&&p| p == "-").count() > 1 {
        return Err(
            "standard input (-) can be read only once: give at most one article as -, \
                    the others as files"
                .to_string(),
        );
    }
    // Buffered: stdout alone is line-buffered, and pretty JSON is thousands of lines.
    let mut out = io::BufWriter::new(io::stdout().lock());
    let result = match positional.as_slice() {
        _ if flags.contains(&"--help") => {
            writeln!(
                out,
                "{USAGE}\n{}\n{}",
                cli::corpus::USAGE,
                cli::tally::USAGE
            )
        }
        ["analyze"] if flags.contains(&"--jsonl") => jsonl::analyze(io::stdin().lock(), &mut out),
        ["analyze", file] => {
            let text = read_input(file)?;
            let analysis = analyze(&text).map_err(|e| format!("{file}: {e}"))?;
            if json {
                print_json(&mut out, &analysis)
            } else {
                report::analysis(&mut out, &text, &analysis)
            }
        }
        ["compare", a, b] => {
            let (ta, tb) = (read_input(a)?, read_input(b)?);
            let comparison = compare_with(&ta, &tb, options).map_err(|e| e.to_string())?;
            if json {
                print_json(&mut out, &comparison)
            } else {
                report::comparison(
                    &mut out,
                    [a, b],
                    [
                        comparison.a.indexed_text(&ta),
                        comparison.b.indexed_text(&tb),
                    ],
                    &comparison,
                )
            }
        }
        ["compare", files @ ..] if files.len() >= 3 => {
            let texts = files
                .iter()
                .map(|f| read_input(f))
                .collect::<Result<Vec<_>, _>>()?;
            let many = compare_many(&texts, options).map_err(|e| e.to_string())?;
            if json {
                print_json(&mut out, &many)
            } else {
                report::many(&mut out, files, &many)
            }
        }
        ["extract", file] => {
            let text = read_input(file)?;
            let article = parallax::extract_article(&text).map_err(|e| format!("{file}: {e}"))?;
            if json {
                print_json(&mut out, &article)
            } else {
                match article.headline.as_deref() {
                    Some(h) if flags.contains(&"--headline") => {
                        writeln!(out, "{h}\n\n{}", article.text)
                    }
                    _ => writeln!(out, "{}", article.text),
                }
            }
        }
        ["eval-readability", dir] => {
            let report = parallax::eval::readability_pages(std::path::Path::new(dir))?;
            print_readability(&mut out, &report)
        }
        ["eval-conll", file] => {
            let options = parallax::tagger_cli::EvalOptions {
                documents: flags.contains(&"--documents"),
                no_misc: flags.contains(&"--no-misc"),
            };
            parallax::tagger_cli::eval_conll(file, options, &mut out)?;
            Ok(())
        }
        ["eval-reuse", file] if flags.contains(&"--sentences") => {
            let shared = std::path::Path::new("../shared");
            parallax::eval::reuse::eval_sentences(file, shared, &mut out)?;
            Ok(())
        }
        ["eval-reuse", file] => {
            parallax::eval::reuse::eval_reuse(file, &options, &mut out)?;
            Ok(())
        }
        ["help"] | [] => writeln!(
            out,
            "{USAGE}\n{}\n{}",
            cli::corpus::USAGE,
            cli::tally::USAGE
        ),
        _ => return Err(format!("cannot understand the arguments\n{USAGE}")),
    };
    reported(result.and_then(|()| out.flush()))
}

/// A failure to write, as the CLI reports it: none for a broken pipe, since the reader went
/// away on purpose (`parallax ... | head -1`) and wants nothing more.
fn reported(result: io::Result<()>) -> Result<(), String> {
    match result {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(|e| e.to_string()),
    }
}

#[cfg(feature = "train")]
fn train(args: &[String]) -> Result<(), String> {
    let options = parallax::tagger_cli::TrainOptions::parse(args)?;
    parallax::tagger_cli::train(&options)
}

#[cfg(not(feature = "train"))]
fn train(_: &[String]) -> Result<(), String> {
    Err("this build cannot train: cargo run --release --features train -- train".into())
}

fn print_readability(out: &mut impl Write, r: &parallax::eval::Report) -> io::Result<()> {
    for line in &r.lines {
        writeln!(out, "{line}")?;
    }
    writeln!(out, "\nworst pages:")?;
    for (name, p, rec, f1) in &r.worst {
        writeln!(out, "  {name:<43} P {p:.3} R {rec:.3} F1 {f1:.3}")?;
    }
    writeln!(
        out,
        "\n{} pages: F1 {:.3} (P {:.3}, R {:.3}; 4-token shingles, averaged over pages), \
         headline exact {:.3}, byline {:.3} of {} with a byline, byline agreement {:.3} of all",
        r.pages,
        r.f1,
        r.precision,
        r.recall,
        r.headline_rate,
        r.byline_rate,
        r.bylines_expected,
        r.byline_agreement
    )
}
