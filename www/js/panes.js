// One article pane: a text box that takes typing, paste (plain text, or a web page's HTML kept
// for the core to read), drag-and-drop and "Open file…", and says what it holds.

import { h, fmt } from "./dom.js";
import { MAX_INPUT_BYTES, MAX_RESTORED_SPANS } from "./limits.js";

// Files beyond what the core reads are not read at all (`file.size` is known before reading):
// reading a huge file just to refuse it would freeze the tab, and would replace the pane's text.
const MAX_FILE_BYTES = MAX_INPUT_BYTES;

/** An error message from the core as a sentence: capital first letter, full stop. */
export const sentence = (msg) => {
  const s = String(msg).trim();
  return s ? s[0].toUpperCase() + s.slice(1) + (/[.!?]$/.test(s) ? "" : ".") : s;
};

let serial = 0;

const offset = (n) => Number.isInteger(n) && n >= 0;

/** The well-formed entries of a restore list read from a draft or a share link. */
function validRestored(list) {
  if (!Array.isArray(list)) return [];
  return list.slice(0, MAX_RESTORED_SPANS)
    .filter((r) => offset(r?.start) && offset(r?.end) && r.start < r.end && offset(r.startUtf16) && offset(r.endUtf16))
    .map(({ start, end, startUtf16, endUtf16, reason }) => ({ start, end, startUtf16, endUtf16, reason: typeof reason === "string" ? reason : "boilerplate" }));
}

export class Pane {
  /**
   * @param {HTMLTemplateElement} template  #pane-template
   * @param {{onChange: (delay?: number) => void, onRemove: (pane: Pane) => void, onRefuse: (message: string) => void}} hooks
   *   onChange(0) asks for an analysis now, onChange() after the typing pause; onRefuse(message)
   *   says a file was not read (the pane shows it too).
   */
  constructor(template, { onChange, onRemove, onRefuse = () => {} }) {
    const node = template.content.firstElementChild.cloneNode(true);
    const uid = ++serial;
    this.el = node;
    this.ta = node.querySelector(".pane-text");
    this.labelEl = node.querySelector(".pane-label");
    this.badge = node.querySelector(".letter-badge");
    this.size = node.querySelector(".pane-size");
    this.note = node.querySelector(".pane-note");
    this.file = node.querySelector(".pane-file");
    this.removeButton = node.querySelector(".pane-remove");
    this.html = null; // the clipboard's text/html when a page was pasted whole
    this.name = null; // the file (or example) the text came from
    this.error = null; // why the core refused the text
    this.refusal = null; // why a file was not read, until the pane's content changes
    this.onRefuse = onRefuse;
    // Removed passages the reader put back into the story, with the input they index.
    this.restoredFor = { input: null, list: [] };
    this.onChange = onChange;
    this.ta.id = `pane-text-${uid}`;
    this.labelEl.htmlFor = this.ta.id;
    this.note.id = `pane-note-${uid}`;

    this.ta.addEventListener("input", () => {
      if (this.html !== null) { this.html = null; this.name = null; }
      this.refusal = null;
      // Restored spans index the old text: an edit forgets them (undo does not bring them back).
      this.restoredFor = { input: null, list: [] };
      this.refresh();
      onChange();
    });
    this.ta.addEventListener("paste", (ev) => this.onPaste(ev));
    node.querySelector(".pane-open").addEventListener("click", () => this.file.click());
    this.file.addEventListener("change", () => { if (this.file.files[0]) this.readFile(this.file.files[0]); this.file.value = ""; });
    node.querySelector(".pane-clear").addEventListener("click", () => { this.set({ text: "" }); this.ta.focus(); onChange(0); });
    this.removeButton.addEventListener("click", () => onRemove(this));
    const drop = node.querySelector(".drop");
    drop.addEventListener("dragover", (ev) => {
      if (![...ev.dataTransfer.types].includes("Files")) return;
      ev.preventDefault();
      ev.dataTransfer.dropEffect = "copy";
      drop.classList.add("over");
    });
    drop.addEventListener("dragleave", () => drop.classList.remove("over"));
    drop.addEventListener("drop", (ev) => {
      drop.classList.remove("over");
      const file = ev.dataTransfer.files?.[0];
      if (!file) return;
      ev.preventDefault();
      this.readFile(file);
    });
    this.refresh();
  }

  /** What goes to the core: the page's HTML when one was pasted, else the text; null when empty. */
  get input() {
    const value = this.html ?? this.ta.value;
    return value.trim() ? value : null;
  }

  /**
   * Removed passages restored to the story, `{start, end, startUtf16, endUtf16, reason}`: only
   * while the input they were picked in is unchanged, since their offsets index it.
   */
  get restored() {
    return this.restoredFor.input === this.input ? this.restoredFor.list : [];
  }

