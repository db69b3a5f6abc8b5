//! The command-line tool, run as a user runs it.
#![cfg(not(target_arch = "wasm32"))] // it runs the native binary

#[path = "common/binary.rs"]
mod binary;
use binary::parallax;
use std::io::Write;
use std::process::{Command, Stdio};

const LIMIT: usize = parallax::MAX_INPUT_BYTES;

#[test]
fn analyze_json_follows_the_documented_contract() {
    let text = "👋 Vladimir Putin met Masoud Pezeshkian in Ashgabat. Putin’s aide spoke.";
    let (out, _, ok) = parallax(&["analyze", "-", "--json"], text);
    assert!(ok);
    let json: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let entities = json["entities"].as_array().expect("entities");
    let counts: Vec<u64> = entities
        .iter()
        .map(|e| e["count"].as_u64().unwrap())
        .collect();
    assert!(
        counts.windows(2).all(|w| w[0] >= w[1]),
        "sorted by count: {counts:?}"
    );
    for e in entities {
        assert!(["PER", "ORG", "LOC", "MISC"].contains(&e["kind"].as_str().unwrap()));
        for m in e["mentions"].as_array().unwrap() {
            let (s, t) = (
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                &text[s..t],
                m["text"].as_str().unwrap(),
                "byte offsets into the input as given"
            );
            assert!(
                m.get("startUtf16").is_none(),
                "UTF-16 offsets are for JS only"
            );
        }
    }
    let putin = entities
        .iter()
        .find(|e| e["name"] == "Vladimir Putin")
        .expect("Putin");
    assert_eq!(putin["count"], 2);
    // The possessive is outside the span.
    assert_eq!(putin["mentions"][1]["text"], "Putin");
}

#[test]
fn jsonl_answers_every_line_in_order_and_survives_bad_ones() {
    let input = "{\"id\": 1, \"text\": \"Putin spoke in Moscow.\"}\nnot json\n{\"id\": \"x\"}\n{\"id\": 4, \"text\": \"Tehran\"}\n";
    let (out, _, ok) = parallax(&["analyze", "--jsonl"], input);
    assert!(ok);
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["id"], 1);
    assert!(lines[0]["analysis"]["entities"].is_array());
    assert!(lines[1]["error"].as_str().unwrap().contains("not JSON"));
    assert_eq!(lines[2]["id"], "x");
    assert!(lines[2]["error"].as_str().unwrap().contains("text"));
    assert_eq!(lines[3]["id"], 4);
    // Errors say which line they answer (the id may be missing); answers are as they were.
    assert_eq!(
        (lines[1]["line"].as_u64(), lines[2]["line"].as_u64()),
        (Some(2), Some(3))
    );
    assert!(lines[0].get("line").is_none() && lines[3].get("line").is_none());
}

/// JSON lines of `out`, each parsed.
fn json_lines(out: &str) -> Vec<serde_json::Value> {
    out.lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect()
}

/// A byte that is not UTF-8 used to end the whole run ("stream did not contain valid UTF-8")
/// and lose every line after it: lines are read as bytes and decoded with replacement.
#[test]
fn jsonl_reads_bytes_so_invalid_utf8_is_replaced_not_fatal() {
    let mut input = b"\xef\xbb\xbf{\"id\": 1, \"text\": \"Putin met Erdogan.\"}\n".to_vec();
    input.extend_from_slice(b"{\"id\": 2, \"text\": \"bad \xff\xfe byte in Moscow\"}\r\n");
    input.extend_from_slice(b"\xff not JSON\n{\"id\": 4, \"text\": \"Tehran.\"}\n");
    let (out, err, ok) = parallax(&["analyze", "--jsonl"], input);
    assert!(ok, "{err}");
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 4, "{out}");
    // A byte order mark opening the input is not part of the first line's JSON.
    assert_eq!(lines[0]["id"], 1);
    assert!(lines[0]["analysis"].is_object(), "{}", lines[0]);
    assert_eq!(lines[1]["id"], 2);
    let moscow = &lines[1]["analysis"]["entities"][0]["mentions"][0];
    assert_eq!(moscow["text"], "Moscow");
    // Each bad byte became a U+FFFD, three bytes, and offsets count them so.
    assert_eq!(moscow["start"], 4 + 2 * 3 + " byte in ".len());
    assert!(lines[2]["error"].as_str().unwrap().contains("not JSON"));
    assert_eq!(lines[2]["line"], 3);
    assert_eq!(lines[3]["id"], 4);
}

