//! The five seed articles: every person, organisation and place of the story is one entity
//! with its full count, whatever form each mention takes ("Vladimir Putin", "Putin", "PUTIN",
//! "Russia's", "Iran-backed"). Counts are of the article as read: text the reading stage sets
//! aside (a related-story link, an appeal, credits) is not counted; the dateline opens the story
//! and is.

use parallax::{analyze, Analysis, Kind};

const REUTERS: &str =
    include_str!("fixtures/seeds/2024-10-11-reuters-putin-pezeshkian-ashgabat.txt");
const INDEPENDENT: &str =
    include_str!("fixtures/seeds/2024-10-11-independent-putin-pezeshkian-ashgabat.txt");
const IANS: &str = include_str!("fixtures/seeds/2022-07-19-ians-raisi-putin-tehran.txt");
const AGGREGATOR: &str =
    include_str!("fixtures/seeds/2015-11-23-aggregator-putin-khamenei-tehran.txt");
const NEWSER: &str = include_str!("fixtures/seeds/2025-01-17-newser-putin-pezeshkian-treaty.txt");

const ALL: [&str; 5] = [REUTERS, INDEPENDENT, IANS, AGGREGATOR, NEWSER];

use Kind::*;

/// Asserts that each `(name, kind, count)` is exactly one entity of the analysis.
fn expect(text: &str, want: &[(&str, Kind, usize)]) -> Analysis {
    let a = analyze(text).unwrap();
    for &(name, kind, count) in want {
        let found: Vec<_> = a.entities.iter().filter(|e| e.name == name).collect();
        assert_eq!(found.len(), 1, "{name}: {:#?}", a.entities);
        assert_eq!(
            (found[0].kind, found[0].count),
            (kind, count),
            "{name}: {:?}",
            found[0]
        );
    }
    a
}

#[test]
fn reuters() {
    let a = expect(
        REUTERS,
        &[
            ("Vladimir Putin", Per, 10),
            ("Masoud Pezeshkian", Per, 9),
            ("Russia", Loc, 13),
            ("Iran", Loc, 5),
            // The dateline "MOSCOW (Reuters) -" opens the story: one of Moscow's mentions.
            ("Moscow", Loc, 3),
            ("Tehran", Loc, 3),
            ("Ukraine", Loc, 2),
            ("Ashgabat", Loc, 1),
            ("Turkmenistan", Loc, 1),
            ("United States", Loc, 3),
            ("European Union", Org, 2),
            ("TASS", Org, 2),
            ("IRNA", Org, 2),
            ("Shanghai Cooperation Organisation", Org, 1),
        ],
    );
    // The all-caps subheading's "PUTIN" is one of Putin's mentions.
    let putin = a
        .entities
        .iter()
        .find(|e| e.name == "Vladimir Putin")
        .unwrap();
    let shout = REUTERS.find("SAYS PUTIN").unwrap() + "SAYS ".len();
    assert!(
        putin
            .mentions
            .iter()
            .any(|m| m.loc.start as usize == shout && &*m.text == "PUTIN"),
        "{putin:?}"
    );
}

#[test]
fn independent() {
    expect(
        INDEPENDENT,
        &[
            ("Vladimir Putin", Per, 5),
            ("Masoud Pezeshkian", Per, 5),
            ("Russia", Loc, 11),
            ("Iran", Loc, 9),
            ("Moscow", Loc, 4),
            ("Tehran", Loc, 2),
            ("Ukraine", Loc, 3),
            ("Ashgabat", Loc, 1),
            ("Tass", Org, 3),
            ("Dmitry Peskov", Per, 1),
            ("Hezbollah", Org, 1),
            ("Houthis", Org, 2),
            ("Hamas", Org, 1),
            ("Viktor Bout", Per, 2),
        ],
    );
}

#[test]
fn ians() {
    expect(
        IANS,
        &[
            ("Ebrahim Raisi", Per, 5),
            ("Vladimir Putin", Per, 5),
            ("Recep Tayyip Erdogan", Per, 1),
            ("Iran", Loc, 3),
            ("Russia", Loc, 3),
            ("Syria", Loc, 3),
            ("Tehran", Loc, 1),
        ],
    );
}

#[test]
fn aggregator() {
    expect(
        AGGREGATOR,
        &[
            ("Vladimir Putin", Per, 7),
            ("Barack Obama", Per, 2),
            ("Assad", Per, 3),
            ("Khamenei", Per, 1),
            ("Islamic State", Org, 1),
            // A related-story link naming Iran and Russia is set aside by the reading stage.
            ("Iran", Loc, 9),
            ("Syria", Loc, 9),
            ("Tehran", Loc, 2),
            // "Russia" five times and "Russian Federation" four: one country.
            ("Russian Federation", Loc, 9),
        ],
    );
}

