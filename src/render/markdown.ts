import { Marked, type Token } from "marked";
import type * as Entities from "entities";
import type SanitizeHtml from "sanitize-html";
import { lazyRequire } from "../lazy-require.ts";
import { HeadingAnchors } from "../policy/anchors.ts";
import { INDEXED_ALT, renderParagraphs, renderProse, renderTokens, type Rendered } from "./markdown-direct.ts";
import { escapeUnknownTags } from "./raw-html.ts";
import { arrangeFootnotes, FOOTNOTE_HREF, footnotes, keptNotesAttributes, NOTE_ID, REF_ID, withoutFootnoteMarkers } from "./footnotes.ts";

/**
 * Bulletin bodies: markdown by marked, then sanitized. The body is never run through a template
 * engine, so `{{ }}` and `{% %}` in press text appear literally.
 *
 * Four ways to the same bytes (markdown-direct.ts writes the first three, applying the policy
 * below itself): plain prose, the usual bulletin, needs no markdown parse at all; a body of
 * paragraphs only needs marked's inline lexer on the paragraphs that are not plain prose; other
 * bodies without raw HTML are written straight from marked's tokens; any other body goes through
 * marked's HTML and sanitize-html. The `…Reference` functions are that last way alone, kept for
 * the tests that compare them.
 */
/** Only bodies with raw HTML, and the reference functions, need it. */
const sanitizeHtml = (html: string, options: SanitizeHtml.IOptions): string => sanitizeHtmlLib()(html, options);
const sanitizeHtmlLib = lazyRequire<typeof SanitizeHtml>("sanitize-html");
const entities = lazyRequire<typeof Entities>("entities");

// Raw HTML reaches the sanitizer with its tags that are no HTML element written as text (raw-html.ts).
// Only `~~double~~` tildes strike text through: in a press release `~5 mil` means «about» and
// `H~2~O` is pandoc's subscript, so a single tilde stays as written. Footnotes: footnotes.ts.
const marked = new Marked(
  { gfm: true, breaks: false, async: false, renderer: { html: ({ text }) => escapeUnknownTags(text) } },
  { tokenizer: { del: (src) => (src.startsWith("~~") ? false : undefined) } },
  footnotes,
);

/** Raw HTML the policy drops with everything inside it: scripts, styles, frames, forms' lists, embedded documents. */
export const DROPPED_WITH_CONTENT: readonly string[] = ["script", "style", "textarea", "option", "noscript", "iframe", "object", "embed", "template", "svg", "math"];

/**
 * marked's tokens of a body, with this instance's options, as written: footnote definitions where
 * they are (references.ts reads them in the order of the text). A page is made from `lexBody`'s.
 */
export function lexMarkdown(markdown: string): Token[] {
  return marked.lexer(markdown);
}

/** A body's tokens as its page prints them: footnotes numbered, their notes at the end (footnotes.ts). */
function lexBody(markdown: string): Token[] {
  return arrangeFootnotes(marked.lexer(markdown));
}

/** The elements a body keeps (an `h1` is kept as an `h2`); any other loses its tags, and those of `DROPPED_WITH_CONTENT` what is inside too. */
export const ALLOWED_TAGS: readonly string[] = [
  "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li", "dl", "dt", "dd",
  "strong", "b", "em", "i", "u", "s", "del", "ins", "mark", "sub", "sup", "small", "abbr", "cite", "q",
  "code", "pre", "kbd", "a", "img", "figure", "figcaption",
  "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
];

