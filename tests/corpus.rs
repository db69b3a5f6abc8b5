//! The corpus commands, run as a user runs them: `reuse --jsonl` says of each pair what
//! `compare A B` says, `reuse --pairs` and `shingles --jsonl` (the cluster's halves of the job)
//! agree with it, `analyze --jsonl` carries `outlet` and `date`, and `tally` writes its tables.

#[path = "common/binary.rs"]
mod binary;
use binary::parallax;
use parallax::{compare_with, CompareOptions, Span};
use serde_json::{json, Value};

fn seed(name: &str) -> String {
    std::fs::read_to_string(format!("tests/fixtures/seeds/{name}.txt")).expect("seed")
}

const INDEPENDENT: &str = "2024-10-11-independent-putin-pezeshkian-ashgabat";
const REUTERS: &str = "2024-10-11-reuters-putin-pezeshkian-ashgabat";
const NEWSER: &str = "2025-01-17-newser-putin-pezeshkian-treaty";

/// The Reuters story as a web page: offsets then index the text the reader extracts.
fn as_html(text: &str) -> String {
    let paragraphs: String = text
        .split("\n\n")
        .map(|p| format!("<p>{}</p>\n", p.replace('&', "&amp;").replace('<', "&lt;")))
        .collect();
    format!("<!doctype html><html><head><title>Putin and Pezeshkian</title></head><body><article>{paragraphs}</article></body></html>")
}

fn corpus() -> Vec<Value> {
    vec![
        json!({"id": "newser", "outlet": "Newser", "date": "2025-01-17", "text": seed(NEWSER)}),
        json!({"id": "independent", "outlet": "The Independent", "date": "2024-10-11T12:00", "text": seed(INDEPENDENT)}),
        json!({"id": 3, "text": 3}),
        json!({"id": "reuters", "outlet": "Reuters", "date": "2024-10-11T09:00", "text": seed(REUTERS)}),
        json!({"id": "reuters-page", "date": "2024-10-12", "text": as_html(&seed(REUTERS))}),
    ]
}

fn jsonl(lines: &[Value]) -> String {
    let mut s: String = lines.iter().map(|l| format!("{l}\n")).collect();
    s.push_str("{not json\n\n");
    s
}

