//! Finding bytes eight at a time in a `u64` ("SWAR"), for the scans every article goes through
//! byte by byte: where a word's printable ASCII ends, where a sentence mark is. A loop over
//! bytes takes an unpredictable branch at each; this takes about one per find.
//!
//! In a little-endian view of eight bytes, `x - 0x01…` borrows out of each zero byte (and
//! `x - 0x21…` out of each byte below 0x21); a borrow only moves up, so the lowest byte flagged
//! is exact, the only one these functions read.

const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);

/// The first byte at or after `i` that is not printable ASCII (0x21-0x7F): where a word may
/// end. Bytes of 0x80 and above are flagged by their top bit.
#[inline(always)]
pub(crate) fn printable_end(bytes: &[u8], mut i: usize) -> usize {
    while let Some(x) = eight_at(bytes, i) {
        let flagged = (x.wrapping_sub(0x21 * ONES) & !x & HIGHS) | (x & HIGHS);
        if flagged != 0 {
            return i + (flagged.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < bytes.len() && (0x21..0x80).contains(&bytes[i]) {
        i += 1;
    }
    i
}

/// Eight bytes from `i`, little-endian, if there are eight.
#[inline(always)]
fn eight_at(bytes: &[u8], i: usize) -> Option<u64> {
    let chunk = bytes.get(i..i + 8)?;
    let mut eight = [0u8; 8];
    eight.copy_from_slice(chunk);
    Some(u64::from_le_bytes(eight))
}

/// The top bit of each byte of `x` equal to `b`, exact for the lowest.
#[inline(always)]
fn equal_to(x: u64, b: u8) -> u64 {
    let y = x ^ (u64::from(b) * ONES);
    y.wrapping_sub(ONES) & !y & HIGHS
}

/// Where the first of the bytes `set` is at or after `i`.
fn find_any(bytes: &[u8], mut i: usize, set: [u8; 3]) -> Option<usize> {
    while let Some(x) = eight_at(bytes, i) {
        let flagged = equal_to(x, set[0]) | equal_to(x, set[1]) | equal_to(x, set[2]);
        if flagged != 0 {
            return Some(i + (flagged.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    (i..bytes.len()).find(|&k| set.contains(&bytes[k]))
}

/// Every position at or after `from` of the bytes `set`, in order.
pub(crate) fn positions(
    bytes: &[u8],
    from: usize,
    set: [u8; 3],
) -> impl Iterator<Item = usize> + '_ {
    std::iter::successors(find_any(bytes, from, set), move |&i| {
        find_any(bytes, i + 1, set)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_a_byte_loop_finds() {
        let texts: [&[u8]; 6] = [
            b"",
            b"U.S. troops! Really? Yes.",
            b"no marks in this line at all, none",
            b"..!!??..",
            "caf\u{e9}. \u{201c}Quoted.\u{201d} \u{ff0e}".as_bytes(),
            b"\x00\x01\x7f\x80\xff.\x21\x20",
        ];
        let set = [b'.', b'!', b'?'];
        for t in texts {
            for from in 0..=t.len() {
                let want = (from..t.len()).find(|&k| set.contains(&t[k]));
                assert_eq!(find_any(t, from, set), want, "{t:?} from {from}");
                let all: Vec<usize> = (from..t.len()).filter(|&k| set.contains(&t[k])).collect();
                assert_eq!(
                    positions(t, from, set).collect::<Vec<_>>(),
                    all,
                    "{t:?} from {from}"
                );
                let end = (from..t.len()).find(|&k| !(0x21..0x80).contains(&t[k]));
                assert_eq!(
                    printable_end(t, from),
                    end.unwrap_or(t.len()),
                    "{t:?} from {from}"
                );
            }
        }
    }
}
