import type { PostView } from "../render/views.ts";
import type { SiteConfig } from "../site.ts";
import { htmlDatetime } from "../policy/dates.ts";
import { formatCount } from "../policy/numbers.ts";
import { pathPrefixOf, srcsetWithPathPrefix, withPathPrefix } from "../policy/urls.ts";

/** What Nunjucks calls a global function with as `this`: the render's context, which knows its environment and its variables. */
interface CallContext {
  env: { render(name: string, context: object): string };
  lookup(name: string): unknown;
}

/** The card partial: one bulletin in a list or on the home page. */
export const CARD_TEMPLATE = "partials/post-card.njk";

/**
 * Cards already rendered, by environment, bulletin and heading level. A bulletin's card is the same
 * on every list that shows it (its tag's, its section's, its year's and month's, the home page), so
 * it is rendered once: at 10,000 bulletins the lists print ~60,000 cards of ~10,000 bulletins, and
 * an `{% include %}` per card was most of the time spent rendering lists. Keyed by the objects
 * themselves: new site data (every build, every rebuild of `serve`) or another environment starts
 * afresh, and nothing is held once they are gone.
 */
const rendered = new WeakMap<object, WeakMap<PostView, Map<number, string>>>();

/**
 * `card(item, level)`: the card partial rendered for `item` with its title at heading `level`. The
 * partial escapes everything it prints (autoescape), so layouts print the result with `| safe`.
 */
function card(this: CallContext, item: PostView, level: number): string {
  let byPost = rendered.get(this.env);
  if (!byPost) rendered.set(this.env, (byPost = new WeakMap()));
  let byLevel = byPost.get(item);
  if (!byLevel) byPost.set(item, (byLevel = new Map()));
  let html = byLevel.get(level);
  // The site's settings go along: the partial prints its links with `href`.
  if (html === undefined) byLevel.set(level, (html = this.env.render(CARD_TEMPLATE, { item, cardLevel: level, site: this.lookup("site") })));
  return html;
}

/**
 * The path prefix of the site the page is rendered for (policy/urls.ts), "" at the root of its origin.
 * Asked for every address of every page, for the one site a build renders: worked out once per base URL.
 */
let lastPrefix: { baseUrl: string; prefix: string } | undefined;
function prefixOf(context: CallContext): string {
  const site = context.lookup("site") as Pick<SiteConfig, "baseUrl"> | undefined;
  if (!site) return "";
  if (lastPrefix?.baseUrl !== site.baseUrl) lastPrefix = { baseUrl: site.baseUrl, prefix: pathPrefixOf(site.baseUrl) };
  return lastPrefix.prefix;
}

/**
 * `href(path)`: a site path as the page prints it, under the site's path prefix when it has one
 * (`/buscar/` → `/boletines/buscar/` for https://imss-mx.github.io/boletines); an http(s) address,
 * a fragment or nothing as it is. Every address a layout prints into the site goes through it.
 */
function href(this: CallContext, path: string | undefined): string | undefined {
  return typeof path === "string" ? withPathPrefix(prefixOf(this), path) : path;
}

/** `srcset(value)`: a picture's `srcset`, each candidate through `href`. */
function srcset(this: CallContext, value: string | undefined): string | undefined {
  return typeof value === "string" ? srcsetWithPathPrefix(prefixOf(this), value) : value;
}

/**
 * Functions the layouts call (`card`; `datetime(date)`: a `<time datetime>` value, policy/dates.ts;
 * `count(n)`: a count for readers, grouped as es-MX writes it, «9,866», policy/numbers.ts; `href`
 * and `srcset`: addresses into the site, under its path prefix),
 * registered on every Nunjucks environment that renders them: the build's (src/build/pages.ts) and
 * Eleventy's (src/eleventy/configure.ts).
 */
export const NUNJUCKS_GLOBALS: Readonly<Record<string, (...args: never[]) => unknown>> = { card, datetime: htmlDatetime, count: formatCount, href, srcset };
