import { slugify } from "./slug.ts";

/**
 * Tags and sections are identified by their slug: `Vacunación`, `vacunacion` and `VACUNACIÓN` are one.
 * The label shown is chosen deterministically among the variants the corpus uses, as a reader would
 * want to read it: never shouted capitals (`SALUD`, `CARDIOLOGÍA EN ZACATECAS`: `shoutedLabel`) when
 * another spelling exists; then the one with more accented letters (Spanish spelling: `planificación
 * familiar` even where most files typed `planificacion familiar`); then by case: mixed case (`Salud
 * Mental`) or an acronym in capitals (`IMSS`, `VIH`), then all lower case; then the most used; then
 * code-point order. No spelling is made up: a label only ever written in capitals is shown so, and
 * check says it (model/corpus.ts `findShoutedLabels`).
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

/** How many accented letters a label has (`Vacunación`: 1). */
export function accentCount(s: string): number {
  return (s.normalize("NFD").match(/\p{M}/gu) ?? []).length;
}

function caseRank(s: string): number {
  const upper = /\p{Lu}/u.test(s);
  const lower = /\p{Ll}/u.test(s);
  if (upper && lower) return 2;
  if (!upper) return 1;
  return shoutedLabel(s) === undefined ? 2 : 0;
}

/** Negative when `a` is spelled better (not shouted, accents, then case); 0 when neither is. */
function preferSpelling(a: string, b: string): number {
  return shoutRank(b) - shoutRank(a) || accentCount(b) - accentCount(a) || caseRank(b) - caseRank(a);
}

function shoutRank(s: string): number {
  return shoutedLabel(s) === undefined ? 1 : 0;
}

/**
 * Words written in capitals that are acronyms, not shouting, although they have vowels and could be
 * read as words: the institutions, programs, diseases and units IMSS bulletins name. Capitals with
 * no vowel (`UMF`, `VPH`, `CDMX`), ending in two consonants (`IMSS`) or with a letter three times in a
 * row (`ISSSTE`) are taken as acronyms without being listed here.
 */
const ACRONYMS: ReadonlySet<string> = new Set([
  "IMSS", "ISSSTE", "INFONAVIT", "INSABI", "INEGI", "CONAPO", "COFEPRIS", "CENETEC", "CONACYT", "CONAHCYT", "UNICEF",
  "UNAM", "UAM", "SEP", "SEDENA", "SEMAR", "PEMEX", "CFE", "SAT", "DIF", "ONU", "OMS", "OPS", "OIT", "AFORE", "AFORES",
  "SAR", "IVA", "PIB", "UMA", "UMAE", "UMAA", "UMAES", "UCI", "UCIN", "COVID", "SARS", "VIH", "SIDA", "EPOC", "ELA",
  "ERC", "IRA", "IRAS", "EDA", "EDAS", "TDAH", "TEA", "ADN", "ARN", "ETS", "ITS", "LGBTI", "LGBTIQ", "ENSANUT",
]);

/** Shorter words in capitals with a vowel (`DE`, `LA`, `Y`) are neither shouting nor an acronym by themselves. */
const SHORTEST_WORD = 3;

/** Words a label in Title Case keeps in lower case (not first). */
const MINOR_WORDS: ReadonlySet<string> = new Set(["a", "al", "con", "de", "del", "e", "el", "en", "la", "las", "lo", "los", "o", "para", "por", "sin", "su", "sus", "u", "un", "una", "y"]);

/** Whether a word in capitals is an acronym (`IMSS`, `UMF`, `TB`); `SALUD`, `LEÓN`, `DE` are not. */
function isAcronym(word: string): boolean {
  if (ACRONYMS.has(word)) return true;
  // Acronyms carry no accents: `VACUNACIÓN`, `DÍA` are words.
  if (/[ÁÉÍÓÚÜ]/u.test(word)) return false;
  if (!/[AEIOU]/.test(word)) return true;
  return word.length >= SHORTEST_WORD && (!/[AEIOU]/.test(word.slice(-2)) || /(\p{L})\1\1/u.test(word));
}

/**
 * When `label` is written all in capitals and some word of it is a word, not an acronym (`SALUD`,
 * `NUEVO LEÓN`, `IMSS CHIHUAHUA`): the label with capitals where Spanish puts them, each word's first
 * letter (not `de`, `la`, `y`…) and the acronyms' (`Salud`, `Nuevo León`, `IMSS Chihuahua`). Undefined
 * for anything else (`IMSS`, `COVID-19`, `VIH y SIDA`, `Salud mental`, `2024`).
 */
export function shoutedLabel(label: string): string | undefined {
  if (/\p{Ll}/u.test(label) || !/\p{Lu}/u.test(label)) return undefined;
  let shouted = false;
  let first = true;
  const written = label.replace(/\p{L}+/gu, (word) => {
    const isFirst = first;
    first = false;
    const lower = word.toLowerCase();
    if (!isFirst && MINOR_WORDS.has(lower)) return lower;
    if (isAcronym(word)) return word;
    if (word.length >= SHORTEST_WORD) shouted = true;
    return lower.charAt(0).toUpperCase() + lower.slice(1);
  });
  return shouted ? written : undefined;
}

/** Negative when `a` is the better label, counts aside (a strict order). */
export function preferVariant(a: string, b: string): number {
  return preferSpelling(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
