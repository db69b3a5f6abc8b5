//! What class names, ids, roles and element names say about an element: the lists Readability
//! matches, and the judgements made from them.

use super::reader::Reader;
use crate::text::chars;
use crate::text::hash::{Hasher, IdHasher};
use std::collections::HashSet;
use std::hash::BuildHasherDefault;

/// Elements never part of an article's text.
pub(super) const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
    "button", "input", "select", "textarea", "link", "meta", "head", "title", "nav", "footer",
    "aside", "audio", "video", "dialog", "menu",
];

/// Block-level elements: they start a new block of text.
pub(super) const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "header",
    "main",
    "blockquote",
    "pre",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "table",
    "tr",
    "td",
    "th",
    "tbody",
    "thead",
    "figure",
    "figcaption",
    "br",
    "hr",
    "address",
    "caption",
    "details",
    "summary",
    "form",
    "fieldset",
    "center",
    "hgroup",
];

/// Elements whose presence makes a `<div>` a container rather than a paragraph.
pub(super) const DIV_BLOCK_CHILDREN: &[&str] = &[
    "blockquote",
    "dl",
    "div",
    "img",
    "ol",
    "p",
    "pre",
    "table",
    "ul",
    "section",
    "article",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "figure",
];

pub(super) const UNLIKELY: &[&str] = &[
    "-ad-",
    "ai2html",
    "banner",
    "breadcrumbs",
    "combx",
    "comment",
    "community",
    "cover-wrap",
    "disqus",
    "extra",
    "footer",
    "gdpr",
    "header",
    "legends",
    "menu",
    "related",
    "remark",
    "replies",
    "rss",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "supplemental",
    "ad-break",
    "agegate",
    "pagination",
    "pager",
    "popup",
    "yom-remote",
];

pub(super) const MAYBE_CANDIDATE: &[&str] = &[
    "and", "article", "body", "column", "content", "main", "mathjax", "shadow",
];

pub(super) const POSITIVE: &[&str] = &[
    "article",
    "body",
    "content",
    "entry",
    "hentry",
    "h-entry",
    "main",
    "page",
    "pagination",
    "post",
    "text",
    "blog",
    "story",
];

pub(super) const NEGATIVE: &[&str] = &[
    "-ad-",
    "hidden",
    "banner",
    "combx",
    "comment",
    "com-",
    "contact",
    "footer",
    "gdpr",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "widget",
];

pub(super) const BYLINE: &[&str] = &["byline", "author", "dateline", "writtenby", "p-author"];

pub(super) const UNLIKELY_ROLES: &[&str] = &[
    "menu",
    "menubar",
    "complementary",
    "navigation",
    "alert",
    "alertdialog",
    "dialog",
];

pub(super) fn any_in(haystack: &str, needles: &[&str]) -> bool {
    needles.iter().any(|n| haystack.contains(n))
}

/// Class and id words of comment threads.
pub(super) const COMMENTS: &[&str] = &["comment", "disqus", "replies", "respond", "discussion"];

/// Hosts of the video players Readability keeps (its `videos` pattern).
const VIDEO_HOSTS: &[&str] = &[
    "//www.dailymotion.com",
    "//dailymotion.com",
    "//www.youtube.com",
    "//youtube.com",
    "//www.youtube-nocookie.com",
    "//youtube-nocookie.com",
    "//player.vimeo.com",
    "//v.qq.com",
    "//archive.org",
    "//www.archive.org",
    "//upload.wikimedia.org",
    "//player.twitch.tv",
];

/// Whole texts of a block that only holds an advert label or a loading indicator.
const AD_OR_LOADING: &[&str] = &[
    "ad",
    "advertising",
    "advertisement",
    "pub",
    "publicité",
    "werb",
    "werbung",
    "广告",
    "реклама",
    "anuncio",
    "loading",
    "loading…",
    "loading...",
    "正在加载",
    "загрузка",
    "chargement",
    "cargando",
];

