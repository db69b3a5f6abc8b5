// The page renders every field of the Analysis/Comparison contract, from the real engine on the
// built-in example: meta, removed boilerplate, quotes, sources, passages, verdict, distinctive words.

import { open, paste, settled, shot, assert } from "./harness.mjs";

export const tests = [
  {
    name: "every contract field is drawn: meta, removed, quotes, sources, passages, verdict, distinctive words",
    async run({ ctx, base }) {
      const page = await open(ctx, base, "#example");
      await page.waitForSelector(".compare-view");
      await settled(page);
      const text = (sel) => page.$$eval(sel, (els) => els.map((e) => e.textContent));
      assert((await text(".verdict .card-big")).length === 1, "no verdict card");
      assert((await text(".card-big")).some((t) => t.endsWith("%")), "no reuse share");
      const passagesA = await page.locator(".sbs-col").first().locator(".seg.reuse").evaluateAll((s) => new Set(s.map((x) => x.dataset.p)).size);
      const badges = await page.$$eval(".sbs .p-badge", (b) => b.length);
      assert(passagesA > 3 && badges >= 2 * passagesA, `passages: ${passagesA} in A, ${badges} badges`);
      assert(await page.locator(".pmap-band").count() === passagesA, "the passage map does not show every passage");
      // Hovering a passage in B lights its twin in A.
      const seg = page.locator(".sbs-col >> nth=1").locator(".seg.reuse").first();
      const p = await seg.getAttribute("data-p");
      await seg.hover();
      assert(await page.locator(`.sbs-col >> nth=0`).locator(`.seg.reuse.lit[data-p="${p}"]`).count() > 0, "hovering a passage does not light its twin");
      assert((await text(".compare-view .three-col h5")).length === 3, "no shared/only quotes");
      assert((await text(".compare-view table.plain tbody th")).includes("IRNA"), "no sources table");
      assert((await text(".words .word")).length > 3, "no distinctive words");
      await shot(page, "contract-comparison");

      await page.click('[role=tab][data-tab="A"]');
      await page.waitForSelector('.article-view[data-letter="A"]');
      assert(!(await page.textContent(".headline")).startsWith("date"), "the core's headline is not used");
      assert((await page.textContent(".facts")).includes("October 2024"), "no date");
      assert((await page.textContent(".facts")).toLowerCase().includes("moscow (reuters)"), "no dateline");
      assert((await page.textContent(".credits")).toLowerCase().includes("editing"), "no credits");
      assert(await page.locator(".quotes li").count() > 1, "no quotes list");
      assert(await page.locator(".doc .seg.quote").count() > 1, "quotes not marked in the text");
      assert((await text(".sources .src-name")).includes("IRNA"), "no sources list");
      await shot(page, "contract-article-a");

      await page.click('[role=tab][data-tab="B"]');
      await page.waitForSelector('.article-view[data-letter="B"]');
      const removed = page.locator(".doc .seg.removed");
      assert(await removed.count() > 1, "removed boilerplate is not shown");
      assert(await removed.first().isVisible(), "removed boilerplate is hidden by default");
      await removed.first().click();
      await page.waitForSelector(".doc .seg.restored-cut");
      await settled(page);
      await shot(page, "contract-article-b");
      await page.uncheck(".legend .toggle input");
      assert(!(await removed.first().isVisible()), "removed boilerplate does not hide");

      // Three articles: the N-way matrices appear under the pairwise comparison.
      await page.click("#add-pane");
      await paste(page, 2, { text: (await page.inputValue(".pane-text >> nth=0")).split("\n").slice(0, 6).join("\n") });
      await page.waitForSelector('[role=tab][data-tab="C"]');
      await page.click("#tab-compare");
      await page.waitForSelector(".matrix");
      await settled(page);
      const matrices = await page.locator(".matrix").count();
      assert(matrices === 2, `expected reuse and overlap matrices, found ${matrices}`);
      const header = await page.$$eval(".matrix thead th", (ths) => ths.map((t) => t.textContent).join(""));
      assert(header.startsWith("ABC"), `matrix columns: ${header}`);
      await shot(page, "contract-three-way");
    },
  },
];
