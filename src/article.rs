//! Reading the input: which parts of it are the article.
//!
//! This first reader takes plain text as it is and splits it into paragraphs at line breaks.
//! The reading issue (4) adds HTML, boilerplate removal and metadata behind the same function.

use crate::span::Span;

/// The article as read from the input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    /// The text all spans index: the input itself for plain text.
    pub text: String,
    /// The article's paragraphs, in order, trimmed of surrounding white space.
    pub paragraphs: Vec<Span>,
}

/// Reads `input` into an [`Article`].
pub fn read(input: &str) -> Article {
    let mut paragraphs = Vec::new();
    let mut start = 0;
    for line in input.split_inclusive('\n') {
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let lead = line.len() - line.trim_start().len();
            paragraphs.push(Span::new(start + lead, start + lead + trimmed.len()));
        }
        start += line.len();
    }
    Article {
        text: input.to_string(),
        paragraphs,
    }
}