fn lines(out: &str) -> Vec<Value> {
    out.lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

fn text_of(article: &Value) -> String {
    article["text"].as_str().unwrap().to_string()
}

#[test]
fn each_pair_is_what_compare_says_of_it() {
    let articles = corpus();
    let (out, err, ok) = parallax(&["reuse", "--jsonl"], jsonl(&articles));
    assert!(ok, "{err}");
    let raw: Vec<&str> = out.lines().collect();
    let out = lines(&out);
    let errors: Vec<&Value> = out.iter().filter(|l| l.get("error").is_some()).collect();
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert_eq!(errors[0]["id"], 3);
    let pairs: Vec<(&str, &str)> = out
        .iter()
        .filter(|l| l.get("passages").is_some())
        .map(|l| (l["a"].as_str().unwrap(), l["b"].as_str().unwrap()))
        .collect();
    // The earlier-dated article is A; the page is the Reuters story again, a day later.
    assert!(pairs.contains(&("reuters", "independent")), "{pairs:?}");
    assert!(pairs.contains(&("reuters", "reuters-page")), "{pairs:?}");
    let by_id = |id: &str| articles.iter().find(|a| a["id"] == id).unwrap();
    for (line, raw) in out
        .iter()
        .zip(&raw)
        .filter(|(l, _)| l.get("passages").is_some())
    {
        // Shares as the line writes them: serde_json's default parsing may be off in the last
        // digit, its writing never is.
        let has = |key: &str, x: f64| raw.contains(&format!("\"{key}\":{}", json!(x)));
        let (ta, tb) = (
            text_of(by_id(line["a"].as_str().unwrap())),
            text_of(by_id(line["b"].as_str().unwrap())),
        );
        // The corpus aligns every pair with one passage length, the articles' one.
        let eight = CompareOptions {
            min_match_words: Some(parallax::ARTICLE_MIN_MATCH_WORDS),
            ..CompareOptions::default()
        };
        let c = compare_with(&ta, &tb, eight).unwrap();
        assert!(has("reusedShareA", c.reused_share_a), "{raw}");
        assert!(has("reusedShareB", c.reused_share_b), "{raw}");
        let passages = line["passages"].as_array().unwrap();
        assert_eq!(passages.len(), c.passages.len());
        let mut words = 0;
        for (p, q) in passages.iter().zip(&c.passages) {
            assert_eq!(p["a"], json!({"start": q.a.start, "end": q.a.end}));
            assert_eq!(p["b"], json!({"start": q.b.start, "end": q.b.end}));
            assert_eq!(p["words"], q.words);
            assert_eq!(p["kind"], json!(q.kind));
            words += q.words;
        }
        assert_eq!(line["words"], words);
        assert!(has("verbatimShareA", c.verbatim_share_a), "{raw}");
        assert!(has("verbatimShareB", c.verbatim_share_b), "{raw}");
        // For the page, offsets index the extracted text, which analyze gives as `text`.
        let indexed = c.b.indexed_text(&tb);
        for p in passages {
            let span = Span::new(
                p["b"]["start"].as_u64().unwrap() as usize,
                p["b"]["end"].as_u64().unwrap() as usize,
            );
            assert!(indexed.get(span.range()).is_some());
        }
    }
}

#[test]
fn the_cluster_halves_agree_with_the_whole() {
    let articles = corpus();
    let input = jsonl(&articles);
    let (whole, _, ok) = parallax(&["reuse", "--jsonl", "--min-words", "10"], &input);
    assert!(ok);
    let whole: Vec<Value> = lines(&whole)
        .into_iter()
        .filter(|l| l.get("passages").is_some())
        .collect();
    // Every pair, in input order, as a cluster hands them over (it proposes fewer).
    let good: Vec<&Value> = articles.iter().filter(|a| a["text"].is_string()).collect();
    let mut pairs = String::new();
    for (i, a) in good.iter().enumerate() {
        for b in &good[i + 1..] {
            pairs.push_str(&format!("{}\n", json!({"a": a, "b": b})));
        }
    }
    pairs.push_str("{\"a\": {\"id\": 1, \"text\": \"x\"}}\n");
    let (halves, err, ok) = parallax(&["reuse", "--pairs", "--min-words", "10"], &pairs);
    assert!(ok, "{err}");
    let mut halves = lines(&halves);
    let bad = halves.pop().unwrap();
    assert_eq!(bad["a"], 1);
    assert!(bad["error"].is_string());
    let key = |l: &Value| l.to_string();
    let (mut x, mut y): (Vec<String>, Vec<String>) = (
        whole.iter().map(key).collect(),
        halves.iter().map(key).collect(),
    );
    x.sort();
    y.sort();
    assert_eq!(x, y);

    let (shingles, _, ok) = parallax(&["shingles", "--jsonl", "--min-words", "10"], &input);
    assert!(ok);
    let shingles = lines(&shingles);
    assert_eq!(shingles.len(), articles.len() + 1);
    let of = |id: &str| -> Vec<u64> {
        let line = shingles.iter().find(|l| l["id"] == id).unwrap();
        assert_eq!(
            line["outlet"],
            articles.iter().find(|a| a["id"] == id).unwrap()["outlet"]
        );
        serde_json::from_value(line["shingles"].clone()).unwrap()
    };
    let (reuters, page, newser) = (of("reuters"), of("reuters-page"), of("newser"));
    assert!(
        reuters.windows(2).all(|w| w[0] < w[1]),
        "sorted and distinct"
    );
    let shared = |x: &[u64], y: &[u64]| x.iter().filter(|h| y.binary_search(h).is_ok()).count();
    assert!(shared(&reuters, &page) > reuters.len() / 2);
    assert!(shared(&reuters, &newser) < 10);
}

#[test]
fn options_filter_and_bad_options_are_refused() {
    let input = jsonl(&corpus());
    let (out, _, ok) = parallax(&["reuse", "--jsonl", "--min-share", "0.9"], &input);
    assert!(ok);
    let pairs: Vec<Value> = lines(&out)
        .into_iter()
        .filter(|l| l.get("passages").is_some())
        .collect();
    assert_eq!(pairs.len(), 1, "only the page is the Reuters story whole");
    assert_eq!(
        (pairs[0]["a"].as_str(), pairs[0]["b"].as_str()),
        (Some("reuters"), Some("reuters-page"))
    );
    for bad in [
        &["reuse", "--jsonl", "--min-share", "2"][..],
        &["reuse", "--jsonl", "--min-words", "0"],
        &["reuse", "--jsonl", "--max-docs", "1"],
        &["reuse"],
        &["shingles", "--pairs"],
        &["tally"],
        &["tally", "--table", "people"],
    ] {
        let (_, err, ok) = parallax(bad, "");
        assert!(!ok && err.contains("parallax:"), "{bad:?}: {err}");
    }
}

#[test]
fn analyze_carries_outlet_and_date_and_tally_counts_them() {
    let input = jsonl(&corpus());
    let (analyzed, _, ok) = parallax(&["analyze", "--jsonl"], &input);
    assert!(ok);
    let first = &lines(&analyzed)[0];
    assert_eq!(first["outlet"], "Newser");
    assert_eq!(first["date"], "2025-01-17");
    assert!(first["analysis"].is_object());
    let (entities, err, ok) = parallax(&["tally", "--table", "entities"], &analyzed);
    assert!(ok);
    // The page too large, the line that is not JSON and the blank line after it: `analyze
    // --jsonl` answers every line, a blank one with an error.
    assert!(err.contains("3 lines without an analysis"), "{err}");
    let rows: Vec<&str> = entities.split("\r\n").collect();
    assert_eq!(rows[0], "outlet,entity,kind,articles,mentions,share");
    // The page names no outlet in its line: its outlet is the one its text names.
    let putin: Vec<&&str> = rows
        .iter()
        .filter(|r| r.contains(",Vladimir Putin,PER,"))
        .collect();
    assert!(
        putin
            .iter()
            .any(|r| r.starts_with("Reuters,Vladimir Putin,PER,2,")),
        "{putin:?}"
    );
    let dir = std::env::temp_dir().join(format!("parallax-tally-{}", std::process::id()));
    let (_, _, ok) = parallax(&["tally", "--out", dir.to_str().unwrap()], &analyzed);
    assert!(ok);
    let file = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap();
    assert_eq!(file("entities.csv"), entities);
    assert!(file("speakers.csv").starts_with("outlet,speaker,articles,quotes,share\r\n"));
    assert!(file("sources.csv").contains("\r\nReuters,"));
    std::fs::remove_dir_all(&dir).unwrap();
}
