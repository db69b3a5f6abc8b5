//! Reading the input like an editor: which parts of it are the article.
//!
//! Plain text is read as given and split into paragraphs at line breaks. HTML is parsed, its
//! article found by content scoring (`readability`), and its text laid out as paragraphs, the
//! headline first. In both, boilerplate (`boilerplate`) and metadata lines (`meta`) are set apart
//! from the story: they stay in the text, reported with a reason, but the story's paragraphs skip
//! them.

use crate::read::boilerplate::{self, Cut};
use crate::read::html::{self, Dom};
use crate::read::meta::{self, Given, Meta};
use crate::read::page_meta;
use crate::read::readability::{self, BlockKind};
use crate::text::paragraphs;
use crate::text::span::Span;
use serde::Serialize;

/// What the input was.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Input {
    /// Plain text; spans index it as given.
    Text,
    /// HTML; spans index the extracted article text.
    Html,
}

/// The article as read from the input.
#[derive(Clone, Debug, PartialEq)]
pub struct Article {
    /// What the input was.
    pub input: Input,
    /// The text all spans index: the input itself for plain text, the extracted article for HTML.
    pub text: String,
    /// The story's paragraphs, in order: every paragraph with its boilerplate and metadata lines
    /// cut out, trimmed.
    pub paragraphs: Vec<Span>,
    /// What is not story, in text order.
    pub removed: Vec<Cut>,
    /// Headline, date, dateline, credits, outlet.
    pub meta: Meta,
}

/// The reason given for photo captions, in the markup or by the text rules.
pub const CAPTION: &str = boilerplate::CAPTION;

/// Paragraph separator in the text extracted from HTML.
const PARAGRAPH_BREAK: &str = "\n\n";

/// Reads `input` into an [`Article`].
pub fn read(input: &str) -> Article {
    read_restoring(input, &[])
}

/// Reads `input` into an [`Article`], putting back into the story every cut that lies within one
/// of `restore`: the reader has judged it story. A restored cut rejoins its paragraph. Spans that
/// hold no cut change nothing, whatever they are (inverted, out of range, off char boundaries),
/// because only the cuts' own spans, which are sound, are ever used to slice the text.
pub fn read_restoring(input: &str, restore: &[Span]) -> Article {
    let (kind, text, paragraphs, mut cuts, given) = if html::looks_like_html(input) {
        let (text, paragraphs, cuts, given) = from_html(input);
        (Input::Html, text, paragraphs, cuts, given)
    } else {
        (
            Input::Text,
            input.to_string(),
            paragraphs::lines(input),
            Vec::new(),
            Given::default(),
        )
    };
    // Captions found in the markup come first; text rules add what does not overlap them.
    cuts.extend(boilerplate::find(&text, &paragraphs));
    cuts.sort_by_key(|c| (c.span.start, c.span.end));
    cuts.dedup_by(|later, earlier| earlier.span.overlaps(later.span));
    let (meta, own) = meta::read(&text, &paragraphs, &cuts, given);
    cuts.extend(own);
    cuts.sort_by_key(|c| (c.span.start, c.span.end));
    cuts.dedup_by(|later, earlier| earlier.span.overlaps(later.span));
    // Restore spans by start, with the furthest end reached so far: a cut lies within one iff
    // some span starting at or before it ends at or after it. One binary search a cut, where
    // trying every span for every cut was quadratic in a long list (issue 16).
    let mut by_start: Vec<Span> = restore.to_vec();
    by_start.sort_unstable();
    let reach: Vec<u32> = by_start
        .iter()
        .scan(0u32, |furthest, r| {
            *furthest = (*furthest).max(r.end);
            Some(*furthest)
        })
        .collect();
    cuts.retain(|c| {
        let k = by_start.partition_point(|r| r.start <= c.span.start);
        !(k > 0 && reach[k - 1] >= c.span.end)
    });
    let story = paragraphs
        .iter()
        .flat_map(|&p| boilerplate::subtract(&text, p, &cuts))
        .collect();
    Article {
        input: kind,
        text,
        paragraphs: story,
        removed: cuts,
        meta,
    }
}

