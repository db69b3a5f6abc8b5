//! HTML input: telling it from plain text, and parsing it into a small tree.
//!
//! The markup is tokenized by `html5gum` (WHATWG tokenization: character references decoded,
//! script and style text kept out of the markup). The tree is built here with the few
//! tree-construction rules that matter for reading an article: void elements, the implied end of
//! `<p>`, `<li>`, table cells and the like, and end tags that close whatever was left open inside
//! them. Nothing is executed or rendered; attributes are only read.

use html5gum::{DefaultEmitter, Token, Tokenizer};

/// Deepest element nesting kept. Real pages stay under a hundred levels; deeper input (a page
/// of ten thousand unclosed `<div>`s) is flattened at this depth so that every walk over the tree,
/// recursive or not, is bounded.
pub const MAX_DEPTH: usize = 256;

/// How far up the open-element stack an end tag looks for its start tag. A stray `</div>` in a
/// page of thousands of open elements would otherwise cost a scan of the whole stack each time.
const MAX_END_TAG_SEARCH: usize = 64;

/// One node of the tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Data {
    /// The root.
    Document,
    /// An element: lowercase tag name and attributes in source order.
    Element {
        /// Tag name, lowercase. Boxed, as the attributes are: a page of many small elements
        /// has one of these per element, and they never grow.
        name: Box<str>,
        /// Attribute names (lowercase) and values (character references decoded).
        attrs: Box<[(String, String)]>,
    },
    /// Text, character references decoded.
    Text(String),
}

/// A node and its place in the tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Node {
    /// What the node is.
    pub data: Data,
    /// Index of the parent node; the document's is itself (0).
    pub parent: usize,
    /// Child node indices, in document order.
    pub children: Vec<usize>,
}

/// A parsed page: nodes in document order, the document at index 0.
#[derive(Clone, Debug)]
pub struct Dom {
    /// All nodes; a node's index is smaller than its children's.
    pub nodes: Vec<Node>,
}

/// Elements that never have children.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen",
];

/// Start tags that end an open `<p>` (the HTML spec's "close a p element in button scope").
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "details",
    "dialog",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
];

/// Whether `input` is HTML rather than plain text: it starts (after white space and a byte-order
/// mark) with a doctype, a comment or one of the elements a page or a copied fragment starts
/// with, or it contains a block-level tag pair. A plain article that merely mentions `<p>` does
/// not start with markup and has no closing tags.
pub fn looks_like_html(input: &str) -> bool {
    let head: String = input
        .trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n'])
        .chars()
        .take(64)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.starts_with("<!doctype html") || head.starts_with("<html") || head.starts_with("<!--") {
        return true;
    }
    const OPENERS: &[&str] = &[
        "<head", "<body", "<meta", "<div", "<p>", "<p ", "<article", "<section", "<h1", "<h2",
        "<span", "<table", "<ul", "<main", "<header", "<title", "<a ", "<b>", "<i>", "<strong",
        "<em>", "<br", "<img", "<link", "<style", "<script",
    ];
    if OPENERS.iter().any(|o| head.starts_with(o)) {
        return true;
    }
    // Two different closing tags of these, anywhere. One pass from "</" to "</" (a plain text
    // has none or few), not a scan of the whole input for each tag.
    const CLOSES: [&[u8]; 6] = [b"p>", b"div>", b"li>", b"h1>", b"h2>", b"span>"];
    let bytes = input.as_bytes();
    let mut seen = 0u8;
    let mut from = 0;
    while let Some(at) = input[from..].find("</") {
        let rest = &bytes[from + at + 2..];
        for (k, close) in CLOSES.iter().enumerate() {
            if rest
                .get(..close.len())
                .is_some_and(|r| r.eq_ignore_ascii_case(close))
            {
                seen |= 1 << k;
            }
        }
        if seen.count_ones() >= 2 {
            return true;
        }
        from += at + 2;
    }
    false
}

