import { publishable } from "../policy/characters.ts";
import { shoutedLabel } from "../policy/labels.ts";
import { endsSentence, foldForMatch, joinWrapped, matchListItem, matchTouchingPlus, matchTouchingStar, plainText, startsLowercase, type ListItem } from "./inline.ts";
import { findUrl, matchLinkLabel, urlOnlyLine, type LinkKind } from "./links.ts";
import { footerParts, isBareNumber, isEndMark, isLetterheadOffice, isPageFurniture, isRule, isSplitFurniture, isYearLegend, yearLegendContinuation, type FooterPart } from "./page-furniture.ts";
import { matchNumberLine, matchYearlessNumberLine, splitNumber, withYear } from "./release-number.ts";
import { formatCalendarDay, inlineDatelineText, isStandaloneDateline, looksLikePlace, matchDateline, unreadableDateline, weekdayMismatch, type CalendarDay } from "./spanish-dates.ts";

/**
 * From the text of a press release (converted from Word or PDF, or produced by `docx.ts`/`pdf.ts`)
 * to its parts. Nothing is guessed: a part that is not there stays absent and the caller decides.
 */
export interface ReleaseParts {
  title?: string;
  date?: CalendarDay;
  /** `171/2024` */
  number?: string;
  city?: string;
  highlights: string[];
  photos?: string;
  video?: string;
  audio?: string;
  /** Markdown. */
  body: string;
  /** Spanish, for the editor. */
  warnings: string[];
  /**
   * A number written without its year (`No. 175`) and no date in the release to take the year from:
   * the serial and the line, for a date given on the command line (plan.ts) to complete.
   */
  yearless?: { serial: string; line: string; warning: string };
}

/** A title longer than this is a paragraph: the release had no title line. */
const MAX_TITLE_LENGTH = 300;
/** A first line this long that ends a sentence is the body's first paragraph, not a title (titles end without a period). */
const LONG_SENTENCE = 160;

/**
 * Marks left in the line stream where furniture was removed; `row`: a row of a table, as markdown (`| a | b |`).
 * `quote`: how many `>` a markdown blockquote put before the line (pandoc writes an indented Word paragraph so).
 * `indent`: the columns of space before the text (a tab to the next multiple of 4), which only a list's
 * nesting reads.
 */
type Line = { kind: "text"; text: string; quote?: number; indent?: number } | { kind: "row"; cells: string[]; quote?: number } | { kind: "blank" } | { kind: "page" } | { kind: "end" };

/** `> `, `> > `: a markdown blockquote's marks (an escaped `\>` is a literal character). */
const QUOTE_RE = /^ {0,3}((?:>[ \t]?)+)/;

export function extractRelease(raw: string): ReleaseParts {
  const warnings: string[] = [];
  const converted = toLines(normalizeConvertedText(raw));
  // Footnotes' definitions (`[^1]: …`) go to the end of the body, wherever the converter left them (a PDF's at the foot of their page).
  const definitions = takeDefinitions(converted);
  const lines = removeFurniture(converted, warnings);
  const links = takeLinks(lines, warnings);
  const layout = measureLayout(lines);
  const head = readHead(lines, layout);
  removeRepeatedHead(lines, head);
  const chunks = buildChunks(lines.slice(head.bodyStart), layout);
  const afterEnd = titleAfterEndMark(lines.slice(head.bodyStart));

  let { date } = head;
  let city = head.city && spelledPlace(head.city);
  const first = chunks[0];
  const inline = first?.kind === "paragraph" ? matchInlineDateline(first.text) : undefined;
  if (first?.kind === "paragraph" && inline) {
    if (!date) {
      date = inline.date;
      city = city ?? (inline.city && spelledPlace(inline.city));
      first.text = inline.text;
    } else if (formatCalendarDay(date) === formatCalendarDay(inline.date)) {
      // The dateline written twice (header and first paragraph): the page shows it once.
      first.text = inline.text;
    } else {
      warnings.push(`El primer párrafo empieza con otra fecha (${formatCalendarDay(inline.date)}) que la línea de fecha (${formatCalendarDay(date)}); se usa la línea de fecha. Revisa cuál es la correcta.`);
    }
  }
  warnings.push(...head.warnings);
  let number = head.number;
  let yearlessLeft: ReleaseParts["yearless"];
  if (!number && head.yearless) {
    // `No. 175` on its own line: the year is the date's, wherever the date was found (head or first paragraph).
    const { serial, line } = head.yearless;
    number = date ? withYear(serial, date.year) : undefined;
    if (number && date) warnings.push(yearFromDateWarning(line, number, date.year));
    else {
      yearlessLeft = { serial, line, warning: `El número «${line}» no dice el año y no hay fecha de la que tomarlo: no se guardó. Agrega number: ${serial}/AAAA con el año del boletín, o vuelve a importar con --date.` };
      warnings.push(yearlessLeft.warning);
    }
  }
  let title = head.title;
  if (title && (title.length > MAX_TITLE_LENGTH || (title.length > LONG_SENTENCE && endsSentence(title)))) {
    warnings.push("El texto no tiene una línea de título (la primera línea es un párrafo largo).");
    title = undefined;
  }
  if (!title) warnings.push("No se encontró el título.");
  // A dateline that could not be read was said already (what is wrong with it).
  if (!date && !head.unreadableDateline) warnings.push("No se encontró la línea de fecha (por ejemplo «Ciudad de México, martes 9 de abril de 2024»).");
  if (!number && !head.yearless) warnings.push("No se encontró el número de boletín (por ejemplo «No. 171/2024»).");
  const text = renderChunks(chunks);
  if (!text) warnings.push("El boletín no tiene texto después del título.");
  if (afterEnd) {
    warnings.push(
      `Después de la marca de fin del comunicado (---o0o---) sigue «${afterEnd}» y más texto, sin línea de fecha ni número de boletín: quedó al final de este boletín. Si es otro comunicado, pásalo a un archivo aparte, o escribe su número (No. NNN/AAAA) debajo de su título, y vuelve a importar; si es parte de este boletín, está bien así.`,
    );
  }
  const body = [text, ...definitions].filter((part) => part !== "").join("\n\n");
  return {
    ...(title ? { title } : {}),
    ...(date ? { date } : {}),
    ...(number ? { number } : {}),
    ...(city ? { city } : {}),
    highlights: head.highlights,
    ...(links.photos ? { photos: links.photos } : {}),
    ...(links.video ? { video: links.video } : {}),
    ...(links.audio ? { audio: links.audio } : {}),
    body,
    warnings,
    ...(yearlessLeft ? { yearless: yearlessLeft } : {}),
  };
}

