//! The trained weights: a compact file format and the table inference reads.
//!
//! Format (little-endian), laid out column by column so that gzip finds the repetition:
//!
//! ```text
//! magic  b"PXNER\x03\0\0"
//! u32    labels (17)          u32 features (n)
//! 4n     feature keys, ascending, each as the difference from the previous (the first as
//!        itself), in byte planes: the lowest byte of every difference, then the next, ...
//! 3n     bit sets of the labels with a non-zero weight, in byte planes (labels 0-7, 8-15, 16-23)
//! n      i8: the feature's exponent e; its weights are multiples of 2^(e/4)
//! Σ      i8: those multiples, feature by feature, label by label
//! ```
//!
//! Each feature has its own scale because weights span four orders of magnitude: one scale for
//! all would round the many small ones away, and eight bits per weight with a per-feature
//! scale lose nothing measurable (the trainer prints the dev score of the written file). Byte
//! planes, rather than varints and 3-byte masks feature by feature (version 2), put bytes of
//! one kind together: the shipped model gzips 12 KB smaller (297 -> 285 KB), which the page's
//! first load pays.

use super::tagger::{Scores, Tables, Weights, N_LABELS};

/// First bytes of a model file; the last byte pair is reserved.
pub const MAGIC: &[u8; 8] = b"PXNER\x03\0\0";

/// Why a model file could not be read.
#[derive(Debug, PartialEq, Eq)]
pub enum ModelError {
    /// Not a model file, or a version this code does not read.
    Magic,
    /// The label count differs from this build's.
    Labels(u32),
    /// The file ends early or has bytes left over.
    Truncated,
    /// Keys are not strictly ascending.
    Order,
}

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ModelError::Magic => write!(f, "not a Parallax entity model (bad magic bytes)"),
            ModelError::Labels(n) => {
                write!(f, "model has {n} labels, this build expects {N_LABELS}")
            }
            ModelError::Truncated => write!(f, "model file is truncated or has trailing bytes"),
            ModelError::Order => write!(f, "model keys are not in ascending order"),
        }
    }
}

/// The weights, in an open-addressing table keyed by feature key.
///
/// The tagger makes ~60 lookups a token and cache misses are its main cost. Most keys are absent,
/// and a small bit filter (in cache) turns them away; a present key sits next to its weights, so
/// that finding it costs one miss, not two; and a batch lookup probes all of a token's keys
/// before it reads any weights, so that the processor overlaps the memory accesses. (Keys in an
/// array of their own, before the filter, tagged 3% slower.)
pub struct Model {
    /// Key and weights of each slot, together: a key found brings its weights into cache with
    /// it (see [`Slot`]). Length is a power of two.
    slots: Vec<Slot>,
    /// A bit per value of a key's top [`FILTER_BITS`] bits, set if some stored key has it.
    /// Most features a text produces are not in the model; this small filter stays in cache and
    /// turns most of them away before they touch the key table.
    filter: Vec<u64>,
    /// Exponent (as `u8`) → scale.
    scales: [f32; 256],
    /// The summed weights of the features with few values, computed once at load.
    tables: Option<Tables>,
    /// Number of features.
    #[cfg_attr(not(test), allow(dead_code))]
    len: usize,
}

/// Size of [`Model::filter`] in bits, as a power of two: 2^19 bits are 64 KB, and with ~40,000
/// features let about one absent key in fourteen through. On dev (2026-11-22) 2^19 tagged 7%
/// faster than 2^18 (32 KB) and 2^20 (128 KB).
const FILTER_BITS: u32 = 19;

/// One feature in [`Model`]'s table: 24 bytes, so most slots lie within one cache line.
#[derive(Clone, Copy)]
struct Slot {
    /// The feature key; 0 marks an empty slot.
    key: u32,
    /// The feature's weights as multiples of its scale, then its exponent (see `scale_of`).
    row: [i8; N_LABELS + 1],
}

/// The largest share of table slots in use: linear probing stays short below it.
const MAX_LOAD: f64 = 0.7;

