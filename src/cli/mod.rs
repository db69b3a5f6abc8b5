//! The command line's pieces: reading its inputs (`input`), `--jsonl` (`jsonl`), writing JSON
//! (`json`) and the readable summaries (`report`), which print article text through `shown`. `main.rs` parses the arguments and runs them.

pub mod input;
pub mod json;
pub mod jsonl;
pub mod report;
pub mod shown;
