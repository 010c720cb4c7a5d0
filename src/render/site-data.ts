import type { DateTime } from "luxon";
import type { Bulletin } from "../model/bulletin.ts";
import { forwardRoutes, isEmbargoed, redirectsOf, type PathClaim, type Route } from "../model/corpus.ts";
import { htmlDatetime, monthName } from "../policy/dates.ts";
import { hasHtmlStub } from "../policy/site-paths.ts";
import { absoluteUrl, monthUrl, PATHS, pathIdentity, pathPrefixOf, searchIndexUrl, sectionFeedUrl, sectionSubscribeId, sectionSubscribeUrl, sectionUrl, tagFeedUrl, tagUrl, withPathPrefix, WORDS_INDEX, yearUrl } from "../policy/urls.ts";
import type { SiteConfig } from "../site.ts";
import { buildAssets, readAssetSources, type SiteAssets } from "./assets.ts";
import { buildFeeds, type FeedList } from "./feeds.ts";
import { describeBodyPictures, withBodyPictures, type BodyPicture } from "./body-pictures.ts";
import { describePicture, publicFileOf } from "./images.ts";
import { buildNewsSitemap, NEWS_SITEMAP_PATH } from "./news-sitemap.ts";
import { findRelated, type RelatedSubject } from "./related.ts";
import { buildSeo, shareLinks } from "./seo.ts";
import { markdownToText, readingMinutes, renderMarkdown } from "./markdown.ts";
import { bulletinSummary } from "./summary.ts";
import { htmlWithPathPrefix } from "./path-prefix.ts";
import { buildHeadersFile, IMMUTABLE_PREFIXES, META_CONTENT_SECURITY_POLICY } from "./host-headers.ts";
import { buildNginxFiles, NGINX_DIR } from "./nginx-config.ts";
import { buildRedirectsFile } from "./redirects-out.ts";
import { buildRobots, buildSitemaps, listSitemapPages, newestChange, type SitemapPage } from "./sitemap.ts";
import type { HomePage, IndexPage, LinkView, ListGroupData, ListPage, PostStatus, PostView, RawFile, RedirectStub, RelatedView, SearchPage, SiteData, SubscriptionFeed, SubscriptionPage } from "./views.ts";
import type { PictureView } from "./images.ts";
import type { Label } from "../policy/labels.ts";
import type { BulletinDate } from "../policy/dates.ts";
import type { SeoView } from "./seo.ts";

export interface SiteDataOptions {
  site: SiteConfig;
  now: DateTime;
  /** Renders a body; injectable so a cache can stand in front of it. */
  renderBody?: (bulletin: Bulletin) => string;
  /**
   * Plain text of a body (summaries, reading time); injectable for the same reason. With
   * `readingMinutes` given, only the summary uses it, and its first `LEAD_CHARS` characters are enough
   * (`bulletinSummary` in render/summary.ts reads the body itself in the rare case it needs more).
   */
  plainText?: (bulletin: Bulletin) => string;
  /** Where lead images and the pictures of bodies live; without it, no picture is made (bodies keep their images as written). */
  publicDir?: string;
  /** Stylesheet and fonts; read from the project when not given. */
  assets?: SiteAssets;
  /** Reading time of a body; injectable so a cache can answer without counting words. Default: counted in `plainText`. */
  readingMinutes?: (bulletin: Bulletin) => number;
  /**
   * Make each post's `html` and `summary` read (`renderBody`, `plainText`) when printed instead of when
   * the data is made: a large site never holds every body's HTML at once, and a rebuild reads only the
   * texts of the pages it renders (for functions that read a cache). `html` is read again on every use.
   */
  lazyTexts?: boolean;
  /**
   * Hands the search for related bulletins to the caller (build/prepare.ts gives it to another thread):
   * the posts' `related` stay empty until the caller calls `attach`, once this function has returned,
   * with what `findRelated(subjects)` returns. Called before the posts are made, so that the search
   * runs while they are. Without it they are found here.
   */
  relatedLater?: (job: RelatedJob) => void;
  /** Files that forward their addresses elsewhere (`redirect_to:`, model/corpus.ts `selectForwards`): each of their addresses gets a redirect. */
  forwards?: readonly Bulletin[];
}