/// The scale of exponent `e`: 2^(e/4).
fn scale_of(e: i8) -> f32 {
    (f32::from(e) / 4.0).exp2()
}

/// The exponent whose scale fits `max` (the largest absolute weight of a feature) into
/// ±`levels`.
#[cfg(feature = "train")]
fn exponent_for(max: f32, levels: f32) -> i8 {
    if max <= 0.0 {
        return i8::MIN;
    }
    (4.0 * (max / levels).log2()).ceil().clamp(-127.0, 127.0) as i8
}

/// A feature's weights as multiples (at most ±`levels`, ≤ 127) of its exponent's scale.
#[cfg(feature = "train")]
pub fn quantise(weights: &Scores, levels: u8) -> (i8, [i8; N_LABELS]) {
    let levels = f32::from(levels.clamp(1, 127));
    let max = weights.iter().fold(0.0f32, |m, w| m.max(w.abs()));
    let e = exponent_for(max, levels);
    let s = scale_of(e);
    let mut q = [0i8; N_LABELS];
    for (q, w) in q.iter_mut().zip(weights) {
        *q = (w / s).round().clamp(-levels, levels) as i8;
    }
    (e, q)
}

/// Writes the low `width` bytes of `values` in byte planes, lowest first (as [`Model::read`]
/// reads them).
#[cfg(any(test, feature = "train"))]
fn to_planes(values: &[u32], width: usize, out: &mut Vec<u8>) {
    for p in 0..width {
        out.extend(values.iter().map(|v| (v >> (8 * p)) as u8));
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self.at.checked_add(n).ok_or(ModelError::Truncated)?;
        let s = self.bytes.get(self.at..end).ok_or(ModelError::Truncated)?;
        self.at = end;
        Ok(s)
    }

    fn u32(&mut self) -> Result<u32, ModelError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
}

