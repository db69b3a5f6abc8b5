//! Two outlets' coverage of one story, side by side: the text B reuses from A, the entities,
//! quotes and sources of each (and whether each sits in reused or in the outlet's own text), and
//! the words that set each apart. [`compare_many`] gives the pairwise view of three or more.
//!
//! `reuse` aligns the passages B repeats from A; `inherited` says whether a span of either
//! side lies in them; `pair` runs the comparison of two articles with `entities` and `quotes`
//! (entities, quotes and sources side by side) and `distinctive` (the words each outlet uses
//! far more); `many` gives the matrices. Everything here looks at two or more analyses; it may
//! use every earlier stage (through [`crate::Analysis`]) and `text`.

pub mod corpus;
pub mod distinctive;
mod entities;
pub mod inherited;
mod many;
mod pair;
mod quotes;
pub mod reuse;
pub mod rewritten;

pub use entities::SharedEntity;
pub use many::{compare_many, ComparisonMany, MAX_ARTICLES};
pub use quotes::{
    QuoteComparison, QuoteRef, QuoteSide, SharedQuote, SharedSource, SourceRef, Wording,
    SAME_WORDING_SIMILARITY,
};

pub use pair::{
    compare, compare_with, AlignedPassage, CompareOptions, Comparison, OneSided, Piece, Settings,
    UnquotedShares, Verdict, ARTICLE_MIN_MATCH_WORDS, PARTLY_ALIGNED_SHARE, PARTLY_DERIVED_SHARE,
    SHORT_MIN_MATCH_WORDS, SHORT_TEXT_WORDS, WHOLLY_DERIVED_SHARE,
};
