//! The text's vocabulary, shared by every stage: byte spans into the input, tokens and
//! sentences, case-insensitive word lists, and the fixed hashing words are keyed by.
//!
//! Nothing here knows about articles, names or comparison; it uses nothing else in the crate,
//! and every later stage may use it.

pub mod chars;
pub mod hash;
pub mod paragraphs;
pub mod scan;
pub mod segment;
pub mod span;
pub mod whitespace;
pub mod wordlist;
