//! Issue 16's guard: each hostile construct of `common/hostile.rs` at 1 MB is analysed within
//! 3 s. Linear code takes 0.1-0.3 s here (every construct, tests running side by side); the
//! quadratic steps these inputs were built against took minutes, and a milder one (a short form
//! hashing a name of megabytes each time it found it, 2026-12-02) 6 s, so the bound catches
//! superlinear code with ten times the headroom a loaded machine needs.
//! How time and memory grow with size is `cargo bench --bench growth`'s table.

#[path = "common/hostile.rs"]
mod hostile;

use std::time::{Duration, Instant};

/// Generous for linear code on a loaded machine in the test profile; far below what a
/// quadratic step takes on 1 MB.
const BOUND: Duration = Duration::from_secs(3);

fn within_bound(name: &str) {
    let c = hostile::CONSTRUCTS
        .iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("no construct {name:?}"));
    let input = (c.make)(1 << 20);
    let start = Instant::now();
    let analysis = parallax::analyze(&input).expect("analyses");
    let took = start.elapsed();
    assert!(
        took < BOUND,
        "{name}: 1 MB took {took:?} (bound {BOUND:?}): something grows faster than linearly"
    );
    // Read as what it was built as, so that the step it aims at is reached.
    assert_eq!(analysis.input == parallax::Input::Html, c.html, "{name}");
}

macro_rules! guard {
    ($($test:ident: $name:literal,)*) => {
        $(#[test]
        fn $test() {
            within_bound($name);
        })*
        #[test]
        fn every_construct_is_guarded() {
            let guarded = [$($name),*];
            for c in hostile::CONSTRUCTS {
                assert!(guarded.contains(&c.name), "{:?} has no guard test", c.name);
            }
        }
    };
}

guard! {
    surnames_then_short_forms: "surnames then short forms",
    capitalised_run: "capitalised run",
    i_i_i_on_one_line: "I I I on one line",
    said_said_on_one_line: "Said Said on one line",
    og_title_and_h1: "og:title and h1",
    hyphenated_compound: "hyphenated compound",
    one_char_tokens: "one-char tokens",
    title_and_many_h2: "title and many h2",
    meta_property_list: "meta property list",
    acronyms: "acronyms",
    self_named_outlets: "self-named outlets",
    credit_line: "credit line",
    alternating_credit_cues: "alternating credit cues",
    quotes_and_sources: "quotes and sources",
    plain_sentences: "plain sentences",
}

/// The HTML tokenizer recursed once per quoted attribute of a tag and overflowed the stack
/// (issue 16; fixed in `vendor/html5gum`, see its VENDORED.md). Test threads have a smaller
/// stack than a program's main thread, so this failed at far fewer attributes than 30,000.
#[test]
fn many_quoted_attributes_in_one_tag() {
    let attributes: String = (0..30_000).map(|i| format!(" a{i}=\"v\"")).collect();
    let page = format!(
        "<!DOCTYPE html><html><body><div{attributes}>Putin met Pezeshkian in Ashgabat.</div>\
         </body></html>"
    );
    let analysis = parallax::analyze(&page).expect("analyses");
    assert!(analysis.entities.iter().any(|e| e.name == "Putin"));
}
