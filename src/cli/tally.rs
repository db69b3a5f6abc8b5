//! `parallax tally`: per-outlet tables of what `analyze --jsonl` found, as CSV.
//!
//! Three tables: each outlet's entities (articles naming it, mentions, share of the outlet's
//! mentions), quoted speakers (articles, quotes, share of the outlet's quotes; an empty speaker
//! is the quotes no speaker was found for) and cited sources (articles, citations, share of the
//! outlet's citations). An article's outlet is its line's `outlet` string, else the outlet its
//! text names, else empty. Rows go by outlet, then most counted first, then by name.
//! scripts/spark/parallax_spark.py writes the same tables byte for byte: change both together.

use super::records as jsonl;
use serde_json::Value;
use std::collections::BTreeMap;
use std::io::{self, BufRead, Write};
use std::path::Path;

pub const USAGE: &str = "\
  parallax tally --out DIR           per-outlet CSV tables of `analyze --jsonl` lines on stdin:
                                     DIR/entities.csv, DIR/speakers.csv, DIR/sources.csv
  parallax tally --table NAME        one table (entities, speakers or sources) to stdout";

/// The tables, by file name, with their header rows.
const TABLES: [(&str, &[&str]); 3] = [
    (
        "entities",
        &["outlet", "entity", "kind", "articles", "mentions", "share"],
    ),
    (
        "speakers",
        &["outlet", "speaker", "articles", "quotes", "share"],
    ),
    (
        "sources",
        &["outlet", "source", "kind", "articles", "citations", "share"],
    ),
];

/// Runs `parallax tally ...`; `args` follow the command.
pub fn run(args: &[String]) -> Result<(), String> {
    let (mut out_dir, mut table) = (None, None);
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--out" => out_dir = Some(rest.next().ok_or("--out needs a directory")?),
            "--table" => {
                let name = rest.next().map(String::as_str).unwrap_or("");
                table = Some(
                    TABLES
                        .iter()
                        .position(|(t, _)| *t == name)
                        .ok_or("--table needs entities, speakers or sources")?,
                );
            }
            _ => return Err(format!("unknown argument {arg}\n{USAGE}")),
        }
    }
    let tally = Tally::read(io::stdin().lock()).map_err(|e| format!("stdin: {e}"))?;
    if tally.skipped > 0 {
        eprintln!(
            "parallax tally: {} lines without an analysis skipped",
            tally.skipped
        );
    }
    let tables = tally.tables();
    match (out_dir, table) {
        (Some(dir), None) => {
            std::fs::create_dir_all(dir).map_err(|e| format!("{dir}: {e}"))?;
            for ((name, _), csv) in TABLES.iter().zip(&tables) {
                let path = Path::new(dir).join(format!("{name}.csv"));
                std::fs::write(&path, csv).map_err(|e| format!("{}: {e}", path.display()))?;
            }
            Ok(())
        }
        (None, Some(t)) => io::stdout()
            .lock()
            .write_all(tables[t].as_bytes())
            .map_err(|e| e.to_string()),
        _ => Err(format!("say --out DIR or --table NAME\n{USAGE}")),
    }
}

/// Articles and count of one row: (outlet, name, kind) -> (articles, count).
type Counts = BTreeMap<(String, String, String), (u64, u64)>;

#[derive(Default)]
struct Tally {
    /// The three tables' counts, as [`TABLES`].
    counts: [Counts; 3],
    /// Lines without an analysis (error lines, or not `analyze --jsonl` lines at all).
    skipped: usize,
}

impl Tally {
    fn read(input: impl BufRead) -> io::Result<Tally> {
        let mut tally = Tally::default();
        for line in jsonl::lines(input) {
            let value: Value = serde_json::from_str(&line?).unwrap_or(Value::Null);
            match value.get("analysis") {
                Some(analysis) if analysis.is_object() => tally.add(&value, analysis),
                _ => tally.skipped += 1,
            }
        }
        Ok(tally)
    }

    /// Adds one article.
    fn add(&mut self, line: &Value, analysis: &Value) {
        let outlet = line
            .get("outlet")
            .and_then(Value::as_str)
            .or_else(|| analysis["meta"]["outlet"].as_str())
            .unwrap_or("")
            .to_string();
        let items = |key: &str| analysis[key].as_array().cloned().unwrap_or_default();
        let text = |v: &Value| v.as_str().unwrap_or("").to_string();
        let entities: Vec<(String, String, u64)> = items("entities")
            .iter()
            .map(|e| {
                (
                    text(&e["name"]),
                    text(&e["kind"]),
                    e["count"].as_u64().unwrap_or(0),
                )
            })
            .collect();
        let speakers = items("quotes")
            .iter()
            .map(|q| (text(&q["speaker"]), String::new(), 1))
            .collect();
        let sources = items("sources")
            .iter()
            .map(|s| {
                (
                    text(&s["name"]),
                    text(&s["kind"]),
                    s["count"].as_u64().unwrap_or(0),
                )
            })
            .collect();
        for (counts, found) in self.counts.iter_mut().zip([entities, speakers, sources]) {
            // This article's count of each row, so that it is counted once among the articles.
            let mut mine: BTreeMap<(String, String), u64> = BTreeMap::new();
            for (name, kind, n) in found {
                *mine.entry((name, kind)).or_default() += n;
            }
            for ((name, kind), n) in mine {
                let row = counts.entry((outlet.clone(), name, kind)).or_default();
                row.0 += 1;
                row.1 += n;
            }
        }
    }

