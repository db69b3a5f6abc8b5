//! The commands that read reference corpora, apart from the product code: scoring extraction
//! against Readability's test pages (`readability`), scoring the entity tagger on CoNLL-2003
//! (`conll`), and retraining it (`train`, feature `train`).
//!
//! May use every stage; no stage uses this.

pub mod conll;
mod readability;
#[cfg(feature = "train")]
pub mod train;

pub use readability::{readability_pages, token_f1, Report};