impl Reader<'_> {
    /// Whether embed `i` plays video from a site Readability keeps.
    pub(super) fn is_video(&self, i: usize) -> bool {
        match &self.dom.nodes[i].data {
            crate::read::html::Data::Element { attrs, .. } => attrs.iter().any(|(_, v)| {
                let v = v.to_ascii_lowercase();
                VIDEO_HOSTS.iter().any(|h| v.contains(h))
            }),
            _ => false,
        }
    }

    /// Whether the text of node `i` is only an advert label or a loading indicator.
    pub(super) fn is_ad_or_loading(&self, i: usize) -> bool {
        // A label is a few words in a few elements: a subtree larger than this is something
        // else, and is not read (nested containers would be read once per level).
        const MAX_LABEL_NODES: usize = 16;
        if self.counts[i].chars >= 20 {
            return false;
        }
        let mut text = String::new();
        let mut todo = vec![i];
        let mut seen = 0;
        while let Some(n) = todo.pop() {
            seen += 1;
            if seen > MAX_LABEL_NODES {
                return false;
            }
            if let crate::read::html::Data::Text(t) = &self.dom.nodes[n].data {
                text.push_str(t);
            }
            todo.extend(self.dom.nodes[n].children.iter().rev());
        }
        let text = crate::read::html::fold_space(&text).to_lowercase();
        AD_OR_LOADING.contains(&text.as_str())
    }

    /// Class and id, lowercase, for the pattern lists.
    pub(super) fn match_string(&self, i: usize) -> String {
        let class = self.dom.attr(i, "class").unwrap_or("");
        let id = self.dom.attr(i, "id").unwrap_or("");
        format!("{class} {id}").to_lowercase()
    }

    pub(super) fn class_weight(&self, i: usize) -> f64 {
        if !self.flags.weight_classes {
            return 0.0;
        }
        let mut weight = 0.0;
        for attr in ["class", "id"] {
            let Some(value) = self.dom.attr(i, attr) else {
                continue;
            };
            let value = value.to_lowercase();
            let hid = value.split_whitespace().any(|w| w == "hid");
            if hid || any_in(&value, NEGATIVE) {
                weight -= 25.0;
            }
            if any_in(&value, POSITIVE) {
                weight += 25.0;
            }
        }
        weight
    }

    pub(super) fn is_hidden(&self, i: usize) -> bool {
        let style = self
            .dom
            .attr(i, "style")
            .unwrap_or("")
            .to_lowercase()
            .replace(' ', "");
        let class = self.dom.attr(i, "class").unwrap_or("");
        self.dom.attr(i, "hidden").is_some()
            || style.contains("display:none")
            || style.contains("visibility:hidden")
            || (self.dom.attr(i, "aria-hidden") == Some("true")
                && !class.contains("fallback-image"))
    }

    pub(super) fn is_byline(&self, i: usize, matched: &str) -> bool {
        self.dom.attr(i, "rel") == Some("author")
            || self
                .dom
                .attr(i, "itemprop")
                .is_some_and(|p| p.contains("author"))
            || any_in(matched, BYLINE)
    }
}

/// Readability's `_textSimilarity`: the share of `b`'s text made of words also in `a`.
pub fn similarity(a: &str, b: &str) -> f64 {
    WordSet::new(a).similarity(b)
}

/// The lowercased words of `lowered` (a text already lowercased), for [`similarity`].
fn similarity_words(lowered: &str) -> impl Iterator<Item = &str> {
    lowered
        .split(|c: char| !chars::is_alphanumeric(c))
        .filter(|w| !w.is_empty())
}

/// A word's hash, standing for the word in a [`WordSet`] (64 bits: a collision among a page's
/// few thousand title words is out of reach).
fn word_hash(w: &str) -> u64 {
    let mut h = Hasher::new();
    w.chars().for_each(|c| h.char(c));
    h.finish()
}

/// The words of one side of [`similarity`], as a set of their hashes: made once when one title
/// is compared with every heading, and looked up rather than searched (a huge title and a huge
/// heading were quadratic, issue 16); neither side's words are copied out one by one.
pub struct WordSet(HashSet<u64, BuildHasherDefault<IdHasher>>);

impl WordSet {
    /// The word set of `a`.
    pub fn new(a: &str) -> WordSet {
        WordSet(similarity_words(&a.to_lowercase()).map(word_hash).collect())
    }

    /// [`similarity`] of the text this set was made of and `b`.
    pub fn similarity(&self, b: &str) -> f64 {
        let lowered = b.to_lowercase();
        // Lengths of `b`'s words joined by spaces: those not in the set, and all.
        let (mut unique_len, mut total_len, mut any) = (0usize, 0usize, false);
        for w in similarity_words(&lowered) {
            any = true;
            total_len += w.len() + 1;
            if !self.0.contains(&word_hash(w)) {
                unique_len += w.len() + 1;
            }
        }
        if self.0.is_empty() || !any {
            return 0.0;
        }
        let (unique_len, total_len) = (unique_len.saturating_sub(1), total_len.saturating_sub(1));
        1.0 - unique_len as f64 / total_len.max(1) as f64
    }
}
