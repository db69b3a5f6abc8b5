//! What a web page says about its article outside the text: `<title>`, `<meta>` tags (Open
//! Graph, Dublin Core, Twitter, Parse.ly) and schema.org JSON-LD. The order of preference follows
//! Mozilla Readability's `_getArticleMetadata`, so that pages read here and in Firefox's reader
//! view get the same headline and byline.

use crate::read::html::{fold_space, Dom};
use crate::read::readability::similarity;

/// Deepest JSON nesting read in a JSON-LD block; deeper values are skipped. Real JSON-LD is a
/// few levels deep, and the parser below recurses.
const MAX_JSON_DEPTH: usize = 24;

/// Longest value taken as a title, byline, date or site name. Each is a line: the longest
/// headline of the readability pages is under 200 bytes. A longer value is not what its tag
/// says (a page's whole text pasted into `og:title`), and kept it would be copied into the
/// headline, its heading comparisons and the output.
const MAX_VALUE_BYTES: usize = 2_000;

/// The page's own metadata, each field as the page gives it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageMeta {
    /// The article title from metadata, or cleaned from `<title>`.
    pub title: Option<String>,
    /// Author names.
    pub byline: Option<String>,
    /// Publication time as written (usually ISO 8601).
    pub published: Option<String>,
    /// The site or publisher name.
    pub site_name: Option<String>,
}

/// Reads the metadata of `dom`.
pub fn read(dom: &Dom) -> PageMeta {
    let values = meta_values(dom);
    let fits = |v: &str| v.len() <= MAX_VALUE_BYTES;
    let get = |keys: &[&str]| {
        keys.iter().find_map(|k| {
            values
                .iter()
                .rev()
                .find(|(name, v)| name == k && !v.is_empty() && fits(v))
                .map(|(_, v)| v.to_string())
        })
    };
    let mut ld = json_ld(dom);
    for value in [
        &mut ld.title,
        &mut ld.byline,
        &mut ld.published,
        &mut ld.site_name,
    ] {
        *value = value.take().filter(|v| fits(v));
    }
    let html_title = html_title(dom).filter(|t| fits(t));
    let title = ld
        .title
        .clone()
        .or_else(|| {
            get(&[
                "dc:title",
                "dcterm:title",
                "og:title",
                "weibo:article:title",
                "weibo:webpage:title",
                "title",
                "twitter:title",
                "parsely-title",
            ])
        })
        .or(html_title);
    let article_author = get(&["article:author"]).filter(|a| !a.starts_with("http"));
    let byline = ld
        .byline
        .clone()
        .or_else(|| get(&["dc:creator", "dcterm:creator", "author", "parsely-author"]))
        .or(article_author);
    PageMeta {
        title: title.map(|t| fold_space(&t)),
        byline: byline.map(|b| fold_space(&b)),
        published: ld
            .published
            .or_else(|| get(&["article:published_time", "parsely-pub-date"])),
        site_name: ld.site_name.or_else(|| get(&["og:site_name"])),
    }
}

/// `<meta>` names and contents, names lowercased, `.` read as `:` (`dc.title` = `dc:title`).
/// Contents are borrowed: one `<meta>` listing many properties would otherwise copy its content
/// once for each (a 72 KB page took 255 MB, issue 16).
fn meta_values(dom: &Dom) -> Vec<(String, &str)> {
    let mut out = Vec::new();
    for i in dom.elements("meta") {
        let Some(content) = dom.attr(i, "content") else {
            continue;
        };
        let content = content.trim();
        if let Some(property) = dom.attr(i, "property") {
            for p in property.split_whitespace() {
                out.push((p.to_lowercase(), content));
            }
        }
        if let Some(name) = dom.attr(i, "name").or_else(|| dom.attr(i, "itemprop")) {
            let key: String = name
                .to_lowercase()
                .chars()
                .filter(|c| !c.is_whitespace())
                .map(|c| if c == '.' { ':' } else { c })
                .collect();
            out.push((key, content));
        }
    }
    out
}

