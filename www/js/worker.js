// The analysis runs here, off the main thread, so typing never waits for it.
// The wasm module is initialised once; every call is wrapped so a refused input or a core bug
// comes back as a readable message instead of killing the worker.

let core = null;
const ready = (async () => {
  try {
    const mod = await import("../pkg/parallax.js");
    await mod.default();
    core = mod;
    return null;
  } catch (err) {
    return `The analysis engine did not load (${err?.message ?? err}). If you built Parallax yourself, run \`make build\` first.`;
  }
})();

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

function timed(fn) {
  const t0 = performance.now();
  try {
    const value = fn();
    return { ok: true, value, ms: performance.now() - t0 };
  } catch (err) {
    return { ok: false, error: err?.message ?? String(err), ms: performance.now() - t0 };
  }
}

// A restore list is part of what is analysed: the same text with other passages restored is
// another analysis. Only the byte spans go to the core.
const spans = (restore) => (restore ?? []).map(({ start, end }) => ({ start, end }));
const restoreKey = (restore) => spans(restore).map(({ start, end }) => `${start}-${end}`).join(",");

function analyzeCached(input, restore) {
  const key = `${restoreKey(restore)}\u0000${input}`;
  if (analyses.has(key)) return analyses.get(key);
  return remember(analyses, key, timed(() => core.analyze(input, { restore: spans(restore) })));
}

function compareCached(a, b, restoreA, restoreB) {
  const key = `${restoreKey(restoreA)}\u0000${restoreKey(restoreB)}\u0000${a.length}:${a}\u0000${b}`;
  if (comparisons.has(key)) return comparisons.get(key);
  return remember(comparisons, key, timed(() => core.compare(a, b, { restoreA: spans(restoreA), restoreB: spans(restoreB) })));
}

self.onmessage = async (event) => {
  const { id, inputs, pair, restores = [] } = event.data;
  const failure = await ready;
  if (failure) {
    self.postMessage({ id, fatal: failure });
    return;
  }
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
  if (filled.length >= 3 && typeof core.compareMany === "function") many = timed(() => core.compareMany(filled));
  self.postMessage({ id, results, comparison, many, ms: performance.now() - t0 });
};
