import { outputFileFor } from "../policy/urls.ts";
import type { ListPage } from "../render/views.ts";

/** Tag, section, year and month pages, already paginated in `render/site-data.ts` (layout: layouts/list.njk). */
export const data = {
  pagination: { data: "boletines.listPages", size: 1, alias: "list" },
  permalink: (d: { list: ListPage }) => outputFileFor(d.list.url),
  layout: "list.njk",
  eleventyExcludeFromCollections: true,
};

export function render(): string {
  return "";
}
