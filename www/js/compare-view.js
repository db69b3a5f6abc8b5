// Two articles side by side: how much B reuses of A, the reused passages linked across the two
// texts, who each one names more, what B added and dropped, quotes, sources, distinctive words.

import { h, append, svg, KIND_LABEL, kindBadge, fmt, pct, smoothly } from "./dom.js";
import { renderText } from "./textview.js";
import { analysedText, titleOf, kindFilters, cutMarks } from "./article-view.js";
import { fillUtf16 } from "./offsets.js";

const VERDICT = {
  wholly: ["Wholly derived", (a, b) => `Almost all of ${b}'s text comes from ${a}.`],
  partly: ["Partly derived", (a, b) => `${b} reuses passages of ${a} and adds text of its own.`],
  not: ["Independent", (a, b) => `${b} does not reuse ${a}'s text.`],
};
// The diverging chart shows the most mentioned names; the full list is in the CSV export.
const CHART_ROWS = 20;

/** Indices (into `seq`) of a longest increasing subsequence: passages kept in order. */
function inOrder(seq) {
  const tails = [];
  const prev = new Array(seq.length).fill(-1);
  for (let i = 0; i < seq.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (seq[tails[mid]] < seq[i]) lo = mid + 1; else hi = mid; }
    if (lo > 0) prev[i] = tails[lo - 1];
    tails[lo] = i;
  }
  const keep = new Set();
  for (let i = tails[tails.length - 1] ?? -1; i >= 0; i = prev[i]) keep.add(i);
  return keep;
}

function kindCounts(passages) {
  const n = (k) => passages.filter((p) => passageKind(p) === k).length;
  return `${fmt.format(n("verbatim"))} verbatim, ${fmt.format(n("edited"))} edited, ${fmt.format(n("rewritten"))} rewritten`;
}

function summary(cmp, la, lb, passages, moved) {
  const cards = [];
  if (cmp.verdict && VERDICT[cmp.verdict]) {
    const [title, blurb] = VERDICT[cmp.verdict];
    cards.push(h("div", { class: ["card", "verdict", `v-${cmp.verdict}`] },
      h("p", { class: "card-label", text: `${lb} compared with ${la}` }),
      h("p", { class: "card-big", text: title }),
      h("p", { class: "card-note", text: blurb(la, lb) })));
  }
  const meter = (label, share, note) => h("div", { class: "card" },
    h("p", { class: "card-label", text: label }),
    h("p", { class: "card-big", text: pct(share) }),
    h("div", { class: "meter", attrs: { role: "img", "aria-label": `${pct(share)}` } }, h("span", { style: { width: pct(share) } })),
    h("p", { class: "card-note", text: note }));
  if (typeof cmp.reusedShareB === "number") cards.push(meter(`Of ${lb}'s words`, cmp.reusedShareB, typeof cmp.verbatimShareB === "number" ? `are reused from ${la}: ${pct(cmp.verbatimShareB)} word for word, the rest edited or restated` : `are in passages shared with ${la}`));
  if (typeof cmp.reusedShareA === "number") cards.push(meter(`Of ${la}'s words`, cmp.reusedShareA, `reappear in ${lb}`));
  if (passages) {
    cards.push(h("div", { class: "card" },
      h("p", { class: "card-label", text: "Reused passages" }),
      h("p", { class: "card-big", text: fmt.format(passages.length) }),
      h("p", { class: "card-note", text: passages.length ? `${kindCounts(passages)}; ${fmt.format(moved.size)} moved to a different place in ${lb}` : `no run of ${cmp.settings?.minMatchWords ?? "several"} or more words in common, no sentence restated` })));
  }
  if (typeof cmp.a.wordCount === "number" && typeof cmp.b.wordCount === "number") {
    const d = cmp.b.wordCount - cmp.a.wordCount;
    cards.push(h("div", { class: "card" },
      h("p", { class: "card-label", text: "Length in words" }),
      h("p", { class: "card-big", text: `${fmt.format(cmp.a.wordCount)} → ${fmt.format(cmp.b.wordCount)}` }),
      h("p", { class: "card-note", text: d === 0 ? "the same length" : `${lb} is ${fmt.format(Math.abs(d))} words ${d > 0 ? "longer" : "shorter"} than ${la}` })));
  }
  const shared = cmp.entities.filter((e) => e.countA > 0 && e.countB > 0).length;
  cards.push(h("div", { class: "card" },
    h("p", { class: "card-label", text: "Names" }),
    h("p", { class: "card-big", text: `${fmt.format(shared)} shared` }),
    h("p", { class: "card-note", text: `${fmt.format(cmp.entities.filter((e) => !e.countA).length)} only in ${lb}, ${fmt.format(cmp.entities.filter((e) => !e.countB).length)} only in ${la}` })));
  return h("div", { class: "cards" }, cards);
}

