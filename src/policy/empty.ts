/**
 * Jekyll exports write `nil` for empty fields, YAML writes `~` or `null`; editors leave blanks.
 * All of them mean "absent" in every field (issue 2), so no page ever shows the word.
 */
const ABSENT_WORDS = new Set(["nil", "~", "null", "none", "undefined", "invalid date", "nan"]);
const LONGEST_ABSENT_WORD = Math.max(...[...ABSENT_WORDS].map((w) => w.length));

export function isAbsent(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === "number") return Number.isNaN(value);
  if (typeof value !== "string") return false;
  // A long text (a body) with more than a word's length between its first and last non-blank
  // characters is not absent: found without copying it to trim and lower-case it.
  const first = value.search(/\S/);
  if (first === -1) return true;
  if (/\S/.test(value.slice(first + LONGEST_ABSENT_WORD))) return false;
  const t = value.trim();
  return t === "" || ABSENT_WORDS.has(t.toLowerCase());
}
