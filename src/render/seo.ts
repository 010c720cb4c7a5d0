import { absoluteUrl } from "../policy/urls.ts";
import type { SiteConfig } from "../site.ts";
import type { PictureView } from "./images.ts";

/**
 * What search engines and link previews read about a bulletin: canonical URL, OpenGraph,
 * Twitter card and a schema.org `NewsArticle`. Computed here so the layout only prints.
 */
export interface SeoImage {
  url: string;
  alt: string;
  width?: number;
  height?: number;
}

export interface SeoView {
  canonical: string;
  title: string;
  description: string;
  ogType: "article";
  image?: SeoImage;
  /** ISO 8601 with offset. */
  publishedTime?: string;
  modifiedTime?: string;
  section: string;
  tags: string[];
  twitterCard: "summary_large_image" | "summary";
  /** `NewsArticle` JSON-LD, already serialized and safe to print inside `<script type="application/ld+json">`. */
  jsonLd?: string;
}

export interface SeoInput {
  url: string;
  title: string;
  summary: string;
  section: string;
  tags: readonly string[];
  author?: string;
  published?: string;
  modified?: string;
  image?: { src: string; alt: string };
  picture?: PictureView;
}

/** Google shows at most 110 characters of a `headline`; longer ones are cut at a word. */
export const HEADLINE_MAX = 110;

export function buildSeo(input: SeoInput, site: SiteConfig): SeoView {
  const canonical = absoluteUrl(site.baseUrl, input.url);
  // Link previews get the picture's JPEG for sharing, whose size is known; a file the build could not
  // read as a picture is named as it is (its size unknown).
  const image: SeoImage | undefined = input.image
    ? input.picture
      ? { url: absoluteUrl(site.baseUrl, input.picture.share.src), alt: input.image.alt, width: input.picture.share.width, height: input.picture.share.height }
      : { url: absoluteUrl(site.baseUrl, input.image.src), alt: input.image.alt }
    : undefined;
  const view: SeoView = {
    canonical,
    title: input.title,
    description: input.summary,
    ogType: "article",
    section: input.section,
    tags: [...input.tags],
    twitterCard: image ? "summary_large_image" : "summary",
    ...(image ? { image } : {}),
    ...(input.published ? { publishedTime: input.published } : {}),
    ...(input.modified ?? input.published ? { modifiedTime: (input.modified ?? input.published)! } : {}),
  };
  if (input.published) view.jsonLd = serializeJsonLd(newsArticle(input, view, site));
  return view;
}

function newsArticle(input: SeoInput, view: SeoView, site: SiteConfig): Record<string, unknown> {
  const publisher = { "@type": "Organization", name: site.publisher.name, url: site.publisher.url };
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    mainEntityOfPage: { "@type": "WebPage", "@id": view.canonical },
    url: view.canonical,
    headline: headline(input.title),
    description: input.summary,
    inLanguage: site.locale,
    datePublished: view.publishedTime,
    dateModified: view.modifiedTime,
    ...(view.image ? { image: [view.image.url] } : {}),
    articleSection: input.section,
    ...(input.tags.length ? { keywords: input.tags.join(", ") } : {}),
    // The press office signs every bulletin; a named author is added when the front matter has one.
    author: input.author ? [{ "@type": "Person", name: input.author }, publisher] : [publisher],
    publisher,
  };
}

export function headline(title: string): string {
  if (title.length <= HEADLINE_MAX) return title;
  const cut = title.slice(0, HEADLINE_MAX - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > HEADLINE_MAX / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, "")}…`;
}

/**
 * JSON inside a `<script>` element ends at the first `</script`, whatever JSON thinks: escaping
 * `<`, `>` and `&` (and the line separators JavaScript once rejected) keeps any title harmless.
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value).replace(UNSAFE_IN_SCRIPT, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029]/g;

/** Share links are plain links to each network's share page: no script, no tracking pixel on our pages. */
export function shareLinks(title: string, absoluteUrl: string): Array<{ url: string; label: string }> {
  const u = encodeURIComponent(absoluteUrl);
  const t = encodeURIComponent(title);
  return [
    { url: `https://www.facebook.com/sharer/sharer.php?u=${u}`, label: "Facebook" },
    { url: `https://x.com/intent/post?url=${u}&text=${t}`, label: "X (Twitter)" },
    { url: `https://wa.me/?text=${t}%20${u}`, label: "WhatsApp" },
    { url: `mailto:?subject=${t}&body=${u}`, label: "Correo" },
  ];
}