function divergingChart(cmp, la, lb, filters, setFilter, onHover) {
  const rows = cmp.entities.filter((e) => filters[e.kind] !== false);
  const top = rows.slice(0, CHART_ROWS);
  const max = Math.max(1, ...top.map((e) => Math.max(e.countA, e.countB)));
  const bar = (n, side, kind) => h("span", { class: ["dbar", side, `k-${kind}`], style: { width: `${(100 * n) / max}%` } });
  const table = h("table", { class: "diverging" },
    h("caption", { class: "sr-only", text: `Mentions of each name in ${la} and in ${lb}` }),
    h("thead", {}, h("tr", {},
      h("th", { scope: "col", class: "side-a", text: `Mentions in ${la}` }),
      h("th", { scope: "col", class: "name-col", text: "Name" }),
      h("th", { scope: "col", class: "side-b", text: `Mentions in ${lb}` }))),
    h("tbody", {}, top.map((e) => h("tr", { class: [!e.countA && "only-b", !e.countB && "only-a"], dataset: { name: e.name }, on: { mouseenter: () => onHover(e, true), mouseleave: () => onHover(e, false) } },
      h("td", { class: "side-a" }, h("span", { class: "dnum", text: e.countA ? fmt.format(e.countA) : "–" }), h("span", { class: "dtrack a", attrs: { "aria-hidden": "true" } }, bar(e.countA, "a", e.kind))),
      h("th", { scope: "row", class: "name-col" }, kindBadge(e.kind), h("span", { class: "dname", text: e.name, title: KIND_LABEL[e.kind] })),
      h("td", { class: "side-b" }, h("span", { class: "dtrack b", attrs: { "aria-hidden": "true" } }, bar(e.countB, "b", e.kind)), h("span", { class: "dnum", text: e.countB ? fmt.format(e.countB) : "–" }))))));
  return h("div", {},
    kindFilters(cmp.entities, filters, setFilter, (e) => e.countA + e.countB),
    table,
    rows.length > CHART_ROWS ? h("p", { class: "muted small", text: `The ${CHART_ROWS} most mentioned of ${fmt.format(rows.length)} names; export the CSV for all of them.` }) : null,
    !rows.length ? h("p", { class: "muted", text: "No names of the selected types in either article." }) : null);
}

const quoteText = (q) => q.text ?? q.a?.text ?? q.b?.text ?? "";
const quoteSpeaker = (q) => q.speaker ?? q.a?.speaker ?? q.b?.speaker ?? null;

function miniQuotes(list, empty) {
  if (!list?.length) return h("p", { class: "muted", text: empty });
  return h("ul", { class: "mini-quotes" }, list.map((q) => h("li", {},
    h("q", { text: quoteText(q) }), quoteSpeaker(q) ? h("span", { class: "muted", text: ` — ${quoteSpeaker(q)}` }) : null,
    q.wording === "other" ? h("span", { class: "muted small", text: " (the same remark in other words: not copied)" }) : null)));
}

// Lists of added and dropped names stay short; the rest is one click away.
const LIST_ROWS = 10;

