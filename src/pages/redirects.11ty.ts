import { outputFileFor } from "../policy/urls.ts";
import type { RedirectStub } from "../render/views.ts";

/** An HTML stub at every old path that can hold one (layout: layouts/redirect.njk). */
export const data = {
  pagination: { data: "boletines.redirects", size: 1, alias: "redirect", before: (items: RedirectStub[]) => items.filter((r) => r.writesStub) },
  permalink: (d: { redirect: RedirectStub }) => outputFileFor(d.redirect.from),
  layout: "redirect.njk",
  eleventyExcludeFromCollections: true,
};

export function render(): string {
  return "";
}
