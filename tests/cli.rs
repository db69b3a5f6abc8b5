//! The command-line tool, run as a user runs it.

use std::io::Write;
use std::process::{Command, Stdio};

fn parallax(args: &[&str], stdin: &str) -> (String, String, bool) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    // A command that fails early may exit before reading its input: a broken pipe is fine then.
    let written = child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes());
    assert!(written.is_ok() || written.is_err_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe));
    let out = child.wait_with_output().expect("finishes");
    (
        String::from_utf8(out.stdout).expect("utf-8"),
        String::from_utf8(out.stderr).expect("utf-8"),
        out.status.success(),
    )
}

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
