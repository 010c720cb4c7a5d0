import { PATHS, absoluteUrl, sectionFeedUrl, tagFeedUrl } from "../policy/urls.ts";
import type { SiteConfig } from "../site.ts";
import type { PostView, RawFile } from "./views.ts";
import { escapeXml } from "./xml.ts";
import { madeWhenRead } from "./made-file.ts";

/**
 * Atom (`/feed.xml`, one per section, one per topic) and JSON Feed (`/feed.json`).
 * Entry ids are `tag:` URIs made from the bulletin's id (its file path), so they survive title
 * and URL edits (RFC 4151).
 */
export function entryId(site: SiteConfig, bulletinId: string): string {
  return `tag:${site.idAuthority}:boletin/${bulletinId}`;
}

/** A section or a topic whose bulletins have a feed: its slug, its name, its list page and its bulletins, newest first. */
export interface FeedList {
  slug: string;
  label: string;
  url: string;
  items: readonly PostView[];
}

interface FeedOptions {
  site: SiteConfig;
}

export function buildFeeds(postsNewestFirst: readonly PostView[], lists: { sections: readonly FeedList[]; tags: readonly FeedList[] }, { site }: FeedOptions): RawFile[] {
  const latest = postsNewestFirst.slice(0, site.feedSize);
  const siteFeed = { title: site.title, selfPath: PATHS.feedAtom, pagePath: "/", id: `tag:${site.idAuthority}:feed` };
  const files: RawFile[] = [feedFile(PATHS.feedAtom, ["atom", siteFeed], latest, () => atomFeed(site, siteFeed, latest)), feedFile(PATHS.feedJson, ["json"], latest, () => jsonFeed(site, latest))];
  for (const section of lists.sections) {
    const items = section.items.slice(0, site.feedSize);
    const feed = { title: `${site.title}: ${section.label}`, selfPath: sectionFeedUrl(section.slug), pagePath: section.url, id: `tag:${site.idAuthority}:feed/seccion/${section.slug}` };
    files.push(feedFile(feed.selfPath, ["atom", feed], items, () => atomFeed(site, feed, items)));
  }
  for (const tag of lists.tags) {
    const items = tag.items.slice(0, site.tagFeedSize);
    const feed = { title: `${site.title}: ${tag.label}`, selfPath: tagFeedUrl(tag.slug), pagePath: tag.url, id: `tag:${site.idAuthority}:feed/tema/${tag.slug}` };
    files.push(feedFile(feed.selfPath, ["atom", feed, "summaries"], items, () => atomFeed(site, feed, items, { text: false })));
  }
  return files;
}

/**
 * A feed prints its header and, for each entry, what the entry's card digest covers (its source, its
 * labels and its status: build/pages.ts): it is made only when written, and a rebuild whose edits
 * touch none of its entries compares those digests instead of making it.
 */
function feedFile(url: string, header: unknown, posts: readonly PostView[], make: () => string): RawFile {
  return madeWhenRead(url, make, { madeFrom: { header: JSON.stringify(header), posts } });
}

function updatedIso(p: PostView): string {
  return (p.bulletin.updated ?? p.bulletin.date)!.iso;
}

function newestUpdate(posts: readonly PostView[]): string {
  let best: PostView | undefined;
  for (const p of posts) {
    const ms = (p.bulletin.updated ?? p.bulletin.date)!.epochMs;
    if (!best || ms > (best.bulletin.updated ?? best.bulletin.date)!.epochMs) best = p;
  }
  // An empty feed still needs a fixed `updated`: the Unix epoch keeps the output deterministic.
  return best ? updatedIso(best) : "1970-01-01T00:00:00Z";
}

