//! Finding the article in a web page by content scoring, after Mozilla Readability
//! (<https://github.com/mozilla/readability>, `_grabArticle`): paragraphs of running text score
//! their ancestors, the best-scoring container wins, its siblings join when they look like the
//! same story, and what is left inside is cleaned of link lists, forms and widgets.
//!
//! `reader` holds the state of one reading and runs it: `score` prunes the page and picks the
//! container, `clean` drops what inside it is not text, `blocks` writes out what is left;
//! `patterns` has the class names, roles and elements the rules look for.

mod blocks;
mod clean;
mod patterns;
mod reader;
mod score;

pub use patterns::similarity;
#[cfg(feature = "cli")]
pub use reader::Block;
pub use reader::{BlockKind, Content};

use crate::read::html::Dom;
use reader::{Flags, Reader};

/// Text an extraction must reach before it is trusted (Readability's `charThreshold`): below it,
/// the page is read again with the filters relaxed.
const MIN_ARTICLE_CHARS: usize = 500;

/// Finds the article in `dom`. `title` (from the page metadata) lets a heading that repeats it
/// be dropped.
pub fn extract(dom: &Dom, title: Option<&str>) -> Content {
    let attempts = [
        (true, true, true),
        (false, true, true),
        (false, false, true),
        (false, false, false),
    ];
    let mut best: Option<(usize, Content)> = None;
    // Whether the strict reading found some article.
    let mut strict = false;
    for (strip_unlikely, weight_classes, clean_conditionally) in attempts {
        let flags = Flags {
            strip_unlikely,
            weight_classes,
            clean_conditionally,
        };
        let (content, in_comments) = Reader::new(dom, flags).grab(title);
        // Relaxed filters are there to find more of the article: a short post must not lose
        // to the comment thread under it, which only they let in, though the thread is longer.
        if in_comments && strict {
            continue;
        }
        let length: usize = content.blocks.iter().map(|b| b.text.chars().count()).sum();
        if length >= MIN_ARTICLE_CHARS {
            return content;
        }
        strict |= length > 0;
        if best.as_ref().is_none_or(|(l, _)| length > *l) {
            best = Some((length, content));
        }
    }
    best.map(|(_, c)| c).unwrap_or_default()
}

/// All text of a page as blocks, nothing removed: how the evaluation reads Readability's own
/// expected output.
#[cfg(feature = "cli")]
pub fn all_blocks(dom: &Dom) -> Vec<Block> {
    let reader = Reader::new(
        dom,
        Flags {
            strip_unlikely: false,
            weight_classes: false,
            clean_conditionally: false,
        },
    );
    let mut out = Vec::new();
    reader.blocks(0, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(html: &str) -> Vec<String> {
        extract(&Dom::parse(html), None)
            .blocks
            .into_iter()
            .map(|b| b.text)
            .collect()
    }

    #[test]
    fn article_wins_over_navigation_and_comments() {
        let para = "Putin held talks with Pezeshkian on Friday, and the two leaders hailed their growing economic ties, officials said.";
        let html = format!(
            "<html><body><div class=menu><a href=/>Home</a> <a href=/w>World</a></div>\
             <div class=article-body><p>{para}</p><p>{para}</p><p>{para}</p><p>{para}</p><p>{para}</p></div>\
             <div id=comments><p>First! Great post, thanks, really.</p></div>\
             <ul class=related><li><a href=/x>Other story one</a><li><a href=/y>Other story two</a></ul></body></html>"
        );
        let got = texts(&html);
        assert_eq!(got.len(), 5, "{got:?}");
        assert!(got.iter().all(|t| t == para));
    }

    #[test]
    fn byline_and_caption() {
        let para = "The sanctioned leaders held an inaugural meeting on the sidelines of a regional summit, to discuss the situation.";
        let html = format!(
            "<article><span class=byline>By Andrew Osborn</span><p>{para}</p><figure><img src=a.jpg><figcaption>Putin in Ashgabat. Photo: Reuters</figcaption></figure><p>{para}</p><p>{para}</p><p>{para}</p><p>{para}</p></article>"
        );
        let content = extract(&Dom::parse(&html), None);
        assert_eq!(content.byline.as_deref(), Some("By Andrew Osborn"));
        assert!(content
            .blocks
            .iter()
            .any(|b| b.kind == BlockKind::Caption && b.text.starts_with("Putin in Ashgabat")));
    }

    /// The byline rule's length check is on the element itself: an `<article>` whose class
    /// names its author is the story, not a byline, even when a short name is marked up in it.
    #[test]
    fn byline_rule_never_takes_a_container() {
        let para = "The sanctioned leaders held an inaugural meeting on the sidelines of a regional summit, to discuss the situation.";
        let html = format!(
            "<html><body><nav>Home World</nav><article class=\"post author-jane\"><span itemprop=name>Jane Doe</span><p>{para}</p><p>{para}</p><p>{para}</p><p>{para}</p><p>{para}</p></article></body></html>"
        );
        let content = extract(&Dom::parse(&html), None);
        let text: Vec<&str> = content.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(text.iter().filter(|t| **t == para).count(), 5, "{text:?}");
    }

    /// A byline's first line is the name; a title under it, or a time after a bullet, is not.
    #[test]
    fn byline_is_the_name_without_title_or_time() {
        let para = "Putin held talks with Pezeshkian on Friday, and the two leaders hailed their growing economic ties, officials said.";
        let body = format!("<p>{para}</p>").repeat(5);
        let titled = format!("<article><div class=author><a href=/a/bs>Ben Silverman</a><div class=author-title>Games Editor</div></div>{body}</article>");
        let timed = format!("<article><div class=byline>James Akinaka • 8h</div>{body}</article>");
        let dated = format!("<article><span class=dateline>Sunday, Feb 1, 2015 11:57 AM UTC</span><span class=byline>Ann Lee</span>{body}</article>");
        for (html, want) in [
            (titled, "Ben Silverman"),
            (timed, "James Akinaka"),
            (dated, "Ann Lee"),
        ] {
            let content = extract(&Dom::parse(&html), None);
            assert_eq!(content.byline.as_deref(), Some(want));
        }
    }

    /// On a short post the relaxed readings let the comment thread in; being longer, it would
    /// win. It may not, once the strict reading found the post.
    #[test]
    fn a_short_post_beats_the_comment_thread() {
        let post = "<article class=post><p>The minister resigned on Tuesday after a week of protests over the new tax on fuel.</p><p>Her deputy takes over until a vote in March.</p></article>";
        let comment = "<p>I have been saying this for years, and nobody in that party ever listens to people like us, frankly.</p>";
        let html = format!(
            "<html><body>{post}<div id=comments class=comments>{}</div></body></html>",
            comment.repeat(8)
        );
        let content = extract(&Dom::parse(&html), None);
        let text: Vec<&str> = content.blocks.iter().map(|b| b.text.as_str()).collect();
        assert!(text[0].starts_with("The minister resigned"), "{text:?}");
        assert!(
            !text.iter().any(|t| t.starts_with("I have been saying")),
            "{text:?}"
        );
    }
}