impl Article {
    /// Where names are read: the story paragraphs and the photo captions, which name who is
    /// pictured though they are not story; in text order.
    pub fn name_regions(&self) -> Vec<Span> {
        let mut regions = self.paragraphs.clone();
        regions.extend(
            self.removed
                .iter()
                .filter(|c| c.reason == CAPTION)
                .map(|c| c.span),
        );
        regions.sort_unstable_by_key(|s| (s.start, s.end));
        regions
    }

    /// The story as clean text, as extractors of the field give it (trafilatura, Readability's
    /// `textContent`): the body's paragraphs, blank lines between, without the headline (which
    /// is metadata) and without what is not story.
    pub fn body(&self) -> String {
        let headline = self.meta.headline_span.map(|h| h.span());
        let mut out = String::new();
        for &p in &self.paragraphs {
            if headline.is_some_and(|h| h.contains(p)) {
                continue;
            }
            if !out.is_empty() {
                out.push_str(PARAGRAPH_BREAK);
            }
            out.push_str(p.of(&self.text));
        }
        out
    }
}

/// The article text of an HTML page: headline, then the extracted blocks, one paragraph each.
/// Figure captions are in the text but cut as boilerplate.
fn from_html(input: &str) -> (String, Vec<Span>, Vec<Cut>, Given) {
    let dom = Dom::parse(input);
    let page = page_meta::read(&dom);
    let content = readability::extract(&dom, page.title.as_deref());
    let mut text = String::new();
    let mut paragraphs = Vec::new();
    let mut cuts = Vec::new();
    let mut headline = None;
    let push = |text: &mut String, s: &str| {
        if !text.is_empty() {
            text.push_str(PARAGRAPH_BREAK);
        }
        let start = text.len();
        text.push_str(s);
        Span::new(start, text.len())
    };
    if let Some(title) = page.title.as_deref().filter(|t| !t.is_empty()) {
        let span = push(&mut text, title);
        paragraphs.push(span);
        headline = Some((title.to_string(), span));
    }
    for block in &content.blocks {
        let span = push(&mut text, &block.text);
        paragraphs.push(span);
        if block.kind == BlockKind::Caption {
            cuts.push(Cut {
                span,
                reason: CAPTION,
            });
        }
    }
    let given = Given {
        headline,
        byline: page.byline.or(content.byline),
        date: page.published.or(content.time),
        outlet: page.site_name,
    };
    (text, paragraphs, cuts, given)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_spans_index_the_input() {
        let input = "  Headline here\n\nMOSCOW (Reuters) - Putin met Pezeshkian.\n";
        let a = read(input);
        assert_eq!(a.input, Input::Text);
        assert_eq!(a.text, input);
        let got: Vec<&str> = a.paragraphs.iter().map(|p| p.of(input)).collect();
        assert_eq!(
            got,
            ["Headline here", "MOSCOW (Reuters) - Putin met Pezeshkian."]
        );
        assert_eq!(a.meta.headline.as_deref(), Some("Headline here"));
    }

    /// The dateline opens the story: it is read into the metadata and stays in the text, so that
    /// its place and wire are mentions like any other.
    #[test]
    fn dateline_stays_in_the_story() {
        let input = "Headline here\nPARIS (Reuters) - Macron met Scholz.\nThey spoke.\n";
        let a = read(input);
        let dateline = a.meta.dateline.as_ref().expect("dateline read");
        assert_eq!(
            (dateline.place.as_str(), dateline.wire.as_deref()),
            ("PARIS", Some("Reuters"))
        );
        assert!(a.removed.is_empty(), "{:?}", a.removed);
        assert!(a
            .paragraphs
            .iter()
            .any(|p| p.of(input).starts_with("PARIS (Reuters) - Macron")));
    }

    /// Photo captions are not story, but they name who is pictured: names are read there too.
    #[test]
    fn caption_names_are_read() {
        let input = "Talks in Ashgabat\nFILE PHOTO: Vladimir Putin attends a meeting in Moscow. REUTERS/Maxim Shemetov\nPutin met Pezeshkian on Friday.\nThey spoke of trade.\n";
        let a = read(input);
        assert_eq!(a.removed.len(), 1);
        assert_eq!(a.removed[0].reason, CAPTION);
        let regions: Vec<&str> = a.name_regions().iter().map(|p| p.of(input)).collect();
        assert!(
            regions[1].starts_with("FILE PHOTO: Vladimir Putin"),
            "{regions:?}"
        );
        assert!(!a
            .paragraphs
            .iter()
            .any(|p| p.of(input).starts_with("FILE PHOTO")));
    }

    #[test]
    fn html_text_starts_with_the_headline() {
        let para = "Putin held talks with Pezeshkian on Friday in Turkmenistan, where the two leaders hailed their ties.";
        let html = format!(
            "<html><head><title>Putin meets Pezeshkian in Ashgabat | Example News</title></head><body><article>{}</article></body></html>",
            format!("<p>{para}</p>").repeat(6)
        );
        let a = read(&html);
        assert_eq!(a.input, Input::Html);
        assert!(a
            .text
            .starts_with("Putin meets Pezeshkian in Ashgabat\n\nPutin held talks"));
        assert_eq!(a.paragraphs.len(), 7);
        // The body leaves the headline out: it is metadata.
        assert!(a.body().starts_with("Putin held talks"));
    }

    /// "Last updated at 10:32 GMT" is a date line though it has no date to read.
    #[test]
    fn last_updated_lines_without_a_date_are_date_lines() {
        let input = "Talks in Ashgabat\nLast updated at 10:32 GMT\nPutin met Pezeshkian on Friday.\nThey spoke of trade.\n";
        let a = read(input);
        let removed: Vec<(&str, &str)> = a
            .removed
            .iter()
            .map(|c| (c.reason, c.span.of(input)))
            .collect();
        assert_eq!(removed, [("date line", "Last updated at 10:32 GMT")]);
    }

    fn body_of(html: &str) -> String {
        read(html).body()
    }

    const PARA: &str = "Putin held talks with Pezeshkian on Friday in Turkmenistan, where the two leaders hailed their ties and views.";

    /// A summary paragraph in a wrapper of its own beside the body is read with it
    /// (Readability turns a `<div>` without blocks, or around one `<p>`, into a `<p>`).
    #[test]
    fn a_standfirst_in_a_sibling_wrapper_is_kept() {
        let html = format!(
            "<html><body><div class=wrap><div class=perex><p>The two presidents met for the first time.</p></div><div class=body>{}</div></div></body></html>",
            format!("<p>{PARA}</p>").repeat(6)
        );
        assert!(body_of(&html).starts_with("The two presidents met for the first time."));
    }

    /// MathML is text of the article; a container with a video player and its text stays.
    #[test]
    fn mathml_and_video_containers_are_kept() {
        let html = format!(
            "<html><body><article>{}<p>The ratio is <math><mi>x</mi><mo>=</mo><mn>2</mn></math> in all.</p><div><iframe src=\"https://www.youtube.com/embed/abc\"></iframe><p>Watch the talks.</p></div></article></body></html>",
            format!("<p>{PARA}</p>").repeat(6)
        );
        let body = body_of(&html);
        assert!(body.contains("The ratio is x=2 in all."), "{body}");
        assert!(body.contains("Watch the talks."), "{body}");
    }

    /// Captions outside `<figcaption>`, marked by their class, are captions too (not story;
    /// their names are still read).
    #[test]
    fn captions_marked_by_class_are_captions() {
        let html = format!(
            "<html><body><article>{}<p class=wp-caption-text>Putin in Ashgabat. Photo: Reuters</p><span class=photo-credit>Image: GETTY</span></article></body></html>",
            format!("<p>{PARA}</p>").repeat(6)
        );
        let a = read(&html);
        let captions: Vec<&str> = a
            .removed
            .iter()
            .filter(|c| c.reason == CAPTION)
            .map(|c| c.span.of(&a.text))
            .collect();
        assert_eq!(
            captions,
            ["Putin in Ashgabat. Photo: Reuters", "Image: GETTY"]
        );
    }
}
