import { pagePerItem } from "../eleventy/page-definition.ts";
import type { RawFile } from "../render/views.ts";

/** Feeds, sitemaps, robots.txt and `_redirects`, written exactly as `render/` made them. */
export const { data, render } = pagePerItem<RawFile, "file">({
  items: "boletines.rawFiles",
  as: "file",
  path: (f) => f.url,
  body: (f) => f.content,
  // `_redirects` has no extension by convention of the hosts that read it.
  extraData: { eleventyAllowMissingExtension: true },
});
