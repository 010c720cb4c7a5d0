/**
 * Jekyll exports write `nil` for empty fields, YAML writes `~` or `null`; editors leave blanks.
 * All of them mean "absent" in every field (issue 2), so no page ever shows the word.
 */
const ABSENT_WORDS = new Set(["nil", "~", "null", "none", "undefined", "invalid date", "nan"]);

export function isAbsent(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === "number") return Number.isNaN(value);
  if (typeof value !== "string") return false;
  const t = value.trim();
  return t === "" || ABSENT_WORDS.has(t.toLowerCase());
}
