//! Entities side by side: each article's entities merged across the two by name and alias.

use crate::analysis::Analysis;
use crate::compare::inherited::{Reused, Side};
use crate::compare::reuse::{hash_key, normalise, word_spans, Words};
use crate::entities::Entity;
use crate::ner::mention::Kind;
use crate::text::span::Span;
use serde::Serialize;
use std::collections::HashMap;

/// One entity's coverage in the two articles.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SharedEntity {
    /// The fullest of the two articles' names for it.
    pub name: String,
    /// Its type, as the article that mentions it more has it.
    pub kind: Kind,
    /// Mentions in A.
    pub count_a: usize,
    /// Mentions in B.
    pub count_b: usize,
    /// Share of all entity mentions in A, 0..1.
    pub share_a: f64,
    /// Share of all entity mentions in B, 0..1.
    pub share_b: f64,
    /// Mentions in A that sit in text B reuses.
    pub reused_a: usize,
    /// Mentions in B that sit in text reused from A: inherited, not added.
    pub reused_b: usize,
    /// Whether A's text writes one of its names, as an entity or within other words ("anti-Israel",
    /// "a Central Asian country"): what A writes it has not dropped.
    pub written_a: bool,
    /// As `written_a`, for B.
    pub written_b: bool,
    /// Index of the entity in A's `entities` (the most mentioned, if A splits it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity_a: Option<usize>,
    /// Index of the entity in B's `entities`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity_b: Option<usize>,
}

/// Most words an organisation's full name adds to its short form in the other article
/// ("Bloomberg" and "Bloomberg News", "Gazprom" and "Gazprom Neft PJSC" no).
const MAX_ORG_SUFFIX_WORDS: usize = 2;

/// The lookup key of a name: its words, normalised, periods dropped ("U.S." → "us"), and a
/// common alias replaced by its group's name, so "U.S." in one article meets "United States" in
/// the other.
fn name_key(name: &str) -> String {
    let name: String = name.chars().filter(|&c| c != '.').collect();
    let words: Vec<String> = word_spans(&name, Span::new(0, name.len()))
        .map(|w| normalise(w.of(&name)))
        .collect();
    // "The We Company" is "We Company": an article's choice to write the article.
    let words = match words.split_first() {
        Some((the, rest)) if the == "the" && !rest.is_empty() => rest,
        _ => &words[..],
    };
    let key = words.join(" ");
    match crate::entities::alias_root(&key) {
        Some(root) => root.to_string(),
        None => key,
    }
}

fn forms(e: &Entity) -> impl Iterator<Item = &String> {
    std::iter::once(&e.name).chain(&e.aliases)
}

