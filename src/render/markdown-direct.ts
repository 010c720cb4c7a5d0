import type * as Htmlparser2 from "htmlparser2";
import { lazyRequire } from "../lazy-require.ts";
import type { Token, Tokens } from "marked";

/** Only text holding character references (`&amp;`, `&#233;`…) needs it: loaded on first use. */
const htmlparser2 = lazyRequire<typeof Htmlparser2>("htmlparser2");

/**
 * The sanitized HTML and the plain text of a body, written straight from marked's tokens, without
 * marked's HTML, htmlparser2 or sanitize-html in between.
 *
 * It writes the very bytes that `sanitizeHtml(marked.parser(tokens), SANITIZE).trim()` and
 * `htmlToText(marked.parser(tokens))` give (markdown.ts): the same HTML structure marked's renderer
 * makes, with the tags and attributes the policy keeps, in the order it keeps them, and every text
 * and attribute value read back the way htmlparser2 decodes it and escaped the way sanitize-html
 * escapes it. Tests in tests/render/markdown-direct.test.ts compare both paths on every body of
 * the repository, the bench corpus and thousands of generated ones.
 *
 * Raw HTML (`html` tokens) is never handled here: `renderTokens` returns undefined and the caller
 * runs the real sanitizer. So does any token this file does not know.
 */

/** Thrown (never an Error: no stack to capture) when a token cannot be written here. */
const UNSUPPORTED = Symbol("unsupported");

export interface Rendered {
  html: string;
  text: string;
  /** Words of `text` (runs of non-blank characters), when the way that wrote it counted them (plain prose). */
  words?: number;
}

/** Sanitized HTML (already trimmed) and plain text, or undefined when the tokens need the real sanitizer. */
export function renderTokens(tokens: readonly Token[]): Rendered | undefined {
  const w = new Writer();
  try {
    w.block(tokens);
  } catch (error) {
    if (error === UNSUPPORTED) return undefined;
    throw error;
  }
  return { html: w.html.trim(), text: collapseWhitespace(w.text) };
}

/**
 * A body of plain prose (the usual press bulletin) without running marked at all: paragraphs of
 * words and common punctuation that marked would read as nothing but paragraphs, one `<p>` per
 * block of lines holding the lines as written. Undefined for anything else (see `proseShape`).
 */
export function renderProse(markdown: string): Rendered | undefined {
  const shape = proseShape(markdown);
  if (!shape) return undefined;
  const body = markdown.replace(/^\n+|\n+$/g, "");
  if (body === "") return { html: "", text: "", words: 0 };
  // Prose has no `&`, `<` or `>`: nothing to escape, and quotes stay as they are in sanitize-html's text.
  // Whitespace is spaces inside lines and newlines between them; when spaces are only single ones
  // between words, turning each run of newlines into a space is all the collapsing there is to do.
  const text = shape.unevenSpaces ? collapseWhitespace(body) : body.replace(/\n+/g, " ");
  return { html: "<p>" + body.replace(/\n\n+/g, "</p>\n<p>") + "</p>", text, words: shape.words };
}

/**
 * A body made only of paragraphs, some of them with inline markdown (a bold dateline, a link, an
 * emphasis): prose paragraphs are written as `renderProse` does, and only the others are read by
 * marked, with `lexInline` (marked's inline lexer, which marked runs on each paragraph's text).
 * Marked reads a body as paragraphs alone when no line could start anything else (see
 * `startsParagraphLine`). Undefined for any other body, or when a paragraph holds raw HTML.
 */
export function renderParagraphs(markdown: string, lexInline: (paragraph: string) => Token[]): Rendered | undefined {
  const paragraphs = paragraphsOnly(markdown);
  if (!paragraphs) return undefined;
  if (paragraphs.length === 0) return { html: "", text: "" };
  const w = new Writer();
  try {
    for (const paragraph of paragraphs) {
      if (proseShape(paragraph)) {
        w.html += "<p>" + paragraph;
        w.text += paragraph;
      } else {
        w.html += "<p>";
        w.inline(lexInline(paragraph));
      }
      w.newline("</p>");
    }
  } catch (error) {
    if (error === UNSUPPORTED) return undefined;
    throw error;
  }
  return { html: w.html.trim(), text: collapseWhitespace(w.text) };
}