/** A dateline's place in capitals (`CIUDAD DE MÉXICO, MIÉRCOLES 1o. DE MAYO`), as Spanish writes it: `Ciudad de México`. */
function spelledPlace(place: string): string {
  return shoutedLabel(place) ?? place;
}

/**
 * BOM, CRLF/CR, non-breaking and zero-width spaces, soft hyphens, form feeds (page breaks), other
 * control characters and noncharacters (as spaces: no page can carry them),
 * image alt text (`[image: …]` as Google Docs exports it, also across lines; markdown images, with
 * pandoc's `{width=…}`), pandoc's attribute spans and backslash line breaks.
 */
export function normalizeConvertedText(raw: string): string {
  const pages = raw
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?|[\u2028\u2029\v]/g, "\n")
    .replace(/[\u00A0\u2007\u202F]/g, " ")
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, "")
    .replace(/\f/g, "\n---\n");
  // What no page can carry (other control characters, noncharacters) is not written into a bulletin.
  return publishable(pages)
    .replace(/\[image:[^\]]*\]/gi, "\n")
    .replace(/!\[[^\]]*\]\([^)]*\)(?:\{[^}\n]*\})?/g, "\n")
    // pandoc's attribute spans (`[texto]{.underline}`) and hard line breaks (a backslash ending a line).
    .replace(/\[([^\]\n]*)\]\{[.#][^}\n]*\}/g, "$1")
    .replace(/\\\n/g, "\n")
    .normalize("NFC");
}

/**
 * Indentation is never meaningful in a release (and would make a markdown code block): it goes, but
 * for the nesting of list items (kept as the line's `indent`).
 * Tables stay tables: markdown's (`| a | b |`, as docx.ts and pandoc write them) and the columns a
 * copy from Word or a spreadsheet separates with tabs (two rows or more of the same number of cells).
 * A blockquote's `>` marks are taken off the text and kept as the line's `quote` depth: the head reads
 * the text, and the body writes the quote back as markdown (never a literal `>` inside a paragraph).
 */
function toLines(text: string): Line[] {
  const quoted = text.split("\n").map((line) => {
    const q = QUOTE_RE.exec(line);
    return q ? { quote: q[1]!.split(">").length - 1, line: line.slice(q[0].length) } : { quote: 0, line };
  });
  const raw = typedBulletItems(quoted.map((q) => q.line));
  // `▪\tUno`, `1.\tUno`, `\to\tUno a` after an item: Word's list items keep a tab after their mark; they are no table's cells.
  let afterItem = false;
  const tabColumns = raw.map((line) => {
    const text = line.replace(/\t/g, " ").trim();
    if (text === "") return 0;
    const item = !!matchListItem(text, { afterItem });
    afterItem = item;
    return line.includes("\t") && !item ? line.trim().split(/\t+/).length : 0;
  });
  return raw.map((line, i): Line => {
    const quote = quoted[i]!.quote ? { quote: quoted[i]!.quote } : {};
    const columns = tabColumns[i]!;
    if (columns >= 2 && (tabColumns[i - 1] === columns || tabColumns[i + 1] === columns)) return { kind: "row", cells: line.trim().split(/\t+/).map(cellText), ...quote };
    const t = line.replace(/\t/g, " ").replace(/ {2,}/g, " ").trim();
    if (t === "") return { kind: "blank" };
    const cells = tableCells(t);
    if (cells) return { kind: "row", cells, ...quote };
    if (isEndMark(t)) return { kind: "end" };
    if (isRule(t)) return { kind: "page" };
    const indent = indentation(line);
    return { kind: "text", text: t, ...quote, ...(indent ? { indent } : {}) };
  });
}

/** `[^1]: …`: a markdown footnote's definition, as docx.ts and pdf.ts write them. */
const DEFINITION_RE = /^\[\^[^\s\]]+\]:/;

/**
 * Footnotes' definitions, taken out of the lines (left blank) in their order: the line `[^1]: …`, the lines
 * right under it (a note's text wrapped, as markdown reads it), and its other paragraphs and lists, indented
 * by four spaces (as docx.ts writes a note of several paragraphs, and markdown reads them as the note's). The
 * body ends with them, so a definition at the foot of a PDF's page never parts a paragraph the page cut, nor
 * stays in the middle of the text.
 */
function takeDefinitions(lines: Line[]): string[] {
  const definitions: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.kind !== "text" || line.quote || line.indent || !DEFINITION_RE.test(line.text)) continue;
    let text = line.text;
    lines[i] = { kind: "blank" };
    let j = i + 1;
    const continues = (k: number) => {
      const next = lines[k];
      return next?.kind === "text" && !next.quote && !DEFINITION_RE.test(next.text) && !matchListItem(next.text);
    };
    /** An item of a list of the note: a list item indented by four spaces or more. */
    const noteItem = (k: number) => {
      const next = lines[k];
      return next?.kind === "text" && !next.quote && (next.indent ?? 0) >= 4 ? matchListItem(next.text) : undefined;
    };
    for (; continues(j); j++) {
      text = joinWrapped(text, (lines[j] as { text: string }).text);
      lines[j] = { kind: "blank" };
    }
    for (;;) {
      let k = j;
      while (lines[k]?.kind === "blank") k++;
      const next = lines[k];
      if (next?.kind !== "text" || (next.indent ?? 0) < 4) break;
      if (noteItem(k)) {
        // A list: its items one a line with a markdown mark (a typed `•` is `-`), each as deep under the note as
        // written (its nesting), its wrapped lines joined; right under a paragraph when written so.
        const tight = k === j;
        const items: string[] = [];
        for (j = k; noteItem(j); ) {
          const item = noteItem(j)!;
          const indent = (lines[j] as { indent?: number }).indent ?? 0;
          let written = item.lettered ? (lines[j] as { text: string }).text : `${item.ordered ? `${item.ordinal}.` : "-"} ${item.text}`;
          lines[j] = { kind: "blank" };
          for (j++; continues(j) && ((lines[j] as { indent?: number }).indent ?? 0) >= 4; j++) {
            written = joinWrapped(written, (lines[j] as { text: string }).text);
            lines[j] = { kind: "blank" };
          }
          items.push(`${" ".repeat(indent)}${written}`);
        }
        text += `${tight ? "\n" : "\n\n"}${items.join("\n")}`;
        continue;
      }
      if (k === j || !continues(k)) break;
      let paragraph = next.text;
      lines[k] = { kind: "blank" };
      for (j = k + 1; continues(j) && ((lines[j] as { indent?: number }).indent ?? 0) >= 4; j++) {
        paragraph = joinWrapped(paragraph, (lines[j] as { text: string }).text);
        lines[j] = { kind: "blank" };
      }
      text += `\n\n    ${paragraph}`;
    }
    definitions.push(text);
    i = j - 1;
  }
  return definitions;
}

