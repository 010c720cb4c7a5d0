import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import * as cheerio from "cheerio";
import { bulletinText, runCli, seedContent, tempDir, writeText } from "./support/build.ts";
import { serveStatic } from "./support/static-server.ts";

/**
 * Old addresses written percent-encoded (`/acentos/vacunaci%C3%B3n/`: how a URL carries letters with
 * accents, and what `redirect_from` asks for) and a permalink with one, on a host that only serves
 * files, as GitHub Pages does: the host decodes the request before looking the file up, so each stub
 * and page must be where the decoded path points. Two spellings of one decoded path are one path.
 */
test("percent-encoded redirects and permalinks are served by a host that only serves files", async () => {
  const dir = await tempDir("encoded-paths");
  const content = await seedContent(dir);
  await writeText(
    path.join(content, "2024/2024-04-09-acentos.md"),
    bulletinText(`title: "Direcciones antiguas con acentos"
date: 2024-04-09T10:30:00-06:00
description: "Prueba de direcciones codificadas."
permalink: /especiales/vacunaci%C3%B3n/
redirect_from:
  - /acentos/vacunaci%C3%B3n/
  - /viejo/a%20b/
  - /old/caf%C3%A9.html`),
  );
  const site = path.join(dir, "_site");
  const run = await runCli(["build", "--content", content, "--out", site, "--quiet", "--no-search"]);
  assert.equal(run.code, 0, run.stderr);
  const host = await serveStatic(site);
  try {
    const page = await fetch(`${host.origin}/especiales/vacunaci%C3%B3n/`);
    assert.equal(page.status, 200, "the page at its encoded permalink");
    assert.equal(cheerio.load(await page.text())("h1").text(), "Direcciones antiguas con acentos");
    for (const old of ["/acentos/vacunaci%C3%B3n/", "/acentos/vacunaci%c3%b3n/", "/viejo/a%20b/", "/old/caf%C3%A9.html"]) {
      const stub = await fetch(`${host.origin}${old}`);
      assert.equal(stub.status, 200, `${old}: its stub is where the host looks`);
      const $ = cheerio.load(await stub.text());
      assert.equal($('meta[http-equiv="refresh"]').attr("content"), "0; url=/especiales/vacunaci%C3%B3n/", old);
    }
  } finally {
    await host.close();
  }

  // `/news/%41x` is `/news/Ax` to every host: two bulletins cannot both have it.
  await writeText(path.join(content, "2024/2024-04-10-a.md"), bulletinText(`title: "A"\ndate: 2024-04-10\ndescription: "a"\nredirect_from: /news/%41x`));
  await writeText(path.join(content, "2024/2024-04-11-b.md"), bulletinText(`title: "B"\ndate: 2024-04-11\ndescription: "b"\nredirect_from: /news/Ax`));
  const clash = await runCli(["check", "--content", content]);
  assert.equal(clash.code, 1);
  assert.match(clash.stdout + clash.stderr, /2024-04-11-b\.md:5:1: error \[redirect_from\]: La redirección \/news\/Ax\/ ya es una redirección de .*2024-04-10-a\.md/);
});
