//! Comparing real articles: the seed pair (the Independent reusing Reuters), derived copies
//! built from the seeds, and unrelated stories.

mod common;
use common::synth::{self, covered, Rng};
use parallax::{
    compare, compare_many, compare_with, CompareOptions, Comparison, Loc, PassageKind, Span,
    Verdict,
};

const REUTERS: &str =
    include_str!("fixtures/seeds/2024-10-11-reuters-putin-pezeshkian-ashgabat.txt");
const INDEPENDENT: &str =
    include_str!("fixtures/seeds/2024-10-11-independent-putin-pezeshkian-ashgabat.txt");
const AGGREGATOR: &str =
    include_str!("fixtures/seeds/2015-11-23-aggregator-putin-khamenei-tehran.txt");
const IANS: &str = include_str!("fixtures/seeds/2022-07-19-ians-raisi-putin-tehran.txt");
const NEWSER: &str = include_str!("fixtures/seeds/2025-01-17-newser-putin-pezeshkian-treaty.txt");

fn b_spans(c: &Comparison) -> Vec<Span> {
    c.passages.iter().map(|p| p.b.span()).collect()
}

fn a_spans(c: &Comparison) -> Vec<Span> {
    c.passages.iter().map(|p| p.a.span()).collect()
}

fn find(text: &str, needle: &str) -> Span {
    let start = text.find(needle).expect("paragraph in text");
    Span::new(start, start + needle.len())
}

/// The Independent's paragraphs that Reuters has word for word, as they appear in the Independent.
const VERBATIM: &[&str] = &[
    "“Economically and culturally, our communications are being strengthened day by day and becoming more robust,” Pezeshkian was cited as telling Putin by Iran’s official IRNA news agency.",
    "“The growing trend of cooperation between Iran and Russia, considering the will of the top leaders of both countries, must be accelerated to strengthen these ties,” he said.",
    "Pezeshkian last month committed his country to deeper ties with Russia to counter Western sanctions. The two countries say they are close to signing a strategic partnership agreement, something Pezeshkian said on Friday he hoped could be finalised at the BRICS summit in Russia later this month.",
];

/// Reused with an inserted clause and a reworded date.
const EDITED: &str = "Putin, whose country is hosting a summit of the BRICS nations, which includes Brazil, Russia, India, China and South Africa, in Kazan on 22 - 24 October, invited Pezeshkian to come to Russia on an official visit, a proposal the Iranian leader accepted according to Russia’s state RIA news agency.";

#[test]
fn seed_pair_aligns_every_shared_paragraph() {
    let c = compare(REUTERS, INDEPENDENT).unwrap();
    for p in VERBATIM {
        let (a, b) = (find(REUTERS, p), find(INDEPENDENT, p));
        assert_eq!(covered(INDEPENDENT, &[b], &b_spans(&c)), 1.0, "B: {p}");
        assert_eq!(covered(REUTERS, &[a], &a_spans(&c)), 1.0, "A: {p}");
    }
    // The edited paragraph: both reused stretches aligned, the inserted clause left out.
    let edited = find(INDEPENDENT, EDITED);
    let within = |part: &str| {
        let at = edited.start as usize + EDITED.find(part).expect("part of the paragraph");
        Span::new(at, at + part.len())
    };
    for reused in [
        "Putin, whose country is hosting a summit of the BRICS nations",
        "invited Pezeshkian to come to Russia on an official visit, a proposal the Iranian leader accepted according to Russia’s state RIA news agency",
    ] {
        assert_eq!(covered(INDEPENDENT, &[within(reused)], &b_spans(&c)), 1.0, "{reused}");
    }
    let inserted = within("which includes Brazil, Russia, India, China and South Africa");
    assert_eq!(covered(INDEPENDENT, &[inserted], &b_spans(&c)), 0.0);
    // Every passage pairs a stretch with its own copy: the texts agree on both sides.
    for p in c
        .passages
        .iter()
        .filter(|p| p.kind != PassageKind::Rewritten)
    {
        assert!(p.similarity > 0.8, "{p:?}");
    }
    assert_eq!(c.verdict, Verdict::Partly);
    assert!(
        (0.1..0.5).contains(&c.reused_share_b),
        "{}",
        c.reused_share_b
    );
}

