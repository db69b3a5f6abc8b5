//! The hashing the tagger's features are built from.
//!
//! Features are never stored as strings: a word is hashed once, and a feature is the mix of a
//! template number and one or more such hashes. The functions are fixed (no random seed), so
//! the keys a model was trained with are the keys inference computes, on every platform.

/// Multiplier of the 64-bit mixing step (the odd constant of FxHash / splitmix).
const K: u64 = 0x9E37_79B9_7F4A_7C15;

/// A streaming hash over the chars of a normalised word.
#[derive(Clone, Copy)]
pub struct Hasher(u64);

impl Hasher {
    pub fn new() -> Hasher {
        Hasher(0x243F_6A88_85A3_08D3)
    }

    pub fn char(&mut self, c: char) {
        self.0 = (self.0.rotate_left(5) ^ c as u64).wrapping_mul(K);
    }

    pub fn finish(self) -> u64 {
        mix(self.0)
    }
}

/// A final avalanche (splitmix64's), so that every input bit moves every output bit.
pub fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The model key of template `t` with values `a` and `b`: 32 bits, never 0 (0 marks an empty
/// slot in the model's table). With ~10^5 stored keys, an unseen feature collides with a stored
/// one about once in 40,000 lookups, too rarely to matter for a linear model.
pub fn key(t: u8, a: u64, b: u64) -> u32 {
    let h = mix(a.wrapping_mul(K) ^ b.rotate_left(29) ^ (u64::from(t) << 56));
    let k = (h >> 32) as u32;
    k.max(1)
}

/// A `std::hash::Hasher` for keys that are already well-mixed hashes: it passes them through.
/// Deterministic, unlike std's default, so that tables behave the same on every run.
#[derive(Default)]
pub struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(K);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }

    fn write_u32(&mut self, n: u32) {
        self.0 = u64::from(n).wrapping_mul(K);
    }
}

/// A hash map keyed by pre-hashed values, or by small ones (words, indices) hashed byte by
/// byte as FxHash does: far cheaper than std's SipHash, and the same on every run.
pub type IdMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<IdHasher>>;

/// A hash set, as [`IdMap`].
pub type IdSet<K> = std::collections::HashSet<K, std::hash::BuildHasherDefault<IdHasher>>;
