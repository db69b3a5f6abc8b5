//! One article, analysed: the stages run in order, text → article → segments → mentions →
//! entities.

use crate::article;
use crate::entities::{self, Entity};
use crate::error::Error;
use crate::ner;
use crate::segment;
use crate::span::{Loc, Span};
use serde::Serialize;

/// Largest input analysed at once. Ten megabytes is a thousand long articles: anything larger
/// is not one story, and refusing it keeps the page responsive.
pub const MAX_INPUT_BYTES: usize = 10 << 20;

/// Everything Parallax finds in one article. Spans are UTF-8 byte offsets into the input exactly
/// as given.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Analysis {
    /// The article's paragraphs.
    pub paragraphs: Vec<Loc>,
    /// Number of sentences in the article.
    pub sentence_count: usize,
    /// Number of words (tokens that contain a letter or digit).
    pub word_count: usize,
    /// People, organisations, places and other names, most mentioned first.
    pub entities: Vec<Entity>,
}

/// The clean article text of `input` (plain text or HTML): the headline, then the story's
/// paragraphs, blank lines between, boilerplate and metadata lines left out.
///
/// # Errors
/// [`Error::TooLarge`] as for [`analyze`].
pub fn extract(input: &str) -> Result<String, Error> {
    check_size(input)?;
    Ok(article::read(input).clean_text())
}

fn check_size(input: &str) -> Result<(), Error> {
    if input.len() > MAX_INPUT_BYTES {
        return Err(Error::TooLarge {
            bytes: input.len(),
            limit: MAX_INPUT_BYTES,
        });
    }
    Ok(())
}

/// Analyses one article.
///
/// # Errors
/// [`Error::TooLarge`] when `input` is over [`MAX_INPUT_BYTES`]. Any other input, however odd,
/// gives an analysis.
pub fn analyze(input: &str) -> Result<Analysis, Error> {
    check_size(input)?;
    let article = article::read(input);
    let text = article.text.as_str();
    let mut tokens = Vec::new();
    let mut sentences = Vec::new();
    for &paragraph in &article.paragraphs {
        let para_tokens = segment::tokenize(text, paragraph);
        let offset = tokens.len();
        sentences.extend(
            segment::sentences(text, &para_tokens)
                .into_iter()
                .map(|mut s| {
                    s.tokens = s.tokens.start + offset..s.tokens.end + offset;
                    s
                }),
        );
        tokens.extend(para_tokens);
    }
    let word_count = tokens
        .iter()
        .filter(|t| t.span.of(text).chars().any(char::is_alphanumeric))
        .count();
    let mentions = ner::recognize(text, &tokens, &sentences);
    Ok(Analysis {
        paragraphs: article.paragraphs.iter().map(|&p| Loc::from(p)).collect(),
        sentence_count: sentences.len(),
        word_count,
        entities: entities::group(text, &mentions),
    })
}

impl Analysis {
    /// Every output span, for the UTF-16 pass at the wasm boundary.
    pub fn locs_mut(&mut self) -> Vec<&mut Loc> {
        let mut locs: Vec<&mut Loc> = self.paragraphs.iter_mut().collect();
        locs.extend(
            self.entities
                .iter_mut()
                .flat_map(|e| e.mentions.iter_mut().map(|m| &mut m.loc)),
        );
        locs
    }

    /// The byte spans of the paragraphs.
    pub fn paragraph_spans(&self) -> impl Iterator<Item = Span> + '_ {
        self.paragraphs.iter().map(Loc::span)
    }
}
