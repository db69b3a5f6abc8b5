#!/usr/bin/env python3
"""Checks `parallax reuse --jsonl` output against the planted pairs of scripts/make-corpus.py:
every planted pair is reported, with its source as A (published first), and no other pair is.
Prints one summary line; exits 1 on any failure, listing what failed.

usage: check-planted.py PLANTED.jsonl REUSE.jsonl
"""

import collections
import json
import sys


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    with open(sys.argv[1], encoding="utf-8") as f:
        planted = {(p["a"], p["b"]): p["kind"] for p in map(json.loads, f)}
    with open(sys.argv[2], encoding="utf-8") as f:
        lines = [json.loads(line) for line in f]
    reported = {(l["a"], l["b"]) for l in lines if "passages" in l}
    errors = [l for l in lines if "error" in l]
    missing = sorted(p for p in planted if p not in reported)
    backwards = sorted(p for p in missing if (p[1], p[0]) in reported)
    unplanted = sorted(p for p in reported if p not in planted and (p[1], p[0]) not in planted)
    found = collections.Counter(kind for p, kind in planted.items() if p in reported)
    kinds = ", ".join(f"{k} {found[k]}/{n}" for k, n in sorted(collections.Counter(planted.values()).items()))
    print(f"planted pairs found: {len(planted) - len(missing)} of {len(planted)} ({kinds}); "
          f"unrelated pairs reported: {len(unplanted)}; error lines: {len(errors)}")
    for what, pairs in [("missing", missing), ("reported the wrong way round", backwards),
                        ("reported but not planted", unplanted)]:
        if pairs:
            print(f"  {what}: {len(pairs)}, e.g. {pairs[:5]}")
    sys.exit(1 if missing or unplanted else 0)


if __name__ == "__main__":
    main()
