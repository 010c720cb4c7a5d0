import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { anchorOf, HeadingAnchors, LAYOUT_IDS } from "../../src/policy/anchors.ts";

test("a heading's anchor: lower case, letters with their accents, digits, _ and -; spaces to -", () => {
  assert.equal(anchorOf("Datos importantes"), "datos-importantes");
  assert.equal(anchorOf("Vacunación contra la Influenza 2024"), "vacunación-contra-la-influenza-2024");
  assert.equal(anchorOf("¿Qué hacer? ¡Acude!"), "qué-hacer-acude");
  assert.equal(anchorOf("IMSS-Bienestar & Salud"), "imss-bienestar--salud");
  assert.equal(anchorOf("Año_2024 · Niñas"), "año_2024--niñas");
});

test("anchors of one page: repeated ones numbered, the layout's own ids never taken, none for signs alone", () => {
  const anchors = new HeadingAnchors();
  assert.equal(anchors.next("Datos"), "datos");
  assert.equal(anchors.next("Datos"), "datos-1");
  assert.equal(anchors.next("datos 1"), "datos-1-1");
  assert.equal(anchors.next("Compartir"), "compartir-1");
  assert.equal(anchors.next("Relacionados"), "relacionados-1");
  assert.equal(anchors.next("¡!"), undefined);
  assert.equal(anchors.next("- -"), undefined);
  assert.equal(new HeadingAnchors().next("Datos"), "datos", "each page starts afresh");
});

test("LAYOUT_IDS are exactly the fixed ids of the bulletin page's layouts", () => {
  const root = path.resolve(import.meta.dirname, "../..");
  const ids = ["layouts/base.njk", "layouts/bulletin.njk"].flatMap((f) => [...readFileSync(path.join(root, f), "utf8").matchAll(/\bid="([^"{}]+)"/g)].map((m) => m[1]!));
  assert.deepEqual([...new Set(ids)].sort(), [...LAYOUT_IDS].sort());
});
