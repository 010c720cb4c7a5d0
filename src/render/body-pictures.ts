import type * as Htmlparser2 from "htmlparser2";
import type { Bulletin } from "../model/bulletin.ts";
import { lazyRequire } from "../lazy-require.ts";
import { decodeURIComponentSafe, resolveOnPage } from "../policy/site-paths.ts";
import { describeImage, publicFileOf, type PictureFiles } from "./images.ts";
import { escapeAttribute, indexedAltAttribute } from "./markdown-direct.ts";

const htmlparser2 = lazyRequire<typeof Htmlparser2>("htmlparser2");

/**
 * Pictures inside a bulletin's body (`![foto](/uploads/…)`, `<img src="/uploads/…">`) served the way
 * the lead image is: AVIF and WebP at the widths of `images.ts`, with `width`/`height` so the text
 * does not jump when the file arrives. The body's HTML is made from the source alone (and cached
 * with it); the files under `public/` are looked at on every build, and the page prints the body
 * with its pictures put in (`withBodyPictures`).
 */
export interface BodyPicture {
  /** The site path the body names, percent-decoded (`/uploads/2024/foto 1.jpg`). */
  path: string;
  picture: PictureFiles;
}

/**
 * Kept as written: an animated GIF would lose its motion, an SVG is already any size. The original
 * file is still published from `public/`, so these show as they always did.
 */
const KEPT_AS_WRITTEN = /\.(gif|svg)$/i;

/** Whether a body picture's file is published as it is, not encoded (`KEPT_AS_WRITTEN`). */
export function keptAsWritten(sitePath: string): boolean {
  return KEPT_AS_WRITTEN.test(sitePath);
}

/**
 * The body pictures of a bulletin whose files are readable images under `publicDir`, in the order
 * the body names them, each once; with the files, to be encoded. Empty for a body without pictures
 * (nothing is read).
 */
export function describeBodyPictures(b: Pick<Bulletin, "references">, publicDir: string): { pictures: BodyPicture[]; files: string[] } {
  const pictures: BodyPicture[] = [];
  const files: string[] = [];
  if (!b.references) return { pictures, files };
  const seen = new Set<string>();
  for (const r of b.references) {
    if (r.kind !== "image") continue;
    const sitePath = decodeURIComponentSafe(r.path);
    if (seen.has(sitePath) || keptAsWritten(sitePath)) continue;
    seen.add(sitePath);
    const file = publicFileOf(publicDir, sitePath);
    const picture = file ? describeImage(file) : undefined;
    if (!file || !picture) continue;
    pictures.push({ path: sitePath, picture });
    files.push(file);
  }
  return { pictures, files };
}

/**
 * Blocks of text (paragraphs, headings, lists, tables, quotes) that may come before a body picture
 * for it to still count as near the top of the page: on a phone's first screen, under the title.
 */
const NEAR_TOP_BLOCKS = 1;
const BLOCK = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote", "pre", "dl"]);

/**
 * The body's HTML (sanitized: every `<img>` has a site path as its `src`) with each `<img>` whose file
 * has a picture turned into `<picture>`: a `<source>` per format, and the `<img>` with what the editor
 * wrote (alternative text, title) and the size of the largest file. A width or height the editor
 * wrote is kept (the other one follows the picture's proportions). Everything else is left byte for byte.
 *
 * Body pictures load lazily, except on a page with no lead picture (`leadPicture: false`): there
 * the body's first picture, if no more than `NEAR_TOP_BLOCKS` block of text comes before it, is
 * likely the largest thing on a phone's first screen, so it is fetched at once and first, as the
 * lead picture is (`fetchpriority="high"`).
 */
export function withBodyPictures(html: string, pageUrl: string, pictures: readonly BodyPicture[], page: { leadPicture: boolean }): string {
  if (pictures.length === 0 || !html.includes("<img")) return html;
  const byPath = new Map(pictures.map((p) => [p.path, p.picture]));
  const pieces: string[] = [];
  let copied = 0;
  let blocksBefore = 0;
  let firstImage = true;
  const parser = new (htmlparser2().Parser)(
    {
      onclosetag(name) {
        if (BLOCK.has(name)) blocksBefore++;
      },
      onopentag(name, attribs) {
        if (name !== "img") return;
        const nearTop = firstImage && !page.leadPicture && blocksBefore <= NEAR_TOP_BLOCKS;
        firstImage = false;
        const picture = byPath.get(sitePathOf(attribs["src"] ?? "", pageUrl));
        if (!picture) return;
        pieces.push(html.slice(copied, parser.startIndex), pictureTag(picture, attribs, nearTop));
        copied = parser.endIndex + 1;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  if (copied === 0) return html;
  pieces.push(html.slice(copied));
  return pieces.join("");
}

function sitePathOf(src: string, pageUrl: string): string {
  try {
    return decodeURIComponentSafe(resolveOnPage(src, pageUrl).pathname);
  } catch {
    return "";
  }
}

function pictureTag(picture: PictureFiles, attribs: Record<string, string>, nearTop: boolean): string {
  const { width, height } = boxOf(picture, attribs["width"], attribs["height"]);
  // A picture the editor sized is never shown wider than that: the browser picks a file for that width.
  const sized = attribs["width"] !== undefined || attribs["height"] !== undefined;
  const sizes = sized && /^\d+$/.test(width) ? `${width}px` : picture.sizes;
  const sources = picture.sources.map((s) => `<source type="${escapeAttribute(s.type)}" srcset="${escapeAttribute(s.srcset)}" sizes="${escapeAttribute(sizes)}" />`);
  let img = `<img src="${escapeAttribute(picture.src)}" alt="${escapeAttribute(attribs["alt"] ?? "")}"`;
  if (attribs["title"] !== undefined) img += ` title="${escapeAttribute(attribs["title"])}"`;
  img += ` width="${escapeAttribute(width)}" height="${escapeAttribute(height)}" ${nearTop ? 'fetchpriority="high"' : 'loading="lazy"'} decoding="async"${indexedAltAttribute(attribs["alt"])} />`;
  return `<picture>${sources.join("")}${img}</picture>`;
}

/** The box to reserve: the picture's size, or the editor's, with the missing side in proportion. */
function boxOf(picture: PictureFiles, width: string | undefined, height: string | undefined): { width: string; height: string } {
  const pixels = (v: string | undefined) => (v !== undefined && /^\s*\d+\s*$/.test(v) && Number(v) > 0 ? Number(v) : undefined);
  const w = pixels(width);
  const h = pixels(height);
  if (width === undefined && height === undefined) return { width: String(picture.width), height: String(picture.height) };
  if (w !== undefined && height === undefined) return { width: String(w), height: String(Math.max(1, Math.round((w * picture.height) / picture.width))) };
  if (h !== undefined && width === undefined) return { width: String(Math.max(1, Math.round((h * picture.width) / picture.height))), height: String(h) };
  // Both written, or one that is not a number of pixels: as the editor wrote them.
  return { width: width ?? String(picture.width), height: height ?? String(picture.height) };
}
