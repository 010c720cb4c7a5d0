import { slugify } from "./slug.ts";

/**
 * Tags and sections are identified by their slug: `Vacunación`, `vacunacion` and `VACUNACIÓN` are one.
 * The label shown is chosen deterministically among the variants the corpus uses, as a reader would
 * want to read it: the one with more accented letters (Spanish spelling: `planificación familiar`
 * even where most files typed `planificacion familiar`); then by case: mixed case (`Salud Mental`) or
 * an acronym in capitals (`IMSS`, `VIH`), then all lower case, then shouted capitals (`CARDIOLOGÍA EN
 * ZACATECAS`); then the most used; then code-point order.
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
      const spelling = best === undefined ? -1 : preferSpelling(variant, best);
      if (best === undefined || spelling < 0 || (spelling === 0 && (count > bestCount || (count === bestCount && variant < best)))) {
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

/** Capitals alone with a word this long are shouting, not an acronym (`IMSS`, `COVID`). */
const LONGEST_ACRONYM = 5;

function caseRank(s: string): number {
  const upper = /\p{Lu}/u.test(s);
  const lower = /\p{Ll}/u.test(s);
  if (upper && lower) return 2;
  if (!upper) return 1;
  return s.split(/[^\p{L}]+/u).some((word) => word.length > LONGEST_ACRONYM) ? 0 : 2;
}

/** Negative when `a` is spelled better (accents, then case); 0 when neither is. */
function preferSpelling(a: string, b: string): number {
  return accentCount(b) - accentCount(a) || caseRank(b) - caseRank(a);
}

/** Negative when `a` is the better label, counts aside (a strict order). */
export function preferVariant(a: string, b: string): number {
  return preferSpelling(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
