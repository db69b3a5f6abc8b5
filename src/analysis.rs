//! One article, analysed: the stages run in order, text → article → segments → mentions →
//! entities.

use crate::attribution::quotes::{self, Quote};
use crate::attribution::sources::{self, Source};
use crate::entities::{self, Entity};
use crate::error::Error;
use crate::ner;
use crate::parallel;
use crate::read::article::{self, Input};
use crate::read::meta::Meta;
use crate::text::chars;
use crate::text::segment;
use crate::text::span::{serialize_with_loc, Holding, Loc, Span};
use serde::{Deserialize, Serialize};

/// Largest input analysed at once, in bytes: 10 MiB. Ten megabytes is a thousand long articles:
/// anything larger is not one story, and refusing it keeps the page responsive.
pub const MAX_INPUT_BYTES: usize = 10 << 20;

/// Everything Parallax finds in one article. Spans are UTF-8 byte offsets into the input exactly
/// as given, or, for HTML input, into [`Analysis::text`].
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Analysis {
    /// Whether the input was plain text or HTML.
    pub input: Input,
    /// For HTML input only: the extracted article text, which all spans index.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Headline, byline, date, dateline, credits, outlet.
    pub meta: Meta,
    /// What is not story (boilerplate and metadata lines), with the reason, in text order.
    pub removed: Vec<Removed>,
    /// The story's paragraphs, boilerplate left out.
    pub paragraphs: Vec<Loc>,
    /// Number of sentences in the article.
    pub sentence_count: usize,
    /// Number of words (tokens that contain a letter or digit).
    pub word_count: usize,
    /// People, organisations, places and other names, most mentioned first.
    pub entities: Vec<Entity>,
    /// Direct quotes with their speakers, in text order.
    pub quotes: Vec<Quote>,
    /// News agencies and outlets the article cites, most cited first.
    pub sources: Vec<Source>,
}

/// A stretch of the text that is not story.
#[derive(Clone, Debug, PartialEq)]
pub struct Removed {
    /// Where it is.
    pub loc: Loc,
    /// Why: "donation appeal", "share prompt", "advertisement", "dateline", "credits", ...
    pub reason: String,
    /// The text removed.
    pub text: String,
}

serialize_with_loc!(Removed {
    loc: [loc],
    reason: ["reason"],
    text: ["text"]
});

/// The clean article text of `input` (plain text or HTML): the body's paragraphs, blank lines
/// between, without the headline (see [`extract_article`] for it) and without boilerplate and
/// metadata lines.
///
/// # Errors
/// [`Error::TooLarge`] as for [`analyze`].
pub fn extract(input: &str) -> Result<String, Error> {
    check_size(input)?;
    Ok(article::read(input).body())
}

/// An article as extracted: the body [`extract`] gives, with the headline and the rest of the
/// metadata beside it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Extracted {
    /// The headline, if the input has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub headline: Option<String>,
    /// The body text, paragraphs separated by blank lines.
    pub text: String,
    /// Byline, date, dateline, credits, outlet.
    pub meta: Meta,
}

/// The body of `input` with its headline and metadata.
///
/// # Errors
/// [`Error::TooLarge`] as for [`analyze`].
pub fn extract_article(input: &str) -> Result<Extracted, Error> {
    check_size(input)?;
    let article = article::read(input);
    Ok(Extracted {
        headline: article.meta.headline.clone(),
        text: article.body(),
        meta: article.meta,
    })
}

pub(crate) fn check_size(input: &str) -> Result<(), Error> {
    if input.len() > MAX_INPUT_BYTES {
        return Err(Error::TooLarge {
            bytes: input.len(),
            limit: MAX_INPUT_BYTES,
        });
    }
    Ok(())
}

