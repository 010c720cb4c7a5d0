import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { DateTime } from "luxon";
import { buildSite, PROJECT_ROOT } from "../../src/build/build.ts";
import { DEFAULT_SITE, type SiteConfig } from "../../src/site.ts";
import { serveStatic, type StaticSite } from "./server.ts";

/** The e2e fixture corpus: 24 published bulletins over 2023–2025, one draft, one image present and one missing, one with footnotes. */
export const E2E_CONTENT = path.join(PROJECT_ROOT, "tests/fixtures/e2e-content");
export const E2E_PUBLIC = path.join(PROJECT_ROOT, "tests/fixtures/e2e-public");
/** The build's clock: the Mérida bulletin (2025-06-01) falls in the news sitemap's 48 hours. */
export const E2E_NOW = "2025-06-02T12:00:00-06:00";

export const FIXTURE = {
  /** Has an image present, `updated:`, highlights, a table and the word «sarampión». */
  featured: "/boletines/2025/06/campana-de-vacunacion-contra-el-sarampion-en-merida/",
  /** A picture in its body (the file is under public/). */
  bodyPicture: "/boletines/2024/11/vacunacion-para-embarazadas-lo-que-debes-saber/",
  /** Footnotes: four calls of three notes (the second called twice), one note with a long address. */
  notes: "/boletines/2025/03/imss-coahuila-refuerza-la-atencion-de-pacientes-con-diabetes/",
  /** Names an image that is not under public/. */
  missingImage: "/boletines/2024/06/brigadas-de-vacunacion-llegan-a-comunidades-de-oaxaca/",
  /** `redirect_from: /news/190812`. */
  redirected: "/boletines/2024/03/recomienda-imss-vacunacion-a-personas-mayores-de-60-anos/",
  oldUrl: "/news/190812",
  tag: "/temas/vacunacion/",
  tagPage2: "/temas/vacunacion/pagina/2/",
  section: "/secciones/local/",
  year: "/boletines/2024/",
  archive: "/boletines/",
  tags: "/temas/",
  search: "/buscar/",
  subscribe: "/suscripcion/",
} as const;

export interface FixtureSite extends StaticSite {
  dir: string;
  dispose(): Promise<void>;
}

/**
 * A production build of a test site (no drafts, no embargoed bulletins; with its search index unless
 * `search: false`), at the clock `now` (ISO with offset): throws with the build's problems if it fails.
 */
export async function buildTestSite(options: { contentDir: string; publicDir: string; outDir: string; now: string; site?: SiteConfig; search?: boolean }): Promise<void> {
  const result = await buildSite({
    contentDir: options.contentDir,
    publicDir: options.publicDir,
    drafts: false,
    future: false,
    now: DateTime.fromISO(options.now, { setZone: true }),
    site: options.site ?? DEFAULT_SITE,
    outDir: options.outDir,
    quiet: true,
    ...(options.search === false ? { search: false } : {}),
  });
  if (!result.ok) throw new Error(`La compilación de prueba falló: ${result.fatal ?? result.problems.map((p) => p.message).join("; ")}`);
}

/** Builds the fixture site exactly as `npm run build` does (site, then Pagefind) and serves it on 127.0.0.1. */
export async function startFixtureSite(options: { site?: SiteConfig; port?: number } = {}): Promise<FixtureSite> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), "boletines-e2e-"));
  const dir = path.join(tmp, "site");
  await buildTestSite({ contentDir: E2E_CONTENT, publicDir: E2E_PUBLIC, outDir: dir, now: E2E_NOW, ...(options.site ? { site: options.site } : {}) });
  const server = await serveStatic(dir, options.port);
  return {
    ...server,
    dir,
    dispose: async () => {
      await server.close();
      await rm(tmp, { recursive: true, force: true });
    },
  };
}

/** Every file of the built site, as site paths (`/boletines/…/index.html`). */
export async function listSiteFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => `/${path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/")}`)
    .sort();
}

/** Site path of a page file: `/a/index.html` → `/a/`. */
export function pageUrlOf(file: string): string {
  return file.endsWith("/index.html") ? file.slice(0, -"index.html".length) : file;
}
