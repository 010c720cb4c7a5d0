import type { Token, Tokens } from "marked";
import { acceptedFootnoteLabel, isFootnoteLabel, type FootnoteToken } from "../render/footnotes.ts";
import { lexMarkdown } from "../render/markdown.ts";

/**
 * Footnotes written in a way the footnote syntax (render/footnotes.ts) does not read as the editor
 * meant, where nothing else says so (model/body-references.ts words them):
 *
 * - `label`: a label a note cannot have (`[^nota 1]`, with a space; `[^]`, empty). The call and the
 *   note are printed as written, brackets and all; or, when the note's text is one word or an address
 *   (`[^nota 1]: IMSS`), marked takes the note for a link's definition: the note disappears and each
 *   call becomes a link to that word.
 * - `after-note`: a paragraph (or list) right after a note that is not indented by four spaces or a
 *   tab, so not the note's (as pandoc and GitHub read it): it is printed in the text, before the notes,
 *   not as the note's next paragraph. Said when it is indented by one to three spaces (meant as the
 *   note's, surely), or when it sits among the notes at the end of the body (only notes and such
 *   paragraphs follow, none calling a note): text placed there is the note's more often than not, and
 *   moving body text above the notes changes nothing on the page (notes always print at the end).
 *
 * Both are rare: a body is lexed here only when a cheap look at its text finds a candidate.
 */
export type FootnoteWriting =
  | {
      kind: "label";
      /** As written (`nota 1`, or empty). */
      label: string;
      /** How many times `[^label]` is written (calls and notes). */
      count: number;
      /** The address a note of this label was taken for (`[^nota 1]: IMSS` → `IMSS`). */
      linkedTo?: string;
      offset: number;
    }
  | {
      kind: "after-note";
      /** The note it follows. */
      label: string;
      /** What follows it: a paragraph or a list. */
      block: "paragraph" | "list";
      /** Its first line, as written, without its indentation. */
      start: string;
      /** Spaces before it (0 to 3). */
      indent: number;
      offset: number;
    };

/** `[^…]` on one line, any label (up to a length no label has): the labels a note cannot take are looked for among these. */
const BRACKETED = /\[\^([^\]\n]{0,60})\]/g;
/** A note's first line at the start of a line (as footnotes.ts reads it). */
const NOTE_LINE = /^ {0,3}\[\^[^\s\]]+\]:/;

export function findFootnoteWriting(body: string): FootnoteWriting[] {
  if (!body.includes("[^")) return [];
  const badLabel = hasBadLabel(body);
  const afterNote = mayHaveTextAfterNote(body);
  if (!badLabel && !afterNote) return [];
  const tokens = lexMarkdown(body);
  return [...(badLabel ? labelIssues(body, tokens) : []), ...(afterNote ? afterNoteIssues(body, tokens) : [])].sort((a, b) => a.offset - b.offset);
}

function hasBadLabel(body: string): boolean {
  for (const m of body.matchAll(BRACKETED)) if (!isFootnoteLabel(m[1]!)) return true;
  return false;
}

/**
 * Whether some line after the first note's starts a block of its own (after a blank line) that is
 * neither another note nor indented as a note's next paragraph: without one, nothing follows a note.
 */
function mayHaveTextAfterNote(body: string): boolean {
  const lines = body.split("\n");
  let i = lines.findIndex((line) => NOTE_LINE.test(line));
  if (i === -1) return false;
  let blank = false;
  for (i++; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^[ \t]*$/.test(line)) blank = true;
    else {
      if (blank && !/^(?: {4}|\t)/.test(line) && !NOTE_LINE.test(line)) return true;
      blank = false;
    }
  }
  return false;
}

