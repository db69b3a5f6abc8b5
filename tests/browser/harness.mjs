// Shared by the browser tests and figures.mjs: a static server for www/, Chromium, and the
// small helpers every test needs (paste like a person, wait for results, screenshots).

import http from "node:http";
import { createReadStream } from "node:fs";
import { stat, mkdir, mkdtemp } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const WWW = path.join(root, "www");
export const OUTPUT = path.join(root, "tests/output");
export const SEEDS = path.join(root, "www/examples");

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8", ".wasm": "application/wasm", ".json": "application/json", ".svg": "image/svg+xml",
  ".txt": "text/plain; charset=utf-8", ".ico": "image/x-icon", ".png": "image/png",
};

/** Serves www/ on a free loopback port, as `python3 -m http.server` would (no compression). */
export async function serve() {
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url, "http://x");
      let file = path.normalize(path.join(WWW, decodeURIComponent(url.pathname)));
      if (!file.startsWith(WWW)) { res.writeHead(403).end(); return; }
      let info = await stat(file).catch(() => null);
      if (info?.isDirectory()) { file = path.join(file, "index.html"); info = await stat(file).catch(() => null); }
      if (!info) { res.writeHead(404, { "content-type": "text/plain" }).end("not found"); return; }
      res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream", "content-length": info.size, "cache-control": "no-store" });
      createReadStream(file).pipe(res);
    } catch (err) {
      res.writeHead(500).end(String(err));
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((r) => server.close(r)) };
}

export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

/** Headless Chromium with a fresh profile. */
export async function launch() {
  await mkdir(OUTPUT, { recursive: true });
  // playwright-core makes a fresh --user-data-dir for each launch; TMPDIR keeps it under our temp.
  process.env.TMPDIR ??= await mkdtemp(path.join(tmpdir(), "parallax-chromium-"));
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** Opens the page and waits for its first render. */
export async function open(ctx, base, hash = "") {
  const page = await ctx.newPage();
  await page.goto(base + hash);
  await page.waitForSelector("#panes .pane");
  return page;
}

/** Waits until the results view shows a finished analysis (or an error) for the latest input. */
export async function settled(page, timeout = 30_000) {
  await page.waitForFunction(() => {
    const v = document.querySelector("#view");
    return v && (v.dataset.state === "done" || v.dataset.state === "error");
  }, null, { timeout });
}

/** Clicks "Try the example" and waits for the comparison it leads to. */
export async function example(page) {
  await page.click("#example");
  await page.waitForSelector(".compare-view");
  await settled(page);
}

/** Pastes like a person: the text goes on the system clipboard, then Ctrl+V in the pane. */
export async function paste(page, paneIndex, { text = "", html = null }, beforeKeys = async () => {}) {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.evaluate(async ({ text, html }) => {
    const items = { "text/plain": new Blob([text], { type: "text/plain" }) };
    if (html !== null) items["text/html"] = new Blob([html], { type: "text/html" });
    await navigator.clipboard.write([new ClipboardItem(items)]);
  }, { text, html });
  await beforeKeys();
  const box = page.locator(".pane-text").nth(paneIndex);
  // Empty the box first with its Clear button. Not with Ctrl+A: on Linux a selection also goes
  // to the PRIMARY clipboard, and headless Chromium can crash selecting megabytes.
  if (await box.inputValue()) await page.locator(".pane-clear").nth(paneIndex).click();
  await box.click();
  await page.keyboard.press("ControlOrMeta+V");
}

/** The latest result on screen: how many there have been, and the worker's wasm memory then. */
export const latestResult = (page) => page.evaluate(() => {
  const marks = performance.getEntriesByName("parallax:result");
  return { count: marks.length, wasmBytes: marks.at(-1)?.detail?.wasmBytes };
});

/**
 * `content-visibility` of each element `selector` finds, as the next result of `articles`
 * articles is drawn (before its first frame: `drawn`, a promise) and once that frame is painted
 * (`painted()`), or at any time (`now()`). Call it before the action that brings the result.
 */
export function firstFrame(page, selector, articles) {
  const drawn = page.evaluate(([sel, n]) => new Promise((resolve) => {
    new PerformanceObserver((list, obs) => {
      if (!list.getEntriesByName("parallax:result").some((m) => m.detail?.articles === n)) return;
      obs.disconnect();
      resolve([...document.querySelectorAll(sel)].map((el) => getComputedStyle(el).contentVisibility));
    }).observe({ type: "mark" });
  }), [selector, articles]);
  const now = () => page.$$eval(selector, (els) => els.map((el) => getComputedStyle(el).contentVisibility));
  const painted = async () => {
    await page.waitForFunction((n) => performance.getEntriesByName("parallax:painted").some((m) => m.detail?.articles === n), articles);
    return now();
  };
  return { drawn, painted, now };
}

/** Pastes `text` into pane `paneIndex` and waits for the result that follows it. */
export async function pasteAndWait(page, paneIndex, text, timeout = 30_000) {
  const { count } = await latestResult(page);
  await paste(page, paneIndex, { text });
  await page.waitForFunction((n) => performance.getEntriesByName("parallax:result").length > n, count, { timeout });
  await settled(page, timeout);
  return latestResult(page);
}

export async function shot(page, name, opts = {}) {
  await page.screenshot({ path: path.join(OUTPUT, `${name}.png`), fullPage: opts.fullPage ?? true, ...opts });
}

/** Rows of the entity table in the visible article view: [{name, kind, count}]. */
export async function entityRows(page) {
  return page.$$eval(".article-view table.entities tbody tr", (rows) => rows.map((r) => ({
    name: r.querySelector(".ent-name").textContent,
    kind: r.dataset.kind,
    index: Number(r.dataset.e),
    count: Number(r.querySelector(".count").textContent.replace(/,/g, "")),
  })));
}

export function assert(cond, message) {
  if (!cond) throw new Error(message);
}

const AXE = await readFileText(path.join(root, "node_modules/axe-core/axe.min.js"));
async function readFileText(p) { return (await import("node:fs/promises")).readFile(p, "utf8"); }

/** Runs axe-core on the page (WCAG 2.x A/AA and best practices); returns its violations. */
export async function axe(page) {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(`${AXE}\n;0`);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5), count: v.nodes.length }));
  });
}

/** Violations counted by impact: {critical, serious, moderate, minor}. */
export function byImpact(violations) {
  const out = { critical: 0, serious: 0, moderate: 0, minor: 0 };
  for (const v of violations) out[v.impact] = (out[v.impact] ?? 0) + v.count;
  return out;
}
