import { srcsetWithPathPrefix, withPathPrefix } from "../policy/urls.ts";

/**
 * A bulletin's body as its page and its feeds print it on a site served under a path
 * (policy/urls.ts): the site paths an editor wrote (`[otro boletín](/boletines/2024/…/)`,
 * `![foto](/uploads/…)`, `<a href="/temas/…">`) and those of its pictures (render/body-pictures.ts)
 * under the site's prefix. Relative addresses are left alone: the browser resolves them against the
 * page, already under the prefix.
 *
 * The HTML is the sanitizer's (or the direct renderer's, byte for byte the same) with the body's
 * pictures: a `<` is a tag's (text has `&lt;`), attribute values are in double quotes with `"`, `<`
 * and `>` escaped. So a tag ends at its first `>`, and ` href="` inside a tag starts an attribute.
 * Without a prefix the HTML is returned as it is.
 */
export function htmlWithPathPrefix(html: string, prefix: string): string {
  if (!prefix || !html.includes('="/')) return html;
  return html.replace(LINKING_TAG, (tag) =>
    tag.replace(ADDRESS, (_whole, name: string, value: string) => ` ${name}="${name === "srcset" ? srcsetWithPathPrefix(prefix, value) : withPathPrefix(prefix, value)}"`),
  );
}

/** The elements of a body that name an address: links, images and pictures' sources. */
const LINKING_TAG = /<(?:a|img|source)\s[^>]*>/g;
const ADDRESS = / (href|src|srcset)="([^"]*)"/g;
