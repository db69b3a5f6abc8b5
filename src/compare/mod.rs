//! Two outlets' coverage of one story, side by side: the text B reuses from A, the entities,
//! quotes and sources of each (and whether each sits in reused or in the outlet's own text), and
//! the words that set each apart. [`compare_many`] gives the pairwise view of three or more.

pub mod distinctive;
mod entities;
pub mod inherited;
mod many;
mod pair;
mod quotes;
pub mod reuse;

pub use entities::SharedEntity;
pub use many::{compare_many, ComparisonMany, MAX_ARTICLES};
pub use quotes::{QuoteComparison, QuoteRef, QuoteSide, SharedQuote, SharedSource, SourceRef};

pub use pair::{
    compare, compare_with, AlignedPassage, CompareOptions, Comparison, Piece, Settings, Verdict,
    PARTLY_DERIVED_SHARE, WHOLLY_DERIVED_SHARE,
};
