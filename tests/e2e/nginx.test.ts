import assert from "node:assert/strict";
import { existsSync, readdirSync } from "node:fs";
import { chmod, cp, readFile, rm } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { after, before, test } from "node:test";
import { gunzipSync } from "node:zlib";
import * as cheerio from "cheerio";
import { CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPES, SECURITY_HEADERS } from "../../src/render/host-headers.ts";
import { chromiumAvailable, launchChromium } from "../hardening/support/browser.ts";
import { bulletinText, ROOT, runCli, seedContent, tempDir, writeText } from "../hardening/support/build.ts";
import { nginxAvailable, startNginx, type RunningNginx } from "../hardening/support/nginx.ts";

/**
 * The generated nginx configuration, served by a real nginx: the seed site plus bulletins whose old
 * addresses use every character a site path may hold.
 */
const skip = !nginxAvailable() ? "nginx is not installed (apt-get install nginx)" : false;

let site = "";
let server: RunningNginx | undefined;
let redirects: Array<{ from: string; to: string }> = [];

interface Response {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function get(rawPath: string, headers: Record<string, string> = {}): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: "127.0.0.1", port: server!.port, path: rawPath, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
  });
}

function assertSecurityHeaders(r: Response, what: string): void {
  for (const [name, value] of SECURITY_HEADERS) {
    assert.equal(r.headers[name.toLowerCase()], value, `${what}: ${name}`);
  }
}

before(async () => {
  if (skip) return;
  const dir = await tempDir("nginx");
  await chmod(dir, 0o755); // nginx runs as nobody when the tests run as root
  const content = await seedContent(dir);
  await writeText(
    path.join(content, "2024/2024-04-09-caracteres.md"),
    bulletinText(`title: "Direcciones antiguas con caracteres raros"
date: 2024-04-09T10:30:00-06:00
description: "Prueba de redirecciones."
redirect_from:
  - /old/page.html
  - "/viejo/a%20b/"
  - /legacy/index.php
  - "/precio$uno/"
  - "/it's(1)/"
  - /comunicados/2019/boletin-100
  - "/acentos/vacunaci%C3%B3n/"`),
  );
  // A legacy post that forwarded elsewhere (Jekyll's redirect_to), to another site with a query (and a `$`, which nginx must not read as a variable).
  await writeText(
    path.join(content, "2021/2021-08-19-reenviado.md"),
    `---\nlayout: post\ntitle: "Boletín que se trasladó"\ndate: 2021-08-19T18:08:00.000-06:00\nredirect_to: https://www.gob.mx/imss/prensa/boletin-190?origen=web&precio=$1\nredirect_from: /news/190900\n---\n`,
  );
  // A forward to an anchor of another site's page: a query kept from the request goes before the anchor.
  await writeText(
    path.join(content, "2021/2021-08-20-reenviado-ancla.md"),
    `---\ntitle: "Boletín que se trasladó a una sección"\ndate: 2021-08-20T10:00:00-06:00\nredirect_to: https://www.gob.mx/imss/prensa/boletin-191#nota\nredirect_from: /news/190901\n---\n`,
  );
  // A renamed topic: one forward file for its page, which carries its feed too.
  await writeText(
    path.join(content, "redirecciones/tema-chihuahua-antiguo.md"),
    `---\ntitle: "Tema Chihuahua (nombre anterior)"\ndate: 2024-04-09\nredirect_to: /temas/chihuahua/\nredirect_from: /temas/estado-de-chihuahua/\n---\n`,
  );
  const publicDir = path.join(dir, "public");
  await cp(path.join(ROOT, "public"), publicDir, { recursive: true });
  await writeText(path.join(publicDir, "assets/logo.svg"), '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>\n');
  await writeText(path.join(publicDir, "css/extra.3f9a1c2b.css"), "p { margin: 0; }\n");
  // A stylesheet of public/ under a fixed name (big enough for gzip).
  await writeText(path.join(publicDir, "css/imprenta.css"), "p { margin: 0; }\n".repeat(30));
  await writeText(path.join(publicDir, "uploads/2021/foto-20210819.jpg"), "no es una foto\n");
  site = path.join(dir, "_site");
  const run = await runCli(["build", "--content", content, "--public", publicDir, "--out", site, "--quiet"]);
  assert.equal(run.code, 0, run.stderr);
  // `boletines build` writes the search index itself (src/build/search-index.ts).
  const indexes = readdirSync(path.join(site, "pagefind"));
  assert.ok(indexes.length > 0 && indexes.every((year) => existsSync(path.join(site, "pagefind", year, "pagefind.js"))), "the build wrote the search indexes, one per year");
  redirects = (await readFile(path.join(site, "_redirects"), "utf8"))
    .trim()
    .split("\n")
    .map((line) => {
      const [from, to, code] = line.split(" ");
      assert.equal(code, "301");
      return { from: from!, to: to! };
    });
  assert.ok(redirects.length >= 9, `expected the fixture's redirects, got ${redirects.length}`);
  // The forward's own address and its old one, with and without the slash.
  assert.equal(redirects.filter((r) => r.to === "https://www.gob.mx/imss/prensa/boletin-190?origen=web&precio=$1").length, 4);
  // The renamed topic's page and feed, from one file (each checked below like every redirect: 301, then 200).
  assert.deepEqual(
    redirects.filter((r) => r.from.startsWith("/temas/estado-de-chihuahua/")),
    [{ from: "/temas/estado-de-chihuahua/", to: "/temas/chihuahua/" }, { from: "/temas/estado-de-chihuahua/feed.xml", to: "/temas/chihuahua/feed.xml" }],
  );
  server = await startNginx(site);
});

