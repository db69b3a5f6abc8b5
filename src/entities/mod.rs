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
use crate::text::chars;
use crate::text::hash::{IdMap, IdSet};
use crate::text::span::{serialize_with_loc, Loc, Span};
use crate::text::whitespace;
use names::{initials, is_acronym, key, tidy};
use serde::Serialize;
use std::sync::Arc;
use titles::{body_after_noun, body_before_title, person_after_title, strip_title};

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
#[derive(Clone, Debug, PartialEq)]
pub struct EntityMention {
    /// Where it is.
    pub loc: Loc,
    /// The text as written: one copy per form, shared by its mentions.
    pub text: Arc<str>,
}

serialize_with_loc!(EntityMention {
    loc: [loc],
    text: ["text"]
});

/// Groups `mentions` (in text order) of `text` into entities, sorted by count, then by first
/// appearance. Takes the list to reuse its memory: a long text has a mention every few words.
pub fn group(text: &str, mentions: Vec<Mention>) -> Vec<Entity> {
    let mentions: Vec<Mention> = mentions
        .into_iter()
        .map(|m| {
            let m = body_after_noun(text, body_before_title(text, m));
            strip_title(text, person_after_title(text, m))
        })
        .filter(|m| !m.span.is_empty())
        .collect();
    let mentions = split_compounds(text, mentions);
    // One key per distinct form, shared by its mentions: a long text mentions few names many
    // times, and a key per mention was most of this stage's memory.
    let forms = Forms::of(text, &mentions);

    // Union-find over mention indices, in 32 bits (an input has fewer than 2^32 mentions): a
    // long text has a mention every few words, and the lists of this stage are per mention.
    let mut parent: Vec<u32> = (0..mentions.len() as u32).collect();
    fn find(parent: &mut [u32], i: usize) -> usize {
        let mut root = i;
        while parent[root] as usize != root {
            root = parent[root] as usize;
        }
        let mut j = i;
        while parent[j] as usize != root {
            let next = parent[j] as usize;
            parent[j] = root as u32;
            j = next;
        }
        root
    }
    let union = |parent: &mut Vec<u32>, a: usize, b: usize| {
        let (ra, rb) = (find(parent, a), find(parent, b));
        if ra != rb {
            parent[ra.max(rb)] = ra.min(rb) as u32;
        }
    };

    // 1. Same key (case, periods and curly quotes ignored), or aliases of one country: one
    //    referent, unless the recognizer was sure of two kinds for it (a city and the team
    //    named after it, a founder and the company named after them). Then each sure kind is a
    //    referent of its own, and a mention it was unsure of joins the best-supported one.
    let mut by_key: IdMap<&str, Vec<u32>> =
        IdMap::with_capacity_and_hasher(forms.len(), Default::default());
    let mut key_order: Vec<&str> = Vec::new();
    for (i, c) in (0..mentions.len()).map(|i| (i, forms.canonical(i))) {
        by_key
            .entry(c)
            .or_insert_with(|| {
                key_order.push(c);
                Vec::new()
            })
            .push(i as u32);
    }
    for c in &key_order {
        let members = &by_key[c];

        let mut support = [0.0f32; 4];
        let mut sure = [None::<usize>; 4];
        for i in members.iter().map(|&i| i as usize) {
            let k = kind_index(mentions[i].kind);
            support[k] += vote(text, &mentions[i]);
            if mentions[i].confidence >= SURE_MARGIN {
                sure[k].get_or_insert(i);
            }
        }
        let best_sure = (0..4)
            .filter(|&k| sure[k].is_some())
            .max_by(|&a, &b| support[a].total_cmp(&support[b]).then(b.cmp(&a)));
        // A place lends its name to a team, a company or a government: those may be two
        // referents. A person and a place, or a person and a body, of one name in one article
        // are the recognizer's mistake far more often (on CoNLL-2003 dev and on modern text
        // alike, splitting them lost more than it gained).
        if let Some(b) = best_sure {
            for (k, s) in sure.iter_mut().enumerate() {
                if k != b && !place_and_body(Kind::ALL[k], Kind::ALL[b]) {
                    *s = None;
                }
            }
        }
        let first = members[0] as usize;
        for i in members.iter().map(|&i| i as usize) {
            let k = kind_index(mentions[i].kind);
            let target = match (sure[k], best_sure) {
                (Some(j), _) => j,
                (None, Some(b)) => sure[b].unwrap_or(first),
                (None, None) => first,
            };
            union(&mut parent, i, target);
        }
    }

    drop((by_key, key_order));

    // The multi-word names: for each of its referents, the first mention and the kinds its
    // mentions were given. In key order, which decides the order of the lists made from them
    // below, and referred to by index there, never looked up by key again: a run of capitals
    // makes one key of megabytes, which a short form would otherwise have hashed (or compared)
    // whole each time it found it.
    let mut longs: Vec<(&str, Vec<Long>)> = Vec::new();
    {
        let mut at_key: IdMap<&str, usize> = IdMap::default();
        for (j, k) in (0..mentions.len())
            .map(|j| (j, forms.key(j)))
            .filter(|(_, k)| k.contains(' '))
        {
            let root = find(&mut parent, j);
            let at = *at_key.entry(k).or_insert_with(|| {
                // Room for one: a name has one referent but for the rare exception, and a
                // list of four per distinct name was much of this stage's memory on a text of
                // many names.
                longs.push((k, Vec::with_capacity(1)));
                longs.len() - 1
            });
            let referents = &mut longs[at].1;
            let r = match referents.iter().position(|l| l.root == root) {
                Some(r) => r,
                None => {
                    referents.push(Long {
                        first: j,
                        root,
                        kinds: 0,
                    });
                    referents.len() - 1
                }
            };
            referents[r].kinds |= kind_bit(mentions[j].kind);
        }
    }
    longs.sort_unstable_by(|a, b| a.0.cmp(b.0));

    // 2. Acronyms: defined in brackets after the name, or the initials of a multi-word name.
    let mut by_initials: IdMap<String, Vec<usize>> = IdMap::default();
    for (n, (k, referents)) in longs.iter().enumerate() {
        if referents
            .iter()
            .any(|l| l.kinds & !kind_bit(Kind::Per) != 0)
        {
            by_initials.entry(initials(k)).or_default().push(n);
        }
    }
    for i in 0..mentions.len() {
        let word = mentions[i].span.of(text);
        if !is_acronym(word) {
            continue;
        }
        let defined = i.checked_sub(1).filter(|&p| {
            let between = &text[mentions[p].span.end as usize..mentions[i].span.start as usize];
            between.trim() == "(" && initials(forms.key(p)) == forms.key(i)
        });
        let matched = defined.or_else(|| {
            let found = by_initials.get(forms.key(i))?;
            let first = longs[*found.first()?].1.first()?.first;
            found
                .iter()
                .all(|&n| {
                    longs[n]
                        .1
                        .iter()
                        .all(|l| forms.canonical(l.first) == forms.canonical(first))
                })
                .then_some(first)
        });
        if let Some(j) = matched {
            union(&mut parent, i, j);
        }
    }

    // 3. Short forms: a one- or two-word mention that is the start or end of exactly one longer
    //    name joins it ("Putin" → "Vladimir Putin", "Pezeshkian" → "Masoud Pezeshkian"), but
    //    for a place named by a qualifier before another's name ("South Africa", "New Mexico":
    //    `qualified`), which is that other place's part or neighbour, not the place itself.
    let mut starting: IdMap<&str, Vec<usize>> = IdMap::default();
    let mut ending: IdMap<&str, Vec<usize>> = IdMap::default();
    for (n, &(k, _)) in longs.iter().enumerate() {
        // A run of capitals thousands of words long is not a name: only the short forms of a
        // name's first and last few words are looked for, keeping this linear in the text.
        let spaces: Vec<usize> = k.match_indices(' ').map(|(p, _)| p).collect();
        let words = spaces.len();
        for (at, &p) in spaces.iter().enumerate() {
            // Room for one name each, as for `longs`.
            if at < MAX_SHORT_FORM_WORDS {
                starting
                    .entry(&k[..p])
                    .or_insert_with(|| Vec::with_capacity(1))
                    .push(n);
            }
            if words - at <= MAX_SHORT_FORM_WORDS {
                ending
                    .entry(&k[p + 1..])
                    .or_insert_with(|| Vec::with_capacity(1))
                    .push(n);
            }
        }
    }
    for (i, short) in mentions.iter().enumerate() {
        let mut candidates: Vec<usize> = Vec::new();
        let surnames = ending.get(forms.key(i)).into_iter().flatten();
        let first_parts = starting.get(forms.key(i)).into_iter().flatten();
        'names: for (&n, first_part) in surnames
            .map(|n| (n, false))
            .chain(first_parts.map(|n| (n, true)))
        {
            for long in &longs[n].1 {
                let fits = Kind::ALL.iter().any(|&lk| {
                    long.kinds & kind_bit(lk) != 0
                        && compatible(short, lk)
                        && !(first_part && lk == Kind::Per)
                        && !(lk == Kind::Loc && !first_part && qualified(longs[n].0))
                });
                if fits {
                    let root = find(&mut parent, long.first);
                    if !candidates.iter().any(|&c| find(&mut parent, c) == root) {
                        candidates.push(long.first);
                    }
                    // Only a lone candidate is joined: past two there is nothing to decide.
                    if candidates.len() > 1 {
                        break 'names;
                    }
                }
            }
        }
        if let [j] = candidates[..] {
            union(&mut parent, i, j);
        }
    }

    // Collect groups in order of first mention.
    let mut groups: Vec<Vec<u32>> = Vec::new();
    let mut group_of_root: IdMap<usize, usize> = IdMap::default();
    for i in 0..mentions.len() {
        let root = find(&mut parent, i);
        let g = *group_of_root.entry(root).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(i as u32);
    }
    drop(parent);
    let mut entities: Vec<(u32, Entity)> = groups
        .into_iter()
        .map(|members| {
            let first = mentions[members[0] as usize].span.start;
            (first, build(text, &mentions, &forms, &members))
        })
        .collect();
    entities.sort_by(|(fa, a), (fb, b)| b.count.cmp(&a.count).then(fa.cmp(fb)));
    entities.into_iter().map(|(_, e)| e).collect()
}

