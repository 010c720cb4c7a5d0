import { outputFileFor } from "../policy/urls.ts";
import type { RawFile } from "../render/views.ts";

/** Feeds, sitemaps, robots.txt and `_redirects`, written exactly as `render/` made them. */
export const data = {
  pagination: { data: "boletines.rawFiles", size: 1, alias: "file" },
  permalink: (d: { file: RawFile }) => outputFileFor(d.file.url),
  // `_redirects` has no extension by convention of the hosts that read it.
  eleventyAllowMissingExtension: true,
  eleventyExcludeFromCollections: true,
};

export function render(d: { file: RawFile }): string {
  return d.file.content;
}
