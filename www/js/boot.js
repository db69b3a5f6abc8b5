// The first thing the page runs: a classic script, first in <head>, so it runs while the HTML is
// still being parsed, before the stylesheet, the modules and the first layout. It starts the
// analysis worker, which fetches and compiles the core and runs it once (worker.js) on its own
// thread while the page sets itself up. engine.js, a module evaluated much later, adopts this
// worker (its `start`), with anything it said or any error it had in the meantime.
"use strict";
(() => {
  const early = { worker: null, messages: [], errors: [] };
  try {
    early.worker = new Worker(new URL("worker.js", document.currentScript.src), { type: "module" });
  } catch {
    return; // engine.js tries again and reports why it fails
  }
  early.worker.onmessage = (ev) => early.messages.push(ev.data);
  early.worker.onerror = (ev) => {
    ev.preventDefault(); // engine.js reports it
    early.errors.push(ev.message || "unknown error");
  };
  window.parallaxBoot = early;
})();
