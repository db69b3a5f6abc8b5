//! `parallax eval-readability DIR`: how well HTML extraction agrees with Mozilla Readability's
//! expected output on its test pages (`DIR/*/source.html`, `expected.html`,
//! `expected-metadata.json`). A benchmark, not a test: it prints figures.

use crate::read::article;
use crate::read::html::Dom;
use crate::read::readability;
use std::fmt::Write as _;
use std::path::Path;

/// The figures of one run.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// Pages read.
    pub pages: usize,
    /// Mean token-level F1 of extracted text against the expected text.
    pub mean_f1: f64,
    /// Share of pages whose headline equals the expected title (white space folded).
    pub headline_rate: f64,
    /// Pages with an expected byline.
    pub bylines_expected: usize,
    /// Share of those whose byline equals the expected one (white space folded, case ignored).
    pub byline_rate: f64,
    /// One line per page: name, F1, headline and byline verdicts.
    pub lines: Vec<String>,
}

/// Runs the evaluation over every page directory under `dir`.
///
/// # Errors
/// When `dir` cannot be listed or holds no pages.
pub fn readability_pages(dir: &Path) -> Result<Report, String> {
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("source.html").is_file() && p.join("expected.html").is_file())
        .collect();
    names.sort();
    if names.is_empty() {
        return Err(format!("{}: no */source.html pages", dir.display()));
    }
    let mut report = Report::default();
    let (mut f1_sum, mut headlines, mut bylines) = (0.0, 0, 0);
    for page in &names {
        let read =
            |f: &str| std::fs::read(page.join(f)).map(|b| String::from_utf8_lossy(&b).into_owned());
        let (Ok(source), Ok(expected)) = (read("source.html"), read("expected.html")) else {
            continue;
        };
        let meta_json = read("expected-metadata.json").unwrap_or_default();
        let got = article::read(&source);
        let body = got.body_text();
        let want: String = readability::all_blocks(&Dom::parse(&expected))
            .into_iter()
            .map(|b| b.text + "\n")
            .collect();
        let f1 = token_f1(body, &want);
        f1_sum += f1;
        let expected_title = json_string(&meta_json, "title");
        let headline_ok = fold(got.meta.headline.as_deref()) == fold(expected_title.as_deref());
        headlines += usize::from(headline_ok);
        let expected_byline = json_string(&meta_json, "byline");
        let byline_ok = expected_byline.as_ref().map(|want| {
            fold(got.meta.byline.as_deref()).to_lowercase() == fold(Some(want)).to_lowercase()
        });
        if let Some(ok) = byline_ok {
            report.bylines_expected += 1;
            bylines += usize::from(ok);
        }
        let name = page
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut line = format!(
            "{name:<45} f1 {f1:.3}  headline {}",
            if headline_ok { "ok" } else { "--" }
        );
        match byline_ok {
            Some(ok) => {
                let _ = write!(line, "  byline {}", if ok { "ok" } else { "--" });
            }
            None => line.push_str("  byline n/a"),
        }
        report.lines.push(line);
        report.pages += 1;
    }
    let pages = report.pages.max(1) as f64;
    report.mean_f1 = f1_sum / pages;
    report.headline_rate = headlines as f64 / pages;
    report.byline_rate = bylines as f64 / report.bylines_expected.max(1) as f64;
    Ok(report)
}

fn fold(s: Option<&str>) -> String {
    s.unwrap_or("")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Lowercase word tokens; each CJK character is a token of its own, since those scripts do not
/// separate words with spaces.
fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        let cjk = matches!(c as u32, 0x3040..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xac00..=0xd7af);
        if c.is_alphanumeric() && !cjk {
            word.extend(c.to_lowercase());
            continue;
        }
        if !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
        if cjk {
            out.push(c.to_string());
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// F1 of the multisets of tokens of `got` and `want`.
pub fn token_f1(got: &str, want: &str) -> f64 {
    let mut got = tokens(got);
    let mut want = tokens(want);
    if got.is_empty() && want.is_empty() {
        return 1.0;
    }
    got.sort_unstable();
    want.sort_unstable();
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < got.len() && j < want.len() {
        match got[i].cmp(&want[j]) {
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    if common == 0 {
        return 0.0;
    }
    let precision = common as f64 / got.len() as f64;
    let recall = common as f64 / want.len() as f64;
    2.0 * precision * recall / (precision + recall)
}

/// A top-level string field of a small JSON object (the expected metadata files).
fn json_string(json: &str, key: &str) -> Option<String> {
    let needle = format!("\"{key}\"");
    let at = json.find(&needle)? + needle.len();
    let rest = json[at..].trim_start().strip_prefix(':')?.trim_start();
    let rest = rest.strip_prefix('"')?;
    let mut out = String::new();
    let mut chars = rest.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => return Some(out),
            '\\' => match chars.next()? {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                'u' => {
                    let hex: String = chars.by_ref().take(4).collect();
                    out.push(
                        char::from_u32(u32::from_str_radix(&hex, 16).ok()?).unwrap_or('\u{fffd}'),
                    );
                }
                other => out.push(other),
            },
            _ => out.push(c),
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn f1_counts_repeated_tokens() {
        assert_eq!(token_f1("a b c", "a b c"), 1.0);
        assert_eq!(token_f1("", "a"), 0.0);
        let f = token_f1("a a b", "a b b");
        assert!((f - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(tokens("北京 Putin's"), ["北", "京", "putin", "s"]);
    }

    #[test]
    fn expected_metadata_fields() {
        let json = r#"{"title": "A \"quoted\" title", "byline": null}"#;
        assert_eq!(
            json_string(json, "title").as_deref(),
            Some("A \"quoted\" title")
        );
        assert_eq!(json_string(json, "byline"), None);
    }
}