#[test]
fn seed_pair_aligns_reordered_paragraphs() {
    // The Independent with its paragraphs reversed: each shared paragraph still aligns.
    let mut paras = synth::paragraphs(INDEPENDENT);
    paras.reverse();
    let reversed = paras.join("\n");
    let c = compare(REUTERS, &reversed).unwrap();
    for p in VERBATIM {
        assert_eq!(
            covered(&reversed, &[find(&reversed, p)], &b_spans(&c)),
            1.0,
            "{p}"
        );
    }
}

#[test]
fn seed_pair_marks_what_the_independent_added() {
    let c = compare(REUTERS, INDEPENDENT).unwrap();
    let entity = |last: &str| {
        c.entities
            .iter()
            .find(|e| e.name == last || e.name.ends_with(&format!(" {last}")))
            .unwrap_or_else(|| panic!("no entity {last} in {:#?}", c.entities))
    };
    for added in ["Houthis", "Hezbollah", "Bout"] {
        let e = entity(added);
        assert!(e.count_a == 0 && e.count_b > 0 && e.reused_b == 0, "{e:?}");
        assert!(c.added_by_b().any(|x| x.name == e.name));
    }
    for shared in ["Putin", "Pezeshkian"] {
        let e = entity(shared);
        assert!(e.count_a > 0 && e.count_b > 0, "{e:?}");
        // Some of the Independent's mentions are in Reuters' paragraphs, some in its own.
        assert!(e.reused_b > 0 && e.reused_b < e.count_b, "{e:?}");
    }
    for dropped in [
        "Shanghai Cooperation Organisation",
        "Eurasian Economic Union",
    ] {
        let e = entity(dropped);
        assert!(e.count_a > 0 && e.count_b == 0, "{e:?}");
    }
    let reused = c.reused();
    let brazil = find(INDEPENDENT, "Brazil");
    assert!(
        !reused.in_b(brazil),
        "the inserted clause is the Independent's own"
    );
    let ria = find(INDEPENDENT, "RIA");
    assert!(reused.in_b(ria));
}

#[test]
fn seed_pair_distinctive_words() {
    let c = compare(REUTERS, INDEPENDENT).unwrap();
    let terms = |l: &[parallax::Term]| l.iter().map(|t| t.term.clone()).collect::<Vec<_>>();
    let (a, b) = (terms(&c.distinctive.a), terms(&c.distinctive.b));
    // Reuters' "new world order" paragraph, which the Independent drops.
    assert!(a.iter().any(|t| t.contains("world")), "{a:?}");
    // The Independent's own material.
    assert!(b.iter().any(|t| t.contains("houthis")), "{b:?}");
    assert!(b.iter().any(|t| t.contains("bout")), "{b:?}");
    // Words both use about equally are nobody's.
    assert!(!a.iter().chain(&b).any(|t| t == "kazan"));
}

/// All five seeds, one after another: 2,300 words of distinct news text.
fn all_seeds() -> String {
    [AGGREGATOR, IANS, REUTERS, INDEPENDENT, NEWSER].join("\n\n")
}

#[test]
fn derived_copy_is_still_aligned() {
    let source = all_seeds();
    for seed in 1..=5 {
        let mut rng = Rng::new(seed);
        let (copy, kept) = synth::derive(&source, 0.15, &mut rng);
        let c = compare(&source, &copy).unwrap();
        let story = |a: &parallax::Analysis| a.paragraph_spans().collect::<Vec<_>>();
        let (reused_a, reused_b) =
            synth::reused_story(&source, &copy, &kept, &story(&c.a), &story(&c.b));
        // Not vacuous: most kept sentences are story (the rest are the seeds' donation appeals,
        // comment prompts and credits, which a reader sets aside).
        assert!(
            reused_b.len() * 3 >= kept.len() * 2,
            "{} of {} kept sentences are story",
            reused_b.len(),
            kept.len()
        );
        let share_a = covered(&source, &reused_a, &a_spans(&c));
        let share_b = covered(&copy, &reused_b, &b_spans(&c));
        assert!(
            share_b >= 0.95,
            "seed {seed}: {share_b:.3} of the reused copy aligned"
        );
        assert!(
            share_a >= 0.95,
            "seed {seed}: {share_a:.3} of the reused source aligned"
        );
        // One word changed in every sentence is a light rewrite: derived, but not wholly.
        assert_eq!(c.verdict, Verdict::Partly);
        assert!(c.unquoted_b.aligned_share >= 0.9, "{:?}", c.unquoted_b);
    }
}

