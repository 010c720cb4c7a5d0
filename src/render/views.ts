import type { Bulletin } from "../model/bulletin.ts";
import type { SiteAssets } from "./assets.ts";
import type { BodyPicture } from "./body-pictures.ts";
import type { PictureView } from "./images.ts";
import type { SeoView } from "./seo.ts";

/**
 * What templates receive. Templates only loop and print: every value here is ready to show.
 */
export interface LinkView {
  url: string;
  label: string;
}

export type PostStatus = "published" | "draft" | "scheduled";

export interface PostView {
  bulletin: Bulletin;
  url: string;
  absoluteUrl: string;
  title: string;
  /** Sanitized HTML of the body, its pictures as `<picture>` (`bodyPictures`). */
  html: string;
  /** Plain-text summary: the description, or the start of the body past a first paragraph that repeats the title (render/summary.ts). */
  summary: string;
  readingMinutes: number;
  section: LinkView;
  tags: LinkView[];
  /** Older and newer bulletin, chronologically. */
  previous?: LinkView;
  next?: LinkView;
  breadcrumbs: LinkView[];
  status: PostStatus;
  /** `Boletín No. 171/2024` */
  numberText?: string;
  /** The lead image as a responsive picture; absent when the bulletin has none or its file is unreadable. */
  picture?: PictureView;
  /** The body's pictures whose files are under `public/` (render/body-pictures.ts); absent when none. */
  bodyPictures?: BodyPicture[];
  /** Canonical, OpenGraph, Twitter and JSON-LD data (`render/seo.ts`). */
  seo: SeoView;
  /** By shared tags, then section (`render/related.ts`). */
  related: RelatedView[];
  /** Plain share links: no third-party script ever runs. */
  share: LinkView[];
  /** Values of the search filters (Pagefind `data-pagefind-filter`). */
  searchYear?: string;
  /** Pagefind's sort key (`data-pagefind-sort`): the date's instant in UTC (ISO 8601), so text order is time order across zones. */
  searchDate?: string;
}

export interface RelatedView extends LinkView {
  dateText?: string;
  /** `<time datetime>` value (policy/dates.ts `htmlDatetime`). */
  datetime?: string;
}

/** `/buscar/`: the form works without JavaScript (a GET form); results need `/js/search.js`. */
export interface SearchPage {
  url: string;
  title: string;
  description: string;
  breadcrumbs: LinkView[];
  /** The form's choices, each with its own list page: a search by one of them alone opens that page (public/js/search.js). */
  sections: LinkView[];
  years: LinkView[];
  tags: LinkView[];
  /**
   * The search indexes, newest first: [name, its year, URL of its folder] (src/build/search-index.ts).
   * The URLs are printed as they are (in the form's `data-indices`, read by public/js/search.js): they
   * already carry the site's path prefix (policy/urls.ts), unlike the site paths of the other views;
   * Pagefind then gives its results' URLs the same prefix (what comes before `pagefind/`).
   */
  indexes: Array<[shard: string, year: string, url: string]>;
  /** URL of the index of which words each index has, searched first to pick the indexes (with two indexes or more; src/build/search-index.ts); with the path prefix, as `indexes`. */
  wordsIndex: string | null;
}

export interface ListPage {
  kind: "tag" | "section" | "year" | "month";
  url: string;
  /** `<title>` and `<h1>`. */
  title: string;
  description: string;
  pageNumber: number;
  pageCount: number;
  total: number;
  items: PostView[];
  previousUrl?: string;
  nextUrl?: string;
  /** Links to every page of this list (pagination nav). */
  pages: Array<{ number: number; url: string; current: boolean }>;
  breadcrumbs: LinkView[];
  /** Sub-archives (the months of a year). */
  children: Array<LinkView & { count: number }>;
  feedUrl?: string;
  /** The list's name without its page number: its feed's name is the same on every page. */
  feedTitle: string;
  /** Where the subscription page shows this list's feed (a section's), for the reader's «Suscripción» link. */
  subscribeUrl?: string;
  /** This list's feed's absolute address, shown on the page itself to copy into a news reader (a topic's: the subscription page lists only the site's and the sections'). */
  feedAddress?: string;
  /** The list this page is one page of: every field above is its page of it (build/pages.ts digests a list once for all its pages). */
  readonly group: ListGroupData;
}

