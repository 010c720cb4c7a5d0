import assert from "node:assert/strict";
import { appendFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { buildErrors, buildFixture, siteTree, treeDifference, writeGeneratedContent } from "./helpers.ts";

/**
 * The output folder is a link to one of two generations (src/build/generations.ts). Whatever the
 * history of edits, deletions, hand-made damage and lost manifests, the published site must be
 * byte for byte what a build from scratch makes, and the link must only ever point at a complete one.
 */
let tmp: string;
let content: string;

before(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "boletines-generations-"));
  content = path.join(tmp, "content");
  writeGeneratedContent(content, 24, 3);
});

after(() => rmSync(tmp, { recursive: true, force: true }));

async function build(out: string, cache: string | undefined = path.join(tmp, "cache"), prefetch?: boolean) {
  const { result } = await buildFixture(content, { outDir: out, ...(cache ? { cacheDir: cache } : {}), ...(prefetch !== undefined ? { prefetch } : {}) });
  assert.ok(result.ok, buildErrors(result));
  return result;
}

/** No folder is left empty by a deleted page. */
function assertNoEmptyFolder(dir: string): void {
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isDirectory()) assert.ok(readdirSync(path.join(e.parentPath, e.name)).length > 0, `empty folder ${path.relative(dir, path.join(e.parentPath, e.name))}`);
  }
}

async function assertLikeFresh(out: string, label: string) {
  const fresh = path.join(tmp, `fresh-${label}`);
  await build(fresh, undefined);
  assertNoEmptyFolder(out);
  assert.equal(treeDifference(siteTree(out), siteTree(fresh)), undefined, label);
}

function mdFiles(): string[] {
  return readdirSync(content, { recursive: true }).map(String).filter((f) => f.endsWith(".md")).sort();
}

test("edits, deletions and renames across alternating generations give exactly a fresh build; the link flips atomically", async () => {
  const parent = path.join(tmp, "alt");
  const out = path.join(parent, "_site");
  await build(out);
  assert.ok(lstatSync(out).isSymbolicLink());
  const first = readlinkSync(out);
  assert.equal(first, "._site.d/a");
  await assertLikeFresh(out, "first");

  // Round 1: an edited body and a deleted bulletin.
  const files = mdFiles();
  appendFileSync(path.join(content, files[2]!), "\nNota añadida por la redacción.\n");
  const gone = files[5]!;
  const goneText = readFileSync(path.join(content, gone), "utf8");
  unlinkSync(path.join(content, gone));
  const second = await build(out);
  assert.equal(readlinkSync(out), "._site.d/b");
  assert.ok(second.rendered < second.pagesWritten / 2, `only what changed is rendered (${second.rendered} of ${second.pagesWritten})`);
  await assertLikeFresh(out, "second");

  // Round 2: the deleted bulletin comes back under another file name, another gets new tags.
  writeFileSync(path.join(content, `otro-${path.basename(gone)}`), goneText);
  const tagged = path.join(content, files[9]!);
  writeFileSync(tagged, readFileSync(tagged, "utf8").replace("tags:\n", "tags:\n  - Tema Recién Creado\n"));
  await build(out);
  assert.equal(readlinkSync(out), "._site.d/a");
  await assertLikeFresh(out, "third");

  // Nothing changed: the link still flips, to a generation with the same bytes.
  const nothing = await build(out);
  assert.equal(nothing.rendered, 0);
  await assertLikeFresh(out, "fourth");
});

