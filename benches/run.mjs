// `make bench`: Parallax native and wasm beside the JS tools a reader might pick instead, on the
// same corpus, interleaved article by article; then where native time goes, stage by stage;
// then how time and peak memory grow with the input (issue 14). Prints figures, asserts
// nothing: benchmarks are not tests.
//
// Every tool is a process of its own (benches/analyze.rs natively, benches/serve.mjs for the
// JS ones) that has loaded its library and is sent the corpus before any timing, so start-up
// is not timed. One warm-up pass over the corpus, then BENCH_ROUNDS rounds (default 3): in
// each, for each article, every tool analyses it once, the order turning from article to
// article, so a burst of noise from the machine's other work falls on all tools alike. Each
// tool times itself (wall and CPU); the driver waits, so no two tools run at once.
//
// Env: BENCH_ROUNDS (3), BENCH_SWEEP_MB (sizes, "0.125,0.25,0.5,1,2,4,8"), CARGO_TARGET_DIR.

import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { readCorpus, utf8Bytes } from "./corpus.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const shared = resolve(root, "../shared");
const target = resolve(root, process.env.CARGO_TARGET_DIR ?? "target");
const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3) || 3);
const sweepMb = (process.env.BENCH_SWEEP_MB ?? "0.125,0.25,0.5,1,2,4,8").split(",").map(Number);
const MB = 1e6; // MB/s here are millions of bytes (of UTF-8 input) a second

// The issue's figures to reach (issue 14).
const TARGET = { native: 8, wasm: 4, timesCompromise: 80, peakBytesPerByte: 12 };

const corpus = readCorpus(shared);
if (corpus.missing) {
  console.log(`bench: skipped: ${corpus.missing}`);
  process.exit(0);
}

const version = (pkg) => JSON.parse(readFileSync(join(root, "node_modules", pkg, "package.json"), "utf8")).version;

/** A tool's process, asked one line and answering one line at a time. */
class Server {
  constructor(command, args, env = {}) {
    this.child = spawn(command, args, {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ["pipe", "pipe", "inherit"],
    });
    this.waiting = [];
    this.exited = new Promise((done) => this.child.on("exit", done));
    this.child.on("exit", (code) => {
      for (const w of this.waiting.splice(0)) w.fail(new Error(`${command} ${args.join(" ")} exited (${code})`));
    });
    createInterface({ input: this.child.stdout }).on("line", (line) => this.waiting.shift()?.done(line));
  }
  send(line) {
    this.child.stdin.write(`${line}\n`);
  }
  ask(line) {
    return new Promise((done, fail) => {
      this.waiting.push({ done, fail });
      this.send(line);
    });
  }
  async analyze(i) {
    const [wall, cpu, words, found] = (await this.ask(`analyze ${i}`)).split(" ");
    const kinds = new Map((found ?? "").split(",").filter(Boolean).map((kv) => {
      const [k, n] = kv.split(":");
      return [k, Number(n)];
    }));
    return { wall: Number(wall) / 1e9, cpu: Number(cpu) < 0 ? NaN : Number(cpu) / 1e9, words: Number(words), kinds };
  }
  async quit() {
    this.send("quit");
    this.child.stdin.end();
    await this.exited;
  }
}

const texts = corpus.texts.map((t) => t.text);
const pages = corpus.pages.map((p) => p.text);
const corpusLine = JSON.stringify([...texts, ...pages]);
const pageIndex = (j) => texts.length + j;