after(async () => {
  await server?.stop();
  if (site) await rm(path.dirname(site), { recursive: true, force: true });
});

test("nginx runs unprivileged", { skip }, async () => {
  assert.notEqual(await server!.uid(), 0);
});

test("pages, feeds and files answer 200 with the security headers and their cache lifetimes", { skip }, async () => {
  const pages = ["/", "/boletines/", "/boletines/2024/04/direcciones-antiguas-con-caracteres-raros/", "/temas/", "/secciones/local/", "/feed.xml", "/sitemap.xml"];
  for (const p of pages) {
    const r = await get(p);
    assert.equal(r.status, 200, p);
    assertSecurityHeaders(r, p);
    assert.equal(r.headers["cache-control"], CACHE_CONTROL.page, p);
  }
  // The stylesheet, script, icon and font the pages use are fingerprinted: cached for a year.
  const home = cheerio.load((await get("/")).body.toString("utf8"));
  const used = [home('link[rel="stylesheet"]').attr("href"), home('link[rel="icon"]').attr("href"), home('link[rel="preload"][as="font"]').attr("href")];
  const search = cheerio.load((await get("/buscar/")).body.toString("utf8"));
  used.push(search('script[type="module"]').attr("src"));
  for (const u of used) {
    assert.ok(u, "a fingerprinted asset is referenced");
    const r = await get(u);
    assert.equal(r.status, 200, u);
    assert.equal(r.headers["cache-control"], CACHE_CONTROL.immutable, u);
    assertSecurityHeaders(r, u);
  }
  const css = await get("/css/imprenta.css");
  assert.equal(css.status, 200);
  assert.match(String(css.headers["content-type"]), /^text\/css/);
  assert.equal(css.headers["cache-control"], CACHE_CONTROL.file);
  // The sources of the fingerprinted files are published under those names only.
  for (const p of ["/css/site.css", "/js/search.js", "/js/not-found.js", "/js/redirect.js", "/favicon.svg"]) assert.equal((await get(p)).status, 404, p);
  const asset = await get("/assets/logo.svg");
  assert.equal(asset.status, 200);
  assert.equal(asset.headers["cache-control"], CACHE_CONTROL.immutable);
  assertSecurityHeaders(asset, "/assets/logo.svg");
  const hashed = await get("/css/extra.3f9a1c2b.css");
  assert.equal(hashed.status, 200);
  assert.equal(hashed.headers["cache-control"], CACHE_CONTROL.immutable, "a content hash in the name");
  assertSecurityHeaders(hashed, "/css/extra.3f9a1c2b.css");
  const dated = await get("/uploads/2021/foto-20210819.jpg");
  assert.equal(dated.status, 200);
  assert.equal(dated.headers["cache-control"], CACHE_CONTROL.page, "a date is not a content hash");
  // A directory without its slash is sent to the slash form, relative to the host.
  const bare = await get("/boletines");
  assert.equal(bare.status, 301);
  assert.equal(bare.headers.location, "/boletines/");
});

