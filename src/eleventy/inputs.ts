import type { SiteConfig } from "../site.ts";
import type { SiteData } from "../render/views.ts";

/** What the Eleventy configuration needs from a build: the data to render and how. */
export interface EleventyInputs {
  site: SiteConfig;
  data: SiteData;
  /** Preview builds (drafts, embargoes) show banners and are never indexed. */
  preview: boolean;
  /** Static files copied to the site root. */
  publicDir: string;
}

/**
 * Hand-off from `boletines build` to `.eleventy.ts`. Eleventy runs its programmatic `config`
 * callback *before* the config file, so a value set there would be overwritten; instead the
 * build parks its already-validated inputs here and the config file takes them.
 */
let pending: EleventyInputs | undefined;

export function provideEleventyInputs(inputs: EleventyInputs): void {
  pending = inputs;
}

export function takeEleventyInputs(): EleventyInputs | undefined {
  const inputs = pending;
  pending = undefined;
  return inputs;
}
