//! Restoring removed passages: a reader puts set-aside boilerplate back into the story.

use parallax::{
    analyze, analyze_with, compare, compare_with, AnalyzeOptions, CompareOptions, Span,
};

const INDEPENDENT: &str =
    include_str!("fixtures/seeds/2024-10-11-independent-putin-pezeshkian-ashgabat.txt");
const REUTERS: &str =
    include_str!("fixtures/seeds/2024-10-11-reuters-putin-pezeshkian-ashgabat.txt");

fn restoring(spans: Vec<Span>) -> AnalyzeOptions {
    AnalyzeOptions { restore: spans }
}

fn has_entity(a: &parallax::Analysis, name: &str) -> bool {
    a.entities.iter().any(|e| e.name == name)
}

/// The span of the first removed passage whose text contains `needle`.
fn removed_span(a: &parallax::Analysis, needle: &str) -> Span {
    a.removed
        .iter()
        .find(|r| r.text.contains(needle))
        .unwrap_or_else(|| panic!("no removed passage with {needle:?}"))
        .loc
        .span()
}

#[test]
fn restoring_the_donation_appeal_counts_its_names_and_words() {
    let plain = analyze(INDEPENDENT).unwrap();
    assert!(!has_entity(&plain, "Elon Musk"), "the appeal is set aside");
    let appeal = removed_span(&plain, "Elon Musk");
    let restored = analyze_with(INDEPENDENT, &restoring(vec![appeal])).unwrap();
    assert!(has_entity(&restored, "Elon Musk"));
    assert!(restored.word_count > plain.word_count);
    assert!(restored.sentence_count > plain.sentence_count);
    assert_eq!(restored.removed.len(), plain.removed.len() - 1);
    assert!(restored.removed.iter().all(|r| r.loc.span() != appeal));
    assert!(restored.paragraph_spans().any(|p| p.contains(appeal)));
    let starts: Vec<u32> = restored.paragraph_spans().map(|p| p.start).collect();
    assert!(
        starts.windows(2).all(|w| w[0] < w[1]),
        "paragraphs in text order"
    );
}

#[test]
fn a_span_covering_several_cuts_restores_them_all() {
    let plain = analyze(INDEPENDENT).unwrap();
    let everything = Span::new(0, INDEPENDENT.len());
    let restored = analyze_with(INDEPENDENT, &restoring(vec![everything])).unwrap();
    assert!(restored.removed.is_empty());
    assert!(restored.word_count > plain.word_count);
}

#[test]
fn a_cut_glued_to_a_story_sentence_rejoins_its_paragraph() {
    let plain = analyze(INDEPENDENT).unwrap();
    let glued = removed_span(&plain, "Your support makes all the difference.");
    let restored = analyze_with(INDEPENDENT, &restoring(vec![glued])).unwrap();
    let paragraph = restored
        .paragraph_spans()
        .find(|p| p.contains(glued))
        .expect("the cut is story again");
    assert!(paragraph
        .of(INDEPENDENT)
        .contains("Russian president Vladimir Putin"));
}

#[test]
fn restoring_nothing_changes_nothing() {
    for text in [INDEPENDENT, REUTERS] {
        assert_eq!(
            analyze_with(text, &AnalyzeOptions::default()).unwrap(),
            analyze(text).unwrap()
        );
    }
}

#[test]
fn spans_that_hold_no_cut_are_ignored() {
    let plain = analyze(INDEPENDENT).unwrap();
    let len = INDEPENDENT.len() as u32;
    let first = plain.removed[0].loc.span();
    // Deserialized spans are unchecked: inverted, out of range, off char boundaries, or partly
    // over a cut.
    let garbage = vec![
        Span { start: 9, end: 3 },
        Span {
            start: len + 5,
            end: u32::MAX,
        },
        Span {
            start: u32::MAX,
            end: 0,
        },
        Span { start: 1, end: 2 },
        Span {
            start: first.start + 1,
            end: first.end,
        },
        Span {
            start: first.start,
            end: first.end - 1,
        },
    ];
    let got = analyze_with(INDEPENDENT, &restoring(garbage)).unwrap();
    assert_eq!(got, plain);
    // Off a char boundary: the curly quote in the Independent is three bytes.
    let quote = INDEPENDENT.find('’').unwrap();
    let off = Span {
        start: quote as u32 + 1,
        end: quote as u32 + 2,
    };
    assert_eq!(
        analyze_with(INDEPENDENT, &restoring(vec![off])).unwrap(),
        plain
    );
}

#[test]
fn comparison_analyses_each_side_with_its_own_restore_list() {
    let plain = compare(REUTERS, INDEPENDENT).unwrap();
    let appeal = removed_span(&plain.b, "Elon Musk");
    let options = CompareOptions {
        restore_b: vec![appeal],
        ..CompareOptions::default()
    };
    let restored = compare_with(REUTERS, INDEPENDENT, options).unwrap();
    assert!(has_entity(&restored.b, "Elon Musk"));
    assert!(restored.b.word_count > plain.b.word_count);
    assert_eq!(restored.a, plain.a, "A is analysed as before");
    // The same span given for A, where it holds no cut, is ignored.
    let crossed = CompareOptions {
        restore_a: vec![appeal],
        ..CompareOptions::default()
    };
    assert_eq!(compare_with(REUTERS, INDEPENDENT, crossed).unwrap(), plain);
}

#[test]
fn restore_options_read_from_camel_case_json() {
    let o: CompareOptions =
        serde_json::from_str(r#"{"restoreA":[{"start":1,"end":4}],"restoreB":[]}"#).unwrap();
    assert_eq!(o.restore_a, vec![Span::new(1, 4)]);
    assert_eq!(o.min_match_words, CompareOptions::default().min_match_words);
    let a: AnalyzeOptions = serde_json::from_str(r#"{"restore":[{"start":0,"end":2}]}"#).unwrap();
    assert_eq!(a.restore, vec![Span::new(0, 2)]);
    let none: AnalyzeOptions = serde_json::from_str("{}").unwrap();
    assert_eq!(none, AnalyzeOptions::default());
}
