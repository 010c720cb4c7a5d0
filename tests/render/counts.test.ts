import assert from "node:assert/strict";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { buildFixture, tempDir } from "../build/helpers.ts";

/**
 * Every count a reader sees on the site's pages (a list's total, the counts of the topics, sections
 * and archive indexes, the home page's sections) is grouped as es-MX writes it: «1,005 boletines»,
 * never «1005». A site of 1,005 bulletins, all of one section, topic and month.
 */
const COUNT = 1005;
let dir: string;
let out: string;

before(async () => {
  dir = await tempDir("boletines-counts-");
  const content = path.join(dir, "content", "2024");
  mkdirSync(content, { recursive: true });
  for (let i = 0; i < COUNT; i++) {
    const day = String(1 + (i % 28)).padStart(2, "0");
    const minute = String(i % 60).padStart(2, "0");
    const hour = String(8 + Math.floor(i / 60) % 12).padStart(2, "0");
    writeFileSync(
      path.join(content, `2024-01-${day}-boletin-${i}.md`),
      `---\ntitle: "Boletín de prueba ${i}"\ndate: 2024-01-${day}T${hour}:${minute}:00-06:00\nsection: Salud\ntags: [vacunación]\ndescription: "Resumen ${i}"\n---\n\nTexto del boletín ${i}.\n`,
    );
  }
  const built = await buildFixture(path.join(dir, "content"), { outDir: path.join(dir, "_site") });
  assert.ok(built.result.ok, JSON.stringify(built.result.problems?.slice(0, 3)));
  out = built.out;
});
after(() => rmSync(dir, { recursive: true, force: true }));

function page(url: string): string {
  return readFileSync(path.join(out, ...url.split("/").filter(Boolean), "index.html"), "utf8");
}

test("list pages print their total with a thousands separator (the page numbers, which name a page, are not grouped)", () => {
  for (const url of ["/secciones/salud/", "/temas/vacunacion/", "/boletines/2024/", "/boletines/2024/01/"]) {
    const html = page(url);
    assert.match(html, /<p class="list-count">1,005 boletines · página 1 de 51/, url);
    assert.doesNotMatch(html, /\b1005 boletines/, url);
  }
  assert.match(page("/boletines/2024/"), /<a href="\/boletines\/2024\/01\/">Enero<\/a> <span class="count">\(1,005\)<\/span>/);
});

test("the topics, sections and archive indexes and the home page print their counts with a thousands separator", () => {
  assert.match(page("/temas/"), /vacunación<\/a> <span class="count">\(1,005\)<\/span>/);
  assert.match(page("/secciones/"), /Salud<\/a> <span class="count">\(1,005\)<\/span>/);
  const archive = page("/boletines/");
  assert.match(archive, /2024<\/a> <span class="count">\(1,005\)<\/span>/);
  assert.match(archive, /Enero<\/a> <span class="count">\(1,005\)<\/span>/);
  assert.match(readFileSync(path.join(out, "index.html"), "utf8"), /Salud<\/a> <span class="count">\(1,005\)<\/span>/);
  for (const url of ["/temas/", "/secciones/", "/boletines/"]) assert.doesNotMatch(page(url), /\(1005\)/, url);
});
