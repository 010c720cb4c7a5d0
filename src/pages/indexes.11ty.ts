import { pagePerItem } from "../eleventy/page-definition.ts";
import type { IndexPage } from "../render/views.ts";

/** `/temas/`, `/secciones/`, `/boletines/` (layouts/index.njk). */
export const { data, render } = pagePerItem<IndexPage, "index">({ items: "boletines.indexPages", as: "index", path: (i) => i.url, layout: "index.njk" });