/**
 * Text after the release's end mark that starts with something like a title (a line that ends no sentence)
 * and goes on with a paragraph: maybe another release, written without its dateline and number (split.ts
 * starts one only with them). It stays, as all text after the end mark does, and the editor is told: the title.
 */
function titleAfterEndMark(lines: Line[]): string | undefined {
  const end = lines.findIndex((line) => line.kind === "end");
  if (end < 0) return undefined;
  // The text after the end mark, as paragraphs (lines without a blank line between them).
  const paragraphs: string[][] = [];
  let open = false;
  for (const line of lines.slice(end + 1)) {
    if (line.kind !== "text") {
      open = false;
      continue;
    }
    if (open) paragraphs[paragraphs.length - 1]!.push(line.text);
    else paragraphs.push([line.text]);
    open = true;
  }
  const [title, ...rest] = paragraphs;
  if (!title || title.length > 2) return undefined;
  const plain = plainText(title.reduce((acc, part) => (acc ? joinWrapped(acc, part) : part), ""));
  // A contact line or a link (an address, an e-mail) is no title.
  if (plain.length > MAX_TITLE_WRAP * 2 || endsSentence(plain) || matchListItem(title[0]!) || findUrl(plain) || /\S@\S|www\./i.test(plain) || !/^[*_"“«¿¡]*\p{Lu}/u.test(plain)) return undefined;
  const isText = (paragraph: string[]) => {
    const text = plainText(paragraph.reduce((acc, part) => (acc ? joinWrapped(acc, part) : part), ""));
    return text.length >= AFTER_END_PARAGRAPH && endsSentence(text) && !matchListItem(paragraph[0]!);
  };
  return rest.some(isText) ? plain : undefined;
}

/** A paragraph this long that ends a sentence is a release's text (a contact line or a link's label is shorter). */
const AFTER_END_PARAGRAPH = 80;

/** Columns of space before a line's text; a tab goes to the next multiple of 4. */
function indentation(line: string): number {
  let column = 0;
  for (const c of /^[ \t]*/.exec(line)![0]) column = c === "\t" ? column + 4 - (column % 4) : column + 1;
  return column;
}

/** `*Nota:`, `*Fuente:`: what a footnote starts with. */
const FOOTNOTE_RE = /^(?:notas?|fuentes?|n\.\s?b\.)(?!\p{L})/iu;
/** `1,200 casos*`, `(IMSS)*`: an asterisk after a word or figure, marking a footnote. */
const FOOTNOTE_MARK_RE = /[\p{L}\p{N})%»”]\\?\*+(?=[\s.,;:)]|$)/mu;
/** Markdown emphasis (`**negritas**`, `*cursiva*`), whose asterisks mark nothing. */
const EMPHASIS_RE = /(?<!\\)\*\*(?=\S)[^*\n]*?\S\*\*|(?<![\\*\p{L}\p{N}])\*(?=[^\s*])[^*\n]*?[^\s*\\]\*(?![*\p{L}\p{N}])/gu;

/**
 * `*Uno` / `*Dos`, `+Uno` / `+Dos`: a star or a plus touching its text (or a plus before a figure, `+ 3 mil
 * consultas`) is the writer's bullet when two or more lines in a row (blank lines between them allowed) have
 * that glyph (lines with markdown's own `* Uno`, `+ Uno` count in the run). Stars also need that none is a
 * footnote (`*Nota:`, `*Fuente:`) and that the text marks no footnote with an asterisk (`…1,200 casos*`).
 * They become markdown's items (`- Uno`); a single such line stays as written (`*Cifras preliminares`, a
 * footnote; `+ 15 %`, a figure; never a phone number, `+52 55 5238 2700`).
 */
function typedBulletItems(raw: string[]): string[] {
  let out = markRuns(raw, "*", matchTouchingStar, (run) => !run.some((text) => FOOTNOTE_RE.test(text)) && !FOOTNOTE_MARK_RE.test(raw.join("\n").replace(EMPHASIS_RE, "")));
  out = markRuns(out, "+", matchTouchingPlus, () => true);
  return out;
}

/** Rewrites as markdown items (`- text`) the runs of two or more lines with the glyph (`match`) that `accept` takes. */
function markRuns(raw: string[], glyph: "*" | "+", match: (line: string) => string | undefined, accept: (run: string[]) => boolean): string[] {
  const typed = raw.map((line) => match(line));
  if (!typed.some((text) => text !== undefined)) return raw;
  const inRun = (k: number) => typed[k] !== undefined || (raw[k]!.trim().startsWith(glyph) && !!matchListItem(raw[k]!.trim()));
  const out = [...raw];
  for (let i = 0; i < raw.length; ) {
    if (!inRun(i)) {
      i++;
      continue;
    }
    // A run: lines with the glyph, with at most blank lines between them.
    const run: number[] = [];
    let j = i;
    while (j < raw.length && (inRun(j) || raw[j]!.trim() === "")) {
      if (inRun(j)) run.push(j);
      j++;
    }
    const texts = run.map((k) => typed[k] ?? raw[k]!.trim().slice(1).trim());
    if (run.length >= 2 && accept(texts)) for (const k of run) if (typed[k] !== undefined) out[k] = `${/^\s*/.exec(raw[k]!)![0]}- ${typed[k]}`;
    i = j;
  }
  return out;
}

/** The cells of a markdown table row (`| a | b |`, `|---|:--:|`), `\|` kept inside its cell; undefined for any other line. */
function tableCells(line: string): string[] | undefined {
  if (!/^\|.*[^\\]\|$/.test(line) || line.length < 3) return undefined;
  const cells = line.slice(1, -1).split(/(?<!\\)\|/).map((c) => c.trim());
  return cells.length >= 1 ? cells : undefined;
}

/** A cell of a table written with tabs: a `|` in it is text, not a column. */
function cellText(cell: string): string {
  return cell.trim().replace(/ {2,}/g, " ").replace(/(?<!\\)\|/g, "\\|");
}

/** `|---|:--:|`: the row under a markdown table's header. */
function isDelimiterRow(cells: readonly string[]): boolean {
  return cells.every((c) => /^:?-{1,}:?$/.test(c));
}

