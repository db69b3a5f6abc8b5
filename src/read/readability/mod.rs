//! Finding the article in a web page by content scoring, after Mozilla Readability
//! (<https://github.com/mozilla/readability>, `_grabArticle`): paragraphs of running text score
//! their ancestors, the best-scoring container wins, its siblings join when they look like the
//! same story, and what is left inside is cleaned of link lists, forms and widgets.

use crate::read::html::{fold_space, Data, Dom};

/// Text an extraction must reach before it is trusted (Readability's `charThreshold`): below it,
/// the page is read again with the filters relaxed.
const MIN_ARTICLE_CHARS: usize = 500;

/// Paragraphs shorter than this do not vote for a container.
const MIN_PARAGRAPH_CHARS: usize = 25;

/// How many ancestors a paragraph's score reaches.
const SCORE_LEVELS: usize = 5;

/// Containers kept as alternatives to the best one.
const TOP_CANDIDATES: usize = 5;

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
struct Flags {
    strip_unlikely: bool,
    weight_classes: bool,
    clean_conditionally: bool,
}

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
    for (strip_unlikely, weight_classes, clean_conditionally) in attempts {
        let flags = Flags {
            strip_unlikely,
            weight_classes,
            clean_conditionally,
        };
        let content = Reader::new(dom, flags).grab(title);
        let length: usize = content.blocks.iter().map(|b| b.text.chars().count()).sum();
        if length >= MIN_ARTICLE_CHARS {
            return content;
        }
        if best.as_ref().is_none_or(|(l, _)| length > *l) {
            best = Some((length, content));
        }
    }
    best.map(|(_, c)| c).unwrap_or_default()
}

/// Per-node sums over the node's kept subtree.
#[derive(Clone, Copy, Default)]
struct Counts {
    chars: usize,
    link_chars: usize,
    commas: usize,
    heading_chars: usize,
    p: usize,
    img: usize,
    li: usize,
    input: usize,
    embed: usize,
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.chars += o.chars;
        self.link_chars += o.link_chars;
        self.commas += o.commas;
        self.heading_chars += o.heading_chars;
        self.p += o.p;
        self.img += o.img;
        self.li += o.li;
        self.input += o.input;
        self.embed += o.embed;
    }

    fn sub(&mut self, o: &Counts) {
        self.chars -= o.chars;
        self.link_chars -= o.link_chars;
        self.commas -= o.commas;
        self.heading_chars -= o.heading_chars;
        self.p -= o.p;
        self.img -= o.img;
        self.li -= o.li;
        self.input -= o.input;
        self.embed -= o.embed;
    }

    fn link_density(&self) -> f64 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f64 / self.chars as f64
        }
    }
}

struct Reader<'a> {
    dom: &'a Dom,
    flags: Flags,
    removed: Vec<bool>,
    counts: Vec<Counts>,
    score: Vec<Option<f64>>,
    /// Tables holding data rather than layout, worked out once before cleaning.
    data_table: Vec<bool>,
}

/// Elements never part of an article's text.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
    "button", "input", "select", "textarea", "link", "meta", "head", "title", "nav", "footer",
    "aside", "math", "audio", "video", "dialog", "menu",
];

