//! `parallax`: the command-line front of the same core the page uses.

use parallax::{analyze, analyze_many, compare_many, compare_with, Analysis, CompareOptions};
use std::io::{self, BufRead, Read, Write};
use std::process::ExitCode;

#[path = "cli/corpus.rs"]
mod corpus;
#[path = "cli/jsonl.rs"]
mod jsonl;
#[path = "cli/report.rs"]
mod report;
#[path = "cli/tally.rs"]
mod tally;

const USAGE: &str = "\
usage:
  parallax analyze FILE|- [--json]   summary of one article (--json: the Analysis as JSON)
  parallax analyze --jsonl           JSON lines {\"id\", \"text\"} on stdin -> {\"id\", \"analysis\"|\"error\"}
                                     (an input \"outlet\" and \"date\" are copied beside \"id\")
  parallax compare A B [--json]      compare two articles (files, or - for stdin)
  parallax compare A B C ... [--json]  pairwise reuse and entity overlap of three or more
    compare options: --min-words N   shortest reused passage, in words (default 8)
                     --keep-reused   distinctive words count reused text too
  parallax extract FILE|-            the article's body text (plain text or HTML in)
    --headline                       the headline first, a blank line, then the body
    --json                           {headline, text, meta}
  parallax eval-readability DIR      extraction figures over DIR/*/{source,expected}.html
  parallax eval-conll FILE           entity tagger's precision, recall, F1 and speed on CoNLL-2003 FILE
    --documents                      end to end: each document rebuilt as text and analysed
    --no-misc                        the corpus never tags MISC: score PER, ORG and LOC only
  parallax train [--epochs N ...]    retrain the entity model (needs --features train; see README)";

fn main() -> ExitCode {
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
        Some("reuse" | "shingles") => return corpus::run(args),
        Some("tally") => return tally::run(&args[1..]),
        _ => {}
    }
    let mut options = CompareOptions::default();
    let (mut flags, mut positional): (Vec<&str>, Vec<&str>) = (Vec::new(), Vec::new());
    let mut rest = args.iter().map(String::as_str);
    while let Some(arg) = rest.next() {
        match arg {
            "--min-words" => {
                let n = rest.next().and_then(|n| n.parse::<usize>().ok());
                options.min_match_words = n
                    .filter(|&n| n > 0)
                    .ok_or("--min-words needs a number of words, 1 or more")?;
            }
            "--keep-reused" => options.distinctive_skips_reused = false,
            flag if flag.starts_with("--") => flags.push(flag),
            _ => positional.push(arg),
        }
    }
    let json = flags.contains(&"--json");
    let known = [
        "--json",
        "--jsonl",
        "--documents",
        "--no-misc",
        "--headline",
    ];
    if let Some(unknown) = flags.iter().find(|f| !known.contains(f)) {
        return Err(format!("unknown option {unknown}\n{USAGE}"));
    }
    // Buffered: stdout alone is line-buffered, and pretty JSON is thousands of lines.
    let mut out = io::BufWriter::new(io::stdout().lock());
    let result = match positional.as_slice() {
        ["analyze"] if flags.contains(&"--jsonl") => analyze_jsonl(io::stdin().lock(), &mut out),
        ["analyze", file] => {
            let text = read_input(file)?;
            let analysis = analyze(&text).map_err(|e| format!("{file}: {e}"))?;
            if json {
                print_json(&mut out, &analysis)
            } else {
                print_analysis(&mut out, &text, &analysis)
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
            return parallax::tagger_cli::eval_conll(file, options, &mut out)
                .and_then(|()| out.flush().map_err(|e| e.to_string()));
        }
        ["help"] | [] => {
            println!("{USAGE}\n{}\n{}", corpus::USAGE, tally::USAGE);
            Ok(())
        }
        _ => return Err(format!("cannot understand the arguments\n{USAGE}")),
    };
    result.and_then(|()| out.flush()).map_err(|e| e.to_string())
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

fn read_input(path: &str) -> Result<String, String> {
    let bytes = if path == "-" {
        let mut buf = Vec::new();
        io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("stdin: {e}"))?;
        buf
    } else {
        std::fs::read(path).map_err(|e| format!("{path}: {e}"))?
    };
    // Invalid UTF-8 is replaced, not refused: a stray byte should not lose an article.
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn print_json<T: serde::Serialize>(out: &mut impl Write, value: &T) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)
}

/// Lines read before their articles are analysed together (natively on several threads):
/// enough to keep the threads busy, few enough that answers follow the input closely.
const JSONL_BATCH: usize = 16;

/// One JSON line per input line, in input order; a bad line gets an error line and the rest go on.
fn analyze_jsonl(input: impl BufRead, out: &mut impl Write) -> io::Result<()> {
    let mut lines = jsonl::lines(input);
    loop {
        // (id, the text or why there is none) of each non-empty line of the batch.
        let mut batch: Vec<(jsonl::Head, Result<String, String>)> = Vec::new();
        for line in lines.by_ref() {
            batch.push(jsonl::article(&line?));
            if batch.len() == JSONL_BATCH {
                break;
            }
        }
        if batch.is_empty() {
            return Ok(());
        }
        // A line without a text stands in as the empty text, whose analysis is not used.
        let texts: Vec<&str> = batch
            .iter()
            .map(|(_, text)| text.as_deref().unwrap_or(""))
            .collect();
        let analyses = analyze_many(&texts);
        for ((head, text), analysis) in batch.into_iter().zip(analyses) {
            let record = match (text, analysis) {
                (Err(why), _) => jsonl::answer(&head, "error", why),
                (Ok(_), Ok(analysis)) => jsonl::answer(&head, "analysis", analysis),
                (Ok(_), Err(e)) => jsonl::answer(&head, "error", e.to_string()),
            };
            writeln!(out, "{}", record.map_err(io::Error::other)?)?;
        }
        // Each batch's answers as soon as they are ready, for a reader at the other end of a pipe.
        out.flush()?;
    }
}

fn print_analysis(out: &mut impl Write, input: &str, analysis: &Analysis) -> io::Result<()> {
    let text = analysis.indexed_text(input);
    let m = &analysis.meta;
    writeln!(
        out,
        "input: {}",
        if analysis.text.is_some() {
            "html"
        } else {
            "text"
        }
    )?;
    for (label, value) in [
        ("headline", &m.headline),
        ("byline", &m.byline),
        ("date", &m.date),
        ("outlet", &m.outlet),
    ] {
        if let Some(v) = value {
            writeln!(out, "{label}: {v}")?;
        }
    }
    if let Some(d) = &m.dateline {
        writeln!(
            out,
            "dateline: {} ({})",
            d.place,
            d.wire.as_deref().unwrap_or("no wire")
        )?;
    }
    for c in &m.credits {
        writeln!(out, "credits, {}: {}", c.role, c.names.join(", "))?;
    }
    writeln!(out, "\nremoved ({}):", analysis.removed.len())?;
    for r in &analysis.removed {
        let shown: String = r.text.chars().take(70).collect();
        writeln!(out, "  {:<20} {shown:?}", r.reason)?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "{} paragraphs, {} sentences, {} words",
        analysis.paragraphs.len(),
        analysis.sentence_count,
        analysis.word_count
    )?;
    writeln!(out, "\nentities ({}):", analysis.entities.len())?;
    for e in &analysis.entities {
        let aliases = if e.aliases.is_empty() {
            String::new()
        } else {
            format!("  (also: {})", e.aliases.join(", "))
        };
        writeln!(
            out,
            "  {:>3}  {:<4}  {}{}",
            e.count,
            e.kind.as_str(),
            e.name,
            aliases
        )?;
    }
    writeln!(out, "\nquotes ({}):", analysis.quotes.len())?;
    for q in &analysis.quotes {
        let shown: String = q.text.chars().take(60).collect();
        let via = q
            .via
            .as_deref()
            .map(|v| format!(" via {v}"))
            .unwrap_or_default();
        writeln!(
            out,
            "  {:<20} {shown:?}{via}",
            q.speaker.as_deref().unwrap_or("(unknown)")
        )?;
    }
    writeln!(out, "\nsources ({}):", analysis.sources.len())?;
    for s in &analysis.sources {
        let linked = if s.entity.is_some() {
            ""
        } else {
            "  (not in entities)"
        };
        let kind = format!("{:?}", s.kind).to_lowercase();
        writeln!(out, "  {:>3}  {kind:<6}  {}{linked}", s.count, s.name)?;
    }
    let _ = text;
    Ok(())
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
