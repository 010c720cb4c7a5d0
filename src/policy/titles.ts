import { slugify } from "./slug.ts";

/**
 * What keeps a text from being a bulletin's title, or `undefined` when it can be one. The one rule for
 * `boletines new` (a usage error) and for the validator that `build`, `check` and `import` share (a
 * content error): a title names the page, its address and its file, so it needs words.
 *
 * - `blank`: nothing visible (empty, spaces, or only invisible characters such as U+200B);
 * - `no-words`: no letter or number («!!!», «¿?», only emoji or symbols: `%` would be spelled out by
 *   the slug as «por-ciento», still not a title);
 * - `no-latin`: letters, but none an address can carry (another alphabet, which the slug drops).
 *
 * `title` is the title as written, trimmed and with its spaces collapsed.
 */
export type TitleFault = "blank" | "no-words" | "no-latin";

export function titleFault(title: string): TitleFault | undefined {
  if (!/[^\s\p{Cf}]/u.test(title)) return "blank";
  if (!/[\p{L}\p{N}]/u.test(title)) return "no-words";
  if (!slugify(title)) return "no-latin";
  return undefined;
}

/**
 * The longest title a bulletin is expected to have, in characters; a longer one is a paragraph pasted
 * as the title (the release's first paragraph, a summary) and check says so. Where it comes from: IMSS
 * titles are long, a whole sentence with its who, what and where (100 to 160 characters is usual;
 * the releases in ../shared/seeds/ and content/ run 56 to 118), while a paragraph runs to several
 * hundred. 250 leaves room above the longest real titles (so none is warned about) and
 * below a short paragraph. The importer has its own, looser test for a first line that is no title
 * at all (import/text.ts `MAX_TITLE_LENGTH`).
 */
export const LONGEST_TITLE = 250;

/** A title's length as a reader counts it: characters, not UTF-16 units (an emoji or `ñ` is one). */
export function titleLength(title: string): number {
  let count = 0;
  for (const _ of title.normalize("NFC")) count++;
  return count;
}
