import slugifyLib from "slugify";

/** Longest slug derived from a title; keeps every output path far below 255 bytes per segment. */
export const MAX_SLUG_LENGTH = 80;

/**
 * The one slug function. Options are pinned: lower case, strict (only a-z, 0-9, hyphens),
 * Spanish locale so `&` becomes `y` and `%` becomes `por ciento`.
 * Symbols are spaced out first, because slugify's locale replacements do not insert separators
 * (`100%` would otherwise become `100por-ciento`).
 */
export function slugify(text: string, maxLength = MAX_SLUG_LENGTH): string {
  const spaced = text.normalize("NFC").replace(/[^\p{L}\p{N}\s]/gu, (c) => ` ${c} `);
  const slug = slugifyLib(spaced, { lower: true, strict: true, locale: "es", trim: true }).replace(/-+/g, "-").replace(/^-|-$/g, "");
  return truncateSlug(slug, maxLength);
}

/** Cut at a hyphen so words are not chopped, never leaving a trailing hyphen. */
export function truncateSlug(slug: string, maxLength: number): string {
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength + 1);
  const lastHyphen = cut.lastIndexOf("-");
  const result = lastHyphen > maxLength / 2 ? cut.slice(0, lastHyphen) : slug.slice(0, maxLength);
  return result.replace(/-+$/, "");
}

/** A slug an editor wrote by hand must already be in canonical form. */
export function isCanonicalSlug(value: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value) && value.length <= 120;
}