/// Every mention of `entities` with its entity's index, by position: for finding the entity
/// under a span by binary search. Sized at once and in 32 bits, as a long text has a mention
/// every few words.
pub fn mentions_by_position(entities: &[Entity]) -> Vec<(Span, u32)> {
    let mut all = Vec::with_capacity(entities.iter().map(|e| e.mentions.len()).sum());
    for (i, e) in entities.iter().enumerate() {
        all.extend(e.mentions.iter().map(|m| (m.loc.span(), i as u32)));
    }
    all.sort_unstable();
    all
}

/// The distinct written forms of an article's mentions, each with its key (see `names::key`):
/// one copy each, however often it is mentioned.
struct Forms {
    /// Per distinct form: its key, and the form as written (shared by the output's mentions).
    distinct: Vec<(String, Arc<str>)>,
    /// Per mention, its form's index in `distinct`.
    of: Vec<u32>,
}

impl Forms {
    fn of(text: &str, mentions: &[Mention]) -> Forms {
        let mut index: IdMap<&str, u32> = IdMap::default();
        let mut distinct = Vec::new();
        let of = mentions
            .iter()
            .map(|m| {
                let written = m.span.of(text);
                *index.entry(written).or_insert_with(|| {
                    distinct.push((key(written), Arc::from(written)));
                    (distinct.len() - 1) as u32
                })
            })
            .collect();
        Forms { distinct, of }
    }

