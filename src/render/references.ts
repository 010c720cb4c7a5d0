import type * as Htmlparser2 from "htmlparser2";
import type { Token, Tokens } from "marked";
import { lazyRequire } from "../lazy-require.ts";
import { decodeURIComponentSafe, resolveOnPage } from "../policy/site-paths.ts";
import { PATHS, sitePathOfAddress } from "../policy/urls.ts";
import { ALLOWED_TAGS, DROPPED_WITH_CONTENT, lexInline, lexMarkdown } from "./markdown.ts";
import { isHtmlElement, NAMESPACED_TAG, unknownTags } from "./raw-html.ts";
import { htmlAddressKept, imageSource, linkAddress, paragraphsOnly } from "./markdown-direct.ts";
import { footnoteKey, type FootnoteToken } from "./footnotes.ts";

const htmlparser2 = lazyRequire<typeof Htmlparser2>("htmlparser2");

/**
 * What a body points at, read the way the page is made: marked's links and images (reference links
 * resolved), `<a href>` and `<img src>` in raw HTML, and the raw HTML the policy throws away whole.
 * Each with what becomes of it on the page (see `fate`), so `check` can say what an editor wrote
 * that readers will not get (model/body-references.ts turns these into problems).
 */
export interface WrittenReference {
  kind: "link" | "image";
  /** The address as the page would print it (or would have, when it is dropped). */
  address: string;
  /**
   * An image's alternative text as written (markup included); absent for links. For an `<img>` of
   * raw HTML, absent when it has no `alt` at all: `alt=""` written on purpose marks a decorative image.
   */
  alt?: string;
  /** Written as raw HTML (`<a href>`, `<img src>`), not in markdown. */
  raw?: true;
  /** Offset in the markdown where it was written (the first match after the previous reference), when found. */
  offset?: number;
  fate: ReferenceFate;
}

/**
 * - `site`: a path of this site, resolved against the page (`path`, without query or fragment,
 *   percent-encoded the way a browser sends it), to be checked against what the build writes; with
 *   the place on that page it names (`fragment`: `/boletines/…/#datos` → `datos`, percent-decoded);
 * - `fragment`: a place on the same page (`#datos`: the id, percent-decoded), checked against the
 *   page's anchors;
 * - `elsewhere`: another site, `mailto:`, `tel:`, the page itself (`#`, `?q`): not checked;
 * - `dropped`: the policy removes it (a link keeps its text without the address; an image is gone);
 *   `reason` says why, for the message.
 */
export type ReferenceFate =
  | { kind: "site"; path: string; fragment?: string }
  | { kind: "fragment"; id: string }
  | { kind: "elsewhere" }
  | { kind: "dropped"; reason: "empty" | "scheme" | "protocol-relative" | "other-site" | "relative" };

/** The page a body is printed on. */
export interface ReferringPage {
  /** Its site path: relative addresses resolve against it. */
  url: string;
  /**
   * The site's base URL (site.ts `baseUrl`: `https://www.imss.gob.mx`, or with the path the site is
   * served under): full addresses into the site's own folders are its pages.
   */
  siteOrigin?: string;
}

/** Raw HTML elements a body loses, with how many times and where the first one was. */
export interface DroppedElement {
  tag: string;
  /** Whether what is inside goes too (a frame, a script); a video's fallback text, say, stays. */
  withContent: boolean;
  count: number;
  offset?: number;
}

/**
 * Something written like a tag that the page prints as text (raw-html.ts): a name that is no HTML
 * element (`<IMSS-Bienestar>`, `<stong>`), or Word's markup (`<o:p>`, `namespaced`). Counted by
 * name (a closing tag counts only without its opening one), where it first is.
 */
export interface TextTag {
  /** The name, lower-cased (`imss-bienestar`, `o:p`). */
  name: string;
  /** The first one as written (`<IMSS-Bienestar>`). */
  written: string;
  namespaced: boolean;
  count: number;
  offset?: number;
}

export interface BodyReferences {
  references: WrittenReference[];
  dropped: DroppedElement[];
  asText: TextTag[];
}

const DROPPED_WHOLE = new Set(DROPPED_WITH_CONTENT);
/** Elements a body keeps; an `h1` becomes an `h2`, and a `<picture>` gives way to its `<img>` (nothing to say). */
const KEPT = new Set([...ALLOWED_TAGS, "h1", "picture"]);

