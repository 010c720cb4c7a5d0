import type { SiteConfig } from "../site.ts";
import type { SiteData } from "../render/views.ts";

/** What the templates need from a build: the data to render and how. */
export interface EleventyInputs {
  site: SiteConfig;
  data: SiteData;
  /** Preview builds (drafts, embargoes) show banners and are never indexed. */
  preview: boolean;
}

/** Everything `.eleventy.ts` needs to wire a build. */
export interface EleventyHandoff {
  /** Inputs, or a loader asked again on every (re)build (a bare `eleventy --serve`). */
  inputs: EleventyInputs | (() => Promise<EleventyInputs>);
  /** Static files copied to the site root. */
  publicDir: string;
  /** Extra folders whose changes trigger a rebuild in watch mode. */
  watch: string[];
}

/**
 * Hand-off from code that runs Eleventy programmatically (the test comparing Eleventy's pages with
 * `boletines build`'s) to `.eleventy.ts`. Eleventy runs its programmatic `config` callback *before*
 * the config file, so a value set there would be overwritten; instead the caller parks its
 * already-validated inputs here and the config file takes them.
 */
let pending: EleventyHandoff | undefined;

export function provideEleventyHandoff(handoff: EleventyHandoff): void {
  pending = handoff;
}

export function takeEleventyHandoff(): EleventyHandoff | undefined {
  const handoff = pending;
  pending = undefined;
  return handoff;
}