impl Dom {
    /// Parses `html`. Never fails: malformed markup gives some tree, as in a browser.
    pub fn parse(html: &str) -> Dom {
        let mut emitter = DefaultEmitter::default();
        // Script, style, title and textarea content is text, not markup.
        emitter.naively_switch_states(true);
        let mut dom = Dom {
            nodes: vec![Node {
                data: Data::Document,
                parent: 0,
                children: Vec::new(),
            }],
        };
        let mut stack: Vec<usize> = vec![0];
        for token in Tokenizer::new_with_emitter(html, emitter).flatten() {
            match token {
                Token::StartTag(tag) => {
                    let name = lossy(&tag.name).to_ascii_lowercase();
                    let attrs = tag
                        .attributes
                        .iter()
                        .map(|(k, v)| (lossy(k).to_ascii_lowercase(), lossy(&v.value)))
                        .collect();
                    dom.start_tag(&mut stack, name, attrs, tag.self_closing);
                }
                Token::EndTag(tag) => {
                    let name = lossy(&tag.name).to_ascii_lowercase();
                    if name == "br" {
                        dom.start_tag(&mut stack, name, Vec::new(), true);
                    } else {
                        close(&dom, &mut stack, &name);
                    }
                }
                Token::String(s) => {
                    let parent = *stack.last().unwrap_or(&0);
                    dom.push_text(parent, &lossy(&s.value));
                }
                _ => {}
            }
        }
        dom
    }

    fn start_tag(
        &mut self,
        stack: &mut Vec<usize>,
        name: String,
        attrs: Vec<(String, String)>,
        self_closing: bool,
    ) {
        // A second <html> or <body> only adds attributes in browsers; here it is dropped.
        if matches!(name.as_str(), "html" | "body" | "head")
            && stack.iter().any(|&i| self.tag(i) == Some(name.as_str()))
        {
            return;
        }
        self.imply_end_tags(stack, &name);
        let parent = *stack.last().unwrap_or(&0);
        let index = self.nodes.len();
        let is_void = VOID.contains(&name.as_str()) || self_closing;
        self.nodes.push(Node {
            data: Data::Element {
                name: name.into_boxed_str(),
                attrs: attrs.into_boxed_slice(),
            },
            parent,
            children: Vec::new(),
        });
        self.nodes[parent].children.push(index);
        if !is_void && stack.len() < MAX_DEPTH {
            stack.push(index);
        }
    }

    /// Closes what a start tag `name` implicitly ends.
    fn imply_end_tags(&self, stack: &mut Vec<usize>, name: &str) {
        let (targets, boundary): (&[&str], &[&str]) = match name {
            "li" => (&["li"], &["ul", "ol", "menu", "table", "div"]),
            "dt" | "dd" => (&["dt", "dd"], &["dl", "table", "div"]),
            "tr" => (&["tr", "td", "th"], &["table", "tbody", "thead", "tfoot"]),
            "td" | "th" => (&["td", "th"], &["tr", "table"]),
            "option" => (&["option"], &["select", "datalist"]),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => (
                &["p", "h1", "h2", "h3", "h4", "h5", "h6"],
                &["div", "td", "th", "li", "section", "article", "table"],
            ),
            _ if CLOSES_P.contains(&name) => (&["p"], &["td", "th", "li", "table", "button"]),
            _ => return,
        };
        for depth in (1..stack.len()).rev() {
            let Some(tag) = self.tag(stack[depth]) else {
                break;
            };
            if targets.contains(&tag) {
                stack.truncate(depth);
                return;
            }
            if boundary.contains(&tag) {
                return;
            }
        }
    }

    fn push_text(&mut self, parent: usize, text: &str) {
        if let Some(&last) = self.nodes[parent].children.last() {
            if let Data::Text(existing) = &mut self.nodes[last].data {
                existing.push_str(text);
                return;
            }
        }
        let index = self.nodes.len();
        self.nodes.push(Node {
            data: Data::Text(text.to_string()),
            parent,
            children: Vec::new(),
        });
        self.nodes[parent].children.push(index);
    }

    /// The tag name of node `i`, if it is an element.
    pub fn tag(&self, i: usize) -> Option<&str> {
        match &self.nodes.get(i)?.data {
            Data::Element { name, .. } => Some(name),
            _ => None,
        }
    }

    /// The value of attribute `name` (lowercase) of element `i`.
    pub fn attr(&self, i: usize, name: &str) -> Option<&str> {
        match &self.nodes.get(i)?.data {
            Data::Element { attrs, .. } => attrs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.as_str()),
            _ => None,
        }
    }

    /// Node `i` and everything under it, in document order (an explicit stack: no recursion).
    pub fn descendants(&self, i: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut todo = vec![i];
        while let Some(n) = todo.pop() {
            out.push(n);
            todo.extend(self.nodes[n].children.iter().rev());
        }
        out
    }

    /// All elements named `tag`, in document order.
    pub fn elements(&self, tag: &str) -> Vec<usize> {
        (0..self.nodes.len())
            .filter(|&i| self.tag(i) == Some(tag))
            .collect()
    }

    /// The text under node `i`, white space folded to single spaces and trimmed.
    pub fn text(&self, i: usize) -> String {
        let mut raw = String::new();
        for n in self.descendants(i) {
            if let Data::Text(t) = &self.nodes[n].data {
                raw.push_str(t);
            }
        }
        fold_space(&raw)
    }

    /// Whether `flag` is set on node `i` or any of its ancestors (the root included).
    pub fn self_or_ancestor(&self, i: usize, flag: &[bool]) -> bool {
        let mut n = i;
        loop {
            if flag[n] {
                return true;
            }
            if n == 0 {
                return false;
            }
            n = self.nodes[n].parent;
        }
    }

    /// Whether node `i` lies inside an element named `tag`.
    pub fn has_ancestor(&self, i: usize, tag: &str) -> bool {
        let mut n = i;
        while n != 0 {
            n = self.nodes[n].parent;
            if self.tag(n) == Some(tag) {
                return true;
            }
        }
        false
    }
}

