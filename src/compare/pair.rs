//! Two articles compared: [`compare_with`] and what it reports ([`Comparison`]).

use super::distinctive::{self, Distinctive};
use super::entities::{self, SharedEntity};
use super::inherited::{Reused, Side};
use super::quotes::{self, QuoteComparison, SharedSource};
use super::reuse::{self, Cover, CoverShares, Passage, PassageKind, Words};
use super::rewritten;
use crate::analysis::{analyze_with, Analysis, AnalyzeOptions};
use crate::error::Error;
use crate::parallel;
use crate::text::span::{Loc, Span};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// B is wholly derived from A when at least this share of its words outside quotations is in
/// exact matches with A: B is A's text, cut and pasted, perhaps shortened. Chosen on graded
/// rewrites (`parallax eval-reuse`, see the README): a lightly edited copy falls under it.
pub const WHOLLY_DERIVED_SHARE: f64 = 0.96;

/// B is partly derived from A when at least this share of its words outside quotations is in
/// passages aligned with A's, verbatim or edited: more than a set phrase or two. METER's
/// threshold for news (Gaizauskas et al. 2001), not tuned.
pub const PARTLY_ALIGNED_SHARE: f64 = 0.1;

/// B is partly derived from A, too, when at least this share of its words outside quotations
/// is reused, rewritten sentences included: two independent texts on one subject restate each
/// other now and then, a rewrite does so throughout. Chosen on graded rewrites as
/// `WHOLLY_DERIVED_SHARE`.
pub const PARTLY_DERIVED_SHARE: f64 = 0.38;

/// The shortest reused passage between articles, in matched words: shorter repeats are set
/// phrases ("the Kremlin said on Friday") that independent stories share.
pub const ARTICLE_MIN_MATCH_WORDS: usize = 8;

/// The shortest reused passage when either text is short (under [`SHORT_TEXT_WORDS`]): a few
/// hundred words hold fewer set phrases, and a rewrite of one keeps shorter runs. Six words
/// measured best on short texts, eight on articles.
pub const SHORT_MIN_MATCH_WORDS: usize = 6;

/// Texts shorter than this, in words, are short: an answer, a summary, a news brief.
pub const SHORT_TEXT_WORDS: usize = 500;

/// What a comparison may be tuned with. From JS: `{ minMatchWords: 8, distinctiveSkipsReused:
/// true, restoreA: [], restoreB: [] }`, every field optional.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CompareOptions {
    /// The shortest passage, in matched words, that counts as reuse; when not given,
    /// [`ARTICLE_MIN_MATCH_WORDS`], or [`SHORT_MIN_MATCH_WORDS`] when a text is short.
    pub min_match_words: Option<usize>,
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
            min_match_words: None,
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
    /// The settings `options` amount to for texts of which the shortest has `shortest` words:
    /// a minimum passage of at least one word.
    pub fn of(options: &CompareOptions, shortest: usize) -> Settings {
        let default = if shortest < SHORT_TEXT_WORDS {
            SHORT_MIN_MATCH_WORDS
        } else {
            ARTICLE_MIN_MATCH_WORDS
        };
        Settings {
            min_match_words: options.min_match_words.unwrap_or(default).max(1),
            distinctive_skips_reused: options.distinctive_skips_reused,
        }
    }
}

/// How much of B derives from A, on the METER corpus's scale (Gaizauskas et al. 2001, Clough et
/// al. 2002).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// B is A's text: at least [`WHOLLY_DERIVED_SHARE`] of B outside quotations is A's words.
    Wholly,
    /// B reuses A's text beside its own, or restates it: at least [`PARTLY_ALIGNED_SHARE`] of
    /// B outside quotations is aligned with A, or [`PARTLY_DERIVED_SHARE`] reused.
    Partly,
    /// B is written independently of A.
    Not,
}

impl Verdict {
    /// The verdict for the shares of B's words outside quotations.
    pub fn of_shares(shares: &CoverShares) -> Verdict {
        Verdict::at(shares, WHOLLY_DERIVED_SHARE, PARTLY_DERIVED_SHARE)
    }

