/**
 * Inline markdown as it comes out of Word/PDF converters (pandoc, Google Docs, mammoth):
 * headings `## …`, bold `**…**`, backslash escapes. Plain-text fields (title, highlights, city)
 * are stored without it; the body keeps it.
 */

/** `## **IMSS fortalece\-** …` → `IMSS fortalece- …`. */
export function plainText(line: string): string {
  // Escaped characters are literal text: hidden behind a private-use mark while emphasis is removed.
  return line
    .replace(/\\([!-/:-@[-`{-~])/g, `${ESCAPED}$1`)
    .replace(/^\s{0,3}#{1,6}\s+/, "")
    .replace(/\s+#+\s*$/, "")
    .replace(/(?<!\uE000)(?:\*\*|__)/g, "")
    .replace(/(^|[\s(“"«])(?<!\uE000)[*_](?=\S)/g, "$1")
    .replace(/([^\s\uE000])[*_](?=$|[\s.,;:)”"»])/g, "$1")
    .replace(/\uE000/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

const ESCAPED = "\uE000";

/** Comparable form for recognizing page furniture: no accents, no case, no punctuation at the ends. */
export function foldForMatch(line: string): string {
  return plainText(line)
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/^[\s.:,;–—-]+|[\s.:,;–—-]+$/g, "")
    .replace(/\s+/g, " ");
}

/**
 * Glyphs Word, PDFs and converters use for bullets: `·` (what Word's Symbol bullet becomes in text),
 * U+F0B7/U+F0A7/U+F0D8/U+F0FC (Word's private-use Symbol/Wingdings bullets), `•`, `▪`, `◆`, `❖`,
 * arrows, checks. `*` and `+` are markdown bullets and need a space after them; the others may touch
 * the text. A `+` before a figure is a sign (`+ 52 55 5238 2700`, `+ 15 %`), not a bullet (but see
 * `matchTouchingPlus`).
 */
const BULLET_RE = /^(?:\*\s+|\+\s+(?![\d(])|[·•▪▫◦‣⁃●○■□◆◇❖♦➢➤►▶→➔➜⇒✓✔\uF0B7\uF0A7\uF0D8\uF0FC\uF076\uF0A8]\s*)(?=\S)(.*)$/u;
/**
 * Dashes as bullets: `-` (markdown), `–`, `—`, `‐` (U+2010), `−` (U+2212). With a space after them any
 * text; touching the text only before a capital letter, so `-30-` (the end mark), `-5 grados` and
 * `—dijo—` are not items.
 */
const DASH_BULLET_RE = /^(?:[-–—‐−]\s+(?=\S)|[-–—‐−](?=[*_"“«]*\p{Lu}))(.*)$/u;
/**
 * Spanish dialogue, as a release quotes someone: a dash touching the first word and another one
 * opening the narrator's words (`—Es una gran noticia —dijo el director.`). A paragraph, not an item.
 */
const DIALOGUE_RE = /^[—–](?=[*_"“«¿¡]*\p{Lu}).*\s[—–][*_]*\p{Ll}/u;

function isDialogue(line: string): boolean {
  return DIALOGUE_RE.test(line.trim());
}

/** `a) Texto`: a lettered item (see `matchListItem`). */
const LETTERED_RE = /^[a-zA-Z]\)\s+\S/u;
/**
 * Word's second-level bullet, `o` (Courier New), as converters write it: `o` and a space or tab before
 * a capital letter. `o` is also the word "or", so only right after another item (`afterItem`).
 */
const WORD_SUB_BULLET_RE = /^o[ \t]+(?=[*_"“«¿¡]*\p{Lu})(.*)$/u;
/**
 * `1. Texto`, `1) Texto`; touching its text only before a capital (`1.Se registraron…`, as typed by hand),
 * so `1.5 millones` and `2.o piso` are not items.
 */
const ORDERED_RE = /^(\d{1,3})([.)])(?:\s+|(?=[*_"“«¿¡]*\p{Lu}))(\S.*)$/u;

export interface ListItem {
  ordered: boolean;
  /** The number of an ordered item. */
  ordinal?: number;
  /** `a) Texto`: unordered for markdown, its letter kept at the start of `text`. */
  lettered?: true;
  /** Word's second-level `o` bullet: an item one level under the item before it. */
  sub?: true;
  text: string;
}

export interface ListContext {
  /** The previous line (blank lines aside) was an item of a list: Word's `o` sub-bullet may follow. */
  afterItem?: boolean;
}

/**
 * A list item: a bullet (its glyph dropped), a numbered item (`1.`, `1)`), or a lettered one
 * (`a) Texto`). Markdown numbers lists only with digits, so a lettered item is an unordered item that
 * keeps its letter in the text (`- a) Texto`): the letters the release wrote stay, and the items are
 * not run together into one paragraph.
 */
export function matchListItem(line: string, context: ListContext = {}): ListItem | undefined {
  const bullet = BULLET_RE.exec(line) ?? (isDialogue(line) ? null : DASH_BULLET_RE.exec(line));
  if (bullet) return { ordered: false, text: (bullet[1] ?? "").trim() };
  const sub = context.afterItem ? WORD_SUB_BULLET_RE.exec(line) : null;
  if (sub) return { ordered: false, sub: true, text: (sub[1] ?? "").trim() };
  const ordered = ORDERED_RE.exec(line);
  if (ordered) return { ordered: true, ordinal: Number(ordered[1]), text: (ordered[3] ?? "").trim() };
  if (LETTERED_RE.test(line)) return { ordered: false, lettered: true, text: line.trim().replace(/\s+/g, " ") };
  return undefined;
}

/**
 * `*Texto` (`\*Texto` as Word and pandoc escape it): an asterisk touching a capital, with no other asterisk
 * on the line (`*cursiva*` is emphasis). A bullet only when several lines in a row have one; a single one
 * is often a footnote (`*Cifras preliminares`), which the caller keeps as written. Returns the text.
 */
const TOUCHING_STAR_RE = /^\\?\*(?=[_"“«¿¡]*\p{Lu})([^*]*)$/u;

export function matchTouchingStar(line: string): string | undefined {
  return TOUCHING_STAR_RE.exec(line.trim())?.[1]?.trim() || undefined;
}

/**
 * A `+` that is a bullet only when several lines in a row have one, as with `*Texto`: touching a capital
 * (`+Texto`, also escaped `\+Texto`), before a figure (`+ 3 mil consultas`: alone, `+ 15 %` is a figure) or
 * escaped as pandoc writes a plus typed in Word (`\+ Texto`). A phone number (`+52 55 5238 2700`,
 * `+ 52 55…`) and a plus touching a figure (`+3 mil`, «more than») never are. Returns the text.
 */
const TOUCHING_PLUS_RE = /^\\?\+(?=[*_"“«¿¡]*\p{Lu})(.*)$/u;
const SPACED_PLUS_RE = /^(?:\+\s+(?=[\d(])|\\\+\s+(?=\S))(.*)$/u;
const PHONE_RE = /^[\d\s().-]+$/;

export function matchTouchingPlus(line: string): string | undefined {
  const t = line.trim();
  const text = (TOUCHING_PLUS_RE.exec(t) ?? SPACED_PLUS_RE.exec(t))?.[1]?.trim();
  return text && !PHONE_RE.test(text) ? text : undefined;
}

/** Sentence-final punctuation: a paragraph ending otherwise was cut (by a page break). */
export function endsSentence(text: string): boolean {
  return /[.!?…:;"”»]$/u.test(text.replace(/[*_\s]+$/, ""));
}

export function startsLowercase(text: string): boolean {
  return /^[*_"“«(]*\p{Ll}/u.test(text);
}

/**
 * Join two hard-wrapped lines. A word split by a hyphen at the end of a PDF line is mended
 * only when both halves are lowercase (`presta-` + `ciones`), so `IMSS-` + `Bienestar` keeps its hyphen
 * (`IMSS-Bienestar`).
 * An address cut where it is left open (`…/guiasclinicas/` + `cancer-infantil.pdf para…`) is joined
 * without a space, its hyphens kept: a space would break the link.
 */
export function joinWrapped(a: string, b: string): string {
  if (OPEN_ADDRESS_END_RE.test(a) && ADDRESS_REST_RE.test(b)) return a + b;
  if (/\p{Ll}-$/u.test(a) && /^\p{Ll}/u.test(b)) return a.slice(0, -1) + b;
  // A compound's own hyphen at the end of the line (`IMSS-` + `Bienestar`, `COVID-` + `19`): kept, with nothing after it.
  if (/[\p{L}\d]-$/u.test(a) && /^[\p{Lu}\d]/u.test(b)) return a + b;
  return `${a} ${b}`;
}

/** A line ending inside an address: after a `/`, `-`, `_`, `?`, `&`, `=` or `%` of it (a final `.` may end the sentence). */
const OPEN_ADDRESS_END_RE = /(?:https?:\/\/|\bwww\.)[^\s<>"]*[/\-_?&=%]$/i;
/** The rest of an address: a path or query piece (a `/`, `.`, `-`, `_`, `=` or `&` in it), no capital first, touching nothing but the address's punctuation. */
const ADDRESS_REST_RE = /^(?=[^\s]*[/._=&-])[\p{Ll}\d%~][\w%~./?=&#+-]*(?=[\s.,;:)]|$)/u;

/**
 * Plain text (Word's) as markdown: characters markdown would read as markup are escaped, so a `*` or a `<`
 * typed in Word shows as typed. Bullets typed by hand (`- `, `• `) stay: they are the writer's list.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_<>[\]]/g, (c) => `\\${c}`);
}
