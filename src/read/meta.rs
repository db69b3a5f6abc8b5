//! What an editor reads off an article before its story: headline, date, dateline place and wire
//! (`MOSCOW (Reuters) -`), byline, credits by role (`(Reporting by ...; Editing by ...)`, also
//! when the separators were lost in copying) and the outlet where the text names it.

use crate::read::boilerplate::Cut;
use crate::text::chars;
use crate::text::span::{serialize_with_loc, Loc, Span};
use crate::text::whitespace;
use crate::text::wordlist;
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};

/// The article's metadata.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Meta {
    /// The headline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub headline: Option<String>,
    /// Where the headline is in the text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub headline_span: Option<Loc>,
    /// Who wrote it, as given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub byline: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The dateline opening the story.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dateline: Option<Dateline>,
    /// Credits by role, in the order given.
    pub credits: Vec<Credit>,
    /// The outlet that published the article, where the text or page names it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
}

/// `MOSCOW (Reuters) -`: where the story was filed and by which wire.
#[derive(Clone, Debug, PartialEq)]
pub struct Dateline {
    /// The place, as written.
    pub place: String,
    /// The wire service in brackets, if any.
    pub wire: Option<String>,
    /// Where the dateline is.
    pub loc: Loc,
}

serialize_with_loc!(Dateline { place: ["place"], wire: [opt "wire"], loc: [loc] });

/// One role of a credit line and the people in it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Credit {
    /// "reporting", "additional reporting", "writing", "editing", ...
    pub role: String,
    /// Names, as written.
    pub names: Vec<String>,
}

/// What the page's own metadata said (HTML input only).
#[derive(Clone, Debug, Default)]
pub struct Given {
    /// Headline and its span in the text.
    pub headline: Option<(String, Span)>,
    /// Byline.
    pub byline: Option<String>,
    /// Publication date as written.
    pub date: Option<String>,
    /// Site name.
    pub outlet: Option<String>,
}

/// Paragraphs near the top searched for a date line, byline or dateline.
const HEAD_PARAGRAPHS: usize = 4;

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Role cues of credit lines, longest first so "Additional reporting by" wins over "reporting by".
const ROLES: &[(&str, &str)] = &[
    ("additional reporting by", "additional reporting"),
    ("reporting by", "reporting"),
    ("writing by", "writing"),
    ("written by", "writing"),
    ("editing by", "editing"),
    ("edited by", "editing"),
    ("compiled by", "compiling"),
    ("research by", "research"),
    ("graphics by", "graphics"),
    ("translated by", "translation"),
    ("translation by", "translation"),
];