/** Headers and footers become page marks, so a paragraph they cut can be joined again. */
function removeFurniture(lines: Line[], warnings: string[]): Line[] {
  const out: Line[] = [];
  let seenTitleCandidate = false;
  // The year legends read so far: a page header repeats its legend on every page, cut the same way or not.
  const legends: string[] = [];
  // A state office's or directorate's line taken as letterhead above the title (`IMSS Puebla`): the same line
  // at the top of a later page is that page's header, not text.
  const offices = new Set<string>();
  const atPageTop = () => {
    for (let j = out.length - 1; j >= 0; j--) if (out[j]!.kind !== "blank") return out[j]!.kind === "page";
    return true;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.kind !== "text") {
      out.push(line);
      continue;
    }
    const office = isLetterheadOffice(line.text) ? foldForMatch(line.text) : undefined;
    if (office !== undefined && !seenTitleCandidate) offices.add(office);
    if (isPageFurniture(line.text) || (office !== undefined && (!seenTitleCandidate || (offices.has(office) && atPageTop())))) {
      out.push({ kind: "page" });
      if (isYearLegend(line.text)) i = skipLegendContinuation(lines, i, out, legends, warnings);
      continue;
    }
    const nextIndex = lines[i + 1]?.kind === "blank" ? i + 2 : i + 1;
    const next = lines[nextIndex];
    if (next?.kind === "text" && isSplitFurniture(line.text, next.text)) {
      out.push({ kind: "page" });
      i = nextIndex;
      continue;
    }
    if (!seenTitleCandidate && !readDatelineAndNumber(plainText(line.text)) && !matchYearlessNumberLine(plainText(line.text))) seenTitleCandidate = true;
    out.push(line);
  }
  return removePageNumbers(removeFooters(out, warnings));
}

/**
 * A page's footer: lines made only of the IMSS's web address, a phone line and a street address
 * (`footerParts`), one after another. They are the footer, marked as a page break, when the street
 * address comes with the phone or the web address (what no text writes on lines of their own), or when
 * they stand where a page breaks (next to a page mark, a page number, other furniture, or at the start
 * or end of the text). Anywhere else they are the text's (`Informes: Tel. 800 623 2323`) and stay. What
 * was taken is said once to the editor, who may want a line of it back.
 */
function removeFooters(lines: Line[], warnings: string[]): Line[] {
  const parts = lines.map((line) => (line.kind === "text" ? footerParts(line.text) : undefined));
  if (!parts.some(Boolean)) return lines;
  const atBreak = (line: Line | undefined) => line === undefined || line.kind === "page" || line.kind === "end" || (line.kind === "text" && isBareNumber(line.text));
  const out = [...lines];
  const said = new Set<string>();
  for (let i = 0; i < lines.length; ) {
    if (!parts[i]) {
      i++;
      continue;
    }
    const run: number[] = [];
    let j = i;
    for (; j < lines.length && (parts[j] || lines[j]!.kind === "blank"); j++) if (parts[j]) run.push(j);
    let before = i - 1;
    while (before >= 0 && lines[before]!.kind === "blank") before--;
    const kinds = new Set<FooterPart>(run.flatMap((k) => [...parts[k]!]));
    if ((kinds.has("address") && kinds.size > 1) || atBreak(lines[before]) || atBreak(lines[j])) {
      for (const k of run) {
        said.add(plainText((lines[k] as { text: string }).text));
        out[k] = { kind: "page" };
      }
    }
    i = j;
  }
  if (said.size === 1) warnings.push(`Se quitó como pie de página (dirección, teléfono o sitio del IMSS): «${[...said][0]}». Si es parte del boletín, agrégalo a mano.`);
  else if (said.size > 1) warnings.push(`Se quitaron como pie de página (dirección, teléfono o sitio del IMSS): ${[...said].map((t) => `«${t}»`).join(", ")}. Si alguna es parte del boletín, agrégala a mano.`);
  return out;
}

/**
 * The lines a year legend wrapped onto (`2024: Año de Felipe Carrillo Puerto, Benemérito del Proletariado,` +
 * `Revolucionario y Defensor del Mayab`), right after it or after one blank line (Word paragraphs), are
 * furniture too; returns the index of the last line taken. The whole legend joins `legends`. A line taken
 * only because it looks like the rest of a legend the importer does not know is said to the editor.
 */
function skipLegendContinuation(lines: Line[], legendIndex: number, out: Line[], legends: string[], warnings: string[]): number {
  let legend = plainText((lines[legendIndex] as { text: string }).text);
  let last = legendIndex;
  for (;;) {
    const nextIndex = lines[last + 1]?.kind === "blank" ? last + 2 : last + 1;
    const next = lines[nextIndex];
    const how = next?.kind === "text" ? yearLegendContinuation(legend, next.text, { headFollows: headFollows(lines, nextIndex), known: legends }) : undefined;
    if (!how || next?.kind !== "text") break;
    if (how === "names") {
      warnings.push(`La línea «${plainText(next.text)}» se quitó como parte de la leyenda del año («${legend}…»), partida en dos renglones. Si es el título o texto del boletín, agrégala a mano.`);
    }
    legend = `${legend} ${plainText(next.text)}`;
    out.push({ kind: "page" });
    last = nextIndex;
  }
  legends.push(legend);
  return last;
}

/**
 * Whether what follows line `index` (blank lines aside) is still letterhead or the release's head: nothing,
 * a page break, furniture, a state office's line, the dateline (also with the place on the line above it) or
 * the number. A title or a paragraph is none of these.
 */
function headFollows(lines: Line[], index: number): boolean {
  let j = index + 1;
  while (lines[j]?.kind === "blank") j++;
  const line = lines[j];
  if (line === undefined || line.kind === "page" || line.kind === "end") return true;
  if (line.kind !== "text") return false;
  const plain = plainText(line.text);
  if (isPageFurniture(line.text) || isLetterheadOffice(line.text) || isBareNumber(line.text)) return true;
  if (readDatelineAndNumber(plain) || matchYearlessNumberLine(plain)) return true;
  const after = lines[j + 1];
  if (after?.kind !== "text") return false;
  const afterPlain = plainText(after.text);
  return !!(readDatelineAndNumber(`${plain} ${afterPlain}`)?.date ?? (looksLikePlace(plain, MAX_PLACE_LINE_WORDS) ? readDatelineAndNumber(`${plain}, ${afterPlain}`)?.date : undefined));
}

/**
 * A line that is only a number is a page number where a page breaks: next to a page mark or other
 * furniture, or at the very start or end of the text. Anywhere else it is a figure of the release
 * (a table's cell, one per line) and stays.
 */
function removePageNumbers(lines: Line[]): Line[] {
  const neighbour = (from: number, step: 1 | -1): Line | undefined => {
    for (let j = from + step; j >= 0 && j < lines.length; j += step) if (lines[j]!.kind !== "blank") return lines[j];
    return undefined;
  };
  const atBreak = (line: Line | undefined) => line === undefined || line.kind === "page" || line.kind === "end";
  return lines.map((line, i) => (line.kind === "text" && isBareNumber(line.text) && (atBreak(neighbour(i, -1)) || atBreak(neighbour(i, 1))) ? { kind: "page" } : line));
}

