import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

/**
 * The Pagefind search index, written into the site's generation *before* it is published
 * (generations.ts), so a published site never has a missing or stale index. Only pages whose content carries
 * `data-pagefind-body` (bulletins) are indexed; the language comes from `<html lang>`.
 *
 * Pagefind's own command (from its npm package) is run as a child process rather than through its
 * Node API: with the API, builds running side by side sometimes left an empty `pagefind-entry.json`
 * (search then fails in the browser), and the command was also about twice as fast at 10,000 bulletins.
 *
 * Known exception to byte-identical builds: Pagefind 1.5 writes its filter and metadata files from
 * hash maps, so their bytes (and hashed names) vary between runs even for the same pages
 * (Pagefind issue #638; its fragments are stable since 1.3). Search results do not change.
 */
// The package's `exports` hide its runner (the `pagefind` command), so it is found beside the entry point.
const PAGEFIND_BIN = path.join(path.dirname(fileURLToPath(import.meta.resolve("pagefind"))), "runner/bin.cjs");

/** The index's folder in the site (not in the generation's manifest: rewritten whole by every build). */
export const SEARCH_INDEX_DIR = "pagefind";

export async function writeSearchIndex(siteDir: string): Promise<{ pages: number }> {
  try {
    await promisify(execFile)(process.execPath, [PAGEFIND_BIN, "--site", siteDir, "--output-subdir", SEARCH_INDEX_DIR], { maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const e = error as { stderr?: string; stdout?: string; message: string };
    throw new Error(`Pagefind no pudo crear el índice de búsqueda: ${(e.stderr || e.stdout || e.message).trim().split("\n").slice(-3).join(" ")}`);
  }
  // Checked, not assumed: a site whose search cannot load its index must not be published.
  const entry = JSON.parse(await readFile(path.join(siteDir, SEARCH_INDEX_DIR, "pagefind-entry.json"), "utf8")) as {
    languages: Record<string, { page_count: number }>;
  };
  return { pages: Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0) };
}
