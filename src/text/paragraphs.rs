//! Paragraphs of plain text and the rough sentences inside one, for the rules that read raw
//! text rather than tokens (boilerplate, metadata lines, quotes). Spans index the text given;
//! nothing is copied.

use crate::text::chars;
use crate::text::scan;
use crate::text::span::Span;
use crate::text::wordlist::Words;

/// Paragraphs of plain text: its non-blank lines, trimmed.
pub fn lines(input: &str) -> Vec<Span> {
    let mut paragraphs = Vec::new();
    let mut start = 0;
    for line in input.split_inclusive('\n') {
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let lead = line.len() - line.trim_start().len();
            paragraphs.push(Span::new(start + lead, start + lead + trimmed.len()));
        }
        start += line.len();
    }
    paragraphs
}

/// The bytes that may end a sentence.
const MARKS: [u8; 3] = [b'.', b'!', b'?'];

/// Sentences of paragraph `p` for boilerplate purposes: split after `.`, `!` or `?` (and any
/// closing quote) before white space, and where a sentence runs into the next with no space
/// ("...all the difference.Russian president...").
pub fn sentence_spans(text: &str, p: Span) -> Vec<Span> {
    let s = p.of(text);
    let base = p.start as usize;
    let mut out = Vec::new();
    let mut start = 0;
    // The marks are ASCII, so their bytes find them without decoding the text between.
    let bytes = s.as_bytes();
    let marks = scan::positions(bytes, 0, MARKS).map(|i| (i, bytes[i]));
    for (i, mark) in marks {
        let mut end = i + 1;
        let mut rest = s[end..].chars();
        let mut after = rest.next();
        while let Some(c @ ('”' | '"' | '’' | '\'' | ')')) = after {
            end += c.len_utf8();
            after = rest.next();
        }
        let Some(after) = after else {
            continue;
        };
        let splits = after.is_whitespace() || {
            let prev_lower = s[..i].chars().next_back().is_some_and(char::is_lowercase);
            after.is_uppercase() && prev_lower && mark == b'.'
        };
        // An abbreviation's period ends no sentence; asked only where one would end.
        if splits && !(mark == b'.' && is_abbreviation(&s[start..i])) {
            push_trimmed(s, base, start, end, &mut out);
            start = end;
        }
    }
    push_trimmed(s, base, start, s.len(), &mut out);
    out
}

/// Whether the word ending a stretch before a period is an abbreviation ("U.S", "Oct", "Mr").
fn is_abbreviation(before: &str) -> bool {
    const ABBREVIATIONS: Words = Words::new(&[
        "mr", "mrs", "ms", "dr", "st", "gen", "gov", "sen", "rep", "jan", "feb", "mar", "apr",
        "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "lt", "col", "capt",
    ]);
    // Only the last few bytes: a paragraph of dots with no space would otherwise be rescanned
    // from its start at every dot.
    const MAX_WORD_BYTES: usize = 16;
    let mut from = before.len().saturating_sub(MAX_WORD_BYTES);
    while !before.is_char_boundary(from) {
        from += 1;
    }
    let word = before[from..]
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("");
    let word = word.trim_start_matches(|c: char| !chars::is_alphanumeric(c));
    word.contains('.')
        || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
        || ABBREVIATIONS.has(word)
}

fn push_trimmed(s: &str, base: usize, start: usize, end: usize, out: &mut Vec<Span>) {
    let piece = &s[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        out.push(Span::new(
            base + start + lead,
            base + start + lead + trimmed.len(),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_split_where_glued() {
        let text = "It ends here.Next one starts. U.S. officials said so.";
        let spans = sentence_spans(text, Span::new(0, text.len()));
        let got: Vec<&str> = spans.iter().map(|s| s.of(text)).collect();
        assert_eq!(
            got,
            [
                "It ends here.",
                "Next one starts.",
                "U.S. officials said so."
            ]
        );
    }
}