/** The policy. markdown-direct.ts writes the same output by hand: change both (the tests compare them). */
const SANITIZE: SanitizeHtml.IOptions = {
  // The notes' `<section>` (footnotes.ts): any other loses its tag (`exclusiveFilter`), so it is no element a body keeps.
  allowedTags: [...ALLOWED_TAGS, "section"],
  allowedAttributes: {
    a: ["href", "title"],
    img: ["src", "alt", "title", "width", "height"],
    abbr: ["title"],
    // Footnotes' ids and their links' labels, only as footnotes.ts writes them (see transformTags).
    sup: ["id", "data-pagefind-ignore"],
    li: ["id"],
    // The notes' section and heading, only as footnotes.ts writes them (see transformTags).
    section: ["class", "aria-labelledby"],
    h2: ["id", "data-pagefind-ignore"],
    th: ["scope", "colspan", "rowspan", "align"],
    td: ["colspan", "rowspan", "align"],
    ol: ["start"],
    code: ["class"],
  },
  allowedClasses: { code: [/^language-[\w-]+$/], section: ["notas"] },
  allowedSchemes: ["http", "https", "mailto", "tel"],
  // Images only from this site: a page never makes the reader's browser call another host.
  allowedSchemesByTag: { img: [] },
  // A section other than the notes' (which alone has attributes once transformed) loses its tag and keeps what is inside, as any tag the policy does not allow.
  exclusiveFilter: (frame) =>
    frame.tag === "img" ? !/^\/(?!\/)/.test(frame.attribs["src"] ?? "") : frame.tag === "section" && !("class" in frame.attribs) ? "excludeTag" : false,
  allowedSchemesAppliedToAttributes: ["href", "src", "cite"],
  allowProtocolRelative: false,
  // Dropped with their content: scripts, styles, frames and forms never reach a page.
  disallowedTagsMode: "discard",
  nonTextTags: [...DROPPED_WITH_CONTENT],
  transformTags: {
    // A heading level 1 is the page title; body headings start at h2 (with no attribute: see `h2`).
    h1: () => ({ tagName: "h2", attribs: {} }),
    // Only the notes' section and heading keep their attributes; any other h2 has none, any other section
    // loses its tag too (`exclusiveFilter`: renaming it to a tag the policy drops would leave sanitize-html
    // closing a later element at its depth with that name).
    section: (tagName, attribs) => ({ tagName, attribs: keptNotesAttributes("section", attribs) ?? {} }),
    h2: (tagName, attribs) => ({ tagName, attribs: keptNotesAttributes("h2", attribs) ?? {} }),
    a: (tagName, attribs) => {
      const href = attribs["href"] ?? "";
      const external = /^https?:\/\//i.test(href);
      const own = FOOTNOTE_HREF.test(href) ? attribs : withoutAttributes(attribs, ["aria-label", "data-pagefind-ignore"]);
      return { tagName, attribs: external ? { ...own, rel: "noopener noreferrer" } : own };
    },
    sup: (tagName, attribs) => ({ tagName, attribs: REF_ID.test(attribs["id"] ?? "") ? attribs : withoutAttributes(attribs, ["id", "data-pagefind-ignore"]) }),
    li: (tagName, attribs) => ({ tagName, attribs: NOTE_ID.test(attribs["id"] ?? "") ? attribs : withoutAttributes(attribs, ["id"]) }),
    // Whether Pagefind indexes its `alt` is the site's to say (markdown-direct.ts `INDEXED_ALT`), never the editor's.
    img: (tagName, attribs) => {
      const own = withoutAttributes(attribs, [INDEXED_ALT.name]);
      const made: SanitizeHtml.Attributes = { ...own, loading: "lazy", decoding: "async" };
      if ((attribs["alt"] ?? "").trim() !== "") made[INDEXED_ALT.name] = INDEXED_ALT.value;
      return { tagName, attribs: made };
    },
  },
};
SANITIZE.allowedAttributes = { ...(SANITIZE.allowedAttributes as Record<string, string[]>), a: ["href", "title", "rel", "aria-label", "data-pagefind-ignore"], img: ["src", "alt", "title", "width", "height", "loading", "decoding", INDEXED_ALT.name] };

/** `attribs` without `names` (the same object when it has none of them). */
function withoutAttributes(attribs: SanitizeHtml.Attributes, names: readonly string[]): SanitizeHtml.Attributes {
  if (!names.some((n) => n in attribs)) return attribs;
  const rest = { ...attribs };
  for (const n of names) delete rest[n];
  return rest;
}

export function renderMarkdown(markdown: string): string {
  const made = renderOrLex(markdown);
  return withHeadingIds(Array.isArray(made) ? sanitizeHtml(marked.parser(made), SANITIZE).trim() : made.html);
}

/**
 * The sanitized HTML with an `id` on each heading (policy/anchors.ts), made from the heading's text.
 * Applied last, to whichever way made the HTML: the policy allows no attribute on headings, so each
 * is `<hN>` as written here; the notes' heading, which has its own id (footnotes.ts), is left as it is
 * and takes no anchor.
 */
export function withHeadingIds(html: string): string {
  if (!html.includes("<h")) return html;
  const anchors = new HeadingAnchors();
  return html.replace(/<h([2-6])>([\s\S]*?)<\/h\1>/g, (whole, level: string, inner: string) => {
    const id = anchors.next(headingText(inner));
    return id === undefined ? whole : `<h${level} id="${escapeAttributeValue(id)}">${inner}</h${level}>`;
  });
}

/** A footnote's call once sanitized (footnotes.ts): its number is no word of the heading it is in. */
const FOOTNOTE_CALL = /<sup id="fnref:[^"]*"[^>]*>[\s\S]*?<\/sup>/g;

/** The ids `withHeadingIds` gave, in order. */
export function headingIds(html: string): string[] {
  return [...html.matchAll(/<h[2-6] id="([^"]*)">/g)].map((m) => entities().decodeHTMLAttribute(m[1]!));
}

/** A heading's text: its sanitized inner HTML without tags nor footnote calls, references decoded. */
function headingText(inner: string): string {
  const text = (inner.includes("<sup") ? inner.replace(FOOTNOTE_CALL, "") : inner).replace(/<[^>]*>/g, "");
  return text.includes("&") ? entities().decodeHTML(text) : text;
}

function escapeAttributeValue(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
}

/** Plain text of a fragment of markdown (for excerpts and feeds' summaries). */
export function markdownToText(markdown: string): string {
  const made = renderOrLex(markdown);
  return Array.isArray(made) ? htmlToText(marked.parser(made)) : made.text;
}

