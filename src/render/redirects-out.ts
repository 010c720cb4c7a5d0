import { PATHS } from "../policy/urls.ts";
import type { RawFile, RedirectStub } from "./views.ts";
import { fileMadeOf } from "./made-file.ts";

/**
 * `_redirects` for Netlify and Cloudflare Pages: one 301 per old path. Directory-style paths are
 * listed with and without the trailing slash, since hosts differ in how they normalize it.
 */
export function buildRedirectsFile(redirects: readonly RedirectStub[]): RawFile {
  return fileMadeOf(PATHS.redirects, redirectPairs(redirects), redirectsText);
}

/** Each redirect as the files that list them read it: old path and bulletin URL. */
export function redirectPairs(redirects: readonly RedirectStub[]): Array<[from: string, to: string]> {
  return redirects.map((r) => [r.from, r.to]);
}

function redirectsText(pairs: ReadonlyArray<readonly [string, string]>): string {
  const lines: string[] = [];
  for (const [from, to] of pairs) {
    if (from.endsWith("/")) lines.push(`${from.slice(0, -1)} ${to} 301`);
    lines.push(`${from} ${to} 301`);
  }
  return lines.length ? `${lines.join("\n")}\n` : "";
}
