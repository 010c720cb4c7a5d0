import path from "node:path";
import type { DateTime } from "luxon";
import { claimsOfBulletins, findCollisionsOfFilesWithErrors, findDuplicateIds, findDuplicateNumbers, findPathCollisions, loadCorpus, redirectsOf, selectForwards, selectPublished } from "../model/corpus.ts";
import { findBrokenReferences } from "../model/body-references.ts";
import { findUnusableImages } from "../model/image-files.ts";
import { findLostAddresses, type EarlierBulletin } from "../model/kept-addresses.ts";
import { formatProblem, hasErrors, problemKey, sortProblems, type Problem } from "../model/problems.ts";
import { resolveNow } from "../policy/clock.ts";
import type { EleventyInputs } from "../eleventy/inputs.ts";
import { renderMarkdownAndText } from "../render/markdown.ts";
import { buildSiteData, generatedClaims, type RelatedJob, type SiteDataOptions } from "../render/site-data.ts";
import { findRelated, type RelatedSubject } from "../render/related.ts";
import { missingPublicProblem, publicFileClaims } from "./public-files.ts";
import type { Bulletin } from "../model/bulletin.ts";
import type { BuildCache } from "./cache.ts";
import type { Listing } from "../model/load.ts";
import { resolveSiteConfig, type SiteConfig } from "../site.ts";
import { phase } from "./timing.ts";

export interface PrepareOptions {
  contentDir: string;
  publicDir: string;
  /** Include `draft: true` bulletins. */
  drafts: boolean;
  /** Include bulletins dated after `now`. */
  future: boolean;
  now: DateTime;
  site: SiteConfig;
  /** Skip markdown rendering (for `check`: validation only). */
  validateOnly?: boolean;
  /** Parsed files and rendered bodies from earlier builds (see `cache.ts`). */
  cache?: BuildCache;
  /** content/ listed already (by the build, or by another thread: see `prefetch.ts`). */
  listing?: Promise<Listing | undefined>;
  /**
   * Finds related bulletins on another thread (`prefetch.ts`) while this one makes the rest of the
   * site's data and validates it; undefined from it: found here.
   */
  relatedElsewhere?: (subjects: readonly RelatedSubject[]) => Promise<number[][] | undefined>;
  /**
   * The bulletins an earlier revision had in the files changed since (`check --since`, read from git):
   * every address readers could open then must still lead to a page (`findLostAddresses`).
   */
  earlier?: readonly EarlierBulletin[];
}

export type Prepared =
  | { ok: true; inputs: EleventyInputs; problems: Problem[]; fileCount: number; bulletinCount: number; publishedCount: number }
  | { ok: false; problems: Problem[]; fileCount: number };

/**
 * Load, normalize and validate everything, then compute the site's data. The same steps serve
 * `build`, `check` and the dev server, so an error is found once, the same way everywhere.
 */
