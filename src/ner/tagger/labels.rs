//! Labels: BILOU parts of the four kinds, which may follow which, and turning a label
//! sequence into names.

use crate::ner::mention::Kind;
use std::ops::Range;

/// `O`, then B, I, L, U for each kind in [`Kind::ALL`] order.
pub const N_LABELS: usize = 1 + 4 * Kind::ALL.len();

/// The "label" before a sentence's first token, in label features.
pub const START: u8 = N_LABELS as u8;

/// What a label says about its token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// Outside any name.
    Out,
    /// First token of a longer name.
    Begin(Kind),
    /// Inner token of a longer name.
    Inside(Kind),
    /// Last token of a longer name.
    Last(Kind),
    /// A one-token name.
    Unit(Kind),
}

/// The label index of `part`.
#[cfg(any(test, feature = "cli"))]
pub fn label(part: Part) -> u8 {
    let (k, p) = match part {
        Part::Out => return 0,
        Part::Begin(k) => (k, 0),
        Part::Inside(k) => (k, 1),
        Part::Last(k) => (k, 2),
        Part::Unit(k) => (k, 3),
    };
    let t = Kind::ALL.iter().position(|&x| x == k).unwrap_or(0);
    (1 + 4 * t + p) as u8
}

/// The meaning of label index `l` (anything out of range is `Out`).
pub fn part(l: u8) -> Part {
    if l == 0 || l as usize >= N_LABELS {
        return Part::Out;
    }
    let k = Kind::ALL[(l as usize - 1) / 4];
    match (l - 1) % 4 {
        0 => Part::Begin(k),
        1 => Part::Inside(k),
        2 => Part::Last(k),
        _ => Part::Unit(k),
    }
}

/// The kind of label `l`, as 0 for `O` and 1 + kind index otherwise.
pub(super) fn type_of(l: u8) -> u8 {
    if l == 0 || l as usize >= N_LABELS {
        0
    } else {
        1 + (l - 1) / 4
    }
}

/// Whether label `next` may follow `prev` (BILOU: an open name must continue or end with its own
/// kind; nothing else may continue one). `last` marks a sentence's final token, where no name
/// may stay open.
#[cfg(test)]
fn allowed(prev: u8, next: u8, last: bool) -> bool {
    (next as usize) < N_LABELS && allowed_after(prev, last) & (1 << next) != 0
}

/// The labels that may follow `prev`, as a bit set (see [`allowed`]): the decoder scores only
/// these, about half of all labels after a closed one and two after an open one.
pub(super) fn allowed_after(prev: u8, last: bool) -> u32 {
    ALLOWED_MASK
        .get(prev as usize)
        .map_or(0, |m| m[usize::from(last)])
}

/// [`ALLOWED`] as bit sets: `ALLOWED_MASK[prev][last]`.
const ALLOWED_MASK: [[u32; 2]; N_LABELS + 1] = {
    let mut masks = [[0u32; 2]; N_LABELS + 1];
    let mut prev = 0;
    while prev <= N_LABELS {
        let mut next = 0;
        while next < N_LABELS {
            let a = ALLOWED[prev][next];
            masks[prev][0] |= ((a & 1) as u32) << next;
            masks[prev][1] |= ((a >> 1 & 1) as u32) << next;
            next += 1;
        }
        prev += 1;
    }
    masks
};

/// [`allowed`] as a table: `ALLOWED[prev][next]` has bit 0 set if allowed anywhere, bit 1 if
/// allowed at a sentence's end.
const ALLOWED: [[u8; N_LABELS]; N_LABELS + 1] = {
    let mut table = [[0u8; N_LABELS]; N_LABELS + 1];
    let mut prev = 0;
    while prev <= N_LABELS {
        let mut next = 0;
        while next < N_LABELS {
            let ok = if is_open(prev) {
                next > 0 && (next - 1) / 4 == (prev - 1) / 4 && matches!((next - 1) % 4, 1 | 2)
            } else {
                next == 0 || (next - 1) % 4 == 0 || (next - 1) % 4 == 3
            };
            if ok {
                table[prev][next] = 1 | if is_open(next) { 0 } else { 2 };
            }
            next += 1;
        }
        prev += 1;
    }
    table
};

