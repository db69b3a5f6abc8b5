// The analysis runs here, off the main thread, so typing never waits for it.
// The page (engine.js) sends `{init}` once, then requests. A refused input comes back as a
// readable message; a trap of the wasm instance is reported with the call that caused it, and
// this worker is finished: the page replaces it with a fresh one (engine.js says why).

let core = null;
// Null once the core is loaded, or the reason it did not load. Requests wait here, in order,
// for the page's `{init}` and the core.
let started;
const ready = new Promise((resolve) => { started = resolve; });
let test = {}; // test-only switches (engine.js)
let failed = new Map(); // digest of a call that trapped an earlier worker -> the message to show

// The name engine.js gives a worker it starts with the compiled core in hand (a replacement,
// which instantiates the page's copy). Any other worker (the first, started by boot.js before
// the page has anything) fetches and compiles the core itself, at once, and hands it to the page.
const GIVEN_MODULE = "parallax-given-module";
const WASM_URL = new URL("../pkg/parallax_bg.wasm", import.meta.url);

// The smallest module using a SIMD instruction (i8x16.splat, wasm-feature-detect's test): the
// core is built for WebAssembly SIMD (wasm-pack.toml), and a browser without it gets this said.
const SIMD_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11]);

/** A browser that cannot run the core: the message says why, with nothing for the reader to rebuild. */
class Unsupported extends Error {}

async function compileCore() {
  if (!WebAssembly.validate(SIMD_PROBE)) {
    throw new Unsupported("its WebAssembly has no SIMD, which the analysis engine is built for (Chrome and Edge 91, Firefox 89 and Safari 16.4 have it)");
  }
  try {
    return await WebAssembly.compileStreaming(fetch(WASM_URL));
  } catch {
    // A server that does not send .wasm as application/wasm: compiled from the bytes instead.
    const resp = await fetch(WASM_URL);
    if (!resp.ok) throw new Error(`${resp.status} ${resp.statusText || "error"} fetching ${WASM_URL.pathname}`);
    return WebAssembly.compile(await resp.arrayBuffer());
  }
}

// The glue and the core are fetched at once, side by side.
const glue = import("../pkg/parallax.js");
glue.catch(() => {}); // reported by load()
const compiling = self.name === GIVEN_MODULE ? null : compileCore();
compiling?.catch(() => {}); // reported by load()
const loading = compiling && load(compiling);

/** Instantiates `module` (a compiled WebAssembly.Module, or a promise of one) and runs it once. */
async function load(module) {
  try {
    const [mod, compiled] = await Promise.all([glue, module]);
    const exports = await mod.default({ module_or_path: compiled });
    core = { analyze: mod.analyze, compare: mod.compare, compareMany: mod.compareMany, exports };
    // The module compiled here goes to the page, which hands it to any replacement of this worker.
    self.postMessage({ loaded: true, module: compiling ? compiled : null });
  } catch (err) {
    if (err instanceof Unsupported) return `Parallax cannot run in this browser: ${err.message}.`;
    return `The analysis engine did not load (${err?.message ?? err}). If you built Parallax yourself, run \`make build\` first.`;
  }
  try {
    // The first call builds the core's tables and runs its code for the first time; doing it
    // now, while the person reads or the example loads, takes that off the first real analysis.
    // A comparison, so the code both analysis and comparison run is ready.
    core.compare("MOSCOW (Reuters) - Vladimir Putin met Masoud Pezeshkian, Tass said.", "Putin met Iran's President Masoud Pezeshkian in Ashgabat, Tass reported.", {});
  } catch (err) {
    if (!isRefusal(err)) return `The analysis engine failed its first run (${err?.message ?? err}). Reload the page to try again.`;
  }
  return null;
}

// Small caches: typing in one pane must not re-analyse the other.
const CACHE_SIZE = 8;
const analyses = new Map();
const comparisons = new Map();

function remember(cache, key, value) {
  cache.delete(key);
  cache.set(key, value);
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value);
  return value;
}

/** A trap of the instance during the call `key`: nothing this worker computes can be trusted after it. */
class Trap extends Error {
  constructor(key, cause) {
    super(String(cause?.stack?.split("\n")[0] ?? cause));
    this.key = key;
  }
}

// The core refuses input by throwing a plain `Error` (a JsError); a trap is a RuntimeError, a
// stack overflow a RangeError, and anything else thrown is as little to be trusted.
const isRefusal = (err) => err instanceof Error && Object.getPrototypeOf(err) === Error.prototype;

/** A short, stable digest of a call's key (cyrb53), so the page keeps no copies of the texts. */
function digest(key) {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `${key.length}:${(h2 >>> 0).toString(36)}${(h1 >>> 0).toString(36)}`;
}

const TEST_SLOW_MARK = "PARALLAX-TEST-SLOW";
const TEST_SLOW_MS = 60_000;
const TEST_TRAP_MARK = "PARALLAX-TEST-TRAP";

