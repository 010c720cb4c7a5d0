/**
 * Characters no page or feed can carry: HTML forbids them in text and XML 1.0 even escaped. They
 * arrive invisible, pasted from Word or a PDF (Word's manual line break is U+000B, a PDF's page break
 * U+000C) or written as YAML escapes (`"\x01"`). C0 controls other than tab, line feed and carriage
 * return; DEL and the C1 controls; noncharacters; and halves of a surrogate pair without the other.
 */
const UNPUBLISHABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNPUBLISHABLE_ALL = new RegExp(UNPUBLISHABLE.source, "g");
/** One character class (no lookaround), so a text is scanned fast: any surrogate is looked at closer. */
const SUSPECT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF]/;

/** Names editors recognize, for the ones that have one. */
const NAMES: Record<string, string> = {
  "\u000B": "salto de línea manual de Word",
  "\u000C": "salto de página",
  "\u0000": "carácter nulo",
  "\u0085": "salto de línea de otra codificación",
};

export interface UnpublishableFound {
  /** Where the first one is (an index into the text). */
  first: number;
  count: number;
  /** Each different character once, in order of appearance: `U+000B (salto de línea manual de Word)`. */
  described: string[];
}

/** Whether a text (or a list's texts) may have any: a quick scan, true also for every surrogate pair. */
export function hasUnpublishable(value: unknown): boolean {
  if (typeof value === "string") return SUSPECT.test(value);
  if (!Array.isArray(value)) return false;
  for (const v of value) if (typeof v === "string" && SUSPECT.test(v)) return true;
  return false;
}

export function findUnpublishable(text: string): UnpublishableFound | undefined {
  if (!SUSPECT.test(text)) return undefined;
  const first = text.search(UNPUBLISHABLE);
  if (first === -1) return undefined;
  const seen = new Set<string>();
  let count = 0;
  for (const m of text.slice(first).matchAll(UNPUBLISHABLE_ALL)) {
    count++;
    seen.add(m[0]);
  }
  const described = [...seen].map((c) => {
    const code = `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
    return NAMES[c] ? `${code} (${NAMES[c]})` : code;
  });
  return { first, count, described };
}

/**
 * The text with each of those characters as a space: a manual line break between two words keeps them
 * apart, and every other character keeps its line and column (problems point at the same place).
 */
export function publishable(text: string): string {
  return text.replace(UNPUBLISHABLE_ALL, " ");
}
