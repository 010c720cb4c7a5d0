import assert from "node:assert/strict";
import { appendFileSync, cpSync, existsSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { gunzipSync } from "node:zlib";
import { buildFixture, ROOT, tempDir, writeGeneratedContent } from "./helpers.ts";
import type { BuildResult } from "../../src/build/build.ts";

/**
 * The search index (src/build/search-index.ts): made by Pagefind from the published bulletins'
 * pages only, and reused from the published site, hard-linked, while none of them changed.
 */
let tmp: string;
let content: string;
let out: string;
let cache: string;

before(async () => {
  tmp = await tempDir("boletines-search-");
  content = path.join(tmp, "content");
  writeGeneratedContent(content, 12, 5);
  cpSync(path.join(ROOT, "content"), content, { recursive: true });
  out = path.join(tmp, "site");
  cache = path.join(tmp, "cache");
});
after(() => rmSync(tmp, { recursive: true, force: true }));

async function build(): Promise<Extract<BuildResult, { ok: true }>> {
  const { result } = await buildFixture(content, { outDir: out, cacheDir: cache, search: true });
  assert.ok(result.ok, result.ok ? "" : `${result.fatal ?? ""}`);
  return result;
}

/** Files of the published index, with their inodes. */
function indexFiles(): Map<string, number> {
  const dir = path.join(realpathSync(out), "pagefind");
  const files = new Map<string, number>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) files.set(path.relative(dir, path.join(e.parentPath, e.name)), statSync(path.join(e.parentPath, e.name)).ino);
  }
  return files;
}

/** The text of every page in the published index (Pagefind's fragments: gzip, a signature, then JSON). */
function indexedTexts(): string[] {
  const dir = path.join(realpathSync(out), "pagefind", "fragment");
  return readdirSync(dir).map((f) => {
    const raw = gunzipSync(readFileSync(path.join(dir, f))).toString("utf8");
    return (JSON.parse(raw.slice(raw.indexOf("{"))) as { content: string }).content;
  });
}

function entryPageCount(): number {
  const entry = JSON.parse(readFileSync(path.join(out, "pagefind", "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
}

test("the index holds exactly the published bulletins; a rebuild with none of their pages changed links the published index", async () => {
  const first = await build();
  assert.equal(first.search?.reused, false);
  assert.equal(first.search?.pages, first.published);
  assert.equal(entryPageCount(), first.published);
  assert.equal(indexedTexts().length, first.published);
  const before = indexFiles();

  const second = await build();
  assert.equal(second.search?.reused, true);
  assert.equal(entryPageCount(), second.published);
  // The other generation now holds the same files: hard links to the ones published before.
  assert.deepEqual(indexFiles(), before);
});

test("an edited bulletin makes Pagefind index again, and the edit is in the new index", async () => {
  await build();
  const file = readdirSync(content, { recursive: true }).map(String).filter((f) => f.endsWith(".md") && !f.startsWith("borradores")).sort()[2]!;
  const full = path.join(content, file);
  writeFileSync(full, `${readFileSync(full, "utf8").trimEnd()}\n\nNota de la redacción: el dato correcto es ornitorrinco.\n`);
  const result = await build();
  assert.equal(result.search?.reused, false);
  assert.ok(indexedTexts().some((t) => t.includes("ornitorrinco")), "the edited text is indexed");
  assert.equal(entryPageCount(), result.published);
});

test("a file of the published index changed by hand is never carried over: the index is made again", async () => {
  await build();
  await build();
  const damaged = path.join(realpathSync(out), "pagefind", "pagefind-entry.json");
  appendFileSync(damaged, "\n// cambiado a mano\n");
  const result = await build();
  assert.equal(result.search?.reused, false);
  const now = path.join(realpathSync(out), "pagefind", "pagefind-entry.json");
  assert.notEqual(statSync(now).ino, statSync(damaged).ino);
  assert.doesNotMatch(readFileSync(now, "utf8"), /cambiado a mano/);
  assert.equal(entryPageCount(), result.published);
});

test("a file added by hand to the unpublished site's index is not kept: the published index is linked instead", async () => {
  await build();
  await build();
  const published = realpathSync(out);
  const unpublished = path.join(path.dirname(published), path.basename(published) === "a" ? "b" : "a");
  writeFileSync(path.join(unpublished, "pagefind", "extra.js"), "alert(1)\n");
  const result = await build();
  assert.equal(result.search?.reused, true);
  assert.equal(realpathSync(out), unpublished);
  assert.ok(!existsSync(path.join(unpublished, "pagefind", "extra.js")));
  assert.equal(entryPageCount(), result.published);
});
