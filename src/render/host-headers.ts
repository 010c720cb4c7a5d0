import { LIST_FEED_FILE, LIST_FEED_FOLDERS, PATHS } from "../policy/urls.ts";
import { NEWS_SITEMAP_PATH } from "./news-sitemap.ts";
import type { RawFile } from "./views.ts";

/**
 * The HTTP headers the site is served with, in one place: `_headers` (Netlify, Cloudflare Pages)
 * and the nginx configuration (`nginx-config.ts`) are both written from these lists, so every host
 * sends the same policy.
 */

/**
 * Strict Content-Security-Policy. The pages carry no inline script, no inline style and no
 * `style=""` attribute, and load nothing from other servers, so neither `'unsafe-inline'` nor any
 * other origin is needed. `'wasm-unsafe-eval'` lets the search index (Pagefind, WebAssembly) run;
 * it does not allow `eval()` of JavaScript.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/**
 * The same policy for a `<meta http-equiv>` tag, for hosts that cannot send headers (GitHub Pages).
 * `frame-ancestors` is left out: browsers ignore it in a meta tag (and warn).
 */
export const META_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.split("; ")
  .filter((d) => !d.startsWith("frame-ancestors"))
  .join("; ");

/** Sent with every response, pages, files, redirects and the 404 alike. */
export const SECURITY_HEADERS: ReadonlyArray<readonly [name: string, value: string]> = [
  ["Content-Security-Policy", CONTENT_SECURITY_POLICY],
  // Two years, the value browsers' preload lists expect; subdomains too, since the site is HTTPS-only.
  ["Strict-Transport-Security", "max-age=63072000; includeSubDomains"],
  ["X-Content-Type-Options", "nosniff"],
  ["Referrer-Policy", "strict-origin-when-cross-origin"],
  // For browsers that predate `frame-ancestors`.
  ["X-Frame-Options", "DENY"],
  ["Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()"],
  ["Cross-Origin-Opener-Policy", "same-origin"],
];

/**
 * Cache lifetimes. A fingerprinted file never changes under its name, so browsers keep it a year;
 * pages change whenever a bulletin is published or corrected (the hourly rebuild), so they are
 * kept five minutes; other static files (the stylesheet under a fixed name) an hour.
 */
export const CACHE_CONTROL = {
  immutable: "public, max-age=31536000, immutable",
  page: "public, max-age=300, must-revalidate",
  file: "public, max-age=3600",
} as const;

/**
 * Folders whose every file is fingerprinted by the build (its name changes when its content does):
 * pictures (`/img/`, named by eleventy-img from their content), fonts, and `/assets/`.
 */
export const IMMUTABLE_PREFIXES = ["/assets/", "/img/", "/fonts/"] as const;

/**
 * A content hash in a file name: `site.3f9a1c2b.css`, `app-5d41402abc4b.js`. At least one letter,
 * so an upload named with a date (`foto-20210819.jpg`, replaceable under the same name) is not
 * taken for one. Only nginx matches names by pattern; both hosts also get each fingerprinted file
 * the build knows by its exact name.
 */
export const FINGERPRINTED_NAME_PATTERN = "[.-](?=[0-9]*[a-f])[0-9a-f]{8,}\\.[a-z0-9]+$";
export const FINGERPRINTED_NAME_RE = new RegExp(FINGERPRINTED_NAME_PATTERN);

export function isFingerprinted(sitePath: string): boolean {
  return IMMUTABLE_PREFIXES.some((p) => sitePath.startsWith(p)) || FINGERPRINTED_NAME_RE.test(sitePath);
}

/**
 * Folders whose files are pages (HTML) or feeds; each gets the short page lifetime. `_headers`
 * rules add up when several match one path (values are joined with commas), so the cache rules
 * must never overlap: no `/*` rule carries Cache-Control, and these prefixes are disjoint from
 * the immutable ones and from the fingerprinted files. Pages outside them (custom permalinks,
 * redirect stubs) and other files keep the host's default, which on both hosts is to revalidate
 * every time.
 */
