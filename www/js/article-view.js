// One article: what it says about itself (headline, date, credits), who it names, who it quotes,
// whom it cites, and its text with all of that highlighted.

import { h, append, KINDS, KIND_LABEL, KIND_PLURAL, kindBadge, fmt, smoothly } from "./dom.js";
import { renderText } from "./textview.js";

// Long articles name hundreds of things; the table shows the most mentioned and offers the rest.
// On a phone the table comes before the text, so it starts shorter.
const tableRows = () => (matchMedia("(max-width: 720px)").matches ? 12 : 40);

/** The text every span of `analysis` indexes. */
export const analysedText = (analysis, source) => analysis?.text ?? source;

/** Headline for titles and tabs: the core's, else the first line of the text. */
export function titleOf(analysis, text) {
  if (analysis?.meta?.headline) return analysis.meta.headline;
  const first = analysis?.paragraphs?.[0];
  const line = first ? text.slice(first.startUtf16 ?? 0, first.endUtf16 ?? 0) : text.trim().split("\n")[0] ?? "";
  return line.length > 90 ? `${line.slice(0, 88).trimEnd()}…` : line;
}

/** Type filter chips: checkboxes, so they are keyboard operable and announce their state. */
export function kindFilters(entities, filters, onChange, countOf = (e) => e.count) {
  const totals = Object.fromEntries(KINDS.map((k) => [k, 0]));
  for (const e of entities) if (k(e) in totals) totals[k(e)] += countOf(e);
  return h("fieldset", { class: "filters" },
    h("legend", { class: "sr-only", text: "Show entity types" }),
    KINDS.map((kind) => {
      const input = h("input", { type: "checkbox", checked: filters[kind] !== false, dataset: { kind }, on: { change: () => onChange(kind, input.checked) } });
      return h("label", { class: ["chip", `k-${kind}`, totals[kind] === 0 && "empty"] },
        input, h("span", { class: "chip-kind", text: kind }), ` ${KIND_PLURAL[kind]} `, h("span", { class: "chip-n", text: fmt.format(totals[kind]) }));
    }));
}
const k = (e) => e.kind;

function metaCard(analysis, text, letterName, source) {
  const m = analysis.meta ?? {};
  const facts = [];
  if (m.outlet) facts.push(h("span", { class: "fact outlet", text: m.outlet }));
  if (m.date) facts.push(h("time", { class: "fact", dateTime: m.date, text: formatDate(m.date) }));
  if (m.dateline?.place) facts.push(h("span", { class: "fact", text: m.dateline.wire ? `${m.dateline.place} (${m.dateline.wire})` : m.dateline.place, title: "Dateline" }));
  if (m.byline) facts.push(h("span", { class: "fact", text: m.byline }));
  const credits = (m.credits ?? []).filter((c) => c.names?.length);
  const stats = [
    [analysis.wordCount, "words"],
    [analysis.sentenceCount, "sentences"],
    [analysis.paragraphs?.length, "paragraphs"],
    [analysis.entities?.length, "names"],
    [analysis.quotes?.length, "quotes"],
    [analysis.sources?.length, "sources"],
  ].filter(([n]) => typeof n === "number");
  return h("header", { class: "meta-card" },
    h("div", { class: "meta-top" },
      h("span", { class: "letter-badge", text: letterName, attrs: { "aria-hidden": "true" } }),
      h("div", {},
        h("h3", { class: ["headline", !m.headline && "guessed"], text: titleOf(analysis, text) || "Untitled" }),
        facts.length ? h("p", { class: "facts" }, facts.flatMap((f, i) => (i ? [h("span", { class: "dot", text: "·", attrs: { "aria-hidden": "true" } }), f] : [f]))) : null,
        credits.length ? h("p", { class: "credits" }, credits.flatMap((c, i) => [i ? "; " : "", h("span", { class: "role", text: `${c.role} ` }), c.names.join(", ")])) : null,
        analysis.input === "html" ? h("p", { class: "input-kind", text: "Read from the page's HTML: headline, date and credits come from its markup." }) : null)),
    h("dl", { class: "stats" }, stats.map(([n, label]) => h("div", {}, h("dt", { text: label }), h("dd", { text: fmt.format(n) })))));
}