    /// The verdict for the shares of B's words outside quotations, with the given thresholds
    /// (see [`WHOLLY_DERIVED_SHARE`] and [`PARTLY_DERIVED_SHARE`]; [`PARTLY_ALIGNED_SHARE`] is
    /// fixed).
    pub fn at(shares: &CoverShares, wholly: f64, partly: f64) -> Verdict {
        if shares.verbatim >= wholly {
            Verdict::Wholly
        } else if shares.aligned >= PARTLY_ALIGNED_SHARE || shares.reused >= partly {
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
    /// Words matched exactly, in order, on both sides; for a rewritten sentence, the distinct
    /// content words both sentences hold.
    pub words: usize,
    /// Verbatim, edited or rewritten.
    pub kind: PassageKind,
    /// 0..1: 1 for a verbatim copy, less for an edited one (Dice coefficient of matched words);
    /// for a rewritten sentence, the share of its content words found in A's.
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
    /// Passages B reuses from A, in A order: verbatim, edited and rewritten.
    pub passages: Vec<AlignedPassage>,
    /// Share of A's words inside exact matches with B, 0..1.
    pub verbatim_share_a: f64,
    /// Share of B's words inside exact matches with A, 0..1.
    pub verbatim_share_b: f64,
    /// Share of A's words inside passages of any kind, 0..1.
    pub reused_share_a: f64,
    /// Share of B's words inside passages of any kind, 0..1.
    pub reused_share_b: f64,
    /// Share of A's words inside its quotations, 0..1.
    pub quoted_share_a: f64,
    /// Share of B's words inside its quotations, 0..1.
    pub quoted_share_b: f64,
    /// What the verdict rests on: B's words outside quotations, their shares in exact matches
    /// and in passages of any kind.
    pub unquoted_b: UnquotedShares,
    /// How much of B derives from A.
    pub verdict: Verdict,
    /// The sentences of each side that have no counterpart in the other: in no passage.
    pub sentences: OneSided,
    /// Entities of both articles, merged by name and alias, most mentioned overall first.
    pub entities: Vec<SharedEntity>,
    /// Quotations: shared (same words, whoever they are attributed to) and each side's own.
    pub quotes: QuoteComparison,
    /// Sources each article cites, merged by name.
    pub sources: Vec<SharedSource>,
    /// Words and phrases each outlet uses far more than the other.
    pub distinctive: Distinctive,
}

/// B's words outside its quotations, what the verdict rests on: quoting the same person is not
/// copying each other.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UnquotedShares {
    /// How many there are.
    pub words: usize,
    /// Their share in exact matches with A, 0..1.
    pub verbatim_share: f64,
    /// Their share in aligned passages, verbatim or edited, 0..1.
    pub aligned_share: f64,
    /// Their share in passages of any kind, rewritten sentences included, 0..1.
    pub reused_share: f64,
}

impl UnquotedShares {
    /// The shares as the verdict takes them.
    pub fn shares(&self) -> CoverShares {
        CoverShares {
            verbatim: self.verbatim_share,
            aligned: self.aligned_share,
            reused: self.reused_share,
        }
    }
}

/// Sentences one side has alone: what B added (`only_b`) and what it dropped (`only_a`).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OneSided {
    /// A's sentences with no word in a passage.
    pub only_a: Vec<Loc>,
    /// B's sentences with no word in a passage.
    pub only_b: Vec<Loc>,
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
    let settings = Settings::of(&options, a.words.len().min(b.words.len()));
    let passages = rewritten::passages(&a.words, &b.words, settings.min_match_words);
    // Reused stretches are the aligned pieces: a rewritten sentence shares no wording, so
    // nothing in it is inherited.
    let reused = Reused::new(&passages);
    let (share_a, share_b) = (
        Shares::of(&a, &passages, Side::A),
        Shares::of(&b, &passages, Side::B),
    );
    let verdict = Verdict::of_shares(&share_b.unquoted.shares());

    let written = [
        entities::Written::new(&a.text, &a.words),
        entities::Written::new(&b.text, &b.words),
    ];
    let entities = entities::side_by_side(
        &a.analysis,
        &b.analysis,
        &reused,
        [&written[0], &written[1]],
    );
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
        verbatim_share_a: share_a.verbatim,
        verbatim_share_b: share_b.verbatim,
        reused_share_a: share_a.reused,
        reused_share_b: share_b.reused,
        quoted_share_a: share_a.quoted,
        quoted_share_b: share_b.quoted,
        unquoted_b: share_b.unquoted,
        verdict,
        sentences: OneSided {
            only_a: share_a.alone,
            only_b: share_b.alone,
        },
        entities,
        quotes,
        sources,
        distinctive: distinctive::distinctive(&runs_a, &runs_b),
        a: a.analysis,
        b: b.analysis,
    }
}

/// One side's shares of words, and its sentences in no passage.
struct Shares {
    verbatim: f64,
    reused: f64,
    quoted: f64,
    unquoted: UnquotedShares,
    alone: Vec<Loc>,
}

impl Shares {
    fn of(side: &Prepared, passages: &[Passage], which: Side) -> Shares {
        let words = &side.words;
        let cover = reuse::coverage(words, passages, which);
        let mut quoted = vec![false; words.len()];
        for q in &side.analysis.quotes {
            quoted[words.within(q.loc.span())].fill(true);
        }
        let unquoted: Vec<Cover> = cover
            .iter()
            .zip(&quoted)
            .filter(|&(_, &q)| !q)
            .map(|(&c, _)| c)
            .collect();
        let all = reuse::shares(&cover);
        let outside = reuse::shares(&unquoted);
        // Shown as the sentences they are, from the first mark to the last, not from the first
        // word to the last (which would cut a quotation's opening mark and keep its closing one).
        let alone = words
            .sentences()
            .zip(&words.sentence_spans)
            .filter(|(r, _)| !r.is_empty() && cover[r.clone()].iter().all(|&c| c == Cover::Own))
            .map(|(_, &span)| span.into())
            .collect();
        Shares {
            verbatim: all.verbatim,
            reused: all.reused,
            quoted: if words.is_empty() {
                0.0
            } else {
                quoted.iter().filter(|&&q| q).count() as f64 / words.len() as f64
            },
            unquoted: UnquotedShares {
                words: unquoted.len(),
                verbatim_share: outside.verbatim,
                aligned_share: outside.aligned,
                reused_share: outside.reused,
            },
            alone,
        }
    }
}

impl From<&Passage> for AlignedPassage {
    fn from(p: &Passage) -> AlignedPassage {
        AlignedPassage {
            a: p.a.into(),
            b: p.b.into(),
            words: p.matched,
            kind: p.kind,
            similarity: p.similarity,
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
        locs.extend(self.sentences.only_a.iter_mut());
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
        locs.extend(self.sentences.only_b.iter_mut());
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

    /// Entities B names and A does not write at all: what B added.
    pub fn added_by_b(&self) -> impl Iterator<Item = &SharedEntity> {
        self.entities
            .iter()
            .filter(|e| e.count_b > 0 && !e.written_a)
    }

    /// Entities A names and B does not write at all: what B dropped.
    pub fn dropped_by_b(&self) -> impl Iterator<Item = &SharedEntity> {
        self.entities
            .iter()
            .filter(|e| e.count_a > 0 && !e.written_b)
    }
}