/** Each label a note cannot take, once, where it is first written; code and escaped brackets are text on purpose. */
function labelIssues(body: string, tokens: Token[]): FootnoteWriting[] {
  const found = new Map<string, { label: string; count: number; linkedTo?: string }>();
  const see = (label: string, linkedTo?: string) => {
    const key = label.toLowerCase();
    const seen = found.get(key);
    if (seen) {
      seen.count++;
      if (linkedTo !== undefined) seen.linkedTo ??= linkedTo;
    } else found.set(key, { label, count: 1, ...(linkedTo !== undefined ? { linkedTo } : {}) });
  };
  const visit = (list: readonly Token[]) => {
    for (const t of list) {
      if (t.type === "code" || t.type === "codespan" || t.type === "html") continue;
      if (t.type === "def") {
        // `[^nota 1]: IMSS`: marked's definition of the link `[^nota 1]`.
        const def = t as Tokens.Def;
        const open = def.raw.indexOf("[^");
        if (def.tag.startsWith("^") && open !== -1 && !isFootnoteLabel(def.tag.slice(1))) see(def.raw.slice(open + 2, def.raw.indexOf("]", open)), def.href);
      } else if (t.type === "link" && t.raw.startsWith("[^") && t.raw.endsWith("]")) {
        // A call made a link by such a definition.
        const label = t.raw.slice(2, -1);
        if (!isFootnoteLabel(label)) see(label);
      } else if (t.type === "text" && !(t as Tokens.Text).tokens?.length) {
        if (t.raw.includes("[^")) for (const m of t.raw.matchAll(BRACKETED)) if (!isFootnoteLabel(m[1]!)) see(m[1]!);
      } else if (t.type === "list") {
        for (const item of (t as Tokens.List).items) visit(item.tokens);
      } else if (t.type === "table") {
        const table = t as Tokens.Table;
        for (const cell of table.header) visit(cell.tokens);
        for (const row of table.rows) for (const cell of row) visit(cell.tokens);
      } else if ("tokens" in t && Array.isArray(t.tokens)) visit(t.tokens as Token[]);
    }
  };
  visit(tokens);
  return [...found.values()].map(({ label, count, linkedTo }) => {
    const at = body.indexOf(`[^${label}]`);
    return { kind: "label", label, count, ...(linkedTo !== undefined ? { linkedTo } : {}), offset: at === -1 ? 0 : at } as const;
  });
}

/** The blocks right after a note at the top of the body that are not the note's (see `FootnoteWriting`). */
function afterNoteIssues(body: string, tokens: Token[]): FootnoteWriting[] {
  // Where each top-level token starts: their raw texts follow one another through the body.
  const offsets: number[] = [];
  let at = 0;
  for (const t of tokens) {
    const found = body.startsWith(t.raw, at) ? at : body.indexOf(t.raw, at);
    offsets.push(found === -1 ? at : found);
    if (found !== -1) at = found + t.raw.length;
  }
  // Whether only notes and plain paragraphs or lists that call no note come from each token to the end.
  const amongNotes: boolean[] = new Array(tokens.length + 1).fill(false);
  amongNotes[tokens.length] = true;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i]!;
    const fits = t.type === "footnote" || t.type === "space" || ((t.type === "paragraph" || t.type === "list") && !callsANote([t]));
    amongNotes[i] = fits && amongNotes[i + 1]!;
  }
  const issues: FootnoteWriting[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.type !== "footnote") continue;
    let j = i + 1;
    while (tokens[j]?.type === "space") j++;
    const next = tokens[j];
    if (!next || (next.type !== "paragraph" && next.type !== "list")) continue;
    const firstLine = next.raw.slice(0, next.raw.indexOf("\n") === -1 ? undefined : next.raw.indexOf("\n"));
    const indent = firstLine.length - firstLine.trimStart().length;
    if (indent === 0 && !amongNotes[j]) continue;
    if (indent > 3 || firstLine.startsWith("\t")) continue;
    issues.push({ kind: "after-note", label: (tokens[i] as unknown as FootnoteToken).label, block: next.type, start: firstLine.trim(), indent, offset: offsets[j]! });
  }
  return issues;
}

function callsANote(tokens: readonly Token[]): boolean {
  for (const t of tokens) {
    if (t.type === "footnoteRef") return true;
    if (t.type === "list" && (t as Tokens.List).items.some((item) => callsANote(item.tokens))) return true;
    if ("tokens" in t && Array.isArray(t.tokens) && callsANote(t.tokens as Token[])) return true;
  }
  return false;
}
