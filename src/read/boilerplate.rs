//! What came along with the story when it was copied: donation and subscription appeals, share,
//! comment and newsletter prompts, "Advertisement", photo captions and credits, related-link
//! lists. Found by general rules (cue words, the shape of a line, its position), each removal
//! reported with its reason so that the page can grey it out and the reader can restore it.

use crate::text::chars;
use crate::text::paragraphs::sentence_spans;
use crate::text::span::Span;
use crate::text::whitespace;
use crate::text::wordlist::{self, Affixes, Words};

/// A stretch of the text that is not story, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cut {
    /// Where it is.
    pub span: Span,
    /// Why it is not story: "donation appeal", "share prompt", ...
    pub reason: &'static str,
}

/// The reason given for photo captions and credit lines.
pub const CAPTION: &str = "photo caption";

/// Longest line, in words, read as a prompt or a caption: those are short, and a long line is
/// story however it reads.
const MAX_PROMPT_WORDS: usize = 25;

/// Lines that are a prompt when they are the whole line (lowercase, end punctuation dropped).
const WHOLE_LINES: &[(&str, &[&str])] = &[
    (
        "advertisement",
        &[
            "advertisement",
            "advertisements",
            "advert",
            "ad",
            "sponsored",
            "sponsored content",
            "paid content",
            "story continues below advertisement",
            "article continues below advertisement",
            "continue reading below",
            "article continues below",
            "scroll to continue",
            "scroll to continue reading",
            "ad feedback",
        ],
    ),
    (
        "share prompt",
        &[
            "share",
            "share this",
            "share this article",
            "share this story",
            "share article",
            "share on facebook",
            "share on twitter",
            "share via email",
            "tweet",
            "email",
            "print",
            "copy link",
            "link copied",
            "whatsapp",
            "facebook",
            "twitter",
            "linkedin",
            "reddit",
            "save",
            "save article",
            "gift article",
            "listen to article",
            "listen",
            "reuse this content",
            "share this page",
        ],
    ),
    (
        "comment prompt",
        &[
            "comments",
            "comment",
            "view comments",
            "show comments",
            "leave a comment",
            "add a comment",
            "join the conversation",
            "join the discussion",
            "discussion",
        ],
    ),
];

/// Beginnings of lines that introduce links to other stories.
const RELATED_OPENERS: Affixes = Affixes::openings(&[
    "explore more on these topics",
    "more on this story",
    "related topics",
    "related article",
    "read more",
    "read also",
    "also read",
    "read next",
    "related:",
    "related articles",
    "related stories",
    "related coverage",
    "related content",
    "more from",
    "more on this",
    "recommended",
    "you may also like",
    "you might also like",
    "see also",
    "most read",
    "most popular",
    "trending now",
    "watch:",
    "click here",
]);

/// Beginnings of photo captions and credit lines.
const PHOTO_OPENERS: Affixes = Affixes::openings(&[
    "image caption",
    "image source",
    "media caption",
    "photo:",
    "photograph:",
    "photos:",
    "image:",
    "picture:",
    "pictured:",
    "(photo",
    "[photo",
    "photo credit",
    "image credit",
    "credit:",
    "file photo",
    "file picture",
    "video:",
]);

/// Endings of credit lines under pictures: "... Photo: Reuters/Maxim Shemetov", "via Getty Images".
const PHOTO_CREDIT_ENDINGS: Affixes = Affixes::endings(&[
    "getty images",
    "via getty images",
    "ap photo",
    "afp photo",
    "reuters photo",
    "shutterstock",
    "alamy",
    "epa-efe",
    "pa wire",
    "pa media",
]);

/// Words that ask for readers' money or sign-up, outside quotation marks. ("Subscribers" is
/// not one: a story about a streaming service counts them, asks for nothing.)
const APPEAL_CUES: Words = Words::new(&[
    "support",
    "donation",
    "donations",
    "donate",
    "donating",
    "contribute",
    "contribution",
    "contributions",
    "subscribe",
    "subscription",
    "journalism",
    "journalists",
    "reporters",
    "paywall",
    "paywalls",
    "independent",
    "membership",
    "afford",
    "difference",
    "funding",
    "favour",
    "favor",
    "readers",
    "reader-funded",
    "independence",
    "shareholders",
    "billionaire",
]);

