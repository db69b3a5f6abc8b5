// The page: article panes in, results out. The analysis runs in a module worker that engine.js
// starts and restarts; this file owns the panes, the tabs, export and share, and drafts.

// First: engine.js starts the worker as it is evaluated, before the rest of the page is set up.
import * as engine from "./engine.js";
import { h, clear, letter, fmt, KINDS, smoothly } from "./dom.js";
import { renderArticle, analysedText, titleOf } from "./article-view.js";
import { renderComparison, manyMatrix } from "./compare-view.js";
import { Pane, sentence } from "./panes.js";
import { download, toCsv, shareUrl, readShared, saveDraft, loadDraft, LinkRefused } from "./keep.js";
import { MAX_PANES, MAX_SHARE_URL } from "./limits.js";

const EXAMPLES = ["examples/reuters-2024-10-11.txt", "examples/independent-2024-10-11.txt"];
// Long enough to skip the keystrokes of a word, short enough to feel live.
const DEBOUNCE_MS = 250;
const DRAFT_DELAY_MS = 600;
const MIN_PANES = 2;

const $ = (sel) => document.querySelector(sel);
const els = {
  panes: $("#panes"),
  template: $("#pane-template"),
  status: $("#status"),
  busy: $("#busy"),
  busyText: $("#busy-text"),
  cancel: $("#cancel"),
  tabs: $("#tabs"),
  view: $("#view"),
  shareBox: $("#share-box"),
  shareUrl: $("#share-url"),
  shareNote: $("#share-note"),
  exportMenu: $("#export-menu"),
};

const state = {
  panes: [],
  settings: { tab: null, pair: [0, 1], showRemoved: true, filters: Object.fromEntries(KINDS.map((k) => [k, true])) },
  results: null, // { inputs, results, comparison, many, ms, pair }
  run: 0,
  fatal: null,
  draftNote: null,
  notice: null, // a one-off message (a damaged share link) kept until the next edit
  halted: null, // { request, reason, message }: a request the engine did not finish, not resent by itself
  scrollToResults: null, // "smooth" or "instant": bring the results into view once drawn (the example)
};

// ---------------------------------------------------------------- engine

// A long analysis cannot be interrupted inside the worker; when new input arrives while one has
// been running this long, the worker is replaced instead of making the person wait for a result
// they no longer want.
const RESTART_AFTER_MS = 1500;
// Each trap costs a restart and marks one call failed for good (engine.js), so a run of ten
// calls ends after at most ten; more in a row than this means something else is wrong.
const MAX_RESTARTS_IN_A_ROW = 12;
// Most analyses answer well within this; a longer one says it is working and offers Cancel.
const WORKING_DELAY_MS = 300;
let busySince = 0;
let restartsInARow = 0;
const pending = new Map();

engine.connect({
  message: onResult,
  crash() {
    // A fresh worker is running; it answers the call that trapped as failed and does the rest.
    pending.clear();
    if (++restartsInARow > MAX_RESTARTS_IN_A_ROW) {
      state.fatal = "The analysis engine keeps failing, even after restarts. Reload the page to start again; your articles are kept as a draft.";
      render();
      return;
    }
    run();
  },
  stopped(why) {
    // The worker died under a request without saying which call: do not send that request again
    // by itself, or it could die the same way for ever.
    const sent = pending.get(state.run);
    pending.clear();
    hideBusy();
    if (!sent) return;
    state.results = null;
    state.halted = { request: sent, reason: "stopped", message: why };
    render();
  },
  fatal(message) {
    state.fatal = message;
    render();
  },
});

let timer = 0;
function schedule(delay = DEBOUNCE_MS) {
  state.notice = null;
  clearTimeout(timer);
  timer = setTimeout(run, delay);
  scheduleDraft();
}