/// Reads the metadata of `text`. `cuts` is the boilerplate found so far; the returned cuts are
/// the metadata lines to keep out of the story (date line, byline, credits). The dateline is
/// read but stays story.
pub fn read(text: &str, paragraphs: &[Span], cuts: &[Cut], given: Given) -> (Meta, Vec<Cut>) {
    let mut meta = Meta {
        byline: given.byline,
        date: given
            .date
            .as_deref()
            .and_then(|d| parse_date(d).map(|(d, _)| d)),
        outlet: given.outlet,
        ..Meta::default()
    };
    let mut own: Vec<Cut> = Vec::new();
    let kept = |own: &[Cut]| -> Vec<Span> {
        let mut all: Vec<Cut> = cuts.iter().chain(own.iter()).cloned().collect();
        all.sort_by_key(|c| (c.span.start, c.span.end));
        paragraphs
            .iter()
            .flat_map(|&p| crate::read::boilerplate::subtract(text, p, &all))
            .collect()
    };
    // Date line and byline near the top.
    for p in kept(&own).into_iter().take(HEAD_PARAGRAPHS) {
        let s = p.of(text);
        if let Some((date, len)) = date_line(s) {
            if let Some(date) = date {
                meta.date.get_or_insert(date);
            }
            own.push(Cut {
                span: Span::new(p.start as usize, p.start as usize + len),
                reason: "date line",
            });
        } else if let Some(byline) = byline_line(s) {
            meta.byline.get_or_insert(byline);
            own.push(Cut {
                span: p,
                reason: "byline",
            });
        }
    }
    let pieces = kept(&own);
    // Headline: the page's, or a first line shaped like one.
    match given.headline {
        Some((headline, span)) => {
            meta.headline = Some(headline);
            meta.headline_span = Some(span.into());
        }
        None => {
            if let (Some(&first), true) = (pieces.first(), pieces.len() > 1) {
                let s = first.of(text);
                let words = whitespace::words(s).count();
                if (2..=25).contains(&words) && !s.ends_with(['.', '!', ':', ';', ',']) {
                    meta.headline = Some(fold(s));
                    meta.headline_span = Some(first.into());
                }
            }
        }
    }
    // Dateline: the first story paragraph opening with PLACE (Wire) -.
    let skip = usize::from(meta.headline_span.is_some());
    for p in pieces.iter().skip(skip).take(HEAD_PARAGRAPHS) {
        if let Some((place, wire, len)) = dateline(p.of(text)) {
            let span = Span::new(p.start as usize, p.start as usize + len);
            // The dateline opens the story in every reader's view (and in the extraction
            // benchmarks' gold): it stays in the text, and its place and wire are mentions.
            meta.dateline = Some(Dateline {
                place,
                wire,
                loc: span.into(),
            });
            break;
        }
    }
    // Credit lines, usually last. A credit given again (articles pasted one after another, each
    // with its credit line) is listed once; each line is still cut from the story.
    let mut listed: HashSet<Credit> = HashSet::new();
    for &p in &pieces {
        if let Some(credits) = credit_line(p.of(text)) {
            for credit in credits {
                if listed.insert(credit.clone()) {
                    meta.credits.push(credit);
                }
            }
            own.push(Cut {
                span: p,
                reason: "credits",
            });
        }
    }
    if meta.outlet.is_none() {
        meta.outlet = self_named_outlet(text, cuts)
            .or_else(|| meta.dateline.as_ref().and_then(|d| d.wire.clone()));
    }
    (meta, own)
}

fn fold(s: &str) -> String {
    whitespace::words(s).collect::<Vec<_>>().join(" ")
}

/// `date 2024-10-11`, `Published: 11 October 2024`: the date and the length of the prefix.
fn date_line(s: &str) -> Option<(Option<String>, usize)> {
    for label in ["last updated", "published", "updated", "posted", "date"] {
        let Some(rest) = wordlist::strip_prefix(s, label) else {
            continue;
        };
        let rest_trimmed = rest
            .trim_start_matches([':', ' ', '\t'])
            .trim_start_matches(|c: char| c.is_whitespace());
        let rest_trimmed = wordlist::strip_prefix(rest_trimmed, "at ")
            .or_else(|| wordlist::strip_prefix(rest_trimmed, "on "))
            .unwrap_or(rest_trimmed);
        let offset = s.len() - rest_trimmed.len();
        if offset == label.len() && !rest.is_empty() && !rest.starts_with([':', ' ']) {
            continue;
        }
        if let Some((date, len)) = parse_date(&s[offset..]) {
            return Some((Some(date), offset + len));
        }
        // "Last updated at 10:32 GMT", "Updated 2 hours ago": a date line with no date to read.
        return is_date_or_time(rest_trimmed).then_some((None, s.len()));
    }
    // A line that is only a date (and perhaps a time).
    let (date, len) = parse_date(s)?;
    let rest = &s[len..];
    let timeish = rest.len() < 24
        && !rest
            .chars()
            .any(|c| chars::is_alphabetic(c) && c.is_lowercase());
    timeish.then_some((Some(date), s.len()))
}

