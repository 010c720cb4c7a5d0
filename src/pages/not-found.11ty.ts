import { PATHS, outputFileFor } from "../policy/urls.ts";

/** The 404 page every host serves for a missing path (layout: layouts/404.njk). */
export const data = {
  permalink: outputFileFor(PATHS.notFound),
  layout: "404.njk",
  eleventyExcludeFromCollections: true,
};

export function render(): string {
  return "";
}