/**
 * The paragraphs' texts, in order, when marked reads `markdown` as paragraphs alone (no line could
 * start anything else: see `startsParagraphLine`); undefined otherwise. Each is what marked's inline
 * lexer reads: a paragraph's inline tokens are the same lexed alone as within the whole body (it can
 * hold no link definition, whose line starts with `[`).
 */
export function paragraphsOnly(markdown: string): string[] | undefined {
  if (markdown.includes("\r")) return undefined;
  for (let start = 0; start < markdown.length; ) {
    const end = markdown.indexOf("\n", start);
    if (end !== start && !startsParagraphLine(markdown, start)) return undefined;
    if (end === -1) break;
    start = end + 1;
  }
  const body = markdown.replace(/^\n+|\n+$/g, "");
  return body === "" ? [] : body.split(/\n\n+/);
}

/**
 * Whether the line starting at `i` can only continue or start a paragraph: it starts like a prose
 * line (a letter, `¿¡“‘"'(`, or a number that is no list marker) or with emphasis on a word (`*`,
 * `**`, `_` or `__` right before a character that is neither a space nor `*`/`_`: no list bullet,
 * no thematic break).
 */
function startsParagraphLine(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  let cls = CLASSES[c]!;
  if (cls === 0) cls = wideClass(c);
  if (cls === STARTER) return true;
  if (cls === DIGIT) {
    let j = i + 1;
    while (j < s.length && CLASSES[s.charCodeAt(j)] === DIGIT) j++;
    const next = s.charCodeAt(j);
    return next !== 0x2e && next !== 0x29;
  }
  if (c !== 0x2a && c !== 0x5f) return false;
  let j = i + 1;
  if (s.charCodeAt(j) === c) j++;
  const next = s.charCodeAt(j);
  return j < s.length && next !== 0x2a && next !== 0x5f && !/\s/.test(s.charAt(j));
}

/** What `proseShape` learns of a text that is plain prose. */
interface ProseShape {
  /** Two spaces in a row inside a line, or one at the end of a line. */
  unevenSpaces: boolean;
  /**
   * Runs of characters other than spaces and newlines: the words of its text, since prose has no
   * other whitespace (a reading time needs no second pass over the text).
   */
  words: number;
}

// Classes of UTF-16 code units for `proseShape` (0: not looked up yet).
/** Anything not listed: not prose. */
const FORBIDDEN = 1;
/** May start a line: letters, and `¿¡“‘"'(`. */
const STARTER = 2;
const DIGIT = 3;
/** Allowed inside a line only: `.,;:!)%$/-°ªº”’–—`, `?` and combining marks. */
const INNER = 4;
const SPACE = 5;
const NEWLINE = 6;

const CLASSES = new Uint8Array(0x10000);
for (let c = 0; c < 0x100; c++) CLASSES[c] = FORBIDDEN;
for (const [from, to] of [["a", "z"], ["A", "Z"], ["\u00c0", "\u00d6"], ["\u00d8", "\u00f6"], ["\u00f8", "\u00ff"]] as const) {
  for (let c = from.charCodeAt(0); c <= to.charCodeAt(0); c++) CLASSES[c] = STARTER;
}
for (const ch of "¿¡“‘\"'(") CLASSES[ch.charCodeAt(0)] = STARTER;
for (let c = 0x30; c <= 0x39; c++) CLASSES[c] = DIGIT;
for (const ch of ".,;:?!)%$/-°ªº”’–—") CLASSES[ch.charCodeAt(0)] = INNER;
CLASSES[0x20] = SPACE;
CLASSES[0x0a] = NEWLINE;

/** Class of a code unit above U+00FF not listed above: letters start lines, combining marks go inside. */
function wideClass(c: number): number {
  const ch = String.fromCharCode(c);
  const cls = /\p{L}/u.test(ch) ? STARTER : /\p{M}/u.test(ch) ? INNER : FORBIDDEN;
  CLASSES[c] = cls;
  return cls;
}

