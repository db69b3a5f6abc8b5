//! Reading the CLI's inputs: files, or standard input for `-`.

use std::io::{self, Read};

/// The text of `path`, or of standard input for `-`.
pub fn read_input(path: &str) -> Result<String, String> {
    let bytes = if path == "-" {
        let mut buf = Vec::new();
        io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("stdin: {e}"))?;
        buf
    } else {
        std::fs::read(path).map_err(|e| format!("{path}: {e}"))?
    };
    // Invalid UTF-8 is replaced, not refused: a stray byte should not lose an article.
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
