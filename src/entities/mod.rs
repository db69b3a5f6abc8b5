//! Grouping mentions into entities: one entity per referent per article.
//!
//! Mentions join when they name the same thing: case variants ("Tass" / "TASS"), a surname or
//! short form and the full name the article uses ("Putin" → "Vladimir Putin"), an acronym and
//! its expansion ("Shanghai Cooperation Organisation (SCO)"), and common country aliases
//! ("U.S." / "United States"). Titles and roles in front of a person's name are not part of it.
//! A city never joins its country: nothing here knows geography beyond aliases of one name.
//!
//! `names` has the name forms mentions are compared by, `titles` the titles and roles around a
//! person's name. Runs after `ner`; may use `text` and `ner`'s mentions.

mod names;
mod titles;

pub(crate) use names::alias_root;

use crate::ner::mention::{Kind, Mention};
use crate::text::span::{Loc, Span};
use names::{initials, is_acronym, key, tidy};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use titles::{person_after_title, strip_title};

/// One referent and every mention of it in the article.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Entity {
    /// The fullest form the article uses ("Vladimir Putin").
    pub name: String,
    /// The entity's type, by a vote of its mentions that favours full names.
    pub kind: Kind,
    /// Number of mentions.
    pub count: usize,
    /// The other forms the article uses, in order of first use ("Putin", "PUTIN").
    pub aliases: Vec<String>,
    /// Every mention, in text order.
    pub mentions: Vec<EntityMention>,
}

/// One mention of an entity.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EntityMention {
    /// Where it is.
    #[serde(flatten)]
    pub loc: Loc,
    /// The text as written.
    pub text: String,
}

/// Groups `mentions` (in text order) of `text` into entities, sorted by count, then by first
/// appearance.
pub fn group(text: &str, mentions: &[Mention]) -> Vec<Entity> {
    let mentions: Vec<Mention> = mentions
        .iter()
        .map(|m| strip_title(text, person_after_title(text, *m)))
        .filter(|m| !m.span.is_empty())
        .collect();
    let mentions = split_compounds(text, &mentions);
    let keys: Vec<String> = mentions.iter().map(|m| key(m.span.of(text))).collect();

    // Union-find over mention indices.
    let mut parent: Vec<usize> = (0..mentions.len()).collect();
    fn find(parent: &mut [usize], i: usize) -> usize {
        let mut root = i;
        while parent[root] != root {
            root = parent[root];
        }
        let mut j = i;
        while parent[j] != root {
            let next = parent[j];
            parent[j] = root;
            j = next;
        }
        root
    }
    let union = |parent: &mut Vec<usize>, a: usize, b: usize| {
        let (ra, rb) = (find(parent, a), find(parent, b));
        if ra != rb {
            parent[ra.max(rb)] = ra.min(rb);
        }
    };

    // 1. Same key (case, periods and curly quotes ignored), or aliases of one country.
    let canonical: Vec<String> = keys
        .iter()
        .map(|k| alias_root(k).unwrap_or(k).to_string())
        .collect();
    let mut first_by_key: HashMap<&str, usize> = HashMap::new();
    for (i, c) in canonical.iter().enumerate() {
        match first_by_key.get(c.as_str()) {
            Some(&j) => union(&mut parent, i, j),
            None => {
                first_by_key.insert(c.as_str(), i);
            }
        }
    }

    // The multi-word names, by key: their first mention (all mentions of a key are one entity
    // by now), and the kinds they were given. Looked up, never iterated, below, so that large
    // inputs stay linear.
    let mut longs: BTreeMap<&str, Long> = BTreeMap::new();
    for (j, k) in keys.iter().enumerate().filter(|(_, k)| k.contains(' ')) {
        let long = longs
            .entry(k.as_str())
            .or_insert(Long { first: j, kinds: 0 });
        long.kinds |= kind_bit(mentions[j].kind);
    }

    // 2. Acronyms: defined in brackets after the name, or the initials of a multi-word name.
    let mut by_initials: HashMap<String, Vec<&str>> = HashMap::new();
    for (&k, long) in &longs {
        if long.kinds & !kind_bit(Kind::Per) != 0 {
            by_initials.entry(initials(k)).or_default().push(k);
        }
    }
    for i in 0..mentions.len() {
        let word = mentions[i].span.of(text);
        if !is_acronym(word) {
            continue;
        }
        let defined = i.checked_sub(1).filter(|&p| {
            let between = &text[mentions[p].span.end as usize..mentions[i].span.start as usize];
            between.trim() == "(" && initials(&keys[p]) == keys[i]
        });
        let matched = defined.or_else(|| {
            let found = by_initials.get(&keys[i])?;
            let first = longs.get(found.first()?)?.first;
            found
                .iter()
                .all(|k| {
                    longs
                        .get(k)
                        .is_some_and(|l| canonical[l.first] == canonical[first])
                })
                .then_some(first)
        });
        if let Some(j) = matched {
            union(&mut parent, i, j);
        }
    }

    // 3. Short forms: a one- or two-word mention that is the start or end of exactly one longer
    //    name joins it ("Putin" → "Vladimir Putin", "Pezeshkian" → "Masoud Pezeshkian").
    let mut starting: HashMap<&str, Vec<&str>> = HashMap::new();
    let mut ending: HashMap<&str, Vec<&str>> = HashMap::new();
    for &k in longs.keys() {
        for (p, _) in k.match_indices(' ') {
            starting.entry(&k[..p]).or_default().push(k);
            ending.entry(&k[p + 1..]).or_default().push(k);
        }
    }
    for i in 0..mentions.len() {
        let kind = mentions[i].kind;
        let mut candidates: Vec<usize> = Vec::new();
        let surnames = ending.get(keys[i].as_str()).into_iter().flatten();
        let first_parts = starting.get(keys[i].as_str()).into_iter().flatten();
        for (k, first_part) in surnames
            .map(|k| (k, false))
            .chain(first_parts.map(|k| (k, true)))
        {
            let Some(long) = longs.get(k) else { continue };
            let fits = Kind::ALL.iter().any(|&lk| {
                long.kinds & kind_bit(lk) != 0
                    && compatible(kind, lk)
                    && !(first_part && lk == Kind::Per)
            });
            if fits {
                let root = find(&mut parent, long.first);
                if !candidates.iter().any(|&c| find(&mut parent, c) == root) {
                    candidates.push(long.first);
                }
            }
        }
        if let [j] = candidates[..] {
            union(&mut parent, i, j);
        }
    }

    // Collect groups in order of first mention.
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut group_of_root: HashMap<usize, usize> = HashMap::new();
    for i in 0..mentions.len() {
        let root = find(&mut parent, i);
        let g = *group_of_root.entry(root).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(i);
    }
    let mut entities: Vec<(u32, Entity)> = groups
        .into_iter()
        .map(|members| {
            let first = mentions[members[0]].span.start;
            (first, build(text, &mentions, &members))
        })
        .collect();
    entities.sort_by(|(fa, a), (fb, b)| b.count.cmp(&a.count).then(fa.cmp(fb)));
    entities.into_iter().map(|(_, e)| e).collect()
}

