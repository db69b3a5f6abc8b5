// Renders an article's text with layers of highlights, built from text nodes only.
//
// Two layers, both as UTF-16 ranges into `text`:
//  - outer marks (reused passages, quotes, removed boilerplate) may span sentences and
//    paragraphs; overlapping ones combine their classes on one segment;
//  - inner marks (entity mentions) are short and nest inside the outer segments.
// Blocks are the paragraphs, plus any removed range that no paragraph covers, so boilerplate
// the reader took out can still be shown greyed where it was.

import { h } from "./dom.js";

// Rendering a 5 MB paste as highlighted DOM would freeze the tab for seconds; the tables still
// cover the whole text, only the highlighted reading view is cut.
export const MAX_RENDERED_CHARS = 300_000;

const s16 = (l) => l.startUtf16 ?? l.start;
const e16 = (l) => l.endUtf16 ?? l.end;

/** Paragraph ranges for a text the core gave none for: its non-empty lines. */
function fallbackParagraphs(text) {
  const out = [];
  const re = /[^\n]+/g;
  let m;
  while ((m = re.exec(text))) if (m[0].trim()) out.push({ s: m.index, e: m.index + m[0].length });
  return out;
}

/**
 * @param {string} text
 * @param {{paragraphs?: object[], outer?: object[], inner?: object[], limit?: number}} opts
 *   outer: {s, e, cls: string[], dataset?: object, title?: string, badge?: () => Node}
 *   inner: {s, e, cls: string[], dataset?: object, title?: string}
 * @returns {{el: HTMLElement, truncated: boolean}}
 */
export function renderText(text, { paragraphs, outer = [], inner = [], limit = MAX_RENDERED_CHARS } = {}) {
  const end = Math.min(text.length, limit);
  let blocks = paragraphs?.length ? paragraphs.map((p) => ({ s: s16(p), e: e16(p) })) : fallbackParagraphs(text);
  // Removed ranges outside every paragraph become blocks of their own.
  for (const m of outer) {
    if (!m.block) continue;
    if (!blocks.some((b) => b.s < m.e && m.s < b.e)) blocks.push({ s: m.s, e: m.e, removed: true });
  }
  blocks = blocks.filter((b) => b.s < end).map((b) => ({ ...b, e: Math.min(b.e, end) }));
  blocks.sort((x, y) => x.s - y.s);

  const outerSorted = [...outer].sort((x, y) => x.s - y.s);
  const innerSorted = [...inner].sort((x, y) => x.s - y.s || y.e - x.e);
  const doc = h("div", { class: "doc" });
  let oi = 0;
  let ii = 0;
  for (const block of blocks) {
    while (oi < outerSorted.length && outerSorted[oi].e <= block.s) oi++;
    while (ii < innerSorted.length && innerSorted[ii].e <= block.s) ii++;
    const outs = [];
    for (let k = oi; k < outerSorted.length && outerSorted[k].s < block.e; k++) {
      if (outerSorted[k].e > block.s) outs.push(outerSorted[k]);
    }
    const ins = [];
    for (let k = ii; k < innerSorted.length && innerSorted[k].s < block.e; k++) {
      if (innerSorted[k].e > block.s) ins.push(innerSorted[k]);
    }
    doc.append(renderBlock(text, block, outs, ins));
  }
  return { el: doc, truncated: end < text.length };
}

function renderBlock(text, block, outs, ins) {
  const p = h("p", { class: block.removed ? "para removed-block" : "para" });
  const cuts = new Set([block.s, block.e]);
  for (const m of outs) {
    if (m.s > block.s && m.s < block.e) cuts.add(m.s);
    if (m.e > block.s && m.e < block.e) cuts.add(m.e);
  }
  const points = [...cuts].sort((x, y) => x - y);
  let k = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const x = points[i];
    const y = points[i + 1];
    const active = outs.filter((m) => m.s <= x && m.e >= y);
    let host = p;
    if (active.length) {
      const cls = ["seg", ...active.flatMap((m) => m.cls)];
      const dataset = Object.assign({}, ...active.map((m) => m.dataset ?? {}));
      host = h("span", { class: cls, dataset, title: active.map((m) => m.title).filter(Boolean).join(" · ") || undefined });
      for (const m of active) if (m.badge && m.s === x) host.append(m.badge());
      p.append(host);
    }
    // Inner marks inside [x, y), clipped, first come first served where two overlap.
    let at = x;
    while (k < ins.length && ins[k].e <= x) k++;
    for (let j = k; j < ins.length && ins[j].s < y; j++) {
      const m = ins[j];
      const ms = Math.max(m.s, x);
      const me = Math.min(m.e, y);
      if (ms < at || me <= ms) continue;
      if (ms > at) host.append(text.slice(at, ms));
      host.append(h("mark", { class: m.cls, dataset: m.dataset, title: m.title }, text.slice(ms, me)));
      at = me;
    }
    if (y > at) host.append(text.slice(at, y));
  }
  return p;
}
