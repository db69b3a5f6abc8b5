// Accessibility: axe-core finds no serious or critical violation in any view, at desktop and
// phone widths, and every control can be reached and used from the keyboard.

import { open, settled, axe, byImpact, assert, shot, example } from "./harness.mjs";

async function check(page, where) {
  const violations = await axe(page);
  const counts = byImpact(violations);
  console.log(`     axe ${where}: ${JSON.stringify(counts)}${violations.length ? ` (${violations.map((v) => `${v.id}/${v.impact}`).join(", ")})` : ""}`);
  const bad = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  assert(bad.length === 0, `${where}: ${bad.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.join(" | ")}`).join("; ")}`);
}

async function views(page, label) {
  await check(page, `${label} empty`);
  await example(page);
  await check(page, `${label} comparison`);
  for (const tab of ["A", "B"]) {
    await page.click(`[role=tab][data-tab="${tab}"]`);
    await page.waitForSelector(`.article-view[data-letter="${tab}"]`);
    await check(page, `${label} article ${tab}`);
  }
  await page.click("#share");
  await page.waitForSelector("#share-box:not([hidden])");
  await page.click("#export-menu summary");
  await check(page, `${label} share and export open`);
}

export const tests = [
  {
    name: "axe-core: no serious or critical violation, desktop",
    async run({ ctx, base }) {
      await ctx.grantPermissions(["clipboard-read", "clipboard-write"]);
      await views(await open(ctx, base), "desktop");
    },
  },
  {
    name: "axe-core: no serious or critical violation, 390 px",
    viewport: { width: 390, height: 844 },
    async run({ ctx, base }) {
      await ctx.grantPermissions(["clipboard-read", "clipboard-write"]);
      await views(await open(ctx, base), "390px");
    },
  },
  {
    name: "keyboard alone: load the example, switch tabs, find a name's mentions",
    async run({ ctx, base }) {
      const page = await open(ctx, base);
      const focused = () => page.evaluate(() => {
        const el = document.activeElement;
        return el ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.dataset.tab ? `[tab=${el.dataset.tab}]` : ""}` : "";
      });
      const seen = [];
      // Tab from the top until the example button has focus, then press Enter.
      for (let i = 0; i < 15 && (await focused()) !== "button#example"; i++) { await page.keyboard.press("Tab"); seen.push(await focused()); }
      assert((await focused()) === "button#example", `the example button is not reachable: ${seen.join(" → ")}`);
      await page.keyboard.press("Enter");
      await page.waitForSelector(".compare-view");
      await settled(page);
      // Tabs: focus the selected tab, arrow to the next one.
      await page.focus("#tab-compare");
      await page.keyboard.press("ArrowRight");
      await page.waitForSelector('.article-view[data-letter="A"]');
      assert((await focused()) === "button#tab-A[tab=A]", `arrow key did not move to tab A: ${await focused()}`);
      // Tab onward into the entity table; Enter on a name jumps to its first mention.
      let reached = false;
      for (let i = 0; i < 40 && !reached; i++) {
        await page.keyboard.press("Tab");
        reached = await page.evaluate(() => document.activeElement?.classList.contains("ent-name"));
      }
      assert(reached, "no entity name button reachable by Tab");
      await page.keyboard.press("Enter");
      const current = await page.$$eval(".doc mark.ent.current", (ms) => ms.length);
      assert(current === 1, "Enter on a name did not mark its first mention");
      const lit = await page.$$eval(".doc mark.ent.lit", (ms) => ms.length);
      assert(lit > 1, "the name's mentions are not lit");
      await shot(page, "keyboard-mention", { fullPage: false });
    },
  },
];
