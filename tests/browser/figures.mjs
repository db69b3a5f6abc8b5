// Figures for the README and reports, reproducible with `node tests/browser/figures.mjs`:
//  1. first-load transfer size of the page, gzipped, and each part's share (html, css, js, wasm);
//  2. time from navigation to the example's first full result on screen in headless Chromium
//     (its first frame painted; and when its DOM was built, before layout and paint);
//  3. axe-core violations by impact over every view, at 1366 px and 390 px;
//  4. the worker's wasm memory after an 8 MB paste, and after a normal article then (issue 14).

import { readFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import path from "node:path";
import { serve, launch, example, axe, byImpact, pasteAndWait, WWW, SEEDS } from "./harness.mjs";

const RUNS = Number(process.env.RUNS ?? 7);
const server = await serve();
const browser = await launch();

// 1. Transfer size: every file a first visit loads (recorded, not listed by hand), gzipped at
//    level 6 as a typical static server would send it.
const ctx = await browser.newContext();
const page = await ctx.newPage();
const loaded = new Set();
page.on("request", (r) => loaded.add(new URL(r.url()).pathname));
await page.goto(server.url);
await page.waitForFunction(() => document.querySelector("#view").dataset.state === "empty");
await page.waitForTimeout(500); // the worker fetches and compiles the wasm in the background
// Wait until the worker has fetched the wasm (it starts as soon as the page loads).
for (let i = 0; i < 50 && ![...loaded].some((p) => p.endsWith(".wasm")); i++) await page.waitForTimeout(100);
await ctx.close();
const parts = { html: 0, css: 0, js: 0, wasm: 0, other: 0 };
const files = [];
for (const p of [...loaded].sort()) {
  const file = path.join(WWW, p.endsWith("/") ? `${p}index.html` : p);
  const raw = await readFile(file);
  const gz = gzipSync(raw, { level: 6 }).length;
  const ext = path.extname(file).slice(1);
  const kind = ext === "mjs" ? "js" : ext in parts ? ext : "other";
  parts[kind] += gz;
  files.push([p, raw.length, gz]);
}
const total = Object.values(parts).reduce((a, b) => a + b, 0);
console.log("First load (gzip -6), files:");
for (const [p, raw, gz] of files) console.log(`  ${p.padEnd(34)} ${String(raw).padStart(8)} B raw  ${String(gz).padStart(7)} B gzip`);
console.log(`First-load transfer: ${(total / 1024).toFixed(1)} KiB gzipped (${total} B)`);
for (const [k, v] of Object.entries(parts)) if (v) console.log(`  ${k.padEnd(5)} ${(v / 1024).toFixed(1).padStart(6)} KiB  ${((100 * v) / total).toFixed(1).padStart(5)}%`);

// 2. Navigation to the example's first full result (#example loads it on start), cold cache.
const times = [];
for (let i = 0; i < RUNS; i++) {
  const c = await browser.newContext();
  const p = await c.newPage();
  await p.goto(`${server.url}#example`);
  await p.waitForFunction(() => performance.getEntriesByName("parallax:painted").some((m) => m.detail?.articles === 2), null, { timeout: 60_000 });
  times.push(await p.evaluate(() => ["parallax:result", "parallax:painted"].map((name) => performance.getEntriesByName(name).find((m) => m.detail?.articles === 2).startTime)));
  await c.close();
}
const spread = (k) => {
  const sorted = times.map((t) => t[k]).sort((a, b) => a - b);
  return `median ${Math.round(sorted[sorted.length >> 1])} ms, min ${Math.round(sorted[0])} ms, max ${Math.round(sorted.at(-1))} ms`;
};
console.log(`Navigation → example pair on screen, its first frame painted (headless Chromium, cold cache, ${RUNS} runs): ${spread(1)}`);
console.log(`  of which drawn (DOM built, before layout and paint): ${spread(0)}`);

// 3. axe-core over every view.
const totals = { critical: 0, serious: 0, moderate: 0, minor: 0 };
for (const viewport of [{ width: 1366, height: 900 }, { width: 390, height: 844 }]) {
  const c = await browser.newContext({ viewport });
  const p = await c.newPage();
  await p.goto(server.url);
  await p.waitForSelector("#panes .pane");
  const add = async () => { for (const [k, v] of Object.entries(byImpact(await axe(p)))) totals[k] += v; };
  await add();
  await example(p);
  await add();
  for (const tab of ["A", "B"]) {
    await p.click(`[role=tab][data-tab="${tab}"]`);
    await p.waitForSelector(`.article-view[data-letter="${tab}"]`);
    await add();
  }
  await c.close();
}
console.log(`axe-core ${JSON.parse(await readFile(path.join(WWW, "../node_modules/axe-core/package.json"), "utf8")).version} violations (nodes) over 8 views (empty, comparison, A, B at 1366 and 390 px): critical ${totals.critical}, serious ${totals.serious}, moderate ${totals.moderate}, minor ${totals.minor}`);

// 4. Memory: the wasm memory the worker reports with each result (engine.js replaces a worker
//    past 32 MiB once it has answered).
{
  const c = await browser.newContext();
  const p = await c.newPage();
  await p.goto(server.url);
  await p.waitForSelector("#panes .pane");
  const article = await readFile(path.join(SEEDS, "reuters-2024-10-11.txt"), "utf8");
  const result = async (text) => (await pasteAndWait(p, 0, text, 180_000)).wasmBytes / 2 ** 20;
  const big = `${article}\n\n`.repeat(Math.ceil(8e6 / article.length));
  const large = await result(big);
  const normal = await result(article);
  console.log(`Worker wasm memory: ${large.toFixed(0)} MiB after an 8.0 MB paste, ${normal.toFixed(0)} MiB after a normal article then (issue 14: at most 64 MB)`);
  await c.close();
}

await browser.close();
await server.close();