/// Words of an outlet talking about itself to its readers.
const OUTLET_CUES: Words = Words::new(&[
    "journalism",
    "journalists",
    "reporters",
    "readers",
    "reader-funded",
    "favour",
    "favor",
    "independence",
    "shareholders",
    "billionaire",
]);

/// Cues strong enough alone.
const STRONG_APPEAL_CUES: Words = Words::new(&[
    "donation",
    "donations",
    "donate",
    "paywall",
    "paywalls",
    "subscribe",
    "subscription",
]);

/// The outlet speaking to its readers.
const VOICE: Words = Words::new(&["we", "us", "our", "ours", "you", "your", "yours"]);

const COMMENT_CUES: Words = Words::new(&[
    "comment",
    "comments",
    "commenting",
    "conversation",
    "conversations",
    "replies",
    "discussion",
    "forum",
]);

const NEWSLETTER_CUES: Words = Words::new(&["newsletter", "newsletters", "inbox"]);

/// Words addressing the reader in a prompt ("Get our free newsletter").
const ADDRESSED: Words = Words::new(&["your", "our", "free"]);

/// Imperative openers of prompts ("Join our commenting forum", "Sign up ...").
const IMPERATIVES: Words = Words::new(&[
    "join",
    "leave",
    "add",
    "post",
    "view",
    "show",
    "read",
    "sign",
    "subscribe",
    "follow",
    "get",
    "click",
    "tap",
    "watch",
    "listen",
    "download",
    "register",
    "log",
]);

