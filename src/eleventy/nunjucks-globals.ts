import type { PostView } from "../render/views.ts";
import { htmlDatetime } from "../policy/dates.ts";
import { formatCount } from "../policy/numbers.ts";

/** What Nunjucks calls a global function with as `this`: the render's context, which knows its environment. */
interface CallContext {
  env: { render(name: string, context: object): string };
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
  if (html === undefined) byLevel.set(level, (html = this.env.render(CARD_TEMPLATE, { item, cardLevel: level })));
  return html;
}

/**
 * Functions the layouts call (`card`; `datetime(date)`: a `<time datetime>` value, policy/dates.ts;
 * `count(n)`: a count for readers, grouped as es-MX writes it, «9,866», policy/numbers.ts),
 * registered on every Nunjucks environment that renders them: the build's (src/build/pages.ts) and
 * Eleventy's (src/eleventy/configure.ts).
 */
export const NUNJUCKS_GLOBALS: Readonly<Record<string, (...args: never[]) => unknown>> = { card, datetime: htmlDatetime, count: formatCount };