function nameList(list, countKey, empty) {
  if (!list.length) return h("p", { class: "muted", text: empty });
  const items = list.map((e) => h("li", {}, e.kind ? kindBadge(e.kind) : null, h("span", { text: e.name }), h("span", { class: "count", text: `${fmt.format(e[countKey])}×` })));
  const ul = h("ul", { class: "name-list" }, items.slice(0, LIST_ROWS));
  if (items.length <= LIST_ROWS) return ul;
  const more = h("button", { type: "button", class: "link small", text: `${fmt.format(items.length - LIST_ROWS)} more`, on: { click: () => { ul.append(...items.slice(LIST_ROWS)); more.remove(); } } });
  return h("div", {}, ul, more);
}

// Sentences one side has alone: the first few, the rest one click away.
const SENTENCE_ROWS = 4;

function sentenceList(locs, text, empty) {
  if (!locs?.length) return h("p", { class: "muted", text: empty });
  const items = locs.map((s) => h("li", { text: text.slice(s.startUtf16, s.endUtf16) }));
  const ul = h("ul", { class: "sentence-list" }, items.slice(0, SENTENCE_ROWS));
  if (items.length <= SENTENCE_ROWS) return ul;
  const more = h("button", { type: "button", class: "link small", text: `${fmt.format(items.length - SENTENCE_ROWS)} more`, on: { click: () => { ul.append(...items.slice(SENTENCE_ROWS)); more.remove(); } } });
  return h("div", {}, ul, more);
}

function addedDropped(cmp, la, lb, texts) {
  // A name the other side writes, even inside another word ("anti-Israel"), is not added or dropped.
  const added = cmp.entities.filter((e) => e.countB > 0 && !e.countA && e.writtenA !== true);
  const dropped = cmp.entities.filter((e) => e.countA > 0 && !e.countB && e.writtenB !== true);
  const srcAdded = (cmp.sources ?? []).filter((s) => s.countB > 0 && !s.countA);
  const srcDropped = (cmp.sources ?? []).filter((s) => s.countA > 0 && !s.countB);
  const col = (title, cls, names, nameKey, quotes, sources, srcKey, sentences, text) => h("section", { class: ["delta", cls] },
    h("h4", { text: title }),
    sentences ? [h("h5", { text: `Sentences (${fmt.format(sentences.length)})` }), sentenceList(sentences, text, "None.")] : null,
    h("h5", { text: "Names" }), nameList(names, nameKey, "None."),
    cmp.quotes ? [h("h5", { text: "Quotes" }), miniQuotes(quotes, "None.")] : null,
    cmp.sources ? [h("h5", { text: "Cited sources" }), nameList(sources, srcKey, "None.")] : null);
  return h("div", { class: "deltas" },
    col(`What ${lb} added`, "added", added, "countB", cmp.quotes?.onlyB, srcAdded, "countB", cmp.sentences?.onlyB, texts[1]),
    col(`What ${lb} dropped`, "dropped", dropped, "countA", cmp.quotes?.onlyA, srcDropped, "countA", cmp.sentences?.onlyA, texts[0]));
}

/** A passage's kind: "verbatim", "edited" or "rewritten" (older cores gave only similarity). */
const passageKind = (p) => p.kind ?? (p.similarity < 0.995 ? "edited" : "verbatim");

function passageTitle(p) {
  switch (passageKind(p)) {
    case "rewritten": return `a sentence restated in other words (${p.words} content words shared)`;
    case "edited": return `edited copy, ${p.words} words matched, ${pct(p.similarity)} alike`;
    default: return `verbatim, ${p.words} words`;
  }
}