export const PAGE_PREFIXES = ["/boletines/*", "/temas/*", "/secciones/*", "/buscar/*"] as const;
const PAGE_FILES = ["/", "/index.html", "/404.html", PATHS.feedAtom, PATHS.feedJson, PATHS.sitemap, NEWS_SITEMAP_PATH, "/robots.txt"] as const;

/**
 * The media types of the feeds and sitemaps. Servers name a file's type by its extension, and
 * their tables say `.xml` is `text/xml` (Debian's mime.types for nginx) and `.json` is
 * `application/json`: right for neither an Atom feed, nor a JSON Feed (its own type, JSON Feed
 * 1.1), nor a sitemap. Both hosts are told each type by path.
 */
export const CONTENT_TYPES = {
  atom: "application/atom+xml; charset=utf-8",
  jsonFeed: "application/feed+json; charset=utf-8",
  xml: "application/xml; charset=utf-8",
} as const;

/**
 * Files served with a type of their own, by exact path: the site's feeds and sitemaps.
 * `sitemapParts`: the files of a sitemap index (`/sitemaps/sitemap-1.xml`…), beyond 50,000 addresses.
 */
export function typedFiles(sitemapParts: readonly string[] = []): Array<[path: string, type: string]> {
  return [
    [PATHS.feedAtom, CONTENT_TYPES.atom],
    [PATHS.feedJson, CONTENT_TYPES.jsonFeed],
    [PATHS.sitemap, CONTENT_TYPES.xml],
    [NEWS_SITEMAP_PATH, CONTENT_TYPES.xml],
    ...[...new Set(sitemapParts)].sort().map((p): [string, string] => [p, CONTENT_TYPES.xml]),
  ];
}

export const HEADERS_FILE_URL = "/_headers";

/**
 * `_headers`: security headers on every path, then one cache rule per disjoint group of paths, and
 * the type of each feed and sitemap. Every header name is given by at most one rule matching a
 * path (the hosts join the values of several with commas), so a path's rule may hold both its
 * Cache-Control and its Content-Type. A topic's or section's feed is matched with a placeholder
 * (`:slug`, one path segment), which both hosts read.
 * `fingerprinted`: site paths of the files the build named by content (stylesheet, script, icon);
 * `sitemapParts`: the files of a sitemap index, if the sitemap is one.
 */
export function buildHeadersFile(fingerprinted: readonly string[] = [], sitemapParts: readonly string[] = []): RawFile {
  const rules = new Map<string, string[]>();
  const add = (pattern: string, name: string, value: string) => {
    const lines = rules.get(pattern) ?? [];
    lines.push(`  ${name}: ${value}`);
    rules.set(pattern, lines);
  };
  for (const p of IMMUTABLE_PREFIXES) add(`${p}*`, "Cache-Control", CACHE_CONTROL.immutable);
  for (const f of exactFingerprinted(fingerprinted)) add(f, "Cache-Control", CACHE_CONTROL.immutable);
  for (const p of [...PAGE_FILES, ...PAGE_PREFIXES, ...[...new Set(sitemapParts)].sort()]) add(p, "Cache-Control", CACHE_CONTROL.page);
  for (const [p, type] of typedFiles(sitemapParts)) add(p, "Content-Type", type);
  for (const folder of LIST_FEED_FOLDERS) add(`${folder}:slug/${LIST_FEED_FILE}`, "Content-Type", CONTENT_TYPES.atom);
  const lines: string[] = [
    "# Generado por boletines (src/render/host-headers.ts); no editar a mano.",
    "/*",
    ...SECURITY_HEADERS.map(([name, value]) => `  ${name}: ${value}`),
  ];
  for (const [pattern, headers] of rules) lines.push("", pattern, ...headers);
  return { url: HEADERS_FILE_URL, content: `${lines.join("\n")}\n` };
}

/** Fingerprinted files that need a rule of their own: not already under an immutable folder, sorted, once. */
export function exactFingerprinted(fingerprinted: readonly string[]): string[] {
  return [...new Set(fingerprinted)].filter((f) => !IMMUTABLE_PREFIXES.some((p) => f.startsWith(p))).sort();
}
