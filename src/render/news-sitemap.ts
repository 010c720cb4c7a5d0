import type { DateTime } from "luxon";
import type { SiteConfig } from "../site.ts";
import type { PostView, RawFile } from "./views.ts";
import { escapeXml } from "./xml.ts";

/**
 * Google News sitemap: only bulletins published in the last 48 hours before the build's clock
 * (https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap).
 * The path lives here until the lead moves it to `policy/urls.ts` PATHS.
 */
export const NEWS_SITEMAP_PATH = "/sitemap-news.xml";
export const NEWS_WINDOW_HOURS = 48;
/** The protocol's limit per file. */
export const NEWS_SITEMAP_MAX = 1000;

export function buildNewsSitemap(publishedNewestFirst: readonly PostView[], now: DateTime, site: SiteConfig): RawFile {
  const nowMs = now.toMillis();
  const fromMs = nowMs - NEWS_WINDOW_HOURS * 3600_000;
  const recent = publishedNewestFirst
    .filter((p) => p.bulletin.date && p.bulletin.date.epochMs <= nowMs && p.bulletin.date.epochMs > fromMs)
    .slice(0, NEWS_SITEMAP_MAX);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">',
    ...recent.map((p) =>
      [
        "  <url>",
        `    <loc>${escapeXml(p.absoluteUrl)}</loc>`,
        "    <news:news>",
        `      <news:publication><news:name>${escapeXml(site.title)}</news:name><news:language>${site.language}</news:language></news:publication>`,
        `      <news:publication_date>${p.bulletin.date!.iso}</news:publication_date>`,
        `      <news:title>${escapeXml(p.title)}</news:title>`,
        "    </news:news>",
        "  </url>",
      ].join("\n"),
    ),
    "</urlset>",
    "",
  ];
  return { url: NEWS_SITEMAP_PATH, content: lines.join("\n") };
}