/// Finds the boilerplate in `text`, whose paragraphs are `paragraphs`. Cuts are in text order
/// and do not overlap.
pub fn find(text: &str, paragraphs: &[Span]) -> Vec<Cut> {
    let mut cuts: Vec<Cut> = Vec::new();
    let mut whole: Vec<Option<&'static str>> = paragraphs
        .iter()
        .map(|&p| line_reason(p.of(text)))
        .collect();
    // Appeals: paragraphs in the outlet's voice asking for support, and the sentences of such an
    // appeal that run into the next paragraph (or into the story with no space between).
    let sentences: Vec<Vec<(Span, Option<&'static str>)>> = paragraphs
        .iter()
        .map(|&p| {
            sentence_spans(text, p)
                .into_iter()
                .map(|s| (s, appeal_reason(s.of(text))))
                .collect()
        })
        .collect();
    let mut appeal_paragraph: Vec<Option<&'static str>> = sentences
        .iter()
        .map(|ss| {
            // No sentence of an appeal, no appeal: most paragraphs, whose words need no count.
            let reason = ss.iter().find_map(|(_, r)| *r)?;
            let words = |s: Span| whitespace::words(s.of(text)).count();
            let total: usize = ss.iter().map(|&(s, _)| words(s)).sum();
            let appeal: usize = ss
                .iter()
                .filter(|(_, r)| r.is_some())
                .map(|&(s, _)| words(s))
                .sum();
            (total > 0 && appeal * 2 >= total).then_some(reason)
        })
        .collect();
    // A paragraph in the outlet's voice between two appeal paragraphs is part of the appeal
    // ("From reproductive rights to climate change, The Independent is on the ground ... we know
    // how important it is ...").
    for i in 1..paragraphs.len().saturating_sub(1) {
        let between = appeal_paragraph[i - 1].is_some() && appeal_paragraph[i + 1].is_some();
        if between && appeal_paragraph[i].is_none() {
            let words = plain_words(paragraphs[i].of(text));
            if words.iter().any(|w| VOICE.has(w)) {
                appeal_paragraph[i] = appeal_paragraph[i - 1];
            }
        }
    }
    for (i, reason) in appeal_paragraph.iter().enumerate() {
        if whole[i].is_none() {
            whole[i] = *reason;
        }
    }
    for (i, &p) in paragraphs.iter().enumerate() {
        if let Some(reason) = whole[i] {
            cuts.push(Cut { span: p, reason });
            continue;
        }
        // An appeal's sentences at the edge of a story paragraph next to an appeal.
        let ss = &sentences[i];
        if i > 0 && appeal_paragraph[i - 1].is_some() {
            let lead = ss.iter().take_while(|(_, r)| r.is_some()).count();
            if lead > 0 && lead < ss.len() {
                let reason = ss[0].1.unwrap_or("donation appeal");
                cuts.push(Cut {
                    span: Span::new(p.start as usize, ss[lead - 1].0.end as usize),
                    reason,
                });
            }
        }
        if i + 1 < paragraphs.len() && appeal_paragraph[i + 1].is_some() {
            let trail = ss.iter().rev().take_while(|(_, r)| r.is_some()).count();
            if trail > 0 && trail < ss.len() {
                let first = ss.len() - trail;
                cuts.push(Cut {
                    span: Span::new(ss[first].0.start as usize, p.end as usize),
                    reason: ss[first].1.unwrap_or("donation appeal"),
                });
            }
        }
    }
    related_tail(text, paragraphs, &mut cuts);
    cuts.sort_by_key(|c| (c.span.start, c.span.end));
    cuts.dedup_by(|b, a| a.span.overlaps(b.span));
    cuts
}

/// Words of `s` outside quotation marks, punctuation trimmed, without "US" (the country, not
/// "us"). Compared to the lowercase cue lists in any case.
fn plain_words(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut quoted = false;
    for word in whitespace::words(s) {
        let opens = word.starts_with(['“', '"']);
        if opens {
            quoted = true;
        }
        let core = chars::bare(word);
        if !quoted && !core.is_empty() && core != "US" {
            out.push(core);
        }
        if word
            .trim_end_matches(|c: char| c.is_ascii_punctuation() && c != '"')
            .ends_with(['”', '"'])
            || (opens && word.chars().skip(1).any(|c| c == '”' || c == '"'))
        {
            quoted = false;
        }
    }
    out
}

fn appeal_reason(sentence: &str) -> Option<&'static str> {
    // Every appeal speaks to the reader or for the outlet (below): a sentence with no such word
    // anywhere, quoted or not, is none, and most sentences are turned away here without the
    // list of their words.
    if !whitespace::words(sentence).any(|w| VOICE.has(chars::bare(w))) {
        return None;
    }
    let words = plain_words(sentence);
    let count = |list: &Words| words.iter().filter(|w| list.has(w)).count();
    let voice = count(&VOICE);
    // Every appeal speaks to the reader or for the outlet; most sentences do neither.
    if voice == 0 {
        return None;
    }
    let cues = count(&APPEAL_CUES);
    // "your support", "support us", "support our journalism": support asked of the reader.
    let asked_support = words.windows(2).any(|w| {
        (w[0].eq_ignore_ascii_case("your") && w[1].eq_ignore_ascii_case("support"))
            || (w[0].eq_ignore_ascii_case("support") && wordlist::is_any(w[1], &["us", "our"]))
    });
    let strong = count(&STRONG_APPEAL_CUES) + usize::from(asked_support);
    // Second person alone is the voice of how-tos and blogs; an appeal also asks for money or
    // sign-up, or talks of the outlet's own journalism.
    // An outlet speaking of itself and its readers: "we have a small favour to ask".
    let outlet_talk = count(&OUTLET_CUES);
    let appeal = voice >= 1 && (strong >= 1 || cues >= 2) || voice >= 2 && outlet_talk >= 1;
    if !appeal {
        return None;
    }
    let subscription = words.iter().any(|w| {
        wordlist::starts_with(w, "subscri")
            || wordlist::starts_with(w, "paywall")
            || w.eq_ignore_ascii_case("membership")
    });
    let donation = words.iter().any(|w| {
        wordlist::starts_with(w, "donat")
            || w.eq_ignore_ascii_case("support")
            || wordlist::starts_with(w, "contribut")
    });
    Some(if subscription && !donation {
        "subscription appeal"
    } else {
        "donation appeal"
    })
}