#[test]
fn unrelated_stories_barely_align() {
    let seeds = [AGGREGATOR, IANS, REUTERS, INDEPENDENT, NEWSER];
    for (i, x) in seeds.iter().enumerate() {
        for (j, y) in seeds.iter().enumerate().skip(i + 1) {
            if (i, j) == (2, 3) {
                continue; // the derived pair
            }
            let c = compare(x, y).unwrap();
            assert!(
                c.reused_share_a < 0.02 && c.reused_share_b < 0.02,
                "{i} vs {j}: {c:?}"
            );
            assert_eq!(c.verdict, Verdict::Not);
        }
    }
}

#[test]
fn min_match_words_is_a_setting() {
    let strict = CompareOptions {
        min_match_words: Some(40),
        ..CompareOptions::default()
    };
    let c = compare_with(REUTERS, INDEPENDENT, strict).unwrap();
    assert_eq!(c.settings.min_match_words, 40);
    assert!(c
        .passages
        .iter()
        .filter(|p| p.kind != PassageKind::Rewritten)
        .all(|p| p.words >= 40));
    let loose = compare(REUTERS, INDEPENDENT).unwrap();
    assert!(c.passages.len() < loose.passages.len());
}

#[test]
fn many_articles_give_matrices() {
    let eight = CompareOptions {
        min_match_words: Some(8),
        ..CompareOptions::default()
    };
    let m = compare_many(&[REUTERS, INDEPENDENT, NEWSER], eight.clone()).unwrap();
    assert_eq!(m.reuse.len(), 3);
    assert!(m.reuse[1][0] > 0.1 && m.reuse[0][1] > 0.1);
    assert!(m.reuse[0][2] < 0.02 && m.reuse[2][1] < 0.02);
    assert_eq!(m.reuse[2][2], 1.0);
    // The same story shares most named things; every pair shares Putin at least.
    assert!(m.entity_overlap[1][0] > m.entity_overlap[1][2] * 0.5);
    assert!(m
        .entity_overlap
        .iter()
        .flatten()
        .all(|&x| (0.0..=1.0).contains(&x) && x > 0.0));
    let pair = compare_with(REUTERS, INDEPENDENT, eight).unwrap();
    assert_eq!(m.reuse[1][0], pair.reused_share_b);
}

#[test]
fn too_many_articles_is_refused() {
    let texts = vec!["Putin spoke."; parallax::MAX_ARTICLES + 1];
    let err = compare_many(&texts, CompareOptions::default()).unwrap_err();
    assert!(err.to_string().contains("at most"));
}

#[test]
fn odd_input_never_panics() {
    let odd = [
        "",
        " ",
        "👋",
        "\u{FFFD}\u{0}\u{7}",
        "a",
        "“”—–‘’",
        "the the the the the the the the the",
    ];
    for x in odd {
        for y in odd {
            let c = compare(x, y).unwrap();
            for p in &c.passages {
                assert!(
                    x.is_char_boundary(p.a.start as usize) && y.is_char_boundary(p.b.end as usize)
                );
            }
        }
    }
}