/**
 * Whether marked would read `markdown` as plain paragraphs, checked in one pass over the
 * characters: only letters, digits, spaces, newlines and `.,;:¿?¡!"'“”‘’()%$/-–—°ºª` (no character
 * that starts markup, entity or HTML); every line starting with a letter, an opening sign or a
 * number that is not a list marker (`1.`, `1)`), never with a space (indented code), `-`, `#`, `>`
 * or the like; never two spaces at the end of a line (a hard line break); no URL marked would
 * link by itself (`://`, `www.`; e-mail addresses need `@`).
 */
function proseShape(s: string): ProseShape | undefined {
  const n = s.length;
  let unevenSpaces = false;
  let words = 0;
  let inWord = false;
  let lineStart = true;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    let cls = CLASSES[c]!;
    if (cls === 0) cls = wideClass(c);
    if (cls === NEWLINE) {
      lineStart = true;
      inWord = false;
      continue;
    }
    if (lineStart) {
      lineStart = false;
      if (cls === DIGIT) {
        // Digits, then anything but `.` or `)`: not an ordered list's marker.
        let j = i + 1;
        while (j < n && CLASSES[s.charCodeAt(j)] === DIGIT) j++;
        const next = s.charCodeAt(j);
        if (next === 0x2e || next === 0x29) return undefined;
      } else if (cls !== STARTER) {
        return undefined;
      }
    }
    // A word starts at a character after a space or a line break (any other character ends the scan).
    if (cls === SPACE) inWord = false;
    else if (!inWord) {
      words++;
      inWord = true;
    }
    switch (cls) {
      case STARTER:
        // `www.` in any case.
        if ((c | 0x20) === 0x77 && (s.charCodeAt(i + 1) | 0x20) === 0x77 && (s.charCodeAt(i + 2) | 0x20) === 0x77 && s.charCodeAt(i + 3) === 0x2e) return undefined;
        break;
      case DIGIT:
        break;
      case INNER:
        // `://`
        if (c === 0x3a && s.charCodeAt(i + 1) === 0x2f && s.charCodeAt(i + 2) === 0x2f) return undefined;
        break;
      case SPACE: {
        const next = s.charCodeAt(i + 1);
        if (next === 0x0a || i + 1 === n) {
          // One space at the end of a line stays as written; two or more make a line break.
          if (s.charCodeAt(i - 1) === 0x20) return undefined;
          unevenSpaces = true;
        } else if (next === 0x20) {
          unevenSpaces = true;
        }
        break;
      }
      default:
        return undefined;
    }
  }
  return { unevenSpaces, words };
}

/**
 * `s.replace(/\s+/g, " ").trim()` without touching the single spaces between words: only runs of
 * two or more whitespace characters, or one that is not a space, are replaced (same result, a
 * fraction of the matches).
 */
function collapseWhitespace(s: string): string {
  return s.replace(/\s{2,}|[^\S ]/g, " ").trim();
}

/**
 * Two outputs side by side: `html` is sanitize-html's output, `text` the concatenated text nodes
 * (what `htmlToText` strips tags to; tags themselves add nothing, not even `<br>`).
 */
class Writer {
  html = "";
  text = "";

  /** A text node, given as the characters it stands for. */
  private node(chars: string): void {
    this.html += escapeText(chars);
    this.text += chars;
  }

  /** A structural newline marked writes between tags (a text node of its own). */
  newline(tag: string): void {
    this.html += tag + "\n";
    this.text += "\n";
  }

  block(tokens: readonly Token[]): void {
    for (const token of tokens) {
      switch (token.type) {
        case "space":
        case "def":
          break;
        case "hr":
          this.newline("<hr />");
          break;
        case "heading": {
          const t = token as Tokens.Heading;
          // h1 is the page title: body headings start at h2.
          const tag = t.depth === 1 ? "h2" : `h${t.depth}`;
          this.html += `<${tag}>`;
          this.inline(t.tokens);
          this.newline(`</${tag}>`);
          break;
        }
        case "code":
          this.code(token as Tokens.Code);
          break;
        case "table":
          this.table(token as Tokens.Table);
          break;
        case "blockquote":
          this.newline("<blockquote>");
          this.block((token as Tokens.Blockquote).tokens);
          this.newline("</blockquote>");
          break;
        case "list":
          this.list(token as Tokens.List);
          break;
        case "checkbox":
          this.checkbox();
          break;
        case "paragraph":
          this.html += "<p>";
          this.inline((token as Tokens.Paragraph).tokens);
          this.newline("</p>");
          break;
        case "text":
          this.textToken(token as Tokens.Text);
          break;
        default:
          // `html` and anything an extension could add.
          throw UNSUPPORTED;
      }
    }
  }