impl Model {
    /// Reads a model file.
    pub fn read(bytes: &[u8]) -> Result<Model, ModelError> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(8)? != MAGIC {
            return Err(ModelError::Magic);
        }
        let labels = r.u32()?;
        if labels as usize != N_LABELS {
            return Err(ModelError::Labels(labels));
        }
        let n = r.u32()? as usize;
        // Every feature takes at least 8 bytes (key, mask, exponent), so `n` cannot exceed the file.
        if n > bytes.len() / 8 {
            return Err(ModelError::Truncated);
        }
        // Each section is decoded in a pass of its own over its bytes, plane by plane: the first
        // call of the page pays for this loading, in the browser's baseline code (byte by byte
        // through `Reader` it took 2.3 ms natively).
        let mut keys = vec![0u32; n];
        for (p, plane) in r.take(4 * n)?.chunks_exact(n.max(1)).enumerate() {
            for (k, &b) in keys.iter_mut().zip(plane) {
                *k |= u32::from(b) << (8 * p);
            }
        }
        let mut prev: u32 = 0;
        for (i, k) in keys.iter_mut().enumerate() {
            let d = *k;
            *k = prev.checked_add(d).ok_or(ModelError::Order)?;
            if i > 0 && d == 0 || *k == 0 {
                return Err(ModelError::Order);
            }
            prev = *k;
        }
        let mut masks = vec![0u32; n];
        for (p, plane) in r.take(3 * n)?.chunks_exact(n.max(1)).enumerate() {
            for (m, &b) in masks.iter_mut().zip(plane) {
                *m |= u32::from(b) << (8 * p);
            }
        }
        // Bits beyond the labels name no weight: a file with them has bytes left over.
        for m in &mut masks {
            *m &= (1 << N_LABELS) - 1;
        }
        let exponents = r.take(n)?;
        let stored: usize = masks.iter().map(|m| m.count_ones() as usize).sum();
        let mut weights = r.take(stored)?.iter();
        let size = ((n as f64 / MAX_LOAD) as usize + 1)
            .next_power_of_two()
            .max(16);
        let mut filter = vec![0u64; 1 << (FILTER_BITS - 6)];
        for &k in &keys {
            let b = (k >> (32 - FILTER_BITS)) as usize;
            filter[b >> 6] |= 1 << (b & 63);
        }
        let mut slots = vec![
            Slot {
                key: 0,
                row: [0; N_LABELS + 1]
            };
            size
        ];
        for ((&k, &mask), &e) in keys.iter().zip(&masks).zip(exponents) {
            let mut row = [0i8; N_LABELS + 1];
            let mut todo = mask;
            while todo != 0 {
                let l = todo.trailing_zeros() as usize;
                todo &= todo - 1;
                // `stored` counted these bytes, so the iterator has them.
                row[l] = weights.next().copied().unwrap_or(0) as i8;
            }
            row[N_LABELS] = e as i8;
            let mut s = k as usize & (size - 1);
            while slots[s].key != 0 {
                s = (s + 1) & (size - 1);
            }
            slots[s] = Slot { key: k, row };
        }
        if r.at != bytes.len() {
            return Err(ModelError::Truncated);
        }
        let mut scales = [0.0f32; 256];
        for (e, slot) in scales.iter_mut().enumerate() {
            *slot = scale_of(e as u8 as i8);
        }
        let mut model = Model {
            slots,
            filter,
            scales,
            tables: None,
            len: n,
        };
        model.tables = Some(Tables::new(&model));
        Ok(model)
    }

    /// Writes `features` (key, exponent, multiples) in the file format.
    #[cfg(any(test, feature = "train"))]
    pub fn write(features: &[(u32, i8, [i8; N_LABELS])]) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.extend((N_LABELS as u32).to_le_bytes());
        out.extend((features.len() as u32).to_le_bytes());
        let mut prev = 0u32;
        let deltas: Vec<u32> = features
            .iter()
            .map(|&(k, _, _)| {
                let d = k - prev;
                prev = k;
                d
            })
            .collect();
        to_planes(&deltas, 4, &mut out);
        let masks: Vec<u32> = features
            .iter()
            .map(|(_, _, w)| (0..N_LABELS).fold(0u32, |m, l| m | u32::from(w[l] != 0) << l))
            .collect();
        to_planes(&masks, 3, &mut out);
        out.extend(features.iter().map(|&(_, e, _)| e as u8));
        for (_, _, w) in features {
            out.extend(w.iter().filter(|&&x| x != 0).map(|&x| x as u8));
        }
        out
    }

    /// Number of features.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.len
    }
}

impl Model {
    /// The slot holding `key`, if any.
    fn slot(&self, key: u32) -> Option<usize> {
        let b = (key >> (32 - FILTER_BITS)) as usize;
        if self
            .filter
            .get(b >> 6)
            .is_none_or(|w| w >> (b & 63) & 1 == 0)
        {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut s = key as usize & mask;
        loop {
            let k = self.slots[s].key;
            if k == key {
                return Some(s);
            }
            if k == 0 {
                return None;
            }
            s = (s + 1) & mask;
        }
    }

    #[inline(always)]
    fn add_slot(&self, slot: usize, scores: &mut Scores) {
        let row = &self.slots[slot].row;
        let scale = self.scales[row[N_LABELS] as u8 as usize];
        add_row(scores, row, scale);
    }
}

/// Adds the weights of `row` (multiples of `scale`) to `scores`.
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
#[inline(always)]
fn add_row(scores: &mut Scores, row: &[i8; N_LABELS + 1], scale: f32) {
    for (score, &x) in scores.iter_mut().zip(&row[..N_LABELS]) {
        *score += f32::from(x) * scale;
    }
}

/// [`add_row`] in WebAssembly SIMD, to the same values: the compiler, left to itself, built each
/// vector of weights a lane at a time from sixteen byte extractions and scalar conversions;
/// here the sixteen bytes are widened to four vectors of `i32` and converted four at a time.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
#[inline(always)]
fn add_row(scores: &mut Scores, row: &[i8; N_LABELS + 1], scale: f32) {
    use core::arch::wasm32::{
        f32x4, f32x4_add, f32x4_convert_i32x4, f32x4_extract_lane, f32x4_mul, f32x4_splat,
        i16x8_extend_high_i8x16, i16x8_extend_low_i8x16, i32x4_extend_high_i16x8,
        i32x4_extend_low_i16x8, i8x16,
    };
    let r = row;
    let bytes = i8x16(
        r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11], r[12], r[13],
        r[14], r[15],
    );
    let (low, high) = (
        i16x8_extend_low_i8x16(bytes),
        i16x8_extend_high_i8x16(bytes),
    );
    let quads = [
        i32x4_extend_low_i16x8(low),
        i32x4_extend_high_i16x8(low),
        i32x4_extend_low_i16x8(high),
        i32x4_extend_high_i16x8(high),
    ];
    let scale4 = f32x4_splat(scale);
    for (s, q) in scores.chunks_exact_mut(4).zip(quads) {
        let sum = f32x4_add(
            f32x4(s[0], s[1], s[2], s[3]),
            f32x4_mul(f32x4_convert_i32x4(q), scale4),
        );
        s[0] = f32x4_extract_lane::<0>(sum);
        s[1] = f32x4_extract_lane::<1>(sum);
        s[2] = f32x4_extract_lane::<2>(sum);
        s[3] = f32x4_extract_lane::<3>(sum);
    }
    scores[16] += f32::from(r[16]) * scale;
}

