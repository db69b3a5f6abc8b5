// One JS tool of `make bench`, as a process of its own that benches/run.mjs drives with the
// protocol of benches/analyze.rs (the native side): the corpus as a JSON array on the first
// line, then `analyze I` answered with `WALL_NS CPU_NS -1 FOUND`.
//
// A process per tool keeps each tool's garbage collection in its own process: in one shared
// heap, compromise's garbage would be collected while wink-nlp or the wasm is being timed.
// CPU time is process.cpuUsage() (every thread of the process, V8's helpers included).
//
//   node benches/serve.mjs parallax-wasm | compromise | wink-nlp

import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

/** Counts `kind` into `found` (a Map) `n` times. */
const add = (found, kind, n = 1) => found.set(kind, (found.get(kind) ?? 0) + n);

// Each tool: text -> Map of kind -> mentions found. Loading is start-up, not timed.
const tools = {
  // The page's wasm-pack output (www/pkg, target "web"): its glue can be given the bytes.
  async "parallax-wasm"() {
    const glue = await import(pathToFileURL(`${root}www/pkg/parallax.js`).href);
    glue.initSync({ module: readFileSync(`${root}www/pkg/parallax_bg.wasm`) });
    return (text) => {
      const found = new Map();
      for (const e of glue.analyze(text, undefined).entities) add(found, e.kind, e.count);
      return found;
    };
  },
  async compromise() {
    const nlp = (await import("compromise")).default;
    return (text) => {
      const doc = nlp(text);
      const found = new Map();
      add(found, "people", doc.people().out("array").length);
      add(found, "organizations", doc.organizations().out("array").length);
      add(found, "places", doc.places().out("array").length);
      return found;
    };
  },
  // The lite web model's entities are dates, times, numbers, money, emails, URLs and the like:
  // it has no people, organisations or places.
  async "wink-nlp"() {
    const winkNLP = (await import("wink-nlp")).default;
    const model = (await import("wink-eng-lite-web-model")).default;
    const nlp = winkNLP(model);
    const its = nlp.its;
    return (text) => {
      const found = new Map();
      for (const type of nlp.readDoc(text).entities().out(its.type)) add(found, type);
      return found;
    };
  },
};

const name = process.argv[2];
if (!tools[name]) {
  console.error(`serve.mjs: unknown tool ${name}; one of ${Object.keys(tools).join(", ")}`);
  process.exit(2);
}
const run = await tools[name]();

let texts = null;
for await (const line of createInterface({ input: process.stdin })) {
  if (texts === null) {
    texts = JSON.parse(line);
    continue;
  }
  const [request, arg] = line.split(" ");
  if (request === "quit") break;
  const text = texts[Number(arg)];
  if (request !== "analyze" || text === undefined) {
    console.error(`serve.mjs ${name}: unknown request ${JSON.stringify(line)}`);
    process.exit(2);
  }
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const found = run(text);
  const wall = process.hrtime.bigint() - start;
  const { user, system } = process.cpuUsage(cpu);
  const kinds = [...found].map(([k, n]) => `${k}:${n}`).join(",");
  process.stdout.write(`${wall} ${(user + system) * 1000} -1 ${kinds}\n`);
}
