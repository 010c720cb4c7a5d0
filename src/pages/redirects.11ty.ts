import { pagePerItem } from "../eleventy/page-definition.ts";
import type { RedirectStub } from "../render/views.ts";

/** An HTML stub at every old path that can hold one (layouts/redirect.njk); the rest only go to `_redirects`. */
export const { data, render } = pagePerItem<RedirectStub, "redirect">({
  items: "boletines.redirects",
  as: "redirect",
  path: (r) => r.from,
  layout: "redirect.njk",
  filter: (items) => items.filter((r) => r.writesStub),
});
