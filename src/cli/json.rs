//! JSON output, with the Unicode line breaks escaped.
//!
//! serde_json writes U+2028, U+2029 and U+0085 as they are: valid JSON, but readers that split
//! text on Unicode line breaks (Python's `str.splitlines`, JavaScript before ES2019, some log
//! shippers) cut a record there, and a `--jsonl` line in two. Articles pasted from the web hold
//! them. Written as `\u2028`, `\u2029` and `\u0085` they mean the same string to any JSON reader.

use std::io::{self, Write};

/// `value` as pretty JSON and a newline.
pub fn print_json<T: serde::Serialize>(out: &mut impl Write, value: &T) -> io::Result<()> {
    write_escaping_line_breaks(out, &serde_json::to_vec_pretty(value)?)?;
    writeln!(out)
}

/// `value` as one line of JSON and a newline.
pub fn print_json_line<T: serde::Serialize>(out: &mut impl Write, value: &T) -> io::Result<()> {
    write_escaping_line_breaks(out, &serde_json::to_vec(value)?)?;
    writeln!(out)
}

/// Writes `json`, as serde_json wrote it, with U+2028, U+2029 and U+0085 escaped. They can only
/// be inside strings (JSON's own syntax is ASCII), where an escape means the same; and since
/// 0xE2 and 0xC2 only ever start a UTF-8 character, a match is always a whole character.
fn write_escaping_line_breaks(out: &mut impl Write, json: &[u8]) -> io::Result<()> {
    let mut written = 0;
    let mut i = 0;
    while i < json.len() {
        let (escape, len): (&[u8], usize) = match json[i..] {
            [0xE2, 0x80, 0xA8, ..] => (b"\\u2028", 3),
            [0xE2, 0x80, 0xA9, ..] => (b"\\u2029", 3),
            [0xC2, 0x85, ..] => (b"\\u0085", 2),
            _ => {
                i += 1;
                continue;
            }
        };
        out.write_all(&json[written..i])?;
        out.write_all(escape)?;
        i += len;
        written = i;
    }
    out.write_all(&json[written..])
}
