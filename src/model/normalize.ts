import { fieldFootnote, fieldMarkup, type FieldFootnote, type FieldMarkup } from "./field-markup.ts";
import path from "node:path";
import type { SiteConfig } from "../site.ts";
import { DATE_FORMATS_HINT, parseBulletinDate, type BulletinDate } from "../policy/dates.ts";
import { findUnpublishable, hasUnpublishable, publishable } from "../policy/characters.ts";
import { isAbsent } from "../policy/empty.ts";
import { acronymsIn, cleanLabel, labelSlug, shoutedLabel, type Label } from "../policy/labels.ts";
import { foldName, nearestName } from "../policy/nearest.ts";
import { formatCount } from "../policy/numbers.ts";
import { hasHtmlStub, normalizeSitePath } from "../policy/site-paths.ts";
import { isCanonicalSlug, slugify } from "../policy/slug.ts";
import { LONGEST_TITLE, titleFault, titleLength } from "../policy/titles.ts";
import { bulletinUrl, PATHS, sitePathOfAddress } from "../policy/urls.ts";
import { BODY_PLACEHOLDER, FIELD_ALIASES, JEKYLL_FIELD_HINTS, KNOWN_FIELDS, type Bulletin, type BulletinImage, type KnownField, type ShoutedLabel, type SiteReference } from "./bulletin.ts";
import { bodyPosition, readBodyReferences } from "./body-references.ts";
import { itemPosition, type SourceDocument } from "./load.ts";
import type { Problem } from "./problems.ts";

export interface NormalizeContext {
  site: SiteConfig;
  /** Whether a site path (e.g. `/uploads/2021/a.jpg`) exists under `public/`. */
  imageExists: (sitePath: string) => boolean;
}

export interface NormalizeResult {
  bulletin?: Bulletin;
  problems: Problem[];
  /**
   * A file with errors has no `bulletin`, but when its addresses are known all the same (no error in
   * the fields that make them: title, date, slug, permalink) it is here, as far as it could be read: so
   * that one run says every problem, a collision of this file with another included (corpus.ts).
   * Never published, rendered or listed.
   */
  partial?: Bulletin;
}

/** Fields whose errors leave a file's page address unknown (see `NormalizeResult.partial`). */
const ADDRESS_FIELDS: ReadonlySet<string> = new Set(["title", "date", "slug", "permalink"]);

/** Where undated drafts are previewed (they have no year/month yet). */
export const UNDATED_DRAFTS_PATH = "/borradores/";

const MAX_TAGS = 50;

/**
 * Turns one parsed file into a `Bulletin`, or says precisely why it cannot. Each field is read by a
 * function of its own, in the order below: the problems come out in that order.
 */
export function normalizeBulletin(doc: SourceDocument, ctx: NormalizeContext): NormalizeResult {
  const fm = new FrontMatter(doc);
  reportUnknownFields(fm);
  reportDroppedComments(fm);
  const title = readTitle(fm);
  // Jekyll's `published: false` kept a post off the legacy site: it stays off this one too (a draft).
  const draft = fm.flag("draft") || (!isAbsent(fm.data["published"]) && !fm.flag("published"));
  const featured = fm.flag("front");
  const { date, updated } = readDates(fm, ctx, draft);
  const section = readSection(fm, ctx);
  const tags = readTags(fm);
  const shouted = shoutedLabelsOf(fm, section, tags);
  const video = fm.link("video");
  const audio = fm.link("audio");
  const photos = fm.link("photos");
  const alt = fm.text("alt");
  const image = imageValue(fm.text("image"), alt, title, ctx, fm);
  const { slug, url, hasPermalink, hasSlug } = readAddress(fm, title, date);
  const redirectFrom = readRedirects(fm, date, slug);
  const redirectTo = readForward(fm, url, redirectFrom, ctx.site.baseUrl);
  const number = numberValue(fm.text("number"), date, fm);
  const city = fm.text("city");
  const author = fm.text("author");
  const highlights = listValue(fm.data["highlights"], "highlights", (m, h) => fm.error("field-type", "highlights", m, h), false).map((h) => h.trim()).filter(Boolean);
  const layout = fm.text("layout");
  if (layout !== undefined && layout !== "post") fm.warn("layout-ignored", "layout", `«layout: ${layout}» se ignora: todos los boletines usan la misma plantilla.`, "Quita el campo layout.");
  const description = fm.text("description");
  if (title) reportLongTitle(fm, title, description);
  reportFieldMarkup(fm, { title, description, alt, city, author }, highlights);
  // A forward has no page: no description, text or links of its own to check.
  if (!description && !draft && !redirectTo) fm.warn("description-missing", "description", "El boletín no tiene descripción (se usa en buscadores y redes sociales).", 'Agrega description: "Una frase que resuma el boletín".');
  const body = publishableBody(fm);
  let references: SiteReference[] = [];
  if (redirectTo) {
    if (body.trim() !== "") fm.warn("forward-body-unused", "redirect_to", `El texto de este archivo no se publica: redirect_to lleva sus direcciones a ${redirectTo}.`, "Si el texto debe publicarse, quita redirect_to; si no, puedes borrarlo.");
  } else {
    checkBody(fm, body, draft);
    const read = readBodyReferences({ file: doc.file, body, bodyLine: doc.bodyLine, url, siteOrigin: ctx.site.baseUrl });
    fm.problems.push(...read.problems);
    references = read.references;
  }

  const { problems } = fm;
  if (!title) return { problems };
  const acronyms = acronymsIn([title, description ?? "", ...highlights, body]);
  const bulletin: Bulletin = {
    id: doc.relPath.replace(/\.(md|markdown)$/i, ""),
    file: doc.file,
    title,
    ...(date ? { date } : {}),
    ...(updated ? { updated } : {}),
    ...(description ? { description: description.replace(/\s+/g, " ") } : {}),
    section,
    tags,
    ...(author ? { author } : {}),
    ...(image ? { image } : {}),
    ...(video ? { video } : {}),
    ...(audio ? { audio } : {}),
    ...(photos ? { photos } : {}),
    featured,
    draft,
    slug,
    url,
    hasPermalink,
    ...(hasSlug ? { hasSlug } : {}),
    redirectFrom,
    ...(redirectTo ? { redirectTo } : {}),
    ...(number ? { number } : {}),
    ...(city ? { city } : {}),
    highlights,
    ...(references.length > 0 ? { references } : {}),
    ...(shouted.length > 0 ? { shouted } : {}),
    ...(acronyms.length > 0 ? { acronyms } : {}),
    body,
    bodyLine: doc.bodyLine,
    positions: doc.fields,
  };
  const errors = problems.filter((p) => p.severity === "error");
  if (errors.length > 0) return errors.some((p) => p.field !== undefined && ADDRESS_FIELDS.has(p.field)) ? { problems } : { problems, partial: bulletin };
  return { bulletin, problems };
}

