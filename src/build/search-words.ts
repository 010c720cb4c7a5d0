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
 * "Querétaro". An image's `alt` is part of that text only when the image asks for it
 * (`data-pagefind-index-attrs="alt"`, as body pictures do: render/markdown-direct.ts `INDEXED_ALT`):
 * Pagefind puts an indexed attribute's value between spaces (and a period) where the element is.
 *
 * And the words of the page's metadata: Pagefind 1.5 searches every metadata field of a page as
 * words of the page (with no place in its text, and a weight of its own: 5 for `title`, 1 for the
 * others), so a word only there finds the page (`metadataOf`). What is a page's metadata is a choice
 * of its layout (layouts/bulletin.njk): the title (its h1, whose words are in the text already) and
 * the lead picture's `alt` (`image_alt`); no date (its weekday and month would find every bulletin of
 * that day) and no image address (its «img», «webp», file name), which search.js does not need
 * (the date reaches the results as a filter, which Pagefind does not search). Checked against the
 * text and metadata Pagefind itself stored for each page (tests/build/search-index.test.ts).
 */

/** Elements Pagefind leaves out of a page's text, with everything in them. */
const LEFT_OUT = new Set(["head", "style", "script", "noscript", "label", "form", "svg", "footer", "nav", "iframe", "template"]);
/** Elements whose edges do not separate words (Pagefind's inline elements); `br` does. */
const INLINE = new Set(["a", "abbr", "acronym", "b", "bdo", "big", "button", "cite", "code", "dfn", "em", "i", "img", "input", "kbd", "map", "object", "output", "q", "samp", "select", "small", "span", "strong", "sub", "sup", "textarea", "time", "tt", "var"]);
/** Elements that never have an end tag: they open no level. */
const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);
const EDGE_PUNCTUATION = /^\p{P}+|\p{P}+$/gu;
/** Pagefind's `key[attribute]` in `data-pagefind-meta`: the value of that attribute. */
const FROM_ATTRIBUTE = /^\s*([^:[\]]+)\[(.+)\]\s*$/;

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

/**
 * The distinct words Pagefind indexes in a page (or in its indexedPart), in order of first
 * appearance: its text's, then its metadata's (`metadataOf`).
 */
export function indexedWords(html: string): string[] {
  const { text, metadata } = readPart(indexedPart(html));
  // Most tokens repeat: each distinct one is trimmed once.
  const words = new Set<string>();
  for (const token of new Set([...text.split(/\s+/), ...Object.values(metadata).flatMap((value) => value.split(/\s+/))])) {
    const word = isWordChar(token.charCodeAt(0)) && isWordChar(token.charCodeAt(token.length - 1)) ? token : token.replace(EDGE_PUNCTUATION, "");
    if (word) words.add(word);
  }
  return [...words];
}

/**
 * The metadata Pagefind stores (and searches) for a page, as it finds it in its indexedPart: each
 * `data-pagefind-meta` (`key[attribute]`, `key:value`, or `key` for the element's text); `title`,
 * the first h1's text, unless given; `image` and `image_alt`, the `src` and `alt` of the first
 * image after the title, unless `image` is given (bulletins give it empty: their pictures' addresses
 * are not searched). Metadata outside the indexed part (in `<head>`, or a page's `<title>`, which
 * Pagefind takes for a page with no h1) is not seen: the layouts keep it all inside the article, and
 * the tests compare with what Pagefind stored. `data-pagefind-default-meta` is not used by the site.
 */
export function metadataOf(html: string): Record<string, string> {
  return readPart(indexedPart(html)).metadata;
}

/** One open element while a part is read. */
interface Open {
  name: string;
  /** Its text is the page's text (inside the body, nothing left out). */
  indexed: boolean;
  /** `data-pagefind-ignore="all"`: no metadata from it or inside it. */
  excluded: boolean;
  /** Its text does not reach the elements around it (left out or ignored), as in Pagefind's parser. */
  cut: boolean;
  /** Its own metadata, taken when it closes (`data-pagefind-meta`, each `key:value` or a bare `key`). */
  meta?: string[];
  /** Its text, gathered for a bare `key` or for the title (an h1). */
  text?: string[];
}

