//! `cargo bench --bench compare`: how long comparing two articles takes, and how the time grows
//! with their length; then how much of a derived copy the alignment finds.
//!
//! Articles are built from the five seed articles (`tests/fixtures/seeds`), deterministically:
//! - "zipf": news-like text drawn from the seeds' vocabulary with Zipf's law, so that it does
//!   not repeat itself; B is A with paragraphs shuffled, a word changed per sentence and 15 % of
//!   sentences dropped, topped up with new text to A's length.
//! - "seeds": the seeds themselves, concatenated as often as needed, each copy shuffled and
//!   edited: real sentences, but repeating, which is the aligner's harder case.
//! - "pages": the article text of the Readability test pages in `../shared` (real news and
//!   blog posts, varied vocabulary), B derived from A as for "zipf"; skipped without `../shared`.
//!
//! Times are the best of several runs, in milliseconds. "analyse" is `analyze` of both texts,
//! one after the other (reading, tokenizing, tagging, grouping); "align" is the reuse step alone
//! (word lists of both, seeds, chaining, selection); "compare" is the whole of `compare`, which
//! natively analyses the two articles on two threads; "1 thread" is `compare` with
//! `PARALLAX_THREADS=1`, as the browser runs it.

#[path = "../tests/common/synth.rs"]
mod synth;

use parallax::{align, analyze, compare, Words};
use std::time::{Duration, Instant};
use synth::Rng;

const SEEDS: [&str; 5] = [
    include_str!("../tests/fixtures/seeds/2015-11-23-aggregator-putin-khamenei-tehran.txt"),
    include_str!("../tests/fixtures/seeds/2022-07-19-ians-raisi-putin-tehran.txt"),
    include_str!("../tests/fixtures/seeds/2024-10-11-reuters-putin-pezeshkian-ashgabat.txt"),
    include_str!("../tests/fixtures/seeds/2024-10-11-independent-putin-pezeshkian-ashgabat.txt"),
    include_str!("../tests/fixtures/seeds/2025-01-17-newser-putin-pezeshkian-treaty.txt"),
];

fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Appends text from `more` until `text` has `words` words.
fn top_up(
    mut text: String,
    words: usize,
    rng: &mut Rng,
    more: impl Fn(usize, &mut Rng) -> String,
) -> String {
    let missing = words.saturating_sub(word_count(&text));
    if missing > 0 {
        text.push_str("\n\n");
        text.push_str(&more(missing, rng));
    }
    text
}

fn zipf_pair(words: usize, rng: &mut Rng) -> (String, String) {
    let vocabulary = synth::vocabulary(&SEEDS);
    let a = synth::zipf_article(&vocabulary, words, rng);
    let (b, _) = synth::derive(&a, 0.15, rng);
    let b = top_up(b, words, rng, |n, rng| {
        synth::zipf_article(&vocabulary, n, rng)
    });
    (a, b)
}

fn seeds_article(words: usize, rng: &mut Rng) -> String {
    let all = SEEDS.join("\n\n");
    let mut parts = Vec::new();
    let mut total = 0;
    while total < words {
        let (copy, _) = synth::derive(&all, 0.0, rng);
        total += word_count(&copy);
        parts.push(copy);
    }
    parts.join("\n\n")
}

fn seeds_pair(words: usize, rng: &mut Rng) -> (String, String) {
    let a = seeds_article(words, rng);
    let (b, _) = synth::derive(&a, 0.15, rng);
    let b = top_up(b, words, rng, seeds_article);
    (a, b)
}

/// The article text of the Readability test pages in `../shared` (real news and blog pages,
/// 78,000 words in all), page by page, when that folder is there.
fn pages() -> Vec<String> {
    let dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/readability-pages");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut paths: Vec<_> = entries
        .filter_map(|e| Some(e.ok()?.path().join("source.html")))
        .collect();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .filter_map(|html| parallax::extract(&html).ok())
        .collect()
}

/// Real text that does not repeat: paragraphs of all the pages, shuffled, until `words`. Drawn
/// from the whole collection, an article of any length has the same mix of pages, so that the
/// times at 1×, 2× and 4× compare like with like (a page of code or of tables tags slower per
/// word than a news story).
fn pages_article(pages: &[String], words: usize, rng: &mut Rng) -> String {
    let mut paragraphs: Vec<&str> = pages.iter().flat_map(|p| synth::paragraphs(p)).collect();
    rng.shuffle(&mut paragraphs);
    let mut parts = Vec::new();
    let mut total = 0;
    for p in paragraphs {
        if total >= words {
            break;
        }
        total += word_count(p);
        parts.push(p);
    }
    parts.join("\n\n")
}