export async function prepareSite(options: PrepareOptions): Promise<Prepared> {
  const { cache } = options;
  cache?.useWorkers({ site: options.site, publicDir: options.publicDir });
  if (options.listing) {
    await options.listing;
    phase("lista del contenido");
  }
  const corpus = await loadCorpus({ contentDir: options.contentDir, publicDir: options.publicDir, site: options.site, ...(cache ? { loadFile: cache.loadFile } : {}), ...(options.listing ? { listing: options.listing } : {}) }).finally(() => cache?.finishLoading());
  phase("contenido leído");
  const problems = [...corpus.problems];
  const published = selectPublished(corpus.bulletins, options);
  const forwards = selectForwards(corpus.bulletins, options);
  const dataOptions: SiteDataOptions = { site: options.site, now: options.now, publicDir: options.publicDir, forwards };
  if (options.validateOnly) {
    dataOptions.renderBody = () => "";
    dataOptions.plainText = () => "";
    // Picture sizes need every image file read (its hash names the outputs): not for validation.
    delete dataOptions.publicDir;
  } else {
    if (cache) {
      // HTML is read back from the cache whenever a page or feed prints it; summaries need only the
      // start of the text, kept in the cache's index (no read of the pack).
      dataOptions.renderBody = (b) => cache.html(b);
      dataOptions.plainText = (b) => cache.leadText(b);
      dataOptions.readingMinutes = (b) => cache.minutesOf(b);
      dataOptions.lazyTexts = true;
    } else {
      // HTML and plain text come from one markdown parse.
      const rendered = oneParse();
      dataOptions.renderBody = (b) => rendered(b).html;
      dataOptions.plainText = (b) => rendered(b).text;
    }
  }
  let related: { job: RelatedJob; found: Promise<number[][] | undefined> } | undefined;
  const elsewhere = options.relatedElsewhere;
  if (elsewhere) dataOptions.relatedLater = (job) => (related = { job, found: elsewhere(job.subjects) });
  const data = buildSiteData(published, dataOptions);
  phase("datos del sitio");
  // Collisions are checked over every valid bulletin, drafts and embargoes included: they would
  // break the day they are published.
  const siteClaims = [...generatedClaims(data), ...publicFileClaims(options.publicDir)];
  problems.push(...findPathCollisions([...siteClaims, ...claimsOfBulletins(corpus.bulletins)]));
  // Files with errors against the site's own pages (loadCorpus compared them with the bulletins), each problem once.
  if (corpus.withErrors.length) {
    const said = new Set(problems.map(problemKey));
    problems.push(...findCollisionsOfFilesWithErrors(corpus.withErrors, siteClaims).filter((p) => !said.has(problemKey(p))));
  }
  // Links and pictures in bodies lead to what this build writes: the published bulletins' pages and stubs.
  problems.push(...findBrokenReferences(published, corpus.bulletins, { claims: siteClaims, redirectsOf, forwards }));
  problems.push(...findUnusableImages(corpus.bulletins, options.publicDir));
  problems.push(...missingPublicProblem(options.publicDir));
  problems.push(...findDuplicateNumbers(corpus.bulletins));
  problems.push(...findDuplicateIds(corpus.bulletins));
  if (options.earlier) problems.push(...findLostAddresses(options.earlier, corpus.bulletins, options.now, options.site));
  phase("comprobaciones del sitio");
  if (related) {
    related.job.attach((await related.found) ?? findRelated(related.job.subjects));
    phase("relacionados (otro hilo)");
  }
  const sorted = sortProblems(problems);
  if (hasErrors(sorted)) return { ok: false, problems: sorted, fileCount: corpus.fileCount };
  return {
    ok: true,
    inputs: { site: options.site, data, preview: options.drafts || options.future },
    problems: sorted,
    fileCount: corpus.fileCount,
    bulletinCount: corpus.bulletins.length,
    publishedCount: published.length,
  };
}

/** Body HTML and text of the last bulletin asked about: site data asks for both, one after the other. */
function oneParse(): (b: Bulletin) => { html: string; text: string } {
  let last: { body: string; made: { html: string; text: string } } | undefined;
  return (b) => {
    if (last?.body !== b.body) last = { body: b.body, made: renderMarkdownAndText(b.body) };
    return last.made;
  };
}

/** Environment switches for a bare `eleventy --config=.eleventy.ts` run (the CLI uses flags instead). */
export const PREPARE_ENV = { content: "BOLETINES_CONTENT", drafts: "BOLETINES_DRAFTS", future: "BOLETINES_FUTURE" } as const;

export async function prepareFromEnvironment(): Promise<EleventyInputs> {
  const env = process.env;
  const prepared = await prepareSite({
    contentDir: path.resolve(env[PREPARE_ENV.content] ?? "content"),
    publicDir: path.resolve("public"),
    drafts: env[PREPARE_ENV.drafts] === "1",
    future: env[PREPARE_ENV.future] === "1",
    now: resolveNow(env),
    site: resolveSiteConfig(env),
  });
  if (!prepared.ok) throw new Error(`El contenido tiene errores:\n${prepared.problems.map(formatProblem).join("\n")}`);
  return prepared.inputs;
}
