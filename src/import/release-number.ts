import { normalizeBulletinNumber } from "../model/normalize.ts";
import { NUMBER_PREFIX } from "./number-prefix.ts";
import { isStandaloneDateline, matchDateline } from "./spanish-dates.ts";

/**
 * The bulletin number: `No. 171/2024`, `No.88/2023`, `Núm. 45/2023`, `No. 154 /2022`,
 * `Boletín No. 12/2024`, `Comunicado de prensa Núm. 3/2023`, `BOLETÍN 171/2024`; written with a hyphen
 * (`No. 174-2024`) or a two-digit year (`No 171/24`: 2024) it is the same number. It counts only when it
 * is the whole line, or shares the line with nothing but the dateline (letterhead tables put them side
 * by side), so `UMF No. 68` or `No. 1/2024` inside a sentence is never taken for it.
 */
/** `No. `, or `Boletín `/`Comunicado de prensa ` with or without `No. ` after it. */
const PREFIX = NUMBER_PREFIX;
/** `171/2024`, `171 / 2024`, `171/24`, `174-2024` (a hyphen only before a four-digit year). */
const NUMBER = String.raw`(?<serial>\d{1,5})\s*(?:\/\s*(?<year>\d{4}|\d{2})|[-–]\s*(?<hyphenYear>\d{4}))`;
const SEPARATOR = String.raw`[\s.,;:|–—-]`;
const NUMBER_LINE_RE = new RegExp(String.raw`^${SEPARATOR}*${PREFIX}${NUMBER}\s*\.?$`, "iu");
const NUMBER_TOKEN_RE = new RegExp(String.raw`(^|${SEPARATOR})${PREFIX}${NUMBER}(?=$|${SEPARATOR})`, "iu");
/** `No. 175`: usable only next to a dateline that gives its year. */
const YEARLESS_TOKEN_RE = new RegExp(String.raw`(^|${SEPARATOR})${PREFIX}(?<yearless>\d{1,5})(?=$|${SEPARATOR})`, "iu");
const YEARLESS_LINE_RE = new RegExp(String.raw`^${SEPARATOR}*${PREFIX}(\d{1,5})\s*\.?$`, "iu");

/** `171/2024` from the parts of a number; a two-digit year is of this century. */
function numberOf(groups: Record<string, string | undefined>): string | undefined {
  const serial = groups.serial;
  const year = groups.year ?? groups.hyphenYear;
  if (serial === undefined || year === undefined) return undefined;
  return normalizeBulletinNumber(`${serial}/${year.length === 2 ? `20${year}` : year}`);
}

export function matchNumberLine(line: string): string | undefined {
  const groups = NUMBER_LINE_RE.exec(line.trim())?.groups;
  return groups ? numberOf(groups) : undefined;
}

/**
 * `No. 175` alone on its line (`175`): the line is the bulletin number, but without its year it is no
 * number the bulletin can carry. The caller may complete it with the dateline's year (`withYear`) and say so.
 */
export function matchYearlessNumberLine(line: string): string | undefined {
  const m = YEARLESS_LINE_RE.exec(line.trim());
  return m?.[1] ? String(Number(m[1])) : undefined;
}

/** `175` and the dateline's year → `175/2024`. */
export function withYear(serial: string, year: number): string | undefined {
  return normalizeBulletinNumber(`${serial}/${year}`);
}

/**
 * The number and what else the line says (`No. 171/2024   Ciudad de México, 9 de abril de 2024`).
 * A number without its year (`No. 175`) counts only at the start or the end of a line whose rest is a
 * dateline: the year is the dateline's (`Ciudad de México, 12 de abril de 2024. No. 175` → `175/2024`,
 * `yearFromDate`: the caller tells the editor).
 */
export function splitNumber(line: string): { number: string; rest: string; yearFromDate?: true } | undefined {
  const full = split(line, NUMBER_TOKEN_RE);
  if (full) {
    const number = numberOf(full.groups);
    return number ? { number, rest: full.rest } : undefined;
  }
  const yearless = split(line, YEARLESS_TOKEN_RE);
  if (!yearless || (!yearless.alone.before && !yearless.alone.after)) return undefined;
  const dateline = matchDateline(yearless.rest);
  if (!dateline || !isStandaloneDateline(dateline) || !/^[\s.,;:–—-]*$/.test(dateline.rest)) return undefined;
  const number = withYear(yearless.groups.yearless ?? "", dateline.date.year);
  return number ? { number, rest: yearless.rest, yearFromDate: true } : undefined;
}

/** The number token `re` finds in `line`, and the line without it. */
function split(line: string, re: RegExp): { groups: Record<string, string | undefined>; rest: string; alone: { before: boolean; after: boolean } } | undefined {
  const m = re.exec(line);
  if (!m?.groups) return undefined;
  const before = line.slice(0, m.index + (m[1]?.length ?? 0));
  const after = line.slice(m.index + m[0].length);
  const rest = `${before} ${after}`.replace(/\s+/g, " ").replace(/^[\s.,;:|–—-]+|[\s,;:|–—-]+$/g, "").trim();
  const blank = (text: string) => /^[\s.,;:|–—-]*$/.test(text);
  return { groups: m.groups, rest, alone: { before: blank(before), after: blank(after) } };
}