console.error("bench: starting the tools (cargo bench --bench analyze builds the native one)...");
const tools = [
  {
    key: "native",
    label: "Parallax native, analyze",
    version: "this tree, PARALLAX_THREADS=1",
    server: new Server("cargo", ["bench", "--locked", "--quiet", "--bench", "analyze", "--", "--serve"], { PARALLAX_THREADS: "1" }),
  },
  {
    key: "wasm",
    label: "Parallax wasm in Node",
    version: `www/pkg, Node ${process.versions.node}`,
    server: new Server(process.execPath, [join(root, "benches/serve.mjs"), "parallax-wasm"]),
  },
  {
    key: "compromise",
    label: "compromise (people/orgs/places)",
    version: version("compromise"),
    server: new Server(process.execPath, [join(root, "benches/serve.mjs"), "compromise"]),
  },
  {
    key: "wink",
    label: "wink-nlp + eng-lite-web-model",
    version: `${version("wink-nlp")} + ${version("wink-eng-lite-web-model")}`,
    server: new Server(process.execPath, [join(root, "benches/serve.mjs"), "wink-nlp"]),
  },
];
for (const t of tools) t.server.send(corpusLine);
const [native, wasm] = tools;

// Words of each text as Parallax counts them (tokens with a letter or digit): one count for
// every tool, so tokens/s compare like with like.
const words = [];
for (let i = 0; i < texts.length; i++) words.push((await native.server.analyze(i)).words);
const corpusBytes = texts.reduce((s, t) => s + utf8Bytes(t), 0);
const corpusWords = words.reduce((s, w) => s + w, 0);

const cpus = os.cpus();
console.log(`make bench, ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`);
console.log(`machine: ${cpus.length} x ${cpus[0]?.model ?? "?"}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")} (shared: figures vary by some per cent run to run)`);
console.log(`corpus: ${texts.length} texts (${corpus.texts.filter((t) => t.name.startsWith("seeds/")).length} seeds + the article text of ${texts.length - corpus.texts.filter((t) => t.name.startsWith("seeds/")).length} Readability pages, tags stripped), ${(corpusBytes / MB).toFixed(3)} MB, ${corpusWords} words; ${rounds} round${rounds === 1 ? "" : "s"} after one warm-up`);
console.log("");

/** Interleaved timing of `servers` over the inputs `indices` (into the array each was sent). */
async function interleaved(servers, indices, bytesOf, wordsOf) {
  const stats = servers.map(() => ({ wall: 0, cpu: 0, bytes: 0, words: 0, kinds: new Map() }));
  for (const i of indices) for (const s of servers) await s.analyze(i); // warm-up
  for (let r = 0; r < rounds; r++) {
    for (const [n, i] of indices.entries()) {
      for (let k = 0; k < servers.length; k++) {
        const which = (n + k + r) % servers.length;
        const got = await servers[which].analyze(i);
        const st = stats[which];
        st.wall += got.wall;
        st.cpu += got.cpu;
        st.bytes += bytesOf(n);
        st.words += wordsOf(n);
        if (r === 0) for (const [kind, c] of got.kinds) st.kinds.set(kind, (st.kinds.get(kind) ?? 0) + c);
      }
    }
  }
  return stats;
}

const fmt = (x, digits = 3) => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x.toPrecision(digits)) : "n/a");
const ratio = (r) => (!Number.isFinite(r) ? "n/a" : r >= 0.2 ? r.toFixed(2) : `1/${Math.round(1 / r)}`);
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);

function table(rows, stats) {
  const perCpu = (st) => st.bytes / MB / st.cpu;
  const base = perCpu(stats[0]);
  const baseWall = stats[0].bytes / MB / stats[0].wall;
  console.log(`${pad("tool", 34)} ${pad("version", 32)} ${lpad("MB/s wall", 9)} ${lpad("MB/CPU-s", 9)} ${lpad("tokens/CPU-s", 12)} ${lpad("vs native", 9)} ${lpad("(wall)", 7)}`);
  rows.forEach((t, k) => {
    const st = stats[k];
    const wall = st.bytes / MB / st.wall;
    console.log(
      `${pad(t.label, 34)} ${pad(t.version, 32)} ${lpad(fmt(wall), 9)} ${lpad(fmt(perCpu(st)), 9)} ${lpad(fmt(st.words / st.cpu / 1000, 3) + "k", 12)} ${lpad(ratio(perCpu(st) / base), 9)} ${lpad(ratio(wall / baseWall), 7)}`,
    );
  });
  console.log("found (mentions, first round):");
  rows.forEach((t, k) => {
    const kinds = [...stats[k].kinds].map(([kind, n]) => `${kind} ${n}`).join(", ");
    console.log(`  ${pad(t.label, 32)} ${kinds || "nothing"}`);
  });
}