#[test]
fn newser() {
    expect(
        NEWSER,
        &[
            ("Vladimir Putin", Per, 4),
            ("Masoud Pezeshkian", Per, 4),
            ("Iran", Loc, 4),
            ("Ukraine", Loc, 4),
            ("Russia", Loc, 2),
            ("Tehran", Loc, 2),
            ("Moscow", Loc, 2),
            ("Dmitry Peskov", Per, 1),
            // "President-elect Trump": a person after a person's title (the tagger says ORG).
            ("Trump", Per, 2),
        ],
    );
}

/// Lowercased, for comparing names.
fn fold(s: &str) -> String {
    s.to_lowercase().replace('.', "")
}

#[test]
fn no_referent_is_split_in_any_seed() {
    for text in ALL {
        let a = analyze(text).unwrap();
        for (i, e) in a.entities.iter().enumerate() {
            for other in &a.entities[i + 1..] {
                assert_ne!(fold(&e.name), fold(&other.name), "{e:?}\n{other:?}");
            }
            // A person's surname alone is never an entity beside the full name.
            if e.kind == Per && e.name.contains(' ') {
                let surname = fold(e.name.rsplit(' ').next().unwrap());
                assert!(
                    !a.entities.iter().any(|o| fold(&o.name) == surname),
                    "{} is split from {}",
                    surname,
                    e.name
                );
            }
        }
    }
}

#[test]
fn mentions_are_the_names_without_possessives() {
    for text in ALL {
        let a = analyze(text).unwrap();
        for e in &a.entities {
            for m in &e.mentions {
                let span = &text[m.loc.start as usize..m.loc.end as usize];
                assert_eq!(span, &*m.text);
                assert!(!span.ends_with("'s") && !span.ends_with("’s"), "{span}");
            }
        }
    }
}

#[test]
fn analysed_together_as_one_by_one() {
    let together = parallax::analyze_many(&ALL);
    assert_eq!(together.len(), ALL.len());
    for (text, analysis) in ALL.iter().zip(together) {
        assert_eq!(analysis.unwrap(), analyze(text).unwrap());
    }
}

/// Every name of the five seeds, hand-checked (tests/fixtures/seeds-entities.tsv: one entity per
/// referent, CoNLL-2003 kinds, mentions counted in the story as a reader sees it: dateline and
/// captions in, appeals, prompts, credits and related links out). Most must come out exactly
/// right: one entity, right kind, exact count. The misses are printed; the floor is what the
/// shipped model reaches (115 of 127), so that a retraining that loses names fails here.
#[test]
fn hand_checked_entities_are_exactly_right() {
    const FLOOR: usize = 116;
    let table = include_str!("fixtures/seeds-entities.tsv");
    let fold = |s: &str| s.to_lowercase().replace('.', "");
    let mut analyses = std::collections::HashMap::new();
    let (mut right, mut total) = (0, 0);
    for line in table.lines().filter(|l| !l.trim().is_empty()) {
        let cols: Vec<&str> = line.split('\t').collect();
        let [file, name, kind, count] = cols[..] else {
            panic!("bad line {line:?}");
        };
        let text = match file {
            f if f.contains("reuters") => REUTERS,
            f if f.contains("independent") => INDEPENDENT,
            f if f.contains("ians") => IANS,
            f if f.contains("aggregator") => AGGREGATOR,
            _ => NEWSER,
        };
        let a = analyses
            .entry(file)
            .or_insert_with(|| analyze(text).unwrap());
        let found: Vec<_> = a
            .entities
            .iter()
            .filter(|e| {
                fold(&e.name) == fold(name) || e.aliases.iter().any(|x| fold(x) == fold(name))
            })
            .collect();
        total += 1;
        let want = (Kind::parse(kind), count.parse::<usize>().ok());
        match found[..] {
            [e] if (Some(e.kind), Some(e.count)) == want => right += 1,
            _ => eprintln!(
                "{file}: {name} {kind} {count}: {:?}",
                found
                    .iter()
                    .map(|e| (&e.name, e.kind, e.count))
                    .collect::<Vec<_>>()
            ),
        }
    }
    assert_eq!(total, 127);
    assert!(right >= FLOOR, "{right} of {total} exactly right");
}
