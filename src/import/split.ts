import { normalizeBulletinNumber } from "../model/normalize.ts";
import { endsSentence, matchListItem, plainText } from "./inline.ts";
import { matchLinkLabel, urlOnlyLine } from "./links.ts";
import { isBareNumber, isEndMark, isLetterheadOffice, isPageFurniture, isRule, isYearLegend } from "./page-furniture.ts";
import { matchYearlessNumberLine } from "./release-number.ts";
import { formatCalendarDay, looksLikePlace } from "./spanish-dates.ts";
import { readDatelineAndNumber } from "./text.ts";

/**
 * A file that holds several press releases one after the other (a day's releases pasted into one
 * document, a PDF of two releases): where each one starts. A release starts with its head (the
 * dateline and the number, with the letterhead above them); a later head is another release when
 *
 * - it has both the dateline and the number (`No. 251/2024`, or `No. 251`), and the number is not the
 *   release's own (a page header repeating `No. 250/2024` on every page is the same release), or
 * - the release before it ended (`---o0o---`, `-o0o-`, `oOo`…) and it has a dateline or a number that is
 *   not the release's own,
 *
 * and a title and text follow it. A dateline or a number alone, in the middle of a release's text (no end
 * mark before it), followed by what looks like a title and text, may be a second release or may be text:
 * that is ambiguous, and said (`ambiguous`) rather than guessed.
 *
 * Only a head found after the release's text has begun counts (a body paragraph or the end mark): a
 * dateline written twice in the head is the head's business (text.ts).
 */
export interface ReleaseSlice {
  /** The release's lines of the file, as written (one file's text for `extractRelease`). */
  text: string;
  /** 1-based number of the file's line where the release's head is (its dateline or number). */
  headLine: number;
  /** 1-based number of the release's first line that is not blank. */
  firstLine: number;
  /** What the editor should check about this release's footnotes, found when the file was split (Spanish). */
  warnings: string[];
}

export interface AmbiguousSplit {
  /** 1-based line where a second release seems to start. */
  line: number;
  /** That line's text, as the editor reads it. */
  text: string;
  /** Why it is not taken for sure (Spanish). */
  why: string;
}

export type SplitResult = { releases: ReleaseSlice[] } | { ambiguous: AmbiguousSplit };

/** `note`: a footnote's definition (`[^1]: …`; a PDF's at the foot of its page): its release's, never a head or a title. */
type Kind = "blank" | "end" | "furniture" | "note" | "text";

interface HeadBlock {
  /** Index of its first and last head lines. */
  start: number;
  end: number;
  date?: string;
  number?: string;
  /** `No. 251` without its year: the serial. */
  serial?: string;
}

/** A paragraph this long that ends a sentence is a release's text (titles and highlights are shorter or end without a period). */
const BODY_PARAGRAPH = 80;
/** A release's title written above its dateline, after the previous release's end mark: at most this many lines. */
const MAX_TITLE_LINES_ABOVE_HEAD = 3;
/** And the highlights under that title, above the head: at most this many. */
const MAX_HIGHLIGHTS_ABOVE_HEAD = 6;

export function splitReleases(raw: string): SplitResult {
  const lines = raw.split(/\r\n|\r|\n/);
  const texts = lines.map(cleanLine);
  const kinds = texts.map(kindOf);
  const blocks = headBlocks(texts, kinds);
  const slices: Array<{ start: number; head: number }> = [{ start: 0, head: blocks[0]?.start ?? 0 }];
  // The release being read: its head's date and number, whether its text has begun, whether it ended.
  let current: { date?: string; number?: string; serial?: string } | undefined;
  let bodySeen = false;
  let ended = false;
  let scanned = 0;
  for (const block of blocks) {
    for (; scanned < block.start; scanned++) {
      if (kinds[scanned] === "end") ended = bodySeen = true;
      else if (kinds[scanned] === "text" && isBodyParagraph(texts[scanned]!)) bodySeen = true;
    }
    scanned = block.end + 1;
    // The first head of the file (or of the release just started), or a dateline repeated in it; before
    // the file's first head, only a release that ended (a release without a head) is one of its own.
    if (!bodySeen || (!current && !ended)) {
      current = { ...current, ...definedOf(block) };
      continue;
    }
    if (current && sameRelease(block, current, ended)) continue;
    const { start, titleAbove } = releaseStart(texts, kinds, block.start);
    if (!followedByRelease(texts, kinds, block.end + 1, titleAbove)) continue;
    const complete = !!block.date && !!(block.number || block.serial);
    if (!complete && !ended) {
      const what = block.date ? "una línea de fecha sin número de boletín" : "un número de boletín sin línea de fecha";
      return {
        ambiguous: {
          line: block.start + 1,
          text: texts[block.start]!,
          why: `hay ${what} en medio del texto, sin la marca de fin (---o0o---) del comunicado anterior: puede ser otro comunicado o parte del texto`,
        },
      };
    }
    slices.push({ start, head: block.start });
    current = definedOf(block);
    bodySeen = ended = false;
  }
  if (slices.length === 1) return { releases: [{ text: raw, headLine: slices[0]!.head + 1, firstLine: firstNonBlank(kinds, 0) + 1, warnings: [] }] };
  const notes = placeFootnotes(lines, texts, kinds, slices.map((slice) => slice.start));
  return {
    releases: slices.map((slice, k) => ({ text: notes[k]!.text, headLine: slice.head + 1, firstLine: firstNonBlank(kinds, slice.start) + 1, warnings: notes[k]!.warnings })),
  };
}

