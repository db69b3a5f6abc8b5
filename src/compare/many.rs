//! Three or more articles: the matrices of pairwise text reuse and entity overlap.

use super::entities::match_entities;
use super::pair::{CompareOptions, Prepared, Settings};
use crate::analysis::{analyze, Analysis};
use crate::compare::reuse::{self, Side};
use crate::compare::rewritten;
use crate::error::Error;
use crate::parallel;
use serde::Serialize;

/// Most articles compared at once. Every pair is aligned, so the work grows with the square of
/// the count; fifty articles are 1,225 pairs, a few seconds in the browser.
pub const MAX_ARTICLES: usize = 50;

/// The pairwise view of several articles. Row `i`, column `j` of each matrix describes article
/// `i` against article `j`; the diagonal is 1.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ComparisonMany {
    /// The articles, analysed, in input order.
    pub articles: Vec<Analysis>,
    /// The settings used.
    pub settings: Settings,
    /// Share of article `i`'s words in passages it shares with article `j`, 0..1.
    pub reuse: Vec<Vec<f64>>,
    /// Share of article `i`'s entity mentions that name an entity article `j` names too, 0..1.
    pub entity_overlap: Vec<Vec<f64>>,
}

/// Compares every pair of `texts`.
///
/// # Errors
/// [`Error::TooManyArticles`] over [`MAX_ARTICLES`]; otherwise as [`analyze`], for any article.
pub fn compare_many<S: AsRef<str> + Sync>(
    texts: &[S],
    options: CompareOptions,
) -> Result<ComparisonMany, Error> {
    if texts.len() > MAX_ARTICLES {
        return Err(Error::TooManyArticles {
            count: texts.len(),
            limit: MAX_ARTICLES,
        });
    }
    let prepared = parallel::map(texts, |text| {
        let text = text.as_ref();
        analyze(text).map(|analysis| Prepared::new(text, analysis))
    })
    .into_iter()
    .collect::<Result<Vec<_>, _>>()?;
    let shortest = prepared.iter().map(|p| p.words.len()).min().unwrap_or(0);
    let settings = Settings::of(&options, shortest);
    let n = prepared.len();
    let pairs: Vec<(usize, usize)> = (0..n)
        .flat_map(|i| (i + 1..n).map(move |j| (i, j)))
        .collect();
    // Every pair is independent: natively they are shared among threads too.
    let views = parallel::map(&pairs, |&(i, j)| {
        pair(&prepared[i], &prepared[j], &settings)
    });
    let mut reuse = vec![vec![1.0; n]; n];
    let mut entity_overlap = vec![vec![1.0; n]; n];
    for (&(i, j), view) in pairs.iter().zip(views) {
        [reuse[i][j], reuse[j][i]] = view.reuse;
        [entity_overlap[i][j], entity_overlap[j][i]] = view.entity_overlap;
    }
    Ok(ComparisonMany {
        articles: prepared.into_iter().map(|p| p.analysis).collect(),
        settings,
        reuse,
        entity_overlap,
    })
}

/// One pair's cells of the matrices: (x against y, y against x).
struct PairView {
    reuse: [f64; 2],
    entity_overlap: [f64; 2],
}

fn pair(x: &Prepared, y: &Prepared, settings: &Settings) -> PairView {
    let passages = rewritten::passages(&x.words, &y.words, settings.min_match_words);
    let (ex, ey) = (&x.analysis.entities, &y.analysis.entities);
    let (mut shared_x, mut shared_y) = (0, 0);
    for (gx, gy) in match_entities(ex, ey) {
        if !gx.is_empty() && !gy.is_empty() {
            shared_x += gx.iter().map(|&k| ex[k].count).sum::<usize>();
            shared_y += gy.iter().map(|&k| ey[k].count).sum::<usize>();
        }
    }
    PairView {
        reuse: [
            reuse::shares(&reuse::coverage(&x.words, &passages, Side::A)).reused,
            reuse::shares(&reuse::coverage(&y.words, &passages, Side::B)).reused,
        ],
        entity_overlap: [
            ratio(shared_x, ex.iter().map(|e| e.count).sum()),
            ratio(shared_y, ey.iter().map(|e| e.count).sum()),
        ],
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}
