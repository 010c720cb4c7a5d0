import { randomUUID } from "node:crypto";
import type { MarkedExtension, Token, TokenizerExtension, RendererExtension, Tokens } from "marked";

/**
 * Footnotes as pandoc, kramdown (the legacy Jekyll site) and GitHub write them: a call `[^1]` in the
 * text and its note on a line of its own, `[^1]: La nota.` (more paragraphs indented by four spaces).
 *
 * The page prints each call as a superscript number linking to its note, and the notes at the end of
 * the body in an ordered list, each with a link back to its call («Volver al texto»), inside a section
 * headed «Notas» (`notesOpening`). Notes are
 * numbered in the order they are first called, whatever their labels; a note nobody calls comes last,
 * without a link back (check says so, model/body-references.ts), and a call without a note stays text.
 *
 * Ids are `fn:N` (a note) and `fnref:N` (its first call; `fnref:N:2` the second…), as kramdown wrote
 * them: a heading's anchor never holds `:` (policy/anchors.ts), nor does any id of the layout, so
 * they cannot collide. The calls' numbers and the links back are left out of the search index
 * (`data-pagefind-ignore`: «nota1» is no word) and of the plain text. The sanitizer keeps these ids,
 * the links' `aria-label` and `data-pagefind-ignore` there only (markdown.ts), and the notes' section
 * and heading only as this file writes them (`keptNotesAttributes`).
 *
 * marked-footnote was considered: it keeps its state in the extension between documents and resets
 * it only in `walkTokens`, which `marked.lexer` (what bodies are made with) never runs; it adds a
 * token to every body, and fails on the inline lexer alone. Hence this small extension.
 */

/** A call of a note, numbered once the whole body is read (`arrangeFootnotes`). */
export interface FootnoteRefToken {
  type: "footnoteRef";
  raw: string;
  label: string;
  /** The note's number (1, 2…). */
  number?: number;
  /** Which call of that note this is (1 for the first). */
  occurrence?: number;
}

/** A note's definition: where it was written, and then (arranged) in the notes at the end. */
export interface FootnoteToken {
  type: "footnote";
  raw: string;
  label: string;
  tokens: Token[];
  number?: number;
  /** How many calls it has: one link back for each. */
  calls?: number;
}

/** The notes at the end of a body, in order. */
export interface FootnotesToken {
  type: "footnotes";
  raw: string;
  tokens: FootnoteToken[];
}

/** A label as matched: labels are compared without case, like link labels. */
export function footnoteKey(label: string): string {
  return label.toLowerCase();
}

/** Whether a text can be a note's label, as in `[^label]` and `[^label]:`: not empty, no whitespace (nor `]`). */
export function isFootnoteLabel(label: string): boolean {
  return /^[^\s\]]+$/.test(label);
}

/** A label as a note can take it (`nota 1` → `nota-1`): its whitespace as hyphens; undefined when nothing is left (`[^]`). */
export function acceptedFootnoteLabel(label: string): string | undefined {
  return label.trim().replace(/\s+/g, "-") || undefined;
}

/** A definition's first line: `[^label]:` (labels hold no space nor `]`: `isFootnoteLabel`). */
const DEFINITION = /^ {0,3}\[\^([^\s\]]+)\]:[ \t]*/;
/** Where the first definition of a text starts, at the start of a line. */
const DEFINITION_START = /(?:^|\n) {0,3}\[\^[^\s\]]+\]:/;
/** A call: `[^label]`. */
const REFERENCE = /^\[\^([^\s\]]+)\]/;
/** A line that ends a note's paragraph (as it does a paragraph): a heading, quote, list, fence, rule or tag. */
const INTERRUPTS = /^ {0,3}(?:#{1,6}(?:[ \t]|$)|>|[-*+][ \t]|\d{1,9}[.)][ \t]|```|~~~|(?:[-*_][ \t]*){3,}$|<)/;
const INDENTED = /^(?: {4}|\t)/;
const BLANK = /^[ \t]*$/;

/** The labels a body defines, by the body's top-level token list (what the inline lexer sees as `this.lexer.tokens`). */
const definedLabels = new WeakMap<Token[], Set<string>>();

/**
 * A definition's lines: the first, the lines right after it (lazily continued or indented) up to a
 * blank line, a line that starts another definition or one that would end a paragraph; past a blank
 * line, only lines indented by four spaces or a tab (another paragraph of the note). Indented lines
 * lose that indentation.
 */
function definitionSource(src: string): { raw: string; label: string; content: string } | undefined {
  const first = DEFINITION.exec(src);
  if (!first) return undefined;
  const lines = src.split("\n");
  const content = [lines[0]!.slice(first[0].length)];
  let used = 1;
  let afterBlank = false;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (BLANK.test(line)) {
      afterBlank = true;
      continue;
    }
    if (afterBlank ? !INDENTED.test(line) : !INDENTED.test(line) && (DEFINITION.test(line) || INTERRUPTS.test(line))) break;
    // Blank lines inside the note are kept; those after it are not the note's.
    for (let j = used; j < i; j++) content.push("");
    content.push(line.replace(INDENTED, ""));
    used = i + 1;
    afterBlank = false;
  }
  let raw = lines.slice(0, used).join("\n");
  if (used < lines.length) raw += "\n";
  return { raw, label: first[1]!, content: content.join("\n") };
}

