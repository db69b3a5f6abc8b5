//! Attribution: who is quoted (`quotes`) and which agencies and outlets are cited (`sources`),
//! each linked to the article's entities.
//!
//! Runs after entity grouping; may use `text` and `entities`. `speakers` reads the attribution
//! grammar around a quote; `quotes` finds the quotes and names their speakers.

pub mod quotes;
pub mod sources;
mod speakers;
