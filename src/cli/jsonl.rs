//! `parallax analyze --jsonl`: JSON lines in, one answer line per line out.
//!
//! No input line goes unanswered, whatever it holds: bytes that are not UTF-8 are replaced
//! (U+FFFD), a line that is blank, not JSON, without a `"text"` string or too long gets an
//! error record with its line number, and an article whose analysis fails gets one too. Answers
//! keep the input's order, so the Nth output line answers the Nth input line.

use super::json::print_json_line;
use super::records::Head;
use parallax::{analyze_many, Analysis, Error, MAX_INPUT_BYTES};
use serde::Serialize;
use serde_json::Value;
use std::io::{self, BufRead, ErrorKind, Read, Write};

/// Lines read before their articles are analysed together (natively on several threads):
/// enough to keep the threads busy, few enough that answers follow the input closely.
const JSONL_BATCH: usize = 16;

/// Longest input line read, in bytes: room for a text of [`MAX_INPUT_BYTES`] with every byte
/// escaped (`\u0001` is six bytes for one, the most JSON spends on a byte), and 1 MiB for the
/// id and whatever else the line holds. A longer line cannot hold a text Parallax analyses, so
/// it is skipped as it is read, never held whole.
pub const MAX_JSONL_LINE_BYTES: usize = 6 * MAX_INPUT_BYTES + (1 << 20);

/// What one input line asks for.
enum Line {
    /// An article to analyse, with its id (and outlet and date, which the answer carries too).
    Text(Head, String),
    /// No article: the id if the line gave one, and why.
    Bad(Value, String),
}

/// An answer line: the input's id (and outlet and date, when it gave them), then the analysis,
/// or the error and the number of the line it answers. Serialised as it is written: made into a
/// `serde_json::Value` first (as `json!` does) and dropped after, the analysis cost `--jsonl`
/// 4 % more instructions over the bench corpus, and its keys came out in alphabetical order at
/// every level where `analyze --json` and the page have them in the order of the Analysis JSON.
#[derive(Serialize)]
struct Answer<'a> {
    #[serde(flatten)]
    head: &'a Head,
    #[serde(skip_serializing_if = "Option::is_none")]
    analysis: Option<&'a Analysis>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
}

/// One JSON line per input line, in input order; a bad line gets an error line and the rest go on.
pub fn analyze(mut input: impl BufRead, out: &mut impl Write) -> io::Result<()> {
    let mut buf = Vec::new();
    // Lines read so far (the last one's 1-based number).
    let mut number = 0;
    let mut done = false;
    while !done {
        let mut batch: Vec<(usize, Line)> = Vec::with_capacity(JSONL_BATCH);
        while batch.len() < JSONL_BATCH {
            let line = match next_line(&mut input, &mut buf)? {
                Next::End => {
                    // Not read again: at a terminal that would wait for more after Ctrl-D.
                    done = true;
                    break;
                }
                Next::TooLong => Line::Bad(
                    Value::Null,
                    format!(
                        "the line is longer than {} MiB, more than a text Parallax analyses \
                         ({} MiB) takes in JSON even with every character escaped; skipped",
                        MAX_JSONL_LINE_BYTES >> 20,
                        MAX_INPUT_BYTES >> 20
                    ),
                ),
                Next::Line => parse(&buf, number == 0),
            };
            number += 1;
            batch.push((number, line));
        }
        if batch.is_empty() {
            break;
        }
        // A line without a text stands in as the empty text, whose analysis is not used.
        let texts: Vec<&str> = batch
            .iter()
            .map(|(_, line)| match line {
                Line::Text(_, text) => text.as_str(),
                Line::Bad(..) => "",
            })
            .collect();
        let analyses = analyze_many(&texts);
        for ((number, line), analysis) in batch.into_iter().zip(analyses) {
            // Answers carry no line number, so that they stay as they always were; errors do,
            // since their id may be missing.
            // An input `outlet` and `date` are carried beside the id, for `parallax tally`.
            let (head, answer) = match (line, analysis) {
                (Line::Text(head, _), Ok(analysis)) => (head, Ok(analysis)),
                (Line::Text(head, _), Err(e)) => (head, Err(e.to_string())),
                (Line::Bad(id, why), _) => (
                    Head {
                        id,
                        ..Head::default()
                    },
                    Err(why),
                ),
            };
            let record = Answer {
                head: &head,
                analysis: answer.as_ref().ok(),
                error: answer.as_ref().err().map(String::as_str),
                line: answer.is_err().then_some(number),
            };
            print_json_line(out, &record)?;
        }
        // Each batch's answers as soon as they are ready, for a reader at the other end of a pipe.
        out.flush()?;
    }
    Ok(())
}

/// What [`next_line`] found.
enum Next {
    /// The input has ended.
    End,
    /// A line, in the buffer (with its newline, if it had one).
    Line,
    /// A line over [`MAX_JSONL_LINE_BYTES`], now skipped.
    TooLong,
}

/// Reads the next line into `buf`, at most [`MAX_JSONL_LINE_BYTES`] of it: a longer line's
/// rest is read and dropped a buffer at a time.
fn next_line(input: &mut impl BufRead, buf: &mut Vec<u8>) -> io::Result<Next> {
    buf.clear();
    // One byte past the limit (the newline counted) tells a line that is too long.
    let read = Read::take(&mut *input, MAX_JSONL_LINE_BYTES as u64 + 1).read_until(b'\n', buf)?;
    if read == 0 {
        return Ok(Next::End);
    }
    if buf.last() == Some(&b'\n') || buf.len() <= MAX_JSONL_LINE_BYTES {
        return Ok(Next::Line);
    }
    buf.clear();
    loop {
        let chunk = match input.fill_buf() {
            Ok(chunk) => chunk,
            Err(e) if e.kind() == ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            return Ok(Next::TooLong);
        }
        match chunk.iter().position(|&b| b == b'\n') {
            Some(k) => {
                input.consume(k + 1);
                return Ok(Next::TooLong);
            }
            None => {
                let n = chunk.len();
                input.consume(n);
            }
        }
    }
}

/// The request in one line's bytes; `first` for the input's first line, which may open with a
/// byte order mark.
fn parse(bytes: &[u8], first: bool) -> Line {
    // Invalid UTF-8 is replaced, as in files: a stray byte should not lose the line.
    let decoded = String::from_utf8_lossy(bytes);
    let line: &str = match decoded.strip_prefix('\u{feff}') {
        Some(rest) if first => rest,
        _ => &decoded,
    };
    if line.trim().is_empty() {
        return Line::Bad(Value::Null, "blank line".to_string());
    }
    let mut value = match serde_json::from_str::<Value>(line) {
        Ok(value) => value,
        Err(e) => return Line::Bad(Value::Null, format!("not JSON: {e}")),
    };
    let head = Head::of(&value);
    let id = head.id.clone();
    match value.get_mut("text").map(Value::take) {
        // Refused here as `analyze` would refuse it, so that a batch holds no text it cannot use.
        Some(Value::String(text)) if text.len() > MAX_INPUT_BYTES => Line::Bad(
            id,
            Error::TooLarge {
                bytes: text.len(),
                limit: MAX_INPUT_BYTES,
            }
            .to_string(),
        ),
        Some(Value::String(text)) => Line::Text(head, text),
        _ => Line::Bad(id, "no \"text\" string in this line".to_string()),
    }
}
