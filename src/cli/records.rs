//! JSON line records, as the corpus commands (`reuse`, `shingles`, `tally`) and `analyze
//! --jsonl` read and write them: lines of bytes made text (invalid UTF-8 replaced, not refused),
//! an article's `id`, `text`, `outlet` and `date`, and the head an answer line starts with.

use serde::Serialize;
use serde_json::Value;
use std::io::{self, BufRead};

/// The non-blank lines of `input`, without their line ending (`\n` or `\r\n`).
pub fn lines(mut input: impl BufRead) -> impl Iterator<Item = io::Result<String>> {
    let mut buf = Vec::new();
    std::iter::from_fn(move || loop {
        buf.clear();
        match input.read_until(b'\n', &mut buf) {
            Err(e) => return Some(Err(e)),
            Ok(0) => return None,
            Ok(_) => {
                let line = buf.strip_suffix(b"\n").unwrap_or(&buf);
                let line = line.strip_suffix(b"\r").unwrap_or(line);
                let text = String::from_utf8_lossy(line);
                if !text.trim().is_empty() {
                    return Some(Ok(text.into_owned()));
                }
            }
        }
    })
}

/// What an answer line carries of its input line beside the answer: the `id`, and the
/// `outlet` and `date` when the input gives them, as given.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Head {
    /// The input's `id` (null when it has none).
    pub id: Value,
    /// The input's `outlet`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<Value>,
    /// The input's `date`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Value>,
}

impl Head {
    /// The head of an input line parsed as JSON.
    pub fn of(line: &Value) -> Head {
        Head {
            id: line.get("id").cloned().unwrap_or(Value::Null),
            outlet: line.get("outlet").cloned(),
            date: line.get("date").cloned(),
        }
    }

    /// The date as text, when it is a string.
    pub fn date_text(&self) -> Option<String> {
        self.date.as_ref().and_then(Value::as_str).map(String::from)
    }
}

/// An article line `{"id", "text", "outlet"?, "date"?}`: its head and its text, or the head and
/// why it has no text. The messages are those of `analyze --jsonl`.
pub fn article(line: &str) -> (Head, Result<String, String>) {
    match serde_json::from_str::<Value>(line) {
        Err(e) => (Head::default(), Err(format!("not JSON: {e}"))),
        Ok(mut value) => (Head::of(&value), text_of(&mut value)),
    }
}

/// The `text` string of an article object, taken out of it.
pub fn text_of(value: &mut Value) -> Result<String, String> {
    match value.get_mut("text").map(Value::take) {
        Some(Value::String(text)) => Ok(text),
        _ => Err("no \"text\" string in this line".to_string()),
    }
}

/// An answer line: the head's fields, then `key: value`.
pub fn answer(head: &Head, key: &str, value: impl Serialize) -> serde_json::Result<String> {
    #[derive(Serialize)]
    struct Line<'a, T> {
        #[serde(flatten)]
        head: &'a Head,
        #[serde(flatten)]
        rest: std::collections::BTreeMap<&'a str, T>,
    }
    serde_json::to_string(&Line {
        head,
        rest: [(key, value)].into(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_text_without_endings_or_blanks() {
        let input: &[u8] = b"one\r\n\n  \ntw\xffo\nthree";
        let got: Vec<String> = lines(input).map(Result::unwrap).collect();
        assert_eq!(got, ["one", "tw\u{fffd}o", "three"]);
    }

    #[test]
    fn heads_carry_outlet_and_date() {
        let (head, text) =
            article(r#"{"id": 7, "outlet": "Reuters", "date": "2024-10-11", "text": "x"}"#);
        assert_eq!(text.as_deref(), Ok("x"));
        let line = answer(&head, "error", "why").unwrap();
        assert_eq!(
            line,
            r#"{"id":7,"outlet":"Reuters","date":"2024-10-11","error":"why"}"#
        );
        let (head, text) = article("{\"id\": \"a\"}");
        assert_eq!(text, Err("no \"text\" string in this line".into()));
        assert_eq!(
            answer(&head, "error", 1).unwrap(),
            r#"{"id":"a","error":1}"#
        );
        assert!(article("{").1.unwrap_err().starts_with("not JSON"));
    }
}