/**
 * Whether the text is hard-wrapped (PDF extraction: many paragraphs spread over consecutive lines of
 * similar width) or has one paragraph per line (Word, converters). Only hard-wrapped text has lines
 * to join again, and only there does a short line ending a sentence mark the end of a paragraph.
 */
interface Layout {
  hardWrapped: boolean;
  /** Usual width of a full line (characters), when hard-wrapped. */
  lineWidth: number;
}

/** Fewer wrapped lines than this and the text is taken as one paragraph per line. */
const MIN_WRAPPED_LINES = 5;
/** Lines longer than this are whole paragraphs, not the width of a page. */
const MAX_WRAP_WIDTH = 130;

function measureLayout(lines: Line[]): Layout {
  const widths: number[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1]!;
    // Items of a list, one per line, are not wrapped text.
    if (line.kind === "text" && next.kind === "text" && !matchListItem(line.text)) widths.push(line.text.length);
  }
  widths.sort((a, b) => a - b);
  const lineWidth = widths[Math.floor(widths.length * 0.8)] ?? 0;
  return { hardWrapped: widths.length >= MIN_WRAPPED_LINES && lineWidth <= MAX_WRAP_WIDTH, lineWidth };
}

/** In hard-wrapped text, a line well short of the width that ends a sentence ends its paragraph. */
const SHORT_LINE_FACTOR = 0.7;

/**
 * Whether `line` starts a new paragraph after `previousLine`, with no blank line between them: a
 * sentence ended and a new one starts. In hard-wrapped text only after a line well short of the
 * width (a full line ends a sentence by chance); otherwise always (one paragraph per line, as text
 * copied from Word into a plain editor has it).
 */
function endsParagraph(previousLine: string, line: string, layout: Layout): boolean {
  if (!endsSentence(previousLine) || !/^[*_]*[\p{Lu}"“«¿¡]/u.test(line)) return false;
  return !layout.hardWrapped || previousLine.length < layout.lineWidth * SHORT_LINE_FACTOR;
}

/** How the editor is told of each link (`enlace de fotos`). */
const LINK_NAMES: Record<LinkKind, string> = { photos: "fotos", video: "video", audio: "audio" };

/** Photo, video and audio links are taken out of the line stream (wherever they are) into their fields. */
function takeLinks(lines: Line[], warnings: string[]): Partial<Record<LinkKind, string>> {
  const found: Partial<Record<LinkKind, string>> = {};
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.kind !== "text") continue;
    const label = matchLinkLabel(line.text);
    if (!label) continue;
    let url = label.url;
    lines[i] = { kind: "blank" };
    if (!url) {
      for (let j = i + 1; j < Math.min(lines.length, i + 4); j++) {
        const candidate = lines[j]!;
        if (candidate.kind === "blank") continue;
        if (candidate.kind === "text") {
          url = urlOnlyLine(candidate.text);
          if (url) {
            lines[j] = { kind: "blank" };
            url = mendWrappedUrl(url, lines, j + 1);
          }
        }
        break;
      }
    }
    const name = LINK_NAMES[label.kind];
    if (url && startsWithAddress(lines, i + 1)) {
      // `LINK DE VIDEOS` over two addresses or more: the first is the field's; the rest stay in the text, where the reader still finds them.
      warnings.push(`Después de «${line.text}» hay más de una dirección: se guardó la primera (${url}) como enlace de ${name}; las demás quedaron en el texto.`);
    }
    if (!url) warnings.push(`La línea «${line.text}» no va seguida de una dirección; no se guardó el enlace de ${name}.`);
    else if (found[label.kind] && found[label.kind] !== url) warnings.push(`Hay más de un enlace de ${name}; se guardó el primero (${found[label.kind]}), no ${url}.`);
    else found[label.kind] = url;
  }
  return found;
}

/**
 * A long address hard-wrapped by PDF extraction (`…/CHvacunas?` + `e=abc123`): the next line continues
 * it when it has no spaces and the break fell on URL punctuation or the piece looks like a query.
 */
function mendWrappedUrl(url: string, lines: Line[], next: number): string {
  const line = lines[next];
  // Another address on the next line is another link, never the rest of this one.
  if (line?.kind !== "text" || /\s/.test(line.text) || STARTS_ADDRESS_RE.test(line.text)) return url;
  if (!/[?&=/_.%-]$/.test(url) && !/[=&%/?]/.test(line.text)) return url;
  const joined = findUrl(url + line.text);
  if (!joined) return url;
  lines[next] = { kind: "blank" };
  return joined;
}

