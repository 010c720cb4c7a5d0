import path from "node:path";
import { isCopiedFromPublic } from "../build/public-files.ts";
import { CODE_ROOT, PROJECT_ROOT, RUNS_COMPILED } from "../project-root.ts";
import { writeSiteAssets } from "../render/site-files.ts";
import type { EleventyHandoff, EleventyInputs } from "./inputs.ts";
import { NUNJUCKS_GLOBALS } from "./nunjucks-globals.ts";

/** Page definitions: `src/pages/*.11ty.ts`, or their compiled `.11ty.js` copies when the code runs compiled. */
const PAGES_DIR = path.join(CODE_ROOT, "src/pages");
const LAYOUTS_DIR = path.join(PROJECT_ROOT, "layouts");

/**
 * Eleventy's folders: `input` relative to the project root (`src/pages`, or `.cache/js/<key>/src/pages`),
 * the layouts relative to `input` as Eleventy wants them. Page definitions are TypeScript; layouts are Nunjucks.
 */
export const ELEVENTY_DIRS = {
  input: path.relative(PROJECT_ROOT, PAGES_DIR),
  includes: path.relative(PAGES_DIR, LAYOUTS_DIR),
  layouts: path.relative(PAGES_DIR, LAYOUTS_DIR),
} as const;

/** The Eleventy configuration file of the running code (`.eleventy.ts`, or its compiled `.eleventy.js`). */
export const ELEVENTY_CONFIG_FILE = path.join(CODE_ROOT, RUNS_COMPILED ? ".eleventy.js" : ".eleventy.ts");

/** Nunjucks settings, shared with the build's bulk-page renderer (src/build/pages.ts) so both render alike. */
export const NUNJUCKS_OPTIONS = { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true } as const;

/** The subset of Eleventy's UserConfig this project uses (Eleventy ships no TypeScript types). */
export interface EleventyUserConfig {
  addExtension(extensions: string[], options: { key: string }): void;
  addGlobalData(name: string, value: unknown): void;
  setNunjucksEnvironmentOptions(options: Record<string, unknown>): void;
  addNunjucksGlobal(name: string, value: unknown): void;
  addPassthroughCopy(paths: Record<string, string> | string, copyOptions?: { filter?: (relativePath: string) => boolean }): void;
  addWatchTarget(path: string): void;
  setTemplateFormats(formats: string[]): void;
  setUseGitIgnore(enabled: boolean): void;
  on(event: "eleventy.before", callback: () => void): void;
  on(event: "eleventy.after", callback: (event: { directories: { output: string } }) => void | Promise<void>): void;
}

export function configureEleventy(config: EleventyUserConfig, handoff: EleventyHandoff): void {
  // Page definitions (pagination, permalinks) are typed `.11ty.ts` modules run by Eleventy's JS engine through tsx;
  // the compiled copy has them as plain `.11ty.js`.
  if (RUNS_COMPILED) {
    config.setTemplateFormats(["11ty.js"]);
  } else {
    config.addExtension(["11ty.ts"], { key: "11ty.js" });
    config.setTemplateFormats(["11ty.ts"]);
  }
  // The input folder holds only page definitions; the compiled copy's is under `.cache/`, which a
  // project's .gitignore lists (Eleventy would then find no pages at all).
  config.setUseGitIgnore(false);
  // Everything printed from content is escaped unless a template says `| safe`: only sanitized HTML, JSON-LD and
  // the card partial's own output (tests/build/pages.test.ts lists each use).
  config.setNunjucksEnvironmentOptions(NUNJUCKS_OPTIONS);
  for (const [name, fn] of Object.entries(NUNJUCKS_GLOBALS)) config.addNunjucksGlobal(name, fn);
  // A loader is asked once per (re)build, so the dev server sees edits to content/.
  const { inputs } = handoff;
  let current: Promise<EleventyInputs> | undefined;
  const resolved = (): Promise<EleventyInputs> => (current ??= typeof inputs === "function" ? inputs() : Promise.resolve(inputs));
  config.on("eleventy.before", () => {
    current = undefined;
  });
  config.addGlobalData("site", async () => (await resolved()).site);
  config.addGlobalData("boletines", async () => (await resolved()).data);
  config.addGlobalData("preview", async () => (await resolved()).preview);
  // The sources of the fingerprinted files are written under those names only (as `build` does).
  config.addPassthroughCopy({ [handoff.publicDir]: "/" }, { filter: (relative) => isCopiedFromPublic(relative.split(path.sep).join("/")) });
  for (const dir of handoff.watch) config.addWatchTarget(dir);
  // Binary files made from the data (fonts, AVIF/WebP pictures) are written once the pages are.
  config.on("eleventy.after", async ({ directories }) => {
    await writeSiteAssets((await resolved()).data, directories.output);
  });
}
