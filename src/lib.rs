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
//! ```
//!
//! Every span is a half-open range of UTF-8 byte offsets into the input ([`Span`]). The wasm
//! boundary (`src/wasm.rs`) adds UTF-16 offsets for JavaScript.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod analysis;
mod article;
mod boilerplate;
mod compare;
mod entities;
mod error;
#[cfg(feature = "cli")]
pub mod eval;
mod html;
mod mention;
mod meta;
mod ner;
mod page_meta;
mod quotes;
mod readability;
mod segment;
mod sources;
mod span;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use analysis::{analyze, extract, Analysis, Removed, MAX_INPUT_BYTES};
pub use article::Input;
pub use compare::{compare, Comparison, SharedEntity};
pub use entities::{Entity, EntityMention};
pub use error::Error;
pub use mention::{Kind, Mention};
pub use meta::{Credit, Dateline, Meta};
pub use quotes::Quote;
pub use sources::{Source, SourceKind};
pub use span::{fill_utf16, Loc, Span};

/// The entity tagger's command-line commands: `parallax eval-conll` and `parallax train`.
#[cfg(feature = "cli")]
pub mod tagger_cli {
    pub use crate::ner::conll::eval_command as eval_conll;
    #[cfg(feature = "train")]
    pub use crate::ner::train::{run as train, Options as TrainOptions};
}