/**
 * Whether a body can hold a link, an image or raw HTML: `](`, `]:` (a link definition) or `<`. Most
 * bodies hold none, and are not lexed. (Three `includes` cost a third of one regular expression.)
 */
function mayRefer(markdown: string): boolean {
  return markdown.includes("](") || markdown.includes("]:") || markdown.includes("<");
}

/** Every reference of a markdown body, in order, for the page it is printed on. */
export function findBodyReferences(markdown: string, page: ReferringPage): BodyReferences {
  const found: BodyReferences = { references: [], dropped: [], asText: [] };
  if (!mayRefer(markdown)) return found;
  const locate = locator(markdown);
  const visit = (token: Token) => {
    if (token.type === "link") {
      const link = token as Tokens.Link;
      const address = linkAddress(link);
      if (address === null) return;
      found.references.push({ kind: "link", address: address.value, ...offsetField(locate(link.raw, link.href)), fate: fateOf("a", address, page) });
    } else if (token.type === "image") {
      const image = token as Tokens.Image;
      const source = imageSource(image);
      if (source === null) return;
      found.references.push({ kind: "image", address: source.value, alt: image.text, ...offsetField(locate(image.raw, image.href)), fate: fateOf("img", source, page) });
    } else if (token.type === "html") {
      readRawHtml(token.raw, locate(token.raw), page, found);
    } else if (token.type === "text" && !(token as Tokens.Text).tokens?.length && token.raw.includes(":")) {
      for (const m of token.raw.matchAll(NAMESPACED_TAG)) countTextTag(found, m[0], locate(m[0]), true);
    }
  };
  // A body of paragraphs alone (most bodies with a link): only the paragraphs that can hold one are
  // lexed, with the inline lexer, as the renderer does (a whole lex costs ~130 µs for a 4 KB body).
  const paragraphs = paragraphsOnly(markdown);
  if (paragraphs) {
    for (const paragraph of paragraphs) if (mayRefer(paragraph)) walkTokens(lexInline(paragraph), visit);
  } else {
    walkTokens(lexMarkdown(markdown), visit);
  }
  return found;
}

/**
 * Every token in the order of the text, children after their parent (list items, table cells,
 * emphasis, links), except inside an image: its alternative text is printed as plain text, so a
 * link or a tag written there is neither a link nor HTML.
 */
function walkTokens(tokens: readonly Token[], visit: (token: Token) => void): void {
  for (const token of tokens) {
    visit(token);
    if (token.type === "image") continue;
    if (token.type === "list") {
      for (const item of (token as Tokens.List).items) walkTokens(item.tokens, visit);
    } else if (token.type === "table") {
      const table = token as Tokens.Table;
      for (const cell of table.header) walkTokens(cell.tokens, visit);
      for (const row of table.rows) for (const cell of row) walkTokens(cell.tokens, visit);
    } else if ("tokens" in token && token.tokens) {
      walkTokens(token.tokens, visit);
    }
  }
}

/** Counts a tag the page prints as text under its name; a closing tag only when its opening one was not seen. */
function countTextTag(found: BodyReferences, written: string, offset: number | undefined, namespaced: boolean): void {
  const name = /^<\/?([^\s/>]+)/.exec(written)![1]!.toLowerCase();
  const known = found.asText.find((t) => t.name === name);
  if (known) {
    if (!written.startsWith("</")) known.count++;
  } else {
    found.asText.push({ name, written, namespaced, count: 1, ...offsetField(offset) });
  }
}

/**
 * `<a href>`, `<img src>` and lost elements in a piece of raw HTML, as sanitize-html reads them;
 * and the tags that are no HTML element, which the page prints as text (raw-html.ts).
 */
