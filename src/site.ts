/**
 * Site-wide constants and the one place they are resolved from the environment.
 * Everything else receives a `SiteConfig`; nothing reads `process.env` directly.
 */
export interface SiteConfig {
  title: string;
  shortTitle: string;
  description: string;
  /** Origin the site is published at, without trailing slash (feeds, sitemaps, canonical links). */
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

export class SiteConfigError extends Error {}

export function resolveSiteConfig(env: NodeJS.ProcessEnv = process.env, base: SiteConfig = DEFAULT_SITE): SiteConfig {
  const site = { ...base };
  const baseUrl = env[SITE_ENV.baseUrl]?.trim();
  if (baseUrl) site.baseUrl = normalizeBaseUrl(baseUrl);
  const zone = env[SITE_ENV.timeZone]?.trim();
  if (zone) {
    if (!isValidTimeZone(zone)) {
      throw new SiteConfigError(`${SITE_ENV.timeZone}=«${zone}» no es una zona horaria IANA válida (por ejemplo America/Mexico_City).`);
    }
    site.timeZone = zone;
  }
  return site;
}

function normalizeBaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new SiteConfigError(`${SITE_ENV.baseUrl}=«${value}» no es una URL absoluta (por ejemplo https://www.imss.gob.mx).`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new SiteConfigError(`${SITE_ENV.baseUrl} debe usar http o https.`);
  }
  if (url.pathname !== "/" || url.search || url.hash) {
    throw new SiteConfigError(
      `${SITE_ENV.baseUrl}=«${value}» debe ser solo un origen (https://dominio), sin ruta: el sitio se publica en la raíz del dominio.`,
    );
  }
  return url.origin;
}

function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
