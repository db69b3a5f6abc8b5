// A person pastes an article and reads the names it mentions.

import { readFile } from "node:fs/promises";
import path from "node:path";
import { open, paste, settled, shot, entityRows, assert, SEEDS, firstFrame } from "./harness.mjs";

const reuters = await readFile(path.join(SEEDS, "reuters-2024-10-11.txt"), "utf8");

/** The row for the entity whose name ends with `surname`, and its highlighted mentions in the text. */
async function person(page, surname) {
  const rows = await entityRows(page);
  const row = rows.find((r) => r.name.split(" ").at(-1) === surname);
  assert(row, `no row for ${surname}; rows: ${rows.map((r) => `${r.name}/${r.kind}/${r.count}`).join(", ")}`);
  const marks = await page.$$eval(`.article-view .doc mark.ent[data-e="${row.index}"]`, (ms) => ms.map((m) => m.firstChild.textContent));
  return { ...row, marks };
}

export const tests = [
  {
    name: "pasting the Reuters seed lists Putin and Pezeshkian with their mention counts",
    async run({ ctx, base }) {
      const page = await open(ctx, base);
      const frame = firstFrame(page, ".article-view .doc > .para", 1);
      await paste(page, 0, { text: reuters });
      // Drawn fresh, the article's paragraphs out of sight wait for its first frame; then all are laid out.
      const before = await frame.drawn;
      assert(before.length > 10 && before.includes("auto"), `paragraphs' content-visibility as drawn: ${before}`);
      const after = await frame.painted();
      assert(after.every((v) => v === "visible"), `paragraphs' content-visibility once painted: ${after}`);
      await settled(page);
      assert((await page.inputValue(".pane-text >> nth=0")) === reuters, "the pasted text is not in pane A");
      await page.click('[role=tab][data-tab="A"]');
      await page.waitForSelector(".article-view table.entities");
      for (const [surname, merged] of [["Putin", 10], ["Pezeshkian", 9]]) {
        const p = await person(page, surname);
        // The table's count is exactly the number of mentions highlighted in the text...
        assert(p.count === p.marks.length, `${p.name}: table says ${p.count}, text highlights ${p.marks.length}`);
        // ...every highlighted mention names that person...
        assert(p.marks.every((m) => m.toLowerCase().includes(surname.toLowerCase())), `${p.name}: a highlighted mention is not ${surname}: ${p.marks.join(" | ")}`);
        // ...and every form of the name is merged into one person with the full count.
        assert(p.kind === "PER", `${p.name} is typed ${p.kind}`);
        assert(p.count === merged, `${p.name}: ${p.count} mentions, expected ${merged}`);
        console.log(`     ${p.name} (${p.kind}): ${p.count} mentions`);
      }
      await shot(page, "paste-reuters-article");
    },
  },
  {
    name: "hovering a name lights up its mentions; clicking a mention finds its row",
    async run({ ctx, base }) {
      const page = await open(ctx, base);
      await paste(page, 0, { text: reuters });
      await settled(page);
      await page.click('[role=tab][data-tab="A"]');
      const p = await person(page, "Putin");
      await page.hover(`.article-view tr[data-e="${p.index}"]`);
      const lit = await page.$$eval(".doc mark.ent.lit", (ms) => ms.map((m) => m.dataset.e));
      assert(lit.length === p.count && lit.every((e) => Number(e) === p.index), `hover lit ${lit.length} marks, expected ${p.count}`);
      const other = (await entityRows(page)).find((r) => r.index !== p.index);
      await page.click(`.doc mark.ent[data-e="${other.index}"] >> nth=0`);
      const picked = await page.$eval(".article-view tr.picked", (r) => Number(r.dataset.e));
      assert(picked === other.index, "clicking a mention did not select its row");
    },
  },
];

tests.push({
  name: "highlights land on the right characters after emoji and accents (UTF-16 offsets)",
  async run({ ctx, base }) {
    const page = await open(ctx, base);
    const text = "👋🏽 Reuters said Vladimir Putin met Masoud Pezeshkian in Aşgabat. 😀😀 Putin — “ça va” — greeted Pezeshkian.\n\n🇮🇷 Pezeshkian thanked Putin.";
    await paste(page, 0, { text });
    await settled(page);
    await page.click('[role=tab][data-tab="A"]');
    const marks = await page.$$eval(".doc mark.ent", (ms) => ms.map((m) => ({ e: Number(m.dataset.e), text: m.firstChild.textContent })));
    const rows = await entityRows(page);
    assert(marks.length > 3, `only ${marks.length} highlights`);
    for (const m of marks) {
      const row = rows.find((r) => r.index === m.e);
      const forms = await page.$eval(`tr[data-e="${m.e}"]`, (tr) => [tr.querySelector(".ent-name").textContent, ...(tr.querySelector(".aliases")?.textContent.replace(/^also /, "").split(", ") ?? [])]);
      assert(forms.some((f) => f === m.text || f.endsWith(` ${m.text}`) || f.startsWith(`${m.text} `)), `highlight "${m.text}" is not a form of ${row?.name} (${forms})`);
    }
    // The document text is the pasted text, character for character, emoji included.
    const shown = await page.$eval(".doc", (d) => [...d.querySelectorAll("p")].map((p) => p.textContent).join("\n\n"));
    assert(shown === text, `the rendered text differs from the paste:\n${shown}`);
  },
});

tests.push({
  name: "results follow typing, debounced, without pressing anything",
  async run({ ctx, base }) {
    const page = await open(ctx, base);
    await page.locator(".pane-text").first().click();
    await page.keyboard.type("Angela Merkel met Emmanuel Macron in Berlin. Merkel said Macron agreed.", { delay: 15 });
    // On a loaded machine typing can outlast the debounce, so an analysis of the first words
    // may be done before the last keystroke: wait for the one of the whole sentence.
    await page.waitForFunction(() => [...document.querySelectorAll(".ent-name")].some((b) => b.textContent.endsWith("Macron")), null, { timeout: 30_000 });
    await settled(page);
    const first = (await entityRows(page)).map((r) => r.name);
    assert(first.some((n) => n.endsWith("Merkel")) && first.some((n) => n.endsWith("Macron")), `rows after typing: ${first}`);
    await page.keyboard.type(" Olaf Scholz listened.", { delay: 15 });
    await page.waitForFunction(() => [...document.querySelectorAll(".ent-name")].some((b) => b.textContent.endsWith("Scholz")));
    // Typing never waited for the analysis: the keystrokes all landed.
    assert((await page.inputValue(".pane-text >> nth=0")).endsWith("Olaf Scholz listened."), "keystrokes were lost");
  },
});