/** Related bulletins to find for the dated posts, in their order (see `SiteDataOptions.relatedLater`). */
export interface RelatedJob {
  subjects: RelatedSubject[];
  attach(related: readonly number[][]): void;
}

/** Newest first; ties by id so the order never depends on file-system order. */
export function compareNewestFirst(a: Bulletin, b: Bulletin): number {
  const da = a.date?.epochMs ?? Number.POSITIVE_INFINITY;
  const db = b.date?.epochMs ?? Number.POSITIVE_INFINITY;
  return db - da || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Everything the templates print, computed once, linear in the number of bulletins.
 * List items are shared references to the same `PostView`s (no copies per page).
 */
export function buildSiteData(bulletins: readonly Bulletin[], options: SiteDataOptions): SiteData {
  const { site, now } = options;
  const prefix = pathPrefixOf(site.baseUrl);
  const renderBody = options.renderBody ?? ((b: Bulletin) => renderMarkdown(b.body));
  const plainText = options.plainText ?? ((b: Bulletin) => markdownToText(b.body));
  const sorted = [...bulletins].sort(compareNewestFirst);
  // Related bulletins are asked for first: found on another thread (`relatedLater`), they are
  // searched while the rest is made here. Dated posts are in the order of `sorted`.
  let dated: Post[] = [];
  const subjects: RelatedSubject[] = [];
  for (const b of sorted) if (b.date) subjects.push({ id: b.id, tags: b.tags.map((t) => t.slug), section: b.section.slug, epochMs: b.date.epochMs });
  const attach = (related: readonly number[][]): void => {
    if (dated.length !== subjects.length) throw new Error("Los relacionados llegaron antes que los boletines: `attach` se llama cuando buildSiteData terminó.");
    const relatedViews: RelatedView[] = new Array(dated.length);
    dated.forEach((p, i) => {
      p.related = related[i]!.map((j) => {
        const r = dated[j]!;
        return (relatedViews[j] ??= { url: r.url, label: r.title, dateText: r.bulletin.date!.text, datetime: htmlDatetime(r.bulletin.date!) });
      });
    });
  };
  options.relatedLater?.({ subjects, attach });
  const home: LinkView = { url: "/", label: "Inicio" };
  const archiveRoot: LinkView = { url: PATHS.bulletins, label: "Boletines" };

  const pictureFiles = new Set<string>();
  const sharedFiles = new Set<string>();
  // Views that many posts print the same (a section, a tag, a month's breadcrumbs) are made once and
  // shared: at 10,000 bulletins, one object per post and use was most of this function's garbage.
  const links = new SharedLinks();
  const posts: Post[] = sorted.map((b) => {
    const crumbs = links.breadcrumbs(b.date, home, archiveRoot);
    const imageFile = b.image && options.publicDir ? publicFileOf(options.publicDir, b.image.src) : null;
    const picture = imageFile && b.image ? describePicture(imageFile, b.image.alt) : undefined;
    if (picture && imageFile) {
      pictureFiles.add(imageFile);
      sharedFiles.add(imageFile);
    }
    const body = options.publicDir ? describeBodyPictures(b, options.publicDir) : undefined;
    for (const file of body?.files ?? []) pictureFiles.add(file);
    const bodyPictures = body?.pictures.length ? body.pictures : undefined;
    return new Post(b, { site, now, crumbs, links, picture, bodyPictures, renderBody, plainText, readingMinutes: options.readingMinutes, lazy: options.lazyTexts === true });
  });

  // Neighbours: `posts` is newest first, so the next (newer) one is at i - 1.
  dated = posts.filter((p) => p.bulletin.date);
  dated.forEach((p, i) => {
    const newer = dated[i - 1];
    const older = dated[i + 1];
    if (newer) p.next = links.to(newer);
    if (older) p.previous = links.to(older);
  });
  if (!options.relatedLater) attach(findRelated(subjects));

  const byTag = groupBy(dated, (p) => p.bulletin.tags.map((t) => t.slug));
  const bySection = groupBy(dated, (p) => [p.bulletin.section.slug]);
  const byYear = groupBy(dated, (p) => [String(p.bulletin.date!.year)]);
  const byMonth = groupBy(dated, (p) => [`${p.bulletin.date!.year}/${p.bulletin.date!.monthPadded}`]);

  const listPages: ListPage[] = [];
  const tagsRoot: LinkView = { url: PATHS.tags, label: "Temas" };
  const sectionsRoot: LinkView = { url: PATHS.sections, label: "Secciones" };

  const tagEntries: IndexPage["entries"] = [];
  const tagFeeds: FeedList[] = [];
  for (const [slug, items] of sortedEntries(byTag)) {
    const label = items[0]!.bulletin.tags.find((t) => t.slug === slug)!.label;
    tagEntries.push({ url: tagUrl(slug), label, count: items.length });
    tagFeeds.push({ slug, label, url: tagUrl(slug), items });
    listPages.push(
      ...paginate(items, site.pageSize, (n) => tagUrl(slug, n), {
        kind: "tag",
        title: `Tema: ${label}`,
        description: `Boletines de prensa del IMSS sobre ${label}.`,
        breadcrumbs: [home, tagsRoot],
        children: [],
        feedUrl: tagFeedUrl(slug),
        feedAddress: absoluteUrl(site.baseUrl, tagFeedUrl(slug)),
      }),
    );
  }
  const sectionEntries: IndexPage["entries"] = [];
  const sectionFeeds: SubscriptionFeed[] = [];
  const sectionLists: FeedList[] = [];
  for (const [slug, items] of sortedEntries(bySection)) {
    const label = items[0]!.bulletin.section.label;
    sectionLists.push({ slug, label, url: sectionUrl(slug), items });
    sectionEntries.push({ url: sectionUrl(slug), label, count: items.length });
    sectionFeeds.push({ id: sectionSubscribeId(slug), label, url: sectionUrl(slug), atomUrl: absoluteUrl(site.baseUrl, sectionFeedUrl(slug)) });
    listPages.push(
      ...paginate(items, site.pageSize, (n) => sectionUrl(slug, n), {
        kind: "section",
        title: `Sección: ${label}`,
        description: `Boletines de prensa del IMSS de la sección ${label}.`,
        breadcrumbs: [home, sectionsRoot],
        children: [],
        feedUrl: sectionFeedUrl(slug),
        subscribeUrl: sectionSubscribeUrl(slug),
      }),
    );
  }
  const archiveEntries: IndexPage["entries"] = [];
  const years = [...byYear.keys()].sort().reverse();
  for (const year of years) {
    const items = byYear.get(year)!;
    const y = Number(year);
    const months = [...byMonth.keys()].filter((k) => k.startsWith(`${year}/`)).sort().reverse();
    const children = months.map((key) => {
      const mm = key.slice(5);
      return { url: monthUrl(y, mm), label: capitalize(monthName(Number(mm))), count: byMonth.get(key)!.length };
    });
    archiveEntries.push({ url: yearUrl(y), label: year, count: items.length, children });
    listPages.push(
      ...paginate(items, site.pageSize, (n) => yearUrl(y, n), {
        kind: "year",
        title: `Boletines de ${year}`,
        description: `Boletines de prensa del IMSS publicados en ${year}.`,
        breadcrumbs: [home, archiveRoot],
        children,
      }),
    );
    for (const key of months) {
      const mm = key.slice(5);
      const name = monthName(Number(mm));
      listPages.push(
        ...paginate(byMonth.get(key)!, site.pageSize, (n) => monthUrl(y, mm, n), {
          kind: "month",
          title: `Boletines de ${name} de ${year}`,
          description: `Boletines de prensa del IMSS publicados en ${name} de ${year}.`,
          breadcrumbs: [home, archiveRoot, { url: yearUrl(y), label: year }],
          children: [],
        }),
      );
    }
  }
  tagEntries.sort(byLabel);
  sectionEntries.sort(byLabel);
  const subscription: SubscriptionPage = {
    url: PATHS.subscribe,
    title: "Suscripción",
    description: "Reciba los boletines de prensa del IMSS en su lector de noticias: todos, o los de una sección.",
    breadcrumbs: [home],
    feeds: [
      { id: "todos", label: "Todos los boletines", url: "/", atomUrl: absoluteUrl(site.baseUrl, PATHS.feedAtom), jsonUrl: absoluteUrl(site.baseUrl, PATHS.feedJson) },
      ...sectionFeeds.sort(byLabel),
    ],
  };

  const indexPages: IndexPage[] = [
    { kind: "tags", url: PATHS.tags, title: "Temas", description: "Todos los temas de los boletines de prensa del IMSS.", breadcrumbs: [home], entries: tagEntries },
    { kind: "sections", url: PATHS.sections, title: "Secciones", description: "Secciones de los boletines de prensa del IMSS.", breadcrumbs: [home], entries: sectionEntries },
    { kind: "archive", url: PATHS.bulletins, title: "Archivo de boletines", description: "Boletines de prensa del IMSS por año y mes.", breadcrumbs: [home], entries: archiveEntries },
  ];

  // The latest leave out what «Destacados» already shows just above: no bulletin twice on the home page.
  const featured = dated.filter((p) => p.bulletin.featured).slice(0, site.homeFeatured);
  const homePage: HomePage = {
    featured,
    latest: (featured.length ? dated.filter((p) => !featured.includes(p)) : dated).slice(0, site.homeLatest),
    sections: sectionEntries,
    archiveUrl: PATHS.bulletins,
  };

  const redirects: RedirectStub[] = [];
  for (const p of posts) {
    for (const from of redirectsOf(p.bulletin)) {
      redirects.push({ from, to: p.url, absoluteTo: p.absoluteUrl, title: p.title, writesStub: hasHtmlStub(from) });
    }
  }
  const carried: Array<{ route: Route; title: string }> = [];
  for (const f of options.forwards ?? []) {
    for (const route of forwardRoutes(f)) {
      if (route.carried) carried.push({ route, title: f.title });
      else redirects.push({ from: route.from, to: route.to, absoluteTo: route.to.startsWith("/") ? absoluteUrl(site.baseUrl, route.to) : route.to, title: f.title, writesStub: hasHtmlStub(route.from) });
    }
  }
  // A renamed topic's feed forward, unless another file already redirects that feed (the two files of earlier versions).
  if (carried.length) {
    const redirected = new Set(redirects.map((r) => pathIdentity(r.from)));
    for (const { route, title } of carried) {
      if (redirected.has(pathIdentity(route.from))) continue;
      redirected.add(pathIdentity(route.from));
      redirects.push({ from: route.from, to: route.to, absoluteTo: absoluteUrl(site.baseUrl, route.to), title, writesStub: hasHtmlStub(route.from) });
    }
  }
  redirects.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));

  const publishedPosts = posts.filter((p) => p.status === "published");
  const shards = searchShards(publishedPosts, searchShardPlan(publishedPosts, site.searchIndexPages));
  const search: SearchPage = {
    url: PATHS.search,
    title: "Buscar boletines",
    description: "Busque en los boletines de prensa del IMSS por palabra, sección, año y tema.",
    breadcrumbs: [home],
    sections: sectionEntries.map(({ url, label }) => ({ url, label })),
    years: years.map((year) => ({ url: yearUrl(Number(year)), label: year })),
    tags: tagEntries.map(({ url, label }) => ({ url, label })),
    // As the browser asks for them (public/js/search.js reads them from the form): under the site's path prefix.
    // Pagefind puts what comes before `pagefind/` in an index's URL before its results' URLs (its default
    // `baseUrl`): /boletines/pagefind/2024/ gives /boletines/boletines/2024/…/, the pages as the site links them.
    indexes: shards.map(({ name, year }) => [name, year, withPathPrefix(prefix, searchIndexUrl(name))]),
    wordsIndex: hasWordsIndex(shards.length) ? withPathPrefix(prefix, searchIndexUrl(WORDS_INDEX)) : null,
  };
  const assets = options.assets ?? buildAssets(readAssetSources(), prefix);

  // <lastmod>: the home page's and each list page's newest bulletin shown. The indexes, search and
  // subscription pages show no bulletin (names and counts only): none, rather than a date they may not have changed on.
  const htmlPages: Array<string | SitemapPage> = [
    withLastmod("/", newestChange([...homePage.featured, ...homePage.latest])),
    PATHS.search,
    PATHS.subscribe,
    ...indexPages.map((p) => p.url),
    ...listSitemapPages(listPages),
  ];
  const sitemaps = buildSitemaps(publishedPosts, htmlPages, { site });
  // Beyond 50,000 addresses /sitemap.xml is an index of parts, each served with the sitemap's type.
  const sitemapParts = sitemaps.filter((f) => f.url !== PATHS.sitemap).map((f) => f.url);
  const rawFiles: RawFile[] = [
    ...buildFeeds(dated, { sections: sectionLists, tags: tagFeeds }, { site }),
    ...sitemaps,
    buildNewsSitemap(publishedPosts, now, site),
    withNewsSitemap(buildRobots(site), site),
    ...assets.files,
    buildRedirectsFile(redirects, prefix),
    buildHeadersFile(fingerprintedUrls(assets), sitemapParts),
    ...buildNginxFiles(redirects, fingerprintedUrls(assets), sitemapParts, prefix),
  ];

  return {
    metaContentSecurityPolicy: META_CONTENT_SECURITY_POLICY,
    posts,
    listPages,
    indexPages,
    home: homePage,
    redirects,
    rawFiles,
    assets,
    pictures: [...pictureFiles].sort(),
    sharedPictures: [...sharedFiles].sort(),
    search,
    subscription,
  };
}

