import assert from "node:assert/strict";
import { test } from "node:test";
import { buildAssets, readAssetSources } from "../../src/render/assets.ts";
import { renderMarkdown, renderMarkdownAndTextReference } from "../../src/render/markdown.ts";
import { buildNginxFiles } from "../../src/render/nginx-config.ts";
import { htmlWithPathPrefix } from "../../src/render/path-prefix.ts";
import { buildRedirectsFile } from "../../src/render/redirects-out.ts";
import type { RedirectStub } from "../../src/render/views.ts";

/** A site served under a path (policy/urls.ts): what its bodies, its stylesheet and its hosts' files print. */

const BODY = [
  "Vea el [boletín anterior](/boletines/2024/01/x/ \"título\") y los [temas](/temas/#lista), [aquí](#datos), [arriba](../otro/) y el [portal](https://www.imss.gob.mx/boletines/).",
  "",
  "![Foto](/uploads/2024/foto.jpg) y <a href=\"/secciones/local/\">Local</a> <img src=\"/uploads/2024/logo.svg\" alt=\"Logo\">",
  "",
  "Texto con `href=\"/codigo/\"` escrito como código, y un título <abbr title='src=\"/x\"'>raro</abbr>.",
  "",
  "| a | b |",
  "|---|---|",
  "| [c](/temas/c/) | d |",
  "",
  "Nota[^1].",
  "",
  "[^1]: Ver [la lista](/boletines/).",
].join("\n");

test("a body's site paths (links and images, markdown or HTML) go under the prefix; code, text, fragments, relative and other sites' addresses stay as written", () => {
  for (const html of [renderMarkdown(BODY), renderMarkdownAndTextReference(BODY).html]) {
    const prefixed = htmlWithPathPrefix(html, "/boletines");
    const hrefs = [...prefixed.matchAll(/<a [^>]*href="([^"]*)"/g)].map((m) => m[1]);
    assert.deepEqual(hrefs, [
      "/boletines/boletines/2024/01/x/",
      "/boletines/temas/#lista",
      "#datos",
      "../otro/",
      "https://www.imss.gob.mx/boletines/",
      "/boletines/secciones/local/",
      "/boletines/temas/c/",
      "#fn:1",
      "/boletines/boletines/",
      "#fnref:1",
    ]);
    assert.deepEqual([...prefixed.matchAll(/<img [^>]*src="([^"]*)"/g)].map((m) => m[1]), ["/boletines/uploads/2024/foto.jpg", "/boletines/uploads/2024/logo.svg"]);
    // Only addresses changed: the same HTML with the prefix taken off again.
    assert.equal(prefixed.replaceAll('="/boletines/', '="/'), html);
    // Text is not HTML: a code span that reads like an attribute stays as written.
    assert.match(prefixed, /<code>href="\/codigo\/"<\/code>/);
    assert.equal(htmlWithPathPrefix(html, ""), html, "no prefix: the same string");
  }
});

test("a body's pictures (<picture>: each source's srcset and the img) go under the prefix", () => {
  const html =
    '<p><picture><source type="image/avif" srcset="/img/a-480.avif 480w, /img/a-960.avif 960w" sizes="100vw" /><source type="image/webp" srcset="/img/a-480.webp 480w, /img/a-960.webp 960w" sizes="100vw" /><img src="/img/a-960.webp" alt="Foto" width="960" height="540" loading="lazy" decoding="async" /></picture></p>';
  assert.equal(
    htmlWithPathPrefix(html, "/boletines"),
    '<p><picture><source type="image/avif" srcset="/boletines/img/a-480.avif 480w, /boletines/img/a-960.avif 960w" sizes="100vw" /><source type="image/webp" srcset="/boletines/img/a-480.webp 480w, /boletines/img/a-960.webp 960w" sizes="100vw" /><img src="/boletines/img/a-960.webp" alt="Foto" width="960" height="540" loading="lazy" decoding="async" /></picture></p>',
  );
});

test("the stylesheet names its font under the prefix; the files keep their site paths", () => {
  const sources = readAssetSources();
  const root = buildAssets(sources);
  const under = buildAssets(sources, "/boletines");
  assert.match(under.files[0]!.content, /src: url\("\/boletines\/fonts\/noto-sans-latin\.[0-9a-f]{10}\.woff2"\)/);
  assert.equal(under.fonts[0]!.url, root.fonts[0]!.url);
  assert.ok(under.fonts[0]!.url.startsWith("/fonts/"));
  assert.notEqual(under.stylesheetUrl, root.stylesheetUrl, "another stylesheet, another name");
  assert.deepEqual(buildAssets(sources, ""), root);
});

test("_redirects keeps the artifact's paths as its rules' sources (Netlify, Cloudflare) and sends the browser under the prefix; nginx sees and sends both under it", () => {
  const redirects: RedirectStub[] = [
    { from: "/news/190812/", to: "/boletines/2024/03/x/", absoluteTo: "https://imss-mx.github.io/boletines/boletines/2024/03/x/", title: "X", writesStub: true },
    { from: "/noticia.php", to: "https://www.gob.mx/imss/prensa/1?origen=web", absoluteTo: "https://www.gob.mx/imss/prensa/1?origen=web", title: "Y", writesStub: false },
  ];
  assert.equal(
    buildRedirectsFile(redirects, "/boletines").content,
    ["/news/190812 /boletines/boletines/2024/03/x/ 301", "/news/190812/ /boletines/boletines/2024/03/x/ 301", "/noticia.php https://www.gob.mx/imss/prensa/1?origen=web 301", ""].join("\n"),
  );
  assert.equal(buildRedirectsFile(redirects).content, ["/news/190812 /boletines/2024/03/x/ 301", "/news/190812/ /boletines/2024/03/x/ 301", "/noticia.php https://www.gob.mx/imss/prensa/1?origen=web 301", ""].join("\n"));

  const [map, site] = buildNginxFiles(redirects, ["/css/site.0123456789.css", "/fonts/f.0123456789.woff2"], [], "/boletines");
  assert.match(map!.content, /^ {2}"\/boletines\/news\/190812\/" "\/boletines\/boletines\/2024\/03\/x\/\$is_args\$args";$/m);
  assert.match(map!.content, /^ {2}"\/boletines\/noticia\.php" "https:\/\/www\.gob\.mx\/imss\/prensa\/1\?origen=web\$boletines_and_args";$/m);
  const conf = site!.content;
  for (const line of [
    "error_page 404 /boletines/404.html;",
    "location /boletines/ {",
    'location = "/boletines/feed.xml" {',
    'location ~ "^/boletines(?:/temas/|/secciones/)[^/]+/feed\\\\.xml$" {',
    "location ^~ /boletines/img/ {",
    'location = "/boletines/css/site.0123456789.css" {',
    "location /boletines/css/ {",
    "location = /boletines/_redirects { return 404; }",
    "location ^~ /boletines/nginx/ { return 404; }",
  ]) {
    assert.ok(conf.split("\n").includes(line), `${line}\n${conf}`);
  }
  // Every location is under the prefix: nothing of the server outside it is claimed.
  for (const location of conf.split("\n").filter((l) => l.startsWith("location "))) assert.match(location, /^location (= |\^~ |~ )?"?\^?\/boletines[/(]/, location);
});
