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
  if (slices.length === 1) return { releases: [{ text: raw, headLine: slices[0]!.head + 1, firstLine: firstNonBlank(kinds, 0) + 1 }] };
  return {
    releases: slices.map((slice, k) => {
      const end = slices[k + 1]?.start ?? lines.length;
      return { text: lines.slice(slice.start, end).join("\n"), headLine: slice.head + 1, firstLine: firstNonBlank(kinds, slice.start) + 1 };
    }),
  };
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
