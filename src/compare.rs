//! Two outlets' coverage of one story, side by side.

use crate::analysis::{analyze, Analysis};
use crate::error::Error;
use crate::mention::Kind;
use serde::Serialize;

/// The comparison of article A with article B.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Comparison {
    /// Article A, analysed.
    pub a: Analysis,
    /// Article B, analysed.
    pub b: Analysis,
    /// Entities of both articles, matched by name, most mentioned overall first.
    pub entities: Vec<SharedEntity>,
}

/// One entity's coverage in the two articles.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SharedEntity {
    /// The fuller of the two articles' names for it.
    pub name: String,
    /// Its type.
    pub kind: Kind,
    /// Mentions in A.
    pub count_a: usize,
    /// Mentions in B.
    pub count_b: usize,
}

/// Compares two articles.
///
/// # Errors
/// As [`analyze`], for either article.
pub fn compare(a: &str, b: &str) -> Result<Comparison, Error> {
    let a = analyze(a)?;
    let b = analyze(b)?;
    let mut entities: Vec<SharedEntity> = a
        .entities
        .iter()
        .map(|e| SharedEntity {
            name: e.name.clone(),
            kind: e.kind,
            count_a: e.count,
            count_b: 0,
        })
        .collect();
    for e in &b.entities {
        let forms = || std::iter::once(&e.name).chain(&e.aliases);
        let found = entities.iter_mut().find(|s| {
            let a_entity = a.entities.iter().find(|x| x.name == s.name);
            a_entity.is_some_and(|x| forms().any(|f| *f == x.name || x.aliases.contains(f)))
        });
        match found {
            Some(shared) => {
                shared.count_b = e.count;
                if e.name.len() > shared.name.len() {
                    shared.name = e.name.clone();
                }
            }
            None => entities.push(SharedEntity {
                name: e.name.clone(),
                kind: e.kind,
                count_a: 0,
                count_b: e.count,
            }),
        }
    }
    entities.sort_by_key(|e| std::cmp::Reverse(e.count_a + e.count_b));
    Ok(Comparison { a, b, entities })
}
