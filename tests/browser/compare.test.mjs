// The built-in example, one click from a real comparison; N-way; drafts survive a reload.

import { open, settled, shot, paste, assert, example, firstFrame } from "./harness.mjs";

export const tests = [
  {
    name: "the example loads both seeds and shows a real comparison",
    async run({ ctx, base }) {
      const page = await open(ctx, base);
      await shot(page, "empty-state");
      await example(page);
      const panes = await page.$$eval(".pane-text", (t) => t.map((x) => x.value.length));
      assert(panes.length === 2 && panes.every((n) => n > 1000), `example panes: ${panes}`);
      assert(await page.$eval("#tab-compare", (t) => t.getAttribute("aria-selected")) === "true", "comparison tab not selected");
      // The diverging chart: both articles name Putin and Pezeshkian, several times each.
      const rows = await page.$$eval(".diverging tbody tr", (rs) => rs.map((r) => ({
        name: r.dataset.name,
        a: Number(r.querySelector(".side-a .dnum").textContent) || 0,
        b: Number(r.querySelector(".side-b .dnum").textContent) || 0,
      })));
      for (const surname of ["Putin", "Pezeshkian"]) {
        const row = rows.find((r) => r.name.endsWith(surname));
        assert(row && row.a > 1 && row.b > 1, `${surname} not counted in both: ${JSON.stringify(row)}`);
      }
      // Both texts are shown side by side.
      const cols = await page.$$eval(".sbs-col .doc", (ds) => ds.map((d) => d.textContent.length));
      assert(cols.length === 2 && cols.every((n) => n > 1000), `side-by-side columns: ${cols}`);
      // What B added / dropped are listed.
      const deltas = await page.$$eval(".delta h4", (hs) => hs.map((x) => x.textContent));
      assert(deltas.includes("What B added") && deltas.includes("What B dropped"), `deltas: ${deltas}`);
      await shot(page, "example-comparison");
      await page.click('[role=tab][data-tab="B"]');
      await page.waitForSelector('.article-view[data-letter="B"]');
      await shot(page, "example-article-b");
    },
  },
  {
    name: "a fresh comparison's first frame leaves the sections out of sight unlaid, then lays out all of it",
    async run({ ctx, base }) {
      const page = await open(ctx, base);
      const frame = firstFrame(page, ".compare-view > *", 2);
      await page.click("#example");
      // As drawn, before its first frame: the sections below the cards and chart are deferred.
      const before = await frame.drawn;
      assert(before.includes("auto") && before.includes("visible"), `content-visibility as drawn: ${before}`);
      // Once painted (the mark figures.mjs times), everything is laid out, so that a redraw keeps
      // every section's height; and a redraw (back from another tab) defers nothing.
      let after = await frame.painted();
      assert(after.every((v) => v === "visible"), `content-visibility once painted: ${after}`);
      await page.click('[role=tab][data-tab="A"]');
      await page.waitForSelector('.article-view[data-letter="A"]');
      await page.click("#tab-compare");
      await page.waitForSelector(".compare-view");
      after = await frame.now();
      assert(after.every((v) => v === "visible"), `content-visibility after a redraw: ${after}`);
    },
  },
  {
    name: "the example is usable at 390 px wide",
    viewport: { width: 390, height: 844 },
    async run({ ctx, base }) {
      const page = await open(ctx, base);
      await example(page);
      // The click leads to the verdict: the results are scrolled to once drawn (a smooth scroll,
      // so waited for), not to where they began before the comparison made the page longer.
      await page.waitForFunction(() => Math.abs(document.querySelector("#results").getBoundingClientRect().top) < 2, null, { timeout: 5000 })
        .catch(async () => assert(false, `results not scrolled to: their top at ${await page.$eval("#results", (r) => Math.round(r.getBoundingClientRect().top))}px`));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert(overflow <= 0, `the page is ${overflow}px wider than the window`);
      await shot(page, "narrow-comparison");
      await page.click('[role=tab][data-tab="A"]');
      await page.waitForSelector('.article-view[data-letter="A"]');
      const overflowA = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert(overflowA <= 0, `article view is ${overflowA}px wider than the window`);
      await shot(page, "narrow-article");
    },
  },
  {
    name: "asked for less motion, the page jumps to the example's results",
    viewport: { width: 390, height: 844 },
    reducedMotion: "reduce",
    async run({ ctx, base }) {
      const page = await open(ctx, base);
      await page.click("#example");
      // As the results are drawn (the mark's observer runs soon after): no smooth scroll to wait for.
      const top = await page.evaluate(() => new Promise((resolve) => {
        new PerformanceObserver((list, obs) => {
          if (!list.getEntriesByName("parallax:result").some((m) => m.detail?.articles === 2)) return;
          obs.disconnect();
          resolve(document.querySelector("#results").getBoundingClientRect().top);
        }).observe({ type: "mark", buffered: true });
      }));
      assert(Math.abs(top) < 2, `results' top at ${Math.round(top)}px right after they were drawn`);
    },
  },
  {
    name: "a third article adds a pair picker; drafts survive a reload",
    async run({ ctx, base }) {
      const page = await open(ctx, base);
      await example(page);
      await page.click("#add-pane");
      await paste(page, 2, { text: "Vladimir Putin met Masoud Pezeshkian in Ashgabat, Turkmenistan. Putin praised Iran.\n\nPezeshkian thanked Putin." });
      await settled(page);
      await page.waitForSelector('[role=tab][data-tab="C"]');
      await page.waitForSelector(".pair-picker select");
      await page.selectOption(".pair-picker select >> nth=1", { label: "Article C" });
      await page.waitForFunction(() => document.querySelector(".sbs-col:last-of-type .doc")?.textContent.includes("Ashgabat, Turkmenistan"));
      await settled(page);
      await shot(page, "three-articles");
      await page.waitForTimeout(900); // the draft is saved 600 ms after the last change
      await page.reload();
      await page.waitForSelector("#panes .pane >> nth=2");
      const values = await page.$$eval(".pane-text", (t) => t.map((x) => x.value));
      assert(values.length === 3 && values[2].startsWith("Vladimir Putin met") && values[0].length > 1000, "the draft was not restored");
      await settled(page);
    },
  },
];
