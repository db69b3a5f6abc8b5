"""Parallax's corpus jobs on Apache Spark: the same answers as the `parallax` binary, the work
spread over a cluster's partitions. The binary does all the reading and aligning (RDD.pipe);
Spark moves the lines, groups the shingles and counts.

  tally INPUT --out DIR    `parallax analyze --jsonl` on every partition, then the per-outlet
                           tables `parallax tally --out DIR` writes, byte for byte (DIR is on the
                           driver)
  reuse INPUT --out DIR    what `parallax reuse --jsonl` writes, as Spark text files DIR/part-*:
                           map (each article's kept shingle hashes, `parallax shingles --jsonl`),
                           group by shingle (dropping those more articles hold than the cap),
                           candidate pairs (at least two shared shingles), align each pair
                           (`parallax reuse --pairs`)

INPUT is JSON lines {"id", "text", "outlet"?, "date"?}, lines ending in \\n or \\r\\n. Run with
spark-submit; see the README for local mode and for shipping the binary to a cluster (--files).
"""

import argparse
import itertools
import json
import operator
import os
import sys

from pyspark import SparkFiles
from pyspark.sql import SparkSession

# The rules of the corpus job, as src/compare/corpus.rs states them: change both together.
MIN_SHINGLE_DOC_CAP = 10  # a shingle this many articles hold is always kept
MAX_SHINGLE_DOCS = 200  # the default cap (--max-docs)
MIN_SHARED_SHINGLES = 2  # shingles a pair must share to be aligned

# Rust's str::trim() white space (Unicode White_Space): the binary skips lines of it alone, and
# so must the lines numbered here, or the numbering would not match the binary's answers.
WHITE_SPACE = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"

# The tables `parallax tally` writes (src/cli/tally.rs).
TABLES = [
    ("entities", ["outlet", "entity", "kind", "articles", "mentions", "share"]),
    ("speakers", ["outlet", "speaker", "articles", "quotes", "share"]),
    ("sources", ["outlet", "source", "kind", "articles", "citations", "share"]),
]


def binary(sc, given):
    """The command that runs the binary on the executors."""
    if given:
        return os.path.abspath(given)
    local = sc.master.startswith("local")
    shipped = any(os.path.basename(f) == "parallax" for f in sc.getConf().get("spark.files", "").split(","))
    if shipped:
        # --files puts it in each executor's working directory; in local mode the executors are
        # the driver, which finds it through SparkFiles.
        return SparkFiles.get("parallax") if local else "./parallax"
    if local:
        here = os.path.dirname(os.path.abspath(__file__))
        return os.path.join(here, "..", "..", "target", "release", "parallax")
    sys.exit("parallax_spark: ship the binary with --files target/release/parallax, or give --binary")


def pipe(rdd, command):
    # One thread per process: Spark runs a process per partition side by side already.
    return rdd.pipe(command, env={"PARALLAX_THREADS": "1"}, checkCode=True)


def articles(sc, path, partitions):
    return sc.textFile(path, partitions).filter(lambda line: line.strip(WHITE_SPACE) != "")


# --- tally -----------------------------------------------------------------------------------

def outlet_of(line):
    outlet = line.get("outlet")
    if not isinstance(outlet, str):
        outlet = (line["analysis"].get("meta") or {}).get("outlet")
    return outlet if isinstance(outlet, str) else ""


def text(value):
    return value if isinstance(value, str) else ""


def count(value):
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else 0


def rows_of(line):
    """((table, outlet, name, kind), (1, count)) for each row an article adds to."""
    outlet, analysis = outlet_of(line), line["analysis"]
    found = {
        "entities": [(text(e.get("name")), text(e.get("kind")), count(e.get("count")))
                     for e in analysis.get("entities") or []],
        "speakers": [(text(q.get("speaker")), "", 1) for q in analysis.get("quotes") or []],
        "sources": [(text(s.get("name")), text(s.get("kind")), count(s.get("count")))
                    for s in analysis.get("sources") or []],
    }
    for table, items in found.items():
        mine = {}
        for name, kind, n in items:
            mine[(name, kind)] = mine.get((name, kind), 0) + n
        for (name, kind), n in mine.items():
            yield (table, outlet, name, kind), (1, n)


def share(part, whole):
    """part / whole to four decimals, rounded half up in integers, as tally.rs does."""
    if whole == 0:
        return "0.0000"
    q = (2 * part * 10_000 + whole) // (2 * whole)
    return f"{q // 10_000}.{q % 10_000:04d}"