/// A multi-word name of the article (see `group`).
struct Long {
    first: usize,
    /// Bit set of the kinds its mentions were given (`kind_bit`).
    kinds: u8,
}

fn kind_bit(k: Kind) -> u8 {
    1 << Kind::ALL.iter().position(|&x| x == k).unwrap_or(0)
}

fn build(text: &str, mentions: &[Mention], members: &[usize]) -> Entity {
    // Name: the form with the most words, preferring one not in capitals, then the earliest.
    let name_of = |i: usize| mentions[i].span.of(text);
    let best = members
        .iter()
        .copied()
        .max_by_key(|&i| {
            let s = name_of(i);
            let shouting = s
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
                && s.chars().count() > 4;
            (
                s.split_whitespace().count(),
                !shouting,
                s.len(),
                std::cmp::Reverse(i),
            )
        })
        .unwrap_or(members[0]);
    let name = tidy(name_of(best));
    // Kind: votes weighted by the number of words, so full names outvote ambiguous short forms.
    let mut votes = [0usize; 4];
    for &i in members {
        let k = Kind::ALL
            .iter()
            .position(|&k| k == mentions[i].kind)
            .unwrap_or(0);
        votes[k] += 1 + 2 * name_of(i).split_whitespace().count();
    }
    let kind = Kind::ALL[(0..4)
        .max_by_key(|&k| (votes[k], std::cmp::Reverse(k)))
        .unwrap_or(0)];
    let mut aliases: Vec<String> = Vec::new();
    for &i in members {
        let form = tidy(name_of(i));
        if form != name && !aliases.contains(&form) {
            aliases.push(form);
        }
    }
    let mentions: Vec<EntityMention> = members
        .iter()
        .map(|&i| EntityMention {
            loc: mentions[i].span.into(),
            text: name_of(i).to_string(),
        })
        .collect();
    Entity {
        name,
        kind,
        count: mentions.len(),
        aliases,
        mentions,
    }
}

/// Whether a short form of kind `short` may join a longer name of kind `long`. The recognizer
/// often gives a bare surname the wrong type; a person's surname is still that person, unless it
/// is tagged as a place.
fn compatible(short: Kind, long: Kind) -> bool {
    short == long || (long == Kind::Per && short != Kind::Loc)
}