function sideBySide(cmp, texts, la, lb, passages, moved, sides) {
  const [ta, tb] = texts;
  const ordered = passages ?? [];
  const mk = (side, letterName) => ordered.map((p, n) => ({
    s: p[side].startUtf16, e: p[side].endUtf16,
    cls: ["reuse", passageKind(p), side === "b" && moved.has(n) && "moved"].filter(Boolean),
    dataset: { p: n },
    title: `Passage ${n + 1}: ${passageTitle(p)}${side === "b" && moved.has(n) ? `, moved in ${lb}` : ""}`,
    badge: () => h("button", { type: "button", class: "p-badge", dataset: { p: n }, text: String(n + 1), attrs: { "aria-label": `Passage ${n + 1} in ${letterName}: go to its twin` } }),
  }));
  const mentions = (analysis) => (analysis.entities ?? []).flatMap((e) => (e.mentions ?? []).map((m) => ({ s: m.startUtf16, e: m.endUtf16, cls: ["ent", "quiet", `k-${e.kind}`], dataset: { name: e.name, k: e.kind } })));
  // Boilerplate the core removed stays greyed here too, so the eye skips it as the core did, and
  // can be restored from here as from the article's own tab.
  const [cutsA, cutsB] = [[cmp.a, ta, sides?.[0]], [cmp.b, tb, sides?.[1]]].map(([analysis, text, ctx]) => cutMarks(analysis, text, ctx ?? {}, "compared"));
  const docA = renderText(ta, { paragraphs: cmp.a.paragraphs, outer: [...mk("a", la), ...cutsA.outer], inner: mentions(cmp.a) }).el;
  const docB = renderText(tb, { paragraphs: cmp.b.paragraphs, outer: [...mk("b", lb), ...cutsB.outer], inner: mentions(cmp.b) }).el;
  const colA = h("div", { class: "sbs-col", attrs: { tabindex: "0", "aria-label": `Text of ${la}` } }, docA);
  const colB = h("div", { class: "sbs-col", attrs: { tabindex: "0", "aria-label": `Text of ${lb}` } }, docB);
  const ribbon = ordered.length ? passageMap(ordered, ta.length, tb.length, moved) : null;
  const wrap = h("div", { class: ["sbs", ribbon && "with-map"] },
    h("div", { class: "sbs-head" }, h("span", { class: "letter-badge small", text: la }), h("span", { class: "sbs-title", text: titleOf(cmp.a, ta) })),
    ribbon ? h("div", { class: "sbs-head map-head", text: "map" }) : null,
    h("div", { class: "sbs-head" }, h("span", { class: "letter-badge small", text: lb }), h("span", { class: "sbs-title", text: titleOf(cmp.b, tb) })),
    colA, ribbon, colB);

  const lit = (n, on) => { for (const el of wrap.querySelectorAll(`[data-p="${n}"]`)) el.classList.toggle("lit", on); };
  wrap.addEventListener("mouseover", (ev) => { const el = ev.target.closest("[data-p]"); if (el) lit(el.dataset.p, true); });
  wrap.addEventListener("mouseout", (ev) => { const el = ev.target.closest("[data-p]"); if (el) lit(el.dataset.p, false); });
  wrap.addEventListener("focusin", (ev) => { const el = ev.target.closest("[data-p]"); if (el) lit(el.dataset.p, true); });
  wrap.addEventListener("focusout", (ev) => { const el = ev.target.closest("[data-p]"); if (el) lit(el.dataset.p, false); });
  wrap.addEventListener("click", (ev) => {
    if (colA.contains(ev.target) ? cutsA.onClick(ev) : colB.contains(ev.target) && cutsB.onClick(ev)) return;
    const el = ev.target.closest("[data-p]");
    if (!el) return;
    const inA = colA.contains(el);
    const inB = colB.contains(el);
    const target = inA ? colB : inB ? colA : null;
    const scrollTo = (col) => {
      const twin = col.querySelector(`.seg[data-p="${el.dataset.p}"]`);
      if (!twin) return;
      col.scrollTo({ top: twin.offsetTop - col.offsetTop - 40, behavior: smoothly() });
      twin.classList.add("flash");
      setTimeout(() => twin.classList.remove("flash"), 1200);
    };
    if (target) scrollTo(target);
    else { scrollTo(colA); scrollTo(colB); }
  });
  return wrap;
}

