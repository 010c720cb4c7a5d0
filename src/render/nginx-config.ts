import { LIST_FEED_FILE, LIST_FEED_FOLDERS, PATHS, withPathPrefix } from "../policy/urls.ts";
import { CACHE_CONTROL, CONTENT_TYPES, exactFingerprinted, FINGERPRINTED_NAME_PATTERN, HEADERS_FILE_URL, IMMUTABLE_PREFIXES, SECURITY_HEADERS, typedFiles } from "./host-headers.ts";
import type { RawFile, RedirectStub } from "./views.ts";
import { decodeURIComponentSafe } from "../policy/site-paths.ts";
import { fileMadeOf } from "./made-file.ts";
import { redirectPairs } from "./redirects-out.ts";

/**
 * A production nginx configuration, written by the build into the site itself (`/nginx/`), so the
 * configuration always matches the pages it serves. Two files, because nginx wants them in two
 * places:
 *
 * - `nginx/redirects.conf`, in the `http { }` block: a `map` from old paths to bulletin URLs (the
 *   same list as `_redirects`);
 * - `nginx/site.conf`, in the `server { }` block: headers, redirects, caching, the 404 page, gzip.
 *
 * What depends on the machine (listen, server_name, TLS certificates, `root`) stays in the
 * operator's own `server { }` block; see docs/publishing.md. Both files, `_headers` and
 * `_redirects` are answered with 404, so they are never served.
 *
 * A site served under a path (`pathPrefix`, policy/urls.ts: `/boletines`): nginx is the server the
 * readers' browsers ask, so it sees that path in every request. Every location, the map's old paths,
 * the redirects' targets and the 404 page carry it; the operator's `root` is a folder where the site
 * is found under that path (a link `boletines` → `_site`, docs/publishing.md).
 */
export const NGINX_DIR = "/nginx/";
export const NGINX_REDIRECTS_URL = `${NGINX_DIR}redirects.conf`;
export const NGINX_SITE_URL = `${NGINX_DIR}site.conf`;
/** Variable the map sets; named for the project so it cannot clash with the operator's own maps. */
export const REDIRECT_VARIABLE = "$boletines_redirect";
/** `&` and the request's query, or nothing without one: what a target with its own query gets. */
export const AND_ARGS_VARIABLE = "$boletines_and_args";

const HEADER = "# Generado por boletines (src/render/nginx-config.ts); no editar a mano.";

/**
 * `fingerprinted`: site paths of the files the build named by content (see host-headers.ts);
 * `sitemapParts`: the files of a sitemap index, if the sitemap is one.
 */
export function buildNginxFiles(redirects: readonly RedirectStub[], fingerprinted: readonly string[] = [], sitemapParts: readonly string[] = [], pathPrefix = ""): RawFile[] {
  return [
    fileMadeOf(NGINX_REDIRECTS_URL, redirectPairs(redirects, { from: pathPrefix, to: pathPrefix }), redirectsMap),
    fileMadeOf(NGINX_SITE_URL, { fingerprinted, sitemapParts, ...(pathPrefix ? { pathPrefix } : {}) }, siteConfig),
  ];
}

function redirectsMap(redirects: ReadonlyArray<readonly [from: string, to: string]>): string {
  const entries = new Map<string, string>();
  for (const [rawFrom, rawTo] of redirects) {
    const to = withRequestQuery(nginxUrl(rawTo));
    // `$uri` is decoded, so keys are decoded paths; directory-style paths match with and without `/`.
    const from = decodeURIComponentSafe(rawFrom);
    if (from.endsWith("/") && from.length > 1) entries.set(from.slice(0, -1), to);
    entries.set(from, to);
  }
  const keys = [...entries.keys()].sort();
  const longest = Math.max(0, ...keys.map((k) => Buffer.byteLength(k)));
  const lines = [
    HEADER,
    "# Va dentro de http { }. Antiguas direcciones → boletín (301, con la consulta de la petición: ?utm_source=…), la misma lista que _redirects.",
    // nginx refuses to start if a key does not fit in a hash bucket; size both for this list.
    `map_hash_bucket_size ${powerOfTwoAtLeast(longest + 32, 64)};`,
    `map_hash_max_size ${powerOfTwoAtLeast(keys.length * 2, 2048)};`,
    // Each target keeps the request's query (campaign links: ?utm_source=…), added by its value.
    `map $uri ${REDIRECT_VARIABLE} {`,
    '  default "";',
    ...keys.map((k) => `  ${quote(k)} ${quote(entries.get(k)!)};`),
    "}",
    `map $args ${AND_ARGS_VARIABLE} {`,
    '  "" "";',
    '  default "&$args";',
    "}",
  ];
  return `${lines.join("\n")}\n`;
}

