import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { buildHeadersFile, CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPES, isFingerprinted, SECURITY_HEADERS } from "../../src/render/host-headers.ts";
import { buildNginxFiles, nginxUrl, NGINX_REDIRECTS_URL, NGINX_SITE_URL, withRequestQuery } from "../../src/render/nginx-config.ts";
import type { RedirectStub } from "../../src/render/views.ts";
import { ROOT } from "./support/build.ts";

/** `_headers` read the way Netlify and Cloudflare Pages read it: every matching rule applies, values add up. */
function parseHeaders(text: string): Array<{ pattern: string; headers: Array<[string, string]> }> {
  const rules: Array<{ pattern: string; headers: Array<[string, string]> }> = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "" || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: [] });
    else {
      const m = /^\s+([A-Za-z-]+):\s*(.+)$/.exec(line);
      assert.ok(m && rules.length, `malformed line: ${line}`);
      rules[rules.length - 1]!.headers.push([m[1]!, m[2]!]);
    }
  }
  return rules;
}

/** A rule's pattern as both hosts match it: `*` is anything (a splat), `:name` one path segment (a placeholder). */
function headersFor(rules: ReturnType<typeof parseHeaders>, sitePath: string): Array<[string, string]> {
  const matches = (p: string) => {
    const re = p.split(/(\*|:[A-Za-z]\w*)/).map((part) => (part === "*" ? ".*" : part.startsWith(":") ? "[^/]+" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))).join("");
    return new RegExp(`^${re}$`).test(sitePath);
  };
  return rules.filter((r) => matches(r.pattern)).flatMap((r) => r.headers);
}

test("_headers: every path gets each security header once and exactly one cache lifetime", () => {
  const fingerprinted = ["/css/site.0e4cb87036.css", "/js/search.4d732c6bae.js", "/favicon.72ecb44911.svg", "/fonts/noto-sans-latin.51ca196f49.woff2", "/css/site.0e4cb87036.css"];
  const rules = parseHeaders(buildHeadersFile(fingerprinted).content);
  assert.equal(rules.filter((r) => r.pattern === "/css/site.0e4cb87036.css").length, 1, "one rule per file");
  assert.equal(rules.filter((r) => r.pattern.startsWith("/fonts/noto")).length, 0, "covered by /fonts/*");
  assert.ok(rules.length <= 100, "Cloudflare Pages reads at most 100 rules");
  const expected: Array<[string, string]> = [
    ["/", CACHE_CONTROL.page],
    ["/index.html", CACHE_CONTROL.page],
    ["/boletines/2021/08/reconoce-imss/", CACHE_CONTROL.page],
    ["/boletines/2021/pagina/2/", CACHE_CONTROL.page],
    ["/temas/imss/", CACHE_CONTROL.page],
    ["/secciones/local/feed.xml", CACHE_CONTROL.page],
    ["/feed.xml", CACHE_CONTROL.page],
    ["/feed.json", CACHE_CONTROL.page],
    ["/sitemap.xml", CACHE_CONTROL.page],
    ["/404.html", CACHE_CONTROL.page],
    ["/css/site.0e4cb87036.css", CACHE_CONTROL.immutable],
    ["/js/search.4d732c6bae.js", CACHE_CONTROL.immutable],
    ["/favicon.72ecb44911.svg", CACHE_CONTROL.immutable],
    ["/fonts/noto-sans-latin.51ca196f49.woff2", CACHE_CONTROL.immutable],
    ["/img/Xy3_aB-480.webp", CACHE_CONTROL.immutable],
    ["/assets/app.3f9a1c2b.js", CACHE_CONTROL.immutable],
    ["/assets/logo.svg", CACHE_CONTROL.immutable],
  ];
  for (const [p, cache] of expected) {
    const got = headersFor(rules, p);
    for (const [name, value] of SECURITY_HEADERS) assert.deepEqual(got.filter(([n]) => n === name), [[name, value]], `${p}: ${name}`);
    assert.deepEqual(got.filter(([n]) => n === "Cache-Control"), [["Cache-Control", cache]], `${p}: one Cache-Control`);
  }
  // A custom permalink page, an unhashed file: the security headers and the host's own cache default.
  for (const p of ["/especiales/vacunacion/", "/css/site.css", "/pagefind/2024/pagefind.js"]) {
    const got = headersFor(rules, p);
    assert.equal(got.filter(([n]) => n === "Cache-Control").length, 0, p);
    assert.equal(got.filter(([n]) => n === "Content-Security-Policy").length, 1, p);
  }
});