function currentPair(inputs) {
  const filled = inputs.map((x, i) => (x ? i : -1)).filter((i) => i >= 0);
  if (filled.length < 2) return null;
  let [a, b] = state.settings.pair ?? [];
  if (!inputs[a]) a = filled[0];
  if (!inputs[b] || b === a) b = filled.find((i) => i !== a);
  return [a, b];
}

const sameSpans = (x = [], y = []) => x.length === y.length && x.every((r, i) => r.start === y[i].start && r.end === y[i].end);
/** Whether two requests ask for the same work. */
const sameRequest = (x, y) => x.inputs.length === y.inputs.length && x.inputs.every((t, i) => t === y.inputs[i])
  && x.restores.every((r, i) => sameSpans(r, y.restores[i])) && String(x.pair) === String(y.pair);

function run() {
  clearTimeout(timer);
  const inputs = state.panes.map((p) => p.input);
  const restores = state.panes.map((p) => p.restored);
  const id = ++state.run;
  if (!inputs.some(Boolean)) {
    state.results = null;
    state.halted = null;
    hideBusy();
    render();
    return;
  }
  const request = { inputs, restores, pair: currentPair(inputs) };
  if (state.halted) {
    if (sameRequest(state.halted.request, request)) { hideBusy(); render(); return; }
    state.halted = null;
  }
  if (pending.size && performance.now() - busySince > RESTART_AFTER_MS) {
    engine.restart();
    pending.clear();
  }
  if (!engine.post({ id, ...request })) return;
  if (!pending.size) busySince = performance.now();
  els.view.dataset.state = "working";
  setStatus(state.results ? "Updating…" : "Analysing…");
  pending.set(id, { ...request, t0: performance.now() });
  watchBusy();
}

// ---------------------------------------------------------------- working…, cancel

let busyTimer = 0;
let busyTick = 0;

/** Shows "Working…" with Cancel if the latest request is still unanswered after WORKING_DELAY_MS. */
function watchBusy() {
  clearTimeout(busyTimer);
  busyTimer = setTimeout(() => {
    const sent = pending.get(state.run);
    if (!sent) return;
    const tick = () => { els.busyText.textContent = `Working… ${fmt.format(Math.floor((performance.now() - sent.t0) / 1000))} s`; };
    tick();
    clearInterval(busyTick);
    busyTick = setInterval(tick, 1000);
    els.busy.hidden = false;
  }, WORKING_DELAY_MS);
}

function hideBusy() {
  clearTimeout(busyTimer);
  clearInterval(busyTick);
  if (els.busy.contains(document.activeElement)) els.view.focus();
  els.busy.hidden = true;
}

/** Cancel: the analysis cannot be stopped inside the worker, so the worker goes; the input stays. */
function cancel() {
  const sent = pending.get(state.run);
  engine.restart();
  pending.clear();
  const focus = els.busy.contains(document.activeElement);
  hideBusy();
  if (!sent) return;
  state.results = null;
  state.halted = { request: sent, reason: "cancelled" };
  render();
  if (focus) els.view.querySelector(".again")?.focus();
}

function onResult(msg) {
  const sent = pending.get(msg.id);
  pending.delete(msg.id);
  busySince = performance.now();
  restartsInARow = 0;
  if (msg.id !== state.run || !sent) return; // a newer run is on its way
  hideBusy();
  if (msg.fatal) {
    state.fatal = msg.fatal;
    render();
    return;
  }
  state.results = { ...msg, inputs: sent.inputs, restores: sent.restores, pair: sent.pair, wall: performance.now() - sent.t0 };
  render();
}

// ---------------------------------------------------------------- panes

function addPane(content) {
  const pane = new Pane(els.template, {
    onChange: (delay) => schedule(delay),
    onRemove: removePane,
    onRefuse: (message) => { state.notice = message; setStatus(message, "error"); },
  });
  if (content) pane.set(content);
  state.panes.push(pane);
  els.panes.append(pane.el);
  relabel();
  return pane;
}

