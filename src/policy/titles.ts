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
