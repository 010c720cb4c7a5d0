import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { chmod, mkdir, mkdtemp, readFile, rm, symlink } from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { promisify } from "node:util";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { Browser, BrowserContext, Page, Response } from "playwright-core";
import { CACHE_CONTROL, CONTENT_TYPES } from "../../src/render/host-headers.ts";
import { DEFAULT_SITE, type SiteConfig } from "../../src/site.ts";
import { nginxAvailable, startNginx, type RunningNginx } from "../hardening/support/nginx.ts";
import { E2E_TIMEOUT_MS, launchBrowser } from "./browser.ts";
import { buildTestSite, E2E_CONTENT, E2E_NOW, E2E_PUBLIC, FIXTURE } from "./fixture-site.ts";
import { freePort, serveStatic, type StaticSite } from "./server.ts";
import { ensureFeedparser } from "./tools.ts";

/**
 * A site published under a path, as GitHub Pages publishes a repository without a custom domain
 * (https://imss-mx.github.io/boletines/): the e2e fixtures built with a base URL that names a local
 * server and the path `/boletines`, served the way GitHub Pages serves a project site (the artifact
 * at /boletines/, its 404.html for whatever is missing there, no `_redirects`), in Debian's
 * Chromium; its feeds and sitemaps; and the same site behind a real nginx with the generated files.
 */
const PREFIX = "/boletines";
const run = promisify(execFile);

let tmp: string;
let siteDir: string;
let pages: StaticSite;
let baseUrl: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** Every response the browser got, with the page it was for. */
const responses: Array<{ url: string; status: number }> = [];
const pageErrors: string[] = [];

before(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "boletines-prefix-"));
  // nginx runs as nobody when the tests run as root: the site must be readable by it.
  await chmod(tmp, 0o755);
  siteDir = path.join(tmp, "site");
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}${PREFIX}`;
  // Six bulletins per search index at most: several indexes and the words index, merged in the browser.
  const site: SiteConfig = { ...DEFAULT_SITE, baseUrl, searchIndexPages: 6 };
  await buildTestSite({ contentDir: E2E_CONTENT, publicDir: E2E_PUBLIC, outDir: siteDir, now: E2E_NOW, site });
  // Served as GitHub Pages serves a project site (_redirects and _headers are files like any other there).
  pages = await serveStatic(siteDir, port, { prefix: PREFIX, redirectRules: false });
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(E2E_TIMEOUT_MS);
  context.on("response", (r) => responses.push({ url: r.url(), status: r.status() }));
  page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(e.message));
});

after(async () => {
  await browser?.close();
  await pages?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/** A site path (`/temas/`) as the reader's browser asks for it: under the prefix. */
const at = (sitePath: string) => `${baseUrl}${sitePath}`;

/** The path of the page the browser shows, without the origin. */
const shown = () => new URL(page.url()).pathname;

/** Opens a page and waits until every resource it asked for has been answered. */
function open(sitePath: string): Promise<Response | null> {
  return page.goto(at(sitePath), { waitUntil: "networkidle" });
}

/** The responses since `from` that failed, or were asked for outside the site's path. */
function troubleSince(from: number, expected404?: string): string[] {
  return responses
    .slice(from)
    .filter(({ url, status }) => {
      const u = new URL(url);
      if (u.origin !== new URL(baseUrl).origin) return true;
      if (!u.pathname.startsWith(`${PREFIX}/`)) return true;
      return status >= 400 && u.pathname !== expected404;
    })
    .map(({ url, status }) => `${status} ${url}`);
}

test("every page a reader opens gets its stylesheet, font, icon, scripts and pictures under /boletines/, and nothing answers 404", async () => {
  const start = responses.length;
  for (const sitePath of ["/", FIXTURE.featured, FIXTURE.bodyPicture, FIXTURE.tag, FIXTURE.tagPage2, FIXTURE.section, FIXTURE.year, FIXTURE.archive, FIXTURE.tags, FIXTURE.search, FIXTURE.subscribe, "/secciones/"]) {
    const response = await open(sitePath);
    assert.equal(response?.status(), 200, sitePath);
    // The stylesheet applies (its rules are the site's: the header's colour), and names the font under the prefix.
    assert.equal(await page.evaluate(() => document.styleSheets.length > 0 && [...document.styleSheets].every((s) => s.cssRules.length > 0)), true, `${sitePath}: stylesheet`);
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).fontFamily.includes("Noto Sans")), true, `${sitePath}: the site's fonts`);
  }
  // The font itself (preloaded by every page, named by the stylesheet's @font-face) loads.
  assert.equal(await page.evaluate(async () => (await document.fonts.load('1em "Noto Sans"')).length > 0), true, "Noto Sans loads");
  const requested = responses.slice(start).map((r) => new URL(r.url).pathname);
  for (const kind of [/\/css\/site\.[0-9a-f]{10}\.css$/, /\/fonts\/noto-sans-latin\.[0-9a-f]{10}\.woff2$/, /\/favicon\.[0-9a-f]{10}\.svg$/, /\/js\/search\.[0-9a-f]{10}\.js$/, /\/img\/[^/]+\.(avif|webp)$/]) {
    assert.ok(requested.some((p) => p.startsWith(`${PREFIX}/`) && kind.test(p)), `${kind} was asked for under ${PREFIX}/`);
  }
  // The body's picture and the lead picture are shown (lazy ones once scrolled to).
  for (const sitePath of [FIXTURE.featured, FIXTURE.bodyPicture]) {
    await open(sitePath);
    const images = page.locator("article img");
    assert.ok((await images.count()) > 0, `${sitePath}: pictures`);
    for (const img of await images.all()) {
      await img.scrollIntoViewIfNeeded();
      await page.waitForFunction((el) => (el as HTMLImageElement).complete, await img.elementHandle());
      assert.ok(await img.evaluate((el) => (el as HTMLImageElement).naturalWidth > 0), `${sitePath}: ${await img.getAttribute("src")} is shown`);
      assert.ok((await img.getAttribute("src"))!.startsWith(`${PREFIX}/img/`), `${sitePath}: ${await img.getAttribute("src")}`);
    }
  }
  assert.deepEqual(troubleSince(start), []);
  assert.deepEqual(pageErrors, []);
});