/**
 * Markup in the text fields (`**negritas**`, `m<sup>2</sup>`, `[enlace](…)`, `&nbsp;`): printed as
 * written, so readers would see it; said once per field, with the value as it reads without it. So is
 * a footnote's call (`[^1]`): only the body has notes.
 */
function reportFieldMarkup(fm: FrontMatter, texts: Partial<Record<"title" | "description" | "alt" | "city" | "author", string>>, highlights: readonly string[]): void {
  const say = (field: string, markup: FieldMarkup, instead: string) =>
    fm.warn("field-markup", field, `«${markup.found}» se publica tal cual, con sus marcas: ${field} es texto, no markdown ni HTML.`, `${instead} ${JSON.stringify(markup.plain)} (sin marcas; en el texto del boletín sí se pueden usar).`, markup.found);
  const sayNote = (field: string, { call, plain }: FieldFootnote, instead: string) => {
    // `[^1]:` already written in the body: the note is there, only its call is in the wrong place.
    const noted = call.length > 3 && fm.doc.body.includes(`${call}:`);
    fm.warn(
      "field-footnote",
      field,
      `«${call}» se publica tal cual, con sus corchetes: ${field} es texto, y las notas al pie solo existen en el texto del boletín.`,
      noted
        ? `El texto ya tiene la nota ${call}: escribe la llamada ${call} en el texto del boletín, donde corresponde, y quítala de ${field}. ${instead} ${JSON.stringify(plain)}`
        : `Si la nota hace falta, escribe la llamada ${call} en el texto del boletín y la nota al final del texto, en un renglón propio (${call}: …); si no, quita la llamada. ${instead} ${JSON.stringify(plain)}`,
      call,
    );
  };
  for (const [field, value] of Object.entries(texts)) {
    if (value === undefined) continue;
    const note = fieldFootnote(value);
    if (note) sayNote(field, note, `Escribe ${field}:`);
    const markup = fieldMarkup(value);
    if (markup) say(field, markup, `Escribe ${field}:`);
  }
  let markupSaid = false;
  let noteSaid = false;
  for (const item of highlights) {
    const note = noteSaid ? undefined : fieldFootnote(item);
    if (note) {
      sayNote("highlights", note, "Escribe ese punto así:");
      noteSaid = true;
    }
    const markup = markupSaid ? undefined : fieldMarkup(item);
    if (markup) {
      say("highlights", markup, "Escribe ese punto así:");
      markupSaid = true;
    }
    if (markupSaid && noteSaid) break;
  }
}

/**
 * The front matter of the file being normalized, read field by field, and the problems found in it
 * (each with the field's line and column), in the order they were found.
 */
class FrontMatter implements Reporter {
  readonly problems: Problem[] = [];
  readonly data: Record<string, unknown>;

  constructor(readonly doc: SourceDocument) {
    this.data = this.publishableData(doc.data);
  }