/** Topics and sections in Spanish alphabetical order (ties by URL: never by file order). */
function byLabel(a: LinkView, b: LinkView): number {
  return a.label.localeCompare(b.label, "es") || (a.url < b.url ? -1 : 1);
}

function withLastmod(url: string, at: BulletinDate | undefined): SitemapPage {
  return at ? { url, lastmod: at.iso } : { url };
}

/** robots.txt also names the news sitemap, which search engines would not find otherwise. */
function withNewsSitemap(robots: RawFile, site: SiteConfig): RawFile {
  return { ...robots, content: `${robots.content}Sitemap: ${absoluteUrl(site.baseUrl, NEWS_SITEMAP_PATH)}\n` };
}

/** Files the build named by their content: hosts may cache them for a year. */
function fingerprintedUrls(assets: SiteAssets): string[] {
  return [...assets.files.map((f) => f.url), ...assets.fonts.map((f) => f.url)];
}

/** Paths the site generates, for collision checks against bulletins and redirects. */
export function generatedClaims(data: SiteData): PathClaim[] {
  const claims: PathClaim[] = [{ path: "/", kind: "generated", description: "la portada" }];
  claims.push({ path: PATHS.notFound, kind: "generated", description: "la página 404" });
  claims.push({ path: PATHS.search, kind: "generated", description: "la página de búsqueda" });
  claims.push({ path: PATHS.subscribe, kind: "generated", description: "la página de suscripción" });
  for (const p of data.indexPages) claims.push({ path: p.url, kind: "generated", description: `la página «${p.title}»` });
  for (const p of data.listPages) claims.push({ path: p.url, kind: "generated", description: `la página «${p.title}»${p.pageNumber > 1 ? ` (página ${p.pageNumber})` : ""}` });
  for (const f of data.rawFiles) claims.push({ path: f.url, kind: "generated", description: `el archivo ${f.url}` });
  for (const f of data.assets.fonts) claims.push({ path: f.url, kind: "generated", description: `el archivo ${f.url}` });
  // Written after the pages, by Pagefind, which owns the whole folder.
  claims.push({ path: PATHS.searchIndexes, kind: "generated", description: `la carpeta de los índices de búsqueda (${PATHS.searchIndexes}), que el sitio escribe entera`, holdsFolder: "whole" });
  // Hosts cache these a year (host-headers.ts) and nginx serves only files there: no page may go inside.
  for (const prefix of IMMUTABLE_PREFIXES) claims.push({ path: prefix, kind: "generated", description: `la carpeta ${prefix}, reservada a archivos que los navegadores guardan un año`, holdsFolder: "pages" });
  claims.push({ path: NGINX_DIR, kind: "generated", description: `la carpeta ${NGINX_DIR}, que el servidor no publica (la configuración de nginx)`, holdsFolder: "pages" });
  return claims;
}