function formatDate(iso) {
  const d = new Date(`${iso}T12:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

function entityTable(entities, filters, onPick) {
  const shown = entities.map((e, i) => ({ e, i })).filter(({ e }) => filters[e.kind] !== false);
  const max = Math.max(1, ...shown.map(({ e }) => e.count));
  const table = h("table", { class: "entities" },
    h("caption", { class: "sr-only", text: "Names in this article, most mentioned first" }),
    h("thead", {}, h("tr", {}, h("th", { scope: "col", text: "Type" }), h("th", { scope: "col", text: "Name" }), h("th", { scope: "col", class: "num", text: "Mentions" }))));
  const body = h("tbody");
  const rows = shown.map(({ e, i }) => h("tr", { dataset: { e: i, kind: e.kind } },
    h("td", {}, kindBadge(e.kind)),
    h("th", { scope: "row" },
      h("button", { class: "ent-name", type: "button", dataset: { e: i }, text: e.name, title: `Show its mentions in the text (${KIND_LABEL[e.kind]})`, on: { click: () => onPick(i) } }),
      e.aliases?.length ? h("span", { class: "aliases", text: `also ${e.aliases.join(", ")}` }) : null),
    h("td", { class: "num" },
      h("span", { class: "bar-wrap", attrs: { "aria-hidden": "true" } }, h("span", { class: ["bar", `k-${e.kind}`], style: { width: `${(100 * e.count) / max}%` } })),
      h("span", { class: "count", text: fmt.format(e.count) }))));
  const first = tableRows();
  body.append(...rows.slice(0, first));
  table.append(body);
  const wrap = h("div", { class: "table-wrap" }, table);
  if (rows.length > first) {
    const more = h("button", { type: "button", class: "link show-all", text: `Show all ${fmt.format(rows.length)} names`, on: { click: () => { body.append(...rows.slice(first)); more.remove(); } } });
    wrap.append(more);
  }
  if (!shown.length) wrap.append(h("p", { class: "muted", text: entities.length ? "No names of the selected types." : "No names found in this text." }));
  return wrap;
}

function quoteList(analysis, text, onQuote, onPick) {
  const quotes = analysis.quotes ?? [];
  if (!quotes.length) return h("p", { class: "muted", text: "No quotations found." });
  return h("ol", { class: "quotes" }, quotes.map((q, i) => {
    const said = q.speaker ?? (q.speakerEntity != null ? analysis.entities[q.speakerEntity]?.name : null);
    return h("li", {},
      h("blockquote", {}, q.text ?? text.slice(q.startUtf16, q.endUtf16)),
      h("p", { class: "speaker" },
        said ? (q.speakerEntity != null
          ? h("button", { type: "button", class: "link", text: said, on: { click: () => onPick(q.speakerEntity) } })
          : h("strong", { text: said })) : h("span", { class: "muted", text: "Speaker not identified" }),
        q.cue ? h("span", { class: "muted", text: ` ${q.cue}` }) : null,
        q.via ? h("span", { class: "muted", text: `, via ${q.via}` }) : null,
        " ",
        h("button", { type: "button", class: "link small", text: "Find in text", on: { click: () => onQuote(i) } })));
  }));
}

function sourceList(analysis) {
  const sources = analysis.sources ?? [];
  if (!sources.length) return h("p", { class: "muted", text: "No news agencies or outlets cited." });
  return h("ul", { class: "sources" }, sources.map((s) => h("li", {},
    h("span", { class: ["src-kind", `src-${s.kind}`], text: s.kind === "agency" ? "Agency" : "Outlet" }),
    h("span", { class: "src-name", text: s.name }),
    h("span", { class: "count", text: `${fmt.format(s.count)}×` }))));
}

/**
 * What clicking each removed passage restores: the passage with its neighbours of the same kind
 * that only white space separates from it. An appeal is cut line by line, but a reader restoring
 * "Your support helps us to tell the story" means the whole appeal under it. One span covers the
 * group; the core restores every cut inside it.
 * @returns {{first: number, start: number, end: number, startUtf16: number, endUtf16: number, reason: string}[]}
 *   one per removed passage, members of a group sharing one object
 */
function cutGroups(removed, text) {
  const out = [];
  let group = null;
  removed.forEach((r, i) => {
    const prev = removed[i - 1];
    const joins = group && prev && prev.reason === r.reason && r.startUtf16 >= prev.endUtf16 && !text.slice(prev.endUtf16, r.startUtf16).trim();
    if (joins) Object.assign(group, { end: r.end, endUtf16: r.endUtf16 });
    else group = { first: i, start: r.start, end: r.end, startUtf16: r.startUtf16, endUtf16: r.endUtf16, reason: r.reason ?? "boilerplate" };
    out.push(group);
  });
  return out;
}

/**
 * Text segments for the removed passages of `analysis` (greyed, with a "Restore" control on the
 * first of each group) and for those the reader restored (with a "Set aside" control), and the
 * click handler that toggles them. Shared by the article and comparison views.
 * @param {string} verb  what a removed passage is not: "counted", "compared"
 * @returns {{outer: object[], onClick: (ev: Event) => boolean}}  onClick says whether it acted
 */
export function cutMarks(analysis, text, ctx, verb = "counted") {
  const removed = analysis.removed ?? [];
  const restored = ctx.restored ?? [];
  const groups = cutGroups(removed, text);
  const canToggle = Boolean(ctx.toggleRestored);
  const outer = [
    ...removed.map((r, i) => ({ r, i })).filter(({ r }) => r.endUtf16 > r.startUtf16).map(({ r, i }) => ({
      s: r.startUtf16, e: r.endUtf16, block: true, cls: ["removed"], dataset: { r: i, reason: r.reason ?? "removed" },
      title: `Removed as ${r.reason ?? "boilerplate"}: not ${verb}.${canToggle ? " Click to restore it to the story." : ""}`,
      badge: canToggle && groups[i].first === i ? () => h("button", { type: "button", class: "cut-toggle", text: "Restore", attrs: { "aria-label": `Restore this ${r.reason ?? "removed passage"} to the story of article ${ctx.letter} and count it` } }) : undefined,
    })),
    ...restored.filter((r) => r.endUtf16 > r.startUtf16).map((r, i) => ({
      s: r.startUtf16, e: r.endUtf16, cls: ["restored-cut"], dataset: { restored: i, reason: r.reason ?? "removed" },
      title: `Restored: counted as story, though read as ${r.reason ?? "boilerplate"}. Click to set it aside again.`,
      badge: canToggle ? () => h("button", { type: "button", class: "cut-toggle", text: "Set aside", attrs: { "aria-label": `Set this restored ${r.reason ?? "passage"} of article ${ctx.letter} aside again` } }) : undefined,
    })),
  ];
  // A removed passage is restored, a restored one set aside again: the analysis re-runs.
  const onClick = (ev) => {
    const cut = ev.target.closest(".removed[data-r]");
    const back = ev.target.closest(".restored-cut[data-restored]");
    const which = cut ? groups[Number(cut.dataset.r)] : back ? restored[Number(back.dataset.restored)] : null;
    if (!which || !canToggle) return false;
    const { start, end, startUtf16, endUtf16, reason } = which;
    ctx.announce?.(cut ? `Restoring the ${reason ?? "passage"}: counting it again.` : `Setting the ${reason ?? "passage"} aside.`);
    ctx.toggleRestored({ start, end, startUtf16, endUtf16, reason: reason ?? "boilerplate" });
    return true;
  };
  return { outer, onClick };
}

/**
 * @param {object} analysis  Analysis object from the core (UTF-16 offsets filled in)
 * @param {{text: string, isHtml: boolean}} source  what was analysed
 * @param {{letter: string, filters: object, setFilter: Function, showRemoved: boolean, setShowRemoved: Function,
 *   restored?: object[], toggleRestored?: Function}} ctx  restored: the passages the reader put back
 *   (`{start, end, startUtf16, endUtf16, reason}`), drawn as such; toggleRestored(cut) re-analyses.
 */
export function renderArticle(analysis, source, ctx) {
  const text = analysedText(analysis, source.text);
  const entities = analysis.entities ?? [];
  const removed = analysis.removed ?? [];
  const quotes = analysis.quotes ?? [];
  const restored = ctx.restored ?? [];
  const cuts = cutMarks(analysis, text, ctx);

  const inner = [];
  entities.forEach((e, i) => {
    if (ctx.filters[e.kind] === false) return;
    for (const m of e.mentions ?? []) {
      inner.push({ s: m.startUtf16, e: m.endUtf16, cls: ["ent", `k-${e.kind}`], dataset: { e: i, k: e.kind }, title: `${e.name} · ${KIND_LABEL[e.kind]} · ${e.count} mention${e.count === 1 ? "" : "s"}` });
    }
  });
  const outer = [
    ...quotes.map((q, i) => ({ s: q.startUtf16, e: q.endUtf16, cls: ["quote"], dataset: { q: i }, title: q.speaker ? `Quote: ${q.speaker}` : "Quote" })),
    ...cuts.outer,
  ];
  const { el: doc, truncated } = renderText(text, { paragraphs: analysis.paragraphs, outer, inner });
  doc.classList.toggle("hide-removed", !ctx.showRemoved);
  doc.setAttribute("aria-label", `Text of article ${ctx.letter} with names highlighted`);

  const side = h("aside", { class: "side" });
  const view = h("div", { class: "article-view", dataset: { letter: ctx.letter } });

  // Hovering or focusing a row lights up that entity's mentions; clicking walks through them.
  let cursor = -1;
  let picked = null;
  const mentionsOf = (i) => [...doc.querySelectorAll(`mark.ent[data-e="${i}"]`)];
  const light = (i, on) => { for (const el of mentionsOf(i)) el.classList.toggle("lit", on); };
  const pick = (i) => {
    if (picked !== i) { cursor = -1; if (picked !== null) light(picked, false); }
    picked = i;
    light(i, true);
    for (const row of side.querySelectorAll("tr.picked")) row.classList.remove("picked");
    // A rarely mentioned name may sit below the fold of the table: unfold it first.
    if (!side.querySelector(`tr[data-e="${i}"]`)) side.querySelector(".show-all")?.click();
    const row = side.querySelector(`tr[data-e="${i}"]`);
    row?.classList.add("picked");
    const list = mentionsOf(i);
    if (!list.length) return;
    cursor = (cursor + 1) % list.length;
    for (const el of doc.querySelectorAll("mark.current")) el.classList.remove("current");
    list[cursor].classList.add("current");
    list[cursor].scrollIntoView({ block: "center", behavior: smoothly() });
    ctx.announce?.(`${entities[i].name}: mention ${cursor + 1} of ${list.length}`);
  };
  const pickQuote = (i) => {
    const el = doc.querySelector(`[data-q="${i}"]`);
    if (!el) return;
    for (const x of doc.querySelectorAll(".quote.current")) x.classList.remove("current");
    for (const x of doc.querySelectorAll(`[data-q="${i}"]`)) x.classList.add("current");
    el.scrollIntoView({ block: "center", behavior: smoothly() });
  };

  append(side, [
    h("section", { class: "panel" },
      h("h4", { text: "Who and what is named" }),
      kindFilters(entities, ctx.filters, ctx.setFilter),
      entityTable(entities, ctx.filters, pick)),
    analysis.quotes ? h("section", { class: "panel" }, h("h4", {}, "Quotes ", h("span", { class: "n", text: fmt.format(quotes.length) })), quoteList(analysis, text, pickQuote, pick)) : null,
    analysis.sources ? h("section", { class: "panel" }, h("h4", {}, "Cited sources ", h("span", { class: "n", text: fmt.format(analysis.sources.length) })), sourceList(analysis)) : null,
  ]);
  side.addEventListener("mouseover", (ev) => { const row = ev.target.closest("tr[data-e]"); if (row) light(row.dataset.e, true); });
  side.addEventListener("mouseout", (ev) => { const row = ev.target.closest("tr[data-e]"); if (row && String(picked) !== row.dataset.e) light(row.dataset.e, false); });
  side.addEventListener("focusin", (ev) => { const b = ev.target.closest("button.ent-name"); if (b) light(b.dataset.e, true); });
  side.addEventListener("focusout", (ev) => { const b = ev.target.closest("button.ent-name"); if (b && String(picked) !== b.dataset.e) light(b.dataset.e, false); });
  doc.addEventListener("click", (ev) => {
    const mark = ev.target.closest("mark.ent");
    if (mark) {
      const i = Number(mark.dataset.e);
      pick(i);
      const row = side.querySelector(`tr[data-e="${i}"]`);
      row?.scrollIntoView({ block: "nearest", behavior: smoothly() });
      row?.querySelector("button")?.focus({ preventScroll: true });
      return;
    }
    cuts.onClick(ev);
  });

  const legend = h("div", { class: "legend" },
    h("span", { class: "legend-title", text: "Highlighted:" }),
    KINDS.map((kind) => h("span", { class: "legend-item" }, h("mark", { class: ["ent", "sample", `k-${kind}`], dataset: { k: kind }, text: KIND_PLURAL[kind] }))),
    quotes.length ? h("span", { class: "legend-item" }, h("span", { class: "seg quote sample", text: "“quote”" })) : null,
    removed.length ? h("label", { class: "legend-item toggle" },
      h("input", { type: "checkbox", checked: ctx.showRemoved, on: { change: (ev) => { doc.classList.toggle("hide-removed", !ev.target.checked); ctx.setShowRemoved(ev.target.checked); } } }),
      ` Show removed boilerplate (${removed.length})`) : null);

  append(view, [
    metaCard(analysis, text, ctx.letter, source),
    h("div", { class: "article-grid" },
      h("section", { class: "reading", attrs: { "aria-label": `Article ${ctx.letter} text` } },
        legend,
        truncated ? h("p", { class: "notice", text: `This text is long: the highlighted view shows its first ${fmt.format(doc.textContent.length)} characters; the tables cover all of it.` }) : null,
        doc,
        removed.length ? h("p", { class: "hint", text: "Greyed passages were removed as boilerplate (appeals, share prompts, adverts) and are not counted. Click one to restore it: it is then counted as story." }) : restored.length ? h("p", { class: "hint", text: "Restored passages count as story. Click one to set it aside again." }) : null),
      side)]);
  return view;
}
