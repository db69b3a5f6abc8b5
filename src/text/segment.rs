//! Splitting text into tokens, sentences and paragraphs.
//!
//! Tokens follow the CoNLL-2003 conventions the entity model was trained on: a possessive
//! `'s` is its own token, abbreviations such as `U.S.` and `Oct.` keep their periods, hyphenated
//! words stay whole, other punctuation stands alone. Every token is a [`Span`] into the original
//! text; nothing is copied or normalised here.

use crate::text::chars;
use crate::text::span::Span;
use crate::text::wordlist::Words;

/// One token: a word, number or punctuation mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where the token is in the text.
    pub span: Span,
}

/// A sentence: a run of tokens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// From the first token's start to the last token's end.
    pub span: Span,
    /// The sentence's tokens, as indices into the token list it was split from.
    pub tokens: std::ops::Range<usize>,
}

/// Abbreviations that keep their period (lowercased, without the period). Titles, months,
/// and the usual company and place suffixes of news text.
const ABBREVIATIONS: Words = Words::new(&[
    "mr", "mrs", "ms", "dr", "prof", "gen", "gov", "sen", "rep", "lt", "col", "maj", "capt", "sgt",
    "st", "jr", "sr", "rev", "hon", "pres", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "inc", "corp", "co", "ltd", "plc", "bros", "no", "vs", "etc",
    "approx", "dept", "univ", "ave", "mt", "ft", "fig", "est",
]);

fn is_word_char(c: char) -> bool {
    chars::is_alphanumeric(c) || c == '\u{00AD}'
}

/// The tokens and sentences of `paragraphs` of `text`, in order; a sentence never crosses a
/// paragraph.
pub fn paragraphs(text: &str, paragraphs: &[Span]) -> (Vec<Token>, Vec<Sentence>) {
    // One list for all, a paragraph's tokens added straight to it: on a text of one-letter
    // words the tokens are most of the memory, and a second list per paragraph doubled it.
    let mut tokens = Vec::new();
    let mut all_sentences = Vec::new();
    for &paragraph in paragraphs {
        let offset = tokens.len();
        tokenize_into(text, paragraph, &mut tokens);
        all_sentences.extend(sentences(text, &tokens[offset..]).into_iter().map(|mut s| {
            s.tokens = s.tokens.start + offset..s.tokens.end + offset;
            s
        }));
    }
    (tokens, all_sentences)
}

/// Splits `text[span]` into tokens. Whitespace separates; see the module doc for the rest.
pub fn tokenize(text: &str, span: Span) -> Vec<Token> {
    let mut tokens = Vec::new();
    tokenize_into(text, span, &mut tokens);
    tokens
}

/// [`tokenize`], adding the tokens to `tokens`.
fn tokenize_into(text: &str, span: Span, tokens: &mut Vec<Token>) {
    let base = span.start as usize;
    let slice = span.of(text);
    // `i` is always a char boundary: a char's end, or a word's (`word_end` ends on one).
    let mut i = 0;
    let bytes = slice.as_bytes();
    while let Some(&b) = bytes.get(i) {
        // The space between words, by far the commonest byte that is no token.
        if b == b' ' {
            i += 1;
            continue;
        }
        let c = if b.is_ascii() {
            char::from(b)
        } else {
            let Some(c) = slice[i..].chars().next() else {
                break;
            };
            c
        };
        let len = c.len_utf8();
        if c.is_whitespace() || c.is_control() {
            i += len;
            continue;
        }
        if !is_word_char(c) {
            tokens.push(Token {
                span: Span::new(base + i, base + i + len),
            });
            i += len;
            continue;
        }
        // Reading goes on after the word, not over its chars a second time.
        let end = word_end(slice, i);
        push_word(tokens, slice, base, i, end);
        i = end;
    }
}