  inline(tokens: readonly Token[]): void {
    for (const token of tokens) {
      switch (token.type) {
        case "escape":
          // marked writes it escaped without re-encoding references (like any text).
          this.node(readNoEncode((token as Tokens.Escape).text, false));
          break;
        case "text":
          this.textToken(token as Tokens.Text);
          break;
        case "link":
          this.link(token as Tokens.Link);
          break;
        case "image":
          this.image(token as Tokens.Image);
          break;
        case "checkbox":
          this.checkbox();
          break;
        case "strong":
        case "em":
        case "del":
          // The element is named as the token: <strong>, <em>, <del>.
          this.html += `<${token.type}>`;
          this.inline((token as Tokens.Strong | Tokens.Em | Tokens.Del).tokens);
          this.html += `</${token.type}>`;
          break;
        case "codespan":
          // marked escapes every `&` in code, so the text reads back as written.
          this.html += "<code>";
          this.node((token as Tokens.Codespan).text);
          this.html += "</code>";
          break;
        case "br":
          this.html += "<br />";
          break;
        default:
          throw UNSUPPORTED;
      }
    }
  }

  private textToken(t: Tokens.Text): void {
    if (t.tokens) {
      this.inline(t.tokens);
      return;
    }
    // Escaped text only follows raw HTML (`<pre>` and the like), which never gets here.
    if (t.escaped) throw UNSUPPORTED;
    this.node(readNoEncode(t.text, false));
  }

  /** A task-list checkbox: `<input …> `; the policy drops `<input>`, the space stays. */
  private checkbox(): void {
    this.node(" ");
  }

  private code(t: Tokens.Code): void {
    if (t.escaped) throw UNSUPPORTED;
    const lang = (t.lang || "").match(/^\S*/)?.[0];
    const code = t.text ? t.text.replace(/\n$/, "") + "\n" : "";
    let open = "<pre><code>";
    if (lang) {
      const classes = languageClasses("language-" + readNoEncode(lang, true));
      if (classes !== "") open = `<pre><code class="${escapeAttribute(classes)}">`;
    }
    this.html += open;
    this.node(code);
    this.newline("</code></pre>");
  }

  private list(t: Tokens.List): void {
    const type = t.ordered ? "ol" : "ul";
    const start = t.ordered && t.start !== 1 ? String(t.start) : "";
    this.newline(start !== "" ? `<${type} start="${escapeAttribute(start)}">` : `<${type}>`);
    for (const item of t.items) {
      this.html += "<li>";
      this.block(item.tokens);
      this.newline("</li>");
    }
    this.newline(`</${type}>`);
  }

  private table(t: Tokens.Table): void {
    this.newline("<table>");
    this.newline("<thead>");
    this.row(t.header);
    this.newline("</thead>");
    if (t.rows.length > 0) {
      this.html += "<tbody>";
      for (const row of t.rows) this.row(row);
      this.html += "</tbody>";
    }
    this.newline("</table>");
  }

  private row(cells: readonly Tokens.TableCell[]): void {
    this.newline("<tr>");
    for (const cell of cells) {
      const tag = cell.header ? "th" : "td";
      this.html += cell.align ? `<${tag} align="${cell.align}">` : `<${tag}>`;
      this.inline(cell.tokens);
      this.newline(`</${tag}>`);
    }
    this.newline("</tr>");
  }