type ListCommon = ListGroupData["common"];

function paginate(items: PostView[], size: number, urlOf: (page: number) => string, common: ListCommon): ListPage[] {
  const group = new ListGroup(items, size, urlOf, common);
  const pages: ListPage[] = new Array(group.pageCount);
  for (let number = 1; number <= group.pageCount; number++) pages[number - 1] = new PaginatedList(group, number);
  return pages;
}

/**
 * One tag's, section's, year's or month's list, shared by its pages. A list page is made for every
 * 20 bulletins of every group (~8,000 at 10,000 bulletins) and a rebuild renders a few: a page is its
 * group and its number, and what it prints is computed when printed.
 */
class ListGroup implements ListGroupData {
  readonly pageCount: number;
  /** Every page's URL, in order. */
  readonly urls: readonly string[];

  constructor(
    /** Every bulletin of the list, newest first. */
    readonly items: readonly PostView[],
    readonly pageSize: number,
    urlOf: (page: number) => string,
    readonly common: ListCommon,
  ) {
    this.pageCount = Math.max(1, Math.ceil(items.length / pageSize));
    this.urls = Array.from({ length: this.pageCount }, (_, i) => urlOf(i + 1));
  }
}

class PaginatedList implements ListPage {
  readonly url: string;

  constructor(
    readonly group: ListGroup,
    readonly pageNumber: number,
  ) {
    this.url = group.urls[pageNumber - 1]!;
  }

