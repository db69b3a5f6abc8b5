//! Reading pasted articles like an editor: what is cut from each seed article, the metadata read
//! off it, its quotes and sources; and that no input, however odd, makes the reader panic.

use parallax::{analyze, Analysis};

fn seed(name: &str) -> String {
    let path = format!("{}/tests/fixtures/seeds/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// (reason, removed text) for every cut, in order.
fn removed(a: &Analysis) -> Vec<(&str, &str)> {
    a.removed
        .iter()
        .map(|r| (r.reason.as_str(), r.text.as_str()))
        .collect()
}

/// The story text: every kept paragraph.
fn story(input: &str, a: &Analysis) -> String {
    let text = a.indexed_text(input);
    a.paragraph_spans()
        .map(|p| p.of(text))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn aggregator_share_ads_and_related_link() {
    let input = seed("2015-11-23-aggregator-putin-khamenei-tehran.txt");
    let a = analyze(&input).unwrap();
    assert_eq!(
        removed(&a),
        [
            ("share prompt", "Share"),
            ("advertisement", "Advertisement"),
            ("advertisement", "Advertisement"),
            (
                "related link",
                "Russia lifts ban on export of uranium enrichment equipment to Iran"
            ),
        ]
    );
    assert_eq!(
        a.meta.headline.as_deref(),
        Some("Putin praises Iran’s help in Syria")
    );
    let story = story(&input, &a);
    assert!(story.starts_with("Putin praises Iran’s help in Syria\nPraising Russia’s stance"));
    assert!(story.ends_with("aimed at dethroning him."));
}

#[test]
fn ians_has_no_boilerplate() {
    let input = seed("2022-07-19-ians-raisi-putin-tehran.txt");
    let a = analyze(&input).unwrap();
    assert_eq!(removed(&a), []);
    assert_eq!(a.paragraphs.len(), 9);
    let xinhua = a
        .sources
        .iter()
        .find(|s| s.name == "Xinhua")
        .expect("Xinhua cited");
    assert_eq!(xinhua.count, 1);
}

#[test]
fn independent_appeal_glued_to_the_first_sentence_and_comment_prompts() {
    let input = seed("2024-10-11-independent-putin-pezeshkian-ashgabat.txt");
    let a = analyze(&input).unwrap();
    let got = removed(&a);
    let reasons: Vec<&str> = got.iter().map(|(r, _)| *r).collect();
    assert_eq!(
        reasons,
        [
            "donation appeal",
            "donation appeal",
            "donation appeal",
            "subscription appeal",
            "donation appeal",
            "comment prompt",
            "comment prompt",
            "comment prompt"
        ]
    );
    assert_eq!(got[0].1, "Your support helps us to tell the story");
    assert!(got[1]
        .1
        .starts_with("From reproductive rights to climate change"));
    assert!(got[3].1.ends_with("paid for by those who can afford it."));
    assert_eq!(got[4].1, "Your support makes all the difference.");
    assert_eq!(got[5].1, "Join our commenting forum");
    assert_eq!(got[7].1, "Comments");
    let story = story(&input, &a);
    // The glued first sentence of the story survives whole; the standfirst is story too.
    assert!(story.contains("\nRussian president Vladimir Putin has hailed the country’s"));
    assert!(story.contains("Moscow say the two leaders were scheduled"));
    assert!(story.ends_with("“all-time high,” Tass reported."));
    for gone in [
        "Your support",
        "donation",
        "paywalls",
        "commenting",
        "Comments",
    ] {
        assert!(!story.contains(gone), "{gone} left in the story");
    }
    assert_eq!(a.meta.outlet.as_deref(), Some("The Independent"));
    assert_eq!(
        a.meta.headline.as_deref(),
        Some("Putin hails ‘very close’ relationship with Iran in first meeting with new president")
    );
}

#[test]
fn reuters_date_dateline_and_glued_credits() {
    let input = seed("2024-10-11-reuters-putin-pezeshkian-ashgabat.txt");
    let a = analyze(&input).unwrap();
    assert_eq!(
        removed(&a),
        [
            ("date line", "date 2024-10-11"),
            (
                "credits",
                "(Reporting by ReutersWriting by Andrew OsbornEditing by William Maclean)"
            ),
        ]
    );
    let m = &a.meta;
    assert_eq!(m.date.as_deref(), Some("2024-10-11"));
    assert_eq!(
        m.headline.as_deref(),
        Some("Russia’s Putin cements ties with Iranian president in Central Asia meeting")
    );
    let dateline = m.dateline.as_ref().unwrap();
    assert_eq!(
        (dateline.place.as_str(), dateline.wire.as_deref()),
        ("MOSCOW", Some("Reuters"))
    );
    let credits: Vec<(&str, Vec<&str>)> = m
        .credits
        .iter()
        .map(|c| {
            (
                c.role.as_str(),
                c.names.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        credits,
        [
            ("reporting", vec!["Reuters"]),
            ("writing", vec!["Andrew Osborn"]),
            ("editing", vec!["William Maclean"])
        ]
    );
    let story = story(&input, &a);
    // The dateline stays in the story: it opens the story in every reader's view.
    assert!(story.contains("\nMOSCOW (Reuters) -Russia’s Vladimir Putin held talks"));
    // The crosshead is story, not boilerplate.
    assert!(story.contains("NEW WORLD ORDER EMERGING, SAYS PUTIN"));
}

#[test]
fn reuters_quotes_go_to_their_speakers() {
    let input = seed("2024-10-11-reuters-putin-pezeshkian-ashgabat.txt");
    let a = analyze(&input).unwrap();
    let speaker = |start: &str| {
        let q = a
            .quotes
            .iter()
            .find(|q| q.text.starts_with(start))
            .unwrap_or_else(|| panic!("no quote {start}"));
        (q.speaker.as_deref(), q.via.as_deref())
    };
    assert_eq!(
        speaker("Economically and culturally"),
        (Some("Masoud Pezeshkian"), Some("IRNA"))
    );
    assert_eq!(
        speaker("The growing trend of cooperation").0,
        Some("Masoud Pezeshkian")
    );
    assert_eq!(
        speaker("We actively work together"),
        (Some("Vladimir Putin"), Some("TASS"))
    );
    assert_eq!(
        speaker("Our positions in the world").0,
        Some("Masoud Pezeshkian")
    );
    assert_eq!(
        speaker("stop killing innocent people").0,
        Some("Masoud Pezeshkian")
    );
    assert_eq!(speaker("the broadest possible").0, Some("Vladimir Putin"));
    // Speakers point into the entity list.
    for q in &a.quotes {
        if let Some(i) = q.speaker_entity {
            assert_eq!(Some(a.entities[i].name.as_str()), q.speaker.as_deref());
        }
    }
    let sources: Vec<(&str, usize)> = a
        .sources
        .iter()
        .map(|s| (s.name.as_str(), s.count))
        .collect();
    assert_eq!(sources, [("IRNA", 2), ("TASS", 2), ("RIA", 1)]);
}

#[test]
fn newser_date_prefix_and_straight_quotes() {
    let input = seed("2025-01-17-newser-putin-pezeshkian-treaty.txt");
    let a = analyze(&input).unwrap();
    assert_eq!(removed(&a), [("date line", "date 2025-01-17")]);
    assert_eq!(a.meta.date.as_deref(), Some("2025-01-17"));
    // The first paragraph is a story sentence, not a headline.
    assert_eq!(a.meta.headline, None);
    assert!(a.quotes.iter().any(|q| q.text.starts_with("We do consider")
        && q.speaker
            .as_deref()
            .is_some_and(|s| s.ends_with("Pezeshkian"))));
    let ap = a.sources.iter().find(|s| s.name == "AP").expect("AP cited");
    assert_eq!(ap.count, 1);
}

/// Every output span lies inside the indexed text, on char boundaries.
fn check_spans(input: &str, a: &mut Analysis) {
    let text = a.indexed_text(input).to_string();
    for loc in a.locs_mut() {
        let (s, e) = (loc.start as usize, loc.end as usize);
        assert!(
            s <= e && e <= text.len(),
            "span {s}..{e} outside {} bytes",
            text.len()
        );
        assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
    }
}

#[test]
fn odd_inputs_never_panic() {
    let huge_attribute = format!("<div title=\"{}\">x</div>", "a".repeat(200_000));
    let many_quotes = "“".repeat(5000) + &"”".repeat(5000);
    let deep = "<div>".repeat(20_000) + "<p>deep</p>";
    let cases: Vec<String> = vec![
        String::new(),
        " ".into(),
        "\n\n\n".into(),
        "👋".into(),
        "👋 Reuters said “🙂 hi there friend,” he said.".into(),
        "\u{0}\u{1}\u{7f}\u{feff}\u{fffd}".into(),
        "<p>unclosed <b>bold <i>italic".into(),
        "<".into(),
        "<!--".into(),
        "<!DOCTYPE html><html><head><title>".into(),
        "<script>".into(),
        huge_attribute,
        many_quotes,
        "“He said “nested ‘quotes’ here” and more,” she said.".into(),
        "\"\"\"\" \" \" \"".into(),
        deep,
        "(Reporting by".into(),
        "MOSCOW (".into(),
        "date ".into(),
        "date 2024-13-99".into(),
        "Your support.Share\nAdvertisement\nComments".into(),
        "A. B. C. D. E.".into(),
        "<p>é</p><p>日本語のテキスト。</p>".into(),
    ];
    for input in &cases {
        let mut a = analyze(input).unwrap_or_else(|e| panic!("{input:.40}: {e}"));
        check_spans(input, &mut a);
        let _ = parallax::extract(input).unwrap();
    }
    // Every prefix of a seed and of an HTML page: cuts in every possible place.
    let reuters = seed("2024-10-11-reuters-putin-pezeshkian-ashgabat.txt");
    let html = format!(
        "<html><head><title>T | S</title></head><body><article><p>{}</p></article></body></html>",
        reuters.replace("\n\n", "</p><p>")
    );
    for input in [reuters, html] {
        for (i, _) in input.char_indices().step_by(7) {
            let mut a = analyze(&input[..i]).unwrap();
            check_spans(&input[..i], &mut a);
        }
    }
}

#[test]
fn html_input_spans_index_the_extracted_text() {
    let para = "Russia’s Vladimir Putin held talks with Iranian President Masoud Pezeshkian on Friday, according to Tass.";
    let html = format!(
        "<!DOCTYPE html><html><head><title>Putin meets Pezeshkian in Ashgabat | Example</title>\
         <meta property='article:published_time' content='2024-10-11T10:00:00Z'></head>\
         <body><nav><a href=/>Home</a></nav><article><p>{}</p><p>Advertisement</p></article></body></html>",
        [para; 5].join("</p><p>")
    );
    let mut a = analyze(&html).unwrap();
    let text = a.text.clone().expect("HTML input carries its text");
    assert!(text.starts_with("Putin meets Pezeshkian in Ashgabat\n\n"));
    assert_eq!(a.meta.date.as_deref(), Some("2024-10-11"));
    assert_eq!(removed(&a), [("advertisement", "Advertisement")]);
    let tass = &a.sources[0];
    assert_eq!((tass.name.as_str(), tass.count), ("Tass", 5));
    assert_eq!(tass.mentions[0].loc.span().of(&text), "Tass");
    check_spans(&html, &mut a);
    let json = serde_json::to_value(&a).unwrap();
    assert_eq!(json["input"], "html");
    assert!(json["meta"]["credits"].is_array());
}

/// Inputs shaped to make any quadratic step show: each is about a megabyte and must be read in
/// about the time of a plain megabyte (the named limits in the reading modules keep it so).
#[test]
fn pathological_megabytes_are_read_in_linear_time() {
    let distinct_agencies: String = (0..20_000)
        .map(|i| format!("Agency{i} news agency reported. "))
        .collect();
    let cases: Vec<(&str, String)> = vec![
        ("dots without spaces", "a.".repeat(500_000)),
        ("quotes in one sentence", "“a b c” ".repeat(120_000)),
        ("speech verbs", "Putin said. He said. ".repeat(50_000)),
        ("prompt lines", "Advertisement\nShare\n".repeat(50_000)),
        ("distinct agencies", distinct_agencies),
        ("nested tables", "<table><tr><td>".repeat(20_000) + "text"),
        ("open divs", "<div class=x>words here ".repeat(50_000)),
        (
            "open paragraphs",
            "<p>Putin said, “we agree on this,” and left.".repeat(20_000),
        ),
    ];
    for (name, input) in cases {
        let started = std::time::Instant::now();
        let mut a = analyze(&input).unwrap();
        check_spans(&input, &mut a);
        eprintln!("{name}: {} bytes in {:?}", input.len(), started.elapsed());
    }
}

/// Shapes of other outlets' pasted pages (wire dateline and contributor line, caption, ad
/// marker, newsletter, an appeal at the end, topic and reuse links), in a text written for this
/// test: the rules are general, not the seeds' strings.
#[test]
fn other_outlets_boilerplate() {
    let path = format!(
        "{}/tests/fixtures/other-outlets.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let input = std::fs::read_to_string(path).unwrap();
    let a = analyze(&input).unwrap();
    let reasons: Vec<&str> = a.removed.iter().map(|r| r.reason.as_str()).collect();
    assert_eq!(
        reasons,
        [
            "photo caption",
            "advertisement",
            "newsletter sign-up",
            "credits",
            "related link",
            "donation appeal",
            "donation appeal",
            "donation appeal",
            "related link",
            "share prompt"
        ]
    );
    let story = story(&input, &a);
    assert_eq!(
        story,
        "Kremlin says talks with Tehran will go ahead next week\n\
         MOSCOW (AP) — The Kremlin said on Monday that talks with Iranian officials would go ahead next week, despite objections from Western capitals.\n\
         “We see no reason to postpone anything,” Kremlin spokesman Dmitry Peskov told reporters.\n\
         Officials in Tehran did not comment, the state-run IRNA news agency reported.\n\
         The talks are expected to cover energy and transport."
    );
    assert_eq!(a.meta.credits[0].role, "contributing");
    assert_eq!(a.meta.credits[0].names, ["Nasser Karimi"]);
    assert_eq!(
        a.quotes[0]
            .speaker
            .as_deref()
            .map(|s| s.ends_with("Peskov")),
        Some(true)
    );
}
