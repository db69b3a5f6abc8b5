//! Attribution: who is quoted (`quotes`) and which agencies and outlets are cited (`sources`),
//! each linked to the article's entities.
//!
//! Runs after entity grouping; may use `text`, `read` (paragraph and sentence spans) and
//! `entities`.

pub mod quotes;
pub mod sources;
mod speakers;