/// Groups of entity indices, (in A, in B), that name the same thing: a shared form (name or
/// alias, compared by key), or a lone surname on one side that ends exactly one person's full
/// name on the other ("Bout" → "Viktor Bout"). In order of first member.
pub(crate) fn match_entities(a: &[Entity], b: &[Entity]) -> Vec<(Vec<usize>, Vec<usize>)> {
    let n = a.len();
    let all: Vec<&Entity> = a.iter().chain(b).collect();
    let mut parent: Vec<usize> = (0..all.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut union = |x: usize, y: usize| {
        let (rx, ry) = (root(&mut parent, x), root(&mut parent, y));
        if rx != ry {
            parent[rx.max(ry)] = rx.min(ry);
        }
    };
    let keys: Vec<Vec<String>> = all
        .iter()
        .map(|e| forms(e).map(|f| name_key(f)).collect())
        .collect();
    // Forms of A's entities, then B's looked up in them.
    let mut by_key: HashMap<&str, usize> = HashMap::new();
    for (i, ks) in keys.iter().enumerate().take(n) {
        for k in ks {
            by_key.entry(k.as_str()).or_insert(i);
        }
    }
    let mut matched = vec![false; all.len()];
    for (j, ks) in keys.iter().enumerate().skip(n) {
        for k in ks {
            if let Some(&i) = by_key.get(k.as_str()) {
                union(i, j);
                matched[i] = true;
                matched[j] = true;
            }
        }
    }
    // Surnames: a one-word person on one side, unmatched, whose word ends exactly one
    // multi-word person name on the other. Full names are indexed by their last word, so the
    // lookup stays linear in the number of entities.
    // Multi-word names of one kind, by one of their words (which side, word) -> entities.
    let index_by = |kind: Kind, word: fn(&str) -> Option<&str>| {
        let mut index: HashMap<(bool, &str), Vec<usize>> = HashMap::new();
        for (j, ks) in keys
            .iter()
            .enumerate()
            .filter(|&(j, _)| all[j].kind == kind)
        {
            for k in ks {
                if let Some(w) = word(k) {
                    let named = index.entry((j < n, w)).or_default();
                    if !named.contains(&j) {
                        named.push(j);
                    }
                }
            }
        }
        index
    };
    let by_surname = index_by(Kind::Per, |k| k.rsplit_once(' ').map(|(_, last)| last));
    let surnames = |from: std::ops::Range<usize>| {
        let mut pairs = Vec::new();
        for i in from {
            if matched[i] || all[i].kind != Kind::Per || keys[i][0].contains(' ') {
                continue;
            }
            // The other side: A's surnames look among B's full names and back.
            if let Some([j]) = by_surname
                .get(&(i >= n, keys[i][0].as_str()))
                .map(Vec::as_slice)
            {
                pairs.push((i, *j));
            }
        }
        pairs
    };
    let mut pairs = surnames(0..n);
    pairs.extend(surnames(n..all.len()));
    // Organisations named short on one side ("Bloomberg") and in full on the other
    // ("Bloomberg News"): an unmatched one whose words begin exactly one organisation's name
    // on the other side, a word or two longer, as within one article.
    let by_first = index_by(Kind::Org, |k| k.split_once(' ').map(|(first, _)| first));
    for i in 0..all.len() {
        if matched[i] || all[i].kind != Kind::Org {
            continue;
        }
        let short = keys[i][0].as_str();
        let first = short.split(' ').next().unwrap_or(short);
        let longer: Vec<usize> = by_first
            .get(&(i >= n, first))
            .into_iter()
            .flatten()
            .copied()
            .filter(|&j| {
                keys[j].iter().any(|k| {
                    k.strip_prefix(short).is_some_and(|rest| {
                        rest.starts_with(' ')
                            && rest.split(' ').filter(|w| !w.is_empty()).count()
                                <= MAX_ORG_SUFFIX_WORDS
                    })
                })
            })
            .collect();
        if let [j] = longer[..] {
            pairs.push((i, j));
        }
    }
    for (i, j) in pairs {
        union(i, j);
    }
    let mut groups: Vec<(usize, Vec<usize>, Vec<usize>)> = Vec::new();
    let mut group_of: HashMap<usize, usize> = HashMap::new();
    for i in 0..all.len() {
        let r = root(&mut parent, i);
        let g = *group_of.entry(r).or_insert_with(|| {
            groups.push((r, Vec::new(), Vec::new()));
            groups.len() - 1
        });
        if i < n {
            groups[g].1.push(i);
        } else {
            groups[g].2.push(i - n);
        }
    }
    groups.into_iter().map(|(_, x, y)| (x, y)).collect()
}

/// Most letters a word may add to a name's last word and still write the name: "Asian" writes
/// "Asia", "Israeli" "Israel", "Iranian" "Iran".
const MAX_NAME_SUFFIX_CHARS: usize = 3;

/// Shortest name word that may be written with letters added; a shorter one is written as
/// the name has it, case and all.
const MIN_STEM_CHARS: usize = 4;

/// One article's words, looked up by their first: whether its text writes a name anywhere,
/// as an entity or not ("anti-Israel", "a Central Asian country").
pub(crate) struct Written<'t> {
    text: &'t str,
    words: &'t Words,
    /// Where each capitalised word (by key) is.
    at: HashMap<u64, Vec<u32>>,
    /// Each capitalised word's key, and its key less up to [`MAX_NAME_SUFFIX_CHARS`] final
    /// letters.
    stems: std::collections::HashSet<u64>,
}

