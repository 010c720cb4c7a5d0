import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * A fix from a later Pagefind, applied to the JavaScript that Pagefind 1.5 writes into each index.
 *
 * Pagefind 1.5 answers a search with no words (a search by filters only, `search(null, { filters })`)
 * by first downloading every word chunk of the index: it asks its WebAssembly which chunks hold the
 * empty word, and every chunk does. Nothing in those chunks is needed to list pages by filters: a
 * search by a section and a tag downloaded 11 MB at 10,000 bulletins, about 1.1 KB per bulletin,
 * on readers' phones. Pagefind fixed this in its pull request #1317 ("Don't request index chunks
 * for an empty search term", released in 1.6.0); 1.6.0 cannot be installed here (`npm ci` fails on
 * its packages for other platforms), so the build makes the same change in the two files that run
 * searches (the page's `pagefind.js` and its worker): an empty term asks for no word chunk.
 *
 * The exact expression is required: a Pagefind whose files differ (another version) fails the build
 * here, and whoever upgrades reads this note; from 1.6.0 on, this module can go.
 */
const SEARCH_SCRIPTS = ["pagefind.js", "pagefind-worker.js"] as const;
const ASKS_FOR_CHUNKS = "this.backend.request_indexes(ptr,term)";
const ASKS_ONLY_WITH_A_TERM = `(term?${ASKS_FOR_CHUNKS}:"[]")`;

/** Applies the fix to an index folder Pagefind has just written. */
export function backportEmptySearchFix(indexDir: string): void {
  for (const name of SEARCH_SCRIPTS) {
    const file = path.join(indexDir, name);
    const source = readFileSync(file, "utf8");
    const at = source.indexOf(ASKS_FOR_CHUNKS);
    if (at < 0 || source.indexOf(ASKS_FOR_CHUNKS, at + 1) >= 0) {
      throw new Error(
        `${name} de Pagefind no tiene una sola vez «${ASKS_FOR_CHUNKS}»: esta versión de Pagefind no es la 1.5 que src/build/pagefind-backport.ts corrige. Revisa ese archivo (desde Pagefind 1.6.0 ya no hace falta).`,
      );
    }
    writeFileSync(file, source.slice(0, at) + ASKS_ONLY_WITH_A_TERM + source.slice(at + ASKS_FOR_CHUNKS.length));
  }
}