test("navigation: home → a bulletin → one of its tags → page 2 → the breadcrumbs and the header's links, all under /boletines/", async () => {
  const start = responses.length;
  await open("/");
  await page.locator("section.featured .card-title a").first().click();
  await page.waitForURL(`**${PREFIX}${FIXTURE.featured}`);
  assert.equal(await page.locator("h1").textContent(), "Campaña de vacunación contra el sarampión en Mérida");
  await page.locator("section.tags a", { hasText: "vacunación" }).click();
  await page.waitForURL(`**${PREFIX}${FIXTURE.tag}`);
  await page.locator('.pagination a[rel="next"]').click();
  await page.waitForURL(`**${PREFIX}${FIXTURE.tagPage2}`);
  assert.equal((await page.locator("h1").textContent())?.trim(), "Tema: vacunación (página 2)");
  await page.locator(".breadcrumbs a", { hasText: "Temas" }).click();
  await page.waitForURL(`**${PREFIX}${FIXTURE.tags}`);
  await page.locator("nav.site-nav a", { hasText: "Archivo" }).click();
  await page.waitForURL(`**${PREFIX}${FIXTURE.archive}`);
  await page.locator(".index-archive > li > a", { hasText: "2024" }).click();
  await page.waitForURL(`**${PREFIX}${FIXTURE.year}`);
  await page.locator("a.brand").click();
  await page.waitForURL(`**${PREFIX}/`);
  assert.equal(shown(), `${PREFIX}/`);
  // The header's search form sends to the search page under the prefix.
  await page.locator("#buscar-encabezado").fill("sarampión");
  await page.locator("#buscar-encabezado").press("Enter");
  await page.waitForURL(`**${PREFIX}${FIXTURE.search}?q=*`);
  await page.locator("#resultados li a").first().waitFor();
  assert.deepEqual(troubleSince(start), []);
});

