//! Property tests (issue 16): for arbitrary Unicode text and HTML-like input, `analyze` never
//! panics, every span lies on char boundaries inside the text it indexes, every mention slices
//! to its own text, and the UTF-16 offsets the wasm boundary fills in slice to the same text in
//! JavaScript's terms. `PROPTEST_CASES=10000 cargo test --release --test properties` runs longer.
#![cfg(not(target_arch = "wasm32"))]

use parallax::{analyze, fill_utf16, Analysis};
use proptest::prelude::*;

/// Pieces that reach the readers' rules: names, cues, quotes, markup, every UTF-8 width, letters
/// whose lowercase has another length (İ, K, ẞ), controls.
const PIECES: &[&str] = &[
    "Putin",
    "Vladimir Putin",
    "Iran-Russia",
    "U.S.",
    "Reuters",
    "MOSCOW (Reuters) - ",
    "said",
    "told",
    "according to",
    "Reporting by ",
    "Editing by ",
    "; ",
    "date ",
    "Published: ",
    "contributed to this report.",
    "\u{201c}",
    "\u{201d}",
    "\"",
    "'",
    "\u{2019}s",
    "(",
    ")",
    "-",
    "\u{2014}",
    ", ",
    ". ",
    " ",
    "\n",
    "\n\n",
    "\t",
    "\r\n",
    "İ",
    "\u{212a}",
    "ẞ",
    "Ω",
    "Å",
    "é",
    "ऊ",
    "👋",
    "🤨",
    "\u{0}",
    "\u{1b}",
    "\u{FFFD}",
    "\u{200B}",
    "\u{2028}",
    "\u{85}",
    "Mr. ",
    "The ",
    "I ",
    "1,000",
    "2024-10-11",
];

/// HTML pieces: tags the reader treats specially, attributes, entities, unclosed things.
const TAGS: &[&str] = &[
    "<!DOCTYPE html>",
    "<html>",
    "<head>",
    "</head>",
    "<body>",
    "<title>",
    "</title>",
    "<meta property=\"og:title\" content=\"",
    "<meta name=\"author\" content=\"",
    "\">",
    "<h1>",
    "</h1>",
    "<h2>",
    "</h2>",
    "<p>",
    "</p>",
    "<div class=\"byline\">",
    "<div>",
    "</div>",
    "<article>",
    "</article>",
    "<script>",
    "</script>",
    "<style>",
    "<!--",
    "-->",
    "<br>",
    "<a href=\"x\">",
    "</a>",
    "<span class=share>",
    "</span>",
    "&amp;",
    "&lt;",
    "&#x1F44B;",
    "&nbsp;",
    "<",
    ">",
    "=\"",
    "<img alt=\"",
    "<li>",
    "<table><tr><td>",
];

fn piece(list: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(list).prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
        1 => "[A-Z][a-z]{1,8}",
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(PIECES), 0..120).prop_map(|p| p.concat())
}

fn html() -> impl Strategy<Value = String> {
    prop::collection::vec(prop_oneof![piece(TAGS), piece(PIECES)], 0..160)
        .prop_map(|p| format!("<!DOCTYPE html><html><body>{}", p.concat()))
}

/// Every property of one analysis of `input`.
fn check(input: &str) -> Result<(), TestCaseError> {
    let mut analysis: Analysis = match analyze(input) {
        Ok(a) => a,
        Err(e) => return Err(TestCaseError::fail(format!("refused: {e}"))),
    };
    let text = analysis.indexed_text(input).to_string();
    for loc in analysis.locs_mut() {
        let (s, e) = (loc.start as usize, loc.end as usize);
        prop_assert!(s <= e && e <= text.len(), "span {s}..{e} of {}", text.len());
        prop_assert!(
            text.is_char_boundary(s) && text.is_char_boundary(e),
            "span {s}..{e} splits a char"
        );
    }
    let mentions = analysis
        .entities
        .iter()
        .flat_map(|e| &e.mentions)
        .chain(analysis.sources.iter().flat_map(|s| &s.mentions));
    for m in mentions {
        prop_assert_eq!(&text[m.loc.start as usize..m.loc.end as usize], &*m.text);
    }
    // As the wasm front does it: then JavaScript's `slice` must give the same strings.
    fill_utf16(&text, &mut analysis.locs_mut());
    let utf16: Vec<u16> = text.encode_utf16().collect();
    for loc in analysis.locs_mut() {
        let (s16, e16) = (loc.start_utf16.unwrap_or(0), loc.end_utf16.unwrap_or(0));
        let js = String::from_utf16(&utf16[s16 as usize..e16 as usize]);
        prop_assert_eq!(
            js.as_deref().ok(),
            Some(&text[loc.start as usize..loc.end as usize])
        );
    }
    Ok(())
}

proptest! {
    #[test]
    fn arbitrary_text(input in text()) {
        check(&input)?;
    }

    #[test]
    fn arbitrary_unicode(input in any::<String>()) {
        check(&input)?;
    }

    #[test]
    fn html_like(input in html()) {
        check(&input)?;
    }
}