test("feeds and sitemaps are served with their own types (not mime.types' text/xml), with the security headers and the page lifetime", { skip }, async () => {
  const kinds: Array<[string, string]> = [
    ["/feed.xml", "application/atom+xml; charset=utf-8"],
    ["/temas/chihuahua/feed.xml", "application/atom+xml; charset=utf-8"],
    ["/secciones/local/feed.xml", "application/atom+xml; charset=utf-8"],
    ["/feed.json", "application/feed+json; charset=utf-8"],
    ["/sitemap.xml", "application/xml; charset=utf-8"],
    ["/sitemap-news.xml", "application/xml; charset=utf-8"],
  ];
  for (const [p, type] of kinds) {
    for (const encoding of ["identity", "gzip"]) {
      const r = await get(p, { "Accept-Encoding": encoding });
      assert.equal(r.status, 200, p);
      assert.equal(r.headers["content-type"], type, `${p} (${encoding})`);
      assert.equal(r.headers["cache-control"], CACHE_CONTROL.page, p);
      assertSecurityHeaders(r, p);
    }
  }
  assert.deepEqual(new Set(kinds.map(([, t]) => t)), new Set(Object.values(CONTENT_TYPES)), "the types _headers gives");
  // Compressed like the rest of the text.
  const feed = await get("/feed.xml", { "Accept-Encoding": "gzip" });
  assert.equal(feed.headers["content-encoding"], "gzip");
  assert.deepEqual(gunzipSync(feed.body), await readFile(path.join(site, "feed.xml")));
  // Pages and other files keep their types; a missing feed is the Spanish 404 page, as HTML.
  assert.match(String((await get("/temas/chihuahua/")).headers["content-type"]), /^text\/html; charset=utf-8$/);
  assert.match(String((await get("/robots.txt")).headers["content-type"]), /^text\/plain/);
  const missing = await get("/temas/no-existe/feed.xml");
  assert.equal(missing.status, 404);
  assert.match(String(missing.headers["content-type"]), /^text\/html/);
  assertSecurityHeaders(missing, "/temas/no-existe/feed.xml");
});

test("every line of _redirects is a 301 to the bulletin, with the headers", { skip }, async () => {
  for (const { from, to } of redirects) {
    const r = await get(from);
    assert.equal(r.status, 301, `${from} → ${r.status}`);
    assert.equal(decodeURIComponent(String(r.headers.location)), decodeURIComponent(to), from);
    assertSecurityHeaders(r, from);
    // A forward to another site is followed by the browser, not by this server.
    if (/^https?:/.test(to)) continue;
    const target = await get(String(r.headers.location));
    assert.equal(target.status, 200, `${from} leads to ${r.headers.location}, which answers ${target.status}`);
  }
});

