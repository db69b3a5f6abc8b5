//! The CLI's readable summaries of analyses and comparisons. Every string that comes from an
//! article (and the file names given) is printed through [`shown`], control characters and
//! bidi overrides escaped.

use super::shown::shown;
use parallax::{Analysis, Comparison, ComparisonMany, PassageKind, SharedEntity, Term};
use std::io::{self, Write};

/// Characters of each side shown for a passage.
const EXCERPT_CHARS: usize = 70;

/// The first `EXCERPT_CHARS` characters of `text`, white space folded, [`shown`].
fn excerpt(text: &str) -> String {
    let folded = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if folded.chars().count() <= EXCERPT_CHARS {
        shown(&folded).into_owned()
    } else {
        let cut: String = folded.chars().take(EXCERPT_CHARS - 1).collect();
        format!("{}…", shown(&cut))
    }
}

/// The first `chars` characters of `text`, [`shown`] in double quotes.
fn quoted(text: &str, chars: usize) -> String {
    let cut: String = text.chars().take(chars).collect();
    format!("\"{}\"", shown(&cut))
}

/// `names`, [`shown`], joined by commas.
fn list(names: &[String]) -> String {
    names
        .iter()
        .map(|n| shown(n))
        .collect::<Vec<_>>()
        .join(", ")
}

fn percent(x: f64) -> String {
    format!("{:.1}%", 100.0 * x)
}

/// One article.
pub fn analysis(out: &mut impl Write, input: &str, analysis: &Analysis) -> io::Result<()> {
    let text = analysis.indexed_text(input);
    let m = &analysis.meta;
    writeln!(
        out,
        "input: {}",
        if analysis.text.is_some() {
            "html"
        } else {
            "text"
        }
    )?;
    for (label, value) in [
        ("headline", &m.headline),
        ("byline", &m.byline),
        ("date", &m.date),
        ("outlet", &m.outlet),
    ] {
        if let Some(v) = value {
            writeln!(out, "{label}: {}", shown(v))?;
        }
    }
    if let Some(d) = &m.dateline {
        writeln!(
            out,
            "dateline: {} ({})",
            shown(&d.place),
            shown(d.wire.as_deref().unwrap_or("no wire"))
        )?;
    }
    for c in &m.credits {
        writeln!(out, "credits, {}: {}", shown(&c.role), list(&c.names))?;
    }
    writeln!(out, "\nremoved ({}):", analysis.removed.len())?;
    for r in &analysis.removed {
        writeln!(out, "  {:<20} {}", shown(&r.reason), quoted(&r.text, 70))?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "{} paragraphs, {} sentences, {} words",
        analysis.paragraphs.len(),
        analysis.sentence_count,
        analysis.word_count
    )?;
    writeln!(out, "\nentities ({}):", analysis.entities.len())?;
    for e in &analysis.entities {
        let aliases = if e.aliases.is_empty() {
            String::new()
        } else {
            format!("  (also: {})", list(&e.aliases))
        };
        writeln!(
            out,
            "  {:>3}  {:<4}  {}{}",
            e.count,
            e.kind.as_str(),
            shown(&e.name),
            aliases
        )?;
    }
    writeln!(out, "\nquotes ({}):", analysis.quotes.len())?;
    for q in &analysis.quotes {
        let via = q
            .via
            .as_deref()
            .map(|v| format!(" via {}", shown(v)))
            .unwrap_or_default();
        writeln!(
            out,
            "  {:<20} {}{via}",
            shown(q.speaker.as_deref().unwrap_or("(unknown)")),
            quoted(&q.text, 60)
        )?;
    }
    writeln!(out, "\nsources ({}):", analysis.sources.len())?;
    for s in &analysis.sources {
        let linked = if s.entity.is_some() {
            ""
        } else {
            "  (not in entities)"
        };
        let kind = format!("{:?}", s.kind).to_lowercase();
        writeln!(
            out,
            "  {:>3}  {kind:<6}  {}{linked}",
            s.count,
            shown(&s.name)
        )?;
    }
    let _ = text;
    Ok(())
}

