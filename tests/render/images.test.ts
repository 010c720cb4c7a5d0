import assert from "node:assert/strict";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { PROJECT_ROOT } from "../../src/build/build.ts";
import { describePicture, generatePictures, PICTURE_SIZES, publicFileOf } from "../../src/render/images.ts";

const PUBLIC = path.join(PROJECT_ROOT, "tests/fixtures/e2e-public");

test("a 1600×900 JPEG becomes AVIF and WebP sources at 480, 960 and 1440 px, WebP as fallback", () => {
  const pic = describePicture(publicFileOf(PUBLIC, "/uploads/2025/vacunacion-merida.jpg")!, "Una enfermera");
  assert.ok(pic);
  assert.equal(pic.alt, "Una enfermera");
  assert.equal(pic.width, 1440);
  assert.equal(pic.height, 810);
  assert.match(pic.src, /^\/img\/[\w-]+-1440\.webp$/);
  assert.equal(pic.sizes, PICTURE_SIZES);
  assert.deepEqual(pic.sources.map((s) => s.type), ["image/avif", "image/webp"]);
  assert.deepEqual(pic.sources[0]!.srcset.split(", ").map((s) => s.split(" ")[1]), ["480w", "960w", "1440w"]);
});

test("a missing or unreadable file gives no picture", () => {
  assert.equal(describePicture(path.join(PUBLIC, "uploads/no-existe.jpg"), "x"), undefined);
  assert.equal(describePicture(path.join(PROJECT_ROOT, "package.json"), "x"), undefined);
});

test("site paths cannot leave public/", () => {
  assert.equal(publicFileOf(PUBLIC, "/uploads/a.jpg"), path.join(PUBLIC, "uploads/a.jpg"));
  assert.equal(publicFileOf(PUBLIC, "/../../etc/passwd"), path.join(PUBLIC, "etc/passwd"));
  assert.equal(publicFileOf(PUBLIC, "/"), null);
});

test("pictures are encoded once into the cache, then only copied", async () => {
  const tmp = await mkdtemp(path.join(os.tmpdir(), "boletines-img-"));
  try {
    const source = publicFileOf(PUBLIC, "/uploads/2025/vacunacion-merida.jpg")!;
    const pic = describePicture(source, "x")!;
    const cache = path.join(tmp, "cache");
    assert.equal(await generatePictures([source], path.join(tmp, "a"), cache), 1);
    assert.equal(await generatePictures([source], path.join(tmp, "b"), cache), 0, "second build re-uses the cache");
    for (const out of ["a", "b"]) {
      const names = (await readdir(path.join(tmp, out, "img"))).sort();
      assert.equal(names.length, 6, names.join(", "));
      // The files are exactly those the page names.
      assert.ok(names.includes(path.posix.basename(pic.src)), `${pic.src} in ${names.join(", ")}`);
      for (const s of pic.sources) for (const part of s.srcset.split(", ")) assert.ok(names.includes(path.posix.basename(part.split(" ")[0]!)), part);
    }
    assert.deepEqual((await readdir(cache)).filter((n) => n.startsWith(".")), [], "no temporary folder left");
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
});
