import { PATHS, absoluteUrl } from "../policy/urls.ts";
import type { SiteConfig } from "../site.ts";
import type { PostView, RawFile } from "./views.ts";
import { escapeXml } from "./xml.ts";
import { fileMadeOf } from "./made-file.ts";

/** The sitemap protocol allows 50,000 URLs per file; beyond that `/sitemap.xml` becomes an index. */
export const SITEMAP_MAX_URLS = 50_000;

interface SitemapEntry {
  loc: string;
  lastmod?: string;
}

export function buildSitemaps(publishedPosts: readonly PostView[], otherPages: readonly string[], { site }: { site: SiteConfig }): RawFile[] {
  const entries: SitemapEntry[] = [
    ...otherPages.map((p) => ({ loc: absoluteUrl(site.baseUrl, p) })),
    ...publishedPosts.map((p) => ({ loc: p.absoluteUrl, lastmod: (p.bulletin.updated ?? p.bulletin.date)!.iso })),
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