  get kind(): ListPage["kind"] {
    return this.group.common.kind;
  }
  get title(): string {
    const { title } = this.group.common;
    return this.pageNumber > 1 ? `${title} (página ${this.pageNumber})` : title;
  }
  get feedTitle(): string {
    return this.group.common.title;
  }
  get description(): string {
    return this.group.common.description;
  }
  get pageCount(): number {
    return this.group.pageCount;
  }
  get total(): number {
    return this.group.items.length;
  }
  get items(): PostView[] {
    const { items, pageSize } = this.group;
    return items.slice((this.pageNumber - 1) * pageSize, this.pageNumber * pageSize);
  }
  get previousUrl(): string | undefined {
    return this.pageNumber > 1 ? this.group.urls[this.pageNumber - 2] : undefined;
  }
  get nextUrl(): string | undefined {
    return this.pageNumber < this.group.pageCount ? this.group.urls[this.pageNumber] : undefined;
  }
  get pages(): ListPage["pages"] {
    const { urls, pageCount } = this.group;
    return pageWindow(this.pageNumber, pageCount).map((n) => ({ number: n, url: urls[n - 1]!, current: n === this.pageNumber }));
  }
  get breadcrumbs(): LinkView[] {
    return this.group.common.breadcrumbs;
  }
  get children(): ListPage["children"] {
    return this.group.common.children;
  }
  get feedUrl(): string | undefined {
    return this.group.common.feedUrl;
  }
  get subscribeUrl(): string | undefined {
    return this.group.common.subscribeUrl;
  }
  get feedAddress(): string | undefined {
    return this.group.common.feedAddress;
  }
}

