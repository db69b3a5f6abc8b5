// Start-up: the wasm compiles while the page loads. engine.js (an async module with no imports)
// starts the worker and compiles the preloaded core at once; every other module is preloaded, so
// none waits for the one importing it. figures.mjs measures the time this buys.

import { readFile } from "node:fs/promises";
import path from "node:path";
import { open, settled, assert, WWW } from "./harness.mjs";

/** Every module the page's import graph reaches from `entry` (static imports), as paths under www/. */
async function graph(entry, seen = new Set()) {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const source = await readFile(path.join(WWW, entry), "utf8");
  for (const [, spec] of source.matchAll(/^import\s[^"']*["'](\.[^"']+)["']/gm)) await graph(path.posix.join(path.posix.dirname(entry), spec), seen);
  return seen;
}

export const tests = [
  {
    name: "start-up streaming: the worker starts and the preloaded wasm compiles at once, fetched once; every page module is preloaded",
    async run({ ctx, base, watch }) {
      const html = await readFile(path.join(WWW, "index.html"), "utf8");
      const preloaded = new Set([...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]));
      const scripts = [...html.matchAll(/<script type="module"(?: async)? src="([^"]+)"><\/script>/g)].map((m) => m[1]);
      assert(scripts.includes("js/engine.js") && /<script type="module" async src="js\/engine.js">/.test(html), "engine.js is not an async module script");
      const modules = [...await graph("js/app.js")].filter((m) => !scripts.includes(m));
      const missing = modules.filter((m) => !preloaded.has(m));
      assert(missing.length === 0, `modules not preloaded: ${missing.join(", ")}`);
      assert(/<link rel="preload" href="pkg\/parallax_bg.wasm" as="fetch" crossorigin>/.test(html), "the wasm is not preloaded");
      const engineSource = await readFile(path.join(WWW, "js/engine.js"), "utf8");
      assert(!/^import\s/m.test(engineSource), "engine.js imports something: it would wait for it");

      const warnings = [];
      ctx.on("page", (p) => p.on("console", (m) => { if (m.type() === "warning" || m.type() === "error") warnings.push(m.text()); }));
      const page = await open(ctx, base, "#example");
      await page.waitForSelector(".compare-view");
      await settled(page);
      const wasm = watch.requests.filter((r) => r.url.endsWith(".wasm"));
      assert(wasm.length === 1, `the wasm was requested ${wasm.length} times (the preload was not used?)`);
      const order = watch.requests.map((r) => new URL(r.url).pathname);
      assert(order.indexOf("/js/worker.js") >= 0, "no worker started");
      assert(!warnings.some((w) => /preload|instantiateStreaming|MIME/i.test(w)), `warnings: ${warnings.join(" | ")}`);
      console.log(`     requests in order: ${order.join(" ")}`);
    },
  },
];
