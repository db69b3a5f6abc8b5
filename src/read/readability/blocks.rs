//! The kept text under a node, as blocks: paragraphs, headings and captions.

use super::patterns::BLOCKS;
use super::reader::{Block, BlockKind, Reader};
use crate::read::html::{fold_space, Data};

impl Reader<'_> {
    /// Appends the text blocks under `root` to `out`.
    pub(super) fn blocks(&self, root: usize, out: &mut Vec<Block>) {
        let mut current = String::new();
        let mut kind = BlockKind::Paragraph;
        // (node, entering?) pairs walk the tree without recursion.
        let mut todo = vec![(root, true)];
        while let Some((i, entering)) = todo.pop() {
            if self.removed[i] {
                continue;
            }
            match &self.dom.nodes[i].data {
                Data::Text(t) => current.push_str(t),
                Data::Element { name, .. } => {
                    let block = BLOCKS.contains(&name.as_str());
                    if block {
                        flush(&mut current, kind, out);
                    }
                    if entering {
                        kind = match name.as_str() {
                            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => BlockKind::Heading,
                            "figcaption" => BlockKind::Caption,
                            _ if block => self.block_kind(i),
                            _ => kind,
                        };
                        todo.push((i, false));
                        todo.extend(self.dom.nodes[i].children.iter().rev().map(|&c| (c, true)));
                    } else if block {
                        kind = self.block_kind(self.dom.nodes[i].parent);
                    }
                }
                Data::Document => {
                    todo.extend(self.dom.nodes[i].children.iter().rev().map(|&c| (c, true)));
                }
            }
        }
        flush(&mut current, kind, out);
    }

    /// The kind of text directly inside element `i`, from its nearest heading or caption
    /// ancestor.
    pub(super) fn block_kind(&self, i: usize) -> BlockKind {
        let mut n = i;
        loop {
            match self.dom.tag(n) {
                Some("h1" | "h2" | "h3" | "h4" | "h5" | "h6") => return BlockKind::Heading,
                Some("figcaption") => return BlockKind::Caption,
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
