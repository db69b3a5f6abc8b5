//! JSON output, with the Unicode line breaks escaped.
//!
//! serde_json writes U+2028, U+2029 and U+0085 as they are: valid JSON, but readers that split
//! text on Unicode line breaks (Python's `str.splitlines`, JavaScript before ES2019, some log
//! shippers) cut a record there, and a `--jsonl` line in two. Articles pasted from the web hold
//! them. Written as `\u2028`, `\u2029` and `\u0085` they mean the same string to any JSON reader.

use std::io::{self, Write};

/// `value` as pretty JSON and a newline, written as it is made: the JSON of a large analysis
/// is several times the input's size and is never held whole.
pub fn print_json<T: serde::Serialize>(out: &mut impl Write, value: &T) -> io::Result<()> {
    let mut escaped = EscapeLineBreaks::new(&mut *out);
    serde_json::to_writer_pretty(&mut escaped, value)?;
    escaped.finish()?;
    writeln!(out)
}

/// `value` as one line of JSON and a newline.
pub fn print_json_line<T: serde::Serialize>(out: &mut impl Write, value: &T) -> io::Result<()> {
    let mut escaped = EscapeLineBreaks::new(&mut *out);
    serde_json::to_writer(&mut escaped, value)?;
    escaped.finish()?;
    writeln!(out)
}

/// Passes JSON, as serde_json writes it, on to `out` with U+2028, U+2029 and U+0085 escaped.
/// They can only be inside strings (JSON's own syntax is ASCII), where an escape means the same;
/// and since 0xE2 and 0xC2 only ever start a UTF-8 character, a match is always a whole
/// character. A write that ends partway into one (serde_json writes whole characters, but a
/// writer must not count on it) leaves those bytes in `held` for the next.
struct EscapeLineBreaks<W: Write> {
    out: W,
    held: Vec<u8>,
}

impl<W: Write> EscapeLineBreaks<W> {
    fn new(out: W) -> Self {
        EscapeLineBreaks {
            out,
            held: Vec::new(),
        }
    }

    /// Writes what is held (the start of a character that never ended).
    fn finish(mut self) -> io::Result<()> {
        let held = std::mem::take(&mut self.held);
        self.out.write_all(&held)
    }

    /// Writes `json`, escaping; returns how many bytes at its end were held back.
    fn escape(&mut self, json: &[u8]) -> io::Result<usize> {
        let mut written = 0;
        let mut i = 0;
        while i < json.len() {
            let (escape, len): (&[u8], usize) = match json[i..] {
                [0xE2, 0x80, 0xA8, ..] => (b"\\u2028", 3),
                [0xE2, 0x80, 0xA9, ..] => (b"\\u2029", 3),
                [0xC2, 0x85, ..] => (b"\\u0085", 2),
                // Maybe one of them, cut off: wait for the rest.
                [0xE2] | [0xE2, 0x80] | [0xC2] => break,
                _ => {
                    i += 1;
                    continue;
                }
            };
            self.out.write_all(&json[written..i])?;
            self.out.write_all(escape)?;
            i += len;
            written = i;
        }
        self.out.write_all(&json[written..i])?;
        Ok(json.len() - i)
    }
}

impl<W: Write> Write for EscapeLineBreaks<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.held.is_empty() {
            let held = self.escape(buf)?;
            self.held.extend_from_slice(&buf[buf.len() - held..]);
        } else {
            let mut joined = std::mem::take(&mut self.held);
            joined.extend_from_slice(buf);
            let held = self.escape(&joined)?;
            self.held.extend_from_slice(&joined[joined.len() - held..]);
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every line break escaped, also where one write ends inside the character and the next
    /// holds the rest, and a cut-off character at the very end still written.
    #[test]
    fn line_breaks_are_escaped_across_writes() {
        let text = "a\u{2028}b\u{2029}c\u{85}d\u{e9}\u{20ac}";
        let bytes = text.as_bytes();
        for cut in 0..=bytes.len() {
            let mut got = Vec::new();
            let mut escaped = EscapeLineBreaks::new(&mut got);
            escaped.write_all(&bytes[..cut]).unwrap();
            escaped.write_all(&bytes[cut..]).unwrap();
            escaped.finish().unwrap();
            assert_eq!(
                String::from_utf8(got).unwrap(),
                "a\\u2028b\\u2029c\\u0085d\u{e9}\u{20ac}",
                "cut at {cut}"
            );
        }
        let mut got = Vec::new();
        let mut escaped = EscapeLineBreaks::new(&mut got);
        escaped.write_all(b"x\xE2\x80").unwrap();
        escaped.finish().unwrap();
        assert_eq!(got, b"x\xE2\x80");
    }
}
