//! The commands that read reference corpora, apart from the product code: scoring extraction
//! against Readability's test pages (`readability`), scoring the entity tagger on CoNLL-2003
//! on its own tokens (`conll`) and end to end, each document rebuilt as text and analysed
//! (`documents`), and retraining it (`train`, feature `train`).
//!
//! May use every stage; no stage uses this.

pub mod conll;
pub mod documents;
mod readability;
#[cfg(feature = "cli")]
pub mod reuse;
#[cfg(feature = "train")]
pub mod train;

pub use readability::{readability_pages, shingle_scores, Report};
