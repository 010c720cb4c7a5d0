import { endsSentence, foldForMatch, plainText, startsLowercase } from "./inline.ts";
import { ENTITY_PATTERN } from "./state-office.ts";

/**
 * Page furniture: the letterhead, headers and footers Word and PDF repeat on every page, page numbers,
 * page-break rules and the end mark. Converted text carries them wherever a page broke, often in the
 * middle of a paragraph.
 */

/** Lines that are letterhead wherever they appear (compared folded: no case, no accents). */
const FURNITURE_PHRASES = new Set([
  "gobierno de mexico",
  "boletin de prensa",
  "comunicado de prensa",
  "imss",
  "instituto mexicano del seguro social",
  "imss bienestar", // letterhead logo text (`IMSS-BIENESTAR` too), never a sentence on its own
  "seguridad y solidaridad social",
  "secretaria de salud",
  "salud secretaria de salud", // the Secretaría's logo: `SALUD` over `SECRETARÍA DE SALUD`
]);

/** The IMSS, its state offices and the places they are in, as the press office's line names them. */
const ENTITY = `(?:${ENTITY_PATTERN})`;
const ORGANIZATION = `(?:imss(?: bienestar)?|instituto mexicano del seguro social(?: \\(imss\\))?|(?:oficina de representacion|representacion (?:estatal|regional)|delegacion(?: estatal| regional)?)(?: del imss)?)`;
const SEPARATOR = "(?:,| [|–—-])? ";
/**
 * A line that is only the press office's name: `UNIDAD DE COMUNICACIÓN SOCIAL`, `Comunicación Social
 * IMSS`, `Coordinación de Comunicación Social, IMSS Sonora`, `… del IMSS`, `… de la Oficina de
 * Representación en Jalisco`, `… en Sonora`. Only an organization or a place may follow the name, so
 * `Comunicación social en salud: el reto…` (a subheading) is text.
 */
const PRESS_OFFICE_RE = new RegExp(
  `^(?:(?:unidad|coordinacion|jefatura|departamento|area|oficina|direccion)(?: (?:de|del|estatal de|regional de))? )?comunicacion social` +
    `(?:${SEPARATOR}(?:(?:de la |del? |en )?${ORGANIZATION}(?:${SEPARATOR}(?:en (?:el )?)?${ENTITY})?|(?:en (?:el )?)?${ENTITY}))?$`,
  "u",
);
const PAGE_NUMBER_RE = /^(?:pagina|pag)\.? ?\d{1,3}(?: ?(?:de|\/) ?\d{1,3})?$|^\d{1,3} ?(?:de|\/) ?\d{1,3}$/;
/** `- 2 -`: a number between dashes is a page number wherever it is (tested before folding, which drops the dashes). */
const DASHED_PAGE_NUMBER_RE = /^[-–—] ?\d{1,3} ?[-–—]$/;
/** `7`: a page number only where a page breaks (`isBarePageNumber`); elsewhere a figure (a table's cell). */
const BARE_NUMBER_RE = /^[-–—]? ?\d{1,3} ?[-–—]?$/;

/** Office lines of state bulletins; only letterhead above the title (in a sentence they are body). */
const OFFICE_RE = /^(?:oficina de representacion|representacion (?:estatal|regional)|delegacion (?:estatal|regional)|jefatura delegacional)\b.{0,60}$/;
/** `IMSS JALISCO`, `IMSS Nuevo León`: a state office's letterhead, only on a line of its own above the title (`IMSS Jalisco inaugura…` is a title). */
const STATE_IMSS_RE = new RegExp(`^imss(?: en| ?[,|–—-])? ${ENTITY}$`, "u");
/** The IMSS's directorates, as a letterhead names the one a release comes from (`Dirección de Prestaciones Médicas`). */
const DIRECTORATE_RE =
  /^direccion (?:de prestaciones medicas|de prestaciones economicas y sociales|de incorporacion y recaudacion|de finanzas|de administracion|juridica|de innovacion y desarrollo tecnologico|de planeacion para la transformacion institucional|de operacion y evaluacion|de vinculacion institucional y evaluacion de delegaciones)$/;