/// The fastest of `runs` runs: on a shared machine the other runs measure the neighbours.
fn best(mut f: impl FnMut(), runs: usize) -> Duration {
    f(); // warm up
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Makes articles A and B of about N words each.
type MakePair<'a> = dyn Fn(usize, &mut Rng) -> (String, String) + 'a;

fn timing() {
    println!("compare, two articles of N words each (best of 9 runs, ms): \"analyse\" is both");
    println!("analysed in turn; \"compare\" the whole comparison as `compare` runs it (natively,");
    println!("the two articles analysed on two threads), \"1 thread\" the same with");
    println!("PARALLAX_THREADS=1.");
    println!(
        "{:<6} {:>7} {:>3} {:>9} {:>9} {:>9} {:>9} {:>13} {:>9}",
        "text", "N", "×", "analyse", "align", "compare", "1 thread", "1 thread/1kw", "passages"
    );
    let pages = pages();
    let pages_pair = |words: usize, rng: &mut Rng| {
        let a = pages_article(&pages, words, rng);
        let (b, _) = synth::derive(&a, 0.15, rng);
        let b = top_up(b, words, rng, |n, rng| pages_article(&pages, n, rng));
        (a, b)
    };
    let kinds: [(&str, &MakePair); 3] = [
        ("zipf", &zipf_pair),
        ("seeds", &seeds_pair),
        ("pages", &pages_pair),
    ];
    for (kind, make) in kinds {
        if kind == "pages" && pages.is_empty() {
            println!("pages: ../shared/data/readability-pages not found, skipped");
            continue;
        }
        for scale in [1, 2, 4] {
            let n = 10_000 * scale;
            let mut rng = Rng::new(scale as u64);
            let (a, b) = make(n, &mut rng);
            let analyse = best(
                || {
                    std::hint::black_box((analyze(&a).ok(), analyze(&b).ok()));
                },
                9,
            );
            let (pa, pb) = (analyze(&a).unwrap(), analyze(&b).unwrap());
            let mut passages = 0;
            let align_time = best(
                || {
                    let wa = Words::of(&a, pa.paragraph_spans());
                    let wb = Words::of(&b, pb.paragraph_spans());
                    passages = align(&wa, &wb, 8).len();
                },
                // Cheap: more runs find a quiet moment on a busy machine.
                31,
            );
            let whole = || {
                best(
                    || {
                        std::hint::black_box(compare(&a, &b).ok());
                    },
                    9,
                )
            };
            let threaded = whole();
            std::env::set_var("PARALLAX_THREADS", "1");
            let single = whole();
            std::env::remove_var("PARALLAX_THREADS");
            let words = word_count(&a) + word_count(&b);
            println!(
                "{:<6} {:>7} {:>3} {:>9.2} {:>9.2} {:>9.2} {:>9.2} {:>13.3} {:>9}",
                kind,
                n,
                scale,
                ms(analyse),
                ms(align_time),
                ms(threaded),
                ms(single),
                ms(single) / (words as f64 / 1000.0),
                passages
            );
        }
    }
}

fn coverage() {
    println!("\nderived copies of the five seeds (2,300 words): paragraphs shuffled, one word");
    println!("changed per sentence, 15 % of sentences dropped. Share of the reused text (kept");
    println!("sentences that both readers keep as story) inside aligned passages, in the copy");
    println!("and in the source; then the reused shares of the whole articles.");
    println!(
        "{:>5} {:>10} {:>14} {:>9} {:>9}",
        "seed", "in copy", "in source", "shareA", "shareB"
    );
    let source = SEEDS.join("\n\n");
    for seed in 1..=10 {
        let mut rng = Rng::new(seed);
        let (copy, kept) = synth::derive(&source, 0.15, &mut rng);
        let c = compare(&source, &copy).unwrap();
        let spans_a: Vec<_> = c.passages.iter().map(|p| p.a.span()).collect();
        let spans_b: Vec<_> = c.passages.iter().map(|p| p.b.span()).collect();
        let story = |a: &parallax::Analysis| a.paragraph_spans().collect::<Vec<_>>();
        let (reused_a, reused_b) =
            synth::reused_story(&source, &copy, &kept, &story(&c.a), &story(&c.b));
        println!(
            "{:>5} {:>9.1}% {:>13.1}% {:>8.1}% {:>8.1}%",
            seed,
            100.0 * synth::covered(&copy, &reused_b, &spans_b),
            100.0 * synth::covered(&source, &reused_a, &spans_a),
            100.0 * c.reused_share_a,
            100.0 * c.reused_share_b
        );
    }
    println!("\nunrelated seed pairs: reused share of each side");
    for (i, x) in SEEDS.iter().enumerate() {
        for (j, y) in SEEDS.iter().enumerate().skip(i + 1) {
            let c = compare(x, y).unwrap();
            println!(
                "  {i} vs {j}: {:>5.1}% {:>5.1}%  {}",
                100.0 * c.reused_share_a,
                100.0 * c.reused_share_b,
                c.verdict.label()
            );
        }
    }
}

fn main() {
    // `cargo test --benches` runs this with --bench absent: skip the slow part then.
    if std::env::args().any(|a| a == "--bench") {
        timing();
    }
    coverage();
}
