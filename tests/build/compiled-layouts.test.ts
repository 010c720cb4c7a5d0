import assert from "node:assert/strict";
import { writeFileSync, mkdirSync, rmSync, readdirSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import nunjucks from "nunjucks";
import { compilingLoader, type CompiledLayouts } from "../../src/build/compiled-layouts.ts";
import { BuildCache } from "../../src/build/cache.ts";
import { NUNJUCKS_OPTIONS } from "../../src/eleventy/configure.ts";
import { tempDir } from "./helpers.ts";

/** Templates using what the site's layouts use: inheritance, blocks, includes, macros, loops, autoescape and trimmed blocks. */
function writeTemplates(dir: string): void {
  mkdirSync(path.join(dir, "partials"), { recursive: true });
  writeFileSync(path.join(dir, "base.njk"), "<html>\n{% block body %}{% endblock %}\n</html>\n");
  writeFileSync(path.join(dir, "partials", "card.njk"), "{% macro card(t) %}<li>{{ t | upper }}</li>{% endmacro %}\n");
  writeFileSync(
    path.join(dir, "page.njk"),
    '{% extends "base.njk" %}\n{% from "partials/card.njk" import card %}\n{% block body %}\n  <h1>{{ title }}</h1>\n  {% for t in tags %}\n    {{ card(t) }}\n  {% endfor %}\n{% endblock %}\n',
  );
}

const CONTEXT = { title: "Salud <y> «vacunación»", tags: ["niñez", "a&b"] };

function render(dir: string, compiled?: CompiledLayouts, name = "page.njk"): string {
  const loader = compiled ? compilingLoader(nunjucks, dir, compiled) : new nunjucks.FileSystemLoader(dir);
  return new nunjucks.Environment(loader, { ...NUNJUCKS_OPTIONS }).render(name, CONTEXT);
}

test("layouts rendered from their stored compiled code give the same bytes, and the stored code is what runs", async () => {
  const dir = await tempDir("layouts-");
  try {
    writeTemplates(dir);
    const expected = render(dir);
    assert.match(expected, /Salud &lt;y&gt;/, "autoescaped");
    const compiled: CompiledLayouts = new Map();
    assert.equal(render(dir, compiled), expected);
    assert.equal(compiled.size, 3, "page, base and the partial were compiled and recorded");
    // As a later build reads them back from the cache folder.
    const stored: CompiledLayouts = new Map(Object.entries(JSON.parse(JSON.stringify(Object.fromEntries(compiled))) as Record<string, string>));
    assert.equal(render(dir, stored), expected);
    assert.equal(stored.size, 3, "nothing compiled again");
    // The stored code is used, not recompiled: altered, it changes the page.
    const altered = new Map([...stored].map(([k, code]) => [k, code.replace("<h1>", "<h2>")]));
    assert.match(render(dir, altered), /<h2>Salud/);
    // An edited layout has another name: compiled again, never confused with the stored code.
    writeFileSync(path.join(dir, "base.njk"), "<html lang=\"es\">\n{% block body %}{% endblock %}\n</html>\n");
    const afterEdit = render(dir, stored);
    assert.match(afterEdit, /<html lang="es">/);
    assert.equal(afterEdit, render(dir));
    assert.equal(stored.size, 4);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a layout that does not compile is reported as Nunjucks reports it, and nothing is recorded for it", async () => {
  const dir = await tempDir("layouts-");
  try {
    writeFileSync(path.join(dir, "broken.njk"), "<p>{% if x %}sin cerrar</p>\n");
    const plain = (() => {
      try {
        render(dir, undefined, "broken.njk");
      } catch (error) {
        return (error as Error).message;
      }
      return "";
    })();
    assert.match(plain, /broken\.njk/);
    const compiled: CompiledLayouts = new Map();
    assert.throws(() => render(dir, compiled, "broken.njk"), (error: Error) => error.message === plain);
    assert.equal(compiled.size, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the build cache keeps compiled layouts for the same code only", async () => {
  const dir = await tempDir("layouts-cache-");
  try {
    const first = (await BuildCache.open(dir, "huella-1"))!;
    first.compiledLayouts().set("clave", "return {};");
    await first.save();
    assert.ok(readdirSync(dir).includes("layouts.json"));
    const again = (await BuildCache.open(dir, "huella-1"))!;
    assert.deepEqual([...again.compiledLayouts()], [["clave", "return {};"]]);
    await again.close();
    const otherCode = (await BuildCache.open(dir, "huella-2"))!;
    assert.equal(otherCode.compiledLayouts().size, 0, "made by other code: not used");
    await otherCode.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