test("a redirect keeps the request's query (campaign links), also after a forward's own query and before its anchor", { skip }, async () => {
  const bulletin = redirects.find((r) => r.from === "/news/190812")!.to;
  assert.match(bulletin, /^\/boletines\/2021\/12\//);
  const cases: Array<[string, string]> = [
    ["/news/190812?utm_source=fb", `${bulletin}?utm_source=fb`],
    ["/news/190812/?utm_source=fb&utm_medium=social&utm_campaign=vacunaci%C3%B3n", `${bulletin}?utm_source=fb&utm_medium=social&utm_campaign=vacunaci%C3%B3n`],
    ["/news/190812", bulletin],
    ["/news/190812?", bulletin],
    ["/temas/estado-de-chihuahua/?utm_source=fb", "/temas/chihuahua/?utm_source=fb"],
    ["/temas/estado-de-chihuahua/feed.xml?utm_source=fb", "/temas/chihuahua/feed.xml?utm_source=fb"],
    // A forward whose target has a query of its own: joined with &, never a second ?.
    ["/news/190900?utm_source=fb", "https://www.gob.mx/imss/prensa/boletin-190?origen=web&precio=%241&utm_source=fb"],
    ["/news/190900", "https://www.gob.mx/imss/prensa/boletin-190?origen=web&precio=%241"],
    // A forward to an anchor: the query before it.
    ["/news/190901/?utm_source=fb", "https://www.gob.mx/imss/prensa/boletin-191?utm_source=fb#nota"],
    ["/news/190901", "https://www.gob.mx/imss/prensa/boletin-191#nota"],
    // nginx's own slash redirect keeps it too.
    ["/boletines?utm_source=fb", "/boletines/?utm_source=fb"],
  ];
  for (const [from, location] of cases) {
    const r = await get(from);
    assert.equal(r.status, 301, from);
    assert.equal(r.headers.location, location, from);
    assertSecurityHeaders(r, from);
    if (location.startsWith("/")) assert.equal((await get(location)).status, 200, location);
  }
});

test("a missing page is a 404 with the Spanish page; host files are not served", { skip }, async () => {
  for (const p of ["/no-existe/", "/boletines/2099/01/nada/", "/_headers", "/_redirects", "/nginx/site.conf", "/nginx/redirects.conf"]) {
    const r = await get(p);
    assert.equal(r.status, 404, p);
    assertSecurityHeaders(r, p);
    const $ = cheerio.load(r.body.toString("utf8"));
    assert.equal($("html").attr("lang"), "es-MX", p);
    assert.equal($("h1").text().trim(), "No encontramos esta página", p);
  }
});

test("text is compressed with gzip", { skip }, async () => {
  const r = await get("/css/imprenta.css", { "Accept-Encoding": "gzip" });
  assert.equal(r.headers["content-encoding"], "gzip");
  assert.match(String(r.headers.vary), /Accept-Encoding/);
  const plain = await readFile(path.join(site, "css/imprenta.css"));
  assert.deepEqual(gunzipSync(r.body), plain);
});

test("pages work in Chromium under the CSP: styles apply, links and redirects work, no violation", { skip: skip || (!chromiumAvailable() && "no Chromium") }, async () => {
  assert.match(CONTENT_SECURITY_POLICY, /default-src 'none'/);
  assert.doesNotMatch(CONTENT_SECURITY_POLICY, /unsafe-inline/);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const foreign: string[] = [];
    const consoleErrors: string[] = [];
    page.on("request", (req) => {
      if (!req.url().startsWith(server!.origin)) foreign.push(req.url());
    });
    page.on("console", (m) => {
      if (m.type() === "error" || /Content Security Policy/i.test(m.text())) consoleErrors.push(m.text());
    });
    // Injected by the browser, outside the page's CSP: records every violation the policy reports.
    await page.addInitScript(() => {
      const w = window as unknown as { __violations: string[] };
      w.__violations = [];
      document.addEventListener("securitypolicyviolation", (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const visit = async (p: string) => {
      const response = await page.goto(`${server!.origin}${p}`);
      assert.ok(response, p);
      return response;
    };
    const home = await visit("/");
    assert.equal(home.status(), 200);
    assert.equal(home.headers()["content-security-policy"], CONTENT_SECURITY_POLICY);
    // The stylesheet applied: the header has the guinda background from site.css.
    assert.equal(await page.$eval(".site-header", (el) => getComputedStyle(el).backgroundColor), "rgb(97, 18, 50)");
    assert.deepEqual(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations), []);

    await page.click("nav a[href='/boletines/']");
    await page.waitForURL(`${server!.origin}/boletines/`);
    assert.equal(await page.title(), "Archivo de boletines · Boletines IMSS");

    const moved = await visit("/news/190812");
    assert.equal(moved.status(), 200);
    assert.match(page.url(), /\/boletines\/2021\/12\/realiza-imss-chihuahua/);
    assert.ok((await page.locator("article.bulletin h1").textContent())?.includes("Realiza IMSS Chihuahua"));
    assert.deepEqual(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations), []);

    // Search (Pagefind: a module script and WebAssembly) works under the CSP.
    await visit("/buscar/?q=Chihuahua");
    // Wait for the search to finish (results, none, or an error message), so a failure says which.
    await page.waitForFunction(() => {
      const status = document.getElementById("estado-busqueda")?.textContent ?? "";
      // (While it runs the status line says its steps: «Buscando…», «Buscando en los boletines de…», «Cargando los resultados…».)
      return /encontrad|No hay|No se pudo/.test(status) && (!/encontrad/.test(status) || document.querySelector("#resultados li.search-result") !== null);
    }, undefined, { timeout: 120_000 });
    const status = await page.locator("#estado-busqueda").textContent();
    assert.ok((await page.locator("#resultados li.search-result").count()) >= 2, `both seed bulletins found (status: ${status}; console: ${consoleErrors.join(" | ")})`);
    assert.deepEqual(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations), []);

    const missing = await visit("/no-existe/");
    assert.equal(missing.status(), 404);
    assert.equal(await page.$eval(".site-header", (el) => getComputedStyle(el).backgroundColor), "rgb(97, 18, 50)");
    assert.deepEqual(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations), []);

    // Favicon requests the browser makes by itself give 404s; nothing else may fail.
    assert.deepEqual(consoleErrors.filter((m) => !/favicon|404 \(Not Found\)/.test(m)), []);
    assert.deepEqual(foreign, []);
  } finally {
    await browser.close();
  }
  assert.doesNotMatch(await server!.errorLog(), /\[(emerg|alert|crit)\]/);
});
