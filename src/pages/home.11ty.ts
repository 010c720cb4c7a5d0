/** The home page (layout: layouts/home.njk). */
export const data = {
  permalink: "index.html",
  layout: "home.njk",
  eleventyExcludeFromCollections: true,
};

export function render(): string {
  return "";
}
