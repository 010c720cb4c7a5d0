import assert from "node:assert/strict";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { CARD_INPUTS, NEIGHBOUR_INPUTS, POST_DERIVED } from "../../src/build/pages.ts";
import { ROOT, tempDir } from "./helpers.ts";
import { PageWorkers } from "../../src/build/page-workers.ts";
import { DEFAULT_SITE } from "../../src/site.ts";

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

test("page worker threads render with the layouts and report a file-system error with its code", async () => {
  const dir = await tempDir("page-workers-");
  const workers = new PageWorkers({ globals: { site: DEFAULT_SITE, preview: false, boletines: { assets: { stylesheetUrl: "/css/s.css", faviconUrl: "/f.svg", searchScriptUrl: "/js/s.js", fonts: [], files: [] }, metaContentSecurityPolicy: "" } } }, 1);
  try {
    const redirect = { from: "/news/1/", to: "/boletines/2024/04/uno/", absoluteTo: "https://example.org/boletines/2024/04/uno/", title: "Uno <b>", writesStub: true };
    const [size] = await workers.write(path.join(dir, "news", "1", "index.html"), "redirect.njk", { redirect });
    const html = readFileSync(path.join(dir, "news", "1", "index.html"), "utf8");
    assert.equal(size, Buffer.byteLength(html));
    assert.match(html, /\/boletines\/2024\/04\/uno\//);
    assert.match(html, /Uno &lt;b&gt;/, "autoescaped as on the main thread");
    // A file where a folder should be: the thread's error comes back with its code.
    writeFileSync(path.join(dir, "archivo"), "x");
    await assert.rejects(workers.write(path.join(dir, "archivo", "index.html"), "redirect.njk", { redirect }), (e: NodeJS.ErrnoException) => e.code === "ENOTDIR" || e.code === "EEXIST");
  } finally {
    await workers.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
