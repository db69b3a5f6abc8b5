// Start-up: boot.js, a classic script first in <head>, starts the worker before the page is
// parsed, styled or laid out; the worker fetches and compiles the core itself (worker.js) and
// hands the compiled module to the page for any replacement. Every page module is preloaded, so
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
    name: "start-up: boot.js starts the worker before anything else, the worker fetches the wasm once; every page module is preloaded",
    async run({ ctx, base, watch }) {
      const html = await readFile(path.join(WWW, "index.html"), "utf8");
      const head = html.slice(0, html.indexOf("</head>"));
      const first = head.search(/<script\b|<link rel="(?:stylesheet|modulepreload)"/);
      assert(head.slice(first).startsWith('<script src="js/boot.js"></script>'), "boot.js is not the first script or stylesheet of <head>, as a classic script");
      const preloaded = new Set([...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]));
      const scripts = [...html.matchAll(/<script type="module" src="([^"]+)"><\/script>/g)].map((m) => m[1]);
      assert(scripts.length === 1 && scripts[0] === "js/app.js", `module scripts: ${scripts.join(", ")}`);
      const modules = [...await graph("js/app.js")].filter((m) => !scripts.includes(m));
      assert(modules.includes("js/engine.js"), "app.js no longer imports engine.js");
      const missing = modules.filter((m) => !preloaded.has(m));
      assert(missing.length === 0, `modules not preloaded: ${missing.join(", ")}`);
      const bootSource = await readFile(path.join(WWW, "js/boot.js"), "utf8");
      assert(/new Worker\(/.test(bootSource) && !/^\s*(import|export)\s/m.test(bootSource), "boot.js does not start the worker as a classic script");

      const warnings = [];
      ctx.on("page", (p) => p.on("console", (m) => { if (m.type() === "warning" || m.type() === "error") warnings.push(m.text()); }));
      const page = await open(ctx, base, "#example");
      await page.waitForSelector(".compare-view");
      await settled(page);
      const wasm = watch.requests.filter((r) => r.url.endsWith(".wasm"));
      assert(wasm.length === 1, `the wasm was requested ${wasm.length} times`);
      const order = watch.requests.map((r) => new URL(r.url).pathname);
      assert(order.filter((p) => p === "/js/worker.js").length === 1, "not one worker started");
      assert(order.indexOf("/js/worker.js") < order.indexOf("/examples/reuters-2024-10-11.txt"), `the worker started after the page asked for the example: ${order.join(" ")}`);
      assert(!warnings.some((w) => /preload|instantiateStreaming|MIME/i.test(w)), `warnings: ${warnings.join(" | ")}`);
      console.log(`     requests in order: ${order.join(" ")}`);
    },
  },
];
