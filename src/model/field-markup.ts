import { decodeHTML } from "entities";
import { isHtmlElement } from "../render/raw-html.ts";

/**
 * Markup written in a front-matter text field (title, description, highlights, alt, city, author).
 * Those fields are text: pages, feeds, cards and search print them escaped, so `**negritas**`,
 * `m<sup>2</sup>`, `[enlace](…)` or `&nbsp;` copied from the body or from Word reach readers as
 * written, asterisks and brackets included. Nothing is changed (what the editor wrote is printed);
 * `check` says it, with the text as it would read without the markup.
 */
export interface FieldMarkup {
  /** The first piece of markup, as written (`**negritas**`, `<sup>2</sup>`). */
  found: string;
  /** The whole value without markup: what to write instead. */
  plain: string;
}

/** A cheap first look: a value without any of these characters has no markup (nearly every title). */
const MAYBE = /[*_<&[]/;

const SUPERSCRIPT: Record<string, string> = { "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹" };
const SUBSCRIPT: Record<string, string> = { "0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉" };

/** Each kind of markup with what it reads as: the order is the order in which they are undone. */
const RULES: ReadonlyArray<{ pattern: RegExp; plain: (match: string, ...groups: string[]) => string }> = [
  // `<sup>2</sup>` and `<sub>2</sub>` of digits: the Unicode signs (m², CO₂), which a text field can hold.
  { pattern: /<sup>(\d+)<\/sup>/gi, plain: (_m, digits) => [...digits!].map((d) => SUPERSCRIPT[d]).join("") },
  { pattern: /<sub>(\d+)<\/sub>/gi, plain: (_m, digits) => [...digits!].map((d) => SUBSCRIPT[d]).join("") },
  // Any other tag of HTML (not `<IMSS-Bienestar>`, which is text).
  { pattern: /<\/?([A-Za-z][A-Za-z0-9]*)(?:\s[^<>]*)?\/?>/g, plain: (m, name) => (isHtmlElement(name!.toLowerCase()) ? "" : m) },
  { pattern: /\[([^\]\n]+)\]\([^)\s]+\)/g, plain: (_m, text) => text! },
  { pattern: /\*\*(?=\S)([^*]*?\S)\*\*/g, plain: (_m, text) => text! },
  { pattern: /(?<![\p{L}\p{N}_])__(?=\S)([^_]*?\S)__(?![\p{L}\p{N}_])/gu, plain: (_m, text) => text! },
  { pattern: /(?<![\p{L}\p{N}*])\*(?=[^\s*])([^*]*?[^\s*])\*(?![\p{L}\p{N}*])/gu, plain: (_m, text) => text! },
  { pattern: /(?<![\p{L}\p{N}_])_(?=[^\s_])([^_]*?[^\s_])_(?![\p{L}\p{N}_])/gu, plain: (_m, text) => text! },
  { pattern: /&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/gi, plain: (m) => decodeHTML(m) },
];

/**
 * A footnote's call (`[^1]`, `[^nota 1]`, `[^]`): only a body has notes (render/footnotes.ts), so in a
 * text field it is printed as written, brackets and all. Any label, even one a body would not take.
 */
const FOOTNOTE_CALL = /\[\^[^\]\n]{0,60}\]/g;

/** A footnote's call written in a text field. */
export interface FieldFootnote {
  /** The first call, as written (`[^1]`). */
  call: string;
  /** The whole value without its calls, nor any other markup: what to write instead. */
  plain: string;
}

/** The first footnote call in `value`, or undefined when it has none (nearly every value: no `[^`). */
export function fieldFootnote(value: string): FieldFootnote | undefined {
  if (!value.includes("[^")) return undefined;
  const call = value.match(FOOTNOTE_CALL)?.[0];
  if (call === undefined) return undefined;
  return { call, plain: fieldMarkup(value)?.plain ?? withoutFootnoteCalls(value) };
}

/** `value` without its calls and the space before one that ends a sentence or the value («casos [^1].» → «casos.»). */
function withoutFootnoteCalls(value: string): string {
  return value
    .replace(/\s*\[\^[^\]\n]{0,60}\]\s*/g, (call: string, at: number) => {
      const next = value.charAt(at + call.length);
      return at === 0 || next === "" || /[.,;:!?)»”]/.test(next) ? "" : " ";
    })
    .replace(/\s+/g, " ")
    .trim();
}

/** The markup in `value`, or undefined when it has none. A footnote's call is not markup here (`fieldFootnote`), but it is left out of `plain`. */
export function fieldMarkup(value: string): FieldMarkup | undefined {
  if (!MAYBE.test(value)) return undefined;
  let found: { at: number; text: string } | undefined;
  let plain = value;
  for (const { pattern, plain: undo } of RULES) {
    // Where the first piece is, in the value as written (before any other kind was undone).
    for (const m of value.matchAll(pattern)) {
      if (undo(m[0], ...m.slice(1)) === m[0]) continue;
      if (!found || m.index < found.at) found = { at: m.index, text: m[0] };
      break;
    }
    plain = plain.replace(pattern, (m: string, ...groups: string[]) => undo(m, ...groups));
  }
  if (!found) return undefined;
  return { found: found.text, plain: plain.includes("[^") ? withoutFootnoteCalls(plain) : plain.replace(/\s+/g, " ").trim() };
}