function removePane(pane) {
  if (state.panes.length <= MIN_PANES) return;
  const i = state.panes.indexOf(pane);
  state.panes.splice(i, 1);
  pane.el.remove();
  state.settings.pair = [0, 1];
  relabel();
  state.panes[Math.min(i, state.panes.length - 1)].ta.focus();
  schedule(0);
}

function trimPanes(count) {
  while (state.panes.length > count) { state.panes.at(-1).el.remove(); state.panes.pop(); }
  relabel();
}

function relabel() {
  state.panes.forEach((pane, i) => pane.label(letter(i), state.panes.length > MIN_PANES));
  $("#add-pane").disabled = state.panes.length >= MAX_PANES;
}

// ---------------------------------------------------------------- rendering

function setStatus(text, kind = "") {
  els.status.textContent = text;
  els.status.className = `status ${kind}`;
}

function tabsFor(results) {
  const tabs = [];
  const ok = (r) => r && r.ok;
  const filled = results.inputs.map((x, i) => (x ? i : -1)).filter((i) => i >= 0);
  if (filled.length >= 2) tabs.push({ id: "compare", label: filled.length > 2 ? "Comparison" : `Comparison ${letter(results.pair[0])} · ${letter(results.pair[1])}` });
  for (const i of filled) {
    const r = results.results[i];
    const text = ok(r) ? analysedText(r.value, results.inputs[i]) : "";
    tabs.push({ id: letter(i), index: i, label: letter(i), title: ok(r) ? titleOf(r.value, text) : "not analysed", failed: !ok(r) });
  }
  return tabs;
}

function renderTabs(tabs, selected) {
  clear(els.tabs);
  for (const tab of tabs) {
    const button = h("button", {
      type: "button", class: ["tab", tab.failed && "failed"], id: `tab-${tab.id}`,
      attrs: { role: "tab", "aria-selected": String(tab.id === selected), "aria-controls": "view", tabindex: tab.id === selected ? "0" : "-1" },
      dataset: { tab: tab.id },
      on: { click: () => { state.settings.tab = tab.id; scheduleDraft(); render(); } },
    }, tab.index !== undefined ? [h("span", { class: "letter-badge small", text: tab.label, attrs: { "aria-hidden": "true" } }), h("span", { class: "tab-title", text: tab.title || `Article ${tab.label}` }), h("span", { class: "sr-only", text: ` (article ${tab.label})` })] : tab.label);
    els.tabs.append(button);
  }
  els.view.setAttribute("aria-labelledby", `tab-${selected}`);
}

els.tabs.addEventListener("keydown", (ev) => {
  const tabs = [...els.tabs.querySelectorAll("[role=tab]")];
  const i = tabs.indexOf(document.activeElement);
  if (i < 0) return;
  const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[ev.key];
  if (to === undefined) return;
  ev.preventDefault();
  const next = tabs[(to + tabs.length) % tabs.length];
  state.settings.tab = next.dataset.tab;
  render();
  els.tabs.querySelector(`[data-tab="${next.dataset.tab}"]`)?.focus();
});

const viewCtx = (l, i) => ({
  letter: l,
  restored: state.results?.restores?.[i] ?? [],
  // Restoring re-runs the analysis at once: the passage then counts as story.
  toggleRestored: (cut) => {
    const pane = state.panes[i];
    if (!pane) return;
    pane.toggleRestored(cut);
    schedule(0);
  },
  filters: state.settings.filters,
  setFilter: (kind, on) => { state.settings.filters[kind] = on; scheduleDraft(); render(); },
  showRemoved: state.settings.showRemoved,
  setShowRemoved: (on) => { state.settings.showRemoved = on; scheduleDraft(); },
  announce: (text) => { $("#announce").textContent = text; },
});

