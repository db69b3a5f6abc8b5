#!/usr/bin/env python3
"""A corpus of generated news articles with planted reuse, for `parallax reuse` at scale.

Material: the seed articles (../shared/seeds/*.txt) and the text of the readability pages'
expected extractions (../shared/data/readability-pages/*/expected.html), read at run time and
never copied into the repository.

Every paragraph is made of the words of a few of the material's sentences shuffled together, so
two generated articles share no passage by construction: a shared run of eight words in the same
order would be chance, as rare as eight words drawn at random matching. Then some
articles get a planted derivative, published one to three days later:

- copied:   the source's paragraphs word for word, with a lead paragraph of its own;
- edited:   the source with one word in eight changed (and a lead of its own);
- shuffled: the source's paragraphs in another order;
- excerpt:  two or three of the source's paragraphs inside an article of its own.

Each outlet's articles carry that outlet's boilerplate lines (a newsletter sign-up, a donation
appeal, a share prompt, all longer than a passage), which the reader must set aside: were they
aligned, every two articles of an outlet would be reported. A tenth of the articles are HTML
pages. Lines are written in random order, so a derivative may come before its source.

Writes the corpus as JSON lines {"id", "outlet", "date", "text"} and the planted pairs as JSON
lines {"a": source id, "b": derivative id, "kind"}.
"""

import argparse
import datetime
import glob
import html
import html.parser
import json
import os
import random
import re
import sys

# A word and the punctuation that may follow it.
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?[.,;:!?]?")

KINDS = ("copied", "edited", "shuffled", "excerpt")

OUTLETS = [
    "Daily Courier", "Evening Ledger", "Metro Wire", "Northern Post", "Harbour Times",
    "Capital Dispatch", "Valley Herald", "Coastal Record", "Morning Star Review", "Union Tribune",
    "Riverside Gazette", "Summit Observer",
]

BOILERPLATE = [
    "Sign up for the {o} newsletter to get the latest headlines delivered to your inbox every morning.",
    "Support our journalism: donate to {o} today to keep independent reporting free for everyone who reads it.",
    "Share this article on Facebook, Twitter and WhatsApp with your friends and family today.",
]


