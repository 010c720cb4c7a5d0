/**
 * `node --import tsx scripts/bench/search-bytes.ts SITE… -- QUERY…`: what a reader downloads for a
 * search, not a test. Serves each built site (a `_site` folder, or a bench output such as
 * `.bench/n10000/site`) on 127.0.0.1 and opens `/buscar/QUERY` in Debian's Chromium, in a new
 * browser context each time (an empty HTTP cache), as a reader arriving from the form would.
 * Prints, per site and query, the bytes of `/pagefind/` (response bodies, no HTTP compression), the
 * requests, how many were word chunks (`.pf_index`), the time until the results were shown, the
 * status line and the first dates listed.
 *
 *   node --import tsx scripts/bench/search-bytes.ts /dev/shm/old/site /dev/shm/new/site -- '?q=vacunacion' '?q=&seccion=Salud&anio=2024'
 *
 * Figures from it are in scripts/bench/NOTES.md (session 12).
 */
import { launchBrowser } from "../../tests/e2e/browser.ts";
import { serveStatic } from "../../tests/e2e/server.ts";

const args = process.argv.slice(2);
const split = args.indexOf("--");
const sites = split < 0 ? [] : args.slice(0, split);
const queries = split < 0 ? [] : args.slice(split + 1);
if (!sites.length || !queries.length) {
  process.stderr.write("Uso: node --import tsx scripts/bench/search-bytes.ts SITIO… -- CONSULTA… (por ejemplo '?q=vacunacion')\n");
  process.exit(2);
}

const browser = await launchBrowser();
try {
  for (const dir of sites) {
    const server = await serveStatic(dir);
    try {
      for (const query of queries) {
        const context = await browser.newContext({ baseURL: server.origin });
        const page = await context.newPage();
        let bytes = 0;
        let requests = 0;
        let chunks = 0;
        const pending: Array<Promise<void>> = [];
        page.on("requestfinished", (request) => {
          const url = new URL(request.url()).pathname;
          if (!url.startsWith("/pagefind/")) return;
          requests++;
          if (url.endsWith(".pf_index")) chunks++;
          pending.push(request.sizes().then((s) => void (bytes += s.responseBodySize)));
        });
        const started = Date.now();
        await page.goto(`/buscar/${query}`);
        await page.locator("#estado-busqueda", { hasText: /encontrad|No hay/ }).waitFor({ timeout: 120_000 });
        await page.waitForLoadState("networkidle");
        const shown = Date.now() - started;
        await Promise.all(pending);
        const dates = (await page.locator(".search-result .meta").allTextContents()).slice(0, 3).join(" | ");
        const status = await page.locator("#estado-busqueda").textContent();
        process.stdout.write(`${dir} ${query}: ${(bytes / 1024).toFixed(0)} KiB, ${requests} peticiones (${chunks} de palabras), ${shown} ms; ${status} ${dates}\n`);
        await context.close();
      }
    } finally {
      await server.close();
    }
  }
} finally {
  await browser.close();
}