function emptyState() {
  return h("div", { class: "empty" },
    h("h3", { text: "See two outlets' coverage of one story, side by side" }),
    h("ul", { class: "features" },
      h("li", {}, h("strong", { text: "Names, counted. " }), "People, organisations and places, with “Putin”, “Vladimir Putin” and “President Putin” counted as one."),
      h("li", {}, h("strong", { text: "Quotes and sources. " }), "Who is quoted, and which agencies and outlets each article cites."),
      h("li", {}, h("strong", { text: "Text reuse. " }), "Which passages one article shares with the other, and what it added or dropped."),
      h("li", {}, h("strong", { text: "Private. " }), "Everything runs on this page. Nothing is uploaded.")),
    h("p", { class: "empty-cta" }, h("button", { type: "button", class: "primary", text: "Try the example", on: { click: loadExample } }),
      h("span", { class: "muted", text: "Reuters and The Independent on Putin meeting Iran's president, 11 October 2024." })));
}

function errorBox(title, message) {
  return h("div", { class: "error-box", attrs: { role: "alert" } }, h("strong", { text: title }), h("p", { text: message }));
}

/** What the view says about a request the engine did not finish, with a way to ask again. */
function haltedBox({ reason, message }) {
  const again = h("button", { type: "button", class: "again", text: "Analyse again", on: { click: () => { state.halted = null; run(); } } });
  if (reason === "stopped") {
    return h("div", { class: "error-box", attrs: { role: "alert" } }, h("strong", { text: "The analysis engine stopped" }),
      h("p", { text: `It stopped while reading these articles (${message}) and was restarted. Your articles are kept; edit one, or try again as they are.` }), h("p", {}, again));
  }
  return h("div", { class: "info-box" }, h("strong", { text: "Analysis cancelled" }),
    h("p", { text: "Your articles are kept. Edit one to analyse it, or analyse them again as they are." }), h("p", {}, again));
}

