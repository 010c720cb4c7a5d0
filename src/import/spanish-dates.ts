import { NUMBER_PREFIX } from "./number-prefix.ts";
import { daysInMonth, MONTHS, WEEKDAYS as WEEKDAY_NAMES } from "../policy/dates.ts";
import { editDistance } from "../policy/nearest.ts";

/**
 * Spanish datelines of press releases: `Ciudad de México, martes 9 de abril de 2024`,
 * `Monterrey, Nuevo León, a 2 de febrero de 2024.-`, `07 de julio de 2023`, `1º de junio de 2022`,
 * `Mérida, Yucatán, 1o. de mayo de 2024`, `9 de abr. de 2024`, `Tlaxcala, Tlax., 9 abril de 2024`,
 * `Ciudad de México a 9 de mayo de 2024` (no comma before `a`),
 * `abril 9, 2024`, `Ciudad de México, 10 de abril de 2024, 18:00 horas` (the time is not kept).
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
/** `abr.`, `sept`: how offices shorten month names (with or without the period). */
const MONTH_ABBREVIATIONS: Readonly<Record<string, number>> = {
  ene: 1, feb: 2, mar: 3, abr: 4, may: 5, jun: 6, jul: 7, ago: 8, sep: 9, sept: 9, set: 9, oct: 10, nov: 11, dic: 12,
};
/**
 * A month: its name (`setiembre` is an accepted spelling, RAE; editors type names without accents too)
 * or its abbreviation. Never the start of a longer word (`abrill` is no month).
 */
const MONTH = String.raw`(?:${[...MONTHS, "setiembre"].join("|")}|(?:${Object.keys(MONTH_ABBREVIATIONS).join("|")})\.?)(?!\p{L})`;
/**
 * The mark of an ordinal day, as the IMSS writes the first of the month: `1º`, `1°`, `1.º`, `1o.`, `1o`,
 * `1ro.`, `1er.`. Only day 1 is written so in Spanish, but the mark does no harm on any day.
 */
const ORDINAL = String.raw`(?:\s?\.?\s?[º°]\.?|(?:o|ro|ero|er)(?!\p{L})\.?)`;
/** `9 de abril`, `1o. de mayo`, `9 abril`, `primero de mayo`, `9 de abr.`; or month first: `abril 9`. */
const DAY_AND_MONTH = String.raw`(?:(?:(?<day>\d{1,2})${ORDINAL}?|(?<first>primero))\s+(?:de\s+)?(?<month>${MONTH})|(?<monthFirst>${MONTH})\s+(?<dayAfter>\d{1,2})${ORDINAL}?)`;
/** Between month and year: `de`, `del`, a comma (`abril 9, 2024`) or nothing (`9 abril 2024`). */
const BEFORE_YEAR = String.raw`(?:\s*,\s*|\s+)(?:del?\s+)?`;
/**
 * A time after the date (`, 18:00 horas`, ` - 14:30 hrs`, `| 10:00 a. m.`): read past, never kept (the
 * bulletin's time is not guessed from it). Only at the end of the dateline, so `– 24 horas después…`
 * opening a paragraph stays text.
 */
const TIME = String.raw`(?:\s*[,;|]?\s*[-–—]?\s*(?:\d{1,2}:\d{2}(?:\s*(?:horas|hrs?|h)\.?|\s*[ap]\.?\s?m\.?)?|\d{1,2}\s*(?:horas|hrs?)\.?)(?![\p{L}\d])(?=\s*(?:$|[.,;:|–—-])))`;

/**
 * After the place: a comma, or only a space before `a` (`Ciudad de México a 9 de mayo de 2024`, a form
 * as common as the comma). Without the comma the place must read like one (see `looksLikePlace`).
 */
const AFTER_PLACE = String.raw`(?:\s*(?<comma>,)\s*|\s+(?=a\s))`;

/**
 * `[city,|city] [a] [weekday[,]] [a] D de MES [de|del] AAAA [time]` and what follows. The city is everything
 * before the last comma (or the `a`) that precedes the weekday or day (it may itself contain commas:
 * `Monterrey, Nuevo León`).
 */