/** A schematic of where each reused passage sits in A (left) and B (right); crossings are reorderings. */
function passageMap(passages, lenA, lenB, moved) {
  const H = 600;
  const W = 56;
  const y = (x, len) => (H * x) / Math.max(1, len);
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, preserveAspectRatio: "none", class: "pmap", role: "img", "aria-label": `Map of ${passages.length} reused passages: left edge is A, right edge is B; crossing bands are passages B moved.` },
    svg("rect", { x: 0, y: 0, width: 6, height: H, class: "pmap-rail" }),
    svg("rect", { x: W - 6, y: 0, width: 6, height: H, class: "pmap-rail" }));
  passages.forEach((p, n) => {
    const a0 = y(p.a.startUtf16, lenA);
    const a1 = Math.max(a0 + 2, y(p.a.endUtf16, lenA));
    const b0 = y(p.b.startUtf16, lenB);
    const b1 = Math.max(b0 + 2, y(p.b.endUtf16, lenB));
    root.append(svg("path", {
      d: `M6 ${a0} C ${W / 2} ${a0}, ${W / 2} ${b0}, ${W - 6} ${b0} L ${W - 6} ${b1} C ${W / 2} ${b1}, ${W / 2} ${a1}, 6 ${a1} Z`,
      class: ["pmap-band", moved.has(n) && "moved"].filter(Boolean).join(" "), "data-p": n,
    }, svg("title", {}, `Passage ${n + 1}`)));
  });
  return h("div", { class: "pmap-wrap", attrs: { "aria-hidden": "false" } }, root);
}

function sourcesTable(cmp, la, lb) {
  if (!cmp.sources?.length) return h("p", { class: "muted", text: "Neither article cites a news agency or outlet." });
  return h("table", { class: "plain" },
    h("caption", { class: "sr-only", text: "Cited sources in each article" }),
    h("thead", {}, h("tr", {}, h("th", { scope: "col", text: "Source" }), h("th", { scope: "col", class: "num", text: la }), h("th", { scope: "col", class: "num", text: lb }))),
    h("tbody", {}, cmp.sources.map((s) => h("tr", {}, h("th", { scope: "row", text: s.name }), h("td", { class: "num", text: fmt.format(s.countA) }), h("td", { class: "num", text: fmt.format(s.countB) })))));
}

function distinctiveWords(d, la, lb) {
  const col = (title, list, own) => {
    const max = Math.max(1e-9, ...list.map((w) => w.score));
    return h("section", {}, h("h5", { text: title }),
      list.length ? h("ol", { class: "words" }, list.map((w) => h("li", {},
        h("span", { class: "word", text: w.term }),
        h("span", { class: "bar-wrap", attrs: { "aria-hidden": "true" } }, h("span", { class: ["bar", own], style: { width: `${(100 * w.score) / max}%` } })),
        h("span", { class: "count", text: `${fmt.format(w.countA)} / ${fmt.format(w.countB)}`, title: `${w.countA} in ${la}, ${w.countB} in ${lb}` })))) : h("p", { class: "muted", text: "None stand out." }));
  };
  return h("div", { class: "two-col" }, col(`More typical of ${la}`, d.a ?? [], "side-a"), col(`More typical of ${lb}`, d.b ?? [], "side-b"));
}

/** N-way overview (compareMany): reuse and shared names between every pair of articles. */
export function manyMatrix(many, letters) {
  const grid = (title, m, blurb) => h("section", { class: "panel" }, h("h4", { text: title }), h("p", { class: "muted small", text: blurb }),
    h("table", { class: "matrix" },
      h("thead", {}, h("tr", {}, h("td"), letters.map((l) => h("th", { scope: "col", text: l })))),
      h("tbody", {}, m.map((row, i) => h("tr", {}, h("th", { scope: "row", text: letters[i] }),
        row.map((x, j) => h("td", { class: i === j ? "diag" : "", style: { "--v": String(i === j ? 0 : x) }, text: i === j ? "—" : pct(x) })))))));
  return h("div", { class: "two-col" },
    many.reuse ? grid("Text reuse", many.reuse, "Share of the row's words found in the column's article.") : null,
    many.entityOverlap ? grid("Names in common", many.entityOverlap, "Overlap of the names each pair mentions.") : null);
}