/// Separators between an article's title and the site's name in `<title>`.
const SEPARATORS: &[char] = &['|', '-', '\\', '/', '>', '»', '–', '—'];

/// The article title from `<title>`, with the site name cut off as Readability's
/// `_getArticleTitle` does.
fn html_title(dom: &Dom) -> Option<String> {
    let original = fold_space(&dom.text(*dom.elements("title").first()?));
    if original.is_empty() {
        return None;
    }
    let words = |s: &str| s.split_whitespace().count();
    let separated = find_separator(&original);
    let mut title = original.clone();
    let mut hierarchical = false;
    if let Some(last) = separated {
        hierarchical = original[last..].starts_with(['\\', '/', '>', '»']);
        title = original[..last].trim().to_string();
        if words(&title) < 3 {
            let first = find_first_separator(&original).unwrap_or(last);
            let sep_len = original[first..].chars().next().map_or(1, char::len_utf8);
            title = original[first + sep_len..].trim().to_string();
        }
    } else if original.contains(": ") {
        let headings: Vec<String> = ["h1", "h2"]
            .iter()
            .flat_map(|t| dom.elements(t))
            .map(|h| dom.text(h))
            .collect();
        if !headings.contains(&original) {
            let after_last = original[original.rfind(':').unwrap_or(0) + 1..].trim();
            title = after_last.to_string();
            let first = original.find(':').unwrap_or(0);
            if words(&title) < 3 {
                title = original[first + 1..].trim().to_string();
            } else if words(&original[..first]) > 5 {
                title = original.clone();
            }
        }
    } else if original.chars().count() > 150 || original.chars().count() < 15 {
        if let [h1] = dom.elements("h1")[..] {
            title = dom.text(h1);
        }
    }
    let title = fold_space(&title);
    let count = words(&title);
    let without_separators: String = original
        .chars()
        .map(|c| if SEPARATORS.contains(&c) { ' ' } else { c })
        .collect();
    if count <= 4 && (!hierarchical || count + 1 != words(&without_separators)) {
        return Some(original);
    }
    Some(title)
}

/// Byte index of the last separator with spaces on both sides (" | ", " - ").
fn find_separator(s: &str) -> Option<usize> {
    separators(s).last()
}

fn find_first_separator(s: &str) -> Option<usize> {
    separators(s).next()
}

fn separators(s: &str) -> impl Iterator<Item = usize> + '_ {
    s.char_indices().filter_map(move |(i, c)| {
        let spaced = s[..i].ends_with(' ') && s[i + c.len_utf8()..].starts_with(' ');
        (SEPARATORS.contains(&c) && spaced).then_some(i)
    })
}

#[derive(Default)]
struct LinkedData {
    title: Option<String>,
    byline: Option<String>,
    published: Option<String>,
    site_name: Option<String>,
}

/// The first schema.org article described in a `<script type="application/ld+json">`.
fn json_ld(dom: &Dom) -> LinkedData {
    for i in dom.elements("script") {
        let is_ld = dom
            .attr(i, "type")
            .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
        if !is_ld {
            continue;
        }
        let source: String = dom
            .descendants(i)
            .iter()
            .filter_map(|&n| match &dom.nodes[n].data {
                crate::read::html::Data::Text(t) => Some(t.as_str()),
                _ => None,
            })
            .collect();
        if !source.contains("schema.org") {
            continue;
        }
        let body = source.trim();
        let body = body.strip_prefix("<![CDATA[").unwrap_or(body);
        let body = body.strip_suffix("]]>").unwrap_or(body);
        let mut parser = Json {
            s: body
                .trim()
                .trim_start_matches("<!--")
                .trim_end_matches("-->"),
            pos: 0,
        };
        let Some(value) = parser.value(0) else {
            continue;
        };
        if let Some(article) = find_article(&value) {
            return linked_data(article, html_title(dom).as_deref());
        }
    }
    LinkedData::default()
}

