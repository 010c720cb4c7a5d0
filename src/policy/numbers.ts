/**
 * Counts shown to readers (bulletins in a list, a topic, a section, a year; search results) and to
 * editors (what `build` made, how many problems `check` found) are
 * written as Mexican Spanish writes them: thousands grouped with a comma, «9,866 boletines», never
 * «9866». Under 1,000 a count is its digits. Numbers that name something rather than count it (a
 * year, a page number, a bulletin's number 171/2024) are not grouped, as Spanish writes them, and do
 * not go through here.
 *
 * public/js/search.js groups its count of results the same way, with the same `Intl.NumberFormat`.
 */
/** Made on first use: a build that prints no large count never asks ICU for it. */
let grouped: Intl.NumberFormat | undefined;

/** `9866` → `9,866`; `999` → `999`. */
export function formatCount(count: number): string {
  // Most counts on a site are small (a month, a topic): those need no formatter.
  if (Number.isInteger(count) && count < 1000 && count > -1000) return String(count);
  return (grouped ??= new Intl.NumberFormat("es-MX", { maximumFractionDigits: 0 })).format(count);
}

/** A count with its noun in the right number: `countOf(1, "boletín", "boletines")` → `1 boletín`; 9866 → `9,866 boletines`. */
export function countOf(count: number, one: string, many: string): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}
