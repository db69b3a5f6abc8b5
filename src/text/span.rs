//! Byte spans into the text being analysed.

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A half-open range `start..end` of **UTF-8 byte offsets** into the original input.
///
/// Offsets are `u32` because inputs are capped far below 4 GiB (see
/// [`crate::MAX_INPUT_BYTES`]) and spans are the most numerous thing in an analysis.
/// Both ends always lie on `char` boundaries. JS receives UTF-16 offsets, added once at the wasm
/// boundary. A span deserialized from a caller (a restore request) is unchecked: it is only
/// compared with the core's own spans, never used to slice.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte of the span.
    pub start: u32,
    /// One past the last byte of the span.
    pub end: u32,
}

impl Span {
    /// A span from `start` to `end`.
    ///
    /// # Panics
    /// If `start > end`, or either does not fit in `u32`.
    pub fn new(start: usize, end: usize) -> Span {
        assert!(start <= end, "span start {start} is after its end {end}");
        let fit = |n: usize| u32::try_from(n).expect("offsets are capped below u32::MAX");
        Span {
            start: fit(start),
            end: fit(end),
        }
    }

    /// The span as a `usize` range, for slicing.
    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    /// Whether the span covers no bytes.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// Whether `other` lies wholly inside this span.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one byte.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The text this span covers in `text`.
    pub fn of(self, text: &str) -> &str {
        &text[self.range()]
    }
}

/// The sorted span in `spans` that holds byte `at`, by binary search.
pub fn holding(spans: &[Span], at: u32) -> Option<Span> {
    let i = spans.partition_point(|s| s.end < at);
    spans
        .get(i)
        .copied()
        .filter(|s| s.start <= at && at <= s.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_open_semantics() {
        let s = Span::new(2, 5);
        assert_eq!(s.len(), 3);
        assert!(s.contains(Span::new(2, 5)));
        assert!(!s.contains(Span::new(2, 6)));
        assert!(s.overlaps(Span::new(4, 9)));
        // Touching spans share no byte.
        assert!(!s.overlaps(Span::new(5, 9)));
        assert_eq!(Span::new(5, 12).of("👋 Reuters said"), "Reuters");
    }
}

/// A span as it appears in output: byte offsets, and UTF-16 offsets once the wasm boundary has
/// filled them in (they are absent from the CLI's JSON, whose consumers index UTF-8).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Loc {
    /// First byte, as in [`Span::start`].
    pub start: u32,
    /// One past the last byte, as in [`Span::end`].
    pub end: u32,
    /// `start` in UTF-16 code units, for JavaScript's `String.prototype.slice`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_utf16: Option<u32>,
    /// `end` in UTF-16 code units.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_utf16: Option<u32>,
}

impl From<Span> for Loc {
    fn from(span: Span) -> Loc {
        Loc {
            start: span.start,
            end: span.end,
            start_utf16: None,
            end_utf16: None,
        }
    }
}

impl Loc {
    /// The byte span.
    pub fn span(&self) -> Span {
        Span {
            start: self.start,
            end: self.end,
        }
    }
}

/// Fills in the UTF-16 offsets of `locs`, all of which index `text`, in one pass over the text.
///
/// The rule (as in oxc's `utf8_to_utf16`): a char of 1–3 UTF-8 bytes is one UTF-16 unit, a
/// 4-byte char is two. Pure-ASCII text needs no table at all.
pub fn fill_utf16(text: &str, locs: &mut [&mut Loc]) {
    if text.is_ascii() {
        for loc in locs.iter_mut() {
            loc.start_utf16 = Some(loc.start);
            loc.end_utf16 = Some(loc.end);
        }
        return;
    }
    let mut offsets: Vec<u32> = locs.iter().flat_map(|l| [l.start, l.end]).collect();
    offsets.sort_unstable();
    offsets.dedup();
    let mut table = Vec::with_capacity(offsets.len());
    let (mut byte, mut units) = (0usize, 0u32);
    let mut chars = text.char_indices().peekable();
    for &target in &offsets {
        while byte < target as usize {
            let Some((i, c)) = chars.next() else { break };
            byte = i + c.len_utf8();
            units += c.len_utf16() as u32;
        }
        table.push(units);
    }
    let lookup = |offset: u32| {
        table[offsets
            .binary_search(&offset)
            .unwrap_or_else(|i| i.min(table.len() - 1))]
    };
    for loc in locs.iter_mut() {
        loc.start_utf16 = Some(lookup(loc.start));
        loc.end_utf16 = Some(lookup(loc.end));
    }
}

#[cfg(test)]
mod utf16_tests {
    use super::*;

    #[test]
    fn emoji_then_reuters() {
        let text = "👋 Reuters said";
        let mut loc = Loc::from(Span::new(5, 12));
        fill_utf16(text, &mut [&mut loc]);
        assert_eq!((loc.start_utf16, loc.end_utf16), (Some(3), Some(10)));
    }

    #[test]
    fn every_width_in_every_position() {
        // 1-, 2-, 3- and 4-byte chars; each char's own span must map to its UTF-16 slice.
        let text = "_£ऊ🤨_🤨ऊ£_".repeat(3);
        let mut locs: Vec<Loc> = text
            .char_indices()
            .map(|(i, c)| Loc::from(Span::new(i, i + c.len_utf8())))
            .collect();
        let mut refs: Vec<&mut Loc> = locs.iter_mut().collect();
        fill_utf16(&text, &mut refs);
        let utf16: Vec<u16> = text.encode_utf16().collect();
        for (loc, c) in locs.iter().zip(text.chars()) {
            let units = &utf16[loc.start_utf16.unwrap() as usize..loc.end_utf16.unwrap() as usize];
            assert_eq!(String::from_utf16(units).unwrap(), c.to_string());
        }
    }
}