    /// The three tables as CSV text.
    fn tables(&self) -> Vec<String> {
        TABLES
            .iter()
            .zip(&self.counts)
            .map(|((name, header), counts)| table(counts, header, *name != "speakers"))
            .collect()
    }
}

/// One table: `header`, then a row per (outlet, name[, kind]).
fn table(counts: &Counts, header: &[&str], with_kind: bool) -> String {
    let mut totals: BTreeMap<&str, u64> = BTreeMap::new();
    for ((outlet, _, _), (_, n)) in counts {
        *totals.entry(outlet).or_default() += n;
    }
    let mut rows: Vec<_> = counts.iter().collect();
    rows.sort_by(|((oa, na, ka), (aa, ca)), ((ob, nb, kb), (ab, cb))| {
        (oa, std::cmp::Reverse(ca), std::cmp::Reverse(aa), na, ka).cmp(&(
            ob,
            std::cmp::Reverse(cb),
            std::cmp::Reverse(ab),
            nb,
            kb,
        ))
    });
    let mut csv = csv_row(header.iter().copied());
    for ((outlet, name, kind), (articles, n)) in rows {
        let share = share(*n, totals[outlet.as_str()]);
        let (articles, n) = (articles.to_string(), n.to_string());
        let mut cells = vec![outlet.as_str(), name.as_str()];
        if with_kind {
            cells.push(kind.as_str());
        }
        cells.extend([articles.as_str(), n.as_str(), share.as_str()]);
        csv.push_str(&csv_row(cells));
    }
    csv
}

/// `part / whole` to four decimals, rounded half up in integers (so that the Spark job's
/// Python gives the same digits whatever its float formatting does with ties).
fn share(part: u64, whole: u64) -> String {
    if whole == 0 {
        return "0.0000".into();
    }
    let q = (2 * part * 10_000 + whole) / (2 * whole);
    format!("{}.{:04}", q / 10_000, q % 10_000)
}

/// One CSV row, CRLF-terminated (RFC 4180), as the page writes its CSV.
fn csv_row<'a>(cells: impl IntoIterator<Item = &'a str>) -> String {
    let mut row = cells
        .into_iter()
        .map(csv_cell)
        .collect::<Vec<_>>()
        .join(",");
    row.push_str("\r\n");
    row
}

/// One cell, safe in a spreadsheet: a cell that would start a formula (`=`, `+`, `-`, `@`, a tab,
/// CR or NUL first; names come from the articles' text) gets a leading `'`, and a cell holding
/// `,` `;` `"` CR or LF is quoted, its quotes doubled (`;` too, for spreadsheets that split on it).
fn csv_cell(cell: &str) -> String {
    let cell = if cell.starts_with(['=', '+', '-', '@', '\t', '\r', '\0']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    };
    if cell.contains([',', ';', '"', '\r', '\n']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_spreadsheet_safe() {
        #[rustfmt::skip]
        let cases: &[(&str, &str)] = &[
            ("Reuters", "Reuters"),
            ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""),
            ("+1", "'+1"), ("-1", "'-1"), ("@me", "'@me"), ("\tx", "'\tx"), ("\0x", "'\0x"),
            ("\rx", "\"'\rx\""), ("a,b", "\"a,b\""), ("a;b", "\"a;b\""), ("a\nb", "\"a\nb\""),
            ("", ""), ("Reuters-owned", "Reuters-owned"),
        ];
        for &(cell, want) in cases {
            assert_eq!(csv_cell(cell), want, "{cell:?}");
        }
    }

    #[test]
    fn shares_round_half_up() {
        assert_eq!(share(1, 32), "0.0313"); // 0.03125
        assert_eq!(share(1, 3), "0.3333");
        assert_eq!(share(2, 3), "0.6667");
        assert_eq!(share(5, 5), "1.0000");
    }

    #[test]
    fn tables_count_articles_and_shares() {
        let lines = [
            r#"{"id":1,"outlet":"Wire","analysis":{"meta":{},"entities":[{"name":"Putin","kind":"PER","count":3},{"name":"Moscow","kind":"LOC","count":1}],"quotes":[{"speaker":"Putin"},{"speaker":null}],"sources":[]}}"#,
            r#"{"id":2,"analysis":{"meta":{"outlet":"Daily"},"entities":[{"name":"Putin","kind":"PER","count":1}],"quotes":[],"sources":[{"name":"Reuters","kind":"agency","count":2}]}}"#,
            r#"{"id":3,"outlet":"Wire","analysis":{"meta":{},"entities":[{"name":"Putin","kind":"PER","count":2}],"quotes":[],"sources":[]}}"#,
            r#"{"id":4,"error":"not JSON"}"#,
        ];
        let tally = Tally::read(lines.join("\n").as_bytes()).unwrap();
        assert_eq!(tally.skipped, 1);
        let t = tally.tables();
        assert_eq!(
            t[0],
            "outlet,entity,kind,articles,mentions,share\r\n\
             Daily,Putin,PER,1,1,1.0000\r\n\
             Wire,Putin,PER,2,5,0.8333\r\n\
             Wire,Moscow,LOC,1,1,0.1667\r\n"
        );
        assert_eq!(
            t[1],
            "outlet,speaker,articles,quotes,share\r\nWire,,1,1,0.5000\r\nWire,Putin,1,1,0.5000\r\n"
        );
        assert_eq!(
            t[2],
            "outlet,source,kind,articles,citations,share\r\nDaily,Reuters,agency,1,2,1.0000\r\n"
        );
    }
}
