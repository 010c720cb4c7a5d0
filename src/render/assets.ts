import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PROJECT_ROOT } from "../project-root.ts";
import { withPathPrefix } from "../policy/urls.ts";
import type { RawFile } from "./views.ts";

/**
 * The site's own static assets: one stylesheet, the self-hosted font, the icon and the scripts (search,
 * 404 page, redirect stubs). All get content-hashed file names so hosts can cache them for a year
 * (`immutable`) while a change still reaches readers at once. Fonts come from an npm package (no
 * page may load anything from another host).
 */

/** The stylesheet source, relative to the project root (it is part of the site, not of the content). */
export const STYLESHEET_SOURCE = "public/css/site.css";
/** The search page's script. */
export const SEARCH_SCRIPT_SOURCE = "public/js/search.js";
/** The 404 page's script: the words of the missing address, offered as a search. */
export const NOT_FOUND_SCRIPT_SOURCE = "public/js/not-found.js";
/** The redirect stubs' script: the reader's query and fragment go along to the new address. */
export const REDIRECT_SCRIPT_SOURCE = "public/js/redirect.js";
/** Without an icon every browser asks for /favicon.ico and logs a 404. */
export const FAVICON_SOURCE = "public/favicon.svg";

/**
 * The sources above, published only under their fingerprinted names: the copy of `public/` leaves
 * them out (build/public-files.ts). The unhashed copies were a leftover of the first layouts, which
 * linked `/css/site.css` before the names were fingerprinted: nothing links them, and that
 * stylesheet lacked the generated @font-face.
 */
export const FINGERPRINTED_SOURCES = [STYLESHEET_SOURCE, SEARCH_SCRIPT_SOURCE, NOT_FOUND_SCRIPT_SOURCE, REDIRECT_SCRIPT_SOURCE, FAVICON_SOURCE] as const;

const requireFromHere = createRequire(import.meta.url);

/** Noto Sans, the typeface of the federal identity, latin subset only: Spanish needs no other. */
const FONT_PACKAGE_FILE = "@fontsource-variable/noto-sans/files/noto-sans-latin-wght-normal.woff2";

export interface FontAsset {
  /** Absolute path of the file to copy. */
  source: string;
  /** Site path it is copied to. */
  url: string;
}

export interface SiteAssets {
  /** Fingerprinted stylesheet path, e.g. `/css/site.3f2a9c1b.css`. */
  stylesheetUrl: string;
  /** Fingerprinted SVG icon path. */
  faviconUrl: string;
  /** Fingerprinted search script path. */
  searchScriptUrl: string;
  /** Fingerprinted path of the 404 page's script. */
  notFoundScriptUrl: string;
  /** Fingerprinted path of the redirect stubs' script. */
  redirectScriptUrl: string;
  /** Fonts the stylesheet uses; the first is worth preloading. */
  fonts: FontAsset[];
  /** The stylesheet, the scripts and the icon, written as raw files. */
  files: RawFile[];
}

export function fingerprint(content: string | Buffer, length = 10): string {
  return createHash("sha256").update(content).digest("hex").slice(0, length);
}

/** `/css/site.css` + content → `/css/site.<hash>.css`. */
export function fingerprintedUrl(url: string, content: string | Buffer): string {
  const ext = path.posix.extname(url);
  return `${url.slice(0, url.length - ext.length)}.${fingerprint(content)}${ext}`;
}

export interface AssetSources {
  stylesheet: string;
  searchScript: string;
  notFoundScript: string;
  redirectScript: string;
  favicon: string;
  font: Buffer;
  fontSource: string;
}

export function readAssetSources(root: string = PROJECT_ROOT): AssetSources {
  const fontSource = requireFromHere.resolve(FONT_PACKAGE_FILE);
  return {
    stylesheet: readFileSync(path.join(root, STYLESHEET_SOURCE), "utf8"),
    searchScript: readFileSync(path.join(root, SEARCH_SCRIPT_SOURCE), "utf8"),
    notFoundScript: readFileSync(path.join(root, NOT_FOUND_SCRIPT_SOURCE), "utf8"),
    redirectScript: readFileSync(path.join(root, REDIRECT_SCRIPT_SOURCE), "utf8"),
    favicon: readFileSync(path.join(root, FAVICON_SOURCE), "utf8"),
    font: readFileSync(fontSource),
    fontSource,
  };
}

/**
 * Pure: the same sources always give the same names and bytes (deterministic builds). `pathPrefix`:
 * the path the site is served under (policy/urls.ts `pathPrefixOf`), which the stylesheet's address
 * of the font carries; the files keep their site paths.
 */
export function buildAssets(sources: AssetSources, pathPrefix = ""): SiteAssets {
  const fontUrl = fingerprintedUrl("/fonts/noto-sans-latin.woff2", sources.font);
  // The @font-face rule is generated so that it always names the fingerprinted font file.
  // `optional`: a font that is not there at first paint (slow network, first visit) is not swapped
  // in later, so text never reflows and nothing shifts; the next page has it from the cache.
  const fontFace = [
    "@font-face {",
    '  font-family: "Noto Sans";',
    "  font-style: normal;",
    "  font-display: optional;",
    "  font-weight: 100 900;",
    `  src: url("${withPathPrefix(pathPrefix, fontUrl)}") format("woff2");`,
    "  unicode-range: U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD;",
    "}",
    "",
  ].join("\n");
  const css = fontFace + sources.stylesheet;
  const stylesheetUrl = fingerprintedUrl("/css/site.css", css);
  const searchScriptUrl = fingerprintedUrl("/js/search.js", sources.searchScript);
  const notFoundScriptUrl = fingerprintedUrl("/js/not-found.js", sources.notFoundScript);
  const redirectScriptUrl = fingerprintedUrl("/js/redirect.js", sources.redirectScript);
  const faviconUrl = fingerprintedUrl("/favicon.svg", sources.favicon);
  return {
    stylesheetUrl,
    faviconUrl,
    searchScriptUrl,
    notFoundScriptUrl,
    redirectScriptUrl,
    fonts: [{ source: sources.fontSource, url: fontUrl }],
    files: [
      { url: stylesheetUrl, content: css },
      { url: searchScriptUrl, content: sources.searchScript },
      { url: notFoundScriptUrl, content: sources.notFoundScript },
      { url: redirectScriptUrl, content: sources.redirectScript },
      { url: faviconUrl, content: sources.favicon },
    ],
  };
}
