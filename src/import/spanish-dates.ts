import { daysInMonth, MONTHS } from "../policy/dates.ts";

/**
 * Spanish datelines of press releases: `Ciudad de México, martes 9 de abril de 2024`,
 * `Monterrey, Nuevo León, a 2 de febrero de 2024.-`, `07 de julio de 2023`, `1º de junio de 2022`.
 * Only whole datelines count: a date inside a sentence (`el 16 de mayo`) is not the bulletin's.
 */
export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

export interface Dateline {
  date: CalendarDay;
  /** `Ciudad de México`, `Monterrey, Nuevo León`; absent when the line has no place. */
  city?: string;
  /** What follows the dateline on the same line (an inline dateline opens the first paragraph). */
  rest: string;
}

const WEEKDAYS = "lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo";
/** `setiembre` is an accepted spelling (RAE); editors type month names without accents too. */
const MONTH_ALTERNATION = [...MONTHS, "setiembre"].join("|");
const DAY = String.raw`(\d{1,2})\s*(?:º|°|o\b|ro\b)?|(primero)`;

/**
 * `[city,] [weekday[,]] [a] D de MES [de|del] AAAA` and what follows. The city is everything before
 * the last comma that precedes the weekday or day (it may itself contain commas: `Monterrey, Nuevo León`).
 */
const DATELINE_RE = new RegExp(
  String.raw`^(?:(.+?)\s*,\s*)?(?:(?:${WEEKDAYS})\s*,?\s+)?(?:a\s+)?(?:${DAY})\s+de\s+(${MONTH_ALTERNATION})\s*,?\s+(?:de(?:l)?\s+)?(\d{4})\b(.*)$`,
  "iu",
);

/** A place name: letters, spaces, dots, commas and hyphens, starting with a capital; short. */
const CITY_RE = /^\p{Lu}[\p{L}\s.,'’-]*\p{L}\.?$/u;
const MAX_CITY_WORDS = 8;

/** Parse a dateline at the start of `line` (markdown emphasis already removed). */
export function matchDateline(line: string): Dateline | undefined {
  const m = DATELINE_RE.exec(line.trim());
  if (!m) return undefined;
  const [, rawCity, dayDigits, dayWord, monthName, yearText, rest = ""] = m;
  const date = calendarDay(Number(yearText), monthNumber(monthName ?? ""), dayWord ? 1 : Number(dayDigits));
  if (!date) return undefined;
  let city: string | undefined;
  if (rawCity !== undefined) {
    city = rawCity.replace(/\s+/g, " ").replace(/[\s,]+$/, "").trim();
    if (!CITY_RE.test(city) || city.split(" ").length > MAX_CITY_WORDS) return undefined;
  }
  return { date, ...(city ? { city } : {}), rest };
}

/**
 * A line that is only a dateline (trailing `.`, `,` allowed), or a dateline followed by the
 * bulletin number (`… de 2024. No. 171/2024`), which the caller reads from `rest`.
 */
export function isStandaloneDateline(d: Dateline): boolean {
  return /^[\s.,;:]*$/.test(d.rest) || /^[\s.,;:–—-]*(?:bolet[ií]n\s+)?(?:n[úu]m(?:ero)?|no|nº|n°)\.?\s*\d/iu.test(d.rest);
}

/**
 * An inline dateline opens the first paragraph and is set off by `.-`, `.–`, `:` or a dash:
 * `Monterrey, Nuevo León, a 2 de febrero de 2024.- El Instituto…`. Returns the paragraph text after it.
 */
export function inlineDatelineText(d: Dateline): string | undefined {
  const m = /^\s*[.,]?\s*(?:[-–—]+|:)\s*(\S.*)$/su.exec(d.rest);
  return m?.[1];
}

export function monthNumber(name: string): number {
  const n = name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase();
  if (n === "setiembre") return 9;
  return MONTHS.indexOf(n as (typeof MONTHS)[number]) + 1;
}

function calendarDay(year: number, month: number, day: number): CalendarDay | undefined {
  if (month < 1 || year < 1900 || year > 2200 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

export function formatCalendarDay(d: CalendarDay): string {
  return `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
}
