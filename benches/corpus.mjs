// The corpus of `make bench`, read from ../shared at run time (never copied into the repo):
// the seed articles as pasted, and the article text of the Readability test pages.
//
// A page's article text is its expected.html (what Readability.js extracts) with the tags
// stripped: every tool then gets the same plain text, so that the comparison is of text
// analysis and not of one tool's HTML reader. The pages' source.html is kept beside it for
// Parallax's own reading of whole pages, timed on its own line.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const NAMED = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", mdash: "—", ndash: "–",
  hellip: "…", lsquo: "‘", rsquo: "’", ldquo: "“", rdquo: "”", copy: "©", reg: "®",
  trade: "™", laquo: "«", raquo: "»", middot: "·", bull: "•", eacute: "é", shy: "",
};

// Elements that end a paragraph. Others (a, em, span...) are dropped and their text kept.
const BLOCK = /^(p|div|h[1-6]|li|ul|ol|dl|dt|dd|blockquote|pre|table|thead|tbody|tr|td|th|figure|figcaption|section|article|header|footer|aside|main|nav|hr|br|address|details|summary)$/i;

function decode(text) {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "\uFFFD";
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

/** The text of an HTML fragment: one paragraph per block element, blank lines between. */
export function htmlText(html) {
  const text = html
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, "")
    .replace(/<\/?([a-z][a-z0-9]*)\b[^>]*>/gi, (_, tag) => (BLOCK.test(tag) ? "\n\n" : ""));
  return text
    .split(/\n\s*\n/)
    .map((p) => decode(p).replace(/\s+/g, " ").trim())
    .filter((p) => p !== "")
    .join("\n\n");
}

/**
 * The corpus under `shared`, or null (with the reason) when it is not there: `texts` are
 * `{ name, text }` (seeds, then pages' article text), `pages` are `{ name, text }` with each
 * page's source.html.
 */
export function readCorpus(shared) {
  const seeds = join(shared, "seeds");
  const pagesDir = join(shared, "data", "readability-pages");
  if (!existsSync(seeds) || !existsSync(pagesDir)) {
    return { missing: `no ${seeds} or ${pagesDir} (a fresh clone has no ../shared)` };
  }
  const read = (path) => readFileSync(path, "utf8");
  const texts = readdirSync(seeds)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => ({ name: `seeds/${f}`, text: read(join(seeds, f)) }));
  const pages = [];
  for (const dir of readdirSync(pagesDir).sort()) {
    const expected = join(pagesDir, dir, "expected.html");
    const source = join(pagesDir, dir, "source.html");
    if (!existsSync(expected) || !existsSync(source)) continue;
    const text = htmlText(read(expected));
    if (text !== "") texts.push({ name: `pages/${dir}`, text });
    pages.push({ name: `pages/${dir}/source.html`, text: read(source) });
  }
  return { texts, pages };
}

/** UTF-8 bytes of `text`. */
export const utf8Bytes = (text) => Buffer.byteLength(text, "utf8");
