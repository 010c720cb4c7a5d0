import assert from "node:assert/strict";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import * as cheerio from "cheerio";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { E2E_TIMEOUT_MS, launchBrowser, problemsOf } from "./browser.ts";
import { buildTestSite, E2E_CONTENT, E2E_NOW, E2E_PUBLIC, FIXTURE } from "./fixture-site.ts";
import { serveStatic, type StaticSite } from "./server.ts";

/**
 * Old addresses on a host without redirect rules (GitHub Pages, plain static hosting): the host
 * serves the HTML page the build wrote there (layouts/redirect.njk), which must take the reader to
 * the new address with the query and the fragment they opened, as the 301 of the other hosts does.
 * A real HTTP server that ignores `_redirects`, and Debian's Chromium.
 */

/** The bulletin `FIXTURE.redirected` is number 102/2024: the earlier site's addresses for it are stubs. */
const STUB = "/prensa/archivo/202403/102/";
const NUMBER_STUB = "/boletines/numero/2024/102/";
/** A forward (redirect_to) to another site, whose address has a query and an anchor of its own. */
const FORWARD_STUB = "/campanas/vacunacion/";
const FORWARD_TO = "https://www.gob.mx/imss/articulos/campana?origen=web#requisitos";

let tmp: string;
let dir: string;
let server: StaticSite;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** Every address the browser asked for off the test server (refused, or answered for www.gob.mx below). */
const offSite: string[] = [];
/** Script errors and console errors (a Content-Security-Policy violation is one). */
let problems: string[] = [];

before(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "boletines-stubs-"));
  const content = path.join(tmp, "content");
  await cp(E2E_CONTENT, content, { recursive: true });
  await mkdir(path.join(content, "reenvios"));
  await writeFile(
    path.join(content, "reenvios/2024-07-01-campana-en-gob-mx.md"),
    `---\ntitle: "Campaña de vacunación (en gob.mx)"\ndate: 2024-07-01\nredirect_from: ${FORWARD_STUB}\nredirect_to: ${FORWARD_TO}\n---\n`,
  );
  dir = path.join(tmp, "site");
  await buildTestSite({ contentDir: content, publicDir: E2E_PUBLIC, outDir: dir, now: E2E_NOW, search: false });
  server = await serveStatic(dir, 0, { redirectRules: false });
  browser = await launchBrowser();
  context = await browser.newContext({ baseURL: server.origin });
  context.setDefaultTimeout(E2E_TIMEOUT_MS);
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(server.origin)) return route.continue();
    offSite.push(url);
    if (new URL(url).hostname === "www.gob.mx") return route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: "<!doctype html><title>gob.mx</title><p>gob.mx</p>" });
    return route.abort();
  });
  page = await context.newPage();
  problems = problemsOf(page);
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/** Opens an old address and waits until the browser has left it and loaded where it was sent. */
async function follow(p: Page, address: string): Promise<URL> {
  const stub = new URL(address, server.origin);
  // The stub navigates away while it is read: wait for its response only, then for the page it leads to.
  await p.goto(address, { waitUntil: "commit" });
  await p.waitForURL((u) => u.pathname !== stub.pathname);
  await p.waitForLoadState("load");
  return new URL(p.url());
}

test("the host serves the stub itself (no rule), with its script ahead of the meta refresh", async () => {
  const res = await fetch(`${server.origin}${STUB}?utm_source=fb`, { redirect: "manual" });
  assert.equal(res.status, 200);
  const html = await res.text();
  const $ = cheerio.load(html);
  const script = $("head script");
  assert.equal(script.length, 1);
  assert.match(script.attr("src") ?? "", /^\/js\/redirect\.[0-9a-f]{10}\.js$/);
  assert.equal(script.attr("data-to"), FIXTURE.redirected);
  assert.equal(script.html(), "", "no inline script");
  assert.ok(html.indexOf("<script") < html.indexOf('http-equiv="refresh"'), "the script runs before the refresh is read");
  assert.equal($('meta[http-equiv="refresh"]').attr("content"), `0; url=${FIXTURE.redirected}`);
  assert.equal($("body a").attr("href"), FIXTURE.redirected);
  const js = await fetch(`${server.origin}${script.attr("src")}`);
  assert.equal(js.status, 200);
});

