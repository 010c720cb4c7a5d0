/**
 * `node --import tsx scripts/bench/parse.ts [DIR] [--rounds N] [--limit N]`: CPU time of what a cold
 * build's file thread does for each content file (`parseForCache`: read, decode, front matter,
 * normalize, render the body, encode the pack record), in this one thread, and of its stages. DIR
 * defaults to the 10,000-bulletin bench corpus (`.bench/n10000/content`; make it with
 * `npm run bench -- --sizes 10000 --generate-only`). A script, not a test: nothing here asserts a
 * time. The first round warms the JIT and is not counted; the best round is the figure to compare.
 */
import { readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { parseForCache } from "../../src/build/parse-file.ts";
import { renderPackRecord } from "../../src/build/pack-record.ts";
import { makeImageExists } from "../../src/model/corpus.ts";
import { loadContentFile, type ContentFile, type SourceDocument } from "../../src/model/load.ts";
import { normalizeBulletin } from "../../src/model/normalize.ts";
import { resolveSiteConfig } from "../../src/site.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    rounds: { type: "string", default: "3" },
    limit: { type: "string", default: "5000" },
  },
});
const dir = path.resolve(positionals[0] ?? path.join(ROOT, ".bench/n10000/content"));
const rounds = Math.max(1, Number(values.rounds));

const files: ContentFile[] = readdirSync(dir, { recursive: true, encoding: "utf8" })
  .filter((f) => f.endsWith(".md"))
  .sort()
  .slice(0, Math.max(1, Number(values.limit)))
  .map((relPath) => ({ absPath: path.join(dir, relPath), relPath: relPath.split(path.sep).join("/") }));
const site = resolveSiteConfig({});
const imageExists = makeImageExists(path.join(ROOT, "public"));
const docs: SourceDocument[] = [];
for (const file of files) {
  const loaded = loadContentFile(file);
  if (loaded.ok) docs.push(loaded.doc);
}
const bodies = docs.map((d) => d.body);

async function cpuMs(fn: (i: number) => unknown): Promise<number> {
  const start = process.cpuUsage();
  for (let i = 0; i < files.length; i++) await fn(i);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

async function time(label: string, fn: (i: number) => unknown): Promise<void> {
  const first = await cpuMs(fn);
  const runs: number[] = [];
  for (let r = 0; r < rounds; r++) runs.push(await cpuMs(fn));
  const best = Math.min(...runs);
  console.log(`${label.padEnd(22)} ${runs.map((ms) => ms.toFixed(0)).join(", ")} ms CPU (best ${best.toFixed(0)} ms, ${((best * 1000) / files.length).toFixed(1)} µs per file; first round, cold JIT: ${first.toFixed(0)} ms)`);
}

console.log(`${files.length} files from ${path.relative(ROOT, dir) || "."}; load ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
await time("parseForCache", (i) => parseForCache(files[i]!, site, imageExists));
await time("  loadContentFile", (i) => loadContentFile(files[i]!));
await time("  normalizeBulletin", (i) => normalizeBulletin(docs[i % docs.length]!, { site, imageExists }));
await time("  renderPackRecord", (i) => renderPackRecord(bodies[i % bodies.length]!, "{}"));