  /**
   * The fields with the characters no page can carry as spaces (policy/characters.ts), each field
   * that had any said once. Only known fields: the others are not published.
   */
  private publishableData(data: Record<string, unknown>): Record<string, unknown> {
    let copy: Record<string, unknown> | undefined;
    for (const field of KNOWN_FIELDS) {
      const value = Object.hasOwn(data, field) ? data[field] : undefined;
      if (!hasUnpublishable(value)) continue;
      const texts = typeof value === "string" ? [value] : (value as unknown[]).filter((v): v is string => typeof v === "string");
      const described = [...new Set(texts.flatMap((t) => findUnpublishable(t)?.described ?? []))].join(", ");
      // The quick scan also stops at every whole surrogate pair (an emoji): only real finds count.
      if (!described) continue;
      copy ??= { ...data };
      copy[field] = typeof value === "string" ? publishable(value) : (value as unknown[]).map((v) => (typeof v === "string" ? publishable(v) : v));
      this.warn(
        "invisible-characters",
        field,
        `«${field}» tiene caracteres invisibles que una página web no admite: ${described}. Se publican como espacios.`,
        "Bórralos: suelen llegar al copiar de Word o de un PDF, o de un escape «\\x…» entre comillas dobles.",
      );
    }
    return copy ?? data;
  }

  /** `item`: the list item (or value) the problem is about, as written: its own line is named when found, else the field's. */
  report(severity: Problem["severity"], code: string, field: string | undefined, message: string, hint?: string, item?: string): void {
    const pos = field ? ((item !== undefined ? itemPosition(this.doc, field, item) : undefined) ?? this.doc.fields[field]) : undefined;
    this.problems.push({
      severity,
      code,
      file: this.doc.file,
      ...(field ? { field } : {}),
      ...(pos ? { line: pos.line, column: pos.column } : {}),
      message,
      ...(hint ? { hint } : {}),
    });
  }

  error(code: string, field: string | undefined, message: string, hint?: string, item?: string): void {
    this.report("error", code, field, message, hint, item);
  }

  warn(code: string, field: string | undefined, message: string, hint?: string, item?: string): void {
    this.report("warning", code, field, message, hint, item);
  }

  /** A text field (a number or boolean is taken as its text); undefined when absent or not a text. */
  text(field: KnownField): string | undefined {
    const value = this.data[field];
    if (isAbsent(value)) return undefined;
    if (typeof value === "string") return value.normalize("NFC").trim();
    if (typeof value === "number" || typeof value === "boolean") return String(value);
    // `title: [Video] IMSS…` is a YAML list, `title: {…}` a map: the text must be quoted.
    this.error("field-type", field, `«${field}» debe ser un texto, no ${describe(value)}.`, `Escribe ${field}: "…" en una sola línea, entre comillas si empieza con «[» o «{».`);
    return undefined;
  }

  flag(field: KnownField): boolean {
    const value = this.data[field];
    if (isAbsent(value)) return false;
    if (typeof value === "boolean") return value;
    // Lists and maps are never a flag (and String() of one prints «[object Object]» or throws).
    const scalar = typeof value !== "object";
    const t = scalar ? String(value).trim().toLowerCase() : "";
    if (["true", "yes", "si", "sí", "on"].includes(t)) return true;
    if (["false", "no", "off"].includes(t)) return false;
    const shown = scalar ? `«${String(value)}»` : describe(value);
    this.error("field-type", field, `«${field}» debe ser true o false, no ${shown}.`, `Escribe ${field}: true o ${field}: false.`);
    return false;
  }

  date(field: "date" | "updated", timeZone: string): BulletinDate | undefined {
    const raw = this.text(field);
    if (raw === undefined) return undefined;
    const result = parseBulletinDate(raw, timeZone);
    if (!result.ok) {
      this.error("date-invalid", field, result.message, DATE_FORMATS_HINT);
      return undefined;
    }
    if (result.warning) this.warn(result.warning.code, field, result.warning.message, result.warning.hint);
    return result.date;
  }

  link(field: "video" | "audio" | "photos"): string | undefined {
    const raw = this.text(field);
    if (raw === undefined) return undefined;
    const { value, lone } = unwrapAngles(raw);
    if (!isHttpUrl(value)) {
      this.error(
        "link-invalid",
        field,
        `«${field}» debe ser un enlace http(s), no «${value}».`,
        lone === "<" ? `Cierra la dirección con «>» o quita «<»: ${field}: ${value.slice(1).trim()}` : `Escribe la dirección completa, por ejemplo ${field}: https://…`,
      );
      return undefined;
    }
    if (lone === ">") {
      this.warn(
        "link-angle",
        field,
        `«${field}» termina en «>» sin «<» al principio: se publica con ella (${value}).`,
        `Si «>» sobra (el cierre de <…>), quítala: ${field}: ${value.slice(0, -1).trimEnd()}; si es parte de la dirección, escríbela como %3E.`,
      );
    }
    return value;
  }
}

/**
 * The names an unknown key is compared with: the fields, and the other names editors give them
 * (`FIELD_ALIASES`), each with the field it means.
 */
const FIELD_NAMES: ReadonlyArray<readonly [string, KnownField]> = [...KNOWN_FIELDS.map((f) => [f, f] as const), ...Object.entries(FIELD_ALIASES)];