/// Keys probed before weights are read, in [`Model::add_all`]: more than most calls have (a
/// word's keys, a token's pairs). Their slots are noted as `u32` in an array that every call
/// zeroes: at 64 `usize` that was a 512-byte `memset` per call, 1.4 % of the tagger's
/// instructions; 128 bytes are zeroed in a few vector stores.
const BATCH: usize = 32;

impl Weights for Model {
    fn add(&self, key: u32, scores: &mut Scores) {
        if let Some(s) = self.slot(key) {
            self.add_slot(s, scores);
        }
    }

    fn tables(&self) -> Option<&Tables> {
        self.tables.as_ref()
    }

    fn add_all(&self, keys: &[u32], scores: &mut Scores) {
        for chunk in keys.chunks(BATCH) {
            let mut found = [0u32; BATCH];
            let mut n = 0;
            for &k in chunk {
                if let Some(s) = self.slot(k) {
                    found[n] = s as u32;
                    n += 1;
                }
            }
            for &s in &found[..n] {
                self.add_slot(s as usize, scores);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_damaged_files() {
        assert_eq!(Model::read(b"nonsense").err(), Some(ModelError::Magic));
        assert_eq!(Model::read(b"PXN").err(), Some(ModelError::Truncated));
        let mut head = MAGIC.to_vec();
        head.extend(17u32.to_le_bytes());
        head.extend(u32::MAX.to_le_bytes());
        assert_eq!(Model::read(&head).err(), Some(ModelError::Truncated));
    }

    #[test]
    fn a_written_model_reads_back() {
        // Keys whose differences need every byte plane, and masks in all three.
        let mut row = [0i8; N_LABELS];
        row[0] = 3;
        row[9] = -7;
        row[16] = 127;
        let features = [
            (5, 0, row),
            (0x0100_0005, -8, [1; N_LABELS]),
            (u32::MAX, 4, row),
        ];
        let model = Model::read(&Model::write(&features)).expect("reads");
        assert_eq!(model.len(), 3);
        for &(key, e, w) in &features {
            let mut got = [0.0; N_LABELS];
            model.add(key, &mut got);
            let want = w.map(|x| f32::from(x) * scale_of(e));
            assert_eq!(got, want, "key {key:#x}");
        }
        let mut absent = [0.0; N_LABELS];
        model.add(6, &mut absent);
        assert_eq!(absent, [0.0; N_LABELS]);
        // A key equal to the one before (a difference of 0 in every plane) is refused.
        let mut bytes = Model::write(&features);
        for plane in 0..4 {
            bytes[16 + plane * features.len() + 1] = 0;
        }
        assert_eq!(Model::read(&bytes).err(), Some(ModelError::Order));
    }
}
