//! The command line's pieces: reading its inputs (`input`), `--jsonl` (`jsonl`), JSON line
//! records (`records`), writing JSON (`json`), the readable summaries (`report`), which print
//! article text through `shown`, and the corpus commands (`corpus`: `reuse`, `shingles`;
//! `tally`), and malloc's settings (`malloc`). `main.rs` parses the arguments and runs them.

pub mod corpus;
pub mod input;
pub mod json;
pub mod jsonl;
pub mod malloc;
pub mod records;
pub mod report;
pub mod shown;
pub mod tally;
