import { pagePerItem } from "../eleventy/page-definition.ts";
import type { PostView } from "../render/views.ts";

/** One page per bulletin (layouts/bulletin.njk). */
export const { data, render } = pagePerItem<PostView, "post">({ items: "boletines.posts", as: "post", path: (p) => p.url, layout: "bulletin.njk" });