console.log("== Peers: article text, one call per article, interleaved ==");
const indices = texts.map((_, i) => i);
const stats = await interleaved(tools.map((t) => t.server), indices, (n) => utf8Bytes(texts[n]), (n) => words[n]);
table(tools, stats);
if (stats.some((s) => Number.isNaN(s.cpu))) console.log("(no thread CPU clock here: native CPU time unknown)");
for (const t of tools.slice(2)) await t.server.quit();

console.log("");
console.log(`== Parallax on the pages' HTML (${pages.length} source.html, ${(pages.reduce((s, p) => s + utf8Bytes(p), 0) / MB).toFixed(3)} MB; MB/s of HTML) ==`);
const htmlWords = [];
for (let j = 0; j < pages.length; j++) htmlWords.push((await native.server.analyze(pageIndex(j))).words);
const htmlRows = [
  { label: "Parallax native, page HTML", version: native.version },
  { label: "Parallax wasm in Node, page HTML", version: wasm.version },
];
table(htmlRows, await interleaved([native.server, wasm.server], pages.map((_, j) => pageIndex(j)), (n) => utf8Bytes(pages[n]), (n) => htmlWords[n]));
await wasm.server.quit();

console.log("");
const stageRuns = [
  ["article text", await native.server.ask(`stages ${rounds} 0 ${texts.length}`)],
  ["page HTML", await native.server.ask(`stages ${rounds} ${texts.length} ${texts.length + pages.length}`)],
].map(([name, json]) => [name, JSON.parse(json)]);
await native.server.quit();
const clock = stageRuns[0][1].clock === "cpu" ? "the thread's CPU time" : "wall time (no CPU clock here)";
console.log(`== Native stages: analyze_staged, one thread, ${rounds} round${rounds === 1 ? "" : "s"}, ${clock} ==`);
console.log(`${pad("stage", 12)} ${stageRuns.map(([name]) => lpad(`${name}: ms`, 19) + lpad("share", 7) + lpad("MB/s", 7)).join(" ")}`);
const stageNames = Object.keys(stageRuns[0][1].stages);
for (const stage of [...stageNames, "all"]) {
  const cells = stageRuns.map(([, run]) => {
    const ns = stage === "all" ? run.totalNs : run.stages[stage];
    return lpad((ns / 1e6 / rounds).toFixed(1), 19) + lpad(((100 * ns) / run.totalNs).toFixed(1) + "%", 7) + lpad(fmt(run.bytes / MB / (ns / 1e9)), 7);
  });
  console.log(`${pad(stage, 12)} ${cells.join(" ")}`);
}
console.log("(ms per round over the corpus; MB/s: the corpus's bytes over that stage's time alone; the clock is read 8 times a call)");
const backToBack = stageRuns[0][1].bytes / MB / (stageRuns[0][1].totalNs / 1e9);
console.log(`Back to back, with no other tool between its calls, native runs at ${fmt(backToBack)} MB/s per CPU-s, against ${fmt(stats[0].bytes / MB / stats[0].cpu)} interleaved above: what coming back to each article after other processes have run costs it (README, Benchmarks: it grows with the time elapsed, asleep or not, on this shared machine).`);

