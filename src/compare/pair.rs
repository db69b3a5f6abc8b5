//! Two articles compared: [`compare_with`] and what it reports ([`Comparison`]).

use super::distinctive::{self, Distinctive};
use super::entities::{self, SharedEntity};
use super::inherited::Reused;
use super::quotes::{self, QuoteComparison, SharedSource};
use super::reuse::{self, Passage, Words};
use crate::analysis::{analyze_with, Analysis, AnalyzeOptions};
use crate::error::Error;
use crate::parallel;
use crate::text::span::{Loc, Span};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// B is wholly derived from A when at least this share of its words is in passages reused from
/// A. METER (Gaizauskas et al. 2001) calls a story wholly derived when the agency copy is its only
/// source; the new text such a story adds (a standfirst, a linking sentence) stays well under half.
pub const WHOLLY_DERIVED_SHARE: f64 = 0.5;

/// B is partly derived from A when at least this share of its words is reused: more than a
/// shared quotation or two, which independent stories have in common too.
pub const PARTLY_DERIVED_SHARE: f64 = 0.1;

/// What a comparison may be tuned with. From JS: `{ minMatchWords: 8, distinctiveSkipsReused:
/// true, restoreA: [], restoreB: [] }`, every field optional.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CompareOptions {
    /// The shortest passage, in matched words, that counts as reuse. Shorter repeats are set
    /// phrases ("the Kremlin said on Friday") that independent stories share.
    pub min_match_words: usize,
    /// Whether distinctive words leave out reused text, so that they describe what each outlet
    /// wrote itself.
    pub distinctive_skips_reused: bool,
    /// Removed passages of A the reader has put back into the story, as
    /// [`AnalyzeOptions::restore`]. Only [`compare_with`] reads it: many articles have no A.
    pub restore_a: Vec<Span>,
    /// As `restore_a`, for B.
    pub restore_b: Vec<Span>,
}

impl Default for CompareOptions {
    fn default() -> CompareOptions {
        CompareOptions {
            min_match_words: 8,
            distinctive_skips_reused: true,
            restore_a: Vec::new(),
            restore_b: Vec::new(),
        }
    }
}

/// The settings a comparison was made with, as reported beside its results.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Settings {
    /// See [`CompareOptions::min_match_words`].
    pub min_match_words: usize,
    /// See [`CompareOptions::distinctive_skips_reused`].
    pub distinctive_skips_reused: bool,
}

impl Settings {
    /// The settings `options` amount to: a minimum passage of at least one word.
    pub fn of(options: &CompareOptions) -> Settings {
        Settings {
            min_match_words: options.min_match_words.max(1),
            distinctive_skips_reused: options.distinctive_skips_reused,
        }
    }
}

/// How much of B derives from A, on the METER corpus's scale (Gaizauskas et al. 2001, Clough et
/// al. 2002).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// B is A's text, lightly edited: at least [`WHOLLY_DERIVED_SHARE`] of B is reused.
    Wholly,
    /// B reuses A's text beside its own: at least [`PARTLY_DERIVED_SHARE`].
    Partly,
    /// B is written independently of A.
    Not,
}

impl Verdict {
    /// The verdict for a reused share of B.
    pub fn of_share(share_b: f64) -> Verdict {
        if share_b >= WHOLLY_DERIVED_SHARE {
            Verdict::Wholly
        } else if share_b >= PARTLY_DERIVED_SHARE {
            Verdict::Partly
        } else {
            Verdict::Not
        }
    }

    /// The METER label: "wholly derived", "partly derived" or "not derived".
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Wholly => "wholly derived",
            Verdict::Partly => "partly derived",
            Verdict::Not => "not derived",
        }
    }
}

/// One passage of A that B repeats.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AlignedPassage {
    /// Where it is in A.
    pub a: Loc,
    /// Where it is in B.
    pub b: Loc,
    /// Words matched exactly, in order, on both sides.
    pub words: usize,
    /// 0..1: 1 for a verbatim copy, less for an edited one (Dice coefficient of matched words).
    pub similarity: f64,
    /// The stretches matched word for word, in order: the passage less the words either side
    /// changed, inserted or dropped. Text outside them is the outlet's own.
    pub pieces: Vec<Piece>,
}

/// A stretch matched word for word.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Piece {
    /// Where it is in A.
    pub a: Loc,
    /// Where it is in B.
    pub b: Loc,
}

/// The comparison of article A with article B.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Comparison {
    /// Article A, analysed.
    pub a: Analysis,
    /// Article B, analysed.
    pub b: Analysis,
    /// The settings used.
    pub settings: Settings,
    /// Passages B reuses from A, in A order.
    pub passages: Vec<AlignedPassage>,
    /// Share of A's words inside passages, 0..1.
    pub reused_share_a: f64,
    /// Share of B's words inside passages, 0..1.
    pub reused_share_b: f64,
    /// How much of B derives from A.
    pub verdict: Verdict,
    /// Entities of both articles, merged by name and alias, most mentioned overall first.
    pub entities: Vec<SharedEntity>,
    /// Quotations: shared (same words, whoever they are attributed to) and each side's own.
    pub quotes: QuoteComparison,
    /// Sources each article cites, merged by name.
    pub sources: Vec<SharedSource>,
    /// Words and phrases each outlet uses far more than the other.
    pub distinctive: Distinctive,
}

