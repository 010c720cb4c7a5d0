import { DateTime, FixedOffsetZone, type Zone } from "luxon";
import { DAY_MS, tabledZone } from "./zone-offsets.ts";

/**
 * Bulletin dates. Parsed from the text the editor wrote (never from a YAML Date: YAML parsers
 * drop the offset and roll impossible dates over).
 *
 * - An explicit offset is kept as written: the time shown is the time written.
 * - No offset (or a bare date): the site's time zone, with its historic DST rules
 *   (Mexico City observed DST until October 2022).
 * - UTC (`Z`, `+00:00`, as sites set to UTC export their dates): converted to the site's time zone.
 * - An offset needs a time: `2023-08-16Z` is refused (midnight UTC is the day before in Mexico).
 * The calendar day is always the local day, never the UTC day.
 */
export interface BulletinDate {
  /** ISO 8601 with offset, no milliseconds: `2021-08-19T18:08:00-06:00`. */
  iso: string;
  /** `AAAA-MM-DD` of the local day. */
  day: string;
  year: number;
  month: number;
  dayOfMonth: number;
  /** `08`: two digits, for URLs. */
  monthPadded: string;
  epochMs: number;
  /** Whether a time was written (a bare date shows no time). */
  hasTime: boolean;
  /** `jueves 19 de agosto de 2021` */
  text: string;
  /** `18:08` or empty when no time was written. */
  time: string;
}

/**
 * A date read, with something to say: a local time the site's zone skipped (`gap`) or went through twice
 * (`ambiguous`) when its clocks changed, or a day-first date that reads otherwise with the month first.
 */
export interface DateWarning {
  code: "date-dst-gap" | "date-dst-ambiguous" | "date-day-month";
  message: string;
  hint?: string;
}

export type DateParseResult =
  | { ok: true; date: BulletinDate; value: DateTime; warning?: DateWarning }
  | { ok: false; message: string };

export const DATE_FORMATS_HINT =
  "Formatos aceptados: 2024-04-09, 2024-04-09T10:30:00-06:00, 2024-04-09 10:30:00 -0600, 2024-04-09T16:30:00Z o 09/04/2024 (día/mes/año).";

const ISO_RE =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;
const DMY_RE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

interface DateParts {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
  millisecond?: number;
  offset?: string;
  /** Written day first (`09/04/2024`), as Mexico writes dates. */
  dayFirst?: true;
}

