import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { PathClaim } from "../model/corpus.ts";
import { displayPath } from "../model/load.ts";
import type { Problem } from "../model/problems.ts";
import { FINGERPRINTED_SOURCES } from "../render/assets.ts";
import type { SiteFile } from "./pages.ts";

/**
 * Files of `public/` the build publishes under a fingerprinted name instead (render/assets.ts):
 * the stylesheet, the scripts, the icon. They keep their claims (nothing else may take their paths).
 */
const NOT_COPIED = new Set<string>(FINGERPRINTED_SOURCES.map((s) => s.replace(/^public\//, "")));

/** Whether a file of `public/` (its path there, `/`-separated) is copied to the site: Eleventy's passthrough copy asks too. */
export function isCopiedFromPublic(relativePath: string): boolean {
  return !NOT_COPIED.has(relativePath.replace(/^\.\//, ""));
}

/**
 * Files under `public/` are copied to the site root, so they own their paths too: a redirect or a
 * permalink onto `/css/site.css` would replace the stylesheet on hosts that apply redirects first.
 */
export function publicFileClaims(publicDir: string): PathClaim[] {
  if (!existsSync(publicDir)) return [];
  return readdirSync(publicDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(publicDir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort()
    .map((rel) => ({ path: `/${rel}`, kind: "generated" as const, description: `el archivo public/${rel}`, source: displayPath(path.join(publicDir, ...rel.split("/"))) }));
}

/** A build without `public/` has no stylesheet or images: allowed (a bare preview), but said. */
export function missingPublicProblem(publicDir: string): Problem[] {
  if (existsSync(publicDir)) return [];
  return [
    {
      severity: "warning",
      code: "public-missing",
      file: displayPath(publicDir),
      message: "La carpeta de archivos estáticos no existe: el sitio se genera sin estilos ni imágenes.",
      hint: "Ejecuta el comando desde la carpeta del proyecto o indica la carpeta con --public DIR.",
    },
  ];
}

/** Every file under `public/`, as a site file copied to the same path under the site root, but the sources of fingerprinted assets. */
export function publicSiteFiles(publicDir: string): SiteFile[] {
  if (!existsSync(publicDir)) return [];
  const files: SiteFile[] = [];
  for (const e of readdirSync(publicDir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const source = path.join(e.parentPath, e.name);
    const file = path.relative(publicDir, source).split(path.sep).join("/");
    if (!isCopiedFromPublic(file)) continue;
    files.push({ file, digest: copyDigest(source), source });
  }
  return files;
}

/** A copied file is named by its source's identity and stamp: an edit to it changes one of them. */
export function copyDigest(source: string): string {
  const st = statSync(source);
  return `copy:${source}:${st.ino}:${st.size}:${st.mtimeMs}`;
}
