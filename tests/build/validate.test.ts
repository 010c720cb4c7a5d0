import assert from "node:assert/strict";
import { appendFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { validateSite } from "../../src/build/validate.ts";
import { buildAssets, readAssetSources } from "../../src/render/assets.ts";
import { formatProblem } from "../../src/model/problems.ts";
import { DEFAULT_SITE } from "../../src/site.ts";
import { normalizeText } from "../model/helpers.ts";
import { buildFixture, copyDir, FIXED_NOW, read, ROOT, tempDir, writeGeneratedContent } from "./helpers.ts";

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

test("a file with errors is compared with the site's own pages in the same run, from scratch and from the cache", async () => {
  const dir = await tempDir("boletines-errored-claims-");
  const content = path.join(dir, "content", "2024");
  mkdirSync(content, { recursive: true });
  writeFileSync(path.join(content, "2024-04-09-a.md"), `---\ntitle: "A"\ndate: 2024-04-09\ndescription: "d"\ntags: [Vacunas]\n---\nTexto.\n`);
  // An error of its own (front: quizás), and a redirect onto the topic's page the site writes.
  writeFileSync(path.join(content, "2024-04-10-b.md"), `---\ntitle: "B"\ndate: 2024-04-10\ndescription: "d"\nfront: quizás\nredirect_from: /temas/vacunas/\n---\nTexto.\n`);
  const cache = path.join(dir, "cache");
  for (const cacheDir of [undefined, cache, cache]) {
    const checked = await validateSite(options(path.join(dir, "content"), cacheDir));
    const errors = checked.problems.filter((p) => p.severity === "error").map(formatProblem);
    assert.equal(errors.filter((e) => e.includes("[front]")).length, 1, errors.join("\n"));
    assert.deepEqual(errors.filter((e) => e.includes("redirect_from")), [
      `${path.join(content, "2024-04-10-b.md")}:6:1: error [redirect_from]: La redirección /temas/vacunas/ coincide con la página «Tema: Vacunas».\n    → Quita esa ruta de redirect_from.`,
    ]);
  }
});

test("links and pictures in bodies: checked against what the build writes, the same from threads, from the cache and from scratch", async () => {
  const dir = await tempDir("boletines-references-");
  const content = path.join(dir, "content");
  // More files than the threshold of the reading threads: a cold build reads them on other threads.
  writeGeneratedContent(content, 80, 7);
  const generated = readdirSync(content, { recursive: true }).map(String).filter((f) => f.endsWith(".md")).sort();
  const targetUrl = normalizeText(readFileSync(path.join(content, generated[0]!), "utf8"), { file: `content/${generated[0]!}` }).bulletin!.url;
  mkdirSync(path.join(content, "2025"), { recursive: true });
  writeFileSync(path.join(content, "2025", "2025-02-01-borrador.md"), `---\ntitle: "Borrador"\ndate: 2025-02-01\ndraft: true\n---\nTexto.\n`);
  writeFileSync(
    path.join(content, "2025", "2025-03-01-enlaces.md"),
    `---\ntitle: "Enlaces"\ndate: 2025-03-01\ndescription: "d"\n---\n\nVer [el otro](${targetUrl}), [un lugar de él](${targetUrl}#no-existe), [el borrador](/boletines/2025/02/borrador/) y [nada](/boletines/2099/01/nada/).\n\n![La foto](/uploads/no-existe.jpg)\n`,
  );
  const cache = path.join(dir, "cache");
  const shown = (problems: readonly Parameters<typeof formatProblem>[0][]) => problems.filter((p) => p.code.startsWith("body-")).map(formatProblem);
  const cold = await buildFixture(content, { cacheDir: cache, outDir: path.join(dir, "_site") });
  assert.ok(cold.result.ok);
  const said = shown(cold.result.problems);
  assert.equal(said.length, 4, said.join("\n"));
  // The other bulletin's page is read (from a reading thread, later from the cache) for its anchors.
  assert.match(said[0]!, /2025-03-01-enlaces\.md:7:\d+: aviso: El enlace a \/boletines\/[^ ]+#no-existe lleva a «[^»]+», pero esa página no tiene el ancla #no-existe/);
  assert.match(said[1]!, /2025-03-01-enlaces\.md:7:\d+: aviso: El enlace a \/boletines\/2025\/02\/borrador\/ lleva a «Borrador», que no se publica en esta compilación: es un borrador/);
  assert.match(said[2]!, /2025-03-01-enlaces\.md:7:\d+: aviso: El enlace a \/boletines\/2099\/01\/nada\/ no lleva a ninguna página del sitio/);
  assert.match(said[3]!, /2025-03-01-enlaces\.md:9:1: aviso: La imagen \/uploads\/no-existe\.jpg del texto no existe en public\//);
  // The page is made anyway, with what the editor wrote.
  assert.match(await read(cold.out, "boletines/2025/03/enlaces/index.html"), /<a href="\/boletines\/2099\/01\/nada\/">nada<\/a>/);
  const warm = await buildFixture(content, { cacheDir: cache, outDir: path.join(dir, "_site") });
  assert.ok(warm.result.ok);
  assert.deepEqual(shown(warm.result.problems), said);
  // A preview publishes the draft: the link to it is fine there.
  const preview = await buildFixture(content, { cacheDir: path.join(dir, "cache-preview"), drafts: true });
  assert.ok(preview.result.ok);
  assert.equal(shown(preview.result.problems).length, 3);
  // check (drafts included) says the same from the cache and from scratch.
  const checked = await validateSite(options(content, cache));
  const butDraft = [said[0], ...said.slice(2)];
  assert.deepEqual(shown(checked.problems), butDraft);
  assert.deepEqual(shown((await validateSite(options(content))).problems), butDraft);
});

test("two files whose names differ only by the extension are an error naming both (their feed entries would share an id)", async () => {
  const dir = await tempDir("boletines-validate-ids-");
  const content = path.join(dir, "content", "2023");
  mkdirSync(content, { recursive: true });
  const file = (title: string) => `---\ntitle: "${title}"\ndate: 2023-08-04\ndescription: "d"\n---\nCuerpo.\n`;
  writeFileSync(path.join(content, "dup.md"), file("Doble uno"));
  writeFileSync(path.join(content, "dup.markdown"), file("Doble dos"));
  const r = await validateSite(options(path.join(dir, "content")));
  assert.equal(r.ok, false);
  const p = r.problems.find((x) => x.code === "file-name-duplicate");
  assert.ok(p, JSON.stringify(r.problems));
  assert.deepEqual([path.basename(p.file), path.basename(p.otherFile ?? "")], ["dup.md", "dup.markdown"]);
  assert.match(formatProblem(p), /dup\.markdown tiene el mismo nombre con otra extensión/);
});
