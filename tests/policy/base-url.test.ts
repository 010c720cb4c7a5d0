import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { atRootOfOrigin, DEFAULT_SITE, resolveSiteConfig, SiteConfigError } from "../../src/site.ts";
import { findBodyReferences } from "../../src/render/references.ts";
import { fm, normalizeText } from "../model/helpers.ts";
import { runCli } from "../cli/run-cli.ts";

/**
 * BOLETINES_BASE_URL: an origin, or an origin and the path the site is served under (GitHub Pages
 * without a custom domain: https://imss-mx.github.io/boletines), read the one way the rest assumes.
 */
const read = (value: string, notes?: string[]) => resolveSiteConfig({ BOLETINES_BASE_URL: value }, DEFAULT_SITE, notes).baseUrl;

test("an origin, or an origin and a path, is the site's base URL, without trailing slash", () => {
  assert.equal(resolveSiteConfig({}).baseUrl, "https://www.imss.gob.mx");
  assert.equal(read("https://boletines.imss.gob.mx"), "https://boletines.imss.gob.mx");
  assert.equal(read("https://boletines.imss.gob.mx/"), "https://boletines.imss.gob.mx");
  assert.equal(read("  https://imss-mx.github.io/boletines  "), "https://imss-mx.github.io/boletines");
  assert.equal(read("https://example.org/prensa/boletines"), "https://example.org/prensa/boletines");
  assert.equal(read("HTTPS://IMSS-MX.GITHUB.IO/boletines"), "https://imss-mx.github.io/boletines", "the host as URLs write it; the path as written");
  assert.equal(read("http://127.0.0.1:8080/boletines"), "http://127.0.0.1:8080/boletines");
  assert.equal(read("https://example.org:443/b"), "https://example.org/b");
  assert.equal(read("https://imss-mx.github.io/repo.v2_x~y"), "https://imss-mx.github.io/repo.v2_x~y", "a repository's name");
});

test("a trailing slash after the path is dropped, and said (an origin's is not worth saying)", () => {
  const notes: string[] = [];
  assert.equal(read("https://imss-mx.github.io/boletines/", notes), "https://imss-mx.github.io/boletines");
  assert.deepEqual(notes, ["BOLETINES_BASE_URL=«https://imss-mx.github.io/boletines/» se lee sin la «/» final: https://imss-mx.github.io/boletines (el sitio se publica bajo /boletines/)."]);
  const none: string[] = [];
  read("https://www.imss.gob.mx/", none);
  read("https://imss-mx.github.io/boletines", none);
  assert.deepEqual(none, []);
});

