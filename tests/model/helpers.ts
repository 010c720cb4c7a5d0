import { parseSource } from "../../src/model/load.ts";
import { normalizeBulletin, type NormalizeResult } from "../../src/model/normalize.ts";
import { DEFAULT_SITE, type SiteConfig } from "../../src/site.ts";

/** Runs a file's text through the real loader and normalizer. */
export function normalizeText(text: string, options: { file?: string; site?: SiteConfig; images?: string[] } = {}): NormalizeResult {
  const file = options.file ?? "content/2024/prueba.md";
  const loaded = parseSource(text, file, file.replace(/^content\//, ""));
  if (!loaded.ok) return { problems: loaded.problems };
  const images = new Set(options.images ?? []);
  return normalizeBulletin(loaded.doc, { site: options.site ?? DEFAULT_SITE, imageExists: (p) => images.has(p) });
}

export function fm(fields: string, body = "Texto del boletín.\n"): string {
  return `---\n${fields.replace(/^\n/, "")}\n---\n\n${body}`;
}
