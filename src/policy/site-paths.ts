/**
 * Validation of site paths written by editors (`permalink:`, `redirect_from:`).
 * Nothing an editor writes may leave the site: no scheme, no host, no `..`, no query string.
 */
export type SitePathResult = { ok: true; path: string } | { ok: false; message: string; hint: string };

const SEGMENT_RE = /^[A-Za-z0-9._~!$'()*+,;=@%-]+$/;

/** The placeholders of Jekyll's permalinks (jekyllrb.com/docs/permalinks): legacy posts may copy a pattern. */
const JEKYLL_PLACEHOLDERS = new Set([
  "year", "month", "i_month", "day", "i_day", "y_day", "short_year", "hour", "minute", "second", "title", "slug",
  "categories", "slugified_categories", "output_ext", "name", "path", "basename", "collection",
  "week", "w_year", "w_day", "short_month", "long_month", "short_day", "long_day",
]);
const MAX_PATH_BYTES = 400;
const MAX_SEGMENT_BYTES = 200;

export interface SitePathOptions {
  /** Field name for messages. */
  field: "permalink" | "redirect_from" | "redirect_to";
  /**
   * What Jekyll's placeholders (`:year`, `:title`…) stand for in this bulletin, to suggest the path
   * written out when an editor copies a Jekyll permalink pattern (this site expands none).
   */
  placeholders?: () => Readonly<Record<string, string>>;
}

/**
 * Returns the canonical form: leading `/`, and a trailing `/` unless the last segment names a file
 * (`.html`, `.htm`, or another extension a legacy server used: `.php`, `.aspx`…).
 */
export function normalizeSitePath(raw: string, { field, placeholders }: SitePathOptions): SitePathResult {
  const value = raw.trim();
  const example = field === "permalink" ? "/boletines/especiales/mi-boletin/" : "/news/190812";
  const hint = `Escribe una ruta del sitio que empiece con «/», sin dominio, sin «..» ni «?», por ejemplo ${example}.`;
  if (/^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith("//")) {
    return { ok: false, message: `«${value}» es una dirección externa; ${field} solo acepta rutas de este sitio.`, hint: pathHint(value) ?? hint };
  }
  if (!value.startsWith("/")) return { ok: false, message: `«${value}» debe empezar con «/».`, hint };
  if (value.includes("?") || value.includes("#")) {
    return { ok: false, message: `«${value}» contiene «?» o «#»: una ruta no lleva parámetros ni anclas.`, hint };
  }
  if (value.includes("\\")) return { ok: false, message: `«${value}» contiene «\\».`, hint };
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return { ok: false, message: `«${value}» tiene una codificación % inválida.`, hint };
  }
  const jekyll = [...new Set([...value.matchAll(/:([a-z_]+)/g)].map((m) => m[1]!))].filter((name) => JEKYLL_PLACEHOLDERS.has(name));
  if (jekyll.length > 0) {
    // Only now asked for (made for every path otherwise: every redirect of every bulletin).
    const values = placeholders?.() ?? {};
    const expanded = value.replace(/:([a-z_]+)/g, (whole, name: string) => (JEKYLL_PLACEHOLDERS.has(name) ? values[name] : undefined) ?? whole);
    // Suggested only when every placeholder is known here and the result is a valid path.
    const written = jekyll.every((name) => values[name] !== undefined) ? normalizeSitePath(expanded, { field }) : undefined;
    return {
      ok: false,
      message: `«${value}» usa marcadores de Jekyll (${jekyll.map((n) => `:${n}`).join(", ")}): este sitio no los expande, la ruta se escribe completa.`,
      hint: written?.ok ? `Escribe ${field}: ${written.path}` : hint,
    };
  }
  const segments = value.split("/").slice(1);
  const trailingSlash = value.endsWith("/");
  if (trailingSlash) segments.pop();
  if (segments.length === 0) return { ok: false, message: `«${value}» es la portada del sitio.`, hint };
  for (const segment of segments) {
    if (segment === "") return { ok: false, message: `«${value}» contiene «//».`, hint };
    // Encoded too (`%2e`): a host decodes it, and `/news/%2e/` is the folder `/news/`.
    const plain = decodeURIComponentSafe(segment);
    if (plain === "." || plain === "..") {
      return { ok: false, message: `«${value}» contiene «..» o «.»: no puede salir de su carpeta.`, hint };
    }
    if (!SEGMENT_RE.test(segment)) {
      return { ok: false, message: `«${value}» contiene caracteres no permitidos en «${segment}».`, hint: encodedHint(value, field) ?? hint };
    }
    // A host decodes the path before looking it up: an encoded `/`, `\` or control character would change it.
    if (/[/\\\u0000-\u001f\u007f]/.test(decodeURIComponentSafe(segment))) {
      return { ok: false, message: `«${value}» codifica caracteres peligrosos en «${segment}» (una «/», una «\\» o un carácter de control).`, hint };
    }
    if (Buffer.byteLength(segment) > MAX_SEGMENT_BYTES) return { ok: false, message: `Un tramo de «${value}» es demasiado largo.`, hint };
  }
  if (decoded.includes("/../") || decoded.includes("\0") || decoded.includes("\\")) {
    return { ok: false, message: `«${value}» codifica caracteres peligrosos.`, hint };
  }
  if (Buffer.byteLength(value) > MAX_PATH_BYTES) return { ok: false, message: `«${value}» es demasiado larga.`, hint };
  const last = segments[segments.length - 1] ?? "";
  const namesFile = !trailingSlash && /\.[A-Za-z0-9]{1,5}$/.test(last);
  return { ok: true, path: namesFile ? `/${segments.join("/")}` : `/${segments.join("/")}/` };
}

/** A site path needs no scheme and no host: this origin only resolves a page's relative addresses. */
const PAGE_ORIGIN = "https://sitio.invalid";

/**
 * An address as a browser on the page at `pageUrl` (a site path) resolves it: its `pathname` is the
 * site path it asks for, percent-encoded as the browser sends it. Throws when the address cannot be parsed.
 */
export function resolveOnPage(address: string, pageUrl: string): URL {
  return new URL(address, PAGE_ORIGIN + pageUrl);
}

/** `decodeURIComponent` that returns the input unchanged when it is not valid percent-encoding. */
export function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Whether a redirect can be served by a static HTML stub (directory style or an `.html` file). */
export function hasHtmlStub(path: string): boolean {
  return path.endsWith("/") || /\.html?$/i.test(path);
}

/**
 * For a path written with letters outside ASCII (`/noticias/vacunación`): the same path percent-encoded,
 * as it travels in a URL, when that one is valid.
 */
function encodedHint(value: string, field: SitePathOptions["field"]): string | undefined {
  if (!/[^\u0000-\u007f]/.test(value)) return undefined;
  const encoded = value.replace(/[^\u0000-\u007f]+/gu, (c) => encodeURIComponent(c.normalize("NFC")));
  const result = normalizeSitePath(encoded, { field });
  return result.ok ? `Escribe las letras con acento (o fuera del alfabeto inglés) codificadas con %, como viajan en una dirección: ${encoded}` : undefined;
}

/** For a whole address (`https://www.imss.gob.mx/prensa/archivo/190812`): the path to write instead, if it is one of this site's. */
function pathHint(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if ((url.protocol !== "https:" && url.protocol !== "http:") || url.pathname === "/") return undefined;
  return `Si es una dirección de este sitio, escribe solo su ruta, sin dominio: ${url.pathname}`;
}