/// The reason a whole line is boilerplate, from its words and shape.
fn line_reason(line: &str) -> Option<&'static str> {
    // Every rule below reads a short line (at most MAX_PROMPT_WORDS words once a trailing
    // punctuation word is trimmed): most paragraphs are turned away before being lowercased.
    if whitespace::words(line).nth(MAX_PROMPT_WORDS + 1).is_some() {
        return None;
    }
    let lower = line.trim().to_lowercase();
    let bare = lower.trim_end_matches(|c: char| c.is_ascii_punctuation() || c == '…');
    let words: Vec<&str> = whitespace::words(bare).collect();
    if words.is_empty() {
        return None;
    }
    for (reason, lines) in WHOLE_LINES {
        if lines.contains(&bare) {
            return Some(reason);
        }
    }
    // "12 comments", "Share 0", "Facebook Twitter Email"
    let counted = words.len() == 2 && words.iter().any(|w| w.chars().all(|c| c.is_ascii_digit()));
    if counted {
        for (reason, lines) in WHOLE_LINES {
            if words.iter().any(|w| lines.contains(w)) {
                return Some(reason);
            }
        }
    }
    let share_words = WHOLE_LINES[1].1;
    if words.len() > 1 && words.len() <= 6 && words.iter().all(|w| share_words.contains(w)) {
        return Some("share prompt");
    }
    if words.len() > MAX_PROMPT_WORDS {
        return None;
    }
    let first = chars::bare(words[0]);
    let imperative = IMPERATIVES.has(first);
    // The lists' filters turn most words away by their length and first letter.
    let has = |cues: &Words| words.iter().any(|w| cues.has(chars::bare(w)));
    if RELATED_OPENERS.found_in(bare)
        || (bare.contains("http") && matches!(first, "follow" | "read" | "more" | "see" | "watch"))
        || is_bare_url(bare)
    {
        return Some("related link");
    }
    // "Support the Guardian", "Support us": the button under an appeal.
    if words.len() <= 4 && first == "support" && matches!(words.get(1), Some(&"us") | Some(&"the"))
    {
        return Some("donation appeal");
    }
    if PHOTO_OPENERS.found_in(bare) || PHOTO_CREDIT_ENDINGS.found_in(bare) {
        return Some(CAPTION);
    }
    let addressed = has(&ADDRESSED);
    if (has(&NEWSLETTER_CUES) && (imperative || addressed))
        || (imperative && (bare.contains("sign up") || first == "subscribe"))
    {
        return Some("newsletter sign-up");
    }
    if has(&COMMENT_CUES) && imperative {
        return Some("comment prompt");
    }
    if (first == "follow" && (bare.contains(" on ") || bare.contains(" us")))
        || bare.starts_with("share this")
        || bare.starts_with("share on")
    {
        return Some("share prompt");
    }
    None
}

/// A line that is only an address ("https://apnews.com/hub/iran", "www.example.com/x"): a link
/// copied with the story, not a sentence of it.
fn is_bare_url(line: &str) -> bool {
    !line.contains(char::is_whitespace)
        && (line.starts_with("http://")
            || line.starts_with("https://")
            || (line.starts_with("www.") && line.contains('.')))
}