const definition: TokenizerExtension & RendererExtension = {
  name: "footnote",
  level: "block",
  start(src) {
    if (!src.includes("[^")) return undefined;
    const m = DEFINITION_START.exec(src);
    return m ? m.index + (m[0].startsWith("\n") ? 1 : 0) : undefined;
  },
  tokenizer(src) {
    const found = definitionSource(src);
    if (!found) return undefined;
    const all = this.lexer.tokens;
    let labels = definedLabels.get(all);
    if (!labels) definedLabels.set(all, (labels = new Set()));
    labels.add(footnoteKey(found.label));
    // A note's text is paragraphs, even when it is written inside a list item (as marked does for quotes).
    const top = this.lexer.state.top;
    this.lexer.state.top = true;
    const token: FootnoteToken = { type: "footnote", raw: found.raw, label: found.label, tokens: this.lexer.blockTokens(found.content, []) };
    this.lexer.state.top = top;
    return token as unknown as Tokens.Generic;
  },
  // Definitions are moved to the notes at the end (`arrangeFootnotes`); one left in place prints nothing.
  renderer() {
    return "";
  },
};

const reference: TokenizerExtension & RendererExtension = {
  name: "footnoteRef",
  level: "inline",
  tokenizer(src) {
    // A call inside a link's text would put a link in a link: it stays text there.
    if (src.charCodeAt(0) !== 0x5b || this.lexer.state.inLink) return undefined;
    const m = REFERENCE.exec(src);
    if (!m || !definedLabels.get(this.lexer.tokens)?.has(footnoteKey(m[1]!))) return undefined;
    const token: FootnoteRefToken = { type: "footnoteRef", raw: m[0], label: m[1]! };
    return token as unknown as Tokens.Generic;
  },
  renderer(token) {
    const { number, occurrence } = token as unknown as FootnoteRefToken;
    if (number === undefined) return escapeHtml(token.raw);
    return `<sup id="${refId(number, occurrence ?? 1)}" data-pagefind-ignore><a href="#${noteId(number)}" aria-label="Nota ${number}">${number}</a></sup>`;
  },
};

const notes: RendererExtension = {
  name: "footnotes",
  renderer(token) {
    const items = (token as unknown as FootnotesToken).tokens;
    let html = notesOpening();
    for (const item of items) {
      let back = "";
      for (let k = 1; k <= (item.calls ?? 0); k++) {
        back += k === 1
          ? ` <a href="#${refId(item.number!, 1)}" aria-label="${BACK_LABEL}" data-pagefind-ignore>↩</a>`
          : ` <a href="#${refId(item.number!, k)}" aria-label="${BACK_LABEL}, llamada ${k}" data-pagefind-ignore>↩<sup>${k}</sup></a>`;
      }
      const content = this.parser.parse(item.tokens);
      const inLastParagraph = content.endsWith("</p>\n");
      html += `<li id="${noteId(item.number!)}">\n`;
      html += inLastParagraph ? content.slice(0, -"</p>\n".length) + back + "</p>\n" : content + (back ? `<p>${back.slice(1)}</p>\n` : "");
      html += "</li>\n";
    }
    return html + "</ol>\n</section>\n";
  },
};

/**
 * The links back's names. A note's first link back shows ↩ alone; the others show ↩ and the call's
 * number, ↩², ↩³…, so their names hold that number as a word («Volver al texto, llamada 2»): what a
 * link shows is part of its name (WCAG 2.5.3, axe's label-content-name-mismatch, which does not read
 * a number in parentheses: «Volver al texto (2)» failed it), and a reader of voice commands can say it.
 */
const BACK_LABEL = "Volver al texto";

