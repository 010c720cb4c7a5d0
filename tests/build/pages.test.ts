import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { CARD_INPUTS, NEIGHBOUR_INPUTS, POST_DERIVED } from "../../src/build/pages.ts";
import { ROOT } from "./helpers.ts";

/**
 * A card's digest leaves out the links to other bulletins (src/build/pages.ts): that is only right
 * while no layout but the bulletin's own page prints them for a post shown as a card (`item`).
 */
test("cards print no field their digest leaves out", () => {
  const layouts = path.join(ROOT, "layouts");
  const files = readdirSync(layouts, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".njk") && f !== "bulletin.njk");
  const printed = new Map<string, string>();
  for (const file of files) {
    for (const m of readFileSync(path.join(layouts, file), "utf8").matchAll(/\bitem\.(\w+)/g)) printed.set(m[1]!, file);
  }
  assert.ok(printed.size > 0, "the card partial prints fields of `item`");
  const covered = new Set<string>([...CARD_INPUTS, ...POST_DERIVED]);
  for (const [field, file] of printed) {
    assert.ok(!(NEIGHBOUR_INPUTS as readonly string[]).includes(field), `${file} prints item.${field}, which a card's digest does not cover`);
    assert.ok(covered.has(field), `${file} prints item.${field}, unknown to the page digests`);
  }
});