/// End of the word starting at `start`: letters and digits, joined by single inner hyphens,
/// apostrophes, periods (`U.S.`, `3.5`), commas between digits (`10,000`) and ampersands
/// between capitals (`AT&T`).
fn word_end(s: &str, start: usize) -> usize {
    let bytes = s.as_bytes();
    let bytes_len = s.len();
    let mut end = start;
    let mut i = start;
    loop {
        // ASCII letters and digits, most of any word, by their bytes.
        while i < bytes_len && bytes[i].is_ascii_alphanumeric() {
            i += 1;
            end = i;
        }
        // The commonest end of a word: a space, or ASCII punctuation that joins nothing (only
        // the joiners matched below continue a word, and no other ASCII char is a word char).
        if bytes
            .get(i)
            .is_some_and(|&b| b.is_ascii() && !matches!(b, b'-' | b'\'' | b'.' | b',' | b'&'))
        {
            break;
        }
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        if is_word_char(c) {
            i += c.len_utf8();
            end = i;
            continue;
        }
        let next = s[i + c.len_utf8()..].chars().next();
        let prev = s[..i].chars().next_back();
        let joins = match c {
            '-' | '\u{2010}' | '\u{2011}' => next.is_some_and(is_word_char),
            '\'' | '\u{2019}' => next.is_some_and(chars::is_alphabetic),
            '.' => {
                // "U.S." and "3.5" keep the period; "difference.Russian" does not.
                let digits = prev.is_some_and(|p| p.is_ascii_digit())
                    && next.is_some_and(|n| n.is_ascii_digit());
                let initials = next.is_some_and(chars::is_alphabetic)
                    && s[start..i].chars().count() == 1
                    || is_initialism(&s[start..i]);
                digits || initials
            }
            ',' => {
                prev.is_some_and(|p| p.is_ascii_digit())
                    && next.is_some_and(|n| n.is_ascii_digit())
                    && s[i + 1..]
                        .chars()
                        .take(3)
                        .filter(char::is_ascii_digit)
                        .count()
                        == 3
            }
            '&' => prev.is_some_and(char::is_uppercase) && next.is_some_and(char::is_uppercase),
            _ => false,
        };
        if !joins {
            break;
        }
        // Consume the joiner; the loop continues with the next char.
        end = i + c.len_utf8();
        i = end;
        if end >= bytes_len {
            break;
        }
    }
    // A trailing joiner is not part of the word, except the period of an initialism ("U.S.").
    let word = &s[start..end];
    if word.ends_with('.') && !is_initialism(word) {
        end -= 1;
    }
    let word = &s[start..end];
    // Take the period of "U.S." or "Oct." when it follows directly.
    if s[end..].starts_with('.') && (is_initialism(&s[start..end + 1]) || is_abbreviation(word)) {
        end += 1;
    }
    end
}

/// "U.S.", "U.N.", "E.U." and the like: single letters each followed by a period.
fn is_initialism(word: &str) -> bool {
    let mut parts = word.split('.');
    let mut letters = 0;
    for part in parts.by_ref() {
        if part.is_empty() {
            break;
        }
        if part.chars().count() != 1 || !part.chars().all(chars::is_alphabetic) {
            return false;
        }
        letters += 1;
    }
    letters >= 1
        && word.ends_with('.')
        && parts.all(str::is_empty)
        && letters * 2 == word.chars().count()
}

fn is_abbreviation(word: &str) -> bool {
    ABBREVIATIONS.has(word) || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
}

/// Pushes a word, splitting off a possessive `'s` (and a bare trailing `'`) as its own token and
/// "n't" the way CoNLL does.
fn push_word(tokens: &mut Vec<Token>, s: &str, base: usize, start: usize, end: usize) {
    let word = &s[start..end];
    let mut split = end;
    // Every suffix split off ends in one of these.
    if !matches!(word.as_bytes().last(), Some(b's' | b'S' | b't')) {
        tokens.push(Token {
            span: Span::new(base + start, base + end),
        });
        return;
    }
    for suffix in ["'s", "\u{2019}s", "'S", "\u{2019}S"] {
        if word.len() > suffix.len() && word.ends_with(suffix) {
            split = end - suffix.len();
        }
    }
    if split == end {
        for suffix in ["n't", "n\u{2019}t"] {
            if word.len() > suffix.len() && word.ends_with(suffix) {
                split = end - suffix.len();
            }
        }
    }
    tokens.push(Token {
        span: Span::new(base + start, base + split),
    });
    if split < end {
        tokens.push(Token {
            span: Span::new(base + split, base + end),
        });
    }
}

