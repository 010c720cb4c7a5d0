import assert from "node:assert/strict";
import { appendFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { validateSite } from "../../src/build/validate.ts";
import { buildAssets, readAssetSources } from "../../src/render/assets.ts";
import { formatProblem } from "../../src/model/problems.ts";
import { DEFAULT_SITE } from "../../src/site.ts";
import { buildFixture, copyDir, FIXED_NOW, ROOT, tempDir } from "./helpers.ts";

/** `check` reads the build's cache: what it reports must be what a check from scratch reports. */
const options = (contentDir: string, cacheDir?: string) => ({
  contentDir,
  publicDir: path.join(ROOT, "public"),
  drafts: true,
  future: true,
  now: FIXED_NOW,
  site: DEFAULT_SITE,
  ...(cacheDir ? { cacheDir } : {}),
});
const report = (r: { ok: boolean; problems: Parameters<typeof formatProblem>[0][]; fileCount: number }) => ({ ok: r.ok, fileCount: r.fileCount, problems: r.problems.map(formatProblem) });

test("check reuses the build's cache for unchanged files, and reports exactly what a check from scratch reports", async () => {
  const dir = await tempDir("boletines-validate-");
  const content = path.join(dir, "content");
  await copyDir(path.join(ROOT, "tests/fixtures/varied"), content);
  const cache = path.join(dir, "cache");
  // A preview build renders every bulletin, drafts and scheduled ones included, so the cache holds every file
  // (a production build keeps only what it published: a check parses drafts and scheduled bulletins again).
  const built = await buildFixture(content, { cacheDir: cache, outDir: path.join(dir, "_site"), drafts: true, future: true });
  assert.ok(built.result.ok);
  const files = readdirSync(content, { recursive: true }).map(String).filter((f) => f.endsWith(".md")).sort();

  const warm = await validateSite(options(content, cache));
  assert.equal(warm.fromCache, files.length, "every file came from the cache");
  assert.deepEqual(report(warm), report(await validateSite(options(content))));

  // A file edited after the build (a warning added), another broken: both are validated again.
  const warned = path.join(content, files[1]!);
  writeFileSync(warned, readFileSync(warned, "utf8").replace(/^description:.*\n/m, ""));
  appendFileSync(path.join(content, files[2]!), "\n");
  const broken = path.join(content, files[3]!);
  writeFileSync(broken, readFileSync(broken, "utf8").replace(/^date: .*$/m, "date: 2024-02-30"));
  const again = await validateSite(options(content, cache));
  assert.equal(again.fromCache, files.length - 3);
  assert.equal(again.ok, false);
  assert.ok(again.problems.some((p) => p.severity === "error" && p.file.endsWith(files[3]!) && p.field === "date"), "the broken date is reported");
  assert.deepEqual(report(again), report(await validateSite(options(content))));
});

test("what the site writes besides pages is claimed too: the font, the search indexes, and public/ files on generated paths", async () => {
  const dir = await tempDir("boletines-claims-");
  const content = path.join(dir, "content", "2024");
  const publicDir = path.join(dir, "public");
  await copyDir(path.join(ROOT, "public"), publicDir);
  writeFileSync(path.join(publicDir, "feed.xml"), "<feed/>");
  const font = buildAssets(readAssetSources()).fonts[0]!.url;
  mkdirSync(content, { recursive: true });
  writeFileSync(path.join(content, "2024-04-09-a.md"), `---\ntitle: "A"\ndate: 2024-04-09\ndescription: "d"\nredirect_from: [${font}, /pagefind/2024/]\n---\nTexto.\n`);
  const checked = await validateSite({ ...options(path.join(dir, "content")), publicDir });
  assert.equal(checked.ok, false);
  const errors = checked.problems.filter((p) => p.severity === "error").map(formatProblem).join("\n");
  assert.match(errors, new RegExp(`La redirección ${font.replace(/\./g, "\\.")} coincide con el archivo ${font.replace(/\./g, "\\.")}`));
  assert.match(errors, /La redirección \/pagefind\/2024\/ queda dentro de la carpeta de los índices de búsqueda/);
  assert.match(errors, /public\/feed\.xml: error: El archivo .*public\/feed\.xml tiene la misma ruta que el archivo \/feed\.xml\./);
  // The build says the same and writes nothing (it used to stop with an unexpected error on public/feed.xml).
  const built = await buildFixture(path.join(dir, "content"), { outDir: path.join(dir, "_site"), publicDir });
  assert.equal(built.result.ok, false);
  assert.ok(!("fatal" in built.result && built.result.fatal), JSON.stringify(built.result));
});
