import { PATHS } from "../policy/urls.ts";
import type { RawFile, RedirectStub } from "./views.ts";

/**
 * `_redirects` for Netlify and Cloudflare Pages: one 301 per old path. Directory-style paths are
 * listed with and without the trailing slash, since hosts differ in how they normalize it.
 */
export function buildRedirectsFile(redirects: readonly RedirectStub[]): RawFile {
  const lines: string[] = [];
  for (const r of redirects) {
    if (r.from.endsWith("/")) lines.push(`${r.from.slice(0, -1)} ${r.to} 301`);
    lines.push(`${r.from} ${r.to} 301`);
  }
  return { url: PATHS.redirects, content: lines.length ? `${lines.join("\n")}\n` : "" };
}
