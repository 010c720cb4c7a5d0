import { daysInMonth, MONTHS, WEEKDAYS as WEEKDAY_NAMES } from "../policy/dates.ts";

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
  /** The weekday as written (`martes`), when the line names one. */
  weekday?: string;
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
  String.raw`^(?:(.+?)\s*,\s*)?(?:(${WEEKDAYS})\s*,?\s+)?(?:a\s+)?(?:${DAY})\s+de\s+(${MONTH_ALTERNATION})\s*,?\s+(?:de(?:l)?\s+)?(\d{4})\b(.*)$`,
  "iu",
);

/** A place name: letters, spaces, dots, commas and hyphens, starting with a capital; short. */
const CITY_RE = /^\p{Lu}[\p{L}\s.,'’-]*\p{L}\.?$/u;
const MAX_CITY_WORDS = 8;

/** Parse a dateline at the start of `line` (markdown emphasis already removed). */
export function matchDateline(line: string): Dateline | undefined {
  const m = DATELINE_RE.exec(line.trim());
  if (!m) return undefined;
  const [, rawCity, weekday, dayDigits, dayWord, monthName, yearText, rest = ""] = m;
  const date = calendarDay(Number(yearText), monthNumber(monthName ?? ""), dayWord ? 1 : Number(dayDigits));
  if (!date) return undefined;
  let city: string | undefined;
  if (rawCity !== undefined) {
    city = rawCity.replace(/\s+/g, " ").replace(/[\s,]+$/, "").trim();
    if (!CITY_RE.test(city) || city.split(" ").length > MAX_CITY_WORDS) return undefined;
  }
  return { date, ...(city ? { city } : {}), rest, ...(weekday ? { weekday: weekday.toLowerCase() } : {}) };
}

/**
 * When the dateline names a weekday that is not the date's (`sábado 9 de abril de 2024`: a Tuesday),
 * what to tell the editor: a wrong weekday is the surest sign of a mistyped day.
 */
export function weekdayMismatch(d: Dateline): string | undefined {
  if (!d.weekday) return undefined;
  const actual = WEEKDAY_NAMES[(new Date(Date.UTC(d.date.year, d.date.month - 1, d.date.day)).getUTCDay() + 6) % 7]!;
  if (withoutAccents(d.weekday) === withoutAccents(actual)) return undefined;
  return `La línea de fecha dice «${d.weekday}», pero el ${d.date.day} de ${MONTHS[d.date.month - 1]} de ${d.date.year} fue ${actual}: revisa el día.`;
}

/** A date written like a dateline's (`31 de abril de 2024`, `09/04/2024`) somewhere in a short line. */
const DATE_IN_LINE_RE = new RegExp(String.raw`\b(\d{1,2})\s*(?:º|°|o\.?)?\s+de\s+(${MONTH_ALTERNATION})\s*,?\s+(?:de(?:l)?\s+)?(\d{4})\b`, "iu");
const NUMERIC_DATE_RE = /(?:^|[\s,;:])\d{1,2}[/.-]\d{1,2}[/.-]\d{4}\b/;
/** Longer lines are sentences of the text, which may mention dates. */
const MAX_DATELINE_LENGTH = 90;

/**
 * Why a short line that holds a date is not a dateline the importer reads (`Ciudad de México, 31 de
 * abril de 2024`, `Ciudad de México a 9 de abril de 2024`, `09/04/2024`); undefined for any other line.
 */
export function unreadableDateline(line: string): string | undefined {
  const text = line.trim();
  if (text.length > MAX_DATELINE_LENGTH || matchDateline(text)) return undefined;
  const m = DATE_IN_LINE_RE.exec(text);
  if (m) {
    const [, day, month, year] = m as unknown as [string, string, string, string];
    if (!calendarDay(Number(year), monthNumber(month), Number(day))) return `el ${Number(day)} de ${month.toLowerCase()} de ${year} no existe`;
    return "no tiene la forma «Ciudad de México, martes 9 de abril de 2024» (lugar, coma, día de la semana, fecha)";
  }
  if (NUMERIC_DATE_RE.test(text)) return "la fecha está escrita con números; escríbela como «martes 9 de abril de 2024»";
  return undefined;
}

function withoutAccents(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
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
  const n = withoutAccents(name);
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