const DATELINE_RE = new RegExp(
  String.raw`^(?:(?<city>.+?)${AFTER_PLACE})?(?:a\s+)?(?:(?<weekday>${WEEKDAYS})\s*,?\s+)?(?:a\s+)?${DAY_AND_MONTH}${BEFORE_YEAR}(?<year>\d{4})(?!\d)(?:${TIME})?(?<rest>.*)$`,
  "iu",
);

/** A place name: letters, spaces, dots, commas and hyphens, starting with a capital; short. */
const CITY_RE = /^\p{Lu}[\p{L}\s.,'’-]*\p{L}\.?$/u;
const MAX_CITY_WORDS = 8;

/** Parse a dateline at the start of `line` (markdown emphasis already removed). */
export function matchDateline(line: string): Dateline | undefined {
  const g = DATELINE_RE.exec(line.trim())?.groups;
  if (!g) return undefined;
  const day = g.first ? 1 : Number(g.day ?? g.dayAfter);
  const date = calendarDay(Number(g.year), monthNumber(g.month ?? g.monthFirst ?? ""), day);
  if (!date) return undefined;
  let city: string | undefined;
  if (g.city !== undefined) {
    city = g.city.replace(/\s+/g, " ").replace(/[\s,]+$/, "").trim();
    if (!CITY_RE.test(city) || city.split(" ").length > MAX_CITY_WORDS) return undefined;
    // `Convoca el IMSS a 9 de…` is a sentence: without a comma only a place name is a place.
    if (!g.comma && !looksLikePlace(city)) return undefined;
  }
  const weekday = g.weekday;
  return { date, ...(city ? { city } : {}), rest: g.rest ?? "", ...(weekday ? { weekday: weekday.toLowerCase() } : {}) };
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

/**
 * A date written like a dateline's somewhere in a short line, its month any word (`31 de abril de 2024`,
 * `9 de abrill de 2024`, `abril 31, 2024`), and the time after it.
 */
const DATE_IN_LINE_RE = new RegExp(
  String.raw`(?<![\p{L}\d])(?:(?:(?<day>\d{1,2})${ORDINAL}?|(?<first>primero))\s+(?:de\s+)?(?<word>\p{L}{3,}\.?)|(?<monthFirst>${MONTH})\s+(?<dayAfter>\d{1,2})${ORDINAL}?)${BEFORE_YEAR}(?<year>\d{4})(?!\d)(?:${TIME})?`,
  "iu",
);
/** `Ciudad de México, martes 9 de abril`: a weekday and a day, but no year. */
const NO_YEAR_RE = new RegExp(
  String.raw`^(?:\p{Lu}[\p{L}\s.,'’-]*?${AFTER_PLACE})?(?:a\s+)?(?:${WEEKDAYS})\s*,?\s+(?:a\s+)?${DAY_AND_MONTH}[\s.,;:–—-]*$`,
  "iu",
);
const NUMERIC_DATE_RE = /(?:^|[\s,;:])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b/;
/** Longer lines are sentences of the text, which may mention dates. */
const MAX_DATELINE_LENGTH = 90;
/** What may close a dateline: punctuation, the set-off dash, or the bulletin number. */
const CLOSING_RE = /^[\s.,;:]*(?:[-–—]+\s*)?$/;
const NUMBER_AFTER_RE = new RegExp(String.raw`^[\s.,;:|–—-]*${NUMBER_PREFIX}\d`, "iu");
/** The weekday and `a` between the place and the day (`…, a martes 9 de…`), read from the end of what precedes the day. */
const BEFORE_DAY_RE = new RegExp(String.raw`(?:^|(?<=[\s,;.:]))(?:a|${WEEKDAYS})\s*,?\s*$`, "iu");
/** Words a place name may have in lower case (`Ciudad de México`, `Valle de las Palmas`). */
const PLACE_CONNECTORS: ReadonlySet<string> = new Set(["de", "del", "la", "las", "los", "el", "y"]);

/**
 * `Ciudad de México`, `Mérida, Yucatán`, `Oaxaca de Juárez, Oax.`: a few words, each capitalized or a
 * connector of place names, the first capitalized; only letters and the punctuation of abbreviations.
 * A title or a sentence has words in lower case.
 */
export function looksLikePlace(text: string, maxWords = MAX_CITY_WORDS): boolean {
  const words = text.split(/[\s,]+/).filter(Boolean);
  if (words.length === 0 || words.length > maxWords || !/^[\p{L}\s.,;'’()-]+$/u.test(text)) return false;
  return /^\p{Lu}/u.test(words[0]!) && words.every((w) => PLACE_CONNECTORS.has(w) || /^\(?\p{Lu}/u.test(w));
}
/** A longer tail after the date is a sentence, not a slip in a dateline. */
const MAX_TAIL_LENGTH = 25;
const EXAMPLE = "Ciudad de México, 9 de abril de 2024";

/**
 * Why a short line that is clearly meant as a dateline is not one the importer reads, precisely
 * (`Ciudad de México, 31 de abril de 2024`, `Ciudad de México 9 de abril de 2024`, `9 de abrill de 2024`,
 * `09/04/2024`); undefined for a line that is read, and for any other line (a title that mentions a date
 * stays a title). A line whose date opens a paragraph (`… de 2024.- El Instituto…`) is never said to be
 * unreadable: skipping it would lose its text.
 */
export function unreadableDateline(line: string): string | undefined {
  const text = line.trim();
  if (text.length > MAX_DATELINE_LENGTH) return undefined;
  const read = matchDateline(text);
  if (read && (isStandaloneDateline(read) || inlineDatelineText(read) !== undefined)) return undefined;
  const m = DATE_IN_LINE_RE.exec(text);
  if (!m?.groups) return NO_YEAR_RE.test(text) ? `falta el año, como en «${EXAMPLE}»` : numericDateReason(text);
  const g = m.groups;
  const tail = text.slice(m.index + m[0].length);
  const place = placeBefore(text.slice(0, m.index));
  if (!place) return undefined;
  if (!CLOSING_RE.test(tail) && !NUMBER_AFTER_RE.test(tail)) {
    // `… de 2024.- El Instituto…`: a paragraph, whose text must not be dropped; a longer tail: a sentence.
    if (/^\s*[.,]?\s*(?:[-–—]+|:)\s*\S/u.test(tail) || tail.trim().length > MAX_TAIL_LENGTH) return undefined;
    return `después de la fecha sigue «${tail.trim()}»; la línea de fecha lleva solo el lugar y la fecha, como «${EXAMPLE}»`;
  }
  const monthText = g.word ?? g.monthFirst ?? "";
  const month = monthNumber(monthText);
  const dayText = g.first ? "1" : (g.day ?? g.dayAfter ?? "");
  if (!month) {
    const near = nearestMonth(monthText);
    return `«${monthText}» no es un mes${near ? ` (¿«${near}»?)` : ""}`;
  }
  const year = Number(g.year);
  if (!calendarDay(year, month, Number(dayText))) {
    const days = year >= 1900 && year <= 2200 ? ` (${MONTHS[month - 1]} de ${year} tiene ${daysInMonth(year, month)} días)` : "";
    return `el ${Number(dayText)} de ${MONTHS[month - 1]} de ${year} no existe${days}`;
  }
  const date = text.slice(m.index).trim();
  if (place.kind === "none") return `no tiene la forma «${EXAMPLE}»`;
  const suggestion = `${place.name}, ${place.between}${date}`;
  const form = matchDateline(suggestion) ? `no tiene la forma «${suggestion}»` : `no tiene la forma «${EXAMPLE}»`;
  switch (place.kind) {
    case "no-comma":
      return `${form}; falta la coma después del lugar`;
    case "semicolon":
      return `${form}; después del lugar va una coma, no punto y coma`;
    case "colon":
      return `${form}; después del lugar va una coma, no dos puntos`;
    case "period":
      return `${form}; después del lugar va una coma, no un punto`;
    case "comma":
      if (!/^\p{Lu}/u.test(place.name)) return `el lugar («${place.name}») debe empezar con mayúscula`;
      return `«${place.name}» no parece un lugar: antes de la fecha va solo el lugar, como en «${EXAMPLE}»`;
  }
}

type PlaceBefore =
  | { kind: "none" }
  | { kind: "comma" | "no-comma" | "semicolon" | "colon" | "period"; name: string; between: string };

/**
 * What precedes the date of a would-be dateline: nothing, or a place and how it is set off. Undefined when
 * it is not a place (`Inaugura IMSS hospital el`): then the line is a sentence that mentions a date.
 */
function placeBefore(before: string): PlaceBefore | undefined {
  let head = before;
  let between = "";
  for (let i = 0; i < 3; i++) {
    const w = BEFORE_DAY_RE.exec(head);
    if (!w || w[0] === "") break;
    between = `${w[0].trim()} ${between}`;
    head = head.slice(0, w.index);
  }
  between = between.trim() ? `${between.trim()} ` : "";
  head = head.trim();
  if (head === "") return { kind: "none" };
  const separator = /[,;:.]$/.exec(head)?.[0];
  let name = separator && separator !== "." ? head.slice(0, -1).trim() : head;
  const words = name.split(/[\s,]+/).filter(Boolean);
  if (words.length === 0 || words.length > MAX_CITY_WORDS || !/^[\p{L}\s.,;'’()-]+$/u.test(name)) return undefined;
  if (separator === ",") return { kind: "comma", name, between };
  // Without a comma a line is taken for a dateline only when it reads like a place (`Ciudad de México`).
  if (!looksLikePlace(name)) return undefined;
  if (separator === ";") return { kind: "semicolon", name, between };
  if (separator === ":") return { kind: "colon", name, between };
  if (separator === ".") {
    // `Oax.`: an abbreviation's period; the comma after it is missing.
    const last = words[words.length - 1]!.replace(/\.$/, "");
    if (last.length > 4 && last !== last.toUpperCase()) {
      name = name.slice(0, -1).trim();
      return { kind: "period", name, between };
    }
  }
  return { kind: "no-comma", name, between };
}

/** `09/04/2024`: the date in words, when it is one (day first, as Mexico writes it). */
function numericDateReason(text: string): string | undefined {
  const m = NUMERIC_DATE_RE.exec(text);
  if (!m) return undefined;
  const date = calendarDay(Number(m[3]), Number(m[2]), Number(m[1]));
  const words = date ? `${date.day} de ${MONTHS[date.month - 1]} de ${date.year}` : "9 de abril de 2024";
  return `la fecha está escrita con números; escríbela con letras, como «${words}»`;
}

/** The month name a mistyped word most likely is (`abrill` → `abril`), if any is close. */
function nearestMonth(word: string): string | undefined {
  const w = withoutAccents(word.replace(/\.$/, ""));
  let best: { name: string; distance: number } | undefined;
  for (const name of MONTHS) {
    const distance = editDistance(w, withoutAccents(name));
    if (distance <= 2 && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}

function withoutAccents(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/**
 * A line that is only a dateline (trailing `.`, `,`, `:`, or the `.-` that sets off an inline dateline
 * allowed: state offices put `Ciudad de México, 9 de abril de 2024.-` on a line of its own), or a dateline followed by the
 * bulletin number (`… de 2024. No. 171/2024`), which the caller reads from `rest`.
 */
export function isStandaloneDateline(d: Dateline): boolean {
  return CLOSING_RE.test(d.rest) || NUMBER_AFTER_RE.test(d.rest);
}

/**
 * An inline dateline opens the first paragraph and is set off by `.-`, `.–`, `:` or a dash:
 * `Monterrey, Nuevo León, a 2 de febrero de 2024.- El Instituto…`. Returns the paragraph text after it.
 */
export function inlineDatelineText(d: Dateline): string | undefined {
  const m = /^\s*[.,]?\s*(?:[-–—]+|:)\s*(\S.*)$/su.exec(d.rest);
  return m?.[1];
}

/** 1–12 for a month's name or abbreviation (`abril`, `Abr.`, `sept`); 0 for any other word. */
export function monthNumber(name: string): number {
  const n = withoutAccents(name.trim().replace(/\.$/, ""));
  if (n === "setiembre") return 9;
  return MONTH_ABBREVIATIONS[n] ?? MONTHS.indexOf(n as (typeof MONTHS)[number]) + 1;
}

function calendarDay(year: number, month: number, day: number): CalendarDay | undefined {
  if (month < 1 || year < 1900 || year > 2200 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

export function formatCalendarDay(d: CalendarDay): string {
  return `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
}