/// Two articles.
pub fn comparison(
    out: &mut impl Write,
    names: [&str; 2],
    texts: [&str; 2],
    c: &Comparison,
) -> io::Result<()> {
    writeln!(out, "A: {}\nB: {}\n", shown(names[0]), shown(names[1]))?;
    let kinds = [
        PassageKind::Verbatim,
        PassageKind::Edited,
        PassageKind::Rewritten,
    ]
    .map(|k| c.passages.iter().filter(|p| p.kind == k).count());
    writeln!(
        out,
        "reused text: {} of A, {} of B, in {} passages ({} verbatim, {} edited, {} rewritten \
         sentences; aligned passages at least {} words)",
        percent(c.reused_share_a),
        percent(c.reused_share_b),
        c.passages.len(),
        kinds[0],
        kinds[1],
        kinds[2],
        c.settings.min_match_words
    )?;
    writeln!(
        out,
        "word for word: {} of A, {} of B; quotations: {} of A, {} of B",
        percent(c.verbatim_share_a),
        percent(c.verbatim_share_b),
        percent(c.quoted_share_a),
        percent(c.quoted_share_b)
    )?;
    writeln!(
        out,
        "verdict: B is {} from A ({} of B's words outside quotations word for word, {} reused)\n",
        c.verdict.label(),
        percent(c.unquoted_b.verbatim_share),
        percent(c.unquoted_b.reused_share)
    )?;
    for (k, p) in c.passages.iter().enumerate() {
        let what = match p.kind {
            PassageKind::Verbatim => format!("verbatim, {} words", p.words),
            PassageKind::Edited => {
                format!(
                    "edited, {} words matched, similarity {:.2}",
                    p.words, p.similarity
                )
            }
            PassageKind::Rewritten => format!(
                "rewritten sentence, {} content words shared ({:.2})",
                p.words, p.similarity
            ),
        };
        writeln!(
            out,
            "  {:>2}. {what}\n      A {}..{}  {}\n      B {}..{}  {}",
            k + 1,
            p.a.start,
            p.a.end,
            excerpt(p.a.span().of(texts[0])),
            p.b.start,
            p.b.end,
            excerpt(p.b.span().of(texts[1])),
        )?;
    }
    for (label, side, text) in [
        (
            "B added (sentences A has no counterpart of)",
            &c.sentences.only_b,
            texts[1],
        ),
        (
            "B dropped (sentences of A that B has no counterpart of)",
            &c.sentences.only_a,
            texts[0],
        ),
    ] {
        writeln!(out, "\n{label}: {}", side.len())?;
        for s in side {
            writeln!(out, "  - {}", excerpt(s.span().of(text)))?;
        }
    }
    writeln!(
        out,
        "\nentities        A (reused)    B (reused)   share A  share B"
    )?;
    for e in &c.entities {
        writeln!(
            out,
            "  {:<4}  {:>4} ({:>3})    {:>4} ({:>3})   {:>6}  {:>6}   {}",
            e.kind.as_str(),
            e.count_a,
            e.reused_a,
            e.count_b,
            e.reused_b,
            percent(e.share_a),
            percent(e.share_b),
            shown(&e.name)
        )?;
    }
    let names_of = |it: &mut dyn Iterator<Item = &SharedEntity>| {
        it.map(|e| shown(&e.name)).collect::<Vec<_>>().join(", ")
    };
    writeln!(out, "\nB adds:   {}", names_of(&mut c.added_by_b()))?;
    writeln!(out, "B drops:  {}", names_of(&mut c.dropped_by_b()))?;
    let own = c
        .entities
        .iter()
        .filter(|e| e.count_a > 0 && e.count_b > e.reused_b);
    writeln!(
        out,
        "B's own mentions of shared entities: {}",
        own.map(|e| format!("{} ×{}", shown(&e.name), e.count_b - e.reused_b))
            .collect::<Vec<_>>()
            .join(", ")
    )?;

    let q = &c.quotes;
    if !(q.shared.is_empty() && q.only_a.is_empty() && q.only_b.is_empty()) {
        writeln!(out, "\nquotes: {} shared", q.shared.len())?;
        for s in &q.shared {
            let tag = match (s.wording, s.b.reused) {
                (parallax::Wording::Other, _) => "same remark, other wording",
                (_, true) => "inherited",
                (_, false) => "B's own",
            };
            writeln!(out, "  = [{tag}] {}", excerpt(&s.b.text))?;
        }
        for x in &q.only_a {
            writeln!(out, "  A only: {}", excerpt(&x.text))?;
        }
        for x in &q.only_b {
            writeln!(out, "  B only: {}", excerpt(&x.text))?;
        }
    }
    if !c.sources.is_empty() {
        writeln!(out, "\nsources:          A   B  (B inherited)")?;
        for s in &c.sources {
            writeln!(
                out,
                "  {:<14} {:>3} {:>3}  ({})",
                shown(&s.name),
                s.count_a,
                s.count_b,
                s.reused_b
            )?;
        }
    }
    let terms = |ts: &[Term]| {
        ts.iter()
            .map(|t| format!("{} ({}:{})", shown(&t.term), t.count_a, t.count_b))
            .collect::<Vec<_>>()
            .join(", ")
    };
    writeln!(out, "\ndistinctive of A: {}", terms(&c.distinctive.a))?;
    writeln!(out, "distinctive of B: {}", terms(&c.distinctive.b))
}

/// Three or more articles.
pub fn many(out: &mut impl Write, names: &[&str], m: &ComparisonMany) -> io::Result<()> {
    for (k, name) in names.iter().enumerate() {
        writeln!(out, "{:>2}: {}", k + 1, shown(name))?;
    }
    for (title, matrix) in [
        (
            "reused text: share of row in passages shared with column",
            &m.reuse,
        ),
        (
            "entity overlap: share of row's mentions naming an entity column names",
            &m.entity_overlap,
        ),
    ] {
        writeln!(out, "\n{title}")?;
        write!(out, "    ")?;
        for j in 0..matrix.len() {
            write!(out, " {:>6}", j + 1)?;
        }
        writeln!(out)?;
        for (i, row) in matrix.iter().enumerate() {
            write!(out, "{:>2}: ", i + 1)?;
            for x in row {
                write!(out, " {:>6}", percent(*x))?;
            }
            writeln!(out)?;
        }
    }
    Ok(())
}
