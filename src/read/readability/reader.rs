//! One reading of a page: the per-node state the rules share, and the order they run in.

use super::patterns::{any_in, COMMENTS};
use crate::read::html::Dom;
use std::collections::HashMap;

/// One block of the extracted article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// Its text, white space folded.
    pub text: String,
    /// What kind of block it is.
    pub kind: BlockKind,
}

/// Kinds of block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// A heading inside the article.
    Heading,
    /// Running text, list items, table cells.
    Paragraph,
    /// A figure caption (`<figcaption>`): kept, but not story text.
    Caption,
}

/// The article found in a page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Content {
    /// The blocks, in page order.
    pub blocks: Vec<Block>,
    /// A byline found in the page body (an element marked as author or byline).
    pub byline: Option<String>,
    /// A `<time datetime>` inside the article.
    pub time: Option<String>,
}

#[derive(Clone, Copy)]
pub(super) struct Flags {
    pub(super) strip_unlikely: bool,
    pub(super) weight_classes: bool,
    pub(super) clean_conditionally: bool,
}

/// Per-node sums over the node's kept subtree. In 32 bits: an input is at most 10 MiB, so a
/// count (of characters, in tenths at most) stays under 2^27, and a page of many small elements
/// has one of these per node.
#[derive(Clone, Copy, Default)]
pub(super) struct Counts {
    pub(super) chars: u32,
    /// Characters inside links, in tenths: a link to a place on the same page (`href="#..."`)
    /// weighs 0.3, as in Readability.
    pub(super) link_tenths: u32,
    /// Characters inside lists (`ul`, `ol`).
    pub(super) list_chars: u32,
    pub(super) commas: u32,
    pub(super) heading_chars: u32,
    pub(super) p: u32,
    pub(super) img: u32,
    pub(super) li: u32,
    pub(super) input: u32,
    pub(super) embed: u32,
    /// Embedded players of the video sites Readability keeps (YouTube, Vimeo, ...).
    pub(super) video: u32,
}

impl Counts {
    pub(super) fn add(&mut self, o: &Counts) {
        self.chars += o.chars;
        self.link_tenths += o.link_tenths;
        self.list_chars += o.list_chars;
        self.commas += o.commas;
        self.heading_chars += o.heading_chars;
        self.p += o.p;
        self.img += o.img;
        self.li += o.li;
        self.input += o.input;
        self.embed += o.embed;
        self.video += o.video;
    }

    pub(super) fn sub(&mut self, o: &Counts) {
        self.chars -= o.chars;
        self.link_tenths -= o.link_tenths;
        self.list_chars -= o.list_chars;
        self.commas -= o.commas;
        self.heading_chars -= o.heading_chars;
        self.p -= o.p;
        self.img -= o.img;
        self.li -= o.li;
        self.input -= o.input;
        self.embed -= o.embed;
        self.video -= o.video;
    }

    pub(super) fn link_density(&self) -> f64 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_tenths as f64 / (10 * self.chars) as f64
        }
    }
}

pub(super) struct Reader<'a> {
    pub(super) dom: &'a Dom,
    pub(super) flags: Flags,
    pub(super) removed: Vec<bool>,
    pub(super) counts: Vec<Counts>,
    /// Content scores of the candidates (the few ancestors of paragraphs), by node: kept
    /// sparse, as a page of many small elements has few candidates.
    pub(super) score: HashMap<usize, f64>,
    /// Tables holding data rather than layout, worked out once before cleaning.
    pub(super) data_table: Vec<bool>,
    /// What each node's subtree holds, worked out once before cleaning (`clean::HOLDS_*`).
    pub(super) below: Vec<u8>,
}

impl<'a> Reader<'a> {
    pub(super) fn new(dom: &'a Dom, flags: Flags) -> Reader<'a> {
        let n = dom.nodes.len();
        Reader {
            dom,
            flags,
            removed: vec![false; n],
            counts: vec![Counts::default(); n],
            score: HashMap::new(),
            data_table: vec![false; n],
            below: vec![0; n],
        }
    }

    pub(super) fn tag(&self, i: usize) -> &str {
        self.dom.tag(i).unwrap_or("")
    }

    pub(super) fn is_kept(&self, i: usize) -> bool {
        !self.dom.self_or_ancestor(i, &self.removed)
    }

    /// Reads the page. Also says whether the article found lies in a comment thread (an element
    /// whose class or id says so, which the strict reading strips): see [`super::extract`].
    pub(super) fn grab(mut self, title: Option<&str>) -> (Content, bool) {
        let mut byline = None;
        self.prune(title, &mut byline);
        self.count();
        let top = self.score_paragraphs();
        let roots = self.select(top);
        self.clean(&roots);
        let time = roots.iter().find_map(|&r| {
            self.dom
                .descendants(r)
                .into_iter()
                .filter(|&n| self.tag(n) == "time" && self.is_kept(n))
                .find_map(|n| self.dom.attr(n, "datetime").map(str::to_string))
        });
        let mut blocks = Vec::new();
        for &root in &roots {
            self.blocks(root, &mut blocks);
        }
        let in_comments = roots.iter().any(|&r| {
            std::iter::once(r)
                .chain(self.ancestors(r))
                .any(|n| self.is_unlikely(n) && any_in(&self.match_string(n), COMMENTS))
        });
        (
            Content {
                blocks,
                byline,
                time,
            },
            in_comments,
        )
    }

    pub(super) fn ancestors(&self, i: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut n = i;
        while n != 0 {
            n = self.dom.nodes[n].parent;
            out.push(n);
        }
        out
    }

    pub(super) fn element_children(&self, i: usize) -> Vec<usize> {
        self.dom.nodes[i]
            .children
            .iter()
            .copied()
            .filter(|&c| !self.removed[c] && self.dom.tag(c).is_some())
            .collect()
    }

    /// Removes node `i`, keeping the ancestors' counts right.
    pub(super) fn remove(&mut self, i: usize) {
        if self.removed[i] {
            return;
        }
        self.removed[i] = true;
        let c = self.counts[i];
        let mut n = i;
        while n != 0 {
            n = self.dom.nodes[n].parent;
            let mut p = self.counts[n];
            p.sub(&c);
            self.counts[n] = p;
        }
    }
}