/// Headline-shaped lines after the story's last sentence: links to other stories.
fn related_tail(text: &str, paragraphs: &[Span], cuts: &mut Vec<Cut>) {
    // Fewer paragraphs than this and the text is too short to tell a tail from the story.
    const MIN_STORY_PARAGRAPHS: usize = 3;
    if paragraphs.len() <= MIN_STORY_PARAGRAPHS {
        return;
    }
    cuts.sort_by_key(|c| (c.span.start, c.span.end));
    // Cuts are sorted and do not overlap: a binary search finds the one that could hold `p`.
    let is_cut = |p: Span, cuts: &[Cut]| {
        let i = cuts.partition_point(|c| c.span.end < p.end);
        cuts.get(i).is_some_and(|c| c.span.contains(p))
    };
    let mut tail = Vec::new();
    for &p in paragraphs.iter().rev() {
        if is_cut(p, cuts) {
            continue;
        }
        let line = p.of(text).trim();
        let words = whitespace::words(line).count();
        // A headline is words; a results table ("Plymouth 4 Exeter 1", "Uzbekistan 1 1 0 0 2 0
        // 3"), a fixture ("Ajax v PSV") or a team sheet (names between commas) is story data,
        // and ends the tail.
        let numbers = whitespace::words(line)
            .filter(|w| w.chars().any(|c| c.is_ascii_digit()))
            .count();
        let line_words: Vec<&str> = whitespace::words(line).collect();
        let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
        let fixture = line_words.iter().any(|&w| matches!(w, "v" | "vs" | "vs."))
            || (line_words.len() <= 6
                && line_words.contains(&"at")
                && line_words.iter().filter(|w| **w != "at").all(capitalised));
        let ends_in_number = line_words
            .last()
            .is_some_and(|w| w.chars().any(|c| c.is_ascii_digit()));
        let listing = numbers >= 2 || ends_in_number || fixture || line.matches(',').count() >= 2;
        let headline_shaped = !listing
            && (3..=20).contains(&words)
            && !line.contains(". ")
            && !line.ends_with(['.', '!', '?', ':', ';', ',', '”', '"', ')'])
            && line.chars().next().is_some_and(char::is_uppercase)
            && !line
                .chars()
                .filter(|&c| chars::is_alphabetic(c))
                .all(char::is_uppercase);
        if !headline_shaped {
            break;
        }
        tail.push(p);
    }
    let kept = paragraphs.iter().filter(|&&p| !is_cut(p, cuts)).count();
    if kept > tail.len() + MIN_STORY_PARAGRAPHS - 1 {
        cuts.extend(tail.into_iter().map(|span| Cut {
            span,
            reason: "related link",
        }));
    }
}