/// Blank lines were skipped silently, so output line N no longer answered input line N: each
/// gets an error record, as documented in the README and `--help`.
#[test]
fn jsonl_answers_a_blank_line_so_output_lines_match_input_lines() {
    let input = "{\"id\": 1, \"text\": \"Moscow.\"}\n\n   \t\n{\"id\": 4, \"text\": \"Tehran.\"}";
    let (out, err, ok) = parallax(&["analyze", "--jsonl"], input);
    assert!(ok, "{err}");
    let lines = json_lines(&out);
    assert_eq!(
        lines.len(),
        4,
        "a last line without a newline is a line too: {out}"
    );
    for (k, line) in [(1, &lines[1]), (2, &lines[2])] {
        assert_eq!(
            *line,
            serde_json::json!({ "id": null, "error": "blank line", "line": k + 1 })
        );
    }
    assert_eq!(
        (lines[0]["id"].as_u64(), lines[3]["id"].as_u64()),
        (Some(1), Some(4))
    );
}

/// A line longer than MAX_JSONL_LINE_BYTES (61 MiB: a 10 MiB text with every byte escaped)
/// is skipped as it is read, with an error record, and the lines after it are answered; a
/// text over the 10 MiB limit in a shorter line is refused by name and size.
#[test]
fn jsonl_skips_a_line_over_max_jsonl_line_bytes_and_goes_on() {
    let mut input = b"{\"id\": 1, \"text\": \"".to_vec();
    input.resize(input.len() + (62 << 20), b'a');
    input.extend_from_slice(b"\"}\n{\"id\": 2, \"text\": \"");
    input.resize(input.len() + (11 << 20), b'b');
    input.extend_from_slice(b"\"}\n{\"id\": 3, \"text\": \"Putin spoke in Moscow.\"}\n");
    let (out, err, ok) = parallax(&["analyze", "--jsonl"], input);
    assert!(ok, "{err}");
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 3, "{out}");
    let too_long = lines[0]["error"].as_str().expect("error");
    assert!(too_long.contains("longer than 61 MiB"), "{too_long}");
    assert_eq!(
        (&lines[0]["id"], lines[0]["line"].as_u64()),
        (&serde_json::Value::Null, Some(1))
    );
    let too_large = lines[1]["error"].as_str().expect("error");
    assert!(
        too_large.contains("11 MiB, more than the 10 MiB"),
        "{too_large}"
    );
    assert_eq!(
        (lines[1]["id"].as_u64(), lines[1]["line"].as_u64()),
        (Some(2), Some(2))
    );
    assert_eq!(lines[2]["id"], 3);
    assert!(lines[2]["analysis"]["entities"].is_array());
}

#[test]
fn missing_file_is_a_clear_error() {
    let (_, err, ok) = parallax(&["analyze", "/no/such/file.txt"], "");
    assert!(!ok);
    assert!(err.contains("/no/such/file.txt"), "{err}");
}

#[test]
fn unknown_option_shows_usage() {
    let (_, err, ok) = parallax(&["analyze", "-", "--frobnicate"], "text");
    assert!(!ok);
    assert!(err.contains("usage"), "{err}");
}