export function parseBulletinDate(input: string, timeZone: string): DateParseResult {
  const text = input.trim();
  const parts = matchParts(text);
  if (!parts) return { ok: false, message: `«${text}» no es una fecha reconocible.` };
  const invalid = checkParts(parts);
  if (invalid) return { ok: false, message: `«${text}» no es una fecha válida: ${invalid}.` };

  const hasTime = parts.hour !== undefined;
  if (!hasTime && parts.offset !== undefined) {
    const day = `${parts.year}-${pad(parts.month)}-${pad(parts.day)}`;
    return { ok: false, message: `«${text}» tiene desfase horario pero no hora: el día que muestra el sitio depende de la hora. Escribe solo el día (${day}) o la hora con su desfase (${day}T10:30:00-06:00).` };
  }
  // The time as written, on a clock that never changes (milliseconds since 1970 of that wall time).
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0, parts.millisecond ?? 0);

  let value: DateTime;
  let warning: DateWarning | undefined;
  if (parts.offset === undefined) {
    const zone = tabledZone(timeZone);
    const local = inZone(wall, zone);
    value = DateTime.fromMillis(local.epochMs, { zone });
    const written = `${pad(parts.hour ?? 0)}:${pad(parts.minute ?? 0)}`;
    if (local.kind === "gap") {
      const used = `${pad(value.hour)}:${pad(value.minute)}`;
      warning = {
        code: "date-dst-gap",
        message: `La hora ${written} no existe en ${timeZone} ese día (cambio de horario); se usa ${used}.`,
        hint: `Escribe la hora que el reloj marcaba: ${value.toFormat("yyyy-MM-dd")} ${used} si es la que se usa, o la que corresponda.`,
      };
    } else if (local.kind === "ambiguous") {
      warning = {
        code: "date-dst-ambiguous",
        message: `La hora ${written} ocurrió dos veces en ${timeZone} ese día (cambio de horario); se usa la primera (${value.toFormat("ZZ")}).`,
        hint: `Si es la segunda, escribe el desfase: ${value.toFormat("yyyy-MM-dd")} ${written} ${DateTime.fromMillis(local.later!, { zone }).toFormat("ZZZ")}`,
      };
    }
  } else if (isUtc(parts.offset)) {
    value = DateTime.fromMillis(wall, { zone: tabledZone(timeZone) });
  } else {
    const minutes = offsetMinutes(parts.offset);
    if (minutes === undefined) return { ok: false, message: `«${text}» tiene un desfase horario imposible (${parts.offset}).` };
    value = DateTime.fromMillis(wall - minutes * MINUTE_MS, { zone: FixedOffsetZone.instance(minutes) });
  }
  if (!value.isValid) return { ok: false, message: `«${text}» no es una fecha válida (${value.invalidExplanation ?? "fecha inválida"}).` };
  // `04/09/2024` is 4 September here, and 9 April where months go first: said, with the unambiguous way to write each.
  if (!warning && parts.dayFirst && parts.day <= 12 && parts.day !== parts.month) {
    const asWritten = `${parts.day} de ${monthName(parts.month)} de ${parts.year}`;
    const swapped = `${parts.month} de ${monthName(parts.day)} de ${parts.year}`;
    warning = {
      code: "date-day-month",
      message: `«${text}» se lee como día/mes/año: ${asWritten}.`,
      hint: `Para que no haya duda, escribe ${parts.year}-${pad(parts.month)}-${pad(parts.day)}${text.includes(":") ? " con la hora" : ""}; si era ${swapped}, escribe ${parts.year}-${pad(parts.day)}-${pad(parts.month)}.`,
    };
  }
  return { ok: true, date: toBulletinDate(value, hasTime), value, ...(warning ? { warning } : {}) };
}

const MINUTE_MS = 60 * 1000;

/**
 * The instant a wall time (`wall`, as `Date.UTC` of its fields) names in a zone, by one rule that
 * depends on nothing else (luxon's own guess starts from the zone's offset *now*, so a time that
 * occurs twice changed meaning with the season the site was built in):
 * - the zone's offsets a day before and a day after; each one that names back the same wall time is a
 *   reading of it;
 * - one reading: that one; two (clocks went back, the hour happened twice): the earlier, `ambiguous`;
 * - none (clocks went forward over it): the wall time read with the offset from before the change,
 *   which lands as far past the change as the time was past its start (02:30 over 02:00→03:00: 03:30), `gap`.
 */
function inZone(wall: number, zone: Zone): { epochMs: number; kind: "exact" | "ambiguous" | "gap"; later?: number } {
  const before = zone.offset(wall - DAY_MS);
  const after = zone.offset(wall + DAY_MS);
  const readings = [...new Set([before, after])].map((offset) => wall - offset * MINUTE_MS).filter((ms) => wall - zone.offset(ms) * MINUTE_MS === ms);
  if (readings.length === 0) return { epochMs: wall - before * MINUTE_MS, kind: "gap" };
  const [first, second] = readings.sort((a, b) => a - b);
  return second === undefined ? { epochMs: first!, kind: "exact" } : { epochMs: first!, kind: "ambiguous", later: second };
}

function matchParts(text: string): DateParts | undefined {
  const iso = ISO_RE.exec(text);
  if (iso) {
    const [, y, mo, d, h, mi, s, frac, off] = iso;
    return {
      ...numericParts(y, mo, d, h, mi, s),
      ...(frac !== undefined ? { millisecond: Math.floor(Number(`0.${frac}`) * 1000) } : {}),
      ...(off !== undefined ? { offset: off } : {}),
    };
  }
  const dmy = DMY_RE.exec(text);
  if (dmy) {
    const [, d, mo, y, h, mi, s] = dmy;
    return { ...numericParts(y, mo, d, h, mi, s), dayFirst: true };
  }
  return undefined;
}

