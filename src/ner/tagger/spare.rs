//! The tagger's two largest per-token tables, kept from one document to the next on a thread.
//!
//! A long article's token features (about 110 bytes a token) and scores (68) pass 1 MiB, above
//! which glibc's malloc maps each block afresh (the CLI's setting, `src/cli/malloc.rs`): every
//! such article faulted its pages in and zeroed them, 4 % of the bench's native time. Kept
//! here, they are written over instead. Only tables up to [`MAX_SPARE_BYTES`] are kept, so that
//! a hostile text's tables are handed back as before.

use super::decode::Scores;
use super::features::Tok;
use std::cell::Cell;
use std::thread::LocalKey;

/// The largest table kept, in bytes: an article of about 20,000 tokens.
const MAX_SPARE_BYTES: usize = 4 << 20;

thread_local! {
    static TOKS: Cell<Vec<Tok>> = const { Cell::new(Vec::new()) };
    static SCORES: Cell<Vec<Scores>> = const { Cell::new(Vec::new()) };
}

/// An empty list of token features, with the room the last document's had.
pub(super) fn toks() -> Vec<Tok> {
    TOKS.take()
}

/// Keeps `list`, emptied, in `spare` for the next document, if it is not too large.
fn keep<T: 'static>(spare: &'static LocalKey<Cell<Vec<T>>>, mut list: Vec<T>) {
    if list.capacity() * size_of::<T>() <= MAX_SPARE_BYTES {
        list.clear();
        spare.set(list);
    }
}

/// Keeps `toks` for the next document, if it is not too large.
pub(super) fn keep_toks(toks: Vec<Tok>) {
    keep(&TOKS, toks);
}

/// `n` zero scores.
pub(super) fn scores(n: usize) -> Vec<Scores> {
    let mut scores = SCORES.take();
    scores.resize(n, [0.0; super::N_LABELS]);
    scores
}

/// Keeps `scores` for the next document, if it is not too large.
pub(super) fn keep_scores(scores: Vec<Scores>) {
    keep(&SCORES, scores);
}
