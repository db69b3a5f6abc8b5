// Keeping and sharing: exports (CSV, JSON) and the share link round trip; nothing is sent anywhere.

import { readFile } from "node:fs/promises";
import { createDeflateRaw, deflateRawSync } from "node:zlib";
import { open, settled, shot, assert, example, paste } from "./harness.mjs";
import { csvField, toCsv } from "../../www/js/keep.js";

const link = (packed) => `#share=${packed.toString("base64url")}`;
const shareOf = (state) => link(deflateRawSync(JSON.stringify({ v: 1, ...state })));

/** A link of about 1 MB of deflate that would unpack to 1 GiB ("AAAA…" in an article's text). */
async function bomb() {
  const z = createDeflateRaw({ level: 9 });
  const parts = [];
  z.on("data", (d) => parts.push(d));
  const done = new Promise((resolve) => z.on("end", resolve));
  z.write('{"v":1,"articles":[{"text":"');
  const mib = Buffer.alloc(1 << 20, "A");
  for (let i = 0; i < 1024; i++) if (!z.write(mib)) await new Promise((r) => z.once("drain", r));
  z.end('"}]}');
  await done;
  return link(Buffer.concat(parts));
}

/** Opens `hash` on a page whose panes hold `text` (and a draft of it), and returns the status line. */
async function refused(page, hash, text) {
  await page.evaluate((h) => { location.hash = h; }, hash);
  await page.waitForFunction(() => /share link/.test(document.querySelector("#status").textContent), null, { timeout: 20_000 });
  assert((await page.inputValue(".pane-text >> nth=0")) === text, "the panes changed");
  assert(!page.url().includes("#share="), "the refused link stays in the address bar");
  return page.textContent("#status");
}

async function exported(page, kind) {
  await page.click("#export-menu summary");
  const [download] = await Promise.all([page.waitForEvent("download"), page.click(`[data-export="${kind}"]`)]);
  return { name: download.suggestedFilename(), text: await readFile(await download.path(), "utf8") };
}

/** Minimal RFC 4180 reader for checking our own CSV; `sep` ";" reads it as a semicolon locale does. */
function parseCsv(text, sep = ",") {
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) { row.push(field); field = ""; } else if (c === "\n") { row.push(field.replace(/\r$/, "")); rows.push(row); row = []; field = ""; } else field += c;
  }
  return rows;
}

// What a spreadsheet could run: a cell starting with a formula sign, after any spaces or controls.
const runnable = (cell) => /^[\s\p{Cc}\p{Cf}]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/u.test(cell) || /^\p{Cc}/u.test(cell);

