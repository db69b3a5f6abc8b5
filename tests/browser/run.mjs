// Runs the page's browser tests in headless Chromium (Debian's /usr/bin/chromium driven by
// playwright-core). Serves www/ itself on a free loopback port, runs every tests/browser/*.test.mjs,
// saves screenshots to tests/output/, and ends with "N passed, N failed".
//
//   node tests/browser/run.mjs [filter]     only tests whose name contains `filter`

import { readdir } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import path from "node:path";
import { launch, serve, OUTPUT } from "./harness.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2] ?? "";

const files = (await readdir(here)).filter((f) => f.endsWith(".test.mjs")).sort();
const server = await serve();
let browser = await launch();
let passed = 0;
let failed = 0;
const t0 = Date.now();
try {
  for (const file of files) {
    const mod = await import(pathToFileURL(path.join(here, file)).href);
    for (const test of mod.tests) {
      if (filter && !`${file} ${test.name}`.includes(filter)) continue;
      const started = Date.now();
      if (!browser.isConnected()) browser = await launch(); // a crash must not fail every later test
      const ctx = await browser.newContext({ viewport: test.viewport ?? { width: 1366, height: 900 }, reducedMotion: test.reducedMotion, acceptDownloads: true });
      const watch = { dialogs: [], pageErrors: [], consoleErrors: [], requests: [] };
      ctx.on("page", (page) => {
        page.on("dialog", (d) => { watch.dialogs.push(`${d.type()}: ${d.message()}`); d.dismiss().catch(() => {}); });
        page.on("pageerror", (e) => watch.pageErrors.push(e.message));
        page.on("console", (m) => { if (m.type() === "error") watch.consoleErrors.push(m.text()); });
        page.on("request", (r) => watch.requests.push({ url: r.url(), method: r.method() }));
      });
      try {
        await Promise.race([
          test.run({ ctx, base: server.url, watch, output: OUTPUT }),
          new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out after ${test.timeout ?? 60}s`)), (test.timeout ?? 60) * 1000)),
        ]);
        if (watch.dialogs.length) throw new Error(`a dialog opened: ${watch.dialogs.join("; ")}`);
        if (watch.pageErrors.length) throw new Error(`uncaught error in the page: ${watch.pageErrors.join("; ")}`);
        passed++;
        console.log(`ok   ${file} › ${test.name} (${Date.now() - started} ms)`);
      } catch (err) {
        failed++;
        console.log(`FAIL ${file} › ${test.name} (${Date.now() - started} ms)\n     ${String(err?.stack ?? err).split("\n").slice(0, 6).join("\n     ")}`);
        if (watch.consoleErrors.length) console.log(`     console errors: ${watch.consoleErrors.join(" | ")}`);
      } finally {
        await ctx.close().catch(() => {});
      }
    }
  }
} finally {
  await browser.close().catch(() => {});
  await server.close();
}
console.log(`(${((Date.now() - t0) / 1000).toFixed(1)} s; screenshots in tests/output/)`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed || passed === 0 ? 1 : 0);