    /// Number of distinct forms.
    fn len(&self) -> usize {
        self.distinct.len()
    }

    /// Mention `i`'s key.
    fn key(&self, i: usize) -> &str {
        &self.distinct[self.of[i] as usize].0
    }

    /// Mention `i`'s key, or the root of the aliases of one country it is one of.
    fn canonical(&self, i: usize) -> &str {
        let k = self.key(i);
        alias_root(k).unwrap_or(k)
    }

    /// Mention `i` as written.
    fn written(&self, i: usize) -> Arc<str> {
        Arc::clone(&self.distinct[self.of[i] as usize].1)
    }
}

/// One referent of a multi-word name of the article (see `group`).
struct Long {
    /// Its first mention.
    first: usize,
    /// Its root in the union-find when the referents of one key were settled.
    root: usize,
    /// Bit set of the kinds its mentions were given (`kind_bit`).
    kinds: u8,
}

/// Kind margin (see [`Mention::confidence`]) from which the recognizer is sure of a mention's
/// kind. Chosen end to end on CoNLL-2003 dev (with a model not trained on it) and on two modern
/// sets (Re-DocRED test, UNER EWT test): 5 and 20 did worse on all three, 40 much worse.
const SURE_MARGIN: f32 = 10.0;

/// How much a mention the recognizer is unsure of weighs in its entity's kind, against a sure
/// one.
const UNSURE_VOTE: f32 = 0.25;

