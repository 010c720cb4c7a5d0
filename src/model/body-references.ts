import path from "node:path";
import { LAYOUT_IDS } from "../policy/anchors.ts";
import { decodeURIComponentSafe } from "../policy/site-paths.ts";
import { acceptedFootnoteLabel, footnoteIds, isFootnoteId } from "../render/footnotes.ts";
import { headingIds, renderMarkdown } from "../render/markdown.ts";
import { findBodyReferences, findFootnoteIssues, findIndentedCode, type FootnoteIssue, type WrittenReference } from "../render/references.ts";
import type { Bulletin, SiteReference } from "./bulletin.ts";
import type { PathClaim } from "./corpus.ts";
import { findFootnoteWriting, type FootnoteWriting } from "./footnote-writing.ts";
import { findKramdownAttributes, findLiquid, holdsLiquid } from "./jekyll.ts";
import type { Problem } from "./problems.ts";

/**
 * What a body points at, checked twice: each file alone (`readBodyReferences`: what the page will
 * not carry — an image from another site, a `javascript:` link, an embedded video) and the whole
 * site (`findBrokenReferences`: links and pictures to paths this build does not write). Warnings,
 * never errors: an archive keeps old bulletins whose links died long ago, and the page still shows
 * the text; but nothing an editor wrote disappears without a word.
 */