/// A date at the start of `s`: ISO (`2024-10-11`, with any time after it), `11 October 2024`,
/// `October 11, 2024`, `Oct. 11, 2024`. Returns `YYYY-MM-DD` and the bytes read.
pub fn parse_date(s: &str) -> Option<(String, usize)> {
    let b = s.as_bytes();
    let digits = |from: usize, n: usize| {
        b.get(from..from + n)
            .filter(|d| d.iter().all(u8::is_ascii_digit))
            .map(|_| &s[from..from + n])
    };
    if let (Some(y), Some(m), Some(d)) = (digits(0, 4), digits(5, 2), digits(8, 2)) {
        if b[4] == b'-' && b[7] == b'-' {
            let mut len = 10;
            if b.get(10) == Some(&b'T') {
                len += s[10..]
                    .find(|c: char| c.is_whitespace())
                    .unwrap_or(s.len() - 10);
            }
            return Some((format!("{y}-{m}-{d}"), len));
        }
    }
    // Words: up to four tokens holding a day, a month name and a year.
    let mut day = None;
    let mut month = None;
    let mut year = None;
    let mut end = 0;
    for (i, token) in s.split_inclusive(char::is_whitespace).take(4).enumerate() {
        let word = token.trim().trim_matches(|c: char| c == ',' || c == '.');
        let lower = word.to_lowercase();
        if let Some(m) = MONTHS
            .iter()
            .position(|name| lower.len() >= 3 && name.starts_with(&lower))
        {
            month = Some(m + 1);
        } else if word.len() == 4 && word.chars().all(|c| c.is_ascii_digit()) {
            year = Some(word.to_string());
        } else if (1..=2).contains(&word.len()) && word.chars().all(|c| c.is_ascii_digit()) {
            day = Some(word.parse::<u32>().ok()?);
        } else if i == 0 && word.len() >= 3 && lower.chars().all(chars::is_alphabetic) {
            // A weekday before the date ("Friday, 11 October 2024").
        } else {
            break;
        }
        end += token.len();
        if let (Some(d), Some(m), Some(y)) = (day, month, &year) {
            if (1..=31).contains(&d) {
                let token_end = end - (token.len() - token.trim_end().len());
                return Some((format!("{y}-{m:02}-{d:02}"), token_end));
            }
        }
    }
    None
}

/// `By Andrew Osborn and Dmitry Antonov`.
fn byline_line(s: &str) -> Option<String> {
    let rest = s.strip_prefix("By ").or_else(|| s.strip_prefix("by "))?;
    let words: Vec<&str> = whitespace::words(rest).collect();
    let names_only = words.iter().all(|w| {
        matches!(*w, "and" | "&" | "in") || w.chars().next().is_some_and(char::is_uppercase)
    });
    ((1..=8).contains(&words.len()) && names_only && !s.ends_with('.')).then(|| fold(rest))
}

/// The name part of a byline as marked up in a page: what follows it after a separator ("•",
/// "·", "|", a dash) or a comma when it is a date or a time ("James Akinaka • 8h", "By Ann Lee,
/// March 3, 2020") is left out; a byline that is only a date or a time is none.
pub fn byline_name(s: &str) -> Option<String> {
    let s = s.trim();
    // The first separator after which all the rest is a date or a time ends the name.
    let end = s
        .char_indices()
        .filter(|&(_, c)| matches!(c, '•' | '·' | '|' | ',' | '–' | '—'))
        .map(|(i, _)| i)
        .find(|&i| {
            let rest = s[i..].trim_start_matches(['•', '·', '|', ',', '–', '—', ' ']);
            rest.is_empty() || is_date_or_time(rest)
        })
        .unwrap_or(s.len());
    let name = s[..end].trim();
    (!name.is_empty() && !is_date_or_time(name)).then(|| fold(name))
}

