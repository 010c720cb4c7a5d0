import { pathPrefixOf } from "./policy/urls.ts";

/**
 * Site-wide constants and the one place they are resolved from the environment.
 * Everything else receives a `SiteConfig`; nothing reads `process.env` directly.
 */
export interface SiteConfig {
  title: string;
  shortTitle: string;
  description: string;
  /**
   * Where the site is published, without trailing slash: an origin (`https://www.imss.gob.mx`), or an
   * origin and the path the site is served under (`https://imss-mx.github.io/boletines`: a GitHub
   * Pages site without a custom domain). Absolute addresses (feeds, sitemaps, canonical links) start
   * with it; every link a page prints to the site starts with its path (policy/urls.ts `pathPrefixOf`).
   */
  baseUrl: string;
  /** Host used in Atom `tag:` ids; kept fixed so ids survive a move to another domain. */
  idAuthority: string;
  locale: "es-MX";
  language: "es";
  /** IANA zone for dates written without an offset, and for `Z` times. */
  timeZone: string;
  /** Section given to a bulletin that names none. */
  defaultSection: string;
  /** Section `boletines import` gives a release of a state office («IMSS Chihuahua…»; src/import/state-office.ts), as the legacy site's posts have it. */
  stateOfficeSection: string;
  /** Items on every paginated list (tags, sections, archives). */
  pageSize: number;
  /** Entries in the site's and each section's feed (with each bulletin's whole text). */
  feedSize: number;
  /**
   * Entries in each topic's feed. A topic feed carries each bulletin's summary and address, not its
   * text: there is one per topic (hundreds), and with the whole text of 50 they would add a third to the site
   * (10,000 bulletins, 286 topics: 74 MB against 5.6 MB).
   */
  tagFeedSize: number;
  /** Latest bulletins on the home page. */
  homeLatest: number;
  /** Featured (`front: true`) bulletins on the home page. */
  homeFeatured: number;
  /**
   * Published bulletins per search index at most: a year with more is split into parts of whole
   * months (src/render/site-data.ts `searchShardPlan`). Pagefind's time and memory grow with an
   * index, and an edit makes its index again.
   */
  searchIndexPages: number;
  publisher: { name: string; url: string };
}

export const DEFAULT_SITE: SiteConfig = {
  title: "Boletines de prensa del IMSS",
  shortTitle: "Boletines IMSS",
  description:
    "Boletines de prensa del Instituto Mexicano del Seguro Social: comunicados nacionales y de las representaciones estatales.",
  baseUrl: "https://www.imss.gob.mx",
  idAuthority: "imss.gob.mx,2024",
  locale: "es-MX",
  language: "es",
  timeZone: "America/Mexico_City",
  defaultSection: "Nacional",
  stateOfficeSection: "Local",
  pageSize: 20,
  feedSize: 50,
  tagFeedSize: 20,
  homeLatest: 12,
  homeFeatured: 3,
  searchIndexPages: 2000,
  publisher: { name: "Instituto Mexicano del Seguro Social", url: "https://www.imss.gob.mx" },
};

/** Environment variables that change the site (documented in the README). */
export const SITE_ENV = {
  baseUrl: "BOLETINES_BASE_URL",
  timeZone: "BOLETINES_TIME_ZONE",
} as const;

export class SiteConfigError extends Error {
  // By name, so that the CLI tells it apart without loading this module (src/cli/index.ts).
  override name = "SiteConfigError";
}

/**
 * The site's settings from the environment. `notes`, when given, receives what was read otherwise
 * than written (in Spanish, for the person who set it): a base URL written with a trailing slash.
 */
export function resolveSiteConfig(env: NodeJS.ProcessEnv = process.env, base: SiteConfig = DEFAULT_SITE, notes?: string[]): SiteConfig {
  const site = { ...base };
  const baseUrl = env[SITE_ENV.baseUrl]?.trim();
  if (baseUrl) {
    site.baseUrl = normalizeBaseUrl(baseUrl);
    const prefix = pathPrefixOf(site.baseUrl);
    if (prefix && baseUrl.endsWith("/")) notes?.push(`${SITE_ENV.baseUrl}=«${baseUrl}» se lee sin la «/» final: ${site.baseUrl} (el sitio se publica bajo ${prefix}/).`);
  }
  const zone = env[SITE_ENV.timeZone]?.trim();
  if (zone) {
    if (!isValidTimeZone(zone)) {
      throw new SiteConfigError(`${SITE_ENV.timeZone}=«${zone}» no es una zona horaria IANA válida (por ejemplo America/Mexico_City).`);
    }
    site.timeZone = zone;
  }
  return site;
}

/**
 * The site as the preview (`boletines serve`, at http://localhost:8080/) makes it: at the root of its
 * origin, whatever path it is published under. The preview's server answers at the root, and its
 * pages are never indexed: its canonical addresses need not be the published ones.
 */
export function atRootOfOrigin(site: SiteConfig): SiteConfig {
  return pathPrefixOf(site.baseUrl) ? { ...site, baseUrl: new URL(site.baseUrl).origin } : site;
}

/** Path segments a base URL may have: the characters a URL carries as they are (a GitHub repository's name has only these). */
const BASE_PATH_SEGMENT = /^[A-Za-z0-9._~-]+$/;

/**
 * `https://dominio` or `https://dominio/ruta/del/sitio`, without trailing slash. Refused, with what to
 * write instead: anything but an absolute http(s) URL, a user or password, a query or a fragment, and
 * a path that is not a plain prefix (`//`, `.` or `..`, `\`, percent-encoding or characters a URL
 * would encode). One trailing slash is dropped (`https://imss-mx.github.io/boletines/`).
 */
function normalizeBaseUrl(value: string): string {
  const example = "por ejemplo https://www.imss.gob.mx, o https://imss-mx.github.io/boletines para un sitio publicado bajo una ruta";
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new SiteConfigError(`${SITE_ENV.baseUrl}=«${value}» no es una URL absoluta (${example}).`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new SiteConfigError(`${SITE_ENV.baseUrl} debe usar http o https.`);
  }
  const problem = (what: string) => new SiteConfigError(`${SITE_ENV.baseUrl}=«${value}» ${what}: debe ser el origen del sitio y, si se publica bajo una ruta, esa ruta (${example}).`);
  if (url.username || url.password) throw problem("lleva usuario o contraseña");
  if (value.includes("?") || value.includes("#")) throw problem("lleva parámetros (?…) o un ancla (#…)");
  // The path as written: URL would resolve `..`, turn `\` into `/` and encode what it must.
  const written = /^[a-z][a-z0-9+.-]*:\/\/[^/\\]*(.*)$/i.exec(value)?.[1] ?? "";
  if (written.includes("\\")) throw problem("lleva «\\» en su ruta");
  const segments = written.split("/").slice(1);
  if (segments.length > 0 && segments[segments.length - 1] === "") segments.pop();
  for (const segment of segments) {
    if (segment === "") throw problem("lleva «//» en su ruta");
    if (segment === "." || segment === ".." || /^(%2e|\.)+$/i.test(segment)) throw problem("lleva «.» o «..» en su ruta");
    if (!BASE_PATH_SEGMENT.test(segment)) throw problem(`lleva en su ruta caracteres que una dirección codifica («${segment}»); usa solo letras sin acento, números, «-», «_», «.» y «~»`);
  }
  return segments.length ? `${url.origin}/${segments.join("/")}` : url.origin;
}

function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
