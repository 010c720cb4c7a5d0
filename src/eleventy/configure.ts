import { writeSiteAssets } from "../render/site-files.ts";
import type { EleventyHandoff, EleventyInputs } from "./inputs.ts";

/** Eleventy's folders, relative to the project root. Page definitions are TypeScript; layouts are Nunjucks. */
export const ELEVENTY_DIRS = {
  input: "src/pages",
  includes: "../../layouts",
  layouts: "../../layouts",
} as const;

/** Nunjucks settings, shared with the build's bulk-page renderer (src/build/pages.ts) so both render alike. */
export const NUNJUCKS_OPTIONS = { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true } as const;

/** The subset of Eleventy's UserConfig this project uses (Eleventy ships no TypeScript types). */
export interface EleventyUserConfig {
  addExtension(extensions: string[], options: { key: string }): void;
  addGlobalData(name: string, value: unknown): void;
  setNunjucksEnvironmentOptions(options: Record<string, unknown>): void;
  addPassthroughCopy(paths: Record<string, string> | string): void;
  addWatchTarget(path: string): void;
  setTemplateFormats(formats: string[]): void;
  on(event: "eleventy.before", callback: () => void): void;
  on(event: "eleventy.after", callback: (event: { directories: { output: string } }) => void | Promise<void>): void;
}

export function configureEleventy(config: EleventyUserConfig, handoff: EleventyHandoff): void {
  // Page definitions (pagination, permalinks) are typed `.11ty.ts` modules run by Eleventy's JS engine through tsx.
  config.addExtension(["11ty.ts"], { key: "11ty.js" });
  config.setTemplateFormats(["11ty.ts"]);
  // Everything printed from content is escaped unless a template says `| safe` (only for sanitized HTML).
  config.setNunjucksEnvironmentOptions(NUNJUCKS_OPTIONS);
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
  config.addPassthroughCopy({ [handoff.publicDir]: "/" });
  for (const dir of handoff.watch) config.addWatchTarget(dir);
  // Binary files made from the data (fonts, AVIF/WebP pictures) are written once the pages are.
  config.on("eleventy.after", async ({ directories }) => {
    await writeSiteAssets((await resolved()).data, directories.output);
    handoff.afterBuild?.();
  });
}
