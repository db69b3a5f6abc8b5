//! Byte spans into the text being analysed.

use serde::ser::SerializeStruct;
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
    held_at(spans, spans.partition_point(|s| s.end < at), at)
}

/// `spans[i]`, the first span not ending before byte `at`, if it holds `at` (its end included).
fn held_at(spans: &[Span], i: usize, at: u32) -> Option<Span> {
    spans
        .get(i)
        .copied()
        .filter(|s| s.start <= at && at <= s.end)
}

/// [`holding`] for positions asked in ascending order, as a token list's are: a cursor that moves
/// forward through `spans` (sorted) instead of a binary search per position. A position before
/// the last one asked is found by binary search again, so the answer never depends on the order.
pub struct Holding<'a> {
    spans: &'a [Span],
    /// Index of the first span that does not end before the last position asked.
    at: usize,
    last: u32,
}

impl<'a> Holding<'a> {
    pub fn new(spans: &'a [Span]) -> Holding<'a> {
        Holding {
            spans,
            at: 0,
            last: 0,
        }
    }

    /// The span holding byte `at`, as [`holding`] gives it.
    pub fn get(&mut self, at: u32) -> Option<Span> {
        if at < self.last {
            self.at = self.spans.partition_point(|s| s.end < at);
        }
        self.last = at;
        while self.spans.get(self.at).is_some_and(|s| s.end < at) {
            self.at += 1;
        }
        held_at(self.spans, self.at, at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cursor_finds_what_the_search_finds() {
        let spans = [
            Span::new(2, 5),
            Span::new(5, 9),
            Span::new(12, 12),
            Span::new(20, 30),
        ];
        let mut ascending = Holding::new(&spans);
        for at in 0..35 {
            assert_eq!(ascending.get(at), holding(&spans, at), "{at}");
        }
        let mut any = Holding::new(&spans);
        for at in [25, 3, 40, 0, 12, 11, 9, 5, 5, 21] {
            assert_eq!(any.get(at), holding(&spans, at), "{at}");
        }
    }

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

    struct Located {
        name: &'static str,
        loc: Loc,
        note: Option<u32>,
    }

    serialize_with_loc!(Located { name: ["name"], loc: [loc], note: [opt "note"] });

    #[test]
    fn a_located_struct_writes_its_span_in_place() {
        let mut located = Located {
            name: "Reuters",
            loc: Span::new(3, 10).into(),
            note: None,
        };
        let json = |l: &Located| serde_json::to_string(l).unwrap();
        assert_eq!(json(&located), r#"{"name":"Reuters","start":3,"end":10}"#);
        located.loc.start_utf16 = Some(2);
        located.loc.end_utf16 = Some(9);
        located.note = Some(1);
        assert_eq!(
            json(&located),
            r#"{"name":"Reuters","start":3,"end":10,"startUtf16":2,"endUtf16":9,"note":1}"#
        );
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
    /// Writes the span's fields into the struct `s` is writing (see [`serialize_with_loc`]).
    pub(crate) fn serialize_fields<S: SerializeStruct>(&self, s: &mut S) -> Result<(), S::Error> {
        s.serialize_field("start", &self.start)?;
        s.serialize_field("end", &self.end)?;
        put_some(s, "startUtf16", &self.start_utf16)?;
        put_some(s, "endUtf16", &self.end_utf16)
    }

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

/// Writes field `name` if `value` is `Some`, else skips it, as
/// `skip_serializing_if = "Option::is_none"` does.
pub(crate) fn put_some<S: SerializeStruct, T: Serialize>(
    s: &mut S,
    name: &'static str,
    value: &Option<T>,
) -> Result<(), S::Error> {
    match value {
        Some(v) => s.serialize_field(name, v),
        None => s.skip_field(name),
    }
}

/// `impl Serialize` for a struct that holds a [`Loc`]: the span's fields in its place, as
/// `#[serde(flatten)]` writes them, but as a struct. Through `flatten`, serde hands the whole
/// struct to the serializer as a map, and the wasm glue (serde-wasm-bindgen) makes every key of
/// a map into a JS string afresh, where a struct's field names are made once: for the mentions,
/// quotes and passages of an analysis that was a twentieth of the wasm's time.
///
/// Fields in output order, each as `field: [how]`: `[loc]` for the span, `["name"]` for a field,
/// `[opt "name"]` for an `Option` left out when `None`.
macro_rules! serialize_with_loc {
    ($ty:ident { $($field:ident: [$($how:tt)+]),+ $(,)? }) => {
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeStruct;
                // The span counts four fields; the length is a hint (the JSON writer only asks
                // whether it is zero).
                let len = 3 + [$(stringify!($field)),+].len();
                let mut s = serializer.serialize_struct(stringify!($ty), len)?;
                $($crate::text::span::serialize_with_loc!(@put s, self.$field, $($how)+);)+
                s.end()
            }
        }
    };
    (@put $s:ident, $value:expr, loc) => {
        $value.serialize_fields(&mut $s)?
    };
    (@put $s:ident, $value:expr, opt $name:literal) => {
        $crate::text::span::put_some(&mut $s, $name, &$value)?
    };
    (@put $s:ident, $value:expr, $name:literal) => {
        $s.serialize_field($name, &$value)?
    };
}
pub(crate) use serialize_with_loc;