function render() {
  const view = els.view;
  // Drawn where nothing was: no one can be reading (or scrolled to) what it replaces.
  const fresh = view.dataset.state !== "done";
  clear(view);
  const nothing = !state.results || !state.results.results.some((r) => r?.ok);
  $("#share").disabled = nothing;
  els.exportMenu.classList.toggle("disabled", nothing);
  const summary = els.exportMenu.querySelector("summary");
  summary.setAttribute("aria-disabled", String(nothing));
  summary.tabIndex = nothing ? -1 : 0;
  if (nothing) els.exportMenu.open = false;
  els.shareBox.hidden = true;
  if (state.fatal) {
    hideBusy();
    view.dataset.state = "error";
    clear(els.tabs);
    view.append(errorBox("Parallax could not start", state.fatal));
    setStatus(state.fatal, "error");
    return;
  }
  if (state.halted) {
    clear(els.tabs);
    for (const pane of state.panes) pane.showError(null);
    const stopped = state.halted.reason === "stopped";
    view.dataset.state = stopped ? "error" : "cancelled";
    view.append(haltedBox(state.halted));
    setStatus(stopped ? "The analysis engine stopped and was restarted; your articles are kept." : "Analysis cancelled; your articles are kept.", stopped ? "error" : "");
    return;
  }
  const res = state.results;
  for (const [i, pane] of state.panes.entries()) {
    const r = res?.results?.[i];
    pane.showError(r && !r.ok ? r.error : null);
  }
  if (!res) {
    clear(els.tabs);
    view.dataset.state = "empty";
    view.append(emptyState());
    setStatus(state.notice ?? state.draftNote ?? "", state.notice || state.draftNote ? "error" : "");
    return;
  }
  const tabs = tabsFor(res);
  let selected = state.settings.tab;
  if (!tabs.some((t) => t.id === selected)) selected = tabs[0]?.id;
  renderTabs(tabs, selected);

  try {
    if (selected === "compare") renderCompareTab(view, res);
    else renderArticleTab(view, res, tabs.find((t) => t.id === selected).index);
  } catch (err) {
    // A rendering bug must not take the page down: say what happened, keep the panes usable.
    view.append(errorBox("This view could not be drawn", err.message));
    console.error(err);
  }

  const analysed = res.results.filter((r) => r?.ok);
  const failed = res.results.filter((r) => r && !r.ok);
  const words = analysed.reduce((n, r) => n + (r.value.wordCount ?? 0), 0);
  const parts = [];
  if (analysed.length) parts.push(`Analysed ${analysed.length} article${analysed.length === 1 ? "" : "s"} (${fmt.format(words)} words) in ${fmt.format(Math.round(res.ms))} ms.`);
  if (failed.length) parts.push(`${failed.length} not analysed: ${failed.map((r) => sentence(r.error)).join(" ")}`);
  if (state.draftNote) parts.push(state.draftNote);
  if (state.notice) parts.unshift(state.notice);
  setStatus(parts.join(" "), failed.length || state.notice ? "error" : "");
  view.dataset.state = failed.length && !analysed.length ? "error" : "done";
  // For tests/browser/figures.mjs: when the first full result reached the screen.
  // Also for tests/browser: the worker's wasm memory when it answered (engine.js recycles it).
  const detail = { tab: selected, articles: analysed.length, wasmBytes: res.wasmBytes };
  performance.mark("parallax:result", { detail });
  // And when it was first painted: a task posted from the next frame's callback runs once that
  // frame's style, layout and paint are done (the layout alone was 80-180 ms for the example).
  // A result drawn fresh lays out what is below the first screen only if it is near the viewport
  // (style.css, `.first-draw`) until then; after, all of it, so that a later redraw (which
  // replaces it whole) cannot change the height of what is above the reader.
  const deferred = fresh ? view.querySelector(".compare-view, .article-view") : null;
  deferred?.classList.add("first-draw");
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      performance.mark("parallax:painted", { detail });
      deferred?.classList.remove("first-draw");
    };
    channel.port2.postMessage(null);
  });
  if (state.scrollToResults) {
    // Once drawn, not when asked for: before, the page may be too short to scroll that far.
    document.querySelector("#results").scrollIntoView({ behavior: state.scrollToResults, block: "start" });
    state.scrollToResults = null;
  }
}

function renderArticleTab(view, res, i) {
  const r = res.results[i];
  if (!r.ok) {
    view.append(errorBox(`Article ${letter(i)} was not analysed`, sentence(r.error)));
    return;
  }
  const input = res.inputs[i];
  view.append(renderArticle(r.value, { text: input, isHtml: state.panes[i]?.html !== null && state.panes[i]?.html !== undefined }, viewCtx(letter(i), i)));
}

function renderCompareTab(view, res) {
  const [a, b] = res.pair;
  const filled = res.inputs.map((x, i) => (x ? i : -1)).filter((i) => i >= 0);
  if (filled.length > 2 && res.many?.ok) view.append(h("h3", { class: "group-title", text: "All articles" }), manyMatrix(res.many.value, filled.map(letter)));
  if (filled.length > 2) {
    const select = (which) => h("select", {
      attrs: { "aria-label": which === 0 ? "First article" : "Second article" },
      on: { change: (ev) => { const pair = [...res.pair]; pair[which] = Number(ev.target.value); state.settings.pair = pair; schedule(0); } },
    }, filled.map((i) => h("option", { value: String(i), selected: i === res.pair[which], text: `Article ${letter(i)}` })));
    view.append(h("h3", { class: "group-title pair-picker" }, "Compare ", select(0), " with ", select(1)));
  }
  const c = res.comparison;
  if (!c) return;
  if (!c.ok) {
    view.append(errorBox("The comparison could not be made", sentence(c.error)));
    return;
  }
  view.append(renderComparison(c.value, [res.inputs[a], res.inputs[b]], {
    la: letter(a), lb: letter(b), filters: state.settings.filters, setFilter: viewCtx().setFilter,
    sides: [viewCtx(letter(a), a), viewCtx(letter(b), b)],
  }));
}

