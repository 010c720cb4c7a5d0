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
  /** `acronyms`: words the corpus's prose vouches for as acronyms (see `AcronymLexicon`). */
  constructor(private readonly acronyms: AcronymLexicon = NO_ACRONYMS) {}

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
      const spelling = best === undefined ? -1 : preferSpelling(variant, best, this.acronyms);
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

function caseRank(s: string, acronyms: AcronymLexicon): number {
  const upper = /\p{Lu}/u.test(s);
  const lower = /\p{Ll}/u.test(s);
  if (upper && lower) return 2;
  if (!upper) return 1;
  return shoutedLabel(s, acronyms) === undefined ? 2 : 0;
}

/** Negative when `a` is spelled better (not shouted, accents, then case); 0 when neither is. */
function preferSpelling(a: string, b: string, acronyms: AcronymLexicon): number {
  return shoutRank(b, acronyms) - shoutRank(a, acronyms) || accentCount(b) - accentCount(a) || caseRank(b, acronyms) - caseRank(a, acronyms);
}

function shoutRank(s: string, acronyms: AcronymLexicon): number {
  return shoutedLabel(s, acronyms) === undefined ? 1 : 0;
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

/**
 * Words in capitals that the corpus's own prose uses as acronyms although the rule of `isAcronym`
 * would read them as words (`SAI`, `UNEME`, `INAPAM`): a bulletin introduces one in parentheses after
 * what it stands for (`Sistema de Abasto Institucional (SAI)`), or two bulletins use it in running
 * text (`acronymsIn`; model/corpus.ts `acronymLexicon` gathers them). A tag or section made of such
 * words is not shouting: `SAI` is shown and kept as written, and no warning says to write `Sai`.
 */
export type AcronymLexicon = ReadonlySet<string>;
const NO_ACRONYMS: AcronymLexicon = new Set();

/** Shorter words in capitals with a vowel (`DE`, `LA`, `Y`) are neither shouting nor an acronym by themselves. */
const SHORTEST_WORD = 3;

/** Words a label in Title Case keeps in lower case (not first). */
const MINOR_WORDS: ReadonlySet<string> = new Set(["a", "al", "con", "de", "del", "e", "el", "en", "la", "las", "lo", "los", "o", "para", "por", "sin", "su", "sus", "u", "un", "una", "y"]);

/** Whether a word in capitals is an acronym (`IMSS`, `UMF`, `TB`, and those of `acronyms`); `SALUD`, `LEÓN`, `DE` are not. */
function isAcronym(word: string, acronyms: AcronymLexicon): boolean {
  if (ACRONYMS.has(word) || acronyms.has(word)) return true;
  // Acronyms carry no accents: `VACUNACIÓN`, `DÍA` are words.
  if (/[ÁÉÍÓÚÜ]/u.test(word)) return false;
  if (!/[AEIOU]/.test(word)) return true;
  return word.length >= SHORTEST_WORD && (!/[AEIOU]/.test(word.slice(-2)) || /(\p{L})\1\1/u.test(word));
}

/**
 * When `label` is written all in capitals and some word of it is a word, not an acronym (`SALUD`,
 * `NUEVO LEÓN`, `IMSS CHIHUAHUA`): the label with capitals where Spanish puts them, each word's first
 * letter (not `de`, `la`, `y`…) and the acronyms' (`Salud`, `Nuevo León`, `IMSS Chihuahua`). Undefined
 * for anything else (`IMSS`, `COVID-19`, `VIH y SIDA`, `Salud mental`, `2024`, and with `acronyms`
 * vouching for it, `SAI`).
 */
export function shoutedLabel(label: string, acronyms: AcronymLexicon = NO_ACRONYMS): string | undefined {
  if (/\p{Ll}/u.test(label) || !/\p{Lu}/u.test(label)) return undefined;
  let shouted = false;
  let first = true;
  const written = label.replace(/\p{L}+/gu, (word) => {
    const isFirst = first;
    first = false;
    const lower = word.toLowerCase();
    if (!isFirst && MINOR_WORDS.has(lower)) return lower;
    if (isAcronym(word, acronyms)) return word;
    if (word.length >= SHORTEST_WORD) shouted = true;
    return lower.charAt(0).toUpperCase() + lower.slice(1);
  });
  return shouted ? written : undefined;
}

/** Negative when `a` is the better label, counts aside (a strict order). */
export function preferVariant(a: string, b: string, acronyms: AcronymLexicon = NO_ACRONYMS): number {
  return preferSpelling(a, b, acronyms) || (a < b ? -1 : a > b ? 1 : 0);
}

/** A word in capitals a text uses as an acronym although the rule reads it as a word (see `AcronymLexicon`). */
export interface AcronymUse {
  word: string;
  /** In parentheses, as one introduces an acronym after what it stands for: `Sistema de Abasto Institucional (SAI)`. */
  introduced: boolean;
}

/** Runs of capital letters (ASCII: an acronym has no accent); whole words are picked from these. */
const CAPITALS_RUN = /[A-Z]{3,}/g;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const WORD_BEFORE = /([\p{L}\p{N}]+)[ \t]+$/u;
const WORD_AFTER = /^[ \t]+([\p{L}\p{N}]+)/u;
/** How far around a word its neighbours are looked for (a word is shorter). */
const NEIGHBOUR_REACH = 40;

/**
 * The words in capitals these texts (a bulletin's title, description, highlights and body) use as
 * acronyms, where the rule of `isAcronym` would read them as words, in order of first use: a word
 * in parentheses (`(SAI)`), or one in running text, next to a word with small letters and to no word
 * in capitals (`el programa UNEME de`; not `UNIDAD DE COMUNICACIÓN SOCIAL`, a heading, nor `FOTOS: https://…`,
 * whose neighbour is past a colon). Accented words (`MÉXICO`) are words, never acronyms.
 */
export function acronymsIn(texts: readonly string[]): AcronymUse[] {
  const found = new Map<string, AcronymUse>();
  for (const text of texts) {
    CAPITALS_RUN.lastIndex = 0;
    for (let m = CAPITALS_RUN.exec(text); m; m = CAPITALS_RUN.exec(text)) {
      const word = m[0];
      const start = m.index;
      const end = start + word.length;
      if ((start > 0 && LETTER_OR_DIGIT.test(text[start - 1]!)) || (end < text.length && LETTER_OR_DIGIT.test(text[end]!))) continue;
      if (isAcronym(word, NO_ACRONYMS)) continue;
      const introduced = text[start - 1] === "(" && text[end] === ")";
      if (!introduced && !inRunningText(text, start, end)) continue;
      const known = found.get(word);
      if (!known) found.set(word, { word, introduced });
      else if (introduced) known.introduced = true;
    }
  }
  return [...found.values()];
}

/** Whether the word at `start`–`end` stands between words with small letters, not in a run of capitals. */
function inRunningText(text: string, start: number, end: number): boolean {
  const before = WORD_BEFORE.exec(text.slice(Math.max(0, start - NEIGHBOUR_REACH), start))?.[1];
  const after = WORD_AFTER.exec(text.slice(end, end + NEIGHBOUR_REACH))?.[1];
  const small = (w: string | undefined) => w !== undefined && /\p{Ll}/u.test(w);
  const capitals = (w: string | undefined) => w !== undefined && w.length >= SHORTEST_WORD && !/\p{Ll}/u.test(w) && /\p{Lu}/u.test(w);
  return (small(before) || small(after)) && !capitals(before) && !capitals(after);
}