class Blocks(html.parser.HTMLParser):
    """The text of each block element (p, li, headings, blockquote) of a page."""

    BLOCK = {"p", "li", "h1", "h2", "h3", "h4", "blockquote", "td", "dd", "pre"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks, self.current = [], []

    def handle_starttag(self, tag, attrs):
        if tag in self.BLOCK:
            self.flush()

    def handle_endtag(self, tag):
        if tag in self.BLOCK:
            self.flush()

    def handle_data(self, data):
        self.current.append(data)

    def flush(self):
        text = " ".join("".join(self.current).split())
        if text:
            self.blocks.append(text)
        self.current = []


def material(shared):
    """The material's sentences, as lists of words (six words or more)."""
    paragraphs = []
    for path in sorted(glob.glob(os.path.join(shared, "seeds", "*.txt"))):
        with open(path, encoding="utf-8") as f:
            paragraphs += [p for p in re.split(r"\n\s*\n|\n", f.read()) if p.strip()]
    for path in sorted(glob.glob(os.path.join(shared, "data", "readability-pages", "*", "expected.html"))):
        with open(path, encoding="utf-8", errors="replace") as f:
            parser = Blocks()
            parser.feed(f.read())
            parser.flush()
            paragraphs += parser.blocks
    sentences = []
    for p in paragraphs:
        for s in re.split(r"(?<=[.!?])\s+", p):
            # Quote marks out (a shuffled sentence would open quotes it never closes), and only
            # words that are one word to the aligner: code, URLs, dates and hyphenated runs
            # ("console.log(req.url)", "2020-08-01") are several, and would be shared runs.
            words = [w.strip("\"“”‘’'()[]") for w in s.split()]
            words = [w for w in words if WORD.fullmatch(w)]
            # Sentences that repeat their words ("list list list rekt list", tables of
            # numbers) read the same however shuffled: left out.
            if len(words) >= 6 and len({w.lower().rstrip(".,;:!?") for w in words}) >= 0.7 * len(words):
                sentences.append(words)
    return sentences


class Maker:
    def __init__(self, sentences, rng):
        self.sentences, self.rng = sentences, rng
        self.vocabulary = sorted({w.strip(".,;:!?") for s in sentences for w in s} - {""})

    def paragraph(self):
        """Two to four of the material's sentences, their words shuffled together and cut into
        sentences again: a drawn sentence's words are spread over the paragraph, so that two
        paragraphs that drew the same sentence do not share its word order."""
        words = [w.rstrip(".,;:!?") or w
                 for _ in range(self.rng.randint(2, 4))
                 for w in self.rng.choice(self.sentences)]
        self.rng.shuffle(words)
        sentences = []
        while words:
            n = self.rng.randint(12, 25)
            s, words = words[:n], words[n:]
            sentences.append(s[0][:1].upper() + s[0][1:] + "".join(" " + w for w in s[1:]) + ".")
        return " ".join(sentences)

    def paragraphs(self, low, high):
        return [self.paragraph() for _ in range(self.rng.randint(low, high))]

    def edited(self, paragraph):
        words = paragraph.split()
        for i in range(len(words)):
            if self.rng.random() < 1 / 8:
                words[i] = self.rng.choice(self.vocabulary)
        return " ".join(words)

    def derive(self, kind, source):
        if kind == "copied":
            return [self.paragraph()] + source
        if kind == "edited":
            return [self.paragraph()] + [self.edited(p) for p in source]
        if kind == "shuffled":
            shuffled = list(source)
            while len(shuffled) > 1 and shuffled == source:
                self.rng.shuffle(shuffled)
            return shuffled
        own = self.paragraphs(4, 8)
        n = min(len(source), self.rng.randint(2, 3))
        start = self.rng.randint(0, len(source) - n)
        at = self.rng.randint(1, len(own))
        return own[:at] + source[start:start + n] + own[at:]


def render(paragraphs, outlet, as_html, rng):
    """The article's text: its paragraphs with the outlet's boilerplate among them."""
    body = list(paragraphs)
    for line in BOILERPLATE:
        if rng.random() < 0.7:
            body.insert(rng.randint(1, len(body)), line.format(o=outlet))
    if not as_html:
        return "\n\n".join(body) + "\n"
    headline = " ".join(paragraphs[0].split()[:8])
    ps = "".join(f"<p>{html.escape(p)}</p>\n" for p in body)
    return (f"<!doctype html><html><head><title>{html.escape(headline)} | {html.escape(outlet)}</title>"
            f"</head><body><nav><a href=\"/\">Home</a></nav><article><h1>{html.escape(headline)}</h1>\n"
            f"{ps}</article></body></html>")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=300, help="articles in all (default 300)")
    ap.add_argument("--planted", type=float, default=0.2,
                    help="share of the articles that are planted derivatives (default 0.2)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared"))
    ap.add_argument("--bad-lines", action="store_true", help="add two lines the job must refuse")
    ap.add_argument("--out", required=True, help="the corpus, JSON lines")
    ap.add_argument("--pairs", required=True, help="the planted pairs, JSON lines")
    args = ap.parse_args()
    if not os.path.isdir(os.path.join(args.shared, "seeds")):
        sys.exit(f"make-corpus: no material at {args.shared} (the seeds and readability pages)")

    rng = random.Random(args.seed)
    maker = Maker(material(args.shared), rng)
    derived = int(args.articles * args.planted)
    day0 = datetime.date(2024, 1, 1)
    articles, planted = [], []
    for n in range(args.articles - derived):
        outlet = rng.choice(OUTLETS)
        date = day0 + datetime.timedelta(days=rng.randint(0, 360))
        articles.append({"id": f"a{n:05d}", "outlet": outlet, "date": date, "paragraphs": maker.paragraphs(6, 11)})
    for n, source in enumerate(rng.sample(articles, derived)):
        kind = KINDS[n % len(KINDS)]
        outlet = rng.choice([o for o in OUTLETS if o != source["outlet"]])
        date = source["date"] + datetime.timedelta(days=rng.randint(1, 3))
        article = {"id": f"d{n:05d}", "outlet": outlet, "date": date,
                   "paragraphs": maker.derive(kind, source["paragraphs"])}
        articles.append(article)
        planted.append({"a": source["id"], "b": article["id"], "kind": kind})
    rng.shuffle(articles)
    with open(args.out, "w", encoding="utf-8") as out:
        for a in articles:
            text = render(a["paragraphs"], a["outlet"], rng.random() < 0.1, rng)
            out.write(json.dumps({"id": a["id"], "outlet": a["outlet"], "date": a["date"].isoformat(),
                                  "text": text}, ensure_ascii=False) + "\n")
            if args.bad_lines and a is articles[len(articles) // 2]:
                out.write('{"id": "no-text", "outlet": "Metro Wire"}\n{"id": "cut short", "text": "\n')
    with open(args.pairs, "w", encoding="utf-8") as out:
        for p in planted:
            out.write(json.dumps(p) + "\n")


if __name__ == "__main__":
    main()
