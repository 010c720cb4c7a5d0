// Run by cache-shapes.test.ts as `node --allow-natives-syntax --import tsx <this> <content> <cache>`:
// loads every bulletin of `content` from the build cache as a rebuild does, and tells on stdout, as
// JSON, how many bulletins, shapes of bulletin and hidden classes there are.
import { BuildCache, siteFingerprint } from "../../src/build/cache.ts";
import { applyCorpusLabels, makeImageExists } from "../../src/model/corpus.ts";
import { listContentFiles } from "../../src/model/load.ts";
import type { Bulletin } from "../../src/model/bulletin.ts";
import { DEFAULT_SITE } from "../../src/site.ts";
import { ROOT } from "./helpers.ts";
import path from "node:path";

const [contentDir, cacheDir] = process.argv.slice(2) as [string, string];
// V8's own test of hidden classes; this syntax exists only under --allow-natives-syntax.
const haveSameMap = new Function("a", "b", "return %HaveSameMap(a, b)") as (a: object, b: object) => boolean;

/** How many shapes of bulletin (own fields, in order) there are, and how many hidden classes they have. */
function classes(bulletins: readonly Bulletin[]): { shapes: number; maps: number } {
  const shapes = new Set<string>();
  const maps: Bulletin[] = [];
  for (const b of bulletins) {
    shapes.add(Reflect.ownKeys(b).map(String).join(","));
    if (!maps.some((m) => haveSameMap(m, b))) maps.push(b);
  }
  return { shapes: shapes.size, maps: maps.length };
}

const cache = (await BuildCache.open(cacheDir, siteFingerprint(DEFAULT_SITE)))!;
const ctx = { site: DEFAULT_SITE, imageExists: makeImageExists(path.join(ROOT, "public")) };
const loaded: Bulletin[] = [];
for (const file of (await listContentFiles(contentDir)).files) {
  const { bulletin } = await cache.loadFile(file, ctx);
  if (bulletin) loaded.push(bulletin);
}
const labelled = applyCorpusLabels(loaded);
process.stdout.write(
  JSON.stringify({
    hits: cache.hits,
    loaded: loaded.length,
    copies: labelled.filter((b, i) => b !== loaded[i]).length,
    // Their markdown is still read through the cache (the prototype's accessors).
    bodies: labelled.filter((b) => b.body.length > 0).length,
    fromCache: classes(loaded),
    labelled: classes(labelled),
  }),
);
await cache.close();
