import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { after, test } from "node:test";
import { buildFixture, ROOT, tempDir, writeGeneratedContent } from "./helpers.ts";

const tmp = await tempDir("boletines-shapes-");
after(() => rmSync(tmp, { recursive: true, force: true }));

// A rebuild reads every bulletin's fields many times over (sorting, grouping, digests, checks). When
// each bulletin of the cache had a hidden class of its own, every one of those reads missed V8's
// caches: at 10,000 bulletins an edit took ~100 ms longer (scripts/bench/NOTES.md, session 38).
test("bulletins read from the build cache share V8's hidden classes, as do their copies with the corpus's labels", async () => {
  const content = path.join(tmp, "content");
  const cacheDir = path.join(tmp, "cache");
  writeGeneratedContent(content, 300, 38);
  const { result } = await buildFixture(content, { cacheDir, outDir: path.join(tmp, "_site") });
  assert.equal(result.ok, true);
  const child = spawnSync(process.execPath, ["--allow-natives-syntax", "--import", "tsx", path.join(import.meta.dirname, "cache-shapes.child.ts"), content, cacheDir], {
    cwd: ROOT,
    encoding: "utf8",
  });
  assert.equal(child.status, 0, child.stderr);
  const seen = JSON.parse(child.stdout) as {
    hits: number;
    loaded: number;
    copies: number;
    bodies: number;
    fromCache: { shapes: number; maps: number };
    labelled: { shapes: number; maps: number };
  };
  assert.equal(seen.hits, 300, "every bulletin comes from the cache");
  assert.equal(seen.loaded, 300);
  assert.ok(seen.copies > 0, "the generated tags are spelled in several ways: some bulletins are copied with the corpus's labels");
  assert.equal(seen.bodies, 300);
  assert.ok(seen.fromCache.shapes < 20, `few shapes of bulletin (${seen.fromCache.shapes})`);
  // A shape may have more than one hidden class (V8 keeps, say, a field's number representation in it),
  // but never one per bulletin: before, 300 bulletins had 300 classes, and their copies 122.
  assert.ok(seen.fromCache.maps <= 3 * seen.fromCache.shapes, `bulletins of one shape share hidden classes (${seen.fromCache.maps} for ${seen.fromCache.shapes} shapes)`);
  assert.ok(seen.labelled.maps <= 3 * seen.labelled.shapes, `and so do the copies with the corpus's labels (${seen.labelled.maps} for ${seen.labelled.shapes} shapes)`);
});