function reportUnknownFields(fm: FrontMatter): void {
  for (const key of Object.keys(fm.data)) {
    if ((KNOWN_FIELDS as readonly string[]).includes(key)) continue;
    // Own properties only: a key such as `constructor` or `__proto__` must not find Object's.
    const jekyllKey = Object.hasOwn(JEKYLL_FIELD_HINTS, key) ? key : Object.hasOwn(JEKYLL_FIELD_HINTS, foldName(key)) ? foldName(key) : undefined;
    const jekyll = jekyllKey !== undefined ? JEKYLL_FIELD_HINTS[jekyllKey] : undefined;
    // `Title`, `TÍTULO`, `fechа`, `tittle`, `descripcion`: the field meant, whatever the case, accents or a slip of the keyboard.
    const meant = aliasOf(key) ?? nearestName(key, FIELD_NAMES);
    const lowerCase = meant !== undefined && foldName(key) === meant && key !== meant ? " Los nombres de los campos van en minúsculas y sin acentos." : "";
    fm.warn(
      "field-unknown",
      key,
      `El campo «${key}» no se reconoce y no se publica.`,
      jekyll ?? (meant ? `¿Quisiste escribir «${meant}:»?${lowerCase}` : `Campos válidos: ${KNOWN_FIELDS.filter((f) => f !== "layout").join(", ")}.`),
    );
  }
}

/** `title: Arranca campaña #VacúnateYa`: YAML ends the value at « #». Said, never silently dropped. */
function reportDroppedComments(fm: FrontMatter): void {
  for (const c of fm.doc.comments) {
    fm.problems.push({
      severity: "warning",
      code: "yaml-comment",
      file: fm.doc.file,
      ...(c.field ? { field: c.field } : {}),
      line: c.line,
      column: c.column,
      message: `«${c.text}» no se publica: en el encabezado, « #» empieza un comentario y corta el valor ahí.`,
      hint: c.fixed
        ? `Si es parte del texto (un hashtag, por ejemplo), escribe la línea entre comillas: ${c.fixed.trim()} — si es una nota, bórrala o escríbela en su propia línea.`
        : "Si es parte del texto, ponlo dentro de las comillas; si es una nota, bórrala o escríbela en su propia línea.",
    });
  }
}

function readTitle(fm: FrontMatter): string | undefined {
  const rawTitle = fm.text("title");
  const title = rawTitle ? rawTitle.replace(/\s+/g, " ") : undefined;
  // A title of the wrong type was reported as such: not also as missing.
  if (!title && (isAbsent(fm.data["title"]) || typeof fm.data["title"] === "string")) fm.error("title-missing", "title", "Falta el título.", 'Agrega title: "Título del boletín" al encabezado.');
  // «!!!», «¿?», only emoji: no page, address or file can be named by it (the rule `boletines new` applies).
  // A title in another alphabet is a title: its address is made from the file's name.
  const fault = title ? titleFault(title) : undefined;
  if (fault === "blank" || fault === "no-words") {
    fm.error(
      "title-wordless",
      "title",
      fault === "blank" ? "El título no tiene letras ni números: solo espacios o caracteres invisibles." : `El título «${title}» no tiene letras ni números.`,
      'Escribe el título del boletín con palabras, por ejemplo title: "IMSS inaugura clínica en Mérida".',
    );
  }
  return title;
}

/**
 * A title longer than any real one (policy/titles.ts `LONGEST_TITLE`) is a paragraph pasted as the
 * title: printed whole as the page's heading, on cards, in feeds and the browser's tab. Said with its
 * length, and its first sentence when it has one that could be the title.
 */
function reportLongTitle(fm: FrontMatter, title: string, description: string | undefined): void {
  const length = titleLength(title);
  if (length <= LONGEST_TITLE) return;
  const rest = description ? "a description o al texto del boletín" : "a description (el resumen que acompaña al título en las tarjetas y en los buscadores)";
  const sentence = firstSentence(title);
  fm.warn(
    "title-too-long",
    "title",
    `El título tiene ${formatCount(length)} caracteres: parece un párrafo, y se publica entero como el encabezado de la página, en las tarjetas, en los feeds y en la pestaña del navegador.`,
    `Deja en title solo el titular (los del IMSS caben en unos 160 caracteres) y pasa el resto ${rest}.${sentence ? ` La primera oración podría ser el título: title: ${JSON.stringify(sentence)}` : ""}`,
  );
}

/**
 * The title's first sentence (up to `.`, `;`, `:`, `!` or `?` and a capital), when it is long enough to
 * be a title (not «Dr.») and short enough to be one; without its `.`, `;` or `:` (titles end without).
 */
