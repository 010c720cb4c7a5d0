import { PATHS, withPathPrefix } from "../policy/urls.ts";
import type { RawFile, RedirectStub } from "./views.ts";
import { fileMadeOf } from "./made-file.ts";

/**
 * `_redirects` for Netlify and Cloudflare Pages: one 301 per old path. Directory-style paths are
 * listed with and without the trailing slash, since hosts differ in how they normalize it.
 *
 * A site served under a path (`pathPrefix`, policy/urls.ts): these hosts serve the artifact at the
 * root of their own domain, so the rules' old paths are the artifact's (as a proxy that publishes it
 * under the path, taking the path off, forwards them); each target is where the reader's browser goes,
 * under the path.
 */
export function buildRedirectsFile(redirects: readonly RedirectStub[], pathPrefix = ""): RawFile {
  return fileMadeOf(PATHS.redirects, redirectPairs(redirects, { to: pathPrefix }), redirectsText);
}

/**
 * Each redirect as the files that list them read it: old path and where it leads. `prefix.to`: the
 * site's path prefix, put before a target that is a site path (where the browser is sent); `prefix.from`:
 * the one put before the old path (for a server that sees requests with it: nginx).
 */
export function redirectPairs(redirects: readonly RedirectStub[], prefix: { from?: string; to?: string } = {}): Array<[from: string, to: string]> {
  const from = prefix.from ?? "";
  const to = prefix.to ?? "";
  return redirects.map((r) => [withPathPrefix(from, r.from), withPathPrefix(to, r.to)]);
}

function redirectsText(pairs: ReadonlyArray<readonly [string, string]>): string {
  const lines: string[] = [];
  for (const [from, to] of pairs) {
    if (from.endsWith("/")) lines.push(`${from.slice(0, -1)} ${to} 301`);
    lines.push(`${from} ${to} 301`);
  }
  return lines.length ? `${lines.join("\n")}\n` : "";
}