/// How an article is analysed. From JS: `{ restore: [{ start, end }] }`, every field optional.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AnalyzeOptions {
    /// Spans the reader has put back into the story: every removed passage lying within one is
    /// analysed as story and no longer reported in [`Analysis::removed`]. Byte offsets into the
    /// text the analysis indexes, as [`Removed`] gives them; spans that hold no removed passage
    /// are ignored.
    pub restore: Vec<Span>,
}

/// Analyses one article.
///
/// # Errors
/// [`Error::TooLarge`] when `input` is over [`MAX_INPUT_BYTES`]. Any other input, however odd,
/// gives an analysis.
pub fn analyze(input: &str) -> Result<Analysis, Error> {
    analyze_with(input, &AnalyzeOptions::default())
}

/// Analyses several articles, natively on several threads (see `PARALLAX_THREADS` in the
/// README), each as [`analyze`] would; results in input order.
///
/// Natively, an article whose analysis panics (a bug) gets [`Error::Internal`] and the others
/// their analyses: one bad article of a batch must not lose the rest. In the wasm a panic
/// aborts, as it does everywhere there.
pub fn analyze_many<S: AsRef<str> + Sync>(texts: &[S]) -> Vec<Result<Analysis, Error>> {
    parallel::map(texts, |text| caught(|| analyze(text.as_ref())))
}

/// `f()`, or [`Error::Internal`] with the panic's message if it panics.
fn caught<R>(f: impl FnOnce() -> Result<R, Error>) -> Result<R, Error> {
    // Unwind safety: a panicking analysis leaves nothing behind that others share; its
    // half-built state is dropped with it.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).unwrap_or_else(|panic| {
        let message = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic without a message".to_string());
        Err(Error::Internal { message })
    })
}

/// Analyses one article with `options`.
///
/// # Errors
/// As [`analyze`].
pub fn analyze_with(input: &str, options: &AnalyzeOptions) -> Result<Analysis, Error> {
    // A closure that does nothing is inlined away: the product's path is the staged one, at no
    // cost, so the stages `make bench` times are the very code that runs.
    analyze_staged(input, options, |_| {})
}

/// The stages of [`analyze_with`], in the order they run.
#[doc(hidden)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Plain text or HTML to the article: text, paragraphs, metadata, boilerplate removed.
    Reading,
    /// Tokens and sentences, and the word and sentence counts.
    Tokenising,
    /// The entity tagger over every sentence, and its labels read as mentions.
    Tagging,
    /// Mentions grouped into entities.
    Entities,
    /// News agencies and outlets cited.
    Sources,
    /// Direct quotes and their speakers.
    Quotes,
    /// The [`Analysis`] put together (removed passages copied out, metadata cloned).
    Output,
}

impl Stage {
    /// Every stage, in order.
    pub const ALL: [Stage; 7] = [
        Stage::Reading,
        Stage::Tokenising,
        Stage::Tagging,
        Stage::Entities,
        Stage::Sources,
        Stage::Quotes,
        Stage::Output,
    ];

    /// Its name, lower case.
    pub fn name(self) -> &'static str {
        match self {
            Stage::Reading => "reading",
            Stage::Tokenising => "tokenising",
            Stage::Tagging => "tagging",
            Stage::Entities => "entities",
            Stage::Sources => "sources",
            Stage::Quotes => "quotes",
            Stage::Output => "output",
        }
    }
}