function firstSentence(title: string): string | undefined {
  const end = /[.;:!?]\s+(?=[¿¡"“«]?\p{Lu})/u.exec(title.slice(0, LONGEST_TITLE));
  if (!end || end.index < 30) return undefined;
  return title.slice(0, ".;:".includes(title.charAt(end.index)) ? end.index : end.index + 1).trim();
}

function readDates(fm: FrontMatter, ctx: NormalizeContext, draft: boolean): { date?: BulletinDate; updated?: BulletinDate } {
  let date = fm.date("date", ctx.site.timeZone);
  // Missing, not of the wrong type (`date: [2024-04-09]` was reported as such, once).
  // A draft waits for its date to be written (an undated draft is never published by accident).
  if (!date && !draft && isAbsent(fm.data["date"])) date = fileNameDate(fm, ctx);
  if (!date && isAbsent(fm.data["date"])) {
    if (draft) fm.warn("draft-undated", "draft", "Borrador pendiente de fecha: no se publicará hasta que tenga «date:».", "Agrega date: AAAA-MM-DD (y la hora, si se conoce) y quita draft: true.");
    else fm.error("date-missing", "date", "Falta la fecha.", `Agrega date: con la fecha de publicación. ${DATE_FORMATS_HINT}`);
  }
  const updated = fm.date("updated", ctx.site.timeZone);
  if (date && updated && updated.epochMs < date.epochMs) {
    // The same day: the times tell them apart (`2023-06-30 10:00` before `2023-06-30 20:00`).
    const shown = (d: BulletinDate) => (updated.day === date.day && d.time ? `${d.day} ${d.time}` : d.day);
    fm.warn("updated-before-date", "updated", `«updated» (${shown(updated)}) es anterior a la fecha de publicación (${shown(date)}).`, "Revisa las dos fechas.");
  }
  return { ...(date ? { date } : {}), ...(updated ? { updated } : {}) };
}

/**
 * Jekyll took a post's date from its file name (`2021-08-19-titulo.md`) when the front matter had
 * none, and legacy posts rely on it: the same here for a bulletin to publish, said, so the date can be
 * written down.
 */
function fileNameDate(fm: FrontMatter, ctx: NormalizeContext): BulletinDate | undefined {
  const day = /^(\d{4}-\d{2}-\d{2})-/.exec(path.basename(fm.doc.relPath))?.[1];
  if (!day) return undefined;
  const parsed = parseBulletinDate(day, ctx.site.timeZone);
  if (!parsed.ok) return undefined;
  fm.warn("date-from-file-name", "date", `El boletín no tiene «date:»: se usa la fecha de su nombre de archivo, ${day} (como hacía Jekyll).`, `Agrega date: ${day} (y la hora, si se conoce), para que la fecha no dependa del nombre del archivo.`);
  return parsed.date;
}

function readSection(fm: FrontMatter, ctx: NormalizeContext): Label {
  const sectionText = sectionValue(fm.data["section"], (m, h) => fm.error("field-type", "section", m, h));
  const sectionLabel = cleanLabel(sectionText ?? ctx.site.defaultSection);
  const section: Label = { slug: labelSlug(sectionLabel), label: sectionLabel };
  if (!section.slug) fm.error("section-invalid", "section", `La sección «${sectionLabel}» no tiene letras ni números.`, "Usa un nombre de sección como «Nacional» o «Chihuahua».");
  return section;
}

function readTags(fm: FrontMatter): Label[] {
  const tags: Label[] = [];
  const seenTags = new Set<string>();
  for (const raw of listValue(fm.data["tags"], "tags", (m, h) => fm.error("field-type", "tags", m, h))) {
    const label = cleanLabel(raw);
    const slug = labelSlug(label);
    if (!slug) {
      fm.warn("tag-empty-slug", "tags", `La etiqueta «${label}» no tiene letras ni números y se omite.`, "Quítala o escríbela con palabras.", raw);
      continue;
    }
    if (seenTags.has(slug)) continue;
    seenTags.add(slug);
    tags.push({ slug, label });
  }
  if (tags.length > MAX_TAGS) {
    fm.error("tags-too-many", "tags", `El boletín tiene ${tags.length} etiquetas; el máximo es ${MAX_TAGS}.`, "Deja solo las etiquetas que ayudan a encontrarlo.");
    tags.length = MAX_TAGS;
  }
  return tags;
}

/**
 * The section and tags written all in capitals, with where each is written. Whether a label shouts
 * is the file's own fact; how the site shows it depends on the corpus (corpus.ts `findShoutedLabels`).
 */
function shoutedLabelsOf(fm: FrontMatter, section: Label, tags: readonly Label[]): ShoutedLabel[] {
  const found: ShoutedLabel[] = [];
  const add = (field: ShoutedLabel["field"], label: string) => {
    if (shoutedLabel(label) === undefined) return;
    const pos = itemPosition(fm.doc, field, label) ?? fm.doc.fields[field];
    found.push({ field, label, ...(pos ? { line: pos.line, column: pos.column } : {}) });
  };
  add("section", section.label);
  for (const t of tags) add("tags", t.label);
  return found;
}

/** The bulletin's slug (its own, or made from the title or the file's name) and URL (by date, or its permalink). */
function readAddress(fm: FrontMatter, title: string | undefined, date: BulletinDate | undefined): { slug: string; url: string; hasPermalink: boolean; hasSlug: boolean } {
  const explicitSlug = fm.text("slug");
  let slug: string;
  if (explicitSlug !== undefined) {
    if (isCanonicalSlug(explicitSlug)) slug = explicitSlug;
    else {
      const suggestion = slugify(explicitSlug);
      fm.error("slug-invalid", "slug", `«${explicitSlug}» no es un slug válido: solo minúsculas sin acentos, números y guiones.`, suggestion ? `Escribe slug: ${suggestion}` : "Usa solo a-z, 0-9 y guiones.");
      slug = suggestion || "boletin";
    }
  } else {
    slug = slugify(title ?? "") || slugify(path.basename(fm.doc.relPath).replace(/\.[^.]+$/, "").replace(/^\d{4}-\d{2}-\d{2}-/, "")) || "boletin";
  }
  let url = date ? bulletinUrl(date.year, date.monthPadded, slug) : `${UNDATED_DRAFTS_PATH}${slug}/`;
  const permalinkText = fm.text("permalink");
  let hasPermalink = false;
  if (permalinkText !== undefined) {
    const result = normalizeSitePath(permalinkText, { field: "permalink", placeholders: () => jekyllPlaceholders(fm, date, slug) });
    if (!result.ok) fm.error("permalink-invalid", "permalink", result.message, result.hint);
    else if (!hasHtmlStub(result.path)) fm.error("permalink-invalid", "permalink", `«${permalinkText}» debe terminar en «/» o en «.html».`, "Por ejemplo permalink: /especiales/vacunacion/");
    else if (isReservedPath(result.path)) fm.error("permalink-reserved", "permalink", `«${result.path}» está reservada para páginas generadas por el sitio.`, "Elige una ruta fuera de /temas/, /secciones/, /buscar/ y de los archivos del sitio.");
    else {
      url = result.path;
      hasPermalink = true;
    }
  }
  return { slug, url, hasPermalink, hasSlug: explicitSlug !== undefined };
}

/**
 * What Jekyll's permalink placeholders stand for in this bulletin (its date; `:title` is the file
 * name's, as in Jekyll; `:categories`, the section): only to suggest a path written out.
 */
function jekyllPlaceholders(fm: FrontMatter, date: BulletinDate | undefined, slug: string): Record<string, string> {
  const fileTitle = slugify(path.basename(fm.doc.relPath).replace(/\.[^.]+$/, "").replace(/^\d{4}-\d{2}-\d{2}-/, "")) || slug;
  const values: Record<string, string> = { title: fileTitle, slug, output_ext: ".html" };
  const section = fm.text("section");
  if (section !== undefined && labelSlug(section)) values["categories"] = labelSlug(section);
  if (date) {
    const day = String(date.dayOfMonth).padStart(2, "0");
    Object.assign(values, { year: String(date.year), short_year: String(date.year).slice(2), month: date.monthPadded, i_month: String(date.month), day, i_day: String(date.dayOfMonth) });
  }
  return values;
}

function readRedirects(fm: FrontMatter, date: BulletinDate | undefined, slug: string): string[] {
  const redirectFrom: string[] = [];
  for (const raw of listValue(fm.data["redirect_from"], "redirect_from", (m, h) => fm.error("field-type", "redirect_from", m, h), false)) {
    const result = normalizeSitePath(raw, { field: "redirect_from", placeholders: () => jekyllPlaceholders(fm, date, slug) });
    if (!result.ok) fm.error("redirect-invalid", "redirect_from", result.message, result.hint, raw);
    else if (!redirectFrom.includes(result.path)) redirectFrom.push(result.path);
  }
  return redirectFrom;
}

/**
 * Jekyll's `redirect_to:` (jekyll-redirect-from): where this file's addresses lead instead of a page.
 * An http(s) address, or a path of this site (canonical form). One address: a list of one is taken
 * as it (the plugin took the first), more is an error; leading to itself is an error (a loop).
 */
function readForward(fm: FrontMatter, url: string, redirectFrom: readonly string[], siteOrigin: string): string | undefined {
  const values = listValue(fm.data["redirect_to"], "redirect_to", (m, h) => fm.error("field-type", "redirect_to", m, h), false).map((v) => v.trim()).filter(Boolean);
  if (values.length === 0) return undefined;
  if (values.length > 1) {
    fm.error("redirect-invalid", "redirect_to", `redirect_to tiene ${values.length} direcciones; una página reenvía a una sola.`, "Deja una dirección en redirect_to.");
    return undefined;
  }
  let raw = unwrapAngles(values[0]!).value;
  // A full address of this site (http or https, as the legacy site often wrote them) is the site path it names.
  const own = ownSitePath(raw, siteOrigin);
  if (own !== undefined) raw = own;
  let target: string;
  if (/^[a-z][a-z0-9+.-]*:/i.test(raw)) {
    if (!isHttpUrl(raw)) {
      fm.error("redirect-invalid", "redirect_to", `redirect_to debe ser una dirección http(s) o una ruta del sitio, no «${raw}».`, "Escribe la dirección completa (https://…) o la ruta del boletín que lo reemplaza (/boletines/AAAA/MM/…/).");
      return undefined;
    }
    target = new URL(raw).href;
  } else {
    const result = normalizeSitePath(raw, { field: "redirect_to" });
    if (!result.ok) {
      fm.error("redirect-invalid", "redirect_to", result.message, result.hint);
      return undefined;
    }
    target = result.path;
  }
  if (target === url || redirectFrom.includes(target)) {
    fm.error("redirect-invalid", "redirect_to", `redirect_to lleva a ${target}, una dirección de este mismo archivo: el navegador daría vueltas sin llegar.`, "Escribe la dirección de la página que lo reemplaza.");
    return undefined;
  }
  return target;
}

/**
 * The site path of a full address of this site (without query or fragment; under the site's path, when
 * it is served under one: site.ts `baseUrl`); undefined for anything else.
 */
function ownSitePath(value: string, siteOrigin: string): string | undefined {
  if (!isHttpUrl(value)) return undefined;
  const address = new URL(value);
  return !address.search && !address.hash ? sitePathOfAddress(address, siteOrigin) : undefined;
}

/** The body with the characters no page can carry as spaces, said with where the first one is. */
function publishableBody(fm: FrontMatter): string {
  const { body, bodyLine, file } = fm.doc;
  const found = findUnpublishable(body);
  if (!found) return body;
  fm.problems.push({
    severity: "warning",
    code: "invisible-characters",
    file,
    ...bodyPosition(body, bodyLine, found.first),
    message: `El texto tiene ${found.count === 1 ? "un carácter invisible" : `${found.count} caracteres invisibles`} que una página web no admite, el primero aquí: ${found.described.join(", ")}. Se publica${found.count === 1 ? "" : "n"} como espacio${found.count === 1 ? "" : "s"}.`,
    hint: "Bórralos en el editor (suelen llegar al copiar de Word o de un PDF) o vuelve a pegar el texto sin formato.",
  });
  return publishable(body);
}

function checkBody(fm: FrontMatter, body: string, draft: boolean): void {
  const { bodyLine, file } = fm.doc;
  if (body.trim() === "") fm.warn("body-empty", undefined, "El boletín no tiene texto después del encabezado.", "Escribe el texto del boletín debajo de la segunda línea ---.");
  else if (!draft && body.includes(BODY_PLACEHOLDER)) {
    fm.problems.push({
      severity: "error",
      code: "body-placeholder",
      file,
      line: bodyPosition(body, bodyLine, body.indexOf(BODY_PLACEHOLDER)).line,
      column: 1,
      message: `El texto conserva «${BODY_PLACEHOLDER}», el ejemplo que escribe «boletines new»: se publicaría tal cual.`,
      hint: "Reemplázalo por el texto del boletín, o deja draft: true hasta que esté listo.",
    });
  }
}

function aliasOf(key: string): KnownField | undefined {
  return Object.hasOwn(FIELD_ALIASES, key) ? FIELD_ALIASES[key] : undefined;
}

/** Where the readers of single fields below report what they find (a `FrontMatter`). */
interface Reporter {
  error(code: string, field: string | undefined, message: string, hint?: string): void;
  warn(code: string, field: string | undefined, message: string, hint?: string): void;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return "una lista";
  if (value && typeof value === "object") return "un grupo de campos";
  return typeof value;
}

/**
 * `<https://…>` (a markdown autolink, pasted whole) is the address inside; a `<` or `>` at one end
 * only is part of what was written: kept, and named as `lone` for the caller to say.
 */
function unwrapAngles(raw: string): { value: string; lone?: "<" | ">" } {
  if (raw.length >= 2 && raw.startsWith("<") && raw.endsWith(">")) return { value: raw.slice(1, -1).trim() };
  if (raw.startsWith("<")) return { value: raw, lone: "<" };
  if (raw.endsWith(">")) return { value: raw, lone: ">" };
  return { value: raw };
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && !!url.hostname;
  } catch {
    return false;
  }
}

/** Paths the site generates itself; a permalink may not take them. */
function isReservedPath(p: string): boolean {
  const lower = p.toLowerCase();
  return (
    [PATHS.tags, PATHS.sections, PATHS.search, PATHS.subscribe, PATHS.searchIndexes, "/assets/", UNDATED_DRAFTS_PATH].some((prefix) => lower.startsWith(prefix)) ||
    [PATHS.notFound, "/index.html", "/feed.xml/", "/sitemap.xml/"].includes(lower)
  );
}

function sectionValue(value: unknown, fail: (message: string, hint: string) => void): string | undefined {
  if (isAbsent(value)) return undefined;
  if (typeof value === "string" || typeof value === "number") return String(value).trim();
  if (Array.isArray(value)) {
    const items = value.filter((v) => !isAbsent(v));
    if (items.length === 1 && (typeof items[0] === "string" || typeof items[0] === "number")) return String(items[0]).trim();
    if (items.length === 0) return undefined;
  }
  fail("«section» debe ser un solo nombre de sección.", 'Escribe section: "Nacional" (una sola sección por boletín; usa tags para lo demás).');
  return undefined;
}

/** A list, or a comma-separated string (`tags: salud, imss`). Absent entries are dropped. */
function listValue(value: unknown, field: string, fail: (message: string, hint: string) => void, splitCommas = true): string[] {
  if (isAbsent(value)) return [];
  const items = Array.isArray(value) ? value : typeof value === "string" && splitCommas ? value.split(",") : [value];
  const out: string[] = [];
  for (const item of items) {
    if (isAbsent(item)) continue;
    if (typeof item === "string" || typeof item === "number" || typeof item === "boolean") {
      const t = String(item).normalize("NFC").trim();
      if (t) out.push(t);
    } else {
      fail(`Un elemento de «${field}» no es un texto (${describe(item)}).`, `Escribe cada elemento de ${field} como texto, uno por línea con «- ».`);
    }
  }
  return out;
}

function imageValue(
  raw: string | undefined,
  alt: string | undefined,
  title: string | undefined,
  ctx: NormalizeContext,
  report: Reporter,
): BulletinImage | undefined {
  if (raw === undefined) return undefined;
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(raw)) {
    report.warn("image-external", "image", `La imagen «${raw}» está en otro sitio y no se muestra: el sitio no carga nada de otros servidores.`, "Copia la imagen a public/uploads/ y escribe image: /uploads/…");
    return undefined;
  }
  const result = normalizeSitePath(raw.startsWith("/") ? raw : `/${raw}`, { field: "permalink" });
  if (!result.ok || result.path.endsWith("/") || !/\.(jpe?g|png|gif|webp|avif|svg)$/i.test(result.path)) {
    report.error("image-invalid", "image", `«${raw}» no es la ruta de una imagen del sitio.`, "Escribe image: /uploads/AAAA/archivo.jpg (jpg, png, gif, webp, avif o svg) con el archivo en public/uploads/.");
    return undefined;
  }
  const src = decodeURIComponent(result.path);
  if (!ctx.imageExists(src)) {
    report.warn("image-missing", "image", `La imagen ${src} no existe en public/ y no se mostrará.`, missingImageHint(src, ctx));
    return undefined;
  }
  if (!alt) report.warn("image-alt-missing", "alt", "La imagen no tiene texto alternativo; se usa el título.", 'Agrega alt: "Descripción de la imagen" para quienes usan lectores de pantalla.');
  return { src: result.path, alt: alt ?? title ?? "" };
}