test("an old address with ?utm_source=fb#x ends on the bulletin with ?utm_source=fb#x, with no history entry of its own, under the CSP", async () => {
  await page.goto("/");
  const landed = await follow(page, `${STUB}?utm_source=fb#x`);
  assert.equal(landed.href, `${server.origin}${FIXTURE.redirected}?utm_source=fb#x`);
  assert.equal((await page.locator("h1").textContent())?.trim(), "Recomienda IMSS vacunación a personas mayores de 60 años");
  // location.replace: Back returns to the page before the old address, not to the stub (which would forward again).
  await page.goBack();
  assert.equal(new URL(page.url()).pathname, "/");
  // A query of several parameters, encoded characters included, goes as it came.
  const query = "?utm_source=fb&utm_medium=social&utm_campaign=vacunaci%C3%B3n%2060%2B";
  assert.equal((await follow(page, `${NUMBER_STUB}${query}`)).href, `${server.origin}${FIXTURE.redirected}${query}`);
  assert.deepEqual(problems, [], "no script error or CSP violation");
  assert.deepEqual(offSite, []);
});

test("without a query nothing is added (no lone ?); a fragment alone goes along and opens the page at that heading", async () => {
  assert.equal((await follow(page, STUB)).href, `${server.origin}${FIXTURE.redirected}`);
  await page.setViewportSize({ width: 375, height: 700 });
  try {
    assert.equal((await follow(page, `${NUMBER_STUB}#recomendaciones`)).href, `${server.origin}${FIXTURE.redirected}#recomendaciones`);
    const heading = page.locator("article h2#recomendaciones");
    const top = await heading.evaluate((el) => el.getBoundingClientRect().top);
    assert.ok(top >= 0 && top < 200, `heading at ${top}px`);
    // An empty query or fragment (`?`, `#`) adds nothing either.
    assert.equal((await follow(page, `${STUB}?#`)).href, `${server.origin}${FIXTURE.redirected}`);
  } finally {
    await page.setViewportSize({ width: 1280, height: 720 });
  }
  assert.deepEqual(problems, []);
});

test("the query never chooses where the stub leads (no open redirect): addresses in it stay in the query", async () => {
  const hostile = "?url=https%3A%2F%2Fevil.example%2F&next=//evil.example/x&redirect_to=https://evil.example/&to=javascript:alert(1)";
  const landed = await follow(page, `${STUB}${hostile}#//evil.example/`);
  assert.equal(landed.origin, server.origin);
  assert.equal(landed.pathname, FIXTURE.redirected);
  assert.equal(landed.search, hostile);
  assert.equal(landed.hash, "#//evil.example/");
  assert.deepEqual(offSite, [], "nothing was asked of another host");
  assert.deepEqual(problems, []);
});

test("a forward to another site with a query and an anchor of its own: the reader's query joins it with & (as nginx does), its anchor stays", async () => {
  const start = offSite.length;
  const landed = await follow(page, `${FORWARD_STUB}?utm_source=fb#x`);
  assert.equal(landed.href, "https://www.gob.mx/imss/articulos/campana?origen=web&utm_source=fb#requisitos");
  assert.deepEqual(offSite.slice(start), ["https://www.gob.mx/imss/articulos/campana?origen=web&utm_source=fb"]);
  // Without a query, exactly the forward's address.
  assert.equal((await follow(page, FORWARD_STUB)).href, FORWARD_TO);
  offSite.splice(start);
  assert.deepEqual(problems, []);
});

test("with JavaScript off, the stub (which now carries its script) still forwards by its meta refresh, to the bare address", async () => {
  const html = await readFile(path.join(dir, STUB, "index.html"), "utf8");
  assert.match(html, /<script src="\/js\/redirect\.[0-9a-f]{10}\.js" data-to="[^"]+"><\/script>\n<meta http-equiv="refresh"/);
  const noScript = await browser.newContext({ baseURL: server.origin, javaScriptEnabled: false });
  try {
    noScript.setDefaultTimeout(E2E_TIMEOUT_MS);
    const p = await noScript.newPage();
    // The meta refresh names the bulletin's address alone: the query and fragment stay behind.
    assert.equal((await follow(p, `${STUB}?utm_source=fb#x`)).href, `${server.origin}${FIXTURE.redirected}`);
    assert.equal((await p.locator("h1").textContent())?.trim(), "Recomienda IMSS vacunación a personas mayores de 60 años");
  } finally {
    await noScript.close();
  }
});