/// serde_json writes U+2028, U+2029 and U+0085 raw, and readers that split on Unicode line
/// breaks cut a record there: both `--json` and `--jsonl` write them escaped.
#[test]
fn json_output_escapes_unicode_line_breaks() {
    let text =
        "Russian President Vladimir\u{2028}Putin met Iranian President Masoud\u{85}Pezeshkian \
                in Ashgabat on Friday.\nRead more: Putin\u{2029}visits Tehran\n";
    let line = serde_json::json!({ "id": "sep\u{2028}id", "text": text }).to_string();
    let (jsonl, _, ok) = parallax(&["analyze", "--jsonl"], format!("{line}\n"));
    assert!(ok);
    let (json, _, ok) = parallax(&["analyze", "-", "--json"], text);
    assert!(ok);
    for out in [&jsonl, &json] {
        for raw in ['\u{2028}', '\u{2029}', '\u{85}'] {
            assert!(!out.contains(raw), "{raw:?} written raw");
        }
        assert!(out.contains("\\u2028") && out.contains("\\u0085"), "{out}");
    }
    assert_eq!(jsonl.lines().count(), 1);
    // Escaped, they are the same strings.
    let record: serde_json::Value = serde_json::from_str(&jsonl).expect("JSON");
    assert_eq!(record["id"], "sep\u{2028}id");
    let analysis: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(record["analysis"], analysis);
    // The article's own line breaks survive, as escapes, in what the analysis quotes of it.
    let decoded = analysis.to_string();
    assert!(
        decoded.contains('\u{2028}') && decoded.contains('\u{85}'),
        "{decoded}"
    );
}

/// Inputs were read whole before the size was checked: a pipe that never ends was read until
/// memory ran out. Reading stops one byte past the limit, and the refusal names the input.
#[test]
fn input_over_the_limit_is_refused_after_reading_one_byte_past_it() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["analyze", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    let mut stdin = child.stdin.take().expect("stdin");
    // Six times the limit, as if endless: the reader must give up long before the end.
    let writer = std::thread::spawn(move || {
        let chunk = "Putin met Pezeshkian. ".repeat(3000);
        let mut written = 0;
        while written < 6 * LIMIT {
            if stdin.write_all(chunk.as_bytes()).is_err() {
                break;
            }
            written += chunk.len();
        }
        written
    });
    let out = child.wait_with_output().expect("finishes");
    let written = writer.join().expect("writer");
    let err = String::from_utf8(out.stderr).expect("utf-8");
    assert!(!out.status.success());
    assert!(
        err.contains("standard input") && err.contains("more than the 10 MiB"),
        "{err}"
    );
    assert!(written < 2 * LIMIT, "read {written} bytes before refusing");
}

#[test]
fn compare_names_the_file_over_the_limit() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"));
    let big = dir.join("cli-over-the-limit.txt");
    std::fs::write(&big, "a".repeat(LIMIT + 1)).expect("writes");
    let small = dir.join("cli-under-the-limit.txt");
    std::fs::write(&small, "Putin spoke in Moscow.").expect("writes");
    let (big, small) = (big.to_str().unwrap(), small.to_str().unwrap());
    let (_, err, ok) = parallax(&["compare", small, big], "");
    assert!(!ok);
    assert!(
        err.contains(&format!(
            "{big}: the text is 10.1 MiB, more than the 10 MiB"
        )),
        "{err}"
    );
    assert!(!err.contains(small), "{err}");
    // Exactly at the limit is not over it (spaces: quick to analyse).
    std::fs::write(big, " ".repeat(LIMIT)).expect("writes");
    let (_, err, ok) = parallax(&["analyze", big], "");
    assert!(ok, "{err}");
}

/// `compare - -` read standard input for A and then found it empty for B.
#[test]
fn compare_refuses_standard_input_twice() {
    let (out, err, ok) = parallax(&["compare", "-", "-"], "Putin spoke in Moscow.");
    assert!(!ok && out.is_empty());
    assert!(
        err.contains("standard input (-) can be read only once"),
        "{err}"
    );
}