export const tests = [
  {
    name: "CSV cells (unit, in node): separators , and ; quoted, formula prefixes defused with ', NUL replaced",
    async run() {
      const table = [
        ["Talks end;=1+1; in Ashgabat", '"Talks end;=1+1; in Ashgabat"'],
        ["=1+1", "'=1+1"], ["+1", "'+1"], ["-1", "'-1"], ["@SUM(A1:A9)", "'@SUM(A1:A9)"],
        ["＝1+1", "'＝1+1"], ["＋1", "'＋1"], ["－1", "'－1"], ["＠x", "'＠x"],
        [" =1+1", "' =1+1"], ["\u00a0=1", "'\u00a0=1"], ["\u200b=1", "'\u200b=1"],
        ["\t=1", "\"'\t=1\""], ["\r=1", "\"'\r=1\""], ["\n=1", "\"'\n=1\""], ["\t", "\"'\t\""],
        ["\0=1+1", "'\ufffd=1+1"], ["a\0b", "a\ufffdb"], ["\u0001x", "'\u0001x"],
        ["a,b", '"a,b"'], ["a;b", '"a;b"'], ['say "hi"', '"say ""hi"""'], ["two\r\nlines", '"two\r\nlines"'],
        ["Vladimir Putin", "Vladimir Putin"], ["Putin-Pezeshkian", "Putin-Pezeshkian"], ["e-mail = x", "e-mail = x"],
        [-3, "-3"], [0.25, "0.25"], [null, ""], [undefined, ""],
      ];
      for (const [value, want] of table) {
        const got = csvField(value);
        assert(got === want, `csvField(${JSON.stringify(value)}) = ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
      }
      // Read back as either locale reads it, no cell of the hostile headline is exactly "=1+1".
      const csv = toCsv(["headline", "n"], [["Talks end;=1+1; in Ashgabat", 2], ["=1+1;x", 1]]);
      for (const sep of [",", ";"]) {
        const cells = parseCsv(csv, sep).flat();
        assert(!cells.some(runnable), `a runnable cell read with "${sep}": ${JSON.stringify(cells)}`);
        assert(cells.some((c) => c.includes("Talks end;=1+1; in Ashgabat")), `the headline is split by "${sep}": ${JSON.stringify(cells)}`);
      }
    },
  },
  {
    name: "CSV export of a hostile headline: no cell a spreadsheet would run, in a comma or a semicolon locale",
    async run({ ctx, base }) {
      const page = await open(ctx, base);
      await paste(page, 0, { text: "Talks end;=1+1; in Ashgabat\n\nASHGABAT (Reuters) - Vladimir Putin met Masoud Pezeshkian in Ashgabat on Friday. =HYPERLINK(\"http://x\") said Putin.\n\n@Pezeshkian thanked Putin." });
      await settled(page);
      const csv = await exported(page, "entities-csv");
      for (const sep of [",", ";"]) {
        const rows = parseCsv(csv.text, sep);
        const cells = rows.flat();
        assert(!cells.some((c) => c.trim() === "=1+1"), `a cell is exactly =1+1 with "${sep}"`);
        assert(!cells.some(runnable), `runnable cells with "${sep}": ${cells.filter(runnable).join(" | ")}`);
      }
      const rows = parseCsv(csv.text);
      assert(rows.slice(1).every((r) => r[1] === "'Talks end;=1+1; in Ashgabat" || r[1] === "Talks end;=1+1; in Ashgabat"), `headline cells: ${rows.map((r) => r[1]).join(" | ")}`);
      assert(parseCsv(csv.text, ";").slice(1).every((r) => r.some((c) => c.includes("Talks end;=1+1; in Ashgabat"))), "the semicolon reading splits the headline");
    },
  },
  {
    name: "exports names and the comparison as CSV and JSON that agree with the page",
    async run({ ctx, base }) {
      const page = await open(ctx, base);
      await example(page);
      const chart = await page.$$eval(".diverging tbody tr", (rs) => rs.map((r) => ({ name: r.dataset.name, a: r.querySelector(".side-a .dnum").textContent, b: r.querySelector(".side-b .dnum").textContent })));

      const names = await exported(page, "entities-csv");
      assert(names.name.endsWith(".csv"), `file name ${names.name}`);
      const rows = parseCsv(names.text);
      assert(rows[0].join() === "article,headline,name,type,mentions,aliases", `header: ${rows[0]}`);
      const putinA = rows.find((r) => r[0] === "A" && r[2].endsWith("Putin"));
      const chartPutin = chart.find((r) => r.name.endsWith("Putin"));
      assert(putinA && putinA[4] === chartPutin.a, `CSV Putin in A ${putinA?.[4]} vs chart ${chartPutin?.a}`);
      assert(rows.some((r) => r[0] === "B"), "no rows for article B");

      const json = JSON.parse((await exported(page, "entities-json")).text);
      assert(json.articles.length === 2 && json.articles[0].entities.length > 5, "names JSON has no articles");
      const e = json.articles[0].entities.find((x) => x.name.endsWith("Putin"));
      assert(e && e.mentions.length === e.count, "names JSON mentions disagree with the count");

      const cmpCsv = parseCsv((await exported(page, "comparison-csv")).text);
      assert(cmpCsv[0].slice(0, 4).join() === "name,type,mentions_A,mentions_B", `comparison header: ${cmpCsv[0]}`);
      assert(cmpCsv.length - 1 >= chart.length, "comparison CSV has fewer names than the chart");
      const cmp = JSON.parse((await exported(page, "comparison-json")).text);
      assert(Array.isArray(cmp.entities) && cmp.a && cmp.b, "comparison JSON lacks entities/a/b");
      const ce = cmp.entities.find((x) => x.name === chartPutin.name);
      assert(String(ce.countA) === chartPutin.a && String(ce.countB) === chartPutin.b, "comparison JSON disagrees with the chart");
    },
  },
  {
    name: "a share link carries the articles and settings, and opens elsewhere as it was",
    async run({ ctx, base, browser }) {
      const page = await open(ctx, base);
      await example(page);
      await page.uncheck('.compare-view .filters input[data-kind="MISC"]');
      await page.click('[role=tab][data-tab="B"]');
      await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
      await page.click("#share");
      await page.waitForSelector("#share-box:not([hidden])");
      const url = await page.inputValue("#share-url");
      assert(url.startsWith(`${base}#share=`), `link: ${url.slice(0, 80)}`);
      assert(!/Putin|Pezeshkian/.test(decodeURIComponent(url)), "the link carries the text uncompressed");
      assert((await page.evaluate(() => navigator.clipboard.readText())) === url, "the link was not copied");
      const texts = await page.$$eval(".pane-text", (t) => t.map((x) => x.value));
      await shot(page, "share-link", { fullPage: false });

      // Open it in a fresh profile: no draft to fall back on, everything comes from the link.
      const other = await page.context().browser().newContext();
      try {
        const page2 = await other.newPage();
        await page2.goto(url);
        await page2.waitForSelector('.article-view[data-letter="B"]');
        await settled(page2);
        const texts2 = await page2.$$eval(".pane-text", (t) => t.map((x) => x.value));
        assert(JSON.stringify(texts2) === JSON.stringify(texts), "the articles differ after the round trip");
        assert(!(await page2.isChecked('.filters input[data-kind="MISC"]')), "the type filter was not carried");
        assert((await page2.$eval("#tab-B", (t) => t.getAttribute("aria-selected"))) === "true", "the selected tab was not carried");
        assert(!page2.url().includes("#share="), "the fragment stays in the address bar after opening");
        await shot(page2, "share-opened", { fullPage: false });
      } finally {
        await other.close();
      }
    },
  },
  {
    name: "a damaged share link says so and leaves the page usable",
    async run({ ctx, base }) {
      const page = await open(ctx, base, "#share=not-a-real-link");
      await page.waitForFunction(() => document.querySelector("#status").textContent.includes("share link"));
      assert((await page.getAttribute("#status", "class")).includes("error"), "the message is not shown as an error");
      await example(page);
    },
  },
  {
    name: "share-link limits: a fragment over the size limit, a 1.4 MB link that would unpack to 1 GiB, too many articles or restored spans are refused; nothing is lost",
    timeout: 120,
    async run({ ctx, base }) {
      const page = await open(ctx, base);
      const mine = "Angela Merkel met Emmanuel Macron in Berlin.";
      await paste(page, 0, { text: mine });
      await settled(page);
      await page.waitForTimeout(800); // the draft is saved

      // Over the fragment limit: refused before a byte is decoded.
      let status = await refused(page, `#share=${"A".repeat(2_100_000)}`, mine);
      assert(/not opened/.test(status) && /longer than any link/.test(status), `long link: ${status}`);

      // The zip bomb: stopped while inflating, quickly, and the page lives on.
      const big = await bomb();
      assert(big.length > 1_000_000 && big.length < 2_000_000, `bomb link is ${big.length} chars`);
      const t0 = Date.now();
      status = await refused(page, big, mine);
      assert(/unpacks to more than 32 MB/.test(status), `bomb: ${status}`);
      console.log(`     ${(big.length / 1e6).toFixed(2)} MB link refused in ${Date.now() - t0} ms: ${status}`);

      status = await refused(page, shareOf({ articles: Array.from({ length: 9 }, () => ({ text: "Putin." })) }), mine);
      assert(/9 articles/.test(status), `nine articles: ${status}`);
      status = await refused(page, shareOf({ articles: [{ text: "Putin.", restored: Array.from({ length: 5000 }, (_, i) => ({ start: i, end: i + 1, startUtf16: i, endUtf16: i + 1 })) }] }), mine);
      assert(/restores more passages/.test(status), `restored spans: ${status}`);
      status = await refused(page, shareOf({ articles: [{ text: "x".repeat(11 << 20) }] }), mine);
      assert(/article A is larger than the 10 MB/.test(status), `huge article: ${status}`);
      status = await refused(page, shareOf({ articles: [{ text: 42 }] }), mine);
      assert(/not a Parallax share link/.test(status), `wrong types: ${status}`);
      await shot(page, "share-refused", { fullPage: false });

      // Opened fresh, a refused link leaves the draft in place.
      const page2 = await open(ctx, base, big);
      await page2.waitForFunction(() => /share link/.test(document.querySelector("#status").textContent), null, { timeout: 20_000 });
      assert((await page2.inputValue(".pane-text >> nth=0")) === mine, "the draft was not restored after a refused link");
      // And a good link still opens.
      await page2.evaluate((h) => { location.hash = h; }, shareOf({ articles: [{ text: "Vladimir Putin met Masoud Pezeshkian." }, { text: "" }] }));
      await page2.waitForFunction(() => document.querySelector(".pane-text").value.startsWith("Vladimir Putin"));
    },
  },
  {
    name: "nothing leaves the page: every request goes to its own origin, none sends data",
    async run({ ctx, base, watch }) {
      const page = await open(ctx, base);
      await example(page);
      await page.click('[role=tab][data-tab="A"]');
      await page.click("#share");
      await page.waitForSelector("#share-box:not([hidden])");
      const origin = new URL(base).origin;
      const away = watch.requests.filter((r) => !r.url.startsWith(origin) && !r.url.startsWith("blob:") && !r.url.startsWith("data:"));
      assert(away.length === 0, `requests elsewhere: ${away.map((r) => r.url).join(", ")}`);
      const sending = watch.requests.filter((r) => r.method !== "GET");
      assert(sending.length === 0, `requests that send data: ${sending.map((r) => `${r.method} ${r.url}`).join(", ")}`);
      const paths = [...new Set(watch.requests.map((r) => new URL(r.url).pathname))].sort();
      console.log(`     requests: ${paths.join(" ")}`);
    },
  },
];