/** A footnote's definition in the file: the `[^1]:` line, the lines under it and its indented paragraphs and lists (text.ts). */
interface Definition {
  /** As written. */
  label: string;
  /** As compared (render/footnotes.ts: without case). */
  key: string;
  /** Its lines: `start` to `end` (not included). */
  start: number;
  end: number;
  /** The release it is written in, and the one it goes to. */
  from: number;
  to?: number;
  /** Why it went where it did, when that is not certain: said to the editor. */
  doubt?: { kind: "uncalled" } | { kind: "several"; releases: number[] } | { kind: "taken"; releases: number[] };
}

/** `[^1]`: a footnote's call (a `\[` typed in the text is no call). */
const CALL_RE = /(?<!\\)\[\^([^\s\]]+)\]/g;
/** `[^1]:` at the start of a cleaned line: a definition. */
const DEFINITION_RE = /^\[\^([^\s\]]+)\]:/;

/**
 * Each footnote's definition goes with the release that calls it. Word's notes (mammoth's HTML) and
 * pandoc's are all at the end of the document, after the last release; a PDF's are at the foot of their page,
 * which may be the next release's first page. A definition stays where it is when its release calls it;
 * it goes to the one release that calls it and has no note of that label of its own; otherwise (no release
 * calls it, or several do) it is never dropped: it stays where it is (or, called by several, in the one of
 * them where it is, else the nearest one before it, as notes follow their calls), and the editor is told which
 * note and why.
 *
 * Then each release's notes are numbered from 1, in the order its page numbers them (render/footnotes.ts:
 * the order of their first call), so a bulletin made from a file's third release does not start at [^7]:
 * only when all its labels are numbers and each note has its call and each call its note (otherwise the
 * labels stay as written: unique in the file as Word, pandoc and pdf.ts write them, so unique and matching
 * within the release too, and a message about a note names it as the bulletin has it).
 *
 * A release's text is its lines as written when nothing of this changes it; lines taken out are left
 * blank, and the notes that come are added at its end (text.ts takes every definition to the body's end).
 */
