import { Document } from "yaml";
import { parseSource } from "../model/load.ts";
import { normalizeBulletin } from "../model/normalize.ts";
import type { Bulletin } from "../model/bulletin.ts";
import type { Problem } from "../model/problems.ts";
import { slugify } from "../policy/slug.ts";
import type { SiteConfig } from "../site.ts";

/**
 * The canonical bulletin file the importer and `new` write: YAML front matter made by the `yaml`
 * package (never by concatenating strings, so any title is quoted correctly), fields in a fixed order,
 * then the markdown body. Checked with the build's own loader and validator before it is written.
 */
export interface CanonicalFields {
  title: string;
  /** `2024-04-09` (a dateline gives no time) or `2024-04-09T10:30:00-06:00`. */
  date?: string;
  description?: string;
  section: string;
  tags?: string[];
  number?: string;
  city?: string;
  highlights?: string[];
  photos?: string;
  video?: string;
  audio?: string;
  /** Addresses of a file this one replaces (`import --force`), kept for links already shared. */
  redirect_from?: string[];
  draft?: boolean;
}

const FIELD_ORDER: Array<keyof CanonicalFields> = ["title", "date", "description", "section", "tags", "number", "city", "highlights", "photos", "video", "audio", "redirect_from", "draft"];

export function renderBulletinFile(fields: CanonicalFields, body: string): string {
  const data: Record<string, unknown> = {};
  for (const key of FIELD_ORDER) {
    const value = fields[key];
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    data[key] = value;
  }
  const yaml = new Document(data, { version: "1.2" }).toString({ lineWidth: 0 });
  const text = body.trim();
  return `---\n${yaml}---\n${text ? `\n${text}\n` : ""}`;
}

/** `2024/2024-04-09-mi-boletin.md`; an undated draft goes to `borradores/mi-boletin.md`. */
export function bulletinRelPath(day: string | undefined, title: string): string {
  const slug = slugify(title) || "boletin";
  return day ? `${day.slice(0, 4)}/${day}-${slug}.md` : `borradores/${slug}.md`;
}

export interface Validation {
  bulletin?: Bulletin;
  problems: Problem[];
}

/** The same loader and validator as the build. Images are not checked: the importer writes none. */
export function validateBulletinFile(text: string, file: string, relPath: string, site: SiteConfig): Validation {
  const loaded = parseSource(text, file, relPath);
  if (!loaded.ok) return { problems: loaded.problems };
  return normalizeBulletin(loaded.doc, { site, imageExists: () => false });
}

/**
 * What the build's validator says about values given on the command line (`--section`, `--tags`), found on
 * a probe file so they are said, as a usage mistake, before anything is written; warnings included (a tag
 * without letters would be dropped from the file the command writes).
 */
export function optionValueProblems(fields: { section?: string; tags?: string[] }, site: SiteConfig): Problem[] {
  const given = (Object.keys(fields) as Array<keyof typeof fields>).filter((key) => fields[key] !== undefined);
  if (given.length === 0) return [];
  const probe = renderBulletinFile({ title: "Prueba", date: "2024-01-01", section: fields.section ?? site.defaultSection, ...(fields.tags ? { tags: fields.tags } : {}) }, "Texto.");
  return validateBulletinFile(probe, "prueba.md", "2024/prueba.md", site).problems.filter((p) => p.field !== undefined && (given as string[]).includes(p.field));
}