/** What the pages of one list share: every field of a `ListPage` is computed from these and its number. */
export interface ListGroupData {
  /** Every bulletin of the list, newest first. */
  readonly items: readonly PostView[];
  readonly pageSize: number;
  readonly pageCount: number;
  /** Every page's URL, in order. */
  readonly urls: readonly string[];
  readonly common: Readonly<Pick<ListPage, "kind" | "title" | "description" | "breadcrumbs" | "children" | "feedUrl" | "subscribeUrl" | "feedAddress">>;
}

export interface IndexPage {
  kind: "tags" | "sections" | "archive";
  url: string;
  title: string;
  description: string;
  breadcrumbs: LinkView[];
  entries: Array<LinkView & { count: number; children?: Array<LinkView & { count: number }> }>;
}

export interface HomePage {
  featured: PostView[];
  latest: PostView[];
  sections: Array<LinkView & { count: number }>;
  archiveUrl: string;
}

export interface RedirectStub {
  /** Old site path. */
  from: string;
  /** Where it leads: a bulletin's URL, or a forward's target (a site path or an http(s) address). */
  to: string;
  absoluteTo: string;
  title: string;
  /** Whether an HTML stub file is written (directory-style or `.html` paths). */
  writesStub: boolean;
}

/** A file written as-is (feeds, sitemaps, robots.txt, `_redirects`). */
export interface RawFile {
  url: string;
  readonly content: string;
  /**
   * What the bytes are a function of (besides the code and the settings), when that is cheaper to
   * compare than the bytes: a header and the cards of these bulletins (build/site-files.ts digests
   * them by their card digests). Without it, the bytes are the digest's input.
   */
  readonly madeFrom?: { header: string; posts: readonly PostView[] };
  /**
   * Or: the plain data the bytes are made of, serialized (render/made-file.ts): its builder reads
   * nothing else besides the code and the settings, so equal inputs mean equal bytes, and a rebuild
   * whose inputs are unchanged never makes the file.
   */
  readonly inputs?: string;
}

/**
 * `/suscripcion/`: how to follow the bulletins in a news reader. A feed opened in a phone's browser
 * shows raw XML, so the site's «Suscripción» links lead here, where each feed's full address can be
 * copied; pages still name the feeds in `<link rel="alternate">` for readers that find them alone.
 */
export interface SubscriptionPage {
  url: string;
  title: string;
  description: string;
  breadcrumbs: LinkView[];
  /** The whole site's feeds first, then each section's, by label: absolute addresses (what a reader is given). */
  feeds: SubscriptionFeed[];
}

/** A feed, as a link to the page whose bulletins it carries, with its addresses. */
export interface SubscriptionFeed extends LinkView {
  /** The element id the section lists link to (`seccion-salud`); `todos` for the whole site. */
  id: string;
  atomUrl: string;
  jsonUrl?: string;
}

export interface SiteData {
  /** Content-Security-Policy repeated in every page's `<meta>` (see `render/host-headers.ts`). */
  metaContentSecurityPolicy: string;
  posts: PostView[];
  listPages: ListPage[];
  indexPages: IndexPage[];
  home: HomePage;
  redirects: RedirectStub[];
  rawFiles: RawFile[];
  /** Fingerprinted stylesheet and fonts. */
  assets: SiteAssets;
  /** Image files under `public/` to encode as AVIF/WebP after the pages are written. */
  pictures: string[];
  /** Lead image files, also encoded as the JPEG that link previews show (`PictureView.share`). */
  sharedPictures: string[];
  search: SearchPage;
  subscription: SubscriptionPage;
}
