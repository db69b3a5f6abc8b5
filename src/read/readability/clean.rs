//! Readability's `_prepArticle`: inside the chosen container, what looks like a share widget,
//! a link list, a form or an image gallery rather than text is removed.

use super::reader::Reader;

/// Bits of `Reader::below`: what a node's subtree (itself left out) holds.
pub(super) const HOLDS_TABLE: u8 = 1;
const HOLDS_HEADER_CELLS: u8 = 2;
const HOLDS_CAPTION: u8 = 4;
const HOLDS_DATA_TABLE: u8 = 8;

impl Reader<'_> {
    /// Readability's `_prepArticle`: drops share widgets, negative headings and containers that
    /// look like link lists, forms or image galleries rather than text.
    pub(super) fn clean(&mut self, roots: &[usize]) {
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
        self.mark_below();
        for &i in &nodes {
            if self.tag(i) == "table" {
                self.data_table[i] = self.is_data_table(i);
            }
        }
        // Which nodes hold a data table, bottom-up: children come after their parents.
        for i in (1..self.dom.nodes.len()).rev() {
            if self.data_table[i] || self.below[i] & HOLDS_DATA_TABLE != 0 {
                let parent = self.dom.nodes[i].parent;
                self.below[parent] |= HOLDS_DATA_TABLE;
            }
        }
        // Inner containers first, as Readability does, so an outer one is judged without them;
        // the elements Readability cleans so, and no others: a list or a section of the story
        // is not judged on its own.
        for &i in nodes.iter().rev() {
            if matches!(self.tag(i), "table" | "ul" | "div" | "form" | "fieldset")
                && self.is_kept(i)
                && self.fails_conditional(i)
            {
                self.remove(i);
            }
        }
    }

    /// What lies below each node (see the `HOLDS_` bits), in one bottom-up pass, so that no
    /// test walks a subtree per node: nested tables or divs would make that quadratic.
    fn mark_below(&mut self) {
        for i in (1..self.dom.nodes.len()).rev() {
            let own = match self.tag(i) {
                "table" => HOLDS_TABLE,
                "col" | "colgroup" | "tfoot" | "thead" | "th" => HOLDS_HEADER_CELLS,
                "caption" if !self.dom.nodes[i].children.is_empty() => HOLDS_CAPTION,
                _ => 0,
            };
            let parent = self.dom.nodes[i].parent;
            self.below[parent] |= own | self.below[i];
        }
    }

    /// Readability's `_markDataTables`: whether table `i` holds data rather than layout.
    pub(super) fn is_data_table(&self, i: usize) -> bool {
        if self.dom.attr(i, "role") == Some("presentation")
            || self.dom.attr(i, "datatable") == Some("0")
        {
            return false;
        }
        if self.dom.attr(i, "summary").is_some()
            || self.below[i] & (HOLDS_CAPTION | HOLDS_HEADER_CELLS) != 0
        {
            return true;
        }
        if self.below[i] & HOLDS_TABLE != 0 {
            return false;
        }
        // No table inside: the subtrees read here are disjoint, linear in all.
        let span = |n: usize, attr: &str| {
            self.dom
                .attr(n, attr)
                .and_then(|v| v.trim().parse::<usize>().ok())
                .filter(|&v| v > 0)
                .unwrap_or(1)
        };
        let (mut rows, mut columns, mut in_row) = (0, 0, 0);
        for n in self.dom.descendants(i) {
            match self.tag(n) {
                "tr" => {
                    columns = columns.max(in_row);
                    in_row = 0;
                    rows += span(n, "rowspan");
                }
                "td" => in_row += span(n, "colspan"),
                _ => {}
            }
        }
        columns = columns.max(in_row);
        if rows == 1 || columns == 1 {
            return false;
        }
        rows >= 10 || columns > 4 || rows * columns > 10
    }

    /// Readability's `_cleanConditionally` test for one container: whether it looks like a
    /// link list, a form, a gallery or a widget rather than text.
    pub(super) fn fails_conditional(&self, i: usize) -> bool {
        let tag = self.tag(i);
        if (tag == "table" || self.dom.has_ancestor(i, "table"))
            && self.dom.self_or_ancestor(i, &self.data_table)
        {
            return false;
        }
        if self.dom.has_ancestor(i, "code") {
            return false;
        }
        // A container holding a data table keeps it.
        if self.below[i] & HOLDS_DATA_TABLE != 0 {
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
        // A player from a video site is content, and so is what surrounds it.
        if c.video > 0 {
            return false;
        }
        if self.is_ad_or_loading(i) {
            return true;
        }
        let is_list = matches!(tag, "ul" | "ol")
            || (c.chars > 0 && c.list_chars as f64 / c.chars as f64 > 0.9);
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
        let fails = (img > 1.0 && p / img < 0.5 && !in_figure)
            || (!is_list && li > p)
            || (c.input as f64 > (p / 3.0).floor())
            || (!is_list
                && !in_figure
                && heading_density < 0.9
                && c.chars < 25
                && (c.img == 0 || c.img > 2)
                && density > 0.0)
            || (!is_list && weight < 25.0 && density > 0.2)
            || (weight >= 25.0 && density > 0.5)
            || (c.embed == 1 && c.chars < 75)
            || c.embed > 1;
        // A list of images, one to an item, stays (Readability's exception).
        if fails && is_list && c.img > 0 && c.img == c.li {
            let simple = self
                .element_children(i)
                .iter()
                .all(|&li| self.element_children(li).len() <= 1);
            if simple {
                return false;
            }
        }
        fails
    }
}
