//! The CLI's `analyze --jsonl` reader on any bytes: never an I/O error on an in-memory output,
//! and one answer line per input line.
#![no_main]
#![allow(dead_code)]

#[path = "../../src/cli/mod.rs"]
mod cli;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut out = Vec::new();
    cli::jsonl::analyze(data, &mut out).expect("writes to memory");
    // Lines ended by a newline, and a last one without.
    let lines_in = data.iter().filter(|&&b| b == b'\n').count()
        + usize::from(!data.is_empty() && !data.ends_with(b"\n"));
    let lines_out = out.iter().filter(|&&b| b == b'\n').count();
    assert_eq!(lines_in, lines_out, "one answer per line");
});