/**
 * @param {object} cmp  Comparison from the core
 * @param {[string, string]} sources  the two analysed inputs
 * @param {{la: string, lb: string, filters: object, many?: object, letters: string[], sides?: object[]}} ctx
 *   sides: each article's view context (restored passages and the toggle), as for `renderArticle`
 */
export function renderComparison(cmp, sources, ctx) {
  const { la, lb } = ctx;
  const texts = [analysedText(cmp.a, sources[0]), analysedText(cmp.b, sources[1])];
  let passages = null;
  let moved = new Set();
  if (Array.isArray(cmp.passages)) {
    fillUtf16(texts[0], cmp.passages.map((p) => p.a));
    fillUtf16(texts[1], cmp.passages.map((p) => p.b));
    if (cmp.sentences) {
      fillUtf16(texts[0], cmp.sentences.onlyA);
      fillUtf16(texts[1], cmp.sentences.onlyB);
    }
    passages = [...cmp.passages].sort((x, y) => x.a.start - y.a.start);
    const bOrder = passages.map((p, n) => [p.b.start, n]).sort((x, y) => x[0] - y[0]).map(([, n]) => n);
    const keep = inOrder(bOrder);
    moved = new Set(bOrder.filter((_, i) => !keep.has(i)));
  }
  const hover = (e, on) => {
    for (const el of view.querySelectorAll("mark.ent.quiet")) if (el.dataset.name === e.name) el.classList.toggle("lit", on);
  };
  const view = h("div", { class: "compare-view" });
  append(view, [
    h("h3", { class: "sr-only", text: `Article ${la} compared with article ${lb}` }),
    summary(cmp, la, lb, passages, moved),
    h("div", { class: "compare-grid" },
      h("section", { class: "panel" }, h("h4", { text: `Who is named, ${la} against ${lb}` }), divergingChart(cmp, la, lb, ctx.filters, ctx.setFilter, hover)),
      h("section", { class: "panel" }, addedDropped(cmp, la, lb, texts))),
    h("section", { class: "panel wide" },
      h("h4", { text: passages ? "Reused passages, side by side" : "Side by side" }),
      passages?.length ? h("p", { class: "muted small", text: `Hover a highlighted passage to see its twin; click it (or its number) to jump there.${moved.size ? ` Passages marked “moved” appear in a different order in ${lb}.` : ""}` }) : null,
      sideBySide(cmp, texts, la, lb, passages, moved, ctx.sides)),
    cmp.quotes ? h("section", { class: "panel" }, h("h4", { text: "Quotes" }),
      h("div", { class: "three-col" },
        h("section", {}, h("h5", { text: `In both (${cmp.quotes.shared?.length ?? 0})` }), miniQuotes(cmp.quotes.shared, "None.")),
        h("section", {}, h("h5", { text: `Only in ${la} (${cmp.quotes.onlyA?.length ?? 0})` }), miniQuotes(cmp.quotes.onlyA, "None.")),
        h("section", {}, h("h5", { text: `Only in ${lb} (${cmp.quotes.onlyB?.length ?? 0})` }), miniQuotes(cmp.quotes.onlyB, "None.")))) : null,
    h("div", { class: "two-col" },
      cmp.sources ? h("section", { class: "panel" }, h("h4", { text: "Cited sources" }), sourcesTable(cmp, la, lb)) : null,
      cmp.distinctive ? h("section", { class: "panel" }, h("h4", { text: "Distinctive words" }), distinctiveWords(cmp.distinctive, la, lb)) : null),
  ]);
  return view;
}
