//! The trained weights: a compact file format and the table inference reads.
//!
//! Format (little-endian), laid out column by column so that gzip finds the repetition:
//!
//! ```text
//! magic  b"PXNER\x01\0\0"
//! u32    labels (17)          u32 features (n)          f32 scale
//! n      varints: feature keys, ascending, each as the difference from the previous
//! n      u24: bit set of the labels with a non-zero weight
//! Σ      i8: those weights, feature by feature, label by label, μ-law coded (see `decode`)
//! ```
//!
//! Weights are quantised to 8 bits on a logarithmic (μ-law) scale, because they span four
//! orders of magnitude and a linear scale would round the many small ones to zero; features
//! whose weights are all small are dropped by the trainer (`train.rs`), which measures the loss
//! on the dev set.

use super::tagger::{Scores, Weights, N_LABELS};

/// First bytes of a model file; the last byte pair is reserved.
pub const MAGIC: &[u8; 8] = b"PXNER\x01\0\0";

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
            ModelError::Labels(n) => write!(f, "model has {n} labels, this build expects {N_LABELS}"),
            ModelError::Truncated => write!(f, "model file is truncated or has trailing bytes"),
            ModelError::Order => write!(f, "model keys are not in ascending order"),
        }
    }
}

/// The weights, in an open-addressing table keyed by feature key.
pub struct Model {
    /// Slot → key (0: empty). Length is a power of two.
    slots: Vec<u32>,
    /// Slot → row of `weights`.
    rows: Vec<u32>,
    /// Row-major, `N_LABELS` per feature, coded.
    weights: Vec<i8>,
    /// Code → weight, indexed by the code as `u8`.
    table: [f32; 256],
}

/// The μ of the μ-law coding: resolution near zero is `scale / (127 μ) · ln(1 + μ)`.
const MU: f32 = 255.0;

/// The weight of code `q` in a model whose largest weight is `scale`.
pub fn decode(q: i8, scale: f32) -> f32 {
    let m = f32::from(q.unsigned_abs()) / 127.0;
    let w = scale * ((1.0 + MU).powf(m) - 1.0) / MU;
    if q < 0 {
        -w
    } else {
        w
    }
}

/// The code of weight `w` (the inverse of [`decode`], rounded).
#[cfg(feature = "train")]
pub fn encode(w: f32, scale: f32) -> i8 {
    let m = (1.0 + MU * (w.abs() / scale).min(1.0)).ln() / (1.0 + MU).ln();
    let q = (m * 127.0).round() as i8;
    if w < 0.0 {
        -q
    } else {
        q
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], ModelError> {
        let end = self.at.checked_add(n).ok_or(ModelError::Truncated)?;
        let s = self.bytes.get(self.at..end).ok_or(ModelError::Truncated)?;
        self.at = end;
        Ok(s)
    }

    fn u32(&mut self) -> Result<u32, ModelError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn varint(&mut self) -> Result<u32, ModelError> {
        let mut v: u64 = 0;
        for shift in (0..35).step_by(7) {
            let b = self.take(1)?[0];
            v |= u64::from(b & 0x7F) << shift;
            if b & 0x80 == 0 {
                return u32::try_from(v).map_err(|_| ModelError::Truncated);
            }
        }
        Err(ModelError::Truncated)
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
        let scale = f32::from_bits(r.u32()?);
        // Every feature takes at least 4 bytes (varint, mask), so `n` cannot exceed the file.
        if n > bytes.len() / 4 {
            return Err(ModelError::Truncated);
        }
        let mut keys = Vec::with_capacity(n);
        let mut prev: u32 = 0;
        for i in 0..n {
            let d = r.varint()?;
            let k = prev.checked_add(d).ok_or(ModelError::Order)?;
            if i > 0 && d == 0 || k == 0 {
                return Err(ModelError::Order);
            }
            keys.push(k);
            prev = k;
        }
        let masks: Vec<u32> = r
            .take(n * 3)?
            .chunks_exact(3)
            .map(|b| u32::from(b[0]) | u32::from(b[1]) << 8 | u32::from(b[2]) << 16)
            .collect();
        let mut weights = vec![0i8; n * N_LABELS];
        for (row, &mask) in masks.iter().enumerate() {
            for l in 0..N_LABELS {
                if mask & (1 << l) != 0 {
                    weights[row * N_LABELS + l] = r.take(1)?[0] as i8;
                }
            }
        }
        if r.at != bytes.len() {
            return Err(ModelError::Truncated);
        }
        let size = (2 * n).next_power_of_two().max(16);
        let mut slots = vec![0u32; size];
        let mut rows = vec![0u32; size];
        for (row, &k) in keys.iter().enumerate() {
            let mut s = k as usize & (size - 1);
            while slots[s] != 0 {
                s = (s + 1) & (size - 1);
            }
            slots[s] = k;
            rows[s] = row as u32;
        }
        let mut table = [0.0f32; 256];
        for (code, slot) in table.iter_mut().enumerate() {
            *slot = decode(code as u8 as i8, scale);
        }
        Ok(Model {
            slots,
            rows,
            weights,
            table,
        })
    }

    /// Writes `features` (key, codes) in the file format; `scale` is the largest weight.
    #[cfg(feature = "train")]
    pub fn write(features: &[(u32, [i8; N_LABELS])], scale: f32) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.extend((N_LABELS as u32).to_le_bytes());
        out.extend((features.len() as u32).to_le_bytes());
        out.extend(scale.to_bits().to_le_bytes());
        let mut prev = 0u32;
        for &(k, _) in features {
            let mut d = k - prev;
            prev = k;
            loop {
                let b = (d & 0x7F) as u8;
                d >>= 7;
                if d == 0 {
                    out.push(b);
                    break;
                }
                out.push(b | 0x80);
            }
        }
        for (_, w) in features {
            let mask = (0..N_LABELS).fold(0u32, |m, l| m | u32::from(w[l] != 0) << l);
            out.extend(&mask.to_le_bytes()[..3]);
        }
        for (_, w) in features {
            out.extend(w.iter().filter(|&&x| x != 0).map(|&x| x as u8));
        }
        out
    }

    /// Number of features.
    pub fn len(&self) -> usize {
        self.weights.len() / N_LABELS
    }
}

impl Weights for Model {
    fn add(&self, key: u32, scores: &mut Scores) {
        let mask = self.slots.len() - 1;
        let mut s = key as usize & mask;
        loop {
            let k = self.slots[s];
            if k == key {
                let row = self.rows[s] as usize * N_LABELS;
                let w = &self.weights[row..row + N_LABELS];
                for (score, &x) in scores.iter_mut().zip(w) {
                    *score += self.table[x as u8 as usize];
                }
                return;
            }
            if k == 0 {
                return;
            }
            s = (s + 1) & mask;
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
        head.extend(1f32.to_bits().to_le_bytes());
        assert_eq!(Model::read(&head).err(), Some(ModelError::Truncated));
    }
}