#[test]
fn arbitrary_text_never_panics_and_spans_sit_on_char_boundaries() {
    const PIECES: &[&str] = &[
        "Putin", "met", "the", "Iran", " ", " ", "\n", "\n\n", "’s", "“", "”", "—", "-", ".", ",",
        "👋", "é", "ऊ", "\u{FFFD}", "\u{0}", "\t", "'", "U.S.", "22-24", "Tass", "said",
    ];
    let mut rng = Rng::new(7);
    for _ in 0..200 {
        let mut text =
            |n: usize| -> String { (0..n).map(|_| PIECES[rng.below(PIECES.len())]).collect() };
        let a = text(300);
        let b = format!("{}{}", text(20), &a);
        let options = CompareOptions {
            min_match_words: Some(1 + rng.below(12)),
            ..CompareOptions::default()
        };
        let c = compare_with(&a, &b, options).unwrap();
        for p in &c.passages {
            for (span, text) in [(p.a.span(), &a), (p.b.span(), &b)] {
                assert!(text.is_char_boundary(span.start as usize));
                assert!(text.is_char_boundary(span.end as usize));
                assert!(span.start < span.end);
            }
        }
        // B is A behind a prefix: A is wholly reused.
        assert!(
            c.reused_share_a > 0.9 || a.split_whitespace().count() < 20,
            "{a:?}"
        );
    }
}

#[test]
fn seed_pair_quotes_and_sources() {
    let c = compare(REUTERS, INDEPENDENT).unwrap();
    let q = &c.quotes;
    let starts = |prefix: &str| q.shared.iter().find(|s| s.b.text.starts_with(prefix));
    for prefix in ["Economically and culturally", "The growing trend"] {
        let s = starts(prefix).unwrap_or_else(|| panic!("{prefix} not shared: {q:#?}"));
        // Reused paragraphs: the quote is inherited on both sides.
        assert!(s.a.reused && s.b.reused, "{s:?}");
    }
    assert!(q
        .only_a
        .iter()
        .any(|x| x.text.contains("stop killing innocent people")));
    let peskov = q
        .only_b
        .iter()
        .find(|x| x.text.contains("serious conversation"));
    assert!(peskov.is_some_and(|x| !x.reused), "{q:#?}");
    let tass = c
        .sources
        .iter()
        .find(|s| s.name.eq_ignore_ascii_case("tass"));
    assert!(
        tass.is_some_and(|s| s.count_a > 0 && s.count_b > 0 && s.reused_b == 0),
        "{:?}",
        c.sources
    );
}

#[test]
fn restated_sentence_of_the_seed_pair_is_rewritten_reuse() {
    let c = compare(REUTERS, INDEPENDENT).unwrap();
    let a = find(
        REUTERS,
        "accused Iran of supplying Russia with ballistic missiles",
    );
    let b = find(
        INDEPENDENT,
        "Iran recently supplied Russia with short-range ballistic missiles",
    );
    assert!(
        c.passages.iter().any(|p| p.kind == PassageKind::Rewritten
            && p.a.span().start <= a.start
            && a.end <= p.a.span().end
            && p.b.span().start <= b.start
            && b.end <= p.b.span().end),
        "{:?}",
        c.passages
    );
    // A rewritten sentence shares no wording: nothing in it is inherited.
    assert!(c.verbatim_share_b < c.reused_share_b);
}

#[test]
fn shared_quotation_alone_is_not_derivation() {
    let quote = "“We are ready to work together on every question of regional security and trade with our neighbours,” Putin said.";
    let a =
        format!("Putin met Pezeshkian in Ashgabat on Friday. {quote} The talks lasted two hours.");
    let b = format!("Iran's president flew home on Saturday after a summit of Central Asian states. {quote} Analysts in Tehran expect a treaty within months.");
    let c = compare(&a, &b).unwrap();
    assert!(!c.passages.is_empty(), "the quote is aligned");
    assert!(c.quoted_share_b > 0.3, "{}", c.quoted_share_b);
    assert_eq!(c.verdict, Verdict::Not, "{:?}", c.unquoted_b);
}

#[test]
fn passage_never_chains_across_a_break_on_one_side_only() {
    let one =
        "The two countries say they are close to signing a strategic partnership agreement soon";
    let two = "Pezeshkian last month committed his country to deeper ties with Russia to counter sanctions";
    let a = format!("{one} {two}");
    let b = format!("{one}\n\n{two}");
    let c = compare(&a, &b).unwrap();
    assert_eq!(c.passages.len(), 2, "{:?}", c.passages);
}