/**
 * What to do about a picture not found in public/: the file it most likely meant, when one exists
 * (the path with `public/` written in it, other capitals, `.jpeg` for `.jpg`), else to copy it there.
 * Only asked through `ctx.imageExists`, so a build cache knows every file the answer depended on.
 */
function missingImageHint(src: string, ctx: NormalizeContext): string {
  const PUBLIC = "/public/";
  if (src.toLowerCase().startsWith(PUBLIC) && ctx.imageExists(src.slice(PUBLIC.length - 1))) {
    return `Quita /public del principio: image: ${src.slice(PUBLIC.length - 1)} (lo que está en public/ se publica desde la raíz del sitio).`;
  }
  const dot = src.lastIndexOf(".");
  const [stem, ext] = [src.slice(0, dot), src.slice(dot)];
  const lowerExt = ext.toLowerCase();
  const otherJpeg = lowerExt === ".jpg" ? ".jpeg" : lowerExt === ".jpeg" ? ".jpg" : undefined;
  const candidates = [src.toLowerCase(), stem + lowerExt, stem + ext.toUpperCase(), ...(otherJpeg ? [stem + otherJpeg, stem.toLowerCase() + otherJpeg] : [])];
  const meant = candidates.find((c) => c !== src && ctx.imageExists(c));
  if (meant) return `¿Quisiste decir image: ${meant}? Las rutas distinguen mayúsculas y minúsculas, y .jpg de .jpeg.`;
  if (src.toLowerCase().startsWith(PUBLIC)) return `Copia el archivo a public${src.slice(PUBLIC.length - 1)} y escribe image: ${src.slice(PUBLIC.length - 1)}, sin /public (lo que está en public/ se publica desde la raíz del sitio).`;
  return `Copia el archivo a public${src} o corrige la ruta.`;
}

/** `171/2024`, `154 /2022`, `No. 88/2023` → `171/2024`, `154/2022`, `88/2023`. */
export function normalizeBulletinNumber(raw: string): string | undefined {
  const m = /^(?:n(?:o|ú|u)m?\.?\s*)?0*(\d{1,5})\s*\/\s*(\d{4})$/i.exec(raw.trim());
  return m ? `${m[1]}/${m[2]}` : undefined;
}

function numberValue(raw: string | undefined, date: BulletinDate | undefined, report: Reporter): string | undefined {
  if (raw === undefined) return undefined;
  const number = normalizeBulletinNumber(raw);
  if (!number) {
    report.error("number-invalid", "number", `«${raw}» no es un número de boletín.`, 'Escribe number: "171/2024" (número/año).');
    return undefined;
  }
  const year = Number(number.split("/")[1]);
  if (date && year !== date.year) report.warn("number-year", "number", `El número ${number} es de ${year}, pero la fecha es de ${date.year}.`, "Revisa el número o la fecha.");
  return number;
}
