import type { Bulletin } from "../model/bulletin.ts";
import { outputFileFor } from "../policy/urls.ts";
import { encodePictures } from "../render/images.ts";
import type { SiteData } from "../render/views.ts";
import { cardDigests, layoutPages, type LayoutContext, type NunjucksLike, type SiteFile } from "./pages.ts";
import { copyDigest, publicSiteFiles } from "./public-files.ts";
import { sha1 } from "./digest.ts";

/**
 * Every file of a site, described before any is written: the pages the layouts render, the files
 * `render/` made (feeds, sitemaps, host files, the fingerprinted stylesheet and script), the files
 * copied from `public/`, the fonts and the encoded pictures. What Eleventy's passthrough copy and
 * `eleventy.after` hook write for `serve` (src/eleventy/configure.ts), this lists for `build`.
 */
export async function siteFiles(
  data: SiteData,
  env: NunjucksLike,
  context: LayoutContext,
  options: { publicDir: string; sourceKey?: (b: Bulletin) => string | undefined; pictureCacheDir?: string },
): Promise<SiteFile[]> {
  const files: SiteFile[] = publicSiteFiles(options.publicDir);
  const cards = cardDigests(data.posts, options.sourceKey);
  files.push(...layoutPages(data, env, context, cards));
  for (const raw of data.rawFiles) {
    const digest = raw.madeFrom
      ? sha1(`${raw.madeFrom.header}\0${raw.madeFrom.posts.map((p) => cards.get(p.url)!).join(",")}`)
      : raw.inputs !== undefined
        ? sha1(`inputs\0${raw.inputs}`)
        : sha1(raw.content);
    files.push({ file: outputFileFor(raw.url), digest, make: () => raw.content });
  }
  for (const font of data.assets.fonts) files.push({ file: outputFileFor(font.url), digest: copyDigest(font.source), source: font.source });
  const { outputs } = await encodePictures(data.pictures, data.sharedPictures, ...(options.pictureCacheDir ? [options.pictureCacheDir] : []));
  // Encoded files are named by a hash of their source and options: the name is their digest.
  for (const o of outputs) files.push({ file: outputFileFor(o.url), digest: `picture:${o.url}`, source: o.source });
  // Later entries win, as Eleventy's own writes overwrite its passthrough copies.
  const byFile = new Map<string, SiteFile>();
  for (const f of files) byFile.set(f.file, f);
  return [...byFile.values()];
}