function numericParts(...[y, mo, d, h, mi, s]: Array<string | undefined>): DateParts {
  return {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    ...(h !== undefined ? { hour: Number(h), minute: Number(mi) } : {}),
    ...(s !== undefined ? { second: Number(s) } : {}),
  };
}

function checkParts(p: DateParts): string | undefined {
  if (p.year < 1900 || p.year > 2200) return `el año ${p.year} está fuera de rango`;
  if (p.month < 1 || p.month > 12) return `el mes ${p.month} no existe`;
  const days = daysInMonth(p.year, p.month);
  if (p.day < 1 || p.day > days) return `el día ${p.day} no existe en ${MONTHS[p.month - 1]} de ${p.year} (tiene ${days} días)`;
  if (p.hour !== undefined && p.hour > 23) return `la hora ${p.hour} no existe`;
  if (p.minute !== undefined && p.minute > 59) return `el minuto ${p.minute} no existe`;
  if (p.second !== undefined && p.second > 59) return `el segundo ${p.second} no existe`;
  return undefined;
}

/** `Z`, `+00:00`, `-0000`, `+00`: UTC. */
function isUtc(offset: string): boolean {
  return offset.toUpperCase() === "Z" || /^[+-]00:?(?:00)?$/.test(offset);
}

function offsetMinutes(offset: string): number | undefined {
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(offset);
  if (!m) return undefined;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? "0");
  if (hours > 14 || minutes > 59) return undefined;
  return (m[1] === "-" ? -1 : 1) * (hours * 60 + minutes);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** Spanish month names (CLDR es-MX, lower case as Spanish writes them). */
export const MONTHS = [
  "enero",
  "febrero",
  "marzo",
  "abril",
  "mayo",
  "junio",
  "julio",
  "agosto",
  "septiembre",
  "octubre",
  "noviembre",
  "diciembre",
] as const;

export function monthName(month: number): string {
  const name = MONTHS[month - 1];
  if (!name) throw new RangeError(`month ${month}`);
  return name;
}

export function toBulletinDate(value: DateTime, hasTime: boolean): BulletinDate {
  return {
    iso: value.toISO({ suppressMilliseconds: true, includeOffset: true }) ?? "",
    // Plain string building: luxon's toFormat goes through Intl and costs ~10× more per date.
    day: `${value.year}-${pad(value.month)}-${pad(value.day)}`,
    year: value.year,
    month: value.month,
    dayOfMonth: value.day,
    monthPadded: pad(value.month),
    epochMs: value.toMillis(),
    hasTime,
    text: formatLongDate(value),
    time: hasTime ? `${pad(value.hour)}:${pad(value.minute)}` : "",
  };
}

/**
 * What a `<time datetime>` attribute says of a date: the instant with its offset when a time was
 * written, the day alone when not (a bare `2024-04-09` was not published at midnight).
 */
export function htmlDatetime(date: Pick<BulletinDate, "iso" | "day" | "hasTime">): string {
  return date.hasTime ? date.iso : date.day;
}

/** Weekday names, Monday first (luxon's `weekday` 1–7). */
export const WEEKDAYS = ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"] as const;

/**
 * `jueves 19 de agosto de 2021`, in the date's own zone. Built from fixed Spanish names rather than
 * ICU formatting: the same on every Node build, and much cheaper for tens of thousands of dates
 * (es-MX in CLDR also puts a comma after the weekday, which press style does not).
 */
export function formatLongDate(value: DateTime): string {
  return `${WEEKDAYS[value.weekday - 1]} ${value.day} de ${MONTHS[value.month - 1]} de ${value.year}`;
}
