//! Entities side by side: each article's entities merged across the two by name and alias.

use crate::analysis::Analysis;
use crate::compare::inherited::{Reused, Side};
use crate::compare::reuse::{normalise, word_spans};
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
    /// Index of the entity in A's `entities` (the most mentioned, if A splits it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity_a: Option<usize>,
    /// Index of the entity in B's `entities`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity_b: Option<usize>,
}

/// The lookup key of a name: its words, normalised, periods dropped ("U.S." → "us"), and a
/// common alias replaced by its group's name, so "U.S." in one article meets "United States" in
/// the other.
fn name_key(name: &str) -> String {
    let name: String = name.chars().filter(|&c| c != '.').collect();
    let words: Vec<String> = word_spans(&name, Span::new(0, name.len()))
        .map(|w| normalise(w.of(&name)))
        .collect();
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
    let mut by_surname: HashMap<(bool, &str), Vec<usize>> = HashMap::new();
    for (j, ks) in keys.iter().enumerate() {
        if all[j].kind != Kind::Per {
            continue;
        }
        for k in ks {
            if let Some((_, last)) = k.rsplit_once(' ') {
                let people = by_surname.entry((j < n, last)).or_default();
                if !people.contains(&j) {
                    people.push(j);
                }
            }
        }
    }
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

/// The merged entities of A and B with counts, shares and inherited mentions, most mentioned
/// overall first.
pub(crate) fn side_by_side(a: &Analysis, b: &Analysis, reused: &Reused) -> Vec<SharedEntity> {
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