/// Compares two articles with the default options.
///
/// # Errors
/// As [`crate::analyze`], for either article.
pub fn compare(a: &str, b: &str) -> Result<Comparison, Error> {
    compare_with(a, b, CompareOptions::default())
}

/// Compares two articles.
///
/// # Errors
/// As [`crate::analyze`], for either article.
pub fn compare_with(a: &str, b: &str, options: CompareOptions) -> Result<Comparison, Error> {
    let restore = |spans: &Vec<Span>| AnalyzeOptions {
        restore: spans.clone(),
    };
    let prepare = |text, spans| {
        analyze_with(text, &restore(spans)).map(|analysis| Prepared::new(text, analysis))
    };
    // Analysis is most of the time, and the two articles are independent.
    let (pa, pb) = parallel::join(
        || prepare(a, &options.restore_a),
        || prepare(b, &options.restore_b),
    );
    Ok(compare_analyses(pa?, pb?, options))
}

/// One article ready for comparison: its analysis, the text its spans index, and its words.
pub(crate) struct Prepared<'t> {
    pub text: Cow<'t, str>,
    pub analysis: Analysis,
    pub words: Words,
}

impl<'t> Prepared<'t> {
    /// `input` is what was analysed. Spans index the analysed text: the input itself for plain
    /// text, the extracted text for HTML.
    pub fn new(input: &'t str, analysis: Analysis) -> Prepared<'t> {
        let text = match &analysis.text {
            Some(extracted) => Cow::Owned(extracted.clone()),
            None => Cow::Borrowed(input),
        };
        let words = Words::of(&text, analysis.paragraph_spans());
        Prepared {
            text,
            analysis,
            words,
        }
    }
}

/// Compares two analysed articles.
pub(crate) fn compare_analyses(a: Prepared, b: Prepared, options: CompareOptions) -> Comparison {
    let settings = Settings::of(&options);
    let passages = reuse::align(&a.words, &b.words, settings.min_match_words);
    let reused = Reused::new(&passages);
    let reused_share_a = reuse::share(&a.words, passages.iter().map(|p| p.a_words.clone()));
    let reused_share_b = reuse::share(&b.words, passages.iter().map(|p| p.b_words.clone()));

    let entities = entities::side_by_side(&a.analysis, &b.analysis, &reused);
    let quotes = quotes::compare_quotes(
        &quotes::quote_refs(&a.analysis),
        &quotes::quote_refs(&b.analysis),
        &reused,
    );
    let sources = quotes::compare_sources(
        &quotes::source_refs(&a.analysis),
        &quotes::source_refs(&b.analysis),
        &reused,
    );
    let skip = settings.distinctive_skips_reused;
    let runs_a = distinctive::runs(&a.text, &a.words, |w| skip && reused.in_a(w));
    let runs_b = distinctive::runs(&b.text, &b.words, |w| skip && reused.in_b(w));

    Comparison {
        settings,
        passages: passages.iter().map(AlignedPassage::from).collect(),
        reused_share_a,
        reused_share_b,
        verdict: Verdict::of_share(reused_share_b),
        entities,
        quotes,
        sources,
        distinctive: distinctive::distinctive(&runs_a, &runs_b),
        a: a.analysis,
        b: b.analysis,
    }
}

impl From<&Passage> for AlignedPassage {
    fn from(p: &Passage) -> AlignedPassage {
        AlignedPassage {
            a: p.a.into(),
            b: p.b.into(),
            words: p.matched,
            similarity: p.similarity(),
            pieces: p
                .pieces
                .iter()
                .map(|&(a, b)| Piece {
                    a: a.into(),
                    b: b.into(),
                })
                .collect(),
        }
    }
}

impl Comparison {
    /// Every span into A (A's analysis, passages' A side, A's quotes), for the UTF-16 pass with
    /// A's text.
    pub fn locs_mut_a(&mut self) -> Vec<&mut Loc> {
        let mut locs = self.a.locs_mut();
        for p in &mut self.passages {
            locs.push(&mut p.a);
            locs.extend(p.pieces.iter_mut().map(|x| &mut x.a));
        }
        locs.extend(self.quotes.locs_mut_a());
        locs
    }

    /// Every span into B, for the UTF-16 pass with B's text.
    pub fn locs_mut_b(&mut self) -> Vec<&mut Loc> {
        let mut locs = self.b.locs_mut();
        for p in &mut self.passages {
            locs.push(&mut p.b);
            locs.extend(p.pieces.iter_mut().map(|x| &mut x.b));
        }
        locs.extend(self.quotes.locs_mut_b());
        locs
    }

    /// The reused text of both articles (the passages' pieces), for marking any span of A or B
    /// as inherited or added: `c.reused().in_b(quote_span)`.
    pub fn reused(&self) -> Reused {
        let pieces: Vec<_> = self
            .passages
            .iter()
            .flat_map(|p| p.pieces.iter().map(|x| (x.a.span(), x.b.span())))
            .collect();
        Reused::from_spans(&pieces)
    }

    /// Entities B names and A does not: what B added.
    pub fn added_by_b(&self) -> impl Iterator<Item = &SharedEntity> {
        self.entities
            .iter()
            .filter(|e| e.count_a == 0 && e.count_b > 0)
    }

    /// Entities A names and B does not: what B dropped.
    pub fn dropped_by_b(&self) -> impl Iterator<Item = &SharedEntity> {
        self.entities
            .iter()
            .filter(|e| e.count_a > 0 && e.count_b == 0)
    }
}
