import { singlePage } from "../eleventy/page-definition.ts";

/** The home page (layouts/home.njk). */
export const { data, render } = singlePage("/", "home.njk");