/// Words at either end of a long name whose short forms are looked for: "Putin" of "Vladimir
/// Putin", "Organisation" of "Shanghai Cooperation Organisation". Names are shorter; a longer
/// run of capitals is not a name, and this keeps grouping linear on one.
const MAX_SHORT_FORM_WORDS: usize = 8;

/// Whether `a` and `b` are a place and a body (a team, company or government named after it).
fn place_and_body(a: Kind, b: Kind) -> bool {
    matches!((a, b), (Kind::Loc, Kind::Org) | (Kind::Org, Kind::Loc))
}

fn kind_bit(k: Kind) -> u8 {
    1 << kind_index(k)
}

fn kind_index(k: Kind) -> usize {
    Kind::ALL.iter().position(|&x| x == k).unwrap_or(0)
}

/// What mention `m` weighs in its entity's kind: full names outweigh ambiguous short forms, and
/// a mention the recognizer was sure of outweighs one it was not.
fn vote(text: &str, m: &Mention) -> f32 {
    let words = whitespace::words(m.span.of(text)).count();
    let sure = if m.confidence >= SURE_MARGIN {
        1.0
    } else {
        UNSURE_VOTE
    };
    (1 + 2 * words) as f32 * sure
}

fn build(text: &str, mentions: &[Mention], forms: &Forms, members: &[u32]) -> Entity {
    // Name: the form with the most words, preferring one not in capitals, then the earliest.
    let name_of = |i: usize| mentions[i].span.of(text);
    let each = || members.iter().map(|&i| i as usize);
    let best = each()
        .max_by_key(|&i| {
            let s = name_of(i);
            let shouting = s
                .chars()
                .filter(|&c| chars::is_alphabetic(c))
                .all(char::is_uppercase)
                && s.chars().count() > 4;
            (
                whitespace::words(s).count(),
                !shouting,
                s.len(),
                std::cmp::Reverse(i),
            )
        })
        .unwrap_or(members[0] as usize);
    let name = tidy(name_of(best));
    // Kind: the strongest evidence, by `vote`.
    let mut votes = [0.0f32; 4];
    for i in each() {
        votes[kind_index(mentions[i].kind)] += vote(text, &mentions[i]);
    }
    let kind = Kind::ALL[(0..4)
        .max_by(|&a, &b| votes[a].total_cmp(&votes[b]).then(b.cmp(&a)))
        .unwrap_or(0)];
    // In order of first use; the set keeps an entity of many distinct forms linear.
    let mut aliases: Vec<String> = Vec::new();
    let mut seen: IdSet<String> = IdSet::default();
    for i in each() {
        let form = tidy(name_of(i));
        if form != name && !seen.contains(&form) {
            seen.insert(form.clone());
            aliases.push(form);
        }
    }
    let mentions: Vec<EntityMention> = each()
        .map(|i| EntityMention {
            loc: mentions[i].span.into(),
            text: forms.written(i),
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

/// Words that, before a place's name, make the name of another place: a region of it, a
/// neighbour, a namesake ("South Africa" and "Africa", "Northern Ireland" and "Ireland", "New
/// Mexico" and "Mexico", "East Jerusalem" and "Jerusalem"). Keys are lowercase, hyphens as spaces.
const PLACE_QUALIFIERS: &[&str] = &[
    "central",
    "east",
    "eastern",
    "equatorial",
    "far",
    "greater",
    "inner",
    "latin",
    "lower",
    "middle",
    "new",
    "north",
    "northeast",
    "northeastern",
    "northern",
    "northwest",
    "northwestern",
    "outer",
    "south",
    "southeast",
    "southeastern",
    "southern",
    "southwest",
    "southwestern",
    "sub",
    "upper",
    "west",
    "western",
];

/// Whether the multi-word name `key` (see `names::key`) has a place qualifier among the words
/// before its last, so that its last words alone name another place.
fn qualified(key: &str) -> bool {
    key.rsplit_once(' ').is_some_and(|(before_last, _)| {
        before_last
            .split(' ')
            .any(|w| PLACE_QUALIFIERS.binary_search(&w).is_ok())
    })
}

/// Whether a short form may join a longer name of kind `long`. The recognizer often gives a
/// bare surname the wrong type: a person's surname is still that person, unless the recognizer
/// was sure it is a place; and a short form it was unsure of may join a name of any kind.
fn compatible(short: &Mention, long: Kind) -> bool {
    short.kind == long
        || short.confidence < SURE_MARGIN
        || (long == Kind::Per && short.kind != Kind::Loc)
}

/// Hyphenated compounds of names the article also uses alone ("Iran-Russia ties",
/// "Russian-Iranian", "Iran-backed", "anti-Israel") become mentions of those names: they name
/// both, and kept whole they would join either one and so join the two ("Iran" and "Russia"
/// as one entity). A compound whose parts do not stand alone elsewhere ("Nagorno-Karabakh",
/// "Mercedes-Benz") is a name of its own and stays whole.
fn split_compounds(text: &str, mentions: Vec<Mention>) -> Vec<Mention> {
    let is_hyphen = |c: char| matches!(c, '-' | '\u{2010}' | '\u{2011}');
    let is_compound = |s: &str| s.contains(is_hyphen) && !s.contains(char::is_whitespace);
    if !mentions.iter().any(|m| is_compound(m.span.of(text))) {
        return mentions;
    }
    // Keys of the names used alone, with the kind of each one's first use: looked up, not
    // searched, for each compound's parts (a list made a repeated compound quadratic, issue 16).
    let mut alone: IdMap<String, Kind> = IdMap::default();
    for m in mentions.iter().filter(|m| !is_compound(m.span.of(text))) {
        alone.entry(key(m.span.of(text))).or_insert(m.kind);
    }
    let mut out = Vec::with_capacity(mentions.len());
    for m in &mentions {
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
                let kind = *alone.get(&k)?;
                let base = m.span.start as usize;
                // The part's kind is its use alone; the compound says nothing of how sure.
                Some(Mention {
                    span: Span::new(base + a, base + b),
                    kind,
                    confidence: 0.0,
                    second: None,
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
        run_unsure(text, names, SURE_MARGIN, None)
    }

    /// [`run`], the recognizer as sure of each mention as `confidence`, with `second` its next
    /// guess.
    fn run_unsure(
        text: &str,
        names: &[(&str, Kind)],
        confidence: f32,
        second: Option<Kind>,
    ) -> Vec<(String, Kind, usize)> {
        let mut from = 0;
        let mentions: Vec<Mention> = names
            .iter()
            .map(|&(n, kind)| {
                let start = from + text[from..].find(n).expect("name in text");
                from = start + n.len();
                Mention {
                    span: Span::new(start, from),
                    kind,
                    confidence,
                    second,
                }
            })
            .collect();
        group(text, mentions)
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
    fn a_name_after_a_bodys_noun_is_that_body() {
        // Each tagged a person with an organisation as the recognizer's next guess.
        let text = "Data from the think tank Bruegel and the taxi service Uber. A Tank Rolls \
                    said so, as did the manufacturer Georg Reichenbach and the Company Smith.";
        let names = ["Bruegel", "Uber", "Rolls", "Georg Reichenbach", "Smith"].map(|n| (n, Per));
        let kinds: Vec<(String, Kind)> = run_unsure(text, &names, 3.0, Some(Org))
            .into_iter()
            .map(|(name, kind, _)| (name, kind))
            .collect();
        assert_eq!(
            kinds,
            [
                ("Bruegel".into(), Org),
                ("Uber".into(), Org),
                // "tank" only after "think", a noun only in lowercase, and no noun people are.
                ("Rolls".into(), Per),
                ("Georg Reichenbach".into(), Per),
                ("Smith".into(), Per),
            ]
        );
    }

    #[test]
    fn a_qualified_place_is_another_place() {
        let text = "South Africa hosts leaders from across Africa. Northern Ireland and Ireland \
                    met. The Gaza Strip and Gaza. Saudi Arabia, or Arabia.";
        let got = run(
            text,
            &[
                ("South Africa", Loc),
                ("Africa", Loc),
                ("Northern Ireland", Loc),
                ("Ireland", Loc),
                ("Gaza Strip", Loc),
                ("Gaza", Loc),
                ("Saudi Arabia", Loc),
                ("Arabia", Loc),
            ],
        );
        assert_eq!(
            got,
            [
                ("Gaza Strip".into(), Loc, 2),
                ("Saudi Arabia".into(), Loc, 2),
                ("South Africa".into(), Loc, 1),
                ("Africa".into(), Loc, 1),
                ("Northern Ireland".into(), Loc, 1),
                ("Ireland".into(), Loc, 1),
            ]
        );
        assert!(PLACE_QUALIFIERS.windows(2).all(|w| w[0] < w[1]), "sorted");
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

    /// Mentions given as (text, kind, confidence), as [`run`].
    fn run_sure(text: &str, names: &[(&str, Kind, f32)]) -> Vec<(String, Kind, usize)> {
        let mut from = 0;
        let mentions: Vec<Mention> = names
            .iter()
            .map(|&(n, kind, confidence)| {
                let start = from + text[from..].find(n).expect("name in text");
                from = start + n.len();
                Mention {
                    span: Span::new(start, from),
                    kind,
                    confidence,
                    second: None,
                }
            })
            .collect();
        group(text, mentions)
            .into_iter()
            .map(|e| (e.name, e.kind, e.count))
            .collect()
    }

    /// Each referent keeps the kind its strongest evidence gives: the recognizer sure of a place
    /// in the dateline and of a team in the results is told two things.
    #[test]
    fn a_city_and_the_team_named_after_it_are_two_referents() {
        let text = "NEW YORK 1996-08-22\nNEW YORK 74 60 .552\nNEW YORK beat Boston; NEW YORK fans";
        let got = run_sure(
            text,
            &[
                ("NEW YORK", Loc, 30.0),
                ("NEW YORK", Org, 30.0),
                ("NEW YORK", Org, 25.0),
                ("Boston", Org, 20.0),
                ("NEW YORK", Loc, 2.0),
            ],
        );
        assert_eq!(
            got,
            [
                ("NEW YORK".into(), Loc, 2),
                ("NEW YORK".into(), Org, 2),
                ("Boston".into(), Org, 1)
            ]
        );
    }

    /// Unsure short forms tagged as a place no longer outvote the full name they belong to.
    #[test]
    fn an_unsure_bare_surname_does_not_outvote_the_full_name() {
        let text = "Brian Lara scored. Lara was out. Lara left. Lara smiled.";
        let got = run_sure(
            text,
            &[
                ("Brian Lara", Per, 25.0),
                ("Lara", Loc, 3.0),
                ("Lara", Loc, 4.0),
                ("Lara", Per, 12.0),
            ],
        );
        assert_eq!(got, [("Brian Lara".into(), Per, 4)]);
    }

    /// Titles follow a body's name and come before a person's: "Kremlin spokesman Dmitry
    /// Peskov" names a place (or body) and a person, whatever the recognizer thought of the
    /// first.
    #[test]
    fn a_name_before_a_persons_title_is_a_body() {
        let text = "Kremlin spokesman Dmitry Peskov said so.";
        let mentions = [
            Mention {
                span: Span::new(0, 7),
                kind: Per,
                confidence: 3.0,
                second: Some(Loc),
            },
            Mention {
                span: Span::new(18, 31),
                kind: Per,
                confidence: 30.0,
                second: Some(Org),
            },
        ];
        let got: Vec<(String, Kind)> = group(text, mentions.to_vec())
            .into_iter()
            .map(|e| (e.name, e.kind))
            .collect();
        assert_eq!(
            got,
            [("Kremlin".into(), Loc), ("Dmitry Peskov".into(), Per)]
        );
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