// ---------------------------------------------------------------- example, export, share, drafts

/** Puts the worked example in the panes and, once its results are drawn, scrolls to them:
 *  smoothly after a click, at once on a page opened on #example (as any link into a page). */
async function loadExample({ smooth = true } = {}) {
  try {
    const texts = await Promise.all(EXAMPLES.map(async (url) => {
      const resp = await fetch(url);
      if (!resp.ok) throw new Error(`${url}: ${resp.status}`);
      return resp.text();
    }));
    trimPanes(MIN_PANES);
    texts.forEach((text, i) => state.panes[i].set({ text, name: ["Reuters example", "Independent example"][i] }));
    state.settings.tab = "compare";
    state.settings.pair = [0, 1];
    state.notice = null;
    state.scrollToResults = smooth ? smoothly() : "instant";
    scheduleDraft();
    run();
    return true;
  } catch (err) {
    setStatus(`The example could not be loaded (${err.message}).`, "error");
    return false;
  }
}

function exportData(kind) {
  const res = state.results;
  els.exportMenu.open = false;
  const articles = (res?.results ?? []).map((r, i) => ({ r, i })).filter(({ r }) => r?.ok);
  const comparison = res?.comparison?.ok ? res.comparison.value : null;
  const stamp = new Date().toISOString().slice(0, 10);
  if (kind.startsWith("entities") && !articles.length) return setStatus("Nothing to export yet: paste an article first.", "error");
  if (kind.startsWith("comparison") && !comparison) return setStatus("Nothing to compare yet: paste two articles first.", "error");
  const [la, lb] = (res.pair ?? [0, 1]).map(letter);
  if (kind === "entities-csv") {
    const rows = articles.flatMap(({ r, i }) => r.value.entities.map((e) => [letter(i), titleOf(r.value, analysedText(r.value, res.inputs[i])), e.name, e.kind, e.count, (e.aliases ?? []).join("; ")]));
    download(`parallax-names-${stamp}.csv`, "text/csv", toCsv(["article", "headline", "name", "type", "mentions", "aliases"], rows));
  } else if (kind === "entities-json") {
    const out = articles.map(({ r, i }) => ({ article: letter(i), headline: titleOf(r.value, analysedText(r.value, res.inputs[i])), meta: r.value.meta, entities: r.value.entities }));
    download(`parallax-names-${stamp}.json`, "application/json", JSON.stringify({ generator: "Parallax", articles: out }, null, 2));
  } else if (kind === "comparison-csv") {
    const extra = ["shareA", "shareB", "reusedA", "reusedB"].filter((k) => comparison.entities.some((e) => k in e));
    const rows = comparison.entities.map((e) => [e.name, e.kind, e.countA, e.countB, ...extra.map((k) => e[k])]);
    download(`parallax-comparison-${la}-${lb}-${stamp}.csv`, "text/csv", toCsv(["name", "type", `mentions_${la}`, `mentions_${lb}`, ...extra], rows));
  } else if (kind === "comparison-json") {
    download(`parallax-comparison-${la}-${lb}-${stamp}.json`, "application/json", JSON.stringify({ generator: "Parallax", articles: [la, lb], ...comparison }, null, 2));
  }
  setStatus(`Exported ${kind.replace("-", " as ").replace("entities", "names").toUpperCase().replace(" AS ", " as ")}.`);
}

function snapshot() {
  return {
    articles: state.panes.map((p) => ({ text: p.ta.value, ...(p.html !== null ? { html: p.html } : {}), ...(p.name ? { name: p.name } : {}), ...(p.restored.length ? { restored: p.restored } : {}) })),
    settings: state.settings,
  };
}

