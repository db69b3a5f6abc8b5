//! Reading the CLI's inputs: files, or standard input for `-`.

use parallax::{Error, MAX_INPUT_BYTES};
use std::fs::File;
use std::io::{self, Read};

/// The text of `path`, or of standard input for `-`. Read through `take`, one byte past
/// [`MAX_INPUT_BYTES`]: an input over the limit is refused as soon as that byte arrives, never
/// read whole (a 5 GB file, or a pipe that never ends). Errors name the input.
pub fn read_input(path: &str) -> Result<String, String> {
    let name = if path == "-" { "standard input" } else { path };
    let mut bytes = Vec::new();
    let past_limit = MAX_INPUT_BYTES as u64 + 1;
    let read = if path == "-" {
        io::stdin().lock().take(past_limit).read_to_end(&mut bytes)
    } else {
        File::open(path).and_then(|file| file.take(past_limit).read_to_end(&mut bytes))
    };
    read.map_err(|e| format!("{name}: {e}"))?;
    if bytes.len() > MAX_INPUT_BYTES {
        // A file says its size; standard input only that it holds more.
        let size = std::fs::metadata(path)
            .ok()
            .filter(|m| path != "-" && m.is_file())
            .and_then(|m| usize::try_from(m.len()).ok())
            .filter(|&n| n > MAX_INPUT_BYTES);
        return Err(match size {
            Some(bytes) => format!("{name}: {}", too_large(bytes)),
            None => format!(
                "{name}: the text is more than the {} MiB Parallax analyses at once; paste a \
                 single article, or split the text",
                MAX_INPUT_BYTES >> 20
            ),
        });
    }
    // Invalid UTF-8 is replaced, not refused: a stray byte should not lose an article. Valid
    // input becomes the text without a copy.
    let text = String::from_utf8(bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    if text.len() > MAX_INPUT_BYTES {
        // Refused here rather than by `analyze`, whose message would not name the input.
        return Err(format!(
            "{name}, its bytes that are not UTF-8 replaced by U+FFFD (three bytes each): {}",
            too_large(text.len())
        ));
    }
    Ok(text)
}

/// The core's refusal of `bytes`, so that the CLI says it in the same words and unit.
fn too_large(bytes: usize) -> Error {
    Error::TooLarge {
        bytes,
        limit: MAX_INPUT_BYTES,
    }
}
