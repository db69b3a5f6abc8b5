// Keeping and sharing work: downloads (JSON, CSV), the share link, and drafts.
// The share link carries everything in the URL fragment, which browsers never send to a server.

const DRAFT_KEY = "parallax:draft:v1";
const SHARE_PREFIX = "#share=";
// Chromium accepts URLs up to 2 MB; beyond that a link is refused rather than silently cut.
export const MAX_SHARE_URL = 2_000_000;

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

/** One CSV field, quoted when it needs to be (RFC 4180); formula-looking cells are defused. */
function csvField(value) {
  let s = value === null || value === undefined ? "" : String(value);
  // A spreadsheet would run a cell starting with = + - @ as a formula: names come from pasted text.
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
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

async function pipe(bytes, stream) {
  const out = new Blob([bytes]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

/** The share link for `state` (articles and settings), compressed into the fragment. */
export async function shareUrl(state) {
  const json = new TextEncoder().encode(JSON.stringify({ v: 1, ...state }));
  const packed = await pipe(json, new CompressionStream("deflate-raw"));
  const url = new URL(location.href);
  url.hash = SHARE_PREFIX.slice(1) + base64url(packed);
  return url.href;
}

/** The state carried by the current URL's fragment, or null when there is none. Throws on a damaged link. */
export async function readShared(hash = location.hash) {
  if (!hash.startsWith(SHARE_PREFIX)) return null;
  const bytes = unbase64url(hash.slice(SHARE_PREFIX.length));
  const json = await pipe(bytes, new DecompressionStream("deflate-raw"));
  const state = JSON.parse(new TextDecoder().decode(json));
  if (state?.v !== 1 || !Array.isArray(state.articles)) throw new Error("this link is not a Parallax share link");
  return state;
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
