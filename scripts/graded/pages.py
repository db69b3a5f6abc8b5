"""Text of the readability pages' expected.html: prose paragraphs (block elements)."""
import glob, html.parser, os, re

PAGES = os.path.join(os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../shared")), "data/readability-pages")
BLOCK = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "td", "th", "dd", "dt",
         "pre", "div", "tr", "figcaption", "caption", "section", "article", "ul", "ol", "table",
         "figure", "header", "footer", "aside", "br", "hr"}
SKIP = {"pre", "code", "script", "style", "table", "figcaption", "sup", "noscript"}


class Blocks(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks, self.cur, self.skip, self.tag = [], [], 0, "p"

    def handle_starttag(self, tag, attrs):
        if tag in SKIP:
            self.skip += 1
        if tag in BLOCK:
            self.flush()
            self.tag = tag

    def handle_startendtag(self, tag, attrs):
        if tag in BLOCK:
            self.flush()

    def handle_endtag(self, tag):
        if tag in BLOCK:
            self.flush()
        if tag in SKIP and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.cur.append(data)

    def flush(self):
        t = " ".join("".join(self.cur).split())
        if t:
            self.blocks.append((self.tag, t))
        self.cur = []


def blocks(name):
    p = Blocks()
    with open(os.path.join(PAGES, name, "expected.html"), encoding="utf-8", errors="replace") as f:
        p.feed(f.read())
    p.flush()
    return p.blocks


CITE = re.compile(r"\[(?:\d+|[a-z]|note \d+|citation needed|nb \d+)\]")


def prose(text):
    """A block that reads as prose: 8+ words, mostly letters, not code."""
    w = text.split()
    if len(w) < 8:
        return False
    letters = sum(c.isalpha() for c in text)
    if letters < 0.7 * len(text.replace(" ", "")):
        return False
    if re.search(r"[{};=<>]|\(\)|//|\w\.\w+\(", text):
        return False
    return text.rstrip()[-1:] in ".!?\"”’)…:" or len(w) >= 20


def names():
    return sorted(os.path.basename(os.path.dirname(p)) for p in glob.glob(PAGES + "/*/expected.html"))
