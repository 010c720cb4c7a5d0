import { PATHS, outputFileFor } from "../policy/urls.ts";

/** `/buscar/`: the only page with client JavaScript (Pagefind) (layout: layouts/search.njk). */
export const data = {
  permalink: outputFileFor(PATHS.search),
  layout: "search.njk",
  eleventyExcludeFromCollections: true,
};

export function render(): string {
  return "";
}