fn is_article_type(value: &Value) -> bool {
    let matches = |t: &str| {
        ["Article", "Posting", "Report", "APIReference"]
            .iter()
            .any(|k| t.contains(k))
    };
    match value.get("@type") {
        Some(Value::Str(t)) => matches(t),
        Some(Value::Array(ts)) => ts.iter().any(|t| matches!(t, Value::Str(s) if matches(s))),
        _ => false,
    }
}

fn find_article(value: &Value) -> Option<&Value> {
    match value {
        Value::Array(items) => items.iter().find_map(find_article),
        Value::Object(_) if is_article_type(value) => Some(value),
        Value::Object(_) => match value.get("@graph") {
            Some(graph) => find_article(graph),
            None => None,
        },
        _ => None,
    }
}

fn linked_data(article: &Value, html_title: Option<&str>) -> LinkedData {
    let string = |v: Option<&Value>| match v {
        Some(Value::Str(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
        _ => None,
    };
    let byline = match article.get("author") {
        Some(Value::Array(authors)) => {
            let names: Vec<String> = authors
                .iter()
                .filter_map(|a| string(a.get("name")))
                .collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        Some(author) => string(author.get("name")),
        None => None,
    };
    // Readability's choice when both are given: the headline only when it, and not the name,
    // matches the page title.
    let (name, headline) = (string(article.get("name")), string(article.get("headline")));
    let title = match (name, headline) {
        (Some(name), Some(headline)) if name != headline => {
            let title = html_title.unwrap_or("");
            let matches = |s: &str| similarity(s, title) > 0.75;
            if matches(&headline) && !matches(&name) {
                Some(headline)
            } else {
                Some(name)
            }
        }
        (name, headline) => name.or(headline),
    };
    LinkedData {
        title,
        byline,
        published: string(article.get("datePublished")),
        site_name: article.get("publisher").and_then(|p| string(p.get("name"))),
    }
}

/// A JSON value, as much of it as metadata needs.
enum Value {
    Str(String),
    Array(Vec<Value>),
    Object(Vec<(String, Value)>),
    Other,
}

impl Value {
    fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

/// A small, forgiving JSON reader: enough for JSON-LD, never panics, gives up on bad input.
struct Json<'a> {
    s: &'a str,
    pos: usize,
}

impl Json<'_> {
    fn skip_ws(&mut self) {
        let rest = &self.s[self.pos..];
        self.pos += rest.len() - rest.trim_start().len();
    }

    fn peek(&mut self) -> Option<char> {
        self.skip_ws();
        self.s[self.pos..].chars().next()
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.pos += c.len_utf8();
            true
        } else {
            false
        }
    }

    fn value(&mut self, depth: usize) -> Option<Value> {
        if depth > MAX_JSON_DEPTH {
            return None;
        }
        match self.peek()? {
            '"' => self.string().map(Value::Str),
            '[' => {
                self.pos += 1;
                let mut items = Vec::new();
                if self.eat(']') {
                    return Some(Value::Array(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    if self.eat(']') {
                        return Some(Value::Array(items));
                    }
                    if !self.eat(',') {
                        return None;
                    }
                }
            }
            '{' => {
                self.pos += 1;
                let mut fields = Vec::new();
                if self.eat('}') {
                    return Some(Value::Object(fields));
                }
                loop {
                    self.skip_ws();
                    let key = self.string()?;
                    if !self.eat(':') {
                        return None;
                    }
                    fields.push((key, self.value(depth + 1)?));
                    if self.eat('}') {
                        return Some(Value::Object(fields));
                    }
                    if !self.eat(',') {
                        return None;
                    }
                }
            }
            _ => {
                let rest = &self.s[self.pos..];
                let len = rest
                    .find(|c: char| c == ',' || c == ']' || c == '}' || c.is_whitespace())
                    .unwrap_or(rest.len());
                if len == 0 {
                    return None;
                }
                self.pos += len;
                Some(Value::Other)
            }
        }
    }

    fn string(&mut self) -> Option<String> {
        if !self.eat('"') {
            return None;
        }
        let mut out = String::new();
        let mut chars = self.s[self.pos..].char_indices();
        while let Some((i, c)) = chars.next() {
            match c {
                '"' => {
                    self.pos += i + 1;
                    return Some(out);
                }
                '\\' => match chars.next()?.1 {
                    'n' | 'r' | 't' => out.push(' '),
                    'u' => {
                        let hex: String = (0..4)
                            .filter_map(|_| chars.next().map(|(_, c)| c))
                            .collect();
                        let code = u32::from_str_radix(&hex, 16).ok()?;
                        out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
                    }
                    other => out.push(other),
                },
                _ => out.push(c),
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(html: &str) -> PageMeta {
        read(&Dom::parse(html))
    }

    #[test]
    fn title_sources_in_order() {
        let cases = [
            (
                "<title>Putin meets Pezeshkian in Ashgabat | Reuters</title>",
                "Putin meets Pezeshkian in Ashgabat",
            ),
            (
                "<title>A | B</title><meta property=og:title content='Open Graph title'>",
                "Open Graph title",
            ),
            (
                r#"<title>x</title><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"LD \u0022headline\u0022","author":[{"name":"A B"},{"name":"C D"}]}</script>"#,
                "LD \"headline\"",
            ),
            (
                "<title>Short</title><h1>The only heading on the page</h1>",
                "The only heading on the page",
            ),
        ];
        for (html, want) in cases {
            assert_eq!(meta(html).title.as_deref(), Some(want), "{html}");
        }
    }

    /// A page's whole text in `og:title` is no headline: it was copied into the headline, its
    /// comparisons with every heading and the output (issue 16). The next source is taken.
    #[test]
    fn a_value_longer_than_a_line_is_not_a_title() {
        let huge = "word ".repeat(MAX_VALUE_BYTES / 5 + 1);
        let m = meta(&format!(
            "<meta property=\"og:title\" content=\"{huge}\"><title>Putin meets Pezeshkian</title>"
        ));
        assert_eq!(m.title.as_deref(), Some("Putin meets Pezeshkian"));
        let ld = |value: &str| {
            meta(&format!(
                r#"<script type="application/ld+json">{{"@context":"http://schema.org","@type":"NewsArticle","headline":"{value}","author":{{"name":"{value}"}}}}</script>"#
            ))
        };
        let m = ld("Ann Lee");
        assert_eq!(
            (m.title.as_deref(), m.byline.as_deref()),
            (Some("Ann Lee"), Some("Ann Lee"))
        );
        let m = ld(&huge);
        assert_eq!((m.title, m.byline), (None, None));
    }

    #[test]
    fn byline_and_date() {
        let m = meta(
            r#"<script type="application/ld+json">[{"@context":"http://schema.org","@type":"NewsArticle","author":[{"name":"A B"},{"name":"C D"}],"datePublished":"2024-10-11T09:00:00Z"}]</script>"#,
        );
        assert_eq!(m.byline.as_deref(), Some("A B, C D"));
        assert_eq!(m.published.as_deref(), Some("2024-10-11T09:00:00Z"));
        let m = meta("<meta name=author content='Jane Doe'><meta property='article:published_time' content='2020-01-02'>");
        assert_eq!(
            (m.byline.as_deref(), m.published.as_deref()),
            (Some("Jane Doe"), Some("2020-01-02"))
        );
    }

    #[test]
    fn broken_json_ld_is_ignored() {
        for bad in [
            "{",
            "[[[[",
            r#"{"@context":"schema.org","a":"\u12"#,
            &"[".repeat(10_000),
        ] {
            let html = format!(r#"<script type="application/ld+json">{bad}</script>"#);
            assert_eq!(meta(&html).byline, None);
        }
    }
}