/// Splits tokens into sentences. A sentence ends after `.`, `!` or `?` (and any closing quotes
/// or brackets) when the next token starts a new sentence, and at every paragraph break
/// (callers pass one paragraph at a time, or rely on the blank-line check here).
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut first = 0;
    for i in 0..tokens.len() {
        let tok = tokens[i].span.of(text);
        let next = tokens.get(i + 1);
        let ends = match next {
            None => true,
            Some(next) => {
                let gap = &text[tokens[i].span.end as usize..next.span.start as usize];
                let next_text = next.span.of(text);
                let line_break = gap.contains('\n');
                let terminal = matches!(tok, "." | "!" | "?" | "\u{2026}")
                    || (is_closer(tok)
                        && i > first
                        && matches!(tokens[i - 1].span.of(text), "." | "!" | "?"));
                // Most tokens: neither a sentence's end mark nor before a line break.
                if !line_break && !terminal {
                    continue;
                }
                let starts_new = next_text
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                    || is_opener(next_text);
                let closer_follows = is_closer(next_text) && !gap.is_empty() && !line_break;
                (line_break && (terminal || starts_new || gap.matches('\n').count() > 1))
                    || (terminal && starts_new && !closer_follows)
                    || (terminal && line_break)
            }
        };
        if ends {
            let span = Span {
                start: tokens[first].span.start,
                end: tokens[i].span.end,
            };
            out.push(Sentence {
                span,
                tokens: first..i + 1,
            });
            first = i + 1;
        }
    }
    out
}

fn is_closer(tok: &str) -> bool {
    matches!(tok, "\"" | "\u{201D}" | "\u{2019}" | ")" | "]" | "'")
}

fn is_opener(tok: &str) -> bool {
    matches!(tok, "\"" | "\u{201C}" | "\u{2018}" | "(" | "[" | "'")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, Span::new(0, text.len()))
            .iter()
            .map(|t| t.span.of(text))
            .collect()
    }

    #[test]
    fn conll_conventions() {
        assert_eq!(words("Putin’s visit"), ["Putin", "’s", "visit"]);
        assert_eq!(words("the U.S. and EU."), ["the", "U.S.", "and", "EU", "."]);
        assert_eq!(words("on Oct. 22-24,"), ["on", "Oct.", "22-24", ","]);
        assert_eq!(
            words("$10 million (£7.6 million)"),
            ["$", "10", "million", "(", "£", "7.6", "million", ")"]
        );
        assert_eq!(words("10,000 words"), ["10,000", "words"]);
        assert_eq!(
            words("Iran-backed rebels don't"),
            ["Iran-backed", "rebels", "do", "n't"]
        );
        assert_eq!(
            words("difference.Russian president"),
            ["difference", ".", "Russian", "president"]
        );
        assert_eq!(
            words("MOSCOW (Reuters) -Russia"),
            ["MOSCOW", "(", "Reuters", ")", "-", "Russia"]
        );
        assert_eq!(words("“Shahed” drones"), ["“", "Shahed", "”", "drones"]);
    }

    #[test]
    fn spans_survive_emoji() {
        let text = "👋 Reuters said";
        let toks = tokenize(text, Span::new(0, text.len()));
        assert_eq!(toks[1].span, Span::new(5, 12));
    }

    #[test]
    fn sentence_breaks() {
        let text = "Putin met Mr. Pezeshkian in the U.S. on Friday. “It went well,” he said.\nNext line here";
        let toks = tokenize(text, Span::new(0, text.len()));
        let sents: Vec<&str> = sentences(text, &toks)
            .iter()
            .map(|s| s.span.of(text))
            .collect();
        assert_eq!(
            sents,
            [
                "Putin met Mr. Pezeshkian in the U.S. on Friday.",
                "“It went well,” he said.",
                "Next line here"
            ]
        );
    }
}