/**
 * The notes' section and heading, as GitHub and remark-gfm mark theirs up (`<section class="footnotes">`
 * named by its `<h2>`), adapted:
 *
 * - A visible heading, «Notas», rather than GitHub's visually hidden one or an `aria-label`: a reader
 *   skimming on a phone otherwise sees a numbered list under a line and has to guess what it is, and a
 *   visible name is the same for every reader (WCAG technique ARIA13: a region named by its heading
 *   through `aria-labelledby`). The `<section>`, so named, is a region landmark: a screen reader lists
 *   it and jumps to it, and hears «Notas» on entering it.
 * - `h2`: the page's title is the only `h1` (a body's `# …` is printed as `h2`, markdown.ts), and the
 *   notes belong to the whole text, beside its top-level sections, not inside the last of them.
 * - Its id, `fn:notas`, holds a `:` as the notes' own ids do: a body heading's anchor never holds one
 *   (policy/anchors.ts), so a heading «Notas» in the body keeps its `notas` and the two never collide.
 * - `data-pagefind-ignore` on the heading, as on the calls: «Notas» would otherwise be a word of every
 *   bulletin with notes (and of the plain text: `withoutFootnoteMarkers`). The notes' text is indexed.
 * - No `<hr>`: the section draws its own rule (public/css/site.css); a separator before a named region
 *   is one more thing for a screen reader to say. No `role="doc-endnotes"` (pandoc's): it would replace
 *   the region role, which screen readers announce and list as a landmark, with one few of them know.
 *
 * Between marked and the sanitizer both tags carry `NOTES_MARK`, a value drawn anew by each process:
 * the sanitizer keeps a `<section>` and a heading's attributes only with it, and drops it
 * (`keptNotesAttributes`). So raw HTML an editor writes, even `<section class="notas" …>` copied from
 * a page of the site, is treated as before: a `<section>` loses its tag, a heading its attributes.
 */
export const NOTES_HEADING_ID = "fn:notas";
const NOTES_HEADING = "Notas";
const NOTES_MARK_ATTRIBUTE = "data-boletines-notas";
const NOTES_MARK = randomUUID();

const MARK = `${NOTES_MARK_ATTRIBUTE}="${NOTES_MARK}"`;
/** The notes' heading as marked writes it. */
const HEADING_HTML = `<h2 id="${NOTES_HEADING_ID}" data-pagefind-ignore ${MARK}>${NOTES_HEADING}</h2>`;

/** The notes' section and heading as marked writes them (with `NOTES_MARK`), up to the list's `<ol>`. */
function notesOpening(): string {
  return `<section class="notas" aria-labelledby="${NOTES_HEADING_ID}" ${MARK}>\n${HEADING_HTML}\n<ol>\n`;
}

/**
 * The attributes the sanitizer keeps on a `<section>` or an `<h2>`: the notes' own, when `attribs` carry
 * this process's `NOTES_MARK` (footnotes.ts wrote them); undefined otherwise (a `<section>` then loses
 * its tag, an `<h2>` every attribute, as any written by hand always did).
 */
export function keptNotesAttributes(tag: "section" | "h2", attribs: Readonly<Record<string, string>>): Record<string, string> | undefined {
  if (attribs[NOTES_MARK_ATTRIBUTE] !== NOTES_MARK) return undefined;
  return tag === "section" ? { class: "notas", "aria-labelledby": NOTES_HEADING_ID } : { id: NOTES_HEADING_ID, "data-pagefind-ignore": "" };
}

export function noteId(number: number): string {
  return `fn:${number}`;
}

export function refId(number: number, occurrence: number): string {
  return occurrence === 1 ? `fnref:${number}` : `fnref:${number}:${occurrence}`;
}

/** Ids the sanitizer keeps: on `<li>` a note's, on `<sup>` a call's. */
export const NOTE_ID = /^fn:[1-9]\d*$/;
export const REF_ID = /^fnref:[1-9]\d*(?::[1-9]\d*)?$/;
/** Addresses of the links whose `aria-label` and `data-pagefind-ignore` the sanitizer keeps: a call's and a link back. */
export const FOOTNOTE_HREF = /^#fn(?:ref)?:[1-9]\d*(?::[1-9]\d*)?$/;

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The extension: definitions, calls and the notes at the end (see `arrangeFootnotes`, which `marked.parse` runs as a hook). */
export const footnotes: MarkedExtension = {
  extensions: [definition, reference, notes],
  hooks: { processAllTokens: (tokens) => arrangeFootnotes(tokens as Token[]) },
};

