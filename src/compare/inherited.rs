//! Inherited or added: whether a span of A or B (an entity mention, a quote, a cited source)
//! sits in text the two articles share or in the outlet's own text.

use crate::compare::reuse::Passage;
pub use crate::compare::reuse::Side;
use crate::text::span::Span;

/// The reused stretches of both articles, for asking of any span — an entity mention, a quote,
/// a cited source — whether it sits in reused text (inherited) or in the outlet's own text
/// (added).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Reused {
    a: Vec<Span>,
    b: Vec<Span>,
}

impl Reused {
    /// The reused stretches of the given passages: their exactly matched pieces, so that a
    /// clause B inserted into a reused paragraph counts as B's own.
    pub fn new(passages: &[Passage]) -> Reused {
        let spans: Vec<(Span, Span)> = passages.iter().flat_map(|p| p.pieces.clone()).collect();
        Reused::from_spans(&spans)
    }

    /// The reused stretches given as (span of A, span of B) pairs, as in a comparison's output.
    pub fn from_spans(pairs: &[(Span, Span)]) -> Reused {
        let mut a: Vec<Span> = pairs.iter().map(|p| p.0).collect();
        let mut b: Vec<Span> = pairs.iter().map(|p| p.1).collect();
        a.sort_unstable();
        b.sort_unstable();
        Reused { a, b }
    }

    /// Whether `span` of A sits in reused text.
    pub fn in_a(&self, span: Span) -> bool {
        covered_mostly(&self.a, span)
    }

    /// Whether `span` of B sits in reused text.
    pub fn in_b(&self, span: Span) -> bool {
        covered_mostly(&self.b, span)
    }

    /// Whether `span` of the given side sits in reused text.
    pub fn on(&self, side: Side, span: Span) -> bool {
        match side {
            Side::A => self.in_a(span),
            Side::B => self.in_b(span),
        }
    }
}

/// Whether at least half of `span`'s bytes lie in `stretches` (sorted, not overlapping). A
/// quote that runs a few words past a passage's end is still the passage's quote.
fn covered_mostly(stretches: &[Span], span: Span) -> bool {
    if span.is_empty() {
        return stretches
            .iter()
            .any(|s| s.start <= span.start && span.end <= s.end);
    }
    let first = stretches.partition_point(|s| s.end <= span.start);
    let covered: usize = stretches[first..]
        .iter()
        .take_while(|s| s.start < span.end)
        .map(|s| (s.end.min(span.end) - s.start.max(span.start)) as usize)
        .sum();
    2 * covered >= span.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reused_marks_spans() {
        let passages = [Passage {
            a: Span::new(10, 50),
            b: Span::new(100, 140),
            a_words: 0..8,
            b_words: 0..8,
            matched: 8,
            pieces: vec![(Span::new(10, 50), Span::new(100, 140))],
            kind: crate::compare::reuse::PassageKind::Verbatim,
            similarity: 1.0,
        }];
        let r = Reused::new(&passages);
        assert!(r.in_a(Span::new(12, 20)));
        assert!(!r.in_a(Span::new(0, 9)));
        assert!(r.in_a(Span::new(40, 58))); // mostly inside
        assert!(!r.in_a(Span::new(45, 60)));
        assert!(r.in_b(Span::new(100, 105)));
        assert!(!r.in_b(Span::new(12, 20)));
        assert!(r.on(Side::A, Span::new(12, 20)));
    }
}
