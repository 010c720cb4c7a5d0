import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { DateTime } from "luxon";
import { layoutEnvironment } from "../../src/build/pages.ts";
import { siteFiles } from "../../src/build/site-files.ts";
import { applyCorpusLabels } from "../../src/model/corpus.ts";
import { fileMadeOf } from "../../src/render/made-file.ts";
import { NGINX_REDIRECTS_URL, NGINX_SITE_URL } from "../../src/render/nginx-config.ts";
import { buildSiteData } from "../../src/render/site-data.ts";
import type { SiteData } from "../../src/render/views.ts";
import { PATHS } from "../../src/policy/urls.ts";
import { DEFAULT_SITE } from "../../src/site.ts";
import { fm, normalizeText } from "../model/helpers.ts";
import { ROOT } from "./helpers.ts";

const now = DateTime.fromISO("2026-01-01T00:00:00-06:00", { setZone: true });

function siteData(specs: Array<[string, string]>): SiteData {
  const bulletins = applyCorpusLabels(
    specs.map(([file, fields]) => {
      const r = normalizeText(fm(`description: "d"\n${fields}`), { file });
      assert.ok(r.bulletin, JSON.stringify(r.problems));
      return r.bulletin;
    }),
  );
  return buildSiteData(bulletins, { site: DEFAULT_SITE, now });
}

async function digests(data: SiteData): Promise<Map<string, string>> {
  const context = { site: DEFAULT_SITE, preview: false, boletines: { assets: data.assets, metaContentSecurityPolicy: data.metaContentSecurityPolicy } };
  const files = await siteFiles(data, layoutEnvironment(), context, { publicDir: path.join(ROOT, "public") });
  return new Map(files.map((f) => [f.file, f.digest]));
}

/** Files printed from plain inputs (render/made-file.ts): their digest must not need their bytes. */
const MADE_OF_INPUTS = [PATHS.sitemap, PATHS.redirects, NGINX_REDIRECTS_URL, NGINX_SITE_URL].map((url) => url.replace(/^\//, ""));

test("a file made of plain inputs prints its bytes once, when first read", () => {
  let made = 0;
  const file = fileMadeOf("/x.txt", { a: [1, 2] }, (inputs) => {
    made++;
    return `${inputs.a.join("+")}\n`;
  });
  assert.equal(file.inputs, '{"a":[1,2]}');
  assert.equal(made, 0);
  assert.equal(file.content, "1+2\n");
  assert.equal(file.content, "1+2\n");
  assert.equal(made, 1);
});

test("the sitemap, _redirects and the nginx files are digested by their inputs without being printed, and change exactly when what they print changes", async () => {
  const specs: Array<[string, string]> = [
    ["content/a.md", 'title: "Primero"\ndate: 2024-01-01\ntags: [x]\nredirect_from: /news/1'],
    ["content/b.md", 'title: "Segundo"\ndate: 2024-02-01\nredirect_from: [/news/2, "/viejo/b/"]'],
  ];
  const data = siteData(specs);
  const made = data.rawFiles.filter((f) => MADE_OF_INPUTS.includes(f.url.replace(/^\//, "")));
  assert.deepEqual(made.map((f) => f.url.replace(/^\//, "")).sort(), [...MADE_OF_INPUTS].sort());
  // Reading the bytes of any of them fails: the digests are made without them.
  for (const file of made) {
    assert.ok(file.inputs !== undefined, `${file.url} carries its inputs`);
    Object.defineProperty(file, "content", {
      get() {
        throw new Error(`${file.url} was printed to be digested`);
      },
    });
  }
  const first = await digests(data);

  // An author: none of these files prints it.
  const signed = await digests(siteData([[specs[0]![0], `${specs[0]![1]}\nauthor: "Coordinación de Comunicación Social"`], specs[1]!]));
  for (const file of MADE_OF_INPUTS) assert.equal(signed.get(file), first.get(file), `${file} prints no author`);
  // Another title (the address is made from it): every one of them but nginx's site.conf.
  const retitled = await digests(siteData([specs[0]!, ["content/b.md", specs[1]![1].replace("Segundo", "Segundo corregido")]]));
  for (const file of MADE_OF_INPUTS) assert.equal(retitled.get(file) === first.get(file), file === NGINX_SITE_URL.slice(1), file);
  // Another old address: the redirect files change, the sitemap does not.
  const redirected = await digests(siteData([specs[0]!, ["content/b.md", specs[1]![1].replace("/news/2", "/news/22")]]));
  for (const file of [PATHS.redirects, NGINX_REDIRECTS_URL].map((u) => u.slice(1))) assert.notEqual(redirected.get(file), first.get(file), file);
  assert.equal(redirected.get(PATHS.sitemap.slice(1)), first.get(PATHS.sitemap.slice(1)));
  // Another date: the sitemap's entry (its lastmod) changes.
  const redated = await digests(siteData([specs[0]!, ["content/b.md", specs[1]![1].replace("2024-02-01", "2024-02-02")]]));
  assert.notEqual(redated.get(PATHS.sitemap.slice(1)), first.get(PATHS.sitemap.slice(1)));
});