def csv_cell(cell):
    if cell[:1] in ("=", "+", "-", "@", "\t", "\r", "\0") and cell:
        cell = "'" + cell
    if any(c in cell for c in ',;"\r\n'):
        cell = '"' + cell.replace('"', '""') + '"'
    return cell


def csv_row(cells):
    return ",".join(csv_cell(c) for c in cells) + "\r\n"


def table_csv(header, counts, with_kind):
    totals = {}
    for (outlet, _, _), (_, n) in counts.items():
        totals[outlet] = totals.get(outlet, 0) + n
    rows = sorted(counts.items(), key=lambda r: (r[0][0], -r[1][1], -r[1][0], r[0][1], r[0][2]))
    out = [csv_row(header)]
    for (outlet, name, kind), (articles_, n) in rows:
        cells = [outlet, name] + ([kind] if with_kind else [])
        out.append(csv_row(cells + [str(articles_), str(n), share(n, totals[outlet])]))
    return "".join(out)


def tally(sc, args):
    command = binary(sc, args.binary) + " analyze --jsonl"
    analysed = pipe(articles(sc, args.input, args.partitions), command).map(json.loads)
    counted = (analysed.filter(lambda line: isinstance(line.get("analysis"), dict))
               .flatMap(rows_of)
               .reduceByKey(lambda x, y: (x[0] + y[0], x[1] + y[1]))
               .collect())
    os.makedirs(args.out, exist_ok=True)
    for name, header in TABLES:
        counts = {key[1:]: value for key, value in counted if key[0] == name}
        with open(os.path.join(args.out, f"{name}.csv"), "w", encoding="utf-8", newline="") as f:
            f.write(table_csv(header, counts, name != "speakers"))


# --- reuse -----------------------------------------------------------------------------------

def reuse(sc, args):
    program = binary(sc, args.binary)
    options = f"--min-words {args.min_words}"
    # Each article numbered in input order: the binary's A is the first of two to come, unless
    # the dates say otherwise.
    lines = articles(sc, args.input, args.partitions).zipWithIndex().map(lambda x: (x[1], x[0])).cache()
    # One answer line per article, in the order of the partition's lines: zip pairs them up.
    shingled = lines.keys().zip(pipe(lines.values(), f"{program} shingles --jsonl {options}")).cache()
    errors = shingled.values().filter(lambda answer: "shingles" not in json.loads(answer))
    kept = shingled.mapValues(json.loads).filter(lambda x: "shingles" in x[1])
    cap = min(max(kept.count() // 2, MIN_SHINGLE_DOC_CAP), args.max_docs)
    candidates = (kept.flatMap(lambda x: ((h, x[0]) for h in x[1]["shingles"]))
                  .groupByKey()
                  .values()
                  .map(sorted)
                  .filter(lambda held: 2 <= len(held) <= cap)
                  .flatMap(lambda held: ((pair, 1) for pair in itertools.combinations(held, 2)))
                  .reduceByKey(operator.add)
                  .filter(lambda x: x[1] >= MIN_SHARED_SHINGLES)
                  .keys())
    # The two input lines of each pair, the first to come as "a", as `reuse --pairs` reads them.
    pairs = (candidates.join(lines)
             .map(lambda x: (x[1][0], (x[0], x[1][1])))
             .join(lines)
             .map(lambda x: '{"a": ' + x[1][0][1] + ', "b": ' + x[1][1] + "}"))
    aligned = pipe(pairs, f"{program} reuse --pairs {options} --min-share {args.min_share}")
    errors.union(aligned).saveAsTextFile(args.out)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("job", choices=["tally", "reuse"])
    ap.add_argument("input", help="JSON lines of articles (any path Spark reads)")
    ap.add_argument("--out", required=True)
    ap.add_argument("--binary", help="the parallax binary (default: the one shipped with --files, "
                                     "else target/release/parallax in local mode)")
    ap.add_argument("--partitions", type=int, default=None, help="input partitions (default Spark's)")
    ap.add_argument("--min-words", type=int, default=8)
    ap.add_argument("--min-share", type=float, default=0.0)
    ap.add_argument("--max-docs", type=int, default=MAX_SHINGLE_DOCS)
    args = ap.parse_args()
    spark = SparkSession.builder.appName(f"parallax {args.job}").getOrCreate()
    try:
        {"tally": tally, "reuse": reuse}[args.job](spark.sparkContext, args)
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