// Size sweep: whole runs of the release CLI, start-up included, under GNU time.
console.log("");
console.log("== Size sweep: parallax analyze FILE --json > /dev/null, PARALLAX_THREADS=1, under /usr/bin/time ==");
const cli = join(target, "release", "parallax");
const dir = join(target, "bench");
mkdirSync(dir, { recursive: true });
/** One run of the CLI on `file`: wall and CPU seconds, peak RSS in bytes. */
function timed(file) {
  const run = spawnSync("/usr/bin/time", ["-f", "%e %U %S %M", cli, "analyze", file, "--json"], {
    env: { ...process.env, PARALLAX_THREADS: "1" },
    stdio: ["ignore", "ignore", "pipe"],
    encoding: "utf8",
  });
  const last = run.stderr.trim().split("\n").pop() ?? "";
  const [wall, user, sys, kb] = last.split(" ").map(Number);
  if (run.status !== 0 || !Number.isFinite(kb)) throw new Error(`${cli} analyze ${file}: ${run.stderr || run.error}`);
  return { wall, cpu: user + sys, rss: kb * 1024 };
}
const startFile = join(dir, "start-up.txt");
writeFileSync(startFile, "Putin met Pezeshkian in Ashgabat.\n");
const start = timed(startFile);
console.log(`start-up (a one-line input): ${start.wall.toFixed(2)} s wall, ${start.cpu.toFixed(2)} CPU-s, peak ${(start.rss / 2 ** 20).toFixed(1)} MiB`);
console.log(`${lpad("input MB", 8)} ${lpad("wall s", 7)} ${lpad("CPU s", 7)} ${lpad("MB/CPU-s", 9)} ${lpad("peak MiB", 9)} ${lpad("B/byte", 7)} ${lpad("net B/byte", 10)}`);
const paragraphs = texts.flatMap((t) => t.split(/\n\s*\n/)).filter((p) => p.trim() !== "");
let last8 = null;
for (const mb of sweepMb) {
  const parts = [];
  let bytes = 0;
  for (let k = 0; bytes < mb * MB; k++) {
    const p = paragraphs[k % paragraphs.length];
    parts.push(p);
    bytes += utf8Bytes(p) + 2;
  }
  const input = parts.join("\n\n");
  const file = join(dir, `sweep-${mb}MB.txt`);
  writeFileSync(file, input);
  const n = utf8Bytes(input);
  // GNU time counts CPU in hundredths of a second: small inputs are run until about 1 MB is done.
  const runs = Math.max(1, Math.round(1 / mb));
  const results = Array.from({ length: runs }, () => timed(file));
  const r = {
    wall: results.reduce((s, x) => s + x.wall, 0) / runs,
    cpu: results.reduce((s, x) => s + x.cpu, 0) / runs,
    rss: Math.max(...results.map((x) => x.rss)),
  };
  const perCpu = n / MB / Math.max(r.cpu - start.cpu, 0.01);
  const row = { mb, n, ...r, perCpu, perByte: r.rss / n, netPerByte: (r.rss - start.rss) / n };
  if (mb === 8) last8 = row;
  console.log(`${lpad(fmt(n / MB, 3), 8)} ${lpad(r.wall.toFixed(2), 7)} ${lpad(r.cpu.toFixed(2), 7)} ${lpad(fmt(perCpu), 9)} ${lpad((r.rss / 2 ** 20).toFixed(0), 9)} ${lpad(fmt(row.perByte), 7)} ${lpad(fmt(row.netPerByte), 10)}`);
}
console.log("(means of runs totalling about 1 MB for the small sizes; MB/CPU-s with start-up's CPU taken off; B/byte: peak RSS per input byte; net: less start-up's peak)");

console.log("");
console.log("== Against issue 14's figures ==");
const perCpu = (k) => stats[k].bytes / MB / stats[k].cpu;
const check = (ok) => (ok ? "met" : "not met");
console.log(`native full analysis >= ${TARGET.native} MB/s per CPU-s: ${fmt(perCpu(0))} (${check(perCpu(0) >= TARGET.native)})`);
console.log(`wasm in Node >= ${TARGET.wasm} MB/s per CPU-s: ${fmt(perCpu(1))} (${check(perCpu(1) >= TARGET.wasm)})`);
const times = perCpu(0) / perCpu(2);
console.log(`native >= ${TARGET.timesCompromise}x compromise: ${times.toFixed(0)}x (${check(times >= TARGET.timesCompromise)})`);
if (last8) {
  console.log(`native peak <= ${TARGET.peakBytesPerByte} B per input byte at 8 MB: ${fmt(last8.perByte)} (${check(last8.perByte <= TARGET.peakBytesPerByte)})`);
}