/// Whether `s` is a date ("March 3, 2020", "2020-03-03"), a clock time ("11:57 AM UTC") or a
/// relative time ("8h", "2 hours ago", "Updated 5 min ago").
fn is_date_or_time(s: &str) -> bool {
    let s = s.trim();
    let s = wordlist::strip_prefix(s, "updated").map_or(s, str::trim_start);
    if parse_date(s).is_some() {
        return true;
    }
    let words: Vec<&str> = whitespace::words(s).collect();
    let relative = |w: &str| {
        let digits = w.bytes().take_while(u8::is_ascii_digit).count();
        digits > 0 && matches!(&w[digits..], "h" | "m" | "d" | "w" | "min" | "hr" | "hrs")
    };
    let units = [
        "second", "seconds", "minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs",
        "day", "days", "week", "weeks", "ago",
    ];
    let weekday = |w: &str| {
        let w = w.trim_end_matches(',');
        [
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
        ]
        .iter()
        .any(|d| w.eq_ignore_ascii_case(d))
    };
    match words.as_slice() {
        [first, ..] if weekday(first) => true,
        [w] => relative(w) || w.eq_ignore_ascii_case("yesterday"),
        [n, unit, rest @ ..] if n.bytes().all(|b| b.is_ascii_digit()) => {
            wordlist::is_any(unit, &units) && rest.iter().all(|w| wordlist::is_any(w, &units))
        }
        _ => {
            // "11:57 AM UTC": a clock time, perhaps with its zone.
            words.first().is_some_and(|w| {
                let (h, m) = w.split_once(':').unwrap_or(("", ""));
                !h.is_empty()
                    && h.len() <= 2
                    && h.bytes().all(|b| b.is_ascii_digit())
                    && m.bytes().take(2).all(|b| b.is_ascii_digit())
            }) && words.len() <= 3
        }
    }
}

/// `MOSCOW (Reuters) -`, `ASHGABAT, Turkmenistan, Oct 11 (AP) —`, `WASHINGTON —`: the place,
/// the wire and the length of the dateline including the dash and the space after it.
fn dateline(s: &str) -> Option<(String, Option<String>, usize)> {
    // Longest dateline read; beyond it the capitals are a shouted sentence, not a place.
    const MAX_DATELINE_BYTES: usize = 80;
    let head = &s[..floor_char(s, MAX_DATELINE_BYTES)];
    let place_len = head
        .find(|c: char| !(c.is_uppercase() || matches!(c, ' ' | '.' | '-' | '\'' | '’')))
        .unwrap_or(head.len());
    let place = head[..place_len].trim();
    if place.chars().filter(|&c| chars::is_alphabetic(c)).count() < 3 {
        return None;
    }
    let mut pos = head[..place_len].trim_end().len();
    // ", Turkmenistan", ", Oct 11"
    while head[pos..].starts_with(',') {
        let rest = &head[pos + 1..];
        let seg = rest.find([',', '(', '-', '–', '—']).unwrap_or(rest.len());
        if seg > 30 || rest[..seg].contains(". ") {
            return None;
        }
        pos += 1 + seg;
    }
    let mut wire = None;
    let rest = head[pos..].trim_start();
    pos = head.len() - rest.len();
    if let Some(inner) = rest.strip_prefix('(') {
        let close = inner.find(')')?;
        let name = inner[..close].trim();
        if name.is_empty() || whitespace::words(name).count() > 4 {
            return None;
        }
        wire = Some(name.to_string());
        pos += close + 2;
    }
    let rest = head[pos..].trim_start();
    let dash = rest
        .chars()
        .next()
        .filter(|c| matches!(c, '-' | '–' | '—'))?;
    pos = head.len() - rest.len() + dash.len_utf8();
    let after = head[pos..].trim_start_matches(['-', ' ']);
    pos = head.len() - after.len();
    Some((place.to_string(), wire, pos))
}