/** A line that starts an address of its own (`https://…`, `<https://…>`, `www.…`). */
const STARTS_ADDRESS_RE = /^[<[(]*(?:https?:\/\/|www\.)/i;

/** Whether the first line from `from` that is not blank holds only an address (the label's lines were taken: blank). */
function startsWithAddress(lines: Line[], from: number): boolean {
  for (let j = from; j < lines.length; j++) {
    const line = lines[j]!;
    if (line.kind === "blank") continue;
    return line.kind === "text" && urlOnlyLine(line.text) !== undefined;
  }
  return false;
}

interface Head {
  title?: string;
  date?: CalendarDay;
  city?: string;
  number?: string;
  /** `No. 175` alone on its line: the number without its year, which the date completes. */
  yearless?: { serial: string; line: string };
  highlights: string[];
  /** Index of the first body line. */
  bodyStart: number;
  /** What the editor must hear about the head: a second dateline, one that cannot be read, a wrong weekday. */
  warnings: string[];
  /** A line looked like the dateline but could not be read (said in `warnings`). */
  unreadableDateline?: true;
}

/**
 * Above the body: dateline, number, title (possibly hard-wrapped over several lines) and the
 * highlights, in whatever order the office writes them. The body starts at the first line that
 * is none of these once the title is known.
 */
function readHead(lines: Line[], layout: Layout): Head {
  const head: Head = { highlights: [], bodyStart: lines.length, warnings: [] };
  const titleLines: string[] = [];
  let state: "before-title" | "title" | "after-title" = "before-title";
  let previousWasHighlight = false;
  let highlightIndent = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.kind === "end" || line.kind === "row") {
      // A table is body: the head is over (before a title, the release has none, which is said).
      head.bodyStart = i;
      break;
    }
    if (line.kind !== "text") {
      if (state === "title") state = "after-title";
      previousWasHighlight = false;
      continue;
    }
    const plain = plainText(line.text);
    let meta = head.date && head.number ? undefined : readDatelineAndNumber(plain);
    let metaText = plain;
    const next = lines[i + 1];
    if (!meta && !(head.date && head.number) && next?.kind === "text") {
      // A dateline wrapped inside a narrow letterhead cell (`… a 28 de` + `noviembre de 2022`), or the
      // place on its own line above the date (`Ciudad de México` + `martes 9 de abril de 2024`).
      const nextPlain = plainText(next.text);
      meta = readDatelineAndNumber(`${plain} ${nextPlain}`) ?? (looksLikePlace(plain, MAX_PLACE_LINE_WORDS) ? readDatelineAndNumber(`${plain}, ${nextPlain}`) : undefined);
      metaText = `${plain} ${nextPlain}`;
      if (meta?.date) i++;
      else meta = undefined;
    }
    const another = head.date && state !== "after-title" ? (meta ?? readDatelineAndNumber(plain)) : undefined;
    if (another?.date && head.date) {
      // Another dateline in the head: never the title. The first one stands; the editor is told when they differ.
      if (formatCalendarDay(another.date) !== formatCalendarDay(head.date)) {
        head.warnings.push(`Hay otra línea de fecha, «${plain}»; se usó la primera (${formatCalendarDay(head.date)}). Revisa cuál es la correcta.`);
      }
      if (another.number && !head.number) head.number = another.number;
      continue;
    }
    if (meta && (meta.date || meta.number) && !(meta.date && head.date) && !(meta.number && head.number)) {
      if (meta.date) head.date = meta.date;
      if (meta.city) head.city = meta.city;
      if (meta.number) head.number = meta.number;
      if (meta.yearFromDate && meta.number && meta.date) head.warnings.push(yearFromDateWarning(metaText, meta.number, meta.date.year));
      if (meta.weekdayWarning) head.warnings.push(meta.weekdayWarning);
      if (state === "title") state = "after-title";
      previousWasHighlight = false;
      continue;
    }
    const yearless = head.number || head.yearless ? undefined : matchYearlessNumberLine(plain);
    if (yearless) {
      // `No. 175` alone on its line is the number, never the title; the date gives its year (extractRelease).
      head.yearless = { serial: yearless, line: plain };
      if (state === "title") state = "after-title";
      previousWasHighlight = false;
      continue;
    }
    const unreadable = state !== "after-title" ? unreadableDateline(plain) : undefined;
    if (unreadable) {
      // A dateline the importer cannot read is still not the title.
      head.warnings.push(`La línea «${plain}» parece la fecha, pero no se pudo leer: ${unreadable}.`);
      head.unreadableDateline = true;
      continue;
    }
    // Word's «o» sub-bullet only right after a bullet; numbered and lettered items are the body's.
    const item = matchListItem(line.text, { afterItem: previousWasHighlight });
    if (item && !item.ordered && !item.lettered) {
      // Highlights follow the title; bullets before any title mean the release has none (said below).
      const indent = line.indent ?? 0;
      if (head.highlights.length === 0) highlightIndent = indent;
      else if (item.sub || indent >= highlightIndent + NEST_INDENT) {
        head.warnings.push(`La viñeta «${plainText(item.text)}» va debajo de otra, pero las viñetas destacadas (highlights) no se anidan: quedó como una más. Revisa si va en el texto.`);
      }
      head.highlights.push(plainText(item.text));
      state = "after-title";
      previousWasHighlight = true;
      continue;
    }
    if (previousWasHighlight && (layout.hardWrapped || startsLowercase(plain))) {
      // A highlight hard-wrapped onto the next line.
      const last = head.highlights.length - 1;
      head.highlights[last] = joinWrapped(head.highlights[last]!, plain);
      continue;
    }
    if (state === "before-title" || (state === "title" && continuesTitle(titleLines, plain, layout))) {
      if (state === "title" && !layout.hardWrapped && !startsLowercase(plain) && !OPEN_TITLE_END_RE.test(titleLines[titleLines.length - 1]!)) {
        // `Informe semestral del IMSS` + `Se otorgaron 50 millones de consultas`: a title cut after a whole phrase, or a subtitle.
        head.warnings.push(`La línea «${plain}», debajo del título, se unió a él. Si es un subtítulo, quítala del título y ponla al comienzo del texto.`);
      }
      titleLines.push(plain);
      state = "title";
      continue;
    }
    head.bodyStart = i;
    break;
  }
  const title = titleLines.reduce((acc, part) => (acc ? joinWrapped(acc, part) : part), "");
  if (title) head.title = title;
  return head;
}

/**
 * A page header that repeats the release's own dateline or number on a later page (`Ciudad de México,
 * lunes 22 de abril de 2024` / `No. 195/2024` in the middle of a paragraph): page furniture, marked as a
 * page break so the paragraph it cut is joined again. Only up to the end mark (another release may follow
 * it), and only a line that is nothing but the same date, the same number, or both.
 */
function removeRepeatedHead(lines: Line[], head: Head): void {
  if (!head.date && !head.number && !head.yearless) return;
  const day = head.date ? formatCalendarDay(head.date) : undefined;
  for (let i = head.bodyStart; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.kind === "end") return;
    if (line.kind !== "text") continue;
    const plain = plainText(line.text);
    const meta = readDatelineAndNumber(plain);
    const same = meta
      ? (meta.date !== undefined || meta.number !== undefined) && (meta.date === undefined || formatCalendarDay(meta.date) === day) && (meta.number === undefined || meta.number === head.number)
      : head.yearless !== undefined && matchYearlessNumberLine(plain) === head.yearless.serial;
    if (same) lines[i] = { kind: "page" };
  }
}

/** What the editor is told when a number without its year (`No. 175`) took the date's. */
export function yearFromDateWarning(line: string, number: string, year: number): string {
  return `El número de boletín en «${line}» no dice el año; se tomó el de la fecha (${year}): ${number}. Revisa que sea el correcto.`;
}

/** A place on its own line above the date is short (`Ciudad de México`, `Monterrey, Nuevo León`). */
const MAX_PLACE_LINE_WORDS = 6;

/** A title line left open: a comma, or a word that needs another after it (`…una unidad en` + `Centla…`). */
const OPEN_TITLE_END_RE = /(?:[,;:–—-]|\s(?:de|del|la|las|los|el|y|e|o|u|en|a|al|con|para|por|sin|sobre|entre|que|su|sus|un|una))$/iu;

/** Longest line taken as the rest of a wrapped title in text that is not hard-wrapped throughout. */
const MAX_TITLE_WRAP = 100;

/**
 * A title wrapped onto the next line: in hard-wrapped text, always; otherwise only a short line that
 * does not end a sentence (a body paragraph ends with a period; a title does not).
 */