impl<'t> Written<'t> {
    /// The index of `words` of `text`.
    pub(crate) fn new(text: &'t str, words: &'t Words) -> Written<'t> {
        let mut at: HashMap<u64, Vec<u32>> = HashMap::new();
        let mut stems = std::collections::HashSet::new();
        for (i, (&k, span)) in words.keys.iter().zip(&words.spans).enumerate() {
            let w = span.of(text);
            // Names are written capitalised: only such words can start or end one, and
            // leaving out the rest keeps the index a fraction of the text.
            if !w.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            at.entry(k).or_default().push(i as u32);
            stems.insert(k);
            // The word less its last one, two, ... letters: ends of its first chars but the first.
            let ends = w.char_indices().rev().map(|(i, _)| i).filter(|&i| i > 0);
            for end in ends.take(MAX_NAME_SUFFIX_CHARS) {
                if w[..end].chars().count() >= MIN_STEM_CHARS {
                    stems.insert(hash_key(&w[..end]));
                }
            }
        }
        Written {
            text,
            words,
            at,
            stems,
        }
    }

    /// Whether the text has the words of `name` in a row, the last perhaps with a few more
    /// letters.
    fn writes(&self, name: &str) -> bool {
        let name: String = name.chars().filter(|&c| c != '.').collect();
        let parts: Vec<&str> = word_spans(&name, Span::new(0, name.len()))
            .map(|w| w.of(&name))
            .collect();
        let (n, Some(last)) = (parts.len(), parts.last()) else {
            return false;
        };
        if n == 1 && last.chars().count() < MIN_STEM_CHARS {
            // "US", "UN", "AP": written as such, not "us" or "used".
            return self.at.get(&hash_key(last)).is_some_and(|at| {
                at.iter()
                    .any(|&i| self.words.spans[i as usize].of(self.text) == *last)
            });
        }
        if n == 1 {
            return self.stems.contains(&hash_key(last));
        }
        let last = normalise(last);
        let starts = self
            .at
            .get(&hash_key(parts[0]))
            .map_or(&[][..], Vec::as_slice);
        starts.iter().any(|&i| {
            let i = i as usize;
            i + n <= self.words.len()
                && (1..n - 1).all(|k| self.words.keys[i + k] == hash_key(parts[k]))
                && normalise(self.words.spans[i + n - 1].of(self.text))
                    .strip_prefix(last.as_str())
                    .is_some_and(|rest| rest.chars().count() <= MAX_NAME_SUFFIX_CHARS)
        })
    }
}

