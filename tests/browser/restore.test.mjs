// Restoring removed boilerplate: the passage goes back into the story and is counted (names,
// words), and setting it aside again takes it out; the restore list is kept with the draft and
// carried by the share link.

import { open, settled, example, entityRows, shot, assert } from "./harness.mjs";

const names = async (page) => (await entityRows(page)).map((r) => r.name);
const words = async (page) => Number((await page.textContent('.stats div:has(dt:text-is("words")) dd')).replace(/\D/g, ""));

export const tests = [
  {
    name: "clicking a removed passage restores it to the analysis; clicking again sets it aside",
    async run({ ctx, base }) {
      const page = await open(ctx, base);
      await example(page);
      await page.click('[role=tab][data-tab="B"]');
      await page.waitForSelector('.article-view[data-letter="B"]');
      const appeal = page.locator(".doc .seg.removed").first();
      assert((await appeal.textContent()).includes("Your support helps us to tell the story"), "the first removed passage is not the donation appeal");
      assert(!(await names(page)).includes("Elon Musk"), "a removed passage is counted before it is restored");
      const before = await words(page);

      await appeal.click();
      await page.waitForSelector(".doc .seg.restored-cut");
      await settled(page);
      await page.waitForSelector('.article-view[data-letter="B"]');
      assert((await names(page)).includes("Elon Musk"), "the restored appeal's names are not counted");
      assert(await words(page) > before, "the restored appeal's words are not counted");
      const restored = page.locator(".doc .seg.restored-cut").first();
      assert((await restored.textContent()).includes("Your support helps us"), "the restored passage is not shown as restored");
      assert(await restored.locator("button.cut-toggle").getAttribute("aria-label"), "no labelled control to set it aside");
      await shot(page, "restore-article-b");

      // Kept with the draft: a reload brings it back restored.
      await page.waitForTimeout(900);
      await page.reload();
      await page.waitForSelector("#panes .pane");
      await settled(page);
      await page.click('[role=tab][data-tab="B"]');
      await page.waitForSelector('.article-view[data-letter="B"] .doc .seg.restored-cut');
      assert((await names(page)).includes("Elon Musk"), "the restore list is not kept with the draft");

      // Carried by the share link, opened in a fresh profile with no draft.
      await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
      await page.click("#share");
      await page.waitForSelector("#share-box:not([hidden])");
      const url = await page.inputValue("#share-url");
      const other = await page.context().browser().newContext();
      try {
        const page2 = await other.newPage();
        await page2.goto(url);
        await page2.waitForSelector('.article-view[data-letter="B"] .doc .seg.restored-cut');
        await settled(page2);
        assert((await names(page2)).includes("Elon Musk"), "the share link does not carry the restore list");
      } finally {
        await other.close();
      }

      // Set aside again, from the keyboard.
      await page.locator(".doc .seg.restored-cut button.cut-toggle").first().focus();
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => !document.querySelector(".article-view .doc .seg.restored-cut"));
      await settled(page);
      assert(!(await names(page)).includes("Elon Musk"), "setting the appeal aside does not take its names out");
      assert(await words(page) === before, "setting the appeal aside does not restore the word count");
      assert((await page.locator(".doc .seg.removed").first().textContent()).includes("Your support helps us"), "the appeal is not greyed again");
    },
  },
  {
    name: "a removed passage is restored from the comparison too, and the comparison counts it",
    async run({ ctx, base }) {
      const page = await open(ctx, base);
      await example(page);
      await page.click('[role=tab][data-tab="compare"]');
      await page.waitForSelector(".compare-view .sbs-col .seg.removed");
      // Every name B added (the list shows ten and unfolds the rest).
      const added = async () => {
        const more = page.locator(".compare-view .delta.added button.link");
        if (await more.count()) await more.first().click();
        return page.textContent(".compare-view .delta.added");
      };
      assert(!(await added()).includes("Elon Musk"), "a removed passage counts in the comparison before it is restored");
      const appeal = page.locator(".sbs-col").nth(1).locator(".seg.removed").first();
      assert((await appeal.textContent()).includes("Your support helps us to tell the story"), "B's first removed passage is not the donation appeal");

      await appeal.locator("button.cut-toggle").click();
      await page.waitForSelector(".compare-view .sbs-col .seg.restored-cut");
      await settled(page);
      assert((await added()).includes("Elon Musk"), "the restored appeal's names are not in what B added");
      await shot(page, "restore-comparison");

      // The article tab shows it restored too: one restore list per article.
      await page.click('[role=tab][data-tab="B"]');
      await page.waitForSelector('.article-view[data-letter="B"] .doc .seg.restored-cut');

      // Set aside again from the comparison.
      await page.click('[role=tab][data-tab="compare"]');
      await page.locator(".sbs-col .seg.restored-cut button.cut-toggle").first().click();
      await page.waitForFunction(() => !document.querySelector(".compare-view .sbs-col .seg.restored-cut"));
      await settled(page);
      assert(!(await added()).includes("Elon Musk"), "setting the appeal aside does not take its names out of the comparison");
    },
  },
];
