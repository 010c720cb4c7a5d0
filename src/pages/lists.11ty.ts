import { pagePerItem } from "../eleventy/page-definition.ts";
import type { ListPage } from "../render/views.ts";

/** Tag, section, year and month pages, already paginated in `render/site-data.ts` (layouts/list.njk). */
export const { data, render } = pagePerItem<ListPage, "list">({ items: "boletines.listPages", as: "list", path: (l) => l.url, layout: "list.njk" });