/**
 * `2024: Año de Felipe Carrillo Puerto, Benemérito del Proletariado…`, `“2023, Año de Francisco
 * Villa…”`: the year's official legend heading federal documents, however long. A year, then `Año
 * de`/`Año del` capitalized and a name (capitalized, maybe after an article); no sentence's end
 * (`2024, año de retos para el IMSS.`, `2024: Año de Elecciones. El IMSS…` are text).
 */
const YEAR_LEGEND_RE = /^["“«]?(?:19|20)\d\d ?(?:[:,.]|[-–—])? ?["“«]?(?:Año|AÑO) (?:de|DE)(?:l|L)? (?:(?:la|las|los|el|LA|LAS|LOS|EL) )?["“«]?\p{Lu}[^.!?]*$/u;
const MAX_LEGEND_LENGTH = 250;

/** Furniture is short; longer lines are text (and are not folded, which is the costly part). */
const MAX_FURNITURE_LENGTH = 90;

export function isPageFurniture(line: string): boolean {
  if (isYearLegend(line)) return true;
  if (line.length > MAX_FURNITURE_LENGTH) return false;
  if (line.includes("|")) {
    // `GOBIERNO DE MÉXICO | IMSS`: a logo strip, each part furniture.
    const parts = line.split("|").map((p) => p.trim());
    if (parts.length >= 2 && parts.every((p) => p !== "" && isPageFurniture(p))) return true;
  }
  const folded = foldForMatch(line);
  if (!folded) return false;
  return FURNITURE_PHRASES.has(folded.replace(/ ?[-‐] ?/g, " ")) || PRESS_OFFICE_RE.test(folded) || PAGE_NUMBER_RE.test(folded) || DASHED_PAGE_NUMBER_RE.test(line.trim());
}

export function isYearLegend(line: string): boolean {
  return line.length <= MAX_LEGEND_LENGTH && /^\W{0,8}(?:19|20)\d\d/.test(line.trim()) && YEAR_LEGEND_RE.test(plainText(line));
}

/** Words a legend's names have in lower case (`Benemérito del Proletariado`, `Revolucionario y Defensor del Mayab`). */
const LEGEND_CONNECTOR = "de|del|la|las|los|el|y|e|en|a|al|por|para";
/** A legend left open: it ends with a comma or a word that needs another after it (`…Benemérito del`). */
const OPEN_END_RE = new RegExp(`(?:[,;:–—-]|\\s(?:${LEGEND_CONNECTOR}))$`, "iu");
const CONNECTOR_START_RE = new RegExp(`^(?:${LEGEND_CONNECTOR})\\s`, "u");

/**
 * The federal year legends, as their decrees (Diario Oficial) write them: every federal document of the year
 * carries one, so a release's letterhead does. A page may cut one anywhere, also right after a complete name
 * (`2024: Año de Felipe Carrillo Puerto` + `Benemérito del Proletariado, …`), where nothing in the first line
 * says that more follows.
 */
export const FEDERAL_YEAR_LEGENDS = [
  "2016, Año del Nuevo Sistema de Justicia Penal",
  "2017, Año del Centenario de la Promulgación de la Constitución Política de los Estados Unidos Mexicanos",
  "2019, Año del Caudillo del Sur, Emiliano Zapata",
  "2020, Año de Leona Vicario, Benemérita Madre de la Patria",
  "2021: Año de la Independencia",
  "2022, Año de Ricardo Flores Magón, Precursor de la Revolución Mexicana",
  "2023, Año de Francisco Villa, el revolucionario del pueblo",
  "2024: Año de Felipe Carrillo Puerto, Benemérito del Proletariado, Revolucionario y Defensor del Mayab",
  "2025, Año de la Mujer Indígena",
] as const;

/** A legend's words only (no case, accents, punctuation, emphasis or quotes), to compare its pieces. */
function legendWords(text: string): string {
  return foldForMatch(text)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export interface LegendContext {
  /**
   * The line after `next` (blank lines aside) is the release's head or more letterhead (the dateline, the
   * number, a header line) or a page break: `next` is still in the letterhead above the release's own lines.
   */
  headFollows?: boolean;
  /** Whole legends already read in this release (a page header repeats its legend on every page). */
  known?: readonly string[];
}

/** How a line was taken as the rest of the year's legend, when it was. */
export type LegendContinuation =
  /** The legend so far was left open (a comma, a connector, an open quote) or the line starts with a connector. */
  | "open"
  /** Both lines together are the start of a legend the importer knows (a decree's, or one read before). */
  | "known"
  /**
   * A legend the importer does not know, cut after a complete name: the line is a list of names and the
   * release's head follows it. A guess, which the editor is told about.
   */
  | "names";

/**
 * The legend wrapped onto the next line by the page or the converter (`2024: Año de Felipe Carrillo Puerto,
 * Benemérito del Proletariado,` + `Revolucionario y Defensor del Mayab`). Both together must still be a
 * legend (no sentence's end), and one of:
 * - the legend so far is left open (a comma, a connector, a quote not closed) and the next line is names
 *   (every word capitalized but the short connectors: a title or a sentence has words in lower case) or
 *   starts in lower case; or the next line is names that start with a connector (`y Defensor del Mayab`);
 * - both lines are the start of a legend the importer knows (a federal decree's, or one this release already
 *   showed whole): a cut after a complete name (`2024: Año de Felipe Carrillo Puerto` + `Benemérito del
 *   Proletariado, …`, `2023, Año de Francisco Villa` + `el revolucionario del pueblo`);
 * - for a legend it does not know, cut after a complete name: the next line is a list of names with no figure
 *   and no acronym (titles name the IMSS, have figures, or have their verb in lower case) and the release's
 *   head comes right after it (`context.headFollows`).
 * A complete legend followed by a title (`IMSS inaugura…`), or by a sentence a page break cut, is not continued.
 */
export function yearLegendContinuation(legend: string, next: string, context: LegendContext = {}): LegendContinuation | undefined {
  const a = plainText(legend);
  const b = plainText(next);
  if (!a || !b || b.length > MAX_FURNITURE_LENGTH || endsSentence(a)) return undefined;
  if (!isYearLegend(legend) || !isYearLegend(`${a} ${b}`)) return undefined;
  const names = b.split(/\s+/).every((w) => w.replace(/[^\p{L}]/gu, "").length <= 3 || /^[“«"(]*\p{Lu}/u.test(w));
  const openQuote = (a.match(/[“«]/g)?.length ?? 0) > (a.match(/[”»]/g)?.length ?? 0) || (a.match(/"/g)?.length ?? 0) % 2 === 1;
  const open = OPEN_END_RE.test(a) || openQuote;
  // Left open, the legend may go on in lower case (`2023, Año de Francisco Villa,` + `el revolucionario del pueblo`).
  if ((open && (names || startsLowercase(b))) || (CONNECTOR_START_RE.test(b) && names)) return "open";
  const sofar = legendWords(a);
  const both = legendWords(`${a} ${b}`);
  const known = [...FEDERAL_YEAR_LEGENDS, ...(context.known ?? [])].map(legendWords);
  if (known.some((whole) => whole.length > sofar.length && (whole === both || whole.startsWith(`${both} `)))) return "known";
  // A legend the importer knows is over when it is complete: what follows is the release.
  if (known.includes(sofar)) return undefined;
  const upper = a === a.toUpperCase();
  const acronym = /\bIMSS\b/iu.test(b) || (!upper && /\p{Lu}{2,}/u.test(b));
  if (names && context.headFollows && !/\d/.test(b) && !acronym && /^[“«"(]*\p{Lu}/u.test(b)) return "names";
  return undefined;
}

/** Whether `next` is the rest of the year's legend (see `yearLegendContinuation`). */
export function continuesYearLegend(legend: string, next: string, context: LegendContext = {}): boolean {
  return yearLegendContinuation(legend, next, context) !== undefined;
}

/**
 * A line that is only a number (`7`, `- 7`) may be a page number or a figure of the text (a table's
 * cell, one per line). The caller decides by where it is: beside a page break or other furniture.
 */
export function isBareNumber(line: string): boolean {
  return line.length <= 9 && BARE_NUMBER_RE.test(line.trim());
}

/**
 * Letterhead only above the title (the caller checks that): a state office's lines (`Oficina de
 * Representación en Yucatán`, `IMSS JALISCO`) and a directorate's (`Dirección de Prestaciones Médicas`).
 */
export function isLetterheadOffice(line: string): boolean {
  if (line.length > MAX_FURNITURE_LENGTH) return false;
  const folded = foldForMatch(line);
  return OFFICE_RE.test(folded) || STATE_IMSS_RE.test(folded) || DIRECTORATE_RE.test(folded);
}

/** What a page footer gives: the IMSS's web address, a phone line, a street address. */
export type FooterPart = "web" | "phone" | "address";

/** The IMSS's address alone, with no path (`www.imss.gob.mx`): a link the text gives names a page. */
const FOOTER_WEB_RE = /(?:^|\s)(?:https?:\/\/)?(?:www\.)?imss\.gob\.mx\/?(?=[\s|,;·]|$)/giu;
/** `Tel. 55 5238 2700 ext. 10310`, `Tel. (55) 5238 2700, ext. 10310`, `Teléfono: 55 5238 2700`, `Conmutador 55 5238 2700`. */
const FOOTER_PHONE_RE =
  /(?:^|\s)(?:tel[eé]fonos?|tels?\.?|conmutador)\s*:?\s*\+?[\d(][\d\s().-]{6,}\d(?:,?\s*(?:ext|extensi[oó]n)\.?\s*:?\s*\d{1,6}(?:\s*(?:,|y)\s*\d{1,6})*)?/giu;
/** A street (`Av. Paseo de la Reforma No. 476, Col. Juárez, C.P. 06600, Alcaldía Cuauhtémoc`): a street word first, and a colonia, postal code or alcaldía. */
const FOOTER_STREET_RE = /^(?:av\.|avenida|calle|paseo|blvd\.?|bulevar|boulevard|calz\.|calzada|carretera|prol\.|prolongaci[oó]n)\s/iu;
const FOOTER_PLACE_RE = /\b(?:c\.\s?p\.|cp\s?\d{5}|col\.|colonia|alcald[ií]a)/iu;
const MAX_FOOTER_LENGTH = 200;

/**
 * The parts of a page footer a line is made of, and nothing else (separators aside): the IMSS's web
 * address, a phone line, a street address, alone or together (`Av. Paseo de la Reforma 476, … Tel. (55)
 * 5238 2700 www.imss.gob.mx`). Undefined for any other line. Whether it is the footer or a line of the
 * text depends on where it is (text.ts `removeFooters`).
 */
export function footerParts(line: string): Set<FooterPart> | undefined {
  const text = plainText(line).trim();
  if (text === "" || text.length > MAX_FOOTER_LENGTH) return undefined;
  const parts = new Set<FooterPart>();
  let rest = text.replace(FOOTER_WEB_RE, () => (parts.add("web"), " ")).replace(FOOTER_PHONE_RE, () => (parts.add("phone"), " "));
  rest = rest.replace(/^[\s|,;·–—-]+|[\s|,;·–—-]+$/g, "");
  if (rest !== "" && FOOTER_STREET_RE.test(rest) && FOOTER_PLACE_RE.test(rest) && proseWords(rest) < 2) {
    parts.add("address");
    rest = "";
  }
  return parts.size > 0 && rest.replace(/[\s|,;·–—-]+/g, "") === "" ? parts : undefined;
}

/** Words in lower case other than an address's connectors (`de la Reforma`): a sentence has them, an address hardly any. */
function proseWords(text: string): number {
  return text.split(/\s+/).filter((w) => /^\p{Ll}/u.test(w) && !/^(?:de|del|la|las|los|el|y|e|en|sin|s\/n)$/u.test(w.replace(/[,.;:]+$/, ""))).length;
}

/** `GOBIERNO DE` + `MÉXICO`: a phrase split over two lines (a logo's text box). */
export function isSplitFurniture(first: string, second: string): boolean {
  if (first.length + second.length > MAX_FURNITURE_LENGTH) return false;
  const a = foldForMatch(first);
  const b = foldForMatch(second);
  return a !== "" && b !== "" && a.split(" ").length + b.split(" ").length <= 6 && isPageFurniture(`${a} ${b}`);
}

/** `---o0o---`, `—oOo—`, `-0-`, `ooOoo`, `###`: the end of the release. */
export function isEndMark(line: string): boolean {
  const t = line.trim().replace(/\\/g, "");
  return /^[-–—_=*\s]*(?:o0o|oOo|0o0|o0o0o|ooOoo|000|-0-)[-–—_=*\s]*$/.test(t) || /^[-–—\s]*(?:###|fin|-30-)[-–—\s]*$/i.test(t);
}

/** A markdown thematic break (`---`, `***`, `___`, `- - -`): a page break in converted documents. */
export function isRule(line: string): boolean {
  return /^(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$/.test(line.trim());
}
