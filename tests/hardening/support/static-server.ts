import { readFile, stat } from "node:fs/promises";
import http from "node:http";
import path from "node:path";

/**
 * A bare static server with no headers at all (no CSP): what the pages do here, they do on any
 * host, GitHub Pages included. Only files inside `root` are served.
 */
const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".xml": "application/xml", ".json": "application/json", ".svg": "image/svg+xml" };

export async function serveStatic(root: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const base = path.resolve(root);
  const server = http.createServer(async (req, res) => {
    try {
      const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
      let file = path.resolve(base, `.${pathname}`);
      if (file !== base && !file.startsWith(base + path.sep)) throw new Error("outside");
      if ((await stat(file)).isDirectory()) file = path.join(file, "index.html");
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("404");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