/// `parallax ... | head -1` printed "Broken pipe (os error 32)" and failed: a reader that has
/// gone away is no error.
#[test]
fn a_broken_pipe_ends_the_run_quietly_and_successfully() {
    let jsonl = "{\"id\": 1, \"text\": \"Putin spoke in Moscow.\"}\n".repeat(40);
    let article =
        "Russian President Vladimir Putin met Masoud Pezeshkian in Ashgabat.\n".repeat(50);
    for (args, input) in [
        (&["analyze", "--jsonl"][..], jsonl.as_str()),
        (&["analyze", "-", "--json"][..], article.as_str()),
        (&["analyze", "-"][..], article.as_str()),
        (&["help"][..], ""),
    ] {
        let mut child = binary::spawn(args);
        // The reader goes away before the first line is written.
        drop(child.stdout.take());
        let mut stdin = child.stdin.take().expect("stdin");
        let _ = stdin.write_all(input.as_bytes());
        drop(stdin);
        let out = child.wait_with_output().expect("finishes");
        let err = String::from_utf8(out.stderr).expect("utf-8");
        assert!(out.status.success(), "{args:?}: {err}");
        assert!(err.is_empty(), "{args:?}: {err}");
    }
}

#[test]
fn help_is_an_answer_not_an_error() {
    for args in [&["--help"][..], &["analyze", "--help"][..], &["help"][..]] {
        let (out, err, ok) = parallax(args, "");
        assert!(ok, "{err}");
        assert!(out.starts_with("usage:") && out.contains("blank"), "{out}");
    }
}

/// An article with terminal escape sequences, C0 and C1 controls, DEL, bidi overrides and
/// isolates in its headline, byline, outlet, names, quotes, credits and sources.
const HOSTILE_HTML: &str = "<html><head><title>Putin\u{1b}[2J meets Pezeshkian\u{202e} in Ashgabat</title>\
    <meta name=\"author\" content=\"\u{1b}]0;pwned\u{7}Evil Writer\">\
    <meta property=\"og:site_name\" content=\"Reu\u{9b}ters\u{2066}\"></head><body><article>\
    <p>MOSCOW\u{8}\u{8} (Reuters) - Russian President Vladimir\u{1b}[31m Putin met Iranian President \
    Masoud Pezeshkian\u{2067} in Ashgabat on Friday, according to Ta\u{1b}ss and IRNA.</p>\
    <p>\"We are close\u{1b}[1A to signing\u{2028} a treaty\u{7f},\" Pezeshkian\u{202d} said, according \
    to IRNA. The two leaders spoke for an hour about trade, energy and security in the region.</p>\
    <p>Reporting by Andrew\u{1b}[5m Osborn; Editing by Mark\u{2069} Trevelyan</p></article></body></html>";

/// The text summaries printed the article's own control characters, so an article could clear
/// the screen, set the terminal's title or reorder what follows: all go through `shown`.
#[test]
fn text_summaries_show_control_characters_and_bidi_overrides_escaped() {
    let other = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-hostile-b.txt");
    std::fs::write(
        &other,
        "Russian President Vladimir\u{1b}[2J\u{7}Putin met Masoud Pezeshkian in Ashgabat.\n\n\u{1b}[31mBy Evil Writer\n",
    )
    .expect("writes");
    let other = other.to_str().unwrap();
    let (summary, err, ok) = parallax(&["analyze", "-"], HOSTILE_HTML);
    assert!(ok, "{err}");
    let (comparison, err, ok) = parallax(&["compare", "-", other], HOSTILE_HTML);
    assert!(ok, "{err}");
    for out in [&summary, &comparison] {
        let bad: Vec<char> = out
            .chars()
            .filter(|&c| {
                (c.is_control() && c != '\n')
                    || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
                    || matches!(c, '\u{2028}' | '\u{2029}')
            })
            .collect();
        assert!(bad.is_empty(), "printed raw: {bad:?}\n{out}");
        assert!(out.contains("Vladimir\\u{1b}["), "{out}");
    }
    for escaped in [
        "headline: Putin\\u{1b}[2J meets Pezeshkian\\u{202e} in Ashgabat",
        "byline: \\u{1b}]0;pwned\\u{7}Evil Writer",
        "outlet: Reu\\u{9b}ters\\u{2066}",
        "\"We are close\\u{1b}[1A to signing",
        "Andrew\\u{1b}[5m Osborn",
    ] {
        assert!(summary.contains(escaped), "{escaped} not in\n{summary}");
    }
}
