import { foldForMatch } from "./inline.ts";

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
  "imss bienestar", // letterhead logo text, never a sentence on its own
  "seguridad y solidaridad social",
]);

/** Any short line naming the press office: `UNIDAD DE COMUNICACIÓN SOCIAL`, `Coordinación de Comunicación Social, IMSS Sonora`. */
const PRESS_OFFICE_RE = /^(?:(?:unidad|coordinacion|jefatura|departamento|area|oficina|direccion)(?: (?:de|del|estatal de|regional de))? )?comunicacion social\b.{0,50}$/;
const PAGE_NUMBER_RE = /^(?:pagina|pag)\.? ?\d{1,3}(?: ?(?:de|\/) ?\d{1,3})?$|^\d{1,3} ?(?:de|\/) ?\d{1,3}$/;
/** `- 2 -`: a number between dashes is a page number wherever it is (tested before folding, which drops the dashes). */
const DASHED_PAGE_NUMBER_RE = /^[-–—] ?\d{1,3} ?[-–—]$/;
/** `7`: a page number only where a page breaks (`isBarePageNumber`); elsewhere a figure (a table's cell). */
const BARE_NUMBER_RE = /^[-–—]? ?\d{1,3} ?[-–—]?$/;

/** Office lines of state bulletins; only letterhead above the title (in a sentence they are body). */
const OFFICE_RE = /^(?:oficina de representacion|representacion (?:estatal|regional)|delegacion (?:estatal|regional)|jefatura delegacional)\b.{0,60}$/;

/** Furniture is short; longer lines are text (and are not folded, which is the costly part). */
const MAX_FURNITURE_LENGTH = 90;

export function isPageFurniture(line: string): boolean {
  if (line.length > MAX_FURNITURE_LENGTH) return false;
  const folded = foldForMatch(line);
  if (!folded) return false;
  return FURNITURE_PHRASES.has(folded) || PRESS_OFFICE_RE.test(folded) || PAGE_NUMBER_RE.test(folded) || DASHED_PAGE_NUMBER_RE.test(line.trim());
}

/**
 * A line that is only a number (`7`, `- 7`) may be a page number or a figure of the text (a table's
 * cell, one per line). The caller decides by where it is: beside a page break or other furniture.
 */
export function isBareNumber(line: string): boolean {
  return line.length <= 9 && BARE_NUMBER_RE.test(line.trim());
}

export function isLetterheadOffice(line: string): boolean {
  return line.length <= MAX_FURNITURE_LENGTH && OFFICE_RE.test(foldForMatch(line));
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
