//! `parallax eval-readability DIR`: how well HTML extraction agrees with Mozilla Readability's
//! expected output on its test pages (`DIR/*/source.html`, `expected.html`,
//! `expected-metadata.json`). A benchmark, not a test: it prints figures.
//!
//! The score is the article-extraction benchmark's: tokens are `\w+` runs (Unicode word
//! characters, case kept), each text a multiset of 4-token shingles; per page, precision and
//! recall of the output's shingles against the gold's (the text of `expected.html`); both
//! averaged over pages, so that each page weighs the same; F1 the harmonic mean of the two
//! averages. The body is compared, not the headline, as [`crate::extract`] gives it.

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
    /// Shingle precision, averaged over pages.
    pub precision: f64,
    /// Shingle recall, averaged over pages.
    pub recall: f64,
    /// The harmonic mean of `precision` and `recall`.
    pub f1: f64,
    /// Share of pages whose headline equals the expected title (white space folded).
    pub headline_rate: f64,
    /// Pages with an expected byline.
    pub bylines_expected: usize,
    /// Share of those whose byline equals the expected one (white space folded, case ignored).
    pub byline_rate: f64,
    /// Pages whose byline agrees with the expected one, absent or equal (white space folded,
    /// case and a leading "By" ignored), of all pages.
    pub byline_agreement: f64,
    /// One line per page: name, P, R, F1, headline and byline verdicts.
    pub lines: Vec<String>,
    /// The pages with the lowest F1, worst first: (name, precision, recall, F1).
    pub worst: Vec<(String, f64, f64, f64)>,
}

/// Pages listed as the worst.
const WORST_PAGES: usize = 10;

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
    let (mut p_sum, mut r_sum, mut headlines, mut bylines, mut agreeing) = (0.0, 0.0, 0, 0, 0);
    let mut scored = Vec::new();
    for page in &names {
        let read =
            |f: &str| std::fs::read(page.join(f)).map(|b| String::from_utf8_lossy(&b).into_owned());
        let (Ok(source), Ok(expected)) = (read("source.html"), read("expected.html")) else {
            continue;
        };
        let meta_json = read("expected-metadata.json").unwrap_or_default();
        let got = article::read(&source);
        let body = got.body();
        let want: String = readability::all_blocks(&Dom::parse(&expected))
            .into_iter()
            .map(|b| b.text + "\n")
            .collect();
        let (p, r) = shingle_scores(&body, &want);
        p_sum += p;
        r_sum += r;
        let f1 = harmonic(p, r);
        let expected_title = json_string(&meta_json, "title");
        let headline_ok = fold(got.meta.headline.as_deref()) == fold(expected_title.as_deref());
        headlines += usize::from(headline_ok);
        let expected_byline = json_string(&meta_json, "byline");
        let byline_ok = expected_byline
            .as_ref()
            .map(|want| byline_key(got.meta.byline.as_deref()) == byline_key(Some(want)));
        if let Some(ok) = byline_ok {
            report.bylines_expected += 1;
            bylines += usize::from(ok);
        }
        agreeing += usize::from(byline_ok.unwrap_or(got.meta.byline.is_none()));
        let name = page
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut line = format!(
            "{name:<45} P {p:.3} R {r:.3} F1 {f1:.3}  headline {}",
            if headline_ok { "ok" } else { "--" }
        );
        match byline_ok {
            Some(ok) => {
                let _ = write!(line, "  byline {}", if ok { "ok" } else { "--" });
            }
            None => line.push_str("  byline n/a"),
        }
        report.lines.push(line);
        scored.push((name, p, r, f1));
        report.pages += 1;
    }
    let pages = report.pages.max(1) as f64;
    report.precision = p_sum / pages;
    report.recall = r_sum / pages;
    report.f1 = harmonic(report.precision, report.recall);
    report.headline_rate = headlines as f64 / pages;
    report.byline_rate = bylines as f64 / report.bylines_expected.max(1) as f64;
    report.byline_agreement = agreeing as f64 / pages;
    scored.sort_by(|a, b| a.3.total_cmp(&b.3).then(a.0.cmp(&b.0)));
    scored.truncate(WORST_PAGES);
    report.worst = scored;
    Ok(report)
}

fn harmonic(p: f64, r: f64) -> f64 {
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

/// A byline as compared: white space folded, case and a leading "By" ignored.
fn byline_key(s: Option<&str>) -> String {
    let s = fold(s).to_lowercase();
    s.strip_prefix("by ").map(str::to_string).unwrap_or(s)
}

fn fold(s: Option<&str>) -> String {
    s.unwrap_or("")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The benchmark's tokens: runs of word characters (`\w`: letters, digits, `_`), case kept.
fn word_tokens(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .collect()
}

/// Shingle size: four tokens.
const SHINGLE: usize = 4;

/// The 4-token shingles of `text`, sorted (a multiset); a text of fewer tokens is one shingle.
fn shingles(text: &str) -> Vec<Vec<&str>> {
    let tokens = word_tokens(text);
    let mut out: Vec<Vec<&str>> = if tokens.len() < SHINGLE {
        if tokens.is_empty() {
            Vec::new()
        } else {
            vec![tokens]
        }
    } else {
        tokens.windows(SHINGLE).map(<[&str]>::to_vec).collect()
    };
    out.sort_unstable();
    out
}

/// Precision and recall of `got`'s shingles against `want`'s (multiset overlap). Two empty
/// texts agree perfectly; an empty side against a non-empty one scores 0 (and the other
/// figure 1, as nothing was wrongly kept or nothing was there to find).
pub fn shingle_scores(got: &str, want: &str) -> (f64, f64) {
    let (got, want) = (shingles(got), shingles(want));
    match (got.is_empty(), want.is_empty()) {
        (true, true) => return (1.0, 1.0),
        (true, false) => return (1.0, 0.0),
        (false, true) => return (0.0, 1.0),
        _ => {}
    }
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
    (
        common as f64 / got.len() as f64,
        common as f64 / want.len() as f64,
    )
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
    fn shingles_of_word_tokens_as_a_multiset() {
        assert_eq!(shingle_scores("a b c d", "a b c d"), (1.0, 1.0));
        // Case is kept; punctuation separates tokens.
        assert_eq!(
            word_tokens("Putin's U.S.-backed é_1"),
            ["Putin", "s", "U", "S", "backed", "é_1"]
        );
        let (p, r) = shingle_scores("a b c d e", "a b c d x");
        assert_eq!((p, r), (0.5, 0.5));
        // A repeated shingle counts as often as it occurs on both sides.
        let (p, r) = shingle_scores("a b c d a b c d", "a b c d");
        assert!((p - 1.0 / 5.0).abs() < 1e-9 && r == 1.0, "{p} {r}");
        assert_eq!(shingle_scores("", "a b"), (1.0, 0.0));
        assert_eq!(shingle_scores("", ""), (1.0, 1.0));
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
