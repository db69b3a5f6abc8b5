// Keeping and sharing work: downloads (JSON, CSV), the share link, and drafts.
// The share link carries everything in the URL fragment, which browsers never send to a server.

import { letter } from "./dom.js";
import { MAX_INPUT_BYTES, MAX_PANES, MAX_SHARE_URL, MAX_SHARED_JSON_BYTES, MAX_RESTORED_SPANS, MAX_NAME_CHARS } from "./limits.js";

const DRAFT_KEY = "parallax:draft:v1";
const SHARE_PREFIX = "#share=";
// The link is inflated this many bytes of it at a time, the output counted in between: deflate
// expands a chunk at most 1032 times, so the count overshoots the limit by at most 4 MB.
const INFLATE_STEP = 4096;

/** A share link refused for what it holds (too large, too many articles), not for being damaged. */
export class LinkRefused extends Error {}

const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

/** Offers `content` as a file download. */
export function download(name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// A spreadsheet runs a cell as a formula when it starts with = + - @ (or their full-width forms,
// which some fold to ASCII), and some skip leading spaces and control characters before they
// look; OWASP's "CSV Injection" also lists a leading tab and CR. Names and headlines come from
// pasted text, so such a cell is prefixed with ' and stays text.
const FORMULA = /^[\s\p{Cc}\p{Cf}]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^\p{Cc}/u;
// Quoted when it holds a separator of any locale (",", and ";" where "," is the decimal comma),
// a quote, or a line break (RFC 4180).
const NEEDS_QUOTES = /[",;\t\r\n]/;

/** One CSV field: formula-looking text defused, NUL replaced by U+FFFD, quoted when needed. */
export function csvField(value) {
  // Numbers are ours (counts, shares), not pasted text: a negative one stays a number.
  if (typeof value === "number") return String(value);
  let s = value === null || value === undefined ? "" : String(value);
  if (FORMULA.test(s)) s = `'${s}`;
  s = s.replaceAll("\0", "\uFFFD");
  return NEEDS_QUOTES.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** CSV text from a header row and data rows. */
export function toCsv(header, rows) {
  return [header, ...rows].map((r) => r.map(csvField).join(",")).join("\r\n") + "\r\n";
}

function base64url(bytes) {
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function unbase64url(s) {
  const bin = atob(s.replaceAll("-", "+").replaceAll("_", "/"));
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

async function compress(bytes) {
  const out = new Blob([bytes]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(out).arrayBuffer());
}

/**
 * Inflates `bytes`, refusing output beyond `limit` bytes. The input goes in small steps, each
 * written only when the output so far has been read (a TransformStream holds one step's output
 * at a time), so a crafted link is stopped a few MB past the limit instead of filling memory.
 */
async function inflate(bytes, limit) {
  const stream = new DecompressionStream("deflate-raw");
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  const writing = (async () => {
    for (let i = 0; i < bytes.length; i += INFLATE_STEP) await writer.write(bytes.subarray(i, i + INFLATE_STEP));
    await writer.close();
  })();
  writing.catch(() => {}); // its errors reach the reader too; cancelling below ends it
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new LinkRefused(`it unpacks to more than ${Math.round(limit / 1e6)} MB, more than any link Parallax makes`);
    }
    chunks.push(value);
  }
  await writing;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.length; }
  return out;
}

/** Whether `s` is over `limit` UTF-8 bytes; encoded only when its length alone cannot tell. */
function utf8Over(s, limit) {
  if (s.length * 3 <= limit) return false;
  if (s.length > limit) return true;
  return new TextEncoder().encode(s).length > limit;
}

/**
 * A share link's state checked before any of it is used: the shape, the number of articles,
 * each string's size, the restore lists' lengths. Returns the state with only the known fields.
 */
function checkShared(state) {
  if (state?.v !== 1 || !Array.isArray(state.articles) || state.articles.some((a) => typeof a !== "object" || a === null)) throw new Error("this link is not a Parallax share link");
  const n = state.articles.length;
  if (n === 0 || n > MAX_PANES) throw new LinkRefused(`it carries ${n} articles, and Parallax opens 1 to ${MAX_PANES}`);
  const articles = state.articles.map((a, i) => {
    const article = {};
    for (const field of ["text", "html"]) {
      if (a[field] === undefined || a[field] === null) continue;
      if (typeof a[field] !== "string") throw new Error("this link is not a Parallax share link");
      if (utf8Over(a[field], MAX_INPUT_BYTES)) throw new LinkRefused(`article ${letter(i)} is larger than the ${Math.round(MAX_INPUT_BYTES / 1e6)} MB Parallax reads at once`);
      article[field] = a[field];
    }
    if (typeof a.name === "string") article.name = a.name.slice(0, MAX_NAME_CHARS);
    if (a.restored !== undefined) {
      if (!Array.isArray(a.restored) || a.restored.length > MAX_RESTORED_SPANS) throw new LinkRefused(`article ${letter(i)} restores more passages than an article has`);
      article.restored = a.restored;
    }
    return article;
  });
  const settings = typeof state.settings === "object" && state.settings !== null && !Array.isArray(state.settings) ? state.settings : {};
  return { v: 1, articles, settings };
}

/** The share link for `state` (articles and settings), compressed into the fragment. */
export async function shareUrl(state) {
  const json = new TextEncoder().encode(JSON.stringify({ v: 1, ...state }));
  if (json.length > MAX_SHARED_JSON_BYTES) throw new LinkRefused(`these articles are ${mb(json.length)}; a link carries at most ${mb(MAX_SHARED_JSON_BYTES)}, so export JSON instead`);
  const packed = await compress(json);
  const url = new URL(location.href);
  url.hash = SHARE_PREFIX.slice(1) + base64url(packed);
  return url.href;
}

/**
 * The state carried by the current URL's fragment, or null when there is none. Throws
 * LinkRefused for a link over a limit (checked before inflating, while inflating, and on what
 * it holds), and an Error for a damaged one.
 */
export async function readShared(hash = location.hash) {
  if (!hash.startsWith(SHARE_PREFIX)) return null;
  const packed = hash.slice(SHARE_PREFIX.length);
  // No link Parallax makes is longer: refuse before decoding a byte of it.
  if (packed.length > MAX_SHARE_URL) throw new LinkRefused(`it is ${mb(packed.length)} long, longer than any link Parallax makes (${mb(MAX_SHARE_URL)})`);
  const json = await inflate(unbase64url(packed), MAX_SHARED_JSON_BYTES);
  return checkShared(JSON.parse(new TextDecoder().decode(json)));
}

/** Saves the draft; returns an error message when the browser refuses (e.g. over its quota). */
export function saveDraft(state) {
  try {
    localStorage.setItem(DRAFT_KEY, JSON.stringify({ v: 1, ...state }));
    return null;
  } catch (err) {
    try { localStorage.removeItem(DRAFT_KEY); } catch { /* storage unavailable altogether */ }
    return err?.name === "QuotaExceededError"
      ? "These articles are too large to keep as a draft in this browser; they will be lost on reload."
      : `Drafts cannot be kept in this browser (${err?.message ?? err}).`;
  }
}

export function loadDraft() {
  try {
    const state = JSON.parse(localStorage.getItem(DRAFT_KEY) ?? "null");
    return state?.v === 1 && Array.isArray(state.articles) ? state : null;
  } catch {
    return null;
  }
}
