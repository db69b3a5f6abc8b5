//! Parallax reads news articles: it finds the people, organisations and places in them, counts
//! them (merging "Putin", "Vladimir Putin" and "Russian President Vladimir Putin"), and compares
//! two outlets' coverage of one story.
//!
//! ```
//! let analysis = parallax::analyze("Russian President Vladimir Putin met Masoud Pezeshkian. Putin smiled.").unwrap();
//! let putin = &analysis.entities[0];
//! assert_eq!((putin.name.as_str(), putin.count), ("Vladimir Putin", 2));
//!
//! let comparison = parallax::compare("Putin spoke in Moscow.", "Moscow was cold.").unwrap();
//! let moscow = comparison.entities.iter().find(|e| e.name == "Moscow").unwrap();
//! assert_eq!((moscow.count_a, moscow.count_b), (1, 1));
//!
//! // Text reuse: B repeats A's sentence with one word changed, and adds one of its own.
//! let a = "The two countries say they are close to signing a strategic partnership agreement.";
//! let b = "Tehran is hopeful. The two countries say they are near to signing a strategic partnership agreement.";
//! let c = parallax::compare(a, b).unwrap();
//! assert_eq!(c.passages.len(), 1);
//! assert_eq!(c.passages[0].b.span().of(b), "The two countries say they are near to signing a strategic partnership agreement");
//! assert_eq!(c.passages[0].kind, parallax::PassageKind::Edited);
//! // Reused, but edited: partly derived (wholly is for text cut and pasted).
//! assert_eq!(c.verdict, parallax::Verdict::Partly);
//! ```
//!
//! Every span is a half-open range of UTF-8 byte offsets into the input ([`Span`]). The wasm
//! boundary (`src/wasm.rs`) adds UTF-16 offsets for JavaScript.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod analysis;
mod attribution;
mod compare;
mod entities;
mod error;
#[cfg(feature = "cli")]
pub mod eval;
mod ner;
mod parallel;
mod read;
mod text;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use analysis::{
    analyze, analyze_many, analyze_with, extract, extract_article, Analysis, AnalyzeOptions,
    Extracted, Removed, MAX_INPUT_BYTES,
};
#[doc(hidden)]
pub use analysis::{analyze_staged, Stage};
pub use attribution::quotes::Quote;
pub use attribution::sources::{Source, SourceKind};
pub use compare::corpus::{
    pair_reuse, reuse_pairs, CorpusOptions, PairReuse, ReusedPassage, Story, MAX_SHINGLE_DOCS,
};
pub use compare::distinctive::{Distinctive, Term};
pub use compare::inherited::{Reused, Side};
pub use compare::reuse::{
    align, Passage, PassageKind, Words, MAX_GAP_WORDS, MAX_SHINGLE_OCCURRENCES,
};
pub use compare::{
    compare, compare_many, compare_with, AlignedPassage, CompareOptions, Comparison,
    ComparisonMany, OneSided, Piece, QuoteComparison, QuoteRef, QuoteSide, Settings, SharedEntity,
    SharedQuote, SharedSource, SourceRef, UnquotedShares, Verdict, Wording,
    ARTICLE_MIN_MATCH_WORDS, MAX_ARTICLES, PARTLY_ALIGNED_SHARE, PARTLY_DERIVED_SHARE,
    SAME_WORDING_SIMILARITY, SHORT_MIN_MATCH_WORDS, SHORT_TEXT_WORDS, WHOLLY_DERIVED_SHARE,
};
pub use entities::{Entity, EntityMention};
pub use error::Error;
pub use ner::mention::{Kind, Mention};
pub use read::article::Input;
pub use read::meta::{Credit, Dateline, Meta};
pub use text::span::{fill_utf16, Loc, Span};

/// The entity tagger's command-line commands: `parallax eval-conll` and `parallax train`.
#[cfg(feature = "cli")]
pub mod tagger_cli {
    pub use crate::eval::conll::eval_command as eval_conll;
    pub use crate::eval::documents::Options as EvalOptions;
    #[cfg(feature = "train")]
    pub use crate::eval::train::{run as train, Options as TrainOptions};
}