/// Pops the stack up to and including the innermost open `name`, if it is open near the top.
fn close(dom: &Dom, stack: &mut Vec<usize>, name: &str) {
    let lowest = stack.len().saturating_sub(MAX_END_TAG_SEARCH).max(1);
    if let Some(depth) = (lowest..stack.len())
        .rev()
        .find(|&d| dom.tag(stack[d]) == Some(name))
    {
        stack.truncate(depth);
    }
}

fn lossy(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Runs of white space (including no-break spaces) folded to one space, ends trimmed.
pub fn fold_space(s: &str) -> String {
    let mut folded = String::with_capacity(s.len());
    for word in s.split(char::is_whitespace).filter(|w| !w.is_empty()) {
        if !folded.is_empty() {
            folded.push(' ');
        }
        folded.push_str(word);
    }
    folded
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(html: &str) -> String {
        fn walk(dom: &Dom, i: usize, out: &mut String) {
            match &dom.nodes[i].data {
                Data::Element { name, .. } => {
                    out.push_str(&format!("<{name}>"));
                    for &c in &dom.nodes[i].children {
                        walk(dom, c, out);
                    }
                    out.push_str(&format!("</{name}>"));
                }
                Data::Text(t) => out.push_str(t),
                Data::Document => {
                    for &c in &dom.nodes[i].children {
                        walk(dom, c, out);
                    }
                }
            }
        }
        let dom = Dom::parse(html);
        let mut out = String::new();
        walk(&dom, 0, &mut out);
        out
    }

    #[test]
    fn implied_end_tags() {
        let cases = [
            ("<p>a<p>b", "<p>a</p><p>b</p>"),
            ("<ul><li>a<li>b</ul>c", "<ul><li>a</li><li>b</li></ul>c"),
            ("<p>a<div>b</div>", "<p>a</p><div>b</div>"),
            (
                "<table><tr><td>a<td>b</table>",
                "<table><tr><td>a</td><td>b</td></tr></table>",
            ),
            ("a<br>b", "a<br></br>b"),
            ("<div>a</span>b</div>", "<div>ab</div>"),
        ];
        for (html, want) in cases {
            assert_eq!(shape(html), want, "{html}");
        }
    }

    #[test]
    fn script_text_is_not_markup_and_entities_decode() {
        let dom = Dom::parse("<p>one &amp; two&nbsp;&#8217;</p><script>if (a<b) x('</div>')</script><div>after</div>");
        let p = dom.elements("p")[0];
        assert_eq!(dom.text(p), "one & two \u{2019}");
        assert_eq!(dom.elements("div").len(), 1);
        assert_eq!(dom.text(dom.elements("div")[0]), "after");
    }

    #[test]
    fn deep_nesting_is_flattened() {
        let html = "<div>".repeat(10_000) + "x";
        let dom = Dom::parse(&html);
        let depth = |mut i: usize| {
            let mut d = 0;
            while i != 0 {
                i = dom.nodes[i].parent;
                d += 1;
            }
            d
        };
        assert!((0..dom.nodes.len()).all(|i| depth(i) <= MAX_DEPTH + 1));
    }

    #[test]
    fn detection() {
        let cases = [
            ("<!DOCTYPE html><html><body><p>x</p>", true),
            ("  <div class=a>story</div>", true),
            ("<p>One</p><p>Two</p>", true),
            ("Putin said <p> is a tag.", false),
            // Two different closing tags anywhere, in any case; one tag twice is not enough.
            ("Story text</P> and more</DIV>", true),
            ("Überschrift</span>—é</Li>", true),
            ("a</p> b</p> c</ div>", false),
            ("trailing </", false),
            ("MOSCOW (Reuters) - Putin met Pezeshkian.", false),
            ("", false),
        ];
        for (input, want) in cases {
            assert_eq!(looks_like_html(input), want, "{input}");
        }
    }
}
