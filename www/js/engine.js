// The analysis engine as the page sees it: one module worker (worker.js) holding one instance of
// the wasm core. It is replaced by a fresh worker, and so a fresh instance, whenever the old one
// can no longer be trusted: after a trap, when it dies, or when a long analysis is cancelled.
//
// Why a trap means a new instance: a Rust panic reaches JS as `RuntimeError: unreachable` and a
// stack overflow as a RangeError, and neither unwinds the core. Its stack pointer, allocator and
// lazily built tables stay as the trap left them; after a few hundred panics every later call of
// the old instance fails with "memory access out of bounds". A refused input is different: it
// returns through the core's `Result` and leaves the instance sound.

// Test-only switches, read from the page's query string. Honoured by worker.js: `?test-slow=1`
// holds any call whose input contains "PARALLAX-TEST-SLOW" for a minute (as a long analysis
// would), `?test-crash=1` makes the instance trap for real on "PARALLAX-TEST-TRAP". Honoured
// here: `?test-recycle-mib=N` replaces the worker past N MiB of wasm memory instead of
// RECYCLE_BYTES, so that a test sees a replacement with a smaller, quicker paste than 8 MB.
// tests/browser/engine.test.mjs uses them; without the flags the markers are ordinary text.
const params = new URLSearchParams(location.search);
const TEST = { slow: params.get("test-slow") === "1", crash: params.get("test-crash") === "1" };

// The name worker.js knows a worker by that is handed the compiled core with `{init}`.
const GIVEN_MODULE = "parallax-given-module";

// The compiled core (a WebAssembly.Module), from the first worker that compiled it (worker.js):
// every worker after it instantiates this one without fetching or compiling again.
let compiled = null;

// Calls that trapped a worker, by the digest worker.js gives them, with the message to show in
// their place. Each new worker is told them, so it answers them as failed rather than trying them
// again: the failing input is marked, never resent in a loop. A run makes at most ten calls
// (eight analyses, a comparison, the N-way tables), far fewer than this bound.
const MAX_FAILED_CALLS = 32;
const failedCalls = new Map();

// A wasm instance's memory grows to what its largest input needed and never shrinks: after an
// 8 MB paste (61 MiB) the tab would keep it until closed. A worker whose memory has grown past
// this is replaced by a fresh one (the compiled module is kept, so this costs a few
// milliseconds) as soon as it has answered, and its last answer seeds the new one's caches. A
// long article needs under 10 MiB; 32 leaves room for comparing two.
const RECYCLE_BYTES = (Number(params.get("test-recycle-mib")) || 32) * 2 ** 20;

let worker = null;
let lastSent = null; // the latest request posted, to seed a replacement worker with its answer
let loaded = false; // whether the current worker has said its wasm instance is ready
let hooks = { message() {}, crash() {}, stopped() {}, fatal() {} };
let fatalMessage = null; // kept for `connect`: the first worker starts before anyone listens

function fail(message) {
  worker = null;
  fatalMessage = message;
  hooks.fatal(message);
}

/** The message a trapped call shows: what failed, and that nothing was lost. */
const trapMessage = (error) => `the analysis engine failed on this text (${error}) and was restarted with a fresh instance; the text is kept: edit it to try again`;

function start(seed = null) {
  loaded = false;
  // The first worker is boot.js's, started while the page was still being parsed.
  const early = window.parallaxBoot;
  window.parallaxBoot = undefined;
  let w = early?.worker;
  try {
    w ??= new Worker(new URL("./worker.js", import.meta.url), { type: "module", name: compiled ? GIVEN_MODULE : "" });
  } catch (err) {
    fail(`This browser cannot run the analysis engine (${err.message}). Parallax needs module workers and WebAssembly.`);
    return;
  }
  worker = w;
  w.onmessage = (ev) => { if (w === worker) receive(ev.data); };
  w.onerror = (ev) => {
    ev.preventDefault(); // reported here, not as an uncaught error of the page
    if (w === worker) died(ev.message || "unknown error");
  };
  w.postMessage({ init: { module: compiled, test: TEST, failed: [...failedCalls], seed } });
  // What the first worker said, or how it failed, before this module was evaluated.
  early?.messages.forEach(receive);
  if (early?.errors.length) died(early.errors[0]);
}

/** The current worker stopped with the error `why`. */
function died(why) {
  if (!loaded) {
    // It never got as far as loading the wasm: a new worker would fail the same way.
    worker.terminate();
    fail(`The analysis engine stopped: ${why}. Reload the page to restart it.`);
    return;
  }
  restart();
  hooks.stopped(why);
}

function receive(msg) {
  if (msg.loaded) {
    loaded = true;
    compiled ??= msg.module;
    return;
  }
  if (msg.crashed) {
    failedCalls.delete(msg.crashed.key);
    failedCalls.set(msg.crashed.key, trapMessage(msg.crashed.error));
    while (failedCalls.size > MAX_FAILED_CALLS) failedCalls.delete(failedCalls.keys().next().value);
    console.warn(`Parallax: the analysis engine trapped (${msg.crashed.error}); starting a fresh one.`);
    restart();
    hooks.crash();
    return;
  }
  hooks.message(msg);
  // Only when nothing newer is queued in the worker, which replacing it would lose.
  if (msg.wasmBytes > RECYCLE_BYTES && lastSent?.id === msg.id) {
    const { inputs, restores, pair } = lastSent;
    worker?.terminate();
    start({ inputs, restores, pair, results: msg.results, comparison: msg.comparison });
  }
}

/**
 * Where the engine's news goes: `message(msg)` for answers to `post`, `crash()` after a trap
 * (a fresh worker is already running; post the current request again), `stopped(why)` when
 * the worker died under a request (also restarted), `fatal(message)` when there is no engine.
 */
export function connect(handlers) {
  hooks = { ...hooks, ...handlers };
  if (fatalMessage) hooks.fatal(fatalMessage);
}

/** Sends a request `{id, inputs, pair, restores}` to the worker; false when there is none. */
export function post(request) {
  if (!worker) return false;
  lastSent = request;
  worker.postMessage(request);
  return true;
}

/** Drops the current worker, whatever it is doing, and starts a fresh one. */
export function restart() {
  worker?.terminate();
  start();
}

// At once, while the rest of the page loads: the wasm compiles in the meantime.
start();
