import { singlePage } from "../eleventy/page-definition.ts";
import { PATHS } from "../policy/urls.ts";

/** `/suscripcion/`: every feed's address, to copy into a news reader (layouts/subscription.njk). */
export const { data, render } = singlePage(PATHS.subscribe, "subscription.njk");
