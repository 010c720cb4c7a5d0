import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

/**
 * A small static host for the built site, behaving like the hosts the site is published on:
 * `index.html` for folders (and a 301 to add the trailing slash), the 301s of `_redirects`,
 * and `404.html` with status 404 for anything else. With `redirectRules: false` it ignores
 * `_redirects`, as GitHub Pages and plain static hosting do: old addresses get the build's HTML stubs.
 */
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
  ".avif": "image/avif",
  ".webp": "image/webp",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".wasm": "application/wasm",
  ".pagefind": "application/octet-stream",
  ".pf_meta": "application/octet-stream",
  ".pf_index": "application/octet-stream",
  ".pf_fragment": "application/octet-stream",
  ".pf_filter": "application/octet-stream",
};

export interface StaticSite {
  origin: string;
  close(): Promise<void>;
}

export async function parseRedirects(root: string): Promise<Map<string, { to: string; status: number }>> {
  const rules = new Map<string, { to: string; status: number }>();
  let text = "";
  try {
    text = await readFile(path.join(root, "_redirects"), "utf8");
  } catch {
    return rules;
  }
  for (const line of text.split("\n")) {
    const [from, to, status] = line.trim().split(/\s+/);
    if (!from || from.startsWith("#") || !to) continue;
    rules.set(from, { to, status: Number(status ?? 301) });
  }
  return rules;
}

/**
 * `port` 0 (the default) takes any free port. With `prefix` (`/boletines`), the folder is served under
 * it as GitHub Pages serves a project site: `prefix` alone is a 301 to `prefix/`, and anything outside
 * it is GitHub's own 404, not the site's.
 */
export async function serveStatic(root: string, port = 0, options: { redirectRules?: boolean; prefix?: string } = {}): Promise<StaticSite> {
  const prefix = options.prefix ?? "";
  const base = path.resolve(root);
  const redirects = options.redirectRules === false ? new Map<string, { to: string; status: number }>() : await parseRedirects(base);
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://localhost");
      if (prefix && url.pathname === prefix) return void res.writeHead(301, { location: `${prefix}/${url.search}` }).end();
      if (!url.pathname.startsWith(`${prefix}/`)) return void res.writeHead(404, { "content-type": "text/plain" }).end("404: GitHub Pages");
      let pathname: string;
      try {
        pathname = decodeURIComponent(url.pathname.slice(prefix.length));
      } catch {
        res.writeHead(400).end();
        return;
      }
      const rule = redirects.get(url.pathname);
      if (rule) {
        res.writeHead(rule.status, { location: rule.to }).end();
        return;
      }
      const file = path.join(base, path.posix.normalize(pathname));
      if (!file.startsWith(base)) {
        res.writeHead(400).end();
        return;
      }
      const info = await stat(file).catch(() => null);
      if (info?.isDirectory()) {
        if (!pathname.endsWith("/")) {
          res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
          return;
        }
        const index = path.join(file, "index.html");
        if (await stat(index).catch(() => null)) return send(index, 200);
      } else if (info?.isFile()) {
        return send(file, 200);
      }
      return send(path.join(base, "404.html"), 404);

      function send(filePath: string, status: number): void {
        res.writeHead(status, {
          "content-type": TYPES[path.extname(filePath).toLowerCase()] ?? "application/octet-stream",
          "cache-control": "no-cache",
        });
        if (req.method === "HEAD") res.end();
        else createReadStream(filePath).pipe(res);
      }
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const bound = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${bound}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}

/** A port free right now on 127.0.0.1 (for a site whose base URL must name it before it is served). */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