function siteConfig({ fingerprinted, sitemapParts, pathPrefix = "" }: { fingerprinted: readonly string[]; sitemapParts: readonly string[]; pathPrefix?: string }): string {
  // A site path as nginx sees it in a request: under the site's path prefix, if it has one.
  const at = (sitePath: string) => withPathPrefix(pathPrefix, sitePath);
  const security = (indent: string) => SECURITY_HEADERS.map(([name, value]) => `${indent}add_header ${name} ${quote(value)} always;`);
  // `add_header` in a location replaces every `add_header` inherited from the server block, so
  // each location that sets Cache-Control repeats the security headers.
  const location = (match: string, cache: string, body: string[]) => [
    `location ${match} {`,
    ...security("  "),
    `  add_header Cache-Control ${quote(cache)} always;`,
    ...body.map((l) => `  ${l}`),
    "}",
  ];
  // A feed's or sitemap's type: `types { }` empties the extension table (mime.types says `.xml` is
  // text/xml) for the location, so its files take `default_type`; `charset` adds `; charset=utf-8`.
  const typed = (match: string, type: string, body: string[] = []) => location(match, CACHE_CONTROL.page, ["types { }", `default_type ${type.split(";")[0]!.trim()};`, ...body]);
  const listFeeds = `^${escapeRegExp(pathPrefix)}(?:${LIST_FEED_FOLDERS.map(escapeRegExp).join("|")})[^/]+/${escapeRegExp(LIST_FEED_FILE)}$`;
  // Any name that carries a hash, under the site's path.
  const fingerprintedName = pathPrefix ? `^${escapeRegExp(pathPrefix)}/.*${FINGERPRINTED_NAME_PATTERN}` : FINGERPRINTED_NAME_PATTERN;
  const lines = [
    HEADER,
    pathPrefix
      ? `# Va dentro de server { }, después de root: una carpeta donde el sitio (_site/) está en ${pathPrefix.slice(1)}/ (se publica bajo ${pathPrefix}/). Requiere redirects.conf en http { }.`
      : "# Va dentro de server { }, después de root (la carpeta _site/). Requiere redirects.conf en http { }.",
    "server_tokens off;",
    "charset utf-8;",
    "charset_types text/css text/plain text/xml application/xml application/atom+xml application/json application/feed+json application/javascript;",
    "index index.html;",
    // Relative Location headers: right behind a proxy or TLS terminator, whatever port nginx sees.
    "absolute_redirect off;",
    "gzip on;",
    "gzip_vary on;",
    "gzip_min_length 256;",
    "gzip_types text/css text/plain text/xml application/xml application/atom+xml application/json application/feed+json application/javascript image/svg+xml;",
    `error_page 404 ${at(PATHS.notFound)};`,
    ...security(""),
    "",
    `if (${REDIRECT_VARIABLE}) {`,
    `  return 301 ${REDIRECT_VARIABLE};`,
    "}",
    "",
    ...location(at("/"), CACHE_CONTROL.page, ["try_files $uri $uri/ =404;"]),
    "",
    "# Feeds y mapas del sitio, con su tipo (mime.types da text/xml a todo .xml).",
    ...typedFiles(sitemapParts).flatMap(([p, type]) => [...typed(`= ${quote(at(p))}`, type), ""]),
    ...typed(`~ ${quote(listFeeds)}`, CONTENT_TYPES.atom, ["try_files $uri =404;"]),
    "",
    ...IMMUTABLE_PREFIXES.flatMap((p) => [...location(`^~ ${at(p)}`, CACHE_CONTROL.immutable, ["try_files $uri =404;"]), ""]),
    // The files this build named by content, exactly; then any other name that carries a hash.
    ...exactFingerprinted(fingerprinted).flatMap((f) => [...location(`= ${quote(at(f))}`, CACHE_CONTROL.immutable, []), ""]),
    ...location(`~ ${quote(fingerprintedName)}`, CACHE_CONTROL.immutable, ["try_files $uri =404;"]),
    "",
    // Plain prefixes (not ^~): a fingerprinted name under them still takes the rules above.
    ...location(at("/css/"), CACHE_CONTROL.file, ["try_files $uri =404;"]),
    "",
    ...location(at("/js/"), CACHE_CONTROL.file, ["try_files $uri =404;"]),
    "",
    "# Archivos para otros servidores: no se publican.",
    `location = ${at(HEADERS_FILE_URL)} { return 404; }`,
    `location = ${at(PATHS.redirects)} { return 404; }`,
    `location ^~ ${at(NGINX_DIR)} { return 404; }`,
  ];
  return `${lines.join("\n")}\n`;
}

/**
 * A redirect target as nginx must see it: `$` would start a variable in a map value, so everything
 * outside the characters a URL uses literally is percent-encoded (the same URL for a browser). `?`
 * and `#` stay: a forward's target (`redirect_to: https://…?id=1`) may have a query; a site path has neither.
 */
export function nginxUrl(p: string): string {
  return p.replace(/[^A-Za-z0-9/._~!*'(),;:@&=+%?#-]/gu, (c) => encodeURIComponent(c).replace(/[!'()*]/g, (x) => `%${x.charCodeAt(0).toString(16).toUpperCase()}`));
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * A map value that sends the request's query on (nginx's `return` drops it): `/news/190812?utm_source=fb`
 * → `/boletines/…/?utm_source=fb`. A target with a query of its own (`redirect_to:
 * https://www.gob.mx/…?origen=web`) gets `&` and the request's (`?origen=web&utm_source=fb`); a
 * fragment stays last, after the query. Without a query in the request the target is unchanged
 * (`$is_args` is empty then, and so is AND_ARGS_VARIABLE). `target` is already made safe by
 * `nginxUrl`: the only `$` in the result are these variables.
 */
export function withRequestQuery(target: string): string {
  const hashAt = target.indexOf("#");
  const base = hashAt < 0 ? target : target.slice(0, hashAt);
  const fragment = hashAt < 0 ? "" : target.slice(hashAt);
  const query = !base.includes("?") ? "$is_args$args" : /[?&]$/.test(base) ? "$args" : AND_ARGS_VARIABLE;
  return `${base}${query}${fragment}`;
}

/** An nginx double-quoted string. Control characters cannot occur: site paths are validated. */
export function quote(s: string): string {
  return `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

function powerOfTwoAtLeast(n: number, min: number): number {
  let p = min;
  while (p < n) p *= 2;
  return p;
}