/// Paragraph `p` without the parts `cuts` cover, as trimmed pieces. `cuts` are sorted by start
/// and do not overlap, so the ones touching `p` are found by binary search.
pub fn subtract(text: &str, p: Span, cuts: &[Cut]) -> Vec<Span> {
    let mut pieces = Vec::new();
    let mut start = p.start as usize;
    let first = cuts.partition_point(|c| c.span.end <= p.start);
    let touching = cuts[first..]
        .iter()
        .take_while(|c| c.span.start < p.end)
        .filter(|c| c.span.overlaps(p));
    for cut in touching {
        let cut_start = (cut.span.start as usize).max(p.start as usize);
        if cut_start > start {
            pieces.push(Span::new(start, cut_start));
        }
        start = start.max(cut.span.end as usize);
    }
    if start < p.end as usize {
        pieces.push(Span::new(start, p.end as usize));
    }
    pieces
        .into_iter()
        .filter_map(|s| {
            let piece = s.of(text);
            let lead = piece.len() - piece.trim_start().len();
            let trimmed = piece.trim();
            (trimmed.chars().any(chars::is_alphanumeric)).then(|| {
                Span::new(
                    s.start as usize + lead,
                    s.start as usize + lead + trimmed.len(),
                )
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str) -> Vec<(&str, &'static str)> {
        let paragraphs = crate::text::paragraphs::lines(text);
        find(text, &paragraphs)
            .into_iter()
            .map(|c| (c.span.of(text), c.reason))
            .collect()
    }

    #[test]
    fn whole_line_prompts() {
        let cases: &[(&str, &str)] = &[
            ("Advertisement", "advertisement"),
            ("Share", "share prompt"),
            ("Facebook Twitter Email", "share prompt"),
            ("12 Comments", "comment prompt"),
            ("Join our commenting forum", "comment prompt"),
            (
                "Sign up to our free morning newsletter",
                "newsletter sign-up",
            ),
            ("Read more: Putin visits Tehran", "related link"),
            (
                "Vladimir Putin in Ashgabat. Photograph: Maxim Shemetov/Reuters via Getty Images",
                "photo caption",
            ),
        ];
        for (line, reason) in cases {
            assert_eq!(line_reason(line), Some(*reason), "{line}");
        }
        for story in [
            "Putin said the comments were unhelpful.",
            "Share prices fell sharply on Friday after the announcement.",
            "We will respond, Peskov said.",
        ] {
            assert_eq!(line_reason(story), None, "{story}");
        }
    }

    #[test]
    fn appeal_glued_to_the_story() {
        let text = "Your support helps us to tell the story\nAt such a moment we need reporters. Your donation allows us to keep going.\nYour support makes all the difference.Russian president Vladimir Putin has hailed ties.\nHe met Pezeshkian.\nThe two spoke for an hour.\nThey agreed to meet again.";
        let got = cut(text);
        assert_eq!(
            got,
            [
                ("Your support helps us to tell the story", "donation appeal"),
                (
                    "At such a moment we need reporters. Your donation allows us to keep going.",
                    "donation appeal"
                ),
                ("Your support makes all the difference.", "donation appeal"),
            ]
        );
    }

    #[test]
    fn quoted_first_person_is_story() {
        let text =
            "“We need your support,” Putin told Pezeshkian.\n“Our ties are strong,” he said.";
        assert!(cut(text).is_empty());
    }

    /// Held-out blog and how-to pages speak to the reader ("you can ...") without asking for
    /// anything; the first rules cut their paragraphs as appeals.
    #[test]
    fn second_person_prose_is_story() {
        let text = "You can contribute to the evolution of this API by participating in discussions.\n\
                    If you measure all four signals and page a human, you will be fine.\n\
                    We use the information we have to improve our systems so we can show you more.\n\
                    To which Samantha understandably replies:\n\
                    The newsletter was first published in 1998.";
        assert_eq!(cut(text), []);
    }

    /// Results tables, fixtures and team sheets at the end of a sports story are story data with
    /// names in them, not headline-shaped links to other stories.
    #[test]
    fn results_table_is_not_a_related_link_list() {
        let text = "Plymouth beat Exeter on Saturday.\n\nThe crowd was large.\n\nExeter had chances.\n\nPlymouth 4 Exeter 1\n\nUzbekistan 1 1 0 0 2 0 3\n\nAustria at Croatia\n\nAjax v PSV Eindhoven\n\nPanayiotopoulos (Greece), Florian Schwarthoff (Germany) 39.93";
        assert_eq!(cut(text), []);
    }

    /// A line that is only an address is a link copied with the story.
    #[test]
    fn bare_url_lines_are_links() {
        let text = "Putin met Khamenei.\n\nhttps://apnews.com/hub/iran\n\nThey spoke about Syria.";
        assert_eq!(cut(text), [("https://apnews.com/hub/iran", "related link")]);
    }

    /// A story sentence that counts a service's subscribers asks the reader for nothing.
    #[test]
    fn a_paragraph_that_mentions_subscribers_is_not_an_appeal() {
        let text = "Netflix added 8 million subscribers, and it says you will see more of its films, which its support staff welcome.\n\nShares rose.";
        assert_eq!(cut(text), []);
    }

    #[test]
    fn related_links_after_the_story() {
        let text = "Putin met Khamenei.\n\nThey spoke about Syria.\n\nRussia sent jets.\n\nThe talks ended on Monday.\n\nRussia lifts ban on export of uranium enrichment equipment to Iran";
        assert_eq!(
            cut(text),
            [(
                "Russia lifts ban on export of uranium enrichment equipment to Iran",
                "related link"
            )]
        );
    }
}