/**
 * Numbers the calls of a body lexed whole and moves its definitions to one `footnotes` token at the
 * end: notes in the order of their first call (calls inside notes count after the text's), then the
 * notes nobody calls, in the order written. The first definition of a label is the one calls lead to;
 * another one of the same label is a note nobody calls. Tokens of a body without definitions are
 * returned untouched. Changes `tokens` in place; running it twice changes nothing more.
 */
export function arrangeFootnotes(tokens: Token[]): Token[] {
  if (!definedLabels.has(tokens)) return tokens;
  const definitions: FootnoteToken[] = [];
  takeDefinitions(tokens, definitions);
  if (definitions.length === 0) return tokens;
  const byKey = new Map<string, FootnoteToken>();
  for (const d of definitions) if (!byKey.has(footnoteKey(d.label))) byKey.set(footnoteKey(d.label), d);
  const ordered: FootnoteToken[] = [];
  const number = (ref: FootnoteRefToken) => {
    const note = byKey.get(footnoteKey(ref.label));
    if (!note) return;
    if (note.number === undefined) {
      ordered.push(note);
      note.number = ordered.length;
      note.calls = 0;
    }
    note.calls = note.calls! + 1;
    ref.number = note.number;
    ref.occurrence = note.calls;
  };
  visitRefs(tokens, number);
  for (let i = 0; i < ordered.length; i++) visitRefs(ordered[i]!.tokens, number);
  for (const d of definitions) {
    if (d.number !== undefined) continue;
    ordered.push(d);
    d.number = ordered.length;
    d.calls = 0;
  }
  const end: FootnotesToken = { type: "footnotes", raw: "", tokens: ordered };
  tokens.push(end as unknown as Token);
  return tokens;
}

/**
 * Removes every `footnote` token from `tokens` and the blocks inside them (quotes, list items), in the
 * order written; a quote that held nothing else goes too.
 */
function takeDefinitions(tokens: Token[], into: FootnoteToken[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === "footnote") {
      into.push(t as unknown as FootnoteToken);
      tokens.splice(i--, 1);
    } else if (t.type === "list") {
      for (const item of (t as Tokens.List).items) takeDefinitions(item.tokens, into);
    } else if (t.type === "blockquote") {
      const inside = (t as Tokens.Blockquote).tokens;
      const before = inside.length;
      takeDefinitions(inside, into);
      if (inside.length < before && inside.every((x) => x.type === "space")) tokens.splice(i--, 1);
    }
  }
}

/** Every call in `tokens`, in the order of the text. */
function visitRefs(tokens: readonly Token[], visit: (ref: FootnoteRefToken) => void): void {
  for (const t of tokens) {
    if (t.type === "footnoteRef") visit(t as unknown as FootnoteRefToken);
    else if (t.type === "footnotes") continue;
    else if (t.type === "list") for (const item of (t as Tokens.List).items) visitRefs(item.tokens, visit);
    else if (t.type === "table") {
      const table = t as Tokens.Table;
      for (const cell of table.header) visitRefs(cell.tokens, visit);
      for (const row of table.rows) for (const cell of row) visitRefs(cell.tokens, visit);
    } else if ("tokens" in t && Array.isArray(t.tokens)) visitRefs(t.tokens, visit);
  }
}

/**
 * marked's HTML without the calls' numbers, the links back and the notes' heading, as `arrangeFootnotes`'
 * tokens render them: the plain text of a body (search, summaries) reads the notes at the end, without
 * markers (nor «Notas», which Pagefind does not index either).
 */
export function withoutFootnoteMarkers(html: string): string {
  if (!html.includes("fn:")) return html;
  return html
    .replace(HEADING_HTML, "")
    .replace(/<sup id="fnref:[^"]*" data-pagefind-ignore><a href="#fn:[^"]*" aria-label="[^"]*">\d+<\/a><\/sup>/g, "")
    .replace(/ ?<a href="#fnref:[^"]*" aria-label="[^"]*" data-pagefind-ignore>↩(?:<sup>\d+<\/sup>)?<\/a>/g, "");
}

/** Ids of a rendered body's footnotes (`fn:1`, `fnref:1`…, the notes' heading `fn:notas`), for links into the page (`#fn:1`). */
export function footnoteIds(html: string): string[] {
  if (!html.includes(' id="fn')) return [];
  return [...html.matchAll(/<(?:sup|li|h2) id="(fn(?:ref)?:[^"]*)"[^>]*>/g)].map((m) => m[1]!);
}

/** Whether an id is a footnote's (kept by the sanitizer on a note, a call or the notes' heading). */
export function isFootnoteId(id: string): boolean {
  return NOTE_ID.test(id) || REF_ID.test(id) || id === NOTES_HEADING_ID;
}
