import { createHash } from "node:crypto";
import slugifyLib from "slugify";

/** Longest slug derived from a title; keeps every output path far below 255 bytes per segment. */
export const MAX_SLUG_LENGTH = 120;

/**
 * The one slug function. Options are pinned: lower case, strict (only a-z, 0-9, hyphens),
 * Spanish locale so `&` becomes `y` and `%` becomes `por ciento`.
 * Symbols are spaced out first, because slugify's locale replacements do not insert separators
 * (`100%` would otherwise become `100por-ciento`).
 */
export function slugify(text: string, maxLength = MAX_SLUG_LENGTH): string {
  let slug = known.get(text);
  if (slug === undefined) {
    const spaced = text.normalize("NFC").replace(/[^\p{L}\p{N}\s]/gu, (c) => ` ${c} `);
    slug = slugifyLib(spaced, { lower: true, strict: true, locale: "es", trim: true }).replace(/-+/g, "-").replace(/^-|-$/g, "");
    // Tags and sections repeat across thousands of bulletins: each spelling is slugified once.
    if (known.size >= MAX_KNOWN) known.clear();
    known.set(text, slug);
  }
  return truncateSlug(slug, maxLength);
}

/** Slugs already made, by text (a pure function of it); emptied when it grows past `MAX_KNOWN`. */
const known = new Map<string, string>();
const MAX_KNOWN = 20_000;

const HASH_LENGTH = 6;

/**
 * Cut at a hyphen so words are not chopped. Long press titles often share their first words
 * ("IMSS … en Chihuahua" / "IMSS … en Sonora"), so a cut slug ends with a short hash of the
 * whole slug: different titles keep different URLs, and the same title always gives the same one.
 */
export function truncateSlug(slug: string, maxLength: number): string {
  if (slug.length <= maxLength) return slug;
  const hash = createHash("sha256").update(slug).digest("hex").slice(0, HASH_LENGTH);
  const room = maxLength - HASH_LENGTH - 1;
  const cut = slug.slice(0, room + 1);
  const lastHyphen = cut.lastIndexOf("-");
  const head = (lastHyphen > room / 2 ? cut.slice(0, lastHyphen) : slug.slice(0, room)).replace(/-+$/, "");
  return `${head}-${hash}`;
}

/** A slug an editor wrote by hand must already be in canonical form. */
export function isCanonicalSlug(value: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value) && value.length <= 120;
}