function placeFootnotes(lines: string[], texts: string[], kinds: Kind[], starts: number[]): Array<{ text: string; warnings: string[] }> {
  const count = starts.length;
  const releaseOf = (line: number) => {
    let k = 0;
    while (k + 1 < count && starts[k + 1]! <= line) k++;
    return k;
  };
  const definitions = findDefinitions(lines, texts, kinds).map((d) => ({ ...d, from: releaseOf(d.start) }) as Definition);
  const inDefinition = new Array<boolean>(lines.length).fill(false);
  for (const d of definitions) for (let i = d.start; i < d.end; i++) inDefinition[i] = true;
  // Calls in each release's text (not in its notes), in order.
  const calls: string[][] = starts.map(() => []);
  for (let i = 0; i < lines.length; i++) if (!inDefinition[i]) for (const m of lines[i]!.matchAll(CALL_RE)) calls[releaseOf(i)]!.push(m[1]!);
  const callers = (key: string) => [...new Set(calls.flatMap((labels, k) => (labels.some((l) => l.toLowerCase() === key) ? [k] : [])))];
  for (const d of definitions) {
    const by = callers(d.key);
    // The releases that call it and have no note of that label of their own (its own release always may).
    const free = by.filter((k) => k === d.from || !definitions.some((e) => e.key === d.key && e.from === k));
    if (free.length === 1) d.to = free[0];
    else if (free.length > 1) {
      d.to = free.includes(d.from) ? d.from : ([...free].reverse().find((k) => k < d.from) ?? free[0]);
      d.doubt = { kind: "several", releases: free };
    } else if (by.length > 0) {
      d.to = d.from;
      d.doubt = { kind: "taken", releases: by };
    }
  }
  // A note called only from another note goes with that note.
  const nestedCalls = (d: Definition) =>
    [...lines.slice(d.start, d.end).join("\n").replace(/^\s*\[\^[^\s\]]+\]:/, "").matchAll(CALL_RE)].map((m) => m[1]!.toLowerCase()).filter((key) => key !== d.key);
  for (const d of definitions) {
    if (d.to !== undefined) continue;
    const hosts = [...new Set(definitions.filter((e) => e !== d && e.to !== undefined && nestedCalls(e).includes(d.key)).map((e) => e.to!))];
    d.to = hosts.length === 1 ? hosts[0]! : d.from;
    if (hosts.length !== 1) d.doubt = { kind: "uncalled" };
  }

  return starts.map((start, k) => {
    const end = starts[k + 1] ?? lines.length;
    const staying = definitions.filter((d) => d.from === k && d.to === k);
    const leaving = definitions.filter((d) => d.from === k && d.to !== k);
    const coming = definitions.filter((d) => d.to === k && d.from !== k);
    let own = lines.slice(start, end);
    for (const d of leaving) for (let i = d.start; i < d.end; i++) own[i - start] = "";
    for (const d of coming) own.push("", ...lines.slice(d.start, d.end));
    const notes = [...staying, ...coming];
    const renumbered = numberFromOne(calls[k]!, notes, nestedCalls);
    if (renumbered) own = own.map((line) => line.replace(CALL_RE, (call, label: string) => (renumbered.has(label) ? `[^${renumbered.get(label)}]` : call)));
    const labelOf = (d: Definition) => `[^${renumbered?.get(d.label) ?? d.label}]`;
    const changed = leaving.length > 0 || coming.length > 0 || renumbered !== undefined;
    return {
      text: changed ? own.join("\n") : lines.slice(start, end).join("\n"),
      warnings: notes.filter((d) => d.doubt).map((d) => footnoteDoubt(d, labelOf(d), noteStart(texts, d), k, count)),
    };
  });
}

/** The definitions of a file's lines (see `Definition`), as text.ts takes them. */
function findDefinitions(lines: string[], texts: string[], kinds: Kind[]): Array<Omit<Definition, "from">> {
  const found: Array<Omit<Definition, "from">> = [];
  for (let i = 0; i < lines.length; i++) {
    const label = DEFINITION_RE.exec(texts[i]!)?.[1];
    if (kinds[i] !== "note" || !label || indentation(lines[i]!) >= 4 || /^\s*>/.test(lines[i]!)) continue;
    let end = i + 1;
    // The note's text wrapped, then its paragraphs and lists indented by four spaces (blank lines between them).
    while (kinds[end] === "text" && !matchListItem(texts[end]!)) end++;
    for (;;) {
      let k = end;
      while (kinds[k] === "blank") k++;
      if (kinds[k] !== "text" || indentation(lines[k]!) < 4) break;
      while (kinds[k] === "text" && indentation(lines[k]!) >= 4) k++;
      end = k;
    }
    found.push({ label, key: label.toLowerCase(), start: i, end });
    i = end - 1;
  }
  return found;
}

/** Columns of space before a line's text (a tab to the next multiple of 4). */
function indentation(line: string): number {
  let column = 0;
  for (const c of /^[ \t]*/.exec(line)![0]) column = c === "\t" ? column + 4 - (column % 4) : column + 1;
  return column;
}

/**
 * The labels of a release's notes numbered 1, 2… in the order the page numbers them (first call in the text,
 * then calls inside the notes), when every label is a number, every note is called and every call has its
 * note, and no label is written twice; undefined when they already are, or cannot be (see `placeFootnotes`).
 */
function numberFromOne(calls: string[], notes: Definition[], nestedCalls: (d: Definition) => string[]): Map<string, string> | undefined {
  if (notes.length === 0) return undefined;
  const defined = new Set(notes.map((d) => d.key));
  if (defined.size !== notes.length) return undefined;
  const order: string[] = [];
  for (const label of [...calls, ...notes.flatMap(nestedCalls)]) if (!order.includes(label.toLowerCase())) order.push(label.toLowerCase());
  if (order.length !== defined.size || !order.every((key) => defined.has(key) && /^\d+$/.test(key))) return undefined;
  if (order.every((key, n) => key === String(n + 1))) return undefined;
  return new Map(order.map((key, n) => [key, String(n + 1)]));
}

