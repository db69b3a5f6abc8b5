//! Deterministic synthetic articles for tests and benchmarks: a seeded generator (no `rand`),
//! and the "derived copy" transform (paragraphs shuffled, one word changed per sentence, some
//! sentences dropped).
#![allow(dead_code)] // each test or bench uses part of it

use parallax::Span;

/// SplitMix64 (Steele, Lea & Flood 2014): tiny, seedable, good enough for shuffling.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }

    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i + 1);
            v.swap(i, j);
        }
    }
}

/// The non-empty lines of `text`.
pub fn paragraphs(text: &str) -> Vec<&str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect()
}

/// Sentences of a paragraph: split after ". ", "? " or "! " when a capital or quote follows.
pub fn sentences(paragraph: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = paragraph.as_bytes();
    for i in 1..bytes.len().saturating_sub(1) {
        if matches!(bytes[i - 1], b'.' | b'?' | b'!') && bytes[i] == b' ' {
            let next = paragraph[i + 1..].chars().next().unwrap_or(' ');
            if next.is_uppercase() || next == '“' || next == '"' {
                out.push(&paragraph[start..i]);
                start = i + 1;
            }
        }
    }
    out.push(&paragraph[start..]);
    out
}

/// One word of each sentence replaced with a different word.
fn change_one_word(sentence: &str, rng: &mut Rng) -> String {
    let mut words: Vec<String> = sentence.split(' ').map(str::to_string).collect();
    let candidates: Vec<usize> = (0..words.len())
        .filter(|&i| words[i].chars().filter(|c| c.is_alphabetic()).count() >= 3)
        .collect();
    if !candidates.is_empty() {
        let i = candidates[rng.below(candidates.len())];
        let replacement = [
            "reportedly",
            "however",
            "notably",
            "allegedly",
            "apparently",
        ][rng.below(5)];
        let w = &words[i];
        // Keep the punctuation around the word.
        let start = w.find(char::is_alphabetic).unwrap_or(0);
        let end = w
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_alphabetic())
            .map_or(w.len(), |(e, c)| e + c.len_utf8());
        words[i] = format!("{}{}{}", &w[..start], replacement, &w[end..]);
    }
    words.join(" ")
}

/// A derived copy of `source`: paragraphs shuffled, in each sentence one word changed, and each
/// sentence dropped with probability `drop`. Returns the copy and, for each kept sentence, the
/// source sentence and its edited copy.
pub fn derive(source: &str, drop: f64, rng: &mut Rng) -> (String, Vec<(String, String)>) {
    let mut paras = paragraphs(source);
    rng.shuffle(&mut paras);
    let mut out = Vec::new();
    let mut kept = Vec::new();
    for p in paras {
        let mut para = Vec::new();
        for s in sentences(p) {
            if rng.chance(drop) {
                continue;
            }
            let edited = change_one_word(s, rng);
            kept.push((s.to_string(), edited.clone()));
            para.push(edited);
        }
        if !para.is_empty() {
            out.push(para.join(" "));
        }
    }
    (out.join("\n\n"), kept)
}

/// A news-like text of about `words` words: the seeds' vocabulary drawn with Zipf's law
/// (rank r with weight 1/r), in sentences of 12–35 words and paragraphs of 1–4 sentences.
pub fn zipf_article(vocabulary: &[String], words: usize, rng: &mut Rng) -> String {
    let weights: Vec<f64> = (1..=vocabulary.len()).map(|r| 1.0 / r as f64).collect();
    let total: f64 = weights.iter().sum();
    let mut cumulative = Vec::with_capacity(weights.len());
    let mut acc = 0.0;
    for w in &weights {
        acc += w / total;
        cumulative.push(acc);
    }
    let draw = |rng: &mut Rng| {
        let u = (rng.next() >> 11) as f64 / (1u64 << 53) as f64;
        let i = cumulative
            .partition_point(|&c| c < u)
            .min(vocabulary.len() - 1);
        vocabulary[i].as_str()
    };
    let mut text = String::new();
    let mut written = 0;
    while written < words {
        for _ in 0..1 + rng.below(4) {
            let len = 12 + rng.below(24);
            let mut sentence: Vec<String> = (0..len).map(|_| draw(rng).to_string()).collect();
            if let Some(first) = sentence.first_mut() {
                let mut c = first.chars();
                *first = c
                    .next()
                    .map(|f| f.to_uppercase().chain(c).collect())
                    .unwrap_or_default();
            }
            text.push_str(&sentence.join(" "));
            text.push_str(". ");
            written += len;
        }
        text.push_str("\n\n");
    }
    text
}

/// Distinct lowercase words of `texts`, most frequent first.
pub fn vocabulary(texts: &[&str]) -> Vec<String> {
    let mut counts: std::collections::HashMap<String, usize> = Default::default();
    for t in texts {
        for w in t
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            *counts.entry(w.to_lowercase()).or_default() += 1;
        }
    }
    let mut v: Vec<(String, usize)> = counts.into_iter().collect();
    v.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
    v.into_iter().map(|(w, _)| w).collect()
}

/// Share of the whitespace-separated words of `text` inside `regions` whose letters lie inside
/// one of `spans` (punctuation at a passage's edge is not part of it). An independent count: it
/// does not use the aligner's tokenizer.
pub fn covered(text: &str, regions: &[Span], spans: &[Span]) -> f64 {
    let (mut total, mut inside) = (0usize, 0usize);
    for r in regions {
        let mut offset = r.start as usize;
        for w in r.of(text).split_inclusive(char::is_whitespace) {
            let start = offset;
            offset += w.len();
            let letters = w.trim_matches(|c: char| !c.is_alphanumeric());
            if letters.is_empty() {
                continue;
            }
            total += 1;
            let s = start + w.find(letters).unwrap_or(0);
            let core = Span::new(s, s + letters.len());
            inside += usize::from(spans.iter().any(|x| x.contains(core)));
        }
    }
    inside as f64 / total.max(1) as f64
}

/// The reused text of a derived copy that both articles' readers keep as story: the spans of
/// the kept sentences in the source and in the copy, for the pairs whose source sentence lies
/// in one of `story_a` and whose copy lies in one of `story_b`. (A reader may set aside a line
/// as boilerplate or headline; alignment only looks at the story.)
pub fn reused_story(
    source: &str,
    copy: &str,
    kept: &[(String, String)],
    story_a: &[Span],
    story_b: &[Span],
) -> (Vec<Span>, Vec<Span>) {
    let locate = |text: &str, part: &str| {
        let at = text.find(part).expect("sentence in its text");
        Span::new(at, at + part.len())
    };
    let inside = |stories: &[Span], s: Span| stories.iter().any(|p| p.contains(s));
    kept.iter()
        .map(|(original, edited)| (locate(source, original), locate(copy, edited)))
        .filter(|&(a, b)| inside(story_a, a) && inside(story_b, b))
        .unzip()
}