/// Whether label `l` leaves a name open: B or I. Label l > 0 is B, I, L, U of kind
/// (l - 1) / 4 for (l - 1) % 4 = 0, 1, 2, 3.
const fn is_open(l: usize) -> bool {
    l > 0 && l < N_LABELS && (l - 1) % 4 < 2
}

#[cfg(test)]
fn allowed_by_parts(prev: u8, next: u8, last: bool) -> bool {
    let open = |l: u8| matches!(part(l), Part::Begin(_) | Part::Inside(_));
    let ok = if open(prev) {
        matches!(part(next), Part::Inside(_) | Part::Last(_)) && type_of(next) == type_of(prev)
    } else {
        matches!(part(next), Part::Out | Part::Begin(_) | Part::Unit(_))
    };
    ok && !(last && open(next))
}

/// Turns labels into `(tokens, kind)` names. Tolerant of any sequence: a name also starts at an
/// `I`/`L` of a new kind and ends wherever its kind stops.
pub fn spans(labels: &[u8]) -> Vec<(Range<usize>, Kind)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, Kind)> = None;
    for (i, &l) in labels.iter().enumerate() {
        let p = part(l);
        let kind = match p {
            Part::Out => None,
            Part::Begin(k) | Part::Inside(k) | Part::Last(k) | Part::Unit(k) => Some(k),
        };
        let continues = matches!(p, Part::Inside(_) | Part::Last(_))
            && open.is_some_and(|(_, k)| Some(k) == kind);
        if !continues {
            if let Some((s, k)) = open.take() {
                out.push((s..i, k));
            }
            if let Some(k) = kind {
                open = Some((i, k));
            }
        }
        if matches!(p, Part::Last(_) | Part::Unit(_)) {
            if let Some((s, k)) = open.take() {
                out.push((s..i + 1, k));
            }
        }
    }
    if let Some((s, k)) = open {
        out.push((s..labels.len(), k));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_round_trip() {
        for l in 0..N_LABELS as u8 {
            assert_eq!(label(part(l)), l);
        }
        assert_eq!(part(200), Part::Out);
    }

    #[test]
    fn spans_from_any_label_sequence() {
        let per = |p: fn(Kind) -> Part| label(p(Kind::Per));
        let loc = |p: fn(Kind) -> Part| label(p(Kind::Loc));
        let seq = [
            per(Part::Begin),
            per(Part::Last),
            0,
            loc(Part::Unit),
            per(Part::Inside),
            loc(Part::Last),
            per(Part::Begin),
        ];
        assert_eq!(
            spans(&seq),
            [
                (0..2, Kind::Per),
                (3..4, Kind::Loc),
                (4..5, Kind::Per),
                (5..6, Kind::Loc),
                (6..7, Kind::Per)
            ]
        );
    }

    #[test]
    fn transitions() {
        let b = label(Part::Begin(Kind::Org));
        let l = label(Part::Last(Kind::Org));
        let u = label(Part::Unit(Kind::Per));
        assert!(allowed(START, b, false));
        assert!(!allowed(START, b, true));
        assert!(allowed(b, l, true));
        assert!(!allowed(b, u, false));
        assert!(!allowed(b, label(Part::Last(Kind::Per)), false));
        assert!(allowed(l, u, true));
        for prev in 0..=N_LABELS as u8 {
            for next in 0..N_LABELS as u8 {
                for last in [false, true] {
                    assert_eq!(
                        allowed(prev, next, last),
                        allowed_by_parts(prev, next, last)
                    );
                }
            }
        }
    }
}
