//! The kept text under a node, as blocks: paragraphs, headings and captions.

use super::patterns::BLOCKS;
use super::reader::{Block, BlockKind, Reader};
use crate::read::html::{fold_space, Data};
use crate::text::chars;

impl Reader<'_> {
    /// Appends the text blocks under `root` to `out`. The kind of each block comes from its
    /// nearest heading or caption, kept on a stack as the walk goes down (looking each one up
    /// the ancestors would cost the depth per block: quadratic on deeply nested pages).
    pub(super) fn blocks(&self, root: usize, out: &mut Vec<Block>) {
        let mut current = String::new();
        let mut kinds = vec![self.block_kind(root)];
        // (node, entering?) pairs walk the tree without recursion.
        let mut todo = vec![(root, true)];
        while let Some((i, entering)) = todo.pop() {
            if self.removed[i] {
                continue;
            }
            let kind = *kinds.last().unwrap_or(&BlockKind::Paragraph);
            match &self.dom.nodes[i].data {
                Data::Text(t) => current.push_str(t),
                Data::Element { name, .. } => {
                    let block = BLOCKS.contains(&name.as_ref());
                    if block {
                        flush(&mut current, kind, out);
                    }
                    if entering {
                        let own = match name.as_ref() {
                            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => BlockKind::Heading,
                            _ if kind == BlockKind::Paragraph && self.is_caption(i) => {
                                BlockKind::Caption
                            }
                            _ => kind,
                        };
                        kinds.push(own);
                        todo.push((i, false));
                        todo.extend(self.dom.nodes[i].children.iter().rev().map(|&c| (c, true)));
                    } else {
                        kinds.pop();
                    }
                }
                Data::Document => {
                    todo.extend(self.dom.nodes[i].children.iter().rev().map(|&c| (c, true)));
                }
            }
        }
        let kind = *kinds.last().unwrap_or(&BlockKind::Paragraph);
        flush(&mut current, kind, out);
    }

    /// Whether element `i` is a caption or a picture credit: a `<figcaption>`, or an element
    /// its page marks so (`class="wp-caption-text"`, `"gallery-caption"`, `"photo-credit"`).
    fn is_caption(&self, i: usize) -> bool {
        if self.tag(i) == "figcaption" {
            return true;
        }
        let marked = self.match_string(i);
        marked.contains("caption")
            || marked
                .split(|c: char| !chars::is_alphanumeric(c))
                .any(|w| w == "credit" || w == "credits")
    }

    /// The kind of text directly inside element `i`, from its nearest heading or caption
    /// ancestor.
    pub(super) fn block_kind(&self, i: usize) -> BlockKind {
        let mut n = i;
        loop {
            match self.dom.tag(n) {
                Some("h1" | "h2" | "h3" | "h4" | "h5" | "h6") => return BlockKind::Heading,
                Some(_) if self.is_caption(n) => return BlockKind::Caption,
                _ => {}
            }
            if n == 0 {
                return BlockKind::Paragraph;
            }
            n = self.dom.nodes[n].parent;
        }
    }
}

pub(super) fn flush(current: &mut String, kind: BlockKind, out: &mut Vec<Block>) {
    let text = fold_space(current);
    current.clear();
    if !text.is_empty() {
        out.push(Block { text, kind });
    }
}