test("_headers: feeds and sitemaps are sent with their own type, once, beside their cache lifetime and the security headers", () => {
  const rules = parseHeaders(buildHeadersFile(["/css/site.0e4cb87036.css"], ["/sitemaps/sitemap-1.xml", "/sitemaps/sitemap-2.xml"]).content);
  assert.ok(rules.length <= 100, "Cloudflare Pages reads at most 100 rules");
  const expected: Array<[string, string]> = [
    ["/feed.xml", CONTENT_TYPES.atom],
    ["/temas/vacunacion/feed.xml", CONTENT_TYPES.atom],
    ["/secciones/local/feed.xml", CONTENT_TYPES.atom],
    ["/feed.json", CONTENT_TYPES.jsonFeed],
    ["/sitemap.xml", CONTENT_TYPES.xml],
    ["/sitemap-news.xml", CONTENT_TYPES.xml],
    ["/sitemaps/sitemap-2.xml", CONTENT_TYPES.xml],
  ];
  for (const [p, type] of expected) {
    const got = headersFor(rules, p);
    assert.deepEqual(got.filter(([n]) => n === "Content-Type"), [["Content-Type", type]], `${p}: one Content-Type`);
    assert.deepEqual(got.filter(([n]) => n === "Cache-Control"), [["Cache-Control", CACHE_CONTROL.page]], `${p}: one Cache-Control`);
    for (const [name, value] of SECURITY_HEADERS) assert.deepEqual(got.filter(([n]) => n === name), [[name, value]], `${p}: ${name}`);
  }
  assert.match(CONTENT_TYPES.atom, /^application\/atom\+xml; charset=utf-8$/);
  assert.match(CONTENT_TYPES.jsonFeed, /^application\/feed\+json; charset=utf-8$/);
  // Pages, their own files and a topic's later page keep the host's type.
  for (const p of ["/temas/vacunacion/", "/temas/vacunacion/pagina/2/", "/temas/feed.xml", "/temas/a/b/feed.xml", "/css/site.0e4cb87036.css", "/boletines/2024/04/x/"]) {
    assert.deepEqual(headersFor(rules, p).filter(([n]) => n === "Content-Type"), [], p);
  }
});

test("nginx: feeds and sitemaps get their type in locations that keep the security headers and the page lifetime", () => {
  const site = buildNginxFiles([], [], ["/sitemaps/sitemap-1.xml"])[1]!.content;
  const block = (match: string) => {
    const start = site.indexOf(`location ${match} {`);
    assert.ok(start >= 0, `location ${match}`);
    return site.slice(start, site.indexOf("\n}", start));
  };
  for (const [match, type] of [
    ['= "/feed.xml"', "application/atom+xml"],
    ['= "/feed.json"', "application/feed+json"],
    ['= "/sitemap.xml"', "application/xml"],
    ['= "/sitemap-news.xml"', "application/xml"],
    ['= "/sitemaps/sitemap-1.xml"', "application/xml"],
    ['~ "^(?:/temas/|/secciones/)[^/]+/feed\\\\.xml$"', "application/atom+xml"],
  ] as const) {
    const b = block(match);
    assert.match(b, /^ {2}types \{ \}$/m, match);
    assert.ok(b.includes(`\n  default_type ${type};`), `${match}: ${type}`);
    assert.ok(b.includes(`add_header Cache-Control "${CACHE_CONTROL.page}" always;`), match);
    for (const [name] of SECURITY_HEADERS) assert.ok(b.includes(`add_header ${name} `), `${match}: ${name}`);
  }
  // charset adds "; charset=utf-8" to each of these types.
  const charsetTypes = /^charset_types (.+);$/m.exec(site)![1]!.split(" ");
  for (const t of ["application/atom+xml", "application/feed+json", "application/xml"]) assert.ok(charsetTypes.includes(t), t);
});

test("nginx redirects keep the request's query: after a site path, after a target's own query with &, before a fragment", () => {
  assert.equal(withRequestQuery("/boletines/2021/12/a/"), "/boletines/2021/12/a/$is_args$args");
  assert.equal(withRequestQuery("https://www.gob.mx/imss/prensa/boletin-190?origen=web"), "https://www.gob.mx/imss/prensa/boletin-190?origen=web$boletines_and_args");
  assert.equal(withRequestQuery("https://www.gob.mx/a?origen=web#nota"), "https://www.gob.mx/a?origen=web$boletines_and_args#nota");
  assert.equal(withRequestQuery("https://www.gob.mx/a#nota"), "https://www.gob.mx/a$is_args$args#nota");
  assert.equal(withRequestQuery("https://www.gob.mx/a?"), "https://www.gob.mx/a?$args");
  assert.equal(withRequestQuery("https://www.gob.mx/a?b=1&"), "https://www.gob.mx/a?b=1&$args");
  // A `?` inside the fragment is the fragment's.
  assert.equal(withRequestQuery("https://www.gob.mx/a#x?y"), "https://www.gob.mx/a$is_args$args#x?y");
});

