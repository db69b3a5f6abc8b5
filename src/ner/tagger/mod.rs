//! The sequence tagger: labels (`labels`), features (`features`), their weights summed by
//! groups (`scores`, from the per-model `tables`) and two-pass decoding (`decode`) of one
//! document.
//!
//! The design follows Ratinov & Roth, "Design Challenges and Misconceptions in Named Entity
//! Recognition" (CoNLL 2009): BILOU labels decoded left to right with the two previous labels
//! as features, gazetteer matches, and a second pass that sees what the first pass said about
//! the same word elsewhere in the document (so "PUTIN" in an all-caps headline learns from
//! "Putin" in the body). The first pass is greedy; the second keeps a small beam (see `BEAM`).
//! Training (`eval/train.rs`) and inference share every function here, so the features cannot
//! drift apart.

mod decode;
mod features;
mod labels;
mod scores;
mod spare;
mod tables;

#[cfg(feature = "train")]
pub use decode::first_pass;
#[cfg(feature = "cli")]
pub use decode::tag;
pub use decode::{tag_scored, Scored, Scores, Weights};
pub use features::Doc;
#[cfg(feature = "train")]
pub use features::{all_keys, DocStats};
#[cfg(feature = "train")]
pub use labels::START;
#[cfg(feature = "cli")]
pub use labels::{label, part, Part};
pub use labels::{spans, N_LABELS};
pub use tables::Tables;