/** Test-only (see engine.js): a long call, or a real trap of this instance. */
function testHooks(key) {
  if (test.slow && key.includes(TEST_SLOW_MARK)) {
    // Busy, as a long analysis keeps the worker: no message can interrupt this, only terminate().
    const end = performance.now() + TEST_SLOW_MS;
    while (performance.now() < end) { /* holding the worker */ }
  }
  if (test.crash && key.includes(TEST_TRAP_MARK)) {
    // An impossible allocation (alignment 3) makes the core abort, which traps exactly as a panic does.
    core.exports.__wbindgen_malloc(8, 3);
    throw new WebAssembly.RuntimeError("unreachable (test trap)");
  }
}

/** Runs one core call: `{ok, value, ms}`, `{ok: false, error, ms}` for a refusal; throws a Trap. */
function call(key, fn) {
  const known = failed.size ? failed.get(digest(key)) : undefined;
  if (known) return { ok: false, error: known, crashed: true, ms: 0 };
  const t0 = performance.now();
  try {
    testHooks(key);
    const value = fn();
    return { ok: true, value, ms: performance.now() - t0 };
  } catch (err) {
    if (isRefusal(err)) return { ok: false, error: err.message, ms: performance.now() - t0 };
    throw new Trap(key, err);
  }
}

// A restore list is part of what is analysed: the same text with other passages restored is
// another analysis. Only the byte spans go to the core.
const spans = (restore) => (restore ?? []).map(({ start, end }) => ({ start, end }));
const restoreKey = (restore) => spans(restore).map(({ start, end }) => `${start}-${end}`).join(",");

const analysisKey = (input, restore) => `${restoreKey(restore)}\u0000${input}`;
const comparisonKey = (a, b, restoreA, restoreB) => `${restoreKey(restoreA)}\u0000${restoreKey(restoreB)}\u0000${a.length}:${a}\u0000${b}`;

function analyzeCached(input, restore) {
  const key = analysisKey(input, restore);
  if (analyses.has(key)) return analyses.get(key);
  return remember(analyses, key, call(`analyze\u0000${key}`, () => core.analyze(input, { restore: spans(restore) })));
}

function compareCached(a, b, restoreA, restoreB) {
  const key = comparisonKey(a, b, restoreA, restoreB);
  if (comparisons.has(key)) return comparisons.get(key);
  return remember(comparisons, key, call(`compare\u0000${key}`, () => core.compare(a, b, { restoreA: spans(restoreA), restoreB: spans(restoreB) })));
}

function compareMany(texts) {
  const key = texts.map((t) => `${t.length}:${t}`).join("\u0000");
  return call(`many\u0000${key}`, () => core.compareMany(texts));
}

/**
 * Fills the caches with the answers an earlier worker gave (engine.js replaces a worker whose
 * memory grew large, and hands its last answer on): typing in one pane after a large paste in
 * the other must not analyse the large one again.
 */
function seedCaches(seed) {
  if (!seed) return;
  const { inputs, restores = [], pair, results, comparison } = seed;
  inputs.forEach((input, i) => {
    if (input && results[i]?.ok) remember(analyses, analysisKey(input, restores[i]), results[i]);
  });
  if (pair && comparison?.ok) {
    remember(comparisons, comparisonKey(inputs[pair[0]], inputs[pair[1]], restores[pair[0]], restores[pair[1]]), comparison);
  }
}

function answer({ id, inputs, pair, restores = [] }) {
  const t0 = performance.now();
  let comparison = null;
  if (pair && inputs[pair[0]] && inputs[pair[1]]) comparison = compareCached(inputs[pair[0]], inputs[pair[1]], restores[pair[0]], restores[pair[1]]);
  // The comparison already holds both articles' analyses: reuse them rather than analyse twice.
  const fromComparison = (i) => (comparison?.ok && i === pair[0] ? comparison.value.a : comparison?.ok && i === pair[1] ? comparison.value.b : null);
  const results = inputs.map((input, i) => {
    if (!input) return null;
    const known = fromComparison(i);
    return known ? { ok: true, value: known, ms: 0 } : analyzeCached(input, restores[i]);
  });
  let many = null;
  const filled = inputs.filter(Boolean);
  if (filled.length >= 3 && typeof core.compareMany === "function") many = compareMany(filled);
  // The size of the instance's memory, which never shrinks: engine.js replaces a worker past its
  // bound once the answer is in.
  const wasmBytes = core.exports.memory.buffer.byteLength;
  return { id, results, comparison, many, ms: performance.now() - t0, wasmBytes };
}

self.onmessage = async (event) => {
  if (event.data.init) {
    ({ test } = event.data.init);
    failed = new Map(event.data.init.failed);
    started(loading ?? load(event.data.init.module ?? compileCore()));
    seedCaches(event.data.init.seed);
    return;
  }
  const { id } = event.data;
  const failure = await ready;
  if (failure) {
    self.postMessage({ id, fatal: failure });
    return;
  }
  try {
    self.postMessage(answer(event.data));
  } catch (err) {
    if (!(err instanceof Trap)) throw err;
    self.postMessage({ id, crashed: { key: digest(err.key), error: err.message } });
    self.close(); // this instance is done; the page starts a fresh worker
  }
};