function continuesTitle(titleLines: string[], line: string, layout: Layout): boolean {
  if (layout.hardWrapped || startsLowercase(line)) return true;
  return !endsSentence(titleLines[titleLines.length - 1] ?? "") && line.length <= MAX_TITLE_WRAP && !endsSentence(line);
}

/**
 * A line holding the dateline, the number, or both (in either order). Anything else on the line
 * means it is not a head line: nothing is taken from it.
 */
export function readDatelineAndNumber(plain: string): { date?: CalendarDay; city?: string; number?: string; yearFromDate?: true; weekdayWarning?: string } | undefined {
  const split = splitNumber(plain);
  const rest = split ? split.rest : plain;
  if (split && rest === "") return { number: split.number };
  const dateline = matchDateline(rest);
  if (!dateline || !isStandaloneDateline(dateline)) return undefined;
  const number = split?.number ?? matchNumberLine(dateline.rest);
  const weekdayWarning = weekdayMismatch(dateline);
  return {
    date: dateline.date,
    ...(dateline.city ? { city: dateline.city } : {}),
    ...(number ? { number } : {}),
    ...(split?.yearFromDate ? { yearFromDate: true } : {}),
    ...(weekdayWarning ? { weekdayWarning } : {}),
  };
}

/** A list item and the lists under it. */
interface ListEntry {
  text: string;
  children: SubList[];
}
interface SubList {
  ordered: boolean;
  start: number;
  items: ListEntry[];
}

/** `quote`: the blockquote depth of the chunk's lines (0: none). */
type Chunk =
  | { kind: "paragraph"; text: string; afterPage: boolean; quote: number }
  | ({ kind: "list"; afterPage: boolean; quote: number } & SubList)
  | { kind: "table"; rows: string[][]; afterPage: boolean; quote: number };

/** An item indented this many columns more than the one above it is under it. */
const NEST_INDENT = 2;

/** A level of the list being read: its items, their indentation, whether they are Word's `o` sub-bullets. */
interface ListLevel {
  list: SubList;
  indent: number;
  sub: boolean;
}

/**
 * Where an item goes in the list being read (`levels`, outermost first). Under the previous item when
 * the source shows it: indented further (`    - Uno a`, a tab before Word's `o`), or Word's `o` sub-bullet
 * right after an item that is not one; back up to the level its indentation matches, and after `o` items
 * to the item above them. False when the item cannot continue the list (another kind of list at the top).
 */
function placeItem(levels: ListLevel[], item: ListItem, indent: number): boolean {
  let top = levels[levels.length - 1]!;
  const entry: ListEntry = { text: item.text, children: [] };
  const nest = () => {
    const list: SubList = { ordered: item.ordered, start: item.ordinal ?? 1, items: [entry] };
    top.list.items[top.list.items.length - 1]!.children.push(list);
    levels.push({ list, indent, sub: !!item.sub });
    return true;
  };
  if (indent >= top.indent + NEST_INDENT) return nest();
  while (levels.length > 1 && indent <= top.indent - NEST_INDENT) {
    levels.pop();
    top = levels[levels.length - 1]!;
  }
  if (item.sub && !top.sub) return nest();
  if (!item.sub && top.sub && levels.length > 1) {
    levels.pop();
    top = levels[levels.length - 1]!;
  }
  if (top.list.ordered === item.ordered) {
    top.list.items.push(entry);
    return true;
  }
  if (levels.length === 1) return false;
  // Another kind of list under the same item (bullets, then numbers): a second list there.
  levels.pop();
  top = levels[levels.length - 1]!;
  return nest();
}

/** The last item of a list, however deep: where a wrapped line or a page's next line continues. */
function lastEntry(list: SubList): ListEntry {
  let entry = list.items[list.items.length - 1]!;
  while (entry.children.length > 0) {
    const child = entry.children[entry.children.length - 1]!;
    entry = child.items[child.items.length - 1]!;
  }
  return entry;
}

/**
 * Body lines to paragraphs and lists. Lines of one paragraph are joined (hard wraps); a page mark
 * between a paragraph that does not end a sentence (or a next one that starts in lower case) joins them.
 * After the end mark, text that is not a link is kept, so nothing written is lost.
 */
function buildChunks(lines: Line[], layout: Layout): Chunk[] {
  const chunks: Chunk[] = [];
  let open: Chunk | undefined;
  let afterPage = false;
  let previousLine = "";
  const close = () => {
    if (open) chunks.push(open);
    open = undefined;
  };
  // Blank lines between the items of one list (Word writes each item as a paragraph) keep the list open.
  let blankInList = false;
  let levels: ListLevel[] = [];
  // Whether the previous line was text (no blank line between): an unquoted line right after a quoted
  // paragraph continues it, as markdown reads it (a lazy continuation).
  let afterText = false;
  for (const line of lines) {
    const wasAfterText = afterText;
    afterText = line.kind === "text";
    if (line.kind === "blank" && open?.kind === "list") {
      blankInList = true;
      continue;
    }
    if (line.kind === "blank" || line.kind === "end") {
      close();
      continue;
    }
    if (line.kind === "text" || line.kind === "row") {
      // A blockquote starts or ends: a chunk is in one quote or in none.
      const quote = line.quote ?? 0;
      const lazy = line.kind === "text" && quote === 0 && wasAfterText && open?.kind === "paragraph" && !matchListItem(line.text);
      if (open && open.quote !== quote && !lazy) {
        close();
        blankInList = false;
      }
    }
    if (line.kind === "row") {
      // Consecutive rows are one table; a page break inside it does not end it.
      if (open?.kind === "table") open.rows.push(line.cells);
      else {
        close();
        open = { kind: "table", rows: [line.cells], afterPage, quote: line.quote ?? 0 };
      }
      blankInList = false;
      afterPage = false;
      continue;
    }
    const current = open as Chunk | undefined;
    const next = blankInList && current?.kind === "list" && line.kind === "text" ? matchListItem(line.text, { afterItem: true }) : undefined;
    // After a blank line the list goes on with an item of its kind, or one nested under its items.
    const continuesList = !!next && current?.kind === "list" && (next.ordered === current.ordered || !!next.sub || (line.kind === "text" && (line.indent ?? 0) >= levels[0]!.indent + NEST_INDENT));
    if (blankInList && !continuesList) close();
    blankInList = false;
    if (line.kind === "page") {
      // A header in the middle of a paragraph or a table: keep it open, it continues on the next page.
      if ((open?.kind === "paragraph" && !endsSentence(open.text)) || open?.kind === "table") {
        afterPage = false;
        continue;
      }
      close();
      afterPage = true;
      continue;
    }
    // In hard-wrapped text a line may start with `2024. ` or `- ` only because the wrap fell there:
    // it continues a sentence the previous line left open.
    const wrappedMidSentence = layout.hardWrapped && open?.kind === "paragraph" && !endsSentence(previousLine);
    const item: ListItem | undefined = wrappedMidSentence ? undefined : matchListItem(line.text, { afterItem: open?.kind === "list" });
    if (item) {
      const indent = line.indent ?? 0;
      if (open?.kind !== "list" || !placeItem(levels, item, indent)) {
        close();
        const list: Chunk = { kind: "list", ordered: item.ordered, start: item.ordinal ?? 1, items: [{ text: item.text, children: [] }], afterPage, quote: line.quote ?? 0 };
        open = list;
        levels = [{ list, indent, sub: false }];
      }
    } else if (open?.kind === "list") {
      const last = lastEntry(open);
      last.text = joinWrapped(last.text, line.text);
    } else if (open?.kind === "paragraph" && !endsParagraph(previousLine, line.text, layout)) {
      open.text = joinWrapped(open.text, line.text);
    } else {
      close();
      open = { kind: "paragraph", text: line.text, afterPage, quote: line.quote ?? 0 };
    }
    previousLine = line.text;
    afterPage = false;
  }
  close();
  return mendPageBreaks(chunks);
}