function readRawHtml(raw: string, at: number | undefined, page: ReferringPage, found: BodyReferences): void {
  for (const [start, end] of unknownTags(raw)) countTextTag(found, raw.slice(start, end), at === undefined ? undefined : at + start, false);
  const parser = new (htmlparser2().Parser)(
    {
      onopentag(name, attribs) {
        const offset = at === undefined ? undefined : at + parser.startIndex;
        if (!isHtmlElement(name)) return;
        if (!KEPT.has(name)) {
          const known = found.dropped.find((d) => d.tag === name);
          if (known) known.count++;
          else found.dropped.push({ tag: name, withContent: DROPPED_WHOLE.has(name), count: 1, ...offsetField(offset) });
          return;
        }
        if (name === "a" && attribs["href"] !== undefined) {
          const value = attribs["href"];
          found.references.push({ kind: "link", address: value, raw: true, ...offsetField(offset), fate: fateOf("a", { value, kept: htmlAddressKept("a", value) }, page) });
        } else if (name === "img") {
          const value = attribs["src"] ?? "";
          const alt = attribs["alt"] === undefined ? {} : { alt: attribs["alt"] };
          found.references.push({ kind: "image", address: value, raw: true, ...alt, ...offsetField(offset), fate: fateOf("img", { value, kept: htmlAddressKept("img", value) }, page) });
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(raw);
}

function offsetField(offset: number | undefined): { offset?: number } {
  return offset === undefined ? {} : { offset };
}


/**
 * Folders only this site writes on its origin: a full address there (`https://www.imss.gob.mx/boletines/…`)
 * is one of its pages. Any other path of the origin may be another part of the portal, not checked.
 */
const OWN_FOLDERS = [PATHS.bulletins, PATHS.tags, PATHS.sections, PATHS.search, PATHS.subscribe];

function fateOf(tag: "a" | "img", address: { value: string; kept: boolean }, page: ReferringPage): ReferenceFate {
  const value = address.value;
  // Spaces and controls around the scheme are ignored by browsers and by the policy alike.
  const compact = value.replace(/[\x00-\x20]+/g, "");
  const scheme = /^([a-zA-Z][a-zA-Z0-9.\-+]*):/.exec(compact)?.[1]?.toLowerCase();
  if (!address.kept) {
    if (compact === "") return { kind: "dropped", reason: "empty" };
    if (tag === "img" && (scheme === "http" || scheme === "https")) return { kind: "dropped", reason: "other-site" };
    if (scheme) return { kind: "dropped", reason: "scheme" };
    if (/^[/\\]{2}/.test(compact)) return { kind: "dropped", reason: "protocol-relative" };
    return { kind: "dropped", reason: "relative" };
  }
  // `#x` and `?q` alone stay on the page.
  if (compact.startsWith("#") && compact.length > 1) return { kind: "fragment", id: decodeURIComponentSafe(value.trim().slice(1)) };
  if (compact.startsWith("#") || compact.startsWith("?")) return { kind: "elsewhere" };
  if (scheme) return scheme === "http" || scheme === "https" ? ownPage(value, page.siteOrigin) : { kind: "elsewhere" };
  try {
    return sitePath(resolveOnPage(value, page.url));
  } catch {
    return { kind: "elsewhere" };
  }
}

function sitePath(url: URL): ReferenceFate {
  const fragment = url.hash.length > 1 ? decodeURIComponentSafe(url.hash.slice(1)) : undefined;
  return { kind: "site", path: url.pathname, ...(fragment === undefined ? {} : { fragment }) };
}

/**
 * A full address of one of this site's own folders (http or https alike; under the site's path, when
 * it is served under one), as a site path.
 */
function ownPage(value: string, siteOrigin: string | undefined): ReferenceFate {
  if (!siteOrigin) return { kind: "elsewhere" };
  try {
    const url = new URL(value);
    const own = sitePathOfAddress(url, siteOrigin);
    if (own === undefined || !OWN_FOLDERS.some((folder) => own.startsWith(folder))) return { kind: "elsewhere" };
    url.pathname = own;
    return sitePath(url);
  } catch {
    return { kind: "elsewhere" };
  }
}

/**
 * Finds where each reference was written: tokens come in the order of the text, so each is searched
 * after the previous one (a repeated address points at each place in turn). Token text inside a
 * quote or a list item loses its `>` or indentation, so a multi-line one may not be found as is:
 * then its address is searched, and failing that there is no position.
 */
function locator(markdown: string): (raw: string, address?: string) => number | undefined {
  let cursor = 0;
  return (raw, address) => {
    for (const needle of address === undefined ? [raw] : [raw, address]) {
      if (needle === "") continue;
      const at = markdown.indexOf(needle, cursor);
      if (at !== -1) {
        cursor = at + 1;
        return at;
      }
    }
    return undefined;
  };
}

/**
 * What goes wrong with a body's footnotes (footnotes.ts), each label once, where it is first written:
 * - `missing`: a call `[^x]` with no note `[^x]:` (the page prints it as written, brackets and all);
 * - `unused`: a note no call leads to (it is printed with the others, with no number pointing at it);
 * - `repeated`: a second note of the same label (calls lead to the first; this one is printed like an unused one);
 * - `in-link`: a call of a note written in a link's or an image's text, where it stays text (a link cannot hold a link);
 * - `empty`: a note without text.
 * A call escaped (`\[^x]`) or in code is text on purpose. Labels are compared without case.
 */
export interface FootnoteIssue {
  kind: "missing" | "unused" | "repeated" | "in-link" | "empty";
  /** As written. */
  label: string;
  /** How many calls (`missing`, `in-link`) or notes (`repeated`) of that label there are. */
  count: number;
  offset?: number;
}

/**
 * Paragraphs markdown reads as code because their lines are indented (a tab or four spaces, as a paste
 * from Word or a hand-made indent leaves them): the page prints them in a typewriter font, unwrapped.
 * How many, and where the first one starts. Fenced code (```) is written on purpose and not counted.
 */
export function findIndentedCode(markdown: string): { count: number; offset?: number } {
  if (!/^(?: {4}|\t)/m.test(markdown)) return { count: 0 };
  const locate = locator(markdown);
  let count = 0;
  let offset: number | undefined;
  walkTokens(lexMarkdown(markdown), (token) => {
    if (token.type !== "code" || (token as Tokens.Code).codeBlockStyle !== "indented") return;
    const at = locate(token.raw);
    if (count++ === 0) offset = at;
  });
  return { count, ...offsetField(offset) };
}

const LITERAL_CALL = /\[\^([^\s\]]+)\](?!:)/g;

export function findFootnoteIssues(markdown: string): FootnoteIssue[] {
  if (!markdown.includes("[^")) return [];
  const notes: FootnoteToken[] = [];
  const called = new Set<string>();
  const literal = new Map<string, { label: string; count: number }>();
  const literalCalls = (text: string) => {
    if (!text.includes("[^")) return;
    for (const m of text.matchAll(LITERAL_CALL)) {
      const key = footnoteKey(m[1]!);
      const seen = literal.get(key);
      if (seen) seen.count++;
      else literal.set(key, { label: m[1]!, count: 1 });
    }
  };
  walkTokens(lexMarkdown(markdown), (token) => {
    if (token.type === "footnote") notes.push(token as unknown as FootnoteToken);
    else if (token.type === "footnoteRef") called.add(footnoteKey((token as unknown as { label: string }).label));
    else if (token.type === "text" && !(token as Tokens.Text).tokens?.length) literalCalls(token.raw);
    // An image's alternative text is printed as text, calls included.
    else if (token.type === "image") literalCalls((token as Tokens.Image).text);
  });
  const issues: FootnoteIssue[] = [];
  const defined = new Map<string, number>();
  const noteAt = new Map<string, number>();
  for (const note of notes) {
    const key = footnoteKey(note.label);
    const at = markdown.indexOf(`[^${note.label}]:`, (noteAt.get(key) ?? -1) + 1);
    if (at !== -1) noteAt.set(key, at);
    const times = (defined.get(key) ?? 0) + 1;
    defined.set(key, times);
    if (note.tokens.every((t) => t.type === "space")) issues.push({ kind: "empty", label: note.label, count: 1, ...offsetField(at === -1 ? undefined : at) });
    if (times === 1 && !called.has(key)) issues.push({ kind: "unused", label: note.label, count: 1, ...offsetField(at === -1 ? undefined : at) });
    if (times === 2) issues.push({ kind: "repeated", label: note.label, count: 2, ...offsetField(at === -1 ? undefined : at) });
    else if (times > 2) issues.find((i) => i.kind === "repeated" && footnoteKey(i.label) === key)!.count = times;
  }
  for (const [key, { label, count }] of literal) {
    const at = firstCall(markdown, label);
    issues.push({ kind: defined.has(key) ? "in-link" : "missing", label, count, ...offsetField(at) });
  }
  return issues.sort((a, b) => (a.offset ?? 0) - (b.offset ?? 0));
}

/** Where `[^label]` is first written as a call (not as a note's `[^label]:`). */
function firstCall(markdown: string, label: string): number | undefined {
  const needle = `[^${label}]`;
  for (let at = markdown.indexOf(needle); at !== -1; at = markdown.indexOf(needle, at + 1)) {
    if (markdown.charAt(at + needle.length) !== ":") return at;
  }
  return undefined;
}