// The unpublished generation's files are checked on the main thread, or (large sites) by a worker
// thread while the cache is read (src/build/prefetch.ts): both must notice the same damage.
for (const prefetch of [false, true]) {
  test(`a published file damaged by hand, a lost manifest or a lost cache only cost time (${prefetch ? "checked by a worker thread" : "checked on the main thread"})`, async () => {
    const parent = path.join(tmp, `damage-${prefetch}`);
    const cache = path.join(tmp, `damage-cache-${prefetch}`);
    const out = path.join(parent, "_site");
    await build(out, cache, prefetch);
    await build(out, cache, prefetch);
    // Edited in place through the link: the file is shared by both generations (hard link).
    const home = path.join(out, "index.html");
    appendFileSync(home, "<!-- editado a mano -->");
    // Replaced by hand in the unpublished generation: same size, another inode.
    const other = readlinkSync(out).endsWith("/a") ? "b" : "a";
    const feed = path.join(parent, "._site.d", other, "feed.xml");
    const feedText = readFileSync(feed, "utf8");
    unlinkSync(feed);
    writeFileSync(feed, feedText.replace("<feed", "<FEED"));
    await build(out, cache, prefetch);
    await assertLikeFresh(out, `hand-edit-${prefetch}`);

    rmSync(path.join(parent, "._site.d", "a.json"));
    rmSync(path.join(parent, "._site.d", "b.json"));
    await build(out, cache, prefetch);
    await assertLikeFresh(out, `no-manifests-${prefetch}`);

    rmSync(cache, { recursive: true, force: true });
    await build(out, cache, prefetch);
    await build(out, cache, prefetch);
    await assertLikeFresh(out, `no-cache-${prefetch}`);

    // The whole store deleted: the dangling link is replaced by a complete site.
    rmSync(path.join(parent, "._site.d"), { recursive: true, force: true });
    await build(out, cache, prefetch);
    await assertLikeFresh(out, `no-store-${prefetch}`);
    assert.deepEqual(readdirSync(parent).sort(), ["._site.d", "_site"]);
  });
}

test("an older build's plain folder is replaced by the link; a link or file not made by boletines is refused", async () => {
  const parent = path.join(tmp, "legacy");
  const out = path.join(parent, "_site");
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, "index.html"), "<!doctype html><title>Sitio viejo</title>");
  writeFileSync(path.join(out, "viejo.html"), "de otra compilación");
  await build(out);
  assert.ok(lstatSync(out).isSymbolicLink());
  assert.ok(!existsSync(path.join(out, "viejo.html")), "nothing of the old folder is published");
  await assertLikeFresh(out, "legacy");
  assert.deepEqual(readdirSync(parent).sort(), ["._site.d", "_site"], "the old folder is gone");

  const foreign = path.join(tmp, "foreign");
  mkdirSync(path.join(foreign, "elsewhere"), { recursive: true });
  symlinkSync("elsewhere", path.join(foreign, "_site"));
  const { result } = await buildFixture(content, { outDir: path.join(foreign, "_site") });
  assert.equal(result.ok, false);
  assert.match(result.ok ? "" : (result.fatal ?? ""), /es un enlace simbólico a elsewhere, que no es una versión generada por boletines/);
  assert.equal(readlinkSync(path.join(foreign, "_site")), "elsewhere");
  assert.deepEqual(readdirSync(path.join(foreign, "elsewhere")), []);
});

test("--out never replaces what is not a site: an editor's folder, a project, the content folder or a folder holding it are refused and left as they were", async () => {
  const place = path.join(tmp, "not-a-site");
  const notes = path.join(place, "mine");
  mkdirSync(notes, { recursive: true });
  writeFileSync(path.join(notes, "notas.txt"), "no borrar");
  const project = path.join(place, "project");
  mkdirSync(project, { recursive: true });
  writeFileSync(path.join(project, "index.html"), "<!doctype html>");
  writeFileSync(path.join(project, "package.json"), "{}");
  const cases: Array<[outDir: string, contentDir: string, message: RegExp]> = [
    [notes, content, /mine ya existe y no parece un sitio generado \(no tiene index\.html\)/],
    [project, content, /project ya existe y no parece un sitio generado \(tiene package\.json\)/],
    [content, content, /es la carpeta de contenido/],
    [path.dirname(content), content, /contiene la carpeta de contenido/],
  ];
  for (const [outDir, contentDir, message] of cases) {
    const before = readdirSync(outDir).sort();
    const { result } = await buildFixture(contentDir, { outDir });
    assert.equal(result.ok, false, outDir);
    assert.match(result.ok ? "" : (result.fatal ?? ""), message);
    assert.ok(!lstatSync(outDir).isSymbolicLink(), `${outDir} is still a folder`);
    assert.deepEqual(readdirSync(outDir).sort(), before, `${outDir} untouched`);
  }
  assert.equal(readFileSync(path.join(notes, "notas.txt"), "utf8"), "no borrar");
  // An empty folder is the site's to fill.
  const empty = path.join(place, "vacia");
  mkdirSync(empty);
  const { result } = await buildFixture(content, { outDir: empty });
  assert.ok(result.ok);
  assert.ok(lstatSync(empty).isSymbolicLink());
});