/** Where in the file a body offset is: `bodyLine` is the line the body starts on. */
export function bodyPosition(body: string, bodyLine: number, offset: number): { line: number; column: number } {
  let line = bodyLine;
  let lineStart = 0;
  for (let at = body.indexOf("\n"); at !== -1 && at < offset; at = body.indexOf("\n", at + 1)) {
    line++;
    lineStart = at + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

interface BodyContext {
  file: string;
  body: string;
  bodyLine: number;
  /** The page the body is printed on (relative links resolve against it). */
  url: string;
  /** The site's origin (site.ts `baseUrl`): full addresses of its own pages are checked too. */
  siteOrigin?: string;
}

/** The body's problems found in the file alone, and the site paths it points at (checked with the whole site). */
export function readBodyReferences({ file, body, bodyLine, url, siteOrigin }: BodyContext): { problems: Problem[]; references: SiteReference[] } {
  const found = findBodyReferences(body, { url, ...(siteOrigin ? { siteOrigin } : {}) });
  const problems: Problem[] = [];
  const references: SiteReference[] = [];
  const at = (offset: number | undefined) => (offset === undefined ? { line: bodyLine } : bodyPosition(body, bodyLine, offset));
  let anchors: ReadonlySet<string> | undefined;
  for (const r of found.references) {
    // An address made with a Jekyll tag is said once, as the tag (below).
    if (holdsLiquid(r.address)) continue;
    const where = at(r.offset);
    if (r.fate.kind === "fragment") {
      // Only bodies with such a link are rendered here, for their headings' anchors.
      anchors ??= pageAnchors(body);
      if (!anchors.has(r.fate.id)) problems.push({ severity: "warning", code: "body-link-fragment", file, ...where, ...fragmentMessage(r.address, anchors) });
    } else if (r.fate.kind === "site") {
      const fragment = r.kind === "link" && r.fate.fragment !== undefined ? { fragment: r.fate.fragment } : {};
      references.push({ kind: r.kind, path: r.fate.path, ...fragment, written: r.address, ...where });
      // Markdown's `![](…)` says nothing; raw HTML's `alt=""` says "decorative" on purpose, and no `alt` at all says nothing.
      if (r.kind === "image" && (r.raw ? r.alt === undefined : r.alt?.trim() === "")) {
        problems.push({ severity: "warning", code: "body-image-alt-missing", file, ...where, message: `La imagen ${r.address} del texto no tiene texto alternativo.`, hint: `Escribe una descripción entre los corchetes: ![Descripción](${r.address}), para quienes usan lectores de pantalla.` });
      }
    } else if (r.fate.kind === "dropped") {
      problems.push({ severity: "warning", file, ...where, ...droppedMessage(r, r.fate.reason) });
    }
  }
  problems.push(...jekyllProblems(file, body, bodyLine, references));
  for (const issue of findFootnoteIssues(body)) problems.push({ severity: "warning", file, ...at(issue.offset), ...footnoteMessage(issue) });
  for (const issue of findFootnoteWriting(body)) problems.push({ severity: "warning", file, ...at(issue.offset), ...footnoteWritingMessage(issue) });
  const indented = findIndentedCode(body);
  if (indented.count > 0) {
    problems.push({
      severity: "warning",
      code: "body-indented",
      file,
      ...at(indented.offset),
      message: `${indented.count === 1 ? "Un párrafo empieza" : `${indented.count} párrafos empiezan`} con sangría (un tabulador o cuatro espacios): markdown ${indented.count === 1 ? "lo lee" : "los lee"} como código, y la página ${indented.count === 1 ? "lo muestra" : "los muestra"} en letra de máquina.`,
      hint: "Quita la sangría del comienzo de sus líneas: un párrafo se escribe pegado al margen.",
    });
  }
  for (const d of found.dropped) {
    const times = d.count === 1 ? "" : ` (${d.count} veces)`;
    problems.push({
      severity: "warning",
      code: "body-html-dropped",
      file,
      ...at(d.offset),
      message: `El texto trae <${d.tag}>${times}, que el sitio no publica: se quita${d.withContent ? " con lo que tenga dentro" : " la etiqueta y queda lo que tenga dentro"}.`,
      hint: DROPPED_HINTS[d.tag] ?? (FORMATTING.has(d.tag) ? FORMATTING_HINT : "Quítalo, o escribe su contenido como texto del boletín."),
    });
  }
  for (const t of found.asText) {
    const times = t.count === 1 ? "" : ` (${t.count} veces)`;
    problems.push(
      t.namespaced
        ? { severity: "warning", code: "body-word-markup", file, ...at(t.offset), message: `El texto trae «${t.written}»${times}, marcas de Word que se pegaron con el texto: la página las muestra como texto.`, hint: "Quítalas: no son parte del boletín." }
        : {
            severity: "warning",
            code: "body-html-as-text",
            file,
            ...at(t.offset),
            message: `El texto trae «${t.written}»${times}, que no es una etiqueta de HTML: se publica como texto, tal cual.`,
            hint: `Si es parte del texto, escríbelo con una barra inversa antes: \\${t.written} (se ve igual y este aviso desaparece); si querías una etiqueta, corrige su nombre.`,
          },
    );
  }
  return { problems, references };
}

/**
 * Jekyll's tags and kramdown's attribute lists (model/jekyll.ts), each text said once where it first
 * is, with a count. A `post_url` joins `references` instead: it is said with the whole site known,
 * naming the bulletin's address (findBrokenReferences).
 */
function jekyllProblems(file: string, body: string, bodyLine: number, references: SiteReference[]): Problem[] {
  const problems: Problem[] = [];
  const say = (code: string, text: string, count: number, offset: number, message: string, hint: string) =>
    problems.push({ severity: "warning", code, file, ...bodyPosition(body, bodyLine, offset), message: `${message}${count === 1 ? "" : ` (${count} veces)`}.`, hint });
  const tags = findLiquid(body).filter((tag) => {
    if (tag.postUrl === undefined) return true;
    references.push({ kind: "post", path: tag.postUrl, written: tag.text, ...bodyPosition(body, bodyLine, tag.offset) });
    return false;
  });
  for (const [text, { count, offset }] of countByText(tags)) {
    const hint = /^\{\{-?\s*site\.(baseurl|url)\b/.test(text) ? "Quítala: las rutas del sitio empiezan en / (por ejemplo /uploads/2021/foto.jpg o /boletines/2021/08/…/)." : "Quítala, o escribe en su lugar lo que mostraba.";
    say("body-liquid", text, count, offset, liquidMessage(text), hint);
  }
  for (const [text, { count, offset }] of countByText(findKramdownAttributes(body))) {
    say("body-kramdown-attributes", text, count, offset, `El texto tiene «${text}», una lista de atributos de kramdown (Jekyll): este sitio no la interpreta y se publica tal cual`, "Quítala: el sitio no aplica atributos, clases ni estilos al texto (un enlace a otro sitio ya se abre de forma segura).");
  }
  return problems;
}

/** What a footnote's problem means for the page, and what to write (render/footnotes.ts). */
function footnoteMessage({ kind, label, count }: FootnoteIssue): { code: string; message: string; hint: string } {
  const call = `[^${label}]`;
  const times = count === 1 ? "" : ` (${count} veces)`;
  if (kind === "missing") {
    return {
      code: "body-footnote-missing",
      message: `El texto llama a la nota ${call}${times}, pero no hay ninguna nota ${call}: se publica tal cual, con sus corchetes.`,
      hint: `Escribe la nota al final del texto, en un renglón propio: ${call}: Texto de la nota. Si no es una nota, quita la marca.`,
    };
  }
  if (kind === "in-link") {
    return {
      code: "body-footnote-in-link",
      message: `La llamada ${call}${times} está dentro del texto de un enlace o de una imagen: ahí se publica tal cual, con sus corchetes.`,
      hint: `Escríbela fuera de los corchetes del enlace, después de él: [texto](dirección)${call}.`,
    };
  }
  if (kind === "empty") {
    return {
      code: "body-footnote-empty",
      message: `La nota ${call} no tiene texto: se publica vacía al final.`,
      hint: `Escribe el texto de la nota en el mismo renglón, después de «${call}:», o quita la nota y su llamada.`,
    };
  }
  if (kind === "unused") {
    return {
      code: "body-footnote-unused",
      message: `Ningún lugar del texto llama a la nota ${call}: se publica al final, con las notas, pero ningún número lleva a ella.`,
      hint: `Escribe ${call} en el texto, justo después de la palabra o cifra a la que se refiere, o quita la nota.`,
    };
  }
  return {
    code: "body-footnote-repeated",
    message: `La nota ${call} está escrita ${count} veces: las llamadas llevan a la primera, y las otras se publican al final sin número que lleve a ellas.`,
    hint: `Deja una sola nota ${call}:, o dale otro nombre a la otra ([^${label}-2]) y llámala así en el texto.`,
  };
}

/** A footnote written so that it is not read as one, or a note's paragraph that is not the note's (model/footnote-writing.ts). */
function footnoteWritingMessage(issue: FootnoteWriting): { code: string; message: string; hint: string } {
  if (issue.kind === "label") {
    const written = `[^${issue.label}]`;
    const accepted = acceptedFootnoteLabel(issue.label);
    const why = accepted === undefined ? "le falta el nombre" : "el nombre de una nota no puede tener espacios";
    const times = issue.count === 1 ? "" : ` (${issue.count} veces)`;
    const fate =
      issue.linkedTo !== undefined
        ? `La nota «${written}: ${issue.linkedTo}» se toma por la dirección de un enlace: no se publica, y cada llamada ${written} se publica como un enlace a «${issue.linkedTo}».`
        : `Se publica tal cual, con sus corchetes${times}.`;
    return {
      code: "body-footnote-label",
      message: `«${written}» no es una nota al pie: ${why}. ${fate}`,
      hint:
        accepted === undefined
          ? "Escribe un número o una palabra entre «[^» y «]», igual en la llamada y en la nota: [^1] en el texto y [^1]: … al final."
          : `Escribe el nombre sin espacios, igual en la llamada y en la nota: [^${accepted}] en el texto y [^${accepted}]: … al final.`,
    };
  }
  const what = issue.block === "list" ? "La lista" : "El párrafo";
  const start = issue.start.length > 60 ? `${issue.start.slice(0, 60).trimEnd()}…` : issue.start;
  const where =
    issue.indent === 0
      ? "sin sangría"
      : `con ${issue.indent === 1 ? "1 espacio" : `${issue.indent} espacios`} de sangría (una nota sigue solo con cuatro)`;
  return {
    code: "body-footnote-paragraph",
    message: `${what} «${start}» va después de la nota [^${issue.label}], ${where}: no es parte de la nota, y se publica en el texto del boletín, antes de las notas.`,
    hint: "Si es otro párrafo de la nota, escríbelo con cuatro espacios al principio de cada renglón; si es texto del boletín, escríbelo antes de las notas (la página las pone siempre al final).",
  };
}

/** Each text once, in the order first seen: how many times, and where the first one is. */
function countByText(found: ReadonlyArray<{ text: string; offset: number }>): Map<string, { count: number; offset: number }> {
  const counted = new Map<string, { count: number; offset: number }>();
  for (const { text, offset } of found) {
    const seen = counted.get(text);
    if (seen) seen.count++;
    else counted.set(text, { count: 1, offset });
  }
  return counted;
}

function liquidMessage(text: string): string {
  return `El texto tiene «${text}», una etiqueta de Jekyll (Liquid): este sitio no la interpreta y se publica tal cual`;
}

/** The ids a bulletin's page has: its body's headings (policy/anchors.ts), its footnotes (`#fn:1`) and the layout's own. Only bodies a link points into are rendered for this. */
function pageAnchors(body: string): ReadonlySet<string> {
  const html = renderMarkdown(body);
  return new Set([...LAYOUT_IDS, ...headingIds(html), ...footnoteIds(html)]);
}

/** The anchors of a page's headings, for a message (its footnotes' are not named). */
function anchorList(anchors: ReadonlySet<string>): string {
  const own = [...anchors].filter((id) => !LAYOUT_IDS.includes(id) && !isFootnoteId(id));
  return own.length === 0 ? "el texto no tiene títulos" : `las anclas de sus títulos: ${own.slice(0, 5).map((id) => `#${id}`).join(", ")}${own.length > 5 ? "…" : ""}`;
}

function fragmentMessage(address: string, anchors: ReadonlySet<string>): { message: string; hint: string } {
  return {
    message: `El enlace ${address} no lleva a ninguna parte de la página (${anchorList(anchors)}).`,
    hint: "Cada título del texto tiene un ancla hecha de sus palabras: ## Datos importantes → #datos-importantes. Corrige el enlace o el título.",
  };
}

/** Elements that only gave the text a look (a color, a font, a box): their text stays. */
const FORMATTING = new Set(["span", "font", "div", "center", "big", "tt", "strike", "section", "article", "header", "footer", "main", "aside", "nav", "address", "hgroup", "label", "time", "data", "var", "samp", "bdi", "bdo", "wbr", "blink", "marquee", "nobr", "dfn", "ruby", "rt", "rp"]);
const FORMATTING_HINT = "Quítala: el sitio da el mismo formato a todo el texto (para resaltar, usa **negritas** o *cursivas*).";
const EMBED_HINT = "Las páginas no incrustan contenido de otros servidores: para un video escribe su dirección en video: (o un enlace en el texto).";
const CODE_HINT = "Las páginas no llevan código ni estilos del contenido: quítalo.";
const DROPPED_HINTS: Readonly<Record<string, string>> = {
  iframe: EMBED_HINT,
  object: EMBED_HINT,
  embed: EMBED_HINT,
  video: EMBED_HINT,
  audio: "Las páginas no incrustan audio: escribe su dirección en audio: (o un enlace en el texto).",
  source: EMBED_HINT,
  script: CODE_HINT,
  style: CODE_HINT,
  noscript: CODE_HINT,
  template: CODE_HINT,
};

function droppedMessage(r: WrittenReference, reason: string): { code: string; message: string; hint: string } {
  const shown = r.address.trim() === "" ? "sin dirección" : `«${r.address}»`;
  if (r.kind === "image") {
    if (reason === "empty") return { code: "body-image-dropped", message: "Una imagen del texto no tiene dirección y no se muestra.", hint: "Escribe la ruta entre los paréntesis: ![Descripción](/uploads/AAAA/archivo.jpg), con el archivo en public/uploads/." };
    const message = `La imagen ${shown} del texto no se muestra: `;
    const hint = "Copia la imagen a public/uploads/ y escríbela con su ruta en el sitio: ![Descripción](/uploads/AAAA/archivo.jpg).";
    if (reason === "other-site") return { code: "body-image-dropped", message: message + "está en otro sitio, y las páginas no cargan nada de otros servidores.", hint };
    if (reason === "relative") return { code: "body-image-dropped", message: message + "las imágenes del texto se escriben con su ruta desde la raíz del sitio (/uploads/…).", hint };
    return { code: "body-image-dropped", message: message + "no es la ruta de una imagen del sitio.", hint };
  }
  const message = `El enlace ${shown} se publica sin dirección (queda el texto): `;
  if (reason === "protocol-relative") return { code: "body-link-dropped", message: message + "una dirección que empieza con // no dice su protocolo.", hint: `Escribe la dirección completa, con https: (https:${r.address.trim()}).` };
  if (reason === "empty") return { code: "body-link-dropped", message: message + "está vacío.", hint: "Escribe la dirección entre los paréntesis, o quita el enlace." };
  return { code: "body-link-dropped", message: message + "solo se publican enlaces http, https, mailto y tel, y rutas del sitio.", hint: "Corrige la dirección (https://…) o quita el enlace." };
}

/** What a build writes besides its bulletins' pages. */
export interface WrittenSite {
  /** Generated pages and files, public/ files, and the folders the site keeps (`holdsFolder`). */
  claims: Iterable<PathClaim>;
  /** Every old path that leads to a bulletin (its redirect stubs): corpus.ts `redirectsOf`. */
  redirectsOf: (b: Bulletin) => readonly string[];
  /** Files that forward their addresses (`redirect_to:`, corpus.ts `selectForwards`): their addresses are written, and a target on this site is checked like a link. */
  forwards?: readonly Bulletin[];
}

/**
 * Links and pictures of the published bulletins whose path this build does not write: `site` says
 * what it writes besides the published bulletins' pages. `all` are every valid bulletin, to tell a draft or an
 * embargoed bulletin from a path that leads nowhere. Paths are only compared with the few that
 * bodies point at (one pass, no map of the whole site: an edit's rebuild pays for it too).
 */
export function findBrokenReferences(published: readonly Bulletin[], all: readonly Bulletin[], site: WrittenSite): Problem[] {
  const forwards = site.forwards ?? [];
  // Each reference with its file; a forward's target on this site is one too.
  const checked: Array<{ b: Bulletin; r: SiteReference; forward?: true }> = [];
  for (const b of published) for (const r of b.references ?? []) checked.push({ b, r });
  for (const f of forwards) {
    if (!f.redirectTo!.startsWith("/")) continue;
    const at = f.positions["redirect_to"];
    checked.push({ b: f, r: { kind: "link", path: f.redirectTo!, written: f.redirectTo!, line: at?.line ?? 1, ...(at ? { column: at.column } : {}) }, forward: true });
  }
  if (checked.length === 0) return [];
  // Each key pointed at, and whether the site writes it; lower-cased keys for the case hint.
  const wanted = new Map<string, boolean>();
  const wantedLower = new Map<string, string | undefined>();
  for (const { r } of checked) {
    if (r.kind === "post") continue;
    wanted.set(targetKey(r.path), false);
    // `/public/uploads/…` names the folder, not the address: the file it meant is looked for too.
    const meant = withoutPublic(r.path);
    if (meant) wanted.set(targetKey(meant), false);
  }
  for (const key of wanted.keys()) wantedLower.set(key.toLowerCase(), undefined);
  const folders: string[] = [];
  const see = (p: string) => {
    const key = targetKey(p);
    if (wanted.has(key)) wanted.set(key, true);
    const lower = key.toLowerCase();
    if (wantedLower.has(lower) && wantedLower.get(lower) === undefined) wantedLower.set(lower, p);
  };
  for (const claim of site.claims) {
    if (claim.holdsFolder === "whole") folders.push(targetKey(claim.path));
    if (!claim.holdsFolder) see(claim.path);
  }
  for (const b of [...published, ...forwards]) {
    see(b.url);
    for (const p of site.redirectsOf(b)) see(p);
  }
  const publishedSet = new Set(published);
  const unpublished = new Map<string, Bulletin>();
  for (const b of all) if (!publishedSet.has(b)) for (const p of [b.url, ...b.redirectFrom]) unpublished.set(targetKey(p), b);
  const problems: Problem[] = [];
  let byFileName: Map<string, Bulletin> | undefined;
  let pageByKey: Map<string, Bulletin> | undefined;
  const anchorsOf = new Map<Bulletin, ReadonlySet<string>>();
  for (const { b, r, forward } of checked) {
    if (r.kind === "post") {
      byFileName ??= new Map(all.map((x) => [path.posix.basename(x.id), x]));
      const named = byFileName.get(r.path);
      problems.push({
        severity: "warning",
        code: "body-liquid",
        file: b.file,
        line: r.line,
        ...(r.column === undefined ? {} : { column: r.column }),
        message: `${liquidMessage(r.written)}.`,
        hint: named ? `Escribe la dirección del boletín: ${named.url}` : `Ningún boletín tiene el archivo ${r.path}.md: escribe la dirección del boletín (/boletines/AAAA/MM/…/).`,
        ...(named ? { otherFile: named.file } : {}),
      });
      continue;
    }
    const key = targetKey(r.path);
    const where = { file: b.file, line: r.line, ...(r.column === undefined ? {} : { column: r.column }) };
    if (wanted.get(key) || folders.some((f) => key.startsWith(`${f}/`))) {
      // A place on another bulletin's page: checked against that page's anchors (a redirect stub's or another page's are not known here).
      if (r.fragment === undefined) continue;
      pageByKey ??= new Map(published.map((x) => [targetKey(x.url), x]));
      const target = pageByKey.get(key);
      if (!target) continue;
      let anchors = anchorsOf.get(target);
      if (!anchors) anchorsOf.set(target, (anchors = pageAnchors(target.body)));
      if (!anchors.has(r.fragment)) {
        const { hint } = fragmentMessage(r.written, anchors);
        problems.push({ severity: "warning", code: "body-link-fragment", ...where, otherFile: target.file, message: `El enlace a ${r.written} lleva a «${target.title}», pero esa página no tiene el ancla #${r.fragment} (${anchorList(anchors)}).`, hint });
      }
      continue;
    }
    const what = forward ? `redirect_to: ${r.written}` : r.kind === "image" ? `La imagen ${r.written} del texto` : `El enlace a ${r.written}`;
    const resolved = r.written === r.path ? "" : ` (${r.path})`;
    const other = unpublished.get(key);
    if (other) {
      const why = other.draft ? "es un borrador" : "tiene fecha posterior a hoy";
      const hint = forward ? "La redirección funcionará cuando ese boletín se publique." : "El enlace funcionará cuando ese boletín se publique; si no se va a publicar, quita el enlace.";
      problems.push({ severity: "warning", code: forward ? "redirect-unpublished" : "body-link-unpublished", ...where, otherFile: other.file, message: `${what} lleva a «${other.title}», que no se publica en esta compilación: ${why}.`, hint });
      continue;
    }
    const sameButCase = wantedLower.get(key.toLowerCase());
    const meant = withoutPublic(r.path);
    const hint = meant && wanted.get(targetKey(meant))
      ? `Quita /public del principio: ${meant} (lo que está en public/ se publica desde la raíz del sitio).`
      : sameButCase
      ? `¿Quisiste decir ${sameButCase}? Las direcciones distinguen mayúsculas y minúsculas.`
      : forward
        ? "Escribe la dirección de un boletín publicado, o una dirección completa (https://…)."
        : r.kind === "image"
          ? meant
            ? `Copia el archivo a public${decodeTarget(meant)} y escribe ${meant}, sin /public (lo que está en public/ se publica desde la raíz del sitio).`
            : `Copia el archivo a public${decodeTarget(r.path)} o corrige la ruta.`
          : "Corrige la dirección o quita el enlace. Si era una dirección del sitio anterior, el boletín que la tenía puede llevarla en redirect_from.";
    const message = r.kind === "image" ? `${what}${resolved} no existe en public/ y no se mostrará.` : `${what}${resolved} no lleva a ninguna página del sitio.`;
    problems.push({ severity: "warning", code: forward ? "redirect-broken" : r.kind === "image" ? "body-image-missing" : "body-link-broken", ...where, message, hint });
  }
  return problems;
}

/** A path written with the public/ folder in it (`/public/uploads/a.jpg`), without it; undefined for any other. */
function withoutPublic(p: string): string | undefined {
  return /^\/public\//i.test(p) ? p.slice("/public".length) : undefined;
}

/** How a host finds a path: percent-decoded, `index.html` and the trailing slash optional; case kept. */
function targetKey(p: string): string {
  const decoded = decodeTarget(p);
  const page = decoded.endsWith("/index.html") ? decoded.slice(0, -"index.html".length) : decoded;
  return page.endsWith("/") ? page.slice(0, -1) : page;
}

function decodeTarget(p: string): string {
  return p.includes("%") ? decodeURIComponentSafe(p) : p;
}