#[test]
fn sentence_moved_out_of_a_bridged_gap_is_found() {
    let x = "The two countries say they are close to signing a strategic partnership agreement.";
    let moved = "Putin arrived late.";
    let y = "Pezeshkian last month committed his country to deeper ties with Russia to counter sanctions.";
    let tail =
        "Iran has denied supplying drones to Russia for use in the war in Ukraine, officials said.";
    let a = format!("{x} {moved} {y}\n\n{tail}");
    let b = format!("{x} {y}\n\n{tail} {moved} It rained.");
    let c = compare_with(
        &a,
        &b,
        CompareOptions {
            min_match_words: Some(3),
            ..CompareOptions::default()
        },
    )
    .unwrap();
    let moved_b = find(&b, moved.trim_end_matches('.'));
    assert!(
        c.passages
            .iter()
            .any(|p| p.b.span().start <= moved_b.start && moved_b.end <= p.b.span().end),
        "{:?}",
        c.passages
    );
}

#[test]
fn one_sided_sentences_are_listed() {
    let c = compare(REUTERS, INDEPENDENT).unwrap();
    let listed = |sentences: &[Loc], at: Span| sentences.iter().any(|s| s.span().contains(at));
    assert!(listed(
        &c.sentences.only_b,
        find(INDEPENDENT, "Viktor Bout")
    ));
    assert!(listed(
        &c.sentences.only_a,
        find(REUTERS, "new world order")
    ));
}

#[test]
fn one_sided_sentences_are_whole_sentences() {
    // Listed as the sentences they are: a quotation keeps its opening mark as well as its
    // closing one, and the sentence its final stop.
    let a = "Shares fell on Tuesday after the regulator opened an inquiry into the company.\n\n\
             \"This is a warning shot,\" said an analyst at a bank in New York.";
    let b = "Shares fell on Tuesday after the regulator opened an inquiry into the company.\n\n\
             The company said it would cooperate with the authorities.";
    let c = compare(a, b).unwrap();
    let texts = |sentences: &[Loc], text: &str| -> Vec<String> {
        sentences
            .iter()
            .map(|s| s.span().of(text).to_string())
            .collect()
    };
    assert_eq!(
        texts(&c.sentences.only_a, a),
        ["\"This is a warning shot,\" said an analyst at a bank in New York."]
    );
    assert_eq!(
        texts(&c.sentences.only_b, b),
        ["The company said it would cooperate with the authorities."]
    );
}

#[test]
fn quote_in_another_translation_is_the_same_remark_not_inherited() {
    let c = compare(REUTERS, INDEPENDENT).unwrap();
    let other = c
        .quotes
        .shared
        .iter()
        .find(|q| q.b.text.starts_with("We are actively working together"))
        .expect("the two translations are one remark");
    assert_eq!(other.wording, parallax::Wording::Other);
    assert!(!other.a.reused && !other.b.reused);
    // The copied quotes are the same words, and inherited.
    assert!(c
        .quotes
        .shared
        .iter()
        .any(|q| q.wording == parallax::Wording::Same && q.b.reused));
}

#[test]
fn a_name_b_writes_is_never_dropped() {
    let c = compare(REUTERS, INDEPENDENT).unwrap();
    let dropped: Vec<&str> = c.dropped_by_b().map(|e| e.name.as_str()).collect();
    // The Independent writes "anti-Israel" and "a Central Asian country".
    for name in ["Israel", "Central Asia"] {
        assert!(!dropped.contains(&name), "{name} in {dropped:?}");
    }
    // What it really leaves out is still listed.
    assert!(dropped.contains(&"Global South"), "{dropped:?}");
}

#[test]
fn endless_sentences_of_shared_words_compare_in_bounded_time() {
    // Long sentences drawn from one vocabulary: every sentence of A is a candidate for every
    // sentence of B. Linear work finishes well inside the bound; all-pairs work would not.
    let mut rng = Rng::new(7);
    let mut text = |sentences: usize| {
        (0..sentences)
            .map(|_| {
                let words: Vec<String> = (0..300)
                    .map(|_| format!("w{:05}", rng.below(20_000)))
                    .collect();
                words.join(" ") + "."
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let (a, b) = (text(300), text(300));
    let start = std::time::Instant::now();
    compare(&a, &b).unwrap();
    assert!(start.elapsed().as_secs() < 10, "{:?}", start.elapsed());
}