/// The merged entities of A and B with counts, shares and inherited mentions, most mentioned
/// overall first. `written` are the two texts' words, for whether a side writes a name it has
/// no entity for.
pub(crate) fn side_by_side(
    a: &Analysis,
    b: &Analysis,
    reused: &Reused,
    written: [&Written; 2],
) -> Vec<SharedEntity> {
    let total = |x: &Analysis| x.entities.iter().map(|e| e.count).sum::<usize>();
    let (total_a, total_b) = (total(a), total(b));
    let share = |count: usize, total: usize| {
        if total == 0 {
            0.0
        } else {
            count as f64 / total as f64
        }
    };
    let reused_in = |e: &Entity, side: Side| {
        e.mentions
            .iter()
            .filter(|m| reused.on(side, m.loc.span()))
            .count()
    };
    let mut out: Vec<SharedEntity> = match_entities(&a.entities, &b.entities)
        .into_iter()
        .map(|(ia, ib)| {
            let members = || {
                ia.iter()
                    .map(|&i| &a.entities[i])
                    .chain(ib.iter().map(|&j| &b.entities[j]))
            };
            let name = members()
                .map(|e| &e.name)
                .max_by_key(|n| (n.split_whitespace().count(), n.len(), std::cmp::Reverse(*n)))
                .cloned()
                .unwrap_or_default();
            let kind = members()
                .max_by_key(|e| e.count)
                .map_or(Kind::Misc, |e| e.kind);
            let count_a: usize = ia.iter().map(|&i| a.entities[i].count).sum();
            let count_b: usize = ib.iter().map(|&j| b.entities[j].count).sum();
            let largest = |ids: &[usize], es: &[Entity]| {
                ids.iter()
                    .copied()
                    .max_by_key(|&i| (es[i].count, std::cmp::Reverse(i)))
            };
            SharedEntity {
                name,
                kind,
                count_a,
                count_b,
                share_a: share(count_a, total_a),
                share_b: share(count_b, total_b),
                reused_a: ia.iter().map(|&i| reused_in(&a.entities[i], Side::A)).sum(),
                reused_b: ib.iter().map(|&j| reused_in(&b.entities[j], Side::B)).sum(),
                written_a: count_a > 0 || members().flat_map(forms).any(|f| written[0].writes(f)),
                written_b: count_b > 0 || members().flat_map(forms).any(|f| written[1].writes(f)),
                entity_a: largest(&ia, &a.entities),
                entity_b: largest(&ib, &b.entities),
            }
        })
        .collect();
    out.sort_by(|x, y| {
        (y.count_a + y.count_b)
            .cmp(&(x.count_a + x.count_b))
            .then_with(|| x.name.cmp(&y.name))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::EntityMention;
    use crate::text::span::Loc;

    fn entity(name: &str, kind: Kind, aliases: &[&str], count: usize) -> Entity {
        Entity {
            name: name.into(),
            kind,
            count,
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            mentions: (0..count)
                .map(|_| EntityMention {
                    loc: Loc::default(),
                    text: name.into(),
                })
                .collect(),
        }
    }

    #[test]
    fn merges_by_name_alias_and_surname() {
        use Kind::*;
        let a = [
            entity("Vladimir Putin", Per, &["Putin"], 5),
            entity("U.S.", Loc, &[], 2),
            entity("Andrew Osborn", Per, &[], 1),
            entity("Bout", Per, &[], 1),
        ];
        let b = [
            entity("Putin", Per, &[], 4),
            entity("US", Loc, &[], 1),
            entity("Viktor Bout", Per, &["Bout"], 2),
            entity("Hezbollah", Org, &[], 1),
        ];
        let groups = match_entities(&a, &b);
        assert_eq!(
            groups,
            [
                (vec![0], vec![0]),
                (vec![1], vec![1]),
                (vec![2], vec![]),
                (vec![3], vec![2]),
                (vec![], vec![3]),
            ]
        );
    }

    #[test]
    fn country_alias_in_one_article_meets_the_full_name_in_the_other() {
        let a = [
            entity("U.S.", Kind::Loc, &[], 2),
            entity("Russian Federation", Kind::Loc, &[], 1),
        ];
        let b = [
            entity("Russia", Kind::Loc, &[], 3),
            entity("United States", Kind::Loc, &[], 1),
        ];
        assert_eq!(
            match_entities(&a, &b),
            [(vec![0], vec![1]), (vec![1], vec![0])]
        );
    }

    #[test]
    fn organisations_meet_across_articles_by_article_and_short_form() {
        use Kind::*;
        let a = [
            entity("The We Company", Org, &[], 3),
            entity("Bloomberg", Org, &[], 1),
        ];
        let b = [
            entity("Bloomberg News", Org, &[], 2),
            entity("We Company", Org, &[], 1),
        ];
        assert_eq!(
            match_entities(&a, &b),
            [(vec![0], vec![1]), (vec![1], vec![0])]
        );
        // Two organisations that begin alike: which one is meant is unknown.
        let b = [
            entity("Bloomberg News", Org, &[], 2),
            entity("Bloomberg Philanthropies", Org, &[], 1),
        ];
        assert_eq!(match_entities(&a[1..], &b).len(), 3);
    }

    #[test]
    fn ambiguous_surname_stays_apart() {
        use Kind::*;
        let a = [entity("Biden", Per, &[], 1)];
        let b = [
            entity("Joe Biden", Per, &[], 1),
            entity("Hunter Biden", Per, &[], 1),
        ];
        assert_eq!(match_entities(&a, &b).len(), 3);
    }
}