/// [`analyze_with`], calling `stage_done` as each [`Stage`] ends: for the per-stage timing of
/// `make bench` (benches/analyze.rs), which reads a clock there. Not part of the API.
///
/// # Errors
/// As [`analyze`]; `stage_done` is then not called.
#[doc(hidden)]
pub fn analyze_staged(
    input: &str,
    options: &AnalyzeOptions,
    mut stage_done: impl FnMut(Stage),
) -> Result<Analysis, Error> {
    check_size(input)?;
    let article = article::read_restoring(input, &options.restore);
    stage_done(Stage::Reading);
    let text = article.text.as_str();
    // Names are read in the story and in photo captions, which name who is pictured; words and
    // sentences are the story's alone.
    let (tokens, sentences) = segment::paragraphs(text, &article.name_regions());
    // Tokens come in the text's order: the story's paragraphs are found by a cursor.
    let mut story = Holding::new(&article.paragraphs);
    let word_count = tokens
        .iter()
        .filter(|t| {
            story.get(t.span.start).is_some() && t.span.of(text).chars().any(chars::is_alphanumeric)
        })
        .count();
    let mut story = Holding::new(&article.paragraphs);
    let sentence_count = sentences
        .iter()
        .filter(|s| {
            tokens
                .get(s.tokens.start)
                .is_some_and(|t| story.get(t.span.start).is_some())
        })
        .count();
    stage_done(Stage::Tokenising);
    let mentions = ner::recognize(text, &tokens, &sentences);
    // Later stages read the text, not its tokens.
    drop((tokens, sentences));
    stage_done(Stage::Tagging);
    let entities = entities::group(text, mentions);
    stage_done(Stage::Entities);
    let sources = sources::find(text, &article.paragraphs, &entities);
    stage_done(Stage::Sources);
    let quotes = quotes::find(text, &article.paragraphs, &entities, &sources);
    stage_done(Stage::Quotes);
    let removed = article
        .removed
        .iter()
        .map(|c| Removed {
            loc: c.span.into(),
            reason: c.reason.to_string(),
            text: c.span.of(text).to_string(),
        })
        .collect();
    // The article's metadata and, for HTML, its text move into the analysis, not copied.
    let analysis = Analysis {
        input: article.input,
        removed,
        paragraphs: article.paragraphs.iter().map(|&p| Loc::from(p)).collect(),
        sentence_count,
        word_count,
        entities,
        quotes,
        sources,
        meta: article.meta,
        text: (article.input == Input::Html).then_some(article.text),
    };
    stage_done(Stage::Output);
    Ok(analysis)
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
        locs.extend(self.meta.headline_span.as_mut());
        locs.extend(self.meta.dateline.as_mut().map(|d| &mut d.loc));
        locs.extend(self.removed.iter_mut().map(|r| &mut r.loc));
        locs.extend(self.quotes.iter_mut().map(|q| &mut q.loc));
        locs.extend(
            self.sources
                .iter_mut()
                .flat_map(|s| s.mentions.iter_mut().map(|m| &mut m.loc)),
        );
        locs
    }

    /// The text the spans index: [`Analysis::text`] for HTML input, else `input` itself.
    pub fn indexed_text<'a>(&'a self, input: &'a str) -> &'a str {
        self.text.as_deref().unwrap_or(input)
    }

    /// The byte spans of the paragraphs.
    pub fn paragraph_spans(&self) -> impl Iterator<Item = Span> + '_ {
        self.paragraphs.iter().map(Loc::span)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One article's panic used to lose the whole batch of `analyze --jsonl` lines around it.
    #[test]
    fn a_panic_in_one_article_is_caught_and_the_batch_goes_on() {
        let items: Vec<usize> = (0..20).collect();
        let results = parallel::map(&items, |&i| {
            caught(|| {
                if i == 5 {
                    panic!("article {i} broke");
                }
                Ok(i)
            })
        });
        for (i, r) in results.iter().enumerate() {
            match r {
                Err(Error::Internal { message }) => {
                    assert_eq!(i, 5);
                    assert_eq!(message, "article 5 broke");
                    let shown = r.as_ref().unwrap_err().to_string();
                    assert!(
                        shown.contains("article 5 broke") && shown.contains("bug"),
                        "{shown}"
                    );
                }
                Ok(j) => assert_eq!(*j, i, "in input order"),
                Err(e) => panic!("{e}"),
            }
        }
        // A literal message is a `&str` payload, a formatted one a `String`: both are kept.
        let literal = caught::<()>(|| panic!("plain"));
        assert_eq!(
            literal,
            Err(Error::Internal {
                message: "plain".into()
            })
        );
    }
}
