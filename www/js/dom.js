// Building DOM nodes without ever parsing markup: every string lands in a text node, so
// pasted articles (which may carry <script>, onerror=, javascript: links) can never inject.

/**
 * Creates an element. `props`: `class`, `text`, `dataset`, `attrs` (setAttribute), `on`
 * (event listeners), `style` (CSSOM properties, allowed under our CSP) and plain properties.
 * `children`: nodes, strings (become text nodes), arrays, or null/false (skipped).
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  // `for...in` over the props' own keys (object literals), not `Object.entries`: the page builds
  // a thousand elements for a comparison, much of it in code run for the first time.
  for (const key in props) {
    const value = props[key];
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") el.className = Array.isArray(value) ? value.filter(Boolean).join(" ") : value;
    else if (key === "text") el.textContent = String(value);
    else if (key === "dataset") Object.assign(el.dataset, value);
    else if (key === "attrs") for (const [a, v] of Object.entries(value)) { if (v !== undefined && v !== null && v !== false) el.setAttribute(a, v === true ? "" : String(v)); }
    else if (key === "on") for (const [type, fn] of Object.entries(value)) el.addEventListener(type, fn);
    else if (key === "style") for (const [p, v] of Object.entries(value)) el.style.setProperty(p, String(v));
    else el[key] = value;
  }
  if (children.length) append(el, children);
  return el;
}

/** Appends children (nodes, strings, nested arrays; null/false skipped). */
export function append(parent, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** An SVG element (same props as `h`, attributes only). */
export function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [a, v] of Object.entries(attrs)) if (v !== undefined && v !== null) el.setAttribute(a, String(v));
  append(el, children);
  return el;
}

/** Removes every child of `el`. */
export function clear(el) {
  el.replaceChildren();
  return el;
}

export const KINDS = ["PER", "ORG", "LOC", "MISC"];
export const KIND_LABEL = { PER: "person", ORG: "organisation", LOC: "place", MISC: "other" };
export const KIND_PLURAL = { PER: "People", ORG: "Organisations", LOC: "Places", MISC: "Other" };

/** A small type badge: the colour plus the type's letters, so colour is never the only cue. */
export function kindBadge(kind) {
  return h("span", { class: ["kind", `k-${kind}`], text: kind, title: KIND_LABEL[kind] ?? kind });
}

/**
 * Whole numbers with thousands separators, "12,345", as `Intl.NumberFormat("en")` writes them,
 * but without it: its first use loads the locale data, 15-20 ms of the page's start-up.
 */
export const fmt = { format: (n) => String(Math.round(Number(n) || 0)).replace(/\B(?=(\d{3})+(?!\d))/g, ",") };
export const pct = (x) => `${Math.round((Number(x) || 0) * 100)}%`;

/** Letter of the n-th article: A, B, C, ... */
export const letter = (i) => String.fromCharCode(65 + i);

/** How a scroll the page makes moves: smoothly, unless the reader asked for less motion (CSS's
 *  `scroll-behavior` does not reach a script's `behavior: "smooth"`). */
export const smoothly = () => (matchMedia("(prefers-reduced-motion: reduce)").matches ? "instant" : "smooth");
