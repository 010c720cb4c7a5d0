import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { after, before, test } from "node:test";
import { promisify } from "node:util";
import * as cheerio from "cheerio";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { PROJECT_ROOT } from "../../src/build/build.ts";
import { DEFAULT_SITE } from "../../src/site.ts";
import { FIXTURE, listSiteFiles, pageUrlOf, startFixtureSite, type FixtureSite } from "./fixture-site.ts";
import { ensureFeedparser, ensureJava } from "./tools.ts";

const run = promisify(execFile);
/**
 * A short-lived JVM: the client compiler alone (about 3× faster here than the default tiered
 * JIT), with the larger thread stack the checker needs for its schema then.
 */
const VNU_JVM_OPTIONS = ["-Xss16m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"];
let site: FixtureSite;
let files: string[];
let htmlFiles: string[];

before(async () => {
  site = await startFixtureSite();
  files = await listSiteFiles(site.dir);
  htmlFiles = files.filter((f) => f.endsWith(".html"));
});
after(async () => site?.dispose());

async function readSite(file: string): Promise<string> {
  return readFile(path.join(site.dir, file), "utf8");
}

test("the W3C Nu HTML checker reports zero errors on every built page", async () => {
  const java = ensureJava();
  const jar = path.join(PROJECT_ROOT, "node_modules/vnu-jar/build/dist/vnu.jar");
  const targets = htmlFiles.map((f) => path.join(site.dir, f));
  assert.ok(targets.length > 60, `few pages to check: ${targets.length}`);
  // vnu exits non-zero when it finds errors; the JSON report on stderr is what counts.
  const { stderr } = await run(java, [...VNU_JVM_OPTIONS, "-jar", jar, "--errors-only", "--format", "json", ...targets], { maxBuffer: 64 * 1024 * 1024 }).catch(
    (e: { stderr: string }) => ({ stderr: e.stderr }),
  );
  const report = JSON.parse(stderr) as { messages: Array<{ type: string; url: string; message: string; lastLine?: number }> };
  const errors = report.messages.filter((m) => m.type === "error" || m.type === "non-document-error");
  assert.deepEqual(
    errors.map((m) => `${path.relative(site.dir, new URL(m.url).pathname)}:${m.lastLine ?? "?"} ${m.message}`),
    [],
  );
});

test("feeds parse cleanly: Atom with feedparser (Debian python3-feedparser), JSON Feed 1.1 with Python's json", async () => {
  const python = ensureFeedparser();
  const atom = files.filter((f) => f.endsWith("feed.xml"));
  assert.ok(atom.includes("/feed.xml") && atom.includes("/secciones/local/feed.xml") && atom.includes("/temas/vacunacion/feed.xml"), atom.join(", "));
  // feedparser 6 reads RSS and Atom only; the JSON Feed is checked against the fields the 1.1 spec requires.
  const script = [
    "import json, sys, feedparser",
    "out = []",
    "for path in sys.argv[1:]:",
    "    if path.endswith('.json'):",
    "        with open(path, encoding='utf-8') as f: d = json.load(f)",
    "        items = d.get('items', [])",
    "        ok = d.get('version') == 'https://jsonfeed.org/version/1.1' and bool(d.get('title')) and all(i.get('id') and (i.get('content_html') or i.get('content_text')) for i in items)",
    "        out.append({'path': path, 'bozo': not ok, 'error': '' if ok else 'campos de JSON Feed 1.1 faltantes', 'version': 'json11', 'entries': len(items), 'first': items[0].get('title', '') if items else ''})",
    "        continue",
    "    d = feedparser.parse(path)",
    "    out.append({'path': path, 'bozo': bool(d.bozo), 'error': str(d.get('bozo_exception', '')), 'version': d.version, 'entries': len(d.entries), 'first': d.entries[0].get('title', '') if d.entries else ''})",
    "print(json.dumps(out))",
  ].join("\n");
  const feeds = [...atom, "/feed.json"];
  const { stdout } = await run(python, ["-c", script, ...feeds.map((f) => path.join(site.dir, f))]);
  const results = JSON.parse(stdout) as Array<{ path: string; bozo: boolean; error: string; version: string; entries: number; first: string }>;
  assert.equal(results.length, feeds.length);
  for (const r of results) {
    assert.equal(r.bozo, false, `${r.path}: ${r.error}`);
    assert.ok(r.entries > 0, `${r.path} has no entries`);
    assert.ok(r.version.startsWith("atom") || r.version === "json11", `${r.path}: ${r.version}`);
  }
  for (const name of ["/feed.xml", "/feed.json"]) {
    const main = results.find((r) => r.path === path.join(site.dir, name))!;
    assert.equal(main.entries, 24, name);
    assert.equal(main.first, "Campaña de vacunación contra el sarampión en Mérida", name);
  }
});

