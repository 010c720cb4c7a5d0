import { singlePage } from "../eleventy/page-definition.ts";
import { PATHS } from "../policy/urls.ts";

/** The 404 page every host serves for a missing path (layouts/404.njk). */
export const { data, render } = singlePage(PATHS.notFound, "404.njk");
