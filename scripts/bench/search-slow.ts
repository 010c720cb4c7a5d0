/**
 * `node --import tsx scripts/bench/search-slow.ts SITE QUERY…`: a search on Chrome DevTools' «Slow 3G»
 * (CDP Network.emulateNetworkConditions: 2,000 ms round trip, 50,000 B/s each way), empty cache, in
 * Debian's Chromium; not a test. Prints the time until the count is shown, the requests to
 * /pagefind/, and each text of the status line with when it appeared. `H2=1` serves the site over
 * HTTP/2 (TLS with a certificate made by openssl for the run), as the hosts serve it; without it,
 * tests/e2e/server.ts (HTTP/1.1: six connections per host). `TIMELINE=1` lists every request.
 *
 *   H2=1 node --import tsx scripts/bench/search-slow.ts .bench/n1000/site '?q=vacunacion' '?q=salud+hospital'
 *
 * Figures from it are in docs/readers.md (search).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import { createSecureServer } from "node:http2";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import { serveStatic } from "../../tests/e2e/server.ts";
import { CHROMIUM_ARGS, ensureChromium } from "../../tests/e2e/tools.ts";

// H2=1: served over HTTP/2 (TLS, self-signed), as the hosts the site is published on serve it:
// no limit of six connections per host.
async function serveH2(root: string) {
  const types: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".woff2": "font/woff2", ".svg": "image/svg+xml" };
  const keys = mkdtempSync(path.join(os.tmpdir(), "search-slow-"));
  execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", path.join(keys, "key.pem"), "-out", path.join(keys, "cert.pem"), "-days", "1", "-subj", "/CN=127.0.0.1"], { stdio: "ignore" });
  const server = createSecureServer({ key: readFileSync(path.join(keys, "key.pem")), cert: readFileSync(path.join(keys, "cert.pem")), allowHTTP1: true }, (req, res) => {
    const url = new URL(req.url ?? "/", "https://x");
    let file = path.join(root, decodeURIComponent(url.pathname));
    try { if (statSync(file).isDirectory()) file = path.join(file, "index.html"); } catch { /* 404 below */ }
    try {
      const body = readFileSync(file);
      res.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream", "cache-control": "no-cache" });
      res.end(body);
    } catch { res.writeHead(404); res.end(); }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as { port: number }).port;
  return { origin: `https://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}
const launchBrowser = () => chromium.launch({ executablePath: ensureChromium(), headless: true, args: [...CHROMIUM_ARGS, "--ignore-certificate-errors"] });

const [dir, ...queries] = process.argv.slice(2);
const browser = await launchBrowser();
const server = process.env.H2 ? await serveH2(dir!) : await serveStatic(dir!);
try {
  for (const query of queries) {
    const context = await browser.newContext({ baseURL: server.origin, ignoreHTTPSErrors: true });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 2000, downloadThroughput: 50000, uploadThroughput: 50000 });
    const requests: string[] = [];
    const started = Date.now();
    const timeline: string[] = [];
    page.on("request", (r) => {
      const u = new URL(r.url()).pathname;
      if (u.startsWith("/pagefind/")) requests.push(u);
      if (process.env.TIMELINE) timeline.push(`${((Date.now() - started) / 1000).toFixed(1)}s > ${u}`);
    });
    page.on("requestfinished", (r) => {
      if (process.env.TIMELINE) timeline.push(`${((Date.now() - started) / 1000).toFixed(1)}s < ${new URL(r.url()).pathname}`);
    });
    // Status line changes, with the time since the search page was asked for.
    const statuses: string[] = [];
    await page.exposeFunction("__status", (t: string) => statuses.push(`${((Date.now() - started) / 1000).toFixed(1)}s ${t}`));
    await page.addInitScript(() => {
      let last = "";
      new MutationObserver(() => {
        const t = document.getElementById("estado-busqueda")?.textContent ?? "";
        if (t !== last) (window as unknown as { __status(t: string): void }).__status((last = t));
      }).observe(document, { childList: true, characterData: true, subtree: true });
    });
    await page.goto(`/buscar/${query}`, { timeout: 180_000 });
    await page.locator("#estado-busqueda", { hasText: /encontrad|No hay/ }).waitFor({ timeout: 180_000 });
    const shown = (Date.now() - started) / 1000;
    const first = (await page.locator(".search-result h2 a").allTextContents()).slice(0, 3);
    process.stdout.write(`${query}: ${shown.toFixed(1)} s, ${requests.length} pedidos a /pagefind/ (${requests.filter((u) => u.endsWith(".pf_index")).length} de palabras)\n  ${statuses.join("\n  ")}\n  ${first.join(" | ")}\n${timeline.join("\n")}\n`);
    await context.close();
  }
} finally {
  await server.close();
  await browser.close();
}
