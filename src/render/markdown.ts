import { Marked } from "marked";
import { decodeHTML } from "entities";
import sanitizeHtml from "sanitize-html";

/**
 * Bulletin bodies: markdown by marked, then sanitized. The body is never run through a template
 * engine, so `{{ }}` and `{% %}` in press text appear literally.
 */
const marked = new Marked({ gfm: true, breaks: false, async: false });

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li", "dl", "dt", "dd",
    "strong", "b", "em", "i", "u", "s", "del", "ins", "mark", "sub", "sup", "small", "abbr", "cite", "q",
    "code", "pre", "kbd", "a", "img", "figure", "figcaption",
    "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
  ],
  allowedAttributes: {
    a: ["href", "title"],
    img: ["src", "alt", "title", "width", "height"],
    abbr: ["title"],
    th: ["scope", "colspan", "rowspan", "align"],
    td: ["colspan", "rowspan", "align"],
    ol: ["start"],
    code: ["class"],
  },
  allowedClasses: { code: [/^language-[\w-]+$/] },
  allowedSchemes: ["http", "https", "mailto", "tel"],
  // Images only from this site: a page never makes the reader's browser call another host.
  allowedSchemesByTag: { img: [] },
  exclusiveFilter: (frame) => frame.tag === "img" && !/^\/(?!\/)/.test(frame.attribs["src"] ?? ""),
  allowedSchemesAppliedToAttributes: ["href", "src", "cite"],
  allowProtocolRelative: false,
  // Dropped with their content: scripts, styles, frames and forms never reach a page.
  disallowedTagsMode: "discard",
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "iframe", "object", "embed", "template", "svg", "math"],
  transformTags: {
    // A heading level 1 is the page title; body headings start at h2.
    h1: "h2",
    a: (tagName, attribs) => {
      const href = attribs["href"] ?? "";
      const external = /^https?:\/\//i.test(href);
      return { tagName, attribs: external ? { ...attribs, rel: "noopener noreferrer" } : attribs };
    },
    img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, loading: "lazy", decoding: "async" } }),
  },
};
SANITIZE.allowedAttributes = { ...(SANITIZE.allowedAttributes as Record<string, string[]>), a: ["href", "title", "rel"], img: ["src", "alt", "title", "width", "height", "loading", "decoding"] };

export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown) as string;
  return sanitizeHtml(html, SANITIZE).trim();
}

/** Plain text of a fragment of markdown (for excerpts and feeds' summaries). */
export function markdownToText(markdown: string): string {
  return htmlToText(marked.parse(markdown) as string);
}

/** Both of the above from one markdown parse (a build needs both for every body). */
export function renderMarkdownAndText(markdown: string): { html: string; text: string } {
  const parsed = marked.parse(markdown) as string;
  return { html: sanitizeHtml(parsed, SANITIZE).trim(), text: htmlToText(parsed) };
}

function htmlToText(html: string): string {
  const stripped = sanitizeHtml(html, { allowedTags: [], allowedAttributes: {}, nonTextTags: ["script", "style", "textarea", "noscript", "iframe", "template"] });
  return decodeHTML(stripped).replace(/\s+/g, " ").trim();
}

/** Words per minute of an adult reading Spanish news text. */
const WORDS_PER_MINUTE = 200;

export function readingMinutes(text: string): number {
  const words = text.split(/\s+/).filter(Boolean).length;
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
