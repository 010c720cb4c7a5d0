import type { BulletinDate } from "../policy/dates.ts";
import { PATHS, absoluteUrl } from "../policy/urls.ts";
import type { SiteConfig } from "../site.ts";
import type { ListPage, PostView, RawFile } from "./views.ts";
import { escapeXml } from "./xml.ts";
import { fileMadeOf } from "./made-file.ts";

/** The sitemap protocol allows 50,000 URLs per file; beyond that `/sitemap.xml` becomes an index. */
export const SITEMAP_MAX_URLS = 50_000;

interface SitemapEntry {
  loc: string;
  lastmod?: string;
}

/** A page of the site other than a bulletin, with its `<lastmod>` when it has one (W3C datetime). */
export interface SitemapPage {
  url: string;
  lastmod?: string;
}

/**
 * When a bulletin last changed, for `<lastmod>`: its `updated:` date (a correction), else its
 * publication date; with the offset it was written with. Never the build's clock: the same
 * content gives the same sitemap, byte for byte.
 */
export function changedAt(p: PostView): BulletinDate {
  return (p.bulletin.updated ?? p.bulletin.date)!;
}

/** The newest change among these bulletins (the first of equal instants), or undefined without any. */
export function newestChange(posts: Iterable<PostView>): BulletinDate | undefined {
  let found: BulletinDate | undefined;
  for (const p of posts) {
    const at = changedAt(p);
    if (!found || at.epochMs > found.epochMs) found = at;
  }
  return found;
}

/**
 * The list pages (topic, section, year, month), each with its `<lastmod>`: the newest change among
 * the bulletins it shows, or the list's newest publication if later, since a bulletin published
 * since pushes the last one of each page onto the next (a correction moves nothing). A list is
 * newest first, so its newest publication is on its first page. `pages` holds each list's pages in
 * order from its first, as `buildSiteData` makes them.
 */
export function listSitemapPages(pages: readonly ListPage[]): SitemapPage[] {
  let published: BulletinDate | undefined;
  return pages.map((page) => {
    // Each page's bulletins are sliced from its list when asked for: once per page.
    const items = page.items;
    if (page.pageNumber === 1) published = items[0]?.bulletin.date;
    const changed = newestChange(items);
    const at = !changed || (published && published.epochMs > changed.epochMs) ? published : changed;
    return at ? { url: page.url, lastmod: at.iso } : { url: page.url };
  });
}

/** `otherPages`: the site's pages that are not bulletins (a bare path has no `<lastmod>`). */
export function buildSitemaps(publishedPosts: readonly PostView[], otherPages: ReadonlyArray<string | SitemapPage>, { site }: { site: SiteConfig }): RawFile[] {
  const entries: SitemapEntry[] = [
    ...otherPages.map((p) => (typeof p === "string" ? { loc: absoluteUrl(site.baseUrl, p) } : { loc: absoluteUrl(site.baseUrl, p.url), ...(p.lastmod ? { lastmod: p.lastmod } : {}) })),
    ...publishedPosts.map((p) => ({ loc: p.absoluteUrl, lastmod: changedAt(p).iso })),
  ];
  if (entries.length <= SITEMAP_MAX_URLS) return [fileMadeOf(PATHS.sitemap, entries, urlset)];
  const files: RawFile[] = [];
  for (let i = 0; i * SITEMAP_MAX_URLS < entries.length; i++) {
    files.push(fileMadeOf(`/sitemaps/sitemap-${i + 1}.xml`, entries.slice(i * SITEMAP_MAX_URLS, (i + 1) * SITEMAP_MAX_URLS), urlset));
  }
  const index = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...files.map((f) => `  <sitemap><loc>${escapeXml(absoluteUrl(site.baseUrl, f.url))}</loc></sitemap>`),
    "</sitemapindex>",
    "",
  ].join("\n");
  return [{ url: PATHS.sitemap, content: index }, ...files];
}

function urlset(entries: readonly SitemapEntry[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...entries.map((e) => `  <url><loc>${escapeXml(e.loc)}</loc>${e.lastmod ? `<lastmod>${e.lastmod}</lastmod>` : ""}</url>`),
    "</urlset>",
    "",
  ].join("\n");
}

export function buildRobots(site: SiteConfig): RawFile {
  return { url: PATHS.robots, content: `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(site.baseUrl, PATHS.sitemap)}\n` };
}