/** Text that cannot end there: a comma, a dash, an opening bracket or a word that needs another after it. */
const LEFT_OPEN_RE = /(?:[,(–—-]|(?<!\p{L})(?:de|del|la|las|los|el|lo|y|e|o|u|ni|a|al|en|con|para|por|que|sin|sobre|entre|hasta|desde|hacia|su|sus|un|una|unos|unas|como|cuando|donde|más|muy)(?!\p{L}))$/iu;

/**
 * Chunks a page break cut: a paragraph continued on the next page (it did not end its sentence, or the next
 * page starts in lower case) is joined again, also the last item of a list; a table goes on.
 */
function mendPageBreaks(chunks: Chunk[]): Chunk[] {
  const out: Chunk[] = [];
  for (const chunk of chunks) {
    const previous = out[out.length - 1];
    if (chunk.kind === "table" && chunk.afterPage && previous?.kind === "table") {
      // A table the page break cut: one table (its rows on the next page repeat no header).
      previous.rows.push(...chunk.rows);
      continue;
    }
    if (chunk.kind === "paragraph" && chunk.afterPage && previous && previous.kind !== "table" && previous.quote === chunk.quote) {
      const tail = previous.kind === "paragraph" ? previous.text : lastEntry(previous).text;
      // A list item seldom ends with a period: it was cut only if it is left open (`…antes de`, `…consultas,`).
      const cut = previous.kind === "paragraph" ? !endsSentence(tail) : LEFT_OPEN_RE.test(tail.replace(/[*_\s]+$/, ""));
      if (cut || startsLowercase(chunk.text)) {
        if (previous.kind === "paragraph") previous.text = joinWrapped(previous.text, chunk.text);
        else lastEntry(previous).text = joinWrapped(tail, chunk.text);
        continue;
      }
    }
    out.push(chunk);
  }
  return out;
}

/**
 * The body's markdown. A quoted chunk's lines carry its `>` marks; quoted chunks one after another at
 * the same depth are one blockquote (its paragraphs separated by a `>` line, as pandoc writes them).
 */
function renderChunks(chunks: Chunk[]): string {
  let out = "";
  let previousQuote = 0;
  for (const chunk of chunks) {
    const text = renderChunk(chunk);
    if (text.trim() === "") continue;
    const marks = "> ".repeat(chunk.quote);
    const quoted = chunk.quote ? text.split("\n").map((line) => `${marks}${line}`).join("\n") : text;
    if (out) out += chunk.quote > 0 && chunk.quote === previousQuote ? `\n${marks.trimEnd()}\n` : "\n\n";
    out += quoted;
    previousQuote = chunk.quote;
  }
  return out;
}

function renderChunk(chunk: Chunk): string {
  // `2024. Año de la atención primaria…` is a sentence here, not the item 2024 of a list.
  // `+ 15 %` (a figure, not an item) or a lone `+`: escaped, or markdown would show a list.
  if (chunk.kind === "paragraph") return chunk.text.replace(/^(\d+)([.)])(?=\s|$)/, "$1\\$2").replace(/^([-+*])(?=\s|$)/, "\\$1");
  if (chunk.kind === "table") return renderTable(chunk.rows);
  return renderList(chunk, "").join("\n");
}

/** A list's lines; a nested list indented under its item's text (`- Uno` / `  - Uno a`, `1. Uno` / `   - a`). */
function renderList(list: SubList, indent: string): string[] {
  return list.items.flatMap((entry, i) => {
    const marker = list.ordered ? `${list.start + i}. ` : "- ";
    return [`${indent}${marker}${entry.text}`, ...entry.children.flatMap((child) => renderList(child, indent + " ".repeat(marker.length)))];
  });
}

/**
 * A markdown table: every row as wide as the widest, the first row its header (a table without
 * the `|---|` row under its header gets one, or markdown would show the pipes as text).
 */
function renderTable(rows: string[][]): string {
  // One line between pipes is no table: it stays as written.
  if (rows.length === 1) return `| ${rows[0]!.join(" | ")} |`;
  const width = Math.max(...rows.map((r) => r.length));
  const padded = rows.map((r) => [...r, ...Array<string>(width - r.length).fill("")]);
  const [header, ...rest] = padded;
  const delimiter = rest[0] && isDelimiterRow(rest[0]) ? rest.shift()! : Array<string>(width).fill("---");
  return [header!, delimiter, ...rest].map((r) => `| ${r.join(" | ")} |`).join("\n");
}

/**
 * An inline dateline opening the first paragraph, possibly in bold:
 * `**Monterrey, Nuevo León, a 2 de febrero de 2024.-** El Instituto…` → date, city and `El Instituto…`.
 */
function matchInlineDateline(paragraph: string): { date: CalendarDay; city?: string; text: string } | undefined {
  const emphasized = /^(\*\*|__|\*|_)(.+?)\1\s*(.*)$/s.exec(paragraph);
  const candidates = emphasized ? [`${emphasized[2]} ${emphasized[3]}`, paragraph] : [paragraph];
  for (const candidate of candidates) {
    const dateline = matchDateline(candidate);
    if (!dateline) continue;
    const text = inlineDatelineText(dateline);
    if (text) return { date: dateline.date, ...(dateline.city ? { city: plainText(dateline.city) } : {}), text: text.trim() };
  }
  return undefined;
}

