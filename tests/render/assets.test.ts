import assert from "node:assert/strict";
import { test } from "node:test";
import { buildAssets, fingerprint, fingerprintedUrl, readAssetSources } from "../../src/render/assets.ts";

const sources = { stylesheet: "body { color: red; }\n", searchScript: "console.log(1);\n", notFoundScript: "console.log(2);\n", redirectScript: "console.log(3);\n", favicon: "<svg/>", font: Buffer.from("font-bytes"), fontSource: "/x/font.woff2" };

test("file names carry a hash of their content", () => {
  assert.match(fingerprintedUrl("/css/site.css", "a"), /^\/css\/site\.[0-9a-f]{10}\.css$/);
  assert.notEqual(fingerprintedUrl("/css/site.css", "a"), fingerprintedUrl("/css/site.css", "b"));
  assert.equal(fingerprint("a"), fingerprint("a"));
});

test("the stylesheet names the fingerprinted font and is itself fingerprinted over the result", () => {
  const a = buildAssets(sources);
  const css = a.files.find((f) => f.url === a.stylesheetUrl)!.content;
  assert.ok(css.includes(`url("${a.fonts[0]!.url}")`), css);
  assert.ok(css.endsWith(sources.stylesheet));
  assert.match(a.fonts[0]!.url, /^\/fonts\/noto-sans-latin\.[0-9a-f]{10}\.woff2$/);
  // A new font changes the font URL, so the stylesheet that names it changes too.
  const b = buildAssets({ ...sources, font: Buffer.from("other") });
  assert.notEqual(b.fonts[0]!.url, a.fonts[0]!.url);
  assert.notEqual(b.stylesheetUrl, a.stylesheetUrl);
  assert.equal(b.searchScriptUrl, a.searchScriptUrl);
  assert.deepEqual(buildAssets(sources), a, "deterministic");
});

test("the project's real sources: font from the npm package, CSS small", () => {
  const real = readAssetSources();
  assert.ok(real.fontSource.includes("@fontsource-variable/noto-sans"));
  assert.equal(real.font.subarray(0, 4).toString("latin1"), "wOF2");
  const assets = buildAssets(real);
  const css = assets.files.find((f) => f.url === assets.stylesheetUrl)!.content;
  // A budget the whole site's CSS must stay under (uncompressed), so it stays one small cached file.
  assert.ok(Buffer.byteLength(css) < 16_000, `site CSS is ${Buffer.byteLength(css)} bytes`);
  assert.match(css, /prefers-color-scheme: dark/);
  assert.match(css, /@media print/);
});
