import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";

/**
 * The Pagefind search index, written into the site folder *before* it is swapped in, so a
 * published site never has a missing or stale index. Only pages whose content carries
 * `data-pagefind-body` (bulletins) are indexed; the language comes from `<html lang>`.
 *
 * Known exception to byte-identical builds: Pagefind 1.5 writes its filter and metadata files from
 * hash maps, so their bytes (and hashed names) vary between runs even for the same pages
 * (Pagefind issue #638; its fragments are stable since 1.3). Search results do not change.
 */
export async function writeSearchIndex(siteDir: string): Promise<{ pages: number }> {
  try {
    const created = await pagefind.createIndex({});
    if (!created.index) throw new Error(created.errors.join("; ") || "Pagefind no creó el índice");
    // Pages are added one by one in path order: `addDirectory` reads them concurrently, and the
    // order of arrival shows in the index files, which would break byte-identical builds.
    const pages = (await readdir(siteDir, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile() && e.name.endsWith(".html"))
      .map((e) => path.relative(siteDir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
      .filter((rel) => !rel.startsWith("pagefind/"))
      .sort();
    let indexed = 0;
    for (const rel of pages) {
      const content = await readFile(path.join(siteDir, rel), "utf8");
      // Only bulletins carry data-pagefind-body; other pages need not be parsed at all.
      if (!content.includes("data-pagefind-body")) continue;
      const added = await created.index.addHTMLFile({ sourcePath: rel, content });
      if (added.errors.length) throw new Error(`${rel}: ${added.errors.join("; ")}`);
      indexed += 1;
    }
    const written = await created.index.writeFiles({ outputPath: path.join(siteDir, "pagefind") });
    if (written.errors.length) throw new Error(written.errors.join("; "));
    return { pages: indexed };
  } finally {
    await pagefind.close();
  }
}