test("a link written in a bulletin's text as a site path (/boletines/2024/…) leads to that bulletin", async () => {
  await open(FIXTURE.featured);
  const link = page.locator(".bulletin-body a", { hasText: "campaña en Nuevo León" });
  assert.equal(await link.getAttribute("href"), `${PREFIX}/boletines/2024/01/arranca-campana-de-vacunacion-contra-la-influenza-en-nuevo-leon/`);
  const [response] = await Promise.all([page.waitForNavigation(), link.click()]);
  assert.equal(response?.status(), 200);
  assert.match((await page.locator("h1").textContent()) ?? "", /Nuevo León/);
  // Another site's address is left as written.
  await open(FIXTURE.featured);
  assert.equal(await page.locator(".bulletin-body a", { hasText: "portal del IMSS" }).getAttribute("href"), "https://www.imss.gob.mx/");
});

test("a search finds bulletins, across the merged indexes, and every result's link opens its bulletin", async () => {
  const start = responses.length;
  await open(`${FIXTURE.search}?q=${encodeURIComponent("vacunación")}`);
  await page.locator("#resultados li a").first().waitFor();
  await page.waitForFunction(() => /encontrad/.test(document.getElementById("estado-busqueda")?.textContent ?? ""));
  const hrefs = await page.locator("#resultados li a").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  assert.ok(hrefs.length >= 5, hrefs.join(", "));
  for (const href of hrefs) assert.ok(href.startsWith(`${PREFIX}/boletines/`), href);
  // Pagefind's files came from under the prefix (the words index, then the years' indexes).
  const indexes = responses.slice(start).map((r) => new URL(r.url).pathname).filter((p) => p.includes("/pagefind/"));
  assert.ok(indexes.some((p) => p.startsWith(`${PREFIX}/pagefind/palabras/`)) && indexes.some((p) => /^\/boletines\/pagefind\/20\d\d(-\d\d)?\//.test(p)), indexes.join(", "));
  for (const href of hrefs) {
    const res = await page.request.get(`${new URL(baseUrl).origin}${href}`);
    assert.equal(res.status(), 200, href);
  }
  await page.locator("#resultados li a").first().click();
  await page.waitForURL(`**${hrefs[0]}`);
  assert.ok((await page.locator("article.bulletin h1").textContent())?.trim(), "a bulletin's page");
  // A search by one section alone opens that section's page, under the prefix.
  await open(`${FIXTURE.search}?seccion=Local`);
  await page.waitForURL(`**${PREFIX}${FIXTURE.section}`);
  assert.deepEqual(troubleSince(start), []);
  assert.deepEqual(pageErrors, []);
});

test("an old address's page (no _redirects on GitHub Pages) leads to its bulletin under /boletines/, with the reader's query", async () => {
  const start = responses.length;
  for (const old of [FIXTURE.oldUrl, "/prensa/archivo/202403/102/"]) {
    await page.goto(at(old));
    await page.waitForURL(`**${PREFIX}${FIXTURE.redirected}`);
    assert.equal(shown(), `${PREFIX}${FIXTURE.redirected}`, old);
    assert.match((await page.locator("h1").textContent()) ?? "", /personas mayores de 60 años/i, old);
  }
  // The stub's script (public/js/redirect.js) is found under the prefix, and forwards the query.
  await page.goto(at(`${FIXTURE.oldUrl}/?utm_source=fb`));
  await page.waitForURL(`**${PREFIX}${FIXTURE.redirected}?utm_source=fb`);
  assert.deepEqual(troubleSince(start), []);
});

test("a missing address under /boletines/ gets the site's 404 page, styled, whose offer searches under /boletines/", async () => {
  const start = responses.length;
  const missing = `${PREFIX}/boletines/2024/04/inicia-campana-de-vacun`;
  const response = await page.goto(`${new URL(baseUrl).origin}${missing}`, { waitUntil: "networkidle" });
  assert.equal(response?.status(), 404);
  assert.equal(await page.locator("h1").textContent(), "No encontramos esta página");
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).fontFamily.includes("Noto Sans")), true, "styled");
  const offer = page.locator("#sugerencia-404 a");
  await offer.waitFor();
  assert.equal(await offer.getAttribute("href"), `${PREFIX}/buscar/?q=inicia+campana+de+vacun`);
  await offer.click();
  await page.waitForURL(`**${PREFIX}${FIXTURE.search}?q=*`);
  for (const link of await page.locator("main ul a").evaluateAll((links) => links.map((a) => a.getAttribute("href")))) assert.ok(!link || link.startsWith(`${PREFIX}/`), String(link));
  assert.deepEqual(troubleSince(start, missing), []);
});

