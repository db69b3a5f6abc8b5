//! `parallax analyze --jsonl`: JSON lines in, one answer line per line out.

use parallax::analyze_many;
use std::io::{self, BufRead, Write};

/// Lines read before their articles are analysed together (natively on several threads):
/// enough to keep the threads busy, few enough that answers follow the input closely.
const JSONL_BATCH: usize = 16;

/// One JSON line per input line, in input order; a bad line gets an error line and the rest go on.
pub fn analyze(input: impl BufRead, out: &mut impl Write) -> io::Result<()> {
    let mut lines = input.lines();
    loop {
        // (id, the text or why there is none) of each non-empty line of the batch.
        let mut batch: Vec<(serde_json::Value, Result<String, String>)> = Vec::new();
        for line in lines.by_ref() {
            let line = line?;
            if line.trim().is_empty() {
                continue;
            }
            batch.push(match serde_json::from_str::<serde_json::Value>(&line) {
                Err(e) => (serde_json::Value::Null, Err(format!("not JSON: {e}"))),
                Ok(mut value) => {
                    let id = value.get("id").cloned().unwrap_or(serde_json::Value::Null);
                    match value.get_mut("text").map(serde_json::Value::take) {
                        Some(serde_json::Value::String(text)) => (id, Ok(text)),
                        _ => (id, Err("no \"text\" string in this line".to_string())),
                    }
                }
            });
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
        for ((id, text), analysis) in batch.into_iter().zip(analyses) {
            let record = match (text, analysis) {
                (Err(why), _) => serde_json::json!({ "id": id, "error": why }),
                (Ok(_), Ok(analysis)) => serde_json::json!({ "id": id, "analysis": analysis }),
                (Ok(_), Err(e)) => serde_json::json!({ "id": id, "error": e.to_string() }),
            };
            serde_json::to_writer(&mut *out, &record)?;
            writeln!(out)?;
        }
        // Each batch's answers as soon as they are ready, for a reader at the other end of a pipe.
        out.flush()?;
    }
}
