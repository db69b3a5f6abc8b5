//! Readability's `_prepArticle`: inside the chosen container, what looks like a share widget,
//! a link list, a form or an image gallery rather than text is removed.

use super::reader::Reader;

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

    pub(super) fn is_data_table(&self, i: usize) -> bool {
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

    pub(super) fn fails_conditional(&self, i: usize) -> bool {
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
}