fn floor_char(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// `(Reporting by ReutersWriting by Andrew OsbornEditing by William Maclean)`: credits by role.
/// Cues are found in the line itself, in any ASCII case, so that every position cuts the line
/// where it should whatever letters the names hold.
fn credit_line(s: &str) -> Option<Vec<Credit>> {
    // The longest credit lines of wire copy ("Reporting by ..., ... and ... in ...; Additional
    // reporting by ...; Writing by ...; Editing by ... and ...") run to about 300 bytes. A
    // longer line starting with a cue is a story's sentence or a pasted list: read as credits
    // it made a name per comma, each a string, the most memory an input of its size could take.
    const MAX_CREDIT_LINE_BYTES: usize = 1_000;
    if s.len() > MAX_CREDIT_LINE_BYTES {
        return None;
    }
    let inner = s
        .trim()
        .trim_start_matches(['(', '['])
        .trim_end_matches([')', ']']);
    // "Associated Press writer Jim Heintz in Kyiv contributed to this report."
    for ending in [
        "contributed to this report.",
        "contributed reporting.",
        "contributed to this story.",
    ] {
        if let Some(names) = wordlist::strip_suffix(inner, ending).map(str::trim) {
            let words = whitespace::words(names).count();
            // Credit lines are short; a sentence that ends so in a story is longer.
            const MAX_CONTRIBUTOR_WORDS: usize = 24;
            if words == 0 || words > MAX_CONTRIBUTOR_WORDS {
                return None;
            }
            let names: Vec<String> = names
                .split([';', ','])
                .flat_map(|part| part.split(" and "))
                .map(|n| n.find(" in ").map_or(n, |i| &n[..i]))
                .map(|n| {
                    // "Associated Press writer Jim Heintz": the name is the capitalised tail.
                    let ws: Vec<&str> = whitespace::words(n).collect();
                    let start = ws
                        .iter()
                        .rposition(|w| w.chars().next().is_some_and(char::is_lowercase))
                        .map_or(0, |k| k + 1);
                    ws[start..].join(" ")
                })
                .filter(|n| !n.is_empty())
                .collect();
            return (!names.is_empty()).then(|| {
                vec![Credit {
                    role: "contributing".to_string(),
                    names,
                }]
            });
        }
    }
    if !ROLES
        .iter()
        .any(|(cue, _)| wordlist::starts_with(inner, cue))
    {
        return None;
    }
    // Every cue position; a shorter cue inside a longer one found earlier is skipped. Marks are
    // kept ordered by start, so that the check looks at the mark just before: in a tree, since
    // inserting into a sorted list moved the rest of it each time, quadratic on a long line of
    // alternating cues ("Editing by Reporting by ...", 8 MB 78 s; issue 16).
    let mut marks: BTreeMap<usize, (usize, &str)> = BTreeMap::new();
    for (cue, role) in ROLES {
        let mut from = 0;
        while let Some(start) = wordlist::find(inner, cue, from) {
            let inside = marks
                .range(..=start)
                .next_back()
                .is_some_and(|(_, &(end, _))| start < end);
            if !inside {
                marks.insert(start, (start + cue.len(), role));
            }
            from = start + cue.len();
        }
    }
    let marks: Vec<(usize, usize, &str)> = marks.into_iter().map(|(s, (e, r))| (s, e, r)).collect();
    let mut credits = Vec::new();
    for (k, &(_, end, role)) in marks.iter().enumerate() {
        let until = marks.get(k + 1).map_or(inner.len(), |m| m.0);
        let names: Vec<String> = inner[end..until]
            .split([';', ','])
            .flat_map(|part| part.split(" and "))
            .map(|n| {
                let n = n.trim();
                // "Dmitry Antonov in Moscow": the place is not part of the name.
                let n = n.find(" in ").map_or(n, |i| &n[..i]);
                n.trim_matches(|c: char| c.is_whitespace() || matches!(c, ';' | ',' | '.'))
            })
            // "A, B, with reporting by C": "with" joins the next role, it is no name.
            .filter(|n| !n.is_empty() && !n.eq_ignore_ascii_case("with"))
            .map(str::to_string)
            .collect();
        if !names.is_empty() {
            credits.push(Credit {
                role: role.to_string(),
                names,
            });
        }
    }
    (!credits.is_empty()).then_some(credits)
}

/// The outlet an appeal or prompt names as itself: "The Independent is trusted by ...",
/// "follow other Independent readers". The most often named capitalised name wins.
fn self_named_outlet(text: &str, cuts: &[Cut]) -> Option<String> {
    let promos = cuts.iter().filter(|c| {
        c.reason.ends_with("appeal")
            || c.reason.ends_with("prompt")
            || c.reason.starts_with("newsletter")
    });
    // Counts in order of first naming (the tie-break), with an index to find a name's count:
    // searching the list made many appeals naming different outlets quadratic (issue 16).
    let mut counts: Vec<(String, usize)> = Vec::new();
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for cut in promos {
        let words: Vec<&str> = whitespace::words(cut.span.of(text)).collect();
        for (i, w) in words.iter().enumerate() {
            let name = if *w == "The" {
                words
                    .get(i + 1)
                    .filter(|n| is_name_word(n))
                    .map(|n| format!("The {}", chars::bare(n)))
            } else if words.get(i + 1).is_some_and(|n| n.starts_with("reader")) && is_name_word(w) {
                Some(format!("The {}", chars::bare(w)))
            } else {
                None
            };
            if let Some(name) = name {
                match index.get(&name) {
                    Some(&k) => counts[k].1 += 1,
                    None => {
                        index.insert(name.clone(), counts.len());
                        counts.push((name, 1));
                    }
                }
            }
        }
    }
    let best = counts.iter().map(|(_, c)| *c).max()?;
    (best >= 2)
        .then(|| counts.into_iter().find(|(_, c)| *c == best).map(|(n, _)| n))
        .flatten()
}

fn is_name_word(w: &str) -> bool {
    let w = chars::bare(w);
    w.chars().count() > 2 && w.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Articles pasted one after another each bring their credit line: the page listed the same
    /// credits once per article.
    #[test]
    fn a_credit_given_again_is_listed_once() {
        let story = "Putin met Pezeshkian in Ashgabat on Friday, officials said.\n\n\
                     (Reporting by Reuters; Editing by William Maclean)\n\n";
        let article = crate::read::article::read(&story.repeat(3));
        let credits: Vec<(&str, &[String])> = article
            .meta
            .credits
            .iter()
            .map(|c| (c.role.as_str(), c.names.as_slice()))
            .collect();
        let names = |n: &str| vec![n.to_string()];
        assert_eq!(
            credits,
            [
                ("reporting", &names("Reuters")[..]),
                ("editing", &names("William Maclean")[..])
            ]
        );
        let cut = article.removed.iter().filter(|c| c.reason == "credits");
        assert_eq!(
            cut.count(),
            3,
            "every credit line is still out of the story"
        );
    }

    #[test]
    fn dates() {
        let cases = [
            ("2024-10-11 Russia’s Putin", Some(("2024-10-11", 10))),
            ("2024-10-11T09:30:00Z", Some(("2024-10-11", 20))),
            ("11 October 2024", Some(("2024-10-11", 15))),
            ("October 11, 2024 at noon", Some(("2024-10-11", 16))),
            ("Friday, Oct. 11, 2024", Some(("2024-10-11", 21))),
            ("Putin met", None),
            ("", None),
        ];
        for (s, want) in cases {
            let got = parse_date(s);
            assert_eq!(got.as_ref().map(|(d, l)| (d.as_str(), *l)), want, "{s}");
        }
    }

    #[test]
    fn datelines() {
        let cases = [
            (
                "MOSCOW (Reuters) -Russia’s Vladimir Putin",
                Some(("MOSCOW", Some("Reuters"), "Russia’s Vladimir Putin")),
            ),
            (
                "ASHGABAT, Turkmenistan (AP) — Putin",
                Some(("ASHGABAT", Some("AP"), "Putin")),
            ),
            (
                "WASHINGTON — The U.S.",
                Some(("WASHINGTON", None, "The U.S.")),
            ),
            ("NEW WORLD ORDER EMERGING, SAYS PUTIN", None),
            ("Putin met", None),
        ];
        for (s, want) in cases {
            let got = dateline(s);
            let got = got
                .as_ref()
                .map(|(p, w, len)| (p.as_str(), w.as_deref(), &s[*len..]));
            assert_eq!(got, want, "{s}");
        }
    }

    #[test]
    fn glued_credit_line() {
        let got =
            credit_line("(Reporting by ReutersWriting by Andrew OsbornEditing by William Maclean)")
                .unwrap();
        let got: Vec<(&str, Vec<&str>)> = got
            .iter()
            .map(|c| {
                (
                    c.role.as_str(),
                    c.names.iter().map(String::as_str).collect(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("reporting", vec!["Reuters"]),
                ("writing", vec!["Andrew Osborn"]),
                ("editing", vec!["William Maclean"])
            ]
        );
        let got = credit_line("Additional reporting by Dmitry Antonov in Moscow and Parisa Hafezi; Editing by Jon Boyle").unwrap();
        assert_eq!(got[0].names, ["Dmitry Antonov", "Parisa Hafezi"]);
        assert_eq!(got[1].role, "editing");
        assert_eq!(credit_line("Reporters said the talks went well."), None);
    }

    fn roles(line: &str) -> Vec<(String, Vec<String>)> {
        credit_line(line)
            .unwrap_or_default()
            .into_iter()
            .map(|c| (c.role, c.names))
            .collect()
    }

    /// Cue positions are taken in the line itself: letters whose lowercase form is longer or
    /// shorter (İ, the Kelvin sign, ẞ, Ω, Å) once cut lines inside a character or past their end.
    #[test]
    fn credit_cues_are_found_in_the_line_itself() {
        assert_eq!(
            roles("Reporting by İbrahim Özdemir in İzmir; Editing by Şebnem Arsu"),
            [
                ("reporting".into(), vec!["İbrahim Özdemir".to_string()]),
                ("editing".into(), vec!["Şebnem Arsu".to_string()])
            ]
        );
        assert_eq!(
            roles("Reporting by Ali Çelik\u{212A}\u{212A}; Editing by ẞtefan Ω Å"),
            [
                (
                    "reporting".into(),
                    vec!["Ali Çelik\u{212A}\u{212A}".to_string()]
                ),
                ("editing".into(), vec!["ẞtefan Ω Å".to_string()])
            ]
        );
        let contributed = credit_line("ÖKKK Jim Heintz contributed to this report.").unwrap();
        assert_eq!(contributed[0].names, ["ÖKKK Jim Heintz"]);
        assert_eq!(
            date_line("Published: 11 October 2024 ẞ"),
            Some((Some("2024-10-11".to_string()), 26))
        );
        assert_eq!(date_line(&format!("Published: {}", "İ".repeat(30))), None);
    }

    /// "with reporting by C" starts a role: "with" is not one of the names before it.
    #[test]
    fn with_reporting_by_is_not_a_name() {
        assert_eq!(
            roles("(Reporting by Anna Smith, Tom Jones, with reporting by Lee Park; Editing by Dan Grebler)"),
            [
                ("reporting".into(), vec!["Anna Smith".to_string(), "Tom Jones".to_string()]),
                ("reporting".into(), vec!["Lee Park".to_string()]),
                ("editing".into(), vec!["Dan Grebler".to_string()])
            ]
        );
    }

    #[test]
    fn byline_names_without_the_dates_and_times_glued_to_them() {
        assert_eq!(
            byline_name("James Akinaka • 8h").as_deref(),
            Some("James Akinaka")
        );
        assert_eq!(
            byline_name("By Ann Lee, March 3, 2020").as_deref(),
            Some("By Ann Lee")
        );
        assert_eq!(
            byline_name("Ann Lee | Updated 2 hours ago").as_deref(),
            Some("Ann Lee")
        );
        assert_eq!(byline_name("Sunday, Feb 1, 2015 11:57 AM UTC"), None);
        assert_eq!(byline_name("2024-10-11"), None);
        assert_eq!(
            byline_name("Smith, Jones and Lee").as_deref(),
            Some("Smith, Jones and Lee")
        );
    }
}