  /** Restores the removed passage `cut`, or sets it aside again when it is restored. */
  toggleRestored(cut) {
    const list = this.restored;
    const same = (r) => r.start === cut.start && r.end === cut.end;
    const next = list.some(same) ? list.filter((r) => !same(r)) : [...list, cut].sort((x, y) => x.start - y.start);
    this.restoredFor = { input: this.input, list: next };
  }

  /** Replaces the content (no analysis is asked for). `restored` comes from a draft or link. */
  set({ text = "", html = null, name = null, restored = [] }) {
    this.ta.value = text;
    this.html = html;
    this.name = name;
    this.error = null;
    this.refusal = null;
    this.restoredFor = { input: this.input, list: validRestored(restored) };
    this.refresh();
  }

  /** Names the pane A, B, C... */
  label(letterName, removable) {
    this.badge.textContent = letterName;
    this.labelEl.textContent = `Article ${letterName}`;
    this.el.dataset.letter = letterName;
    this.ta.placeholder = letterName === "A"
      ? "Paste an article here: plain text, or copied from a news page."
      : letterName === "B" ? "Paste another outlet's article about the same story." : "Paste one more article to compare.";
    this.removeButton.hidden = !removable;
    this.removeButton.setAttribute("aria-label", `Remove article ${letterName}`);
    this.el.querySelector(".pane-clear").setAttribute("aria-label", `Clear article ${letterName}`);
    this.el.querySelector(".pane-open").setAttribute("aria-label", `Open file… as article ${letterName}`);
  }

  /** Shows the core's refusal (or clears it). */
  showError(error) {
    if (error === this.error) return;
    this.error = error;
    this.refresh();
  }

  refresh() {
    const n = this.html?.length ?? this.ta.value.length;
    this.size.textContent = n ? `${fmt.format(n)} characters${this.html !== null ? " of HTML" : ""}` : "";
    const parts = [];
    this.note.classList.toggle("error", Boolean(this.refusal || this.error));
    if (this.refusal) {
      this.note.setAttribute("role", "alert");
      parts.push(h("strong", { text: "Not opened. " }), sentence(this.refusal));
    } else if (this.error) {
      this.note.setAttribute("role", "alert");
      parts.push(h("strong", { text: "Not analysed. " }), sentence(this.error));
    } else {
      this.note.removeAttribute("role");
      if (this.html !== null) {
        parts.push(`${this.name ? `Read from ${this.name}` : "Pasted from a web page"}: Parallax reads the page's HTML, so it can find the headline and date and drop boilerplate. `,
          h("button", { type: "button", class: "link", text: "Use the plain text instead", on: { click: () => { this.html = null; this.name = null; this.refresh(); this.onChange(0); } } }));
      } else if (this.name) {
        parts.push(`Read from ${this.name}.`);
      }
    }
    this.note.replaceChildren(...parts);
    this.note.hidden = parts.length === 0;
    if (this.note.hidden) this.ta.removeAttribute("aria-describedby");
    else this.ta.setAttribute("aria-describedby", this.note.id);
  }

  onPaste(ev) {
    const data = ev.clipboardData;
    if (!data) return;
    const html = data.getData("text/html");
    const plain = data.getData("text/plain");
    const ta = this.ta;
    const replacesAll = ta.value.trim() === "" || (ta.selectionStart === 0 && ta.selectionEnd === ta.value.length);
    // A page copied whole keeps its HTML for the core to read; a snippet pasted into the middle
    // of an article is just text.
    if (html.trim() && replacesAll) {
      ev.preventDefault();
      this.set({ text: plain || html, html });
      this.onChange(0);
      return;
    }
    if (!ev.isTrusted && plain) {
      // A paste event the browser did not raise itself (an extension, an assistive tool) has no
      // default action: insert the text ourselves.
      ev.preventDefault();
      ta.setRangeText(plain, ta.selectionStart, ta.selectionEnd, "end");
      ta.dispatchEvent(new Event("input", { bubbles: true }));
    }
  }

  async readFile(file) {
    if (file.size > MAX_FILE_BYTES) {
      // The pane keeps what it held; the file is not read at all. Sizes in MiB, as the core's.
      this.refuse(`the file ${file.name} is ${(Math.ceil(file.size / 2 ** 20 * 10) / 10).toFixed(1)} MiB, more than the ${MAX_FILE_BYTES / 2 ** 20} MiB Parallax reads at once; open a single article`);
      return;
    }
    try {
      // An HTML file goes to the core as it is (the core reads HTML); the box shows its source.
      this.set({ text: await file.text(), name: file.name });
      this.onChange(0);
    } catch (err) {
      this.refuse(`the file ${file.name} could not be read (${err.message})`);
    }
  }

  /** Says a file was not read, here and through onRefuse, until the pane's content changes. */
  refuse(message) {
    this.refusal = message;
    this.refresh();
    this.onRefuse(sentence(message));
  }
}