/** The start of a note's text, as the editor finds it in the bulletin. */
function noteStart(texts: string[], d: Definition): string {
  const text = plainText(texts[d.start]!.replace(DEFINITION_RE, "").trim());
  return text.length > 60 ? `${text.slice(0, 60).trimEnd()}…` : text;
}

/** «el 1.º y el 3.º»: releases of the file by their place in it. */
function ordinals(releases: number[]): string {
  const said = releases.map((k) => `el ${k + 1}.º`);
  return said.length === 1 ? said[0]! : `${said.slice(0, -1).join(", ")} y ${said[said.length - 1]}`;
}

/** What the editor is told about a note whose release is not certain, in the release where it was left. */
function footnoteDoubt(d: Definition, label: string, start: string, release: number, count: number): string {
  const note = `La nota al pie ${label} («${start}»)`;
  if (d.doubt?.kind === "several") {
    const others = d.doubt.releases.filter((k) => k !== release);
    return `${note} se llama en ${ordinals(d.doubt.releases)} de los ${count} comunicados del archivo: quedó en este (el ${release + 1}.º), y en ${ordinals(others)} la llamada quedó sin nota. Revisa de cuál es la nota y escribe en el otro la suya, o quita la llamada que sobra.`;
  }
  if (d.doubt?.kind === "taken") {
    return `${note} no tiene llamada en este comunicado, y ${d.doubt.releases.length === 1 ? "el que la llama" : "los que la llaman"} (${ordinals(d.doubt.releases)}) ya ${d.doubt.releases.length === 1 ? "tiene" : "tienen"} su propia nota con esa llamada: quedó en este, al final, sin número que lleve a ella. Revisa si es de otro comunicado, o quítala si sobra.`;
  }
  return `${note} no tiene llamada en ninguno de los ${count} comunicados del archivo: quedó en este, al final, sin número que lleve a ella. Escribe ${label} en el texto, donde va la llamada, o quítala si no es de este comunicado.`;
}

/** A line as the importer reads it: no BOM, invisible or non-breaking spaces, page feeds or tabs. */
function cleanLine(line: string): string {
  return line
    .replace(/[\uFEFF\u200B-\u200D\u2060\u00AD\f]/g, "")
    .replace(/[\u00A0\u2007\u202F\t]/g, " ")
    .replace(/ {2,}/g, " ")
    .trim();
}

function kindOf(text: string): Kind {
  if (text === "") return "blank";
  if (isEndMark(text)) return "end";
  if (/^\[\^[^\s\]]+\]:/.test(text)) return "note";
  if (isRule(text) || isBareNumber(text) || isPageFurniture(text) || isLetterheadOffice(text) || isYearLegend(text)) return "furniture";
  return "text";
}

function isBodyParagraph(text: string): boolean {
  return text.length >= BODY_PARAGRAPH && endsSentence(plainText(text)) && !matchListItem(text);
}

/** A head line (or two: the place above the date, a dateline wrapped): what it says. */
function readHeadLine(texts: string[], kinds: Kind[], i: number): { date?: string; number?: string; serial?: string; lines: number } | undefined {
  if (kinds[i] !== "text") return undefined;
  const plain = plainText(texts[i]!);
  const meta = readDatelineAndNumber(plain);
  if (meta && (meta.date || meta.number)) return { ...(meta.date ? { date: formatCalendarDay(meta.date) } : {}), ...(meta.number ? { number: meta.number } : {}), lines: 1 };
  const serial = matchYearlessNumberLine(plain);
  if (serial) return { serial, lines: 1 };
  if (kinds[i + 1] !== "text") return undefined;
  const next = plainText(texts[i + 1]!);
  const two = readDatelineAndNumber(`${plain} ${next}`) ?? (looksLikePlace(plain, 6) ? readDatelineAndNumber(`${plain}, ${next}`) : undefined);
  if (two?.date) return { date: formatCalendarDay(two.date), ...(two.number ? { number: two.number } : {}), lines: 2 };
  return undefined;
}