/** A part's text and metadata (one pass of the HTML parser). */
function readPart(part: string): { text: string; metadata: Record<string, string> } {
  const parts: string[] = [];
  const meta: Record<string, string> = {};
  // What Pagefind finds by itself, used at the end if not given: the first h1's text and the first image after it.
  let autoTitle: string | undefined;
  let autoImage: [src: string, alt: string] | undefined;
  // One entry per open element; `gathering` counts those gathering their text.
  const stack: Open[] = [];
  let gathering = 0;
  const indexedNow = (): boolean => stack.at(-1)?.indexed ?? false;
  // Text (or a block's edge) reaches each element gathering it up to the first one it does not leave.
  const gather = (data: string): void => {
    for (let at = stack.length - 1; at >= 0; at--) {
      const open = stack[at]!;
      open.text?.push(data);
      if (open.cut) break;
    }
  };
  const take = (specs: readonly string[], text: string | undefined): void => {
    for (const spec of specs) {
      const colon = spec.indexOf(":");
      if (colon >= 0) meta[spec.slice(0, colon)] = normalized(spec.slice(colon + 1));
      else if (text) meta[spec] = normalized(text);
    }
  };
  const parser = new (htmlparser2().Parser)(
    {
      onopentag(name, attributes) {
        const block = !INLINE.has(name) || name === "br";
        if (block) {
          parts.push(" ");
          if (gathering) gather(" ");
        }
        const parent = stack.at(-1);
        const ignore = attributes["data-pagefind-ignore"];
        const body = "data-pagefind-body" in attributes;
        const excluded = (parent?.excluded ?? false) || (!body && ignore !== undefined && !["", "index", "true"].includes(ignore.toLowerCase()));
        const specs = !excluded && attributes["data-pagefind-meta"] !== undefined ? metaSpecs(attributes["data-pagefind-meta"], attributes) : undefined;
        // Attributes the element asks Pagefind to index: their values are words of the page where it is.
        const indexedAttributes = attributes["data-pagefind-index-attrs"];
        if (indexedAttributes !== undefined && !excluded && ignore === undefined && (body || (indexedNow() && !LEFT_OUT.has(name)))) {
          for (const attribute of indexedAttributes.split(",")) {
            const value = attributes[attribute.trim()];
            if (value !== undefined) parts.push(` ${value} `);
          }
        }
        if (VOID.has(name)) {
          if (excluded) return;
          if (specs) take(specs, undefined);
          if (name === "img" && autoImage === undefined && (autoTitle !== undefined || "title" in meta) && attributes.src !== undefined) autoImage = [attributes.src, attributes.alt ?? ""];
          return;
        }
        const indexed = body ? true : !indexedNow() || LEFT_OUT.has(name) || ignore !== undefined ? false : true;
        const open: Open = { name, indexed, excluded, cut: !body && (LEFT_OUT.has(name) || ignore !== undefined) };
        if (specs) open.meta = specs;
        if ((specs && specs.some((spec) => !spec.includes(":"))) || (name === "h1" && autoTitle === undefined)) {
          open.text = [];
          gathering++;
        }
        stack.push(open);
      },
      onclosetag(name, implied) {
        if (VOID.has(name) && !implied) return;
        // Close up to the matching element (htmlparser2 reports implied closes too).
        for (let at = stack.length - 1; at >= 0; at--) {
          if (stack[at]!.name !== name) continue;
          for (const open of stack.splice(at).reverse()) {
            const text = open.text?.join("");
            if (open.text) gathering--;
            if (open.excluded) continue;
            if (open.meta) take(open.meta, text);
            if (open.name === "h1" && autoTitle === undefined && text && text.trim()) autoTitle = normalized(text);
          }
          break;
        }
        if (!INLINE.has(name)) {
          parts.push(" ");
          if (gathering) gather(" ");
        }
      },
      ontext(data) {
        if (indexedNow()) parts.push(data);
        if (gathering) gather(data);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.end(part);
  if (autoImage && !("image" in meta)) [meta.image, meta.image_alt] = autoImage;
  if (autoTitle !== undefined && !("title" in meta)) meta.title = autoTitle;
  return { text: parts.join(""), metadata: meta };
}

/**
 * A `data-pagefind-meta` value as Pagefind reads it: comma-separated keys, each `key` (the element's
 * text) or `key[attribute]`, the last of which may end in `:value`, taken to the end (commas too).
 * Each comes back as `key:value`, or a bare `key`.
 */
function metaSpecs(value: string, attributes: Record<string, string>): string[] {
  const colon = value.indexOf(":");
  const keys = colon < 0 ? value : value.slice(0, colon);
  const specs = keys.split(",").map((chunk) => {
    const fromAttribute = FROM_ATTRIBUTE.exec(chunk.trim());
    return fromAttribute ? `${fromAttribute[1]}:${attributes[fromAttribute[2]!] ?? ""}` : chunk.trim();
  });
  if (colon >= 0) specs[specs.length - 1] += `:${value.slice(colon + 1)}`;
  return specs;
}

/** A value as Pagefind keeps it: white space collapsed, trimmed. */
function normalized(value: string): string {
  return value.replace(/\s+/g, " ").trim();
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
 * It has no `<title>` (nor h1): Pagefind would take it for the page's `title` and search it, and the
 * index's name («2024») would be a word of that index.
 */
export function wordsPage(shard: string, words: readonly string[], facets: Facets, lang: string): string {
  const filter = (name: string, value: string) => `<span data-pagefind-filter="${escapeXml(name)}" data-pagefind-ignore>${escapeXml(value)}</span>`;
  const filters = [
    filter(WORDS_FILTER, shard),
    filter(WORDS_PAGE_FILTER.name, WORDS_PAGE_FILTER.value),
    ...facets.sections.map((section) => filter("section", section)),
    ...facets.tags.map((tag) => filter("tag", tag)),
  ].join("");
  return `<!doctype html><html lang="${escapeXml(lang)}"><head><meta charset="utf-8"></head><body><main data-pagefind-body>${filters}<p>${escapeXml(words.join(" "))}</p></main></body></html>\n`;
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