test("what is not an origin and a plain path is refused, in Spanish, saying what to write", () => {
  const refused: Array<[string, RegExp]> = [
    ["imss-mx.github.io/boletines", /no es una URL absoluta/],
    ["ftp://imss-mx.github.io/boletines", /debe usar http o https/],
    ["https://imss-mx.github.io/boletines?x=1", /lleva parámetros \(\?…\) o un ancla \(#…\)/],
    ["https://imss-mx.github.io/boletines?", /lleva parámetros/],
    ["https://imss-mx.github.io/boletines#inicio", /un ancla/],
    ["https://imss-mx.github.io//boletines", /lleva «\/\/» en su ruta/],
    ["https://imss-mx.github.io/boletines//", /lleva «\/\/» en su ruta/],
    ["https://imss-mx.github.io/a//b", /lleva «\/\/» en su ruta/],
    ["https://imss-mx.github.io/otro/../boletines", /lleva «\.» o «\.\.» en su ruta/],
    ["https://imss-mx.github.io/./boletines", /lleva «\.» o «\.\.» en su ruta/],
    ["https://imss-mx.github.io/%2e%2e/boletines", /lleva «\.» o «\.\.» en su ruta/],
    ["https://imss-mx.github.io\\boletines", /lleva «\\» en su ruta/],
    ["https://imss-mx.github.io/bole tines", /caracteres que una dirección codifica \(«bole tines»\)/],
    ["https://imss-mx.github.io/boletines%20imss", /caracteres que una dirección codifica/],
    ["https://imss-mx.github.io/comunicación", /caracteres que una dirección codifica \(«comunicación»\)/],
    ["https://usuario:clave@imss-mx.github.io/boletines", /lleva usuario o contraseña/],
  ];
  for (const [value, message] of refused) {
    assert.throws(() => read(value), (e: unknown) => e instanceof SiteConfigError && message.test(e.message), value);
  }
  // The old message («sin ruta») is gone: a path is what a GitHub Pages site without a domain needs.
  assert.throws(() => read("https://x.mx/a?b"), (e: Error) => !/sin ruta/.test(e.message) && /https:\/\/imss-mx\.github\.io\/boletines/.test(e.message));
});

test("the preview is made at the root of the base URL's origin", () => {
  const site = resolveSiteConfig({ BOLETINES_BASE_URL: "https://imss-mx.github.io/boletines" });
  assert.equal(atRootOfOrigin(site).baseUrl, "https://imss-mx.github.io");
  assert.equal(atRootOfOrigin(DEFAULT_SITE), DEFAULT_SITE, "unchanged when the site is at the root already");
});

test("a full address of the site's own pages counts as their site path, under the path it is served under (body links for check, redirect_to)", () => {
  const page = { url: "/boletines/2024/04/x/", siteOrigin: "https://imss-mx.github.io/boletines" };
  const fates = findBodyReferences(
    "[a](https://imss-mx.github.io/boletines/temas/vacunacion/) [b](https://imss-mx.github.io/otro/temas/vacunacion/) [c](https://imss-mx.github.io/temas/vacunacion/) [d](http://imss-mx.github.io/boletines/boletines/2024/01/y/#datos)",
    page,
  ).references.map((r) => r.fate);
  assert.deepEqual(fates, [
    { kind: "site", path: "/temas/vacunacion/" },
    { kind: "elsewhere" },
    { kind: "elsewhere" },
    { kind: "site", path: "/boletines/2024/01/y/", fragment: "datos" },
  ]);
  const site = { ...DEFAULT_SITE, baseUrl: "https://imss-mx.github.io/boletines" };
  const own = normalizeText(fm('title: "Trasladado"\ndate: 2024-04-09\nredirect_to: https://imss-mx.github.io/boletines/boletines/2024/01/y/', ""), { site });
  assert.equal(own.bulletin?.redirectTo, "/boletines/2024/01/y/");
  const elsewhere = normalizeText(fm('title: "Trasladado"\ndate: 2024-04-09\nredirect_to: https://imss-mx.github.io/otro/boletines/2024/01/y/', ""), { site });
  assert.equal(elsewhere.bulletin?.redirectTo, "https://imss-mx.github.io/otro/boletines/2024/01/y/");
});

test("boletines build says how it read BOLETINES_BASE_URL, and refuses one it cannot use (exit code 2)", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "boletines-base-url-"));
  try {
    mkdirSync(path.join(dir, "content"));
    mkdirSync(path.join(dir, "public"));
    writeFileSync(path.join(dir, "content/2024-04-09-a.md"), '---\ntitle: "A"\ndate: 2024-04-09\ndescription: "d"\n---\nTexto.\n');
    const built = runCli(["build", "--no-search"], dir, { BOLETINES_BASE_URL: "https://imss-mx.github.io/boletines/", BOLETINES_NOW: "2026-01-01T00:00:00-06:00" });
    assert.equal(built.code, 0, built.stderr);
    assert.match(built.stderr, /se lee sin la «\/» final: https:\/\/imss-mx\.github\.io\/boletines \(el sitio se publica bajo \/boletines\/\)/);
    assert.match(readFileSync(path.join(dir, "_site/index.html"), "utf8"), /<link rel="stylesheet" href="\/boletines\/css\/site\.[0-9a-f]{10}\.css">/);
    const refused = runCli(["build"], dir, { BOLETINES_BASE_URL: "https://imss-mx.github.io/boletines/../x" });
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /^BOLETINES_BASE_URL=«https:\/\/imss-mx\.github\.io\/boletines\/\.\.\/x» lleva «\.» o «\.\.» en su ruta/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
