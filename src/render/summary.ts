/**
 * A bulletin's summary when it has no description: the start of its body's plain text, cut at a word.
 * Small on purpose: the threads that render bodies (build/pack-record.ts) store the start of the text
 * a summary reads without loading the site's data code.
 */

/** Characters of body text in a summary when a bulletin has no description. */
export const SUMMARY_LENGTH = 220;

/** Characters of plain text a summary reads: one more than it shows, to know whether to cut. */
export const LEAD_CHARS = SUMMARY_LENGTH + 1;

/** `text` cut to at most `max` characters at a word, ending in «…» when cut. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, "")}…`;
}