/// Block-level elements: they start a new block of text.
const BLOCKS: &[&str] = &[
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
const DIV_BLOCK_CHILDREN: &[&str] = &[
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

const UNLIKELY: &[&str] = &[
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
const MAYBE_CANDIDATE: &[&str] = &[
    "and", "article", "body", "column", "content", "main", "mathjax", "shadow",
];
const POSITIVE: &[&str] = &[
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
const NEGATIVE: &[&str] = &[
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
const BYLINE: &[&str] = &["byline", "author", "dateline", "writtenby", "p-author"];
const UNLIKELY_ROLES: &[&str] = &[
    "menu",
    "menubar",
    "complementary",
    "navigation",
    "alert",
    "alertdialog",
    "dialog",
];

fn any_in(haystack: &str, needles: &[&str]) -> bool {
    needles.iter().any(|n| haystack.contains(n))
}

impl<'a> Reader<'a> {
    fn new(dom: &'a Dom, flags: Flags) -> Reader<'a> {
        let n = dom.nodes.len();
        Reader {
            dom,
            flags,
            removed: vec![false; n],
            counts: vec![Counts::default(); n],
            score: vec![None; n],
            data_table: vec![false; n],
        }
    }

    fn tag(&self, i: usize) -> &str {
        self.dom.tag(i).unwrap_or("")
    }

    /// Class and id, lowercase, for the pattern lists.
    fn match_string(&self, i: usize) -> String {
        let class = self.dom.attr(i, "class").unwrap_or("");
        let id = self.dom.attr(i, "id").unwrap_or("");
        format!("{class} {id}").to_lowercase()
    }

    fn class_weight(&self, i: usize) -> f64 {
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

    fn is_hidden(&self, i: usize) -> bool {
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

    fn is_kept(&self, i: usize) -> bool {
        !self.dom.self_or_ancestor(i, &self.removed)
    }

    fn grab(mut self, title: Option<&str>) -> Content {
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
        Content {
            blocks,
            byline,
            time,
        }
    }

    /// Removes what is never article: scripts, hidden elements, navigation, unlikely containers,
    /// the byline (kept aside) and a heading that repeats the title.
    fn prune(&mut self, title: Option<&str>, byline: &mut Option<String>) {
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
            if byline.is_none() && self.is_byline(i, &matched) {
                // A marked-up name inside the byline is the name without "By" or the date.
                let name = self.dom.descendants(i).into_iter().skip(1).find(|&n| {
                    self.dom
                        .attr(n, "itemprop")
                        .is_some_and(|p| p.contains("name"))
                });
                let text = self.dom.text(name.unwrap_or(i));
                if !text.is_empty() && text.chars().count() < 100 {
                    *byline = Some(text);
                    self.removed[i] = true;
                    continue;
                }
            }
            if self.flags.strip_unlikely
                && any_in(&matched, UNLIKELY)
                && !any_in(&matched, MAYBE_CANDIDATE)
                && !matches!(tag, "body" | "a" | "html")
                && !self.dom.has_ancestor(i, "table")
                && !self.dom.has_ancestor(i, "code")
            {
                self.removed[i] = true;
                continue;
            }
            if matches!(tag, "h1" | "h2") {
                if let Some(title) = title {
                    if similarity(title, &self.dom.text(i)) > 0.75 {
                        self.removed[i] = true;
                        continue;
                    }
                }
            }
            todo.extend(self.dom.nodes[i].children.iter().rev());
        }
    }

    fn is_byline(&self, i: usize, matched: &str) -> bool {
        self.dom.attr(i, "rel") == Some("author")
            || self
                .dom
                .attr(i, "itemprop")
                .is_some_and(|p| p.contains("author"))
            || any_in(matched, BYLINE)
    }

    /// Fills `counts` bottom-up. Children always have larger indices than their parent.
    fn count(&mut self) {
        for i in (0..self.dom.nodes.len()).rev() {
            if self.removed[i] {
                continue;
            }
            let mut c = self.counts[i];
            match &self.dom.nodes[i].data {
                Data::Text(t) => {
                    let folded = fold_space(t);
                    c.chars += folded.chars().count() + usize::from(!folded.is_empty());
                    c.commas += t
                        .chars()
                        .filter(|&ch| matches!(ch, ',' | '،' | '，' | '、'))
                        .count();
                }
                Data::Element { name, .. } => match name.as_str() {
                    "a" => c.link_chars = c.chars,
                    "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => c.heading_chars = c.chars,
                    "p" => c.p += 1,
                    "img" | "picture" => c.img += 1,
                    "li" => c.li += 1,
                    "input" => c.input += 1,
                    "object" | "embed" | "iframe" => c.embed += 1,
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

    fn initial_score(&self, i: usize) -> f64 {
        let base = match self.tag(i) {
            "div" => 5.0,
            "pre" | "td" | "blockquote" => 3.0,
            "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
            _ => 0.0,
        };
        base + self.class_weight(i)
    }

    fn has_block_child(&self, i: usize) -> bool {
        self.dom.descendants(i).into_iter().skip(1).any(|n| {
            !self.removed[n] && DIV_BLOCK_CHILDREN.contains(&self.dom.tag(n).unwrap_or(""))
        })
    }

    /// Scores containers by the paragraphs inside them; returns the best container.
    fn score_paragraphs(&mut self) -> Option<usize> {
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
                paragraphs.push((i, c.chars, c.commas));
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
                let chars: usize = loose.iter().map(|&c| self.counts[c].chars).sum();
                let commas: usize = loose.iter().map(|&c| self.counts[c].commas).sum();
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
                if self.score[ancestor].is_none() {
                    self.score[ancestor] = Some(self.initial_score(ancestor));
                    candidates.push(ancestor);
                }
                let divider = match level {
                    0 => 1.0,
                    1 => 2.0,
                    _ => level as f64 * 3.0,
                };
                if let Some(s) = self.score[ancestor].as_mut() {
                    *s += score / divider;
                }
                ancestor = self.dom.nodes[ancestor].parent;
            }
        }
        for &c in &candidates {
            let density = self.counts[c].link_density();
            if let Some(s) = self.score[c].as_mut() {
                *s *= 1.0 - density;
            }
        }
        let scores = self.score.clone();
        let value = |i: usize| scores[i].unwrap_or(0.0);
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
        if self.score[top].is_none() {
            self.score[top] = Some(self.initial_score(top));
        }
        // Climb while the parent scores higher: the article may span several scored blocks.
        let mut last = self.score[top].unwrap_or(0.0);
        let threshold = last / 3.0;
        let mut parent = self.dom.nodes[top].parent;
        while parent != 0 && !matches!(self.tag(parent), "body" | "html") {
            let Some(parent_score) = self.score[parent] else {
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

    fn ancestors(&self, i: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut n = i;
        while n != 0 {
            n = self.dom.nodes[n].parent;
            out.push(n);
        }
        out
    }

    fn element_children(&self, i: usize) -> Vec<usize> {
        self.dom.nodes[i]
            .children
            .iter()
            .copied()
            .filter(|&c| !self.removed[c] && self.dom.tag(c).is_some())
            .collect()
    }

    /// The top container and the siblings that belong with it; the whole body without one.
    fn select(&self, top: Option<usize>) -> Vec<usize> {
        let Some(top) = top else {
            let body = self.dom.elements("body").first().copied().unwrap_or(0);
            return vec![body];
        };
        let top_score = self.score[top].unwrap_or(0.0);
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
            let keep = match self.score[sibling] {
                Some(s) if s + bonus >= threshold => true,
                _ if self.tag(sibling) == "p" => {
                    let c = self.counts[sibling];
                    let text = self.dom.text(sibling);
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

    /// Removes node `i`, keeping the ancestors' counts right.
    fn remove(&mut self, i: usize) {
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

    /// Readability's `_prepArticle`: drops share widgets, negative headings and containers that
    /// look like link lists, forms or image galleries rather than text.
    fn clean(&mut self, roots: &[usize]) {
        let nodes: Vec<usize> = roots
            .iter()
            .flat_map(|&r| self.dom.descendants(r))
            .collect();
        for &i in &nodes {
            let tag = self.tag(i);
            if tag.is_empty() || !self.is_kept(i) {
                continue;
            }
            let matched = self.match_string(i);
            let share = (matched.contains("share") || matched.contains("sharedaddy"))
                && !roots.contains(&i)
                && self.counts[i].chars < 500;
            let bad_heading = matches!(tag, "h1" | "h2") && self.class_weight(i) < 0.0;
            if share || bad_heading {
                self.remove(i);
            }
        }
        if !self.flags.clean_conditionally {
            return;
        }
        for &i in &nodes {
            if self.tag(i) == "table" {
                self.data_table[i] = self.is_data_table(i);
            }
        }
        // Inner containers first, as Readability does, so an outer one is judged without them.
        for &i in nodes.iter().rev() {
            if matches!(
                self.tag(i),
                "table" | "ul" | "ol" | "div" | "form" | "fieldset" | "section"
            ) && self.is_kept(i)
                && self.fails_conditional(i)
            {
                self.remove(i);
            }
        }
    }

    fn is_data_table(&self, i: usize) -> bool {
        if self.dom.attr(i, "role") == Some("presentation") {
            return false;
        }
        let cells = self.dom.descendants(i);
        if self.dom.attr(i, "summary").is_some()
            || cells
                .iter()
                .any(|&n| matches!(self.tag(n), "caption" | "th" | "thead" | "tfoot"))
        {
            return true;
        }
        if cells.iter().skip(1).any(|&n| self.tag(n) == "table") {
            return false;
        }
        let rows = cells.iter().filter(|&&n| self.tag(n) == "tr").count();
        let columns = cells
            .iter()
            .filter(|&&n| self.tag(n) == "tr")
            .map(|&r| self.element_children(r).len())
            .max()
            .unwrap_or(0);
        rows >= 10 || columns > 4 || rows * columns > 10
    }

    fn fails_conditional(&self, i: usize) -> bool {
        let tag = self.tag(i);
        if (tag == "table" || self.dom.has_ancestor(i, "table"))
            && self.dom.self_or_ancestor(i, &self.data_table)
        {
            return false;
        }
        if self.dom.has_ancestor(i, "code") || self.dom.has_ancestor(i, "pre") {
            return false;
        }
        let weight = self.class_weight(i);
        if weight < 0.0 {
            return true;
        }
        let c = self.counts[i];
        if c.commas >= 10 {
            return false;
        }
        let is_list = matches!(tag, "ul" | "ol");
        let in_figure = self.dom.has_ancestor(i, "figure");
        let p = c.p as f64;
        let img = c.img as f64;
        let li = c.li as f64 - 100.0;
        let heading_density = if c.chars == 0 {
            0.0
        } else {
            c.heading_chars as f64 / c.chars as f64
        };
        let density = c.link_density();
        (img > 1.0 && p / img < 0.5 && !in_figure)
            || (!is_list && li > p)
            || (c.input as f64 > (p / 3.0).floor())
            || (!is_list
                && heading_density < 0.9
                && c.chars < 25
                && (c.img == 0 || c.img > 2)
                && !in_figure)
            || (!is_list && weight < 25.0 && density > 0.2)
            || (weight >= 25.0 && density > 0.5)
            || (c.embed == 1 && c.chars < 75)
            || c.embed > 1
    }

    /// Appends the text blocks under `root` to `out`.
    fn blocks(&self, root: usize, out: &mut Vec<Block>) {
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
    fn block_kind(&self, i: usize) -> BlockKind {
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

fn flush(current: &mut String, kind: BlockKind, out: &mut Vec<Block>) {
    let text = fold_space(current);
    current.clear();
    if !text.is_empty() {
        out.push(Block { text, kind });
    }
}

/// Readability's `_textSimilarity`: the share of `b`'s text made of words also in `a`.
pub fn similarity(a: &str, b: &str) -> f64 {
    let words = |s: &str| -> Vec<String> {
        s.to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    if wa.is_empty() || wb.is_empty() {
        return 0.0;
    }
    let unique: Vec<&String> = wb.iter().filter(|w| !wa.contains(w)).collect();
    let unique_len = unique
        .iter()
        .map(|w| w.len() + 1)
        .sum::<usize>()
        .saturating_sub(1);
    let total_len = wb
        .iter()
        .map(|w| w.len() + 1)
        .sum::<usize>()
        .saturating_sub(1);
    1.0 - unique_len as f64 / total_len.max(1) as f64
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
}