test("feeds and sitemaps give absolute addresses under the base URL, every one served; robots.txt names the sitemaps there", async () => {
  const read = (file: string) => readFile(path.join(siteDir, file), "utf8");
  const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === "url" || name === "entry" || name === "link" });
  const locs: string[] = [];
  for (const name of ["sitemap.xml", "sitemap-news.xml"]) {
    const xml = await read(name);
    assert.equal(XMLValidator.validate(xml), true, name);
    const urls = (parser.parse(xml) as { urlset: { url?: Array<{ loc: string }> } }).urlset.url ?? [];
    locs.push(...urls.map((u) => u.loc));
  }
  assert.ok(locs.length > 40, `${locs.length} addresses`);
  assert.ok(locs.includes(`${baseUrl}/`) && locs.includes(`${baseUrl}${FIXTURE.featured}`), "the home page and a bulletin");
  for (const loc of locs) {
    assert.ok(loc.startsWith(`${baseUrl}/`), loc);
    const res = await fetch(loc, { redirect: "manual" });
    assert.equal(res.status, 200, loc);
  }
  const robots = await read("robots.txt");
  assert.match(robots, new RegExp(`^Sitemap: ${baseUrl}/sitemap\\.xml$`, "m"));
  assert.match(robots, new RegExp(`^Sitemap: ${baseUrl}/sitemap-news\\.xml$`, "m"));

  // Atom: feedparser reads every feed cleanly; its links, and the links and pictures in its entries' text, are under the base URL.
  const python = ensureFeedparser();
  const script = [
    "import json, sys, feedparser",
    "d = feedparser.parse(sys.argv[1])",
    "print(json.dumps({'bozo': bool(d.bozo), 'error': str(d.get('bozo_exception', '')), 'links': [l.href for l in d.feed.get('links', [])], 'entries': [{'link': e.link, 'content': (e.get('content') or [{}])[0].get('value', '')} for e in d.entries]}))",
  ].join("\n");
  for (const feed of ["feed.xml", "secciones/local/feed.xml", "temas/vacunacion/feed.xml"]) {
    const { stdout } = await run(python, ["-c", script, path.join(siteDir, feed)]);
    const parsed = JSON.parse(stdout) as { bozo: boolean; error: string; links: string[]; entries: Array<{ link: string; content: string }> };
    assert.equal(parsed.bozo, false, `${feed}: ${parsed.error}`);
    assert.ok(parsed.entries.length > 0, feed);
    for (const link of [...parsed.links, ...parsed.entries.map((e) => e.link)]) assert.ok(link.startsWith(`${baseUrl}/`), `${feed}: ${link}`);
    for (const entry of parsed.entries) {
      for (const [, address] of entry.content.matchAll(/ (?:href|src)="([^"]*)"/g)) {
        if (address!.startsWith("https://www.imss.gob.mx/") || address!.startsWith("#")) continue;
        assert.ok(address!.startsWith(`${baseUrl}/`), `${feed}: ${entry.link}: ${address}`);
      }
    }
  }
  const main = await read("feed.xml");
  assert.ok(main.includes(`href=&quot;${baseUrl}/boletines/2024/01/arranca-campana-de-vacunacion-contra-la-influenza-en-nuevo-leon/&quot;`), "the body's link, absolute under the base URL");
  const json = JSON.parse(await read("feed.json")) as { home_page_url: string; feed_url: string; items: Array<{ url: string; image?: string; content_html: string }> };
  assert.equal(json.home_page_url, `${baseUrl}/`);
  assert.equal(json.feed_url, `${baseUrl}/feed.json`);
  for (const item of json.items) {
    assert.ok(item.url.startsWith(`${baseUrl}/boletines/`), item.url);
    if (item.image) assert.ok(item.image.startsWith(`${baseUrl}/img/`), item.image);
    for (const [, address] of item.content_html.matchAll(/ (?:href|src)="([^"]*)"/g)) if (!address!.startsWith("https://www.imss.gob.mx/") && !address!.startsWith("#")) assert.ok(address!.startsWith(`${baseUrl}/`), address);
  }
  for (const item of json.items.filter((i) => i.image)) assert.equal((await fetch(item.image!)).status, 200, item.image);
});