test("the CSP is strict: nothing inline, nothing from other origins, no framing", () => {
  const directives = new Map(CONTENT_SECURITY_POLICY.split(";").map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k!, v]));
  assert.deepEqual(directives.get("default-src"), ["'none'"]);
  assert.deepEqual(directives.get("frame-ancestors"), ["'none'"]);
  for (const [name, values] of directives) {
    for (const v of values) assert.ok(["'none'", "'self'", "'wasm-unsafe-eval'"].includes(v), `${name}: ${v}`);
  }
  for (const d of ["script-src", "style-src", "img-src", "connect-src", "base-uri", "form-action"]) assert.ok(directives.has(d), d);
});

test("the templates hold nothing the CSP would block: no inline script or style, no handlers", async () => {
  const dir = path.join(ROOT, "layouts");
  const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith(".njk"));
  assert.ok(files.length >= 5);
  for (const f of files) {
    const text = await readFile(path.join(dir, f), "utf8");
    // JSON-LD is data, never run (the CSP does not apply to it); any other inline script would be blocked.
    assert.doesNotMatch(text, /<script(?![^>]*\bsrc=)(?![^>]*type="application\/ld\+json")[^>]*>/i, `${f}: inline <script>`);
    assert.doesNotMatch(text, /<style\b/i, `${f}: <style>`);
    assert.doesNotMatch(text, /\sstyle\s*=/i, `${f}: style attribute`);
    assert.doesNotMatch(text, /\son[a-z]+\s*=/i, `${f}: event handler`);
    assert.doesNotMatch(text, /javascript:/i, `${f}: javascript: URL`);
  }
});

test("fingerprinted names: a content hash in the name or the /assets/ folder", () => {
  for (const p of ["/assets/a.css", "/img/Xy3_aB-480.webp", "/fonts/a.woff2", "/css/site.3f9a1c2b.css", "/js/app-5d41402abc4b.js"]) assert.ok(isFingerprinted(p), p);
  for (const p of ["/css/site.css", "/boletines/2021/", "/uploads/2021/foto-2021.jpg", "/uploads/2021/foto-20210819.jpg", "/css/deadbeef.css"]) assert.ok(!isFingerprinted(p), p);
});

test("nginx redirect map: decoded keys, both slash forms, targets safe from nginx variables", () => {
  const stub = (from: string, to: string): RedirectStub => ({ from, to, absoluteTo: `https://x${to}`, title: "t", writesStub: true });
  const files = buildNginxFiles([stub("/news/190812", "/boletines/2021/12/a/"), stub("/viejo/a%20b/", "/boletines/$x/"), stub(`/${"l".repeat(300)}/`, "/b/")]);
  assert.deepEqual(files.map((f) => f.url), [NGINX_REDIRECTS_URL, NGINX_SITE_URL]);
  const map = files[0]!.content;
  assert.match(map, /^ {2}"\/news\/190812" "\/boletines\/2021\/12\/a\/\$is_args\$args";$/m);
  assert.match(map, /^ {2}"\/viejo\/a b" "\/boletines\/%24x\/\$is_args\$args";$/m);
  assert.match(map, /^ {2}"\/viejo\/a b\/" "\/boletines\/%24x\/\$is_args\$args";$/m);
  // The only variables are the request's query, added to each target; never a `$` of a path.
  const values = map.split("\n").filter((l) => l.startsWith("  ")).join("\n").replaceAll("$is_args$args", "").replaceAll("$boletines_and_args", "").replaceAll('"&$args"', "");
  assert.doesNotMatch(values, /\$/, "no other $ in keys or values");
  assert.match(map, /^map \$args \$boletines_and_args \{\n {2}"" "";\n {2}default "&\$args";\n\}$/m);
  const bucket = Number(/map_hash_bucket_size (\d+);/.exec(map)?.[1]);
  assert.ok(bucket >= 302 && (bucket & (bucket - 1)) === 0, `bucket ${bucket} holds the longest key`);
  assert.equal(nginxUrl("/a b/$(x)/"), "/a%20b/%24(x)/");
  const site = buildNginxFiles([], ["/css/site.0e4cb87036.css", "/fonts/a.woff2"])[1]!.content;
  assert.match(site, /^location = "\/css\/site\.0e4cb87036\.css" \{$/m);
  assert.doesNotMatch(site, /location = "\/fonts\//, "covered by the /fonts/ location");
  const locations = site.split("\n").filter((l) => /^location .*\{$/.test(l) && !/return 404/.test(l)).length;
  for (const [name] of SECURITY_HEADERS) {
    // Server level plus every location that sets Cache-Control (add_header does not inherit into them).
    assert.equal(site.split(`add_header ${name} `).length - 1, locations + 1, name);
  }
});
