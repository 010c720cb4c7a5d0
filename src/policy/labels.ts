import { slugify } from "./slug.ts";

/**
 * Tags and sections are identified by their slug: `Vacunación`, `vacunacion` and `VACUNACIÓN` are one.
 * The label shown is chosen deterministically among the variants the corpus uses:
 * the most used; then the one with more accented letters (Spanish spelling); then by case:
 * mixed case (`Salud Mental`) over all capitals (`IMSS`, `SALUD MENTAL`) over all lower case; then code-point order.
 */
export interface Label {
  slug: string;
  label: string;
}

export function labelSlug(text: string): string {
  return slugify(text);
}

/** Collapses inner whitespace and trims; the text an editor meant. */
export function cleanLabel(text: string): string {
  return text.normalize("NFC").replace(/\s+/g, " ").trim();
}

export class LabelChooser {
  private readonly variants = new Map<string, Map<string, number>>();
  /** Labels already chosen (asked once per bulletin and tag: the choice compares every variant). */
  private readonly chosen = new Map<string, string>();

  add(slug: string, variant: string): void {
    this.chosen.delete(slug);
    let counts = this.variants.get(slug);
    if (!counts) this.variants.set(slug, (counts = new Map()));
    counts.set(variant, (counts.get(variant) ?? 0) + 1);
  }

  labelOf(slug: string): string {
    let label = this.chosen.get(slug);
    if (label === undefined) this.chosen.set(slug, (label = this.choose(slug)));
    return label;
  }

  private choose(slug: string): string {
    const counts = this.variants.get(slug);
    if (!counts) return slug;
    let best: string | undefined;
    let bestCount = -1;
    for (const [variant, count] of counts) {
      if (best === undefined || count > bestCount || (count === bestCount && preferVariant(variant, best) < 0)) {
        best = variant;
        bestCount = count;
      }
    }
    return best ?? slug;
  }
}

function accentCount(s: string): number {
  return (s.normalize("NFD").match(/\p{M}/gu) ?? []).length;
}

function caseRank(s: string): number {
  const upper = /\p{Lu}/u.test(s);
  const lower = /\p{Ll}/u.test(s);
  return upper && lower ? 2 : upper ? 1 : 0;
}

/** Negative when `a` is the better label. */
export function preferVariant(a: string, b: string): number {
  return accentCount(b) - accentCount(a) || caseRank(b) - caseRank(a) || (a < b ? -1 : a > b ? 1 : 0);
}