function applySnapshot(snap) {
  const articles = snap.articles.slice(0, MAX_PANES);
  trimPanes(Math.max(MIN_PANES, articles.length));
  while (state.panes.length < articles.length) addPane();
  state.panes.forEach((pane, i) => {
    const a = articles[i] ?? {};
    pane.set({ text: String(a.text ?? ""), html: typeof a.html === "string" ? a.html : null, name: typeof a.name === "string" ? a.name : null, restored: a.restored });
  });
  const s = snap.settings ?? {};
  if (typeof s.tab === "string") state.settings.tab = s.tab;
  if (Array.isArray(s.pair) && s.pair.length === 2) state.settings.pair = s.pair.map(Number);
  if (typeof s.showRemoved === "boolean") state.settings.showRemoved = s.showRemoved;
  for (const k of KINDS) if (typeof s.filters?.[k] === "boolean") state.settings.filters[k] = s.filters[k];
}

async function share() {
  const box = els.shareBox;
  try {
    const url = await shareUrl(snapshot());
    if (url.length > MAX_SHARE_URL) {
      setStatus(`These articles are too long to carry in a link (${fmt.format(Math.round(url.length / 1000))} KB compressed); export JSON instead.`, "error");
      return;
    }
    els.shareUrl.value = url;
    box.hidden = false;
    els.shareUrl.focus();
    els.shareUrl.select();
    let copied = false;
    try { await navigator.clipboard.writeText(url); copied = true; } catch { /* clipboard refused: the field is selected for copying */ }
    els.shareNote.textContent = `${copied ? "Copied to the clipboard. " : "Select the link and copy it. "}The articles travel inside the link (${fmt.format(Math.ceil(url.length / 1000))} KB), after the #, which is never sent to a server.`;
  } catch (err) {
    setStatus(err instanceof LinkRefused ? `No share link: ${err.message}.` : `The share link could not be made (${err.message}).`, "error");
  }
}

let draftTimer = 0;
function scheduleDraft() {
  clearTimeout(draftTimer);
  draftTimer = setTimeout(() => {
    const note = saveDraft(snapshot());
    if (note !== state.draftNote) { state.draftNote = note; if (note) setStatus(note, "error"); }
  }, DRAFT_DELAY_MS);
}

async function openSharedLink() {
  try {
    const shared = await readShared();
    if (!shared) return false;
    applySnapshot(shared);
    history.replaceState(null, "", location.pathname + location.search);
    saveDraft(snapshot());
    return true;
  } catch (err) {
    // Nothing was applied: the panes (or the draft, on a fresh load) stay as they were.
    state.notice = err instanceof LinkRefused
      ? `This share link was not opened: ${err.message}. Your articles are as they were.`
      : `This share link could not be opened (${err.message}). It may have been cut short when it was copied.`;
    setStatus(state.notice, "error");
    history.replaceState(null, "", location.pathname + location.search);
    return false;
  }
}

// ---------------------------------------------------------------- start

$("#example").addEventListener("click", () => loadExample());
$("#add-pane").addEventListener("click", () => { const p = addPane(); p.ta.focus(); });
$("#clear-all").addEventListener("click", () => {
  trimPanes(MIN_PANES);
  for (const p of state.panes) p.set({ text: "" });
  state.panes[0].ta.focus();
  schedule(0);
});
$("#share").addEventListener("click", share);
els.cancel.addEventListener("click", cancel);
for (const b of document.querySelectorAll("[data-export]")) b.addEventListener("click", () => exportData(b.dataset.export));
window.addEventListener("hashchange", async () => { if (await openSharedLink()) run(); });

for (let i = 0; i < MIN_PANES; i++) addPane();
if (location.hash === "#example") {
  // A link straight to the worked example (which asks for its analysis itself).
  history.replaceState(null, "", location.pathname + location.search);
  if (!(await loadExample({ smooth: false }))) run();
} else {
  if (!(await openSharedLink())) {
    const draft = loadDraft();
    if (draft) applySnapshot(draft);
  }
  run();
}