test("sitemaps are well-formed and list only real pages, served with status 200", async () => {
  const parser = new XMLParser({ ignoreAttributes: false, removeNSPrefix: false, isArray: (name) => name === "url" });
  for (const name of ["/sitemap.xml", "/sitemap-news.xml"]) {
    const xml = await readSite(name);
    assert.equal(XMLValidator.validate(xml), true, `${name} is not well-formed XML`);
  }
  const sitemap = parser.parse(await readSite("/sitemap.xml")) as { urlset: { url: Array<{ loc: string }> } };
  const locs = sitemap.urlset.url.map((u) => u.loc);
  assert.ok(locs.length > 40, `sitemap lists ${locs.length}`);
  const news = parser.parse(await readSite("/sitemap-news.xml")) as { urlset: { url?: Array<{ loc: string; "news:news": { "news:publication_date": string } }> } };
  const newsLocs = (news.urlset.url ?? []).map((u) => u.loc);
  // Only the bulletin of 2025-06-01 is within 48 hours of the build's clock (2025-06-02 12:00).
  assert.deepEqual(newsLocs, [`${DEFAULT_SITE.baseUrl}${FIXTURE.featured}`]);
  for (const loc of [...locs, ...newsLocs]) {
    assert.ok(loc.startsWith(DEFAULT_SITE.baseUrl), loc);
    const sitePath = loc.slice(DEFAULT_SITE.baseUrl.length);
    const res = await fetch(`${site.origin}${sitePath}`, { redirect: "manual" });
    assert.equal(res.status, 200, `${loc} → ${res.status}`);
    const html = await res.text();
    assert.doesNotMatch(html, /<meta name="robots" content="noindex/, `${loc} is listed but not indexable`);
  }
  assert.ok(!locs.some((l) => l.includes("borrador")), "a draft is listed");
  assert.ok(!locs.some((l) => l.endsWith("/404.html")), "the 404 page is listed");
  const robots = await readSite("/robots.txt");
  assert.match(robots, /Sitemap: https:\/\/www\.imss\.gob\.mx\/sitemap-news\.xml/);
});

test("an internal link check finds zero broken links, assets and pagination included", async () => {
  const targets = new Map<string, string>();
  for (const file of htmlFiles) {
    const $ = cheerio.load(await readSite(file));
    const from = pageUrlOf(file);
    const add = (raw: string | undefined): void => {
      if (!raw) return;
      const url = new URL(raw, `${site.origin}${from}`);
      if (url.origin !== site.origin || url.protocol !== "http:") return;
      if (!targets.has(url.pathname)) targets.set(url.pathname, from);
    };
    $("a[href], link[href]").each((_, el) => add($(el).attr("href")));
    $("img[src], script[src]").each((_, el) => add($(el).attr("src")));
    $("source[srcset], img[srcset]").each((_, el) => {
      for (const part of ($(el).attr("srcset") ?? "").split(",")) add(part.trim().split(/\s+/)[0]);
    });
  }
  assert.ok(targets.has(FIXTURE.tagPage2), "page 2 of the tag is linked");
  assert.ok([...targets.keys()].some((p) => p.endsWith(".woff2")), "the font is linked");
  assert.ok([...targets.keys()].some((p) => p.endsWith(".avif") || p.endsWith(".webp")), "pictures are linked");
  const broken: string[] = [];
  for (const [target, from] of [...targets.entries()].sort()) {
    const res = await fetch(`${site.origin}${target}`, { method: "HEAD", redirect: "manual" });
    if (res.status !== 200) broken.push(`${target} (${res.status}) enlazado desde ${from}`);
  }
  assert.deepEqual(broken, []);
});

test("no page loads JavaScript except the search page, the 404 page and the redirect stubs, and nothing comes from another host", async () => {
  const withScripts: string[] = [];
  const stubs: string[] = [];
  for (const file of htmlFiles) {
    const $ = cheerio.load(await readSite(file));
    const scripts = $("script")
      .toArray()
      .filter((el) => $(el).attr("type") !== "application/ld+json");
    if (scripts.length) withScripts.push(file);
    // A redirect stub's one script forwards with the reader's query and fragment (public/js/redirect.js).
    if ($('meta[http-equiv="refresh"]').length) {
      stubs.push(file);
      assert.deepEqual(scripts.map((el) => $(el).attr("src")?.replace(/\.[0-9a-f]{10}\.js$/, ".js")), ["/js/redirect.js"], file);
    }
    for (const el of scripts) assert.equal($(el).html()?.trim() ?? "", "", `${file}: inline script`);
    assert.equal($("[style]").length, 0, `${file}: inline style attribute`);
    assert.equal($("style").length, 0, `${file}: <style> element`);
    $("link[href], script[src], img[src], source[srcset]").each((_, el) => {
      const ref = $(el).attr("href") ?? $(el).attr("src") ?? $(el).attr("srcset") ?? "";
      const rel = $(el).attr("rel") ?? "";
      if (rel === "canonical" || rel === "alternate") return;
      assert.ok(ref.startsWith("/"), `${file}: ${el.tagName} loads ${ref} from elsewhere`);
    });
  }
  // The earlier site's address of FIXTURE.redirected (number 102/2024), among others.
  assert.ok(stubs.includes("/prensa/archivo/202403/102/index.html"), stubs.join(", "));
  assert.deepEqual(withScripts.sort(), ["/404.html", "/buscar/index.html", ...stubs].sort());
});

test("bulletin pages carry canonical, OpenGraph, Twitter and NewsArticle JSON-LD data", async () => {
  const $ = cheerio.load(await readSite(`${FIXTURE.featured}index.html`));
  const canonical = `${DEFAULT_SITE.baseUrl}${FIXTURE.featured}`;
  assert.equal($('link[rel="canonical"]').attr("href"), canonical);
  assert.equal($('meta[property="og:type"]').attr("content"), "article");
  assert.equal($('meta[property="og:url"]').attr("content"), canonical);
  // Link previews get a JPEG made for them (1200 px of the 1600×900 photo), which the site has, at the size it names.
  const ogImage = $('meta[property="og:image"]').attr("content") ?? "";
  assert.ok(ogImage.startsWith(`${DEFAULT_SITE.baseUrl}/img/`) && /-1200\.jpeg$/.test(ogImage), ogImage);
  assert.deepEqual([$('meta[property="og:image:width"]').attr("content"), $('meta[property="og:image:height"]').attr("content")], ["1200", "675"]);
  const shared = await readFile(path.join(site.dir, new URL(ogImage).pathname));
  assert.deepEqual([shared[0], shared[1]], [0xff, 0xd8], "a JPEG");
  assert.equal($('meta[name="twitter:card"]').attr("content"), "summary_large_image");
  assert.ok($('link[rel="alternate"][type="application/atom+xml"]').length >= 1);
  const ld = JSON.parse($('script[type="application/ld+json"]').text()) as Record<string, unknown>;
  assert.equal(ld["@type"], "NewsArticle");
  assert.equal(ld["headline"], "Campaña de vacunación contra el sarampión en Mérida");
  assert.equal(ld["datePublished"], "2025-06-01T14:30:00-06:00");
  assert.equal(ld["dateModified"], "2025-06-01T18:00:00-06:00");
  assert.deepEqual(ld["image"], [ogImage]);
  // The JSON Feed names the same file as its item's image.
  const feedItem = (JSON.parse(await readSite("feed.json")) as { items: Array<{ url: string; image?: string }> }).items.find((i) => i.url === canonical);
  assert.equal(feedItem?.image, ogImage);
  assert.equal((ld["publisher"] as { name: string }).name, "Instituto Mexicano del Seguro Social");
  // The missing image shows nothing: no <img>, no og:image.
  const missing = cheerio.load(await readSite(`${FIXTURE.missingImage}index.html`));
  assert.equal(missing("article img").length, 0);
  assert.equal(missing('meta[property="og:image"]').length, 0);
});
