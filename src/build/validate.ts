import path from "node:path";
import { PROJECT_ROOT } from "../project-root.ts";
import { BuildCache, codeFingerprint } from "./cache.ts";
import { prepareSite, type Prepared, type PrepareOptions } from "./prepare.ts";

/**
 * What `check` runs: every file loaded and validated exactly as a build does, without making pages.
 * With `cacheDir` (the build's cache by default), a file unchanged since the last build or check
 * is not parsed again, and what this check parses is kept for the next build.
 */
export async function validateSite(options: PrepareOptions & { cacheDir?: string }): Promise<Prepared & { fromCache: number }> {
  const { cacheDir, ...prepare } = options;
  // The same fingerprint as the build's (src/build/build.ts): the two share their entries.
  const cache = cacheDir ? await BuildCache.open(path.resolve(cacheDir), codeFingerprint(PROJECT_ROOT, { site: prepare.site })) : undefined;
  try {
    const prepared = await prepareSite({ ...prepare, validateOnly: true, ...(cache ? { cache } : {}) });
    await cache?.save();
    // Files whose earlier parse was reused (their bytes unchanged): the rest were read and validated now.
    return { ...prepared, fromCache: cache?.hits ?? 0 };
  } finally {
    await cache?.close();
  }
}
