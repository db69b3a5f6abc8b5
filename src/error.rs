//! The one error type of the core: what can be refused, and what to do about it.

use std::fmt;

/// Why an input was refused. Every other input, however odd, gets an analysis.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
    /// The input is larger than [`crate::MAX_INPUT_BYTES`].
    TooLarge {
        /// Size of the input in bytes.
        bytes: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// More articles were given to compare at once than [`crate::MAX_ARTICLES`].
    TooManyArticles {
        /// Number of articles given.
        count: usize,
        /// The limit.
        limit: usize,
    },
    /// The analysis of this input failed: a bug in Parallax, not a fault of the text. Natively,
    /// [`crate::analyze_many`] reports it for the one article, so that the others of a batch
    /// still get their analyses.
    Internal {
        /// What failed (the panic's message).
        message: String,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::TooLarge { bytes, limit } => write!(
                f,
                "the text is {:.1} MB, more than the {:.0} MB Parallax analyses at once; \
                 paste a single article, or split the text",
                *bytes as f64 / 1e6,
                *limit as f64 / 1e6
            ),
            Error::TooManyArticles { count, limit } => write!(
                f,
                "{count} articles were given; Parallax compares at most {limit} at once, \
                 so compare them in smaller groups"
            ),
            Error::Internal { message } => write!(
                f,
                "Parallax failed on this text ({message}); this is a bug in Parallax, not a \
                 fault of the text: please report it with the text that caused it"
            ),
        }
    }
}

impl std::error::Error for Error {}
