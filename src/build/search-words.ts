import { readFileSync } from "node:fs";
import type * as Htmlparser2 from "htmlparser2";
import { lazyRequire } from "../lazy-require.ts";
import { escapeXml } from "../render/xml.ts";
import { sha1 } from "./digest.ts";

/** Loaded when a page is read for the search indexes: a build without them (`--no-search`) never loads it. */
const htmlparser2 = lazyRequire<typeof Htmlparser2>("htmlparser2");

/**
 * The words Pagefind indexes in a page, and the pages of the index that tells which index (a year, or
 * part of a large year) has which words, so that the indexes answer like one (search-index.ts).
 *
 * Pagefind answers a word that no word of an index starts with by the pages of the longest word of
 * that index the query starts with (its "longest prefix" fallback, Pagefind issue #780: "queretaro"
 * finds every page with "que" in an index without "Querétaro"). So an index must not be asked for
 * words it lacks. One more index holds one page per index with every word of its pages
 * (`wordsPage`), its name as a filter; the browser asks it first and searches only the indexes it
 * names (public/js/search.js). It has the same words as all the indexes together, so it answers as
 * one index of the site would: an index it names has the words (or, for a word in no bulletin, the
 * same fallback word the whole site would use), and an index it leaves out has no result.
 *
 * The words are the page's text as Pagefind reads it (its HTML parser: text inside the element with
 * `data-pagefind-body`, without `nav`, `form`, `footer`… or `data-pagefind-ignore`; a space between
 * block elements, none around inline ones), split at white space, with the punctuation around each
 * word taken off: Pagefind makes the same keys (lower case, stemmed) from "«Querétaro»," as from
 * "Querétaro". Checked against the text Pagefind itself stored for each page
 * (tests/build/search-index.test.ts). Image `alt` text is added too: a word too many could only make
 * the browser open one index for nothing.
 */

/** Elements Pagefind leaves out of a page's text, with everything in them. */
const LEFT_OUT = new Set(["head", "style", "script", "noscript", "label", "form", "svg", "footer", "nav", "iframe", "template"]);
/** Elements whose edges do not separate words (Pagefind's inline elements); `br` does. */
const INLINE = new Set(["a", "abbr", "acronym", "b", "bdo", "big", "button", "cite", "code", "dfn", "em", "i", "img", "input", "kbd", "map", "object", "output", "q", "samp", "select", "small", "span", "strong", "sub", "sup", "textarea", "time", "tt", "var"]);
/** Elements that never have an end tag: they open no level. */
const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);
const EDGE_PUNCTUATION = /^\p{P}+|\p{P}+$/gu;

/**
 * The part of a page Pagefind indexes: from the start of the element with `data-pagefind-body` to
 * the last end tag of its kind (what follows cannot be in it); "" without one. The page's language
 * and address matter too, but those are the site's and the page's path.
 */
export function indexedPart(html: string): string {
  const start = html.indexOf("data-pagefind-body");
  if (start < 0) return "";
  const from = html.lastIndexOf("<", start);
  const name = /^<([A-Za-z][\w-]*)/.exec(html.slice(from, from + 40))?.[1];
  const end = name ? html.lastIndexOf(`</${name}>`) : -1;
  return end > from ? html.slice(from, end + name!.length + 3) : html.slice(from);
}

/** The distinct words Pagefind indexes in a page (or in its indexedPart), in order of first appearance. */
export function indexedWords(html: string): string[] {
  const part = indexedPart(html);
  const parts: string[] = [];
  // One entry per open element: whether its text is indexed.
  const stack: Array<{ name: string; indexed: boolean }> = [];
  const indexedNow = (): boolean => stack.at(-1)?.indexed ?? false;
  const parser = new (htmlparser2().Parser)(
    {
      onopentag(name, attributes) {
        if (name === "img" && indexedNow() && attributes.alt) parts.push(" ", attributes.alt, " ");
        if (!INLINE.has(name) || name === "br") parts.push(" ");
        if (VOID.has(name)) return;
        const indexed =
          "data-pagefind-body" in attributes ? true : !indexedNow() || LEFT_OUT.has(name) || "data-pagefind-ignore" in attributes ? false : true;
        stack.push({ name, indexed });
      },
      onclosetag(name, implied) {
        if (VOID.has(name) && !implied) return;
        // Close up to the matching element (htmlparser2 reports implied closes too).
        for (let at = stack.length - 1; at >= 0; at--) {
          if (stack[at]!.name === name) {
            stack.length = at;
            break;
          }
        }
        if (!INLINE.has(name)) parts.push(" ");
      },
      ontext(data) {
        if (indexedNow()) parts.push(data);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.end(part);
  // Most tokens repeat: each distinct one is trimmed once.
  const text = parts.join("");
  const words = new Set<string>();
  for (const token of new Set(text.split(/\s+/))) {
    const word = isWordChar(token.charCodeAt(0)) && isWordChar(token.charCodeAt(token.length - 1)) ? token : token.replace(EDGE_PUNCTUATION, "");
    if (word) words.add(word);
  }
  return [...words];
}

/** An ASCII letter or digit: a token that starts and ends with one has no punctuation to take off. */
function isWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** The filter that names an index on its page of the words index (public/js/search.js reads its counts). */
export const WORDS_FILTER = "indice";
/**
 * The filter every page of the words index has: search.js searches the indexes merged into
 * the words index's Pagefind (one copy of Pagefind's code for the reader), leaving these pages out.
 */
export const WORDS_PAGE_FILTER = { name: "pagina", value: "palabras" } as const;

/** The sections and tags of an index's pages, each once. */
export interface Facets {
  sections: readonly string[];
  tags: readonly string[];
}

/**
 * The page of the words index for one index (`shard`), in the site's language: every word of its
 * pages, and every section and tag they have as filters, with the names the bulletin pages give them
 * (`section`, `tag`), so that a search by a section or a tag asks only the indexes that have them.
 */
export function wordsPage(shard: string, words: readonly string[], facets: Facets, lang: string): string {
  const filter = (name: string, value: string) => `<span data-pagefind-filter="${escapeXml(name)}" data-pagefind-ignore>${escapeXml(value)}</span>`;
  const filters = [
    filter(WORDS_FILTER, shard),
    filter(WORDS_PAGE_FILTER.name, WORDS_PAGE_FILTER.value),
    ...facets.sections.map((section) => filter("section", section)),
    ...facets.tags.map((tag) => filter("tag", tag)),
  ].join("");
  return `<!doctype html><html lang="${escapeXml(lang)}"><head><meta charset="utf-8"><title>${escapeXml(shard)}</title></head><body><main data-pagefind-body>${filters}<p>${escapeXml(words.join(" "))}</p></main></body></html>\n`;
}

/** What Pagefind reads of a page file: the digest of its indexed part, and its words. */
export interface IndexedPage {
  digest: string;
  words: string[];
}

/** Reads a page file's indexed part and words (search-index.ts, on the main thread or a words thread). */
export function readIndexedPage(file: string): IndexedPage {
  const part = indexedPart(readFileSync(file, "utf8"));
  return { digest: sha1(part), words: indexedWords(part) };
}

/** A job for a words thread (search-words-worker.ts): page files to read. */
export interface PageWordsJob {
  files: string[];
}

export interface PageWordsReply {
  pages: IndexedPage[];
}