  private link(t: Tokens.Link): void {
    const address = linkAddress(t);
    if (address === null) {
      // marked writes the link's text alone.
      if (t.autolink) this.node(t.text);
      else this.inline(t.tokens);
      return;
    }
    let open = "<a";
    if (address.kept) open += ` href="${escapeAttribute(address.value)}"`;
    if (t.title) {
      const title = readNoEncode(t.title, true);
      if (title !== "") open += ` title="${escapeAttribute(title)}"`;
    }
    // The policy's transform looks at the href before the scheme check drops it.
    if (/^https?:\/\//i.test(address.value)) open += ' rel="noopener noreferrer"';
    this.html += open + ">";
    if (t.autolink) this.node(t.text);
    else this.inline(t.tokens);
    this.html += "</a>";
  }

  private image(t: Tokens.Image): void {
    const alt = t.tokens ? plainText(t.tokens) : t.text;
    const source = imageSource(t);
    if (source === null) {
      // marked writes the alternative text alone.
      this.node(readNoEncode(alt, false));
      return;
    }
    if (!source.kept) return;
    const altText = readNoEncode(alt, true);
    let tag = `<img src="${escapeAttribute(source.value)}" alt="${escapeAttribute(altText)}"`;
    if (t.title) {
      const title = readNoEncode(t.title, true);
      if (title !== "") tag += ` title="${escapeAttribute(title)}"`;
    }
    this.html += `${tag} loading="lazy" decoding="async"${indexedAltAttribute(altText)} />`;
  }
}

/**
 * The address a link token's `href` attribute carries once sanitized (`value`, as htmlparser2 reads
 * it back), and whether the policy keeps it (`kept`: not empty, and a scheme it allows); null when
 * marked writes the link's text alone (its address cannot be encoded).
 */
export function linkAddress(t: Tokens.Link): { value: string; kept: boolean } | null {
  const href = cleanUrl(t.href);
  if (href === null) return null;
  // An autolink's href is escaped with every `&` encoded: it reads back as is.
  const value = t.autolink ? href : readNoEncode(href, true);
  return { value, kept: htmlAddressKept("a", value) };
}

/** An image token's source once sanitized, and whether the policy keeps the image; null: marked writes its text alone. */
export function imageSource(t: Tokens.Image): { value: string; kept: boolean } | null {
  const href = cleanUrl(t.href);
  if (href === null) return null;
  const value = readNoEncode(href, true);
  return { value, kept: htmlAddressKept("img", value) };
}

/**
 * Whether the policy keeps an `<a href>` or an `<img src>` whose attribute reads `value`: a link needs
 * a non-empty address with an allowed scheme or none; an image, no scheme, not protocol-relative, and
 * a single leading `/` (otherwise the policy drops the whole image).
 */
export function htmlAddressKept(tag: "a" | "img", value: string): boolean {
  if (value === "" || naughtyUrl(value, tag === "img")) return false;
  return tag === "a" || /^\/(?!\/)/.test(value);
}

/** marked's TextRenderer (an image's alternative text): the characters of the tokens, no markup. */
function plainText(tokens: readonly Token[]): string {
  let out = "";
  for (const token of tokens) {
    switch (token.type) {
      case "strong":
      case "em":
      case "del":
      case "link":
      case "image": {
        const t = token as Tokens.Strong | Tokens.Em | Tokens.Del | Tokens.Link | Tokens.Image;
        out += t.tokens ? plainText(t.tokens) : t.text;
        break;
      }
      case "codespan":
      case "text":
      case "escape":
        out += (token as Tokens.Codespan | Tokens.Text | Tokens.Escape).text;
        break;
      case "br":
        out += "\n";
        break;
      case "checkbox":
        out += token.raw;
        break;
      default:
        throw UNSUPPORTED;
    }
  }
  return out;
}

/** marked's `cleanUrl`: encodeURI, `%25` back to `%`; null when encodeURI throws (a lone surrogate). */
function cleanUrl(href: string): string | null {
  try {
    return encodeURI(href).replace(/%25/g, "%");
  } catch {
    return null;
  }
}

/** A `&` marked leaves as is (an entity or numeric reference), so htmlparser2 decodes it. */
const REFERENCE = /&(?:#\d{1,7}|#[Xx][a-fA-F0-9]{1,6}|\w+);/;
/** What marked's escape without encoding replaces: markup characters and any `&` that starts no reference. */
const NO_ENCODE = /[<>"']|&(?!(?:#\d{1,7}|#[Xx][a-fA-F0-9]{1,6}|\w+);)/g;
const MARKED_ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * The characters htmlparser2 reads from `raw` once marked has escaped it without encoding
 * references: `raw` itself unless it holds a reference (`&copy;`, `&#39;`, `&nbsp;`…), which
 * htmlparser2 decodes (as text or as an attribute value: the two differ on legacy names).
 */
function readNoEncode(raw: string, attribute: boolean): string {
  if (!raw.includes("&") || !REFERENCE.test(raw)) return raw;
  const html = raw.replace(NO_ENCODE, (ch) => MARKED_ENTITIES[ch]!);
  return attribute ? decodeAttribute(html) : decodeText(html);
}

/** htmlparser2's own decoding (the one sanitize-html reads with), on escaped text without tags. */
function decodeText(html: string): string {
  let out = "";
  const parser = new (htmlparser2().Parser)({ ontext: (chunk) => (out += chunk) }, { decodeEntities: true });
  parser.end(html);
  return out;
}

/** htmlparser2's decoding of a double-quoted attribute value (escaped: holds no `"`). */
function decodeAttribute(value: string): string {
  let out: string | undefined;
  const parser = new (htmlparser2().Parser)({ onattribute: (_name, v) => (out ??= v) }, { decodeEntities: true });
  parser.end(`<a b="${value}">`);
  return out ?? "";
}

const SANITIZE_ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** sanitize-html's escaping of text: `&`, `<` and `>` (quotes stay). */
function escapeText(s: string): string {
  return /[&<>]/.test(s) ? s.replace(/[&<>]/g, (ch) => SANITIZE_ENTITIES[ch]!) : s;
}

/**
 * A body picture's `alt` says what it shows, for a reader who cannot see it: Pagefind indexes it as
 * words of the page when the image asks for it, so search finds a bulletin by what its pictures show
 * (by default Pagefind keeps only the first image's `alt`, as metadata). Not on a decorative image
 * (`alt=""`, or none). Every body `<img>` gets it here and only here, after its other attributes
 * (markdown.ts's policy for raw HTML, this file's markdown images, body-pictures.ts's pictures);
 * build/search-words.ts reads the words as Pagefind does.
 */
export const INDEXED_ALT = { name: "data-pagefind-index-attrs", value: "alt" } as const;

/** The attribute (with its leading space) that has Pagefind index an image whose `alt` is this; "" for a decorative one. */
export function indexedAltAttribute(alt: string | undefined): string {
  return alt === undefined || alt.trim() === "" ? "" : ` ${INDEXED_ALT.name}="${INDEXED_ALT.value}"`;
}

/** sanitize-html's escaping of attribute values: `&`, `<`, `>` and `"`. */
export function escapeAttribute(s: string): string {
  return /[&<>"]/.test(s) ? s.replace(/[&<>"]/g, (ch) => SANITIZE_ENTITIES[ch]!) : s;
}

/**
 * sanitize-html's check of a URL against the policy (its `naughtyHref`): control characters and
 * spaces ignored, HTML comments removed; then a scheme must be http, https, mailto or tel (none at
 * all for images), and protocol-relative URLs (`//`, `\\`) are refused.
 */
function naughtyUrl(url: string, image: boolean): boolean {
  // eslint-disable-next-line no-control-regex
  let href = url.replace(/[\x00-\x20]+/g, "");
  for (;;) {
    const open = href.indexOf("<!--");
    if (open === -1) break;
    const close = href.indexOf("-->", open + 4);
    if (close === -1) break;
    href = href.substring(0, open) + href.substring(close + 3);
  }
  const scheme = /^([a-zA-Z][a-zA-Z0-9.\-+]*):/.exec(href);
  if (!scheme) return /^[/\\]{2}/.test(href);
  if (image) return true;
  return !["http", "https", "mailto", "tel"].includes(scheme[1]!.toLowerCase());
}

/** The policy's allowed classes on `<code>`: `language-…` names only, space-separated. */
function languageClasses(value: string): string {
  return value
    .split(/\s+/)
    .filter((c) => /^language-[\w-]+$/.test(c))
    .join(" ");
}
