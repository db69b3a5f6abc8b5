//! Named-entity recognition: finds the people, organisations, places and other names in
//! tokenised sentences.
//!
//! A statistical tagger (`tagger/`: BILOU labels, hashed features, beam decoding with a
//! document-level second pass, after Ratinov & Roth 2009) with weights trained on CoNLL-2003
//! English (Reuters news, 1996) by `parallax train` (`eval/train.rs`) and embedded in the binary
//! (`model.rs` reads `data/ner/model.bin`), plus gazetteer features (`gazetteer.rs`, from
//! `data/ner/gazetteer.txt`) and word classes (`wordclass.rs`, from `data/ner/wordclasses.txt`),
//! together the `lexicon`, matched on the normalised word forms of `norm.rs`. `mention.rs` is
//! what the stage hands on: a span and a kind. Runs after reading; may use `text` only.

pub(crate) mod gazetteer;
pub(crate) mod lexicon;
pub mod mention;
pub(crate) mod model;
mod norm;
pub(crate) mod tagger;
pub(crate) mod wordclass;

use crate::text::segment::{Sentence, Token};
use crate::text::span::Span;
use lexicon::Lexicon;
use mention::{Kind, Mention};
use model::Model;
use std::ops::Range;
use std::sync::OnceLock;
use tagger::Doc;

const MODEL: &[u8] = include_bytes!("../../data/ner/model.bin");

/// The embedded model and lists, read once. `None` only if the embedded model is damaged,
/// which the tests rule out; the recognizer then finds nothing rather than failing.
pub(crate) fn embedded() -> Option<&'static (Model, Lexicon)> {
    static CELL: OnceLock<Option<(Model, Lexicon)>> = OnceLock::new();
    CELL.get_or_init(|| {
        let model = Model::read(MODEL).ok()?;
        Some((model, Lexicon::embedded()))
    })
    .as_ref()
}

/// BILOU label indices (see `tagger/labels.rs`) for a document's words, split into sentences
/// given as token ranges, with how sure the tagger is of each (see [`tagger::Scored`]).
fn tag_words(words: &[&str], sentences: &[Range<usize>]) -> tagger::Scored {
    match embedded() {
        Some((model, lex)) => tagger::tag_scored(&Doc::new(words, sentences, lex), model),
        None => tagger::Scored {
            labels: vec![0; words.len()],
            margins: vec![0.0; words.len()],
            second: vec![0; words.len()],
        },
    }
}

/// Most tokens the tagger takes as one document. Its second pass reads what the first said of
/// the same word elsewhere in the document, and its tables take about 300 bytes a token: a
/// long article has 2,000-10,000 tokens, so any article is one document, while a longer text (a
/// corpus pasted whole, 8 MB of one-letter words) is tagged in blocks of whole sentences of up
/// to this many tokens, and the tagger's memory stays at about 10 MB whatever the input.
const MAX_DOCUMENT_TOKENS: usize = 1 << 15;

/// Finds the names in `sentences`, treating the text as one document (in blocks beyond
/// [`MAX_DOCUMENT_TOKENS`]).
pub fn recognize(text: &str, tokens: &[Token], sentences: &[Sentence]) -> Vec<Mention> {
    let mut mentions = Vec::new();
    let mut block: Vec<Range<usize>> = Vec::new();
    let mut tag_block = |block: &mut Vec<Range<usize>>| {
        let (Some(first), Some(last)) = (block.first(), block.last()) else {
            return;
        };
        let offset = first.start;
        if let Some(block_tokens) = tokens.get(offset..last.end) {
            let words: Vec<&str> = block_tokens.iter().map(|t| t.span.of(text)).collect();
            for s in block.iter_mut() {
                *s = s.start - offset..s.end - offset;
            }
            mentions.extend(read_mentions(block_tokens, &tag_words(&words, block)));
        }
        block.clear();
    };
    let mut held = 0;
    for s in sentences {
        // A sentence longer than a block (never one in prose) is cut into pieces of one block.
        let mut start = s.tokens.start;
        while start < s.tokens.end {
            let piece = start..s.tokens.end.min(start + MAX_DOCUMENT_TOKENS);
            start = piece.end;
            if held + piece.len() > MAX_DOCUMENT_TOKENS {
                tag_block(&mut block);
                held = 0;
            }
            held += piece.len();
            block.push(piece);
        }
    }
    tag_block(&mut block);
    mentions
}

