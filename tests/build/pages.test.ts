import assert from "node:assert/strict";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { CARD_INPUTS, NEIGHBOUR_INPUTS, POST_DERIVED } from "../../src/build/pages.ts";
import { FIXED_NOW, ROOT, tempDir } from "./helpers.ts";
import { PageWorkers } from "../../src/build/page-workers.ts";
import { DEFAULT_SITE } from "../../src/site.ts";
import nunjucks from "nunjucks";
import { prepareSite } from "../../src/build/prepare.ts";
import { NUNJUCKS_OPTIONS } from "../../src/eleventy/configure.ts";
import { CARD_TEMPLATE, NUNJUCKS_GLOBALS } from "../../src/eleventy/nunjucks-globals.ts";

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
  const workers = new PageWorkers({ globals: { site: DEFAULT_SITE, preview: false, boletines: { assets: { stylesheetUrl: "/css/s.css", faviconUrl: "/f.svg", searchScriptUrl: "/js/s.js", notFoundScriptUrl: "/js/n.js", redirectScriptUrl: "/js/r.js", fonts: [], files: [] }, metaContentSecurityPolicy: "" } } }, 1);
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

test("a bulletin's card is rendered once per heading level, however many lists show it, and prints as the partial does", async () => {
  const prepared = await prepareSite({
    contentDir: path.join(ROOT, "tests/fixtures/varied"),
    publicDir: path.join(ROOT, "public"),
    drafts: false,
    future: false,
    now: FIXED_NOW,
    site: DEFAULT_SITE,
  });
  assert.ok(prepared.ok);
  const { data, site, preview } = prepared.inputs;
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(path.join(ROOT, "layouts")), { ...NUNJUCKS_OPTIONS });
  for (const [name, fn] of Object.entries(NUNJUCKS_GLOBALS)) env.addGlobal(name, fn);
  // Every render of the card partial, by the real environment.
  const cards: object[] = [];
  const render = env.render.bind(env);
  env.render = (name: string, context: object) => {
    if (name === CARD_TEMPLATE) cards.push((context as { item: object }).item);
    return render(name, context);
  };
  const globals = { site, preview, boletines: data };
  let printed = 0;
  for (const list of data.listPages) {
    const html = env.render("list.njk", { ...globals, list });
    for (const item of list.items) {
      // The card as the partial alone renders it, in place.
      assert.ok(html.includes(render(CARD_TEMPLATE, { item, cardLevel: 2 })), `${list.url}: card of ${item.url}`);
      printed++;
    }
  }
  env.render("home.njk", globals);
  const shown = new Set(data.listPages.flatMap((l) => l.items));
  assert.ok(printed > shown.size * 2, `${printed} cards printed for ${shown.size} bulletins`);
  // Once per bulletin in the lists (level 2), once more for those on the home page (level 3).
  const home = new Set([...data.home.featured, ...data.home.latest]);
  assert.equal(cards.length, shown.size + home.size);
  assert.equal(new Set(cards).size, new Set([...shown, ...home]).size);
});

/**
 * Layouts escape everything they print (autoescape) except what a `| safe` marks. Each such place is
 * listed here with why it is safe; a new one must be added with its reason.
 */
test("every `| safe` in the layouts prints sanitized HTML or what a partial already escaped", () => {
  const allowed = new Map<string, string>([
    ["post.html", "the body's HTML, sanitized when rendered (render/markdown.ts)"],
    ["seo.jsonLd", "JSON-LD serialized with <, > and & escaped (render/seo.ts)"],
    ["card(item, 2)", "the card partial's output, which escapes what it prints"],
    ["card(item, 3)", "the card partial's output, which escapes what it prints"],
  ]);
  const layouts = path.join(ROOT, "layouts");
  const found = new Set<string>();
  for (const file of readdirSync(layouts, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".njk"))) {
    for (const m of readFileSync(path.join(layouts, file), "utf8").matchAll(/\{\{-?\s*(.+?)\s*\|\s*safe\b/g)) {
      assert.ok(allowed.has(m[1]!), `${file} prints «${m[1]}» with | safe, which this test does not know`);
      found.add(m[1]!);
    }
  }
  assert.deepEqual([...found].sort(), [...allowed.keys()].sort(), "every allowed use still exists");
});
