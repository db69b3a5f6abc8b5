//! The core is total: any text gives an analysis (or a typed refusal), never a panic, and every
//! span lies on char boundaries of the text it indexes.

use parallax::{analyze, compare, Analysis};

/// Characters chosen to stress tokenizing and reading: every UTF-8 width, quotes of both kinds,
/// markup, control characters, the replacement char that lone surrogates become.
const ALPHABET: &[&str] = &[
    "a",
    "Z",
    "Putin",
    "U.S.",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    ".",
    ",",
    "'",
    "’s",
    "\"",
    "“",
    "”",
    "‘",
    "(",
    ")",
    "-",
    "—",
    "é",
    "£",
    "ऊ",
    "👋",
    "🤨",
    "\u{0}",
    "\u{1b}",
    "\u{FFFD}",
    "\u{200B}",
    "<p>",
    "</p>",
    "<script>",
    "&amp;",
    "<a href='javascript:x'>",
    "said",
    "according to",
    "Reuters",
    "MOSCOW",
    "(Reuters) -",
    "0",
    "1,000",
    "Mr.",
    "Ms",
    "«",
    "»",
    "İ",
    "ß",
    "ﬁ",
];

/// A small deterministic generator (xorshift64*), so failures reproduce.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn text(&mut self, pieces: usize) -> String {
        (0..pieces)
            .map(|_| ALPHABET[(self.next() % ALPHABET.len() as u64) as usize])
            .collect()
    }
}

fn assert_spans_on_boundaries(input: &str, analysis: &Analysis) {
    let json = serde_json::to_value(analysis).expect("serializes");
    // The spans index the extracted text when there is one, else the input.
    let text = json
        .get("text")
        .and_then(|t| t.as_str())
        .unwrap_or(input)
        .to_string();
    let mut stack = vec![&json];
    while let Some(value) = stack.pop() {
        match value {
            serde_json::Value::Object(map) => {
                if let (Some(s), Some(e)) = (
                    map.get("start").and_then(|v| v.as_u64()),
                    map.get("end").and_then(|v| v.as_u64()),
                ) {
                    let (s, e) = (s as usize, e as usize);
                    assert!(
                        s <= e && e <= text.len(),
                        "span {s}..{e} outside text of {} bytes",
                        text.len()
                    );
                    assert!(
                        text.is_char_boundary(s) && text.is_char_boundary(e),
                        "span {s}..{e} splits a char in {text:?}"
                    );
                }
                stack.extend(map.values());
            }
            serde_json::Value::Array(items) => stack.extend(items),
            _ => {}
        }
    }
}

#[test]
fn arbitrary_text_never_panics_and_spans_land_on_char_boundaries() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for round in 0..400 {
        let len = (rng.next() % 200) as usize;
        let text = rng.text(len);
        let analysis =
            analyze(&text).unwrap_or_else(|e| panic!("round {round}: refused {text:?}: {e}"));
        assert_spans_on_boundaries(&text, &analysis);
    }
}

#[test]
fn compare_of_arbitrary_texts_never_panics() {
    let mut rng = Rng(42);
    for _ in 0..100 {
        let (a, b) = (rng.text(120), rng.text(120));
        compare(&a, &b).expect("compares");
    }
}

#[test]
fn edge_inputs() {
    for text in [
        "",
        " ",
        "\n\n\n",
        "👋",
        "’s",
        "\"",
        "“unclosed quote",
        "<",
        "<html",
        "U.S.",
        ".",
        "A",
    ] {
        let analysis = analyze(text).expect("analyses");
        assert_spans_on_boundaries(text, &analysis);
    }
}

#[test]
fn oversized_input_is_refused_with_a_reason() {
    let huge = "word ".repeat(parallax::MAX_INPUT_BYTES / 5 + 1);
    let err = analyze(&huge).expect_err("refused");
    assert!(matches!(err, parallax::Error::TooLarge { .. }));
    assert!(err.to_string().contains("split the text"));
}
