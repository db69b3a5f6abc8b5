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
                "the text is {} MiB, more than the {} MiB Parallax analyses at once; \
                 paste a single article, or split the text",
                mib(*bytes),
                mib(*limit)
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

/// Bytes in a mebibyte. The limit is `10 << 20` bytes, so sizes are given in MiB, the unit it
/// is a round number of: in MB it is 10.49, and a limit shown as "10 MB" took texts of 10.4 MB.
const MIB: usize = 1 << 20;

/// `bytes` in MiB: whole MiB as such ("10"), else to one decimal rounded up, so that a text
/// just over the limit never reads as equal to it ("10.1", not "10.0").
pub(crate) fn mib(bytes: usize) -> String {
    if bytes % MIB == 0 {
        (bytes / MIB).to_string()
    } else {
        let tenths = (bytes as u128 * 10).div_ceil(MIB as u128);
        format!("{}.{}", tenths / 10, tenths % 10)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_in_mib_and_never_round_down_to_the_limit() {
        let limit = crate::MAX_INPUT_BYTES;
        for (bytes, shown) in [
            (limit, "10"),
            (limit + 1, "10.1"),
            (11_000_000, "10.5"),
            (11 << 20, "11"),
            (1, "0.1"),
            (0, "0"),
        ] {
            assert_eq!(mib(bytes), shown, "{bytes} bytes");
        }
        let refused = Error::TooLarge {
            bytes: limit + 1,
            limit,
        }
        .to_string();
        assert!(
            refused.starts_with("the text is 10.1 MiB, more than the 10 MiB"),
            "{refused}"
        );
    }
}
