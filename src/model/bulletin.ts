import type { BulletinDate } from "../policy/dates.ts";
import type { AcronymUse, Label } from "../policy/labels.ts";

/**
 * The one model of a bulletin. Made by `normalize.ts` from a content file; used by the build,
 * `check`, the importer and the tests. Every optional field is absent (never `nil`, `""`, `null`).
 */
export interface Bulletin {
  /** Stable identity: path relative to `content/` without extension. Feed ids derive from it, so title edits keep it. */
  id: string;
  /** The file, as shown in messages. */
  file: string;
  title: string;
  /** Absent only on a draft that still waits for its date. */
  date?: BulletinDate;
  updated?: BulletinDate;
  description?: string;
  section: Label;
  /** In the order written, duplicates (same slug) removed. Labels are the corpus-wide choice after `buildCorpus`. */
  tags: Label[];
  author?: string;
  /** Only when the file exists under `public/`. */
  image?: BulletinImage;
  video?: string;
  audio?: string;
  photos?: string;
  /** `front: true`: featured on the home page. */
  featured: boolean;
  draft: boolean;
  /** Last URL segment. */
  slug: string;
  /** Site path of the bulletin page, e.g. `/boletines/2021/08/reconoce-imss/`. */
  url: string;
  /** Whether `url` came from `permalink:` (collision messages differ). */
  hasPermalink: boolean;
  /** Present (true) when `slug` is the one the file's `slug:` gives, not one made from the title or the file's name. */
  hasSlug?: true;
  /** Old site paths that must lead here, canonical form (see `policy/site-paths.ts`). */
  redirectFrom: string[];
  /**
   * Jekyll's `redirect_to:`: this file is no bulletin to publish but a forward: its URL and its
   * `redirectFrom` lead here (a site path, canonical form, or an http(s) address), with no page,
   * card, feed entry or search entry of its own (`selectForwards`).
   */
  redirectTo?: string;
  /** Bulletin number `171/2024`. */
  number?: string;
  /** Dateline city, `Ciudad de México`. */
  city?: string;
  /** The bullets under the title. */
  highlights: string[];
  /**
   * Paths of this site the body links to or shows pictures from (model/body-references.ts), in order;
   * absent when none. Checked against what the build writes once the whole site is known.
   */
  references?: SiteReference[];
  /**
   * The tags and the section this file writes all in capitals (`SALUD`; not acronyms: policy/labels.ts
   * `shoutedLabel`), in order, and where: warned once the corpus's spelling of each is known
   * (corpus.ts `findShoutedLabels`); absent when none.
   */
  shouted?: ShoutedLabel[];
  /**
   * Words in capitals its title, description, highlights and body use as acronyms although they read
   * as words (`SAI`, `UNEME`: policy/labels.ts `acronymsIn`), in order of first use; absent when none.
   * The corpus's acronyms are gathered from these (corpus.ts `acronymLexicon`).
   */
  acronyms?: AcronymUse[];
  /** Markdown body, as written. */
  body: string;
  /** First line of the body in the file (for messages about the body). */
  bodyLine: number;
  /** Where each front-matter field was written, for messages found after normalizing (collisions). */
  positions: Readonly<Record<string, { line: number; column: number }>>;
}

/** A label written all in capitals (see `Bulletin.shouted`). */
export interface ShoutedLabel {
  field: "tags" | "section";
  /** As the file writes it. */
  label: string;
  /** Where it is written (the item's own line when found, else its field's); absent for the site's default section. */
  line?: number;
  column?: number;
}

/**
 * A link or a picture of the body that leads to a path of this site; or (`post`) a Jekyll
 * `{% post_url NAME %}` tag, which names a legacy post by its file (model/liquid.ts).
 */
export interface SiteReference {
  kind: "link" | "image" | "post";
  /**
   * The path, resolved against the bulletin's page, without query or fragment, percent-encoded as a
   * browser sends it; for `post`, the file name it names (without extension).
   */
  path: string;
  /** The place on that page a link names (`#datos` → `datos`, percent-decoded), checked against its anchors. */
  fragment?: string;
  /** The address as the page prints it (what the editor recognizes). */
  written: string;
  /** Where it is in the file (the column, when the address was found in the text). */
  line: number;
  column?: number;
}

export interface BulletinImage {
  /** Site path of the original, e.g. `/uploads/2021/foto.jpg`. */
  src: string;
  alt: string;
}

/** Front-matter fields the loader understands. Anything else is reported, never silently dropped. */
export const KNOWN_FIELDS = [
  "title",
  "date",
  "updated",
  "description",
  "section",
  "tags",
  "author",
  "image",
  "alt",
  "video",
  "audio",
  "photos",
  "front",
  "draft",
  "published",
  "slug",
  "permalink",
  "redirect_from",
  "redirect_to",
  "number",
  "city",
  "highlights",
  "layout",
] as const;

export type KnownField = (typeof KNOWN_FIELDS)[number];

/** Misspellings and English/Spanish names editors use, mapped to the field they meant. */
export const FIELD_ALIASES: Readonly<Record<string, KnownField>> = {
  titulo: "title",
  título: "title",
  fecha: "date",
  actualizado: "updated",
  descripcion: "description",
  descripción: "description",
  seccion: "section",
  sección: "section",
  etiquetas: "tags",
  temas: "tags",
  tag: "tags",
  autor: "author",
  imagen: "image",
  foto: "image",
  fotos: "photos",
  borrador: "draft",
  redirect: "redirect_from",
  redirects: "redirect_from",
  numero: "number",
  número: "number",
  ciudad: "city",
  destacado: "front",
  featured: "front",
  categories: "section",
  category: "section",
  modified: "updated",
  last_modified_at: "updated",
  lastmod: "updated",
  excerpt: "description",
  summary: "description",
  resumen: "description",
};

/**
 * Front matter of Jekyll and its plugins that this site does not interpret, with what to do instead
 * (the file is still published as a bulletin: said, never silently ignored).
 */
export const JEKYLL_FIELD_HINTS: Readonly<Record<string, string>> = {
  sitemap: "En Jekyll, sitemap: false lo dejaba fuera del mapa del sitio; aquí todo boletín publicado está en él. Si no debe publicarse, pon draft: true.",
  excerpt_separator: "El resumen es description:, o el comienzo del texto si no hay.",
  categories: "Este sitio tiene una sola sección por boletín: escribe section: con la principal y las demás en tags:.",
};

/**
 * The body `boletines new` writes for the editor to replace: a bulletin about to be published with it
 * still in its text is refused (normalize.ts), a draft may keep it.
 */
export const BODY_PLACEHOLDER = "Escribe aquí el texto del boletín.";