/// The mentions that the labels of `scored` give over `tokens`.
fn read_mentions(tokens: &[Token], scored: &tagger::Scored) -> Vec<Mention> {
    tagger::spans(&scored.labels)
        .into_iter()
        .filter_map(|(r, kind)| {
            let (first, last) = (tokens.get(r.start)?, tokens.get(r.end.checked_sub(1)?)?);
            let confidence = scored
                .margins
                .get(r.clone())?
                .iter()
                .fold(f32::INFINITY, |m, &x| m.min(x));
            let second = scored
                .second
                .get(r.start)
                .and_then(|&k| Kind::ALL.get(usize::from(k).checked_sub(1)?))
                .copied();
            Some(Mention {
                span: Span {
                    start: first.span.start,
                    end: last.span.end,
                },
                kind,
                confidence,
                second,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::mention::Kind;
    use crate::text::segment;

    fn names(text: &str) -> Vec<(&str, Kind)> {
        let tokens = segment::tokenize(text, Span::new(0, text.len()));
        let sentences = segment::sentences(text, &tokens);
        recognize(text, &tokens, &sentences)
            .into_iter()
            .map(|m| (m.span.of(text), m.kind))
            .collect()
    }

    #[test]
    fn embedded_model_loads() {
        let (model, _) = embedded().expect("embedded model reads");
        assert!(model.len() > 10_000, "{} features", model.len());
    }

    #[test]
    fn finds_people_places_organisations() {
        let got = names(
            "Russian President Vladimir Putin met Iranian President Masoud Pezeshkian in \
             Ashgabat on Friday, the TASS news agency reported.",
        );
        assert!(got.contains(&("Vladimir Putin", Kind::Per)), "{got:?}");
        assert!(got.contains(&("Masoud Pezeshkian", Kind::Per)), "{got:?}");
        assert!(got.contains(&("Ashgabat", Kind::Loc)), "{got:?}");
        assert!(got.contains(&("TASS", Kind::Org)), "{got:?}");
        assert!(got.contains(&("Russian", Kind::Misc)), "{got:?}");
    }

    /// A text of several blocks (see `MAX_DOCUMENT_TOKENS`) loses no sentence at a block's edge,
    /// and a sentence longer than a block is tagged in pieces: memory stays bounded either way.
    #[test]
    fn a_text_longer_than_one_document_is_tagged_in_blocks() {
        let sentence = "Vladimir Putin met Recep Tayyip Erdogan in Ankara on Friday. ";
        let copies = 3 * MAX_DOCUMENT_TOKENS / 12 + 7;
        let mut text = sentence.repeat(copies);
        // One "sentence" of more than a block's tokens, with a name at its end.
        text.push_str(&"and ".repeat(MAX_DOCUMENT_TOKENS + 5));
        text.push_str("Erdogan spoke.");
        let got = names(&text);
        let count = |name: &str| got.iter().filter(|(n, _)| *n == name).count();
        assert_eq!(count("Vladimir Putin"), copies);
        assert_eq!(count("Ankara"), copies);
        assert_eq!(count("Erdogan"), 1, "the name after a block-long run");
    }

    #[test]
    fn possessive_is_outside_the_name() {
        let got = names("Russia’s Vladimir Putin spoke.");
        assert!(got.contains(&("Russia", Kind::Loc)), "{got:?}");
    }

    /// For arbitrary text (a fixed-seed generator over letters of every case and width, digits,
    /// punctuation, joiners and white space): no panic, and every name lies on char boundaries.
    #[test]
    fn random_text_gives_names_on_char_boundaries() {
        const ALPHABET: &[&str] = &[
            "A", "b", "É", "ß", "Putin", "MOSCOW", "’s", "'s", "-", "–", ".", ",", "U.S.", " ",
            " ", "\n", "\n\n", "(", ")", "“", "”", "1", "2024", "👋", "\u{0}", "\u{FFFD}", "&",
            "Ashgabat", "said", "of", "İ", "ǅ",
        ];
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        for _ in 0..300 {
            let mut text = String::new();
            for _ in 0..(state % 60) {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                text.push_str(ALPHABET[(state % ALPHABET.len() as u64) as usize]);
            }
            let tokens = segment::tokenize(&text, Span::new(0, text.len()));
            let sentences = segment::sentences(&text, &tokens);
            for m in recognize(&text, &tokens, &sentences) {
                assert!(m.span.start < m.span.end, "{text:?}");
                assert!(text.is_char_boundary(m.span.start as usize), "{text:?}");
                assert!(text.is_char_boundary(m.span.end as usize), "{text:?}");
            }
        }
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in ["", " ", "\u{FFFD}\u{0}", "👋", "A", "...", "'s", "ÉÉÉ É"] {
            let _ = names(text);
        }
    }
}
