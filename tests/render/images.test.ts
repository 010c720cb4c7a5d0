import assert from "node:assert/strict";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { PROJECT_ROOT } from "../../src/build/build.ts";
import { describePicture, generatePictures, PICTURE_SIZES, publicFileOf, SHARE_WIDTH } from "../../src/render/images.ts";

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
    assert.equal(await generatePictures([source], [source], path.join(tmp, "a"), cache), 2, "its picture files and its preview file");
    assert.equal(await generatePictures([source], [source], path.join(tmp, "b"), cache), 0, "second build re-uses the cache");
    for (const out of ["a", "b"]) {
      const names = (await readdir(path.join(tmp, out, "img"))).sort();
      assert.equal(names.length, 7, names.join(", "));
      assert.ok(names.includes(path.posix.basename(pic.share.src)), `${pic.share.src} in ${names.join(", ")}`);
      // The files are exactly those the page names.
      assert.ok(names.includes(path.posix.basename(pic.src)), `${pic.src} in ${names.join(", ")}`);
      for (const s of pic.sources) for (const part of s.srcset.split(", ")) assert.ok(names.includes(path.posix.basename(part.split(" ")[0]!)), part);
    }
    assert.deepEqual((await readdir(cache)).filter((n) => n.startsWith(".")), [], "no temporary folder left");
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
});

/** Width and height from a JPEG's frame header (SOF0/SOF2), and whether the bytes are a JPEG at all. */
function jpegSize(bytes: Buffer): { width: number; height: number } | undefined {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  for (let i = 2; i + 9 < bytes.length; ) {
    if (bytes[i] !== 0xff) return undefined;
    const marker = bytes[i + 1]!;
    if (marker === 0xc0 || marker === 0xc2) return { height: bytes.readUInt16BE(i + 5), width: bytes.readUInt16BE(i + 7) };
    i += 2 + bytes.readUInt16BE(i + 2);
  }
  return undefined;
}

test("a lead picture is also a JPEG for link previews: at most 1200 px wide, never enlarged, its size the one named", async () => {
  const tmp = await mkdtemp(path.join(os.tmpdir(), "boletines-share-"));
  try {
    const cases: Array<[sitePath: string, width: number, height: number]> = [
      ["/uploads/2025/vacunacion-merida.jpg", SHARE_WIDTH, 675], // 1600×900: made smaller
      ["/uploads/2024/vacuna-embarazo.jpg", 1200, 800], // 1200×800: as wide as it is
    ];
    for (const [sitePath, width, height] of cases) {
      const source = publicFileOf(PUBLIC, sitePath)!;
      const pic = describePicture(source, "x")!;
      assert.deepEqual([pic.share.width, pic.share.height], [width, height], sitePath);
      assert.match(pic.share.src, /^\/img\/[\w-]+-\d+\.jpeg$/);
      await generatePictures([], [source], path.join(tmp, "out"), path.join(tmp, "cache"));
      const bytes = await readFile(path.join(tmp, "out", pic.share.src));
      assert.deepEqual(jpegSize(bytes), { width, height }, `${sitePath}: the file is a JPEG of the size the page names`);
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
});