/** Runs of head lines (blank lines and letterhead between them allowed). */
function headBlocks(texts: string[], kinds: Kind[]): HeadBlock[] {
  const blocks: HeadBlock[] = [];
  let open: HeadBlock | undefined;
  for (let i = 0; i < texts.length; i++) {
    const head = readHeadLine(texts, kinds, i);
    if (head) {
      if (!open || (head.date && open.date) || ((head.number || head.serial) && (open.number || open.serial))) {
        // A second dateline (or number) starts another block: it is a head of its own.
        if (open) blocks.push(open);
        open = { start: i, end: i };
      }
      open.end = i + head.lines - 1;
      if (head.date) open.date = head.date;
      if (head.number) open.number = head.number;
      if (head.serial) open.serial = head.serial;
      i += head.lines - 1;
      continue;
    }
    if (kinds[i] === "blank" || kinds[i] === "furniture") continue;
    if (open) blocks.push(open);
    open = undefined;
  }
  if (open) blocks.push(open);
  return blocks;
}

function definedOf(block: HeadBlock): { date?: string; number?: string; serial?: string } {
  return { ...(block.date ? { date: block.date } : {}), ...(block.number ? { number: block.number } : {}), ...(block.serial ? { serial: block.serial } : {}) };
}

/**
 * The head repeats the release's own number, or (without a number, in its text) its own date: a page header,
 * not another release. After the end mark, the same date is the next release of the same day.
 */
function sameRelease(block: HeadBlock, current: { date?: string; number?: string; serial?: string }, ended: boolean): boolean {
  const serialOf = (n: string | undefined) => (n ? normalizeBulletinNumber(n)?.split("/")[0] : undefined);
  if (block.number && current.number) return normalizeBulletinNumber(block.number) === normalizeBulletinNumber(current.number);
  const blockSerial = block.serial ?? serialOf(block.number);
  const currentSerial = current.serial ?? serialOf(current.number);
  if (blockSerial && currentSerial) return blockSerial.replace(/^0+/, "") === currentSerial.replace(/^0+/, "");
  if (!block.number && !block.serial) return !ended && block.date !== undefined && block.date === current.date;
  return false;
}

/** A release follows a head: a line that can be its title (unless the title is above the head), then some text. */
function followedByRelease(texts: string[], kinds: Kind[], from: number, titleAbove: boolean): boolean {
  let seen = titleAbove ? 1 : 0;
  for (let i = from; i < texts.length && seen < 2; i++) {
    if (kinds[i] === "end") return false;
    if (kinds[i] !== "text") continue;
    if (seen === 0 && (isLink(texts[i]!) || endsSentence(plainText(texts[i]!)) || matchListItem(texts[i]!))) return false;
    seen++;
  }
  return seen >= 2;
}

function isLink(text: string): boolean {
  return !!urlOnlyLine(text) || !!matchLinkLabel(text);
}

/**
 * Where the release whose head is at `head` starts: its letterhead above the head goes with it, and, right
 * after the previous release's end mark, a title written above the dateline or the number (with its
 * highlights under it: `Título` / `- Viñeta` / `No. 172/2024`). A footnote's definition belongs to the
 * release before.
 */
function releaseStart(texts: string[], kinds: Kind[], head: number): { start: number; titleAbove: boolean } {
  let start = head;
  while (start > 0 && (kinds[start - 1] === "blank" || kinds[start - 1] === "furniture")) start--;
  let above = start;
  let titleLines = 0;
  let highlights = 0;
  while (above > 0 && kinds[above - 1] !== "end" && kinds[above - 1] !== "note" && titleLines <= MAX_TITLE_LINES_ABOVE_HEAD) {
    const k = above - 1;
    if (kinds[k] === "text") {
      const text = texts[k]!;
      if (titleLines === 0 && matchListItem(text) && highlights < MAX_HIGHLIGHTS_ABOVE_HEAD) highlights++;
      else if (isLink(text) || endsSentence(plainText(text)) || matchListItem(text)) return { start, titleAbove: false };
      else titleLines++;
    }
    above--;
  }
  if (above > 0 && (kinds[above - 1] === "end" || kinds[above - 1] === "note") && titleLines > 0 && titleLines <= MAX_TITLE_LINES_ABOVE_HEAD) {
    while (kinds[above] === "blank") above++;
    return { start: above, titleAbove: true };
  }
  return { start, titleAbove: false };
}

function firstNonBlank(kinds: Kind[], from: number): number {
  let i = from;
  while (i < kinds.length - 1 && kinds[i] === "blank") i++;
  return i;
}