/** First, last and the two pages on each side of the current one: constant size, whatever the list length. */
export function pageWindow(current: number, count: number): number[] {
  const set = new Set([1, count]);
  for (let n = current - 2; n <= current + 2; n++) if (n >= 1 && n <= count) set.add(n);
  return [...set].sort((a, b) => a - b);
}

function groupBy(posts: PostView[], keysOf: (p: PostView) => string[]): Map<string, PostView[]> {
  const groups = new Map<string, PostView[]>();
  for (const p of posts) {
    for (const key of keysOf(p)) {
      let list = groups.get(key);
      if (!list) groups.set(key, (list = []));
      list.push(p);
    }
  }
  return groups;
}

function sortedEntries<T>(map: Map<string, T>): Array<[string, T]> {
  return [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Views made once and shared by every post that prints them (templates only read them). */
class SharedLinks {
  private readonly sections = new Map<string, LinkView>();
  private readonly tags = new Map<string, LinkView>();
  private readonly crumbs = new Map<string, LinkView[]>();
  private readonly posts = new Map<PostView, LinkView>();

  /** A section's or tag's link (labels are chosen per slug over the corpus; another label gets its own view). */
  label(kind: "section" | "tag", { slug, label }: Label): LinkView {
    const views = kind === "section" ? this.sections : this.tags;
    const known = views.get(slug);
    if (known?.label === label) return known;
    const view = { url: kind === "section" ? sectionUrl(slug) : tagUrl(slug), label };
    if (!known) views.set(slug, view);
    return view;
  }

  /** The breadcrumbs of a bulletin's page: the archive, its year and its month. */
  breadcrumbs(date: BulletinDate | undefined, home: LinkView, archive: LinkView): LinkView[] {
    const key = date ? `${date.year}/${date.monthPadded}` : "";
    let crumbs = this.crumbs.get(key);
    if (!crumbs) {
      crumbs = [home, archive];
      if (date) crumbs.push({ url: yearUrl(date.year), label: String(date.year) }, { url: monthUrl(date.year, date.monthPadded), label: capitalize(monthName(date.month)) });
      this.crumbs.set(key, crumbs);
    }
    return crumbs;
  }

  /** A link to a post (its neighbours print it). */
  to(post: PostView): LinkView {
    let link = this.posts.get(post);
    if (!link) this.posts.set(post, (link = { url: post.url, label: post.title }));
    return link;
  }
}

interface PostInputs {
  site: SiteConfig;
  now: DateTime;
  crumbs: LinkView[];
  links: SharedLinks;
  picture: PictureView | undefined;
  bodyPictures: BodyPicture[] | undefined;
  renderBody: (b: Bulletin) => string;
  plainText: (b: Bulletin) => string;
  readingMinutes: ((b: Bulletin) => number) | undefined;
  lazy: boolean;
}

/**
 * A bulletin as its page and its cards print it. What is costly and printed only by a page (SEO data,
 * share links; with `lazy`, the HTML and the summary) is computed when read, by accessors on the class
 * (one hidden class for every post, however many there are).
 */
class Post implements PostView {
  readonly url: string;
  readonly absoluteUrl: string;
  readonly title: string;
  readonly readingMinutes: number;
  readonly section: LinkView;
  readonly tags: LinkView[];
  readonly breadcrumbs: LinkView[];
  readonly status: PostStatus;
  readonly numberText?: string;
  readonly picture?: PictureView;
  readonly bodyPictures?: BodyPicture[];
  readonly searchYear?: string;
  readonly searchDate?: string;
  previous?: LinkView;
  next?: LinkView;
  related: RelatedView[] = [];
  readonly #inputs: PostInputs;
  #summary: string | undefined;
  readonly #html: string | undefined;

  constructor(
    readonly bulletin: Bulletin,
    inputs: PostInputs,
  ) {
    const b = bulletin;
    this.#inputs = inputs;
    this.url = b.url;
    this.absoluteUrl = absoluteUrl(inputs.site.baseUrl, b.url);
    this.title = b.title;
    const { links } = inputs;
    this.section = links.label("section", b.section);
    this.tags = b.tags.map((t) => links.label("tag", t));
    this.breadcrumbs = inputs.crumbs;
    this.status = b.draft ? "draft" : isEmbargoed(b, inputs.now) ? "scheduled" : "published";
    if (b.number) this.numberText = `Boletín No. ${b.number}`;
    if (inputs.picture) this.picture = inputs.picture;
    if (inputs.bodyPictures) this.bodyPictures = inputs.bodyPictures;
    if (b.date) {
      this.searchYear = String(b.date.year);
      this.searchDate = new Date(b.date.epochMs).toISOString();
    }
    if (inputs.lazy) {
      this.readingMinutes = inputs.readingMinutes ? inputs.readingMinutes(b) : readingMinutes(inputs.plainText(b));
    } else {
      // One markdown parse gives the HTML and the text (the caller's functions may remember the last body).
      const text = inputs.plainText(b);
      this.#summary = bulletinSummary(b, text);
      this.readingMinutes = inputs.readingMinutes ? inputs.readingMinutes(b) : readingMinutes(text);
      this.#html = this.#withPictures(inputs.renderBody(b));
    }
  }

  get html(): string {
    return this.#html ?? this.#withPictures(this.#inputs.renderBody(this.bulletin));
  }

  /** The body's HTML as printed: with its pictures, and its site paths under the site's path prefix (if it has one). */
  #withPictures(html: string): string {
    const pictured = this.bodyPictures ? withBodyPictures(html, this.url, this.bodyPictures, { leadPicture: this.picture !== undefined }) : html;
    return htmlWithPathPrefix(pictured, pathPrefixOf(this.#inputs.site.baseUrl));
  }

  /** Plain-text summary: the description, or the start of the body (past a first paragraph that repeats the title). */
  get summary(): string {
    return (this.#summary ??= bulletinSummary(this.bulletin, this.#inputs.plainText(this.bulletin)));
  }

  // Computed when a page prints them (a rebuild renders few pages), and not kept: a cold build of a
  // large archive would otherwise hold every bulletin's JSON-LD until the end.
  get seo(): SeoView {
    const b = this.bulletin;
    return buildSeo(
      {
        url: b.url,
        title: b.title,
        summary: this.summary,
        section: b.section.label,
        tags: b.tags.map((t) => t.label),
        ...(b.author ? { author: b.author } : {}),
        ...(b.date ? { published: b.date.iso } : {}),
        ...(b.updated ? { modified: b.updated.iso } : {}),
        ...(b.image && this.picture ? { image: b.image, picture: this.picture } : {}),
      },
      this.#inputs.site,
    );
  }

  get share(): LinkView[] {
    return shareLinks(this.title, this.absoluteUrl);
  }
}

/**
 * A post with every accessor read into plain data, for a page rendered on another thread
 * (build/page-workers.ts). Every field of `PostView` is listed (the compiler checks it), so the
 * copy prints exactly what the post prints; the bulletin keeps only its enumerable fields (its
 * markdown, read on demand, is printed by no layout).
 */
export function plainPost(post: PostView): PostView {
  const copy: { [K in keyof Required<PostView>]: PostView[K] } = {
    bulletin: post.bulletin,
    url: post.url,
    absoluteUrl: post.absoluteUrl,
    title: post.title,
    html: post.html,
    summary: post.summary,
    readingMinutes: post.readingMinutes,
    section: post.section,
    tags: post.tags,
    previous: post.previous,
    next: post.next,
    breadcrumbs: post.breadcrumbs,
    status: post.status,
    numberText: post.numberText,
    picture: post.picture,
    bodyPictures: post.bodyPictures,
    seo: post.seo,
    related: post.related,
    share: post.share,
    searchYear: post.searchYear,
    searchDate: post.searchDate,
  };
  return copy;
}

/** How many parts of whole months each year's published bulletins are indexed in (1: the whole year), by year. */
export type SearchShardPlan = ReadonlyMap<string, number>;

/** Ways to split a year into parts of whole months: halves, thirds, quarters, two months, one month. */
const MONTH_PARTS = [1, 2, 3, 4, 6, 12];

/**
 * The fewest parts for each year that keep its parts at `maxPages` published bulletins or fewer
 * if they spread evenly over the year (a year of 5,000 at 2,000: thirds). The parts have fixed
 * months, so a new bulletin never moves another to another index.
 */
export function searchShardPlan(published: ReadonlyArray<Pick<PostView, "url" | "searchYear">>, maxPages: number): SearchShardPlan {
  const counts = new Map<string, number>();
  for (const post of published) {
    const year = yearOfPost(post);
    counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  return new Map([...counts].map(([year, n]) => [year, MONTH_PARTS.find((parts) => n <= parts * maxPages) ?? 12]));
}

/** The search index a published bulletin is in: its year (`2024`), or its year's part (`2024-07`: the part from July). */
export function searchShardOf(post: Pick<PostView, "url" | "searchYear" | "bulletin">, plan: SearchShardPlan): string {
  const year = yearOfPost(post);
  const parts = plan.get(year) ?? 1;
  if (parts === 1) return year;
  const months = 12 / parts;
  const first = Math.floor((post.bulletin.date!.month - 1) / months) * months + 1;
  return `${year}-${String(first).padStart(2, "0")}`;
}

function yearOfPost(post: Pick<PostView, "url" | "searchYear">): string {
  if (!post.searchYear) throw new Error(`El boletín ${post.url} está publicado sin fecha: no tiene índice de búsqueda.`);
  return post.searchYear;
}

/** The search indexes of these published bulletins, newest first (the order search.js merges them in), each with its year. */
export function searchShards(published: ReadonlyArray<Pick<PostView, "url" | "searchYear" | "bulletin">>, plan: SearchShardPlan): Array<{ name: string; year: string }> {
  const years = new Map<string, string>();
  for (const post of published) years.set(searchShardOf(post, plan), yearOfPost(post));
  return [...years].sort(([a], [b]) => newestShardFirst(a, b)).map(([name, year]) => ({ name, year }));
}

/**
 * Whether the site has an index of which words each search index has (search-index.ts): with one
 * index, it is the whole site's and answers alone.
 */
export function hasWordsIndex(shards: number): boolean {
  return shards > 1;
}

/** Order of the search indexes: newest year (and part of a year) first. */
export function newestShardFirst(a: string, b: string): number {
  return a < b ? 1 : a > b ? -1 : 0;
}