/** Both of the above from one markdown parse (a build needs both for every body). */
export function renderMarkdownAndText(markdown: string): { html: string; text: string } {
  const { html, text } = renderBody(markdown);
  return { html, text };
}

/**
 * HTML, plain text and the text's word count from one markdown parse: what a build stores for every
 * body. Plain prose is counted while it is checked; any other body's text is counted afterwards.
 */
export function renderBody(markdown: string): { html: string; text: string; words: number } {
  const made = renderOrLex(markdown);
  if (!Array.isArray(made)) return { html: withHeadingIds(made.html), text: made.text, words: made.words ?? countWords(made.text) };
  const parsed = marked.parser(made);
  const text = htmlToText(parsed);
  return { html: withHeadingIds(sanitizeHtml(parsed, SANITIZE).trim()), text, words: countWords(text) };
}

/**
 * Plain text of a body's first paragraph or heading (raw HTML block included), or `undefined` when the
 * body starts with something else (a list, a quote, a table…) or is empty. Link definitions are skipped.
 */
export function firstBlockText(markdown: string): string | undefined {
  const tokens = marked.lexer(markdown);
  const first = tokens.find((t) => t.type !== "space" && t.type !== "def" && t.type !== "footnote");
  if (!first || (first.type !== "paragraph" && first.type !== "heading" && first.type !== "html")) return undefined;
  // Its footnote calls lead to notes written further on: read with the whole body (the text drops them).
  if (!first.raw.includes("[^")) return markdownToText(first.raw);
  arrangeFootnotes(tokens);
  return htmlToText(marked.parser([first]));
}

/** Which way `renderMarkdownAndText` takes for a body (for benchmarks and tests). */
export function markdownRenderPath(markdown: string): "prose" | "paragraphs" | "tokens" | "sanitizer" {
  if (renderProse(markdown)) return "prose";
  if (renderParagraphs(markdown, lexInline)) return "paragraphs";
  return renderTokens(lexBody(markdown)) ? "tokens" : "sanitizer";
}

/** The first of the quick ways that applies to `markdown`, or marked's tokens when only sanitize-html will do. */
function renderOrLex(markdown: string): Rendered | Token[] {
  const quick = renderProse(markdown) ?? renderParagraphs(markdown, lexInline);
  if (quick) return quick;
  const tokens = lexBody(markdown);
  return renderTokens(tokens) ?? tokens;
}

/**
 * marked's inline lexer with this instance's options (what `marked.lexer` runs on each paragraph).
 * The last paragraphs lexed are remembered: a body's references (references.ts) and then its HTML
 * read the same paragraphs, one right after the other. Nobody changes tokens once made.
 */
export function lexInline(paragraph: string): Token[] {
  const known = recentParagraphs.get(paragraph);
  if (known) return known;
  const tokens = marked.Lexer.lexInline(paragraph, marked.defaults);
  if (recentParagraphs.size >= RECENT_PARAGRAPHS) recentParagraphs.delete(recentParagraphs.keys().next().value!);
  recentParagraphs.set(paragraph, tokens);
  return tokens;
}

const RECENT_PARAGRAPHS = 8;
const recentParagraphs = new Map<string, Token[]>();

/** `renderMarkdownAndText` through marked's HTML and sanitize-html only: what the direct way must equal. */
export function renderMarkdownAndTextReference(markdown: string): { html: string; text: string } {
  const parsed = marked.parse(markdown) as string;
  return { html: withHeadingIds(sanitizeHtml(parsed, SANITIZE).trim()), text: htmlToText(parsed) };
}

/** The text of marked's HTML: tags dropped, references decoded, footnotes' markers left out (their notes stay, at the end). */
function htmlToText(html: string): string {
  const stripped = sanitizeHtml(withoutFootnoteMarkers(html), { allowedTags: [], allowedAttributes: {}, nonTextTags: ["script", "style", "textarea", "noscript", "iframe", "template"] });
  return entities().decodeHTML(stripped).replace(/\s+/g, " ").trim();
}

/** Words per minute of an adult reading Spanish news text. */
const WORDS_PER_MINUTE = 200;

export function readingMinutes(text: string): number {
  return minutesToRead(countWords(text));
}

export function minutesToRead(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

/**
 * Runs of characters outside JavaScript's `\s`: the count `text.split(/\s+/).filter(Boolean).length`
 * gives (see readingMinutesReference), without making the array.
 */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Printable ASCII first: nearly every character of a text.
    const space = c > 0x20 && c < 0x7f ? false : isJsWhitespace(c);
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

/** `readingMinutes` as it was written first: what the counting loop must equal. */
export function readingMinutesReference(text: string): number {
  const words = text.split(/\s+/).filter(Boolean).length;
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

/** The UTF-16 code units JavaScript's `\s` matches (WhiteSpace and LineTerminator in ECMA-262). */
function isJsWhitespace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}
