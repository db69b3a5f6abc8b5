//! JSON output.

use std::io::{self, Write};

/// `value` as pretty JSON and a newline.
pub fn print_json<T: serde::Serialize>(out: &mut impl Write, value: &T) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)
}