/** `text: false`: each entry's summary and address, without the bulletin's whole text (a topic's feed). */
export function atomFeed(site: SiteConfig, feed: { title: string; selfPath: string; pagePath: string; id: string }, posts: readonly PostView[], { text = true }: { text?: boolean } = {}): string {
  const entries = posts.map((p) => {
    const b = p.bulletin;
    const categories = [b.section, ...b.tags].map((l) => `    <category term="${escapeXml(l.slug)}" label="${escapeXml(l.label)}"/>`).join("\n");
    return [
      "  <entry>",
      `    <id>${escapeXml(entryId(site, b.id))}</id>`,
      `    <title>${escapeXml(b.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(p.absoluteUrl)}"/>`,
      `    <published>${b.date!.iso}</published>`,
      `    <updated>${updatedIso(p)}</updated>`,
      b.author ? `    <author><name>${escapeXml(b.author)}</name></author>` : "",
      categories,
      `    <summary>${escapeXml(p.summary)}</summary>`,
      text ? `    <content type="html">${escapeXml(absoluteLinks(p.html, p.absoluteUrl))}</content>` : "",
      "  </entry>",
    ]
      .filter(Boolean)
      .join("\n");
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${site.locale}">`,
    `  <id>${escapeXml(feed.id)}</id>`,
    `  <title>${escapeXml(feed.title)}</title>`,
    `  <subtitle>${escapeXml(site.description)}</subtitle>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(absoluteUrl(site.baseUrl, feed.selfPath))}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(absoluteUrl(site.baseUrl, feed.pagePath))}"/>`,
    `  <updated>${newestUpdate(posts)}</updated>`,
    `  <author><name>${escapeXml(site.publisher.name)}</name><uri>${escapeXml(site.publisher.url)}</uri></author>`,
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}

export function jsonFeed(site: SiteConfig, posts: readonly PostView[]): string {
  const feed = {
    version: "https://jsonfeed.org/version/1.1",
    title: site.title,
    home_page_url: absoluteUrl(site.baseUrl, "/"),
    feed_url: absoluteUrl(site.baseUrl, PATHS.feedJson),
    description: site.description,
    language: site.locale,
    authors: [{ name: site.publisher.name, url: site.publisher.url }],
    items: posts.map((p) => {
      const b = p.bulletin;
      return {
        id: entryId(site, b.id),
        url: p.absoluteUrl,
        title: b.title,
        summary: p.summary,
        content_html: absoluteLinks(p.html, p.absoluteUrl),
        date_published: b.date!.iso,
        date_modified: updatedIso(p),
        tags: b.tags.map((t) => t.label),
        // The JPEG made for previews (render/images.ts), as link previews show it; the file as written if it could not be read.
        ...(b.image ? { image: absoluteUrl(site.baseUrl, p.picture ? p.picture.share.src : b.image.src) } : {}),
        ...(b.author ? { authors: [{ name: b.author }] } : {}),
      };
    }),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}

/**
 * A body's HTML with every `href`, `src` and `srcset` address absolute, resolved against the bulletin's
 * own page, as the page resolves them: a feed reader shows the HTML away from the page (and resolves
 * what is relative against the feed, or not at all), so `/uploads/…` and `../x/` would break or point
 * elsewhere. The HTML is the sanitizer's (or the direct renderer's, byte for byte the same) with the
 * body's pictures (render/body-pictures.ts): attributes in double quotes.
 */
export function absoluteLinks(html: string, pageUrl: string): string {
  if (!html.includes(' href="') && !html.includes(' src="')) return html;
  const absolute = (value: string): string => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(value)) return value;
    try {
      // The value is HTML-escaped (`&amp;`, `&quot;`): unescaped to resolve it, escaped again to print it.
      const resolved = new URL(value.replace(/&quot;/g, '"').replace(/&amp;/g, "&"), pageUrl).href;
      return resolved.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
    } catch {
      return value;
    }
  };
  return html.replace(/ (href|src|srcset)="([^"]*)"/g, (_whole, name: string, value: string) => {
    if (name !== "srcset") return ` ${name}="${absolute(value)}"`;
    // `url 480w, url 960w`: each candidate's address (the pictures' file names have no comma or space).
    const candidates = value.split(",").map((c) => c.trim().replace(/^\S+/, (url) => absolute(url)));
    return ` srcset="${candidates.join(", ")}"`;
  });
}
