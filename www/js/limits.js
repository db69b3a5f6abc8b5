// Sizes the page refuses beyond, in one place, each with its reason.

/** The core refuses inputs over this many UTF-8 bytes (`MAX_INPUT_BYTES` in src/analysis.rs). */
export const MAX_INPUT_BYTES = 10 << 20;

/** Articles side by side: more panes stop being readable, and the N-way tables stop fitting. */
export const MAX_PANES = 8;

/** Chromium accepts URLs up to 2 MB; beyond that a share link is refused rather than silently cut. */
export const MAX_SHARE_URL = 2_000_000;

/**
 * What a share link may unpack to. A link we make holds at most MAX_SHARE_URL of deflated text
 * (prose deflates three to five times), so this is generous for real links, and it stops a small
 * crafted link from unpacking to gigabytes (deflate expands up to 1032 times: 1.4 MB -> 1.4 GB).
 */
export const MAX_SHARED_JSON_BYTES = 32_000_000;

/** Restored passages per article in a link: real articles have a few dozen removed passages. */
export const MAX_RESTORED_SPANS = 4096;

/** A file (or example) name shown in a pane. */
export const MAX_NAME_CHARS = 1000;
