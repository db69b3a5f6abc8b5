//! Which container holds the article: what is never article is pruned, paragraphs of running
//! text score their ancestors, and the best container is chosen with the siblings that belong
//! to it.

use super::patterns::{
    any_in, WordSet, BLOCKS, DIV_BLOCK_CHILDREN, DROPPED, MAYBE_CANDIDATE, UNLIKELY, UNLIKELY_ROLES,
};
use super::reader::Reader;
use crate::read::html::{fold_space, Data};
use crate::read::meta;

/// Paragraphs shorter than this do not vote for a container.
pub(super) const MIN_PARAGRAPH_CHARS: usize = 25;

/// How many ancestors a paragraph's score reaches.
pub(super) const SCORE_LEVELS: usize = 5;

/// Containers kept as alternatives to the best one.
pub(super) const TOP_CANDIDATES: usize = 5;

/// Longest byline, in characters (Readability's): a longer element marked "author" or "byline"
/// is a container, an author box or the whole article.
const MAX_BYLINE_CHARS: usize = 100;

impl Reader<'_> {
    /// Removes what is never article: scripts, hidden elements, navigation, unlikely containers,
    /// the byline (kept aside) and a heading that repeats the title.
    pub(super) fn prune(&mut self, title: Option<&str>, byline: &mut Option<String>) {
        let title = title.map(WordSet::new);
        let mut todo = vec![0usize];
        while let Some(i) = todo.pop() {
            let Some(tag) = self.dom.tag(i) else {
                todo.extend(self.dom.nodes[i].children.iter().rev());
                continue;
            };
            let role = self.dom.attr(i, "role").unwrap_or("");
            if DROPPED.contains(&tag) || self.is_hidden(i) || UNLIKELY_ROLES.contains(&role) {
                self.removed[i] = true;
                continue;
            }
            let matched = self.match_string(i);
            // Readability's `_isValidByline`: the element itself must be short, or it is a
            // container (an `<article class="author-...">`) and not a byline.
            if byline.is_none()
                && self.is_byline(i, &matched)
                && self.text_shorter_than(i, MAX_BYLINE_CHARS)
            {
                // A marked-up name inside the byline is the name without "By" or the date;
                // else the byline's first line ("Ben Silverman", not the title under it).
                let name = self.dom.descendants(i).into_iter().skip(1).find(|&n| {
                    self.dom
                        .attr(n, "itemprop")
                        .is_some_and(|p| p.contains("name"))
                });
                let mut lines = Vec::new();
                self.blocks(name.unwrap_or(i), &mut lines);
                // A date marked up as a "dateline" is no byline: the search goes on.
                if let Some(text) = lines.first().and_then(|l| meta::byline_name(&l.text)) {
                    *byline = Some(text);
                    self.removed[i] = true;
                    continue;
                }
            }
            if self.flags.strip_unlikely && self.is_unlikely(i) {
                self.removed[i] = true;
                continue;
            }
            if matches!(tag, "h1" | "h2") {
                if let Some(title) = &title {
                    if title.similarity(&self.dom.text(i)) > 0.75 {
                        self.removed[i] = true;
                        continue;
                    }
                }
            }
            todo.extend(self.dom.nodes[i].children.iter().rev());
        }
    }

    /// Whether element `i` is one the strict reading strips: its class or id says comments,
    /// sidebar, footer, ... (Readability's `unlikelyCandidates`).
    pub(super) fn is_unlikely(&self, i: usize) -> bool {
        let Some(tag) = self.dom.tag(i) else {
            return false;
        };
        let matched = self.match_string(i);
        any_in(&matched, UNLIKELY)
            && !any_in(&matched, MAYBE_CANDIDATE)
            && !matches!(tag, "body" | "a" | "html")
            && !self.dom.has_ancestor(i, "table")
            && !self.dom.has_ancestor(i, "code")
    }

    /// Whether the text under node `i` (white space folded) is shorter than `limit` chars; reads
    /// no further than the limit.
    fn text_shorter_than(&self, i: usize, limit: usize) -> bool {
        let mut chars = 0;
        let mut space = false;
        let mut todo = vec![i];
        while let Some(n) = todo.pop() {
            if let Data::Text(t) = &self.dom.nodes[n].data {
                for c in t.chars() {
                    if c.is_whitespace() {
                        space = chars > 0;
                        continue;
                    }
                    chars += 1 + usize::from(space);
                    space = false;
                    if chars >= limit {
                        return false;
                    }
                }
            }
            todo.extend(self.dom.nodes[n].children.iter().rev());
        }
        chars > 0
    }

    /// Fills `counts` bottom-up. Children always have larger indices than their parent.
    pub(super) fn count(&mut self) {
        for i in (0..self.dom.nodes.len()).rev() {
            if self.removed[i] {
                // A removed player still tells the cleaning what its container holds.
                if i != 0 && matches!(self.tag(i), "object" | "embed" | "iframe") {
                    let parent = self.dom.nodes[i].parent;
                    if self.is_video(i) {
                        self.counts[parent].video += 1;
                    } else {
                        self.counts[parent].embed += 1;
                    }
                }
                continue;
            }
            let mut c = self.counts[i];
            match &self.dom.nodes[i].data {
                Data::Text(t) => {
                    let folded = fold_space(t);
                    c.chars += count32(folded.chars().count() + usize::from(!folded.is_empty()));
                    c.commas += count32(
                        t.chars()
                            .filter(|&ch| matches!(ch, ',' | '،' | '，' | '、'))
                            .count(),
                    );
                }
                Data::Element { name, .. } => match name.as_ref() {
                    "a" => {
                        let same_page = self
                            .dom
                            .attr(i, "href")
                            .is_some_and(|h| h.starts_with('#') && h.len() > 1);
                        c.link_tenths = c.chars * if same_page { 3 } else { 10 };
                    }
                    "ul" | "ol" => c.list_chars = c.chars,
                    "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => c.heading_chars = c.chars,
                    "p" => c.p += 1,
                    "img" | "picture" => c.img += 1,
                    "li" => c.li += 1,
                    "input" => c.input += 1,
                    _ => {}
                },
                Data::Document => {}
            }
            self.counts[i] = c;
            if i != 0 {
                let parent = self.dom.nodes[i].parent;
                let mut p = self.counts[parent];
                p.add(&c);
                self.counts[parent] = p;
            }
        }
    }

    pub(super) fn initial_score(&self, i: usize) -> f64 {
        let base = match self.tag(i) {
            "div" => 5.0,
            "pre" | "td" | "blockquote" => 3.0,
            "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
            _ => 0.0,
        };
        base + self.class_weight(i)
    }

    pub(super) fn has_block_child(&self, i: usize) -> bool {
        self.dom.descendants(i).into_iter().skip(1).any(|n| {
            !self.removed[n] && DIV_BLOCK_CHILDREN.contains(&self.dom.tag(n).unwrap_or(""))
        })
    }

    /// Scores containers by the paragraphs inside them; returns the best container.
    pub(super) fn score_paragraphs(&mut self) -> Option<usize> {
        // (scoring node, paragraph chars, commas): elements that hold running text, and runs of
        // loose text directly inside a container (Readability wraps those in a <p>).
        let mut paragraphs: Vec<(usize, usize, usize)> = Vec::new();
        let mut todo = vec![0usize];
        while let Some(i) = todo.pop() {
            if self.removed[i] {
                continue;
            }
            let tag = self.tag(i);
            let leaf_div = matches!(tag, "div" | "article" | "section") && !self.has_block_child(i);
            if matches!(tag, "p" | "pre" | "td" | "h2" | "h3" | "h4" | "h5" | "h6") || leaf_div {
                let c = self.counts[i];
                paragraphs.push((i, c.chars as usize, c.commas as usize));
                if tag != "td" {
                    continue;
                }
            } else if matches!(tag, "div" | "article" | "section" | "main" | "body") {
                let loose: Vec<usize> = self.dom.nodes[i]
                    .children
                    .iter()
                    .copied()
                    .filter(|&c| {
                        !self.removed[c] && !BLOCKS.contains(&self.dom.tag(c).unwrap_or(""))
                    })
                    .collect();
                let chars: usize = loose.iter().map(|&c| self.counts[c].chars as usize).sum();
                let commas: usize = loose.iter().map(|&c| self.counts[c].commas as usize).sum();
                // The loose text scores this container as its own paragraph would.
                if chars >= MIN_PARAGRAPH_CHARS {
                    paragraphs.push((usize::MAX - i, chars, commas));
                }
            }
            todo.extend(self.dom.nodes[i].children.iter().rev());
        }
        let mut candidates: Vec<usize> = Vec::new();
        for (node, chars, commas) in paragraphs {
            if chars < MIN_PARAGRAPH_CHARS {
                continue;
            }
            let score = 1.0 + (commas + 1) as f64 + (chars / 100).min(3) as f64;
            // A wrapped loose run's first ancestor is the container itself.
            let mut ancestor = if node > self.dom.nodes.len() {
                usize::MAX - node
            } else {
                self.dom.nodes[node].parent
            };
            for level in 0..SCORE_LEVELS {
                if ancestor == 0 || self.dom.tag(ancestor).is_none() {
                    break;
                }
                if !self.score.contains_key(&ancestor) {
                    self.score.insert(ancestor, self.initial_score(ancestor));
                    candidates.push(ancestor);
                }
                let divider = match level {
                    0 => 1.0,
                    1 => 2.0,
                    _ => level as f64 * 3.0,
                };
                if let Some(s) = self.score.get_mut(&ancestor) {
                    *s += score / divider;
                }
                ancestor = self.dom.nodes[ancestor].parent;
            }
        }
        for &c in &candidates {
            let density = self.counts[c].link_density();
            if let Some(s) = self.score.get_mut(&c) {
                *s *= 1.0 - density;
            }
        }
        let scores = self.score.clone();
        let value = |i: usize| scores.get(&i).copied().unwrap_or(0.0);
        candidates.sort_by(|&a, &b| value(b).total_cmp(&value(a)).then(a.cmp(&b)));
        candidates.truncate(TOP_CANDIDATES);
        let mut top = *candidates.first()?;
        if matches!(self.tag(top), "body" | "html") {
            return None;
        }
        // Several strong candidates under one ancestor: the ancestor holds the article.
        let top_score = value(top);
        let alternatives: Vec<Vec<usize>> = candidates[1..]
            .iter()
            .filter(|&&c| top_score > 0.0 && value(c) / top_score >= 0.75)
            .map(|&c| self.ancestors(c))
            .collect();
        if alternatives.len() >= 3 {
            let mut parent = self.dom.nodes[top].parent;
            while parent != 0 && !matches!(self.tag(parent), "body" | "html") {
                let shared = alternatives.iter().filter(|a| a.contains(&parent)).count();
                if shared >= 3 {
                    top = parent;
                    break;
                }
                parent = self.dom.nodes[parent].parent;
            }
        }
        if !self.score.contains_key(&top) {
            self.score.insert(top, self.initial_score(top));
        }
        // Climb while the parent scores higher: the article may span several scored blocks.
        let mut last = self.score.get(&top).copied().unwrap_or(0.0);
        let threshold = last / 3.0;
        let mut parent = self.dom.nodes[top].parent;
        while parent != 0 && !matches!(self.tag(parent), "body" | "html") {
            let Some(&parent_score) = self.score.get(&parent) else {
                parent = self.dom.nodes[parent].parent;
                continue;
            };
            if parent_score < threshold {
                break;
            }
            if parent_score > last {
                top = parent;
                break;
            }
            last = parent_score;
            parent = self.dom.nodes[parent].parent;
        }
        // A lone child stands for its parent.
        loop {
            let parent = self.dom.nodes[top].parent;
            if parent == 0 || matches!(self.tag(parent), "body" | "html") {
                break;
            }
            if self.element_children(parent).len() != 1 {
                break;
            }
            top = parent;
        }
        Some(top)
    }

    /// The top container and the siblings that belong with it; the whole body without one.
    /// The paragraph a sibling of the top container stands for: a `<p>`; a `<div>` with no
    /// block inside (Readability makes it a `<p>`); or a `<div>` around a single `<p>`, which
    /// Readability replaces by the `<p>`. A standfirst in a wrapper of its own joins so.
    fn paragraph_like(&self, i: usize) -> Option<usize> {
        match self.tag(i) {
            "p" => Some(i),
            "div" if !self.has_block_child(i) => Some(i),
            "div" => match self.element_children(i)[..] {
                [only] if self.tag(only) == "p" && self.counts[i].link_density() < 0.25 => {
                    Some(only)
                }
                _ => None,
            },
            _ => None,
        }
    }

    pub(super) fn select(&self, top: Option<usize>) -> Vec<usize> {
        let Some(top) = top else {
            let body = self.dom.elements("body").first().copied().unwrap_or(0);
            return vec![body];
        };
        let top_score = self.score.get(&top).copied().unwrap_or(0.0);
        let threshold = (top_score * 0.2).max(10.0);
        let parent = self.dom.nodes[top].parent;
        let top_class = self.dom.attr(top, "class").unwrap_or("");
        let mut roots = Vec::new();
        for sibling in self.element_children(parent) {
            if sibling == top {
                roots.push(sibling);
                continue;
            }
            let class = self.dom.attr(sibling, "class").unwrap_or("");
            let bonus = if !class.is_empty() && class == top_class {
                top_score * 0.2
            } else {
                0.0
            };
            let keep = match self.score.get(&sibling).copied() {
                Some(s) if s + bonus >= threshold => true,
                _ if self.paragraph_like(sibling).is_some() => {
                    let p = self.paragraph_like(sibling).unwrap_or(sibling);
                    let c = self.counts[p];
                    let text = self.dom.text(p);
                    let density = c.link_density();
                    (c.chars > 80 && density < 0.25)
                        || (c.chars < 80
                            && c.chars > 0
                            && density == 0.0
                            && (text.contains(". ") || text.ends_with('.')))
                }
                _ => false,
            };
            if keep {
                roots.push(sibling);
            }
        }
        roots
    }
}

/// A count for [`Counts`](super::reader::Counts), which an input's size keeps within 32 bits.
fn count32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
