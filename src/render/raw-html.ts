import type * as Htmlparser2 from "htmlparser2";
import { htmlTagNames } from "html-tag-names";
import { lazyRequire } from "../lazy-require.ts";

const htmlparser2 = lazyRequire<typeof Htmlparser2>("htmlparser2");

/**
 * Raw HTML in a body whose "tag" is no HTML element: `<IMSS-Bienestar>`, `<Nombre del paciente>`,
 * a mistyped `<stong>`. Markdown takes any `<word>` for a tag, and the sanitizer removes tags it
 * does not allow, so such text used to vanish from the page without a word. It is printed as the
 * text it is instead (markdown.ts escapes it before sanitizing), and `check` says so
 * (references.ts finds it, model/body-references.ts words it). Elements of HTML, current or
 * obsolete (`<span>`, `<font>`, `<center>`), are left to the sanitizer's policy.
 */
const HTML_ELEMENTS: ReadonlySet<string> = new Set(htmlTagNames);

/** Whether `name` (any case) names an element of HTML, current or obsolete. */
export function isHtmlElement(name: string): boolean {
  return HTML_ELEMENTS.has(name.toLowerCase());
}

/**
 * Word's own markup, pasted with its text from a web page or an e-mail: `<o:p>`, `<st1:place>`,
 * `<w:WordDocument>`. Not a tag for markdown (a name with `:`), so printed as text as it is: said
 * by `check`, since readers see «<o:p></o:p>» among the words.
 */
export const NAMESPACED_TAG = /<\/?[A-Za-z][\w-]*:[\w.-]+(?:\s[^<>]*)?\/?>/g;

/** Where each tag of `html` that is no HTML element is, as [start, end) offsets, explicit closing tags included. */
export function unknownTags(html: string): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  if (!html.includes("<")) return found;
  const parser = new (htmlparser2().Parser)(
    {
      onopentag(name) {
        if (!isHtmlElement(name)) found.push([parser.startIndex, parser.endIndex + 1]);
      },
      onclosetag(name, isImplied) {
        if (!isImplied && !isHtmlElement(name)) found.push([parser.startIndex, parser.endIndex + 1]);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  // A closing tag that closes nothing is skipped by the parser (and by the sanitizer, without a word).
  for (const m of html.matchAll(/<\/([A-Za-z][A-Za-z0-9-]*)\s*>/g)) {
    const start = m.index;
    if (!isHtmlElement(m[1]!) && !found.some(([s]) => s === start)) found.push([start, start + m[0].length]);
  }
  return found.sort((a, b) => a[0] - b[0]);
}

/** `html` with every tag that is no HTML element written as text (`&lt;IMSS-Bienestar&gt;`); the rest as it was. */
export function escapeUnknownTags(html: string): string {
  const tags = unknownTags(html);
  if (tags.length === 0) return html;
  let out = "";
  let copied = 0;
  for (const [start, end] of tags) {
    out += html.slice(copied, start) + escapeText(html.slice(start, end));
    copied = end;
  }
  return out + html.slice(copied);
}

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