/// Hyphenated compounds of names the article also uses alone ("Iran-Russia ties",
/// "Russian-Iranian", "Iran-backed", "anti-Israel") become mentions of those names: they name
/// both, and kept whole they would join either one and so join the two ("Iran" and "Russia"
/// as one entity). A compound whose parts do not stand alone elsewhere ("Nagorno-Karabakh",
/// "Mercedes-Benz") is a name of its own and stays whole.
fn split_compounds(text: &str, mentions: &[Mention]) -> Vec<Mention> {
    let is_hyphen = |c: char| matches!(c, '-' | '\u{2010}' | '\u{2011}');
    let is_compound = |s: &str| s.contains(is_hyphen) && !s.contains(char::is_whitespace);
    // Keys of the names used alone, with their kinds.
    let alone: Vec<(String, Kind)> = mentions
        .iter()
        .filter(|m| !is_compound(m.span.of(text)))
        .map(|m| (key(m.span.of(text)), m.kind))
        .collect();
    let mut out = Vec::with_capacity(mentions.len());
    for m in mentions {
        let s = m.span.of(text);
        if !is_compound(s) {
            out.push(*m);
            continue;
        }
        let mut parts = Vec::new();
        let mut start = 0;
        for (i, c) in s
            .char_indices()
            .filter(|&(_, c)| is_hyphen(c))
            .chain([(s.len(), '-')])
        {
            let part = &s[start..i];
            if part.chars().next().is_some_and(char::is_uppercase) {
                parts.push((start, i));
            }
            start = i + c.len_utf8();
        }
        let named: Option<Vec<Mention>> = parts
            .iter()
            .map(|&(a, b)| {
                let k = key(&s[a..b]);
                let kind = alone.iter().find(|(ak, _)| *ak == k)?.1;
                let base = m.span.start as usize;
                Some(Mention {
                    span: Span::new(base + a, base + b),
                    kind,
                })
            })
            .collect();
        match named {
            Some(named) if !named.is_empty() => out.extend(named),
            _ => out.push(*m),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Mentions given as (text, kind); each is found at its first occurrence after the previous.
    fn run(text: &str, names: &[(&str, Kind)]) -> Vec<(String, Kind, usize)> {
        let mut from = 0;
        let mentions: Vec<Mention> = names
            .iter()
            .map(|&(n, kind)| {
                let start = from + text[from..].find(n).expect("name in text");
                from = start + n.len();
                Mention {
                    span: Span::new(start, from),
                    kind,
                }
            })
            .collect();
        group(text, &mentions)
            .into_iter()
            .map(|e| (e.name, e.kind, e.count))
            .collect()
    }

    use Kind::*;

    #[test]
    fn surname_joins_full_name() {
        let text =
            "President Vladimir Putin met Masoud Pezeshkian. Putin said Pezeshkian agreed. PUTIN";
        let got = run(
            text,
            &[
                ("President Vladimir Putin", Per),
                ("Masoud Pezeshkian", Per),
                ("Putin", Per),
                ("Pezeshkian", Misc),
                ("PUTIN", Per),
            ],
        );
        assert_eq!(
            got,
            [
                ("Vladimir Putin".into(), Per, 3),
                ("Masoud Pezeshkian".into(), Per, 2)
            ]
        );
    }

    #[test]
    fn case_variants_and_country_aliases() {
        let text = "Tass said. TASS agreed. The U.S. and the United States. US";
        let got = run(
            text,
            &[
                ("Tass", Org),
                ("TASS", Org),
                ("U.S.", Loc),
                ("United States", Loc),
                ("US", Loc),
            ],
        );
        assert_eq!(
            got,
            [("United States".into(), Loc, 3), ("Tass".into(), Org, 2)]
        );
    }

    #[test]
    fn defined_acronym() {
        let text = "the Shanghai Cooperation Organisation (SCO) met; SCO members";
        let got = run(
            text,
            &[
                ("Shanghai Cooperation Organisation", Org),
                ("SCO", Org),
                ("SCO", Org),
            ],
        );
        assert_eq!(got, [("Shanghai Cooperation Organisation".into(), Org, 3)]);
    }

    #[test]
    fn compounds_of_names_used_alone_are_split() {
        let text = "Iran and Russia: Iran-Russia ties, Iran-backed groups, Nagorno-Karabakh";
        let got = run(
            text,
            &[
                ("Iran", Loc),
                ("Russia", Loc),
                ("Iran-Russia", Loc),
                ("Iran-backed", Misc),
                ("Nagorno-Karabakh", Loc),
            ],
        );
        assert_eq!(
            got,
            [
                ("Iran".into(), Loc, 3),
                ("Russia".into(), Loc, 2),
                ("Nagorno-Karabakh".into(), Loc, 1)
            ]
        );
    }

    #[test]
    fn a_name_after_a_persons_title_is_a_person() {
        let text = "President-elect Trump spoke; Ayatollah Khamenei listened. The former Soviet \
                    Union fell. Spokesman, Reuters said.";
        let names = [
            ("Trump", Org),
            ("Khamenei", Org),
            ("Soviet Union", Loc),
            ("Reuters", Org),
        ];
        let kinds: Vec<Kind> = run(text, &names).into_iter().map(|e| e.1).collect();
        // "former" is a title but not only people's; a comma parts "Spokesman" from the name.
        assert_eq!(kinds, [Per, Per, Loc, Org]);
    }

    #[test]
    fn city_stays_a_city() {
        let text = "Moscow and Russia";
        let got = run(text, &[("Moscow", Loc), ("Russia", Loc)]);
        assert_eq!(got.len(), 2);
    }

    #[test]
    fn ambiguous_surname_stays_apart() {
        let text = "Joe Biden and Hunter Biden. Biden said";
        let got = run(
            text,
            &[("Joe Biden", Per), ("Hunter Biden", Per), ("Biden", Per)],
        );
        assert_eq!(got.len(), 3);
    }
}