test("nginx with the generated files, its root holding the site under boletines/: pages, 301s, the 404 page, types and caching under /boletines/", { skip: !nginxAvailable() ? "nginx is not installed (apt-get install nginx)" : false }, async () => {
  const root = path.join(tmp, "raiz");
  await mkdir(root);
  await chmod(root, 0o755);
  await symlink(siteDir, path.join(root, PREFIX.slice(1)));
  let nginx: RunningNginx | undefined;
  try {
    nginx = await startNginx(siteDir, { root });
    const get = (rawPath: string) =>
      new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
        http.get({ host: "127.0.0.1", port: nginx!.port, path: rawPath }, (res) => {
          let body = "";
          res.setEncoding("utf8");
          res.on("data", (c: string) => (body += c));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        }).on("error", reject);
      });
    const home = await get(`${PREFIX}/`);
    assert.equal(home.status, 200);
    assert.match(home.body, /<link rel="stylesheet" href="\/boletines\/css\/site\.[0-9a-f]{10}\.css">/);
    assert.equal(home.headers["cache-control"], CACHE_CONTROL.page);
    assert.equal((await get(`${PREFIX}${FIXTURE.featured}`)).status, 200);
    const bare = await get(PREFIX);
    assert.equal(bare.status, 301);
    assert.equal(bare.headers.location, `${PREFIX}/`);
    // An old address: 301 to its bulletin under the prefix, with the request's query.
    const old = await get(`${PREFIX}${FIXTURE.oldUrl}?utm_source=fb`);
    assert.equal(old.status, 301);
    assert.equal(old.headers.location, `${PREFIX}${FIXTURE.redirected}?utm_source=fb`);
    const missing = await get(`${PREFIX}/no-existe/`);
    assert.equal(missing.status, 404);
    assert.match(missing.body, /No encontramos esta página/);
    assert.match(missing.body, /href="\/boletines\/css\/site\./);
    const css = /href="(\/boletines\/css\/site\.[0-9a-f]{10}\.css)"/.exec(home.body)![1]!;
    const style = await get(css);
    assert.equal(style.status, 200);
    assert.equal(style.headers["cache-control"], CACHE_CONTROL.immutable);
    assert.match(style.body, /url\("\/boletines\/fonts\/noto-sans-latin\.[0-9a-f]{10}\.woff2"\)/);
    assert.equal((await get(/url\("([^"]+)"\)/.exec(style.body)![1]!)).status, 200);
    for (const [feed, type] of [
      ["/feed.xml", CONTENT_TYPES.atom],
      ["/temas/vacunacion/feed.xml", CONTENT_TYPES.atom],
      ["/feed.json", CONTENT_TYPES.jsonFeed],
      ["/sitemap.xml", CONTENT_TYPES.xml],
    ] as const) {
      const r = await get(`${PREFIX}${feed}`);
      assert.equal(r.status, 200, feed);
      assert.equal(r.headers["content-type"], type, feed);
    }
    for (const hidden of ["/_redirects", "/_headers", "/nginx/site.conf"]) assert.equal((await get(`${PREFIX}${hidden}`)).status, 404, hidden);
    assert.equal(await nginx.errorLog().then((log) => /\[(emerg|alert|crit)\]/.test(log)), false);
  } finally {
    await nginx?.stop();
  }
});
