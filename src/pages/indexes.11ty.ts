import { outputFileFor } from "../policy/urls.ts";
import type { IndexPage } from "../render/views.ts";

/** `/temas/`, `/secciones/`, `/boletines/` (layout: layouts/index.njk). */
export const data = {
  pagination: { data: "boletines.indexPages", size: 1, alias: "index" },
  permalink: (d: { index: IndexPage }) => outputFileFor(d.index.url),
  layout: "index.njk",
  eleventyExcludeFromCollections: true,
};

export function render(): string {
  return "";
}
