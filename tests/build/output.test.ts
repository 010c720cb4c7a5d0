import assert from "node:assert/strict";
import { readFile, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { buildFixture, listFiles, ROOT, tempDir } from "./helpers.ts";

test("the same content gives byte-identical output", async () => {
  const a = await buildFixture(path.join(ROOT, "tests/fixtures/varied"));
  const b = await buildFixture(path.join(ROOT, "tests/fixtures/varied"));
  assert.ok(a.result.ok && b.result.ok);
  const files = await listFiles(a.out);
  assert.deepEqual(await listFiles(b.out), files);
  for (const f of files) assert.ok((await readFile(path.join(a.out, f))).equals(await readFile(path.join(b.out, f))), f);
});

test("lists paginate 20 a page under /pagina/N/ with previous/next links", async () => {
  const content = path.join(await tempDir(), "content");
  await mkdir(content);
  for (let i = 1; i <= 45; i++) {
    const day = String(((i - 1) % 28) + 1).padStart(2, "0");
    const month = i <= 28 ? "03" : "04";
    await writeFile(path.join(content, `b${String(i).padStart(2, "0")}.md`), `---\ntitle: "Boletín número ${i}"\ndate: 2024-${month}-${day}T10:00:00-06:00\ntags: [Salud]\ndescription: "d"\n---\nTexto ${i}.\n`);
  }
  const { out, result } = await buildFixture(content);
  assert.ok(result.ok);
  const files = await listFiles(out);
  for (const f of ["temas/salud/index.html", "temas/salud/pagina/2/index.html", "temas/salud/pagina/3/index.html", "boletines/2024/pagina/3/index.html", "boletines/2024/03/pagina/2/index.html", "boletines/2024/04/index.html"]) {
    assert.ok(files.includes(f), f);
  }
  assert.ok(!files.includes("temas/salud/pagina/4/index.html"));
  assert.ok(!files.includes("temas/salud/pagina/1/index.html"), "page 1 lives at the list's own URL");
  const page2 = await readFile(path.join(out, "temas/salud/pagina/2/index.html"), "utf8");
  assert.match(page2, /rel="prev" href="\/temas\/salud\/"/);
  assert.match(page2, /rel="next" href="\/temas\/salud\/pagina\/3\/"/);
  assert.equal((page2.match(/class="card"/g) ?? []).length, 20);
  const page3 = await readFile(path.join(out, "temas/salud/pagina/3/index.html"), "utf8");
  assert.equal((page3.match(/class="card"/g) ?? []).length, 5);
  assert.doesNotMatch(page3, /rel="next"/);
});
