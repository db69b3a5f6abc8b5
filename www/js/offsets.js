// The core speaks UTF-8 byte offsets; JS strings are UTF-16. The wasm boundary adds
// `startUtf16`/`endUtf16` beside every span it knows about; this fills in any span that arrives
// without them (e.g. a field added to the core before the boundary learnt of it), so the page
// never slices a string with byte offsets.

/** Fills `startUtf16`/`endUtf16` on every loc in `locs` that lacks them, in one ascending pass. */
export function fillUtf16(text, locs) {
  const todo = locs.filter((l) => l && typeof l.start === "number" && typeof l.startUtf16 !== "number");
  if (todo.length === 0) return;
  const wanted = [...new Set(todo.flatMap((l) => [l.start, l.end]))].sort((x, y) => x - y);
  const map = new Map();
  let byte = 0;
  let unit = 0;
  let w = 0;
  for (const ch of text) {
    while (w < wanted.length && wanted[w] <= byte) map.set(wanted[w++], unit);
    if (w === wanted.length) break;
    const cp = ch.codePointAt(0);
    byte += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    unit += ch.length;
  }
  while (w < wanted.length) map.set(wanted[w++], unit);
  for (const l of todo) {
    l.startUtf16 = map.get(l.start);
    l.endUtf16 = map.get(l.end);
  }
}

/** Every object under `value` that looks like a span ({start, end} numbers). */
export function collectLocs(value, out = []) {
  if (Array.isArray(value)) for (const v of value) collectLocs(v, out);
  else if (value && typeof value === "object") {
    if (typeof value.start === "number" && typeof value.end === "number") out.push(value);
    for (const v of Object.values(value)) if (v && typeof v === "object") collectLocs(v, out);
  }
  return out;
}
