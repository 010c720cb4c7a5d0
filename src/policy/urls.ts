import { decodeURIComponentSafe } from "./site-paths.ts";

/**
 * Every site path is made here, and only here. Paths are root-relative and end in `/` for pages
 * (written as `index.html`) or in a file name for feeds and other files.
 * Page numbers live under `/pagina/N/` so they can never collide with a month (`/boletines/2024/04/`).
 */
export const PATHS = {
  bulletins: "/boletines/",
  tags: "/temas/",
  sections: "/secciones/",
  search: "/buscar/",
  /** How to follow the bulletins in a news reader, with the address of every feed. */
  subscribe: "/suscripcion/",
  /** Pagefind's indexes, one folder per year or part of a large year, and the words index (src/build/search-index.ts). */
  searchIndexes: "/pagefind/",
  feedAtom: "/feed.xml",
  feedJson: "/feed.json",
  sitemap: "/sitemap.xml",
  robots: "/robots.txt",
  redirects: "/_redirects",
  notFound: "/404.html",
} as const;

export function bulletinUrl(year: number, monthPadded: string, slug: string): string {
  return `${PATHS.bulletins}${year}/${monthPadded}/${slug}/`;
}

/** A search index (its folder: Pagefind's `pagefind.js` and the index files). */
export function searchIndexUrl(shard: string): string {
  return `${PATHS.searchIndexes}${shard}/`;
}

/** The folder (under PATHS.searchIndexes) of the index of which words each search index has: never a year or part. */
export const WORDS_INDEX = "palabras";

export function paginated(firstPageUrl: string, page: number): string {
  return page <= 1 ? firstPageUrl : `${firstPageUrl}pagina/${page}/`;
}

export function tagUrl(tagSlug: string, page = 1): string {
  return paginated(`${PATHS.tags}${tagSlug}/`, page);
}

/** Folders where each topic or section has its Atom feed, beside its first page: `/temas/<slug>/feed.xml`. */
export const LIST_FEED_FOLDERS = [PATHS.tags, PATHS.sections] as const;
export const LIST_FEED_FILE = "feed.xml";

/** A topic's feed (Atom): beside its first page. */
export function tagFeedUrl(tagSlug: string): string {
  return `${PATHS.tags}${tagSlug}/${LIST_FEED_FILE}`;
}

/**
 * The feed beside a topic's or a section's first page (`/temas/vacunacion/` → `/temas/vacunacion/feed.xml`),
 * as written (case and `%` kept); undefined for any other path, a later page (`…/pagina/2/`) included.
 */
export function listFeedOf(path: string): string | undefined {
  const identity = pathIdentity(path);
  for (const base of LIST_FEED_FOLDERS) {
    const rest = identity.startsWith(base) ? identity.slice(base.length) : "";
    if (/^[^/]+\/$/.test(rest)) return `${path}${path.endsWith("/") ? "" : "/"}${LIST_FEED_FILE}`;
  }
  return undefined;
}

export function sectionUrl(sectionSlug: string, page = 1): string {
  return paginated(`${PATHS.sections}${sectionSlug}/`, page);
}

export function sectionFeedUrl(sectionSlug: string): string {
  return `${PATHS.sections}${sectionSlug}/${LIST_FEED_FILE}`;
}

/** The element id of a section's entry on the subscription page. */
export function sectionSubscribeId(sectionSlug: string): string {
  return `seccion-${sectionSlug}`;
}

/** A section's entry on the subscription page (its feed's address, to copy). */
export function sectionSubscribeUrl(sectionSlug: string): string {
  return `${PATHS.subscribe}#${sectionSubscribeId(sectionSlug)}`;
}

export function yearUrl(year: number, page = 1): string {
  return paginated(`${PATHS.bulletins}${year}/`, page);
}

export function monthUrl(year: number, monthPadded: string, page = 1): string {
  return paginated(`${PATHS.bulletins}${year}/${monthPadded}/`, page);
}

/**
 * A numbered bulletin (`171/2024`) is also reachable by its number, and at the path the IMSS's
 * previous press archive used (`/prensa/archivo/AAAAMM/NNN`, year and month of the local date).
 */
export function bulletinNumberPaths(number: string, year: number, monthPadded: string): string[] {
  const [n, numberYear] = number.split("/");
  return [`${PATHS.bulletins}numero/${numberYear}/${n}/`, `/prensa/archivo/${year}${monthPadded}/${n}/`];
}

