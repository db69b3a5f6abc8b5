// A test double for www/pkg/parallax.js, served in its place by contract.test.mjs: it runs the
// real engine, then adds every field of the JSON contract (notes/contract.md) the core of this
// branch does not produce yet (meta, removed, quotes, sources, passages, verdict, distinctive...),
// computed crudely but deterministically, so the page's rendering of the whole contract is tested
// before the core grows those fields. Spans are UTF-8 bytes like the core's; analysis spans get
// UTF-16 fields as the wasm boundary adds them, passages deliberately do not (the page fills them).

import init, * as real from "./parallax-real.js";

export default init;

const enc = new TextEncoder();
const bytes = (s) => enc.encode(s).length;
const loc = (text, s, e) => ({ start: bytes(text.slice(0, s)), end: bytes(text.slice(0, e)), startUtf16: s, endUtf16: e });
const words = (s) => (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;
const paras = (text, a) => a.paragraphs.map((p) => ({ p, s: text.slice(p.startUtf16, p.endUtf16) }));

function augment(text, a) {
  const ps = paras(text, a);
  const boiler = /support helps us|donation|trusted by Americans|quality journalism should|Your support makes|Join our commenting|^Comments$|thought-provoking conversations|critical moment in US history/;
  a.input = "text";
  a.removed = ps.filter(({ s }) => boiler.test(s)).map(({ p, s }) => ({ start: p.start, end: p.end, startUtf16: p.startUtf16, endUtf16: p.endUtf16, reason: /Comment/.test(s) ? "comments prompt" : "donation appeal" }));
  const first = ps[0]?.s ?? "";
  const date = first.match(/\d{4}-\d{2}-\d{2}/)?.[0];
  const dl = text.match(/^([A-Z]{3,})\s*\((\w+)\)/m);
  const credit = text.match(/\(Reporting by (.+?)Writing by (.+?)Editing by (.+?)\)/);
  a.meta = {
    headline: first.replace(/^\s*date \S+ /, ""),
    ...(date ? { date } : {}),
    ...(dl ? { dateline: { place: dl[1][0] + dl[1].slice(1).toLowerCase(), wire: dl[2], ...loc(text, dl.index, dl.index + dl[0].length) } } : {}),
    credits: credit ? [{ role: "Reporting", names: [credit[1]] }, { role: "Writing", names: [credit[2]] }, { role: "Editing", names: [credit[3]] }] : [],
    ...(dl ? { outlet: dl[2] } : /Independent/.test(text) ? { outlet: "The Independent" } : {}),
  };
  a.quotes = [];
  for (const m of text.matchAll(/“([^”]{20,})”/g)) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 120);
    const who = a.entities.findIndex((e) => e.kind !== "LOC" && e.mentions.some((x) => x.startUtf16 > m.index + m[0].length && x.startUtf16 < m.index + m[0].length + after.indexOf(".")));
    a.quotes.push({ ...loc(text, m.index, m.index + m[0].length), text: m[1], ...(who >= 0 ? { speaker: a.entities[who].name, speakerEntity: who, cue: "said" } : {}) });
  }
  const agencies = ["Reuters", "IRNA", "TASS", "Tass", "RIA", "Associated Press"];
  a.sources = agencies.map((name) => {
    const mentions = [...text.matchAll(new RegExp(`\\b${name}\\b`, "g"))].map((m) => ({ ...loc(text, m.index, m.index + name.length), text: name }));
    return { name, kind: "agency", count: mentions.length, mentions };
  }).filter((s) => s.count);
  return a;
}

export function analyze(input) {
  return augment(input, real.analyze(input));
}

export function compare(a, b) {
  const c = real.compare(a, b);
  augment(a, c.a);
  augment(b, c.b);
  const pb = paras(b, c.b);
  c.settings = { minMatchWords: 8 };
  c.passages = [];
  for (const { p, s } of paras(a, c.a)) {
    const twin = pb.find((x) => x.s === s && words(s) >= 8);
    if (twin) c.passages.push({ a: { start: p.start, end: p.end }, b: { start: twin.p.start, end: twin.p.end }, words: words(s), similarity: 1 });
  }
  // One near-duplicate: B's paragraph that starts like one of A's but differs later.
  for (const { p, s } of paras(a, c.a)) {
    const twin = pb.find((x) => x.s !== s && words(s) >= 8 && x.s.slice(0, 40) === s.slice(0, 40));
    if (twin) c.passages.push({ a: { start: p.start, end: p.end }, b: { start: twin.p.start, end: twin.p.end }, words: words(s), similarity: 0.8 });
  }
  c.passages.sort((x, y) => x.b.start - y.b.start);
  const reused = (side, an) => c.passages.reduce((n, p) => n + words(new TextDecoder().decode(enc.encode(side).slice(p[side === a ? "a" : "b"].start, p[side === a ? "a" : "b"].end))), 0) / Math.max(1, an.wordCount);
  c.reusedShareA = reused(a, c.a);
  c.reusedShareB = reused(b, c.b);
  c.verdict = c.reusedShareB > 0.8 ? "wholly" : c.reusedShareB > 0.2 ? "partly" : "not";
  c.entities = c.entities.map((e) => ({ ...e, shareA: e.countA / Math.max(1, c.a.wordCount), shareB: e.countB / Math.max(1, c.b.wordCount), reusedA: 0, reusedB: 0 }));
  const qa = new Map(c.a.quotes.map((q) => [q.text, q]));
  const qb = new Map(c.b.quotes.map((q) => [q.text, q]));
  c.quotes = { shared: c.a.quotes.filter((q) => qb.has(q.text)), onlyA: c.a.quotes.filter((q) => !qb.has(q.text)), onlyB: c.b.quotes.filter((q) => !qa.has(q.text)) };
  const names = [...new Set([...c.a.sources, ...c.b.sources].map((s) => s.name))];
  c.sources = names.map((name) => ({ name, countA: c.a.sources.find((s) => s.name === name)?.count ?? 0, countB: c.b.sources.find((s) => s.name === name)?.count ?? 0 }));
  const freq = (t) => { const m = new Map(); for (const w of t.toLowerCase().match(/\p{L}{5,}/gu) ?? []) m.set(w, (m.get(w) ?? 0) + 1); return m; };
  const fa = freq(a);
  const fb = freq(b);
  const terms = [...new Set([...fa.keys(), ...fb.keys()])].map((term) => ({ term, countA: fa.get(term) ?? 0, countB: fb.get(term) ?? 0 }));
  const top = (own, other) => terms.filter((t) => t[own] > t[other] + 1).map((t) => ({ ...t, score: (t[own] - t[other]) / (t[own] + t[other]) * t[own] })).sort((x, y) => y.score - x.score).slice(0, 8);
  c.distinctive = { a: top("countA", "countB"), b: top("countB", "countA") };
  return c;
}

export function compareMany(texts) {
  const articles = texts.map(analyze);
  const reuse = texts.map((a, i) => texts.map((b, j) => (i === j ? 1 : compare(a, b).reusedShareA)));
  const names = articles.map((x) => new Set(x.entities.map((e) => e.name)));
  const entityOverlap = names.map((x) => names.map((y) => [...x].filter((n) => y.has(n)).length / Math.max(1, new Set([...x, ...y]).size)));
  return { articles, reuse, entityOverlap };
}