/** A site path as an absolute address: `baseUrl` (site.ts, with the site's path prefix if it has one) and the path. */
export function absoluteUrl(baseUrl: string, path: string): string {
  return `${baseUrl}${path}`;
}

/**
 * A site published under a path (`https://imss-mx.github.io/boletines`: GitHub Pages without a custom
 * domain) keeps its files where they are (`boletines/2024/…/index.html` at the root of the output, the
 * host maps the path to it), and every address of it that a reader's browser asks for carries the
 * path: `/boletines/2024/…/` is asked for as `/boletines/boletines/2024/…/`. Site paths everywhere else
 * (output files, claims, digests, redirects' sources) stay as they are; what a page, a feed or a
 * host's file prints goes through `withPathPrefix` (layouts: the `href` and `srcset` globals,
 * eleventy/nunjucks-globals.ts; bodies: render/path-prefix.ts).
 */

/** The path of a base URL as site.ts normalizes it (`https://imss-mx.github.io/boletines` → `/boletines`), or "" for an origin. */
export function pathPrefixOf(baseUrl: string): string {
  const at = baseUrl.indexOf("/", baseUrl.indexOf("//") + 2);
  return at < 0 ? "" : baseUrl.slice(at);
}

/**
 * A site path (`/…`, not `//…`) as the browser asks for it, under `prefix` (`pathPrefixOf`);
 * anything else (an http(s) address, `#id`, `mailto:`, a relative path, which the browser resolves
 * against a page already under the prefix) as it is. Without a prefix, always as it is.
 */
export function withPathPrefix(prefix: string, path: string): string {
  return prefix && path.charCodeAt(0) === 47 && path.charCodeAt(1) !== 47 && path.charCodeAt(1) !== 92 ? `${prefix}${path}` : path;
}

/** A `srcset` (`/img/a-480.webp 480w, /img/a-960.webp 960w`) with each candidate's address under `prefix`. */
export function srcsetWithPathPrefix(prefix: string, srcset: string): string {
  if (!prefix) return srcset;
  return srcset
    .split(",")
    .map((candidate) => candidate.replace(/^(\s*)(\S+)/, (_whole, space: string, url: string) => `${space}${withPathPrefix(prefix, url)}`))
    .join(",");
}

/**
 * The site path of a full address of this site (http or https alike, as the legacy site wrote them;
 * the same host and port; under the site's path, which is taken off): `https://imss-mx.github.io/boletines/temas/x/`
 * → `/temas/x/`. Undefined for any other address, another repository's pages on the same host included.
 */
export function sitePathOfAddress(address: URL, baseUrl: string): string | undefined {
  const site = new URL(baseUrl);
  if (address.hostname !== site.hostname || address.port !== site.port) return undefined;
  const prefix = pathPrefixOf(baseUrl);
  if (!prefix) return address.pathname;
  if (address.pathname === prefix) return "/";
  return address.pathname.startsWith(`${prefix}/`) ? address.pathname.slice(prefix.length) : undefined;
}

/**
 * Output file for a site path, relative to the output folder.
 * `/a/b/` → `a/b/index.html`; `/feed.xml` → `feed.xml`; `/old/page.html` → `old/page.html`.
 */
export function outputFileFor(path: string): string {
  // Hosts look a request up by its decoded path: `/news/vacunaci%C3%B3n/` is the folder `vacunación`.
  // Editors' paths are checked (policy/site-paths.ts): their encoding is valid and decodes to no `/`,
  // `\`, control character or `..`; the site's own paths have no `%`.
  const rel = decodePercents(path).replace(/^\/+/, "");
  return rel === "" || rel.endsWith("/") ? `${rel}index.html` : rel;
}

/**
 * Key used to detect two things claiming one path: what hosts compare (the decoded path: `/news/%41x`
 * is `/news/Ax`), without case (case-insensitive file systems) or the trailing slash.
 */
export function pathIdentity(path: string): string {
  const p = decodePercents(path).toLowerCase();
  return p.endsWith("/index.html") ? p.slice(0, -"index.html".length) : p.endsWith("/") ? p : `${p}/`;
}

function decodePercents(path: string): string {
  return path.includes("%") ? decodeURIComponentSafe(path) : path;
}
